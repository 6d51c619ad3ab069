package privacy

import (
	"strconv"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy/tcf"
)

// TCFEvents returns the ledger events that record a decoded TC string as a
// consent signal of subject: for each of purposes 1-11, a Given event when
// the string consents to it and a Withdrawn event when it does not, mapped
// onto data uses by [TCFPurposeUse], with method signal and the source
// "tcf:cmp=<CMP ID>:v=<vendor list version>" (never the string itself,
// which can identify the user). Append them to the ledger with
// [Ledger.Append]; the fold treats them like any signal, so a TC string's
// consent never lifts an explicit objection (GDPR Art. 21).
//
// The events are dated at the string's LastUpdated instant, when the user
// last made a choice (Created when LastUpdated is zero), so recording the
// same string twice records the same choice. When the string has
// PurposeOneTreatment set, purpose 1 was not asked about (the publisher's
// country does not require consent for storage, TCF policy) and no event
// is recorded for it. Purposes 12-24 are not defined by TCF v2.2 and are
// ignored. policy is the effective date of the privacy policy in force.
func TCFEvents(subject string, tc tcf.TCString, policy contract.Date) []ConsentEvent {
	at := tc.LastUpdated
	if at.IsZero() {
		at = tc.Created
	}
	consents := make([]bool, 11)
	for p := 1; p <= len(consents); p++ {
		consents[p-1] = tc.PurposeConsents.Has(p)
	}
	choices := TCFChoices(consents)
	if tc.PurposeOneTreatment {
		if use, ok := TCFPurposeUse(1); ok {
			kept := choices[:0]
			for _, c := range choices {
				if c.Purpose != use {
					kept = append(kept, c)
				}
			}
			choices = kept
		}
	}
	source := "tcf:cmp=" + strconv.Itoa(tc.CMPID) + ":v=" + strconv.Itoa(tc.VendorListVersion)
	return SignalEvents(subject, at, source, policy, choices...)
}
