package main

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

//go:embed products.csv
var productsCSV string

var (
	danish  = contract.MustLocale("da-DK")
	english = contract.MustLocale("en-GB")
)

// catalog defines the webshop's product schema in the form designer,
// imports a CSV written with Danish decimal commas, reports the bad rows and
// each product's completeness per channel and locale, runs an Akeneo search,
// builds the Merchant Center feed and publishes one product as schema.org
// JSON-LD.
func (t *tour) catalog() error {
	webshop := catalog.Channel{Code: "webshop", Locales: []contract.Locale{danish, english},
		Currencies: []contract.Currency{contract.CurrencyOf(currency.DKK)}}
	schema, err := catalog.ProductSchema(catalog.InclVAT, "webshop").Add(
		catalog.Field{Code: "ean", Type: catalog.GTIN, Unique: true},
		catalog.Field{Code: "material", Type: catalog.SimpleSelect, Required: []string{"webshop"},
			Options: []catalog.SelectOption{{Code: "stoneware"}, {Code: "porcelain"}}},
		catalog.Field{Code: "weight", Type: catalog.NumberField, Decimals: 2, Min: new(contract.MustDec("0"))},
	)
	if err != nil {
		return err
	}
	c, err := schema.Compile(webshop)
	if err != nil {
		return err
	}
	t.say("product schema: %d fields (the standard ones plus ean, material and weight)", c.FieldCount())

	recs, err := c.ImportCSV(strings.NewReader(productsCSV), catalog.CSVOptions{Locale: danish, Comma: ';'})
	var imp *catalog.ImportError
	switch {
	case errors.As(err, &imp):
		for _, row := range imp.Rows {
			t.say("rejected, the good rows still imported: %v", row)
		}
	case err != nil:
		return err
	}
	var prices []string
	for _, r := range recs {
		price, _ := r.Get("price", contract.Locale{}, "")
		prices = append(prices, fmt.Sprintf("%s %v", r.ID, price))
	}
	t.say("imported with Danish separators (\"1.249,50\" is 1249.50): %s", strings.Join(prices, ", "))

	for _, r := range recs {
		comp, err := c.Assess(r)
		var problems []string
		var ve *contract.ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				problems = append(problems, p.String())
			}
		} else if err != nil {
			return err
		}
		for _, cp := range comp {
			t.say("%s %s/%s: %d %% complete, missing %v", r.ID, cp.Channel, cp.Locale, cp.Percent, cp.Missing)
		}
		if len(problems) > 0 {
			t.say("%s problems: %s", r.ID, strings.Join(problems, "; "))
		}
	}

	// An Akeneo product search, evaluated in memory, and the Merchant Center
	// feed, which reports the products it leaves out instead of failing.
	q, err := catalog.ParseQuery(c, []byte(`{"material":[{"operator":"IN","value":["stoneware"]}]}`), catalog.SearchOptions{})
	if err != nil {
		return err
	}
	m, err := catalog.NewMatcher(c, q, catalog.QueryContext{})
	if err != nil {
		return err
	}
	var found []string
	for r := range m.Filter(slices.Values(recs)) {
		found = append(found, r.ID)
	}
	t.say("Akeneo search material IN [stoneware]: %s", strings.Join(found, ", "))
	mapping := catalog.DefaultFeedMapping()
	mapping.GTIN, mapping.ShippingWeight = "ean", "" // weight is a plain number here, not a measurement
	feed, err := catalog.NewFeed(c, catalog.FeedOptions{Locale: danish, Channel: "webshop",
		Currency: contract.CurrencyOf(currency.DKK), Today: contract.MustDate(2026, 3, 2), Mapping: mapping,
		ItemLink:     func(r catalog.Record) string { return "https://nordlys.example/p/" + r.ID },
		Availability: func(catalog.Record) catalog.Availability { return catalog.InStock }})
	if err != nil {
		return err
	}
	items, rep := feed.Items(recs, nil)
	for _, x := range rep.Excluded {
		t.say("Merchant Center feed leaves out %s: %v", x.ID, x.Problems)
	}
	t.say("Merchant Center feed: %d of %d products written", len(items), len(recs))

	var ld bytes.Buffer
	err = c.ProductJSONLD(&ld, recs[0], catalog.PublishOptions{
		Locale: danish, Channel: "webshop", Currency: contract.CurrencyOf(currency.DKK), GTIN: "ean", ShowBasis: catalog.InclVAT,
		Link:         func(r catalog.Record) string { return "https://nordlys.example/p/" + r.ID },
		Availability: func(catalog.Record) catalog.Availability { return catalog.InStock },
	})
	if err != nil {
		return fmt.Errorf("JSON-LD: %w", err)
	}
	t.say("schema.org JSON-LD for %s: %s", recs[0].ID, strings.TrimSpace(ld.String()))
	return t.akeneoImport()
}
