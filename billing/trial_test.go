package billing

import (
	"errors"
	"slices"
	"testing"

	"github.com/pimkit/pimkit/contract"
)

func withTrial(p Plan, trial contract.Period, notice int) Plan {
	p.Trial = &Trial{Length: trial, NoticeDays: notice}
	return p
}

// TestTrial follows a 14-day trial: nothing charged during it (terms 19.1
// charges from the start of a paid period), a dated notice before it
// converts, and the conversion to the paid plan or, when chosen during
// the trial, to the free plan (terms 19.6).
func TestTrial(t *testing.T) {
	p := withTrial(planBasic, contract.Days(14), 3)
	s, evs, err := Subscribe("s", p, day("2025-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	if got := kindNames(evs); !slices.Equal(got, []string{"created", "trial_started", "trial_ending"}) {
		t.Fatalf("Subscribe() events = %v, want created, trial_started, trial_ending and no charge", got)
	}
	if n := evs[2]; n.Date != day("2025-03-12") || n.Plan != "basic" || !n.Amount.Equal(dkk("24.95")) {
		t.Errorf("notice = %s for %s at %s, want 2025-03-12 (3 days before 2025-03-15) for basic at 24.95", n.Date, n.Plan, n.Amount)
	}
	if s.TrialEnds != day("2025-03-15") {
		t.Errorf("TrialEnds = %s, want 2025-03-15 (2025-03-01 + P14D)", s.TrialEnds)
	}

	// During the trial a renewal charges nothing.
	same, evs, err := s.Renew(day("2025-03-14"))
	if err != nil || len(evs) != 0 || same.TrialEnds != s.TrialEnds {
		t.Fatalf("Renew(2025-03-14) in the trial = %v, %v", kindNames(evs), err)
	}

	t.Run("terms 19.1: converts to the paid plan, charged from the trial's end", func(t *testing.T) {
		next, evs, err := s.Renew(day("2025-03-15"))
		if err != nil {
			t.Fatal(err)
		}
		if got := kindNames(evs); !slices.Equal(got, []string{"trial_converted", "charged"}) {
			t.Fatalf("events = %v", got)
		}
		if c := evs[1]; c.PeriodStart != day("2025-03-15") || c.PeriodEnd != day("2025-04-15") || !c.Amount.Equal(dkk("24.95")) {
			t.Errorf("charge %s .. %s %s, want 2025-03-15 .. 2025-04-15 24.95", c.PeriodStart, c.PeriodEnd, c.Amount)
		}
		if !next.TrialEnds.IsZero() {
			t.Errorf("TrialEnds = %s after conversion, want zero", next.TrialEnds)
		}
		// And renews monthly from there.
		_, evs, err = next.Renew(day("2025-04-15"))
		if err != nil || len(evs) != 2 || evs[1].Kind != Charged || evs[1].PeriodStart != day("2025-04-15") {
			t.Errorf("next renewal = %v, %v", kindNames(evs), err)
		}
	})
	t.Run("terms 19.6: switched to the free plan during the trial, converts to it, nothing charged", func(t *testing.T) {
		next, evs, err := s.ChangePlan(planFree, day("2025-03-05"))
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 1 || evs[0].Kind != ChangeScheduled || evs[0].Date != day("2025-03-15") {
			t.Fatalf("ChangePlan(free) in the trial = %v", kindNames(evs))
		}
		if n, ok := next.TrialNotice(day("2025-03-05")); !ok || n.Plan != "free" || !n.Amount.IsZero() {
			t.Errorf("updated notice names %s at %s, want the free plan", n.Plan, n.Amount)
		}
		conv, evs, err := next.Renew(day("2025-03-20"))
		if err != nil {
			t.Fatal(err)
		}
		if got := kindNames(evs); !slices.Equal(got, []string{"trial_converted"}) || conv.Plan.ID != "free" {
			t.Errorf("conversion = %v on plan %s, want trial_converted to free, no charge", got, conv.Plan.ID)
		}
	})
	t.Run("a change after the trial ended needs a renewal first", func(t *testing.T) {
		_, _, err := s.ChangePlan(planPro, day("2025-03-15"))
		if !errors.Is(err, ErrInvalid) || !hasProblem(err, "on", "lte") {
			t.Errorf("ChangePlan on the conversion day = %v, want on lte", err)
		}
	})
}

// TestTrialMonthEnd: a trial of one month from 2025-01-31 ends on
// 2025-02-28, as contract periods count (not 2025-03-03, as AddDate
// would), and a notice of 7 days is dated 2025-02-21.
func TestTrialMonthEnd(t *testing.T) {
	s, evs, err := Subscribe("s", withTrial(planBasic, contract.Months(1), 7), day("2025-01-31"))
	if err != nil {
		t.Fatal(err)
	}
	if s.TrialEnds != day("2025-02-28") || evs[2].Date != day("2025-02-21") {
		t.Errorf("trial ends %s, notice %s; want 2025-02-28, 2025-02-21", s.TrialEnds, evs[2].Date)
	}
}

func TestTrialTags(t *testing.T) {
	tests := []struct {
		name, path, rule string
		p                Plan
	}{
		{"validate tag: notice days not negative", "trial.notice_days", "gte", withTrial(planBasic, contract.Days(14), -1)},
		{"a free plan has no trial", "trial", "excluded_with", withTrial(planFree, contract.Days(14), 0)},
		{"a trial is not negative", "trial.length", "gt", withTrial(planBasic, contract.Days(-14), 0)},
		{"a trial is not empty", "trial.length", "gt", withTrial(planBasic, contract.Period{}, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.p.Validate(); !hasProblem(err, tt.path, tt.rule) {
				t.Errorf("Validate() = %v, want %s %s", err, tt.path, tt.rule)
			}
		})
	}
}

func kindNames(evs []Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Kind.String())
	}
	return out
}
