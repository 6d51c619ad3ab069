package catalog

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors, matchable with [errors.Is]. Every error this package
// returns wraps exactly one of them.
var (
	// ErrInvalid is wrapped by a [*ValidationError]: a record, batch,
	// schema or feed broke one or more rules.
	ErrInvalid = errors.New("catalog: invalid")
	// ErrCycle is returned when moving a category under itself or one of
	// its descendants: moving "shoes" under "shoes/running" is refused.
	ErrCycle = errors.New("catalog: category cycle")
	// ErrNotFound is returned when a category, model or variant code is
	// not known.
	ErrNotFound = errors.New("catalog: not found")
	// ErrSyntax is returned for text that cannot be read: a malformed
	// number, identifier, JSON document or CSV header.
	ErrSyntax = errors.New("catalog: syntax error")
	// ErrEnum is wrapped by an [*EnumError] for unknown enum text.
	ErrEnum = errors.New("catalog: unknown enum text")
)

// EnumError reports enum text that names no value, e.g. Status
// "published". Text is cut to 40 bytes.
type EnumError struct {
	Type string // the Go type, e.g. "Status"
	Text string // the rejected text
}

// Error implements error.
func (e *EnumError) Error() string {
	return "catalog: unknown " + e.Type + " " + strconv.Quote(e.Text)
}

// Unwrap returns [ErrEnum].
func (e *EnumError) Unwrap() error { return ErrEnum }

// Problem is one broken rule, located by a field path such as
// "values.title[da-DK]", "values.price[ecommerce].EUR" or
// "variants[3].axes.size". Param is the rule's parameter as text ("255"
// for max_length, "2" for decimals, "ecommerce/da-DK" for a required value)
// or "" when the rule has none. Problems never carry the offending value, so
// they are safe to log.
type Problem struct {
	Path  string
	Rule  Rule
	Param string
}

// String renders "path: rule(param)", e.g. "values.title[da-DK]: max_length(255)".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Path)
	b.WriteString(": ")
	b.WriteString(p.Rule.String())
	if p.Param != "" {
		b.WriteByte('(')
		b.WriteString(p.Param)
		b.WriteByte(')')
	}
	return b.String()
}

// ValidationError carries every problem found at once, in a deterministic
// order: record properties, then each value's problems in the order of the
// record's values, then missing required values in schema order (fields,
// then channels, then locales).
// It unwraps to [ErrInvalid].
type ValidationError struct {
	Problems []Problem
}

// Error implements error: "catalog: invalid: 2 problems: a: required; b: gtin".
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("catalog: invalid: ")
	if len(e.Problems) == 1 {
		b.WriteString("1 problem: ")
	} else {
		b.WriteString(strconv.Itoa(len(e.Problems)))
		b.WriteString(" problems: ")
	}
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		if i == 10 {
			b.WriteString("...")
			break
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns [ErrInvalid].
func (e *ValidationError) Unwrap() error { return ErrInvalid }

// problemsError returns nil for no problems and a *ValidationError otherwise.
func problemsError(ps []Problem) error {
	if len(ps) == 0 {
		return nil
	}
	return &ValidationError{Problems: ps}
}

// Rule names a validation rule. Its text form is the snake_case name
// used in [Problem.String], e.g. RuleMaxLength is "max_length".
type Rule uint8

// Rules, in the order of the field-type rules of issue 4 (catalog).
const (
	ruleInvalid        Rule = iota
	RuleRequired            // a value is required for a channel and locale
	RuleType                // the value's kind does not match the field type
	RuleUnknownField        // no field with this code in the schema
	RuleLocale              // localizable value without, or with an unknown, locale; or locale on a non-localizable field
	RuleChannel             // scopable value without, or with an unknown, channel; or channel on a non-scopable field
	RuleDuplicateValue      // two values for the same field, locale and channel
	RuleMaxLength           // text longer than the limit, in characters
	RuleMin                 // number, measurement, price or date below the minimum
	RuleMax                 // number, measurement, price or date above the maximum
	RuleDecimals            // more decimal places than allowed
	RuleNegative            // negative number where not allowed
	RuleOption              // option code not among the field's options
	RuleUnit                // measurement unit not in the field's unit family
	RuleCurrency            // price currency not used by the record's channels, or repeated
	RuleExtension           // asset file extension not allowed
	RuleMaxSize             // asset larger than allowed, in bytes
	RuleMaxItems            // more items than allowed (options, assets)
	RuleGTIN                // GTIN with a bad length, a non-digit or a wrong check digit
	RuleIdentifier          // SKU or identifier empty, too long or with forbidden characters
	RuleDuplicate           // a unique value (SKU, GTIN) used twice in a batch
	RuleAxisMissing         // a variant lacks a value for one of its axes
	RuleAxisCollision       // two siblings share the same axis combination
	RuleVariantUnique       // a unique field (SKU, GTIN) set on a model instead of a variant
	RuleParent              // a variant's parent is missing or at the wrong level
	RuleReference           // malformed reference to another record
	RuleCode                // code empty, too long, with forbidden characters
	RuleReserved            // code is a reserved word such as "sku"
	RuleFieldRule           // a field definition sets a rule its type does not have
	RuleAxis                // axis field not select, boolean or measurement, localizable or scopable, or too many axes
	RuleCategory            // category code unknown in the tree
	RuleStatus              // unknown status
	RuleQuantity            // order quantity not positive
	RuleVATRate             // VAT rate negative or 100 % or more
	RuleLength              // feed attribute longer than the feed allows
	RuleSyntax              // text cannot be read as the column's type
)

var ruleNames = enumText{
	"", "required", "type", "unknown_field", "locale", "channel", "duplicate_value",
	"max_length", "min", "max", "decimals", "negative", "option", "unit", "currency",
	"extension", "max_size", "max_items", "gtin", "identifier", "duplicate",
	"axis_missing", "axis_collision", "variant_unique", "parent", "reference",
	"code", "reserved", "field_rule", "axis", "category", "status", "quantity",
	"vat_rate", "length", "syntax",
}

// String returns the rule's text, e.g. "max_length".
func (r Rule) String() string { return ruleNames.name(uint8(r)) }

// MarshalText returns the rule's text; the zero Rule is an error.
func (r Rule) MarshalText() ([]byte, error) { return ruleNames.marshal("Rule", uint8(r)) }

// UnmarshalText reads a rule's text; unknown text such as "maxlen" is an
// [*EnumError].
func (r *Rule) UnmarshalText(b []byte) error {
	v, err := ruleNames.parse("Rule", b)
	if err != nil {
		return err
	}
	*r = Rule(v)
	return nil
}
