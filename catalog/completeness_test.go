package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

func TestPercent(t *testing.T) {
	tests := []struct {
		name          string
		req, miss, pc int
	}{
		{"Akeneo rule: 3 required, 1 missing is 66", 3, 1, 66},
		{"Akeneo rule: nothing required is 100", 0, 0, 100},
		{"Akeneo completeness: all present", 4, 0, 100},
		{"Akeneo completeness: all missing", 4, 4, 0},
		{"Akeneo completeness: floor not round: 2 of 3 is 66 not 67", 3, 1, 66},
		{"Akeneo completeness: floor: 1 missing of 7 is 85", 7, 1, 85},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := percent(tt.req, tt.miss); got != tt.pc {
				t.Errorf("percent(%d, %d) = %d, want %d", tt.req, tt.miss, got, tt.pc)
			}
		})
	}
}

func TestCompleteness(t *testing.T) {
	s := Schema{Type: TypeProduct, Fields: []Field{
		{Code: "name", Type: TextField, Localizable: true, Required: []string{"web", "print"}},
		{Code: "price", Type: PriceField, Required: []string{"web"}},
		{Code: "brand", Type: TextField, Required: []string{"web"}},
		{Code: "teaser", Type: TextField, Scopable: true, Required: []string{"print"}},
		{Code: "notes", Type: Textarea},
	}}
	chs := []Channel{
		{Code: "web", Locales: []contract.Locale{daDK, enGB}, Currencies: curs(currency.DKK)},
		{Code: "print", Locales: []contract.Locale{daDK}},
	}
	c := mustCompile(s, chs...)
	r := Record{ID: "P1", Values: []FieldValue{
		lv("name", daDK, Text("Stol")),
		fv("price", Prices(contract.NewMoney(dec("100"), currency.EUR))), // no DKK: missing for web
		fv("brand", Text("Acme")),
		{Field: "teaser", Channel: "web", Value: Text("for web only")},
	}}
	got := c.Completeness(r)
	want := []Completeness{
		{Channel: "web", Locale: daDK, Required: 3, Missing: []string{"price"}, Percent: 66},
		{Channel: "web", Locale: enGB, Required: 3, Missing: []string{"name", "price"}, Percent: 33},
		{Channel: "print", Locale: daDK, Required: 2, Missing: []string{"teaser"}, Percent: 50},
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b contract.Locale) bool { return a == b })); diff != "" {
		t.Errorf("Completeness (-want +got):\n%s", diff)
	}
}

func TestCompletenessNothingRequired(t *testing.T) {
	c := mustCompile(Schema{Type: "supplier", Fields: []Field{{Code: "name", Type: TextField}}},
		Channel{Code: "web", Locales: []contract.Locale{daDK}})
	got := c.Completeness(Record{ID: "S1"})
	if len(got) != 1 || got[0].Percent != 100 || got[0].Required != 0 || got[0].Missing != nil {
		t.Errorf("Completeness(nothing required) = %+v, want 100 %% with nothing missing", got)
	}
}

func TestQuality(t *testing.T) {
	tests := []struct {
		name  string
		score int
		want  Grade
	}{
		{"grade A 100", 100, GradeA},
		{"grade A 90", 90, GradeA},
		{"grade B 89", 89, GradeB},
		{"grade B 80", 80, GradeB},
		{"grade C 79", 79, GradeC},
		{"grade C 70", 70, GradeC},
		{"grade D 69", 69, GradeD},
		{"grade D 60", 60, GradeD},
		{"grade E 59", 59, GradeE},
		{"grade E 0", 0, GradeE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GradeFor(tt.score); got != tt.want {
				t.Errorf("GradeFor(%d) = %v, want %v", tt.score, got, tt.want)
			}
		})
	}

	s := Schema{Type: TypeProduct, Fields: []Field{
		{Code: "a", Type: TextField}, {Code: "b", Type: TextField}, {Code: "c", Type: TextField},
		{Code: "d", Type: TextField}, {Code: "img", Type: Image},
	}}
	c := mustCompile(s, Channel{Code: "web", Locales: []contract.Locale{daDK}})
	withImg := Record{ID: "1", Values: []FieldValue{fv("a", Text("x")), fv("b", Text("x")), fv("c", Text("x")), fv("img", Assets(Asset{Ref: "a.jpg"}))}}
	q := c.Quality(withImg)[0]
	if q.Filled != 4 || q.Fields != 5 || q.FieldsPercent != 80 || !q.HasImage || q.Score != 90 || q.Grade != GradeA {
		t.Errorf("Quality(80 %% fields + image) = %+v, want 4/5, 80, image, score 90, A", q)
	}
	noImg := Record{ID: "2", Values: []FieldValue{fv("a", Text("x")), fv("b", Text("x")), fv("c", Text("x")), fv("d", Text("x"))}}
	q = c.Quality(noImg)[0]
	if q.FieldsPercent != 80 || q.HasImage || q.Score != 40 || q.Grade != GradeE {
		t.Errorf("Quality(80 %% fields, no image) = %+v, want score 40, E", q)
	}
}

func TestValuesPart(t *testing.T) {
	products := mustCompile(ProductSchema(ExclVAT))
	if got, want := products.ValuesPart(5000), (contract.ValuesPart{Records: 5000, Fields: 5}); got != want {
		t.Errorf("ValuesPart(5000) = %+v, want %+v (the 4 standard fields and the SKU)", got, want)
	}
	// OpenDIMS help pages (terms 7.2, 12.1): 5,000 products of 48 fields
	// and 1,000 orders of 30 fields with the 1,200 base are 271,200 values.
	parts := []contract.ValuesPart{{Records: 5000, Fields: 48}, {Records: 1000, Fields: 30}}
	if got := contract.Values(contract.BaseValues, parts...); got != 271200 {
		t.Errorf("contract.Values(base, 5000x48, 1000x30) = %d, want 271200", got)
	}
}

func TestAssessMatchesValidateAndCompleteness(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	for _, r := range []Record{completeProduct(), {ID: "X", Values: []FieldValue{fv("ean", Text("1")), lv("title", daDK, Text("a"))}}} {
		comp, err := c.Assess(r)
		if diff := cmp.Diff(c.Completeness(r), comp, cmp.Comparer(func(a, b contract.Locale) bool { return a == b })); diff != "" {
			t.Errorf("Assess completeness (-Completeness +Assess):\n%s", diff)
		}
		want := c.Validate(r)
		if (err == nil) != (want == nil) || (err != nil && err.Error() != want.Error()) {
			t.Errorf("Assess error = %v, want Validate's %v", err, want)
		}
	}
}

// TestBlankTextIsMissing: a text of white space only is stored but counts
// as missing, for completeness and for the required check alike.
func TestBlankTextIsMissing(t *testing.T) {
	s := Schema{Type: TypeProduct, Fields: []Field{
		{Code: "name", Type: TextField, Required: []string{"web"}},
		{Code: "description", Type: Textarea, Required: []string{"web"}},
	}}
	c := mustCompile(s, Channel{Code: "web", Locales: []contract.Locale{daDK}})
	for _, tt := range []struct {
		name, text string
		missing    bool
	}{
		{"three spaces", "   ", true},
		{"tab and line break", "\t\n", true},
		{"no-break space U+00A0", "\u00a0", true},
		{"ideographic space U+3000", "\u3000", true},
		{"text with spaces around", "  Stol ", false},
		{"one letter", "x", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Record{ID: "P1", Values: []FieldValue{fv("name", Text(tt.text)), fv("description", Text("Stol"))}}
			got := c.Completeness(r)[0]
			if (len(got.Missing) == 1) != tt.missing || (got.Percent == 50) != tt.missing {
				t.Errorf("Completeness(name %q) = %+v, want name missing %v", tt.text, got, tt.missing)
			}
			err := c.Validate(r)
			if tt.missing {
				if diff := cmp.Diff([]prob{{"values.name", RuleRequired, "web"}}, problemsOf(t, err)); diff != "" {
					t.Errorf("Validate(name %q) (-want +got):\n%s", tt.text, diff)
				}
			} else if err != nil {
				t.Errorf("Validate(name %q) = %v, want nil", tt.text, err)
			}
		})
	}
}
