package catalog

import (
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/language"
)

// DataType names a kind of record. OpenDIMS ships Product, Category and
// Order (its help pages); hosts define their own with any
// code that passes the code rule, e.g. "supplier".
type DataType string

// The standard data types.
const (
	TypeProduct  DataType = "product"
	TypeCategory DataType = "category"
	TypeOrder    DataType = "order"
)

// FieldType is the type of a field in the form designer. The zero
// FieldType is invalid: a Field must choose one.
type FieldType uint8

// Field types.
const (
	fieldInvalid FieldType = iota
	Identifier             // unique code-like text: no spaces at the ends, no commas, semicolons or line breaks; max 255
	TextField              // one line of text, max 255 characters unless MaxLength says otherwise
	Textarea               // long text, max 65,535 characters unless MaxLength says otherwise
	NumberField            // a number: Min, Max, Decimals, NegativeAllowed
	Measurement            // an amount with a unit of Units, converted by factor and offset
	PriceField             // an amount per currency: Min, Max, Decimals, NegativeAllowed, PriceBasis
	Boolean                // yes or no
	DateField              // a calendar date: MinDate, MaxDate
	SimpleSelect           // one of Options
	MultiSelect            // any number of Options, at most MaxItems
	Image                  // one or more image assets: Extensions, MaxSize, MaxItems
	File                   // one or more file assets: Extensions, MaxSize, MaxItems
	Reference              // the identifier of another record of data type RefType
	GTIN                   // a GS1 GTIN-8, -12, -13 or -14 with a correct check digit
)

// PriceBasis says whether a price field's amounts include VAT. OpenDIMS
// lets the user choose (its help pages). The zero PriceBasis
// is ExclVAT, the basis of the OpenDIMS terms (terms 12.1: prices excl.
// VAT).
type PriceBasis uint8

// Price bases.
const (
	ExclVAT PriceBasis = iota // amounts are net
	InclVAT                   // amounts are gross
)

// Label is a text in one language, e.g. {da, "Titel"}. A label with the
// zero Lang is the fallback for every language.
type Label struct {
	Lang contract.Locale `json:"lang,omitzero"`
	Text string          `json:"text"`
}

// Labels is a list of labels, at most one per language.
type Labels []Label

// In returns the label for lang, falling back to the label of lang's
// parent ("da" for "da-DK") and then to ok false: with labels for "da"
// and "en", In(da-DK) gives the "da" label.
func (ls Labels) In(lang contract.Locale) (text string, ok bool) {
	for t := lang.Tag(); ; t = t.Parent() {
		for _, l := range ls {
			if l.Lang.Tag() == t {
				return l.Text, true
			}
		}
		if t.IsRoot() {
			return "", false
		}
	}
}

// SelectOption is one choice of a select field: a code (the stored value)
// and its labels.
type SelectOption struct {
	Code   string `json:"code" validate:"required,max=100"`
	Labels Labels `json:"labels,omitzero"`
}

// Field is one field definition of the form designer.
//
// Required lists the channels for which a value is required; a localizable
// field is then required in every locale of those channels. Localizable
// fields hold a value per locale, scopable fields a value per channel.
// Unique fields (Identifier, GTIN, TextField) must not repeat within a batch
// and, for variants, live on the variant, never on the model.
//
// Type-specific rules follow. A rule set on a type that does not have it
// is refused by [Schema.Compile] with rule field_rule, so Decimals set on a
// TextField is caught rather than silently ignored:
//
//   - MaxLength: Identifier, TextField, Textarea, Reference (0 = 255, or
//     65,535 for Textarea).
//   - Min, Max: NumberField, Measurement, PriceField (nil = unbounded).
//   - Decimals: NumberField and Measurement (0 = whole numbers only);
//     PriceField (0 = the currency's minor unit: 2 for DKK, 0 for JPY).
//     Trailing zeros do not count: 18.50 has one decimal.
//   - Measurements: Decimals, Min and Max all apply to the amount in the
//     field's unit (DefaultUnit, else the family's standard unit), the
//     entered amount converted exactly: on a field in CENTIMETER with
//     Decimals 1 and Max 100, 0.81 METER is 81 and passes, 0.8105 METER
//     is 81.05 and fails decimals(1), 1.2 METER is 120 and fails max(100).
//     A conversion with no finite decimal form (1 FAHRENHEIT in a KELVIN
//     field) has more decimals than any limit; enter such values in the
//     field's unit. The sign is the entered amount's: NegativeAllowed
//     false refuses -5 CELSIUS even in a KELVIN field.
//   - NegativeAllowed: NumberField, Measurement, PriceField.
//   - MinDate, MaxDate: DateField (zero = unbounded; compared by date).
//   - Options: SimpleSelect, MultiSelect.
//   - MaxItems: MultiSelect, Image, File (0 = no limit).
//   - Extensions, MaxSize: Image, File (lower-case without dot, "jpg";
//     MaxSize in bytes, 0 = no limit).
//   - Units, DefaultUnit: Measurement.
//   - RefType: Reference.
//   - PriceBasis: PriceField.
type Field struct {
	Code        string    `json:"code" validate:"required,max=100"`
	Type        FieldType `json:"type" validate:"required"`
	Labels      Labels    `json:"labels,omitzero"`
	Required    []string  `json:"required,omitzero"`
	Localizable bool      `json:"localizable,omitzero"`
	Scopable    bool      `json:"scopable,omitzero"`
	Unique      bool      `json:"unique,omitzero"`

	MaxLength int `json:"max_length,omitzero" validate:"gte=0"`
	// Min and Max are nil when unbounded: new(contract.MustDec("0")).
	// omitempty, not omitzero, so that a bound of 0 is still written.
	Min             *contract.Decimal `json:"min,omitempty"`
	Max             *contract.Decimal `json:"max,omitempty"`
	Decimals        int               `json:"decimals,omitzero" validate:"gte=0"`
	NegativeAllowed bool              `json:"negative_allowed,omitzero"`
	MinDate         contract.Date     `json:"min_date,omitzero"`
	MaxDate         contract.Date     `json:"max_date,omitzero"`
	Options         []SelectOption    `json:"options,omitzero" validate:"dive"`
	MaxItems        int               `json:"max_items,omitzero" validate:"gte=0"`
	Extensions      []string          `json:"extensions,omitzero"`
	MaxSize         int64             `json:"max_size,omitzero" validate:"gte=0"`
	Units           UnitFamily        `json:"units,omitzero"`
	DefaultUnit     string            `json:"default_unit,omitzero"`
	RefType         DataType          `json:"ref_type,omitzero"`
	PriceBasis      PriceBasis        `json:"price_basis,omitzero"`
}

// Schema is the list of fields of one data type, as built in the form
// designer. Field order is display order and the order of every output
// (problems, CSV columns, JSON values). A Schema is a plain value; compile
// it with [Schema.Compile] before use.
//
// Its JSON is read by encoding/json, its decimals by the bounded parser.
// Reading it ([Schema.UnmarshalJSON]) allocates at most 16 bytes per
// input byte plus 64 KiB: a schema dense enough in fields to cost more,
// such as a million empty fields ({},), is refused.
type Schema struct {
	Type   DataType `json:"type" validate:"required,max=100"`
	Fields []Field  `json:"fields" validate:"dive"`
}

// Field returns the field with code; ok is false when there is none.
func (s Schema) Field(code string) (f Field, ok bool) {
	for _, f := range s.Fields {
		if f.Code == code {
			return f, true
		}
	}
	return Field{}, false
}

// Add returns a copy of s with the fields appended, the form designer's
// "add field". Codes are immutable once added: Add refuses a code already
// in s (rule duplicate), a reserved word such as "sku" (rule reserved), an
// empty code (rule required), one over 100 characters (rule max) or one
// with other characters than ASCII letters, digits and '_' (rule code),
// with every problem at once. s is unchanged.
func (s Schema) Add(fields ...Field) (Schema, error) {
	var ps problems
	have := make(map[string]bool, len(s.Fields)+len(fields))
	for _, f := range s.Fields {
		have[f.Code] = true
	}
	for i, f := range fields {
		path := "fields[" + strconv.Itoa(len(s.Fields)+i) + "].code"
		if !checkCode(&ps, path, f.Code, false, true) {
			continue
		}
		if have[f.Code] {
			ps.Add(path, RuleDuplicate, f.Code)
		}
		have[f.Code] = true
	}
	if err := ps.Err("add fields", ErrInvalid); err != nil {
		return s, err
	}
	out := s
	out.Fields = append(slices.Clone(s.Fields), fields...)
	return out, nil
}

// Remove returns a copy of s without the field code; ok is false when s
// has no such field. Values stored for a removed field become unknown
// fields to the new schema.
func (s Schema) Remove(code string) (out Schema, ok bool) {
	i := slices.IndexFunc(s.Fields, func(f Field) bool { return f.Code == code })
	if i < 0 {
		return s, false
	}
	out = s
	out.Fields = slices.Delete(slices.Clone(s.Fields), i, i+1)
	return out, true
}

// reservedCodes are the words a field code may not take because the record
// or the exchange formats use them (Akeneo reserves the same words).
var reservedCodes = []string{
	"associations", "categories", "category", "channel", "code", "completeness",
	"enabled", "family", "groups", "id", "identifier", "label", "locale",
	"parent", "scope", "sku", "status", "type", "values", "variants", "version",
}

// IsReserved reports whether code is reserved and cannot name a field:
// "sku", "categories", "values", "parent", "status" and "version" are
// among them. The check ignores case: "SKU" is reserved too.
func IsReserved(code string) bool {
	for _, r := range reservedCodes {
		if len(r) == len(code) && equalFoldASCII(r, code) {
			return true
		}
	}
	return false
}

func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

const maxCodeLen = 100

// validCode reports whether s is 1-100 characters of ASCII letters, digits
// and underscores.
func validCode(s string) bool {
	if s == "" || len(s) > maxCodeLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// codePattern is the Param of rule code: what a code may hold.
const codePattern = "[A-Za-z0-9_]{1,100}"

// checkCode adds the problem of a malformed or, when reserved is set, a
// reserved code at path and reports whether there was none. An empty code
// is rule required, one over 100 characters rule max (the rules the
// `validate:"required,max=100"` tag of every code field reports), other
// characters than ASCII letters, digits and '_' rule code, and a reserved
// word rule reserved. With tagged set the first two are left to the tags.
func checkCode(ps *problems, path, code string, tagged, reserved bool) bool {
	switch {
	case code == "":
		if !tagged {
			ps.Add(path, RuleRequired, "")
		}
		return false
	case utf8.RuneCountInString(code) > maxCodeLen:
		if !tagged {
			ps.Add(path, "max", strconv.Itoa(maxCodeLen))
		}
		return false
	case !validCode(code):
		ps.Add(path, RuleCode, codePattern)
		return false
	case reserved && IsReserved(code):
		ps.Add(path, RuleReserved, code)
		return false
	}
	return true
}

// Channel is a publication target (a webshop, a marketplace, print): its
// locales (at least one), its currencies and the root of its category
// tree. Code follows the code rule ("ecommerce", "print_dk"). Its JSON is
// {"code":"ecommerce","locales":["da-DK","en-GB"],"currencies":["DKK","EUR"],"category_tree":"master"}.
type Channel struct {
	Code         string              `json:"code" validate:"required,max=100"`
	Locales      []contract.Locale   `json:"locales" validate:"min=1"`
	Currencies   []contract.Currency `json:"currencies"`
	CategoryTree string              `json:"category_tree,omitzero" validate:"max=100"`
}

// Standard field codes of [ProductSchema].
const (
	FieldTitle       = "title"
	FieldDescription = "description"
	FieldPrice       = "price"
	FieldImages      = "images"
)

var (
	english = contract.LocaleOf(language.English)
	danish  = contract.LocaleOf(language.Danish)
)

// ProductSchema returns the OpenDIMS product schema with its standard
// fields (its help pages): the part number is the record's ID
// (SKU) and not a field; title (localizable text), description
// (localizable textarea), price (per currency, stated on basis) and images
// (one or more). requiredIn lists the channels that require title, price
// and images. Add custom fields with [Schema.Add].
func ProductSchema(basis PriceBasis, requiredIn ...string) Schema {
	req := slices.Clone(requiredIn)
	return Schema{Type: TypeProduct, Fields: []Field{
		{Code: FieldTitle, Type: TextField, Localizable: true, Required: req,
			Labels: Labels{{english, "Title"}, {danish, "Titel"}}},
		{Code: FieldDescription, Type: Textarea, Localizable: true,
			Labels: Labels{{english, "Description"}, {danish, "Beskrivelse"}}},
		{Code: FieldPrice, Type: PriceField, PriceBasis: basis, Required: req,
			Labels: Labels{{english, "Price"}, {danish, "Pris"}}},
		{Code: FieldImages, Type: Image, Required: req, Extensions: []string{"jpg", "jpeg", "png", "webp", "gif"},
			Labels: Labels{{english, "Images"}, {danish, "Billeder"}}},
	}}
}
