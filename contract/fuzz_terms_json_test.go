package contract

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzTermsJSON reads any text as Terms: it never panics, and terms that
// read and validate are written and read back equal.
func FuzzTermsJSON(f *testing.F) {
	good, err := json.Marshal(OpenDIMSTerms())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(good))
	for _, s := range []string{
		`{}`, `null`, `[]`, `{"currency":"DKK"}`, `{"currency":"dkk","late_interest_per_month":0.02}`,
		`{"late_interest_per_month":"1e400"}`, `{"availability_percent":"` + strings.Repeat("9", 150) + `"}`,
		`{"payment_period":"P1Y","service_window_notice":"PT72H","availability_percent":99.9}`,
		`{"late_interest_per_month":"1000000000000000000"}`, `{"currency":"Jens Hansen"}`,
		strings.Replace(string(good), `"0.02"`, `"-0.02"`, 1),
		strings.Replace(string(good), `"99.9"`, `100.0`, 1),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var terms Terms
		if err := json.Unmarshal([]byte(s), &terms); err != nil {
			return
		}
		if terms.Validate() != nil {
			return
		}
		b, err := json.Marshal(terms)
		if err != nil {
			t.Fatalf("valid terms read from %q do not marshal: %v", s, err)
		}
		var back Terms
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("terms written as %s do not read back: %v", b, err)
		}
		if !cmp.Equal(terms, back) {
			t.Fatalf("round trip changed the terms: %s", cmp.Diff(terms, back))
		}
	})
}
