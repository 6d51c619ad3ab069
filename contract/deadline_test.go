package contract

import (
	"testing"
	"time"
)

func TestDeadlineVectors(t *testing.T) {
	var c Counter // EU 1182/71 with Danish holidays
	tests := []struct {
		name string
		kind DeadlineKind
		from string
		p    Period
		want string
	}{
		{"Art. 3(2)(c) month end stays on a Friday", ToAct, "2025-01-31", Months(1), "2025-02-28"},
		{"Art. 3(4) Saturday rolls to Monday", ToAct, "2026-01-30", Months(1), "2026-03-02"},
		{"Art. 3(1)+3(4) Sat receipt, GDPR Art. 12(3) month", ToAct, "2026-01-31", Months(1), "2026-03-02"},
		{"Art. 3(4) rolls past Easter Monday", ToAct, "2025-03-21", Months(1), "2025-04-22"},
		{"Art. 3(4) rolls past Ascension Day 2024", ToAct, "2024-04-09", Months(1), "2024-05-10"},
		{"Store bededag is a holiday in 2023", ToAct, "2023-05-03", Days(2), "2023-05-08"},
		{"Art. 3(5) two working days over Easter 2023", ToAct, "2023-04-05", Days(2), "2023-04-12"},
		{"Store bededag abolished from 2024", ToAct, "2024-04-24", Days(2), "2024-04-26"},
		{"Art. 3(5) two working days over Christmas", ToAct, "2025-12-23", Days(2), "2025-12-29"},
		{"Art. 4(1) takes effect on a Saturday, no roll (terms 12.2)", TakesEffect, "2026-06-24", Months(4), "2026-10-24"},
		{"Art. 4(1) terms 9.3 leap day + 5 years", TakesEffect, "2028-02-29", Years(5), "2033-02-28"},
		{"leap year clamp", TakesEffect, "2024-01-31", Months(1), "2024-02-29"},
		{"GDPR Art. 12(3) extension to 3 months", TakesEffect, "2026-01-31", Months(3), "2026-04-30"},
		{"terms 14.3 more than 30 days", Threshold, "2026-01-05", Days(30), "2026-02-05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := MustParseDate(tt.from)
			var d Deadline
			var err error
			switch tt.kind {
			case ToAct:
				d, err = c.DeadlineToAct(from, tt.p)
			case TakesEffect:
				d, err = c.EffectiveDate(from, tt.p)
			case Threshold:
				d, err = c.Threshold(from, tt.p)
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Date.String(); got != tt.want {
				t.Errorf("%s(%s, %s) = %s, want %s", tt.kind, tt.from, tt.p, d, tt.want)
			}
		})
	}
}

func TestDanishLimitationActRollsPastGrundlovsdag(t *testing.T) {
	// 2026-06-05 is a Friday: a working day under EU 1182/71, closed under
	// forældelsesloven § 27.
	from := MustParseDate("2026-05-05")
	eu, _ := Counter{}.DeadlineToAct(from, Months(1))
	dk, _ := Counter{Convention: DanishLimitationAct()}.DeadlineToAct(from, Months(1))
	if eu.Date.String() != "2026-06-05" || dk.Date.String() != "2026-06-08" {
		t.Errorf("EU %s, DK %s; want 2026-06-05 and 2026-06-08", eu.Date, dk.Date)
	}
}

func TestElapsedAcrossDST(t *testing.T) {
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	// GDPR Art. 33(1): 72 hours from awareness, across the 2025-03-30 change.
	aware := time.Date(2025, 3, 28, 16, 0, 0, 0, cph)
	got := Elapsed(aware, 72*time.Hour).In(cph).Format(time.RFC3339)
	if got != "2025-03-31T17:00:00+02:00" {
		t.Errorf("Elapsed(%s, 72h) = %s, want 2025-03-31T17:00:00+02:00", aware, got)
	}
}

func TestEaster(t *testing.T) {
	for y, want := range map[int]string{2023: "2023-04-09", 2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2038: "2038-04-25"} {
		if got := EasterSunday(y).String(); got != want {
			t.Errorf("EasterSunday(%d) = %s, want %s", y, got, want)
		}
	}
}

func TestConventionText(t *testing.T) {
	for _, c := range []Convention{EU1182(), DanishLimitationAct(), {}} {
		b, err := c.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Convention
		if err := back.UnmarshalText(b); err != nil {
			t.Fatalf("UnmarshalText(%q) = %v", b, err)
		}
		if back.String() != c.String() {
			t.Errorf("round trip %q -> %q", c, back)
		}
	}
	// forældelsesloven § 27 keeps its closed days through text: 5 June.
	var dk Convention
	_ = dk.UnmarshalText([]byte("forældelsesloven § 27"))
	if (Counter{Convention: dk}).IsWorkingDay(MustDate(2026, 6, 5)) {
		t.Error("forældelsesloven § 27 read from text: 2026-06-05 is a working day, want closed")
	}
	var bad Convention
	if err := bad.UnmarshalText([]byte("Roman law")); err == nil {
		t.Error("UnmarshalText(Roman law) = nil, want an error")
	}
}

// TestDeadlinesCompare checks that deadlines are comparable values: the
// same Reg. 1182/71 Art. 3(4) count twice gives == deadlines.
func TestDeadlinesCompare(t *testing.T) {
	var c Counter
	a, _ := c.DeadlineToAct(MustDate(2026, 1, 30), Months(1))
	b, _ := c.DeadlineToAct(MustDate(2026, 1, 30), Months(1))
	dk, _ := Counter{Convention: DanishLimitationAct()}.DeadlineToAct(MustDate(2026, 1, 30), Months(1))
	if a != b {
		t.Errorf("two counts of the same deadline differ: %v, %v", a, b)
	}
	if a == dk {
		t.Errorf("deadlines under different conventions compare equal: %v", a)
	}
}
