package contract_test

import (
	"fmt"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Fixed reads an amount as an integer coefficient and exponent without
// allocating; a coefficient beyond int64 is not inline and reports false.
func ExampleMoney_Fixed() {
	m := contract.MustParseMoney("1234.50", currency.DKK)
	fmt.Println(m.Fixed())
	huge := contract.NewMoney(decimal.RequireFromString("123456789012345678901234.5"), currency.DKK)
	fmt.Println(huge.Fixed())
	// Output:
	// 123450 -2 true
	// 0 0 false
}
