package gpp

import (
	"errors"
	"strconv"

	"github.com/pimkit/pimkit/contract"
)

// Sentinel errors, matched with errors.Is. Decode and Encode return them
// inside a [*contract.ValidationError] whose problems name the section,
// the field (in the official library's spelling, "usnat.SaleOptOut",
// "tcfeuv2.VendorConsents") and, for decoding, the bit offset in its
// segment. Decode stops at the first problem, since the fields after a
// malformed one cannot be located; Encode reports every problem at once.
// Messages never contain the GPP string itself.
var (
	// ErrTooLong reports an input longer than [MaxLength] characters.
	ErrTooLong = errors.New("gpp: string too long")
	// ErrBase64 reports a character outside the base64url alphabet
	// (A-Z, a-z, 0-9, '-', '_') in a section or the header.
	ErrBase64 = errors.New("gpp: invalid base64url character")
	// ErrHeader reports a header that is not the GPP header: the string
	// does not start with "DB" (header ID 3, version 1), as "CPX..." (a
	// bare TC string) or "1YNN" (a bare US Privacy string) do.
	ErrHeader = errors.New("gpp: invalid header")
	// ErrSectionCount reports a string whose number of "~"-separated
	// sections differs from the number of IDs in its header.
	ErrSectionCount = errors.New("gpp: section count does not match header")
	// ErrEmptySection reports a section or a required segment that is
	// blank, as in "DBABMA~~1YNN".
	ErrEmptySection = errors.New("gpp: empty section")
	// ErrTruncated reports a field that runs past the end of its segment.
	ErrTruncated = errors.New("gpp: truncated segment")
	// ErrInvalidValue reports a field value the specification does not
	// define: a two-bit US value of 3, MspaCoveredTransaction 0, a uspv1
	// character other than 'Y', 'N' or '-', a language code that is not
	// two letters A-Z, a tcfeuv2 section that is not service-specific, a
	// GPC sub-section of type other than 1.
	ErrInvalidValue = errors.New("gpp: invalid value")
	// ErrInvalidRange reports an ID list entry that is 0, above 65535, or
	// a range that ends before it starts.
	ErrInvalidRange = errors.New("gpp: invalid range")
	// ErrUnknownSegment reports a tcfeuv2 or tcfcav1 segment of a type the
	// section does not define, or a US section with more than two
	// segments.
	ErrUnknownSegment = errors.New("gpp: unknown segment")
	// ErrUnknownSection reports a section ID that cannot stand where it is:
	// a US entry with Section 2, a raw section with a known ID or the
	// header's own ID 3 (also when a header lists 3), or an unknown name
	// in JSON.
	ErrUnknownSection = errors.New("gpp: unknown section")
	// ErrDuplicateSection reports two sections with the same ID.
	ErrDuplicateSection = errors.New("gpp: duplicate section")
	// ErrFieldNotInSection reports a US field set (non-zero) that the
	// section does not have, such as SharingOptOut in usva.
	ErrFieldNotInSection = errors.New("gpp: field not in section")
)

// MaxLength is the longest GPP string Decode reads, in characters:
// 262,144. A string with every section's vendor lists at their largest
// (bitfields of 65,535 bits, about 11,000 characters each) stays below it;
// only thousands of publisher restrictions each naming thousands of
// vendors exceed it. Longer input is rejected with [ErrTooLong] before it
// is read.
const MaxLength = 256 << 10

var rules = map[error]string{
	ErrTooLong:           "too_long",
	ErrBase64:            "base64url",
	ErrHeader:            "header",
	ErrSectionCount:      "section_count",
	ErrEmptySection:      "empty_section",
	ErrTruncated:         "truncated",
	ErrInvalidValue:      "invalid_value",
	ErrInvalidRange:      "invalid_range",
	ErrUnknownSegment:    "unknown_segment",
	ErrUnknownSection:    "unknown_section",
	ErrDuplicateSection:  "duplicate_section",
	ErrFieldNotInSection: "field_not_in_section",
}

// problem builds the Problem for err at path; bit is the offset in the
// segment, or -1; param is a code (a value, a count), never input text.
func problem(path string, bit int, err error, param string) contract.Problem {
	msg := err.Error()
	if bit >= 0 {
		msg += " (bit " + strconv.Itoa(bit) + ")"
	}
	if param != "" {
		msg += ": " + param
	}
	return contract.Problem{Path: path, Rule: rules[err], Param: param, Message: msg}
}

// decodeError returns the error of Decode for one problem.
func decodeError(path string, bit int, err error, param string) error {
	return contract.NewValidationError("decode gpp string", []contract.Problem{problem(path, bit, err, param)}, err)
}

// problems collects the problems of Encode, and their kinds.
type problems struct {
	list  []contract.Problem
	kinds []error
}

// maxProblems bounds the list; a further problem is counted, not listed.
const maxProblems = 50

func (p *problems) add(path string, err error, param string) {
	found := false
	for _, k := range p.kinds {
		if k == err {
			found = true
			break
		}
	}
	if !found {
		p.kinds = append(p.kinds, err)
	}
	if len(p.list) < maxProblems {
		p.list = append(p.list, problem(path, -1, err, param))
	}
}

func (p *problems) err(op string) error {
	return contract.NewValidationError(op, p.list, p.kinds...)
}
