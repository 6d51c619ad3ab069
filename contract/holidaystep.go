package contract

import (
	"slices"
	"time"
)

// Holiday stepping: pimkit's own calendars can name their next holiday
// directly, so business-hours arithmetic jumps from holiday to holiday
// instead of asking about every day of a span.

// holidayStepper is implemented by pimkit's own calendars so business-hours
// arithmetic can jump from holiday to holiday instead of asking about each
// day.
type holidayStepper interface {
	// nextHoliday returns the first holiday h with d <= h < end.
	nextHoliday(d, end Date, open weekdayMask) (Date, bool)
}

// nextHoliday returns the first holiday of cal on or after d and before
// end; a calendar that is no holidayStepper is asked about each day whose
// weekday is in open.
func nextHoliday(cal HolidayCalendar, d, end Date, open weekdayMask) (Date, bool) {
	if s, ok := cal.(holidayStepper); ok {
		return s.nextHoliday(d, end, open)
	}
	for ; d.Before(end); d = d.AddDays(1) {
		if !open.has(d.Weekday()) {
			continue
		}
		if _, ok := cal.Holiday(d); ok {
			return d, true
		}
	}
	return Date{}, false
}

func (noHolidays) nextHoliday(_, _ Date, _ weekdayMask) (Date, bool) { return Date{}, false }

func (danishHolidays) nextHoliday(d, end Date, _ weekdayMask) (Date, bool) {
	y := yearOf(d)
	for {
		jan1, easter, next := yearDays(y)
		if jan1 >= end.days {
			return Date{}, false
		}
		// In date order; Store bededag (E+26) only until 2023.
		for _, h := range [...]int32{
			jan1, easter - 3, easter - 2, easter, easter + 1, easter + 26,
			easter + 39, easter + 49, easter + 50, next - 7, next - 6,
		} {
			if h == easter+26 && y > 2023 {
				continue
			}
			if h >= end.days {
				return Date{}, false
			}
			if h >= d.days {
				return Date{days: h}, true
			}
		}
		y++
	}
}

// yearTable holds, for the years tableFirst to tableFirst+len-2, the
// Date.days of 1 January and of Easter Sunday, so holiday stepping need not
// run the computus and the civil-date conversion for every holiday.
const tableFirst = 1900

var yearTable = func() (t [402]struct{ jan1, easter int32 }) {
	for i := range t {
		y := tableFirst + i
		t[i].jan1 = int32(daysFromCivil(y, time.January, 1))
		t[i].easter = EasterSunday(y).days
	}
	return t
}()

// yearDays returns the Date.days of 1 January, Easter Sunday and the next
// 1 January of year y.
func yearDays(y int) (jan1, easter, next int32) {
	if i := y - tableFirst; i >= 0 && i < len(yearTable)-1 {
		return yearTable[i].jan1, yearTable[i].easter, yearTable[i+1].jan1
	}
	return int32(daysFromCivil(y, time.January, 1)), EasterSunday(y).days, int32(daysFromCivil(y+1, time.January, 1))
}

// yearOf returns d's year, from the table when it covers d.
func yearOf(d Date) int {
	first, last := yearTable[0].jan1, yearTable[len(yearTable)-1].jan1
	if d.days < first || d.days >= last {
		return d.Year()
	}
	i := int(d.days-first) / 366 // at most a few years early
	for yearTable[i+1].jan1 <= d.days {
		i++
	}
	return tableFirst + i
}

func (c closedDays) nextHoliday(d, end Date, open weekdayMask) (Date, bool) {
	best, ok := nextHoliday(c.base, d, end, open)
	if ok {
		end = best
	}
	y0 := d.Year()
	for _, cd := range c.days {
		if cd.Month < time.January || cd.Month > time.December || cd.Day < 1 || cd.Day > 31 {
			continue
		}
		// The next occurrence on or after d; 29 February needs up to eight
		// years.
		for y := y0; y <= y0+8; y++ {
			if cd.Day > daysIn(y, cd.Month) {
				continue
			}
			h := Date{days: int32(daysFromCivil(y, cd.Month, cd.Day))}
			if h.Before(d) {
				continue
			}
			if h.Before(end) {
				best, end, ok = h, h, true
			}
			break
		}
	}
	return best, ok
}

func (c closedDates) nextHoliday(d, end Date, open weekdayMask) (Date, bool) {
	best, ok := nextHoliday(c.base, d, end, open)
	if ok {
		end = best
	}
	i, _ := slices.BinarySearchFunc(c.dates, d, Date.Compare)
	if i < len(c.dates) && c.dates[i].Before(end) {
		return c.dates[i], true
	}
	return best, ok
}
