package privacy

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
)

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

var retentionKindNames = enum.Names{"", "while_needed", "from_collection", "from_year_end", "until_termination"}

// String returns "while_needed", "from_collection", "from_year_end" or
// "until_termination".
func (k RetentionKind) String() string {
	return enum.String(retentionKindNames, k, "RetentionKind")
}

// MarshalText implements encoding.TextMarshaler.
func (k RetentionKind) MarshalText() ([]byte, error) {
	return enum.Marshal(retentionKindNames, k, "retention kind", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (k *RetentionKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(retentionKindNames, b, k, "retention kind", ErrUnknownValue)
}

// Retention is how long an activity keeps its data.
type Retention struct {
	// Kind is how the period is counted.
	Kind RetentionKind `json:"kind" validate:"required"`
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
