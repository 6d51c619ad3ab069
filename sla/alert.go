package sla

import (
	"strconv"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
	"github.com/shopspring/decimal"
)

// Severity is how urgently a burn-rate alert needs a human.
type Severity uint8

const (
	// Page wakes someone up: the budget burns fast.
	Page Severity = iota
	// Ticket can wait for working hours.
	Ticket
	numSeverities
)

var severityNames = enum.Names{"page", "ticket"}

// String returns "page" or "ticket".
func (s Severity) String() string { return enum.String(severityNames, s, "Severity") }

// MarshalText implements encoding.TextMarshaler; an unknown value is an
// error.
func (s Severity) MarshalText() ([]byte, error) {
	return enum.Marshal(severityNames, s, "severity", ErrInvalidPolicy)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidPolicy.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (s *Severity) UnmarshalText(b []byte) error {
	return enum.Unmarshal(severityNames, b, s, "severity", ErrInvalidPolicy)
}

// BurnRule is one multi-window burn-rate alert condition: it fires when
// the burn rate over both the Long and the Short trailing window exceeds
// Factor. The short window makes the alert stop soon after the burning
// stops.
type BurnRule struct {
	// Long and Short are the trailing windows, both positive: "PT1H" and
	// "PT5M".
	Long  contract.Duration `json:"long" validate:"gt=0"`
	Short contract.Duration `json:"short" validate:"gt=0"`
	// Factor is the burn rate both windows must exceed; positive.
	Factor   contract.Decimal `json:"factor" validate:"dgt=0"`
	Severity Severity         `json:"severity"`
}

// WorkbookRules returns the multi-window, multi-burn-rate alerts of the
// Google SRE workbook ("Alerting on SLOs"), stated there for a 30-day SLO
// period and scaled here to slo by keeping each rule's share of the
// budget: page at 14.4 over 1 h and 5 m (2 % of the budget), page at 6
// over 6 h and 30 m (5 %), ticket at 3 over 1 d and 2 h (10 %), ticket at
// 1 over 3 d and 6 h (10 %). For a 28-day period the first rule's windows
// are 56 min and 4 min 40 s. A non-positive slo gives the 30-day rules.
func WorkbookRules(slo time.Duration) []BurnRule {
	const base = 30 * 24 * time.Hour
	if slo <= 0 {
		slo = base
	}
	scale := func(d time.Duration) time.Duration {
		// d * slo / base without overflow for periods up to years.
		return time.Duration(decimal.NewFromInt(int64(d)).Mul(decimal.NewFromInt(int64(slo))).
			Div(decimal.NewFromInt(int64(base))).IntPart())
	}
	rule := func(long, short time.Duration, factor decimal.Decimal, s Severity) BurnRule {
		return BurnRule{Long: contract.Duration(scale(long)), Short: contract.Duration(scale(short)), Factor: contract.Dec(factor), Severity: s}
	}
	return []BurnRule{
		rule(time.Hour, 5*time.Minute, decimal.New(144, -1), Page),
		rule(6*time.Hour, 30*time.Minute, decimal.NewFromInt(6), Page),
		rule(24*time.Hour, 2*time.Hour, decimal.NewFromInt(3), Ticket),
		rule(72*time.Hour, 6*time.Hour, decimal.NewFromInt(1), Ticket),
	}
}

// BurnAlert is the evaluation of one [BurnRule] at an instant.
type BurnAlert struct {
	Rule BurnRule `json:"rule"`
	// LongBurn and ShortBurn are the exact burn rates over the trailing
	// windows.
	LongBurn  Ratio `json:"long_burn"`
	ShortBurn Ratio `json:"short_burn"`
	// Firing reports that both exceed the rule's factor.
	Firing bool `json:"firing"`
}

// EvaluateBurn evaluates rules at instant at over the trailing windows
// [at - Long, at) and [at - Short, at), with open outages running to at.
// The comparison is exact and strict, as in the workbook's alert
// expressions: a burn of exactly 14.4 does not fire. Rules with a window
// that is not positive or a factor that is not positive are a
// [*contract.ValidationError] wrapping ErrInvalidPolicy ("rules[0].long":
// gt(0)); a 100 % target, which leaves no budget to burn, wraps
// ErrInvalidTarget.
func EvaluateBurn(p Policy, in Input, at time.Time, rules []BurnRule) ([]BurnAlert, error) {
	var c checks
	for i, r := range rules {
		c.tags("rules["+strconv.Itoa(i)+"]", r, ErrInvalidPolicy)
	}
	if p.Target.Decimal().Cmp(hundred) == 0 {
		c.add("policy.target", "dlt", "100", ErrInvalidTarget)
	}
	if err := c.err("evaluate burn"); err != nil {
		return nil, err
	}
	burn := func(d time.Duration) (Ratio, error) {
		a, err := Compute(p, Rolling(at, d), in)
		if err != nil {
			return Ratio{}, err
		}
		return a.BurnRate(p.Target.Decimal())
	}
	out := make([]BurnAlert, len(rules))
	for i, r := range rules {
		long, err := burn(r.Long.Std())
		if err != nil {
			return nil, err
		}
		short, err := burn(r.Short.Std())
		if err != nil {
			return nil, err
		}
		out[i] = BurnAlert{Rule: r, LongBurn: long, ShortBurn: short,
			Firing: long.CmpDecimal(r.Factor.Decimal()) > 0 && short.CmpDecimal(r.Factor.Decimal()) > 0}
	}
	return out, nil
}
