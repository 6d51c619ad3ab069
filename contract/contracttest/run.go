package contracttest

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/sla"
)

// Run runs every step of s as a subtest of t, t.Run(step name); a failing
// step reports the clause and both values of every expectation that did
// not hold:
//
//	--- FAIL: TestScenarios/cure_period/the_day_after (terms 17.3)
//	    allowed: got false, want true
func Run(t *testing.T, s Scenario) {
	t.Helper()
	for _, r := range Check(s) {
		t.Run(r.Step, func(t *testing.T) {
			if r.Pass {
				return
			}
			t.Errorf("%s (%s; %s): %s", r.Step, r.Rule, strings.Join(r.Citations, ", "), strings.Join(r.Failures, "; "))
		})
	}
}

// officeHours are the support hours the support rule assumes: Monday to
// Friday 08:00-16:00 in the terms' zone, closed on the holidays of the
// terms' calendar.
func officeHours(t contract.Terms) (contract.BusinessHours, error) {
	loc, err := t.Zone.Location()
	if err != nil {
		return contract.BusinessHours{}, err
	}
	return contract.NewBusinessHours(loc, t.Counter.Calendar, contract.OpenOn(contract.MustClockTime(8, 0), contract.MustClockTime(16, 0),
		time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)...)
}

func run(r Result, terms contract.Terms, s Scenario, st Step) Result {
	fail := func(f string) { r.Failures = append(r.Failures, f) }
	loc, err := terms.Zone.Location()
	if err != nil {
		fail("terms.zone: " + err.Error())
		return r
	}
	at := st.At
	if at.IsZero() {
		at, _ = st.On.In(loc)
	}
	var (
		d      contract.Decision
		amount contract.Money
		hasAmt bool
	)
	switch st.Rule {
	case RuleAdditionalService:
		d = terms.AdditionalService(st.Flag)
	case RuleContentRemoval:
		d = terms.ContentRemoval(st.From, st.Flag)
	case RuleThirdPartyClaim:
		d = terms.ThirdPartyClaim(st.Flag)
	case RuleSupport:
		h, err := officeHours(terms)
		if err != nil {
			fail(err.Error())
			return r
		}
		d = terms.Support(h, at)
	case RuleDisclosure:
		d = terms.Disclosure(st.From, st.On)
	case RuleReferenceUse:
		d = terms.ReferenceUse(st.Flag)
	case RuleRetainData:
		d = terms.RetainData(st.Flag)
	case RuleSecurityNeeds:
		d = terms.SecurityNeeds(st.Flag)
	case RuleProcessingIndemnity:
		d = terms.ProcessingIndemnity(st.Fault)
	case RuleProcessorAssistance:
		f, e := terms.ProcessorAssistance(decimalOf(st.Hours), st.Rate)
		d, amount, hasAmt, err = f.Decision, f.Fee, true, e
	case RulePriceAdjustment:
		d = terms.PriceAdjustment(st.From, st.Effective)
	case RulePriceTermination:
		d, err = terms.PriceTermination(st.From, st.Effective, st.On)
	case RuleSuspension:
		d = terms.Suspension(st.Count, st.On)
	case RuleForceMajeure:
		d, err = terms.ForceMajeure(st.From, st.On, st.Flag)
	case RuleSettleLiability:
		sl, e := terms.SettleLiability(st.Fee, st.Claims)
		d, amount, hasAmt, err = sl.Decision, sl.Payable, true, e
	case RuleDefectRemedy:
		d, err = terms.DefectRemedy(st.From, st.On, st.Flag)
	case RuleNotice:
		d = terms.Notice(st.Channel, st.Flag)
	case RuleCustomerTermination:
		d, err = terms.CustomerTermination(s.Start, st.From)
	case RuleBreachTermination:
		d, err = terms.BreachTermination(st.By, st.From, st.On, st.Flag)
	case RuleProviderTermination:
		d = terms.ProviderTermination(st.Count, st.On)
	case RuleExitAssistance:
		f, e := terms.ExitAssistance(decimalOf(st.Hours), st.Rate, st.Flag)
		d, amount, hasAmt, err = f.Decision, f.Fee, true, e
	case RuleDataDeletion:
		d = terms.DataDeletion(st.From, st.Flag)
	case RuleRenewal:
		d, err = terms.Renewal(s.Start, st.Cycle, st.On)
	case RuleSelfServePriceChange:
		d, err = terms.SelfServePriceChange(s.Start, st.Cycle, st.From, st.Channel)
	case RulePayableAfterTermination:
		d = terms.PayableAfterTermination(st.From, st.Effective, st.Flag)
	case RuleWithdrawal:
		d = terms.Withdrawal(st.From, st.On)
	case RuleSelfServeCancellation:
		d, err = terms.SelfServeCancellation(s.Start, st.Cycle, st.On, st.Method)
	case RuleResale:
		d = terms.Resale()
	case RuleJurisdiction:
		d = terms.Jurisdiction()
	case RuleResolve:
		v, ok := terms.Param(st.Param)
		r.Rule = contract.Clause("1.3").String()
		r.Citations = []string{r.Rule}
		if !ok {
			fail("param: no parameter " + st.Param)
		} else if st.Expect.Value != "" && v != st.Expect.Value {
			fail("value: got " + v + ", want " + st.Expect.Value)
		}
		return r
	case RuleClause:
		c, ok := contract.ClauseByID(st.Param)
		r.Rule, r.Citations = "clauses", []string{"terms " + st.Param}
		switch {
		case !ok:
			fail("param: the terms have no clause " + st.Param)
		case st.Expect.Value != "" && c.Kind.String() != st.Expect.Value:
			fail("value: got " + c.Kind.String() + ", want " + st.Expect.Value)
		}
		r.Reason = c.Heading
		return r
	case RuleServiceWindow:
		d, err = serviceWindow(terms, st)
	case RuleObligations:
		return checkObligations(r, terms, s, st.Expect, at)
	default:
		fail("rule: unknown rule " + strings.TrimSpace(st.Rule))
		return r
	}
	if err != nil {
		fail("error: " + err.Error())
		return r
	}
	r.Rule, r.Reason = d.Rule, d.Reason.String()
	for _, c := range d.Citations {
		r.Citations = append(r.Citations, c.String())
	}
	e := st.Expect
	if e.Allowed != nil && d.Allowed != *e.Allowed {
		fail("allowed: got " + yes(d.Allowed) + ", want " + yes(*e.Allowed))
	}
	if !e.Date.IsZero() && !d.Date.Equal(e.Date) {
		fail("date: got " + d.Date.String() + ", want " + e.Date.String())
	}
	if !e.At.IsZero() && !d.At.Equal(e.At) {
		fail("at: got " + d.At.Format(time.RFC3339) + ", want " + e.At.Format(time.RFC3339))
	}
	if e.Rule != "" && d.Rule != e.Rule {
		fail("rule: got " + d.Rule + ", want " + e.Rule)
	}
	for _, c := range e.Cites {
		if !slices.Contains(r.Citations, c) {
			fail("cites: " + c + " missing from " + strings.Join(r.Citations, ", "))
		}
	}
	if !e.Amount.IsZero() {
		if !hasAmt {
			fail("amount: the rule computes no amount")
		} else if !amount.Equal(e.Amount) {
			fail("amount: got " + amount.String() + ", want " + e.Amount.String())
		}
	}
	return r
}

func yes(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func checkObligations(r Result, terms contract.Terms, s Scenario, e Expect, at time.Time) Result {
	fail := func(f string) { r.Failures = append(r.Failures, f) }
	a := contract.Agreement{Kind: contract.OfferAgreement, Start: s.Start, Concluded: s.Start, Terms: terms}
	obs, err := a.Obligations(s.Events, at)
	if err != nil {
		fail("error: " + err.Error())
		return r
	}
	sched := contract.NewSchedule(at, obs)
	active := sched.Active()
	r.Rule = "obligations"
	for _, want := range e.Obligations {
		o, ok := findObligation(active, want)
		if !ok {
			fail("obligations: no " + want.Party.String() + " " + want.What + ref(want.Ref) + " in force at " + at.Format(time.RFC3339))
			continue
		}
		r.Citations = append(r.Citations, o.Rule)
		if !want.Until.IsZero() && !o.Until.Equal(want.Until) {
			fail("obligations: " + want.What + " until: got " + o.Until.Format(time.RFC3339) + ", want " + want.Until.Format(time.RFC3339))
		}
	}
	for _, not := range e.Absent {
		if _, ok := findObligation(active, not); ok {
			fail("obligations: " + not.Party.String() + " " + not.What + ref(not.Ref) + " is in force at " + at.Format(time.RFC3339) + ", want it absent")
		}
	}
	if !e.Next.IsZero() && !sched.Next.Equal(e.Next) {
		fail("next: got " + sched.Next.Format(time.RFC3339) + ", want " + e.Next.Format(time.RFC3339))
	}
	return r
}

func ref(r string) string {
	if r == "" {
		return ""
	}
	return " (" + r + ")"
}

func findObligation(os []contract.Obligation, want ExpectedObligation) (contract.Obligation, bool) {
	for _, o := range os {
		if o.Party == want.Party && o.What == want.What && (want.Ref == "" || o.Ref == want.Ref) {
			return o, true
		}
	}
	return contract.Obligation{}, false
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// serviceWindow asks package sla whether a planned window announced at
// st.At that begins at st.Begins and lasts an hour is kept out of
// downtime (terms 3.2), with the notice counted in elapsed hours or, with
// st.Flag, in calendar days.
func serviceWindow(terms contract.Terms, st Step) (contract.Decision, error) {
	p := sla.PolicyFor(terms)
	if st.Flag {
		p.Notice = sla.CalendarDays
	}
	span := sla.Span{From: st.Begins.Add(-time.Hour), To: st.Begins.Add(2 * time.Hour)}
	rep, err := sla.NewReport(p, span, sla.Input{Windows: []sla.Window{
		{ID: "w", Kind: sla.Planned, Notified: st.At, Start: st.Begins, End: st.Begins.Add(time.Hour)}}})
	if err != nil {
		return contract.Decision{}, err
	}
	return rep.Windows[0].Decision, nil
}
