package billing

import (
	"slices"
	"strconv"
	"time"

	"github.com/pimkit/pimkit/contract"
)

// What codes of the obligations package billing gives, for
// [contract.NewSchedule].
const (
	// WhatPayInvoice is the customer's duty to pay an invoice by its due
	// date (terms 12.3: 30 days after receipt).
	WhatPayInvoice = "pay_invoice"
	// WhatChargeInterest is the provider's right to late interest from the
	// day after the due date until payment (terms 12.3, renteloven § 3).
	WhatChargeInterest = "charge_interest"
	// WhatSendDemand is the provider's right to send the next demand for
	// payment, once Interval has passed since the last (renteloven § 9 b).
	WhatSendDemand = "send_demand"
	// WhatSuspendAccess is the provider's right to close the customer's
	// access after unpaid demands (terms 12.3).
	WhatSuspendAccess = "suspend_access"
	// WhatTerminateForNonPayment is the provider's right to terminate after
	// the third unpaid demand (terms 17.3).
	WhatTerminateForNonPayment = "terminate_for_non_payment"
	// WhatClaimCompensation is the provider's right to the fixed
	// compensation for recovery costs from a business debtor paying late
	// (renteloven § 9 a, stk. 3).
	WhatClaimCompensation = "claim_compensation"
)

// Obligations gives the dated rights and duties of the invoice c collects,
// in zone loc: the customer's duty to pay by the due date; once it is
// late, the provider's right to interest until it is paid, to each next
// demand for payment when Interval has passed since the last, to suspend
// access and to terminate once enough demands are unpaid (terms 12.3,
// 17.3, as [DemandRules.Remedies] decides them), and, from a business
// debtor, to the fixed compensation until it is claimed (renteloven § 9 a,
// stk. 3). Everything ends at the end of the day the payments received
// cover the amount; Ref is the invoice number. An invalid collection is
// the error [DemandRules.Remedies] gives.
func (r DemandRules) Obligations(c Collection, loc *time.Location) ([]contract.Obligation, error) {
	if loc == nil {
		return nil, contract.ErrNilLocation
	}
	if _, _, err := r.Remedies(c, contract.MustParseDate("9999-12-31")); err != nil {
		return nil, err
	}
	at := func(d contract.Date) time.Time { t, _ := d.In(loc); return t }
	// The day the payments cover the amount.
	var paid contract.Date
	pays := slices.Clone(c.Debt.Payments)
	slices.SortStableFunc(pays, func(a, b Payment) int { return a.Date.Compare(b.Date) })
	total, _ := minor(c.Debt.Amount)
	for _, p := range pays {
		a, _ := minor(p.Amount)
		total -= a
		if total <= 0 {
			paid = p.Date
			break
		}
	}
	var end time.Time
	if !paid.IsZero() {
		end = at(paid.AddDays(1))
	}
	clip := func(o contract.Obligation) (contract.Obligation, bool) {
		if !end.IsZero() && (o.Until.IsZero() || end.Before(o.Until)) {
			o.Until, o.Deadline = end, 0
		}
		return o, o.Until.IsZero() || o.Until.After(o.From)
	}
	due := c.Debt.Due
	if due.IsZero() {
		due = c.Debt.Sent.AddDays(30) // renteloven § 3, stk. 2
	}
	from := c.Debt.Sent
	if from.IsZero() || from.After(due) {
		from = due
	}
	var out []contract.Obligation
	add := func(o contract.Obligation) {
		o.Ref = c.Invoice
		if o, ok := clip(o); ok {
			out = append(out, o)
		}
	}
	add(contract.Obligation{Party: contract.CustomerSide, What: WhatPayInvoice, From: at(from), Until: at(due.AddDays(1)),
		Rule: "terms 12.3", Citations: []contract.Citation{cite123}})
	late := due.AddDays(1)
	if paid.IsZero() || paid.After(due) {
		add(contract.Obligation{Party: contract.ProviderSide, What: WhatChargeInterest, Right: true, From: at(late),
			Rule: "terms 12.3", Citations: []contract.Citation{cite123, contract.Cite("renteloven", "§ 3")}})
		if c.Debt.Customer == Business {
			claimed := time.Time{}
			if !c.CompensationClaimed.IsZero() {
				claimed = at(c.CompensationClaimed)
			}
			// Not clipped by the payment: the compensation is owed even when
			// the debt is paid, late.
			o := contract.Obligation{Party: contract.ProviderSide, What: WhatClaimCompensation, Right: true, From: at(late),
				Until: claimed, Ref: c.Invoice, Rule: "renteloven § 9 a",
				Citations: []contract.Citation{contract.Cite("renteloven", "§ 9 a, stk. 3")}}
			if o.Until.IsZero() || o.Until.After(o.From) {
				out = append(out, o)
			}
		}
		next := late
		for i := 0; i <= len(c.Demands); i++ {
			o := contract.Obligation{Party: contract.ProviderSide, What: WhatSendDemand, Right: true, From: at(next),
				Rule: "renteloven § 9 b", Citations: []contract.Citation{contract.Cite("renteloven", "§ 9 b")}}
			if i < len(c.Demands) {
				o.Until = at(c.Demands[i].Sent)
				next = c.Demands[i].Sent.Add(r.Interval)
			}
			if o.Until.IsZero() || o.Until.After(o.From) {
				o.Ref = c.Invoice + " demand " + strconv.Itoa(i+1)
				if o, ok := clip(o); ok {
					out = append(out, o)
				}
			}
		}
		unpaid := make([]contract.Date, len(c.Demands))
		for i, d := range c.Demands {
			unpaid[i] = d.Sent.Add(r.Interval)
		}
		if n := r.Terms.SuspendAfterDemands; n > 0 && n <= len(unpaid) {
			add(contract.Obligation{Party: contract.ProviderSide, What: WhatSuspendAccess, Right: true, From: at(unpaid[n-1]),
				Rule: "terms 12.3", Citations: []contract.Citation{cite123}})
		}
		if n := r.Terms.TerminateAfterDemands; n > 0 && n <= len(unpaid) {
			add(contract.Obligation{Party: contract.ProviderSide, What: WhatTerminateForNonPayment, Right: true, From: at(unpaid[n-1]),
				Rule: "terms 17.3", Citations: []contract.Citation{cite173, cite123}})
		}
	}
	return out, nil
}
