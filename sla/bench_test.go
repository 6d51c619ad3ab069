package sla_test

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/sla"
)

// cpuTime returns the CPU time (user + system) the process has used. The
// shared benchmark machine is often loaded by other work, so the
// benchmarks report CPU time per op ("cpu-ms/op") beside wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

var (
	benchComponents = []string{"api", "database", "storage", "webshop-sync"}
	benchCauses     = []string{"deploy", "network", "capacity", "third-party", "unknown"}
)

// benchOutages returns n deterministic pseudo-random outages of 1 to 60
// minutes within span, in no particular order.
func benchOutages(rng *rand.Rand, n int, span sla.Span) []sla.Outage {
	out := make([]sla.Outage, n)
	width := int64(span.Duration())
	for i := range out {
		s := span.From.Add(time.Duration(rng.Int64N(width)))
		out[i] = sla.Outage{
			Component: benchComponents[rng.IntN(len(benchComponents))],
			Cause:     benchCauses[rng.IntN(len(benchCauses))],
			Impact:    sla.Impact(rng.IntN(3)),
			Start:     s,
			End:       s.Add(time.Duration(1+rng.IntN(60)) * time.Minute),
		}
	}
	return out
}

func benchYear(b *testing.B) (sla.Policy, sla.Span) {
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	p.Weights = sla.StatuspageWeights()
	d := contract.MustDate(2025, 1, 1)
	span, err := p.Days(d, d.Add(contract.Years(1)))
	if err != nil {
		b.Fatal(err)
	}
	return p, span
}

// BenchmarkSortOutages is the yardstick: sorting 1,000,000
// outages by start. Compare it with BenchmarkAvailability in the same run;
// availability must cost at most twice as much.
func BenchmarkSortOutages(b *testing.B) {
	_, span := benchYear(b)
	src := benchOutages(rand.New(rand.NewPCG(1, 2)), 1_000_000, span)
	buf := make([]sla.Outage, len(src))
	var cpu time.Duration
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		copy(buf, src)
		b.StartTimer()
		c0 := cpuTime()
		slices.SortFunc(buf, func(x, y sla.Outage) int { return x.Start.Compare(y.Start) })
		cpu += cpuTime() - c0
	}
	b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkAvailability computes a year's availability over 1,000,000
// unsorted, overlapping outages with Statuspage weights.
func BenchmarkAvailability(b *testing.B) {
	p, span := benchYear(b)
	in := sla.Input{Outages: benchOutages(rand.New(rand.NewPCG(1, 2)), 1_000_000, span)}
	b.ResetTimer()
	c0 := cpuTime()
	for range b.N {
		if _, err := sla.Compute(p, span, in); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, c0)
}

// BenchmarkMonthlyReports builds April's full report (breakdowns by
// component and cause, window decisions, daily timeline) for 10,000
// customers with 100 outages and one service window each, one customer
// after another on one goroutine; the target is under 2 s per op.
func BenchmarkMonthlyReports(b *testing.B) {
	p, span, customers := benchCustomers(b)
	b.ResetTimer()
	c0 := cpuTime()
	for range b.N {
		for _, in := range customers {
			if _, err := sla.NewReport(p, span, in); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, c0)
}

// BenchmarkMonthlyReportsParallel is BenchmarkMonthlyReports spread over
// GOMAXPROCS goroutines, as a host would run a month-end batch on a
// 2-core machine; reports are values, so nothing is shared.
func BenchmarkMonthlyReportsParallel(b *testing.B) {
	p, span, customers := benchCustomers(b)
	workers := runtime.GOMAXPROCS(0)
	b.ResetTimer()
	c0 := cpuTime()
	for range b.N {
		var wg sync.WaitGroup
		errs := make([]error, workers)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < len(customers); i += workers {
					if _, err := sla.NewReport(p, span, customers[i]); err != nil {
						errs[w] = err
						return
					}
				}
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, c0)
}

func benchCustomers(b *testing.B) (sla.Policy, sla.Span, []sla.Input) {
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	span, err := p.Month(2025, time.April)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	customers := make([]sla.Input, 10_000)
	for i := range customers {
		w := span.From.Add(time.Duration(rng.Int64N(int64(span.Duration() - 4*time.Hour))))
		customers[i] = sla.Input{
			Outages: benchOutages(rng, 100, span),
			Windows: []sla.Window{{Kind: sla.Planned, Notified: w.Add(-96 * time.Hour), Start: w, End: w.Add(2 * time.Hour)}},
		}
	}
	return p, span, customers
}

// BenchmarkAvailabilityVsSort measures sorting 1,000,000 outages and
// computing their availability alternately in each iteration, so that
// both see the same machine load, and reports the CPU time of computing
// over that of sorting as the metric "x-sort" (target: at most 2).
func BenchmarkAvailabilityVsSort(b *testing.B) {
	p, span := benchYear(b)
	in := sla.Input{Outages: benchOutages(rand.New(rand.NewPCG(1, 2)), 1_000_000, span)}
	buf := make([]sla.Outage, len(in.Outages))
	var sorting, computing time.Duration
	b.ResetTimer()
	for range b.N {
		copy(buf, in.Outages)
		t0 := cpuTime()
		slices.SortFunc(buf, func(x, y sla.Outage) int { return x.Start.Compare(y.Start) })
		t1 := cpuTime()
		if _, err := sla.Compute(p, span, in); err != nil {
			b.Fatal(err)
		}
		sorting += t1 - t0
		computing += cpuTime() - t1
	}
	b.ReportMetric(float64(computing)/float64(sorting), "x-sort")
}
