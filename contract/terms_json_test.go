package contract

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTermsJSONRoundTrip checks that the preset survives JSON with plain
// encoding/json and go-cmp without options: currency included (terms
// 19.3: prices in DKK), hour notices as ISO 8601 (3.2: PT72H, 6.3: PT48H),
// never nanoseconds.
func TestTermsJSONRoundTrip(t *testing.T) {
	in := OpenDIMSTerms()
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"currency":"DKK"`, `"service_window_notice":"PT72H"`,
		`"emergency_notice":"PT1H"`, `"breach_notice":"PT48H"`, `"price_change_notice":"P4M"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("json.Marshal(terms) = %s, want %s", b, want)
		}
	}
	var out Terms
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	var bad Terms
	err = json.Unmarshal([]byte(`{"currency":"XYZW"}`), &bad)
	if !errors.Is(err, ErrInvalidInput) || strings.Contains(err.Error(), "XYZW") {
		t.Errorf("Unmarshal(currency XYZW) = %v, want ErrInvalidInput that does not quote the input", err)
	}
	err = json.Unmarshal([]byte(`{"breach_notice":259200000000000}`), &bad)
	if err == nil {
		t.Error("Unmarshal(breach_notice in nanoseconds) succeeded, want an error: durations are ISO 8601 text")
	}
}
