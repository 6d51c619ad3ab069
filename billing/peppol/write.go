package peppol

import (
	"bufio"
	"encoding/xml"
	"errors"
	"io"

	"github.com/pimkit/pimkit/contract"
)

// The UBL 2.1 namespaces.
const (
	nsInvoice    = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
	nsCreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
	nsCAC        = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
	nsCBC        = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
)

// elem is an element of a document being written or read: name is the
// prefixed name ("cbc:ID"), text the character data of a leaf.
type elem struct {
	name  string
	attrs []xml.Attr
	text  string
	kids  []*elem
}

// add appends a leaf with text and returns it; empty text adds nothing
// (Peppol rule PEPPOL-EN16931-R008: no empty elements).
func (e *elem) add(name, text string, attrs ...string) {
	if text == "" {
		return
	}
	x := &elem{name: name, text: text}
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] != "" {
			x.attrs = append(x.attrs, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
		}
	}
	e.kids = append(e.kids, x)
}

// group appends an aggregate and returns it; [elem.prune] drops it again
// if nothing is added to it.
func (e *elem) group(name string) *elem {
	x := &elem{name: name}
	e.kids = append(e.kids, x)
	return x
}

func (e *elem) money(name string, m contract.Money) {
	if m.IsZero() {
		return
	}
	e.add(name, m.Text(), "currencyID", m.Currency().String())
}

func (e *elem) date(name string, d contract.Date) {
	if !d.IsZero() {
		e.add(name, d.String())
	}
}

func (e *elem) id(name string, i Identifier) { e.add(name, i.ID, "schemeID", i.Scheme) }

// prune drops aggregates without content, depth first, and reports
// whether e is left empty.
func (e *elem) prune() bool {
	kept := e.kids[:0]
	for _, k := range e.kids {
		if !k.prune() {
			kept = append(kept, k)
		}
	}
	e.kids = kept
	return e.text == "" && len(e.kids) == 0
}

// Write writes d to w as a UBL 2.1 Invoice or CreditNote of Peppol BIS
// Billing 3.0, UTF-8, indented, with the elements in the schema's order
// and no empty elements. A document without CustomizationID or ProfileID
// gets [CustomizationID] and [ProfileID]; without TypeCode, 380 for an
// invoice and 381 for a credit note. Amounts are written exactly, with the
// currency's minor-unit decimals: 1234.5 DKK is 1234.50.
//
// d is checked first with [Document.Check]: a document that breaks a rule
// it checks is not written, and the error is a [*contract.ValidationError]
// wrapping [ErrInvalid] with every problem. Errors of w are returned as
// they are.
func Write(w io.Writer, d Document) error {
	if err := d.Check(); err != nil {
		return err
	}
	if w == nil {
		return errors.New("peppol: write to a nil io.Writer")
	}
	root := build(d)
	root.prune()
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := encode(enc, root); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	if err := bw.WriteByte('\n'); err != nil {
		return err
	}
	return bw.Flush()
}

func encode(enc *xml.Encoder, e *elem) error {
	start := xml.StartElement{Name: xml.Name{Local: e.name}, Attr: e.attrs}
	if err := enc.EncodeToken(start); err != nil {
		return err
	}
	if e.text != "" {
		if err := enc.EncodeToken(xml.CharData(e.text)); err != nil {
			return err
		}
	}
	for _, k := range e.kids {
		if err := encode(enc, k); err != nil {
			return err
		}
	}
	return enc.EncodeToken(start.End())
}

// build returns d as a tree of UBL elements.
func build(d Document) *elem {
	credit := d.Kind == CreditNoteKind
	root := &elem{name: "Invoice"}
	ns := nsInvoice
	if credit {
		root.name, ns = "CreditNote", nsCreditNote
	}
	root.attrs = []xml.Attr{
		{Name: xml.Name{Local: "xmlns"}, Value: ns},
		{Name: xml.Name{Local: "xmlns:cac"}, Value: nsCAC},
		{Name: xml.Name{Local: "xmlns:cbc"}, Value: nsCBC},
	}
	cust, prof, code := d.CustomizationID, d.ProfileID, d.TypeCode
	if cust == "" {
		cust = CustomizationID
	}
	if prof == "" {
		prof = ProfileID
	}
	if code == "" {
		code = "380"
		if credit {
			code = "381"
		}
	}
	root.add("cbc:CustomizationID", cust)
	root.add("cbc:ProfileID", prof)
	root.add("cbc:ID", d.ID)
	root.date("cbc:IssueDate", d.IssueDate)
	if credit {
		root.date("cbc:TaxPointDate", d.TaxPointDate)
		root.add("cbc:CreditNoteTypeCode", code)
	} else {
		root.date("cbc:DueDate", d.DueDate)
		root.add("cbc:InvoiceTypeCode", code)
	}
	for _, n := range d.Notes {
		root.add("cbc:Note", n)
	}
	if !credit {
		root.date("cbc:TaxPointDate", d.TaxPointDate)
	}
	if !d.Currency.IsZero() {
		root.add("cbc:DocumentCurrencyCode", d.Currency.String())
	}
	if !d.TaxCurrency.IsZero() {
		root.add("cbc:TaxCurrencyCode", d.TaxCurrency.String())
	}
	root.add("cbc:AccountingCost", d.AccountingCost)
	root.add("cbc:BuyerReference", d.BuyerReference)
	period(root, d.Period)
	o := root.group("cac:OrderReference")
	o.add("cbc:ID", d.Order.ID)
	o.add("cbc:SalesOrderID", d.Order.SalesOrderID)
	for _, b := range d.BillingReferences {
		r := root.group("cac:BillingReference").group("cac:InvoiceDocumentReference")
		r.add("cbc:ID", b.ID)
		r.date("cbc:IssueDate", b.IssueDate)
	}
	if d.Contract != "" {
		root.group("cac:ContractDocumentReference").add("cbc:ID", d.Contract)
	}
	for _, a := range d.Documents {
		r := root.group("cac:AdditionalDocumentReference")
		r.id("cbc:ID", a.ID)
		r.add("cbc:DocumentTypeCode", a.TypeCode)
		r.add("cbc:DocumentDescription", a.Description)
		if a.URI != "" {
			r.group("cac:Attachment").group("cac:ExternalReference").add("cbc:URI", a.URI)
		}
	}
	party(root.group("cac:AccountingSupplierParty").group("cac:Party"), d.Seller)
	party(root.group("cac:AccountingCustomerParty").group("cac:Party"), d.Buyer)
	dl := root.group("cac:Delivery")
	dl.date("cbc:ActualDeliveryDate", d.Delivery.Date)
	loc := dl.group("cac:DeliveryLocation")
	loc.id("cbc:ID", d.Delivery.Location)
	address(loc, "cac:Address", d.Delivery.Address)
	dl.group("cac:DeliveryParty").group("cac:PartyName").add("cbc:Name", d.Delivery.PartyName)
	for _, p := range d.PaymentMeans {
		m := root.group("cac:PaymentMeans")
		m.add("cbc:PaymentMeansCode", p.Code, "name", p.Name)
		m.date("cbc:PaymentDueDate", p.DueDate)
		m.add("cbc:PaymentID", p.PaymentID)
		a := m.group("cac:PayeeFinancialAccount")
		a.add("cbc:ID", p.Account.ID)
		a.add("cbc:Name", p.Account.Name)
		a.group("cac:FinancialInstitutionBranch").add("cbc:ID", p.Account.Branch)
	}
	if d.PaymentTerms != "" {
		root.group("cac:PaymentTerms").add("cbc:Note", d.PaymentTerms)
	}
	for _, a := range d.AllowanceCharges {
		allowance(root, a)
	}
	tt := root.group("cac:TaxTotal")
	tt.money("cbc:TaxAmount", d.Tax)
	for _, s := range d.TaxSubtotals {
		st := tt.group("cac:TaxSubtotal")
		st.money("cbc:TaxableAmount", s.Taxable)
		st.money("cbc:TaxAmount", s.Tax)
		category(st, "cac:TaxCategory", s.Category)
	}
	if !d.TaxInTaxCurrency.IsZero() {
		root.group("cac:TaxTotal").money("cbc:TaxAmount", d.TaxInTaxCurrency)
	}
	t := root.group("cac:LegalMonetaryTotal")
	t.money("cbc:LineExtensionAmount", d.Totals.LineExtension)
	t.money("cbc:TaxExclusiveAmount", d.Totals.TaxExclusive)
	t.money("cbc:TaxInclusiveAmount", d.Totals.TaxInclusive)
	t.money("cbc:AllowanceTotalAmount", d.Totals.Allowances)
	t.money("cbc:ChargeTotalAmount", d.Totals.Charges)
	t.money("cbc:PrepaidAmount", d.Totals.Prepaid)
	t.money("cbc:PayableRoundingAmount", d.Totals.Rounding)
	t.money("cbc:PayableAmount", d.Totals.Payable)
	lineName, qtyName := "cac:InvoiceLine", "cbc:InvoicedQuantity"
	if credit {
		lineName, qtyName = "cac:CreditNoteLine", "cbc:CreditedQuantity"
	}
	for _, l := range d.Lines {
		x := root.group(lineName)
		x.add("cbc:ID", l.ID)
		x.add("cbc:Note", l.Note)
		x.add(qtyName, l.Quantity.String(), "unitCode", l.UnitCode)
		x.money("cbc:LineExtensionAmount", l.Net)
		x.add("cbc:AccountingCost", l.AccountingCost)
		period(x, l.Period)
		x.group("cac:OrderLineReference").add("cbc:LineID", l.OrderLineID)
		for _, a := range l.AllowanceCharges {
			allowance(x, a)
		}
		it := x.group("cac:Item")
		it.add("cbc:Description", l.Item.Description)
		it.add("cbc:Name", l.Item.Name)
		it.group("cac:SellersItemIdentification").add("cbc:ID", l.Item.SellersID)
		it.group("cac:StandardItemIdentification").id("cbc:ID", l.Item.StandardID)
		it.group("cac:OriginCountry").add("cbc:IdentificationCode", l.Item.OriginCountry)
		for _, c := range l.Item.Classifications {
			it.group("cac:CommodityClassification").add("cbc:ItemClassificationCode", c.Code,
				"listID", c.ListID, "listVersionID", c.ListVersionID)
		}
		category(it, "cac:ClassifiedTaxCategory", l.Item.Category)
		for _, p := range l.Item.Properties {
			ap := it.group("cac:AdditionalItemProperty")
			ap.add("cbc:Name", p.Name)
			ap.add("cbc:Value", p.Value)
		}
		pr := x.group("cac:Price")
		pr.money("cbc:PriceAmount", l.Price.Amount)
		if !l.Price.BaseQuantity.IsZero() {
			pr.add("cbc:BaseQuantity", l.Price.BaseQuantity.String(), "unitCode", l.Price.BaseUnitCode)
		}
		if !l.Price.Discount.IsZero() || !l.Price.Gross.IsZero() {
			pa := pr.group("cac:AllowanceCharge")
			pa.add("cbc:ChargeIndicator", "false")
			pa.money("cbc:Amount", l.Price.Discount)
			pa.money("cbc:BaseAmount", l.Price.Gross)
		}
	}
	return root
}

func period(e *elem, p Period) {
	g := e.group("cac:InvoicePeriod")
	g.date("cbc:StartDate", p.Start)
	g.date("cbc:EndDate", p.End)
}

func party(e *elem, p Party) {
	e.id("cbc:EndpointID", p.Endpoint)
	for _, i := range p.Identifiers {
		e.group("cac:PartyIdentification").id("cbc:ID", i)
	}
	e.group("cac:PartyName").add("cbc:Name", p.TradingName)
	address(e, "cac:PostalAddress", p.Address)
	taxScheme(e, p.VATID, "VAT")
	taxScheme(e, p.TaxRegistrationID, "TAX")
	le := e.group("cac:PartyLegalEntity")
	le.add("cbc:RegistrationName", p.LegalName)
	le.id("cbc:CompanyID", p.LegalID)
	le.add("cbc:CompanyLegalForm", p.LegalForm)
	c := e.group("cac:Contact")
	c.add("cbc:Name", p.Contact.Name)
	c.add("cbc:Telephone", p.Contact.Phone)
	c.add("cbc:ElectronicMail", p.Contact.Email)
}

func taxScheme(e *elem, id, scheme string) {
	if id == "" {
		return
	}
	g := e.group("cac:PartyTaxScheme")
	g.add("cbc:CompanyID", id)
	g.group("cac:TaxScheme").add("cbc:ID", scheme)
}

func address(e *elem, name string, a Address) {
	g := e.group(name)
	g.add("cbc:StreetName", a.Street)
	g.add("cbc:AdditionalStreetName", a.AdditionalStreet)
	g.add("cbc:CityName", a.City)
	g.add("cbc:PostalZone", a.PostalZone)
	g.add("cbc:CountrySubentity", a.CountrySubentity)
	g.group("cac:AddressLine").add("cbc:Line", a.Line)
	g.group("cac:Country").add("cbc:IdentificationCode", a.Country)
}

func allowance(e *elem, a AllowanceCharge) {
	g := e.group("cac:AllowanceCharge")
	ind := "false"
	if a.Charge {
		ind = "true"
	}
	g.add("cbc:ChargeIndicator", ind)
	g.add("cbc:AllowanceChargeReasonCode", a.ReasonCode)
	g.add("cbc:AllowanceChargeReason", a.Reason)
	if !a.Percent.IsZero() {
		g.add("cbc:MultiplierFactorNumeric", a.Percent.String())
	}
	g.money("cbc:Amount", a.Amount)
	g.money("cbc:BaseAmount", a.BaseAmount)
	if a.Category.Code != "" {
		category(g, "cac:TaxCategory", a.Category)
	}
}

func category(e *elem, name string, c TaxCategory) {
	g := e.group(name)
	g.add("cbc:ID", string(c.Code))
	if c.Code != OutsideScope && c.Code != "" {
		g.add("cbc:Percent", c.Percent.String())
	}
	g.add("cbc:TaxExemptionReasonCode", c.ExemptionCode)
	g.add("cbc:TaxExemptionReason", c.ExemptionReason)
	g.group("cac:TaxScheme").add("cbc:ID", "VAT")
}
