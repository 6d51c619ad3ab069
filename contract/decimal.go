package contract

import (
	"bytes"
	"fmt"

	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
)

// Decimal is an exact decimal number -- a rate, a factor, a quantity, a
// bound -- that pimkit reads with its one bounded parser. It embeds a
// [decimal.Decimal], so every method of that type works on it
// (d.Mul(x), d.Cmp(y), d.String()), and adds reading that refuses text
// over [MaxDecimalText] characters or beyond ±10^18 before any
// arithmetic: a megabyte of digits is an error, not seconds of work and
// gigabytes of memory.
//
// JSON and text forms are the decimal's plain text in quotes, "0.25", as
// [decimal.Decimal] writes them; a JSON number (0.25) is read too. go-cmp
// compares two Decimals by their embedded decimal's Equal method, so 0.25
// equals 0.250.
type Decimal struct {
	decimal.Decimal
}

// Dec returns d as a [Decimal].
func Dec(d decimal.Decimal) Decimal { return Decimal{Decimal: d} }

// ParseDec reads a plain decimal ("0.25", "-3", "1000") with the bounded
// parser: at most [MaxDecimalText] characters, no exponent, no grouping,
// within ±10^18. Errors wrap [ErrInvalidInput] and do not quote the text.
func ParseDec(s string) (Decimal, error) {
	d, err := parseDecimal(s)
	if err != nil {
		return Decimal{}, err
	}
	return Decimal{Decimal: d}, nil
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
// (0.25) with the bounded parser; null leaves d unchanged.
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

// UnmarshalText reads a plain decimal with the bounded parser.
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := money.ParseDecimal(string(b))
	if err != nil {
		return fmt.Errorf("%w: number is not a plain decimal of at most %d characters within ±10^18", ErrInvalidInput, MaxDecimalText)
	}
	d.Decimal = v
	return nil
}
