package contract

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // tests run the same on machines without a zoneinfo database

	"github.com/google/go-cmp/cmp"
)

func copenhagen(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func clock(s string) ClockTime {
	c, err := ParseClockTime(s)
	if err != nil {
		panic(err)
	}
	return c
}

var monFri = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}

// officeHours is Monday to Friday 08:00-16:00 in Copenhagen with Danish
// holidays: the worked example for agreed support hours (terms 5).
func officeHours(t testing.TB) BusinessHours {
	t.Helper()
	bh, err := NewBusinessHours(copenhagen(t), DanishHolidays(), OpenOn(clock("08:00"), clock("16:00"), monFri...)...)
	if err != nil {
		t.Fatal(err)
	}
	return bh
}

// refOpen is an independent, slow statement of IsOpen: the wall clock of
// t falls in an interval of its weekday and its date is no holiday.
func refOpen(b BusinessHours, t time.Time) bool {
	if b.loc == nil {
		return true
	}
	l := t.In(b.loc)
	if _, hol := b.cal.Holiday(DateOf(l)); hol {
		return false
	}
	m := l.Hour()*60 + l.Minute()
	for _, h := range b.week {
		if h.Day == l.Weekday() && int(h.From.min) <= m && m < int(h.To.min) {
			return true
		}
	}
	return false
}

// refBetween steps minute by minute (every schedule here changes only on
// whole minutes of UTC as well) and sums the open minutes.
func refBetween(b BusinessHours, from, to time.Time) time.Duration {
	var d time.Duration
	for t := from; t.Before(to); t = t.Add(time.Minute) {
		if refOpen(b, t) {
			d += time.Minute
		}
	}
	return d
}

func TestClockTime(t *testing.T) {
	tests := []struct {
		name, in string
		want     string
		err      bool
	}{
		{"start of day", "00:00", "00:00", false},
		{"office opens (terms 5)", "08:00", "08:00", false},
		{"half hour", "15:30", "15:30", false},
		{"end of day 24:00", "24:00", "24:00", false},
		{"24:01 is past the end of day", "24:01", "", true},
		{"hour 25", "25:00", "", true},
		{"minute 60", "12:60", "", true},
		{"one-digit hour", "8:00", "", true},
		{"dot separator", "08.00", "", true},
		{"seconds", "08:00:00", "", true},
		{"sign", "-1:00", "", true},
		{"empty", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseClockTime(tt.in)
			if tt.err {
				if !errors.Is(err, ErrInvalidClockTime) {
					t.Fatalf("ParseClockTime(%q) = %v, %v, want error wrapping ErrInvalidClockTime", tt.in, c, err)
				}
				return
			}
			if err != nil || c.String() != tt.want {
				t.Fatalf("ParseClockTime(%q) = %v, %v, want %s", tt.in, c, err, tt.want)
			}
			var u ClockTime
			b, _ := c.MarshalText()
			if err := u.UnmarshalText(b); err != nil || u != c {
				t.Errorf("UnmarshalText(%q) = %v, %v, want %v", b, u, err, c)
			}
		})
	}
	if _, err := NewClockTime(24, 30); !errors.Is(err, ErrInvalidClockTime) {
		t.Errorf("NewClockTime(24, 30) error = %v, want ErrInvalidClockTime", err)
	}
	if c := MustClockTime(15, 30); c.Hour() != 15 || c.Minute() != 30 {
		t.Errorf("MustClockTime(15, 30) = %d:%d, want 15:30", c.Hour(), c.Minute())
	}
}

func TestNewBusinessHoursProblems(t *testing.T) {
	cph := copenhagen(t)
	tests := []struct {
		name string
		loc  *time.Location
		week []OpenHours
		want []fe
	}{
		{"nil location and empty week", nil, nil, []fe{
			{"loc", "required", ""}, {"week", "required", ""}}},
		{"reversed, empty, bad weekday, overlap listed together", cph, []OpenHours{
			{time.Monday, clock("08:00"), clock("12:00")},
			{time.Monday, clock("16:00"), clock("08:00")},
			{time.Tuesday, clock("09:00"), clock("09:00")},
			{time.Weekday(9), clock("08:00"), clock("16:00")},
			{time.Monday, clock("11:00"), clock("13:00")},
			{time.Monday, clock("07:00"), clock("24:00")},
		}, []fe{
			{"week[1]", "reversed", "16:00-08:00"},
			{"week[2]", "empty", "09:00-09:00"},
			{"week[3].day", "lte", "6"},
			{"week[4]", "overlap", "week[0]"},
			{"week[5]", "overlap", "week[0]"},
			{"week[5]", "overlap", "week[4]"},
		}},
		{"24:00 as a start is reversed", cph, []OpenHours{{time.Friday, clock("24:00"), clock("24:00")}},
			[]fe{{"week[0]", "empty", "24:00-24:00"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewBusinessHours(tt.loc, nil, tt.week...)
			var ve *ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, ErrInvalidBusinessHours) {
				t.Fatalf("NewBusinessHours = %v, want *ValidationError", err)
			}
			if diff := cmp.Diff(tt.want, fields(ve)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if got := errors.Is(err, ErrNilLocation); got != (tt.loc == nil) {
				t.Errorf("errors.Is(err, ErrNilLocation) = %v, want %v", got, tt.loc == nil)
			}
		})
	}
}

func TestBusinessHoursTouchingIntervals(t *testing.T) {
	cph := copenhagen(t)
	bh, err := NewBusinessHours(cph, nil,
		OpenHours{time.Monday, clock("12:00"), clock("16:00")},
		OpenHours{time.Monday, clock("08:00"), clock("12:00")},
		OpenHours{time.Tuesday, clock("00:00"), clock("08:00")},
		OpenHours{time.Monday, clock("20:00"), clock("24:00")},
	)
	if err != nil {
		t.Fatal(err)
	}
	from := time.Date(2026, 3, 2, 0, 0, 0, 0, cph) // Monday
	var got []string
	for s, e := range bh.OpenIntervals(from, from.AddDate(0, 0, 7)) {
		got = append(got, s.Format("Mon 15:04")+"-"+e.Format("Mon 15:04"))
	}
	want := []string{"Mon 08:00-Mon 16:00", "Mon 20:00-Tue 08:00"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("OpenIntervals (-want +got):\n%s", diff)
	}
	if w := bh.Week(); w[0].From != clock("08:00") || w[3].Day != time.Tuesday {
		t.Errorf("Week() = %v, want sorted by day and time", w)
	}
}

func TestBusinessHoursOffice(t *testing.T) {
	bh := officeHours(t)
	cph := bh.Location()
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, cph) }
	open := []struct {
		name string
		t    time.Time
		want bool
	}{
		{"terms 5 Friday 10:00 open", at(2024, 5, 10, 10, 0), true},
		{"Ascension Day 2024-05-09 closed (DanishHolidays)", at(2024, 5, 9, 10, 0), false},
		{"opens at 08:00", at(2024, 5, 8, 8, 0), true},
		{"07:59 closed", at(2024, 5, 8, 7, 59), false},
		{"16:00 closed (half-open)", at(2024, 5, 8, 16, 0), false},
		{"Saturday closed", at(2024, 5, 11, 10, 0), false},
		{"Store bededag 2023-05-05 closed", at(2023, 5, 5, 10, 0), false},
		{"former Store bededag 2024-04-26 open", at(2024, 4, 26, 10, 0), true},
		{"Monday after fall-back 2025-10-27 08:30 open", at(2025, 10, 27, 8, 30), true},
	}
	for _, tt := range open {
		t.Run(tt.name, func(t *testing.T) {
			if got := bh.IsOpen(tt.t); got != tt.want {
				t.Errorf("IsOpen(%s) = %v, want %v", tt.t, got, tt.want)
			}
		})
	}
	between := []struct {
		name     string
		from, to time.Time
		want     time.Duration
	}{
		{"Friday 15:00 to Monday 09:00 is 2h", at(2026, 3, 6, 15, 0), at(2026, 3, 9, 9, 0), 2 * time.Hour},
		{"week of Ascension 2024 is 32h", at(2024, 5, 6, 0, 0), at(2024, 5, 13, 0, 0), 32 * time.Hour},
		{"whole year 2026: 261 weekdays less 7 holidays", at(2026, 1, 1, 0, 0), at(2027, 1, 1, 0, 0), 254 * 8 * time.Hour},
		{"reversed is negative", at(2026, 3, 9, 9, 0), at(2026, 3, 6, 15, 0), -2 * time.Hour},
		{"week across spring-forward 2025-03-30 is 40h", at(2025, 3, 24, 0, 0), at(2025, 4, 1, 0, 0), 48 * time.Hour},
		{"sub-second ends", at(2026, 3, 6, 15, 0).Add(-time.Millisecond), at(2026, 3, 9, 8, 0).Add(time.Nanosecond), time.Hour + time.Millisecond + time.Nanosecond},
		{"sub-second ends in closed time", at(2026, 3, 6, 16, 0).Add(time.Millisecond), at(2026, 3, 9, 8, 0).Add(-time.Nanosecond), 0},
	}
	for _, tt := range between {
		t.Run(tt.name, func(t *testing.T) {
			if got := bh.Between(tt.from, tt.to); got != tt.want {
				t.Errorf("Between(%s, %s) = %v, want %v", tt.from, tt.to, got, tt.want)
			}
		})
	}
	add := []struct {
		name  string
		start time.Time
		d     time.Duration
		want  time.Time
	}{
		{"8h from Wednesday noon skips Ascension 2024", at(2024, 5, 8, 12, 0), 8 * time.Hour, at(2024, 5, 10, 12, 0)},
		{"4h from Monday noon ends at the close", at(2026, 3, 2, 12, 0), 4 * time.Hour, at(2026, 3, 2, 16, 0)},
		{"from a closed Saturday", at(2026, 3, 7, 12, 0), time.Hour, at(2026, 3, 9, 9, 0)},
		{"zero from closed time is the start", at(2026, 3, 7, 12, 0), 0, at(2026, 3, 7, 12, 0)},
		{"Easter 2025: Wed 2025-04-16 15:00 + 2h", at(2025, 4, 16, 15, 0), 2 * time.Hour, at(2025, 4, 22, 9, 0)},
		{"Christmas 2025: 1 business day from 23 Dec", at(2025, 12, 23, 12, 0), 8 * time.Hour, at(2025, 12, 24, 12, 0)},
		{"nanoseconds", at(2026, 3, 6, 15, 59).Add(30 * time.Second), 2*time.Minute + 5*time.Nanosecond, at(2026, 3, 9, 8, 1).Add(30*time.Second + 5)},
	}
	for _, tt := range add {
		t.Run(tt.name, func(t *testing.T) {
			got, err := bh.Add(tt.start, tt.d)
			if err != nil || !got.Equal(tt.want) {
				t.Errorf("Add(%s, %v) = %s, %v, want %s", tt.start, tt.d, got, err, tt.want)
			}
			if b := bh.Between(tt.start, got); b != tt.d {
				t.Errorf("Between(%s, Add(..)) = %v, want %v", tt.start, b, tt.d)
			}
		})
	}
}

// TestBusinessHoursDST checks wall-clock schedules on the two change days
// of 2025 in Europe/Copenhagen: both are Sundays, so
// the schedule opens Sundays too, with intervals that span 02:00-03:00.
func TestBusinessHoursDST(t *testing.T) {
	cph := copenhagen(t)
	week := append(OpenOn(clock("08:00"), clock("16:00"), time.Sunday, time.Monday),
		OpenHours{time.Sunday, clock("01:00"), clock("04:00")},
		OpenHours{time.Saturday, clock("00:00"), clock("24:00")})
	bh, err := NewBusinessHours(cph, DanishHolidays(), week...)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		day  string
		want time.Duration // Sunday's business time
		ivs  []string      // the open intervals in UTC
	}{
		{"spring forward 2025-03-30: 01:00-04:00 is 2h, 08:00-16:00 is 8h", "2025-03-30", 10 * time.Hour,
			[]string{"00:00Z-02:00Z", "06:00Z-14:00Z"}},
		{"fall back 2025-10-26: 01:00-04:00 is 4h, 08:00-16:00 is 8h", "2025-10-26", 12 * time.Hour,
			[]string{"23:00Z-03:00Z", "07:00Z-15:00Z"}},
		{"ordinary Sunday 2025-11-02", "2025-11-02", 11 * time.Hour,
			[]string{"00:00Z-03:00Z", "07:00Z-15:00Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := MustParseDate(tt.day)
			from, _ := d.In(cph)
			to, _ := d.AddDays(1).In(cph)
			if got := bh.Between(from, to); got != tt.want {
				t.Errorf("Between(%s) = %v, want %v", tt.day, got, tt.want)
			}
			if ref := refBetween(bh, from, to); ref != tt.want {
				t.Errorf("reference Between(%s) = %v, want %v", tt.day, ref, tt.want)
			}
			var got []string
			var sum time.Duration
			for s, e := range bh.OpenIntervals(from, to) {
				sum += e.Sub(s)
				got = append(got, s.UTC().Format("15:04Z")+"-"+e.UTC().Format("15:04Z"))
			}
			if sum != tt.want {
				t.Errorf("OpenIntervals(%s) sum %v, want %v (%v)", tt.day, sum, tt.want, got)
			}
			if diff := cmp.Diff(tt.ivs, got); diff != "" {
				t.Errorf("OpenIntervals(%s) (-want +got):\n%s", tt.day, diff)
			}
			// Add the day's business time from the start of the day: it
			// must end at the last close, 16:00 local.
			end, err := bh.Add(from, tt.want)
			wantEnd := time.Date(d.Year(), d.Month(), d.Day(), 16, 0, 0, 0, cph)
			if err != nil || !end.Equal(wantEnd) {
				t.Errorf("Add(%s, %v) = %s, %v, want %s", from, tt.want, end, err, wantEnd)
			}
		})
	}
	// Instants in the repeated hour: 02:30 CEST and 02:30 CET are both open.
	for _, u := range []string{"2025-10-26T00:30:00Z", "2025-10-26T01:30:00Z"} {
		at, _ := time.Parse(time.RFC3339, u)
		if !bh.IsOpen(at) {
			t.Errorf("IsOpen(%s) = false, want true (02:30 on the wall clock)", u)
		}
	}
}

// TestBusinessHoursAgainstReference compares IsOpen, Between and Add with
// the minute-stepping reference over days around DST changes (in
// Copenhagen, and in zones that change at midnight or by half an hour),
// Easter and Christmas, for schedules with several intervals a day.
func TestBusinessHoursAgainstReference(t *testing.T) {
	schedules := map[string][]OpenHours{
		"office": OpenOn(clock("08:00"), clock("16:00"), monFri...),
		"split day and night": append(OpenOn(clock("07:30"), clock("11:45"), monFri...),
			append(OpenOn(clock("12:15"), clock("16:00"), monFri...),
				OpenHours{time.Saturday, clock("22:00"), clock("24:00")},
				OpenHours{time.Sunday, clock("00:00"), clock("03:30")})...),
		"24/7 in a zone": OpenOn(clock("00:00"), clock("24:00"), time.Sunday, time.Monday,
			time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday),
	}
	cal := WithClosedDays(DanishHolidays(), ClosedDay{time.December, 24, "Juleaftensdag"})
	type zoneStarts struct {
		zone   string
		starts []string
	}
	zones := []zoneStarts{
		{"Europe/Copenhagen", []string{"2025-03-27", "2025-10-23", "2025-04-15", "2025-12-20"}},
		// Clocks change at midnight, so the day begins at 01:00 or twice.
		{"America/Sao_Paulo", []string{"2018-11-01", "2019-02-14"}},
		{"America/Havana", []string{"2020-03-05", "2020-10-29"}},
		// Half-hour changes.
		{"Australia/Lord_Howe", []string{"2020-04-02", "2020-10-01"}},
	}
	for _, z := range zones {
		loc, err := time.LoadLocation(z.zone)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"office", "split day and night", "24/7 in a zone"} {
			bh, err := NewBusinessHours(loc, cal, schedules[name]...)
			if err != nil {
				t.Fatal(err)
			}
			checkZoneAgainstReference(t, bh, z.zone+" "+name, z.starts)
		}
	}
}

func checkZoneAgainstReference(t *testing.T, bh BusinessHours, name string, starts []string) {
	t.Helper()
	for _, s := range starts {
		from, _ := MustParseDate(s).In(bh.Location())
		from = from.Add(7*time.Hour + 45*time.Minute)
		to := from.Add(9 * 24 * time.Hour)
		t.Run(name+" from "+s, func(t *testing.T) {
			// One minute-stepping pass: the reference sum up to each
			// instant, checked every 7h15m.
			var want time.Duration
			for i, at := 0, from; at.Before(to); i, at = i+1, at.Add(time.Minute) {
				open := refOpen(bh, at)
				if i%15 == 0 && bh.IsOpen(at) != open {
					t.Fatalf("IsOpen(%s) = %v, want %v", at, !open, open)
				}
				if i%435 == 0 {
					checkAgainstReference(t, bh, from, at, want)
				}
				if open {
					want += time.Minute
				}
			}
		})
	}
}

func TestBusinessHoursZeroValue(t *testing.T) {
	var bh BusinessHours // terms 2.1: agreed hours of operation 24/7
	cph := copenhagen(t)
	from := time.Date(2025, 3, 29, 12, 0, 0, 0, cph)
	to := time.Date(2025, 3, 30, 12, 0, 0, 0, cph)
	if !bh.IsOpen(to) || !bh.IsAlwaysOpen() {
		t.Errorf("zero BusinessHours not open")
	}
	if got := bh.Between(from, to); got != 23*time.Hour {
		t.Errorf("Between across spring-forward = %v, want 23h of elapsed time", got)
	}
	if got, err := bh.Add(from, 23*time.Hour); err != nil || !got.Equal(to) {
		t.Errorf("Add(%s, 23h) = %s, %v, want %s", from, got, err, to)
	}
	n := 0
	for s, e := range bh.OpenIntervals(from, to) {
		if !s.Equal(from) || !e.Equal(to) {
			t.Errorf("OpenIntervals = %s-%s, want %s-%s", s, e, from, to)
		}
		n++
	}
	if n != 1 {
		t.Errorf("OpenIntervals yielded %d intervals, want 1", n)
	}
	if bh.Location() != nil || bh.Week() != nil {
		t.Errorf("zero value has a location or week")
	}
	if _, ok := bh.Calendar().Holiday(MustDate(2025, 12, 25)); ok {
		t.Errorf("zero value has holidays")
	}
}

func TestBusinessHoursAddErrors(t *testing.T) {
	bh := officeHours(t)
	at := time.Date(2026, 3, 2, 12, 0, 0, 0, bh.Location())
	if _, err := bh.Add(at, -time.Hour); !errors.Is(err, ErrBusinessTimeRange) {
		t.Errorf("Add(-1h) error = %v, want ErrBusinessTimeRange", err)
	}
	late := time.Date(9999, 12, 30, 12, 0, 0, 0, time.UTC)
	if _, err := bh.Add(late, 1000*time.Hour); !errors.Is(err, ErrBusinessTimeRange) {
		t.Errorf("Add(9999-12-30, 1000h) error = %v, want ErrBusinessTimeRange", err)
	}
	closed, err := NewBusinessHours(bh.Location(), everyDayClosed{}, OpenOn(clock("08:00"), clock("16:00"), monFri...)...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := closed.Add(at, time.Hour); !errors.Is(err, ErrNeverOpen) {
		t.Errorf("Add on a calendar closing every day: error = %v, want ErrNeverOpen", err)
	}
	allWeek, err := NewBusinessHours(bh.Location(), everyDayClosed{}, OpenOn(clock("00:00"), clock("24:00"),
		time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday)...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := allWeek.Add(at, time.Hour); !errors.Is(err, ErrNeverOpen) {
		t.Errorf("Add on every day of the week, all closed: error = %v, want ErrNeverOpen", err)
	}
	if got := closed.Between(at, at.AddDate(1, 0, 0)); got != 0 {
		t.Errorf("Between on a calendar closing every day = %v, want 0", got)
	}
}

// checkAgainstReference checks Between(from, at) == want and that Add(from,
// want) is the earliest instant with that much business time.
func checkAgainstReference(t *testing.T, bh BusinessHours, from, at time.Time, want time.Duration) {
	t.Helper()
	if got := bh.Between(from, at); got != want {
		t.Fatalf("Between(%s, %s) = %v, want %v", from, at, got, want)
	}
	if want == 0 {
		return
	}
	got, err := bh.Add(from, want)
	if err != nil {
		t.Fatal(err)
	}
	// at itself, or the last close before it.
	if got.After(at) || bh.Between(from, got) != want || (got.Before(at) && bh.Between(got, at) != 0) {
		t.Fatalf("Add(%s, %v) = %s, want the earliest instant <= %s with that business time", from, want, got, at)
	}
}

type everyDayClosed struct{}

func (everyDayClosed) Holiday(Date) (string, bool) { return "closed", true }

// hostCalendar is a host's own calendar, not a holidayStepper: business
// hours must ask it day by day and agree with the fast path.
type hostCalendar struct{ HolidayCalendar }

func TestBusinessHoursHostCalendarAgrees(t *testing.T) {
	cph := copenhagen(t)
	week := OpenOn(clock("08:00"), clock("16:00"), monFri...)
	for _, cal := range []HolidayCalendar{
		DanishHolidays(),
		WithClosedDays(DanishHolidays(), ClosedDay{time.June, 5, "Grundlovsdag"}, ClosedDay{time.February, 29, "leap"}),
		WithClosedDates(WithClosedDays(nil, ClosedDay{time.December, 31, "Nytårsaftensdag"}), "company day", MustDate(2026, 8, 14)),
	} {
		fast, _ := NewBusinessHours(cph, cal, week...)
		slow, _ := NewBusinessHours(cph, hostCalendar{cal}, week...)
		from := time.Date(2023, 12, 29, 9, 0, 0, 0, cph)
		for _, to := range []time.Time{from.AddDate(0, 7, 0), from.AddDate(1, 0, 0), from.AddDate(3, 2, 1)} {
			f, s := fast.Between(from, to), slow.Between(from, to)
			if f != s {
				t.Errorf("%T: Between(%s, %s) = %v, host calendar %v", cal, from, to, f, s)
			}
			fa, err1 := fast.Add(from, f)
			sa, err2 := slow.Add(from, f)
			if err1 != nil || err2 != nil || !fa.Equal(sa) {
				t.Errorf("%T: Add(%s, %v) = %s, host calendar %s (%v, %v)", cal, from, f, fa, sa, err1, err2)
			}
		}
	}
}

// TestHolidayStepperAgrees checks that the calendars' holiday-to-holiday
// stepping finds exactly the days Holiday reports.
func TestHolidayStepperAgrees(t *testing.T) {
	cals := map[string]HolidayCalendar{
		"danish":       DanishHolidays(),
		"closed days":  WithClosedDays(DanishHolidays(), ClosedDay{time.June, 5, "Grundlovsdag"}, ClosedDay{time.February, 29, "leap"}, ClosedDay{time.April, 31, "never"}),
		"closed dates": WithClosedDates(NoHolidays(), "x", MustDate(2024, 2, 29), MustDate(2023, 7, 1)),
		"none":         NoHolidays(),
	}
	for name, cal := range cals {
		for _, span := range [][2]Date{
			{MustDate(1895, 1, 1), MustDate(1905, 1, 1)}, // the start of the year table
			{MustDate(2020, 1, 1), MustDate(2029, 1, 1)}, // Store bededag 2023, not 2024
			{MustDate(2295, 1, 1), MustDate(2305, 1, 1)}, // the end of the year table
		} {
			checkStepper(t, name, cal, span[0], span[1])
		}
	}
}

func checkStepper(t *testing.T, name string, cal HolidayCalendar, from, end Date) {
	t.Helper()
	var want, got []string
	for d := from; d.Before(end); d = d.AddDays(1) {
		if _, ok := cal.Holiday(d); ok {
			want = append(want, d.String())
		}
	}
	for d := from; ; d = d.AddDays(1) {
		h, ok := nextHoliday(cal, d, end, weekdayMask(0x7f))
		if !ok {
			break
		}
		got = append(got, h.String())
		d = h
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s %s-%s: nextHoliday (-Holiday +stepper):\n%s", name, from, end, diff)
	}
}

func TestBusinessHoursErrorString(t *testing.T) {
	_, err := NewBusinessHours(nil, nil, OpenHours{time.Monday, clock("16:00"), clock("08:00")})
	want := "contract: invalid business hours: schedule: 2 problems: loc: required; week[0]: reversed(16:00-08:00)"
	if err == nil || err.Error() != want {
		t.Errorf("NewBusinessHours(nil, ...) error = %v, want %q", err, want)
	}
}

// TestBusinessHoursLeapYearEndPastTzdata covers the last day of a leap year
// after the zone's explicit transitions, where Go's zone bounds end too
// early: arithmetic must go on into the next year.
func TestBusinessHoursLeapYearEndPastTzdata(t *testing.T) {
	cph := copenhagen(t)
	bh, err := NewBusinessHours(cph, nil, OpenHours{time.Sunday, clock("00:00"), clock("12:00")})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2040, 12, 30, 6, 0, 0, 0, cph) // a Sunday
	end, err := bh.Add(start, 6*time.Hour+12*time.Hour)
	want := time.Date(2041, 1, 6, 12, 0, 0, 0, cph)
	if err != nil || !end.Equal(want) {
		t.Errorf("Add(%s, 18h) = %s, %v, want %s", start, end, err, want)
	}
	if got := bh.Between(start, want); got != 18*time.Hour {
		t.Errorf("Between(%s, %s) = %v, want 18h", start, want, got)
	}
	if got := bh.Between(time.Date(2040, 12, 31, 12, 0, 0, 0, cph), time.Date(2041, 1, 1, 12, 0, 0, 0, cph)); got != 0 {
		t.Errorf("Between over 2040-12-31 (a Monday) = %v, want 0", got)
	}
}

// TestOpenHoursJSON loads a schedule from a host's configuration.
func TestOpenHoursJSON(t *testing.T) {
	var week []OpenHours
	in := `[{"day":1,"from":"08:00","to":"12:00"},{"day":1,"from":"12:30","to":"16:00"},{"day":5,"from":"08:00","to":"15:30"}]`
	if err := json.Unmarshal([]byte(in), &week); err != nil {
		t.Fatal(err)
	}
	bh, err := NewBusinessHours(copenhagen(t), DanishHolidays(), week...)
	if err != nil {
		t.Fatal(err)
	}
	monday := time.Date(2026, 3, 2, 0, 0, 0, 0, bh.Location())
	if got := bh.Between(monday, monday.AddDate(0, 0, 7)); got != 7*time.Hour+30*time.Minute+7*time.Hour+30*time.Minute {
		t.Errorf("Between over the week of %s = %v, want 15h", monday, got)
	}
	out, _ := json.Marshal(bh.Week())
	if string(out) != in {
		t.Errorf("json.Marshal(Week()) = %s, want %s", out, in)
	}
	if err := json.Unmarshal([]byte(`[{"day":1,"from":"8:00","to":"12:00"}]`), &week); err == nil {
		t.Errorf("json.Unmarshal with from 8:00 = nil error, want an error")
	}
}

// TestBusinessHoursOutOfRange covers instants outside the years 1 to 9999,
// which count as closed, and stopping OpenIntervals early.
func TestBusinessHoursOutOfRange(t *testing.T) {
	bh := officeHours(t)
	ancient := time.Date(-5, 3, 1, 10, 0, 0, 0, time.UTC)
	future := time.Unix(1<<40, 0)
	if bh.IsOpen(ancient) || bh.IsOpen(future) {
		t.Errorf("IsOpen outside the years 1 to 9999 = true, want false")
	}
	if got := bh.Between(future, future.Add(1000*time.Hour)); got != 0 {
		t.Errorf("Between after the year 9999 = %v, want 0", got)
	}
	y1 := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	if got, want := bh.Between(ancient, y1.AddDate(0, 0, 14)), bh.Between(y1, y1.AddDate(0, 0, 14)); got != want || got == 0 {
		t.Errorf("Between from before year 1 = %v, want the business time from year 1 on, %v", got, want)
	}
	if _, err := bh.Add(future, time.Hour); !errors.Is(err, ErrBusinessTimeRange) {
		t.Errorf("Add after the year 9999: error = %v, want ErrBusinessTimeRange", err)
	}
	from := time.Date(2026, 3, 2, 0, 0, 0, 0, bh.Location())
	n := 0
	for s := range bh.OpenIntervals(from, from.AddDate(0, 1, 0)) {
		if n++; s.Day() != 2 {
			t.Errorf("first open interval starts %s, want Monday 2 March", s)
		}
		break
	}
	if n != 1 {
		t.Errorf("OpenIntervals yielded %d intervals before the break, want 1", n)
	}
	for range bh.OpenIntervals(from, from) {
		t.Errorf("OpenIntervals over an empty span yielded an interval")
	}
}
