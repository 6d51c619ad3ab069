package contract

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Finding is one decision, and the amount it comes to where it has one,
// that replaying stored events gives: for whom, about what, from which day.
// Two replays of the same events under two versions of a rule set give two
// lists of findings; [CompareFindings] lists how they differ.
type Finding struct {
	// Subject is for whom: a customer, an agreement, an invoice.
	Subject string `json:"subject"`
	// Key names the question within the subject, stable across versions:
	// "notice 2026-11-10", "interest INV-7".
	Key string `json:"key"`
	// On is the day of the event the finding is about.
	On Date `json:"on"`
	// Decision is the decision.
	Decision Decision `json:"decision"`
	// Amount is the amount it comes to; zero when it has none.
	Amount Money `json:"amount,omitzero"`
}

// Difference is a finding that differs between two versions: a decision
// whose outcome, date, instant or rule changed, an amount that changed, or
// a finding only one version gives.
type Difference struct {
	// Subject and Key identify the finding.
	Subject string `json:"subject"`
	Key     string `json:"key"`
	// From is the first day it differs: the earlier of the two decisions'
	// dates where they differ, else the event's day.
	From Date `json:"from"`
	// Old and New are the findings under each version; one of them is
	// zero when only the other version gives the finding.
	Old Finding `json:"old,omitzero"`
	New Finding `json:"new,omitzero"`
	// Changed names what changed: "allowed", "date", "at", "rule",
	// "amount", "added" or "removed".
	Changed []string `json:"changed"`
}

// CompareFindings lists every finding that differs between old and new,
// matched by Subject and Key, sorted by From, then Subject and Key. Equal
// findings are left out; a finding in one list only is "added" or
// "removed". The reasons are not compared: a reworded reason is no change.
func CompareFindings(old, new []Finding) []Difference {
	type key struct{ s, k string }
	index := make(map[key]int, len(old))
	for i, f := range old {
		index[key{f.Subject, f.Key}] = i
	}
	matched := make([]bool, len(old))
	var out []Difference
	for _, n := range new {
		i, ok := index[key{n.Subject, n.Key}]
		if !ok {
			out = append(out, Difference{Subject: n.Subject, Key: n.Key, From: n.On, New: n, Changed: []string{"added"}})
			continue
		}
		matched[i] = true
		o := old[i]
		var ch []string
		if o.Decision.Allowed != n.Decision.Allowed {
			ch = append(ch, "allowed")
		}
		if !o.Decision.Date.Equal(n.Decision.Date) {
			ch = append(ch, "date")
		}
		if !o.Decision.At.Equal(n.Decision.At) {
			ch = append(ch, "at")
		}
		if o.Decision.Rule != n.Decision.Rule {
			ch = append(ch, "rule")
		}
		if !o.Amount.Equal(n.Amount) {
			ch = append(ch, "amount")
		}
		if len(ch) == 0 {
			continue
		}
		from := n.On
		if od, nd := o.Decision.Date, n.Decision.Date; !od.Equal(nd) && !od.IsZero() && !nd.IsZero() {
			from = od
			if nd.Before(od) {
				from = nd
			}
		}
		out = append(out, Difference{Subject: n.Subject, Key: n.Key, From: from, Old: o, New: n, Changed: ch})
	}
	for i, o := range old {
		if !matched[i] {
			out = append(out, Difference{Subject: o.Subject, Key: o.Key, From: o.On, Old: o, Changed: []string{"removed"}})
		}
	}
	slices.SortStableFunc(out, func(a, b Difference) int {
		if c := a.From.Compare(b.From); c != 0 {
			return c
		}
		if c := strings.Compare(a.Subject, b.Subject); c != 0 {
			return c
		}
		return cmp.Compare(a.Key, b.Key)
	})
	return out
}

// Replay gives the findings of one agreement's stored events under its
// terms: for each event the decision the terms make about it -- the end of
// the agreement after notice (17.2), the end of the cure period after a
// breach notice (17.3), the day an index price change may apply (12.2),
// the day force majeure gives a right to terminate (14.3), the end of the
// remedy period of a defect (15.3), the end of confidentiality and the
// deletion of data after termination (9.3, 18.3) -- keyed by the event's
// kind, reference and day. Subject names the agreement in the findings.
// Events that fail validation are an error as in [Agreement.Obligations].
func (a Agreement) Replay(subject string, events []AgreementEvent) ([]Finding, error) {
	if _, err := a.Obligations(events, time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)); err != nil {
		return nil, err
	}
	t := a.Terms
	var out []Finding
	for _, e := range events {
		key := e.Kind.String() + " " + e.On.String()
		if e.Ref != "" {
			key += " " + e.Ref
		}
		var d Decision
		var err error
		switch e.Kind {
		case NoticeGiven:
			d, err = t.CustomerTermination(a.Start, e.On)
		case Terminated:
			out = append(out, Finding{Subject: subject, Key: key + " data", On: e.On, Decision: t.DataDeletion(e.On, false)})
			d = t.Disclosure(e.On, e.On)
		case BreachNotified:
			d, err = t.BreachTermination(e.By, e.On, e.On, false)
		case PriceChangeNotified:
			d = t.PriceAdjustment(e.On, e.Effective)
		case ForceMajeureBegan:
			d, err = t.ForceMajeure(e.On, e.On, false)
		case DefectNotified:
			d, err = t.DefectRemedy(e.On, e.On, false)
		default:
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, Finding{Subject: subject, Key: key, On: e.On, Decision: d})
	}
	return out, nil
}

// TermsImpact replays the stored events of each agreement under the old
// terms and under the new -- another notice period, another holiday
// calendar, another counting convention -- and lists every decision that
// differs, for whom and from which day. agreements and events run in
// parallel: events[i] are the events of agreements[i], whose Terms are
// replaced by old and new in turn; subjects name them (the customer's ID).
// Mismatched lengths, or events that fail validation, are an error naming
// the field.
func TermsImpact(old, new Terms, agreements []Agreement, subjects []string, events [][]AgreementEvent) ([]Difference, error) {
	if len(agreements) != len(events) || len(agreements) != len(subjects) {
		return nil, NewValidationError("terms impact", []Problem{{Path: "events", Rule: "len", Param: "agreements"}}, ErrInvalidInput)
	}
	var before, after []Finding
	for i, a := range agreements {
		a.Terms = old
		f, err := a.Replay(subjects[i], events[i])
		if err != nil {
			return nil, err
		}
		before = append(before, f...)
		a.Terms = new
		f, err = a.Replay(subjects[i], events[i])
		if err != nil {
			return nil, err
		}
		after = append(after, f...)
	}
	return CompareFindings(before, after), nil
}
