package billing

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
)

// PriceAdjustment is a price adjusted by the net price index (terms 12.2):
// New = Old x NewIndex / OldIndex, rounded half away from zero to the
// currency's minor unit. It is stored whole: the prices with their
// currency, the indices and the decision.
type PriceAdjustment struct {
	Old      contract.Money   `json:"old"`
	New      contract.Money   `json:"new"`
	OldIndex contract.Decimal `json:"old_index"`
	NewIndex contract.Decimal `json:"new_index"`
	// Decision says whether the new price may apply from the effective
	// date, counted by [contract.Terms.PriceAdjustment]: it needs the
	// terms' notice (4 months), and when refused its Date is the earliest
	// effective date allowed.
	Decision contract.Decision `json:"decision"`
	// CustomerMayTerminate reports that the adjustment gives the customer
	// a right to terminate regardless of any binding period (terms 12.2);
	// it is set whenever the adjustment is allowed, and
	// [contract.Terms.PriceTermination] decides when such a termination
	// takes effect.
	CustomerMayTerminate bool `json:"customer_may_terminate"`
}

// AdjustPrice adjusts old by the net price index from oldIndex to newIndex
// under terms t, notified on notified to apply from effective: 24.95 DKK
// at index 100.0 becomes 26.20 DKK at index 105.0 (26.1975 rounded),
// allowed from 2026-10-24 when notified on 2026-06-24 and refused, with
// Date 2026-10-24, for 2026-10-23. New is computed either way. A missing
// or negative price ("old") or a non-positive index ("old_index",
// "new_index", rule gt), an index or a new price beyond what pimkit reads
// back (10^18, 100 characters; rule range) is a
// [*contract.ValidationError].
func AdjustPrice(t contract.Terms, old contract.Money, oldIndex, newIndex decimal.Decimal,
	notified, effective contract.Date) (PriceAdjustment, error) {
	var ps contract.Problems
	checkAmount(&ps, "old", old, contract.Currency{}, nonNegative)
	for _, x := range []struct {
		path string
		d    decimal.Decimal
	}{{"old_index", oldIndex}, {"new_index", newIndex}} {
		switch {
		case !x.d.IsPositive():
			ps.Add(x.path, "gt", "0")
		case !readable(x.d, 0):
			ps.Add(x.path, "range", "")
		}
	}
	if err := invalid(&ps, "adjust price"); err != nil {
		return PriceAdjustment{}, err
	}
	cur := old.Currency()
	a := PriceAdjustment{Old: old, OldIndex: contract.Dec(oldIndex), NewIndex: contract.Dec(newIndex),
		New: contract.NewMoney(old.Amount().Mul(newIndex).DivRound(oldIndex, money.Scale(cur)), cur)}
	if !readableMoney(a.New) {
		return PriceAdjustment{}, problem("adjust price", "new_index", "range", "")
	}
	a.Decision = t.PriceAdjustment(notified, effective)
	a.CustomerMayTerminate = a.Decision.Allowed
	return a, nil
}
