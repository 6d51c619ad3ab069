package billing

import (
	"slices"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// InterestRules are the rules of late-payment interest: the agreed rate,
// how part-months count and the statutory rate table.
type InterestRules struct {
	// MonthlyRate is the agreed rate per month as a fraction (terms 12.3:
	// 0.02), at most 1 with at most 8 decimals. Zero means none was
	// agreed: statutory interest applies.
	MonthlyRate contract.Decimal `json:"monthly_rate" validate:"dgte=0,dlte=1"`
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
	if _, ok := rateUnits(r.MonthlyRate.Decimal()); !ok && !r.tagsBroken() {
		ps.Add(join(prefix, "monthly_rate"), "scale", "8")
	}
	if r.DayCount > PerStartedMonth {
		ps.Add(join(prefix, "day_count"), "oneof", "thirty_360 actual_over_30 per_started_month")
	}
}

// tagsBroken reports cheaply whether a validate tag of r is broken.
func (r InterestRules) tagsBroken() bool { return !fraction(r.MonthlyRate.Decimal()) }

var one = decimal.NewFromInt(1)

// fraction reports whether 0 <= d <= 1, the range of the tags dgte=0 and
// dlte=1, without allocating for rates of at most 8 decimals.
func fraction(d decimal.Decimal) bool {
	if u, ok := rateUnits(d); ok {
		return u >= 0
	}
	// The exponent first: 1e-1000000 is not compared digit by digit (the
	// tags see it as a fraction; NewInvoice refuses it as unreadable).
	e := d.Exponent()
	return d.IsZero() || d.Sign() > 0 && e >= -contract.MaxDecimalText && e <= 0 && d.LessThanOrEqual(one)
}

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
	amount := e.amount
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
	for i := range lines {
		l, out := &lines[i], &st.Lines[i]
		// Amounts are immutable, so a line may share the debt's amount or
		// the previous line's principal (a rate change splits a period
		// without changing the principal). The fields are set one by one:
		// no temporary line to copy.
		out.From, out.To, out.Days = l.from, l.to, l.from.DaysUntil(l.to)
		switch {
		case l.principal == amount:
			out.Principal = d.Amount
		case i > 0 && l.principal == lines[i-1].principal:
			out.Principal = st.Lines[i-1].Principal
		default:
			out.Principal = fromMinor(l.principal, cur, scale)
		}
		out.Basis, out.Rate, out.Count, out.Per = l.basis, contract.Dec(l.rate), l.count, l.per
		out.Amount = fromMinor(l.amount, cur, scale)
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
	n := len(base)
	if d.Due.IsZero() {
		n++
	}
	out := make([]contract.Citation, len(base), n)
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
	amount      int64         // the debt's amount
	principal   int64         // the principal from start, after payments before it
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

// prepare validates d and r and turns them into integers. A valid debt
// passes one cheap pass that converts as it checks, with no reflection;
// the first broken field sends it to collect every problem -- validate
// tags and the rules between fields, as [Debt.Validate] and
// [InterestRules.Validate] report them. A test checks that the two agree.
func (r InterestRules) prepare(d Debt, until contract.Date, scale int32) (engine, error) {
	var e engine
	var ok bool
	cur := d.Amount.Currency()
	e.principal, ok = money.ToMinor(d.Amount.Amount(), scale)
	valid := ok && e.principal > 0 && cur != (currency.Unit{}) && (d.Customer == Business || d.Customer == Consumer) &&
		(!d.Due.IsZero() || !d.Sent.IsZero()) && !until.IsZero() && r.DayCount <= PerStartedMonth
	if valid && !r.MonthlyRate.IsZero() {
		e.monthlyRate, ok = rateUnits(r.MonthlyRate.Decimal())
		e.rate = r.MonthlyRate.Decimal()
		valid = ok && e.monthlyRate >= 0
	}
	if valid && len(d.Payments) > 0 {
		e.payments = make([]minorPayment, 0, len(d.Payments))
		for _, pm := range d.Payments {
			a, ok := money.ToMinor(pm.Amount.Amount(), scale)
			if !ok || a <= 0 || pm.Date.IsZero() || pm.Amount.Currency() != cur {
				valid = false
				break
			}
			e.payments = append(e.payments, minorPayment{pm.Date, a})
		}
		slices.SortStableFunc(e.payments, func(a, b minorPayment) int { return a.date.Compare(b.date) })
	}
	if !valid {
		var ps contract.Problems
		d.problems(&ps, "")
		r.problems(&ps, "rules")
		if until.IsZero() {
			ps.Add("until", "required", "")
		}
		if ps.Len() == 0 { // unreachable: a test checks both passes agree
			ps.Add("", "invalid", "")
		}
		return e, invalid(&ps, "interest")
	}
	e.amount = e.principal
	if !d.Due.IsZero() {
		e.start = d.Due
	} else {
		e.start = d.Sent.AddDays(30) // renteloven § 3(2)
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
