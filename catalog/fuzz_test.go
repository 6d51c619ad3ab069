package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func FuzzCheckGTIN(f *testing.F) {
	for _, s := range []string{"4006381333931", "4006381333932", "96385074", "036000291452", "00012345600012", "", "x", "12345678901234567"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := CheckGTIN(s)
		g, err14 := GTIN14(s)
		if (err == nil) != (err14 == nil) {
			t.Fatalf("CheckGTIN(%q) = %v but GTIN14 error = %v", s, err, err14)
		}
		if err != nil {
			if !errors.Is(err, ErrSyntax) {
				t.Fatalf("CheckGTIN(%q) = %v, want ErrSyntax", s, err)
			}
			return
		}
		// GS1: zero padding keeps the check digit valid and is idempotent.
		if len(g) != 14 || CheckGTIN(g) != nil || !strings.HasSuffix(g, s) {
			t.Fatalf("GTIN14(%q) = %q, want a valid 14-digit padding", s, g)
		}
		if g2, _ := GTIN14(g); g2 != g {
			t.Fatalf("GTIN14 not idempotent: %q -> %q", g, g2)
		}
	})
}

func FuzzISBN(f *testing.F) {
	for _, s := range []string{"978-0-306-40615-7", "0-306-40615-2", "080442957X", "979-10-90636-07-1", "0-306-40615-3", "", "X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckISBN(s) != nil {
			if _, err := ISBN13(s); err == nil {
				t.Fatalf("ISBN13(%q) succeeded for an invalid ISBN", s)
			}
			return
		}
		i13, err := ISBN13(s)
		if err != nil || CheckISBN(i13) != nil || len(i13) != 13 {
			t.Fatalf("ISBN13(%q) = %q, %v", s, i13, err)
		}
		i10, err := ISBN10(s)
		if err != nil {
			if !strings.HasPrefix(i13, "979") {
				t.Fatalf("ISBN10(%q) = %v for a 978 ISBN", s, err)
			}
			return
		}
		// ISO 2108: the two forms convert into each other.
		if back, err := ISBN13(i10); back != i13 || err != nil {
			t.Fatalf("ISBN13(ISBN10(%q)) = %q, %v, want %q", s, back, err, i13)
		}
	})
}

func FuzzNumberParse(f *testing.F) {
	for _, s := range []string{"18,50", "1.234,5", "18.50", "-0,5", "1 234,5", "1\u00a0234", "1'234.5", "", ",", "1e5", "99999999999999999999,99"} {
		for _, loc := range []string{"da-DK", "en-US", "sv-SE", "de-CH", "und"} {
			f.Add(s, loc)
		}
	}
	formats := map[string]NumberFormat{}
	f.Fuzz(func(t *testing.T, s, loc string) {
		nf, ok := formats[loc]
		if !ok {
			tag, err := language.Parse(loc)
			if err != nil {
				tag = language.Und
			}
			nf = NumberFormatFor(tag)
			if len(formats) < 64 {
				formats[loc] = nf
			}
		}
		d, err := nf.Parse(s)
		if err != nil {
			if !errors.Is(err, ErrSyntax) {
				t.Fatalf("Parse(%q) error %v does not wrap ErrSyntax", s, err)
			}
			return
		}
		// Round trip: Parse(Format(d)) == d, scale included.
		back, err := nf.Parse(nf.Format(d))
		if err != nil || !back.Equal(d) || back.Exponent() != d.Exponent() {
			t.Fatalf("Parse(Format(%v)) = %v, %v (format %q)", d, back, err, nf.Format(d))
		}
	})
}

func FuzzImportCSV(f *testing.F) {
	c := mustCompile(testSchema(), testChannels()...)
	var buf bytes.Buffer
	if err := c.ExportCSV(&buf, csvProducts(), CSVOptions{Locale: daDK}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.String(), true)
	f.Add("sku,price-DKK,stock\nA,\"1.234,5\",3\nB,x,\n", true)
	f.Add("sku,organic,release\nA,1,2026-02-30\n\"", false)
	f.Add("", false)
	f.Fuzz(func(t *testing.T, in string, danish bool) {
		opts := CSVOptions{}
		if danish {
			opts.Locale = daDK
		}
		recs, err := c.ImportCSV(strings.NewReader(in), opts)
		var ie *ImportError
		if err != nil && !errors.As(err, &ie) {
			if len(recs) != 0 {
				t.Fatalf("ImportCSV returned records with a fatal error %v", err)
			}
			return
		}
		// Whatever was imported exports and re-imports to the same records.
		var out bytes.Buffer
		if err := c.ExportCSV(&out, recs, opts); err != nil {
			return // imported values may be of a shape export refuses; never a panic
		}
		again, err := c.ImportCSV(&out, opts)
		if err != nil || len(again) != len(recs) {
			t.Fatalf("re-import of exported records: %d records, %v; want %d", len(again), err, len(recs))
		}
		for i := range recs {
			if !Diff(recs[i], again[i]).IsEmpty() {
				t.Fatalf("record %d changed in round trip: %v", i, Diff(recs[i], again[i]).Changes)
			}
		}
	})
}

func FuzzDecodeJSON(f *testing.F) {
	c := mustCompile(testSchema(), testChannels()...)
	var buf bytes.Buffer
	for _, r := range csvProducts() {
		if err := c.EncodeJSON(&buf, r); err != nil {
			f.Fatal(err)
		}
	}
	f.Add(buf.String())
	f.Add(`{"sku":"A","values":{"stock":[{"locale":null,"channel":null,"data":"1e5"}]}}`)
	f.Add(`{"sku":`)
	f.Add(`[]`)
	f.Add(`{"sku":"A","uuid":"u","family":"clothing","family_variant":"v","groups":["g"],"associations":[{"type":"PACK","target":"product","id":"B","quantity":2}],"created":"2026-01-31T09:30:00Z","updated":"2026-02-01T10:00:00.5+01:00","row":3}`)
	f.Fuzz(func(t *testing.T, in string) {
		d := c.NewJSONDecoder(strings.NewReader(in))
		for i := 0; i < 10; i++ {
			r, err := d.Decode()
			if err == io.EOF {
				return
			}
			var je *JSONError
			if errors.As(err, &je) {
				return
			}
			if err != nil {
				if !errors.Is(err, ErrInvalid) {
					t.Fatalf("Decode error %v wraps neither ErrSyntax nor ErrInvalid", err)
				}
				continue
			}
			_ = c.Validate(r)
			var out bytes.Buffer
			if err := c.EncodeJSON(&out, r); err != nil {
				continue
			}
			back, err := c.DecodeJSON(&out)
			if err != nil {
				t.Fatalf("DecodeJSON(EncodeJSON(r)) = %v\n%s", err, out.String())
			}
			var again bytes.Buffer
			if err := c.EncodeJSON(&again, back); err != nil {
				t.Fatalf("EncodeJSON(decoded) = %v", err)
			}
			var out2 bytes.Buffer
			_ = c.EncodeJSON(&out2, r)
			if again.String() != out2.String() {
				t.Fatalf("JSON not stable:\n%s\n%s", out2.String(), again.String())
			}
		}
	})
}

// FuzzValueJSON reads arbitrary bytes as a stored Value: it never panics,
// and whatever it accepts writes back and reads again equal.
func FuzzValueJSON(f *testing.F) {
	for _, v := range everyValue() {
		b, _ := json.Marshal(v)
		f.Add(b)
	}
	f.Add([]byte(`{"kind":"number","data":"99999999999999999999999.5"}`))
	f.Add([]byte(`{"kind":"price","data":[{"amount":"1e5","currency":"DKK"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var v Value
		if err := json.Unmarshal(b, &v); err != nil {
			return
		}
		out, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("Marshal(%v) = %v", v, err)
		}
		var back Value
		if err := json.Unmarshal(out, &back); err != nil || !back.Equal(v) {
			t.Fatalf("%s -> %s reads back as %v, %v", b, out, back, err)
		}
	})
}
