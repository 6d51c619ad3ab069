package gpp

import (
	"strconv"

	"github.com/pimkit/pimkit/privacy/tcf"
)

// tcfeu decodes a tcfeuv2 section: the core segment and, in any order, the
// disclosed-vendors (type 1), allowed-vendors (type 2) and publisher
// purposes (type 3) segments, each at most once (GPP "EU TCF v2 Section").
func (d *decoder) tcfeu(text string) (TCFEUv2, error) {
	d.path = "tcfeuv2"
	var t TCFEUv2
	var buf [4]string
	segs, ok := splitSegments(text, buf[:0])
	if !ok {
		return t, decodeError(d.path, -1, ErrUnknownSegment, "more than 4 segments")
	}
	var seen [4]bool
	for i, seg := range segs {
		name := segmentName(i)
		if err := d.load(seg, name); err != nil {
			return t, err
		}
		if !d.r.has(3) {
			return t, decodeError(d.field(name), 0, ErrTruncated, "")
		}
		typ := int(d.r.b[0] >> 5)
		if typ > 3 || seen[typ] {
			return t, decodeError(d.field(name), 0, ErrUnknownSegment, "type "+strconv.Itoa(typ))
		}
		if i == 0 && typ != 0 {
			return t, decodeError(d.field(name), 0, ErrUnknownSegment, "first segment is not the core")
		}
		seen[typ] = true
		var err error
		switch typ {
		case 0:
			err = d.tcfeuCore(&t)
		case 1:
			d.r.pos = 3
			t.VendorsDisclosed, err = d.optimized("VendorsDisclosed", false)
		case 2:
			d.r.pos = 3
			t.HasVendorsAllowed = true
			t.VendorsAllowed, err = d.optimized("VendorsAllowed", false)
		case 3:
			d.r.pos = 3
			err = d.tcfeuPublisher(&t.PublisherTC)
		}
		if err != nil {
			return t, err
		}
	}
	return t, nil
}

func (d *decoder) tcfeuCore(t *TCFEUv2) error {
	var err error
	var v int
	if v, err = d.int(6, "Version"); err != nil {
		return err
	}
	if v != tcf.Version {
		return decodeError(d.field("Version"), 0, ErrInvalidValue, strconv.Itoa(v))
	}
	if t.Created, err = d.date("Created"); err != nil {
		return err
	}
	if t.LastUpdated, err = d.date("LastUpdated"); err != nil {
		return err
	}
	if t.CMPID, err = d.int(12, "CmpId"); err != nil {
		return err
	}
	if t.CMPVersion, err = d.int(12, "CmpVersion"); err != nil {
		return err
	}
	if t.ConsentScreen, err = d.int(6, "ConsentScreen"); err != nil {
		return err
	}
	if t.ConsentLanguage, err = d.letters("ConsentLanguage"); err != nil {
		return err
	}
	if t.VendorListVersion, err = d.int(12, "VendorListVersion"); err != nil {
		return err
	}
	if t.PolicyVersion, err = d.int(6, "PolicyVersion"); err != nil {
		return err
	}
	at := d.r.pos
	if t.IsServiceSpecific, err = d.flag("IsServiceSpecific"); err != nil {
		return err
	}
	if !t.IsServiceSpecific {
		// The official library cannot encode such a section: GPP carries
		// service-specific TC strings only.
		return decodeError(d.field("IsServiceSpecific"), at, ErrInvalidValue, "false")
	}
	if t.UseNonStandardStacks, err = d.flag("UseNonStandardStacks"); err != nil {
		return err
	}
	if t.SpecialFeatureOptIns, err = d.idSet(12, "SpecialFeatureOptins"); err != nil {
		return err
	}
	if t.PurposeConsents, err = d.idSet(24, "PurposeConsents"); err != nil {
		return err
	}
	if t.PurposeLegitimateInterests, err = d.idSet(24, "PurposeLegitimateInterests"); err != nil {
		return err
	}
	if t.PurposeOneTreatment, err = d.flag("PurposeOneTreatment"); err != nil {
		return err
	}
	if t.PublisherCountryCode, err = d.letters("PublisherCountryCode"); err != nil {
		return err
	}
	if t.VendorConsents, err = d.optimized("VendorConsents", false); err != nil {
		return err
	}
	if t.VendorLegitimateInterests, err = d.optimized("VendorLegitimateInterests", false); err != nil {
		return err
	}
	err = d.restrictions(false, func(n int) { t.PublisherRestrictions = make([]tcf.PublisherRestriction, 0, n) }, func(p, typ int, v tcf.VendorSet) {
		t.PublisherRestrictions = append(t.PublisherRestrictions, tcf.PublisherRestriction{PurposeID: p, Type: tcf.RestrictionType(typ), Vendors: v})
	})
	return err
}

// restrictions reads a publisher restriction list (GPP "ArrayOfRanges":
// a 12-bit count, then per entry a 6-bit purpose, a 2-bit type and an ID
// range list, Fibonacci-coded when fib is true). As in the official
// library the field is optional: a list cut short by the end of the
// segment reads as no restrictions. start receives the count, add the
// entries.
func (d *decoder) restrictions(fib bool, start func(n int), add func(purpose, typ int, v tcf.VendorSet)) error {
	if !d.r.has(12) {
		return nil
	}
	from := d.r.pos
	if !d.restrictionsFit(fib) {
		return nil
	}
	d.r.pos = from
	n := int(d.r.read(12))
	if n > 0 {
		start(n)
	}
	for i := 0; i < n; i++ {
		at := d.r.pos
		purpose := int(d.r.read(6))
		typ := int(d.r.read(2))
		name := "PublisherRestrictions[" + strconv.Itoa(i) + "]"
		if !fib && typ == 3 {
			return decodeError(d.field(name), at, ErrInvalidValue, "restriction type 3")
		}
		d.resetWords()
		var err error
		if fib {
			name = "PubRestrictions[" + strconv.Itoa(i) + "]"
			var v tcf.VendorSet
			if v, err = d.optimized(name, true); err == nil {
				add(purpose, typ, v)
				continue
			}
		} else if err = d.fixedRange(name); err == nil {
			add(purpose, typ, d.set())
			continue
		}
		return err
	}
	return nil
}

// restrictionsFit walks a restriction list without keeping it and reports
// whether it ends within the segment, as the official library's substring
// check does before it decodes the list.
func (d *decoder) restrictionsFit(fib bool) bool {
	r := &d.r
	n := int(r.read(12))
	for i := 0; i < n; i++ {
		if !r.has(8) {
			return false
		}
		r.pos += 8
		if fib {
			if !r.has(17) {
				return false
			}
			max := int(r.read(16))
			if !r.bit() {
				if !r.has(max) {
					return false
				}
				r.pos += max
				continue
			}
			if !r.has(12) {
				return false
			}
			m := int(r.read(12))
			for j := 0; j < m; j++ {
				if !r.has(1) {
					return false
				}
				group := r.bit()
				if _, ok := r.fibonacci(); !ok {
					return false
				}
				if group {
					if _, ok := r.fibonacci(); !ok {
						return false
					}
				}
			}
			continue
		}
		if !r.has(12) {
			return false
		}
		m := int(r.read(12))
		for j := 0; j < m; j++ {
			if !r.has(1) {
				return false
			}
			k := 16
			if r.bit() {
				k = 32
			}
			if !r.has(k) {
				return false
			}
			r.pos += k
		}
	}
	return true
}

func (d *decoder) tcfeuPublisher(p *tcf.PublisherTC) error {
	var err error
	if p.PurposeConsents, err = d.idSet(24, "PublisherConsents"); err != nil {
		return err
	}
	if p.PurposeLegitimateInterests, err = d.idSet(24, "PublisherLegitimateInterests"); err != nil {
		return err
	}
	if p.NumCustomPurposes, err = d.int(6, "NumCustomPurposes"); err != nil {
		return err
	}
	if p.CustomPurposeConsents, err = d.idSet(p.NumCustomPurposes, "PublisherCustomConsents"); err != nil {
		return err
	}
	p.CustomPurposeLegitimateInterests, err = d.idSet(p.NumCustomPurposes, "PublisherCustomLegitimateInterests")
	return err
}

// tcfca decodes a tcfcav1 section: the core, then in any order the
// publisher purposes (type 3) and disclosed vendors (type 1) segments.
func (d *decoder) tcfca(text string) (TCFCAv1, error) {
	d.path = "tcfcav1"
	var t TCFCAv1
	var buf [3]string
	segs, ok := splitSegments(text, buf[:0])
	if !ok {
		return t, decodeError(d.path, -1, ErrUnknownSegment, "more than 3 segments")
	}
	var seen [4]bool
	for i, seg := range segs {
		name := segmentName(i)
		if err := d.load(seg, name); err != nil {
			return t, err
		}
		if !d.r.has(3) {
			return t, decodeError(d.field(name), 0, ErrTruncated, "")
		}
		typ := int(d.r.b[0] >> 5)
		if typ == 2 || typ > 3 || seen[typ] || (i == 0) != (typ == 0) {
			return t, decodeError(d.field(name), 0, ErrUnknownSegment, "type "+strconv.Itoa(typ))
		}
		seen[typ] = true
		var err error
		switch typ {
		case 0:
			err = d.tcfcaCore(&t)
		case 1:
			d.r.pos = 3
			t.DisclosedVendors, err = d.optimized("DisclosedVendors", true)
		case 3:
			d.r.pos = 3
			err = d.tcfcaPublisher(&t)
		}
		if err != nil {
			return t, err
		}
	}
	return t, nil
}

func (d *decoder) tcfcaCore(t *TCFCAv1) error {
	var err error
	if t.Version, err = d.int(6, "Version"); err != nil {
		return err
	}
	if t.Created, err = d.date("Created"); err != nil {
		return err
	}
	if t.LastUpdated, err = d.date("LastUpdated"); err != nil {
		return err
	}
	if t.CMPID, err = d.int(12, "CmpId"); err != nil {
		return err
	}
	if t.CMPVersion, err = d.int(12, "CmpVersion"); err != nil {
		return err
	}
	if t.ConsentScreen, err = d.int(6, "ConsentScreen"); err != nil {
		return err
	}
	if t.ConsentLanguage, err = d.letters("ConsentLanguage"); err != nil {
		return err
	}
	if t.VendorListVersion, err = d.int(12, "VendorListVersion"); err != nil {
		return err
	}
	if t.TCFPolicyVersion, err = d.int(6, "TcfPolicyVersion"); err != nil {
		return err
	}
	if t.UseNonStandardStacks, err = d.flag("UseNonStandardStacks"); err != nil {
		return err
	}
	if t.SpecialFeatureExpressConsent, err = d.idSet(12, "SpecialFeatureExpressConsent"); err != nil {
		return err
	}
	if t.PurposesExpressConsent, err = d.idSet(24, "PurposesExpressConsent"); err != nil {
		return err
	}
	if t.PurposesImpliedConsent, err = d.idSet(24, "PurposesImpliedConsent"); err != nil {
		return err
	}
	if t.VendorExpressConsent, err = d.optimized("VendorExpressConsent", true); err != nil {
		return err
	}
	if t.VendorImpliedConsent, err = d.optimized("VendorImpliedConsent", true); err != nil {
		return err
	}
	err = d.restrictions(true, func(n int) { t.PubRestrictions = make([]CARestriction, 0, n) }, func(p, typ int, v tcf.VendorSet) {
		t.PubRestrictions = append(t.PubRestrictions, CARestriction{PurposeID: p, Type: typ, Vendors: v})
	})
	return err
}

func (d *decoder) tcfcaPublisher(t *TCFCAv1) error {
	var err error
	if t.PubPurposesExpressConsent, err = d.idSet(24, "PubPurposesExpressConsent"); err != nil {
		return err
	}
	if t.PubPurposesImpliedConsent, err = d.idSet(24, "PubPurposesImpliedConsent"); err != nil {
		return err
	}
	if t.NumCustomPurposes, err = d.int(6, "NumCustomPurposes"); err != nil {
		return err
	}
	if t.CustomPurposesExpressConsent, err = d.idSet(t.NumCustomPurposes, "CustomPurposesExpressConsent"); err != nil {
		return err
	}
	t.CustomPurposesImpliedConsent, err = d.idSet(t.NumCustomPurposes, "CustomPurposesImpliedConsent")
	return err
}

// us decodes a US national or state section: its core segment and, where
// the section has one, the GPC or sensitive data consent sub-section.
func (d *decoder) us(id SectionID, text string) (US, error) {
	sc := schemaOf(id)
	d.path = id.String()
	u := US{Section: id}
	var buf [2]string
	segs, ok := splitSegments(text, buf[:0])
	if !ok || (len(segs) == 2 && sc.sub == subNone) {
		return u, decodeError(d.path, -1, ErrUnknownSegment, "too many segments")
	}
	if err := d.load(segs[0], "core"); err != nil {
		return u, err
	}
	// One allocation holds the section's lists: at most 16 + 5 entries.
	pool := make([]Choice, 0, 24)
	if id == SectionUSNat && (d.r.n == 60 || d.r.n == 66) {
		d.usnatV1()
	}
	for _, sp := range sc.core {
		name := usFieldNames[sp.f]
		switch sp.f {
		case fVersion:
			v, err := d.int(6, name)
			if err != nil {
				return u, err
			}
			u.Version = v
		case fSensitiveDataProcessing, fKnownChildSensitiveDataConsents:
			list, err := d.choices(max(sp.n, 1), name, &pool)
			if err != nil {
				return u, err
			}
			if sp.f == fSensitiveDataProcessing {
				u.SensitiveDataProcessing = list
			} else {
				u.KnownChildSensitiveDataConsents = list
			}
		default:
			at := d.r.pos
			c, err := d.choice(name)
			if err != nil {
				return u, err
			}
			if sp.f == fMspaCoveredTransaction && c == NotApplicable {
				return u, decodeError(d.field(name), at, ErrInvalidValue, "0")
			}
			*u.choice(sp.f) = c
		}
	}
	if id == SectionUSNat && u.Version == 1 {
		// Version 1 had 12 sensitive data categories and 2 child age
		// bands; the official library reports only those.
		u.SensitiveDataProcessing = u.SensitiveDataProcessing[:12]
		u.KnownChildSensitiveDataConsents = u.KnownChildSensitiveDataConsents[:2]
	}
	switch sc.sub {
	case subGPC:
		if len(segs) < 2 {
			return u, nil
		}
		if err := d.load(segs[1], "gpc"); err != nil {
			return u, err
		}
		typ, err := d.int(2, "GpcSegmentType")
		if err != nil {
			return u, err
		}
		if typ != 1 {
			return u, decodeError(d.field("GpcSegmentType"), 0, ErrInvalidValue, strconv.Itoa(typ))
		}
		if u.GPC, err = d.flag("Gpc"); err != nil {
			return u, err
		}
		u.GPCSegmentIncluded = true
	case subSensitive:
		if len(segs) < 2 {
			u.SensitiveDataProcessing = make([]Choice, sc.subN)
			return u, nil
		}
		if err := d.load(segs[1], "sensitive"); err != nil {
			return u, err
		}
		list, err := d.choices(sc.subN, "SensitiveDataProcessing", &pool)
		if err != nil {
			return u, err
		}
		u.SensitiveDataProcessing = list
		u.SensitiveDataConsentSegmentIncluded = true
	}
	return u, nil
}

// usnatV1 rewrites a usnat core segment of the version 1 layout (12
// sensitive data categories, 2 child age bands; 60 bits, or 66 after
// padding) into the version 2 layout, as the official library does: eight
// zero bits after bit 48 and two after the child consents.
func (d *decoder) usnatV1() {
	var w writer
	r := d.r
	r.pos = 0
	w.write(r.read(48>>1), 24)
	w.write(r.read(24), 24)
	w.write(0, 8)
	w.write(r.read(4), 4)
	w.write(0, 2)
	w.write(r.read(8), 8)
	w.write(0, 2)
	if w.k > 0 {
		w.b = append(w.b, byte(w.acc<<(8-w.k)))
	}
	n := w.n
	d.r.b = append(w.b, make([]byte, slack)...)
	d.r.n, d.r.pos = n, 0
}

// choice reads a two-bit US value; 3 is rejected.
func (d *decoder) choice(name string) (Choice, error) {
	at := d.r.pos
	v, err := d.int(2, name)
	if err != nil {
		return 0, err
	}
	if v == 3 {
		return 0, decodeError(d.field(name), at, ErrInvalidValue, "3")
	}
	return Choice(v), nil
}

// choices reads n two-bit values into the next n entries of pool.
func (d *decoder) choices(n int, name string, pool *[]Choice) ([]Choice, error) {
	if err := d.need(2*n, name); err != nil {
		return nil, err
	}
	p := *pool
	if cap(p)-len(p) < n {
		p = make([]Choice, 0, n)
	}
	out := p[len(p) : len(p)+n : len(p)+n]
	*pool = p[:len(p)+n]
	for i := range out {
		at := d.r.pos
		v := d.r.read(2)
		if v == 3 {
			return nil, decodeError(d.field(name)+"["+strconv.Itoa(i)+"]", at, ErrInvalidValue, "3")
		}
		out[i] = Choice(v)
	}
	return out, nil
}

// segmentName names the i-th segment of a section in problem paths.
func segmentName(i int) string {
	switch i {
	case 0:
		return "segment[0]"
	case 1:
		return "segment[1]"
	case 2:
		return "segment[2]"
	}
	return "segment[3]"
}
