package privacy

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
)

// randEvent draws an event from small pools, so that instants, actions
// and every other key collide often and the comparator has to look past
// the first keys. With bad set, about one event in four breaks a rule.
func randEvent(r *rand.Rand, bad bool) ConsentEvent {
	subjects := []string{"a", "b", "cust-1", "cust-10"}
	purposes := []DataUse{UseMarketing, UseMarketingEmail, UseAnalytics, UseTargetedAds}
	sources := []string{"", GPCSource, "cmp-7"}
	locs := []*time.Location{time.UTC, time.FixedZone("CET", 3600), time.FixedZone("X", -5*3600-1800)}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	nanos := []int{0, 1, 2, 500_000_000, 999_999_998, 999_999_999}
	at := base.Add(time.Duration(r.IntN(6))*time.Second + time.Duration(nanos[r.IntN(len(nanos))]))
	at = at.In(locs[r.IntN(len(locs))])
	e := ConsentEvent{
		Subject: subjects[r.IntN(len(subjects))],
		Purpose: purposes[r.IntN(len(purposes))],
		Action:  ConsentAction(1 + r.IntN(4)),
		At:      at,
		Method:  Method(1 + r.IntN(6)),
		Source:  sources[r.IntN(len(sources))],
	}
	if r.IntN(2) == 0 {
		e.Policy = []contract.Date{policy25, policy26}[r.IntN(2)]
		e.Notice = notice
		e.Notice[31] = byte(r.IntN(2))
	}
	e.Guardian = r.IntN(2) == 0
	if e.Action == Given && e.Method != MethodSignal {
		e.Policy, e.Notice = policy25, notice
	}
	if e.Method == MethodSignal && e.Source == "" {
		e.Source = GPCSource
	}
	if !bad || r.IntN(4) != 0 {
		return e
	}
	// One or more broken rules.
	for range 1 + r.IntN(3) {
		switch r.IntN(13) {
		case 0:
			e.Subject = ""
		case 1:
			e.Subject = strings.Repeat("s", MaxSubjectLen+1)
		case 2:
			e.Source = strings.Repeat("x", MaxSourceLen+1)
		case 3:
			e.Purpose = DataUse("Bad Key." + strings.Repeat("k", 50))
		case 4:
			e.Action = ConsentAction(r.IntN(2) * 5)
		case 5:
			e.At = time.Time{}
		case 6:
			e.At = time.Date(0, 12, 31, 23, 59, 59, 0, time.UTC)
		case 7:
			e.At = time.Date(10000, 1, 1, 0, 0, 0, 0, time.FixedZone("E", 3600))
		case 8:
			e.At = []time.Time{time.Unix(math.MaxInt64, 0), time.Unix(math.MinInt64, 0),
				time.Unix(math.MaxInt64/2, 999_999_999), time.Unix(-62135596801, 0)}[r.IntN(4)]
		case 9:
			e.Method = Method(r.IntN(2) * 7)
		case 10:
			e.Action, e.Method, e.Notice = Given, MethodForm, NoticeHash{}
		case 11:
			e.Action, e.Method, e.Policy = Given, MethodBanner, contract.Date{}
		case 12:
			e.Method, e.Source = MethodSignal, ""
		}
	}
	return e
}

// sameLedger compares NewLedger with the reference construction on evs:
// the same events (== on every field, so also the location of At) in the
// same order, or the same problems and error text.
func sameLedger(t *testing.T, name string, evs []ConsentEvent) {
	t.Helper()
	in := slices.Clone(evs)
	got, gerr := NewLedger(evs...)
	want, werr := refNewLedger(evs...)
	if !slices.Equal(evs, in) {
		t.Fatalf("%s: NewLedger changed its input", name)
	}
	if (gerr == nil) != (werr == nil) {
		t.Fatalf("%s: NewLedger error %v, reference %v", name, gerr, werr)
	}
	if werr != nil {
		var gv, wv *contract.ValidationError
		if !errors.As(gerr, &gv) || !errors.As(werr, &wv) || !errors.Is(gerr, ErrInvalid) {
			t.Fatalf("%s: errors %v, %v", name, gerr, werr)
		}
		if d := cmp.Diff(wv.Problems, gv.Problems); d != "" || gerr.Error() != werr.Error() {
			t.Fatalf("%s: problems differ from the reference (-want +got):\n%s", name, d)
		}
		return
	}
	if !slices.Equal(got.events, want.events) {
		for i := range want.events {
			if got.events[i] != want.events[i] {
				t.Fatalf("%s: event %d is %v, reference %v", name, i, got.events[i], want.events[i])
			}
		}
		t.Fatalf("%s: lengths %d, %d", name, len(got.events), len(want.events))
	}
}

// TestNewLedgerMatchesReference checks NewLedger's fast paths (faults
// checked without building paths, the sortedness pass, the sort of
// keys) against the straightforward construction on random, sorted,
// reverse-sorted and duplicate-heavy input, valid and not.
func TestNewLedgerMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 2026))
	for round := range 400 {
		n := r.IntN(60)
		if round%50 == 0 {
			n = 2000 + r.IntN(2000)
		}
		bad := round%3 == 0
		evs := make([]ConsentEvent, n)
		for i := range evs {
			evs[i] = randEvent(r, bad)
			if round%5 == 1 && r.IntN(3) == 0 {
				// Instants over more than 136 years: the comparison
				// sort instead of the radix sort.
				evs[i].At = time.Date(1+r.IntN(9999), 1, 1, 0, 0, r.IntN(2), 0, time.UTC).In(evs[i].At.Location())
			}
		}
		sameLedger(t, "random", evs)
		if bad {
			continue
		}
		sorted := slices.Clone(evs)
		slices.SortStableFunc(sorted, refCompareEvents)
		sameLedger(t, "sorted", sorted)
		slices.Reverse(sorted)
		sameLedger(t, "reversed", sorted)
		dups := make([]ConsentEvent, n)
		for i := range dups {
			dups[i] = evs[r.IntN(max(1, min(n, 3)))]
		}
		sameLedger(t, "duplicates", dups)
		// Sorted but for one event: the sortedness pass must notice.
		if n > 2 {
			slices.SortStableFunc(sorted, refCompareEvents)
			i, j := r.IntN(n), r.IntN(n)
			sorted[i], sorted[j] = sorted[j], sorted[i]
			sameLedger(t, "one swap", sorted)
		}
	}
}

// TestNewLedgerProblemLimit checks that NewLedger stops after the event
// that brings the problems to 100, as the reference does: 60 events with
// two problems each report 100 problems, 40 with three report 102.
func TestNewLedgerProblemLimit(t *testing.T) {
	two := ConsentEvent{Purpose: UseAnalytics, Action: Withdrawn, Method: MethodForm}     // subject, at
	three := ConsentEvent{Purpose: UseAnalytics, Action: Withdrawn, Method: MethodSignal} // subject, at, source
	for _, tt := range []struct {
		e    ConsentEvent
		n    int
		want int
	}{{two, 60, 100}, {three, 40, 102}, {two, 49, 98}} {
		evs := make([]ConsentEvent, tt.n)
		for i := range evs {
			evs[i] = tt.e
		}
		sameLedger(t, "limit", evs)
		_, err := NewLedger(evs...)
		var ve *contract.ValidationError
		if !errors.As(err, &ve) || len(ve.Problems) != tt.want {
			t.Fatalf("%d events: %v, want %d problems", tt.n, err, tt.want)
		}
		if last := ve.Problems[len(ve.Problems)-1].Path; !strings.HasPrefix(last, "events[") {
			t.Fatalf("last path %q", last)
		}
	}
}

// TestCompareEventsMatchesReference checks the comparator that stops at
// the first difference against the one that evaluates every key.
func TestCompareEventsMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for range 100_000 {
		a, b := randEvent(r, false), randEvent(r, false)
		a.At, b.At = a.At.UTC(), b.At.UTC()
		if got, want := compareEvents(a, b), refCompareEvents(a, b); got != want {
			t.Fatalf("compareEvents(%v, %v) = %d, reference %d", a, b, got, want)
		}
		if got := compareEvents(a, a); got != 0 {
			t.Fatalf("compareEvents(a, a) = %d", got)
		}
	}
}

// TestCheckMatchesReference checks the event check used outside
// NewLedger (opt-outs) against the reference check.
func TestCheckMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for range 20_000 {
		e := randEvent(r, true)
		var got, want contract.Problems
		e.check(&got, "event")
		refCheck(e, &want, "event")
		gerr, werr := got.Err("x", ErrInvalid), want.Err("x", ErrInvalid)
		if (gerr == nil) != (werr == nil) {
			t.Fatalf("check(%v) = %v, reference %v", e, gerr, werr)
		}
		if werr == nil {
			continue
		}
		var gv, wv *contract.ValidationError
		errors.As(gerr, &gv)
		errors.As(werr, &wv)
		if d := cmp.Diff(wv.Problems, gv.Problems); d != "" {
			t.Fatalf("check(%v) differs (-want +got):\n%s", e, d)
		}
	}
}

// TestNewLedgerKeyWindow checks instants at the edges of the 68 years
// either side of the first out-of-order event's predecessor, where the
// radix sort gives way to the comparison sort.
func TestNewLedgerKeyWindow(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	e := give("s", UseAnalytics, "2026-01-01T00:00:00Z")
	for _, d := range []time.Duration{1<<31 - 1, 1 << 31, 1<<31 + 1} {
		for _, sign := range []time.Duration{1, -1} {
			evs := []ConsentEvent{e, e, e, e, e}
			evs[1].At = t0.Add(-time.Second) // out of order: keys count from t0
			evs[2].At = t0.Add(sign * d * time.Second)
			evs[3].At = t0.Add(-sign * time.Second)
			evs[4].At = t0.Add(sign * (d - 1) * time.Second).Add(999_999_999)
			sameLedger(t, "window", evs)
		}
	}
}
