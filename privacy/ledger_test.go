package privacy

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
)

var (
	notice   = NoticeHash(sha256.Sum256([]byte("We send a newsletter every month.")))
	policy25 = contract.MustDate(2025, 2, 1)
	policy26 = contract.MustDate(2026, 6, 24)
)

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func give(subject string, p DataUse, at string) ConsentEvent {
	return ConsentEvent{Subject: subject, Purpose: p, Action: Given, At: ts(at), Policy: policy25,
		Method: MethodForm, Notice: notice}
}

func act(subject string, p DataUse, a ConsentAction, at string, m Method) ConsentEvent {
	e := ConsentEvent{Subject: subject, Purpose: p, Action: a, At: ts(at), Method: m}
	if m == MethodSignal {
		e.Source = "Sec-GPC"
	}
	if a == Given {
		e.Policy, e.Notice = policy25, notice
	}
	return e
}

func TestLedgerState(t *testing.T) {
	const s = "cust-1"
	tests := []struct {
		name    string
		events  []ConsentEvent
		purpose DataUse
		at      string
		want    ConsentStatus
	}{
		{"Art. 7 nothing recorded", nil, UseMarketingEmail, "2026-01-01T00:00:00Z", NoConsent},
		{"Art. 7 given before the instant", []ConsentEvent{give(s, UseMarketingEmail, "2026-01-01T10:00:00Z")},
			UseMarketingEmail, "2026-01-01T10:00:00Z", Granted},
		{"Art. 7 not yet given at the instant", []ConsentEvent{give(s, UseMarketingEmail, "2026-01-01T10:00:00Z")},
			UseMarketingEmail, "2026-01-01T09:59:59Z", NoConsent},
		{"Art. 7(3) withdrawal at the same instant wins", []ConsentEvent{
			act(s, UseMarketingEmail, Withdrawn, "2026-01-01T10:00:00Z", MethodLink),
			give(s, UseMarketingEmail, "2026-01-01T10:00:00Z")},
			UseMarketingEmail, "2026-01-01T10:00:00Z", WithdrawnStatus},
		{"Art. 7(3) regranted after withdrawal", []ConsentEvent{
			give(s, UseMarketingEmail, "2026-01-01T10:00:00Z"),
			act(s, UseMarketingEmail, Withdrawn, "2026-01-02T10:00:00Z", MethodLink),
			give(s, UseMarketingEmail, "2026-01-03T10:00:00Z")},
			UseMarketingEmail, "2026-01-04T00:00:00Z", Granted},
		{"Art. 7(3) withdrawal of the parent purpose covers the child", []ConsentEvent{
			give(s, UseMarketingEmail, "2026-01-01T10:00:00Z"),
			act(s, UseMarketing, Withdrawn, "2026-01-02T10:00:00Z", MethodContact)},
			UseMarketingEmail, "2026-01-04T00:00:00Z", WithdrawnStatus},
		{"Art. 7 consent to a child purpose does not cover the parent", []ConsentEvent{
			give(s, UseMarketingEmail, "2026-01-01T10:00:00Z")},
			UseMarketing, "2026-01-04T00:00:00Z", NoConsent},
		{"Art. 7 other subject's events do not apply", []ConsentEvent{give("cust-2", UseMarketingEmail, "2026-01-01T10:00:00Z")},
			UseMarketingEmail, "2026-01-04T00:00:00Z", NoConsent},
		{"Art. 21(3) unsubscribe link opt-out covers all marketing", []ConsentEvent{
			give(s, "marketing.communications.sms", "2026-01-01T10:00:00Z"),
			OptOut(s, ts("2026-01-02T10:00:00Z"), MethodLink, "campaign-7")},
			"marketing.communications.sms", "2026-01-04T00:00:00Z", ObjectedStatus},
		{"Art. 21(3) a signal consent does not lift an explicit objection", []ConsentEvent{
			OptOut(s, ts("2026-01-02T10:00:00Z"), MethodLink, "campaign-7"),
			act(s, UseTargetedAds, Given, "2026-01-03T10:00:00Z", MethodSignal)},
			UseTargetedAds, "2026-01-04T00:00:00Z", ObjectedStatus},
		{"Art. 21(5) a TCF signal consent after GPC does not lift it", []ConsentEvent{
			act(s, UseTargetedAds, Objected, "2026-01-01T10:00:00Z", MethodSignal),
			act(s, UseTargetedAds, Given, "2026-01-02T10:00:00Z", MethodSignal)},
			UseTargetedAds, "2026-01-04T00:00:00Z", ObjectedStatus},
		{"Art. 21(3) an explicit opt-in lifts an objection", []ConsentEvent{
			OptOut(s, ts("2026-01-02T10:00:00Z"), MethodLink, "campaign-7"),
			give(s, UseMarketingEmail, "2026-01-03T10:00:00Z")},
			UseMarketingEmail, "2026-01-04T00:00:00Z", Granted},
		{"Art. 21(5) GPC after an older opt-in wins", []ConsentEvent{
			give(s, UseTargetedAds, "2026-01-01T10:00:00Z"),
			act(s, UseTargetedAds, Objected, "2026-01-02T10:00:00Z", MethodSignal)},
			UseTargetedAds, "2026-01-04T00:00:00Z", ObjectedStatus},
		{"Art. 21(5) explicit opt-in after GPC wins over later GPC", []ConsentEvent{
			act(s, UseTargetedAds, Objected, "2026-01-01T10:00:00Z", MethodSignal),
			give(s, UseTargetedAds, "2026-01-02T10:00:00Z"),
			act(s, UseTargetedAds, Objected, "2026-01-03T10:00:00Z", MethodSignal)},
			UseTargetedAds, "2026-01-04T00:00:00Z", Granted},
		{"Art. 7(3) expired consent", []ConsentEvent{
			give(s, UseAnalytics, "2026-01-01T10:00:00Z"),
			act(s, UseAnalytics, Expired, "2026-02-01T10:00:00Z", MethodAPI)},
			UseAnalytics, "2026-03-01T00:00:00Z", ExpiredStatus},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := NewLedger(tt.events...)
			if err != nil {
				t.Fatal(err)
			}
			got := l.State(s, tt.purpose, ts(tt.at))
			if got.Status != tt.want {
				t.Errorf("State(%s, %s) = %v, want %v", tt.purpose, tt.at, got, tt.want)
			}
		})
	}
}

func TestGPCSignalIgnoredRecorded(t *testing.T) {
	l, _ := NewLedger(
		act("s", UseTargetedAds, Objected, "2026-01-01T10:00:00Z", MethodSignal),
		give("s", UseTargetedAds, "2026-01-02T10:00:00Z"),
		act("s", UseTargetedAds, Objected, "2026-01-03T10:00:00Z", MethodSignal))
	st := l.State("s", UseTargetedAds, ts("2026-01-04T00:00:00Z"))
	if !st.ExplicitAfterSignal || !st.SignalIgnored || st.GivenAt != ts("2026-01-02T10:00:00Z") {
		t.Errorf("State = %+v, want explicit opt-in after signal, signal ignored", st)
	}
	if got, want := st.String(), "marketing.advertising.third_party.targeted: granted since 2026-01-02T10:00:00Z (explicit opt-in after signal wins)"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
}

func TestLedgerValidation(t *testing.T) {
	_, err := NewLedger(
		ConsentEvent{Purpose: "Marketing", Action: Given, Method: MethodForm},
		ConsentEvent{Subject: "x", Purpose: UseAnalytics, Action: Objected, At: ts("2026-01-01T00:00:00Z"), Method: MethodSignal},
	)
	var ve *contract.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("NewLedger = %v, want *ValidationError", err)
	}
	want := []string{"events[0].subject", "events[0].purpose", "events[0].at", "events[0].notice", "events[0].policy", "events[1].source"}
	if len(ve.Problems) != len(want) {
		t.Fatalf("problems = %v, want fields %v", ve.Problems, want)
	}
	for i, p := range ve.Problems {
		if p.Path != want[i] {
			t.Errorf("problem %d path = %q, want %q", i, p.Path, want[i])
		}
	}
}

func TestLedgerAppendDoesNotAlias(t *testing.T) {
	l0, _ := NewLedger(give("s", UseAnalytics, "2026-01-01T00:00:00Z"))
	l1, _ := l0.Append(act("s", UseAnalytics, Withdrawn, "2026-01-02T00:00:00Z", MethodForm))
	l2, _ := l0.Append(give("t", UseAnalytics, "2026-01-03T00:00:00Z"))
	if l0.Len() != 1 || l1.Len() != 2 || l2.Len() != 2 {
		t.Fatalf("lens = %d %d %d, want 1 2 2", l0.Len(), l1.Len(), l2.Len())
	}
	if got := l1.State("s", UseAnalytics, ts("2026-02-01T00:00:00Z")).Status; got != WithdrawnStatus {
		t.Errorf("l1 state = %v, want withdrawn", got)
	}
	if got := l2.State("s", UseAnalytics, ts("2026-02-01T00:00:00Z")).Status; got != Granted {
		t.Errorf("l2 state = %v, want granted (l1's append must not leak)", got)
	}
	// Out-of-order append lands in place.
	l3, _ := l1.Append(give("s", UseAnalytics, "2025-12-01T00:00:00Z"))
	var prev time.Time
	for e := range l3.All() {
		if e.At.Before(prev) {
			t.Errorf("ledger out of order at %v", e)
		}
		prev = e.At
	}
}

// randomEvents builds n events for a few subjects and purposes on a coarse
// clock, so many share an instant.
func randomEvents(r *rand.Rand, n int) []ConsentEvent {
	subjects := []string{"a", "b", "c"}
	uses := []DataUse{UseMarketing, UseMarketingEmail, UseTargetedAds, UseAnalytics}
	methods := []Method{MethodBanner, MethodForm, MethodSignal, MethodLink}
	base := ts("2026-01-01T00:00:00Z")
	evs := make([]ConsentEvent, n)
	for i := range evs {
		e := ConsentEvent{Subject: subjects[r.IntN(len(subjects))], Purpose: uses[r.IntN(len(uses))],
			Action: ConsentAction(1 + r.IntN(4)), At: base.Add(time.Duration(r.IntN(6)) * time.Hour),
			Method: methods[r.IntN(len(methods))], Policy: policy25, Notice: notice}
		if e.Method == MethodSignal {
			e.Source = "Sec-GPC"
		}
		evs[i] = e
	}
	return evs
}

// Property: the fold does not depend on the order events were appended in.
func TestPropertyFoldOrderIndependent(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		evs := randomEvents(r, 1+r.IntN(30))
		l1, err := NewLedger(evs...)
		if err != nil {
			t.Fatal(err)
		}
		shuffled := append([]ConsentEvent(nil), evs...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		// Append one at a time in the shuffled order.
		var l2 Ledger
		for _, e := range shuffled {
			if l2, err = l2.Append(e); err != nil {
				t.Fatal(err)
			}
		}
		at := ts("2026-01-01T03:00:00Z")
		s1, s2 := l1.States(at), l2.States(at)
		if len(s1) != len(s2) {
			t.Fatalf("round %d: %d states vs %d", round, len(s1), len(s2))
		}
		for i := range s1 {
			if s1[i].String() != s2[i].String() || s1[i].Subject != s2[i].Subject {
				t.Fatalf("round %d: state %d = %v vs %v", round, i, s1[i], s2[i])
			}
			if one := l1.State(s1[i].Subject, s1[i].Purpose, at); one.String() != s1[i].String() {
				t.Fatalf("round %d: State = %v, States = %v", round, one, s1[i])
			}
		}
	}
}

// Property: a withdrawal or objection at instant w for a purpose or its
// ancestor, with no later Given, means not granted at any t >= w.
func TestPropertyWithdrawalWins(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 300 {
		evs := randomEvents(r, 1+r.IntN(30))
		l, _ := NewLedger(evs...)
		w := ts("2026-01-01T00:00:00Z").Add(time.Duration(r.IntN(6)) * time.Hour)
		l, _ = l.Append(ConsentEvent{Subject: "a", Purpose: UseMarketing, Action: Withdrawn, At: w, Method: MethodLink})
		lastGiven := time.Time{}
		for e := range l.All() {
			if e.Subject == "a" && e.Action == Given && UseMarketingEmail.Under(e.Purpose) && e.At.After(lastGiven) {
				lastGiven = e.At
			}
		}
		for h := 0; h < 8; h++ {
			at := ts("2026-01-01T00:00:00Z").Add(time.Duration(h) * time.Hour)
			if at.Before(w) || lastGiven.After(w) {
				continue
			}
			if st := l.State("a", UseMarketingEmail, at); st.Granted() {
				t.Fatalf("round %d: granted at %v after withdrawal at %v: %v", round, at, w, st)
			}
		}
	}
}

func TestConsentRulesCheck(t *testing.T) {
	l, _ := NewLedger(give("s", UseMarketingEmail, "2025-01-15T12:00:00Z"))
	st := l.State("s", UseMarketingEmail, ts("2026-03-01T00:00:00Z"))
	tests := []struct {
		name    string
		rules   ConsentRules
		at      string
		child   Child
		allowed bool
		renewal Renewal
	}{
		{"Art. 7(1) no limits", ConsentRules{}, "2030-01-01T00:00:00Z", Child{}, true, NoRenewal},
		{"Art. 7(1) 13 months: exactly 13 months old still fine", ConsentRules{MaxAge: contract.Months(13)}, "2026-02-15T23:00:00Z", Child{}, true, NoRenewal},
		{"Art. 7(1) 13 months: older from 2026-02-16", ConsentRules{MaxAge: contract.Months(13)}, "2026-02-16T00:00:00Z", Child{}, false, RenewAge},
		{"Art. 7(1) superseded policy needs fresh consent", ConsentRules{FreshConsentSince: policy26}, "2026-07-01T00:00:00Z", Child{}, false, RenewPolicy},
		{"Art. 7(1) policy change needing only notice", ConsentRules{FreshConsentSince: policy25}, "2026-07-01T00:00:00Z", Child{}, true, NoRenewal},
		{"Art. 8(1) Danish 12-year-old's own consent", ConsentRules{}, "2025-02-01T00:00:00Z", Child{"DK", d("2012-06-01")}, false, RenewChild},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.rules.Check(st, ts(tt.at), tt.child)
			if got.Allowed != tt.allowed || got.Renewal != tt.renewal || got.Reason.IsZero() {
				t.Errorf("Check(at %s) = %v %v (%v), want %v %v", tt.at, got.Allowed, got.Renewal, got.Decision, tt.allowed, tt.renewal)
			}
		})
	}
	if v := (ConsentRules{}).Check(ConsentState{Status: WithdrawnStatus}, ts("2026-01-01T00:00:00Z"), Child{}); v.Allowed || v.Citations[1].String() != "GDPR Art. 7(3)" {
		t.Errorf("Check(withdrawn) = %v, want refused citing Art. 7(3)", v.Decision)
	}
}

func TestOwnConsentValidDenmark(t *testing.T) {
	ages := DefaultConsentAges()
	child := Child{Country: "DK", Birth: d("2009-06-15")} // 14 in 2023
	tests := []struct {
		name   string
		c      Child
		given  string
		on     string
		want   bool
		ageCut int
	}{
		{"databeskyttelsesloven § 6: 14-year-old in 2023, age 13", child, "2023-09-01", "2023-12-31", true, 13},
		{"databeskyttelsesloven § 6 as amended: not valid from 2024-01-01", child, "2023-09-01", "2024-01-01", false, 15},
		{"databeskyttelsesloven § 6 as amended: still not valid the day before the 15th birthday", child, "2023-09-01", "2024-06-14", false, 15},
		{"databeskyttelsesloven § 6 as amended: valid again from the 15th birthday", child, "2023-09-01", "2024-06-15", true, 15},
		{"Art. 8(1) consent given below the age never becomes valid", Child{"DK", d("2011-01-10")}, "2023-09-01", "2030-01-01", false, 13},
		{"Art. 8(1) Germany 16", Child{"DE", d("2009-06-15")}, "2025-06-14", "2025-06-14", false, 16},
		{"Art. 8(1) Germany 16th birthday", Child{"DE", d("2009-06-15")}, "2025-06-15", "2025-06-15", true, 16},
		{"Art. 8(1) Sweden 13", Child{"SE", d("2012-03-01")}, "2025-03-01", "2025-03-01", true, 13},
		{"Art. 8(1) France 15", Child{"FR", d("2011-03-01")}, "2025-03-01", "2025-03-01", false, 15},
		{"Art. 8(1) unknown country: default 16", Child{"US", d("2010-03-01")}, "2025-03-01", "2025-03-01", false, 16},
		{"Art. 8(1) born 29 Feb turns 13 on 28 Feb", Child{"SE", d("2012-02-29")}, "2025-02-28", "2025-02-28", true, 13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ages.OwnConsentValid(tt.c, d(tt.given), d(tt.on))
			if got.Allowed != tt.want {
				t.Errorf("OwnConsentValid(%s, %s, %s) = %v (%v), want %v", tt.c.Country, tt.given, tt.on, got.Allowed, got, tt.want)
			}
		})
	}
	if got := ages.AgeOn("DK", d("2023-12-31")); got != 13 {
		t.Errorf("AgeOn(DK, 2023-12-31) = %d, want 13", got)
	}
	if got := ages.AgeOn("DK", d("2024-01-01")); got != 15 {
		t.Errorf("AgeOn(DK, 2024-01-01) = %d, want 15", got)
	}
}

func TestAgeTableWith(t *testing.T) {
	ages, err := DefaultConsentAges().With(ConsentAge{Country: "SE", From: d("2027-01-01"), Age: 15})
	if err != nil {
		t.Fatal(err)
	}
	if got := ages.AgeOn("SE", d("2026-12-31")); got != 13 {
		t.Errorf("AgeOn(SE, 2026-12-31) = %d, want 13", got)
	}
	if got := ages.AgeOn("SE", d("2027-01-01")); got != 15 {
		t.Errorf("AgeOn(SE, 2027-01-01) = %d, want 15", got)
	}
	_, err = ages.With(ConsentAge{Country: "se", Age: 12})
	var ve *contract.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 3 {
		t.Errorf("With(bad row) = %v, want 3 problems", err)
	}
}

func TestEventStringHasNoSubject(t *testing.T) {
	e := give("jane.doe@example.com", UseMarketingEmail, "2026-01-05T10:00:00Z")
	l, _ := NewLedger(e)
	st := l.State(e.Subject, UseMarketingEmail, ts("2026-02-01T00:00:00Z"))
	for _, s := range []string{e.String(), st.String(), st.Reason().String()} {
		if containsAny(s, "jane", "example") {
			t.Errorf("output %q leaks the subject", s)
		}
	}
	if _, err := NewLedger(ConsentEvent{Subject: "jane.doe@example.com", Purpose: "Bad Key"}); err == nil || containsAny(err.Error(), "jane", "example") {
		t.Errorf("error %v leaks the subject", err)
	}
}

// The one-pass fold of a large ledger gives, for every subject and
// purpose, what State gives for the pair, in subject and purpose order.
func TestStatesMatchesState(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	uses := []DataUse{UseMarketing, UseMarketingEmail, UseTargetedAds, UseAnalytics, UseAdvertising}
	base := ts("2026-01-01T00:00:00Z")
	evs := make([]ConsentEvent, 60_000)
	for i := range evs {
		m := MethodForm
		if r.IntN(3) == 0 {
			m = MethodSignal
		}
		e := ConsentEvent{Subject: fmt.Sprintf("s%05d", r.IntN(5000)), Purpose: uses[r.IntN(len(uses))],
			Action: ConsentAction(1 + r.IntN(4)), At: base.Add(time.Duration(r.IntN(1000)) * time.Minute),
			Method: m, Source: "src", Policy: policy25, Notice: notice}
		evs[i] = e
	}
	l, err := NewLedger(evs...)
	if err != nil {
		t.Fatal(err)
	}
	at := base.Add(500 * time.Minute)
	all := l.States(at)
	for i := 1; i < len(all); i++ {
		a, b := all[i-1], all[i]
		if a.Subject > b.Subject || (a.Subject == b.Subject && a.Purpose >= b.Purpose) {
			t.Fatalf("States out of order at %d: %s/%s then %s/%s", i, a.Subject, a.Purpose, b.Subject, b.Purpose)
		}
	}
	for i, got := range all {
		if i%7 != 0 {
			continue
		}
		if want := l.State(got.Subject, got.Purpose, at); !cmp.Equal(got, want) {
			t.Fatalf("States()[%d] differs from State (-want +got):\n%s", i, cmp.Diff(want, got))
		}
	}
}

// TestExplicitOptInSurvivesReconfirmation checks GDPR Art. 21(5) with
// Art. 7: an explicit opt-in given after a Global Privacy Control
// objection outranks later signals, and confirming the consent again
// explicitly keeps that standing -- a second banner consent must not
// leave the consent open to the next signal.
func TestExplicitOptInSurvivesReconfirmation(t *testing.T) {
	l, err := NewLedger(
		act("s", UseTargetedAds, Objected, "2026-01-01T10:00:00Z", MethodSignal),
		give("s", UseTargetedAds, "2026-01-02T10:00:00Z"),
		give("s", UseTargetedAds, "2026-01-03T10:00:00Z"),
		act("s", UseTargetedAds, Objected, "2026-01-04T10:00:00Z", MethodSignal))
	if err != nil {
		t.Fatal(err)
	}
	st := l.State("s", UseTargetedAds, ts("2026-01-05T00:00:00Z"))
	if st.Status != Granted || !st.ExplicitAfterSignal || !st.SignalIgnored || st.GivenAt != ts("2026-01-03T10:00:00Z") {
		t.Errorf("Art. 21(5) reconfirmed consent after a signal: %+v, want granted since the second opt-in, signal ignored", st)
	}
}
