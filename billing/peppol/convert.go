package peppol

import (
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/contract"
)

// Settings is what a host adds to a billing invoice or credit note to send
// it by Peppol: how to pay, the buyer's reference, the unit of the lines
// and the parties' Peppol addresses where they are not their CVR or VAT
// numbers. The zero Settings is valid.
type Settings struct {
	// UnitCode is the UN/ECE Rec. 20 unit of every line; empty means
	// "C62" (one).
	UnitCode string `json:"unit_code,omitempty" validate:"omitempty,max=3,alphanum"`
	// BuyerReference is the buyer's reference (BT-10); Peppol requires it
	// or an order reference (PEPPOL-EN16931-R003). Empty means the
	// buyer's CVR or VAT number.
	BuyerReference string `json:"buyer_reference,omitempty" validate:"max=200"`
	// PaymentMeans are the ways to pay, such as
	// {Code: "58", Account: {ID: "DK5000400440116243"}} for a SEPA credit
	// transfer to an IBAN. A payment reference left empty is the invoice
	// number.
	PaymentMeans []PaymentMeans `json:"payment_means,omitempty" validate:"dive"`
	// PaymentTerms is the payment terms' text (BT-20); empty means
	// "Net 30 days, due YYYY-MM-DD" with the invoice's due date and term.
	PaymentTerms string `json:"payment_terms,omitempty" validate:"max=500"`
	// SellerEndpoint and BuyerEndpoint override the parties' Peppol
	// addresses, which are otherwise the CVR number (scheme 0184) or the
	// VAT number with its country's scheme (DE: 9930).
	SellerEndpoint Identifier `json:"seller_endpoint,omitzero"`
	BuyerEndpoint  Identifier `json:"buyer_endpoint,omitzero"`
}

// FromInvoice returns inv as a Peppol invoice, with billing's exact
// amounts: the lines' net amounts, the VAT summary (VAT rounded per line
// and summed, as billing computes it) and the totals, unchanged. Each of
// billing's allowances (a discount on a line or on the invoice) becomes a
// document-level allowance (reason code 95, discount) of its amount at
// its VAT rate's category, so the breakdown per rate reconciles with
// billing's to the øre; a percentage discount is stated by its amount and
// its description, not as a percentage of a base. An invoice in a foreign
// currency states its VAT also in DKK or EUR as billing computed it
// ([billing.Invoice] TaxCurrencyVAT, momsbekendtgørelsen § 97, stk. 2):
// BT-6 and a second TaxTotal. The VAT
// category follows the invoice's treatment:
//
//   - [billing.DomesticVAT]: S at the line's rate, or Z for a line at 0 %;
//   - [billing.ReverseCharge]: AE with exemption code "VATEX-EU-AE" and
//     the notice as reason;
//   - [billing.Export]: O (the place of supply of the service is outside
//     the EU), with the notice as reason and, as EN 16931 BR-O-02
//     requires, without the parties' VAT numbers.
//
// A Danish party (a CVR number: "43782495" or "DK43782495") is
// identified by its CVR number with scheme 0184 as Peppol address and
// legal registration, and by "DK" + CVR as VAT number; its country is DK
// when the party gives none. The party's one-line address is the street.
// Settings are checked first; every problem, of s or of the document
// (a buyer without CVR or VAT number has no Peppol address:
// "buyer.endpoint" required), comes back at once in a
// [*contract.ValidationError] wrapping [ErrInvalid].
func FromInvoice(inv billing.Invoice, s Settings) (Document, error) {
	return fromBilling(source{kind: InvoiceKind, number: inv.Number, issued: inv.Issued, received: inv.Received, due: inv.Due,
		from: inv.SupplyFrom, to: inv.SupplyTo, seller: inv.Seller, buyer: inv.Buyer, treatment: inv.Treatment,
		notice: inv.Notice, lines: inv.Lines, allowances: inv.Allowances, allowanceTotal: inv.AllowanceTotal, taxVAT: inv.TaxCurrencyVAT,
		summary: inv.VATSummary, net: inv.Net, vat: inv.VAT, total: inv.Total}, s, "from invoice")
}

// source is what a billing invoice or credit note gives a document.
type source struct {
	kind                            Kind
	number                          string
	issued, received, due, from, to contract.Date
	seller, buyer                   contract.Party
	treatment                       billing.VATTreatment
	notice                          string
	lines                           []billing.InvoiceLine
	allowances                      []billing.InvoiceAllowance
	allowanceTotal                  contract.Money
	taxVAT                          contract.Money
	summary                         []billing.VATSummary
	net, vat, total                 contract.Money
	refs                            []BillingReference
}

func fromBilling(src source, s Settings, op string) (Document, error) {
	var ps contract.Problems
	ps.Check("", s)
	if err := ps.Err(op, ErrInvalid); err != nil {
		return Document{}, err
	}
	cur := src.total.Currency()
	d := Document{Kind: src.kind, CustomizationID: CustomizationID, ProfileID: ProfileID, TypeCode: "380",
		ID: src.number, IssueDate: src.issued, DueDate: src.due, Currency: contract.CurrencyOf(cur),
		Period: Period{Start: src.from, End: src.to}, BillingReferences: src.refs}
	if src.kind == CreditNoteKind {
		d.TypeCode, d.DueDate = "381", contract.Date{}
	}
	if src.notice != "" {
		d.Notes = []string{src.notice}
	}
	cat := func(rate contract.Decimal) TaxCategory {
		switch src.treatment {
		case billing.ReverseCharge:
			return TaxCategory{Code: ReverseCharge, ExemptionCode: "VATEX-EU-AE", ExemptionReason: src.notice}
		case billing.Export:
			return TaxCategory{Code: OutsideScope, ExemptionReason: src.notice}
		}
		if rate.IsZero() {
			return TaxCategory{Code: ZeroRated, Percent: rate}
		}
		return TaxCategory{Code: StandardRate, Percent: contract.Dec(rate.Decimal().Mul(hundred))}
	}
	vat := src.treatment != billing.Export
	d.Seller = fromParty(src.seller, s.SellerEndpoint, vat)
	d.Buyer = fromParty(src.buyer, s.BuyerEndpoint, vat)
	d.BuyerReference = s.BuyerReference
	if d.BuyerReference == "" {
		d.BuyerReference = cmpOr(src.buyer.CVR, src.buyer.VATID)
	}
	d.PaymentMeans = make([]PaymentMeans, len(s.PaymentMeans))
	for i, p := range s.PaymentMeans {
		if p.PaymentID == "" {
			p.PaymentID = src.number
		}
		if src.kind == CreditNoteKind && p.DueDate.IsZero() {
			p.DueDate = src.due
		}
		d.PaymentMeans[i] = p
	}
	if len(d.PaymentMeans) == 0 {
		d.PaymentMeans = nil
	}
	d.PaymentTerms = s.PaymentTerms
	if d.PaymentTerms == "" && !src.due.IsZero() && src.kind == InvoiceKind {
		d.PaymentTerms = "Net " + strconv.Itoa(src.received.DaysUntil(src.due)) + " days, due " + src.due.String()
	}
	unit := s.UnitCode
	if unit == "" {
		unit = "C62"
	}
	d.Lines = make([]Line, len(src.lines))
	for i, l := range src.lines {
		d.Lines[i] = Line{ID: strconv.Itoa(i + 1), Quantity: l.Quantity, UnitCode: unit, Net: l.Net,
			Item: Item{Name: l.Description, Category: lineCat(cat(l.VATRate))}, Price: Price{Amount: l.UnitPrice}}
	}
	d.TaxSubtotals = make([]TaxSubtotal, len(src.summary))
	for i, v := range src.summary {
		d.TaxSubtotals[i] = TaxSubtotal{Taxable: v.Net, Tax: v.VAT, Category: cat(v.Rate)}
	}
	if len(src.allowances) > 0 {
		d.AllowanceCharges = make([]AllowanceCharge, len(src.allowances))
		for i, a := range src.allowances {
			d.AllowanceCharges[i] = AllowanceCharge{ReasonCode: "95", Reason: a.Description, Amount: a.Net, Category: lineCat(cat(a.VATRate))}
		}
	}
	d.Tax = src.vat
	lineNet := src.net
	if !src.allowanceTotal.IsZero() {
		lineNet = contract.NewMoney(src.net.Amount().Add(src.allowanceTotal.Amount()), cur)
	}
	d.Totals = Totals{LineExtension: lineNet, TaxExclusive: src.net, TaxInclusive: src.total, Payable: src.total}
	if len(src.allowances) > 0 {
		d.Totals.Allowances = src.allowanceTotal
	}
	if !src.taxVAT.IsZero() {
		d.TaxCurrency, d.TaxInTaxCurrency = contract.CurrencyOf(src.taxVAT.Currency()), src.taxVAT
	}
	if err := d.Check(); err != nil {
		return Document{}, err
	}
	return d, nil
}

// lineCat is c without the exemption reason, which belongs to the VAT
// breakdown, not the line (UBL-CR-600, UBL-CR-601).
func lineCat(c TaxCategory) TaxCategory {
	c.ExemptionCode, c.ExemptionReason = "", ""
	return c
}

// fromParty returns p as a Peppol party; vat says whether its VAT number
// is stated.
func fromParty(p contract.Party, endpoint Identifier, vat bool) Party {
	cvr := strings.TrimPrefix(p.CVR, "DK")
	x := Party{LegalName: p.Name, Address: Address{Street: p.Address, Country: p.Country}}
	if cvr != "" {
		x.LegalID = Identifier{ID: cvr, Scheme: SchemeCVR}
		x.Endpoint = x.LegalID
		if x.Address.Country == "" {
			x.Address.Country = "DK"
		}
	}
	switch {
	case !vat:
	case cvr != "":
		x.VATID = "DK" + cvr
	default:
		x.VATID = p.VATID
	}
	if x.Endpoint.IsZero() && len(p.VATID) > 2 {
		if scheme, ok := vatSchemes[p.VATID[:2]]; ok {
			x.Endpoint = Identifier{ID: p.VATID, Scheme: scheme}
		}
	}
	if !endpoint.IsZero() {
		x.Endpoint = endpoint
	}
	if x.Address.Country == "" && len(p.VATID) > 2 {
		x.Address.Country = strings.Replace(p.VATID[:2], "EL", "GR", 1)
	}
	return x
}

// vatSchemes are the Peppol electronic address schemes (EAS) of the
// member states' VAT numbers, by VAT prefix.
var vatSchemes = map[string]string{
	"AT": "9914", "BE": "9925", "BG": "9926", "CY": "9928", "CZ": "9929", "DE": "9930", "DK": "0198",
	"EE": "9931", "EL": "9933", "ES": "9920", "FI": "0213", "FR": "9957", "HR": "9934", "HU": "9910",
	"IE": "9935", "IT": "0211", "LT": "9937", "LU": "9938", "LV": "9939", "MT": "9943", "NL": "9944",
	"PL": "9945", "PT": "9946", "RO": "9947", "SI": "9949", "SK": "9950",
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// FromCreditNote returns n as a Peppol credit note (UBL CreditNote, type
// code 381) with billing's exact amounts, positive as billing states
// them, and the reference to the invoice it corrects -- its number and
// issue date (BillingReference; momsbekendtgørelsen § 58, stk. 2). The
// parties, VAT categories and settings are as for [FromInvoice]; a
// payment means' due date (BT-9, which a UBL credit note states there)
// is left as the settings give it.
func FromCreditNote(n billing.CreditNote, s Settings) (Document, error) {
	lines := make([]billing.InvoiceLine, len(n.Lines))
	for i, l := range n.Lines {
		lines[i] = l.InvoiceLine
	}
	return fromBilling(source{kind: CreditNoteKind, number: n.Number, issued: n.Issued, seller: n.Seller, buyer: n.Buyer,
		treatment: n.Treatment, notice: n.Notice, lines: lines, summary: n.VATSummary, net: n.Net, vat: n.VAT, total: n.Total,
		refs: []BillingReference{{ID: n.Invoice, IssueDate: n.InvoiceIssued}}}, s, "from credit note")
}
