package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestCatalogImport checks the refused row, the validation problems by row,
// completeness by Akeneo's rule and the JSON-LD.
func TestCatalogImport(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatalf("run() = %v, want nil", err)
	}
	text, jsonld, _ := strings.Cut(out.String(), "Danish webshop:\n")
	for _, tc := range []struct{ name, want string }{
		{"CLDR da-DK refuses a decimal point", "row 5, column price-DKK:   syntax(grouping)"},
		{"GS1 check digit", "row 6 (VASE-01) values.ean: gtin(check digit)"},
		{"select options", "row 6 (VASE-01) values.material: option(material)"},
		{"measurement not negative", "row 7 (JUG-01) values.weight: negative"},
		{"required per channel and locale", "row 3 (MUG-02) values.title[en-GB]: required(webshop)"},
		{"Akeneo completeness floors 2 of 3 to 66", "VASE-01             80%           80%           66%"},
		{"Akeneo search: completeness and options", "Complete for the webshop, of stoneware or porcelain: MUG-01 PLATE-01 JUG-01\n"},
		{"Merchant feed: written item", "MUG-01\tKaffekrus\tStentøj, 35 cl\thttps://shop.example.dk/p/mug-01"},
		{"Merchant feed: description required, reported not fatal", "left out PLATE-01: [description: required]"},
		{"Merchant feed: shipping weight above zero", "left out JUG-01: [shipping_weight: min(0)]"},
	} {
		if !strings.Contains(text, tc.want) {
			t.Errorf("%s: run() output lacks %q; output:\n%s", tc.name, tc.want, text)
		}
	}
	var p struct {
		Type   string `json:"@type"`
		GTIN   string `json:"gtin"`
		Offers struct {
			Price string `json:"price"`
		} `json:"offers"`
	}
	if err := json.Unmarshal([]byte(jsonld), &p); err != nil {
		t.Fatalf("JSON-LD does not parse: %v", err)
	}
	if p.Type != "Product" || p.GTIN != "5701234567899" || p.Offers.Price != "89.95" {
		t.Errorf("JSON-LD = %+v, want a Product with GTIN 5701234567899 at 89.95 (decimal comma read)", p)
	}
}
