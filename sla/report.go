package sla

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/pimkit/pimkit/contract"
)

// Breakdown is the availability counted from the outages of one component
// or one cause alone. Breakdowns overlap: an instant when both "api" and
// "database" were down is downtime in both, once in the total. Gaps
// counted as down under [CountDown] belong to no component or cause and
// appear in the total only.
type Breakdown struct {
	// Name is the component or cause; outages without one are under "".
	Name         string       `json:"name"`
	Availability Availability `json:"availability"`
}

// Day is one calendar day of a report's timeline in the agreement's zone.
// The first and last day may be partial when the span does not start or
// end at midnight; a daylight-saving day has 23 or 25 hours of agreed time
// under 24/7 hours.
type Day struct {
	Date         contract.Date `json:"date"`
	Availability Availability  `json:"availability"`
	// Met reports whether the day alone meets the target.
	Met bool `json:"met"`
}

// Report is what a host shows a customer for one span: the availability
// against the target, the error budget, downtime by component and by
// cause, each service window with whether and why it was excluded, and a
// daily timeline.
//
// A Report is stored as JSON and reads back equal: a month that missed
// its target still misses it, to the femtosecond. Like its [Policy], a
// report counted over agreed hours other than a [contract.BusinessHours]
// refuses to marshal.
type Report struct {
	Span   Span             `json:"span"`
	Target contract.Decimal `json:"target"`
	// Policy is the policy the report was counted by.
	Policy       Policy       `json:"policy"`
	Availability Availability `json:"availability"`
	// Met reports whether the span meets the target, compared exactly.
	Met    bool   `json:"met"`
	Budget Budget `json:"budget"`
	// ByComponent and ByCause are sorted by name; nil without outages.
	ByComponent []Breakdown `json:"by_component,omitempty"`
	ByCause     []Breakdown `json:"by_cause,omitempty"`
	// Windows are the decisions on every window of the input, in input
	// order, including those outside the span (with no downtime); nil
	// without windows.
	Windows []WindowDecision `json:"windows,omitempty"`
	Days    []Day            `json:"days,omitempty"`
	// Decision is the outcome against terms 8.1 with its reason.
	Decision contract.Decision `json:"decision"`
}

// minElementBytes is the least JSON a breakdown, window decision or day
// of a [Report] takes; each holds an availability of some 200 bytes.
const minElementBytes = 160

// reportFields is Report without its methods, for its JSON.
type reportFields Report

// UnmarshalJSON reads a stored Report. A report whose lists hold more
// elements than its bytes can carry ({} repeated: each element of a real
// report takes well over 160 bytes) is an error wrapping ErrInvalidOutage
// before any element is built, and every decimal goes through pimkit's
// bounded parser, so reading allocates at most 16 bytes per input byte
// plus 64 KiB whatever the input.
func (r *Report) UnmarshalJSON(b []byte) error {
	// Count the elements first, into elements of no size.
	var count struct {
		ByComponent []skipped `json:"by_component"`
		ByCause     []skipped `json:"by_cause"`
		Windows     []skipped `json:"windows"`
		Days        []skipped `json:"days"`
	}
	_ = json.Unmarshal(b, &count) // errors are the decode's below; counts hold
	if n := len(count.ByComponent) + len(count.ByCause) + len(count.Windows) + len(count.Days); n > len(b)/minElementBytes {
		return fmt.Errorf("%w: report: %d list elements in %d bytes", ErrInvalidOutage, n, len(b))
	}
	var v reportFields
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*r = Report(v)
	return nil
}

// NewReport counts span under policy p: the same figures as [Compute],
// plus breakdowns, window decisions and a daily timeline. Every problem of
// the input is reported at once; nothing is dropped.
func NewReport(p Policy, span Span, in Input) (Report, error) {
	c, err := newCalc("new report", p, span, in)
	if err != nil {
		return Report{}, err
	}
	items := c.items(in.Outages)
	segs, excluded := c.downtime(items, make([]wseg, 0, len(items)))
	a := c.availability(span, segs, excluded)
	r := Report{Span: span, Target: p.Target, Policy: p, Availability: a, Met: a.Meets(p.Target.Decimal())}
	r.Budget, _ = a.Budget(p.Target.Decimal())

	r.ByComponent = c.breakdown(in.Outages, items, func(o *Outage) string { return o.Component })
	r.ByCause = c.breakdown(in.Outages, items, func(o *Outage) string { return o.Cause })

	if len(in.Windows) > 0 {
		r.Windows = make([]WindowDecision, len(in.Windows))
	}
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
	unmeasured := c.unmeasured
	day := contract.DateOf(span.From.In(loc))
	start, _ := day.In(loc)
	for {
		end := nextStart(day, loc)
		lo, hi := max(start.UnixNano(), c.from), min(end.UnixNano(), c.to)
		if lo >= c.to {
			break
		}
		// lo < hi: the first day contains the span's start and every later
		// day begins before the span's end.
		da := Availability{
			Span:       Span{From: maxTime(start, span.From), To: minTime(end, span.To)},
			Agreed:     contract.Duration(lenWithin(c.agreed, lo, hi)),
			Unmeasured: contract.Duration(lenWithin(unmeasured, lo, hi)),
			down:       sumWithin(segs, lo, hi, &c.r.w),
			Excluded:   contract.Duration(sumWithin(excluded, lo, hi, &c.r.w).duration()),
		}
		da.Counted = da.Agreed
		if c.r.Missing == ExcludeMissing {
			da.Counted -= da.Unmeasured
		}
		da.Downtime = contract.Duration(da.down.duration())
		r.Days = append(r.Days, Day{Date: day, Availability: da, Met: da.Meets(p.Target.Decimal())})
		day, start = day.AddDays(1), end
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
		Reason:    reason(key, contract.PercentOf(a.Percent(3)), contract.PercentOf(p.Target.Decimal())),
	}
	return r, nil
}

func durationOf(segs []wseg, w *[numLevels]uint32) contract.Duration {
	return contract.Duration(sumSegs(segs, w).duration())
}

// breakdown counts the outages of each name alone, reusing the items
// sorted once for the total.
func (c *calc) breakdown(outages []Outage, items []item, name func(*Outage) string) []Breakdown {
	// Number the names in order of first appearance, then renumber them
	// in sorted order so the result does not depend on input order.
	first := map[string]int32{}
	var sorted []string
	id := make([]int32, len(outages))
	for i := range outages {
		n := name(&outages[i])
		k, ok := first[n]
		if !ok {
			k = int32(len(sorted))
			first[n] = k
			sorted = append(sorted, n)
		}
		id[i] = k
	}
	slices.Sort(sorted)
	rank := make([]int32, len(sorted))
	for r, n := range sorted {
		rank[first[n]] = int32(r)
	}
	for i := range id {
		id[i] = rank[id[i]]
	}
	if len(sorted) == 0 {
		return nil // as read back from JSON
	}
	out := make([]Breakdown, 0, len(sorted))
	buf := make([]item, 0, len(items))
	merged := make([]wseg, 0, len(items))
	for k, n := range sorted {
		buf = buf[:0]
		for _, it := range items {
			if it.idx >= 0 && id[it.idx] == int32(k) {
				buf = append(buf, it)
			}
		}
		segs, excluded := c.downtime(buf, merged)
		out = append(out, Breakdown{Name: n, Availability: c.availability(c.span, segs, excluded)})
	}
	return out
}

// nextStart returns the instant the day after day begins in loc.
func nextStart(day contract.Date, loc *time.Location) time.Time {
	t, _ := day.AddDays(1).In(loc)
	return t
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
