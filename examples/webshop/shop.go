package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"time"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"golang.org/x/text/currency"
)

// The shop's fixed facts: who it is, what it sells, its privacy policy,
// its cookies and its own agreement with OpenDIMS.
var (
	danish  = contract.MustLocale("da-DK")
	english = contract.MustLocale("en-GB")
	dkk     = contract.CurrencyOf(currency.DKK)

	seller = contract.Party{Name: "Nordlys Webshop ApS", CVR: "12345674",
		Address: "Vestergade 1, 8000 Aarhus C", Country: "DK"}
)

// product is one thing on the product list: a simple product or a product
// model with its variants.
type product struct {
	ID     string
	Record catalog.Record        // a simple product
	Group  *catalog.ProductGroup // a model with variants
}

// catalogData is the shop's compiled schema and its products.
type catalogData struct {
	compiled *catalog.Compiled
	options  map[string][]catalog.SelectOption // select fields' options, for their labels
	safety   []catalog.Field                   // the GPSR fields, for their labels
	products []product
}

func money(s string) catalog.Value {
	return catalog.Prices(contract.MustParseMoney(s, currency.DKK))
}

func fv(field string, v catalog.Value) catalog.FieldValue {
	return catalog.FieldValue{Field: field, Value: v}
}

func lv(field string, l contract.Locale, v catalog.Value) catalog.FieldValue {
	return catalog.FieldValue{Field: field, Locale: l, Value: v}
}

// newCatalog builds the demo catalog: prices are consumer prices including
// 25 % VAT (catalog.InclVAT), titles and descriptions in Danish and
// English, one mug in three colours as a ProductGroup and two simple
// products.
func newCatalog() (*catalogData, error) {
	webshop := catalog.Channel{Code: "webshop", Locales: []contract.Locale{danish, english},
		Currencies: []contract.Currency{dkk}}
	color := func(code, da, en string) catalog.SelectOption {
		return catalog.SelectOption{Code: code, Labels: catalog.Labels{{Lang: danish, Text: da}, {Lang: english, Text: en}}}
	}
	colors := []catalog.SelectOption{color("blue", "Blå", "Blue"), color("green", "Grøn", "Green"), color("sand", "Sand", "Sand")}
	// The GPSR Art. 19 fields, required in the webshop channel, which sells
	// to consumers in the EU.
	safety := catalog.SafetyFields("webshop")
	schema, err := catalog.ProductSchema(catalog.InclVAT, "webshop").Add(append([]catalog.Field{
		{Code: "ean", Type: catalog.GTIN, Unique: true},
		{Code: "brand", Type: catalog.TextField, MaxLength: 70},
		{Code: "color", Type: catalog.SimpleSelect, Options: colors},
	}, safety...)...)
	if err != nil {
		return nil, err
	}
	c, err := schema.Compile(webshop)
	if err != nil {
		return nil, err
	}
	img := func(ref string) catalog.FieldValue { return fv("images", catalog.Assets(catalog.Asset{Ref: ref})) }
	// safetyValues is the product-safety information of one product (GPSR
	// Art. 19): the manufacturer in the Union, the type and batch, and the
	// warnings in both languages of the channel.
	safetyValues := func(typ, da, en string) []catalog.FieldValue {
		return []catalog.FieldValue{
			fv(catalog.FieldManufacturerName, catalog.Text("Nordlys Keramik ApS")),
			fv(catalog.FieldManufacturerAddress, catalog.Text("Keramikvej 3, 5700 Svendborg, Danmark")),
			fv(catalog.FieldManufacturerEmail, catalog.Text("sikkerhed@nordlys.example")),
			fv(catalog.FieldManufacturerCountry, catalog.Text("DK")),
			fv(catalog.FieldProductType, catalog.Text(typ)),
			lv(catalog.FieldSafetyInformation, danish, catalog.Text(da)),
			lv(catalog.FieldSafetyInformation, english, catalog.Text(en)),
		}
	}
	stoneware := func(typ string) []catalog.FieldValue {
		return safetyValues(typ, "Tåler opvaskemaskine og mikroovn. Ikke til komfur eller ovn; kan blive varm.",
			"Dishwasher and microwave safe. Not for hob or oven; may get hot.")
	}
	mug := catalog.ProductGroup{
		Variation: catalog.Variation{Levels: [][]string{{"color"}}},
		Model: catalog.Record{ID: "mug", Status: catalog.StatusActive, Values: append([]catalog.FieldValue{
			lv("title", danish, catalog.Text("Kaffekrus")), lv("title", english, catalog.Text("Coffee mug")),
			lv("description", danish, catalog.Text("Stentøj, 35 cl, tåler opvaskemaskine.")),
			lv("description", english, catalog.Text("Stoneware, 35 cl, dishwasher safe.")),
			fv("price", money("89.95")), img("mug.png"), fv("brand", catalog.Text("Nordlys")),
		}, stoneware("Krus KR-35, parti 2026-14")...)},
		Members: []catalog.Record{
			{ID: "MUG-BLUE", Parent: "mug", Status: catalog.StatusActive, Values: []catalog.FieldValue{
				fv("color", catalog.Option("blue")), fv("ean", catalog.Text("4006381333931"))}},
			{ID: "MUG-GREEN", Parent: "mug", Status: catalog.StatusActive, Values: []catalog.FieldValue{
				fv("color", catalog.Option("green")), fv("ean", catalog.Text("4006381333948"))}},
			{ID: "MUG-SAND", Parent: "mug", Status: catalog.StatusActive, Values: []catalog.FieldValue{
				fv("color", catalog.Option("sand")), fv("ean", catalog.Text("4006381333955")), fv("price", money("99.95"))}},
		},
	}
	if err := c.ValidateProductGroup(mug); err != nil {
		return nil, err
	}
	simple := []catalog.Record{
		{ID: "BOWL-01", Status: catalog.StatusActive, Values: append([]catalog.FieldValue{
			lv("title", danish, catalog.Text("Skål")), lv("title", english, catalog.Text("Bowl")),
			lv("description", danish, catalog.Text("Stentøj, 15 cm.")), lv("description", english, catalog.Text("Stoneware, 15 cm.")),
			fv("price", money("129.00")), img("bowl.png"), fv("brand", catalog.Text("Nordlys")),
			fv("ean", catalog.Text("4006381333962"))}, stoneware("Skål SK-15, parti 2026-09")...)},
		{ID: "PLATE-01", Status: catalog.StatusActive, Values: append([]catalog.FieldValue{
			lv("title", danish, catalog.Text("Tallerken")), lv("title", english, catalog.Text("Plate")),
			lv("description", danish, catalog.Text("Porcelæn, 27 cm.")), lv("description", english, catalog.Text("Porcelain, 27 cm.")),
			fv("price", money("149.00")), img("plate.png"), fv("brand", catalog.Text("Nordlys")),
			fv("ean", catalog.Text("4006381333979"))}, safetyValues("Tallerken TA-27, parti 2026-11",
			"Tåler opvaskemaskine. Porcelæn kan skår; brug ikke en tallerken med skår.",
			"Dishwasher safe. Porcelain can chip; do not use a chipped plate.")...)},
	}
	if err := c.ValidateBatch(simple); err != nil {
		return nil, err
	}
	// Every product offered must be complete in the channel (the GPSR
	// fields are required there) and pass the GPSR check.
	for _, r := range append(mug.Variants(), simple...) {
		for _, comp := range c.Completeness(r) {
			if comp.Percent != 100 {
				return nil, fmt.Errorf("webshop: %s is %d %% complete in %s/%s: missing %v", r.ID, comp.Percent, comp.Channel, comp.Locale, comp.Missing)
			}
		}
		if err := catalog.CheckSafety(r); err != nil {
			return nil, err
		}
	}
	cd := &catalogData{compiled: c, options: map[string][]catalog.SelectOption{"color": colors}, safety: safety, products: []product{{ID: mug.Model.ID, Group: &mug}}}
	for _, r := range simple {
		cd.products = append(cd.products, product{ID: r.ID, Record: r})
	}
	return cd, nil
}

// priceHistory is the prices the shop applied to each product, incl.
// VAT, as the host keeps them (pimkit stores nothing), and reductions the
// day each announced price reduction began. The sand mug cost 119.95,
// was 109.95 for a week from 2026-05-20, and is reduced to 99.95 from
// 2026-06-15: the prior price to show beside it is the lowest of the 30
// days before, 109.95 (Directive 98/6/EC Art. 6a), not the 119.95 it
// cost the day before.
var (
	priceHistory = map[string]catalog.PriceHistory{
		"MUG-SAND": {Points: []catalog.PricePoint{
			{From: contract.MustDate(2026, 1, 1), Price: contract.MustParseMoney("119.95", currency.DKK)},
			{From: contract.MustDate(2026, 5, 20), Price: contract.MustParseMoney("109.95", currency.DKK)},
			{From: contract.MustDate(2026, 5, 27), Price: contract.MustParseMoney("119.95", currency.DKK)},
			{From: contract.MustDate(2026, 6, 15), Price: contract.MustParseMoney("99.95", currency.DKK)},
		}},
	}
	reductions = map[string]contract.Date{"MUG-SAND": contract.MustDate(2026, 6, 15)}
)

// priorPrice returns the prior price to show beside sku's reduced price
// on day on, and false when sku is not reduced then.
func priorPrice(sku string, on contract.Date) (contract.Money, bool, error) {
	red, ok := reductions[sku]
	if !ok || on.Before(red) {
		return contract.Money{}, false, nil
	}
	p, err := priceHistory[sku].PriorPrice(red, currency.DKK)
	return p, err == nil, err
}

// find returns the product with id, and the variant or simple product
// sold under sku (a product's own ID for a simple product).
func (cd *catalogData) find(id string) (product, bool) {
	for _, p := range cd.products {
		if p.ID == id {
			return p, true
		}
	}
	return product{}, false
}

// sellable returns the record sold under sku with its inherited values.
func (cd *catalogData) sellable(sku string) (catalog.Record, bool) {
	for _, p := range cd.products {
		if p.Group == nil {
			if p.ID == sku {
				return p.Record, true
			}
			continue
		}
		if v, ok := p.Group.Variant(sku); ok {
			return v, true
		}
	}
	return catalog.Record{}, false
}

// price returns a sellable record's consumer price (incl. VAT) in DKK.
func price(r catalog.Record) (contract.Money, bool) {
	v, ok := r.Get("price", contract.Locale{}, "")
	if !ok {
		return contract.Money{}, false
	}
	return v.Price(currency.DKK)
}

func text(r catalog.Record, field string, l contract.Locale) string {
	v, ok := r.Get(field, l, "")
	if !ok {
		return ""
	}
	s, _ := v.Text()
	return s
}

// publishOptions is how the shop publishes its catalog as schema.org
// JSON-LD: consumer prices including VAT, in the shopper's locale.
func publishOptions(l contract.Locale, base string) catalog.PublishOptions {
	lang := "da"
	if l == english {
		lang = "en"
	}
	return catalog.PublishOptions{
		Locale: l, Channel: "webshop", Currency: dkk, Brand: "brand", GTIN: "ean", ShowBasis: catalog.InclVAT,
		Link: func(r catalog.Record) string {
			id := r.ID
			if r.Parent != "" {
				id = r.Parent + "?variant=" + r.ID
			}
			return base + "/" + lang + "/p/" + id
		},
		ImageURL:     func(a catalog.Asset) string { return base + "/static/" + a.Ref },
		Availability: func(catalog.Record) catalog.Availability { return catalog.InStock },
	}
}

// jsonLD returns the schema.org markup of p in locale l on day on: the
// catalog's, with the prior price of every reduced variant in its offer
// (withPriorPrices).
func (cd *catalogData) jsonLD(p product, l contract.Locale, base string, on contract.Date) (string, error) {
	var b bytes.Buffer
	var err error
	if p.Group != nil {
		err = cd.compiled.ProductGroupJSONLD(&b, *p.Group, publishOptions(l, base))
	} else {
		err = cd.compiled.ProductJSONLD(&b, p.Record, publishOptions(l, base))
	}
	if err != nil {
		return "", err
	}
	ld, err := withPriorPrices(b.Bytes(), on)
	if err != nil {
		return "", fmt.Errorf("webshop: JSON-LD of %s: %w", p.ID, err)
	}
	return string(ld), nil
}

// strikethroughPrice is a schema.org UnitPriceSpecification of priceType
// StrikethroughPrice: the earlier price a sale price is shown against.
type strikethroughPrice struct {
	Type          string `json:"@type"`
	PriceType     string `json:"priceType"`
	Price         string `json:"price"`
	PriceCurrency string `json:"priceCurrency"`
}

// withPriorPrices adds to the offer of every reduced product in ld (a
// Product, or the variants of a ProductGroup) the prior price the page
// shows beside the sale price -- the lowest of the 30 days before the
// reduction (Directive 98/6/EC Art. 6a) -- as its priceSpecification, a
// UnitPriceSpecification of priceType https://schema.org/StrikethroughPrice,
// as Google's merchant listing structured data marks a strikethrough
// price; the offer's price stays the sale price. pimkit's JSON-LD has no
// option for it, so the shop adds it to the catalog's markup. ld comes
// back unchanged when nothing in it is reduced on day on.
func withPriorPrices(ld []byte, on contract.Date) ([]byte, error) {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(ld, &doc); err != nil {
		return nil, err
	}
	// add adds the prior price to product's offer; it reports whether it did.
	add := func(product map[string]json.RawMessage) (bool, error) {
		if product["sku"] == nil || product["offers"] == nil {
			return false, nil // nothing to reduce
		}
		var sku string
		if err := json.Unmarshal(product["sku"], &sku); err != nil {
			return false, err
		}
		prior, reduced, err := priorPrice(sku, on)
		if err != nil || !reduced {
			return false, err
		}
		var offer map[string]json.RawMessage
		if err := json.Unmarshal(product["offers"], &offer); err != nil {
			return false, err
		}
		var cur string
		if err := json.Unmarshal(offer["priceCurrency"], &cur); err != nil || cur != prior.Currency().String() {
			return false, fmt.Errorf("the offer of %s is in %q, its prior price in %s", sku, cur, prior.Currency())
		}
		spec, err := json.Marshal(strikethroughPrice{Type: "UnitPriceSpecification",
			PriceType: "https://schema.org/StrikethroughPrice", Price: prior.Text(), PriceCurrency: cur})
		if err != nil {
			return false, err
		}
		offer["priceSpecification"] = spec
		product["offers"], err = json.Marshal(offer)
		return err == nil, err
	}
	changed := false
	if raw, ok := doc["hasVariant"]; ok {
		var variants []map[string]json.RawMessage
		if err := json.Unmarshal(raw, &variants); err != nil {
			return nil, err
		}
		for _, v := range variants {
			ok, err := add(v)
			if err != nil {
				return nil, err
			}
			changed = changed || ok
		}
		if changed {
			b, err := json.Marshal(variants)
			if err != nil {
				return nil, err
			}
			doc["hasVariant"] = b
		}
	} else {
		ok, err := add(doc)
		if err != nil {
			return nil, err
		}
		changed = ok
	}
	if !changed {
		return ld, nil
	}
	return json.Marshal(doc)
}

// The shop's privacy policy as data: orders on contract, bookkeeping on
// legal obligation (kept 5 years from the end of the financial year,
// bogføringsloven § 10), analytics and targeted advertising on consent.
func shopPolicy() privacy.Policy {
	customers := []privacy.DataSubject{"customer"}
	visitors := []privacy.DataSubject{"visitor"}
	staff := privacy.Recipient{Kind: privacy.Internal, Name: "customer service"}
	return privacy.Policy{
		Name:       "Nordlys Webshop",
		Effective:  contract.MustDate(2026, 1, 1),
		Controller: seller,
		Role:       privacy.Controller,
		Activities: []privacy.Activity{
			{Name: "Orders and delivery", Purpose: "essential.service", Basis: privacy.Contract,
				Categories: []privacy.DataCategory{"user.name", "user.contact"}, Subjects: customers,
				Sources: []privacy.Source{privacy.Direct}, Recipients: []privacy.Recipient{staff},
				Retention: privacy.Retention{Kind: privacy.WhileNeeded}},
			{Name: "Invoicing and bookkeeping", Purpose: "essential.service.payment_processing", Basis: privacy.LegalObligation,
				Categories: []privacy.DataCategory{"user.name", "user.contact", "user.payment"}, Subjects: customers,
				Sources: []privacy.Source{privacy.Direct}, Recipients: []privacy.Recipient{staff},
				Retention: privacy.Retention{Kind: privacy.FromYearEnd, Period: contract.Years(5), Law: "bogføringsloven § 10"}},
			{Name: "Consent records", Purpose: "essential.service.operations", Basis: privacy.LegalObligation,
				Categories: []privacy.DataCategory{"user.device.cookie_id"}, Subjects: visitors,
				Sources:   []privacy.Source{privacy.Automatic},
				Retention: privacy.Retention{Kind: privacy.FromCollection, Period: contract.Years(5), Law: "GDPR Art. 7(1)"}},
			{Name: "Visitor statistics", Purpose: privacy.UseAnalytics, Basis: privacy.Consent, OptOut: true,
				Categories: []privacy.DataCategory{"user.behavior.browsing_history", "user.device.cookie_id"}, Subjects: visitors,
				Sources: []privacy.Source{privacy.Automatic}, Retention: privacy.Retention{Kind: privacy.WhileNeeded}},
			{Name: "Advertising", Purpose: privacy.UseAdvertising, Basis: privacy.Consent, OptOut: true,
				Categories: []privacy.DataCategory{"user.behavior.browsing_history", "user.device.cookie_id"}, Subjects: visitors,
				Sources: []privacy.Source{privacy.Automatic}, Retention: privacy.Retention{Kind: privacy.WhileNeeded}},
		},
		Rights: []privacy.RequestKind{privacy.Access, privacy.Rectification, privacy.Erasure,
			privacy.Restriction, privacy.Portability, privacy.Objection},
		Contact: "privacy@nordlys.example",
		Counter: contract.Counter{Convention: contract.EU1182(), Calendar: contract.DanishHolidays()},
		// Where the privacy page (templates/privacy.html, English headings)
		// gives each item of GDPR Art. 13; privacy.CheckInformation reads
		// them, and a test checks each heading and paragraph is on the page.
		Statements: []privacy.Statement{
			{Item: privacy.ControllerIdentity, Location: privacy.Location{Heading: "Who we are", Paragraph: 1}},
			{Item: privacy.ControllerContact, Location: privacy.Location{Heading: "Who we are", Paragraph: 1}},
			{Item: privacy.PurposesAndBases, Location: privacy.Location{Heading: "What we process and why", Paragraph: 1}},
			{Item: privacy.RecipientsStated, Location: privacy.Location{Heading: "What we process and why", Paragraph: 1}},
			{Item: privacy.RetentionStated, Location: privacy.Location{Heading: "What we process and why", Paragraph: 1}},
			{Item: privacy.RequirementStated, Location: privacy.Location{Heading: "What we process and why", Paragraph: 2}},
			{Item: privacy.RightsStated, Location: privacy.Location{Heading: "Your rights", Paragraph: 1}},
			{Item: privacy.WithdrawalStated, Location: privacy.Location{Heading: "Your rights", Paragraph: 2}},
			{Item: privacy.ObjectionSeparate, Location: privacy.Location{Heading: "Your right to object", Paragraph: 1}},
			{Item: privacy.ComplaintStated, Location: privacy.Location{Heading: "Your rights", Paragraph: 3}},
		},
	}
}

// Cookie names. The session cookie is strictly necessary (it carries the
// consent record's reference and the CSRF key); the other two need consent.
const (
	cookieSession   = "nordlys_session"
	cookieAnalytics = "nordlys_stats"
	cookieMarketing = "nordlys_ads"
)

// shopCookies is the shop's cookie inventory: every cookie the server may
// set, and nothing else.
func shopCookies() privacy.CookieInventory {
	return privacy.CookieInventory{Site: "nordlys.example", Cookies: []privacy.Cookie{
		{Name: cookieSession, Category: privacy.StrictlyNecessary},
		{Name: cookieAnalytics, Category: privacy.Statistics, Lifetime: contract.Duration(390 * 24 * time.Hour)},
		{Name: cookieMarketing, Category: privacy.Marketing, Purpose: privacy.UseTargetedAds,
			Lifetime: contract.Duration(90 * 24 * time.Hour)},
	}}
}

// bannerText is the notice the consent banner shows, per language; its
// SHA-256 goes into every consent event recorded from the banner.
var bannerText = map[string]string{
	"da": "Vi bruger en cookie til statistik og en til målrettede annoncer, kun hvis du siger ja. Du kan til enhver tid ændre dit valg under \"Dine data\".",
	"en": "We use one cookie for statistics and one for targeted ads, only if you say yes. You can change your choice at any time under \"Your data\".",
}

func bannerNotice(lang string) privacy.NoticeHash {
	return privacy.NoticeHash(sha256.Sum256([]byte(bannerText[lang])))
}
