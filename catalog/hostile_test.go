package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
)

// noPanic runs f and fails t when it panics.
func noPanic(t *testing.T, name string, f func() error) error {
	t.Helper()
	var err error
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s panicked: %v", name, r)
			}
		}()
		err = f()
	}()
	return err
}

// TestNilReadersAndWriters checks that a nil io.Reader or io.Writer, and a
// decoder or encoder not made by its constructor, is an error wrapping
// ErrNil, never a panic (rule 4: no panics on any input).
func TestNilReadersAndWriters(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	fam := ProductGroup{Model: Record{ID: "m"}}
	calls := map[string]func() error{
		"DecodeJSON(nil)":            func() error { _, err := c.DecodeJSON(nil); return err },
		"NewJSONDecoder(nil).Decode": func() error { _, err := c.NewJSONDecoder(nil).Decode(); return err },
		"JSONDecoder{}.Decode":       func() error { _, err := (&JSONDecoder{}).Decode(); return err },
		"NewCSVDecoder(nil)":         func() error { _, err := c.NewCSVDecoder(nil, CSVOptions{}); return err },
		"CSVDecoder{}.Decode":        func() error { _, err := (&CSVDecoder{}).Decode(); return err },
		"ImportCSV(nil)":             func() error { _, err := c.ImportCSV(nil, CSVOptions{}); return err },
		"EncodeJSON(nil)":            func() error { return c.EncodeJSON(nil, completeProduct()) },
		"ExportCSV(nil)":             func() error { return c.ExportCSV(nil, []Record{completeProduct()}, CSVOptions{}) },
		"NewCSVEncoder(nil).Encode":  func() error { return c.NewCSVEncoder(nil, CSVOptions{}).Encode(completeProduct()) },
		"NewCSVEncoder(nil).Flush":   func() error { return c.NewCSVEncoder(nil, CSVOptions{}).Flush() },
		"CSVEncoder{}.Encode":        func() error { return (&CSVEncoder{}).Encode(Record{}) },
		"CSVEncoder{}.Flush":         func() error { return (&CSVEncoder{}).Flush() },
		"ProductJSONLD(nil)":         func() error { return c.ProductJSONLD(nil, completeProduct(), publishOpts()) },
		"ProductGroupJSONLD(nil)":    func() error { return c.ProductGroupJSONLD(nil, fam, publishOpts()) },
		"Feed.WriteTSV(nil)": func() error {
			_, err := mustFeed(c, feedOpts()).WriteTSV(nil, []Record{completeProduct()}, nil)
			return err
		},
		"Feed.WriteXML(nil)": func() error {
			_, err := mustFeed(c, feedOpts()).WriteXML(nil, []Record{completeProduct()}, nil)
			return err
		},
	}
	for name, f := range calls {
		if err := noPanic(t, name, f); !errors.Is(err, ErrNil) {
			t.Errorf("%s = %v, want an error wrapping ErrNil", name, err)
		}
	}
}

// TestErrorsOfZeroValues checks that the error types print without
// panicking when a field is nil.
func TestErrorsOfZeroValues(t *testing.T) {
	var got string
	noPanic(t, "CategoryError{}.Error", func() error { got = (&CategoryError{Code: "shoes"}).Error(); return nil })
	if got != "catalog: category: shoes" {
		t.Errorf("CategoryError{Code: shoes}.Error() = %q", got)
	}
	e := &ImportError{Rows: []*RowError{nil, {Row: 3, Problems: []contract.Problem{{Path: "price-DKK", Rule: RuleSyntax, Param: "grouping"}}}}}
	noPanic(t, "ImportError{nil row}.Error", func() error { got = e.Error(); return nil })
	if want := "catalog: csv: 2 bad rows; row ?; row 3: price-DKK: syntax(grouping)"; got != want {
		t.Errorf("ImportError.Error() = %q, want %q", got, want)
	}
	var re *RowError
	if !errors.As(e, &re) || re == nil || re.Row != 3 {
		t.Errorf("errors.As(ImportError with a nil row) = %v, want row 3", re)
	}
}

// TestPublishRefusesRates checks that a VAT rate outside [0, 1) in the
// publish options is refused before anything is written (momsloven § 33:
// a rate is a share of the price): -1 divided by zero, -0.5 doubled the
// price.
func TestPublishRefusesRates(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	fam := ProductGroup{Model: Record{ID: "m"}}
	for _, tt := range []struct {
		rate string
		want prob
	}{
		{"-1", prob{"vat_rate", "dgte", "0"}},
		{"-0.5", prob{"vat_rate", "dgte", "0"}},
		{"1", prob{"vat_rate", "dlt", "1"}},
	} {
		opts := publishOpts()
		opts.VATRate = cd(tt.rate)
		var buf bytes.Buffer
		calls := map[string]func() error{
			"ProductJSONLD":      func() error { return c.ProductJSONLD(&buf, completeProduct(), opts) },
			"ProductGroupJSONLD": func() error { return c.ProductGroupJSONLD(&buf, fam, opts) },
		}
		for name, f := range calls {
			err := noPanic(t, name, f)
			if diff := cmp.Diff([]prob{tt.want}, problemsOf(t, err)); diff != "" {
				t.Errorf("%s(rate %s) problems (-want +got):\n%s", name, tt.rate, diff)
			}
		}
		if buf.Len() != 0 {
			t.Errorf("rate %s: %d bytes written, want none", tt.rate, buf.Len())
		}
	}
}

// TestCSVByteOrderMarkBeforeQuote checks that a spreadsheet's byte order
// mark before a quoted first header cell is read as a BOM, not as a bare
// quote (RFC 4180 quoting of the first cell).
func TestCSVByteOrderMarkBeforeQuote(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	for _, in := range []string{"\ufeff\"sku\",\"brand\"\nA,Acme\n", "\ufeffsku,brand\nA,Acme\n", "\"sku\",brand\nA,Acme\n"} {
		rs, err := c.ImportCSV(strings.NewReader(in), CSVOptions{})
		if err != nil || len(rs) != 1 || rs[0].ID != "A" {
			t.Errorf("ImportCSV(%q) = %v, %v; want record A", in, rs, err)
		}
	}
}

// TestCompileRefusesNegativeFactor checks that a unit whose factor is
// negative is refused: gram is 0.001 kilogram, never -0.001.
func TestCompileRefusesNegativeFactor(t *testing.T) {
	fam := UnitFamily{Code: "weight", Standard: "KILOGRAM", Units: []Unit{{Code: "KILOGRAM"}, {Code: "GRAM", Factor: cd("-0.001")}}}
	_, err := Schema{Type: TypeProduct, Fields: []Field{{Code: "weight", Type: Measurement, Units: fam}}}.Compile()
	want := []prob{{"fields[0].units.units[1].factor", "dgte", "0"}}
	if diff := cmp.Diff(want, problemsOf(t, err)); diff != "" {
		t.Errorf("Compile(negative factor) problems (-want +got):\n%s", diff)
	}
}

// TestDecimalsReadBounded checks that every decimal catalog reads from
// JSON goes through the bounded parser: a megabyte of digits is refused
// at once (the limit is contract.MaxDecimalText, 100 characters), where
// an unbounded parser spent seconds and gigabytes on it.
func TestDecimalsReadBounded(t *testing.T) {
	huge := strings.Repeat("9", 1<<20)
	for _, tt := range []struct {
		name, json string
		into       any
	}{
		{"Unit.factor", `{"code":"G","factor":"` + huge + `"}`, new(Unit)},
		{"Unit.offset", `{"code":"G","offset":` + huge + `}`, new(Unit)},
		{"Field.min", `{"code":"x","type":"number","min":"` + huge + `"}`, new(Field)},
		{"Field.max", `{"code":"x","type":"number","max":` + huge + `}`, new(Field)},
		{"OrderLine.quantity", `{"sku":"A","quantity":"` + huge + `"}`, new(OrderLine)},
		{"OrderLine.vat_rate", `{"sku":"A","vat_rate":"0.` + huge + `"}`, new(OrderLine)},
		{"RateTotal.rate", `{"rate":"` + huge + `"}`, new(RateTotal)},
	} {
		var before, after allocCounter
		before.read()
		err := json.Unmarshal([]byte(tt.json), tt.into)
		after.read()
		if !errors.Is(err, contract.ErrInvalidInput) {
			t.Errorf("%s: 1 MiB of digits: err = %v, want contract.ErrInvalidInput", tt.name, err)
		}
		if n := after.bytes - before.bytes; n > 16*uint64(len(tt.json))+64<<10 {
			t.Errorf("%s: 1 MiB of digits allocated %d bytes", tt.name, n)
		}
	}
	var f Field
	if err := json.Unmarshal([]byte(`{"code":"x","type":"number","min":"0","max":0.5}`), &f); err != nil || f.Min == nil || !f.Min.IsZero() || f.Max.String() != "0.5" {
		t.Errorf("Field bounds 0 and 0.5: %v, %v, %v", f.Min, f.Max, err)
	}
}
