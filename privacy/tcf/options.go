package tcf

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pimkit/pimkit/internal/enum"
)

// Options are the rules a TC string is checked against when it is decoded,
// encoded or validated. The zero value holds the defaults: policy versions 4
// and 5, and the disclosed-vendors segment required from TCF v2.3.
type Options struct {
	// PolicyVersions are the accepted TCF policy versions; nil means
	// [DefaultPolicyVersions]. A CMP must re-establish consent when the
	// policy version changes (spec TcfPolicyVersion), so strings of
	// versions no longer in force are rejected with [ErrPolicyVersion].
	PolicyVersions []int `json:"policy_versions"`
	// DisclosedVendors says when the disclosed-vendors segment is required.
	DisclosedVendors DisclosedRule `json:"disclosed_vendors,omitzero"`
}

// DefaultPolicyVersions returns the policy versions accepted by default: 4
// (TCF v2.2, which every CMP had to adopt by 20 November 2023, so version 2
// and 3 strings are no longer valid) and 5 (the GVL since 2024, which TCF
// v2.3 kept). It returns a new slice on every call.
func DefaultPolicyVersions() []int { return slices.Clone(defaultPolicyVersions[:]) }

// defaultPolicyVersions backs DefaultPolicyVersions; DefaultPolicyVersions
// hands out a copy.
var defaultPolicyVersions = [...]int{4, 5}

// DisclosedRule says when a TC string must carry the disclosed-vendors
// segment.
//
// TCF v2.3 made the segment mandatory for strings created after 28 February
// 2026; strings created before stay valid without it. The policy version
// cannot tell the two apart (v2.3 kept policy version 5), so the default rule
// looks at the Created time instead: it requires the segment when Created is
// on or after 2026-03-01T00:00:00Z.
type DisclosedRule uint8

const (
	// DisclosedFromV23 requires the segment for strings created on or after
	// 2026-03-01T00:00:00Z. It is the zero value and the default.
	DisclosedFromV23 DisclosedRule = iota
	// DisclosedRequired always requires the segment.
	DisclosedRequired
	// DisclosedOptional never requires it (TCF v2.2 behaviour).
	DisclosedOptional
)

// v23Created is the first Created instant for which TCF v2.3 requires the
// disclosed-vendors segment.
var v23Created = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

var disclosedNames = enum.Names{"from_v23", "required", "optional"}

// String returns the rule's name ("from_v23", "required", "optional"), or
// "DisclosedRule(7)" for an undefined value.
func (d DisclosedRule) String() string { return enum.String(disclosedNames, d, "DisclosedRule") }

// MarshalText returns the rule's name; it fails for an undefined value such
// as DisclosedRule(7) with an error matching [ErrInvalidValue].
func (d DisclosedRule) MarshalText() ([]byte, error) {
	return enum.Marshal(disclosedNames, d, "disclosed rule", ErrInvalidValue)
}

// UnmarshalText parses a name that String returns; any other text, such as
// "always", is an error matching [ErrInvalidValue].
func (d *DisclosedRule) UnmarshalText(text []byte) error {
	return enum.Unmarshal(disclosedNames, text, d, "disclosed rule", ErrInvalidValue)
}

// Validate reports every problem that keeps t from being encoded or that
// Decode would report for it, with the default [Options]. A nil result means
// [Encode] succeeds and Decode(Encode(t)) equals t (times rounded to
// deciseconds).
func Validate(t TCString) error { return Options{}.Validate(t) }

// Validate is the package-level [Validate] with the rules of o.
func (o Options) Validate(t TCString) error { return o.check(&t, forValidate) }

// checkMode says who asks check, which changes what it looks at.
type checkMode uint8

const (
	// forValidate checks everything Encode needs.
	forValidate checkMode = iota
	// forEncode skips counting range entries: Encode counts them as it
	// writes them and reports the same errors.
	forEncode
	// forDecode gives core problems their bit offsets and skips counting
	// range entries: a readable string kept within its counts.
	forDecode
)

func (m checkMode) String() string {
	switch m {
	case forEncode:
		return "encode"
	case forDecode:
		return "decode"
	}
	return "validate"
}

// maxDeciseconds is the largest 36-bit decisecond count: 2187-10-15 UTC.
const maxDeciseconds = 1<<36 - 1

// deciseconds rounds t to the nearest epoch decisecond as the official
// library does (Math.round(ms / 100)); ok is false outside the 36-bit range.
func deciseconds(t time.Time) (uint64, bool) {
	if sec := t.Unix(); sec < 0 || sec > maxDeciseconds/10+1 {
		return 0, false // before 1970, or so late that UnixMilli would overflow
	}
	ms := t.UnixMilli()
	if ms >= maxDeciseconds*100+50 {
		return 0, false
	}
	return uint64((ms + 50) / 100), true
}

// check validates t for mode.
func (o Options) check(t *TCString, mode checkMode) error {
	var p problems
	decoded := mode == forDecode
	at := func(off int) int {
		if decoded {
			return off
		}
		return -1
	}
	core := func(field string, off int, err error, detail string) {
		p.add(SegmentCore, "core."+field, at(off), err, detail)
	}
	for _, f := range [...]struct {
		name string
		off  int
		v    time.Time
	}{{"created", offCreated, t.Created}, {"lastUpdated", offLastUpdated, t.LastUpdated}} {
		if _, ok := deciseconds(f.v); !ok {
			core(f.name, f.off, ErrInvalidValue, "outside 1970-01-01 to 2187-10-15 UTC")
		}
	}
	intField := func(name string, off, v, lo, hi int) {
		if v < lo || v > hi {
			core(name, off, ErrInvalidValue, strconv.Itoa(v)+" outside "+strconv.Itoa(lo)+"-"+strconv.Itoa(hi))
		}
	}
	intField("cmpId", offCMPID, t.CMPID, 2, 4095)
	intField("cmpVersion", offCMPVersion, t.CMPVersion, 0, 4095)
	intField("consentScreen", offConsentScreen, t.ConsentScreen, 0, 63)
	if t.VendorListVersion == 0 {
		core("vendorListVersion", offVendorListVersion, ErrVendorListVersion, "")
	} else {
		intField("vendorListVersion", offVendorListVersion, t.VendorListVersion, 1, 4095)
	}
	accepted := o.PolicyVersions
	if accepted == nil {
		accepted = defaultPolicyVersions[:]
	}
	if !slices.Contains(accepted, t.PolicyVersion) {
		core("policyVersion", offPolicyVersion, ErrPolicyVersion,
			"version "+strconv.Itoa(t.PolicyVersion)+", accepted "+joinInts(accepted))
	}
	letterField := func(name string, off int, v string) {
		if len(v) != 2 || v[0] < 'A' || v[0] > 'Z' || v[1] < 'A' || v[1] > 'Z' {
			core(name, off, ErrInvalidValue, "not two upper-case letters A-Z: "+strconv.QuoteToASCII(truncate(v, 4)))
		}
	}
	letterField("consentLanguage", offConsentLanguage, t.ConsentLanguage)
	letterField("publisherCountryCode", offPublisherCC, t.PublisherCountryCode)
	idField := func(seg Segment, field string, off int, s IDSet, top int) {
		if m := s.Max(); m > top {
			p.add(seg, field, at(off), ErrInvalidValue,
				"ID "+strconv.Itoa(m)+" above "+strconv.Itoa(top))
		}
	}
	idField(SegmentCore, "core.specialFeatureOptins", offSpecialFeatureOptins, t.SpecialFeatureOptIns, 12)
	idField(SegmentCore, "core.purposeConsents", offPurposeConsents, t.PurposeConsents, 24)
	idField(SegmentCore, "core.purposeLegitimateInterests", offPurposeLI, t.PurposeLegitimateInterests, 24)
	forbidden := NewIDSet(1)
	if t.PolicyVersion >= 4 {
		forbidden = NewIDSet(1, 3, 4, 5, 6)
	}
	for id := range (t.PurposeLegitimateInterests & forbidden).All() {
		core("purposeLegitimateInterests["+strconv.Itoa(id)+"]", offPurposeLI+id-1, ErrLegitimateInterest,
			"purpose "+strconv.Itoa(id)+" under policy version "+strconv.Itoa(t.PolicyVersion))
	}
	// Beyond a few restrictions, duplicates are found through a table of
	// 1 + the index of the first restriction of each (purpose, type), so
	// 4,095 restrictions take one pass, not 8 million comparisons.
	var firstOf *[64 << 2]int32
	if len(t.PublisherRestrictions) > 16 {
		firstOf = new([64 << 2]int32)
	}
	for i, r := range t.PublisherRestrictions {
		if r.PurposeID < 1 || r.PurposeID > 63 {
			if !p.full(ErrInvalidValue) {
				p.add(SegmentCore, restrictionField(i)+".purposeId", -1, ErrInvalidValue, "purpose "+strconv.Itoa(r.PurposeID)+" outside 1-63")
			}
		}
		if r.Type > RequireLegitimateInterest {
			if !p.full(ErrInvalidValue) {
				p.add(SegmentCore, restrictionField(i)+".restrictionType", -1, ErrInvalidValue, "type "+strconv.Itoa(int(r.Type)))
			}
		}
		j := -1
		if key := r.PurposeID<<2 | int(r.Type); firstOf != nil && r.PurposeID >= 0 && r.PurposeID < 64 && r.Type < 4 {
			if firstOf[key] > 0 {
				j = int(firstOf[key]) - 1
			} else {
				firstOf[key] = int32(i + 1)
			}
		} else {
			j = slices.IndexFunc(t.PublisherRestrictions[:i], func(q PublisherRestriction) bool {
				return q.PurposeID == r.PurposeID && q.Type == r.Type
			})
		}
		if j >= 0 && !p.full(ErrInvalidValue) {
			p.add(SegmentCore, restrictionField(i), -1, ErrInvalidValue, "same purpose and type as publisherRestrictions["+
				strconv.Itoa(j)+"]")
		}
	}
	// Range entries are counted in 12 bits (spec NumEntries).
	for i, r := range t.PublisherRestrictions {
		if mode != forValidate {
			break
		}
		if n, _ := runStats(r.Vendors); n > 4095 {
			p.add(SegmentCore, "core.publisherRestrictions["+strconv.Itoa(i)+"].vendors", -1, ErrTooLarge,
				strconv.Itoa(n)+" range entries")
		}
	}
	for _, v := range [...]struct {
		seg     Segment
		field   string
		present bool
		set     VendorSet
	}{
		{SegmentCore, "core.vendorConsents", true, t.VendorConsents},
		{SegmentCore, "core.vendorLegitimateInterests", true, t.VendorLegitimateInterests},
		{SegmentVendorsDisclosed, "vendorsDisclosed.vendors", t.HasVendorsDisclosed, t.VendorsDisclosed},
		{SegmentVendorsAllowed, "vendorsAllowed.vendors", t.HasVendorsAllowed, t.VendorsAllowed},
	} {
		if mode != forValidate || !v.present {
			continue
		}
		if useRange, n := chooseRange(v.set, v.set.Max()); useRange && n > 4095 {
			p.add(v.seg, v.field, -1, ErrTooLarge, strconv.Itoa(n)+" range entries")
		}
	}
	if len(t.PublisherRestrictions) > 4095 {
		p.add(SegmentCore, "core.publisherRestrictions", -1, ErrTooLarge,
			strconv.Itoa(len(t.PublisherRestrictions))+" restrictions")
	}
	if t.HasPublisherTC {
		pt := &t.PublisherTC
		const seg = SegmentPublisherTC
		idField(seg, "publisherTC.pubPurposesConsent", offPubConsents, pt.PurposeConsents, 24)
		idField(seg, "publisherTC.pubPurposesLITransparency", offPubLI, pt.PurposeLegitimateInterests, 24)
		if n := pt.NumCustomPurposes; n < 0 || n > 63 {
			p.add(seg, "publisherTC.numCustomPurposes", at(offNumCustom), ErrInvalidValue,
				strconv.Itoa(n)+" outside 0-63")
		} else {
			idField(seg, "publisherTC.customPurposesConsent", offCustomConsents, pt.CustomPurposeConsents, n)
			idField(seg, "publisherTC.customPurposesLITransparency", offCustomConsents+n,
				pt.CustomPurposeLegitimateInterests, n)
		}
	}
	// Content of an absent segment would be lost by Encode.
	if !t.HasVendorsDisclosed && !t.VendorsDisclosed.IsEmpty() {
		p.add(SegmentVendorsDisclosed, "vendorsDisclosed.vendors", -1, ErrInvalidValue, "set but HasVendorsDisclosed is false")
	}
	if !t.HasVendorsAllowed && !t.VendorsAllowed.IsEmpty() {
		p.add(SegmentVendorsAllowed, "vendorsAllowed.vendors", -1, ErrInvalidValue, "set but HasVendorsAllowed is false")
	}
	if !t.HasPublisherTC && t.PublisherTC != (PublisherTC{}) {
		p.add(SegmentPublisherTC, "publisherTC", -1, ErrInvalidValue, "set but HasPublisherTC is false")
	}
	if !t.HasVendorsDisclosed {
		switch o.DisclosedVendors {
		case DisclosedOptional:
		case DisclosedRequired:
			p.add(SegmentVendorsDisclosed, "vendorsDisclosed", -1, ErrMissingVendorsDisclosed, "required by options")
		default: // DisclosedFromV23 and undefined values
			if !t.Created.Before(v23Created) {
				p.add(SegmentVendorsDisclosed, "vendorsDisclosed", -1, ErrMissingVendorsDisclosed,
					"created on or after 2026-03-01 (TCF v2.3)")
			}
		}
	}
	return p.err(mode.String())
}

func restrictionField(i int) string {
	return "core.publisherRestrictions[" + strconv.Itoa(i) + "]"
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
