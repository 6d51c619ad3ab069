package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

func tshirtGroup() ProductGroup {
	return ProductGroup{
		Variation: Variation{Levels: [][]string{{"color"}, {"size"}}},
		Model: Record{ID: "tshirt", Categories: []string{"shirts"}, Values: []FieldValue{
			lv("title", daDK, Text("T-shirt")), lv("title", enGB, Text("T-shirt")),
			fv("price", Prices(contract.NewMoney(dec("99.00"), currency.DKK), contract.NewMoney(dec("13.00"), currency.EUR))),
			fv("brand", Text("Acme")),
		}},
		Members: []Record{
			{ID: "tshirt_red", Parent: "tshirt", Values: []FieldValue{fv("color", Option("red")), fv("images", Assets(Asset{Ref: "red.jpg"}))}},
			{ID: "tshirt_blue", Parent: "tshirt", Values: []FieldValue{fv("color", Option("blue")), fv("images", Assets(Asset{Ref: "blue.jpg"}))}},
			{ID: "TS-RED-S", Parent: "tshirt_red", Values: []FieldValue{fv("size", Option("s")), fv("ean", Text("4006381333931"))}},
			{ID: "TS-RED-M", Parent: "tshirt_red", Values: []FieldValue{fv("size", Option("m")), lv("title", enGB, Text("T-shirt red M"))}},
			{ID: "TS-BLUE-S", Parent: "tshirt_blue", Values: []FieldValue{fv("size", Option("s"))}},
		},
	}
}

func TestProductGroupValid(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	if err := c.ValidateProductGroup(tshirtGroup()); err != nil {
		t.Fatalf("ValidateProductGroup(t-shirts) = %v, want nil", err)
	}
}

func TestProductGroupInheritance(t *testing.T) {
	f := tshirtGroup()
	vs := f.Variants()
	var ids []string
	for _, v := range vs {
		ids = append(ids, v.ID)
	}
	if diff := cmp.Diff([]string{"TS-RED-S", "TS-RED-M", "TS-BLUE-S"}, ids); diff != "" {
		t.Errorf("Variants() ids (-want +got):\n%s", diff)
	}
	v, ok := f.Variant("TS-RED-M")
	if !ok {
		t.Fatal("Variant(TS-RED-M) not found")
	}
	// values inherit from the model unless the variant sets them.
	if got, _ := v.Get("title", enGB, ""); got.String() != "T-shirt red M" {
		t.Errorf("own title[en-GB] = %q, want the variant's", got.String())
	}
	if got, _ := v.Get("title", daDK, ""); got.String() != "T-shirt" {
		t.Errorf("inherited title[da-DK] = %q, want the model's", got.String())
	}
	if got, _ := v.Get("color", contract.Locale{}, ""); got.String() != "red" {
		t.Errorf("inherited color = %q, want the sub-model's red", got.String())
	}
	if got, _ := v.Get("images", contract.Locale{}, ""); got.String() != "red.jpg" {
		t.Errorf("inherited images = %q, want red.jpg", got.String())
	}
	if diff := cmp.Diff([]string{"shirts"}, v.Categories); diff != "" {
		t.Errorf("inherited categories (-want +got):\n%s", diff)
	}
	c := mustCompile(testSchema(), testChannels()...)
	for _, comp := range c.Completeness(v) {
		if comp.Percent != 100 {
			t.Errorf("Completeness(variant over inherited values) %s/%s = %d %v, want 100", comp.Channel, comp.Locale, comp.Percent, comp.Missing)
		}
	}
	if _, ok := f.Variant("tshirt_red"); ok {
		t.Errorf("Variant(sub-model) ok = true, want false: sub-models are not variants")
	}
	if got := len(f.Children("tshirt_red")); got != 2 {
		t.Errorf("Children(tshirt_red) = %d records, want 2", got)
	}
}

func TestValidateProductGroupProblems(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	tests := []struct {
		name string
		edit func(f *ProductGroup)
		want []prob
	}{
		{"axis combination unique among siblings",
			func(f *ProductGroup) { f.Members[3].Values[0] = fv("size", Option("s")) },
			[]prob{{"variants[3].axes", RuleAxisCollision, "variants[2]"}}},
		{"variants[3].axes.size missing",
			func(f *ProductGroup) { f.Members[3].Values = f.Members[3].Values[1:] },
			[]prob{{"variants[3].axes.size", RuleAxisMissing, "2"}}},
		{"unique fields live on the variant, not the model",
			func(f *ProductGroup) { f.Model.Values = append(f.Model.Values, fv("ean", Text("96385074"))) },
			[]prob{{"model.values.ean", RuleVariantUnique, "ean"}}},
		{"duplicate SKU among variants",
			func(f *ProductGroup) { f.Members[4].ID = "TS-RED-S" },
			[]prob{{"variants[4].sku", RuleDuplicate, "variants[2]"}}},
		{"variants: variant under an unknown parent",
			func(f *ProductGroup) { f.Members[4].Parent = "tshirt_green" },
			[]prob{{"variants[4].parent", RuleParent, "tshirt_green"}}},
		{"variants: axis of another level set on a variant",
			func(f *ProductGroup) { f.Members[4].Values = append(f.Members[4].Values, fv("color", Option("red"))) },
			[]prob{{"variants[4].axes.color", RuleAxis, "level"}}},
		{"variants: required checked over inherited values: title removed from model",
			func(f *ProductGroup) { f.Model.Values = f.Model.Values[1:] },
			[]prob{
				{"variants[2].values.title[da-DK]", RuleRequired, "ecommerce"},
				{"variants[3].values.title[da-DK]", RuleRequired, "ecommerce"},
				{"variants[4].values.title[da-DK]", RuleRequired, "ecommerce"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tshirtGroup()
			tt.edit(&f)
			if diff := cmp.Diff(tt.want, problemsOf(t, c.ValidateProductGroup(f))); diff != "" {
				t.Errorf("ValidateProductGroup (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheckVariation(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	tests := []struct {
		name string
		v    Variation
		want []prob
	}{
		{"one level", Variation{Levels: [][]string{{"color", "size"}}}, nil},
		{"measurement and boolean axes", Variation{Levels: [][]string{{"weight"}, {"organic"}}}, nil},
		{"at most two levels", Variation{Levels: [][]string{{"color"}, {"size"}, {"organic"}}},
			[]prob{{"levels", "max", "2"}}},
		{"axes never localizable or scopable", Variation{Levels: [][]string{{"seo_title"}}},
			[]prob{{"levels[0][0]", RuleAxis, "type"}}},
		{"axis must be select, boolean or measurement", Variation{Levels: [][]string{{"stock"}}},
			[]prob{{"levels[0][0]", RuleAxis, "type"}}},
		{"up to five axes", Variation{Levels: [][]string{{"color", "size", "organic"}, {"weight", "x", "y"}}},
			[]prob{{"levels[1][1]", RuleUnknownField, "x"}, {"levels[1][2]", RuleUnknownField, "y"}, {"levels", RuleAxis, "count"}}},
		{"variants: repeated axis", Variation{Levels: [][]string{{"color"}, {"color"}}},
			[]prob{{"levels[1][0]", RuleAxis, "repeated"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, problemsOf(t, c.CheckVariation(tt.v))); diff != "" {
				t.Errorf("CheckVariation (-want +got):\n%s", diff)
			}
		})
	}
	loc := mustCompile(Schema{Type: TypeProduct, Fields: []Field{{Code: "fit", Type: SimpleSelect, Localizable: true}}}, testChannels()...)
	want := []prob{{"levels[0][0]", RuleAxis, "localizable"}}
	if diff := cmp.Diff(want, problemsOf(t, loc.CheckVariation(Variation{Levels: [][]string{{"fit"}}}))); diff != "" {
		t.Errorf("CheckVariation(localizable select) (-want +got):\n%s", diff)
	}
}

func TestMeasurementAxisCollision(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	f := ProductGroup{
		Variation: Variation{Levels: [][]string{{"weight"}}},
		Model:     tshirtGroup().Model,
		Members: []Record{
			{ID: "A", Parent: "tshirt", Values: []FieldValue{fv("weight", Measure(dec("1000"), "GRAM")), fv("images", Assets(Asset{Ref: "a.jpg"}))}},
			{ID: "B", Parent: "tshirt", Values: []FieldValue{fv("weight", Measure(dec("1"), "KILOGRAM")), fv("images", Assets(Asset{Ref: "b.jpg"}))}},
		},
	}
	want := []prob{{"variants[1].axes", RuleAxisCollision, "variants[0]"}}
	if diff := cmp.Diff(want, problemsOf(t, c.ValidateProductGroup(f))); diff != "" {
		t.Errorf("ValidateProductGroup(1000 GRAM vs 1 KILOGRAM) (-want +got):\n%s", diff)
	}
}
