package catalog

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/contract"
)

// CSVDecoder reads records from CSV one row at a time, so an import of any
// size runs in constant memory. Make one with [Compiled.NewCSVDecoder]; the
// zero CSVDecoder returns an error wrapping [ErrNil] from Decode.
type CSVDecoder struct {
	// ReuseRecord, like encoding/csv's, lets Decode return records whose
	// Values (and the options, assets and prices inside them) share
	// storage with the previous call's, for hosts that store each record
	// before decoding the next. Text stays valid; anything else kept must
	// be copied. It roughly halves the cost of a streaming import.
	ReuseRecord bool

	c *Compiled
	r *csv.Reader
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
}

func (d *CSVDecoder) newArenas() {
	if d.ReuseRecord {
		d.extras, d.strs, d.assets, d.prices = d.extras[:0], d.strs[:0], d.assets[:0], d.prices[:0]
		return
	}
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
	// A spreadsheet's byte order mark goes before encoding/csv sees it, so
	// that a quoted first header cell (\ufeff"sku") is a quoted cell, not
	// a bare quote. csv.NewReader keeps this bufio.Reader as it is.
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); string(b) == "\ufeff" {
		br.Discard(3)
	}
	// A record may have at most twice the layout's columns, and 64 more,
	// so that a row with a few columns too many is still a row's problem
	// while a line of a million separators ends the input early.
	full := c.columns()
	cr := csv.NewReader(newFieldLimit(br, opts.comma(), 2*len(full.cols)+64))
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
	l, err := c.layoutFor(full, header)
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
//
// Memory: decoding allocates at most 16 bytes per input byte plus 64 KiB
// for good rows. A record with more than twice the layout's columns plus
// 64 ends the input with an error wrapping [ErrSyntax] before
// encoding/csv splits it, so a line of a million separators costs
// nothing. Each bad row's [*RowError] costs some 150 bytes more: once
// the row errors returned cost more than 8 bytes per input byte read plus
// 32 KiB (as on hostile input of a million 3-byte bad rows; bad rows of
// some 20 bytes or more never reach it), the input ends with an error
// wrapping [ErrSyntax] instead of the next row error.
func (d *CSVDecoder) Decode() (Record, error) {
	if d.r == nil {
		return Record{}, errNotCreated
	}
	if d.stop != nil {
		return Record{}, d.stop
	}
	rec, err := d.decode()
	if re, ok := err.(*RowError); ok {
		d.errCost += 160
		for _, p := range re.Problems {
			d.errCost += 96 + len(p.Path) + len(p.Param) + len(p.Message)
		}
		if d.errCost > 8*int(d.r.InputOffset())+32<<10 {
			d.stop = errTooManyBadRows
			return Record{}, d.stop
		}
	}
	return rec, err
}

// errTooManyBadRows ends an input whose row errors would cost more than
// the decoder's bound.
var errTooManyBadRows = fmt.Errorf("%w: csv: too many bad rows for the size of the input", ErrSyntax)

func (d *CSVDecoder) decode() (Record, error) {
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
	r := Record{Row: d.row}
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
