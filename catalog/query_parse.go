package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/jsonbound"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
)

// MaxSearchBytes is the longest search text [ParseQuery] reads: 64 KiB,
// far more than a URL's query parameter carries.
const MaxSearchBytes = 64 << 10

// MaxFilters is the most filters a [Query] may hold.
const MaxFilters = 1000

// rawFilter is one filter of Akeneo's search JSON before typing.
type rawFilter struct {
	Operator *string         `json:"operator"`
	Value    json.RawMessage `json:"value"`
	Locale   *string         `json:"locale"`
	Scope    *string         `json:"scope"`
	Locales  []string        `json:"locales"`
}

// operand is the kind of value an operator takes on a property or field.
type operand uint8

const (
	noOperand operand = iota
	oneText
	textList
	numeric
	boolean
	instant
	instantPair
	days
	date
	datePair
)

var operandNames = [...]string{"no value", "string", "array of strings", "number", "boolean", "datetime", "array of two datetimes", "integer", "date", "array of two dates"}

// opTable lists the operators a property or field type allows and the
// operand each takes (Akeneo's filter reference, per property and per
// attribute type).
type opTable map[Operator]operand

var (
	opsIdentifier = opTable{OpStartsWith: oneText, OpContains: oneText, OpDoesNotContain: oneText, OpEqual: oneText,
		OpNotEqual: oneText, OpEmpty: noOperand, OpNotEmpty: noOperand, OpIn: textList, OpNotIn: textList}
	opsUUID       = opTable{OpIn: textList, OpNotIn: textList}
	opsCategories = opTable{OpIn: textList, OpNotIn: textList, OpInOrUnclassified: textList, OpInChildren: textList,
		OpNotInChildren: textList, OpUnclassified: noOperand}
	opsEnabled      = opTable{OpEqual: boolean, OpNotEqual: boolean}
	opsCompleteness = opTable{OpLess: days, OpLessOrEqual: days, OpEqual: days, OpNotEqual: days, OpGreater: days,
		OpGreaterOrEqual: days, OpGreaterOnAllLocales: days, OpGreaterOrEqualOnAll: days, OpLowerOnAllLocales: days,
		OpLowerOrEqualOnAll: days}
	opsCodes   = opTable{OpIn: textList, OpNotIn: textList, OpEmpty: noOperand, OpNotEmpty: noOperand}
	opsInstant = opTable{OpEqual: instant, OpNotEqual: instant, OpLess: instant, OpGreater: instant,
		OpBetween: instantPair, OpNotBetween: instantPair, OpSinceLastNDays: days}
	opsParent = opTable{OpEqual: oneText, OpIn: textList, OpEmpty: noOperand, OpNotEmpty: noOperand}
	opsNumber = opTable{OpLess: numeric, OpLessOrEqual: numeric, OpEqual: numeric, OpNotEqual: numeric,
		OpGreaterOrEqual: numeric, OpGreater: numeric, OpEmpty: noOperand, OpNotEmpty: noOperand}
	opsSelect = opTable{OpIn: textList, OpNotIn: textList, OpEmpty: noOperand, OpNotEmpty: noOperand}
	opsBool   = opTable{OpEqual: boolean, OpNotEqual: boolean, OpEmpty: noOperand, OpNotEmpty: noOperand}
	opsDate   = opTable{OpLess: date, OpEqual: date, OpNotEqual: date, OpGreater: date, OpBetween: datePair,
		OpNotBetween: datePair, OpEmpty: noOperand, OpNotEmpty: noOperand}
	opsAsset = opTable{OpStartsWith: oneText, OpContains: oneText, OpDoesNotContain: oneText, OpEqual: oneText,
		OpNotEqual: oneText, OpEmpty: noOperand, OpNotEmpty: noOperand}
)

// opsFor returns the operator table of a property or field type.
func opsFor(field string, f Field, isField bool) opTable {
	if !isField {
		switch field {
		case PropertyUUID:
			return opsUUID
		case PropertyIdentifier, "sku":
			return opsIdentifier
		case PropertyCategories:
			return opsCategories
		case PropertyEnabled:
			return opsEnabled
		case PropertyCompleteness:
			return opsCompleteness
		case PropertyFamily, PropertyGroups:
			return opsCodes
		case PropertyCreated, PropertyUpdated:
			return opsInstant
		case PropertyParent:
			return opsParent
		}
		return nil
	}
	switch f.Type {
	case Identifier, TextField, Textarea, Reference, GTIN:
		return opsIdentifier
	case NumberField, Measurement, PriceField:
		return opsNumber
	case SimpleSelect, MultiSelect:
		return opsSelect
	case Boolean:
		return opsBool
	case DateField:
		return opsDate
	case Image, File:
		return opsAsset
	}
	return nil
}

// ParseQuery reads Akeneo's search parameter, a JSON object from property
// or field code to a list of filters ({"operator": ..., "value": ...,
// "locale": ..., "scope": ..., "locales": [...]}), into a [Query] whose
// filters follow the document's order:
//
//	{"enabled":[{"operator":"=","value":true}],
//	 "completeness":[{"operator":">","value":70,"scope":"ecommerce"}],
//	 "name":[{"operator":"CONTAINS","value":"shirt","locale":"en_US"}]}
//
// Each filter is checked against c's schema and channels as
// [NewMatcher] does: an operator Akeneo does not allow on the property or
// field type (rule operator, Param the operator), a value of the wrong
// type (rule type, Param what was expected: "array of strings"), a
// missing value (rule required), an unknown field (rule unknown_field),
// a locale or scope missing on a localizable or scopable field or given
// on one that is not (rules locale, channel), an option code the field
// does not have (rule option). All problems come at once in a
// [*contract.ValidationError] with paths such as "family[0].operator" or
// "name[1].value". opts carries search_locale and search_scope and the
// zone of date-times. Text that is no JSON object, is longer than
// [MaxSearchBytes] or holds more than [MaxFilters] filters wraps
// [ErrSyntax]; decoding allocates at most 16 bytes per input byte plus
// 64 KiB.
//
// Measurement values may be given as {"amount": 2.5, "unit": "KILOGRAM"}
// and price values as {"amount": 10, "currency": "EUR"}; a plain numeric
// is in the field's standard unit, or any currency. Created and updated
// read "2016-07-04 10:00:00" in opts.Zone, or RFC 3339 with an offset.
func ParseQuery(c *Compiled, search []byte, opts SearchOptions) (Query, error) {
	if c == nil {
		return Query{}, errNotCreated
	}
	if len(search) > MaxSearchBytes {
		return Query{}, fmt.Errorf("%w: search longer than %d bytes", ErrSyntax, MaxSearchBytes)
	}
	if (jsonbound.Cost{Heavy: 160, Light: 100, Member: 140}).Dense(search) {
		return Query{}, fmt.Errorf("%w: search too dense", ErrSyntax)
	}
	loc, err := opts.Zone.Location()
	if err != nil {
		return Query{}, fmt.Errorf("%w: search zone", ErrSyntax)
	}
	dec := json.NewDecoder(bytes.NewReader(search))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return Query{}, fmt.Errorf("%w: search is not a JSON object", ErrSyntax)
	}
	var q Query
	var ps problems
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return Query{}, fmt.Errorf("%w: search is not a JSON object", ErrSyntax)
		}
		key, _ := t.(string)
		var raws []rawFilter
		if err := dec.Decode(&raws); err != nil {
			return Query{}, fmt.Errorf("%w: the filters of a search key are not a list of objects", ErrSyntax)
		}
		if len(q.Filters)+len(raws) > MaxFilters {
			return Query{}, fmt.Errorf("%w: more than %d filters", ErrSyntax, MaxFilters)
		}
		for i, raw := range raws {
			prefix := key + "[" + strconv.Itoa(i) + "]."
			f, ok := readFilter(c, key, raw, opts, loc, prefix, &ps)
			if ok {
				q.Filters = append(q.Filters, f)
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return Query{}, fmt.Errorf("%w: search is not a JSON object", ErrSyntax)
	}
	if dec.More() {
		return Query{}, fmt.Errorf("%w: text after the search object", ErrSyntax)
	}
	if err := ps.Err("parse query", ErrInvalid); err != nil {
		return Query{}, err
	}
	return q, nil
}

// readFilter types one raw filter. Problems it finds are added to ps;
// ok is false when the filter could not be read at all.
func readFilter(c *Compiled, key string, raw rawFilter, opts SearchOptions, loc *time.Location, prefix string, ps *problems) (Filter, bool) {
	f := Filter{Field: key}
	if key == "sku" {
		f.Field = PropertyIdentifier
	}
	fd, isField := c.schema.Field(key)
	if !isField && !isProperty(key) {
		ps.Add(prefix[:len(prefix)-1], RuleUnknownField, "")
		return f, false
	}
	if raw.Operator == nil {
		ps.Add(prefix+"operator", RuleRequired, "")
		return f, false
	}
	f.Operator = operatorOf(*raw.Operator)
	kind, allowed := opsFor(key, fd, isField)[f.Operator]
	if !allowed {
		ps.Add(prefix+"operator", RuleOperator, clip(*raw.Operator, 40))
		return f, false
	}
	if raw.Locale != nil && *raw.Locale != "" {
		l, err := contract.ParseLocale(*raw.Locale)
		if err != nil {
			ps.Add(prefix+"locale", RuleLocale, "")
		}
		f.Locale = l
	} else if isField && fd.Localizable {
		f.Locale = opts.Locale
	}
	if raw.Scope != nil && *raw.Scope != "" {
		f.Scope = *raw.Scope
	} else if (isField && fd.Scopable) || key == PropertyCompleteness {
		f.Scope = opts.Scope
	}
	for j, s := range raw.Locales {
		l, err := contract.ParseLocale(s)
		if err != nil {
			ps.Add(prefix+"locales["+strconv.Itoa(j)+"]", RuleLocale, "")
			continue
		}
		f.Locales = append(f.Locales, l)
	}
	readOperand(&f, kind, fd, raw.Value, loc, prefix+"value", ps)
	checkFilter(c, f, fd, isField, prefix, ps, false)
	return f, true
}

// clip returns s cut to at most n bytes, for an operator echoed in a
// problem.
func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// readOperand reads raw as the operand kind into f.
func readOperand(f *Filter, kind operand, fd Field, raw json.RawMessage, loc *time.Location, path string, ps *problems) {
	raw = bytes.TrimSpace(raw)
	if kind == noOperand {
		return
	}
	if len(raw) == 0 || string(raw) == "null" {
		ps.Add(path, RuleRequired, operandNames[kind])
		return
	}
	bad := func() { ps.Add(path, RuleType, operandNames[kind]) }
	switch kind {
	case oneText:
		var s string
		if json.Unmarshal(raw, &s) != nil {
			bad()
			return
		}
		f.Texts = []string{s}
	case textList:
		var ss []string
		if json.Unmarshal(raw, &ss) != nil {
			bad()
			return
		}
		if len(ss) == 0 {
			ps.Add(path, RuleRequired, operandNames[kind])
			return
		}
		f.Texts = ss
	case boolean:
		if json.Unmarshal(raw, &f.Bool) != nil {
			bad()
		}
	case days:
		var n json.Number
		if json.Unmarshal(raw, &n) != nil {
			bad()
			return
		}
		i, err := strconv.Atoi(string(n))
		if err != nil || i < 0 || i > 100000 {
			bad()
			return
		}
		f.Number = contract.Dec(decimal.NewFromInt(int64(i)))
	case numeric:
		readNumber(f, fd, raw, bad)
	case instant, instantPair:
		var ss []string
		if kind == instant {
			var s string
			if json.Unmarshal(raw, &s) != nil {
				bad()
				return
			}
			ss = []string{s}
		} else if json.Unmarshal(raw, &ss) != nil || len(ss) != 2 {
			bad()
			return
		}
		for _, s := range ss {
			t, err := parseInstant(s, loc)
			if err != nil {
				bad()
				return
			}
			f.Times = append(f.Times, t)
		}
	case date, datePair:
		var ss []string
		if kind == date {
			var s string
			if json.Unmarshal(raw, &s) != nil {
				bad()
				return
			}
			ss = []string{s}
		} else if json.Unmarshal(raw, &ss) != nil || len(ss) != 2 {
			bad()
			return
		}
		for _, s := range ss {
			if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
				s = s[:10] // an ISO 8601 date-time: its date
			}
			d, err := contract.ParseDate(s)
			if err != nil {
				bad()
				return
			}
			f.Dates = append(f.Dates, d)
		}
	}
}

// readNumber reads a number, a measurement {"amount","unit"} or a price
// {"amount","currency"}.
func readNumber(f *Filter, fd Field, raw json.RawMessage, bad func()) {
	var n json.Number
	if raw[0] == '{' && fd.Type != NumberField {
		var obj struct {
			Amount   json.Number `json:"amount"`
			Unit     string      `json:"unit"`
			Currency string      `json:"currency"`
		}
		if json.Unmarshal(raw, &obj) != nil {
			bad()
			return
		}
		n = obj.Amount
		f.Unit = obj.Unit
		if obj.Currency != "" {
			cur, err := contract.ParseCurrency(obj.Currency)
			if err != nil {
				bad()
				return
			}
			f.Currency = cur
		}
	} else if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			bad()
			return
		}
		n = json.Number(s)
	} else if json.Unmarshal(raw, &n) != nil {
		bad()
		return
	}
	d, err := money.ParseDecimal(string(n))
	if err != nil {
		bad()
		return
	}
	f.Number = contract.Dec(d)
}

// parseInstant reads Akeneo's "2016-07-04 10:00:00" in loc, or RFC 3339.
func parseInstant(s string, loc *time.Location) (time.Time, error) {
	if len(s) > 40 {
		return time.Time{}, ErrSyntax
	}
	if t, err := time.ParseInLocation("2006-01-02 15:04:05", s, loc); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}
