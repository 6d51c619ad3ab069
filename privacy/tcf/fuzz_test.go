package tcf_test

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pimkit/pimkit/privacy/tcf"
)

// FuzzDecode checks that Decode never panics and that whatever it accepts is
// a valid model that encodes, and that the encoding is a fixed point:
// Decode(Encode(m)) == m and Encode of that is the same string.
func FuzzDecode(f *testing.F) {
	for _, g := range goldenModels() {
		f.Add(g.want)
	}
	f.Add("CQSbk4AQSbk4ANwAAAENAwCgAAAAAAAAAAYgACPAAAAA.IDKQA4AAgAKAGQAygAAA.YAAAAAAAAAAA")
	f.Add("")
	f.Add(".")
	f.Add("C")
	f.Add("CQhE6KnQhIR9AEsAMCDAC0FgAAAAAAAAAAZQAAAAAAAA.gAAA")
	f.Add("CQhE6KnQhIR9AEsAMCDAC0FgAAAAAAAAAAZQAAAAAAAA.IAAA.IAAA")
	f.Add("CQhE6KnQhIR9AEsAMCDAC0FgAAAAAAAAAAZQAAAAAAAA.d___________")
	f.Add("CQhE6KnQhIR9AEsAMCDAC0FgAAAAAAAAAAZQ__________________________")
	opts := tcf.Options{PolicyVersions: allPolicyVersions(), DisclosedVendors: tcf.DisclosedOptional}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := opts.Decode(s)
		if err != nil {
			return
		}
		enc, err := opts.Encode(m)
		if errors.Is(err, tcf.ErrTooLarge) {
			return // more than 4095 range entries after canonicalising
		}
		if err != nil {
			t.Fatalf("Encode(Decode(%q)) = %v", s, err)
		}
		back, err := opts.Decode(enc)
		if err != nil {
			t.Fatalf("Decode(%q) = %v after Encode", enc, err)
		}
		if d := cmp.Diff(m, back); d != "" {
			t.Fatalf("Decode(Encode(Decode(%q))) (-first +second):\n%s", s, d)
		}
		if again, err := opts.Encode(back); err != nil || again != enc {
			t.Fatalf("Encode is not a fixed point for %q: %q then %q (%v)", s, enc, again, err)
		}
	})
}

// FuzzRoundTrip checks decode(encode(m)) == m for valid random models.
func FuzzRoundTrip(f *testing.F) {
	for seed := range uint64(16) {
		f.Add(seed, seed*7919)
	}
	f.Fuzz(func(t *testing.T, a, b uint64) {
		m := randomModel(rand.New(rand.NewPCG(a, b)))
		s, err := tcf.Encode(m)
		if err != nil {
			t.Fatalf("Encode(random model %d,%d) = %v", a, b, err)
		}
		got, err := tcf.Decode(s)
		if err != nil {
			t.Fatalf("Decode(%q) = %v", s, err)
		}
		if d := cmp.Diff(m, got); d != "" {
			t.Fatalf("Decode(Encode(m)) (-m +decoded):\n%s", d)
		}
	})
}

func allPolicyVersions() []int {
	v := make([]int, 64)
	for i := range v {
		v[i] = i
	}
	return v
}
