package peppol_test

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/billing/peppol"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// TestWithTotalsProperties: for random lines, prices, percentage and
// fixed discounts and charges at 25 % and 0 %, WithTotals gives a
// document that Check accepts (EN 16931 BR-CO-10 to BR-CO-16 exact),
// whose VAT per breakdown is its taxable amount times the rate rounded
// once (BR-CO-17 with no tolerance), and that reads back from its XML
// unchanged.
func TestWithTotalsProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 3))
	base := full()
	for n := range 300 {
		d := base
		d.TaxInTaxCurrency, d.TaxCurrency, d.Totals = contract.Money{}, contract.Currency{}, peppol.Totals{}
		d.AllowanceCharges = nil
		cats := []peppol.TaxCategory{{Code: peppol.StandardRate, Percent: dec("25")}, {Code: peppol.ZeroRated, Percent: dec("0")}}
		d.Lines = make([]peppol.Line, 1+r.IntN(5))
		for i := range d.Lines {
			price := contract.MoneyFromMinor(int64(r.IntN(1_000_000)), currency.DKK)
			l := peppol.Line{ID: strconv.Itoa(i + 1), Quantity: contract.Dec(decimal.New(int64(1+r.IntN(1000)), -int32(r.IntN(3)))),
				UnitCode: "C62", Item: peppol.Item{Name: "item", Category: cats[r.IntN(2)]}, Price: peppol.Price{Amount: price}}
			if r.IntN(2) == 0 {
				l.AllowanceCharges = []peppol.AllowanceCharge{{Reason: "discount", Percent: contract.Dec(decimal.New(int64(1+r.IntN(50)), 0)),
					BaseAmount: contract.NewMoney(l.Quantity.Decimal().Mul(price.Amount()).Round(2), currency.DKK)}}
			}
			d.Lines[i] = l
		}
		for range r.IntN(3) {
			d.AllowanceCharges = append(d.AllowanceCharges, peppol.AllowanceCharge{Charge: r.IntN(2) == 0, Reason: "adjustment",
				Amount: contract.MoneyFromMinor(int64(r.IntN(1000)), currency.DKK), Category: cats[r.IntN(2)]})
		}
		got, err := d.WithTotals()
		if err != nil {
			t.Fatalf("case %d: WithTotals: %v", n, err)
		}
		for _, s := range got.TaxSubtotals {
			want := s.Taxable.Amount().Mul(s.Category.Percent.Decimal()).Div(decimal.NewFromInt(100)).Round(2)
			if !s.Tax.Amount().Equal(want) {
				t.Errorf("case %d: VAT %v on %v at %v %%, want %v", n, s.Tax, s.Taxable, s.Category.Percent, want)
			}
		}
		var b bytes.Buffer
		if err := peppol.Write(&b, got); err != nil {
			t.Fatalf("case %d: Write: %v", n, err)
		}
		back, err := peppol.Read(&b)
		if err != nil || !cmp.Equal(got, back) {
			t.Fatalf("case %d: Read(Write) = %v, diff %s", n, err, cmp.Diff(got, back))
		}
	}
}
