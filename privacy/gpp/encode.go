package gpp

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/pimkit/pimkit/privacy/tcf"
)

// maxDate is the last instant a 36-bit count of deciseconds can hold.
var maxDate = time.UnixMilli((1<<36 - 1) * 100).UTC()

// Encode writes s as the official library @iabgpp/cmpapi 3.2.0 does: the
// header, then the sections in ascending section ID, byte for byte as its
// GppModel.encode (each segment padded and base64url-coded the library's
// way, each ID list written as a range list or as a bitfield, whichever
// the library picks). The zero String encodes as "DBAA".
//
// The tcfeuv2 section is always written as its core, disclosed-vendors and
// publisher purposes segments, in that order, as the library does (its
// HasVendorsDisclosed and HasPublisherTC flags are not consulted); the
// allowed-vendors segment, which the library drops, is appended when
// HasVendorsAllowed is set. Unlike privacy/tcf's Encode, it does not apply
// the TCF policy checks (CMP ID 0 and vendor list version 0 are the
// library's defaults here), but it refuses what the library refuses: a
// section that is not service-specific.
//
// Every problem is reported at once in a [*contract.ValidationError]
// matching [ErrInvalidValue], [ErrInvalidRange], [ErrFieldNotInSection],
// [ErrDuplicateSection] or [ErrUnknownSection].
func Encode(s String) (string, error) {
	var ps problems
	validate(&ps, s)
	if len(ps.list) > 0 {
		return "", ps.err("encode gpp string")
	}
	type entry struct {
		id   int
		us   *US
		text string
	}
	var order []entry
	if s.TCFEUv2 != nil {
		order = append(order, entry{id: int(SectionTCFEUv2)})
	}
	if s.TCFCAv1 != nil {
		order = append(order, entry{id: int(SectionTCFCAv1)})
	}
	if s.USPv1 != nil {
		order = append(order, entry{id: int(SectionUSPv1)})
	}
	for i := range s.US {
		order = append(order, entry{id: int(s.US[i].Section), us: &s.US[i]})
	}
	for _, r := range s.Unknown {
		order = append(order, entry{id: r.ID, text: r.Text})
	}
	slices.SortFunc(order, func(a, b entry) int { return cmp.Compare(a.id, b.id) })

	var w writer
	w.b = make([]byte, 0, 64)
	w.write(headerID, 6)
	w.write(headerVersion, 6)
	ids := make([]int, len(order))
	for i, e := range order {
		ids[i] = e.id
	}
	w.fibRange(ids)
	out := make([]byte, 0, 128)
	out = w.segment(out, compressed)
	for _, e := range order {
		out = append(out, '~')
		switch {
		case e.id == int(SectionTCFEUv2):
			out = w.tcfeu(out, s.TCFEUv2)
		case e.id == int(SectionTCFCAv1):
			out = w.tcfca(out, s.TCFCAv1)
		case e.id == int(SectionUSPv1):
			out = append(out, '1', uspChar(s.USPv1.Notice), uspChar(s.USPv1.OptOutSale), uspChar(s.USPv1.LSPACovered))
		case e.us != nil:
			out = w.us(out, e.us)
		default:
			out = append(out, e.text...)
		}
	}
	return string(out), nil
}

func uspChar(c Choice) byte {
	switch c {
	case Yes:
		return 'Y'
	case No:
		return 'N'
	}
	return '-'
}

// fibRange writes ascending, distinct IDs >= 1 as a Fibonacci integer
// range: consecutive IDs form one run.
func (w *writer) fibRange(ids []int) {
	runs := runsOf(ids)
	w.write(uint64(len(runs)), 12)
	offset := 0
	for _, r := range runs {
		if r.from == r.to {
			w.flag(false)
			w.fibonacci(r.from - offset)
		} else {
			w.flag(true)
			w.fibonacci(r.from - offset)
			w.fibonacci(r.to - r.from)
		}
		offset = r.to
	}
}

// idRange is a run of IDs.
type idRange struct{ from, to int }

// runsOf groups ascending IDs into runs of consecutive IDs.
func runsOf(ids []int) []idRange {
	var out []idRange
	for i := 0; i < len(ids); {
		j := i
		for j+1 < len(ids) && ids[j+1] == ids[j]+1 {
			j++
		}
		out = append(out, idRange{ids[i], ids[j]})
		i = j + 1
	}
	return out
}

// eachRun calls f for each run of consecutive IDs in v, in ascending order.
func eachRun(v tcf.VendorSet, f func(from, to int)) {
	from, to := 0, -1
	for id := range v.All() {
		if id == to+1 {
			to = id
			continue
		}
		if to >= from && from > 0 {
			f(from, to)
		}
		from, to = id, id
	}
	if from > 0 {
		f(from, to)
	}
}

// runCount returns the number of runs of consecutive IDs in v.
func runCount(v tcf.VendorSet) int {
	n := 0
	eachRun(v, func(int, int) { n++ })
	return n
}

// optimized writes a vendor set as an optimized range: the maximum ID
// (16 bits), then a range list when it is no longer than a bitfield of
// maximum bits (the official library's rule, "rangeLength <=
// bitFieldLength"), else the bitfield. fib selects Fibonacci-coded
// ranges (tcfcav1) over 16-bit IDs (tcfeuv2).
func (w *writer) optimized(v tcf.VendorSet, fib bool) {
	top := v.Max()
	useRange, runs := rangeForm(v, fib)
	w.write(uint64(top), 16)
	if useRange {
		w.flag(true)
		w.ranges(v, runs, fib)
		return
	}
	w.flag(false)
	next := 1
	eachRun(v, func(from, to int) {
		for ; next < from; next += min(32, from-next) {
			w.write(0, min(32, from-next))
		}
		for ; next <= to; next += min(32, to-next+1) {
			k := min(32, to-next+1)
			w.write(1<<k-1, k)
		}
	})
}

// rangeForm reports whether v is written as a range list rather than a
// bitfield (the range list, 12 bits of count included, is no longer than
// v.Max() bits), and the number of its runs.
func rangeForm(v tcf.VendorSet, fib bool) (bool, int) {
	n := 12
	offset := 0
	runs := 0
	eachRun(v, func(from, to int) {
		runs++
		switch {
		case fib && from == to:
			n += 1 + fibLen(from-offset)
		case fib:
			n += 1 + fibLen(from-offset) + fibLen(to-from)
		case from == to:
			n += 17
		default:
			n += 33
		}
		offset = to
	})
	return n <= v.Max(), runs
}

// ranges writes the runs of v as a range list: a 12-bit count, then
// Fibonacci-coded offsets, or 16-bit IDs.
func (w *writer) ranges(v tcf.VendorSet, runs int, fib bool) {
	w.write(uint64(runs), 12)
	offset := 0
	eachRun(v, func(from, to int) {
		w.flag(from != to)
		if fib {
			w.fibonacci(from - offset)
			if from != to {
				w.fibonacci(to - from)
			}
			offset = to
			return
		}
		w.write(uint64(from), 16)
		if from != to {
			w.write(uint64(to), 16)
		}
	})
}

// idSet writes IDs 1..k of s as a k-bit bitfield.
func (w *writer) idSet(s tcf.IDSet, k int) {
	for i := 1; i <= k; i++ {
		w.flag(s.Has(i))
	}
}

// date writes t as 36 bits of deciseconds, rounded as Math.round(ms/100).
func (w *writer) date(t time.Time) {
	ms := t.UnixMilli()
	ds := ms / 100
	if ms%100 >= 50 {
		ds++
	}
	w.write(uint64(ds)>>32, 4)
	w.write(uint64(ds), 32)
}

// letters writes a two-letter code, 6 bits a letter.
func (w *writer) letters(s string) {
	w.write(uint64(s[0]-'A'), 6)
	w.write(uint64(s[1]-'A'), 6)
}

func (w *writer) tcfeu(out []byte, t *TCFEUv2) []byte {
	w.write(tcf.Version, 6)
	w.date(t.Created)
	w.date(t.LastUpdated)
	w.write(uint64(t.CMPID), 12)
	w.write(uint64(t.CMPVersion), 12)
	w.write(uint64(t.ConsentScreen), 6)
	w.letters(t.ConsentLanguage)
	w.write(uint64(t.VendorListVersion), 12)
	w.write(uint64(t.PolicyVersion), 6)
	w.flag(t.IsServiceSpecific)
	w.flag(t.UseNonStandardStacks)
	w.idSet(t.SpecialFeatureOptIns, 12)
	w.idSet(t.PurposeConsents, 24)
	w.idSet(t.PurposeLegitimateInterests, 24)
	w.flag(t.PurposeOneTreatment)
	w.letters(t.PublisherCountryCode)
	w.optimized(t.VendorConsents, false)
	w.optimized(t.VendorLegitimateInterests, false)
	w.write(uint64(len(t.PublisherRestrictions)), 12)
	for _, r := range t.PublisherRestrictions {
		w.write(uint64(r.PurposeID), 6)
		w.write(uint64(r.Type), 2)
		w.ranges(r.Vendors, runCount(r.Vendors), false)
	}
	out = w.segment(out, traditional)
	out = append(out, '.')
	w.write(1, 3)
	w.optimized(t.VendorsDisclosed, false)
	out = w.segment(out, traditional)
	out = append(out, '.')
	p := t.PublisherTC
	w.write(3, 3)
	w.idSet(p.PurposeConsents, 24)
	w.idSet(p.PurposeLegitimateInterests, 24)
	w.write(uint64(p.NumCustomPurposes), 6)
	w.idSet(p.CustomPurposeConsents, p.NumCustomPurposes)
	w.idSet(p.CustomPurposeLegitimateInterests, p.NumCustomPurposes)
	out = w.segment(out, traditional)
	if t.HasVendorsAllowed {
		out = append(out, '.')
		w.write(2, 3)
		w.optimized(t.VendorsAllowed, false)
		out = w.segment(out, traditional)
	}
	return out
}

func (w *writer) tcfca(out []byte, t *TCFCAv1) []byte {
	w.write(uint64(t.Version), 6)
	w.date(t.Created)
	w.date(t.LastUpdated)
	w.write(uint64(t.CMPID), 12)
	w.write(uint64(t.CMPVersion), 12)
	w.write(uint64(t.ConsentScreen), 6)
	w.letters(t.ConsentLanguage)
	w.write(uint64(t.VendorListVersion), 12)
	w.write(uint64(t.TCFPolicyVersion), 6)
	w.flag(t.UseNonStandardStacks)
	w.idSet(t.SpecialFeatureExpressConsent, 12)
	w.idSet(t.PurposesExpressConsent, 24)
	w.idSet(t.PurposesImpliedConsent, 24)
	w.optimized(t.VendorExpressConsent, true)
	w.optimized(t.VendorImpliedConsent, true)
	w.write(uint64(len(t.PubRestrictions)), 12)
	for _, r := range t.PubRestrictions {
		w.write(uint64(r.PurposeID), 6)
		w.write(uint64(r.Type), 2)
		w.optimized(r.Vendors, true)
	}
	out = w.segment(out, compressed)
	out = append(out, '.')
	w.write(3, 3)
	w.idSet(t.PubPurposesExpressConsent, 24)
	w.idSet(t.PubPurposesImpliedConsent, 24)
	w.write(uint64(t.NumCustomPurposes), 6)
	w.idSet(t.CustomPurposesExpressConsent, t.NumCustomPurposes)
	w.idSet(t.CustomPurposesImpliedConsent, t.NumCustomPurposes)
	out = w.segment(out, compressed)
	if !t.DisclosedVendors.IsEmpty() {
		out = append(out, '.')
		w.write(1, 3)
		w.optimized(t.DisclosedVendors, true)
		out = w.segment(out, compressed)
	}
	return out
}

func (w *writer) us(out []byte, u *US) []byte {
	sc := schemaOf(u.Section)
	for _, sp := range sc.core {
		switch sp.f {
		case fVersion:
			w.write(uint64(u.Version), 6)
		case fSensitiveDataProcessing:
			w.choices(u.SensitiveDataProcessing, sp.n)
		case fKnownChildSensitiveDataConsents:
			w.choices(u.KnownChildSensitiveDataConsents, max(sp.n, 1))
		default:
			w.write(uint64(*u.choice(sp.f)), 2)
		}
	}
	out = w.segment(out, compressed)
	switch {
	case sc.sub == subGPC && u.GPCSegmentIncluded:
		out = append(out, '.')
		w.write(1, 2)
		w.flag(u.GPC)
		out = w.segment(out, compressed)
	case sc.sub == subSensitive && u.SensitiveDataConsentSegmentIncluded:
		out = append(out, '.')
		w.choices(u.SensitiveDataProcessing, sc.subN)
		out = w.segment(out, compressed)
	}
	return out
}

// choices writes n two-bit values, padding list with NotApplicable.
func (w *writer) choices(list []Choice, n int) {
	for i := 0; i < n; i++ {
		var c Choice
		if i < len(list) {
			c = list[i]
		}
		w.write(uint64(c), 2)
	}
}

// validate checks s against what Encode can write.
func validate(ps *problems, s String) {
	if t := s.TCFEUv2; t != nil {
		validateTCFEU(ps, t)
	}
	if t := s.TCFCAv1; t != nil {
		validateTCFCA(ps, t)
	}
	if u := s.USPv1; u != nil {
		if u.Version != 1 {
			ps.add("uspv1.Version", ErrInvalidValue, strconv.Itoa(u.Version))
		}
		for i, c := range [3]Choice{u.Notice, u.OptOutSale, u.LSPACovered} {
			if c > No {
				ps.add("uspv1."+[3]string{"Notice", "OptOutSale", "LspaCovered"}[i], ErrInvalidValue, strconv.Itoa(int(c)))
			}
		}
	}
	seen := map[int]bool{}
	for i := range s.US {
		u := &s.US[i]
		if seen[int(u.Section)] {
			ps.add("us["+strconv.Itoa(i)+"]", ErrDuplicateSection, strconv.Itoa(int(u.Section)))
		}
		seen[int(u.Section)] = true
		validateUS(ps, "us["+strconv.Itoa(i)+"]", u)
	}
	for i, r := range s.Unknown {
		p := "unknown[" + strconv.Itoa(i) + "]"
		if r.ID <= 0 || r.ID == headerID || r.ID > maxID || (r.ID < len(sectionNames) && sectionNames[r.ID] != "") {
			ps.add(p+".id", ErrUnknownSection, strconv.Itoa(r.ID))
		}
		if seen[-r.ID] {
			ps.add(p+".id", ErrDuplicateSection, strconv.Itoa(r.ID))
		}
		seen[-r.ID] = true
		if r.Text == "" {
			ps.add(p+".text", ErrEmptySection, "")
		}
		for j := 0; j < len(r.Text); j++ {
			if c := r.Text[j]; c != '.' && b64[c] == 0xff {
				ps.add(p+".text", ErrBase64, "character "+strconv.Itoa(j))
				break
			}
		}
	}
}

func checkInt(ps *problems, path string, v, bits int) {
	if v < 0 || v >= 1<<bits {
		ps.add(path, ErrInvalidValue, strconv.Itoa(v))
	}
}

func checkDate(ps *problems, path string, t time.Time) {
	if t.Before(time.Unix(0, 0)) || t.After(maxDate) {
		ps.add(path, ErrInvalidValue, "outside 1970 to 2187")
	}
}

func checkLetters(ps *problems, path, s string) {
	if len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
		ps.add(path, ErrInvalidValue, "not two letters A-Z")
	}
}

func checkIDs(ps *problems, path string, s tcf.IDSet, n int) {
	if s.Max() > n {
		ps.add(path, ErrInvalidRange, strconv.Itoa(s.Max()))
	}
}

func validateTCFEU(ps *problems, t *TCFEUv2) {
	const p = "tcfeuv2."
	checkDate(ps, p+"Created", t.Created)
	checkDate(ps, p+"LastUpdated", t.LastUpdated)
	checkInt(ps, p+"CmpId", t.CMPID, 12)
	checkInt(ps, p+"CmpVersion", t.CMPVersion, 12)
	checkInt(ps, p+"ConsentScreen", t.ConsentScreen, 6)
	checkLetters(ps, p+"ConsentLanguage", t.ConsentLanguage)
	checkInt(ps, p+"VendorListVersion", t.VendorListVersion, 12)
	checkInt(ps, p+"PolicyVersion", t.PolicyVersion, 6)
	if !t.IsServiceSpecific {
		ps.add(p+"IsServiceSpecific", ErrInvalidValue, "false")
	}
	checkIDs(ps, p+"SpecialFeatureOptins", t.SpecialFeatureOptIns, 12)
	checkIDs(ps, p+"PurposeConsents", t.PurposeConsents, 24)
	checkIDs(ps, p+"PurposeLegitimateInterests", t.PurposeLegitimateInterests, 24)
	checkLetters(ps, p+"PublisherCountryCode", t.PublisherCountryCode)
	if len(t.PublisherRestrictions) >= 1<<12 {
		ps.add(p+"PublisherRestrictions", ErrInvalidValue, strconv.Itoa(len(t.PublisherRestrictions)))
	}
	for i, r := range t.PublisherRestrictions {
		q := p + "PublisherRestrictions[" + strconv.Itoa(i) + "]"
		checkInt(ps, q+".purposeId", r.PurposeID, 6)
		if r.Type > tcf.RequireLegitimateInterest {
			ps.add(q+".type", ErrInvalidValue, strconv.Itoa(int(r.Type)))
		}
		if runCount(r.Vendors) >= 1<<12 {
			ps.add(q+".vendors", ErrInvalidValue, "too many ranges")
		}
	}
	checkRanges(ps, p+"VendorConsents", t.VendorConsents, false)
	checkRanges(ps, p+"VendorLegitimateInterests", t.VendorLegitimateInterests, false)
	checkRanges(ps, p+"VendorsDisclosed", t.VendorsDisclosed, false)
	checkRanges(ps, p+"VendorsAllowed", t.VendorsAllowed, false)
	pub := t.PublisherTC
	checkIDs(ps, p+"PublisherConsents", pub.PurposeConsents, 24)
	checkIDs(ps, p+"PublisherLegitimateInterests", pub.PurposeLegitimateInterests, 24)
	checkInt(ps, p+"NumCustomPurposes", pub.NumCustomPurposes, 6)
	checkIDs(ps, p+"PublisherCustomConsents", pub.CustomPurposeConsents, pub.NumCustomPurposes)
	checkIDs(ps, p+"PublisherCustomLegitimateInterests", pub.CustomPurposeLegitimateInterests, pub.NumCustomPurposes)
	if !t.HasVendorsAllowed && !t.VendorsAllowed.IsEmpty() {
		ps.add(p+"VendorsAllowed", ErrInvalidValue, "set without HasVendorsAllowed")
	}
}

// checkRanges reports a vendor set written as a range list of more
// entries than its 12-bit count can hold.
func checkRanges(ps *problems, path string, v tcf.VendorSet, fib bool) {
	if useRange, runs := rangeForm(v, fib); useRange && runs >= 1<<12 {
		ps.add(path, ErrInvalidValue, "too many ranges")
	}
}

func validateTCFCA(ps *problems, t *TCFCAv1) {
	const p = "tcfcav1."
	checkInt(ps, p+"Version", t.Version, 6)
	checkDate(ps, p+"Created", t.Created)
	checkDate(ps, p+"LastUpdated", t.LastUpdated)
	checkInt(ps, p+"CmpId", t.CMPID, 12)
	checkInt(ps, p+"CmpVersion", t.CMPVersion, 12)
	checkInt(ps, p+"ConsentScreen", t.ConsentScreen, 6)
	checkLetters(ps, p+"ConsentLanguage", t.ConsentLanguage)
	checkInt(ps, p+"VendorListVersion", t.VendorListVersion, 12)
	checkInt(ps, p+"TcfPolicyVersion", t.TCFPolicyVersion, 6)
	checkIDs(ps, p+"SpecialFeatureExpressConsent", t.SpecialFeatureExpressConsent, 12)
	checkIDs(ps, p+"PurposesExpressConsent", t.PurposesExpressConsent, 24)
	checkIDs(ps, p+"PurposesImpliedConsent", t.PurposesImpliedConsent, 24)
	checkIDs(ps, p+"PubPurposesExpressConsent", t.PubPurposesExpressConsent, 24)
	checkIDs(ps, p+"PubPurposesImpliedConsent", t.PubPurposesImpliedConsent, 24)
	checkInt(ps, p+"NumCustomPurposes", t.NumCustomPurposes, 6)
	checkIDs(ps, p+"CustomPurposesExpressConsent", t.CustomPurposesExpressConsent, t.NumCustomPurposes)
	checkIDs(ps, p+"CustomPurposesImpliedConsent", t.CustomPurposesImpliedConsent, t.NumCustomPurposes)
	checkRanges(ps, p+"VendorExpressConsent", t.VendorExpressConsent, true)
	checkRanges(ps, p+"VendorImpliedConsent", t.VendorImpliedConsent, true)
	checkRanges(ps, p+"DisclosedVendors", t.DisclosedVendors, true)
	if len(t.PubRestrictions) >= 1<<12 {
		ps.add(p+"PubRestrictions", ErrInvalidValue, strconv.Itoa(len(t.PubRestrictions)))
	}
	for i, r := range t.PubRestrictions {
		q := p + "PubRestrictions[" + strconv.Itoa(i) + "]"
		checkInt(ps, q+".purposeId", r.PurposeID, 6)
		checkInt(ps, q+".type", r.Type, 2)
		checkRanges(ps, q+".vendors", r.Vendors, true)
	}
}

func validateUS(ps *problems, p string, u *US) {
	sc := schemaOf(u.Section)
	if sc == nil {
		ps.add(p+".section", ErrUnknownSection, strconv.Itoa(int(u.Section)))
		return
	}
	p = u.Section.String()
	var has [numUSFields]bool
	for _, sp := range sc.core {
		has[sp.f] = true
		switch sp.f {
		case fVersion:
			checkInt(ps, p+".Version", u.Version, 6)
		case fSensitiveDataProcessing:
			checkChoices(ps, p+".SensitiveDataProcessing", u.SensitiveDataProcessing, sp.n)
		case fKnownChildSensitiveDataConsents:
			checkChoices(ps, p+".KnownChildSensitiveDataConsents", u.KnownChildSensitiveDataConsents, max(sp.n, 1))
		default:
			c := *u.choice(sp.f)
			if c > No || (sp.f == fMspaCoveredTransaction && c == NotApplicable) {
				ps.add(p+"."+usFieldNames[sp.f], ErrInvalidValue, strconv.Itoa(int(c)))
			}
		}
	}
	if sc.sub == subSensitive {
		has[fSensitiveDataProcessing] = true
		checkChoices(ps, p+".SensitiveDataProcessing", u.SensitiveDataProcessing, sc.subN)
		if !u.SensitiveDataConsentSegmentIncluded && slices.ContainsFunc(u.SensitiveDataProcessing, func(c Choice) bool { return c != NotApplicable }) {
			ps.add(p+".SensitiveDataProcessing", ErrFieldNotInSection, "sub-section not included")
		}
	} else if u.SensitiveDataConsentSegmentIncluded {
		ps.add(p+".SensitiveDataConsentSegmentIncluded", ErrFieldNotInSection, "")
	}
	if sc.sub != subGPC && (u.GPC || u.GPCSegmentIncluded) {
		ps.add(p+".Gpc", ErrFieldNotInSection, "")
	}
	if sc.sub == subGPC && u.GPC && !u.GPCSegmentIncluded {
		ps.add(p+".Gpc", ErrInvalidValue, "set without GpcSegmentIncluded")
	}
	for f := fSharingNotice; f < numUSFields; f++ {
		if has[f] {
			continue
		}
		switch f {
		case fSensitiveDataProcessing:
			if len(u.SensitiveDataProcessing) > 0 {
				ps.add(p+".SensitiveDataProcessing", ErrFieldNotInSection, "")
			}
		case fKnownChildSensitiveDataConsents:
			if len(u.KnownChildSensitiveDataConsents) > 0 {
				ps.add(p+".KnownChildSensitiveDataConsents", ErrFieldNotInSection, "")
			}
		default:
			if *u.choice(f) != NotApplicable {
				ps.add(p+"."+usFieldNames[f], ErrFieldNotInSection, "")
			}
		}
	}
}

func checkChoices(ps *problems, path string, list []Choice, n int) {
	if len(list) > n {
		ps.add(path, ErrInvalidValue, "more than "+strconv.Itoa(n)+" entries")
	}
	for i, c := range list {
		if c > No {
			ps.add(path+"["+strconv.Itoa(i)+"]", ErrInvalidValue, strconv.Itoa(int(c)))
		}
	}
}
