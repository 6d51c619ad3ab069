package sla

import (
	"encoding/json"
	"fmt"
	"iter"
	"strconv"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// AgreedHours is the schedule within which availability is promised: the
// Agreed Hours of Operation of terms 2.1. [contract.BusinessHours]
// implements it (office hours Mon-Fri minus Danish holidays, for a
// support-hours target); a nil AgreedHours in a [Policy] means 24/7, the
// default of terms 2.1.
//
// OpenIntervals yields the open intervals within [from, to) in order. The
// package sorts, merges and clips what it yields, so overlapping or
// unordered intervals are not an error.
type AgreedHours interface {
	OpenIntervals(from, to time.Time) iter.Seq2[time.Time, time.Time]
}

// Weights say how much of an outage of each [Impact] counts as downtime,
// as fractions in [0, 1] with at most six decimals, ordered Unavailable >=
// Partial >= Degraded. The zero Weights means [DefaultWeights].
type Weights struct {
	Unavailable contract.Decimal `json:"unavailable" validate:"dgte=0,dlte=1"`
	Partial     contract.Decimal `json:"partial" validate:"dgte=0,dlte=1"`
	Degraded    contract.Decimal `json:"degraded" validate:"dgte=0,dlte=1"`
}

// DefaultWeights counts only unavailability, as terms 2.1 defines
// Downtime: unavailable 1, partial 0, degraded 0.
func DefaultWeights() Weights {
	return Weights{Unavailable: contract.Dec(decimal.NewFromInt(1)), Partial: contract.Dec(decimal.Zero), Degraded: contract.Dec(decimal.Zero)}
}

// StatuspageWeights is Atlassian Statuspage's uptime display: a partial
// outage counts 30 % (unavailable 1, partial 0.3, degraded 0), so an hour of
// partial outage costs 18 minutes of uptime.
func StatuspageWeights() Weights {
	return Weights{Unavailable: contract.Dec(decimal.NewFromInt(1)), Partial: contract.Dec(decimal.New(3, -1)), Degraded: contract.Dec(decimal.Zero)}
}

// IsZero reports whether w is the zero Weights.
func (w Weights) IsZero() bool {
	return w.Unavailable.IsZero() && w.Partial.IsZero() && w.Degraded.IsZero()
}

// Policy is how one agreement counts availability. Build it with
// [PolicyFor] from the agreement's terms and change the fields the offer
// document or the host decides. The zero Policy has no target and is
// rejected with [ErrInvalidTarget].
//
// A Policy is stored as JSON and reads back equal. Its agreed hours are
// stored when they are a [contract.BusinessHours] (nil, 24/7, is left
// out); a policy with another [AgreedHours] refuses to marshal rather
// than lose them.
type Policy struct {
	// Target is the guaranteed availability in percent, in (0, 100]
	// (terms 8.1: 99.9).
	Target contract.Decimal `json:"target" validate:"dgt=0,dlte=100"`
	// Zone is the zone in which months, quarters and days are cut; the
	// zero Zone is Europe/Copenhagen. [PolicyFor] sets the terms' zone.
	Zone contract.Zone `json:"zone,omitzero"`
	// Counter counts notice in calendar days ([CalendarDays]); the zero
	// Counter is Reg. 1182/71 over Danish public holidays. [PolicyFor] sets
	// the terms' counter.
	Counter contract.Counter `json:"counter,omitzero"`
	// Hours are the agreed hours of operation; nil means 24/7 (terms
	// 2.1).
	Hours AgreedHours `json:"-"`
	// Weights price each impact; zero means DefaultWeights.
	Weights Weights `json:"weights,omitzero"`
	// PlannedNotice is the least notice of a planned service window
	// (terms 3.2: 3 days, counted as 72 hours, "PT72H").
	PlannedNotice contract.Duration `json:"planned_notice" validate:"gte=0"`
	// EmergencyNotice is the least notice of emergency service (terms
	// 3.2: 1 hour).
	EmergencyNotice contract.Duration `json:"emergency_notice" validate:"gte=0"`
	// Notice is how PlannedNotice is counted: elapsed hours (default) or
	// calendar days, in which case PlannedNotice must be whole days.
	Notice NoticeRule `json:"notice"`
	// Missing is what time without monitoring data counts as.
	Missing MissingData `json:"missing"`
	// Granularity is how finely downtime is counted.
	Granularity Granularity `json:"granularity"`
	// MinimumRun is the shortest run of downtime that counts under
	// [MinimumPeriod]; it must be positive then and is ignored otherwise.
	MinimumRun contract.Duration `json:"minimum_run,omitzero" validate:"gte=0"`
}

// policyFields is Policy without its methods, for its JSON.
type policyFields Policy

// policyJSON is Policy's JSON: the fields and the agreed hours.
type policyJSON struct {
	policyFields
	Hours *contract.BusinessHours `json:"hours,omitempty"`
}

// MarshalJSON writes the policy with snake_case keys and ISO 8601
// durations ("planned_notice": "PT72H"). Agreed hours other than nil or a
// [contract.BusinessHours] cannot be stored and are an error wrapping
// ErrInvalidPolicy.
func (p Policy) MarshalJSON() ([]byte, error) {
	v := policyJSON{policyFields: policyFields(p)}
	switch h := p.Hours.(type) {
	case nil:
	case contract.BusinessHours:
		if _, ok := any(h).(json.Marshaler); !ok {
			return nil, fmt.Errorf("%w: these agreed hours cannot be stored as JSON", ErrInvalidPolicy)
		}
		v.Hours = &h
	default:
		return nil, fmt.Errorf("%w: agreed hours of type %T cannot be stored as JSON; use contract.BusinessHours", ErrInvalidPolicy, h)
	}
	return json.Marshal(v)
}

// skipped is a JSON value counted and not read: of no size, and never an
// error, so counting a megabyte of elements allocates nothing per element.
type skipped struct{}

// UnmarshalJSON does nothing.
func (*skipped) UnmarshalJSON([]byte) error { return nil }

// MaxHoursEntries is the most weekly windows, and the most closed days
// and closed dates, that the agreed hours of a [Policy] read from JSON may
// hold: 64 each, far more than any agreement's schedule.
const MaxHoursEntries = 64

// UnmarshalJSON reads what MarshalJSON writes; "hours" is read as a
// [contract.BusinessHours] of at most [MaxHoursEntries] weekly windows,
// closed days and closed dates (more is an error wrapping
// ErrInvalidPolicy). Every decimal goes through pimkit's bounded parser,
// so reading allocates at most 16 bytes per input byte plus 64 KiB
// whatever the input: a megabyte of junk, nesting, digits or windows
// costs at most that.
func (p *Policy) UnmarshalJSON(b []byte) error {
	// Count the schedule's entries first, into elements of no size, so
	// that a megabyte of windows is refused before it is built.
	var count struct {
		Hours *struct {
			Week     []skipped `json:"week"`
			Calendar *struct {
				ClosedDays  []skipped `json:"closed_days"`
				ClosedDates []skipped `json:"closed_dates"`
			} `json:"calendar"`
		} `json:"hours"`
	}
	_ = json.Unmarshal(b, &count) // errors are the decode's below; counts hold
	if count.Hours != nil {
		h := count.Hours
		if len(h.Week) > MaxHoursEntries || h.Calendar != nil &&
			(len(h.Calendar.ClosedDays) > MaxHoursEntries || len(h.Calendar.ClosedDates) > MaxHoursEntries) {
			return fmt.Errorf("%w: agreed hours of more than %d windows, closed days or closed dates", ErrInvalidPolicy, MaxHoursEntries)
		}
	}
	var v policyJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	if v.Hours != nil {
		if _, ok := any(v.Hours).(json.Unmarshaler); !ok {
			return fmt.Errorf("%w: agreed hours cannot be read from JSON", ErrInvalidPolicy)
		}
	}
	*p = Policy(v.policyFields)
	if v.Hours != nil {
		p.Hours = *v.Hours
	}
	return nil
}

// PolicyFor returns the policy of an agreement on terms t: its
// availability target (8.1), its notice of service windows and emergency
// service (3.2), 24/7 agreed hours (2.1), unavailability-only weights,
// elapsed-hours notice, missing data excluded and reported, exact
// granularity, cut in the terms' zone (Europe/Copenhagen for the OpenDIMS
// terms) and counted with the terms' counter.
func PolicyFor(t contract.Terms) Policy {
	return Policy{
		Target:          contract.Dec(t.AvailabilityPercent.Decimal()),
		Zone:            t.Zone,
		Counter:         t.Counter,
		PlannedNotice:   contract.Duration(t.ServiceWindowNotice),
		EmergencyNotice: contract.Duration(t.EmergencyNotice),
	}
}

// resolved is a validated policy with defaults filled in and weights as
// integer millionths by level: level 0 is missing data counted down,
// levels 1-3 are the impacts.
type resolved struct {
	Policy
	loc *time.Location
	w   [numLevels]uint32
}

const (
	levelMissing = 0
	numLevels    = 1 + int(numImpacts)
)

func impactLevel(i Impact) uint8 { return uint8(i) + 1 }

var (
	hundred = decimal.NewFromInt(100)
	one     = decimal.NewFromInt(1)
)

// targetOK reports whether t is within (0, 100], the rule of the tag on
// Policy.Target, with at most [contract.MaxDecimalText] decimals. The
// exponent is checked before any arithmetic, so 1e-1000000 and 1e1000000
// cost nothing.
func targetOK(t decimal.Decimal) bool {
	e := t.Exponent()
	return t.Sign() > 0 && e >= -contract.MaxDecimalText && e <= 2 && t.Cmp(hundred) <= 0
}

// checkTarget reports a target outside (0, 100] at path, with the rules
// of the tag on Policy.Target, and one with more decimals than pimkit
// reads (max_decimals(100)).
func checkTarget(c *checks, path string, t decimal.Decimal) {
	switch {
	case t.Sign() <= 0:
		c.add(path, "dgt", "0", ErrInvalidTarget)
	case t.Exponent() > 2: // a non-zero coefficient times 10^3 or more
		c.add(path, "dlte", "100", ErrInvalidTarget)
	case t.Exponent() < -contract.MaxDecimalText:
		c.add(path, "max_decimals", strconv.Itoa(contract.MaxDecimalText), ErrInvalidTarget)
	case t.Cmp(hundred) > 0:
		c.add(path, "dlte", "100", ErrInvalidTarget)
	}
}

// ppm converts a weight in [0, 1] with at most six decimals to
// millionths; ok is false for any other weight.
func ppm(w decimal.Decimal) (uint32, bool) {
	if w.Sign() < 0 || w.Cmp(one) > 0 {
		return 0, false
	}
	m := w.Shift(6)
	if !m.IsInteger() {
		return 0, false
	}
	return uint32(m.IntPart()), true
}

// resolve fills in p's defaults. The checks run only when a quick pass
// finds something wrong, so a valid policy costs no reflection: the quick
// pass accepts exactly what the validate tags and the cross-field rules
// accept.
func (p Policy) resolve(c *checks) resolved {
	r := resolved{Policy: p}
	loc, errZone := p.Zone.Location()
	r.loc = loc
	w := p.Weights
	if w.IsZero() {
		w = DefaultWeights()
	}
	var okU, okP, okD bool
	r.w[levelMissing] = million
	r.w[impactLevel(Unavailable)], okU = ppm(w.Unavailable.Decimal())
	r.w[impactLevel(Partial)], okP = ppm(w.Partial.Decimal())
	r.w[impactLevel(Degraded)], okD = ppm(w.Degraded.Decimal())
	ordered := r.w[2] <= r.w[1] && r.w[3] <= r.w[2]
	if errZone == nil && targetOK(p.Target.Decimal()) && okU && okP && okD && ordered &&
		p.PlannedNotice >= 0 && p.EmergencyNotice >= 0 && p.MinimumRun >= 0 &&
		p.Notice < numNoticeRules && p.Missing < numMissing && p.Granularity < numGranularities &&
		(p.Notice != CalendarDays || p.PlannedNotice%contract.Hours(24) == 0) &&
		(p.Granularity != MinimumPeriod || p.MinimumRun > 0) {
		return r
	}
	if r.loc == nil {
		r.loc = contract.Copenhagen()
	}
	p.check(c, "policy")
	return r
}

// Validate reports every problem of p at once, as a
// [*contract.ValidationError] with JSON paths: a target outside (0, 100]
// ("target": dlte(100)) wraps ErrInvalidTarget; negative notice
// ("planned_notice": gte(0)), weights outside [0, 1], with more than six
// decimals or increasing from unavailable to degraded, an unknown zone or
// enum value, notice in calendar days that is not whole days, or
// [MinimumPeriod] without a MinimumRun wrap ErrInvalidPolicy.
func (p Policy) Validate() error {
	var c checks
	p.check(&c, "")
	return c.err("validate policy")
}

// check reports every problem of p under prefix: the validate tags, then
// the rules across fields.
func (p Policy) check(c *checks, prefix string) {
	n := c.ps.Len()
	c.ps.Check(prefix, p)
	for _, pr := range c.ps.List()[n:] {
		if pr.Path == join(prefix, "target") {
			c.kind(ErrInvalidTarget)
		} else {
			c.kind(ErrInvalidPolicy)
		}
	}
	if _, err := p.Zone.Location(); err != nil {
		c.add(join(prefix, "zone"), "oneof", "Europe/Copenhagen Europe/Stockholm UTC", ErrInvalidPolicy)
	}
	w := p.Weights
	if w.IsZero() {
		w = DefaultWeights()
	}
	var lv [3]uint32
	for i, f := range []struct {
		name string
		d    decimal.Decimal
	}{{"unavailable", w.Unavailable.Decimal()}, {"partial", w.Partial.Decimal()}, {"degraded", w.Degraded.Decimal()}} {
		v, ok := ppm(f.d)
		if !ok && f.d.Sign() >= 0 && f.d.Cmp(one) <= 0 {
			c.addMessage(join(prefix, "weights."+f.name), "max_decimals", "6", "must have at most 6 decimals", ErrInvalidPolicy)
		}
		lv[i] = v
	}
	if lv[1] > lv[0] {
		c.add(join(prefix, "weights.partial"), "ltefield", "unavailable", ErrInvalidPolicy)
	}
	if lv[2] > lv[1] {
		c.add(join(prefix, "weights.degraded"), "ltefield", "partial", ErrInvalidPolicy)
	}
	if p.Notice >= numNoticeRules {
		c.add(join(prefix, "notice"), "oneof", "elapsed_hours calendar_days", ErrInvalidPolicy)
	} else if p.Notice == CalendarDays && p.PlannedNotice%contract.Hours(24) != 0 {
		c.addMessage(join(prefix, "planned_notice"), "whole_days", "calendar_days", "must be whole days when notice is counted in calendar days", ErrInvalidPolicy)
	}
	if p.Missing >= numMissing {
		c.add(join(prefix, "missing"), "oneof", "exclude count_up count_down", ErrInvalidPolicy)
	}
	if p.Granularity >= numGranularities {
		c.add(join(prefix, "granularity"), "oneof", "exact whole_minutes minimum_period", ErrInvalidPolicy)
	} else if p.Granularity == MinimumPeriod && p.MinimumRun <= 0 {
		c.add(join(prefix, "minimum_run"), "required", "minimum_period", ErrInvalidPolicy)
	}
}
