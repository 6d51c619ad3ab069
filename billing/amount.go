package billing

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// The signs checkAmount asks of an amount.
const (
	anySign     = -1
	nonNegative = 0
	positive    = 1
)

// minor returns m in minor units of its currency, and false when it has
// more decimals than the minor unit or exceeds money.MaxMinor.
func minor(m contract.Money) (int64, bool) {
	if c, e, ok := m.Fixed(); ok {
		return money.ToMinorFixed(c, e, money.Scale(m.Currency()))
	}
	return money.ToMinor(m.Amount(), money.Scale(m.Currency()))
}

// fromMinor returns n minor units of cur as Money at the currency's scale
// (scale is money.Scale(cur)): the amount decimal.New(n, -scale), kept
// inline.
func fromMinor(n int64, cur currency.Unit, scale int32) contract.Money {
	return contract.MoneyFromMinor(n, cur)
}

// maxReadable is the largest magnitude pimkit's bounded parser reads:
// 10^18.
var maxReadable = decimal.New(1, 18)

// readable reports whether d, written with at least places decimals (a
// Money's minor unit; 0 for a [contract.Decimal]), is text the bounded
// parser reads back: at most 10^18 in magnitude and at most
// [contract.MaxDecimalText] characters. Limits are checked where values
// enter, so that nothing pimkit accepts can become unreadable. The
// exponent and the digit count are checked first: 1e±1000000 costs
// nothing and an ordinary amount does not allocate.
func readable(d decimal.Decimal, places int32) bool {
	e := int64(d.Exponent())
	if e < -contract.MaxDecimalText {
		return false
	}
	n := int64(1) // digits before the point, if positive
	if !d.IsZero() {
		if e > 18 {
			return false
		}
		if n = int64(d.NumDigits()) + e; n > 19 {
			return false
		}
	}
	size := max(n, 1) + 1 // digits before the point and a sign
	if dec := max(int64(places), -e); dec > 0 {
		size += 1 + dec
	}
	if size > contract.MaxDecimalText {
		return false
	}
	return n <= 18 || d.Abs().Cmp(maxReadable) <= 0
}

// readableMoney reports whether m's JSON amount reads back: see [readable].
func readableMoney(m contract.Money) bool {
	if c, e, ok := m.Fixed(); ok && c > -1e18 && c < 1e18 {
		return readableFixed(c, e, money.Scale(m.Currency()))
	}
	return readable(m.Amount(), money.Scale(m.Currency()))
}

// readableFixed is [readable] of c × 10^e for |c| < 10^18, without a
// decimal.Decimal.
func readableFixed(c int64, e, places int32) bool {
	if e < -contract.MaxDecimalText {
		return false
	}
	n := int64(1) // digits before the point, if positive
	if c != 0 {
		if e > 18 {
			return false
		}
		digits := int64(1)
		for v := c; v >= 10 || v <= -10; v /= 10 {
			digits++
		}
		if n = digits + int64(e); n > 18 {
			// 10^18 itself or beyond: rare, left to the decimal path.
			return readable(decimal.New(c, e), places)
		}
	}
	size := max(n, 1) + 1 // digits before the point and a sign
	if dec := max(int64(places), -int64(e)); dec > 0 {
		size += 1 + dec
	}
	return size <= contract.MaxDecimalText
}
