// Package allocbound measures what pimkit's decoders allocate, for the
// tests that hold each of them to its documented bound: at most 16 bytes
// per input byte plus 64 KiB, whatever the input.
//
// It is used by tests only.
package allocbound

import (
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/pimkit/pimkit/internal/raceflag"
)

// Bound is the documented allocation bound of a decoder reading n bytes:
// 16 bytes per input byte plus 64 KiB.
func Bound(n int) uint64 { return 16*uint64(n) + 64<<10 }

// Allocated returns the bytes f allocates: the least of three runs with
// the garbage collector off, so a collection in the middle cannot hide
// or add allocation.
func Allocated(f func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	best := ^uint64(0)
	for range 3 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		best = min(best, after.TotalAlloc-before.TotalAlloc)
	}
	return best
}

// SkipUnlessMeasurable skips t under -short and under the race detector,
// which allocates on its own account; .ci/run runs these tests again
// without it.
func SkipUnlessMeasurable(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("decodes megabytes of hostile input")
	}
	if raceflag.Enabled {
		t.Skip("the race detector changes what a call allocates; .ci/run measures without it")
	}
}
