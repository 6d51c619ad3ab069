package catalog

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

var feedWeight = UnitFamily{Code: "weight", Standard: "KILOGRAM", Units: []Unit{
	{Code: "KILOGRAM", Factor: cd("1")}, {Code: "GRAM", Factor: cd("0.001")}, {Code: "TONNE", Factor: cd("1000")},
}}

// feedSchema has a field for every attribute of DefaultFeedMapping.
func feedSchema() Schema {
	s, err := ProductSchema(ExclVAT, "ecommerce").Add(
		Field{Code: "sale_price", Type: PriceField},
		Field{Code: "sale_start", Type: DateField}, Field{Code: "sale_end", Type: DateField},
		Field{Code: "brand", Type: TextField}, Field{Code: "gtin", Type: GTIN}, Field{Code: "mpn", Type: Identifier},
		Field{Code: "condition", Type: TextField}, Field{Code: "product_type", Type: TextField, MaxLength: 1000},
		Field{Code: "google_product_category", Type: TextField},
		Field{Code: "weight", Type: Measurement, Units: feedWeight, DefaultUnit: "KILOGRAM", Decimals: 3},
		Field{Code: "availability_date", Type: DateField},
		Field{Code: "color", Type: SimpleSelect, Options: []SelectOption{{Code: "red", Labels: Labels{{daDK, "Rød"}}}, {Code: "blue"}}},
		Field{Code: "size", Type: SimpleSelect, Options: []SelectOption{{Code: "s"}, {Code: "m"}}},
		Field{Code: "fit", Type: SimpleSelect, Options: []SelectOption{{Code: "slim"}, {Code: "wide"}}},
		Field{Code: "material", Type: TextField}, Field{Code: "pattern", Type: TextField},
		Field{Code: "age_group", Type: TextField}, Field{Code: "gender", Type: TextField},
		Field{Code: "size_type", Type: TextField}, Field{Code: "size_system", Type: TextField, MaxLength: 1000},
	)
	if err != nil {
		panic(err)
	}
	return s
}

var feedToday = contract.MustDate(2026, 12, 1)

func feedOpts() FeedOptions {
	return FeedOptions{
		Locale: daDK, Channel: "ecommerce", Currency: contract.CurrencyOf(currency.DKK), Today: feedToday,
		Country: "DK", VAT: contract.EUVATRates(), Zone: contract.ZoneCopenhagen, Mapping: DefaultFeedMapping(),
		ItemLink:     func(r Record) string { return "https://shop.example/p/" + r.ID },
		ImageURL:     func(a Asset) string { return "https://cdn.example/" + a.Ref },
		Availability: func(Record) Availability { return InStock },
		Title:        "Acme", Link: "https://shop.example", Description: "Acme products",
	}
}

func mustFeed(c *Compiled, o FeedOptions) *Feed {
	f, err := NewFeed(c, o)
	if err != nil {
		panic(err)
	}
	return f
}

// feedProduct passes every rule of the feed.
func feedProduct() Record {
	return Record{ID: "MUG-1", Status: StatusActive, Values: []FieldValue{
		lv("title", daDK, Text("Krus")), lv("description", daDK, Text("Et krus")),
		fv("price", Prices(contract.MustParseMoney("80.00", currency.DKK))),
		fv("images", Assets(Asset{Ref: "mug.jpg"})),
		fv("brand", Text("Acme")), fv("gtin", Text("4006381333931")),
	}}
}

func set(r Record, field string, v Value) Record {
	loc := contract.Locale{}
	if field == "title" || field == "description" {
		loc = daDK
	}
	return r.Set(field, loc, "", v)
}

// feedOne runs one product through the feed and returns its item (or the
// zero item) and its problems.
func feedOne(t *testing.T, o FeedOptions, r Record) (FeedItem, []prob) {
	t.Helper()
	c := mustCompile(feedSchema(), testChannels()...)
	items, rep := mustFeed(c, o).Items([]Record{r}, nil)
	var ps []prob
	for _, x := range rep.Excluded {
		for _, p := range x.Problems {
			ps = append(ps, prob{p.Path, p.Rule, p.Param})
		}
	}
	if len(items) == 1 {
		return items[0], ps
	}
	return FeedItem{}, ps
}

func TestFeedRules(t *testing.T) {
	long := func(n int) Value { return Text(strings.Repeat("x", n)) }
	tests := []struct {
		name string
		edit func(Record) Record
		opts func(*FeedOptions)
		want []prob // nil: written
	}{
		{"Merchant spec: a complete product is written", nil, nil, nil},
		{"Merchant spec: title required", func(r Record) Record { return set(r, "title", Value{}) }, nil, []prob{{"title", RuleRequired, ""}}},
		{"Merchant spec: whitespace-only title is missing", func(r Record) Record { return set(r, "title", Text("   ")) }, nil, []prob{{"title", RuleRequired, ""}}},
		{"Merchant spec: description required", func(r Record) Record { return set(r, "description", Value{}) }, nil, []prob{{"description", RuleRequired, ""}}},
		{"Merchant spec: image_link required", func(r Record) Record { return set(r, "images", Value{}) }, nil, []prob{{"image_link", RuleRequired, ""}}},
		{"Merchant spec: price required", func(r Record) Record { return set(r, "price", Value{}) }, nil, []prob{{"price", RuleRequired, "DKK"}}},
		{"Merchant spec: price above zero", func(r Record) Record { return set(r, "price", Prices(contract.MustParseMoney("0.00", currency.DKK))) }, nil, []prob{{"price", RuleMin, "0"}}},
		{"Merchant spec: shipping_weight above zero", func(r Record) Record { return set(r, "weight", Measure(dec("-0.9"), "KILOGRAM")) }, nil, []prob{{"shipping_weight", RuleMin, "0"}}},
		{"Merchant spec: shipping_weight 0.9 kg passes", func(r Record) Record { return set(r, "weight", Measure(dec("0.9"), "KILOGRAM")) }, nil, nil},
		{"Merchant spec: link required", nil, func(o *FeedOptions) { o.ItemLink = func(Record) string { return "" } }, []prob{{"link", RuleRequired, ""}}},
		{"Merchant spec: availability required", nil, func(o *FeedOptions) { o.Availability = func(Record) Availability { return 0 } }, []prob{{"availability", RuleRequired, ""}}},
		{"Merchant spec: id 50 characters pass", func(r Record) Record { r.ID = strings.Repeat("i", 50); return r }, nil, nil},
		{"Merchant spec: id 51 characters fail", func(r Record) Record { r.ID = strings.Repeat("i", 51); return r }, nil, []prob{{"id", RuleLength, "50"}}},
		{"Merchant spec: title 150 characters pass", func(r Record) Record { return set(r, "title", long(150)) }, nil, nil},
		{"Merchant spec: title 151 characters fail", func(r Record) Record { return set(r, "title", long(151)) }, nil, []prob{{"title", RuleLength, "150"}}},
		{"Merchant spec: description 5000 pass", func(r Record) Record { return set(r, "description", long(5000)) }, nil, nil},
		{"Merchant spec: description 5001 fail", func(r Record) Record { return set(r, "description", long(5001)) }, nil, []prob{{"description", RuleLength, "5000"}}},
		{"Merchant spec: link 2000 pass", nil, func(o *FeedOptions) { o.ItemLink = func(Record) string { return strings.Repeat("l", 2000) } }, nil},
		{"Merchant spec: link 2001 fail", nil, func(o *FeedOptions) { o.ItemLink = func(Record) string { return strings.Repeat("l", 2001) } }, []prob{{"link", RuleLength, "2000"}}},
		{"Merchant spec: image_link 2001 fail", nil, func(o *FeedOptions) { o.ImageURL = func(Asset) string { return strings.Repeat("u", 2001) } }, []prob{{"image_link", RuleLength, "2000"}}},
		{"Merchant spec: brand 70 pass", func(r Record) Record { return set(r, "brand", long(70)) }, nil, nil},
		{"Merchant spec: brand 71 fail", func(r Record) Record { return set(r, "brand", long(71)) }, nil, []prob{{"brand", RuleLength, "70"}}},
		{"Merchant spec: mpn 70 pass", func(r Record) Record { return set(r, "mpn", Text(strings.Repeat("M", 70))) }, nil, nil},
		{"Merchant spec: mpn 71 fail", func(r Record) Record { return set(r, "mpn", Text(strings.Repeat("M", 71))) }, nil, []prob{{"mpn", RuleLength, "70"}}},
		{"Merchant spec: product_type 750 pass", func(r Record) Record { return set(r, "product_type", long(750)) }, nil, nil},
		{"Merchant spec: product_type 751 fail", func(r Record) Record { return set(r, "product_type", long(751)) }, nil, []prob{{"product_type", RuleLength, "750"}}},
		{"Merchant spec: color 100 pass", func(r Record) Record { return set(r, "material", long(100)) }, colorFromMaterial, nil},
		{"Merchant spec: color 101 fail", func(r Record) Record { return set(r, "material", long(101)) }, colorFromMaterial, []prob{{"color", RuleLength, "100"}}},
		{"Merchant spec: size 100 pass", func(r Record) Record { return set(r, "pattern", long(100)) }, sizeFromPattern, nil},
		{"Merchant spec: size 101 fail", func(r Record) Record { return set(r, "pattern", long(101)) }, sizeFromPattern, []prob{{"size", RuleLength, "100"}}},
		{"Merchant spec: product_type from the category tree", func(r Record) Record { r.Categories = []string{"mugs"}; return r }, withTree, nil},
		{"Merchant spec: google_product_category 751 fail", func(r Record) Record { return set(r, "google_product_category", long(751)) }, nil, []prob{{"google_product_category", RuleLength, "750"}}},
		{"Merchant spec: material 200 pass", func(r Record) Record { return set(r, "material", long(200)) }, nil, nil},
		{"Merchant spec: material 201 fail", func(r Record) Record { return set(r, "material", long(201)) }, nil, []prob{{"material", RuleLength, "200"}}},
		{"Merchant spec: pattern 101 fail", func(r Record) Record { return set(r, "pattern", long(101)) }, nil, []prob{{"pattern", RuleLength, "100"}}},
		{"Merchant spec: gtin check digit", func(r Record) Record { return set(r, "gtin", Text("4006381333932")) }, nil, []prob{{"gtin", RuleGTIN, "check digit"}}},
		{"GS1 GenSpecs 1.4.2: restricted circulation is no product identifier", func(r Record) Record { return set(r, "gtin", Text("2012345000018")) }, nil, []prob{{"gtin", RuleGTIN, "restricted_circulation"}}},
		{"GS1 GenSpecs 1.4.2: a coupon is no product identifier", func(r Record) Record { return set(r, "gtin", Text("9810000000006")) }, nil, []prob{{"gtin", RuleGTIN, "coupon"}}},
		{"GS1 GenSpecs 1.4.2: an ISBN is a product identifier", func(r Record) Record { return set(r, "gtin", Text("9780306406157")) }, nil, nil},
		{"Merchant spec: condition used passes", func(r Record) Record { return set(r, "condition", Text("used")) }, nil, nil},
		{"Merchant spec: condition broken fails", func(r Record) Record { return set(r, "condition", Text("broken")) }, nil, []prob{{"condition", RuleOption, "broken"}}},
		{"Merchant spec: age_group kids passes", func(r Record) Record { return set(r, "age_group", Text("kids")) }, nil, nil},
		{"Merchant spec: age_group teen fails", func(r Record) Record { return set(r, "age_group", Text("teen")) }, nil, []prob{{"age_group", RuleOption, "teen"}}},
		{"Merchant spec: gender unisex passes", func(r Record) Record { return set(r, "gender", Text("unisex")) }, nil, nil},
		{"Merchant spec: gender other fails", func(r Record) Record { return set(r, "gender", Text("other")) }, nil, []prob{{"gender", RuleOption, "other"}}},
		{"Merchant spec: size_type petite passes", func(r Record) Record { return set(r, "size_type", Text("petite")) }, nil, nil},
		{"Merchant spec: size_type small fails", func(r Record) Record { return set(r, "size_type", Text("small")) }, nil, []prob{{"size_type", RuleOption, "small"}}},
		{"Merchant spec: size_system EU passes", func(r Record) Record { return set(r, "size_system", Text("EU")) }, nil, nil},
		{"Merchant spec: size_system XX fails", func(r Record) Record { return set(r, "size_system", Text("XX")) }, nil, []prob{{"size_system", RuleOption, "XX"}}},
		{"Merchant spec: preorder needs availability_date", nil, func(o *FeedOptions) { o.Availability = func(Record) Availability { return PreOrder } }, []prob{{"availability_date", RuleRequired, "preorder"}}},
		{"Merchant spec: preorder with availability_date passes", func(r Record) Record {
			return set(r, "availability_date", dayOf(feedToday.AddDays(10)))
		}, func(o *FeedOptions) { o.Availability = func(Record) Availability { return PreOrder } }, nil},
		{"Merchant spec: apparel needs color, gender, age_group", func(r Record) Record { return set(r, "google_product_category", Text("166")) }, nil,
			[]prob{{"color", RuleRequired, "apparel"}, {"age_group", RuleRequired, "apparel"}, {"gender", RuleRequired, "apparel"}}},
		{"Merchant spec: clothing needs a size too", func(r Record) Record {
			r = set(r, "google_product_category", Text("1604"))
			r = set(r, "color", Option("red"))
			r = set(r, "gender", Text("male"))
			return set(r, "age_group", Text("adult"))
		}, nil, []prob{{"size", RuleRequired, "apparel"}}},
		{"Merchant spec: clothing with color, size, gender and age_group passes", func(r Record) Record {
			r = set(r, "google_product_category", Text("Apparel & Accessories > Clothing > Shirts & Tops"))
			r = set(r, "color", Option("red"))
			r = set(r, "size", Option("m"))
			r = set(r, "gender", Text("male"))
			return set(r, "age_group", Text("adult"))
		}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := feedProduct()
			if tt.edit != nil {
				r = tt.edit(r)
			}
			o := feedOpts()
			if tt.opts != nil {
				tt.opts(&o)
			}
			it, got := feedOne(t, o, r)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if tt.want == nil && it.ID != r.ID {
				t.Errorf("item not written: %+v", it)
			}
		})
	}
}

func colorFromMaterial(o *FeedOptions) { o.Mapping.Color, o.Mapping.Material = "material", "" }
func sizeFromPattern(o *FeedOptions)   { o.Mapping.Size, o.Mapping.Pattern = "pattern", "" }
func withTree(o *FeedOptions) {
	t, err := NewTree(CategoryNode{Code: "master"}, CategoryNode{Code: "kitchen", Parent: "master", Labels: Labels{{daDK, "Køkken"}}},
		CategoryNode{Code: "mugs", Parent: "kitchen", Labels: Labels{{daDK, "Krus"}}})
	if err != nil {
		panic(err)
	}
	o.Categories = t
}

func TestFeedProductTypeFromCategories(t *testing.T) {
	o := feedOpts()
	withTree(&o)
	r := feedProduct()
	r.Categories = []string{"unknown", "mugs"}
	it, ps := feedOne(t, o, r)
	if got, _ := it.Get("product_type"); ps != nil || got != "Køkken > Krus" {
		t.Errorf("product_type = %q (%v), want Køkken > Krus (Merchant spec: product_type is the shop's category path)", got, ps)
	}
	r = set(r, "product_type", Text("Home > Mugs"))
	if it, _ := feedOne(t, o, r); func() string { v, _ := it.Get("product_type"); return v }() != "Home > Mugs" {
		t.Error("the mapped product_type field does not take precedence over the category path")
	}
}

func TestFeedIdentifierExists(t *testing.T) {
	tests := []struct {
		name         string
		gtin, mpn    string
		brand        string
		wantExists   string
		wantNoExists bool
	}{
		{"Merchant spec: gtin given", "4006381333931", "", "", "", true},
		{"Merchant spec: brand and mpn given", "", "MUG-9", "Acme", "", true},
		{"Merchant spec: brand without gtin or mpn: identifier_exists no", "", "", "Acme", "no", false},
		{"Merchant spec: mpn without brand: identifier_exists no", "", "MUG-9", "", "no", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := set(set(set(feedProduct(), "gtin", Text(tt.gtin)), "mpn", Text(tt.mpn)), "brand", Text(tt.brand))
			it, ps := feedOne(t, feedOpts(), r)
			if ps != nil {
				t.Fatalf("problems %v", ps)
			}
			got, ok := it.Get("identifier_exists")
			if ok == tt.wantNoExists || got != tt.wantExists {
				t.Errorf("identifier_exists = %q (%v), want %q", got, ok, tt.wantExists)
			}
		})
	}
}

func TestFeedSalePrice(t *testing.T) {
	dkk := func(s string) Price { return contract.MustParseMoney(s, currency.DKK) }
	// History as consumers saw it (incl. 25 % VAT): 100.00, then 90.00 from 2026-11-10; the sale price
	// field is stated excl. VAT, so 60.00 shows as 75.00.
	hist := PriceHistory{Points: []PricePoint{{contract.MustDate(2026, 9, 1), dkk("100.00")}, {contract.MustDate(2026, 11, 10), dkk("90.00")}}}
	sale := func(r Record, amount string) Record { return set(r, "sale_price", Prices(dkk(amount))) }
	tests := []struct {
		name      string
		r         Record
		history   map[string]PriceHistory
		want      []prob
		price     string
		salePrice string
		dates     string
	}{
		{"Dir. 98/6/EC Art. 6a(1): a sale price without a price history is refused", sale(feedProduct(), "60.00"), nil,
			[]prob{{"sale_price", "prior_price", ""}}, "", "", ""},
		{"Dir. 98/6/EC Art. 6a(2): a history short of 30 days is refused", sale(feedProduct(), "60.00"),
			map[string]PriceHistory{"MUG-1": {Points: []PricePoint{{contract.MustDate(2026, 11, 2), dkk("100.00")}}}},
			[]prob{{"sale_price", "prior_price", "2026-11-01"}}, "", "", ""},
		{"Dir. 98/6/EC Art. 6a(2): a 'sale' not below the 30-day low is refused", sale(feedProduct(), "95.00"), map[string]PriceHistory{"MUG-1": hist},
			[]prob{{"sale_price", RuleMax, "90.00 DKK"}}, "", "", ""},
		{"Dir. 98/6/EC Art. 6a(2): price shows the 30-day low beside the sale price", sale(feedProduct(), "60.00"), map[string]PriceHistory{"MUG-1": hist},
			nil, "90.00 DKK", "75.00 DKK", ""},
		{"Merchant spec: sale_price_effective_date from the sale's dates", set(set(sale(feedProduct(), "60.00"), "sale_start", dayOf(contract.MustDate(2026, 12, 5))), "sale_end", dayOf(contract.MustDate(2026, 12, 24))),
			map[string]PriceHistory{"MUG-1": hist}, nil, "90.00 DKK", "75.00 DKK", "2026-12-05T00:00+0100/2026-12-24T23:59+0100"},
		{"Merchant spec: an end before the start is refused", set(set(sale(feedProduct(), "60.00"), "sale_start", dayOf(contract.MustDate(2026, 12, 5))), "sale_end", dayOf(contract.MustDate(2026, 12, 4))),
			map[string]PriceHistory{"MUG-1": hist}, []prob{{"sale_price_effective_date", RuleMin, "2026-12-05"}}, "", "", ""},
		{"Merchant spec: a sale that ended is not written", set(sale(feedProduct(), "60.00"), "sale_end", dayOf(contract.MustDate(2026, 11, 30))), nil,
			nil, "100.00 DKK", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := feedOpts()
			o.History = tt.history
			it, ps := feedOne(t, o, tt.r)
			if diff := cmp.Diff(tt.want, ps); diff != "" {
				t.Fatalf("problems (-want +got):\n%s", diff)
			}
			if tt.want != nil {
				return
			}
			p, _ := it.Get("price")
			sp, _ := it.Get("sale_price")
			d, _ := it.Get("sale_price_effective_date")
			if p != tt.price || sp != tt.salePrice || d != tt.dates {
				t.Errorf("price %q sale_price %q dates %q, want %q %q %q", p, sp, d, tt.price, tt.salePrice, tt.dates)
			}
		})
	}
}

func TestFeedPricesAndExtras(t *testing.T) {
	r := feedProduct()
	var imgs []Asset
	for i := range 12 {
		imgs = append(imgs, Asset{Ref: "img" + string(rune('a'+i)) + ".jpg"})
	}
	r = set(r, "images", Assets(imgs...))
	r = set(r, "weight", Measure(dec("250"), "GRAM"))
	c := mustCompile(feedSchema(), testChannels()...)
	items, rep := mustFeed(c, feedOpts()).Items([]Record{r}, nil)
	if len(items) != 1 {
		t.Fatalf("items %v, report %+v", items, rep)
	}
	// Dir. 98/6/EC Art. 2(a) and momsloven § 33: the consumer price includes Danish VAT, 80.00 + 25 %.
	if p, _ := items[0].Get("price"); p != "100.00 DKK" {
		t.Errorf("price = %q, want 100.00 DKK", p)
	}
	n := 0
	for _, a := range items[0].Attributes {
		if a.Name == "additional_image_link" {
			n++
		}
	}
	// Merchant spec: up to 10 additional images; the rest is reported.
	if n != 10 || len(rep.Warnings) != 1 || rep.Warnings[0].Problems[0].Path != "additional_image_link" {
		t.Errorf("%d additional images, warnings %+v; want 10 and one warning", n, rep.Warnings)
	}
	if w, _ := items[0].Get("shipping_weight"); w != "250 g" {
		t.Errorf("shipping_weight = %q, want 250 g (Merchant spec: units lb, oz, g, kg)", w)
	}
	r = set(feedProduct(), "weight", Measure(dec("0.0015"), "TONNE"))
	items, _ = mustFeed(c, feedOpts()).Items([]Record{r}, nil)
	if w, _ := items[0].Get("shipping_weight"); w != "1.5 kg" {
		t.Errorf("shipping_weight = %q, want 1.5 kg converted from TONNE", w)
	}
}

// feedGroup is a product model with colour and size variants.
func feedGroup(axes ...string) ProductGroup {
	return ProductGroup{
		Variation: Variation{Levels: [][]string{axes}},
		Model: Record{ID: "tee", Values: []FieldValue{lv("title", daDK, Text("T-shirt")), lv("description", daDK, Text("Bomuld")),
			fv("price", Prices(contract.MustParseMoney("80.00", currency.DKK))), fv("images", Assets(Asset{Ref: "tee.jpg"})),
			fv("brand", Text("Acme")), fv("mpn", Text("TEE"))}},
		Members: []Record{
			{ID: "TEE-RED-S", Parent: "tee", Values: []FieldValue{fv("color", Option("red")), fv("size", Option("s")), fv("fit", Option("slim"))}},
			{ID: "TEE-BLUE-M", Parent: "tee", Values: []FieldValue{fv("color", Option("blue")), fv("size", Option("m")), fv("fit", Option("wide"))}},
		},
	}
}

func TestFeedVariants(t *testing.T) {
	c := mustCompile(feedSchema(), testChannels()...)
	f := mustFeed(c, feedOpts())
	items, rep := f.Items(nil, []ProductGroup{feedGroup("color", "size")})
	if len(rep.Excluded) != 0 || len(items) != 2 {
		t.Fatalf("items %d, excluded %+v", len(items), rep.Excluded)
	}
	// Merchant spec: item_group_id with the variant attributes; a select writes its label in the feed's locale.
	for _, name := range []struct{ attr, want string }{{"item_group_id", "tee"}, {"color", "Rød"}, {"size", "s"}} {
		if got, _ := items[0].Get(name.attr); got != name.want {
			t.Errorf("%s = %q, want %q", name.attr, got, name.want)
		}
	}
	// Merchant spec: variants must differ by Google's variant attributes; "fit" is none.
	_, rep = f.Items(nil, []ProductGroup{feedGroup("color", "fit")})
	if len(rep.Excluded) != 2 || rep.Excluded[0].Problems[0] != (contract.Problem{Path: "item_group_id", Rule: RuleAxis, Param: "fit"}) {
		t.Errorf("excluded = %+v, want both variants for axis fit", rep.Excluded)
	}
	// Merchant spec: a variant without its axis value is left out.
	g := feedGroup("color", "size")
	g.Members[1].Values = g.Members[1].Values[:1]
	items, rep = f.Items(nil, []ProductGroup{g})
	if len(items) != 1 || len(rep.Excluded) != 1 || rep.Excluded[0].Item != "groups[0].variants[1]" ||
		rep.Excluded[0].Problems[0] != (contract.Problem{Path: "size", Rule: RuleAxisMissing, Param: "item_group_id"}) {
		t.Errorf("items %d, excluded %+v; want TEE-BLUE-M out for its size", len(items), rep.Excluded)
	}
	// Merchant spec: item_group_id at most 50 characters.
	g = feedGroup("color", "size")
	g.Model.ID = strings.Repeat("g", 51)
	for i := range g.Members {
		g.Members[i].Parent = g.Model.ID
	}
	if _, rep = f.Items(nil, []ProductGroup{g}); len(rep.Excluded) != 2 || rep.Excluded[0].Problems[0].Path != "item_group_id" {
		t.Errorf("excluded %+v, want both for item_group_id length", rep.Excluded)
	}
}

func TestFeedWriters(t *testing.T) {
	c := mustCompile(feedSchema(), testChannels()...)
	f := mustFeed(c, feedOpts())
	good := set(feedProduct(), "description", Text("Et\tkrus\nmed hank & <låg>"))
	bad := set(feedProduct(), "description", Value{})
	bad.ID = "MUG-2"
	var tsv bytes.Buffer
	rep, err := f.WriteTSV(&tsv, []Record{good, bad}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A product left out does not fail the feed: it is reported with the attribute and the reason.
	wantRep := FeedReport{Written: 1, Excluded: []FeedIssue{{ID: "MUG-2", Item: "products[1]", Problems: []contract.Problem{{Path: "description", Rule: RuleRequired}}}}}
	if diff := cmp.Diff(wantRep, rep); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
	want := "id\ttitle\tdescription\tlink\timage_link\tavailability\tprice\tbrand\tgtin\n" +
		"MUG-1\tKrus\tEt krus med hank & <låg>\thttps://shop.example/p/MUG-1\thttps://cdn.example/mug.jpg\tin_stock\t100.00 DKK\tAcme\t4006381333931\n"
	if tsv.String() != want {
		t.Errorf("TSV:\n%s\nwant:\n%s", tsv.String(), want)
	}
	var x bytes.Buffer
	if _, err := f.WriteXML(&x, []Record{good, bad}, nil); err != nil {
		t.Fatal(err)
	}
	// RSS 2.0 with the g: namespace, read back with encoding/xml.
	var doc struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Channel struct {
			Title string `xml:"title"`
			Items []struct {
				ID          string `xml:"http://base.google.com/ns/1.0 id"`
				Description string `xml:"http://base.google.com/ns/1.0 description"`
				Price       string `xml:"http://base.google.com/ns/1.0 price"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(x.Bytes(), &doc); err != nil {
		t.Fatalf("XML does not parse: %v\n%s", err, x.String())
	}
	if doc.Version != "2.0" || doc.Channel.Title != "Acme" || len(doc.Channel.Items) != 1 ||
		doc.Channel.Items[0].ID != "MUG-1" || doc.Channel.Items[0].Description != "Et\tkrus\nmed hank & <låg>" || doc.Channel.Items[0].Price != "100.00 DKK" {
		t.Errorf("XML read back as %+v\n%s", doc, x.String())
	}
	if !strings.Contains(x.String(), `xmlns:g="http://base.google.com/ns/1.0"`) {
		t.Errorf("XML lacks the g: namespace:\n%s", x.String())
	}
}

func TestNewFeedProblems(t *testing.T) {
	c := mustCompile(feedSchema(), testChannels()...)
	o := FeedOptions{Channel: "shop", Country: "US", Today: feedToday, Zone: "Mars/Base", Mapping: FeedMapping{Price: "title", Images: "brand"}}
	_, err := NewFeed(c, o)
	var ve *contract.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("NewFeed = %v, want problems", err)
	}
	var got []prob
	for _, p := range ve.Problems {
		got = append(got, prob{p.Path, p.Rule, p.Param})
	}
	want := []prob{{"currency", RuleRequired, ""}, {"channel", RuleChannel, "unknown"}, {"item_link", RuleRequired, ""},
		{"availability", RuleRequired, ""}, {"country", RuleVATRate, ""}, {"zone", RuleSyntax, ""},
		{"mapping.price", RuleType, "price"}, {"mapping.images", RuleType, "image"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// dayOf returns d as a Date value of the record.
func dayOf(d contract.Date) Value {
	t, _ := d.In(time.UTC)
	return Date(t)
}
