package catalog

import (
	"strings"
	"testing"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// TestValidateTags checks, for each configuration type with `validate`
// tags, that a broken field comes back from the operation that checks it
// with its JSON path and the tag's rule (design rule 9).
func TestValidateTags(t *testing.T) {
	long := strings.Repeat("x", 101)
	ok := Field{Code: "brand", Type: TextField}
	compile := func(s Schema, chs ...Channel) error {
		_, err := s.Compile(chs...)
		return err
	}
	product := func(fs ...Field) Schema { return Schema{Type: TypeProduct, Fields: fs} }
	c := mustCompile(testSchema(), testChannels()...)
	tests := []struct {
		name       string
		err        error
		path, rule string
	}{
		{"Schema.type required", compile(Schema{Fields: []Field{ok}}), "type", "required"},
		{"Schema.type at most 100 characters", compile(Schema{Type: DataType(long)}), "type", "max"},
		{"Field.code required", compile(product(Field{Type: TextField})), "fields[0].code", "required"},
		{"Field.code at most 100 characters", compile(product(Field{Code: long, Type: TextField})), "fields[0].code", "max"},
		{"Field.type required", compile(product(Field{Code: "a"})), "fields[0].type", "required"},
		{"Field.max_length not negative", compile(product(Field{Code: "a", Type: TextField, MaxLength: -1})), "fields[0].max_length", "gte"},
		{"Field.decimals not negative", compile(product(Field{Code: "a", Type: NumberField, Decimals: -1})), "fields[0].decimals", "gte"},
		{"Field.max_items not negative", compile(product(Field{Code: "a", Type: MultiSelect, MaxItems: -2})), "fields[0].max_items", "gte"},
		{"Field.max_size not negative", compile(product(Field{Code: "a", Type: Image, MaxSize: -1})), "fields[0].max_size", "gte"},
		{"SelectOption.code required", compile(product(Field{Code: "a", Type: SimpleSelect, Options: []SelectOption{{Code: "s"}, {}}})), "fields[0].options[1].code", "required"},
		{"UnitFamily.units dives into Unit.code", compile(product(Field{Code: "w", Type: Measurement, Units: UnitFamily{Standard: "KG", Units: []Unit{{Code: "KG"}, {Code: long}}}})), "fields[0].units.units[1].code", "max"},
		{"Channel.code required", compile(product(ok), Channel{Locales: []contract.Locale{daDK}}), "channels[0].code", "required"},
		{"Channel.locales at least one", compile(product(ok), Channel{Code: "web", Currencies: curs(currency.DKK)}), "channels[0].locales", "min"},
		{"Channel.category_tree at most 100 characters", compile(product(ok), Channel{Code: "web", Locales: []contract.Locale{daDK}, CategoryTree: long}), "channels[0].category_tree", "max"},
		{"CategoryNode.code required", func() error {
			_, err := NewTree(CategoryNode{Code: "master"}, CategoryNode{Parent: "master"})
			return err
		}(), "nodes[1].code", "required"},
		{"Variation.levels at most two", c.CheckVariation(Variation{Levels: [][]string{{"size"}, {"color"}, {"organic"}}}), "levels", "max"},
		{"Variation.levels[i] at least one axis", c.CheckVariation(Variation{Levels: [][]string{{"size"}, {}}}), "levels[1]", "min"},
		{"Unit.divisor not negative", compile(product(Field{Code: "w", Type: Measurement, Units: UnitFamily{Standard: "KG", Units: []Unit{{Code: "KG"}, {Code: "X", Divisor: cd("-1")}}}})), "fields[0].units.units[1].divisor", "dgte"},
		{"Family.code required", c.CheckFamily(Family{}), "code", "required"},
		{"Family.attributes entries not empty", c.CheckFamily(Family{Code: "f", Attributes: []string{""}}), "attributes[0]", "required"},
		{"Family.requirements entries not empty", c.CheckFamily(Family{Code: "f", Requirements: map[string][]string{"ecommerce": {""}}}), "requirements[ecommerce][0]", "required"},
		{"FamilyVariant.code at most 100 characters", c.CheckFamilyVariant(FamilyVariant{Code: long, Levels: []VariantLevel{{Axes: []string{"size"}}}}, Family{}), "code", "max"},
		{"FamilyVariant.levels at least one", c.CheckFamilyVariant(FamilyVariant{Code: "v"}, Family{}), "levels", "min"},
		{"VariantLevel.axes at least one", c.CheckFamilyVariant(FamilyVariant{Code: "v", Levels: []VariantLevel{{}}}, Family{}), "levels[0].axes", "min"},
		{"AttributeGroup.sort_order not negative", c.CheckAttributeGroups([]AttributeGroup{{Code: "g", SortOrder: -1}}), "groups[0].sort_order", "gte"},
		{"AssociationType.code required", CheckAssociations(Batch{}, []AssociationType{{}}), "types[0].code", "required"},
		{"Order.number required", Order{Currency: contract.CurrencyOf(currency.DKK)}.Validate(), "number", "required"},
		{"Order.lines dives into OrderLine.sku", Order{Number: "1", Currency: contract.CurrencyOf(currency.DKK), Lines: []OrderLine{{Quantity: cd("1"), UnitPrice: contract.MustParseMoney("1", currency.DKK)}}}.Validate(), "lines[0].sku", "required"},
		{"OrderLine.quantity greater than 0", Order{Number: "1", Currency: contract.CurrencyOf(currency.DKK), Lines: []OrderLine{{SKU: "A", UnitPrice: contract.MustParseMoney("1", currency.DKK)}}}.Validate(), "lines[0].quantity", "dgt"},
		{"OrderLine.vat_rate below 1", Order{Number: "1", Currency: contract.CurrencyOf(currency.DKK), Lines: []OrderLine{{SKU: "A", Quantity: cd("1"), UnitPrice: contract.MustParseMoney("1", currency.DKK), VATRate: cd("1")}}}.Validate(), "lines[0].vat_rate", "dlt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := false
			for _, p := range problemsOf(t, tt.err) {
				found = found || p.Path == tt.path && p.Rule == tt.rule
			}
			if !found {
				t.Errorf("error %v has no problem %s: %s", tt.err, tt.path, tt.rule)
			}
		})
	}
}
