package akeneo

import (
	"slices"
	"testing"
)

// TestSemanticDiff: the comparator of the round-trip tests finds what
// differs and only that.
func TestSemanticDiff(t *testing.T) {
	for _, tc := range []struct {
		name, a, b string
		want       []string
	}{
		{"amount as decimal", `{"amount":"15.50"}`, `{"amount":15.5}`, nil},
		{"amount differs", `{"amount":"15.50"}`, `{"amount":"15.51"}`, []string{"amount"}},
		{"categories are a set", `{"categories":["a","b"]}`, `{"categories":["b","a"]}`, nil},
		{"values keep order", `{"values":{"name":[{"locale":"en_US"},{"locale":"fr_FR"}]}}`, `{"values":{"name":[{"locale":"fr_FR"},{"locale":"en_US"}]}}`,
			[]string{"values.name[0].locale", "values.name[1].locale"}},
		{"requirements are sets", `{"attribute_requirements":{"e":["a","b"]}}`, `{"attribute_requirements":{"e":["b","a"]}}`, nil},
		{"null is absent", `{"parent":null,"groups":[],"labels":{}}`, `{}`, nil},
		{"false is not absent", `{"unique":false}`, `{}`, []string{"unique"}},
		{"missing key", `{"family":"caps"}`, `{}`, []string{"family"}},
		{"text is not a number", `{"data":"12"}`, `{"data":"twelve"}`, []string{"data"}},
		{"length", `{"products":["a"]}`, `{"products":["a","b"]}`, []string{"products"}},
	} {
		var got []string
		semanticDiff("", "", decodeAny(t, []byte(tc.a)), decodeAny(t, []byte(tc.b)), &got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
