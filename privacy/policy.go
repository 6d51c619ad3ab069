package privacy

import (
	"fmt"
	"slices"
	"strings"

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

var roleNames = []string{"", "controller", "processor"}

// String returns "controller" or "processor".
func (r Role) String() string { return enumString(roleNames, uint8(r), "Role") }

// MarshalText implements encoding.TextMarshaler.
func (r Role) MarshalText() ([]byte, error) { return enumMarshal(roleNames, uint8(r), "role") }

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
func (r *Role) UnmarshalText(b []byte) error {
	v, err := enumParse(roleNames, b, "role")
	*r = Role(v)
	return err
}

// Source is where personal data comes from (GDPR Art. 13, 14).
type Source uint8

// The sources.
const (
	// Direct: from the subject, who enters it.
	Direct Source = iota + 1
	// Automatic: collected automatically, by cookies and similar
	// technologies or from devices.
	Automatic
	// Partners: from business partners the subject uses the service
	// through (Art. 14).
	Partners
)

var sourceNames = []string{"", "direct", "automatic", "partners"}

// String returns "direct", "automatic" or "partners".
func (s Source) String() string { return enumString(sourceNames, uint8(s), "Source") }

// MarshalText implements encoding.TextMarshaler.
func (s Source) MarshalText() ([]byte, error) { return enumMarshal(sourceNames, uint8(s), "source") }

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
func (s *Source) UnmarshalText(b []byte) error {
	v, err := enumParse(sourceNames, b, "source")
	*s = Source(v)
	return err
}

// RecipientKind is the kind of recipient personal data is disclosed to
// (Art. 13(1)(e)).
type RecipientKind uint8

// The recipient kinds.
const (
	// Internal: the controller's own staff.
	Internal RecipientKind = iota + 1
	// ProcessorRecipient: a processor acting on the controller's
	// instructions, under a data processing agreement (Art. 28(3)).
	ProcessorRecipient
	// Authority: public authorities, only where the law or a court
	// requires.
	Authority
	// ThirdParty: an independent controller.
	ThirdParty
	// Successor: an acquirer in a business transfer (merger, sale of
	// assets).
	Successor
)

var recipientKindNames = []string{"", "internal", "processor", "authority", "third_party", "successor"}

// String returns "internal", "processor", "authority", "third_party" or
// "successor".
func (k RecipientKind) String() string {
	return enumString(recipientKindNames, uint8(k), "RecipientKind")
}

// MarshalText implements encoding.TextMarshaler.
func (k RecipientKind) MarshalText() ([]byte, error) {
	return enumMarshal(recipientKindNames, uint8(k), "recipient kind")
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
func (k *RecipientKind) UnmarshalText(b []byte) error {
	v, err := enumParse(recipientKindNames, b, "recipient kind")
	*k = RecipientKind(v)
	return err
}

// Safeguard is the ground for a transfer to a third country (GDPR
// Chapter V). The zero value NoSafeguard is an error for a transfer.
type Safeguard uint8

// The transfer safeguards.
const (
	// NoSafeguard: none stated.
	NoSafeguard Safeguard = iota
	// Adequacy: an adequacy decision (Art. 45).
	Adequacy
	// StandardClauses: standard data protection clauses (Art. 46(2)(c)).
	StandardClauses
	// BindingRules: binding corporate rules (Art. 47).
	BindingRules
	// Derogation: a derogation for a specific situation (Art. 49).
	Derogation
)

var safeguardNames = []string{"none", "adequacy", "standard_clauses", "binding_rules", "derogation"}
var safeguardArticles = []string{"Art. 44", "Art. 45", "Art. 46(2)(c)", "Art. 47", "Art. 49"}

// String returns "none", "adequacy", "standard_clauses", "binding_rules"
// or "derogation".
func (s Safeguard) String() string { return enumString(safeguardNames, uint8(s), "Safeguard") }

// MarshalText implements encoding.TextMarshaler.
func (s Safeguard) MarshalText() ([]byte, error) {
	return enumMarshal(safeguardNames, uint8(s), "safeguard")
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
func (s *Safeguard) UnmarshalText(b []byte) error {
	v, err := enumParse(safeguardNames, b, "safeguard")
	*s = Safeguard(v)
	return err
}

// Citation returns the article the safeguard rests on; Art. 44 for
// NoSafeguard.
func (s Safeguard) Citation() contract.Citation {
	if int(s) >= len(safeguardArticles) {
		return contract.Citation{}
	}
	return gdpr(safeguardArticles[s])
}

// Recipient is a recipient or category of recipients of personal data.
type Recipient struct {
	// Kind is the kind of recipient.
	Kind RecipientKind `json:"kind"`
	// Name describes the recipient or category: "cloud and hosting
	// providers", "payment and invoicing systems".
	Name string `json:"name"`
	// DPA reports a data processing agreement (Art. 28(3)); required for
	// a processor.
	DPA bool `json:"dpa,omitempty"`
	// ThirdCountry reports that data may be transferred outside the
	// EU/EEA.
	ThirdCountry bool `json:"third_country,omitempty"`
	// Safeguard is the ground for such a transfer.
	Safeguard Safeguard `json:"safeguard,omitempty"`
}

// RetentionKind is how a retention period is counted.
type RetentionKind uint8

// The retention kinds.
const (
	// WhileNeeded: as long as necessary for the purpose, then erased; no
	// fixed period.
	WhileNeeded RetentionKind = iota + 1
	// FromCollection: a fixed period from the record's creation.
	FromCollection
	// FromYearEnd: a fixed period from the end of the financial year the
	// record belongs to, as bookkeeping material (bogføringsloven § 10: 5
	// years).
	FromYearEnd
	// UntilTermination: until the agreement ends (terms 18.3: deleted when
	// the agreement terminates).
	UntilTermination
)

var retentionKindNames = []string{"", "while_needed", "from_collection", "from_year_end", "until_termination"}

// String returns "while_needed", "from_collection", "from_year_end" or
// "until_termination".
func (k RetentionKind) String() string {
	return enumString(retentionKindNames, uint8(k), "RetentionKind")
}

// MarshalText implements encoding.TextMarshaler.
func (k RetentionKind) MarshalText() ([]byte, error) {
	return enumMarshal(retentionKindNames, uint8(k), "retention kind")
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
func (k *RetentionKind) UnmarshalText(b []byte) error {
	v, err := enumParse(retentionKindNames, b, "retention kind")
	*k = RetentionKind(v)
	return err
}

// Retention is how long an activity keeps its data.
type Retention struct {
	// Kind is how the period is counted.
	Kind RetentionKind `json:"kind"`
	// Period is the period for FromCollection and FromYearEnd: 5 years
	// for bookkeeping material.
	Period contract.Period `json:"period,omitzero"`
	// Law names the statute that requires keeping, for citations:
	// "bogføringsloven § 10". A retention with a Law is a legal duty to
	// keep that defers erasure (GDPR Art. 17(3)(b)).
	Law string `json:"law,omitempty"`
}

// String returns "from_year_end P5Y (bogføringsloven § 10)".
func (r Retention) String() string {
	s := r.Kind.String()
	if !r.Period.IsZero() {
		s += " " + r.Period.String()
	}
	if r.Law != "" {
		s += " (" + r.Law + ")"
	}
	return s
}

// Activity is one processing activity of a policy: a purpose on a legal
// basis over categories of data about kinds of subjects.
type Activity struct {
	// Name is a short human name: "Provision of the service".
	Name string `json:"name"`
	// Purpose is the data use; unique within a policy.
	Purpose DataUse `json:"purpose"`
	// Basis is the lawful basis (Art. 6(1)).
	Basis LegalBasis `json:"basis"`
	// Art9 is the condition for special categories (Art. 9(2)); required
	// when Categories holds one.
	Art9 Art9Condition `json:"art9,omitempty"`
	// Categories are the data categories processed.
	Categories []DataCategory `json:"categories"`
	// Subjects are the kinds of data subjects.
	Subjects []DataSubject `json:"subjects,omitempty"`
	// Sources are where the data comes from.
	Sources []Source `json:"sources,omitempty"`
	// Recipients are who the data is disclosed to.
	Recipients []Recipient `json:"recipients,omitempty"`
	// Retention is how long the data is kept.
	Retention Retention `json:"retention"`
	// OptOut reports that the subject can opt out at any time (an
	// unsubscribe link); required for marketing on consent or legitimate
	// interests (Art. 7(3), 21(2)-(3)).
	OptOut bool `json:"opt_out,omitempty"`
	// Unintelligible reports that the data is encrypted so that the
	// controller cannot read it (Open Products' backups, encrypted with
	// the user's password); a breach of it need not be told to the
	// subjects (Art. 34(3)(a)).
	Unintelligible bool `json:"unintelligible,omitempty"`
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

var cookiePromiseNames = []string{"unspecified", "first_party_only"}

// String returns "unspecified" or "first_party_only".
func (c CookiePromise) String() string {
	return enumString(cookiePromiseNames, uint8(c), "CookiePromise")
}

// MarshalText implements encoding.TextMarshaler.
func (c CookiePromise) MarshalText() ([]byte, error) {
	return enumMarshal(cookiePromiseNames, uint8(c), "cookie promise")
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
func (c *CookiePromise) UnmarshalText(b []byte) error {
	v, err := enumParse(cookiePromiseNames, b, "cookie promise")
	*c = CookiePromise(v)
	return err
}

// Policy is a privacy policy as data: who controls the data, the
// activities, the rights offered, the contact and the date it takes
// effect. The presets [OpenDIMS2025], [OpenDIMS2026] and [OpenProducts2018]
// model the seed documents; [Policy.Validate] finds inconsistencies.
type Policy struct {
	// Name names the service or organisation: "OpenDIMS".
	Name string `json:"name"`
	// Effective is the first day the version applies; it identifies the
	// version.
	Effective contract.Date `json:"effective"`
	// Controller is the organisation that issues the policy: the
	// controller, or the processor when Role is Processor. Name may be only
	// the service name when the policy names no legal entity (OpenDIMS
	// 2025).
	Controller contract.Party `json:"controller"`
	// Role is the role of the organisation that issues the policy.
	Role Role `json:"role"`
	// OnBehalfOf are the controllers a processor acts for (Art. 30(2)(a)).
	OnBehalfOf []contract.Party `json:"on_behalf_of,omitempty"`
	// Activities are the processing activities.
	Activities []Activity `json:"activities"`
	// Rights are the data-subject rights the policy states.
	Rights []RequestKind `json:"rights"`
	// Contact is where subjects exercise their rights: a role address
	// such as "support@opendims.com", not a person's.
	Contact string `json:"contact"`
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
	HostingCountry string `json:"hosting_country,omitempty"`
	// MinimumAge is the age below which the service knowingly collects
	// no data (Open Products: 13); 0 when not stated.
	MinimumAge int `json:"minimum_age,omitempty"`
	// Counter is the controller's legal time: the convention and holiday
	// calendar its deadlines are counted with, such as the month to answer a
	// data-subject request ([ReceiveRequest], GDPR Art. 12(3)). The zero
	// Counter is Reg. 1182/71 over Danish public holidays; the OpenDIMS
	// presets set that explicitly and Open Products, a Swedish controller,
	// counts over [contract.SwedishHolidays].
	Counter contract.Counter `json:"counter,omitzero"`
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

// Validate checks p against taxonomy t and reports every problem at once
// in a [*ValidationError] with field paths, such as:
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
//   - "rights": rights_not_stated with the missing rights (Art. 13(2)(b)).
func (p Policy) Validate(t Taxonomy) error {
	var ps []Problem
	add := func(field, rule, param string) { ps = append(ps, Problem{field, rule, param}) }
	if p.Name == "" {
		add("name", "required", "")
	}
	if p.Effective.IsZero() {
		add("effective", "required", "")
	}
	if p.Controller.Name == "" {
		add("controller.name", "required", "")
	}
	if p.Role != Controller && p.Role != Processor {
		add("role", "oneof", "controller processor")
	}
	if p.Role == Processor && len(p.OnBehalfOf) == 0 {
		add("on_behalf_of", "required_for_processor", "GDPR Art. 30(2)(a)")
	}
	if p.Contact == "" {
		add("contact", "required", "GDPR Art. 13(1)(a)")
	}
	if len(p.Activities) == 0 {
		add("activities", "required", "")
	}
	seen := map[DataUse]int{}
	for i, a := range p.Activities {
		path := fmt.Sprintf("activities[%d]", i)
		if a.Name == "" {
			add(path+".name", "required", "")
		}
		switch {
		case !a.Purpose.Valid():
			add(path+".purpose", "taxonomy_key", "")
		case !t.HasUse(a.Purpose):
			add(path+".purpose", "unknown_data_use", string(a.Purpose))
		}
		if j, dup := seen[a.Purpose]; dup {
			add(path+".purpose", "duplicate_purpose", fmt.Sprintf("activities[%d]", j))
		} else {
			seen[a.Purpose] = i
		}
		if !a.Basis.Valid() {
			add(path+".basis", "required", "GDPR Art. 6(1)")
		}
		if len(a.Categories) == 0 {
			add(path+".categories", "required", "")
		}
		special := NotSpecial
		for j, c := range a.Categories {
			cp := fmt.Sprintf("%s.categories[%d]", path, j)
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
				add(fmt.Sprintf("%s.subjects[%d]", path, j), "unknown_data_subject", string(s))
			}
		}
		for j, s := range a.Sources {
			if s < Direct || s > Partners {
				add(fmt.Sprintf("%s.sources[%d]", path, j), "oneof", strings.Join(sourceNames[1:], " "))
			}
		}
		for j, r := range a.Recipients {
			rp := fmt.Sprintf("%s.recipients[%d]", path, j)
			if r.Kind < Internal || r.Kind > Successor {
				add(rp+".kind", "oneof", strings.Join(recipientKindNames[1:], " "))
			}
			if r.Name == "" {
				add(rp+".name", "required", "")
			}
			if r.Kind == ProcessorRecipient && !r.DPA {
				add(rp+".dpa", "processor_without_dpa", "GDPR Art. 28(3)")
			}
			if r.ThirdCountry && r.Safeguard == NoSafeguard {
				add(rp+".safeguard", "transfer_without_safeguard", "GDPR Art. 44")
			}
		}
		if a.Purpose.Under(UseMarketing) && (a.Basis == Consent || a.Basis == LegitimateInterests) && !a.OptOut {
			add(path+".opt_out", "marketing_without_opt_out", "GDPR Art. 21(3)")
		}
		switch a.Retention.Kind {
		case WhileNeeded, UntilTermination:
		case FromCollection, FromYearEnd:
			if a.Retention.Period.IsZero() || a.Retention.Period.IsNegative() {
				add(path+".retention.period", "required", "")
			}
		default:
			add(path+".retention.kind", "oneof", strings.Join(retentionKindNames[1:], " "))
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
	return problemsError("policy", ps)
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
