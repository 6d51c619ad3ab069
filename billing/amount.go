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
	return money.ToMinor(m.Amount(), money.Scale(m.Currency()))
}

// fromMinor returns n minor units of cur as Money at the currency's scale.
func fromMinor(n int64, cur currency.Unit, scale int32) contract.Money {
	return contract.NewMoney(decimal.New(n, -scale), cur)
}
