package akeneo

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "extract testdata/examples.json again from the Akeneo API description")

// apiDescription is where the Swagger description of Akeneo's REST API
// (akeneo/pim-api-docs) sits next to the repository on the development
// machines; testdata/examples.json holds its example documents.
const apiDescription = "../../../shared/akeneo/akeneo-web-api.json"

// example is one example document of the API description: its resource,
// where it is (a JSON pointer into the description, then its place in a
// list or page) and the document.
type example struct {
	Kind   string          `json:"kind"`
	Source string          `json:"source"`
	Doc    json.RawMessage `json:"doc"`
}

// resourceOfPath names the resource of an API path, "" for those this
// package does not read.
func resourceOfPath(p string) string {
	for _, skip := range []string{"asset", "reference-entit", "published", "media-files", "/oauth/", "/jobs", "/system", "/workflows", "/catalogs", "/app", "/extensions", "/ui-extensions", "/permissions"} {
		if strings.Contains(p, skip) {
			return ""
		}
	}
	switch {
	case strings.HasPrefix(p, "/api/rest/v1/products-uuid"):
		return "product"
	case strings.HasPrefix(p, "/api/rest/v1/products"):
		return "product"
	case strings.HasPrefix(p, "/api/rest/v1/product-models"):
		return "product_model"
	case strings.Contains(p, "/variants"):
		return "family_variant"
	case strings.HasPrefix(p, "/api/rest/v1/families"):
		return "family"
	case strings.Contains(p, "/options"):
		return "attribute_option"
	case strings.HasPrefix(p, "/api/rest/v1/attributes"):
		return "attribute"
	case strings.HasPrefix(p, "/api/rest/v1/attribute-groups"):
		return "attribute_group"
	case strings.HasPrefix(p, "/api/rest/v1/association-types"):
		return "association_type"
	case strings.HasPrefix(p, "/api/rest/v1/channels"):
		return "channel"
	case strings.HasPrefix(p, "/api/rest/v1/locales"):
		return "locale"
	case strings.HasPrefix(p, "/api/rest/v1/categories"):
		return "category"
	case strings.HasPrefix(p, "/api/rest/v1/currencies"):
		return "currency"
	case strings.HasPrefix(p, "/api/rest/v1/measurement-families"), strings.HasPrefix(p, "/api/rest/v1/measure-families"):
		return "measurement_family"
	}
	return ""
}

// resourceOfDefinition names the resource of each definition that holds
// example documents.
var resourceOfDefinition = map[string]string{
	"Product": "product", "ProductWithIntents": "product", "ProductExamples": "product", "ProductList": "product",
	"ProductUuid": "product", "ProductUUidWithIntents": "product", "ProductUuidExamples": "product", "ProductUuidList": "product",
	"ProductModel": "product_model", "ProductModelWithIntents": "product_model", "ProductModelList": "product_model",
	"Category": "category", "CategoryUpdate": "category", "CategoryList": "category",
	"MeasurementFamily": "measurement_family", "MeasurementFamilyList": "measurement_family",
	"MeasureFamily": "measurement_family", "MeasureFamilyList": "measurement_family",
	"Family": "family", "FamilyList": "family", "FamilyVariant": "family_variant", "FamilyVariantRead": "family_variant", "FamilyVariantList": "family_variant",
	"Attribute": "attribute", "AttributeList": "attribute", "AttributeOption": "attribute_option", "AttributeOptionList": "attribute_option",
	"AttributeGroup": "attribute_group", "AttributeGroupList": "attribute_group", "Locale": "locale", "LocaleList": "locale",
	"Channel": "channel", "ChannelList": "channel", "AssociationType": "association_type", "AssociationTypeList": "association_type",
	"Currency": "currency", "CurrencyList": "currency",
}

// collect adds the documents of an example value: a document, a list, a
// page (its items), a set of versioned examples {"x-1.7": ...} or a
// string of JSON Lines (PATCH bodies).
func collect(out *[]example, kind, src string, v json.RawMessage) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return
	}
	switch v[0] {
	case '"':
		var s string
		_ = json.Unmarshal(v, &s)
		for i, line := range strings.Split(s, "\n") {
			if line = strings.TrimSpace(line); line != "" && json.Valid([]byte(line)) {
				collect(out, kind, src+"#line"+itoa(i+1), json.RawMessage(line))
			}
		}
	case '[':
		var list []json.RawMessage
		_ = json.Unmarshal(v, &list)
		for i, x := range list {
			collect(out, kind, src+"/"+itoa(i), x)
		}
	case '{':
		var m map[string]json.RawMessage
		_ = json.Unmarshal(v, &m)
		if e, ok := m["_embedded"]; ok {
			var emb struct {
				Items []json.RawMessage `json:"items"`
			}
			_ = json.Unmarshal(e, &emb)
			for i, x := range emb.Items {
				collect(out, kind, src+"/_embedded/items/"+itoa(i), x)
			}
			return
		}
		versions := len(m) > 0
		for k := range m {
			versions = versions && strings.HasPrefix(k, "x-")
		}
		if versions {
			for _, k := range sortedKeys(m) {
				collect(out, kind, src+"/"+k, m[k])
			}
			return
		}
		*out = append(*out, example{Kind: kind, Source: src, Doc: v})
	}
}

func itoa(i int) string { return decimal.NewFromInt(int64(i)).String() }

// walkExamples finds the "example" and "x-examples" values under v.
func walkExamples(out *[]example, kind, src string, v json.RawMessage) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return
	}
	switch v[0] {
	case '{':
		var m map[string]json.RawMessage
		_ = json.Unmarshal(v, &m)
		for _, k := range sortedKeys(m) {
			if k == "example" || k == "x-examples" {
				collect(out, kind, src+"/"+k, m[k])
				continue
			}
			walkExamples(out, kind, src+"/"+k, m[k])
		}
	case '[':
		var list []json.RawMessage
		_ = json.Unmarshal(v, &list)
		for i, x := range list {
			walkExamples(out, kind, src+"/"+itoa(i), x)
		}
	}
}

// extractExamples returns every example document of the resources this
// package reads, from the paths (requests and responses, not the status
// lists PATCH answers with) and the definitions of the API description.
func extractExamples(api []byte) ([]example, error) {
	var doc struct {
		Paths       map[string]map[string]json.RawMessage `json:"paths"`
		Definitions map[string]json.RawMessage            `json:"definitions"`
	}
	if err := json.Unmarshal(api, &doc); err != nil {
		return nil, err
	}
	var out []example
	for _, p := range sortedKeys(doc.Paths) {
		kind := resourceOfPath(p)
		if kind == "" {
			continue
		}
		for _, method := range sortedKeys(doc.Paths[p]) {
			op := doc.Paths[p][method]
			var parts struct {
				Parameters json.RawMessage            `json:"parameters"`
				Responses  map[string]json.RawMessage `json:"responses"`
			}
			_ = json.Unmarshal(op, &parts)
			src := "#/paths/" + strings.ReplaceAll(p, "/", "~1") + "/" + method
			walkExamples(&out, kind, src+"/parameters", parts.Parameters)
			if method == "patch" {
				continue // the responses of a PATCH are status lines, not documents
			}
			for _, code := range sortedKeys(parts.Responses) {
				walkExamples(&out, kind, src+"/responses/"+code, parts.Responses[code])
			}
		}
	}
	for _, name := range sortedKeys(resourceOfDefinition) {
		kind := resourceOfDefinition[name]
		def := doc.Definitions[name]
		if strings.HasSuffix(name, "Examples") {
			collect(&out, kind, "#/definitions/"+name, def)
			continue
		}
		walkExamples(&out, kind, "#/definitions/"+name, def)
	}
	return out, nil
}

func loadExamples(t *testing.T) []example {
	t.Helper()
	if api, err := os.ReadFile(apiDescription); err == nil {
		fresh, err := extractExamples(api)
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			b, _ := json.MarshalIndent(fresh, "", " ")
			if err := os.WriteFile(filepath.Join("testdata", "examples.json"), append(b, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		stored := readStored(t)
		if len(stored) != len(fresh) {
			t.Fatalf("testdata/examples.json has %d documents, the API description %d: run go test -run Examples -update", len(stored), len(fresh))
		}
		return stored
	}
	return readStored(t)
}

func readStored(t testing.TB) []example {
	b, err := os.ReadFile(filepath.Join("testdata", "examples.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []example
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// convert reads doc as a document of kind into pimkit's values and writes
// them back.
func convert(kind string, doc []byte, attrs Attributes) (back []byte, dropped []contract.Problem, err error) {
	type codec interface {
		UnmarshalAkeneo([]byte) ([]contract.Problem, error)
		MarshalAkeneo() ([]byte, error)
	}
	var c codec
	switch kind {
	default:
		return nil, nil, nil
	case "product", "product_model":
		var p Product
		if dropped, err = p.UnmarshalAkeneo(doc, attrs); err != nil {
			return nil, nil, err
		}
		back, err = p.MarshalAkeneo(attrs)
		return back, dropped, err
	case "family":
		c = new(familyCodec)
	case "family_variant":
		c = new(variantCodec)
	case "attribute":
		c = new(attributeCodec)
	case "attribute_option":
		c = new(optionCodec)
	case "attribute_group":
		c = new(groupCodec)
	case "association_type":
		c = new(associationTypeCodec)
	case "channel":
		c = new(channelCodec)
	case "locale":
		c = new(localeCodec)
	case "category":
		c = new(categoryCodec)
	case "currency":
		c = new(currencyCodec)
	case "measurement_family":
		c = new(measurementCodec)
	}
	if dropped, err = c.UnmarshalAkeneo(doc); err != nil {
		return nil, nil, err
	}
	back, err = c.MarshalAkeneo()
	return back, dropped, err
}

// The codecs of the structure documents, as one interface for the test.
type (
	familyCodec          struct{ Family }
	variantCodec         struct{ FamilyVariant }
	attributeCodec       struct{ Attribute }
	optionCodec          struct{ AttributeOption }
	groupCodec           struct{ AttributeGroup }
	associationTypeCodec struct{ AssociationType }
	channelCodec         struct{ Channel }
	localeCodec          struct{ Locale }
	categoryCodec        struct{ Category }
	currencyCodec        struct{ Currency }
	measurementCodec     struct{ MeasurementFamily }
)

// unorderedKeys are Akeneo's sets: arrays under these keys compare in any
// order.
var unorderedKeys = map[string]bool{
	"categories": true, "groups": true, "attributes": true, "locales": true, "currencies": true,
	"products": true, "product_models": true, "allowed_extensions": true, "available_locales": true,
	"common_attributes": true, "axes": true,
}

// semanticDiff compares two JSON documents as Akeneo means them and lists
// the paths where they differ: objects by key; numbers and numeric
// strings as decimals ("15.50" is 15.5); arrays in order except Akeneo's
// sets (unorderedKeys, and the lists of attribute_requirements); null, an
// empty array, an empty object and an absent key alike (Akeneo writes
// null for a property that does not apply, and pimkit reads all of them
// as no value).
func semanticDiff(path, parentKey string, a, b any, out *[]string) {
	if empty(a) && empty(b) {
		return
	}
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			*out = append(*out, path)
			return
		}
		keys := map[string]bool{}
		for k := range x {
			keys[k] = true
		}
		for k := range y {
			keys[k] = true
		}
		for _, k := range sortedKeys(keys) {
			semanticDiff(key(path, k), k, x[k], y[k], out)
		}
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			*out = append(*out, path)
			return
		}
		if unorderedKeys[parentKey] || strings.HasPrefix(path, "attribute_requirements.") {
			x, y = canonicalOrder(x), canonicalOrder(y)
		}
		for i := range x {
			semanticDiff(index(path, i), "", x[i], y[i], out)
		}
	default:
		if dx, ok := asDecimal(a); ok {
			if dy, ok := asDecimal(b); ok && dx.Equal(dy) {
				return
			}
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if !bytes.Equal(ja, jb) {
			*out = append(*out, path)
		}
	}
}

func empty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

func asDecimal(v any) (decimal.Decimal, bool) {
	var s string
	switch x := v.(type) {
	case json.Number:
		s = x.String()
	case string:
		s = x
	default:
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(s)
	return d, err == nil && s != "" && !strings.ContainsAny(s, "eE")
}

func canonicalOrder(list []any) []any {
	out := slices.Clone(list)
	sort.Slice(out, func(i, j int) bool {
		a, _ := json.Marshal(out[i])
		b, _ := json.Marshal(out[j])
		return string(a) < string(b)
	})
	return out
}

func decodeAny(t *testing.T, b []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("%v in %s", err, b)
	}
	return v
}

// covered reports whether path lies at or under one of the dropped
// problems' paths.
func covered(path string, dropped []contract.Problem) bool {
	for _, p := range dropped {
		if path == p.Path || strings.HasPrefix(path, p.Path+".") || strings.HasPrefix(path, p.Path+"[") {
			return true
		}
	}
	return false
}

// TestExamplesRoundTrip reads every example document of Akeneo's API
// description of the resources the package reads, converts it to
// pimkit's values and back, and compares the JSON semantically: every
// difference must be a part the reader reported as not carried.
func TestExamplesRoundTrip(t *testing.T) {
	examples := loadExamples(t)
	attrs := exampleAttributes(t, examples)
	count := map[string]int{}
	droppedCount := 0
	for _, ex := range examples {
		count[ex.Kind]++
		back, dropped, err := convert(ex.Kind, ex.Doc, attrs)
		if err != nil {
			t.Errorf("%s %s: %v", ex.Kind, ex.Source, err)
			continue
		}
		droppedCount += len(dropped)
		var diffs []string
		semanticDiff("", "", decodeAny(t, ex.Doc), decodeAny(t, back), &diffs)
		for _, d := range diffs {
			if !covered(d, dropped) {
				t.Errorf("%s %s: %q differs and was not reported\n in:  %s\n out: %s", ex.Kind, ex.Source, d, ex.Doc, back)
			}
		}
	}
	for _, k := range []string{"product", "product_model", "family", "family_variant", "attribute", "attribute_option",
		"attribute_group", "category", "channel", "locale", "currency", "association_type", "measurement_family"} {
		if count[k] == 0 {
			t.Errorf("no example document of %s", k)
		}
	}
	t.Logf("%d example documents (%v); %d parts reported as not carried", len(examples), count, droppedCount)
}

// exampleAttributes returns the types of the attributes of the example
// documents, so that dates, options and files are read as such.
func exampleAttributes(t *testing.T, examples []example) Attributes {
	attrs := Attributes{}
	for _, ex := range examples {
		if ex.Kind != "attribute" {
			continue
		}
		var a Attribute
		if _, err := a.UnmarshalAkeneo(ex.Doc); err == nil && a.Type != "" && a.Field.Code != "" {
			attrs[a.Field.Code] = a.Type
		}
	}
	return attrs
}

func readStoredF(f *testing.F) []example { return readStored(f) }
