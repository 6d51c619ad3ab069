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
	n := roundtrip.Check(t, os.DirFS("."), roundtrip.Table{
		Samples: []any{
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
