package catalog

import "github.com/pimkit/pimkit/internal/enum"

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
