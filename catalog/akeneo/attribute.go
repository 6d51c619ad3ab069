package akeneo

import (
	"encoding/json"
	"slices"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// Attribute is an Akeneo attribute as pimkit holds it: a [catalog.Field]
// and the properties Akeneo has beyond a field.
//
// The field carries code, labels, localizable, scopable, unique and the
// validation properties: max_characters is MaxLength, number_min and
// number_max Min and Max, decimals_allowed a Decimals of 4 (Akeneo keeps
// four decimals; "decimal_places" when set), negative_allowed
// NegativeAllowed, date_min and date_max MinDate and MaxDate,
// allowed_extensions Extensions, max_file_size (megabytes) MaxSize
// (bytes, 1 MB = 1,000,000 bytes), metric_family Units.Code,
// default_metric_unit DefaultUnit, reference_data_name RefType. Its type
// is [FieldType] of Type. Given lists the document's keys, as for
// [Product].
type Attribute struct {
	Field                 catalog.Field   `json:"field"`
	Type                  string          `json:"type"`
	Group                 string          `json:"group,omitzero"`
	SortOrder             int             `json:"sort_order,omitzero"`
	UseableAsGridFilter   bool            `json:"useable_as_grid_filter,omitzero"`
	ValidationRule        string          `json:"validation_rule,omitzero"`
	ValidationRegexp      string          `json:"validation_regexp,omitzero"`
	WysiwygEnabled        bool            `json:"wysiwyg_enabled,omitzero"`
	AvailableLocales      []string        `json:"available_locales,omitzero"`
	MinimumInputLength    int             `json:"minimum_input_length,omitzero"`
	DefaultValue          json.RawMessage `json:"default_value,omitzero"`
	IsMandatory           bool            `json:"is_mandatory,omitzero"`
	DecimalPlacesStrategy string          `json:"decimal_places_strategy,omitzero"`
	DecimalPlaces         int             `json:"decimal_places,omitzero"`
	Given                 []string        `json:"given,omitzero"`
}

type rawAttribute struct {
	Code                  string            `json:"code"`
	Type                  string            `json:"type,omitempty"`
	Group                 *string           `json:"group,omitempty"`
	GroupLabels           json.RawMessage   `json:"group_labels,omitempty"`
	Unique                *bool             `json:"unique,omitempty"`
	UseableAsGridFilter   *bool             `json:"useable_as_grid_filter,omitempty"`
	AllowedExtensions     []string          `json:"allowed_extensions,omitempty"`
	MetricFamily          *string           `json:"metric_family,omitempty"`
	DefaultMetricUnit     *string           `json:"default_metric_unit,omitempty"`
	ReferenceDataName     *string           `json:"reference_data_name,omitempty"`
	AvailableLocales      []string          `json:"available_locales,omitempty"`
	MaxCharacters         *int              `json:"max_characters,omitempty"`
	ValidationRule        *string           `json:"validation_rule,omitempty"`
	ValidationRegexp      *string           `json:"validation_regexp,omitempty"`
	WysiwygEnabled        *bool             `json:"wysiwyg_enabled,omitempty"`
	NumberMin             json.RawMessage   `json:"number_min,omitempty"`
	NumberMax             json.RawMessage   `json:"number_max,omitempty"`
	DecimalsAllowed       *bool             `json:"decimals_allowed,omitempty"`
	NegativeAllowed       *bool             `json:"negative_allowed,omitempty"`
	DateMin               *string           `json:"date_min,omitempty"`
	DateMax               *string           `json:"date_max,omitempty"`
	MaxFileSize           json.RawMessage   `json:"max_file_size,omitempty"`
	MinimumInputLength    *int              `json:"minimum_input_length,omitempty"`
	SortOrder             *int              `json:"sort_order,omitempty"`
	Localizable           *bool             `json:"localizable,omitempty"`
	Scopable              *bool             `json:"scopable,omitempty"`
	DefaultValue          json.RawMessage   `json:"default_value,omitempty"`
	Labels                map[string]string `json:"labels,omitempty"`
	IsMandatory           *bool             `json:"is_mandatory,omitempty"`
	DecimalPlacesStrategy *string           `json:"decimal_places_strategy,omitempty"`
	DecimalPlaces         *int              `json:"decimal_places,omitempty"`
}

// akeneoDecimals is the number of decimals Akeneo keeps of a number that
// allows decimals.
const akeneoDecimals = 4

var megabyte = decimal.New(1, 6)

func readBound(r *report, path string, raw json.RawMessage) *contract.Decimal {
	if isNull(raw) {
		return nil
	}
	d, ok := jsonDecimal(raw)
	if !ok {
		r.bad.Add(path, RuleNumber, "")
		return nil
	}
	c := contract.Dec(d)
	return &c
}

func readDateBound(r *report, path string, s *string) contract.Date {
	if s == nil || *s == "" {
		return contract.Date{}
	}
	t, zone, ok := readDate(*s)
	if !ok {
		r.bad.Add(path, RuleDate, "")
		return contract.Date{}
	}
	y, mo, dd := t.Date()
	d, err := contract.NewDate(y, mo, dd)
	if err != nil {
		r.bad.Add(path, RuleDate, "")
		return contract.Date{}
	}
	if zone {
		r.drop(path, "zone")
	}
	return d
}

func writeDateBound(d contract.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String() + "T00:00:00+00:00"
	return &s
}

// UnmarshalAkeneo reads an attribute document of Akeneo's REST API. dropped
// lists what is not carried: "group_labels" (Akeneo computes them from the
// group), keys Akeneo does not define, the UTC offsets of date_min and
// date_max, and the type of an attribute pimkit has no field type for
// (pim_catalog_table, ...), whose Field.Type is then zero. A malformed
// bound or locale is ErrInvalid.
func (a *Attribute) UnmarshalAkeneo(b []byte) (dropped []contract.Problem, err error) {
	var m rawAttribute
	given, r, err := readDoc("read attribute", b, &m, "group_labels")
	if err != nil {
		return nil, err
	}
	out := Attribute{Type: m.Type, Group: str(m.Group), UseableAsGridFilter: boolean(m.UseableAsGridFilter),
		ValidationRule: str(m.ValidationRule), ValidationRegexp: str(m.ValidationRegexp), WysiwygEnabled: boolean(m.WysiwygEnabled),
		AvailableLocales: m.AvailableLocales, DecimalPlacesStrategy: str(m.DecimalPlacesStrategy), IsMandatory: boolean(m.IsMandatory), Given: given}
	if m.SortOrder != nil {
		out.SortOrder = *m.SortOrder
	}
	if m.MinimumInputLength != nil {
		out.MinimumInputLength = *m.MinimumInputLength
	}
	if m.DecimalPlaces != nil {
		out.DecimalPlaces = *m.DecimalPlaces
	}
	if !isNull(m.DefaultValue) {
		out.DefaultValue = m.DefaultValue
	}
	f := catalog.Field{Code: m.Code, Labels: readLabels(&r, "labels", m.Labels), Localizable: boolean(m.Localizable),
		Scopable: boolean(m.Scopable), Unique: boolean(m.Unique), NegativeAllowed: boolean(m.NegativeAllowed),
		Extensions: m.AllowedExtensions, DefaultUnit: str(m.DefaultMetricUnit), RefType: catalog.DataType(str(m.ReferenceDataName))}
	if t, ok := fieldTypes[m.Type]; ok {
		f.Type = t
	} else if m.Type != "" {
		r.drop("type", "type")
	}
	if m.MaxCharacters != nil {
		f.MaxLength = *m.MaxCharacters
	}
	f.Min = readBound(&r, "number_min", m.NumberMin)
	f.Max = readBound(&r, "number_max", m.NumberMax)
	if boolean(m.DecimalsAllowed) {
		f.Decimals = akeneoDecimals
		if out.DecimalPlaces > 0 {
			f.Decimals = out.DecimalPlaces
		}
	}
	f.MinDate = readDateBound(&r, "date_min", m.DateMin)
	f.MaxDate = readDateBound(&r, "date_max", m.DateMax)
	if size := readBound(&r, "max_file_size", m.MaxFileSize); size != nil {
		f.MaxSize = size.Decimal().Mul(megabyte).IntPart()
	}
	if fam := str(m.MetricFamily); fam != "" {
		f.Units = catalog.UnitFamily{Code: fam}
	}
	out.Field = f
	if err := r.err("read attribute"); err != nil {
		return nil, err
	}
	*a = out
	return r.dropped, nil
}

func boolPtr(b bool) *bool { return &b }

// MarshalAkeneo writes a as Akeneo's attribute document, with the keys in
// a.Given (all when nil).
func (a Attribute) MarshalAkeneo() ([]byte, error) {
	f := a.Field
	m := rawAttribute{Code: f.Code, Type: a.Type, Group: ptr(a.Group), Unique: boolPtr(f.Unique),
		UseableAsGridFilter: boolPtr(a.UseableAsGridFilter), AllowedExtensions: f.Extensions,
		MetricFamily: ptr(f.Units.Code), DefaultMetricUnit: ptr(f.DefaultUnit), ReferenceDataName: ptr(string(f.RefType)),
		AvailableLocales: a.AvailableLocales, ValidationRule: ptr(a.ValidationRule), ValidationRegexp: ptr(a.ValidationRegexp),
		WysiwygEnabled: boolPtr(a.WysiwygEnabled), NegativeAllowed: boolPtr(f.NegativeAllowed),
		DateMin: writeDateBound(f.MinDate), DateMax: writeDateBound(f.MaxDate), SortOrder: &a.SortOrder,
		Localizable: boolPtr(f.Localizable), Scopable: boolPtr(f.Scopable), DefaultValue: a.DefaultValue,
		Labels: writeLabels(f.Labels), IsMandatory: boolPtr(a.IsMandatory), DecimalPlacesStrategy: ptr(a.DecimalPlacesStrategy),
		DecimalsAllowed: boolPtr(f.Decimals > 0)}
	if f.MaxLength > 0 {
		m.MaxCharacters = &f.MaxLength
	}
	if a.MinimumInputLength > 0 {
		m.MinimumInputLength = &a.MinimumInputLength
	}
	if a.DecimalPlaces > 0 {
		m.DecimalPlaces = &a.DecimalPlaces
	}
	if f.Min != nil {
		m.NumberMin = appendDecimal(nil, f.Min.Decimal())
	}
	if f.Max != nil {
		m.NumberMax = appendDecimal(nil, f.Max.Decimal())
	}
	if f.MaxSize > 0 {
		m.MaxFileSize = appendDecimal(nil, decimal.New(f.MaxSize, 0).Div(megabyte))
	}
	return writeDoc(&m, a.Given)
}

// Schema returns the catalog schema of product type made of the fields of
// attrs, in their order, leaving out the identifier attribute (a record's
// ID holds the identifier) and attributes whose type pimkit has no field
// for. options are the attribute options: each select field gets the
// options of its attribute, in sort order. units gives the measurement
// families: a metric attribute's field gets the units of its family,
// matched by code. Pass [catalog.MeasurementFamilies] for Akeneo's
// standard families with correct factors, or the Family of each
// [MeasurementFamily] read from the Akeneo instance for its own.
func Schema(attrs []Attribute, options []AttributeOption, units []catalog.UnitFamily) catalog.Schema {
	s := catalog.Schema{Type: catalog.TypeProduct}
	opts := slices.Clone(options)
	slices.SortStableFunc(opts, func(a, b AttributeOption) int { return a.SortOrder - b.SortOrder })
	for _, a := range attrs {
		if a.Field.Type == 0 || a.Type == TypeIdentifier {
			continue
		}
		f := a.Field
		switch f.Type {
		case catalog.Measurement:
			for _, u := range units {
				if u.Code == f.Units.Code {
					f.Units = u
				}
			}
		case catalog.SimpleSelect, catalog.MultiSelect:
			for _, o := range opts {
				if o.Attribute == f.Code {
					f.Options = append(slices.Clone(f.Options), o.Option)
				}
			}
		}
		s.Fields = append(s.Fields, f)
	}
	return s
}
