package privacy

import (
	"time"

	"github.com/pimkit/pimkit/internal/enum"

	"github.com/pimkit/pimkit/contract"
)

// Renewal says why a granted consent needs to be asked for again.
type Renewal uint8

// The renewal reasons. The zero value NoRenewal means none is needed.
const (
	// NoRenewal: the consent stands.
	NoRenewal Renewal = iota
	// RenewAge: the consent is older than the configured maximum age.
	RenewAge
	// RenewPolicy: the consent was given under a policy version that a
	// later version needing fresh consent superseded.
	RenewPolicy
	// RenewChild: the subject is below the digital-consent age and the
	// consent did not come from the holder of parental responsibility.
	RenewChild
)

var renewalNames = enum.Names{"none", "age", "policy", "child"}

// String returns "none", "age", "policy" or "child".
func (r Renewal) String() string { return enum.String(renewalNames, r, "Renewal") }

// MarshalText implements encoding.TextMarshaler.
func (r Renewal) MarshalText() ([]byte, error) {
	return enum.Marshal(renewalNames, r, "renewal", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (r *Renewal) UnmarshalText(b []byte) error {
	return enum.Unmarshal(renewalNames, b, r, "renewal", ErrUnknownValue)
}

// ConsentRules are the host's rules for when a granted consent stops
// being enough. The zero ConsentRules never asks for renewal by age or
// policy and applies [DefaultConsentAges] to children.
type ConsentRules struct {
	// MaxAge is how old a consent may get: with 13 months, a consent given
	// on 2025-01-15 needs renewal from 2026-02-16, the first day it is
	// more than 13 months old. Zero means no limit.
	MaxAge contract.Period `json:"max_age,omitzero"`
	// FreshConsentSince is the effective date of the policy version from
	// which consent must have been given: a consent given under an earlier
	// version needs renewal. Set it to a new version's date when
	// [PolicyDiff.NeedsFreshConsent] says so. Zero means none.
	FreshConsentSince contract.Date `json:"fresh_consent_since,omitzero"`
	// Ages is the table of digital-consent ages for children; the zero
	// AgeTable means [DefaultConsentAges].
	Ages AgeTable `json:"ages,omitzero"`
	// Counter counts MaxAge: the controller's counter ([Policy.Counter]).
	// The zero Counter is Reg. 1182/71 over Danish public holidays; the age
	// of a consent is a threshold that never rolls, so the calendar does
	// not move it.
	Counter contract.Counter `json:"counter,omitzero"`
}

// Validity is the outcome of checking a consent state against the rules:
// a Decision (Allowed when the consent may be relied on) and, for a
// granted consent that may not, why it needs renewal.
type Validity struct {
	contract.Decision
	// Renewal says why a granted consent needs renewal; NoRenewal when it
	// stands or was never granted.
	Renewal Renewal `json:"renewal,omitzero"`
}

// Check decides whether state st may be relied on at instant at, for a
// subject who is child (the zero Child for an adult). Days are taken in
// UTC. In order: a state that is not granted is not valid; a consent
// older than r.MaxAge, given under a policy older than
// r.FreshConsentSince, or a child's own consent below the age (Art. 8(1),
// [AgeTable.OwnConsentValid]) needs renewal.
func (r ConsentRules) Check(st ConsentState, at time.Time, child Child) Validity {
	on := contract.DateOf(at.UTC())
	v := Validity{Decision: contract.Decision{Rule: "GDPR Art. 7(1)", Date: on,
		Citations: []contract.Citation{gdpr("Art. 7(1)")}}}
	if st.Status != Granted {
		v.Reason = st.Reason()
		if st.Status == WithdrawnStatus {
			v.Citations = append(v.Citations, gdpr("Art. 7(3)"))
		}
		if st.Status == ObjectedStatus {
			v.Citations = append(v.Citations, gdpr("Art. 21"))
		}
		return v
	}
	given := contract.DateOf(st.GivenAt.UTC())
	v.From = given
	if !r.MaxAge.IsZero() {
		th, err := r.Counter.Threshold(given, r.MaxAge)
		if err != nil || !on.Before(th.Date) {
			v.Renewal = RenewAge
			v.Reason = contract.NewReason(cat, msgConsentOld, r.MaxAge)
			return v
		}
	}
	if !r.FreshConsentSince.IsZero() && st.Policy.Before(r.FreshConsentSince) {
		v.Renewal = RenewPolicy
		v.Reason = contract.NewReason(cat, msgConsentPolicy)
		return v
	}
	if !child.IsZero() && !st.Guardian {
		ages := r.Ages
		if len(ages.rows) == 0 {
			ages = DefaultConsentAges()
		}
		d := ages.OwnConsentValid(child, given, on)
		if !d.Allowed {
			v.Renewal = RenewChild
			v.Rule, v.Citations, v.Reason = d.Rule, d.Citations, d.Reason
			return v
		}
	}
	v.Allowed = true
	v.Reason = contract.NewReason(cat, msgConsentValid)
	return v
}

// Valid folds the ledger for subject and purpose at instant at and checks
// the state with rules: the one call a host makes before processing on
// consent.
func (l Ledger) Valid(subject string, purpose DataUse, at time.Time, rules ConsentRules, child Child) Validity {
	return rules.Check(l.State(subject, purpose, at), at, child)
}

// OptOut returns the event that records a subject's objection to all
// direct marketing at instant at, from any channel: an unsubscribe link
// (MethodLink), a message to the controller (MethodContact), the account
// page (MethodForm). It is absolute (GDPR Art. 21(2)-(3)): it covers every
// use under "marketing", whatever the basis, and only a later explicit
// opt-in lifts it. source names the channel without personal data, such
// as a campaign ID.
func OptOut(subject string, at time.Time, method Method, source string) ConsentEvent {
	return ConsentEvent{Subject: subject, Purpose: UseMarketing, Action: Objected, At: at,
		Method: method, Source: source}
}
