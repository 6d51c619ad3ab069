package contract_test

import (
	"testing"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

var moneySink contract.Money

// BenchmarkMoneyArithmetic is an invoice line's arithmetic on Money: a
// unit price times a quantity, times a VAT rate, rounded to the øre,
// added to a running total and compared; amounts that fit an int64
// allocate nothing.
func BenchmarkMoneyArithmetic(b *testing.B) {
	price := contract.NewMoney(decimal.New(2495, -2), currency.DKK)
	rate := decimal.New(25, -2)
	b.ReportAllocs()
	for b.Loop() {
		net := price.MulInt(3).Round()
		vat := net.Mul(rate).Round()
		total, _ := net.Add(vat)
		if c, _ := total.Cmp(net); c <= 0 {
			b.Fatal(total)
		}
		moneySink, _ = total.Sub(vat)
	}
}

// BenchmarkMoneyJSON writes and reads {"amount":"93.56","currency":"DKK"}.
func BenchmarkMoneyJSON(b *testing.B) {
	m := contract.MustParseMoney("93.56", currency.DKK)
	b.ReportAllocs()
	for b.Loop() {
		js, err := m.MarshalJSON()
		if err != nil {
			b.Fatal(err)
		}
		if err := moneySink.UnmarshalJSON(js); err != nil {
			b.Fatal(err)
		}
	}
}
