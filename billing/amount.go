package billing

import (
	"fmt"

	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// ParseAmount reads an amount in cur as plain decimal text with a point
// ("1234.50", "-3", "0.5"), the form pimkit writes in JSON, and rejects
// more decimals than cur's minor unit: "10.005" DKK is an error, "10.5"
// is 10.50. Exponents, thousands separators, signs other than a leading
// minus and surrounding space are errors wrapping [ErrSyntax]; so is an
// amount beyond 10^13 units.
func ParseAmount(s string, cur currency.Unit) (decimal.Decimal, error) {
	d, err := money.Parse(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%w: not a plain decimal amount", ErrSyntax)
	}
	scale := money.Scale(cur)
	if _, ok := toMinor(d, scale); !ok {
		return decimal.Decimal{}, fmt.Errorf("%w: more than %d decimals or too large", ErrSyntax, scale)
	}
	return d, nil
}
