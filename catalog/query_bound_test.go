package catalog

import (
	"strings"
	"testing"

	"github.com/pimkit/pimkit/internal/allocbound"
)

// TestParseQueryDecoderBound holds ParseQuery to the decoder bound, 16 bytes per
// input byte plus 64 KiB, on the densest searches that fit MaxSearchBytes.
func TestParseQueryDecoderBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	c := mustCompile(testSchema(), testChannels()...)
	near := func(prefix, unit, suffix string) []byte {
		n := (MaxSearchBytes - len(prefix) - len(suffix)) / len(unit)
		return []byte(prefix + strings.Repeat(unit, n) + suffix)
	}
	inputs := map[string][]byte{
		"empty filters":  near(`{"family":[`, `{},`, `{}]}`),
		"many filters":   near(`{"family":[`, `{"operator":"EMPTY"},`, `{"operator":"EMPTY"}]}`),
		"long IN list":   near(`{"family":[{"operator":"IN","value":[`, `"a",`, `"a"]}]}`),
		"many keys":      near(`{`, `"a":[],`, `"a":[]}`),
		"nested values":  near(`{"family":[{"operator":"IN","value":`, `[`, ``),
		"problem values": near(`{"stock":[`, `{"operator":"<","value":true},`, `{}]}`),
	}
	for name, in := range inputs {
		got := allocbound.Allocated(func() { _, _ = ParseQuery(c, in, SearchOptions{}) })
		if got > allocbound.Bound(len(in)) {
			t.Errorf("%s: ParseQuery of %d bytes allocated %d, bound %d", name, len(in), got, allocbound.Bound(len(in)))
		}
	}
}
