package privacy

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
)

func BenchmarkRequestDeadline(b *testing.B) {
	c := contract.Counter{}
	day := contract.MustDate(2026, 1, 31)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RequestDeadline(c, day); err != nil {
			b.Fatal(err)
		}
		if _, err := ExtendedDeadline(c, day); err != nil {
			b.Fatal(err)
		}
	}
}

// bigLedger builds a ledger of n events for n/10 subjects over four purposes.
func bigLedger(b *testing.B, n int) Ledger {
	b.Helper()
	l, err := NewLedger(bigEvents(n)...)
	if err != nil {
		b.Fatal(err)
	}
	return l
}

// bigEvents returns n events for n/10 subjects over four purposes, one a
// second, in the ledger's order.
func bigEvents(n int) []ConsentEvent {
	uses := []DataUse{UseMarketingEmail, UseAnalytics, UseTargetedAds, UseMarketing}
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	evs := make([]ConsentEvent, n)
	for i := range evs {
		e := ConsentEvent{Subject: fmt.Sprintf("s%07d", i%(n/10)), Purpose: uses[i%4],
			Action: Given, At: base.Add(time.Duration(i) * time.Second), Method: MethodBanner,
			Policy: policy25, Notice: notice}
		switch i % 7 {
		case 3:
			e.Action = Withdrawn
		case 5:
			e.Action, e.Method, e.Source = Objected, MethodSignal, GPCSource
		}
		evs[i] = e
	}
	return evs
}

// BenchmarkNewLedgerMillion builds the ledger of 1,000,000 events and
// folds it ([Ledger.States]) in the same loop, so that the load of a
// shared machine hits both alike; ledger/fold is the ratio whose target
// is 2 or less for unsorted input. The events are shuffled (unsorted),
// in the ledger's order (sorted), or either and built by the
// straightforward construction the tests keep as reference (reference_*,
// for the speed-up). Besides wall time it reports CPU time (all threads,
// garbage collection included) per event of each part.
func BenchmarkNewLedgerMillion(b *testing.B) {
	const n = 1_000_000
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, bm := range []struct {
		name    string
		shuffle bool
		build   func(...ConsentEvent) (Ledger, error)
	}{
		{"unsorted", true, NewLedger},
		{"sorted", false, NewLedger},
		{"reference_unsorted", true, refNewLedger},
		{"reference_sorted", false, refNewLedger},
	} {
		b.Run(bm.name, func(b *testing.B) {
			// Each run builds its own events, so that none pays garbage
			// collection for another's live heap.
			evs := bigEvents(n)
			if bm.shuffle {
				rand.New(rand.NewPCG(1, 2)).Shuffle(n, func(i, j int) { evs[i], evs[j] = evs[j], evs[i] })
			}
			runtime.GC()
			var wl, wf, cl, cf time.Duration
			for b.Loop() {
				c0, t0 := cpuTime(), time.Now()
				l, err := bm.build(evs...)
				if err != nil {
					b.Fatal(err)
				}
				c1, t1 := cpuTime(), time.Now()
				if got := l.States(at); len(got) == 0 {
					b.Fatal("no states")
				}
				c2, t2 := cpuTime(), time.Now()
				wl += t1.Sub(t0)
				wf += t2.Sub(t1)
				cl += c1 - c0
				cf += c2 - c1
			}
			per := float64(b.N) * n
			b.ReportMetric(float64(wl.Nanoseconds())/per, "ledger-ns/event")
			b.ReportMetric(float64(wf.Nanoseconds())/per, "fold-ns/event")
			b.ReportMetric(float64(cl.Nanoseconds())/per, "ledger-cpu-ns/event")
			b.ReportMetric(float64(cf.Nanoseconds())/per, "fold-cpu-ns/event")
			b.ReportMetric(float64(wl)/float64(wf), "ledger/fold")
			b.ReportMetric(float64(cl)/float64(cf), "cpu-ledger/fold")
			b.ReportMetric(float64((cl+cf).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkFoldMillion folds a ledger of 1,000,000 events into the state of
// every subject and purpose (under 1 s on one core of the reference machine).
func BenchmarkFoldMillion(b *testing.B) {
	l := bigLedger(b, 1_000_000)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		if got := l.States(at); len(got) == 0 {
			b.Fatal("no states")
		}
	}
	// CPU time (all threads) per fold: a figure the load of a shared
	// machine does not inflate the way it inflates wall time.
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkStateMillion folds one subject and purpose over 1,000,000 events.
func BenchmarkStateMillion(b *testing.B) {
	l := bigLedger(b, 1_000_000)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = l.State("s0000042", UseMarketingEmail, at)
	}
}
