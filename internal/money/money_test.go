package money

import (
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestRound(t *testing.T) {
	bhd := currency.MustParseISO("BHD")
	tests := []struct {
		name string
		in   string
		u    currency.Unit
		mode Mode
		cash bool
		want string
	}{
		{"DKK half away from zero", "0.125", currency.DKK, HalfAwayFromZero, false, "0.13"},
		{"DKK half even", "0.125", currency.DKK, HalfEven, false, "0.12"},
		{"DKK negative half away", "-0.125", currency.DKK, HalfAwayFromZero, false, "-0.13"},
		{"BHD three decimals", "1.2345", bhd, HalfAwayFromZero, false, "1.235"},
		{"JPY no decimals", "1234.5", currency.JPY, HalfAwayFromZero, false, "1235"},
		{"DKK cash up to 0.50", "10.26", currency.DKK, HalfAwayFromZero, true, "10.50"},
		{"DKK cash down to 0.00", "10.24", currency.DKK, HalfAwayFromZero, true, "10.00"},
		{"DKK cash exactly half", "10.25", currency.DKK, HalfAwayFromZero, true, "10.50"},
		{"DKK cash half even", "10.25", currency.DKK, HalfEven, true, "10.00"},
		{"CHF cash 0.05", "1.02", currency.CHF, HalfAwayFromZero, true, "1.00"},
		{"CHF cash 0.05 up", "1.03", currency.CHF, HalfAwayFromZero, true, "1.05"},
		{"SEK cash whole kronor", "10.50", currency.SEK, HalfAwayFromZero, true, "11"},
		{"SEK cash negative", "-10.50", currency.SEK, HalfAwayFromZero, true, "-11"},
		{"EUR cash is minor unit", "10.255", currency.EUR, HalfAwayFromZero, true, "10.26"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got decimal.Decimal
			if tt.cash {
				got = RoundCashMode(d(tt.in), tt.u, tt.mode)
			} else {
				got = RoundMode(d(tt.in), tt.u, tt.mode)
			}
			if !got.Equal(d(tt.want)) {
				t.Errorf("round(%s %s) = %s, want %s", tt.in, tt.u, got, tt.want)
			}
		})
	}
}

func TestVAT(t *testing.T) {
	// Danish VAT 25 % (momsloven § 33); the reconciliation example.
	vat, gross := AddVAT(d("1234.56"), d("0.25"), currency.DKK)
	if vat.String() != "308.64" || gross.String() != "1543.2" {
		t.Errorf("AddVAT(1234.56, 25%%) = %s, %s, want 308.64, 1543.20", vat, gross)
	}
	for _, g := range []string{"125.00", "99.99", "0.01", "1543.20", "-125.00"} {
		net, vat := SplitVAT(d(g), d("0.25"), currency.DKK)
		if !net.Add(vat).Equal(d(g)) {
			t.Errorf("SplitVAT(%s): %s + %s != gross", g, net, vat)
		}
	}
	net, vat := SplitVAT(d("99.99"), d("0.25"), currency.DKK)
	if net.String() != "79.99" || vat.String() != "20" {
		t.Errorf("SplitVAT(99.99) = %s, %s, want 79.99, 20.00", net, vat)
	}
}

func TestFormatParse(t *testing.T) {
	if got := Format(d("1234.5"), currency.DKK); got != "1234.50" {
		t.Errorf("Format(1234.5 DKK) = %q, want 1234.50", got)
	}
	if got := Format(d("5"), currency.JPY); got != "5" {
		t.Errorf("Format(5 JPY) = %q, want 5", got)
	}
	for _, bad := range []string{"", "-", "1e3", "1,5", " 1", "1.", ".5", "1.2.3", "+1", "kr 5"} {
		if _, err := Parse(bad); err != ErrSyntax {
			t.Errorf("Parse(%q) error = %v, want ErrSyntax", bad, err)
		}
	}
	got, err := Parse("-1234.50")
	if err != nil || Format(got, currency.DKK) != "-1234.50" {
		t.Errorf("Parse(-1234.50) = %s, %v", got, err)
	}
}

func FuzzParseFormat(f *testing.F) {
	for _, s := range []string{"0", "1234.50", "-0.125", "99999999999999.99", "1e5", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err != nil {
			return
		}
		out := Format(v, currency.DKK)
		back, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse(Format(%q)) = %v", s, err)
		}
		if !back.Equal(Round(v, currency.DKK)) {
			t.Fatalf("round trip %q -> %q -> %s", s, out, back)
		}
	})
}
