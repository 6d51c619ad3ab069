package tcf_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy/tcf"
)

// Golden strings written by @iabtechlabtcf/core 1.5.21 (SegmentEncoder, as
// testdata/crosscheck/crosscheck.mjs calls it) for the models of
// goldenBase and the rows below.
const (
	goldenMinimal      = "CQhE6KnQhIR9AEsAMCDAC0FgAAAAAAAAAAZQAAAAAAAA.IAAA"
	goldenPurposes     = "CQhE6KnQhIR9AEsAMCDAC0FsAPLAAEPgAAZQAKuBACACpAAAgAAA.IAWOBACAAAEA"
	goldenRanges       = "CQhE6KnQhIR9AEsAMCDAC0FgAIAAAAAAAAZQF5wAoAAgPoAvMAAAAAAA.IH0QA4AAgPoAvMB9AAAA"
	goldenRestrictions = "CQhE6KnQhIR9AEsAMCDAC0FgAAAAAAAAAAZQAaQAgAEAA0AAAAEEgBQAKAAsBeY4ACADQAAA.IF5wBAAEQAKAAsAGgC8w.dAAACAAAAdQA"
	goldenAllowed      = "CQhE6KnQhIR9AEsAMCDAC0FAAAAAAAAAAAZQAAAAAAAA.IACggAAA.QADAwAAA"
	goldenBreakEven    = "CQhE6KnQhIR9AEsAMCDAC0FgAAAAAAAAAAZQAZQAoAAgAGADIAAAAAAA.IAZQAoAAgAIADIAA"
)

// goldenBase is the model every golden string starts from.
func goldenBase() tcf.TCString {
	return tcf.TCString{
		Created:              time.Date(2026, 3, 14, 9, 26, 53, 500_000_000, time.UTC),
		LastUpdated:          time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC),
		CMPID:                300,
		CMPVersion:           12,
		ConsentScreen:        2,
		ConsentLanguage:      "DA",
		VendorListVersion:    180,
		PolicyVersion:        5,
		IsServiceSpecific:    true,
		PublisherCountryCode: "DK",
		HasVendorsDisclosed:  true,
	}
}

func goldenModels() []struct {
	name string
	want string
	m    tcf.TCString
} {
	purposes := goldenBase()
	purposes.PurposeConsents = tcf.NewIDSet(1, 2, 3, 4, 7, 9, 10)
	purposes.PurposeLegitimateInterests = tcf.NewIDSet(2, 7, 8, 9, 10, 11)
	purposes.SpecialFeatureOptIns = tcf.NewIDSet(1, 2)
	purposes.VendorConsents = tcf.NewVendorSet(1, 2, 3, 10, 21)
	purposes.VendorLegitimateInterests = tcf.NewVendorSet(2, 21)
	purposes.VendorsDisclosed = tcf.NewVendorSet(1, 2, 3, 10, 21, 44)

	ranges := goldenBase()
	ranges.PurposeConsents = tcf.NewIDSet(1)
	ranges.VendorConsents = tcf.VendorRange(1, 500).With(755)
	ranges.VendorsDisclosed = tcf.VendorRange(1, 500).With(755, 1000)

	restrictions := goldenBase()
	restrictions.VendorConsents = tcf.NewVendorSet(8, 52)
	restrictions.PublisherRestrictions = []tcf.PublisherRestriction{
		{PurposeID: 2, Type: tcf.RequireConsent, Vendors: tcf.NewVendorSet(10, 11, 755)},
		{PurposeID: 7, Type: tcf.NotAllowed, Vendors: tcf.NewVendorSet(52)},
	}
	restrictions.VendorsDisclosed = tcf.NewVendorSet(8, 10, 11, 52, 755)
	restrictions.HasPublisherTC = true
	restrictions.PublisherTC = tcf.PublisherTC{
		PurposeConsents:                  tcf.NewIDSet(1, 3),
		PurposeLegitimateInterests:       tcf.NewIDSet(2),
		NumCustomPurposes:                3,
		CustomPurposeConsents:            tcf.NewIDSet(1, 3),
		CustomPurposeLegitimateInterests: tcf.NewIDSet(2),
	}

	allowed := goldenBase()
	allowed.IsServiceSpecific = false
	allowed.VendorsDisclosed = tcf.NewVendorSet(5)
	allowed.HasVendorsAllowed = true
	allowed.VendorsAllowed = tcf.NewVendorSet(5, 6)

	breakEven := goldenBase()
	breakEven.VendorConsents = tcf.NewVendorSet(1, 2, 3, 50)
	breakEven.VendorsDisclosed = tcf.NewVendorSet(1, 2, 3, 4, 50)

	return []struct {
		name string
		want string
		m    tcf.TCString
	}{
		{"spec core string and empty disclosed vendors (TCF v2.3)", goldenMinimal, goldenBase()},
		{"spec purposes, special features, bit-field vendors", goldenPurposes, purposes},
		{"spec range encoding picked when shorter", goldenRanges, ranges},
		{"spec publisher restrictions and publisher TC with custom purposes", goldenRestrictions, restrictions},
		{"spec allowed vendors segment in library order", goldenAllowed, allowed},
		{"library picks range at MaxVendorId 50 though the bit field is shorter", goldenBreakEven, breakEven},
	}
}

func TestEncodeMatchesOfficialLibrary(t *testing.T) {
	for _, tt := range goldenModels() {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tcf.Encode(tt.m)
			if err != nil || got != tt.want {
				t.Errorf("Encode() = %q, %v, want %q", got, err, tt.want)
			}
		})
	}
}

func TestDecodeOfficialLibrary(t *testing.T) {
	for _, tt := range goldenModels() {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tcf.Decode(tt.want)
			if err != nil {
				t.Fatalf("Decode(%q) = %v", tt.want, err)
			}
			// Created is 09:26:53.5, a whole decisecond, so it survives.
			if d := cmp.Diff(tt.m, got); d != "" {
				t.Errorf("Decode(%q) (-want +got):\n%s", tt.want, d)
			}
			again, err := tcf.Encode(got)
			if err != nil || again != tt.want {
				t.Errorf("Encode(Decode(%q)) = %q, %v, want the same string", tt.want, again, err)
			}
		})
	}
}

func TestDecodeSpecExample(t *testing.T) {
	// The "Full TC String passing" example of the IAB spec: policy version 2,
	// which the default options no longer accept.
	const s = "CQSbk4AQSbk4ANwAAAENAwCgAAAAAAAAAAYgACPAAAAA.IDKQA4AAgAKAGQAygAAA.YAAAAAAAAAAA"
	if _, err := tcf.Decode(s); !errors.Is(err, tcf.ErrPolicyVersion) {
		t.Errorf("Decode(spec example) error = %v, want ErrPolicyVersion", err)
	}
	got, err := tcf.Options{PolicyVersions: []int{2}}.Decode(s)
	if err != nil {
		t.Fatalf("Options{PolicyVersions: [2]}.Decode(spec example) = %v", err)
	}
	want := struct {
		CMPID, VLV, Policy int
		Lang, CC           string
		Consents           []int
		Disclosed          []int
		PublisherTC        bool
	}{880, 48, 2, "EN", "DE", []int{1, 2, 3, 4}, []int{1, 2, 3, 4, 5, 100, 404}, true}
	gotSummary := want
	gotSummary.CMPID, gotSummary.VLV, gotSummary.Policy = got.CMPID, got.VendorListVersion, got.PolicyVersion
	gotSummary.Lang, gotSummary.CC = got.ConsentLanguage, got.PublisherCountryCode
	gotSummary.Consents, gotSummary.Disclosed = got.VendorConsents.IDs(), got.VendorsDisclosed.IDs()
	gotSummary.PublisherTC = got.HasPublisherTC
	if d := cmp.Diff(want, gotSummary); d != "" {
		t.Errorf("Decode(spec example) (-want +got):\n%s", d)
	}
	if !got.Created.Equal(time.Date(2025, 6, 3, 0, 0, 0, 0, time.UTC)) || got.Created.Location() != time.UTC {
		t.Errorf("Decode(spec example).Created = %v, want 2025-06-03T00:00:00Z", got.Created)
	}
}

func TestEncodeRoundsToDeciseconds(t *testing.T) {
	// The official library writes Math.round(ms / 100).
	for _, tt := range []struct {
		name string
		ms   int
		want time.Time
	}{
		{"spec Created: 49 ms rounds down", 49, time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)},
		{"spec Created: 50 ms rounds up", 50, time.Date(2026, 3, 14, 9, 0, 0, 100_000_000, time.UTC)},
		{"spec Created: 999 ms rounds to the next second", 999, time.Date(2026, 3, 14, 9, 0, 1, 0, time.UTC)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := goldenBase()
			m.Created = time.Date(2026, 3, 14, 9, 0, 0, tt.ms*1_000_000, time.UTC)
			s, err := tcf.Encode(m)
			if err != nil {
				t.Fatal(err)
			}
			got, err := tcf.Decode(s)
			if err != nil || !got.Created.Equal(tt.want) {
				t.Errorf("Decode(Encode(Created +%d ms)).Created = %v, %v, want %v", tt.ms, got.Created, err, tt.want)
			}
		})
	}
}

func TestRestriction(t *testing.T) {
	m := goldenBase()
	m.PublisherRestrictions = []tcf.PublisherRestriction{
		{PurposeID: 2, Type: tcf.RequireConsent, Vendors: tcf.NewVendorSet(10, 11)},
		{PurposeID: 2, Type: tcf.NotAllowed, Vendors: tcf.NewVendorSet(11)},
	}
	for _, tt := range []struct {
		name            string
		vendor, purpose int
		want            tcf.RestrictionType
		ok              bool
	}{
		{"spec restriction applies to listed vendor", 10, 2, tcf.RequireConsent, true},
		{"lowest type wins as in the library's getRestrictionType", 11, 2, tcf.NotAllowed, true},
		{"other purpose is unrestricted", 10, 3, 0, false},
		{"unlisted vendor is unrestricted", 12, 2, 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := m.Restriction(tt.vendor, tt.purpose)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Restriction(%d, %d) = %v, %v, want %v, %v", tt.vendor, tt.purpose, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// bitsOf returns the bits of a base64url segment as a string of 0s and 1s.
func bitsOf(t *testing.T, seg string) string {
	t.Helper()
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	var sb strings.Builder
	for _, c := range seg {
		i := strings.IndexRune(alphabet, c)
		if i < 0 {
			t.Fatalf("bitsOf: %q is not base64url", c)
		}
		for k := 5; k >= 0; k-- {
			sb.WriteByte('0' + byte(i>>k&1))
		}
	}
	return sb.String()
}

// fromBits encodes bits as base64url, padding with zeros to whole characters.
func fromBits(bits string) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	for len(bits)%6 != 0 {
		bits += "0"
	}
	var sb strings.Builder
	for i := 0; i < len(bits); i += 6 {
		v := 0
		for _, c := range bits[i : i+6] {
			v = v<<1 | int(c-'0')
		}
		sb.WriteByte(alphabet[v])
	}
	return sb.String()
}

// setBits writes v into width bits at offset.
func setBits(bits string, offset, width int, v uint64) string {
	b := []byte(bits)
	for i := range width {
		b[offset+i] = '0' + byte(v>>(width-1-i)&1)
	}
	return string(b)
}

// uint16Bits returns v as 16 bits.
func uint16Bits(v uint64) string { return setBits(strings.Repeat("0", 16), 0, 16, v) }

func TestDecodeErrors(t *testing.T) {
	core, disclosed, _ := strings.Cut(goldenMinimal, ".")
	cb := bitsOf(t, core)
	withCore := func(bits string) string { return fromBits(bits) + "." + disclosed }
	// restriction type of the first restriction of goldenRestrictions: the
	// core's vendor consents take 63 bits (a range section), its legitimate
	// interests 17, the count 12, the purpose 6.
	rCore, rRest, _ := strings.Cut(goldenRestrictions, ".")
	rb := bitsOf(t, rCore)
	const restrictionType = 213 + 63 + 17 + 12 + 6
	opts := tcf.Options{}
	for _, tt := range []struct {
		name   string
		opts   tcf.Options
		in     string
		want   error
		field  string
		offset int
	}{
		{"spec version field: TCF v1.1 string", opts, withCore(setBits(cb, 0, 6, 1)), tcf.ErrVersion, "core.version", 0},
		{"spec version field: version 3", opts, withCore(setBits(cb, 0, 6, 3)), tcf.ErrVersion, "core.version", 0},
		{"spec VendorListVersion: 0", opts, withCore(setBits(cb, 120, 12, 0)), tcf.ErrVendorListVersion, "core.vendorListVersion", 120},
		{"spec TcfPolicyVersion: 2 no longer accepted", opts, withCore(setBits(cb, 132, 6, 2)), tcf.ErrPolicyVersion, "core.policyVersion", 132},
		{"options: policy version 6 not yet accepted", opts, withCore(setBits(cb, 132, 6, 6)), tcf.ErrPolicyVersion, "core.policyVersion", 132},
		{"TCF v2.2: LI for purpose 3", opts, withCore(setBits(cb, 176+2, 1, 1)), tcf.ErrLegitimateInterest, "core.purposeLegitimateInterests[3]", 178},
		{"TCF v2.2: LI for purpose 6", opts, withCore(setBits(cb, 176+5, 1, 1)), tcf.ErrLegitimateInterest, "core.purposeLegitimateInterests[6]", 181},
		{"policy: LI for purpose 1 even under policy 2", tcf.Options{PolicyVersions: []int{2}},
			withCore(setBits(setBits(cb, 132, 6, 2), 176, 1, 1)), tcf.ErrLegitimateInterest, "core.purposeLegitimateInterests[1]", 176},
		{"spec truncated core: ends in CmpVersion", opts, fromBits(cb[:96]), tcf.ErrTruncated, "core.cmpVersion", 90},
		{"spec truncated core: ends in vendor consents", opts, fromBits(cb[:220]), tcf.ErrTruncated, "core.vendorConsents", 213},
		{"spec NumPubRestrictions missing", opts, fromBits(cb[:247]) + "." + disclosed, tcf.ErrMissingRestrictionCount, "core.numPubRestrictions", 247},
		{"spec segment type 4 is unknown", opts, goldenMinimal + ".gAAA", tcf.ErrUnknownSegment, "segment[2]", 0},
		{"spec disclosed vendors twice", opts, goldenMinimal + ".IAAA", tcf.ErrDuplicateSegment, "segment[2]", 0},
		{"spec core twice", opts, goldenMinimal + "." + core, tcf.ErrDuplicateSegment, "segment[2]", 0},
		{"TCF v2.3: disclosed vendors missing from a 2026-03-14 string", opts, core, tcf.ErrMissingVendorsDisclosed, "vendorsDisclosed", -1},
		{"options: disclosed vendors always required", tcf.Options{DisclosedVendors: tcf.DisclosedRequired},
			fromBits(setBits(cb, 6, 36, 17e9)), tcf.ErrMissingVendorsDisclosed, "vendorsDisclosed", -1},
		{"base64url: empty string", opts, "", tcf.ErrBase64, "segment[0]", -1},
		{"base64url: padding is rejected like the official library", opts, core + "=", tcf.ErrBase64, "segment[0]", -1},
		{"base64url: standard alphabet '+' is rejected", opts, "CQ+E", tcf.ErrBase64, "segment[0]", -1},
		{"base64url: empty segment", opts, core + "..IAAA", tcf.ErrBase64, "segment[1]", -1},
		{"base64url: bad character in the publisher TC segment", opts, goldenMinimal + ".dA*A", tcf.ErrBase64, "segment[2]", -1},
		{"spec range entry: vendor 0", opts, core + "." + fromBits("001"+uint16Bits(5)+"1"+"000000000001"+"0"+uint16Bits(0)),
			tcf.ErrInvalidRange, "vendorsDisclosed.vendors[0]", 32},
		{"spec range entry: end before start", opts, core + "." + fromBits("001"+uint16Bits(9)+"1"+"000000000001"+"1"+uint16Bits(9)+uint16Bits(3)),
			tcf.ErrInvalidRange, "vendorsDisclosed.vendors[0]", 32},
		{"spec range entry: above MaxVendorId", opts, core + "." + fromBits("001"+uint16Bits(5)+"1"+"000000000001"+"0"+uint16Bits(6)),
			tcf.ErrInvalidRange, "vendorsDisclosed.vendors[0]", 32},
		{"spec range entry: truncated", opts, core + "." + fromBits("001"+uint16Bits(5)+"1"+"000000000001"+"1"+uint16Bits(1)),
			tcf.ErrTruncated, "vendorsDisclosed.vendors[0]", 32},
		{"spec restriction type 3 is undefined", opts, fromBits(setBits(rb, restrictionType, 2, 3)) + "." + rRest,
			tcf.ErrInvalidValue, "core.publisherRestrictions[0].restrictionType", -1},
		{"library: CMP ID 1 is never assigned", opts, withCore(setBits(cb, 78, 12, 1)), tcf.ErrInvalidValue, "core.cmpId", 78},
		{"spec ConsentLanguage: 6-bit code 26 is no letter", opts, withCore(setBits(cb, 108, 6, 26)), tcf.ErrInvalidValue, "core.consentLanguage", 108},
		{"spec publisher TC truncated", opts, goldenMinimal + "." + fromBits("011"+strings.Repeat("0", 30)), tcf.ErrTruncated, "publisherTC.pubPurposesLITransparency", 27},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.opts.Decode(tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Decode(%q) error = %v, want %v", tt.in, err, tt.want)
			}
			p := firstProblem(t, err)
			if p.Path != tt.field || offsetOf(p) != tt.offset {
				t.Errorf("Decode(%q) error at %s bit %d, want %s bit %d (%v)", tt.in, p.Path, offsetOf(p), tt.field, tt.offset, err)
			}
			if strings.Contains(err.Error(), tt.in) && tt.in != "" {
				t.Errorf("Decode error %q repeats the TC string", err)
			}
			_ = got
		})
	}
}

func TestDecodeAccepts(t *testing.T) {
	core, disclosed, _ := strings.Cut(goldenMinimal, ".")
	cb := bitsOf(t, core)
	for _, tt := range []struct {
		name string
		opts tcf.Options
		in   string
	}{
		{"TCF v2.2: LI for purpose 4 allowed under policy 2", tcf.Options{PolicyVersions: []int{2}},
			fromBits(setBits(setBits(cb, 132, 6, 2), 176+3, 1, 1)) + "." + disclosed},
		{"TCF v2.3: no disclosed vendors before 2026-03-01", tcf.Options{},
			fromBits(setBits(cb, 6, 36, 17e9))},
		{"options: disclosed vendors optional", tcf.Options{DisclosedVendors: tcf.DisclosedOptional}, core},
		{"spec: trailing padding bits of other CMPs", tcf.Options{}, goldenMinimal + "AAAA"},
		{"spec: segments after core in any order", tcf.Options{},
			strings.Join([]string{"CQhE6KnQhIR9AEsAMCDAC0FgAAAAAAAAAAZQAaQAgAEAA0AAAAEEgBQAKAAsBeY4ACADQAAA", "dAAACAAAAdQA", "IF5wBAAEQAKAAsAGgC8w"}, ".")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.opts.Decode(tt.in)
			if err != nil {
				t.Fatalf("Decode(%q) = %v, want no error", tt.in, err)
			}
			if got.CMPID != 300 || got.VendorListVersion != 180 {
				t.Errorf("Decode(%q) = CMP %d, GVL %d, want CMP 300, GVL 180", tt.in, got.CMPID, got.VendorListVersion)
			}
		})
	}
}

func TestDecodeReportsEveryProblem(t *testing.T) {
	core, disclosed, _ := strings.Cut(goldenMinimal, ".")
	cb := bitsOf(t, core)
	in := fromBits(setBits(setBits(setBits(cb, 120, 12, 0), 132, 6, 2), 176+4, 1, 1)) + "." + disclosed
	_, err := tcf.Decode(in)
	for _, want := range []error{tcf.ErrVendorListVersion, tcf.ErrPolicyVersion} {
		if !errors.Is(err, want) {
			t.Errorf("Decode(VLV 0, policy 2) error = %v, want it to include %v", err, want)
		}
	}
	// Under policy 2 purpose 5 may rest on legitimate interest.
	if errors.Is(err, tcf.ErrLegitimateInterest) {
		t.Errorf("Decode(policy 2, LI purpose 5) error = %v, want no ErrLegitimateInterest", err)
	}
}

func TestValidate(t *testing.T) {
	for _, tt := range []struct {
		name  string
		edit  func(*tcf.TCString)
		want  error
		field string
	}{
		{"spec PurposesConsent holds purposes 1-24", func(m *tcf.TCString) { m.PurposeConsents = tcf.NewIDSet(25) },
			tcf.ErrInvalidValue, "core.purposeConsents"},
		{"spec SpecialFeatureOptIns holds features 1-12", func(m *tcf.TCString) { m.SpecialFeatureOptIns = tcf.NewIDSet(13) },
			tcf.ErrInvalidValue, "core.specialFeatureOptins"},
		{"spec custom purposes within NumCustomPurposes", func(m *tcf.TCString) {
			m.HasPublisherTC = true
			m.PublisherTC = tcf.PublisherTC{NumCustomPurposes: 2, CustomPurposeConsents: tcf.NewIDSet(3)}
		}, tcf.ErrInvalidValue, "publisherTC.customPurposesConsent"},
		{"spec NumCustomPurposes is 6 bits", func(m *tcf.TCString) {
			m.HasPublisherTC = true
			m.PublisherTC.NumCustomPurposes = 64
		}, tcf.ErrInvalidValue, "publisherTC.numCustomPurposes"},
		{"spec ConsentLanguage upper case", func(m *tcf.TCString) { m.ConsentLanguage = "da" },
			tcf.ErrInvalidValue, "core.consentLanguage"},
		{"spec PublisherCC two letters", func(m *tcf.TCString) { m.PublisherCountryCode = "DNK" },
			tcf.ErrInvalidValue, "core.publisherCountryCode"},
		{"spec Created after 1970", func(m *tcf.TCString) { m.Created = time.Time{} },
			tcf.ErrInvalidValue, "core.created"},
		{"spec LastUpdated within 36 bits", func(m *tcf.TCString) { m.LastUpdated = time.Date(2188, 1, 1, 0, 0, 0, 0, time.UTC) },
			tcf.ErrInvalidValue, "core.lastUpdated"},
		{"spec LastUpdated: the far future does not wrap around", func(m *tcf.TCString) { m.LastUpdated = time.Unix(1<<62, 0) },
			tcf.ErrInvalidValue, "core.lastUpdated"},
		{"spec Created: 2187-10-15 is past the last decisecond", func(m *tcf.TCString) {
			m.Created = time.UnixMilli((1<<36-1)*100 + 50)
		}, tcf.ErrInvalidValue, "core.created"},
		{"spec ConsentScreen is 6 bits", func(m *tcf.TCString) { m.ConsentScreen = 64 },
			tcf.ErrInvalidValue, "core.consentScreen"},
		{"spec VendorListVersion 0", func(m *tcf.TCString) { m.VendorListVersion = 0 },
			tcf.ErrVendorListVersion, "core.vendorListVersion"},
		{"spec VendorListVersion is 12 bits", func(m *tcf.TCString) { m.VendorListVersion = 4096 },
			tcf.ErrInvalidValue, "core.vendorListVersion"},
		{"spec restriction purpose 0", func(m *tcf.TCString) {
			m.PublisherRestrictions = []tcf.PublisherRestriction{{PurposeID: 0, Vendors: tcf.NewVendorSet(1)}}
		}, tcf.ErrInvalidValue, "core.publisherRestrictions[0].purposeId"},
		{"library: duplicate purpose and type", func(m *tcf.TCString) {
			m.PublisherRestrictions = []tcf.PublisherRestriction{
				{PurposeID: 2, Type: tcf.RequireConsent, Vendors: tcf.NewVendorSet(1)},
				{PurposeID: 2, Type: tcf.RequireConsent, Vendors: tcf.NewVendorSet(2)},
			}
		}, tcf.ErrInvalidValue, "core.publisherRestrictions[1]"},
		{"TCF v2.2: LI for purpose 5", func(m *tcf.TCString) { m.PurposeLegitimateInterests = tcf.NewIDSet(5) },
			tcf.ErrLegitimateInterest, "core.purposeLegitimateInterests[5]"},
		{"absent segment: disclosed vendors would be lost", func(m *tcf.TCString) {
			m.Created = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
			m.HasVendorsDisclosed = false
			m.VendorsDisclosed = tcf.NewVendorSet(1)
		}, tcf.ErrInvalidValue, "vendorsDisclosed.vendors"},
		{"absent segment: allowed vendors would be lost", func(m *tcf.TCString) { m.VendorsAllowed = tcf.NewVendorSet(1) },
			tcf.ErrInvalidValue, "vendorsAllowed.vendors"},
		{"absent segment: publisher TC would be lost", func(m *tcf.TCString) { m.PublisherTC.NumCustomPurposes = 1 },
			tcf.ErrInvalidValue, "publisherTC"},
		{"TCF v2.3: disclosed vendors for a 2026-03-14 string", func(m *tcf.TCString) { m.HasVendorsDisclosed = false },
			tcf.ErrMissingVendorsDisclosed, "vendorsDisclosed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := goldenBase()
			tt.edit(&m)
			err := tcf.Validate(m)
			if !errors.Is(err, tt.want) || err == nil || firstProblem(t, err).Path != tt.field || offsetOf(firstProblem(t, err)) != -1 {
				t.Fatalf("Validate() = %v, want %v at %s", err, tt.want, tt.field)
			}
			if s, encErr := tcf.Encode(m); !errors.Is(encErr, tt.want) {
				t.Errorf("Encode() = %q, %v, want %v", s, encErr, tt.want)
			}
		})
	}
}

func TestFieldErrorMessage(t *testing.T) {
	m := goldenBase()
	m.VendorListVersion = 0
	m.CMPID = 1
	err := tcf.Validate(m)
	want := "tcf: invalid value: validate: 2 problems: core.cmpId: invalid_value(1 outside 2-4095); " +
		"core.vendorListVersion: vendor_list_version"
	if err == nil || err.Error() != want {
		t.Errorf("Validate(CMP 1, VLV 0) = %v, want %q", err, want)
	}
	_, err = tcf.Decode("CQhE6KnQhIR9AEsAMCDAC0FgAAAAAAAAAAZQAAAAAAAA.gAAA")
	want = "tcf: unknown segment type: decode: 1 problem: segment[1]: unknown_segment(type 4)"
	if err == nil || err.Error() != want {
		t.Errorf("Decode(segment type 4) = %v, want %q", err, want)
	}
}

func TestEnumText(t *testing.T) {
	for _, tt := range []struct {
		name string
		v    interface {
			MarshalText() ([]byte, error)
			String() string
		}
		want string
	}{
		{"spec RestrictionType 0", tcf.NotAllowed, "not_allowed"},
		{"spec RestrictionType 1", tcf.RequireConsent, "require_consent"},
		{"spec RestrictionType 2", tcf.RequireLegitimateInterest, "require_legitimate_interest"},
		{"spec segment type 0", tcf.SegmentCore, "core"},
		{"spec segment type 1", tcf.SegmentVendorsDisclosed, "vendors_disclosed"},
		{"spec segment type 2", tcf.SegmentVendorsAllowed, "vendors_allowed"},
		{"spec segment type 3", tcf.SegmentPublisherTC, "publisher_tc"},
		{"TCF v2.3 rule", tcf.DisclosedFromV23, "from_v23"},
		{"always rule", tcf.DisclosedRequired, "required"},
		{"never rule", tcf.DisclosedOptional, "optional"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.v.MarshalText()
			if err != nil || string(b) != tt.want || tt.v.String() != tt.want {
				t.Errorf("MarshalText() = %q, %v; String() = %q; want %q", b, err, tt.v.String(), tt.want)
			}
		})
	}
	var r tcf.RestrictionType
	if err := r.UnmarshalText([]byte("require_legitimate_interest")); err != nil || r != tcf.RequireLegitimateInterest {
		t.Errorf("UnmarshalText(requireLegitimateInterest) = %v, %v", r, err)
	}
	if err := r.UnmarshalText([]byte("requireConsent")); !errors.Is(err, tcf.ErrInvalidValue) {
		t.Errorf("UnmarshalText(requireConsent) error = %v, want ErrInvalidValue", err)
	}
	if _, err := tcf.RestrictionType(3).MarshalText(); !errors.Is(err, tcf.ErrInvalidValue) {
		t.Errorf("RestrictionType(3).MarshalText() error = %v, want ErrInvalidValue", err)
	}
	var s tcf.Segment
	if err := s.UnmarshalText([]byte("publisher_tc")); err != nil || s != tcf.SegmentPublisherTC {
		t.Errorf("UnmarshalText(publisher_tc) = %v, %v", s, err)
	}
	if err := s.UnmarshalText([]byte("publisher")); !errors.Is(err, tcf.ErrUnknownSegment) {
		t.Errorf("UnmarshalText(publisher) error = %v, want ErrUnknownSegment", err)
	}
	if got := tcf.Segment(5).String(); got != "Segment(5)" {
		t.Errorf("Segment(5).String() = %q, want Segment(5)", got)
	}
	var d tcf.DisclosedRule
	if err := d.UnmarshalText([]byte("always")); !errors.Is(err, tcf.ErrInvalidValue) {
		t.Errorf("DisclosedRule.UnmarshalText(always) error = %v, want ErrInvalidValue", err)
	}
	if err := d.UnmarshalText([]byte("optional")); err != nil || d != tcf.DisclosedOptional {
		t.Errorf("DisclosedRule.UnmarshalText(optional) = %v, %v", d, err)
	}
}

func TestDefaultPolicyVersionsIsACopy(t *testing.T) {
	v := tcf.DefaultPolicyVersions()
	v[0] = 2
	if got := tcf.DefaultPolicyVersions(); !cmp.Equal(got, []int{4, 5}) {
		t.Errorf("DefaultPolicyVersions() after changing a copy = %v, want [4 5]", got)
	}
}

func TestDecodeResultOnError(t *testing.T) {
	_, err := tcf.Decode(goldenMinimal[:20])
	got, _ := tcf.Decode(goldenMinimal[:20])
	if !errors.Is(err, tcf.ErrTruncated) || !cmp.Equal(got, tcf.TCString{}) {
		t.Errorf("Decode(truncated) = %+v, %v, want the zero TCString and ErrTruncated", got, err)
	}
	const spec = "CQSbk4AQSbk4ANwAAAENAwCgAAAAAAAAAAYgACPAAAAA.IDKQA4AAgAKAGQAygAAA.YAAAAAAAAAAA"
	got, err = tcf.Decode(spec)
	if !errors.Is(err, tcf.ErrPolicyVersion) || got.CMPID != 880 || got.PolicyVersion != 2 {
		t.Errorf("Decode(policy 2) = CMP %d, policy %d, %v, want CMP 880, policy 2, ErrPolicyVersion",
			got.CMPID, got.PolicyVersion, err)
	}
}

func TestTextMarshaling(t *testing.T) {
	type record struct {
		Consent tcf.TCString `json:"consent"`
	}
	in := record{Consent: goldenModels()[1].m}
	b, err := json.Marshal(in)
	if want := `{"consent":"` + goldenPurposes + `"}`; err != nil || string(b) != want {
		t.Fatalf("json.Marshal = %s, %v, want %s", b, err, want)
	}
	var out record
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(in, out); d != "" {
		t.Errorf("json round trip (-want +got):\n%s", d)
	}
	keep := out
	if err := json.Unmarshal([]byte(`{"consent":""}`), &out); !errors.Is(err, tcf.ErrBase64) || !cmp.Equal(keep, out) {
		t.Errorf(`json.Unmarshal("") = %v and changed the value: %v`, err, !cmp.Equal(keep, out))
	}
	bad := goldenBase()
	bad.VendorListVersion = 0
	if _, err := json.Marshal(record{Consent: bad}); !errors.Is(err, tcf.ErrVendorListVersion) {
		t.Errorf("json.Marshal(VLV 0) error = %v, want ErrVendorListVersion", err)
	}
}

func TestEncodeLargeSets(t *testing.T) {
	var odd []int
	for id := 1; id <= 20000; id += 2 {
		odd = append(odd, id)
	}
	var spaced []int // 4096 single IDs, 16 apart, up to MaxVendorID
	for k := range 4096 {
		spaced = append(spaced, tcf.MaxVendorID-16*k)
	}
	for _, tt := range []struct {
		name    string
		vendors tcf.VendorSet
		want    error
	}{
		{"spec bit field of 20000 vendors outgrows the stack buffer", tcf.NewVendorSet(odd...), nil},
		{"spec range of all vendor IDs", tcf.VendorRange(1, tcf.MaxVendorID), nil},
		{"spec NumEntries is 12 bits: 4096 range entries", tcf.NewVendorSet(spaced...), tcf.ErrTooLarge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := goldenBase()
			m.VendorConsents = tt.vendors
			m.VendorsDisclosed = tt.vendors
			s, err := tcf.Encode(m)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Encode() error = %v, want %v", err, tt.want)
			}
			if verr := tcf.Validate(m); !errors.Is(verr, tt.want) {
				t.Fatalf("Validate() = %v, want %v", verr, tt.want)
			}
			if tt.want != nil {
				if firstProblem(t, err).Path != "core.vendorConsents" {
					t.Errorf("Encode() error = %v, want it at core.vendorConsents", err)
				}
				return
			}
			got, err := tcf.Decode(s)
			if err != nil {
				t.Fatalf("Decode(Encode()) = %v", err)
			}
			if d := cmp.Diff(m, got); d != "" {
				t.Errorf("Decode(Encode()) (-want +got):\n%s", d)
			}
		})
	}
	for _, tt := range []struct {
		name    string
		vendors tcf.VendorSet
		want    error
	}{
		{"spec restriction NumEntries is 12 bits: 10000 runs", tcf.NewVendorSet(odd...), tcf.ErrTooLarge},
		{"spec restriction of one range", tcf.VendorRange(1, tcf.MaxVendorID), nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := goldenBase()
			m.PublisherRestrictions = []tcf.PublisherRestriction{{PurposeID: 3, Type: tcf.NotAllowed, Vendors: tt.vendors}}
			s, err := tcf.Encode(m)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Encode() error = %v, want %v", err, tt.want)
			}
			if verr := tcf.Validate(m); !errors.Is(verr, tt.want) {
				t.Fatalf("Validate() = %v, want %v", verr, tt.want)
			}
			if tt.want != nil {
				if firstProblem(t, err).Path != "core.publisherRestrictions[0].vendors" {
					t.Errorf("Encode() error = %v, want it at core.publisherRestrictions[0].vendors", err)
				}
				return
			}
			got, err := tcf.Decode(s)
			if err != nil {
				t.Fatalf("Decode(Encode()) = %v", err)
			}
			if d := cmp.Diff(m, got); d != "" {
				t.Errorf("Decode(Encode()) (-want +got):\n%s", d)
			}
		})
	}
}

func TestErrorSegment(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
		want tcf.Segment
	}{
		{"spec segment type from the first character of a bad segment", goldenMinimal + ".dA*A", tcf.SegmentPublisherTC},
		{"spec segment type read before a truncation", goldenMinimal + ".dA", tcf.SegmentPublisherTC},
		{"spec vendors disclosed truncated", goldenMinimal[:44] + ".IA", tcf.SegmentVendorsDisclosed},
		{"empty segment has no type", goldenMinimal + "..dA", tcf.SegmentCore},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tcf.Decode(tt.in)
			if err == nil || !strings.Contains(firstProblem(t, err).Message, "("+tt.want.String()+" segment") {
				t.Errorf("Decode(%q) error = %v, want one in segment %v", tt.in, err, tt.want)
			}
		})
	}
}

// firstProblem returns the first problem of err, which must be a
// *contract.ValidationError.
func firstProblem(t *testing.T, err error) contract.Problem {
	t.Helper()
	var ve *contract.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) == 0 {
		t.Fatalf("error %v (%T) is no *contract.ValidationError with problems", err, err)
	}
	return ve.Problems[0]
}

// offsetOf returns the bit offset a problem's message names, or -1.
func offsetOf(p contract.Problem) int {
	_, after, ok := strings.Cut(p.Message, ", bit ")
	if !ok {
		return -1
	}
	n, _ := strconv.Atoi(strings.TrimRight(strings.SplitN(after, ")", 2)[0], " "))
	return n
}
