package sla

import (
	"math/bits"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// Span is a reporting period [From, To): a calendar month, a quarter or a
// rolling window. Build calendar spans with [Policy.Month] and
// [Policy.Quarter] so they are cut in the agreement's zone.
type Span struct {
	From, To time.Time
}

// Duration returns the elapsed time of s: a March in Copenhagen is 743
// hours, not 744, because 30 March 2025 has 23.
func (s Span) Duration() time.Duration { return s.To.Sub(s.From) }

func (s Span) check(ps *problems, f string) {
	okF := checkInstant(ps, f, -1, "from", s.From, true, ErrInvalidSpan)
	okT := checkInstant(ps, f, -1, "to", s.To, true, ErrInvalidSpan)
	if okF && okT && !s.To.After(s.From) {
		ps.add(f+".to", "not after from", ErrInvalidSpan)
	}
}

// Month returns the calendar month year-month in p's zone: January 2025
// in Copenhagen runs from 2024-12-31T23:00Z to 2025-01-31T23:00Z. The month
// is counted with [contract.Date.Add], never time.AddDate.
func (p Policy) Month(year int, month time.Month) (Span, error) {
	d, err := contract.NewDate(year, month, 1)
	if err != nil {
		return Span{}, &ValidationError{Problems: []Problem{{Field: "month", Rule: "invalid year or month", Err: ErrInvalidSpan}}}
	}
	return p.dates(d, d.Add(contract.Months(1)))
}

// Quarter returns calendar quarter q (1-4) of year in p's zone: Q1 2025 is
// January to March, 2,159 hours in Copenhagen (one lost to summer time).
func (p Policy) Quarter(year, q int) (Span, error) {
	if q < 1 || q > 4 {
		return Span{}, &ValidationError{Problems: []Problem{{Field: "quarter", Rule: "must be 1-4", Err: ErrInvalidSpan}}}
	}
	d, err := contract.NewDate(year, time.Month(3*q-2), 1)
	if err != nil {
		return Span{}, &ValidationError{Problems: []Problem{{Field: "quarter", Rule: "invalid year", Err: ErrInvalidSpan}}}
	}
	return p.dates(d, d.Add(contract.Months(3)))
}

// Days returns the span of whole days from first up to and excluding
// last, in p's zone.
func (p Policy) Days(first, last contract.Date) (Span, error) {
	if !first.Before(last) {
		return Span{}, &ValidationError{Problems: []Problem{{Field: "last", Rule: "not after first", Err: ErrInvalidSpan}}}
	}
	return p.dates(first, last)
}

func (p Policy) dates(a, b contract.Date) (Span, error) {
	loc := p.loc()
	from, _ := a.In(loc)
	to, _ := b.In(loc)
	var ps problems
	s := Span{From: from, To: to}
	s.check(&ps, "span")
	return s, ps.err()
}

// Rolling returns the rolling window of elapsed length d that ends at end:
// Rolling(at, 30*24*time.Hour) is the last 720 hours before at. A d that is
// not positive gives a span that Compute rejects with ErrInvalidSpan.
func Rolling(end time.Time, d time.Duration) Span {
	return Span{From: end.Add(-d), To: end}
}

func (p Policy) loc() *time.Location {
	if p.Location == nil {
		return contract.Copenhagen()
	}
	return p.Location
}

// Availability is the outcome of counting one span: the agreed time, the
// downtime within it and what was not measured. Counted is the
// denominator: the agreed time, less unmeasured time under
// [ExcludeMissing]. Durations are elapsed time; weighted downtime is exact
// inside and rounded up to the nanosecond in Downtime.
//
// With no counted time (agreed hours that never open in the span, or no
// monitoring data at all under ExcludeMissing) the availability is 1 --
// nothing that was promised and measured failed -- and [Availability.Coverage]
// tells the host how much was measured. It is never NaN.
type Availability struct {
	Span Span
	// Agreed is the agreed time of operation within the span.
	Agreed time.Duration
	// Unmeasured is the agreed time without monitoring data.
	Unmeasured time.Duration
	// Counted is the agreed time the availability is a fraction of.
	Counted time.Duration
	// Downtime is the weighted downtime within counted time.
	Downtime time.Duration
	// Excluded is the weighted outage time within agreed hours that
	// service windows and force majeure kept out of Downtime.
	Excluded time.Duration

	down u128
}

// Ratio returns (Counted - Downtime) / Counted exactly; 1 with no counted
// time.
func (a Availability) Ratio() Ratio {
	if a.Counted <= 0 {
		return newRatio(decimal.NewFromInt(1), decimal.NewFromInt(1))
	}
	den := decimal.NewFromInt(int64(a.Counted)).Shift(6)
	return newRatio(den.Sub(a.down.decimal()), den)
}

// Percent returns the availability in percent truncated to places
// decimals: 43 minutes down in 30 days with 4 places is 99.9004.
func (a Availability) Percent(places int32) decimal.Decimal { return a.Ratio().Percent(places) }

// Meets reports whether the availability is at least target percent,
// compared exactly: 43 minutes of downtime in a 30-day month meet 99.9 %
// (allowed: 43 min 12 s), 44 minutes do not.
func (a Availability) Meets(target decimal.Decimal) bool {
	if ok, done := a.meetsFast(target); done {
		return ok
	}
	return a.Ratio().CmpDecimal(target.Div(hundred)) >= 0
}

// meetsFast decides Meets in 128-bit integers for targets of at most six
// decimals, the common case, reporting done = false when it cannot:
//
//	down*100*10^k <= (100*10^k - T) * counted * 10^6, target = T * 10^-k
func (a Availability) meetsFast(target decimal.Decimal) (ok, done bool) {
	exp := target.Exponent()
	if a.Counted <= 0 || exp > 0 || exp < -6 || target.NumDigits() > 12 || target.Sign() <= 0 {
		return false, false
	}
	scale := uint64(100)
	for range -exp {
		scale *= 10
	}
	t := uint64(target.CoefficientInt64())
	if t > scale {
		return false, true
	}
	lhs, over1 := a.down.mul(scale)
	hi, lo := bits.Mul64(uint64(a.Counted), million)
	rhs, over2 := u128{hi, lo}.mul(scale - t)
	if over1 || over2 {
		return false, false
	}
	return lhs.cmp(rhs) <= 0, true
}

// Coverage returns the share of agreed time that has monitoring data; 1
// with no agreed time.
func (a Availability) Coverage() Ratio {
	if a.Agreed <= 0 {
		return newRatio(decimal.NewFromInt(1), decimal.NewFromInt(1))
	}
	return newRatio(decimal.NewFromInt(int64(a.Agreed-a.Unmeasured)), decimal.NewFromInt(int64(a.Agreed)))
}

// calc holds what one span's computations share: the resolved policy,
// the span in nanoseconds, the agreed intervals, the excluded windows and
// the gaps, all sorted and merged.
type calc struct {
	r        resolved
	span     Span
	from, to int64
	agreed   []ival
	excl     []ival
	gaps     []ival
	// unmeasured is agreed ∩ gaps.
	unmeasured []ival
	judged     []windowCheck
}

func newCalc(p Policy, span Span, in Input) (*calc, error) {
	r, ps := p.resolve()
	span.check(&ps, "span")
	in.validate(&ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	c := &calc{r: r, span: span, from: span.From.UnixNano(), to: span.To.UnixNano()}
	if p.Hours == nil {
		c.agreed = []ival{{c.from, c.to}}
	} else {
		for s, e := range p.Hours.OpenIntervals(span.From, span.To) {
			c.agreed = append(c.agreed, c.clip(s, e))
		}
		c.agreed = normalize(c.agreed)
	}
	c.judged = make([]windowCheck, len(in.Windows))
	for i, w := range in.Windows {
		c.judged[i] = r.judge(w)
		if c.judged[i].Excluded {
			c.excl = append(c.excl, c.clip(w.Start, w.End))
		}
	}
	c.excl = normalize(c.excl)
	for _, g := range in.Gaps {
		c.gaps = append(c.gaps, c.clip(g.Start, g.End))
	}
	c.gaps = normalize(c.gaps)
	c.unmeasured = intersectIvals(c.agreed, c.gaps)
	return c, nil
}

// clip returns [s, e) clipped to the span, empty when outside it; a zero
// e runs to the span's end.
func (c *calc) clip(s, e time.Time) ival {
	if !inRange(s) || (!e.IsZero() && !inRange(e)) {
		return ival{}
	}
	x := ival{max(s.UnixNano(), c.from), c.to}
	if !e.IsZero() {
		x.e = min(e.UnixNano(), c.to)
	}
	return x
}

// items reduces outages to weighted items within the span, sorted by
// start; outages of weight 0 are not downtime and are left out. Gaps
// counted as down join as items of index -1.
func (c *calc) items(outages []Outage) []item {
	items := make([]item, 0, len(outages)+len(c.gaps))
	for i := range outages {
		o := &outages[i]
		l := impactLevel(o.Impact)
		if c.r.w[l] == 0 {
			continue
		}
		x := c.clip(o.Start, o.End)
		if x.s < x.e {
			items = append(items, item{x.s, x.e, l, int32(i)})
		}
	}
	if c.r.Missing == CountDown {
		for _, g := range c.gaps {
			items = append(items, item{g.s, g.e, levelMissing, -1})
		}
	}
	sortItems(items)
	return items
}

// downtime returns the final downtime segments of items sorted by start,
// in order, and the segments windows excluded. It merges into buf, which
// may be nil.
func (c *calc) downtime(items []item, buf []wseg) (segs, excluded []wseg) {
	segs = sweep(items, &c.r.w, buf[:0])
	if c.r.Granularity == WholeMinutes {
		segs = wholeMinutes(segs, c.from, c.to, &c.r.w)
	}
	if len(c.agreed) != 1 || c.agreed[0] != (ival{c.from, c.to}) {
		segs = intersectSegs(segs, c.agreed)
	}
	segs, excluded = subtractSegs(segs, c.excl)
	if c.r.Missing == ExcludeMissing {
		segs, _ = subtractSegs(segs, c.gaps)
	}
	if c.r.Granularity == MinimumPeriod {
		segs = minimumRuns(segs, int64(c.r.MinimumRun))
	}
	return segs, excluded
}

// availability totals downtime segs and excluded segments over the
// span's agreed intervals.
func (c *calc) availability(span Span, segs, excluded []wseg) Availability {
	a := Availability{
		Span:       span,
		Agreed:     time.Duration(totalLen(c.agreed)),
		Unmeasured: time.Duration(totalLen(c.unmeasured)),
		down:       sumSegs(segs, &c.r.w),
		Excluded:   time.Duration(sumSegs(excluded, &c.r.w).duration()),
	}
	a.Counted = a.Agreed
	if c.r.Missing == ExcludeMissing {
		a.Counted -= a.Unmeasured
	}
	a.Downtime = time.Duration(a.down.duration())
	return a
}

// Compute returns the availability over span of the observed input under
// policy p: (agreed time - downtime within agreed time) / agreed time,
// with overlapping outages merged at the highest weight at each instant,
// everything clipped to the span, qualifying service windows and force
// majeure excluded (terms 2.1, 3.2) and missing data handled by
// p.Missing.
//
// An outage from 2025-01-31 23:50 to 2025-02-01 00:20 Copenhagen time
// counts 10 minutes in January's span and 20 in February's. Every problem
// in p, span and in is reported at once in a *ValidationError; nothing is
// dropped. Compute sorts a copy of the outages once and merges them in one
// pass.
func Compute(p Policy, span Span, in Input) (Availability, error) {
	c, err := newCalc(p, span, in)
	if err != nil {
		return Availability{}, err
	}
	items := c.items(in.Outages)
	segs, excluded := c.downtime(items, make([]wseg, 0, len(items)))
	return c.availability(span, segs, excluded), nil
}
