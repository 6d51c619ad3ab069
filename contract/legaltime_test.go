package contract

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The legal-time vectors, each naming the article or clause it
// checks.

func TestPeriodAddMonthClamping(t *testing.T) {
	tests := []struct {
		name string
		from string
		p    Period
		want string
	}{
		{"Art. 3(2)(c) 2025-01-31 + P1M clamps to 28 Feb", "2025-01-31", Months(1), "2025-02-28"},
		{"Art. 3(2)(c) leap year 2024-01-31 + P1M is 29 Feb", "2024-01-31", Months(1), "2024-02-29"},
		{"Art. 3(2)(c) terms 9.3 leap day + P5Y is 28 Feb", "2028-02-29", Years(5), "2033-02-28"},
		{"Art. 3(2)(c) leap day + P4Y stays leap day", "2028-02-29", Years(4), "2032-02-29"},
		{"Art. 3(2)(c) 31 Mar + P1M is 30 Apr", "2026-03-31", Months(1), "2026-04-30"},
		{"Art. 3(2)(c) months across a year end", "2025-10-31", Months(4), "2026-02-28"},
		{"Art. 3(2)(c) terms 12.3 payment period P12M", "2025-02-28", Months(12), "2026-02-28"},
		{"months then days: 2025-01-31 + P1M1D", "2025-01-31", Period{Months: 1, Days: 1}, "2025-03-01"},
		{"weeks are 7 days: P2W", "2026-02-20", Weeks(2), "2026-03-06"},
		{"terms 12.3 P30D is days, not a month", "2026-01-31", Days(30), "2026-03-02"},
		{"negative months count back with clamping", "2025-03-31", Months(-1), "2025-02-28"},
		{"empty period", "2025-03-31", Period{}, "2025-03-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MustParseDate(tt.from).Add(tt.p).String(); got != tt.want {
				t.Errorf("%s.Add(%s) = %s, want %s", tt.from, tt.p, got, tt.want)
			}
		})
	}
}

func TestDeadlineKinds(t *testing.T) {
	var c Counter // EU 1182/71 with Danish holidays
	tests := []struct {
		name    string
		kind    DeadlineKind
		from    string
		p       Period
		raw     string
		want    string
		rolled  bool
		cites   string
		display string
	}{
		{"Art. 3(4) terms 17.2 Fri 2025-01-31 + P1M ends on a Friday, stays", ToAct, "2025-01-31", Months(1),
			"2025-02-28", "2025-02-28", false, "[Reg. 1182/71 Art. 3(2)]",
			"2025-02-28 (to_act, 2025-01-31 + P1M)"},
		{"Art. 3(4) terms 17.2 Fri 2026-01-30 + P1M ends Sat, rolls to Mon", ToAct, "2026-01-30", Months(1),
			"2026-02-28", "2026-03-02", true, "[Reg. 1182/71 Art. 3(2) Reg. 1182/71 Art. 3(4)]",
			"2026-03-02 (to_act, 2026-01-30 + P1M, rolled from 2026-02-28)"},
		{"Art. 3(4) terms 12.3 P30D payment ends on Store bededag 2023", ToAct, "2023-04-05", Days(30),
			"2023-05-05", "2023-05-08", true, "[Reg. 1182/71 Art. 3(2) Reg. 1182/71 Art. 3(4)]",
			"2023-05-08 (to_act, 2023-04-05 + P30D, rolled from 2023-05-05)"},
		{"Art. 3(5) P2D from Friday holds two working days", ToAct, "2026-01-30", Days(2),
			"2026-02-01", "2026-02-03", true, "[Reg. 1182/71 Art. 3(2) Reg. 1182/71 Art. 3(4)]",
			"2026-02-03 (to_act, 2026-01-30 + P2D, rolled from 2026-02-01)"},
		{"Art. 3(4) P1D from Friday rolls to Monday only", ToAct, "2026-01-30", Days(1),
			"2026-01-31", "2026-02-02", true, "[Reg. 1182/71 Art. 3(2) Reg. 1182/71 Art. 3(4)]",
			"2026-02-02 (to_act, 2026-01-30 + P1D, rolled from 2026-01-31)"},
		{"Art. 4(1) terms 12.2 2026-06-24 + P4M takes effect on Saturday 2026-10-24", TakesEffect, "2026-06-24", Months(4),
			"2026-10-24", "2026-10-24", false, "[Reg. 1182/71 Art. 3(2) Reg. 1182/71 Art. 4(1)]",
			"2026-10-24 (takes_effect, 2026-06-24 + P4M)"},
		{"Art. 4(1) terms 9.3 confidentiality ends 5 years after, on a holiday", TakesEffect, "2026-12-25", Years(5),
			"2031-12-25", "2031-12-25", false, "[Reg. 1182/71 Art. 3(2) Reg. 1182/71 Art. 4(1)]",
			"2031-12-25 (takes_effect, 2026-12-25 + P5Y)"},
		{"terms 14.3 force majeure from 2026-01-05 lasts more than 30 days on 2026-02-05", Threshold, "2026-01-05", Days(30),
			"2026-02-04", "2026-02-05", false, "[Reg. 1182/71 Art. 3(2)]",
			"2026-02-05 (threshold, 2026-01-05 + P30D)"},
		{"threshold on a Sunday does not roll", Threshold, "2026-01-07", Days(30),
			"2026-02-06", "2026-02-07", false, "[Reg. 1182/71 Art. 3(2)]",
			"2026-02-07 (threshold, 2026-01-07 + P30D)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := MustParseDate(tt.from)
			d, err := deadlineOf(c, tt.kind, from, tt.p)
			if err != nil {
				t.Fatalf("%s(%s, %s) error %v", tt.kind, tt.from, tt.p, err)
			}
			if d.Raw.String() != tt.raw || d.Date.String() != tt.want || d.Rolled() != tt.rolled {
				t.Errorf("%s(%s, %s) = raw %s, date %s, rolled %v; want raw %s, date %s, rolled %v",
					tt.kind, tt.from, tt.p, d.Raw, d.Date, d.Rolled(), tt.raw, tt.want, tt.rolled)
			}
			if d.Kind != tt.kind || d.From != from || d.Period != tt.p || d.Convention.String() != "EU 1182/71" {
				t.Errorf("%s(%s, %s) = %+v, want its inputs recorded", tt.kind, tt.from, tt.p, d)
			}
			if got := citeString(d.Citations()); got != tt.cites {
				t.Errorf("%s(%s, %s).Citations() = %s, want %s", tt.kind, tt.from, tt.p, got, tt.cites)
			}
			if got := d.String(); got != tt.display {
				t.Errorf("%s(%s, %s).String() = %q, want %q", tt.kind, tt.from, tt.p, got, tt.display)
			}
		})
	}
}

func deadlineOf(c Counter, kind DeadlineKind, from Date, p Period) (Deadline, error) {
	switch kind {
	case ToAct:
		return c.DeadlineToAct(from, p)
	case TakesEffect:
		return c.EffectiveDate(from, p)
	}
	return c.Threshold(from, p)
}

func citeString(cs []Citation) string {
	s := "["
	for i, c := range cs {
		if i > 0 {
			s += " "
		}
		s += c.String()
	}
	return s + "]"
}

func TestDeadlineExpires(t *testing.T) {
	cph := copenhagen(t)
	var c Counter
	toAct, _ := c.DeadlineToAct(MustDate(2026, 1, 30), Months(1))
	thr, _ := c.Threshold(MustDate(2026, 1, 5), Days(30))
	tests := []struct {
		name string
		d    Deadline
		want string
	}{
		{"Art. 3(4) a rolled deadline ends at the end of Monday", toAct, "2026-03-03T00:00:00+01:00"},
		{"terms 14.3 the right exists from the start of the threshold day", thr, "2026-02-05T00:00:00+01:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.d.Expires(cph)
			if err != nil || got.Format(time.RFC3339) != tt.want {
				t.Errorf("%s.Expires(Copenhagen) = %s, %v, want %s", tt.d, got.Format(time.RFC3339), err, tt.want)
			}
		})
	}
	if _, err := toAct.Expires(nil); !errors.Is(err, ErrNilLocation) {
		t.Errorf("Expires(nil) error = %v, want ErrNilLocation", err)
	}
}

func TestElapsedHours(t *testing.T) {
	cph := copenhagen(t)
	tests := []struct {
		name string
		at   time.Time
		d    time.Duration
		want string
	}{
		{"GDPR Art. 33(1) 72 h across spring-forward 2025-03-30", time.Date(2025, 3, 28, 16, 0, 0, 0, cph), 72 * time.Hour, "2025-03-31T17:00:00+02:00"},
		{"terms 6.3 48 h across fall-back 2025-10-26", time.Date(2025, 10, 25, 12, 0, 0, 0, cph), 48 * time.Hour, "2025-10-27T11:00:00+01:00"},
		{"terms 6.3 48 h never rolls past a weekend", time.Date(2026, 2, 27, 9, 0, 0, 0, cph), 48 * time.Hour, "2026-03-01T09:00:00+01:00"},
		{"terms 3.2 1 h emergency notice", time.Date(2026, 2, 27, 23, 30, 0, 0, cph), time.Hour, "2026-02-28T00:30:00+01:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Elapsed(tt.at, tt.d)
			if got.Format(time.RFC3339) != tt.want || got.Sub(tt.at) != tt.d {
				t.Errorf("Elapsed(%s, %v) = %s, want %s", tt.at.Format(time.RFC3339), tt.d, got.Format(time.RFC3339), tt.want)
			}
		})
	}
}

func TestConventions(t *testing.T) {
	eu := Counter{}
	dk := Counter{Convention: DanishLimitationAct()}
	tests := []struct {
		name   string
		from   string
		p      Period
		eu, dk string
	}{
		{"forældelsesloven § 27 rolls past Grundlovsdag, Fri 2026-06-05", "2026-05-05", Months(1), "2026-06-05", "2026-06-08"},
		{"forældelsesloven § 27 rolls past 24 December 2026 (Thursday)", "2026-11-24", Months(1), "2026-12-24", "2026-12-28"},
		{"forældelsesloven § 27 rolls past 31 December 2025 (Wednesday) and New Year", "2025-12-01", Days(30), "2025-12-31", "2026-01-02"},
		{"both roll past a Saturday alike", "2026-01-30", Months(1), "2026-03-02", "2026-03-02"},
		{"Art. 3(5) applies to EU 1182/71 only: P2D over a weekend", "2026-01-30", Days(2), "2026-02-03", "2026-02-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := MustParseDate(tt.from)
			e, err1 := eu.DeadlineToAct(from, tt.p)
			d, err2 := dk.DeadlineToAct(from, tt.p)
			if err1 != nil || err2 != nil || e.Date.String() != tt.eu || d.Date.String() != tt.dk {
				t.Errorf("DeadlineToAct(%s, %s) = EU %s, DK %s (%v, %v); want EU %s, DK %s",
					tt.from, tt.p, e.Date, d.Date, err1, err2, tt.eu, tt.dk)
			}
		})
	}
	if got := citeString(Deadline{Kind: ToAct, Convention: DanishLimitationAct()}.Citations()); got != "[forældelsesloven § 27]" {
		t.Errorf("DanishLimitationAct deadline citations = %s, want [forældelsesloven § 27]", got)
	}
	for _, c := range []struct {
		conv       Convention
		want, cite string
	}{
		{Convention{}, "EU 1182/71", "Reg. 1182/71 Art. 3"},
		{EU1182(), "EU 1182/71", "Reg. 1182/71 Art. 3"},
		{DanishLimitationAct(), "forældelsesloven § 27", "forældelsesloven § 27"},
	} {
		if c.conv.String() != c.want || c.conv.Citation().String() != c.cite {
			t.Errorf("Convention = %q citing %q, want %q citing %q", c.conv, c.conv.Citation(), c.want, c.cite)
		}
	}
	if why, ok := dk.NonWorking(MustDate(2026, 6, 5)); !ok || why != "Grundlovsdag" {
		t.Errorf("DanishLimitationAct NonWorking(2026-06-05) = %q, %v, want Grundlovsdag", why, ok)
	}
	if why, ok := eu.NonWorking(MustDate(2026, 6, 6)); !ok || why != "Saturday" {
		t.Errorf("NonWorking(2026-06-06) = %q, %v, want Saturday", why, ok)
	}
}

func TestDanishHolidaysByYear(t *testing.T) {
	tests := []struct {
		name string
		year int
		want []string
	}{
		{"Store bededag (E+26) still a holiday in 2023", 2023, []string{
			"2023-01-01 Nytårsdag", "2023-04-06 Skærtorsdag", "2023-04-07 Langfredag", "2023-04-09 Påskedag",
			"2023-04-10 2. påskedag", "2023-05-05 Store bededag", "2023-05-18 Kristi himmelfartsdag",
			"2023-05-28 Pinsedag", "2023-05-29 2. pinsedag", "2023-12-25 Juledag", "2023-12-26 2. juledag"}},
		{"Store bededag abolished from 2024; Ascension 2024-05-09", 2024, []string{
			"2024-01-01 Nytårsdag", "2024-03-28 Skærtorsdag", "2024-03-29 Langfredag", "2024-03-31 Påskedag",
			"2024-04-01 2. påskedag", "2024-05-09 Kristi himmelfartsdag",
			"2024-05-19 Pinsedag", "2024-05-20 2. pinsedag", "2024-12-25 Juledag", "2024-12-26 2. juledag"}},
		{"late Easter 2025", 2025, []string{
			"2025-01-01 Nytårsdag", "2025-04-17 Skærtorsdag", "2025-04-18 Langfredag", "2025-04-20 Påskedag",
			"2025-04-21 2. påskedag", "2025-05-29 Kristi himmelfartsdag",
			"2025-06-08 Pinsedag", "2025-06-09 2. pinsedag", "2025-12-25 Juledag", "2025-12-26 2. juledag"}},
	}
	cal := DanishHolidays()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for d := MustDate(tt.year, 1, 1); d.Year() == tt.year; d = d.AddDays(1) {
				if name, ok := cal.Holiday(d); ok {
					got = append(got, d.String()+" "+name)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("DanishHolidays in %d (-want +got):\n%s", tt.year, diff)
			}
		})
	}
}

func TestOfficeCalendars(t *testing.T) {
	office := WithClosedDays(DanishHolidays(),
		ClosedDay{time.June, 5, "Grundlovsdag"},
		ClosedDay{time.December, 24, "Juleaftensdag"},
		ClosedDay{time.December, 31, "Nytårsaftensdag"})
	oneOff := WithClosedDates(office, "Firmadag", MustDate(2026, 8, 14))
	tests := []struct {
		name string
		cal  HolidayCalendar
		day  Date
		want string // "" for open
	}{
		{"DanishHolidays: Grundlovsdag is no public holiday", DanishHolidays(), MustDate(2026, 6, 5), ""},
		{"office calendar closes Grundlovsdag", office, MustDate(2026, 6, 5), "Grundlovsdag"},
		{"office calendar keeps Ascension Day 2024", office, MustDate(2024, 5, 9), "Kristi himmelfartsdag"},
		{"office calendar closes 24 December", office, MustDate(2025, 12, 24), "Juleaftensdag"},
		{"one-off closed date", oneOff, MustDate(2026, 8, 14), "Firmadag"},
		{"one-off date only in its year", oneOff, MustDate(2027, 8, 14), ""},
		{"NoHolidays keeps Christmas open", NoHolidays(), MustDate(2025, 12, 25), ""},
		{"WithClosedDays(nil) has only its days", WithClosedDays(nil, ClosedDay{time.February, 29, "skuddag"}), MustDate(2028, 2, 29), "skuddag"},
		{"29 February only in leap years", WithClosedDays(nil, ClosedDay{time.February, 29, "skuddag"}), MustDate(2027, 3, 1), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, ok := tt.cal.Holiday(tt.day)
			if name != tt.want || ok != (tt.want != "") {
				t.Errorf("Holiday(%s) = %q, %v, want %q", tt.day, name, ok, tt.want)
			}
		})
	}
	c := Counter{Calendar: office}
	if d, err := c.NextWorkingDay(MustDate(2025, 12, 24)); err != nil || d.String() != "2025-12-29" {
		t.Errorf("NextWorkingDay(2025-12-24) = %s, %v, want 2025-12-29", d, err)
	}
	if _, err := (Counter{Calendar: everyDayClosed{}}).NextWorkingDay(MustDate(2026, 1, 1)); !errors.Is(err, ErrNoWorkingDay) {
		t.Errorf("NextWorkingDay on a calendar closing every day: error %v, want ErrNoWorkingDay", err)
	}
	if _, err := (Counter{Calendar: everyDayClosed{}}).DeadlineToAct(MustDate(2026, 1, 1), Days(3)); !errors.Is(err, ErrNoWorkingDay) {
		t.Errorf("DeadlineToAct on a calendar closing every day: error %v, want ErrNoWorkingDay", err)
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"month 13", errOf(NewDate(2026, 13, 1)), ErrInvalidDate},
		{"month 0", errOf(NewDate(2026, 0, 1)), ErrInvalidDate},
		{"day 0", errOf(NewDate(2026, 1, 0)), ErrInvalidDate},
		{"30 February", errOf(NewDate(2026, 2, 30)), ErrInvalidDate},
		{"29 February in a common year", errOf(NewDate(2025, 2, 29)), ErrInvalidDate},
		{"year 0", errOf(NewDate(0, 1, 1)), ErrInvalidDate},
		{"year 10000", errOf(NewDate(10000, 1, 1)), ErrInvalidDate},
		{"parse month 13", errOf(ParseDate("2026-13-01")), ErrInvalidDate},
		{"parse day 0", errOf(ParseDate("2026-01-00")), ErrInvalidDate},
		{"unparseable: Danish order", errOf(ParseDate("31-01-2026")), ErrInvalidDate},
		{"unparseable: no dashes", errOf(ParseDate("20260131")), ErrInvalidDate},
		{"unparseable: one-digit month", errOf(ParseDate("2026-1-31")), ErrInvalidDate},
		{"unparseable: sign", errOf(ParseDate("+026-01-31")), ErrInvalidDate},
		{"unparseable: empty", errOf(ParseDate("")), ErrInvalidDate},
		{"unparseable: RFC 3339 instant", errOf(ParseDate("2026-01-31T00:00:00Z")), ErrInvalidDate},
		{"nil location for Date.In", errOf(MustDate(2026, 1, 31).In(nil)), ErrNilLocation},
		{"nil location for business hours", errOf(NewBusinessHours(nil, nil, OpenOn(clock("08:00"), clock("16:00"), time.Monday)...)), ErrNilLocation},
		{"period with hours", errOf(ParsePeriod("PT48H")), ErrInvalidPeriod},
		{"period out of order", errOf(ParsePeriod("P1D1M")), ErrInvalidPeriod},
		{"period negative", errOf(ParsePeriod("P-1M")), ErrInvalidPeriod},
		{"negative notice period", errOf(Counter{}.DeadlineToAct(MustDate(2026, 1, 31), Months(-1))), ErrInvalidPeriod},
		{"negative effective period", errOf(Counter{}.EffectiveDate(MustDate(2026, 1, 31), Days(-1))), ErrInvalidPeriod},
		{"negative threshold period", errOf(Counter{}.Threshold(MustDate(2026, 1, 31), Weeks(-1))), ErrInvalidPeriod},
		{"deadline after the year 9999", errOf(Counter{}.DeadlineToAct(MustDate(9999, 12, 1), Months(1))), ErrInvalidPeriod},
		{"period longer than the calendar", errOf(Counter{}.EffectiveDate(MustDate(2026, 1, 1), Years(1<<40))), ErrInvalidPeriod},
		{"days that would wrap the day count", errOf(Counter{}.Threshold(MustDate(2026, 1, 1), Days(1<<31))), ErrInvalidPeriod},
		{"unknown deadline kind", new(DeadlineKind).UnmarshalText([]byte("soon")), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatalf("no error, want %v", tt.want)
			}
			if tt.want != nil && !errors.Is(tt.err, tt.want) {
				t.Errorf("error %v, want one wrapping %v", tt.err, tt.want)
			}
			if msg := tt.err.Error(); len(msg) < 10 || msg[:10] != "contract: " {
				t.Errorf("error %q lacks the package prefix", msg)
			}
		})
	}
}

func errOf[T any](_ T, err error) error { return err }

func TestDateAndPeriodText(t *testing.T) {
	type notice struct {
		Given  Date         `json:"given"`
		Period Period       `json:"period"`
		Kind   DeadlineKind `json:"kind"`
		Opens  ClockTime    `json:"opens"`
	}
	in := notice{MustDate(2026, 1, 30), Period{Months: 1, Days: 10}, TakesEffect, MustClockTime(8, 0)}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"given":"2026-01-30","period":"P1M10D","kind":"takes_effect","opens":"08:00"}`
	if string(b) != want {
		t.Errorf("json.Marshal = %s, want %s", b, want)
	}
	var out notice
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("json.Unmarshal(%s) = %+v, %v, want %+v", b, out, err, in)
	}
	for _, bad := range []string{
		`{"given":"2026-02-30"}`, `{"period":"1M"}`, `{"kind":"later"}`, `{"opens":"25:00"}`,
	} {
		var n notice
		if err := json.Unmarshal([]byte(bad), &n); err == nil {
			t.Errorf("json.Unmarshal(%s) = nil error, want an error", bad)
		}
	}
	if _, err := DeadlineKind(0).MarshalText(); err == nil {
		t.Errorf("DeadlineKind(0).MarshalText() = nil error, want an error")
	}
	if got := DeadlineKind(7).String(); got != "DeadlineKind(7)" {
		t.Errorf("DeadlineKind(7).String() = %q, want DeadlineKind(7)", got)
	}
}

func TestDateBasics(t *testing.T) {
	cph := copenhagen(t)
	late := time.Date(2025, 3, 31, 23, 30, 0, 0, time.UTC)
	tests := []struct {
		name      string
		got, want string
	}{
		{"DateOf takes the date in t's zone", DateOf(late).String(), "2025-03-31"},
		{"DateOf in Copenhagen is the next day", DateOf(late.In(cph)).String(), "2025-04-01"},
		{"zero Date is 0001-01-01, a Monday", Date{}.String() + " " + Date{}.Weekday().String(), "0001-01-01 Monday"},
		{"DaysUntil across February", itoa(MustDate(2025, 1, 31).DaysUntil(MustDate(2025, 2, 28))), "28"},
		{"Weekday of 2026-10-24", MustDate(2026, 10, 24).Weekday().String(), "Saturday"},
		{"AddDays back over a year end", MustDate(2026, 1, 1).AddDays(-1).String(), "2025-12-31"},
		{"Date.In on the fall-back day starts at 00:00 CEST", must(MustDate(2025, 10, 26).In(cph)).Format(time.RFC3339), "2025-10-26T00:00:00+02:00"},
		{"Compare", itoa(MustDate(2026, 1, 1).Compare(MustDate(2025, 12, 31))), "1"},
		{"Period String of the empty period", Period{}.String(), "P0D"},
		{"Period Plus", Months(1).Plus(Days(10)).String(), "P1M10D"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %s, want %s", tt.got, tt.want)
			}
		})
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestNoAllocations checks the target that deadline computation and
// business-hours arithmetic allocate nothing on the hot path.
func TestNoAllocations(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation allocates")
	}
	bh := officeHours(t)
	start := time.Date(2025, 3, 20, 10, 30, 0, 0, bh.Location())
	var c Counter
	dk := Counter{Convention: DanishLimitationAct(), Calendar: WithClosedDays(DanishHolidays(), ClosedDay{time.June, 5, "Grundlovsdag"})}
	from := MustDate(2025, 12, 23)
	for _, tt := range []struct {
		name string
		f    func()
	}{
		{"DeadlineToAct", func() { sinkDeadline, _ = c.DeadlineToAct(from, Days(2)) }},
		{"DeadlineToAct DanishLimitationAct", func() { sinkDeadline, _ = dk.DeadlineToAct(from, Months(1)) }},
		{"EffectiveDate", func() { sinkDeadline, _ = c.EffectiveDate(from, Months(4)) }},
		{"Threshold", func() { sinkDeadline, _ = c.Threshold(from, Days(30)) }},
		{"Date.Add", func() { sinkDeadline.Date = from.Add(Years(5)) }},
		{"BusinessHours.Add a year", func() { sinkTime, _ = bh.Add(start, 2000*time.Hour) }},
		{"BusinessHours.Between a year", func() { sinkDuration = bh.Between(start, start.AddDate(1, 0, 0)) }},
		{"BusinessHours.IsOpen", func() { sinkBool = bh.IsOpen(start) }},
	} {
		if n := testing.AllocsPerRun(50, tt.f); n != 0 {
			t.Errorf("%s: %v allocs per run, want 0", tt.name, n)
		}
	}
}

// fe is a problem without its message, for tables of expected problems.
type fe struct{ Field, Rule, Param string }

// fields returns the path, rule and parameter of each problem of e.
func fields(e *ValidationError) []fe {
	var out []fe
	for _, p := range e.Problems {
		out = append(out, fe{p.Path, p.Rule, p.Param})
	}
	return out
}
