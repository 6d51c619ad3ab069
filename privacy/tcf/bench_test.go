package tcf_test

import (
	"testing"
	"time"

	"github.com/pimkit/pimkit/privacy/tcf"
)

// typicalModel is a TC string as a large CMP writes it for a site with a few
// hundred vendors: 320 vendor consents among IDs up to 1200, 90 legitimate
// interests, 800 disclosed vendors, two publisher restrictions and a
// publisher TC segment.
func typicalModel() tcf.TCString {
	var consents, li, disclosed []int
	for id := 1; id <= 1200; id++ {
		if id%3 == 0 || id%7 == 0 && id < 300 {
			consents = append(consents, id)
		}
		if id%13 == 0 {
			li = append(li, id)
		}
		if id%3 != 2 {
			disclosed = append(disclosed, id)
		}
	}
	at := time.Date(2026, 3, 14, 9, 26, 53, 500_000_000, time.UTC)
	return tcf.TCString{
		Created: at, LastUpdated: at,
		CMPID: 300, CMPVersion: 12, ConsentScreen: 2, ConsentLanguage: "DA",
		VendorListVersion: 180, PolicyVersion: 5, IsServiceSpecific: true,
		SpecialFeatureOptIns:       tcf.NewIDSet(1),
		PurposeConsents:            tcf.NewIDSet(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
		PurposeLegitimateInterests: tcf.NewIDSet(2, 7, 8, 9, 10, 11),
		PublisherCountryCode:       "DK",
		VendorConsents:             tcf.NewVendorSet(consents...),
		VendorLegitimateInterests:  tcf.NewVendorSet(li...),
		PublisherRestrictions: []tcf.PublisherRestriction{
			{PurposeID: 2, Type: tcf.RequireConsent, Vendors: tcf.NewVendorSet(10, 11, 12, 52, 755)},
			{PurposeID: 7, Type: tcf.NotAllowed, Vendors: tcf.VendorRange(100, 140)},
		},
		HasVendorsDisclosed: true,
		VendorsDisclosed:    tcf.NewVendorSet(disclosed...),
		HasPublisherTC:      true,
		PublisherTC: tcf.PublisherTC{
			PurposeConsents:       tcf.NewIDSet(1, 3, 4),
			NumCustomPurposes:     2,
			CustomPurposeConsents: tcf.NewIDSet(1),
		},
	}
}

func BenchmarkDecode(b *testing.B) {
	s, err := tcf.Encode(typicalModel())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tcf.Decode(s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	m := typicalModel()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tcf.Encode(m); err != nil {
			b.Fatal(err)
		}
	}
}
