package sla

import (
	"fmt"

	"strings"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"

	"golang.org/x/text/language"
)

// TestCatalogDanish checks that every reason key has a Danish text with
// the same verbs, and that it renders.
func TestCatalogDanish(t *testing.T) {
	keys := []string{keyPlannedOK, keyPlannedShort, keyCalendarOK, keyCalendarShort, keyEmergencyOK,
		keyEmergencyShort, keyForceMajeure, keyMet, keyMissed, keyNoCredit, keyCredit, keyOutageVsSLA}
	if len(keys) != len(danish) {
		t.Errorf("catalog has %d Danish texts for %d keys", len(danish), len(keys))
	}
	for _, k := range keys {
		da, ok := danish[k]
		if !ok {
			t.Errorf("key %q has no Danish text", k)
			continue
		}
		if strings.Count(da, "%s") != strings.Count(k, "%s") {
			t.Errorf("Danish %q has other verbs than %q", da, k)
		}
		args := make([]any, strings.Count(k, "%s"))
		for i := range args {
			args[i] = fmt.Sprint(i)
		}
		if got := reason(k, args...).In(language.Danish); got == reason(k, args...).String() || strings.Contains(got, "%!") {
			t.Errorf("reason %q in Danish = %q, want a translation", k, got)
		}
	}
}

// TestSweepMatchesOracle checks the one-pass weighted merge against a
// per-unit brute force on small integer intervals.
func TestSweepMatchesOracle(t *testing.T) {
	w := [numLevels]uint32{million, million, 300_000, 0}
	items := []item{{0, 10, 2, 0}, {5, 15, 1, 1}, {12, 20, 3, 2}, {14, 18, 2, 3}, {30, 31, 1, 4}, {30, 35, 2, 5}, {40, 40, 1, 6}}
	sortItems(items)
	segs := sweep(items, &w, nil)
	var want [50]uint32
	for _, it := range items {
		for x := it.s; x < it.e; x++ {
			want[x] = max(want[x], w[it.l])
		}
	}
	var got [50]uint32
	for i, s := range segs {
		if i > 0 && s.s < segs[i-1].e {
			t.Fatalf("segments overlap: %v", segs)
		}
		for x := s.s; x < s.e; x++ {
			got[x] = w[s.l]
		}
	}
	if got != want {
		t.Errorf("sweep = %v\nper unit %v\nwant     %v", segs, got, want)
	}
}

// TestFmtDuration checks the duration text used in reasons and SVG titles.
func TestFmtDuration(t *testing.T) {
	for d, want := range map[string]string{"72h": "72h00m", "45m": "0h45m", "1h0m30s": "1h00m30s", "43m12.5s": "0h43m12.5s"} {
		dd, _ := time.ParseDuration(d)
		if got := fmtDuration(dd); got != want {
			t.Errorf("fmtDuration(%s) = %q, want %q", d, got, want)
		}
	}
}

// TestMeetsFastMatchesExact checks the 128-bit comparison against the
// decimal one on boundaries and large values.
func TestMeetsFastMatchesExact(t *testing.T) {
	targets := []string{"99.9", "99", "99.95", "99.999999", "100", "50", "0.000001", "99.9000", "1e1"}
	month := int64(30 * 24 * time.Hour)
	downs := []int64{0, 1, int64(43*time.Minute + 12*time.Second), int64(43*time.Minute+12*time.Second) + 1, month / 2, month}
	for _, ts := range targets {
		target := decimal.RequireFromString(ts)
		for _, d := range downs {
			for _, w := range []uint32{million, 300_000, 1} {
				var down u128
				down.add(d, w)
				a := Availability{Counted: contract.Duration(month), down: down}
				slow := a.Ratio().CmpDecimal(target.Div(hundred)) >= 0
				fast, done := a.meetsFast(target)
				if done && fast != slow {
					t.Errorf("meetsFast(%s, down %d x %d) = %v, exact %v", ts, d, w, fast, slow)
				}
				if !done && ts != "1e1" {
					t.Errorf("meetsFast(%s) not decided", ts)
				}
			}
		}
	}
}
