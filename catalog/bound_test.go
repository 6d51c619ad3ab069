package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/pimkit/pimkit/internal/allocbound"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/pimkit/pimkit/contract"
)

// allocCounter reads the bytes allocated so far by the whole program.
type allocCounter struct{ bytes uint64 }

func (a *allocCounter) read() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	a.bytes = m.TotalAlloc
}

// decoderBound is the most a decoder may allocate for n input bytes: 16
// bytes per input byte plus 64 KiB.
func decoderBound(n int) uint64 { return 16*uint64(n) + 64<<10 }

// mib is the size of the hostile inputs: a quarter of a MiB, enough to
// measure the cost per byte against the 64 KiB of the bound.
const mib = 1 << 18

// drainCSV decodes every row of d, as a host does: bad rows are skipped,
// any other error ends the input.
func drainCSV(d *CSVDecoder) error {
	for {
		_, err := d.Decode()
		var re *RowError
		if err != nil && !errors.As(err, &re) {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

// fill returns prefix, then unit repeated until the whole is about 1 MiB,
// then suffix.
func fill(prefix, unit, suffix string) []byte {
	n := max((mib-len(prefix)-len(suffix))/len(unit), 1)
	return []byte(prefix + strings.Repeat(unit, n) + suffix)
}

// junk is 1 MiB of bytes that are no format: every byte value in turn.
func junk() []byte {
	b := make([]byte, mib)
	for i := range b {
		b[i] = byte(i*7 + i/256)
	}
	return b
}

type hostileInput struct {
	name string
	data []byte
}

// hostileJSON are the inputs every JSON decoder of the package is
// measured on: junk, deep nesting, huge numbers and strings, and long
// runs of small elements, each of which costs a decoder most per byte.
func hostileJSON() []hostileInput {
	return []hostileInput{
		{"junk", junk()},
		{"nested arrays", fill("", "[", "")},
		{"nested objects", fill("", `{"a":`, "")},
		{"record nested in values", fill(`{"sku":"A","values":{"title":`, "[", "")},
		{"huge number", fill(`{"sku":"A","values":{"stock":[{"locale":null,"channel":null,"data":`, "9", `}]}}`)},
		{"huge number string", fill(`{"sku":"A","values":{"stock":[{"locale":null,"channel":null,"data":"`, "9", `"}]}}`)},
		{"huge string", fill(`{"sku":"`, "a", `"}`)},
		{"escapes", fill(`{"sku":"`, `\u00e6`, `"}`)},
		{"empty values", fill(`{"sku":"A","values":{"stock":[`, `{},`, `{}]}}`)},
		{"bad values", fill(`{"sku":"A","values":{"stock":[`, `{"data":1.5e9},`, `{}]}}`)},
		{"numbers", fill(`{"sku":"A","values":{"stock":[`, `{"data":"1"},`, `{}]}}`)},
		{"unknown fields", fill(`{"sku":"A","values":{`, `"x":[],`, `"y":[]}}`)},
		{"bad locales", fill(`{"sku":"A","values":{"title":[`, `{"locale":"x"},`, `{}]}}`)},
		{"categories", fill(`{"sku":"A","categories":[`, `"",`, `""]}`)},
		{"options", fill(`{"sku":"A","values":{"tags":[{"data":[`, `"",`, `""]}]}}`)},
		{"prices", fill(`{"sku":"A","values":{"price":[{"channel":"ecommerce","data":[`, `{"amount":"1","currency":"DKK"},`, `{}]}]}}`)},
		{"assets", fill(`{"sku":"A","values":{"images":[{"data":[`, `{"ref":""},`, `{}]}]}}`)},
		{"value options", fill(`{"kind":"options","data":[`, `"",`, `""]}`)},
		{"value prices", fill(`{"kind":"price","data":[`, `{"amount":"1","currency":"DKK"},`, `{}]}`)},
		{"value assets", fill(`{"kind":"assets","data":[`, `{},`, `{}]}`)},
		{"value huge number", fill(`{"kind":"number","data":"`, "9", `"}`)},
		{"record values", fill(`{"id":"A","values":[`, `{"field":"","value":null},`, `{}]}`)},
		{"record number values", fill(`{"id":"A","values":[`, `{"field":"","value":{"kind":"number","data":"1"}},`, `{}]}`)},
		{"record categories", fill(`{"id":"A","categories":[`, `"",`, `""]}`)},
		{"tree nodes", fill(`{"nodes":[`, `{"code":""},`, `{}]}`)},
		{"tree chain", treeChain()},
		{"schema fields", fill(`{"type":"product","fields":[`, `{},`, `{}]}`)},
		{"schema options", fill(`{"type":"product","fields":[{"code":"x","type":"simple_select","options":[`, `{},`, `{}]}]}`)},
		{"schema huge bound", fill(`{"type":"product","fields":[{"code":"x","type":"number","min":"`, "9", `"}]}`)},
		{"order lines", fill(`{"number":"1","lines":[`, `{},`, `{}]}`)},
		// Elements just long enough to pass the density check.
		{"schema padded fields", fill(`{"type":"product","fields":[`, `{"code":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},`, `{}]}`)},
		{"tree padded nodes", fill(`{"nodes":[`, `{"code":"aaaaaaaaaaaaaaaa"},`, `{}]}`)},
		{"order padded lines", fill(`{"number":"1","lines":[`, `{"sku":"aaaaaaaaaaaaaaaaaaaaaaaaa"},`, `{}]}`)},
		{"padded numbers", fill(`{"sku":"A","values":{"stock":[`, `{"data":"11111111111111111111111111111111111111111111111111"},`, `{}]}}`)},
		{"padded number slots", fill(`{"sku":"A","values":{"stock":[`, `{"locale":null,"channel":null,"data":"1"},`, `{}]}}`)},
		{"short categories", fill(`{"sku":"A","categories":[`, `"abcd",`, `""]}`)},
		{"padded prices", fill(`{"kind":"price","data":[`, `{"amount":"1","currency":"DKK","unit":"aaaaaaaa"},`, `{}]}`)},
		{"padded values", fill(`{"sku":"A","values":{"stock":[`, `{"data":"1","locale":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},`, `{}]}}`)},
	}
}

// treeChain is a category tree of about 1 MiB in which each node is the
// parent of the next, the deepest a tree can be.
func treeChain() []byte {
	var b strings.Builder
	b.WriteString(`{"nodes":[{"code":"c0"}`)
	for i := 1; b.Len() < mib; i++ {
		fmt.Fprintf(&b, `,{"code":"c%d","parent":"c%d"}`, i, i-1)
	}
	b.WriteString("]}")
	return []byte(b.String())
}

// hostileCSV are the inputs the CSV decoders are measured on.
func hostileCSV() []hostileInput {
	return []hostileInput{
		{"junk", junk()},
		{"header separators", fill("sku", ",", "\n")},
		{"header quotes", fill("sku,", `"",`, "\n")},
		{"row separators", fill("sku\n", ",", "\n")},
		{"blank lines", fill("sku\n", "\n", "")},
		{"short rows", fill("sku\n", "A\n", "")},
		{"bad rows", fill("sku,stock\n", "A,x\n", "")},
		{"huge cell", fill("sku,stock\nA,", "9", "\n")},
		{"huge quoted cell", fill("sku,description-da_DK\nA,\"", `""`, "\"\n")},
		{"options", fill("sku,tags\nA,", ",", "\n")},
		{"assets", fill("sku,images\nA,", ",", "\n")},
		{"categories", fill("sku,categories\nA,", ",", "\n")},
		{"bare quotes", fill("sku\n", "a\"\n", "")},
	}
}

// jsonDecoders are the package's JSON decoders, each reading one input.
func jsonDecoders(c *Compiled) []struct {
	name string
	dec  func([]byte) error
} {
	return []struct {
		name string
		dec  func([]byte) error
	}{
		{"Compiled.DecodeJSON", func(b []byte) error { _, err := c.DecodeJSON(bytes.NewReader(b)); return err }},
		{"JSONDecoder.Decode", func(b []byte) error {
			d := c.NewJSONDecoder(bytes.NewReader(b))
			for {
				if _, err := d.Decode(); err == io.EOF || errors.Is(err, ErrSyntax) {
					return err
				}
			}
		}},
		{"Value.UnmarshalJSON", func(b []byte) error { var v Value; return v.UnmarshalJSON(b) }},
		{"Record JSON", func(b []byte) error { var r Record; return json.Unmarshal(b, &r) }},
		{"Tree.UnmarshalJSON", func(b []byte) error { var t Tree; return t.UnmarshalJSON(b) }},
		{"Schema JSON", func(b []byte) error { var s Schema; return json.Unmarshal(b, &s) }},
		{"Order JSON", func(b []byte) error { var o Order; return json.Unmarshal(b, &o) }},
		{"ProductGroup JSON", func(b []byte) error { var f ProductGroup; return json.Unmarshal(b, &f) }},
		{"ChangeSet JSON", func(b []byte) error { var cs ChangeSet; return json.Unmarshal(b, &cs) }},
	}
}

// csvDecoders are the package's CSV decoders, each reading one input.
func csvDecoders(c *Compiled) []struct {
	name string
	dec  func([]byte) error
} {
	return []struct {
		name string
		dec  func([]byte) error
	}{
		{"CSVDecoder.Decode", func(b []byte) error {
			d, err := c.NewCSVDecoder(bytes.NewReader(b), CSVOptions{})
			if err != nil {
				return err
			}
			return drainCSV(d)
		}},
		{"CSVDecoder.Decode reusing", func(b []byte) error {
			d, err := c.NewCSVDecoder(bytes.NewReader(b), CSVOptions{})
			if err != nil {
				return err
			}
			d.ReuseRecord = true
			return drainCSV(d)
		}},
		{"Compiled.ImportCSV", func(b []byte) error { _, err := c.ImportCSV(bytes.NewReader(b), CSVOptions{}); return err }},
	}
}

// overBound lists the decoder and input pairs that still allocate more
// than the bound, with the most they may allocate per input byte. It is
// empty: JSON too dense in tiny elements is refused before decoding, CSV
// row errors and ImportCSV's rows have a budget. The list can only
// shrink: a listed pair that comes within the bound fails the test.
var overBound = map[string]float64{}

// TestDecoderBound checks that every decoder of the package allocates at
// most 16 bytes per input byte plus 64 KiB on every hostile input, except
// the pairs in overBound, which may not grow past their ceiling, and logs
// the worst case.
func TestDecoderBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	c := mustCompile(testSchema(), testChannels()...)
	worst, worstName := 0.0, ""
	check := func(dec string, in hostileInput, f func([]byte) error) {
		n := allocbound.Allocated(func() { _ = f(in.data) })
		per := float64(n) / float64(len(in.data))
		name := dec + " on " + in.name
		if per > worst {
			worst, worstName = per, name
		}
		ceiling, listed := overBound[name]
		switch {
		case listed && n <= decoderBound(len(in.data)):
			t.Errorf("%s: %.1f bytes per input byte is within the bound now; remove it from overBound", name, per)
		case listed && per > ceiling:
			t.Errorf("%s (%d bytes): allocated %d bytes, %.1f per input byte; its ceiling is %.0f", name, len(in.data), n, per, ceiling)
		case !listed && n > decoderBound(len(in.data)):
			t.Errorf("%s (%d bytes): allocated %d bytes, %.1f per input byte; the bound is 16 per byte plus 64 KiB", name, len(in.data), n, per)
		}
	}
	for _, d := range jsonDecoders(c) {
		for _, in := range hostileJSON() {
			check(d.name, in, d.dec)
		}
	}
	for _, d := range csvDecoders(c) {
		for _, in := range hostileCSV() {
			check(d.name, in, d.dec)
		}
	}
	t.Logf("worst case: %s, %.2f bytes per input byte", worstName, worst)
}

// TestRealDocumentsNotTooDense: documents of realistic density, large
// enough to be past the 64 KiB of the bound, are decoded, not refused.
func TestRealDocumentsNotTooDense(t *testing.T) {
	var fields, lines, cats []string
	for i := range 400 {
		fields = append(fields, fmt.Sprintf(`{"code":"attribute_%d","type":"text","localizable":true,"max_length":255}`, i))
		lines = append(lines, fmt.Sprintf(`{"sku":"SKU-%d","quantity":"2","unit_price":{"amount":"199.00","currency":"DKK"},"vat_rate":"0.25"}`, i))
		cats = append(cats, fmt.Sprintf(`"category_%d"`, i))
	}
	c, pool := benchPoolOf(2)
	for _, p := range pool {
		var buf bytes.Buffer
		if err := c.EncodeJSON(&buf, p); err != nil {
			continue // a product the benchmark does not decode
		}
		if _, err := c.DecodeJSON(&buf); errors.Is(err, ErrSyntax) {
			t.Errorf("product %s of the benchmark: %v", p.ID, err)
		}
	}
	var s Schema
	if err := json.Unmarshal([]byte(`{"type":"product","fields":[`+strings.Join(fields, ",")+`]}`), &s); errors.Is(err, ErrInvalid) || len(s.Fields) != 400 {
		t.Errorf("schema of 400 fields: %d fields, %v", len(s.Fields), err)
	}
	var o Order
	if err := json.Unmarshal([]byte(`{"number":"1","currency":"DKK","lines":[`+strings.Join(lines, ",")+`]}`), &o); err != nil || len(o.Lines) != 400 {
		t.Errorf("order of 400 lines: %d lines, %v", len(o.Lines), err)
	}
	var tr Tree
	if err := tr.UnmarshalJSON(treeChain()); err != nil {
		t.Errorf("tree chain: %v", err)
	}
	var r Record
	if err := json.Unmarshal([]byte(`{"id":"A","categories":[`+strings.Join(cats, ",")+`]}`), &r); err != nil || len(r.Categories) != 400 {
		t.Errorf("record of 400 categories: %v", err)
	}
}

// BenchmarkDecoderHostile runs each decoder on each hostile input and
// reports its allocation per input byte (B/op over the input's size).
func BenchmarkDecoderHostile(b *testing.B) {
	c := mustCompile(testSchema(), testChannels()...)
	run := func(name string, in hostileInput, f func([]byte) error) {
		b.Run(strings.ReplaceAll(name+"/"+in.name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.data)))
			var total uint64
			for b.Loop() {
				total += allocbound.Allocated(func() { _ = f(in.data) })
			}
			b.ReportMetric(float64(total)/float64(b.N)/float64(len(in.data)), "B/inbyte")
		})
	}
	for _, d := range jsonDecoders(c) {
		for _, in := range hostileJSON() {
			run(d.name, in, d.dec)
		}
	}
	for _, d := range csvDecoders(c) {
		for _, in := range hostileCSV() {
			run(d.name, in, d.dec)
		}
	}
}

// TestTooDenseRefused: dense input is refused with rule too_dense, and
// the stream ends (the error wraps ErrSyntax as well as ErrInvalid).
func TestTooDenseRefused(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	in := fill(`{"sku":"A","values":{"stock":[`, `{},`, `{}]}}`)
	_, err := c.DecodeJSON(bytes.NewReader(in))
	var ve *contract.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Rule != RuleTooDense || !errors.Is(err, ErrSyntax) || !errors.Is(err, ErrInvalid) {
		t.Errorf("DecodeJSON of a dense record: %v", err)
	}
	var s Schema
	if err := json.Unmarshal(fill(`{"type":"product","fields":[`, `{},`, `{}]}`), &s); !errors.As(err, &ve) || ve.Problems[0].Rule != RuleTooDense {
		t.Errorf("dense schema: %v", err)
	}
	if _, err := c.ImportCSV(bytes.NewReader(fill("sku\n", "A\n", "")), CSVOptions{}); !errors.Is(err, ErrSyntax) {
		t.Errorf("ImportCSV of 2-byte rows: %v", err)
	}
}
