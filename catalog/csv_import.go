package catalog

import (
	"errors"
	"fmt"
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

// importRowCost prices a row that ImportCSV returns: its Record (96
// bytes) with the slice's growth, or a bad row's pointer.
const importRowCost = 3 * 96

// errTooManyRows ends an import whose rows would cost more than the bound.
var errTooManyRows = fmt.Errorf("%w: csv: rows too small and too many to import within the memory bound; decode them one at a time", ErrSyntax)

// ImportCSV reads every record of r. Bad rows do not stop the good ones:
// the good records are returned with an [*ImportError] listing each bad
// row with its row number, column and reason. A bad header or a reader
// error returns no records.
//
// Memory: at most 16 bytes per input byte plus 64 KiB: as
// [CSVDecoder.Decode], plus what it returns, some 300 bytes per row. Once
// the rows returned would cost more than 8 bytes per input byte read plus
// 32 KiB -- rows averaging fewer than some 40 bytes, as a million 2-byte
// rows "A\n", never real product rows -- the import stops with an error
// wrapping [ErrSyntax] and returns no records. To import such input,
// stream with [Compiled.NewCSVDecoder] and store each record as it comes.
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
			if (len(out)+len(bad))*importRowCost > 8*int(d.r.inputOffset())+32<<10 {
				return nil, errTooManyRows
			}
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, rec)
		if (len(out)+len(bad))*importRowCost > 8*int(d.r.inputOffset())+32<<10 {
			return nil, errTooManyRows
		}
	}
	if len(bad) > 0 {
		return out, &ImportError{Rows: bad}
	}
	return out, nil
}
