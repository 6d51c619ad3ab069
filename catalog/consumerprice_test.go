package catalog

import (
	"errors"
	"testing"
	gotime "time"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

func TestConsumerPriceIn(t *testing.T) {
	eur := func(s string) Price { return contract.MustParseMoney(s, currency.EUR) }
	table := contract.EUVATRates()
	tests := []struct {
		name, country string
		on            contract.Date
		net           Price
		gross, vat    string
	}{
		{"UStG § 12(1): Germany 19 %", "DE", contract.MustDate(2026, 1, 1), eur("100.00"), "119.00", "19.00"},
		{"momsloven § 33: Denmark 25 %", "DK", contract.MustDate(2026, 1, 1), contract.MustParseMoney("199.00", currency.DKK), "248.75", "49.75"},
		{"Finland 24 % on the day before the change", "FI", contract.MustDate(2024, 8, 31), eur("100.00"), "124.00", "24.00"},
		{"Finland 25.5 % from 2024-09-01", "FI", contract.MustDate(2024, 9, 1), eur("100.00"), "125.50", "25.50"},
		{"Greece under its VAT prefix EL", "EL", contract.MustDate(2026, 1, 1), eur("10.00"), "12.40", "2.40"},
		{"VAT rounded half away from zero to the cent", "DE", contract.MustDate(2026, 1, 1), eur("0.50"), "0.60", "0.10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ConsumerPriceIn(tt.net, tt.country, tt.on, table)
			if err != nil {
				t.Fatal(err)
			}
			u := tt.net.Currency()
			if !got.Gross.Equal(contract.MustParseMoney(tt.gross, u)) || !got.VAT.Equal(contract.MustParseMoney(tt.vat, u)) {
				t.Errorf("ConsumerPriceIn(%v, %s, %s) = gross %v vat %v, want %s %s", tt.net, tt.country, tt.on, got.Gross, got.VAT, tt.gross, tt.vat)
			}
		})
	}
	if _, err := ConsumerPriceIn(eur("1.00"), "US", contract.MustDate(2026, 1, 1), table); !errors.Is(err, contract.ErrNoVATRate) {
		t.Errorf("ConsumerPriceIn for a country outside the table = %v, want ErrNoVATRate", err)
	}
	if _, err := ConsumerPriceIn(eur("1.00"), "DE", contract.MustDate(2023, 12, 31), table); !errors.Is(err, contract.ErrNoVATRate) {
		t.Errorf("ConsumerPriceIn before the table's first day = %v, want ErrNoVATRate", err)
	}
}

func TestPriorPrice(t *testing.T) {
	dkk := func(s string) Price { return contract.MustParseMoney(s, currency.DKK) }
	d := func(m, day int) contract.Date { return contract.MustDate(2026, gotime.Month(m), day) }
	reduction := d(12, 1) // window: 2026-11-01 .. 2026-11-30
	tests := []struct {
		name   string
		points []PricePoint
		want   string // "" = ErrNoPriorPrice
	}{
		{"Dir. 98/6/EC Art. 6a(2): a price that ended on day -31 does not count",
			[]PricePoint{{d(10, 1), dkk("199.00")}, {d(10, 31), dkk("149.00")}, {d(11, 1), dkk("179.00")}}, "179.00"},
		{"Dir. 98/6/EC Art. 6a(2): a price still held on day -30 counts",
			[]PricePoint{{d(10, 1), dkk("199.00")}, {d(10, 31), dkk("149.00")}, {d(11, 2), dkk("179.00")}}, "149.00"},
		{"Dir. 98/6/EC Art. 6a(2): a price from day -30 exactly counts",
			[]PricePoint{{d(10, 1), dkk("199.00")}, {d(11, 1), dkk("139.00")}, {d(11, 5), dkk("199.00")}}, "139.00"},
		{"Dir. 98/6/EC Art. 6a(2): the reduction's own day is not before it",
			[]PricePoint{{d(10, 1), dkk("199.00")}, {d(12, 1), dkk("99.00")}}, "199.00"},
		{"Dir. 98/6/EC Art. 6a(2): the last day before the reduction counts",
			[]PricePoint{{d(10, 1), dkk("199.00")}, {d(11, 30), dkk("189.00")}}, "189.00"},
		{"Dir. 98/6/EC Art. 6a(2): points in any order, other currencies ignored",
			[]PricePoint{{d(11, 10), dkk("159.00")}, {d(11, 1), contract.MustParseMoney("1.00", currency.EUR)}, {d(9, 1), dkk("199.00")}}, "159.00"},
		{"Dir. 98/6/EC Art. 6a(2): a history starting inside the window proves nothing",
			[]PricePoint{{d(11, 2), dkk("199.00")}}, ""},
		{"Dir. 98/6/EC Art. 6a(2): no history", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := PriceHistory{Points: tt.points}.PriorPrice(reduction, currency.DKK)
			if tt.want == "" {
				if !errors.Is(err, ErrNoPriorPrice) {
					t.Fatalf("PriorPrice = %v, %v; want ErrNoPriorPrice", got, err)
				}
				return
			}
			if err != nil || !got.Equal(dkk(tt.want)) {
				t.Errorf("PriorPrice = %v, %v; want %s DKK", got, err, tt.want)
			}
		})
	}
}
