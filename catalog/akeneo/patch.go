package akeneo

import (
	"slices"
	"strings"

	"github.com/pimkit/pimkit/catalog"
)

// Patch applies patch to dst as Akeneo's PATCH does and returns the
// result; dst is unchanged. Only the keys in patch.Given change (every
// key when Given is nil):
//
//   - scalars (enabled, family, family_variant, parent, created, updated)
//     are replaced; null ("" or the zero time) erases;
//   - categories and groups are replaced as a whole;
//   - values merge per attribute, locale and channel: a value in patch
//     replaces the one of dst for the same attribute, locale and channel,
//     an empty value ("data": null) erases it, the others stay;
//   - associations merge per association type, and within a type per
//     list: a list the patch has (products, product_models, groups; see
//     [Product.Lists]) replaces dst's, even when empty; a list it leaves
//     out stays; quantified associations the same.
//
// So a patch {"values":{"name":[{"locale":"en_US","scope":null,"data":"Cap"}]}}
// renames the product in English and leaves every other value alone.
func Patch(dst, patch Product) Product {
	out := dst
	r, pr := &out.Record, &patch.Record
	r.Values = slices.Clone(dst.Record.Values)
	r.Categories = slices.Clone(dst.Record.Categories)
	r.Groups = slices.Clone(dst.Record.Groups)
	r.Associations = slices.Clone(dst.Record.Associations)
	out.Lists = slices.Clone(dst.Lists)
	has := func(k string) bool { return patch.Given == nil || slices.Contains(patch.Given, k) }
	if has("enabled") {
		r.Status = pr.Status
	}
	if has("family") {
		r.Family = pr.Family
	}
	if has("family_variant") {
		r.FamilyVariant = pr.FamilyVariant
	}
	if has("parent") {
		r.Parent = pr.Parent
	}
	if has("created") {
		r.Created = pr.Created
	}
	if has("updated") {
		r.Updated = pr.Updated
	}
	if has("categories") {
		r.Categories = slices.Clone(pr.Categories)
	}
	if has("groups") {
		r.Groups = slices.Clone(pr.Groups)
	}
	if has("values") {
		r.Values = MergeValues(r.Values, pr.Values)
	}
	for _, l := range patch.lists() {
		if !has("associations") && !l.Quantified || !has("quantified_associations") && l.Quantified {
			continue
		}
		// The list is replaced: dst's members of it go, patch's come.
		in := func(a catalog.Association) bool {
			return a.Type == l.Type && a.Target == l.Target && (a.Quantity > 0) == l.Quantified
		}
		r.Associations = slices.DeleteFunc(r.Associations, in)
		for _, a := range pr.Associations {
			if in(a) {
				r.Associations = append(r.Associations, a)
			}
		}
		if i := slices.IndexFunc(out.Lists, func(m AssociationList) bool {
			return m.Type == l.Type && m.Target == l.Target && m.Quantified == l.Quantified
		}); i >= 0 {
			out.Lists[i] = l
		} else if out.Lists != nil {
			out.Lists = append(out.Lists, l)
		}
	}
	// The order the reader gives: plain lists before quantified ones, by
	// type, then products, product models, groups; members in list order.
	slices.SortStableFunc(r.Associations, func(a, b catalog.Association) int {
		return listOrder(a.Quantity > 0, a.Type, a.Target, b.Quantity > 0, b.Type, b.Target)
	})
	slices.SortStableFunc(out.Lists, func(a, b AssociationList) int {
		return listOrder(a.Quantified, a.Type, a.Target, b.Quantified, b.Type, b.Target)
	})
	if len(r.Associations) == 0 {
		r.Associations = nil
	}
	if dst.Given != nil && patch.Given != nil {
		out.Given = slices.Clone(dst.Given)
		for _, k := range Keys {
			if slices.Contains(patch.Given, k) && !slices.Contains(out.Given, k) {
				out.Given = append(out.Given, k)
			}
		}
		slices.SortFunc(out.Given, func(a, b string) int { return slices.Index(Keys, a) - slices.Index(Keys, b) })
	} else {
		out.Given = nil
	}
	return out
}

// MergeValues merges patch into vals per field, locale and channel, as
// Akeneo merges a product's values: a value of patch replaces the value of
// vals for the same field, locale and channel (in its place) or is added
// at the end; an empty value erases it. vals is unchanged.
func MergeValues(vals, patch []catalog.FieldValue) []catalog.FieldValue {
	out := slices.Clone(vals)
	for _, p := range patch {
		i := slices.IndexFunc(out, func(v catalog.FieldValue) bool {
			return v.Field == p.Field && v.Locale == p.Locale && v.Channel == p.Channel
		})
		switch {
		case i >= 0 && p.Value.IsEmpty():
			out = slices.Delete(out, i, i+1)
		case i >= 0:
			out[i] = p
		case !p.Value.IsEmpty():
			out = append(out, p)
		}
	}
	return out
}

func listOrder(qa bool, ta string, ka catalog.TargetKind, qb bool, tb string, kb catalog.TargetKind) int {
	switch {
	case qa != qb && !qa:
		return -1
	case qa != qb:
		return 1
	case ta != tb:
		return strings.Compare(ta, tb)
	}
	return int(ka) - int(kb)
}
