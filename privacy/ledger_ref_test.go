package privacy

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/contract"
)

// The straightforward ledger construction that NewLedger's fast paths
// must match exactly: every event checked with a path built up front,
// then a stable sort on a comparator that evaluates every key. The
// randomized tests in ledger_fast_test.go compare the two.

func refNewLedger(events ...ConsentEvent) (Ledger, error) {
	var ps contract.Problems
	for i, e := range events {
		if ps.Len() >= maxProblems {
			break
		}
		refCheck(e, &ps, "events["+strconv.Itoa(i)+"]")
	}
	if err := ps.Err("consent events", ErrInvalid); err != nil {
		return Ledger{}, err
	}
	evs := make([]ConsentEvent, len(events))
	for i, e := range events {
		e.At = e.At.UTC()
		evs[i] = e
	}
	slices.SortStableFunc(evs, refCompareEvents)
	return Ledger{events: evs}, nil
}

func refCheck(e ConsentEvent, ps *contract.Problems, path string) {
	if e.Subject == "" {
		ps.Add(path+".subject", "required", "")
	} else if len(e.Subject) > MaxSubjectLen {
		ps.Add(path+".subject", "max_length", strconv.Itoa(MaxSubjectLen))
	}
	if len(e.Source) > MaxSourceLen {
		ps.Add(path+".source", "max_length", strconv.Itoa(MaxSourceLen))
	}
	if !e.Purpose.Valid() {
		ps.Add(path+".purpose", "taxonomy_key", truncKey(string(e.Purpose)))
	}
	if e.Action < Given || e.Action > Withdrawn {
		ps.Add(path+".action", "oneof", strings.Join(consentActionNames[1:], " "))
	}
	if y := e.At.UTC().Year(); e.At.IsZero() {
		ps.Add(path+".at", "required", "")
	} else if y < 1 {
		ps.Add(path+".at", "gte", "0001-01-01T00:00:00Z")
	} else if y > 9999 {
		ps.Add(path+".at", "lt", "10000-01-01T00:00:00Z")
	}
	if e.Method < MethodBanner || e.Method > MethodContact {
		ps.Add(path+".method", "oneof", strings.Join(methodNames[1:], " "))
	}
	if e.Action == Given && e.Method != MethodSignal {
		if e.Notice.IsZero() {
			ps.Add(path+".notice", "required_for_consent", "GDPR Art. 7(1)")
		}
		if e.Policy.IsZero() {
			ps.Add(path+".policy", "required_for_consent", "GDPR Art. 7(1)")
		}
	}
	if e.Method == MethodSignal && e.Source == "" {
		ps.Add(path+".source", "required_for_signal", "")
	}
}

func refCompareEvents(a, b ConsentEvent) int {
	return cmp.Or(
		a.At.Compare(b.At),
		cmp.Compare(a.Action, b.Action),
		strings.Compare(a.Subject, b.Subject),
		strings.Compare(string(a.Purpose), string(b.Purpose)),
		cmp.Compare(a.Method, b.Method),
		a.Policy.Compare(b.Policy),
		strings.Compare(a.Source, b.Source),
		slices.Compare(a.Notice[:], b.Notice[:]),
		boolCompare(a.Guardian, b.Guardian),
	)
}
