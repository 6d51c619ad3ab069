package peppol

import (
	"slices"
	"strconv"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
)

// hundred turns a percent into a fraction.
var hundred = decimal.NewFromInt(100)

// checker collects the problems of a document.
type checker struct {
	ps  contract.Problems
	cur contract.Currency
}

// amount checks that m, if present, is in the document's currency;
// required says it must be present.
func (c *checker) amount(path string, m contract.Money, required bool) {
	switch {
	case m.IsZero():
		if required {
			c.ps.Add(path, "required", "")
		}
	case !c.cur.IsZero() && m.Currency() != c.cur.Unit():
		c.ps.Add(path, "currency_mismatch", c.cur.String())
	case m.CheckLimits() != nil:
		c.ps.Add(path, "range", "")
	}
}

func (c *checker) sum(path string, got contract.Money, want decimal.Decimal, rule string) {
	if !got.Amount().Equal(want) {
		c.ps.Add(path, "sum", rule)
	}
}

// Check reports every problem of d that Peppol BIS Billing 3.0 and
// EN 16931 make fatal and that a value can show, at once, as a
// [*contract.ValidationError] wrapping [ErrInvalid] with JSON paths:
// a missing ID, issue date, currency, line, party legal name, country or
// electronic address ("seller.endpoint" required, PEPPOL-EN16931-R020);
// an amount in another currency ("lines[0].net_amount"
// currency_mismatch); a VAT category without rate or exemption reason
// where one is required (BR-E-10, BR-AE-10, BR-O-10); a credit note
// without the invoice it corrects ("billing_references" required,
// momsbekendtgørelsen § 58, stk. 2) or with a DueDate, which a UBL
// credit note states in its PaymentMeans instead; a tax-currency total without its
// currency (BR-53); and totals that do not add up exactly, to the minor
// unit: "totals.payable_amount" sum(BR-CO-16) when Payable is not
// TaxInclusive - Prepaid + Rounding. Sums are exact: Check does not
// allow the one minor unit of VAT per category that the schematron's
// BR-CO-17 tolerates, and it does not recompute VAT from the rates
// (a Danish invoice rounds VAT per line; see [Document.WithTotals]).
func (d Document) Check() error {
	c := checker{cur: d.Currency}
	ps := &c.ps
	if d.Kind != InvoiceKind && d.Kind != CreditNoteKind {
		ps.Add("kind", "oneof", "invoice credit_note")
	}
	if d.ID == "" {
		ps.Add("id", "required", "")
	}
	if d.IssueDate.IsZero() {
		ps.Add("issue_date", "required", "")
	}
	if d.Currency.IsZero() {
		ps.Add("currency", "required", "")
	} else if d.TaxCurrency == d.Currency {
		ps.Add("tax_currency", "nefield", "currency") // PEPPOL-EN16931-R005
	}
	if len(d.Notes) > 1 && (d.Seller.Address.Country != "DE" || d.Buyer.Address.Country != "DE") {
		ps.Add("notes", "max", "1") // PEPPOL-EN16931-R002
	}
	if d.BuyerReference == "" && d.Order.ID == "" {
		ps.Add("buyer_reference", "required_without", "order.id") // PEPPOL-EN16931-R003
	}
	if d.Kind == CreditNoteKind && len(d.BillingReferences) == 0 {
		ps.Add("billing_references", "required", "")
	}
	if d.Kind == CreditNoteKind && !d.DueDate.IsZero() {
		// UBL 2.1's CreditNote has no DueDate: BT-9 goes in PaymentMeans.
		ps.Add("due_date", "excluded_with", "payment_means.due_date")
	}
	for i, b := range d.BillingReferences {
		if b.ID == "" {
			ps.Add("billing_references["+strconv.Itoa(i)+"].id", "required", "")
		}
	}
	checkParty(ps, "seller", d.Seller)
	checkParty(ps, "buyer", d.Buyer)
	for i, p := range d.PaymentMeans {
		if p.Code == "" {
			ps.Add("payment_means["+strconv.Itoa(i)+"].code", "required", "")
		}
	}
	var allow, charge decimal.Decimal
	for i, a := range d.AllowanceCharges {
		p := "allowance_charges[" + strconv.Itoa(i) + "]"
		c.allowance(p, a)
		checkCategory(ps, p+".category", a.Category, false)
		if a.Charge {
			charge = charge.Add(a.Amount.Amount())
		} else {
			allow = allow.Add(a.Amount.Amount())
		}
	}
	if len(d.Lines) == 0 {
		ps.Add("lines", "min", "1")
	}
	var lines decimal.Decimal
	for i, l := range d.Lines {
		p := "lines[" + strconv.Itoa(i) + "]"
		if l.ID == "" {
			ps.Add(p+".id", "required", "")
		}
		if l.UnitCode == "" {
			ps.Add(p+".unit_code", "required", "")
		}
		if l.Item.Name == "" {
			ps.Add(p+".item.name", "required", "")
		}
		checkCategory(ps, p+".item.category", l.Item.Category, false)
		c.amount(p+".net_amount", l.Net, true)
		c.amount(p+".price.amount", l.Price.Amount, true)
		if l.Price.Amount.IsNegative() {
			ps.Add(p+".price.amount", "gte", "0") // BR-27
		}
		if l.Price.BaseQuantity.Decimal().Sign() < 0 {
			ps.Add(p+".price.base_quantity", "gt", "0")
		}
		c.amount(p+".price.discount", l.Price.Discount, false)
		c.amount(p+".price.gross", l.Price.Gross, false)
		for j, a := range l.AllowanceCharges {
			c.allowance(p+".allowance_charges["+strconv.Itoa(j)+"]", a)
		}
		lines = lines.Add(l.Net.Amount())
	}
	var tax decimal.Decimal
	if len(d.TaxSubtotals) == 0 {
		ps.Add("tax_subtotals", "min", "1")
	}
	for i, s := range d.TaxSubtotals {
		p := "tax_subtotals[" + strconv.Itoa(i) + "]"
		c.amount(p+".taxable_amount", s.Taxable, true)
		c.amount(p+".tax_amount", s.Tax, true)
		checkCategory(ps, p+".category", s.Category, true)
		tax = tax.Add(s.Tax.Amount())
	}
	t := d.Totals
	c.amount("tax_amount", d.Tax, true)
	c.amount("totals.line_extension_amount", t.LineExtension, true)
	c.amount("totals.tax_exclusive_amount", t.TaxExclusive, true)
	c.amount("totals.tax_inclusive_amount", t.TaxInclusive, true)
	c.amount("totals.allowance_total", t.Allowances, false)
	c.amount("totals.charge_total", t.Charges, false)
	c.amount("totals.prepaid_amount", t.Prepaid, false)
	c.amount("totals.rounding_amount", t.Rounding, false)
	c.amount("totals.payable_amount", t.Payable, true)
	switch {
	case d.TaxCurrency.IsZero() && !d.TaxInTaxCurrency.IsZero():
		ps.Add("tax_currency", "required_with", "tax_in_tax_currency")
	case !d.TaxCurrency.IsZero() && d.TaxInTaxCurrency.IsZero():
		ps.Add("tax_in_tax_currency", "required_with", "tax_currency") // BR-53
	case !d.TaxCurrency.IsZero() && d.TaxInTaxCurrency.Currency() != d.TaxCurrency.Unit():
		ps.Add("tax_in_tax_currency", "currency_mismatch", d.TaxCurrency.String())
	}
	if ps.Len() == 0 {
		c.sum("totals.line_extension_amount", t.LineExtension, lines, "BR-CO-10")
		c.sum("totals.allowance_total", t.Allowances, allow, "BR-CO-11")
		c.sum("totals.charge_total", t.Charges, charge, "BR-CO-12")
		c.sum("totals.tax_exclusive_amount", t.TaxExclusive,
			t.LineExtension.Amount().Sub(t.Allowances.Amount()).Add(t.Charges.Amount()), "BR-CO-13")
		c.sum("tax_amount", d.Tax, tax, "BR-CO-14")
		c.sum("totals.tax_inclusive_amount", t.TaxInclusive, t.TaxExclusive.Amount().Add(d.Tax.Amount()), "BR-CO-15")
		c.sum("totals.payable_amount", t.Payable,
			t.TaxInclusive.Amount().Sub(t.Prepaid.Amount()).Add(t.Rounding.Amount()), "BR-CO-16")
		for i, s := range d.TaxSubtotals {
			c.sum("tax_subtotals["+strconv.Itoa(i)+"].taxable_amount", s.Taxable, d.taxable(s.Category), "BR-CO-18")
		}
	}
	return ps.Err("check document", ErrInvalid)
}

func (c *checker) allowance(p string, a AllowanceCharge) {
	c.amount(p+".amount", a.Amount, true)
	c.amount(p+".base_amount", a.BaseAmount, false)
	if a.Percent.IsZero() != a.BaseAmount.IsZero() {
		c.ps.Add(p+".percent", "required_with", "base_amount") // PEPPOL-EN16931-R041, R042
	}
	if a.Reason == "" && a.ReasonCode == "" {
		c.ps.Add(p+".reason", "required_without", "reason_code") // BR-33, BR-38
	}
}

func checkParty(ps *contract.Problems, p string, x Party) {
	if x.LegalName == "" {
		ps.Add(p+".legal_name", "required", "") // BR-6, BR-7
	}
	if x.Address.Country == "" {
		ps.Add(p+".address.country", "required", "") // BR-9, BR-11
	}
	if x.Endpoint.ID == "" || x.Endpoint.Scheme == "" {
		ps.Add(p+".endpoint", "required", "") // PEPPOL-EN16931-R010, R020
	}
}

// checkCategory checks a category's code and rate and, in a VAT
// breakdown, the exemption reason that E, AE, O, K and G need there
// (BR-E-10, BR-AE-10, BR-O-10, BR-IC-10, BR-G-10).
func checkCategory(ps *contract.Problems, p string, c TaxCategory, breakdown bool) {
	switch c.Code {
	case "":
		ps.Add(p+".code", "required", "")
	case StandardRate:
		if c.Percent.Decimal().Sign() <= 0 {
			ps.Add(p+".percent", "gt", "0") // BR-S-05
		}
	case ZeroRated, Exempt, ReverseCharge, IntraCommunity, ExportOutsideEU:
		if !c.Percent.IsZero() {
			ps.Add(p+".percent", "eq", "0")
		}
	}
	switch c.Code {
	case Exempt, ReverseCharge, OutsideScope, IntraCommunity, ExportOutsideEU:
		if breakdown && c.ExemptionCode == "" && c.ExemptionReason == "" {
			ps.Add(p+".exemption_reason", "required_without", "exemption_code")
		}
	}
}

// same reports whether a and b are one VAT breakdown: the same code and,
// except for O, the same rate.
func same(a, b TaxCategory) bool {
	return a.Code == b.Code && (a.Code == OutsideScope || a.Percent.Equal(b.Percent))
}

// taxable is the taxable amount of category k: its lines' net amounts
// plus its document charges minus its document allowances (BR-S-08 and
// its siblings for the other categories).
func (d Document) taxable(k TaxCategory) decimal.Decimal {
	var s decimal.Decimal
	for _, l := range d.Lines {
		if same(l.Item.Category, k) {
			s = s.Add(l.Net.Amount())
		}
	}
	for _, a := range d.AllowanceCharges {
		if same(a.Category, k) {
			if a.Charge {
				s = s.Add(a.Amount.Amount())
			} else {
				s = s.Sub(a.Amount.Amount())
			}
		}
	}
	return s
}

// WithTotals returns d with the amounts computed from its lines, prices,
// allowances and charges, then checked with [Document.Check]:
//
//   - each line's Net = Quantity x Price.Amount / BaseQuantity, rounded
//     half away from zero to the minor unit, minus its allowances plus its
//     charges (PEPPOL-EN16931-R120); an allowance with Percent and
//     BaseAmount but no Amount gets Amount = BaseAmount x Percent / 100,
//     rounded;
//   - one VAT breakdown per category and rate, in the order first met on
//     the lines, then the document's allowances and charges: its taxable
//     amount, and its VAT = taxable x rate, rounded once per breakdown as
//     EN 16931 computes it (BR-CO-17): 3 lines of 0.10 DKK at 25 % have
//     0.08 VAT, where rounding each line gives 0.09;
//   - the totals, keeping Prepaid and Rounding as given.
//
// The exemption reason of a category (E, AE, O) is given on the lines'
// or allowances' categories and moves to its breakdown, where EN 16931
// puts it (BR-E-10); UBL advises against it on a line (UBL-CR-601).
//
// An invoice from [FromInvoice] already carries billing's amounts, VAT
// rounded per line; WithTotals is for a document a host builds itself,
// such as one with document-level discounts. TaxInTaxCurrency is left as
// it is: its rate is the host's.
func (d Document) WithTotals() (Document, error) {
	u := d.Currency.Unit()
	zero := contract.ZeroMoney(u)
	round := func(x decimal.Decimal) contract.Money { return contract.NewMoney(money.Round(x, u), u) }
	d.Lines = slices.Clone(d.Lines)
	d.AllowanceCharges = slices.Clone(d.AllowanceCharges)
	var subs []TaxSubtotal
	add := func(k *TaxCategory) {
		i := slices.IndexFunc(subs, func(s TaxSubtotal) bool { return same(s.Category, *k) })
		if i < 0 {
			i = len(subs)
			subs = append(subs, TaxSubtotal{Category: TaxCategory{Code: k.Code, Percent: k.Percent}})
		}
		if c := &subs[i].Category; c.ExemptionCode == "" && c.ExemptionReason == "" {
			c.ExemptionCode, c.ExemptionReason = k.ExemptionCode, k.ExemptionReason
		}
		k.ExemptionCode, k.ExemptionReason = "", ""
	}
	fill := func(a AllowanceCharge) AllowanceCharge {
		if a.Amount.IsZero() && !a.BaseAmount.IsZero() {
			a.Amount = round(a.BaseAmount.Amount().Mul(a.Percent.Decimal()).Div(hundred))
		}
		return a
	}
	lines := zero
	for i := range d.Lines {
		l := &d.Lines[i]
		l.AllowanceCharges = slices.Clone(l.AllowanceCharges)
		q := l.Quantity.Decimal()
		if b := l.Price.BaseQuantity.Decimal(); b.Sign() > 0 {
			q = q.Div(b)
		}
		net := money.Round(q.Mul(l.Price.Amount.Amount()), u)
		for j := range l.AllowanceCharges {
			a := fill(l.AllowanceCharges[j])
			l.AllowanceCharges[j] = a
			if a.Charge {
				net = net.Add(a.Amount.Amount())
			} else {
				net = net.Sub(a.Amount.Amount())
			}
		}
		l.Net = contract.NewMoney(net, u)
		lines = contract.NewMoney(lines.Amount().Add(net), u)
		add(&l.Item.Category)
	}
	allow, charge := zero, zero
	for i := range d.AllowanceCharges {
		a := fill(d.AllowanceCharges[i])
		add(&a.Category)
		d.AllowanceCharges[i] = a
		if a.Charge {
			charge = contract.NewMoney(charge.Amount().Add(a.Amount.Amount()), u)
		} else {
			allow = contract.NewMoney(allow.Amount().Add(a.Amount.Amount()), u)
		}
	}
	tax := zero
	for i := range subs {
		s := &subs[i]
		s.Taxable = contract.NewMoney(d.taxable(s.Category), u)
		s.Tax = round(s.Taxable.Amount().Mul(s.Category.Percent.Decimal()).Div(hundred))
		if s.Category.Code == OutsideScope {
			s.Tax = zero
		}
		tax = contract.NewMoney(tax.Amount().Add(s.Tax.Amount()), u)
	}
	d.TaxSubtotals, d.Tax = subs, tax
	t := &d.Totals
	t.LineExtension = lines
	t.Allowances, t.Charges = contract.Money{}, contract.Money{}
	if len(d.AllowanceCharges) > 0 {
		t.Allowances, t.Charges = allow, charge
	}
	t.TaxExclusive = contract.NewMoney(lines.Amount().Sub(allow.Amount()).Add(charge.Amount()), u)
	t.TaxInclusive = contract.NewMoney(t.TaxExclusive.Amount().Add(tax.Amount()), u)
	t.Payable = contract.NewMoney(t.TaxInclusive.Amount().Sub(t.Prepaid.Amount()).Add(t.Rounding.Amount()), u)
	if err := d.Check(); err != nil {
		return Document{}, err
	}
	return d, nil
}
