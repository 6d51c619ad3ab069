package tcf

import (
	"strconv"
	"strings"
	"time"
)

// Bit widths and core-segment offsets (spec "The Core String").
const (
	offVersion              = 0
	offCreated              = 6
	offLastUpdated          = 42
	offCMPID                = 78
	offCMPVersion           = 90
	offConsentScreen        = 102
	offConsentLanguage      = 108
	offVendorListVersion    = 120
	offPolicyVersion        = 132
	offIsServiceSpecific    = 138
	offUseNonStandardTexts  = 139
	offSpecialFeatureOptins = 140
	offPurposeConsents      = 152
	offPurposeLI            = 176
	offPurposeOneTreatment  = 200
	offPublisherCC          = 201
	offVendorConsents       = 213 // end of the fixed-width part

	// Publisher TC segment offsets (after the 3-bit segment type).
	offPubConsents    = 3
	offPubLI          = 27
	offNumCustom      = 51
	offCustomConsents = 57
)

// Decode parses a TC string with the default [Options]: policy versions 4
// and 5 are accepted and the disclosed-vendors segment is required for
// strings created on or after 2026-03-01 (TCF v2.3).
//
// The segments are base64url without padding, separated by dots; the core
// segment comes first and the others may follow in any order, each at most
// once. Decode accepts any number of trailing padding bits in a segment (the
// official library pads to 24 bits, other CMPs to 6 or 8), so
// Encode(Decode(s)) == s holds for canonical strings such as those the
// official library writes, not for every string Decode accepts.
//
// Every problem comes back as a [contract.Problem] in a
// [*contract.ValidationError] that unwraps to the package's sentinels.
// Structural problems (bad base64, truncation, a bad range) stop decoding
// and return one problem; problems with decoded values (vendor list version
// 0, a policy version not accepted, legitimate interest for purpose 3) are
// all reported at once. After a structural problem Decode returns the zero
// TCString; after problems with values it returns what it decoded, so that a
// host can still log, say, the CMP of a string whose policy version is no
// longer accepted. At most 50 problems are listed, then one that counts the
// rest. Decode never panics.
//
// Decode allocates at most 16 bytes per byte of s plus 64 KiB, whatever s
// holds: it reads at most four segments (a fifth is reported from its first
// character), keeps range entries as ranges when a bitset would be larger,
// so that {1-65535} costs two words, and does not size anything by the
// number of dots. The worst case measured, about 15 bytes per byte, is a
// string of 4,095 publisher restrictions without vendors (the
// PublisherRestriction values themselves).
func Decode(s string) (TCString, error) {
	return Options{}.Decode(s)
}

// Decode parses a TC string like the package-level [Decode], but checks it
// against o. It allocates at most 16 bytes per byte of s plus 64 KiB.
func (o Options) Decode(s string) (TCString, error) {
	var t TCString
	if err := decode(s, &t); err != nil {
		return TCString{}, err
	}
	if err := o.check(&t, forDecode); err != nil {
		return t, err
	}
	return t, nil
}

// decode reads the segments of s into t, stopping at the first structural
// problem.
func decode(s string, t *TCString) error {
	if s == "" {
		return fieldError("decode", SegmentCore, "segment[0]", -1, ErrBase64, "empty string")
	}
	// A valid string has at most four segments (core, disclosed vendors,
	// allowed vendors, publisher TC), so at most four are decoded: a fifth
	// is an unknown or repeated type, reported from its first character.
	// The buffer holds the bits of those four and the arena their vendor
	// sets, so neither grows with the number of dots.
	read := len(s) // up to the dot after the fourth segment
	for i, at := 0, 0; ; i++ {
		j := strings.IndexByte(s[at:], '.')
		if j < 0 {
			break
		}
		if i == maxSegments-1 {
			read = at + j
			break
		}
		at += j + 1
	}
	need := read/4*3 + maxSegments*(3+slack) + 3
	var stack [1024]byte
	var buf []byte
	if need <= len(stack) {
		buf = stack[:need]
	} else {
		buf = make([]byte, need)
	}
	var seen [4]bool
	// The vendor sets of one string share an arena sized for bit fields
	// filling the segments read.
	a := arena{size: read*6/64 + 4*maxSegments}
	rest := s
	for i := 0; ; i++ {
		seg := rest
		more := false
		if j := strings.IndexByte(rest, '.'); j >= 0 {
			seg, rest, more = rest[:j], rest[j+1:], true
		}
		if seg == "" {
			return fieldError("decode", SegmentCore, segField(i), -1, ErrBase64, "empty segment")
		}
		if i >= maxSegments {
			if bad := invalidBase64(seg); bad >= 0 {
				return badBase64(i, seg, bad)
			}
			typ := Segment(b64[seg[0]] >> 3)
			if typ > SegmentPublisherTC {
				return fieldError("decode", typ, segField(i), 0, ErrUnknownSegment, "type "+strconv.Itoa(int(typ)))
			}
			return fieldError("decode", typ, segField(i), 0, ErrDuplicateSegment, typ.String())
		}
		n, bad := decodeSegment(buf, seg)
		if bad >= 0 {
			return badBase64(i, seg, bad)
		}
		r := reader{b: buf[:n], n: 6 * len(seg)}
		buf = buf[n:]
		if i == 0 {
			if err := decodeCore(&r, &a, t); err != nil {
				return err
			}
			seen[SegmentCore] = true
		} else {
			typ := Segment(r.read(3)) // a non-empty segment has at least 6 bits
			switch {
			case typ > SegmentPublisherTC:
				return fieldError("decode", typ, segField(i), 0, ErrUnknownSegment, "type "+strconv.Itoa(int(typ)))
			case seen[typ]:
				return fieldError("decode", typ, segField(i), 0, ErrDuplicateSegment, typ.String())
			}
			seen[typ] = true
			var err error
			switch typ {
			case SegmentVendorsDisclosed:
				t.HasVendorsDisclosed = true
				t.VendorsDisclosed, err = readVendors(&r, &a, typ, "vendorsDisclosed.vendors")
			case SegmentVendorsAllowed:
				t.HasVendorsAllowed = true
				t.VendorsAllowed, err = readVendors(&r, &a, typ, "vendorsAllowed.vendors")
			case SegmentPublisherTC:
				t.HasPublisherTC = true
				err = decodePublisherTC(&r, &t.PublisherTC)
			}
			if err != nil {
				return err
			}
		}
		if !more {
			break
		}
	}
	return nil
}

// maxSegments is the number of segments a valid TC string can hold.
const maxSegments = 4

// invalidBase64 returns the index of the first character of seg that is not
// base64url, or -1.
func invalidBase64(seg string) int {
	for i := 0; i < len(seg); i++ {
		if b64[seg[i]] == 0xff {
			return i
		}
	}
	return -1
}

// badBase64 reports the invalid character at index bad of the i-th segment
// by its position only: the string may be anything a user typed.
func badBase64(i int, seg string, bad int) error {
	return fieldError("decode", segmentOf(i, seg), segField(i), -1, ErrBase64, "character "+strconv.Itoa(bad)+" is not base64url")
}

// segmentOf guesses the type of the i-th segment from its first character,
// for errors found before the type is read: the core segment for i == 0 or
// when that character is not base64url.
func segmentOf(i int, seg string) Segment {
	if i == 0 || seg == "" || b64[seg[0]] == 0xff {
		return SegmentCore
	}
	return Segment(b64[seg[0]] >> 3)
}

func segField(i int) string { return "segment[" + strconv.Itoa(i) + "]" }

func truncated(seg Segment, field string, offset int) error {
	return fieldError("decode", seg, field, offset, ErrTruncated, "")
}

// decodeCore reads the core segment's fields.
func decodeCore(r *reader, a *arena, t *TCString) error {
	if v := int(r.read(6)); v != Version { // 6 bits: a non-empty segment has them
		return fieldError("decode", SegmentCore, "core.version", offVersion, ErrVersion, "version "+strconv.Itoa(v))
	}
	if !r.has(offVendorConsents - 6) {
		// Name the first field that does not fit.
		fields := [...]struct {
			off  int
			name string
		}{
			{offLastUpdated, "created"}, {offCMPID, "lastUpdated"}, {offCMPVersion, "cmpId"},
			{offConsentScreen, "cmpVersion"}, {offConsentLanguage, "consentScreen"},
			{offVendorListVersion, "consentLanguage"}, {offPolicyVersion, "vendorListVersion"},
			{offIsServiceSpecific, "policyVersion"}, {offUseNonStandardTexts, "isServiceSpecific"},
			{offSpecialFeatureOptins, "useNonStandardTexts"}, {offPurposeConsents, "specialFeatureOptins"},
			{offPurposeLI, "purposeConsents"}, {offPurposeOneTreatment, "purposeLegitimateInterests"},
			{offPublisherCC, "purposeOneTreatment"}, {offVendorConsents, "publisherCountryCode"},
		}
		start := offCreated
		for _, f := range fields {
			if f.off > r.n {
				return truncated(SegmentCore, "core."+f.name, start)
			}
			start = f.off
		}
	}
	t.Created = fromDeciseconds(r.read(36))
	t.LastUpdated = fromDeciseconds(r.read(36))
	t.CMPID = int(r.read(12))
	t.CMPVersion = int(r.read(12))
	t.ConsentScreen = int(r.read(6))
	t.ConsentLanguage = letters(r.read(12))
	t.VendorListVersion = int(r.read(12))
	t.PolicyVersion = int(r.read(6))
	t.IsServiceSpecific = r.read(1) == 1
	t.UseNonStandardTexts = r.read(1) == 1
	t.SpecialFeatureOptIns = IDSet(reverse(r.read(12), 12))
	t.PurposeConsents = IDSet(reverse(r.read(24), 24))
	t.PurposeLegitimateInterests = IDSet(reverse(r.read(24), 24))
	t.PurposeOneTreatment = r.read(1) == 1
	t.PublisherCountryCode = letters(r.read(12))
	var err error
	if t.VendorConsents, err = readVendors(r, a, SegmentCore, "core.vendorConsents"); err != nil {
		return err
	}
	if t.VendorLegitimateInterests, err = readVendors(r, a, SegmentCore, "core.vendorLegitimateInterests"); err != nil {
		return err
	}
	return readRestrictions(r, a, t)
}

// fromDeciseconds converts epoch deciseconds to a UTC time.
func fromDeciseconds(ds uint64) time.Time {
	return time.UnixMilli(int64(ds) * 100).UTC()
}

// letterCodes holds the 6-bit letter values 0..63 as characters 'A'..; values
// above 25 are not letters and are reported by validation.
const letterCodes = "ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f\x80"

// letters decodes two 6-bit letters. Codes of two letters A-Z share the
// static string above, so the common case does not allocate.
func letters(v uint64) string {
	a, b := v>>6, v&63
	if a < 26 && b < 26 {
		return twoLetters[a*26+b]
	}
	return string([]byte{letterCodes[a], letterCodes[b]})
}

// twoLetters holds every code "AA".."ZZ".
var twoLetters = func() (t [26 * 26]string) {
	all := make([]byte, 0, 2*26*26)
	for a := byte('A'); a <= 'Z'; a++ {
		for b := byte('A'); b <= 'Z'; b++ {
			all = append(all, a, b)
		}
	}
	s := string(all)
	for i := range t {
		t[i] = s[2*i : 2*i+2]
	}
	return t
}()

// readVendors reads a vendor section: MaxVendorId, IsRangeEncoding, then a
// bit field or range entries (spec "Vendor Consent Section").
func readVendors(r *reader, a *arena, seg Segment, field string) (VendorSet, error) {
	start := r.pos
	if !r.has(17) {
		return VendorSet{}, truncated(seg, field, start)
	}
	maxID := int(r.read(16))
	if r.read(1) == 0 {
		if !r.has(maxID) {
			return VendorSet{}, truncated(seg, field+".bitField", r.pos)
		}
		b := a.bits(maxID)
		for id := 1; id <= maxID; id += 56 {
			k := min(56, maxID-id+1)
			v := reverse(r.read(k), k)
			w, sh := id>>6, id&63
			b[w] |= v << sh
			if sh+k > 64 {
				b[w+1] |= v >> (64 - sh)
			}
		}
		return b.set(), nil
	}
	if !r.has(12) {
		return VendorSet{}, truncated(seg, field+".numEntries", r.pos)
	}
	n := int(r.read(12))
	// Runs take a word per entry, so they are only allocated when the n
	// entries (at least 17 bits each) are there; a truncated section is
	// reported by the bitset loop, from the entry that is cut.
	if !r.has(17*n) || !keepRuns(maxID, n) {
		b := a.bits(maxID)
		for i := 0; i < n; i++ {
			at := r.pos
			from, to, problem := readRange(r)
			if problem != rangeOK {
				return VendorSet{}, rangeError(seg, entryField(field, i), at, from, to, problem)
			}
			if to > maxID {
				return VendorSet{}, aboveMax(seg, entryField(field, i), at, to, maxID)
			}
			b.setRange(from, to)
		}
		return b.set(), nil
	}
	w := a.words(n + 1)
	for i := 0; i < n; i++ {
		at := r.pos
		from, to, problem := readRange(r)
		if problem != rangeOK {
			return VendorSet{}, rangeError(seg, entryField(field, i), at, from, to, problem)
		}
		if to > maxID {
			return VendorSet{}, aboveMax(seg, entryField(field, i), at, to, maxID)
		}
		w[i+1] = packRun(from, to)
	}
	return runSet(w), nil
}

// keepRuns reports whether n range entries with IDs up to top are kept as
// runs (one word each) rather than as a bitset (top/64+1 words): so that a
// set costs at most a word per entry, however wide its ranges.
func keepRuns(top, n int) bool { return top>>6 > n }

func aboveMax(seg Segment, field string, at, to, maxID int) error {
	return fieldError("decode", seg, field, at, ErrInvalidRange, "vendor "+strconv.Itoa(to)+" above MaxVendorId "+strconv.Itoa(maxID))
}

func entryField(field string, i int) string {
	return field + "[" + strconv.Itoa(i) + "]"
}

// Range entry problems found by readRange.
const (
	rangeOK = iota
	rangeTruncated
	rangeVendorZero
	rangeReversed
)

// readRange reads one range entry: IsARange, StartOrOnlyVendorId and, for a
// range, EndVendorId. It rejects vendor 0 and reversed ranges.
func readRange(r *reader) (from, to, problem int) {
	if !r.has(17) {
		return 0, 0, rangeTruncated
	}
	isRange := r.read(1) == 1
	from = int(r.read(16))
	to = from
	if isRange {
		if !r.has(16) {
			return 0, 0, rangeTruncated
		}
		to = int(r.read(16))
	}
	switch {
	case from == 0:
		return 0, 0, rangeVendorZero
	case to < from:
		return from, to, rangeReversed
	}
	return from, to, rangeOK
}

// rangeError reports a problem readRange found in the entry at offset.
func rangeError(seg Segment, field string, offset, from, to, problem int) error {
	kind, detail := ErrInvalidRange, ""
	switch problem {
	case rangeTruncated:
		kind = ErrTruncated
	case rangeVendorZero:
		detail = "vendor 0"
	case rangeReversed:
		detail = "range " + strconv.Itoa(from) + "-" + strconv.Itoa(to) + " ends before it starts"
	}
	return fieldError("decode", seg, field, offset, kind, detail)
}

// readRestrictions reads NumPubRestrictions and the restrictions (spec
// "Publisher Restrictions"). Each restriction's entries are read twice: once
// to size its vendor set, once to fill it.
func readRestrictions(r *reader, a *arena, t *TCString) error {
	const field = "core.publisherRestrictions"
	if !r.has(12) {
		return fieldError("decode", SegmentCore, "core.numPubRestrictions", r.pos, ErrMissingRestrictionCount, "")
	}
	n := int(r.read(12))
	if n == 0 {
		return nil
	}
	// Each restriction takes at least 20 bits; do not trust n further.
	if !r.has(20 * n) {
		return truncated(SegmentCore, field, r.pos)
	}
	t.PublisherRestrictions = make([]PublisherRestriction, n)
	for i := range t.PublisherRestrictions {
		pr := &t.PublisherRestrictions[i]
		if !r.has(20) {
			return truncated(SegmentCore, entryField(field, i), r.pos)
		}
		pr.PurposeID = int(r.read(6))
		pr.Type = RestrictionType(r.read(2))
		entries := int(r.read(12))
		first := r.pos
		top := 0
		for j := 0; j < entries; j++ {
			at := r.pos
			from, to, problem := readRange(r)
			if problem != rangeOK {
				return rangeError(SegmentCore, entryField(entryField(field, i)+".vendors", j), at, from, to, problem)
			}
			top = max(top, to)
		}
		if entries == 0 {
			continue
		}
		r.pos = first
		if keepRuns(top, entries) {
			w := a.words(entries + 1)
			for j := 0; j < entries; j++ {
				from, to, _ := readRange(r)
				w[j+1] = packRun(from, to)
			}
			pr.Vendors = runSet(w)
			continue
		}
		b := a.bits(top)
		for j := 0; j < entries; j++ {
			from, to, _ := readRange(r)
			b.setRange(from, to)
		}
		pr.Vendors = b.set()
	}
	return nil
}

// decodePublisherTC reads the publisher TC segment after its type.
func decodePublisherTC(r *reader, p *PublisherTC) error {
	const seg = SegmentPublisherTC
	if !r.has(54) {
		if !r.has(24) {
			return truncated(seg, "publisherTC.pubPurposesConsent", offPubConsents)
		}
		if !r.has(48) {
			return truncated(seg, "publisherTC.pubPurposesLITransparency", offPubLI)
		}
		return truncated(seg, "publisherTC.numCustomPurposes", offNumCustom)
	}
	p.PurposeConsents = IDSet(reverse(r.read(24), 24))
	p.PurposeLegitimateInterests = IDSet(reverse(r.read(24), 24))
	p.NumCustomPurposes = int(r.read(6))
	n := p.NumCustomPurposes
	if n == 0 {
		return nil
	}
	if !r.has(n) {
		return truncated(seg, "publisherTC.customPurposesConsent", r.pos)
	}
	p.CustomPurposeConsents = IDSet(reverse(r.wide(n), n))
	if !r.has(n) {
		return truncated(seg, "publisherTC.customPurposesLITransparency", r.pos)
	}
	p.CustomPurposeLegitimateInterests = IDSet(reverse(r.wide(n), n))
	return nil
}

// arena hands out vendor bitsets carved from shared blocks, so that decoding
// a string allocates once for all its vendor sets rather than once each.
// Each piece has its capacity capped, so sets never overlap.
type arena struct {
	buf  []uint64
	size int // words per block
}

// bits returns zeroed bits for IDs up to top.
func (a *arena) bits(top int) vendorBits {
	return vendorBits(a.words(top>>6 + 1))
}

// words returns n zeroed words. A request larger than what is left takes
// a block of its own when it is larger than half a block, so that a block
// is never abandoned more than half full.
func (a *arena) words(n int) []uint64 {
	if n > len(a.buf) {
		if 2*n > a.size {
			return make([]uint64, n)
		}
		a.buf = make([]uint64, a.size)
	}
	b := a.buf[:n:n]
	a.buf = a.buf[n:]
	return b
}
