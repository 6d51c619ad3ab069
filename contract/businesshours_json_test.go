package contract

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestBusinessHoursJSON checks that agreed support hours (terms 5) are
// stored as their zone, calendar and week and read back whole, still
// closed on Ascension Day 2024-05-09; that a schedule that cannot be
// rebuilt from text refuses to marshal instead of writing {}; and that a
// stored week is checked again when read.
func TestBusinessHoursJSON(t *testing.T) {
	week := OpenOn(MustClockTime(8, 0), MustClockTime(16, 0), time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)
	bh, err := NewBusinessHours(Copenhagen(), DanishHolidays(), week...)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(bh)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"zone":"Europe/Copenhagen","calendar":{"holidays":"dk"},"week":[` +
		`{"day":1,"from":"08:00","to":"16:00"},{"day":2,"from":"08:00","to":"16:00"},{"day":3,"from":"08:00","to":"16:00"},` +
		`{"day":4,"from":"08:00","to":"16:00"},{"day":5,"from":"08:00","to":"16:00"}]}`
	if string(b) != want {
		t.Errorf("json.Marshal = %s, want %s", b, want)
	}
	var back BusinessHours
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(bh, back); diff != "" {
		t.Errorf("round trip (-sent +read):\n%s", diff)
	}
	ascension := time.Date(2024, 5, 9, 10, 0, 0, 0, Copenhagen())
	if back.IsOpen(ascension) || !back.IsOpen(ascension.AddDate(0, 0, 1)) {
		t.Errorf("read back: open on Ascension Day 2024-05-09 or closed the day after")
	}

	var zero BusinessHours
	if b, err := json.Marshal(zero); err != nil || string(b) != "{}" {
		t.Errorf("json.Marshal(zero) = %s, %v; want {} (open 24/7, terms 2.1)", b, err)
	}
	if err := json.Unmarshal([]byte(`{}`), &back); err != nil || !back.IsAlwaysOpen() {
		t.Errorf("json.Unmarshal({}) = %v, always open %v; want the zero BusinessHours", err, back.IsAlwaysOpen())
	}

	other, _ := NewBusinessHours(time.FixedZone("Office", 3600), nil, week...)
	if _, err := json.Marshal(other); !errors.Is(err, ErrNoJSONForm) {
		t.Errorf("json.Marshal(schedule in a zone pimkit does not know) = %v, want ErrNoJSONForm", err)
	}
	own, _ := NewBusinessHours(Copenhagen(), WithClosedDays(ownCalendar{}, ClosedDay{time.December, 24, "Juleaftensdag"}), week...)
	if _, err := json.Marshal(own); !errors.Is(err, ErrNoJSONForm) {
		t.Errorf("json.Marshal(schedule with a host's calendar) = %v, want ErrNoJSONForm", err)
	}

	err = json.Unmarshal([]byte(`{"zone":"Europe/Copenhagen","week":[{"day":1,"from":"16:00","to":"08:00"}]}`), &back)
	var verr *ValidationError
	if !errors.As(err, &verr) || !verr.Has("week[0]", "reversed") || !errors.Is(err, ErrInvalidBusinessHours) {
		t.Errorf("json.Unmarshal(reversed interval) = %v, want a ValidationError at week[0]: reversed", err)
	}
	if err := json.Unmarshal([]byte(`{"zone":"Mars/Olympus","week":[{"day":1,"from":"08:00","to":"16:00"}]}`), &back); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("json.Unmarshal(unknown zone) = %v, want ErrInvalidInput", err)
	}
}

// ownCalendar is a host's own calendar, which has no JSON form.
type ownCalendar struct{}

func (ownCalendar) Holiday(Date) (string, bool) { return "", false }
