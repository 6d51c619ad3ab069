package contract

import (
	"slices"
	"strconv"
	"time"

	"github.com/pimkit/pimkit/internal/enum"
)

// EventKind is what happened under an agreement. The zero EventKind is
// invalid.
type EventKind uint8

const (
	// NoticeGiven: the customer gave ordinary notice on On (terms 17.2).
	NoticeGiven EventKind = iota + 1
	// Terminated: the agreement ended at the end of On, for any reason
	// (a breach, force majeure, a price change, agreement).
	Terminated
	// BreachNotified: the party By was notified of a material breach on
	// On (terms 17.3). Ref tells several breaches apart.
	BreachNotified
	// BreachRemedied: the breach Ref was remedied on On.
	BreachRemedied
	// PriceChangeNotified: the provider notified on On an index price
	// adjustment from Effective (terms 12.2).
	PriceChangeNotified
	// ForceMajeureBegan: force majeure began on On, preventing By (terms
	// 14.1). Ref tells several situations apart.
	ForceMajeureBegan
	// ForceMajeureEnded: the force majeure Ref ended on On.
	ForceMajeureEnded
	// DefectNotified: the provider received the customer's notice of a
	// defect on On (terms 15.3).
	DefectNotified
	// DefectRemedied: the defect Ref was remedied on On.
	DefectRemedied
)

var eventKindNames = enum.Names{NoticeGiven: "notice_given", Terminated: "terminated",
	BreachNotified: "breach_notified", BreachRemedied: "breach_remedied",
	PriceChangeNotified: "price_change_notified", ForceMajeureBegan: "force_majeure_began",
	ForceMajeureEnded: "force_majeure_ended", DefectNotified: "defect_notified", DefectRemedied: "defect_remedied"}

// String returns the kind's snake_case name, "breach_notified"; an invalid
// kind prints as "EventKind(99)".
func (k EventKind) String() string { return enum.String(eventKindNames, k, "EventKind") }

// MarshalText implements encoding.TextMarshaler; the zero or an unknown
// kind is an error wrapping ErrInvalidInput.
func (k EventKind) MarshalText() ([]byte, error) {
	return enum.Marshal(eventKindNames, k, "event kind", ErrInvalidInput)
}

// UnmarshalText implements encoding.TextUnmarshaler: "notice_given" is
// NoticeGiven; unknown text is an error wrapping ErrInvalidInput.
func (k *EventKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(eventKindNames, b, k, "event kind", ErrInvalidInput)
}

// AgreementEvent is one thing that happened under an agreement, as a host
// stores it. In JSON: {"kind":"breach_notified","on":"2026-01-02","by":"provider","ref":"B-1"}.
type AgreementEvent struct {
	// Kind is what happened.
	Kind EventKind `json:"kind"`
	// On is the day it happened.
	On Date `json:"on"`
	// By is the party in breach or prevented by force majeure; zero for
	// the other kinds.
	By Side `json:"by,omitzero"`
	// Effective is the day a notified price adjustment is to apply; zero
	// for the other kinds.
	Effective Date `json:"effective,omitzero"`
	// Ref tells breaches, defects and force majeure situations apart: a
	// remedy or an end names the Ref of what it ends. Empty matches empty.
	Ref string `json:"ref,omitempty"`
}

// Obligations folds the agreement's events into the rights and duties of
// both parties that the terms give, as [Obligation]s dated in the terms'
// zone: confidentiality (9.1, 9.3), ordinary notice (17.2), exit assistance,
// export and deletion of data at termination (18.1, 18.3), the cure period
// of a notified breach and the right to terminate after it (17.3), an index
// price change and the customer's right to leave before it (12.2), force
// majeure (14.1, 14.3) and defects (15.3). Events after the day of at are
// not yet known and are ignored, so the answer at at depends only on what
// had happened by then; obligations that ended before at are kept (hand the
// result to [NewSchedule] to drop them and find the next wake-up).
//
// A breach notified on Fri 2026-01-02 gives the party in breach a duty to
// remedy it until the end of Fri 2026-01-16 and the other party a right to
// terminate from 2026-01-17, until the breach is remedied.
//
// An event with an invalid kind, a zero date, a date before the agreement
// started, a breach or force majeure without its party, a price change
// without its date, or a remedy or end that names no earlier event is a
// [*ValidationError] wrapping ErrInvalidInput naming each field
// ("events[2].ref").
func (a Agreement) Obligations(events []AgreementEvent, at time.Time) ([]Obligation, error) {
	loc, err := a.Terms.Zone.Location()
	if err != nil {
		return nil, err
	}
	today := DateOf(at.In(loc))
	p := problems{op: "obligations", kind: ErrInvalidInput}
	open := map[EventKind]map[string]int{} // kind -> ref -> index of the opening event
	for i, e := range events {
		path := "events[" + strconv.Itoa(i) + "]"
		switch {
		case e.Kind < NoticeGiven || e.Kind > DefectRemedied:
			p.add(path+".kind", "oneof", "notice_given terminated breach_notified ...")
			continue
		case e.On.IsZero():
			p.add(path+".on", "required", "")
			continue
		case e.On.Before(a.Start) || e.On.After(maxPeriodDate):
			p.add(path+".on", "gtefield", "start")
			continue
		}
		switch e.Kind {
		case BreachNotified, ForceMajeureBegan:
			if e.By != CustomerSide && e.By != ProviderSide {
				p.add(path+".by", "oneof", "customer provider")
			}
		case PriceChangeNotified:
			if e.Effective.IsZero() || e.Effective.After(maxPeriodDate) {
				p.add(path+".effective", "required", "")
			}
		}
		if opener, ok := openerOf[e.Kind]; ok {
			if _, ok := open[opener][e.Ref]; !ok {
				p.add(path+".ref", "matches", opener.String())
			}
		} else if closer(e.Kind) {
			if open[e.Kind] == nil {
				open[e.Kind] = map[string]int{}
			}
			open[e.Kind][e.Ref] = i
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	known := make([]AgreementEvent, 0, len(events))
	for _, e := range events {
		if !e.On.After(today) {
			known = append(known, e)
		}
	}
	slices.SortStableFunc(known, func(x, y AgreementEvent) int { return x.On.Compare(y.On) })
	f := fold{t: a.Terms, loc: loc, start: a.Start}
	return f.run(known)
}

// openerOf maps an event that ends something to the event that began it.
var openerOf = map[EventKind]EventKind{BreachRemedied: BreachNotified, ForceMajeureEnded: ForceMajeureBegan, DefectRemedied: DefectNotified}

func closer(k EventKind) bool {
	return k == BreachNotified || k == ForceMajeureBegan || k == DefectNotified
}

type fold struct {
	t     Terms
	loc   *time.Location
	start Date
	out   []Obligation
}

// startOf is the first instant of day d; endOf the first instant after it.
func (f *fold) startOf(d Date) time.Time { t, _ := d.In(f.loc); return t }
func (f *fold) endOf(d Date) time.Time   { return f.startOf(d.AddDays(1)) }

func (f *fold) add(o Obligation) int {
	f.out = append(f.out, o)
	return len(f.out) - 1
}

// end closes the open obligations at idx at instant t, unless they end
// earlier already.
func (f *fold) end(t time.Time, idx ...int) {
	for _, i := range idx {
		if i < 0 {
			continue
		}
		o := &f.out[i]
		if o.Until.IsZero() || t.Before(o.Until) {
			o.Until = t
			o.Deadline = 0
			if !o.Until.After(o.From) {
				o.Until = o.From
			}
		}
	}
}

func other(s Side) Side {
	if s == CustomerSide {
		return ProviderSide
	}
	return CustomerSide
}

func (f *fold) run(events []AgreementEvent) ([]Obligation, error) {
	t := f.t
	confidential := f.add(Obligation{Party: CustomerSide, What: WhatKeepConfidential, From: f.startOf(f.start),
		Rule: Clause("9.1").String(), Citations: []Citation{Clause("9.1"), Clause("9.3")}})
	confidentialP := f.add(Obligation{Party: ProviderSide, What: WhatKeepConfidential, From: f.startOf(f.start),
		Rule: Clause("9.1").String(), Citations: []Citation{Clause("9.1"), Clause("9.3")}})
	notice := f.add(Obligation{Party: CustomerSide, What: WhatGiveNotice, Right: true, From: f.startOf(f.start),
		Rule: Clause("17.2").String(), Citations: []Citation{Clause("17.2")}})
	var openIdx []int // everything that ends with the agreement
	openIdx = append(openIdx, notice)
	breaches := map[string][]int{}
	forces := map[string][]int{}
	defects := map[string][]int{}
	ended := false
	terminate := func(last Date, from Date) {
		if ended {
			return
		}
		ended = true
		endAt := f.endOf(last)
		f.end(endAt, openIdx...)
		for _, m := range []map[string][]int{breaches, forces, defects} {
			for _, idx := range m {
				f.end(endAt, idx...)
			}
		}
		f.end(f.startOf(from), notice)
		cite18 := []Citation{Clause("18.1"), Clause("18.3")}
		f.add(Obligation{Party: ProviderSide, What: WhatExitAssistance, From: f.startOf(from), Until: endAt,
			Deadline: TakesEffect, Rule: Clause("18.1").String(), Citations: cite18})
		if t.DeleteDataAtTermination {
			f.add(Obligation{Party: CustomerSide, What: WhatExportData, From: f.startOf(from), Until: endAt,
				Deadline: TakesEffect, Rule: Clause("18.3").String(), Citations: []Citation{Clause("18.3"), Clause("18.1")}})
			f.add(Obligation{Party: ProviderSide, What: WhatDeleteData, From: endAt,
				Rule: Clause("18.3").String(), Citations: []Citation{Clause("18.3")}})
		}
		if dl, err := t.Counter.EffectiveDate(last, t.Confidentiality); err == nil {
			f.end(f.endOf(dl.Date), confidential, confidentialP)
			for _, i := range []int{confidential, confidentialP} {
				f.out[i].Deadline = TakesEffect
				f.out[i].Rule = Clause("9.3").String()
				f.out[i].Citations = []Citation{Clause("9.3"), Clause("9.1")}
			}
		}
	}
	for _, e := range events {
		if ended {
			break
		}
		switch e.Kind {
		case NoticeGiven:
			d, err := t.CustomerTermination(f.start, e.On)
			if err != nil {
				return nil, err
			}
			terminate(d.Date, e.On)
		case Terminated:
			terminate(e.On, e.On)
		case BreachNotified:
			dl, err := t.Counter.DeadlineToAct(e.On, t.CurePeriod)
			if err != nil {
				return nil, err
			}
			cites := append([]Citation{Clause("17.3")}, dl.Citations()...)
			duty := f.add(Obligation{Party: e.By, What: WhatRemedyBreach, From: f.startOf(e.On), Until: f.endOf(dl.Date),
				Deadline: ToAct, Ref: e.Ref, Rule: Clause("17.3").String(), Citations: cites})
			right := f.add(Obligation{Party: other(e.By), What: WhatTerminateForBreach, Right: true, From: f.endOf(dl.Date),
				Ref: e.Ref, Rule: Clause("17.3").String(), Citations: []Citation{Clause("17.3")}})
			breaches[e.Ref] = []int{duty, right}
		case BreachRemedied:
			f.end(f.endOf(e.On), breaches[e.Ref]...)
			delete(breaches, e.Ref)
		case PriceChangeNotified:
			adj := t.PriceAdjustment(e.On, e.Effective)
			if !adj.Allowed {
				continue
			}
			cites := []Citation{Clause("12.2")}
			openIdx = append(openIdx, f.add(Obligation{Party: ProviderSide, What: WhatNewPrice, Right: true,
				From: f.startOf(e.Effective), Rule: Clause("12.2").String(), Citations: cites}))
			f.add(Obligation{Party: CustomerSide, What: WhatTerminateForPrice, Right: true, From: f.startOf(e.On),
				Until: f.startOf(e.Effective), Deadline: TakesEffect, Rule: Clause("12.2").String(), Citations: cites})
		case ForceMajeureBegan:
			th, err := t.Counter.Threshold(e.On, t.ForceMajeureLimit)
			if err != nil {
				return nil, err
			}
			s := f.add(Obligation{Party: e.By, What: WhatSuspendedByForceMajeure, Right: true, From: f.startOf(e.On),
				Ref: e.Ref, Rule: Clause("14.1").String(), Citations: []Citation{Clause("14.1")}})
			r := f.add(Obligation{Party: other(e.By), What: WhatTerminateForForceMajeure, Right: true, From: f.startOf(th.Date),
				Ref: e.Ref, Rule: Clause("14.3").String(), Citations: []Citation{Clause("14.3"), Clause("14.1")}})
			forces[e.Ref] = []int{s, r}
		case ForceMajeureEnded:
			f.end(f.endOf(e.On), forces[e.Ref]...)
			delete(forces, e.Ref)
		case DefectNotified:
			dl, err := t.Counter.DeadlineToAct(e.On, t.DefectRemedyPeriod)
			if err != nil {
				return nil, err
			}
			cites := append([]Citation{Clause("15.3")}, dl.Citations()...)
			duty := f.add(Obligation{Party: ProviderSide, What: WhatRemedyDefect, From: f.startOf(e.On), Until: f.endOf(dl.Date),
				Deadline: ToAct, Ref: e.Ref, Rule: Clause("15.3").String(), Citations: cites})
			right := f.add(Obligation{Party: CustomerSide, What: WhatClaimForDefect, Right: true, From: f.endOf(dl.Date),
				Ref: e.Ref, Rule: Clause("15.3").String(), Citations: []Citation{Clause("15.3"), Clause("15.1")}})
			defects[e.Ref] = []int{duty, right}
		case DefectRemedied:
			f.end(f.endOf(e.On), defects[e.Ref]...)
			delete(defects, e.Ref)
		}
	}
	return f.out, nil
}
