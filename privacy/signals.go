package privacy

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/pimkit/pimkit/internal/enum"

	"github.com/pimkit/pimkit/contract"
)

// GPC is a Global Privacy Control preference read from the Sec-GPC
// request header.
type GPC uint8

// The GPC preferences. There is no "GPC off": a header that is absent or
// has any value other than "1" expresses no preference.
const (
	// GPCUnset: no preference expressed.
	GPCUnset GPC = iota
	// GPCOptOut: the user agent sent "Sec-GPC: 1", an objection by
	// automated means (GDPR Art. 21(5)) to sale or sharing and to
	// targeted advertising.
	GPCOptOut
)

var gpcNames = enum.Names{"unset", "opt_out"}

// String returns "unset" or "opt_out".
func (g GPC) String() string { return enum.String(gpcNames, g, "GPC") }

// MarshalText implements encoding.TextMarshaler.
func (g GPC) MarshalText() ([]byte, error) { return enum.Marshal(gpcNames, g, "gpc", ErrUnknownValue) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (g *GPC) UnmarshalText(b []byte) error {
	return enum.Unmarshal(gpcNames, b, g, "gpc", ErrUnknownValue)
}

// ParseGPC reads the value of a Sec-GPC header as the host's HTTP layer
// passes it in (present false when the header is absent). Only the value
// "1", optionally surrounded by spaces or tabs, is GPCOptOut; absent,
// empty, "0", "true" or anything else is GPCUnset -- the GPC specification
// defines no opt-in value. It never fails and does not allocate (a
// decoder's bound, 16 bytes per input byte plus 64 KiB, holds trivially).
func ParseGPC(value string, present bool) GPC {
	if present && strings.Trim(value, " \t") == "1" {
		return GPCOptOut
	}
	return GPCUnset
}

// GPCSource is the Source recorded on ledger events from a GPC signal.
const GPCSource = "Sec-GPC"

// GPCUses are the data uses a GPC signal objects to by default: selling
// or sharing data with third parties and targeted advertising.
func GPCUses() []DataUse { return []DataUse{UseThirdPartySharing, UseTargetedAds} }

// GPCEvents returns the ledger events that record signal g for subject at
// instant at: for GPCOptOut one Objected event per use with method signal
// and source "Sec-GPC" (uses default to [GPCUses]); for GPCUnset none.
// Recording every request's signal is safe: the fold lets an explicit
// opt-in given after the first signal win over later ones and says so
// ([ConsentState.SignalIgnored]).
func GPCEvents(subject string, at time.Time, g GPC, uses ...DataUse) []ConsentEvent {
	if g != GPCOptOut {
		return nil
	}
	if len(uses) == 0 {
		uses = GPCUses()
	}
	out := make([]ConsentEvent, len(uses))
	for i, u := range uses {
		out[i] = ConsentEvent{Subject: subject, Purpose: u, Action: Objected, At: at,
			Method: MethodSignal, Source: GPCSource}
	}
	return out
}

// ConsentModeValue is a Google Consent Mode value.
type ConsentModeValue uint8

// The Consent Mode values. The zero value is Denied.
const (
	// Denied: "denied".
	Denied ConsentModeValue = iota
	// GrantedValue: "granted".
	GrantedValue
)

var consentModeNames = enum.Names{"denied", "granted"}

// String returns "denied" or "granted".
func (v ConsentModeValue) String() string {
	return enum.String(consentModeNames, v, "ConsentModeValue")
}

// MarshalText implements encoding.TextMarshaler.
func (v ConsentModeValue) MarshalText() ([]byte, error) {
	return enum.Marshal(consentModeNames, v, "consent mode value", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (v *ConsentModeValue) UnmarshalText(b []byte) error {
	return enum.Unmarshal(consentModeNames, b, v, "consent mode value", ErrUnknownValue)
}

// ConsentMode is the set of Google Consent Mode v2 flags. It marshals to
// the JSON object gtag('consent', 'update', ...) takes:
// {"ad_storage":"denied", ...}. The zero ConsentMode denies everything.
type ConsentMode struct {
	AdStorage              ConsentModeValue `json:"ad_storage"`
	AdUserData             ConsentModeValue `json:"ad_user_data"`
	AdPersonalization      ConsentModeValue `json:"ad_personalization"`
	AnalyticsStorage       ConsentModeValue `json:"analytics_storage"`
	FunctionalityStorage   ConsentModeValue `json:"functionality_storage"`
	PersonalizationStorage ConsentModeValue `json:"personalization_storage"`
	SecurityStorage        ConsentModeValue `json:"security_storage"`
}

// String returns the flags as compact JSON.
func (m ConsentMode) String() string {
	b, _ := json.Marshal(m)
	return string(b)
}

// ConsentModeMapping says which data uses each Consent Mode flag needs: a
// flag is granted when every one of its uses is essential (under
// "essential", which needs no consent) or validly consented to, and
// denied when its list is empty. Hosts override fields of
// [DefaultConsentModeMapping].
type ConsentModeMapping struct {
	AdStorage              []DataUse `json:"ad_storage"`
	AdUserData             []DataUse `json:"ad_user_data"`
	AdPersonalization      []DataUse `json:"ad_personalization"`
	AnalyticsStorage       []DataUse `json:"analytics_storage"`
	FunctionalityStorage   []DataUse `json:"functionality_storage"`
	PersonalizationStorage []DataUse `json:"personalization_storage"`
	SecurityStorage        []DataUse `json:"security_storage"`
}

// DefaultConsentModeMapping returns pimkit's default mapping:
//
//	ad_storage              marketing.advertising
//	ad_user_data            marketing.advertising, third_party_sharing
//	ad_personalization      marketing.advertising.third_party.targeted, third_party_sharing
//	analytics_storage       analytics
//	functionality_storage   functional
//	personalization_storage personalize
//	security_storage        essential.service.security (always granted)
//
// So a GPC signal, which objects to third_party_sharing and targeted
// advertising, denies ad_user_data and ad_personalization while an
// explicit consent to marketing.advertising still grants ad_storage.
func DefaultConsentModeMapping() ConsentModeMapping {
	return ConsentModeMapping{
		AdStorage:              []DataUse{UseAdvertising},
		AdUserData:             []DataUse{UseAdvertising, UseThirdPartySharing},
		AdPersonalization:      []DataUse{UseTargetedAds, UseThirdPartySharing},
		AnalyticsStorage:       []DataUse{UseAnalytics},
		FunctionalityStorage:   []DataUse{UseFunctional},
		PersonalizationStorage: []DataUse{UsePersonalize},
		SecurityStorage:        []DataUse{UseSecurity},
	}
}

// TCFConsentModeMapping returns a mapping for hosts whose consent comes
// from IAB TCF strings recorded with [TCFEvents]. TCF purposes map onto
// specific data uses ([TCFPurposeUse]), and a consent to a specific use
// does not imply its parent, so [DefaultConsentModeMapping], which asks
// for consent to the parents, would deny every flag. This mapping follows
// Google's published correspondence between TCF purposes and Consent Mode
// for the ad flags, and pimkit's choice for the others:
//
//	ad_storage              purpose 1 (functional.storage)
//	ad_user_data            purposes 1 and 7 (analytics.reporting.ad_performance)
//	ad_personalization      purposes 3 and 4 (marketing.advertising.profiling,
//	                        marketing.advertising.third_party.targeted)
//	analytics_storage       purposes 1 and 9 (analytics.reporting)
//	functionality_storage   purpose 1
//	personalization_storage purposes 1 and 5 (personalize.content)
//	security_storage        essential.service.security (always granted)
//
// A banner consent recorded against a parent use (analytics) grants these
// too, since a consent covers every use under it. A Global Privacy Control
// objection to targeted advertising denies ad_personalization.
func TCFConsentModeMapping() ConsentModeMapping {
	p := func(ns ...int) []DataUse {
		uses := make([]DataUse, 0, len(ns))
		for _, n := range ns {
			u, _ := TCFPurposeUse(n)
			uses = append(uses, u)
		}
		return uses
	}
	return ConsentModeMapping{
		AdStorage:              p(1),
		AdUserData:             p(1, 7),
		AdPersonalization:      p(3, 4),
		AnalyticsStorage:       p(1, 9),
		FunctionalityStorage:   p(1),
		PersonalizationStorage: p(1, 5),
		SecurityStorage:        []DataUse{UseSecurity},
	}
}

// flag grants when every use is essential or consented.
func flag(uses []DataUse, consented func(DataUse) bool) ConsentModeValue {
	if len(uses) == 0 {
		return Denied
	}
	for _, u := range uses {
		if !u.Under(UseEssential) && (consented == nil || !consented(u)) {
			return Denied
		}
	}
	return GrantedValue
}

// Derive returns the flags for a subject whose consent to a use is
// reported by consented. A nil consented means no consent to any use: only
// flags whose uses are all essential are granted.
func (m ConsentModeMapping) Derive(consented func(DataUse) bool) ConsentMode {
	return ConsentMode{
		AdStorage:              flag(m.AdStorage, consented),
		AdUserData:             flag(m.AdUserData, consented),
		AdPersonalization:      flag(m.AdPersonalization, consented),
		AnalyticsStorage:       flag(m.AnalyticsStorage, consented),
		FunctionalityStorage:   flag(m.FunctionalityStorage, consented),
		PersonalizationStorage: flag(m.PersonalizationStorage, consented),
		SecurityStorage:        flag(m.SecurityStorage, consented),
	}
}

// ConsentMode derives the Consent Mode flags for subject at instant at
// from the ledger: a use counts as consented when [Ledger.Valid] allows
// it under rules for child (the zero Child for an adult).
func (l Ledger) ConsentMode(m ConsentModeMapping, subject string, at time.Time, rules ConsentRules, child Child) ConsentMode {
	return m.Derive(func(u DataUse) bool { return l.Valid(subject, u, at, rules, child).Allowed })
}

// GPCDecision explains what a GPC signal did to a purpose: allowed when
// processing for the purpose may go on (an explicit opt-in after the
// signal won), refused when the objection stands.
func GPCDecision(st ConsentState) contract.Decision {
	d := contract.Decision{Rule: "GDPR Art. 21(5)", Citations: []contract.Citation{gdpr("Art. 21(5)")}}
	if !st.Since.IsZero() {
		d.At = st.Since
	}
	d.Allowed = st.Status == Granted
	d.Reason = st.Reason()
	if st.ExplicitAfterSignal {
		d.Reason = contract.NewReason(cat, msgSignalOverridden)
	}
	return d
}

// SignalChoice is one purpose's choice carried by a consent signal, such
// as a TCF string's purpose consent bit mapped onto a data use.
type SignalChoice struct {
	// Purpose is the data use.
	Purpose DataUse `json:"purpose"`
	// Granted reports consent; false records a withdrawal.
	Granted bool `json:"granted"`
}

// SignalEvents returns the ledger events that record a consent signal for
// subject at instant at: a Given or Withdrawn event per choice, with
// method signal, the signal's source reference (for a TCF string, for
// example "tcf:cmp=31:v=2"; never the raw string if it identifies the
// user) and the policy version in force. The events go through the same
// fold rules as any other: a signal's consent does not lift an explicit
// objection.
func SignalEvents(subject string, at time.Time, source string, policy contract.Date, choices ...SignalChoice) []ConsentEvent {
	out := make([]ConsentEvent, len(choices))
	for i, c := range choices {
		a := Withdrawn
		if c.Granted {
			a = Given
		}
		out[i] = ConsentEvent{Subject: subject, Purpose: c.Purpose, Action: a, At: at,
			Policy: policy, Method: MethodSignal, Source: source}
	}
	return out
}
