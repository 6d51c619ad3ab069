package catalog

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
