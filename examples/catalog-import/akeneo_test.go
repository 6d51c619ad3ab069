package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestAkeneoImport checks the Akeneo part of the example: completeness by
// the family's requirements per channel, a refused line by its number, and
// what Akeneo computes reported rather than kept.
func TestAkeneoImport(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, want string }{
		{"all four required attributes", "BOWL-01   webshop/da-DK 100% webshop/en-GB 100% print/da-DK 100%"},
		{"price needs every currency of the channel; no weight", "PLATE-01  webshop/da-DK 50% webshop/en-GB 25% print/da-DK 100%"},
		{"association read", "X_SELL -> PLATE-01"},
		{"computed part reported", "not kept: quality_scores"},
		{"ISO 4217 refuses DKR, by line", "line 3 refused: [values.price[0].data: currency]"},
	} {
		if !strings.Contains(out.String(), tc.want) {
			t.Errorf("%s: output lacks %q:\n%s", tc.name, tc.want, out.String())
		}
	}
}
