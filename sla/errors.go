package sla

import (
	"errors"
	"strings"
)

// Sentinel errors. Every error the package returns wraps one or more of
// them, so a host can match with [errors.Is]; [*ValidationError] lists
// every problem found at once.
var (
	// ErrInvalidOutage reports an outage that cannot be counted: no start,
	// an end before its start, or an instant outside the years 1678-2261.
	ErrInvalidOutage = errors.New("sla: invalid outage")
	// ErrInvalidWindow reports a service window or force-majeure period
	// that cannot be judged: no notice time, notice given after the window
	// started, or an end not after its start.
	ErrInvalidWindow = errors.New("sla: invalid service window")
	// ErrInvalidGap reports a period of missing monitoring data whose end
	// is before its start.
	ErrInvalidGap = errors.New("sla: invalid missing-data gap")
	// ErrInvalidTarget reports an availability target outside (0, 100] %:
	// 100.1 and 0 are errors, 100 is allowed.
	ErrInvalidTarget = errors.New("sla: invalid availability target")
	// ErrInvalidPolicy reports a policy the package cannot apply: weights
	// outside [0, 1] or not ordered, an unknown enum value, a negative
	// notice.
	ErrInvalidPolicy = errors.New("sla: invalid policy")
	// ErrInvalidSpan reports a reporting period whose end is not after its
	// start, or a rolling window that is not positive.
	ErrInvalidSpan = errors.New("sla: invalid period")
	// ErrInvalidCredit reports credit tiers or a fee that cannot be
	// applied: thresholds not strictly descending, a credit outside
	// [0, 1], a negative fee.
	ErrInvalidCredit = errors.New("sla: invalid credit tiers")
	// ErrInvalidCapacity reports a capacity detector without a positive
	// maximum or with thresholds not strictly ascending.
	ErrInvalidCapacity = errors.New("sla: invalid capacity rule")
)

// Problem is one thing wrong with an input: the field path
// ("outages[3].end"), the rule it breaks ("after start") and the sentinel
// it belongs to. Problems carry no personal data: they name fields, not
// values.
type Problem struct {
	// Field is the JSON-style path of the offending field.
	Field string
	// Rule is the broken rule in a few lower-case words.
	Rule string
	// Err is the sentinel the problem matches, such as ErrInvalidOutage.
	Err error
}

// String returns "field: rule".
func (p Problem) String() string { return p.Field + ": " + p.Rule }

// ValidationError lists every problem found in one call, so that nothing
// is silently dropped: an outage ending before it starts and a window
// notified after it started are reported together. It matches each
// problem's sentinel with [errors.Is]:
//
//	errors.Is(err, sla.ErrInvalidOutage)
type ValidationError struct {
	Problems []Problem
}

// Error returns "sla: outages[1].end: before start; windows[0].notified:
// after start".
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("sla: ")
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns the distinct sentinels of the problems, in order of first
// appearance.
func (e *ValidationError) Unwrap() []error {
	var out []error
	for _, p := range e.Problems {
		dup := false
		for _, o := range out {
			if o == p.Err {
				dup = true
				break
			}
		}
		if !dup && p.Err != nil {
			out = append(out, p.Err)
		}
	}
	return out
}

// problems collects Problems; err returns nil or a *ValidationError.
type problems []Problem

func (ps *problems) add(field, rule string, err error) {
	*ps = append(*ps, Problem{Field: field, Rule: rule, Err: err})
}

func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return &ValidationError{Problems: ps}
}
