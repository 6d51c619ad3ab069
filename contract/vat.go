package contract

import (
	"errors"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// ErrNoVATRate reports a country or date the VAT table has no rate for.
var ErrNoVATRate = errors.New("contract: no vat rate")

// VATRate is a member state's standard VAT rate from a date on, as a
// fraction: 0.25 for Denmark's 25 % (momsloven § 33).
type VATRate struct {
	// Country is the ISO 3166-1 alpha-2 code; Greece is "GR" ("EL", the
	// VAT prefix, is read as GR).
	Country string `json:"country" validate:"len=2,uppercase"`
	// From is the first day the rate applies.
	From Date `json:"from"`
	// Rate is the standard rate as a fraction of the taxable amount.
	Rate Decimal `json:"rate" validate:"dgte=0,dlt=1"`
}

// VATTable is a dated table of standard VAT rates, the one table that
// catalog (consumer prices) and billing (invoices) read. The zero table is
// empty; [EUVATRates] is the EU member states' table, and a host extends or
// corrects it with [VATTable.With] as rates change.
type VATTable struct {
	Rates []VATRate `json:"rates" validate:"max=1000,dive"`
}

// EUVATRates returns the standard VAT rates of the 27 EU member states in
// force from 2024-01-01, with every change since: Finland 25.5 % from
// 2024-09-01, Slovakia 23 % from 2025-01-01, Estonia 24 % from 2025-07-01
// and Romania 21 % from 2025-08-01. A date before 2024-01-01 has no rate
// (ErrNoVATRate); add older ones with [VATTable.With].
func EUVATRates() VATTable {
	from := MustDate(2024, 1, 1)
	pct := func(s string) decimal.Decimal { return decimal.RequireFromString(s).Shift(-2) }
	var t VATTable
	for _, r := range []struct{ c, p string }{
		{"AT", "20"}, {"BE", "21"}, {"BG", "20"}, {"CY", "19"}, {"CZ", "21"}, {"DE", "19"},
		{"DK", "25"}, {"EE", "22"}, {"ES", "21"}, {"FI", "24"}, {"FR", "20"}, {"GR", "24"},
		{"HR", "25"}, {"HU", "27"}, {"IE", "23"}, {"IT", "22"}, {"LT", "21"}, {"LU", "17"},
		{"LV", "21"}, {"MT", "18"}, {"NL", "21"}, {"PL", "23"}, {"PT", "23"}, {"RO", "19"},
		{"SE", "25"}, {"SI", "22"}, {"SK", "20"},
	} {
		t.Rates = append(t.Rates, VATRate{Country: r.c, From: from, Rate: Dec(pct(r.p))})
	}
	return t.With(
		VATRate{Country: "FI", From: MustDate(2024, 9, 1), Rate: Dec(pct("25.5"))},
		VATRate{Country: "SK", From: MustDate(2025, 1, 1), Rate: Dec(pct("23"))},
		VATRate{Country: "EE", From: MustDate(2025, 7, 1), Rate: Dec(pct("24"))},
		VATRate{Country: "RO", From: MustDate(2025, 8, 1), Rate: Dec(pct("21"))},
	)
}

// With returns a copy of t with rates added; a rate for a country and day
// already in the table replaces it.
func (t VATTable) With(rates ...VATRate) VATTable {
	out := slices.Clone(t.Rates)
	for _, r := range rates {
		r.Country = vatCountry(r.Country)
		i := slices.IndexFunc(out, func(x VATRate) bool { return x.Country == r.Country && x.From == r.From })
		if i >= 0 {
			out[i] = r
		} else {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b VATRate) int {
		if a.Country != b.Country {
			if a.Country < b.Country {
				return -1
			}
			return 1
		}
		return a.From.Compare(b.From)
	})
	return VATTable{Rates: out}
}

// Rate returns country's standard rate on day on: DK on 2026-01-01 is
// 0.25, FI on 2024-08-31 is 0.24 and on 2024-09-01 0.255. A country or day
// the table does not cover is an error wrapping [ErrNoVATRate] that says
// to add the rate with [VATTable.With].
func (t VATTable) Rate(country string, on Date) (decimal.Decimal, error) {
	country = vatCountry(country)
	found := false
	var rate decimal.Decimal
	for _, r := range t.Rates {
		if r.Country == country && !r.From.After(on) {
			rate, found = r.Rate.d, true
		}
	}
	if !found {
		return decimal.Decimal{}, fmt.Errorf("%w for %.2s on %s: add it with VATTable.With", ErrNoVATRate, country, on)
	}
	return rate, nil
}

// vatCountry reads the VAT prefix EL as Greece's ISO code GR.
func vatCountry(c string) string {
	if c == "EL" {
		return "GR"
	}
	return c
}
