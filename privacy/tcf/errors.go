package tcf

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors, matched with errors.Is. Decode and Encode wrap them in a
// [*FieldError] that names the segment, field and bit offset.
var (
	// ErrBase64 reports a segment that is empty or holds a character outside
	// the base64url alphabet A-Z a-z 0-9 - _. Padding ("=") is rejected as
	// the official library rejects it.
	ErrBase64 = errors.New("tcf: invalid base64url")
	// ErrVersion reports an encoding version other than 2 in the first six
	// bits of the core segment (TCF v1.1 strings have version 1).
	ErrVersion = errors.New("tcf: unsupported encoding version")
	// ErrTruncated reports a segment that ends inside a field.
	ErrTruncated = errors.New("tcf: truncated segment")
	// ErrMissingRestrictionCount reports a core segment that ends right
	// before the 12-bit NumPubRestrictions field, a known fault of early
	// TCF v2 CMPs; a string that ends inside the field is [ErrTruncated].
	ErrMissingRestrictionCount = errors.New("tcf: missing publisher restriction count")
	// ErrVendorListVersion reports a vendor list version of 0; GVL versions
	// start at 1.
	ErrVendorListVersion = errors.New("tcf: vendor list version is 0")
	// ErrPolicyVersion reports a TCF policy version not in the accepted set
	// ([Options].PolicyVersions, by default 4 and 5).
	ErrPolicyVersion = errors.New("tcf: policy version not accepted")
	// ErrLegitimateInterest reports legitimate interest signalled for a
	// purpose that may not rest on it: purpose 1 always, purposes 3 to 6
	// from policy version 4 (TCF v2.2).
	ErrLegitimateInterest = errors.New("tcf: legitimate interest not allowed for purpose")
	// ErrUnknownSegment reports a segment type 4 to 7.
	ErrUnknownSegment = errors.New("tcf: unknown segment type")
	// ErrDuplicateSegment reports a segment type that occurs twice, or a
	// second core segment.
	ErrDuplicateSegment = errors.New("tcf: duplicate segment")
	// ErrMissingVendorsDisclosed reports a string without the
	// disclosed-vendors segment where [Options].DisclosedVendors requires
	// one (by default: created on or after 2026-03-01, TCF v2.3).
	ErrMissingVendorsDisclosed = errors.New("tcf: missing disclosed vendors segment")
	// ErrInvalidRange reports a vendor range entry that starts at vendor 0,
	// ends before it starts, or exceeds the section's MaxVendorId.
	ErrInvalidRange = errors.New("tcf: invalid vendor range")
	// ErrInvalidValue reports a field value the format cannot hold or the
	// spec does not allow: a letter code outside A-Z, a CMP ID below 2, a
	// purpose outside its field, restriction type 3, a duplicate
	// restriction, a time outside 1970 to 2187.
	ErrInvalidValue = errors.New("tcf: invalid value")
	// ErrTooLarge reports a list that needs more entries than its 12-bit
	// count can hold: more than 4095 publisher restrictions or range
	// entries, such as a restriction on every other vendor up to 10000.
	// Validate and Encode report it; Decode does not, as a readable string
	// kept within its counts.
	ErrTooLarge = errors.New("tcf: too many entries")
)

// FieldError locates a problem in a TC string or model. It wraps one of the
// package's sentinel errors. Messages carry field names, offsets and the
// offending value only where it is a code (a version, a count, a character),
// never the TC string itself.
type FieldError struct {
	// Segment is the type of the segment the problem is in. For a segment
	// that is empty or whose first character is not base64url it is
	// SegmentCore, and Field names the segment's position instead.
	Segment Segment
	// Field is the path of the field, like "core.vendorListVersion",
	// "core.purposeLegitimateInterests[3]" or
	// "core.publisherRestrictions[1].vendors"; segment-level problems name
	// the segment by its position, like "segment[2]".
	Field string
	// Offset is the bit offset of the field within its segment, or -1
	// when the problem is not tied to a position (a model given to
	// Encode, a segment that is missing).
	Offset int
	// Err is the sentinel error, such as [ErrTruncated].
	Err error
	// Detail adds the offending value or the rule broken, if any.
	Detail string
}

// Error formats the problem as "tcf: FIELD (bit N): PROBLEM: DETAIL", for
// example "tcf: core.vendorListVersion (bit 120): vendor list version is 0".
func (e *FieldError) Error() string {
	var sb strings.Builder
	sb.WriteString("tcf: ")
	sb.WriteString(e.Field)
	if e.Offset >= 0 {
		sb.WriteString(" (bit ")
		sb.WriteString(strconv.Itoa(e.Offset))
		sb.WriteByte(')')
	}
	sb.WriteString(": ")
	if e.Err != nil {
		sb.WriteString(strings.TrimPrefix(e.Err.Error(), "tcf: "))
	}
	if e.Detail != "" {
		sb.WriteString(": ")
		sb.WriteString(e.Detail)
	}
	return sb.String()
}

// Unwrap returns the sentinel error.
func (e *FieldError) Unwrap() error { return e.Err }

// problems collects FieldErrors so that validation reports every problem at
// once.
type problems []error

func (p *problems) add(seg Segment, field string, offset int, err error, detail string) {
	*p = append(*p, &FieldError{Segment: seg, Field: field, Offset: offset, Err: err, Detail: detail})
}

// err returns nil, the single problem, or all of them joined; errors.Is and
// errors.As see every joined problem.
func (p problems) err() error {
	switch len(p) {
	case 0:
		return nil
	case 1:
		return p[0]
	}
	return errors.Join(p...)
}
