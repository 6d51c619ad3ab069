package gpp_test

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pimkit/pimkit/privacy/gpp"
)

// FuzzDecode checks that Decode never panics, and that whatever it
// accepts encodes, and decodes again to the same value: Decode(Encode(m))
// == m, and Encode of that is the same string.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"DBAA", "DBACTMA~1YYN~BAQAAABA.YA", "DBABLA~CEAQGAAAAACA.QA", "DBABRg~BAgAABA", "DBABLA~BVVqVVVVpYA.YA",
		benchString, "", "~", "DB", "DBABMA~", "DBABBg~BAwAAABA.QA", "DBABTA~1YNN",
	} {
		f.Add(s)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		s, err := gpp.Encode(randomModel(r))
		if err == nil {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := gpp.Decode(s)
		if err != nil {
			return
		}
		enc, err := gpp.Encode(m)
		if err != nil {
			t.Fatalf("Encode(Decode(%q)) = %v", s, err)
		}
		back, err := gpp.Decode(enc)
		if err != nil {
			t.Fatalf("Decode(Encode(Decode(%q))) = %v", s, err)
		}
		if d := cmp.Diff(m, back); d != "" {
			t.Fatalf("Decode(Encode(m)) != m for %q (-m +back):\n%s", s, d)
		}
		if again, err := gpp.Encode(back); err != nil || again != enc {
			t.Fatalf("Encode is not a fixed point for %q: %q then %q (%v)", s, enc, again, err)
		}
	})
}
