package akeneo

import (
	"slices"

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
//     list: a list patch has (products, product_models, groups) replaces
//     dst's, a list it leaves out (nil) stays; quantified associations
//     the same.
//
// So a patch {"values":{"name":[{"locale":"en_US","scope":null,"data":"Cap"}]}}
// renames the product in English and leaves every other value alone.
func Patch(dst, patch Product) Product {
	out := dst
	out.Record.Values = slices.Clone(dst.Record.Values)
	out.Record.Categories = slices.Clone(dst.Record.Categories)
	out.Groups = slices.Clone(dst.Groups)
	out.Associations = slices.Clone(dst.Associations)
	out.Quantified = slices.Clone(dst.Quantified)
	has := func(k string) bool { return patch.Given == nil || slices.Contains(patch.Given, k) }
	if has("enabled") {
		out.Record.Status = patch.Record.Status
	}
	if has("family") {
		out.Family = patch.Family
	}
	if has("family_variant") {
		out.FamilyVariant = patch.FamilyVariant
	}
	if has("parent") {
		out.Record.Parent = patch.Record.Parent
	}
	if has("created") {
		out.Created = patch.Created
	}
	if has("updated") {
		out.Updated = patch.Updated
	}
	if has("categories") {
		out.Record.Categories = slices.Clone(patch.Record.Categories)
	}
	if has("groups") {
		out.Groups = slices.Clone(patch.Groups)
	}
	if has("values") {
		out.Record.Values = MergeValues(out.Record.Values, patch.Record.Values)
	}
	if has("associations") {
		for _, a := range patch.Associations {
			i := slices.IndexFunc(out.Associations, func(b Association) bool { return b.Type == a.Type })
			if i < 0 {
				out.Associations = append(out.Associations, Association{Type: a.Type})
				i = len(out.Associations) - 1
			}
			b := &out.Associations[i]
			if a.Products != nil {
				b.Products = slices.Clone(a.Products)
			}
			if a.ProductModels != nil {
				b.ProductModels = slices.Clone(a.ProductModels)
			}
			if a.Groups != nil {
				b.Groups = slices.Clone(a.Groups)
			}
		}
		slices.SortFunc(out.Associations, func(a, b Association) int { return cmpString(a.Type, b.Type) })
	}
	if has("quantified_associations") {
		for _, q := range patch.Quantified {
			i := slices.IndexFunc(out.Quantified, func(b QuantifiedAssociation) bool { return b.Type == q.Type })
			if i < 0 {
				out.Quantified = append(out.Quantified, QuantifiedAssociation{Type: q.Type})
				i = len(out.Quantified) - 1
			}
			b := &out.Quantified[i]
			if q.Products != nil {
				b.Products = slices.Clone(q.Products)
			}
			if q.ProductModels != nil {
				b.ProductModels = slices.Clone(q.ProductModels)
			}
		}
		slices.SortFunc(out.Quantified, func(a, b QuantifiedAssociation) int { return cmpString(a.Type, b.Type) })
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

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
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
