package privacy

import (
	"fmt"
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

// bigLedger builds n events for n/10 subjects over four purposes.
func bigLedger(b *testing.B, n int) Ledger {
	b.Helper()
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
	l, err := NewLedger(evs...)
	if err != nil {
		b.Fatal(err)
	}
	return l
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
