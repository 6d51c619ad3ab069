package catalog

import (
	"strconv"

	"github.com/pimkit/pimkit/contract"
)

// Validate checks r against the schema and reports every problem at once in
// a [*contract.ValidationError] (nil when r is valid), in schema order:
//
//   - the ID (path "sku" for products, "id" otherwise): present, at most
//     255 characters, no surrounding spaces, commas, semicolons or line
//     breaks (rule identifier);
//   - status and categories (path "categories[1]": empty or repeated
//     codes, rule category);
//   - each value: a known field (rule unknown_field), a locale exactly when
//     localizable and active in the value's channel (rule locale), a
//     channel exactly when scopable (rule channel), at most one value per
//     slot (rule duplicate_value), the field type's kind (rule type) and the
//     type's rules (max_length, min, max, decimals, negative, option, unit,
//     currency, extension, max_size, max_items, gtin, reference);
//   - required values per channel and locale (rule required, Param the
//     channel): "values.title[da-DK]: required(ecommerce)". A non-scopable
//     price is required to carry every currency of each requiring channel.
//
// Use [Compiled.ValidateDraft] to skip the required rule for drafts.
func (c *Compiled) Validate(r Record) error {
	return invalid("validate record", c.appendProblems(nil, "", &r, true))
}

// Assess validates r exactly as [Compiled.Validate] does and computes its
// [Compiled.Completeness] from the same pass over the values, which halves
// the work when a host needs both (a bulk import, a nightly recount).
func (c *Compiled) Assess(r Record) ([]Completeness, error) {
	var st slotState
	ps := c.appendProblemsState(nil, "", &r, true, &st)
	return c.completenessOf(&st), invalid("validate record", ps)
}

// ValidateDraft is [Compiled.Validate] without the required rule, for
// saving work in progress; completeness still reports what is missing.
func (c *Compiled) ValidateDraft(r Record) error {
	return invalid("validate draft", c.appendProblems(nil, "", &r, false))
}

// ValidateBatch validates every record with [Compiled.Validate], prefixing
// paths with "records[i].", and adds rule duplicate for an ID or a Unique
// field value used by an earlier record of the batch; Param names the
// first record: "records[3].sku: duplicate(records[0])". GTINs are
// compared in their GTIN-14 form, so "96385074" and "00000096385074"
// collide.
func (c *Compiled) ValidateBatch(rs []Record) error {
	var ps []contract.Problem
	ids := make(map[string]int, len(rs))
	uniq := make(map[string]int)
	for i := range rs {
		prefix := "records[" + strconv.Itoa(i) + "]."
		ps = c.appendProblems(ps, prefix, &rs[i], true)
		if id := rs[i].ID; id != "" {
			if first, dup := ids[id]; dup {
				ps = append(ps, contract.Problem{Path: prefix + c.idRule, Rule: RuleDuplicate, Param: "records[" + strconv.Itoa(first) + "]"})
			} else {
				ids[id] = i
			}
		}
		ps = c.appendUnique(ps, prefix, "records", i, &rs[i], uniq)
	}
	return invalid("validate batch", ps)
}

func (c *Compiled) appendUnique(ps []contract.Problem, prefix, list string, i int, r *Record, uniq map[string]int) []contract.Problem {
	for _, fi := range c.unique {
		f := &c.fields[fi]
		for _, fv := range r.Values {
			if fv.Field != f.Code {
				continue
			}
			s, ok := fv.Value.Text()
			if !ok || s == "" {
				continue
			}
			if f.Type == GTIN {
				if g, err := GTIN14(s); err == nil {
					s = g
				}
			}
			key := f.Code + "\x00" + s
			if first, dup := uniq[key]; dup && first != i {
				ps = append(ps, contract.Problem{Path: valuePath(prefix, f.Code, fv.Locale, fv.Channel), Rule: RuleDuplicate, Param: list + "[" + strconv.Itoa(first) + "]"})
			} else if !dup {
				uniq[key] = i
			}
		}
	}
	return ps
}

func (c *Compiled) appendProblems(ps []contract.Problem, prefix string, r *Record, required bool) []contract.Problem {
	var st slotState
	return c.appendProblemsState(ps, prefix, r, required, &st)
}

func (c *Compiled) appendProblemsState(ps []contract.Problem, prefix string, r *Record, required bool, st *slotState) []contract.Problem {
	if p, ok := checkIdentifier(r.ID, defaultMaxText); !ok {
		ps = append(ps, contract.Problem{Path: prefix + c.idRule, Rule: RuleIdentifier, Param: p})
	}
	if int(r.Status) >= len(statusNames) {
		ps = append(ps, contract.Problem{Path: prefix + "status", Rule: RuleStatus, Param: strconv.Itoa(int(r.Status))})
	}
	for i, cat := range r.Categories {
		bad := cat == "" || len(cat) > maxCodeLen
		for j := 0; j < i && !bad; j++ {
			bad = r.Categories[j] == cat
		}
		if bad {
			ps = append(ps, contract.Problem{Path: prefix + "categories[" + strconv.Itoa(i) + "]", Rule: RuleCategory, Param: ""})
		}
	}
	c.newState(st)
	ps = c.scan(ps, prefix, r.Values, st, true)
	if required {
		ps = c.appendRequired(ps, prefix, st)
	}
	return ps
}

// appendRequired reports each required slot that is not filled, once, in
// schema order (see [Compiled.buildRequired]).
func (c *Compiled) appendRequired(ps []contract.Problem, prefix string, st *slotState) []contract.Problem {
	for i := range c.required {
		rq := &c.required[i]
		if !bit(st.filled, rq.slot) {
			// Path and message are built once, at compile time.
			path := rq.path
			if prefix != "" {
				path = prefix + path
			}
			ps = append(ps, contract.Problem{Path: path, Rule: RuleRequired, Param: c.channels[rq.param].Code, Message: rq.msg})
		}
	}
	return ps
}

// scan walks the values once, marking slots and, when check is set,
// appending problems.
// checkIdentifier reports whether s is a usable identifier: non-empty, at
// most max characters, no surrounding spaces, no comma, semicolon or
// control character. The first result is the rule's parameter.
func checkIdentifier(s string, max int) (string, bool) {
	if s == "" {
		return "empty", false
	}
	if len(s) > max {
		return strconv.Itoa(max), false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return "space", false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == ',' || c == ';' {
			return "character", false
		}
	}
	return "", true
}
