package billing

import (
	"fmt"
	"slices"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// BaseValues is the number of values the base system itself needs (1,200),
// counted on top of the customer's data.
const BaseValues = 1200

// ValuesPart is one data type's share of values usage: records x fields.
// Package catalog counts these from the host's data; billing takes them
// as plain numbers so it does not depend on catalog.
type ValuesPart struct {
	Records int64 `json:"records"`
	Fields  int64 `json:"fields"`
}

// Values returns the values used: base plus records x fields of each part.
// 5,000 products x 48 fields and 1,000 orders x 30 fields with the 1,200
// base are 271,200 values. Negative counts count as zero, and the sum
// saturates at the largest int64 instead of overflowing.
func Values(base int64, parts ...ValuesPart) int64 {
	total := max(base, 0)
	for _, p := range parts {
		r, f := max(p.Records, 0), max(p.Fields, 0)
		if f != 0 && r > (1<<62)/f {
			return 1<<63 - 1
		}
		total += r * f
		if total < 0 || total > 1<<62 {
			return 1<<63 - 1
		}
	}
	return total
}

// DefaultThresholds returns the capacity warning thresholds 80, 90 and 100
// percent.
func DefaultThresholds() []int { return []int{80, 90, 100} }

// CapacityWarning is a threshold of a plan's capacity that usage crossed,
// for the capacity warnings of terms 7.2.
type CapacityWarning struct {
	// Percent is the threshold crossed: 80, 90, 100.
	Percent  int               `json:"percent"`
	Used     int64             `json:"used"`
	Capacity int64             `json:"capacity"`
	Decision contract.Decision `json:"-"`
}

// CapacityWarnings returns the thresholds (percent of capacity) that usage
// crossed going from prev to used, lowest first, compared exactly in
// integers: with capacity 250,000 and thresholds 80/90/100, going from
// 190,000 to 226,000 values crosses 80 % (200,000) and 90 % (225,000).
// A capacity of 0 means unlimited and never warns; a threshold outside
// 1..1000 is ignored.
func CapacityWarnings(prev, used, capacity int64, thresholds []int) []CapacityWarning {
	if capacity <= 0 {
		return nil
	}
	ts := slices.Clone(thresholds)
	slices.Sort(ts)
	ts = slices.Compact(ts)
	var out []CapacityWarning
	for _, pct := range ts {
		if pct < 1 || pct > 1000 {
			continue
		}
		at := reached(used, capacity, pct)
		if at && !reached(prev, capacity, pct) {
			out = append(out, CapacityWarning{Percent: pct, Used: used, Capacity: capacity,
				Decision: contract.Decision{Rule: "terms 7.2", Allowed: true,
					Citations: []contract.Citation{contract.Clause("7.2")},
					Reason:    reason(rsUsageWarn, fmt.Sprint(pct))}})
		}
	}
	return out
}

// reached reports used >= capacity x pct / 100 without overflow.
func reached(used, capacity int64, pct int) bool {
	u := decimal.NewFromInt(used).Mul(decimal.NewFromInt(100))
	return u.GreaterThanOrEqual(decimal.NewFromInt(capacity).Mul(decimal.NewFromInt(int64(pct))))
}
