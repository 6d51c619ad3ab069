package contract

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzCounterJSON checks the counter's JSON decoder on any input: no
// panic; what it accepts writes back and reads again to an equal counter
// (cmp.Equal without options), and counting with it never panics.
func FuzzCounterJSON(f *testing.F) {
	f.Add(`{"convention":"EU 1182/71","calendar":{"holidays":"dk"}}`)
	f.Add(`{"convention":"lag (1930:173)","calendar":{"holidays":"se","closed_days":[{"month":6,"day":19,"name":"x"}]}}`)
	f.Add(`{"convention":"forældelsesloven § 27","calendar":{"holidays":"none","closed_dates":[{"date":"2025-05-02","name":"y"}]}}`)
	f.Add(`{"calendar":{"holidays":"se","closed_days":[{"month":13,"day":-4}]}}`)
	f.Add(`{}`)
	f.Add(`{"calendar":null}`)
	f.Fuzz(func(t *testing.T, in string) {
		var c Counter
		if err := json.Unmarshal([]byte(in), &c); err != nil {
			return
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("Marshal(%+v) after Unmarshal(%q): %v", c, in, err)
		}
		var back Counter
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("Unmarshal(%s): %v", b, err)
		}
		if !cmp.Equal(c, back) {
			t.Fatalf("round trip of %s:\n%s", b, cmp.Diff(c, back))
		}
		_, _ = c.DeadlineToAct(MustDate(2025, 5, 6), Months(1))
		if cal, ok := c.Calendar.(Calendar); ok {
			_, _ = nextHoliday(cal, MustDate(2025, 1, 1), MustDate(2026, 1, 1), weekdayMask(0x7f))
		}
	})
}
