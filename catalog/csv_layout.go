package catalog

import (
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// The CSV layout (Akeneo's): fixed columns first, then one column per
// value slot, named code[-locale][-channel] with the locale written with
// underscores (title-da_DK, seo_title-en_GB-ecommerce). A price has one
// column per currency (price-DKK, price-ecommerce-EUR); a measurement has
// its amount (weight) and its unit (weight-unit). Multi-select options,
// assets and categories are joined by ","; an asset with a known size is
// written ref|size. An import's header may name any subset of these
// columns in any order, but must include the ID column. As encoding/csv
// does, a line break written "\r\n" inside a quoted text comes back as
// "\n".
const (
	colID = iota
	colParent
	colStatus
	colVersion
	colCategories
	colValue
	colUnit
	colPrice
)

type csvCol struct {
	name string
	kind int
	slot int // index into csvLayout.slots for value columns
	cur  currency.Unit
}

type csvSlot struct {
	field   int32
	kind    valueKind // of the field
	loc     contract.Locale
	ch      string
	cols    []int           // amount/value columns (one per currency for prices)
	curs    []currency.Unit // currencies of cols, prices only
	unitCol int             // -1 when none
}

type csvLayout struct {
	cols  []csvCol
	slots []csvSlot
	fixed [colValue]int // column of each fixed kind, -1 when absent
}

func localeCol(t contract.Locale) string { return strings.ReplaceAll(t.String(), "-", "_") }

// columns returns the full export layout of c.
func (c *Compiled) columns() *csvLayout {
	l := &csvLayout{}
	for i, n := range []string{c.idRule, "parent", "status", "version", "categories"} {
		l.fixed[i] = i
		l.cols = append(l.cols, csvCol{name: n, kind: i})
	}
	for fi := range c.fields {
		f := &c.fields[fi]
		for _, sc := range c.slotsOf(f) {
			name := f.Code
			if !sc.loc.IsZero() {
				name += "-" + localeCol(sc.loc)
			}
			if sc.ch != "" {
				name += "-" + sc.ch
			}
			s := csvSlot{field: int32(fi), kind: f.kind(), loc: sc.loc, ch: sc.ch, unitCol: -1}
			si := len(l.slots)
			switch f.Type {
			case PriceField:
				curs := c.currencies
				if sc.ch != "" {
					curs = c.chCurs[c.channelIndex(sc.ch)]
				}
				for _, u := range curs {
					s.cols = append(s.cols, len(l.cols))
					s.curs = append(s.curs, u)
					l.cols = append(l.cols, csvCol{name: name + "-" + u.String(), kind: colPrice, slot: si, cur: u})
				}
			case Measurement:
				s.cols = append(s.cols, len(l.cols))
				l.cols = append(l.cols, csvCol{name: name, kind: colValue, slot: si})
				s.unitCol = len(l.cols)
				l.cols = append(l.cols, csvCol{name: name + "-unit", kind: colUnit, slot: si})
			default:
				s.cols = append(s.cols, len(l.cols))
				l.cols = append(l.cols, csvCol{name: name, kind: colValue, slot: si})
			}
			l.slots = append(l.slots, s)
		}
	}
	return l
}

type slotKey struct {
	loc contract.Locale
	ch  string
}

// slotsOf lists the (locale, channel) slots of f in export order: locales
// of c, then channels; a localizable and scopable field only in the
// locales its channel has.
func (c *Compiled) slotsOf(f *cfield) []slotKey {
	var out []slotKey
	switch {
	case f.Localizable && f.Scopable:
		for ci, ch := range c.channels {
			for _, li := range c.chLocales[ci] {
				out = append(out, slotKey{c.locales[li], ch.Code})
			}
		}
	case f.Localizable:
		for _, l := range c.locales {
			out = append(out, slotKey{l, ""})
		}
	case f.Scopable:
		for _, ch := range c.channels {
			out = append(out, slotKey{contract.Locale{}, ch.Code})
		}
	default:
		out = append(out, slotKey{contract.Locale{}, ""})
	}
	return out
}

// layoutFor maps a header onto c's columns. Columns may come in any order
// and any subset, but the ID column is required; unknown or repeated
// columns are reported at once, each with path "header[i]".
func (c *Compiled) layoutFor(full *csvLayout, header []string) (*csvLayout, error) {
	byName := make(map[string]int, len(full.cols))
	for i, col := range full.cols {
		byName[col.name] = i
	}
	l := &csvLayout{cols: make([]csvCol, len(header))}
	for i := range l.fixed {
		l.fixed[i] = -1
	}
	slotIdx := map[int]int{} // full slot -> new slot
	var ps []contract.Problem
	used := map[string]bool{}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff") // a spreadsheet's byte order mark
		}
		path := "header[" + strconv.Itoa(i) + "]"
		j, ok := byName[h]
		if !ok {
			ps = append(ps, contract.Problem{Path: path, Rule: RuleUnknownField, Param: safeSegment(strings.ReplaceAll(strings.ReplaceAll(h, "-", "_"), " ", "_"))})
			continue
		}
		if used[h] {
			ps = append(ps, contract.Problem{Path: path, Rule: RuleDuplicate, Param: safeSegment(strings.ReplaceAll(h, "-", "_"))})
			continue
		}
		used[h] = true
		col := full.cols[j]
		if col.kind < colValue {
			l.fixed[col.kind] = i
			l.cols[i] = col
			continue
		}
		si, ok := slotIdx[col.slot]
		if !ok {
			fs := full.slots[col.slot]
			si = len(l.slots)
			slotIdx[col.slot] = si
			l.slots = append(l.slots, csvSlot{field: fs.field, kind: fs.kind, loc: fs.loc, ch: fs.ch, unitCol: -1})
		}
		s := &l.slots[si]
		col.slot = si
		switch col.kind {
		case colUnit:
			s.unitCol = i
		case colPrice:
			s.cols = append(s.cols, i)
			s.curs = append(s.curs, col.cur)
		default:
			s.cols = append(s.cols, i)
		}
		l.cols[i] = col
	}
	if l.fixed[colID] < 0 && len(ps) == 0 {
		ps = append(ps, contract.Problem{Path: "header", Rule: RuleRequired, Param: c.idRule})
	}
	for _, s := range l.slots {
		f := &c.fields[s.field]
		if f.Type == Measurement && s.unitCol < 0 && f.DefaultUnit == "" {
			ps = append(ps, contract.Problem{Path: "header", Rule: RuleUnit, Param: f.Code + "-unit"})
		}
		if f.Type == Measurement && len(s.cols) == 0 {
			ps = append(ps, contract.Problem{Path: "header", Rule: RuleRequired, Param: f.Code})
		}
	}
	if len(ps) > 0 {
		return nil, invalid("read csv header", ps)
	}
	return l, nil
}
