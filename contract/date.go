package contract

import (
	"errors"
	"fmt"
	"time"
)

// Date is a civil date -- a year, month and day with no time zone -- for
// rules counted in days: notice periods, due dates, effective dates.
//
// The zero Date is 0001-01-01, like the zero [time.Time], and reports
// IsZero. Dates compare with ==, [Date.Before], [Date.After] and
// [Date.Compare]; [Date.DaysUntil] is the number of days between two dates.
// A Date is always valid: constructors reject 2026-02-30 instead of
// normalising it the way [time.Date] does.
type Date struct {
	// days since 0001-01-01 in the proleptic Gregorian calendar.
	days int32
}

// Errors for dates. Parse errors wrap ErrInvalidDate.
var (
	// ErrInvalidDate reports a year, month or day out of range, or text that
	// is not an ISO 8601 calendar date (YYYY-MM-DD).
	ErrInvalidDate = errors.New("contract: invalid date")
	// ErrNilLocation reports a nil *time.Location passed where a zone is
	// needed to turn a date into an instant.
	ErrNilLocation = errors.New("contract: nil location")
)

// NewDate returns the date year-month-day. Year must be 1..9999, month
// 1..12 and day valid in that month: NewDate(2025, 2, 29) is an error
// wrapping ErrInvalidDate, and NewDate(2024, 2, 29) is leap day. The error
// says which part is out of range, never the date itself: a date may be a
// birthday.
func NewDate(year int, month time.Month, day int) (Date, error) {
	switch {
	case year < 1 || year > 9999:
		return Date{}, fmt.Errorf("%w: year not within 1..9999", ErrInvalidDate)
	case month < time.January || month > time.December:
		return Date{}, fmt.Errorf("%w: month not within 1..12", ErrInvalidDate)
	case day < 1 || day > daysIn(year, month):
		return Date{}, fmt.Errorf("%w: day not within the month", ErrInvalidDate)
	}
	return Date{days: int32(daysFromCivil(year, month, day))}, nil
}

// MustDate is NewDate for package-level tables and tests; it panics on an
// invalid date, which is a programming error there.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the civil date of instant t in t's own location:
// 2025-03-31T23:30:00Z is 2025-03-31, and the same instant viewed in
// Europe/Copenhagen (01:30 on 1 April) is 2025-04-01. Call t.In(loc) first to
// take the date in another zone.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{days: int32(daysFromCivil(y, m, d))}
}

// Date returns the year, month and day of d.
func (d Date) Date() (year int, month time.Month, day int) {
	return civilFromDays(int(d.days))
}

// Year returns d's year.
func (d Date) Year() int { y, _, _ := d.Date(); return y }

// Month returns d's month.
func (d Date) Month() time.Month { _, m, _ := d.Date(); return m }

// Day returns d's day of the month.
func (d Date) Day() int { _, _, dd := d.Date(); return dd }

// Weekday returns d's day of the week. 0001-01-01 was a Monday.
func (d Date) Weekday() time.Weekday {
	return time.Weekday((int(d.days)%7 + 7 + 1) % 7)
}

// Equal reports whether d and e are the same day, like d == e; go-cmp
// compares dates with it.
func (d Date) Equal(e Date) bool { return d.days == e.days }

// IsZero reports whether d is the zero Date, 0001-01-01.
func (d Date) IsZero() bool { return d.days == 0 }

// In returns the instant at which d begins in loc. On a day that starts
// with a daylight-saving gap the result is the first instant that exists.
// A nil loc is an error wrapping ErrNilLocation, not a panic.
func (d Date) In(loc *time.Location) (time.Time, error) {
	if loc == nil {
		return time.Time{}, ErrNilLocation
	}
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc), nil
}

// AddDays returns d plus n days; n may be negative.
func (d Date) AddDays(n int) Date { return Date{days: d.days + int32(n)} }

// DaysUntil returns the number of days from d to e: positive when e is
// later. 2025-01-31 to 2025-02-28 is 28.
func (d Date) DaysUntil(e Date) int { return int(e.days - d.days) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.days < e.days }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.days > e.days }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.days < e.days:
		return -1
	case d.days > e.days:
		return 1
	}
	return 0
}

// String returns d in ISO 8601 form, 2026-01-31.
func (d Date) String() string {
	var b [10]byte
	return string(d.appendISO(b[:0]))
}

func (d Date) appendISO(b []byte) []byte {
	y, m, dd := d.Date()
	if y < 0 || y > 9999 {
		return fmt.Appendf(b, "%d-%02d-%02d", y, int(m), dd)
	}
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+int(m)/10), byte('0'+int(m)%10), '-')
	return append(b, byte('0'+dd/10), byte('0'+dd%10))
}

// ParseDate parses an ISO 8601 calendar date in the extended form
// YYYY-MM-DD, the form String writes. "2026-1-31", "2026-02-30" and
// "20260131" are errors wrapping ErrInvalidDate; they say what was
// expected ("want YYYY-MM-DD") and never quote the text, which may be
// personal data such as a birthday.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%w: want an ISO 8601 date YYYY-MM-DD", ErrInvalidDate)
	}
	y, ok1 := atoi(s[0:4])
	m, ok2 := atoi(s[5:7])
	d, ok3 := atoi(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("%w: want an ISO 8601 date YYYY-MM-DD", ErrInvalidDate)
	}
	return NewDate(y, time.Month(m), d)
}

// MustParseDate is ParseDate for package-level tables and tests; it panics
// on bad text.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// MarshalText implements encoding.TextMarshaler with the ISO form.
func (d Date) MarshalText() ([]byte, error) {
	return d.appendISO(make([]byte, 0, 10)), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseDate.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func atoi(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func truncate(s string) string {
	if len(s) > 32 {
		return s[:32] + "..."
	}
	return s
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// epochShift is daysFromUnix(0001-01-01): the Unix-epoch day number of the
// zero Date.
const epochShift = -719162

// daysFromCivil returns the days since 0001-01-01 (Howard Hinnant's
// days_from_civil, shifted).
func daysFromCivil(y int, m time.Month, d int) int {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (int(m) + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468 - epochShift
}

func civilFromDays(n int) (int, time.Month, int) {
	z := n + epochShift + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := (mp+2)%12 + 1
	if m <= 2 {
		y++
	}
	return y, time.Month(m), d
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
