package tcf

import (
	"time"

	"github.com/pimkit/pimkit/internal/enum"
)

// Version is the TC string encoding version this package reads and writes.
// It is the first field of the core segment (spec "The Core String",
// Version); version 1 strings (TCF v1.1) are rejected with [ErrVersion].
const Version = 2

// TCString is the content of a TCF v2 TC string: the core segment and the
// optional disclosed-vendors, allowed-vendors and publisher TC segments. The
// encoding version is not a field: it is always [Version].
//
// Field names follow the IAB Tech Lab's "Consent string and vendor list
// formats v2" (cited below as "spec") and the official JavaScript library's
// TCModel. Purpose, special feature and custom purpose IDs are 1-based, as in
// the Global Vendor List. Decode returns times in UTC with decisecond
// precision; Encode rounds times to the nearest decisecond as the official
// library does (Math.round of milliseconds / 100), so an instant 50 ms past a
// decisecond is written as the next decisecond.
//
// The zero value is not a valid TC string ([Validate] reports, among other
// things, that Created is before 1970 and VendorListVersion is 0); build one
// field by field as in the package example.
type TCString struct {
	// Created is when the string was first created (spec Created, 36 bits
	// of epoch deciseconds; 1970-01-01 to 2187-10-15 UTC).
	Created time.Time
	// LastUpdated is when any value was last changed (spec LastUpdated).
	LastUpdated time.Time
	// CMPID is the IAB-assigned ID of the CMP that last updated the string
	// (12 bits). The official library rejects 0 and 1, and so does this
	// package.
	CMPID int
	// CMPVersion is the CMP's own version number (12 bits).
	CMPVersion int
	// ConsentScreen is the CMP's screen number on which the user made
	// their choice (6 bits, 0-63).
	ConsentScreen int
	// ConsentLanguage is the ISO 639-1 code of the CMP UI language as two
	// upper-case letters, for example "DA"; the string encodes each letter
	// as 6 bits, A=0 to Z=25.
	ConsentLanguage string
	// VendorListVersion is the Global Vendor List version used (12 bits,
	// 1-4095; 0 is rejected with [ErrVendorListVersion]).
	VendorListVersion int
	// PolicyVersion is the TCF policy version of that vendor list (6 bits):
	// 2 for TCF v2.0/v2.1, 4 for TCF v2.2, 5 for the GVL of 2024 onwards
	// including TCF v2.3. Which versions are accepted is an [Options] field.
	PolicyVersion int
	// IsServiceSpecific is true when the string is stored for one service
	// (site or app) rather than in the deprecated global scope.
	IsServiceSpecific bool
	// UseNonStandardTexts is true when the publisher customised the
	// standard purpose texts (spec UseNonStandardTexts, formerly
	// UseNonStandardStacks).
	UseNonStandardTexts bool
	// SpecialFeatureOptIns holds special features 1-12 the user opted in to.
	SpecialFeatureOptIns IDSet
	// PurposeConsents holds purposes 1-24 the user consented to.
	PurposeConsents IDSet
	// PurposeLegitimateInterests holds purposes 1-24 for which legitimate
	// interest was disclosed and the user did not object. Purpose 1 may never
	// rest on legitimate interest, nor may purposes 3-6 from policy version
	// 4 (TCF v2.2); [Validate] reports [ErrLegitimateInterest].
	PurposeLegitimateInterests IDSet
	// PurposeOneTreatment is true when purpose 1 was not disclosed because
	// the publisher's country does not require consent for it.
	PurposeOneTreatment bool
	// PublisherCountryCode is the publisher's ISO 3166-1 alpha-2 country as
	// two upper-case letters, for example "DK" (the official library's
	// default is "AA").
	PublisherCountryCode string
	// VendorConsents holds the vendors the user consented to.
	VendorConsents VendorSet
	// VendorLegitimateInterests holds the vendors whose legitimate interest
	// was disclosed and not objected to.
	VendorLegitimateInterests VendorSet
	// PublisherRestrictions are the publisher's per-vendor restrictions, in
	// the order they are encoded. Each (purpose, type) pair may occur once.
	PublisherRestrictions []PublisherRestriction

	// HasVendorsDisclosed says whether the disclosed-vendors segment
	// (segment type 1) is present. It is mandatory for strings created on
	// or after 1 March 2026 (TCF v2.3); see [DisclosedRule]. When it is
	// false, VendorsDisclosed must be empty: Encode would drop it.
	HasVendorsDisclosed bool
	// VendorsDisclosed holds the vendors the CMP disclosed to the user.
	VendorsDisclosed VendorSet
	// HasVendorsAllowed says whether the allowed-vendors segment (segment
	// type 2, out-of-band legal bases; no longer used since TCF v2.2) is
	// present; when false, VendorsAllowed must be empty.
	HasVendorsAllowed bool
	// VendorsAllowed holds the vendors the publisher allowed to use
	// out-of-band legal bases.
	VendorsAllowed VendorSet
	// HasPublisherTC says whether the publisher TC segment (segment type 3)
	// is present; when false, PublisherTC must be the zero value.
	HasPublisherTC bool
	// PublisherTC is the publisher's own transparency and consent.
	PublisherTC PublisherTC
}

// PublisherTC is the publisher TC segment (segment type 3): the publisher's
// own legal bases for the standard purposes and for up to 63 custom purposes
// that the publisher defines outside the TCF.
type PublisherTC struct {
	// PurposeConsents holds purposes 1-24 the user consented to for the
	// publisher.
	PurposeConsents IDSet `json:"purpose_consents"`
	// PurposeLegitimateInterests holds purposes 1-24 for which the
	// publisher's legitimate interest stands.
	PurposeLegitimateInterests IDSet `json:"purpose_legitimate_interests"`
	// NumCustomPurposes is the number of custom purposes (6 bits, 0-63);
	// the two custom sets below may only hold IDs 1..NumCustomPurposes.
	NumCustomPurposes int `json:"num_custom_purposes"`
	// CustomPurposeConsents holds the custom purposes consented to.
	CustomPurposeConsents IDSet `json:"custom_purpose_consents"`
	// CustomPurposeLegitimateInterests holds the custom purposes under
	// legitimate interest.
	CustomPurposeLegitimateInterests IDSet `json:"custom_purpose_legitimate_interests"`
}

// PublisherRestriction restricts how the listed vendors may process data for
// one purpose (spec "Publisher Restrictions"): not at all, or only on the
// legal basis of consent, or only on legitimate interest.
type PublisherRestriction struct {
	// PurposeID is the restricted purpose (6 bits, 1-63; 0 is invalid).
	PurposeID int `json:"purpose_id"`
	// Type is the kind of restriction.
	Type RestrictionType `json:"type"`
	// Vendors are the vendors it applies to. The encoding writes them as
	// ranges of consecutive IDs.
	Vendors VendorSet `json:"vendors"`
}

// Restriction returns the type of the publisher restriction on vendor for
// purpose and true, or false when there is none. When a string lists the
// vendor under several types for one purpose, the lowest type wins, as in the
// official library's getRestrictionType: NotAllowed before RequireConsent.
func (t TCString) Restriction(vendor, purpose int) (RestrictionType, bool) {
	found := false
	var rt RestrictionType
	for _, r := range t.PublisherRestrictions {
		if r.PurposeID == purpose && r.Vendors.Has(vendor) && (!found || r.Type < rt) {
			rt, found = r.Type, true
		}
	}
	return rt, found
}

// RestrictionType is the kind of a publisher restriction (2 bits).
type RestrictionType uint8

// The restriction types of the spec; the value 3 is undefined and rejected.
const (
	// NotAllowed: the vendor may not process data for the purpose.
	NotAllowed RestrictionType = 0
	// RequireConsent: the vendor may process only with consent, even if it
	// declared legitimate interest as a flexible legal basis.
	RequireConsent RestrictionType = 1
	// RequireLegitimateInterest: the vendor may process only on legitimate
	// interest, even if it declared consent as a flexible legal basis.
	RequireLegitimateInterest RestrictionType = 2
)

var restrictionNames = enum.Names{"not_allowed", "require_consent", "require_legitimate_interest"}

// String returns the type's name ("not_allowed", "require_consent",
// "require_legitimate_interest"; the official library's NOT_ALLOWED,
// REQUIRE_CONSENT and REQUIRE_LI), or "RestrictionType(3)" for an undefined
// value.
func (r RestrictionType) String() string { return enum.String(restrictionNames, r, "RestrictionType") }

// MarshalText returns the type's name; it fails for an undefined value such
// as RestrictionType(3) with an error matching [ErrInvalidValue].
func (r RestrictionType) MarshalText() ([]byte, error) {
	return enum.Marshal(restrictionNames, r, "restriction type", ErrInvalidValue)
}

// UnmarshalText parses a name that String returns; any other text, such as
// "requireConsent", is an error matching [ErrInvalidValue].
func (r *RestrictionType) UnmarshalText(text []byte) error {
	return enum.Unmarshal(restrictionNames, text, r, "restriction type", ErrInvalidValue)
}

// Segment is a TC string segment type, the first 3 bits of every segment
// after the core one (spec "TC String Format").
type Segment uint8

// The segment types; 4 to 7 are undefined and rejected.
const (
	// SegmentCore is the core segment, always first. It carries no type
	// field: its first bits are the version.
	SegmentCore Segment = 0
	// SegmentVendorsDisclosed lists the vendors disclosed to the user.
	SegmentVendorsDisclosed Segment = 1
	// SegmentVendorsAllowed lists vendors allowed out-of-band legal bases.
	SegmentVendorsAllowed Segment = 2
	// SegmentPublisherTC is the publisher's own transparency and consent.
	SegmentPublisherTC Segment = 3
)

var segmentNames = enum.Names{"core", "vendors_disclosed", "vendors_allowed", "publisher_tc"}

// String returns the segment's name ("core", "vendors_disclosed",
// "vendors_allowed", "publisher_tc"), or "Segment(5)" for an undefined
// type.
func (s Segment) String() string { return enum.String(segmentNames, s, "Segment") }

// MarshalText returns the segment's name; it fails for an undefined type
// such as Segment(5) with an error matching [ErrUnknownSegment].
func (s Segment) MarshalText() ([]byte, error) {
	return enum.Marshal(segmentNames, s, "segment", ErrUnknownSegment)
}

// UnmarshalText parses a name that String returns; any other text, such as
// "publisher", is an error matching [ErrUnknownSegment].
func (s *Segment) UnmarshalText(text []byte) error {
	return enum.Unmarshal(segmentNames, text, s, "segment", ErrUnknownSegment)
}
