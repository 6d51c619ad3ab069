package catalog

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/internal/allocbound"
)

// decodeAllJSON decodes every record of in, at most 20, and returns what
// each call returned: a record or an error's text.
func decodeAllJSON(c *Compiled, in string, slow, into bool) []any {
	d := c.NewJSONDecoder(strings.NewReader(in))
	if slow {
		d.toSlow() // encoding/json's path from the start, as before
	}
	var out []any
	var r Record
	for range 20 {
		var err error
		if into {
			err = d.DecodeInto(&r)
		} else {
			r, err = d.Decode()
		}
		if err == io.EOF {
			return append(out, "EOF")
		}
		if err != nil {
			out = append(out, "error: "+err.Error())
			var je *JSONError
			if errors.As(err, &je) || errors.Is(err, ErrSyntax) {
				return out
			}
			continue
		}
		if into && len(r.Values) == 0 {
			r.Values = nil // DecodeInto keeps the storage
		}
		out = append(out, Record{ID: r.ID, UUID: r.UUID, Parent: r.Parent, Family: r.Family, FamilyVariant: r.FamilyVariant,
			Status: r.Status, Version: r.Version, Categories: slices.Clone(r.Categories), Groups: slices.Clone(r.Groups),
			Values: slices.Clone(r.Values), Associations: r.Associations, Created: r.Created, Updated: r.Updated, Row: r.Row})
	}
	return out
}

// jsonFastCases are records and near-records at the edges of what the
// direct parser reads.
func jsonFastCases(c *Compiled) []string {
	var buf bytes.Buffer
	for _, r := range csvProducts() {
		if err := c.EncodeJSON(&buf, r); err != nil {
			panic(err)
		}
	}
	all := buf.String()
	return []string{
		all, all + all, "", " ", "{}", "[]", "null", "1", `{"sku":"A"}x`, `{"sku":"A"}{"sku":"B"}`,
		`{"sku":"A","values":{"stock":[{"data":"99999999999999999999999.5"}]}}`,
		`{"sku":"A","values":{"stock":[{"data":"0000000000000000000000012"}]}}`,
		`{"sku":"A","values":{"stock":[{"data":12.50},{"data":"-0"},{"data":" 1"},{"data":"1e5"},{"data":1e5}]}}`,
		`{"sku":"A","values":{"stock":[{}]}}`, `{"sku":"A","values":{"stock":[null]}}`, `{"sku":"A","values":{"stock":[1]}}`,
		`{"sku":"A","values":{"title":[{"locale":"xx-","data":"a"},{"locale":5,"data":"a"},{"locale":"da-dk","data":"b"}]}}`,
		`{"sku":"A","values":{"title":[{"locale":"da-DK","channel":"web","data":"a\u00e6\n\"\\"},{"locale":"en-GB","data":"\ud83d\ude00"}]}}`,
		"{\"sku\":\"A\",\"values\":{\"title\":[{\"locale\":\"da-DK\",\"data\":\"\xff\"}]}}",
		`{"sku":"A","values":{"weight":[{"data":{"amount":"1.5","unit":"GRAM"}},{"data":{"amount":true}},{"data":{"Amount":"1"}},{"data":{"amount":"1","currency":"DKK"}},{"data":{}}]}}`,
		`{"sku":"A","values":{"price":[{"data":[{"amount":"1","currency":"DKK"},{"amount":"99999999999999999999.99","currency":"EUR"}]},{"data":[null]},{"data":[]},{"data":[{"amount":"1","currency":"XXY"}]}]}}`,
		`{"sku":"A","values":{"tags":[{"data":["new","eco"]},{"data":["a",null]},{"data":["a",5]},{"data":[]}]}}`,
		`{"sku":"A","values":{"manual":[{"data":[{"ref":"a","size":5},{"ref":"b"}]},{"data":[{"ref":"a","size":1.5}]},{"data":[null]},{"data":[{"ref":"a","x":1}]}]}}`,
		`{"sku":"A","values":{"organic":[{"data":true},{"data":"true"}],"release":[{"data":"2026-02-30"},{"data":"2026-02-28"}]}}`,
		`{"sku":"A","values":{"size":[{"data":"m"},{"data":""}],"stock":[{"data":"1"}]}}`,
		`{"sku":"A","values":{"stock":[{"data":"1"}],"size":[{"data":"m"}]}}`,
		`{"sku":"A","values":{"nope":[]}}`, `{"sku":"A","values":{"stock":[{"data":"1"}],"stock":[]}}`,
		`{"sku":"A","sku":"B"}`, `{"SKU":"A"}`, `{"id":"A"}`, `{"sku":null,"parent":null,"categories":null}`,
		`{"sku":"A","categories":[],"groups":["g"],"version":7,"row":3,"status":"archived"}`,
		`{"sku":"A","version":-1}`, `{"sku":"A","version":"7"}`, `{"sku":"A","row":-2}`, `{"sku":"A","status":"gone"}`,
		`{"sku":"A","created":"2026-01-31T09:30:00Z","updated":"2026-02-01T10:00:00.5+01:00"}`, `{"sku":"A","created":"yesterday"}`,
		`{"sku":"A","associations":[]}`, `{"sku":"A","associations":[{"type":"PACK","target":"product","id":"B","quantity":2}]}`,
		`{"sku":"A","values":{"stock":[{"data":"1"}]}`, `{"sku":"A","values":{"stock":[{"data":"1",}]}}`, `{"sku":"A" "x"}`,
		`{"sku":"A","values":{"title":[{"data":{"a":[1,2,{"b":null}]}}]}}`, `{"sku":"A","values":{"title":[{"data":[01]}]}}`,
		"{\"sku\":\"A\"}\n\n{\"sku\":\"B\",\"values\":{\"stock\":[{}]}}\n{\"sku\":\"C\"}\n",
	}
}

// TestJSONFastPathLikeEncodingJSON: the direct parser returns what the
// encoding/json path returns, record for record and error for error.
func TestJSONFastPathLikeEncodingJSON(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	poisonBuffers = true
	defer func() { poisonBuffers = false }()
	for _, in := range jsonFastCases(c) {
		want := decodeAllJSON(c, in, true, false)
		for _, into := range []bool{false, true} {
			if got := decodeAllJSON(c, in, false, into); !cmp.Equal(got, want) {
				t.Errorf("%.200q (into %v):\n%s", in, into, cmp.Diff(want, got))
			}
		}
	}
}

// FuzzJSONFastPath compares the direct parser with the encoding/json path
// on any input.
func FuzzJSONFastPath(f *testing.F) {
	c := mustCompile(testSchema(), testChannels()...)
	for _, in := range jsonFastCases(c) {
		f.Add(in)
	}
	poisonBuffers = true
	f.Cleanup(func() { poisonBuffers = false })
	f.Fuzz(func(t *testing.T, in string) {
		want := decodeAllJSON(c, in, true, false)
		if got := decodeAllJSON(c, in, false, false); !cmp.Equal(got, want) {
			t.Errorf("%q:\n%s", in, cmp.Diff(want, got))
		}
	})
}

// TestJSONDecodeColdBound: the bound holds for DecodeJSON and a new
// JSONDecoder with nothing kept from earlier calls (the parser and
// buffer pools emptied), on every hostile input.
func TestJSONDecodeColdBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	c := mustCompile(testSchema(), testChannels()...)
	for _, d := range jsonDecoders(c)[:2] {
		for _, in := range hostileJSON() {
			n := allocbound.Allocated(func() {
				runtime.GC() // twice: a sync.Pool survives one collection
				runtime.GC()
				_ = d.dec(in.data)
			})
			if n > decoderBound(len(in.data)) {
				t.Errorf("%s on %s, cold: %.1f bytes per input byte", d.name, in.name, float64(n)/float64(len(in.data)))
			}
		}
	}
}
