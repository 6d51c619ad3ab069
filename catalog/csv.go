package catalog

import (
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// CSVOptions chooses the text conventions of one CSV import or export.
//
// Locale picks the number format ([NumberFormatFor]): with da-DK, "18,50"
// is 18.50 and "1.234,5" is 1234.5; the zero Locale uses
// plain numbers with a point. Comma is the field separator, ',' when 0;
// Danish spreadsheets often write ';'. Dates are always ISO 8601
// (2026-01-31) and booleans "1" or "0" (import also accepts "true" and
// "false").
//
// The layout, Akeneo's: the columns sku (id for other data types),
// parent, status, version and categories, then one column per value slot
// named code[-locale][-channel], the locale with underscores
// (title-da_DK, seo_title-en_GB-ecommerce); a price has one column per
// currency (price-DKK), a measurement an amount and a unit column (weight,
// weight-unit). Options, assets and categories are joined by ","; an asset
// of known size is ref|size. An import's header may name any subset of
// the columns in any order but must include the ID column. As with
// encoding/csv, a "\r\n" line break inside a quoted text comes back as
// "\n".
type CSVOptions struct {
	Locale contract.Locale `json:"locale,omitzero"`
	Comma  rune            `json:"comma,omitempty"`
}

func (o CSVOptions) format() NumberFormat {
	if o.Locale.IsZero() {
		return NumberFormat{}
	}
	return NumberFormatFor(o.Locale.Tag())
}

func (o CSVOptions) comma() rune {
	if o.Comma == 0 {
		return ','
	}
	return o.Comma
}

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
			s := csvSlot{field: int32(fi), loc: sc.loc, ch: sc.ch, unitCol: -1}
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
func (c *Compiled) layoutFor(header []string) (*csvLayout, error) {
	full := c.columns()
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
			l.slots = append(l.slots, csvSlot{field: fs.field, loc: fs.loc, ch: fs.ch, unitCol: -1})
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

// RowError reports the problems of one CSV row. Row counts lines of
// records as a spreadsheet shows them: the header is row 1, the first
// record row 2. Each problem's Path is the column name ("price-DKK") and
// its Param the reason ("grouping", "check digit"...). Cell contents are
// never repeated. It unwraps to a [*contract.ValidationError] with the
// same problems (operation "decode csv row 3"), which unwraps to
// [ErrInvalid], so one [errors.As] finds its problems as it finds every
// other pimkit package's.
type RowError struct {
	Row      int
	Problems []contract.Problem
}

// Error implements error: "catalog: csv row 3: price-DKK: syntax(grouping)".
func (e *RowError) Error() string {
	var b strings.Builder
	b.WriteString("catalog: csv row ")
	b.WriteString(strconv.Itoa(e.Row))
	for i, p := range e.Problems {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns the row's problems as a [*contract.ValidationError].
func (e *RowError) Unwrap() error {
	if len(e.Problems) == 0 {
		return ErrInvalid
	}
	return invalid("decode csv row "+strconv.Itoa(e.Row), slices.Clone(e.Problems))
}

// rowError returns the problems of row, each with its English message.
func rowError(row int, ps []contract.Problem) *RowError {
	for i := range ps {
		if ps[i].Message == "" {
			ps[i].Message = contract.RuleMessage(ps[i].Rule, ps[i].Param)
		}
	}
	return &RowError{Row: row, Problems: ps}
}

// ImportError collects the [RowError]s of an import whose good rows were
// still returned. It unwraps to its rows, so [errors.Is] matches
// [ErrInvalid] and [errors.As] finds the first bad row's
// [*contract.ValidationError]; range over Rows for every row.
type ImportError struct {
	Rows []*RowError
}

// Error implements error: "catalog: csv: 2 bad rows: ...".
func (e *ImportError) Error() string {
	var b strings.Builder
	b.WriteString("catalog: csv: ")
	b.WriteString(strconv.Itoa(len(e.Rows)))
	b.WriteString(" bad rows")
	for i, r := range e.Rows {
		if i == 5 {
			b.WriteString("; ...")
			break
		}
		b.WriteString("; ")
		b.WriteString(strings.TrimPrefix(r.Error(), "catalog: csv "))
	}
	return b.String()
}

// Unwrap returns the row errors.
func (e *ImportError) Unwrap() []error {
	out := make([]error, len(e.Rows), len(e.Rows)+1)
	for i, r := range e.Rows {
		out[i] = r
	}
	return append(out, ErrInvalid)
}

// CSVDecoder reads records from CSV one row at a time, so an import of any
// size runs in constant memory.
type CSVDecoder struct {
	// ReuseRecord, like encoding/csv's, lets Decode return records whose
	// Values (and the options, assets and prices inside them) share
	// storage with the previous call's, for hosts that store each record
	// before decoding the next. Text stays valid; anything else kept must
	// be copied. It roughly halves the cost of a streaming import.
	ReuseRecord bool

	c      *Compiled
	r      *csv.Reader
	layout *csvLayout
	num    NumberFormat
	row    int
	// Per-row arenas: the values of one row share a few allocations. The
	// capacities learnt from the previous row size the next.
	extras []extra
	strs   []string
	assets []Asset
	prices []Price
	values []FieldValue
}

func (d *CSVDecoder) newArenas() {
	if d.ReuseRecord {
		d.extras, d.strs, d.assets, d.prices = d.extras[:0], d.strs[:0], d.assets[:0], d.prices[:0]
		return
	}
	d.extras = make([]extra, 0, max(cap(d.extras), 4))
	d.strs = make([]string, 0, max(cap(d.strs), 4))
	d.assets = make([]Asset, 0, max(cap(d.assets), 4))
	d.prices = make([]Price, 0, max(cap(d.prices), 4))
}

func (d *CSVDecoder) extra() *extra {
	d.extras = append(d.extras, extra{})
	return &d.extras[len(d.extras)-1]
}

// NewCSVDecoder reads the header from r and maps it onto c's columns (see
// [CSVOptions] for the layout). A header with unknown or repeated columns,
// or without the ID column, is a [*ValidationError] with paths
// "header[i]"; a reader error is returned as is.
func (c *Compiled) NewCSVDecoder(r io.Reader, opts CSVOptions) (*CSVDecoder, error) {
	cr := csv.NewReader(r)
	cr.Comma = opts.comma()
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, invalid("read csv header", []contract.Problem{newProblem("header", RuleRequired, c.idRule)})
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, invalid("read csv header", []contract.Problem{newProblem("header", RuleSyntax, "csv")})
		}
		return nil, err
	}
	l, err := c.layoutFor(header)
	if err != nil {
		return nil, err
	}
	return &CSVDecoder{c: c, r: cr, layout: l, num: opts.format(), row: 1}, nil
}

// Decode returns the next record. A bad row returns a [*RowError] with
// every problem of the row (path: the column name; a malformed quote, which
// encoding/csv locates by byte, has path "row" and Param "csv at byte 7"),
// and the next call continues with the next row;
// io.EOF ends the input. Values are parsed, not validated: run
// [Compiled.ValidateBatch] on the result.
func (d *CSVDecoder) Decode() (Record, error) {
	for {
		rec, err := d.r.Read()
		d.row++
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				d.row = pe.StartLine
				// encoding/csv knows the byte, not the column, of a bad quote.
				return Record{}, rowError(pe.StartLine, []contract.Problem{{Path: "row", Rule: RuleSyntax, Param: "csv at byte " + strconv.Itoa(pe.Column)}})
			}
			return Record{}, err
		}
		if line, _ := d.r.FieldPos(0); line > 0 {
			d.row = line
		}
		if len(rec) == 1 && rec[0] == "" {
			continue // a blank line
		}
		return d.decodeRow(rec)
	}
}

func (d *CSVDecoder) colName(i int) string {
	if i >= 0 && i < len(d.layout.cols) {
		return d.layout.cols[i].name
	}
	return "column " + strconv.Itoa(i+1)
}

func (d *CSVDecoder) decodeRow(rec []string) (Record, error) {
	l := d.layout
	var ps []contract.Problem
	bad := func(col int, rule, param string) {
		ps = append(ps, contract.Problem{Path: d.colName(col), Rule: rule, Param: param})
	}
	if len(rec) != len(l.cols) {
		return Record{}, rowError(d.row, []contract.Problem{{Path: "row", Rule: RuleSyntax, Param: "columns " + strconv.Itoa(len(rec)) + "/" + strconv.Itoa(len(l.cols))}})
	}
	var r Record
	d.newArenas()
	if i := l.fixed[colID]; i >= 0 {
		r.ID = rec[i]
	}
	if i := l.fixed[colParent]; i >= 0 {
		r.Parent = rec[i]
	}
	if i := l.fixed[colStatus]; i >= 0 && rec[i] != "" {
		if err := r.Status.UnmarshalText([]byte(rec[i])); err != nil {
			bad(i, RuleStatus, "")
		}
	}
	if i := l.fixed[colVersion]; i >= 0 && rec[i] != "" {
		v, err := strconv.ParseUint(rec[i], 10, 64)
		if err != nil {
			bad(i, RuleSyntax, "version")
		}
		r.Version = v
	}
	if i := l.fixed[colCategories]; i >= 0 && rec[i] != "" {
		r.Categories = strings.Split(rec[i], ",")
	}
	n := 0
	for _, s := range l.slots {
		for _, ci := range s.cols {
			if rec[ci] != "" {
				n++
				break
			}
		}
	}
	if d.ReuseRecord && cap(d.values) >= n {
		r.Values = d.values[:0]
	} else {
		r.Values = make([]FieldValue, 0, n)
		d.values = r.Values
	}
	for si := range l.slots {
		s := &l.slots[si]
		f := &d.c.fields[s.field]
		var v Value
		var err error
		var errCol int
		switch f.Type {
		case PriceField:
			start := len(d.prices)
			for k, ci := range s.cols {
				if rec[ci] == "" {
					continue
				}
				amt, e := d.num.parseValue(rec[ci])
				if e != nil {
					err, errCol = e, ci
					break
				}
				d.prices = append(d.prices, contract.NewMoney(amt.decimal(), s.curs[k]))
			}
			if err == nil && len(d.prices) > start {
				x := d.extra()
				x.prices = d.prices[start:len(d.prices):len(d.prices)]
				v = Value{kind: kindPrices, x: x}
			}
		case Measurement:
			cell := rec[s.cols[0]]
			unit := ""
			if s.unitCol >= 0 {
				unit = rec[s.unitCol]
			}
			if cell == "" {
				if unit != "" {
					err, errCol = errMissingAmount, s.cols[0]
				}
				break
			}
			if unit == "" {
				unit = f.DefaultUnit
			}
			v, err = d.num.parseValue(cell)
			errCol = s.cols[0]
			v.kind, v.s = kindMeasure, unit
		case Identifier, TextField, Textarea, Reference, GTIN:
			// The common case, inline: the cell is the value.
			if cell := rec[s.cols[0]]; cell != "" {
				r.Values = append(r.Values, FieldValue{Field: f.Code, Locale: s.loc, Channel: s.ch, Value: Value{kind: kindText, s: cell}})
			}
			continue
		default:
			cell := rec[s.cols[0]]
			if cell == "" {
				continue
			}
			errCol = s.cols[0]
			v, err = d.parseCell(f, cell)
		}
		if err != nil {
			reason := "value"
			var ne *NumberError
			if errors.As(err, &ne) {
				reason = ne.Reason
			} else if err == errBadDate {
				reason = "date"
			} else if err == errBadBool {
				reason = "boolean"
			} else if err == errMissingAmount {
				reason = "empty"
			}
			bad(errCol, RuleSyntax, reason)
			continue
		}
		if !v.IsEmpty() {
			r.Values = append(r.Values, FieldValue{Field: f.Code, Locale: s.loc, Channel: s.ch, Value: v})
		}
	}
	if len(ps) > 0 {
		return Record{}, rowError(d.row, ps)
	}
	return r, nil
}

var (
	errBadDate       = errors.New("date")
	errBadBool       = errors.New("boolean")
	errMissingAmount = errors.New("amount")
)

func (d *CSVDecoder) parseCell(f *cfield, cell string) (Value, error) {
	switch f.Type {
	case NumberField:
		return d.num.parseValue(cell)
	case Boolean:
		switch cell {
		case "1", "true":
			return Bool(true), nil
		case "0", "false":
			return Bool(false), nil
		}
		return Value{}, errBadBool
	case DateField:
		return parseDate(cell)
	case SimpleSelect:
		return Option(cell), nil
	case MultiSelect:
		start := len(d.strs)
		for rest, more := cell, true; more; {
			var item string
			item, rest, more = strings.Cut(rest, ",")
			d.strs = append(d.strs, item)
		}
		x := d.extra()
		x.list = d.strs[start:len(d.strs):len(d.strs)]
		return Value{kind: kindOptions, x: x}, nil
	case Image, File:
		start := len(d.assets)
		for rest, more := cell, true; more; {
			var p string
			p, rest, more = strings.Cut(rest, ",")
			ref, size, hasSize := strings.Cut(p, "|")
			a := Asset{Ref: ref}
			if hasSize {
				n, err := strconv.ParseInt(size, 10, 64)
				if err != nil || n <= 0 {
					return Value{}, &NumberError{Reason: "character"}
				}
				a.Size = n
			}
			d.assets = append(d.assets, a)
		}
		x := d.extra()
		x.assets = d.assets[start:len(d.assets):len(d.assets)]
		return Value{kind: kindAssets, x: x}, nil
	}
	return Text(cell), nil
}

// parseDate reads an ISO 8601 calendar date, 2026-01-31, with
// [contract.ParseDate].
func parseDate(s string) (Value, error) {
	d, err := contract.ParseDate(s)
	if err != nil {
		return Value{}, errBadDate
	}
	y, m, dd := d.Date()
	return Value{kind: kindDate, n: int64(y)*10000 + int64(m)*100 + int64(dd)}, nil
}

// ImportCSV reads every record of r. Bad rows do not stop the good ones:
// the good records are returned with an [*ImportError] listing each bad
// row with its row number, column and reason. A bad header or a reader
// error returns no records.
func (c *Compiled) ImportCSV(r io.Reader, opts CSVOptions) ([]Record, error) {
	d, err := c.NewCSVDecoder(r, opts)
	if err != nil {
		return nil, err
	}
	var out []Record
	var bad []*RowError
	for {
		rec, err := d.Decode()
		if err == io.EOF {
			break
		}
		var re *RowError
		if errors.As(err, &re) {
			bad = append(bad, re)
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, rec)
	}
	if len(bad) > 0 {
		return out, &ImportError{Rows: bad}
	}
	return out, nil
}

// CSVEncoder writes records as CSV in c's full layout, header first.
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
// of the wrong kind) are reported at once in a [*ValidationError] and the
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
