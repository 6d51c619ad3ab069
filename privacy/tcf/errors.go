package tcf

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/contract"
)

// Sentinel errors, matched with errors.Is. Decode, Encode and Validate
// return them inside a [*contract.ValidationError] whose problems name the
// field and bit offset.
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

// Problems are reported as [contract.Problem]s in one
// [*contract.ValidationError], which unwraps to the sentinels above, so
// errors.Is(err, ErrTruncated) and errors.As(err, &verr) both work. A
// problem's Path is the field in the TC string format's own spelling
// ("core.vendorListVersion", "core.purposeLegitimateInterests[3]",
// "core.publisherRestrictions[1].vendors"), or the segment's position for
// a segment-level problem ("segment[2]"); its Rule is the sentinel's
// snake_case name ("vendor_list_version" for [ErrVendorListVersion]);
// its Param is the offending value where it is a code (a version, a
// count, a character) -- never the TC string itself;
// its Message names the segment and, for a problem found while decoding,
// the bit offset: "vendor list version is 0 (core segment, bit 120)".

// rules are the Rule names of the sentinels' problems.
var rules = map[error]string{
	ErrBase64:                  "base64url",
	ErrVersion:                 "version",
	ErrTruncated:               "truncated",
	ErrMissingRestrictionCount: "missing_restriction_count",
	ErrVendorListVersion:       "vendor_list_version",
	ErrPolicyVersion:           "policy_version",
	ErrLegitimateInterest:      "legitimate_interest",
	ErrUnknownSegment:          "unknown_segment",
	ErrDuplicateSegment:        "duplicate_segment",
	ErrMissingVendorsDisclosed: "missing_vendors_disclosed",
	ErrInvalidRange:            "invalid_range",
	ErrInvalidValue:            "invalid_value",
	ErrTooLarge:                "too_large",
}

// problem builds the Problem for a sentinel at field of segment seg, at
// bit offset (or -1 when it is not tied to a position).
func problem(seg Segment, field string, offset int, err error, detail string) contract.Problem {
	var b strings.Builder
	b.WriteString(strings.TrimPrefix(err.Error(), "tcf: "))
	b.WriteString(" (")
	b.WriteString(seg.String())
	b.WriteString(" segment")
	if offset >= 0 {
		b.WriteString(", bit ")
		b.WriteString(strconv.Itoa(offset))
	}
	b.WriteByte(')')
	if detail != "" {
		b.WriteString(": ")
		b.WriteString(detail)
	}
	return contract.Problem{Path: field, Rule: rules[err], Param: detail, Message: b.String()}
}

// fieldError returns the error of operation op for one problem.
func fieldError(op string, seg Segment, field string, offset int, err error, detail string) error {
	return contract.NewValidationError(op, []contract.Problem{problem(seg, field, offset, err, detail)}, err)
}

// problems collects the problems of one check so that validation reports
// every problem at once, and the sentinels they unwrap to.
// At most maxProblems are listed, then one that counts the rest: a string
// of 4,095 publisher restrictions for the same purpose would otherwise
// return a problem for each, hundreds of bytes for every 20 bits read.
type problems struct {
	list    []contract.Problem
	kinds   []error
	dropped int
}

// maxProblems is the number of problems a check lists; a valid string's
// fields and its at most 189 distinct restrictions fit many times over in
// the error of an honest mistake, and a hostile string costs no more.
const maxProblems = 50

func (p *problems) add(seg Segment, field string, offset int, err error, detail string) {
	if !slices.Contains(p.kinds, err) {
		p.kinds = append(p.kinds, err)
	}
	if len(p.list) == maxProblems {
		p.dropped++
		return
	}
	p.list = append(p.list, problem(seg, field, offset, err, detail))
}

// full reports whether the list is full, counting a problem of kind err as
// dropped if so, so that a caller can skip building its path and detail.
func (p *problems) full(err error) bool {
	if len(p.list) < maxProblems {
		return false
	}
	p.add(SegmentCore, "", -1, err, "")
	return true
}

// err returns nil or the *contract.ValidationError for op.
func (p *problems) err(op string) error {
	if p.dropped > 0 {
		p.list = append(p.list, contract.Problem{Rule: "too_many_problems", Param: strconv.Itoa(p.dropped),
			Message: "tcf: " + strconv.Itoa(p.dropped) + " more problems not listed"})
	}
	return contract.NewValidationError(op, p.list, p.kinds...)
}
