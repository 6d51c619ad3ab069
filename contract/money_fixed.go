package contract

import (
	"math"
	"math/bits"
	"strconv"

	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// The inline form of Money: an amount is coef × 10^exp with coef in
// [-MaxInt64, MaxInt64] (never MinInt64, so that it can be negated), and
// only a coefficient beyond that is held as a decimal.Decimal. Every
// operation computes on the inline form when the result fits and falls
// back to the same decimal.Decimal operation when it does not, so the
// results -- coefficient and exponent -- are those of decimal.Decimal.

// maxInlineExp is the largest exponent Text writes without decimal's
// help: 10^30 and beyond are left to decimal.Decimal.
const maxInlineExp = 30

var pow10 = [...]uint64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// moneyForm is how a Money holds its amount.
type moneyForm uint8

const (
	formInline moneyForm = iota // coef × 10^exp
	formCached                  // coef × 10^exp, and the same as the decimal dec
	formBig                     // dec only: its coefficient does not fit an int64
)

// fromDecimal returns d in cur, inline when its coefficient fits, and
// keeps d for Amount.
func fromDecimal(d decimal.Decimal, cur currency.Unit) Money {
	if c, ok := smallCoef(d); ok {
		return Money{coef: c, exp: d.Exponent(), dec: d, form: formCached, cur: cur}
	}
	return Money{dec: d, form: formBig, cur: cur}
}

// smallCoef returns d's coefficient when it is within ±MaxInt64.
func smallCoef(d decimal.Decimal) (int64, bool) {
	switch n := d.NumDigits(); {
	case n <= 18:
		return d.CoefficientInt64(), true
	case n == 19:
		if c := d.Coefficient(); c.IsInt64() && c.Int64() != math.MinInt64 {
			return c.Int64(), true
		}
	}
	return 0, false
}

func abs64(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}

// signed returns u with the sign neg, and false when it is beyond
// ±MaxInt64.
func signed(u uint64, neg bool) (int64, bool) {
	if u > math.MaxInt64 {
		return 0, false
	}
	if neg {
		return -int64(u), true
	}
	return int64(u), true
}

// mul64 returns a × b, and false when it is beyond ±MaxInt64.
func mul64(a, b int64) (int64, bool) {
	if a == math.MinInt64 || b == math.MinInt64 {
		return 0, false
	}
	hi, lo := bits.Mul64(abs64(a), abs64(b))
	if hi != 0 {
		return 0, false
	}
	return signed(lo, (a < 0) != (b < 0))
}

// scale10 returns c × 10^n for n >= 0, and false when it is beyond
// ±MaxInt64.
func scale10(c int64, n int64) (int64, bool) {
	switch {
	case c == 0:
		return 0, true
	case n < 0 || n > 18:
		return 0, false
	}
	hi, lo := bits.Mul64(abs64(c), pow10[n])
	if hi != 0 {
		return 0, false
	}
	return signed(lo, c < 0)
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func sign64(c int64) int { return cmpInt(c, 0) }

// cmpAmounts compares the amounts of a and b, ignoring their currencies.
func cmpAmounts(a, b Money) int {
	if a.form == formBig || b.form == formBig {
		return a.Amount().Cmp(b.Amount())
	}
	switch {
	case a.exp == b.exp:
		return cmpInt(a.coef, b.coef)
	case a.exp > b.exp:
		if s, ok := scale10(a.coef, int64(a.exp)-int64(b.exp)); ok {
			return cmpInt(s, b.coef)
		}
		return sign64(a.coef) // |a| is beyond every int64, b's too
	default:
		if s, ok := scale10(b.coef, int64(b.exp)-int64(a.exp)); ok {
			return cmpInt(a.coef, s)
		}
		return -sign64(b.coef)
	}
}

// addAmounts returns a + b, or a - b when sub, with the exponent of
// decimal.Decimal's sum (the smaller one) and no currency.
func addAmounts(a, b Money, sub bool) Money {
	if a.form != formBig && b.form != formBig {
		e := min(a.exp, b.exp)
		ca, ok1 := scale10(a.coef, int64(a.exp)-int64(e))
		cb, ok2 := scale10(b.coef, int64(b.exp)-int64(e))
		if ok1 && ok2 {
			if sub {
				cb = -cb
			}
			if s := ca + cb; (s > ca) == (cb > 0) && s != math.MinInt64 {
				return Money{coef: s, exp: e}
			}
		}
	}
	if sub {
		return fromDecimal(a.Amount().Sub(b.Amount()), currency.Unit{})
	}
	return fromDecimal(a.Amount().Add(b.Amount()), currency.Unit{})
}

// round rounds m to its currency's minor unit in mode, as money.RoundMode
// does.
func (m Money) round(mode money.Mode) Money {
	if m.form != formBig {
		if _, inc := currency.Standard.Rounding(m.cur); inc <= 1 {
			if m.exp == -money.Scale(m.cur) {
				return m // as decimal.Decimal's Round returns d itself at the places asked
			}
			if c, ok := roundFixed(m.coef, m.exp, money.Scale(m.cur), mode); ok {
				return Money{coef: c, exp: -money.Scale(m.cur), cur: m.cur}
			}
		}
	}
	return fromDecimal(money.RoundMode(m.Amount(), m.cur, mode), m.cur)
}

// roundFixed returns c × 10^exp rounded to places decimals, as a
// coefficient of 10^-places, the way decimal.Decimal's Round (half away
// from zero) and RoundBank (half even) do; false when it does not fit.
func roundFixed(c int64, exp, places int32, mode money.Mode) (int64, bool) {
	k := -int64(places) - int64(exp) // digits dropped
	switch {
	case k == 0:
		return c, true
	case k < 0:
		return scale10(c, -k)
	case k > 18:
		return 0, false
	}
	p := int64(pow10[k])
	q, r := c/p, c%p
	ar := abs64(r)
	if ar >= uint64(p)-ar { // at least half: away from zero
		q += int64(sign64(c))
		if mode == money.HalfEven && 2*ar == uint64(p) && q%2 != 0 {
			q -= int64(sign64(c)) // a tie goes to the even neighbour
		}
	}
	return q, true
}

// appendFixed appends c × 10^exp as plain decimal text with places
// decimals, places >= -exp, exp <= maxInlineExp: the text of
// decimal.Decimal's StringFixed(places).
func appendFixed(b []byte, c int64, exp, places int32) []byte {
	if c < 0 {
		b = append(b, '-')
	}
	var digits [20]byte
	ds := strconv.AppendUint(digits[:0], abs64(c), 10)
	if exp >= 0 {
		b = append(b, ds...)
		if c != 0 {
			for range exp {
				b = append(b, '0')
			}
		}
		if places > 0 {
			b = append(b, '.')
			for range places {
				b = append(b, '0')
			}
		}
		return b
	}
	frac := int(-exp)
	if len(ds) > frac {
		b = append(b, ds[:len(ds)-frac]...)
		b = append(b, '.')
		b = append(b, ds[len(ds)-frac:]...)
	} else {
		b = append(b, '0', '.')
		for range frac - len(ds) {
			b = append(b, '0')
		}
		b = append(b, ds...)
	}
	for range int(places) - frac {
		b = append(b, '0')
	}
	return b
}

// sane is saneAmount of m's amount, without a decimal for an inline one:
// an exponent within ±18 and at most 10^18 in magnitude.
func (m Money) sane() bool {
	if m.form == formBig {
		return saneAmount(m.dec)
	}
	if m.exp < -18 || m.exp > 18 {
		return false
	}
	limit := Money{coef: 1, exp: 18}
	return cmpAmounts(m.Abs(), limit) <= 0
}

// maxMoney is decimal.Max(a, b) of the amounts: a unless b is greater.
func maxMoney(a, b Money) Money {
	if cmpAmounts(b, a) > 0 {
		return b
	}
	return a
}

// minMoney is decimal.Min(a, b) of the amounts: a unless b is less.
func minMoney(a, b Money) Money {
	if cmpAmounts(b, a) < 0 {
		return b
	}
	return a
}
