package catalog

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

var (
	daDK = contract.MustLocale("da-DK")
	enGB = contract.MustLocale("en-GB")
	deDE = contract.MustLocale("de-DE")
)

// curs returns units as the channel's currencies.
func curs(units ...currency.Unit) []contract.Currency {
	out := make([]contract.Currency, len(units))
	for i, u := range units {
		out[i] = contract.CurrencyOf(u)
	}
	return out
}

// prob is a problem without its message, for comparing lists of problems.
type prob struct{ Path, Rule, Param string }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// cd returns s as a contract.Decimal, nd as a pointer to one (a bound).
func cd(s string) contract.Decimal { return contract.MustDec(s) }

func nd(s string) *contract.Decimal { d := cd(s); return &d }

func testChannels() []Channel {
	return []Channel{
		{Code: "ecommerce", Locales: []contract.Locale{daDK, enGB}, Currencies: curs(currency.DKK, currency.EUR), CategoryTree: "master"},
		{Code: "print", Locales: []contract.Locale{daDK}, Currencies: curs(currency.DKK), CategoryTree: "master"},
	}
}

var weight = UnitFamily{Code: "weight", Standard: "KILOGRAM", Units: []Unit{
	{Code: "KILOGRAM", Factor: cd("1")},
	{Code: "GRAM", Factor: cd("0.001")},
}}

// testSchema is a product schema with one field of every type.
func testSchema() Schema {
	s := ProductSchema(ExclVAT, "ecommerce")
	s, err := s.Add(
		Field{Code: "ean", Type: GTIN, Unique: true},
		Field{Code: "mpn", Type: Identifier},
		Field{Code: "brand", Type: TextField, MaxLength: 70, Required: []string{"ecommerce", "print"}},
		Field{Code: "seo_title", Type: TextField, Localizable: true, Scopable: true},
		Field{Code: "stock", Type: NumberField, Min: nd("0"), Max: nd("100000")},
		Field{Code: "rating", Type: NumberField, Decimals: 1, Min: nd("0"), Max: nd("5")},
		Field{Code: "weight", Type: Measurement, Units: weight, DefaultUnit: "KILOGRAM", Decimals: 3, Max: nd("30")},
		Field{Code: "organic", Type: Boolean},
		Field{Code: "release", Type: DateField, MinDate: contract.MustDate(2000, 1, 1)},
		Field{Code: "size", Type: SimpleSelect, Options: []SelectOption{{Code: "s"}, {Code: "m"}, {Code: "l"}}},
		Field{Code: "color", Type: SimpleSelect, Options: []SelectOption{{Code: "red"}, {Code: "blue"}}},
		Field{Code: "tags", Type: MultiSelect, MaxItems: 2, Options: []SelectOption{{Code: "new"}, {Code: "sale"}, {Code: "eco"}}},
		Field{Code: "manual", Type: File, Extensions: []string{"pdf"}, MaxSize: 1000},
		Field{Code: "supplier", Type: Reference, RefType: "supplier"},
	)
	if err != nil {
		panic(err)
	}
	return s
}

func mustCompile(s Schema, chs ...Channel) *Compiled {
	c, err := s.Compile(chs...)
	if err != nil {
		panic(err)
	}
	return c
}

func fv(field string, v Value) FieldValue { return FieldValue{Field: field, Value: v} }

func lv(field string, loc contract.Locale, v Value) FieldValue {
	return FieldValue{Field: field, Locale: loc, Value: v}
}

// completeProduct is valid and complete for every channel of testChannels.
func completeProduct() Record {
	return Record{
		ID: "SHIRT-1", Status: StatusActive, Categories: []string{"shirts"},
		Values: []FieldValue{
			lv("title", daDK, Text("Skjorte")),
			lv("title", enGB, Text("Shirt")),
			fv("price", Prices(contract.NewMoney(dec("199.00"), currency.DKK), contract.NewMoney(dec("26.95"), currency.EUR))),
			fv("images", Assets(Asset{Ref: "img/shirt.jpg"})),
			fv("brand", Text("Acme")),
			fv("ean", Text("4006381333931")),
			fv("stock", Number(dec("12"))),
			fv("rating", Number(dec("4.50"))),
			fv("weight", Measure(dec("250"), "GRAM")),
		},
	}
}

// rowProbs is a RowError's row and problems without their messages.
type rowProbs struct {
	Row      int
	Problems []prob
}

func rowProblems(rows []*RowError) []rowProbs {
	out := make([]rowProbs, len(rows))
	for i, r := range rows {
		out[i].Row = r.Row
		for _, p := range r.Problems {
			out[i].Problems = append(out[i].Problems, prob{p.Path, p.Rule, p.Param})
		}
	}
	return out
}
