package catalog

import (
	"cmp"
	"slices"
	"strconv"
)

// AttributeGroup groups fields for display and for permissions (Akeneo's
// attribute group), e.g. "marketing" with the name and description. Each
// field belongs to at most one group; SortOrder orders groups on a
// product form, lowest first, equal orders by code.
//
// Its JSON is {"code":"marketing","sort_order":1,"attributes":["name"],"labels":[..]}.
type AttributeGroup struct {
	Code       string   `json:"code" validate:"required,max=100"`
	SortOrder  int      `json:"sort_order,omitzero" validate:"gte=0"`
	Attributes []string `json:"attributes,omitzero" validate:"dive,required"`
	Labels     Labels   `json:"labels,omitzero"`
}

// CheckAttributeGroups checks attribute groups against the schema, all
// problems at once: validate tags; codes unique ("groups[2].code", rule
// duplicate); each attribute a known field (rule unknown_field) in one
// group only ("groups[2].attributes[0]", rule duplicate, Param the code of
// the group that has it first).
func (c *Compiled) CheckAttributeGroups(groups []AttributeGroup) error {
	var ps problems
	codes := make(map[string]bool, len(groups))
	owner := map[string]string{}
	for i, g := range groups {
		gp := "groups[" + strconv.Itoa(i) + "]"
		ps.Check(gp, g)
		if checkCode(&ps, gp+".code", g.Code, true, false) && codes[g.Code] {
			ps.Add(gp+".code", RuleDuplicate, g.Code)
		}
		codes[g.Code] = true
		for j, a := range g.Attributes {
			path := gp + ".attributes[" + strconv.Itoa(j) + "]"
			if _, ok := c.index[a]; !ok && a != c.idRule {
				ps.Add(path, RuleUnknownField, safeSegment(a))
				continue
			}
			if first, dup := owner[a]; dup {
				ps.Add(path, RuleDuplicate, safeSegment(first))
				continue
			}
			owner[a] = g.Code
		}
	}
	return ps.Err("check attribute groups", ErrInvalid)
}

// SortAttributeGroups returns a copy of groups in form order: by
// SortOrder, then by code. groups is unchanged.
func SortAttributeGroups(groups []AttributeGroup) []AttributeGroup {
	out := slices.Clone(groups)
	slices.SortStableFunc(out, func(a, b AttributeGroup) int {
		return cmp.Or(cmp.Compare(a.SortOrder, b.SortOrder), cmp.Compare(a.Code, b.Code))
	})
	return out
}
