package sla

import (
	"fmt"
	"math/big"
	"math/bits"
	"strings"

	"github.com/shopspring/decimal"
)

// Ratio is an exact non-negative fraction -- an availability, a coverage,
// a burn rate -- kept as numerator and denominator so that comparisons
// with a target never round: 2,589,420 s up of 2,592,000 s (43 minutes
// down in a 30-day month) is at least 99.9 %, 2,589,360 s (44 minutes) is
// not. The zero Ratio is 0.
type Ratio struct {
	num, den decimal.Decimal
}

func newRatio(num, den decimal.Decimal) Ratio { return Ratio{num: num, den: den} }

func (r Ratio) denom() decimal.Decimal {
	if r.den.IsZero() {
		return decimal.NewFromInt(1)
	}
	return r.den
}

// Cmp compares r and s exactly: -1, 0 or +1.
func (r Ratio) Cmp(s Ratio) int {
	return r.num.Mul(s.denom()).Cmp(s.num.Mul(r.denom()))
}

// CmpDecimal compares r with the decimal d exactly: Ratio 2/3 against
// 0.6667 is -1. A d beyond 10^±1000 (1e-1000000, 1e1000000) is compared
// by its sign and size alone, without building its digits.
func (r Ratio) CmpDecimal(d decimal.Decimal) int {
	if tiny, huge := extreme(d); huge {
		return -d.Sign()
	} else if tiny {
		if r.num.Sign() == 0 {
			return -d.Sign()
		}
		return 1 // a Ratio is 0 or far above 10^-1000
	}
	return r.num.Cmp(d.Mul(r.denom()))
}

// extreme reports whether a non-zero d is below 10^-1000 or above 10^1000
// in magnitude: far beyond any ratio the package computes or reads (two
// integers of at most 60 digits), so it is compared by sign alone.
func extreme(d decimal.Decimal) (tiny, huge bool) {
	if d.IsZero() {
		return false, false
	}
	mag := int64(d.Exponent()) + int64(d.NumDigits())
	return mag < -1000, mag > 1000
}

// MaxPlaces is the most decimals [Ratio.Decimal], [Ratio.Percent] and
// [Availability.Percent] give: places are taken in [0, MaxPlaces], so -3
// is 0 and 1000 is 30.
const MaxPlaces = 30

func clampPlaces(places int32) int32 { return min(max(places, 0), MaxPlaces) }

// Decimal returns r truncated (toward zero) to places decimals, so a
// displayed figure never rounds up across a boundary: 0.99899999 with 3
// places is 0.998, not 0.999. Places outside [0, [MaxPlaces]] are taken
// as the nearer end.
func (r Ratio) Decimal(places int32) decimal.Decimal {
	q, _ := r.num.QuoRem(r.denom(), clampPlaces(places))
	return q
}

// Percent returns 100 r truncated to places decimals: availability 0.9990046
// with 3 places is 99.900. Places outside [0, [MaxPlaces]] are taken as
// the nearer end.
func (r Ratio) Percent(places int32) decimal.Decimal {
	q, _ := r.num.Mul(decimal.NewFromInt(100)).QuoRem(r.denom(), clampPlaces(places))
	return q
}

// Rat returns r as a new *big.Rat that the caller owns.
func (r Ratio) Rat() *big.Rat {
	return new(big.Rat).Quo(r.num.Rat(), r.denom().Rat())
}

// String returns r truncated to 6 decimals: "0.999004".
func (r Ratio) String() string { return r.Decimal(6).StringFixed(6) }

// Equal reports whether r and s are the same number: 1/2 equals 2/4.
// go-cmp compares ratios with it.
func (r Ratio) Equal(s Ratio) bool { return r.Cmp(s) == 0 }

// maxRatioText bounds the text UnmarshalText reads: two integers of up to
// 60 digits, far more than any ratio the package computes.
const maxRatioText = 121

// MarshalText writes r exactly, as a fraction in lowest terms:
// "2589420/2592000" is written "14386/14400", and 1 is "1/1".
func (r Ratio) MarshalText() ([]byte, error) {
	return []byte(r.Rat().String()), nil
}

// UnmarshalText reads what MarshalText writes: a non-negative integer
// numerator, "/", a positive integer denominator, digits only, at most 121
// bytes. "1/0", "-1/2" and "0.5" are errors wrapping ErrInvalidPolicy that
// do not quote the text. Longer text is refused before it is read, so a
// decode allocates at most 16 bytes per input byte plus 64 KiB (in fact a
// few hundred bytes).
func (r *Ratio) UnmarshalText(b []byte) error {
	bad := fmt.Errorf("%w: a ratio is two integers, numerator/denominator", ErrInvalidPolicy)
	if len(b) == 0 || len(b) > maxRatioText {
		return bad
	}
	num, den, ok := strings.Cut(string(b), "/")
	if !ok || !digits(num) || !digits(den) {
		return bad
	}
	n, _ := new(big.Int).SetString(num, 10)
	d, _ := new(big.Int).SetString(den, 10)
	if d.Sign() == 0 {
		return bad
	}
	*r = newRatio(decimal.NewFromBigInt(n, 0), decimal.NewFromBigInt(d, 0))
	return nil
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// u128 accumulates weighted nanoseconds (nanoseconds times a weight in
// millionths) without overflow.
type u128 struct{ hi, lo uint64 }

func (a *u128) add(ns int64, w uint32) {
	if ns <= 0 || w == 0 {
		return
	}
	hi, lo := bits.Mul64(uint64(ns), uint64(w))
	var c uint64
	a.lo, c = bits.Add64(a.lo, lo, 0)
	a.hi += hi + c
}

// mul returns a*m and whether it overflowed 128 bits.
func (a u128) mul(m uint64) (u128, bool) {
	hi1, lo := bits.Mul64(a.lo, m)
	hi2, lo2 := bits.Mul64(a.hi, m)
	hi, c := bits.Add64(hi1, lo2, 0)
	return u128{hi, lo}, hi2 != 0 || c != 0
}

func (a u128) cmp(b u128) int {
	switch {
	case a.hi != b.hi:
		if a.hi < b.hi {
			return -1
		}
		return 1
	case a.lo < b.lo:
		return -1
	case a.lo > b.lo:
		return 1
	}
	return 0
}

func (a u128) decimal() decimal.Decimal {
	if a.hi == 0 {
		if a.lo <= 1<<63-1 {
			return decimal.NewFromInt(int64(a.lo))
		}
	}
	b := new(big.Int).SetUint64(a.hi)
	b.Lsh(b, 64)
	b.Or(b, new(big.Int).SetUint64(a.lo))
	return decimal.NewFromBigInt(b, 0)
}

// duration returns a/1e6 rounded up to the nanosecond.
func (a u128) duration() int64 {
	if a.hi == 0 {
		return int64((a.lo + million - 1) / million)
	}
	// Inputs are limited to 200 years, so a.hi < million and the
	// quotient fits; the modulo only keeps Div64 from panicking.
	q, r := bits.Div64(a.hi%million, a.lo, million)
	if r != 0 {
		q++
	}
	return int64(q)
}

const million = 1_000_000
