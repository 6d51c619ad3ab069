package catalog

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
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
