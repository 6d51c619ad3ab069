package contract

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// HolidayCalendar tells which dates are public holidays or otherwise closed
// days. Saturdays and Sundays are not its business: the counting
// [Convention] and a [BusinessHours] schedule decide about weekends.
//
// pimkit's own calendars are [Calendar] values ([DanishHolidays],
// [SwedishHolidays], [NoHolidays] and what [Calendar.WithClosedDays] and
// [Calendar.WithClosedDates] add to them), which a [Terms] carries through
// JSON. A host may implement the interface for another country or office;
// such a calendar counts like any other but has no JSON form, so a
// [Counter] holding it cannot be stored as JSON. Implementations must be
// safe for concurrent use and should not allocate.
type HolidayCalendar interface {
	// Holiday reports whether d is a holiday and its name.
	Holiday(d Date) (name string, ok bool)
}

// Holidays names a country's set of public holidays built into pimkit. Its
// text form is "none", "dk" or "se"; the zero Holidays is
// [NoPublicHolidays].
type Holidays uint8

const (
	// NoPublicHolidays has no holidays: "none".
	NoPublicHolidays Holidays = iota
	// DanishPublicHolidays are the Danish helligdage: "dk". See
	// [DanishHolidays].
	DanishPublicHolidays
	// SwedishPublicHolidays are the Swedish allmänna helgdagar of lag
	// (1989:253): "se". See [SwedishHolidays].
	SwedishPublicHolidays
)

var holidaysNames = [...]string{NoPublicHolidays: "none", DanishPublicHolidays: "dk", SwedishPublicHolidays: "se"}

// String returns "none", "dk" or "se"; an unknown value prints as
// "Holidays(7)".
func (h Holidays) String() string {
	if int(h) < len(holidaysNames) {
		return holidaysNames[h]
	}
	return fmt.Sprintf("Holidays(%d)", uint8(h))
}

// MarshalText implements encoding.TextMarshaler; an unknown value is an
// error wrapping ErrInvalidInput.
func (h Holidays) MarshalText() ([]byte, error) {
	if int(h) < len(holidaysNames) {
		return []byte(holidaysNames[h]), nil
	}
	return nil, fmt.Errorf("%w: holidays %d has no name", ErrInvalidInput, uint8(h))
}

// UnmarshalText implements encoding.TextUnmarshaler for "none", "dk" and
// "se"; other text, including the empty string, is an error wrapping
// ErrInvalidInput.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (h *Holidays) UnmarshalText(b []byte) error {
	for i, n := range holidaysNames {
		if n == string(b) {
			*h = Holidays(i)
			return nil
		}
	}
	return fmt.Errorf("%w: unknown holidays, want none, dk or se", ErrInvalidInput)
}

// Calendar is a holiday calendar as a value: a country's public holidays
// and the days an office adds, every year or once. It implements
// [HolidayCalendar], marshals to JSON as
//
//	{"holidays":"se","closed_days":[{"month":12,"day":24,"name":"Julafton"}],
//	 "closed_dates":[{"date":"2025-05-02","name":"Company day"}]}
//
// and compares with cmp.Equal through [Calendar.Equal]. It stays
// comparable with ==, so a [Counter] and the [Terms] that hold it do too,
// but == tells only that two values are the same calendar: two calendars
// built apart with the same closed days are Equal, not ==.
//
// The zero Calendar has no holidays; [DanishHolidays], [SwedishHolidays]
// and [NoHolidays] return the built-in ones, and [Calendar.WithClosedDays]
// and [Calendar.WithClosedDates] add days. A closed day that does not exist
// in a year (29 February) is closed only in the years it exists; one that
// never exists (31 April, month 13) is never closed.
type Calendar struct {
	holidays Holidays
	// closed is never changed once built, so that Calendars may share it
	// and Calendar stays comparable.
	closed *closedSet
}

type closedSet struct {
	days  []ClosedDay
	dates []ClosedDate
}

type calendarJSON struct {
	Holidays    Holidays     `json:"holidays"`
	ClosedDays  []ClosedDay  `json:"closed_days,omitempty"`
	ClosedDates []ClosedDate `json:"closed_dates,omitempty"`
}

// Holidays returns the public holidays c starts from: "dk", "se" or
// "none".
func (c Calendar) Holidays() Holidays { return c.holidays }

// ClosedDays returns a copy of the days c closes every year, in the order
// they were added.
func (c Calendar) ClosedDays() []ClosedDay {
	if c.closed == nil {
		return nil
	}
	return slices.Clone(c.closed.days)
}

// ClosedDates returns a copy of the single dates c closes, in the order
// they were added.
func (c Calendar) ClosedDates() []ClosedDate {
	if c.closed == nil {
		return nil
	}
	return slices.Clone(c.closed.dates)
}

// MaxClosedDays and MaxClosedDates are the most closed days and single
// closed dates a [Calendar] stored as JSON holds: what MarshalJSON writes,
// UnmarshalJSON reads, and a hostile list costs little.
const (
	MaxClosedDays  = 366
	MaxClosedDates = 1000
)

// MarshalJSON writes c as {"holidays":"dk","closed_days":[...],
// "closed_dates":[...]}, leaving out empty lists. An unknown Holidays
// value, or more than [MaxClosedDays] closed days or [MaxClosedDates]
// closed dates, is an error wrapping ErrInvalidInput.
func (c Calendar) MarshalJSON() ([]byte, error) {
	if c.closed != nil && (len(c.closed.days) > MaxClosedDays || len(c.closed.dates) > MaxClosedDates) {
		return nil, fmt.Errorf("%w: calendar with more than %d closed days or %d closed dates", ErrInvalidInput, MaxClosedDays, MaxClosedDates)
	}
	return json.Marshal(calendarJSON{Holidays: c.holidays, ClosedDays: c.ClosedDays(), ClosedDates: c.ClosedDates()})
}

// UnmarshalJSON reads the form MarshalJSON writes; unknown holidays ("de")
// or a bad date is an error. It allocates at most 16 bytes per input byte
// plus 64 KiB.
func (c *Calendar) UnmarshalJSON(b []byte) error {
	var raw struct {
		Holidays    Holidays        `json:"holidays"`
		ClosedDays  json.RawMessage `json:"closed_days"`
		ClosedDates json.RawMessage `json:"closed_dates"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	v := calendarJSON{Holidays: raw.Holidays}
	var err error
	if v.ClosedDays, err = decodeList[ClosedDay](raw.ClosedDays, MaxClosedDays, "closed_days"); err != nil {
		return err
	}
	if v.ClosedDates, err = decodeList[ClosedDate](raw.ClosedDates, MaxClosedDates, "closed_dates"); err != nil {
		return err
	}
	// One closed set, not one copy per date: a long list stays linear.
	*c = Calendar{holidays: v.Holidays}
	if len(v.ClosedDays) > 0 || len(v.ClosedDates) > 0 {
		c.closed = &closedSet{days: slices.Clip(v.ClosedDays), dates: slices.Clip(v.ClosedDates)}
	}
	return nil
}

// ClosedDay is a day closed every year, such as 24 December.
type ClosedDay struct {
	Month time.Month `json:"month"`
	Day   int        `json:"day"`
	Name  string     `json:"name"`
}

// ClosedDate is a single closed date, such as a one-off company day.
type ClosedDate struct {
	Date Date   `json:"date"`
	Name string `json:"name"`
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
// holidays; add them with [Calendar.WithClosedDays] for an office
// calendar, or count with [DanishLimitationAct], which skips them too.
func DanishHolidays() Calendar { return Calendar{holidays: DanishPublicHolidays} }

// SwedishHolidays returns the Swedish public holidays (allmänna helgdagar)
// of lag (1989:253) om allmänna helgdagar, computed from the date of
// Easter Sunday E:
//
//	Nyårsdagen                      1 January
//	Trettondedag jul                6 January
//	Långfredagen                    E-2
//	Påskdagen, annandag påsk        E, E+1
//	Första maj                      1 May
//	Kristi himmelsfärdsdag          E+39
//	Pingstdagen                     E+49 (a Sunday)
//	Annandag pingst                 E+50, until and including 2004
//	Sveriges nationaldag            6 June, from 2005
//	Midsommardagen                  the Saturday from 20 to 26 June
//	Alla helgons dag                the Saturday from 31 October to 6 November
//	Juldagen, annandag jul          25 and 26 December
//
// Whit Monday 2025-06-09 is a working day in Sweden, and National Day
// 2025-06-06 is not. Midsommarafton, julafton and nyårsafton are not public
// holidays; count with [SwedishStatutoryTimeAct] to skip them too.
func SwedishHolidays() Calendar { return Calendar{holidays: SwedishPublicHolidays} }

// NoHolidays returns a calendar without holidays: only the weekends of the
// counting convention or business-hours schedule are non-working.
func NoHolidays() Calendar { return Calendar{} }

// defaultCalendar is the calendar of a Counter with none, held in an
// interface once so that counting does not allocate.
var defaultCalendar HolidayCalendar = DanishHolidays()

// Holiday reports whether d is a public holiday of c or a day c closes,
// and its name: "Kristi himmelfartsdag" for 2024-05-09 in
// [DanishHolidays], "Sveriges nationaldag" for 2025-06-06 in
// [SwedishHolidays].
func (c Calendar) Holiday(d Date) (string, bool) {
	if name, ok := c.holidays.holiday(d); ok {
		return name, true
	}
	if c.closed == nil {
		return "", false
	}
	if len(c.closed.days) > 0 {
		_, m, dd := d.Date()
		for _, cd := range c.closed.days {
			if cd.Month == m && cd.Day == dd {
				return cd.Name, true
			}
		}
	}
	for _, cd := range c.closed.dates {
		if cd.Date == d {
			return cd.Name, true
		}
	}
	return "", false
}

// Equal reports whether c and o have the same public holidays and close the
// same days and dates for the same reasons, in the same order.
func (c Calendar) Equal(o Calendar) bool {
	if c.holidays != o.holidays {
		return false
	}
	var a, b closedSet
	if c.closed != nil {
		a = *c.closed
	}
	if o.closed != nil {
		b = *o.closed
	}
	return slices.Equal(a.days, b.days) && slices.Equal(a.dates, b.dates)
}

// WithClosedDays returns c with days closed every year added:
// DanishHolidays().WithClosedDays(ClosedDay{time.December, 24,
// "Juleaftensdag"}) is closed on Ascension Day and on 24 December. c itself
// is unchanged.
func (c Calendar) WithClosedDays(days ...ClosedDay) Calendar {
	if len(days) == 0 {
		return c
	}
	var next closedSet
	if c.closed != nil {
		next = *c.closed
	}
	next.days = append(slices.Clip(next.days), days...)
	c.closed = &next
	return c
}

// WithClosedDates returns c with single dates closed under one name, such
// as a one-off company day. c itself is unchanged.
func (c Calendar) WithClosedDates(name string, dates ...Date) Calendar {
	if len(dates) == 0 {
		return c
	}
	var next closedSet
	if c.closed != nil {
		next = *c.closed
	}
	next.dates = slices.Clip(next.dates)
	for _, d := range dates {
		next.dates = append(next.dates, ClosedDate{Date: d, Name: name})
	}
	c.closed = &next
	return c
}

// WithClosedDays returns base with extra days closed every year, for an
// office calendar: WithClosedDays(DanishHolidays(), ClosedDay{time.June, 5,
// "Grundlovsdag"}) is closed on Ascension Day and on 5 June. A nil base
// means no holidays. When base is a [Calendar] (or nil) the result is a
// Calendar, which survives JSON; for a host's own calendar it is a wrapper
// that does not.
func WithClosedDays(base HolidayCalendar, days ...ClosedDay) HolidayCalendar {
	switch b := base.(type) {
	case nil:
		return Calendar{}.WithClosedDays(days...)
	case Calendar:
		return b.WithClosedDays(days...)
	case *Calendar:
		if b != nil {
			return b.WithClosedDays(days...)
		}
		return Calendar{}.WithClosedDays(days...)
	}
	return closedDays{base: base, days: slices.Clone(days)}
}

// WithClosedDates returns base with single dates closed, such as a one-off
// company day. A nil base means no holidays. As with [WithClosedDays], the
// result is a [Calendar] when base is one.
func WithClosedDates(base HolidayCalendar, name string, dates ...Date) HolidayCalendar {
	switch b := base.(type) {
	case nil:
		return Calendar{}.WithClosedDates(name, dates...)
	case Calendar:
		return b.WithClosedDates(name, dates...)
	case *Calendar:
		if b != nil {
			return b.WithClosedDates(name, dates...)
		}
		return Calendar{}.WithClosedDates(name, dates...)
	}
	ds := slices.Clone(dates)
	slices.SortFunc(ds, Date.Compare)
	return closedDates{base: base, name: name, dates: ds}
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

// holiday reports whether d is one of h's public holidays.
func (h Holidays) holiday(d Date) (string, bool) {
	switch h {
	case DanishPublicHolidays:
		return danishHoliday(d)
	case SwedishPublicHolidays:
		return swedishHoliday(d)
	}
	return "", false
}

func danishHoliday(d Date) (string, bool) {
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

func swedishHoliday(d Date) (string, bool) {
	y, m, dd := d.Date()
	sat := d.Weekday() == time.Saturday
	switch {
	case m == time.January && dd == 1:
		return "Nyårsdagen", true
	case m == time.January && dd == 6:
		return "Trettondedag jul", true
	case m == time.May && dd == 1:
		return "Första maj", true
	case m == time.June && dd == 6 && y >= 2005:
		return "Sveriges nationaldag", true
	case m == time.June && dd >= 20 && dd <= 26 && sat:
		return "Midsommardagen", true
	case (m == time.October && dd == 31 || m == time.November && dd <= 6) && sat:
		return "Alla helgons dag", true
	case m == time.December && dd == 25:
		return "Juldagen", true
	case m == time.December && dd == 26:
		return "Annandag jul", true
	case m < time.March || m > time.June:
		return "", false
	}
	_, easter, _ := yearDays(y)
	switch d.days - easter {
	case -2:
		return "Långfredagen", true
	case 0:
		return "Påskdagen", true
	case 1:
		return "Annandag påsk", true
	case 39:
		return "Kristi himmelsfärdsdag", true
	case 49:
		return "Pingstdagen", true
	case 50:
		if y <= 2004 {
			return "Annandag pingst", true
		}
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
