package catalog

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unsafe"

	"github.com/pimkit/pimkit/contract"
)

// CSVDecoder reads records from CSV one row at a time, so an import of any
// size runs in constant memory. Make one with [Compiled.NewCSVDecoder]; the
// zero CSVDecoder returns an error wrapping [ErrNil] from Decode.
type CSVDecoder struct {
	// ReuseRecord, like encoding/csv's, lets Decode return records whose
	// Values and Categories (and the options, assets and prices inside
	// the values) share storage with the previous call's, for hosts that
	// store each record before decoding the next. Text stays valid;
	// anything else kept must be copied. It roughly halves the cost of a
	// streaming import. [CSVDecoder.DecodeInto] reuses the same way,
	// whatever ReuseRecord says.
	ReuseRecord bool

	c *Compiled
	r *csvSplitter
	// errCost prices the row errors returned so far; past the budget
	// (8 bytes per input byte plus 32 KiB) stop ends the input.
	errCost int
	stop    error
	layout  *csvLayout
	num     NumberFormat
	row     int
	// Per-row arenas: the values of one row share a few allocations. The
	// capacities learnt from the previous row size the next.
	extras []extra
	strs   []string
	assets []Asset
	prices []Price
	values []FieldValue
	cats   []string
	kept   bool // the arenas hold lists of records returned to keep
}

func (d *CSVDecoder) newArenas() {
	// The next row continues in what is left of the arenas: the previous
	// rows' values hold slices capped at their own ends and pointers to
	// their own extras, which appends past them never touch. When less is
	// left than the last row used, a new arena holds 16 such rows. A row
	// of text alone allocates nothing here.
	d.extras = nextArena(d.extras)
	d.strs = nextArena(d.strs)
	d.assets = nextArena(d.assets)
	d.prices = nextArena(d.prices)
}

// nextArena returns what is left of a, or a new arena for 16 rows like
// the last when less than its use is left.
func nextArena[T any](a []T) []T {
	if used := len(a); cap(a)-used < used {
		return make([]T, 0, 16*used)
	}
	return a[len(a):]
}

func (d *CSVDecoder) extra() *extra {
	if len(d.extras) == cap(d.extras) {
		d.extras = make([]extra, 0, max(2*cap(d.extras), 8))[:0]
	}
	d.extras = append(d.extras, extra{})
	return &d.extras[len(d.extras)-1]
}

// NewCSVDecoder reads the header from r and maps it onto c's columns (see
// [CSVOptions] for the layout). A header with unknown or repeated columns,
// or without the ID column, is a [*contract.ValidationError] with paths
// "header[i]"; a reader error is returned as is.
func (c *Compiled) NewCSVDecoder(r io.Reader, opts CSVOptions) (*CSVDecoder, error) {
	if r == nil {
		return nil, errNilReader
	}
	// A spreadsheet's byte order mark goes before the splitter sees it, so
	// that a quoted first header cell (\ufeff"sku") is a quoted cell, not
	// a bare quote.
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); string(b) == "\ufeff" {
		br.Discard(3)
	}
	// A record may have at most twice the layout's columns, and 64 more,
	// so that a row with a few columns too many is still a row's problem
	// while a line of a million separators ends the input early.
	full := c.columns()
	maxFields := 2*len(full.cols) + 64
	sp := newCSVSplitter(newFieldLimit(br, opts.comma(), maxFields), opts.comma(), maxFields)
	if err := sp.next(); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, invalid("read csv header", []contract.Problem{newProblem("header", RuleRequired, c.idRule)})
		}
		var se *splitError
		if errors.As(err, &se) {
			return nil, invalid("read csv header", []contract.Problem{newProblem("header", RuleSyntax, "csv")})
		}
		return nil, err
	}
	header := make([]string, sp.numFields())
	for i := range header {
		header[i] = sp.field(i)
	}
	l, err := c.layoutFor(full, header)
	if err != nil {
		return nil, err
	}
	return &CSVDecoder{c: c, r: sp, layout: l, num: opts.format(), row: 1}, nil
}

// Decode returns the next record. A bad row returns a [*RowError] with
// every problem of the row (path: the column name; a malformed quote,
// located by byte as encoding/csv locates it, has path "row" and Param
// "csv at byte 7"), and the next call continues with the next row;
// io.EOF ends the input. Values are parsed, not validated: run
// [Compiled.ValidateBatch] on the result.
//
// The decoder splits rows as encoding/csv does (RFC 4180 quoting, a
// "\r\n" line break read as "\n", blank lines skipped, a leading byte
// order mark dropped), with the same errors at the same rows and bytes,
// but reads each row into one string and its cells as offsets into it.
//
// Memory: decoding allocates at most 16 bytes per input byte plus 64 KiB
// for good rows. A record with more than twice the layout's columns plus
// 64 ends the input with an error wrapping [ErrSyntax] as soon as its
// separators are read, so a line of a million separators costs nothing. Each bad row's [*RowError] costs some 150 bytes more: once
// the row errors returned cost more than 8 bytes per input byte read plus
// 32 KiB (as on hostile input of a million 3-byte bad rows; bad rows of
// some 20 bytes or more never reach it), the input ends with an error
// wrapping [ErrSyntax] instead of the next row error.
func (d *CSVDecoder) Decode() (Record, error) {
	var r Record
	if d.ReuseRecord {
		r.Values, r.Categories = d.values, d.cats
	}
	err := d.decodeInto(&r, d.ReuseRecord)
	if d.ReuseRecord {
		d.values, d.cats = r.Values, r.Categories
	}
	if err != nil {
		return Record{}, err
	}
	return r, nil
}

// DecodeInto reads the next record into *r, as [CSVDecoder.Decode] does,
// reusing the storage of r.Values and r.Categories and the decoder's own
// for the options, assets and prices inside the values: a streaming
// import of records of the same shape allocates little more than each
// row's text. All of *r is overwritten; on an error it holds the zero
// Record (with its storage kept for the next call).
//
// What the caller may keep: every string (the ID, texts, option codes,
// asset refs) stays valid for good, and so do the values' numbers,
// dates and booleans; the slices r.Values and r.Categories, and the
// lists that [Value.Options], [Value.Prices] and [Value.Assets] copy, are
// overwritten by the next call. Keep a record past it by copying those
// slices (or decode into a fresh Record each time, which is Decode).
func (d *CSVDecoder) DecodeInto(r *Record) error {
	if r == nil {
		return errNilRecord
	}
	return d.decodeInto(r, true)
}

// errNilRecord is DecodeInto's refusal of a nil *Record.
var errNilRecord = fmt.Errorf("%w: catalog: nil *Record", ErrNil)

func (d *CSVDecoder) decodeInto(r *Record, reuse bool) error {
	if d.r == nil {
		*r = Record{Values: r.Values[:0], Categories: r.Categories[:0]}
		return errNotCreated
	}
	if d.stop != nil {
		*r = Record{Values: r.Values[:0], Categories: r.Categories[:0]}
		return d.stop
	}
	err := d.decode(r, reuse)
	if err != nil {
		*r = Record{Values: r.Values[:0], Categories: r.Categories[:0]}
	}
	if re, ok := err.(*RowError); ok {
		d.errCost += 160
		for _, p := range re.Problems {
			d.errCost += 96 + len(p.Path) + len(p.Param) + len(p.Message)
		}
		if d.errCost > 8*int(d.r.inputOffset())+32<<10 {
			d.stop = errTooManyBadRows
			return d.stop
		}
	}
	return err
}

// errTooManyBadRows ends an input whose row errors would cost more than
// the decoder's bound.
var errTooManyBadRows = fmt.Errorf("%w: csv: too many bad rows for the size of the input", ErrSyntax)

func (d *CSVDecoder) decode(r *Record, reuse bool) error {
	for {
		err := d.r.next()
		d.row++
		if err != nil {
			var se *splitError
			if errors.As(err, &se) {
				d.row = se.startLine
				// The splitter knows the byte, not the column, of a bad quote.
				return rowError(se.startLine, []contract.Problem{{Path: "row", Rule: RuleSyntax, Param: "csv at byte " + strconv.Itoa(se.col)}})
			}
			return err
		}
		if d.r.recLine > 0 {
			d.row = d.r.recLine
		}
		if d.r.numFields() == 1 && d.r.rec == "" {
			continue // a blank line
		}
		return d.decodeRow(r, reuse)
	}
}

func (d *CSVDecoder) colName(i int) string {
	if i >= 0 && i < len(d.layout.cols) {
		return d.layout.cols[i].name
	}
	return "column " + strconv.Itoa(i+1)
}

func (d *CSVDecoder) decodeRow(r *Record, reuse bool) error {
	l := d.layout
	sp := d.r
	var ps []contract.Problem
	bad := func(col int, rule, param string) {
		ps = append(ps, contract.Problem{Path: d.colName(col), Rule: rule, Param: param})
	}
	if sp.numFields() != len(l.cols) {
		return rowError(d.row, []contract.Problem{{Path: "row", Rule: RuleSyntax, Param: "columns " + strconv.Itoa(sp.numFields()) + "/" + strconv.Itoa(len(l.cols))}})
	}
	values, cats := r.Values[:0], r.Categories[:0]
	*r = Record{Row: d.row}
	switch {
	case reuse && d.kept:
		// Records that Decode returned to keep use these arenas: start
		// new ones rather than overwrite them.
		d.extras, d.strs, d.assets, d.prices = nil, nil, nil, nil
		d.kept = false
	case reuse:
		d.extras, d.strs, d.assets, d.prices = d.extras[:0], d.strs[:0], d.assets[:0], d.prices[:0]
	default:
		d.newArenas()
		d.kept = true
	}
	if i := l.fixed[colID]; i >= 0 {
		r.ID = sp.field(i)
	}
	if i := l.fixed[colParent]; i >= 0 {
		r.Parent = sp.field(i)
	}
	if i := l.fixed[colStatus]; i >= 0 {
		if cell := sp.field(i); cell != "" {
			if err := r.Status.UnmarshalText([]byte(cell)); err != nil {
				bad(i, RuleStatus, "")
			}
		}
	}
	if i := l.fixed[colVersion]; i >= 0 {
		if cell := sp.field(i); cell != "" {
			v, err := strconv.ParseUint(cell, 10, 64)
			if err != nil {
				bad(i, RuleSyntax, "version")
			}
			r.Version = v
		}
	}
	if i := l.fixed[colCategories]; i >= 0 {
		if cell := sp.field(i); cell != "" {
			if !reuse {
				cats = make([]string, 0, strings.Count(cell, ",")+1)
			}
			for rest, more := cell, true; more; {
				var item string
				item, rest, more = strings.Cut(rest, ",")
				cats = append(cats, item)
			}
			r.Categories = cats
		}
	}
	if !reuse {
		// One allocation of the size the row needs.
		n := 0
		for si := range l.slots {
			for _, ci := range l.slots[si].cols {
				if sp.field(ci) != "" {
					n++
					break
				}
			}
		}
		values = make([]FieldValue, 0, n)
	} else if cap(values) < len(l.slots) {
		values = make([]FieldValue, 0, len(l.slots))
	}
	for si := range l.slots {
		s := &l.slots[si]
		f := &d.c.fields[s.field]
		var v Value
		var err error
		var errCol int
		switch s.kind {
		case kindText:
			// The common case, inline: the cell is the value.
			if cell := sp.field(s.cols[0]); cell != "" {
				values = appendValue(values, f.Code, s, Value{kind: kindText, s: cell})
			}
			continue
		case kindNumber:
			cell := sp.field(s.cols[0])
			if cell == "" {
				continue
			}
			errCol = s.cols[0]
			v, err = d.number(cell)
		case kindPrices:
			start := len(d.prices)
			for k, ci := range s.cols {
				cell := sp.field(ci)
				if cell == "" {
					continue
				}
				amt, e := d.number(cell)
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
		case kindMeasure:
			cell := sp.field(s.cols[0])
			unit := ""
			if s.unitCol >= 0 {
				unit = sp.field(s.unitCol)
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
			v, err = d.number(cell)
			errCol = s.cols[0]
			v.kind, v.s = kindMeasure, unit
		default:
			cell := sp.field(s.cols[0])
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
			values = appendValue(values, f.Code, s, v)
		}
	}
	r.Values = values
	if len(ps) > 0 {
		return rowError(d.row, ps)
	}
	return nil
}

// appendValue appends field's value v in slot s. A reused record's
// values usually hold the same fields in the same places as the last
// row's, so each pointer is written only when it differs: while the
// garbage collector runs, every pointer written costs a write barrier,
// and a FieldValue copied whole is a typed memory move of five of them.
func appendValue(values []FieldValue, field string, s *csvSlot, v Value) []FieldValue {
	n := len(values)
	if n == cap(values) {
		values = append(values, FieldValue{})
	} else {
		values = values[:n+1]
	}
	p := &values[n]
	if len(p.Field) != len(field) || unsafe.StringData(p.Field) != unsafe.StringData(field) {
		p.Field = field
	}
	if p.Locale != s.loc {
		p.Locale = s.loc
	}
	if len(p.Channel) != len(s.ch) || unsafe.StringData(p.Channel) != unsafe.StringData(s.ch) {
		p.Channel = s.ch
	}
	q := &p.Value
	q.kind, q.b, q.e, q.n = v.kind, v.b, v.e, v.n
	if len(q.s) != len(v.s) || unsafe.StringData(q.s) != unsafe.StringData(v.s) {
		q.s = v.s
	}
	if q.x != v.x {
		q.x = v.x
	}
	return values
}

// number parses a cell of a number, an amount or a price: plain digits
// with at most one decimal separator, the form of almost every cell,
// straight to a coefficient and an exponent; anything else (signs,
// grouping, spaces, more than 18 digits, errors) as
// [NumberFormat.Parse] does.
func (d *CSVDecoder) number(cell string) (Value, error) {
	if v, ok := plainNumber(cell, d.num.dec()); ok {
		return v, nil
	}
	return d.num.parseValue(cell)
}

// plainNumber reads s when it is 1 to 18 digits with at most one decimal
// separator dec between digits, as [NumberFormat.Parse] would; ok is
// false for anything else.
func plainNumber(s string, dec rune) (v Value, ok bool) {
	if len(s) > 19 || len(s) == 0 {
		return Value{}, false
	}
	var n int64
	frac, digits := -1, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int64(c-'0')
			digits++
			if frac >= 0 {
				frac++
			}
		case c < 0x80 && rune(c) == dec && frac < 0 && digits > 0 && i+1 < len(s):
			frac = 0
		default:
			return Value{}, false
		}
	}
	if digits > 18 {
		return Value{}, false
	}
	return Value{kind: kindNumber, n: n, e: int32(-max(frac, 0))}, true
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

// parseDate reads an ISO 8601 calendar date, 2026-01-31, as
// [contract.ParseDate] does (years 1 to 9999), without its conversions.
func parseDate(s string) (Value, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Value{}, errBadDate
	}
	var n [3]int
	for k, part := range [3]string{s[0:4], s[5:7], s[8:10]} {
		for i := 0; i < len(part); i++ {
			c := part[i]
			if c < '0' || c > '9' {
				return Value{}, errBadDate
			}
			n[k] = n[k]*10 + int(c-'0')
		}
	}
	y, m, d := n[0], n[1], n[2]
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) {
		return Value{}, errBadDate
	}
	return Value{kind: kindDate, n: int64(y)*10000 + int64(m)*100 + int64(d)}, nil
}

func daysInMonth(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
