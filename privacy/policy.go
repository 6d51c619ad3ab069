package privacy

import (
	"slices"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/internal/enum"

	"github.com/pimkit/pimkit/contract"
)

// Role is the part an organisation plays in processing (GDPR Art. 4(7)-(8)).
type Role uint8

// The roles.
const (
	// Controller determines the purposes and means of processing.
	Controller Role = iota + 1
	// Processor processes on behalf of a controller (terms 11.1: OpenDIMS
	// for its customers' data).
	Processor
)

var roleNames = enum.Names{"", "controller", "processor"}

// String returns "controller" or "processor".
func (r Role) String() string { return enum.String(roleNames, r, "Role") }

// MarshalText implements encoding.TextMarshaler.
func (r Role) MarshalText() ([]byte, error) {
	return enum.Marshal(roleNames, r, "role", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (r *Role) UnmarshalText(b []byte) error {
	return enum.Unmarshal(roleNames, b, r, "role", ErrUnknownValue)
}

// CookiePromise is what a policy promises about cookies.
type CookiePromise uint8

// The cookie promises.
const (
	// CookiesUnspecified: the policy makes no promise about whose cookies
	// are set.
	CookiesUnspecified CookiePromise = iota
	// FirstPartyOnly: the policy promises no third-party cookies (Open
	// Products).
	FirstPartyOnly
)

var cookiePromiseNames = enum.Names{"unspecified", "first_party_only"}

// String returns "unspecified" or "first_party_only".
func (c CookiePromise) String() string {
	return enum.String(cookiePromiseNames, c, "CookiePromise")
}

// MarshalText implements encoding.TextMarshaler.
func (c CookiePromise) MarshalText() ([]byte, error) {
	return enum.Marshal(cookiePromiseNames, c, "cookie promise", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (c *CookiePromise) UnmarshalText(b []byte) error {
	return enum.Unmarshal(cookiePromiseNames, b, c, "cookie promise", ErrUnknownValue)
}

// Policy is a privacy policy as data: who controls the data, the
// activities, the rights offered, the contact and the date it takes
// effect. The presets [OpenDIMS2025], [OpenDIMS2026] and [OpenProducts2018]
// model published policies; [Policy.Validate] finds inconsistencies.
type Policy struct {
	// Name names the service or organisation: "OpenDIMS".
	Name string `json:"name" validate:"required"`
	// Effective is the first day the version applies; it identifies the
	// version.
	Effective contract.Date `json:"effective" validate:"required"`
	// Controller is the organisation that issues the policy: the
	// controller, or the processor when Role is Processor. Name may be only
	// the service name when the policy names no legal entity (OpenDIMS
	// 2025).
	Controller contract.Party `json:"controller"`
	// Role is the role of the organisation that issues the policy.
	Role Role `json:"role" validate:"required"`
	// OnBehalfOf are the controllers a processor acts for (Art. 30(2)(a)).
	OnBehalfOf []contract.Party `json:"on_behalf_of,omitempty"`
	// Activities are the processing activities.
	Activities []Activity `json:"activities" validate:"required,min=1,dive"`
	// Rights are the data-subject rights the policy states.
	Rights []RequestKind `json:"rights"`
	// Contact is where subjects exercise their rights: a role address
	// such as "support@opendims.com", not a person's.
	Contact string `json:"contact" validate:"required"`
	// SpecialCategories reports that the policy declares processing of
	// special categories (Art. 9); OpenDIMS declares none.
	SpecialCategories bool `json:"special_categories"`
	// SellsData reports that personal data is sold or rented; both
	// OpenDIMS 2026 and Open Products say it is not.
	SellsData bool `json:"sells_data"`
	// Cookies is the policy's promise about cookies.
	Cookies CookiePromise `json:"cookies"`
	// HostingCountry is where the data is hosted, ISO 3166-1 alpha-2
	// ("SE" for Open Products); "" when not stated.
	HostingCountry string `json:"hosting_country,omitempty" validate:"omitempty,iso3166_1_alpha2"`
	// MinimumAge is the age below which the service knowingly collects
	// no data (Open Products: 13); 0 when not stated.
	MinimumAge int `json:"minimum_age,omitempty" validate:"gte=0"`
	// Counter is the controller's legal time: the convention and holiday
	// calendar its deadlines are counted with, such as the month to answer a
	// data-subject request ([ReceiveRequest], GDPR Art. 12(3)). The zero
	// Counter is Reg. 1182/71 over Danish public holidays; the OpenDIMS
	// presets set that explicitly and Open Products, a Swedish controller,
	// counts over [contract.SwedishHolidays].
	Counter contract.Counter `json:"counter,omitzero"`
	// Published is the day the version was first published, when known
	// and different from Effective, the date the text says it was updated:
	// the OpenDIMS 2025 page says 2025-02-01 and was published 2025-02-07.
	// [Policy.GovernsFrom] says which of the two governs an event.
	Published contract.Date `json:"published,omitzero"`
	// DPO is the contact of the data protection officer (Art. 13(1)(b));
	// "" when the policy names none.
	DPO string `json:"dpo,omitempty"`
	// DPORequired reports that the controller must designate a DPO (Art.
	// 37(1)); with DPO empty, [CheckInformation] reports the contact
	// missing, and with both unset, not applicable.
	DPORequired bool `json:"dpo_required,omitempty"`
	// Representative is the controller's representative in the Union (Art.
	// 27), required when the controller is established outside the EEA;
	// the zero Party when the policy names none.
	Representative contract.Party `json:"representative,omitzero" validate:"-"`
	// AutomatedDecisions reports that the controller takes decisions based
	// solely on automated processing, including profiling (Art. 22), which
	// the policy must disclose (Art. 13(2)(f)).
	AutomatedDecisions bool `json:"automated_decisions,omitempty"`
	// ImpliedConsent reports that the policy treats using the site as
	// accepting the policy ("by using our website you accept"): no consent
	// under Art. 4(11) and 7, reported by [Policy.Validate] and
	// [Policy.ConsentValidity].
	ImpliedConsent bool `json:"implied_consent,omitempty"`
	// SecurityMeasures are the technical and organisational security
	// measures the policy states (Art. 32), such as "TLS in transit"; the
	// records of processing carry them (Art. 30(1)(g)).
	SecurityMeasures []string `json:"security_measures,omitempty"`
	// Statements are the places in the policy's text that speak of each
	// information item of Art. 13 and 14, the reading [CheckInformation]
	// rests on.
	Statements []Statement `json:"statements,omitempty"`
}

// GovernsFrom returns the first day the version governs events: its
// publication date when that is later than the date it states, else the
// stated date. A policy informs only once it can be read (Art. 12(1),
// 13(1): the information is given "at the time when personal data are
// obtained"), so a page dated 2025-02-01 but first published 2025-02-07
// governs from 2025-02-07, and data collected on 2025-02-03 falls under
// no version of it. The stated date still names the version ([Policy.Version]).
// A policy with no Published date governs from Effective.
func (p Policy) GovernsFrom() contract.Date {
	if p.Published.After(p.Effective) {
		return p.Published
	}
	return p.Effective
}

// ConsentValidity decides whether the consent the policy relies on can be
// valid in the way the policy obtains it. A policy that treats using the
// site as acceptance (ImpliedConsent) obtains no consent: consent is a
// clear affirmative act (Art. 4(11)) the controller can demonstrate (Art.
// 7(1)); silence or inactivity is not consent (recital 32); continuing to
// browse is not (EDPB Guidelines 05/2020 on consent, para. 86); nor is a
// pre-ticked box (CJEU C-673/17 Planet49, para. 62). Open Products'
// policy says using the website signifies acceptance, so its decision is
// Allowed false.
func (p Policy) ConsentValidity() contract.Decision {
	d := contract.Decision{Rule: "GDPR Art. 4(11)", Citations: []contract.Citation{gdpr("Art. 4(11)"),
		gdpr("Art. 7(1)"), gdpr("recital 32"), contract.Cite("CJEU", "C-673/17 Planet49"),
		contract.Cite("EDPB Guidelines 05/2020 on consent", "para. 86")}}
	if p.ImpliedConsent {
		d.Reason = contract.NewReason(cat, msgConsentByUse)
		return d
	}
	d.Allowed = true
	d.Reason = contract.NewReason(cat, msgConsentNotImplied)
	return d
}

// Version returns the policy's version: its effective date.
func (p Policy) Version() contract.Date { return p.Effective }

// String returns "OpenDIMS privacy policy 2025-02-01".
func (p Policy) String() string { return p.Name + " privacy policy " + p.Effective.String() }

// Activity returns the activity for purpose u.
func (p Policy) Activity(u DataUse) (Activity, bool) {
	for _, a := range p.Activities {
		if a.Purpose == u {
			return a, true
		}
	}
	return Activity{}, false
}

// allRights are the rights of Art. 15-21 a policy must state (Art.
// 13(2)(b)).
var allRights = []RequestKind{Access, Rectification, Erasure, Restriction, Portability, Objection}

// Validate checks p's validate tags and p against taxonomy t, and reports
// every problem at once in a [*contract.ValidationError] with JSON paths,
// such as:
//
//   - "activities[2].categories[0]": special_category_undeclared -- a
//     special category of Art. 9 in a policy that declares none (OpenDIMS);
//   - "activities[4].opt_out": marketing_without_opt_out -- marketing on
//     consent or legitimate interests with no way to opt out (Art. 7(3),
//     21(2)-(3));
//   - "activities[1].recipients[0].dpa": processor_without_dpa (Art. 28(3));
//   - "activities[0].recipients[1].safeguard": transfer_without_safeguard
//     (Art. 44, 46) -- Open Products' payment providers may transfer data
//     outside the EU and the policy names no safeguard;
//   - "rights": rights_not_stated with the missing rights (Art. 13(2)(b));
//   - "statements[0].paragraph": gte(1) -- paragraphs count from 1;
//   - "implied_consent": consent_by_use -- using the site taken as consent,
//     which is none (Art. 4(11), 7; see [Policy.ConsentValidity]).
//
// Validate checks consistency; [CheckInformation] checks the information
// Art. 13 and 14 require.
func (p Policy) Validate(t Taxonomy) error {
	var ps contract.Problems
	ps.Check("", p)
	add := ps.Add
	if p.Representative != (contract.Party{}) {
		ps.Check("representative", p.Representative)
	}
	if p.Controller.Name == "" {
		add("controller.name", "required", "")
	}
	if p.Role > Processor {
		add("role", "oneof", "controller processor")
	}
	if p.Role == Processor && len(p.OnBehalfOf) == 0 {
		add("on_behalf_of", "required_for_processor", "GDPR Art. 30(2)(a)")
	}
	seen := map[DataUse]int{}
	for i, a := range p.Activities {
		path := "activities[" + strconv.Itoa(i) + "]"
		switch {
		case a.Purpose == "":
			// required, reported by the tag
		case !a.Purpose.Valid():
			add(path+".purpose", "taxonomy_key", "")
		case !t.HasUse(a.Purpose):
			add(path+".purpose", "unknown_data_use", string(a.Purpose))
		}
		if j, dup := seen[a.Purpose]; dup {
			add(path+".purpose", "duplicate_purpose", "activities["+strconv.Itoa(j)+"]")
		} else {
			seen[a.Purpose] = i
		}
		if a.Basis > LegitimateInterests {
			add(path+".basis", "oneof", strings.Join(basisNames[1:], " "))
		}
		special := NotSpecial
		for j, c := range a.Categories {
			cp := path + ".categories[" + strconv.Itoa(j) + "]"
			if !t.HasCategory(c) {
				add(cp, "unknown_data_category", string(c))
				continue
			}
			s := t.Special(c)
			if s == SpecialArt9 && !p.SpecialCategories {
				add(cp, "special_category_undeclared", string(c))
			}
			if s > special {
				special = s
			}
		}
		if special == SpecialArt9 && a.Art9 == NoArt9Condition {
			add(path+".art9", "art9_condition_required", "GDPR Art. 9(2)")
		}
		if special == CriminalArt10 && a.Basis != LegalObligation && a.Basis != PublicTask {
			add(path+".basis", "criminal_data_needs_law", "GDPR Art. 10")
		}
		for j, s := range a.Subjects {
			if !t.HasSubject(s) {
				add(path+".subjects["+strconv.Itoa(j)+"]", "unknown_data_subject", string(s))
			}
		}
		for j, r := range a.Recipients {
			rp := path + ".recipients[" + strconv.Itoa(j) + "]"
			if r.Kind == ProcessorRecipient && !r.DPA {
				add(rp+".dpa", "processor_without_dpa", "GDPR Art. 28(3)")
			}
			if r.ThirdCountry && r.Safeguard == NoSafeguard {
				add(rp+".safeguard", "transfer_without_safeguard", "GDPR Art. 44")
			}
		}
		if a.OnByDefault && !a.OptOut {
			add(path+".opt_out", "on_by_default_without_opt_out", "GDPR Art. 21(1)")
		}
		if a.Purpose.Under(UseMarketing) && (a.Basis == Consent || a.Basis == LegitimateInterests) && !a.OptOut {
			add(path+".opt_out", "marketing_without_opt_out", "GDPR Art. 21(3)")
		}
		if k := a.Retention.Kind; (k == FromCollection || k == FromYearEnd) &&
			(a.Retention.Period.IsZero() || a.Retention.Period.IsNegative()) {
			add(path+".retention.period", "required_for_kind", k.String())
		}
	}
	var missing []string
	for _, r := range allRights {
		if !slices.Contains(p.Rights, r) {
			missing = append(missing, r.String())
		}
	}
	if len(missing) > 0 {
		add("rights", "rights_not_stated", strings.Join(missing, " "))
	}
	if p.ImpliedConsent {
		add("implied_consent", "consent_by_use", "GDPR Art. 4(11)")
	}
	for i, st := range p.Statements {
		path := "statements[" + strconv.Itoa(i) + "]"
		if st.Item < ControllerIdentity || int(st.Item) >= len(infoItemNames) {
			add(path+".item", "oneof", "")
		}
		if st.Paragraph < 1 {
			add(path+".paragraph", "gte", "1")
		}
	}
	return ps.Err("validate policy", ErrInvalid)
}

// CollectsFrom decides whether the policy lets the service collect data
// from child on day on, given the policy's MinimumAge: Open Products
// collects nothing from those it knows are under 13, so a child born
// 2013-06-01 is refused on 2026-05-31 and allowed from 2026-06-01. A
// policy with no minimum age, or the zero Child, allows.
func (p Policy) CollectsFrom(child Child, on contract.Date) contract.Decision {
	d := contract.Decision{Rule: "policy minimum age", Allowed: true, Date: on,
		Citations: []contract.Citation{gdpr("Art. 8(1)")}}
	if p.MinimumAge > 0 && !child.IsZero() && !child.atLeast(p.MinimumAge, on) {
		d.Allowed = false
		d.Reason = contract.NewReason(cat, msgUnderMinimumAge, p.MinimumAge)
		return d
	}
	d.Reason = contract.NewReason(cat, msgAboveMinimumAge)
	return d
}
