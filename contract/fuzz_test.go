package contract

import (
	"testing"
	"time"
)

// Fuzz targets for the legal-time invariants and for every
// parser of the package's legal-time types. Run one with
//
//	go test -run '^$' -fuzz FuzzMonthClamping -fuzztime 30s ./contract

// dateIn maps any int to a Date in 1600..2400, the range the invariants are
// checked on.
func dateIn(n int64) Date {
	return Date{days: int32(fuzzLo + ((n%fuzzSpan)+fuzzSpan)%fuzzSpan)}
}

// fuzzLo is 1601-01-01 and fuzzSpan 800 years of days.
const fuzzLo, fuzzSpan = 584388, 292194

// seed returns the fuzz input that dateIn maps to y-m-d.
func seed(y int, m time.Month, d int) int64 { return int64(MustDate(y, m, d).days) - fuzzLo }

// FuzzMonthClamping checks Reg. 1182/71 Art. 3(2)(c): adding months lands
// in the target month and never passes its last day, against a naive
// reference that counts months and clamps by hand.
func FuzzMonthClamping(f *testing.F) {
	f.Add(seed(2025, 1, 31), 1)  // 2025-02-28
	f.Add(seed(2024, 1, 31), 1)  // 2024-02-29
	f.Add(seed(2028, 2, 29), 60) // 2033-02-28
	f.Add(seed(2025, 3, 31), -13)
	f.Fuzz(func(t *testing.T, n int64, months int) {
		months %= 1200
		d := dateIn(n)
		got := d.Add(Months(months))
		y, m, day := d.Date()
		// Naive reference: step month by month.
		ty, tm := y, int(m)
		for i := 0; i < months; i++ {
			if tm++; tm == 13 {
				ty, tm = ty+1, 1
			}
		}
		for i := 0; i > months; i-- {
			if tm--; tm == 0 {
				ty, tm = ty-1, 12
			}
		}
		last := time.Date(ty, time.Month(tm)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		want := MustDate(ty, time.Month(tm), min(day, last))
		if got != want {
			t.Fatalf("%s.Add(P%dM) = %s, want %s", d, months, got, want)
		}
		if got.Year() != ty || got.Month() != time.Month(tm) || got.Day() > last {
			t.Fatalf("%s.Add(P%dM) = %s, outside the target month %04d-%02d", d, months, got, ty, tm)
		}
		if day <= last {
			// Without clamping, the calendar agrees with AddDate.
			ad := time.Date(y, m, day, 0, 0, 0, 0, time.UTC).AddDate(0, months, 0)
			if DateOf(ad) != got {
				t.Fatalf("%s.Add(P%dM) = %s, AddDate gives %s", d, months, got, DateOf(ad))
			}
		}
		if y := got.Add(Years(1)); y.Month() != got.Month() || y.Year() != got.Year()+1 {
			t.Fatalf("%s.Add(P1Y) = %s leaves the month", got, y)
		}
	})
}

// FuzzDeadline checks the three deadline kinds: a deadline to act is a
// working day, never earlier than the raw one, rolled only past
// non-working days or to hold two working days (Art. 3(4), 3(5)); an
// effective date never rolls (Art. 4(1)); a threshold is the day after.
func FuzzDeadline(f *testing.F) {
	f.Add(seed(2026, 1, 30), uint16(0), uint16(1), uint16(0), uint16(0), false)  // Art. 3(4)
	f.Add(seed(2025, 12, 23), uint16(0), uint16(0), uint16(0), uint16(2), false) // Art. 3(5)
	f.Add(seed(2026, 5, 5), uint16(0), uint16(1), uint16(0), uint16(0), true)    // § 27, 5 June
	f.Add(seed(2028, 2, 29), uint16(5), uint16(0), uint16(0), uint16(0), true)
	f.Fuzz(func(t *testing.T, n int64, years, months, weeks, days uint16, limitation bool) {
		from := dateIn(n)
		p := Period{Years: int(years % 50), Months: int(months % 600), Weeks: int(weeks % 520), Days: int(days % 4000)}
		c := Counter{Calendar: WithClosedDays(DanishHolidays(), ClosedDay{time.June, 5, "Grundlovsdag"})}
		if limitation {
			c = Counter{Convention: DanishLimitationAct()}
		}
		d, err := c.DeadlineToAct(from, p)
		if err != nil {
			t.Fatalf("DeadlineToAct(%s, %s) error %v", from, p, err)
		}
		if d.Raw != from.Add(p) {
			t.Fatalf("DeadlineToAct(%s, %s).Raw = %s, want %s", from, p, d.Raw, from.Add(p))
		}
		if !c.IsWorkingDay(d.Date) || d.Date.Before(d.Raw) {
			t.Fatalf("DeadlineToAct(%s, %s) = %s: not a working day on or after %s", from, p, d, d.Raw)
		}
		if d.Rolled() {
			allClosed := true
			for x := d.Raw; x.Before(d.Date); x = x.AddDays(1) {
				allClosed = allClosed && !c.IsWorkingDay(x)
			}
			working := 0
			for x := from.AddDays(1); !x.After(d.Date); x = x.AddDays(1) {
				if c.IsWorkingDay(x) {
					working++
				}
			}
			if !allClosed && !(d.Convention.info().twoWorkingDays && working == 2) {
				t.Fatalf("DeadlineToAct(%s, %s) = %s rolled past a working day", from, p, d)
			}
		}
		e, err := c.EffectiveDate(from, p)
		if err != nil || e.Date != d.Raw || e.Rolled() {
			t.Fatalf("EffectiveDate(%s, %s) = %s, %v, want %s unrolled", from, p, e, err, d.Raw)
		}
		th, err := c.Threshold(from, p)
		if err != nil || th.Date != d.Raw.AddDays(1) {
			t.Fatalf("Threshold(%s, %s) = %s, %v, want %s", from, p, th, err, d.Raw.AddDays(1))
		}
	})
}

// FuzzParseDate checks that ParseDate never panics, accepts only what
// String writes back unchanged, and that String/ParseDate and
// MarshalText/UnmarshalText round-trip every date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-01-31", "2024-02-29", "2025-02-29", "2026-13-01", "2026-01-00", "0000-01-01", "9999-12-31", "2026-1-31", "٢٠٢٦-01-31", ""} {
		f.Add(s, int64(len(s)))
	}
	f.Fuzz(func(t *testing.T, s string, n int64) {
		if d, err := ParseDate(s); err == nil {
			if d.String() != s {
				t.Fatalf("ParseDate(%q) = %s, which prints differently", s, d)
			}
		}
		d := dateIn(n)
		got, err := ParseDate(d.String())
		if err != nil || got != d {
			t.Fatalf("ParseDate(%q) = %s, %v, want %s", d.String(), got, err, d)
		}
		b, _ := d.MarshalText()
		var u Date
		if err := u.UnmarshalText(b); err != nil || u != d {
			t.Fatalf("UnmarshalText(%q) = %s, %v, want %s", b, u, err, d)
		}
		y, m, dd := d.Date()
		if nd, err := NewDate(y, m, dd); err != nil || nd != d {
			t.Fatalf("NewDate(%d, %d, %d) = %s, %v, want %s", y, m, dd, nd, err, d)
		}
	})
}

// FuzzParsePeriod checks that ParsePeriod never panics and that every
// period it accepts, and every non-negative period, round-trips through
// String.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"P1Y", "P4M", "P1M10D", "P2W", "P0D", "PT48H", "P1D1M", "P-1M", "P", "P1Y2M3W4D", "P9999999D"} {
		f.Add(s, uint32(1), uint32(2), uint32(3), uint32(4))
	}
	f.Fuzz(func(t *testing.T, s string, y, m, w, d uint32) {
		if p, err := ParsePeriod(s); err == nil {
			if p.IsNegative() {
				t.Fatalf("ParsePeriod(%q) = %s, negative", s, p)
			}
			if q, err := ParsePeriod(p.String()); err != nil || q != p {
				t.Fatalf("ParsePeriod(%q) = %s, %v, want %s", p.String(), q, err, p)
			}
		}
		p := Period{Years: int(y % 1e6), Months: int(m % 1e6), Weeks: int(w % 1e6), Days: int(d % 1e6)}
		if q, err := ParsePeriod(p.String()); err != nil || q != p {
			t.Fatalf("ParsePeriod(%q) = %s, %v, want %s", p.String(), q, err, p)
		}
	})
}

// FuzzParseClockTime checks that ParseClockTime never panics and
// round-trips.
func FuzzParseClockTime(f *testing.F) {
	for _, s := range []string{"08:00", "24:00", "24:01", "8:00", "12:60", "", "0a:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseClockTime(s)
		if err != nil {
			return
		}
		if c.String() != s || c.Hour()*60+c.Minute() > 24*60 {
			t.Fatalf("ParseClockTime(%q) = %s", s, c)
		}
		if d, err := NewClockTime(c.Hour(), c.Minute()); err != nil || d != c {
			t.Fatalf("NewClockTime(%d, %d) = %s, %v, want %s", c.Hour(), c.Minute(), d, err, c)
		}
	})
}

// FuzzBusinessHours builds a schedule from fuzzed intervals and checks the
// invariants of business-time arithmetic: Between(a, Add(a, d)) == d; Add
// returns the earliest such instant, so the nanosecond before it is open;
// Between is additive; OpenIntervals sums to Between and yields only open
// time; IsOpen agrees with the reference.
func FuzzBusinessHours(f *testing.F) {
	f.Add([]byte{1, 32, 64, 2, 32, 64, 3, 32, 64, 4, 32, 64, 5, 32, 62}, int64(1742900000), int64(40*time.Hour), int64(3*24*time.Hour), uint8(0))
	f.Add([]byte{0, 4, 16, 0, 32, 64, 6, 0, 96}, int64(1761440000), int64(7*time.Hour+time.Nanosecond), int64(90*time.Minute), uint8(1))
	f.Add([]byte{1, 0, 96, 2, 0, 96, 3, 0, 96}, int64(1767000000), int64(time.Hour), int64(time.Second), uint8(2))
	f.Add([]byte{5, 60, 50, 5, 40, 70}, int64(0), int64(0), int64(-1), uint8(3))
	f.Add([]byte{0, 0, 96, 6, 0, 96}, int64(1552800000), int64(30*time.Hour), int64(20*time.Hour), uint8(4*2))  // Sao Paulo, 2019-03-17 change at midnight
	f.Add([]byte{0, 0, 96, 6, 0, 96}, int64(1585400000), int64(30*time.Hour), int64(20*time.Hour), uint8(4*1))  // Havana
	f.Add([]byte{0, 4, 12, 1, 32, 64}, int64(1586000000), int64(50*time.Hour), int64(60*time.Hour), uint8(4*3)) // Lord Howe, half-hour change
	// Copenhagen first; then zones whose clocks change at midnight
	// (Havana, and Sao Paulo until 2019), by half an hour (Lord Howe), or
	// sit at odd offsets (Kathmandu), and fixed zones.
	var locs []*time.Location
	for _, name := range []string{"Europe/Copenhagen", "America/Havana", "America/Sao_Paulo", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			f.Fatal(err)
		}
		locs = append(locs, loc)
	}
	locs = append(locs, time.FixedZone("odd", -(3*3600+25*60+7)))
	cals := []HolidayCalendar{
		DanishHolidays(),
		WithClosedDays(DanishHolidays(), ClosedDay{time.December, 24, "Juleaftensdag"}, ClosedDay{time.June, 5, "Grundlovsdag"}),
		hostCalendar{DanishHolidays()},
		nil,
	}
	f.Fuzz(func(t *testing.T, spec []byte, startSec, dur, gap int64, calIdx uint8) {
		// Each three bytes are one interval: weekday, from and to in
		// quarter hours (0..96).
		var week []OpenHours
		for i := 0; i+2 < len(spec) && len(week) < 12; i += 3 {
			week = append(week, OpenHours{
				Day:  time.Weekday(spec[i] % 8), // 7 is invalid on purpose
				From: ClockTime{min: uint16(spec[i+1]%97) * 15},
				To:   ClockTime{min: uint16(spec[i+2]%97) * 15},
			})
		}
		loc := locs[int(calIdx/4)%len(locs)]
		bh, err := NewBusinessHours(loc, cals[int(calIdx)%len(cals)], week...)
		if err != nil {
			return // every problem is listed; covered by the table tests
		}
		// Start within 2000..2040, any nanosecond; durations up to a year.
		const lo, span = 946684800, 40 * 365 * 86400
		a := time.Unix(lo+((startSec%span)+span)%span, ((startSec%1e9)+1e9)%1e9).In(loc)
		d := time.Duration(((dur % int64(365*24*time.Hour)) + int64(365*24*time.Hour)) % int64(365*24*time.Hour))
		end, err := bh.Add(a, d)
		if err != nil {
			t.Fatalf("Add(%s, %v) error %v", a, d, err)
		}
		if got := bh.Between(a, end); got != d {
			t.Fatalf("Between(%s, Add(%s, %v) = %s) = %v, want %v", a, a, d, end, got, d)
		}
		if d > 0 && !bh.IsOpen(end.Add(-time.Nanosecond)) {
			t.Fatalf("Add(%s, %v) = %s, but the nanosecond before is closed: not the earliest", a, d, end)
		}
		if d == 0 && !end.Equal(a) {
			t.Fatalf("Add(%s, 0) = %s, want the start", a, end)
		}
		g := time.Duration(((gap % int64(30*24*time.Hour)) + int64(30*24*time.Hour)) % int64(30*24*time.Hour))
		mid, far := a.Add(g), a.Add(2*g)
		if x, y, z := bh.Between(a, mid), bh.Between(mid, far), bh.Between(a, far); x+y != z {
			t.Fatalf("Between not additive: %v + %v != %v over %s, %s, %s", x, y, z, a, mid, far)
		}
		if bh.Between(far, a) != -bh.Between(a, far) {
			t.Fatalf("Between(%s, %s) is not the negative of the reverse", far, a)
		}
		var sum time.Duration
		prev := time.Time{}
		for s, e := range bh.OpenIntervals(a, far) {
			if !s.Before(e) || s.Before(a) || e.After(far) || !prev.Before(s) && !prev.IsZero() {
				t.Fatalf("OpenIntervals(%s, %s) yielded %s-%s after %s", a, far, s, e, prev)
			}
			if !bh.IsOpen(s) || !bh.IsOpen(e.Add(-time.Nanosecond)) {
				t.Fatalf("OpenIntervals(%s, %s) yielded %s-%s, not open", a, far, s, e)
			}
			sum += e.Sub(s)
			prev = e
		}
		if want := bh.Between(a, far); sum != want {
			t.Fatalf("OpenIntervals(%s, %s) sum %v, Between %v", a, far, sum, want)
		}
		for _, at := range []time.Time{a, mid, end, end.Add(-time.Nanosecond), a.Add(g / 3)} {
			if bh.IsOpen(at) != refOpen(bh, at) {
				t.Fatalf("IsOpen(%s) = %v, reference %v", at, bh.IsOpen(at), refOpen(bh, at))
			}
		}
	})
}
