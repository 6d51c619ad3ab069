package catalog

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// familySchema is a product schema for the family tests: two channels,
// ecommerce in Danish and English with DKK, print in Danish.
func familySchema() *Compiled {
	s := Schema{Type: TypeProduct, Fields: []Field{
		{Code: "name", Type: TextField, Localizable: true},
		{Code: "description", Type: Textarea, Localizable: true, Scopable: true},
		{Code: "price", Type: PriceField},
		{Code: "size", Type: SimpleSelect, Options: []SelectOption{{Code: "m"}, {Code: "l"}}},
		{Code: "material", Type: TextField},
		{Code: "color", Type: SimpleSelect, Options: []SelectOption{{Code: "red"}}},
		{Code: "picture", Type: Image},
	}}
	return mustCompile(s,
		Channel{Code: "ecommerce", Locales: []contract.Locale{daDK, enGB}, Currencies: curs(currency.DKK)},
		Channel{Code: "print", Locales: []contract.Locale{daDK}})
}

func clothing() Family {
	return Family{Code: "clothing", Attributes: []string{"sku", "name", "description", "price", "size", "material", "picture"},
		Requirements:     map[string][]string{"ecommerce": {"sku", "name", "price"}, "print": {"sku", "name"}},
		AttributeAsLabel: "name", AttributeAsImage: "picture"}
}

// TestFamilyCompleteness checks Akeneo's rule: required = the family's
// requirements for the channel, per locale of the channel; floor(100 x
// (required - missing) / required). The example of the doc comment.
func TestFamilyCompleteness(t *testing.T) {
	c := familySchema()
	r := Record{ID: "SHIRT-1", Family: "clothing", Values: []FieldValue{lv("name", daDK, Text("Skjorte"))}}
	want := []Completeness{
		{Channel: "ecommerce", Locale: daDK, Required: 3, Missing: []string{"price"}, Percent: 66},
		{Channel: "ecommerce", Locale: enGB, Required: 3, Missing: []string{"name", "price"}, Percent: 33},
		{Channel: "print", Locale: daDK, Required: 2, Percent: 100},
	}
	if diff := cmp.Diff(want, c.FamilyCompleteness(r, clothing())); diff != "" {
		t.Errorf("FamilyCompleteness (-want +got):\n%s", diff)
	}
	// A blank SKU and a blank name are missing; a price without DKK is
	// missing for ecommerce (its currency).
	r = Record{ID: " ", Values: []FieldValue{lv("name", daDK, Text("  ")), fv("price", Prices(contract.MustParseMoney("10", currency.EUR)))}}
	got := c.FamilyCompleteness(r, clothing())
	if diff := cmp.Diff([]string{"sku", "name", "price"}, got[0].Missing); diff != "" || got[0].Percent != 0 {
		t.Errorf("FamilyCompleteness(blank) ecommerce/da-DK = %+v, want sku, name and price missing, 0 %%", got[0])
	}
	// A family that requires nothing for a channel: 100.
	empty := Family{Code: "empty"}
	for _, cp := range c.FamilyCompleteness(Record{}, empty) {
		if cp.Percent != 100 || cp.Required != 0 {
			t.Errorf("FamilyCompleteness(no requirements) = %+v, want 100 %% of 0", cp)
		}
	}
}

func TestCheckFamily(t *testing.T) {
	c := familySchema()
	if err := c.CheckFamily(clothing()); err != nil {
		t.Fatalf("CheckFamily(clothing) = %v, want nil", err)
	}
	bad := Family{Code: "bad code", Attributes: []string{"name", "name", "nope", "size"},
		Requirements:     map[string][]string{"web": {"name"}, "print": {"name", "material"}},
		AttributeAsLabel: "size", AttributeAsImage: "name"}
	want := []prob{
		{"code", RuleCode, codePattern},
		{"attributes[1]", RuleDuplicate, "name"},
		{"attributes[2]", RuleUnknownField, "nope"},
		{"requirements.print[1]", RuleUnknownField, "material"},
		{"requirements.web", RuleChannel, "unknown"},
		{"attribute_as_label", RuleType, "text"},
		{"attribute_as_image", RuleType, "image"},
	}
	if diff := cmp.Diff(want, problemsOf(t, c.CheckFamily(bad))); diff != "" {
		t.Errorf("CheckFamily(bad) (-want +got):\n%s", diff)
	}
}

func TestSwitchFamily(t *testing.T) {
	accessories := Family{Code: "accessories", Attributes: []string{"sku", "name", "material", "color"},
		Requirements: map[string][]string{"ecommerce": {"sku", "name", "color"}}}
	r := Record{ID: "SHIRT-1", Family: "clothing", Values: []FieldValue{lv("name", daDK, Text("Skjorte")), fv("size", Option("m"))}}
	got := SwitchFamily(r, clothing(), accessories)
	want := FamilySwitch{
		Gained:  []string{"color"},
		Lost:    []string{"description", "price", "size", "picture"},
		Dropped: []FieldValue{fv("size", Option("m"))},
		Required: []RequirementChange{
			{Channel: "ecommerce", Added: []string{"color"}, Removed: []string{"price"}},
			{Channel: "print", Removed: []string{"sku", "name"}},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SwitchFamily (-want +got):\n%s", diff)
	}
}

// TestRecomputeCompleteness: a family change recomputes only the results
// that can change: records of other families are not read, channels whose
// requirements did not change are reused; the records whose result
// changed are named, and the results equal a full recomputation.
func TestRecomputeCompleteness(t *testing.T) {
	c := familySchema()
	old := clothing()
	var records []Record
	for i := range 10 {
		r := Record{ID: fmt.Sprintf("P%d", i), Family: "clothing", Values: []FieldValue{lv("name", daDK, Text("Navn")), lv("name", enGB, Text("Name"))}}
		if i%2 == 0 {
			r.Values = append(r.Values, fv("material", Text("cotton")))
		}
		if i >= 7 {
			r.Family = "shoes" // other family: never read
		}
		records = append(records, r)
	}
	prev := make([][]Completeness, len(records))
	for i, r := range records {
		prev[i] = c.FamilyCompleteness(r, old)
	}
	// print now also requires material; ecommerce is unchanged.
	next := clothing()
	next.Requirements["print"] = []string{"sku", "name", "material"}
	got, err := c.RecomputeCompleteness(old, next, records, prev)
	if err != nil {
		t.Fatal(err)
	}
	// 7 clothing records x 1 print combo recomputed; their 2 ecommerce
	// combos reused; the 3 shoes records untouched.
	if got.Recomputed != 7 || got.Reused != 14 {
		t.Errorf("work = %d recomputed, %d reused, want 7 and 14", got.Recomputed, got.Reused)
	}
	// Every clothing record changes (Required 2 -> 3); those without
	// material also drop to 66 %.
	if len(got.Changed) != 7 {
		t.Fatalf("changed = %d records, want 7", len(got.Changed))
	}
	for _, u := range got.Changed {
		full := c.FamilyCompleteness(records[u.Index], next)
		if diff := cmp.Diff(full, u.Completeness); diff != "" {
			t.Errorf("record %s: incremental differs from full (-full +incremental):\n%s", u.ID, diff)
		}
		wantPct := 100
		if u.Index%2 == 1 {
			wantPct = 66
		}
		if u.Completeness[2].Percent != wantPct {
			t.Errorf("record %s print = %d %%, want %d", u.ID, u.Completeness[2].Percent, wantPct)
		}
	}
	// Reordering a requirement list changes nothing and recomputes nothing.
	same := clothing()
	same.Requirements["ecommerce"] = []string{"price", "name", "sku"}
	got, _ = c.RecomputeCompleteness(old, same, records, prev)
	if got.Recomputed != 0 || len(got.Changed) != 0 || got.Reused != 21 {
		t.Errorf("reordered requirements: %+v, want 0 recomputed, 21 reused, none changed", got)
	}
	// A changed code or a short prev is refused.
	_, err = c.RecomputeCompleteness(old, Family{Code: "other"}, records, prev[:1])
	if diff := cmp.Diff([]prob{{"new.code", RuleFamily, "code"}, {"prev", RuleMax, "records"}}, problemsOf(t, err)); diff != "" {
		t.Errorf("RecomputeCompleteness(bad) (-want +got):\n%s", diff)
	}
}

func TestCheckFamilyVariant(t *testing.T) {
	c := familySchema()
	f := clothing()
	f.Attributes = append(f.Attributes, "color")
	good := FamilyVariant{Code: "clothing_color_size", Family: "clothing", Levels: []VariantLevel{
		{Axes: []string{"color"}, Attributes: []string{"picture"}},
		{Axes: []string{"size"}, Attributes: []string{"sku", "price"}},
	}}
	if err := c.CheckFamilyVariant(good, f); err != nil {
		t.Fatalf("CheckFamilyVariant(good) = %v, want nil", err)
	}
	if diff := cmp.Diff(Variation{Levels: [][]string{{"color"}, {"size"}}}, good.Variation()); diff != "" {
		t.Errorf("Variation() (-want +got):\n%s", diff)
	}
	bad := FamilyVariant{Code: "v", Family: "shoes", Levels: []VariantLevel{
		{Axes: []string{"name", "nope"}, Attributes: []string{"picture", "weight"}},
		{Axes: []string{"size"}, Attributes: []string{"picture"}},
	}}
	want := []prob{
		{"family", RuleFamily, "clothing"},
		{"levels[0].axes[0]", RuleAxis, "type"},
		{"levels[0].axes[1]", RuleUnknownField, "nope"},
		{"levels[0].attributes[1]", RuleUnknownField, "weight"},
		{"levels[1].attributes[0]", RuleDuplicate, "picture"},
	}
	if diff := cmp.Diff(want, problemsOf(t, c.CheckFamilyVariant(bad, f))); diff != "" {
		t.Errorf("CheckFamilyVariant(bad) (-want +got):\n%s", diff)
	}
	three := FamilyVariant{Code: "v", Levels: []VariantLevel{{Axes: []string{"size"}}, {Axes: []string{"color"}}, {Axes: []string{"material"}}}}
	if diff := cmp.Diff([]prob{{"levels", "max", "2"}}, problemsOf(t, c.CheckFamilyVariant(three, f))[:1]); diff != "" {
		t.Errorf("CheckFamilyVariant(three levels) (-want +got):\n%s", diff)
	}
}

func TestAttributeGroups(t *testing.T) {
	c := familySchema()
	groups := []AttributeGroup{
		{Code: "technical", SortOrder: 2, Attributes: []string{"size", "material"}},
		{Code: "marketing", SortOrder: 1, Attributes: []string{"sku", "name", "description"}},
		{Code: "media", SortOrder: 2, Attributes: []string{"picture"}},
	}
	if err := c.CheckAttributeGroups(groups); err != nil {
		t.Fatalf("CheckAttributeGroups = %v, want nil", err)
	}
	var order []string
	for _, g := range SortAttributeGroups(groups) {
		order = append(order, g.Code)
	}
	if diff := cmp.Diff([]string{"marketing", "media", "technical"}, order); diff != "" {
		t.Errorf("SortAttributeGroups (-want +got):\n%s", diff)
	}
	bad := append(groups, AttributeGroup{Code: "media", Attributes: []string{"name", "nope"}})
	want := []prob{
		{"groups[3].code", RuleDuplicate, "media"},
		{"groups[3].attributes[0]", RuleDuplicate, "marketing"},
		{"groups[3].attributes[1]", RuleUnknownField, "nope"},
	}
	if diff := cmp.Diff(want, problemsOf(t, c.CheckAttributeGroups(bad))); diff != "" {
		t.Errorf("CheckAttributeGroups(bad) (-want +got):\n%s", diff)
	}
}
