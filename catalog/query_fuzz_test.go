package catalog

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
)

// FuzzParseQuery reads arbitrary search text: it never panics, fails
// only with ErrSyntax or ErrInvalid, and a query it accepts survives JSON
// and compiles into a matcher (save category codes the empty tree lacks).
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		`{"enabled":[{"operator":"=","value":true}]}`,
		`{"categories":[{"operator":"IN","value":["winter_collection"]},{"operator":"NOT IN","value":["accessories"]}]}`,
		`{"completeness":[{"operator":"GREATER OR EQUALS THAN ON ALL LOCALES","value":100,"locales":["en_US","fr_FR"],"scope":"ecommerce"}]}`,
		`{"title":[{"operator":"CONTAINS","value":"shirt","locale":"en_GB"}]}`,
		`{"weight":[{"operator":"<","value":{"amount":300,"unit":"GRAM"}}]}`,
		`{"created":[{"operator":"BETWEEN","value":["2016-07-04 10:00:00","2016-07-05 10:00:00"]}]}`,
		`{"updated":[{"operator":"SINCE LAST N DAYS","value":4}]}`,
		`{"release":[{"operator":"NOT BETWEEN","value":["2016-07-04","2016-07-05"]}]}`,
		`{"parent":[{"operator":"NOT EMPTY"}]}`, `{}`, `[`, `{"a":[{"operator":"IN","value":[1]}]}`,
	} {
		f.Add([]byte(s))
	}
	c := mustCompile(testSchema(), testChannels()...)
	f.Fuzz(func(t *testing.T, b []byte) {
		q, err := ParseQuery(c, b, SearchOptions{Scope: "ecommerce", Locale: enGB})
		if err != nil {
			if !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseQuery error %v wraps neither ErrSyntax nor ErrInvalid", err)
			}
			return
		}
		j, err := json.Marshal(q)
		if err != nil {
			t.Fatalf("Marshal(query) = %v", err)
		}
		var back Query
		if err := json.Unmarshal(j, &back); err != nil || !cmp.Equal(q, back) {
			t.Fatalf("query does not survive JSON: %s: %v", j, err)
		}
		if _, err := NewMatcher(c, q, QueryContext{}); err != nil {
			var ve *contract.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("NewMatcher = %v", err)
			}
			for _, p := range ve.Problems {
				if p.Rule != RuleCategory {
					t.Fatalf("ParseQuery accepted a query NewMatcher refuses: %v", err)
				}
			}
		}
	})
}
