package gpp

import (
	"math/bits"
	"strconv"
	"strings"
	"time"

	"github.com/pimkit/pimkit/privacy/tcf"
)

// maxID is the largest ID an ID list may hold: the 16-bit maximum of the
// optimized range encodings.
const maxID = 1<<16 - 1

// decoder holds the scratch space of one Decode call.
type decoder struct {
	r     reader   // the segment being decoded
	hr    reader   // the header
	words []uint64 // vendor bits being collected
	runs  [][2]int // runs of a sparse vendor set, reused
	path  string   // section name for problem paths
	hbuf  []byte   // the header's buffer
}

// Decode parses a GPP string as the official library @iabgpp/cmpapi 3.2.0
// reads it (its GppModel): the header ("DB..."), whose Fibonacci-coded ID
// ranges list the sections, then one "~"-separated section per ID, each
// of "."-separated segments. Sections with an ID this package does not
// know are kept as [RawSection]s.
//
// Decode is stricter than the official library where the library would
// return values the GPP specification does not define (and that its own
// encoder refuses): a two-bit US value of 3, a uspv1 character other than
// 'Y', 'N' and '-', a language code outside A-Z, an ID of 0, a tcfeuv2
// section that is not service-specific. Like the library it accepts a
// publisher restriction list cut short by the end of the core segment as
// no restrictions, and a usnat core of the version 1 layout (60 or 66
// bits) by padding the lists to the version 2 lengths.
//
// Errors are [*contract.ValidationError]s that match the sentinels of
// this package, such as [ErrHeader] for "CPX..." (a bare TC string).
func Decode(s string) (String, error) {
	var out String
	if len(s) > MaxLength {
		return out, decodeError("", -1, ErrTooLong, strconv.Itoa(len(s)))
	}
	var d decoder
	head, rest, more := strings.Cut(s, "~")
	// One allocation serves the header and, after it, every segment: none
	// is longer than the string.
	hn := len(head)*6/8 + slack
	buf := make([]byte, hn+len(s)*6/8+2*slack)
	d.hbuf, d.r.b = buf[:0:hn], buf[hn:hn]
	count := 0
	if more {
		count = strings.Count(rest, "~") + 1
	}
	n, known, err := d.header(head, count)
	if err != nil {
		return out, err
	}
	if n != count {
		return out, decodeError("header.SectionIds", -1, ErrSectionCount, strconv.Itoa(count)+" sections, header lists "+strconv.Itoa(n))
	}
	if n > known {
		out.Unknown = make([]RawSection, 0, n-known)
	}
	// The second pass over the header's IDs decodes the sections; the
	// header has its own reader, as the sections use d.r.
	hr := d.hr
	err = fibRange(&hr, "header.SectionIds", func(from, to int) error {
		for id := from; id <= to; id++ {
			var text string
			text, rest, _ = strings.Cut(rest, "~")
			if strings.TrimSpace(text) == "" {
				return decodeError(sectionName(id), -1, ErrEmptySection, "")
			}
			if err := d.section(&out, id, text); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	return out, nil
}

func sectionName(id int) string {
	if id >= 0 && id < len(sectionNames) && sectionNames[id] != "" {
		return sectionNames[id]
	}
	return "section[" + strconv.Itoa(id) + "]"
}

// header decodes the header section: ID 3 and version 1 (6 bits each),
// then SectionIds, a Fibonacci integer range. It returns the number of
// IDs listed and how many of them this package knows, and leaves d.hr at
// the start of SectionIds for the second pass. It stops with
// ErrSectionCount once the header lists more IDs than the string has
// sections, so a header of huge ranges costs nothing.
func (d *decoder) header(text string, count int) (n, known int, err error) {
	r := &d.hr
	r.b = d.hbuf
	if i := r.load(text); i >= 0 {
		return 0, 0, decodeError("header", -1, ErrBase64, "character "+strconv.Itoa(i))
	}
	if !r.has(12) {
		return 0, 0, decodeError("header", 0, ErrHeader, "")
	}
	if id, v := r.read(6), r.read(6); id != headerID || v != headerVersion {
		return 0, 0, decodeError("header", 0, ErrHeader, "type "+strconv.FormatUint(id, 10)+" version "+strconv.FormatUint(v, 10))
	}
	first := *r
	err = fibRange(r, "header.SectionIds", func(from, to int) error {
		n += to - from + 1
		if n > count {
			return decodeError("header.SectionIds", -1, ErrSectionCount, strconv.Itoa(count)+" sections, header lists more")
		}
		for id := from; id <= min(to, int(SectionUSRI)); id++ {
			if sectionNames[id] != "" {
				known++
			}
		}
		return nil
	})
	d.hr = first
	return n, known, err
}

// fibRange reads a Fibonacci integer range (GPP "Fibonacci Integer Range":
// a 12-bit count, then per entry a flag, a Fibonacci-coded offset from the
// previous ID and, for a run, a Fibonacci-coded length) from r and calls
// add for each run, stopping at its first error. IDs above maxID are
// rejected.
func fibRange(r *reader, field string, add func(from, to int) error) error {
	at := r.pos
	if !r.has(12) {
		return decodeError(field, at, ErrTruncated, "")
	}
	n := int(r.read(12))
	offset := 0
	for i := 0; i < n; i++ {
		at = r.pos
		if !r.has(1) {
			return decodeError(field, at, ErrTruncated, "")
		}
		group := r.bit()
		a, ok := r.fibonacci()
		if !ok {
			return decodeError(field, at, ErrTruncated, "")
		}
		from := offset + a
		to := from
		if group {
			b, ok := r.fibonacci()
			if !ok {
				return decodeError(field, at, ErrTruncated, "")
			}
			to = from + b
		}
		if to > maxID {
			return decodeError(field, at, ErrInvalidRange, strconv.Itoa(to))
		}
		offset = to
		if err := add(from, to); err != nil {
			return err
		}
	}
	return nil
}

// section decodes one section of ID id into out.
func (d *decoder) section(out *String, id int, text string) error {
	switch {
	case id == int(SectionTCFEUv2):
		t, err := d.tcfeu(text)
		if err != nil {
			return err
		}
		out.TCFEUv2 = &t
	case id == int(SectionTCFCAv1):
		t, err := d.tcfca(text)
		if err != nil {
			return err
		}
		out.TCFCAv1 = &t
	case id == int(SectionUSPv1):
		u, err := decodeUSP(text)
		if err != nil {
			return err
		}
		out.USPv1 = &u
	case id >= int(SectionUSNat) && id <= int(SectionUSRI):
		u, err := d.us(SectionID(id), text)
		if err != nil {
			return err
		}
		out.US = append(out.US, u)
	case id == headerID:
		return decodeError(sectionName(id), -1, ErrUnknownSection, "3 is the header's own ID")
	default:
		for i := 0; i < len(text); i++ {
			if c := text[i]; c != '.' && b64[c] == 0xff {
				return decodeError(sectionName(id), -1, ErrBase64, "character "+strconv.Itoa(i))
			}
		}
		out.Unknown = append(out.Unknown, RawSection{ID: id, Text: text})
	}
	return nil
}

// decodeUSP decodes the four characters of a uspv1 section.
func decodeUSP(text string) (USPv1, error) {
	if len(text) != 4 {
		return USPv1{}, decodeError("uspv1", -1, ErrInvalidValue, "length "+strconv.Itoa(len(text)))
	}
	if text[0] != '1' {
		return USPv1{}, decodeError("uspv1.Version", -1, ErrInvalidValue, "")
	}
	var cs [3]Choice
	names := [3]string{"Notice", "OptOutSale", "LspaCovered"}
	for i := range cs {
		switch text[i+1] {
		case '-':
			cs[i] = NotApplicable
		case 'Y':
			cs[i] = Yes
		case 'N':
			cs[i] = No
		default:
			return USPv1{}, decodeError("uspv1."+names[i], -1, ErrInvalidValue, "")
		}
	}
	return USPv1{Version: 1, Notice: cs[0], OptOutSale: cs[1], LSPACovered: cs[2]}, nil
}

// field returns the problem path of a field of the current section.
func (d *decoder) field(name string) string { return d.path + "." + name }

// need fails with ErrTruncated unless k bits remain.
func (d *decoder) need(k int, name string) error {
	if !d.r.has(k) {
		return decodeError(d.field(name), d.r.pos, ErrTruncated, "")
	}
	return nil
}

// int reads a k-bit field.
func (d *decoder) int(k int, name string) (int, error) {
	if err := d.need(k, name); err != nil {
		return 0, err
	}
	return int(d.r.read(k)), nil
}

// flag reads a one-bit field.
func (d *decoder) flag(name string) (bool, error) {
	if err := d.need(1, name); err != nil {
		return false, err
	}
	return d.r.bit(), nil
}

// date reads a 36-bit datetime of deciseconds since 1970 (GPP "Datetime").
func (d *decoder) date(name string) (time.Time, error) {
	if err := d.need(36, name); err != nil {
		return time.Time{}, err
	}
	return time.UnixMilli(int64(d.r.read(36)) * 100).UTC(), nil
}

// letters reads a two-letter code (GPP "String(2)": 6 bits a letter, A=0).
func (d *decoder) letters(name string) (string, error) {
	if err := d.need(12, name); err != nil {
		return "", err
	}
	at := d.r.pos
	a, b := d.r.read(6), d.r.read(6)
	if a > 25 || b > 25 {
		return "", decodeError(d.field(name), at, ErrInvalidValue, "not two letters A-Z")
	}
	return string([]byte{byte('A' + a), byte('A' + b)}), nil
}

// idSet reads a k-bit bitfield, the first bit for ID 1.
func (d *decoder) idSet(k int, name string) (tcf.IDSet, error) {
	if err := d.need(k, name); err != nil {
		return 0, err
	}
	if k == 0 {
		return 0, nil
	}
	v := d.r.read(k)
	return tcf.IDSet(bits.Reverse64(v) >> (64 - k)), nil
}

func (d *decoder) resetWords() {
	clear(d.words)
	d.words = d.words[:0]
}

// add sets IDs from..to; 1 <= from <= to <= maxID.
func (d *decoder) addRange(from, to int) {
	top := to>>6 + 1
	if len(d.words) < top {
		if cap(d.words) < top {
			nw := make([]uint64, top, max(top, 2*cap(d.words)))
			copy(nw, d.words)
			d.words = nw
		} else {
			d.words = d.words[:top]
		}
	}
	fw, tw := from>>6, to>>6
	lo := ^uint64(0) << (from & 63)
	hi := ^uint64(0) >> (63 - to&63)
	if fw == tw {
		d.words[fw] |= lo & hi
		return
	}
	d.words[fw] |= lo
	for i := fw + 1; i < tw; i++ {
		d.words[i] = ^uint64(0)
	}
	d.words[tw] |= hi
}

// bitfield reads max bits for IDs 1..max into d.words.
func (d *decoder) bitfield(max int, name string) error {
	if err := d.need(max, name); err != nil {
		return err
	}
	top := max>>6 + 1
	if cap(d.words) < top {
		d.words = make([]uint64, top)
	}
	d.words = d.words[:top]
	for id := 1; id <= max; {
		k := min(56, max-id+1)
		v := bits.Reverse64(d.r.read(k)) >> (64 - k)
		d.words[id>>6] |= v << (id & 63)
		if sh := id & 63; sh+k > 64 {
			d.words[id>>6+1] |= v >> (64 - sh)
		}
		id += k
	}
	return nil
}

// optimized reads an optimized range (GPP "OptimizedRange" and
// "OptimizedIntRange"): a 16-bit maximum ID and a flag, then either a
// bitfield of that many bits or a range list, Fibonacci-coded when fib is
// true (tcfcav1) or of 16-bit IDs (tcfeuv2).
func (d *decoder) optimized(name string, fib bool) (tcf.VendorSet, error) {
	d.resetWords()
	if err := d.need(17, name); err != nil {
		return tcf.VendorSet{}, err
	}
	max := int(d.r.read(16))
	if !d.r.bit() {
		if err := d.bitfield(max, name); err != nil {
			return tcf.VendorSet{}, err
		}
		return d.set(), nil
	}
	var err error
	if fib {
		err = fibRange(&d.r, d.field(name), func(from, to int) error {
			d.addRange(from, to)
			return nil
		})
	} else {
		err = d.fixedRange(name)
	}
	if err != nil {
		return tcf.VendorSet{}, err
	}
	return d.set(), nil
}

// set returns the IDs collected in d.words as a VendorSet, held as runs
// when that is smaller than the bitset, so that a string of wide ranges
// allocates a few words per set, not up to 1,024.
func (d *decoder) set() tcf.VendorSet {
	n := len(d.words)
	for n > 0 && d.words[n-1] == 0 {
		n--
	}
	words := d.words[:n]
	runs := 0
	var carry uint64
	for _, w := range words {
		runs += bits.OnesCount64(w &^ (w<<1 | carry))
		carry = w >> 63
		if runs >= n {
			return tcf.VendorSetFromWords(words)
		}
	}
	d.runs = d.runs[:0]
	from := -1
	for i, w := range words {
		for b := 0; b < 64; {
			if from < 0 {
				z := bits.TrailingZeros64(w >> b)
				if z >= 64-b {
					break
				}
				b += z
				from = i*64 + b
			} else {
				z := bits.TrailingZeros64(^w >> b)
				if z >= 64-b {
					break
				}
				b += z
				d.runs = append(d.runs, [2]int{from, i*64 + b - 1})
				from = -1
			}
		}
	}
	if from >= 0 {
		d.runs = append(d.runs, [2]int{from, n*64 - 1})
	}
	return tcf.VendorSetFromRanges(d.runs)
}

// fixedRange reads a range list of 16-bit IDs (a 12-bit count, then per
// entry a flag and one or two IDs) into d.words.
func (d *decoder) fixedRange(name string) error {
	r := &d.r
	if err := d.need(12, name); err != nil {
		return err
	}
	n := int(r.read(12))
	for i := 0; i < n; i++ {
		at := r.pos
		if err := d.need(17, name); err != nil {
			return err
		}
		group := r.bit()
		from := int(r.read(16))
		to := from
		if group {
			if err := d.need(16, name); err != nil {
				return err
			}
			to = int(r.read(16))
		}
		if from == 0 || to < from {
			return decodeError(d.field(name)+"["+strconv.Itoa(i)+"]", at, ErrInvalidRange, strconv.Itoa(from)+"-"+strconv.Itoa(to))
		}
		d.addRange(from, to)
	}
	return nil
}

// segments splits a section into its "."-separated segments; at most max
// are allowed.
func splitSegments(text string, dst []string) ([]string, bool) {
	for {
		seg, rest, more := strings.Cut(text, ".")
		if len(dst) == cap(dst) {
			return dst, false
		}
		dst = append(dst, seg)
		if !more {
			return dst, true
		}
		text = rest
	}
}

// load decodes one segment's base64url text into the reader.
func (d *decoder) load(seg, name string) error {
	if seg == "" {
		return decodeError(d.field(name), -1, ErrEmptySection, "")
	}
	if i := d.r.load(seg); i >= 0 {
		return decodeError(d.field(name), -1, ErrBase64, "character "+strconv.Itoa(i))
	}
	return nil
}
