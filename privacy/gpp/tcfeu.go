package gpp

import (
	"time"

	"github.com/pimkit/pimkit/privacy/tcf"
)

// TCFEUv2 is the tcfeuv2 section: a TCF v2 TC string as GPP carries it
// (GPP "EU TCF v2 Section"). Its fields are those of [tcf.TCString] and
// use privacy/tcf's set types; convert with [TCFEUv2.TCString] and
// [FromTCString] to use privacy/tcf's checks and decisions.
//
// Unlike a stand-alone TC string, the section is always written with its
// disclosed-vendors and publisher purposes segments (the official library
// writes them even when empty), so there are no flags for them; and the
// values are not checked against the TCF policy: the official library
// creates the section with CmpId 0 and VendorListVersion 0, which a TC
// string may not carry.
type TCFEUv2 struct {
	// Created is when the string was created (36 bits of deciseconds).
	Created time.Time `json:"created,omitzero"`
	// LastUpdated is when it was last changed.
	LastUpdated time.Time `json:"last_updated,omitzero"`
	// CMPID is the CMP's IAB ID (12 bits).
	CMPID int `json:"cmp_id"`
	// CMPVersion is the CMP's version (12 bits).
	CMPVersion int `json:"cmp_version"`
	// ConsentScreen is the CMP screen number (6 bits).
	ConsentScreen int `json:"consent_screen"`
	// ConsentLanguage is the UI language as two upper-case letters, "EN".
	ConsentLanguage string `json:"consent_language"`
	// VendorListVersion is the Global Vendor List version (12 bits).
	VendorListVersion int `json:"vendor_list_version"`
	// PolicyVersion is the TCF policy version (6 bits; the official
	// library's default is 5).
	PolicyVersion int `json:"policy_version"`
	// IsServiceSpecific must be true: GPP carries service-specific TC
	// strings only, and the official library refuses to encode others.
	IsServiceSpecific bool `json:"is_service_specific"`
	// UseNonStandardStacks is true when the publisher changed the standard
	// texts (tcf.TCString's UseNonStandardTexts).
	UseNonStandardStacks bool `json:"use_non_standard_stacks"`
	// SpecialFeatureOptIns holds special features 1-12 opted in to.
	SpecialFeatureOptIns tcf.IDSet `json:"special_feature_opt_ins"`
	// PurposeConsents holds purposes 1-24 consented to.
	PurposeConsents tcf.IDSet `json:"purpose_consents"`
	// PurposeLegitimateInterests holds purposes 1-24 under legitimate
	// interest. The official library clears purposes 1 and 3-6 whenever
	// this field is set through its API; Encode writes what it is given.
	PurposeLegitimateInterests tcf.IDSet `json:"purpose_legitimate_interests"`
	// PurposeOneTreatment is true when purpose 1 was not disclosed.
	PurposeOneTreatment bool `json:"purpose_one_treatment"`
	// PublisherCountryCode is the publisher's country, two letters, "AA"
	// by default.
	PublisherCountryCode string `json:"publisher_country_code"`
	// VendorConsents holds the vendors consented to.
	VendorConsents tcf.VendorSet `json:"vendor_consents"`
	// VendorLegitimateInterests holds the vendors under legitimate interest.
	VendorLegitimateInterests tcf.VendorSet `json:"vendor_legitimate_interests"`
	// PublisherRestrictions are the publisher restrictions, in encoded order.
	PublisherRestrictions []tcf.PublisherRestriction `json:"publisher_restrictions"`
	// VendorsDisclosed holds the vendors disclosed to the user.
	VendorsDisclosed tcf.VendorSet `json:"vendors_disclosed"`
	// PublisherTC is the publisher purposes segment.
	PublisherTC tcf.PublisherTC `json:"publisher_tc"`
	// HasVendorsAllowed says whether the allowed-vendors segment is
	// present. The official library reads it but drops it when it
	// encodes; Encode keeps it, after the publisher segment.
	HasVendorsAllowed bool `json:"has_vendors_allowed"`
	// VendorsAllowed holds the vendors allowed out-of-band legal bases.
	VendorsAllowed tcf.VendorSet `json:"vendors_allowed"`
}

// TCString returns t as a privacy/tcf TC string, with the disclosed-vendors
// and publisher TC segments present, so that tcf.Encode writes the
// stand-alone form and privacy/tcf's checks apply.
func (t TCFEUv2) TCString() tcf.TCString {
	return tcf.TCString{
		Created: t.Created, LastUpdated: t.LastUpdated, CMPID: t.CMPID, CMPVersion: t.CMPVersion,
		ConsentScreen: t.ConsentScreen, ConsentLanguage: t.ConsentLanguage,
		VendorListVersion: t.VendorListVersion, PolicyVersion: t.PolicyVersion,
		IsServiceSpecific: t.IsServiceSpecific, UseNonStandardTexts: t.UseNonStandardStacks,
		SpecialFeatureOptIns: t.SpecialFeatureOptIns, PurposeConsents: t.PurposeConsents,
		PurposeLegitimateInterests: t.PurposeLegitimateInterests, PurposeOneTreatment: t.PurposeOneTreatment,
		PublisherCountryCode: t.PublisherCountryCode, VendorConsents: t.VendorConsents,
		VendorLegitimateInterests: t.VendorLegitimateInterests,
		PublisherRestrictions:     append([]tcf.PublisherRestriction(nil), t.PublisherRestrictions...),
		HasVendorsDisclosed:       true, VendorsDisclosed: t.VendorsDisclosed,
		HasVendorsAllowed: t.HasVendorsAllowed, VendorsAllowed: t.VendorsAllowed,
		HasPublisherTC: true, PublisherTC: t.PublisherTC,
	}
}

// FromTCString returns the tcfeuv2 section holding tc. The presence flags
// of the disclosed-vendors and publisher TC segments are dropped (GPP
// always writes both); that of the allowed-vendors segment is kept.
func FromTCString(tc tcf.TCString) TCFEUv2 {
	return TCFEUv2{
		Created: tc.Created, LastUpdated: tc.LastUpdated, CMPID: tc.CMPID, CMPVersion: tc.CMPVersion,
		ConsentScreen: tc.ConsentScreen, ConsentLanguage: tc.ConsentLanguage,
		VendorListVersion: tc.VendorListVersion, PolicyVersion: tc.PolicyVersion,
		IsServiceSpecific: tc.IsServiceSpecific, UseNonStandardStacks: tc.UseNonStandardTexts,
		SpecialFeatureOptIns: tc.SpecialFeatureOptIns, PurposeConsents: tc.PurposeConsents,
		PurposeLegitimateInterests: tc.PurposeLegitimateInterests, PurposeOneTreatment: tc.PurposeOneTreatment,
		PublisherCountryCode: tc.PublisherCountryCode, VendorConsents: tc.VendorConsents,
		VendorLegitimateInterests: tc.VendorLegitimateInterests,
		PublisherRestrictions:     append([]tcf.PublisherRestriction(nil), tc.PublisherRestrictions...),
		VendorsDisclosed:          tc.VendorsDisclosed, PublisherTC: tc.PublisherTC,
		HasVendorsAllowed: tc.HasVendorsAllowed, VendorsAllowed: tc.VendorsAllowed,
	}
}
