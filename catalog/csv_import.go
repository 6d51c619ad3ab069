package catalog

import (
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/contract"
)

// RowError reports the problems of one CSV row. Row counts lines of
// records as a spreadsheet shows them: the header is row 1, the first
// record row 2. Each problem's Path is the column name ("price-DKK") and
// its Param the reason ("grouping", "check digit"...). Cell contents are
// never repeated. It unwraps to a [*contract.ValidationError] with the
// same problems (operation "decode csv row 3"), which unwraps to
// [ErrInvalid], so one [errors.As] finds its problems as it finds every
// other pimkit package's.
type RowError struct {
	Row      int
	Problems []contract.Problem
}

// Error implements error: "catalog: csv row 3: price-DKK: syntax(grouping)".
func (e *RowError) Error() string {
	var b strings.Builder
	b.WriteString("catalog: csv row ")
	b.WriteString(strconv.Itoa(e.Row))
	for i, p := range e.Problems {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns the row's problems as a [*contract.ValidationError].
func (e *RowError) Unwrap() error {
	if len(e.Problems) == 0 {
		return ErrInvalid
	}
	return invalid("decode csv row "+strconv.Itoa(e.Row), slices.Clone(e.Problems))
}

// rowError returns the problems of row, each with its English message.
func rowError(row int, ps []contract.Problem) *RowError {
	for i := range ps {
		if ps[i].Message == "" {
			ps[i].Message = contract.RuleMessage(ps[i].Rule, ps[i].Param)
		}
	}
	return &RowError{Row: row, Problems: ps}
}

// ImportError collects the [RowError]s of an import whose good rows were
// still returned. It unwraps to its rows, so [errors.Is] matches
// [ErrInvalid] and [errors.As] finds the first bad row's
// [*contract.ValidationError]; range over Rows for every row.
type ImportError struct {
	Rows []*RowError
}

// Error implements error: "catalog: csv: 2 bad rows: ...".
func (e *ImportError) Error() string {
	var b strings.Builder
	b.WriteString("catalog: csv: ")
	b.WriteString(strconv.Itoa(len(e.Rows)))
	b.WriteString(" bad rows")
	for i, r := range e.Rows {
		if i == 5 {
			b.WriteString("; ...")
			break
		}
		b.WriteString("; ")
		if r == nil {
			b.WriteString("row ?")
			continue
		}
		b.WriteString(strings.TrimPrefix(r.Error(), "catalog: csv "))
	}
	return b.String()
}

// Unwrap returns the row errors.
func (e *ImportError) Unwrap() []error {
	out := make([]error, 0, len(e.Rows)+1)
	for _, r := range e.Rows {
		if r != nil {
			out = append(out, r)
		}
	}
	return append(out, ErrInvalid)
}

// ImportCSV reads every record of r. Bad rows do not stop the good ones:
// the good records are returned with an [*ImportError] listing each bad
// row with its row number, column and reason. A bad header or a reader
// error returns no records.
//
// Memory: as [CSVDecoder.Decode], plus what it returns: a 96-byte [Record]
// per row and each bad row's error, which on hostile input of 2-byte rows
// is up to 250 bytes per input byte. To stay within 16 bytes per input
// byte plus 64 KiB, stream with [Compiled.NewCSVDecoder] and store each
// record as it comes.
func (c *Compiled) ImportCSV(r io.Reader, opts CSVOptions) ([]Record, error) {
	if r == nil {
		return nil, errNilReader
	}
	d, err := c.NewCSVDecoder(r, opts)
	if err != nil {
		return nil, err
	}
	var out []Record
	var bad []*RowError
	for {
		rec, err := d.Decode()
		if err == io.EOF {
			break
		}
		var re *RowError
		if errors.As(err, &re) {
			bad = append(bad, re)
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, rec)
	}
	if len(bad) > 0 {
		return out, &ImportError{Rows: bad}
	}
	return out, nil
}
