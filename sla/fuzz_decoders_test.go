package sla

import "testing"

// FuzzDecoders feeds the same input to every decoder of the package -- the
// table the allocation-bound test measures -- and none may panic.
func FuzzDecoders(f *testing.F) {
	for _, s := range []string{`14386/14400`, `{"target":"99.9"}`, `force_majeure`,
		`{"span":{"from":"2025-04-01T00:00:00Z","to":"2025-05-01T00:00:00Z"},"agreed":"PT720H","unmeasured":"PT0S","counted":"PT720H","downtime":"PT43M","excluded":"PT0S","downtime_exact":"PT43M"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, dec := range decoders() {
			_ = dec(b)
		}
	})
}
