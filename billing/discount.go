package billing

import (
	"slices"
	"strconv"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Discounts are allowances, never negative prices. An invoice line's unit
// price is never below zero; a discount is its own line on the invoice --
// an allowance, in the words of EN 16931 and Peppol BIS Billing 3.0 --
// with a positive amount that is taken off. Each allowance is rounded on
// its own, and its VAT is its rounded amount times its rate, rounded;
// then lines and allowances are summed. So the invoice reconciles to the
// øre, rate by rate: the VAT summary's net at 25 % is the lines' rounded
// net at 25 % less the allowances' rounded amounts at 25 %, and its VAT
// likewise.

// Allowance is a discount on an invoice as the host gives it: a
// percentage or a fixed amount off one line, or off the invoice's lines at
// one VAT rate. Exactly one of Percent and Amount is set.
//
// 20 % off a line of 249.00 DKK at 25 % is an allowance of 49.80 DKK with
// VAT 12.45; the invoice's net is 199.20, its VAT 49.80, its total 249.00.
type Allowance struct {
	// Description is what the invoice prints: "Launch offer 20 %".
	Description string `json:"description" validate:"required,max=500"`
	// Line is the number of the line discounted, counted from 1 as the
	// invoice prints its lines; 0 discounts the invoice, and then Percent
	// is a share of the net of all lines at VATRate.
	Line int `json:"line,omitempty" validate:"gte=0"`
	// Percent is the share taken off as a fraction, 0 < Percent <= 1:
	// 0.20 for 20 %.
	Percent contract.Decimal `json:"percent,omitzero" validate:"dgte=0,dlte=1"`
	// Amount is a fixed amount taken off, excluding VAT, in the invoice's
	// currency.
	Amount contract.Money `json:"amount,omitzero"`
	// VATRate is the rate of an allowance on the invoice (Line 0), as a
	// fraction; an allowance on a line has the line's rate. Under
	// ReverseCharge and Export it is 0, as the lines' rates are.
	VATRate contract.Decimal `json:"vat_rate,omitzero" validate:"dgte=0,dlte=1"`
	// Discount is the host's ID of the discount given, such as a plan's
	// [Discount.ID]; optional.
	Discount string `json:"discount,omitempty" validate:"max=100"`
}

// InvoiceAllowance is an allowance with its amounts, both positive and
// taken off the invoice: Net rounded half away from zero to the minor
// unit, VAT = Net x VATRate rounded, never more than the VAT of the lines
// at that rate.
type InvoiceAllowance struct {
	Allowance
	Net contract.Money `json:"net_amount"`
	VAT contract.Money `json:"vat"`
}

// allowances computes in's allowances onto inv, whose lines are priced,
// and returns the net and VAT they take off in minor units. Problems go
// to ps at "allowances[i]...".
func allowances(ps *contract.Problems, inv *Invoice, in []Allowance, domestic bool, cur currency.Unit, scale int32) (net, vat int64) {
	type byRate struct {
		rate             decimal.Decimal
		net, vat, offNet int64
		offVAT           int64
	}
	var rbuf [4]byRate
	rates := rbuf[:0]
	at := func(r decimal.Decimal) *byRate {
		for i := range rates {
			if rates[i].rate.Equal(r) {
				return &rates[i]
			}
		}
		rates = append(rates, byRate{rate: r})
		return &rates[len(rates)-1]
	}
	var lbuf [8]int64 // the minor units taken off each line
	var lineOff []int64
	if len(inv.Lines) <= len(lbuf) {
		lineOff = lbuf[:len(inv.Lines)]
	} else {
		lineOff = make([]int64, len(inv.Lines))
	}
	for _, l := range inv.Lines {
		n, _ := minor(l.Net)
		v, _ := minor(l.VAT)
		r := at(l.VATRate.Decimal())
		r.net += n
		r.vat += v
	}
	inv.Allowances = slices.Grow(inv.Allowances[:0], len(in)) // a NewInvoiceInto buffer, or nil
	for i, a := range in {
		path := func() string { return "allowances[" + strconv.Itoa(i) + "]" } // built for a problem only
		rate := a.VATRate.Decimal()
		var base int64
		switch {
		case a.Line < 0:
			continue // the tags reported it
		case a.Line > len(inv.Lines):
			ps.Add(path()+".line", "lte", strconv.Itoa(len(inv.Lines)))
			continue
		case a.Line > 0:
			l := inv.Lines[a.Line-1]
			rate = l.VATRate.Decimal()
			base, _ = minor(l.Net)
			base -= lineOff[a.Line-1]
		default:
			if !domestic {
				rate = decimal.Zero
			}
			base = at(rate).net
		}
		if !domestic {
			rate = decimal.Zero
		}
		var off int64
		pct, amt := a.Percent.Decimal(), a.Amount
		switch {
		case pct.Sign() > 0 && !amt.IsZero(), pct.Sign() == 0 && amt.IsZero():
			ps.Add(path()+".percent", "required_without", "amount")
			continue
		case pct.Sign() > 0:
			if !readable(pct, 0) || !readable(rate, 0) {
				ps.Add(path()+".percent", "range", "")
				continue
			}
			if !fraction(pct) {
				continue // the tags reported it: dlte 1
			}
			off, _ = minor(fromMinor(base, cur, scale).Mul(pct).Round())
		default:
			if rule, param := amountProblem(amt, contract.CurrencyOf(cur), positive); rule != "" {
				ps.Add(path()+".amount", rule, param)
				continue
			}
			off, _ = minor(amt)
		}
		r := at(rate)
		if off > base || r.offNet+off > r.net {
			ps.Add(path(), "exceeds_invoice", fromMinor(min(base, r.net-r.offNet), cur, scale).Text())
			continue
		}
		if off == 0 {
			ps.Add(path(), "zero_amount", "")
			continue
		}
		v, ok := minor(fromMinor(off, cur, scale).Mul(rate).Round())
		if !ok {
			ps.Add(path()+".vat_rate", "range", "")
			continue
		}
		v = min(v, r.vat-r.offVAT)
		r.offNet += off
		r.offVAT += v
		if a.Line > 0 {
			lineOff[a.Line-1] += off
		}
		a.VATRate = contract.Dec(rate)
		inv.Allowances = append(inv.Allowances, InvoiceAllowance{Allowance: a,
			Net: fromMinor(off, cur, scale), VAT: fromMinor(v, cur, scale)})
		net, vat = net+off, vat+v
	}
	return net, vat
}

// summarizeAllowances returns the VAT summary of lines less allowances,
// by rate, highest rate first.
func summarizeAllowances(dst []VATSummary, lines []InvoiceLine, allow []InvoiceAllowance, cur currency.Unit, scale int32) []VATSummary {
	out := summarize(dst, lines, cur, scale)
	for _, a := range allow {
		i := slices.IndexFunc(out, func(s VATSummary) bool { return s.Rate.Equal(a.VATRate) })
		if i < 0 { // unreachable: an allowance's rate is a line's
			continue
		}
		out[i].Net, _ = out[i].Net.Sub(a.Net)
		out[i].VAT, _ = out[i].VAT.Sub(a.VAT)
	}
	return out
}

// DiscountDuration is how long a plan's discount lasts. The zero value is
// invalid.
type DiscountDuration uint8

const (
	// Once discounts the first period charged.
	Once DiscountDuration = iota + 1
	// Repeating discounts the first Cycles periods charged.
	Repeating
	// Forever discounts every period charged.
	Forever
)

var discountDurationNames = enum.Names{Once: "once", Repeating: "repeating", Forever: "forever"}

// String returns "once", "repeating" or "forever".
func (d DiscountDuration) String() string {
	return enum.String(discountDurationNames, d, "DiscountDuration")
}

// MarshalText implements encoding.TextMarshaler; the zero duration is an
// error.
func (d DiscountDuration) MarshalText() ([]byte, error) {
	return enum.Marshal(discountDurationNames, d, "discount duration", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (d *DiscountDuration) UnmarshalText(b []byte) error {
	return enum.Unmarshal(discountDurationNames, b, d, "discount duration", ErrSyntax)
}

// Discount is a discount on a plan's price per period: a percentage or a
// fixed amount, for the first period charged, the first Cycles periods,
// or forever. Exactly one of Percent and Amount is set. A subscription
// charges the plan's full price and the discount beside it
// ([Event.Discount]), so the invoice shows the price and the allowance.
type Discount struct {
	// ID is the host's name for the discount: "launch-20".
	ID string `json:"id" validate:"required,max=100"`
	// Percent is the share taken off as a fraction: 0.20 for 20 %.
	Percent contract.Decimal `json:"percent,omitzero" validate:"dgte=0,dlte=1"`
	// Amount is a fixed amount taken off each discounted period,
	// excluding VAT, in the plan's currency; at most the price.
	Amount   contract.Money   `json:"amount,omitzero"`
	Duration DiscountDuration `json:"duration" validate:"required"`
	// Cycles is the number of periods a Repeating discount lasts, at
	// least 1; 0 for the other durations.
	Cycles int `json:"cycles,omitempty" validate:"gte=0"`
}

// id returns d's ID, "" for nil.
func (d *Discount) id() string {
	if d == nil {
		return ""
	}
	return d.ID
}

// IsZero reports whether d is the zero Discount: no discount.
func (d Discount) IsZero() bool {
	return d.ID == "" && d.Percent.IsZero() && d.Amount.IsZero() && d.Duration == 0 && d.Cycles == 0
}

// Applies reports whether d discounts a subscription's period after
// charged discounted periods: a Once discount applies at 0 and not at 1, a
// Repeating one of 3 cycles at 0, 1 and 2, Forever always, the zero
// Discount never.
func (d Discount) Applies(charged int) bool {
	switch d.Duration {
	case Once:
		return charged < 1
	case Repeating:
		return charged < d.Cycles
	case Forever:
		return d.ID != ""
	}
	return false
}

// Off returns the amount d takes off price, rounded half away from zero
// to the minor unit and never more than price: 20 % of 249.00 DKK is
// 49.80, a fixed 300.00 off 249.00 is 249.00. The zero Discount takes
// off nothing (0 in price's currency).
func (d Discount) Off(price contract.Money) contract.Money {
	cur := price.Currency()
	switch {
	case d.ID == "" || !price.IsPositive():
		return contract.ZeroMoney(cur)
	case d.Percent.Decimal().Sign() > 0:
		return price.Mul(d.Percent.Decimal()).Round() // the same digits as decimal arithmetic, kept inline
	case d.Amount.Currency() != cur:
		return contract.ZeroMoney(cur)
	case cmpMoney(d.Amount, price) > 0:
		return price.Round()
	}
	return d.Amount.Round()
}

// problems records every problem of d under prefix, for a plan priced in
// cur.
func (d Discount) problems(ps *contract.Problems, prefix string, cur contract.Currency) {
	ps.Check(prefix, d)
	pct := d.Percent.Decimal().Sign() > 0
	if pct == !d.Amount.IsZero() {
		ps.Add(join(prefix, "percent"), "required_without", "amount")
	}
	if !d.Amount.IsZero() {
		checkAmount(ps, join(prefix, "amount"), d.Amount, cur, positive)
	}
	switch d.Duration {
	case 0:
	case Once, Forever:
		if d.Cycles != 0 {
			ps.Add(join(prefix, "cycles"), "excluded_unless", "duration repeating")
		}
	case Repeating:
		if d.Cycles < 1 {
			ps.Add(join(prefix, "cycles"), "gte", "1")
		}
	default:
		ps.Add(join(prefix, "duration"), "oneof", "once repeating forever")
	}
}

// cmpMoney compares the amounts of a and b, which are in one currency.
func cmpMoney(a, b contract.Money) int {
	c, _ := a.Cmp(b)
	return c
}
