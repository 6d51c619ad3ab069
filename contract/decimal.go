package contract

import (
	"bytes"
	"fmt"

	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
)

// Decimal is an exact decimal number -- a rate, a factor, a quantity, a
// bound -- that pimkit reads with its one bounded parser: text over
// [MaxDecimalText] characters or beyond ±10^18 is refused before any
// arithmetic, so a megabyte of digits is an error, not seconds of work and
// gigabytes of memory, and whatever is read can be written and read again.
// Compute with the [decimal.Decimal] that [Decimal.Decimal] returns.
//
// JSON and text forms are the decimal's plain text in quotes, "0.25", as
// [decimal.Decimal] writes them; a JSON number (0.25) is read too. go-cmp
// compares Decimals with [Decimal.Equal], so 0.25 equals 0.250. The zero
// Decimal is 0.
type Decimal struct {
	d decimal.Decimal
}

// Dec returns d as a [Decimal].
func Dec(d decimal.Decimal) Decimal { return Decimal{d: d} }

// Decimal returns the number.
func (d Decimal) Decimal() decimal.Decimal { return d.d }

// Equal reports whether d and e are numerically equal: 0.25 equals 0.250.
func (d Decimal) Equal(e Decimal) bool { return d.d.Equal(e.d) }

// IsZero reports whether d is 0.
func (d Decimal) IsZero() bool { return d.d.IsZero() }

// String returns the plain decimal text: "0.25".
func (d Decimal) String() string { return d.d.String() }

// MarshalText writes the plain decimal text; a number that
// [Decimal.UnmarshalText] could not read back (see [Decimal.CheckLimits])
// is an error wrapping [ErrInvalidInput].
func (d Decimal) MarshalText() ([]byte, error) {
	if err := d.CheckLimits(); err != nil {
		return nil, err
	}
	return []byte(d.d.String()), nil
}

// CheckLimits reports whether d can be stored and read again: nil when its
// text is within ±10^18 and at most [MaxDecimalText] characters, otherwise
// an error wrapping [ErrInvalidInput] that does not quote the number.
// Arithmetic does not check; check a value where it enters one that is
// stored. contract.Dec(x).CheckLimits() checks a [decimal.Decimal].
func (d Decimal) CheckLimits() error {
	if !money.InLimits(d.d, 0) {
		return fmt.Errorf("%w: number beyond ±10^18 or longer than %d characters", ErrInvalidInput, MaxDecimalText)
	}
	return nil
}

// ParseDec reads a plain decimal ("0.25", "-3", "1000") with the bounded
// parser: at most [MaxDecimalText] characters, no exponent, no grouping,
// within ±10^18. Errors wrap [ErrInvalidInput] and do not quote the text.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func ParseDec(s string) (Decimal, error) {
	d, err := parseDecimal(s)
	if err != nil {
		return Decimal{}, err
	}
	return Decimal{d: d}, nil
}

// MustDec is [ParseDec] for package-level values, tests and examples; it
// panics on invalid text, which is a programming error there.
func MustDec(s string) Decimal {
	d, err := ParseDec(s)
	if err != nil {
		panic(err)
	}
	return d
}

// UnmarshalJSON reads a decimal in quotes ("0.25") or as a JSON number
// (0.25) with the bounded parser; null leaves d unchanged. It allocates at
// most 16 bytes per input byte plus 64 KiB: input over [MaxDecimalText]+2
// bytes is refused before it is read.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	if len(b) > MaxDecimalText+2 {
		return errInvalid("number", "a plain decimal of at most 100 characters")
	}
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		b = b[1 : len(b)-1]
	}
	return d.UnmarshalText(b)
}

// UnmarshalText reads a plain decimal with the bounded parser; it
// allocates at most 16 bytes per input byte plus 64 KiB.
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := money.ParseDecimal(string(b))
	if err != nil {
		return fmt.Errorf("%w: number is not a plain decimal of at most %d characters within ±10^18", ErrInvalidInput, MaxDecimalText)
	}
	d.d = v
	return nil
}
