package privacy

import (
	"fmt"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
)

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

var consentStatusNames = enum.Names{"none", "granted", "withdrawn", "expired", "objected"}

// String returns "none", "granted", "withdrawn", "expired" or "objected".
func (s ConsentStatus) String() string {
	return enum.String(consentStatusNames, s, "ConsentStatus")
}

// MarshalText implements encoding.TextMarshaler.
func (s ConsentStatus) MarshalText() ([]byte, error) {
	return enum.Marshal(consentStatusNames, s, "consent status", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (s *ConsentStatus) UnmarshalText(b []byte) error {
	return enum.Unmarshal(consentStatusNames, b, s, "consent status", ErrUnknownValue)
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
		after := !signal && s.Status == ObjectedStatus && s.Method == MethodSignal
		if s.Status == Granted && s.ExplicitAfterSignal {
			// A consent given again -- by a signal, or confirmed explicitly
			// -- keeps the standing of the explicit opt-in it renews.
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
			Since: e.At, Method: e.Method, Source: e.Source}
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
