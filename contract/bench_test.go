package contract

import (
	"syscall"
	"testing"
	"time"
)

// Issue 2 targets: deadline computation and business-hours addition
// allocate nothing and take well under a microsecond for periods up to a
// year.
//
// Besides ns/op (wall time, inflated when the machine is shared) each
// benchmark reports cpu-ns/op, the process's CPU time per operation, which
// waiting for a core does not inflate.

// cpuNow returns the CPU time the process has used.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loop runs f as the benchmark's body and reports allocations and CPU
// time per operation.
func loop(b *testing.B, f func()) {
	b.Helper()
	b.ReportAllocs()
	n, c0 := 0, cpuNow()
	for b.Loop() {
		f()
		n++
	}
	b.ReportMetric(float64(cpuNow()-c0)/float64(n), "cpu-ns/op")
}

var (
	sinkDeadline Deadline
	sinkTime     time.Time
	sinkDuration time.Duration
	sinkBool     bool
)

func BenchmarkDeadlineToAct(b *testing.B) {
	var c Counter
	for _, bc := range []struct {
		name string
		from Date
		p    Period
	}{
		{"P1M rolled past a weekend", MustDate(2026, 1, 30), Months(1)},
		{"P2D over Christmas (Art. 3(5))", MustDate(2025, 12, 23), Days(2)},
		{"P1Y", MustDate(2025, 4, 18), Years(1)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			loop(b, func() { sinkDeadline, _ = c.DeadlineToAct(bc.from, bc.p) })
		})
	}
}

func BenchmarkDeadlineLimitationAct(b *testing.B) {
	c := Counter{Convention: DanishLimitationAct()}
	from := MustDate(2026, 5, 5)
	loop(b, func() { sinkDeadline, _ = c.DeadlineToAct(from, Months(1)) })
}

func BenchmarkEffectiveDate(b *testing.B) {
	var c Counter
	from := MustDate(2026, 6, 24)
	loop(b, func() { sinkDeadline, _ = c.EffectiveDate(from, Months(4)) })
}

func BenchmarkThreshold(b *testing.B) {
	var c Counter
	from := MustDate(2026, 1, 5)
	loop(b, func() { sinkDeadline, _ = c.Threshold(from, Days(30)) })
}

func BenchmarkBusinessHoursAdd(b *testing.B) {
	bh := officeHours(b)
	start := time.Date(2025, 3, 20, 10, 30, 0, 0, bh.Location())
	for _, bc := range []struct {
		name string
		d    time.Duration
	}{
		{"4h", 4 * time.Hour},
		{"1 week", 40 * time.Hour},
		{"1 month", 21 * 8 * time.Hour},
		{"1 year", 253 * 8 * time.Hour},
	} {
		b.Run(bc.name, func(b *testing.B) {
			loop(b, func() { sinkTime, _ = bh.Add(start, bc.d) })
		})
	}
}

func BenchmarkBusinessHoursBetween(b *testing.B) {
	bh := officeHours(b)
	start := time.Date(2025, 3, 20, 10, 30, 0, 0, bh.Location())
	for _, bc := range []struct {
		name string
		to   time.Time
	}{
		{"1 day", start.AddDate(0, 0, 1)},
		{"1 month", start.AddDate(0, 1, 0)},
		{"1 year", start.AddDate(1, 0, 0)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			loop(b, func() { sinkDuration = bh.Between(start, bc.to) })
		})
	}
}

func BenchmarkBusinessHoursIsOpen(b *testing.B) {
	bh := officeHours(b)
	at := time.Date(2025, 5, 29, 10, 30, 0, 0, bh.Location())
	loop(b, func() { sinkBool = bh.IsOpen(at) })
}
