package sla

import (
	"slices"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// Breakdown is the availability counted from the outages of one component
// or one cause alone. Breakdowns overlap: an instant when both "api" and
// "database" were down is downtime in both, once in the total.
type Breakdown struct {
	// Name is the component or cause; outages without one are under "".
	Name         string
	Availability Availability
}

// Day is one calendar day of a report's timeline in the agreement's zone.
// The first and last day may be partial when the span does not start or
// end at midnight; a daylight-saving day has 23 or 25 hours of agreed time
// under 24/7 hours.
type Day struct {
	Date         contract.Date
	Availability Availability
	// Met reports whether the day alone meets the target.
	Met bool
}

// Report is what a host shows a customer for one span: the availability
// against the target, the error budget, downtime by component and by
// cause, each service window with whether and why it was excluded, and a
// daily timeline.
type Report struct {
	Span   Span
	Target decimal.Decimal
	// Policy is the policy the report was counted by.
	Policy       Policy
	Availability Availability
	// Met reports whether the span meets the target, compared exactly.
	Met    bool
	Budget Budget
	// ByComponent and ByCause are sorted by name.
	ByComponent []Breakdown
	ByCause     []Breakdown
	// Windows are the decisions on every window of the input, in input
	// order, including those outside the span (with no downtime).
	Windows []WindowDecision
	Days    []Day
	// Decision is the outcome against terms 8.1 with its reason.
	Decision contract.Decision
}

// NewReport counts span under policy p: the same figures as [Compute],
// plus breakdowns, window decisions and a daily timeline. Every problem of
// the input is reported at once; nothing is dropped.
func NewReport(p Policy, span Span, in Input) (Report, error) {
	c, err := newCalc(p, span, in)
	if err != nil {
		return Report{}, err
	}
	segs, excluded := c.downtime(in.Outages, nil)
	a := c.availability(span, c.agreed, segs, excluded)
	r := Report{Span: span, Target: p.Target, Policy: p, Availability: a, Met: a.Meets(p.Target)}
	r.Budget, _ = a.Budget(p.Target)

	r.ByComponent = c.breakdown(in.Outages, func(o *Outage) string { return o.Component })
	r.ByCause = c.breakdown(in.Outages, func(o *Outage) string { return o.Cause })

	r.Windows = make([]WindowDecision, len(in.Windows))
	for i, w := range in.Windows {
		d := c.judged[i]
		d.Index = i
		if d.Excluded {
			x := c.clip(w.Start, w.End)
			d.Downtime = durationOf(within(excluded, x.s, x.e), &c.r.w)
		}
		r.Windows[i] = d
	}

	loc := c.r.loc
	for day := contract.DateOf(span.From.In(loc)); ; day = day.AddDays(1) {
		start, _ := day.In(loc)
		end, _ := day.AddDays(1).In(loc)
		lo, hi := max(start.UnixNano(), c.from), min(end.UnixNano(), c.to)
		if lo >= c.to {
			break
		}
		if lo >= hi {
			continue
		}
		part := []ival{{lo, hi}}
		da := c.availability(Span{From: maxTime(start, span.From), To: minTime(end, span.To)},
			intersectIvals(c.agreed, part), within(segs, lo, hi), within(excluded, lo, hi))
		r.Days = append(r.Days, Day{Date: day, Availability: da, Met: da.Meets(p.Target)})
	}

	key := keyMet
	if !r.Met {
		key = keyMissed
	}
	r.Decision = contract.Decision{
		Rule:      RuleAvailability,
		Allowed:   r.Met,
		From:      contract.DateOf(span.From.In(loc)),
		Date:      contract.DateOf(span.To.In(loc)),
		Citations: []contract.Citation{contract.Clause("8.1"), contract.Clause("2.1"), contract.Clause("3.2")},
		Reason:    reason(key, a.Percent(3).StringFixed(3), p.Target.String()),
	}
	return r, nil
}

func durationOf(segs []wseg, w *[numLevels]uint32) time.Duration {
	return time.Duration(sumSegs(segs, w).duration())
}

func (c *calc) breakdown(outages []Outage, name func(*Outage) string) []Breakdown {
	var names []string
	for i := range outages {
		names = append(names, name(&outages[i]))
	}
	slices.Sort(names)
	names = slices.Compact(names)
	out := make([]Breakdown, 0, len(names))
	for _, n := range names {
		segs, excluded := c.downtime(outages, func(o *Outage) bool { return name(o) == n })
		out = append(out, Breakdown{Name: n, Availability: c.availability(c.span, c.agreed, segs, excluded)})
	}
	return out
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
