package privacy

import (
	"time"

	"github.com/pimkit/pimkit/contract"
)

// OptOutEvent returns the consent-ledger record of subject switching off
// activity a, a service that runs by default until the subject turns it off
// ([Activity.OnByDefault]; Open Products' device connectivity and update
// checks, which rest on legitimate interests and can be deactivated in the
// device's administrative interface). Switching it off is an objection
// (Art. 21(1)), recorded as an [Objected] event for a.Purpose at at, under
// the policy version policy, collected by method ([MethodForm] for a
// settings page): from then on [Ledger.State] reports the subject objected
// for that purpose, and the host stops the service.
//
// An activity that is not on by default needs no opt-out record: that is
// an error wrapping [ErrInvalid] with rule "not_on_by_default" at path
// "on_by_default", as is an event the ledger would refuse (an empty
// subject, a zero instant).
func OptOutEvent(a Activity, subject string, at time.Time, policy contract.Date, method Method) (ConsentEvent, error) {
	e := ConsentEvent{Subject: subject, Purpose: a.Purpose, Action: Objected, At: at.UTC(), Policy: policy, Method: method}
	var ps contract.Problems
	if !a.OnByDefault {
		ps.Add("on_by_default", "not_on_by_default", "")
	}
	e.check(&ps, "event")
	if err := ps.Err("opt out", ErrInvalid); err != nil {
		return ConsentEvent{}, err
	}
	return e, nil
}
