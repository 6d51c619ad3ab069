package gpp_test

import (
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/roundtrip"
	"github.com/pimkit/pimkit/privacy/gpp"
	"github.com/pimkit/pimkit/privacy/tcf"
)

// TestRoundTrip checks rule 8 of the design for every exported type of the
// package: json.Marshal then json.Unmarshal gives a value equal to the
// original under cmp.Equal without options, so a decoded GPP string can be
// stored and read back whole.
func TestRoundTrip(t *testing.T) {
	at := time.Date(2026, 3, 14, 9, 26, 53, 500_000_000, time.UTC)
	eu := gpp.TCFEUv2{
		Created: at, LastUpdated: at.Add(time.Hour), CMPID: 300, CMPVersion: 12, ConsentScreen: 2,
		ConsentLanguage: "DA", VendorListVersion: 180, PolicyVersion: 5, IsServiceSpecific: true,
		UseNonStandardStacks: true, SpecialFeatureOptIns: tcf.NewIDSet(1), PurposeConsents: tcf.NewIDSet(1, 2),
		PurposeLegitimateInterests: tcf.NewIDSet(2, 7), PurposeOneTreatment: true, PublisherCountryCode: "DK",
		VendorConsents: tcf.NewVendorSet(2, 755), VendorLegitimateInterests: tcf.NewVendorSet(21),
		PublisherRestrictions: []tcf.PublisherRestriction{{PurposeID: 2, Type: tcf.RequireConsent, Vendors: tcf.VendorRange(10, 12)}},
		VendorsDisclosed:      tcf.NewVendorSet(2, 21, 755),
		PublisherTC: tcf.PublisherTC{PurposeConsents: tcf.NewIDSet(1), PurposeLegitimateInterests: tcf.NewIDSet(2),
			NumCustomPurposes: 2, CustomPurposeConsents: tcf.NewIDSet(1), CustomPurposeLegitimateInterests: tcf.NewIDSet(2)},
		HasVendorsAllowed: true, VendorsAllowed: tcf.NewVendorSet(4),
	}
	caRestriction := gpp.CARestriction{PurposeID: 3, Type: 1, Vendors: tcf.NewVendorSet(5, 6)}
	ca := gpp.TCFCAv1{
		Version: 1, Created: at, LastUpdated: at.Add(time.Minute), CMPID: 7, CMPVersion: 2, ConsentScreen: 1,
		ConsentLanguage: "FR", VendorListVersion: 40, TCFPolicyVersion: 2, UseNonStandardStacks: true,
		SpecialFeatureExpressConsent: tcf.NewIDSet(1), PurposesExpressConsent: tcf.NewIDSet(1, 3),
		PurposesImpliedConsent: tcf.NewIDSet(2), VendorExpressConsent: tcf.NewVendorSet(3),
		VendorImpliedConsent: tcf.NewVendorSet(4), PubRestrictions: []gpp.CARestriction{caRestriction},
		PubPurposesExpressConsent: tcf.NewIDSet(1), PubPurposesImpliedConsent: tcf.NewIDSet(2), NumCustomPurposes: 3,
		CustomPurposesExpressConsent: tcf.NewIDSet(1), CustomPurposesImpliedConsent: tcf.NewIDSet(3),
		DisclosedVendors: tcf.NewVendorSet(3, 4),
	}
	usp := gpp.USPv1{Version: 1, Notice: gpp.Yes, OptOutSale: gpp.No, LSPACovered: gpp.Yes}
	// A US value with every field set, as no single section has them all.
	us := gpp.US{Section: gpp.SectionUSNat, Version: 2, SharingNotice: gpp.Yes, SaleOptOutNotice: gpp.Yes,
		SharingOptOutNotice: gpp.No, TargetedAdvertisingOptOutNotice: gpp.Yes, SensitiveDataProcessingOptOutNotice: gpp.Yes,
		SensitiveDataLimitUseNotice: gpp.No, ProcessingNotice: gpp.Yes, SensitiveDataOptOutNotice: gpp.No,
		SaleOptOut: gpp.Yes, SharingOptOut: gpp.Yes, TargetedAdvertisingOptOut: gpp.No,
		SensitiveDataProcessing: []gpp.Choice{gpp.Yes, gpp.NotApplicable, gpp.No}, KnownChildSensitiveDataConsents: []gpp.Choice{gpp.No},
		PersonalDataConsents: gpp.Yes, AdditionalDataProcessingConsent: gpp.No, MSPACoveredTransaction: gpp.Yes,
		MSPAOptOutOptionMode: gpp.No, MSPAServiceProviderMode: gpp.Yes, MSPAMode: gpp.Yes, GPCSegmentIncluded: true, GPC: true,
		SensitiveDataConsentSegmentIncluded: true}
	raw := gpp.RawSection{ID: 30, Text: "BAAA"}
	effect := gpp.GPCEffect{Section: gpp.SectionUSCA, Field: "SaleOptOut", From: gpp.No, To: gpp.Yes,
		Citations: contract.CitationList{contract.Cite("Cal. Civ. Code", "§ 1798.135(e)")}}
	n := roundtrip.Check(t, os.DirFS("."), roundtrip.Table{
		Samples: []any{
			gpp.String{TCFEUv2: &eu, TCFCAv1: &ca, USPv1: &usp, US: []gpp.US{us}, Unknown: []gpp.RawSection{raw}},
			eu, ca, caRestriction, usp, us, raw, effect,
			gpp.SectionUSCA, gpp.No,
			gpp.GPCMapping{SaleOptOut: true, SharingOptOut: true, TargetedAdvertisingOptOut: true},
		},
	}, func(x, y any) bool { return cmp.Equal(x, y) }, func(x, y any) string { return cmp.Diff(x, y) })
	if n == 0 {
		t.Fatal("no types covered")
	}
}
