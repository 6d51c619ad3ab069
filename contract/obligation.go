package contract

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Obligation is one dated right or duty of a party: who bears it, what it
// is, from when and until when, how its end was counted and the clauses
// it rests on. Packages billing, sla and privacy produce obligations from
// their own events (invoices due, credits owed, request deadlines) and
// [Agreement.Obligations] from the agreement's; [NewSchedule] merges them.
//
// An obligation is in force from From (inclusive) to Until (exclusive),
// instants in the agreement's zone: a duty to remedy a breach by the end of
// 2026-01-16 has Until 2026-01-17T00:00 Copenhagen time. A zero Until
// means it lasts until something else ends it.
//
// In JSON: {"party":"provider","what":"remedy_breach","from":"2026-01-02T00:00:00+01:00",
// "until":"2026-01-17T00:00:00+01:00","deadline":"to_act","rule":"terms 17.3",
// "citations":[...]}.
type Obligation struct {
	// Party is who holds the right or bears the duty.
	Party Side `json:"party"`
	// What says what the right or duty is, as a stable snake_case code:
	// the What constants of this package ("remedy_breach"), and those of
	// billing, sla and privacy.
	What string `json:"what"`
	// Right reports a right the party may exercise; false is a duty it
	// must perform.
	Right bool `json:"right,omitzero"`
	// From is the first instant it is in force.
	From time.Time `json:"from"`
	// Until is the first instant it is no longer in force; zero when it
	// has no end of its own.
	Until time.Time `json:"until,omitzero"`
	// Deadline says how Until was counted: a deadline to act (rolled past
	// non-working days), a date something takes effect or expires, or a
	// threshold; zero when Until is zero or not counted from a period.
	Deadline DeadlineKind `json:"deadline,omitzero"`
	// Ref names what the obligation concerns when a party may have several
	// of the kind: an invoice number, a breach, a request.
	Ref string `json:"ref,omitempty"`
	// Rule is the ID of the rule it comes from, such as "terms 17.3".
	Rule string `json:"rule"`
	// Citations are the clauses and articles it rests on, the most
	// specific first.
	Citations CitationList `json:"citations,omitempty"`
}

// ActiveAt reports whether o is in force at t: From <= t and, when Until
// is set, t < Until.
func (o Obligation) ActiveAt(t time.Time) bool {
	return !t.Before(o.From) && (o.Until.IsZero() || t.Before(o.Until))
}

// What codes of the obligations the agreement itself gives.
const (
	// WhatKeepConfidential: both parties keep each other's information
	// confidential during the agreement and for Confidentiality after it
	// (terms 9.1, 9.3).
	WhatKeepConfidential = "keep_confidential"
	// WhatGiveNotice: the customer's right to give ordinary notice to the
	// end of a payment period (terms 17.2).
	WhatGiveNotice = "give_notice"
	// WhatExitAssistance: the provider helps the customer move out, before
	// the termination date where possible (terms 18.1).
	WhatExitAssistance = "exit_assistance"
	// WhatExportData: the customer gets its data out before it is deleted
	// at termination (terms 18.3).
	WhatExportData = "export_data"
	// WhatDeleteData: the provider deletes the customer's data when the
	// agreement ends (terms 18.3).
	WhatDeleteData = "delete_data"
	// WhatRemedyBreach: the party in breach remedies it within the cure
	// period (terms 17.3).
	WhatRemedyBreach = "remedy_breach"
	// WhatTerminateForBreach: the other party's right to terminate for an
	// unremedied material breach (terms 17.3).
	WhatTerminateForBreach = "terminate_for_breach"
	// WhatNewPrice: the provider's right to charge an adjusted price
	// (terms 12.2).
	WhatNewPrice = "new_price"
	// WhatTerminateForPrice: the customer's right to end the agreement
	// because of a price adjustment, before the new price applies (terms
	// 12.2).
	WhatTerminateForPrice = "terminate_for_price_change"
	// WhatSuspendedByForceMajeure: the prevented party's obligations are
	// suspended while force majeure lasts (terms 14.1).
	WhatSuspendedByForceMajeure = "obligations_suspended"
	// WhatTerminateForForceMajeure: the other party's right to terminate
	// once force majeure has lasted more than ForceMajeureLimit (terms 14.3).
	WhatTerminateForForceMajeure = "terminate_for_force_majeure"
	// WhatRemedyDefect: the provider remedies a notified defect within
	// DefectRemedyPeriod (terms 15.3).
	WhatRemedyDefect = "remedy_defect"
	// WhatClaimForDefect: the customer's right to a price reduction or
	// damages for a defect not remedied in time (terms 15.3, within 15.1).
	WhatClaimForDefect = "claim_for_defect"
)

// Schedule is what a host needs to know at an instant: the obligations in
// force or still to come, in time order, and the next instant at which
// that answer changes -- the one wake-up to schedule.
type Schedule struct {
	// At is the instant the schedule was computed for.
	At time.Time `json:"at"`
	// Obligations are in force at At or start later, ordered by From,
	// then Until (open-ended last), Party, What and Ref. Obligations that
	// ended at or before At are left out.
	Obligations []Obligation `json:"obligations,omitempty"`
	// Next is the earliest From or Until after At: the instant at which an
	// obligation starts or ends. Zero when nothing changes any more.
	Next time.Time `json:"next,omitzero"`
}

// NewSchedule merges lists of obligations from any package into the
// schedule at at: it drops what has ended (Until at or before at) and
// obligations that are empty (Until not after From), sorts the rest and
// finds the next wake-up. Between At and Next the set of obligations in
// force ([Schedule.Active]) does not change; at Next it does.
func NewSchedule(at time.Time, lists ...[]Obligation) Schedule {
	s := Schedule{At: at}
	for _, l := range lists {
		for _, o := range l {
			if !o.Until.IsZero() && (!o.Until.After(at) || !o.Until.After(o.From)) {
				continue
			}
			s.Obligations = append(s.Obligations, o)
			if o.From.After(at) && (s.Next.IsZero() || o.From.Before(s.Next)) {
				s.Next = o.From
			}
			if !o.Until.IsZero() && (s.Next.IsZero() || o.Until.Before(s.Next)) {
				s.Next = o.Until
			}
		}
	}
	slices.SortStableFunc(s.Obligations, compareObligations)
	return s
}

func compareObligations(a, b Obligation) int {
	if c := a.From.Compare(b.From); c != 0 {
		return c
	}
	switch {
	case a.Until.IsZero() != b.Until.IsZero():
		if a.Until.IsZero() {
			return 1
		}
		return -1
	case !a.Until.Equal(b.Until):
		return a.Until.Compare(b.Until)
	}
	if c := cmp.Compare(a.Party, b.Party); c != 0 {
		return c
	}
	if c := strings.Compare(a.What, b.What); c != 0 {
		return c
	}
	return strings.Compare(a.Ref, b.Ref)
}

// Active returns the obligations in force at s.At.
func (s Schedule) Active() []Obligation {
	var out []Obligation
	for _, o := range s.Obligations {
		if o.ActiveAt(s.At) {
			out = append(out, o)
		}
	}
	return out
}
