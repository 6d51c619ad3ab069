package privacy

import "github.com/pimkit/pimkit/internal/enum"

// Activity is one processing activity of a policy: a purpose on a legal
// basis over categories of data about kinds of subjects.
type Activity struct {
	// Name is a short human name: "Provision of the service".
	Name string `json:"name" validate:"required"`
	// Purpose is the data use; unique within a policy.
	Purpose DataUse `json:"purpose" validate:"required"`
	// Basis is the lawful basis (Art. 6(1)).
	Basis LegalBasis `json:"basis" validate:"required"`
	// Art9 is the condition for special categories (Art. 9(2)); required
	// when Categories holds one.
	Art9 Art9Condition `json:"art9,omitempty"`
	// Categories are the data categories processed.
	Categories []DataCategory `json:"categories" validate:"required,min=1"`
	// Subjects are the kinds of data subjects.
	Subjects []DataSubject `json:"subjects,omitempty"`
	// Sources are where the data comes from.
	Sources []Source `json:"sources,omitempty" validate:"dive,required"`
	// Recipients are who the data is disclosed to.
	Recipients []Recipient `json:"recipients,omitempty" validate:"dive"`
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
	// Interest is the legitimate interest pursued, stated for an activity
	// on legitimate interests (Art. 13(1)(d)): "security of the system".
	Interest string `json:"interest,omitempty"`
	// OnByDefault reports a service that runs until the subject switches
	// it off (Open Products' device connectivity and update checks): an
	// opt-out, recorded in the consent ledger with [OptOutEvent].
	OnByDefault bool `json:"on_by_default,omitempty"`
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

var sourceNames = enum.Names{"", "direct", "automatic", "partners"}

// String returns "direct", "automatic" or "partners".
func (s Source) String() string { return enum.String(sourceNames, s, "Source") }

// MarshalText implements encoding.TextMarshaler.
func (s Source) MarshalText() ([]byte, error) {
	return enum.Marshal(sourceNames, s, "source", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (s *Source) UnmarshalText(b []byte) error {
	return enum.Unmarshal(sourceNames, b, s, "source", ErrUnknownValue)
}
