package privacy_test

import (
	"fmt"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"github.com/pimkit/pimkit/privacy/tcf"
)

// A TC string from the consent banner is decoded, recorded in the ledger as
// a signal, and turned into Consent Mode flags; the same request's Global
// Privacy Control header then objects to targeted advertising.
func ExampleTCFEvents() {
	tc, err := tcf.Decode("CQhE6KnQhIR9AEsAMCDAC0FsAPLAAEPgAAZQAKuBACACpAAAgAAA.IAWOBACAAAEA")
	if err != nil {
		fmt.Println(err)
		return
	}
	policy := contract.MustDate(2025, 2, 1) // the OpenDIMS policy in force
	l, err := privacy.NewLedger(privacy.TCFEvents("visitor-7", tc, policy)...)
	if err != nil {
		fmt.Println(err)
		return
	}
	at := tc.LastUpdated
	mapping := privacy.TCFConsentModeMapping()
	fmt.Println(l.ConsentMode(mapping, "visitor-7", at, privacy.ConsentRules{}, privacy.Child{}))

	l, _ = l.Append(privacy.GPCEvents("visitor-7", at, privacy.ParseGPC("1", true))...)
	fmt.Println(l.State("visitor-7", privacy.UseTargetedAds, at))
	fmt.Println(l.ConsentMode(mapping, "visitor-7", at, privacy.ConsentRules{}, privacy.Child{}).AdPersonalization)
	// Output:
	// {"ad_storage":"granted","ad_user_data":"granted","ad_personalization":"granted","analytics_storage":"granted","functionality_storage":"granted","personalization_storage":"denied","security_storage":"granted"}
	// marketing.advertising.third_party.targeted: objected since 2026-03-15T10:00:00Z
	// denied
}
