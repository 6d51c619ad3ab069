package tcf_test

import (
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/internal/roundtrip"
	"github.com/pimkit/pimkit/privacy/tcf"
)

// TestRoundTrip checks rule 8 of the design for every exported type of the
// package: json.Marshal then json.Unmarshal gives a value equal to the
// original under cmp.Equal without options. A TCString is written as its
// TC string (the format's own spelling), so its sample's times are whole
// deciseconds, the string's precision.
func TestRoundTrip(t *testing.T) {
	pub := tcf.PublisherTC{
		PurposeConsents:                  tcf.NewIDSet(1, 2),
		PurposeLegitimateInterests:       tcf.NewIDSet(7),
		NumCustomPurposes:                3,
		CustomPurposeConsents:            tcf.NewIDSet(1, 3),
		CustomPurposeLegitimateInterests: tcf.NewIDSet(2),
	}
	restriction := tcf.PublisherRestriction{PurposeID: 2, Type: tcf.RequireLegitimateInterest, Vendors: tcf.VendorRange(10, 12).With(755)}
	tc := tcf.TCString{
		Created:                    time.Date(2026, 3, 14, 9, 26, 53, 500_000_000, time.UTC),
		LastUpdated:                time.Date(2026, 3, 15, 10, 0, 0, 100_000_000, time.UTC),
		CMPID:                      300,
		CMPVersion:                 12,
		ConsentScreen:              2,
		ConsentLanguage:            "DA",
		VendorListVersion:          180,
		PolicyVersion:              5,
		IsServiceSpecific:          true,
		UseNonStandardTexts:        true,
		SpecialFeatureOptIns:       tcf.NewIDSet(1, 2),
		PurposeConsents:            tcf.NewIDSet(1, 2, 3, 4, 7, 9, 10),
		PurposeLegitimateInterests: tcf.NewIDSet(2, 7, 8),
		PurposeOneTreatment:        true,
		PublisherCountryCode:       "DK",
		VendorConsents:             tcf.NewVendorSet(1, 2, 3, 10, 21),
		VendorLegitimateInterests:  tcf.NewVendorSet(2, 21),
		PublisherRestrictions:      []tcf.PublisherRestriction{restriction},
		HasVendorsDisclosed:        true,
		VendorsDisclosed:           tcf.VendorRange(1, 500).With(755),
		HasVendorsAllowed:          true,
		VendorsAllowed:             tcf.NewVendorSet(4),
		HasPublisherTC:             true,
		PublisherTC:                pub,
	}
	purpose := tcf.Purpose{ID: 2, Name: "Use limited data to select advertising", Description: "Ads.",
		Illustrations: []string{"a car ad"}, Consentable: true, RightToObject: true}
	retention := tcf.DataRetention{StdRetention: 30, Purposes: map[int]int{3: 180}, SpecialPurposes: map[int]int{1: 30}}
	url := tcf.VendorURL{LangID: "en", Privacy: "https://vendor.example/privacy", LegIntClaim: "https://vendor.example/privacy#li"}
	vendor := tcf.Vendor{ID: 8, Name: "Vendor", Purposes: []int{1, 3}, LegIntPurposes: []int{2, 7}, FlexiblePurposes: []int{2},
		SpecialPurposes: []int{1}, Features: []int{1}, SpecialFeatures: []int{1}, DataRetention: retention,
		DataDeclaration: []int{1, 4}, URLs: []tcf.VendorURL{url}, UsesCookies: true, CookieMaxAgeSeconds: 31536000,
		CookieRefresh: true, UsesNonCookieAccess: true, DeviceStorageDisclosureURL: "https://vendor.example/device.json",
		DeletedDate: time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC)}
	category := tcf.DataCategory{ID: 1, Name: "IP addresses", Description: "An IP address."}
	stack := tcf.Stack{ID: 1, Purposes: []int{2, 7}, SpecialFeatures: []int{1}, Name: "Stack", Description: "Purposes 2 and 7."}
	gvl := tcf.GVL{GVLSpecificationVersion: 3, VendorListVersion: 180, TCFPolicyVersion: 5,
		LastUpdated: time.Date(2026, 3, 5, 16, 0, 0, 0, time.UTC), Purposes: map[int]tcf.Purpose{2: purpose},
		SpecialPurposes: map[int]tcf.Purpose{1: purpose}, Features: map[int]tcf.Purpose{1: purpose},
		SpecialFeatures: map[int]tcf.Purpose{1: purpose}, DataCategories: map[int]tcf.DataCategory{1: category},
		Stacks: map[int]tcf.Stack{1: stack}, Vendors: map[int]tcf.Vendor{8: vendor}}
	n := roundtrip.Check(t, os.DirFS("."), roundtrip.Table{
		Samples: []any{
			purpose, retention, url, vendor, category, stack, gvl,
			tcf.DisclosedRequired,
			tcf.NewIDSet(1, 2, 3, 7, 64),
			tcf.Options{PolicyVersions: []int{2, 4, 5}, DisclosedVendors: tcf.DisclosedOptional},
			restriction,
			pub,
			tcf.RequireConsent,
			tcf.SegmentPublisherTC,
			tc,
			tcf.VendorRange(1, tcf.MaxVendorID).Without(2, 40000),
		},
	}, func(x, y any) bool { return cmp.Equal(x, y) }, func(x, y any) string { return cmp.Diff(x, y) })
	if n == 0 {
		t.Fatal("no types covered")
	}
}

// TestSetText checks the text form of ID and vendor sets and that text a
// set cannot hold is refused with ErrInvalidValue.
func TestSetText(t *testing.T) {
	v := tcf.VendorRange(1, 3).With(10)
	b, err := v.MarshalText()
	if err != nil || string(b) != "{1-3 10}" {
		t.Fatalf("MarshalText = %q, %v", b, err)
	}
	for _, bad := range []string{"", "1-3", "{0}", "{3-1}", "{65536}", "{a}", "{1-}"} {
		var s tcf.VendorSet
		if err := s.UnmarshalText([]byte(bad)); err == nil {
			t.Errorf("VendorSet.UnmarshalText(%q) = nil error", bad)
		}
	}
	var ids tcf.IDSet
	if err := ids.UnmarshalText([]byte("{65}")); err == nil {
		t.Error("IDSet.UnmarshalText({65}) = nil error: IDs are 1-64")
	}
	if err := ids.UnmarshalText([]byte("{}")); err != nil || ids != 0 {
		t.Errorf("IDSet.UnmarshalText({}) = %v, %v", ids, err)
	}
}
