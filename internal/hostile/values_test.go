package hostile

import (
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// gen makes one argument value afresh for every call, so that a call that
// changes its argument cannot change the next call's.
type gen struct {
	label string
	make  func() reflect.Value
}

const (
	mb       = 1 << 20
	bigSlice = 100_000 // elements in the long slices of cheap element types
	maxDepth = 3       // struct and container nesting built before values become zero
)

var (
	junkText   = strings.Repeat("x", mb)
	digitText  = strings.Repeat("9", mb)
	badUTF8    = "\xff\xfe\xfd"
	errHostile = errors.New("hostile: injected failure")
)

// The stock readers and writers.
type (
	// junkReader yields 1 MB of bytes of every value, then io.EOF.
	junkReader struct{ off int }
	// errReader fails at once.
	errReader struct{}
	// errWriter fails at once.
	errWriter struct{}
	// shortWriter takes 512 bytes, then fails.
	shortWriter struct{ n int }
)

func (r *junkReader) Read(p []byte) (int, error) {
	if r.off >= mb {
		return 0, io.EOF
	}
	n := min(len(p), mb-r.off)
	for i := range n {
		p[i] = byte((r.off + i) * 131)
	}
	r.off += n
	return n, nil
}

func (errReader) Read([]byte) (int, error)  { return 0, errHostile }
func (errWriter) Write([]byte) (int, error) { return 0, errHostile }

func (w *shortWriter) Write(p []byte) (int, error) {
	if w.n+len(p) > 512 {
		n := 512 - w.n
		w.n = 512
		return n, errHostile
	}
	w.n += len(p)
	return len(p), nil
}

// stock are the implementations offered for an interface parameter, each
// where it satisfies the interface.
var stock = []struct {
	label string
	make  func() any
}{
	{"junk1MB", func() any { return &junkReader{} }},
	{"errReader", func() any { return errReader{} }},
	{"errWriter", func() any { return errWriter{} }},
	{"shortWriter", func() any { return &shortWriter{} }},
	{"error", func() any { return errHostile }},
}

var (
	typDecimal  = reflect.TypeFor[decimal.Decimal]()
	typTime     = reflect.TypeFor[time.Time]()
	typUnit     = reflect.TypeFor[currency.Unit]()
	typTag      = reflect.TypeFor[language.Tag]()
	typBytes    = reflect.TypeFor[[]byte]()
	typEmptyAny = reflect.TypeFor[any]()
)

func fixed(label string, v any) gen {
	rv := reflect.ValueOf(v)
	return gen{label, func() reflect.Value { return rv }}
}

func zeroGen(t reflect.Type) gen {
	z := reflect.Zero(t)
	return gen{zeroLabel(t), func() reflect.Value { return z }}
}

func zeroLabel(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface, reflect.Func, reflect.Chan:
		return "nil"
	case reflect.String:
		return `""`
	case reflect.Bool:
		return "false"
	case reflect.Struct, reflect.Array:
		return t.String() + "{}"
	}
	return "0"
}

// special are the values of types from outside the library that pimkit's
// API uses, the zero value first.
var special = map[reflect.Type][]gen{
	typDecimal: {
		fixed("0", decimal.Decimal{}),
		fixed("-1", decimal.NewFromInt(-1)),
		fixed("1e-1000000", decimal.New(1, -1_000_000)),
		fixed("-1e1000000", decimal.New(-1, 1_000_000)),
		fixed("1e1000000", decimal.New(1, 1_000_000)),
	},
	typTime: {
		fixed("time{}", time.Time{}),
		fixed("0000-01-01", time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)),
		fixed("year-292277022399", time.Unix(math.MinInt64/2, 0).UTC()),
		fixed("9999-12-31T23:59:59.999999999", time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.UTC)),
		fixed("10000-01-01", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)),
		fixed("year292277026596", time.Unix(math.MaxInt64/2, 0).UTC()),
	},
	typUnit: {
		fixed("currency{}", currency.Unit{}),
		fixed("DKK", currency.DKK),
	},
	typTag: {
		fixed("language{}", language.Tag{}),
		fixed("da", language.Danish),
	},
	typBytes: {
		zeroGen(typBytes),
		bytesGen("[]byte(badUTF8)", badUTF8),
		bytesGen("[]byte(junk1MB)", junkText),
		bytesGen("[]byte(digits1MB)", digitText),
		bytesGen(`[]byte("digits1MB")`, `"`+digitText+`"`),
		bytesGen("[]byte([×100000)", strings.Repeat("[", 100_000)),
	},
	typEmptyAny: {
		zeroGen(typEmptyAny),
		fixed("any(-1)", -1),
		fixed("any(badUTF8)", badUTF8),
		fixed("any(NaN)", math.NaN()),
		{"any(chan)", func() reflect.Value { return reflect.ValueOf(make(chan int)) }},
	},
}

func bytesGen(label, s string) gen {
	return gen{label, func() reflect.Value { return reflect.ValueOf([]byte(s)) }}
}

// valuesOf returns the values offered for a parameter of type t: the zero
// value first, then the extreme ones. Struct types get two built values
// besides the zero one when they have exported fields: every field at its
// first extreme ("T{-}") and every field at its last ("T{max}").
func valuesOf(t reflect.Type) []gen { return values(t, 0) }

type memoKey struct {
	t     reflect.Type
	depth int
}

var memo = map[memoKey][]gen{}

func values(t reflect.Type, depth int) []gen {
	k := memoKey{t, depth}
	if g, ok := memo[k]; ok {
		return g
	}
	memo[k] = []gen{zeroGen(t)} // a recursive type meets its zero value
	g := build(t, depth)
	memo[k] = g
	return g
}

func build(t reflect.Type, depth int) []gen {
	if s, ok := special[t]; ok {
		return s
	}
	z := zeroGen(t)
	conv := func(label string, v any) gen {
		rv := reflect.ValueOf(v).Convert(t)
		return gen{label, func() reflect.Value { return rv }}
	}
	switch t.Kind() {
	case reflect.Bool:
		return []gen{z, conv("true", true)}
	case reflect.Int, reflect.Int64:
		if t == reflect.TypeFor[time.Duration]() {
			return []gen{z, conv("-1ns", int64(-1)), conv("MinDuration", int64(math.MinInt64)), conv("MaxDuration", int64(math.MaxInt64))}
		}
		return []gen{z, conv("-1", int64(-1)), conv("1", int64(1)), conv("MinInt64", int64(math.MinInt64)), conv("MaxInt64", int64(math.MaxInt64))}
	case reflect.Int32:
		return []gen{z, conv("-1", int32(-1)), conv("1", int32(1)), conv("MinInt32", int32(math.MinInt32)), conv("MaxInt32", int32(math.MaxInt32))}
	case reflect.Int16:
		return []gen{z, conv("-1", int16(-1)), conv("1", int16(1)), conv("MinInt16", int16(math.MinInt16)), conv("MaxInt16", int16(math.MaxInt16))}
	case reflect.Int8:
		return []gen{z, conv("-1", int8(-1)), conv("1", int8(1)), conv("MinInt8", int8(math.MinInt8)), conv("MaxInt8", int8(math.MaxInt8))}
	case reflect.Uint, reflect.Uint64, reflect.Uintptr:
		return []gen{z, conv("1", uint64(1)), conv("MaxUint64", uint64(math.MaxUint64))}
	case reflect.Uint32:
		return []gen{z, conv("1", uint32(1)), conv("MaxUint32", uint32(math.MaxUint32))}
	case reflect.Uint16:
		return []gen{z, conv("1", uint16(1)), conv("MaxUint16", uint16(math.MaxUint16))}
	case reflect.Uint8:
		return []gen{z, conv("1", uint8(1)), conv("MaxUint8", uint8(math.MaxUint8))}
	case reflect.Float32, reflect.Float64:
		return []gen{z, conv("-1.0", -1.0), conv("NaN", math.NaN()), conv("-Inf", math.Inf(-1)), conv("+Inf", math.Inf(1))}
	case reflect.String:
		return []gen{z, conv("badUTF8", badUTF8), conv("junk1MB", junkText), conv("digits1MB", digitText)}
	case reflect.Interface:
		g := []gen{z}
		for _, s := range stock {
			if reflect.TypeOf(s.make()).Implements(t) {
				g = append(g, gen{s.label, func() reflect.Value {
					v := reflect.New(t).Elem()
					v.Set(reflect.ValueOf(s.make()))
					return v
				}})
			}
		}
		return g
	}
	if depth >= maxDepth {
		return []gen{z}
	}
	switch t.Kind() {
	case reflect.Pointer:
		g := []gen{z, {"&" + zeroLabel(t.Elem()), func() reflect.Value { return reflect.New(t.Elem()) }}}
		for _, e := range values(t.Elem(), depth+1)[1:] {
			if t.Elem().Kind() != reflect.Struct && len(g) > 2 {
				break // one extreme pointee is enough for a scalar
			}
			g = append(g, gen{"&" + e.label, func() reflect.Value {
				p := reflect.New(t.Elem())
				p.Elem().Set(e.make())
				return p
			}})
		}
		return g
	case reflect.Slice:
		ev := values(t.Elem(), depth+1)
		g := []gen{z}
		if len(ev) < 2 {
			return append(g, gen{"[1×" + ev[0].label + "]", func() reflect.Value { return sliceOf(t, ev[0], 1) }})
		}
		e := ev[1]
		g = append(g, gen{"[1×" + e.label + "]", func() reflect.Value { return sliceOf(t, e, 1) }})
		if last := ev[len(ev)-1]; t.Elem().Kind() == reflect.Struct && last.label != e.label {
			g = append(g, gen{"[1×" + last.label + "]", func() reflect.Value { return sliceOf(t, last, 1) }})
		}
		if cheap(t.Elem()) {
			g = append(g, gen{fmt.Sprintf("[%d×%s]", bigSlice, e.label), func() reflect.Value { return sliceOf(t, e, bigSlice) }})
		}
		return g
	case reflect.Map:
		kz := zeroGen(t.Key())
		ev := values(t.Elem(), depth+1)
		e := ev[len(ev)-1]
		return []gen{z, {"map{" + kz.label + ": " + e.label + "}", func() reflect.Value {
			m := reflect.MakeMap(t)
			m.SetMapIndex(kz.make(), e.make())
			return m
		}}}
	case reflect.Struct:
		return structValues(t, depth)
	}
	return []gen{z}
}

// cheap reports whether a slice of 100,000 elements of t costs little.
func cheap(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.String:
		return true
	}
	return t == typDecimal || t == typTime
}

func sliceOf(t reflect.Type, e gen, n int) reflect.Value {
	s := reflect.MakeSlice(t, n, n)
	for i := range n {
		s.Index(i).Set(e.make())
	}
	return s
}

func structValues(t reflect.Type, depth int) []gen {
	z := zeroGen(t)
	type field struct {
		i  int
		vs []gen
	}
	var fields []field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if vs := values(f.Type, depth+1); len(vs) > 1 {
			fields = append(fields, field{i, vs})
		}
	}
	if len(fields) == 0 {
		return []gen{z}
	}
	built := func(label string, pick func([]gen) gen) gen {
		return gen{t.String() + label, func() reflect.Value {
			v := reflect.New(t).Elem()
			for _, f := range fields {
				v.Field(f.i).Set(pick(f.vs).make())
			}
			return v
		}}
	}
	return []gen{z,
		built("{-}", func(vs []gen) gen { return vs[1] }),
		built("{max}", func(vs []gen) gen { return vs[len(vs)-1] }),
	}
}
