package billing

import (
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// BenchmarkInterest is the interest of one overdue invoice: target under
// 2 µs with a bounded number of allocations.
func BenchmarkInterest(b *testing.B) {
	rules := InterestRulesFor(contract.OpenDIMSTerms())
	d := Debt{Amount: dkk("12468.75"), Due: day("2025-03-01"), Customer: Business}
	until := day("2025-04-15")
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := rules.Interest(d, until); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkInterestStatutory is the consumer case: agreed and statutory
// interest both computed across a half-year boundary, with a part payment.
func BenchmarkInterestStatutory(b *testing.B) {
	rules := InterestRulesFor(contract.OpenDIMSTerms())
	d := Debt{Amount: dkk("12468.75"), Due: day("2024-05-01"), Customer: Consumer,
		Payments: []Payment{{day("2024-06-10"), dkk("5000.00")}}}
	until := day("2024-08-15")
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := rules.Interest(d, until); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// monthEnd renews every subscription to on, invoices each charge with
// Danish VAT and computes interest on the overdue ones, on all cores.
func monthEnd(b *testing.B, subs []Subscription, overdue []Debt, on contract.Date) (invoices, interest int) {
	rules := InterestRulesFor(contract.OpenDIMSTerms())
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	counts := make([][2]int, workers)
	seller := seller()
	buyer := buyerDK()
	vat := vatDK
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lines := make([]Line, 1)
			for i := w; i < len(subs); i += workers {
				next, evs, err := subs[i].Renew(on)
				if err != nil {
					b.Error(err)
					return
				}
				subs[i] = next
				for _, e := range evs {
					if e.Kind != Charged {
						continue
					}
					lines[0] = e.Line("PIM subscription", vat)
					_, err := NewInvoice(InvoiceInput{Number: "M-1", Issued: on, Seller: seller, Buyer: buyer,
						Treatment: DomesticVAT, Lines: lines}, contract.Counter{})
					if err != nil {
						b.Error(err)
						return
					}
					counts[w][0]++
				}
				if i < len(overdue) {
					if _, err := rules.Interest(overdue[i], on); err != nil {
						b.Error(err)
						return
					}
					counts[w][1]++
				}
			}
		}()
	}
	wg.Wait()
	for _, c := range counts {
		invoices += c[0]
		interest += c[1]
	}
	return invoices, interest
}

// BenchmarkMonthEnd is the month-end run over 1,000,000 subscriptions
// (monthly and annual, anchored on every day of the month), with 5 % of
// them holding an overdue invoice: target under 10 s on 2 cores.
func BenchmarkMonthEnd(b *testing.B) {
	const n = 1_000_000
	plans := []Plan{planBasic, planPro, planBig, planYear, planFree}
	base := make([]Subscription, n)
	anchor := day("2025-01-01")
	for i := range base {
		s, _, err := Subscribe("s", plans[i%len(plans)], anchor.AddDays(i%31))
		if err != nil {
			b.Fatal(err)
		}
		base[i] = s
	}
	overdue := make([]Debt, n/20)
	for i := range overdue {
		overdue[i] = Debt{Amount: contract.NewMoney(decimal.New(int64(1000+i%100000), -2).Add(dec("100")), currency.DKK),
			Due: day("2025-01-15").AddDays(i % 30), Customer: CustomerKind(1 + i%2)}
	}
	subs := make([]Subscription, n)
	on := day("2025-02-28")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		copy(subs, base)
		b.StartTimer()
		cpu0 := cpuTime()
		inv, in := monthEnd(b, subs, overdue, on)
		b.ReportMetric((cpuTime() - cpu0).Seconds(), "cpu-s/op")
		b.ReportMetric(float64(inv), "invoices")
		b.ReportMetric(float64(in), "interest")
	}
}

// cpuTime returns the user and system CPU time the process has used, so a
// benchmark on a shared, loaded machine can report the work done as well
// as the wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkNewInvoice is one subscription invoice: one line with 25 % VAT
// and a due date counted with Danish holidays.
func BenchmarkNewInvoice(b *testing.B) {
	in := input(Line{Description: "PIM subscription", Quantity: contract.Dec(dec("1")), UnitPrice: dkk("24.95"), VATRate: contract.Dec(vatDK)})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewInvoice(in, contract.Counter{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenew is one monthly renewal with its charge.
func BenchmarkRenew(b *testing.B) {
	s, _, err := Subscribe("s", planBasic, day("2025-01-31"))
	if err != nil {
		b.Fatal(err)
	}
	on := day("2025-02-28")
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := s.Renew(on); err != nil {
			b.Fatal(err)
		}
	}
}

// extraLines, when not nil, adds lines to the invoice of subscription i
// in [monthEndDiscounted]: the month-end run with metered subscriptions
// (every fifth, rated from its usage as monthEndMetered does) plugs in
// here, so one run measures 10 % discounted and 20 % metered
// subscriptions together. It returns the lines and the usage events
// rated.
type extraLines func(i int, lines []Line) ([]Line, int64, error)

// monthEndDiscounted is [monthEnd] where every tenth subscription is on a
// discounted plan: its charge carries the discount, invoiced as an
// allowance on the plan's line (round per line, then sum). extra, when not
// nil, adds lines to an invoice.
func monthEndDiscounted(b *testing.B, subs []Subscription, overdue []Debt, on contract.Date, extra extraLines) (invoices, discounted int) {
	rules := InterestRulesFor(contract.OpenDIMSTerms())
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	counts := make([][2]int, workers)
	seller, buyer := seller(), buyerDK()
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lines := make([]Line, 1, 2)
			allow := make([]Allowance, 1)
			for i := w; i < len(subs); i += workers {
				next, evs, err := subs[i].Renew(on)
				if err != nil {
					b.Error(err)
					return
				}
				subs[i] = next
				for _, e := range evs {
					if e.Kind != Charged {
						continue
					}
					lines = lines[:1]
					lines[0] = e.Line("PIM subscription", vatDK)
					in := InvoiceInput{Number: "M-1", Issued: on, Seller: seller, Buyer: buyer, Treatment: DomesticVAT, Lines: lines}
					if a, ok := e.Allowance("launch offer", 1); ok {
						allow[0] = a
						in.Allowances = allow
						counts[w][1]++
					}
					if extra != nil {
						if in.Lines, _, err = extra(i, lines); err != nil {
							b.Error(err)
							return
						}
					}
					if _, err := NewInvoice(in, contract.Counter{}); err != nil {
						b.Error(err)
						return
					}
					counts[w][0]++
				}
				if i < len(overdue) {
					if _, err := rules.Interest(overdue[i], on); err != nil {
						b.Error(err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	for _, c := range counts {
		invoices += c[0]
		discounted += c[1]
	}
	return invoices, discounted
}

// BenchmarkMonthEndDiscounted is [BenchmarkMonthEnd] with 10 % of the
// 1,000,000 subscriptions on plans with a 20 % discount, each invoiced
// with its allowance: target under 2 s on 2 cores. The metered 20 %
// joins through [extraLines].
func BenchmarkMonthEndDiscounted(b *testing.B) {
	const n = 1_000_000
	plans := []Plan{planBasic, planPro, planBig, planYear, planFree}
	discounted := make([]Plan, len(plans))
	for i, p := range plans {
		if p.Kind != Free {
			p.Discount = &Discount{ID: "launch-20", Percent: contract.Dec(dec("0.20")), Duration: Forever}
		}
		discounted[i] = p
	}
	base := make([]Subscription, n)
	anchor := day("2025-01-01")
	for i := range base {
		p := plans[i%len(plans)]
		if i%10 == 3 { // every tenth, across the four paid plans
			p = discounted[(i/10)%4]
		}
		s, _, err := Subscribe("s", p, anchor.AddDays(i%31))
		if err != nil {
			b.Fatal(err)
		}
		base[i] = s
	}
	overdue := make([]Debt, n/20)
	for i := range overdue {
		overdue[i] = Debt{Amount: contract.NewMoney(decimal.New(int64(1000+i%100000), -2).Add(dec("100")), currency.DKK),
			Due: day("2025-01-15").AddDays(i % 30), Customer: CustomerKind(1 + i%2)}
	}
	subs := make([]Subscription, n)
	on := day("2025-02-28")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		copy(subs, base)
		b.StartTimer()
		cpu0 := cpuTime()
		inv, disc := monthEndDiscounted(b, subs, overdue, on, nil)
		b.ReportMetric((cpuTime() - cpu0).Seconds(), "cpu-s/op")
		b.ReportMetric(float64(inv), "invoices")
		b.ReportMetric(float64(disc), "discounted")
	}
}
