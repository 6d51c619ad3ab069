package contract

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// TestWrittenReadsBack: whatever Money, Decimal and Percent write, they
// read. Before the limits were checked on the way out, 10^30 DKK
// marshalled to JSON that UnmarshalJSON refused.
func TestWrittenReadsBack(t *testing.T) {
	amounts := []string{"0", "1234.5", "-0.125", "1000000000000000000", "-1000000000000000000",
		"999999999999999999.999", "1e30", "1000000000000000000.01", "1" + strings.Repeat("0", 61),
		"0." + strings.Repeat("1", 97), "0." + strings.Repeat("1", 98), "-0." + strings.Repeat("1", 97)}
	for _, s := range amounts {
		d := decimal.RequireFromString(s)
		for _, cur := range []currency.Unit{currency.DKK, currency.JPY, currency.MustParseISO("BHD")} {
			m := NewMoney(d, cur)
			b, err := json.Marshal(m)
			if err != nil {
				if !errors.Is(err, ErrInvalidMoney) || m.CheckLimits() == nil {
					t.Errorf("Marshal(%s) = %v; CheckLimits = %v", m, err, m.CheckLimits())
				}
				continue
			}
			if m.CheckLimits() != nil {
				t.Errorf("%s marshals but CheckLimits = %v", m, m.CheckLimits())
			}
			var back Money
			if err := json.Unmarshal(b, &back); err != nil || !back.Equal(m) {
				t.Errorf("Money %s wrote %s, read back %v, %v", m, b, back, err)
			}
			if _, err := ParseMoney(m.Text(), cur); err != nil && -d.Exponent() <= money.Scale(cur) {
				t.Errorf("ParseMoney(%s.Text()) = %v", m, err)
			}
		}
		for _, v := range []any{Dec(d), PercentOf(d)} {
			b, err := json.Marshal(v)
			if err != nil {
				if !errors.Is(err, ErrInvalidInput) || Dec(d).CheckLimits() == nil {
					t.Errorf("Marshal(%T %s) = %v", v, s, err)
				}
				continue
			}
			var back Decimal
			if err := json.Unmarshal(b, &back); err != nil || !back.Decimal().Equal(d) {
				t.Errorf("%T %s wrote %s, read back %v, %v", v, s, b, back, err)
			}
		}
	}
	// Sums of amounts in range can leave it: CheckLimits is the one call
	// that tells, before the amount is stored.
	max := NewMoney(decimal.New(1, 18), currency.DKK)
	sum, _ := max.Add(max)
	if max.CheckLimits() != nil || sum.CheckLimits() == nil {
		t.Errorf("CheckLimits(10^18) = %v, CheckLimits(2x10^18) = %v", max.CheckLimits(), sum.CheckLimits())
	}
}
