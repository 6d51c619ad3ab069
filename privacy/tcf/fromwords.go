package tcf

// VendorSetFromWords returns the set holding vendor ID id wherever bit id%64
// of words[id/64] is set, the layout of a bitset in 64-bit words. Bit 0 of
// words[0] (ID 0) and bits above [MaxVendorID] are ignored, and words is
// copied, not retained: VendorSetFromWords([]uint64{0b1010}) is {1 3}. It
// lets a decoder that builds vendor bits itself, such as privacy/gpp's,
// make a VendorSet without listing the IDs one by one.
func VendorSetFromWords(words []uint64) VendorSet {
	n := min(len(words), MaxVendorID>>6+1)
	if n == 0 {
		return VendorSet{}
	}
	b := make(vendorBits, n)
	copy(b, words[:n])
	b[0] &^= 1
	if n == MaxVendorID>>6+1 {
		b[n-1] &= ^uint64(0) >> (63 - MaxVendorID&63)
	}
	return b.set()
}

// VendorSetFromRanges returns the set of the IDs in the inclusive ranges,
// each given as {from, to}; IDs outside 1..MaxVendorID are dropped and a
// range with to < from is empty: VendorSetFromRanges([][2]int{{1, 3},
// {7, 7}}) is {1-3 7}. The set is held as runs or as a bitset, whichever
// is smaller, as Decode keeps it, so a decoder of untrusted input that
// lists a few wide ranges allocates a few words, not 1,024.
func VendorSetFromRanges(ranges [][2]int) VendorSet {
	w := make([]uint64, 1, len(ranges)+1)
	for _, r := range ranges {
		from, to := max(r[0], 1), min(r[1], MaxVendorID)
		if to >= from {
			w = append(w, packRun(from, to))
		}
	}
	s := runSet(w)
	if s.isRuns() && s.Max()>>6+1 <= len(s.w) {
		return s.dense()
	}
	return s
}
