package catalog

import (
	"slices"
	"strconv"
)

// Family is an attribute family, as Akeneo users mean it: the fields a
// kind of product has and which of them each channel requires. A record
// names its family in [Record.Family].
//
// Attributes are the codes of the family's fields (the identifier is
// implied). Requirements maps a channel code to the codes of the fields
// that channel requires, each required in every locale of the channel
// when localizable: {"ecommerce": ["name", "price"], "print": ["name"]}.
// A required field must be one of Attributes. AttributeAsLabel is the
// field whose value names a product in lists (a text field of the family);
// AttributeAsImage, "" for none, the image field that shows it.
//
// Its JSON is
// {"code":"shirts","labels":[..],"attributes":["name","price"],"requirements":{"ecommerce":["name"]},"attribute_as_label":"name"}.
type Family struct {
	Code             string              `json:"code" validate:"required,max=100"`
	Labels           Labels              `json:"labels,omitzero"`
	Attributes       []string            `json:"attributes" validate:"dive,required"`
	Requirements     map[string][]string `json:"requirements,omitzero" validate:"dive,dive,required"`
	AttributeAsLabel string              `json:"attribute_as_label,omitzero"`
	AttributeAsImage string              `json:"attribute_as_image,omitzero"`
}

// FamilyVariant is how the product models of a family vary (Akeneo's
// family variant): one or two levels, each with its axes (the fields whose
// values tell siblings apart) and the fields set at that level rather than
// on the model. With Levels [{Axes [color], Attributes [image]} {Axes
// [size], Attributes [sku gtin]}], a model holds the common values, one
// sub-model per colour holds its image, and one variant per size its SKU
// and GTIN. [FamilyVariant.Variation] gives the axes as a [Variation].
//
// Its JSON is
// {"code":"shirt_color_size","family":"shirts","levels":[{"axes":["color"],"attributes":["image"]},..]}.
type FamilyVariant struct {
	Code   string         `json:"code" validate:"required,max=100"`
	Family string         `json:"family,omitzero"`
	Labels Labels         `json:"labels,omitzero"`
	Levels []VariantLevel `json:"levels" validate:"min=1,max=2,dive"`
}

// VariantLevel is one level of a [FamilyVariant]: level 1 is the
// sub-model (or the variant, with one level), level 2 the variant.
// Attributes lists the fields set at this level; the axes are set there
// too and need not be repeated.
type VariantLevel struct {
	Axes       []string `json:"axes" validate:"min=1,dive,required"`
	Attributes []string `json:"attributes,omitzero" validate:"dive,required"`
}

// Variation returns the variant's axes per level, the form
// [Compiled.CheckVariation] and [ProductGroup] use.
func (v FamilyVariant) Variation() Variation {
	out := Variation{Levels: make([][]string, len(v.Levels))}
	for i, l := range v.Levels {
		out.Levels[i] = append([]string(nil), l.Axes...)
	}
	return out
}

// famReq is a family's requirements compiled against a schema: per
// channel of the schema, the required fields in schema order and whether
// the identifier is required.
type famReq struct {
	fields [][]int32
	id     []bool
}

func (c *Compiled) familyReq(f *Family) famReq {
	fr := famReq{fields: make([][]int32, len(c.channels)), id: make([]bool, len(c.channels))}
	for ci := range c.channels {
		codes := f.Requirements[c.channels[ci].Code]
		if len(codes) == 0 {
			continue
		}
		want := make(map[string]bool, len(codes))
		for _, code := range codes {
			want[code] = true
		}
		fr.id[ci] = want[c.idRule]
		for fi := range c.fields {
			if want[c.fields[fi].Code] {
				fr.fields[ci] = append(fr.fields[ci], int32(fi))
			}
		}
	}
	return fr
}

// CheckFamily checks a family against the schema, all problems at once:
// its code and validate tags; each attribute a known field ("attributes[2]",
// rule unknown_field) named once (rule duplicate); each requirement a
// channel of the schema ("requirements.print", rule channel) and a field
// among the attributes or the identifier ("requirements.ecommerce[1]",
// rule unknown_field); attribute_as_label an identifier, text or
// textarea field of the family (rule type, Param "text");
// attribute_as_image an image field of the family (rule type, Param
// "image").
func (c *Compiled) CheckFamily(f Family) error {
	var ps problems
	ps.Check("", f)
	checkCode(&ps, "code", f.Code, true, false)
	in := make(map[string]bool, len(f.Attributes))
	for i, a := range f.Attributes {
		path := "attributes[" + strconv.Itoa(i) + "]"
		if _, ok := c.index[a]; !ok && a != c.idRule {
			ps.Add(path, RuleUnknownField, safeSegment(a))
		} else if in[a] {
			ps.Add(path, RuleDuplicate, a)
		}
		in[a] = true
	}
	chans := make([]string, 0, len(f.Requirements))
	for ch := range f.Requirements {
		chans = append(chans, ch)
	}
	slices.Sort(chans)
	for _, ch := range chans {
		path := "requirements." + safeSegment(ch)
		if c.channelIndex(ch) < 0 {
			ps.Add(path, RuleChannel, "unknown")
			continue
		}
		for i, a := range f.Requirements[ch] {
			if !in[a] && a != c.idRule {
				ps.Add(path+"["+strconv.Itoa(i)+"]", RuleUnknownField, safeSegment(a))
			}
		}
	}
	typed := func(path, code string, param string, types ...FieldType) {
		if code == "" {
			return
		}
		fi, ok := c.index[code]
		switch {
		case !ok && code == c.idRule && slices.Contains(types, Identifier):
		case !ok || !in[code]:
			ps.Add(path, RuleUnknownField, safeSegment(code))
		case !slices.Contains(types, c.fields[fi].Type):
			ps.Add(path, RuleType, param)
		}
	}
	typed("attribute_as_label", f.AttributeAsLabel, "text", Identifier, TextField, Textarea)
	typed("attribute_as_image", f.AttributeAsImage, "image", Image)
	return ps.Err("check family", ErrInvalid)
}

// FamilyCompleteness returns r's completeness under family f for every
// channel of the schema and each of its locales, as Akeneo computes it:
// the required fields are f's requirements for the channel, each counted
// once per locale of the channel (a localizable field must be filled in
// that locale, a scopable one for that channel, a price in every currency
// of the channel); Percent = floor(100 x (Required - missing) /
// Required), 100 when the channel requires nothing. The identifier ("sku"
// for products) counts when a requirement names it, filled when r.ID is
// not blank. Text of white space only is missing. Requirements naming
// fields the schema lacks are left out ([Compiled.CheckFamily] reports
// them). Missing lists the identifier first, then fields in schema order.
//
// With requirements {"ecommerce": ["sku", "name", "price"]} and a product
// with an SKU and a Danish name but no price, the ecommerce/da-DK result
// is Required 3, Missing [price], Percent 66; ecommerce/en-GB misses the
// English name too: 33.
func (c *Compiled) FamilyCompleteness(r Record, f Family) []Completeness {
	fr := c.familyReq(&f)
	var st slotState
	c.newState(&st)
	c.scan(nil, "", r.Values, &st, false)
	return c.familyCompletenessOf(&st, !blankText(r.ID), &fr)
}

func (c *Compiled) familyCompletenessOf(st *slotState, hasID bool, fr *famReq) []Completeness {
	out := make([]Completeness, len(c.combos))
	for i := range c.combos {
		cb := &c.combos[i]
		out[i] = c.comboCompleteness(st, hasID, fr, cb)
	}
	return out
}

func (c *Compiled) comboCompleteness(st *slotState, hasID bool, fr *famReq, cb *combo) Completeness {
	var missing []string
	req := len(fr.fields[cb.ch])
	if fr.id[cb.ch] {
		req++
		if !hasID {
			missing = append(missing, c.idRule)
		}
	}
	for _, fi := range fr.fields[cb.ch] {
		f := &c.fields[fi]
		if !bit(st.filled, f.slot(cb.loc, cb.ch)) {
			missing = append(missing, f.Code)
		}
	}
	return Completeness{Channel: c.channels[cb.ch].Code, Locale: c.locales[cb.loc], Required: req, Missing: missing, Percent: percent(req, len(missing))}
}

// FamilySwitch is what a record gains and loses when it moves from one
// family to another: Gained are the fields of the new family the old one
// lacks, Lost those of the old family the new one lacks (both in the
// order of the family's attributes), Dropped the record's values of lost
// fields, which a PIM no longer shows or exports for it, and Required the
// requirements that change per channel ([RequirementChange]).
type FamilySwitch struct {
	Gained   []string            `json:"gained,omitzero"`
	Lost     []string            `json:"lost,omitzero"`
	Dropped  []FieldValue        `json:"dropped,omitzero"`
	Required []RequirementChange `json:"required,omitzero"`
}

// SwitchFamily reports what r gains and loses moving from family from to
// family to: moving a shirt from "clothing" (name, size, material) to
// "accessories" (name, material, colour) gains colour and loses size,
// with r's size value in Dropped. Nothing is changed; r is not read
// beyond its values.
func SwitchFamily(r Record, from, to Family) FamilySwitch {
	var s FamilySwitch
	for _, a := range to.Attributes {
		if !slices.Contains(from.Attributes, a) {
			s.Gained = append(s.Gained, a)
		}
	}
	for _, a := range from.Attributes {
		if !slices.Contains(to.Attributes, a) {
			s.Lost = append(s.Lost, a)
		}
	}
	for _, v := range r.Values {
		if slices.Contains(s.Lost, v.Field) {
			s.Dropped = append(s.Dropped, v)
		}
	}
	s.Required = RequirementChanges(from, to)
	return s
}

// CheckFamilyVariant checks a family variant of family f against the
// schema, all problems at once: its validate tags (one or two levels,
// each with an axis); its family, when set, is f (path "family", rule
// family); each axis a field of f (rule unknown_field) that can be an
// axis (path "levels[1].axes[0]", rule axis, Param "type", "localizable"
// or "repeated", as [Compiled.CheckVariation]); at most [MaxAxes] axes in
// all ("levels", rule axis, Param "count"); each attribute a field of f
// set at one level only ("levels[1].attributes[2]", rule unknown_field or
// duplicate).
func (c *Compiled) CheckFamilyVariant(v FamilyVariant, f Family) error {
	var ps problems
	ps.Check("", v)
	checkCode(&ps, "code", v.Code, true, false)
	if v.Family != "" && v.Family != f.Code {
		ps.Add("family", RuleFamily, safeSegment(f.Code))
	}
	seen := map[string]bool{}
	total := 0
	for li, l := range v.Levels {
		lp := "levels[" + strconv.Itoa(li) + "]"
		for ai, code := range l.Axes {
			total++
			path := lp + ".axes[" + strconv.Itoa(ai) + "]"
			fi, ok := c.index[code]
			if !ok || !slices.Contains(f.Attributes, code) {
				ps.Add(path, RuleUnknownField, safeSegment(code))
				continue
			}
			if p := axisParam(&c.fields[fi], seen[code]); p != "" {
				ps.Add(path, RuleAxis, p)
			}
			seen[code] = true
		}
		for ai, code := range l.Attributes {
			path := lp + ".attributes[" + strconv.Itoa(ai) + "]"
			switch {
			case !slices.Contains(f.Attributes, code):
				ps.Add(path, RuleUnknownField, safeSegment(code))
			case seen[code] && !slices.Contains(l.Axes, code):
				ps.Add(path, RuleDuplicate, code)
			}
			seen[code] = true
		}
	}
	if total > MaxAxes {
		ps.Add("levels", RuleAxis, "count")
	}
	return ps.Err("check family variant", ErrInvalid)
}
