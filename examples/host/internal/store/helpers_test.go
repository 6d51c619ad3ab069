package store_test

import (
	"errors"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

func errorsIs(err, target error) bool { return errors.Is(err, target) }

// dkk is an amount in Danish kroner, "249.00".
func dkk(s string) contract.Money { return contract.MustParseMoney(s, currency.DKK) }

// danishVAT is the Danish VAT rate, 25 % (momsloven § 33).
var danishVAT = decimal.RequireFromString("0.25")
