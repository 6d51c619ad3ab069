package akeneo

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// AttributeOption is an option of a select attribute: the
// [catalog.SelectOption] (code and labels), the attribute's code and its
// position.
type AttributeOption struct {
	Option    catalog.SelectOption `json:"option"`
	Attribute string               `json:"attribute,omitzero"`
	SortOrder int                  `json:"sort_order,omitzero"`
	Given     []string             `json:"given,omitzero"`
}

type rawOption struct {
	Code      string            `json:"code"`
	Attribute string            `json:"attribute,omitempty"`
	SortOrder *int              `json:"sort_order,omitempty"`
	Labels    map[string]string `json:"labels,omitempty"`
}

// UnmarshalAkeneo reads an attribute option document.
func (o *AttributeOption) UnmarshalAkeneo(b []byte) (dropped []contract.Problem, err error) {
	var m rawOption
	given, r, err := readDoc("read attribute option", b, &m)
	if err != nil {
		return nil, err
	}
	out := AttributeOption{Option: catalog.SelectOption{Code: m.Code, Labels: readLabels(&r, "labels", m.Labels)}, Attribute: m.Attribute, Given: given}
	if m.SortOrder != nil {
		out.SortOrder = *m.SortOrder
	}
	if err := r.err("read attribute option"); err != nil {
		return nil, err
	}
	*o = out
	return r.dropped, nil
}

// MarshalAkeneo writes o as Akeneo's attribute option document.
func (o AttributeOption) MarshalAkeneo() ([]byte, error) {
	return writeDoc(&rawOption{Code: o.Option.Code, Attribute: o.Attribute, SortOrder: &o.SortOrder, Labels: writeLabels(o.Option.Labels)}, o.Given)
}

// AttributeGroup is an Akeneo attribute group: a [catalog.AttributeGroup]
// (code, position, attribute codes, labels).
type AttributeGroup struct {
	Group catalog.AttributeGroup `json:"group"`
	Given []string               `json:"given,omitzero"`
}

type rawGroup struct {
	Code       string            `json:"code"`
	SortOrder  *int              `json:"sort_order,omitempty"`
	Attributes []string          `json:"attributes,omitempty"`
	Labels     map[string]string `json:"labels,omitempty"`
}

// UnmarshalAkeneo reads an attribute group document.
func (g *AttributeGroup) UnmarshalAkeneo(b []byte) (dropped []contract.Problem, err error) {
	var m rawGroup
	given, r, err := readDoc("read attribute group", b, &m)
	if err != nil {
		return nil, err
	}
	out := AttributeGroup{Group: catalog.AttributeGroup{Code: m.Code, Attributes: m.Attributes, Labels: readLabels(&r, "labels", m.Labels)}, Given: given}
	if m.SortOrder != nil {
		out.Group.SortOrder = *m.SortOrder
	}
	if err := r.err("read attribute group"); err != nil {
		return nil, err
	}
	*g = out
	return r.dropped, nil
}

// MarshalAkeneo writes g as Akeneo's attribute group document.
func (g AttributeGroup) MarshalAkeneo() ([]byte, error) {
	x := g.Group
	return writeDoc(&rawGroup{Code: x.Code, SortOrder: &x.SortOrder, Attributes: x.Attributes, Labels: writeLabels(x.Labels)}, g.Given)
}

// Family is an Akeneo family: a [catalog.Family] (attributes, the
// attributes each channel requires, attribute as label and as image,
// labels).
type Family struct {
	Family catalog.Family `json:"family"`
	Given  []string       `json:"given,omitzero"`
}

type rawFamily struct {
	Code             string              `json:"code"`
	Attributes       []string            `json:"attributes,omitempty"`
	AttributeAsLabel string              `json:"attribute_as_label,omitempty"`
	AttributeAsImage string              `json:"attribute_as_image,omitempty"`
	Requirements     map[string][]string `json:"attribute_requirements,omitempty"`
	Labels           map[string]string   `json:"labels,omitempty"`
}

// UnmarshalAkeneo reads a family document.
func (f *Family) UnmarshalAkeneo(b []byte) (dropped []contract.Problem, err error) {
	var m rawFamily
	given, r, err := readDoc("read family", b, &m)
	if err != nil {
		return nil, err
	}
	out := Family{Family: catalog.Family{Code: m.Code, Attributes: m.Attributes, AttributeAsLabel: m.AttributeAsLabel,
		AttributeAsImage: m.AttributeAsImage, Requirements: m.Requirements, Labels: readLabels(&r, "labels", m.Labels)}, Given: given}
	if err := r.err("read family"); err != nil {
		return nil, err
	}
	*f = out
	return r.dropped, nil
}

// MarshalAkeneo writes f as Akeneo's family document.
func (f Family) MarshalAkeneo() ([]byte, error) {
	x := f.Family
	return writeDoc(&rawFamily{Code: x.Code, Attributes: x.Attributes, AttributeAsLabel: x.AttributeAsLabel,
		AttributeAsImage: x.AttributeAsImage, Requirements: x.Requirements, Labels: writeLabels(x.Labels)}, f.Given)
}

// FamilyVariant is an Akeneo family variant: a [catalog.FamilyVariant]
// (labels, and per level its axes and attributes). Akeneo's document does
// not name the family (the URL does): set Variant.Family yourself.
type FamilyVariant struct {
	Variant catalog.FamilyVariant `json:"variant"`
	Given   []string              `json:"given,omitzero"`
}

type rawVariantSet struct {
	Level      int      `json:"level"`
	Axes       []string `json:"axes"`
	Attributes []string `json:"attributes"`
}

type rawFamilyVariant struct {
	Code             string            `json:"code"`
	Labels           map[string]string `json:"labels,omitempty"`
	CommonAttributes []string          `json:"common_attributes,omitempty"`
	Sets             []rawVariantSet   `json:"variant_attribute_sets,omitempty"`
}

// UnmarshalAkeneo reads a family variant document. "common_attributes"
// (Akeneo computes them) is not carried. Levels must be numbered 1, 2 in
// order (path "variant_attribute_sets[1].level", rule level).
func (v *FamilyVariant) UnmarshalAkeneo(b []byte) (dropped []contract.Problem, err error) {
	var m rawFamilyVariant
	given, r, err := readDoc("read family variant", b, &m, "common_attributes")
	if err != nil {
		return nil, err
	}
	out := FamilyVariant{Variant: catalog.FamilyVariant{Code: m.Code, Labels: readLabels(&r, "labels", m.Labels)}, Given: given}
	for i, s := range m.Sets {
		if s.Level != i+1 {
			r.bad.Add(index("variant_attribute_sets", i)+".level", "level", strconv.Itoa(i+1))
		}
		out.Variant.Levels = append(out.Variant.Levels, catalog.VariantLevel{Axes: s.Axes, Attributes: s.Attributes})
	}
	if err := r.err("read family variant"); err != nil {
		return nil, err
	}
	*v = out
	return r.dropped, nil
}

// MarshalAkeneo writes v as Akeneo's family variant document.
func (v FamilyVariant) MarshalAkeneo() ([]byte, error) {
	m := rawFamilyVariant{Code: v.Variant.Code, Labels: writeLabels(v.Variant.Labels)}
	for i, l := range v.Variant.Levels {
		m.Sets = append(m.Sets, rawVariantSet{Level: i + 1, Axes: l.Axes, Attributes: l.Attributes})
	}
	return writeDoc(&m, v.Given)
}

// Category is an Akeneo category: the [catalog.CategoryNode] (code,
// parent, labels), its position among its siblings and the time Akeneo
// last changed it. Enriched category values ("values",
// "channel_requirements", "validations") are not carried.
type Category struct {
	Node     catalog.CategoryNode `json:"node"`
	Position int                  `json:"position,omitzero"`
	Updated  time.Time            `json:"updated,omitzero"`
	Given    []string             `json:"given,omitzero"`
}

type rawCategory struct {
	Code     string            `json:"code"`
	Parent   *string           `json:"parent,omitempty"`
	Updated  *string           `json:"updated,omitempty"`
	Position *int              `json:"position,omitempty"`
	Labels   map[string]string `json:"labels,omitempty"`
}

// UnmarshalAkeneo reads a category document.
func (c *Category) UnmarshalAkeneo(b []byte) (dropped []contract.Problem, err error) {
	var m rawCategory
	given, r, err := readDoc("read category", b, &m, "values", "channel_requirements", "validations")
	if err != nil {
		return nil, err
	}
	out := Category{Node: catalog.CategoryNode{Code: m.Code, Parent: str(m.Parent), Labels: readLabels(&r, "labels", m.Labels)},
		Updated: readTime(&r, "updated", m.Updated), Given: given}
	if m.Position != nil {
		out.Position = *m.Position
	}
	if err := r.err("read category"); err != nil {
		return nil, err
	}
	*c = out
	return r.dropped, nil
}

// MarshalAkeneo writes c as Akeneo's category document.
func (c Category) MarshalAkeneo() ([]byte, error) {
	m := rawCategory{Code: c.Node.Code, Parent: ptr(c.Node.Parent), Position: &c.Position, Labels: writeLabels(c.Node.Labels)}
	if !c.Updated.IsZero() {
		s := c.Updated.Format(instantLayout)
		m.Updated = &s
	}
	return writeDoc(&m, c.Given)
}

// Tree builds the catalog's category tree of cats.
func Tree(cats []Category) (catalog.Tree, error) {
	nodes := make([]catalog.CategoryNode, len(cats))
	for i, c := range cats {
		nodes[i] = c.Node
	}
	return catalog.NewTree(nodes...)
}

// Channel is an Akeneo channel: the [catalog.Channel] (code, locales,
// currencies, category tree), its labels and the unit each metric
// attribute is converted to for it.
type Channel struct {
	Channel         catalog.Channel   `json:"channel"`
	Labels          catalog.Labels    `json:"labels,omitzero"`
	ConversionUnits map[string]string `json:"conversion_units,omitzero"`
	Given           []string          `json:"given,omitzero"`
}

type rawChannel struct {
	Code            string            `json:"code"`
	Currencies      []string          `json:"currencies,omitempty"`
	Locales         []string          `json:"locales,omitempty"`
	CategoryTree    string            `json:"category_tree,omitempty"`
	ConversionUnits map[string]string `json:"conversion_units,omitempty"`
	Labels          map[string]string `json:"labels,omitempty"`
}

// UnmarshalAkeneo reads a channel document. An unknown currency or locale
// code is ErrInvalid.
func (c *Channel) UnmarshalAkeneo(b []byte) (dropped []contract.Problem, err error) {
	var m rawChannel
	given, r, err := readDoc("read channel", b, &m)
	if err != nil {
		return nil, err
	}
	out := Channel{Channel: catalog.Channel{Code: m.Code, Locales: readLocales(&r, "locales", m.Locales), CategoryTree: m.CategoryTree},
		Labels: readLabels(&r, "labels", m.Labels), ConversionUnits: m.ConversionUnits, Given: given}
	for i, s := range m.Currencies {
		cur, err := contract.ParseCurrency(s)
		if err != nil {
			r.bad.Add(index("currencies", i), RuleCurrency, "")
			continue
		}
		out.Channel.Currencies = append(out.Channel.Currencies, cur)
	}
	if err := r.err("read channel"); err != nil {
		return nil, err
	}
	*c = out
	return r.dropped, nil
}

// MarshalAkeneo writes c as Akeneo's channel document.
func (c Channel) MarshalAkeneo() ([]byte, error) {
	m := rawChannel{Code: c.Channel.Code, Locales: writeLocales(c.Channel.Locales), CategoryTree: c.Channel.CategoryTree,
		ConversionUnits: c.ConversionUnits, Labels: writeLabels(c.Labels)}
	for _, cur := range c.Channel.Currencies {
		m.Currencies = append(m.Currencies, cur.String())
	}
	return writeDoc(&m, c.Given)
}

// Locale is an Akeneo locale and whether it is activated (a locale is
// activated when a channel uses it).
type Locale struct {
	Code    contract.Locale `json:"code"`
	Enabled bool            `json:"enabled,omitzero"`
	Given   []string        `json:"given,omitzero"`
}

type rawLocale struct {
	Code   string `json:"code"`
	Enable *bool  `json:"enable,omitempty"`
}

// UnmarshalAkeneo reads a locale document ("en_US" is en-US).
func (l *Locale) UnmarshalAkeneo(b []byte) (dropped []contract.Problem, err error) {
	var m rawLocale
	given, r, err := readDoc("read locale", b, &m)
	if err != nil {
		return nil, err
	}
	code, ok := localeCode(m.Code)
	if !ok {
		r.bad.Add("code", RuleLocale, "")
	}
	if err := r.err("read locale"); err != nil {
		return nil, err
	}
	*l = Locale{Code: code, Enabled: boolean(m.Enable), Given: given}
	return r.dropped, nil
}

// MarshalAkeneo writes l as Akeneo's locale document.
func (l Locale) MarshalAkeneo() ([]byte, error) {
	return writeDoc(&rawLocale{Code: akeneoLocale(l.Code), Enable: &l.Enabled}, l.Given)
}

// Currency is an Akeneo currency, whether it is activated and its label.
type Currency struct {
	Code    contract.Currency `json:"code"`
	Enabled bool              `json:"enabled,omitzero"`
	Label   string            `json:"label,omitzero"`
	Given   []string          `json:"given,omitzero"`
}

type rawCurrency struct {
	Code    string `json:"code"`
	Enabled *bool  `json:"enabled,omitempty"`
	Label   string `json:"label,omitempty"`
}

// UnmarshalAkeneo reads a currency document.
func (c *Currency) UnmarshalAkeneo(b []byte) (dropped []contract.Problem, err error) {
	var m rawCurrency
	given, r, err := readDoc("read currency", b, &m)
	if err != nil {
		return nil, err
	}
	code, perr := contract.ParseCurrency(m.Code)
	if perr != nil {
		r.bad.Add("code", RuleCurrency, "")
	}
	if err := r.err("read currency"); err != nil {
		return nil, err
	}
	*c = Currency{Code: code, Enabled: boolean(m.Enabled), Label: m.Label, Given: given}
	return r.dropped, nil
}

// MarshalAkeneo writes c as Akeneo's currency document.
func (c Currency) MarshalAkeneo() ([]byte, error) {
	return writeDoc(&rawCurrency{Code: c.Code.String(), Enabled: &c.Enabled, Label: c.Label}, c.Given)
}

// AssociationType is an Akeneo association type: a
// [catalog.AssociationType] (labels, whether its associations carry
// quantities, whether they go both ways).
type AssociationType struct {
	Type  catalog.AssociationType `json:"type"`
	Given []string                `json:"given,omitzero"`
}

type rawAssociationType struct {
	Code         string            `json:"code"`
	Labels       map[string]string `json:"labels,omitempty"`
	IsQuantified *bool             `json:"is_quantified,omitempty"`
	IsTwoWay     *bool             `json:"is_two_way,omitempty"`
}

// UnmarshalAkeneo reads an association type document.
func (t *AssociationType) UnmarshalAkeneo(b []byte) (dropped []contract.Problem, err error) {
	var m rawAssociationType
	given, r, err := readDoc("read association type", b, &m)
	if err != nil {
		return nil, err
	}
	out := AssociationType{Type: catalog.AssociationType{Code: m.Code, Labels: readLabels(&r, "labels", m.Labels),
		Quantified: boolean(m.IsQuantified), TwoWay: boolean(m.IsTwoWay)}, Given: given}
	if err := r.err("read association type"); err != nil {
		return nil, err
	}
	*t = out
	return r.dropped, nil
}

// MarshalAkeneo writes t as Akeneo's association type document.
func (t AssociationType) MarshalAkeneo() ([]byte, error) {
	x := t.Type
	return writeDoc(&rawAssociationType{Code: x.Code, Labels: writeLabels(x.Labels), IsQuantified: &x.Quantified, IsTwoWay: &x.TwoWay}, t.Given)
}

// MeasurementFamily is an Akeneo measurement family: a
// [catalog.UnitFamily] (code, labels, standard unit, and per unit its
// labels, symbol, and factor, offset and divisor to the standard unit)
// and, per unit, Akeneo's conversion operations as Akeneo wrote them, so
// that writing the family back is exact: Family.Units[i] and
// Operations[i] describe the same unit.
//
// The operations, applied in order to an amount in the unit, give the
// amount in the standard unit; they become the unit's factor, offset and
// divisor exactly ("div" by 3 multiplies the divisor by 3, with no
// rounding). The factors are Akeneo's: where they differ from the SI or
// NIST definition (see [catalog.MeasurementFamilies]), pimkit's standard
// families are right and these are what the Akeneo instance computes.
type MeasurementFamily struct {
	Family     catalog.UnitFamily `json:"family"`
	Operations [][]Operation      `json:"operations,omitzero"`
	Given      []string           `json:"given,omitzero"`
}

// Operation is one step of a unit conversion: an operator ("mul", "div",
// "add" or "sub") and its operand, e.g. {"mul", 0.001}.
type Operation struct {
	Operator string           `json:"operator"`
	Value    contract.Decimal `json:"value"`
}

type rawOperation struct {
	Operator string `json:"operator"`
	Value    string `json:"value"`
}

type rawUnit struct {
	Code    string            `json:"code"`
	Labels  map[string]string `json:"labels,omitempty"`
	Convert []rawOperation    `json:"convert_from_standard"`
	Symbol  string            `json:"symbol,omitempty"`
}

type rawMeasurementFamily struct {
	Code       string            `json:"code"`
	Labels     map[string]string `json:"labels,omitempty"`
	Standard   string            `json:"standard_unit_code,omitempty"`
	StandardV1 string            `json:"standard,omitempty"`
	// Units is {"CODE": unit} in the API's measurement families and
	// [unit] with "convert": {"mul": "0.001"} in its former measure
	// families.
	Units json.RawMessage `json:"units,omitempty"`
}

type rawUnitV1 struct {
	Code    string          `json:"code"`
	Convert json.RawMessage `json:"convert"`
	Symbol  string          `json:"symbol,omitempty"`
}

// readUnits reads a family's units in either form, in code order for the
// map form and in list order for the list form.
func readUnits(m *rawMeasurementFamily) (units []rawUnit, ok bool) {
	u := bytes.TrimSpace(m.Units)
	switch {
	case len(u) == 0 || isNull(u):
		return nil, true
	case u[0] == '{':
		var byCode map[string]rawUnit
		if json.Unmarshal(u, &byCode) != nil {
			return nil, false
		}
		for _, code := range sortedKeys(byCode) {
			unit := byCode[code]
			if unit.Code != code {
				unit.Code = "\x00" + code // refused below: the key and the code differ
			}
			units = append(units, unit)
		}
		return units, true
	case u[0] == '[':
		var list []rawUnitV1
		if json.Unmarshal(u, &list) != nil {
			return nil, false
		}
		for _, l := range list {
			ops, ok := orderedOps(l.Convert)
			if !ok {
				return nil, false
			}
			units = append(units, rawUnit{Code: l.Code, Convert: ops, Symbol: l.Symbol})
		}
		return units, true
	}
	return nil, false
}

// orderedOps reads {"mul": "0.001", "add": "1"} in the order written.
func orderedOps(b json.RawMessage) ([]rawOperation, bool) {
	if isNull(b) {
		return []rawOperation{}, true
	}
	d := json.NewDecoder(bytes.NewReader(b))
	if t, err := d.Token(); err != nil || t != json.Delim('{') {
		return nil, false
	}
	ops := []rawOperation{}
	for d.More() {
		t, err := d.Token()
		k, isKey := t.(string)
		if err != nil || !isKey {
			return nil, false
		}
		var v string
		if d.Decode(&v) != nil {
			return nil, false
		}
		ops = append(ops, rawOperation{Operator: k, Value: v})
	}
	return ops, true
}

// UnmarshalAkeneo reads a measurement family document, in the form of
// the API's measurement families or of its former measure families
// ({"code","standard","units":[{"code","convert":{"mul":"0.001"},"symbol"}]},
// written back in that form). Units come in code order (the list's order
// in the former form). An unknown operator, a malformed operand or a division by zero
// is ErrInvalid.
func (f *MeasurementFamily) UnmarshalAkeneo(b []byte) (dropped []contract.Problem, err error) {
	var m rawMeasurementFamily
	given, r, err := readDoc("read measurement family", b, &m)
	if err != nil {
		return nil, err
	}
	out := MeasurementFamily{Family: catalog.UnitFamily{Code: m.Code, Standard: m.Standard, Labels: readLabels(&r, "labels", m.Labels)}, Given: given}
	if m.StandardV1 != "" {
		out.Family.Standard = m.StandardV1
	}
	units, ok := readUnits(&m)
	if !ok {
		return nil, ErrSyntax
	}
	v1 := slices.Contains(given, "standard")
	for ui, u := range units {
		code := u.Code
		if strings.HasPrefix(code, "\x00") {
			code = code[1:]
			r.bad.Add(key("units", code)+".code", "code", "")
		}
		path := key("units", code)
		if v1 {
			path = index("units", ui)
		}
		factor, offset, divisor := decimal.New(1, 0), decimal.Zero, decimal.New(1, 0)
		ops := []Operation{}
		for i, op := range u.Convert {
			p := index(path+".convert_from_standard", i)
			if v1 {
				p = path + ".convert." + op.Operator
			}
			d, ok := jsonDecimal([]byte(strconv.Quote(op.Value)))
			if !ok {
				r.bad.Add(p+".value", RuleNumber, "")
				continue
			}
			// The amount is (v*factor + offset) / divisor.
			switch op.Operator {
			case "mul":
				factor, offset = factor.Mul(d), offset.Mul(d)
			case "div":
				if d.Sign() <= 0 {
					r.bad.Add(p+".value", RuleNumber, "")
					continue
				}
				divisor = divisor.Mul(d)
			case "add":
				offset = offset.Add(d.Mul(divisor))
			case "sub":
				offset = offset.Sub(d.Mul(divisor))
			default:
				r.bad.Add(p+".operator", "operator", "mul|div|add|sub")
				continue
			}
			ops = append(ops, Operation{Operator: op.Operator, Value: contract.Dec(d)})
		}
		unit := catalog.Unit{Code: code, Labels: readLabels(&r, path+".labels", u.Labels), Symbol: u.Symbol,
			Factor: contract.Dec(factor), Offset: contract.Dec(offset)}
		if !divisor.Equal(decimal.New(1, 0)) {
			unit.Divisor = contract.Dec(divisor)
		}
		out.Family.Units = append(out.Family.Units, unit)
		out.Operations = append(out.Operations, ops)
	}
	if err := r.err("read measurement family"); err != nil {
		return nil, err
	}
	*f = out
	return r.dropped, nil
}

// MarshalAkeneo writes f as Akeneo's measurement family document. A unit
// without operations is written with its factor, offset and divisor as
// "mul", "add" and "div".
func (f MeasurementFamily) MarshalAkeneo() ([]byte, error) {
	x := f.Family
	m := rawMeasurementFamily{Code: x.Code, Labels: writeLabels(x.Labels), Standard: x.Standard}
	units := map[string]rawUnit{}
	var list []json.RawMessage
	v1 := slices.Contains(f.Given, "standard")
	if v1 {
		m.Standard, m.StandardV1 = "", x.Standard
	}
	for i, u := range x.Units {
		ru := rawUnit{Code: u.Code, Labels: writeLabels(u.Labels), Symbol: u.Symbol, Convert: []rawOperation{}}
		if i < len(f.Operations) && f.Operations[i] != nil {
			for _, op := range f.Operations[i] {
				ru.Convert = append(ru.Convert, rawOperation{Operator: op.Operator, Value: op.Value.String()})
			}
		} else {
			factor := u.Factor
			if factor.IsZero() {
				factor = contract.MustDec("1")
			}
			ru.Convert = append(ru.Convert, rawOperation{"mul", factor.String()})
			if !u.Offset.IsZero() {
				ru.Convert = append(ru.Convert, rawOperation{"add", u.Offset.String()})
			}
			if !u.Divisor.IsZero() && !u.Divisor.Decimal().Equal(decimal.New(1, 0)) {
				ru.Convert = append(ru.Convert, rawOperation{"div", u.Divisor.String()})
			}
		}
		if !v1 {
			units[u.Code] = ru
			continue
		}
		// The former form: {"code", "convert": {"mul": "0.001"}, "symbol"}.
		b := []byte(`{"code":`)
		b = appendString(b, u.Code)
		b = append(b, `,"convert":{`...)
		for j, op := range ru.Convert {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendString(b, op.Operator)
			b = append(b, ':')
			b = appendString(b, op.Value)
		}
		b = append(b, '}')
		if u.Symbol != "" {
			b = append(b, `,"symbol":`...)
			b = appendString(b, u.Symbol)
		}
		list = append(list, append(b, '}'))
	}
	var err error
	if v1 {
		m.Units, err = json.Marshal(list)
	} else {
		m.Units, err = json.Marshal(units)
	}
	if err != nil {
		return nil, err
	}
	return writeDoc(&m, f.Given)
}
