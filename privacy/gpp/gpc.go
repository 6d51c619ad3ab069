package gpp

import "github.com/pimkit/pimkit/contract"

// GPCMapping says which opt-outs of a US section a Global Privacy Control
// signal stands for. The GPP carries GPC as a flag of its own (the Gpc
// field of a section's GPC sub-section) and leaves it to the CMP to turn it
// into opt-outs; which ones is the law's question, and the host's choice:
//
//   - California treats GPC as a request to opt out of the sale and the
//     sharing of personal information (Cal. Civ. Code § 1798.135(e); CCPA
//     Regulations, Cal. Code Regs. tit. 11, § 7025(b), (c)).
//   - Colorado requires honouring a recognised universal opt-out mechanism
//     for targeted advertising and sale (C.R.S. § 6-1-1306(1)(a)(IV); GPC
//     is the mechanism recognised under 4 CCR 904-3, Rule 5); Connecticut,
//     Texas, Oregon, Montana, Delaware, New Jersey, New Hampshire and
//     Minnesota have like provisions.
//
// [DefaultGPCMapping] sets all three; a host that reads the law otherwise
// builds its own. Each field names the opt-out it sets.
type GPCMapping struct {
	// SaleOptOut sets SaleOptOut to Yes (opted out).
	SaleOptOut bool `json:"sale_opt_out"`
	// SharingOptOut sets SharingOptOut to Yes where the section has it
	// (usnat, usca).
	SharingOptOut bool `json:"sharing_opt_out"`
	// TargetedAdvertisingOptOut sets TargetedAdvertisingOptOut to Yes
	// where the section has it (usnat and the states but usca).
	TargetedAdvertisingOptOut bool `json:"targeted_advertising_opt_out"`
}

// DefaultGPCMapping treats GPC as an opt-out of sale, sharing and targeted
// advertising: the union of the California and Colorado readings above.
var DefaultGPCMapping = GPCMapping{SaleOptOut: true, SharingOptOut: true, TargetedAdvertisingOptOut: true}

// GPCEffect records one opt-out that [GPCMapping.Apply] set, or found set,
// with the provisions it rests on in that section's state.
type GPCEffect struct {
	// Section is the section changed.
	Section SectionID `json:"section"`
	// Field is the field, in the official library's spelling
	// ("SaleOptOut").
	Field string `json:"field"`
	// From is the field's value before; To is Yes.
	From Choice `json:"from"`
	// To is the value after.
	To Choice `json:"to"`
	// Citations are the provisions the opt-out rests on.
	Citations contract.CitationList `json:"citations"`
}

// The provisions behind the opt-outs GPC may stand for.
var (
	citeGPP = contract.Cite("GPP US National Privacy Technical Specification", "Gpc")
	citeCA  = []contract.Citation{contract.Cite("Cal. Civ. Code", "§ 1798.135(e)"), contract.Cite("Cal. Code Regs. tit. 11", "§ 7025(c)")}
	citeCO  = []contract.Citation{contract.Cite("C.R.S.", "§ 6-1-1306(1)(a)(IV)"), contract.Cite("4 CCR 904-3", "Rule 5")}
)

// gpcCitations returns the provisions an opt-out set from GPC rests on in
// section id: California's for usca (sale and sharing), Colorado's for
// usco (sale and targeted advertising), both for usnat where they apply,
// and for every section the GPP field itself. Other states' universal
// opt-out provisions are not cited: a host that relies on them adds them.
func gpcCitations(id SectionID, f usField) contract.CitationList {
	var out contract.CitationList
	ca := f == fSaleOptOut || f == fSharingOptOut
	co := f == fSaleOptOut || f == fTargetedAdvertisingOptOut
	if ca && (id == SectionUSCA || id == SectionUSNat) {
		out = append(out, citeCA...)
	}
	if co && (id == SectionUSCO || id == SectionUSNat) {
		out = append(out, citeCO...)
	}
	return append(out, citeGPP)
}

// Apply returns u with the opt-outs of m set to Yes when u carries a GPC
// signal (GPC true), and what it did: one effect per opt-out the mapping
// names and the section has, including those already Yes (From Yes). A
// section without GPC, or a mapping that names none of the section's
// opt-outs, is returned unchanged with no effects. usca with
// DefaultGPCMapping and GPC set gets SaleOptOut and SharingOptOut Yes
// (California has no targeted advertising opt-out field). A host that
// received GPC outside the string (the Sec-GPC request header) sets
// u.GPC first.
func (m GPCMapping) Apply(u US) (US, []GPCEffect) {
	sc := schemaOf(u.Section)
	if !u.GPC || sc == nil {
		return u, nil
	}
	var out []GPCEffect
	for _, sp := range sc.core {
		var on bool
		switch sp.f {
		case fSaleOptOut:
			on = m.SaleOptOut
		case fSharingOptOut:
			on = m.SharingOptOut
		case fTargetedAdvertisingOptOut:
			on = m.TargetedAdvertisingOptOut
		}
		if !on {
			continue
		}
		c := u.choice(sp.f)
		out = append(out, GPCEffect{Section: u.Section, Field: usFieldNames[sp.f], From: *c, To: Yes,
			Citations: gpcCitations(u.Section, sp.f)})
		*c = Yes
	}
	return u, out
}

// ApplyGPC applies m to every US section of s that carries GPC and returns
// the new String with all effects, in section order. Sections are copied;
// s is not changed.
func ApplyGPC(s String, m GPCMapping) (String, []GPCEffect) {
	var all []GPCEffect
	if len(s.US) > 0 {
		us := make([]US, len(s.US))
		for i, u := range s.US {
			var eff []GPCEffect
			us[i], eff = m.Apply(u)
			all = append(all, eff...)
		}
		s.US = us
	}
	return s, all
}
