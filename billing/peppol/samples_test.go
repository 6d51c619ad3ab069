package peppol_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/billing/peppol"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

var outDir = flag.String("out", "", "write the sample documents (and the official examples written back) to this folder, for the Peppol validator")

func dkk(s string) contract.Money   { return contract.MustParseMoney(s, currency.DKK) }
func eur(s string) contract.Money   { return contract.MustParseMoney(s, currency.EUR) }
func dec(s string) contract.Decimal { return contract.Dec(decimal.RequireFromString(s)) }
func day(s string) contract.Date    { return contract.MustParseDate(s) }

func sellerDK() contract.Party {
	return contract.Party{Name: "OpenDIMS ApS", CVR: "43782495", Address: "Rømersvej 4, 7430 Ikast", Country: "DK"}
}

func buyerDK() contract.Party {
	return contract.Party{Name: "Webshop A/S", CVR: "12345674", Address: "Vestergade 1, 8000 Aarhus C", Country: "DK"}
}

// sepa pays by SEPA credit transfer (UNCL4461 code 58) to an IBAN.
var sepa = peppol.PaymentMeans{Code: "58", Name: "SEPA credit transfer",
	Account: peppol.FinancialAccount{ID: "DK5000400440116243", Name: "OpenDIMS ApS", Branch: "NDEADKKK"}}

func invoice(t *testing.T, tr billing.VATTreatment, buyer contract.Party, lines ...billing.Line) billing.Invoice {
	t.Helper()
	inv, err := billing.NewInvoice(billing.InvoiceInput{Number: "2026-0042", Issued: day("2026-01-29"),
		SupplyFrom: day("2026-02-01"), SupplyTo: day("2026-02-28"), Seller: sellerDK(), Buyer: buyer,
		Treatment: tr, Lines: lines}, contract.Counter{})
	if err != nil {
		t.Fatal(err)
	}
	return inv
}

var (
	planLine   = billing.Line{Description: "PIM subscription, Pro plan, February 2026", Quantity: dec("1"), UnitPrice: dkk("1990.00"), VATRate: dec("0.25")}
	valuesLine = billing.Line{Description: "Extra values, blocks of 10,000", Quantity: dec("3"), UnitPrice: dkk("24.95"), VATRate: dec("0.25")}
	paperLine  = billing.Line{Description: "Trade newspaper subscription", Quantity: dec("1"), UnitPrice: dkk("100.00"), VATRate: dec("0")}
)

type sample struct {
	name string
	doc  peppol.Document
	// payable and tax are the amounts the sample must carry, to the
	// minor unit, worked out by hand in the comment of each sample.
	payable, tax contract.Money
}

// samples are the documents .ci/run hands to the official Peppol
// validator: every VAT category (S, Z, E, AE, O), a Danish seller to a
// Danish buyer invoice and credit note (so the DK-R rules run), a
// discount on a line and on the document, and an invoice in euro with
// its VAT also in kroner.
func samples(t *testing.T) []sample {
	t.Helper()
	// S and Z, Danish seller to Danish buyer: 1,990.00 + 3 x 24.95 =
	// 74.85 at 25 % (VAT 497.50 + 18.71, 18.7125 rounded per line) and
	// 100.00 at 0 %: net 2,164.85, VAT 516.21, total 2,681.06.
	dk, err := peppol.FromInvoice(invoice(t, billing.DomesticVAT, buyerDK(), planLine, valuesLine, paperLine),
		peppol.Settings{PaymentMeans: []peppol.PaymentMeans{sepa}})
	if err != nil {
		t.Fatal(err)
	}

	// The credit note corrects the extra values of that invoice in full
	// (momsbekendtgørelsen § 58, stk. 2: it names the invoice by number
	// and date): net 74.85, VAT 18.71, total 93.56.
	dkInv := invoice(t, billing.DomesticVAT, buyerDK(), planLine, valuesLine, paperLine)
	note, err := billing.NewCreditNote(dkInv, nil, billing.CreditNoteInput{Number: "CN-2026-0007", Issued: day("2026-02-10"),
		Reason: billing.CreditError, Lines: []billing.CreditLine{{Line: 2, Quantity: dec("3")}}})
	if err != nil {
		t.Fatal(err)
	}
	cn, err := peppol.FromCreditNote(note, peppol.Settings{PaymentMeans: []peppol.PaymentMeans{
		{Code: "58", DueDate: day("2026-03-12"), Account: sepa.Account}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(cn.BillingReferences) != 1 || cn.BillingReferences[0] != (peppol.BillingReference{ID: "2026-0042", IssueDate: day("2026-01-29")}) {
		t.Errorf("credit note refers to %+v, want 2026-0042 of 2026-01-29", cn.BillingReferences)
	}

	// billing's discount: 20 % off the plan line (398.00 of 1,990.00) as
	// an allowance at 25 %: net 1,592.00, VAT 398.00, total 1,990.00.
	bdInv, err := billing.NewInvoice(billing.InvoiceInput{Number: "2026-0046", Issued: day("2026-01-29"),
		Seller: sellerDK(), Buyer: buyerDK(), Treatment: billing.DomesticVAT, Lines: []billing.Line{planLine},
		Allowances: []billing.Allowance{{Description: "Launch offer 20 %", Line: 1, Percent: dec("0.20")}}}, contract.Counter{})
	if err != nil {
		t.Fatal(err)
	}
	bd, err := peppol.FromInvoice(bdInv, peppol.Settings{PaymentMeans: []peppol.PaymentMeans{sepa}})
	if err != nil {
		t.Fatal(err)
	}
	if len(bd.AllowanceCharges) != 1 || !bd.AllowanceCharges[0].Amount.Equal(dkk("398.00")) || !bd.Totals.Allowances.Equal(dkk("398.00")) {
		t.Errorf("allowances %+v, total %v; want one of 398.00", bd.AllowanceCharges, bd.Totals.Allowances)
	}

	// AE: a reverse-charge service to a German business, no VAT.
	de := contract.Party{Name: "Versandhaus GmbH", VATID: "DE123456789", Address: "Hauptstraße 1, 10115 Berlin", Country: "DE"}
	ae, err := peppol.FromInvoice(invoice(t, billing.ReverseCharge, de, planLine), peppol.Settings{PaymentMeans: []peppol.PaymentMeans{sepa}})
	if err != nil {
		t.Fatal(err)
	}

	// O: a service to a Norwegian business, outside the scope of EU VAT,
	// addressed by its Norwegian organisation number (scheme 0192).
	no := contract.Party{Name: "Fjordhandel AS", Address: "Strandgata 1, 5013 Bergen", Country: "NO"}
	o, err := peppol.FromInvoice(invoice(t, billing.Export, no, planLine), peppol.Settings{BuyerReference: "PO-2026-17",
		BuyerEndpoint: peppol.Identifier{ID: "987654325", Scheme: "0192"}, PaymentMeans: []peppol.PaymentMeans{sepa}})
	if err != nil {
		t.Fatal(err)
	}

	// E: an exempt supply (momsloven § 13), Danish buyer: 1,990.00, no VAT.
	e := dk
	e.ID = "2026-0043"
	e.Lines = []peppol.Line{dk.Lines[0]}
	e.Lines[0].Item.Name = "Payment handling for the webshop's card payments"
	e.Lines[0].Item.Category = peppol.TaxCategory{Code: peppol.Exempt, Percent: dec("0"),
		ExemptionCode: "VATEX-EU-132", ExemptionReason: "Exempt financial service, momsloven § 13, stk. 1, nr. 11"}
	if e, err = e.WithTotals(); err != nil {
		t.Fatal(err)
	}

	// A discount: 10 % off the plan line (199.00 of 1,990.00, net
	// 1,791.00) and a fixed 50.00 loyalty discount on the document at
	// 25 %: taxable 1,741.00, VAT 435.25, total 2,176.25.
	disc := dk
	disc.ID = "2026-0044"
	disc.Lines = []peppol.Line{dk.Lines[0]}
	disc.Lines[0].AllowanceCharges = []peppol.AllowanceCharge{{ReasonCode: "95", Reason: "Annual prepayment discount",
		Percent: dec("10"), BaseAmount: dkk("1990.00")}}
	disc.AllowanceCharges = []peppol.AllowanceCharge{{ReasonCode: "95", Reason: "Loyalty discount", Amount: dkk("50.00"),
		Category: peppol.TaxCategory{Code: peppol.StandardRate, Percent: dec("25")}}}
	if disc, err = disc.WithTotals(); err != nil {
		t.Fatal(err)
	}

	// A Danish buyer invoiced in euro: 270.00 EUR at 25 % is 67.50 EUR
	// VAT, also stated in kroner at 7.4603 DKK/EUR (momsbekendtgørelsen
	// § 97, stk. 2): 503.570 25, rounded 503.57 DKK.
	eurLine := billing.Line{Description: "PIM subscription, Pro plan, February 2026", Quantity: dec("1"), UnitPrice: eur("270.00"), VATRate: dec("0.25")}
	fxInv, err := billing.NewInvoice(billing.InvoiceInput{Number: "2026-0045", Issued: day("2026-01-29"),
		Seller: sellerDK(), Buyer: buyerDK(), Treatment: billing.DomesticVAT, Lines: []billing.Line{eurLine},
		TaxCurrencyRate: billing.ExchangeRate{From: contract.CurrencyOf(currency.EUR), To: contract.CurrencyOf(currency.DKK),
			Rate: dec("7.4603"), Date: day("2026-01-28"), Source: "Danmarks Nationalbank"}}, contract.Counter{})
	if err != nil {
		t.Fatal(err)
	}
	fx, err := peppol.FromInvoice(fxInv, peppol.Settings{PaymentMeans: []peppol.PaymentMeans{sepa}})
	if err != nil {
		t.Fatal(err)
	}
	if !fx.TaxInTaxCurrency.Equal(dkk("503.57")) {
		t.Errorf("VAT in DKK = %v, want 503.57 DKK", fx.TaxInTaxCurrency)
	}

	return []sample{
		{"dk-invoice-s-z", dk, dkk("2681.06"), dkk("516.21")},
		{"dk-creditnote", cn, dkk("93.56"), dkk("18.71")},
		{"reverse-charge-ae", ae, dkk("1990.00"), dkk("0.00")},
		{"outside-scope-o", o, dkk("1990.00"), dkk("0.00")},
		{"exempt-e", e, dkk("1990.00"), dkk("0.00")},
		{"discount", disc, dkk("2176.25"), dkk("435.25")},
		{"billing-discount", bd, dkk("1990.00"), dkk("398.00")},
		{"foreign-currency", fx, eur("337.50"), eur("67.50")},
	}
}

// TestWriteSamples writes each sample, checks its exact amounts and that
// it reads back to the same Document; with -out it leaves the files for
// the official validator (.ci/run).
func TestWriteSamples(t *testing.T) {
	cats := map[peppol.VATCategory]bool{}
	for _, s := range samples(t) {
		t.Run(s.name, func(t *testing.T) {
			d := s.doc
			if !d.Totals.Payable.Equal(s.payable) || !d.Tax.Equal(s.tax) {
				t.Errorf("payable %v, VAT %v; want %v, %v", d.Totals.Payable, d.Tax, s.payable, s.tax)
			}
			var b bytes.Buffer
			if err := peppol.Write(&b, d); err != nil {
				t.Fatal(err)
			}
			back, err := peppol.Read(bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(d, back); diff != "" {
				t.Errorf("Read(Write(d)) differs (-want +got):\n%s", diff)
			}
			for _, st := range d.TaxSubtotals {
				cats[st.Category.Code] = true
			}
			if *outDir != "" {
				if err := os.WriteFile(filepath.Join(*outDir, s.name+".xml"), b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	for _, c := range []peppol.VATCategory{peppol.StandardRate, peppol.ZeroRated, peppol.Exempt, peppol.ReverseCharge, peppol.OutsideScope} {
		if !cats[c] {
			t.Errorf("no sample has VAT category %s", c)
		}
	}
}

// TestFromInvoiceExactAmounts: the e-invoice carries billing's amounts to
// the øre -- each line's net, each rate's taxable amount and VAT (VAT
// rounded per line and summed, momsbekendtgørelsen § 58(1)(8)-(10)) --
// not amounts recomputed from the rate, which the schematron would accept
// one øre off (BR-CO-17).
func TestFromInvoiceExactAmounts(t *testing.T) {
	lines := []billing.Line{valuesLine, valuesLine, valuesLine, paperLine} // 3 x 18.7125 -> 3 x 18.71 = 56.13, not 56.14
	inv := invoice(t, billing.DomesticVAT, buyerDK(), lines...)
	d, err := peppol.FromInvoice(inv, peppol.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range inv.Lines {
		if !d.Lines[i].Net.Equal(l.Net) {
			t.Errorf("line %d net %v, billing %v", i+1, d.Lines[i].Net, l.Net)
		}
	}
	if len(d.TaxSubtotals) != 2 || !d.TaxSubtotals[0].Tax.Equal(dkk("56.13")) || !d.TaxSubtotals[0].Taxable.Equal(dkk("224.55")) ||
		!d.TaxSubtotals[1].Tax.Equal(dkk("0.00")) || d.TaxSubtotals[1].Category.Code != peppol.ZeroRated {
		t.Errorf("VAT breakdown %+v, want 224.55 taxable with 56.13 VAT at 25 %% and 100.00 at 0 %% (Z)", d.TaxSubtotals)
	}
	if !d.Tax.Equal(inv.VAT) || !d.Totals.Payable.Equal(dkk("380.68")) {
		t.Errorf("VAT %v payable %v, want billing's %v and 380.68", d.Tax, d.Totals.Payable, inv.VAT)
	}
}

// TestChangedPayableFailsCheck is the Go side of the validator's check in
// .ci/run: the written Danish invoice with its payable amount changed by
// 1.00 reads, and Check reports BR-CO-16.
func TestChangedPayableFailsCheck(t *testing.T) {
	var b bytes.Buffer
	if err := peppol.Write(&b, samples(t)[0].doc); err != nil {
		t.Fatal(err)
	}
	tampered := bytes.Replace(b.Bytes(), []byte(`<cbc:PayableAmount currencyID="DKK">2681.06<`), []byte(`<cbc:PayableAmount currencyID="DKK">2682.06<`), 1)
	if bytes.Equal(tampered, b.Bytes()) {
		t.Fatal("the payable amount 2681.06 is not in the document")
	}
	d, err := peppol.Read(bytes.NewReader(tampered))
	if err != nil {
		t.Fatal(err)
	}
	var verr *contract.ValidationError
	if err := d.Check(); !errors.As(err, &verr) || !verr.Has("totals.payable_amount", "sum") {
		t.Errorf("Check = %v, want totals.payable_amount sum(BR-CO-16)", err)
	}
}
