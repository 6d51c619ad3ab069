package catalog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/jsonbound"
)

// The JSON form of a record, one object per record (JSON Lines when
// streamed), keys always in this order:
//
//	{"sku":"SHIRT-1","parent":"tshirt","status":"active","version":7,
//	 "categories":["shirts"],
//	 "values":{"title":[{"locale":"da-DK","channel":null,"data":"Skjorte"}],
//	           "price":[{"locale":null,"channel":null,"data":[{"amount":"199.00","currency":"DKK"}]}]}}
//
// "sku" is "id" for data types other than products; "parent" and
// "categories" are left out when empty. The record properties of a PIM
// follow when set, in this order: "uuid", "parent", "family",
// "family_variant" before "status"; "groups" after "categories";
// "associations" ([{"type":"PACK","target":"product","id":"SOCKS-1","quantity":2}]),
// "created" and "updated" (RFC 3339, e.g. "2026-01-31T09:30:00Z") and
// "row" after "values". Values come in schema order, each
// field's slots in locale then channel order. Numbers and amounts are
// strings so that no float ever touches them: a price has at least its
// currency's scale ("199.00", never "199"), a number keeps its own scale
// ("18.50"). A measurement's data is {"amount":"0.25","unit":"KILOGRAM"},
// a date "2026-01-31", options an array of codes, assets an array of
// {"ref":"img/a.jpg","size":1234} (size left out when unknown).

type jsonValue struct {
	Locale  *string         `json:"locale"`
	Channel *string         `json:"channel"`
	Data    json.RawMessage `json:"data"`
}

type jsonRecord struct {
	SKU           *string                `json:"sku"`
	ID            *string                `json:"id"`
	UUID          string                 `json:"uuid"`
	Parent        string                 `json:"parent"`
	Family        string                 `json:"family"`
	FamilyVariant string                 `json:"family_variant"`
	Status        string                 `json:"status"`
	Version       uint64                 `json:"version"`
	Categories    []string               `json:"categories"`
	Groups        []string               `json:"groups"`
	Values        map[string][]jsonValue `json:"values"`
	Associations  []jsonAssociation      `json:"associations"`
	Created       string                 `json:"created"`
	Updated       string                 `json:"updated"`
	Row           int                    `json:"row"`
}

type jsonAssociation struct {
	Type     string `json:"type"`
	Target   string `json:"target"`
	ID       string `json:"id"`
	Quantity int    `json:"quantity"`
}

type jsonAmount struct {
	Amount   json.RawMessage `json:"amount"`
	Currency string          `json:"currency"`
	Unit     string          `json:"unit"`
}

// JSONError reports input that is not JSON of the record form (bad
// syntax, a wrong type for a key, an unknown key). It unwraps to
// [ErrSyntax]; the offending text is not repeated.
type JSONError struct {
	Offset int64 // byte offset of the error, when known
}

// Error implements error: "catalog: invalid json at byte 17".
func (e *JSONError) Error() string {
	return "catalog: invalid json at byte " + strconv.FormatInt(e.Offset, 10)
}

// Unwrap returns [ErrSyntax].
func (e *JSONError) Unwrap() error { return ErrSyntax }

// JSONDecoder reads records in the JSON form from a stream of objects
// (one object, or JSON Lines). Make one with [Compiled.NewJSONDecoder]; the
// zero JSONDecoder, or one over a nil reader, returns an error wrapping
// [ErrNil] from Decode.
type JSONDecoder struct {
	c *Compiled
	r *meteredReader

	// The fast path: input read into buf, unread from pos; base is the
	// stream offset of buf[0]. scan is how far the current value's end
	// has been looked for.
	buf      []byte
	pos, end int
	base     int64
	rerr     error
	scan     valueScan
	readSize int

	// The encoding/json path, once the stream has met a record the fast
	// path does not read as a whole: dec reads the rest of the stream,
	// from the stream offset decBase.
	dec     *json.Decoder
	decBase int64
}

// meteredReader prices each record as it is read, so that one too dense
// to decode within the bound is refused before any of it is decoded.
type meteredReader struct {
	r     io.Reader
	m     jsonbound.Meter
	dense bool
}

func (m *meteredReader) Read(p []byte) (int, error) {
	if m.dense {
		return 0, errTooDenseRecord()
	}
	n, err := m.r.Read(p)
	if m.m.Feed(p[:n]) {
		m.dense = true
		return 0, errTooDenseRecord()
	}
	return n, err
}

// errTooDenseRecord wraps ErrSyntax as well as ErrInvalid: like malformed
// JSON, it ends the stream.
func errTooDenseRecord() error {
	return contract.NewValidationError("decode json", []contract.Problem{{Rule: RuleTooDense}}, ErrInvalid, ErrSyntax)
}

// NewJSONDecoder returns a decoder reading from r.
func (c *Compiled) NewJSONDecoder(r io.Reader) *JSONDecoder {
	if r == nil || c == nil {
		return &JSONDecoder{c: c}
	}
	return &JSONDecoder{c: c, r: &meteredReader{r: r, m: jsonbound.Meter{Cost: exchangeCost}}}
}

// Decode reads the next record; io.EOF ends the stream. Malformed JSON is
// a [*JSONError] (and ends the stream); well-formed JSON whose values do
// not fit the schema is a [*contract.ValidationError] listing its problems
// (the first 100 of a record that has more), with
// paths such as "values.price[0]" or "values.title[da-DK]", after which
// the next object can be read. The record is parsed, not validated: run
// [Compiled.Validate] on it.
//
// The decoder reads the form straight from its bytes; a record it does
// not read whole (keys in another case, unknown or repeated; escapes of
// UTF-16 surrogates or invalid UTF-8 in text; associations) it leaves to
// encoding/json, which decodes and reports it as it always has.
//
// Memory: decoding allocates at most 16 bytes per input byte plus 64 KiB;
// a typical record costs less than twice its bytes (the 350-field product
// of the benchmarks 1.7 times), most of it the record's values, and its
// text shares one allocation. A record dense enough in tiny elements to cost
// more, such as a million empty values ({},) or categories ("",), is
// refused, before any of it is decoded, with a
// [*contract.ValidationError] of rule [RuleTooDense] that wraps
// [ErrSyntax] and ends the stream (as may be a record before it that ends
// in the same read). Real records, whose values are some 20 bytes of JSON
// or more, are far below the bound.
func (d *JSONDecoder) Decode() (Record, error) {
	var r Record
	err := d.decodeInto(&r, false)
	return r, err
}

// DecodeInto reads the next record into *r, as [JSONDecoder.Decode]
// does, reusing the storage of r.Values when it is large enough: a stream
// of records of the same shape then allocates little more than each
// record's text and lists. All of *r is overwritten; on an error it holds
// the zero Record (with r.Values' storage kept for the next call), and
// Values may be an empty slice where Decode returns nil.
//
// What the caller may keep: everything but r.Values, which the next call
// overwrites. Every string, and the option, price and asset lists inside
// the values, belong to the record alone.
func (d *JSONDecoder) DecodeInto(r *Record) error {
	if r == nil {
		return errNilRecord
	}
	return d.decodeInto(r, true)
}

func (d *JSONDecoder) decodeInto(r *Record, reuse bool) error {
	values := r.Values
	*r = Record{}
	if d.r == nil || d.c == nil {
		return errNotCreated
	}
	if d.dec == nil {
		obj, err := d.nextValue()
		if err != nil {
			return err
		}
		if obj != nil {
			p := getParser(d.c)
			var rec Record
			var err error
			ok := p.parse(obj, &rec)
			switch {
			case ok && len(p.ps) > 0:
				err = invalid("decode json", slices.Clone(p.ps))
				if reuse {
					r.Values = values[:0]
				}
			case ok:
				p.finish(&rec, values[:0], reuse)
				*r = rec
			case reuse:
				r.Values = values[:0]
			}
			putParser(p)
			if ok {
				d.consume(len(obj))
				return err
			}
			// A whole record the fast path does not read: encoding/json
			// reads it and says what its problems are, and the fast path
			// goes on; unless it is malformed, which ends the stream.
			if rec, err, malformed := d.slowOne(obj); !malformed {
				d.consume(len(obj))
				if err != nil {
					return err
				}
				*r = rec
				return nil
			}
		}
		// Malformed, or not a record: encoding/json reads the rest of the
		// stream from here, as it would have from the start.
		d.toSlow()
	}
	var jr jsonRecord
	if err := d.dec.Decode(&jr); err != nil {
		return d.jsonError(err, d.decBase, d.dec.InputOffset())
	}
	rec, err := d.c.fromJSON(&jr)
	if err != nil {
		return err
	}
	*r = rec
	return nil
}

// jsonError maps an error of encoding/json reading the stream from base
// to the decoder's errors; inputOffset is where it stopped.
func (d *JSONDecoder) jsonError(err error, base, inputOffset int64) error {
	if errors.Is(err, io.EOF) {
		return io.EOF
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return &JSONError{Offset: base + se.Offset}
	case errors.As(err, &te):
		return &JSONError{Offset: te.Offset} // from the start of the record
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &JSONError{Offset: base + inputOffset}
	}
	if strings.HasPrefix(err.Error(), "json: ") {
		// e.g. "json: unknown field", "json: cannot unmarshal ..."
		return &JSONError{Offset: base + inputOffset}
	}
	return err // the reader's own error, or errTooDenseRecord
}

// slowOne decodes the well-formed record obj, at the decoder's position,
// the encoding/json way.
func (d *JSONDecoder) slowOne(obj []byte) (rec Record, err error, malformed bool) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	dec.DisallowUnknownFields()
	var jr jsonRecord
	if err := dec.Decode(&jr); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return Record{}, nil, true
		}
		return Record{}, d.jsonError(err, d.base+int64(d.pos), dec.InputOffset()), false
	}
	rec, err = d.c.fromJSON(&jr)
	return rec, err, false
}

// toSlow hands the rest of the stream, from the current position, to
// encoding/json.
func (d *JSONDecoder) toSlow() {
	var src io.Reader = d.r
	if d.rerr != nil {
		src = errReader{d.rerr}
	}
	// What was read ahead is copied, so that the buffer goes back to the
	// pool: reads start small, so this is little for input that is no
	// record.
	rest := append([]byte(nil), d.buf[d.pos:d.end]...)
	d.dec = json.NewDecoder(io.MultiReader(bytes.NewReader(rest), src))
	d.dec.DisallowUnknownFields()
	d.decBase = d.base + int64(d.pos)
	putBuffer(d.buf)
	d.buf, d.pos, d.end = nil, 0, 0
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// consume moves past n bytes of read input.
func (d *JSONDecoder) consume(n int) {
	d.pos += n
	d.scan = valueScan{}
	if d.pos == d.end {
		// Nothing read ahead: the buffer goes back to the pool until the
		// next call.
		d.base += int64(d.pos)
		d.pos, d.end = 0, 0
		putBuffer(d.buf)
		d.buf = nil
	}
}

// nextValue returns the bytes of the next top-level value, with the white
// space before it (encoding/json counts the offsets of some errors from
// there), when it is an object read whole; nil (and no error) when it is
// not, is cut short or the reader failed, for encoding/json to report;
// io.EOF at the end.
func (d *JSONDecoder) nextValue() ([]byte, error) {
	ws := 0
	for {
		for d.pos+ws < d.end && isSpace(d.buf[d.pos+ws]) {
			ws++
		}
		if d.pos+ws < d.end {
			break
		}
		if !d.fill() {
			if d.rerr == io.EOF && d.pos+ws == d.end {
				return nil, io.EOF
			}
			return nil, nil
		}
	}
	if d.buf[d.pos+ws] != '{' {
		return nil, nil
	}
	for {
		switch n := d.scan.find(d.buf[d.pos+ws : d.end]); {
		case n > 0:
			return d.buf[d.pos : d.pos+ws+n], nil
		case n < 0:
			return nil, nil
		}
		if !d.fill() {
			return nil, nil
		}
	}
}

// fill reads more input, keeping buf[pos:end]; false at the end of the
// input or on an error (rerr).
func (d *JSONDecoder) fill() bool {
	if d.rerr != nil {
		return false
	}
	if d.buf == nil {
		d.buf = getBuffer()
	}
	if d.pos > 0 {
		n := copy(d.buf, d.buf[d.pos:d.end])
		d.base += int64(d.pos)
		d.pos, d.end = 0, n
	}
	if d.end == len(d.buf) {
		d.buf = append(d.buf, make([]byte, len(d.buf))...)
		d.buf = d.buf[:cap(d.buf)]
	}
	// Reads start small and double, so that input that is no record
	// (junk, a deep nesting) is refused after little of it is read.
	d.readSize = min(max(2*d.readSize, 4<<10), len(d.buf)-d.end)
	for range 100 {
		n, err := d.r.Read(d.buf[d.end : d.end+d.readSize])
		if n < 0 || n > d.readSize {
			n, err = 0, errors.New("catalog: json: reader returned an invalid count")
		}
		d.end += n
		if err != nil {
			d.rerr = err
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	d.rerr = io.ErrNoProgress
	return false
}

// valueScan finds the end of a JSON value that starts with '{', across
// reads: it counts brackets outside strings and no more (the parser or
// encoding/json checks the rest).
// maxJSONDepth is encoding/json's nesting limit.
const maxJSONDepth = 10000

type valueScan struct {
	i, depth int
	inStr    bool
	objs     int // objects so far, a bound on the record's values
}

// find returns the length of the value at the start of b, 0 when b does
// not hold all of it yet, and -1 when it nests deeper than encoding/json
// reads (its scanner stops at maxJSONDepth).
func (s *valueScan) find(b []byte) int {
	i, depth, inStr, objs := s.i, s.depth, s.inStr, s.objs
	for i < len(b) {
		if inStr {
			j := bytes.IndexByte(b[i:], '"')
			if j < 0 {
				i = len(b)
				break
			}
			// A quote after an odd number of backslashes is escaped.
			k := i + j
			bs := 0
			for k-1-bs >= 0 && b[k-1-bs] == '\\' {
				bs++
			}
			i = k + 1
			if bs%2 == 0 {
				inStr = false
			}
			continue
		}
		switch b[i] {
		case '"':
			inStr = true
		case '{':
			depth++
			objs++
		case '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				*s = valueScan{objs: objs}
				return i + 1
			}
		}
		i++
	}
	s.i, s.depth, s.inStr, s.objs = i, depth, inStr, objs
	if depth > maxJSONDepth {
		return -1 // deeper than encoding/json reads: let it say so
	}
	return 0
}

// DecodeJSON reads one record in the JSON form from r; see
// [JSONDecoder.Decode], also for the memory it allocates.
func (c *Compiled) DecodeJSON(r io.Reader) (Record, error) {
	if r == nil {
		return Record{}, errNilReader
	}
	d := c.NewJSONDecoder(r)
	rec, err := d.Decode()
	// The decoder ends here: its buffer (the record holds no part of it,
	// whichever path read it) goes back to the pool for the next call.
	putBuffer(d.buf)
	if err == io.EOF {
		return Record{}, &JSONError{}
	}
	return rec, err
}

// bufferPool keeps JSON decoders' read buffers between calls.
var bufferPool sync.Pool

// poisonBuffers, set by tests, overwrites a buffer given back, so that a
// string left pointing into it shows.
var poisonBuffers bool

func getBuffer() []byte {
	if b, ok := bufferPool.Get().(*[]byte); ok {
		return (*b)[:cap(*b)]
	}
	return make([]byte, 32<<10)
}

func putBuffer(b []byte) {
	if b == nil || cap(b) > 4<<20 {
		return
	}
	if poisonBuffers {
		b = b[:cap(b)]
		for i := range b {
			b[i] = 'X'
		}
	}
	bufferPool.Put(&b)
}

// maxJSONProblems is the most problems one record's JSON reports: a
// record of a million malformed values is refused with the first 100,
// not with a million problems that cost a hundred times its size.
const maxJSONProblems = 100

func (c *Compiled) fromJSON(jr *jsonRecord) (Record, error) {
	var ps []contract.Problem
	var r Record
	id, other := jr.SKU, jr.ID
	if c.idRule == "id" {
		id, other = jr.ID, jr.SKU
	}
	if other != nil {
		otherName := "id"
		if c.idRule == "id" {
			otherName = "sku"
		}
		ps = append(ps, contract.Problem{Path: otherName, Rule: RuleUnknownField})
	}
	if id != nil {
		r.ID = *id
	}
	r.UUID, r.Parent, r.Family, r.FamilyVariant = jr.UUID, jr.Parent, jr.Family, jr.FamilyVariant
	r.Version = jr.Version
	r.Categories = jr.Categories
	r.Groups = jr.Groups
	r.Row = jr.Row
	if jr.Row < 0 {
		ps = append(ps, contract.Problem{Path: "row", Rule: RuleMin, Param: "0"})
	}
	for _, at := range [...]struct {
		name, text string
		t          *time.Time
	}{{"created", jr.Created, &r.Created}, {"updated", jr.Updated, &r.Updated}} {
		if at.text == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339Nano, at.text)
		if err != nil {
			ps = append(ps, contract.Problem{Path: at.name, Rule: RuleSyntax, Param: "rfc3339"})
		}
		*at.t = t
	}
	if len(jr.Associations) > 0 {
		r.Associations = make([]Association, len(jr.Associations))
	}
	for i, ja := range jr.Associations {
		a := Association{Type: ja.Type, ID: ja.ID, Quantity: ja.Quantity}
		if err := a.Target.UnmarshalText([]byte(ja.Target)); err != nil && len(ps) < maxJSONProblems {
			ps = append(ps, contract.Problem{Path: "associations[" + strconv.Itoa(i) + "].target", Rule: RuleTarget})
		}
		r.Associations[i] = a
	}
	if jr.Status != "" {
		if err := r.Status.UnmarshalText([]byte(jr.Status)); err != nil {
			ps = append(ps, contract.Problem{Path: "status", Rule: RuleStatus})
		}
	}
	var unknown []string
	for code := range jr.Values {
		if _, ok := c.index[code]; !ok {
			unknown = append(unknown, code)
		}
	}
	slices.Sort(unknown)
	for _, code := range unknown[:min(len(unknown), maxJSONProblems)] {
		ps = append(ps, contract.Problem{Path: "values." + safeSegment(code), Rule: RuleUnknownField})
	}
	bad := func(f *cfield, k int, rule, param string) {
		if len(ps) < maxJSONProblems {
			ps = append(ps, contract.Problem{Path: "values." + f.Code + "[" + strconv.Itoa(k) + "]", Rule: rule, Param: param})
		}
	}
	// One allocation for every value, not a slice grown by appends.
	nv := 0
	for fi := range c.fields {
		nv += len(jr.Values[c.fields[fi].Code])
	}
	if nv > 0 {
		r.Values = make([]FieldValue, 0, nv)
	}
	for fi := range c.fields {
		f := &c.fields[fi]
		for k, jv := range jr.Values[f.Code] {
			fv := FieldValue{Field: f.Code, Locale: contract.Locale{}}
			if jv.Locale != nil {
				t, err := contract.ParseLocale(*jv.Locale)
				if err != nil {
					bad(f, k, RuleLocale, "bcp47")
					continue
				}
				fv.Locale = t
			}
			if jv.Channel != nil {
				fv.Channel = *jv.Channel
			}
			v, ok := decodeData(f, jv.Data)
			if !ok {
				bad(f, k, RuleType, f.Type.String())
				continue
			}
			fv.Value = v
			r.Values = append(r.Values, fv)
		}
	}
	if len(ps) > 0 {
		return Record{}, invalid("decode json", ps)
	}
	return r, nil
}

func jsonString(raw json.RawMessage) (string, bool) {
	// raw is valid JSON, as encoding/json read it: a string without
	// escapes is its text between the quotes, read without json.Unmarshal
	// and its allocations.
	if n := len(raw); n >= 2 && raw[0] == '"' && raw[n-1] == '"' && bytes.IndexByte(raw[1:n-1], '\\') < 0 && bytes.IndexByte(raw[1:n-1], '"') < 0 && utf8.Valid(raw[1:n-1]) {
		return string(raw[1 : n-1]), true
	}
	var s string
	if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// jsonNumber reads an amount written as a string ("18.50") or, leniently,
// as a bare JSON number (18.50) whose text is parsed exactly.
func jsonNumber(raw json.RawMessage) (Value, bool) {
	s, ok := jsonString(raw)
	if !ok {
		if len(raw) == 0 || raw[0] == '"' || raw[0] == 'n' || raw[0] == '{' || raw[0] == '[' || raw[0] == 't' || raw[0] == 'f' {
			return Value{}, false
		}
		s = string(raw)
	}
	v, err := NumberFormat{}.parseValue(s)
	if err != nil || s != trimSpaceASCII(s) {
		return Value{}, false
	}
	return v, true
}

func trimSpaceASCII(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

func decodeData(f *cfield, raw json.RawMessage) (Value, bool) {
	return decodeKind(f.kind(), raw)
}

// decodeKind reads the data of a value of kind k, in the form appendData
// writes; null is the empty value.
func decodeKind(k valueKind, raw json.RawMessage) (Value, bool) {
	if bytes.Equal(raw, []byte("null")) {
		return Value{}, true
	}
	switch k {
	case kindNumber:
		return jsonNumber(raw)
	case kindMeasure:
		var a jsonAmount
		if json.Unmarshal(raw, &a) != nil || a.Currency != "" {
			return Value{}, false
		}
		v, ok := jsonNumber(a.Amount)
		v.kind, v.s = kindMeasure, a.Unit
		return v, ok
	case kindPrices:
		var as []jsonAmount
		if json.Unmarshal(raw, &as) != nil {
			return Value{}, false
		}
		ps := make([]Price, 0, len(as))
		for _, a := range as {
			v, ok := jsonNumber(a.Amount)
			cur, err := contract.ParseCurrency(a.Currency)
			if !ok || err != nil || a.Unit != "" {
				return Value{}, false
			}
			ps = append(ps, contract.NewMoney(v.decimal(), cur.Unit()))
		}
		return Prices(ps...), true
	case kindBool:
		var b bool
		if json.Unmarshal(raw, &b) != nil {
			return Value{}, false
		}
		return Bool(b), true
	case kindDate:
		s, ok := jsonString(raw)
		if !ok {
			return Value{}, false
		}
		v, err := parseDate(s)
		return v, err == nil
	case kindOption:
		s, ok := jsonString(raw)
		return Option(s), ok
	case kindOptions:
		var list []string
		if json.Unmarshal(raw, &list) != nil {
			return Value{}, false
		}
		return Options(list...), true
	case kindAssets:
		var as []Asset
		if json.Unmarshal(raw, &as) != nil {
			return Value{}, false
		}
		return Assets(as...), true
	case kindText:
		s, ok := jsonString(raw)
		return Text(s), ok
	}
	return Value{}, false
}

// EncodeJSON writes r in the JSON form followed by a newline (so that
// consecutive calls produce JSON Lines). Values the schema cannot place
// (unknown fields, wrong kinds) are reported at once in a
// [*contract.ValidationError] and nothing is written.
func (c *Compiled) EncodeJSON(w io.Writer, r Record) error {
	if w == nil {
		return errNilWriter
	}
	var ps []contract.Problem
	byField := make([][]int, len(c.fields))
	for i, fv := range r.Values {
		fi, ok := c.index[fv.Field]
		if !ok {
			ps = append(ps, contract.Problem{Path: "values." + safeSegment(fv.Field), Rule: RuleUnknownField})
			continue
		}
		if !fv.Value.IsEmpty() && fv.Value.kind != c.fields[fi].kind() {
			ps = append(ps, contract.Problem{Path: valuePath("", fv.Field, fv.Locale, safeSegment(fv.Channel)), Rule: RuleType, Param: c.fields[fi].Type.String()})
			continue
		}
		byField[fi] = append(byField[fi], i)
	}
	for i, a := range r.Associations {
		if a.Target < TargetProduct || a.Target > TargetGroup {
			ps = append(ps, contract.Problem{Path: "associations[" + strconv.Itoa(i) + "].target", Rule: RuleTarget})
		}
	}
	if len(ps) > 0 {
		return invalid("encode json", ps)
	}
	bw := bufio.NewWriter(w)
	b := make([]byte, 0, 256)
	b = append(b, '{')
	b = appendKey(b, c.idRule)
	b = appendJSONString(b, r.ID)
	for _, kv := range [...]struct{ k, v string }{{"uuid", r.UUID}, {"parent", r.Parent}, {"family", r.Family}, {"family_variant", r.FamilyVariant}} {
		if kv.v != "" {
			b = append(b, ',')
			b = appendKey(b, kv.k)
			b = appendJSONString(b, kv.v)
		}
	}
	b = append(b, ',')
	b = appendKey(b, "status")
	b = appendJSONString(b, r.Status.String())
	b = append(b, ',')
	b = appendKey(b, "version")
	b = strconv.AppendUint(b, r.Version, 10)
	if len(r.Categories) > 0 {
		b = append(b, ',')
		b = appendKey(b, "categories")
		b = append(b, '[')
		for i, cat := range r.Categories {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, cat)
		}
		b = append(b, ']')
	}
	if len(r.Groups) > 0 {
		b = append(b, ',')
		b = appendKey(b, "groups")
		b = append(b, '[')
		for i, g := range r.Groups {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, g)
		}
		b = append(b, ']')
	}
	b = append(b, ',')
	b = appendKey(b, "values")
	b = append(b, '{')
	first := true
	for fi := range c.fields {
		idx := byField[fi]
		if len(idx) == 0 {
			continue
		}
		f := &c.fields[fi]
		slices.SortStableFunc(idx, func(x, y int) int { return c.slotOrder(f, r.Values[x]) - c.slotOrder(f, r.Values[y]) })
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendKey(b, f.Code)
		b = append(b, '[')
		for k, i := range idx {
			fv := r.Values[i]
			if k > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"locale":`...)
			if fv.Locale.IsZero() {
				b = append(b, "null"...)
			} else {
				b = appendJSONString(b, fv.Locale.String())
			}
			b = append(b, `,"channel":`...)
			if fv.Channel == "" {
				b = append(b, "null"...)
			} else {
				b = appendJSONString(b, fv.Channel)
			}
			b = append(b, `,"data":`...)
			b = appendData(b, fv.Value)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, '}')
	if len(r.Associations) > 0 {
		b = append(b, `,"associations":[`...)
		for i, a := range r.Associations {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"type":`...)
			b = appendJSONString(b, a.Type)
			b = append(b, `,"target":`...)
			b = appendJSONString(b, a.Target.String())
			b = append(b, `,"id":`...)
			b = appendJSONString(b, a.ID)
			if a.Quantity != 0 {
				b = append(b, `,"quantity":`...)
				b = strconv.AppendInt(b, int64(a.Quantity), 10)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if !r.Created.IsZero() {
		b = append(b, `,"created":`...)
		b = appendJSONString(b, r.Created.Format(time.RFC3339Nano))
	}
	if !r.Updated.IsZero() {
		b = append(b, `,"updated":`...)
		b = appendJSONString(b, r.Updated.Format(time.RFC3339Nano))
	}
	if r.Row != 0 {
		b = append(b, `,"row":`...)
		b = strconv.AppendInt(b, int64(r.Row), 10)
	}
	b = append(b, "}\n"...)
	if _, err := bw.Write(b); err != nil {
		return err
	}
	return bw.Flush()
}

// slotOrder sorts a field's values by locale then channel, in the order
// of the compiled channels; unknown locales and channels go last.
func (c *Compiled) slotOrder(f *cfield, fv FieldValue) int {
	li := 0
	if !fv.Locale.IsZero() {
		li = c.localeIndex(fv.Locale)
		if li < 0 {
			li = len(c.locales)
		}
		li++
	}
	ci := 0
	if fv.Channel != "" {
		ci = c.channelIndex(fv.Channel)
		if ci < 0 {
			ci = len(c.channels)
		}
		ci++
	}
	return li*(len(c.channels)+2) + ci
}

func appendKey(b []byte, k string) []byte {
	b = appendJSONString(b, k)
	return append(b, ':')
}

func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always marshals
	return append(b, q...)
}

func appendData(b []byte, v Value) []byte {
	switch v.kind {
	case kindEmpty:
		return append(b, "null"...)
	case kindNumber:
		return appendJSONString(b, NumberFormat{}.Format(v.decimal()))
	case kindMeasure:
		b = append(b, `{"amount":`...)
		b = appendJSONString(b, NumberFormat{}.Format(v.decimal()))
		b = append(b, `,"unit":`...)
		b = appendJSONString(b, v.s)
		return append(b, '}')
	case kindPrices:
		b = append(b, '[')
		for i, p := range v.x.prices {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"amount":`...)
			b = appendJSONString(b, p.Text())
			b = append(b, `,"currency":`...)
			b = appendJSONString(b, p.Currency().String())
			b = append(b, '}')
		}
		return append(b, ']')
	case kindBool:
		return strconv.AppendBool(b, v.b)
	case kindOptions:
		b = append(b, '[')
		for i, o := range v.x.list {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, o)
		}
		return append(b, ']')
	case kindAssets:
		b = append(b, '[')
		for i, a := range v.x.assets {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"ref":`...)
			b = appendJSONString(b, a.Ref)
			if a.Size != 0 {
				b = append(b, `,"size":`...)
				b = strconv.AppendInt(b, a.Size, 10)
			}
			b = append(b, '}')
		}
		return append(b, ']')
	}
	return appendJSONString(b, v.String())
}
