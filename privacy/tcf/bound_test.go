package tcf

import (
	"encoding/base64"
	"github.com/pimkit/pimkit/internal/allocbound"
	"strings"
	"testing"
)

// bitString builds the base64url text of one segment from bit fields.
type bitString struct{ w writer }

func (b *bitString) put(v uint64, k int) *bitString { b.w.wide(v, k); return b }

func (b *bitString) text() string {
	from, to := b.w.endSegment()
	return base64.RawURLEncoding.EncodeToString(b.w.b[from:to])
}

// hostileCore starts a core segment with valid fixed fields, up to the
// vendor consents.
func hostileCore() *bitString {
	b := &bitString{w: writer{b: make([]byte, 64)}}
	b.put(Version, 6).put(17_000_000_000, 36).put(17_000_000_000, 36)
	b.put(300, 12).put(1, 12).put(1, 6).put(3<<6, 12) // cmp, screen, "DA"
	b.put(180, 12).put(5, 6).put(0, 2).put(0, 12).put(1, 24).put(0, 24).put(0, 1)
	b.put(3<<6|10, 12) // "DK"
	return b
}

// hostileTCStrings are the inputs whose decoding is bounded: each maps a
// name to a string.
func hostileTCStrings() map[string]string {
	empty := func(b *bitString) { b.put(0, 16).put(0, 1) } // no vendors
	full := func(b *bitString) { b.put(1, 1).put(1, 16).put(MaxVendorID, 16) }

	// restrictions: n restrictions, each for every vendor, as in a 4 KB
	// string that once allocated 5.5 MB.
	restrictions := func(n int, vendors bool) string {
		b := hostileCore()
		empty(b)
		empty(b)
		b.put(uint64(n), 12)
		for i := range n {
			if !vendors {
				b.put(uint64(i%24+1), 6).put(uint64(i%3), 2).put(0, 12)
				continue
			}
			b.put(uint64(i%24+1), 6).put(uint64(i%3), 2).put(1, 12)
			full(b)
		}
		return b.text()
	}
	// ranges: vendor consents as 4095 entries each for every vendor.
	ranges := func() string {
		b := hostileCore()
		b.put(MaxVendorID, 16).put(1, 1).put(4095, 12)
		for range 4095 {
			full(b)
		}
		empty(b)
		b.put(0, 12)
		return b.text()
	}()
	// bitField: every vendor section a bit field of 65535 alternate bits.
	bitField := func(seg int) string {
		b := &bitString{w: writer{b: make([]byte, 64)}}
		b.put(uint64(seg), 3).put(MaxVendorID, 16).put(0, 1)
		for i := 0; i < MaxVendorID; i++ {
			b.put(uint64(i&1), 1)
		}
		return b.text()
	}
	core := restrictions(0, false)
	m := map[string]string{
		"restrictions 4 KB":           restrictions(600, true),
		"restrictions 25 KB":          restrictions(4095, true),
		"empty restrictions":          restrictions(4095, false),
		"ranges of every vendor":      ranges,
		"bit fields":                  core + "." + bitField(1) + "." + bitField(2),
		"core then 1 MiB of dots":     core + strings.Repeat(".", 1<<20),
		"core then 1 MiB of segments": core + strings.Repeat("."+bitField(1)[:8], 1<<17),
		"1 MiB of A":                  strings.Repeat("A", 1<<20),
		"1 MiB of junk":               strings.Repeat("C~", 1<<19),
		"core then 1 MiB segment":     core + "." + strings.Repeat("g", 1<<20),
	}
	m["restrictions 25 KB then dots"] = m["restrictions 25 KB"] + strings.Repeat(".", 1<<20)
	return m
}

// TestDecodeAllocationBound checks Decode's documented bound on hostile
// strings: a string of restrictions each naming every vendor, 4 KB long,
// once allocated 5.5 MB, and a core followed by 1 MiB of dots sized a
// buffer from the dot count.
func TestDecodeAllocationBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	worst, worstName := 0.0, ""
	for name, s := range hostileTCStrings() {
		got := allocbound.Allocated(func() { _, _ = Decode(s) })
		per := float64(got) / float64(len(s))
		t.Logf("%-30s %9d bytes in, %10d allocated, %7.2f B/byte", name, len(s), got, per)
		if got > allocbound.Bound(len(s)) {
			t.Errorf("Decode(%s): %d bytes allocated for %d bytes of input, above 16 B/byte + 64 KiB", name, got, len(s))
		}
		if per > worst {
			worst, worstName = per, name
		}
	}
	t.Logf("worst: %s, %.2f B/byte", worstName, worst)
}

func BenchmarkDecodeHostile(b *testing.B) {
	for name, s := range hostileTCStrings() {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				_, _ = Decode(s)
			}
		})
	}
}

// TestVendorSetRuns checks that a set held as runs behaves as the same set
// held as a bitset.
func TestVendorSetRuns(t *testing.T) {
	runs := runSet([]uint64{0, packRun(300, 400), packRun(1, 3), packRun(4, 4), packRun(350, 70000-4465)})
	if !runs.isRuns() {
		t.Fatal("runSet did not keep runs")
	}
	dense := runs.dense()
	if dense.isRuns() {
		t.Fatal("dense kept runs")
	}
	if got, want := runs.String(), "{1-4 300-65535}"; got != want {
		t.Errorf("String() = %s, want %s", got, want)
	}
	if !runs.Equal(dense) || !dense.Equal(runs) {
		t.Error("runs and bitset of one set are not Equal")
	}
	if runs.Len() != dense.Len() || runs.Max() != dense.Max() || runs.Len() != 4+65535-299 {
		t.Errorf("Len/Max: runs %d/%d, bitset %d/%d", runs.Len(), runs.Max(), dense.Len(), dense.Max())
	}
	for _, id := range []int{0, 1, 4, 5, 299, 300, 301, 65535, 65536} {
		if runs.Has(id) != dense.Has(id) {
			t.Errorf("Has(%d): runs %v, bitset %v", id, runs.Has(id), dense.Has(id))
		}
	}
	if w := runs.With(5).Without(300); !w.Equal(dense.With(5).Without(300)) || w.Has(300) || !w.Has(5) {
		t.Errorf("With/Without on runs = %s", w)
	}
	if u := runs.Union(NewVendorSet(7)); !u.Has(7) || !u.Has(65535) {
		t.Errorf("Union = %s", u)
	}
	var back VendorSet
	text, _ := runs.MarshalText()
	if err := back.UnmarshalText(text); err != nil || !back.Equal(runs) || !back.isRuns() {
		t.Errorf("UnmarshalText(%s) = %s, %v (runs %v)", text, back, err, back.isRuns())
	}
	if runs.Equal(VendorRange(1, 65535)) {
		t.Error("different sets Equal")
	}
}

// TestVendorRangeKeepsRuns checks that a TC string whose vendor consents
// are one range of every vendor decodes to a set of two words, not 1,024.
func TestVendorRangeKeepsRuns(t *testing.T) {
	s, err := Encode(TCString{
		Created: v23Created, LastUpdated: v23Created, CMPID: 2, VendorListVersion: 1, PolicyVersion: 5,
		ConsentLanguage: "DA", PublisherCountryCode: "DK", HasVendorsDisclosed: true,
		VendorConsents: VendorRange(1, MaxVendorID),
		PublisherRestrictions: []PublisherRestriction{
			{PurposeID: 2, Type: NotAllowed, Vendors: VendorRange(1, MaxVendorID)},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]VendorSet{"vendorConsents": got.VendorConsents, "restriction": got.PublisherRestrictions[0].Vendors} {
		if len(v.w) != 2 || v.Len() != MaxVendorID {
			t.Errorf("%s: %d words, %d vendors; want 2 words, %d vendors", name, len(v.w), v.Len(), MaxVendorID)
		}
	}
}

// hostileTexts are inputs for the text decoders of the package's types.
func hostileTexts() map[string][]byte {
	return map[string][]byte{
		"1 MiB of single IDs":  []byte("{" + strings.Repeat("1 ", 1<<19) + "}"),
		"1 MiB of full ranges": []byte("{" + strings.Repeat("1-65535 ", 1<<17) + "}"),
		"1 MiB of spaces":      []byte("{" + strings.Repeat(" ", 1<<20) + "}"),
		"1 MiB of digits":      []byte("{" + strings.Repeat("9", 1<<20) + "}"),
		"1 MiB unbraced":       []byte(strings.Repeat("{", 1<<20)),
		"1 MiB of letters":     []byte(strings.Repeat("not_allowed", 1<<16)),
	}
}

// TestTextDecodersAllocationBound checks the documented bound of each
// UnmarshalText in the package on hostile text.
func TestTextDecodersAllocationBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	decoders := map[string]func([]byte) error{
		"IDSet":           func(b []byte) error { var v IDSet; return v.UnmarshalText(b) },
		"VendorSet":       func(b []byte) error { var v VendorSet; return v.UnmarshalText(b) },
		"TCString":        func(b []byte) error { var v TCString; return v.UnmarshalText(b) },
		"RestrictionType": func(b []byte) error { var v RestrictionType; return v.UnmarshalText(b) },
		"Segment":         func(b []byte) error { var v Segment; return v.UnmarshalText(b) },
		"DisclosedRule":   func(b []byte) error { var v DisclosedRule; return v.UnmarshalText(b) },
	}
	for dname, dec := range decoders {
		for name, in := range hostileTexts() {
			got := allocbound.Allocated(func() { _ = dec(in) })
			if got > allocbound.Bound(len(in)) {
				t.Errorf("%s.UnmarshalText(%s): %d bytes allocated for %d bytes, above 16 B/byte + 64 KiB", dname, name, got, len(in))
			}
			t.Logf("%-15s %-22s %6.2f B/byte", dname, name, float64(got)/float64(len(in)))
		}
	}
}

func BenchmarkVendorSetUnmarshalTextHostile(b *testing.B) {
	for name, in := range hostileTexts() {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				var v VendorSet
				_ = v.UnmarshalText(in)
			}
		})
	}
}
