package money

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Fixed-point arithmetic on amounts held as integers of a currency's
// minor unit (øre) and rates held as integers of 1e-8: the exact core of
// pimkit's interest and invoice arithmetic. Products are formed in
// unsigned 128-bit integers and divided once, rounding half away from
// zero; only when a value would not fit do the functions fall back to
// math/big, so the common case does not allocate.

// MaxMinor bounds amounts in minor units so that sums of many lines and
// the products inside [MulDiv] stay exact: 10^15 øre is 10 trillion DKK.
const MaxMinor = 1_000_000_000_000_000

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// ToMinor returns d as an integer of 10^-scale -- in minor units of a
// currency with scale decimals -- and false when d has more decimals than
// that (1.005 at scale 2) or exceeds [MaxMinor] in magnitude: 10000.00 at
// scale 2 is 1000000. It does not allocate for amounts below 10^18.
func ToMinor(d decimal.Decimal, scale int32) (int64, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	return ToMinorFixed(d.CoefficientInt64(), d.Exponent(), scale)
}

// ToMinorFixed is [ToMinor] of c × 10^exp: false also when |c| >= 10^18.
func ToMinorFixed(c int64, exp, scale int32) (int64, bool) {
	if c >= MaxAbs || c <= -MaxAbs {
		return 0, false
	}
	shift := exp + scale
	switch {
	case shift > 0:
		if shift > 18 {
			if c == 0 {
				return 0, true
			}
			return 0, false
		}
		f := pow10[shift]
		if c > MaxMinor/f || c < -MaxMinor/f {
			return 0, false
		}
		c *= f
	case shift < 0:
		if shift < -18 {
			return 0, c == 0
		}
		f := pow10[-shift]
		if c%f != 0 {
			return 0, false
		}
		c /= f
	}
	if c > MaxMinor || c < -MaxMinor {
		return 0, false
	}
	return c, true
}

// MulDiv returns a x b x c / den rounded half away from zero; den must be
// positive, and a den that is not gives 0. Interest of p øre at a rate of r x 1e-8 a month for 44/30 of
// a month is MulDiv(p, r, 44, 30e8). It stays in 128-bit integers and
// falls back to math/big when those would overflow; a result beyond int64
// saturates.
func MulDiv(a, b, c, den int64) int64 {
	if den <= 0 {
		return 0
	}
	neg := (a < 0) != (b < 0) != (c < 0)
	ua, ub, uc := abs64(a), abs64(b), abs64(c)
	ud := uint64(den)
	hi, lo := bits.Mul64(ua, ub)
	if hi == 0 {
		hi, lo = bits.Mul64(lo, uc)
		if hi < ud {
			q, rem := bits.Div64(hi, lo, ud)
			if rem >= ud-rem {
				q++
			}
			if q <= math.MaxInt64 {
				if neg {
					return -int64(q)
				}
				return int64(q)
			}
		}
	}
	n := new(big.Int).Mul(new(big.Int).SetUint64(ua), new(big.Int).SetUint64(ub))
	n.Mul(n, new(big.Int).SetUint64(uc))
	n.Mul(n, big.NewInt(2)).Add(n, new(big.Int).SetUint64(ud))
	n.Quo(n, new(big.Int).SetUint64(2*ud))
	if !n.IsInt64() {
		if neg {
			return math.MinInt64
		}
		return math.MaxInt64
	}
	if neg {
		return -n.Int64()
	}
	return n.Int64()
}

// MulRound returns a x b rounded half away from zero to scale decimals, as
// an integer of 10^-scale, in 128-bit integer arithmetic: 1234.56 x 0.25
// at scale 2 is 30864. It returns false when a value does not fit or the
// result exceeds [MaxMinor], for the caller's decimal path.
func MulRound(a, b decimal.Decimal, scale int32) (int64, bool) {
	if a.NumDigits() > 18 || b.NumDigits() > 18 {
		return 0, false
	}
	return MulRoundFixed(a.CoefficientInt64(), a.Exponent(), b.CoefficientInt64(), b.Exponent(), scale)
}

// MulRoundFixed is [MulRound] of ca × 10^ea and cb × 10^eb: false also
// when a coefficient is 10^18 or more in magnitude.
func MulRoundFixed(ca int64, ea int32, cb int64, eb int32, scale int32) (int64, bool) {
	if ca >= MaxAbs || ca <= -MaxAbs || cb >= MaxAbs || cb <= -MaxAbs {
		return 0, false
	}
	neg := (ca < 0) != (cb < 0)
	hi, lo := bits.Mul64(abs64(ca), abs64(cb))
	var v uint64
	switch shift := int(ea) + int(eb) + int(scale); {
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
	if v > MaxMinor {
		return 0, false
	}
	if neg {
		return -int64(v), true
	}
	return int64(v), true
}

// Term is one product A x B x C of a sum that [RoundCumulative] rounds:
// a principal in øre, a rate in 1e-8 and a count of days or months.
type Term struct{ A, B, C int64 }

// RoundCumulative sets out[i] to the rounded sum of terms[0..i] divided by
// den, less the rounded sum of terms[0..i-1], rounding half away from
// zero; den must be positive and out as long as terms (otherwise out is
// left unchanged). The parts then add
// up exactly to the whole sum rounded once, and each stays within one unit
// of its own rounding: three terms of 1/3 each round to 0, 1, 0 (from
// 0.33, 0.67, 1.00), not to 0, 0, 0. It computes in unsigned 128-bit
// integers without allocating and falls back to math/big for negative
// terms or sums that do not fit.
func RoundCumulative(terms []Term, den int64, out []int64) {
	if den <= 0 || len(out) < len(terms) {
		return
	}
	if roundCumulative128(terms, uint64(den), out) {
		return
	}
	bden := new(big.Int).SetInt64(den)
	half := new(big.Int).Rsh(bden, 1)
	cum, term, q := new(big.Int), new(big.Int), new(big.Int)
	var prev int64
	for i, t := range terms {
		term.SetInt64(t.A)
		term.Mul(term, q.SetInt64(t.B))
		term.Mul(term, q.SetInt64(t.C))
		cum.Add(cum, term)
		q.Abs(cum)
		q.Add(q, half)
		q.Quo(q, bden)
		if cum.Sign() < 0 {
			q.Neg(q)
		}
		r := q.Int64()
		out[i] = r - prev
		prev = r
	}
}

// roundCumulative128 is RoundCumulative in unsigned 128-bit arithmetic. It
// reports false when a value is negative or a sum would not fit, having
// written some of out: the caller then computes all of it again.
func roundCumulative128(terms []Term, den uint64, out []int64) bool {
	var cumHi, cumLo uint64
	var prev int64
	out = out[:len(terms)]
	for i, t := range terms {
		if t.A < 0 || t.B < 0 || t.C < 0 {
			return false
		}
		hi, lo := bits.Mul64(uint64(t.A), uint64(t.B))
		h2, l2 := bits.Mul64(lo, uint64(t.C))
		h3, l3 := bits.Mul64(hi, uint64(t.C))
		if h3 != 0 {
			return false
		}
		h2, carry := bits.Add64(h2, l3, 0)
		if carry != 0 {
			return false
		}
		var c uint64
		cumLo, c = bits.Add64(cumLo, l2, 0)
		cumHi, carry = bits.Add64(cumHi, h2, c)
		if carry != 0 {
			return false
		}
		// (cum + den/2) / den, rounding half away from zero.
		rl, c2 := bits.Add64(cumLo, den/2, 0)
		rh, carry := bits.Add64(cumHi, 0, c2)
		if carry != 0 || rh >= den {
			return false
		}
		q, _ := bits.Div64(rh, rl, den)
		if q > math.MaxInt64 {
			return false
		}
		out[i] = int64(q) - prev
		prev = int64(q)
	}
	return true
}

func abs64(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}
