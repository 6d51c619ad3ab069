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

// nextHoliday returns the first day c closes on or after d and before
// end.
func (c Calendar) nextHoliday(d, end Date, _ weekdayMask) (Date, bool) {
	best, ok := c.holidays.nextHoliday(d, end)
	if c.closed == nil {
		return best, ok
	}
	if ok {
		end = best
	}
	if h, found := nextClosedDay(c.closed.days, d, end); found {
		best, end, ok = h, h, true
	}
	for _, cd := range c.closed.dates {
		if !cd.Date.Before(d) && cd.Date.Before(end) {
			best, end, ok = cd.Date, cd.Date, true
		}
	}
	return best, ok
}

// nextHoliday returns h's first public holiday on or after d and before
// end.
func (h Holidays) nextHoliday(d, end Date) (Date, bool) {
	if h != DanishPublicHolidays && h != SwedishPublicHolidays {
		return Date{}, false
	}
	var buf [16]int32
	for y := yearOf(d); ; y++ {
		days := h.year(y, &buf)
		if len(days) == 0 || days[0] >= end.days {
			return Date{}, false
		}
		for _, day := range days {
			if day >= end.days {
				return Date{}, false
			}
			if day >= d.days {
				return Date{days: day}, true
			}
		}
	}
}

// year returns h's public holidays of year y in date order, in buf.
func (h Holidays) year(y int, buf *[16]int32) []int32 {
	jan1, easter, next := yearDays(y)
	out := buf[:0]
	switch h {
	case DanishPublicHolidays:
		out = append(out, jan1, easter-3, easter-2, easter, easter+1)
		if y <= 2023 {
			out = append(out, easter+26) // Store bededag
		}
		out = append(out, easter+39, easter+49, easter+50, next-7, next-6)
	case SwedishPublicHolidays:
		jun20 := Date{days: int32(daysFromCivil(y, time.June, 20))}
		oct31 := Date{days: int32(daysFromCivil(y, time.October, 31))}
		out = append(out, jan1, jan1+5, easter-2, easter, easter+1,
			int32(daysFromCivil(y, time.May, 1)), easter+39, easter+49)
		if y <= 2004 {
			out = append(out, easter+50) // annandag pingst
		} else {
			out = append(out, int32(daysFromCivil(y, time.June, 6))) // nationaldagen
		}
		out = append(out, jun20.days+untilSaturday(jun20), oct31.days+untilSaturday(oct31), next-7, next-6)
		slices.Sort(out)
		out = slices.Compact(out)
	}
	return out
}

// untilSaturday returns the days from d to the first Saturday on or after
// it.
func untilSaturday(d Date) int32 {
	return int32((time.Saturday - d.Weekday() + 7) % 7)
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
	if h, found := nextClosedDay(c.days, d, end); found {
		return h, true
	}
	return best, ok
}

// nextClosedDay returns the first occurrence of one of days on or after d
// and before end.
func nextClosedDay(days []ClosedDay, d, end Date) (best Date, ok bool) {
	y0 := d.Year()
	for _, cd := range days {
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
