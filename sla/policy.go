package sla

import (
	"iter"
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
	Unavailable, Partial, Degraded decimal.Decimal
}

// DefaultWeights counts only unavailability, as terms 2.1 defines
// Downtime: unavailable 1, partial 0, degraded 0.
func DefaultWeights() Weights {
	return Weights{Unavailable: decimal.NewFromInt(1), Partial: decimal.Zero, Degraded: decimal.Zero}
}

// StatuspageWeights is Atlassian Statuspage's uptime display: a partial
// outage counts 30 % (unavailable 1, partial 0.3, degraded 0), so an hour of
// partial outage costs 18 minutes of uptime.
func StatuspageWeights() Weights {
	return Weights{Unavailable: decimal.NewFromInt(1), Partial: decimal.New(3, -1), Degraded: decimal.Zero}
}

// IsZero reports whether w is the zero Weights.
func (w Weights) IsZero() bool {
	return w.Unavailable.IsZero() && w.Partial.IsZero() && w.Degraded.IsZero()
}

// Policy is how one agreement counts availability. Build it with
// [PolicyFor] from the agreement's terms and change the fields the offer
// document or the host decides. The zero Policy has no target and is
// rejected with [ErrInvalidTarget].
type Policy struct {
	// Target is the guaranteed availability in percent, in (0, 100]
	// (terms 8.1: 99.9).
	Target decimal.Decimal
	// Location is the zone in which months, quarters and days are cut;
	// nil means [contract.Copenhagen]. [PolicyFor] sets the terms' zone.
	Location *time.Location
	// Counter counts notice in calendar days ([CalendarDays]); the zero
	// Counter is Reg. 1182/71 over Danish public holidays. [PolicyFor] sets
	// the terms' counter.
	Counter contract.Counter
	// Hours are the agreed hours of operation; nil means 24/7 (terms
	// 2.1).
	Hours AgreedHours
	// Weights price each impact; zero means DefaultWeights.
	Weights Weights
	// PlannedNotice is the least notice of a planned service window
	// (terms 3.2: 3 days, counted as 72 hours).
	PlannedNotice time.Duration
	// EmergencyNotice is the least notice of emergency service (terms
	// 3.2: 1 hour).
	EmergencyNotice time.Duration
	// Notice is how PlannedNotice is counted: elapsed hours (default) or
	// calendar days, in which case PlannedNotice must be whole days.
	Notice NoticeRule
	// Missing is what time without monitoring data counts as.
	Missing MissingData
	// Granularity is how finely downtime is counted.
	Granularity Granularity
	// MinimumRun is the shortest run of downtime that counts under
	// [MinimumPeriod]; it must be positive then and is ignored otherwise.
	MinimumRun time.Duration
}

// PolicyFor returns the policy of an agreement on terms t: its
// availability target (8.1), its notice of service windows and emergency
// service (3.2), 24/7 agreed hours (2.1), unavailability-only weights,
// elapsed-hours notice, missing data excluded and reported, exact
// granularity, cut in the terms' zone (Europe/Copenhagen for the OpenDIMS
// terms) and counted with the terms' counter. Terms whose zone is unknown
// ([contract.Terms.Validate] reports it) leave Location nil, the default.
func PolicyFor(t contract.Terms) Policy {
	loc, _ := t.Zone.Location()
	return Policy{
		Target:          t.AvailabilityPercent,
		Location:        loc,
		Counter:         t.Counter,
		PlannedNotice:   t.ServiceWindowNotice.Std(),
		EmergencyNotice: t.EmergencyNotice.Std(),
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

var hundred = decimal.NewFromInt(100)

func checkTarget(ps *problems, field string, t decimal.Decimal) {
	switch {
	case t.IsZero():
		ps.add(field, "required", ErrInvalidTarget)
	case t.Sign() < 0:
		ps.add(field, "must be above 0 %", ErrInvalidTarget)
	case t.Cmp(hundred) > 0:
		ps.add(field, "must be at most 100 %", ErrInvalidTarget)
	}
}

// ppm converts a weight to millionths, reporting a weight outside [0, 1]
// or with more than six decimals.
func ppm(ps *problems, field string, w decimal.Decimal) uint32 {
	m := w.Shift(6)
	if w.Sign() < 0 || w.Cmp(decimal.NewFromInt(1)) > 0 {
		ps.add(field, "must be within [0, 1]", ErrInvalidPolicy)
		return 0
	}
	if !m.IsInteger() {
		ps.add(field, "at most 6 decimals", ErrInvalidPolicy)
		return 0
	}
	return uint32(m.IntPart())
}

func (p Policy) resolve() (resolved, problems) {
	var ps problems
	r := resolved{Policy: p, loc: p.Location}
	if r.loc == nil {
		r.loc = contract.Copenhagen()
	}
	checkTarget(&ps, "policy.target", p.Target)
	w := p.Weights
	if w.IsZero() {
		w = DefaultWeights()
	}
	r.w[levelMissing] = million
	r.w[impactLevel(Unavailable)] = ppm(&ps, "policy.weights.unavailable", w.Unavailable)
	r.w[impactLevel(Partial)] = ppm(&ps, "policy.weights.partial", w.Partial)
	r.w[impactLevel(Degraded)] = ppm(&ps, "policy.weights.degraded", w.Degraded)
	if r.w[2] > r.w[1] || r.w[3] > r.w[2] {
		ps.add("policy.weights", "must not increase from unavailable to degraded", ErrInvalidPolicy)
	}
	if p.PlannedNotice < 0 {
		ps.add("policy.planned_notice", "must not be negative", ErrInvalidPolicy)
	}
	if p.EmergencyNotice < 0 {
		ps.add("policy.emergency_notice", "must not be negative", ErrInvalidPolicy)
	}
	if p.Notice >= numNoticeRules {
		ps.add("policy.notice", "unknown notice rule", ErrInvalidPolicy)
	} else if p.Notice == CalendarDays && p.PlannedNotice%(24*time.Hour) != 0 {
		ps.add("policy.planned_notice", "must be whole days when counted in calendar days", ErrInvalidPolicy)
	}
	if p.Missing >= numMissing {
		ps.add("policy.missing", "unknown missing-data policy", ErrInvalidPolicy)
	}
	if p.Granularity >= numGranularities {
		ps.add("policy.granularity", "unknown granularity", ErrInvalidPolicy)
	} else if p.Granularity == MinimumPeriod && p.MinimumRun <= 0 {
		ps.add("policy.minimum_run", "must be positive for minimum-period granularity", ErrInvalidPolicy)
	}
	return r, ps
}
