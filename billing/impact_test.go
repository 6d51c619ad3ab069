package billing

import (
	"testing"

	"github.com/pimkit/pimkit/contract"
)

// TestInterestImpact replays the interest on stored consumer debts under
// two statutory rate tables: correcting the reference rate of the second
// half of 2025 (renteloven § 5: reference rate plus 8 points) changes the
// interest of the debt late in that half-year and of no other.
func TestInterestImpact(t *testing.T) {
	rules := InterestRules{} // statutory interest, DanishStatutoryRates
	h2 := day("2025-07-01")
	cur, ok := DanishStatutoryRates().At(h2)
	if !ok {
		t.Fatal("no rate for 2025-07-01")
	}
	higher := cur
	higher.Reference = contract.Dec(cur.Reference.Decimal().Add(contract.MustDec("0.01").Decimal()))
	table, err := DanishStatutoryRates().With(higher)
	if err != nil {
		t.Fatal(err)
	}
	changed := InterestRules{Rates: table}
	debts := []Debt{
		{Amount: dkk("10000.00"), Due: day("2025-08-01"), Customer: Consumer},
		{Amount: dkk("10000.00"), Due: day("2025-02-01"), Customer: Consumer,
			Payments: []Payment{{Date: day("2025-03-01"), Amount: dkk("10000.00")}}},
	}
	diffs, err := InterestImpact(rules, changed, []string{"INV-2", "INV-1"}, debts, day("2025-10-31"))
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) != 1 || diffs[0].Subject != "INV-2" || diffs[0].Changed[0] != "amount" {
		t.Fatalf("renteloven § 5 a higher reference rate for 2025-H2: %+v", diffs)
	}
	if c, err := diffs[0].New.Amount.Cmp(diffs[0].Old.Amount); err != nil || c <= 0 {
		t.Errorf("renteloven § 5 a higher reference rate for 2025-H2: %+v", diffs)
	}
	if _, err := InterestImpact(rules, changed, nil, debts, day("2025-10-31")); err == nil {
		t.Error("renteloven § 5 mismatched subjects: no error")
	}
}
