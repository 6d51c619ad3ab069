package billing

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// PriceAdjustment is a price adjusted by the net price index (terms 12.2):
// New = Old x NewIndex / OldIndex, rounded half away from zero to the
// currency's minor unit.
type PriceAdjustment struct {
	Old      decimal.Decimal `json:"old"`
	New      decimal.Decimal `json:"new"`
	Currency currency.Unit   `json:"-"`
	OldIndex decimal.Decimal `json:"old_index"`
	NewIndex decimal.Decimal `json:"new_index"`
	// Decision says whether the new price may apply from the effective
	// date, counted by [contract.Terms.PriceAdjustment]: it needs the
	// terms' notice (4 months), and when refused its Date is the earliest
	// effective date allowed.
	Decision contract.Decision `json:"-"`
	// CustomerMayTerminate reports that the adjustment gives the customer
	// a right to terminate regardless of any binding period (terms 12.2);
	// it is set whenever the adjustment is allowed, and
	// [contract.Terms.PriceTermination] decides when such a termination
	// takes effect.
	CustomerMayTerminate bool `json:"customer_may_terminate"`
}

// AdjustPrice adjusts old by the net price index from oldIndex to newIndex
// under terms t, notified on notified to apply from effective: 24.95 at
// index 100.0 becomes 26.20 at index 105.0 (26.1975 rounded), allowed
// from 2026-10-24 when notified on 2026-06-24 and refused, with Date
// 2026-10-24, for 2026-10-23. New is computed either way. Non-positive
// indices or a negative price are a [*ValidationError].
func AdjustPrice(t contract.Terms, old decimal.Decimal, cur currency.Unit, oldIndex, newIndex decimal.Decimal,
	notified, effective contract.Date) (PriceAdjustment, error) {
	ps := problems{what: "price adjustment"}
	if old.IsNegative() {
		ps.add("old", "gte", "must not be negative")
	}
	if !oldIndex.IsPositive() {
		ps.add("old_index", "gt", "must be positive")
	}
	if !newIndex.IsPositive() {
		ps.add("new_index", "gt", "must be positive")
	}
	if cur == (currency.Unit{}) {
		ps.add("currency", "required", "")
	}
	if err := ps.err(); err != nil {
		return PriceAdjustment{}, err
	}
	a := PriceAdjustment{Old: old, Currency: cur, OldIndex: oldIndex, NewIndex: newIndex,
		New: old.Mul(newIndex).DivRound(oldIndex, money.Scale(cur))}
	a.Decision = t.PriceAdjustment(notified, effective)
	a.CustomerMayTerminate = a.Decision.Allowed
	return a, nil
}
