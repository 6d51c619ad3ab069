package sla

import (
	"encoding/json"
	"github.com/pimkit/pimkit/internal/allocbound"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// inputHostile are 1 MiB inputs of tiny elements; before
// Input.UnmarshalJSON, a million empty outages cost 202 bytes per input
// byte.
func inputHostile() map[string][]byte {
	n := 1 << 20
	out := map[string][]byte{}
	for _, key := range []string{"outages", "windows", "gaps"} {
		for name, unit := range map[string]string{
			"empty":  "{},",
			"string": `"",`,
			"padded": `{"component":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},`,
		} {
			out[key+" "+name] = []byte(`{"` + key + `":[` + strings.Repeat(unit, n/len(unit)) + `{}]}`)
		}
	}
	return out
}

func TestInputDecoderBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	for name, in := range inputHostile() {
		var v Input
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_ = json.Unmarshal(in, &v)
		runtime.ReadMemStats(&after)
		if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(16*len(in)+64<<10); got > limit {
			t.Errorf("Input JSON on %s: allocated %d bytes, %.1f per input byte; the bound is 16 per byte plus 64 KiB", name, got, float64(got)/float64(len(in)))
		}
	}
}

func BenchmarkInputDecoderHostile(b *testing.B) {
	for name, in := range inputHostile() {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				var v Input
				_ = json.Unmarshal(in, &v)
			}
		})
	}
}
