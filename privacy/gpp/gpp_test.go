package gpp_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy/gpp"
	"github.com/pimkit/pimkit/privacy/tcf"
)

func usOf(t *testing.T, id gpp.SectionID, set func(*gpp.US)) gpp.US {
	t.Helper()
	u, ok := gpp.NewUS(id)
	if !ok {
		t.Fatalf("NewUS(%v) = false", id)
	}
	set(&u)
	return u
}

// TestGolden decodes strings the official library @iabgpp/cmpapi 3.2.0
// encoded (each row says which setFieldValue calls) and checks the model
// and that Encode gives the same string back.
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want gpp.String
	}{
		{"GppModel.clear: the empty string", "DBAA", gpp.String{}},
		{"usca SaleOptOut 1, Gpc true; uspv1 Notice Y, OptOutSale Y, LspaCovered N", "DBACTMA~1YYN~BAQAAABA.YA", gpp.String{
			USPv1: &gpp.USPv1{Version: 1, Notice: gpp.Yes, OptOutSale: gpp.Yes, LSPACovered: gpp.No},
			US:    []gpp.US{usOf(t, gpp.SectionUSCA, func(u *gpp.US) { u.SaleOptOut = gpp.Yes; u.GPC = true })},
		}},
		{"usnat SaleOptOutNotice 1, SaleOptOut 1, SensitiveDataProcessing [0,1,2], MspaCoveredTransaction 2", "DBABLA~CEAQGAAAAACA.QA", gpp.String{
			US: []gpp.US{usOf(t, gpp.SectionUSNat, func(u *gpp.US) {
				u.SaleOptOutNotice, u.SaleOptOut, u.MSPACoveredTransaction = gpp.Yes, gpp.Yes, gpp.No
				u.SensitiveDataProcessing[1], u.SensitiveDataProcessing[2] = gpp.Yes, gpp.No
			})},
		}},
		{"usva SaleOptOut 2: usva has no GPC sub-section", "DBABRg~BAgAABA", gpp.String{
			US: []gpp.US{usOf(t, gpp.SectionUSVA, func(u *gpp.US) { u.SaleOptOut = gpp.No })},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := gpp.Decode(tt.in)
			if err != nil {
				t.Fatalf("Decode(%q) = %v", tt.in, err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Decode(%q) (-want +got):\n%s", tt.in, d)
			}
			if s, err := gpp.Encode(tt.want); err != nil || s != tt.in {
				t.Errorf("Encode = %q, %v; want %q", s, err, tt.in)
			}
		})
	}
}

// TestUSNatVersion1 checks the official library's reading of a usnat core
// in the version 1 layout (12 sensitive data categories, 2 child age
// bands, 66 bits): the lists are padded to the version 2 layout and
// reported at their version 1 lengths. The library decodes this string
// to exactly these values.
func TestUSNatVersion1(t *testing.T) {
	got, err := gpp.Decode("DBABLA~BVVqVVVVpYA.YA")
	if err != nil {
		t.Fatal(err)
	}
	sdp := make([]gpp.Choice, 12)
	for i := range sdp {
		sdp[i] = gpp.Yes
	}
	want := gpp.US{Section: gpp.SectionUSNat, Version: 1,
		SharingNotice: gpp.Yes, SaleOptOutNotice: gpp.Yes, SharingOptOutNotice: gpp.Yes,
		TargetedAdvertisingOptOutNotice: gpp.Yes, SensitiveDataProcessingOptOutNotice: gpp.Yes,
		SensitiveDataLimitUseNotice: gpp.Yes, SaleOptOut: gpp.No, SharingOptOut: gpp.No,
		TargetedAdvertisingOptOut: gpp.No, SensitiveDataProcessing: sdp,
		KnownChildSensitiveDataConsents: []gpp.Choice{gpp.No, gpp.No}, PersonalDataConsents: gpp.Yes,
		MSPACoveredTransaction: gpp.Yes, MSPAOptOutOptionMode: gpp.No, GPCSegmentIncluded: true, GPC: true}
	if d := cmp.Diff([]gpp.US{want}, got.US); d != "" {
		t.Errorf("Decode (-want +got):\n%s", d)
	}
}

// TestDecodeErrors checks that malformed strings come back as matchable
// errors naming the field, never as panics.
func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
		path     string
	}{
		{"a bare TC string has no GPP header", "CQhQj8AQhQj8AAHABBENBqFgAAAAAAAAAAAA", gpp.ErrHeader, "header"},
		{"a bare US Privacy string", "1YNN", gpp.ErrHeader, "header"},
		{"empty input", "", gpp.ErrHeader, "header"},
		{"header lists one section, two follow", "DBABMA~1YNN~1YNN", gpp.ErrSectionCount, "header.SectionIds"},
		{"header lists two sections, one follows", "DBACTMA~1YYN", gpp.ErrSectionCount, "header.SectionIds"},
		{"blank section", "DBABTA~", gpp.ErrEmptySection, "uspv1"},
		{"uspv1 with a character other than Y, N, -", "DBABTA~1YXN", gpp.ErrInvalidValue, "uspv1.OptOutSale"},
		{"uspv1 of version 2", "DBABTA~2YNN", gpp.ErrInvalidValue, "uspv1.Version"},
		{"usva cut short", "DBABRg~BAg", gpp.ErrTruncated, "usva.SensitiveDataProcessing"},
		{"usva with a second segment: usva has no GPC", "DBABRg~BAgAABA.YA", gpp.ErrUnknownSegment, "usva"},
		{"usca with a two-bit value of 3 (SaleOptOut)", "DBABBg~BAwAAABA.QA", gpp.ErrInvalidValue, "usca.SaleOptOut"},
		{"usca GPC sub-section of type 2", "DBABBg~BAAAAABA.gA", gpp.ErrInvalidValue, "usca.GpcSegmentType"},
		{"invalid base64url character in a section", "DBABBg~BAQA*ABA", gpp.ErrBase64, "usca.core"},
		{"string over MaxLength", "DBAA" + strings.Repeat("A", gpp.MaxLength), gpp.ErrTooLong, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := gpp.Decode(tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Decode(%q) = %v, want %v", tt.in, err, tt.want)
			}
			var verr *contract.ValidationError
			if !errors.As(err, &verr) || verr.Problems[0].Path != tt.path {
				t.Errorf("Decode(%q) = %v, want a problem at %q", tt.in, err, tt.path)
			}
			if len(tt.in) < 200 && tt.in != "" && strings.Contains(err.Error(), tt.in) {
				t.Errorf("error %q repeats the input", err)
			}
		})
	}
}

// TestEncodeErrors checks that Encode reports every problem at once.
func TestEncodeErrors(t *testing.T) {
	va, _ := gpp.NewUS(gpp.SectionUSVA)
	va.SharingOptOut = gpp.Yes // not a usva field
	va.GPC = true              // usva has no GPC
	ca, _ := gpp.NewUS(gpp.SectionUSCA)
	ca.SaleOptOut = gpp.Choice(3)
	ca.MSPACoveredTransaction = gpp.NotApplicable
	eu := gpp.TCFEUv2{ConsentLanguage: "da", PublisherCountryCode: "DK"} // not service-specific, lower case
	_, err := gpp.Encode(gpp.String{TCFEUv2: &eu, US: []gpp.US{va, ca, ca}})
	var verr *contract.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("Encode = %v, want a *contract.ValidationError", err)
	}
	for _, want := range []struct{ path, rule string }{
		{"usva.SharingOptOut", "field_not_in_section"},
		{"usva.Gpc", "field_not_in_section"},
		{"usca.SaleOptOut", "invalid_value"},
		{"usca.MspaCoveredTransaction", "invalid_value"},
		{"us[2]", "duplicate_section"},
		{"tcfeuv2.IsServiceSpecific", "invalid_value"},
		{"tcfeuv2.ConsentLanguage", "invalid_value"},
	} {
		if !verr.Has(want.path, want.rule) {
			t.Errorf("Encode error lacks %s %s: %v", want.path, want.rule, err)
		}
	}
	for _, sentinel := range []error{gpp.ErrFieldNotInSection, gpp.ErrInvalidValue, gpp.ErrDuplicateSection} {
		if !errors.Is(err, sentinel) {
			t.Errorf("Encode error does not match %v", sentinel)
		}
	}
}

// TestTCFEUv2Conversion checks that a TC string and the tcfeuv2 section
// convert both ways without loss.
func TestTCFEUv2Conversion(t *testing.T) {
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tc := tcf.TCString{Created: at, LastUpdated: at, CMPID: 300, VendorListVersion: 180, PolicyVersion: 5,
		IsServiceSpecific: true, ConsentLanguage: "DA", PublisherCountryCode: "DK",
		PurposeConsents: tcf.NewIDSet(1, 2), VendorConsents: tcf.NewVendorSet(2, 755),
		HasVendorsDisclosed: true, VendorsDisclosed: tcf.NewVendorSet(2, 755), HasPublisherTC: true}
	if d := cmp.Diff(tc, gpp.FromTCString(tc).TCString()); d != "" {
		t.Errorf("FromTCString(tc).TCString() (-tc +got):\n%s", d)
	}
	s, err := gpp.Encode(gpp.String{TCFEUv2: new(gpp.FromTCString(tc))})
	if err != nil {
		t.Fatal(err)
	}
	back, err := gpp.Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(tc, back.TCFEUv2.TCString()); d != "" {
		t.Errorf("Decode(Encode) (-tc +got):\n%s", d)
	}
	if _, err := tcf.Encode(back.TCFEUv2.TCString()); err != nil {
		t.Errorf("tcf.Encode of the decoded section = %v", err)
	}
}

// TestGPCMapping checks the GPC mapping for California (Cal. Civ. Code
// § 1798.135(e), Cal. Code Regs. tit. 11 § 7025(c): sale and sharing) and
// Colorado (C.R.S. § 6-1-1306(1)(a)(IV): sale and targeted advertising).
func TestGPCMapping(t *testing.T) {
	ca := usOf(t, gpp.SectionUSCA, func(u *gpp.US) { u.GPC = true; u.SaleOptOut = gpp.No })
	got, eff := gpp.DefaultGPCMapping.Apply(ca)
	if got.SaleOptOut != gpp.Yes || got.SharingOptOut != gpp.Yes {
		t.Errorf("usca: SaleOptOut %v, SharingOptOut %v; want yes, yes", got.SaleOptOut, got.SharingOptOut)
	}
	if len(eff) != 2 || eff[0].Field != "SaleOptOut" || eff[0].From != gpp.No || eff[1].Field != "SharingOptOut" {
		t.Errorf("usca effects = %+v", eff)
	}
	if eff[0].Citations[0] != contract.Cite("Cal. Civ. Code", "§ 1798.135(e)") {
		t.Errorf("usca sale opt-out cites %v", eff[0].Citations)
	}
	co := usOf(t, gpp.SectionUSCO, func(u *gpp.US) { u.GPC = true })
	got, eff = gpp.GPCMapping{TargetedAdvertisingOptOut: true}.Apply(co)
	if got.SaleOptOut != gpp.NotApplicable || got.TargetedAdvertisingOptOut != gpp.Yes || len(eff) != 1 {
		t.Errorf("usco with targeted advertising only: %+v, %+v", got, eff)
	}
	off := usOf(t, gpp.SectionUSNat, func(u *gpp.US) {})
	if got, eff := gpp.DefaultGPCMapping.Apply(off); eff != nil || !cmp.Equal(got, off) {
		t.Errorf("usnat without GPC changed: %+v", eff)
	}
	s, all := gpp.ApplyGPC(gpp.String{US: []gpp.US{ca, co}}, gpp.DefaultGPCMapping)
	if len(all) != 4 || s.US[1].SaleOptOut != gpp.Yes || ca.SharingOptOut != gpp.NotApplicable {
		t.Errorf("ApplyGPC: %d effects, usco sale %v, input changed %v", len(all), s.US[1].SaleOptOut, ca.SharingOptOut)
	}
}

// TestFieldsOf checks the field lists against the GPP state
// specifications as the official library defines them.
func TestFieldsOf(t *testing.T) {
	if got := gpp.FieldsOf(gpp.SectionUSMD); !cmp.Equal(got, []string{"Version", "MspaCoveredTransaction", "MspaMode",
		"ProcessingNotice", "SaleOptOutNotice", "TargetedAdvertisingOptOutNotice", "SaleOptOut",
		"TargetedAdvertisingOptOut", "AdditionalDataProcessingConsent", "GpcSegmentIncluded", "Gpc"}) {
		t.Errorf("FieldsOf(usmd) = %v", got)
	}
	if gpp.FieldsOf(gpp.SectionTCFEUv2) != nil || gpp.HasGPC(gpp.SectionUSVA) || !gpp.HasGPC(gpp.SectionUSNat) {
		t.Error("FieldsOf/HasGPC of non-US or GPC-less sections")
	}
	if _, ok := gpp.NewUS(gpp.SectionUSPv1); ok {
		t.Error("NewUS(uspv1) = true")
	}
}

// TestUnknownSectionKept checks that a section of an ID this package does
// not know survives a round trip verbatim.
func TestUnknownSectionKept(t *testing.T) {
	in := gpp.String{USPv1: &gpp.USPv1{Version: 1}, Unknown: []gpp.RawSection{{ID: 30, Text: "BAAA.YA"}}}
	s, err := gpp.Encode(in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := gpp.Decode(s)
	if err != nil || !cmp.Equal(in, got) {
		t.Errorf("Decode(%q) = %+v, %v", s, got, err)
	}
}

// TestRangeCount checks the 12-bit count of a range list (GPP
// "ArrayOfRanges"): a publisher restriction always lists ranges, so 4,096
// separate vendors are refused, while vendor consents of the same IDs are
// written as a bitfield, as the official library picks it.
func TestRangeCount(t *testing.T) {
	ids := make([]int, 4096)
	for i := range ids {
		ids[i] = 2*i + 1
	}
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	eu := gpp.TCFEUv2{Created: at, LastUpdated: at, IsServiceSpecific: true, ConsentLanguage: "EN",
		PublisherCountryCode: "AA", VendorConsents: tcf.NewVendorSet(ids...)}
	s, err := gpp.Encode(gpp.String{TCFEUv2: &eu})
	if err != nil {
		t.Fatalf("Encode with 4,096 consented vendors = %v", err)
	}
	if back, err := gpp.Decode(s); err != nil || back.TCFEUv2.VendorConsents.Len() != 4096 {
		t.Errorf("Decode(Encode) = %v vendors, %v", back.TCFEUv2.VendorConsents.Len(), err)
	}
	eu.PublisherRestrictions = []tcf.PublisherRestriction{{PurposeID: 1, Vendors: tcf.NewVendorSet(ids...)}}
	_, err = gpp.Encode(gpp.String{TCFEUv2: &eu})
	var verr *contract.ValidationError
	if !errors.As(err, &verr) || !verr.Has("tcfeuv2.PublisherRestrictions[0].vendors", "invalid_value") {
		t.Errorf("Encode with a restriction of 4,096 ranges = %v", err)
	}
}
