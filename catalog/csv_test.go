package catalog

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

func csvProducts() []Record {
	p := completeProduct()
	p.Version = 7
	p.Values = append(p.Values,
		fv("organic", Bool(false)),
		fv("release", Date(time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC))),
		fv("size", Option("m")),
		fv("tags", Options("new", "eco")),
		fv("manual", Assets(Asset{Ref: "doc/a.pdf", Size: 900}, Asset{Ref: "doc/b.pdf"})),
		fv("supplier", Text("SUP-1")),
		FieldValue{Field: "seo_title", Locale: enGB, Channel: "ecommerce", Value: Text("Shirt, \"blue\"\nnew line")},
		fv("mpn", Text("MPN-9")),
	)
	q := Record{ID: "SHIRT-2", Parent: "tshirt", Status: StatusArchived, Values: []FieldValue{
		fv("price", Prices(contract.NewMoney(dec("1234.5"), currency.DKK))),
		fv("rating", Number(dec("-0.5"))),
		fv("stock", Number(dec("123456789012345678901234567890"))),
	}}
	return []Record{p, q}
}

// csvRows are the source rows of csvProducts once exported: the header is
// line 1; SHIRT-1's seo_title holds a line break, so its row takes lines 2
// and 3 and SHIRT-2 starts on line 4, the line a spreadsheet or an editor
// shows and [RowError.Row] reports.
var csvRows = []int{2, 4}

// sortedLike orders r's values in the schema's export order so that an
// exported and re-imported record compares equal.
func sortedLike(c *Compiled, r Record) Record {
	l := c.columns()
	var out []FieldValue
	for _, s := range l.slots {
		f := c.fields[s.field]
		if v, ok := r.Get(f.Code, s.loc, s.ch); ok {
			out = append(out, FieldValue{f.Code, s.loc, s.ch, v})
		}
	}
	r.Values = out
	return r
}

func TestCSVRoundTrip(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	for _, opts := range []CSVOptions{{}, {Locale: daDK, Comma: ';'}, {Locale: contract.MustLocale("sv-SE")}, {Locale: contract.MustLocale("de-CH")}} {
		t.Run("round-trip exact "+opts.Locale.String(), func(t *testing.T) {
			var buf bytes.Buffer
			if err := c.ExportCSV(&buf, csvProducts(), opts); err != nil {
				t.Fatalf("ExportCSV: %v", err)
			}
			got, err := c.ImportCSV(&buf, opts)
			if err != nil {
				t.Fatalf("ImportCSV: %v", err)
			}
			var want []Record
			for i, r := range csvProducts() {
				r = sortedLike(c, r)
				r.Row = csvRows[i]
				want = append(want, r)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCSVDanishNumbers(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	in := "sku;price-DKK;rating;stock;weight;weight-unit\n" +
		"A;18,50;4,5;1.234;0,25;KILOGRAM\n" +
		"B;18.50;4,5;;;\n" +
		"C;1.234,50;;;;\n"
	got, err := c.ImportCSV(strings.NewReader(in), CSVOptions{Locale: daDK, Comma: ';'})
	var ie *ImportError
	if !errors.As(err, &ie) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("ImportCSV error = %v, want *ImportError", err)
	}
	if len(got) != 2 || got[0].ID != "A" || got[1].ID != "C" {
		t.Fatalf("ImportCSV good rows = %v, want A and C (bad rows do not stop good ones)", got)
	}
	checks := []struct {
		name string
		rec  int
		fld  string
		want string
	}{
		{"18,50 with Danish locale is 18.50, never 18.00 or 1850", 0, "price", "18.50 DKK"},
		{"CSV: Danish decimal comma", 0, "rating", "4.5"},
		{"thousands separator is not a decimal separator", 0, "stock", "1234"},
		{"CSV: measurement with Danish amount", 0, "weight", "0.25 KILOGRAM"},
		{"CSV: grouped price", 1, "price", "1234.50 DKK"},
	}
	for _, tt := range checks {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := got[tt.rec].Get(tt.fld, contract.Locale{}, "")
			if v.String() != tt.want {
				t.Errorf("record %d %s = %q, want %q", tt.rec, tt.fld, v.String(), tt.want)
			}
		})
	}
	want := []rowProbs{{Row: 3, Problems: []prob{{"price-DKK", RuleSyntax, "grouping"}}}}
	if diff := cmp.Diff(want, rowProblems(ie.Rows)); diff != "" {
		t.Errorf("bad rows (-want +got):\n%s", diff)
	}
}

func TestCSVBadRows(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	in := "sku,organic,release,stock,status\n" +
		"A,1,2026-02-28,5,active\n" +
		"B,yes,2026-02-30,x,live\n" +
		"C,0,,,\n" +
		"D,\"bad\"quote,,,\n" +
		"E,1\n" +
		"F,true,,,draft\n"
	got, err := c.ImportCSV(strings.NewReader(in), CSVOptions{})
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("ImportCSV error = %v, want *ImportError", err)
	}
	// One errors.As finds the shared problem type (the first bad row's).
	var ve *contract.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) || !ve.Has("status", RuleStatus) || ve.Problems[0].Message == "" {
		t.Errorf("errors.As(ImportError, *contract.ValidationError) = %v, want row 3's problems with messages", ve)
	}
	var ids []string
	for _, r := range got {
		ids = append(ids, r.ID)
	}
	if diff := cmp.Diff([]string{"A", "C", "F"}, ids); diff != "" {
		t.Errorf("good rows (-want +got):\n%s", diff)
	}
	want := []rowProbs{
		{Row: 3, Problems: []prob{{"status", RuleStatus, ""}, {"organic", RuleSyntax, "boolean"}, {"release", RuleSyntax, "date"}, {"stock", RuleSyntax, "character"}}},
		{Row: 5, Problems: []prob{{"row", RuleSyntax, "csv at byte 7"}}},
		{Row: 6, Problems: []prob{{"row", RuleSyntax, "columns 2/5"}}},
	}
	if diff := cmp.Diff(want, rowProblems(ie.Rows)); diff != "" {
		t.Errorf("bad rows (-want +got):\n%s", diff)
	}
}

func TestCSVHeader(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	tests := []struct {
		name, header string
		want         []prob
	}{
		{"CSV: unknown column", "sku,colour\n", []prob{{"header[1]", RuleUnknownField, "colour"}}},
		{"CSV: locale not configured", "sku,title-de_DE\n", []prob{{"header[1]", RuleUnknownField, "title_de_DE"}}},
		{"CSV: repeated column", "sku,brand,brand\n", []prob{{"header[2]", RuleDuplicate, "brand"}}},
		{"CSV: no id column", "brand\n", []prob{{"header", RuleRequired, "sku"}}},
		{"CSV: empty input", "", []prob{{"header", RuleRequired, "sku"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.ImportCSV(strings.NewReader(tt.header), CSVOptions{})
			if diff := cmp.Diff(tt.want, problemsOf(t, err)); diff != "" {
				t.Errorf("ImportCSV header (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCSVExportRefusesUnknown(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	r := Record{ID: "A", Values: []FieldValue{fv("colour", Text("red")), fv("price", Prices(contract.NewMoney(dec("1"), currency.USD))), fv("stock", Text("x"))}}
	err := c.ExportCSV(&bytes.Buffer{}, []Record{r}, CSVOptions{})
	want := []prob{
		{"records[0].values.colour", RuleUnknownField, ""},
		{"records[0].values.price", RuleCurrency, "USD"},
		{"records[0].values.stock", RuleType, "number"},
	}
	if diff := cmp.Diff(want, problemsOf(t, err)); diff != "" {
		t.Errorf("ExportCSV (-want +got):\n%s", diff)
	}
}

func TestCSVDecoderReuseRecord(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	var buf bytes.Buffer
	if err := c.ExportCSV(&buf, csvProducts(), CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	d, err := c.NewCSVDecoder(&buf, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d.ReuseRecord = true
	for i, want := range csvProducts() {
		got, err := d.Decode()
		if err != nil {
			t.Fatal(err)
		}
		want = sortedLike(c, want)
		want.Row = csvRows[i]
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Decode #%d with ReuseRecord (-want +got):\n%s", i, diff)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ISO 8601 date", "2026-01-31", "2026-01-31"},
		{"ISO 8601 dates: leap day in a leap year", "2024-02-29", "2024-02-29"},
		{"ISO 8601 dates: no leap day in 2026", "2026-02-29", ""},
		{"ISO 8601 dates: no leap day in 1900 (century rule)", "1900-02-29", ""},
		{"ISO 8601 dates: leap day in 2000 (400-year rule)", "2000-02-29", "2000-02-29"},
		{"ISO 8601 dates: month 13", "2026-13-01", ""},
		{"ISO 8601 dates: year 0", "0000-01-01", ""},
		{"ISO 8601 dates: slashes", "2026/01/31", ""},
		{"ISO 8601 dates: day-first", "31-01-2026", ""},
		{"ISO 8601 dates: short", "2026-1-31", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := parseDate(tt.in)
			if got := v.String(); got != tt.want || (err == nil) != (tt.want != "") {
				t.Errorf("parseDate(%q) = %q, %v, want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

// TestImportCSVRows: each imported record carries the line its row starts
// on, the number a RowError reports for a bad row: blank lines and bad
// rows are counted, not renumbered.
func TestImportCSVRows(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	in := "sku,stock\nA,1\n\nB,x\nC,3\n"
	got, err := c.ImportCSV(strings.NewReader(in), CSVOptions{})
	var ie *ImportError
	if !errors.As(err, &ie) || len(ie.Rows) != 1 || ie.Rows[0].Row != 4 {
		t.Fatalf("ImportCSV error = %v, want row 4 (B) bad", err)
	}
	var rows []int
	for _, r := range got {
		rows = append(rows, r.Row)
	}
	if diff := cmp.Diff([]int{2, 5}, rows); diff != "" {
		t.Errorf("ImportCSV rows (-want +got):\n%s", diff)
	}
}
