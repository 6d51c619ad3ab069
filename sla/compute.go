package sla

import (
	"cmp"
	"strconv"
	"time"

	"github.com/pimkit/pimkit/contract"
)

// Span is a reporting period [From, To): a calendar month, a quarter or a
// rolling window. Build calendar spans with [Policy.Month] and
// [Policy.Quarter] so they are cut in the agreement's zone.
type Span struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Duration returns the elapsed time of s: a March in Copenhagen is 743
// hours, not 744, because 30 March 2025 has 23.
func (s Span) Duration() time.Duration { return s.To.Sub(s.From) }

func (s Span) check(c *checks, f string) {
	okF := checkInstant(c, f+".from", s.From, true, ErrInvalidSpan)
	okT := checkInstant(c, f+".to", s.To, true, ErrInvalidSpan)
	if okF && okT && !s.To.After(s.From) {
		c.add(f+".to", "gtfield", "from", ErrInvalidSpan)
	}
}

// spanError reports one problem with the arguments of a span.
func spanError(op, path, rule, param string) error {
	var c checks
	c.add(path, rule, param, ErrInvalidSpan)
	return c.err(op)
}

// rangeError reports v outside [lo, hi] at path, or nil.
func rangeError(op, path string, v, lo, hi int) error {
	switch {
	case v < lo:
		return spanError(op, path, "gte", strconv.Itoa(lo))
	case v > hi:
		return spanError(op, path, "lte", strconv.Itoa(hi))
	}
	return nil
}

// Month returns the calendar month year-month in p's zone: January 2025
// in Copenhagen runs from 2024-12-31T23:00Z to 2025-01-31T23:00Z. The month
// is counted with [contract.Date.Add], never time.AddDate.
func (p Policy) Month(year int, month time.Month) (Span, error) {
	if err := cmp.Or(rangeError("month", "month", int(month), 1, 12), rangeError("month", "year", year, 1, 9999)); err != nil {
		return Span{}, err
	}
	d, _ := contract.NewDate(year, month, 1)
	return p.dates(d, d.Add(contract.Months(1)))
}

// Quarter returns calendar quarter q (1-4) of year in p's zone: Q1 2025 is
// January to March, 2,159 hours in Copenhagen (one lost to summer time).
func (p Policy) Quarter(year, q int) (Span, error) {
	if err := cmp.Or(rangeError("quarter", "quarter", q, 1, 4), rangeError("quarter", "year", year, 1, 9999)); err != nil {
		return Span{}, err
	}
	d, _ := contract.NewDate(year, time.Month(3*q-2), 1)
	return p.dates(d, d.Add(contract.Months(3)))
}

// Days returns the span of whole days from first up to and excluding
// last, in p's zone.
func (p Policy) Days(first, last contract.Date) (Span, error) {
	if !first.Before(last) {
		return Span{}, spanError("days", "last", "gtfield", "first")
	}
	return p.dates(first, last)
}

func (p Policy) dates(a, b contract.Date) (Span, error) {
	loc := p.loc()
	from, _ := a.In(loc)
	to, _ := b.In(loc)
	var c checks
	s := Span{From: from, To: to}
	s.check(&c, "span")
	return s, c.err("span")
}

// Rolling returns the rolling window of elapsed length d that ends at end:
// Rolling(at, 30*24*time.Hour) is the last 720 hours before at. A d that is
// not positive gives a span that Compute rejects with ErrInvalidSpan.
func Rolling(end time.Time, d time.Duration) Span {
	return Span{From: end.Add(-d), To: end}
}

// loc returns the location of p's zone; Copenhagen for a zone pimkit
// does not know, which Compute rejects.
func (p Policy) loc() *time.Location {
	if loc, err := p.Zone.Location(); err == nil {
		return loc
	}
	return contract.Copenhagen()
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

func newCalc(op string, p Policy, span Span, in Input) (*calc, error) {
	var ck checks
	r := p.resolve(&ck)
	span.check(&ck, "span")
	in.check(&ck)
	if err := ck.err(op); err != nil {
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
		Agreed:     contract.Duration(totalLen(c.agreed)),
		Unmeasured: contract.Duration(totalLen(c.unmeasured)),
		down:       sumSegs(segs, &c.r.w),
		Excluded:   contract.Duration(sumSegs(excluded, &c.r.w).duration()),
	}
	a.Counted = a.Agreed
	if c.r.Missing == ExcludeMissing {
		a.Counted -= a.Unmeasured
	}
	a.Downtime = contract.Duration(a.down.duration())
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
	c, err := newCalc("compute", p, span, in)
	if err != nil {
		return Availability{}, err
	}
	items := c.items(in.Outages)
	segs, excluded := c.downtime(items, make([]wseg, 0, len(items)))
	return c.availability(span, segs, excluded), nil
}
