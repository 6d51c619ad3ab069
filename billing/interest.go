package billing

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strings"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// SourceRenteloven is the citation source of the Danish Interest Act
// (lov om renter ved forsinket betaling m.v.): Cite(SourceRenteloven, "§ 5").
const SourceRenteloven = "renteloven"

// CustomerKind says whether the customer is a business or a consumer, which
// decides the late-payment rules that apply (renteloven §§ 7, 9 a). The
// zero CustomerKind is invalid: a [Debt] must say which it is.
type CustomerKind uint8

const (
	// Business is a customer acting in trade: the agreed rate and due date
	// stand, and a one-off compensation is owed when payment is late
	// (renteloven § 9 a).
	Business CustomerKind = iota + 1
	// Consumer is a private customer: interest may not exceed the
	// statutory rate (renteloven § 7) and without an agreed due date runs
	// from 30 days after the demand (§ 3(2)).
	Consumer
)

var customerKindNames = []string{Business: "business", Consumer: "consumer"}

// String returns "business" or "consumer".
func (k CustomerKind) String() string { return enumString(customerKindNames, k, "CustomerKind") }

// MarshalText implements encoding.TextMarshaler; the zero kind is an error.
func (k CustomerKind) MarshalText() ([]byte, error) {
	return enumMarshal(customerKindNames, k, "customer kind")
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrSyntax.
func (k *CustomerKind) UnmarshalText(b []byte) error {
	v, err := enumParse[CustomerKind](customerKindNames, b, "customer kind")
	if err == nil {
		*k = v
	}
	return err
}

// DayCount is how part-months count when a rate per month is applied to
// days: the policy of terms 12.3's "2 % per month". For 10,000.00 due
// 2025-03-01 and paid 2025-04-15:
//
//	Thirty360        44 days of 30-day months -> 293.33
//	ActualOver30     45 actual days / 30      -> 300.00
//	PerStartedMonth  2 months started         -> 400.00
//
// Statutory interest, a rate per year, counts by the same policy:
// Thirty360 takes 30E/360 days of a 360-day year (the custom of Danish
// interest calculators), the other two actual days of a 365-day year.
//
// The zero DayCount is Thirty360, the Danish custom.
type DayCount uint8

const (
	// Thirty360 counts every month as 30 days and the year as 360, by the
	// European 30E/360 rule: a 31st counts as the 30th, so 2025-03-01 to
	// 2025-04-15 is 44 days, and 28 February to 1 March is 3 days. It is
	// the customary basis of Danish interest calculations.
	Thirty360 DayCount = iota
	// ActualOver30 counts actual calendar days and divides by 30: 45 days
	// are 1.5 months.
	ActualOver30
	// PerStartedMonth charges the full monthly rate for every month
	// started, counted from the due date by the calendar (2025-03-01 +
	// P1M = 2025-04-01, so 2025-04-02 starts the second month), on the
	// principal outstanding when that month starts.
	PerStartedMonth
)

var dayCountNames = []string{Thirty360: "30/360", ActualOver30: "actual/30", PerStartedMonth: "started-month"}

// String returns "30/360", "actual/30" or "started-month".
func (c DayCount) String() string { return enumString(dayCountNames, c, "DayCount") }

// MarshalText implements encoding.TextMarshaler.
func (c DayCount) MarshalText() ([]byte, error) { return enumMarshal(dayCountNames, c, "day count") }

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrSyntax.
func (c *DayCount) UnmarshalText(b []byte) error {
	v, err := enumParse[DayCount](dayCountNames, b, "day count")
	if err == nil {
		*c = v
	}
	return err
}

// Basis says which rate an interest line was charged at.
type Basis uint8

const (
	// Agreed is the contract's rate per month (terms 12.3).
	Agreed Basis = iota + 1
	// Statutory is the statutory rate a year (renteloven § 5).
	Statutory
)

var basisNames = []string{Agreed: "agreed", Statutory: "statutory"}

// String returns "agreed" or "statutory".
func (b Basis) String() string { return enumString(basisNames, b, "Basis") }

// MarshalText implements encoding.TextMarshaler.
func (b Basis) MarshalText() ([]byte, error) { return enumMarshal(basisNames, b, "basis") }

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrSyntax.
func (b *Basis) UnmarshalText(t []byte) error {
	v, err := enumParse[Basis](basisNames, t, "basis")
	if err == nil {
		*b = v
	}
	return err
}

// Payment is money received against a debt. It reduces the principal from
// the day it is received: that day is the last day interest runs on the
// old principal, as the due date is not counted (2025-04-15 payment of
// the full amount: interest up to and including 2025-04-15).
type Payment struct {
	Date   contract.Date   `json:"date"`
	Amount decimal.Decimal `json:"amount"`
}

// Debt is an invoice amount owed, as the late-payment rules see it.
type Debt struct {
	// Amount is the invoice amount including VAT: "the invoice amount"
	// of terms 12.3.
	Amount   decimal.Decimal `json:"amount"`
	Currency currency.Unit   `json:"-"`
	// Due is the agreed last day to pay; interest runs from the day after.
	// Zero means no due date was agreed: interest then runs from 30 days
	// after Sent (renteloven § 3(2)).
	Due contract.Date `json:"due"`
	// Sent is the day the invoice or demand for payment was sent; needed
	// only when Due is zero.
	Sent     contract.Date `json:"sent"`
	Customer CustomerKind  `json:"customer"`
	// Payments received, in any order.
	Payments []Payment `json:"payments,omitempty"`
}

// InterestRules are the rules of late-payment interest: the agreed rate,
// how part-months count and the statutory rate table.
type InterestRules struct {
	// MonthlyRate is the agreed rate per month as a fraction (terms 12.3:
	// 0.02). Zero means none was agreed: statutory interest applies.
	MonthlyRate decimal.Decimal
	// DayCount is how part-months count; the zero value is Thirty360.
	DayCount DayCount
	// Rates is the statutory rate table; the zero table means
	// DanishStatutoryRates().
	Rates RateTable
}

// InterestRulesFor returns the interest rules of terms t: the agreed
// monthly rate of terms 12.3 (OpenDIMS: 2 %), Thirty360 and the shipped
// statutory rates.
func InterestRulesFor(t contract.Terms) InterestRules {
	return InterestRules{MonthlyRate: t.LateInterestPerMonth, Rates: DanishStatutoryRates()}
}

// InterestLine is one period of an interest statement, on one principal
// at one rate: Amount = Principal x Rate x Count / Per, rounded half away
// from zero to the currency's minor unit. When a statement has several
// lines they are rounded cumulatively (each line is the rounded interest
// up to its end less that up to its start), so a line may differ from its
// own rounding by one øre while the lines add up exactly to the total.
type InterestLine struct {
	// From is the day before the period: it is not counted. To is the
	// last day counted.
	From contract.Date `json:"from"`
	To   contract.Date `json:"to"`
	// Days is the number of calendar days in the period, From.DaysUntil(To).
	Days      int             `json:"days"`
	Principal decimal.Decimal `json:"principal"`
	Basis     Basis           `json:"basis"`
	// Rate is a fraction per month for Agreed lines and per year for
	// Statutory lines: 0.02, 0.1175.
	Rate decimal.Decimal `json:"rate"`
	// Count and Per are the fraction of the rate's period charged: 44/30
	// (30/360 days of a month), 45/30 (actual days), 2/1 (started
	// months), 182/365 or 180/360 (days of a statutory year).
	Count  int64           `json:"count"`
	Per    int64           `json:"per"`
	Amount decimal.Decimal `json:"amount"`
}

// InterestStatement explains the interest on one debt, period by period,
// so the customer can check it. Total is the exact interest rounded once
// to the minor unit, and the lines' amounts add up to it exactly.
type InterestStatement struct {
	Currency currency.Unit `json:"-"`
	// Principal is the amount owed at the due date.
	Principal decimal.Decimal `json:"principal"`
	// Due is the day interest is counted from; it is not counted itself.
	Due contract.Date `json:"due"`
	// Until is the last day counted: the day the debt was paid in full, or
	// the day the statement was made up to.
	Until    contract.Date   `json:"until"`
	DayCount DayCount        `json:"day_count"`
	Lines    []InterestLine  `json:"lines"`
	Total    decimal.Decimal `json:"total"`
	// Capped reports that the agreed rate was replaced by the lower
	// statutory interest for a consumer (renteloven § 7).
	Capped bool `json:"capped"`
	// Citations are the clauses and sections the statement rests on.
	Citations []contract.Citation `json:"citations"`
}

// String renders the statement as a plain-text table in English:
//
//	interest 2025-03-01 .. 2025-04-15 (30/360), DKK
//	2025-03-01 .. 2025-04-15  45 days  10000.00 x 2.00 %/month x 44/30 = 293.33
//	total 293.33 (terms 12.3)
func (s InterestStatement) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "interest %s .. %s (%s), %s\n", s.Due, s.Until, s.DayCount, s.Currency)
	for _, l := range s.Lines {
		unit := "month"
		if l.Basis == Statutory {
			unit = "year"
		}
		fmt.Fprintf(&b, "%s .. %s %4d days %12s x %s %%/%s x %d/%d = %s\n",
			l.From, l.To, l.Days, money.Format(l.Principal, s.Currency),
			l.Rate.Shift(2).StringFixed(2), unit, l.Count, l.Per, money.Format(l.Amount, s.Currency))
	}
	fmt.Fprintf(&b, "total %s", money.Format(s.Total, s.Currency))
	if s.Capped {
		b.WriteString(" (capped at the statutory rate)")
	}
	for i, c := range s.Citations {
		if i == 0 {
			b.WriteString(" (")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(c.String())
	}
	if len(s.Citations) > 0 {
		b.WriteString(")")
	}
	return b.String()
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
// 10,000.00 due 2025-03-01, paid 2025-04-15, business, 2 % a month:
// 293.33 by Thirty360, 300.00 by ActualOver30, 400.00 by PerStartedMonth.
// A debt paid on or before its due date, or until on or before it, has no
// lines and a zero total.
//
// Invalid input is a [*ValidationError] naming every bad field; a date
// outside the statutory table is an error wrapping [ErrNoRate].
func (r InterestRules) Interest(d Debt, until contract.Date) (InterestStatement, error) {
	scale := money.Scale(d.Currency)
	e, err := r.prepare(d, until, scale)
	if err != nil {
		return InterestStatement{}, err
	}
	st := InterestStatement{
		Currency:  d.Currency,
		Principal: d.Amount,
		Due:       e.start,
		Until:     e.end,
		DayCount:  r.DayCount,
	}
	amount, _ := toMinor(d.Amount, scale)
	if e.principal != amount {
		st.Principal = decimal.New(max(e.principal, 0), -scale) // paid in part by the due date
	}
	if !e.end.After(e.start) || e.principal <= 0 {
		st.Until = maxDate(e.start, e.end)
		st.Total = decimal.New(0, -scale)
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
			principal = decimal.New(l.principal, -scale)
		}
		st.Lines[i] = InterestLine{
			From: l.from, To: l.to, Days: l.from.DaysUntil(l.to),
			Principal: principal,
			Basis:     l.basis, Rate: l.rate, Count: l.count, Per: l.per,
			Amount: decimal.New(l.amount, -scale),
		}
		total += l.amount
		if l.amount > maxMinor || total > maxMinor {
			return InterestStatement{}, &ValidationError{What: "debt", Problems: []Problem{
				{Field: "amount", Rule: "range", Detail: "interest exceeds the largest amount pimkit computes"}}}
		}
	}
	if len(st.Lines) == 1 {
		st.Total = st.Lines[0].Amount
	} else {
		st.Total = decimal.New(total, -scale)
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
// minor units (øre), rates in 1e-8.
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

// allocate sets the lines' amounts by cumulative rounding: each line gets
// the rounded exact interest up to and including it, less the rounded
// exact interest before it. The lines then add up to the exact total
// rounded once, which can only grow as days are added or a payment comes
// later; rounding each line on its own could lose an øre when a payment
// splits a period. Each line stays within one øre of its own rounding.
func allocate(lines []rawLine) []rawLine {
	if len(lines) <= 1 || allocate128(lines) {
		return lines
	}
	den := new(big.Int).SetInt64(commonPer * 1e8)
	half := new(big.Int).Rsh(den, 1)
	cum, term, q := new(big.Int), new(big.Int), new(big.Int)
	var prev int64
	for i := range lines {
		l := &lines[i]
		term.SetInt64(l.principal)
		term.Mul(term, q.SetInt64(l.units))
		term.Mul(term, q.SetInt64(l.count*(commonPer/l.per)))
		cum.Add(cum, term)
		// round half away from zero
		q.Abs(cum)
		q.Add(q, half)
		q.Quo(q, den)
		if cum.Sign() < 0 {
			q.Neg(q)
		}
		r := q.Int64()
		l.amount = r - prev
		prev = r
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

// prepare validates d and turns it into integers.
func (r InterestRules) prepare(d Debt, until contract.Date, scale int32) (engine, error) {
	var e engine
	var ps *problems
	bad := func(field, rule, detail string) {
		if ps == nil {
			ps = &problems{what: "debt"}
		}
		ps.add(field, rule, detail)
	}
	if d.Currency == (currency.Unit{}) {
		bad("currency", "required", "")
	}
	p, ok := toMinor(d.Amount, scale)
	switch {
	case !ok:
		bad("amount", "scale", "more decimals than the currency's minor unit, or too large")
	case p <= 0:
		bad("amount", "gt", "must be positive")
	}
	e.principal = p
	switch d.Customer {
	case Business, Consumer:
	default:
		bad("customer", "oneof", "business or consumer")
	}
	switch {
	case !d.Due.IsZero():
		e.start = d.Due
	case !d.Sent.IsZero():
		e.start = d.Sent.AddDays(30) // renteloven § 3(2)
	default:
		bad("due", "required_without", "due date or sent date")
	}
	if until.IsZero() {
		bad("until", "required", "")
	}
	if len(d.Payments) > 0 {
		e.payments = make([]minorPayment, 0, len(d.Payments))
		for i, pm := range d.Payments {
			if pm.Date.IsZero() {
				bad(fmt.Sprintf("payments[%d].date", i), "required", "")
			}
			a, ok := toMinor(pm.Amount, scale)
			switch {
			case !ok:
				bad(fmt.Sprintf("payments[%d].amount", i), "scale", "more decimals than the currency's minor unit, or too large")
			case a <= 0:
				bad(fmt.Sprintf("payments[%d].amount", i), "gt", "must be positive")
			}
			e.payments = append(e.payments, minorPayment{pm.Date, a})
		}
		slices.SortStableFunc(e.payments, func(a, b minorPayment) int { return a.date.Compare(b.date) })
	}
	if !r.MonthlyRate.IsZero() {
		u, ok := rateUnits(r.MonthlyRate)
		if !ok || u < 0 {
			bad("rules.monthly_rate", "range", "0..1 with at most 8 decimals")
		}
		e.monthlyRate, e.rate = u, r.MonthlyRate
	}
	if r.DayCount > PerStartedMonth {
		bad("rules.day_count", "oneof", "30/360, actual/30 or started-month")
	}
	if ps != nil {
		return e, ps.err()
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

// days30 returns the 30E/360 day number of d: differences of two day
// numbers are 30E/360 day counts, so counts add up across periods.
func days30(d contract.Date) int64 {
	y, m, dd := d.Date()
	return int64(y)*360 + int64(m)*30 + int64(min(dd, 30))
}

// agreed computes the lines at the agreed monthly rate.
func (e *engine) agreed(out []rawLine, dc DayCount) []rawLine {
	if dc == PerStartedMonth {
		return e.perStartedMonth(out)
	}
	p := e.principal
	cursor := e.start
	add := func(to contract.Date) {
		if p <= 0 || !to.After(cursor) {
			return
		}
		l := rawLine{from: cursor, to: to, principal: p, basis: Agreed, rate: e.rate, units: e.monthlyRate, per: 30}
		if dc == Thirty360 {
			l.count = days30(to) - days30(cursor)
		} else {
			l.count = int64(cursor.DaysUntil(to))
		}
		l.amount = mulDiv(p, e.monthlyRate, l.count, l.per)
		out = append(out, l)
	}
	for _, pm := range e.payments {
		add(pm.date)
		if pm.date.After(cursor) {
			cursor = pm.date
		}
		p -= pm.amount
	}
	add(e.end)
	return out
}

// perStartedMonth charges a whole month's rate for every month started,
// on the principal outstanding when the month starts; consecutive months
// on the same principal share a line.
func (e *engine) perStartedMonth(out []rawLine) []rawLine {
	k := 0
	paid := int64(0)
	for n := 0; ; n++ {
		from := e.start.Add(contract.Months(n))
		if !from.Before(e.end) {
			break
		}
		for k < len(e.payments) && !e.payments[k].date.After(from) {
			paid += e.payments[k].amount
			k++
		}
		p := e.principal - paid
		if p <= 0 {
			break
		}
		to := e.start.Add(contract.Months(n + 1))
		if to.After(e.end) {
			to = e.end
		}
		if last := len(out) - 1; last >= 0 && out[last].principal == p && out[last].to == from {
			out[last].to = to
			out[last].count++
			out[last].amount = mulDiv(p, e.monthlyRate, out[last].count, 1)
			continue
		}
		out = append(out, rawLine{from: from, to: to, principal: p, basis: Agreed, rate: e.rate,
			units: e.monthlyRate, count: 1, per: 1, amount: mulDiv(p, e.monthlyRate, 1, 1)})
	}
	return out
}

// statutory computes the lines at the statutory rate of each half-year:
// 30E/360 days of a 360-day year under Thirty360, actual days of a
// 365-day year otherwise.
func (e *engine) statutory(out []rawLine, t RateTable, dc DayCount) ([]rawLine, error) {
	p := e.principal
	cursor := e.start
	k := 0
	for cursor.Before(e.end) && p > 0 {
		i, ok := t.index(cursor.AddDays(1))
		if !ok {
			return nil, fmt.Errorf("%w: %s", ErrNoRate, cursor.AddDays(1))
		}
		to := t.until(i).AddDays(-1)
		if to.After(e.end) {
			to = e.end
		}
		for k < len(e.payments) && !e.payments[k].date.After(cursor) {
			k++
		}
		if k < len(e.payments) && e.payments[k].date.Before(to) {
			to = e.payments[k].date
		}
		l := rawLine{from: cursor, to: to, principal: p, basis: Statutory, rate: t.annualDec[i], units: t.annual[i]}
		if dc == Thirty360 {
			l.count, l.per = days30(to)-days30(cursor), 360
		} else {
			l.count, l.per = int64(cursor.DaysUntil(to)), 365
		}
		l.amount = mulDiv(p, t.annual[i], l.count, l.per)
		out = append(out, l)
		for k < len(e.payments) && !e.payments[k].date.After(to) {
			p -= e.payments[k].amount
			k++
		}
		cursor = to
	}
	return out, nil
}

// allocate128 is allocate in unsigned 128-bit arithmetic, without
// allocating. It reports false, leaving the lines as they were, when a
// value is negative or a sum would not fit, for allocate's math/big path.
func allocate128(lines []rawLine) bool {
	const den = commonPer * 1e8
	var cumHi, cumLo uint64
	var prev int64
	amounts := [16]int64{}
	if len(lines) > len(amounts) {
		return false
	}
	for i, l := range lines {
		if l.principal < 0 || l.units < 0 || l.count < 0 {
			return false
		}
		m := uint64(l.count) * uint64(commonPer/l.per)
		hi, lo := bits.Mul64(uint64(l.principal), uint64(l.units))
		h2, l2 := bits.Mul64(lo, m)
		h3, l3 := bits.Mul64(hi, m)
		if h3 != 0 {
			return false
		}
		h2, carry := bits.Add64(h2, l3, 0)
		if carry != 0 {
			return false
		}
		var c uint64
		cumLo, c = bits.Add64(cumLo, l2, 0)
		cumHi, carry = bits.Add64(cumHi, h2, c)
		if carry != 0 {
			return false
		}
		// (cum + den/2) / den, rounding half away from zero.
		rl, c2 := bits.Add64(cumLo, den/2, 0)
		rh, carry := bits.Add64(cumHi, 0, c2)
		if carry != 0 || rh >= den {
			return false
		}
		q, _ := bits.Div64(rh, rl, den)
		if q > math.MaxInt64 {
			return false
		}
		amounts[i] = int64(q) - prev
		prev = int64(q)
	}
	for i := range lines {
		lines[i].amount = amounts[i]
	}
	return true
}

// mulDiv returns p x rate x count / (per x 1e8) rounded half away from
// zero, p in minor units and rate in 1e-8. It stays in 128-bit integers
// and falls back to math/big when those would overflow.
func mulDiv(p, rate, count, per int64) int64 {
	neg := (p < 0) != (rate < 0) != (count < 0)
	up, ur, uc := abs64(p), abs64(rate), abs64(count)
	den := uint64(per) * 1e8
	hi, lo := bits.Mul64(up, ur)
	if hi == 0 {
		hi, lo = bits.Mul64(lo, uc)
		if hi < den {
			q, rem := bits.Div64(hi, lo, den)
			if rem >= den-rem {
				q++
			}
			if q <= math.MaxInt64 {
				if neg {
					return -int64(q)
				}
				return int64(q)
			}
		}
	}
	n := new(big.Int).Mul(new(big.Int).SetUint64(up), new(big.Int).SetUint64(ur))
	n.Mul(n, new(big.Int).SetUint64(uc))
	n.Mul(n, big.NewInt(2)).Add(n, new(big.Int).SetUint64(den))
	n.Quo(n, new(big.Int).SetUint64(2*den))
	if !n.IsInt64() {
		return math.MaxInt64 // unreachable for amounts toMinor accepts and rates within ±1
	}
	if neg {
		return -n.Int64()
	}
	return n.Int64()
}

func abs64(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}

// maxMinor bounds amounts in minor units so that sums of many lines and
// products inside mulDiv stay exact: 10^15 øre is 10 trillion DKK.
const maxMinor = 1_000_000_000_000_000

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// toMinor returns d in minor units of a currency with scale decimals, and
// false when d has more decimals than that (1.005 DKK) or exceeds
// maxMinor. It does not allocate for amounts below 10^18.
func toMinor(d decimal.Decimal, scale int32) (int64, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	c, exp := d.CoefficientInt64(), d.Exponent()
	shift := exp + scale
	switch {
	case shift > 0:
		if shift > 18 {
			if c == 0 {
				return 0, true
			}
			return 0, false
		}
		f := pow10[shift]
		if c > maxMinor/f || c < -maxMinor/f {
			return 0, false
		}
		c *= f
	case shift < 0:
		if shift < -18 {
			return 0, c == 0
		}
		f := pow10[-shift]
		if c%f != 0 {
			return 0, false
		}
		c /= f
	}
	if c > maxMinor || c < -maxMinor {
		return 0, false
	}
	return c, true
}
