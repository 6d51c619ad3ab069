package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/catalog/akeneo"
	"github.com/pimkit/pimkit/contract"
)

// akeneoAttributes, akeneoFamily and akeneoExport are what an Akeneo
// instance's API returns: attribute and family documents, and products
// in JSON Lines, the bulk form.
var (
	akeneoAttributes = []string{
		`{"code":"sku","type":"pim_catalog_identifier","unique":true,"localizable":false,"scopable":false,"labels":{"en_GB":"SKU"}}`,
		`{"code":"name","type":"pim_catalog_text","max_characters":70,"localizable":true,"scopable":false,"labels":{"en_GB":"Name","da_DK":"Navn"}}`,
		`{"code":"price","type":"pim_catalog_price_collection","number_min":"0","decimals_allowed":true,"localizable":false,"scopable":false}`,
		`{"code":"weight","type":"pim_catalog_metric","metric_family":"Weight","default_metric_unit":"KILOGRAM","decimals_allowed":true,"negative_allowed":false,"localizable":false,"scopable":false}`,
	}
	akeneoFamily = `{"code":"tableware","attributes":["sku","name","price","weight"],"attribute_as_label":"name",` +
		`"attribute_requirements":{"webshop":["sku","name","price","weight"],"print":["sku","name"]}}`
	akeneoExport = `{"identifier":"BOWL-01","enabled":true,"family":"tableware","categories":["kitchen"],"values":{"name":[{"locale":"da_DK","scope":null,"data":"Skål"},{"locale":"en_GB","scope":null,"data":"Bowl"}],"price":[{"locale":null,"scope":null,"data":[{"amount":"129.00","currency":"DKK"},{"amount":"17.50","currency":"EUR"}]}],"weight":[{"locale":null,"scope":null,"data":{"amount":"450","unit":"GRAM"}}]},"associations":{"X_SELL":{"products":["PLATE-01"]}},"quality_scores":[{"scope":"webshop","locale":"da_DK","data":"A"}]}
{"identifier":"PLATE-01","enabled":true,"family":"tableware","values":{"name":[{"locale":"da_DK","scope":null,"data":"Tallerken"}],"price":[{"locale":null,"scope":null,"data":[{"amount":"99.00","currency":"DKK"}]}]}}
{"identifier":"CUP-01","enabled":true,"family":"tableware","values":{"price":[{"locale":null,"scope":null,"data":[{"amount":"49.00","currency":"DKR"}]}]}}
`
)

// akeneoImport reads an Akeneo instance's attributes and family into a
// schema, streams its product export into records, and counts each
// product's completeness by its family, as Akeneo does.
func akeneoImport(w io.Writer, channels []catalog.Channel) error {
	var attrs []akeneo.Attribute
	for _, doc := range akeneoAttributes {
		var a akeneo.Attribute
		if _, err := a.UnmarshalAkeneo([]byte(doc)); err != nil {
			return err
		}
		attrs = append(attrs, a)
	}
	var fam akeneo.Family
	if _, err := fam.UnmarshalAkeneo([]byte(akeneoFamily)); err != nil {
		return err
	}
	// Akeneo's standard measurement families with SI-checked factors.
	schema := akeneo.Schema(attrs, nil, catalog.MeasurementFamilies())
	c, err := schema.Compile(channels...)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nAkeneo import (JSON Lines), completeness by family:")
	d := akeneo.NewDecoder(strings.NewReader(akeneoExport), akeneo.AttributesOf(attrs))
	var p akeneo.Product
	for {
		dropped, err := d.Decode(&p)
		if err == io.EOF {
			return nil
		}
		var re *akeneo.RecordError
		var ve *contract.ValidationError
		if errors.As(err, &re) && errors.As(err, &ve) {
			fmt.Fprintf(w, "  line %d refused: %v\n", re.Line, ve.Problems)
			continue
		}
		if err != nil {
			return err
		}
		r := p.Record
		fmt.Fprintf(w, "  %-9s", r.ID)
		for _, comp := range c.FamilyCompleteness(r, fam.Family) {
			fmt.Fprintf(w, " %s/%s %d%%", comp.Channel, comp.Locale, comp.Percent)
		}
		for _, a := range r.Associations {
			fmt.Fprintf(w, "; %s -> %s", a.Type, a.ID)
		}
		for _, p := range dropped {
			fmt.Fprintf(w, "; not kept: %s", p.Path)
		}
		fmt.Fprintln(w)
	}
}
