package gpp

// US is a US national (usnat) or state section (usca, usva, ... usri). All
// of them are drawn from one vocabulary of two-bit fields, so one type
// holds any of them; each section uses the subset its specification lists
// (see [FieldsOf]) and every other field must stay zero. Field names
// follow the GPP US specifications; the meaning of 1 and 2 is given per
// field (see [Choice]).
//
// SensitiveDataProcessing and KnownChildSensitiveDataConsents have one
// entry per category in the order of the section's specification; their
// lengths are fixed per section (usnat 16 and 3, usca 9 and 2, usva 8 and
// 1, ...). Decode returns them at full length; Encode accepts shorter
// lists and writes the missing entries as NotApplicable, as the official
// library pads them. A section whose specification has a single
// KnownChildSensitiveDataConsents field (usva, usco, usut, ...) uses a
// list of one.
type US struct {
	// Section is the section's ID, SectionUSNat to SectionUSRI.
	Section SectionID `json:"section"`
	// Version is the section's version (6 bits; usnat 2, the states 1;
	// the field is MspaVersion in usmd, usin, usky and usri).
	Version int `json:"version"`

	// SharingNotice: notice of sharing with third parties (1 yes, 2 no).
	SharingNotice Choice `json:"sharing_notice,omitzero"`
	// SaleOptOutNotice: notice of the right to opt out of sale (1 yes, 2 no).
	SaleOptOutNotice Choice `json:"sale_opt_out_notice,omitzero"`
	// SharingOptOutNotice: notice of the right to opt out of sharing
	// (1 yes, 2 no).
	SharingOptOutNotice Choice `json:"sharing_opt_out_notice,omitzero"`
	// TargetedAdvertisingOptOutNotice: notice of the right to opt out of
	// targeted advertising (1 yes, 2 no).
	TargetedAdvertisingOptOutNotice Choice `json:"targeted_advertising_opt_out_notice,omitzero"`
	// SensitiveDataProcessingOptOutNotice: notice of the right to opt out
	// of the processing of sensitive data (1 yes, 2 no).
	SensitiveDataProcessingOptOutNotice Choice `json:"sensitive_data_processing_opt_out_notice,omitzero"`
	// SensitiveDataLimitUseNotice: notice of the right to limit the use of
	// sensitive data (California; 1 yes, 2 no).
	SensitiveDataLimitUseNotice Choice `json:"sensitive_data_limit_use_notice,omitzero"`
	// ProcessingNotice: notice of the processing (states from usfl on;
	// 1 yes, 2 no).
	ProcessingNotice Choice `json:"processing_notice,omitzero"`
	// SensitiveDataOptOutNotice: notice of the right to opt out of the
	// processing of sensitive data (Iowa; 1 yes, 2 no).
	SensitiveDataOptOutNotice Choice `json:"sensitive_data_opt_out_notice,omitzero"`

	// SaleOptOut: the consumer opted out of the sale of personal data
	// (1 opted out, 2 did not).
	SaleOptOut Choice `json:"sale_opt_out,omitzero"`
	// SharingOptOut: opted out of sharing (1 opted out, 2 did not).
	SharingOptOut Choice `json:"sharing_opt_out,omitzero"`
	// TargetedAdvertisingOptOut: opted out of targeted advertising
	// (1 opted out, 2 did not).
	TargetedAdvertisingOptOut Choice `json:"targeted_advertising_opt_out,omitzero"`
	// SensitiveDataProcessing has one entry per sensitive data category:
	// opt-outs in usnat, usca and usut (1 opted out, 2 did not), consents
	// in the other states (1 no consent, 2 consent).
	SensitiveDataProcessing []Choice `json:"sensitive_data_processing,omitempty"`
	// KnownChildSensitiveDataConsents has the consents for processing the
	// data of known children, one entry per age band the section defines
	// (1 no consent, 2 consent).
	KnownChildSensitiveDataConsents []Choice `json:"known_child_sensitive_data_consents,omitempty"`
	// PersonalDataConsents: consent to collect, use or share personal data
	// for purposes beyond those disclosed (1 no consent, 2 consent).
	PersonalDataConsents Choice `json:"personal_data_consents,omitzero"`
	// AdditionalDataProcessingConsent: consent to additional processing
	// (1 no consent, 2 consent).
	AdditionalDataProcessingConsent Choice `json:"additional_data_processing_consent,omitzero"`

	// MSPACoveredTransaction: the transaction is covered by the IAB's
	// Multi-State Privacy Agreement (1 yes, 2 no; 0 is not allowed).
	MSPACoveredTransaction Choice `json:"mspa_covered_transaction,omitzero"`
	// MSPAOptOutOptionMode: the publisher acts in opt-out option mode
	// (1 yes, 2 no).
	MSPAOptOutOptionMode Choice `json:"mspa_opt_out_option_mode,omitzero"`
	// MSPAServiceProviderMode: the publisher acts in service provider mode
	// (1 yes, 2 no).
	MSPAServiceProviderMode Choice `json:"mspa_service_provider_mode,omitzero"`
	// MSPAMode is the MSPA mode of usmd, usin, usky and usri (0 not
	// applicable, 1 opt-out option mode, 2 service provider mode).
	MSPAMode Choice `json:"mspa_mode,omitzero"`

	// GPCSegmentIncluded says whether the GPC sub-section is written (for
	// the sections that have one; see [HasGPC]). A section the official
	// library builds from scratch includes it.
	GPCSegmentIncluded bool `json:"gpc_segment_included,omitzero"`
	// GPC is the Global Privacy Control signal the user agent sent.
	GPC bool `json:"gpc,omitzero"`
	// SensitiveDataConsentSegmentIncluded says whether usin, usky and usri
	// write their sensitive data consent sub-section, which carries
	// SensitiveDataProcessing; without it SensitiveDataProcessing must be
	// all NotApplicable.
	SensitiveDataConsentSegmentIncluded bool `json:"sensitive_data_consent_segment_included,omitzero"`
}

// usField names the two-bit fields and lists of [US] in the schemas.
type usField uint8

const (
	fVersion usField = iota
	fSharingNotice
	fSaleOptOutNotice
	fSharingOptOutNotice
	fTargetedAdvertisingOptOutNotice
	fSensitiveDataProcessingOptOutNotice
	fSensitiveDataLimitUseNotice
	fProcessingNotice
	fSensitiveDataOptOutNotice
	fSaleOptOut
	fSharingOptOut
	fTargetedAdvertisingOptOut
	fSensitiveDataProcessing
	fKnownChildSensitiveDataConsents
	fPersonalDataConsents
	fAdditionalDataProcessingConsent
	fMspaCoveredTransaction
	fMspaOptOutOptionMode
	fMspaServiceProviderMode
	fMspaMode
	numUSFields
)

// usFieldNames are the official library's field names (its getSection
// keys), also used in problem paths.
var usFieldNames = [numUSFields]string{
	"Version", "SharingNotice", "SaleOptOutNotice", "SharingOptOutNotice",
	"TargetedAdvertisingOptOutNotice", "SensitiveDataProcessingOptOutNotice",
	"SensitiveDataLimitUseNotice", "ProcessingNotice", "SensitiveDataOptOutNotice",
	"SaleOptOut", "SharingOptOut", "TargetedAdvertisingOptOut", "SensitiveDataProcessing",
	"KnownChildSensitiveDataConsents", "PersonalDataConsents", "AdditionalDataProcessingConsent",
	"MspaCoveredTransaction", "MspaOptOutOptionMode", "MspaServiceProviderMode", "MspaMode",
}

// choice returns a pointer to the two-bit field f of u (not Version or a list).
func (u *US) choice(f usField) *Choice {
	switch f {
	case fSharingNotice:
		return &u.SharingNotice
	case fSaleOptOutNotice:
		return &u.SaleOptOutNotice
	case fSharingOptOutNotice:
		return &u.SharingOptOutNotice
	case fTargetedAdvertisingOptOutNotice:
		return &u.TargetedAdvertisingOptOutNotice
	case fSensitiveDataProcessingOptOutNotice:
		return &u.SensitiveDataProcessingOptOutNotice
	case fSensitiveDataLimitUseNotice:
		return &u.SensitiveDataLimitUseNotice
	case fProcessingNotice:
		return &u.ProcessingNotice
	case fSensitiveDataOptOutNotice:
		return &u.SensitiveDataOptOutNotice
	case fSaleOptOut:
		return &u.SaleOptOut
	case fSharingOptOut:
		return &u.SharingOptOut
	case fTargetedAdvertisingOptOut:
		return &u.TargetedAdvertisingOptOut
	case fPersonalDataConsents:
		return &u.PersonalDataConsents
	case fAdditionalDataProcessingConsent:
		return &u.AdditionalDataProcessingConsent
	case fMspaCoveredTransaction:
		return &u.MSPACoveredTransaction
	case fMspaOptOutOptionMode:
		return &u.MSPAOptOutOptionMode
	case fMspaServiceProviderMode:
		return &u.MSPAServiceProviderMode
	case fMspaMode:
		return &u.MSPAMode
	}
	return nil
}

// usSpec is one field of a section's core segment: f, and for a list its
// length n (a scalar KnownChildSensitiveDataConsents has n 0 and is held
// as a list of one).
type usSpec struct {
	f usField
	n int
}

// subKind is the sub-section a US section may carry after its core.
type subKind uint8

const (
	subNone      subKind = iota
	subGPC               // GpcSegmentType (2 bits, 1) and Gpc (1 bit)
	subSensitive         // SensitiveDataProcessing (8 x 2 bits), no type field
)

// usSchema describes a section as the official library 3.2.0 defines it.
type usSchema struct {
	id      SectionID
	version int
	core    []usSpec
	sub     subKind
	subN    int // length of SensitiveDataProcessing in a subSensitive sub-section
}

func s(f usField) usSpec        { return usSpec{f: f} }
func l(f usField, n int) usSpec { return usSpec{f: f, n: n} }

// Field groups shared by many sections.
var (
	mspa3 = []usSpec{s(fMspaCoveredTransaction), s(fMspaOptOutOptionMode), s(fMspaServiceProviderMode)}
)

func cat(parts ...[]usSpec) []usSpec {
	var out []usSpec
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// stateA is the layout of usfl, usmt, usor, usde, usnh, usnj (and, with a
// scalar child consent, ustx, usne, ustn, usmn): processing or sharing
// notice first, then sale and targeted advertising.
func stateA(first usField, sdp, kc int) []usSpec {
	kcs := l(fKnownChildSensitiveDataConsents, kc)
	return cat([]usSpec{s(fVersion), s(first), s(fSaleOptOutNotice), s(fTargetedAdvertisingOptOutNotice),
		s(fSaleOptOut), s(fTargetedAdvertisingOptOut), l(fSensitiveDataProcessing, sdp), kcs,
		s(fAdditionalDataProcessingConsent)}, mspa3)
}

// stateB is the layout of usva, usco, usct (no additional consent).
func stateB(sdp, kc int) []usSpec {
	return cat([]usSpec{s(fVersion), s(fSharingNotice), s(fSaleOptOutNotice), s(fTargetedAdvertisingOptOutNotice),
		s(fSaleOptOut), s(fTargetedAdvertisingOptOut), l(fSensitiveDataProcessing, sdp),
		l(fKnownChildSensitiveDataConsents, kc)}, mspa3)
}

// stateC is the layout of usmd, usin, usky, usri: MSPA fields first.
func stateC(kc bool) []usSpec {
	out := []usSpec{s(fVersion), s(fMspaCoveredTransaction), s(fMspaMode), s(fProcessingNotice),
		s(fSaleOptOutNotice), s(fTargetedAdvertisingOptOutNotice), s(fSaleOptOut), s(fTargetedAdvertisingOptOut)}
	if kc {
		out = append(out, l(fKnownChildSensitiveDataConsents, 0))
	}
	return append(out, s(fAdditionalDataProcessingConsent))
}

// usSchemas are the US sections by ID - 7, transcribed from the official
// library's segment definitions (field order, list lengths, defaults) and
// checked against it by the cross-check.
var usSchemas = [...]usSchema{
	{id: SectionUSNat, version: 2, sub: subGPC, core: cat([]usSpec{s(fVersion), s(fSharingNotice), s(fSaleOptOutNotice),
		s(fSharingOptOutNotice), s(fTargetedAdvertisingOptOutNotice), s(fSensitiveDataProcessingOptOutNotice),
		s(fSensitiveDataLimitUseNotice), s(fSaleOptOut), s(fSharingOptOut), s(fTargetedAdvertisingOptOut),
		l(fSensitiveDataProcessing, 16), l(fKnownChildSensitiveDataConsents, 3), s(fPersonalDataConsents)}, mspa3)},
	{id: SectionUSCA, version: 1, sub: subGPC, core: cat([]usSpec{s(fVersion), s(fSaleOptOutNotice), s(fSharingOptOutNotice),
		s(fSensitiveDataLimitUseNotice), s(fSaleOptOut), s(fSharingOptOut), l(fSensitiveDataProcessing, 9),
		l(fKnownChildSensitiveDataConsents, 2), s(fPersonalDataConsents)}, mspa3)},
	{id: SectionUSVA, version: 1, sub: subNone, core: stateB(8, 0)},
	{id: SectionUSCO, version: 1, sub: subGPC, core: stateB(7, 0)},
	{id: SectionUSUT, version: 1, sub: subNone, core: cat([]usSpec{s(fVersion), s(fSharingNotice), s(fSaleOptOutNotice),
		s(fTargetedAdvertisingOptOutNotice), s(fSensitiveDataProcessingOptOutNotice), s(fSaleOptOut),
		s(fTargetedAdvertisingOptOut), l(fSensitiveDataProcessing, 8), l(fKnownChildSensitiveDataConsents, 0)}, mspa3)},
	{id: SectionUSCT, version: 1, sub: subGPC, core: stateB(8, 3)},
	{id: SectionUSFL, version: 1, sub: subNone, core: stateA(fProcessingNotice, 8, 3)},
	{id: SectionUSMT, version: 1, sub: subGPC, core: stateA(fSharingNotice, 8, 3)},
	{id: SectionUSOR, version: 1, sub: subGPC, core: stateA(fProcessingNotice, 11, 3)},
	{id: SectionUSTX, version: 1, sub: subGPC, core: stateA(fProcessingNotice, 8, 0)},
	{id: SectionUSDE, version: 1, sub: subGPC, core: stateA(fProcessingNotice, 9, 5)},
	{id: SectionUSIA, version: 1, sub: subGPC, core: cat([]usSpec{s(fVersion), s(fProcessingNotice), s(fSaleOptOutNotice),
		s(fTargetedAdvertisingOptOutNotice), s(fSensitiveDataOptOutNotice), s(fSaleOptOut),
		s(fTargetedAdvertisingOptOut), l(fSensitiveDataProcessing, 8), l(fKnownChildSensitiveDataConsents, 0)}, mspa3)},
	{id: SectionUSNE, version: 1, sub: subGPC, core: stateA(fProcessingNotice, 8, 0)},
	{id: SectionUSNH, version: 1, sub: subGPC, core: stateA(fProcessingNotice, 8, 3)},
	{id: SectionUSNJ, version: 1, sub: subGPC, core: stateA(fProcessingNotice, 10, 5)},
	{id: SectionUSTN, version: 1, sub: subGPC, core: stateA(fProcessingNotice, 8, 0)},
	{id: SectionUSMN, version: 1, sub: subGPC, core: stateA(fProcessingNotice, 8, 0)},
	{id: SectionUSMD, version: 1, sub: subGPC, core: stateC(false)},
	{id: SectionUSIN, version: 1, sub: subSensitive, subN: 8, core: stateC(true)},
	{id: SectionUSKY, version: 1, sub: subSensitive, subN: 8, core: stateC(true)},
	{id: SectionUSRI, version: 1, sub: subSensitive, subN: 8, core: stateC(true)},
}

// schemaOf returns the schema of a US section ID, or nil.
func schemaOf(id SectionID) *usSchema {
	if !id.IsUS() {
		return nil
	}
	return &usSchemas[id-SectionUSNat]
}

// FieldsOf returns the official library's names of the fields section id
// carries, in encoding order, sub-sections included ("GpcSegmentIncluded",
// "Gpc", "SensitiveDataConsentSegmentIncluded"); nil for a section that is
// not a US section. FieldsOf(SectionUSVA) starts "Version",
// "SharingNotice", "SaleOptOutNotice".
func FieldsOf(id SectionID) []string {
	sc := schemaOf(id)
	if sc == nil {
		return nil
	}
	var out []string
	for _, sp := range sc.core {
		out = append(out, usFieldNames[sp.f])
	}
	switch sc.sub {
	case subGPC:
		out = append(out, "GpcSegmentIncluded", "Gpc")
	case subSensitive:
		out = append(out, "SensitiveDataConsentSegmentIncluded", "SensitiveDataProcessing")
	}
	return out
}

// HasGPC reports whether section id has a GPC sub-section: usnat and every
// state section but usva, usut, usfl, usin, usky and usri.
func HasGPC(id SectionID) bool {
	sc := schemaOf(id)
	return sc != nil && sc.sub == subGPC
}

// NewUS returns section id as the official library creates it: its
// version, MSPACoveredTransaction Yes, every other field NotApplicable,
// lists at full length, and the GPC or sensitive data sub-section
// included. It returns false for an ID that is not a US section.
func NewUS(id SectionID) (US, bool) {
	sc := schemaOf(id)
	if sc == nil {
		return US{}, false
	}
	u := US{Section: id, Version: sc.version, MSPACoveredTransaction: Yes}
	for _, sp := range sc.core {
		switch sp.f {
		case fSensitiveDataProcessing:
			u.SensitiveDataProcessing = make([]Choice, sp.n)
		case fKnownChildSensitiveDataConsents:
			u.KnownChildSensitiveDataConsents = make([]Choice, max(sp.n, 1))
		}
	}
	switch sc.sub {
	case subGPC:
		u.GPCSegmentIncluded = true
	case subSensitive:
		u.SensitiveDataConsentSegmentIncluded = true
		u.SensitiveDataProcessing = make([]Choice, sc.subN)
	}
	return u, true
}
