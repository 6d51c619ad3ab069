package contracttest_test

import (
	"bytes"
	"testing"

	"github.com/pimkit/pimkit/contract/contracttest"
)

// FuzzRead feeds any bytes to Read and runs what it accepts: neither may
// panic, and every step gets exactly one result.
func FuzzRead(f *testing.F) {
	f.Add([]byte(cure))
	f.Add([]byte(`{"name":"x","start":"2026-01-01","events":[{"kind":"breach_notified","on":"2026-01-02","by":"provider"}],
		"steps":[{"rule":"obligations","on":"2026-01-10","expect":{"obligations":[{"party":"provider","what":"remedy_breach"}]}}]}`))
	f.Add([]byte(`[{"params":{"cure_period":"P-1D"},"steps":[{"rule":"breach_termination","from":"9999-12-31"}]}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ss, err := contracttest.Read(bytes.NewReader(b))
		if err != nil {
			return
		}
		for _, s := range ss {
			if len(s.Steps) > 64 {
				continue
			}
			if rs := contracttest.Check(s); len(rs) != len(s.Steps) {
				t.Fatalf("%d results for %d steps", len(rs), len(s.Steps))
			}
		}
	})
}
