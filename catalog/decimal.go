package catalog

import (
	"math"

	"github.com/shopspring/decimal"
)

// places returns the number of significant decimals of a number value:
// 18.50 has 1, 18 has 0, 1e3 has 0.
func places(v *Value) int {
	if v.x != nil && v.b {
		return decimalPlaces(v.x.big)
	}
	n, e := v.n, v.e
	if e >= 0 || n == 0 {
		return 0
	}
	for e < 0 && n%10 == 0 {
		n /= 10
		e++
	}
	return int(-e)
}

func decimalPlaces(d decimal.Decimal) int {
	e := d.Exponent()
	if e >= 0 || d.IsZero() {
		return 0
	}
	if d.NumDigits() <= 18 {
		return places(&Value{n: d.CoefficientInt64(), e: e})
	}
	p := int(-e)
	for p > 0 && d.Equal(d.Truncate(int32(p-1))) {
		p--
	}
	return p
}

func numSign(v *Value) int {
	if v.x != nil && v.b {
		return v.x.big.Sign()
	}
	switch {
	case v.n < 0:
		return -1
	case v.n > 0:
		return 1
	}
	return 0
}

// cmpBound compares a number value with a bound without allocating when
// both fit an int64 at a common exponent.
func cmpBound(v *Value, b bound) int {
	if b.small && !(v.x != nil && v.b) {
		if r, ok := cmpSmall(v.n, v.e, b.n, b.e); ok {
			return r
		}
	}
	return v.decimal().Cmp(b.d)
}

func cmpSmall(n1 int64, e1 int32, n2 int64, e2 int32) (int, bool) {
	for e1 > e2 {
		if n1 > math.MaxInt64/10 || n1 < math.MinInt64/10 {
			return 0, false
		}
		n1 *= 10
		e1--
	}
	for e2 > e1 {
		if n2 > math.MaxInt64/10 || n2 < math.MinInt64/10 {
			return 0, false
		}
		n2 *= 10
		e2--
	}
	switch {
	case n1 < n2:
		return -1, true
	case n1 > n2:
		return 1, true
	}
	return 0, true
}
