package peppol

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
)

// CustomizationID is the specification identifier (BT-24) of Peppol BIS
// Billing 3.0, which [Write] puts on a document that has none.
const CustomizationID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"

// ProfileID is the business process (BT-23) of Peppol BIS Billing 3.0.
const ProfileID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"

// SchemeCVR is the Peppol electronic address scheme and ISO 6523 ICD of
// the Danish CVR number: a Danish company is "0184" + "43782495".
const SchemeCVR = "0184"

// Kind says whether a [Document] is an invoice or a credit note. The zero
// Kind is invalid.
type Kind uint8

const (
	// InvoiceKind is a UBL 2.1 Invoice (type code 380 by default).
	InvoiceKind Kind = iota + 1
	// CreditNoteKind is a UBL 2.1 CreditNote (type code 381 by default).
	CreditNoteKind
)

var kindNames = enum.Names{InvoiceKind: "invoice", CreditNoteKind: "credit_note"}

// String returns "invoice" or "credit_note".
func (k Kind) String() string { return enum.String(kindNames, k, "Kind") }

// MarshalText writes the kind's name; Kind(0) is an error.
func (k Kind) MarshalText() ([]byte, error) { return enum.Marshal(kindNames, k, "kind", ErrSyntax) }

// UnmarshalText reads "invoice" or "credit_note".
func (k *Kind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(kindNames, b, k, "kind", ErrSyntax)
}

// VATCategory is a VAT category code of the UNCL5305 subset EN 16931
// allows (BT-118, BT-151), in its own spelling: "S", "Z", "E", "AE", "O",
// "K", "G", "L", "M".
type VATCategory string

const (
	// StandardRate is a taxable supply at a rate above zero ("S").
	StandardRate VATCategory = "S"
	// ZeroRated is a taxable supply at 0 % ("Z").
	ZeroRated VATCategory = "Z"
	// Exempt is a supply exempt from VAT ("E"), with an exemption reason.
	Exempt VATCategory = "E"
	// ReverseCharge is a supply on which the buyer accounts for the VAT
	// ("AE", VAT Directive Art. 196), with exemption reason code
	// "VATEX-EU-AE".
	ReverseCharge VATCategory = "AE"
	// OutsideScope is a supply not subject to VAT ("O"), such as a service
	// whose place of supply is outside the EU. A document with it carries
	// no VAT identifier of seller or buyer (EN 16931 BR-O-02).
	OutsideScope VATCategory = "O"
	// IntraCommunity is an intra-community supply of goods ("K").
	IntraCommunity VATCategory = "K"
	// ExportOutsideEU is a free export item ("G").
	ExportOutsideEU VATCategory = "G"
)

// Identifier is an identifier with its scheme: an electronic address
// {"43782495", "0184"}, a GLN {"5790000435944", "0088"}. Scheme is empty
// where the document gives none.
type Identifier struct {
	ID     string `json:"id"`
	Scheme string `json:"scheme,omitempty"`
}

// IsZero reports whether i has neither identifier nor scheme.
func (i Identifier) IsZero() bool { return i.ID == "" && i.Scheme == "" }

// Address is a postal address (BG-5, BG-8, BG-15). Country is the ISO
// 3166-1 alpha-2 code, required on a party's address.
type Address struct {
	Street           string `json:"street,omitempty"`
	AdditionalStreet string `json:"additional_street,omitempty"`
	City             string `json:"city,omitempty"`
	PostalZone       string `json:"postal_zone,omitempty"`
	CountrySubentity string `json:"country_subentity,omitempty"`
	Line             string `json:"line,omitempty"`
	Country          string `json:"country,omitempty"`
}

// Contact is a party's contact point (BG-6, BG-9).
type Contact struct {
	Name  string `json:"name,omitempty"`
	Phone string `json:"phone,omitempty"`
	Email string `json:"email,omitempty"`
}

// Party is a seller (BG-4) or buyer (BG-7). Endpoint is its Peppol
// electronic address; LegalID its legal registration (a Danish seller's
// CVR number with scheme [SchemeCVR]); VATID its VAT identifier with the
// country prefix ("DK43782495"); TaxRegistrationID a tax registration
// other than VAT (BT-32).
type Party struct {
	Endpoint          Identifier   `json:"endpoint,omitzero"`
	Identifiers       []Identifier `json:"identifiers,omitempty"`
	TradingName       string       `json:"trading_name,omitempty"`
	Address           Address      `json:"address,omitzero"`
	VATID             string       `json:"vat_id,omitempty"`
	TaxRegistrationID string       `json:"tax_registration_id,omitempty"`
	LegalName         string       `json:"legal_name"`
	LegalID           Identifier   `json:"legal_id,omitzero"`
	LegalForm         string       `json:"legal_form,omitempty"`
	Contact           Contact      `json:"contact,omitzero"`
}

// Period is a delivery or invoicing period (BG-14, BG-26), its first and
// last day.
type Period struct {
	Start contract.Date `json:"start,omitzero"`
	End   contract.Date `json:"end,omitzero"`
}

// OrderReference is the buyer's purchase order (BT-13) and the seller's
// sales order (BT-14).
type OrderReference struct {
	ID           string `json:"id,omitempty"`
	SalesOrderID string `json:"sales_order_id,omitempty"`
}

// BillingReference is a preceding invoice (BG-3): the specific and
// unambiguous reference to the invoice a credit note corrects, its number
// and issue date (momsbekendtgørelsen § 58, stk. 2).
type BillingReference struct {
	ID        string        `json:"id"`
	IssueDate contract.Date `json:"issue_date,omitzero"`
}

// DocumentReference is an additional supporting document (BG-24) or an
// invoiced object (BT-18, TypeCode "130").
type DocumentReference struct {
	ID          Identifier `json:"id"`
	TypeCode    string     `json:"type_code,omitempty"`
	Description string     `json:"description,omitempty"`
	URI         string     `json:"uri,omitempty"`
}

// Delivery is the delivery information (BG-13).
type Delivery struct {
	Date      contract.Date `json:"date,omitzero"`
	Location  Identifier    `json:"location,omitzero"`
	Address   Address       `json:"address,omitzero"`
	PartyName string        `json:"party_name,omitempty"`
}

// FinancialAccount is the payee's account (BG-17): an IBAN or national
// account number, the account's name and the bank's BIC or, in Denmark,
// the registration number.
type FinancialAccount struct {
	ID     string `json:"id" validate:"omitempty,max=34"`
	Name   string `json:"name,omitempty" validate:"max=200"`
	Branch string `json:"branch,omitempty" validate:"max=11"`
}

// PaymentMeans is one way to pay (BG-16): a UNCL4461 code -- "58" SEPA
// credit transfer, "31" debit transfer, "30" credit transfer, "42"
// payment to bank account -- with the payment reference and the payee's
// account. Danish sellers may use 1, 10, 31, 42, 48, 49, 50, 58, 59, 93
// and 97 (Peppol rule DK-R-005), and codes 31 and 42 need the account
// and its branch (DK-R-006). DueDate is a credit note's payment due date
// (BT-9), which UBL's CreditNote carries here.
type PaymentMeans struct {
	Code      string           `json:"code" validate:"required,numeric,max=3"`
	Name      string           `json:"name,omitempty" validate:"max=100"`
	DueDate   contract.Date    `json:"due_date,omitzero"`
	PaymentID string           `json:"payment_id,omitempty" validate:"max=140"`
	Account   FinancialAccount `json:"account,omitzero"`
}

// TaxCategory is a VAT category with its rate in percent (25 for 25 %)
// and, where the rules require one (E, AE, O, K, G), an exemption reason
// code ("VATEX-EU-AE") or text. The rate is not written for
// [OutsideScope], which has none (BR-O-05).
type TaxCategory struct {
	Code            VATCategory      `json:"code"`
	Percent         contract.Decimal `json:"percent"`
	ExemptionCode   string           `json:"exemption_code,omitempty"`
	ExemptionReason string           `json:"exemption_reason,omitempty"`
}

// AllowanceCharge is an allowance (a discount, Charge false) or a charge
// on the document (BG-20, BG-21) or on a line (BG-27, BG-28). Amount is
// the amount excluding VAT; Percent and BaseAmount say how it was
// computed (Amount = BaseAmount x Percent / 100), both or neither
// (PEPPOL-EN16931-R041, R042). Category is the VAT category of a
// document-level one and zero on a line.
type AllowanceCharge struct {
	Charge     bool             `json:"charge,omitempty"`
	ReasonCode string           `json:"reason_code,omitempty"`
	Reason     string           `json:"reason,omitempty"`
	Percent    contract.Decimal `json:"percent,omitzero"`
	Amount     contract.Money   `json:"amount"`
	BaseAmount contract.Money   `json:"base_amount,omitzero"`
	Category   TaxCategory      `json:"category,omitzero"`
}

// TaxSubtotal is the VAT breakdown for one category and rate (BG-23).
type TaxSubtotal struct {
	Taxable  contract.Money `json:"taxable_amount"`
	Tax      contract.Money `json:"tax_amount"`
	Category TaxCategory    `json:"category"`
}

// Totals are the document totals (BG-22). LineExtension is the sum of the
// lines' net amounts, TaxExclusive = LineExtension - Allowances + Charges,
// TaxInclusive = TaxExclusive + the VAT, Payable = TaxInclusive - Prepaid
// + Rounding. A zero Money is left out of the document; 0.00 is written.
type Totals struct {
	LineExtension contract.Money `json:"line_extension_amount"`
	TaxExclusive  contract.Money `json:"tax_exclusive_amount"`
	TaxInclusive  contract.Money `json:"tax_inclusive_amount"`
	Allowances    contract.Money `json:"allowance_total,omitzero"`
	Charges       contract.Money `json:"charge_total,omitzero"`
	Prepaid       contract.Money `json:"prepaid_amount,omitzero"`
	Rounding      contract.Money `json:"rounding_amount,omitzero"`
	Payable       contract.Money `json:"payable_amount"`
}

// Classification is an item classification code (BT-158) with its list.
type Classification struct {
	Code          string `json:"code"`
	ListID        string `json:"list_id"`
	ListVersionID string `json:"list_version_id,omitempty"`
}

// Property is an item attribute (BG-32).
type Property struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Item is what a line sells (BG-31) and its VAT category (BG-30).
type Item struct {
	Name            string           `json:"name"`
	Description     string           `json:"description,omitempty"`
	SellersID       string           `json:"sellers_id,omitempty"`
	StandardID      Identifier       `json:"standard_id,omitzero"`
	OriginCountry   string           `json:"origin_country,omitempty"`
	Classifications []Classification `json:"classifications,omitempty"`
	Category        TaxCategory      `json:"category"`
	Properties      []Property       `json:"properties,omitempty"`
}

// Price is the net price of BaseQuantity units (BG-29; a zero
// BaseQuantity means one unit), with the gross price and the price
// discount where the seller states them.
type Price struct {
	Amount       contract.Money   `json:"amount"`
	BaseQuantity contract.Decimal `json:"base_quantity,omitzero"`
	BaseUnitCode string           `json:"base_unit_code,omitempty"`
	Discount     contract.Money   `json:"discount,omitzero"`
	Gross        contract.Money   `json:"gross,omitzero"`
}

// Line is an invoice or credit note line (BG-25). Net is the line's net
// amount: Quantity x Price.Amount / BaseQuantity - allowances + charges,
// rounded to the minor unit. UnitCode is a UN/ECE Rec. 20 unit ("C62"
// one, "MON" month, "HUR" hour).
type Line struct {
	ID               string            `json:"id"`
	Note             string            `json:"note,omitempty"`
	Quantity         contract.Decimal  `json:"quantity"`
	UnitCode         string            `json:"unit_code"`
	Net              contract.Money    `json:"net_amount"`
	AccountingCost   string            `json:"accounting_cost,omitempty"`
	Period           Period            `json:"period,omitzero"`
	OrderLineID      string            `json:"order_line_id,omitempty"`
	AllowanceCharges []AllowanceCharge `json:"allowance_charges,omitempty"`
	Item             Item              `json:"item"`
	Price            Price             `json:"price"`
}

// Document is a Peppol BIS Billing 3.0 invoice or credit note as a
// value, field for field what [Write] writes and [Read] reads: the
// business terms of EN 16931 that Peppol uses, named after them. Amounts
// are exact [contract.Money] in Currency, except TaxInTaxCurrency, the
// VAT total in TaxCurrency (BT-6, BT-111) that an invoice in a foreign
// currency also states (momsbekendtgørelsen § 97, stk. 2).
type Document struct {
	Kind              Kind                `json:"kind"`
	CustomizationID   string              `json:"customization_id"`
	ProfileID         string              `json:"profile_id"`
	ID                string              `json:"id"`
	IssueDate         contract.Date       `json:"issue_date"`
	DueDate           contract.Date       `json:"due_date,omitzero"`
	TypeCode          string              `json:"type_code"`
	Notes             []string            `json:"notes,omitempty"`
	TaxPointDate      contract.Date       `json:"tax_point_date,omitzero"`
	Currency          contract.Currency   `json:"currency"`
	TaxCurrency       contract.Currency   `json:"tax_currency,omitzero"`
	AccountingCost    string              `json:"accounting_cost,omitempty"`
	BuyerReference    string              `json:"buyer_reference,omitempty"`
	Period            Period              `json:"period,omitzero"`
	Order             OrderReference      `json:"order,omitzero"`
	BillingReferences []BillingReference  `json:"billing_references,omitempty"`
	Contract          string              `json:"contract,omitempty"`
	Documents         []DocumentReference `json:"documents,omitempty"`
	Seller            Party               `json:"seller"`
	Buyer             Party               `json:"buyer"`
	Delivery          Delivery            `json:"delivery,omitzero"`
	PaymentMeans      []PaymentMeans      `json:"payment_means,omitempty"`
	PaymentTerms      string              `json:"payment_terms,omitempty"`
	AllowanceCharges  []AllowanceCharge   `json:"allowance_charges,omitempty"`
	Tax               contract.Money      `json:"tax_amount"`
	TaxSubtotals      []TaxSubtotal       `json:"tax_subtotals"`
	TaxInTaxCurrency  contract.Money      `json:"tax_in_tax_currency,omitzero"`
	Totals            Totals              `json:"totals"`
	Lines             []Line              `json:"lines"`
}
