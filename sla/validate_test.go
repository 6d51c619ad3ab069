package sla_test

import (
	"errors"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/sla"
)

// TestValidateTags checks, for every type a host fills in that carries
// validate tags, that a broken field comes back as a
// *contract.ValidationError naming its JSON path and rule, wrapping the
// package's sentinel for that kind of problem.
func TestValidateTags(t *testing.T) {
	apr := month(t, policy(), 2025, time.April)
	start := at(2025, 4, 2, 10, 0)
	compute := func(p sla.Policy, in sla.Input) error {
		_, err := sla.Compute(p, apr, in)
		return err
	}
	withPolicy := func(f func(*sla.Policy)) sla.Policy {
		p := policy()
		f(&p)
		return p
	}
	tests := []struct {
		typ        string
		clause     string
		err        error
		path, rule string
		kind       error
	}{
		{"Policy", "terms 8.1: the target is a percentage in (0, 100]",
			compute(withPolicy(func(p *sla.Policy) { p.Target = contract.Dec(dec("100.5")) }), sla.Input{}),
			"policy.target", "dlte", sla.ErrInvalidTarget},
		{"Policy", "terms 3.2: notice is not negative",
			compute(withPolicy(func(p *sla.Policy) { p.PlannedNotice = -contract.Hours(1) }), sla.Input{}),
			"policy.planned_notice", "gte", sla.ErrInvalidPolicy},
		{"Policy", "terms 8.1: a policy on its own",
			withPolicy(func(p *sla.Policy) { p.Target = contract.Dec(dec("0")) }).Validate(),
			"target", "dgt", sla.ErrInvalidTarget},
		{"Weights", "terms 2.1: a weight is a fraction in [0, 1]",
			compute(withPolicy(func(p *sla.Policy) {
				p.Weights = sla.Weights{Unavailable: contract.Dec(dec("1")), Partial: contract.Dec(dec("1.2"))}
			}), sla.Input{}),
			"policy.weights.partial", "dlte", sla.ErrInvalidPolicy},
		{"Outage", "terms 2.1: an outage has a start",
			sla.Input{Outages: []sla.Outage{{End: start}}}.Validate(),
			"outages[0].start", "required", sla.ErrInvalidOutage},
		{"Window", "terms 3.2: a service window has an end",
			sla.Input{Windows: []sla.Window{{Kind: sla.ForceMajeure, Start: start}}}.Validate(),
			"windows[0].end", "required", sla.ErrInvalidWindow},
		{"Window", "terms 3.2: a window on its own",
			sla.Window{Kind: sla.Emergency, Notified: start, End: start}.Validate(),
			"start", "required", sla.ErrInvalidWindow},
		{"Gap", "a gap in the monitoring data has a start",
			sla.Input{Gaps: []sla.Gap{{End: start}}}.Validate(),
			"gaps[0].start", "required", sla.ErrInvalidGap},
		{"Input", "an input reports through its entries",
			compute(policy(), sla.Input{Outages: []sla.Outage{{Start: start, Impact: sla.Impact(9)}}}),
			"outages[0].impact", "oneof", sla.ErrInvalidOutage},
		{"CreditTier", "terms 8: a tier's bound is a percentage in (0, 100]",
			sla.CreditTiers{{Below: contract.Dec(dec("0")), Credit: contract.Dec(dec("0.1"))}}.Validate(),
			"tiers[0].below", "dgt", sla.ErrInvalidCredit},
		{"CreditTiers", "terms 8: a credit is a fraction of the fee in [0, 1]",
			sla.CreditTiers{{Below: contract.Dec(dec("99.9")), Credit: contract.Dec(dec("0.1"))}, {Below: contract.Dec(dec("99")), Credit: contract.Dec(dec("1.5"))}}.Validate(),
			"tiers[1].credit", "dlte", sla.ErrInvalidCredit},
	}
	_, burnErr := sla.EvaluateBurn(policy(), sla.Input{}, start, []sla.BurnRule{{Long: contract.Hours(1), Factor: contract.Dec(dec("14.4"))}})
	tests = append(tests, struct {
		typ        string
		clause     string
		err        error
		path, rule string
		kind       error
	}{"BurnRule", "a burn-rate alert has two positive windows", burnErr, "rules[0].short", "gt", sla.ErrInvalidPolicy})

	for _, tt := range tests {
		var ve *contract.ValidationError
		if !errors.As(tt.err, &ve) {
			t.Errorf("%s (%s): error = %v, want *contract.ValidationError", tt.typ, tt.clause, tt.err)
			continue
		}
		if !ve.Has(tt.path, tt.rule) {
			t.Errorf("%s (%s): problems = %v, want %s: %s", tt.typ, tt.clause, ve.Problems, tt.path, tt.rule)
		}
		if !errors.Is(tt.err, tt.kind) {
			t.Errorf("%s (%s): errors.Is(err, %v) = false", tt.typ, tt.clause, tt.kind)
		}
	}
}
