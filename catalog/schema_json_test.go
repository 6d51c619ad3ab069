package catalog

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// TestSchemaJSONRoundTrip checks that a schema built in the form designer
// survives JSON exactly, so a host can store it beside its records (issue
// 4: the form designer's field definitions).
func TestSchemaJSONRoundTrip(t *testing.T) {
	da := contract.MustLocale("da-DK")
	s, err := ProductSchema(InclVAT, "webshop").Add(
		Field{Code: "ean", Type: GTIN, Unique: true},
		Field{Code: "material", Type: SimpleSelect, Required: []string{"webshop"}, Labels: Labels{{Lang: da, Text: "Materiale"}},
			Options: []SelectOption{{Code: "stoneware", Labels: Labels{{Lang: da, Text: "Stentøj"}}}, {Code: "glass"}}},
		Field{Code: "weight", Type: Measurement, DefaultUnit: "KILOGRAM", Min: nd("0"),
			Units: UnitFamily{Code: "weight", Standard: "KILOGRAM", Units: []Unit{
				{Code: "KILOGRAM", Factor: cd("1")}, {Code: "GRAM", Factor: cd("0.001")}}}},
		Field{Code: "launch", Type: DateField, MinDate: contract.MustDate(2020, 1, 1)},
		Field{Code: "manual", Type: File, Extensions: []string{"pdf"}, MaxSize: 5 << 20},
	)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"code":"ean","type":"gtin"`, `"default_unit":"KILOGRAM"`, `"lang":"da-DK","text":"Stentøj"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("json.Marshal(schema) = %s, want it to contain %s", b, want)
		}
	}
	var back Schema
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	dec := cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })
	if diff := cmp.Diff(s, back, dec, cmp.Comparer(func(a, b contract.Locale) bool { return a == b })); diff != "" {
		t.Errorf("schema JSON round trip (-want +got):\n%s", diff)
	}
	if _, err := back.Compile(Channel{Code: "webshop", Locales: []contract.Locale{da}}); err != nil {
		t.Errorf("Compile(schema read from JSON) = %v", err)
	}

	var bad Schema
	err = json.Unmarshal([]byte(`{"type":"product","fields":[{"code":"x","type":"hologram"}]}`), &bad)
	if !errors.Is(err, ErrEnum) {
		t.Errorf("Unmarshal(field type hologram) = %v, want ErrEnum", err)
	}
}

// FuzzSchemaJSON checks that any text read as a schema neither panics nor,
// when it can be written back, changes when written and read again.
func FuzzSchemaJSON(f *testing.F) {
	f.Add(`{"type":"product","fields":[{"code":"ean","type":"gtin","unique":true}]}`)
	f.Add(`{"type":"product","fields":[{"code":"w","type":"measurement","min":"0","units":{"standard":"KG","units":[{"code":"KG","factor":"1","offset":"0"}]}}]}`)
	f.Add(`{"fields":[{"code":"d","type":"date","min_date":"2020-01-01","labels":[{"lang":"da-DK","text":"Dato"}]}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		var s Schema
		if json.Unmarshal([]byte(in), &s) != nil {
			return
		}
		b, err := json.Marshal(s)
		if err != nil {
			// A field without a type reads as the zero FieldType, which is
			// invalid and refuses to be written: an error, not a panic.
			return
		}
		var back Schema
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("Unmarshal(Marshal(schema)) = %v for %s", err, b)
		}
		b2, _ := json.Marshal(back)
		if string(b) != string(b2) {
			t.Fatalf("schema JSON not stable:\n%s\n%s", b, b2)
		}
	})
}
