package akeneo

import (
	"strings"
	"testing"
)

// TestPrescan: the one-pass scan prices a document as jsonbound does and
// finds top-level keys that are not Akeneo's exact spelling.
func TestPrescan(t *testing.T) {
	_, models, items := sampleExport(1000)
	for _, doc := range append(models[:3], items[:50]...) {
		dense, exact := prescan([]byte(doc))
		if dense != productCost.Dense([]byte(doc)) || !exact {
			t.Fatalf("%s: dense %v exact %v", doc, dense, exact)
		}
	}
	for _, tc := range []struct {
		doc   string
		exact bool
	}{
		{`{"identifier":"a","values":{"Name":[{"Locale":null}]}}`, true},
		{`{"Identifier":"a"}`, false},
		{`{"identifier":"a","CreAted":"x"}`, false},
		{`{"identifier":"a","x\"y":1}`, false},
		{`{"ident\u0069fier":"a"}`, false},
		{`[{"x":1}]`, true},
	} {
		if _, exact := prescan([]byte(tc.doc)); exact != tc.exact {
			t.Errorf("%s: exact %v, want %v", tc.doc, exact, tc.exact)
		}
	}
	dense := []byte(`{"identifier":"a","values":{"n":[` + strings.Repeat(`{},`, 100000) + `{}]}}`)
	if d, _ := prescan(dense); d != productCost.Dense(dense) || !d {
		t.Errorf("dense document: %v", d)
	}
}
