package contract

import (
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// Capacity is the rule for warning a customer whose consumption approaches
// the agreed maximum capacity (terms 7.2): a warning when usage reaches
// each threshold, a fraction of Max, once per crossing rather than on every
// sample. After a warning the threshold re-arms only when usage falls
// below threshold - Hysteresis, so usage hovering at 80 % does not warn
// again and again. Usage and Max are in the host's unit (values, credits,
// GB) and compare exactly.
type Capacity struct {
	// Max is the agreed maximum; it must be positive.
	Max Decimal `json:"max" validate:"dgt=0"`
	// Thresholds are fractions of Max, strictly ascending and positive:
	// 0.8, 0.9, 1.
	Thresholds []Decimal `json:"thresholds" validate:"max=100,dive,dgt=0"`
	// Hysteresis is a fraction of Max, not negative; 0 re-arms as soon as
	// usage is below the threshold.
	Hysteresis Decimal `json:"hysteresis" validate:"dgte=0"`
}

// DefaultCapacity warns at 80 %, 90 % and 100 % of max, re-arming 5
// percentage points below each.
func DefaultCapacity(max decimal.Decimal) Capacity {
	return Capacity{Max: Dec(max),
		Thresholds: []Decimal{Dec(decimal.New(8, -1)), Dec(decimal.New(9, -1)), Dec(decimal.NewFromInt(1))},
		Hysteresis: Dec(decimal.New(5, -2))}
}

// CapacityState is what a [Capacity] rule remembers between samples: how
// many thresholds are currently crossed. The zero CapacityState has none;
// the host stores it with the customer.
type CapacityState struct {
	Crossed int `json:"crossed"`
}

// CapacityEvent is a threshold crossed upward (Raised: a warning to send)
// or re-armed downward, with the decision that explains it.
type CapacityEvent struct {
	At        time.Time `json:"at"`
	Usage     Decimal   `json:"usage"`
	Threshold Decimal   `json:"threshold"`
	Raised    bool      `json:"raised"`
	Decision  Decision  `json:"decision"`
}

// RuleCapacity is the rule ID of the capacity warnings of terms 7.2.
const RuleCapacity = "terms 7.2"

// Observe returns the state after a sample of usage at instant at, and the
// events it causes: none while usage stays on the same side of the
// thresholds. With Max 250,000 values, a jump from 190,000 to 226,000
// raises 80 % (200,000) and 90 % (225,000), one event each, in ascending
// order; a fall re-arms in descending order. A bad rule, a negative usage
// or a state out of range is a [*ValidationError] wrapping
// [ErrInvalidInput], and the state is returned unchanged.
func (c Capacity) Observe(s CapacityState, at time.Time, usage decimal.Decimal) (CapacityState, []CapacityEvent, error) {
	var ps Problems
	ps.Check("capacity", c)
	for i := 1; i < len(c.Thresholds); i++ {
		if c.Thresholds[i].d.Cmp(c.Thresholds[i-1].d) <= 0 {
			ps.Add("capacity.thresholds["+strconv.Itoa(i)+"]", "gtfield", "thresholds["+strconv.Itoa(i-1)+"]")
		}
	}
	if usage.Sign() < 0 {
		ps.Add("usage", "dgte", "0")
	}
	if s.Crossed < 0 || s.Crossed > len(c.Thresholds) {
		ps.Add("state.crossed", "lte", strconv.Itoa(len(c.Thresholds)))
	}
	if err := ps.Err("observe capacity", ErrInvalidInput); err != nil {
		return s, nil, err
	}
	var events []CapacityEvent
	max, hyst := c.Max.d, c.Hysteresis.d
	event := func(t decimal.Decimal, raised bool) {
		r := rulesReason("usage %s has reached %s of the agreed maximum %s", usage, PercentOf(t.Shift(2)), max)
		if !raised {
			r = rulesReason("usage %s is back below %s of the agreed maximum %s", usage, PercentOf(t.Shift(2)), max)
		}
		events = append(events, CapacityEvent{At: at, Usage: Dec(usage), Threshold: Dec(t), Raised: raised,
			Decision: Decision{Rule: RuleCapacity, Allowed: raised, At: at,
				Citations: []Citation{Clause("7.2")},
				Reason:    r}})
	}
	for s.Crossed < len(c.Thresholds) && usage.Cmp(max.Mul(c.Thresholds[s.Crossed].d)) >= 0 {
		event(c.Thresholds[s.Crossed].d, true)
		s.Crossed++
	}
	if len(events) == 0 {
		for s.Crossed > 0 && usage.Cmp(max.Mul(c.Thresholds[s.Crossed-1].d.Sub(hyst))) < 0 {
			event(c.Thresholds[s.Crossed-1].d, false)
			s.Crossed--
		}
	}
	return s, events, nil
}
