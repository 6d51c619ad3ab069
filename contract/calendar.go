package contract

import (
	"slices"
	"time"
)

// HolidayCalendar tells which dates are public holidays or otherwise closed
// days. Saturdays and Sundays are not its business: the counting
// [Convention] and a [BusinessHours] schedule decide about weekends.
//
// Hosts implement it for their own country or office; pimkit ships
// [DanishHolidays], [NoHolidays] and [WithClosedDays]. Implementations must
// be safe for concurrent use and should not allocate.
type HolidayCalendar interface {
	// Holiday reports whether d is a holiday and its name.
	Holiday(d Date) (name string, ok bool)
}

// DanishHolidays returns the Danish public holidays (helligdage), computed
// from the date of Easter Sunday E:
//
//	Nytårsdag             1 January
//	Skærtorsdag           E-3
//	Langfredag            E-2
//	Påskedag, 2. påskedag E, E+1
//	Store bededag         E+26, until and including 2023 (abolished from 2024)
//	Kristi himmelfartsdag E+39
//	Pinsedag, 2. pinsedag E+49, E+50
//	Juledag, 2. juledag   25 and 26 December
//
// Grundlovsdag (5 June), 24 December and 31 December are not public
// holidays; add them with [WithClosedDays] for an office calendar, or count
// with [DanishLimitationAct], which skips them too.
func DanishHolidays() HolidayCalendar { return danishHolidays{} }

type danishHolidays struct{}

func (danishHolidays) Holiday(d Date) (string, bool) {
	y, m, dd := d.Date()
	switch {
	case m == time.January && dd == 1:
		return "Nytårsdag", true
	case m == time.December && dd == 25:
		return "Juledag", true
	case m == time.December && dd == 26:
		return "2. juledag", true
	case m < time.March || m > time.June:
		return "", false
	}
	_, easter, _ := yearDays(y) // EasterSunday(y), from a table for 1900-2301
	switch d.days - easter {
	case -3:
		return "Skærtorsdag", true
	case -2:
		return "Langfredag", true
	case 0:
		return "Påskedag", true
	case 1:
		return "2. påskedag", true
	case 26:
		if y <= 2023 {
			return "Store bededag", true
		}
	case 39:
		return "Kristi himmelfartsdag", true
	case 49:
		return "Pinsedag", true
	case 50:
		return "2. pinsedag", true
	}
	return "", false
}

// EasterSunday returns the date of Easter Sunday in the Gregorian calendar
// (the anonymous Gregorian computus): 2024-03-31, 2025-04-20, 2026-04-05.
func EasterSunday(year int) Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return Date{days: int32(daysFromCivil(year, time.Month(month), day))}
}

// NoHolidays returns a calendar without holidays: only the weekends of the
// counting convention or business-hours schedule are non-working.
func NoHolidays() HolidayCalendar { return noHolidays{} }

type noHolidays struct{}

func (noHolidays) Holiday(Date) (string, bool) { return "", false }

// ClosedDay is a day closed every year, such as 24 December.
type ClosedDay struct {
	Month time.Month
	Day   int
	Name  string
}

// WithClosedDays returns base with extra days closed every year, for an
// office calendar: WithClosedDays(DanishHolidays(), ClosedDay{time.June, 5,
// "Grundlovsdag"}, ClosedDay{time.December, 24, "Juleaftensdag"}) is closed
// on Ascension Day and on 5 June. A nil base means no holidays. Days that do
// not exist in a year (29 February) are closed only in the years they exist.
func WithClosedDays(base HolidayCalendar, days ...ClosedDay) HolidayCalendar {
	if base == nil {
		base = noHolidays{}
	}
	return closedDays{base: base, days: slices.Clone(days)}
}

type closedDays struct {
	base HolidayCalendar
	days []ClosedDay
}

func (c closedDays) Holiday(d Date) (string, bool) {
	if name, ok := c.base.Holiday(d); ok {
		return name, true
	}
	_, m, dd := d.Date()
	for _, cd := range c.days {
		if cd.Month == m && cd.Day == dd {
			return cd.Name, true
		}
	}
	return "", false
}

// WithClosedDates returns base with single dates closed, such as a one-off
// company day. A nil base means no holidays.
func WithClosedDates(base HolidayCalendar, name string, dates ...Date) HolidayCalendar {
	if base == nil {
		base = noHolidays{}
	}
	ds := slices.Clone(dates)
	slices.SortFunc(ds, Date.Compare)
	return closedDates{base: base, name: name, dates: ds}
}

type closedDates struct {
	base  HolidayCalendar
	name  string
	dates []Date
}

func (c closedDates) Holiday(d Date) (string, bool) {
	if name, ok := c.base.Holiday(d); ok {
		return name, true
	}
	if _, ok := slices.BinarySearchFunc(c.dates, d, Date.Compare); ok {
		return c.name, true
	}
	return "", false
}
