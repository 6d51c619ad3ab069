package sla

import (
	"strconv"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// Capacity is the rule for warning a customer whose consumption approaches
// the agreed maximum capacity (terms 7.2): a warning when usage reaches
// each threshold, a fraction of Max, once per crossing rather than on every
// sample. After a warning the threshold re-arms only when usage falls
// below threshold - Hysteresis, so usage hovering at 80 % does not warn
// again and again.
type Capacity struct {
	// Max is the agreed maximum, in the host's unit (values, credits,
	// GB); it must be positive.
	Max decimal.Decimal
	// Thresholds are fractions of Max, strictly ascending and positive:
	// 0.8, 0.9, 1.
	Thresholds []decimal.Decimal
	// Hysteresis is a fraction of Max, not negative; 0 re-arms as soon as
	// usage is below the threshold.
	Hysteresis decimal.Decimal
}

// DefaultCapacity warns at 80 %, 90 % and 100 % of max, re-arming 5
// percentage points below each.
func DefaultCapacity(max decimal.Decimal) Capacity {
	return Capacity{Max: max,
		Thresholds: []decimal.Decimal{decimal.New(8, -1), decimal.New(9, -1), decimal.NewFromInt(1)},
		Hysteresis: decimal.New(5, -2)}
}

// CapacityState is what a [Capacity] rule remembers between samples: how
// many thresholds are currently crossed. The zero CapacityState has none;
// the host stores it with the customer.
type CapacityState struct {
	Crossed int `json:"crossed"`
}

// CapacityEvent is a threshold crossed upward (Raised, a warning to send)
// or re-armed downward.
type CapacityEvent struct {
	At        time.Time
	Usage     decimal.Decimal
	Threshold decimal.Decimal
	Raised    bool
	Decision  contract.Decision
}

// Observe returns the state after a sample of usage at instant at, and the
// events it causes: none while usage stays on the same side of the
// thresholds. A jump from 50 % to 95 % raises 80 % and 90 %, one event
// each, in ascending order; a fall re-arms in descending order. A bad rule,
// a negative usage or a state out of range is an error wrapping
// ErrInvalidCapacity, and the state is returned unchanged.
func (c Capacity) Observe(s CapacityState, at time.Time, usage decimal.Decimal) (CapacityState, []CapacityEvent, error) {
	var ps problems
	if c.Max.Sign() <= 0 {
		ps.add("capacity.max", "must be positive", ErrInvalidCapacity)
	}
	for i, t := range c.Thresholds {
		if t.Sign() <= 0 || (i > 0 && t.Cmp(c.Thresholds[i-1]) <= 0) {
			ps.add("capacity.thresholds["+strconv.Itoa(i)+"]", "must be positive and ascending", ErrInvalidCapacity)
		}
	}
	if c.Hysteresis.Sign() < 0 {
		ps.add("capacity.hysteresis", "must not be negative", ErrInvalidCapacity)
	}
	if usage.Sign() < 0 {
		ps.add("usage", "must not be negative", ErrInvalidCapacity)
	}
	if s.Crossed < 0 || s.Crossed > len(c.Thresholds) {
		ps.add("state.crossed", "out of range", ErrInvalidCapacity)
	}
	if err := ps.err(); err != nil {
		return s, nil, err
	}
	var events []CapacityEvent
	event := func(t decimal.Decimal, raised bool) {
		key := keyCapacityUp
		if !raised {
			key = keyCapacityDown
		}
		events = append(events, CapacityEvent{At: at, Usage: usage, Threshold: t, Raised: raised,
			Decision: contract.Decision{Rule: RuleCapacity, Allowed: raised, At: at,
				Citations: []contract.Citation{contract.Clause("7.2")},
				Reason:    reason(key, usage.String(), t.Shift(2).String(), c.Max.String())}})
	}
	for s.Crossed < len(c.Thresholds) && usage.Cmp(c.Max.Mul(c.Thresholds[s.Crossed])) >= 0 {
		event(c.Thresholds[s.Crossed], true)
		s.Crossed++
	}
	if len(events) == 0 {
		for s.Crossed > 0 && usage.Cmp(c.Max.Mul(c.Thresholds[s.Crossed-1].Sub(c.Hysteresis))) < 0 {
			event(c.Thresholds[s.Crossed-1], false)
			s.Crossed--
		}
	}
	return s, events, nil
}
