package catalog

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
)

// Availability is a product's stock state as schema.org and Google
// Merchant Center name it. The zero Availability is invalid; a host must
// say.
type Availability uint8

// Availabilities.
const (
	availabilityInvalid Availability = iota
	InStock
	OutOfStock
	PreOrder
	BackOrder
)

var availabilitySchema = [...]string{"", "InStock", "OutOfStock", "PreOrder", "BackOrder"}

// SchemaOrg returns the schema.org URL, e.g. "https://schema.org/InStock",
// or "" for the zero Availability.
func (a Availability) SchemaOrg() string {
	if a == availabilityInvalid || int(a) >= len(availabilitySchema) {
		return ""
	}
	return "https://schema.org/" + availabilitySchema[a]
}

// PublishOptions says how records are shown on one channel, for JSON-LD
// and merchant feeds.
//
// Locale and Channel choose which localizable and scopable values are
// used (a value without locale or channel is used as is); Currency picks
// the price. Field codes default to the standard fields: title,
// description, price and images ([ProductSchema]); Brand, GTIN and MPN
// name custom fields and are left out when "". ShowBasis is the VAT basis
// to show (consumer prices in the EU include VAT); when it differs from
// the price field's basis the price is converted at VATRate, which must
// then be set (read it from the table the library shares:
// contract.EUVATRates().Rate("DK", day) is 0.25; a rate outside [0, 1) is
// refused with path "vat_rate", rule dgte or dlt). Link returns a product's page
// URL; ImageURL turns an asset into a public URL (nil: the asset's Ref);
// Availability returns its stock state. None of them may be nil except
// ImageURL.
type PublishOptions struct {
	Locale       contract.Locale
	Channel      string
	Currency     contract.Currency
	Title        string
	Description  string
	Price        string
	Images       string
	Brand        string
	GTIN         string
	MPN          string
	ShowBasis    PriceBasis
	VATRate      contract.Decimal
	Link         func(Record) string
	ImageURL     func(Asset) string
	Availability func(Record) Availability
}

// check returns the problems of the options themselves: a VAT rate
// outside [0, 1) (path "vat_rate", rule dgte or dlt), which would divide
// by zero at -1 and double a price at -0.5.
func (o PublishOptions) check() []contract.Problem {
	if p, ok := checkRate("vat_rate", o.VATRate.Decimal()); !ok {
		return []contract.Problem{p}
	}
	return nil
}

func (o PublishOptions) code(set, def string) string {
	if set != "" {
		return set
	}
	return def
}

// shown is the channel view of one record.
type shown struct {
	id, title, description, link, brand, gtin, mpn, price string
	images                                                []string
	availability                                          Availability
}

// pick returns the value of field for the options' locale and channel,
// falling back from (locale, channel) to locale only, channel only and
// neither.
func (o PublishOptions) pick(r Record, field string) Value {
	if field == "" {
		return Value{}
	}
	for _, k := range [...]slotKey{{o.Locale, o.Channel}, {o.Locale, ""}, {contract.Locale{}, o.Channel}, {contract.Locale{}, ""}} {
		if v, ok := r.Get(field, k.loc, k.ch); ok {
			return v
		}
	}
	return Value{}
}

// view extracts what a channel shows of r and reports what is missing or
// malformed with paths under prefix.
func (c *Compiled) view(r Record, o PublishOptions, prefix string) (shown, []contract.Problem) {
	var ps []contract.Problem
	s := shown{id: r.ID}
	text := func(field string) string {
		v := o.pick(r, field)
		if t, ok := v.Text(); ok {
			return t
		}
		return v.String()
	}
	s.title = text(o.code(o.Title, FieldTitle))
	s.description = text(o.code(o.Description, FieldDescription))
	s.brand = text(o.Brand)
	s.mpn = text(o.MPN)
	if o.GTIN != "" {
		s.gtin = text(o.GTIN)
		if s.gtin != "" && CheckGTIN(s.gtin) != nil {
			ps = append(ps, contract.Problem{Path: prefix + "gtin", Rule: RuleGTIN, Param: "check digit"})
		}
	}
	for _, a := range o.pick(r, o.code(o.Images, FieldImages)).Assets() {
		u := a.Ref
		if o.ImageURL != nil {
			u = o.ImageURL(a)
		}
		s.images = append(s.images, u)
	}
	if o.Link != nil {
		s.link = o.Link(r)
	}
	if o.Availability != nil {
		s.availability = o.Availability(r)
	}
	priceCode := o.code(o.Price, FieldPrice)
	cur := o.Currency.Unit()
	amount, ok := o.pick(r, priceCode).Price(cur)
	switch {
	case !ok:
		ps = append(ps, contract.Problem{Path: prefix + "price", Rule: RuleRequired, Param: cur.String()})
	case decimalPlaces(amount.Amount()) > int(money.Scale(cur)):
		ps = append(ps, contract.Problem{Path: prefix + "price", Rule: RuleDecimals, Param: strconv.Itoa(int(money.Scale(cur)))})
	default:
		basis := ExclVAT
		if f, ok := c.schema.Field(priceCode); ok {
			basis = f.PriceBasis
		}
		if basis != o.ShowBasis {
			if o.VATRate.IsZero() {
				ps = append(ps, contract.Problem{Path: prefix + "price", Rule: RuleVATRate, Param: o.ShowBasis.String()})
				break
			}
			amount = convertPrice(amount, o.VATRate.Decimal(), basis, o.ShowBasis)
		}
		s.price = money.Format(amount.Amount(), cur)
	}
	return s, ps
}

// ProductJSONLD writes r as a schema.org Product in JSON-LD, for a
// product page's <script type="application/ld+json">: name, description,
// image, sku, gtin, mpn, brand and an Offer with url, price (a string at
// the currency's scale, "199.00"), priceCurrency and availability.
// Missing text fields are left out; a missing price in opts.Currency is a
// [*contract.ValidationError] (path "price", rule required) and nothing is written.
func (c *Compiled) ProductJSONLD(w io.Writer, r Record, opts PublishOptions) error {
	if ps := opts.check(); ps != nil {
		return invalid("product json-ld", ps)
	}
	if w == nil {
		return errNilWriter
	}
	s, ps := c.view(r, opts, "")
	if len(ps) > 0 {
		return invalid("product json-ld", ps)
	}
	b := []byte(`{"@context":"https://schema.org",`)
	b = appendProductLD(b, s, opts)
	b = append(b, "}\n"...)
	_, err := w.Write(b)
	return err
}

func appendProductLD(b []byte, s shown, o PublishOptions) []byte {
	b = append(b, `"@type":"Product"`...)
	field := func(k, v string) {
		if v != "" {
			b = append(b, ',')
			b = appendKey(b, k)
			b = appendJSONString(b, v)
		}
	}
	field("name", s.title)
	field("description", s.description)
	if len(s.images) > 0 {
		b = append(b, `,"image":[`...)
		for i, u := range s.images {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, u)
		}
		b = append(b, ']')
	}
	field("sku", s.id)
	field("gtin", s.gtin)
	field("mpn", s.mpn)
	if s.brand != "" {
		b = append(b, `,"brand":{"@type":"Brand","name":`...)
		b = appendJSONString(b, s.brand)
		b = append(b, '}')
	}
	b = append(b, `,"offers":{"@type":"Offer"`...)
	field("url", s.link)
	field("price", s.price)
	field("priceCurrency", o.Currency.String())
	field("availability", s.availability.SchemaOrg())
	return append(b, '}')
}

// variesBy maps an axis code to its schema.org property where one exists
// ("color" and "colour" -> https://schema.org/color, "size", "material",
// "pattern", "suggestedAge", "suggestedGender"); other axes keep their
// code.
func variesBy(axis string) string {
	switch strings.ToLower(axis) {
	case "color", "colour":
		return "https://schema.org/color"
	case "size":
		return "https://schema.org/size"
	case "material":
		return "https://schema.org/material"
	case "pattern":
		return "https://schema.org/pattern"
	case "suggestedage", "suggested_age", "age_group":
		return "https://schema.org/suggestedAge"
	case "suggestedgender", "suggested_gender", "gender":
		return "https://schema.org/suggestedGender"
	}
	return axis
}

// ProductGroupJSONLD writes a product model as a schema.org ProductGroup:
// name, description, brand, productGroupID (the model's code), variesBy
// (the axes, as schema.org properties where they have one: "color" ->
// "https://schema.org/color") and hasVariant with one Product per variant,
// built from its inherited values. Every variant's problems are reported
// at once with paths "variants[i].price".
func (c *Compiled) ProductGroupJSONLD(w io.Writer, f ProductGroup, opts PublishOptions) error {
	if ps := opts.check(); ps != nil {
		return invalid("product group json-ld", ps)
	}
	if w == nil {
		return errNilWriter
	}
	model, ps := c.view(f.Model, opts, "model.")
	ps = ps[:0] // a model need not carry a price of its own
	variants := f.Variants()
	views := make([]shown, len(variants))
	for i, v := range variants {
		var vp []contract.Problem
		views[i], vp = c.view(v, opts, "variants["+strconv.Itoa(i)+"].")
		ps = append(ps, vp...)
	}
	if len(ps) > 0 {
		return invalid("product group json-ld", ps)
	}
	b := []byte(`{"@context":"https://schema.org","@type":"ProductGroup"`)
	add := func(k, v string) {
		if v != "" {
			b = append(b, ',')
			b = appendKey(b, k)
			b = appendJSONString(b, v)
		}
	}
	add("name", model.title)
	add("description", model.description)
	add("productGroupID", f.Model.ID)
	if model.brand != "" {
		b = append(b, `,"brand":{"@type":"Brand","name":`...)
		b = appendJSONString(b, model.brand)
		b = append(b, '}')
	}
	b = append(b, `,"variesBy":[`...)
	n := 0
	for _, level := range f.Variation.Levels {
		for _, a := range level {
			if n > 0 {
				b = append(b, ',')
			}
			n++
			b = appendJSONString(b, variesBy(a))
		}
	}
	b = append(b, `],"hasVariant":[`...)
	for i, s := range views {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		b = appendProductLD(b, s, opts)
		b = append(b, '}')
	}
	b = append(b, "]}\n"...)
	_, err := w.Write(b)
	return err
}

func feedClean(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.NewReplacer("\t", " ", "\r\n", " ", "\r", " ", "\n", " ").Replace(s)
}

func writeLine(w *bufio.Writer, cells []string) {
	for i, c := range cells {
		if i > 0 {
			w.WriteByte('\t')
		}
		w.WriteString(c)
	}
	w.WriteByte('\n')
}
