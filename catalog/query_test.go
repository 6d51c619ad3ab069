package catalog

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// queryRecords is a small catalog every query test searches.
func queryRecords() []Record {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 10, 0, 0, 0, time.UTC) }
	shirt := completeProduct()
	shirt.Family, shirt.Groups, shirt.UUID = "shirts", []string{"promotion"}, "8945388d-cf5b-49af-8799-05d1ed6e296f"
	shirt.Created, shirt.Updated = day(1), day(20)
	shirt.Values = append(shirt.Values, fv("color", Option("red")), fv("tags", Options("new", "eco")),
		fv("organic", Bool(true)), fv("release", Date(day(15))), fv("manual", Assets(Asset{Ref: "docs/shirt-care.pdf"})),
		FieldValue{Field: "seo_title", Locale: enGB, Channel: "ecommerce", Value: Text("Amazing organic shirt")})
	draft := Record{ID: "MUG-2", Status: StatusDraft, Family: "mugs", Categories: []string{"kitchen"}, Parent: "mug_model",
		Created: day(10), Updated: day(10),
		Values: []FieldValue{lv("title", enGB, Text("Mug")), fv("stock", Number(dec("0"))), fv("weight", Measure(dec("0.4"), "KILOGRAM")),
			fv("color", Option("blue")), fv("organic", Bool(false)),
			fv("price", Prices(contract.NewMoney(dec("49.00"), currency.DKK)))}}
	bare := Record{ID: "BARE-3", Status: StatusActive, Parent: "mug_sub"}
	return []Record{shirt, draft, bare}
}

func queryIDs(t *testing.T, c *Compiled, search string, qc QueryContext) []string {
	t.Helper()
	q, err := ParseQuery(c, []byte(search), SearchOptions{Zone: contract.ZoneUTC})
	if err != nil {
		t.Fatalf("ParseQuery(%s) = %v", search, err)
	}
	m, err := NewMatcher(c, q, qc)
	if err != nil {
		t.Fatalf("NewMatcher(%s) = %v", search, err)
	}
	var ids []string
	for r := range m.Filter(slices.Values(queryRecords())) {
		ids = append(ids, r.ID)
	}
	return ids
}

func TestQueryEvaluate(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	tree, err := NewTree(CategoryNode{Code: "master"}, CategoryNode{Code: "clothes", Parent: "master"},
		CategoryNode{Code: "shirts", Parent: "clothes"}, CategoryNode{Code: "kitchen", Parent: "master"})
	if err != nil {
		t.Fatal(err)
	}
	qc := QueryContext{At: time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC), Tree: tree, Models: map[string]string{"mug_sub": "mug_model"}}
	tests := []struct {
		name, search string
		want         []string
	}{
		{"Akeneo filters, status: enabled = true", `{"enabled":[{"operator":"=","value":true}]}`, []string{"SHIRT-1", "BARE-3"}},
		{"Akeneo filters, status: enabled != true", `{"enabled":[{"operator":"!=","value":true}]}`, []string{"MUG-2"}},
		{"Akeneo filters, family: IN", `{"family":[{"operator":"IN","value":["mugs"]}]}`, []string{"MUG-2"}},
		{"Akeneo filters, family: NOT IN keeps products without family", `{"family":[{"operator":"NOT IN","value":["mugs"]}]}`, []string{"SHIRT-1", "BARE-3"}},
		{"Akeneo filters, family: EMPTY", `{"family":[{"operator":"EMPTY"}]}`, []string{"BARE-3"}},
		{"Akeneo filters, family: NOT EMPTY", `{"family":[{"operator":"NOT EMPTY"}]}`, []string{"SHIRT-1", "MUG-2"}},
		{"Akeneo filters, categories: IN", `{"categories":[{"operator":"IN","value":["kitchen"]}]}`, []string{"MUG-2"}},
		{"Akeneo filters, categories: IN and NOT IN combined", `{"categories":[{"operator":"IN","value":["kitchen","shirts"]},{"operator":"NOT IN","value":["shirts"]}]}`, []string{"MUG-2"}},
		{"Akeneo filters, categories: IN OR UNCLASSIFIED", `{"categories":[{"operator":"IN OR UNCLASSIFIED","value":["kitchen"]}]}`, []string{"MUG-2", "BARE-3"}},
		{"Akeneo filters, categories: IN CHILDREN", `{"categories":[{"operator":"IN CHILDREN","value":["clothes"]}]}`, []string{"SHIRT-1"}},
		{"Akeneo filters, categories: NOT IN CHILDREN", `{"categories":[{"operator":"NOT IN CHILDREN","value":["clothes"]}]}`, []string{"MUG-2", "BARE-3"}},
		{"Akeneo filters, categories: UNCLASSIFIED", `{"categories":[{"operator":"UNCLASSIFIED"}]}`, []string{"BARE-3"}},
		{"Akeneo filters, groups: IN", `{"groups":[{"operator":"IN","value":["promotion"]}]}`, []string{"SHIRT-1"}},
		{"Akeneo filters, groups: EMPTY", `{"groups":[{"operator":"EMPTY"}]}`, []string{"MUG-2", "BARE-3"}},
		{"Akeneo filters, uuid: IN", `{"uuid":[{"operator":"IN","value":["8945388d-cf5b-49af-8799-05d1ed6e296f"]}]}`, []string{"SHIRT-1"}},
		{"Akeneo filters, identifier: STARTS WITH ignores case", `{"sku":[{"operator":"STARTS WITH","value":"mug"}]}`, []string{"MUG-2"}},
		{"Akeneo filters, created: = the given day", `{"created":[{"operator":"=","value":"2026-11-10 23:00:00"}]}`, []string{"MUG-2"}},
		{"Akeneo filters, created: != the given day skips unknown instants", `{"created":[{"operator":"!=","value":"2026-11-10 00:00:00"}]}`, []string{"SHIRT-1"}},
		{"Akeneo filters, updated: >", `{"updated":[{"operator":">","value":"2026-11-10 10:00:00"}]}`, []string{"SHIRT-1"}},
		{"Akeneo filters, updated: < (RFC 3339)", `{"updated":[{"operator":"<","value":"2026-11-20T10:00:00Z"}]}`, []string{"MUG-2"}},
		{"Akeneo filters, created: BETWEEN includes both ends", `{"created":[{"operator":"BETWEEN","value":["2026-11-01 10:00:00","2026-11-10 10:00:00"]}]}`, []string{"SHIRT-1", "MUG-2"}},
		{"Akeneo filters, created: NOT BETWEEN", `{"created":[{"operator":"NOT BETWEEN","value":["2026-11-01 10:00:01","2026-11-30 00:00:00"]}]}`, []string{"SHIRT-1"}},
		{"Akeneo filters, updated: SINCE LAST N DAYS", `{"updated":[{"operator":"SINCE LAST N DAYS","value":4}]}`, []string{"SHIRT-1"}},
		{"Akeneo filters, parent: = a root finds sub-model variants", `{"parent":[{"operator":"=","value":"mug_model"}]}`, []string{"MUG-2", "BARE-3"}},
		{"Akeneo filters, parent: IN direct children only", `{"parent":[{"operator":"IN","value":["mug_model"]}]}`, []string{"MUG-2"}},
		{"Akeneo filters, parent: EMPTY simple products", `{"parent":[{"operator":"EMPTY"}]}`, []string{"SHIRT-1"}},
		{"Akeneo filters, completeness: = 100 on one locale", `{"completeness":[{"operator":"=","value":100,"scope":"ecommerce"}]}`, []string{"SHIRT-1"}},
		{"Akeneo filters, completeness: < 100", `{"completeness":[{"operator":"<","value":100,"scope":"ecommerce"}]}`, []string{"MUG-2", "BARE-3"}},
		{"Akeneo filters, completeness: ON ALL LOCALES", `{"completeness":[{"operator":"GREATER OR EQUALS THAN ON ALL LOCALES","value":100,"locales":["da-DK","en-GB"],"scope":"ecommerce"}]}`, []string{"SHIRT-1"}},
		{"Akeneo filters, completeness: LOWER THAN ON ALL LOCALES", `{"completeness":[{"operator":"LOWER THAN ON ALL LOCALES","value":50,"locales":["da_DK"],"scope":"ecommerce"}]}`, []string{"MUG-2", "BARE-3"}},
		{"Akeneo values, text: CONTAINS ignores case", `{"title":[{"operator":"CONTAINS","value":"MUG","locale":"en-GB"}]}`, []string{"MUG-2"}},
		{"Akeneo values, text: DOES NOT CONTAIN needs a value", `{"title":[{"operator":"DOES NOT CONTAIN","value":"mug","locale":"en_GB"}]}`, []string{"SHIRT-1"}},
		{"Akeneo values, text: = and search_scope", `{"seo_title":[{"operator":"STARTS WITH","value":"Amazing","locale":"en_GB","scope":"ecommerce"}]}`, []string{"SHIRT-1"}},
		{"Akeneo values, text: IN", `{"brand":[{"operator":"IN","value":["acme","other"]}]}`, []string{"SHIRT-1"}},
		{"Akeneo values, text: EMPTY", `{"brand":[{"operator":"EMPTY"}]}`, []string{"MUG-2", "BARE-3"}},
		{"Akeneo values, number: >", `{"stock":[{"operator":">","value":5}]}`, []string{"SHIRT-1"}},
		{"Akeneo values, number: = 0", `{"stock":[{"operator":"=","value":0}]}`, []string{"MUG-2"}},
		{"Akeneo values, number: != needs a value", `{"stock":[{"operator":"!=","value":12}]}`, []string{"MUG-2"}},
		{"Akeneo values, metric: in the standard unit", `{"weight":[{"operator":">=","value":0.3}]}`, []string{"MUG-2"}},
		{"Akeneo values, metric: amount and unit", `{"weight":[{"operator":"<","value":{"amount":300,"unit":"GRAM"}}]}`, []string{"SHIRT-1"}},
		{"Akeneo values, price: amount and currency", `{"price":[{"operator":"<","value":{"amount":"100","currency":"DKK"}}]}`, []string{"MUG-2"}},
		{"Akeneo values, price: any currency", `{"price":[{"operator":"<","value":30}]}`, []string{"SHIRT-1"}},
		{"Akeneo values, simple select: IN", `{"color":[{"operator":"IN","value":["red"]}]}`, []string{"SHIRT-1"}},
		{"Akeneo values, simple select: NOT IN needs a value", `{"color":[{"operator":"NOT IN","value":["red"]}]}`, []string{"MUG-2"}},
		{"Akeneo values, multi select: IN any", `{"tags":[{"operator":"IN","value":["eco","sale"]}]}`, []string{"SHIRT-1"}},
		{"Akeneo values, boolean: = false", `{"organic":[{"operator":"=","value":false}]}`, []string{"MUG-2"}},
		{"Akeneo values, boolean: EMPTY", `{"organic":[{"operator":"EMPTY"}]}`, []string{"BARE-3"}},
		{"Akeneo values, date: >", `{"release":[{"operator":">","value":"2026-11-14"}]}`, []string{"SHIRT-1"}},
		{"Akeneo values, date: BETWEEN inclusive", `{"release":[{"operator":"BETWEEN","value":["2026-11-15","2026-11-15T00:00:00Z"]}]}`, []string{"SHIRT-1"}},
		{"Akeneo values, date: NOT BETWEEN", `{"release":[{"operator":"NOT BETWEEN","value":["2026-11-15","2026-11-16"]}]}`, nil},
		{"Akeneo values, file: CONTAINS", `{"manual":[{"operator":"CONTAINS","value":"care"}]}`, []string{"SHIRT-1"}},
		{"Akeneo filters: three filters combined", `{"enabled":[{"operator":"=","value":true}],"family":[{"operator":"NOT EMPTY"}],"title":[{"operator":"CONTAINS","value":"shirt","locale":"en_GB"}]}`, []string{"SHIRT-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := queryIDs(t, c, tt.search, qc); !slices.Equal(got, tt.want) {
				t.Errorf("%s matches %v, want %v", tt.search, got, tt.want)
			}
		})
	}
}

func TestQueryFamilyCompleteness(t *testing.T) {
	// Akeneo completeness: a product of a family counts by its family's
	// requirements, here only the title on ecommerce.
	c := mustCompile(testSchema(), testChannels()...)
	mugs := Family{Code: "mugs", Attributes: []string{"title", "stock"}, Requirements: map[string][]string{"ecommerce": {"title"}}}
	search := `{"completeness":[{"operator":"=","value":100,"scope":"ecommerce","locales":["en-GB"]}]}`
	if got := queryIDs(t, c, search, QueryContext{}); !slices.Equal(got, []string{"SHIRT-1"}) {
		t.Errorf("by the schema: %v, want [SHIRT-1]", got)
	}
	if got := queryIDs(t, c, search, QueryContext{Families: map[string]Family{"mugs": mugs}}); !slices.Equal(got, []string{"SHIRT-1", "MUG-2"}) {
		t.Errorf("by family: %v, want [SHIRT-1 MUG-2] (MUG-2 has its English title)", got)
	}
}

func TestParseQueryProblems(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	tests := []struct {
		name, search string
		want         []prob
	}{
		{"Akeneo filters: unknown operator", `{"family":[{"operator":"LIKE","value":["x"]}]}`, []prob{{"family[0].operator", RuleOperator, "LIKE"}}},
		{"Akeneo filters: operator not allowed on the type", `{"stock":[{"operator":"CONTAINS","value":"1"}]}`, []prob{{"stock[0].operator", RuleOperator, "CONTAINS"}}},
		{"Akeneo filters: type mismatch, IN wants a list", `{"family":[{"operator":"IN","value":"mugs"}]}`, []prob{{"family[0].value", RuleType, "array of strings"}}},
		{"Akeneo filters: type mismatch, enabled wants a boolean", `{"enabled":[{"operator":"=","value":"yes"}]}`, []prob{{"enabled[0].value", RuleType, "boolean"}}},
		{"Akeneo filters: missing value", `{"stock":[{"operator":">"}]}`, []prob{{"stock[0].value", RuleRequired, "number"}}},
		{"Akeneo filters: missing operator", `{"stock":[{"value":1}]}`, []prob{{"stock[0].operator", RuleRequired, ""}}},
		{"Akeneo filters: unknown field", `{"colour":[{"operator":"EMPTY"}]}`, []prob{{"colour[0]", RuleUnknownField, ""}}},
		{"Akeneo values: localizable field needs a locale", `{"title":[{"operator":"EMPTY"}]}`, []prob{{"title[0].locale", RuleLocale, "required"}}},
		{"Akeneo values: locale on a field that is not localizable", `{"brand":[{"operator":"EMPTY","locale":"en_GB"}]}`, []prob{{"brand[0].locale", RuleLocale, "not_localizable"}}},
		{"Akeneo values: scopable field needs a scope", `{"seo_title":[{"operator":"EMPTY","locale":"en_GB"}]}`, []prob{{"seo_title[0].scope", RuleChannel, "required"}}},
		{"Akeneo values: unknown scope", `{"seo_title":[{"operator":"EMPTY","locale":"en_GB","scope":"shop"}]}`, []prob{{"seo_title[0].scope", RuleChannel, "unknown"}}},
		{"Akeneo values: option code the field lacks", `{"color":[{"operator":"IN","value":["red","green"]}]}`, []prob{{"color[0].value[1]", RuleOption, "green"}}},
		{"Akeneo values: unit outside the family", `{"weight":[{"operator":">","value":{"amount":1,"unit":"LITER"}}]}`, []prob{{"weight[0].value.unit", RuleUnit, "weight"}}},
		{"Akeneo filters: completeness needs a scope", `{"completeness":[{"operator":"=","value":100}]}`, []prob{{"completeness[0].scope", RuleChannel, "required"}}},
		{"Akeneo filters: ON ALL LOCALES needs locales", `{"completeness":[{"operator":"GREATER THAN ON ALL LOCALES","value":1,"scope":"print"}]}`, []prob{{"completeness[0].locales", RuleRequired, ""}}},
		{"Akeneo filters: BETWEEN wants two", `{"created":[{"operator":"BETWEEN","value":["2026-01-01 00:00:00"]}]}`, []prob{{"created[0].value", RuleType, "array of two datetimes"}}},
		{"Akeneo filters: every problem at once", `{"family":[{"operator":"LIKE"}],"stock":[{"operator":">","value":true}]}`, []prob{{"family[0].operator", RuleOperator, "LIKE"}, {"stock[0].value", RuleType, "number"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseQuery(c, []byte(tt.search), SearchOptions{})
			var ve *contract.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseQuery(%s) = %v, want a *contract.ValidationError", tt.search, err)
			}
			var got []prob
			for _, p := range ve.Problems {
				got = append(got, prob{p.Path, p.Rule, p.Param})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
	for _, bad := range []string{``, `[]`, `{"family":{}}`, `{"family":[1]}`, `{"a":[]} x`, `{"family":[]`} {
		if _, err := ParseQuery(c, []byte(bad), SearchOptions{}); !errors.Is(err, ErrSyntax) {
			t.Errorf("ParseQuery(%q) = %v, want ErrSyntax", bad, err)
		}
	}
}

func TestParseQuerySearchOptions(t *testing.T) {
	// Akeneo filters, search_locale and search_scope: the parameters stand
	// in for a filter's own locale and scope.
	c := mustCompile(testSchema(), testChannels()...)
	q, err := ParseQuery(c, []byte(`{"seo_title":[{"operator":"NOT EMPTY"}],"completeness":[{"operator":">","value":1}]}`),
		SearchOptions{Locale: enGB, Scope: "ecommerce"})
	if err != nil {
		t.Fatal(err)
	}
	want := Query{Filters: []Filter{
		{Field: "seo_title", Operator: OpNotEmpty, Locale: enGB, Scope: "ecommerce"},
		{Field: "completeness", Operator: OpGreater, Scope: "ecommerce", Number: cd("1")},
	}}
	if diff := cmp.Diff(want, q); diff != "" {
		t.Errorf("query (-want +got):\n%s", diff)
	}
}

func TestQueryJSONAndWalk(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	q, err := ParseQuery(c, []byte(`{"family":[{"operator":"IN","value":["mugs"]}],"title":[{"operator":"CONTAINS","value":"mug","locale":"en_GB"}]}`), SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	var back Query
	if err := json.Unmarshal(b, &back); err != nil || !cmp.Equal(q, back) {
		t.Fatalf("query does not survive JSON: %s, %v", b, err)
	}
	// A host walks the filters to build its own SQL.
	var where []string
	for _, f := range back.Filters {
		if f.IsProperty() {
			where = append(where, f.Field+" "+f.Operator.Akeneo()+" "+f.Texts[0])
		} else {
			where = append(where, "value("+f.Field+","+f.Locale.String()+") "+f.Operator.Akeneo()+" "+f.Texts[0])
		}
	}
	if want := []string{"family IN mugs", "value(title,en-GB) CONTAINS mug"}; !slices.Equal(where, want) {
		t.Errorf("walk = %q, want %q", where, want)
	}
}

func TestNewMatcherChecksStoredQuery(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	q := Query{Filters: []Filter{
		{Field: "family", Operator: OpIn},
		{Field: "stock", Operator: OpContains, Texts: []string{"1"}},
		{Field: "nope", Operator: OpEmpty},
		{Field: "categories", Operator: OpInChildren, Texts: []string{"ghost"}},
	}}
	_, err := NewMatcher(c, q, QueryContext{})
	var ve *contract.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("NewMatcher = %v, want problems", err)
	}
	var got []prob
	for _, p := range ve.Problems {
		got = append(got, prob{p.Path, p.Rule, p.Param})
	}
	want := []prob{{"filters[0].value", RuleRequired, "array of strings"}, {"filters[1].operator", RuleOperator, "CONTAINS"},
		{"filters[2].field", RuleUnknownField, ""}, {"filters[3].texts[0]", RuleCategory, "ghost"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
