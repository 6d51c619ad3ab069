package billing

import (
	"encoding/json"
	"errors"
	"github.com/pimkit/pimkit/internal/allocbound"
	"strings"
	"testing"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Every decimal billing reads from JSON goes through the bounded parser:
// a megabyte of digits is refused with a bounded cost (it cost 2.4 GB and
// seconds through shopspring's parser), and so is a 101-character number
// or one beyond 10^18.
func TestDecimalFieldsBounded(t *testing.T) {
	long := strings.Repeat("9", 1<<20)
	for name, doc := range map[string]struct {
		v    any
		json string
	}{
		"line.quantity":                 {new(Line), `{"quantity":` + long + `}`},
		"line.vat_rate":                 {new(Line), `{"vat_rate":"0.` + long + `"}`},
		"interest_rules.monthly_rate":   {new(InterestRules), `{"monthly_rate":` + long + `}`},
		"statutory_rate.reference":      {new(StatutoryRate), `{"reference":"` + long + `"}`},
		"statutory_rate.surcharge":      {new(StatutoryRate), `{"surcharge":` + long + `}`},
		"price_adjustment.old_index":    {new(PriceAdjustment), `{"old_index":` + long + `}`},
		"price_adjustment.new_index":    {new(PriceAdjustment), `{"new_index":"` + long + `"}`},
		"vat_summary.rate":              {new(VATSummary), `{"rate":` + long + `}`},
		"interest_line.rate":            {new(InterestLine), `{"rate":` + long + `}`},
		"rate_table rates[0].reference": {new(RateTable), `{"rates":[{"from":"2024-01-01","reference":` + long + `,"surcharge":"0.08"}]}`},
		"line.quantity 101 chars":       {new(Line), `{"quantity":"` + strings.Repeat("1", 101) + `"}`},
		"line.quantity 10^19":           {new(Line), `{"quantity":"10000000000000000000"}`},
	} {
		in := []byte(doc.json)
		n := allocbound.Allocated(func() {
			if err := json.Unmarshal(in, doc.v); err == nil {
				t.Errorf("%s: a decimal beyond the bounded parser's limits was read", name)
			}
		})
		if limit := 16*uint64(len(in)) + 64<<10; n > limit {
			t.Errorf("%s: %d bytes allocated for %d bytes of input, want at most %d", name, n, len(in), limit)
		}
	}
}

// Limits are checked where values enter, so what billing accepts can be
// stored and read back: a price index or a price to prorate beyond 10^18
// (62 digits, as the fuzzer found) or with 200 decimals is refused, before
// any arithmetic on it.
func TestLimitsWhereValuesEnter(t *testing.T) {
	big, tiny := decimal.New(1, 61), decimal.New(1, -200)
	terms := contract.OpenDIMSTerms()
	for _, idx := range []decimal.Decimal{big, tiny, decimal.New(1, 1_000_000), decimal.New(1, -1_000_000)} {
		if _, err := AdjustPrice(terms, dkk("24.95"), idx, dec("105"), day("2026-06-24"), day("2026-10-24")); !errors.Is(err, ErrInvalid) {
			t.Errorf("AdjustPrice(old index 1e%d) = %v, want ErrInvalid", idx.Exponent(), err)
		}
		if _, err := AdjustPrice(terms, dkk("24.95"), dec("100"), idx, day("2026-06-24"), day("2026-10-24")); !errors.Is(err, ErrInvalid) {
			t.Errorf("AdjustPrice(new index 1e%d) = %v, want ErrInvalid", idx.Exponent(), err)
		}
		if m, ok := Prorate(contract.NewMoney(idx, currency.DKK), 9, 31); ok {
			t.Errorf("Prorate(1e%d DKK) = %v, true; want false", idx.Exponent(), m)
		}
	}
	// The largest index that reads back is accepted; the new price 10^18
	// times bigger is not.
	if _, err := AdjustPrice(terms, dkk("24.95"), dec("1"), dec("1000000000000000000"), day("2026-06-24"), day("2026-10-24")); !errors.Is(err, ErrInvalid) {
		t.Errorf("AdjustPrice to 24.95e18 DKK = %v, want ErrInvalid", err)
	}
	a, err := AdjustPrice(terms, dkk("24.95"), dec("100.0"), dec("105.0"), day("2026-06-24"), day("2026-10-24"))
	if err != nil || !a.New.Equal(dkk("26.20")) {
		t.Errorf("AdjustPrice(24.95, 100 -> 105) = %v, %v; want 26.20 DKK", a.New, err)
	}
	b, _ := json.Marshal(a)
	var back PriceAdjustment
	if err := json.Unmarshal(b, &back); err != nil {
		t.Errorf("an accepted adjustment does not read back: %v", err)
	}
}
