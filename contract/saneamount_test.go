package contract

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestSaneAmountBound checks the bound every amount settled under terms
// 15.1 must keep: within ±10^18 with at most 18 decimals, the same answer
// at every exponent as comparing the absolute value with 10^18.
func TestSaneAmountBound(t *testing.T) {
	limit := decimal.New(1, 18)
	for _, s := range []string{
		"0", "1", "-1", "100.00", "1000000000000000000", "-1000000000000000000",
		"1000000000000000000.000000000000000001", "-1000000000000000000.000000000000000001",
		"999999999999999999.999999999999999999", "1e18", "1e19", "-1e19", "1e-18", "1e-19",
		"1000000000000000001", "0.000000000000000000", "123456789012345678.9",
	} {
		d := decimal.RequireFromString(s)
		e := d.Exponent()
		want := e >= -18 && e <= 18 && d.Abs().LessThanOrEqual(limit)
		if got := saneAmount(d); got != want {
			t.Errorf("saneAmount(%s) = %v, want %v", s, got, want)
		}
	}
}
