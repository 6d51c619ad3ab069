package catalog

import "runtime"

// allocCounter reads the bytes allocated so far by the whole program.
type allocCounter struct{ bytes uint64 }

func (a *allocCounter) read() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	a.bytes = m.TotalAlloc
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after allocCounter
	before.read()
	f()
	after.read()
	return after.bytes - before.bytes
}

// decoderBound is the most a decoder may allocate for n input bytes: 16
// bytes per input byte plus 64 KiB.
func decoderBound(n int) uint64 { return 16*uint64(n) + 64<<10 }
