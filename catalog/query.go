package catalog

import (
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
)

// RuleOperator is the rule of a query filter whose operator is unknown or
// not allowed on its property or field type ("family[0].operator:
// operator(CONTAINS)").
const RuleOperator = "operator"

// Operator is a comparison of a query [Filter], one of the operators of
// Akeneo's search filters. Its text is snake_case ("not_in",
// "starts_with"); [Operator.Akeneo] gives Akeneo's spelling ("NOT IN",
// "STARTS WITH"). The zero Operator is invalid.
type Operator uint8

// Operators. The comment gives Akeneo's spelling.
const (
	operatorInvalid       Operator = iota
	OpEqual                        // =
	OpNotEqual                     // !=
	OpLess                         // <
	OpLessOrEqual                  // <=
	OpGreater                      // >
	OpGreaterOrEqual               // >=
	OpIn                           // IN
	OpNotIn                        // NOT IN
	OpInOrUnclassified             // IN OR UNCLASSIFIED
	OpInChildren                   // IN CHILDREN
	OpNotInChildren                // NOT IN CHILDREN
	OpUnclassified                 // UNCLASSIFIED
	OpEmpty                        // EMPTY
	OpNotEmpty                     // NOT EMPTY
	OpStartsWith                   // STARTS WITH
	OpContains                     // CONTAINS
	OpDoesNotContain               // DOES NOT CONTAIN
	OpBetween                      // BETWEEN
	OpNotBetween                   // NOT BETWEEN
	OpSinceLastNDays               // SINCE LAST N DAYS
	OpGreaterOnAllLocales          // GREATER THAN ON ALL LOCALES
	OpGreaterOrEqualOnAll          // GREATER OR EQUALS THAN ON ALL LOCALES
	OpLowerOnAllLocales            // LOWER THAN ON ALL LOCALES
	OpLowerOrEqualOnAll            // LOWER OR EQUALS THAN ON ALL LOCALES
)

var operatorNames = enum.Names{"", "equal", "not_equal", "less", "less_or_equal", "greater", "greater_or_equal",
	"in", "not_in", "in_or_unclassified", "in_children", "not_in_children", "unclassified", "empty", "not_empty",
	"starts_with", "contains", "does_not_contain", "between", "not_between", "since_last_n_days",
	"greater_on_all_locales", "greater_or_equal_on_all_locales", "lower_on_all_locales", "lower_or_equal_on_all_locales"}

var operatorAkeneo = [...]string{"", "=", "!=", "<", "<=", ">", ">=",
	"IN", "NOT IN", "IN OR UNCLASSIFIED", "IN CHILDREN", "NOT IN CHILDREN", "UNCLASSIFIED", "EMPTY", "NOT EMPTY",
	"STARTS WITH", "CONTAINS", "DOES NOT CONTAIN", "BETWEEN", "NOT BETWEEN", "SINCE LAST N DAYS",
	"GREATER THAN ON ALL LOCALES", "GREATER OR EQUALS THAN ON ALL LOCALES", "LOWER THAN ON ALL LOCALES", "LOWER OR EQUALS THAN ON ALL LOCALES"}

// String returns the operator's snake_case name, "not_in".
func (o Operator) String() string { return enum.String(operatorNames, o, "Operator") }

// MarshalText returns the snake_case name; the zero Operator is an error.
func (o Operator) MarshalText() ([]byte, error) {
	return enum.Marshal(operatorNames, o, "operator", ErrEnum)
}

// UnmarshalText reads a snake_case name such as "starts_with".
func (o *Operator) UnmarshalText(b []byte) error {
	return enum.Unmarshal(operatorNames, b, o, "operator", ErrEnum)
}

// Akeneo returns the operator as Akeneo's search filters spell it:
// OpNotIn is "NOT IN"; "" for the zero Operator.
func (o Operator) Akeneo() string {
	if int(o) >= len(operatorAkeneo) {
		return ""
	}
	return operatorAkeneo[o]
}

func operatorOf(akeneo string) Operator {
	for i, s := range operatorAkeneo {
		if i > 0 && s == akeneo {
			return Operator(i)
		}
	}
	return operatorInvalid
}

// The record properties a [Filter] can name instead of a field code, as
// Akeneo's product search names them. Each is a reserved word
// ([IsReserved]), so no field shares its code.
const (
	PropertyUUID         = "uuid"         // Record.UUID: IN, NOT IN
	PropertyIdentifier   = "identifier"   // Record.ID (the SKU), like an identifier attribute; "sku" is read as it
	PropertyCategories   = "categories"   // Record.Categories
	PropertyEnabled      = "enabled"      // Record.Status == StatusActive: =, !=
	PropertyCompleteness = "completeness" // the completeness percent on a channel (Scope)
	PropertyFamily       = "family"       // Record.Family: IN, NOT IN, EMPTY, NOT EMPTY
	PropertyGroups       = "groups"       // Record.Groups: IN, NOT IN, EMPTY, NOT EMPTY
	PropertyCreated      = "created"      // Record.Created
	PropertyUpdated      = "updated"      // Record.Updated
	PropertyParent       = "parent"       // Record.Parent and its ancestors
)

// Query is a product search: records match when they pass every filter.
// It is the typed form of Akeneo's search parameter, read by
// [ParseQuery], and a plain value a host can store, send as JSON or walk
// to build its own SQL: each [Filter] names a property or a field, an
// operator and typed operands.
//
// The zero Query has no filter and matches every record.
type Query struct {
	Filters []Filter `json:"filters"`
}

// Filter is one condition of a [Query]: Field is a record property
// (PropertyFamily, PropertyCompleteness, ...) or a field code of the
// schema; Operator compares; the operands that the operator takes are
// set, the others zero:
//
//   - Texts: strings and codes (IN lists of family, category, group,
//     option or identifier codes; the needle of CONTAINS, STARTS WITH, =
//     and != on text, identifier, image and file fields).
//   - Number: numbers, measurements (in Unit, or the field's standard
//     unit when Unit is ""), prices (in Currency, or any of the record's
//     currencies when Currency is zero), the completeness percent and the
//     days of SINCE LAST N DAYS.
//   - Bool: enabled and boolean fields.
//   - Times: created and updated, one instant (two for BETWEEN).
//   - Dates: date fields, one date (two for BETWEEN).
//
// Locale and Scope choose the value of a localizable or scopable field
// (Scope is the channel of PropertyCompleteness); Locales lists the
// locales of completeness operators ("ON ALL LOCALES" needs them).
type Filter struct {
	Field    string            `json:"field"`
	Operator Operator          `json:"operator"`
	Locale   contract.Locale   `json:"locale,omitzero"`
	Scope    string            `json:"scope,omitzero"`
	Locales  []contract.Locale `json:"locales,omitzero"`
	Texts    []string          `json:"texts,omitzero"`
	Number   contract.Decimal  `json:"number,omitzero"`
	Unit     string            `json:"unit,omitzero"`
	Currency contract.Currency `json:"currency,omitzero"`
	Bool     bool              `json:"bool,omitzero"`
	Times    []time.Time       `json:"times,omitzero"`
	Dates    []contract.Date   `json:"dates,omitzero"`
}

// IsProperty reports whether f filters on a record property (family,
// categories, completeness, ...) rather than on a field's value.
func (f Filter) IsProperty() bool { return isProperty(f.Field) }

func isProperty(code string) bool {
	switch code {
	case PropertyUUID, PropertyIdentifier, "sku", PropertyCategories, PropertyEnabled, PropertyCompleteness,
		PropertyFamily, PropertyGroups, PropertyCreated, PropertyUpdated, PropertyParent:
		return true
	}
	return false
}

// SearchOptions are the parameters that come with Akeneo's search:
// Locale and Scope (search_locale, search_scope) apply to every value
// filter that gives none; Zone is the time zone in which created and
// updated date-times without an offset ("2016-07-04 10:00:00") are read
// (the zero Zone is Copenhagen; Akeneo SaaS reads them in UTC, so a host
// mirroring it sets [contract.ZoneUTC]).
type SearchOptions struct {
	Locale contract.Locale `json:"locale,omitzero"`
	Scope  string          `json:"scope,omitzero"`
	Zone   contract.Zone   `json:"zone,omitzero"`
}

// QueryContext is what evaluating a [Query] needs besides the records:
// At is the instant SINCE LAST N DAYS counts back from (the library reads
// no clock); Tree resolves IN CHILDREN and NOT IN CHILDREN on categories;
// Models maps a sub-model's code to its parent model's code, so that
// parent = "apollon" also finds the variants of apollon's sub-models;
// Families, by code, make completeness filters count a record of one of
// them by its family's requirements ([Compiled.FamilyCompleteness]), as
// Akeneo does; other records count by the schema's ([Compiled.Completeness]).
type QueryContext struct {
	At       time.Time         `json:"at,omitzero"`
	Tree     Tree              `json:"tree,omitzero"`
	Models   map[string]string `json:"models,omitzero"`
	Families map[string]Family `json:"families,omitzero"`
}
