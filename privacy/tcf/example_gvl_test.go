package tcf_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/pimkit/pimkit/privacy/tcf"
)

// vendorList is a Global Vendor List cut down to one vendor, as the IAB
// publishes it: vendor 8 declares purpose 1 on consent and purposes 2 and
// 7 on legitimate interest, purpose 2 flexible.
const vendorList = `{
  "gvlSpecificationVersion": 3, "vendorListVersion": 180, "tcfPolicyVersion": 5,
  "lastUpdated": "2026-03-05T16:00:00Z",
  "purposes": {
    "1": {"id": 1, "name": "Store and/or access information on a device", "description": "...", "illustrations": []},
    "2": {"id": 2, "name": "Use limited data to select advertising", "description": "...", "illustrations": []},
    "7": {"id": 7, "name": "Measure advertising performance", "description": "...", "illustrations": []}
  },
  "vendors": {
    "8": {"id": 8, "name": "Example Vendor", "purposes": [1], "legIntPurposes": [2, 7], "flexiblePurposes": [2],
          "urls": [{"langId": "en", "privacy": "https://vendor.example/privacy"}],
          "usesCookies": true, "cookieMaxAgeSeconds": 31536000, "cookieRefresh": false, "usesNonCookieAccess": false}
  }
}`

func ExampleParseGVL() {
	g, err := tcf.ParseGVL(strings.NewReader(vendorList))
	if err != nil {
		fmt.Println(err)
		return
	}
	v := g.Vendors[8]
	fmt.Println(g.VendorListVersion, v.Name, v.Purposes, v.LegIntPurposes, v.FlexiblePurposes)
	fmt.Println(g.Purposes[7].Name, g.Purposes[7].RightToObject)
	// Output:
	// 180 Example Vendor [1] [2 7] [2]
	// Measure advertising performance true
}

// Vendor 8 has consent for purpose 1 and legitimate interest for purpose 2,
// as it declared them. The publisher requires consent for purpose 7, which
// the vendor declared on legitimate interest without flexibility: it may
// not process for it at all. And a vendor left out of the disclosed-vendors
// segment (TCF v2.3) loses its legitimate interest.
func ExampleGVL_Permission() {
	g, _ := tcf.ParseGVL(strings.NewReader(vendorList))
	created := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	tc := tcf.TCString{
		Created: created, LastUpdated: created, CMPID: 300, VendorListVersion: 180, PolicyVersion: 5,
		PurposeConsents:            tcf.NewIDSet(1, 2),
		PurposeLegitimateInterests: tcf.NewIDSet(2, 7),
		VendorConsents:             tcf.NewVendorSet(8),
		VendorLegitimateInterests:  tcf.NewVendorSet(8),
		PublisherRestrictions: []tcf.PublisherRestriction{
			{PurposeID: 7, Type: tcf.RequireConsent, Vendors: tcf.NewVendorSet(8)},
		},
		HasVendorsDisclosed: true,
		VendorsDisclosed:    tcf.NewVendorSet(8),
	}
	at := created.Add(time.Hour)
	fmt.Println(g.Permission(tc, 8, 1, at))
	fmt.Println(g.Permission(tc, 8, 2, at))
	fmt.Println(g.Permission(tc, 8, 7, at))
	tc.VendorsDisclosed = tcf.NewVendorSet(9)
	fmt.Println(g.Permission(tc, 8, 2, at).Allowed)
	// Output:
	// the vendor has consent for purpose 1 (TCF Policies Chapter III 16(1); TCF implementation guidelines How to determine legal bases from the TC String?; GDPR Art. 6(1)(a))
	// the vendor may rely on legitimate interest for purpose 2 (TCF implementation guidelines How to determine legal bases from the TC String?; GDPR Art. 6(1)(f))
	// the publisher requires a legal basis for purpose 7 that the vendor did not declare as flexible (TCF technical specification v2.3 Publisher Restrictions, RestrictionType; TCF implementation guidelines How to determine legal bases from the TC String?)
	// false
}
