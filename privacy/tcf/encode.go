package tcf

import (
	"math/bits"
	"strconv"
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
//     longer form, and so does Encode);
//   - publisher restriction vendors as ranges of consecutive IDs, the
//     restrictions in the order of t.PublisherRestrictions.
//
// Times are rounded to the nearest decisecond. Encode never panics.
func Encode(t TCString) (string, error) {
	return Options{}.Encode(t)
}

// Encode writes t like the package-level [Encode], checking it against o.
func (o Options) Encode(t TCString) (string, error) {
	if err := o.check(&t, false); err != nil {
		return "", err
	}
	var scratch [512]byte
	w := writer{b: scratch[:0]}
	out := make([]byte, 0, 64+(t.VendorConsents.Max()+t.VendorLegitimateInterests.Max()+t.VendorsDisclosed.Max())/6)

	created, _ := deciseconds(t.Created)
	updated, _ := deciseconds(t.LastUpdated)
	w.write(Version, 6)
	w.write(created, 36)
	w.write(updated, 36)
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
	if err := writeVendors(&w, t.VendorConsents, SegmentCore, "core.vendorConsents"); err != nil {
		return "", err
	}
	if err := writeVendors(&w, t.VendorLegitimateInterests, SegmentCore, "core.vendorLegitimateInterests"); err != nil {
		return "", err
	}
	w.write(uint64(len(t.PublisherRestrictions)), 12)
	for i, r := range t.PublisherRestrictions {
		w.write(uint64(r.PurposeID), 6)
		w.write(uint64(r.Type), 2)
		n := 0
		for range runs(r.Vendors) {
			n++
		}
		if n > 4095 {
			return "", &FieldError{Segment: SegmentCore, Offset: -1, Err: ErrTooLarge,
				Field:  "core.publisherRestrictions[" + strconv.Itoa(i) + "].vendors",
				Detail: strconv.Itoa(n) + " range entries"}
		}
		w.write(uint64(n), 12)
		for a, b := range runs(r.Vendors) {
			writeRange(&w, a, b)
		}
	}
	out = w.finish(out)

	segment := func(typ Segment, fill func() error) error {
		out = append(out, '.')
		w = writer{b: w.b[:0]}
		w.write(uint64(typ), 3)
		if err := fill(); err != nil {
			return err
		}
		out = w.finish(out)
		return nil
	}
	if t.HasVendorsDisclosed {
		if err := segment(SegmentVendorsDisclosed, func() error {
			return writeVendors(&w, t.VendorsDisclosed, SegmentVendorsDisclosed, "vendorsDisclosed.vendors")
		}); err != nil {
			return "", err
		}
	}
	if t.HasVendorsAllowed {
		if err := segment(SegmentVendorsAllowed, func() error {
			return writeVendors(&w, t.VendorsAllowed, SegmentVendorsAllowed, "vendorsAllowed.vendors")
		}); err != nil {
			return "", err
		}
	}
	if t.HasPublisherTC {
		p := &t.PublisherTC
		_ = segment(SegmentPublisherTC, func() error {
			w.write(reverse(uint64(p.PurposeConsents), 24), 24)
			w.write(reverse(uint64(p.PurposeLegitimateInterests), 24), 24)
			n := p.NumCustomPurposes
			w.write(uint64(n), 6)
			w.wide(reverse(uint64(p.CustomPurposeConsents), n), n)
			w.wide(reverse(uint64(p.CustomPurposeLegitimateInterests), n), n)
			return nil
		})
	}
	return string(out), nil
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
// VendorVectorEncoder does.
func writeVendors(w *writer, s VendorSet, seg Segment, field string) error {
	maxID := s.Max()
	w.write(uint64(maxID), 16)
	useRange, n := chooseRange(s, maxID)
	if !useRange {
		w.write(0, 1)
		for id := 1; id <= maxID; id += 32 {
			k := min(32, maxID-id+1)
			w.write(reverse(s.bitsAt(id, k), k), k)
		}
		return nil
	}
	if n > 4095 {
		return &FieldError{Segment: seg, Field: field, Offset: -1, Err: ErrTooLarge,
			Detail: strconv.Itoa(n) + " range entries"}
	}
	w.write(1, 1)
	w.write(uint64(n), 12)
	for a, b := range runs(s) {
		writeRange(w, a, b)
	}
	return nil
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
	limit := 17 + maxID
	length := 29
	n := 0
	prevSingle := false
	for a, b := range runs(s) {
		if n > 0 {
			if prevSingle {
				length += 16
			} else {
				length += 33
			}
			if length >= limit {
				return false, 0
			}
		}
		n++
		prevSingle = a == b
	}
	if !prevSingle {
		length += 17
	}
	return length < limit, n
}

// runs yields the maximal runs of consecutive IDs of s as (first, last).
func runs(s VendorSet) func(yield func(int, int) bool) {
	return func(yield func(int, int) bool) {
		for a := s.next(1, true); a > 0; {
			b := s.next(a, false) - 1
			if !yield(a, b) {
				return
			}
			a = s.next(b+1, true)
		}
	}
}

// next returns the smallest ID >= from that is in s (set) or not in s
// (!set); for !set it may be Max()+1. It returns 0 when there is none.
func (s VendorSet) next(from int, set bool) int {
	i := from >> 6
	if i >= len(s.w) {
		if set {
			return 0
		}
		return from
	}
	word := func(i int) uint64 {
		if set {
			return s.w[i]
		}
		return ^s.w[i]
	}
	x := word(i) &^ (1<<(from&63) - 1)
	for x == 0 {
		i++
		if i >= len(s.w) {
			if set {
				return 0
			}
			return i * 64
		}
		x = word(i)
	}
	return i*64 + bits.TrailingZeros64(x)
}

// bitsAt returns the membership of IDs id..id+k-1 (k <= 32) with ID id in
// bit 0; id must be at most Max().
func (s VendorSet) bitsAt(id, k int) uint64 {
	i, sh := id>>6, id&63
	v := s.w[i] >> sh
	if sh+k > 64 && i+1 < len(s.w) {
		v |= s.w[i+1] << (64 - sh)
	}
	return v & (1<<k - 1)
}
