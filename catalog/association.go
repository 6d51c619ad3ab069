package catalog

import (
	"slices"
	"strconv"

	"github.com/pimkit/pimkit/internal/enum"
)

// TargetKind is what an [Association] points at: a product, a product
// model or a group of products (Akeneo's "products", "product_models" and
// "groups" of an association). The zero TargetKind is invalid.
type TargetKind uint8

// Target kinds.
const (
	targetInvalid      TargetKind = iota
	TargetProduct                 // a product or variant, by its ID (SKU)
	TargetProductModel            // a product model or sub-model, by its code
	TargetGroup                   // a group of products, by its code
)

var targetKindNames = enum.Names{"", "product", "product_model", "group"}

// String returns "product", "product_model" or "group".
func (k TargetKind) String() string { return enum.String(targetKindNames, k, "TargetKind") }

// MarshalText returns the kind's text; the zero TargetKind is an error
// wrapping [ErrEnum].
func (k TargetKind) MarshalText() ([]byte, error) {
	return enum.Marshal(targetKindNames, k, "target kind", ErrEnum)
}

// UnmarshalText reads "product", "product_model" or "group"; Akeneo's
// plural "products" is an error wrapping [ErrEnum].
func (k *TargetKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(targetKindNames, b, k, "target kind", ErrEnum)
}

// The association types Akeneo ships with; a host may define more
// ([AssociationType]).
const (
	CrossSell    = "X_SELL"       // "customers also bought"
	Upsell       = "UPSELL"       // a better, dearer product
	Substitution = "SUBSTITUTION" // a product that can replace this one
	Pack         = "PACK"         // the products this one is sold with; quantified in pimkit's defaults
)

// Association links a record to another product, product model or group
// under an association type, e.g. {Type: "PACK", Target:
// TargetProduct, ID: "BATTERY-AA", Quantity: 4}: the record is sold
// with four AA batteries. Quantity is set only for types that are
// quantified ([AssociationType.Quantified]); it is then at least 1.
// Its JSON is {"type":"PACK","target":"product","id":"BATTERY-AA","quantity":4}.
type Association struct {
	Type     string     `json:"type"`
	Target   TargetKind `json:"target"`
	ID       string     `json:"id"`
	Quantity int        `json:"quantity,omitzero"`
}

// AssociationType defines a kind of association (Akeneo's association
// type): Akeneo's X_SELL, UPSELL, SUBSTITUTION and PACK or a host's own
// code. Quantified associations carry a quantity of at least 1 (a pack of
// four batteries); two-way associations hold in both directions, so a
// link from A to B implies the link from B to A (see
// [TwoWayAssociations]). A two-way type links products and product
// models only, never groups, and cannot be quantified (Akeneo's rule).
//
// Its JSON is {"code":"PACK","labels":[..],"quantified":true}.
type AssociationType struct {
	Code       string `json:"code" validate:"required,max=100"`
	Labels     Labels `json:"labels,omitzero"`
	Quantified bool   `json:"quantified,omitzero"`
	TwoWay     bool   `json:"two_way,omitzero"`
}

// StandardAssociationTypes returns Akeneo's four association types:
// X_SELL, UPSELL and SUBSTITUTION, one-way and without quantities, and
// PACK, quantified (Akeneo installs PACK without quantities; a pack whose
// contents have no counts says too little, so pimkit's default counts
// them). Each call returns new values.
func StandardAssociationTypes() []AssociationType {
	return []AssociationType{
		{Code: CrossSell},
		{Code: Upsell},
		{Code: Substitution},
		{Code: Pack, Quantified: true},
	}
}

// Batch is a set of records checked together: products (and variants),
// product models (and sub-models) and the codes of product groups.
// Associations may only point inside it.
type Batch struct {
	Products []Record `json:"products"`
	Models   []Record `json:"models,omitzero"`
	Groups   []string `json:"groups,omitzero"`
}

// CheckAssociations checks the associations of every record in b against
// the association types, all problems at once, with paths such as
// "products[3].associations[1].id":
//
//   - the type is one of types (rule association, Param "type");
//   - the target kind is set (rule target); a two-way type targets
//     products and product models only (rule target, Param "two_way"), as
//     does a quantified one (Param "quantified");
//   - a quantified type has a quantity of at least 1, any other type
//     none (rule quantity, on ".quantity");
//   - no record is associated with itself and no association is repeated
//     (rule association, Param "self" or "repeated");
//   - the target is in b: a product, model or group of that ID (rule
//     dangling, Param the target kind), so a batch refers to nothing it
//     does not hold.
//
// A quantified two-way type is refused with problem "types[i]" rule
// association, Param "two_way": the quantity has no meaning read
// backwards (a pack holds four batteries; a battery does not hold four
// packs).
func CheckAssociations(b Batch, types []AssociationType) error {
	var ps problems
	byCode := make(map[string]*AssociationType, len(types))
	for i := range types {
		t := &types[i]
		path := "types[" + strconv.Itoa(i) + "]"
		ps.Check(path, *t)
		if t.Quantified && t.TwoWay {
			ps.Add(path, RuleAssociation, "two_way")
		}
		byCode[t.Code] = t
	}
	have := [4]map[string]bool{}
	for k := range have {
		have[k] = map[string]bool{}
	}
	for _, r := range b.Products {
		have[TargetProduct][r.ID] = true
	}
	for _, r := range b.Models {
		have[TargetProductModel][r.ID] = true
	}
	for _, g := range b.Groups {
		have[TargetGroup][g] = true
	}
	check := func(list string, kind TargetKind, rs []Record) {
		for i := range rs {
			r := &rs[i]
			type key struct {
				typ  string
				kind TargetKind
				id   string
			}
			seen := make(map[key]bool, len(r.Associations))
			for j, a := range r.Associations {
				path := list + "[" + strconv.Itoa(i) + "].associations[" + strconv.Itoa(j) + "]"
				t, ok := byCode[a.Type]
				if !ok {
					ps.Add(path+".type", RuleAssociation, "type")
					continue
				}
				switch {
				case a.Target < TargetProduct || a.Target > TargetGroup:
					ps.Add(path+".target", RuleTarget, "")
					continue
				case t.TwoWay && a.Target == TargetGroup:
					ps.Add(path+".target", RuleTarget, "two_way")
				case t.Quantified && a.Target == TargetGroup:
					ps.Add(path+".target", RuleTarget, "quantified")
				}
				if t.Quantified && a.Quantity < 1 {
					ps.Add(path+".quantity", RuleQuantity, "1")
				} else if !t.Quantified && a.Quantity != 0 {
					ps.Add(path+".quantity", RuleQuantity, "0")
				}
				k := key{a.Type, a.Target, a.ID}
				switch {
				case a.Target == kind && a.ID == r.ID:
					ps.Add(path, RuleAssociation, "self")
				case seen[k]:
					ps.Add(path, RuleAssociation, "repeated")
				case !have[a.Target][a.ID]:
					ps.Add(path+".id", RuleDangling, a.Target.String())
				}
				seen[k] = true
			}
		}
	}
	check("products", TargetProduct, b.Products)
	check("models", TargetProductModel, b.Models)
	return ps.Err("check associations", ErrInvalid)
}

// TwoWayAssociations returns a copy of b in which every association of a
// two-way type also holds backwards: when product A lists B under a
// two-way type "COMPATIBLE", B gains {COMPATIBLE, product, A} unless it
// has it. Inverse links are appended in the order their sources appear
// (products first, then models); targets outside b and groups are left
// alone (see [CheckAssociations]). b is unchanged.
func TwoWayAssociations(b Batch, types []AssociationType) Batch {
	twoWay := map[string]bool{}
	for _, t := range types {
		if t.TwoWay {
			twoWay[t.Code] = true
		}
	}
	out := Batch{Products: slices.Clone(b.Products), Models: slices.Clone(b.Models), Groups: slices.Clone(b.Groups)}
	index := map[TargetKind]map[string]int{TargetProduct: {}, TargetProductModel: {}}
	lists := map[TargetKind][]Record{TargetProduct: out.Products, TargetProductModel: out.Models}
	for kind, rs := range lists {
		for i := range rs {
			rs[i].Associations = slices.Clone(rs[i].Associations)
			if _, dup := index[kind][rs[i].ID]; !dup {
				index[kind][rs[i].ID] = i
			}
		}
	}
	for _, kind := range []TargetKind{TargetProduct, TargetProductModel} {
		rs := lists[kind]
		for i := range rs {
			for _, a := range rs[i].Associations {
				if !twoWay[a.Type] || (a.Target != TargetProduct && a.Target != TargetProductModel) {
					continue
				}
				j, ok := index[a.Target][a.ID]
				if !ok {
					continue
				}
				target := &lists[a.Target][j]
				inv := Association{Type: a.Type, Target: kind, ID: rs[i].ID}
				if !slices.ContainsFunc(target.Associations, func(x Association) bool {
					return x.Type == inv.Type && x.Target == inv.Target && x.ID == inv.ID
				}) {
					target.Associations = append(target.Associations, inv)
				}
			}
		}
	}
	return out
}
