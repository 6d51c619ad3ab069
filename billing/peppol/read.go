package peppol

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"golang.org/x/text/currency"
)

// MaxDocumentBytes is the largest document [Read] reads: 16 MiB.
const MaxDocumentBytes = 16 << 20

// maxDepth is the deepest element Read keeps; the deepest the model
// carries is the root's sixth level (a line's item's tax category's
// scheme's ID).
const maxDepth = 8

// known are the elements the model carries, by namespace, each name
// interned once; Read skips every other element without keeping it.
var known = func() map[string]map[string]string {
	cbc := []string{"CustomizationID", "ProfileID", "ID", "IssueDate", "DueDate", "InvoiceTypeCode",
		"CreditNoteTypeCode", "Note", "TaxPointDate", "DocumentCurrencyCode", "TaxCurrencyCode", "AccountingCost",
		"BuyerReference", "StartDate", "EndDate", "SalesOrderID", "DocumentTypeCode", "DocumentDescription", "URI",
		"EndpointID", "Name", "StreetName", "AdditionalStreetName", "CityName", "PostalZone", "CountrySubentity",
		"Line", "IdentificationCode", "CompanyID", "RegistrationName", "CompanyLegalForm", "Telephone",
		"ElectronicMail", "ActualDeliveryDate", "PaymentMeansCode", "PaymentDueDate", "PaymentID",
		"ChargeIndicator", "AllowanceChargeReasonCode", "AllowanceChargeReason", "MultiplierFactorNumeric",
		"Amount", "BaseAmount", "Percent", "TaxExemptionReasonCode", "TaxExemptionReason", "TaxAmount",
		"TaxableAmount", "LineExtensionAmount", "TaxExclusiveAmount", "TaxInclusiveAmount", "AllowanceTotalAmount",
		"ChargeTotalAmount", "PrepaidAmount", "PayableRoundingAmount", "PayableAmount", "InvoicedQuantity",
		"CreditedQuantity", "LineID", "Description", "ItemClassificationCode", "Value", "PriceAmount", "BaseQuantity"}
	cac := []string{"InvoicePeriod", "OrderReference", "BillingReference", "InvoiceDocumentReference",
		"ContractDocumentReference", "AdditionalDocumentReference", "Attachment", "ExternalReference",
		"AccountingSupplierParty", "AccountingCustomerParty", "Party", "PartyIdentification", "PartyName",
		"PostalAddress", "AddressLine", "Country", "PartyTaxScheme", "TaxScheme", "PartyLegalEntity", "Contact",
		"Delivery", "DeliveryLocation", "Address", "DeliveryParty", "PaymentMeans", "PayeeFinancialAccount",
		"FinancialInstitutionBranch", "PaymentTerms", "AllowanceCharge", "TaxCategory", "TaxTotal", "TaxSubtotal",
		"LegalMonetaryTotal", "InvoiceLine", "CreditNoteLine", "OrderLineReference", "Item",
		"SellersItemIdentification", "StandardItemIdentification", "OriginCountry", "CommodityClassification",
		"ClassifiedTaxCategory", "AdditionalItemProperty", "Price"}
	m := map[string]map[string]string{nsCBC: {}, nsCAC: {}}
	for _, n := range cbc {
		m[nsCBC][n] = "cbc:" + n
	}
	for _, n := range cac {
		m[nsCAC][n] = "cac:" + n
	}
	return m
}()

// Read reads one UBL 2.1 Invoice or CreditNote, as Peppol BIS Billing 3.0
// writes them, into a [Document]. It keeps the elements the model
// carries (see [Document]) and skips the others without keeping them:
// UBL extensions, a payee party, a tax representative, project, despatch
// and receipt references, embedded attachments, payment mandates and card
// accounts, a line's object identifier and buyer's item identifier.
// Elements left empty are dropped (Peppol allows none,
// PEPPOL-EN16931-R008).
//
// Read is bounded for untrusted input: it reads at most
// [MaxDocumentBytes], refuses input that averages fewer than 8 bytes per
// tag (no UBL element is shorter than "<cbc:ID>") and nesting deeper than
// 64, and allocates at most 16 bytes per input byte plus 64 KiB. Every
// problem is returned at once in a [*contract.ValidationError], at most
// 100: input that is not well-formed XML, too large, too dense or too
// deep, or whose root is not a UBL Invoice or CreditNote is one problem
// at path "" (rule "xml", "max", "too_dense", "too_deep" or "root")
// wrapping [ErrSyntax]; a value that does not read (a date "2017-13-01",
// an amount "1,5", an amount whose currencyID is not the document's) is a
// problem at its field's JSON path ("lines[0].net_amount"
// "currency_mismatch"), and a line without what Peppol requires of every
// line (ID, quantity, net amount, item name, VAT category, price) is
// reported ("lines[1].price.amount" "required") and left out, both
// wrapping [ErrInvalid]. No message quotes the input. Read does not check
// the business rules: call [Document.Check].
func Read(r io.Reader) (Document, error) {
	root, err := parse(r)
	if err != nil {
		return Document{}, err
	}
	var rd reader
	d := rd.document(root)
	if err := rd.ps.Err("read document", ErrInvalid); err != nil {
		return Document{}, err
	}
	return d, nil
}

func syntaxError(rule, param string) error {
	var ps contract.Problems
	ps.Add("", rule, param)
	return ps.Err("read document", ErrSyntax)
}

// minTagBytes is the fewest bytes per tag ("<") Read accepts, on
// average over the document: every UBL element is at least
// "<cbc:ID>" (8 bytes) and its end tag "</cbc:ID>" (9 bytes). Denser
// input is refused before it is decoded, which keeps the decoder's cost
// per tag within the allocation bound.
const minTagBytes = 8

// open is an element being read: its name as written, the namespace
// bindings it declared, and its node if the model keeps it.
type open struct {
	prefix, local string
	name          string
	attrs         []xml.Attr
	bindings      int
	node          *elem
	skip          bool
}

// materialize returns o's node, made on first need: an empty element
// costs no node.
func (o *open) materialize() *elem {
	if o.node == nil {
		e := &elem{name: o.name}
		for _, a := range o.attrs {
			switch a.Name.Local {
			case "schemeID", "currencyID", "unitCode", "listID", "listVersionID", "name":
				if a.Name.Space == "" && a.Value != "" {
					e.attrs = append(e.attrs, xml.Attr{Name: xml.Name{Local: a.Name.Local}, Value: a.Value})
				}
			}
		}
		o.node = e
	}
	return o.node
}

// maxNesting is the deepest nesting Read accepts at all; UBL needs a
// dozen levels at most.
const maxNesting = 64

// binding is one namespace declaration in scope.
type binding struct{ prefix, uri string }

// parse reads the elements the model knows into a tree, dropping empty
// ones (Peppol allows none, PEPPOL-EN16931-R008). It resolves namespaces
// itself over the decoder's raw tokens, which cost half as much as
// resolved ones, and checks that end tags match.
func parse(r io.Reader) (*elem, error) {
	if r == nil {
		return nil, syntaxError("xml", "")
	}
	in, err := io.ReadAll(io.LimitReader(r, MaxDocumentBytes+1))
	if err != nil {
		return nil, syntaxError("xml", "")
	}
	if len(in) > MaxDocumentBytes {
		return nil, syntaxError("max", strconv.Itoa(MaxDocumentBytes))
	}
	if bytes.Count(in, []byte("<"))*minTagBytes > len(in)+64 {
		return nil, syntaxError("too_dense", "")
	}
	dec := xml.NewDecoder(bytes.NewReader(in))
	var root *elem
	var stack []open
	var ns []binding
	var text []byte
	resolve := func(prefix string) string {
		for i := len(ns) - 1; i >= 0; i-- {
			if ns[i].prefix == prefix {
				return ns[i].uri
			}
		}
		return ""
	}
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, syntaxError("xml", "")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root != nil && len(stack) == 0 {
				return nil, syntaxError("xml", "") // a second root
			}
			if len(stack) >= maxNesting {
				return nil, syntaxError("too_deep", strconv.Itoa(maxNesting))
			}
			o := open{prefix: t.Name.Space, local: t.Name.Local}
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					ns = append(ns, binding{"", a.Value})
					o.bindings++
				case a.Name.Space == "xmlns":
					ns = append(ns, binding{a.Name.Local, a.Value})
					o.bindings++
				}
			}
			space := resolve(o.prefix)
			if root == nil {
				switch {
				case space == nsInvoice && o.local == "Invoice":
					root = &elem{name: "Invoice"}
				case space == nsCreditNote && o.local == "CreditNote":
					root = &elem{name: "CreditNote"}
				default:
					return nil, syntaxError("root", "Invoice CreditNote")
				}
				o.node = root
				stack = append(stack, o)
				continue
			}
			parent := stack[len(stack)-1]
			name, ok := known[space][o.local]
			if parent.skip || !ok || len(stack) >= maxDepth {
				o.skip = true
				stack = append(stack, o)
				continue
			}
			o.name, o.attrs = name, t.Attr
			stack = append(stack, o)
			text = text[:0]
		case xml.CharData:
			if len(stack) > 0 && !stack[len(stack)-1].skip {
				text = append(text, t...)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, syntaxError("xml", "")
			}
			o := stack[len(stack)-1]
			if o.prefix != t.Name.Space || o.local != t.Name.Local {
				return nil, syntaxError("xml", "")
			}
			stack = stack[:len(stack)-1]
			ns = ns[:len(ns)-o.bindings]
			if o.skip || o.node == root {
				text = text[:0]
				continue
			}
			if o.node == nil {
				if t := bytes.TrimSpace(text); len(t) > 0 {
					o.materialize().text = string(t)
				}
			}
			text = text[:0]
			if o.node != nil {
				p := stack[len(stack)-1].materialize()
				p.kids = append(p.kids, o.node)
			}
		}
	}
	if root == nil || len(stack) != 0 {
		return nil, syntaxError("xml", "")
	}
	return root, nil
}

// child returns e's first child called name, or nil; nil has no
// children.
func (e *elem) child(name string) *elem {
	if e == nil {
		return nil
	}
	for _, k := range e.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// all returns e's children called name.
func (e *elem) all(name string) []*elem {
	if e == nil {
		return nil
	}
	n := 0
	for _, k := range e.kids {
		if k.name == name {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]*elem, 0, n)
	for _, k := range e.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

// at follows a path of child names and returns the last one's text.
func (e *elem) at(names ...string) string {
	for _, n := range names {
		e = e.child(n)
	}
	if e == nil {
		return ""
	}
	return e.text
}

func (e *elem) attr(name string) string {
	if e == nil {
		return ""
	}
	for _, a := range e.attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// reader maps the tree onto a Document, collecting problems.
type reader struct {
	ps      contract.Problems
	cur     currency.Unit
	taxCur  currency.Unit
	hasCur  bool
	hasTaxC bool
}

// maxProblems is the most problems Read reports; it stops reading
// there.
const maxProblems = 100

func (rd *reader) add(path, rule, param string) {
	if rd.ps.Len() < maxProblems {
		rd.ps.Add(path, rule, param)
	}
}

// full reports whether Read has found all the problems it reports.
func (rd *reader) full() bool { return rd.ps.Len() >= maxProblems }

func (rd *reader) date(path string, e *elem) contract.Date {
	if e == nil || e.text == "" {
		return contract.Date{}
	}
	d, err := contract.ParseDate(e.text)
	if err != nil {
		rd.add(path, "date", "")
	}
	return d
}

func (rd *reader) decimal(path string, e *elem) contract.Decimal {
	if e == nil || e.text == "" {
		return contract.Decimal{}
	}
	d, err := money.ParseDecimal(e.text)
	if err != nil {
		rd.add(path, "decimal", "")
	}
	return contract.Dec(d)
}

// money reads an amount; its currencyID must be the document currency,
// or the tax currency when tax is set.
func (rd *reader) money(path string, e *elem, tax bool) contract.Money {
	if e == nil || e.text == "" {
		return contract.Money{}
	}
	u, err := currency.ParseISO(e.attr("currencyID"))
	if err != nil {
		rd.add(path, "currency", "")
		return contract.Money{}
	}
	want, ok := rd.cur, rd.hasCur
	if tax {
		want, ok = rd.taxCur, rd.hasTaxC
	}
	if ok && u != want {
		rd.add(path, "currency_mismatch", want.String())
	}
	d, err := money.ParseDecimal(e.text)
	if err != nil {
		rd.add(path, "decimal", "")
		return contract.Money{}
	}
	return contract.NewMoney(d, u)
}

func (rd *reader) currency(path string, e *elem) (contract.Currency, currency.Unit, bool) {
	if e == nil || e.text == "" {
		return contract.Currency{}, currency.Unit{}, false
	}
	u, err := currency.ParseISO(e.text)
	if err != nil {
		rd.add(path, "currency", "")
		return contract.Currency{}, currency.Unit{}, false
	}
	return contract.CurrencyOf(u), u, true
}

func identifier(e *elem) Identifier {
	if e == nil {
		return Identifier{}
	}
	return Identifier{ID: e.text, Scheme: e.attr("schemeID")}
}

func (rd *reader) document(root *elem) Document {
	d := Document{Kind: InvoiceKind, TypeCode: root.at("cbc:InvoiceTypeCode")}
	lineName, qtyName := "cac:InvoiceLine", "cbc:InvoicedQuantity"
	if root.name == "CreditNote" {
		d.Kind, d.TypeCode = CreditNoteKind, root.at("cbc:CreditNoteTypeCode")
		lineName, qtyName = "cac:CreditNoteLine", "cbc:CreditedQuantity"
	}
	d.Currency, rd.cur, rd.hasCur = rd.currency("currency", root.child("cbc:DocumentCurrencyCode"))
	d.TaxCurrency, rd.taxCur, rd.hasTaxC = rd.currency("tax_currency", root.child("cbc:TaxCurrencyCode"))
	d.CustomizationID = root.at("cbc:CustomizationID")
	d.ProfileID = root.at("cbc:ProfileID")
	d.ID = root.at("cbc:ID")
	d.IssueDate = rd.date("issue_date", root.child("cbc:IssueDate"))
	d.DueDate = rd.date("due_date", root.child("cbc:DueDate"))
	if notes := root.all("cbc:Note"); len(notes) > 0 {
		d.Notes = make([]string, len(notes))
		for i, n := range notes {
			d.Notes[i] = n.text
		}
	}
	d.TaxPointDate = rd.date("tax_point_date", root.child("cbc:TaxPointDate"))
	d.AccountingCost = root.at("cbc:AccountingCost")
	d.BuyerReference = root.at("cbc:BuyerReference")
	d.Period = rd.period("period", root.child("cac:InvoicePeriod"))
	d.Order = OrderReference{ID: root.at("cac:OrderReference", "cbc:ID"), SalesOrderID: root.at("cac:OrderReference", "cbc:SalesOrderID")}
	for i, b := range root.all("cac:BillingReference") {
		r := b.child("cac:InvoiceDocumentReference")
		d.BillingReferences = append(d.BillingReferences, BillingReference{ID: r.at("cbc:ID"),
			IssueDate: rd.date("billing_references["+strconv.Itoa(i)+"].issue_date", r.child("cbc:IssueDate"))})
	}
	d.Contract = root.at("cac:ContractDocumentReference", "cbc:ID")
	for _, a := range root.all("cac:AdditionalDocumentReference") {
		d.Documents = append(d.Documents, DocumentReference{ID: identifier(a.child("cbc:ID")),
			TypeCode: a.at("cbc:DocumentTypeCode"), Description: a.at("cbc:DocumentDescription"),
			URI: a.at("cac:Attachment", "cac:ExternalReference", "cbc:URI")})
	}
	d.Seller = readParty(root.child("cac:AccountingSupplierParty").child("cac:Party"))
	d.Buyer = readParty(root.child("cac:AccountingCustomerParty").child("cac:Party"))
	dl := root.child("cac:Delivery")
	d.Delivery = Delivery{Date: rd.date("delivery.date", dl.child("cbc:ActualDeliveryDate")),
		Location:  identifier(dl.child("cac:DeliveryLocation").child("cbc:ID")),
		Address:   readAddress(dl.child("cac:DeliveryLocation").child("cac:Address")),
		PartyName: dl.at("cac:DeliveryParty", "cac:PartyName", "cbc:Name")}
	for i, m := range root.all("cac:PaymentMeans") {
		a := m.child("cac:PayeeFinancialAccount")
		d.PaymentMeans = append(d.PaymentMeans, PaymentMeans{Code: m.at("cbc:PaymentMeansCode"),
			Name:      m.child("cbc:PaymentMeansCode").attr("name"),
			DueDate:   rd.date("payment_means["+strconv.Itoa(i)+"].due_date", m.child("cbc:PaymentDueDate")),
			PaymentID: m.at("cbc:PaymentID"),
			Account:   FinancialAccount{ID: a.at("cbc:ID"), Name: a.at("cbc:Name"), Branch: a.at("cac:FinancialInstitutionBranch", "cbc:ID")}})
	}
	d.PaymentTerms = root.at("cac:PaymentTerms", "cbc:Note")
	for i, a := range root.all("cac:AllowanceCharge") {
		if rd.full() {
			break
		}
		d.AllowanceCharges = append(d.AllowanceCharges, rd.allowance("allowance_charges["+strconv.Itoa(i)+"]", a))
	}
	for _, t := range root.all("cac:TaxTotal") {
		subs := t.all("cac:TaxSubtotal")
		if len(subs) == 0 && rd.hasTaxC && t.child("cbc:TaxAmount").attr("currencyID") == d.TaxCurrency.String() {
			d.TaxInTaxCurrency = rd.money("tax_in_tax_currency", t.child("cbc:TaxAmount"), true)
			continue
		}
		d.Tax = rd.money("tax_amount", t.child("cbc:TaxAmount"), false)
		for i, s := range subs {
			p := "tax_subtotals[" + strconv.Itoa(i) + "]"
			d.TaxSubtotals = append(d.TaxSubtotals, TaxSubtotal{
				Taxable:  rd.money(p+".taxable_amount", s.child("cbc:TaxableAmount"), false),
				Tax:      rd.money(p+".tax_amount", s.child("cbc:TaxAmount"), false),
				Category: rd.category(p+".category", s.child("cac:TaxCategory"))})
		}
	}
	t := root.child("cac:LegalMonetaryTotal")
	d.Totals = Totals{
		LineExtension: rd.money("totals.line_extension_amount", t.child("cbc:LineExtensionAmount"), false),
		TaxExclusive:  rd.money("totals.tax_exclusive_amount", t.child("cbc:TaxExclusiveAmount"), false),
		TaxInclusive:  rd.money("totals.tax_inclusive_amount", t.child("cbc:TaxInclusiveAmount"), false),
		Allowances:    rd.money("totals.allowance_total", t.child("cbc:AllowanceTotalAmount"), false),
		Charges:       rd.money("totals.charge_total", t.child("cbc:ChargeTotalAmount"), false),
		Prepaid:       rd.money("totals.prepaid_amount", t.child("cbc:PrepaidAmount"), false),
		Rounding:      rd.money("totals.rounding_amount", t.child("cbc:PayableRoundingAmount"), false),
		Payable:       rd.money("totals.payable_amount", t.child("cbc:PayableAmount"), false),
	}
	for i, x := range root.all(lineName) {
		if rd.full() {
			break
		}
		p := "lines[" + strconv.Itoa(i) + "]"
		// A line without what Peppol requires of every line (BT-126,
		// BT-129, BT-131, BT-146, BT-151, BT-153) is reported, not kept.
		complete := true
		for _, req := range [...]struct {
			path string
			elem []string
		}{
			{"id", []string{"cbc:ID"}}, {"quantity", []string{qtyName}}, {"net_amount", []string{"cbc:LineExtensionAmount"}},
			{"item.name", []string{"cac:Item", "cbc:Name"}}, {"item.category.code", []string{"cac:Item", "cac:ClassifiedTaxCategory", "cbc:ID"}},
			{"price.amount", []string{"cac:Price", "cbc:PriceAmount"}},
		} {
			if x.at(req.elem...) == "" {
				rd.add(p+"."+req.path, "required", "")
				complete = false
			}
		}
		if complete {
			d.Lines = append(d.Lines, rd.line(p, x, qtyName))
		}
	}
	return d
}

func (rd *reader) line(p string, x *elem, qtyName string) Line {
	l := Line{ID: x.at("cbc:ID"), Note: x.at("cbc:Note"),
		Quantity:       rd.decimal(p+".quantity", x.child(qtyName)),
		UnitCode:       x.child(qtyName).attr("unitCode"),
		Net:            rd.money(p+".net_amount", x.child("cbc:LineExtensionAmount"), false),
		AccountingCost: x.at("cbc:AccountingCost"),
		Period:         rd.period(p+".period", x.child("cac:InvoicePeriod")),
		OrderLineID:    x.at("cac:OrderLineReference", "cbc:LineID")}
	for j, a := range x.all("cac:AllowanceCharge") {
		if rd.full() {
			break
		}
		l.AllowanceCharges = append(l.AllowanceCharges, rd.allowance(p+".allowance_charges["+strconv.Itoa(j)+"]", a))
	}
	it := x.child("cac:Item")
	l.Item = Item{Name: it.at("cbc:Name"), Description: it.at("cbc:Description"),
		SellersID:     it.at("cac:SellersItemIdentification", "cbc:ID"),
		StandardID:    identifier(it.child("cac:StandardItemIdentification").child("cbc:ID")),
		OriginCountry: it.at("cac:OriginCountry", "cbc:IdentificationCode"),
		Category:      rd.category(p+".item.category", it.child("cac:ClassifiedTaxCategory"))}
	for _, c := range it.all("cac:CommodityClassification") {
		k := c.child("cbc:ItemClassificationCode")
		l.Item.Classifications = append(l.Item.Classifications, Classification{Code: k.at(), ListID: k.attr("listID"), ListVersionID: k.attr("listVersionID")})
	}
	for _, a := range it.all("cac:AdditionalItemProperty") {
		l.Item.Properties = append(l.Item.Properties, Property{Name: a.at("cbc:Name"), Value: a.at("cbc:Value")})
	}
	pr := x.child("cac:Price")
	l.Price = Price{Amount: rd.money(p+".price.amount", pr.child("cbc:PriceAmount"), false),
		BaseQuantity: rd.decimal(p+".price.base_quantity", pr.child("cbc:BaseQuantity")),
		BaseUnitCode: pr.child("cbc:BaseQuantity").attr("unitCode"),
		Discount:     rd.money(p+".price.discount", pr.child("cac:AllowanceCharge").child("cbc:Amount"), false),
		Gross:        rd.money(p+".price.gross", pr.child("cac:AllowanceCharge").child("cbc:BaseAmount"), false)}
	return l
}

func (rd *reader) period(p string, e *elem) Period {
	return Period{Start: rd.date(p+".start", e.child("cbc:StartDate")), End: rd.date(p+".end", e.child("cbc:EndDate"))}
}

func (rd *reader) allowance(p string, a *elem) AllowanceCharge {
	x := AllowanceCharge{ReasonCode: a.at("cbc:AllowanceChargeReasonCode"), Reason: a.at("cbc:AllowanceChargeReason"),
		Percent:    rd.decimal(p+".percent", a.child("cbc:MultiplierFactorNumeric")),
		Amount:     rd.money(p+".amount", a.child("cbc:Amount"), false),
		BaseAmount: rd.money(p+".base_amount", a.child("cbc:BaseAmount"), false)}
	switch strings.TrimSpace(a.at("cbc:ChargeIndicator")) {
	case "true":
		x.Charge = true
	case "false":
	default:
		rd.add(p+".charge", "boolean", "")
	}
	if c := a.child("cac:TaxCategory"); c != nil {
		x.Category = rd.category(p+".category", c)
	}
	return x
}

func (rd *reader) category(p string, c *elem) TaxCategory {
	return TaxCategory{Code: VATCategory(c.at("cbc:ID")), Percent: rd.decimal(p+".percent", c.child("cbc:Percent")),
		ExemptionCode: c.at("cbc:TaxExemptionReasonCode"), ExemptionReason: c.at("cbc:TaxExemptionReason")}
}

func readParty(e *elem) Party {
	p := Party{Endpoint: identifier(e.child("cbc:EndpointID")),
		TradingName: e.at("cac:PartyName", "cbc:Name"),
		Address:     readAddress(e.child("cac:PostalAddress")),
		LegalName:   e.at("cac:PartyLegalEntity", "cbc:RegistrationName"),
		LegalID:     identifier(e.child("cac:PartyLegalEntity").child("cbc:CompanyID")),
		LegalForm:   e.at("cac:PartyLegalEntity", "cbc:CompanyLegalForm"),
		Contact: Contact{Name: e.at("cac:Contact", "cbc:Name"), Phone: e.at("cac:Contact", "cbc:Telephone"),
			Email: e.at("cac:Contact", "cbc:ElectronicMail")}}
	for _, i := range e.all("cac:PartyIdentification") {
		p.Identifiers = append(p.Identifiers, identifier(i.child("cbc:ID")))
	}
	for _, t := range e.all("cac:PartyTaxScheme") {
		if strings.EqualFold(t.at("cac:TaxScheme", "cbc:ID"), "VAT") {
			p.VATID = t.at("cbc:CompanyID")
		} else {
			p.TaxRegistrationID = t.at("cbc:CompanyID")
		}
	}
	return p
}

func readAddress(e *elem) Address {
	return Address{Street: e.at("cbc:StreetName"), AdditionalStreet: e.at("cbc:AdditionalStreetName"),
		City: e.at("cbc:CityName"), PostalZone: e.at("cbc:PostalZone"), CountrySubentity: e.at("cbc:CountrySubentity"),
		Line: e.at("cac:AddressLine", "cbc:Line"), Country: e.at("cac:Country", "cbc:IdentificationCode")}
}
