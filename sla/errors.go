package sla

import (
	"errors"

	"github.com/pimkit/pimkit/contract"
)

// Sentinel errors. Every error the package returns wraps one or more of
// them, so a host can match with [errors.Is]; input the package rejects
// comes back as a [*contract.ValidationError] that lists every problem
// found at once, with its JSON path and rule, and unwraps to the
// sentinels of the kinds of problem found.
var (
	// ErrInvalidOutage reports an outage that cannot be counted: no start,
	// an end before its start, or an instant outside the years 1900-2099.
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
)

// checks collects the problems of one operation and the sentinels of the
// kinds found, in order of first appearance.
type checks struct {
	ps    contract.Problems
	kinds []error
}

// add records that the field at path broke rule with param, a problem of
// kind.
func (c *checks) add(path, rule, param string, kind error) {
	c.ps.Add(path, rule, param)
	c.kind(kind)
}

// addMessage records a problem of a rule [contract.RuleMessage] does not
// know, with its English message.
func (c *checks) addMessage(path, rule, param, message string, kind error) {
	c.ps.AddProblem("", contract.Problem{Path: path, Rule: rule, Param: param, Message: message})
	c.kind(kind)
}

// tags runs the validate tags of v under prefix; the problems found are
// of kind.
func (c *checks) tags(prefix string, v any, kind error) {
	n := c.ps.Len()
	c.ps.Check(prefix, v)
	if c.ps.Len() > n {
		c.kind(kind)
	}
}

func (c *checks) kind(kind error) {
	for _, k := range c.kinds {
		if k == kind {
			return
		}
	}
	c.kinds = append(c.kinds, kind)
}

func (c *checks) ok() bool { return c.ps.Len() == 0 }

// err returns a *contract.ValidationError for op, or nil.
func (c *checks) err(op string) error { return c.ps.Err(op, c.kinds...) }
