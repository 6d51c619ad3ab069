package gpp

import (
	"strings"
	"testing"

	"github.com/pimkit/pimkit/internal/allocbound"
)

// bitText builds the base64url text of one segment from bit fields.
type bitText struct{ w writer }

func (b *bitText) put(v uint64, k int) *bitText {
	for k > 32 {
		b.w.write(v>>(k-32), 32)
		k -= 32
	}
	b.w.write(v, k)
	return b
}

func (b *bitText) text(p padding) string { return string(b.w.segment(nil, p)) }

// header returns the header listing ids, each a run of one.
func header(ids ...int) string {
	var w writer
	w.write(headerID, 6)
	w.write(headerVersion, 6)
	w.fibRange(ids)
	return string(w.segment(nil, compressed))
}

// hostileStrings are the inputs whose decoding is bounded.
func hostileStrings() map[string]string {
	// tcfeu core up to the vendor consents.
	core := func() *bitText {
		b := &bitText{}
		b.put(2, 6).put(17_000_000_000, 36).put(17_000_000_000, 36).put(300, 12).put(1, 12).put(1, 6).put(4<<6|13, 12)
		b.put(150, 12).put(5, 6).put(1, 1).put(0, 1).put(0, 12).put(0, 24).put(0, 24).put(0, 1).put(20<<6|18, 12)
		return b
	}
	empty := func(b *bitText) { b.put(0, 16).put(0, 1) }
	// restrictions: n restrictions each for every vendor (53 bits each).
	restrictions := func(n int) string {
		b := core()
		empty(b)
		empty(b)
		b.put(uint64(n), 12)
		for i := range n {
			b.put(uint64(i%24+1), 6).put(uint64(i%3), 2).put(1, 12).put(1, 1).put(1, 16).put(maxID, 16)
		}
		return header(2) + "~" + b.text(traditional)
	}
	// alternate: vendor consents of 4095 single IDs two apart.
	alternate := func() string {
		b := core()
		b.put(maxID, 16).put(1, 1).put(4095, 12)
		for i := range 4095 {
			b.put(0, 1).put(uint64(2*i+1), 16)
		}
		empty(b)
		b.put(0, 12)
		return header(2) + "~" + b.text(traditional)
	}()
	// bitField: a bit field of 65535 alternate bits.
	bitField := func() string {
		b := core()
		b.put(maxID, 16).put(0, 1)
		for i := 0; i < maxID; i++ {
			b.put(uint64(i&1), 1)
		}
		empty(b)
		b.put(0, 12)
		return header(2) + "~" + b.text(traditional)
	}()
	// caRestrictions: tcfcav1 restrictions with Fibonacci ranges of
	// alternate IDs.
	caRestrictions := func() string {
		b := &bitText{}
		b.put(1, 6).put(17_000_000_000, 36).put(17_000_000_000, 36).put(7, 12).put(1, 12).put(1, 6).put(4<<6|13, 12)
		b.put(40, 12).put(2, 6).put(0, 1).put(0, 12).put(0, 24).put(0, 24)
		empty(b)
		empty(b)
		b.put(4095, 12)
		for range 4095 {
			b.put(1, 6).put(1, 2).put(maxID, 16).put(1, 1).put(30, 12)
			for range 30 {
				b.put(0, 1).put(0b011, 3) // offset 2: every other ID
			}
		}
		return header(5) + "~" + b.text(compressed)
	}()
	// many: the header lists 4,000 unknown sections.
	ids := make([]int, 4000)
	for i := range ids {
		ids[i] = 2*i + 40
	}
	many := header(ids...) + strings.Repeat("~A", len(ids))
	m := map[string]string{
		"restrictions 4 KB":         restrictions(600),
		"restrictions 27 KB":        restrictions(4095),
		"alternate vendor IDs":      alternate,
		"bit field":                 bitField,
		"tcfcav1 restrictions":      caRestrictions,
		"4000 unknown sections":     many,
		"1 MiB of A":                strings.Repeat("A", 1<<20),
		"1 MiB of tildes":           "DBAA" + strings.Repeat("~", 1<<20),
		"header then 1 MiB of dots": header(7) + "~" + strings.Repeat(".", 1<<17),
	}
	return m
}

// TestDecodeAllocationBound checks that Decode allocates at most 16 bytes
// per input byte plus 64 KiB on hostile strings: wide ranges in every
// restriction, thousands of sections, long runs of separators.
func TestDecodeAllocationBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	worst, worstName := 0.0, ""
	for name, s := range hostileStrings() {
		got := allocbound.Allocated(func() { _, _ = Decode(s) })
		per := float64(got) / float64(len(s))
		t.Logf("%-28s %9d bytes in, %10d allocated, %7.2f B/byte", name, len(s), got, per)
		if got > allocbound.Bound(len(s)) {
			t.Errorf("Decode(%s): %d bytes allocated for %d bytes of input, above 16 B/byte + 64 KiB", name, got, len(s))
		}
		if per > worst {
			worst, worstName = per, name
		}
	}
	t.Logf("worst: %s, %.2f B/byte", worstName, worst)
}

// TestHostileStringsDecode checks that the hostile strings that are valid
// decode, so that the bound test measures real work, not an early error.
func TestHostileStringsDecode(t *testing.T) {
	for _, name := range []string{"restrictions 27 KB", "alternate vendor IDs", "bit field", "tcfcav1 restrictions", "4000 unknown sections"} {
		if _, err := Decode(hostileStrings()[name]); err != nil {
			t.Errorf("Decode(%s) = %v", name, err)
		}
	}
}
