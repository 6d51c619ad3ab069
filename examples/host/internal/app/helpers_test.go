package app_test

import "github.com/pimkit/pimkit/contract"

func mustTag(s string) contract.Locale { return contract.MustLocale(s) }
