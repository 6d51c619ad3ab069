// Command tcf-decode decodes an IAB TCF v2.2/v2.3 TC string -- the
// euconsent-v2 cookie a consent banner writes -- and prints what the user
// chose: purposes, special features, vendors and publisher restrictions.
// It then records the choice in pimkit's consent ledger, mapped onto data
// uses, with a Global Privacy Control signal when -gpc is given.
//
//	go run ./examples/tcf-decode [-gpc] [TC-STRING]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"github.com/pimkit/pimkit/privacy/tcf"
)

// A string a Danish CMP wrote on 2026-03-15, with its disclosed vendors.
const defaultTC = "CQhE6KnQhIR9AEsAMCDAC0FsAPLAAEPgAAZQAKuBACACpAAAgAAA.IAWOBACAAAEA"

// The purposes and special features of TCF v2.2, as the Global Vendor List
// names them.
var purposes = [...]string{1: "Store and/or access information on a device",
	2: "Use limited data to select advertising", 3: "Create profiles for personalised advertising",
	4: "Use profiles to select personalised advertising", 5: "Create profiles to personalise content",
	6: "Use profiles to select personalised content", 7: "Measure advertising performance",
	8: "Measure content performance", 9: "Understand audiences through statistics",
	10: "Develop and improve services", 11: "Use limited data to select content"}

var features = [...]string{1: "Use precise geolocation data", 2: "Actively scan device characteristics for identification"}

func main() {
	gpc := flag.Bool("gpc", false, "the same request carried Sec-GPC: 1")
	flag.Parse()
	s := defaultTC
	if flag.NArg() > 0 {
		s = flag.Arg(0)
	}
	if err := run(os.Stdout, s, *gpc); err != nil {
		fmt.Fprintln(os.Stderr, "tcf-decode:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, s string, gpc bool) error {
	tc, err := tcf.Decode(s)
	if err != nil {
		var verr *contract.ValidationError
		if errors.As(err, &verr) && errors.Is(err, tcf.ErrPolicyVersion) {
			return fmt.Errorf("the user must be asked again (%s): %w", verr.Problems[0].Path, err)
		}
		return fmt.Errorf("not a valid TC string: %w", err)
	}
	fmt.Fprintf(w, "CMP %d version %d, screen %d, language %s, publisher country %s\n",
		tc.CMPID, tc.CMPVersion, tc.ConsentScreen, tc.ConsentLanguage, tc.PublisherCountryCode)
	fmt.Fprintf(w, "Global Vendor List %d, policy version %d, created %s, updated %s\n", tc.VendorListVersion,
		tc.PolicyVersion, tc.Created.Format(time.RFC3339), tc.LastUpdated.Format(time.RFC3339))

	fmt.Fprintln(w, "\nPurposes (consent / legitimate interest):")
	for id := 1; id < len(purposes); id++ {
		fmt.Fprintf(w, "  %2d %-50s %-8s %s\n", id, purposes[id], yes(tc.PurposeConsents.Has(id), "consent"),
			yes(tc.PurposeLegitimateInterests.Has(id), "LI"))
	}
	if tc.PurposeOneTreatment {
		fmt.Fprintln(w, "  purpose 1 was not asked: the publisher's country does not require consent for it")
	}
	fmt.Fprintln(w, "Special features opted in:")
	for id := 1; id < len(features); id++ {
		fmt.Fprintf(w, "  %2d %-56s %s\n", id, features[id], yes(tc.SpecialFeatureOptIns.Has(id), "opted in"))
	}

	fmt.Fprintln(w, "\nVendors:")
	fmt.Fprintf(w, "  consent             %v\n", tc.VendorConsents)
	fmt.Fprintf(w, "  legitimate interest %v\n", tc.VendorLegitimateInterests)
	if tc.HasVendorsDisclosed {
		fmt.Fprintf(w, "  disclosed           %v\n", tc.VendorsDisclosed)
	}
	for _, r := range tc.PublisherRestrictions {
		fmt.Fprintf(w, "  restriction on purpose %d: %s for %v\n", r.PurposeID, r.Type, r.Vendors)
	}
	if tc.HasPublisherTC {
		fmt.Fprintf(w, "  publisher's own purposes: consent %v, LI %v\n", tc.PublisherTC.PurposeConsents,
			tc.PublisherTC.PurposeLegitimateInterests)
	}
	for _, v := range []int{10, 44} {
		fmt.Fprintf(w, "  vendor %d may store and read cookies (purpose 1): %v\n", v,
			tc.PurposeConsents.Has(1) && tc.VendorConsents.Has(v))
	}

	// Record the choice as consent proof under the policy in force that day.
	at := tc.LastUpdated
	policy, err := privacy.OpenDIMSHistory().InForce(contract.DateOf(at))
	if err != nil {
		return err
	}
	const visitor = "visitor-7" // the host's pseudonymous reference
	events := privacy.TCFEvents(visitor, tc, policy.Effective)
	if gpc {
		events = append(events, privacy.GPCEvents(visitor, at, privacy.ParseGPC("1", true))...)
	}
	ledger, err := privacy.NewLedger(events...)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nConsent ledger (%d events, policy %s, GPC %v):\n", ledger.Len(), policy.Effective, gpc)
	seen := map[privacy.DataUse]bool{}
	for id := 1; id < len(purposes); id++ {
		use, _ := privacy.TCFPurposeUse(id)
		if seen[use] {
			continue // purposes 5 and 6 share a use
		}
		seen[use] = true
		st := ledger.State(visitor, use, at)
		fmt.Fprintf(w, "  purpose %2d  %-46s %s\n", id, use, st.Reason())
	}
	mode := ledger.ConsentMode(privacy.TCFConsentModeMapping(), visitor, at, privacy.ConsentRules{}, privacy.Child{})
	fmt.Fprintln(w, "Consent Mode (TCF mapping):", mode)
	return nil
}

func yes(ok bool, s string) string {
	if ok {
		return s
	}
	return "-"
}
