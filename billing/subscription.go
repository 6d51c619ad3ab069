package billing

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// EventKind is what happened to a subscription. The zero value is invalid.
type EventKind uint8

const (
	// Created: the subscription was created when the terms were accepted
	// (terms 19.1, 12.5).
	Created EventKind = iota + 1
	// Charged: a period (or the rest of one) was charged in advance, on
	// the day it starts (terms 19.1); Amount excludes VAT.
	Charged
	// Renewed: a new billing period started automatically (terms 19.2).
	Renewed
	// Upgraded: a more expensive plan took effect at once.
	Upgraded
	// ChangeScheduled: a downgrade, a change of cycle or a cancellation
	// (a switch to the free plan, terms 19.6) will take effect at the end
	// of the period, Date.
	ChangeScheduled
	// PlanChanged: a scheduled change took effect as a period started.
	PlanChanged
	// UpgradeSuggested: usage exceeds the plan; Plan names the plan that
	// fits, or is empty when none does (terms 19.2).
	UpgradeSuggested
	// TrialStarted: a free trial of the plan began; nothing is charged
	// until it ends, on PeriodEnd.
	TrialStarted
	// TrialEnding: the notice before a trial converts, dated the plan's
	// Trial.NoticeDays before the trial's end; Plan names the plan it
	// converts to and Amount its price.
	TrialEnding
	// TrialConverted: the trial ended and the subscription converted to
	// Plan: a paid plan is charged from that day (with a Charged event),
	// the free plan is not.
	TrialConverted
)

// Event records a change of a subscription for the host to store and act
// on: a Charged event is what to invoice.
type Event struct {
	Kind         EventKind `json:"kind"`
	Subscription string    `json:"subscription"`
	// Date is the day the event happens or, for ChangeScheduled, takes
	// effect.
	Date contract.Date `json:"date"`
	// Plan is the plan the event concerns: the one charged, changed to or
	// suggested.
	Plan string `json:"plan,omitempty"`
	// PeriodStart and PeriodEnd bound the billing period concerned; End
	// is the first day of the next period.
	PeriodStart contract.Date `json:"period_start,omitzero"`
	PeriodEnd   contract.Date `json:"period_end,omitzero"`
	// Amount is what a Charged event charges, excluding VAT, and the price
	// of the plan an UpgradeSuggested event suggests; the zero Money for
	// the other kinds.
	Amount contract.Money `json:"amount,omitzero"`
	// Credits are the credits a credit-based plan grants with a Charged
	// event for a full period: post them to the customer's [Ledger] as a
	// [Grant]. A pro-rata upgrade charge grants none.
	Credits int64 `json:"credits,omitempty"`
	// Discount is what a Charged event takes off Amount under the plan's
	// [Discount]; the zero Money when none applies. The customer is
	// charged Amount less Discount, excluding VAT; [Event.Allowance] puts
	// the discount on the invoice.
	Discount contract.Money `json:"discount,omitzero"`
	// Reason explains events that need it (scheduled changes, upgrade
	// suggestions) and Citations the clauses behind the event. Citations
	// is shared with every event citing the same clauses: read-only;
	// appending copies it, as its capacity is its length.
	Reason    contract.Reason     `json:"reason,omitzero"`
	Citations []contract.Citation `json:"citations,omitempty"`
}

// Line returns a Charged event as an invoice line of one unit at the
// charged amount and the given VAT rate, described by desc.
func (e Event) Line(desc string, vatRate decimal.Decimal) Line {
	return Line{Description: desc, Quantity: contract.Dec(one), UnitPrice: e.Amount, VATRate: contract.Dec(vatRate)}
}

// Allowance returns a Charged event's discount as an allowance on the
// invoice line numbered line (from 1) that [Event.Line] made, described
// by desc, and false when the event has no discount. The host may set
// the allowance's Discount to the plan's [Discount.ID].
func (e Event) Allowance(desc string, line int) (Allowance, bool) {
	if !e.Discount.IsPositive() {
		return Allowance{}, false
	}
	return Allowance{Description: desc, Line: line, Amount: e.Discount}, true
}

// Subscription is a customer's subscription to a plan, billed in advance
// for periods anchored on the day it started. It is a value: every change
// returns the new Subscription and the events that record it.
type Subscription struct {
	ID   string `json:"id"`
	Plan Plan   `json:"plan"`
	// Anchor is the first day of period 0: the day the terms were
	// accepted, or the day the plan's cycle last changed.
	Anchor contract.Date `json:"anchor"`
	// Period is the index of the current billing period from Anchor.
	Period int `json:"period"`
	// Next is the plan that takes over when the current period ends; the
	// zero Plan (empty ID) when no change is scheduled.
	Next Plan `json:"next,omitzero"`
	// TrialEnds is the first day after a free trial, when period 0
	// starts and the plan (or Next) takes over; zero when there is no
	// trial or it has converted.
	TrialEnds contract.Date `json:"trial_ends,omitzero"`
	// Discounted counts the periods charged with the plan's [Discount] so
	// far (a Forever discount is not counted); it starts again at 0 when
	// a plan with another discount takes over. DiscountedThrough is the
	// end of the last period charged with a discount (the first day
	// after it): the current period's charge was discounted when it is
	// the current period's end; zero when none was.
	Discounted        int           `json:"discounted,omitempty"`
	DiscountedThrough contract.Date `json:"discounted_through,omitzero"`
}

var (
	cite191 = contract.Clause("19.1")
	cite192 = contract.Clause("19.2")
	cite194 = contract.Clause("19.4")
	cite196 = contract.Clause("19.6")
	cite125 = contract.Clause("12.5")
)

// The citation slices of subscription events, shared by every event that
// cites the same clauses so that a renewal allocates none: an Event's
// Citations are read-only (copy the slice before changing an element;
// append copies, as each slice's capacity is its length).
var (
	cites191    = []contract.Citation{cite191}
	cites191125 = []contract.Citation{cite191, cite125}
	cites192    = []contract.Citation{cite192}
	cites194    = []contract.Citation{cite194}
	cites196    = []contract.Citation{cite196}
	cites196194 = []contract.Citation{cite196, cite194}
)

// Subscribe creates a subscription to p on the day the terms were
// accepted (terms 19.1, 12.5) and charges the first period in advance on
// that day. A monthly plan accepted on 2025-01-31 has periods starting
// 2025-01-31, 2025-02-28, 2025-03-31, 2025-04-30: see [Subscription.Bounds].
// Every period lasts at least the month of terms 12.5.
//
// A plan with a Trial starts with the trial instead: nothing is charged,
// the events are Created, [TrialStarted] and the dated [TrialEnding]
// notice, and period 0 starts when the trial ends ([Subscription.TrialEnds]).
func Subscribe(id string, p Plan, accepted contract.Date) (Subscription, []Event, error) {
	var ps contract.Problems
	if id == "" {
		ps.Add("id", "required", "")
	}
	if accepted.IsZero() {
		ps.Add("accepted", "required", "")
	}
	p.problems(&ps, "plan")
	if err := invalid(&ps, "subscribe"); err != nil {
		return Subscription{}, nil, err
	}
	s := Subscription{ID: id, Plan: p, Anchor: accepted}
	if p.Trial != nil {
		return s.startTrial(accepted)
	}
	start, end := s.Bounds(0)
	evs := []Event{{Kind: Created, Subscription: id, Date: accepted, Plan: p.ID, PeriodStart: start, PeriodEnd: end,
		Citations: cites191125}}
	if p.Price.IsPositive() {
		e := s.charge(start, end, p.Price.Round())
		s.discount(&e)
		evs = append(evs, e)
	}
	return s, evs, nil
}

// discount sets the discount of e, a charge of a full period, when the
// plan's discount applies to it, and counts it.
func (s *Subscription) discount(e *Event) {
	d := s.Plan.Discount
	if d == nil {
		return
	}
	s.DiscountedThrough = contract.Date{}
	if !d.Applies(s.Discounted) {
		return
	}
	e.Discount = d.Off(e.Amount)
	s.DiscountedThrough = e.PeriodEnd
	if d.Duration != Forever {
		s.Discounted++
	}
}

// takeOver makes p s's plan, counting its discount afresh when it is
// another discount than the current plan's.
func (s *Subscription) takeOver(p Plan) {
	if p.Discount.id() != s.Plan.Discount.id() {
		s.Discounted = 0
	}
	s.Plan, s.DiscountedThrough = p, contract.Date{}
}

// currentOff returns what was taken off the current period's charge: the
// plan's discount when the period was discounted, else the zero Money.
func (s Subscription) currentOff(end contract.Date) contract.Money {
	if s.Plan.Discount == nil || s.DiscountedThrough != end {
		return contract.Money{}
	}
	return s.Plan.Discount.Off(s.Plan.Price.Round())
}

func (s Subscription) charge(start, end contract.Date, amount contract.Money) Event {
	e := Event{Kind: Charged, Subscription: s.ID, Date: start, Plan: s.Plan.ID, PeriodStart: start, PeriodEnd: end,
		Amount: amount, Citations: cites191}
	if s.Plan.Kind == CreditBased {
		e.Credits = s.Plan.Credits
	}
	return e
}

// Bounds returns the first day of period n and the first day of period
// n+1, each counted from the anchor with [contract.Date.AddPeriods] --
// never from the previous period, so a subscription anchored on the 31st
// returns to the 31st after February: period 1 of a monthly plan anchored
// on 2024-01-31 is 2024-02-29 .. 2024-03-31.
func (s Subscription) Bounds(n int) (start, end contract.Date) {
	p := s.Plan.Cycle.Period()
	return s.Anchor.AddPeriods(p, n), s.Anchor.AddPeriods(p, n+1)
}

// Current returns the bounds of the current period.
func (s Subscription) Current() (start, end contract.Date) { return s.Bounds(s.Period) }

// Renew advances s to the period that contains on, renewing automatically
// at the end of each cycle (terms 19.2): each period started is charged in
// advance on its first day, and a scheduled change takes effect as the
// first of them starts. Renewing on a day inside the current period
// returns s and no events; a day before it is an error. During a free
// trial a renewal returns s and no events; on or after the trial's end
// it converts s first ([TrialConverted], and the first charge of a paid
// plan).
func (s Subscription) Renew(on contract.Date) (Subscription, []Event, error) {
	return s.AppendRenew(nil, on)
}

// AppendRenew is [Subscription.Renew] appending the events to dst and
// returning the extended slice (dst itself when there are none; on an
// error, dst as it was): a month-end run that renews many subscriptions
// passes the same buffer, truncated to dst[:0], each time and allocates
// nothing for the events once it has grown. With a nil dst it is Renew.
func (s Subscription) AppendRenew(dst []Event, on contract.Date) (Subscription, []Event, error) {
	evs := dst
	if !s.TrialEnds.IsZero() {
		if on.Before(s.TrialEnds) {
			return s, dst, nil
		}
		var conv []Event
		s, conv = s.convert()
		evs = append(evs, conv...)
	}
	start, end := s.Current()
	if on.Before(start) {
		return s, dst, problem("renew", "on", "gte", start.String())
	}
	for !on.Before(end) {
		if evs == nil {
			// Room for one period's events: Renewed and Charged, and
			// PlanChanged only when a change is scheduled. Events are
			// large; a renewal over more periods grows the slice.
			n := 2
			if s.Next.ID != "" {
				n = 3
			}
			evs = make([]Event, 0, n)
		}
		s.Period++
		if s.Next.ID != "" {
			if s.Next.Cycle.Period() != s.Plan.Cycle.Period() {
				s.Anchor, s.Period = end, 0
			}
			s.takeOver(s.Next)
			s.Next = Plan{}
			start, end = s.Current()
			evs = append(evs, Event{Kind: PlanChanged, Subscription: s.ID, Date: start, Plan: s.Plan.ID,
				PeriodStart: start, PeriodEnd: end, Citations: cites196})
		} else {
			// Same anchor and cycle: the new period starts where the old
			// one ended, Bounds(n+1) start = Bounds(n) end.
			start, end = end, s.Anchor.AddPeriods(s.Plan.Cycle.Period(), s.Period+1)
		}
		evs = append(evs, Event{Kind: Renewed, Subscription: s.ID, Date: start, Plan: s.Plan.ID,
			PeriodStart: start, PeriodEnd: end, Citations: cites192})
		if s.Plan.Price.IsPositive() {
			e := s.charge(start, end, s.Plan.Price.Round())
			if s.Plan.Discount != nil {
				s.discount(&e)
			}
			evs = append(evs, e)
		}
	}
	return s, evs, nil
}

// ChangePlan changes s to plan p on day on, which must lie in the current
// period. A more expensive plan with the same cycle takes effect at once
// and the difference is charged pro rata for the days left, on included:
// from 24.95 to 49.90 a month with 9 days left of a 31-day period charges
// 7.24. With discounts the difference is what the customer pays a period
// net: from 100.00 less 20 % to 200.00 less 20 % with 10 of 31 days left
// charges 32.26 less a discount of 6.45 (80.00 x 10/31 = 25.81), and from
// 100.00 less 20 % to an undiscounted 200.00 charges 38.71 (120.00 x
// 10/31). Leaving the free plan for a paid one starts a new subscription
// period on on, charged in full. Anything else -- a cheaper plan, another
// cycle, the free plan (a cancellation, terms 19.6) -- takes effect at the
// end of the period, with no refund (terms 19.4). Choosing the current
// plan undoes a scheduled change. During a free trial every change --
// to the free plan as much as to another paid one -- takes effect when
// the trial ends, with a ChangeScheduled event dated then; the trial
// converts to it ([Subscription.TrialNotice] names it).
func (s Subscription) ChangePlan(p Plan, on contract.Date) (Subscription, []Event, error) {
	var ps contract.Problems
	p.problems(&ps, "plan")
	start, end := s.Current()
	if !s.TrialEnds.IsZero() {
		start, end = contract.Date{}, s.TrialEnds // any day of the trial
	}
	if on.IsZero() {
		ps.Add("on", "required", "")
	} else if on.Before(start) {
		ps.Add("on", "gte", start.String())
	} else if !on.Before(end) {
		ps.Add("on", "lte", end.AddDays(-1).String()) // renew first
	}
	paid := func(q Plan) bool { return q.Kind != Free }
	if paid(p) && paid(s.Plan) && p.Price.Currency() != s.Plan.Price.Currency() {
		ps.Add("plan.price", ruleMixedCurrency, s.Plan.Price.Currency().String())
	}
	if err := invalid(&ps, "change plan"); err != nil {
		return s, nil, err
	}
	if !s.TrialEnds.IsZero() {
		return s.changeInTrial(p)
	}
	switch {
	case p.ID == s.Plan.ID:
		s.Next = Plan{}
		return s, nil, nil
	case s.Plan.Kind == Free && paid(p):
		s.takeOver(p)
		s.Anchor, s.Period, s.Next = on, 0, Plan{}
		start, end = s.Current()
		evs := []Event{{Kind: Upgraded, Subscription: s.ID, Date: on, Plan: p.ID, PeriodStart: start, PeriodEnd: end,
			Citations: cites191}}
		if p.Price.IsPositive() {
			e := s.charge(start, end, p.Price.Round())
			s.discount(&e)
			evs = append(evs, e)
		}
		return s, evs, nil
	case paid(p) && p.Cycle == s.Plan.Cycle && p.Price.Amount().GreaterThan(s.Plan.Price.Amount()):
		diff, _ := p.Price.Sub(s.Plan.Price) // same currency: checked above
		left, days := on.DaysUntil(end), start.DaysUntil(end)
		amount, _ := Prorate(diff, left, days)
		// A discounted plan is prorated on what the customer pays a
		// period: the new plan's price less its discount, less what the
		// current period was charged net.
		curOff := s.currentOff(end)
		oldNet, _ := s.Plan.Price.Round().Sub(orZero(curOff, diff))
		next := s
		next.takeOver(p)
		var newOff contract.Money
		if d := p.Discount; d != nil && d.Applies(next.Discounted) {
			newOff = d.Off(p.Price.Round())
		}
		var off contract.Money
		if !newOff.IsZero() || !curOff.IsZero() {
			newNet, _ := p.Price.Round().Sub(orZero(newOff, diff))
			netDiff, _ := newNet.Sub(oldNet)
			charged := contract.ZeroMoney(diff.Currency())
			if netDiff.IsPositive() {
				charged, _ = Prorate(netDiff, left, days)
			}
			off, _ = amount.Sub(charged)
			if off.IsNegative() {
				// The current period's discount ends with the upgrade: the
				// net difference exceeds the list difference, and is charged.
				amount, off = charged, contract.ZeroMoney(diff.Currency())
			}
		}
		s = next
		s.Next = Plan{}
		ev := Event{Kind: Upgraded, Subscription: s.ID, Date: on, Plan: p.ID, PeriodStart: start, PeriodEnd: end,
			Citations: []contract.Citation{cite191}}
		charge := s.charge(on, end, amount)
		charge.Credits = 0
		if off.IsPositive() {
			charge.Discount = off
		}
		if !newOff.IsZero() {
			s.DiscountedThrough = end
			if p.Discount != nil && p.Discount.Duration != Forever {
				s.Discounted++
			}
		}
		return s, []Event{ev, charge}, nil
	}
	s.Next = p
	cites := cites194
	if p.Kind == Free {
		cites = cites196194
	}
	return s, []Event{{Kind: ChangeScheduled, Subscription: s.ID, Date: end, Plan: p.ID, PeriodStart: start,
		PeriodEnd: end, Citations: cites, Reason: reason(rsChangeAtCycleEnd, p.ID, end)}}, nil
}

// OverUse compares values used with s's plan and, when they exceed its
// capacity, returns an UpgradeSuggested event naming the cheapest plan of
// plans with the same cycle that fits (terms 19.2: the provider may
// upgrade the account and tell the customer). A free plan's users are
// offered functionality plans. It returns false when the plan suffices.
func (s Subscription) OverUse(values int64, plans []Plan, on contract.Date) (Event, bool) {
	if s.Plan.Fits(values) {
		return Event{}, false
	}
	kind, cycle := s.Plan.Kind, s.Plan.Cycle
	if kind == Free {
		kind = Functionality
	}
	if cycle == 0 {
		cycle = Monthly
	}
	ev := Event{Kind: UpgradeSuggested, Subscription: s.ID, Date: on, Citations: cites192}
	ev.PeriodStart, ev.PeriodEnd = s.Current()
	if p, ok := FitPlan(plans, kind, cycle, values); ok {
		ev.Plan, ev.Amount = p.ID, p.Price
		ev.Reason = reason(rsUpgradeNotice, s.Plan.ID, p.ID)
	} else {
		ev.Reason = reason(rsUpgradeNone, s.Plan.ID)
	}
	return ev, true
}

// orZero returns m, or zero in like's currency when m is the zero Money.
func orZero(m, like contract.Money) contract.Money {
	if m.IsZero() {
		return contract.ZeroMoney(like.Currency())
	}
	return m
}
