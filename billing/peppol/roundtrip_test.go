package peppol_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/billing/peppol"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/roundtrip"
	"golang.org/x/text/currency"
)

// full returns a document with every field of every type set, the
// sample of the round-trip test.
func full() peppol.Document {
	id := peppol.Identifier{ID: "5790000435944", Scheme: "0088"}
	addr := peppol.Address{Street: "Rømersvej 4", AdditionalStreet: "2. sal", City: "Ikast", PostalZone: "7430",
		CountrySubentity: "Midtjylland", Line: "Bygning B", Country: "DK"}
	party := peppol.Party{Endpoint: peppol.Identifier{ID: "43782495", Scheme: peppol.SchemeCVR}, Identifiers: []peppol.Identifier{id},
		TradingName: "OpenDIMS", Address: addr, VATID: "DK43782495", TaxRegistrationID: "SE556677889901", LegalName: "OpenDIMS ApS",
		LegalID: peppol.Identifier{ID: "43782495", Scheme: peppol.SchemeCVR}, LegalForm: "ApS",
		Contact: peppol.Contact{Name: "Billing", Phone: "+45 70 00 00 00", Email: "billing@example.com"}}
	s25 := peppol.TaxCategory{Code: peppol.StandardRate, Percent: dec("25"), ExemptionCode: "VATEX-EU-AE", ExemptionReason: "sample"}
	ac := peppol.AllowanceCharge{Charge: true, ReasonCode: "FC", Reason: "Freight", Percent: dec("10"), Amount: dkk("10.00"),
		BaseAmount: dkk("100.00"), Category: s25}
	period := peppol.Period{Start: day("2026-02-01"), End: day("2026-02-28")}
	line := peppol.Line{ID: "1", Note: "note", Quantity: dec("2"), UnitCode: "C62", Net: dkk("200.00"), AccountingCost: "4025",
		Period: period, OrderLineID: "7", AllowanceCharges: []peppol.AllowanceCharge{ac},
		Item: peppol.Item{Name: "PIM", Description: "PIM subscription", SellersID: "PRO", StandardID: id, OriginCountry: "DK",
			Classifications: []peppol.Classification{{Code: "72261000", ListID: "STI", ListVersionID: "2008"}}, Category: s25,
			Properties: []peppol.Property{{Name: "plan", Value: "pro"}}},
		Price: peppol.Price{Amount: dkk("100.00"), BaseQuantity: dec("1"), BaseUnitCode: "C62", Discount: dkk("5.00"), Gross: dkk("105.00")}}
	pm := peppol.PaymentMeans{Code: "58", Name: "SEPA credit transfer", DueDate: day("2026-03-02"), PaymentID: "2026-0042",
		Account: peppol.FinancialAccount{ID: "DK5000400440116243", Name: "OpenDIMS ApS", Branch: "NDEADKKK"}}
	return peppol.Document{Kind: peppol.InvoiceKind, CustomizationID: peppol.CustomizationID, ProfileID: peppol.ProfileID,
		ID: "CN-1", IssueDate: day("2026-01-29"), DueDate: day("2026-02-28"), TypeCode: "380", Notes: []string{"note"},
		TaxPointDate: day("2026-01-29"), Currency: contract.CurrencyOf(currency.DKK), TaxCurrency: contract.CurrencyOf(currency.EUR),
		AccountingCost: "4025", BuyerReference: "ref", Period: period,
		Order:             peppol.OrderReference{ID: "PO-1", SalesOrderID: "SO-1"},
		BillingReferences: []peppol.BillingReference{{ID: "2026-0042", IssueDate: day("2026-01-29")}}, Contract: "C-1",
		Documents: []peppol.DocumentReference{{ID: id, TypeCode: "130", Description: "timesheet", URI: "https://example.com/t"}},
		Seller:    party, Buyer: party,
		Delivery:     peppol.Delivery{Date: day("2026-02-01"), Location: id, Address: addr, PartyName: "Warehouse"},
		PaymentMeans: []peppol.PaymentMeans{pm}, PaymentTerms: "Net 30 days", AllowanceCharges: []peppol.AllowanceCharge{ac},
		Tax: dkk("52.50"), TaxSubtotals: []peppol.TaxSubtotal{{Taxable: dkk("210.00"), Tax: dkk("52.50"), Category: s25}},
		TaxInTaxCurrency: eur("7.04"),
		Totals: peppol.Totals{LineExtension: dkk("200.00"), TaxExclusive: dkk("210.00"), TaxInclusive: dkk("262.50"),
			Allowances: dkk("0.00"), Charges: dkk("10.00"), Prepaid: dkk("2.50"), Rounding: dkk("0.00"), Payable: dkk("260.00")},
		Lines: []peppol.Line{line}}
}

// TestRoundTrip checks that every exported value of peppol survives
// encoding/json and compares equal with go-cmp without options: a
// document stored as JSON reads back whole, its amounts with their
// currencies.
func TestRoundTrip(t *testing.T) {
	d := full()
	settings := peppol.Settings{UnitCode: "MON", BuyerReference: "ref", PaymentMeans: d.PaymentMeans, PaymentTerms: "Net 30 days",
		SellerEndpoint: d.Seller.Endpoint, BuyerEndpoint: d.Buyer.Endpoint}
	l := d.Lines[0]
	tab := roundtrip.Table{
		Samples: []any{d, d.Seller, d.Seller.Endpoint, d.Seller.Address, d.Seller.Contact, d.Period, d.Order,
			d.BillingReferences[0], d.Documents[0], d.Delivery, d.PaymentMeans[0], d.PaymentMeans[0].Account,
			d.AllowanceCharges[0], d.TaxSubtotals[0], d.TaxSubtotals[0].Category, d.Totals, l, l.Item, l.Price,
			l.Item.Classifications[0], l.Item.Properties[0], peppol.ReverseCharge, peppol.InvoiceKind, settings},
	}
	n := roundtrip.Check(t, os.DirFS("."), tab,
		func(x, y any) bool { return cmp.Equal(x, y) }, func(x, y any) string { return cmp.Diff(x, y) })
	t.Logf("peppol: %d exported types covered", n)
}

// TestFullDocumentThroughXML writes the fully populated document and
// reads it back equal: every field of the model has its place in UBL.
func TestFullDocumentThroughXML(t *testing.T) {
	d := full()
	var b bytes.Buffer
	if err := peppol.Write(&b, d); err != nil {
		t.Fatal(err)
	}
	back, err := peppol.Read(&b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(d, back); diff != "" {
		t.Errorf("Read(Write(full)) (-want +got):\n%s", diff)
	}
}
