// Package money rounds decimal amounts to the units of a currency and splits
// VAT, the same way in every pimkit package.
//
// Amounts are [decimal.Decimal]; the currency is an ISO 4217
// [currency.Unit] from golang.org/x/text, whose CLDR data gives each
// currency's minor unit (DKK 2, JPY 0, BHD 3) and cash increment (DKK 0.50,
// CHF 0.05, SEK 1). Rounding is explicit and half away from zero unless a
// caller asks for half-even. Round per line, then sum.
package money

import (
	"errors"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Mode is how a value exactly half-way between two steps is rounded.
type Mode uint8

const (
	// HalfAwayFromZero rounds 0.125 to 0.13 and -0.125 to -0.13. It is the
	// default for invoices and the commercial custom in Denmark.
	HalfAwayFromZero Mode = iota
	// HalfEven (banker's rounding) rounds 0.125 to 0.12 and 0.135 to 0.14.
	HalfEven
)

// Scale returns the number of decimals of u's minor unit: DKK 2, JPY 0,
// BHD 3. The zero Unit (XXX) has scale 2.
func Scale(u currency.Unit) int32 {
	s, _ := currency.Standard.Rounding(u)
	return int32(s)
}

// Round rounds d to u's minor unit, half away from zero:
// 0.125 DKK -> 0.13, -0.125 DKK -> -0.13, 1.2345 BHD -> 1.235.
// The result always carries exactly Scale(u) decimals.
func Round(d decimal.Decimal, u currency.Unit) decimal.Decimal {
	return RoundMode(d, u, HalfAwayFromZero)
}

// RoundMode rounds d to u's minor unit with the given mode:
// 0.125 DKK half-even -> 0.12.
func RoundMode(d decimal.Decimal, u currency.Unit, m Mode) decimal.Decimal {
	return roundKind(d, u, currency.Standard, m)
}

// RoundCash rounds d to u's cash increment, half away from zero: DKK is paid
// in steps of 0.50, so 10.26 -> 10.50 and 10.24 -> 10.00; CHF in 0.05; SEK
// and NOK in whole kroner. Currencies without a cash rule round to their
// minor unit.
func RoundCash(d decimal.Decimal, u currency.Unit) decimal.Decimal {
	return roundKind(d, u, currency.Cash, HalfAwayFromZero)
}

// RoundCashMode is RoundCash with an explicit mode.
func RoundCashMode(d decimal.Decimal, u currency.Unit, m Mode) decimal.Decimal {
	return roundKind(d, u, currency.Cash, m)
}

func roundKind(d decimal.Decimal, u currency.Unit, k currency.Kind, m Mode) decimal.Decimal {
	scale, inc := k.Rounding(u)
	places := int32(scale)
	if inc <= 1 {
		return roundPlaces(d, places, m)
	}
	// Round d / step to a whole number of steps, then scale back.
	step := decimal.New(int64(inc), -places)
	q := roundPlaces(d.Div(step), 0, m)
	return q.Mul(step).Round(places)
}

func roundPlaces(d decimal.Decimal, places int32, m Mode) decimal.Decimal {
	if m == HalfEven {
		return d.RoundBank(places)
	}
	return d.Round(places)
}

// AddVAT computes the VAT on a net amount at rate (0.25 for 25 %) and the
// gross amount, each rounded to u's minor unit: 1234.56 DKK at 0.25 ->
// VAT 308.64, gross 1543.20. The VAT is rounded once; gross = net + VAT, so
// the three always reconcile.
func AddVAT(net, rate decimal.Decimal, u currency.Unit) (vat, gross decimal.Decimal) {
	net = Round(net, u)
	vat = Round(net.Mul(rate), u)
	return vat, net.Add(vat)
}

// SplitVAT splits a gross amount that includes VAT at rate into its net part
// and VAT, rounding the net to u's minor unit and taking the VAT as the
// remainder so that net + VAT = gross exactly: 125.00 DKK at 0.25 -> net
// 100.00, VAT 25.00; 99.99 DKK -> net 79.99, VAT 20.00.
//
// A rate of -1 or below is no VAT rate (1 + rate would not be positive):
// SplitVAT then returns the gross as net and zero VAT rather than divide
// by zero; callers refuse such rates where they enter.
func SplitVAT(gross, rate decimal.Decimal, u currency.Unit) (net, vat decimal.Decimal) {
	gross = Round(gross, u)
	if one := decimal.NewFromInt(1).Add(rate); one.Sign() <= 0 {
		return gross, decimal.Zero.Round(Scale(u))
	}
	net = Round(gross.Div(decimal.NewFromInt(1).Add(rate)), u)
	return net, gross.Sub(net)
}

// Format writes d with exactly Scale(u) decimals and a point as separator,
// the fixed-scale text pimkit puts in JSON: 1234.5 DKK -> "1234.50",
// 5 JPY -> "5". It rounds half away from zero first. [Parse] reads the
// text back exactly when the rounded amount is within ±10^18 (see
// [InLimits]); every amount Parse accepts is, so Parse(Format(Parse(s)))
// never fails.
func Format(d decimal.Decimal, u currency.Unit) string {
	return Round(d, u).StringFixed(Scale(u))
}

// ErrSyntax is returned by Parse for text that is not a plain decimal number.
var ErrSyntax = errors.New("money: invalid amount")

// Parse reads a plain decimal amount with a point as separator ("1234.50",
// "-3", "0.125"), the inverse of Format. It accepts no exponent, no
// thousands separators, no currency sign and no surrounding space, so that
// what it accepts round-trips through Format unchanged when already at scale.
// It has the limits of [ParseDecimal] -- at most [MaxText] bytes and ±10^18
// -- so that whatever it accepts, rounded and formatted, reads back.
func Parse(s string) (decimal.Decimal, error) {
	return ParseDecimal(s)
}

func plainDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || len(s) > MaxText {
		return false
	}
	digits, dots := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			dots++
			if dots > 1 || i == 0 || i == len(s)-1 {
				return false
			}
		default:
			return false
		}
	}
	return digits > 0
}

// MaxText is the longest decimal text, in bytes, that ParseDecimal reads.
const MaxText = 100

// MaxAbs is the largest magnitude, 10^18, that ParseDecimal accepts.
const MaxAbs = 1_000_000_000_000_000_000

// maxAbs is MaxAbs as a decimal.
var maxAbs = decimal.New(1, 18)

// ParseDecimal reads a plain decimal ("1234.50", "-3", "0.125") of at most
// MaxText bytes and at most 10^18 in magnitude: the one bounded parser for
// every decimal pimkit reads, so that hostile text costs nothing and
// whatever it accepts can be written and read again. It accepts no
// exponent, grouping, sign other than a leading minus, or space. It
// allocates O(MaxText) at most, whatever the length of s.
func ParseDecimal(s string) (decimal.Decimal, error) {
	if len(s) > MaxText || !plainDecimal(s) {
		return decimal.Decimal{}, ErrSyntax
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.Abs().GreaterThan(maxAbs) {
		return decimal.Decimal{}, ErrSyntax
	}
	return d, nil
}

// InLimits reports whether d, written as plain text with at least places
// decimals and no fewer than it holds (d.StringFixed(max(places,
// -d.Exponent()))), is text that ParseDecimal reads: within ±10^18 and at
// most MaxText bytes. A value outside the limits can be computed with but
// not stored; check it where it enters. It does not allocate for values
// below 10^18 with at most 18 significant digits.
func InLimits(d decimal.Decimal, places int32) bool {
	if places < 0 {
		places = 0
	}
	if e := -d.Exponent(); e > places {
		places = e
	}
	if places > MaxText {
		return false
	}
	if d.NumDigits() <= 18 && d.Exponent() <= 0 {
		return fixedLen(d.CoefficientInt64(), d.Exponent(), places) <= MaxText
	}
	// Digits before the point: at most 19 (10^18 itself).
	if d.Abs().GreaterThan(maxAbs) {
		return false
	}
	n := len(d.Abs().Truncate(0).String())
	if places > 0 {
		n += 1 + int(places)
	}
	if d.Sign() < 0 {
		n++
	}
	return n <= MaxText
}

// InLimitsFixed is [InLimits] of c × 10^exp for |c| < 10^18 and exp <= 0,
// the amounts contract.Money keeps inline; it never allocates.
func InLimitsFixed(c int64, exp, places int32) bool {
	if places < 0 {
		places = 0
	}
	if -exp > places {
		places = -exp
	}
	if places > MaxText {
		return false
	}
	return fixedLen(c, exp, places) <= MaxText
}

// fixedLen is the length of c × 10^exp (|c| < 10^18, exp <= 0) written
// with places decimals, places >= -exp.
func fixedLen(c int64, exp, places int32) int {
	neg := c < 0
	if neg {
		c = -c
	}
	for e := exp; e < 0 && c != 0; e++ {
		c /= 10
	}
	n := 1
	for c >= 10 {
		c /= 10
		n++
	}
	if places > 0 {
		n += 1 + int(places)
	}
	if neg {
		n++
	}
	return n
}
