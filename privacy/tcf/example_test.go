package tcf_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy/tcf"
)

// A consent banner (CMP) hands the host a TC string, for example in the
// euconsent-v2 cookie or from __tcfapi; the host decodes it to learn what
// the user chose.
func ExampleDecode() {
	const fromBanner = "CQhE6KnQhIR9AEsAMCDAC0FsAPLAAEPgAAZQAKuBACACpAAAgAAA.IAWOBACAAAEA"
	tc, err := tcf.Decode(fromBanner)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("CMP", tc.CMPID, "GVL", tc.VendorListVersion, "policy", tc.PolicyVersion, "language", tc.ConsentLanguage)
	fmt.Println("updated", tc.LastUpdated.Format(time.RFC3339))
	fmt.Println("purposes consented:", tc.PurposeConsents)
	fmt.Println("purposes under legitimate interest:", tc.PurposeLegitimateInterests)
	fmt.Println("precise geolocation (special feature 1):", tc.SpecialFeatureOptIns.Has(1))
	fmt.Println("vendors consented:", tc.VendorConsents)
	fmt.Println("vendor 10 may store cookies (purpose 1):", tc.PurposeConsents.Has(1) && tc.VendorConsents.Has(10))
	fmt.Println("vendor 44 disclosed, not consented:", tc.VendorsDisclosed.Has(44), tc.VendorConsents.Has(44))
	// Output:
	// CMP 300 GVL 180 policy 5 language DA
	// updated 2026-03-15T10:00:00Z
	// purposes consented: {1-4 7 9-10}
	// purposes under legitimate interest: {2 7-11}
	// precise geolocation (special feature 1): true
	// vendors consented: {1-3 10 21}
	// vendor 10 may store cookies (purpose 1): true
	// vendor 44 disclosed, not consented: true false
}

// Errors name the field and its bit offset and match the package's
// sentinels.
func ExampleDecode_errors() {
	// A TC string whose vendor list version is 0.
	_, err := tcf.Decode("CQhE6KnQhIR9AEsAMCDAAAFgAAAAAAAAAAZQAAAAAAAA.IAAA")
	fmt.Println(err)
	fmt.Println(errors.Is(err, tcf.ErrVendorListVersion))
	var verr *contract.ValidationError
	if errors.As(err, &verr) {
		p := verr.Problems[0]
		fmt.Println(p.Path, p.Rule, "--", p.Message)
	}
	// Output:
	// tcf: vendor list version is 0: decode: 1 problem: core.vendorListVersion: vendor_list_version
	// true
	// core.vendorListVersion vendor_list_version -- vendor list version is 0 (core segment, bit 120)
}

// A strict or lenient policy is a matter of Options: here a reader that still
// accepts TCF v2.0 strings (policy version 2), as in the IAB spec's example.
func ExampleOptions_Decode() {
	const specExample = "CQSbk4AQSbk4ANwAAAENAwCgAAAAAAAAAAYgACPAAAAA.IDKQA4AAgAKAGQAygAAA.YAAAAAAAAAAA"
	_, err := tcf.Decode(specExample)
	fmt.Println(errors.Is(err, tcf.ErrPolicyVersion))

	legacy := tcf.Options{PolicyVersions: []int{2, 4, 5}}
	tc, err := legacy.Decode(specExample)
	fmt.Println(err, tc.CMPID, tc.VendorsDisclosed)
	// Output:
	// true
	// <nil> 880 {1-5 100 404}
}

// Build a TC string after the user chose in the banner and encode it; the
// string matches what the IAB's JavaScript library writes for the same model.
func ExampleEncode() {
	at := time.Date(2026, 3, 14, 9, 26, 53, 500_000_000, time.UTC)
	tc := tcf.TCString{
		Created:                    at,
		LastUpdated:                time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC),
		CMPID:                      300,
		CMPVersion:                 12,
		ConsentScreen:              2,
		ConsentLanguage:            "DA",
		VendorListVersion:          180,
		PolicyVersion:              5,
		IsServiceSpecific:          true,
		PublisherCountryCode:       "DK",
		SpecialFeatureOptIns:       tcf.NewIDSet(1, 2),
		PurposeConsents:            tcf.NewIDSet(1, 2, 3, 4, 7, 9, 10),
		PurposeLegitimateInterests: tcf.NewIDSet(2, 7, 8, 9, 10, 11),
		VendorConsents:             tcf.NewVendorSet(1, 2, 3, 10, 21),
		VendorLegitimateInterests:  tcf.NewVendorSet(2, 21),
		// TCF v2.3: every string created from March 2026 lists the vendors
		// the banner disclosed.
		HasVendorsDisclosed: true,
		VendorsDisclosed:    tcf.NewVendorSet(1, 2, 3, 10, 21, 44),
	}
	s, err := tcf.Encode(tc)
	fmt.Println(s, err)

	// Legitimate interest for purpose 4 is forbidden since TCF v2.2.
	tc.PurposeLegitimateInterests = tc.PurposeLegitimateInterests.With(4)
	_, err = tcf.Encode(tc)
	fmt.Println(err)
	// Output:
	// CQhE6KnQhIR9AEsAMCDAC0FsAPLAAEPgAAZQAKuBACACpAAAgAAA.IAWOBACAAAEA <nil>
	// tcf: legitimate interest not allowed for purpose: encode: 1 problem: core.purposeLegitimateInterests[4]: legitimate_interest(purpose 4 under policy version 5)
}

// Validate reports every problem of a model at once.
func ExampleValidate() {
	err := tcf.Validate(tcf.TCString{
		Created:              time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC),
		LastUpdated:          time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC),
		CMPID:                300,
		ConsentLanguage:      "da",
		PolicyVersion:        5,
		PublisherCountryCode: "DK",
		PurposeConsents:      tcf.NewIDSet(1, 25),
	})
	fmt.Println(err)
	// Output:
	// tcf: vendor list version is 0: validate: 3 problems: core.vendorListVersion: vendor_list_version; core.consentLanguage: invalid_value(not two upper-case letters A-Z: "da"); core.purposeConsents: invalid_value(ID 25 above 24)
}

// Publisher restrictions narrow what a vendor may do for a purpose.
func ExampleTCString_Restriction() {
	tc, err := tcf.Decode("CQhE6KnQhIR9AEsAMCDAC0FgAAAAAAAAAAZQAaQAgAEAA0AAAAEEgBQAKAAsBeY4ACADQAAA.IF5wBAAEQAKAAsAGgC8w.dAAACAAAAdQA")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range []int{10, 52, 8} {
		for _, p := range []int{2, 7} {
			if rt, ok := tc.Restriction(v, p); ok {
				fmt.Printf("vendor %d, purpose %d: %v\n", v, p, rt)
			}
		}
	}
	fmt.Println("publisher custom purposes:", tc.PublisherTC.NumCustomPurposes, tc.PublisherTC.CustomPurposeConsents)
	// Output:
	// vendor 10, purpose 2: require_consent
	// vendor 52, purpose 7: not_allowed
	// publisher custom purposes: 3 {1 3}
}

// VendorSet values are immutable bitsets that iterate in ascending order.
func ExampleVendorSet() {
	s := tcf.NewVendorSet(755, 1, 2, 3).Union(tcf.VendorRange(40, 42))
	fmt.Println(s, s.Len(), s.Max(), s.Has(41))
	for id := range s.Without(40, 41, 42).All() {
		fmt.Print(id, " ")
	}
	fmt.Println()
	// Output:
	// {1-3 40-42 755} 7 755 true
	// 1 2 3 755
}

// A TCString field is stored as its TC string in JSON.
func ExampleTCString_MarshalText() {
	var rec struct {
		Subject string       `json:"subject"`
		Signal  tcf.TCString `json:"tcf"`
	}
	in := `{"subject":"s-1","tcf":"CQhE6KnQhIR9AEsAMCDAC0FgAAAAAAAAAAZQAAAAAAAA.IAAA"}`
	if err := json.Unmarshal([]byte(in), &rec); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rec.Signal.CMPID, rec.Signal.HasVendorsDisclosed)
	out, err := json.Marshal(rec)
	fmt.Println(string(out) == in, err)
	// Output:
	// 300 true
	// true <nil>
}
