package billing

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

func seller() contract.Party {
	return contract.Party{Name: "OpenDIMS ApS", CVR: "43782495", Address: "Rømersvej 4, 7430 Ikast", Country: "DK"}
}

func buyerDK() contract.Party {
	return contract.Party{Name: "Webshop A/S", Address: "Vestergade 1, 8000 Aarhus C", Country: "DK"}
}

func input(lines ...Line) InvoiceInput {
	return InvoiceInput{Number: "2026-0001", Issued: day("2026-01-29"), Seller: seller(), Buyer: buyerDK(),
		Treatment: DomesticVAT, Lines: lines}
}

func TestNewInvoiceTotals(t *testing.T) {
	l := func(q, p string) Line {
		return Line{Description: "PIM subscription", Quantity: contract.Dec(dec(q)), UnitPrice: contract.NewMoney(dec(p), currency.DKK), VATRate: contract.Dec(vatDK)}
	}
	eu := input(l("1", "1234.56"))
	eu.Treatment, eu.Buyer.VATID, eu.Buyer.Country = ReverseCharge, "DE123456789", "DE"
	exp := input(l("1", "1234.56"))
	exp.Treatment, exp.Buyer.Country = Export, "US"
	tests := []struct {
		name            string
		in              InvoiceInput
		net, vat, total string
		notice          string
	}{
		{"momsbekendtgørelsen § 58 one line 25 %", input(l("1", "1234.56")), "1234.56", "308.64", "1543.20", ""},
		{"round per line then sum: 3 x 0.125 VAT each rounds up", input(l("1", "0.50"), l("1", "0.50"), l("1", "0.50")), "1.50", "0.39", "1.89", ""},
		{"quantity x unit price rounded: 3 x 33.333", input(l("3", "33.333")), "100.00", "25.00", "125.00", ""},
		{"VAT Directive Art. 196 reverse charge: no VAT, notice", eu, "1234.56", "0.00", "1234.56", ReverseChargeNotice},
		{"export outside the EU: no VAT", exp, "1234.56", "0.00", "1234.56", ExportNotice},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv, err := NewInvoice(tt.in, contract.Counter{})
			if err != nil {
				t.Fatal(err)
			}
			if !inv.Net.Equal(dkk(tt.net)) || !inv.VAT.Equal(dkk(tt.vat)) || !inv.Total.Equal(dkk(tt.total)) || inv.Notice != tt.notice {
				t.Errorf("NewInvoice() = net %s vat %s total %s notice %q, want %s %s %s %q",
					inv.Net, inv.VAT, inv.Total, inv.Notice, tt.net, tt.vat, tt.total, tt.notice)
			}
		})
	}
}

func TestNewInvoiceDueDate(t *testing.T) {
	tests := []struct {
		name     string
		issued   string
		received string
		due      string
		want     string
	}{
		{"terms 12.3 + Reg. 1182/71 Art. 3(4): Sat 2026-02-28 rolls to Mon", "2026-01-29", "", "", "2026-03-02"},
		{"terms 12.3 net 30 from receipt", "2026-01-29", "2026-02-02", "", "2026-03-04"},
		{"agreed due date stands", "2026-01-29", "", "2026-02-10", "2026-02-10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input(Line{Description: "x", Quantity: contract.Dec(dec("1")), UnitPrice: dkk("100"), VATRate: contract.Dec(vatDK)})
			in.Issued = day(tt.issued)
			if tt.received != "" {
				in.Received = day(tt.received)
			}
			if tt.due != "" {
				in.Due = day(tt.due)
			}
			inv, err := NewInvoice(in, contract.Counter{})
			if err != nil {
				t.Fatal(err)
			}
			if inv.Due != day(tt.want) {
				t.Errorf("NewInvoice().Due = %s, want %s", inv.Due, tt.want)
			}
		})
	}
}

func TestNewInvoiceErrors(t *testing.T) {
	in := input(
		Line{Description: "a", Quantity: contract.Dec(dec("-1")), UnitPrice: dkk("10"), VATRate: contract.Dec(vatDK)},
		Line{Description: "b", Quantity: contract.Dec(dec("1")), UnitPrice: contract.MustParseMoney("10", currency.EUR), VATRate: contract.Dec(vatDK)},
	)
	in.Due = day("2026-01-01")
	in.Treatment = 9
	in.Seller.CVR = "12345678"
	_, err := NewInvoice(in, contract.Counter{})
	var ve *contract.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) || !errors.Is(err, ErrCurrencyMismatch) {
		t.Fatalf("NewInvoice() error = %v, want *contract.ValidationError matching ErrInvalid and ErrCurrencyMismatch", err)
	}
	for _, p := range []struct{ path, rule string }{
		{"lines[0].quantity", "dgte"}, {"lines[1].unit_price", ruleMixedCurrency}, {"due", "gtefield"},
		{"vat_treatment", "oneof"}, {"seller.cvr", "cvr"},
	} {
		if !ve.Has(p.path, p.rule) {
			t.Errorf("momsbekendtgørelsen § 58: error %v does not name %s %s", err, p.path, p.rule)
		}
	}
	ex := input(Line{Description: "a", Quantity: contract.Dec(dec("1")), UnitPrice: dkk("10")})
	ex.Treatment, ex.Buyer.Country = Export, "SE"
	if _, err := NewInvoice(ex, contract.Counter{}); !hasProblem(err, "buyer.country", "excluded_with") {
		t.Errorf("export to an EU country: error = %v, want one naming buyer.country", err)
	}
	rcNO := input(Line{Description: "a", Quantity: contract.Dec(dec("1")), UnitPrice: dkk("10")})
	rcNO.Treatment, rcNO.Buyer.VATID = ReverseCharge, "NO123456789"
	if _, err := NewInvoice(rcNO, contract.Counter{}); !hasProblem(err, "buyer.vat_id", "excluded_with") {
		t.Errorf("VAT Directive Art. 196 reverse charge to Norway: error = %v, want one naming buyer.vat_id", err)
	}
	rc := input(Line{Description: "a", Quantity: contract.Dec(dec("1")), UnitPrice: dkk("10")})
	rc.Treatment = ReverseCharge
	if _, err := NewInvoice(rc, contract.Counter{}); !hasProblem(err, "buyer.vat_id", "required_with") {
		t.Errorf("VAT Directive Art. 196 reverse charge without buyer VAT number: error = %v, want one naming buyer.vat_id", err)
	}
	bad := input(Line{Description: "a", Quantity: contract.Dec(dec("1")), UnitPrice: dkk("10")})
	bad.Buyer.VATID = "D1234"
	if _, err := NewInvoice(bad, contract.Counter{}); !hasProblem(err, "buyer.vat_id", "vatid") {
		t.Errorf("malformed buyer VAT number: error = %v, want buyer.vat_id vatid", err)
	}
}

// TestInvoiceTotalProperty checks, over many generated invoices, that the
// total is the sum of the rounded lines plus their rounded VAT.
func TestInvoiceTotalProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 12))
	for n := 0; n < 500; n++ {
		var lines []Line
		for i := 0; i < 1+r.IntN(6); i++ {
			lines = append(lines, Line{Description: "x",
				Quantity:  contract.Dec(decimal.New(r.Int64N(5000), -int32(r.IntN(3)))),
				UnitPrice: contract.NewMoney(decimal.New(r.Int64N(10_000_000), -int32(r.IntN(4))), currency.DKK),
				VATRate:   contract.Dec([]decimal.Decimal{vatDK, decimal.Zero, dec("0.125")}[r.IntN(3)])})
		}
		inv, err := NewInvoice(input(lines...), contract.Counter{})
		if err != nil {
			t.Fatal(err)
		}
		net, vat := decimal.Zero, decimal.Zero
		for _, l := range inv.Lines {
			if !l.Net.Amount().Equal(l.Quantity.Decimal().Mul(l.UnitPrice.Amount()).Round(2)) || !l.VAT.Amount().Equal(l.Net.Amount().Mul(l.VATRate.Decimal()).Round(2)) {
				t.Fatalf("line %+v not rounded per line", l)
			}
			net, vat = net.Add(l.Net.Amount()), vat.Add(l.VAT.Amount())
		}
		if !inv.Net.Amount().Equal(net) || !inv.VAT.Amount().Equal(vat) || !inv.Total.Amount().Equal(net.Add(vat)) {
			t.Fatalf("invoice %d: net %s vat %s total %s, want %s %s %s", n, inv.Net, inv.VAT, inv.Total, net, vat, net.Add(vat))
		}
		sn, sv := decimal.Zero, decimal.Zero
		for _, s := range inv.VATSummary {
			sn, sv = sn.Add(s.Net.Amount()), sv.Add(s.VAT.Amount())
		}
		if !sn.Equal(inv.Net.Amount()) || !sv.Equal(inv.VAT.Amount()) {
			t.Fatalf("invoice %d: VAT summary %s/%s does not reconcile to %s/%s", n, sn, sv, inv.Net, inv.VAT)
		}
	}
}

func TestEUMember(t *testing.T) {
	for c, want := range map[string]bool{"DE": true, "GR": true, "EL": true, "DK": true, "FI": true, "NO": false, "GB": false, " B": false, "T ": false, "de": false} {
		if got := euMember(c); got != want {
			t.Errorf("euMember(%q) = %v, want %v", c, got, want)
		}
	}
}
