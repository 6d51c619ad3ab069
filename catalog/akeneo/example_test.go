package akeneo_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/pimkit/pimkit/catalog/akeneo"
	"github.com/pimkit/pimkit/contract"
)

// A product document of Akeneo's API becomes a catalog record; what
// Akeneo computes (here the links and the option labels) is reported, not
// kept.
func ExampleProduct_UnmarshalAkeneo() {
	doc := `{"_links":{"self":{"href":"https://pim.example/api/rest/v1/products/cap"}},
	  "identifier":"cap","enabled":true,"family":"caps","categories":["summer"],
	  "values":{
	    "name":[{"locale":"en_US","scope":null,"data":"Cap"}],
	    "color":[{"locale":null,"scope":null,"data":"red","linked_data":{"attribute":"color","code":"red","labels":{"en_US":"Red"}}}],
	    "price":[{"locale":null,"scope":null,"data":[{"amount":"15.50","currency":"EUR"}]}]},
	  "associations":{"X_SELL":{"products":["sunglasses"]}},
	  "quantified_associations":{"PACK":{"products":[{"identifier":"socks","quantity":2}]}}}`
	attrs := akeneo.Attributes{"name": akeneo.TypeText, "color": akeneo.TypeSimpleSelect, "price": akeneo.TypePriceCollection}
	var p akeneo.Product
	dropped, err := p.UnmarshalAkeneo([]byte(doc), attrs)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := p.Record
	name, _ := r.Get("name", contract.MustLocale("en-US"), "")
	price, _ := r.Get("price", contract.Locale{}, "")
	fmt.Println(r.ID, r.Family, r.Status, r.Categories, name, price)
	for _, a := range r.Associations {
		fmt.Println(a.Type, a.Target, a.ID, a.Quantity)
	}
	for _, d := range dropped {
		fmt.Println("not carried:", d)
	}
	// Output:
	// cap caps active [summer] Cap 15.50 EUR
	// X_SELL product sunglasses 0
	// PACK product socks 2
	// not carried: values.color[0].linked_data: not_carried(read_only)
	// not carried: _links: not_carried(read_only)
}

// Reading an export in JSON Lines, Akeneo's bulk form, record by record
// into one reused product; a bad line is reported with its number and the
// stream goes on.
func ExampleDecoder() {
	export := `{"identifier":"cap","values":{"price":[{"locale":null,"scope":null,"data":[{"amount":"15.50","currency":"EUR"}]}]}}
{"identifier":"mug","values":{"price":[{"locale":null,"scope":null,"data":[{"amount":"9","currency":"EURO"}]}]}}
{"code":"shirt","family_variant":"shirt_by_size","values":{}}
`
	d := akeneo.NewDecoder(strings.NewReader(export), nil)
	var p akeneo.Product
	for {
		_, err := d.Decode(&p)
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(p.Record.ID, "model:", p.Model)
	}
	// Output:
	// cap model: false
	// akeneo: line 2: akeneo: invalid document: read product: 1 problem: values.price[0].data: currency
	// shirt model: true
}

// Patch applies Akeneo's PATCH semantics: values merge per attribute,
// locale and channel, null erases, other keys stay.
func ExamplePatch() {
	var p, patch akeneo.Product
	_, _ = p.UnmarshalAkeneo([]byte(`{"identifier":"cap","family":"caps","values":{
	  "name":[{"locale":"en_US","scope":null,"data":"Cap"},{"locale":"fr_FR","scope":null,"data":"Casquette"}],
	  "color":[{"locale":null,"scope":null,"data":"red"}]}}`), nil)
	_, _ = patch.UnmarshalAkeneo([]byte(`{"values":{
	  "name":[{"locale":"en_US","scope":null,"data":"Summer cap"}],
	  "color":[{"locale":null,"scope":null,"data":null}]}}`), nil)
	out, _ := akeneo.Patch(p, patch).MarshalAkeneo(nil)
	fmt.Println(string(out))
	// Output:
	// {"identifier":"cap","family":"caps","values":{"name":[{"locale":"en_US","scope":null,"data":"Summer cap"},{"locale":"fr_FR","scope":null,"data":"Casquette"}]}}
}

// An attribute becomes a catalog field with its validation rules; a
// family keeps which attributes each channel requires.
func ExampleAttribute_UnmarshalAkeneo() {
	var a akeneo.Attribute
	_, _ = a.UnmarshalAkeneo([]byte(`{"code":"weight","type":"pim_catalog_metric","metric_family":"Weight",
	  "default_metric_unit":"KILOGRAM","number_min":"0","number_max":"30","decimals_allowed":true,"negative_allowed":false,
	  "localizable":false,"scopable":false,"labels":{"en_US":"Weight"}}`))
	f := a.Field
	fmt.Println(f.Code, f.Type, f.Units.Code, f.DefaultUnit, f.Min, f.Max, f.Decimals)
	var fam akeneo.Family
	_, _ = fam.UnmarshalAkeneo([]byte(`{"code":"caps","attributes":["sku","name","weight"],"attribute_as_label":"name",
	  "attribute_requirements":{"ecommerce":["sku","name","weight"],"print":["sku"]}}`))
	fmt.Println(fam.Family.Code, fam.Family.Requirements["print"])
	// Output:
	// weight measurement Weight KILOGRAM 0 30 4
	// caps [sku]
}
