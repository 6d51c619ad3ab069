package contract

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/currency"
)

// TestSwedishHolidays checks each allmän helgdag of lag (1989:253) in
// several years, with annandag pingst up to 2004 and nationaldagen from
// 2005 (the 2004 amendment of the act).
func TestSwedishHolidays(t *testing.T) {
	holidays := []struct {
		date, name string
	}{
		{"2004-01-01", "Nyårsdagen"},
		{"2004-01-06", "Trettondedag jul"},
		{"2004-04-09", "Långfredagen"},
		{"2004-04-11", "Påskdagen"},
		{"2004-04-12", "Annandag påsk"},
		{"2004-05-01", "Första maj"},
		{"2004-05-20", "Kristi himmelsfärdsdag"},
		{"2004-05-30", "Pingstdagen"},
		{"2004-05-31", "Annandag pingst"}, // a holiday until 2004
		{"2004-06-26", "Midsommardagen"},
		{"2004-11-06", "Alla helgons dag"},
		{"2004-12-25", "Juldagen"},
		{"2004-12-26", "Annandag jul"},
		{"2005-03-25", "Långfredagen"},
		{"2005-03-28", "Annandag påsk"},
		{"2005-05-05", "Kristi himmelsfärdsdag"},
		{"2005-05-15", "Pingstdagen"},
		{"2005-06-06", "Sveriges nationaldag"}, // a holiday from 2005
		{"2005-06-25", "Midsommardagen"},
		{"2005-11-05", "Alla helgons dag"},
		{"2024-03-29", "Långfredagen"},
		{"2024-04-01", "Annandag påsk"},
		{"2024-05-09", "Kristi himmelsfärdsdag"},
		{"2024-06-06", "Sveriges nationaldag"},
		{"2024-06-22", "Midsommardagen"},
		{"2024-11-02", "Alla helgons dag"},
		{"2025-01-06", "Trettondedag jul"},
		{"2025-04-18", "Långfredagen"},
		{"2025-04-20", "Påskdagen"},
		{"2025-04-21", "Annandag påsk"},
		{"2025-05-01", "Första maj"},
		{"2025-05-29", "Kristi himmelsfärdsdag"},
		{"2025-06-06", "Sveriges nationaldag"},
		{"2025-06-08", "Pingstdagen"},
		{"2025-06-21", "Midsommardagen"},
		{"2025-11-01", "Alla helgons dag"},
		{"2025-12-25", "Juldagen"},
		{"2025-12-26", "Annandag jul"},
		{"2026-04-03", "Långfredagen"},
		{"2026-05-14", "Kristi himmelsfärdsdag"},
		{"2026-06-20", "Midsommardagen"},
		{"2026-10-31", "Alla helgons dag"},
	}
	se := SwedishHolidays()
	for _, tt := range holidays {
		t.Run("lag (1989:253) "+tt.date+" "+tt.name, func(t *testing.T) {
			name, ok := se.Holiday(MustParseDate(tt.date))
			if !ok || name != tt.name {
				t.Errorf("SwedishHolidays().Holiday(%s) = %q, %v, want %q", tt.date, name, ok, tt.name)
			}
		})
	}
	workdays := []struct{ date, why string }{
		{"2005-05-16", "annandag pingst is no holiday from 2005"},
		{"2025-06-09", "Whit Monday 2025 is a working day in Sweden"},
		{"2004-06-07", "nationaldagen was no holiday before 2005 (a Monday)"},
		{"2025-04-17", "skärtorsdag is Danish only"},
		{"2025-06-05", "Grundlovsdag is Danish"},
		{"2025-06-20", "midsommarafton is no public holiday"},
		{"2025-12-24", "julafton is no public holiday"},
		{"2025-12-31", "nyårsafton is no public holiday"},
		{"2025-05-16", "Store bededag is Danish and abolished"},
	}
	for _, tt := range workdays {
		t.Run("lag (1989:253) "+tt.why, func(t *testing.T) {
			if name, ok := se.Holiday(MustParseDate(tt.date)); ok {
				t.Errorf("SwedishHolidays().Holiday(%s) = %q, want no holiday: %s", tt.date, name, tt.why)
			}
		})
	}
}

// TestSwedishStatutoryTimeAct checks lag (1930:173) § 2: a last day on a
// Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton
// moves to the next working day; Reg. 1182/71 leaves the eves alone.
func TestSwedishStatutoryTimeAct(t *testing.T) {
	se := Counter{Convention: SwedishStatutoryTimeAct(), Calendar: SwedishHolidays()}
	eu := Counter{Convention: EU1182(), Calendar: SwedishHolidays()}
	tests := []struct {
		name       string
		from       string
		p          Period
		want, euOK string
	}{
		{"§ 2 midsommarafton Fri 2025-06-20 -> Mon 2025-06-23", "2025-06-10", Days(10), "2025-06-23", "2025-06-20"},
		{"§ 2 julafton Wed 2025-12-24 -> Mon 2025-12-29", "2025-11-24", Months(1), "2025-12-29", "2025-12-24"},
		{"§ 2 nyårsafton Wed 2025-12-31 -> Fri 2026-01-02", "2025-12-21", Days(10), "2026-01-02", "2025-12-31"},
		{"§ 2 nationaldagen Fri 2025-06-06 -> Mon 2025-06-09", "2025-05-06", Months(1), "2025-06-09", "2025-06-09"},
		{"§ 2 trettondedag jul Tue 2026-01-06 -> Wed 2026-01-07", "2025-12-06", Months(1), "2026-01-07", "2026-01-07"},
		{"§ 2 a working day stays: Fri 2026-01-23", "2025-12-23", Months(1), "2026-01-23", "2026-01-23"},
		{"§ 2 midsommarafton 2026 is Fri 2026-06-19", "2026-06-09", Days(10), "2026-06-22", "2026-06-19"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := se.DeadlineToAct(MustParseDate(tt.from), tt.p)
			if err != nil || d.Date.String() != tt.want {
				t.Fatalf("lag (1930:173): %s + %s = %v, %v, want %s", tt.from, tt.p, d, err, tt.want)
			}
			if got := d.Citations(); !cmp.Equal(got, []Citation{Cite("lag (1930:173)", "§ 2")}) {
				t.Errorf("Citations() = %v, want lag (1930:173) § 2", got)
			}
			e, err := eu.DeadlineToAct(MustParseDate(tt.from), tt.p)
			if err != nil || e.Date.String() != tt.euOK {
				t.Errorf("Reg. 1182/71 Art. 3(4): %s + %s = %v, %v, want %s", tt.from, tt.p, e, err, tt.euOK)
			}
		})
	}
	for _, tt := range []struct{ date, why string }{
		{"2025-06-20", "Midsommarafton"}, {"2025-12-24", "Julafton"}, {"2025-12-31", "Nyårsafton"},
		{"2026-01-06", "Trettondedag jul"}, {"2025-06-22", "Sunday"},
	} {
		if why, ok := se.NonWorking(MustParseDate(tt.date)); !ok || why != tt.why {
			t.Errorf("lag (1930:173) § 2: NonWorking(%s) = %q, %v, want %q", tt.date, why, ok, tt.why)
		}
	}
	if se.IsWorkingDay(MustParseDate("2025-06-19")) != true {
		t.Errorf("lag (1930:173) § 2: Thursday 2025-06-19 is a working day")
	}
}

// TestConventionText checks that each convention's name survives text,
// the way a stored Counter or Deadline keeps its convention.
func TestConventionTextSwedish(t *testing.T) {
	for _, c := range []Convention{EU1182(), DanishLimitationAct(), SwedishStatutoryTimeAct(), {}} {
		b, err := c.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var got Convention
		if err := got.UnmarshalText(b); err != nil || got != c && !(c == Convention{} && got == EU1182()) {
			t.Errorf("%s round trip = %v, %v", b, got, err)
		}
	}
	if EU1182() != (Convention{}) {
		t.Errorf("Reg. 1182/71: EU1182() is not the zero Convention")
	}
	if got := SwedishStatutoryTimeAct().String(); got != "lag (1930:173)" {
		t.Errorf("String() = %q", got)
	}
}

// TestCalendarStepping checks that business-hours holiday stepping finds
// the same holidays as asking each day, for both countries with closed
// days and dates, across 1995-2035 (the Swedish change of 2005 and the
// Danish of 2024 inside).
func TestCalendarStepping(t *testing.T) {
	cals := map[string]Calendar{
		"dk":   DanishHolidays(),
		"se":   SwedishHolidays(),
		"none": NoHolidays(),
		"dk+office": DanishHolidays().WithClosedDays(ClosedDay{time.December, 24, "Juleaftensdag"}, ClosedDay{time.February, 29, "Leap"}).
			WithClosedDates("Company day", MustDate(2025, 5, 2), MustDate(2004, 5, 31)),
		"se+office": SwedishHolidays().WithClosedDays(ClosedDay{time.June, 19, "x"}).WithClosedDates("y", MustDate(2030, 1, 2)),
	}
	from, end := MustDate(1995, 1, 1), MustDate(2035, 12, 31)
	for name, c := range cals {
		t.Run(name, func(t *testing.T) {
			var want []Date
			for d := from; d.Before(end); d = d.AddDays(1) {
				if _, ok := c.Holiday(d); ok {
					want = append(want, d)
				}
			}
			var got []Date
			for d := from; ; {
				h, ok := nextHoliday(c, d, end, weekdayMask(0x7f))
				if !ok {
					break
				}
				got = append(got, h)
				d = h.AddDays(1)
			}
			if len(got) != len(want) {
				t.Fatalf("stepping found %d holidays, asking each day %d", len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("holiday %d: stepping %s, asking %s", i, got[i], want[i])
				}
			}
		})
	}
}

// TestDanishDefault checks that the zero Counter, terms without a counter
// and the OpenDIMS preset count alike: Reg. 1182/71 over Danish holidays,
// as before calendars were values.
func TestDanishDefault(t *testing.T) {
	zero := Counter{}
	dk := OpenDIMSTerms().Counter
	if !cmp.Equal(dk, Counter{Convention: EU1182(), Calendar: DanishHolidays()}) {
		t.Fatalf("OpenDIMSTerms().Counter = %+v, want Reg. 1182/71 over Danish holidays", dk)
	}
	for d := MustDate(2023, 1, 1); d.Before(MustDate(2027, 1, 1)); d = d.AddDays(1) {
		for _, p := range []Period{Days(2), Days(10), Days(14), Months(1), Months(4)} {
			a, errA := zero.DeadlineToAct(d, p)
			b, errB := dk.DeadlineToAct(d, p)
			if a != b || errA != nil || errB != nil {
				t.Fatalf("Art. 3(4): %s + %s: zero Counter %v, Danish %v", d, p, a, b)
			}
		}
	}
	for _, tt := range []struct{ from, want string }{
		{"2026-01-30", "2026-03-02"}, // Art. 3(4): Sat 2026-02-28 rolls
		{"2024-04-09", "2024-05-10"}, // Art. 3(4): Ascension Day 2024-05-09
		{"2025-05-06", "2025-06-06"}, // Art. 3(4): 6 June is a Danish working day
	} {
		d, _ := zero.DeadlineToAct(MustParseDate(tt.from), Months(1))
		if d.Date.String() != tt.want {
			t.Errorf("Reg. 1182/71 Art. 3(4) over Danish holidays: %s + P1M = %s, want %s", tt.from, d.Date, tt.want)
		}
	}
	var bare Terms
	bare.CurePeriod, bare.DefectRemedyPeriod = Days(14), Days(10)
	preset := OpenDIMSTerms()
	a, _ := bare.BreachTermination(ProviderSide, MustDate(2026, 1, 2), MustDate(2026, 1, 16), false)
	b, _ := preset.BreachTermination(ProviderSide, MustDate(2026, 1, 2), MustDate(2026, 1, 16), false)
	if a.Date != b.Date || a.Date != MustDate(2026, 1, 17) {
		t.Errorf("terms 17.3: zero-counter terms %s, preset %s, want 2026-01-17", a.Date, b.Date)
	}
}

// TestTermsCounterRules checks that the rules count with the terms' own
// counter: the 14-day withdrawal period (Directive 2011/83/EU Art. 9) from
// 2025-05-23 ends on Friday 2025-06-06, a Danish working day but Swedish
// National Day, so under Swedish holidays it runs to Monday 2025-06-09
// (Reg. 1182/71 Art. 3(4)); and the agreement counts with its terms'.
func TestTermsCounterRules(t *testing.T) {
	dk := OpenDIMSTerms()
	dk.StatutoryWithdrawal = true
	se := dk
	se.Counter = Counter{Convention: EU1182(), Calendar: SwedishHolidays()}
	paid := MustDate(2025, 5, 23)
	if got := dk.Withdrawal(paid, paid).Date; got != MustDate(2025, 6, 6) {
		t.Errorf("Danish holidays: Withdrawal ends %s, want 2025-06-06", got)
	}
	if got := se.Withdrawal(paid, paid).Date; got != MustDate(2025, 6, 9) {
		t.Errorf("Swedish holidays: Withdrawal ends %s, want 2025-06-09", got)
	}
	// terms 15.3: 10 days from 2025-05-27 end on 2025-06-06.
	d, err := se.DefectRemedy(MustDate(2025, 5, 27), MustDate(2025, 6, 9), false)
	if err != nil || d.Allowed || d.Date != MustDate(2025, 6, 10) {
		t.Errorf("terms 15.3 over Swedish holidays: %v, %v; want refused until the end of 2025-06-09", d, err)
	}
	a, err := Conclude(AgreementSpec{Kind: SelfServe, Customer: Party{Name: "Butik AB", Country: "SE"},
		Concluded: MustDate(2025, 1, 1), Terms: se})
	if err != nil {
		t.Fatal(err)
	}
	bt, err := a.BreachTermination(CustomerSide, MustDate(2025, 5, 23), MustDate(2025, 6, 9), false)
	if err != nil || bt.Allowed || bt.Date != MustDate(2025, 6, 10) {
		t.Errorf("terms 17.3 over the agreement's Swedish holidays: %v, %v; want the cure period to run to 2025-06-09", bt, err)
	}
}

// TestTermsJSONCalendars checks that terms survive JSON with every
// calendar, convention and zone, and that the counter and zone then
// compare with cmp.Equal without options (house rule 5). The whole terms
// need an option only for currency.Unit, which has no Equal method.
func TestTermsJSONCalendars(t *testing.T) {
	office := DanishHolidays().
		WithClosedDays(ClosedDay{time.June, 5, "Grundlovsdag"}, ClosedDay{time.December, 24, "Juleaftensdag"}).
		WithClosedDates("Company day", MustDate(2025, 5, 2))
	cals := []HolidayCalendar{nil, DanishHolidays(), SwedishHolidays(), NoHolidays(), office, &office}
	convs := []Convention{{}, EU1182(), DanishLimitationAct(), SwedishStatutoryTimeAct()}
	zones := []Zone{"", ZoneCopenhagen, ZoneStockholm, ZoneUTC}
	unit := cmp.Comparer(func(a, b currency.Unit) bool { return a == b })
	for _, cal := range cals {
		for _, conv := range convs {
			for _, z := range zones {
				in := OpenDIMSTerms()
				in.Counter, in.Zone = Counter{Convention: conv, Calendar: cal}, z
				b, err := json.Marshal(in)
				if err != nil {
					t.Fatal(err)
				}
				var out Terms
				if err := json.Unmarshal(b, &out); err != nil {
					t.Fatalf("Unmarshal(%s): %v", b, err)
				}
				want := in
				if p, ok := cal.(*Calendar); ok {
					want.Counter.Calendar = *p // read back as a value
				}
				if !cmp.Equal(want.Counter, out.Counter) || !cmp.Equal(want.Zone, out.Zone) {
					t.Errorf("round trip of %s:\n%s", b, cmp.Diff(want.Counter, out.Counter))
				}
				if !cmp.Equal(want, out, unit) {
					t.Errorf("terms round trip (-want +got):\n%s", cmp.Diff(want, out, unit))
				}
			}
		}
	}
	b, _ := json.Marshal(OpenDIMSTerms())
	for _, part := range []string{`"counter":{"convention":"EU 1182/71","calendar":{"holidays":"dk"}}`, `"zone":"Europe/Copenhagen"`} {
		if !strings.Contains(string(b), part) {
			t.Errorf("OpenDIMSTerms() JSON lacks %s:\n%s", part, b)
		}
	}
	b, _ = json.Marshal(office)
	if want := `{"holidays":"dk","closed_days":[{"month":6,"day":5,"name":"Grundlovsdag"},{"month":12,"day":24,"name":"Juleaftensdag"}],"closed_dates":[{"date":"2025-05-02","name":"Company day"}]}`; string(b) != want {
		t.Errorf("office calendar JSON = %s, want %s", b, want)
	}
}

type fridays struct{}

func (fridays) Holiday(d Date) (string, bool) { return "Friday", d.Weekday() == time.Friday }

// TestCalendarJSONErrors checks what cannot be stored or read back.
func TestCalendarJSONErrors(t *testing.T) {
	if _, err := json.Marshal(Counter{Calendar: fridays{}}); !errors.Is(err, ErrNoJSONForm) {
		t.Errorf("Marshal(host calendar) = %v, want ErrNoJSONForm", err)
	}
	if _, err := json.Marshal(Counter{Calendar: WithClosedDays(fridays{}, ClosedDay{time.May, 1, "x"})}); !errors.Is(err, ErrNoJSONForm) {
		t.Errorf("Marshal(wrapped host calendar) = %v, want ErrNoJSONForm", err)
	}
	for _, in := range []string{
		`{"convention":"EU 1182/71","calendar":{"holidays":"de"}}`,
		`{"convention":"lag (1930:174)"}`,
		`{"calendar":{"holidays":"dk","closed_dates":[{"date":"2025-02-30"}]}}`,
		`{"calendar":[]}`,
	} {
		var c Counter
		if err := json.Unmarshal([]byte(in), &c); err == nil {
			t.Errorf("Unmarshal(%s) = %+v, want an error", in, c)
		}
	}
	var z Zone
	if err := z.UnmarshalText([]byte("Europe/Atlantis")); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("UnmarshalText(unknown zone) = %v, want ErrInvalidInput", err)
	}
	if _, err := Zone("Europe/Atlantis").MarshalText(); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("MarshalText(unknown zone) = %v, want ErrInvalidInput", err)
	}
	terms := OpenDIMSTerms()
	terms.Zone = "Mars/Olympus"
	var verr *ValidationError
	if err := terms.Validate(); !errors.As(err, &verr) || !strings.Contains(err.Error(), "zone") {
		t.Errorf("Validate(unknown zone) = %v, want a problem naming zone", err)
	}
}

// TestWithClosedDaysValue checks that WithClosedDays and WithClosedDates
// give Calendar values for pimkit's calendars and nil, and leave the base
// unchanged.
func TestWithClosedDaysValue(t *testing.T) {
	base := DanishHolidays().WithClosedDays(ClosedDay{time.June, 5, "Grundlovsdag"})
	a := WithClosedDays(base, ClosedDay{time.December, 24, "Juleaftensdag"})
	b := WithClosedDates(base, "Company day", MustDate(2025, 5, 2))
	if _, ok := a.(Calendar); !ok {
		t.Errorf("WithClosedDays(Calendar) is %T, want Calendar", a)
	}
	if _, ok := b.(Calendar); !ok {
		t.Errorf("WithClosedDates(Calendar) is %T, want Calendar", b)
	}
	if _, ok := WithClosedDays(nil).(Calendar); !ok {
		t.Errorf("WithClosedDays(nil) is not a Calendar")
	}
	if name, ok := a.Holiday(MustDate(2025, 5, 2)); ok {
		t.Errorf("the company day leaked into a sibling calendar: %q", name)
	}
	if !cmp.Equal(base, DanishHolidays().WithClosedDays(ClosedDay{time.June, 5, "Grundlovsdag"})) {
		t.Errorf("base changed: %+v", base)
	}
	var empty Calendar
	if err := json.Unmarshal([]byte(`{"holidays":"none","closed_days":[],"closed_dates":[]}`), &empty); err != nil || !cmp.Equal(empty, NoHolidays()) {
		t.Errorf("Calendar.Equal: empty lists read back as %+v, %v; want NoHolidays()", empty, err)
	}
	days := base.ClosedDays()
	days[0].Name = "changed"
	if name, _ := base.Holiday(MustDate(2025, 6, 5)); name != "Grundlovsdag" {
		t.Errorf("ClosedDays() shares its list: %q", name)
	}
}

// TestCounterComparable checks that counters, and the terms that hold
// them, stay comparable with == (no run-time panic), as they were when
// the calendars were unexported types.
func TestCounterComparable(t *testing.T) {
	a := Counter{Convention: SwedishStatutoryTimeAct(), Calendar: SwedishHolidays()}
	b := Counter{Convention: SwedishStatutoryTimeAct(), Calendar: SwedishHolidays()}
	if a != b {
		t.Errorf("two Swedish counters differ under ==")
	}
	office := DanishHolidays().WithClosedDays(ClosedDay{time.December, 24, "Juleaftensdag"})
	x, y := OpenDIMSTerms(), OpenDIMSTerms()
	x.Counter.Calendar, y.Counter.Calendar = office, office
	_ = x == y // must not panic
	if (Counter{Calendar: office}) != (Counter{Calendar: office}) {
		t.Errorf("a counter differs from itself under ==")
	}
}

// TestZones checks the built-in zones against the EU summer-time rule
// (Directive 2000/84/EC): 2025-03-30 has 23 hours and 2025-10-26 has 25 in
// Copenhagen and Stockholm, and against the system's zoneinfo when the
// host has it.
func TestZones(t *testing.T) {
	for _, z := range []Zone{"", ZoneCopenhagen, ZoneStockholm} {
		loc, err := z.Location()
		if err != nil {
			t.Fatal(err)
		}
		day := func(y int, m time.Month, d int) time.Duration {
			return time.Date(y, m, d+1, 0, 0, 0, 0, loc).Sub(time.Date(y, m, d, 0, 0, 0, 0, loc))
		}
		if day(2025, 3, 30) != 23*time.Hour || day(2025, 10, 26) != 25*time.Hour || day(2025, 6, 1) != 24*time.Hour {
			t.Errorf("%s: 2025-03-30 %v, 2025-10-26 %v", z, day(2025, 3, 30), day(2025, 10, 26))
		}
		if loc.String() != z.String() {
			t.Errorf("Location().String() = %q, want %q", loc, z)
		}
		sys, err := time.LoadLocation(z.String())
		if err != nil {
			continue // no zoneinfo on this host
		}
		for at := time.Date(2000, 1, 1, 0, 30, 0, 0, time.UTC); at.Year() < 2040; at = at.Add(97 * time.Hour) {
			gn, go1 := at.In(loc).Zone()
			wn, wo := at.In(sys).Zone()
			if gn != wn || go1 != wo {
				t.Fatalf("%s at %s: %s%+d, zoneinfo %s%+d", z, at, gn, go1, wn, wo)
			}
		}
	}
	if loc, err := ZoneUTC.Location(); err != nil || loc != time.UTC {
		t.Errorf("ZoneUTC.Location() = %v, %v", loc, err)
	}
	if _, err := Zone("Europe/Atlantis").Location(); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("unknown zone: %v, want ErrInvalidInput", err)
	}
}
