package privacy

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
)

// LegalBasis is a lawful basis for processing under GDPR Art. 6(1). The
// zero LegalBasis is invalid: every activity must name its basis.
type LegalBasis uint8

// The lawful bases of Art. 6(1)(a)-(f).
const (
	// Consent is Art. 6(1)(a): the subject has given consent.
	Consent LegalBasis = iota + 1
	// Contract is Art. 6(1)(b): performance of a contract with the subject
	// or steps at their request before entering into one.
	Contract
	// LegalObligation is Art. 6(1)(c): a legal obligation of the
	// controller, such as keeping bookkeeping material.
	LegalObligation
	// VitalInterests is Art. 6(1)(d).
	VitalInterests
	// PublicTask is Art. 6(1)(e): a task in the public interest or in the
	// exercise of official authority.
	PublicTask
	// LegitimateInterests is Art. 6(1)(f): the controller's or a third
	// party's legitimate interests.
	LegitimateInterests
)

var basisNames = enum.Names{"", "consent", "contract", "legal_obligation", "vital_interests",
	"public_task", "legitimate_interests"}

var basisLetters = "?abcdef"

// String returns the basis's text form: "consent", "legitimate_interests".
func (b LegalBasis) String() string { return enum.String(basisNames, b, "LegalBasis") }

// MarshalText implements encoding.TextMarshaler.
func (b LegalBasis) MarshalText() ([]byte, error) {
	return enum.Marshal(basisNames, b, "legal basis", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text such as
// "contractual" is an error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (b *LegalBasis) UnmarshalText(t []byte) error {
	return enum.Unmarshal(basisNames, t, b, "legal basis", ErrUnknownValue)
}

// Valid reports whether b is one of the six bases.
func (b LegalBasis) Valid() bool { return b >= Consent && b <= LegitimateInterests }

// Citation returns the point of Art. 6(1): "GDPR Art. 6(1)(f)" for
// LegitimateInterests; zero for an invalid basis.
func (b LegalBasis) Citation() contract.Citation {
	if !b.Valid() {
		return contract.Citation{}
	}
	return contract.Cite(contract.SourceGDPR, "Art. 6(1)("+basisLetters[b:b+1]+")")
}

// Art9Condition is a condition of GDPR Art. 9(2) that lifts the ban on
// processing special categories. The zero value NoArt9Condition means
// none, which is an error for an activity that processes special data.
type Art9Condition uint8

// The conditions of Art. 9(2)(a)-(j).
const (
	// NoArt9Condition means no condition is claimed.
	NoArt9Condition Art9Condition = iota
	// ExplicitConsent is Art. 9(2)(a).
	ExplicitConsent
	// EmploymentLaw is Art. 9(2)(b): obligations in employment and social
	// security law.
	EmploymentLaw
	// VitalInterestsIncapable is Art. 9(2)(c): vital interests where the
	// subject cannot consent.
	VitalInterestsIncapable
	// NotForProfitBody is Art. 9(2)(d): members of a foundation,
	// association or other not-for-profit body.
	NotForProfitBody
	// MadePublic is Art. 9(2)(e): data manifestly made public by the
	// subject.
	MadePublic
	// LegalClaims is Art. 9(2)(f): legal claims or courts.
	LegalClaims
	// SubstantialPublicInterest is Art. 9(2)(g).
	SubstantialPublicInterest
	// HealthCare is Art. 9(2)(h): preventive or occupational medicine,
	// diagnosis, care.
	HealthCare
	// PublicHealth is Art. 9(2)(i).
	PublicHealth
	// ArchivingResearch is Art. 9(2)(j): archiving, research and
	// statistics.
	ArchivingResearch
)

var art9Names = enum.Names{"none", "explicit_consent", "employment_law", "vital_interests",
	"not_for_profit", "made_public", "legal_claims", "substantial_public_interest",
	"health_care", "public_health", "archiving_research"}

// String returns the condition's text form: "explicit_consent".
func (c Art9Condition) String() string {
	return enum.String(art9Names, c, "Art9Condition")
}

// MarshalText implements encoding.TextMarshaler.
func (c Art9Condition) MarshalText() ([]byte, error) {
	return enum.Marshal(art9Names, c, "art. 9 condition", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (c *Art9Condition) UnmarshalText(t []byte) error {
	return enum.Unmarshal(art9Names, t, c, "art. 9 condition", ErrUnknownValue)
}

// Citation returns the point of Art. 9(2): "GDPR Art. 9(2)(a)" for
// ExplicitConsent; zero for NoArt9Condition.
func (c Art9Condition) Citation() contract.Citation {
	if c == NoArt9Condition || c > ArchivingResearch {
		return contract.Citation{}
	}
	return contract.Cite(contract.SourceGDPR, "Art. 9(2)("+string(rune('a'+c-1))+")")
}
