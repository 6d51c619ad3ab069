package billing

import (
	"fmt"
	"strings"

	"github.com/pimkit/pimkit/contract"
)

// Basis says which rate an interest line was charged at.
type Basis uint8

const (
	// Agreed is the contract's rate per month (terms 12.3).
	Agreed Basis = iota + 1
	// Statutory is the statutory rate a year (renteloven § 5).
	Statutory
)

// InterestLine is one period of an interest statement, on one principal
// at one rate: Amount = Principal x Rate x Count / Per, rounded half away
// from zero to the currency's minor unit. When a statement has several
// lines they are rounded cumulatively (each line is the rounded interest
// up to its end less that up to its start), so a line may differ from its
// own rounding by one øre while the lines add up exactly to the total.
type InterestLine struct {
	// From is the day before the period: it is not counted. To is the
	// last day counted.
	From contract.Date `json:"from"`
	To   contract.Date `json:"to"`
	// Days is the number of calendar days in the period, From.DaysUntil(To).
	Days      int            `json:"days"`
	Principal contract.Money `json:"principal"`
	Basis     Basis          `json:"basis"`
	// Rate is a fraction per month for Agreed lines and per year for
	// Statutory lines: 0.02, 0.1175.
	Rate contract.Decimal `json:"rate"`
	// Count and Per are the fraction of the rate's period charged: 44/30
	// (30/360 days of a month), 45/30 (actual days), 2/1 (started
	// months), 182/365 or 180/360 (days of a statutory year).
	Count  int64          `json:"count"`
	Per    int64          `json:"per"`
	Amount contract.Money `json:"amount"`
}

// InterestStatement explains the interest on one debt, period by period,
// so the customer can check it. Total is the exact interest rounded once
// to the minor unit, and the lines' amounts add up to it exactly.
type InterestStatement struct {
	// Principal is the amount owed at the due date.
	Principal contract.Money `json:"principal"`
	// Due is the day interest is counted from; it is not counted itself.
	Due contract.Date `json:"due"`
	// Until is the last day counted: the day the debt was paid in full, or
	// the day the statement was made up to.
	Until    contract.Date  `json:"until"`
	DayCount DayCount       `json:"day_count"`
	Lines    []InterestLine `json:"lines,omitempty"`
	// Total is the interest, in the debt's currency: 0.00 DKK when none
	// runs.
	Total contract.Money `json:"total"`
	// Capped reports that the agreed rate was replaced by the lower
	// statutory interest for a consumer (renteloven § 7).
	Capped bool `json:"capped,omitempty"`
	// Citations are the clauses and sections the statement rests on.
	Citations []contract.Citation `json:"citations,omitempty"`
}

// String renders the statement as a plain-text table in English:
//
//	interest 2025-03-01 .. 2025-04-15 (thirty_360), DKK
//	2025-03-01 .. 2025-04-15   45 days     10000.00 x 2.00 %/month x 44/30 = 293.33
//	total 293.33 (terms 12.3)
func (s InterestStatement) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "interest %s .. %s (%s), %s\n", s.Due, s.Until, s.DayCount, s.Total.Currency())
	for _, l := range s.Lines {
		unit := "month"
		if l.Basis == Statutory {
			unit = "year"
		}
		fmt.Fprintf(&b, "%s .. %s %4d days %12s x %s %%/%s x %d/%d = %s\n",
			l.From, l.To, l.Days, l.Principal.Round().Text(),
			l.Rate.Decimal().Shift(2).StringFixed(2), unit, l.Count, l.Per, l.Amount.Round().Text())
	}
	fmt.Fprintf(&b, "total %s", s.Total.Round().Text())
	if s.Capped {
		b.WriteString(" (capped at the statutory rate)")
	}
	for i, c := range s.Citations {
		if i == 0 {
			b.WriteString(" (")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(c.String())
	}
	if len(s.Citations) > 0 {
		b.WriteString(")")
	}
	return b.String()
}
