package billing

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/pimkit/pimkit/internal/validate"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// VATTreatment says how VAT applies to an invoice. The zero value is
// invalid: an invoice must say which treatment it has.
type VATTreatment uint8

const (
	// DomesticVAT charges Danish VAT at each line's rate (25 %:
	// [DanishVATRate]).
	DomesticVAT VATTreatment = iota + 1
	// ReverseCharge is a cross-border service to a business in another EU
	// country: no VAT is charged, the buyer accounts for it, and the
	// invoice carries the notice "Reverse charge / omvendt
	// betalingspligt" (VAT Directive Art. 196, momsloven § 46(1)(3)). The
	// buyer's VAT number is required and must have another member state's
	// prefix: DE123456789 or EL123456789, not DK43782495.
	ReverseCharge
	// Export is a supply to a customer outside the EU: no Danish VAT. A
	// buyer whose Country is an EU member state is an error.
	Export
)

var vatTreatmentNames = []string{DomesticVAT: "domestic", ReverseCharge: "reverse-charge", Export: "export"}

// String returns "domestic", "reverse-charge" or "export".
func (v VATTreatment) String() string { return enumString(vatTreatmentNames, v, "VATTreatment") }

// MarshalText implements encoding.TextMarshaler; the zero value is an error.
func (v VATTreatment) MarshalText() ([]byte, error) {
	return enumMarshal(vatTreatmentNames, v, "vat treatment")
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrSyntax.
func (v *VATTreatment) UnmarshalText(b []byte) error {
	x, err := enumParse[VATTreatment](vatTreatmentNames, b, "vat treatment")
	if err == nil {
		*v = x
	}
	return err
}

// DanishVATRate returns the Danish standard VAT rate, 0.25 (momsloven § 33).
func DanishVATRate() decimal.Decimal { return vat25 }

var vat25 = decimal.New(25, -2)

// ReverseChargeNotice is the notice a reverse-charge invoice carries, in
// English and Danish.
const ReverseChargeNotice = "Reverse charge / omvendt betalingspligt"

// ExportNotice is the notice an invoice to a customer outside the EU
// carries.
const ExportNotice = "Supply outside the EU, no Danish VAT / levering uden for EU, ingen dansk moms"

// Line is one line of an invoice as the host gives it.
type Line struct {
	Description string          `json:"description"`
	Quantity    decimal.Decimal `json:"quantity"`
	// UnitPrice is the price of one unit excluding VAT.
	UnitPrice decimal.Decimal `json:"unit_price"`
	// Currency is the line's currency; the zero Unit means the invoice's.
	// A different currency is an error: invoices are in one currency.
	Currency currency.Unit `json:"-"`
	// VATRate is the VAT rate for DomesticVAT invoices (0.25); ignored,
	// and shown as 0, under ReverseCharge and Export.
	VATRate decimal.Decimal `json:"vat_rate"`
}

// InvoiceInput is what the host knows when it issues an invoice.
type InvoiceInput struct {
	// Number is the next number of the host's invoice sequence
	// (momsbekendtgørelsen § 58(1)(2)); pimkit does not count it.
	Number string        `json:"number"`
	Issued contract.Date `json:"issued"`
	// Received is the day the buyer receives the invoice; zero means the
	// issue date. The payment term counts from it (terms 12.3).
	Received contract.Date `json:"received"`
	// PaymentTerm is the time to pay from receipt; zero means 30 days
	// (terms 12.3).
	PaymentTerm contract.Period `json:"payment_term"`
	// Due is an agreed due date that overrides the payment term; zero
	// means count it. It may not be before the issue date.
	Due contract.Date `json:"due"`
	// SupplyFrom and SupplyTo are the first and last day of the service
	// period invoiced (§ 58(1)(7)); optional.
	SupplyFrom contract.Date  `json:"supply_from"`
	SupplyTo   contract.Date  `json:"supply_to"`
	Seller     contract.Party `json:"seller"`
	Buyer      contract.Party `json:"buyer"`
	Currency   currency.Unit  `json:"-"`
	Treatment  VATTreatment   `json:"vat_treatment"`
	Lines      []Line         `json:"lines"`
}

// InvoiceLine is a line with its amounts: Net = Quantity x UnitPrice and
// VAT = Net x VATRate, each rounded half away from zero to the minor unit.
type InvoiceLine struct {
	Line
	Net decimal.Decimal `json:"net_amount"`
	VAT decimal.Decimal `json:"vat"`
}

// VATSummary is the taxable amount and VAT at one rate
// (momsbekendtgørelsen § 58(1)(8)-(10)).
type VATSummary struct {
	Rate decimal.Decimal `json:"rate"`
	Net  decimal.Decimal `json:"net_amount"`
	VAT  decimal.Decimal `json:"vat"`
}

// Invoice is an issued invoice with what momsbekendtgørelsen § 58
// requires a Danish invoice to show. Totals reconcile to the øre: Net is
// the sum of the lines' rounded net amounts, VAT the sum of their rounded
// VAT, Total = Net + VAT.
type Invoice struct {
	Number   string        `json:"number"`
	Issued   contract.Date `json:"issued"`
	Received contract.Date `json:"received"`
	// Due is the last day to pay, and DueDeadline how it was counted: a
	// deadline to act, so 30 days ending on a Saturday roll to Monday
	// (Reg. 1182/71 Art. 3(4)).
	Due         contract.Date     `json:"due"`
	DueDeadline contract.Deadline `json:"-"`
	SupplyFrom  contract.Date     `json:"supply_from"`
	SupplyTo    contract.Date     `json:"supply_to"`
	Seller      contract.Party    `json:"seller"`
	Buyer       contract.Party    `json:"buyer"`
	Currency    currency.Unit     `json:"-"`
	Treatment   VATTreatment      `json:"vat_treatment"`
	Lines       []InvoiceLine     `json:"lines"`
	VATSummary  []VATSummary      `json:"vat_summary"`
	Net         decimal.Decimal   `json:"net_amount"`
	VAT         decimal.Decimal   `json:"vat"`
	Total       decimal.Decimal   `json:"total"`
	// Notice is the VAT notice the invoice must print, empty for
	// DomesticVAT.
	Notice    string              `json:"notice,omitempty"`
	Citations []contract.Citation `json:"citations"`
}

// Debt returns the invoice as a debt for the late-payment rules, owed by a
// customer of kind k.
func (inv Invoice) Debt(k CustomerKind) Debt {
	return Debt{Amount: inv.Total, Currency: inv.Currency, Due: inv.Due, Sent: inv.Issued, Customer: k}
}

var citeMomsbek58 = contract.Cite("momsbekendtgørelsen", "§ 58")

// NewInvoice computes an invoice from in, counting the due date with c,
// the agreement's counter ([contract.Terms.Counter]; the zero Counter
// counts by Reg. 1182/71 with Danish holidays). Each
// line is rounded, then the lines are summed: 1,234.56 net at 25 % is
// VAT 308.64 and total 1,543.20. Under ReverseCharge and Export no VAT is
// charged and Notice says why.
//
// The due date is the payment term after receipt, as a deadline to act:
// issued and received Thu 2026-01-29 with 30 days gives Sat 2026-02-28,
// rolled to Mon 2026-03-02. Every problem of in is reported at once in a
// [*ValidationError]: a negative quantity names "lines[0].quantity", a
// line in another currency "lines[1].currency" (and matches
// [ErrCurrencyMismatch]), a due date before the issue date "due", an
// unknown treatment "vat_treatment".
func NewInvoice(in InvoiceInput, c contract.Counter) (Invoice, error) {
	ps := problems{what: "invoice"}
	if strings.TrimSpace(in.Number) == "" {
		ps.add("number", "required", "")
	}
	if in.Issued.IsZero() {
		ps.add("issued", "required", "")
	}
	if !in.Received.IsZero() && in.Received.Before(in.Issued) {
		ps.add("received", "gtefield", "receipt before issue date")
	}
	if !in.Due.IsZero() && in.Due.Before(in.Issued) {
		ps.add("due", "gtefield", "due date before issue date")
	}
	if !in.SupplyFrom.IsZero() && !in.SupplyTo.IsZero() && in.SupplyTo.Before(in.SupplyFrom) {
		ps.add("supply_to", "gtefield", "supply period ends before it starts")
	}
	if in.PaymentTerm.IsNegative() {
		ps.add("payment_term", "gte", "must not be negative")
	}
	checkParty(&ps, "seller", in.Seller, true)
	checkParty(&ps, "buyer", in.Buyer, false)
	switch in.Treatment {
	case DomesticVAT:
	case Export:
		if c := in.Buyer.Country; c != "" && euMember(c) {
			ps.add("buyer.country", "excluded_with", "export is for buyers outside the EU")
		}
	case ReverseCharge:
		switch id := in.Buyer.VATID; {
		case id == "":
			ps.add("buyer.vat_id", "required", "reverse charge needs the buyer's VAT number")
		case len(id) < 2 || id[:2] == "DK" || !euMember(vatCountry(id[:2])):
			ps.add("buyer.vat_id", "excluded_with", "reverse charge is for buyers in another EU country")
		}
	default:
		ps.add("vat_treatment", "oneof", "domestic, reverse-charge or export")
	}
	if in.Currency == (currency.Unit{}) {
		ps.add("currency", "required", "")
	}
	if len(in.Lines) == 0 {
		ps.add("lines", "min", "at least one line")
	}
	scale := money.Scale(in.Currency)
	inv := Invoice{
		Number: in.Number, Issued: in.Issued, Received: in.Received, Due: in.Due,
		SupplyFrom: in.SupplyFrom, SupplyTo: in.SupplyTo, Seller: in.Seller, Buyer: in.Buyer,
		Currency: in.Currency, Treatment: in.Treatment,
		Lines: make([]InvoiceLine, len(in.Lines)),
	}
	var net, vat int64
	_, inc := currency.Standard.Rounding(in.Currency)
	fast := inc <= 1
	for i, l := range in.Lines {
		f := func(name string) string { return fmt.Sprintf("lines[%d].%s", i, name) }
		if l.Currency != (currency.Unit{}) && l.Currency != in.Currency {
			ps.add(f("currency"), ruleMixedCurrency, "line currency differs from the invoice currency")
		}
		if l.Quantity.IsNegative() {
			ps.add(f("quantity"), "gte", "must not be negative")
		}
		if l.UnitPrice.IsNegative() {
			ps.add(f("unit_price"), "gte", "must not be negative")
		}
		rate := l.VATRate
		if in.Treatment != DomesticVAT {
			rate = decimal.Zero
		} else if rate.IsNegative() || rate.GreaterThan(decimal.New(1, 0)) {
			ps.add(f("vat_rate"), "range", "0..1")
		}
		if strings.TrimSpace(l.Description) == "" {
			ps.add(f("description"), "required", "")
		}
		a, ok1 := mulRound(l.Quantity, l.UnitPrice, scale, fast)
		var ln decimal.Decimal
		if ok1 {
			ln = decimal.New(a, -scale)
		} else {
			ln = money.Round(l.Quantity.Mul(l.UnitPrice), in.Currency)
			a, ok1 = toMinor(ln, scale)
		}
		b, ok2 := mulRound(ln, rate, scale, fast)
		var lv decimal.Decimal
		if ok2 {
			lv = decimal.New(b, -scale)
		} else {
			lv = money.Round(ln.Mul(rate), in.Currency)
			b, ok2 = toMinor(lv, scale)
		}
		if !ok1 || !ok2 {
			ps.add(f("unit_price"), "range", "line amount too large")
		}
		net, vat = net+a, vat+b
		if net > maxMinor || vat > maxMinor {
			ps.add(f("unit_price"), "range", "invoice amount too large")
			net, vat = 0, 0
		}
		l.VATRate = rate
		l.Currency = in.Currency
		inv.Lines[i] = InvoiceLine{Line: l, Net: ln, VAT: lv}
	}
	if err := ps.err(); err != nil {
		return Invoice{}, err
	}
	if len(inv.Lines) == 1 {
		inv.Net, inv.VAT = inv.Lines[0].Net, inv.Lines[0].VAT // decimals are immutable
	} else {
		inv.Net, inv.VAT = decimal.New(net, -scale), decimal.New(vat, -scale)
	}
	inv.Total = decimal.New(net+vat, -scale)
	inv.VATSummary = summarize(inv.Lines, scale)

	if inv.Received.IsZero() {
		inv.Received = inv.Issued
	}
	term := in.PaymentTerm
	if term.IsZero() {
		term = contract.Days(30)
	}
	inv.Citations = []contract.Citation{citeMomsbek58, cite123}
	if in.Due.IsZero() {
		dl, err := c.DeadlineToAct(inv.Received, term)
		if err != nil {
			return Invoice{}, err
		}
		inv.Due, inv.DueDeadline = dl.Date, dl
		inv.Citations = append(inv.Citations, dl.Citations()...)
	}
	switch in.Treatment {
	case ReverseCharge:
		inv.Notice = ReverseChargeNotice
		inv.Citations = append(inv.Citations, contract.Cite("VAT Directive", "Art. 196"), contract.Cite("momsloven", "§ 46(1)(3)"))
	case Export:
		inv.Notice = ExportNotice
	}
	return inv, nil
}

func summarize(lines []InvoiceLine, scale int32) []VATSummary {
	if len(lines) == 1 {
		l := lines[0]
		return []VATSummary{{Rate: l.VATRate, Net: l.Net, VAT: l.VAT}}
	}
	type sums struct {
		rate     decimal.Decimal
		net, vat int64
	}
	var buf [4]sums
	acc := buf[:0]
	for _, l := range lines {
		n, _ := toMinor(l.Net, scale)
		v, _ := toMinor(l.VAT, scale)
		i := 0
		for i < len(acc) && !acc[i].rate.Equal(l.VATRate) {
			i++
		}
		if i == len(acc) {
			acc = append(acc, sums{rate: l.VATRate})
		}
		acc[i].net += n
		acc[i].vat += v
	}
	slices.SortFunc(acc, func(a, b sums) int { return b.rate.Cmp(a.rate) })
	out := make([]VATSummary, len(acc))
	for i, a := range acc {
		out[i] = VATSummary{Rate: a.rate, Net: decimal.New(a.net, -scale), VAT: decimal.New(a.vat, -scale)}
	}
	return out
}

// mulRound returns a x b rounded half away from zero to scale decimals, as
// an integer of 10^-scale, in 128-bit integer arithmetic; false when fast
// is false or a value does not fit, for the caller's decimal path.
func mulRound(a, b decimal.Decimal, scale int32, fast bool) (int64, bool) {
	if !fast || a.NumDigits() > 18 || b.NumDigits() > 18 {
		return 0, false
	}
	ca, cb := a.CoefficientInt64(), b.CoefficientInt64()
	neg := (ca < 0) != (cb < 0)
	hi, lo := bits.Mul64(abs64(ca), abs64(cb))
	var v uint64
	switch shift := int(a.Exponent()) + int(b.Exponent()) + int(scale); {
	case hi == 0 && lo == 0:
		return 0, true
	case shift >= 0:
		if hi != 0 || shift > 18 {
			return 0, false
		}
		h, l := bits.Mul64(lo, uint64(pow10[shift]))
		if h != 0 {
			return 0, false
		}
		v = l
	default:
		if -shift > 18 {
			return 0, false
		}
		den := uint64(pow10[-shift])
		if hi >= den {
			return 0, false
		}
		q, r := bits.Div64(hi, lo, den)
		if r >= den-r {
			q++
		}
		v = q
	}
	if v > maxMinor {
		return 0, false
	}
	if neg {
		return -int64(v), true
	}
	return int64(v), true
}

// checkParty checks the names, addresses and tax numbers § 58 requires:
// both parties' names and addresses, and the seller's CVR or VAT number.
func checkParty(ps *problems, field string, p contract.Party, seller bool) {
	if strings.TrimSpace(p.Name) == "" {
		ps.add(field+".name", "required", "")
	}
	if strings.TrimSpace(p.Address) == "" {
		ps.add(field+".address", "required", "")
	}
	if p.CVR != "" && !validate.ValidCVR(p.CVR) {
		ps.add(field+".cvr", "cvr", "not a valid CVR number")
	}
	if p.VATID != "" && !validVATID(p.VATID) {
		ps.add(field+".vat_id", "vatid", "not an EU VAT number")
	}
	if seller && p.CVR == "" && p.VATID == "" {
		ps.add(field+".cvr", "required_without", "the seller's CVR or VAT number")
	}
}

// validVATID reports whether s has the shape of an EU VAT number: a
// two-letter country prefix and 2 to 13 letters or digits.
func validVATID(s string) bool {
	if len(s) < 4 || len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		upper := c >= 'A' && c <= 'Z'
		if i < 2 && !upper {
			return false
		}
		if i >= 2 && !upper && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// euMembers are the EU member states by ISO 3166-1 alpha-2 code.
const euMembers = "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"

// euMember reports whether the ISO 3166-1 alpha-2 code c is an EU member
// state: "DE" is, "NO" and "GB" are not.
func euMember(c string) bool {
	return len(c) == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' && strings.Contains(euMembers, c)
}

// vatCountry maps a VAT number prefix to its country: Greece uses "EL".
func vatCountry(prefix string) string {
	if prefix == "EL" {
		return "GR"
	}
	return prefix
}
