package akeneo

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/roundtrip"
)

// read reads an Akeneo document into v, failing the test on an error.
func read(t *testing.T, v interface {
	UnmarshalAkeneo([]byte) ([]contract.Problem, error)
}, doc string) {
	t.Helper()
	if _, err := v.UnmarshalAkeneo([]byte(doc)); err != nil {
		t.Fatal(err)
	}
}

// TestRoundTrip checks that every exported value of the package survives
// encoding/json and compares equal with go-cmp without options, so that a
// host can store what it read from Akeneo in pimkit's own JSON.
func TestRoundTrip(t *testing.T) {
	var p Product
	if _, err := p.UnmarshalAkeneo([]byte(`{"code":"model_1","family":"clothing","family_variant":"by_color","parent":"root",`+
		`"categories":["shirts"],"values":{"name":[{"locale":"en_US","scope":null,"data":"Shirt"}],"price":[{"locale":null,"scope":"ecommerce","data":[{"amount":"19.99","currency":"EUR"}]}]},`+
		`"created":"2026-01-02T10:00:00+01:00","updated":"2026-01-03T10:00:00+00:00","associations":{"X_SELL":{"products":["cap"],"groups":["promo"]}},`+
		`"quantified_associations":{"PACK":{"products":[{"uuid":"fc24e6c3-933c-4a93-8a81-e5c703d134d5","quantity":2}]}}}`), nil); err != nil {
		t.Fatal(err)
	}
	p.Record.Status, p.Record.Version, p.Record.Groups, p.Record.UUID, p.Record.Row = catalog.StatusActive, 3, []string{"g"}, "u", 7
	var a Attribute
	read(t, &a, `{"code":"weight","type":"pim_catalog_metric","group":"technical","unique":true,"useable_as_grid_filter":true,`+
		`"allowed_extensions":["jpg"],"metric_family":"Weight","default_metric_unit":"KILOGRAM","reference_data_name":"colors","available_locales":["en_US"],`+
		`"max_characters":10,"validation_rule":"regexp","validation_regexp":"^[0-9]+$","wysiwyg_enabled":true,"number_min":"0.5","number_max":"30",`+
		`"decimals_allowed":true,"negative_allowed":true,"date_min":"2020-01-01T00:00:00+00:00","date_max":"2030-01-01T00:00:00+00:00","max_file_size":"10.00",`+
		`"minimum_input_length":2,"sort_order":4,"localizable":true,"scopable":true,"default_value":true,"labels":{"en_US":"Weight"},"is_mandatory":true,`+
		`"decimal_places_strategy":"round","decimal_places":2}`)
	a.Field.Required, a.Field.Options, a.Field.MaxItems, a.Field.PriceBasis = []string{"ecommerce"}, []catalog.SelectOption{{Code: "x"}}, 3, catalog.InclVAT
	a.Field.Units = catalog.UnitFamily{Code: "Weight", Labels: a.Field.Labels, Standard: "KILOGRAM",
		Units: []catalog.Unit{{Code: "GRAM", Labels: a.Field.Labels, Symbol: "g", Factor: contract.MustDec("0.001"), Offset: contract.MustDec("1"), Divisor: contract.MustDec("3")}}}
	var o AttributeOption
	read(t, &o, `{"code":"black","attribute":"color","sort_order":2,"labels":{"en_US":"Black","fr_FR":"Noir"}}`)
	var g AttributeGroup
	read(t, &g, `{"code":"marketing","sort_order":4,"attributes":["sku","name"],"labels":{"en_US":"Marketing"}}`)
	var f Family
	read(t, &f, `{"code":"caps","attributes":["sku","name","picture"],"attribute_as_label":"name","attribute_as_image":"picture","attribute_requirements":{"ecommerce":["sku","name"]},"labels":{"en_US":"Caps"}}`)
	var v FamilyVariant
	read(t, &v, `{"code":"shoes_size","labels":{"en_US":"Shoes by size"},"variant_attribute_sets":[{"level":1,"axes":["color"],"attributes":["color","image"]},{"level":2,"axes":["size"],"attributes":["sku","size"]}]}`)
	v.Variant.Family = "shoes"
	var c Category
	read(t, &c, `{"code":"winter","parent":"master","updated":"2021-05-22T12:48:00+02:00","position":1,"labels":{"en_US":"Winter"}}`)
	var ch Channel
	read(t, &ch, `{"code":"ecommerce","currencies":["USD","EUR"],"locales":["en_US","fr_FR"],"category_tree":"master","conversion_units":{"weight":"KILOGRAM"},"labels":{"en_US":"Ecommerce"}}`)
	var l Locale
	read(t, &l, `{"code":"en_US","enable":true}`)
	var cur Currency
	read(t, &cur, `{"code":"EUR","enabled":true,"label":"Euro"}`)
	var at AssociationType
	read(t, &at, `{"code":"PACK","labels":{"en_US":"Pack"},"is_quantified":true,"is_two_way":true}`)
	var m MeasurementFamily
	read(t, &m, `{"code":"Temperature","labels":{"en_US":"Temperature"},"standard_unit_code":"KELVIN","units":{"FAHRENHEIT":{"code":"FAHRENHEIT","labels":{"en_US":"Fahrenheit"},"convert_from_standard":[{"operator":"sub","value":"32"},{"operator":"div","value":"1.8"},{"operator":"add","value":"273.15"}],"symbol":"°F"}}}`)
	n := roundtrip.Check(t, os.DirFS("."), roundtrip.Table{
		Samples: []any{p, p.Lists[0], a, o, g, f, v, c, ch, l, cur, at, m, m.Operations[0][0],
			Attributes{"price": TypePriceCollection}},
		NotValues: map[string]string{
			"Decoder":     "a stream reader over an io.Reader",
			"RecordError": "an error",
		},
		Partial: map[string]string{
			"AssociationList": "By is set only for quantified lists that name members by UUID or code",
		},
	}, func(x, y any) bool { return cmp.Equal(x, y) }, func(x, y any) string { return cmp.Diff(x, y) })
	if n == 0 {
		t.Fatal("no types")
	}
}
