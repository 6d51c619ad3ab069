package contracttest_test

import (
	"testing"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/contract/contracttest"
)

// TestBoundariesOpenDIMS runs every generated boundary scenario of the
// OpenDIMS terms (terms 3.2, 9.3, 12.2, 14.3, 15.3, 17.2, 17.3, 19.2, 19.5) over
// 2025-2031, each step a subtest.
func TestBoundariesOpenDIMS(t *testing.T) {
	ss := contracttest.Boundaries(contract.OpenDIMSTerms(), contracttest.DanishHolidays(), 2025, 2031)
	steps := 0
	for _, s := range ss {
		steps += len(s.Steps)
		t.Run(s.Name, func(t *testing.T) { contracttest.Run(t, s) })
	}
	if len(ss) != 11 || steps < 7000 {
		t.Errorf("generated %d scenarios with %d steps, want 11 with at least 7,000", len(ss), steps)
	}
	t.Logf("%d scenarios, %d steps", len(ss), steps)
}

// failures counts the failing steps of the OpenDIMS boundary scenarios
// when they run under terms.
func failures(ss []contracttest.Scenario, terms contract.Terms) (failed int, clauses map[string]int) {
	clauses = map[string]int{}
	for _, s := range ss {
		for _, r := range contracttest.CheckWith(s, terms) {
			if !r.Pass {
				failed++
				clauses[s.Clause]++
			}
		}
	}
	return failed, clauses
}

// TestBoundariesCatchMutations checks that the generated scenarios can
// fail: a cure period off by one day (terms 17.3), a remedy period off by
// one (terms 15.3), a notice period off by one month (terms 12.2, 17.2), a
// force majeure limit off by one (terms 14.3) and a holiday moved -- each
// breaks steps of the clause it changes.
func TestBoundariesCatchMutations(t *testing.T) {
	base := contract.OpenDIMSTerms()
	ss := contracttest.Boundaries(base, contracttest.DanishHolidays(), 2025, 2031)
	if n, _ := failures(ss, base); n != 0 {
		t.Fatalf("%d steps fail under the terms they were generated from", n)
	}
	movedHoliday := base
	movedHoliday.Counter.Calendar = contract.DanishHolidays().WithClosedDates("moved holiday", contract.MustParseDate("2026-04-08"))
	tests := []struct {
		name   string
		mutate func(*contract.Terms)
		clause string
	}{
		{"terms 17.3 cure period of 15 days", func(t *contract.Terms) { t.CurePeriod = contract.Days(15) }, "terms 17.3"},
		{"terms 17.3 cure period of 13 days", func(t *contract.Terms) { t.CurePeriod = contract.Days(13) }, "terms 17.3"},
		{"terms 15.3 remedy period of 11 days", func(t *contract.Terms) { t.DefectRemedyPeriod = contract.Days(11) }, "terms 15.3"},
		{"terms 14.3 force majeure limit of 31 days", func(t *contract.Terms) { t.ForceMajeureLimit = contract.Days(31) }, "terms 14.3"},
		{"terms 12.2 price notice of 3 months", func(t *contract.Terms) { t.PriceChangeNotice = contract.Months(3) }, "terms 12.2"},
		{"terms 17.2 customer notice of 2 months", func(t *contract.Terms) { t.CustomerNotice = contract.Months(2) }, "terms 17.2"},
		{"terms 9.3 confidentiality of 4 years", func(t *contract.Terms) { t.Confidentiality = contract.Years(4) }, "terms 9.3"},
		{"terms 3.2 window notice of 71 hours", func(t *contract.Terms) { t.ServiceWindowNotice = contract.Hours(71) }, "terms 3.2"},
		{"terms 17.3 a holiday moved to Wednesday after Easter 2026", func(t *contract.Terms) { *t = movedHoliday }, "terms 17.3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := base
			tt.mutate(&m)
			n, clauses := failures(ss, m)
			if clauses[tt.clause] == 0 {
				t.Errorf("no step of %s fails (%d in all: %v)", tt.clause, n, clauses)
			}
		})
	}
}
