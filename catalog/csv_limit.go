package catalog

import (
	"bytes"
	"fmt"
	"io"
)

// fieldLimit sits between a CSV decoder's input and encoding/csv and ends
// the input with an error as soon as one record holds more separators
// than a row of the layout can: encoding/csv spends some 64 bytes on each
// field it splits, so a line of a million commas would cost 64 MB before
// any column count could be checked. It follows encoding/csv's quoting
// (RFC 4180, quotes not lazy): a separator inside a quoted field does not
// count, a record ends at a line break outside quotes, and a malformed
// quote, which encoding/csv reports and then skips to the next line,
// skips to the next line here too. With a separator outside ASCII it
// counts nothing.
type fieldLimit struct {
	r         io.Reader
	comma     byte
	max       int // separators allowed in one record
	n         int // separators in the current record
	start     bool
	quoted    bool
	quote     bool // in a quoted field, the last byte was a quote
	skipLine  bool
	err       error
	unlimited bool
}

func newFieldLimit(r io.Reader, comma rune, maxFields int) *fieldLimit {
	return &fieldLimit{r: r, comma: byte(comma), max: maxFields - 1, start: true, unlimited: comma >= 0x80}
}

func (l *fieldLimit) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	if l.unlimited {
		return n, err
	}
	// Separators are counted a run at a time, between the line breaks and
	// quotes, which are rare: a few vectorised calls per line, not a step
	// per byte.
	b := p[:n]
	for i := 0; i < len(b); {
		switch {
		case l.skipLine:
			j := bytes.IndexByte(b[i:], '\n')
			if j < 0 {
				i = len(b)
				continue
			}
			i += j + 1
			l.skipLine, l.n, l.start = false, 0, true
		case l.quoted && l.quote:
			l.quote = false
			switch b[i] {
			case '"': // an escaped quote
			case '\r':
				l.quote = true // "\r\n" ends the field like "\n"
			case l.comma:
				l.quoted, l.start = false, true
				l.n++
			case '\n':
				l.quoted, l.n, l.start = false, 0, true
			default:
				l.quoted, l.skipLine = false, true
			}
			i++
		case l.quoted:
			j := bytes.IndexByte(b[i:], '"')
			if j < 0 {
				i = len(b)
				continue
			}
			i += j + 1
			l.quote = true
		default:
			if l.start && b[i] == '"' {
				l.quoted, l.start = true, false
				i++
				continue
			}
			stop := len(b)
			if j := bytes.IndexByte(b[i:], '\n'); j >= 0 {
				stop = i + j
			}
			if j := bytes.IndexByte(b[i:stop], '"'); j >= 0 {
				stop = i + j
			}
			if stop > i {
				l.n += bytes.Count(b[i:stop], []byte{l.comma})
				l.start = b[stop-1] == l.comma
			}
			if stop < len(b) {
				switch {
				case b[stop] == '\n':
					l.n, l.start = 0, true
				case l.start: // a quote that opens a field
					l.quoted, l.start = true, false
				default: // a bare quote
					l.skipLine = true
				}
				stop++
			}
			i = stop
		}
		if l.n > l.max {
			l.err = fmt.Errorf("%w: csv: a record with more than %d columns", ErrSyntax, l.max+1)
			return 0, l.err
		}
	}
	return n, err
}
