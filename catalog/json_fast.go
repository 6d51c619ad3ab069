package catalog

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// jsonParser reads one record in the JSON exchange form straight from its
// bytes: numbers to an int64 coefficient and exponent, strings as views of
// the input that end in one arena per record, values into a scratch slice
// copied once to a slice of the record's exact size. It reads only the
// well-formed records that the encoding/json path ([JSONDecoder.Decode]'s
// fallback) decodes without a problem, to the same record; anything else
// (a syntax error, an unknown key, a key written in other case, a key
// twice, a value the schema refuses, fields out of schema order, rarely
// used forms such as escapes of surrogates) makes it give up, and the
// caller decodes the record the encoding/json way, which reports the
// errors as it always has.
type jsonParser struct {
	c    *Compiled
	b    []byte
	i    int
	locs []string // c.locales as text

	// Scratch, reused from record to record (parsers are pooled): nothing
	// is allocated for a record until it has been read whole, so that one
	// the parser gives up on costs no more than encoding/json's reading.
	vals    []FieldValue
	strs    []string
	assets  []Asset
	amts    []pendingPrice
	bigs    []pendingBig
	cats    []string
	groups  []string
	bigText string // the text of the last amount of more than 18 digits
	ps      []contract.Problem
}

// pendingPrice is a price read, built in finish.
type pendingPrice struct {
	v   Value  // the amount, when not big
	big string // the amount's text, when of more than 18 digits
	cur currency.Unit
}

// pendingBig is a number value of more than 18 digits, built in finish.
type pendingBig struct {
	at   int
	text string
}

var parserPool sync.Pool

// getParser returns a pooled parser for c.
func getParser(c *Compiled) *jsonParser {
	p, _ := parserPool.Get().(*jsonParser)
	if p == nil {
		p = &jsonParser{}
	}
	if p.c != c {
		p.c = c
		p.locs = p.locs[:0]
		for _, l := range c.locales {
			p.locs = append(p.locs, l.String())
		}
	}
	return p
}

// putParser gives p back to the pool, unless its scratch has grown past
// what a large record needs.
func putParser(p *jsonParser) {
	p.b, p.bigText = nil, ""
	if cap(p.vals) <= 1<<14 && cap(p.strs) <= 1<<14 && cap(p.assets) <= 1<<14 && cap(p.amts) <= 1<<14 {
		parserPool.Put(p)
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (p *jsonParser) ws() {
	for p.i < len(p.b) && isSpace(p.b[p.i]) {
		p.i++
	}
}

// next skips white space and returns the next byte, 0 at the end.
func (p *jsonParser) next() byte {
	p.ws()
	if p.i < len(p.b) {
		return p.b[p.i]
	}
	return 0
}

func (p *jsonParser) eat(c byte) bool {
	if p.next() == c {
		p.i++
		return true
	}
	return false
}

func (p *jsonParser) literal(s string) bool {
	if p.next() == s[0] && len(p.b)-p.i >= len(s) && string(p.b[p.i:p.i+len(s)]) == s {
		p.i += len(s)
		return true
	}
	return false
}

// str reads a string. Without escapes it is a view of the input, which
// finish copies to the record's arena; with escapes, a string of its own.
// Invalid UTF-8 (which encoding/json replaces) and surrogate escapes give
// up.
func (p *jsonParser) str() (string, bool) {
	if p.next() != '"' {
		return "", false
	}
	b := p.b
	start := p.i + 1
	for i := start; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '"':
			p.i = i + 1
			if i == start {
				return "", true
			}
			return unsafe.String(&b[start], i-start), true
		case c == '\\':
			return p.escaped(start)
		case c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				return "", false
			}
			i += size - 1
		}
	}
	return "", false
}

// escaped reads a string with escapes from start, just after its quote.
func (p *jsonParser) escaped(start int) (string, bool) {
	b := p.b
	out := make([]byte, 0, 32)
	for i := start; i < len(b); {
		c := b[i]
		switch {
		case c == '"':
			p.i = i + 1
			return string(out), true
		case c < 0x20:
			return "", false
		case c == '\\':
			if i+1 >= len(b) {
				return "", false
			}
			switch b[i+1] {
			case '"', '\\', '/':
				out = append(out, b[i+1])
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				if i+6 > len(b) {
					return "", false
				}
				n, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 32)
				if err != nil || (n >= 0xD800 && n < 0xE000) {
					return "", false
				}
				out = utf8.AppendRune(out, rune(n))
				i += 6
				continue
			default:
				return "", false
			}
			i += 2
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				return "", false
			}
			out = append(out, b[i:i+size]...)
			i += size
		default:
			out = append(out, c)
			i++
		}
	}
	return "", false
}

// number reads a JSON number and returns its text, a view of the input.
func (p *jsonParser) number() (string, bool) {
	p.ws()
	b, i := p.b, p.i
	start := i
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		return "", false
	}
	if i < len(b) && b[i] == '.' {
		i++
		d := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == d {
			return "", false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		d := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == d {
			return "", false
		}
	}
	p.i = i
	return unsafe.String(&b[start], i-start), true
}

// strOrNull reads a string, or null as "".
func (p *jsonParser) strOrNull() (string, bool) {
	if p.next() == 'n' {
		return "", p.literal("null")
	}
	return p.str()
}

// key reads an object key and its colon; keys with escapes give up.
func (p *jsonParser) key() (string, bool) {
	if p.next() != '"' {
		return "", false
	}
	b := p.b
	start := p.i + 1
	for i := start; i < len(b); i++ {
		if c := b[i]; c == '"' {
			p.i = i + 1
			k := unsafe.String(unsafe.SliceData(b[start:]), i-start)
			return k, p.eat(':')
		} else if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			return "", false
		}
	}
	return "", false
}

// more reads the separator after a member or element: true after a comma,
// false (ok) at the closing bracket.
func (p *jsonParser) more(closing byte) (more, ok bool) {
	switch p.next() {
	case ',':
		p.i++
		return true, true
	case closing:
		p.i++
		return false, true
	}
	return false, false
}

// uintText reads a JSON number that is a whole number 0 or more and fits
// bits.
func (p *jsonParser) uintText(bits int) (uint64, bool) {
	s, ok := p.number()
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseUint(s, 10, bits)
	return n, err == nil
}

// stringList reads an array of strings (null is nil, [] an empty slice)
// into dst's storage.
func (p *jsonParser) stringList(dst []string) ([]string, bool, bool) {
	if p.next() == 'n' {
		return dst, false, p.literal("null")
	}
	if !p.eat('[') {
		return dst, false, false
	}
	if p.eat(']') {
		return dst, true, true
	}
	for {
		s, ok := p.str()
		if !ok {
			return dst, false, false
		}
		dst = append(dst, s)
		more, ok := p.more(']')
		if !ok {
			return dst, false, false
		}
		if !more {
			return dst, true, true
		}
	}
}

// Keys of the record object, as bits of seen.
const (
	keySKU = 1 << iota
	keyID
	keyUUID
	keyParent
	keyFamily
	keyFamilyVariant
	keyStatus
	keyVersion
	keyCategories
	keyGroups
	keyValues
	keyAssociations
	keyCreated
	keyUpdated
	keyRow
)

// parse reads the record object b (one whole JSON value, white space
// around it allowed) into r; false gives up. On success r's strings are
// still views of b until finish, and p.ps holds the problems of values
// the schema refuses (then r is not used).
func (p *jsonParser) parse(b []byte, r *Record) bool {
	p.b, p.i = b, 0
	p.vals, p.strs, p.assets, p.amts, p.bigs = p.vals[:0], p.strs[:0], p.assets[:0], p.amts[:0], p.bigs[:0]
	p.cats, p.groups, p.ps = p.cats[:0], p.groups[:0], p.ps[:0]
	catsSet, groupsSet := false, false
	if !p.eat('{') {
		return false
	}
	seen := 0
	if !p.eat('}') {
		for {
			k, ok := p.key()
			if !ok {
				return false
			}
			var bit int
			var sp *string
			switch k {
			case "sku":
				bit, sp = keySKU, &r.ID
				if p.c.idRule != "sku" {
					return false
				}
			case "id":
				bit, sp = keyID, &r.ID
				if p.c.idRule != "id" {
					return false
				}
			case "uuid":
				bit, sp = keyUUID, &r.UUID
			case "parent":
				bit, sp = keyParent, &r.Parent
			case "family":
				bit, sp = keyFamily, &r.Family
			case "family_variant":
				bit, sp = keyFamilyVariant, &r.FamilyVariant
			case "status":
				bit = keyStatus
				s, ok := p.strOrNull()
				if !ok || (s != "" && r.Status.UnmarshalText(unsafe.Slice(unsafe.StringData(s), len(s))) != nil) {
					return false
				}
			case "version":
				bit = keyVersion
				n, ok := p.uintText(64)
				if !ok {
					return false
				}
				r.Version = n
			case "categories":
				bit = keyCategories
				p.cats, catsSet, ok = p.stringList(p.cats)
				if !ok {
					return false
				}
			case "groups":
				bit = keyGroups
				p.groups, groupsSet, ok = p.stringList(p.groups)
				if !ok {
					return false
				}
			case "values":
				bit = keyValues
				if !p.values() {
					return false
				}
			case "associations":
				// Rare: only none here; a list goes the encoding/json way.
				bit = keyAssociations
				if !p.literal("null") && !(p.eat('[') && p.eat(']')) {
					return false
				}
			case "created", "updated":
				bit = keyCreated
				t := &r.Created
				if k == "updated" {
					bit, t = keyUpdated, &r.Updated
				}
				s, ok := p.strOrNull()
				if !ok {
					return false
				}
				if s != "" {
					v, err := time.Parse(time.RFC3339Nano, strings.Clone(s))
					if err != nil {
						return false
					}
					*t = v
				}
			case "row":
				bit = keyRow
				n, ok := p.uintText(strconv.IntSize - 1)
				if !ok {
					return false
				}
				r.Row = int(n)
			default:
				return false
			}
			if seen&bit != 0 {
				return false
			}
			seen |= bit
			if sp != nil {
				s, ok := p.strOrNull()
				if !ok {
					return false
				}
				*sp = s
			}
			more, ok := p.more('}')
			if !ok {
				return false
			}
			if !more {
				break
			}
		}
	}
	p.ws()
	if p.i != len(p.b) {
		return false
	}
	if catsSet {
		r.Categories = append(make([]string, 0, len(p.cats)), p.cats...)
	}
	if groupsSet {
		r.Groups = append(make([]string, 0, len(p.groups)), p.groups...)
	}
	return true
}

// values reads the "values" object: field codes in schema order, each an
// array of {"locale","channel","data"} objects.
func (p *jsonParser) values() bool {
	if p.next() == 'n' {
		return p.literal("null")
	}
	if !p.eat('{') {
		return false
	}
	if p.eat('}') {
		return true
	}
	c := p.c
	prev := int32(-1)
	for {
		code, ok := p.key()
		if !ok {
			return false
		}
		var fi int32
		if n := prev + 1; n < int32(len(c.fields)) && c.fields[n].Code == code {
			fi = n
		} else if fi, ok = c.index[code]; !ok || fi <= prev {
			return false // unknown, repeated or out of schema order
		}
		prev = fi
		if !p.slots(&c.fields[fi]) {
			return false
		}
		more, ok := p.more('}')
		if !ok {
			return false
		}
		if !more {
			return true
		}
	}
}

// The outcomes of reading a value's data: it fits the field, it is
// well-formed JSON that does not (a problem, as encoding/json's path
// reports it), or the parser gives up.
const (
	fits = iota
	noFit
	giveUp
)

// slots reads one field's array of values. A value whose locale is not
// BCP 47 or whose data does not fit the field is a problem, with the path
// and rule the encoding/json path gives it.
func (p *jsonParser) slots(f *cfield) bool {
	if p.next() == 'n' {
		return p.literal("null")
	}
	if !p.eat('[') {
		return false
	}
	if p.eat(']') {
		return true
	}
	for k := 0; ; k++ {
		if p.literal("null") {
			// No data: a problem.
			p.problem(f, k, RuleType, f.Type.String())
		} else if !p.slot(f, k) {
			return false
		}
		more, ok := p.more(']')
		if !ok {
			return false
		}
		if !more {
			return true
		}
	}
}

// problem records a problem of value k of f, as fromJSON's bad does.
func (p *jsonParser) problem(f *cfield, k int, rule, param string) {
	if len(p.ps) < maxJSONProblems {
		p.ps = append(p.ps, contract.Problem{Path: "values." + f.Code + "[" + strconv.Itoa(k) + "]", Rule: rule, Param: param})
	}
}

// slot reads value k of f, an object.
func (p *jsonParser) slot(f *cfield, k int) bool {
	if !p.eat('{') {
		return false
	}
	fv := FieldValue{Field: f.Code}
	seen := 0
	badLocale := false
	outcome := noFit // no data is a problem
	bigs := len(p.bigs)
	if !p.eat('}') {
		for {
			key, ok := p.key()
			if !ok {
				return false
			}
			var bit int
			switch key {
			case "locale":
				bit = 1
				if p.next() != 'n' && p.next() != '"' {
					return false // encoding/json's type error
				}
				if !p.locale(&fv.Locale, &badLocale) {
					return false
				}
			case "channel":
				bit = 2
				s, ok := p.strOrNull()
				if !ok {
					return false
				}
				fv.Channel = s
				for i := range p.c.channels {
					if p.c.channels[i].Code == s {
						fv.Channel = p.c.channels[i].Code
						break
					}
				}
			case "data":
				bit = 4
				start := p.i
				fv.Value, outcome = p.data(f)
				if outcome == noFit {
					p.i = start
					if !p.skip(0) {
						return false
					}
				}
			default:
				return false
			}
			if outcome == giveUp || seen&bit != 0 {
				return false
			}
			seen |= bit
			more, ok := p.more('}')
			if !ok {
				return false
			}
			if !more {
				break
			}
		}
	}
	switch {
	case badLocale:
		p.problem(f, k, RuleLocale, "bcp47")
	case outcome == noFit:
		p.problem(f, k, RuleType, f.Type.String())
	default:
		if v := &fv.Value; v.b && v.x == nil && (v.kind == kindNumber || v.kind == kindMeasure) {
			p.bigs = append(p.bigs[:bigs], pendingBig{at: len(p.vals), text: p.bigText})
		}
		p.vals = append(p.vals, fv)
		return true
	}
	p.bigs = p.bigs[:bigs]
	return true
}

// locale reads a locale or null; a locale of the schema is its value
// without parsing. Text that is not a locale sets bad.
func (p *jsonParser) locale(dst *contract.Locale, bad *bool) bool {
	if p.next() == 'n' {
		*dst = contract.Locale{}
		return p.literal("null")
	}
	s, ok := p.str()
	if !ok {
		return false
	}
	for i, l := range p.locs {
		if l == s {
			*dst = p.c.locales[i]
			return true
		}
	}
	t, err := contract.ParseLocale(strings.Clone(s))
	*dst, *bad = t, err != nil
	return true
}

// amountText reads an amount: a string, or leniently a bare number; a
// value of another type does not fit.
func (p *jsonParser) amountText() (string, int) {
	switch c := p.next(); {
	case c == '"':
		if s, ok := p.str(); ok {
			return s, fits
		}
	case c == '-' || (c >= '0' && c <= '9'):
		if s, ok := p.number(); ok {
			return s, fits
		}
	default:
		return "", noFit
	}
	return "", giveUp
}

// amount parses an amount's text as jsonNumber does, without allocating:
// one of more than 18 significant digits, which finish builds, is a
// number Value with b set and no extra, its text in p.bigText.
func (p *jsonParser) amount(s string) (Value, int) {
	if v, ok := plainNumber(s, '.'); ok {
		return v, fits
	}
	if s != trimSpaceASCII(s) {
		return Value{}, noFit
	}
	var buf [maxNumberLen + 2]byte
	out, frac, err := NumberFormat{}.scan(s, &buf)
	if err != nil {
		return Value{}, noFit
	}
	if n, ok := smallDigits(out); ok {
		return Value{kind: kindNumber, n: n, e: int32(-frac)}, fits
	}
	p.bigText = s
	return Value{kind: kindNumber, b: true}, fits
}

// text reads a string; a value of another type does not fit.
func (p *jsonParser) text() (string, int) {
	if p.next() != '"' {
		return "", noFit
	}
	if s, ok := p.str(); ok {
		return s, fits
	}
	return "", giveUp
}

// textOrNull is text, null read as "" (as encoding/json leaves a string).
func (p *jsonParser) textOrNull() (string, int) {
	if p.next() == 'n' {
		if p.literal("null") {
			return "", fits
		}
		return "", giveUp
	}
	return p.text()
}

// amountObject reads {"amount","unit","currency"}, the form of a
// measurement and of one price, as encoding/json reads it into
// jsonAmount; keys in another case, unknown or repeated give up.
func (p *jsonParser) amountObject() (amt, unit, cur string, outcome int) {
	if !p.eat('{') {
		return "", "", "", noFit
	}
	seen := 0
	if p.eat('}') {
		return "", "", "", noFit // no amount
	}
	for {
		key, ok := p.key()
		if !ok {
			return "", "", "", giveUp
		}
		var bit, o int
		start := p.i
		switch key {
		case "amount":
			bit = 1
			amt, o = p.amountText()
		case "unit":
			bit = 2
			unit, o = p.textOrNull()
		case "currency":
			bit = 4
			cur, o = p.textOrNull()
		default:
			return "", "", "", giveUp
		}
		if o == noFit {
			p.i = start
			if !p.skip(0) {
				return "", "", "", giveUp
			}
			outcome = noFit
		}
		if o == giveUp || seen&bit != 0 {
			return "", "", "", giveUp
		}
		seen |= bit
		more, ok := p.more('}')
		if !ok {
			return "", "", "", giveUp
		}
		if !more {
			break
		}
	}
	if seen&1 == 0 {
		outcome = max(outcome, noFit)
	}
	return amt, unit, cur, outcome
}

// elements reads an array, calling elem for each element; an element
// that does not fit is skipped and makes the whole not fit.
func (p *jsonParser) elements(elem func() int) int {
	if !p.eat('[') {
		return noFit
	}
	if p.eat(']') {
		return fits
	}
	outcome := fits
	for {
		start := p.i
		switch elem() {
		case giveUp:
			return giveUp
		case noFit:
			p.i = start
			if !p.skip(0) {
				return giveUp
			}
			outcome = noFit
		}
		more, ok := p.more(']')
		if !ok {
			return giveUp
		}
		if !more {
			return outcome
		}
	}
}

// data reads a value's data in the form of f's kind, as decodeKind does;
// list kinds leave their items in the parser's scratch, the Value holding
// where (n) and how many (e) until finish.
func (p *jsonParser) data(f *cfield) (Value, int) {
	if p.next() == 'n' {
		if p.literal("null") {
			return Value{}, fits
		}
		return Value{}, giveUp
	}
	switch k := f.kind(); k {
	case kindText, kindOption, kindDate:
		s, o := p.text()
		if o != fits {
			return Value{}, o
		}
		switch k {
		case kindText:
			return Text(s), fits
		case kindOption:
			return Option(p.intern(f, s)), fits
		}
		v, err := parseDate(s)
		if err != nil {
			return Value{}, noFit
		}
		return v, fits
	case kindNumber:
		s, o := p.amountText()
		if o != fits {
			return Value{}, o
		}
		return p.amount(s)
	case kindBool:
		if p.literal("true") {
			return Bool(true), fits
		}
		if p.literal("false") {
			return Bool(false), fits
		}
		return Value{}, noFit
	case kindMeasure:
		amt, unit, cur, o := p.amountObject()
		if o != fits {
			return Value{}, o
		}
		if cur != "" {
			return Value{}, noFit
		}
		v, o := p.amount(amt)
		v.kind, v.s = kindMeasure, unit
		return v, o
	case kindPrices:
		start := len(p.amts)
		o := p.elements(func() int {
			amt, unit, cur, o := p.amountObject()
			if o != fits {
				return o
			}
			if unit != "" {
				return noFit
			}
			v, o := p.amount(amt)
			cu, err := contract.ParseCurrency(cur)
			if o != fits || err != nil {
				return noFit
			}
			pp := pendingPrice{v: v, cur: cu.Unit()}
			if v.b {
				pp.big = p.bigText
			}
			p.amts = append(p.amts, pp)
			return fits
		})
		if o != fits {
			p.amts = p.amts[:start]
			return Value{}, o
		}
		return p.listValue(kindPrices, start, len(p.amts)), fits
	case kindOptions:
		start := len(p.strs)
		o := p.elements(func() int {
			if p.next() == 'n' {
				return giveUp // encoding/json reads null as ""
			}
			s, o := p.text()
			if o == fits {
				p.strs = append(p.strs, p.intern(f, s))
			}
			return o
		})
		if o != fits {
			p.strs = p.strs[:start]
			return Value{}, o
		}
		return p.listValue(kindOptions, start, len(p.strs)), fits
	case kindAssets:
		start := len(p.assets)
		o := p.elements(func() int {
			if p.next() == 'n' {
				return giveUp // encoding/json reads null as a zero Asset
			}
			if !p.eat('{') {
				return noFit
			}
			var a Asset
			outcome, seen := fits, 0
			if !p.eat('}') {
				for {
					key, ok := p.key()
					if !ok {
						return giveUp
					}
					var bit, o int
					start := p.i
					switch key {
					case "ref":
						bit = 1
						a.Ref, o = p.textOrNull()
					case "size":
						bit = 2
						o = noFit
						if c := p.next(); c == '-' || (c >= '0' && c <= '9') {
							o = giveUp
							if s, ok := p.number(); ok {
								var err error
								a.Size, err = strconv.ParseInt(s, 10, 64)
								o = fits
								if err != nil {
									o = noFit
								}
							}
						} else if c == 'n' {
							o = giveUp
						}
					default:
						return giveUp
					}
					if o == noFit {
						p.i = start
						if !p.skip(0) {
							return giveUp
						}
						outcome = noFit
					}
					if o == giveUp || seen&bit != 0 {
						return giveUp
					}
					seen |= bit
					more, ok := p.more('}')
					if !ok {
						return giveUp
					}
					if !more {
						break
					}
				}
			}
			if outcome == fits {
				p.assets = append(p.assets, a)
			}
			return outcome
		})
		if o != fits {
			p.assets = p.assets[:start]
			return Value{}, o
		}
		return p.listValue(kindAssets, start, len(p.assets)), fits
	}
	return Value{}, giveUp
}

// skip reads any JSON value, checking its syntax as encoding/json does;
// false for malformed JSON (or nesting deeper than encoding/json's
// 10,000 levels).
func (p *jsonParser) skip(depth int) bool {
	if depth > 10000 {
		return false
	}
	switch c := p.next(); {
	case c == '"':
		return p.skipString()
	case c == '{':
		p.i++
		if p.eat('}') {
			return true
		}
		for {
			if p.next() != '"' || !p.skipString() || !p.eat(':') || !p.skip(depth+1) {
				return false
			}
			more, ok := p.more('}')
			if !ok || !more {
				return ok
			}
		}
	case c == '[':
		p.i++
		if p.eat(']') {
			return true
		}
		for {
			if !p.skip(depth + 1) {
				return false
			}
			more, ok := p.more(']')
			if !ok || !more {
				return ok
			}
		}
	case c == 't':
		return p.literal("true")
	case c == 'f':
		return p.literal("false")
	case c == 'n':
		return p.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		_, ok := p.number()
		return ok
	}
	return false
}

// skipString reads a string, checking its escapes and that it has no
// control characters; like encoding/json it does not check UTF-8.
func (p *jsonParser) skipString() bool {
	b := p.b
	for i := p.i + 1; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			p.i = i + 1
			return true
		case c < 0x20:
			return false
		case c == '\\':
			i++
			if i >= len(b) {
				return false
			}
			switch b[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(b) {
					return false
				}
				for _, h := range b[i+1 : i+5] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return false
					}
				}
				i += 4
			default:
				return false
			}
		}
	}
	return false
}

// listValue is a list value of kind k with the scratch items start to end,
// or the empty Value when there are none, as Prices(), Options() and
// Assets() are.
func (p *jsonParser) listValue(k valueKind, start, end int) Value {
	if end == start {
		return Value{}
	}
	return Value{kind: k, n: int64(start), e: int32(end - start)}
}

// intern returns the schema's own string for an option code of f, so that
// the record does not hold a copy.
func (p *jsonParser) intern(f *cfield, s string) string {
	if len(f.Options) <= 64 {
		for i := range f.Options {
			if f.Options[i].Code == s {
				return f.Options[i].Code
			}
		}
	}
	return s
}

// finish moves the parsed values into r: into values' storage when reuse
// is set and it is large enough, else into a slice of their number. It
// builds the numbers of more than 18 digits and the prices, gives each
// list value its own slice of one allocation per kind, and copies every
// string still a view of the input into one arena.
func (p *jsonParser) finish(r *Record, values []FieldValue, reuse bool) {
	n := len(p.vals)
	switch {
	case reuse && cap(values) >= n:
		values = values[:n]
	case n > 0:
		values = make([]FieldValue, n)
	default:
		values = nil
	}
	copy(values, p.vals)
	r.Values = values
	for _, b := range p.bigs {
		v, _ := NumberFormat{}.parseValue(b.text)
		values[b.at].Value.x = v.x
	}
	nx := 0
	for i := range values {
		switch values[i].Value.kind {
		case kindOptions, kindAssets, kindPrices:
			nx++
		}
	}
	if nx > 0 {
		xs := make([]extra, nx)
		var strs []string
		var assets []Asset
		var prices []Price
		if len(p.strs) > 0 {
			strs = append(make([]string, 0, len(p.strs)), p.strs...)
		}
		if len(p.assets) > 0 {
			assets = append(make([]Asset, 0, len(p.assets)), p.assets...)
		}
		if len(p.amts) > 0 {
			prices = make([]Price, len(p.amts))
			for i, a := range p.amts {
				v := a.v
				if a.big != "" {
					v, _ = NumberFormat{}.parseValue(a.big)
				}
				prices[i] = contract.NewMoney(v.decimal(), a.cur)
			}
		}
		k := 0
		for i := range values {
			v := &values[i].Value
			from, to := int(v.n), int(v.n)+int(v.e)
			switch v.kind {
			case kindOptions:
				xs[k].list = strs[from:to:to]
			case kindAssets:
				xs[k].assets = assets[from:to:to]
			case kindPrices:
				xs[k].prices = prices[from:to:to]
			default:
				continue
			}
			v.x, v.n, v.e = &xs[k], 0, 0
			k++
		}
	}
	p.arena(r)
}

// arena copies every string of r that is a view of the input into one
// allocation.
func (p *jsonParser) arena(r *Record) {
	if len(p.b) == 0 {
		return
	}
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(p.b)))
	hi := lo + uintptr(len(p.b))
	total := 0
	walkStrings(r, func(s *string) {
		if d := uintptr(unsafe.Pointer(unsafe.StringData(*s))); len(*s) > 0 && d >= lo && d < hi {
			total += len(*s)
		}
	})
	if total == 0 {
		return
	}
	buf := make([]byte, 0, total)
	walkStrings(r, func(s *string) {
		if d := uintptr(unsafe.Pointer(unsafe.StringData(*s))); len(*s) > 0 && d >= lo && d < hi {
			at := len(buf)
			buf = append(buf, *s...)
			*s = unsafe.String(&buf[at], len(*s))
		}
	})
}

// walkStrings calls f with every string of r a decoder fills.
func walkStrings(r *Record, f func(*string)) {
	f(&r.ID)
	f(&r.UUID)
	f(&r.Parent)
	f(&r.Family)
	f(&r.FamilyVariant)
	for i := range r.Categories {
		f(&r.Categories[i])
	}
	for i := range r.Groups {
		f(&r.Groups[i])
	}
	for i := range r.Values {
		fv := &r.Values[i]
		f(&fv.Channel)
		f(&fv.Value.s)
		if x := fv.Value.x; x != nil {
			for j := range x.list {
				f(&x.list[j])
			}
			for j := range x.assets {
				f(&x.assets[j].Ref)
			}
		}
	}
}
