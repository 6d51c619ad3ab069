package contract_test

import (
	"fmt"
	"time"
	_ "time/tzdata" // the examples run the same without a zoneinfo database

	"github.com/pimkit/pimkit/contract"
)

// A month after 31 January is the last day of February, not 3 March as
// time.AddDate would have it (Reg. 1182/71 Art. 3(2)(c)).
func ExampleDate_Add() {
	for _, c := range []struct {
		from string
		p    contract.Period
	}{
		{"2025-01-31", contract.Months(1)},
		{"2024-01-31", contract.Months(1)},
		{"2028-02-29", contract.Years(5)},
	} {
		from := contract.MustParseDate(c.from)
		naive := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC).
			AddDate(c.p.Years, c.p.Months, 0)
		fmt.Printf("%s + %s = %s (AddDate: %s)\n", from, c.p, from.Add(c.p), naive.Format(time.DateOnly))
	}
	// Output:
	// 2025-01-31 + P1M = 2025-02-28 (AddDate: 2025-03-03)
	// 2024-01-31 + P1M = 2024-02-29 (AddDate: 2024-03-02)
	// 2028-02-29 + P5Y = 2033-02-28 (AddDate: 2033-03-01)
}

func ExampleParseDate() {
	d, err := contract.ParseDate("2026-01-31")
	fmt.Println(d, d.Weekday(), err)
	_, err = contract.ParseDate("2026-02-30")
	fmt.Println(err)
	// Output:
	// 2026-01-31 Saturday <nil>
	// contract: invalid date: day not within the month
}

// DateOf takes the civil date of an instant in the instant's own zone;
// Date.In turns a date back into the instant its day begins.
func ExampleDateOf() {
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	at := time.Date(2025, 3, 31, 23, 30, 0, 0, time.UTC)
	fmt.Println(contract.DateOf(at), contract.DateOf(at.In(cph)))
	start, _ := contract.MustDate(2025, 10, 26).In(cph)
	fmt.Println(start)
	_, err := contract.MustDate(2025, 10, 26).In(nil)
	fmt.Println(err)
	// Output:
	// 2025-03-31 2025-04-01
	// 2025-10-26 00:00:00 +0200 CEST
	// contract: nil location
}

func ExampleParsePeriod() {
	p, err := contract.ParsePeriod("P1M10D")
	fmt.Println(p.Months, p.Days, p, err)
	_, err = contract.ParsePeriod("PT48H") // hours are a time.Duration
	fmt.Println(err)
	// Output:
	// 1 10 P1M10D <nil>
	// contract: invalid period: want ISO 8601 years, months, weeks and days (P1Y2M3W4D)
}

// A deadline to act rolls past weekends and holidays (Reg. 1182/71 Art.
// 3(4)): one month's notice given on Friday 2026-01-30 runs to Saturday 28
// February and so to Monday 2 March.
func ExampleCounter_DeadlineToAct() {
	var c contract.Counter // EU 1182/71 with Danish holidays
	for _, from := range []string{"2025-01-31", "2026-01-30"} {
		d, _ := c.DeadlineToAct(contract.MustParseDate(from), contract.Months(1))
		fmt.Println(d, d.Date.Weekday(), d.Citations())
	}
	// Output:
	// 2025-02-28 (to_act, 2025-01-31 + P1M) Friday [Reg. 1182/71 Art. 3(2)]
	// 2026-03-02 (to_act, 2026-01-30 + P1M, rolled from 2026-02-28) Monday [Reg. 1182/71 Art. 3(2) Reg. 1182/71 Art. 3(4)]
}

// A period of two days or more holds at least two working days (Reg.
// 1182/71 Art. 3(5)): two days from 23 December 2025 run past Christmas.
func ExampleCounter_DeadlineToAct_twoWorkingDays() {
	var c contract.Counter
	d, _ := c.DeadlineToAct(contract.MustDate(2025, 12, 23), contract.Days(2))
	fmt.Println(d.Date, d.Date.Weekday())
	// Output:
	// 2025-12-29 Monday
}

// Something that takes effect or expires never rolls (Reg. 1182/71 Art.
// 4(1)): a price change notified on 2026-06-24 with the 4 months' notice
// of terms 12.2 takes effect on Saturday 24 October.
func ExampleCounter_EffectiveDate() {
	var c contract.Counter
	d, _ := c.EffectiveDate(contract.MustDate(2026, 6, 24), contract.Months(4))
	fmt.Println(d, d.Date.Weekday())
	// Output:
	// 2026-10-24 (takes_effect, 2026-06-24 + P4M) Saturday
}

// A threshold is the first day a right that needs "more than" a period
// exists: force majeure from 2026-01-05 has lasted more than 30 days on
// 2026-02-05, when either party may terminate (terms 14.3).
func ExampleCounter_Threshold() {
	var c contract.Counter
	d, _ := c.Threshold(contract.MustDate(2026, 1, 5), contract.Days(30))
	fmt.Println(d)
	// Output:
	// 2026-02-05 (threshold, 2026-01-05 + P30D)
}

// The deadline ends at the end of its last day: the instant to store and
// compare with.
func ExampleDeadline_Expires() {
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	var c contract.Counter
	d, _ := c.DeadlineToAct(contract.MustDate(2026, 1, 30), contract.Months(1))
	end, _ := d.Expires(cph)
	fmt.Println(end)
	// Output:
	// 2026-03-03 00:00:00 +0100 CET
}

// Deadlines in hours are elapsed time: 72 hours from awareness of a
// breach (GDPR Art. 33(1)) across the spring-forward night end an hour
// later on the wall clock, and never roll.
func ExampleElapsed() {
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	aware := time.Date(2025, 3, 28, 16, 0, 0, 0, cph)
	fmt.Println(contract.Elapsed(aware, 72*time.Hour).Format(time.RFC3339))
	// Output:
	// 2025-03-31T17:00:00+02:00
}

// The Danish limitation act (forældelsesloven § 27) also rolls past
// Grundlovsdag, 24 December and 31 December, which are working days under
// EU 1182/71.
func ExampleDanishLimitationAct() {
	eu := contract.Counter{Convention: contract.EU1182()}
	dk := contract.Counter{Convention: contract.DanishLimitationAct()}
	from := contract.MustDate(2026, 5, 5)
	a, _ := eu.DeadlineToAct(from, contract.Months(1))
	b, _ := dk.DeadlineToAct(from, contract.Months(1))
	fmt.Println(eu.Convention, a.Date)
	fmt.Println(dk.Convention, b.Date, b.Citations())
	// Output:
	// EU 1182/71 2026-06-05
	// forældelsesloven § 27 2026-06-08 [forældelsesloven § 27]
}

// Store bededag was a Danish public holiday until 2023.
func ExampleDanishHolidays() {
	cal := contract.DanishHolidays()
	for _, d := range []contract.Date{
		contract.MustDate(2023, 5, 5), contract.MustDate(2024, 4, 26),
		contract.MustDate(2024, 5, 9), contract.MustDate(2026, 6, 5),
	} {
		name, ok := cal.Holiday(d)
		fmt.Printf("%s %v %q\n", d, ok, name)
	}
	// Output:
	// 2023-05-05 true "Store bededag"
	// 2024-04-26 false ""
	// 2024-05-09 true "Kristi himmelfartsdag"
	// 2026-06-05 false ""
}

// An office calendar adds the days Danish offices close on top of the
// public holidays.
func ExampleWithClosedDays() {
	office := contract.WithClosedDays(contract.DanishHolidays(),
		contract.ClosedDay{Month: time.June, Day: 5, Name: "Grundlovsdag"},
		contract.ClosedDay{Month: time.December, Day: 24, Name: "Juleaftensdag"},
		contract.ClosedDay{Month: time.December, Day: 31, Name: "Nytårsaftensdag"})
	c := contract.Counter{Calendar: office}
	next, _ := c.NextWorkingDay(contract.MustDate(2025, 12, 24))
	fmt.Println(next)
	why, _ := c.NonWorking(contract.MustDate(2026, 6, 5))
	fmt.Println(why)
	// Output:
	// 2025-12-29
	// Grundlovsdag
}

func ExampleEasterSunday() {
	fmt.Println(contract.EasterSunday(2025), contract.EasterSunday(2026))
	// Output:
	// 2025-04-20 2026-04-05
}

// Agreed support hours (terms 5) as business hours: Monday to Friday
// 08:00-16:00 in Copenhagen, closed on Danish public holidays. The hours
// are an example; OpenDIMS states its office hours on its website, and a
// host loads its own.
func ExampleNewBusinessHours() {
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	support, err := contract.NewBusinessHours(cph, contract.DanishHolidays(),
		contract.OpenOn(contract.MustClockTime(8, 0), contract.MustClockTime(16, 0),
			time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)...)
	fmt.Println(err)
	fmt.Println(support.IsOpen(time.Date(2024, 5, 9, 10, 0, 0, 0, cph)))  // Ascension Day
	fmt.Println(support.IsOpen(time.Date(2024, 5, 10, 10, 0, 0, 0, cph))) // Friday

	_, err = contract.NewBusinessHours(nil, nil,
		contract.OpenHours{Day: time.Monday, From: contract.MustClockTime(16, 0), To: contract.MustClockTime(8, 0)})
	fmt.Println(err)
	// Output:
	// <nil>
	// false
	// true
	// contract: invalid business hours: schedule: 2 problems: loc: required; week[0]: reversed(16:00-08:00)
}

// Eight business hours from Wednesday noon before Ascension Day 2024 end
// on Friday noon.
func ExampleBusinessHours_Add() {
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	support, _ := contract.NewBusinessHours(cph, contract.DanishHolidays(),
		contract.OpenOn(contract.MustClockTime(8, 0), contract.MustClockTime(16, 0),
			time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)...)
	due, _ := support.Add(time.Date(2024, 5, 8, 12, 0, 0, 0, cph), 8*time.Hour)
	fmt.Println(due.Format("Mon 2006-01-02 15:04"))
	// Output:
	// Fri 2024-05-10 12:00
}

func ExampleBusinessHours_Between() {
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	support, _ := contract.NewBusinessHours(cph, contract.DanishHolidays(),
		contract.OpenOn(contract.MustClockTime(8, 0), contract.MustClockTime(16, 0),
			time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)...)
	friday := time.Date(2026, 3, 6, 15, 0, 0, 0, cph)
	monday := time.Date(2026, 3, 9, 9, 0, 0, 0, cph)
	fmt.Println(support.Between(friday, monday))
	// Output:
	// 2h0m0s
}

// Wall-clock hours on the night clocks fall back: 01:00-04:00 on Sunday
// 2025-10-26 is four hours of open time in one interval.
func ExampleBusinessHours_OpenIntervals() {
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	night, _ := contract.NewBusinessHours(cph, nil,
		contract.OpenHours{Day: time.Sunday, From: contract.MustClockTime(1, 0), To: contract.MustClockTime(4, 0)})
	from := time.Date(2025, 10, 26, 0, 0, 0, 0, cph)
	for s, e := range night.OpenIntervals(from, from.Add(24*time.Hour)) {
		fmt.Println(s.Format("15:04 MST"), "-", e.Format("15:04 MST"), e.Sub(s))
	}
	// Output:
	// 01:00 CEST - 04:00 CET 4h0m0s
}

// The zero BusinessHours is open all the time: the agreed hours of
// operation of terms 2.1, 24/7.
func ExampleBusinessHours() {
	var ops contract.BusinessHours
	at := time.Date(2025, 12, 25, 3, 0, 0, 0, time.UTC)
	fmt.Println(ops.IsOpen(at), ops.Between(at, at.Add(36*time.Hour)))
	// Output:
	// true 36h0m0s
}

func ExampleParseClockTime() {
	c, err := contract.ParseClockTime("15:30")
	fmt.Println(c.Hour(), c.Minute(), c, err)
	_, err = contract.ParseClockTime("24:30")
	fmt.Println(err)
	// Output:
	// 15 30 15:30 <nil>
	// contract: invalid clock time: want HH:MM from 00:00 to 24:00
}

// NewDate rejects a day the month does not have instead of normalising it
// the way time.Date does.
func ExampleNewDate() {
	d, err := contract.NewDate(2024, time.February, 29)
	fmt.Println(d, err)
	_, err = contract.NewDate(2025, time.February, 29)
	fmt.Println(err)
	// Output:
	// 2024-02-29 <nil>
	// contract: invalid date: day not within the month
}

// Working days under the default counter: not a weekend, not a Danish
// public holiday.
func ExampleCounter_NextWorkingDay() {
	var c contract.Counter
	for _, d := range []contract.Date{contract.MustDate(2026, 2, 28), contract.MustDate(2025, 4, 17)} {
		next, _ := c.NextWorkingDay(d)
		why, _ := c.NonWorking(d)
		fmt.Println(d, c.IsWorkingDay(d), why, "->", next)
	}
	// Output:
	// 2026-02-28 false Saturday -> 2026-03-02
	// 2025-04-17 false Skærtorsdag -> 2025-04-22
}

// A one-off closed date, such as a company day, on top of the public
// holidays.
func ExampleWithClosedDates() {
	cal := contract.WithClosedDates(contract.DanishHolidays(), "Firmadag", contract.MustDate(2026, 8, 14))
	name, ok := cal.Holiday(contract.MustDate(2026, 8, 14))
	fmt.Println(name, ok)
	_, ok = cal.Holiday(contract.MustDate(2027, 8, 14))
	fmt.Println(ok)
	// Output:
	// Firmadag true
	// false
}

// Several intervals a day: a lunch break, and a short Friday.
func ExampleOpenOn() {
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	at := contract.MustClockTime
	week := append(contract.OpenOn(at(8, 0), at(12, 0), time.Monday, time.Tuesday, time.Wednesday, time.Thursday),
		contract.OpenOn(at(12, 30), at(16, 0), time.Monday, time.Tuesday, time.Wednesday, time.Thursday)...)
	week = append(week, contract.OpenHours{Day: time.Friday, From: at(8, 0), To: at(14, 0)})
	support, _ := contract.NewBusinessHours(cph, contract.DanishHolidays(), week...)
	monday := time.Date(2026, 3, 2, 0, 0, 0, 0, cph)
	fmt.Println(support.Between(monday, monday.AddDate(0, 0, 7)))
	fmt.Println(support.IsOpen(monday.Add(12*time.Hour + 15*time.Minute)))
	// Output:
	// 36h0m0s
	// false
}

// IsOpen reads the instant on the schedule's wall clock, whatever zone the
// instant is given in.
func ExampleBusinessHours_IsOpen() {
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	support, _ := contract.NewBusinessHours(cph, contract.DanishHolidays(),
		contract.OpenOn(contract.MustClockTime(8, 0), contract.MustClockTime(16, 0),
			time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)...)
	utc := time.Date(2026, 7, 1, 6, 30, 0, 0, time.UTC) // 08:30 CEST
	fmt.Println(support.IsOpen(utc), support.IsOpen(utc.Add(-time.Hour)))
	// Output:
	// true false
}
