package catalog

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"unicode/utf8"
)

// csvSplitter splits CSV input into records exactly as encoding/csv does
// with its default settings (RFC 4180 quoting, quotes not lazy, any number
// of fields per record): a "\r\n" line break reads as "\n", also inside a
// quoted field; blank lines are skipped; a bare quote in an unquoted field
// and a quote not followed by a separator or a line break are errors at
// the same line and byte as encoding/csv reports, after which splitting
// continues with the next line.
//
// It is faster than encoding/csv because it does less: a line without
// quotes becomes the record's one string as it is, separators included,
// and the fields are offsets into it, not a slice of strings. It also
// ends the input, before allocating for the record, as soon as a record
// has more than max fields, so that a line of a million separators costs
// its own bytes and no more. A separator outside ASCII is left to
// encoding/csv itself (and is not limited).
type csvSplitter struct {
	r     io.Reader
	comma byte
	max   int // fields allowed in one record

	buf      []byte // input read, unsplit in buf[pos:end]
	pos, end int
	rerr     error // the reader's error (io.EOF at the end), once read
	line     int   // lines read so far
	offset   int64 // input bytes of the records returned so far

	// The current record: its text, the end of each field in it, and the
	// gap between fields (1 when rec keeps the separators, 0 when it holds
	// the fields unquoted and back to back).
	rec     string
	ends    []int
	gap     int
	recLine int
	scratch []byte

	cr *csv.Reader // for a separator outside ASCII
}

// splitError is encoding/csv's ParseError for what the decoder reports:
// the line a bad record starts on and the byte (1-based, in the line
// where the error is) at which it is bad.
type splitError struct {
	startLine, col int
}

func (e *splitError) Error() string {
	return fmt.Sprintf("catalog: csv: parse error on line %d, byte %d", e.startLine, e.col)
}

// errInvalidComma is encoding/csv's refusal of a separator it cannot use.
var errInvalidComma = errors.New("catalog: csv: invalid field delimiter")

func newCSVSplitter(r io.Reader, comma rune, maxFields int) *csvSplitter {
	s := &csvSplitter{r: r, comma: byte(comma), max: maxFields}
	if comma >= utf8.RuneSelf {
		cr := csv.NewReader(r)
		cr.Comma = comma
		cr.ReuseRecord = true
		cr.FieldsPerRecord = -1
		s.cr = cr
	}
	return s
}

// validComma is encoding/csv's validDelim.
func validComma(r rune) bool {
	return r != 0 && r != '"' && r != '\r' && r != '\n' && utf8.ValidRune(r) && r != utf8.RuneError
}

// numFields returns the number of fields of the current record.
func (s *csvSplitter) numFields() int { return len(s.ends) }

// field returns field i of the current record, a substring of its text.
func (s *csvSplitter) field(i int) string {
	start := 0
	if i > 0 {
		start = s.ends[i-1] + s.gap
	}
	return s.rec[start:s.ends[i]]
}

// inputOffset returns the bytes of input read into the records so far.
func (s *csvSplitter) inputOffset() int64 {
	if s.cr != nil {
		return s.cr.InputOffset()
	}
	return s.offset
}

// fill reads more input, keeping buf[pos:end]; it returns false at the end
// of the input or on a reader error (s.rerr).
func (s *csvSplitter) fill() bool {
	if s.rerr != nil {
		return false
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:s.end])
		s.pos, s.end = 0, n
	}
	if s.end == len(s.buf) {
		s.buf = append(s.buf, make([]byte, max(len(s.buf), 4096))...)
		s.buf = s.buf[:cap(s.buf)]
	}
	for tries := 0; tries < 100; tries++ {
		n, err := s.r.Read(s.buf[s.end:])
		if n < 0 || n > len(s.buf)-s.end {
			s.rerr = errors.New("catalog: csv: reader returned an invalid count")
			return false
		}
		s.end += n
		if err != nil {
			s.rerr = err
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	s.rerr = io.ErrNoProgress
	return false
}

// readLine is encoding/csv's readLine: the next line with its line break
// ("\r\n" read as "\n"; a "\r" at the very end of the input dropped), and
// io.EOF only when nothing is left. The line is valid until the next call.
func (s *csvSplitter) readLine() ([]byte, error) {
	from := s.pos
	var line []byte
	for {
		if i := bytes.IndexByte(s.buf[from:s.end], '\n'); i >= 0 {
			line = s.buf[s.pos : from+i+1]
			break
		}
		from = s.end - s.pos
		if !s.fill() {
			line = s.buf[s.pos:s.end]
			break
		}
		from += s.pos
	}
	s.pos += len(line)
	s.offset += int64(len(line))
	var err error
	if len(line) == 0 || line[len(line)-1] != '\n' {
		err = s.rerr
	}
	if n := len(line); n > 0 && err == io.EOF {
		err = nil
		if line[n-1] == '\r' {
			line = line[:n-1]
		}
	}
	s.line++
	if n := len(line); n >= 2 && line[n-2] == '\r' && line[n-1] == '\n' {
		line[n-2] = '\n'
		line = line[:n-1]
	}
	return line, err
}

// errTooManyFields ends an input with a record of more fields than a row
// of the layout can have.
func (s *csvSplitter) errTooManyFields() error {
	s.rerr = fmt.Errorf("%w: csv: a record with more than %d columns", ErrSyntax, s.max)
	s.pos, s.end = 0, 0
	return s.rerr
}

// next splits the next record. It returns io.EOF at the end of the input,
// a *splitError for a malformed record (the next call continues on the
// next line), and the reader's own error or one wrapping ErrSyntax for a
// record of too many fields, after which the input has ended.
func (s *csvSplitter) next() error {
	if s.cr != nil {
		return s.nextCSV()
	}
	if !validComma(rune(s.comma)) {
		return errInvalidComma
	}
	if s.rerr != nil && s.rerr != io.EOF && s.pos == s.end {
		return s.rerr
	}
	var line []byte
	var err error
	for err == nil {
		line, err = s.readLine()
		if err == nil && len(line) == lengthNL(line) {
			continue // a blank line
		}
		break
	}
	if err != nil {
		// The end of the input, or a reader error: a record cut short by
		// one is dropped, as the decoder drops encoding/csv's.
		return err
	}
	s.recLine = s.line
	s.ends = s.ends[:0]
	if bytes.IndexByte(line, '"') < 0 {
		// The common case: the line is the record, separators included.
		line = line[:len(line)-lengthNL(line)]
		ends, ok := splitCommas(line, s.comma, s.ends, s.max-1)
		if !ok {
			return s.errTooManyFields()
		}
		s.ends = append(ends, len(line))
		s.rec, s.gap = string(line), 1
		return nil
	}
	return s.quoted(line)
}

// splitCommas appends to ends the index of every comma in line, eight
// bytes at a time; ok is false when there are more than max.
func splitCommas(line []byte, comma byte, ends []int, max int) (_ []int, ok bool) {
	const low7 = 0x7f7f7f7f7f7f7f7f
	pattern := 0x0101010101010101 * uint64(comma)
	i := 0
	for ; i+8 <= len(line); i += 8 {
		x := binary.LittleEndian.Uint64(line[i:]) ^ pattern
		// The high bit of each byte of x that is zero, exactly (no borrow
		// between bytes): a comma in line.
		m := ^((x&low7 + low7) | x | low7)
		for m != 0 {
			if len(ends) >= max {
				return ends, false
			}
			ends = append(ends, i+bits.TrailingZeros64(m)>>3)
			m &= m - 1
		}
	}
	for ; i < len(line); i++ {
		if line[i] == comma {
			if len(ends) >= max {
				return ends, false
			}
			ends = append(ends, i)
		}
	}
	return ends, true
}

func lengthNL(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return 1
	}
	return 0
}

// quoted splits a record with quotes; it is encoding/csv's readRecord.
func (s *csvSplitter) quoted(line []byte) error {
	s.gap = 0
	out := s.scratch[:0]
	defer func() { s.scratch = out[:0] }()
	col := 1 // byte of line[0] in its line, 1-based
	var errRead error
	end := func() bool {
		s.ends = append(s.ends, len(out))
		return len(s.ends) > s.max
	}
	for {
		if len(line) == 0 || line[0] != '"' {
			// An unquoted field.
			i := bytes.IndexByte(line, s.comma)
			field := line
			if i >= 0 {
				field = field[:i]
			} else {
				field = field[:len(field)-lengthNL(field)]
			}
			if j := bytes.IndexByte(field, '"'); j >= 0 {
				return &splitError{startLine: s.recLine, col: col + j}
			}
			out = append(out, field...)
			if end() {
				return s.errTooManyFields()
			}
			if i >= 0 {
				line = line[i+1:]
				col += i + 1
				continue
			}
			break
		}
		// A quoted field, perhaps over several lines.
		line = line[1:]
		col++
		for {
			i := bytes.IndexByte(line, '"')
			if i >= 0 {
				out = append(out, line[:i]...)
				line = line[i+1:]
				col += i + 1
				if len(line) > 0 && line[0] == '"' {
					out = append(out, '"') // "" is a quote
					line = line[1:]
					col++
					continue
				}
				if len(line) > 0 && line[0] == s.comma {
					line = line[1:]
					col++
					if end() {
						return s.errTooManyFields()
					}
					break // the next field
				}
				if lengthNL(line) == len(line) {
					if end() {
						return s.errTooManyFields()
					}
					return s.done(out, errRead)
				}
				return &splitError{startLine: s.recLine, col: col - 1}
			} else if len(line) > 0 {
				// The line ends inside the quotes: the field goes on.
				out = append(out, line...)
				if errRead != nil {
					if end() {
						return s.errTooManyFields()
					}
					return s.done(out, errRead)
				}
				col += len(line)
				line, errRead = s.readLine()
				if len(line) > 0 {
					col = 1
				}
				if errRead == io.EOF {
					errRead = nil
				}
			} else {
				// The input ends inside the quotes.
				if errRead == nil {
					return &splitError{startLine: s.recLine, col: col}
				}
				if end() {
					return s.errTooManyFields()
				}
				return s.done(out, errRead)
			}
		}
	}
	return s.done(out, errRead)
}

// done makes out the current record's text, or returns the reader's error.
func (s *csvSplitter) done(out []byte, errRead error) error {
	if errRead != nil {
		return errRead
	}
	s.rec = string(out)
	return nil
}

// nextCSV reads a record with encoding/csv, for a separator outside ASCII.
func (s *csvSplitter) nextCSV() error {
	fields, err := s.cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return &splitError{startLine: pe.StartLine, col: pe.Column}
		}
		return err
	}
	s.recLine, _ = s.cr.FieldPos(0)
	out := s.scratch[:0]
	s.ends = s.ends[:0]
	for _, f := range fields {
		out = append(out, f...)
		s.ends = append(s.ends, len(out))
	}
	s.scratch = out
	s.rec, s.gap = string(out), 0
	return nil
}
