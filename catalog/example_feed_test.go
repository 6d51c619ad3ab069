package catalog_test

import (
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

func ExampleClassifyGTIN() {
	for _, s := range []string{"4006381333931", "2012345000018", "9790260000438", "9810000000006"} {
		class, _ := catalog.ClassifyGTIN(s)
		fmt.Println(s, class, class.IsTradeItem())
	}
	fmt.Println(catalog.CheckGTIN("00000000"))
	// Output:
	// 4006381333931 trade_item true
	// 2012345000018 restricted_circulation false
	// 9790260000438 ismn true
	// 9810000000006 coupon false
	// catalog: invalid gtin: zero
}

func ExampleCheckISMN() {
	fmt.Println(catalog.CheckISMN("979-0-2600-0043-8"))
	fmt.Println(catalog.CheckISBN("9790000000001"))
	// Output:
	// <nil>
	// catalog: invalid isbn: prefix
}

// queryCatalog is a tiny product catalog for the query examples.
func queryCatalog() (*catalog.Compiled, []catalog.Record) {
	en := contract.MustLocale("en-GB")
	c, _ := catalog.ProductSchema(catalog.ExclVAT, "web").Compile(catalog.Channel{Code: "web", Locales: []contract.Locale{en},
		Currencies: []contract.Currency{contract.CurrencyOf(currency.DKK)}})
	title := func(s string) []catalog.FieldValue {
		return []catalog.FieldValue{{Field: "title", Locale: en, Value: catalog.Text(s)}}
	}
	return c, []catalog.Record{
		{ID: "MUG-1", Status: catalog.StatusActive, Family: "mugs", Values: title("Blue mug")},
		{ID: "MUG-2", Status: catalog.StatusDraft, Family: "mugs", Values: title("Red mug")},
		{ID: "TEE-1", Status: catalog.StatusActive, Family: "shirts", Values: title("Organic tee")},
	}
}

func ExampleParseQuery() {
	c, records := queryCatalog()
	q, err := catalog.ParseQuery(c, []byte(`{"enabled":[{"operator":"=","value":true}],
		"title":[{"operator":"CONTAINS","value":"MUG","locale":"en_GB"}]}`), catalog.SearchOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// A host walks the filters to build its own SQL ...
	for _, f := range q.Filters {
		fmt.Println(f.Field, f.Operator.Akeneo(), f.IsProperty())
	}
	// ... or evaluates them in memory.
	m, _ := catalog.NewMatcher(c, q, catalog.QueryContext{At: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	for r := range m.Filter(slices.Values(records)) {
		fmt.Println(r.ID)
	}
	_, err = catalog.ParseQuery(c, []byte(`{"family":[{"operator":"CONTAINS","value":"mug"}]}`), catalog.SearchOptions{})
	fmt.Println(err)
	// Output:
	// enabled = true
	// title CONTAINS false
	// MUG-1
	// catalog: invalid: parse query: 1 problem: family[0].operator: operator(CONTAINS)
}

func ExampleConsumerPriceIn() {
	net := contract.MustParseMoney("100.00", currency.EUR)
	for _, day := range []contract.Date{contract.MustDate(2024, 8, 31), contract.MustDate(2024, 9, 1)} {
		p, _ := catalog.ConsumerPriceIn(net, "FI", day, contract.EUVATRates())
		fmt.Println(day, p.Rate, p.Gross)
	}
	// Output:
	// 2024-08-31 0.24 124.00 EUR
	// 2024-09-01 0.255 125.50 EUR
}

func ExamplePriceHistory_PriorPrice() {
	dkk := func(s string) catalog.Price { return contract.MustParseMoney(s, currency.DKK) }
	h := catalog.PriceHistory{Points: []catalog.PricePoint{
		{From: contract.MustDate(2026, 10, 1), Price: dkk("199.00")},
		{From: contract.MustDate(2026, 10, 31), Price: dkk("149.00")}, // held on day -31 only
		{From: contract.MustDate(2026, 11, 1), Price: dkk("179.00")},
	}}
	p, _ := h.PriorPrice(contract.MustDate(2026, 12, 1), currency.DKK)
	fmt.Println(p)
	// Output:
	// 179.00 DKK
}

func ExampleCheckSafety() {
	r := catalog.Record{ID: "LAMP-1"}
	r = r.Set(catalog.FieldManufacturerCountry, contract.Locale{}, "", catalog.Text("CN"))
	fmt.Println(catalog.CheckSafety(r))
	// Output:
	// catalog: invalid: check safety: 3 problems: values.responsible_name: required(gpsr_19_b); values.responsible_address: required(gpsr_19_b); values.responsible_contact: required(gpsr_19_b)
}

// exampleFeed is a Danish webshop's feed and one of its mugs.
func exampleFeed() (*catalog.Feed, catalog.Record) {
	da := contract.MustLocale("da-DK")
	s, _ := catalog.ProductSchema(catalog.ExclVAT, "web").Add(
		catalog.Field{Code: "brand", Type: catalog.TextField}, catalog.Field{Code: "gtin", Type: catalog.GTIN})
	c, _ := s.Compile(catalog.Channel{Code: "web", Locales: []contract.Locale{da}, Currencies: []contract.Currency{contract.CurrencyOf(currency.DKK)}})
	feed, err := catalog.NewFeed(c, catalog.FeedOptions{
		Locale: da, Channel: "web", Currency: contract.CurrencyOf(currency.DKK), Today: contract.MustDate(2026, 12, 1),
		Country: "DK", VAT: contract.EUVATRates(), Mapping: catalog.DefaultFeedMapping(),
		ItemLink:     func(r catalog.Record) string { return "https://shop.example/" + r.ID },
		Availability: func(catalog.Record) catalog.Availability { return catalog.InStock },
	})
	if err != nil {
		panic(err)
	}
	mug := catalog.Record{ID: "MUG-1", Values: []catalog.FieldValue{
		{Field: "title", Locale: da, Value: catalog.Text("Krus")}, {Field: "description", Locale: da, Value: catalog.Text("Stentøj")},
		{Field: "price", Value: catalog.Prices(contract.MustParseMoney("80.00", currency.DKK))},
		{Field: "images", Value: catalog.Assets(catalog.Asset{Ref: "https://cdn.example/mug.jpg"})},
		{Field: "brand", Value: catalog.Text("Acme")},
	}}
	return feed, mug
}

func ExampleFeed_WriteTSV() {
	feed, mug := exampleFeed()
	noText := catalog.Record{ID: "MUG-2", Values: mug.Values[2:]}
	rep, _ := feed.WriteTSV(os.Stdout, []catalog.Record{mug, noText}, nil)
	fmt.Println(rep.Written, rep.Excluded[0].ID, rep.Excluded[0].Problems)
	// Output:
	// id	title	description	link	image_link	availability	price	brand	identifier_exists
	// MUG-1	Krus	Stentøj	https://shop.example/MUG-1	https://cdn.example/mug.jpg	in_stock	100.00 DKK	Acme	no
	// 1 MUG-2 [title: required description: required]
}

func ExampleFeed_WriteXML() {
	feed, mug := exampleFeed()
	_, _ = feed.WriteXML(os.Stdout, []catalog.Record{mug}, nil)
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
	//   <channel>
	//     <title></title>
	//     <link></link>
	//     <description></description>
	//     <item>
	//       <g:id>MUG-1</g:id>
	//       <g:title>Krus</g:title>
	//       <g:description>Stentøj</g:description>
	//       <g:link>https://shop.example/MUG-1</g:link>
	//       <g:image_link>https://cdn.example/mug.jpg</g:image_link>
	//       <g:availability>in_stock</g:availability>
	//       <g:price>100.00 DKK</g:price>
	//       <g:brand>Acme</g:brand>
	//       <g:identifier_exists>no</g:identifier_exists>
	//     </item>
	//   </channel>
	// </rss>
}
