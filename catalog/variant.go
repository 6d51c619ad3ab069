package catalog

import (
	"slices"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// MaxAxes is the largest number of variant axes a [Variation] may have,
// across its levels.
const MaxAxes = 5

// Variation is how a product model's variants differ (Akeneo's family
// variant): the axis fields of each variant level, one or two levels, one
// to [MaxAxes] axes in all. With Levels [[color] [size]] a model has one
// sub-model per colour and, under each, one variant per size; with
// [[color size]] the variants sit directly under the model.
//
// Axis fields must be simple selects, booleans or measurements and never
// localizable or scopable; [Compiled.CheckVariation] enforces this.
type Variation struct {
	Levels [][]string `json:"levels" validate:"min=1,max=2,dive,min=1"`
}

// CheckVariation checks v against the schema: one or two levels (path
// "levels", rule min or max), each with at least one axis ("levels[1]",
// rule min), at most [MaxAxes] axes in all ("levels", rule axis, Param
// "count"), each axis a known simple select, boolean or measurement that
// is neither localizable nor scopable nor repeated. Problems of an axis
// have paths such as "levels[1][0]" and rule axis (Param says why:
// "type", "localizable", "repeated") or unknown_field.
func (c *Compiled) CheckVariation(v Variation) error {
	var vp problems
	vp.Check("", v)
	ps := vp.List()
	seen := map[string]bool{}
	total := 0
	for li, axes := range v.Levels {
		lp := "levels[" + strconv.Itoa(li) + "]"
		for ai, code := range axes {
			total++
			path := lp + "[" + strconv.Itoa(ai) + "]"
			fi, ok := c.index[code]
			if !ok {
				ps = append(ps, contract.Problem{Path: path, Rule: RuleUnknownField, Param: safeSegment(code)})
				continue
			}
			if p := axisParam(&c.fields[fi], seen[code]); p != "" {
				ps = append(ps, contract.Problem{Path: path, Rule: RuleAxis, Param: p})
			}
			seen[code] = true
		}
	}
	if total > MaxAxes {
		ps = append(ps, contract.Problem{Path: "levels", Rule: RuleAxis, Param: "count"})
	}
	return invalid("check variation", ps)
}

// axisParam says why f cannot be an axis ("type", "localizable",
// "repeated"), "" when it can.
func axisParam(f *cfield, repeated bool) string {
	switch {
	case f.Type != SimpleSelect && f.Type != Boolean && f.Type != Measurement:
		return "type"
	case f.Localizable || f.Scopable:
		return "localizable"
	case repeated:
		return "repeated"
	}
	return ""
}

// ProductGroup is a product model with its sub-models and variants, as the host
// stores them: Model's ID is the model's code; each member names its
// parent in Parent. With one level, members whose Parent is the model are
// variants; with two, they are sub-models and their children are variants.
// Unique values (SKU, GTIN) live on the variants; everything else may be
// set on the model or a sub-model and is inherited unless a variant sets
// it.
type ProductGroup struct {
	Variation Variation `json:"variation"`
	Model     Record    `json:"model"`
	Members   []Record  `json:"members"`
}

// level returns a member's level (1 or 2), or 0 when its parent is not the
// model or a level-1 member of a two-level group.
func (f ProductGroup) level(i int) int {
	p := f.Members[i].Parent
	if p == f.Model.ID && p != "" {
		return 1
	}
	if len(f.Variation.Levels) == 2 {
		for _, m := range f.Members {
			if m.ID == p && m.Parent == f.Model.ID && p != "" {
				return 2
			}
		}
	}
	return 0
}

func (f ProductGroup) leafLevel() int { return len(f.Variation.Levels) }

// chain returns the records member i inherits from, nearest first.
func (f ProductGroup) chain(i int) []*Record {
	var out []*Record
	p := f.Members[i].Parent
	for depth := 0; p != "" && depth < 2; depth++ {
		if p == f.Model.ID {
			out = append(out, &f.Model)
			break
		}
		j := slices.IndexFunc(f.Members, func(m Record) bool { return m.ID == p })
		if j < 0 {
			break
		}
		out = append(out, &f.Members[j])
		p = f.Members[j].Parent
	}
	return out
}

// inherit returns r's values followed by those of its ancestors that r (or
// a nearer ancestor) does not set for the same field, locale and channel;
// categories are the union, r's first.
func inherit(r Record, chain []*Record) Record {
	if len(chain) == 0 {
		return r
	}
	type key struct {
		f, l, c string
	}
	have := make(map[key]bool, len(r.Values))
	vals := slices.Clone(r.Values)
	cats := slices.Clone(r.Categories)
	for _, v := range vals {
		have[key{v.Field, v.Locale.String(), v.Channel}] = true
	}
	for _, a := range chain {
		for _, v := range a.Values {
			k := key{v.Field, v.Locale.String(), v.Channel}
			if !have[k] {
				have[k] = true
				vals = append(vals, v)
			}
		}
		for _, cat := range a.Categories {
			if !slices.Contains(cats, cat) {
				cats = append(cats, cat)
			}
		}
	}
	r.Values, r.Categories = vals, cats
	return r
}

// Variants lists the model's variants (the leaves) with their inherited
// values, in member order. Members at
// the wrong level are left out; [Compiled.ValidateProductGroup] reports them.
func (f ProductGroup) Variants() []Record {
	var out []Record
	for i := range f.Members {
		if f.level(i) == f.leafLevel() {
			out = append(out, inherit(f.Members[i], f.chain(i)))
		}
	}
	return out
}

// Variant returns the variant with SKU id with its inherited values: a
// variant that sets only size and SKU gets the model's title and the
// sub-model's colour and images. ok is false when no leaf has that SKU.
func (f ProductGroup) Variant(id string) (r Record, ok bool) {
	for i := range f.Members {
		if f.Members[i].ID == id && f.level(i) == f.leafLevel() {
			return inherit(f.Members[i], f.chain(i)), true
		}
	}
	return Record{}, false
}

// Children returns the members whose parent is code (the model's code or a
// sub-model's), without inherited values, in member order.
func (f ProductGroup) Children(code string) []Record {
	var out []Record
	for _, m := range f.Members {
		if m.Parent == code {
			out = append(out, m)
		}
	}
	return out
}

// ValidateProductGroup checks a model, its sub-models and variants at once:
//
//   - the variation ([Compiled.CheckVariation], paths "variation.levels[0][1]");
//   - the model and sub-models as drafts (they need not be complete; paths
//     "model.values.title[da-DK]", "variants[0].values..."), with rule
//     variant_unique for a Unique field set on them;
//   - each member's parent and level (rule parent);
//   - each member's axis values: present (rule axis_missing, path
//     "variants[3].axes.size"), not set for another level's axis (rule
//     axis, Param "level"), and unique among siblings (rule
//     axis_collision, Param the first sibling: "variants[0]"). Measurement
//     axes compare in the standard unit: 1000 GRAM collides with 1
//     KILOGRAM;
//   - each variant fully, required values included, over its inherited
//     values; duplicate SKUs and Unique values among members (rule
//     duplicate).
func (c *Compiled) ValidateProductGroup(f ProductGroup) error {
	var ps []contract.Problem
	if err := c.CheckVariation(f.Variation); err != nil {
		var vp problems
		vp.Merge("variation", err)
		return invalid("validate product group", vp.List())
	}
	ps = c.appendProblems(ps, "model.", &f.Model, false)
	ps = c.appendVariantUnique(ps, "model.", &f.Model)
	axisLevel := map[string]int{}
	for li, axes := range f.Variation.Levels {
		for _, a := range axes {
			axisLevel[a] = li + 1
		}
	}
	ids := map[string]int{}
	uniq := map[string]int{}
	siblings := map[string]int{} // parent + axis key -> member index
	leaf := f.leafLevel()
	for i := range f.Members {
		m := &f.Members[i]
		prefix := "variants[" + strconv.Itoa(i) + "]."
		lvl := f.level(i)
		if lvl == 0 {
			ps = append(ps, contract.Problem{Path: prefix + "parent", Rule: RuleParent, Param: safeSegment(m.Parent)})
			continue
		}
		if lvl < leaf {
			ps = c.appendProblems(ps, prefix, m, false)
			ps = c.appendVariantUnique(ps, prefix, m)
		} else {
			ps = c.appendLeaf(ps, prefix, m, f.chain(i))
		}
		if first, dup := ids[m.ID]; dup && m.ID != "" {
			ps = append(ps, contract.Problem{Path: prefix + c.idRule, Rule: RuleDuplicate, Param: "variants[" + strconv.Itoa(first) + "]"})
		} else if m.ID != "" {
			ids[m.ID] = i
		}
		if m.ID == f.Model.ID && m.ID != "" {
			ps = append(ps, contract.Problem{Path: prefix + c.idRule, Rule: RuleDuplicate, Param: "model"})
		}
		if lvl == leaf {
			ps = c.appendUnique(ps, prefix, "variants", i, m, uniq)
		}
		// Axes of this level.
		var key strings.Builder
		key.WriteString(m.Parent)
		for _, a := range f.Variation.Levels[lvl-1] {
			v, ok := m.Get(a, langUnd, "")
			if !ok || v.IsEmpty() {
				ps = append(ps, contract.Problem{Path: prefix + "axes." + a, Rule: RuleAxisMissing, Param: strconv.Itoa(lvl)})
				continue
			}
			key.WriteByte(0)
			key.WriteString(c.axisKey(a, v))
		}
		for _, fvv := range m.Values {
			if l, isAxis := axisLevel[fvv.Field]; isAxis && l != lvl {
				ps = append(ps, contract.Problem{Path: prefix + "axes." + fvv.Field, Rule: RuleAxis, Param: "level"})
			}
		}
		k := key.String()
		if first, dup := siblings[k]; dup {
			ps = append(ps, contract.Problem{Path: prefix + "axes", Rule: RuleAxisCollision, Param: "variants[" + strconv.Itoa(first) + "]"})
		} else {
			siblings[k] = i
		}
	}
	return invalid("validate product group", ps)
}

// axisKey renders an axis value for collision checks; measurements are
// converted to the standard unit and normalised.
func (c *Compiled) axisKey(field string, v Value) string {
	f := &c.fields[c.index[field]]
	if f.Type == Measurement && v.kind == kindMeasure {
		u, ok := f.Units.unit(v.s)
		su, sok := f.Units.unit(f.Units.Standard)
		if ok && sok {
			std, _ := convertRatio(v.decimal(), u, su).exact()
			return normDecimal(std)
		}
	}
	return v.Kind() + ":" + v.String()
}

// normDecimal prints d without trailing zeros: 1.500 -> "1.5".
func normDecimal(d decimal.Decimal) string {
	s := d.String()
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// appendVariantUnique reports Unique fields set on a model or sub-model.
func (c *Compiled) appendVariantUnique(ps []contract.Problem, prefix string, r *Record) []contract.Problem {
	for _, fi := range c.unique {
		f := &c.fields[fi]
		for _, v := range r.Values {
			if v.Field == f.Code && !v.Value.IsEmpty() {
				ps = append(ps, contract.Problem{Path: valuePath(prefix, f.Code, v.Locale, v.Channel), Rule: RuleVariantUnique, Param: f.Code})
			}
		}
	}
	return ps
}

// appendLeaf validates a variant's own values and checks required values
// over its own and inherited values.
func (c *Compiled) appendLeaf(ps []contract.Problem, prefix string, r *Record, chain []*Record) []contract.Problem {
	ps = c.appendProblems(ps, prefix, r, false)
	var own, inh slotState
	c.newState(&own)
	c.newState(&inh)
	c.scan(nil, "", r.Values, &own, false)
	for _, a := range chain {
		c.scan(nil, "", a.Values, &inh, false)
	}
	for i := range own.filled {
		own.filled[i] |= inh.filled[i]
	}
	return c.appendRequired(ps, prefix, &own)
}
