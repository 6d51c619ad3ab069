package catalog

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

func problemsOf(t *testing.T, err error) []Problem {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("error %v is not a *ValidationError wrapping ErrInvalid", err)
	}
	return ve.Problems
}

func TestValidateComplete(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	if err := c.Validate(completeProduct()); err != nil {
		t.Fatalf("Validate(complete product) = %v, want nil", err)
	}
}

func TestValidateRules(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	long := make([]byte, 256)
	for i := range long {
		long[i] = 'x'
	}
	tests := []struct {
		name string
		edit func(r Record) Record
		want []Problem
	}{
		{"issue 4 required per channel and locale: title[en-GB] missing for ecommerce",
			func(r Record) Record { return r.Set("title", enGB, "", Value{}) },
			[]Problem{{"values.title[en-GB]", RuleRequired, "ecommerce"}}},
		{"issue 4 required per channel: brand required in ecommerce reported once",
			func(r Record) Record { return r.Set("brand", language.Und, "", Value{}) },
			[]Problem{{"values.brand", RuleRequired, "ecommerce"}}},
		{"issue 4 price must carry every currency of the requiring channel",
			func(r Record) Record {
				return r.Set("price", language.Und, "", Prices(Price{dec("199.00"), currency.DKK}))
			},
			[]Problem{{"values.price", RuleRequired, "ecommerce"}}},
		{"issue 4 types: text given to a number field",
			func(r Record) Record { return r.Set("stock", language.Und, "", Text("12")) },
			[]Problem{{"values.stock", RuleType, "number"}}},
		{"issue 4 lengths: text max 255 by default",
			func(r Record) Record { return r.Set("title", daDK, "", Text(string(long))) },
			[]Problem{{"values.title[da-DK]", RuleMaxLength, "255"}}},
		{"issue 4 lengths: MaxLength counts characters, not bytes",
			func(r Record) Record {
				return r.Set("brand", language.Und, "", Text("æææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææ"))
			},
			[]Problem{{"values.brand", RuleMaxLength, "70"}}},
		{"issue 4 ranges: number below min",
			func(r Record) Record { return r.Set("stock", language.Und, "", Number(dec("-1"))) },
			[]Problem{{"values.stock", RuleNegative, ""}, {"values.stock", RuleMin, "0"}}},
		{"issue 4 ranges: number above max",
			func(r Record) Record { return r.Set("rating", language.Und, "", Number(dec("5.1"))) },
			[]Problem{{"values.rating", RuleMax, "5"}}},
		{"issue 4 decimal places: rating allows one",
			func(r Record) Record { return r.Set("rating", language.Und, "", Number(dec("4.25"))) },
			[]Problem{{"values.rating", RuleDecimals, "1"}}},
		{"issue 4 decimal places: whole numbers only by default",
			func(r Record) Record { return r.Set("stock", language.Und, "", Number(dec("1.5"))) },
			[]Problem{{"values.stock", RuleDecimals, "0"}}},
		{"issue 4 decimal places: price beyond the currency minor unit",
			func(r Record) Record {
				return r.Set("price", language.Und, "", Prices(Price{dec("199.005"), currency.DKK}, Price{dec("26.95"), currency.EUR}))
			},
			[]Problem{{"values.price", RuleDecimals, "2"}}},
		{"issue 4 price currency not used by any channel",
			func(r Record) Record {
				return r.Set("price", language.Und, "", Prices(Price{dec("199"), currency.DKK}, Price{dec("26.95"), currency.EUR}, Price{dec("30"), currency.USD}))
			},
			[]Problem{{"values.price", RuleCurrency, "USD"}}},
		{"issue 4 measurement: unit not in family",
			func(r Record) Record { return r.Set("weight", language.Und, "", Measure(dec("2"), "POUND")) },
			[]Problem{{"values.weight", RuleUnit, "weight"}}},
		{"issue 4 measurement: max compared in the standard unit",
			func(r Record) Record { return r.Set("weight", language.Und, "", Measure(dec("30001"), "GRAM")) },
			[]Problem{{"values.weight", RuleMax, "30"}}},
		{"issue 4 option membership: simple select",
			func(r Record) Record { return r.Set("size", language.Und, "", Option("xl")) },
			[]Problem{{"values.size", RuleOption, "size"}}},
		{"issue 4 option membership: multi select repeated and too many",
			func(r Record) Record { return r.Set("tags", language.Und, "", Options("new", "new", "eco")) },
			[]Problem{{"values.tags", RuleMaxItems, "2"}, {"values.tags", RuleOption, "tags"}}},
		{"issue 4 GTIN check digit",
			func(r Record) Record { return r.Set("ean", language.Und, "", Text("4006381333932")) },
			[]Problem{{"values.ean", RuleGTIN, "check digit"}}},
		{"issue 4 unknown fields",
			func(r Record) Record { return r.Set("colour", language.Und, "", Text("red")) },
			[]Problem{{"values.colour", RuleUnknownField, ""}}},
		{"issue 4 date min",
			func(r Record) Record {
				return r.Set("release", language.Und, "", Date(time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC)))
			},
			[]Problem{{"values.release", RuleMin, "2000-01-01"}}},
		{"issue 4 file extension and size",
			func(r Record) Record {
				return r.Set("manual", language.Und, "", Assets(Asset{Ref: "doc/manual.docx", Size: 2000}))
			},
			[]Problem{{"values.manual", RuleExtension, "pdf"}, {"values.manual", RuleMaxSize, "1000"}}},
		{"issue 4 validation: localizable field without locale",
			func(r Record) Record { return r.Set("title", language.Und, "", Text("x")) },
			[]Problem{{"values.title", RuleLocale, "localizable"}}},
		{"issue 4 validation: locale not active in any channel",
			func(r Record) Record { return r.Set("title", deDE, "", Text("Hemd")) },
			[]Problem{{"values.title[de-DE]", RuleLocale, "localizable"}}},
		{"issue 4 validation: scopable value: locale not active in the channel",
			func(r Record) Record { return r.Set("seo_title", enGB, "print", Text("x")) },
			[]Problem{{"values.seo_title[en-GB][print]", RuleChannel, "scopable"}}},
		{"issue 4 validation: channel on a non-scopable field",
			func(r Record) Record { return r.Set("brand", language.Und, "print", Text("x")) },
			[]Problem{{"values.brand[print]", RuleChannel, "not scopable"}}},
		{"issue 4 validation: two values in the same slot",
			func(r Record) Record { r.Values = append(r.Values, fv("brand", Text("Other"))); return r },
			[]Problem{{"values.brand", RuleDuplicateValue, ""}}},
		{"SKU empty (issue 4: part number required)",
			func(r Record) Record { r.ID = ""; return r },
			[]Problem{{"sku", RuleIdentifier, "empty"}}},
		{"issue 4 validation: SKU with a comma",
			func(r Record) Record { r.ID = "A,B"; return r },
			[]Problem{{"sku", RuleIdentifier, "character"}}},
		{"issue 4 validation: category repeated",
			func(r Record) Record { r.Categories = []string{"a", "a"}; return r },
			[]Problem{{"categories[1]", RuleCategory, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemsOf(t, c.Validate(tt.edit(completeProduct())))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Validate problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateReportsEverythingAtOnce(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	r := Record{ID: "X", Values: []FieldValue{
		fv("ean", Text("123")),
		fv("stock", Number(dec("0.5"))),
		fv("nope", Bool(true)),
	}}
	got := problemsOf(t, c.Validate(r))
	want := []Problem{
		{"values.ean", RuleGTIN, "length"},
		{"values.stock", RuleDecimals, "0"},
		{"values.nope", RuleUnknownField, ""},
		{"values.title[da-DK]", RuleRequired, "ecommerce"},
		{"values.title[en-GB]", RuleRequired, "ecommerce"},
		{"values.price", RuleRequired, "ecommerce"},
		{"values.images", RuleRequired, "ecommerce"},
		{"values.brand", RuleRequired, "ecommerce"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate problems (-want +got):\n%s", diff)
	}
	if got := problemsOf(t, c.ValidateDraft(r)); len(got) != 3 {
		t.Errorf("ValidateDraft problems = %v, want the 3 non-required ones", got)
	}
}

func TestValidateBatchDuplicates(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	a := completeProduct()
	b := completeProduct()
	b.Values = append([]FieldValue(nil), b.Values...)
	b = b.Set("ean", language.Und, "", Text("04006381333931")) // same GTIN, GTIN-14 form
	d := completeProduct()
	d.ID = "SHIRT-2"
	d = d.Set("ean", language.Und, "", Text("96385074"))
	got := problemsOf(t, c.ValidateBatch([]Record{a, d, b}))
	want := []Problem{
		{"records[2].sku", RuleDuplicate, "records[0]"},
		{"records[2].values.ean", RuleDuplicate, "records[0]"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ValidateBatch problems (-want +got):\n%s", diff)
	}
}

func TestCompileRefusesBadSchema(t *testing.T) {
	s := Schema{Type: TypeProduct, Fields: []Field{
		{Code: "sku", Type: TextField},
		{Code: "a b", Type: TextField},
		{Code: "dup", Type: TextField},
		{Code: "dup", Type: Boolean},
		{Code: "name", Type: TextField, Decimals: 2},
		{Code: "qty", Type: NumberField, Min: nd("10"), Max: nd("1")},
		{Code: "w", Type: Measurement, Units: UnitFamily{Standard: "KG"}},
		{Code: "code2", Type: Identifier, Localizable: true},
		{Code: "t", Type: TextField, Required: []string{"nowhere"}},
		{Code: "z"},
	}}
	_, err := s.Compile(testChannels()...)
	got := problemsOf(t, err)
	want := []Problem{
		{"fields[0].code", RuleReserved, "sku"},
		{"fields[1].code", RuleCode, "[A-Za-z0-9_]{1,100}"},
		{"fields[3].code", RuleDuplicate, "dup"},
		{"fields[4].decimals", RuleFieldRule, "text"},
		{"fields[5].min", RuleMax, "1"},
		{"fields[6].units.standard", RuleUnit, "KG"},
		{"fields[7].localizable", RuleFieldRule, "identifier"},
		{"fields[8].required[0]", RuleChannel, "nowhere"},
		{"fields[9].type", RuleType, ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Compile problems (-want +got):\n%s", diff)
	}
}

func TestSchemaAdd(t *testing.T) {
	s := ProductSchema(InclVAT)
	_, err := s.Add(Field{Code: "categories", Type: TextField}, Field{Code: "title", Type: TextField}, Field{Code: "Values", Type: TextField})
	got := problemsOf(t, err)
	want := []Problem{
		{"fields[4].code", RuleReserved, "categories"},
		{"fields[5].code", RuleDuplicate, "title"},
		{"fields[6].code", RuleReserved, "Values"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Add problems (-want +got):\n%s", diff)
	}
	if len(s.Fields) != 4 {
		t.Errorf("Add changed its receiver: %d fields, want 4", len(s.Fields))
	}
	s2, ok := s.Remove("description")
	if !ok || len(s2.Fields) != 3 || len(s.Fields) != 4 {
		t.Errorf("Remove(description) = %d fields, %v; receiver %d, want 3, true; 4", len(s2.Fields), ok, len(s.Fields))
	}
}

func TestProblemString(t *testing.T) {
	err := &ValidationError{Problems: []Problem{{"values.title[da-DK]", RuleMaxLength, "255"}, {"sku", RuleIdentifier, ""}}}
	want := "catalog: invalid: 2 problems: values.title[da-DK]: max_length(255); sku: identifier"
	if got := err.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
