package main

import (
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/catalog/akeneo"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// akeneoImport reads one product and its family from an Akeneo instance's
// API documents, counts the product's completeness by its family as
// Akeneo does, and shows what moving it to another family would gain and
// lose.
func (t *tour) akeneoImport() error {
	docs := []string{
		`{"code":"sku","type":"pim_catalog_identifier","unique":true,"localizable":false,"scopable":false}`,
		`{"code":"name","type":"pim_catalog_text","max_characters":70,"localizable":true,"scopable":false}`,
		`{"code":"price","type":"pim_catalog_price_collection","decimals_allowed":true,"localizable":false,"scopable":false}`,
		`{"code":"glaze","type":"pim_catalog_text","localizable":false,"scopable":false}`,
	}
	var attrs []akeneo.Attribute
	for _, doc := range docs {
		var a akeneo.Attribute
		if _, err := a.UnmarshalAkeneo([]byte(doc)); err != nil {
			return err
		}
		attrs = append(attrs, a)
	}
	var tableware, giftware akeneo.Family
	if _, err := tableware.UnmarshalAkeneo([]byte(`{"code":"tableware","attributes":["sku","name","price"],` +
		`"attribute_as_label":"name","attribute_requirements":{"webshop":["sku","name","price"]}}`)); err != nil {
		return err
	}
	if _, err := giftware.UnmarshalAkeneo([]byte(`{"code":"giftware","attributes":["sku","name","glaze"],` +
		`"attribute_as_label":"name","attribute_requirements":{"webshop":["sku","name","glaze"]}}`)); err != nil {
		return err
	}
	webshop := catalog.Channel{Code: "webshop", Locales: []contract.Locale{danish, english},
		Currencies: []contract.Currency{contract.CurrencyOf(currency.DKK)}}
	c, err := akeneo.Schema(attrs, nil, catalog.MeasurementFamilies()).Compile(webshop)
	if err != nil {
		return err
	}
	d := akeneo.NewDecoder(strings.NewReader(`{"identifier":"BOWL-01","enabled":true,"family":"tableware",`+
		`"values":{"name":[{"locale":"da_DK","scope":null,"data":"Skål"}],`+
		`"price":[{"locale":null,"scope":null,"data":[{"amount":"129.00","currency":"DKK"}]}]}}`), akeneo.AttributesOf(attrs))
	var p akeneo.Product
	if _, err := d.Decode(&p); err != nil {
		return err
	}
	var parts []string
	for _, comp := range c.FamilyCompleteness(p.Record, tableware.Family) {
		parts = append(parts, comp.Channel+"/"+comp.Locale.String()+" "+strconv.Itoa(comp.Percent)+"%")
	}
	t.say("Akeneo import: %s in family %s, complete %s", p.Record.ID, p.Record.Family, strings.Join(parts, ", "))
	sw := catalog.SwitchFamily(p.Record, tableware.Family, giftware.Family)
	t.say("moving %s to family giftware gains %v and loses %v (%d value dropped)", p.Record.ID, sw.Gained, sw.Lost, len(sw.Dropped))
	return nil
}
