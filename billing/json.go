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
