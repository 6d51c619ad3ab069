package billing

import (
	"encoding"
	"errors"
	"testing"
)

type textEnum interface {
	encoding.TextMarshaler
	String() string
}

// TestEnumsRejectUnknown checks that every enum marshals its named values
// as snake_case text,
// refuses to marshal the zero or an unknown value (where zero is invalid)
// and rejects unknown text.
func TestEnumsRejectUnknown(t *testing.T) {
	tests := []struct {
		name    string
		valid   textEnum
		text    string
		invalid textEnum
	}{
		{"CustomerKind", Consumer, "consumer", CustomerKind(0)},
		{"DayCount zero is thirty_360", DayCount(0), "thirty_360", DayCount(9)},
		{"Basis", Statutory, "statutory", Basis(0)},
		{"VATTreatment", ReverseCharge, "reverse_charge", VATTreatment(0)},
		{"PlanKind", CreditBased, "credits", PlanKind(0)},
		{"Cycle", Annual, "annual", Cycle(0)},
		{"EventKind", UpgradeSuggested, "upgrade_suggested", EventKind(0)},
		{"EntryKind", Transfer, "transfer", EntryKind(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.valid.MarshalText()
			if err != nil || string(b) != tt.text || tt.valid.String() != tt.text {
				t.Errorf("MarshalText() = %q, %v, String() = %q; want %q", b, err, tt.valid.String(), tt.text)
			}
			if _, err := tt.invalid.MarshalText(); !errors.Is(err, ErrSyntax) {
				t.Errorf("MarshalText(%s) error = %v, want ErrSyntax", tt.invalid, err)
			}
		})
	}
	var v VATTreatment
	for _, text := range []string{"zero-rated", "reverse-charge"} { // kebab-case is not read
		if err := v.UnmarshalText([]byte(text)); !errors.Is(err, ErrSyntax) || v != 0 {
			t.Errorf("UnmarshalText(%s) = %v, %v; want ErrSyntax and no change", text, v, err)
		}
	}
}
