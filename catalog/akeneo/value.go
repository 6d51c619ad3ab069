package akeneo

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
)

// Akeneo's attribute types.
const (
	TypeIdentifier            = "pim_catalog_identifier"
	TypeText                  = "pim_catalog_text"
	TypeTextarea              = "pim_catalog_textarea"
	TypeNumber                = "pim_catalog_number"
	TypeMetric                = "pim_catalog_metric"
	TypePriceCollection       = "pim_catalog_price_collection"
	TypeBoolean               = "pim_catalog_boolean"
	TypeDate                  = "pim_catalog_date"
	TypeSimpleSelect          = "pim_catalog_simpleselect"
	TypeMultiSelect           = "pim_catalog_multiselect"
	TypeImage                 = "pim_catalog_image"
	TypeFile                  = "pim_catalog_file"
	TypeAssetCollection       = "pim_catalog_asset_collection"
	TypeReferenceSimpleSelect = "pim_reference_data_simpleselect"
	TypeReferenceMultiSelect  = "pim_reference_data_multiselect"
	TypeReferenceEntity       = "akeneo_reference_entity"
	TypeReferenceEntities     = "akeneo_reference_entity_collection"
	TypeAssetsCollection      = "pim_assets_collection" // the former asset collection (PAM)
	TypeTable                 = "pim_catalog_table"
	TypeProductLink           = "pim_catalog_product_link"
)

// fieldTypes maps each Akeneo attribute type to the catalog field type
// that holds its values; the package doc has the table.
var fieldTypes = map[string]catalog.FieldType{
	TypeIdentifier:            catalog.Identifier,
	TypeText:                  catalog.TextField,
	TypeTextarea:              catalog.Textarea,
	TypeNumber:                catalog.NumberField,
	TypeMetric:                catalog.Measurement,
	TypePriceCollection:       catalog.PriceField,
	TypeBoolean:               catalog.Boolean,
	TypeDate:                  catalog.DateField,
	TypeSimpleSelect:          catalog.SimpleSelect,
	TypeMultiSelect:           catalog.MultiSelect,
	TypeImage:                 catalog.Image,
	TypeFile:                  catalog.File,
	TypeAssetCollection:       catalog.Image,
	TypeReferenceSimpleSelect: catalog.Reference,
	TypeReferenceMultiSelect:  catalog.MultiSelect,
	TypeReferenceEntity:       catalog.Reference,
	TypeReferenceEntities:     catalog.MultiSelect,
	TypeAssetsCollection:      catalog.Image,
}

// FieldType returns the catalog field type of an Akeneo attribute type:
// FieldType("pim_catalog_metric") is catalog.Measurement. ok is false for
// the types pimkit has no field for (pim_catalog_table,
// pim_catalog_product_link and any other).
func FieldType(akeneoType string) (t catalog.FieldType, ok bool) {
	t, ok = fieldTypes[akeneoType]
	return t, ok
}

// Attributes maps attribute codes to their Akeneo types, e.g.
// {"price": "pim_catalog_price_collection"}: what reading a product's
// values needs to tell a date from a text and an option from a text. A
// value of an attribute it does not list is read by its JSON shape: a
// string as text, a number as a number, an array of strings as options,
// an array of amounts as prices, {"amount","unit"} as a measurement.
type Attributes map[string]string

// AttributesOf returns the types of attrs.
func AttributesOf(attrs []Attribute) Attributes {
	m := make(Attributes, len(attrs))
	for _, a := range attrs {
		m[a.Field.Code] = a.Type
	}
	return m
}

// rawValue is one entry of a product's values in Akeneo's JSON.
type rawValue struct {
	Locale        optString       `json:"locale"`
	Scope         optString       `json:"scope"`
	Data          json.RawMessage `json:"data"`
	AttributeType json.RawMessage `json:"attribute_type,omitempty"`
	LinkedData    json.RawMessage `json:"linked_data,omitempty"`
	Links         json.RawMessage `json:"_links,omitempty"`
	RefDataName   json.RawMessage `json:"reference_data_name,omitempty"`
}

// optString is a string or null, read without the pointer *string costs.
type optString struct {
	s   string
	set bool
}

// UnmarshalJSON reads a string, or null as unset.
func (o *optString) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		*o = optString{}
		return nil
	}
	s, ok := jsonText(b)
	if !ok {
		return ErrSyntax
	}
	*o = optString{s: s, set: true}
	return nil
}

type rawAmount struct {
	Amount   json.RawMessage `json:"amount"`
	Currency *string         `json:"currency"`
	Unit     *string         `json:"unit"`
}

// localeCode reads an Akeneo locale code ("en_US") as a locale.
func localeCode(s string) (contract.Locale, bool) {
	if s == "" || len(s) > 35 {
		return contract.Locale{}, false
	}
	l, err := contract.ParseLocale(strings.ReplaceAll(s, "_", "-"))
	if err != nil || l.IsZero() {
		return contract.Locale{}, false
	}
	return l, true
}

// akeneoLocale writes a locale as Akeneo's code: "en-US" is "en_US".
func akeneoLocale(l contract.Locale) string { return strings.ReplaceAll(l.String(), "-", "_") }

// jsonText reads a JSON string.
func jsonText(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' {
		return "", false
	}
	if bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw) {
		return string(raw[1 : len(raw)-1]), true
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// jsonDecimal reads a number or a numeric string.
func jsonDecimal(raw []byte) (decimal.Decimal, bool) {
	if len(raw) == 0 {
		return decimal.Decimal{}, false
	}
	s := string(raw)
	if raw[0] == '"' {
		var ok bool
		if s, ok = jsonText(raw); !ok {
			return decimal.Decimal{}, false
		}
	}
	d, err := money.ParseDecimal(s)
	return d, err == nil
}

func isNull(raw []byte) bool {
	return len(raw) == 0 || (len(raw) == 4 && string(raw) == "null")
}

// shape guesses an attribute type from the JSON of a value.
func shape(raw []byte) string {
	switch raw[0] {
	case '"':
		return TypeText
	case 't', 'f':
		return TypeBoolean
	case '{':
		return TypeMetric
	case '[':
		if i := bytes.IndexAny(raw[1:], "{\"]"); i >= 0 && raw[1+i] == '{' {
			return TypePriceCollection
		}
		return TypeMultiSelect
	}
	return TypeNumber
}

// readData reads one value's data for an attribute of type typ ("" when
// unknown). bad is the rule of the problem when the data does not fit,
// and zone the UTC offset of a date that is not UTC (not carried).
func readData(typ string, raw []byte) (v catalog.Value, bad string, zone bool) {
	if isNull(raw) {
		return catalog.Value{}, "", false
	}
	if typ == "" {
		typ = shape(raw)
	}
	switch typ {
	case TypeIdentifier, TypeText, TypeTextarea, TypeReferenceSimpleSelect, TypeReferenceEntity:
		s, ok := jsonText(raw)
		if !ok {
			return v, RuleType, false
		}
		return catalog.Text(s), "", false
	case TypeSimpleSelect:
		s, ok := jsonText(raw)
		if !ok {
			return v, RuleType, false
		}
		return catalog.Option(s), "", false
	case TypeMultiSelect, TypeReferenceMultiSelect, TypeReferenceEntities, TypeAssetCollection, TypeAssetsCollection:
		list, ok := parseStrings(raw, nil)
		if !ok && (raw[0] != '[' || json.Unmarshal(raw, &list) != nil) {
			return v, RuleType, false
		}
		if typ == TypeAssetCollection || typ == TypeAssetsCollection {
			as := make([]catalog.Asset, len(list))
			for i, s := range list {
				as[i] = catalog.Asset{Ref: s}
			}
			return assetsValue(as), "", false
		}
		return optionsValue(list), "", false
	case TypeImage, TypeFile:
		s, ok := jsonText(raw)
		if !ok {
			return v, RuleType, false
		}
		return catalog.Assets(catalog.Asset{Ref: s}), "", false
	case TypeNumber:
		d, ok := jsonDecimal(raw)
		if !ok {
			return v, RuleNumber, false
		}
		return catalog.Number(d), "", false
	case TypeBoolean:
		switch string(raw) {
		case "true":
			return catalog.Bool(true), "", false
		case "false":
			return catalog.Bool(false), "", false
		}
		return v, RuleType, false
	case TypeDate:
		s, ok := jsonText(raw)
		if !ok {
			return v, RuleType, false
		}
		d, zone, ok := readDate(s)
		if !ok {
			return v, RuleDate, false
		}
		return catalog.Date(d), "", zone
	case TypeMetric:
		var a rawAmount
		if e, ok := parseAmount(raw, 0, &a); !ok || skipSpace(raw, e) != len(raw) {
			if raw[0] != '{' || json.Unmarshal(raw, &a) != nil {
				return v, RuleType, false
			}
		}
		if a.Unit == nil || a.Currency != nil {
			return v, RuleType, false
		}
		d, ok := jsonDecimal(a.Amount)
		if !ok {
			return v, RuleNumber, false
		}
		return catalog.Measure(d, *a.Unit), "", false
	case TypePriceCollection:
		list, ok := parseAmounts(raw, nil)
		if !ok && (raw[0] != '[' || json.Unmarshal(raw, &list) != nil) {
			return v, RuleType, false
		}
		ps := make([]catalog.Price, 0, len(list))
		for _, a := range list {
			if a.Currency == nil || a.Unit != nil {
				return v, RuleType, false
			}
			c, err := contract.ParseCurrency(*a.Currency)
			if err != nil {
				return v, RuleCurrency, false
			}
			d, ok := jsonDecimal(a.Amount)
			if !ok {
				return v, RuleNumber, false
			}
			ps = append(ps, contract.NewMoney(d, c.Unit()))
		}
		return catalog.Prices(ps...), "", false
	}
	return v, RuleNotCarried, false
}

// optionsValue keeps an empty list as an empty-but-present value: Akeneo's
// "data": [] is written back as [].
func optionsValue(list []string) catalog.Value {
	if len(list) == 0 {
		return catalog.Value{}
	}
	return catalog.Options(list...)
}

func assetsValue(as []catalog.Asset) catalog.Value {
	if len(as) == 0 {
		return catalog.Value{}
	}
	return catalog.Assets(as...)
}

// readDate reads Akeneo's date ("2016-06-13T00:00:00+02:00", or the date
// alone) as the calendar date it names; zone reports a time of day or an
// offset that is not carried.
func readDate(s string) (d time.Time, zone bool, ok bool) {
	if len(s) == 10 {
		t, err := time.Parse(time.DateOnly, s)
		return t, false, err == nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		if t, err = time.Parse("2006-01-02T15:04:05", s); err != nil {
			return time.Time{}, false, false
		}
	}
	_, off := t.Zone()
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC), off != 0 || t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 || t.Nanosecond() != 0, true
}

// appendDecimal writes a number: whole numbers as JSON numbers, others as
// strings, as Akeneo writes them.
func appendDecimal(b []byte, d decimal.Decimal) []byte {
	if d.Exponent() >= 0 {
		return append(b, d.String()...)
	}
	b = append(b, '"')
	b = append(b, d.StringFixed(-d.Exponent())...)
	return append(b, '"')
}

func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x7f || c == '<' || c == '>' || c == '&' {
			j, _ := json.Marshal(s)
			return append(b, j...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendStrings(b []byte, list []string) []byte {
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

// appendData writes v as the data of an attribute of type typ ("" when
// unknown: by the value's kind).
func appendData(b []byte, typ string, v catalog.Value) ([]byte, bool) {
	switch v.Kind() {
	case "empty":
		return append(b, "null"...), true
	case "text":
		s, _ := v.Text()
		return appendString(b, s), true
	case "option":
		s, _ := v.Option()
		return appendString(b, s), true
	case "options":
		return appendStrings(b, v.Options()), true
	case "number":
		d, _ := v.Number()
		return appendDecimal(b, d), true
	case "measurement":
		d, u, _ := v.Measure()
		b = append(b, `{"amount":`...)
		b = appendDecimal(b, d)
		b = append(b, `,"unit":`...)
		b = appendString(b, u)
		return append(b, '}'), true
	case "price":
		b = append(b, '[')
		for i, p := range v.Prices() {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"amount":"`...)
			a := p.Amount()
			b = append(b, a.StringFixed(max(0, -a.Exponent()))...)
			b = append(b, `","currency":"`...)
			b = append(b, p.Currency().String()...)
			b = append(b, `"}`...)
		}
		return append(b, ']'), true
	case "boolean":
		x, _ := v.Bool()
		return strconv.AppendBool(b, x), true
	case "date":
		t, _ := v.Date()
		b = append(b, '"')
		b = t.AppendFormat(b, "2006-01-02T15:04:05-07:00")
		return append(b, '"'), true
	case "assets":
		as := v.Assets()
		if typ == TypeImage || typ == TypeFile {
			if len(as) != 1 {
				return b, false
			}
			return appendString(b, as[0].Ref), true
		}
		b = append(b, '[')
		for i, a := range as {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, a.Ref)
		}
		return append(b, ']'), true
	}
	return b, false
}

// instantLayout is how Akeneo writes an instant: "2016-06-23T18:24:44+02:00",
// with "+00:00" for UTC and the fraction of a second only when there is
// one.
const instantLayout = "2006-01-02T15:04:05.999999999-07:00"
