package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// danishVAT reads Denmark's standard rate (momsloven § 33) from the table
// the whole library shares.
func danishVAT(t *testing.T) decimal.Decimal {
	t.Helper()
	r, err := contract.EUVATRates().Rate("DK", contract.MustDate(2026, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// totalsText renders every amount of t with its scale: "0.99 DKK".
func totalsText(t OrderTotals) []string {
	var out []string
	for _, l := range t.Lines {
		out = append(out, l.Net.String(), l.VAT.String(), l.Gross.String())
	}
	for _, r := range t.Rates {
		out = append(out, r.Rate.String(), r.Net.String(), r.VAT.String(), r.Gross.String())
	}
	return append(out, t.Net.String(), t.VAT.String(), t.Gross.String())
}

func TestOrderTotals(t *testing.T) {
	vat := contract.Dec(danishVAT(t))
	dkk := func(s string) contract.Money { return contract.NewMoney(dec(s), currency.DKK) }
	jpy := func(s string) contract.Money { return contract.NewMoney(dec(s), currency.JPY) }
	tests := []struct {
		name  string
		order Order
		want  OrderTotals
	}{
		{"round per line then sum (excl. VAT)",
			Order{Number: "1001", Currency: contract.CurrencyOf(currency.DKK), Basis: ExclVAT, Lines: []OrderLine{
				{"A", cd("1"), dkk("0.333"), vat}, {"B", cd("1"), dkk("0.333"), vat}, {"C", cd("1"), dkk("0.333"), vat},
			}},
			OrderTotals{
				Lines: []LineTotal{{dkk("0.33"), dkk("0.08"), dkk("0.41")}, {dkk("0.33"), dkk("0.08"), dkk("0.41")}, {dkk("0.33"), dkk("0.08"), dkk("0.41")}},
				Rates: []RateTotal{{vat, dkk("0.99"), dkk("0.24"), dkk("1.23")}},
				Net:   dkk("0.99"), VAT: dkk("0.24"), Gross: dkk("1.23"),
			}},
		{"prices incl. VAT split per line at Danish 25 %",
			Order{Number: "1002", Currency: contract.CurrencyOf(currency.DKK), Basis: InclVAT, Lines: []OrderLine{
				{"A", cd("2"), dkk("62.50"), vat}, {"B", cd("1"), dkk("99.99"), vat}, {"BOOK", cd("1"), dkk("100"), cd("0")},
			}},
			OrderTotals{
				Lines: []LineTotal{{dkk("100.00"), dkk("25.00"), dkk("125.00")}, {dkk("79.99"), dkk("20.00"), dkk("99.99")}, {dkk("100.00"), dkk("0.00"), dkk("100.00")}},
				Rates: []RateTotal{{vat, dkk("179.99"), dkk("45.00"), dkk("224.99")}, {cd("0"), dkk("100.00"), dkk("0.00"), dkk("100.00")}},
				Net:   dkk("279.99"), VAT: dkk("45.00"), Gross: dkk("324.99"),
			}},
		{"orders: fractional quantity rounded half away from zero",
			Order{Number: "1003", Currency: contract.CurrencyOf(currency.DKK), Lines: []OrderLine{{"CHEESE", cd("1.5"), dkk("12.35"), vat}}},
			OrderTotals{
				Lines: []LineTotal{{dkk("18.53"), dkk("4.63"), dkk("23.16")}},
				Rates: []RateTotal{{vat, dkk("18.53"), dkk("4.63"), dkk("23.16")}},
				Net:   dkk("18.53"), VAT: dkk("4.63"), Gross: dkk("23.16"),
			}},
		{"orders: JPY has no minor unit",
			Order{Number: "1004", Currency: contract.CurrencyOf(currency.JPY), Lines: []OrderLine{{"A", cd("3"), jpy("333.5"), cd("0.10")}}},
			OrderTotals{
				Lines: []LineTotal{{jpy("1001"), jpy("100"), jpy("1101")}},
				Rates: []RateTotal{{cd("0.10"), jpy("1001"), jpy("100"), jpy("1101")}},
				Net:   jpy("1001"), VAT: jpy("100"), Gross: jpy("1101"),
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.order.Totals()
			if err != nil {
				t.Fatalf("Totals() error = %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Totals() (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(totalsText(tt.want), totalsText(got)); diff != "" {
				t.Errorf("Totals() scales (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOrderValidate(t *testing.T) {
	eur := contract.MustParseMoney("10", currency.EUR)
	dkk := contract.MustParseMoney("1", currency.DKK)
	o := Order{Number: "", Lines: []OrderLine{{"", cd("0"), eur, cd("1.25")}, {"OK;", cd("1"), dkk, cd("-0.1")}}}
	want := []prob{
		{"number", "required", ""},
		{"lines[0].sku", "required", ""},
		{"lines[0].quantity", "dgt", "0"},
		{"lines[0].vat_rate", "dlt", "1"},
		{"lines[1].vat_rate", "dgte", "0"},
		{"currency", RuleRequired, ""},
		{"lines[1].sku", RuleIdentifier, "character"},
	}
	_, err := o.Totals()
	if diff := cmp.Diff(want, problemsOf(t, err)); diff != "" {
		t.Errorf("Totals(invalid) (-want +got):\n%s", diff)
	}
	// A unit price in another currency than the order's (cross-field).
	o = Order{Number: "1001", Currency: contract.CurrencyOf(currency.DKK), Lines: []OrderLine{{"A", cd("1"), eur, cd("0.25")}}}
	want = []prob{{"lines[0].unit_price", RuleCurrency, "DKK"}}
	if diff := cmp.Diff(want, problemsOf(t, o.Validate())); diff != "" {
		t.Errorf("Validate(EUR line in a DKK order) (-want +got):\n%s", diff)
	}
}

func TestConvertPrice(t *testing.T) {
	tests := []struct {
		name     string
		amount   string
		from, to PriceBasis
		want     string
	}{
		{"excl. to incl. at Danish 25 %", "100", ExclVAT, InclVAT, "125.00"},
		{"incl. to excl. at Danish 25 %", "125.00", InclVAT, ExclVAT, "100.00"},
		{"orders: incl. to excl. rounds the net, 99.99 -> 79.99", "99.99", InclVAT, ExclVAT, "79.99"},
		{"orders: excl. to incl. rounds the VAT once: 0.333 -> 0.41", "0.333", ExclVAT, InclVAT, "0.41"},
		{"orders: same basis only rounds", "10.005", ExclVAT, ExclVAT, "10.01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ConvertPrice(contract.NewMoney(dec(tt.amount), currency.DKK), danishVAT(t), tt.from, tt.to)
			if err != nil || got.Text() != tt.want || got.Currency() != currency.DKK {
				t.Errorf("ConvertPrice(%s, %v->%v) = %v, want %s", tt.amount, tt.from, tt.to, got, tt.want)
			}
		})
	}
}

// TestConvertPriceRefusesRates checks that a VAT rate outside [0, 1) is
// refused (momsloven § 33: a rate is a share of the price, below 100 %):
// -1 divided by zero and -0.5 doubled the price.
func TestConvertPriceRefusesRates(t *testing.T) {
	price := contract.MustParseMoney("100", currency.DKK)
	for _, tt := range []struct {
		rate string
		want prob
	}{
		{"-1", prob{"rate", "dgte", "0"}},
		{"-0.5", prob{"rate", "dgte", "0"}},
		{"1", prob{"rate", "dlt", "1"}},
		{"2.5", prob{"rate", "dlt", "1"}},
		{"1e-9999", prob{"rate", RuleDecimals, "100"}},
	} {
		for _, from := range []PriceBasis{ExclVAT, InclVAT} {
			got, err := ConvertPrice(price, dec(tt.rate), from, 1-from)
			if diff := cmp.Diff([]prob{tt.want}, problemsOf(t, err)); diff != "" {
				t.Errorf("ConvertPrice(100, %s, %v) problems (-want +got):\n%s", tt.rate, from, diff)
			}
			if !got.IsZero() {
				t.Errorf("ConvertPrice(100, %s, %v) = %v, want the zero Price", tt.rate, from, got)
			}
		}
	}
	if got, err := ConvertPrice(price, dec("0"), InclVAT, ExclVAT); err != nil || got.Text() != "100.00" {
		t.Errorf("ConvertPrice(100, 0) = %v, %v; want 100.00 (rate 0 is allowed: zero-rated goods)", got, err)
	}
}
