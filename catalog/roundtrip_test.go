package catalog

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/roundtrip"
	"golang.org/x/text/currency"
)

// everyValue returns one value of every kind, each with every part set.
func everyValue() []Value {
	return []Value{
		Text("Skjorte"),
		Number(dec("18.50")),
		Number(dec("123456789012345678901234567890.5")),
		Measure(dec("0.250"), "KILOGRAM"),
		Prices(contract.MustParseMoney("199.00", currency.DKK), contract.NewMoney(dec("26.955"), currency.EUR)),
		Bool(false),
		Date(time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)),
		Option("red"),
		Options("new", "eco"),
		Assets(Asset{Ref: "img/a.jpg", Size: 1234}, Asset{Ref: "img/b.jpg"}),
	}
}

func sampleCompleteness() Completeness {
	return Completeness{Channel: "ecommerce", Locale: daDK, Required: 3, Missing: []string{"price"}, Percent: 66}
}

func sampleRecord() Record {
	return Record{ID: "SHIRT-1", UUID: "2b9d5c36-5a4c-4b8f-9f0e-6c1a1f3f2d10", Parent: "shirt", Family: "clothing", FamilyVariant: "clothing_color_size",
		Status: StatusActive, Version: 7, Categories: []string{"shirts", "sale"}, Groups: []string{"summer"},
		Values: []FieldValue{
			{Field: "title", Locale: daDK, Channel: "ecommerce", Value: Text("Skjorte")},
			fv("price", Prices(contract.MustParseMoney("199.00", currency.DKK))),
		},
		Associations: []Association{{Type: Pack, Target: TargetProduct, ID: "SOCKS-1", Quantity: 2}},
		Created:      time.Date(2026, 1, 31, 9, 30, 0, 0, time.UTC),
		Updated:      time.Date(2026, 2, 1, 10, 0, 0, 0, time.FixedZone("", 3600)),
		Row:          3,
	}
}

// TestRoundTrip is rule 8 of the design: every exported value survives
// encoding/json and compares equal with go-cmp without options.
func TestRoundTrip(t *testing.T) {
	dkk := contract.MustParseMoney("100.00", currency.DKK)
	tree, err := NewTree(CategoryNode{Code: "master", Labels: Labels{{daDK, "Alle"}}}, CategoryNode{Code: "shoes", Parent: "master"})
	if err != nil {
		t.Fatal(err)
	}
	labels := Labels{{daDK, "Farve"}, {enGB, "Colour"}}
	channel := Channel{Code: "ecommerce", Locales: []contract.Locale{daDK, enGB}, Currencies: curs(currency.DKK, currency.EUR), CategoryTree: "master"}
	field := Field{Code: "weight", Type: Measurement, Labels: labels, Required: []string{"ecommerce"}, Localizable: true,
		Scopable: true, Unique: true, MaxLength: 80, Min: nd("0.5"), Max: nd("30"), Decimals: 3, NegativeAllowed: true,
		MinDate: contract.MustDate(2000, 1, 1), MaxDate: contract.MustDate(2099, 12, 31),
		Options: []SelectOption{{Code: "s", Labels: labels}}, MaxItems: 5, Extensions: []string{"jpg"}, MaxSize: 1 << 20,
		Units: weight, DefaultUnit: "KILOGRAM", RefType: "supplier", PriceBasis: InclVAT}
	line := OrderLine{SKU: "A", Quantity: cd("1.5"), UnitPrice: dkk, VATRate: cd("0.25")}
	lt := LineTotal{Net: dkk, VAT: contract.MustParseMoney("25.00", currency.DKK), Gross: contract.MustParseMoney("125.00", currency.DKK)}
	rt := RateTotal{Rate: cd("0.25"), Net: lt.Net, VAT: lt.VAT, Gross: lt.Gross}
	change := Change{Field: "title", Locale: daDK, Channel: "ecommerce", Kind: Modified, Old: Text("Skjorte"), New: Text("Blå skjorte")}
	n := roundtrip.Check(t, os.DirFS("."), roundtrip.Table{
		Samples: append(feedSamples(), []any{
			DistanceSale{Order: Order{Number: "1001", Currency: contract.CurrencyOf(currency.DKK), Basis: InclVAT,
				Lines: []OrderLine{{SKU: "A", Quantity: contract.MustDec("1"), UnitPrice: contract.MustParseMoney("100", currency.DKK), VATRate: contract.MustDec("0.25")}}},
				Consumer: true, Kind: Goods, Concluded: contract.MustParseDate("2026-06-22"), Delivered: contract.MustParseDate("2026-06-25"),
				NotInformed: true, InformedLate: contract.MustParseDate("2026-09-01"), Exception: SealedMedia},
			Service,
			MadeToOrder,
			Asset{Ref: "img/a.jpg", Size: 1234},
			InStock,
			CSVOptions{Locale: daDK, Comma: ';'},
			CategoryNode{Code: "shoes", Parent: "master", Labels: labels},
			change,
			Modified,
			ChangeSet{ID: "SHIRT-1", FromVersion: 3, ToVersion: 4, Changes: []Change{change}},
			channel,
			Completeness{Channel: "ecommerce", Locale: daDK, Required: 3, Missing: []string{"images"}, Percent: 66},
			TypeProduct,
			ProductGroup{Variation: Variation{Levels: [][]string{{"color"}, {"size"}}}, Model: sampleRecord(), Members: []Record{sampleRecord()}},
			field,
			MultiSelect,
			FieldValue{Field: "title", Locale: daDK, Channel: "ecommerce", Value: Text("Skjorte")},
			GradeB,
			Label{Lang: daDK, Text: "Farve"},
			labels,
			lt,
			NumberFormat{Decimal: ',', Group: '.'},
			Order{Number: "1001", Currency: contract.CurrencyOf(currency.DKK), Basis: InclVAT, Lines: []OrderLine{line}},
			line,
			OrderTotals{Lines: []LineTotal{lt}, Rates: []RateTotal{rt}, Net: lt.Net, VAT: lt.VAT, Gross: lt.Gross},
			InclVAT,
			Quality{Channel: "ecommerce", Locale: daDK, Fields: 10, Filled: 8, FieldsPercent: 80, HasImage: true, Score: 90, Grade: GradeA},
			rt,
			sampleRecord(),
			Schema{Type: TypeProduct, Fields: []Field{field}},
			SelectOption{Code: "s", Labels: labels},
			StatusArchived,
			Association{Type: Pack, Target: TargetProduct, ID: "SOCKS-1", Quantity: 2},
			TargetProductModel,
			tree,
			Unit{Code: "FAHRENHEIT", Labels: labels, Symbol: "°F", Factor: cd("5"), Offset: cd("2298.35"), Divisor: cd("9")},
			UnitFamily{Code: "Temperature", Labels: labels, Standard: "KELVIN", Units: []Unit{{Code: "KELVIN", Labels: labels, Symbol: "K", Factor: cd("1"), Offset: cd("0.5"), Divisor: cd("1")}}},
			AssociationType{Code: "PACK", Labels: labels, Quantified: true, TwoWay: true},
			AttributeGroup{Code: "marketing", SortOrder: 2, Attributes: []string{"title"}, Labels: labels},
			Family{Code: "shirts", Labels: labels, Attributes: []string{"title", "image"}, Requirements: map[string][]string{"ecommerce": {"title"}},
				AttributeAsLabel: "title", AttributeAsImage: "image"},
			FamilyVariant{Code: "shirt_color_size", Family: "shirts", Labels: labels, Levels: []VariantLevel{{Axes: []string{"color"}, Attributes: []string{"image"}}}},
			VariantLevel{Axes: []string{"size"}, Attributes: []string{"sku"}},
			Batch{Products: []Record{sampleRecord()}, Models: []Record{sampleRecord()}, Groups: []string{"summer"}},
			RequirementChange{Channel: "ecommerce", Added: []string{"color"}, Removed: []string{"price"}},
			FamilySwitch{Gained: []string{"color"}, Lost: []string{"size"}, Dropped: []FieldValue{fv("size", Option("m"))},
				Required: []RequirementChange{{Channel: "print", Added: []string{"name"}, Removed: []string{"sku"}}}},
			CompletenessUpdate{Index: 3, ID: "SHIRT-1", Completeness: []Completeness{sampleCompleteness()}},
			Recomputation{Changed: []CompletenessUpdate{{Index: 1, ID: "A", Completeness: []Completeness{sampleCompleteness()}}}, Recomputed: 7, Reused: 14},
			Prices(contract.MustParseMoney("199.00", currency.DKK)),
			packedSample(t),
			Variation{Levels: [][]string{{"color", "size"}}},
		}...),
		NotValues: withFeedNotValues(map[string]string{
			"Price":           "an alias of contract.Money, which the contract package's round-trip test covers",
			"Compiled":        "a schema compiled against channels, a service; store its Schema and Channels",
			"CSVDecoder":      "a stream decoder over the host's io.Reader",
			"CSVEncoder":      "a stream encoder over the host's io.Writer",
			"JSONDecoder":     "a stream decoder over the host's io.Reader",
			"PublishOptions":  "holds the host's functions (Link, ImageURL, Availability)",
			"CategoryError":   "an error type",
			"IdentifierError": "an error type",
			"ImportError":     "an error type",
			"JSONError":       "an error type",
			"NumberError":     "an error type",
			"RowError":        "an error type",
		}),
	}, func(x, y any) bool { return cmp.Equal(x, y) }, func(x, y any) string { return cmp.Diff(x, y) })
	t.Logf("catalog: %d exported types covered", n)
}

// packedSample is the sample record packed: opaque bytes whose JSON is
// base64.
func packedSample(t *testing.T) Packed {
	p, err := mustCompile(testSchema(), testChannels()...).Pack(sampleRecord())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestValueJSONKinds checks that a Value of every kind, and the empty
// Value, survives encoding/json (the round-trip table holds one Value).
func TestValueJSONKinds(t *testing.T) {
	for _, v := range append(everyValue(), Value{}) {
		t.Run(v.Kind(), func(t *testing.T) {
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			var back Value
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatalf("Unmarshal(%s) = %v", b, err)
			}
			if !cmp.Equal(v, back) {
				t.Errorf("%s does not survive JSON: %s reads back as %v", v.Kind(), b, back)
			}
		})
	}
	for _, bad := range []string{`{"kind":"colour","data":"red"}`, `{"kind":"number","data":"1e3"}`, `{"kind":"date","data":"2026-02-30"}`, `[1]`} {
		var v Value
		if err := json.Unmarshal([]byte(bad), &v); err == nil {
			t.Errorf("Unmarshal(%s) = nil error, want one wrapping ErrSyntax", bad)
		}
	}
}

// TestRecordDecodeJSONEqual checks that a record in schema order comes
// back from the exchange form equal under cmp.Equal without options.
func TestRecordDecodeJSONEqual(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	for i, r := range csvProducts() {
		r = sortedLike(c, r)
		var buf bytes.Buffer
		if err := c.EncodeJSON(&buf, r); err != nil {
			t.Fatal(err)
		}
		got, err := c.DecodeJSON(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if !cmp.Equal(r, got) {
			t.Errorf("record %d after EncodeJSON/DecodeJSON (-want +got):\n%s", i, cmp.Diff(r, got))
		}
	}
}

// TestRoundTripEmptySlices checks that an empty list and no list stay
// apart through JSON, as go-cmp without options tells them apart.
func TestRoundTripEmptySlices(t *testing.T) {
	for _, v := range []any{
		Field{Code: "a", Type: TextField, Labels: Labels{}, Required: []string{}, Options: []SelectOption{}, Extensions: []string{}},
		Field{Code: "a", Type: TextField},
		Record{ID: "A", Categories: []string{}, Values: []FieldValue{}},
		Record{ID: "A"},
		Channel{Code: "web", Locales: []contract.Locale{}, Currencies: []contract.Currency{}},
	} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		back := reflect.New(reflect.TypeOf(v))
		if err := json.Unmarshal(b, back.Interface()); err != nil {
			t.Fatal(err)
		}
		if got := back.Elem().Interface(); !cmp.Equal(v, got) {
			t.Errorf("%s reads back changed (-sent +read):\n%s", b, cmp.Diff(v, got))
		}
	}
}
