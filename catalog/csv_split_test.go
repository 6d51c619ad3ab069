package catalog

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
)

// splitEvents is what a CSV reader yields for in: each record's start
// line and fields, or a malformed record's start line and byte, until the
// end of the input.
func splitEvents(in string, comma rune, ours bool, chunk int) []string {
	var out []string
	var r io.Reader = strings.NewReader(in)
	if chunk > 0 {
		r = iotest.OneByteReader(r)
	}
	if ours {
		s := newCSVSplitter(r, comma, 1<<30)
		for range 10_000 {
			err := s.next()
			if err == io.EOF {
				return out
			}
			var se *splitError
			if errors.As(err, &se) {
				out = append(out, fmt.Sprintf("error line %d byte %d", se.startLine, se.col))
				continue
			}
			if err != nil {
				return append(out, "fail "+err.Error())
			}
			fields := make([]string, s.numFields())
			for i := range fields {
				fields[i] = s.field(i)
			}
			out = append(out, fmt.Sprintf("line %d %q", s.recLine, fields))
		}
		return out
	}
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	for range 10_000 {
		rec, err := cr.Read()
		if err == io.EOF {
			return out
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			out = append(out, fmt.Sprintf("error line %d byte %d", pe.StartLine, pe.Column))
			continue
		}
		if err != nil {
			return append(out, "fail "+err.Error())
		}
		line, _ := cr.FieldPos(0)
		out = append(out, fmt.Sprintf("line %d %q", line, rec))
	}
	return out
}

// csvSplitCases are inputs at the edges of RFC 4180 and of encoding/csv's
// reading of it.
var csvSplitCases = []string{
	"", "\n", "\r\n", "\r", "a", "a\n", "a\r\n", "a\r", "a,b\nc,d", "a,b\r\nc,d\r\n",
	"\n\na,b\n\n\nc\n", ",\n,,\n", "a,\"b\"\n", "\"a,b\",c\n", "\"a\"\"b\"\n",
	"\"a\nb\",c\nd\n", "\"a\r\nb\"\n", "\"a\r\n\r\nb\"\n", "a\rb,c\n", "\"a\rb\"\n",
	"a\"b\nc\n", "\"a\"b\nc\n", "\"abc", "\"abc\n", "\"abc\r", "\"abc\r\n", "\"abc\n\r",
	"x,\"abc\n\n", "\"\"\n", "\"\",\"\"\n", "a,\"\"\n", "\"a\",\n", "\"a\" ,b\n",
	" \"a\",b\n", "a,b\"\n", "\"a\nb\nc\"d\ne\n", "\ufeffa,b\n", "a,\"b\nc\"\"\",d\r\ne\n",
	"\"\n", "\"\"\"\n", "\"\"\"\"\n", "a;b,c\n", "\"a\";\"b\"\n", "a\tb\n",
}

// TestCSVSplitterLikeEncodingCSV: the splitter yields the records, lines
// and error positions encoding/csv does, read whole or a byte at a time.
func TestCSVSplitterLikeEncodingCSV(t *testing.T) {
	for _, in := range csvSplitCases {
		for _, comma := range []rune{',', ';', '\t', '€'} {
			for _, chunk := range []int{0, 1} {
				want := splitEvents(in, comma, false, chunk)
				got := splitEvents(in, comma, true, chunk)
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("%q comma %q chunk %d:\n got %q\nwant %q", in, comma, chunk, got, want)
				}
			}
		}
	}
}

// TestCSVSplitterFieldLimit: a record of more fields than allowed ends
// the input with an error wrapping ErrSyntax; the records before it are
// read.
func TestCSVSplitterFieldLimit(t *testing.T) {
	for _, in := range []string{"a,b\n" + strings.Repeat(",", 10) + "\nc\n", "a,b\n\"x\"" + strings.Repeat(",\"\"", 10) + "\nc\n"} {
		s := newCSVSplitter(strings.NewReader(in), ',', 5)
		if err := s.next(); err != nil || s.numFields() != 2 {
			t.Fatalf("%q: first record: %v", in, err)
		}
		if err := s.next(); !errors.Is(err, ErrSyntax) {
			t.Errorf("%q: second record: %v, want ErrSyntax", in, err)
		}
		if err := s.next(); !errors.Is(err, ErrSyntax) {
			t.Errorf("%q: after the limit: %v, want the same error", in, err)
		}
	}
}

// FuzzCSVSplit compares the splitter with encoding/csv on any input.
func FuzzCSVSplit(f *testing.F) {
	for _, in := range csvSplitCases {
		f.Add(in, uint8(0))
	}
	f.Fuzz(func(t *testing.T, in string, sep uint8) {
		comma := []rune{',', ';', '\t', '|'}[sep%4]
		want := splitEvents(in, comma, false, 0)
		got := splitEvents(in, comma, true, int(sep>>2)%2)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%q comma %q:\n got %q\nwant %q", in, comma, got, want)
		}
	})
}

// TestParseDateLikeContract: the CSV and JSON decoders' date reading
// accepts exactly the dates contract.ParseDate accepts (ISO 8601
// calendar dates of years 1 to 9999), to the same day.
func TestParseDateLikeContract(t *testing.T) {
	var ins []string
	for _, y := range []int{0, 1, 4, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 9999} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				ins = append(ins, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	ins = append(ins, "", "2026-1-31", "2026-01-3a", "+026-01-31", "2026/01/31", "2026-01-31 ", " 2026-01-31", "20260131", "2026-01-311")
	for _, in := range ins {
		v, err := parseDate(in)
		want, werr := contract.ParseDate(in)
		if (err == nil) != (werr == nil) {
			t.Errorf("parseDate(%q) error %v; contract.ParseDate %v", in, err, werr)
			continue
		}
		if err == nil {
			if got, _ := v.Date(); got.Format("2006-01-02") != want.String() {
				t.Errorf("parseDate(%q) = %v, want %v", in, got, want)
			}
		}
	}
}

// TestCSVDecodeInto: DecodeInto reads the records Decode reads, into one
// reused Record, and the text of an earlier record stays valid; once the
// storage has grown, a row allocates only its text and a few lists.
func TestCSVDecodeInto(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	var buf bytes.Buffer
	if err := c.ExportCSV(&buf, csvProducts(), CSVOptions{Locale: daDK}); err != nil {
		t.Fatal(err)
	}
	data := buf.String()
	d, err := c.NewCSVDecoder(strings.NewReader(data), CSVOptions{Locale: daDK})
	if err != nil {
		t.Fatal(err)
	}
	var r Record
	var ids, titles []string
	for i, p := range csvProducts() {
		if err := d.DecodeInto(&r); err != nil {
			t.Fatalf("DecodeInto #%d: %v", i, err)
		}
		want := sortedLike(c, p)
		want.Row = csvRows[i]
		if diff := cmp.Diff(want, r); diff != "" {
			t.Errorf("DecodeInto #%d (-want +got):\n%s", i, diff)
		}
		ids = append(ids, r.ID)
		if v, ok := r.Get("title", daDK, ""); ok {
			s, _ := v.Text()
			titles = append(titles, s)
		}
	}
	if err := d.DecodeInto(&r); err != io.EOF {
		t.Errorf("DecodeInto at the end: %v, want io.EOF", err)
	}
	if ids[0] != "SHIRT-1" || ids[1] != "SHIRT-2" || len(titles) != 1 || titles[0] != "Skjorte" {
		t.Errorf("text kept from earlier records changed: %q %q", ids, titles)
	}
	// A record Decode returned to keep is not overwritten by DecodeInto.
	d, err = c.NewCSVDecoder(strings.NewReader(data), CSVOptions{Locale: daDK})
	if err != nil {
		t.Fatal(err)
	}
	first, err := d.Decode()
	if err != nil {
		t.Fatal(err)
	}
	kept := fmt.Sprint(first.Values)
	if err := d.DecodeInto(&r); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(first.Values); got != kept {
		t.Errorf("DecodeInto changed a record Decode returned:\n%s\nwas\n%s", got, kept)
	}
	if err := d.DecodeInto(nil); !errors.Is(err, ErrNil) {
		t.Errorf("DecodeInto(nil) = %v, want ErrNil", err)
	}

	// A file of many copies of the first product: rows after the first
	// reuse the record's storage.
	header, row, _ := strings.Cut(data, "\n")
	row = row[:strings.Index(row, "\nSHIRT-2")]
	many := header + "\n" + strings.Repeat(row+"\n", 200)
	d, err = c.NewCSVDecoder(strings.NewReader(many), CSVOptions{Locale: daDK})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.DecodeInto(&r); err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(100, func() {
		if err := d.DecodeInto(&r); err != nil {
			t.Fatal(err)
		}
	})
	// The row's text, and for each price amount the two allocations of a
	// decimal's big.Int (contract.Money holds a decimal.Decimal).
	amounts := 0
	for _, fv := range r.Values {
		amounts += len(fv.Value.Prices())
	}
	if want := 1 + 2*float64(amounts); allocs > want {
		t.Errorf("DecodeInto allocates %.1f times a row once warm; want at most %.0f", allocs, want)
	}
}

// TestSplitCommas: the eight-bytes-at-a-time search finds exactly the
// separators a byte-by-byte search finds, next to every byte value
// (including the separator's neighbours, where a carry between bytes
// would show) and at every alignment.
func TestSplitCommas(t *testing.T) {
	for _, comma := range []byte{',', ';', '\t', '|', 0x01, 0x7f} {
		for seed := range 2000 {
			line := make([]byte, seed%40)
			x := uint32(seed*2654435761 + int(comma))
			for i := range line {
				x = x*1664525 + 1013904223
				switch x >> 29 {
				case 0, 1:
					line[i] = comma
				case 2:
					line[i] = comma ^ 1
				case 3:
					line[i] = comma + 1
				case 4:
					line[i] = 0x80 | comma
				default:
					line[i] = byte(x >> 21)
				}
			}
			var want []int
			for i, c := range line {
				if c == comma {
					want = append(want, i)
				}
			}
			got, ok := splitCommas(line, comma, nil, 1<<20)
			if !ok || !slices.Equal(got, want) {
				t.Fatalf("comma %q in %q: %v, want %v", comma, line, got, want)
			}
			if len(want) > 2 {
				if _, ok := splitCommas(line, comma, nil, len(want)-1); ok {
					t.Fatalf("comma %q in %q: over the limit of %d not reported", comma, line, len(want)-1)
				}
			}
		}
	}
}
