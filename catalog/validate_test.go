package catalog

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

func problemsOf(t *testing.T, err error) []prob {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *contract.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("error %v is not a *contract.ValidationError wrapping ErrInvalid", err)
	}
	out := make([]prob, len(ve.Problems))
	for i, p := range ve.Problems {
		out[i] = prob{p.Path, p.Rule, p.Param}
	}
	return out
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
		want []prob
	}{
		{"required per channel and locale: title[en-GB] missing for ecommerce",
			func(r Record) Record { return r.Set("title", enGB, "", Value{}) },
			[]prob{{"values.title[en-GB]", RuleRequired, "ecommerce"}}},
		{"required per channel: brand required in ecommerce reported once",
			func(r Record) Record { return r.Set("brand", contract.Locale{}, "", Value{}) },
			[]prob{{"values.brand", RuleRequired, "ecommerce"}}},
		{"price must carry every currency of the requiring channel",
			func(r Record) Record {
				return r.Set("price", contract.Locale{}, "", Prices(contract.NewMoney(dec("199.00"), currency.DKK)))
			},
			[]prob{{"values.price", RuleRequired, "ecommerce"}}},
		{"types: text given to a number field",
			func(r Record) Record { return r.Set("stock", contract.Locale{}, "", Text("12")) },
			[]prob{{"values.stock", RuleType, "number"}}},
		{"lengths: text max 255 by default",
			func(r Record) Record { return r.Set("title", daDK, "", Text(string(long))) },
			[]prob{{"values.title[da-DK]", RuleMaxLength, "255"}}},
		{"lengths: MaxLength counts characters, not bytes",
			func(r Record) Record {
				return r.Set("brand", contract.Locale{}, "", Text("æææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææ"))
			},
			[]prob{{"values.brand", RuleMaxLength, "70"}}},
		{"ranges: number below min",
			func(r Record) Record { return r.Set("stock", contract.Locale{}, "", Number(dec("-1"))) },
			[]prob{{"values.stock", RuleNegative, ""}, {"values.stock", RuleMin, "0"}}},
		{"ranges: number above max",
			func(r Record) Record { return r.Set("rating", contract.Locale{}, "", Number(dec("5.1"))) },
			[]prob{{"values.rating", RuleMax, "5"}}},
		{"decimal places: rating allows one",
			func(r Record) Record { return r.Set("rating", contract.Locale{}, "", Number(dec("4.25"))) },
			[]prob{{"values.rating", RuleDecimals, "1"}}},
		{"decimal places: whole numbers only by default",
			func(r Record) Record { return r.Set("stock", contract.Locale{}, "", Number(dec("1.5"))) },
			[]prob{{"values.stock", RuleDecimals, "0"}}},
		{"decimal places: price beyond the currency minor unit",
			func(r Record) Record {
				return r.Set("price", contract.Locale{}, "", Prices(contract.NewMoney(dec("199.005"), currency.DKK), contract.NewMoney(dec("26.95"), currency.EUR)))
			},
			[]prob{{"values.price", RuleDecimals, "2"}}},
		{"price currency not used by any channel",
			func(r Record) Record {
				return r.Set("price", contract.Locale{}, "", Prices(contract.NewMoney(dec("199"), currency.DKK), contract.NewMoney(dec("26.95"), currency.EUR), contract.NewMoney(dec("30"), currency.USD)))
			},
			[]prob{{"values.price", RuleCurrency, "USD"}}},
		{"measurement: unit not in family",
			func(r Record) Record { return r.Set("weight", contract.Locale{}, "", Measure(dec("2"), "POUND")) },
			[]prob{{"values.weight", RuleUnit, "weight"}}},
		{"measurement: max compared in the standard unit",
			func(r Record) Record { return r.Set("weight", contract.Locale{}, "", Measure(dec("30001"), "GRAM")) },
			[]prob{{"values.weight", RuleMax, "30"}}},
		{"option membership: simple select",
			func(r Record) Record { return r.Set("size", contract.Locale{}, "", Option("xl")) },
			[]prob{{"values.size", RuleOption, "size"}}},
		{"option membership: multi select repeated and too many",
			func(r Record) Record { return r.Set("tags", contract.Locale{}, "", Options("new", "new", "eco")) },
			[]prob{{"values.tags", RuleMaxItems, "2"}, {"values.tags", RuleOption, "tags"}}},
		{"GTIN check digit",
			func(r Record) Record { return r.Set("ean", contract.Locale{}, "", Text("4006381333932")) },
			[]prob{{"values.ean", RuleGTIN, "check digit"}}},
		{"unknown fields",
			func(r Record) Record { return r.Set("colour", contract.Locale{}, "", Text("red")) },
			[]prob{{"values.colour", RuleUnknownField, ""}}},
		{"date min",
			func(r Record) Record {
				return r.Set("release", contract.Locale{}, "", Date(time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC)))
			},
			[]prob{{"values.release", RuleMin, "2000-01-01"}}},
		{"file extension and size",
			func(r Record) Record {
				return r.Set("manual", contract.Locale{}, "", Assets(Asset{Ref: "doc/manual.docx", Size: 2000}))
			},
			[]prob{{"values.manual", RuleExtension, "pdf"}, {"values.manual", RuleMaxSize, "1000"}}},
		{"validation: localizable field without locale",
			func(r Record) Record { return r.Set("title", contract.Locale{}, "", Text("x")) },
			[]prob{{"values.title", RuleLocale, "localizable"}}},
		{"validation: locale not active in any channel",
			func(r Record) Record { return r.Set("title", deDE, "", Text("Hemd")) },
			[]prob{{"values.title[de-DE]", RuleLocale, "localizable"}}},
		{"validation: scopable value: locale not active in the channel",
			func(r Record) Record { return r.Set("seo_title", enGB, "print", Text("x")) },
			[]prob{{"values.seo_title[en-GB][print]", RuleChannel, "scopable"}}},
		{"validation: channel on a non-scopable field",
			func(r Record) Record { return r.Set("brand", contract.Locale{}, "print", Text("x")) },
			[]prob{{"values.brand[print]", RuleChannel, "not scopable"}}},
		{"validation: two values in the same slot",
			func(r Record) Record { r.Values = append(r.Values, fv("brand", Text("Other"))); return r },
			[]prob{{"values.brand", RuleDuplicateValue, ""}}},
		{"SKU empty (part number required)",
			func(r Record) Record { r.ID = ""; return r },
			[]prob{{"sku", RuleIdentifier, "empty"}}},
		{"validation: SKU with a comma",
			func(r Record) Record { r.ID = "A,B"; return r },
			[]prob{{"sku", RuleIdentifier, "character"}}},
		{"validation: category repeated",
			func(r Record) Record { r.Categories = []string{"a", "a"}; return r },
			[]prob{{"categories[1]", RuleCategory, ""}}},
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
	want := []prob{
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
	b = b.Set("ean", contract.Locale{}, "", Text("04006381333931")) // same GTIN, GTIN-14 form
	d := completeProduct()
	d.ID = "SHIRT-2"
	d = d.Set("ean", contract.Locale{}, "", Text("96385074"))
	got := problemsOf(t, c.ValidateBatch([]Record{a, d, b}))
	want := []prob{
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
	// The validate tags first (fields[9] has no type), then the rules
	// that span fields and channels.
	want := []prob{
		{"fields[9].type", "required", ""},
		{"fields[0].code", RuleReserved, "sku"},
		{"fields[1].code", RuleCode, "[A-Za-z0-9_]{1,100}"},
		{"fields[3].code", RuleDuplicate, "dup"},
		{"fields[4].decimals", RuleFieldRule, "text"},
		{"fields[5].min", RuleMax, "1"},
		{"fields[6].units.standard", RuleUnit, "KG"},
		{"fields[7].localizable", RuleFieldRule, "identifier"},
		{"fields[8].required[0]", RuleChannel, "nowhere"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Compile problems (-want +got):\n%s", diff)
	}
}

func TestSchemaAdd(t *testing.T) {
	s := ProductSchema(InclVAT)
	_, err := s.Add(Field{Code: "categories", Type: TextField}, Field{Code: "title", Type: TextField}, Field{Code: "Values", Type: TextField})
	got := problemsOf(t, err)
	want := []prob{
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
	err := invalid("validate record", []contract.Problem{{Path: "values.title[da-DK]", Rule: RuleMaxLength, Param: "255"}, {Path: "sku", Rule: RuleIdentifier}})
	want := "catalog: invalid: validate record: 2 problems: values.title[da-DK]: max_length(255); sku: identifier"
	if got := err.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
