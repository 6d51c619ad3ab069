package catalog

import "github.com/pimkit/pimkit/contract"

// Completeness is how complete a record is for one channel and locale,
// by Akeneo's rule: Percent = floor(100 x (Required - len(Missing)) /
// Required), and 100 when nothing is required. Three required values with
// one missing give 66, not 67. Missing lists the codes of the required
// fields without a value, in schema order.
type Completeness struct {
	Channel  string          `json:"channel"`
	Locale   contract.Locale `json:"locale"`
	Required int             `json:"required"`
	Missing  []string        `json:"missing"`
	Percent  int             `json:"percent"`
}

// percent is floor(100 x (req - missing) / req), 100 for req 0.
func percent(req, missing int) int {
	if req == 0 {
		return 100
	}
	return 100 * (req - missing) / req
}

// Completeness returns r's completeness for every channel and each of its
// locales, in channel order then locale order. A value counts when it is
// non-empty, of the field's kind and stored for the right locale and
// channel; a non-scopable price counts for a channel only when it has an
// amount in every currency of that channel. Invalid values (a text too
// long, a wrong check digit) still count: validity is
// [Compiled.Validate]'s job. For variants, pass the record with inherited
// values, as [ProductGroup.Variant] returns it.
func (c *Compiled) Completeness(r Record) []Completeness {
	var st slotState
	c.newState(&st)
	c.scan(nil, "", r.Values, &st, false)
	return c.completenessOf(&st)
}

func (c *Compiled) completenessOf(st *slotState) []Completeness {
	out := make([]Completeness, len(c.combos))
	for i := range c.combos {
		cb := &c.combos[i]
		var missing []string
		for j, s := range cb.req {
			if !bit(st.filled, s) {
				missing = append(missing, c.fields[cb.reqField[j]].Code)
			}
		}
		out[i] = Completeness{
			Channel:  c.channels[cb.ch].Code,
			Locale:   c.locales[cb.loc],
			Required: len(cb.req),
			Missing:  missing,
			Percent:  percent(len(cb.req), len(missing)),
		}
	}
	return out
}

// Grade is a data-quality grade, A (best) to E. The zero Grade is
// invalid.
type Grade uint8

// Grades.
const (
	gradeInvalid Grade = iota
	GradeA             // 90-100
	GradeB             // 80-89
	GradeC             // 70-79
	GradeD             // 60-69
	GradeE             // below 60
)

// GradeFor maps a score to a grade: 90-100 A, 80-89 B, 70-79 C, 60-69 D,
// below 60 E. GradeFor(89) is B; scores above 100 are A.
func GradeFor(score int) Grade {
	switch {
	case score >= 90:
		return GradeA
	case score >= 80:
		return GradeB
	case score >= 70:
		return GradeC
	case score >= 60:
		return GradeD
	}
	return GradeE
}

// Quality is a record's data-quality grade for one channel and locale.
//
// Filled of Fields counts every field (required or not) that applies;
// FieldsPercent = floor(100 x Filled / Fields). When the schema has image
// fields, the image criterion scores 100 with at least one image and 0
// without, and Score is the floor of the mean of the two criteria (the way
// Akeneo's enrichment axis averages its criteria); otherwise Score is
// FieldsPercent. So 80 % of fields and an image score 90 (A); every field
// but no image scores 50 (E).
type Quality struct {
	Channel       string          `json:"channel"`
	Locale        contract.Locale `json:"locale"`
	Fields        int             `json:"fields"`
	Filled        int             `json:"filled"`
	FieldsPercent int             `json:"fields_percent"`
	HasImage      bool            `json:"has_image"`
	Score         int             `json:"score"`
	Grade         Grade           `json:"grade"`
}

// Quality returns r's quality grade for every channel and locale, in the
// order of [Compiled.Completeness].
func (c *Compiled) Quality(r Record) []Quality {
	var st slotState
	c.newState(&st)
	c.scan(nil, "", r.Values, &st, false)
	out := make([]Quality, len(c.combos))
	for i := range c.combos {
		cb := &c.combos[i]
		filled := 0
		for _, s := range cb.all {
			if bit(st.filled, s) {
				filled++
			}
		}
		q := Quality{Channel: c.channels[cb.ch].Code, Locale: c.locales[cb.loc], Fields: len(cb.all), Filled: filled}
		q.FieldsPercent = 100
		if q.Fields > 0 {
			q.FieldsPercent = 100 * filled / q.Fields
		}
		q.Score = q.FieldsPercent
		if len(cb.images) > 0 {
			for _, s := range cb.images {
				if bit(st.filled, s) {
					q.HasImage = true
				}
			}
			img := 0
			if q.HasImage {
				img = 100
			}
			q.Score = (q.FieldsPercent + img) / 2
		}
		q.Grade = GradeFor(q.Score)
		out[i] = q
	}
	return out
}

// FieldCount returns the number of fields a record of this schema has in
// OpenDIMS's counting: the schema's fields plus the identifier (SKU). The
// standard [ProductSchema] counts 5.
func (c *Compiled) FieldCount() int64 { return int64(len(c.fields)) + 1 }

// ValuesPart returns this data type's share of values usage for n
// records: n records x [Compiled.FieldCount] fields, to be counted with
// [contract.Values], the one count catalog and billing share (terms 7.2,
// 12.1): 5,000 products of 48 fields and 1,000 orders of 30 fields with
// the [contract.BaseValues] of 1,200 are 271,200 values.
func (c *Compiled) ValuesPart(records int64) contract.ValuesPart {
	return contract.ValuesPart{Records: records, Fields: c.FieldCount()}
}

// FilledValues counts r's stored values the way Akeneo counts them: one per
// non-empty value of a known field in each of its locales and channels
// (a price with amounts in two currencies is one value), plus one for the
// identifier when set. A product with an SKU, titles in two locales and
// one price has 4.
func (c *Compiled) FilledValues(r Record) int {
	n := 0
	if r.ID != "" {
		n++
	}
	for _, fv := range r.Values {
		if _, ok := c.index[fv.Field]; ok && !fv.Value.IsEmpty() {
			n++
		}
	}
	return n
}
