package gpp_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pimkit/pimkit/privacy/gpp"
	"github.com/pimkit/pimkit/privacy/tcf"
)

var (
	crosscheck  = flag.Bool("crosscheck", false, "cross-check against @iabgpp/cmpapi with node (see testdata/crosscheck/run.sh)")
	crossN      = flag.Int("crosscheck.n", 3000, "number of random models for -crosscheck")
	crossSeed   = flag.Uint64("crosscheck.seed", 20261201, "seed of the random models for -crosscheck")
	crossReport = flag.Int("crosscheck.report", 5, "failures to describe in full")
)

type crossCase struct {
	GoString string `json:"goString"`
	Ops      []op   `json:"ops"`
}

// op is one GppModel.setFieldValue call: [section, field, value].
type op [3]any

type crossResult struct {
	JSString   string                    `json:"jsString"`
	JSSections map[string]map[string]any `json:"jsSections"`
	Error      string                    `json:"error"`
}

// TestCrossCheck encodes random models with pimkit and, through
// setFieldValue calls, with the official library, and compares both ways:
// the two strings byte for byte; pimkit's decoding of the library's
// string with the model, and pimkit's re-encoding of it with the string;
// and the library's getSection of pimkit's string field by field with the
// model. It needs node and the packages testdata/crosscheck/run.sh
// installs, so it runs only with -crosscheck.
func TestCrossCheck(t *testing.T) {
	if !*crosscheck {
		t.Skip("needs node: run testdata/crosscheck/run.sh or go test -run TestCrossCheck -args -crosscheck")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "crosscheck"))
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(*crossSeed, 0x699))
	models := make([]gpp.String, *crossN)
	cases := make([]crossCase, *crossN)
	for i := range models {
		models[i] = randomModel(r)
		s, err := gpp.Encode(models[i])
		if err != nil {
			t.Fatalf("model %d: Encode = %v, want a string", i, err)
		}
		cases[i] = crossCase{GoString: s, Ops: opsOf(models[i])}
	}
	tmp := t.TempDir()
	in, out := filepath.Join(tmp, "in.json"), filepath.Join(tmp, "out.json")
	data, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", filepath.Join(dir, "crosscheck.mjs"), in, out)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("node crosscheck.mjs: %v\n%s", err, msg)
	}
	data, err = os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var results []crossResult
	if err := json.Unmarshal(data, &results); err != nil {
		t.Fatal(err)
	}
	if len(results) != len(cases) {
		t.Fatalf("node returned %d results, want %d", len(results), len(cases))
	}
	passed, failed := 0, 0
	for i, res := range results {
		problems := compareCase(models[i], cases[i], res)
		if problems == "" {
			passed++
			continue
		}
		failed++
		if failed <= *crossReport {
			t.Errorf("model %d (seed %d):\n%s", i, *crossSeed, problems)
		}
	}
	fmt.Printf("gpp crosscheck: %d passed, %d failed\n", passed, failed)
	if failed > 0 {
		t.Errorf("gpp crosscheck: %d of %d models differ from @iabgpp/cmpapi", failed, len(cases))
	}
}

// compareCase lists every difference for one model.
func compareCase(m gpp.String, c crossCase, res crossResult) string {
	var out strings.Builder
	if res.Error != "" {
		out.WriteString("official library: " + res.Error + "\n")
	}
	if res.JSString != c.GoString {
		fmt.Fprintf(&out, "Encode = %q,\nofficial library encodes %q\n", c.GoString, res.JSString)
	}
	if res.JSString != "" {
		got, err := gpp.Decode(res.JSString)
		if err != nil {
			fmt.Fprintf(&out, "Decode(official %q) = %v\n", res.JSString, err)
		} else {
			if d := cmp.Diff(m, got); d != "" {
				fmt.Fprintf(&out, "Decode(official %q) (-model +decoded):\n%s", res.JSString, d)
			}
			if again, err := gpp.Encode(got); err != nil || again != res.JSString {
				fmt.Fprintf(&out, "Encode(Decode(official %q)) = %q, %v\n", res.JSString, again, err)
			}
		}
	}
	if res.JSSections != nil {
		want := expectedSections(m)
		for name, fields := range want {
			gotFields, ok := res.JSSections[name]
			if !ok {
				fmt.Fprintf(&out, "official library decodes %q without section %s\n", c.GoString, name)
				continue
			}
			for f, v := range fields {
				if d := cmp.Diff(normal(v), gotFields[f]); d != "" {
					fmt.Fprintf(&out, "official library decodes %q: %s.%s (-model +decoded):\n%s", c.GoString, name, f, d)
				}
			}
		}
		for name := range res.JSSections {
			if _, ok := want[name]; !ok {
				fmt.Fprintf(&out, "official library decodes %q with extra section %s\n", c.GoString, name)
			}
		}
	}
	return out.String()
}

// normal passes v through JSON, so that it compares with what node sent.
func normal(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	return out
}

// --- random models ---

func randomIDs(r *rand.Rand, limit int) tcf.VendorSet {
	var ids []int
	switch r.IntN(5) {
	case 0: // empty
	case 1: // a few sparse IDs
		for range r.IntN(6) + 1 {
			ids = append(ids, r.IntN(limit)+1)
		}
	case 2: // runs
		at := 1
		for range r.IntN(8) + 1 {
			at += r.IntN(40)
			n := r.IntN(30) + 1
			for j := 0; j < n && at+j <= limit; j++ {
				ids = append(ids, at+j)
			}
			at += n + 1
		}
	case 3: // dense
		top := r.IntN(300) + 1
		for id := 1; id <= top; id++ {
			if r.IntN(3) > 0 {
				ids = append(ids, id)
			}
		}
	case 4: // large IDs
		for range r.IntN(4) + 1 {
			ids = append(ids, r.IntN(limit)+1)
		}
		ids = append(ids, r.IntN(1000)+1)
	}
	return tcf.NewVendorSet(ids...)
}

func randomSet(r *rand.Rand, n int) tcf.IDSet {
	var s tcf.IDSet
	for id := 1; id <= n; id++ {
		if r.IntN(2) == 0 {
			s = s.With(id)
		}
	}
	return s
}

// randomDate returns an instant at decisecond precision in 2000-2040.
func randomDate(r *rand.Rand) time.Time {
	ds := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()/100 + r.Int64N(40*365*24*36000)
	return time.UnixMilli(ds * 100).UTC()
}

func letters(r *rand.Rand) string {
	return string([]byte{byte('A' + r.IntN(26)), byte('A' + r.IntN(26))})
}

func randomModel(r *rand.Rand) gpp.String {
	var s gpp.String
	if r.IntN(2) == 0 {
		t := gpp.TCFEUv2{
			CMPID: r.IntN(4096), CMPVersion: r.IntN(4096), ConsentScreen: r.IntN(64),
			ConsentLanguage: letters(r), VendorListVersion: r.IntN(4096), PolicyVersion: r.IntN(64),
			IsServiceSpecific: true, UseNonStandardStacks: r.IntN(2) == 0,
			SpecialFeatureOptIns: randomSet(r, 12), PurposeConsents: randomSet(r, 24),
			// The official library clears legitimate interest for purposes 1 and 3-6.
			PurposeLegitimateInterests: randomSet(r, 24).Without(1, 3, 4, 5, 6),
			PurposeOneTreatment:        r.IntN(2) == 0, PublisherCountryCode: letters(r),
			VendorConsents: randomIDs(r, 65535), VendorLegitimateInterests: randomIDs(r, 3000),
			VendorsDisclosed: randomIDs(r, 3000),
			PublisherTC:      tcf.PublisherTC{PurposeConsents: randomSet(r, 24), PurposeLegitimateInterests: randomSet(r, 24)},
		}
		// Setting Created through the library sets LastUpdated too.
		t.Created = randomDate(r)
		t.LastUpdated = t.Created
		n := r.IntN(10)
		t.PublisherTC.NumCustomPurposes = n
		t.PublisherTC.CustomPurposeConsents = randomSet(r, n)
		t.PublisherTC.CustomPurposeLegitimateInterests = randomSet(r, n)
		for range r.IntN(4) {
			v := randomIDs(r, 2000)
			if v.IsEmpty() {
				v = tcf.NewVendorSet(r.IntN(100) + 1)
			}
			t.PublisherRestrictions = append(t.PublisherRestrictions, tcf.PublisherRestriction{
				PurposeID: r.IntN(63) + 1, Type: tcf.RestrictionType(r.IntN(3)), Vendors: v})
		}
		s.TCFEUv2 = &t
	}
	if r.IntN(3) == 0 {
		t := gpp.TCFCAv1{
			Version: 1, Created: randomDate(r), LastUpdated: randomDate(r),
			CMPID: r.IntN(4096), CMPVersion: r.IntN(4096), ConsentScreen: r.IntN(64),
			ConsentLanguage: letters(r), VendorListVersion: r.IntN(4096), TCFPolicyVersion: r.IntN(64),
			UseNonStandardStacks:         r.IntN(2) == 0,
			SpecialFeatureExpressConsent: randomSet(r, 12), PurposesExpressConsent: randomSet(r, 24),
			PurposesImpliedConsent: randomSet(r, 24), VendorExpressConsent: randomIDs(r, 65535),
			VendorImpliedConsent: randomIDs(r, 3000), PubPurposesExpressConsent: randomSet(r, 24),
			PubPurposesImpliedConsent: randomSet(r, 24), DisclosedVendors: randomIDs(r, 3000),
		}
		n := r.IntN(10)
		t.NumCustomPurposes = n
		t.CustomPurposesExpressConsent = randomSet(r, n)
		t.CustomPurposesImpliedConsent = randomSet(r, n)
		for range r.IntN(4) {
			t.PubRestrictions = append(t.PubRestrictions, gpp.CARestriction{
				PurposeID: r.IntN(64), Type: r.IntN(4), Vendors: randomIDs(r, 2000)})
		}
		s.TCFCAv1 = &t
	}
	if r.IntN(3) == 0 {
		s.USPv1 = &gpp.USPv1{Version: 1, Notice: gpp.Choice(r.IntN(3)), OptOutSale: gpp.Choice(r.IntN(3)), LSPACovered: gpp.Choice(r.IntN(3))}
	}
	for id := gpp.SectionUSNat; id <= gpp.SectionUSRI; id++ {
		if r.IntN(4) != 0 {
			continue
		}
		u, _ := gpp.NewUS(id)
		if id != gpp.SectionUSNat {
			u.Version = r.IntN(63) + 1
		}
		for _, f := range gpp.FieldsOf(id) {
			setRandom(r, &u, f)
		}
		if !u.SensitiveDataConsentSegmentIncluded && id >= gpp.SectionUSIN {
			clear(u.SensitiveDataProcessing)
		}
		if !u.GPCSegmentIncluded {
			u.GPC = false
		}
		s.US = append(s.US, u)
	}
	return s
}

// setRandom sets the field the library calls name to a random value.
func setRandom(r *rand.Rand, u *gpp.US, name string) {
	c := func() gpp.Choice { return gpp.Choice(r.IntN(3)) }
	for i := range u.SensitiveDataProcessing {
		if name == "SensitiveDataProcessing" {
			u.SensitiveDataProcessing[i] = c()
		}
	}
	for i := range u.KnownChildSensitiveDataConsents {
		if name == "KnownChildSensitiveDataConsents" {
			u.KnownChildSensitiveDataConsents[i] = c()
		}
	}
	switch name {
	case "SharingNotice":
		u.SharingNotice = c()
	case "SaleOptOutNotice":
		u.SaleOptOutNotice = c()
	case "SharingOptOutNotice":
		u.SharingOptOutNotice = c()
	case "TargetedAdvertisingOptOutNotice":
		u.TargetedAdvertisingOptOutNotice = c()
	case "SensitiveDataProcessingOptOutNotice":
		u.SensitiveDataProcessingOptOutNotice = c()
	case "SensitiveDataLimitUseNotice":
		u.SensitiveDataLimitUseNotice = c()
	case "ProcessingNotice":
		u.ProcessingNotice = c()
	case "SensitiveDataOptOutNotice":
		u.SensitiveDataOptOutNotice = c()
	case "SaleOptOut":
		u.SaleOptOut = c()
	case "SharingOptOut":
		u.SharingOptOut = c()
	case "TargetedAdvertisingOptOut":
		u.TargetedAdvertisingOptOut = c()
	case "PersonalDataConsents":
		u.PersonalDataConsents = c()
	case "AdditionalDataProcessingConsent":
		u.AdditionalDataProcessingConsent = c()
	case "MspaCoveredTransaction":
		u.MSPACoveredTransaction = gpp.Choice(r.IntN(2) + 1)
	case "MspaOptOutOptionMode":
		u.MSPAOptOutOptionMode = c()
	case "MspaServiceProviderMode":
		u.MSPAServiceProviderMode = c()
	case "MspaMode":
		u.MSPAMode = c()
	case "GpcSegmentIncluded":
		u.GPCSegmentIncluded = r.IntN(4) != 0
	case "Gpc":
		u.GPC = r.IntN(2) == 0
	case "SensitiveDataConsentSegmentIncluded":
		u.SensitiveDataConsentSegmentIncluded = r.IntN(4) != 0
	}
}

// --- the model in the library's terms ---

func ids(v tcf.VendorSet) []int {
	out := v.IDs()
	if out == nil {
		out = []int{}
	}
	return out
}

func bools(s tcf.IDSet, n int) []bool {
	out := make([]bool, n)
	for i := range out {
		out[i] = s.Has(i + 1)
	}
	return out
}

func ints(list []gpp.Choice) []int {
	out := make([]int, len(list))
	for i, c := range list {
		out[i] = int(c)
	}
	return out
}

func uspChar(c gpp.Choice) string { return [3]string{"-", "Y", "N"}[c] }

// sectionFields returns the library's field values of every section of m,
// by section name, in the order they must be set.
func sectionFields(m gpp.String) (names []string, fields map[string][][2]any) {
	fields = map[string][][2]any{}
	add := func(sec, f string, v any) {
		if _, ok := fields[sec]; !ok {
			names = append(names, sec)
		}
		fields[sec] = append(fields[sec], [2]any{f, v})
	}
	if t := m.TCFEUv2; t != nil {
		const n = "tcfeuv2"
		add(n, "CmpId", t.CMPID)
		add(n, "CmpVersion", t.CMPVersion)
		add(n, "ConsentScreen", t.ConsentScreen)
		add(n, "ConsentLanguage", t.ConsentLanguage)
		add(n, "VendorListVersion", t.VendorListVersion)
		add(n, "PolicyVersion", t.PolicyVersion)
		add(n, "IsServiceSpecific", t.IsServiceSpecific)
		add(n, "UseNonStandardStacks", t.UseNonStandardStacks)
		add(n, "SpecialFeatureOptins", bools(t.SpecialFeatureOptIns, 12))
		add(n, "PurposeConsents", bools(t.PurposeConsents, 24))
		add(n, "PurposeLegitimateInterests", bools(t.PurposeLegitimateInterests, 24))
		add(n, "PurposeOneTreatment", t.PurposeOneTreatment)
		add(n, "PublisherCountryCode", t.PublisherCountryCode)
		add(n, "VendorConsents", ids(t.VendorConsents))
		add(n, "VendorLegitimateInterests", ids(t.VendorLegitimateInterests))
		var rs []map[string]any
		for _, r := range t.PublisherRestrictions {
			rs = append(rs, map[string]any{"key": r.PurposeID, "type": int(r.Type), "ids": ids(r.Vendors)})
		}
		add(n, "PublisherRestrictions", map[string]any{"ranges": orEmpty(rs)})
		add(n, "VendorsDisclosed", ids(t.VendorsDisclosed))
		add(n, "PublisherConsents", bools(t.PublisherTC.PurposeConsents, 24))
		add(n, "PublisherLegitimateInterests", bools(t.PublisherTC.PurposeLegitimateInterests, 24))
		add(n, "NumCustomPurposes", t.PublisherTC.NumCustomPurposes)
		add(n, "PublisherCustomConsents", bools(t.PublisherTC.CustomPurposeConsents, t.PublisherTC.NumCustomPurposes))
		add(n, "PublisherCustomLegitimateInterests", bools(t.PublisherTC.CustomPurposeLegitimateInterests, t.PublisherTC.NumCustomPurposes))
		add(n, "Created", map[string]any{"date": t.Created.UnixMilli()})
		add(n, "LastUpdated", map[string]any{"date": t.LastUpdated.UnixMilli()})
	}
	if t := m.TCFCAv1; t != nil {
		const n = "tcfcav1"
		add(n, "CmpId", t.CMPID)
		add(n, "CmpVersion", t.CMPVersion)
		add(n, "ConsentScreen", t.ConsentScreen)
		add(n, "ConsentLanguage", t.ConsentLanguage)
		add(n, "VendorListVersion", t.VendorListVersion)
		add(n, "TcfPolicyVersion", t.TCFPolicyVersion)
		add(n, "UseNonStandardStacks", t.UseNonStandardStacks)
		add(n, "SpecialFeatureExpressConsent", bools(t.SpecialFeatureExpressConsent, 12))
		add(n, "PurposesExpressConsent", bools(t.PurposesExpressConsent, 24))
		add(n, "PurposesImpliedConsent", bools(t.PurposesImpliedConsent, 24))
		add(n, "VendorExpressConsent", ids(t.VendorExpressConsent))
		add(n, "VendorImpliedConsent", ids(t.VendorImpliedConsent))
		var rs []map[string]any
		for _, r := range t.PubRestrictions {
			rs = append(rs, map[string]any{"key": r.PurposeID, "type": r.Type, "ids": ids(r.Vendors)})
		}
		add(n, "PubRestrictions", map[string]any{"ranges": orEmpty(rs)})
		add(n, "PubPurposesExpressConsent", bools(t.PubPurposesExpressConsent, 24))
		add(n, "PubPurposesImpliedConsent", bools(t.PubPurposesImpliedConsent, 24))
		add(n, "NumCustomPurposes", t.NumCustomPurposes)
		add(n, "CustomPurposesExpressConsent", bools(t.CustomPurposesExpressConsent, t.NumCustomPurposes))
		add(n, "CustomPurposesImpliedConsent", bools(t.CustomPurposesImpliedConsent, t.NumCustomPurposes))
		add(n, "DisclosedVendors", ids(t.DisclosedVendors))
		add(n, "Version", t.Version)
		add(n, "Created", map[string]any{"date": t.Created.UnixMilli()})
		add(n, "LastUpdated", map[string]any{"date": t.LastUpdated.UnixMilli()})
	}
	if u := m.USPv1; u != nil {
		add("uspv1", "Notice", uspChar(u.Notice))
		add("uspv1", "OptOutSale", uspChar(u.OptOutSale))
		add("uspv1", "LspaCovered", uspChar(u.LSPACovered))
	}
	us := slices.Clone(m.US)
	slices.SortFunc(us, func(a, b gpp.US) int { return int(a.Section) - int(b.Section) })
	for _, u := range us {
		n := u.Section.String()
		for _, f := range gpp.FieldsOf(u.Section) {
			add(n, libName(u.Section, f), usValue(u, f))
		}
	}
	return names, fields
}

// libName maps the Version field to MspaVersion where the library calls
// it so.
func libName(id gpp.SectionID, f string) string {
	if f == "Version" && id >= gpp.SectionUSMD {
		return "MspaVersion"
	}
	return f
}

func orEmpty(rs []map[string]any) []map[string]any {
	if rs == nil {
		return []map[string]any{}
	}
	return rs
}

// usValue returns field f of u as the library holds it.
func usValue(u gpp.US, f string) any {
	switch f {
	case "Version":
		return u.Version
	case "SensitiveDataProcessing":
		return ints(u.SensitiveDataProcessing)
	case "KnownChildSensitiveDataConsents":
		if slices.Contains([]gpp.SectionID{gpp.SectionUSNat, gpp.SectionUSCA, gpp.SectionUSCT, gpp.SectionUSFL,
			gpp.SectionUSMT, gpp.SectionUSOR, gpp.SectionUSDE, gpp.SectionUSNH, gpp.SectionUSNJ}, u.Section) {
			return ints(u.KnownChildSensitiveDataConsents)
		}
		return int(u.KnownChildSensitiveDataConsents[0])
	case "GpcSegmentIncluded":
		return u.GPCSegmentIncluded
	case "Gpc":
		return u.GPC
	case "SensitiveDataConsentSegmentIncluded":
		return u.SensitiveDataConsentSegmentIncluded
	}
	return int(choiceField(u, f))
}

func choiceField(u gpp.US, f string) gpp.Choice {
	switch f {
	case "SharingNotice":
		return u.SharingNotice
	case "SaleOptOutNotice":
		return u.SaleOptOutNotice
	case "SharingOptOutNotice":
		return u.SharingOptOutNotice
	case "TargetedAdvertisingOptOutNotice":
		return u.TargetedAdvertisingOptOutNotice
	case "SensitiveDataProcessingOptOutNotice":
		return u.SensitiveDataProcessingOptOutNotice
	case "SensitiveDataLimitUseNotice":
		return u.SensitiveDataLimitUseNotice
	case "ProcessingNotice":
		return u.ProcessingNotice
	case "SensitiveDataOptOutNotice":
		return u.SensitiveDataOptOutNotice
	case "SaleOptOut":
		return u.SaleOptOut
	case "SharingOptOut":
		return u.SharingOptOut
	case "TargetedAdvertisingOptOut":
		return u.TargetedAdvertisingOptOut
	case "PersonalDataConsents":
		return u.PersonalDataConsents
	case "AdditionalDataProcessingConsent":
		return u.AdditionalDataProcessingConsent
	case "MspaCoveredTransaction":
		return u.MSPACoveredTransaction
	case "MspaOptOutOptionMode":
		return u.MSPAOptOutOptionMode
	case "MspaServiceProviderMode":
		return u.MSPAServiceProviderMode
	case "MspaMode":
		return u.MSPAMode
	}
	panic("unknown field " + f)
}

// opsOf returns the setFieldValue calls that build m in the library.
func opsOf(m gpp.String) []op {
	names, fields := sectionFields(m)
	var out []op
	for _, n := range names {
		for _, fv := range fields[n] {
			out = append(out, op{n, fv[0], fv[1]})
		}
	}
	return out
}

// expectedSections returns what getSection should report for each section
// of m: the same values, dates as milliseconds, RangeEntry as {key, type, ids}.
func expectedSections(m gpp.String) map[string]map[string]any {
	names, fields := sectionFields(m)
	out := map[string]map[string]any{}
	for _, n := range names {
		o := map[string]any{}
		for _, fv := range fields[n] {
			v := fv[1]
			if mm, ok := v.(map[string]any); ok {
				if d, ok := mm["date"]; ok {
					v = d
				} else if r, ok := mm["ranges"]; ok {
					v = r
				}
			}
			if f := fv[0].(string); f != "GpcSegmentIncluded" && f != "SensitiveDataConsentSegmentIncluded" {
				// getSection does not report the sub-section flags; the
				// string comparison covers them.
				o[f] = v
			}
		}
		out[n] = o
	}
	return out
}
