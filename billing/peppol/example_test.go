package peppol_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/billing/peppol"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// A Danish invoice as a Peppol e-invoice: the CVR numbers become Peppol
// addresses with scheme 0184, the VAT is billing's, to the øre.
func ExampleFromInvoice() {
	price := contract.MustParseMoney("24.95", currency.DKK)
	inv, err := billing.NewInvoice(billing.InvoiceInput{Number: "2026-0042", Issued: contract.MustParseDate("2026-01-29"),
		Seller:    contract.Party{Name: "OpenDIMS ApS", CVR: "43782495", Address: "Rømersvej 4, 7430 Ikast", Country: "DK"},
		Buyer:     contract.Party{Name: "Webshop A/S", CVR: "12345674", Address: "Vestergade 1, 8000 Aarhus C", Country: "DK"},
		Treatment: billing.DomesticVAT,
		Lines: []billing.Line{{Description: "Extra values", Quantity: contract.Dec(dec("3").Decimal()), UnitPrice: price,
			VATRate: contract.Dec(dec("0.25").Decimal())}}}, contract.Counter{})
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := peppol.FromInvoice(inv, peppol.Settings{PaymentMeans: []peppol.PaymentMeans{
		{Code: "58", Account: peppol.FinancialAccount{ID: "DK5000400440116243"}}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	var b bytes.Buffer
	if err := peppol.Write(&b, doc); err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.Contains(l, "EndpointID") || strings.Contains(l, "<cbc:TaxAmount") || strings.Contains(l, "PayableAmount") {
			fmt.Println(strings.TrimSpace(l))
		}
	}
	// Output:
	// <cbc:EndpointID schemeID="0184">43782495</cbc:EndpointID>
	// <cbc:EndpointID schemeID="0184">12345674</cbc:EndpointID>
	// <cbc:TaxAmount currencyID="DKK">18.71</cbc:TaxAmount>
	// <cbc:TaxAmount currencyID="DKK">18.71</cbc:TaxAmount>
	// <cbc:PayableAmount currencyID="DKK">93.56</cbc:PayableAmount>
}

// A document read back from its XML is the same value.
func ExampleRead() {
	var b bytes.Buffer
	if err := peppol.Write(&b, full()); err != nil {
		fmt.Println(err)
		return
	}
	doc, err := peppol.Read(&b)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Kind, doc.ID, doc.Totals.Payable, doc.Seller.Endpoint.Scheme, doc.Seller.Endpoint.ID)
	// Output: invoice CN-1 260.00 DKK 0184 43782495
}

// A 10 % discount on a line and a fixed discount on the whole invoice,
// computed exactly: 1,990.00 - 199.00 - 50.00 = 1,741.00 taxable, VAT
// 435.25.
func ExampleDocument_WithTotals() {
	d := full()
	d.AllowanceCharges = []peppol.AllowanceCharge{{Reason: "Loyalty discount", Amount: dkk("50.00"),
		Category: peppol.TaxCategory{Code: peppol.StandardRate, Percent: dec("25")}}}
	d.Totals = peppol.Totals{}
	l := &d.Lines[0]
	l.Quantity, l.Price = dec("1"), peppol.Price{Amount: dkk("1990.00")}
	l.AllowanceCharges = []peppol.AllowanceCharge{{Reason: "Annual prepayment", Percent: dec("10"), BaseAmount: dkk("1990.00")}}
	d, err := d.WithTotals()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Lines[0].Net, d.TaxSubtotals[0].Taxable, d.Tax, d.Totals.Payable)
	// Output: 1791.00 DKK 1741.00 DKK 435.25 DKK 2176.25 DKK
}

// Check reports what Peppol makes fatal, at JSON paths: here an amount
// due that is not the total with VAT less what was prepaid (BR-CO-16),
// and a seller without a Peppol address.
func ExampleDocument_Check() {
	d := full()
	d.Totals.Payable = dkk("262.50")
	d.Seller.Endpoint = peppol.Identifier{}
	err := d.Check()
	var verr *contract.ValidationError
	if errors.As(err, &verr) {
		for _, p := range verr.Problems {
			fmt.Println(p)
		}
	}
	d.Seller.Endpoint = peppol.Identifier{ID: "43782495", Scheme: peppol.SchemeCVR}
	fmt.Println(d.Check())
	// Output:
	// seller.endpoint: required
	// peppol: invalid document: check document: 1 problem: totals.payable_amount: sum(BR-CO-16)
}
