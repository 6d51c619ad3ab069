package billing

import (
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
)

// TestCollectionObligations checks the dated rights and duties of a late
// invoice: pay by the due date (terms 12.3), interest from the day after
// (renteloven § 3), each next demand 10 days after the last (§ 9 b),
// suspension after two unpaid demands (terms 12.3), termination after the
// third (17.3) and the compensation from a business (§ 9 a, stk. 3), all
// ending when the payment covers the amount.
func TestCollectionObligations(t *testing.T) {
	loc := contract.Copenhagen()
	at := func(s string) time.Time { v, _ := day(s).In(loc); return v }
	r := DemandRulesFor(contract.OpenDIMSTerms())
	c := Collection{Invoice: "INV-7", Debt: Debt{Amount: dkk("1250.00"), Due: day("2026-03-02"), Sent: day("2026-01-31"), Customer: Business,
		Payments: []Payment{{Date: day("2026-04-20"), Amount: dkk("1250.00")}}},
		Demands: []Demand{{Sent: day("2026-03-05")}, {Sent: day("2026-03-16")}, {Sent: day("2026-03-27")}}}
	obs, err := r.Obligations(c, loc)
	if err != nil {
		t.Fatal(err)
	}
	type span struct{ from, until string }
	want := map[string]span{
		WhatPayInvoice + " INV-7":             {"2026-01-31", "2026-03-03"},
		WhatChargeInterest + " INV-7":         {"2026-03-03", "2026-04-21"},
		WhatClaimCompensation + " INV-7":      {"2026-03-03", ""},
		WhatSendDemand + " INV-7 demand 1":    {"2026-03-03", "2026-03-05"},
		WhatSendDemand + " INV-7 demand 2":    {"2026-03-15", "2026-03-16"},
		WhatSendDemand + " INV-7 demand 3":    {"2026-03-26", "2026-03-27"},
		WhatSendDemand + " INV-7 demand 4":    {"2026-04-06", "2026-04-21"},
		WhatSuspendAccess + " INV-7":          {"2026-03-26", "2026-04-21"},
		WhatTerminateForNonPayment + " INV-7": {"2026-04-06", "2026-04-21"},
	}
	if len(obs) != len(want) {
		t.Errorf("terms 12.3 %d obligations, want %d: %+v", len(obs), len(want), obs)
	}
	for _, o := range obs {
		w, ok := want[o.What+" "+o.Ref]
		var until time.Time
		if w.until != "" {
			until = at(w.until)
		}
		if !ok || !o.From.Equal(at(w.from)) || !o.Until.Equal(until) {
			t.Errorf("terms 12.3 %s %s: from %s until %s, want %+v", o.What, o.Ref, o.From, o.Until, w)
		}
	}
	onTime := c
	onTime.Demands = nil
	onTime.Debt.Payments = []Payment{{Date: day("2026-02-20"), Amount: dkk("1250.00")}}
	obs, err = r.Obligations(onTime, loc)
	if err != nil {
		t.Fatal(err)
	}
	if len(obs) != 1 || obs[0].What != WhatPayInvoice || !obs[0].Until.Equal(at("2026-02-21")) {
		t.Errorf("terms 12.3 paid on time: %+v, want only the duty to pay, ended by the payment", obs)
	}
}
