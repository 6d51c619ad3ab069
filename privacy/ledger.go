package privacy

import (
	"cmp"
	"encoding/hex"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pimkit/pimkit/contract"
)

// ConsentAction is what a [ConsentEvent] records.
type ConsentAction uint8

// The consent actions. At the same instant they apply in this order, so a
// withdrawal recorded at the same instant as a grant wins.
const (
	// Given records consent given (GDPR Art. 4(11), 7).
	Given ConsentAction = iota + 1
	// Expired records that a consent lapsed, such as a fixed-term consent
	// the host ends.
	Expired
	// Objected records an objection (Art. 21): an opt-out of marketing
	// from any channel, or a Global Privacy Control signal. Unlike a
	// withdrawal it also stops processing that needs no consent, such as
	// marketing on legitimate interests.
	Objected
	// Withdrawn records the withdrawal of consent (Art. 7(3)).
	Withdrawn
)

var consentActionNames = []string{"", "given", "expired", "objected", "withdrawn"}

// String returns "given", "expired", "objected" or "withdrawn".
func (a ConsentAction) String() string {
	return enumString(consentActionNames, uint8(a), "ConsentAction")
}

// MarshalText implements encoding.TextMarshaler.
func (a ConsentAction) MarshalText() ([]byte, error) {
	return enumMarshal(consentActionNames, uint8(a), "consent action")
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
func (a *ConsentAction) UnmarshalText(b []byte) error {
	v, err := enumParse(consentActionNames, b, "consent action")
	*a = ConsentAction(v)
	return err
}

// Method is how a consent event was collected.
type Method uint8

// The collection methods.
const (
	// MethodBanner is a consent banner or cookie dialog.
	MethodBanner Method = iota + 1
	// MethodForm is a form, such as a newsletter sign-up or account page.
	MethodForm
	// MethodAPI is a call from the host's own systems on the subject's
	// instruction.
	MethodAPI
	// MethodSignal is an automated signal: a Global Privacy Control
	// header or an IAB TCF string. Its Source names it.
	MethodSignal
	// MethodLink is an unsubscribe link in a message.
	MethodLink
	// MethodContact is a message or call to the controller (the policy's
	// "by contacting us").
	MethodContact
)

var methodNames = []string{"", "banner", "form", "api", "signal", "link", "contact"}

// String returns "banner", "form", "api", "signal", "link" or "contact".
func (m Method) String() string { return enumString(methodNames, uint8(m), "Method") }

// MarshalText implements encoding.TextMarshaler.
func (m Method) MarshalText() ([]byte, error) { return enumMarshal(methodNames, uint8(m), "method") }

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
func (m *Method) UnmarshalText(b []byte) error {
	v, err := enumParse(methodNames, b, "method")
	*m = Method(v)
	return err
}

// NoticeHash is the SHA-256 of the notice text the subject was shown when
// consenting, proof of what they agreed to (Art. 7(1)). Compute it with
// crypto/sha256.Sum256 over the exact text. It marshals as 64 lower-case
// hex digits; the zero NoticeHash marshals as "".
type NoticeHash [32]byte

// IsZero reports whether h is the zero hash.
func (h NoticeHash) IsZero() bool { return h == NoticeHash{} }

// String returns the hash in hex.
func (h NoticeHash) String() string {
	if h.IsZero() {
		return ""
	}
	return hex.EncodeToString(h[:])
}

// MarshalText implements encoding.TextMarshaler.
func (h NoticeHash) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler: 64 hex digits, or ""
// for the zero hash. Other text, and 64 zeros (which would not read back
// the same), is an error wrapping ErrInvalid.
func (h *NoticeHash) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*h = NoticeHash{}
		return nil
	}
	var v NoticeHash
	if len(b) != 64 {
		return fmt.Errorf("%w: notice hash needs 64 hex digits, got %d bytes", ErrInvalid, len(b))
	}
	if _, err := hex.Decode(v[:], b); err != nil {
		return fmt.Errorf("%w: notice hash is not hex", ErrInvalid)
	}
	if v.IsZero() {
		return fmt.Errorf("%w: notice hash of all zeros; use \"\" for none", ErrInvalid)
	}
	*h = v
	return nil
}

// ConsentEvent is one entry of the consent ledger. Events are never changed
// or removed: a withdrawal is a new event. Subject is the host's
// pseudonymous reference for the person (a customer number, not an e-mail
// address); it never appears in String output or errors, and proofs carry
// it only hashed.
type ConsentEvent struct {
	// Subject is the host's reference for the data subject.
	Subject string `json:"subject"`
	// Purpose is the data use consented to; it covers every use under it.
	Purpose DataUse `json:"purpose"`
	// Action is what happened.
	Action ConsentAction `json:"action"`
	// At is the instant; the ledger stores it in UTC.
	At time.Time `json:"at"`
	// Policy is the effective date of the policy version in force, which
	// identifies the version: 2025-02-01 for OpenDIMS's first.
	Policy contract.Date `json:"policy,omitzero"`
	// Method is how the event was collected.
	Method Method `json:"method"`
	// Notice is the SHA-256 of the notice text shown; required for a
	// consent given by any method but a signal.
	Notice NoticeHash `json:"notice,omitzero"`
	// Source names a signal or channel: "Sec-GPC", a TCF string's CMP, an
	// unsubscribe campaign. It must not hold personal data.
	Source string `json:"source,omitempty"`
	// Guardian reports consent given or authorised by the holder of
	// parental responsibility (Art. 8(1)).
	Guardian bool `json:"guardian,omitempty"`
}

// String returns "2026-01-05T10:00:00Z given marketing.communications.email
// via form (policy 2025-02-01)" without the subject.
func (e ConsentEvent) String() string {
	s := fmt.Sprintf("%s %s %s via %s", e.At.UTC().Format(time.RFC3339), e.Action, e.Purpose, e.Method)
	if !e.Policy.IsZero() {
		s += " (policy " + e.Policy.String() + ")"
	}
	return s
}

func (e ConsentEvent) problems(path string) []Problem {
	var ps []Problem
	if e.Subject == "" {
		ps = append(ps, Problem{path + ".subject", "required", ""})
	}
	if !e.Purpose.Valid() {
		ps = append(ps, Problem{path + ".purpose", "taxonomy_key", truncKey(string(e.Purpose))})
	}
	if e.Action < Given || e.Action > Withdrawn {
		ps = append(ps, Problem{path + ".action", "oneof", strings.Join(consentActionNames[1:], " ")})
	}
	if e.At.IsZero() {
		ps = append(ps, Problem{path + ".at", "required", ""})
	}
	if e.Method < MethodBanner || e.Method > MethodContact {
		ps = append(ps, Problem{path + ".method", "oneof", strings.Join(methodNames[1:], " ")})
	}
	if e.Action == Given && e.Method != MethodSignal {
		if e.Notice.IsZero() {
			ps = append(ps, Problem{path + ".notice", "required_for_consent", "GDPR Art. 7(1)"})
		}
		if e.Policy.IsZero() {
			ps = append(ps, Problem{path + ".policy", "required_for_consent", "GDPR Art. 7(1)"})
		}
	}
	if e.Method == MethodSignal && e.Source == "" {
		ps = append(ps, Problem{path + ".source", "required_for_signal", ""})
	}
	return ps
}

// compareEvents is the ledger's total order: by instant, then action
// (Given < Expired < Objected < Withdrawn), then every other field, so the
// order of events with the same instant never depends on the order they
// were appended in.
func compareEvents(a, b ConsentEvent) int {
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

func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// Ledger is an append-only consent ledger: events in a deterministic total
// order (by instant, then withdrawal after grant at the same instant, then
// content). The zero Ledger is empty and ready to use. A Ledger is a value:
// Append returns a new Ledger and never changes the one it is called on,
// so copies are safe to share between goroutines.
//
// The state of a subject's consent to a purpose at an instant is a fold
// over the ledger: [Ledger.State]. Hosts store the events and rebuild the
// ledger with [NewLedger], per subject or in bulk.
type Ledger struct {
	events []ConsentEvent
}

// NewLedger returns a ledger of events in the ledger's order, whatever
// order they come in. Every invalid event is reported at once in a
// [*ValidationError] with paths "events[3].notice".
func NewLedger(events ...ConsentEvent) (Ledger, error) {
	var ps []Problem
	for i, e := range events {
		ps = append(ps, e.problems(fmt.Sprintf("events[%d]", i))...)
	}
	if err := problemsError("consent events", ps); err != nil {
		return Ledger{}, err
	}
	evs := make([]ConsentEvent, len(events))
	for i, e := range events {
		e.At = e.At.UTC()
		evs[i] = e
	}
	slices.SortStableFunc(evs, compareEvents)
	return Ledger{events: evs}, nil
}

// Append returns a new ledger with events added in their place in the
// order; l is unchanged. Invalid events are reported as by NewLedger and
// nothing is added. Appending copies the ledger; to load many events use
// NewLedger.
func (l Ledger) Append(events ...ConsentEvent) (Ledger, error) {
	add, err := NewLedger(events...)
	if err != nil {
		return l, err
	}
	out := make([]ConsentEvent, 0, len(l.events)+len(add.events))
	out = append(out, l.events...)
	if n := len(l.events); n == 0 || len(add.events) == 0 || compareEvents(l.events[n-1], add.events[0]) <= 0 {
		out = append(out, add.events...)
	} else {
		out = append(out, add.events...)
		slices.SortStableFunc(out, compareEvents)
	}
	return Ledger{events: out}, nil
}

// Len returns the number of events.
func (l Ledger) Len() int { return len(l.events) }

// All returns the events in the ledger's order.
func (l Ledger) All() iter.Seq[ConsentEvent] { return slices.Values(l.events) }

// Subject returns the ledger of subject's events only.
func (l Ledger) Subject(subject string) Ledger {
	var out []ConsentEvent
	for _, e := range l.events {
		if e.Subject == subject {
			out = append(out, e)
		}
	}
	return Ledger{events: out}
}

// upto returns the number of events at or before at.
func (l Ledger) upto(at time.Time) int {
	n, _ := slices.BinarySearchFunc(l.events, at, func(e ConsentEvent, t time.Time) int {
		if e.At.After(t) {
			return 1
		}
		return -1
	})
	return n
}

// parallelFoldMin is the ledger size from which States folds in parallel.
const parallelFoldMin = 50_000

// ConsentStatus is the outcome of folding a subject's events for a
// purpose.
type ConsentStatus uint8

// The consent statuses. The zero value NoConsent means no event applies.
const (
	// NoConsent: nothing recorded for the purpose.
	NoConsent ConsentStatus = iota
	// Granted: consent given and not withdrawn, expired or objected to.
	Granted
	// WithdrawnStatus: the last applying event withdrew consent.
	WithdrawnStatus
	// ExpiredStatus: the consent expired.
	ExpiredStatus
	// ObjectedStatus: the subject objected (opt-out, Global Privacy
	// Control).
	ObjectedStatus
)

var consentStatusNames = []string{"none", "granted", "withdrawn", "expired", "objected"}

// String returns "none", "granted", "withdrawn", "expired" or "objected".
func (s ConsentStatus) String() string {
	return enumString(consentStatusNames, uint8(s), "ConsentStatus")
}

// MarshalText implements encoding.TextMarshaler.
func (s ConsentStatus) MarshalText() ([]byte, error) {
	return enumMarshal(consentStatusNames, uint8(s), "consent status")
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
func (s *ConsentStatus) UnmarshalText(b []byte) error {
	v, err := enumParse(consentStatusNames, b, "consent status")
	*s = ConsentStatus(v)
	return err
}

// ConsentState is a subject's consent to one purpose at an instant, the
// fold of the events for that purpose and its ancestors up to the
// instant. The last applying event decides, with two rules for automated
// signals (GDPR Art. 21(5)):
//
//   - an objection by a signal (method signal, such as Global Privacy
//     Control) ends an earlier consent; but once the subject explicitly
//     opts in (a Given event by any other method) after such an objection,
//     later objections by signal are ignored and SignalIgnored records it;
//   - a consent by signal (such as a TCF string) does not lift any
//     objection, explicit or by signal: only an explicit opt-in does
//     (Art. 21(3)), so a GPC header and a TC string sent with the same
//     requests do not take turns.
type ConsentState struct {
	// Subject is the subject's reference; String never shows it.
	Subject string `json:"subject"`
	// Purpose is the purpose asked about.
	Purpose DataUse `json:"purpose"`
	// Status is the outcome.
	Status ConsentStatus `json:"status"`
	// Since is the instant of the deciding event; zero for NoConsent.
	Since time.Time `json:"since,omitzero"`
	// Method and Source are those of the deciding event: how the
	// current status came about ("signal", "Sec-GPC").
	Method Method `json:"method,omitzero"`
	Source string `json:"source,omitempty"`
	// GivenAt is when the consent in force was given (Granted only).
	GivenAt time.Time `json:"given_at,omitzero"`
	// Policy is the policy version the consent in force was given under.
	Policy contract.Date `json:"policy,omitzero"`
	// Guardian reports that the consent in force came from the holder of
	// parental responsibility.
	Guardian bool `json:"guardian,omitempty"`
	// ExplicitAfterSignal reports that the consent in force is an explicit
	// opt-in given after an automated objection, which it overrode.
	ExplicitAfterSignal bool `json:"explicit_after_signal,omitempty"`
	// SignalIgnored reports that a later objection by signal was ignored
	// because of such an opt-in.
	SignalIgnored bool `json:"signal_ignored,omitempty"`
	// objectedBySignal reports that the current objection came by signal.
	objectedBySignal bool
}

// Granted reports whether s.Status is Granted. Check [ConsentRules.Check]
// for renewal and age gates before relying on it.
func (s ConsentState) Granted() bool { return s.Status == Granted }

// String returns "marketing.communications.email: granted since
// 2026-01-05T10:00:00Z" without the subject.
func (s ConsentState) String() string {
	if s.Status == NoConsent {
		return string(s.Purpose) + ": none"
	}
	str := fmt.Sprintf("%s: %s since %s", s.Purpose, s.Status, s.Since.UTC().Format(time.RFC3339))
	if s.SignalIgnored {
		str += " (explicit opt-in after signal wins)"
	}
	return str
}

// Reason explains the state in one sentence, in English or Danish.
func (s ConsentState) Reason() contract.Reason {
	switch s.Status {
	case Granted:
		return contract.NewReason(cat, msgConsentValid)
	case WithdrawnStatus:
		return contract.NewReason(cat, msgConsentWithdrawn)
	case ExpiredStatus:
		return contract.NewReason(cat, msgConsentExpired)
	case ObjectedStatus:
		return contract.NewReason(cat, msgConsentObjected)
	}
	return contract.NewReason(cat, msgConsentNone)
}

func (s *ConsentState) apply(e ConsentEvent) {
	signal := e.Method == MethodSignal
	switch e.Action {
	case Given:
		if signal && s.Status == ObjectedStatus {
			return // Art. 21(3), (5): only an explicit opt-in lifts an objection.
		}
		after := !signal && s.Status == ObjectedStatus && s.objectedBySignal
		if s.Status == Granted && s.ExplicitAfterSignal && signal {
			after = true
		}
		*s = ConsentState{Subject: s.Subject, Purpose: s.Purpose, Status: Granted, Since: e.At,
			Method: e.Method, Source: e.Source, GivenAt: e.At, Policy: e.Policy, Guardian: e.Guardian,
			ExplicitAfterSignal: after}
		return
	case Objected:
		if signal && s.Status == Granted && s.ExplicitAfterSignal {
			s.SignalIgnored = true
			return
		}
		*s = ConsentState{Subject: s.Subject, Purpose: s.Purpose, Status: ObjectedStatus,
			Since: e.At, Method: e.Method, Source: e.Source, objectedBySignal: signal}
		return
	case Expired:
		if s.Status != Granted {
			return
		}
		*s = ConsentState{Subject: s.Subject, Purpose: s.Purpose, Status: ExpiredStatus, Since: e.At,
			Method: e.Method, Source: e.Source}
	case Withdrawn:
		if s.Status == ObjectedStatus {
			return // an objection stays stronger than a withdrawal.
		}
		*s = ConsentState{Subject: s.Subject, Purpose: s.Purpose, Status: WithdrawnStatus, Since: e.At,
			Method: e.Method, Source: e.Source}
	}
}

// State folds the ledger for subject and purpose up to and including
// instant at: events for purpose and for any ancestor of it apply, so a
// withdrawal for "marketing" ends a consent to
// "marketing.communications.email". A withdrawal always wins from its
// instant, also over a grant at the same instant.
func (l Ledger) State(subject string, purpose DataUse, at time.Time) ConsentState {
	st := ConsentState{Subject: subject, Purpose: purpose}
	for _, e := range l.events[:l.upto(at)] {
		if e.Subject == subject && purpose.Under(e.Purpose) {
			st.apply(e)
		}
	}
	return st
}

// States folds the whole ledger at instant at: the state of every
// subject for every purpose named in its events, sorted by subject and
// purpose. Each state is what [Ledger.State] returns for that pair.
func (l Ledger) States(at time.Time) []ConsentState {
	evs := l.events[:l.upto(at)]
	// Give each subject a dense id in order of first appearance, then
	// bucket the event indexes by subject with a counting sort, keeping
	// the ledger's order within each bucket.
	ids := make(map[string]int32)
	sid := make([]int32, len(evs))
	var names []string
	for i := range evs {
		id, ok := ids[evs[i].Subject]
		if !ok {
			id = int32(len(names))
			ids[evs[i].Subject] = id
			names = append(names, evs[i].Subject)
		}
		sid[i] = id
	}
	start := make([]int32, len(names)+1)
	for _, id := range sid {
		start[id+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	idx := make([]int32, len(evs))
	fill := slices.Clone(start[:len(names)])
	for i, id := range sid {
		idx[fill[id]] = int32(i)
		fill[id]++
	}
	order := make([]int32, len(names))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(names[a], names[b]) })
	// Phase 1: each subject's distinct purposes, sorted, and its offset in
	// the output. Phase 2: fold each subject's purposes into its slots.
	// Both run in parallel over contiguous runs of subjects for large
	// ledgers; the result is the same as the sequential fold.
	offset := make([]int32, len(order)+1)
	// A subject has no more distinct purposes than events, so its purposes
	// fit in its bucket's range of one flat buffer.
	flat := make([]DataUse, len(evs))
	purposesOf := make([][]DataUse, len(order))
	distinct := func(lo, hi int) {
		for k := lo; k < hi; k++ {
			id := order[k]
			ps := flat[start[id]:start[id]:start[id+1]]
			for _, i := range idx[start[id]:start[id+1]] {
				if !slices.Contains(ps, evs[i].Purpose) {
					ps = append(ps, evs[i].Purpose)
				}
			}
			slices.Sort(ps)
			purposesOf[k] = ps
		}
	}
	var out []ConsentState
	foldRange := func(lo, hi int) {
		for k := lo; k < hi; k++ {
			id := order[k]
			bucket := idx[start[id]:start[id+1]]
			for j, p := range purposesOf[k] {
				st := &out[offset[k]+int32(j)]
				*st = ConsentState{Subject: names[id], Purpose: p}
				for _, i := range bucket {
					if p.Under(evs[i].Purpose) {
						st.apply(evs[i])
					}
				}
			}
		}
	}
	workers := runtime.GOMAXPROCS(0)
	if len(evs) < parallelFoldMin || workers < 2 || len(order) < workers {
		workers = 1
	}
	parallel := func(f func(lo, hi int)) {
		if workers == 1 {
			f(0, len(order))
			return
		}
		var wg sync.WaitGroup
		for w := range workers {
			lo, hi := len(order)*w/workers, len(order)*(w+1)/workers
			wg.Go(func() { f(lo, hi) })
		}
		wg.Wait()
	}
	parallel(distinct)
	for k, ps := range purposesOf {
		offset[k+1] = offset[k] + int32(len(ps))
	}
	out = make([]ConsentState, offset[len(order)])
	parallel(foldRange)
	return out
}
