package akeneo

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/catalog"
)

func mustProduct(t *testing.T, doc string) Product {
	t.Helper()
	var p Product
	if _, err := p.UnmarshalAkeneo([]byte(doc), nil); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPatch follows the examples of Akeneo's PATCH semantics: objects
// merge recursively, arrays and scalars are replaced, null erases; values
// merge per attribute, locale and channel; associations per type.
func TestPatch(t *testing.T) {
	orig := `{"identifier":"boots_4846","enabled":true,"family":"boots","parent":null,"groups":["similar_boots"],"categories":["2014_collection","winter_boots"],` +
		`"values":{"name":[{"locale":"en_US","scope":null,"data":"Mug"},{"locale":"fr_FR","scope":null,"data":"Tasse"}],"color":[{"locale":null,"scope":null,"data":"black"}]},` +
		`"associations":{"X_SELL":{"products":["boots_1"],"groups":["g1"]},"UPSELL":{"products":["boots_2"]}}}`
	for _, tc := range []struct {
		name, patch, want string
	}{
		{"a scalar is replaced", `{"family":"shoes"}`,
			`{"identifier":"boots_4846","enabled":true,"family":"shoes","parent":null,"groups":["similar_boots"],"categories":["2014_collection","winter_boots"],"values":{"name":[{"locale":"en_US","scope":null,"data":"Mug"},{"locale":"fr_FR","scope":null,"data":"Tasse"}],"color":[{"locale":null,"scope":null,"data":"black"}]},"associations":{"UPSELL":{"products":["boots_2"]},"X_SELL":{"products":["boots_1"],"groups":["g1"]}}}`},
		{"null erases a scalar", `{"family":null}`,
			`{"identifier":"boots_4846","enabled":true,"family":null,"parent":null,"groups":["similar_boots"],"categories":["2014_collection","winter_boots"],"values":{"name":[{"locale":"en_US","scope":null,"data":"Mug"},{"locale":"fr_FR","scope":null,"data":"Tasse"}],"color":[{"locale":null,"scope":null,"data":"black"}]},"associations":{"UPSELL":{"products":["boots_2"]},"X_SELL":{"products":["boots_1"],"groups":["g1"]}}}`},
		{"an array is replaced", `{"categories":["summer_collection"]}`,
			`{"identifier":"boots_4846","enabled":true,"family":"boots","parent":null,"groups":["similar_boots"],"categories":["summer_collection"],"values":{"name":[{"locale":"en_US","scope":null,"data":"Mug"},{"locale":"fr_FR","scope":null,"data":"Tasse"}],"color":[{"locale":null,"scope":null,"data":"black"}]},"associations":{"UPSELL":{"products":["boots_2"]},"X_SELL":{"products":["boots_1"],"groups":["g1"]}}}`},
		{"values merge per locale", `{"values":{"name":[{"locale":"fr_FR","scope":null,"data":"Tasse jolie"}],"size":[{"locale":null,"scope":null,"data":"m"}]}}`,
			`{"identifier":"boots_4846","enabled":true,"family":"boots","parent":null,"groups":["similar_boots"],"categories":["2014_collection","winter_boots"],"values":{"name":[{"locale":"en_US","scope":null,"data":"Mug"},{"locale":"fr_FR","scope":null,"data":"Tasse jolie"}],"color":[{"locale":null,"scope":null,"data":"black"}],"size":[{"locale":null,"scope":null,"data":"m"}]},"associations":{"UPSELL":{"products":["boots_2"]},"X_SELL":{"products":["boots_1"],"groups":["g1"]}}}`},
		{"null data erases a value", `{"values":{"color":[{"locale":null,"scope":null,"data":null}]}}`,
			`{"identifier":"boots_4846","enabled":true,"family":"boots","parent":null,"groups":["similar_boots"],"categories":["2014_collection","winter_boots"],"values":{"name":[{"locale":"en_US","scope":null,"data":"Mug"},{"locale":"fr_FR","scope":null,"data":"Tasse"}]},"associations":{"UPSELL":{"products":["boots_2"]},"X_SELL":{"products":["boots_1"],"groups":["g1"]}}}`},
		{"associations merge per type and list", `{"associations":{"X_SELL":{"products":["boots_9"]},"PACK":{"products":["socks"]}}}`,
			`{"identifier":"boots_4846","enabled":true,"family":"boots","parent":null,"groups":["similar_boots"],"categories":["2014_collection","winter_boots"],"values":{"name":[{"locale":"en_US","scope":null,"data":"Mug"},{"locale":"fr_FR","scope":null,"data":"Tasse"}],"color":[{"locale":null,"scope":null,"data":"black"}]},"associations":{"PACK":{"products":["socks"]},"UPSELL":{"products":["boots_2"]},"X_SELL":{"products":["boots_9"],"groups":["g1"]}}}`},
		{"an empty list clears that list only", `{"associations":{"X_SELL":{"products":[]}}}`,
			`{"identifier":"boots_4846","enabled":true,"family":"boots","parent":null,"groups":["similar_boots"],"categories":["2014_collection","winter_boots"],"values":{"name":[{"locale":"en_US","scope":null,"data":"Mug"},{"locale":"fr_FR","scope":null,"data":"Tasse"}],"color":[{"locale":null,"scope":null,"data":"black"}]},"associations":{"UPSELL":{"products":["boots_2"]},"X_SELL":{"products":[],"groups":["g1"]}}}`},
		{"quantities are replaced per list", `{"quantified_associations":{"PACK":{"products":[{"identifier":"socks","quantity":3}]}}}`,
			`{"identifier":"boots_4846","enabled":true,"family":"boots","parent":null,"groups":["similar_boots"],"categories":["2014_collection","winter_boots"],"values":{"name":[{"locale":"en_US","scope":null,"data":"Mug"},{"locale":"fr_FR","scope":null,"data":"Tasse"}],"color":[{"locale":null,"scope":null,"data":"black"}]},"associations":{"UPSELL":{"products":["boots_2"]},"X_SELL":{"products":["boots_1"],"groups":["g1"]}},"quantified_associations":{"PACK":{"products":[{"identifier":"socks","quantity":3}]}}}`},
	} {
		got := Patch(mustProduct(t, orig), mustProduct(t, tc.patch))
		want := mustProduct(t, tc.want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: (-want +got)\n%s", tc.name, diff)
		}
	}
}

// TestPatchLeavesInputAlone: Patch returns a new product; its inputs are
// unchanged.
func TestPatchLeavesInputAlone(t *testing.T) {
	dst := mustProduct(t, `{"identifier":"a","categories":["x"],"values":{"name":[{"locale":null,"scope":null,"data":"A"}]}}`)
	before := mustProduct(t, `{"identifier":"a","categories":["x"],"values":{"name":[{"locale":null,"scope":null,"data":"A"}]}}`)
	_ = Patch(dst, mustProduct(t, `{"categories":["y"],"values":{"name":[{"locale":null,"scope":null,"data":"B"}]}}`))
	if !cmp.Equal(dst, before) {
		t.Error("Patch changed its input")
	}
	if v, _ := dst.Record.Get("name", dst.Record.Values[0].Locale, ""); v.String() != catalog.Text("A").String() {
		t.Errorf("value %v", v)
	}
}

// TestUnknownShapesAndKeys: a value of an attribute whose type is not
// given and whose shape no field type has (a table) is reported, not an
// error; keys Akeneo does not define inside values and associations are
// reported with their paths (encoding/json would skip them).
func TestUnknownShapesAndKeys(t *testing.T) {
	var p Product
	dropped, err := p.UnmarshalAkeneo([]byte(`{"identifier":"a","values":{`+
		`"nutrition":[{"locale":null,"scope":null,"data":[{"ingredient":"salt","quantity":2}]}],`+
		`"designer":[{"locale":null,"scope":null,"data":"bouroullec","reference_data_name":"designers","colour":"x"}]},`+
		`"associations":{"X_SELL":{"products":["b"],"product_uuids":[]}}}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, d := range dropped {
		paths = append(paths, d.Path+":"+d.Param)
	}
	want := []string{"values.designer[0].colour:unknown", "associations.X_SELL.product_uuids:unknown",
		"values.designer[0].reference_data_name:read_only", "values.nutrition[0]:type"}
	for _, w := range want {
		found := false
		for _, p := range paths {
			found = found || p == w
		}
		if !found {
			t.Errorf("dropped %v lacks %s", paths, w)
		}
	}
	if v, ok := p.Record.Get("designer", p.Record.Values[0].Locale, ""); !ok || v.String() != "bouroullec" {
		t.Errorf("designer %v", v)
	}
}
