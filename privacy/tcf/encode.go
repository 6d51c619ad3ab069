package tcf

import (
	"encoding/base64"
	"math/bits"
	"strconv"
	"strings"
)

// Encode writes t as a TC string with the default [Options], after checking
// it as [Validate] does. The output matches the official JavaScript library
// @iabtechlabtcf/core byte for byte:
//
//   - segments in the order core, vendorsDisclosed, vendorsAllowed,
//     publisherTC, each present only when its Has field is set, joined by
//     dots;
//   - each segment padded with zero bits to a multiple of 24 bits and
//     written as base64url without padding characters;
//   - each vendor section as a bit field or as ranges by the library's rule:
//     ranges only when MaxVendorId is above 45 and the library's running
//     estimate of the range length stays below the bit field's length (the
//     estimate counts 16 bits for a single-vendor entry and leaves out the
//     last entry's final ID, so near the break-even point it may pick the
//     longer form, and so does Encode: vendors {1-3 50} are written as
//     two range entries, 79 bits, though the bit field takes 67);
//   - publisher restriction vendors as ranges of consecutive IDs, the
//     restrictions in the order of t.PublisherRestrictions.
//
// Times are rounded to the nearest decisecond. Encode never panics.
func Encode(t TCString) (string, error) {
	return Options{}.Encode(t)
}

// Encode writes t like the package-level [Encode], checking it against o.
func (o Options) Encode(t TCString) (string, error) {
	if err := o.check(&t, forEncode); err != nil {
		return "", err
	}
	var scratch [1024]byte
	w := writer{b: scratch[:]}
	var bounds [4][2]int // byte bounds of each segment written
	nseg := 0
	end := func() {
		bounds[nseg][0], bounds[nseg][1] = w.endSegment()
		nseg++
	}

	created, _ := deciseconds(t.Created)
	updated, _ := deciseconds(t.LastUpdated)
	w.write(Version, 6)
	w.wide(created, 36)
	w.wide(updated, 36)
	w.write(uint64(t.CMPID), 12)
	w.write(uint64(t.CMPVersion), 12)
	w.write(uint64(t.ConsentScreen), 6)
	writeLetters(&w, t.ConsentLanguage)
	w.write(uint64(t.VendorListVersion), 12)
	w.write(uint64(t.PolicyVersion), 6)
	w.flag(t.IsServiceSpecific)
	w.flag(t.UseNonStandardTexts)
	w.write(reverse(uint64(t.SpecialFeatureOptIns), 12), 12)
	w.write(reverse(uint64(t.PurposeConsents), 24), 24)
	w.write(reverse(uint64(t.PurposeLegitimateInterests), 24), 24)
	w.flag(t.PurposeOneTreatment)
	writeLetters(&w, t.PublisherCountryCode)
	if n, ok := writeVendors(&w, t.VendorConsents); !ok {
		return "", tooLarge(SegmentCore, "core.vendorConsents", n)
	}
	if n, ok := writeVendors(&w, t.VendorLegitimateInterests); !ok {
		return "", tooLarge(SegmentCore, "core.vendorLegitimateInterests", n)
	}
	w.write(uint64(len(t.PublisherRestrictions)), 12)
	for i, r := range t.PublisherRestrictions {
		w.write(uint64(r.PurposeID), 6)
		w.write(uint64(r.Type), 2)
		n, _ := runStats(r.Vendors)
		if n > 4095 {
			return "", tooLarge(SegmentCore, "core.publisherRestrictions["+strconv.Itoa(i)+"].vendors", n)
		}
		w.write(uint64(n), 12)
		writeRuns(&w, r.Vendors)
	}
	end()
	if t.HasVendorsDisclosed {
		w.write(uint64(SegmentVendorsDisclosed), 3)
		if n, ok := writeVendors(&w, t.VendorsDisclosed); !ok {
			return "", tooLarge(SegmentVendorsDisclosed, "vendorsDisclosed.vendors", n)
		}
		end()
	}
	if t.HasVendorsAllowed {
		w.write(uint64(SegmentVendorsAllowed), 3)
		if n, ok := writeVendors(&w, t.VendorsAllowed); !ok {
			return "", tooLarge(SegmentVendorsAllowed, "vendorsAllowed.vendors", n)
		}
		end()
	}
	if t.HasPublisherTC {
		p := &t.PublisherTC
		w.write(uint64(SegmentPublisherTC), 3)
		w.write(reverse(uint64(p.PurposeConsents), 24), 24)
		w.write(reverse(uint64(p.PurposeLegitimateInterests), 24), 24)
		n := p.NumCustomPurposes
		w.write(uint64(n), 6)
		w.wide(reverse(uint64(p.CustomPurposeConsents), n), n)
		w.wide(reverse(uint64(p.CustomPurposeLegitimateInterests), n), n)
		end()
	}

	// Every segment is a multiple of 3 bytes: 4 characters per 3 bytes.
	size := nseg - 1
	for _, b := range bounds[:nseg] {
		size += (b[1] - b[0]) / 3 * 4
	}
	var sb strings.Builder
	sb.Grow(size)
	var chunk [1024]byte
	for i, b := range bounds[:nseg] {
		if i > 0 {
			sb.WriteByte('.')
		}
		for from := b[0]; from < b[1]; from += 768 {
			to := min(from+768, b[1])
			n := (to - from) / 3 * 4
			base64.RawURLEncoding.Encode(chunk[:n], w.b[from:to])
			sb.Write(chunk[:n])
		}
	}
	return sb.String(), nil
}

func tooLarge(seg Segment, field string, n int) error {
	return fieldError("encode", seg, field, -1, ErrTooLarge, strconv.Itoa(n)+" range entries")
}

// writeLetters writes a two-letter code validated as A-Z.
func writeLetters(w *writer, s string) {
	w.write(uint64(s[0]-'A')<<6|uint64(s[1]-'A'), 12)
}

// writeRange writes one range entry for the vendors a..b.
func writeRange(w *writer, a, b int) {
	if a == b {
		w.write(uint64(a), 17) // IsARange 0, then the ID
		return
	}
	w.write(1<<16|uint64(a), 17)
	w.write(uint64(b), 16)
}

// writeVendors writes a vendor section (spec "Vendor Consent Section"),
// choosing bit field or range encoding as the official library's
// VendorVectorEncoder does. It fails, returning the number of range entries,
// when they exceed the 12-bit count.
func writeVendors(w *writer, s VendorSet) (int, bool) {
	maxID := s.Max()
	w.write(uint64(maxID), 16)
	useRange, n := chooseRange(s, maxID)
	if !useRange {
		w.write(0, 1)
		s = s.dense()
		for id := 1; id <= maxID; id += 64 {
			k := min(64, maxID-id+1)
			w.wide(reverse(s.bitsAt(id, k), k), k)
		}
		return 0, true
	}
	if n > 4095 {
		return n, false
	}
	w.write(1, 1)
	w.write(uint64(n), 12)
	writeRuns(w, s)
	return n, true
}

// writeRuns writes the runs of consecutive IDs of s as range entries.
func writeRuns(w *writer, s VendorSet) {
	if s.isRuns() {
		for i := 0; i < len(s.w)-1; i++ {
			from, to := s.runAt(i)
			writeRange(w, from, to)
		}
		return
	}
	for a := s.nextIn(1); a > 0; {
		b := s.nextOut(a) - 1
		writeRange(w, a, b)
		a = s.nextIn(b + 1)
	}
}

// chooseRange reproduces the choice of @iabtechlabtcf/core's
// VendorVectorEncoder.encode. It walks IDs 1..maxId and, before each ID,
// sets rangeIsSmaller = maxId > 45 && rangeLength < 17 + maxId, growing
// rangeLength (from 29) only while that holds: 17 bits when a run of two or
// more starts, 16 when any run ends. The value left after the last ID decides;
// as rangeLength never shrinks, once false it stays false. At the last
// check, every run before the last one is counted in full (16 bits for a
// single ID, 33 for a range) and the last run only by its start (17 bits if
// it is a range, nothing if it is a single ID). It also returns the number of
// runs.
func chooseRange(s VendorSet, maxID int) (bool, int) {
	if maxID <= 45 {
		return false, 0
	}
	runs, singles := runStats(s)
	lastSingle := !s.Has(maxID - 1)
	length := 29
	if lastSingle {
		singles-- // the last run is counted apart
	} else {
		length += 17
	}
	length += 16*singles + 33*(runs-1-singles)
	return length < 17+maxID, runs
}

// runStats counts the runs of consecutive IDs in s and how many of them are
// single IDs, a word at a time: a run starts at a set bit whose predecessor
// is clear and ends at a set bit whose successor is clear.
func runStats(s VendorSet) (runs, singles int) {
	if s.isRuns() {
		for i := 0; i < len(s.w)-1; i++ {
			if from, to := s.runAt(i); from == to {
				singles++
			}
		}
		return len(s.w) - 1, singles
	}
	var carry uint64 // top bit of the previous word
	for i, x := range s.w {
		var next uint64
		if i+1 < len(s.w) {
			next = s.w[i+1] & 1
		}
		starts := x &^ (x<<1 | carry)
		ends := x &^ (x>>1 | next<<63)
		runs += bits.OnesCount64(starts)
		singles += bits.OnesCount64(starts & ends)
		carry = x >> 63
	}
	return runs, singles
}

// nextIn returns the smallest ID >= from in s, or 0 when there is none.
func (s VendorSet) nextIn(from int) int {
	i := from >> 6
	if i >= len(s.w) {
		return 0
	}
	x := s.w[i] &^ (1<<(from&63) - 1)
	for x == 0 {
		i++
		if i >= len(s.w) {
			return 0
		}
		x = s.w[i]
	}
	return i*64 + bits.TrailingZeros64(x)
}

// nextOut returns the smallest ID >= from not in s; from must be >= 1.
func (s VendorSet) nextOut(from int) int {
	i := from >> 6
	if i >= len(s.w) {
		return from
	}
	x := ^s.w[i] &^ (1<<(from&63) - 1)
	for x == 0 {
		i++
		if i >= len(s.w) {
			return i * 64
		}
		x = ^s.w[i]
	}
	return i*64 + bits.TrailingZeros64(x)
}

// bitsAt returns the membership of IDs id..id+k-1 (1 <= k <= 64) with ID id
// in bit 0; id must be at most Max().
func (s VendorSet) bitsAt(id, k int) uint64 {
	i, sh := id>>6, id&63
	v := s.w[i] >> sh
	if sh > 0 && i+1 < len(s.w) {
		v |= s.w[i+1] << (64 - sh)
	}
	if k < 64 {
		v &= 1<<k - 1
	}
	return v
}

// MarshalText encodes t with the default [Options], so that a TCString
// field is written as its TC string in JSON or XML; it fails as [Encode]
// does, for example for a model whose VendorListVersion is 0.
func (t TCString) MarshalText() ([]byte, error) {
	s, err := Encode(t)
	if err != nil {
		return nil, err
	}
	return []byte(s), nil
}

// UnmarshalText decodes text with the default [Options]; on error *t is
// left unchanged, so an empty JSON string "" leaves it as it was and
// returns [ErrBase64]. Like [Decode] it allocates at most 16 bytes per
// byte of text plus 64 KiB.
func (t *TCString) UnmarshalText(text []byte) error {
	v, err := Decode(string(text))
	if err != nil {
		return err
	}
	*t = v
	return nil
}
