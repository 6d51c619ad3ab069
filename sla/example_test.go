package sla_test

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/sla"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// A month's report under the OpenDIMS terms: a planned service window
// notified five days ahead is not downtime (terms 3.2), but the 20 minutes
// the work overran are.
func ExampleNewReport() {
	cph := contract.Copenhagen()
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	april, _ := p.Month(2025, time.April)
	in := sla.Input{
		Outages: []sla.Outage{
			{Component: "api", Cause: "maintenance",
				Start: time.Date(2025, 4, 12, 2, 0, 0, 0, cph), End: time.Date(2025, 4, 12, 4, 20, 0, 0, cph)},
			{Component: "database", Cause: "network",
				Start: time.Date(2025, 4, 20, 9, 0, 0, 0, cph), End: time.Date(2025, 4, 20, 9, 15, 0, 0, cph)},
		},
		Windows: []sla.Window{{Kind: sla.Planned,
			Notified: time.Date(2025, 4, 7, 12, 0, 0, 0, cph),
			Start:    time.Date(2025, 4, 12, 2, 0, 0, 0, cph), End: time.Date(2025, 4, 12, 4, 0, 0, 0, cph)}},
	}
	r, err := sla.NewReport(p, april, in)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Decision)
	fmt.Println("downtime:", r.Availability.Downtime.Std(), "excluded:", r.Availability.Excluded.Std(), "budget left:", r.Budget.Remaining.Std())
	for _, b := range r.ByComponent {
		fmt.Printf("  %s: %v\n", b.Name, b.Availability.Downtime.Std())
	}
	for _, w := range r.Windows {
		fmt.Println(w.Decision)
	}
	// Output:
	// availability 99.918% meets the target of 99.9% (terms 8.1; terms 2.1; terms 3.2)
	// downtime: 35m0s excluded: 2h0m0s budget left: 8m12s
	//   api: 20m0s
	//   database: 15m0s
	// planned service window notified PT110H before its start; PT72H required, so it is not downtime (terms 3.2; terms 2.1)
}

// Two 30-minute outages that overlap by 15 minutes are 45 minutes of
// downtime; 45 minutes in a 30-day month miss 99.9 % (43 min 12 s allowed).
func ExampleCompute() {
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	p.Zone = contract.ZoneUTC
	april, _ := p.Month(2025, time.April)
	t0 := time.Date(2025, 4, 2, 10, 0, 0, 0, time.UTC)
	a, _ := sla.Compute(p, april, sla.Input{Outages: []sla.Outage{
		{Start: t0, End: t0.Add(30 * time.Minute)},
		{Start: t0.Add(15 * time.Minute), End: t0.Add(45 * time.Minute)},
	}})
	fmt.Println(a.Downtime.Std(), a.Percent(4), a.Meets(p.Target.Decimal()))
	// Output: 45m0s 99.8958 false
}

// The allowances of a 99.9 % target.
func ExampleAllowedDowntime() {
	for _, days := range []int{30, 31} {
		d, _ := sla.AllowedDowntime(decimal.RequireFromString("99.9"), time.Duration(days)*24*time.Hour)
		fmt.Printf("%d days: %v\n", days, d)
	}
	// Output:
	// 30 days: 43m12s
	// 31 days: 44m38.4s
}

// Error budget left after 43 and 44 minutes of downtime in a 30-day month.
func ExampleAvailability_Budget() {
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	p.Zone = contract.ZoneUTC
	april, _ := p.Month(2025, time.April)
	for _, m := range []time.Duration{43, 44} {
		t0 := time.Date(2025, 4, 2, 10, 0, 0, 0, time.UTC)
		a, _ := sla.Compute(p, april, sla.Input{Outages: []sla.Outage{{Start: t0, End: t0.Add(m * time.Minute)}}})
		b, _ := a.Budget(p.Target.Decimal())
		fmt.Println(a.Downtime.Std(), "remaining", b.Remaining.Std(), "exhausted", b.Exhausted)
	}
	// Output:
	// 43m0s remaining 12s exhausted false
	// 44m0s remaining -48s exhausted true
}

// Multi-window burn-rate alerts of the SRE workbook: an outage that has
// been going on for 20 minutes pages.
func ExampleEvaluateBurn() {
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	now := time.Date(2025, 4, 10, 12, 0, 0, 0, time.UTC)
	in := sla.Input{Outages: []sla.Outage{{Start: now.Add(-20 * time.Minute)}}} // still open
	alerts, _ := sla.EvaluateBurn(p, in, now, sla.WorkbookRules(30*24*time.Hour))
	for _, a := range alerts {
		fmt.Printf("%s %v/%v over %s: long %s short %s firing %v\n", a.Rule.Severity, a.Rule.Long.Std(), a.Rule.Short.Std(),
			a.Rule.Factor, a.LongBurn.Decimal(1), a.ShortBurn.Decimal(1), a.Firing)
	}
	// Output:
	// page 1h0m0s/5m0s over 14.4: long 333.3 short 1000 firing true
	// page 6h0m0s/30m0s over 6: long 55.5 short 666.6 firing true
	// ticket 24h0m0s/2h0m0s over 3: long 13.8 short 166.6 firing true
	// ticket 72h0m0s/6h0m0s over 1: long 4.6 short 55.5 firing true
}

// Scaled alert windows for a 28-day SLO period.
func ExampleWorkbookRules() {
	for _, r := range sla.WorkbookRules(28 * 24 * time.Hour) {
		fmt.Println(r.Severity, r.Long.Std(), r.Short.Std(), r.Factor)
	}
	// Output:
	// page 56m0s 4m40s 14.4
	// page 5h36m0s 28m0s 6
	// ticket 22h24m0s 1h52m0s 3
	// ticket 67h12m0s 5h36m0s 1
}

// A month at 98.5 % earns a 25 % credit under an offer document's tiers;
// four such months of 100 % credits are paid only up to three months'
// fees, the total cap of terms 15.1.
func ExampleSettle() {
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	tiers := sla.CommonCreditTiers()
	fee := contract.MustParseMoney("1000", currency.DKK)
	var penalties []sla.Penalty
	for _, down := range []time.Duration{648 * time.Minute, 48 * time.Hour, 48 * time.Hour, 48 * time.Hour, 48 * time.Hour} {
		span, _ := p.Month(2025, time.Month(len(penalties)+1))
		a, _ := sla.Compute(p, span, sla.Input{Outages: []sla.Outage{{Start: span.From, End: span.From.Add(down)}}})
		pen, _ := tiers.Penalty(a, fee)
		fmt.Println(pen.Decision.Reason, "=", pen.Amount)
		penalties = append(penalties, pen)
	}
	fmt.Println(penalties[0].Decision.Reason.In(language.Danish))
	s, err := sla.Settle(contract.OpenDIMSTerms(), fee, penalties)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("claimed", s.Claimed.Text(), "payable", s.Payable.Text(), "cap", s.CapTotal.Text())
	// Output:
	// availability 98.548% is below 99%, a credit of 25% of the monthly fee = 250.00 DKK
	// availability 92.857% is below 95%, a credit of 100% of the monthly fee = 1000.00 DKK
	// availability 93.539% is below 95%, a credit of 100% of the monthly fee = 1000.00 DKK
	// availability 93.333% is below 95%, a credit of 100% of the monthly fee = 1000.00 DKK
	// availability 93.548% is below 95%, a credit of 100% of the monthly fee = 1000.00 DKK
	// tilgængeligheden på 98,548 % er under 99 %, en kompensation på 25 % af månedsbetalingen
	// claimed 4250.00 payable 3000.00 cap 3000.00
}

// The uptime bar of three days: green, amber and red against 99.9 %.
func ExampleWriteSVG() {
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	p.Zone = contract.ZoneUTC
	span, _ := p.Days(contract.MustDate(2025, 4, 1), contract.MustDate(2025, 4, 4))
	d2 := time.Date(2025, 4, 2, 8, 0, 0, 0, time.UTC)
	d3 := time.Date(2025, 4, 3, 8, 0, 0, 0, time.UTC)
	r, _ := sla.NewReport(p, span, sla.Input{Outages: []sla.Outage{
		{Start: d2, End: d2.Add(5 * time.Minute)},
		{Start: d3, End: d3.Add(time.Hour)},
	}})
	_ = sla.WriteSVG(os.Stdout, r, sla.SVGOptions{})
	// Output:
	// <svg xmlns="http://www.w3.org/2000/svg" width="34" height="40" viewBox="0 0 34 40" role="img">
	// <title>2025-04-01 to 2025-04-03: 98.495 % available, target 99.9 %</title>
	// <rect x="0" y="0" width="10" height="40" fill="#2e9e5b"><title>2025-04-01: 100.000 % available, 0h00m down of 24h00m agreed</title></rect>
	// <rect x="12" y="0" width="10" height="40" fill="#e3a008"><title>2025-04-02: 99.652 % available, 0h05m down of 24h00m agreed</title></rect>
	// <rect x="24" y="0" width="10" height="40" fill="#d6332a"><title>2025-04-03: 95.833 % available, 1h00m down of 24h00m agreed</title></rect>
	// </svg>
}

// Months are cut in Copenhagen time and counted as elapsed time: March
// 2025 has 743 hours.
func ExamplePolicy_Month() {
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	mar, _ := p.Month(2025, time.March)
	fmt.Println(mar.From.UTC(), mar.To.UTC(), mar.Duration())
	// Output: 2025-02-28 23:00:00 +0000 UTC 2025-03-31 22:00:00 +0000 UTC 743h0m0s
}

// The burn rate of a day with 5 minutes of downtime against 99.9 %: the
// day spent its share of the budget 3.47 times over.
func ExampleAvailability_BurnRate() {
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	p.Zone = contract.ZoneUTC
	day, _ := p.Days(contract.MustDate(2025, 4, 2), contract.MustDate(2025, 4, 3))
	t0 := time.Date(2025, 4, 2, 8, 0, 0, 0, time.UTC)
	a, _ := sla.Compute(p, day, sla.Input{Outages: []sla.Outage{{Start: t0, End: t0.Add(5 * time.Minute)}}})
	burn, _ := a.BurnRate(p.Target.Decimal())
	fmt.Println(burn.Decimal(2))
	// Output: 3.47
}

// Credit tiers are half-open: exactly 99.9 % earns nothing, 98.5 % earns
// the 25 % tier.
func ExampleCreditTiers_Penalty() {
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	april, _ := p.Month(2025, time.April) // 720 hours
	for _, down := range []time.Duration{43*time.Minute + 12*time.Second, 648 * time.Minute} {
		a, _ := sla.Compute(p, april, sla.Input{Outages: []sla.Outage{{Start: april.From, End: april.From.Add(down)}}})
		pen, _ := sla.CommonCreditTiers().Penalty(a, contract.MustParseMoney("1000", currency.DKK))
		fmt.Println(pen.Event, pen.Earned, pen.Amount)
	}
	// Output:
	// availability 2025-04-01/2025-05-01 false 0.00 DKK
	// availability 2025-04-01/2025-05-01 true 250.00 DKK
}

// An offer document may agree office hours instead of 24/7 (terms 2.1)
// and count partial outages as Statuspage does: a three-hour partial
// outage from 15:00 on a Wednesday costs 18 minutes of the one hour that
// falls inside the office's day.
func ExamplePolicyFor() {
	cph := contract.Copenhagen()
	hours, _ := contract.NewBusinessHours(cph, contract.DanishHolidays(),
		contract.OpenOn(contract.MustClockTime(8, 0), contract.MustClockTime(16, 0),
			time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)...)
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	p.Hours = hours
	p.Weights = sla.StatuspageWeights()
	april, _ := p.Month(2025, time.April)
	a, _ := sla.Compute(p, april, sla.Input{Outages: []sla.Outage{{Impact: sla.Partial,
		Start: time.Date(2025, 4, 2, 15, 0, 0, 0, cph), End: time.Date(2025, 4, 2, 18, 0, 0, 0, cph)}}})
	fmt.Println(p.Target, p.PlannedNotice.Std(), p.EmergencyNotice.Std())
	fmt.Println(a.Agreed.Std(), a.Downtime.Std(), a.Percent(3))
	// Output:
	// 99.9 72h0m0s 1h0m0s
	// 152h0m0s 18m0s 99.802
}

// A rolling 30-day window ending now, and a calendar quarter.
func ExampleRolling() {
	now := time.Date(2025, 4, 10, 12, 0, 0, 0, time.UTC)
	r := sla.Rolling(now, 30*24*time.Hour)
	fmt.Println(r.From, r.Duration())
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	q1, _ := p.Quarter(2025, 1)
	fmt.Println(q1.From.Format(time.DateOnly), q1.To.Format(time.DateOnly), q1.Duration())
	// Output:
	// 2025-03-11 12:00:00 +0000 UTC 720h0m0s
	// 2025-01-01 2025-04-01 2159h0m0s
}

// An availability is stored as JSON with ISO 8601 durations and its exact
// weighted downtime, and reads back equal: a day that missed 99.9 % still
// misses it.
func ExampleAvailability_MarshalJSON() {
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	p.Zone = contract.ZoneUTC
	p.Weights = sla.StatuspageWeights()
	day, _ := p.Days(contract.MustDate(2025, 4, 2), contract.MustDate(2025, 4, 3))
	t0 := time.Date(2025, 4, 2, 8, 0, 0, 0, time.UTC)
	a, _ := sla.Compute(p, day, sla.Input{Outages: []sla.Outage{
		{Start: t0, End: t0.Add(2 * time.Minute)},
		{Impact: sla.Partial, Start: t0.Add(time.Hour), End: t0.Add(time.Hour + time.Second + 1)},
	}})
	b, _ := json.Marshal(a)
	fmt.Println(string(b))
	var back sla.Availability
	_ = json.Unmarshal(b, &back)
	fmt.Println(back.Equal(a), back.Meets(p.Target.Decimal()), back.Percent(4))
	// Output:
	// {"span":{"from":"2025-04-02T00:00:00Z","to":"2025-04-03T00:00:00Z"},"agreed":"PT24H","unmeasured":"PT0S","counted":"PT24H","downtime":"PT2M0.300000001S","excluded":"PT0S","downtime_exact":"PT2M0.3000000003S"}
	// true false 99.8607
}
