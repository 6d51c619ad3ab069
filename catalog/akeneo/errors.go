package akeneo

import (
	"errors"
	"strconv"

	"github.com/pimkit/pimkit/contract"
)

// Sentinels for errors.Is.
var (
	// ErrSyntax: the input is not JSON of the document's shape.
	ErrSyntax = errors.New("akeneo: syntax error")
	// ErrInvalid: the document is JSON of the right shape but a value in it
	// cannot be written or read (an unknown currency, a number out of
	// range); the error is a *contract.ValidationError with every problem.
	ErrInvalid = errors.New("akeneo: invalid document")
)

// Rules of the problems this package reports. A problem of rule
// RuleNotCarried is not an error: it names a part of a document that
// pimkit reads but does not keep, at its JSON path, with the reason in
// Param ("read_only" for what Akeneo computes, such as "_links",
// "linked_data" or "completenesses"; "unknown" for a key Akeneo does not
// define; "zone" for the UTC offset or time of day of a date, which
// pimkit reads as the calendar date written; "type" for an attribute
// type pimkit has no field type for).
const (
	RuleNotCarried = "not_carried"
	RuleType       = "type"     // a value of the wrong JSON type for its attribute
	RuleCurrency   = "currency" // not an ISO 4217 currency code
	RuleLocale     = "locale"   // not a locale code
	RuleNumber     = "number"   // not a decimal pimkit can read (|x| <= 10^18, <= 100 characters)
	RuleDate       = "date"     // not a date
)

// RecordError is the error of one record of a stream read by a
// [Decoder]: Line is the line of the record in JSON Lines input (1 for
// the first line), Item its position (0 for the first record) in a list or
// a page. The stream goes on after a RecordError. It unwraps to the
// record's error (ErrSyntax, or a *contract.ValidationError wrapping
// ErrInvalid).
type RecordError struct {
	Line int
	Item int
	Err  error
}

// Error implements error: "akeneo: line 3: akeneo: syntax error".
func (e *RecordError) Error() string {
	s := "akeneo: item " + strconv.Itoa(e.Item)
	if e.Line > 0 {
		s = "akeneo: line " + strconv.Itoa(e.Line)
	}
	if e.Err == nil {
		return s
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the record's error.
func (e *RecordError) Unwrap() error { return e.Err }

// report collects what a conversion reads but does not keep, and what is
// wrong.
type report struct {
	dropped []contract.Problem
	bad     contract.Problems
}

func (r *report) drop(path, param string) {
	r.dropped = append(r.dropped, contract.Problem{Path: path, Rule: RuleNotCarried, Param: param})
}

func (r *report) err(op string) error { return r.bad.Err(op, ErrInvalid) }

func key(prefix, k string) string {
	if prefix == "" {
		return k
	}
	if !plainKey(k) {
		return prefix + "[?]" // a key no Akeneo code can be; not repeated
	}
	return prefix + "." + k
}

func plainKey(k string) bool {
	if k == "" || len(k) > 100 {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func index(prefix string, i int) string { return prefix + "[" + strconv.Itoa(i) + "]" }
