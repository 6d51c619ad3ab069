package sla

import (
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// AllowedDowntime returns the downtime target percent allows in agreed
// time, rounded down to the nanosecond: 99.9 % of a 30-day month is 43 min
// 12 s, of a 31-day month 44 min 38.4 s. A target outside (0, 100] is an
// error wrapping ErrInvalidTarget; a negative agreed time is an error
// wrapping ErrInvalidSpan.
func AllowedDowntime(target decimal.Decimal, agreed time.Duration) (time.Duration, error) {
	var c checks
	checkTarget(&c, "target", target)
	if agreed < 0 {
		c.add("agreed", "gte", "PT0S", ErrInvalidSpan)
	}
	if err := c.err("allowed downtime"); err != nil {
		return 0, err
	}
	return allowed(target, contract.Duration(agreed)).Std(), nil
}

func allowed(target decimal.Decimal, agreed contract.Duration) contract.Duration {
	q, _ := decimal.NewFromInt(int64(agreed)).Mul(hundred.Sub(target)).QuoRem(hundred, 0)
	return contract.Duration(q.IntPart())
}

// Budget is the error budget of one span: the downtime the target allows,
// the downtime used and what is left.
type Budget struct {
	// Allowed is the downtime the target allows in the counted time,
	// rounded down to the nanosecond.
	Allowed contract.Duration `json:"allowed"`
	// Used is the weighted downtime, rounded up to the nanosecond.
	Used contract.Duration `json:"used"`
	// Remaining is Allowed - Used; negative when the budget is overspent
	// ("-PT48S").
	Remaining contract.Duration `json:"remaining"`
	// Consumed is the weighted downtime over the exact allowance: 1 means
	// the budget is exactly spent, above 1 overspent. A 100 % target has
	// no budget and leaves Consumed zero; check Exhausted instead.
	Consumed Ratio `json:"consumed"`
	// Exhausted reports that the downtime exceeds what the target allows,
	// compared exactly: the same answer as !Availability.Meets.
	Exhausted bool `json:"exhausted"`
}

// Budget returns a's error budget against target percent: with 99.9 % in
// a 30-day month and 43 minutes down, 12 s remain; with 44 minutes, -48 s.
// A target outside (0, 100] is an error wrapping ErrInvalidTarget.
func (a Availability) Budget(target decimal.Decimal) (Budget, error) {
	var c checks
	checkTarget(&c, "target", target)
	if err := c.err("budget"); err != nil {
		return Budget{}, err
	}
	b := Budget{Allowed: allowed(target, a.Counted), Used: a.Downtime}
	b.Remaining = b.Allowed - b.Used
	b.Exhausted = !a.Meets(target)
	// Consumed = down / (counted * (100 - target) / 100), in millionths.
	budget := decimal.NewFromInt(int64(a.Counted)).Shift(6).Mul(hundred.Sub(target))
	if !budget.IsZero() {
		b.Consumed = newRatio(a.down.decimal().Mul(hundred), budget)
	}
	return b, nil
}

// BurnRate returns how fast a spends the error budget of target percent:
// the share of counted time that was down divided by the share the target
// allows. 1 spends the budget exactly over the span; 14.4 over one hour
// spends 2 % of a 30-day budget. A 100 % target has no budget and is an
// error wrapping ErrInvalidTarget; no counted time burns 0.
func (a Availability) BurnRate(target decimal.Decimal) (Ratio, error) {
	var c checks
	checkTarget(&c, "target", target)
	if c.ok() && target.Cmp(hundred) == 0 {
		c.add("target", "dlt", "100", ErrInvalidTarget)
	}
	if err := c.err("burn rate"); err != nil {
		return Ratio{}, err
	}
	if a.Counted <= 0 {
		return Ratio{}, nil
	}
	// (down / counted) / ((100 - target) / 100)
	den := decimal.NewFromInt(int64(a.Counted)).Shift(6).Mul(hundred.Sub(target))
	return newRatio(a.down.decimal().Mul(hundred), den), nil
}
