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
