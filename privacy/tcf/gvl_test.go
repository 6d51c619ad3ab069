package tcf

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/language"
)

// smallGVL parses testdata/gvl-small.json, a list built by hand from the
// spec's "Example Global Vendor List JSON Object": vendor 1 declares
// purposes 1-3 on consent (2 and 3 flexible), 7 on legitimate interest,
// special purpose 1 and special feature 1; vendor 8 declares purpose 1 on
// consent and 2, 7, 10 on legitimate interest (2 flexible); vendor 23 was
// deleted on 2026-02-28.
func smallGVL(t testing.TB) GVL {
	t.Helper()
	f, err := os.Open("testdata/gvl-small.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := ParseGVL(f)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestParseGVL(t *testing.T) {
	g := smallGVL(t)
	if g.GVLSpecificationVersion != 3 || g.VendorListVersion != 180 || g.TCFPolicyVersion != 5 ||
		!g.LastUpdated.Equal(time.Date(2026, 3, 5, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("header = %d %d %d %v", g.GVLSpecificationVersion, g.VendorListVersion, g.TCFPolicyVersion, g.LastUpdated)
	}
	// spec: "consentable" and "rightToObject" default to true when absent.
	if p := g.Purposes[1]; !p.Consentable || !p.RightToObject {
		t.Errorf("purpose 1 = %+v, want consentable and right to object by default", p)
	}
	if p := g.Purposes[10]; p.Consentable || p.RightToObject {
		t.Errorf("purpose 10 = %+v, want neither (declared false)", p)
	}
	v := g.Vendors[1]
	want := DataRetention{StdRetention: 30, Purposes: map[int]int{3: 180}, SpecialPurposes: map[int]int{}}
	if diff := cmp.Diff(want, v.DataRetention); diff != "" {
		t.Errorf("vendor 1 dataRetention (-want +got):\n%s", diff)
	}
	if v.URLs[0].LegIntClaim != "https://vendor1.example/privacy#li" || !v.UsesCookies || v.CookieMaxAgeSeconds != 31536000 {
		t.Errorf("vendor 1 = %+v", v)
	}
	if g.Vendors[8].CookieMaxAgeSeconds != -1 {
		t.Errorf("vendor 8 cookieMaxAgeSeconds = %d, want -1", g.Vendors[8].CookieMaxAgeSeconds)
	}
	if d := g.Vendors[23].DeletedDate; !d.Equal(time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("vendor 23 deletedDate = %v", d)
	}
	if s := g.Stacks[1]; len(s.SpecialFeatures) != 1 || g.DataCategories[1].Name != "IP addresses" {
		t.Errorf("stacks/dataCategories = %+v %+v", s, g.DataCategories)
	}
	// WriteJSON writes what ParseGVL reads back equal.
	var buf bytes.Buffer
	if err := g.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ParseGVL(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(g, back); diff != "" {
		t.Errorf("ParseGVL(WriteJSON(g)) (-want +got):\n%s", diff)
	}
	if err := g.WriteJSON(nil); !errors.Is(err, ErrGVL) {
		t.Errorf("WriteJSON(nil) = %v, want ErrGVL", err)
	}
}

// TestParseGVLProblems checks the spec's vendor constraints ("A Purpose id
// must not be present in both purposes and legIntPurposes", "A Purpose id
// listed in flexiblePurposes must have been declared", purpose ids "in the
// range from 1 to N") are all reported at once with JSON paths.
func TestParseGVLProblems(t *testing.T) {
	in := `{"gvlSpecificationVersion":3,"vendorListVersion":1,"tcfPolicyVersion":5,
	"purposes":{"1":{"id":1},"2":{"id":3}},
	"specialFeatures":{"13":{"id":13}},
	"vendors":{
	  "4":{"id":5,"purposes":[1],"legIntPurposes":[1]},
	  "6":{"id":6,"purposes":[2,9],"legIntPurposes":[30],"flexiblePurposes":[7],"specialFeatures":[13]}}}`
	_, err := ParseGVL(strings.NewReader(in))
	if !errors.Is(err, ErrGVL) {
		t.Fatalf("ParseGVL = %v, want ErrGVL", err)
	}
	var ve *contract.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("ParseGVL error %T, want *contract.ValidationError", err)
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Path+" "+p.Rule)
	}
	want := []string{
		"purposes.2.id id_mismatch",
		"specialFeatures.13.id id_mismatch",
		"vendors.4.id id_mismatch",
		"vendors.4.purposes[0] both_legal_bases",
		"vendors.6.purposes[1] unknown_purpose",
		"vendors.6.legIntPurposes[0] out_of_range",
		"vendors.6.flexiblePurposes[0] flexible_not_declared",
		"vendors.6.specialFeatures[0] out_of_range",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestParseGVLMalformed checks that input ParseGVL cannot read is an error
// wrapping ErrGVL that does not echo the input.
func TestParseGVLMalformed(t *testing.T) {
	for name, in := range map[string]io.Reader{
		"nil reader":      nil,
		"syntax":          strings.NewReader(`{"vendors":{"1":{"id":1,"name":"secret-name"`),
		"wrong type":      strings.NewReader(`{"vendors":{"1":{"id":"one"}}}`),
		"non-numeric key": strings.NewReader(`{"vendors":{"x":{"id":1}}}`),
		"too large":       io.MultiReader(strings.NewReader(`{"a":"`), strings.NewReader(strings.Repeat("x", MaxGVLBytes))),
		"too dense":       strings.NewReader(`{"vendors":{` + strings.Repeat(`"1":{},`, 100000) + `"1":{}}}`),
	} {
		var err error
		if in == nil {
			_, err = ParseGVL(nil)
		} else {
			_, err = ParseGVL(in)
		}
		if !errors.Is(err, ErrGVL) {
			t.Errorf("%s: ParseGVL = %v, want ErrGVL", name, err)
		}
		if err != nil && strings.Contains(err.Error(), "secret-name") {
			t.Errorf("%s: error echoes input: %v", name, err)
		}
	}
}

// base is a TC string created 2026-03-10 (after TCF v2.3 made the
// disclosed-vendors segment mandatory) that discloses vendors 1 and 8 and
// carries no consent and no legitimate interest.
func base() TCString {
	at := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	return TCString{Created: at, LastUpdated: at, CMPID: 300, VendorListVersion: 180, PolicyVersion: 5,
		IsServiceSpecific: true, ConsentLanguage: "DA", PublisherCountryCode: "DK",
		HasVendorsDisclosed: true, VendorsDisclosed: NewVendorSet(1, 8)}
}

func consent(t TCString, purpose, vendor int) TCString {
	t.PurposeConsents = t.PurposeConsents.With(purpose)
	t.VendorConsents = t.VendorConsents.With(vendor)
	return t
}

func legInt(t TCString, purpose, vendor int) TCString {
	t.PurposeLegitimateInterests = t.PurposeLegitimateInterests.With(purpose)
	t.VendorLegitimateInterests = t.VendorLegitimateInterests.With(vendor)
	return t
}

func restrict(t TCString, purpose int, rt RestrictionType, vendor int) TCString {
	t.PublisherRestrictions = append(t.PublisherRestrictions, PublisherRestriction{PurposeID: purpose, Type: rt, Vendors: NewVendorSet(vendor)})
	return t
}

func TestPermission(t *testing.T) {
	g := smallGVL(t)
	// A vendor declaring purpose 1 on legitimate interest breaks the
	// policies; the decision still refuses it.
	g.Vendors[30] = Vendor{ID: 30, Name: "Purpose one on LI", LegIntPurposes: []int{1, 2}}
	at := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	both := consent(legInt(base(), 2, 1), 2, 1)
	old := base()
	old.Created = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	old.HasVendorsDisclosed, old.VendorsDisclosed = false, VendorSet{}
	noSegment := base()
	noSegment.HasVendorsDisclosed, noSegment.VendorsDisclosed = false, VendorSet{}
	p1 := base()
	p1.PurposeOneTreatment, p1.PublisherCountryCode = true, "DE"
	tests := []struct {
		name            string
		tc              TCString
		vendor, purpose int
		at              time.Time
		allowed         bool
		reason          string
		cite            string
	}{
		{"spec GVL: a vendor not in the list has no legal basis", consent(base(), 2, 99), 99, 2, at, false,
			"vendor 99 is not in the Global Vendor List", "The Global Vendor List"},
		{"spec deletedDate: vendor 23 deleted 2026-02-28 must not be established", consent(base(), 2, 23), 23, 2, at, false,
			"vendor 23 was deleted from the Global Vendor List", "deletedDate"},
		{"spec deletedDate: before its deletion vendor 23 still counts", consent(base(), 2, 23), 23, 2,
			time.Date(2026, 2, 27, 23, 0, 0, 0, time.UTC), true, "the vendor has consent for purpose 2", "Art. 6(1)(a)"},
		{"spec restriction type 0: not allowed whatever the vendor declared", restrict(both, 2, NotAllowed, 1), 1, 2, at, false,
			"the publisher does not allow purpose 2 for the vendor", "RestrictionType 0"},
		{"guidelines: an undeclared purpose is never allowed", consent(base(), 10, 1), 1, 10, at, false,
			"the vendor did not declare purpose 10", "How to determine legal bases"},
		{"spec restriction type 1 on an undeclared purpose: should not process", restrict(consent(base(), 10, 1), 10, RequireConsent, 1), 1, 10, at, false,
			"the vendor did not declare purpose 10", "RestrictionType"},
		{"guidelines: consent needs the purpose consent bit", consent(base(), 2, 1).withoutPurposeConsent(2), 1, 2, at, false,
			"the user did not consent to purpose 2", "Art. 6(1)(a)"},
		{"guidelines: consent needs the vendor consent bit", base().withPurposeConsent(2), 1, 2, at, false,
			"the vendor has no consent for purpose 2", "Art. 6(1)(a)"},
		{"guidelines: consent as declared", consent(base(), 3, 1), 1, 3, at, true,
			"the vendor has consent for purpose 3", "Art. 6(1)(a)"},
		{"policies III 16(1): purpose 1 on consent", consent(base(), 1, 1), 1, 1, at, true,
			"the vendor has consent for purpose 1", "Chapter III 16(1)"},
		{"spec flexible default: a flexible consent purpose stays on consent without a restriction", legInt(base(), 2, 1), 1, 2, at, false,
			"the user did not consent to purpose 2", "Art. 6(1)(a)"},
		{"guidelines: legitimate interest as declared", legInt(base(), 7, 8), 8, 7, at, true,
			"the vendor may rely on legitimate interest for purpose 7", "Art. 6(1)(f)"},
		{"guidelines: legitimate interest needs the vendor bit", legInt(base(), 7, 1).withoutVendorLI(1).withVendorLI(9), 8, 7, at, false,
			"the vendor has no legitimate interest for purpose 7", "Art. 6(1)(f)"},
		{"spec restriction type 1 on a flexible LI purpose: consent is checked", restrict(consent(base(), 2, 8), 2, RequireConsent, 8), 8, 2, at, true,
			"the vendor has consent for purpose 2", "Art. 6(1)(a)"},
		{"spec restriction type 1 on a flexible LI purpose: LI no longer counts", restrict(legInt(base(), 2, 8), 2, RequireConsent, 8), 8, 2, at, false,
			"the user did not consent to purpose 2", "Art. 6(1)(a)"},
		{"doc example: restriction type 1 on flexible purpose 2, purpose consent but no vendor consent", restrict(base().withPurposeConsent(2), 2, RequireConsent, 8), 8, 2, at, false,
			"the vendor has no consent for purpose 2", "Art. 6(1)(a)"},
		{"spec restriction type 2 on a flexible consent purpose: LI is checked", restrict(legInt(base(), 2, 1), 2, RequireLegitimateInterest, 1), 1, 2, at, true,
			"the vendor may rely on legitimate interest for purpose 2", "Art. 6(1)(f)"},
		{"spec restriction type 2 on a flexible consent purpose: consent no longer counts", restrict(consent(base(), 2, 1), 2, RequireLegitimateInterest, 1), 1, 2, at, false,
			"legitimate interest for purpose 2 was not established or the user objected", "Art. 6(1)(f)"},
		{"spec restriction type 1, LI purpose not flexible: should not process", restrict(both.withPurposeConsent(7).withVendorConsent(8), 7, RequireConsent, 8), 8, 7, at, false,
			"the publisher requires a legal basis for purpose 7 that the vendor did not declare as flexible", "RestrictionType"},
		{"spec restriction type 2, consent purpose not flexible: should not process", restrict(legInt(consent(base(), 1, 1), 1, 1), 1, RequireLegitimateInterest, 1), 1, 1, at, false,
			"the publisher requires a legal basis for purpose 1 that the vendor did not declare as flexible", "RestrictionType"},
		{"spec restriction type 1 on a consent purpose: can ignore", restrict(consent(base(), 3, 1), 3, RequireConsent, 1), 1, 3, at, true,
			"the vendor has consent for purpose 3", "Art. 6(1)(a)"},
		{"spec v2.2: no legitimate interest for purposes 3-6, even when flexible", restrict(legInt(base(), 3, 1), 3, RequireLegitimateInterest, 1), 1, 3, at, false,
			"purpose 3 may not rest on legitimate interest", "purposes 3 to 6"},
		{"policies III 16(1): purpose 1 never on legitimate interest", legInt(base().withDisclosed(30), 1, 30), 30, 1, at, false,
			"purpose 1 may not rest on legitimate interest", "Chapter III 16(1)"},
		{"spec v2.3 disclosed vendors: a vendor not disclosed gets no legitimate interest", legInt(base(), 2, 30), 30, 2, at, false,
			"the vendor was not disclosed to the user, so it has no legitimate interest", "Disclosed Vendors"},
		{"spec v2.3: a string created from 2026-03-01 without the segment discloses nobody", legInt(noSegment, 7, 8), 8, 7, at, false,
			"the vendor was not disclosed to the user, so it has no legitimate interest", "Disclosed Vendors"},
		{"spec v2.2: a string created before 2026-03-01 without the segment keeps legitimate interest", legInt(old, 7, 8), 8, 7, at, true,
			"the vendor may rely on legitimate interest for purpose 7", "Art. 6(1)(f)"},
		{"spec purpose one treatment: purpose 1 not disclosed in the publisher's country", p1, 1, 1, at, true,
			"the publisher's country DE does not require consent", "governed differently"},
		{"spec purpose one treatment does not lift a type 0 restriction", restrict(p1, 1, NotAllowed, 1), 1, 1, at, false,
			"the publisher does not allow purpose 1 for the vendor", "RestrictionType 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := g.Permission(tt.tc, tt.vendor, tt.purpose, tt.at)
			if d.Allowed != tt.allowed || !strings.Contains(d.Reason.String(), tt.reason) {
				t.Errorf("Permission(vendor %d, purpose %d) = %v %q, want %v %q", tt.vendor, tt.purpose, d.Allowed, d.Reason, tt.allowed, tt.reason)
			}
			if !strings.Contains(d.String(), tt.cite) || d.Rule != RulePurpose || !d.At.Equal(tt.at) {
				t.Errorf("decision %q (rule %q), want a citation of %q", d, d.Rule, tt.cite)
			}
		})
	}
}

func (t TCString) withPurposeConsent(p int) TCString {
	t.PurposeConsents = t.PurposeConsents.With(p)
	return t
}

func (t TCString) withoutPurposeConsent(p int) TCString {
	t.PurposeConsents = t.PurposeConsents.Without(p)
	return t
}

func (t TCString) withVendorConsent(v int) TCString {
	t.VendorConsents = t.VendorConsents.With(v)
	return t
}

func (t TCString) withVendorLI(v int) TCString {
	t.VendorLegitimateInterests = t.VendorLegitimateInterests.With(v)
	return t
}

func (t TCString) withoutVendorLI(v int) TCString {
	t.VendorLegitimateInterests = t.VendorLegitimateInterests.Without(v)
	return t
}

func (t TCString) withDisclosed(v int) TCString {
	t.VendorsDisclosed = t.VendorsDisclosed.With(v)
	return t
}

func TestSpecialPurposeAndFeature(t *testing.T) {
	g := smallGVL(t)
	at := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	undisclosed := base()
	undisclosed.VendorsDisclosed = NewVendorSet(8)
	optIn := base()
	optIn.SpecialFeatureOptIns = NewIDSet(1)
	for _, tt := range []struct {
		name    string
		d       contract.Decision
		allowed bool
		reason  string
	}{
		{"spec v2.3: a disclosed vendor may operate under its declared special purpose", g.SpecialPurpose(base(), 1, 1, at), true,
			"vendor 1 was disclosed and may process for special purpose 1"},
		{"spec v2.3: a vendor not disclosed may not", g.SpecialPurpose(undisclosed, 1, 1, at), false,
			"the vendor was not disclosed to the user"},
		{"spec GVL: an undeclared special purpose", g.SpecialPurpose(base(), 8, 1, at), false,
			"vendor 8 did not declare special purpose 1"},
		{"spec deletedDate: special purposes end too", g.SpecialPurpose(base(), 23, 1, at), false,
			"vendor 23 was deleted"},
		{"spec GVL: unknown vendor, special purpose", g.SpecialPurpose(base(), 99, 1, at), false,
			"vendor 99 is not in the Global Vendor List"},
		{"spec SpecialFeatureOptIns: opted in and declared", g.SpecialFeature(optIn, 1, 1, at), true,
			"the user opted in to special feature 1 and vendor 1 declared it"},
		{"spec SpecialFeatureOptIns: no opt-in", g.SpecialFeature(base(), 1, 1, at), false,
			"the user did not opt in to special feature 1"},
		{"spec GVL specialFeatures: not declared", g.SpecialFeature(optIn, 8, 1, at), false,
			"vendor 8 did not declare special feature 1"},
		{"spec deletedDate: special features end too", g.SpecialFeature(optIn, 23, 1, at), false,
			"vendor 23 was deleted"},
		{"spec GVL: unknown vendor, special feature", g.SpecialFeature(optIn, 99, 1, at), false,
			"vendor 99 is not in the Global Vendor List"},
	} {
		if tt.d.Allowed != tt.allowed || !strings.Contains(tt.d.Reason.String(), tt.reason) || len(tt.d.Citations) == 0 {
			t.Errorf("%s: got %v %q, want %v %q", tt.name, tt.d.Allowed, tt.d, tt.allowed, tt.reason)
		}
	}
}

// TestPermissionCitationsShared checks that appending to a decision's
// citations does not change the next decision's.
func TestPermissionCitationsShared(t *testing.T) {
	g := smallGVL(t)
	at := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	d := g.Permission(consent(base(), 3, 1), 1, 3, at)
	_ = append(d.Citations, contract.Cite("x", "y"))
	d.Citations = append(d.Citations, contract.Cite("x", "y"))
	if e := g.Permission(consent(base(), 3, 1), 1, 3, at); len(e.Citations) != 2 {
		t.Errorf("citations = %v, want 2", e.Citations)
	}
}

func TestPermissionDanish(t *testing.T) {
	g := smallGVL(t)
	d := g.Permission(base(), 8, 7, time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC))
	if got := d.Reason.In(language.Danish); got != "legitim interesse for formål 7 er ikke etableret, eller brugeren har gjort indsigelse" {
		t.Errorf("Danish reason = %q", got)
	}
}
