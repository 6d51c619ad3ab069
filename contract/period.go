package contract

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Period is a calendar period of years, months, weeks and days -- the unit
// of notice periods and terms -- as distinct from a [time.Duration] of
// elapsed hours. A month is not 30 days and a day is not 24 hours: a
// period is added to a [Date] by the calendar.
//
// Add years and months first, clamping to the last day of the month when
// the day does not exist in the target month (Reg. 1182/71 Art. 3(2)(c)),
// then weeks and days: 2025-01-31 + P1M = 2025-02-28.
type Period struct {
	Years, Months, Weeks, Days int
}

// Years returns a period of n years.
func Years(n int) Period { return Period{Years: n} }

// Months returns a period of n months.
func Months(n int) Period { return Period{Months: n} }

// Weeks returns a period of n weeks.
func Weeks(n int) Period { return Period{Weeks: n} }

// Days returns a period of n days.
func Days(n int) Period { return Period{Days: n} }

// IsZero reports whether p is the empty period P0D.
func (p Period) IsZero() bool { return p == Period{} }

// IsNegative reports whether any component of p is negative.
func (p Period) IsNegative() bool {
	return p.Years < 0 || p.Months < 0 || p.Weeks < 0 || p.Days < 0
}

// Plus returns the component-wise sum of p and q: P1M plus P10D is P1M10D.
func (p Period) Plus(q Period) Period {
	return Period{p.Years + q.Years, p.Months + q.Months, p.Weeks + q.Weeks, p.Days + q.Days}
}

// String returns p in ISO 8601 form: P1Y, P4M, P2W, P30D, P1M10D; the empty
// period is P0D. A negative component keeps its sign (P-1M).
func (p Period) String() string {
	if p.IsZero() {
		return "P0D"
	}
	b := []byte{'P'}
	for _, c := range [...]struct {
		n    int
		unit byte
	}{{p.Years, 'Y'}, {p.Months, 'M'}, {p.Weeks, 'W'}, {p.Days, 'D'}} {
		if c.n != 0 {
			b = strconv.AppendInt(b, int64(c.n), 10)
			b = append(b, c.unit)
		}
	}
	return string(b)
}

// ErrInvalidPeriod reports text that is not an ISO 8601 period of years,
// months, weeks and days, or a period that a rule cannot use (a negative
// notice period).
var ErrInvalidPeriod = errors.New("contract: invalid period")

// ParsePeriod parses the ISO 8601 form String writes: "P1Y", "P4M",
// "P1M10D", "P2W". Components appear at most once, in the order Y, M, W, D,
// and are non-negative, with at most six digits each; time components
// (PT48H) are not periods -- use a [Duration] for elapsed hours. Errors
// wrap ErrInvalidPeriod, say what was expected and never quote the text.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func ParsePeriod(s string) (Period, error) {
	bad := func() (Period, error) {
		return Period{}, fmt.Errorf("%w: want ISO 8601 years, months, weeks and days (P1Y2M3W4D)", ErrInvalidPeriod)
	}
	if len(s) < 3 || s[0] != 'P' {
		return bad()
	}
	var p Period
	order := "YMWD"
	next := 0
	for i := 1; i < len(s); {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i || j == len(s) || j-i > 6 {
			return bad()
		}
		n, _ := strconv.Atoi(s[i:j])
		k := next
		for k < len(order) && order[k] != s[j] {
			k++
		}
		if k == len(order) {
			return bad()
		}
		switch order[k] {
		case 'Y':
			p.Years = n
		case 'M':
			p.Months = n
		case 'W':
			p.Weeks = n
		case 'D':
			p.Days = n
		}
		next = k + 1
		i = j + 1
	}
	return p, nil
}

// MarshalText implements encoding.TextMarshaler with the ISO form.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParsePeriod.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (p *Period) UnmarshalText(b []byte) error {
	v, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Add returns d plus p. Years and months are added first; when the day of
// the month does not exist in the target month the result is that month's
// last day (Reg. 1182/71 Art. 3(2)(c)), where [time.Time.AddDate] would
// roll into the next month:
//
//	2025-01-31 + P1M = 2025-02-28 (AddDate: 2025-03-03)
//	2024-01-31 + P1M = 2024-02-29
//	2028-02-29 + P5Y = 2033-02-28
//
// Weeks and days are then added as 7 and 1 calendar days. Negative
// components count backwards with the same clamping.
func (d Date) Add(p Period) Date {
	if p.Years != 0 || p.Months != 0 {
		y, m, dd := d.Date()
		total := y*12 + int(m-1) + p.Years*12 + p.Months
		y, m = floorDiv(total, 12), time.Month(total-floorDiv(total, 12)*12+1)
		if last := daysIn(y, m); dd > last {
			dd = last
		}
		d = Date{days: int32(daysFromCivil(y, m, dd))}
	}
	return d.AddDays(p.Weeks*7 + p.Days)
}

// AddPeriods returns d plus k whole periods p, counted from d in one step
// rather than period by period, so that month ends do not drift: monthly
// from 2024-01-31, period 1 starts 2024-02-29 and period 2 on 2024-03-31.
// It is the one rule for the bounds of payment periods and billing cycles
// (terms 12.3, 17.2, 19.2): period n (from 0) runs from d.AddPeriods(p, n)
// to the day before d.AddPeriods(p, n+1).
func (d Date) AddPeriods(p Period, k int) Date { return d.Add(p.multiply(k)) }
