package catalog

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"hash/fnv"
	"math/big"
	"strconv"
	"sync"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Packed is a record in compact form, for a host that keeps many records
// in memory: the Akeneo-shaped product of 350 fields in 3 channels and 2
// locales (about 600 values) takes 11-12 KB packed against about 73 KB
// as a [Record]. Make one with [Compiled.Pack]; read it back with
// [Compiled.Unpack], or check it without unpacking with
// [Compiled.AssessPacked], [Compiled.ValidatePacked] and
// [Compiled.CompletenessPacked].
//
// A Packed is one immutable string of bytes: the record's header fields,
// then each value as its position in the compiled schema (field, locale
// and channel as small indexes, delta-coded) and its data (numbers as a
// varint coefficient and exponent, dates as yyyymmdd, texts and codes by
// length). It belongs to the schema that packed it: another schema's
// Unpack refuses it ([ErrSchema]). Its JSON is the bytes in standard
// base64, so a Packed survives encoding/json; the zero Packed holds no
// record.
type Packed struct{ b string }

// ErrSchema reports a [Packed] record that the compiled schema did not
// pack: compiled from another schema, or damaged.
var ErrSchema = errors.New("catalog: packed record of another schema or damaged")

const (
	packMagic = 0xd1 // first byte: format 1

	// Header flags: which optional header fields follow.
	pkUUID = 1 << iota
	pkParent
	pkFamily
	pkFamilyVariant
	pkVersion
	pkCategories // Categories non-nil
	pkGroups     // Groups non-nil
	pkValues     // Values non-nil
	pkAssocs     // Associations non-nil
	pkCreated
	pkUpdated
	pkRow

	// Tag byte of a value: its kind in the low four bits, then flags.
	tagExplicit = 0x10 // field, locale and channel by their text: not in the schema
	tagFlag     = 0x20 // true for a boolean; a big number's coefficient as digits

	maxPackedDigits = 4096 // digits of a big coefficient, so unpacking is bounded
)

// Equal reports whether p and q hold the same bytes, so the same record
// packed by the same schema; go-cmp compares Packed values with it.
func (p Packed) Equal(q Packed) bool { return p.b == q.b }

// IsZero reports whether p is the zero Packed, which holds no record.
func (p Packed) IsZero() bool { return p.b == "" }

// Size returns the packed record's length in bytes.
func (p Packed) Size() int { return len(p.b) }

// ID returns the record's ID without unpacking the rest ("" for the zero
// or a damaged Packed).
func (p Packed) ID() string {
	r := packReader{s: p.b}
	if len(p.b) < 5 || r.byte() != packMagic {
		return ""
	}
	r.i = 5
	r.uv()
	id := r.str()
	if r.bad {
		return ""
	}
	return id
}

// MarshalJSON writes the bytes as a JSON string in standard base64.
func (p Packed) MarshalJSON() ([]byte, error) {
	out := make([]byte, 0, base64.StdEncoding.EncodedLen(len(p.b))+2)
	out = append(out, '"')
	out = base64.StdEncoding.AppendEncode(out, []byte(p.b))
	return append(out, '"'), nil
}

// UnmarshalJSON reads what MarshalJSON writes; JSON null is the zero
// Packed. It checks only the encoding; [Compiled.Unpack] checks the
// bytes. It allocates about three bytes per input byte, within the 16
// bytes plus 64 KiB of every decoder here.
func (p *Packed) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return contract.NewValidationError("read packed record", []contract.Problem{newProblem("", RuleSyntax, "json")}, ErrSyntax)
	}
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return contract.NewValidationError("read packed record", []contract.Problem{newProblem("", RuleSyntax, "base64")}, ErrSyntax)
	}
	p.b = string(raw)
	return nil
}

// packKey fingerprints what a Packed depends on: the fields' codes,
// types and variation, the locales, the channels and the currencies, in
// order. Compile computes it once.
func (c *Compiled) packKey() uint32 {
	h := fnv.New32a()
	w := func(s string) { h.Write([]byte(s)); h.Write([]byte{0}) }
	w(string(c.schema.Type))
	for i := range c.fields {
		f := &c.fields[i]
		w(f.Code)
		h.Write([]byte{byte(f.Type), boolByte(f.Localizable), boolByte(f.Scopable)})
	}
	for _, l := range c.locales {
		w(l.String())
	}
	for i := range c.channels {
		w(c.channels[i].Code)
	}
	for _, u := range c.currencies { // prices keep their currency as an index
		w(u.String())
	}
	return h.Sum32()
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// Pack returns r in compact form. Unpack gives r back exactly (go-cmp
// finds no difference) with two normalisations that [Record] equality
// ignores: Created and Updated come back in UTC, without a monotonic
// clock reading. Values the schema has no place for (an unknown field, a
// locale or channel it does not have) are kept by their text and come
// back as they were; validation reports them as [Compiled.Validate]
// does. Pack fails only for a locale whose text does not read back as
// the same locale, or a number of more than 4,096 digits (an error
// wrapping [ErrInvalid]), and on a nil Compiled ([ErrSchema]).
func (c *Compiled) Pack(r Record) (Packed, error) {
	if c == nil {
		return Packed{}, ErrSchema
	}
	w := writerPool.Get().(*packWriter)
	p, err := c.pack(w, &r)
	if cap(w.b) <= 1<<20 {
		w.b = w.b[:0]
		writerPool.Put(w)
	}
	return p, err
}

// writerPool holds packing buffers, so that packing allocates only the
// packed string.
var writerPool = sync.Pool{New: func() any { return &packWriter{b: make([]byte, 0, 16<<10)} }}

func (c *Compiled) pack(w *packWriter, r *Record) (Packed, error) {
	k := c.packHash
	w.b = append(w.b, packMagic, byte(k), byte(k>>8), byte(k>>16), byte(k>>24))
	var flags uint64
	set := func(f uint64, on bool) {
		if on {
			flags |= f
		}
	}
	set(pkUUID, r.UUID != "")
	set(pkParent, r.Parent != "")
	set(pkFamily, r.Family != "")
	set(pkFamilyVariant, r.FamilyVariant != "")
	set(pkVersion, r.Version != 0)
	set(pkCategories, r.Categories != nil)
	set(pkGroups, r.Groups != nil)
	set(pkValues, r.Values != nil)
	set(pkAssocs, r.Associations != nil)
	set(pkCreated, !r.Created.IsZero())
	set(pkUpdated, !r.Updated.IsZero())
	set(pkRow, r.Row != 0)
	w.uv(flags)
	w.str(r.ID)
	for _, o := range []struct {
		f uint64
		s string
	}{{pkUUID, r.UUID}, {pkParent, r.Parent}, {pkFamily, r.Family}, {pkFamilyVariant, r.FamilyVariant}} {
		if flags&o.f != 0 {
			w.str(o.s)
		}
	}
	w.b = append(w.b, byte(r.Status))
	if flags&pkVersion != 0 {
		w.uv(r.Version)
	}
	if flags&pkCategories != 0 {
		w.strs(r.Categories)
	}
	if flags&pkGroups != 0 {
		w.strs(r.Groups)
	}
	if flags&pkAssocs != 0 {
		w.uv(uint64(len(r.Associations)))
		for _, a := range r.Associations {
			w.str(a.Type)
			w.b = append(w.b, byte(a.Target))
			w.str(a.ID)
			w.sv(int64(a.Quantity))
		}
	}
	if flags&pkCreated != 0 {
		w.sv(r.Created.Unix())
		w.uv(uint64(r.Created.Nanosecond()))
	}
	if flags&pkUpdated != 0 {
		w.sv(r.Updated.Unix())
		w.uv(uint64(r.Updated.Nanosecond()))
	}
	if flags&pkRow != 0 {
		w.sv(int64(r.Row))
	}
	// What unpacking needs to size its arenas: values, values with an
	// extra, option codes, prices, assets.
	var nx, ns, np, na int
	for i := range r.Values {
		v := &r.Values[i].Value
		switch v.kind {
		case kindOptions:
			nx, ns = nx+1, ns+len(v.x.list)
		case kindPrices:
			nx, np = nx+1, np+len(v.x.prices)
		case kindAssets:
			nx, na = nx+1, na+len(v.x.assets)
		case kindNumber, kindMeasure:
			if v.x != nil && v.b {
				nx++
			}
		}
	}
	w.uv(uint64(len(r.Values)))
	w.uv(uint64(nx))
	w.uv(uint64(ns))
	w.uv(uint64(np))
	w.uv(uint64(na))
	nl, nc := int64(len(c.locales))+1, int64(len(c.channels))+1
	prev := int64(0)
	for i := range r.Values {
		fv := &r.Values[i]
		v := &fv.Value
		tag := byte(v.kind)
		if (v.kind == kindBool && v.b) || ((v.kind == kindNumber || v.kind == kindMeasure) && v.x != nil && v.b) {
			tag |= tagFlag
		}
		fi, ok := c.index[fv.Field]
		lc, cc := int64(0), int64(0)
		if ok && !fv.Locale.IsZero() {
			l := c.localeIndex(fv.Locale)
			ok = l >= 0
			lc = int64(l) + 1
		}
		if ok && fv.Channel != "" {
			ch := c.channelIndex(fv.Channel)
			ok = ch >= 0
			cc = int64(ch) + 1
		}
		if ok {
			pos := (int64(fi)*nl+lc)*nc + cc
			w.b = append(w.b, tag)
			w.sv(pos - prev)
			prev = pos
		} else {
			w.b = append(w.b, tag|tagExplicit)
			w.str(fv.Field)
			ls := ""
			if !fv.Locale.IsZero() {
				ls = fv.Locale.String()
				if back, err := contract.ParseLocale(ls); err != nil || back != fv.Locale {
					return Packed{}, invalid("pack record", []contract.Problem{{Path: valuePath("", safeSegment(fv.Field), contract.Locale{}, ""), Rule: RuleLocale}})
				}
			}
			w.str(ls)
			w.str(fv.Channel)
		}
		if err := c.packValue(w, v); err != nil {
			return Packed{}, invalid("pack record", []contract.Problem{{Path: valuePath("", safeSegment(fv.Field), fv.Locale, safeSegment(fv.Channel)), Rule: RuleMax, Param: strconv.Itoa(maxPackedDigits)}})
		}
	}
	return Packed{b: string(w.b)}, nil
}

var errTooManyDigits = errors.New("catalog: number too long to pack")

func (c *Compiled) packValue(w *packWriter, v *Value) error {
	switch v.kind {
	case kindText, kindOption:
		w.str(v.s)
	case kindNumber, kindMeasure:
		if v.x != nil && v.b {
			if err := w.bigNum(v.x.big); err != nil {
				return err
			}
		} else {
			w.sv(v.n)
			w.sv(int64(v.e))
		}
		if v.kind == kindMeasure {
			w.str(v.s)
		}
	case kindDate:
		w.sv(v.n)
	case kindOptions:
		w.strs(v.x.list)
	case kindAssets:
		w.uv(uint64(len(v.x.assets)))
		for _, a := range v.x.assets {
			w.str(a.Ref)
			w.sv(a.Size)
		}
	case kindPrices:
		w.uv(uint64(len(v.x.prices)))
		for _, p := range v.x.prices {
			u := p.Currency()
			switch i := c.currencyIndex(u); {
			case u == currency.Unit{}:
				w.b = append(w.b, 0)
			case i >= 0 && i < 254:
				w.b = append(w.b, byte(i+1))
			default:
				w.b = append(w.b, 0xff)
				w.str(u.String())
			}
			d := p.Amount()
			if d.NumDigits() <= 18 {
				w.b = append(w.b, 0)
				w.sv(d.CoefficientInt64())
				w.sv(int64(d.Exponent()))
			} else {
				w.b = append(w.b, 1)
				if err := w.bigNum(d); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (c *Compiled) currencyIndex(u currency.Unit) int {
	for i, x := range c.currencies {
		if x == u {
			return i
		}
	}
	return -1
}

// Unpack returns the record p holds. A Packed that c did not make (the
// zero Packed, another schema's, damaged bytes) is an error wrapping
// [ErrSchema]. The record's texts share p's memory: keeping one keeps p.
// Unpacking allocates at most 64 bytes per packed byte plus 64 KiB (a
// value can take two bytes packed and 96 as a [FieldValue]), more than
// the decoders' 16: a Packed is a host's own storage form, not an
// exchange form for untrusted input.
func (c *Compiled) Unpack(p Packed) (Record, error) {
	var r Record
	if err := c.unpack(p, &r, nil); err != nil {
		return Record{}, err
	}
	return r, nil
}

// packScratch is reused storage for checking a Packed without keeping it.
type packScratch struct {
	values []FieldValue
	extras []extra
	strs   []string
	prices []Price
	assets []Asset
}

var scratchPool = sync.Pool{New: func() any { return new(packScratch) }}

// withPacked unpacks p into pooled storage and calls fn with the record,
// which must not escape fn.
func (c *Compiled) withPacked(p Packed, fn func(r *Record)) error {
	sc := scratchPool.Get().(*packScratch)
	defer scratchPool.Put(sc)
	var r Record
	if err := c.unpack(p, &r, sc); err != nil {
		return err
	}
	fn(&r)
	// The scratch keeps pointing into p until its next use: one record's
	// bytes per pooled scratch, cheaper than clearing it every time.
	return nil
}

// AssessPacked is [Compiled.Assess] of the record p holds, without
// keeping an unpacked copy: a host can keep a million products packed and
// still check each. A Packed c did not make is an error wrapping
// [ErrSchema] and no completeness.
func (c *Compiled) AssessPacked(p Packed) ([]Completeness, error) {
	var out []Completeness
	var verr error
	if err := c.withPacked(p, func(r *Record) {
		var st slotState
		ps := c.appendProblemsState(nil, "", r, true, &st)
		out, verr = c.completenessOf(&st), invalid("validate record", ps)
	}); err != nil {
		return nil, err
	}
	return out, verr
}

// ValidatePacked is [Compiled.Validate] of the record p holds, without
// keeping an unpacked copy. A Packed c did not make is an error wrapping
// [ErrSchema].
func (c *Compiled) ValidatePacked(p Packed) error {
	var verr error
	if err := c.withPacked(p, func(r *Record) {
		verr = invalid("validate record", c.appendProblems(nil, "", r, true))
	}); err != nil {
		return err
	}
	return verr
}

// CompletenessPacked is [Compiled.Completeness] of the record p holds,
// without keeping an unpacked copy; nil for a Packed c did not make.
func (c *Compiled) CompletenessPacked(p Packed) []Completeness {
	var out []Completeness
	_ = c.withPacked(p, func(r *Record) {
		var st slotState
		c.newState(&st)
		c.scan(nil, "", r.Values, &st, false)
		out = c.completenessOf(&st)
	})
	return out
}

func errPacked() error { return ErrSchema }

// arena returns n elements of *a when sc is set (growing it), else a new
// slice of n.
func arena[T any](a *[]T, n int, pooled bool) []T {
	if !pooled {
		return make([]T, 0, n)
	}
	if cap(*a) < n {
		*a = make([]T, 0, n)
	}
	return (*a)[:0]
}

func (c *Compiled) unpack(p Packed, r *Record, sc *packScratch) error {
	if c == nil {
		return errPacked()
	}
	rd := packReader{s: p.b}
	if rd.byte() != packMagic || len(p.b) < 5 {
		return errPacked()
	}
	k := c.packHash
	if p.b[1] != byte(k) || p.b[2] != byte(k>>8) || p.b[3] != byte(k>>16) || p.b[4] != byte(k>>24) {
		return errPacked()
	}
	rd.i = 5
	flags := rd.uv()
	r.ID = rd.str()
	if flags&pkUUID != 0 {
		r.UUID = rd.str()
	}
	if flags&pkParent != 0 {
		r.Parent = rd.str()
	}
	if flags&pkFamily != 0 {
		r.Family = rd.str()
	}
	if flags&pkFamilyVariant != 0 {
		r.FamilyVariant = rd.str()
	}
	r.Status = Status(rd.byte())
	if flags&pkVersion != 0 {
		r.Version = rd.uv()
	}
	if flags&pkCategories != 0 {
		r.Categories = rd.strs()
	}
	if flags&pkGroups != 0 {
		r.Groups = rd.strs()
	}
	if flags&pkAssocs != 0 {
		n := rd.count(3)
		r.Associations = make([]Association, n)
		for i := range r.Associations {
			a := &r.Associations[i]
			a.Type = rd.str()
			a.Target = TargetKind(rd.byte())
			a.ID = rd.str()
			a.Quantity = int(rd.sv())
		}
	}
	if flags&pkCreated != 0 {
		r.Created = rd.time()
	}
	if flags&pkUpdated != 0 {
		r.Updated = rd.time()
	}
	if flags&pkRow != 0 {
		r.Row = int(rd.sv())
	}
	nv, nx, ns, np, na := rd.count(2), rd.count(1), rd.count(1), rd.count(3), rd.count(2)
	// Every value takes two bytes at least, one with an extra three, each
	// option code one more, each price three, each asset two: counts that
	// the bytes cannot hold are refused before anything is allocated.
	if rd.bad || nx > nv || 2*nv+nx+ns+3*np+2*na > len(rd.s)-rd.i {
		return errPacked()
	}
	pooled := sc != nil
	if sc == nil {
		sc = &packScratch{}
	}
	vals := arena(&sc.values, nv, pooled)
	extras := arena(&sc.extras, nx, pooled)
	strs := arena(&sc.strs, ns, pooled)
	prices := arena(&sc.prices, np, pooled)
	assets := arena(&sc.assets, na, pooled)
	nl, nc := int64(len(c.locales))+1, int64(len(c.channels))+1
	npos := int64(len(c.fields)) * nl * nc
	pos, fi, lc, cc := int64(0), int64(0), int64(0), int64(0) // pos = (fi*nl + lc)*nc + cc
	for range nv {
		tag := rd.byte()
		// Written in place: the scratch's slot may hold a previous
		// record's value, so every field is set.
		vals = vals[:len(vals)+1]
		fv := &vals[len(vals)-1]
		fv.Field, fv.Locale, fv.Channel, fv.Value = "", contract.Locale{}, "", Value{}
		if tag&tagExplicit != 0 {
			fv.Field = rd.str()
			if ls := rd.str(); ls != "" {
				l, err := contract.ParseLocale(ls)
				if err != nil {
					return errPacked()
				}
				fv.Locale = l
			}
			fv.Channel = rd.str()
		} else {
			d := rd.sv()
			if d < -npos || d > npos {
				return errPacked()
			}
			pos += d
			if pos < 0 || pos >= npos {
				return errPacked()
			}
			// A small step forward, as from one slot of a field to the
			// next, carries without dividing; anything else divides.
			if d >= 0 && d <= 2*nc {
				for cc += d; cc >= nc; cc -= nc {
					if lc++; lc == nl {
						lc = 0
						fi++
					}
				}
			} else {
				cc, lc, fi = pos%nc, pos/nc%nl, pos/nc/nl
			}
			fv.Field = c.fields[fi].Code
			if lc > 0 {
				fv.Locale = c.locales[lc-1]
			}
			if cc > 0 {
				fv.Channel = c.channels[cc-1].Code
			}
		}
		v := &fv.Value
		v.kind = valueKind(tag & 0x0f)
		flagged := tag&tagFlag != 0
		newExtra := func() *extra {
			if len(extras) == cap(extras) {
				rd.bad = true
				return &extra{}
			}
			extras = append(extras, extra{})
			return &extras[len(extras)-1]
		}
		switch v.kind {
		case kindEmpty:
		case kindText, kindOption:
			v.s = rd.str()
		case kindBool:
			v.b = flagged
		case kindDate:
			v.n = rd.sv()
		case kindNumber, kindMeasure:
			if flagged {
				d, ok := rd.bigNum()
				if !ok {
					return errPacked()
				}
				v.x, v.b = newExtra(), true
				v.x.big = d
			} else {
				v.n = rd.sv()
				e := rd.sv()
				if e < -1<<31 || e >= 1<<31 {
					return errPacked()
				}
				v.e = int32(e)
			}
			if v.kind == kindMeasure {
				v.s = rd.str()
			}
		case kindOptions:
			n := rd.count(1)
			if n == 0 || len(strs)+n > cap(strs) {
				return errPacked()
			}
			start := len(strs)
			for range n {
				strs = append(strs, rd.str())
			}
			v.x = newExtra()
			v.x.list = strs[start:len(strs):len(strs)]
		case kindAssets:
			n := rd.count(2)
			if n == 0 || len(assets)+n > cap(assets) {
				return errPacked()
			}
			start := len(assets)
			for range n {
				assets = append(assets, Asset{Ref: rd.str(), Size: rd.sv()})
			}
			v.x = newExtra()
			v.x.assets = assets[start:len(assets):len(assets)]
		case kindPrices:
			n := rd.count(3)
			if n == 0 || len(prices)+n > cap(prices) {
				return errPacked()
			}
			start := len(prices)
			for range n {
				p, ok := c.unpackPrice(&rd)
				if !ok {
					return errPacked()
				}
				prices = append(prices, p)
			}
			v.x = newExtra()
			v.x.prices = prices[start:len(prices):len(prices)]
		default:
			return errPacked()
		}
		if rd.bad {
			return errPacked()
		}
	}
	if rd.bad || rd.i != len(rd.s) {
		return errPacked()
	}
	if flags&pkValues != 0 {
		r.Values = vals
	}
	if pooled {
		sc.values, sc.extras, sc.strs, sc.prices, sc.assets = vals, extras, strs, prices, assets
	}
	return nil
}

func (c *Compiled) unpackPrice(rd *packReader) (Price, bool) {
	var u currency.Unit
	switch b := rd.byte(); {
	case b == 0:
	case b == 0xff:
		var err error
		if u, err = currency.ParseISO(rd.str()); err != nil {
			return Price{}, false
		}
	case int(b) <= len(c.currencies):
		u = c.currencies[b-1]
	default:
		return Price{}, false
	}
	var d decimal.Decimal
	switch rd.byte() {
	case 0:
		n, e := rd.sv(), rd.sv()
		if e < -1<<31 || e >= 1<<31 {
			return Price{}, false
		}
		d = decimal.New(n, int32(e))
	case 1:
		var ok bool
		if d, ok = rd.bigNum(); !ok {
			return Price{}, false
		}
	default:
		return Price{}, false
	}
	return contract.NewMoney(d, u), !rd.bad
}

// packWriter appends varints and length-prefixed texts.
type packWriter struct{ b []byte }

func (w *packWriter) uv(u uint64) {
	for u >= 0x80 {
		w.b = append(w.b, byte(u)|0x80)
		u >>= 7
	}
	w.b = append(w.b, byte(u))
}

func (w *packWriter) sv(n int64) { w.uv(uint64(n<<1) ^ uint64(n>>63)) }

func (w *packWriter) str(s string) {
	w.uv(uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *packWriter) strs(ss []string) {
	w.uv(uint64(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}

func (w *packWriter) bigNum(d decimal.Decimal) error {
	digits := d.Coefficient().Append(nil, 10)
	if n := len(digits); n > maxPackedDigits+1 || (n > maxPackedDigits && digits[0] != '-') {
		return errTooManyDigits
	}
	w.uv(uint64(len(digits)))
	w.b = append(w.b, digits...)
	w.sv(int64(d.Exponent()))
	return nil
}

// packReader reads what packWriter writes; a read past the end or a
// malformed varint sets bad and returns zero values.
type packReader struct {
	s   string
	i   int
	bad bool
}

func (r *packReader) byte() byte {
	if r.i >= len(r.s) {
		r.bad = true
		return 0
	}
	b := r.s[r.i]
	r.i++
	return b
}

func (r *packReader) uv() uint64 {
	var u uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if r.i >= len(r.s) {
			r.bad = true
			return 0
		}
		b := r.s[r.i]
		r.i++
		u |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return u
		}
	}
	r.bad = true
	return 0
}

func (r *packReader) sv() int64 {
	u := r.uv()
	return int64(u>>1) ^ -int64(u&1)
}

// count reads a length whose items take at least min bytes each, so that
// a damaged length cannot ask for more than the input can hold.
func (r *packReader) count(min int) int {
	u := r.uv()
	if r.bad || r.i > len(r.s) || u > uint64(len(r.s)-r.i)/uint64(min) {
		r.bad = true
		return 0
	}
	return int(u)
}

func (r *packReader) str() string {
	n := r.count(1)
	if r.bad {
		return ""
	}
	s := r.s[r.i : r.i+n]
	r.i += n
	return s
}

func (r *packReader) strs() []string {
	n := r.count(1)
	if r.bad {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *packReader) time() time.Time {
	sec := r.sv()
	ns := r.uv()
	if ns >= 1e9 {
		r.bad = true
		return time.Time{}
	}
	return time.Unix(sec, int64(ns)).UTC()
}

func (r *packReader) bigNum() (decimal.Decimal, bool) {
	s := r.str()
	e := r.sv()
	if r.bad || s == "" || len(s) > maxPackedDigits+1 || e < -1<<31 || e >= 1<<31 {
		return decimal.Decimal{}, false
	}
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return decimal.Decimal{}, false
	}
	return decimal.NewFromBigInt(n, int32(e)), true
}
