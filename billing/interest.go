package billing

import (
	"slices"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
)

// InterestRules are the rules of late-payment interest: the agreed rate,
// how part-months count and the statutory rate table.
type InterestRules struct {
	// MonthlyRate is the agreed rate per month as a fraction (terms 12.3:
	// 0.02), at most 1 with at most 8 decimals. Zero means none was
	// agreed: statutory interest applies.
	MonthlyRate decimal.Decimal `json:"monthly_rate" validate:"dgte=0,dlte=1"`
	// DayCount is how part-months count; the zero value is Thirty360.
	DayCount DayCount `json:"day_count"`
	// Rates is the statutory rate table; the zero table means
	// DanishStatutoryRates().
	Rates RateTable `json:"rates,omitzero"`
}

// InterestRulesFor returns the interest rules of terms t: the agreed
// monthly rate of terms 12.3 (OpenDIMS: 2 %), Thirty360 and the shipped
// statutory rates.
func InterestRulesFor(t contract.Terms) InterestRules {
	return InterestRules{MonthlyRate: t.LateInterestPerMonth, Rates: DanishStatutoryRates()}
}

// Validate reports every problem of r in a [*contract.ValidationError]
// wrapping [ErrInvalid]: a monthly rate below 0 or above 1
// ("monthly_rate", rule dgte or dlte) or with more than 8 decimals, an
// unknown day count ("day_count").
func (r InterestRules) Validate() error {
	var ps contract.Problems
	r.problems(&ps, "")
	return invalid(&ps, "validate interest rules")
}

func (r InterestRules) problems(ps *contract.Problems, prefix string) {
	ps.Check(prefix, r)
	r.crossChecks(ps, prefix)
}

// crossChecks records what r's tags cannot express: the rate's precision
// and the day count's range.
func (r InterestRules) crossChecks(ps *contract.Problems, prefix string) {
	if _, ok := rateUnits(r.MonthlyRate); !ok && r.MonthlyRate.Sign() >= 0 && r.MonthlyRate.LessThanOrEqual(one) {
		ps.Add(join(prefix, "monthly_rate"), "scale", "8")
	}
	if r.DayCount > PerStartedMonth {
		ps.Add(join(prefix, "day_count"), "oneof", "thirty_360 actual_over_30 per_started_month")
	}
}

// tagsBroken reports cheaply whether a validate tag of r is broken.
func (r InterestRules) tagsBroken() bool {
	return r.MonthlyRate.Sign() < 0 || r.MonthlyRate.GreaterThan(one)
}

var one = decimal.NewFromInt(1)

// Interest returns the late-payment interest on d up to and including
// until, as a statement of periods, days, rates and amounts.
//
// Interest runs from the day after the due date (the due date itself is
// not counted) to the day the debt is paid in full or until, whichever is
// first; it is simple, never compounded, and each payment reduces the
// principal from the day it is received. For a business the agreed
// MonthlyRate applies by the DayCount policy (terms 12.3); with no agreed
// rate, the statutory rate of each half-year applies to that half-year's
// days (renteloven § 5). For a consumer the result is the lower of the
// agreed and the statutory interest, with Capped set when the statutory
// one is lower (renteloven § 7). Without an agreed due date interest runs
// from 30 days after the invoice was sent (renteloven § 3(2)).
//
// 10,000.00 DKK due 2025-03-01, paid 2025-04-15, business, 2 % a month:
// 293.33 DKK by Thirty360, 300.00 by ActualOver30, 400.00 by
// PerStartedMonth. A debt paid on or before its due date, or until on or
// before it, has no lines and a total of 0.00.
//
// Invalid input is a [*contract.ValidationError] naming every bad field
// (the debt's at their own paths, "amount", "payments[0].date"; the rules'
// under "rules."; "until"); a date outside the statutory table is an error
// wrapping [ErrNoRate].
func (r InterestRules) Interest(d Debt, until contract.Date) (InterestStatement, error) {
	cur := d.Amount.Currency()
	scale := money.Scale(cur)
	e, err := r.prepare(d, until, scale)
	if err != nil {
		return InterestStatement{}, err
	}
	st := InterestStatement{
		Principal: d.Amount,
		Due:       e.start,
		Until:     e.end,
		DayCount:  r.DayCount,
	}
	amount, _ := minor(d.Amount)
	if e.principal != amount {
		st.Principal = fromMinor(max(e.principal, 0), cur, scale) // paid in part by the due date
	}
	if !e.end.After(e.start) || e.principal <= 0 {
		st.Until = maxDate(e.start, e.end)
		st.Total = fromMinor(0, cur, scale)
		st.Citations = r.citations(d, false)
		return st, nil
	}
	var buf, buf2 [8]rawLine
	var lines []rawLine
	switch {
	case r.MonthlyRate.IsZero():
		if lines, err = e.statutory(buf[:0], r.rates(), r.DayCount); err != nil {
			return InterestStatement{}, err
		}
		lines = allocate(lines)
	case d.Customer == Consumer:
		agreed := allocate(e.agreed(buf[:0], r.DayCount))
		stat, err := e.statutory(buf2[:0], r.rates(), r.DayCount)
		if err != nil {
			return InterestStatement{}, err
		}
		stat = allocate(stat)
		if sum(stat) < sum(agreed) {
			lines, st.Capped = stat, true
		} else {
			lines = agreed
		}
	default:
		lines = allocate(e.agreed(buf[:0], r.DayCount))
	}
	st.Lines = make([]InterestLine, len(lines))
	var total int64
	for i, l := range lines {
		// Decimals are immutable, so a line may share the debt's amount.
		principal := d.Amount
		if l.principal != amount {
			principal = fromMinor(l.principal, cur, scale)
		}
		st.Lines[i] = InterestLine{
			From: l.from, To: l.to, Days: l.from.DaysUntil(l.to),
			Principal: principal,
			Basis:     l.basis, Rate: l.rate, Count: l.count, Per: l.per,
			Amount: fromMinor(l.amount, cur, scale),
		}
		total += l.amount
		if l.amount > money.MaxMinor || total > money.MaxMinor {
			return InterestStatement{}, problem("interest", "amount", "range", "")
		}
	}
	if len(st.Lines) == 1 {
		st.Total = st.Lines[0].Amount
	} else {
		st.Total = fromMinor(total, cur, scale)
	}
	st.Citations = r.citations(d, st.Capped || r.MonthlyRate.IsZero())
	return st, nil
}

func (r InterestRules) rates() RateTable {
	if r.Rates.rates == nil {
		return defaultRates
	}
	return r.Rates
}

var defaultRates = DanishStatutoryRates()

var (
	citeAgreed     = []contract.Citation{contract.Clause("12.3")}
	citeStatutory  = []contract.Citation{contract.Cite(SourceRenteloven, "§ 5")}
	citeCapped     = []contract.Citation{contract.Cite(SourceRenteloven, "§ 7"), contract.Cite(SourceRenteloven, "§ 5"), contract.Clause("12.3")}
	citeNoDueDate  = contract.Cite(SourceRenteloven, "§ 3(2)")
	citeStatAgreed = []contract.Citation{contract.Cite(SourceRenteloven, "§ 5"), contract.Clause("12.3")}
)

func (r InterestRules) citations(d Debt, statutory bool) []contract.Citation {
	var base []contract.Citation
	switch {
	case d.Customer == Consumer && statutory && !r.MonthlyRate.IsZero():
		base = citeCapped
	case statutory && r.MonthlyRate.IsZero():
		base = citeStatutory
	case statutory:
		base = citeStatAgreed
	default:
		base = citeAgreed
	}
	out := make([]contract.Citation, len(base), len(base)+1)
	copy(out, base)
	if d.Due.IsZero() {
		out = append(out, citeNoDueDate)
	}
	return out
}

// engine is the integer core of the interest calculation: amounts in
// minor units (øre), rates in 1e-8 (see internal/money's fixed point).
type engine struct {
	start, end  contract.Date // start is not counted; end is
	principal   int64
	payments    []minorPayment
	monthlyRate int64
	rate        decimal.Decimal
}

type minorPayment struct {
	date   contract.Date
	amount int64
}

type rawLine struct {
	from, to   contract.Date
	principal  int64
	basis      Basis
	rate       decimal.Decimal
	units      int64 // rate in 1e-8
	count, per int64
	amount     int64
}

// commonPer is a multiple of every Per a line can have (1, 30, 360, 365).
const commonPer = 26280

// allocate sets the lines' amounts by cumulative rounding
// ([money.RoundCumulative]): each line gets the rounded exact interest up
// to and including it, less the rounded exact interest before it. The
// lines then add up to the exact total rounded once, which can only grow
// as days are added or a payment comes later; rounding each line on its
// own could lose an øre when a payment splits a period.
func allocate(lines []rawLine) []rawLine {
	if len(lines) <= 1 {
		return lines
	}
	var tbuf [8]money.Term
	var obuf [8]int64
	terms, out := tbuf[:0], obuf[:0]
	for _, l := range lines {
		terms = append(terms, money.Term{A: l.principal, B: l.units, C: l.count * (commonPer / l.per)})
		out = append(out, 0)
	}
	money.RoundCumulative(terms, commonPer*1e8, out)
	for i := range lines {
		lines[i].amount = out[i]
	}
	return lines
}

func sum(ls []rawLine) int64 {
	var t int64
	for _, l := range ls {
		t += l.amount
	}
	return t
}

func maxDate(a, b contract.Date) contract.Date {
	if a.After(b) {
		return a
	}
	return b
}

// prepare validates d and r and turns them into integers. The checks a
// valid debt passes cost no reflection; the first broken one makes it
// collect every problem, validate tags included.
func (r InterestRules) prepare(d Debt, until contract.Date, scale int32) (engine, error) {
	var e engine
	var ps contract.Problems
	d.crossChecks(&ps, "")
	r.crossChecks(&ps, "rules")
	if until.IsZero() {
		ps.Add("until", "required", "")
	}
	if ps.Len() > 0 || d.tagsBroken() || r.tagsBroken() {
		var all contract.Problems
		d.problems(&all, "")
		r.problems(&all, "rules")
		if until.IsZero() {
			all.Add("until", "required", "")
		}
		return e, invalid(&all, "interest")
	}
	e.principal, _ = minor(d.Amount)
	if !d.Due.IsZero() {
		e.start = d.Due
	} else {
		e.start = d.Sent.AddDays(30) // renteloven § 3(2)
	}
	if len(d.Payments) > 0 {
		e.payments = make([]minorPayment, 0, len(d.Payments))
		for _, pm := range d.Payments {
			a, _ := money.ToMinor(pm.Amount.Amount(), scale)
			e.payments = append(e.payments, minorPayment{pm.Date, a})
		}
		slices.SortStableFunc(e.payments, func(a, b minorPayment) int { return a.date.Compare(b.date) })
	}
	if !r.MonthlyRate.IsZero() {
		e.monthlyRate, _ = rateUnits(r.MonthlyRate)
		e.rate = r.MonthlyRate
	}
	// Payments on or before the due date reduce the principal from the
	// start; interest ends the day the debt is paid in full.
	e.end = until
	left := e.principal
	k := 0
	for _, pm := range e.payments {
		if pm.date.After(e.start) {
			break
		}
		left -= pm.amount
		k++
	}
	e.principal, e.payments = left, e.payments[k:]
	for i, pm := range e.payments {
		if pm.date.After(until) {
			e.payments = e.payments[:i]
			break
		}
		left -= pm.amount
		if left <= 0 {
			e.end = pm.date
			e.payments = e.payments[:i+1]
			break
		}
	}
	return e, nil
}
