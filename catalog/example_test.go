package catalog_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

var (
	da = contract.MustLocale("da-DK")
	en = contract.MustLocale("en-GB")
)

func channels() []catalog.Channel {
	return []catalog.Channel{{
		Code:       "webshop",
		Locales:    []contract.Locale{da, en},
		Currencies: []contract.Currency{contract.CurrencyOf(currency.DKK)},
	}}
}

// shirts builds a product schema in the form designer: the standard fields
// plus a GTIN, a colour and a size.
func shirts() *catalog.Compiled {
	s := catalog.ProductSchema(catalog.InclVAT, "webshop")
	s, err := s.Add(
		catalog.Field{Code: "ean", Type: catalog.GTIN, Unique: true},
		catalog.Field{Code: "brand", Type: catalog.TextField, MaxLength: 70},
		catalog.Field{Code: "color", Type: catalog.SimpleSelect, Options: []catalog.SelectOption{
			{Code: "red", Labels: catalog.Labels{{Lang: da, Text: "Rød"}}}, {Code: "blue"}}},
		catalog.Field{Code: "size", Type: catalog.SimpleSelect, Options: []catalog.SelectOption{{Code: "s"}, {Code: "m"}}},
	)
	if err != nil {
		panic(err)
	}
	c, err := s.Compile(channels()...)
	if err != nil {
		panic(err)
	}
	return c
}

func dkk(s string) catalog.Value {
	return catalog.Prices(contract.NewMoney(decimal.RequireFromString(s), currency.DKK))
}

func und(field string, v catalog.Value) catalog.FieldValue {
	return catalog.FieldValue{Field: field, Value: v}
}

func loc(field string, l contract.Locale, v catalog.Value) catalog.FieldValue {
	return catalog.FieldValue{Field: field, Locale: l, Value: v}
}

// The form designer refuses reserved and repeated codes, all at once.
func ExampleSchema_Add() {
	s := catalog.ProductSchema(catalog.ExclVAT)
	_, err := s.Add(
		catalog.Field{Code: "sku", Type: catalog.TextField},
		catalog.Field{Code: "title", Type: catalog.TextField},
		catalog.Field{Code: "weight", Type: catalog.NumberField, Decimals: 3},
	)
	var ve *contract.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Println(p)
		}
	}
	// Output:
	// fields[4].code: reserved(sku)
	// fields[5].code: duplicate(title)
}

func ExampleSchema_Compile() {
	s := catalog.Schema{Type: catalog.TypeProduct, Fields: []catalog.Field{
		{Code: "name", Type: catalog.TextField, Decimals: 2},
		{Code: "stock", Type: catalog.NumberField, Required: []string{"nowhere"}},
	}}
	_, err := s.Compile(channels()...)
	fmt.Println(err)
	// Output:
	// catalog: invalid: compile schema: 2 problems: fields[0].decimals: field_rule(text); fields[1].required[0]: channel(nowhere)
}

func ExampleCompiled_Validate() {
	c := shirts()
	r := catalog.Record{ID: "SHIRT-1", Values: []catalog.FieldValue{
		loc("title", da, catalog.Text("Skjorte")),
		und("ean", catalog.Text("4006381333932")),
		und("color", catalog.Option("green")),
		und("price", dkk("199.999")),
	}}
	err := c.Validate(r)
	fmt.Println(errors.Is(err, catalog.ErrInvalid))
	var ve *contract.ValidationError
	errors.As(err, &ve)
	for _, p := range ve.Problems {
		fmt.Println(p)
	}
	// Output:
	// true
	// values.ean: gtin(check digit)
	// values.color: option(color)
	// values.price: decimals(2)
	// values.title[en-GB]: required(webshop)
	// values.images: required(webshop)
}

func ExampleCompiled_ValidateBatch() {
	c := shirts()
	a := catalog.Record{ID: "A", Values: []catalog.FieldValue{und("ean", catalog.Text("96385074"))}}
	b := catalog.Record{ID: "A", Values: []catalog.FieldValue{und("ean", catalog.Text("00000096385074"))}}
	err := c.ValidateBatch([]catalog.Record{a, b})
	var ve *contract.ValidationError
	errors.As(err, &ve)
	for _, p := range ve.Problems {
		if p.Rule == catalog.RuleDuplicate {
			fmt.Println(p)
		}
	}
	// Output:
	// records[1].sku: duplicate(records[0])
	// records[1].values.ean: duplicate(records[0])
}

func ExampleCompiled_Completeness() {
	c := shirts()
	r := catalog.Record{ID: "SHIRT-1", Values: []catalog.FieldValue{
		loc("title", da, catalog.Text("Skjorte")),
		und("price", dkk("199.00")),
	}}
	for _, comp := range c.Completeness(r) {
		fmt.Println(comp.Channel, comp.Locale, comp.Percent, comp.Missing)
	}
	// Output:
	// webshop da-DK 66 [images]
	// webshop en-GB 33 [title images]
}

func ExampleCompiled_Quality() {
	c := shirts()
	r := catalog.Record{ID: "SHIRT-1", Values: []catalog.FieldValue{
		loc("title", da, catalog.Text("Skjorte")),
		und("price", dkk("199.00")),
		und("images", catalog.Assets(catalog.Asset{Ref: "shirt.jpg"})),
		und("brand", catalog.Text("Acme")),
	}}
	q := c.Quality(r)[0]
	fmt.Println(q.Filled, "of", q.Fields, "fields,", q.FieldsPercent, "% + image ->", q.Score, q.Grade)
	// Output:
	// 4 of 8 fields, 50 % + image -> 75 C
}

func ExampleCompiled_ValuesPart() {
	products := shirts() // 8 fields and the SKU
	fmt.Println(contract.Values(contract.BaseValues, products.ValuesPart(5000)))
	// Output:
	// 46200
}

func ExampleCheckGTIN() {
	for _, g := range []string{"4006381333931", "4006381333932", "96385074", "036000291452"} {
		fmt.Println(g, catalog.CheckGTIN(g))
	}
	g14, _ := catalog.GTIN14("96385074")
	fmt.Println(g14)
	// Output:
	// 4006381333931 <nil>
	// 4006381333932 catalog: invalid gtin: check digit
	// 96385074 <nil>
	// 036000291452 <nil>
	// 00000096385074
}

func ExampleISBN13() {
	i13, _ := catalog.ISBN13("0-306-40615-2")
	i10, _ := catalog.ISBN10("978-0-306-40615-7")
	fmt.Println(i13, i10)
	// Output:
	// 9780306406157 0306406152
}

func ExampleNumberFormat_Parse() {
	danish := catalog.NumberFormatFor(da.Tag())
	for _, s := range []string{"18,50", "1.234,5", "18.50"} {
		d, err := danish.Parse(s)
		fmt.Println(s, "->", d, err)
	}
	// Output:
	// 18,50 -> 18.5 <nil>
	// 1.234,5 -> 1234.5 <nil>
	// 18.50 -> 0 catalog: invalid number: grouping
}

func ExampleCompiled_ImportCSV() {
	c := shirts()
	in := "sku;title-da_DK;price-DKK\n" +
		"A;Skjorte;199,00\n" +
		"B;Bluse;199.00\n" +
		"C;Kjole;1.299,50\n"
	recs, err := c.ImportCSV(strings.NewReader(in), catalog.CSVOptions{Locale: da, Comma: ';'})
	for _, r := range recs {
		p, _ := r.Get("price", contract.Locale{}, "")
		fmt.Println(r.ID, p)
	}
	fmt.Println(err)
	// Output:
	// A 199.00 DKK
	// C 1299.50 DKK
	// catalog: csv: 1 bad rows; row 3: price-DKK: syntax(grouping)
}

func ExampleCompiled_EncodeJSON() {
	c := shirts()
	r := catalog.Record{ID: "A", Status: catalog.StatusActive, Values: []catalog.FieldValue{
		und("price", dkk("199")), loc("title", da, catalog.Text("Skjorte")),
	}}
	_ = c.EncodeJSON(os.Stdout, r)
	// Output:
	// {"sku":"A","status":"active","version":0,"values":{"title":[{"locale":"da-DK","channel":null,"data":"Skjorte"}],"price":[{"locale":null,"channel":null,"data":[{"amount":"199.00","currency":"DKK"}]}]}}
}

func group() catalog.ProductGroup {
	return catalog.ProductGroup{
		Variation: catalog.Variation{Levels: [][]string{{"color", "size"}}},
		Model: catalog.Record{ID: "tee", Values: []catalog.FieldValue{
			loc("title", da, catalog.Text("T-shirt")), loc("title", en, catalog.Text("Tee")),
			loc("description", da, catalog.Text("Bomuld")),
			und("price", dkk("99.00")), und("images", catalog.Assets(catalog.Asset{Ref: "tee.jpg"})),
			und("brand", catalog.Text("Acme")),
		}},
		Members: []catalog.Record{
			{ID: "TEE-RED-S", Parent: "tee", Values: []catalog.FieldValue{und("color", catalog.Option("red")), und("size", catalog.Option("s")), und("ean", catalog.Text("4006381333931"))}},
			{ID: "TEE-RED-M", Parent: "tee", Values: []catalog.FieldValue{und("color", catalog.Option("red")), und("size", catalog.Option("m")), und("price", dkk("109.00"))}},
		},
	}
}

func ExampleCompiled_ValidateProductGroup() {
	c := shirts()
	f := group()
	fmt.Println(c.ValidateProductGroup(f))
	f.Members[1].Values[1] = und("size", catalog.Option("s")) // same colour and size as TEE-RED-S
	fmt.Println(c.ValidateProductGroup(f))
	// Output:
	// <nil>
	// catalog: invalid: validate product group: 1 problem: variants[1].axes: axis_collision(variants[0])
}

func ExampleProductGroup_Variants() {
	c := shirts()
	for _, v := range group().Variants() {
		p, _ := v.Get("price", contract.Locale{}, "")
		t, _ := v.Get("title", da, "")
		fmt.Println(v.ID, t, p, c.Completeness(v)[0].Percent)
	}
	// Output:
	// TEE-RED-S T-shirt 99.00 DKK 100
	// TEE-RED-M T-shirt 109.00 DKK 100
}

func publish() catalog.PublishOptions {
	return catalog.PublishOptions{
		Locale: da, Channel: "webshop", Currency: contract.CurrencyOf(currency.DKK),
		Brand: "brand", GTIN: "ean", ShowBasis: catalog.InclVAT,
		Link:         func(r catalog.Record) string { return "https://shop.example/" + r.ID },
		Availability: func(catalog.Record) catalog.Availability { return catalog.InStock },
	}
}

func ExampleCompiled_ProductJSONLD() {
	c := shirts()
	v, _ := group().Variant("TEE-RED-S")
	_ = c.ProductJSONLD(os.Stdout, v, publish())
	// Output:
	// {"@context":"https://schema.org","@type":"Product","name":"T-shirt","description":"Bomuld","image":["tee.jpg"],"sku":"TEE-RED-S","gtin":"4006381333931","brand":{"@type":"Brand","name":"Acme"},"offers":{"@type":"Offer","url":"https://shop.example/TEE-RED-S","price":"99.00","priceCurrency":"DKK","availability":"https://schema.org/InStock"}}
}

func ExampleCompiled_ProductGroupJSONLD() {
	c := shirts()
	_ = c.ProductGroupJSONLD(os.Stdout, group(), publish())
	// Output:
	// {"@context":"https://schema.org","@type":"ProductGroup","name":"T-shirt","description":"Bomuld","productGroupID":"tee","brand":{"@type":"Brand","name":"Acme"},"variesBy":["https://schema.org/color","https://schema.org/size"],"hasVariant":[{"@type":"Product","name":"T-shirt","description":"Bomuld","image":["tee.jpg"],"sku":"TEE-RED-S","gtin":"4006381333931","brand":{"@type":"Brand","name":"Acme"},"offers":{"@type":"Offer","url":"https://shop.example/TEE-RED-S","price":"99.00","priceCurrency":"DKK","availability":"https://schema.org/InStock"}},{"@type":"Product","name":"T-shirt","description":"Bomuld","image":["tee.jpg"],"sku":"TEE-RED-M","brand":{"@type":"Brand","name":"Acme"},"offers":{"@type":"Offer","url":"https://shop.example/TEE-RED-M","price":"109.00","priceCurrency":"DKK","availability":"https://schema.org/InStock"}}]}
}

func ExampleTree_Move() {
	t, _ := catalog.NewTree(
		catalog.CategoryNode{Code: "master"},
		catalog.CategoryNode{Code: "shoes", Parent: "master"},
		catalog.CategoryNode{Code: "running", Parent: "shoes"},
	)
	_, err := t.Move("shoes", "running")
	fmt.Println(errors.Is(err, catalog.ErrCycle), err)
	// Output:
	// true catalog: category cycle: shoes
}

func ExampleOrder_Totals() {
	rate, _ := contract.EUVATRates().Rate("DK", contract.MustDate(2026, 1, 1)) // 0.25
	vat, one := contract.Dec(rate), contract.MustDec("1")
	price := contract.NewMoney(decimal.RequireFromString("0.333"), currency.DKK)
	o := catalog.Order{Number: "1001", Currency: contract.CurrencyOf(currency.DKK), Basis: catalog.ExclVAT, Lines: []catalog.OrderLine{
		{SKU: "A", Quantity: one, UnitPrice: price, VATRate: vat},
		{SKU: "B", Quantity: one, UnitPrice: price, VATRate: vat},
		{SKU: "C", Quantity: one, UnitPrice: price, VATRate: vat},
	}}
	t, _ := o.Totals()
	fmt.Println(t.Net, t.VAT, t.Gross)
	// Output:
	// 0.99 DKK 0.24 DKK 1.23 DKK
}

func ExampleConvertPrice() {
	vat, _ := contract.EUVATRates().Rate("DK", contract.MustDate(2026, 1, 1)) // 0.25
	fmt.Println(catalog.ConvertPrice(contract.MustParseMoney("99.99", currency.DKK), vat, catalog.InclVAT, catalog.ExclVAT))
	// A negative rate, or one of 100 % or more, is refused.
	_, err := catalog.ConvertPrice(contract.MustParseMoney("99.99", currency.DKK), decimal.NewFromInt(-1), catalog.InclVAT, catalog.ExclVAT)
	fmt.Println(err)
	// Output:
	// 79.99 DKK <nil>
	// catalog: invalid: convert price: 1 problem: rate: dgte(0)
}

func ExampleDiff() {
	old := catalog.Record{ID: "A", Version: 1, Values: []catalog.FieldValue{loc("title", da, catalog.Text("Skjorte"))}}
	new := catalog.Record{ID: "A", Version: 2, Values: []catalog.FieldValue{loc("title", da, catalog.Text("Blå skjorte")), und("brand", catalog.Text("Acme"))}}
	for _, ch := range catalog.Diff(old, new).Changes {
		fmt.Println(ch)
	}
	// Output:
	// values.brand added
	// values.title[da-DK] modified
}

func ExampleCompiled_Assess() {
	c := shirts()
	r := catalog.Record{ID: "SHIRT-1", Values: []catalog.FieldValue{
		loc("title", da, catalog.Text("Skjorte")), loc("title", en, catalog.Text("Shirt")),
		und("price", dkk("199.00")),
	}}
	comp, err := c.Assess(r)
	fmt.Println(comp[0].Percent, comp[0].Missing)
	fmt.Println(err)
	// Output:
	// 66 [images]
	// catalog: invalid: validate record: 1 problem: values.images: required(webshop)
}

func ExampleCompiled_ExportCSV() {
	c := shirts()
	r := catalog.Record{ID: "A", Status: catalog.StatusActive, Values: []catalog.FieldValue{
		loc("title", da, catalog.Text("Skjorte")), und("price", dkk("1299.5")),
		und("images", catalog.Assets(catalog.Asset{Ref: "a.jpg", Size: 52000})),
	}}
	_ = c.ExportCSV(os.Stdout, []catalog.Record{r}, catalog.CSVOptions{Locale: da, Comma: ';'})
	// Output:
	// sku;parent;status;version;categories;title-da_DK;title-en_GB;description-da_DK;description-en_GB;price-DKK;images;ean;brand;color;size
	// A;;active;0;;Skjorte;;;;1299,5;a.jpg|52000;;;;
}

func ExampleCompiled_NewCSVDecoder() {
	c := shirts()
	d, err := c.NewCSVDecoder(strings.NewReader("sku,color\nA,red\nB,red\n"), catalog.CSVOptions{})
	if err != nil {
		panic(err)
	}
	for {
		r, err := d.Decode()
		if err != nil {
			fmt.Println(err) // io.EOF ends the stream
			break
		}
		v, _ := r.Get("color", contract.Locale{}, "")
		fmt.Println(r.ID, v)
	}
	// Output:
	// A red
	// B red
	// EOF
}

func ExampleCompiled_DecodeJSON() {
	c := shirts()
	r, err := c.DecodeJSON(strings.NewReader(`{"sku":"A","values":{"price":[{"locale":null,"channel":null,"data":[{"amount":"18.50","currency":"DKK"}]}]}}`))
	p, _ := r.Get("price", contract.Locale{}, "")
	fmt.Println(r.ID, p, err)
	_, err = c.DecodeJSON(strings.NewReader(`{"sku":"A","values":{"colour":[]}}`))
	fmt.Println(err)
	// Output:
	// A 18.50 DKK <nil>
	// catalog: invalid: decode json: 1 problem: values.colour: unknown_field
}

func ExampleNumberFormatFor() {
	for _, tag := range []string{"da-DK", "en-US", "de-CH"} {
		f := catalog.NumberFormatFor(language.MustParse(tag))
		fmt.Printf("%s %q %q\n", tag, f.Decimal, f.Group)
	}
	// Output:
	// da-DK ',' '.'
	// en-US '.' ','
	// de-CH '.' '’'
}

func ExampleUnitFamily_Convert() {
	w := catalog.UnitFamily{Code: "weight", Standard: "KILOGRAM", Units: []catalog.Unit{
		{Code: "KILOGRAM"}, {Code: "GRAM", Factor: contract.MustDec("0.001")},
	}}
	kg, _ := w.Convert(decimal.NewFromInt(1500), "GRAM", "KILOGRAM")
	fmt.Println(kg)
	// Output:
	// 1.5
}

func ExampleChangeSet_ForChannel() {
	old := catalog.Record{ID: "A"}
	new := catalog.Record{ID: "A", Values: []catalog.FieldValue{
		loc("title", da, catalog.Text("Skjorte")),
		loc("title", contract.MustLocale("de-DE"), catalog.Text("Hemd")),
	}}
	for _, ch := range catalog.Diff(old, new).ForChannel(channels()[0]).Changes {
		fmt.Println(ch)
	}
	// Output:
	// values.title[da-DK] added
}

func ExampleGradeFor() {
	fmt.Println(catalog.GradeFor(90), catalog.GradeFor(89), catalog.GradeFor(59))
	// Output:
	// A B E
}

func ExampleIsReserved() {
	fmt.Println(catalog.IsReserved("sku"), catalog.IsReserved("Categories"), catalog.IsReserved("colour"))
	// Output:
	// true true false
}

func ExampleCheckISBN() {
	fmt.Println(catalog.CheckISBN("978-0-306-40615-7"))
	fmt.Println(catalog.CheckISBN("4006381333931"))
	// Output:
	// <nil>
	// catalog: invalid isbn: prefix
}

func ExampleLabels_In() {
	ls := catalog.Labels{{Lang: contract.MustLocale("da"), Text: "Farve"}, {Lang: contract.MustLocale("en"), Text: "Colour"}}
	fmt.Println(ls.In(da))
	// Output:
	// Farve true
}

func ExampleRecord_Set() {
	r := catalog.Record{ID: "A"}
	r2 := r.Set("title", da, "", catalog.Text("Skjorte"))
	v, ok := r2.Get("title", da, "")
	fmt.Println(len(r.Values), len(r2.Values), v, ok)
	// Output:
	// 0 1 Skjorte true
}

func ExampleCompiled_CheckVariation() {
	c := shirts()
	fmt.Println(c.CheckVariation(catalog.Variation{Levels: [][]string{{"color"}, {"size"}}}))
	fmt.Println(c.CheckVariation(catalog.Variation{Levels: [][]string{{"title"}}}))
	// Output:
	// <nil>
	// catalog: invalid: check variation: 1 problem: levels[0][0]: axis(type)
}

func ExampleNewTree() {
	_, err := catalog.NewTree(catalog.CategoryNode{Code: "a", Parent: "b"}, catalog.CategoryNode{Code: "b", Parent: "a"})
	fmt.Println(err)
	// Output:
	// catalog: invalid: new tree: 2 problems: nodes[0].parent: category(cycle); nodes[1].parent: category(cycle)
}
