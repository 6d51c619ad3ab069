package tcf

import (
	"bytes"
	"cmp"
	"fmt"
	"iter"
	"math/bits"
	"slices"
	"strconv"
	"strings"
)

// MaxVendorID is the largest vendor ID a TC string can carry: vendor IDs are
// 16-bit fields (spec "Vendor Consent Section", MaxVendorId).
const MaxVendorID = 1<<16 - 1

// IDSet is a small set of IDs 1 to 64 held in one machine word: purposes,
// special features and publisher custom purposes. Bit id-1 stands for ID id.
// The zero value is the empty set.
//
// IDs outside 1..64 cannot be held and are ignored by [NewIDSet] and
// [IDSet.With]: NewIDSet(0, 3, 65) holds only 3. Which IDs a field may carry
// (1-24 for purposes, 1-12 for special features) is checked by [Encode] and
// [Validate], not here.
type IDSet uint64

// NewIDSet returns the set of the given IDs; IDs outside 1..64 are ignored,
// so NewIDSet(0, 2, 99) equals NewIDSet(2).
func NewIDSet(ids ...int) IDSet {
	return IDSet(0).With(ids...)
}

// With returns s with the given IDs added; IDs outside 1..64 are ignored:
// NewIDSet(1).With(65) is {1}.
func (s IDSet) With(ids ...int) IDSet {
	for _, id := range ids {
		if id >= 1 && id <= 64 {
			s |= 1 << (id - 1)
		}
	}
	return s
}

// Without returns s with the given IDs removed; IDs not in s are ignored:
// NewIDSet(1, 2).Without(2, 7) is {1}.
func (s IDSet) Without(ids ...int) IDSet {
	for _, id := range ids {
		if id >= 1 && id <= 64 {
			s &^= 1 << (id - 1)
		}
	}
	return s
}

// Has reports whether id is in s; IDs outside 1..64 are never in a set:
// NewIDSet(1).Has(0) is false.
func (s IDSet) Has(id int) bool {
	return id >= 1 && id <= 64 && s&(1<<(id-1)) != 0
}

// Len returns the number of IDs in s: NewIDSet(1, 1, 3).Len() is 2.
func (s IDSet) Len() int { return bits.OnesCount64(uint64(s)) }

// Max returns the largest ID in s, or 0 for the empty set:
// NewIDSet(2, 11).Max() is 11.
func (s IDSet) Max() int { return 64 - bits.LeadingZeros64(uint64(s)) }

// All yields the IDs of s in ascending order: NewIDSet(3, 1) yields 1, 3.
func (s IDSet) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		for w := uint64(s); w != 0; w &= w - 1 {
			if !yield(bits.TrailingZeros64(w) + 1) {
				return
			}
		}
	}
}

// IDs returns the IDs of s in ascending order, or nil for the empty set:
// NewIDSet(7, 2).IDs() is [2 7].
func (s IDSet) IDs() []int {
	if s == 0 {
		return nil
	}
	ids := make([]int, 0, s.Len())
	for id := range s.All() {
		ids = append(ids, id)
	}
	return ids
}

// String formats s as its IDs in braces with runs collapsed:
// NewIDSet(1, 2, 3, 7).String() is "{1-3 7}" and the empty set is "{}".
func (s IDSet) String() string {
	return formatRuns(s.All())
}

// VendorSet is an immutable set of vendor IDs 1 to [MaxVendorID], stored as
// a bitset so that membership is one shift and iteration is in ascending
// order. The zero value is the empty set. Methods that change a set return a
// new one and never modify the receiver, so VendorSet values are safe to copy
// and to share between goroutines.
//
// IDs outside 1..MaxVendorID cannot be held and are ignored by
// [NewVendorSet], [VendorRange] and [VendorSet.With]: NewVendorSet(0, 5,
// 70000) holds only 5.
type VendorSet struct {
	// w has one of two forms, told apart by bit 0 of w[0] (ID 0, which a
	// set never holds):
	//   - a bitset: w holds ID id at bit id%64 of w[id/64]; the last word is
	//     non-zero, so equal bitsets have equal slices;
	//   - runs, when bit 0 of w[0] is set: w[0] is 1 and each later word is
	//     from<<32 | to for the run from..to, sorted, neither overlapping
	//     nor touching, so equal run lists have equal slices.
	// Decoding keeps range entries as runs when a bitset would be larger, so
	// the set {1-65535} costs two words rather than 1,024.
	w []uint64
}

// isRuns reports whether s is held as runs.
func (s VendorSet) isRuns() bool { return len(s.w) > 0 && s.w[0]&1 != 0 }

// runAt returns the i-th run of a set held as runs.
func (s VendorSet) runAt(i int) (from, to int) {
	x := s.w[i+1]
	return int(x >> 32), int(uint32(x))
}

// dense returns s as a bitset; a bitset is returned as it is.
func (s VendorSet) dense() VendorSet {
	if !s.isRuns() {
		return s
	}
	b := newVendorBits(s.Max())
	for i := 0; i < len(s.w)-1; i++ {
		b.setRange(s.runAt(i))
	}
	return b.set()
}

// packRun packs the run from..to as a word of the runs form.
func packRun(from, to int) uint64 { return uint64(from)<<32 | uint64(to) }

// runSet sorts and merges the runs in w[1:], which holds packed runs, and
// freezes w into a VendorSet held as runs; w[0] is overwritten.
func runSet(w []uint64) VendorSet {
	if len(w) < 2 {
		return VendorSet{}
	}
	rs := w[1:]
	slices.Sort(rs)
	k := 0
	for _, x := range rs[1:] {
		cur := rs[k]
		from, to := x>>32, uint64(uint32(x))
		if end := uint64(uint32(cur)); from <= end+1 {
			if to > end {
				rs[k] = cur&^(1<<32-1) | to
			}
			continue
		}
		k++
		rs[k] = x
	}
	w[0] = 1
	return VendorSet{w: w[: k+2 : k+2]}
}

// NewVendorSet returns the set of the given vendor IDs; IDs outside
// 1..MaxVendorID are ignored, so NewVendorSet(0, 8) equals NewVendorSet(8).
func NewVendorSet(ids ...int) VendorSet {
	return VendorSet{}.With(ids...)
}

// VendorRange returns the set of vendor IDs from through to inclusive,
// clamped to 1..MaxVendorID; it is empty when to < from:
// VendorRange(3, 5) is {3-5} and VendorRange(5, 3) is {}.
func VendorRange(from, to int) VendorSet {
	from = max(from, 1)
	to = min(to, MaxVendorID)
	if to < from {
		return VendorSet{}
	}
	if to>>6 > 1 {
		return runSet([]uint64{0, packRun(from, to)})
	}
	b := newVendorBits(to)
	b.setRange(from, to)
	return b.set()
}

// With returns a copy of s with the given IDs added; IDs outside
// 1..MaxVendorID are ignored: NewVendorSet(1).With(0) equals NewVendorSet(1).
func (s VendorSet) With(ids ...int) VendorSet {
	s = s.dense()
	top := s.Max()
	for _, id := range ids {
		if id >= 1 && id <= MaxVendorID {
			top = max(top, id)
		}
	}
	b := newVendorBits(top)
	copy(b, s.w)
	for _, id := range ids {
		if id >= 1 && id <= MaxVendorID {
			b.add(id)
		}
	}
	return b.set()
}

// Without returns a copy of s with the given IDs removed; IDs not in s are
// ignored: NewVendorSet(1, 2).Without(2, 9) equals NewVendorSet(1).
func (s VendorSet) Without(ids ...int) VendorSet {
	s = s.dense()
	b := vendorBits(append([]uint64(nil), s.w...))
	for _, id := range ids {
		if s.Has(id) {
			b[id>>6] &^= 1 << (id & 63)
		}
	}
	return b.set()
}

// Union returns the IDs in s or t: NewVendorSet(1).Union(NewVendorSet(4))
// equals NewVendorSet(1, 4).
func (s VendorSet) Union(t VendorSet) VendorSet {
	a, b := s.dense().w, t.dense().w
	if len(a) < len(b) {
		a, b = b, a
	}
	out := vendorBits(append([]uint64(nil), a...))
	for i, x := range b {
		out[i] |= x
	}
	return out.set()
}

// Has reports whether id is in s; IDs outside 1..MaxVendorID never are:
// NewVendorSet(1).Has(-1) is false.
func (s VendorSet) Has(id int) bool {
	if s.isRuns() {
		// The first run ending at or after id holds it if it starts by id.
		rs := s.w[1:]
		i, _ := slices.BinarySearchFunc(rs, id, func(x uint64, id int) int { return cmp.Compare(int(uint32(x)), id) })
		return i < len(rs) && int(rs[i]>>32) <= id
	}
	i := id >> 6
	return id >= 1 && i < len(s.w) && s.w[i]&(1<<(id&63)) != 0
}

// IsEmpty reports whether s holds no IDs; the zero VendorSet is empty.
func (s VendorSet) IsEmpty() bool { return len(s.w) == 0 }

// Len returns the number of IDs in s: NewVendorSet(1, 1, 700).Len() is 2.
func (s VendorSet) Len() int {
	n := 0
	if s.isRuns() {
		for i := 0; i < len(s.w)-1; i++ {
			from, to := s.runAt(i)
			n += to - from + 1
		}
		return n
	}
	for _, x := range s.w {
		n += bits.OnesCount64(x)
	}
	return n
}

// Max returns the largest ID in s, or 0 for the empty set; it is the
// MaxVendorId a TC string records: NewVendorSet(3, 912).Max() is 912.
func (s VendorSet) Max() int {
	if len(s.w) == 0 {
		return 0
	}
	last := len(s.w) - 1
	if s.isRuns() {
		return int(uint32(s.w[last]))
	}
	return last*64 + 63 - bits.LeadingZeros64(s.w[last])
}

// All yields the IDs of s in ascending order: NewVendorSet(9, 2) yields 2, 9.
func (s VendorSet) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		if s.isRuns() {
			for i := 0; i < len(s.w)-1; i++ {
				from, to := s.runAt(i)
				for id := from; id <= to; id++ {
					if !yield(id) {
						return
					}
				}
			}
			return
		}
		for i, x := range s.w {
			for ; x != 0; x &= x - 1 {
				if !yield(i*64 + bits.TrailingZeros64(x)) {
					return
				}
			}
		}
	}
}

// IDs returns the IDs of s in ascending order, or nil for the empty set:
// NewVendorSet(9, 2).IDs() is [2 9].
func (s VendorSet) IDs() []int {
	if len(s.w) == 0 {
		return nil
	}
	ids := make([]int, 0, s.Len())
	for id := range s.All() {
		ids = append(ids, id)
	}
	return ids
}

// Equal reports whether s and t hold the same IDs. Use it (or go-cmp, which
// calls it) rather than ==, which does not compile for VendorSet.
func (s VendorSet) Equal(t VendorSet) bool {
	if s.isRuns() != t.isRuns() {
		s, t = s.dense(), t.dense()
	}
	if len(s.w) != len(t.w) {
		return false
	}
	for i := range s.w {
		if s.w[i] != t.w[i] {
			return false
		}
	}
	return true
}

// String formats s as its IDs in braces with runs collapsed:
// NewVendorSet(1, 2, 3, 10).String() is "{1-3 10}" and the empty set is "{}".
func (s VendorSet) String() string {
	return formatRuns(s.All())
}

// formatRuns writes ascending IDs as "{a-b c}".
func formatRuns(ids iter.Seq[int]) string {
	var sb strings.Builder
	sb.WriteByte('{')
	start, prev := -1, -1
	flush := func() {
		if start < 0 {
			return
		}
		if sb.Len() > 1 {
			sb.WriteByte(' ')
		}
		sb.WriteString(strconv.Itoa(start))
		if prev > start {
			sb.WriteByte('-')
			sb.WriteString(strconv.Itoa(prev))
		}
	}
	for id := range ids {
		if id != prev+1 || start < 0 {
			flush()
			start = id
		}
		prev = id
	}
	flush()
	sb.WriteByte('}')
	return sb.String()
}

// vendorBits is the mutable form of a VendorSet used while building one.
type vendorBits []uint64

// newVendorBits returns zeroed bits able to hold IDs up to top.
func newVendorBits(top int) vendorBits {
	if top <= 0 {
		return nil
	}
	return make(vendorBits, top>>6+1)
}

func (b vendorBits) add(id int) { b[id>>6] |= 1 << (id & 63) }

// setRange adds from..to; both must fit in b and from <= to.
func (b vendorBits) setRange(from, to int) {
	fw, tw := from>>6, to>>6
	lo := ^uint64(0) << (from & 63)
	hi := ^uint64(0) >> (63 - to&63)
	if fw == tw {
		b[fw] |= lo & hi
		return
	}
	b[fw] |= lo
	for i := fw + 1; i < tw; i++ {
		b[i] = ^uint64(0)
	}
	b[tw] |= hi
}

// set trims trailing zero words and freezes b into a VendorSet.
func (b vendorBits) set() VendorSet {
	n := len(b)
	for n > 0 && b[n-1] == 0 {
		n--
	}
	if n == 0 {
		return VendorSet{}
	}
	return VendorSet{w: b[:n:n]}
}

// MarshalText writes s as String does: "{1-3 7}", "{}" for the empty set.
func (s IDSet) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads what MarshalText writes. An ID outside 1..64, a
// range that ends before it starts or other text is an error matching
// [ErrInvalidValue] that names the entry by its position, not its text,
// and s is left unchanged. It reads text in place and allocates only for
// an error: at most 16 bytes per byte of text plus 64 KiB.
func (s *IDSet) UnmarshalText(text []byte) error {
	var v IDSet
	err := parseRuns(text, 64, func(from, to int) {
		for id := from; id <= to; id++ {
			v = v.With(id)
		}
	})
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalText writes s as String does: "{1-3 10}", "{}" for the empty
// set, so a set of every vendor is a few bytes.
func (s VendorSet) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads what MarshalText writes. An ID outside
// 1..[MaxVendorID], a range that ends before it starts or other text is an
// error matching [ErrInvalidValue] that names the entry by its position,
// not its text, and s is left unchanged. Ranges stay ranges when a bitset
// would be larger, so it allocates at most 16 bytes per byte of text plus
// 64 KiB (about 4 per byte for "{1 1 1 ...}").
func (s *VendorSet) UnmarshalText(text []byte) error {
	runs := make([]uint64, 1, 1+countFields(text))
	err := parseRuns(text, MaxVendorID, func(from, to int) {
		runs = append(runs, packRun(from, to))
	})
	if err != nil {
		return err
	}
	v := runSet(runs)
	if v.Max()>>6 < len(v.w) {
		v = v.dense() // the bitset is no larger
	}
	*s = v
	return nil
}

// parseRuns reads "{a-b c ...}" with IDs 1..top and calls run for each
// run in it. It reads text in place; errors name an entry by its position,
// never by its text, which may be anything.
func parseRuns(text []byte, top int, run func(from, to int)) error {
	if len(text) < 2 || text[0] != '{' || text[len(text)-1] != '}' {
		return fmt.Errorf("%w: ID set of %d bytes is not in braces", ErrInvalidValue, len(text))
	}
	body := text[1 : len(text)-1]
	for i, k := 0, 0; i < len(body); k++ {
		for i < len(body) && isSpace(body[i]) {
			i++
		}
		if i == len(body) {
			break
		}
		j := i
		for j < len(body) && !isSpace(body[j]) {
			j++
		}
		from, to, ok := parseRun(body[i:j], top)
		if !ok {
			return fmt.Errorf("%w: ID set entry %d is not an ID or range within 1-%d", ErrInvalidValue, k, top)
		}
		run(from, to)
		i = j
	}
	return nil
}

// countFields returns the number of space-separated entries in text.
func countFields(text []byte) int {
	n := 0
	for i := range text {
		if !isSpace(text[i]) && (i == 0 || isSpace(text[i-1])) {
			n++
		}
	}
	return n
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// parseRun reads "a" or "a-b" with 1 <= a <= b <= top.
func parseRun(f []byte, top int) (from, to int, ok bool) {
	a, b, isRange := bytes.Cut(f, []byte{'-'})
	from, ok = parseID(a, top)
	to = from
	if ok && isRange {
		to, ok = parseID(b, top)
	}
	return from, to, ok && to >= from
}

// parseID reads a decimal ID in 1..top.
func parseID(d []byte, top int) (int, bool) {
	if len(d) == 0 {
		return 0, false
	}
	v := 0
	for _, c := range d {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
		if v > top {
			return 0, false
		}
	}
	return v, v >= 1
}
