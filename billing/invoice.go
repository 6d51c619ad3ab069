package billing

import (
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

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
	// DomesticVAT charges Danish VAT at each line's rate: 25 %, which
	// contract.EUVATRates().Rate("DK", day) returns.
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

// ReverseChargeNotice is the notice a reverse-charge invoice carries, in
// English and Danish.
const ReverseChargeNotice = "Reverse charge / omvendt betalingspligt"

// ExportNotice is the notice an invoice to a customer outside the EU
// carries.
const ExportNotice = "Supply outside the EU, no Danish VAT / levering uden for EU, ingen dansk moms"

// Line is one line of an invoice as the host gives it.
type Line struct {
	Description string           `json:"description" validate:"required,max=500"`
	Quantity    contract.Decimal `json:"quantity" validate:"dgte=0"`
	// UnitPrice is the price of one unit excluding VAT, not negative. Every
	// line of an invoice is in the same currency, the invoice's. A
	// discount is never a negative price: it is an [Allowance].
	UnitPrice contract.Money `json:"unit_price" validate:"required"`
	// VATRate is the VAT rate for DomesticVAT invoices as a fraction
	// (0.25); ignored, and shown as 0, under ReverseCharge and Export.
	VATRate contract.Decimal `json:"vat_rate" validate:"dgte=0,dlte=1"`
}

// InvoiceInput is what the host knows when it issues an invoice. Its
// validate tags and [NewInvoice]'s rules between fields say what a valid
// one holds.
type InvoiceInput struct {
	// Number is the next number of the host's invoice sequence
	// (momsbekendtgørelsen § 58(1)(2)); pimkit does not count it.
	Number string        `json:"number" validate:"required,max=100"`
	Issued contract.Date `json:"issued" validate:"required"`
	// Received is the day the buyer receives the invoice; zero means the
	// issue date. The payment term counts from it (terms 12.3).
	Received contract.Date `json:"received,omitzero"`
	// PaymentTerm is the time to pay from receipt; zero means 30 days
	// (terms 12.3).
	PaymentTerm contract.Period `json:"payment_term,omitzero"`
	// Due is an agreed due date that overrides the payment term; zero
	// means count it. It may not be before the issue date.
	Due contract.Date `json:"due,omitzero"`
	// SupplyFrom and SupplyTo are the first and last day of the service
	// period invoiced (§ 58(1)(7)); optional.
	SupplyFrom contract.Date `json:"supply_from,omitzero"`
	SupplyTo   contract.Date `json:"supply_to,omitzero"`
	// Seller and Buyer are the parties; § 58 requires both names and
	// addresses and the seller's CVR or VAT number. They are checked by
	// the rules of [InvoiceParty].
	Seller    contract.Party `json:"seller" validate:"-"`
	Buyer     contract.Party `json:"buyer" validate:"-"`
	Treatment VATTreatment   `json:"vat_treatment" validate:"required"`
	// TaxCurrencyRate states the VAT of an invoice in a foreign currency
	// also in DKK or EUR ([ExchangeRate], momsbekendtgørelsen § 97, stk.
	// 2); required for a DomesticVAT invoice with VAT in any currency but
	// DKK.
	TaxCurrencyRate ExchangeRate `json:"tax_currency_rate,omitzero" validate:"-"`
	// CustomerLocation is the evidence of where a consumer of an
	// electronic service is located ([LocateCustomer]), stored with the
	// sale; optional.
	CustomerLocation CustomerLocation `json:"customer_location,omitzero" validate:"-"`
	// Lines are the invoice's lines, at least one, all in one currency.
	Lines []Line `json:"lines" validate:"min=1,dive"`
	// Allowances are the discounts taken off the lines, each shown as its
	// own line of the invoice; see [Allowance].
	Allowances []Allowance `json:"allowances,omitempty" validate:"dive"`
}

// InvoiceParty is what momsbekendtgørelsen § 58 requires of a party on an
// invoice, as validate tags: a name and an address, a valid CVR number
// (mod 11: "43782495") and an EU VAT number ("DE123456789") when given, a
// country code of two capital letters ("DK") when given. [NewInvoice] checks the seller and
// buyer of an [InvoiceInput] by these rules; [PartyRules] returns them for
// a [contract.Party].
type InvoiceParty struct {
	Name    string `json:"name" validate:"required,max=200"`
	CVR     string `json:"cvr,omitempty" validate:"omitempty,cvr"`
	VATID   string `json:"vat_id,omitempty" validate:"omitempty,vatid"`
	Address string `json:"address" validate:"required,max=500"`
	Country string `json:"country,omitempty" validate:"omitempty,len=2,alpha,uppercase"`
}

// PartyRules returns p as the [InvoiceParty] whose tags check it.
func PartyRules(p contract.Party) InvoiceParty {
	return InvoiceParty{Name: p.Name, CVR: p.CVR, VATID: p.VATID, Address: p.Address, Country: p.Country}
}

// InvoiceLine is a line with its amounts: Net = Quantity x UnitPrice and
// VAT = Net x VATRate, each rounded half away from zero to the minor unit.
type InvoiceLine struct {
	Line
	Net contract.Money `json:"net_amount"`
	VAT contract.Money `json:"vat"`
}

// VATSummary is the taxable amount and VAT at one rate
// (momsbekendtgørelsen § 58(1)(8)-(10)).
type VATSummary struct {
	Rate contract.Decimal `json:"rate"`
	Net  contract.Money   `json:"net_amount"`
	VAT  contract.Money   `json:"vat"`
}

// Invoice is an issued invoice with what momsbekendtgørelsen § 58
// requires a Danish invoice to show. Totals reconcile to the øre: Net is
// the sum of the lines' rounded net amounts, VAT the sum of their rounded
// VAT, Total = Net + VAT, all in the lines' currency.
type Invoice struct {
	Number   string        `json:"number"`
	Issued   contract.Date `json:"issued"`
	Received contract.Date `json:"received"`
	// Due is the last day to pay, and DueDeadline how it was counted: a
	// deadline to act, so 30 days ending on a Saturday roll to Monday
	// (Reg. 1182/71 Art. 3(4)). DueDeadline is zero when the input gave
	// the due date.
	Due         contract.Date     `json:"due"`
	DueDeadline contract.Deadline `json:"due_deadline,omitzero"`
	SupplyFrom  contract.Date     `json:"supply_from,omitzero"`
	SupplyTo    contract.Date     `json:"supply_to,omitzero"`
	Seller      contract.Party    `json:"seller"`
	Buyer       contract.Party    `json:"buyer"`
	Treatment   VATTreatment      `json:"vat_treatment"`
	Lines       []InvoiceLine     `json:"lines"`
	// Allowances are the discounts taken off, with their amounts, and
	// AllowanceTotal their net sum: the zero Money when there are none.
	// Net is the lines' net less AllowanceTotal.
	Allowances     []InvoiceAllowance `json:"allowances,omitempty"`
	AllowanceTotal contract.Money     `json:"allowance_total,omitzero"`
	VATSummary     []VATSummary       `json:"vat_summary"`
	Net            contract.Money     `json:"net_amount"`
	VAT            contract.Money     `json:"vat"`
	Total          contract.Money     `json:"total"`
	// Notice is the VAT notice the invoice must print, empty for
	// DomesticVAT. Citations are the provisions behind the invoice,
	// shared with every invoice citing the same ones: read-only;
	// appending copies them, as their capacity is their length.
	Notice    string              `json:"notice,omitempty"`
	Citations []contract.Citation `json:"citations"`
	// TaxCurrencyRate and TaxCurrencyVAT are the exchange rate and the
	// invoice's VAT in DKK or EUR at that rate (§ 97, stk. 2), zero for
	// an invoice without them; in UBL the rate's To is BT-6 and
	// TaxCurrencyVAT the second tax total, BT-111. NewInvoice checked the
	// rate when it was given, so its tags are not checked again here: a
	// zero rate is an invoice without one, not a broken rate.
	TaxCurrencyRate ExchangeRate   `json:"tax_currency_rate,omitzero" validate:"-"`
	TaxCurrencyVAT  contract.Money `json:"tax_currency_vat,omitzero"`
	// CustomerLocation is the input's: where the customer is and the
	// evidence it rests on (checked by NewInvoice, like the rate).
	CustomerLocation CustomerLocation `json:"customer_location,omitzero" validate:"-"`
}

// Debt returns the invoice as a debt for the late-payment rules, owed by a
// customer of kind k.
func (inv Invoice) Debt(k CustomerKind) Debt {
	return Debt{Amount: inv.Total, Due: inv.Due, Sent: inv.Issued, Customer: k}
}

var citeMomsbek58 = contract.Cite("momsbekendtgørelsen", "§ 58")

// invoiceCitesDueGiven are the citations of an invoice whose due date
// the input gave. Like every citation slice in an Invoice or Event, it
// is shared by every value that cites the same provisions: read it, and
// copy it before changing an element (append copies: its capacity is
// its length).
var invoiceCitesDueGiven = []contract.Citation{citeMomsbek58, cite123}[:2:2]

// dueCites are the shared citation slices of invoices with a counted
// due date: momsbekendtgørelsen § 58 and terms 12.3 followed by the
// deadline's own citations, which depend only on its convention, its
// kind and whether it rolled. The list grows by copying, once per such
// combination a process meets, so reading it takes no lock.
var dueCites atomic.Pointer[[]dueCite]

type dueCite struct {
	conv   contract.Convention
	kind   contract.DeadlineKind
	rolled bool
	cites  []contract.Citation
}

// lastDue is the due date last counted by the default calendar: a
// month-end run issues its invoices on one day, so the deadline is
// counted once per issue date (and term and convention), not per invoice.
var lastDue atomic.Pointer[dueEntry]

type dueEntry struct {
	from contract.Date
	term contract.Period
	conv contract.Convention
	dl   contract.Deadline
}

// dueDeadline is c.DeadlineToAct(from, term), remembered for the next
// invoice when c counts with the default calendar (a host's calendar may
// change between calls, so it is counted every time).
func dueDeadline(c contract.Counter, from contract.Date, term contract.Period) (contract.Deadline, error) {
	if c.Calendar != nil {
		return c.DeadlineToAct(from, term)
	}
	if e := lastDue.Load(); e != nil && e.from == from && e.term == term && e.conv == c.Convention {
		return e.dl, nil
	}
	dl, err := c.DeadlineToAct(from, term)
	if err == nil {
		lastDue.Store(&dueEntry{from: from, term: term, conv: c.Convention, dl: dl})
	}
	return dl, err
}

// invoiceCitations returns the citations of an invoice whose due date
// is dl, shared with every invoice whose deadline was counted alike.
func invoiceCitations(dl contract.Deadline) []contract.Citation {
	rolled := dl.Rolled()
	var list []dueCite
	p := dueCites.Load()
	if p != nil {
		list = *p
	}
	for i := range list {
		if e := &list[i]; e.conv == dl.Convention && e.kind == dl.Kind && e.rolled == rolled {
			return e.cites
		}
	}
	cites := append([]contract.Citation{citeMomsbek58, cite123}, dl.Citations()...)
	cites = cites[:len(cites):len(cites)]
	if len(list) < 64 { // a handful of conventions x kinds x rolled
		next := append(list[:len(list):len(list)], dueCite{dl.Convention, dl.Kind, rolled, cites})
		dueCites.CompareAndSwap(p, &next) // losing a race only costs a later miss
	}
	return cites
}

// NewInvoice computes an invoice from in, counting the due date with c,
// the agreement's counter ([contract.Terms.Counter]; the zero Counter
// counts by Reg. 1182/71 with Danish holidays). Each line is rounded,
// then the lines are summed: 1,234.56 DKK net at 25 % is
// VAT 308.64 and total 1,543.20. Under ReverseCharge and Export no VAT is
// charged and Notice says why.
//
// The due date is the payment term after receipt, as a deadline to act:
// issued and received Thu 2026-01-29 with 30 days gives Sat 2026-02-28,
// rolled to Mon 2026-03-02. Every problem of in is reported at once in a
// [*contract.ValidationError] wrapping [ErrInvalid], by JSON path and
// rule: a negative quantity is "lines[0].quantity" dgte, a line in
// another currency "lines[1].unit_price" currency_mismatch (and matches
// [ErrCurrencyMismatch]), a due date before the issue date "due"
// gtefield, an unknown treatment "vat_treatment" oneof, a bad CVR number
// "seller.cvr" cvr, and a quantity, VAT rate or unit price whose text
// pimkit could not read back -- beyond 10^18 or over
// [contract.MaxDecimalText] characters, such as a 62-digit price --
// "lines[0].quantity" range: what NewInvoice accepts always survives JSON.
func NewInvoice(in InvoiceInput, c contract.Counter) (Invoice, error) {
	var inv Invoice
	if err := newInvoice(&inv, in, c); err != nil {
		return Invoice{}, err
	}
	return inv, nil
}

// NewInvoiceInto is [NewInvoice] writing the invoice into *inv and
// reusing the memory of the invoice there: its Lines, VATSummary and
// Allowances arrays are overwritten, so a month-end run that issues many
// invoices one after the other through the same *inv allocates nothing
// for them once they have grown. What it writes equals what NewInvoice
// returns (cmp.Equal); copy an invoice to keep it beyond the next call.
// On an error *inv is the zero Invoice and the error is NewInvoice's. A
// nil inv only checks in: the error is NewInvoice's, the invoice is
// dropped.
func NewInvoiceInto(inv *Invoice, in InvoiceInput, c contract.Counter) error {
	if inv == nil {
		_, err := NewInvoice(in, c)
		return err
	}
	if err := newInvoice(inv, in, c); err != nil {
		*inv = Invoice{}
		return err
	}
	return nil
}

// newInvoice is NewInvoice into *inv, reusing its arrays.
func newInvoice(dst *Invoice, in InvoiceInput, c contract.Counter) error {
	var ps contract.Problems
	if tagsBroken(&in) {
		ps.Check("", in)
		ps.Check("seller", PartyRules(in.Seller))
		ps.Check("buyer", PartyRules(in.Buyer))
	}
	crossChecks(&ps, &in)
	var cur currency.Unit
	if len(in.Lines) > 0 {
		cur = in.Lines[0].UnitPrice.Currency()
	}
	scale := money.Scale(cur)
	if cur != currency.DKK || !in.TaxCurrencyRate.IsZero() || !in.CustomerLocation.IsZero() {
		checkTaxCurrency(&ps, &in, cur)
		checkLocation(&ps, "customer_location", in.CustomerLocation)
	}
	lines, summary, allow := dst.Lines, dst.VATSummary, dst.Allowances
	if cap(lines) >= len(in.Lines) {
		lines = lines[:len(in.Lines)]
		clear(lines)
	} else {
		lines = make([]InvoiceLine, len(in.Lines))
	}
	*dst = Invoice{
		Number: in.Number, Issued: in.Issued, Received: in.Received, Due: in.Due,
		SupplyFrom: in.SupplyFrom, SupplyTo: in.SupplyTo, Seller: in.Seller, Buyer: in.Buyer,
		Treatment: in.Treatment,
		Lines:     lines,
	}
	inv := dst
	var net, vat int64
	_, inc := currency.Standard.Rounding(cur)
	fast := inc <= 1
	for i, l := range in.Lines {
		if l.UnitPrice.Currency() != cur {
			ps.Add("lines["+strconv.Itoa(i)+"].unit_price", ruleMixedCurrency, cur.String())
		}
		rate := l.VATRate
		if in.Treatment != DomesticVAT {
			rate = contract.Dec(decimal.Zero)
		}
		// What is accepted must read back: each number within the bounded
		// parser's limits, checked before any arithmetic.
		if q, r, p := readable(l.Quantity.Decimal(), 0), readable(rate.Decimal(), 0), readableMoney(l.UnitPrice); !q || !r || !p {
			for _, f := range []struct {
				ok   bool
				name string
			}{{q, "quantity"}, {r, "vat_rate"}, {p, "unit_price"}} {
				if !f.ok {
					ps.Add("lines["+strconv.Itoa(i)+"]."+f.name, "range", "")
				}
			}
			continue
		}
		// Integer arithmetic on the amounts' coefficients; decimals only
		// when a number does not fit.
		a, ok1 := mulRoundMoney(l.Quantity.Decimal(), l.UnitPrice, scale, fast)
		var ln contract.Money
		if ok1 {
			ln = contract.MoneyFromMinor(a, cur)
		} else {
			d := money.Round(l.Quantity.Decimal().Mul(l.UnitPrice.Amount()), cur)
			a, ok1 = money.ToMinor(d, scale)
			ln = contract.NewMoney(d, cur)
		}
		b, ok2 := mulRoundMoney(rate.Decimal(), ln, scale, fast)
		var lv contract.Money
		if ok2 {
			lv = contract.MoneyFromMinor(b, cur)
		} else {
			d := money.Round(ln.Amount().Mul(rate.Decimal()), cur)
			b, ok2 = money.ToMinor(d, scale)
			lv = contract.NewMoney(d, cur)
		}
		if !ok1 || !ok2 {
			ps.Add("lines["+strconv.Itoa(i)+"].unit_price", "range", "")
		}
		net, vat = net+a, vat+b
		if net > money.MaxMinor || vat > money.MaxMinor {
			ps.Add("lines["+strconv.Itoa(i)+"].unit_price", "range", "")
			net, vat = 0, 0
		}
		l.VATRate = rate
		inv.Lines[i] = InvoiceLine{Line: l, Net: ln, VAT: lv}
	}
	var offNet, offVAT int64
	if len(in.Allowances) > 0 && ps.Len() == 0 {
		inv.Allowances = allow[:0]
		offNet, offVAT = allowances(&ps, inv, in.Allowances, in.Treatment == DomesticVAT, cur, scale)
	}
	if err := invalid(&ps, "new invoice"); err != nil {
		return err
	}
	if len(inv.Allowances) > 0 {
		inv.AllowanceTotal = fromMinor(offNet, cur, scale)
		net, vat = net-offNet, vat-offVAT
		inv.Net, inv.VAT = fromMinor(net, cur, scale), fromMinor(vat, cur, scale)
	} else if len(inv.Lines) == 1 {
		inv.Net, inv.VAT = inv.Lines[0].Net, inv.Lines[0].VAT // decimals are immutable
	} else {
		inv.Net, inv.VAT = fromMinor(net, cur, scale), fromMinor(vat, cur, scale)
	}
	inv.Total = fromMinor(net+vat, cur, scale)
	if len(inv.Allowances) > 0 {
		inv.VATSummary = summarizeAllowances(summary[:0], inv.Lines, inv.Allowances, cur, scale)
	} else {
		inv.VATSummary = summarize(summary[:0], inv.Lines, cur, scale)
	}

	if inv.Received.IsZero() {
		inv.Received = inv.Issued
	}
	term := in.PaymentTerm
	if term.IsZero() {
		term = contract.Days(30)
	}
	inv.Citations = invoiceCitesDueGiven
	if in.Due.IsZero() {
		dl, err := dueDeadline(c, inv.Received, term)
		if err != nil {
			return err
		}
		inv.Due, inv.DueDeadline = dl.Date, dl
		inv.Citations = invoiceCitations(dl)
	}
	// The VAT is final here: state it in DKK or EUR too (§ 97, stk. 2).
	inv.TaxCurrencyRate, inv.TaxCurrencyVAT = in.TaxCurrencyRate, taxCurrencyVAT(in.TaxCurrencyRate, inv.VAT)
	inv.CustomerLocation = in.CustomerLocation
	switch in.Treatment {
	case ReverseCharge:
		inv.Notice = ReverseChargeNotice
		inv.Citations = append(inv.Citations, contract.Cite("VAT Directive", "Art. 196"), contract.Cite("momsloven", "§ 46(1)(3)"))
	case Export:
		inv.Notice = ExportNotice
	}
	return nil
}

// tagsBroken reports, without reflection, whether a validate tag of in,
// its lines or its parties ([InvoiceParty]) is broken: a valid invoice --
// a month-end run issues hundreds of thousands -- never pays for the
// validator, and a broken one has every problem reported by the tags
// themselves. A test checks that it agrees with the tags.
func tagsBroken(in *InvoiceInput) bool {
	if in.Number == "" || len(in.Number) > 100 || in.Issued.IsZero() || in.Treatment == 0 || len(in.Lines) == 0 ||
		partyBroken(&in.Seller) || partyBroken(&in.Buyer) {
		return true
	}
	for i := range in.Lines {
		l := &in.Lines[i]
		if l.Description == "" || len(l.Description) > 500 || l.Quantity.Decimal().Sign() < 0 || l.UnitPrice.IsZero() ||
			!fraction(l.VATRate.Decimal()) {
			return true
		}
	}
	for i := range in.Allowances {
		a := &in.Allowances[i]
		if a.Description == "" || len(a.Description) > 500 || a.Line < 0 || len(a.Discount) > 100 ||
			!fraction(a.Percent.Decimal()) || !fraction(a.VATRate.Decimal()) {
			return true
		}
	}
	return false
}

func partyBroken(p *contract.Party) bool {
	return p.Name == "" || len(p.Name) > 200 || p.Address == "" || len(p.Address) > 500 ||
		p.CVR != "" && !validate.ValidCVR(p.CVR) || p.VATID != "" && !validate.ValidVATID(p.VATID) ||
		p.Country != "" && !countryCode(p.Country)
}

// countryCode reports whether c has the shape of an ISO 3166-1 alpha-2
// code, two capital letters: the rule of InvoiceParty.Country's tag.
func countryCode(c string) bool {
	return len(c) == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z'
}

// crossChecks records the rules between fields of in that tags cannot
// express.
func crossChecks(ps *contract.Problems, in *InvoiceInput) {
	if !in.Received.IsZero() && in.Received.Before(in.Issued) {
		ps.Add("received", "gtefield", "issued")
	}
	if !in.Due.IsZero() && in.Due.Before(in.Issued) {
		ps.Add("due", "gtefield", "issued")
	}
	if !in.SupplyFrom.IsZero() && !in.SupplyTo.IsZero() && in.SupplyTo.Before(in.SupplyFrom) {
		ps.Add("supply_to", "gtefield", "supply_from")
	}
	if in.PaymentTerm.IsNegative() {
		ps.Add("payment_term", "gte", "P0D")
	}
	if in.Seller.CVR == "" && in.Seller.VATID == "" {
		ps.Add("seller.cvr", "required_without", "vat_id")
	}
	switch in.Treatment {
	case 0, DomesticVAT:
	case Export:
		// A supply outside the EU needs a buyer outside it: no country, or
		// a member state in any case ("de"), is not an export.
		switch c := strings.ToUpper(in.Buyer.Country); {
		case c == "":
			ps.Add("buyer.country", "required_with", "export")
		case euMember(c):
			ps.Add("buyer.country", "excluded_with", "export")
		}
	case ReverseCharge:
		switch id := in.Buyer.VATID; {
		case id == "":
			ps.Add("buyer.vat_id", "required_with", "reverse_charge")
		case len(id) >= 2 && id[:2] == "GR":
			// VIES and Directive 2006/112 Art. 215 write Greece's VAT
			// prefix EL; GR is its ISO country code only.
			ps.Add("buyer.vat_id", "vat_prefix", "EL")
		case len(id) < 2 || id[:2] == "DK" || !euMember(id[:2]):
			ps.Add("buyer.vat_id", "excluded_with", "reverse_charge")
		}
	default:
		ps.Add("vat_treatment", "oneof", "domestic reverse_charge export")
	}
	for i := range in.Lines {
		if in.Lines[i].UnitPrice.IsNegative() {
			ps.Add("lines["+strconv.Itoa(i)+"].unit_price", "gte", "0")
		}
	}
}

func summarize(dst []VATSummary, lines []InvoiceLine, cur currency.Unit, scale int32) []VATSummary {
	if len(lines) == 1 {
		l := lines[0]
		return append(dst[:0], VATSummary{Rate: l.VATRate, Net: l.Net, VAT: l.VAT})
	}
	type sums struct {
		rate     decimal.Decimal
		net, vat int64
	}
	var buf [4]sums
	acc := buf[:0]
	for _, l := range lines {
		n, _ := minor(l.Net)
		v, _ := minor(l.VAT)
		i := 0
		for i < len(acc) && !acc[i].rate.Equal(l.VATRate.Decimal()) {
			i++
		}
		if i == len(acc) {
			acc = append(acc, sums{rate: l.VATRate.Decimal()})
		}
		acc[i].net += n
		acc[i].vat += v
	}
	slices.SortFunc(acc, func(a, b sums) int { return b.rate.Cmp(a.rate) })
	out := slices.Grow(dst[:0], len(acc))[:len(acc)]
	for i, a := range acc {
		out[i] = VATSummary{Rate: contract.Dec(a.rate), Net: fromMinor(a.net, cur, scale), VAT: fromMinor(a.vat, cur, scale)}
	}
	return out
}

// mulRoundMoney is [money.MulRound] of q and m's amount when fast (the
// currency rounds to its minor unit, not to a cash step), without making
// a decimal of m; false otherwise.
func mulRoundMoney(q decimal.Decimal, m contract.Money, scale int32, fast bool) (int64, bool) {
	c, e, ok := m.Fixed()
	if !fast || !ok || q.NumDigits() > 18 {
		return 0, false
	}
	return money.MulRoundFixed(q.CoefficientInt64(), q.Exponent(), c, e, scale)
}

// euMembers are the EU member states, the countries of the one VAT table
// (contract.EUVATRates), with Greece also under its VAT prefix EL.
var euMembers = func() map[string]bool {
	m := map[string]bool{"EL": true}
	for _, r := range contract.EUVATRates().Rates {
		m[r.Country] = true
	}
	return m
}()

// euMember reports whether c, an ISO 3166-1 alpha-2 code or a VAT
// prefix, is an EU member state: "DE" and "EL" are, "NO" and "GB" are
// not.
func euMember(c string) bool { return euMembers[c] }
