package billing

import (
	"slices"
	"strconv"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"golang.org/x/text/currency"
)

// Demand is one demand for payment (rykkerskrivelse) sent for an unpaid
// invoice, with the fee charged for it: the zero Money for none.
type Demand struct {
	Sent contract.Date  `json:"sent"`
	Fee  contract.Money `json:"fee,omitzero"`
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
	// CompensationClaimed the day it was; both zero when none was.
	Compensation        contract.Money `json:"compensation,omitzero"`
	CompensationClaimed contract.Date  `json:"compensation_claimed,omitzero"`
}

// Fees returns the sum of the fees charged on c's demands, in the debt's
// currency: 0.00 DKK when none was. Fees in two currencies are an error
// wrapping [ErrCurrencyMismatch]; [DemandRules.Send] records none such.
func (c Collection) Fees() (contract.Money, error) {
	t := contract.ZeroMoney(c.Debt.Amount.Currency())
	for _, d := range c.Demands {
		var err error
		if t, err = t.Add(d.Fee); err != nil {
			return contract.Money{}, err
		}
	}
	return t, nil
}

// DemandRules are the rules for demands for payment, their fees and what
// unpaid demands allow the provider to do. Build them with
// [DemandRulesFor]; the zero DemandRules allows demands on consecutive
// days, refuses every fee and gives no remedies.
type DemandRules struct {
	// Interval is the least time between two demands, and the time after
	// which a demand counts as unpaid (renteloven § 9 b(1): 10 days).
	Interval contract.Period `json:"interval"`
	// MaxFee is the highest fee for one demand and MaxFees the number of
	// demands a fee may be charged for (renteloven § 9 b(1): 100.00 DKK,
	// three demands). A fee on a debt in another currency than MaxFee's
	// is refused.
	MaxFee  contract.Money `json:"max_fee,omitzero"`
	MaxFees int            `json:"max_fees" validate:"gte=0"`
	// Compensation is the fixed compensation for recovery costs a
	// business debtor owes once when payment is late (renteloven § 9 a,
	// stk. 3: 310.00 DKK, the amount set by executive order under stk. 4;
	// Directive 2011/7/EU Art. 6: at least EUR 40), in MaxFee's currency.
	// It is owed without a demand and whatever the debt's currency: see
	// [DemandRules.Compensate].
	Compensation contract.Money `json:"compensation,omitzero"`
	// Terms give the remedies for unpaid demands: suspension after
	// SuspendAfterDemands (terms 12.3: 2) and termination after
	// TerminateAfterDemands (terms 17.3: 3).
	Terms contract.Terms `json:"terms"`
}

// DemandRulesFor returns the Danish statutory demand rules (renteloven
// § 9 b: 10 days apart, at most 100.00 DKK for at most three demands;
// § 9 a, stk. 3: 310.00 DKK compensation) with the remedies of terms t
// (OpenDIMS: suspension after 2 unpaid demands, termination after 3).
func DemandRulesFor(t contract.Terms) DemandRules {
	return DemandRules{
		Interval:     contract.Days(10),
		MaxFee:       contract.MustParseMoney("100.00", currency.DKK),
		MaxFees:      3,
		Compensation: contract.MustParseMoney("310.00", currency.DKK),
		Terms:        t,
	}
}

// Validate reports every problem of r in a [*contract.ValidationError]
// wrapping [ErrInvalid]: a negative interval ("interval", gte), a negative
// fee limit or compensation ("max_fee", "compensation", gte), a
// compensation in another currency than the fee limit ("compensation",
// currency_mismatch), a negative MaxFees ("max_fees", gte).
func (r DemandRules) Validate() error {
	var ps contract.Problems
	r.problems(&ps, "")
	return invalid(&ps, "validate demand rules")
}

func (r DemandRules) problems(ps *contract.Problems, prefix string) {
	ps.Check(prefix, r)
	if r.Interval.IsNegative() {
		ps.Add(join(prefix, "interval"), "gte", "P0D")
	}
	if !r.MaxFee.IsZero() {
		checkAmount(ps, join(prefix, "max_fee"), r.MaxFee, contract.Currency{}, nonNegative)
	}
	if !r.Compensation.IsZero() {
		checkAmount(ps, join(prefix, "compensation"), r.Compensation, contract.CurrencyOf(r.MaxFee.Currency()), nonNegative)
	}
}

// DemandOutcome is the answer to a request to send a demand: whether the
// demand, its fee and the compensation are allowed, each explained.
type DemandOutcome struct {
	// Demand decides whether the demand may be sent on the day asked. A
	// refusal for sending too early has Date set to the first day it may
	// be sent.
	Demand contract.Decision `json:"demand"`
	// Fee decides the fee asked for; a refused fee is not recorded. It is
	// the zero Decision when the demand is refused.
	Fee contract.Decision `json:"fee"`
	// Compensation decides the compensation of renteloven § 9 a, stk. 3,
	// claimed with the first demand to a business customer unless it was
	// claimed before ([DemandRules.Compensate] claims it without a
	// demand); the zero Decision when the demand is refused.
	Compensation contract.Decision `json:"compensation"`
}

var (
	cite9b  = contract.Cite(SourceRenteloven, "§ 9 b")
	cite9a3 = contract.Cite(SourceRenteloven, "§ 9 a, stk. 3")
	cite9a4 = contract.Cite(SourceRenteloven, "§ 9 a, stk. 4")
	citeLPD = contract.Cite("Directive 2011/7/EU", "Art. 6")
	cite123 = contract.Clause("12.3")
	cite173 = contract.Clause("17.3")
)

// Send decides a demand for payment of c's debt sent on day on with the
// given fee (the zero Money for none), and returns the collection with the
// demand recorded when it is allowed. A demand is allowed once the debt is
// overdue (the day after the due date) and still unpaid, and at least
// Interval after the previous demand: after a demand on 2025-03-10 the next
// may be sent on 2025-03-20, and one on 2025-03-19 is refused with Date
// 2025-03-20. A fee above MaxFee, or a fee on a demand after MaxFees
// demands already carried one, is refused with its reason ("a demand fee
// may be at most 100,00 kr." in Danish) and the demand is recorded
// without it. A business customer's first allowed demand also claims the
// compensation of renteloven § 9 a, stk. 3, once, when it was not claimed
// before; for a debt in another currency than the rules' compensation
// the decision says that an exchange rate is needed, and the host claims
// it with [DemandRules.Compensate].
//
// A refused demand returns c unchanged. Invalid input (a bad debt at
// "debt.amount", a negative fee or one in another currency than the debt
// at "fee", demands out of date order, bad rules under "rules.") is a
// [*contract.ValidationError].
func (r DemandRules) Send(c Collection, on contract.Date, fee contract.Money) (Collection, DemandOutcome, error) {
	var out DemandOutcome
	var ps contract.Problems
	if on.IsZero() {
		ps.Add("on", "required", "")
	}
	cur := c.Debt.Amount.Currency()
	if !fee.IsZero() {
		checkAmount(&ps, "fee", fee, contract.CurrencyOf(cur), nonNegative)
	}
	for i := 1; i < len(c.Demands); i++ {
		if c.Demands[i].Sent.Before(c.Demands[i-1].Sent) {
			ps.Add("demands["+strconv.Itoa(i)+"].sent", "gtefield", "demands["+strconv.Itoa(i-1)+"].sent")
		}
	}
	c.Debt.problems(&ps, "debt")
	r.problems(&ps, "rules")
	if err := invalid(&ps, "send demand"); err != nil {
		return c, out, err
	}
	start, left := outstanding(c.Debt, on)
	out.Demand = contract.Decision{Rule: "renteloven § 9 b", From: start, Citations: []contract.Citation{cite9b}}
	switch {
	case left <= 0:
		out.Demand.Reason = reason(rsDemandPaid)
	case !on.After(start):
		out.Demand.Date = start.AddDays(1)
		out.Demand.Reason = reason(rsDemandNotDue, start)
	case len(c.Demands) > 0 && on.Before(c.Demands[len(c.Demands)-1].Sent.Add(r.Interval)):
		prev := c.Demands[len(c.Demands)-1].Sent
		out.Demand.From = prev
		out.Demand.Date = prev.Add(r.Interval)
		out.Demand.Reason = reason(rsDemandTooEarly, prev.DaysUntil(out.Demand.Date), out.Demand.Date)
	default:
		out.Demand.Allowed = true
		out.Demand.Date = on
		out.Demand.Reason = reason(rsDemandOK, on)
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
	limit := r.MaxFee.Currency()
	out.Fee = contract.Decision{Rule: "renteloven § 9 b", Date: on, Citations: []contract.Citation{cite9b}}
	var recorded contract.Money
	switch {
	case fee.Sign() == 0:
		out.Fee.Allowed = true
		out.Fee.Reason = reason(rsFeeNone)
	case cur != limit:
		out.Fee.Reason = reason(rsFeeCurrency, limit.String())
	case fee.Amount().GreaterThan(r.MaxFee.Amount()):
		out.Fee.Reason = reason(rsFeeTooHigh, r.MaxFee)
	case charged >= r.MaxFees:
		out.Fee.Reason = reason(rsFeeTooMany, r.MaxFees)
	default:
		out.Fee.Allowed = true
		recorded = fee
		out.Fee.Reason = reason(rsFeeOK, fee, n)
	}

	next := c
	next.Demands = append(slices.Clip(c.Demands), Demand{Sent: on, Fee: recorded})

	if cur != r.Compensation.Currency() && r.Compensation.IsPositive() && c.Debt.Customer == Business && c.CompensationClaimed.IsZero() {
		out.Compensation = compDecision(start)
		out.Compensation.Reason = reason(rsCompRate, r.Compensation, cur.String())
		return next, out, nil
	}
	next, out.Compensation = r.compensate(next, on, start, r.Compensation)
	return next, out, nil
}

func compDecision(start contract.Date) contract.Decision {
	return contract.Decision{Rule: "renteloven § 9 a, stk. 3", From: start,
		Citations: []contract.Citation{cite9a3, cite9a4, citeLPD}}
}

// Compensate decides the fixed compensation for recovery costs on c's
// debt on day on, and returns c with it claimed when it is owed. A
// business debtor owes it once payment is late (renteloven § 9 a, stk.
// 3; Directive 2011/7/EU Art. 6): from the day after the due date, when
// the debt was not paid in full by then -- without any demand, and still
// after a late payment. A consumer never owes it, a debt paid in full by
// its due date does not, and a claim is made once.
//
// It is owed whatever the debt's currency. The amount is the rules'
// Compensation (310.00 DKK, the amount set under § 9 a, stk. 4); for a
// debt in another currency the host supplies rate, the units of the
// debt's currency one unit of the compensation's buys, and the amount is
// converted and rounded half away from zero: 310.00 DKK at 0.1340 EUR is
// 41.54 EUR. rate is ignored when the currencies agree.
//
// 1,250.00 EUR due 2025-03-01, unpaid, decided on 2025-03-02 with rate
// 0.1340: allowed, 41.54 EUR. On 2025-03-01 it is refused with Date
// 2025-03-02. Invalid input (a bad debt at "debt.amount", a missing or
// non-positive rate for a foreign-currency debt at "rate", bad rules
// under "rules.") is a [*contract.ValidationError].
func (r DemandRules) Compensate(c Collection, on contract.Date, rate contract.Decimal) (Collection, contract.Decision, error) {
	var ps contract.Problems
	if on.IsZero() {
		ps.Add("on", "required", "")
	}
	c.Debt.problems(&ps, "debt")
	r.problems(&ps, "rules")
	cur := c.Debt.Amount.Currency()
	amount := r.Compensation
	if !amount.IsPositive() {
		ps.Add("rules.compensation", "gt", "0")
	} else if cur != amount.Currency() && ps.Len() == 0 {
		q := rate.Decimal()
		if q.Sign() <= 0 || !readable(q, 0) {
			ps.Add("rate", "dgt", "0")
		} else {
			amount = contract.NewMoney(money.Round(amount.Amount().Mul(q), cur), cur)
			if !readableMoney(amount) {
				ps.Add("rate", "range", "")
			}
		}
	}
	if err := invalid(&ps, "compensate"); err != nil {
		return c, contract.Decision{}, err
	}
	start, _ := outstanding(c.Debt, on)
	next, d := r.compensate(c, on, start, amount)
	return next, d, nil
}

// compensate decides and records the compensation amount on valid input.
func (r DemandRules) compensate(c Collection, on, start contract.Date, amount contract.Money) (Collection, contract.Decision) {
	d := compDecision(start)
	_, leftAtDue := outstanding(c.Debt, start)
	switch {
	case c.Debt.Customer != Business:
		d.Reason = reason(rsCompConsumer)
	case !c.CompensationClaimed.IsZero():
		d.Date = c.CompensationClaimed
		d.Reason = reason(rsCompClaimed, c.CompensationClaimed)
	case leftAtDue <= 0:
		d.Reason = reason(rsCompOnTime, start)
	case !on.After(start):
		d.Date = start.AddDays(1)
		d.Reason = reason(rsDemandNotDue, start)
	case !amount.IsPositive():
		d.Reason = reason(rsCompNone)
	default:
		d.Allowed = true
		d.Date = on
		d.Reason = reason(rsCompOK, amount)
		c.Compensation = amount
		c.CompensationClaimed = on
	}
	return c, d
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
	var ps contract.Problems
	if on.IsZero() {
		ps.Add("on", "required", "")
	}
	c.Debt.problems(&ps, "debt")
	if err := invalid(&ps, "remedies"); err != nil {
		return suspend, terminate, err
	}
	_, left := outstanding(c.Debt, on)
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

// outstanding returns the day interest counts from on a valid debt (the
// due date, or 30 days after sending) and the principal left in minor
// units after payments received on or before on.
func outstanding(d Debt, on contract.Date) (contract.Date, int64) {
	start := d.Due
	if start.IsZero() {
		start = d.Sent.AddDays(30) // renteloven § 3(2)
	}
	left, _ := minor(d.Amount)
	for _, p := range d.Payments {
		if !p.Date.After(on) {
			a, _ := minor(p.Amount)
			left -= a
		}
	}
	return start, left
}
