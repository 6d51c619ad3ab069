package contract

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/pimkit/pimkit/internal/enum"
)

// Convention is a way of counting legal periods in days, weeks, months and
// years: which day the count starts from, and which days a deadline to act
// may not end on. pimkit ships three:
//
//   - [EU1182] (the default): Regulation (EEC, Euratom) No 1182/71. The day
//     of the event is not counted (Art. 3(1)); a period in months ends on
//     the same date of the last month, or that month's last day if it has
//     none (Art. 3(2)(c)); a deadline to act that ends on a Saturday, Sunday
//     or public holiday ends at the end of the next working day (Art.
//     3(4)); and a period of two days or more contains at least two working
//     days (Art. 3(5)).
//   - [DanishLimitationAct]: the same counting, rolling also past
//     Grundlovsdag (5 June), 24 December and 31 December, as forældelsesloven
//     § 27 does.
//   - [SwedishStatutoryTimeAct]: the same counting, rolling also past
//     midsommarafton, julafton and nyårsafton, as lag (1930:173) § 2 does.
//
// The zero Convention is EU1182. A Convention is comparable with == and its
// text form is its name ("EU 1182/71").
type Convention struct {
	id conventionID
}

type conventionID uint8

const (
	conventionEU1182 conventionID = iota
	conventionDanish
	conventionSwedish
	numConventions
)

// conventionInfo is what a convention counts by.
type conventionInfo struct {
	name string
	cite Citation
	// closed reports a day the convention closes beyond the calendar's
	// holidays and weekends.
	closed func(Date) (string, bool)
	// twoWorkingDays applies Art. 3(5) of Reg. 1182/71.
	twoWorkingDays bool
}

var conventions = [numConventions]conventionInfo{
	conventionEU1182: {name: "EU 1182/71", cite: Cite(SourceReg1182, "Art. 3"), twoWorkingDays: true},
	conventionDanish: {name: "forældelsesloven § 27", cite: Cite("forældelsesloven", "§ 27"),
		closed: danishLimitationClosed},
	conventionSwedish: {name: "lag (1930:173)", cite: Cite("lag (1930:173)", "§ 2"),
		closed: swedishStatutoryClosed},
}

func danishLimitationClosed(d Date) (string, bool) {
	switch _, m, dd := d.Date(); {
	case m == time.June && dd == 5:
		return "Grundlovsdag", true
	case m == time.December && dd == 24:
		return "Juleaftensdag", true
	case m == time.December && dd == 31:
		return "Nytårsaftensdag", true
	}
	return "", false
}

func swedishStatutoryClosed(d Date) (string, bool) {
	switch _, m, dd := d.Date(); {
	case m == time.June && dd >= 19 && dd <= 25 && d.Weekday() == time.Friday:
		return "Midsommarafton", true
	case m == time.December && dd == 24:
		return "Julafton", true
	case m == time.December && dd == 31:
		return "Nyårsafton", true
	}
	return "", false
}

// EU1182 returns the counting convention of Reg. (EEC, Euratom) 1182/71,
// pimkit's default.
func EU1182() Convention { return Convention{conventionEU1182} }

// DanishLimitationAct returns the Danish convention of forældelsesloven
// § 27: days as in [EU1182], but a deadline to act that ends on a Saturday,
// Sunday, public holiday, Grundlovsdag (5 June), 24 December or 31 December
// is extended to the next day that is none of these. It does not apply
// Art. 3(5)'s two-working-days rule.
func DanishLimitationAct() Convention { return Convention{conventionDanish} }

// SwedishStatutoryTimeAct returns the Swedish convention of lag (1930:173)
// om beräkning av lagstadgad tid, § 2: days as in [EU1182], but a deadline
// to act that ends on a Saturday, Sunday, public holiday, midsommarafton
// (the Friday from 19 to 25 June), julafton (24 December) or nyårsafton
// (31 December) may still be met on the next working day. With
// [SwedishHolidays], one month from Tuesday 2025-12-23 ends on Friday
// 2026-01-23, and one month from Monday 2025-11-24 ends on julafton and so
// moves past juldagen, annandag jul and the weekend to Monday 2025-12-29.
// It does not apply Art. 3(5)'s two-working-days rule.
func SwedishStatutoryTimeAct() Convention { return Convention{conventionSwedish} }

func (c Convention) info() *conventionInfo {
	if c.id >= numConventions {
		return &conventions[conventionEU1182]
	}
	return &conventions[c.id]
}

// String returns the convention's name: "EU 1182/71", "forældelsesloven
// § 27" or "lag (1930:173)".
func (c Convention) String() string { return c.info().name }

// Citation returns the provision the convention counts by.
func (c Convention) Citation() Citation { return c.info().cite }

// Equal reports whether c and o are the same convention.
func (c Convention) Equal(o Convention) bool { return c == o }

// DeadlineKind says how a period's last day is treated.
type DeadlineKind uint8

const (
	// ToAct is a deadline to do something -- give notice, remedy, pay,
	// respond. It rolls forward past weekends and holidays (Reg. 1182/71
	// Art. 3(4)).
	ToAct DeadlineKind = iota + 1
	// TakesEffect is the date something takes effect or expires -- a
	// termination, a price change, the end of confidentiality. It never
	// rolls (Art. 4(1)).
	TakesEffect
	// Threshold is the first day on which a right that needs "more than"
	// a period exists: force majeure lasting more than 30 days.
	Threshold
)

var kindNames = enum.Names{ToAct: "to_act", TakesEffect: "takes_effect", Threshold: "threshold"}

// String returns "to_act", "takes_effect" or "threshold"; an invalid kind
// prints as "DeadlineKind(9)".
func (k DeadlineKind) String() string { return enum.String(kindNames, k, "DeadlineKind") }

// MarshalText implements encoding.TextMarshaler; the zero kind is an error
// wrapping ErrInvalidInput.
func (k DeadlineKind) MarshalText() ([]byte, error) {
	return enum.Marshal(kindNames, k, "deadline kind", ErrInvalidInput)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidInput.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (k *DeadlineKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(kindNames, b, k, "deadline kind", ErrInvalidInput)
}

// ErrNoWorkingDay reports a holiday calendar with no working day in the
// year after a deadline, so it cannot be rolled.
var ErrNoWorkingDay = errors.New("contract: no working day within a year")

// Counter counts legal periods by a [Convention] over a [HolidayCalendar].
// An agreement has one: [Terms.Counter], which every rule of the terms
// counts with. The zero Counter counts by [EU1182] with [DanishHolidays],
// pimkit's default; a Swedish agreement sets
//
//	contract.Counter{Convention: contract.EU1182(), Calendar: contract.SwedishHolidays()}
//
// and then one month from 2025-05-06 ends on Monday 2025-06-09, not on
// National Day, Friday 2025-06-06. A Counter is a small value, comparable
// with ==, safe for concurrent use; its methods do not allocate. It
// survives JSON when its calendar is a [Calendar].
type Counter struct {
	// Convention is the counting convention; the zero Convention is
	// EU1182.
	Convention Convention `json:"convention"`
	// Calendar gives the public holidays; nil means DanishHolidays. Only a
	// [Calendar] (or nil) survives JSON.
	Calendar HolidayCalendar `json:"calendar,omitempty"`
}

func (c Counter) calendar() HolidayCalendar {
	if c.Calendar == nil {
		return defaultCalendar
	}
	return c.Calendar
}

// NonWorking reports whether d is not a working day under c, and why:
// "Saturday", "Sunday", a holiday's name, or a day the convention closes.
func (c Counter) NonWorking(d Date) (why string, ok bool) {
	switch wd := d.Weekday(); wd {
	case time.Saturday, time.Sunday:
		return wd.String(), true
	}
	if name, ok := c.calendar().Holiday(d); ok {
		return name, true
	}
	if closed := c.Convention.info().closed; closed != nil {
		if name, ok := closed(d); ok {
			return name, true
		}
	}
	return "", false
}

// IsWorkingDay reports whether d is a working day under c: not a Saturday,
// Sunday, holiday of c's calendar or day closed by its convention.
// Ascension Day 2024-05-09 is not a working day in Denmark.
func (c Counter) IsWorkingDay(d Date) bool {
	_, ok := c.NonWorking(d)
	return !ok
}

// NextWorkingDay returns d if it is a working day, else the first working
// day after it: Sat 2026-02-28 -> Mon 2026-03-02. It is an error wrapping
// ErrNoWorkingDay when the calendar closes every day of the next year.
func (c Counter) NextWorkingDay(d Date) (Date, error) {
	for i := 0; i <= 366; i++ {
		if c.IsWorkingDay(d) {
			return d, nil
		}
		d = d.AddDays(1)
	}
	return Date{}, ErrNoWorkingDay
}

// Deadline is the last day of a legal period and how it was found.
type Deadline struct {
	// Kind is how the last day was treated.
	Kind DeadlineKind `json:"kind"`
	// From is the day of the event; it is not counted.
	From Date `json:"from,omitzero"`
	// Period is the period counted.
	Period Period `json:"period"`
	// Raw is From + Period by the calendar, before any roll.
	Raw Date `json:"raw,omitzero"`
	// Date is the answer: for ToAct the last day to act, rolled past
	// non-working days; for TakesEffect, Raw; for Threshold, the first day
	// the right exists, Raw + 1.
	Date Date `json:"date,omitzero"`
	// Convention is the convention counted by.
	Convention Convention `json:"convention"`
}

// Rolled reports whether the deadline was moved past non-working days.
func (d Deadline) Rolled() bool { return d.Kind == ToAct && d.Date != d.Raw }

// Expires returns the instant the period ends in loc: the end of the last
// day, which is the start of the next. For a Threshold it is the start of
// Date, when the right begins. A nil loc is an error.
func (d Deadline) Expires(loc *time.Location) (time.Time, error) {
	if d.Kind == Threshold {
		return d.Date.In(loc)
	}
	return d.Date.AddDays(1).In(loc)
}

// Citations returns the provisions the deadline was counted by: the
// convention and, for a rolled deadline, the article that rolls it.
func (d Deadline) Citations() []Citation {
	conv := d.Convention.info()
	if conv.cite.Source != SourceReg1182 {
		return []Citation{conv.cite}
	}
	switch {
	case d.Kind == TakesEffect:
		return []Citation{Cite(SourceReg1182, "Art. 3(2)"), Cite(SourceReg1182, "Art. 4(1)")}
	case d.Rolled():
		return []Citation{Cite(SourceReg1182, "Art. 3(2)"), Cite(SourceReg1182, "Art. 3(4)")}
	}
	return []Citation{Cite(SourceReg1182, "Art. 3(2)")}
}

// String returns "2026-03-02 (to_act, 2026-01-30 + P1M, rolled from
// 2026-02-28)".
func (d Deadline) String() string {
	s := fmt.Sprintf("%s (%s, %s + %s", d.Date, d.Kind, d.From, d.Period)
	if d.Rolled() {
		s += ", rolled from " + d.Raw.String()
	}
	return s + ")"
}

func (c Counter) raw(kind DeadlineKind, from Date, p Period) (Deadline, error) {
	if p.IsNegative() {
		return Deadline{}, fmt.Errorf("%w: %s is negative", ErrInvalidPeriod, p)
	}
	// A period longer than the calendar (P1000000Y) would wrap Date's
	// day count and end on a date that means nothing.
	if p.Years > 9999 || p.Months > 12*9999 || p.Weeks > 53*9999 || p.Days > 366*9999 {
		return Deadline{}, fmt.Errorf("%w: %s is longer than the years 1 to 9999", ErrInvalidPeriod, p)
	}
	raw := from.Add(p)
	if y := raw.Year(); y < 1 || y > 9999 || from.After(raw) {
		return Deadline{}, fmt.Errorf("%w: %s + %s is after the year 9999", ErrInvalidPeriod, from, p)
	}
	return Deadline{Kind: kind, From: from, Period: p, Raw: raw, Date: raw,
		Convention: c.Convention}, nil
}

// DeadlineToAct returns the last day to act within period p of an event on
// from. The day of the event is not counted; when the last day is not a
// working day the period ends at the end of the next working day (Reg.
// 1182/71 Art. 3(4)); under EU1182 a period of two days or more contains at
// least two working days (Art. 3(5)):
//
//	Fri 2025-01-31 + P1M -> Fri 2025-02-28 (a working day, stays)
//	Fri 2026-01-30 + P1M -> Sat 2026-02-28 -> Mon 2026-03-02
//
// A negative period, or one that ends after the year 9999, is an error
// wrapping ErrInvalidPeriod.
func (c Counter) DeadlineToAct(from Date, p Period) (Deadline, error) {
	d, err := c.raw(ToAct, from, p)
	if err != nil {
		return d, err
	}
	if d.Date, err = c.NextWorkingDay(d.Raw); err != nil {
		return Deadline{}, err
	}
	if d.Convention.info().twoWorkingDays && from.DaysUntil(d.Raw) >= 2 {
		// Art. 3(5): find the second working day after the event.
		n, day := 0, from
		for n < 2 {
			if day, err = c.NextWorkingDay(day.AddDays(1)); err != nil {
				return Deadline{}, err
			}
			n++
		}
		if day.After(d.Date) {
			d.Date = day
		}
	}
	return d, nil
}

// EffectiveDate returns the day on which something that takes effect or
// expires a period p after an event on from does so. It is counted like a
// deadline but never rolled (Reg. 1182/71 Art. 4(1)): a price change
// notified on 2026-06-24 with 4 months' notice takes effect on 2026-10-24,
// a Saturday. A negative period, or one that ends after the year 9999, is
// an error wrapping ErrInvalidPeriod.
func (c Counter) EffectiveDate(from Date, p Period) (Deadline, error) {
	return c.raw(TakesEffect, from, p)
}

// Threshold returns the first day on which a situation that began on from
// has lasted more than p: force majeure from 2026-01-05 has lasted more
// than 30 days on 2026-02-05. It never rolls. A negative period, or one
// that ends after the year 9999, is an error wrapping ErrInvalidPeriod.
func (c Counter) Threshold(from Date, p Period) (Deadline, error) {
	d, err := c.raw(Threshold, from, p)
	if err != nil {
		return d, err
	}
	d.Date = d.Raw.AddDays(1)
	return d, nil
}

// Elapsed returns the instant a period of elapsed time d after at ends,
// for deadlines in hours (48 hours, 72 hours). It counts real elapsed time,
// so it is right across daylight-saving changes, and it never rolls: aware
// at 2025-03-28T16:00+01:00, 72 hours later is 2025-03-31T17:00+02:00 in
// Copenhagen, because clocks moved forward on 30 March. The result is in
// at's location.
func Elapsed(at time.Time, d time.Duration) time.Time {
	return at.Add(d)
}

// MarshalText implements encoding.TextMarshaler with the convention's name,
// so a stored Counter or Deadline keeps its convention: "EU 1182/71" or
// "forældelsesloven § 27" or "lag (1930:173)".
func (c Convention) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler for the names of the
// built-in conventions; any other name is an error wrapping
// [ErrInvalidInput] that names the known ones and does not quote the text,
// since a convention's closed days cannot be rebuilt from its name.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (c *Convention) UnmarshalText(b []byte) error {
	for i, known := range conventions {
		if string(b) == known.name {
			*c = Convention{conventionID(i)}
			return nil
		}
	}
	return fmt.Errorf("%w: unknown convention, want %s, %s or %s", ErrInvalidInput,
		conventions[conventionEU1182].name, conventions[conventionDanish].name, conventions[conventionSwedish].name)
}

// ErrNoJSONForm reports a value that cannot be written as JSON because it
// holds a host's own [HolidayCalendar].
var ErrNoJSONForm = errors.New("contract: no JSON form")

type counterJSON struct {
	Convention Convention `json:"convention"`
	Calendar   *Calendar  `json:"calendar,omitempty"`
}

// MarshalJSON writes c as {"convention":"EU 1182/71","calendar":{...}}; a
// nil Calendar is left out. A calendar that is not a [Calendar] (a host's
// own [HolidayCalendar]) is an error wrapping ErrNoJSONForm: its rule
// cannot be rebuilt when read back.
func (c Counter) MarshalJSON() ([]byte, error) {
	v := counterJSON{Convention: c.Convention}
	switch cal := c.Calendar.(type) {
	case nil:
	case Calendar:
		v.Calendar = &cal
	case *Calendar:
		v.Calendar = cal
	default:
		return nil, fmt.Errorf("%w: counter calendar %T; use a contract.Calendar", ErrNoJSONForm, c.Calendar)
	}
	return json.Marshal(v)
}

// UnmarshalJSON reads the form MarshalJSON writes; the calendar is read
// into a [Calendar] value.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (c *Counter) UnmarshalJSON(b []byte) error {
	var v counterJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*c = Counter{Convention: v.Convention}
	if v.Calendar != nil {
		c.Calendar = *v.Calendar
	}
	return nil
}
