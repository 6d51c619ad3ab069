package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"math"
	"reflect"
	"slices"
	"strconv"
	"time"
)

// ClockTime is a time of day on a wall clock, to the minute, from 00:00 to
// 24:00. 24:00 is the end of the day, so an interval 16:00-24:00 runs to
// midnight; it is valid only as the end of an interval.
//
// The zero ClockTime is 00:00, the start of the day.
type ClockTime struct {
	min uint16 // minutes since midnight, 0..1440
}

// ErrInvalidClockTime reports an hour or minute out of range, or text that
// is not HH:MM.
var ErrInvalidClockTime = errors.New("contract: invalid clock time")

// NewClockTime returns hour:minute. Hour is 0..24 and minute 0..59; hour 24
// is allowed only as 24:00, the end of the day: NewClockTime(24, 30) is an
// error wrapping ErrInvalidClockTime.
func NewClockTime(hour, minute int) (ClockTime, error) {
	if hour < 0 || hour > 24 || minute < 0 || minute > 59 || (hour == 24 && minute != 0) {
		return ClockTime{}, fmt.Errorf("%w: %02d:%02d", ErrInvalidClockTime, hour, minute)
	}
	return ClockTime{min: uint16(hour*60 + minute)}, nil
}

// MustClockTime is NewClockTime for package-level tables and tests; it
// panics on an invalid time, which is a programming error there.
func MustClockTime(hour, minute int) ClockTime {
	c, err := NewClockTime(hour, minute)
	if err != nil {
		panic(err)
	}
	return c
}

// ParseClockTime parses the 24-hour form HH:MM that String writes: "08:00",
// "15:30", "24:00". "8:00", "08.00", "24:01" and "12:60" are errors
// wrapping ErrInvalidClockTime that say what was expected and never quote
// the text.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func ParseClockTime(s string) (ClockTime, error) {
	bad := fmt.Errorf("%w: want HH:MM from 00:00 to 24:00", ErrInvalidClockTime)
	if len(s) != 5 || s[2] != ':' {
		return ClockTime{}, bad
	}
	h, ok1 := atoi(s[0:2])
	m, ok2 := atoi(s[3:5])
	if !ok1 || !ok2 {
		return ClockTime{}, bad
	}
	c, err := NewClockTime(h, m)
	if err != nil {
		return ClockTime{}, bad
	}
	return c, nil
}

// Hour returns c's hour, 0..24.
func (c ClockTime) Hour() int { return int(c.min) / 60 }

// Minute returns c's minute, 0..59.
func (c ClockTime) Minute() int { return int(c.min) % 60 }

// Equal reports whether c and d are the same time of day; go-cmp compares
// ClockTimes with it.
func (c ClockTime) Equal(d ClockTime) bool { return c.min == d.min }

// Before reports whether c is earlier in the day than d.
func (c ClockTime) Before(d ClockTime) bool { return c.min < d.min }

// String returns c as HH:MM: "08:00", "24:00".
func (c ClockTime) String() string {
	var b [5]byte
	return string(c.appendText(b[:0]))
}

func (c ClockTime) appendText(b []byte) []byte {
	h, m := c.Hour(), c.Minute()
	return append(b, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10))
}

// MarshalText implements encoding.TextMarshaler with the HH:MM form.
func (c ClockTime) MarshalText() ([]byte, error) { return c.appendText(make([]byte, 0, 5)), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseClockTime.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (c *ClockTime) UnmarshalText(b []byte) error {
	v, err := ParseClockTime(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// OpenHours is one interval of a weekly schedule: open on Day from From up
// to, not including, To, read on the schedule's wall clock. A day may have
// several intervals (08:00-12:00 and 13:00-16:00 for a lunch break); To
// may be 24:00 to run to midnight.
//
// In JSON it reads {"day":1,"from":"08:00","to":"16:00"}, the day numbered
// as [time.Weekday] (Sunday 0).
type OpenHours struct {
	// Day is the weekday, Sunday (0) to Saturday (6).
	Day time.Weekday `json:"day" validate:"gte=0,lte=6"`
	// From is the wall-clock time the interval opens.
	From ClockTime `json:"from"`
	// To is the wall-clock time it closes, after From; 24:00 is midnight.
	To ClockTime `json:"to"`
}

// MaxOpenHours is the most intervals a [BusinessHours] week holds: 336,
// forty-eight a day.
const MaxOpenHours = 7 * 48

// maxScheduleProblems is the most problems NewBusinessHours lists.
const maxScheduleProblems = 64

// OpenOn returns the interval from-to on each of days, for building a
// schedule: OpenOn(MustClockTime(8, 0), MustClockTime(16, 0), time.Monday,
// time.Tuesday) is Monday and Tuesday 08:00-16:00. With no days it returns
// nil.
func OpenOn(from, to ClockTime, days ...time.Weekday) []OpenHours {
	if len(days) == 0 {
		return nil
	}
	week := make([]OpenHours, len(days))
	for i, d := range days {
		week[i] = OpenHours{Day: d, From: from, To: to}
	}
	return week
}

// Errors for business hours.
var (
	// ErrInvalidBusinessHours reports a schedule NewBusinessHours rejects;
	// the error is a [*ValidationError] listing every problem.
	ErrInvalidBusinessHours = errors.New("contract: invalid business hours")
	// ErrBusinessTimeRange reports a negative amount of business time, or
	// a result after the year 9999.
	ErrBusinessTimeRange = errors.New("contract: business time out of range")
	// ErrNeverOpen reports business hours that stay closed for more than a
	// year, because the holiday calendar closes every scheduled day, so no
	// business time can be counted.
	ErrNeverOpen = errors.New("contract: business hours closed for more than a year")
)

// BusinessHours is a weekly schedule of open hours on the wall clock of a
// time zone, closed on the holidays of a [HolidayCalendar]: the agreed
// support hours of terms 5 ("office hours", terms 2.1), or a helpdesk's
// hours. It answers whether it is open at an instant ([BusinessHours.IsOpen]),
// how much business time lies between two instants
// ([BusinessHours.Between]) and when a response time of business hours
// ends ([BusinessHours.Add]).
//
// The zero BusinessHours is open all the time, 24/7 with no holidays: the
// agreed hours of operation of terms 2.1 unless the offer document says
// otherwise. Build others with [NewBusinessHours].
//
// Hours are wall-clock hours: a schedule Monday to Friday 08:00-16:00 in
// Europe/Copenhagen is open eight hours on each such day, in winter and
// summer. On the days clocks change, an instant is open when the wall
// clock reads an open time: on Sunday 2025-03-30, when clocks skip from
// 02:00 to 03:00, an interval 01:00-04:00 is open two hours; on Sunday
// 2025-10-26, when 02:00-03:00 is lived twice, it is open four. A holiday
// closes its whole date.
//
// A BusinessHours is a small immutable value, safe to copy and to use from
// many goroutines. Its arithmetic jumps holiday to holiday and week to week
// rather than stepping through time, so it allocates nothing and takes
// well under a microsecond for spans of a year with pimkit's calendars in
// the years 1900-2300 (a few microseconds outside them); a host's own
// [HolidayCalendar] is asked about each scheduled day instead. Instants
// before the year 1 or after the year 9999 count as closed.
type BusinessHours struct {
	loc   *time.Location
	cal   HolidayCalendar
	week  []OpenHours // as given, sorted by day and From
	spans []span      // merged open seconds of the week, from Sunday 00:00
	// weekly is the open seconds of a week without holidays.
	weekly int64
	// open has bit d set when weekday d has open hours.
	open weekdayMask
}

// span is an interval [start, end) of seconds of the week from Sunday
// 00:00; before is the open seconds of the week before start.
type span struct{ start, end, before int64 }

type weekdayMask uint8

func (m weekdayMask) has(d time.Weekday) bool { return m&(1<<uint(d)) != 0 }

const (
	secPerDay  = 86400
	secPerWeek = 7 * secPerDay
	// sunday0 is the Unix wall second of Sunday 1970-01-04 00:00, the start
	// of a week.
	sunday0 = 3 * secPerDay
	// unixToDays converts a Unix day number to Date.days.
	unixToDays = -epochShift
	// minSec and maxSec bound the instants counted: 0001-01-02 and
	// 9999-12-31, leaving a day for any UTC offset.
	minSec = -62135596800 + secPerDay
	maxSec = 253402214400
	// window is the most days a chunk of arithmetic covers at once.
	window = 400
	// maxDurationSec is the most whole seconds a Duration holds with room
	// for a sub-second adjustment.
	maxDurationSec = math.MaxInt64/int64(time.Second) - 1
)

// NewBusinessHours returns the schedule week on the wall clock of loc,
// closed on the holidays of cal; a nil cal means no holidays. Monday to
// Friday 08:00-16:00 in Europe/Copenhagen with [DanishHolidays] is closed
// on Ascension Day 2024-05-09:
//
//	bh, err := contract.NewBusinessHours(cph, contract.DanishHolidays(),
//		contract.OpenOn(contract.MustClockTime(8, 0), contract.MustClockTime(16, 0),
//			time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)...)
//
// Intervals of the same day may touch (08:00-12:00, 12:00-16:00) but not
// overlap. A nil loc, an empty week, a day outside Sunday..Saturday, an
// interval whose From is not before its To and overlapping intervals are
// all reported at once in a [*ValidationError] whose fields name them
// ("loc: required", "week[1]: reversed(16:00-08:00)", "week[4]:
// overlap(week[0])", "week[2].day: lte(6)"); it wraps
// ErrInvalidBusinessHours, and ErrNilLocation when loc is nil. A week of
// more than [MaxOpenHours] intervals is refused ("week: max(336)"), and at
// most the first 64 problems are listed, so that checking a hostile week
// costs little.
func NewBusinessHours(loc *time.Location, cal HolidayCalendar, week ...OpenHours) (BusinessHours, error) {
	var fields []Problem
	add := func(field, rule, param string) {
		fields = append(fields, Problem{Path: field, Rule: rule, Param: param})
	}
	if loc == nil {
		add("loc", "required", "")
	}
	switch {
	case len(week) == 0:
		add("week", "required", "")
	case len(week) > MaxOpenHours:
		add("week", "max", strconv.Itoa(MaxOpenHours))
		week = nil
	}
	for i, h := range week {
		if len(fields) >= maxScheduleProblems {
			break
		}
		field := "week[" + strconv.Itoa(i) + "]"
		var ps Problems
		ps.Check(field, h)
		switch {
		case ps.Len() > 0:
			fields = append(fields, ps.List()...)
		case h.From == h.To:
			add(field, "empty", h.From.String()+"-"+h.To.String())
		case h.To.Before(h.From):
			add(field, "reversed", h.From.String()+"-"+h.To.String())
		default:
			for j, g := range week[:i] {
				if g.Day == h.Day && g.From.Before(g.To) && g.From.Before(h.To) && h.From.Before(g.To) {
					add(field, "overlap", "week["+strconv.Itoa(j)+"]")
					if len(fields) >= maxScheduleProblems {
						break
					}
				}
			}
		}
	}
	if len(fields) > 0 {
		kinds := []error{ErrInvalidBusinessHours}
		if loc == nil {
			kinds = append(kinds, ErrNilLocation)
		}
		return BusinessHours{}, NewValidationError("schedule", fields, kinds...)
	}
	if cal == nil {
		cal = NoHolidays()
	}
	b := BusinessHours{loc: loc, cal: cal, week: slices.Clone(week)}
	slices.SortFunc(b.week, func(x, y OpenHours) int {
		if x.Day != y.Day {
			return int(x.Day) - int(y.Day)
		}
		return int(x.From.min) - int(y.From.min)
	})
	for _, h := range b.week {
		start := int64(h.Day)*secPerDay + int64(h.From.min)*60
		end := int64(h.Day)*secPerDay + int64(h.To.min)*60
		b.open |= 1 << uint(h.Day)
		if n := len(b.spans); n > 0 && b.spans[n-1].end == start {
			b.spans[n-1].end = end
		} else {
			b.spans = append(b.spans, span{start: start, end: end, before: b.weekly})
		}
		b.weekly += end - start
	}
	return b, nil
}

// Location returns the time zone of the schedule's wall clock; nil for
// the zero BusinessHours, which is open 24/7 in every zone.
func (b BusinessHours) Location() *time.Location { return b.loc }

// Calendar returns the holidays the schedule is closed on; NoHolidays for
// the zero BusinessHours.
func (b BusinessHours) Calendar() HolidayCalendar {
	if b.cal == nil {
		return NoHolidays()
	}
	return b.cal
}

// Week returns a copy of the schedule's intervals sorted by day (Sunday
// first) and time; nil for the zero BusinessHours.
func (b BusinessHours) Week() []OpenHours { return slices.Clone(b.week) }

// IsAlwaysOpen reports whether b is the zero BusinessHours, open 24/7.
// A schedule built with NewBusinessHours is never "always open", even with
// 00:00-24:00 every day, because its holidays close.
func (b BusinessHours) IsAlwaysOpen() bool { return b.loc == nil }

// IsOpen reports whether b is open at t: whether t, read on the
// schedule's wall clock, falls in an interval of its weekday and its date
// is no holiday. With Monday to Friday 08:00-16:00 in Copenhagen, Thursday
// 2024-05-09 10:00 is closed (Ascension Day) and Friday 2024-05-10 10:00 is
// open; 16:00 itself is closed.
func (b BusinessHours) IsOpen(t time.Time) bool {
	if b.loc == nil {
		return true
	}
	sec := t.Unix()
	if sec < minSec || sec >= maxSec {
		return false
	}
	_, off := t.In(b.loc).Zone()
	return b.openAt(sec + int64(off))
}

// openAt reports whether wall second w is open.
func (b *BusinessHours) openAt(w int64) bool {
	r := w - sunday0 - floorDiv64(w-sunday0, secPerWeek)*secPerWeek
	open := false
	for _, s := range b.spans {
		if s.start > r {
			break
		}
		if r < s.end {
			open = true
			break
		}
	}
	if !open {
		return false
	}
	_, hol := b.cal.Holiday(wallDate(w))
	return !hol
}

// Between returns the business time from from to to: how long b is open
// in [from, to). With Monday to Friday 08:00-16:00, Friday 15:00 to Monday
// 09:00 is two hours. It is negative when to is before from, and
// saturates at the largest Duration like [time.Time.Sub].
func (b BusinessHours) Between(from, to time.Time) time.Duration {
	if b.loc == nil {
		return to.Sub(from)
	}
	if to.Before(from) {
		return -b.between(to, from)
	}
	return b.between(from, to)
}

func (b *BusinessHours) between(from, to time.Time) time.Duration {
	fs, fn := clampInstant(from)
	ts, tn := clampInstant(to)
	var secs int64
	for s := fs; s < ts; {
		off, segEnd := b.zone(s)
		e := min(ts, segEnd)
		secs += b.openWall(s+off, e+off)
		if secs > maxDurationSec {
			return math.MaxInt64 // saturated: no need to count on
		}
		s = e
	}
	// Sub-second ends: a whole second is either open or closed.
	var adj int64
	if fn != 0 && b.openSecond(fs) {
		adj -= fn
	}
	if tn != 0 && b.openSecond(ts) {
		adj += tn
	}
	if secs > maxDurationSec {
		return math.MaxInt64
	}
	return time.Duration(secs*int64(time.Second) + adj)
}

// clampInstant returns t's Unix second and nanosecond, clamped to the
// instants counted.
func clampInstant(t time.Time) (sec, nsec int64) {
	sec, nsec = t.Unix(), int64(t.Nanosecond())
	switch {
	case sec < minSec:
		return minSec, 0
	case sec >= maxSec:
		return maxSec, 0
	}
	return sec, nsec
}

// openSecond reports whether the Unix second sec is open.
func (b *BusinessHours) openSecond(sec int64) bool {
	if sec < minSec || sec >= maxSec {
		return false
	}
	off, _ := b.zone(sec)
	return b.openAt(sec + off)
}

// zone returns the UTC offset of b's location at Unix second sec and the
// second at which that offset ends (math.MaxInt64 for never).
func (b *BusinessHours) zone(sec int64) (off, end int64) {
	t := time.Unix(sec, 0).In(b.loc)
	_, o := t.Zone()
	_, e := t.ZoneBounds()
	end = math.MaxInt64
	if !e.IsZero() {
		end = e.Unix()
	}
	if end <= sec {
		// Past a zone's last explicit transition Go derives bounds from
		// its TZ rule and ends the last stretch of a year 365 days after 1
		// January, so in the last day of a leap year the end is not after
		// t (time/zoneinfo.go tzset, Go 1.26). Rules change no offset at
		// the turn of the year: the stretch runs on to 1 January UTC.
		end = time.Date(t.UTC().Year()+1, time.January, 1, 0, 0, 0, 0, time.UTC).Unix()
	}
	return int64(o), end
}

// cum returns the open seconds of the week before second r of the week
// (0 <= r <= secPerWeek), ignoring holidays.
func (b *BusinessHours) cum(r int64) int64 {
	var c int64
	for _, s := range b.spans {
		if s.start >= r {
			break
		}
		c = s.before + min(r, s.end) - s.start
	}
	return c
}

// f returns the open seconds, ignoring holidays, from the week of
// 1970-01-04 to wall second w: a non-decreasing function whose difference
// is the open time between two wall seconds.
func (b *BusinessHours) f(w int64) int64 {
	k := floorDiv64(w-sunday0, secPerWeek)
	return k*b.weekly + b.cum(w-sunday0-k*secPerWeek)
}

// inv returns the smallest wall second w with f(w) == v.
func (b *BusinessHours) inv(v int64) int64 {
	k := floorDiv64(v-1, b.weekly) // v-k*weekly in (0, weekly]
	c := v - k*b.weekly
	var r int64
	for _, s := range b.spans {
		if c <= s.before+s.end-s.start {
			r = s.start + c - s.before
			break
		}
	}
	return sunday0 + k*secPerWeek + r
}

// openWall returns the open seconds in the wall range [wa, wb), holidays
// excluded.
func (b *BusinessHours) openWall(wa, wb int64) int64 {
	if wa >= wb {
		return 0
	}
	total := b.f(wb) - b.f(wa)
	first, last := wallDate(wa), wallDate(wb-1).AddDays(1)
	for d := first; d.Before(last); d = d.AddDays(1) {
		end := d.AddDays(window)
		if last.Before(end) {
			end = last
		}
		h, ok := nextHoliday(b.cal, d, end, b.open)
		if !ok {
			d = d.AddDays(window - 1)
			continue
		}
		hs := dateWall(h)
		total -= b.f(min(wb, hs+secPerDay)) - b.f(max(wa, hs))
		d = h
	}
	return total
}

// Add returns the instant at which d of business time after start has
// passed: the earliest t with Between(start, t) == d, in start's
// location. With Monday to Friday 08:00-16:00 in Copenhagen, 8 hours after
// Wednesday 2024-05-08 12:00 is Friday 2024-05-10 12:00, since Ascension
// Day is closed; 4 hours after Monday 12:00 is Monday 16:00, the close,
// not Tuesday 08:00. Add(start, 0) is start even when closed.
//
// A negative d, or a result after the year 9999, is an error wrapping
// ErrBusinessTimeRange; a calendar that keeps every scheduled day closed
// for more than a year is an error wrapping ErrNeverOpen.
func (b BusinessHours) Add(start time.Time, d time.Duration) (time.Time, error) {
	if d < 0 {
		return time.Time{}, fmt.Errorf("%w: negative duration %v", ErrBusinessTimeRange, d)
	}
	if d == 0 {
		return start, nil
	}
	if b.loc == nil {
		return start.Add(d), nil
	}
	sec, nsec := start.Unix(), int64(start.Nanosecond())
	if sec < minSec || sec >= maxSec {
		return time.Time{}, fmt.Errorf("%w: start outside the years 1 to 9999", ErrBusinessTimeRange)
	}
	need := int64(d)
	if nsec != 0 {
		// Finish the started second first.
		if b.openSecond(sec) {
			if rest := int64(time.Second) - nsec; need <= rest {
				return start.Add(d), nil
			} else {
				need -= rest
			}
		}
		sec++
	}
	// need > 0 nanoseconds from whole second sec: find the second in
	// which the need-th nanosecond falls.
	q, r := need/int64(time.Second), need%int64(time.Second)
	target := q
	if r != 0 {
		target++ // the second that holds the last r nanoseconds
	}
	end, err := b.addSeconds(sec, target)
	if err != nil {
		return time.Time{}, err
	}
	if r != 0 {
		return time.Unix(end-1, r).In(start.Location()), nil
	}
	return time.Unix(end, 0).In(start.Location()), nil
}

// addSeconds returns the smallest Unix second e with n open seconds in
// [sec, e), n > 0.
func (b *BusinessHours) addSeconds(sec, n int64) (int64, error) {
	progress := sec // the last second at which business time was found
	for {
		if sec >= maxSec {
			return 0, fmt.Errorf("%w: result after the year 9999", ErrBusinessTimeRange)
		}
		off, segEnd := b.zone(sec)
		w, limit := sec+off, min(segEnd, maxSec)+off
		for w < limit {
			day := wallDate(w)
			chunkEnd := min(limit, dateWall(day.AddDays(window)))
			next := chunkEnd
			h, hol := nextHoliday(b.cal, day, wallDate(chunkEnd-1).AddDays(1), b.open)
			if hol {
				hs := dateWall(h)
				if hs <= w {
					w = hs + secPerDay
					if w-off-progress > 366*secPerDay {
						return 0, ErrNeverOpen
					}
					continue
				}
				chunkEnd = hs
				next = hs + secPerDay
			}
			v0 := b.f(w)
			if avail := b.f(chunkEnd) - v0; n <= avail {
				return b.inv(v0+n) - off, nil
			} else if avail > 0 {
				n -= avail
				progress = chunkEnd - off
			}
			w = next
			if w-off-progress > 366*secPerDay {
				return 0, ErrNeverOpen
			}
		}
		sec = min(segEnd, maxSec)
	}
}

// OpenIntervals yields the intervals in which b is open, clipped to
// [from, to), in order, each as its start and end, in from's location.
// Touching intervals are joined: with 00:00-24:00 on Monday and Tuesday
// the two days are one interval. On 2025-10-26 in Copenhagen an interval
// 01:00-04:00 is one interval of four hours. The zero BusinessHours yields
// [from, to) itself when from is before to.
func (b BusinessHours) OpenIntervals(from, to time.Time) iter.Seq2[time.Time, time.Time] {
	return func(yield func(time.Time, time.Time) bool) {
		if !from.Before(to) {
			return
		}
		if b.loc == nil {
			yield(from, to)
			return
		}
		loc := from.Location()
		clip := func(s, e int64) bool {
			st, et := time.Unix(s, 0), time.Unix(e, 0)
			if st.Before(from) {
				st = from
			}
			if et.After(to) {
				et = to
			}
			if !st.Before(et) {
				return true
			}
			return yield(st.In(loc), et.In(loc))
		}
		var cur [2]int64 // pending interval [start, end) in Unix seconds
		have := false
		emit := func(s, e int64) bool {
			if have && cur[1] == s {
				cur[1] = e
				return true
			}
			if have && !clip(cur[0], cur[1]) {
				return false
			}
			cur, have = [2]int64{s, e}, true
			return true
		}
		fs, _ := clampInstant(from)
		ts, tn := clampInstant(to)
		if tn != 0 {
			ts++ // the second that holds to's nanoseconds
		}
		for s := fs; s < ts; {
			off, segEnd := b.zone(s)
			e := min(ts, segEnd)
			if !b.wallIntervals(s+off, e+off, off, emit) {
				return
			}
			s = e
		}
		if have {
			clip(cur[0], cur[1])
		}
	}
}

// wallIntervals calls emit with the open intervals, in Unix seconds, of
// the wall range [wa, wb) of a stretch with UTC offset off.
func (b *BusinessHours) wallIntervals(wa, wb, off int64, emit func(s, e int64) bool) bool {
	for d := wallDate(wa); dateWall(d) < wb; d = d.AddDays(1) {
		if !b.open.has(d.Weekday()) {
			continue
		}
		if _, hol := b.cal.Holiday(d); hol {
			continue
		}
		ds := dateWall(d)
		for _, h := range b.week {
			if h.Day != d.Weekday() {
				continue
			}
			s := max(wa, ds+int64(h.From.min)*60)
			e := min(wb, ds+int64(h.To.min)*60)
			if s < e && !emit(s-off, e-off) {
				return false
			}
		}
	}
	return true
}

// wallDate returns the date of wall second w (seconds since 1970-01-01
// 00:00 on the wall clock).
func wallDate(w int64) Date { return Date{days: int32(floorDiv64(w, secPerDay) + unixToDays)} }

// dateWall returns the wall second at which d begins.
func dateWall(d Date) int64 { return (int64(d.days) - unixToDays) * secPerDay }

func floorDiv64(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// businessHoursJSON is the stored form of a schedule.
type businessHoursJSON struct {
	Zone     Zone        `json:"zone"`
	Calendar Calendar    `json:"calendar"`
	Week     []OpenHours `json:"week"`
}

// zoneOf returns the [Zone] a location is named after, for the zones pimkit
// knows: Europe/Copenhagen, Europe/Stockholm and UTC.
func zoneOf(loc *time.Location) (Zone, bool) {
	z := Zone(loc.String())
	if _, ok := zoneRules[z]; ok {
		return z, true
	}
	return "", false
}

// calendarOf returns cal as a [Calendar] value when it is one.
func calendarOf(cal HolidayCalendar) (Calendar, bool) {
	switch c := cal.(type) {
	case nil:
		return Calendar{}, true
	case Calendar:
		return c, true
	case *Calendar:
		if c == nil {
			return Calendar{}, true
		}
		return *c, true
	}
	return Calendar{}, false
}

// MarshalJSON writes the schedule's zone, holiday calendar and week:
//
//	{"zone":"Europe/Copenhagen","calendar":{"holidays":"dk"},
//	 "week":[{"day":1,"from":"08:00","to":"16:00"}, ...]}
//
// The zero BusinessHours, open 24/7, is {}. A schedule whose location is
// not one of the zones pimkit knows ([ZoneCopenhagen], [ZoneStockholm],
// [ZoneUTC]) or whose calendar is a host's own [HolidayCalendar] rather
// than a [Calendar] cannot be rebuilt from text; it is an error wrapping
// [ErrNoJSONForm], never a silent {}.
func (b BusinessHours) MarshalJSON() ([]byte, error) {
	if b.IsAlwaysOpen() {
		return []byte("{}"), nil
	}
	z, ok := zoneOf(b.loc)
	if !ok {
		return nil, fmt.Errorf("%w: business hours in a zone pimkit does not know; use a contract.Zone's location", ErrNoJSONForm)
	}
	cal, ok := calendarOf(b.cal)
	if !ok {
		return nil, fmt.Errorf("%w: business hours calendar %T; use a contract.Calendar", ErrNoJSONForm, b.cal)
	}
	return json.Marshal(businessHoursJSON{Zone: z, Calendar: cal, Week: b.week})
}

// UnmarshalJSON reads the form MarshalJSON writes and rebuilds the schedule
// with [NewBusinessHours], so a stored schedule is checked again: {} is the
// zero BusinessHours, an unknown zone wraps [ErrInvalidInput], and a broken
// week is a [*ValidationError] wrapping ErrInvalidBusinessHours. It
// allocates at most 16 bytes per input byte plus 64 KiB.
func (b *BusinessHours) UnmarshalJSON(data []byte) error {
	var raw struct {
		Zone     *Zone           `json:"zone"`
		Calendar Calendar        `json:"calendar"`
		Week     json.RawMessage `json:"week"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	week, err := decodeList[OpenHours](raw.Week, MaxOpenHours, "week")
	if err != nil {
		return err
	}
	v := struct {
		Zone     *Zone
		Calendar Calendar
		Week     []OpenHours
	}{raw.Zone, raw.Calendar, week}
	if week == nil && len(raw.Week) > 0 && !bytes.Equal(raw.Week, []byte("null")) {
		v.Week = []OpenHours{}
	}
	if v.Zone == nil && v.Week == nil {
		*b = BusinessHours{}
		return nil
	}
	var z Zone
	if v.Zone != nil {
		z = *v.Zone
	}
	loc, err := z.Location()
	if err != nil {
		return err
	}
	bh, err := NewBusinessHours(loc, v.Calendar, v.Week...)
	if err != nil {
		return err
	}
	*b = bh
	return nil
}

// Equal reports whether b and o are the same schedule: the same zone (by
// name), the same holidays and the same week. go-cmp compares
// BusinessHours with it.
func (b BusinessHours) Equal(o BusinessHours) bool {
	if b.IsAlwaysOpen() || o.IsAlwaysOpen() {
		return b.IsAlwaysOpen() == o.IsAlwaysOpen()
	}
	if b.loc != o.loc && b.loc.String() != o.loc.String() {
		return false
	}
	if !slices.Equal(b.week, o.week) {
		return false
	}
	cb, okb := calendarOf(b.cal)
	co, oko := calendarOf(o.cal)
	if okb && oko {
		return cb.Equal(co)
	}
	return reflect.DeepEqual(b.cal, o.cal)
}
