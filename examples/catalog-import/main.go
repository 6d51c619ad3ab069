// Command catalog-import imports a Danish supplier's product sheet into a
// PIM schema with custom fields: the CSV (embedded, semicolon-separated,
// decimal commas) is read against the schema, bad rows are reported by row
// and column while the good ones are kept, the records are validated as a
// batch, their completeness is counted per channel and locale, an Akeneo
// search selects the complete stoneware and porcelain, the Merchant Center
// feed is written with the products it leaves out, and one product is
// published as schema.org JSON-LD. It also imports an Akeneo instance's
// attributes, family and product export (JSON Lines) and counts
// completeness by the family's requirements.
//
//	go run ./examples/catalog-import
package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

//go:embed products.csv
var productsCSV string

var (
	da = contract.MustLocale("da-DK")
	en = contract.MustLocale("en-GB")
	// The channels' currencies.
	dkk, eur = contract.CurrencyOf(currency.DKK), contract.CurrencyOf(currency.EUR)
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "catalog-import:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	channels := []catalog.Channel{
		{Code: "webshop", Locales: []contract.Locale{da, en}, Currencies: []contract.Currency{dkk, eur}},
		{Code: "print", Locales: []contract.Locale{da}, Currencies: []contract.Currency{dkk}},
	}
	weight := catalog.UnitFamily{Code: "weight", Standard: "kg", Units: []catalog.Unit{
		{Code: "kg"}, {Code: "g", Factor: contract.MustDec("0.001")}}}
	// The form designer: OpenDIMS's standard product fields plus custom ones.
	schema, err := catalog.ProductSchema(catalog.InclVAT, "webshop", "print").Add(
		catalog.Field{Code: "ean", Type: catalog.GTIN, Unique: true, Required: []string{"webshop"}},
		catalog.Field{Code: "brand", Type: catalog.TextField, MaxLength: 70},
		catalog.Field{Code: "material", Type: catalog.SimpleSelect, Options: []catalog.SelectOption{
			{Code: "stoneware", Labels: catalog.Labels{{Lang: da, Text: "Stentøj"}}},
			{Code: "porcelain", Labels: catalog.Labels{{Lang: da, Text: "Porcelæn"}}},
			{Code: "glass", Labels: catalog.Labels{{Lang: da, Text: "Glas"}}}}},
		catalog.Field{Code: "weight", Type: catalog.Measurement, Units: weight, DefaultUnit: "kg", Decimals: 3,
			Required: []string{"webshop"}},
	)
	if err != nil {
		return err
	}
	c, err := schema.Compile(channels...)
	if err != nil {
		return err
	}

	// Danish numbers: "1.249,50" is 1249.50 and "129.95" is refused, never 12995.
	records, err := c.ImportCSV(strings.NewReader(productsCSV), catalog.CSVOptions{Locale: da, Comma: ';'})
	var ie *catalog.ImportError
	if err != nil && !errors.As(err, &ie) {
		return err // a bad header or a reader error: nothing imported
	}
	refused := map[int]bool{}
	fmt.Fprintf(w, "Imported %d records, refused %d rows:\n", len(records), len(rowsOf(ie)))
	for _, re := range rowsOf(ie) {
		refused[re.Row] = true
		for _, p := range re.Problems {
			fmt.Fprintf(w, "  row %d, column %-12s %s(%s)\n", re.Row, p.Path+":", p.Rule, p.Param)
		}
	}
	// The good records come back in file order: record i is the i-th row not refused.
	rows := make([]int, 0, len(records))
	for row := 2; len(rows) < len(records); row++ { // row 1 is the header
		if !refused[row] {
			rows = append(rows, row)
		}
	}

	fmt.Fprintln(w, "\nValidation of the imported records:")
	for i, r := range records {
		var ve *contract.ValidationError
		if err := c.Validate(r); errors.As(err, &ve) {
			for _, p := range ve.Problems {
				fmt.Fprintf(w, "  row %d (%s) %v\n", rows[i], r.ID, p)
			}
		} else if err != nil {
			return err
		}
	}
	if err := c.ValidateBatch(records); err == nil {
		fmt.Fprintln(w, "  no duplicate SKUs or GTINs in the batch")
	}

	fmt.Fprintln(w, "\nCompleteness per channel and locale:")
	fmt.Fprintf(w, "  %-9s", "")
	for _, ch := range channels {
		for _, l := range ch.Locales {
			fmt.Fprintf(w, " %13s", ch.Code+"/"+l.String())
		}
	}
	fmt.Fprintln(w)
	for _, r := range records {
		fmt.Fprintf(w, "  %-9s", r.ID)
		var missing []string
		for _, comp := range c.Completeness(r) {
			fmt.Fprintf(w, " %12d%%", comp.Percent)
			if len(comp.Missing) > 0 {
				missing = append(missing, fmt.Sprintf("%s/%s: %s", comp.Channel, comp.Locale, strings.Join(comp.Missing, ", ")))
			}
		}
		if len(missing) > 0 {
			fmt.Fprintf(w, "   missing %s", strings.Join(missing, "; "))
		}
		fmt.Fprintln(w)
	}

	// An Akeneo search, evaluated in memory (a host can also walk q.Filters to build SQL).
	q, err := catalog.ParseQuery(c, []byte(`{"completeness":[{"operator":"=","value":100,"scope":"webshop"}],
		"material":[{"operator":"IN","value":["stoneware","porcelain"]}]}`), catalog.SearchOptions{})
	if err != nil {
		return err
	}
	m, err := catalog.NewMatcher(c, q, catalog.QueryContext{})
	if err != nil {
		return err
	}
	fmt.Fprint(w, "\nComplete for the webshop, of stoneware or porcelain:")
	for r := range m.Filter(slices.Values(records)) {
		fmt.Fprint(w, " ", r.ID)
	}
	fmt.Fprintln(w)

	// The Merchant Center feed: products it must leave out are reported, not fatal.
	mapping := catalog.DefaultFeedMapping()
	mapping.GTIN = "ean"
	feed, err := catalog.NewFeed(c, catalog.FeedOptions{Locale: da, Channel: "webshop", Currency: dkk,
		Today: contract.MustDate(2026, 12, 1), Country: "DK", VAT: contract.EUVATRates(), Mapping: mapping,
		ItemLink:     func(r catalog.Record) string { return "https://shop.example.dk/p/" + strings.ToLower(r.ID) },
		ImageURL:     func(a catalog.Asset) string { return "https://cdn.example.dk/" + a.Ref },
		Availability: func(catalog.Record) catalog.Availability { return catalog.InStock }})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nMerchant Center feed (TSV):")
	rep, err := feed.WriteTSV(w, records, nil)
	if err != nil {
		return err
	}
	for _, x := range rep.Excluded {
		fmt.Fprintf(w, "  left out %s: %v\n", x.ID, x.Problems)
	}

	if err := akeneoImport(w, channels); err != nil {
		return err
	}

	fmt.Fprintln(w, "\nMUG-01 as schema.org JSON-LD for the Danish webshop:")
	for _, r := range records {
		if r.ID != "MUG-01" {
			continue
		}
		err := c.ProductJSONLD(w, r, catalog.PublishOptions{
			Locale: da, Channel: "webshop", Currency: dkk, Brand: "brand", GTIN: "ean",
			ShowBasis:    catalog.InclVAT,
			Link:         func(r catalog.Record) string { return "https://shop.example.dk/p/" + strings.ToLower(r.ID) },
			ImageURL:     func(a catalog.Asset) string { return "https://cdn.example.dk/" + a.Ref },
			Availability: func(catalog.Record) catalog.Availability { return catalog.InStock },
		})
		fmt.Fprintln(w)
		return err
	}
	return errors.New("MUG-01 was not imported")
}

func rowsOf(ie *catalog.ImportError) []*catalog.RowError {
	if ie == nil {
		return nil
	}
	return ie.Rows
}
