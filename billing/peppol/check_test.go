package peppol_test

import (
	"errors"
	"testing"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/billing/peppol"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// TestCheck breaks one rule per row of a valid document and expects the
// problem at its JSON path, named after the rule of EN 16931 or Peppol.
func TestCheck(t *testing.T) {
	if err := full().Check(); err != nil {
		t.Fatalf("the full sample does not check: %v", err)
	}
	for _, c := range []struct {
		name, path, rule string
		breakIt          func(*peppol.Document)
	}{
		{"BR-CO-16 payable = inclusive - prepaid + rounding", "totals.payable_amount", "sum", func(d *peppol.Document) { d.Totals.Payable = dkk("261.00") }},
		{"BR-CO-10 sum of line net amounts", "totals.line_extension_amount", "sum", func(d *peppol.Document) { d.Lines[0].Net = dkk("199.99") }},
		{"BR-CO-14 VAT total = sum of breakdowns", "tax_amount", "sum", func(d *peppol.Document) { d.TaxSubtotals[0].Tax = dkk("52.49") }},
		{"BR-CO-18 taxable amount of a category", "tax_subtotals[0].taxable_amount", "sum", func(d *peppol.Document) { d.TaxSubtotals[0].Taxable = dkk("200.00") }},
		{"PEPPOL-EN16931-R020 seller electronic address", "seller.endpoint", "required", func(d *peppol.Document) { d.Seller.Endpoint = peppol.Identifier{} }},
		{"BR-11 buyer country", "buyer.address.country", "required", func(d *peppol.Document) { d.Buyer.Address.Country = "" }},
		{"one currency", "lines[0].net_amount", "currency_mismatch", func(d *peppol.Document) { d.Lines[0].Net = eur("200.00") }},
		{"momsbekendtgørelsen § 58, stk. 2: a credit note names its invoice", "billing_references", "required", func(d *peppol.Document) {
			d.Kind, d.DueDate, d.BillingReferences = peppol.CreditNoteKind, contract.Date{}, nil
		}},
		{"UBL CreditNote has no DueDate", "due_date", "excluded_with", func(d *peppol.Document) { d.Kind = peppol.CreditNoteKind }},
		{"BR-E-10 exemption reason of E", "tax_subtotals[0].category.exemption_reason", "required_without", func(d *peppol.Document) {
			for _, c := range []*peppol.TaxCategory{&d.Lines[0].Item.Category, &d.TaxSubtotals[0].Category, &d.AllowanceCharges[0].Category} {
				*c = peppol.TaxCategory{Code: peppol.Exempt, Percent: dec("0")}
			}
		}},
		{"BR-S-05 standard rate above 0", "lines[0].item.category.percent", "gt", func(d *peppol.Document) { d.Lines[0].Item.Category.Percent = dec("0") }},
		{"BR-53 VAT in the tax currency", "tax_in_tax_currency", "required_with", func(d *peppol.Document) { d.TaxInTaxCurrency = contract.Money{} }},
		{"PEPPOL-EN16931-R005 tax currency differs", "tax_currency", "nefield", func(d *peppol.Document) {
			d.TaxCurrency, d.TaxInTaxCurrency = contract.CurrencyOf(currency.DKK), dkk("52.50")
		}},
		{"PEPPOL-EN16931-R003 buyer reference or order", "buyer_reference", "required_without", func(d *peppol.Document) { d.BuyerReference, d.Order.ID = "", "" }},
		{"PEPPOL-EN16931-R002 one note", "notes", "max", func(d *peppol.Document) { d.Notes = []string{"a", "b"} }},
		{"PEPPOL-EN16931-R041 percent with base amount", "allowance_charges[0].percent", "required_with", func(d *peppol.Document) { d.AllowanceCharges[0].BaseAmount = contract.Money{} }},
		{"BR-27 price not negative", "lines[0].price.amount", "gte", func(d *peppol.Document) { d.Lines[0].Price.Amount = dkk("-1.00") }},
	} {
		d := full()
		d.Lines = append([]peppol.Line(nil), d.Lines...)
		d.TaxSubtotals = append([]peppol.TaxSubtotal(nil), d.TaxSubtotals...)
		d.AllowanceCharges = append([]peppol.AllowanceCharge(nil), d.AllowanceCharges...)
		c.breakIt(&d)
		err := d.Check()
		var verr *contract.ValidationError
		if !errors.As(err, &verr) || !errors.Is(err, peppol.ErrInvalid) || !verr.Has(c.path, c.rule) {
			t.Errorf("%s: Check = %v, want %s %s", c.name, err, c.path, c.rule)
		}
	}
}

// TestSettingsValidate: a broken field of Settings comes back with its
// JSON path and rule.
func TestSettingsValidate(t *testing.T) {
	inv := invoice(t, billing.DomesticVAT, buyerDK(), planLine)
	for _, c := range []struct {
		name, path, rule string
		s                peppol.Settings
	}{
		{"unit code of UN/ECE Rec. 20 is at most 3 characters", "unit_code", "max", peppol.Settings{UnitCode: "MONTH"}},
		{"payment means code is UNCL4461, numeric", "payment_means[0].code", "numeric", peppol.Settings{PaymentMeans: []peppol.PaymentMeans{{Code: "SEPA"}}}},
		{"payment means code is required", "payment_means[0].code", "required", peppol.Settings{PaymentMeans: []peppol.PaymentMeans{{}}}},
		{"an IBAN is at most 34 characters", "payment_means[0].account.id", "max", peppol.Settings{PaymentMeans: []peppol.PaymentMeans{
			{Code: "58", Account: peppol.FinancialAccount{ID: "DK50004004401162431234567890123456789"}}}}},
	} {
		_, err := peppol.FromInvoice(inv, c.s)
		var verr *contract.ValidationError
		if !errors.As(err, &verr) || !errors.Is(err, peppol.ErrInvalid) || !verr.Has(c.path, c.rule) {
			t.Errorf("%s: FromInvoice = %v, want %s %s", c.name, err, c.path, c.rule)
		}
	}
}

// TestFromInvoiceDanishIdentifiers: a CVR number written "DK43782495"
// is the CVR 43782495 with scheme 0184 and VAT number DK43782495; an
// export invoice (category O) carries no VAT numbers (BR-O-02).
func TestFromInvoiceDanishIdentifiers(t *testing.T) {
	b := buyerDK()
	b.CVR = "DK12345674"
	d, err := peppol.FromInvoice(invoice(t, billing.DomesticVAT, b, planLine), peppol.Settings{})
	if err != nil {
		t.Fatal(err)
	}
	want := peppol.Identifier{ID: "12345674", Scheme: "0184"}
	if d.Buyer.Endpoint != want || d.Buyer.LegalID != want || d.Buyer.VATID != "DK12345674" || d.Seller.VATID != "DK43782495" {
		t.Errorf("buyer %+v, seller VAT %q", d.Buyer, d.Seller.VATID)
	}
	no := contract.Party{Name: "Fjordhandel AS", Address: "Strandgata 1, 5013 Bergen", Country: "NO"}
	o, err := peppol.FromInvoice(invoice(t, billing.Export, no, planLine), peppol.Settings{BuyerReference: "PO-1",
		BuyerEndpoint: peppol.Identifier{ID: "987654325", Scheme: "0192"}})
	if err != nil {
		t.Fatal(err)
	}
	if o.Seller.VATID != "" || o.Buyer.VATID != "" || o.TaxSubtotals[0].Category.Code != peppol.OutsideScope || o.TaxSubtotals[0].Category.ExemptionReason != billing.ExportNotice {
		t.Errorf("export: seller VAT %q, buyer VAT %q, breakdown %+v", o.Seller.VATID, o.Buyer.VATID, o.TaxSubtotals[0].Category)
	}
}
