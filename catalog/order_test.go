package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

var decEqual = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) && a.Exponent() == b.Exponent() })

func TestOrderTotals(t *testing.T) {
	vat := DanishVAT()
	tests := []struct {
		name  string
		order Order
		want  OrderTotals
	}{
		{"issue 4 round per line then sum (excl. VAT)",
			Order{Number: "1001", Currency: currency.DKK, Basis: ExclVAT, Lines: []OrderLine{
				{"A", dec("1"), dec("0.333"), vat}, {"B", dec("1"), dec("0.333"), vat}, {"C", dec("1"), dec("0.333"), vat},
			}},
			OrderTotals{
				Lines: []LineTotal{{dec("0.33"), dec("0.08"), dec("0.41")}, {dec("0.33"), dec("0.08"), dec("0.41")}, {dec("0.33"), dec("0.08"), dec("0.41")}},
				Rates: []RateTotal{{vat, dec("0.99"), dec("0.24"), dec("1.23")}},
				Net:   dec("0.99"), VAT: dec("0.24"), Gross: dec("1.23"),
			}},
		{"issue 4 prices incl. VAT split per line at Danish 25 %",
			Order{Number: "1002", Currency: currency.DKK, Basis: InclVAT, Lines: []OrderLine{
				{"A", dec("2"), dec("62.50"), vat}, {"B", dec("1"), dec("99.99"), vat}, {"BOOK", dec("1"), dec("100"), dec("0")},
			}},
			OrderTotals{
				Lines: []LineTotal{{dec("100.00"), dec("25.00"), dec("125.00")}, {dec("79.99"), dec("20.00"), dec("99.99")}, {dec("100.00"), dec("0.00"), dec("100.00")}},
				Rates: []RateTotal{{vat, dec("179.99"), dec("45.00"), dec("224.99")}, {dec("0"), dec("100.00"), dec("0.00"), dec("100.00")}},
				Net:   dec("279.99"), VAT: dec("45.00"), Gross: dec("324.99"),
			}},
		{"issue 4 orders: fractional quantity rounded half away from zero",
			Order{Number: "1003", Currency: currency.DKK, Lines: []OrderLine{{"CHEESE", dec("1.5"), dec("12.35"), vat}}},
			OrderTotals{
				Lines: []LineTotal{{dec("18.53"), dec("4.63"), dec("23.16")}},
				Rates: []RateTotal{{vat, dec("18.53"), dec("4.63"), dec("23.16")}},
				Net:   dec("18.53"), VAT: dec("4.63"), Gross: dec("23.16"),
			}},
		{"issue 4 orders: JPY has no minor unit",
			Order{Number: "1004", Currency: currency.JPY, Lines: []OrderLine{{"A", dec("3"), dec("333.5"), dec("0.10")}}},
			OrderTotals{
				Lines: []LineTotal{{dec("1001"), dec("100"), dec("1101")}},
				Rates: []RateTotal{{dec("0.10"), dec("1001"), dec("100"), dec("1101")}},
				Net:   dec("1001"), VAT: dec("100"), Gross: dec("1101"),
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.order.Totals()
			if err != nil {
				t.Fatalf("Totals() error = %v", err)
			}
			if diff := cmp.Diff(tt.want, got, decEqual); diff != "" {
				t.Errorf("Totals() (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOrderValidate(t *testing.T) {
	o := Order{Number: "", Lines: []OrderLine{{"", dec("0"), dec("10"), dec("1.25")}, {"OK", dec("1"), dec("1"), dec("-0.1")}}}
	want := []Problem{
		{"number", RuleIdentifier, "empty"},
		{"currency", RuleCurrency, "XXX"},
		{"lines[0].sku", RuleIdentifier, "empty"},
		{"lines[0].quantity", RuleQuantity, "0"},
		{"lines[0].vat_rate", RuleVATRate, "[0,1)"},
		{"lines[1].vat_rate", RuleVATRate, "[0,1)"},
	}
	_, err := o.Totals()
	if diff := cmp.Diff(want, problemsOf(t, err)); diff != "" {
		t.Errorf("Totals(invalid) (-want +got):\n%s", diff)
	}
}

func TestConvertPrice(t *testing.T) {
	tests := []struct {
		name     string
		amount   string
		from, to PriceBasis
		want     string
	}{
		{"issue 4 excl. to incl. at Danish 25 %", "100", ExclVAT, InclVAT, "125.00"},
		{"issue 4 incl. to excl. at Danish 25 %", "125.00", InclVAT, ExclVAT, "100.00"},
		{"issue 4 orders: incl. to excl. rounds the net, 99.99 -> 79.99", "99.99", InclVAT, ExclVAT, "79.99"},
		{"issue 4 orders: excl. to incl. rounds the VAT once: 0.333 -> 0.41", "0.333", ExclVAT, InclVAT, "0.41"},
		{"issue 4 orders: same basis only rounds", "10.005", ExclVAT, ExclVAT, "10.01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ConvertPrice(dec(tt.amount), DanishVAT(), tt.from, tt.to, currency.DKK)
			if got.StringFixed(2) != tt.want || got.Exponent() != -2 {
				t.Errorf("ConvertPrice(%s, %v->%v) = %v, want %s", tt.amount, tt.from, tt.to, got, tt.want)
			}
		})
	}
}
