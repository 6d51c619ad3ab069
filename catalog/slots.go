package catalog

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pimkit/pimkit/contract"
)

// slotState is a record's slot map: which (field, locale, channel) slots
// hold a value (seen) and which hold a non-empty value of the right kind
// (filled). Small maps live on the stack.
type slotState struct {
	seen, filled []uint64
	buf          [2 * 64]uint64
}

func (c *Compiled) newState(st *slotState) {
	words := int(c.nslots+63) / 64
	if 2*words <= len(st.buf) {
		st.seen, st.filled = st.buf[:words:words], st.buf[words:2*words:2*words]
		return
	}
	b := make([]uint64, 2*words)
	st.seen, st.filled = b[:words:words], b[words:]
}

func bit(m []uint64, i int32) bool { return m[i>>6]&(1<<(uint(i)&63)) != 0 }
func setBit(m []uint64, i int32)   { m[i>>6] |= 1 << (uint(i) & 63) }

// valuePath renders "values.title[da-DK][ecommerce]"; the brackets appear
// only for a locale or channel the value has.
func valuePath(prefix, field string, loc contract.Locale, ch string) string {
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteString("values.")
	b.WriteString(field)
	if !loc.IsZero() {
		b.WriteByte('[')
		b.WriteString(loc.String())
		b.WriteByte(']')
	}
	if ch != "" {
		b.WriteByte('[')
		b.WriteString(ch)
		b.WriteByte(']')
	}
	return b.String()
}

func (c *Compiled) scan(ps []contract.Problem, prefix string, vals []FieldValue, st *slotState, check bool) []contract.Problem {
	// Values usually come grouped by field in schema order (every decoder
	// here produces them so), so the field of the previous value, or the
	// next one, is tried before the map; comparing a code with itself is a
	// pointer comparison.
	cur := int32(0)
	for vi := range vals {
		fv := &vals[vi]
		var fi int32
		ok := true
		switch {
		case cur < int32(len(c.fields)) && fv.Field == c.fields[cur].Code:
			fi = cur
		case cur+1 < int32(len(c.fields)) && fv.Field == c.fields[cur+1].Code:
			fi = cur + 1
		default:
			fi, ok = c.index[fv.Field]
		}
		if !ok {
			if check {
				ps = append(ps, contract.Problem{Path: prefix + "values." + safeSegment(fv.Field), Rule: RuleUnknownField})
			}
			continue
		}
		cur = fi
		f := &c.fields[fi]
		li, ci := int32(0), int32(0)
		bad := false
		if f.Localizable {
			l := c.localeIndex(fv.Locale)
			if l < 0 {
				bad = true
			}
			li = int32(l)
		} else if !fv.Locale.IsZero() {
			bad = true
		}
		if bad {
			if check {
				ps = append(ps, contract.Problem{Path: valuePath(prefix, f.Code, fv.Locale, safeSegment(fv.Channel)), Rule: RuleLocale, Param: localeParam(f)})
			}
			continue
		}
		if f.Scopable {
			ch := c.channelIndex(fv.Channel)
			if ch < 0 || (f.Localizable && !c.chLocSet[ch][li]) {
				if check {
					ps = append(ps, contract.Problem{Path: valuePath(prefix, f.Code, fv.Locale, safeSegment(fv.Channel)), Rule: RuleChannel, Param: "scopable"})
				}
				continue
			}
			ci = int32(ch)
		} else if fv.Channel != "" {
			if check {
				ps = append(ps, contract.Problem{Path: valuePath(prefix, f.Code, fv.Locale, safeSegment(fv.Channel)), Rule: RuleChannel, Param: "not scopable"})
			}
			continue
		}
		s := f.slot(li, ci)
		if bit(st.seen, s) {
			if check {
				ps = append(ps, contract.Problem{Path: valuePath(prefix, f.Code, fv.Locale, fv.Channel), Rule: RuleDuplicateValue})
			}
			continue
		}
		setBit(st.seen, s)
		if check {
			before := len(ps)
			ps = c.checkValue(ps, prefix, f, fv, ci)
			if len(ps) > before && ps[before].Rule == RuleType {
				continue
			}
		} else if fv.Value.kind != f.kind() {
			continue
		}
		if fv.Value.kind == kindEmpty || (fv.Value.kind == kindText && maybeBlank(fv.Value.s) && blankText(fv.Value.s)) {
			continue
		}
		if f.Type == PriceField {
			c.markPrice(st, f, li, ci, fv.Value)
			continue
		}
		setBit(st.filled, s)
	}
	return ps
}

func localeParam(f *cfield) string {
	if f.Localizable {
		return "localizable"
	}
	return "not localizable"
}

// safeSegment keeps a caller-supplied code out of a path when it is not a
// well-formed code, so paths never carry arbitrary text.
func safeSegment(s string) string {
	if s == "" || validCode(s) {
		return s
	}
	return "?"
}

// markPrice marks a price filled for each channel whose currencies it
// covers: for channel ci only when scopable, else for every channel.
func (c *Compiled) markPrice(st *slotState, f *cfield, li, ci int32, v Value) {
	for ch := range c.channels {
		if f.Scopable && int32(ch) != ci {
			continue
		}
		ok := true
		for _, u := range c.chCurs[ch] {
			if !v.hasPrice(u) {
				ok = false
				break
			}
		}
		if ok {
			setBit(st.filled, f.slot(li, int32(ch)))
		}
	}
	if len(c.channels) == 0 {
		setBit(st.filled, f.slot(li, 0))
	}
}

func (f *cfield) kind() valueKind {
	switch f.Type {
	case Identifier, TextField, Textarea, Reference, GTIN:
		return kindText
	case NumberField:
		return kindNumber
	case Measurement:
		return kindMeasure
	case PriceField:
		return kindPrices
	case Boolean:
		return kindBool
	case DateField:
		return kindDate
	case SimpleSelect:
		return kindOption
	case MultiSelect:
		return kindOptions
	case Image, File:
		return kindAssets
	}
	return kindEmpty
}

// maybeBlank is blankText's inlined first test: a text that starts with
// a printable ASCII character is not blank.
func maybeBlank(s string) bool { return len(s) == 0 || s[0] <= ' ' || s[0] >= utf8.RuneSelf }

// blankText reports whether s is only white space ("   ", a tab, a
// no-break space): such a text is stored but counts as missing for
// completeness, required checks and quality. The first byte decides for
// almost every real text.
func blankText(s string) bool {
	if len(s) > 0 && s[0] > ' ' && s[0] < utf8.RuneSelf {
		return false
	}
	return strings.TrimFunc(s, unicode.IsSpace) == ""
}
