package billing

import (
	"fmt"
	"slices"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Demand is one demand for payment (rykkerskrivelse) sent for an unpaid
// invoice, with the fee charged for it (zero for none).
type Demand struct {
	Sent contract.Date   `json:"sent"`
	Fee  decimal.Decimal `json:"fee"`
}

// Collection is the state of collecting one overdue invoice: the debt, the
// demands sent so far and the compensation claimed. It is a value:
// [DemandRules.Send] returns the next state and leaves its argument as it
// was.
type Collection struct {
	// Invoice is the host's invoice number, for its own records.
	Invoice string `json:"invoice"`
	Debt    Debt   `json:"debt"`
	// Demands are the demands sent, oldest first.
	Demands []Demand `json:"demands,omitempty"`
	// Compensation is the compensation of renteloven § 9 a claimed, and
	// CompensationClaimed the day it was; zero when none was.
	Compensation        decimal.Decimal `json:"compensation"`
	CompensationClaimed contract.Date   `json:"compensation_claimed"`
}

// Fees returns the sum of the fees charged on c's demands.
func (c Collection) Fees() decimal.Decimal {
	t := decimal.Zero
	for _, d := range c.Demands {
		t = t.Add(d.Fee)
	}
	return t
}

// DemandRules are the rules for demands for payment, their fees and what
// unpaid demands allow the provider to do. Build them with
// [DemandRulesFor]; the zero DemandRules allows demands on consecutive
// days, refuses every fee and gives no remedies.
type DemandRules struct {
	// Interval is the least time between two demands, and the time after
	// which a demand counts as unpaid (renteloven § 9 b(1): 10 days).
	Interval contract.Period
	// MaxFee is the highest fee for one demand and MaxFees the number of
	// demands a fee may be charged for (renteloven § 9 b(1): 100 DKK,
	// three demands).
	MaxFee  decimal.Decimal
	MaxFees int
	// Compensation is the one-off compensation a business customer owes
	// when payment is late (renteloven § 9 a(1): 310 DKK).
	Compensation decimal.Decimal
	// Currency is the currency of MaxFee and Compensation (DKK); a fee
	// on a debt in another currency is refused.
	Currency currency.Unit
	// Terms give the remedies for unpaid demands: suspension after
	// SuspendAfterDemands (terms 12.3: 2) and termination after
	// TerminateAfterDemands (terms 17.3: 3).
	Terms contract.Terms
}

// DemandRulesFor returns the Danish statutory demand rules (renteloven
// §§ 9 a, 9 b: 10 days apart, at most 100 DKK for at most three demands,
// 310 DKK compensation) with the remedies of terms t (OpenDIMS: suspension
// after 2 unpaid demands, termination after 3).
func DemandRulesFor(t contract.Terms) DemandRules {
	return DemandRules{
		Interval:     contract.Days(10),
		MaxFee:       decimal.New(100, 0),
		MaxFees:      3,
		Compensation: decimal.New(310, 0),
		Currency:     currency.DKK,
		Terms:        t,
	}
}

// DemandOutcome is the answer to a request to send a demand: whether the
// demand, its fee and the compensation are allowed, each explained.
type DemandOutcome struct {
	// Demand decides whether the demand may be sent on the day asked. A
	// refusal for sending too early has Date set to the first day it may
	// be sent.
	Demand contract.Decision
	// Fee decides the fee asked for; a refused fee is not recorded.
	Fee contract.Decision
	// Compensation decides the compensation of renteloven § 9 a, claimed
	// with the first demand to a business customer.
	Compensation contract.Decision
}

var (
	cite9b  = contract.Cite(SourceRenteloven, "§ 9 b")
	cite9a  = contract.Cite(SourceRenteloven, "§ 9 a")
	cite123 = contract.Clause("12.3")
	cite173 = contract.Clause("17.3")
)

// Send decides a demand for payment of c's debt sent on day on with the
// given fee (zero for none), and returns the collection with the demand
// recorded when it is allowed. A demand is allowed once the debt is
// overdue (the day after the due date) and still unpaid, and at least
// Interval after the previous demand: after a demand on 2025-03-10 the next
// may be sent on 2025-03-20, and one on 2025-03-19 is refused with Date
// 2025-03-20. A fee above MaxFee, or a fee on a demand after MaxFees
// demands already carried one, is refused with its reason and the demand
// is recorded without it. A business customer's first allowed demand also
// claims the compensation, once.
//
// A refused demand returns c unchanged. Invalid input (a bad debt, a
// negative fee) is a [*ValidationError].
func (r DemandRules) Send(c Collection, on contract.Date, fee decimal.Decimal) (Collection, DemandOutcome, error) {
	var out DemandOutcome
	ps := problems{what: "demand"}
	if on.IsZero() {
		ps.add("on", "required", "")
	}
	if fee.IsNegative() {
		ps.add("fee", "gte", "must not be negative")
	}
	if _, ok := toMinor(fee, money.Scale(c.Debt.Currency)); !ok {
		ps.add("fee", "scale", "more decimals than the currency's minor unit")
	}
	for i := 1; i < len(c.Demands); i++ {
		if c.Demands[i].Sent.Before(c.Demands[i-1].Sent) {
			ps.add(fmt.Sprintf("demands[%d].sent", i), "gtefield", "demands must be in date order")
		}
	}
	start, left, err := outstanding(c.Debt, on)
	if err != nil {
		return c, out, err
	}
	if err := ps.err(); err != nil {
		return c, out, err
	}
	out.Demand = contract.Decision{Rule: "renteloven § 9 b", From: start, Citations: []contract.Citation{cite9b}}
	switch {
	case left <= 0:
		out.Demand.Reason = reason(rsDemandPaid)
	case !on.After(start):
		out.Demand.Date = start.AddDays(1)
		out.Demand.Reason = reason(rsDemandNotDue, start.String())
	case len(c.Demands) > 0 && on.Before(c.Demands[len(c.Demands)-1].Sent.Add(r.Interval)):
		prev := c.Demands[len(c.Demands)-1].Sent
		out.Demand.From = prev
		out.Demand.Date = prev.Add(r.Interval)
		out.Demand.Reason = reason(rsDemandTooEarly, prev.DaysUntil(out.Demand.Date), out.Demand.Date.String())
	default:
		out.Demand.Allowed = true
		out.Demand.Date = on
		out.Demand.Reason = reason(rsDemandOK, on.String())
	}
	if !out.Demand.Allowed {
		return c, out, nil
	}

	n := len(c.Demands) + 1
	charged := 0
	for _, d := range c.Demands {
		if d.Fee.IsPositive() {
			charged++
		}
	}
	out.Fee = contract.Decision{Rule: "renteloven § 9 b", Date: on, Citations: []contract.Citation{cite9b}}
	recorded := decimal.Zero
	switch {
	case fee.IsZero():
		out.Fee.Allowed = true
		out.Fee.Reason = reason(rsFeeNone)
	case c.Debt.Currency != r.Currency:
		out.Fee.Reason = reason(rsFeeCurrency, r.Currency.String())
	case fee.GreaterThan(r.MaxFee):
		out.Fee.Reason = reason(rsFeeTooHigh, money.Format(r.MaxFee, r.Currency), r.Currency.String())
	case charged >= r.MaxFees:
		out.Fee.Reason = reason(rsFeeTooMany, r.MaxFees)
	default:
		out.Fee.Allowed = true
		recorded = fee
		out.Fee.Reason = reason(rsFeeOK, money.Format(fee, r.Currency), r.Currency.String(), n)
	}

	next := c
	next.Demands = append(slices.Clip(c.Demands), Demand{Sent: on, Fee: recorded})

	out.Compensation = contract.Decision{Rule: "renteloven § 9 a", From: start, Citations: []contract.Citation{cite9a}}
	switch {
	case c.Debt.Customer != Business:
		out.Compensation.Reason = reason(rsCompConsumer)
	case !c.CompensationClaimed.IsZero():
		out.Compensation.Date = c.CompensationClaimed
		out.Compensation.Reason = reason(rsCompClaimed, c.CompensationClaimed.String())
	case c.Debt.Currency != r.Currency || !r.Compensation.IsPositive():
		out.Compensation.Reason = reason(rsFeeCurrency, r.Currency.String())
	default:
		out.Compensation.Allowed = true
		out.Compensation.Date = on
		out.Compensation.Reason = reason(rsCompOK, money.Format(r.Compensation, r.Currency), r.Currency.String())
		next.Compensation = r.Compensation
		next.CompensationClaimed = on
	}
	return next, out, nil
}

// Remedies decides, on day on, whether unpaid demands let the provider
// suspend the customer's access (terms 12.3, [contract.Terms.Suspension])
// and terminate the agreement (terms 17.3,
// [contract.Terms.ProviderTermination]) under the rules' Terms. A demand
// counts as unpaid once Interval has passed since it was sent -- the day
// the next demand could be sent -- with the debt still unpaid: with
// demands on 2025-03-10 and 2025-03-20, suspension is allowed on
// 2025-03-30 and refused on 2025-03-29. An allowed decision's From is the
// day the deciding demand became unpaid. A paid debt allows neither.
func (r DemandRules) Remedies(c Collection, on contract.Date) (suspend, terminate contract.Decision, err error) {
	_, left, err := outstanding(c.Debt, on)
	if err != nil {
		return suspend, terminate, err
	}
	if left <= 0 {
		suspend = contract.Decision{Rule: "terms 12.3", Citations: []contract.Citation{cite123}, Reason: reason(rsDemandPaid)}
		terminate = contract.Decision{Rule: "terms 17.3", Citations: []contract.Citation{cite173}, Reason: reason(rsDemandPaid)}
		return suspend, terminate, nil
	}
	var since []contract.Date
	for _, d := range c.Demands {
		if at := d.Sent.Add(r.Interval); !at.After(on) {
			since = append(since, at)
		}
	}
	unpaid := len(since)
	suspend = r.Terms.Suspension(unpaid, on)
	terminate = r.Terms.ProviderTermination(unpaid, on)
	if suspend.Allowed {
		suspend.From = since[r.Terms.SuspendAfterDemands-1]
	}
	if terminate.Allowed {
		terminate.From = since[r.Terms.TerminateAfterDemands-1]
	}
	return suspend, terminate, nil
}

// outstanding validates d and returns the day interest counts from (the
// due date, or 30 days after sending) and the principal left in minor
// units after payments received on or before on.
func outstanding(d Debt, on contract.Date) (contract.Date, int64, error) {
	e, err := InterestRules{}.prepare(d, on, money.Scale(d.Currency))
	if err != nil {
		return contract.Date{}, 0, err
	}
	left := e.principal
	for _, p := range e.payments {
		left -= p.amount
	}
	return e.start, left, nil
}
