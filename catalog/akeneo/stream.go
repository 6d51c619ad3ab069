package akeneo

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/jsonbound"
)

// productCost prices a product document for the decoder bound: a value
// ({"locale":..,"scope":..,"data":..}) may cost some hundreds of bytes to
// decode and convert, a category or option a string.
var productCost = jsonbound.Cost{Heavy: 700, Light: 160, Member: 120}

// maxLine is the longest line a Decoder reads in JSON Lines input: 64 MiB.
const maxLine = 64 << 20

// Decoder reads product or product model documents one at a time from a
// stream, in any of Akeneo's forms: JSON Lines (one document a line, the
// bulk form of PATCH and of exports), a JSON array of documents, or a page
// of the REST API ({"_links":...,"_embedded":{"items":[...]}}, one page
// or one page a line). Memory is bounded by the largest document (or, for
// a page on one line, the line), not by the stream: at most 16 bytes per
// input byte plus 64 KiB.
//
// A document that cannot be read is a *[RecordError] with its line (JSON
// Lines) or position (array, page); the stream goes on. Make one with
// [NewDecoder]; the zero Decoder returns io.EOF.
type Decoder struct {
	attrs Attributes
	br    *bufio.Reader
	line  int
	item  int
	mode  int // 0 start, 1 lines, 2 tokens (array or page), 3 done
	dec   *json.Decoder
	page  []json.RawMessage // items of a page read from one line
	buf   []byte
	item0 json.RawMessage // the current item of an array or page, reused
	raw   rawProduct
	sd    strictDecoder
	pd    productDecoder
}

// NewDecoder returns a Decoder reading r, with attrs the attribute types
// of the values (see [Attributes]).
func NewDecoder(r io.Reader, attrs Attributes) *Decoder {
	if r == nil {
		return &Decoder{mode: 3}
	}
	return &Decoder{attrs: attrs, br: bufio.NewReaderSize(r, 64<<10)}
}

// Decode reads the next document into p, reusing p's slices, and returns
// what it does not carry (see [Product.UnmarshalAkeneo]). At the end of
// the stream it returns io.EOF.
func (d *Decoder) Decode(p *Product) (dropped []contract.Problem, err error) {
	for {
		if d == nil || d.br == nil || d.mode == 3 {
			return nil, io.EOF
		}
		if len(d.page) > 0 {
			b := d.page[0]
			d.page = d.page[1:]
			return d.one(b, p, d.line)
		}
		switch d.mode {
		case 0:
			if err := d.start(); err != nil {
				return nil, err
			}
		case 1:
			b, err := d.readLine()
			if err == io.EOF {
				d.mode = 3
				return nil, io.EOF
			}
			if err != nil {
				d.mode = 3
				return nil, &RecordError{Line: d.line, Item: d.item, Err: err}
			}
			b = bytes.TrimSpace(b)
			if len(b) == 0 {
				continue
			}
			if isPage(b) {
				var page struct {
					Embedded struct {
						Items []json.RawMessage `json:"items"`
					} `json:"_embedded"`
				}
				if productCost.Dense(b) {
					d.item++
					return nil, &RecordError{Line: d.line, Item: d.item - 1, Err: tooDense()}
				}
				if json.Unmarshal(b, &page) != nil {
					d.item++
					return nil, &RecordError{Line: d.line, Item: d.item - 1, Err: ErrSyntax}
				}
				d.page = page.Embedded.Items
				continue
			}
			return d.one(b, p, d.line)
		case 2:
			if !d.dec.More() {
				d.mode = 3
				return nil, io.EOF
			}
			if err := d.dec.Decode(&d.item0); err != nil {
				d.mode = 3
				return nil, &RecordError{Item: d.item, Err: ErrSyntax}
			}
			return d.one(d.item0, p, 0)
		}
	}
}

func tooDense() error {
	return contract.NewValidationError("read product", []contract.Problem{{Rule: "too_dense"}}, ErrInvalid)
}

func (d *Decoder) one(b []byte, p *Product, line int) ([]contract.Problem, error) {
	item := d.item
	d.item++
	dense, exact := prescan(b)
	if dense {
		return nil, &RecordError{Line: line, Item: item, Err: tooDense()}
	}
	if err := d.raw.decode(b, exact, &d.sd); err != nil {
		return nil, &RecordError{Line: line, Item: item, Err: err}
	}
	dropped, err := d.pd.convert(&d.raw, d.attrs, p)
	if err != nil {
		return nil, &RecordError{Line: line, Item: item, Err: err}
	}
	return dropped, nil
}

// isPage reports whether the object b has an "_embedded" key at its top
// level (a page of the REST API).
func isPage(b []byte) bool {
	if !bytes.Contains(b, []byte(`"_embedded"`)) {
		return false
	}
	var top struct {
		Embedded json.RawMessage `json:"_embedded"`
	}
	return json.Unmarshal(b, &top) == nil && top.Embedded != nil
}

// readLine reads the next line, without its end.
func (d *Decoder) readLine() ([]byte, error) {
	d.buf = d.buf[:0]
	for {
		chunk, err := d.br.ReadSlice('\n')
		d.buf = append(d.buf, chunk...)
		if len(d.buf) > maxLine {
			return nil, errors.New("akeneo: line too long")
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && len(d.buf) > 0 {
			d.line++
			return d.buf, nil
		}
		if err != nil {
			return nil, err
		}
		d.line++
		return d.buf, nil
	}
}

// start detects the form of the stream: an array, a page spread over
// lines, or JSON Lines.
func (d *Decoder) start() error {
	for {
		c, err := d.br.ReadByte()
		if err != nil {
			d.mode = 3
			return io.EOF
		}
		switch c {
		case ' ', '\t', '\r':
			continue
		case '\n':
			d.line++
			continue
		}
		_ = d.br.UnreadByte()
		if c == '[' {
			d.dec = json.NewDecoder(d.br)
			if _, err := d.dec.Token(); err != nil {
				d.mode = 3
				return &RecordError{Err: ErrSyntax}
			}
			d.mode = 2
			return nil
		}
		// One document a line, unless the first line is not a whole
		// document: then it is a page written over several lines.
		first, err := d.readLine()
		if err != nil && err != io.EOF {
			d.mode = 3
			return &RecordError{Line: d.line, Err: err}
		}
		if json.Valid(bytes.TrimSpace(first)) {
			d.mode = 1
			if isPage(first) {
				d.line--
				d.br = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(bytes.Clone(first)), d.br), 64<<10)
				return nil
			}
			d.line--
			d.br = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(bytes.Clone(first)), d.br), 64<<10)
			return nil
		}
		d.dec = json.NewDecoder(io.MultiReader(bytes.NewReader(bytes.Clone(first)), d.br))
		d.mode = 2
		return d.toItems()
	}
}

// toItems moves the token decoder to the first item of a page.
func (d *Decoder) toItems() error {
	fail := func() error {
		d.mode = 3
		return &RecordError{Err: ErrSyntax}
	}
	if t, err := d.dec.Token(); err != nil || t != json.Delim('{') {
		return fail()
	}
	for depth := 0; ; {
		t, err := d.dec.Token()
		if err != nil {
			return fail()
		}
		k, isKey := t.(string)
		switch {
		case !isKey:
			return fail()
		case depth == 0 && k == "_embedded":
			if t, err := d.dec.Token(); err != nil || t != json.Delim('{') {
				return fail()
			}
			depth = 1
		case depth == 1 && k == "items":
			if t, err := d.dec.Token(); err != nil || t != json.Delim('[') {
				return fail()
			}
			return nil
		default:
			var skip json.RawMessage
			if d.dec.Decode(&skip) != nil {
				return fail()
			}
		}
	}
}
