package sla_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/sla"
	"golang.org/x/text/currency"
)

// TestWorkbookRules checks the SRE workbook's alert table and its scaling
// to other SLO periods.
func TestWorkbookRules(t *testing.T) {
	got := sla.WorkbookRules(30 * 24 * time.Hour)
	want := []struct {
		long, short time.Duration
		factor      string
		sev         sla.Severity
	}{
		{time.Hour, 5 * time.Minute, "14.4", sla.Page},
		{6 * time.Hour, 30 * time.Minute, "6", sla.Page},
		{24 * time.Hour, 2 * time.Hour, "3", sla.Ticket},
		{72 * time.Hour, 6 * time.Hour, "1", sla.Ticket},
	}
	for i, w := range want {
		g := got[i]
		if g.Long.Std() != w.long || g.Short.Std() != w.short || g.Factor.String() != w.factor || g.Severity != w.sev {
			t.Errorf("SRE workbook rule %d = %+v, want %+v", i, g, w)
		}
	}
	r28 := sla.WorkbookRules(28 * 24 * time.Hour)[0]
	if r28.Long.Std() != 56*time.Minute || r28.Short.Std() != 4*time.Minute+40*time.Second {
		t.Errorf("WorkbookRules(28d)[0] = %v/%v, want 56m/4m40s", r28.Long.Std(), r28.Short.Std())
	}
}

// TestEvaluateBurn checks the multi-window conditions: a 10-minute
// outage that ended 30 minutes ago no longer pages, but still tickets.
func TestEvaluateBurn(t *testing.T) {
	p := policy()
	now := at(2025, 4, 10, 12, 0)
	in := sla.Input{Outages: []sla.Outage{outage(now.Add(-40*time.Minute), now.Add(-30*time.Minute))}}
	alerts, err := sla.EvaluateBurn(p, in, now, sla.WorkbookRules(30*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Long, Short string
		Firing      bool
	}
	var got []row
	for _, a := range alerts {
		got = append(got, row{a.LongBurn.Decimal(2).String(), a.ShortBurn.Decimal(2).String(), a.Firing})
	}
	want := []row{
		{"166.66", "0", false}, // 1h/5m @14.4: the short window is clear
		{"27.77", "0", false},  // 6h/30m @6: the outage ended exactly 30 min ago
		{"6.94", "83.33", true},
		{"2.31", "27.77", true},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("EvaluateBurn (-want +got):\n%s", d)
	}
	// Burn exactly at the factor does not fire (strict, as in the workbook).
	a, err := sla.Compute(p, sla.Rolling(now, time.Hour), sla.Input{Outages: []sla.Outage{outage(now.Add(-time.Hour), now.Add(-time.Hour+51840*time.Millisecond))}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := a.BurnRate(p.Target.Decimal())
	if err != nil || b.CmpDecimal(dec("14.4")) != 0 {
		t.Errorf("BurnRate of 51.84 s in 1 h at 99.9 %% = %s, %v, want exactly 14.4", b, err)
	}
	p.Target = contract.Dec(dec("100"))
	if _, err := sla.EvaluateBurn(p, in, now, sla.WorkbookRules(0)); !errors.Is(err, sla.ErrInvalidTarget) {
		t.Errorf("EvaluateBurn at 100 %% error = %v, want ErrInvalidTarget", err)
	}
}

// downFor returns April 2025 (30 days, 720 h) with d of downtime.
func downFor(t *testing.T, d time.Duration) sla.Availability {
	t.Helper()
	p := policy()
	in := sla.Input{}
	if d > 0 {
		in.Outages = []sla.Outage{outage(at(2025, 4, 2, 0, 0), at(2025, 4, 2, 0, 0).Add(d))}
	}
	a, err := sla.Compute(p, month(t, p, 2025, 4), in)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestCreditTiers checks half-open, exactly compared tiers (offer
// document credits under terms 8.1).
func TestCreditTiers(t *testing.T) {
	tiers := sla.CommonCreditTiers()
	fee := contract.MustParseMoney("1000", currency.DKK)
	for _, tt := range []struct {
		name string
		down time.Duration
		want string
	}{
		{"exactly 99.9 % earns nothing", 43*time.Minute + 12*time.Second, "0.00"},
		{"one nanosecond below 99.9 % earns 10 %", 43*time.Minute + 12*time.Second + 1, "100.00"},
		{"exactly 99.0 % earns 10 %", 432 * time.Minute, "100.00"},
		{"just below 99.0 % earns 25 %", 432*time.Minute + time.Second, "250.00"},
		{"exactly 95 % earns 25 %", 36 * time.Hour, "250.00"},
		{"below 95 % earns 100 %", 36*time.Hour + time.Second, "1000.00"},
	} {
		p, err := tiers.Penalty(downFor(t, tt.down), fee)
		if err != nil {
			t.Fatal(err)
		}
		if p.Amount.Text() != tt.want || p.Earned != (tt.want != "0.00") {
			t.Errorf("%s: Penalty = %s (earned %v), want %s", tt.name, p.Amount.Text(), p.Earned, tt.want)
		}
	}
	p, _ := tiers.Penalty(downFor(t, 432*time.Minute+time.Second), fee)
	if got, want := p.Decision.String(), "availability 98.999% is below 99%, a credit of 25% of the monthly fee (terms 8.1; terms 15.1)"; got != want {
		t.Errorf("Penalty decision = %q, want %q", got, want)
	}
	if p.Decision.Rule != sla.RuleCredit || !p.Decision.Allowed {
		t.Errorf("Penalty decision rule = %q allowed %v, want %q true", p.Decision.Rule, p.Decision.Allowed, sla.RuleCredit)
	}
	if p.Event != "availability 2025-04-01/2025-05-01" {
		t.Errorf("Penalty event = %q", p.Event)
	}
	var none sla.CreditTiers
	if p, _ := none.Penalty(downFor(t, 36*time.Hour), fee); p.Earned {
		t.Errorf("standard terms (no tiers) earned %s, want nothing", p.Amount)
	}
	bad := sla.CreditTiers{{Below: contract.Dec(dec("99")), Credit: contract.Dec(dec("0.1"))}, {Below: contract.Dec(dec("99.5")), Credit: contract.Dec(dec("1.5"))}}
	var ve *contract.ValidationError
	if err := bad.Validate(); !errors.As(err, &ve) || len(ve.Problems) != 2 || !errors.Is(err, sla.ErrInvalidCredit) ||
		!ve.Has("tiers[1].below", "ltfield") || !ve.Has("tiers[1].credit", "dlte") {
		t.Errorf("Validate(bad tiers) = %v, want tiers[1].below ltfield and tiers[1].credit dlte wrapping ErrInvalidCredit", err)
	}
}

// TestSettle checks penalties against the liability caps of terms 15.1.
func TestSettle(t *testing.T) {
	tiers := sla.CommonCreditTiers()
	fee := contract.MustParseMoney("1000", currency.DKK)
	var penalties []sla.Penalty
	p := policy()
	for m := time.January; m <= time.April; m++ {
		span := month(t, p, 2025, m)
		a, err := sla.Compute(p, span, sla.Input{Outages: []sla.Outage{outage(span.From, span.From.Add(48*time.Hour))}})
		if err != nil {
			t.Fatal(err)
		}
		pen, err := tiers.Penalty(a, fee)
		if err != nil {
			t.Fatal(err)
		}
		penalties = append(penalties, pen)
	}
	direct := contract.Claim{Event: penalties[0].Event, Kind: contract.DirectLoss, Amount: contract.MustParseMoney("500", currency.DKK)}
	s, err := sla.Settle(contract.OpenDIMSTerms(), fee, penalties, direct)
	if err != nil {
		t.Fatal(err)
	}
	if s.Payable.Text() != "3000.00" || s.Claimed.Text() != "4500.00" {
		t.Errorf("Settle = payable %s of %s claimed, want 3000.00 of 4500.00", s.Payable, s.Claimed)
	}
	if got := s.Lines[4].CutByEventCap.Text(); got != "500.00" {
		t.Errorf("direct loss in January's event cut by the event cap = %s, want 500.00 (terms 15.1)", got)
	}
	if got := s.Lines[3].CutByTotalCap.Text(); got != "1000.00" {
		t.Errorf("April's penalty cut by the total cap = %s, want 1000.00 (terms 15.1)", got)
	}
}
