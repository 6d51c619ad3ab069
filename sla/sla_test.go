package sla_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/sla"
	"github.com/shopspring/decimal"
)

var cph = contract.Copenhagen()

// at returns a Copenhagen wall-clock instant.
func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, cph)
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func policy() sla.Policy { return sla.PolicyFor(contract.OpenDIMSTerms()) }

func month(t *testing.T, p sla.Policy, y int, m time.Month) sla.Span {
	t.Helper()
	s, err := p.Month(y, m)
	if err != nil {
		t.Fatalf("Month(%d, %v) error %v", y, m, err)
	}
	return s
}

func outage(s, e time.Time) sla.Outage { return sla.Outage{Start: s, End: e} }

// TestComputeVectors checks worked figures against terms 2.1,
// 3.2 and 8.1.
func TestComputeVectors(t *testing.T) {
	apr := sla.Span{From: at(2025, 4, 1, 0, 0), To: at(2025, 5, 1, 0, 0)} // 30 days, no DST change
	statuspage := policy()
	statuspage.Weights = sla.StatuspageWeights()
	minutes := policy()
	minutes.Granularity = sla.WholeMinutes
	google := policy()
	google.Granularity = sla.MinimumPeriod
	google.MinimumRun = contract.Duration(5 * time.Minute)
	calendar := policy()
	calendar.Notice = sla.CalendarDays

	tests := []struct {
		name     string
		clause   string
		p        sla.Policy
		span     sla.Span
		in       sla.Input
		downtime time.Duration
		excluded time.Duration
		meets    bool
	}{
		{
			name: "two 30-minute outages overlapping by 15 minutes are 45 minutes", clause: "terms 2.1",
			p: policy(), span: apr,
			in: sla.Input{Outages: []sla.Outage{
				outage(at(2025, 4, 2, 10, 0), at(2025, 4, 2, 10, 30)),
				outage(at(2025, 4, 2, 10, 15), at(2025, 4, 2, 10, 45)),
			}},
			downtime: 45 * time.Minute, meets: false,
		},
		{
			name: "43 minutes in a 30-day month meet 99.9 %", clause: "terms 8.1",
			p: policy(), span: apr,
			in:       sla.Input{Outages: []sla.Outage{outage(at(2025, 4, 2, 10, 0), at(2025, 4, 2, 10, 43))}},
			downtime: 43 * time.Minute, meets: true,
		},
		{
			name: "44 minutes in a 30-day month miss 99.9 %", clause: "terms 8.1",
			p: policy(), span: apr,
			in:       sla.Input{Outages: []sla.Outage{outage(at(2025, 4, 2, 10, 0), at(2025, 4, 2, 10, 44))}},
			downtime: 44 * time.Minute, meets: false,
		},
		{
			name: "43 min 12 s is exactly the allowance and meets 99.9 %", clause: "terms 8.1",
			p: policy(), span: apr,
			in:       sla.Input{Outages: []sla.Outage{outage(at(2025, 4, 2, 10, 0), at(2025, 4, 2, 10, 0).Add(43*time.Minute+12*time.Second))}},
			downtime: 43*time.Minute + 12*time.Second, meets: true,
		},
		{
			name: "one nanosecond over the allowance misses 99.9 %", clause: "terms 8.1",
			p: policy(), span: apr,
			in:       sla.Input{Outages: []sla.Outage{outage(at(2025, 4, 2, 10, 0), at(2025, 4, 2, 10, 0).Add(43*time.Minute+12*time.Second+1))}},
			downtime: 43*time.Minute + 12*time.Second + 1, meets: false,
		},
		{
			name: "outage across the month end counts its January part in January", clause: "terms 2.1",
			p: policy(), span: month(t, policy(), 2025, 1),
			in:       sla.Input{Outages: []sla.Outage{outage(at(2025, 1, 31, 23, 50), at(2025, 2, 1, 0, 20))}},
			downtime: 10 * time.Minute, meets: true,
		},
		{
			name: "outage across the month end counts its February part in February", clause: "terms 2.1",
			p: policy(), span: month(t, policy(), 2025, 2),
			in:       sla.Input{Outages: []sla.Outage{outage(at(2025, 1, 31, 23, 50), at(2025, 2, 1, 0, 20))}},
			downtime: 20 * time.Minute, meets: true,
		},
		{
			name: "open outage runs to the end of the span", clause: "terms 2.1",
			p: policy(), span: apr,
			in:       sla.Input{Outages: []sla.Outage{{Start: at(2025, 4, 30, 23, 0)}}},
			downtime: time.Hour, meets: false,
		},
		{
			name: "partial outage is not downtime under the default weights", clause: "terms 2.1",
			p: policy(), span: apr,
			in:       sla.Input{Outages: []sla.Outage{{Start: at(2025, 4, 2, 10, 0), End: at(2025, 4, 2, 11, 0), Impact: sla.Partial}}},
			downtime: 0, meets: true,
		},
		{
			name: "partial outage counts 30 % under Statuspage weights", clause: "Statuspage uptime",
			p: statuspage, span: apr,
			in:       sla.Input{Outages: []sla.Outage{{Start: at(2025, 4, 2, 10, 0), End: at(2025, 4, 2, 11, 0), Impact: sla.Partial}}},
			downtime: 18 * time.Minute, meets: true,
		},
		{
			name: "overlap counts the highest weight at each instant", clause: "Statuspage uptime",
			p: statuspage, span: apr,
			in: sla.Input{Outages: []sla.Outage{
				{Start: at(2025, 4, 2, 10, 0), End: at(2025, 4, 2, 11, 0), Impact: sla.Partial},
				{Start: at(2025, 4, 2, 10, 20), End: at(2025, 4, 2, 10, 30), Impact: sla.Unavailable},
			}},
			// 50 min partial (15 min) + 10 min unavailable
			downtime: 25 * time.Minute, meets: true,
		},
		{
			name: "planned window with 72 hours' notice is not downtime", clause: "terms 3.2",
			p: policy(), span: apr,
			in: sla.Input{
				Outages: []sla.Outage{outage(at(2025, 4, 10, 2, 0), at(2025, 4, 10, 4, 0))},
				Windows: []sla.Window{{Kind: sla.Planned, Notified: at(2025, 4, 7, 2, 0), Start: at(2025, 4, 10, 2, 0), End: at(2025, 4, 10, 4, 0)}},
			},
			downtime: 0, excluded: 2 * time.Hour, meets: true,
		},
		{
			name: "time past the notified end is downtime", clause: "terms 3.2",
			p: policy(), span: apr,
			in: sla.Input{
				Outages: []sla.Outage{outage(at(2025, 4, 10, 2, 0), at(2025, 4, 10, 4, 30))},
				Windows: []sla.Window{{Kind: sla.Planned, Notified: at(2025, 4, 1, 9, 0), Start: at(2025, 4, 10, 2, 0), End: at(2025, 4, 10, 4, 0)}},
			},
			downtime: 30 * time.Minute, excluded: 2 * time.Hour, meets: true,
		},
		{
			name: "planned window with 71 hours 59 minutes' notice is downtime", clause: "terms 3.2",
			p: policy(), span: apr,
			in: sla.Input{
				Outages: []sla.Outage{outage(at(2025, 4, 10, 2, 0), at(2025, 4, 10, 4, 0))},
				Windows: []sla.Window{{Kind: sla.Planned, Notified: at(2025, 4, 7, 2, 1), Start: at(2025, 4, 10, 2, 0), End: at(2025, 4, 10, 4, 0)}},
			},
			downtime: 2 * time.Hour, meets: false,
		},
		{
			name: "72 hours across the spring DST change are 72 elapsed hours", clause: "terms 3.2",
			p: policy(), span: month(t, policy(), 2025, 3),
			in: sla.Input{
				Outages: []sla.Outage{outage(at(2025, 3, 31, 2, 0), at(2025, 3, 31, 3, 0))},
				// 28 March 02:00 CET to 31 March 02:00 CEST is 71 hours.
				Windows: []sla.Window{{Kind: sla.Planned, Notified: at(2025, 3, 28, 2, 0), Start: at(2025, 3, 31, 2, 0), End: at(2025, 3, 31, 3, 0)}},
			},
			downtime: time.Hour, meets: false,
		},
		{
			name: "calendar days: notice on Monday allows a window from Friday 00:00", clause: "terms 3.2, Reg. 1182/71 Art. 3(2)(b)",
			p: calendar, span: apr,
			in: sla.Input{
				Outages: []sla.Outage{outage(at(2025, 4, 11, 0, 0), at(2025, 4, 11, 1, 0))},
				Windows: []sla.Window{{Kind: sla.Planned, Notified: at(2025, 4, 7, 23, 0), Start: at(2025, 4, 11, 0, 0), End: at(2025, 4, 11, 1, 0)}},
			},
			downtime: 0, excluded: time.Hour, meets: true,
		},
		{
			name: "calendar days: notice on Monday does not allow Thursday 23:00 even after 72 hours", clause: "terms 3.2, Reg. 1182/71 Art. 3(2)(b)",
			p: calendar, span: apr,
			in: sla.Input{
				Outages: []sla.Outage{outage(at(2025, 4, 10, 23, 0), at(2025, 4, 11, 0, 0))},
				Windows: []sla.Window{{Kind: sla.Planned, Notified: at(2025, 4, 7, 9, 0), Start: at(2025, 4, 10, 23, 0), End: at(2025, 4, 11, 0, 0)}},
			},
			downtime: time.Hour, meets: false,
		},
		{
			name: "emergency service with 1 hour's notice is not downtime", clause: "terms 3.2",
			p: policy(), span: apr,
			in: sla.Input{
				Outages: []sla.Outage{outage(at(2025, 4, 10, 14, 0), at(2025, 4, 10, 14, 45))},
				Windows: []sla.Window{{Kind: sla.Emergency, Notified: at(2025, 4, 10, 13, 0), Start: at(2025, 4, 10, 14, 0), End: at(2025, 4, 10, 15, 0)}},
			},
			downtime: 0, excluded: 45 * time.Minute, meets: true,
		},
		{
			name: "emergency service with 59 minutes' notice is downtime", clause: "terms 3.2",
			p: policy(), span: apr,
			in: sla.Input{
				Outages: []sla.Outage{outage(at(2025, 4, 10, 14, 0), at(2025, 4, 10, 14, 45))},
				Windows: []sla.Window{{Kind: sla.Emergency, Notified: at(2025, 4, 10, 13, 1), Start: at(2025, 4, 10, 14, 0), End: at(2025, 4, 10, 15, 0)}},
			},
			downtime: 45 * time.Minute, meets: false,
		},
		{
			name: "force majeure needs no notice and is not downtime", clause: sla.RuleForceMajeure,
			p: policy(), span: apr,
			in: sla.Input{
				Outages: []sla.Outage{outage(at(2025, 4, 10, 14, 0), at(2025, 4, 10, 20, 0))},
				Windows: []sla.Window{{Kind: sla.ForceMajeure, Start: at(2025, 4, 10, 12, 0), End: at(2025, 4, 10, 18, 0)}},
			},
			downtime: 2 * time.Hour, excluded: 4 * time.Hour, meets: false,
		},
		{
			name: "whole minutes count a 10-second blip as a minute", clause: "granularity policy",
			p: minutes, span: apr,
			in:       sla.Input{Outages: []sla.Outage{outage(at(2025, 4, 2, 10, 0).Add(30*time.Second), at(2025, 4, 2, 10, 0).Add(40*time.Second))}},
			downtime: time.Minute, meets: true,
		},
		{
			name: "minimum period drops a 4-minute run", clause: "Google Cloud Downtime Period",
			p: google, span: apr,
			in:       sla.Input{Outages: []sla.Outage{outage(at(2025, 4, 2, 10, 0), at(2025, 4, 2, 10, 4))}},
			downtime: 0, meets: true,
		},
		{
			name: "minimum period keeps a 6-minute run made of two touching outages", clause: "Google Cloud Downtime Period",
			p: google, span: apr,
			in: sla.Input{Outages: []sla.Outage{
				outage(at(2025, 4, 2, 10, 0), at(2025, 4, 2, 10, 3)),
				outage(at(2025, 4, 2, 10, 3), at(2025, 4, 2, 10, 6)),
			}},
			downtime: 6 * time.Minute, meets: true,
		},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		if seen[tt.name] {
			t.Fatalf("duplicate row name %q", tt.name)
		}
		seen[tt.name] = true
		t.Run(tt.name, func(t *testing.T) {
			a, err := sla.Compute(tt.p, tt.span, tt.in)
			if err != nil {
				t.Fatalf("Compute (%s) error %v", tt.clause, err)
			}
			if a.Downtime.Std() != tt.downtime {
				t.Errorf("Compute (%s).Downtime = %v, want %v", tt.clause, a.Downtime.Std(), tt.downtime)
			}
			if a.Excluded.Std() != tt.excluded {
				t.Errorf("Compute (%s).Excluded = %v, want %v", tt.clause, a.Excluded.Std(), tt.excluded)
			}
			if got := a.Meets(tt.p.Target.Decimal()); got != tt.meets {
				t.Errorf("Compute (%s).Meets(%s) = %v, want %v (availability %s)", tt.clause, tt.p.Target, got, tt.meets, a.Percent(6))
			}
		})
	}
}

// TestAllowedDowntime checks worked allowances for terms 8.1.
func TestAllowedDowntime(t *testing.T) {
	tests := []struct {
		name   string
		target string
		agreed time.Duration
		want   time.Duration
	}{
		{"terms 8.1: 99.9 % of a 30-day month is 43 min 12 s", "99.9", 30 * 24 * time.Hour, 43*time.Minute + 12*time.Second},
		{"terms 8.1: 99.9 % of a 31-day month is 44 min 38.4 s", "99.9", 31 * 24 * time.Hour, 44*time.Minute + 38*time.Second + 400*time.Millisecond},
		{"terms 8.1: 99.9 % of March in Copenhagen (743 h) is 44 min 34.8 s", "99.9", 743 * time.Hour, 44*time.Minute + 34*time.Second + 800*time.Millisecond},
		{"100 % allows nothing", "100", 30 * 24 * time.Hour, 0},
		{"99.99 % of a 30-day month is 4 min 19.2 s", "99.99", 30 * 24 * time.Hour, 4*time.Minute + 19*time.Second + 200*time.Millisecond},
		{"a third of a nanosecond rounds down", "99.9", 1, 0},
	}
	for _, tt := range tests {
		got, err := sla.AllowedDowntime(dec(tt.target), tt.agreed)
		if err != nil || got != tt.want {
			t.Errorf("%s: AllowedDowntime(%s, %v) = %v, %v, want %v", tt.name, tt.target, tt.agreed, got, err, tt.want)
		}
	}
}

// TestBudget checks remaining budget for terms 8.1.
func TestBudget(t *testing.T) {
	p := policy()
	apr := month(t, p, 2025, 4)
	for _, tt := range []struct {
		name      string
		down      time.Duration
		remaining time.Duration
		exhausted bool
		consumed  string
	}{
		{"terms 8.1: 43 minutes leave 12 s", 43 * time.Minute, 12 * time.Second, false, "0.995370"},
		{"terms 8.1: 44 minutes overspend by 48 s", 44 * time.Minute, -48 * time.Second, true, "1.018518"},
		{"terms 8.1: nothing down leaves the whole budget", 0, 43*time.Minute + 12*time.Second, false, "0.000000"},
	} {
		in := sla.Input{}
		if tt.down > 0 {
			in.Outages = []sla.Outage{outage(at(2025, 4, 3, 0, 0), at(2025, 4, 3, 0, 0).Add(tt.down))}
		}
		a, err := sla.Compute(p, apr, in)
		if err != nil {
			t.Fatal(err)
		}
		b, err := a.Budget(p.Target.Decimal())
		if err != nil {
			t.Fatal(err)
		}
		if b.Remaining.Std() != tt.remaining || b.Exhausted != tt.exhausted || b.Consumed.String() != tt.consumed {
			t.Errorf("%s: Budget = remaining %v exhausted %v consumed %s, want %v %v %s", tt.name,
				b.Remaining.Std(), b.Exhausted, b.Consumed, tt.remaining, tt.exhausted, tt.consumed)
		}
	}
}

// TestDSTDays checks that days are cut in the agreement's zone and
// durations are elapsed time (terms 2.1; 2025-03-30 and 2025-10-26).
func TestDSTDays(t *testing.T) {
	p := policy()
	for _, tt := range []struct {
		name   string
		y      int
		m      time.Month
		d      int
		agreed time.Duration
		down   time.Duration
	}{
		{"spring change day has 23 hours; 01:30-03:30 is one elapsed hour", 2025, 3, 30, 23 * time.Hour, time.Hour},
		{"autumn change day has 25 hours; 01:30-03:30 is three elapsed hours", 2025, 10, 26, 25 * time.Hour, 3 * time.Hour},
	} {
		t.Run(tt.name, func(t *testing.T) {
			day := contract.MustDate(tt.y, tt.m, tt.d)
			span, err := p.Days(day, day.AddDays(1))
			if err != nil {
				t.Fatal(err)
			}
			in := sla.Input{Outages: []sla.Outage{outage(at(tt.y, tt.m, tt.d, 1, 30), at(tt.y, tt.m, tt.d, 3, 30))}}
			r, err := sla.NewReport(p, span, in)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Days) != 1 || r.Days[0].Date != day {
				t.Fatalf("NewReport days = %+v, want one day %s", r.Days, day)
			}
			got := r.Days[0].Availability
			if got.Agreed.Std() != tt.agreed || got.Downtime.Std() != tt.down {
				t.Errorf("day %s = agreed %v down %v, want %v %v", day, got.Agreed.Std(), got.Downtime.Std(), tt.agreed, tt.down)
			}
		})
	}
	mar := month(t, p, 2025, 3)
	oct := month(t, p, 2025, 10)
	if mar.Duration() != 743*time.Hour || oct.Duration() != 745*time.Hour {
		t.Errorf("March, October 2025 = %v, %v, want 743h, 745h", mar.Duration(), oct.Duration())
	}
}

// TestMissingData checks the three missing-data policies: never NaN.
func TestMissingData(t *testing.T) {
	apr := sla.Span{From: at(2025, 4, 1, 0, 0), To: at(2025, 5, 1, 0, 0)}
	in := sla.Input{
		Outages: []sla.Outage{outage(at(2025, 4, 2, 10, 0), at(2025, 4, 2, 10, 30))},
		Gaps:    []sla.Gap{{Start: at(2025, 4, 2, 10, 15), End: at(2025, 4, 2, 11, 15)}},
	}
	for _, tt := range []struct {
		name     string
		missing  sla.MissingData
		counted  time.Duration
		down     time.Duration
		coverage string
	}{
		{"exclude: the gap leaves both sides", sla.ExcludeMissing, 719 * time.Hour, 15 * time.Minute, "0.998611"},
		{"count up: the gap is available, the recorded outage still counts", sla.CountUp, 720 * time.Hour, 30 * time.Minute, "0.998611"},
		{"count down: the gap is downtime", sla.CountDown, 720 * time.Hour, 75 * time.Minute, "0.998611"},
	} {
		p := policy()
		p.Missing = tt.missing
		a, err := sla.Compute(p, apr, in)
		if err != nil {
			t.Fatal(err)
		}
		if a.Counted.Std() != tt.counted || a.Downtime.Std() != tt.down || a.Coverage().String() != tt.coverage || a.Unmeasured.Std() != time.Hour {
			t.Errorf("%s: Compute = counted %v down %v coverage %s unmeasured %v, want %v %v %s 1h",
				tt.name, a.Counted.Std(), a.Downtime.Std(), a.Coverage(), a.Unmeasured.Std(), tt.counted, tt.down, tt.coverage)
		}
	}
	// All data missing under exclude: availability 1, coverage 0, no NaN.
	p := policy()
	a, err := sla.Compute(p, apr, sla.Input{Gaps: []sla.Gap{{Start: apr.From, End: apr.To}}})
	if err != nil {
		t.Fatal(err)
	}
	if a.Percent(2).String() != "100" || a.Coverage().String() != "0.000000" {
		t.Errorf("no data: Percent = %s, Coverage = %s, want 100 and 0", a.Percent(2), a.Coverage())
	}
}

// TestBusinessHours checks agreed hours other than 24/7 (terms 2.1
// "unless otherwise agreed", terms 5 office hours).
func TestBusinessHours(t *testing.T) {
	hours, err := contract.NewBusinessHours(cph, contract.DanishHolidays(),
		contract.OpenOn(contract.MustClockTime(8, 0), contract.MustClockTime(16, 0),
			time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)...)
	if err != nil {
		t.Fatal(err)
	}
	p := policy()
	p.Hours = hours
	apr := month(t, p, 2025, 4)
	in := sla.Input{Outages: []sla.Outage{
		outage(at(2025, 4, 2, 15, 0), at(2025, 4, 2, 18, 0)),  // Wed: 1 h inside
		outage(at(2025, 4, 5, 9, 0), at(2025, 4, 5, 12, 0)),   // Saturday: none
		outage(at(2025, 4, 17, 9, 0), at(2025, 4, 17, 12, 0)), // Maundy Thursday: none
	}}
	a, err := sla.Compute(p, apr, in)
	if err != nil {
		t.Fatal(err)
	}
	// April 2025: 22 weekdays, minus Maundy Thursday, Good Friday and
	// Easter Monday = 19 days x 8 h.
	if a.Agreed.Std() != 152*time.Hour || a.Downtime.Std() != time.Hour {
		t.Errorf("Compute with office hours = agreed %v down %v, want 152h 1h", a.Agreed.Std(), a.Downtime.Std())
	}
	// A minimum downtime period is measured inside agreed hours: 15:57-16:05
	// is a 3-minute run when the office closes at 16:00.
	p.Granularity = sla.MinimumPeriod
	for _, tt := range []struct {
		run  time.Duration
		want time.Duration
	}{{5 * time.Minute, 0}, {3 * time.Minute, 3 * time.Minute}} {
		p.MinimumRun = contract.Duration(tt.run)
		a, err := sla.Compute(p, apr, sla.Input{Outages: []sla.Outage{outage(at(2025, 4, 2, 15, 57), at(2025, 4, 2, 16, 5))}})
		if err != nil || a.Downtime.Std() != tt.want {
			t.Errorf("Compute with office hours and minimum run %v = %v, %v, want %v", tt.run, a.Downtime.Std(), err, tt.want)
		}
	}
}

// TestBadInput checks that every problem is reported at once with its
// field path and sentinel; nothing is dropped silently.
func TestBadInput(t *testing.T) {
	p := policy()
	p.Target = contract.Dec(dec("100.1"))
	apr := month(t, policy(), 2025, 4)
	in := sla.Input{
		Outages: []sla.Outage{
			outage(at(2025, 4, 2, 10, 0), at(2025, 4, 2, 10, 30)),
			outage(at(2025, 4, 2, 10, 0), at(2025, 4, 2, 9, 0)),
		},
		Windows: []sla.Window{{Kind: sla.Planned, Notified: at(2025, 4, 10, 3, 0), Start: at(2025, 4, 10, 2, 0), End: at(2025, 4, 10, 4, 0)}},
		Gaps:    []sla.Gap{{Start: at(2025, 4, 2, 10, 0)}},
	}
	_, err := sla.Compute(p, apr, in)
	var ve *contract.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Compute error = %v, want *contract.ValidationError", err)
	}
	want := []contract.Problem{
		{Path: "policy.target", Rule: "dlte", Param: "100", Message: "must be at most 100"},
		{Path: "outages[1].end", Rule: "gtefield", Param: "start", Message: "must be at least start"},
		{Path: "windows[0].notified", Rule: "ltefield", Param: "start", Message: "must be at most start"},
		{Path: "gaps[0].end", Rule: "required", Message: "is required"},
	}
	if d := cmp.Diff(want, ve.Problems); d != "" {
		t.Errorf("Compute problems (-want +got):\n%s", d)
	}
	for _, s := range []error{sla.ErrInvalidTarget, sla.ErrInvalidOutage, sla.ErrInvalidWindow, sla.ErrInvalidGap} {
		if !errors.Is(err, s) {
			t.Errorf("errors.Is(err, %v) = false, want true", s)
		}
	}
	for _, tt := range []struct {
		name string
		p    func(*sla.Policy)
		want error
	}{
		{"zero target", func(p *sla.Policy) { p.Target = contract.Dec(decimal.Zero) }, sla.ErrInvalidTarget},
		{"weight above 1", func(p *sla.Policy) { p.Weights = sla.Weights{Unavailable: contract.Dec(dec("1.5"))} }, sla.ErrInvalidPolicy},
		{"weight with 7 decimals", func(p *sla.Policy) { p.Weights = sla.Weights{Unavailable: contract.Dec(dec("0.1234567"))} }, sla.ErrInvalidPolicy},
		{"partial above unavailable", func(p *sla.Policy) {
			p.Weights = sla.Weights{Unavailable: contract.Dec(dec("0.5")), Partial: contract.Dec(dec("0.6"))}
		}, sla.ErrInvalidPolicy},
		{"minimum period without a run", func(p *sla.Policy) { p.Granularity = sla.MinimumPeriod }, sla.ErrInvalidPolicy},
		{"calendar days with 60 hours", func(p *sla.Policy) { p.Notice = sla.CalendarDays; p.PlannedNotice = contract.Hours(60) }, sla.ErrInvalidPolicy},
		{"unknown granularity", func(p *sla.Policy) { p.Granularity = 9 }, sla.ErrInvalidPolicy},
	} {
		q := policy()
		tt.p(&q)
		if _, err := sla.Compute(q, apr, sla.Input{}); !errors.Is(err, tt.want) {
			t.Errorf("%s: Compute error = %v, want %v", tt.name, err, tt.want)
		}
	}
	if _, err := sla.Compute(policy(), sla.Span{From: apr.To, To: apr.From}, sla.Input{}); !errors.Is(err, sla.ErrInvalidSpan) {
		t.Errorf("reversed span: Compute error = %v, want ErrInvalidSpan", err)
	}
	if _, err := sla.Compute(policy(), apr, sla.Input{Outages: []sla.Outage{{Start: time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC)}}}); !errors.Is(err, sla.ErrInvalidOutage) {
		t.Errorf("outage in 1800: Compute error = %v, want ErrInvalidOutage", err)
	}
}

// TestInputJSON checks that an input survives JSON with its enums as text.
func TestInputJSON(t *testing.T) {
	in := sla.Input{
		Outages: []sla.Outage{{ID: "INC-1", Component: "api", Impact: sla.Partial, Start: at(2025, 4, 2, 10, 0)}},
		Windows: []sla.Window{{Kind: sla.Emergency, Notified: at(2025, 4, 2, 8, 0), Start: at(2025, 4, 2, 9, 0), End: at(2025, 4, 2, 9, 30)}},
		Gaps:    []sla.Gap{{Start: at(2025, 4, 2, 11, 0), End: at(2025, 4, 2, 11, 5)}},
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"outages":[{"id":"INC-1","component":"api","impact":"partial","start":"2025-04-02T10:00:00+02:00"}],` +
		`"windows":[{"kind":"emergency","notified":"2025-04-02T08:00:00+02:00","start":"2025-04-02T09:00:00+02:00","end":"2025-04-02T09:30:00+02:00"}],` +
		`"gaps":[{"start":"2025-04-02T11:00:00+02:00","end":"2025-04-02T11:05:00+02:00"}]}`
	if string(b) != want {
		t.Errorf("json.Marshal(input) = %s, want %s", b, want)
	}
	var back sla.Input
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	p := policy()
	apr := month(t, p, 2025, 4)
	a1, err1 := sla.Compute(p, apr, in)
	a2, err2 := sla.Compute(p, apr, back)
	if err1 != nil || err2 != nil || a1.Downtime.Std() != a2.Downtime.Std() || a1.Excluded.Std() != a2.Excluded.Std() {
		t.Errorf("Compute after a JSON round trip = %v, %v, want %v", a2.Downtime.Std(), err2, a1.Downtime.Std())
	}
	if err := json.Unmarshal([]byte(`{"outages":[{"impact":"down"}]}`), &back); !errors.Is(err, sla.ErrInvalidPolicy) {
		t.Errorf("json.Unmarshal(impact down) error = %v, want ErrInvalidPolicy", err)
	}
}

// TestInputUntouched checks that Compute neither reorders the caller's
// outages nor depends on their order.
func TestInputUntouched(t *testing.T) {
	p := policy()
	apr := month(t, p, 2025, 4)
	in := sampleInput()
	before := slices.Clone(in.Outages)
	a, err := sla.Compute(p, apr, in)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(before, in.Outages) {
		t.Errorf("Compute reordered its input")
	}
	slices.Reverse(in.Outages)
	b, err := sla.Compute(p, apr, in)
	if err != nil {
		t.Fatal(err)
	}
	if a.Downtime.Std() != b.Downtime.Std() || a.Ratio().Cmp(b.Ratio()) != 0 {
		t.Errorf("Compute on reversed outages = %v, want %v", b.Downtime.Std(), a.Downtime.Std())
	}
}
