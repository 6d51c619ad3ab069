package gpp

import (
	"time"

	"github.com/pimkit/pimkit/internal/enum"
	"github.com/pimkit/pimkit/privacy/tcf"
)

// String is the content of a GPP string: the sections it carries. The
// header (section ID 3, version 1) is not a field: [Encode] writes it from
// the sections present, in ascending section ID as the official library
// does, and [Decode] checks it.
//
// A nil pointer or an empty US list means the section is absent. The zero
// String has no sections and encodes as "DBAA", the official library's
// empty string.
type String struct {
	// TCFEUv2 is the EU TCF v2 section (ID 2, "tcfeuv2"): a TC string in
	// the GPP's own segment layout (see [Encode] for what differs from a
	// stand-alone TC string).
	TCFEUv2 *TCFEUv2 `json:"tcfeuv2,omitempty"`
	// TCFCAv1 is the Canadian TCF section (ID 5, "tcfcav1").
	TCFCAv1 *TCFCAv1 `json:"tcfcav1,omitempty"`
	// USPv1 is the legacy CCPA US Privacy string (ID 6, "uspv1").
	USPv1 *USPv1 `json:"uspv1,omitempty"`
	// US holds the US national section (ID 7, "usnat") and the state
	// sections (IDs 8 to 27), at most one per section ID. Encode writes
	// them in ascending ID whatever their order here; Decode returns them
	// in ascending ID.
	US []US `json:"us,omitempty"`
	// Unknown holds sections whose ID this package does not know, kept
	// verbatim so that a string from a newer CMP survives a round trip.
	// The official library 3.2.0 drops them.
	Unknown []RawSection `json:"unknown,omitempty"`
}

// RawSection is a section this package cannot read, kept as its ID and text.
type RawSection struct {
	// ID is the section ID from the header (1 or 4, or above 27).
	ID int `json:"id"`
	// Text is the section's base64url text, segments joined by ".".
	Text string `json:"text"`
}

// SectionID is a GPP section ID as listed in the GPP's section registry
// ("Section Information" in the IAB's GPP specification).
type SectionID uint8

// The section IDs of the registry that this package reads and writes.
const (
	SectionTCFEUv2 SectionID = 2  // EU TCF v2
	SectionTCFCAv1 SectionID = 5  // Canadian TCF v1
	SectionUSPv1   SectionID = 6  // US Privacy (CCPA) string, deprecated
	SectionUSNat   SectionID = 7  // US national
	SectionUSCA    SectionID = 8  // California
	SectionUSVA    SectionID = 9  // Virginia
	SectionUSCO    SectionID = 10 // Colorado
	SectionUSUT    SectionID = 11 // Utah
	SectionUSCT    SectionID = 12 // Connecticut
	SectionUSFL    SectionID = 13 // Florida
	SectionUSMT    SectionID = 14 // Montana
	SectionUSOR    SectionID = 15 // Oregon
	SectionUSTX    SectionID = 16 // Texas
	SectionUSDE    SectionID = 17 // Delaware
	SectionUSIA    SectionID = 18 // Iowa
	SectionUSNE    SectionID = 19 // Nebraska
	SectionUSNH    SectionID = 20 // New Hampshire
	SectionUSNJ    SectionID = 21 // New Jersey
	SectionUSTN    SectionID = 22 // Tennessee
	SectionUSMN    SectionID = 23 // Minnesota
	SectionUSMD    SectionID = 24 // Maryland
	SectionUSIN    SectionID = 25 // Indiana
	SectionUSKY    SectionID = 26 // Kentucky
	SectionUSRI    SectionID = 27 // Rhode Island
)

// headerID is the header's own section ID; headerVersion its version.
const (
	headerID      = 3
	headerVersion = 1
)

var sectionNames = enum.Names{
	2: "tcfeuv2", 5: "tcfcav1", 6: "uspv1", 7: "usnat", 8: "usca", 9: "usva", 10: "usco",
	11: "usut", 12: "usct", 13: "usfl", 14: "usmt", 15: "usor", 16: "ustx", 17: "usde",
	18: "usia", 19: "usne", 20: "usnh", 21: "usnj", 22: "ustn", 23: "usmn", 24: "usmd",
	25: "usin", 26: "usky", 27: "usri",
}

// String returns the section's API prefix as the GPP spells it ("tcfeuv2",
// "usnat", "usca"), or "SectionID(4)" for an ID this package does not know.
func (s SectionID) String() string { return enum.String(sectionNames, s, "SectionID") }

// MarshalText returns the section's name; it fails for an unknown ID such
// as SectionID(4) with an error matching [ErrUnknownSection].
func (s SectionID) MarshalText() ([]byte, error) {
	return enum.Marshal(sectionNames, s, "section", ErrUnknownSection)
}

// UnmarshalText parses a name that String returns; any other text, such as
// "usNat", is an error matching [ErrUnknownSection].
func (s *SectionID) UnmarshalText(text []byte) error {
	return enum.Unmarshal(sectionNames, text, s, "section", ErrUnknownSection)
}

// IsUS reports whether s is the national or a state section (7 to 27),
// the sections a [US] value holds.
func (s SectionID) IsUS() bool { return s >= SectionUSNat && s <= SectionUSRI }

// Choice is the value of a two-bit field of the US sections (GPP "US
// National Privacy Technical Specification", field values): 0 not
// applicable, 1 and 2 as the field defines them. For notices and the MSPA
// fields 1 is "yes" and 2 "no"; for opt-outs 1 is "opted out" and 2 "did
// not opt out"; for consents (KnownChildSensitiveDataConsents,
// PersonalDataConsents, AdditionalDataProcessingConsent and the states'
// consent-based SensitiveDataProcessing) 1 is "no consent" and 2
// "consent". The constants are named after the first two readings, so
// PersonalDataConsents == Yes means the consumer did NOT consent: each
// field's doc comment says which reading applies. The same type carries
// the uspv1 characters: '-' is NotApplicable, 'Y' Yes, 'N' No. The value 3
// is undefined and rejected.
type Choice uint8

// The Choice values.
const (
	NotApplicable Choice = 0
	Yes           Choice = 1
	No            Choice = 2
)

var choiceNames = enum.Names{"not_applicable", "yes", "no"}

// String returns "not_applicable", "yes" or "no", or "Choice(3)".
func (c Choice) String() string { return enum.String(choiceNames, c, "Choice") }

// MarshalText returns the value's name; Choice(3) is an error matching
// [ErrInvalidValue].
func (c Choice) MarshalText() ([]byte, error) {
	return enum.Marshal(choiceNames, c, "choice", ErrInvalidValue)
}

// UnmarshalText parses a name that String returns; other text is an error
// matching [ErrInvalidValue].
func (c *Choice) UnmarshalText(text []byte) error {
	return enum.Unmarshal(choiceNames, text, c, "choice", ErrInvalidValue)
}

// USPv1 is the uspv1 section: the four characters of the IAB's US Privacy
// string ("1YNN"), kept in GPP for CCPA signals from before the US
// sections.
type USPv1 struct {
	// Version is the string's version, always 1.
	Version int `json:"version"`
	// Notice says whether explicit notice of the right to opt out of the
	// sale was given (Yes = 'Y').
	Notice Choice `json:"notice"`
	// OptOutSale says whether the user opted out of the sale (Yes = 'Y').
	OptOutSale Choice `json:"opt_out_sale"`
	// LSPACovered says whether the publisher signed the IAB's Limited
	// Service Provider Agreement (Yes = 'Y').
	LSPACovered Choice `json:"lspa_covered"`
}

// TCFCAv1 is the tcfcav1 section, the IAB Canada TCF (express and implied
// consent under PIPEDA) in GPP's layout: field names follow the GPP
// specification's "Canadian TCF" section.
type TCFCAv1 struct {
	// Version is the section version, 1.
	Version int `json:"version"`
	// Created is when the string was created (deciseconds since 1970).
	Created time.Time `json:"created,omitzero"`
	// LastUpdated is when it was last changed.
	LastUpdated time.Time `json:"last_updated,omitzero"`
	// CMPID is the CMP's IAB Canada ID (12 bits).
	CMPID int `json:"cmp_id"`
	// CMPVersion is the CMP's version (12 bits).
	CMPVersion int `json:"cmp_version"`
	// ConsentScreen is the CMP screen number (6 bits).
	ConsentScreen int `json:"consent_screen"`
	// ConsentLanguage is the two upper-case letters of the UI language, "EN".
	ConsentLanguage string `json:"consent_language"`
	// VendorListVersion is the Canadian GVL version (12 bits).
	VendorListVersion int `json:"vendor_list_version"`
	// TCFPolicyVersion is the policy version (6 bits).
	TCFPolicyVersion int `json:"tcf_policy_version"`
	// UseNonStandardStacks is true when the CMP changed the stack texts.
	UseNonStandardStacks bool `json:"use_non_standard_stacks"`
	// SpecialFeatureExpressConsent holds special features 1-12 consented to.
	SpecialFeatureExpressConsent tcf.IDSet `json:"special_feature_express_consent"`
	// PurposesExpressConsent holds purposes 1-24 with express consent.
	PurposesExpressConsent tcf.IDSet `json:"purposes_express_consent"`
	// PurposesImpliedConsent holds purposes 1-24 with implied consent.
	PurposesImpliedConsent tcf.IDSet `json:"purposes_implied_consent"`
	// VendorExpressConsent holds the vendors with express consent.
	VendorExpressConsent tcf.VendorSet `json:"vendor_express_consent"`
	// VendorImpliedConsent holds the vendors with implied consent.
	VendorImpliedConsent tcf.VendorSet `json:"vendor_implied_consent"`
	// PubRestrictions are the publisher restrictions in encoded order.
	PubRestrictions []CARestriction `json:"pub_restrictions"`
	// PubPurposesExpressConsent holds purposes 1-24 with express consent
	// for the publisher.
	PubPurposesExpressConsent tcf.IDSet `json:"pub_purposes_express_consent"`
	// PubPurposesImpliedConsent holds purposes 1-24 with implied consent
	// for the publisher.
	PubPurposesImpliedConsent tcf.IDSet `json:"pub_purposes_implied_consent"`
	// NumCustomPurposes is the number of custom purposes (6 bits); the
	// custom sets may only hold IDs 1..NumCustomPurposes.
	NumCustomPurposes int `json:"num_custom_purposes"`
	// CustomPurposesExpressConsent holds custom purposes with express consent.
	CustomPurposesExpressConsent tcf.IDSet `json:"custom_purposes_express_consent"`
	// CustomPurposesImpliedConsent holds custom purposes with implied consent.
	CustomPurposesImpliedConsent tcf.IDSet `json:"custom_purposes_implied_consent"`
	// DisclosedVendors holds the vendors disclosed to the user; the
	// segment is written only when it is not empty, as the official
	// library does.
	DisclosedVendors tcf.VendorSet `json:"disclosed_vendors"`
}

// CARestriction is a publisher restriction of the Canadian TCF: for one
// purpose, the listed vendors may not process (type 0), or only with
// express consent (1), or only with implied consent (2).
type CARestriction struct {
	// PurposeID is the restricted purpose (6 bits).
	PurposeID int `json:"purpose_id"`
	// Type is the restriction type, 0 to 2 (2 bits; 3 is undefined).
	Type int `json:"type"`
	// Vendors are the vendors it applies to.
	Vendors tcf.VendorSet `json:"vendors"`
}
