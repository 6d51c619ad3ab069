package contract

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// TestTermsJSONRoundTrip checks that the preset survives JSON, currency
// included (terms 19.3: prices in DKK).
func TestTermsJSONRoundTrip(t *testing.T) {
	in := OpenDIMSTerms()
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"currency":"DKK"`) {
		t.Errorf("json.Marshal(terms) = %s, want a currency DKK", b)
	}
	var out Terms
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	opt := cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })
	if diff := cmp.Diff(in, out, opt, cmp.Comparer(func(a, b currency.Unit) bool { return a == b })); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	var bad Terms
	err = json.Unmarshal([]byte(`{"currency":"XYZW"}`), &bad)
	if !errors.Is(err, ErrInvalidTerms) {
		t.Errorf("Unmarshal(currency XYZW) = %v, want ErrInvalidTerms", err)
	}
}
