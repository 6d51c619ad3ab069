package sla_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/sla"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func sampleInput() sla.Input {
	return sla.Input{
		Outages: []sla.Outage{
			{ID: "INC-1", Component: "api", Cause: "deploy", Start: at(2025, 4, 3, 10, 0), End: at(2025, 4, 3, 10, 30)},
			{ID: "INC-2", Component: "database", Cause: "network", Start: at(2025, 4, 3, 10, 15), End: at(2025, 4, 3, 10, 45)},
			{ID: "MAINT-1", Component: "api", Cause: "maintenance", Start: at(2025, 4, 12, 2, 0), End: at(2025, 4, 12, 4, 20)},
			{ID: "INC-3", Component: "api", Cause: "network", Impact: sla.Partial, Start: at(2025, 4, 20, 9, 0), End: at(2025, 4, 20, 12, 0)},
			{ID: "INC-4", Component: "database", Cause: "deploy", Start: at(2025, 4, 28, 13, 0), End: at(2025, 4, 28, 13, 50)},
		},
		Windows: []sla.Window{
			{ID: "W-1", Kind: sla.Planned, Notified: at(2025, 4, 7, 12, 0), Start: at(2025, 4, 12, 2, 0), End: at(2025, 4, 12, 4, 0)},
			{ID: "W-2", Kind: sla.Planned, Notified: at(2025, 4, 26, 12, 0), Start: at(2025, 4, 28, 13, 0), End: at(2025, 4, 28, 14, 0)},
		},
	}
}

// TestReport checks a month's report: totals, breakdowns, window
// decisions with reasons and the daily timeline (terms 2.1, 3.2, 8.1).
func TestReport(t *testing.T) {
	p := policy()
	apr := month(t, p, 2025, 4)
	r, err := sla.NewReport(p, apr, sampleInput())
	if err != nil {
		t.Fatal(err)
	}
	// 45 min (INC-1/INC-2 merged) + 20 min past W-1's end + 50 min
	// (W-2 had 49 hours' notice) = 115 min.
	if r.Availability.Downtime.Std() != 115*time.Minute || r.Met || r.Availability.Excluded.Std() != 2*time.Hour {
		t.Errorf("NewReport = down %v excluded %v met %v, want 1h55m 2h false", r.Availability.Downtime.Std(), r.Availability.Excluded, r.Met)
	}
	if got, want := r.Decision.String(), "availability 99.733% is below the target of 99.9% (terms 8.1; terms 2.1; terms 3.2)"; got != want {
		t.Errorf("Decision = %q, want %q", got, want)
	}
	type row struct {
		Name string
		Down time.Duration
	}
	var comps, causes []row
	for _, b := range r.ByComponent {
		comps = append(comps, row{b.Name, b.Availability.Downtime.Std()})
	}
	for _, b := range r.ByCause {
		causes = append(causes, row{b.Name, b.Availability.Downtime.Std()})
	}
	if d := cmp.Diff([]row{{"api", 50 * time.Minute}, {"database", 80 * time.Minute}}, comps); d != "" {
		t.Errorf("ByComponent (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]row{{"deploy", 80 * time.Minute}, {"maintenance", 20 * time.Minute}, {"network", 30 * time.Minute}}, causes); d != "" {
		t.Errorf("ByCause (-want +got):\n%s", d)
	}
	if r.Decision.Rule != sla.RuleAvailability || r.Decision.Allowed {
		t.Errorf("Decision = rule %q allowed %v, want %q false", r.Decision.Rule, r.Decision.Allowed, sla.RuleAvailability)
	}
	if len(r.Windows) != 2 {
		t.Fatalf("Windows = %d, want 2", len(r.Windows))
	}
	w1, w2 := r.Windows[0], r.Windows[1]
	if w1.Decision.Rule != sla.RuleServiceWindow || !w1.Decision.Allowed || w2.Decision.Allowed {
		t.Errorf("window decisions = %q %v, %v, want %q true, false", w1.Decision.Rule, w1.Decision.Allowed, w2.Decision.Allowed, sla.RuleServiceWindow)
	}
	if !w1.Excluded || w1.Notice.Std() != 110*time.Hour || w1.Downtime.Std() != 2*time.Hour {
		t.Errorf("W-1 = excluded %v notice %v downtime %v, want true 110h 2h", w1.Excluded, w1.Notice.Std(), w1.Downtime.Std())
	}
	if got, want := w1.Decision.String(), "planned service window notified PT110H before its start; PT72H required, so it is not downtime (terms 3.2; terms 2.1)"; got != want {
		t.Errorf("W-1 decision = %q, want %q", got, want)
	}
	if got, want := w2.Decision.Reason.In(language.Danish), "planlagt servicevindue varslet kun PT49H før start; PT72H kræves, så det tæller som nedetid"; w2.Excluded || got != want {
		t.Errorf("W-2 = excluded %v, Danish reason %q, want false, %q", w2.Excluded, got, want)
	}
	if len(r.Days) != 30 {
		t.Fatalf("Days = %d, want 30", len(r.Days))
	}
	d3 := r.Days[2]
	if d3.Date != contract.MustDate(2025, 4, 3) || d3.Availability.Downtime.Std() != 45*time.Minute || d3.Availability.Agreed.Std() != 24*time.Hour || d3.Met {
		t.Errorf("Days[2] = %s down %v agreed %v met %v, want 2025-04-03 45m 24h false", d3.Date, d3.Availability.Downtime.Std(), d3.Availability.Agreed.Std(), d3.Met)
	}
	if d12 := r.Days[11]; d12.Availability.Excluded.Std() != 2*time.Hour || d12.Availability.Downtime.Std() != 20*time.Minute {
		t.Errorf("Days[11] = excluded %v down %v, want 2h 20m", d12.Availability.Excluded, d12.Availability.Downtime.Std())
	}
	var sum time.Duration
	for _, d := range r.Days {
		sum += d.Availability.Downtime.Std()
	}
	if sum != r.Availability.Downtime.Std() {
		t.Errorf("sum of daily downtime = %v, want the month's %v", sum, r.Availability.Downtime.Std())
	}
}

// TestReportQuarterAndRolling checks the other report periods.
func TestReportQuarterAndRolling(t *testing.T) {
	p := policy()
	q2, err := p.Quarter(2025, 2)
	if err != nil {
		t.Fatal(err)
	}
	r, err := sla.NewReport(p, q2, sampleInput())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Days) != 91 || r.Availability.Agreed.Std() != 91*24*time.Hour || r.Availability.Downtime.Std() != 115*time.Minute || !r.Met {
		t.Errorf("Q2 report = %d days, agreed %v, down %v, met %v, want 91, 2184h, 1h55m, true",
			len(r.Days), r.Availability.Agreed.Std(), r.Availability.Downtime.Std(), r.Met)
	}
	roll := sla.Rolling(at(2025, 4, 4, 12, 0), 7*24*time.Hour)
	r, err = sla.NewReport(p, roll, sampleInput())
	if err != nil {
		t.Fatal(err)
	}
	// 2025-03-28 12:00 to 2025-04-04 12:00 spans 8 calendar days, partial at both ends;
	// 168 elapsed hours run from 11:00 CET on 28 March, across the summer-time change.
	if len(r.Days) != 8 || r.Availability.Agreed.Std() != 168*time.Hour || r.Availability.Downtime.Std() != 45*time.Minute {
		t.Errorf("rolling week = %d days, agreed %v, down %v, want 8, 168h, 45m", len(r.Days), r.Availability.Agreed.Std(), r.Availability.Downtime.Std())
	}
	if _, err := p.Quarter(2025, 5); err == nil {
		t.Errorf("Quarter(2025, 5) error = nil, want ErrInvalidSpan")
	}
}

// TestSVGGolden compares the uptime bar with testdata/april.svg; run with
// -update to rewrite it.
func TestSVGGolden(t *testing.T) {
	p := policy()
	apr := month(t, p, 2025, 4)
	in := sampleInput()
	in.Outages = append(in.Outages,
		sla.Outage{Component: "api", Start: at(2025, 4, 15, 8, 0), End: at(2025, 4, 15, 9, 0)},
		sla.Outage{Component: "api", Start: at(2025, 4, 22, 8, 0), End: at(2025, 4, 22, 8, 5)}) // amber: 99.65 %
	in.Gaps = []sla.Gap{{Start: at(2025, 4, 30, 0, 0), End: at(2025, 5, 1, 0, 0)}}
	r, err := sla.NewReport(p, apr, in)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := sla.WriteSVG(&buf, r, sla.SVGOptions{}); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "april.svg")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := cmp.Diff(string(want), buf.String()); d != "" {
		t.Errorf("WriteSVG mismatch (-want +got):\n%s", d)
	}
}
