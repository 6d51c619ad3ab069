package billing

import "github.com/pimkit/pimkit/contract"

// Free trials. A plan with a Trial starts with it: [Subscribe] charges
// nothing, dates the notice of conversion, and sets the first period to
// start when the trial ends. [Subscription.Renew] on or after that day
// converts the subscription -- to its plan, charged from that day, or to
// the plan chosen with [Subscription.ChangePlan] during the trial, such
// as the free plan (terms 19.6). During the trial every change of plan
// takes effect at its end.

// startTrial begins s's trial on accepted.
func (s Subscription) startTrial(accepted contract.Date) (Subscription, []Event, error) {
	p := s.Plan
	s.TrialEnds = accepted.Add(p.Trial.Length)
	s.Anchor = s.TrialEnds
	evs := []Event{
		{Kind: Created, Subscription: s.ID, Date: accepted, Plan: p.ID, PeriodStart: accepted, PeriodEnd: s.TrialEnds,
			Citations: []contract.Citation{cite191, cite125}},
		{Kind: TrialStarted, Subscription: s.ID, Date: accepted, Plan: p.ID, PeriodStart: accepted, PeriodEnd: s.TrialEnds,
			Reason: reason(rsTrialStarted, p.ID, s.TrialEnds)},
	}
	n, _ := s.TrialNotice(accepted)
	return s, append(evs, n), nil
}

// TrialNotice returns the notice of s's trial converting, and false when s
// is not in a trial. It is dated the plan's Trial.NoticeDays before the
// trial's end, but not before since (the day the trial or the latest
// change began): with a 14-day trial from 2025-03-01 (ending 2025-03-15)
// and 3 days' notice, the notice is dated 2025-03-12. It names the plan
// the subscription converts to -- Next when a change is scheduled -- and
// that plan's price.
func (s Subscription) TrialNotice(since contract.Date) (Event, bool) {
	if s.TrialEnds.IsZero() {
		return Event{}, false
	}
	to := s.Plan
	if s.Next.ID != "" {
		to = s.Next
	}
	days := 1
	if t := s.Plan.Trial; t != nil {
		days = max(t.NoticeDays, 1)
	}
	at := s.TrialEnds.AddDays(-days)
	if at.Before(since) {
		at = since
	}
	e := Event{Kind: TrialEnding, Subscription: s.ID, Date: at, Plan: to.ID, PeriodStart: s.TrialEnds,
		PeriodEnd: s.TrialEnds, Citations: []contract.Citation{cite191}}
	if to.Kind == Free {
		e.Reason = reason(rsTrialToFree, s.TrialEnds, to.ID)
		e.Citations = []contract.Citation{cite196}
	} else {
		e.Amount = to.Price
		e.Reason = reason(rsTrialToPaid, s.TrialEnds, to.ID, to.Price)
	}
	e.PeriodEnd = s.TrialEnds.Add(to.Cycle.Period())
	return e, true
}

// convert ends s's trial: the plan, or the one chosen during the trial,
// takes over on TrialEnds, charged in advance when it is paid.
func (s Subscription) convert() (Subscription, []Event) {
	on := s.TrialEnds
	s.TrialEnds = contract.Date{}
	if s.Next.ID != "" {
		s.takeOver(s.Next)
		s.Next = Plan{}
	}
	s.Anchor, s.Period = on, 0
	start, end := s.Current()
	evs := []Event{{Kind: TrialConverted, Subscription: s.ID, Date: on, Plan: s.Plan.ID, PeriodStart: start, PeriodEnd: end,
		Citations: []contract.Citation{cite191}}}
	if s.Plan.Kind == Free {
		evs[0].Citations = []contract.Citation{cite196}
	}
	if s.Plan.Price.IsPositive() {
		e := s.charge(start, end, s.Plan.Price.Round())
		s.discount(&e)
		evs = append(evs, e)
	}
	return s, evs
}

// changeInTrial schedules p to take over when s's trial ends, and returns
// the notice updated.
func (s Subscription) changeInTrial(p Plan) (Subscription, []Event, error) {
	if p.ID == s.Plan.ID {
		s.Next = Plan{}
	} else {
		s.Next = p
	}
	cites := []contract.Citation{cite191}
	if p.Kind == Free {
		cites = []contract.Citation{cite196}
	}
	evs := []Event{{Kind: ChangeScheduled, Subscription: s.ID, Date: s.TrialEnds, Plan: p.ID, PeriodStart: s.TrialEnds,
		PeriodEnd: s.TrialEnds, Citations: cites, Reason: reason(rsChangeAtCycleEnd, p.ID, s.TrialEnds)}}
	return s, evs, nil
}
