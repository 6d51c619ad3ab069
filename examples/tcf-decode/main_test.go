package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/pimkit/pimkit/privacy/tcf"
)

// TestTCFDecode checks the decoded choices, the ledger mapping with and
// without GPC, and that bad strings fail with the tcf sentinels.
func TestTCFDecode(t *testing.T) {
	for _, tc := range []struct {
		name string
		gpc  bool
		want []string
	}{
		{"TCF purposes, features and vendors", false, []string{
			"   4 Use profiles to select personalised advertising    consent  -",
			"   1 Use precise geolocation data",
			"consent             {1-3 10 21}",
			"vendor 44 may store and read cookies (purpose 1): false",
			"purpose  4  marketing.advertising.third_party.targeted     the consent is valid",
			`"ad_personalization":"granted"`,
		}},
		{"GDPR Art. 21(5) GPC outranks the TC string's consent", true, []string{
			"purpose  4  marketing.advertising.third_party.targeted     the subject objected",
			`"ad_personalization":"denied"`,
		}},
	} {
		var out bytes.Buffer
		if err := run(&out, defaultTC, tc.gpc); err != nil {
			t.Fatalf("%s: run() = %v, want nil", tc.name, err)
		}
		for _, want := range tc.want {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%s: run() output lacks %q; output:\n%s", tc.name, want, out.String())
			}
		}
	}
	for _, tc := range []struct {
		name, s string
		want    error
	}{
		{"TCF policy version 2 must be asked again", "CQSbk4AQSbk4ANwAAAENAwCgAAAAAAAAAAYgACPAAAAA.IDKQA4AAgAKAGQAygAAA.YAAAAAAAAAAA", tcf.ErrPolicyVersion},
		{"not base64url", "garbage!", tcf.ErrBase64},
	} {
		if err := run(new(bytes.Buffer), tc.s, false); !errors.Is(err, tc.want) {
			t.Errorf("%s: run(%q) = %v, want an error matching %v", tc.name, tc.s, err, tc.want)
		}
	}
}
