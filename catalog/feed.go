package catalog

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
)

// FeedMapping says which schema field feeds which Google Merchant Center
// attribute. A code of "" leaves the attribute out; a code the schema does
// not have is skipped, so the defaults ([DefaultFeedMapping]) suit any
// schema. The product's ID is always the id attribute.
//
// Title and Description take text fields; Price and SalePrice price
// fields; SaleStart, SaleEnd and AvailabilityDate date fields; Images an
// image field (the first image is image_link, up to 10 more
// additional_image_link); ShippingWeight a measurement of weight; the
// rest text, identifier, GTIN or select fields (a select writes its
// option's label in the feed's locale, or its code).
type FeedMapping struct {
	Title            string `json:"title,omitzero"`
	Description      string `json:"description,omitzero"`
	Price            string `json:"price,omitzero"`
	SalePrice        string `json:"sale_price,omitzero"`
	SaleStart        string `json:"sale_start,omitzero"`
	SaleEnd          string `json:"sale_end,omitzero"`
	Images           string `json:"images,omitzero"`
	Brand            string `json:"brand,omitzero"`
	GTIN             string `json:"gtin,omitzero"`
	MPN              string `json:"mpn,omitzero"`
	Condition        string `json:"condition,omitzero"`
	ProductType      string `json:"product_type,omitzero"`
	GoogleCategory   string `json:"google_product_category,omitzero"`
	ShippingWeight   string `json:"shipping_weight,omitzero"`
	AvailabilityDate string `json:"availability_date,omitzero"`
	Color            string `json:"color,omitzero"`
	Size             string `json:"size,omitzero"`
	Material         string `json:"material,omitzero"`
	Pattern          string `json:"pattern,omitzero"`
	AgeGroup         string `json:"age_group,omitzero"`
	Gender           string `json:"gender,omitzero"`
	SizeType         string `json:"size_type,omitzero"`
	SizeSystem       string `json:"size_system,omitzero"`
}

// DefaultFeedMapping maps every attribute to the field of the same name:
// title, description, price, images ([ProductSchema]'s standard fields),
// sale_price, sale_start, sale_end, brand, gtin, mpn, condition,
// product_type, google_product_category, shipping weight from "weight",
// availability_date, and the variant attributes color, size, material,
// pattern, age_group, gender, size_type and size_system. A field of one
// of these names whose type the attribute cannot take (a "weight" that is
// a plain number, not a measurement) is refused by [NewFeed]; clear that
// entry (m.ShippingWeight = "") or point it at another field.
func DefaultFeedMapping() FeedMapping {
	return FeedMapping{Title: FieldTitle, Description: FieldDescription, Price: FieldPrice, SalePrice: "sale_price",
		SaleStart: "sale_start", SaleEnd: "sale_end", Images: FieldImages, Brand: "brand", GTIN: "gtin", MPN: "mpn",
		Condition: "condition", ProductType: "product_type", GoogleCategory: "google_product_category",
		ShippingWeight: "weight", AvailabilityDate: "availability_date", Color: "color", Size: "size",
		Material: "material", Pattern: "pattern", AgeGroup: "age_group", Gender: "gender", SizeType: "size_type",
		SizeSystem: "size_system"}
}

// FeedOptions configure a Merchant Center feed ([NewFeed]).
//
// Locale and Channel pick localizable and scopable values, falling back
// from (locale, channel) to locale only, channel only and neither;
// Currency picks the price. Today is the day the feed is made: the day of
// the VAT rate, and the day a sale without a start date begins. Country
// and VAT show consumer prices: a price field stated excluding VAT is
// shown including the VAT of Country on Today from VAT
// ([ConsumerPriceIn]); with Country "" prices are shown as stored. Zone
// gives the offset of sale_price_effective_date. History holds each
// product's prices by record ID, as shown to consumers: an announced
// reduction needs it (Directive 98/6/EC Art. 6a). Categories, when set,
// gives product_type to a product whose mapped field is empty: the path of
// its first category in the tree below the root, labels in the feed's
// locale (else codes), "Køkken > Krus". ItemLink returns a
// product's page URL, ImageURL an asset's public URL (nil: its Ref) and
// Availability its stock state; ItemLink and Availability are required.
// Title, Link and Description describe the RSS channel.
type FeedOptions struct {
	Locale       contract.Locale
	Channel      string
	Currency     contract.Currency
	Today        contract.Date
	Country      string
	VAT          contract.VATTable
	Zone         contract.Zone
	Mapping      FeedMapping
	History      map[string]PriceHistory
	Categories   Tree
	ItemLink     func(Record) string
	ImageURL     func(Asset) string
	Availability func(Record) Availability
	Title        string
	Link         string
	Description  string
}

// FeedAttribute is one attribute of a feed item: Google's name ("title",
// "additional_image_link") and its text. An attribute may repeat
// (additional_image_link).
type FeedAttribute struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// FeedItem is one product line of a feed: its record ID and its
// attributes in the order of Google's specification.
type FeedItem struct {
	ID         string          `json:"id"`
	Attributes []FeedAttribute `json:"attributes"`
}

// Get returns the first value of attribute name; ok is false when the
// item has none.
func (it FeedItem) Get(name string) (value string, ok bool) {
	for _, a := range it.Attributes {
		if a.Name == name {
			return a.Value, true
		}
	}
	return "", false
}

// FeedIssue is what the feed found wrong with one product: its record ID,
// its place in the input ("products[2]" or "groups[0].variants[1]") and
// the problems, each with the Google attribute as path and the rule as
// reason ("description: required", "title: length(150)").
type FeedIssue struct {
	ID       string             `json:"id"`
	Item     string             `json:"item"`
	Problems []contract.Problem `json:"problems"`
}

// FeedReport is the outcome of writing a feed: how many items were
// written, the products left out (Excluded) and those written with an
// attribute dropped or cut (Warnings: a shipping weight in a unit Google
// does not take, images beyond the 10 additional ones).
type FeedReport struct {
	Written  int         `json:"written"`
	Excluded []FeedIssue `json:"excluded,omitzero"`
	Warnings []FeedIssue `json:"warnings,omitzero"`
}

// Google Merchant Center limits in characters, per attribute (product
// data specification).
var feedMax = map[string]int{
	"id": 50, "title": 150, "description": 5000, "link": 2000, "image_link": 2000,
	"additional_image_link": 2000, "brand": 70, "gtin": 50, "mpn": 70, "item_group_id": 50,
	"product_type": 750, "google_product_category": 750, "color": 100, "size": 100,
	"material": 200, "pattern": 100,
}

// feedEnums are the values Google accepts for its enumerated attributes.
var feedEnums = map[string][]string{
	"condition":   {"new", "refurbished", "used"},
	"age_group":   {"newborn", "infant", "toddler", "kids", "adult"},
	"gender":      {"male", "female", "unisex"},
	"size_type":   {"regular", "petite", "maternity", "big", "tall", "plus"},
	"size_system": {"US", "UK", "EU", "DE", "FR", "JP", "CN", "IT", "BR", "MEX", "AU"},
}

// feedVariantAttrs are the attributes by which Google tells the variants
// of an item group apart.
var feedVariantAttrs = []string{"color", "size", "material", "pattern", "age_group", "gender"}

// feedColumns is the order of attributes in items and in the TSV header.
var feedColumns = []string{"id", "title", "description", "link", "image_link", "additional_image_link",
	"availability", "availability_date", "price", "sale_price", "sale_price_effective_date", "brand", "gtin",
	"mpn", "identifier_exists", "condition", "google_product_category", "product_type", "item_group_id",
	"color", "size", "material", "pattern", "age_group", "gender", "size_type", "size_system", "shipping_weight"}

// FeedRequired lists the attributes every feed item must have (Google
// Merchant Center product data specification): id, title, description,
// link, image_link, availability and price. Conditionally required:
// availability_date for preorder and backorder; brand, and gtin or mpn,
// unless identifier_exists is no; item_group_id for variants, with the
// variant attributes their group varies by; color, gender and age_group
// for apparel (google_product_category 166 or "Apparel & Accessories"),
// and size for clothing (1604) and shoes (187); sale_price's prior price
// for an announced reduction (Directive 98/6/EC Art. 6a). A price and a
// shipping weight must be above zero.
var FeedRequired = []string{"id", "title", "description", "link", "image_link", "availability", "price"}

// Feed writes Google Merchant Center product feeds of one schema. Build it
// with [NewFeed]; it is safe for concurrent use.
type Feed struct {
	c    *Compiled
	opts FeedOptions
	loc  *time.Location
	rate decimal.Decimal // VAT rate of Country on Today; zero when none
}

// feedFieldTypes lists the field types each mapped attribute accepts.
var feedFieldTypes = map[string][]FieldType{
	"title": {TextField, Textarea, Identifier}, "description": {TextField, Textarea},
	"price": {PriceField}, "sale_price": {PriceField}, "sale_start": {DateField}, "sale_end": {DateField},
	"images": {Image}, "shipping_weight": {Measurement}, "availability_date": {DateField},
}

func (m FeedMapping) pairs() [][2]string {
	return [][2]string{{"title", m.Title}, {"description", m.Description}, {"price", m.Price},
		{"sale_price", m.SalePrice}, {"sale_start", m.SaleStart}, {"sale_end", m.SaleEnd}, {"images", m.Images},
		{"brand", m.Brand}, {"gtin", m.GTIN}, {"mpn", m.MPN}, {"condition", m.Condition},
		{"product_type", m.ProductType}, {"google_product_category", m.GoogleCategory},
		{"shipping_weight", m.ShippingWeight}, {"availability_date", m.AvailabilityDate}, {"color", m.Color},
		{"size", m.Size}, {"material", m.Material}, {"pattern", m.Pattern}, {"age_group", m.AgeGroup},
		{"gender", m.Gender}, {"size_type", m.SizeType}, {"size_system", m.SizeSystem}}
}

// NewFeed checks opts against c and returns the feed writer. Problems,
// all at once: a zero Currency or Today (rule required), a Channel c
// does not have (rule channel), a nil ItemLink or Availability (rule
// required), a Country the VAT table has no rate for on Today (rule
// vat_rate), an unknown Zone (rule syntax), and a mapped field of a type
// the attribute cannot take ("mapping.price: type(price)").
func NewFeed(c *Compiled, opts FeedOptions) (*Feed, error) {
	if c == nil {
		return nil, errNotCreated
	}
	var ps problems
	if opts.Currency.IsZero() {
		ps.Add("currency", RuleRequired, "")
	}
	if opts.Today.IsZero() {
		ps.Add("today", RuleRequired, "")
	}
	if opts.Channel != "" && c.channelIndex(opts.Channel) < 0 {
		ps.Add("channel", RuleChannel, "unknown")
	}
	if opts.ItemLink == nil {
		ps.Add("item_link", RuleRequired, "")
	}
	if opts.Availability == nil {
		ps.Add("availability", RuleRequired, "")
	}
	f := &Feed{c: c, opts: opts}
	if opts.Country != "" && !opts.Today.IsZero() {
		r, err := opts.VAT.Rate(opts.Country, opts.Today)
		if err != nil {
			ps.Add("country", RuleVATRate, "")
		}
		f.rate = r
	}
	loc, err := opts.Zone.Location()
	if err != nil {
		ps.Add("zone", RuleSyntax, "")
	}
	f.loc = loc
	for _, p := range opts.Mapping.pairs() {
		if p[1] == "" {
			continue
		}
		fd, ok := c.schema.Field(p[1])
		if !ok {
			continue
		}
		types, ok := feedFieldTypes[p[0]]
		if !ok {
			types = []FieldType{TextField, Textarea, Identifier, GTIN, SimpleSelect, Reference}
		}
		if !slices.Contains(types, fd.Type) {
			ps.Add("mapping."+p[0], RuleType, types[0].String())
		}
	}
	if err := ps.Err("new feed", ErrInvalid); err != nil {
		return nil, err
	}
	return f, nil
}

// pick returns the value of field for the feed's locale and channel with
// the fallbacks of [FeedOptions]; a field the schema lacks gives none.
func (f *Feed) pick(r Record, field string) Value {
	if field == "" {
		return Value{}
	}
	o := f.opts
	for _, k := range [...]slotKey{{o.Locale, o.Channel}, {o.Locale, ""}, {contract.Locale{}, o.Channel}, {contract.Locale{}, ""}} {
		if v, ok := r.Get(field, k.loc, k.ch); ok {
			return v
		}
	}
	return Value{}
}

// text returns a field's value as feed text: text as is, a select's
// option label in the feed's locale (else its code), other kinds as
// printed; whitespace-only text is "".
func (f *Feed) text(r Record, field string) string {
	v := f.pick(r, field)
	var s string
	switch {
	case v.IsEmpty():
		return ""
	case v.kind == kindText:
		s = v.s
	case v.kind == kindOption:
		s = v.s
		if fd, ok := f.c.schema.Field(field); ok {
			for _, o := range fd.Options {
				if o.Code == v.s {
					if l, ok := o.Labels.In(f.opts.Locale); ok && !f.opts.Locale.IsZero() {
						s = l
					}
				}
			}
		}
	default:
		s = v.String()
	}
	return strings.TrimSpace(s)
}

func (f *Feed) date(r Record, field string) (contract.Date, bool) {
	t, ok := f.pick(r, field).Date()
	if !ok {
		return contract.Date{}, false
	}
	return contract.DateOf(t), true
}

// shownPrice returns the amount of a price field in the feed's currency
// as consumers see it; ok is false when the record has none.
func (f *Feed) shownPrice(r Record, field string) (Price, bool) {
	cur := f.opts.Currency.Unit()
	p, ok := f.pick(r, field).Price(cur)
	if !ok {
		return Price{}, false
	}
	basis := ExclVAT
	if fd, ok := f.c.schema.Field(field); ok {
		basis = fd.PriceBasis
	}
	if f.opts.Country != "" && basis == ExclVAT {
		_, gross := money.AddVAT(p.Amount(), f.rate, cur)
		return contract.NewMoney(gross, cur), true
	}
	return p.Round(), true
}

func feedMoney(p Price) string {
	return money.Format(p.Amount(), p.Currency()) + " " + p.Currency().String()
}

// googleWeightUnits maps measurement unit codes (Akeneo's and the symbols)
// to Google's weight units.
var googleWeightUnits = map[string]string{"KILOGRAM": "kg", "GRAM": "g", "POUND": "lb", "OUNCE": "oz",
	"kg": "kg", "g": "g", "lb": "lb", "oz": "oz"}

// isApparel reports whether a google_product_category is in Apparel &
// Accessories (166), and whether it needs a size: Clothing (1604) and
// Shoes (187).
func isApparel(cat string) (apparel, sized bool) {
	switch {
	case cat == "166", strings.HasPrefix(cat, "Apparel & Accessories"):
		apparel = true
	case cat == "1604", cat == "187":
		return true, true
	}
	sized = strings.HasPrefix(cat, "Apparel & Accessories > Clothing") || strings.HasPrefix(cat, "Apparel & Accessories > Shoes")
	return apparel, sized
}

// item builds the feed item of r, or reports why it must be left out.
// group is the item group's ID ("" for a simple product) and axes the
// Google attributes its variants differ by.
func (f *Feed) item(r Record, group string, axes []string) (FeedItem, []contract.Problem, []contract.Problem) {
	m := f.opts.Mapping
	var ps, warn []contract.Problem
	bad := func(attr, rule, param string) {
		ps = append(ps, contract.Problem{Path: attr, Rule: rule, Param: param})
	}
	it := FeedItem{ID: r.ID}
	add := func(name, value string) {
		if value == "" {
			return
		}
		if max, ok := feedMax[name]; ok && utf8Len(value) > max {
			bad(name, RuleLength, strconv.Itoa(max))
		}
		if vals, ok := feedEnums[name]; ok && !slices.Contains(vals, value) {
			bad(name, RuleOption, clip(value, 40))
		}
		it.Attributes = append(it.Attributes, FeedAttribute{Name: name, Value: value})
	}
	need := func(name, value string) {
		if value == "" {
			bad(name, RuleRequired, "")
		}
		add(name, value)
	}
	need("id", strings.TrimSpace(r.ID))
	need("title", f.text(r, m.Title))
	need("description", f.text(r, m.Description))
	need("link", strings.TrimSpace(f.opts.ItemLink(r)))
	var images []string
	for _, a := range f.pick(r, m.Images).Assets() {
		u := a.Ref
		if f.opts.ImageURL != nil {
			u = f.opts.ImageURL(a)
		}
		if u = strings.TrimSpace(u); u != "" {
			images = append(images, u)
		}
	}
	first := ""
	if len(images) > 0 {
		first = images[0]
	}
	need("image_link", first)
	for i, u := range images[min(1, len(images)):] {
		if i == 10 {
			warn = append(warn, contract.Problem{Path: "additional_image_link", Rule: RuleMaxItems, Param: "10"})
			break
		}
		add("additional_image_link", u)
	}
	av := f.opts.Availability(r)
	if av == availabilityInvalid || int(av) >= len(availabilityNames) {
		bad("availability", RuleRequired, "")
	} else {
		add("availability", av.String())
		if av == PreOrder || av == BackOrder {
			if d, ok := f.date(r, m.AvailabilityDate); ok {
				add("availability_date", f.instant(d))
			} else {
				bad("availability_date", RuleRequired, av.String())
			}
		}
	}
	price, hasPrice := f.shownPrice(r, m.Price)
	switch {
	case !hasPrice:
		bad("price", RuleRequired, f.opts.Currency.String())
	case price.Sign() <= 0:
		bad("price", RuleMin, "0")
	}
	f.sale(r, price, hasPrice, &it, bad, add)
	brand, gtin, mpn := f.text(r, m.Brand), f.text(r, m.GTIN), f.text(r, m.MPN)
	add("brand", brand)
	if gtin != "" {
		switch class, err := ClassifyGTIN(gtin); {
		case err != nil:
			bad("gtin", RuleGTIN, err.(*IdentifierError).Reason)
		case !class.IsTradeItem():
			bad("gtin", RuleGTIN, class.String())
		}
	}
	add("gtin", gtin)
	add("mpn", mpn)
	if gtin == "" && (brand == "" || mpn == "") {
		add("identifier_exists", "no")
	}
	add("condition", f.text(r, m.Condition))
	cat := f.text(r, m.GoogleCategory)
	add("google_product_category", cat)
	pt := f.text(r, m.ProductType)
	if pt == "" {
		pt = f.categoryPath(r)
	}
	add("product_type", pt)
	add("item_group_id", group)
	variant := map[string]string{"color": m.Color, "size": m.Size, "material": m.Material, "pattern": m.Pattern,
		"age_group": m.AgeGroup, "gender": m.Gender, "size_type": m.SizeType, "size_system": m.SizeSystem}
	apparel, sized := isApparel(cat)
	for _, name := range []string{"color", "size", "material", "pattern", "age_group", "gender", "size_type", "size_system"} {
		v := f.text(r, variant[name])
		if v == "" {
			switch {
			case slices.Contains(axes, name):
				bad(name, RuleAxisMissing, "item_group_id")
			case apparel && (name == "color" || name == "gender" || name == "age_group"), sized && name == "size":
				bad(name, RuleRequired, "apparel")
			}
		}
		add(name, v)
	}
	if d, unit, ok := f.pick(r, m.ShippingWeight).Measure(); ok && d.Sign() <= 0 {
		bad("shipping_weight", RuleMin, "0")
	} else if ok {
		if g, ok := googleWeightUnits[unit]; ok {
			add("shipping_weight", normDecimal(d)+" "+g)
		} else if fd, ok := f.c.schema.Field(m.ShippingWeight); ok {
			if kg, err := fd.Units.Convert(d, unit, "KILOGRAM"); err == nil {
				add("shipping_weight", normDecimal(kg.Round(3))+" kg")
			} else {
				warn = append(warn, contract.Problem{Path: "shipping_weight", Rule: RuleUnit, Param: clip(unit, 40)})
			}
		}
	}
	return it, ps, warn
}

// sale adds sale_price and sale_price_effective_date, and makes price the
// prior price of the reduction (Directive 98/6/EC Art. 6a): the lowest
// price of the 30 days before the sale starts, from the product's
// history. A sale that ended before Today is not written.
func (f *Feed) sale(r Record, price Price, hasPrice bool, it *FeedItem, bad func(a, r, p string), add func(n, v string)) {
	m := f.opts.Mapping
	sp, ok := f.shownPrice(r, m.SalePrice)
	start, hasStart := f.date(r, m.SaleStart)
	end, hasEnd := f.date(r, m.SaleEnd)
	if !ok || (hasEnd && end.Before(f.opts.Today)) {
		if hasPrice {
			add("price", feedMoney(price))
		}
		return
	}
	if !hasStart {
		start = f.opts.Today
	}
	if hasEnd && end.Before(start) {
		bad("sale_price_effective_date", RuleMin, start.String())
	}
	h, ok := f.opts.History[r.ID]
	if !ok {
		bad("sale_price", "prior_price", "")
		return
	}
	prior, err := h.PriorPrice(start, f.opts.Currency.Unit())
	if err != nil {
		bad("sale_price", "prior_price", start.AddDays(-PriorPriceDays).String())
		return
	}
	if !sp.Amount().LessThan(prior.Amount()) {
		bad("sale_price", RuleMax, feedMoney(prior))
	}
	add("price", feedMoney(prior))
	add("sale_price", feedMoney(sp))
	if hasStart || hasEnd {
		if !hasEnd {
			end = start.AddDays(365) // Google needs an end; a year is the longest it shows one
		}
		add("sale_price_effective_date", f.instant(start)+"/"+f.endInstant(end))
	}
}

// instant writes the start of day d in the feed's zone as Google's ISO
// 8601 form, "2026-12-01T00:00+0100".
func (f *Feed) instant(d contract.Date) string {
	t, err := d.In(f.loc)
	if err != nil {
		return d.String()
	}
	return t.Format("2006-01-02T15:04-0700")
}

// endInstant writes the last minute of day d, "2026-12-24T23:59+0100".
func (f *Feed) endInstant(d contract.Date) string {
	t, err := d.AddDays(1).In(f.loc)
	if err != nil {
		return d.String()
	}
	return t.Add(-time.Minute).Format("2006-01-02T15:04-0700")
}

func utf8Len(s string) int { return runeCount(s) }

// categoryPath returns the path of r's first category known to the
// options' tree, below its root, as Google's product_type: "Kitchen >
// Mugs"; "" when there is none.
func (f *Feed) categoryPath(r Record) string {
	t := f.opts.Categories
	for _, code := range r.Categories {
		if !t.Contains(code) {
			continue
		}
		path := append(t.Ancestors(code), code)
		if len(path) > 1 {
			path = path[1:] // the root is the channel's tree, not a category
		}
		names := make([]string, len(path))
		for i, c := range path {
			names[i] = c
			if n, ok := t.Node(c); ok && !f.opts.Locale.IsZero() {
				if l, ok := n.Labels.In(f.opts.Locale); ok {
					names[i] = l
				}
			}
		}
		return strings.Join(names, " > ")
	}
	return ""
}

// Items returns the feed items of the simple products and of every
// variant of the product groups (its inherited values, item_group_id the
// model's ID), and the report of the products left out, with the Google
// attribute and the rule each broke. A group whose variation axis maps
// to no Google variant attribute (color, size, material, pattern,
// age_group, gender) leaves all its variants out: Google could not tell
// them apart (path item_group_id, rule axis, Param the axis code).
//
// A Feed not made by [NewFeed] (nil or its zero value) has no items.
func (f *Feed) Items(products []Record, groups []ProductGroup) ([]FeedItem, FeedReport) {
	var items []FeedItem
	var rep FeedReport
	if f == nil || f.c == nil {
		return nil, rep
	}
	emit := func(r Record, group string, axes []string, where string) {
		it, ps, warn := f.item(r, group, axes)
		if len(ps) > 0 {
			rep.Excluded = append(rep.Excluded, FeedIssue{ID: r.ID, Item: where, Problems: ps})
			return
		}
		if len(warn) > 0 {
			rep.Warnings = append(rep.Warnings, FeedIssue{ID: r.ID, Item: where, Problems: warn})
		}
		items = append(items, it)
	}
	for i, r := range products {
		emit(r, "", nil, "products["+strconv.Itoa(i)+"]")
	}
	m := f.opts.Mapping
	byField := map[string]string{m.Color: "color", m.Size: "size", m.Material: "material", m.Pattern: "pattern",
		m.AgeGroup: "age_group", m.Gender: "gender"}
	delete(byField, "")
	for j, g := range groups {
		var axes []string
		var ps []contract.Problem
		for _, level := range g.Variation.Levels {
			for _, a := range level {
				name, ok := byField[a]
				if !ok || !slices.Contains(feedVariantAttrs, name) {
					ps = append(ps, contract.Problem{Path: "item_group_id", Rule: RuleAxis, Param: clip(a, 100)})
					continue
				}
				axes = append(axes, name)
			}
		}
		for k, v := range g.Variants() {
			where := "groups[" + strconv.Itoa(j) + "].variants[" + strconv.Itoa(k) + "]"
			if len(ps) > 0 {
				rep.Excluded = append(rep.Excluded, FeedIssue{ID: v.ID, Item: where, Problems: slices.Clone(ps)})
				continue
			}
			emit(v, g.Model.ID, axes, where)
		}
	}
	rep.Written = len(items)
	return items, rep
}
