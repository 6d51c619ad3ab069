package billing

import (
	"errors"
	"testing"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// TestCompensate: the fixed compensation of renteloven § 9 a, stk. 3
// (310 DKK under stk. 4; Directive 2011/7/EU Art. 6: EUR 40) is owed on
// late payment of a business debt, without a demand, in any currency.
func TestCompensate(t *testing.T) {
	rules := DemandRulesFor(contract.OpenDIMSTerms())
	eurDebt := Collection{Invoice: "2025-0043", Debt: Debt{Amount: eur("1250.00"), Due: day("2025-03-01"), Customer: Business}}
	paidLate := overdue(Business)
	paidLate.Debt.Payments = []Payment{{Date: day("2025-03-05"), Amount: dkk("1250.00")}}
	paidOnTime := overdue(Business)
	paidOnTime.Debt.Payments = []Payment{{Date: day("2025-03-01"), Amount: dkk("1250.00")}}
	claimed := overdue(Business)
	claimed.Compensation, claimed.CompensationClaimed = dkk("310.00"), day("2025-03-03")
	tests := []struct {
		name    string
		c       Collection
		on      string
		rate    string
		allowed bool
		amount  string
		cur     currency.Unit
		date    string
	}{
		{"renteloven § 9 a, stk. 3: late DKK business debt, no demand sent", overdue(Business), "2025-03-02", "0", true, "310.00", currency.DKK, "2025-03-02"},
		{"renteloven § 9 a, stk. 3, Directive 2011/7/EU Art. 6: a EUR debt, the host's rate 0.1340", eurDebt, "2025-03-02", "0.1340", true, "41.54", currency.EUR, "2025-03-02"},
		{"renteloven § 9 a, stk. 3: still owed after a late payment", paidLate, "2025-04-01", "0", true, "310.00", currency.DKK, "2025-04-01"},
		{"renteloven § 9 a, stk. 3: not owed when paid by the due date", paidOnTime, "2025-04-01", "0", false, "", currency.DKK, ""},
		{"renteloven § 9 a, stk. 3: not late on the due date itself", overdue(Business), "2025-03-01", "0", false, "", currency.DKK, "2025-03-02"},
		{"renteloven § 9 a applies to business debtors only", overdue(Consumer), "2025-03-02", "0", false, "", currency.DKK, ""},
		{"renteloven § 9 a, stk. 3: claimed once", claimed, "2025-03-10", "0", false, "310.00", currency.DKK, "2025-03-03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next, d, err := rules.Compensate(tt.c, day(tt.on), contract.Dec(dec(tt.rate)))
			if err != nil {
				t.Fatal(err)
			}
			if d.Allowed != tt.allowed || d.Rule != "renteloven § 9 a, stk. 3" || d.Citations[0] != cite9a3 {
				t.Errorf("Compensate() = %v, want allowed %v by renteloven § 9 a, stk. 3", d, tt.allowed)
			}
			if tt.amount != "" && !next.Compensation.Equal(contract.MustParseMoney(tt.amount, tt.cur)) {
				t.Errorf("compensation = %s, want %s %s", next.Compensation, tt.amount, tt.cur)
			}
			if tt.amount == "" && !next.Compensation.IsZero() {
				t.Errorf("compensation = %s, want none", next.Compensation)
			}
			if tt.date != "" && d.Date != day(tt.date) {
				t.Errorf("decision date = %s, want %s", d.Date, tt.date)
			}
		})
	}
}

// TestCompensateProblems: a foreign-currency debt needs the host's rate.
func TestCompensateProblems(t *testing.T) {
	rules := DemandRulesFor(contract.OpenDIMSTerms())
	c := Collection{Debt: Debt{Amount: eur("1250.00"), Due: day("2025-03-01"), Customer: Business}}
	_, _, err := rules.Compensate(c, day("2025-03-02"), contract.Decimal{})
	if !errors.Is(err, ErrInvalid) || !hasProblem(err, "rate", "dgt") {
		t.Errorf("Compensate(EUR debt, no rate) = %v, want rate dgt", err)
	}
}

// TestSendEURCompensation: Send no longer refuses the compensation of a
// EUR debt with the fee limit's reason; it says a rate is needed.
func TestSendEURCompensation(t *testing.T) {
	rules := DemandRulesFor(contract.OpenDIMSTerms())
	c := Collection{Debt: Debt{Amount: eur("1250.00"), Due: day("2025-03-01"), Customer: Business}}
	_, out, err := rules.Send(c, day("2025-03-05"), contract.Money{})
	if err != nil {
		t.Fatal(err)
	}
	want := "the compensation of DKK\u00a0310.00 is owed in the debt's currency, EUR, at an exchange rate the host supplies"
	if out.Compensation.Allowed || out.Compensation.Reason.String() != want || out.Compensation.Rule != "renteloven § 9 a, stk. 3" {
		t.Errorf("Send(EUR).Compensation = %v %q %q, want refused: %q", out.Compensation.Allowed, out.Compensation.Reason.String(), out.Compensation.Rule, want)
	}
	if da := out.Compensation.Reason.In(language.Danish); da == want {
		t.Errorf("no Danish reason: %q", da)
	}
}
