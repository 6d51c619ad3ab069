package billing

import (
	"encoding/json"
	"fmt"

	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// JSON of the values a host stores: currencies as ISO 4217 codes, amounts
// as strings with the currency's fixed scale ("24.90"), so that a
// [Plan], [Debt] (and so a [Collection]) or [Event] read back equals
// what was written.

func currencyCode(u currency.Unit) string {
	if u == (currency.Unit{}) {
		return ""
	}
	return u.String()
}

func parseCurrency(field, s string) (currency.Unit, error) {
	if s == "" {
		return currency.Unit{}, nil
	}
	u, err := currency.ParseISO(s)
	if err != nil || len(s) != 3 {
		return currency.Unit{}, &ValidationError{What: "json", Problems: []Problem{{Field: field, Rule: "currency", Detail: "not an ISO 4217 code"}}}
	}
	return u, nil
}

func amountText(d decimal.Decimal, u currency.Unit) string { return money.Format(d, u) }

func parseAmountField(field, s string, u currency.Unit) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Zero, nil
	}
	d, err := ParseAmount(s, u)
	if err != nil {
		return decimal.Zero, &ValidationError{What: "json", Problems: []Problem{{Field: field, Rule: "amount",
			Detail: "not a plain decimal amount at the currency's scale"}}}
	}
	return d, nil
}

// MarshalJSON writes p with its currency code and its price at the
// currency's scale: {"id":"pro","kind":"functionality",...,"price":"49.90","currency":"DKK"}.
// A Plan with no ID and no kind (no change scheduled in
// [Subscription.Next]) is null.
func (p Plan) MarshalJSON() ([]byte, error) {
	if p.ID == "" && p.Kind == 0 {
		return []byte("null"), nil
	}
	type plain Plan
	return json.Marshal(struct {
		plain
		Price    string `json:"price"`
		Currency string `json:"currency"`
	}{plain(p), amountText(p.Price, p.Currency), currencyCode(p.Currency)})
}

// UnmarshalJSON reads what MarshalJSON writes, null as the zero Plan; an
// unknown currency code or a price that is not a plain decimal is a
// *ValidationError.
func (p *Plan) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*p = Plan{}
		return nil
	}
	type plain Plan
	var v struct {
		*plain
		Price    string `json:"price"`
		Currency string `json:"currency"`
	}
	v.plain = (*plain)(p)
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	var err error
	if p.Currency, err = parseCurrency("currency", v.Currency); err != nil {
		return err
	}
	p.Price, err = parseAmountField("price", v.Price, p.Currency)
	return err
}

type paymentJSON struct {
	Date   string `json:"date"`
	Amount string `json:"amount"`
}

// MarshalJSON writes d with its currency code and amounts at the
// currency's scale.
func (d Debt) MarshalJSON() ([]byte, error) {
	type plain Debt
	pays := make([]paymentJSON, len(d.Payments))
	for i, p := range d.Payments {
		pays[i] = paymentJSON{p.Date.String(), amountText(p.Amount, d.Currency)}
	}
	return json.Marshal(struct {
		plain
		Amount   string        `json:"amount"`
		Currency string        `json:"currency"`
		Payments []paymentJSON `json:"payments,omitempty"`
	}{plain(d), amountText(d.Amount, d.Currency), currencyCode(d.Currency), pays})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Debt) UnmarshalJSON(b []byte) error {
	type plain Debt
	var v struct {
		*plain
		Amount   string        `json:"amount"`
		Currency string        `json:"currency"`
		Payments []paymentJSON `json:"payments,omitempty"`
	}
	v.plain = (*plain)(d)
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	var err error
	if d.Currency, err = parseCurrency("currency", v.Currency); err != nil {
		return err
	}
	if d.Amount, err = parseAmountField("amount", v.Amount, d.Currency); err != nil {
		return err
	}
	d.Payments = nil
	for i, p := range v.Payments {
		var pm Payment
		if err := pm.Date.UnmarshalText([]byte(p.Date)); err != nil {
			return &ValidationError{What: "json", Problems: []Problem{{Field: fmt.Sprintf("payments[%d].date", i), Rule: "date", Detail: "not YYYY-MM-DD"}}}
		}
		if pm.Amount, err = parseAmountField(fmt.Sprintf("payments[%d].amount", i), p.Amount, d.Currency); err != nil {
			return err
		}
		d.Payments = append(d.Payments, pm)
	}
	return nil
}

// MarshalJSON writes e with its currency code and amount at the
// currency's scale. The reason is not written: a host stores the event
// and renders reasons when it decides anew.
func (e Event) MarshalJSON() ([]byte, error) {
	type plain Event
	return json.Marshal(struct {
		plain
		Amount   string `json:"amount"`
		Currency string `json:"currency"`
	}{plain(e), amountText(e.Amount, e.Currency), currencyCode(e.Currency)})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (e *Event) UnmarshalJSON(b []byte) error {
	type plain Event
	var v struct {
		*plain
		Amount   string `json:"amount"`
		Currency string `json:"currency"`
	}
	v.plain = (*plain)(e)
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	var err error
	if e.Currency, err = parseCurrency("currency", v.Currency); err != nil {
		return err
	}
	e.Amount, err = parseAmountField("amount", v.Amount, e.Currency)
	return err
}

type lineJSON struct {
	Description string `json:"description"`
	Quantity    string `json:"quantity"`
	UnitPrice   string `json:"unit_price"`
	VATRate     string `json:"vat_rate"`
	Net         string `json:"net_amount"`
	VAT         string `json:"vat"`
}

type vatSummaryJSON struct {
	Rate string `json:"rate"`
	Net  string `json:"net_amount"`
	VAT  string `json:"vat"`
}

// MarshalJSON writes inv as the invoice document a host stores or sends:
// the currency as its ISO code, amounts at the currency's scale
// ("1543.20"), quantities and rates as plain decimals.
func (inv Invoice) MarshalJSON() ([]byte, error) {
	type plain Invoice
	u := inv.Currency
	lines := make([]lineJSON, len(inv.Lines))
	for i, l := range inv.Lines {
		lines[i] = lineJSON{l.Description, l.Quantity.String(), l.UnitPrice.String(), l.VATRate.String(),
			amountText(l.Net, u), amountText(l.VAT, u)}
	}
	sums := make([]vatSummaryJSON, len(inv.VATSummary))
	for i, s := range inv.VATSummary {
		sums[i] = vatSummaryJSON{s.Rate.String(), amountText(s.Net, u), amountText(s.VAT, u)}
	}
	return json.Marshal(struct {
		plain
		Currency   string           `json:"currency"`
		Lines      []lineJSON       `json:"lines"`
		VATSummary []vatSummaryJSON `json:"vat_summary"`
		Net        string           `json:"net_amount"`
		VAT        string           `json:"vat"`
		Total      string           `json:"total"`
	}{plain(inv), currencyCode(u), lines, sums, amountText(inv.Net, u), amountText(inv.VAT, u), amountText(inv.Total, u)})
}

// UnmarshalJSON reads what MarshalJSON writes. It restores the document
// as written and does not recompute it: pass an [InvoiceInput] to
// [NewInvoice] to check an invoice's arithmetic. DueDeadline is not
// stored and reads back zero.
func (inv *Invoice) UnmarshalJSON(b []byte) error {
	type plain Invoice
	var v struct {
		*plain
		Currency   string           `json:"currency"`
		Lines      []lineJSON       `json:"lines"`
		VATSummary []vatSummaryJSON `json:"vat_summary"`
		Net        string           `json:"net_amount"`
		VAT        string           `json:"vat"`
		Total      string           `json:"total"`
	}
	v.plain = (*plain)(inv)
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	u, err := parseCurrency("currency", v.Currency)
	if err != nil {
		return err
	}
	inv.Currency = u
	ps := problems{what: "json"}
	amount := func(field, s string) decimal.Decimal {
		d, err := parseAmountField(field, s, u)
		if err != nil {
			ps.add(field, "amount", "not a plain decimal amount at the currency's scale")
		}
		return d
	}
	number := func(field, s string) decimal.Decimal {
		d, err := money.Parse(s)
		if err != nil {
			ps.add(field, "decimal", "not a plain decimal")
		}
		return d
	}
	inv.Lines = make([]InvoiceLine, len(v.Lines))
	for i, l := range v.Lines {
		f := fmt.Sprintf("lines[%d].", i)
		inv.Lines[i] = InvoiceLine{
			Line: Line{Description: l.Description, Quantity: number(f+"quantity", l.Quantity),
				UnitPrice: number(f+"unit_price", l.UnitPrice), Currency: u, VATRate: number(f+"vat_rate", l.VATRate)},
			Net: amount(f+"net_amount", l.Net), VAT: amount(f+"vat", l.VAT)}
	}
	inv.VATSummary = make([]VATSummary, len(v.VATSummary))
	for i, s := range v.VATSummary {
		f := fmt.Sprintf("vat_summary[%d].", i)
		inv.VATSummary[i] = VATSummary{Rate: number(f+"rate", s.Rate), Net: amount(f+"net_amount", s.Net), VAT: amount(f+"vat", s.VAT)}
	}
	inv.Net, inv.VAT, inv.Total = amount("net_amount", v.Net), amount("vat", v.VAT), amount("total", v.Total)
	return ps.err()
}

type interestLineJSON struct {
	From      string `json:"from"`
	To        string `json:"to"`
	Days      int    `json:"days"`
	Principal string `json:"principal"`
	Basis     Basis  `json:"basis"`
	Rate      string `json:"rate"`
	Count     int64  `json:"count"`
	Per       int64  `json:"per"`
	Amount    string `json:"amount"`
}

// MarshalJSON writes s with its currency code and amounts at the
// currency's scale, so a customer's copy of the statement reads as the
// String form does.
func (s InterestStatement) MarshalJSON() ([]byte, error) {
	type plain InterestStatement
	u := s.Currency
	lines := make([]interestLineJSON, len(s.Lines))
	for i, l := range s.Lines {
		lines[i] = interestLineJSON{l.From.String(), l.To.String(), l.Days, amountText(l.Principal, u), l.Basis,
			l.Rate.String(), l.Count, l.Per, amountText(l.Amount, u)}
	}
	return json.Marshal(struct {
		plain
		Currency  string             `json:"currency"`
		Principal string             `json:"principal"`
		Lines     []interestLineJSON `json:"lines"`
		Total     string             `json:"total"`
	}{plain(s), currencyCode(u), amountText(s.Principal, u), lines, amountText(s.Total, u)})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *InterestStatement) UnmarshalJSON(b []byte) error {
	type plain InterestStatement
	var v struct {
		*plain
		Currency  string             `json:"currency"`
		Principal string             `json:"principal"`
		Lines     []interestLineJSON `json:"lines"`
		Total     string             `json:"total"`
	}
	v.plain = (*plain)(s)
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	u, err := parseCurrency("currency", v.Currency)
	if err != nil {
		return err
	}
	s.Currency = u
	ps := problems{what: "json"}
	amount := func(field, t string) decimal.Decimal {
		d, err := parseAmountField(field, t, u)
		if err != nil {
			ps.add(field, "amount", "not a plain decimal amount at the currency's scale")
		}
		return d
	}
	s.Principal, s.Total = amount("principal", v.Principal), amount("total", v.Total)
	s.Lines = make([]InterestLine, len(v.Lines))
	for i, l := range v.Lines {
		f := fmt.Sprintf("lines[%d].", i)
		line := InterestLine{Days: l.Days, Basis: l.Basis, Count: l.Count, Per: l.Per,
			Principal: amount(f+"principal", l.Principal), Amount: amount(f+"amount", l.Amount)}
		if line.From.UnmarshalText([]byte(l.From)) != nil {
			ps.add(f+"from", "date", "not YYYY-MM-DD")
		}
		if line.To.UnmarshalText([]byte(l.To)) != nil {
			ps.add(f+"to", "date", "not YYYY-MM-DD")
		}
		r, err := money.Parse(l.Rate)
		if err != nil {
			ps.add(f+"rate", "decimal", "not a plain decimal")
		}
		line.Rate = r
		s.Lines[i] = line
	}
	return ps.err()
}
