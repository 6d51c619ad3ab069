package billing

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
)

// StatutoryRate is the Danish statutory late-payment rate (morarente) in
// force for a half-year: the official lending rate of Danmarks
// Nationalbank on 1 January or 1 July (the reference rate) plus a
// surcharge of 8 percentage points (renteloven § 5(1)), as annual
// fractions: reference 0.0375 + surcharge 0.08 = 0.1175 (11.75 %) from
// 2024-01-01.
type StatutoryRate struct {
	// From is the first day the rate applies: a 1 January or 1 July (or
	// 2013-03-01, when the surcharge rose from 7 to 8 points).
	From contract.Date `json:"from" validate:"required"`
	// Reference is Nationalbank's official lending rate on From, as a
	// fraction: 0.0375 for 3.75 %. It may be negative (-0.0045 in 2022).
	Reference contract.Decimal `json:"reference" validate:"dgte=-1,dlte=1"`
	// Surcharge is the statutory addition, 0.08 since 2013-03-01.
	Surcharge contract.Decimal `json:"surcharge" validate:"dgte=-1,dlte=1"`
	// Source says where the reference rate was taken from: a publisher
	// and page, so a reader can check it. Optional for a host's own
	// rates; every rate pimkit ships has one.
	Source string `json:"source,omitempty" validate:"max=500"`
}

// Annual returns the statutory rate a year, Reference + Surcharge: 0.1175.
func (r StatutoryRate) Annual() decimal.Decimal {
	return r.Reference.Decimal().Add(r.Surcharge.Decimal())
}

// RateTable is a table of statutory rates with effective dates, sorted by
// From. Each entry applies from its From until the next entry's From; the
// last entry covers its own half-year only (until the next 1 January or 1
// July), so a date past the end of the table is an error wrapping
// [ErrNoRate] instead of a silently stale rate. The zero RateTable is
// empty; [DanishStatutoryRates] returns the shipped table and
// [RateTable.With] extends it.
type RateTable struct {
	rates []StatutoryRate
	// annual[i] is rates[i].Annual() in units of 1e-8, annualDec[i] as
	// a decimal.
	annual    []int64
	annualDec []decimal.Decimal
}

// surcharge8 is the 8 points of renteloven § 5(1) since 2013-03-01.
var surcharge8 = decimal.New(8, -2)

// The sources of the shipped reference rates.
const (
	srcForbrug = "forbrug.dk, Forbrugerleksikon: Morarenten (the rates from 2013-03-01 to 2023-07-01)"
	// The lending rate 3.75 % from 2023-09-15 and 3.50 % from 2024-06-06,
	// the next change on 2024-09-12.
	srcGlobalRates = "global-rates.com, Danish Nationalbanken lending rate (3.75 % from 2023-09-15, 3.50 % from 2024-06-06)"
	// Nationalbank's rate cut of December 2024: lending rate 2.75 %; the
	// next, to 2.50 %, came in January 2025.
	srcTE2024 = "tradingeconomics.com, Denmark interest rate news 440812 (December 2024: lending rate 2.75 %) and 445991 (January 2025: from 2.75 % to 2.50 %)"
	// Nationalbank's rate cut of 5 June 2025: current-account rate 1.60 %,
	// lending rate 1.75 %.
	srcJune2025 = "fx.co forex news 2640647 (lending rate 1.75 % from 5 June 2025); devdiscourse.com 3448692 (current-account rate cut to 1.60 % on 5 June 2025)"
)

// DanishStatutoryRates returns the statutory rates of renteloven § 5 known
// to pimkit, from 2013-03-01 (when the surcharge became 8 points) to the
// half-year starting 2025-07-01, each with the source of its reference
// rate ([StatutoryRate.Source]):
//
//	2013-03-01  8.20 %   2015-07-01 .. 2021-01-01  8.05 %
//	2021-07-01  7.65 %   2022-01-01, 2022-07-01    7.55 %
//	2023-01-01  9.90 %   2023-07-01 11.25 %   2024-01-01 11.75 %
//	2024-07-01 11.50 %   2025-01-01 10.75 %   2025-07-01  9.75 %
//
// Sources: 2013-03-01 to 2023-07-01 as listed by the Danish consumer
// authority (forbrug.dk, "Morarenten"); from 2024-01-01 Nationalbank's
// lending rate in force on the day, as reported with its rate decisions
// (3.75 %, 3.50 %, 2.75 %, 1.75 %). The half-years from 2026-01-01 are
// not shipped: no published figure for them could be confirmed, and
// pimkit never derives a rate. A date from 2026-01-01 on is an error
// wrapping ErrNoRate -- a [*NoRateError] naming the half-year -- until the
// host adds the rate with [RateTable.With]:
//
//	t, err := billing.DanishStatutoryRates().With(billing.StatutoryRate{
//		From: contract.MustDate(2026, 1, 1), Reference: ref, Surcharge: contract.MustDec("0.08"),
//		Source: "Danmarks Nationalbank, official rates"})
func DanishStatutoryRates() RateTable {
	ref := func(y int, m time.Month, d int, bp int64, src string) StatutoryRate {
		return StatutoryRate{From: contract.MustDate(y, m, d), Reference: contract.Dec(decimal.New(bp, -4)),
			Surcharge: contract.Dec(surcharge8), Source: src}
	}
	f := srcForbrug
	t, err := RateTable{}.With(
		ref(2013, 3, 1, 20, f), ref(2013, 7, 1, 20, f), ref(2014, 1, 1, 20, f), ref(2014, 7, 1, 20, f),
		ref(2015, 1, 1, 20, f), ref(2015, 7, 1, 5, f), ref(2016, 1, 1, 5, f), ref(2016, 7, 1, 5, f),
		ref(2017, 1, 1, 5, f), ref(2017, 7, 1, 5, f), ref(2018, 1, 1, 5, f), ref(2018, 7, 1, 5, f),
		ref(2019, 1, 1, 5, f), ref(2019, 7, 1, 5, f), ref(2020, 1, 1, 5, f), ref(2020, 7, 1, 5, f),
		ref(2021, 1, 1, 5, f), ref(2021, 7, 1, -35, f), ref(2022, 1, 1, -45, f), ref(2022, 7, 1, -45, f),
		ref(2023, 1, 1, 190, f), ref(2023, 7, 1, 325, f),
		ref(2024, 1, 1, 375, srcGlobalRates), ref(2024, 7, 1, 350, srcGlobalRates),
		ref(2025, 1, 1, 275, srcTE2024), ref(2025, 7, 1, 175, srcJune2025),
	)
	if err != nil {
		panic(err) // the table above is a constant; a test checks it
	}
	return t
}

// NoRateError reports a day for which a [RateTable] has no statutory
// rate, naming the half-year it falls in so the host knows which rate to
// add with [RateTable.With]. It wraps [ErrNoRate].
type NoRateError struct {
	// Date is the day asked for, and HalfYear the first day of its
	// half-year: 2026-03-15 is in the half-year from 2026-01-01.
	Date     contract.Date
	HalfYear contract.Date
}

// Error returns "billing: no statutory rate for date: 2026-03-15 is in
// the half-year 2026-H1 (from 2026-01-01), which the rate table does not
// cover: add the rate in force from 2026-01-01 with RateTable.With".
func (e *NoRateError) Error() string {
	h := "H1"
	if e.HalfYear.Month() == time.July {
		h = "H2"
	}
	return fmt.Sprintf("%v: %s is in the half-year %d-%s (from %s), which the rate table does not cover: "+
		"add the rate in force from %s with RateTable.With", ErrNoRate, e.Date, e.HalfYear.Year(), h, e.HalfYear, e.HalfYear)
}

// Unwrap returns ErrNoRate.
func (e *NoRateError) Unwrap() error { return ErrNoRate }

// noRate returns the *NoRateError of d.
func noRate(d contract.Date) error {
	y, m, _ := d.Date()
	h := contract.MustDate(y, time.January, 1)
	if m >= time.July {
		h = contract.MustDate(y, time.July, 1)
	}
	return &NoRateError{Date: d, HalfYear: h}
}

// With returns a copy of t with the given rates added, sorted by From. A
// rate whose From equals an existing entry's replaces it. Every problem
// is reported at once in a [*contract.ValidationError] wrapping
// [ErrInvalid], at the rate's path: a zero From ("rates[0].from",
// required), a reference or surcharge outside -1..1 ("rates[0].reference",
// dgte or dlte), an annual rate with more than 8 decimals or outside
// -1..1 ("rates[0].reference", rule "annual_rate").
func (t RateTable) With(rates ...StatutoryRate) (RateTable, error) {
	var ps contract.Problems
	out := slices.Clone(t.rates)
	for i, r := range rates {
		f := "rates[" + strconv.Itoa(i) + "]"
		ps.Check(f, r)
		if _, ok := rateUnits(r.Annual()); !ok {
			ps.Add(f+".reference", "annual_rate", "8")
		}
		j, found := slices.BinarySearchFunc(out, r.From, func(a StatutoryRate, d contract.Date) int { return a.From.Compare(d) })
		if found {
			out[j] = r
		} else {
			out = slices.Insert(out, j, r)
		}
	}
	if err := invalid(&ps, "statutory rates"); err != nil {
		return t, err
	}
	annual := make([]int64, len(out))
	annualDec := make([]decimal.Decimal, len(out))
	for i, r := range out {
		annualDec[i] = r.Annual()
		annual[i], _ = rateUnits(annualDec[i])
	}
	return RateTable{rates: out, annual: annual, annualDec: annualDec}, nil
}

// Rates returns a copy of the table's entries in date order.
func (t RateTable) Rates() []StatutoryRate { return slices.Clone(t.rates) }

// IsZero reports whether t is the empty table, which [InterestRules] reads
// as [DanishStatutoryRates].
func (t RateTable) IsZero() bool { return len(t.rates) == 0 }

// Equal reports whether t and u hold the same rates from the same days;
// go-cmp compares tables with it.
func (t RateTable) Equal(u RateTable) bool {
	return slices.EqualFunc(t.rates, u.rates, func(a, b StatutoryRate) bool {
		return a.From == b.From && a.Reference.Equal(b.Reference) && a.Surcharge.Equal(b.Surcharge) && a.Source == b.Source
	})
}

type rateTableJSON struct {
	Rates []StatutoryRate `json:"rates"`
}

// MarshalJSON writes {"rates":[{"from":"2024-01-01","reference":"0.0375",
// "surcharge":"0.08"}, ...]}, oldest first.
func (t RateTable) MarshalJSON() ([]byte, error) {
	return json.Marshal(rateTableJSON{Rates: t.rates})
}

// MaxRates is the most rates a [RateTable] read from JSON may hold: 1,000
// half-years, five centuries of statutory rates.
const MaxRates = 1000

// UnmarshalJSON reads what MarshalJSON writes and checks the rates as
// [RateTable.With] does; every decimal goes through pimkit's bounded
// parser. More than [MaxRates] rates is a [*contract.ValidationError]
// ("rates": max), refused as soon as the next rate begins, so reading
// allocates at most 16 bytes per input byte plus 64 KiB whatever the
// input: a megabyte of empty rates, digits or nesting costs at most that.
func (t *RateTable) UnmarshalJSON(b []byte) error {
	type rateJSON struct {
		From      contract.Date `json:"from"`
		Reference json.Number   `json:"reference"`
		Surcharge json.Number   `json:"surcharge"`
		Source    string        `json:"source"`
	}
	var v struct{ Rates []rateJSON }
	tooMany := false
	err := decodeObject(b, func(key string, dec *json.Decoder) (bool, error) {
		if key != "rates" {
			return false, nil
		}
		v.Rates = v.Rates[:0]
		return true, decodeArray(dec, func(dec *json.Decoder) error {
			if len(v.Rates) == MaxRates {
				tooMany = true
				return errShape
			}
			var r rateJSON
			if err := dec.Decode(&r); err != nil {
				return err
			}
			v.Rates = append(v.Rates, r)
			return nil
		})
	})
	switch {
	case tooMany:
		return problem("decode rate table", "rates", "max", strconv.Itoa(MaxRates))
	case err != nil && !bytes.Equal(bytes.TrimSpace(b), []byte("null")):
		return fmt.Errorf("%w: rate table: %v", ErrSyntax, err)
	}
	var ps contract.Problems
	rates := make([]StatutoryRate, len(v.Rates))
	for i, r := range v.Rates {
		ref, err1 := money.ParseDecimal(string(r.Reference))
		sur, err2 := money.ParseDecimal(string(r.Surcharge))
		if err1 != nil {
			ps.Add("rates["+strconv.Itoa(i)+"].reference", "syntax", "")
		}
		if err2 != nil {
			ps.Add("rates["+strconv.Itoa(i)+"].surcharge", "syntax", "")
		}
		rates[i] = StatutoryRate{From: r.From, Reference: contract.Dec(ref), Surcharge: contract.Dec(sur), Source: r.Source}
	}
	if err := invalid(&ps, "decode rate table"); err != nil {
		return err
	}
	nt, err := RateTable{}.With(rates...)
	if err != nil {
		return err
	}
	*t = nt
	return nil
}

// At returns the rate in force on d, and false when the table has none:
// before its first entry or after the half-year of its last. In the
// shipped table At(2024-03-15) is the 11.75 % of 2024-01-01.
func (t RateTable) At(d contract.Date) (StatutoryRate, bool) {
	i, ok := t.index(d)
	if !ok {
		return StatutoryRate{}, false
	}
	return t.rates[i], true
}

// index returns the entry in force on d.
func (t RateTable) index(d contract.Date) (int, bool) {
	n := len(t.rates)
	if n == 0 || d.Before(t.rates[0].From) {
		return 0, false
	}
	i := n - 1
	for i > 0 && d.Before(t.rates[i].From) {
		i--
	}
	if i == n-1 && !d.Before(halfYearEnd(t.rates[i].From)) {
		return 0, false
	}
	return i, true
}

// until returns the first day after entry i stops applying.
func (t RateTable) until(i int) contract.Date {
	if i+1 < len(t.rates) {
		return t.rates[i+1].From
	}
	return halfYearEnd(t.rates[i].From)
}

// halfYearEnd returns the 1 January or 1 July after d.
func halfYearEnd(d contract.Date) contract.Date {
	y, m, _ := d.Date()
	if m < time.July {
		return contract.MustDate(y, time.July, 1)
	}
	return contract.MustDate(y+1, time.January, 1)
}

// rateScale is the fixed point of rates inside the interest engine:
// rates are held as integers of 1e-8.
const rateScale = 8

// rateUnits returns r in units of 1e-8 when it has at most 8 decimals and
// lies within -1..1. It does not allocate.
func rateUnits(r decimal.Decimal) (int64, bool) {
	u, ok := money.ToMinor(r, rateScale)
	if !ok || u > 1e8 || u < -1e8 {
		return 0, false
	}
	return u, true
}
