package money

import (
	"strings"
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
	for _, s := range []string{"0", "1234.50", "-0.125", "99999999999999.99", "1e5", "abc",
		"1" + strings.Repeat("0", 61), // the crasher of 62-64 digit amounts
		"1" + strings.Repeat("0", 97), // 98 digits: Format added ".00", 101 bytes
		"999999999999999999.995", "-1000000000000000000", "0." + strings.Repeat("9", 98)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err != nil {
			return
		}
		if !InLimits(v, 0) {
			t.Fatalf("Parse(%q) accepted a value InLimits refuses", s)
		}
		for _, u := range []currency.Unit{currency.DKK, currency.JPY, currency.MustParseISO("BHD")} {
			out := Format(v, u)
			back, err := Parse(out)
			if err != nil {
				t.Fatalf("Parse(Format(%q, %v)) = %v", s, u, err)
			}
			if !back.Equal(Round(v, u)) {
				t.Fatalf("round trip %q -> %q -> %s", s, out, back)
			}
		}
	})
}

// TestParseFormatLimits: every amount Parse accepts formats to text Parse
// reads; before the limits agreed, 98 digits parsed and formatted to 101
// bytes that Parse refused.
func TestParseFormatLimits(t *testing.T) {
	for _, s := range []string{
		"1" + strings.Repeat("0", 61), "1" + strings.Repeat("0", 63), "1" + strings.Repeat("0", 97),
		"1000000000000000000", "-1000000000000000000", "999999999999999999.999",
	} {
		v, err := Parse(s)
		if err != nil {
			continue // refused where it enters: fine
		}
		for _, u := range []currency.Unit{currency.DKK, currency.JPY, currency.MustParseISO("BHD")} {
			if _, err := Parse(Format(v, u)); err != nil {
				t.Errorf("Parse(%q) accepted, Parse(Format(.., %v)) = %v", s, u, err)
			}
		}
	}
	if _, err := Parse("1" + strings.Repeat("0", 18)); err != nil {
		t.Errorf("10^18 refused: %v", err)
	}
	if _, err := Parse("1" + strings.Repeat("0", 18) + ".01"); err == nil {
		t.Errorf("10^18 + 0.01 accepted")
	}
}

func TestInLimits(t *testing.T) {
	for _, c := range []struct {
		d      string
		places int32
	}{
		{"0", 2}, {"1234.5", 2}, {"-0.125", 2}, {"1000000000000000000", 3}, {"-1000000000000000000", 4},
		{"1000000000000000001", 0}, {"1e30", 0}, {"1e-97", 0}, {"1e-98", 0}, {"-1e-97", 0}, {"-1e-98", 0},
		{"123456789012345678.5", 2}, {"5e17", 2}, {"0.5", 200}, {"12345678901234567890123e-10", 2},
	} {
		d := decimal.RequireFromString(c.d)
		places := max(c.places, -d.Exponent())
		text := d.StringFixed(places)
		_, err := ParseDecimal(text)
		if got, want := InLimits(d, c.places), err == nil; got != want {
			t.Errorf("InLimits(%s, %d) = %v, ParseDecimal(%q) err = %v", c.d, c.places, got, text, err)
		}
	}
}

// TestSplitVATNoDivisionByZero: a rate of -1 divided by zero (a panic).
func TestSplitVATNoDivisionByZero(t *testing.T) {
	for _, r := range []string{"-1", "-1.5", "-100"} {
		net, vat := SplitVAT(d("125.00"), d(r), currency.DKK)
		if !net.Equal(d("125")) || !vat.IsZero() {
			t.Errorf("SplitVAT(125, %s) = %s, %s, want 125.00, 0.00", r, net, vat)
		}
	}
}
