package privacy

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
)

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

var recipientKindNames = enum.Names{"", "internal", "processor", "authority", "third_party", "successor"}

// String returns "internal", "processor", "authority", "third_party" or
// "successor".
func (k RecipientKind) String() string {
	return enum.String(recipientKindNames, k, "RecipientKind")
}

// MarshalText implements encoding.TextMarshaler.
func (k RecipientKind) MarshalText() ([]byte, error) {
	return enum.Marshal(recipientKindNames, k, "recipient kind", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (k *RecipientKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(recipientKindNames, b, k, "recipient kind", ErrUnknownValue)
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

var safeguardNames = enum.Names{"none", "adequacy", "standard_clauses", "binding_rules", "derogation"}
var safeguardArticles = []string{"Art. 44", "Art. 45", "Art. 46(2)(c)", "Art. 47", "Art. 49"}

// String returns "none", "adequacy", "standard_clauses", "binding_rules"
// or "derogation".
func (s Safeguard) String() string { return enum.String(safeguardNames, s, "Safeguard") }

// MarshalText implements encoding.TextMarshaler.
func (s Safeguard) MarshalText() ([]byte, error) {
	return enum.Marshal(safeguardNames, s, "safeguard", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (s *Safeguard) UnmarshalText(b []byte) error {
	return enum.Unmarshal(safeguardNames, b, s, "safeguard", ErrUnknownValue)
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
	Kind RecipientKind `json:"kind" validate:"required"`
	// Name describes the recipient or category: "cloud and hosting
	// providers", "payment and invoicing systems".
	Name string `json:"name" validate:"required"`
	// DPA reports a data processing agreement (Art. 28(3)); required for
	// a processor.
	DPA bool `json:"dpa,omitempty"`
	// ThirdCountry reports that data may be transferred outside the
	// EU/EEA.
	ThirdCountry bool `json:"third_country,omitempty"`
	// Safeguard is the ground for such a transfer.
	Safeguard Safeguard `json:"safeguard,omitempty"`
}
