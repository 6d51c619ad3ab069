package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// Money is an exact amount in one currency: a [decimal.Decimal] with its
// ISO 4217 [currency.Unit]. It is a small immutable value like
// [time.Time]: copy it, compare it with [Money.Equal] (go-cmp uses that
// method), store it as JSON.
//
// Arithmetic never rounds by itself and refuses to mix currencies:
// 10.00 DKK + 5.00 EUR is an error wrapping [ErrCurrencyMismatch]. Round
// explicitly with [Money.Round] (the currency's minor unit, half away from
// zero), [Money.RoundHalfEven] or [Money.RoundCash] (DKK in 0.50 steps).
//
// The zero Money has no currency (its unit is XXX) and reports
// [Money.IsZero]; it is the identity of [Money.Add] and [Money.Sub], so a
// sum can start from it: var total Money; total, _ = total.Add(line).
// A 0.00 DKK amount is not the zero Money: its [Money.Sign] is 0 but it has
// a currency.
//
// An amount whose coefficient fits an int64 -- every price, line and total
// of a real invoice -- is kept inline as that coefficient and an exponent,
// so making, adding, multiplying by an integer and rounding such amounts
// does not allocate; a larger coefficient is kept as a [decimal.Decimal].
// Both give the same results, digit for digit and exponent for exponent,
// as the same arithmetic on [decimal.Decimal]. A Money made from a
// decimal keeps it, so [Money.Amount] returns it without allocating; an
// amount computed inline makes its decimal when Amount is called, and
// [Money.Fixed] reads any inline amount without one.
type Money struct {
	// The amount is coef × 10^exp, unless form is formBig: then it is
	// dec, whose coefficient does not fit an int64. An inline amount made
	// from a decimal (NewMoney, ParseMoney, JSON) keeps that decimal in
	// dec too (formCached), so that Amount returns it as before, without
	// allocating; one computed inline has none (formInline).
	coef int64
	dec  decimal.Decimal
	exp  int32
	form moneyForm
	cur  currency.Unit
}

// ErrCurrencyMismatch reports arithmetic or a comparison between amounts of
// two currencies: 10.00 DKK + 5.00 EUR.
var ErrCurrencyMismatch = errors.New("contract: currency mismatch")

// ErrInvalidMoney reports text that is not an amount a [Money] can hold: not
// a plain decimal, more decimals than the currency's minor unit where the
// parser asks for it, longer than [MaxDecimalText] characters, or beyond
// ±10^18.
var ErrInvalidMoney = errors.New("contract: invalid amount")

// MaxDecimalText is the longest decimal text, in bytes, that pimkit reads:
// 100 characters. Longer text is refused before any arithmetic, so a
// megabyte of digits costs nothing.
const MaxDecimalText = money.MaxText

// NewMoney returns amount in cur, exactly as given: NewMoney(12.345, DKK)
// keeps its three decimals until it is rounded. It does not check the
// limits of what can be stored; [Money.CheckLimits] does.
func NewMoney(amount decimal.Decimal, cur currency.Unit) Money {
	return fromDecimal(amount, cur)
}

// MoneyFromMinor returns minor units of cur: MoneyFromMinor(123450, DKK) is
// 1234.50 DKK, MoneyFromMinor(5, JPY) is 5 JPY, MoneyFromMinor(1234, BHD) is
// 1.234 BHD.
func MoneyFromMinor(minor int64, cur currency.Unit) Money {
	if minor == math.MinInt64 {
		return fromDecimal(decimal.New(minor, -money.Scale(cur)), cur)
	}
	return Money{coef: minor, exp: -money.Scale(cur), cur: cur}
}

// ZeroMoney returns 0 in cur: ZeroMoney(DKK) is 0.00 DKK, which is not the
// zero Money.
func ZeroMoney(cur currency.Unit) Money { return Money{exp: decimal.Zero.Exponent(), cur: cur} }

// ParseMoney reads amount text in cur at the currency's scale: a plain
// decimal with a point ("1234.50", "-3", "0.5"), at most as many decimals
// as the minor unit ("10.005" DKK is an error, "10.5" is 10.50 DKK), no
// exponent, no grouping, no sign but a leading minus, at most
// [MaxDecimalText] characters and within ±10^18. Errors wrap
// [ErrInvalidMoney] and never quote the text.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func ParseMoney(s string, cur currency.Unit) (Money, error) {
	d, err := money.ParseDecimal(s)
	if err != nil {
		return Money{}, fmt.Errorf("%w: not a plain decimal amount", ErrInvalidMoney)
	}
	if scale := money.Scale(cur); d.Exponent() < -scale {
		if r := d.Round(scale); r.Equal(d) {
			d = r // "10.500" DKK is 10.50 DKK
		} else {
			return Money{}, fmt.Errorf("%w: more than %d decimals for %s", ErrInvalidMoney, scale, cur)
		}
	}
	return fromDecimal(d, cur), nil
}

// MustParseMoney is [ParseMoney] for package-level values, tests and
// examples; it panics on invalid text, which is a programming error there.
func MustParseMoney(s string, cur currency.Unit) Money {
	m, err := ParseMoney(s, cur)
	if err != nil {
		panic(err)
	}
	return m
}

// Amount returns the exact amount, unrounded.
func (m Money) Amount() decimal.Decimal {
	if m.form != formInline {
		return m.dec
	}
	if m.coef == 0 && m.exp == 0 {
		return decimal.Decimal{}
	}
	return decimal.New(m.coef, m.exp)
}

// Fixed returns the amount as coef × 10^exp, without allocating, and
// ok false when its coefficient does not fit an int64: 1234.50 DKK
// parsed from "1234.50" is 123450, -2. The exponent is the amount's own,
// as [decimal.Decimal.Exponent] of [Money.Amount] gives it.
func (m Money) Fixed() (coef int64, exp int32, ok bool) {
	if m.form == formBig {
		return 0, 0, false
	}
	return m.coef, m.exp, true
}

// Currency returns the currency; XXX for the zero Money.
func (m Money) Currency() currency.Unit { return m.cur }

// IsZero reports whether m is the zero Money (no currency, amount 0).
// 0.00 DKK is not zero in this sense; test its [Money.Sign].
func (m Money) IsZero() bool { return m.cur == currency.Unit{} && m.Sign() == 0 }

// Sign returns -1, 0 or 1 as the amount is negative, zero or positive.
func (m Money) Sign() int {
	switch {
	case m.form == formBig:
		return m.dec.Sign()
	case m.coef < 0:
		return -1
	case m.coef > 0:
		return 1
	}
	return 0
}

// IsNegative reports whether the amount is below zero.
func (m Money) IsNegative() bool { return m.Sign() < 0 }

// IsPositive reports whether the amount is above zero.
func (m Money) IsPositive() bool { return m.Sign() > 0 }

// Equal reports whether m and o have the same currency and numerically
// equal amounts: 10.5 DKK equals 10.50 DKK, 10.50 DKK does not equal
// 10.50 EUR. go-cmp compares Money with this method.
func (m Money) Equal(o Money) bool { return m.cur == o.cur && cmpAmounts(m, o) == 0 }

// SameCurrency reports whether m and o are in the same currency; the zero
// Money matches every currency.
func (m Money) SameCurrency(o Money) bool {
	return m.cur == o.cur || m.IsZero() || o.IsZero()
}

func (m Money) unify(o Money, op string) (currency.Unit, error) {
	switch {
	case m.cur == o.cur:
		return m.cur, nil
	case m.IsZero():
		return o.cur, nil
	case o.IsZero():
		return m.cur, nil
	}
	return currency.Unit{}, fmt.Errorf("%w: %s %s and %s", ErrCurrencyMismatch, op, m.cur, o.cur)
}

// Add returns m + o, exactly; amounts in two currencies are an error
// wrapping [ErrCurrencyMismatch]. The zero Money adds as nothing.
func (m Money) Add(o Money) (Money, error) {
	cur, err := m.unify(o, "add")
	if err != nil {
		return Money{}, err
	}
	r := addAmounts(m, o, false)
	r.cur = cur
	return r, nil
}

// Sub returns m - o, exactly; amounts in two currencies are an error
// wrapping [ErrCurrencyMismatch].
func (m Money) Sub(o Money) (Money, error) {
	cur, err := m.unify(o, "subtract")
	if err != nil {
		return Money{}, err
	}
	r := addAmounts(m, o, true)
	r.cur = cur
	return r, nil
}

// Cmp compares m and o: -1 if m < o, 0 if equal, 1 if m > o; amounts in two
// currencies are an error wrapping [ErrCurrencyMismatch].
func (m Money) Cmp(o Money) (int, error) {
	if _, err := m.unify(o, "compare"); err != nil {
		return 0, err
	}
	return cmpAmounts(m, o), nil
}

// Mul returns m times f, exactly and unrounded: 10.00 DKK x 0.25 is 2.5000
// DKK until rounded.
func (m Money) Mul(f decimal.Decimal) Money {
	if m.form != formBig {
		if c, ok := smallCoef(f); ok {
			if e := int64(m.exp) + int64(f.Exponent()); e >= math.MinInt32 && e <= math.MaxInt32 {
				if p, ok := mul64(m.coef, c); ok {
					return Money{coef: p, exp: int32(e), cur: m.cur}
				}
			}
		}
	}
	return fromDecimal(m.Amount().Mul(f), m.cur)
}

// MulInt returns m times n: a unit price times a quantity.
func (m Money) MulInt(n int64) Money {
	if m.form != formBig {
		if p, ok := mul64(m.coef, n); ok {
			return Money{coef: p, exp: m.exp, cur: m.cur}
		}
	}
	return fromDecimal(m.Amount().Mul(decimal.NewFromInt(n)), m.cur)
}

// Neg returns -m.
func (m Money) Neg() Money {
	if m.form != formBig {
		return Money{coef: -m.coef, exp: m.exp, cur: m.cur} // never MinInt64
	}
	return fromDecimal(m.dec.Neg(), m.cur)
}

// Abs returns |m|.
func (m Money) Abs() Money {
	switch {
	case m.form == formBig:
		return fromDecimal(m.dec.Abs(), m.cur)
	case m.coef < 0:
		return Money{coef: -m.coef, exp: m.exp, cur: m.cur}
	}
	return m // as decimal.Decimal's Abs returns a non-negative d itself
}

// Round rounds to the currency's minor unit, half away from zero: 0.125
// DKK is 0.13, -0.125 DKK is -0.13, 1.2345 BHD is 1.235, 2.5 JPY is 3.
func (m Money) Round() Money { return m.round(money.HalfAwayFromZero) }

// RoundHalfEven rounds to the minor unit, half to even (banker's rounding):
// 0.125 DKK is 0.12, 0.135 DKK is 0.14.
func (m Money) RoundHalfEven() Money {
	return m.round(money.HalfEven)
}

// RoundCash rounds to the currency's cash increment, half away from zero:
// DKK in 0.50 steps (10.26 is 10.50, 10.24 is 10.00), CHF in 0.05, SEK in
// whole kronor. A currency without a cash rule rounds to its minor unit.
func (m Money) RoundCash() Money {
	return fromDecimal(money.RoundCash(m.Amount(), m.cur), m.cur)
}

// Minor returns the amount rounded to the minor unit as a count of minor
// units: 1234.50 DKK is 123450. ok is false when it does not fit an int64.
func (m Money) Minor() (minor int64, ok bool) {
	if r := m.Round(); r.form != formBig && r.exp == -money.Scale(m.cur) {
		if r.coef > money.MaxAbs || r.coef < -money.MaxAbs {
			return 0, false
		}
		return r.coef, true
	}
	d := money.Round(m.Amount(), m.cur).Shift(money.Scale(m.cur))
	if !d.IsInteger() || d.Abs().GreaterThan(decimal.New(1, 18)) {
		return 0, false
	}
	return d.IntPart(), true
}

// Allocate splits m, rounded to its minor unit, into parts proportional to
// weights that sum to it exactly, giving the minor units left over by
// rounding one each to the parts with the largest remainders (the first
// such part on a tie): 100.00 DKK by 1, 1, 1 is 33.34, 33.33, 33.33.
// Weights must not be negative and not all zero; otherwise the error wraps
// [ErrInvalidInput].
func (m Money) Allocate(weights ...decimal.Decimal) ([]Money, error) {
	total := decimal.Zero
	for _, w := range weights {
		if w.Sign() < 0 {
			return nil, fmt.Errorf("%w: allocate: negative weight", ErrInvalidInput)
		}
		total = total.Add(w)
	}
	if total.Sign() == 0 {
		return nil, fmt.Errorf("%w: allocate: weights sum to zero", ErrInvalidInput)
	}
	scale := money.Scale(m.cur)
	whole := money.Round(m.Amount(), m.cur)
	units := whole.Shift(scale) // an integer
	sign := units.Sign()
	units = units.Abs()
	parts := make([]decimal.Decimal, len(weights))
	rems := make([]decimal.Decimal, len(weights))
	given := decimal.Zero
	for i, w := range weights {
		exact := units.Mul(w).DivRound(total, 24)
		parts[i] = exact.Floor()
		rems[i] = exact.Sub(parts[i])
		given = given.Add(parts[i])
	}
	left := units.Sub(given).IntPart()
	for ; left > 0; left-- {
		best := -1
		for i := range rems {
			if weights[i].Sign() == 0 {
				continue
			}
			if best < 0 || rems[i].GreaterThan(rems[best]) {
				best = i
			}
		}
		parts[best] = parts[best].Add(decimal.NewFromInt(1))
		rems[best] = decimal.NewFromInt(-1)
	}
	out := make([]Money, len(parts))
	for i, p := range parts {
		if sign < 0 {
			p = p.Neg()
		}
		out[i] = fromDecimal(p.Shift(-scale), m.cur)
	}
	return out, nil
}

// Split divides m into n parts as equal as the minor unit allows, the
// larger parts first: 100.00 DKK in 3 is 33.34, 33.33, 33.33. n must be
// positive.
func (m Money) Split(n int) ([]Money, error) {
	if n <= 0 || n > 1<<20 {
		return nil, fmt.Errorf("%w: split into %d parts", ErrInvalidInput, n)
	}
	w := make([]decimal.Decimal, n)
	for i := range w {
		w[i] = decimal.NewFromInt(1)
	}
	return m.Allocate(w...)
}

// Text returns the amount as plain decimal text with at least the
// currency's minor-unit decimals and no fewer than it holds, so no digit is
// lost: 1234.5 DKK is "1234.50", 0.125 DKK is "0.125", 5 JPY is "5".
func (m Money) Text() string {
	places := money.Scale(m.cur)
	if m.form != formBig {
		if m.exp <= 0 && -m.exp > places {
			places = -m.exp
		}
		if m.exp >= -places && m.exp <= maxInlineExp {
			return string(appendFixed(make([]byte, 0, 24), m.coef, m.exp, places))
		}
	}
	d := m.Amount()
	if e := -d.Exponent(); e > places {
		places = e
	}
	return d.StringFixed(places)
}

// String returns "1234.50 DKK": [Money.Text], a space and the ISO code.
func (m Money) String() string { return m.Text() + " " + m.cur.String() }

// Format renders m for a reader of tag by the locale's CLDR currency
// pattern, exactly, with at least the minor unit's decimals: 1234.5 DKK is
// "1.234,50 kr." in Danish, "DKK 1,234.50" in English and "1 234,50 kr" in
// Swedish. The amount never passes through a float.
func (m Money) Format(tag language.Tag) string {
	f := formatFor(tag)
	num := f.number(m.Text())
	return f.currency(num, m.cur, tag)
}

type moneyJSON struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

// CheckLimits reports whether m can be stored and read again: nil when its
// [Money.Text] is within ±10^18 and at most [MaxDecimalText] characters,
// otherwise an error wrapping [ErrInvalidMoney] that does not quote the
// amount. [NewMoney] and arithmetic do not check, so that intermediate
// results may exceed the limits; check an amount where it enters a value
// that is stored (an invoice line, a claim), and [Money.MarshalJSON]
// refuses what would not read back.
func (m Money) CheckLimits() error {
	ok := false
	if m.form != formBig && m.exp <= 0 && m.coef > -money.MaxAbs && m.coef < money.MaxAbs {
		ok = money.InLimitsFixed(m.coef, m.exp, money.Scale(m.cur))
	} else {
		ok = money.InLimits(m.Amount(), money.Scale(m.cur))
	}
	if !ok {
		return fmt.Errorf("%w: amount beyond ±10^18 or longer than %d characters", ErrInvalidMoney, MaxDecimalText)
	}
	return nil
}

// MarshalJSON writes {"amount":"1234.50","currency":"DKK"}, the amount as
// [Money.Text]. An amount that [Money.UnmarshalJSON] could not read back
// (see [Money.CheckLimits]) is an error wrapping [ErrInvalidMoney].
func (m Money) MarshalJSON() ([]byte, error) {
	if err := m.CheckLimits(); err != nil {
		return nil, err
	}
	return json.Marshal(moneyJSON{Amount: m.Text(), Currency: m.cur.String()})
}

// UnmarshalJSON reads {"amount":"1234.50","currency":"DKK"}. The amount is
// read exactly, with any number of decimals up to [MaxDecimalText]
// characters; unknown currencies and malformed amounts wrap
// [ErrInvalidMoney]. null leaves m unchanged. It allocates at most 16
// bytes per input byte plus 64 KiB: input over 400 bytes is refused
// before it is read.
func (m *Money) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return nil
	}
	if len(b) > 4*MaxDecimalText {
		return fmt.Errorf("%w: amount object too long", ErrInvalidMoney)
	}
	var v moneyJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("%w: not an amount object", ErrInvalidMoney)
	}
	cur, err := ParseCurrency(v.Currency)
	if err != nil {
		return fmt.Errorf("%w: unknown currency", ErrInvalidMoney)
	}
	d, err := money.ParseDecimal(v.Amount)
	if err != nil {
		return fmt.Errorf("%w: not a plain decimal amount", ErrInvalidMoney)
	}
	*m = fromDecimal(d, cur.Unit())
	return nil
}
