package catalog

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/contract"
)

// CSVEncoder writes records as CSV in c's full layout, header first. Make
// one with [Compiled.NewCSVEncoder]; the zero CSVEncoder, or one over a nil
// writer, returns an error wrapping [ErrNil] from Encode and Flush.
type CSVEncoder struct {
	c      *Compiled
	w      *csv.Writer
	layout *csvLayout
	num    NumberFormat
	cells  []string
	header bool
	index  map[slotIndexKey]int
}

type slotIndexKey struct {
	field int32
	loc   contract.Locale
	ch    string
}

// NewCSVEncoder returns an encoder writing to w; the header is written
// with the first record (or by Flush when there is none).
func (c *Compiled) NewCSVEncoder(w io.Writer, opts CSVOptions) *CSVEncoder {
	if w == nil {
		return &CSVEncoder{}
	}
	cw := csv.NewWriter(w)
	cw.Comma = opts.comma()
	l := c.columns()
	e := &CSVEncoder{c: c, w: cw, layout: l, num: opts.format(), cells: make([]string, len(l.cols)), index: map[slotIndexKey]int{}}
	for i, s := range l.slots {
		e.index[slotIndexKey{s.field, s.loc, s.ch}] = i
	}
	return e
}

func (e *CSVEncoder) writeHeader() error {
	if e.w == nil || e.layout == nil || e.c == nil {
		return errNotCreated
	}
	if e.header {
		return nil
	}
	e.header = true
	for i, col := range e.layout.cols {
		e.cells[i] = col.name
	}
	return e.w.Write(e.cells)
}

// Encode writes one record. Values the layout has no column for (unknown
// fields, locales or channels, a price currency no channel uses, a value
// of the wrong kind) are reported at once in a [*contract.ValidationError] and the
// record is not written, so an export never silently drops data.
func (e *CSVEncoder) Encode(r Record) error {
	if err := e.writeHeader(); err != nil {
		return err
	}
	for i := range e.cells {
		e.cells[i] = ""
	}
	l := e.layout
	e.cells[l.fixed[colID]] = r.ID
	e.cells[l.fixed[colParent]] = r.Parent
	e.cells[l.fixed[colStatus]] = r.Status.String()
	e.cells[l.fixed[colVersion]] = strconv.FormatUint(r.Version, 10)
	e.cells[l.fixed[colCategories]] = strings.Join(r.Categories, ",")
	var ps []contract.Problem
	for _, fv := range r.Values {
		fi, ok := e.c.index[fv.Field]
		si, ok2 := e.index[slotIndexKey{fi, fv.Locale, fv.Channel}]
		if !ok || !ok2 {
			ps = append(ps, contract.Problem{Path: valuePath("", safeSegment(fv.Field), fv.Locale, safeSegment(fv.Channel)), Rule: RuleUnknownField})
			continue
		}
		f := &e.c.fields[fi]
		s := &l.slots[si]
		v := fv.Value
		if v.IsEmpty() {
			continue
		}
		if v.kind != f.kind() {
			ps = append(ps, contract.Problem{Path: valuePath("", f.Code, fv.Locale, fv.Channel), Rule: RuleType, Param: f.Type.String()})
			continue
		}
		switch f.Type {
		case PriceField:
			for _, p := range v.x.prices {
				k := -1
				for j, u := range s.curs {
					if u == p.Currency() {
						k = j
					}
				}
				if k < 0 {
					ps = append(ps, contract.Problem{Path: valuePath("", f.Code, fv.Locale, fv.Channel), Rule: RuleCurrency, Param: p.Currency().String()})
					continue
				}
				e.cells[s.cols[k]] = e.num.Format(p.Amount())
			}
		case Measurement:
			e.cells[s.cols[0]] = e.num.Format(v.decimal())
			e.cells[s.unitCol] = v.s
		case NumberField:
			e.cells[s.cols[0]] = e.num.Format(v.decimal())
		case Boolean:
			if v.b {
				e.cells[s.cols[0]] = "1"
			} else {
				e.cells[s.cols[0]] = "0"
			}
		case Image, File:
			parts := make([]string, len(v.x.assets))
			for i, a := range v.x.assets {
				parts[i] = a.Ref
				if a.Size > 0 {
					parts[i] += "|" + strconv.FormatInt(a.Size, 10)
				}
			}
			e.cells[s.cols[0]] = strings.Join(parts, ",")
		default:
			e.cells[s.cols[0]] = v.String()
		}
	}
	if len(ps) > 0 {
		return invalid("encode csv", ps)
	}
	return e.w.Write(e.cells)
}

// Flush writes any buffered data (and the header when nothing was
// encoded) and returns the first write error.
func (e *CSVEncoder) Flush() error {
	if err := e.writeHeader(); err != nil {
		return err
	}
	e.w.Flush()
	return e.w.Error()
}

// ExportCSV writes rs to w with a header, stopping at the first record
// that cannot be written (see [CSVEncoder.Encode]); its problems' paths
// are prefixed "records[i].".
func (c *Compiled) ExportCSV(w io.Writer, rs []Record, opts CSVOptions) error {
	if w == nil {
		return errNilWriter
	}
	e := c.NewCSVEncoder(w, opts)
	for i, r := range rs {
		if err := e.Encode(r); err != nil {
			var ve *contract.ValidationError
			if errors.As(err, &ve) {
				for j := range ve.Problems {
					ve.Problems[j].Path = "records[" + strconv.Itoa(i) + "]." + ve.Problems[j].Path
				}
			}
			return err
		}
	}
	return e.Flush()
}
