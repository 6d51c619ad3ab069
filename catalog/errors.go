package catalog

import (
	"errors"
	"fmt"

	"github.com/pimkit/pimkit/contract"
)

// Sentinel errors, matchable with [errors.Is]. Every error this package
// returns wraps exactly one of them.
var (
	// ErrInvalid is wrapped by the [*contract.ValidationError] this
	// package returns: a record, batch, schema, order or feed broke one or
	// more rules.
	ErrInvalid = errors.New("catalog: invalid")
	// ErrCycle is returned when moving a category under itself or one of
	// its descendants: moving "shoes" under "shoes/running" is refused.
	ErrCycle = errors.New("catalog: category cycle")
	// ErrNotFound is returned when a category, model or variant code is
	// not known.
	ErrNotFound = errors.New("catalog: not found")
	// ErrSyntax is returned for text that cannot be read: a malformed
	// number, identifier, JSON document or CSV header.
	ErrSyntax = errors.New("catalog: syntax error")
	// ErrEnum is wrapped by the error for enum text that names no value,
	// such as Status "published".
	ErrEnum = errors.New("catalog: unknown enum text")
	// ErrNil is returned for a nil reader or writer, and by the methods
	// of a decoder or encoder not made by its constructor (its zero
	// value): there is nothing to read from or write to.
	ErrNil = errors.New("catalog: nil reader, writer or decoder")
)

var (
	errNilReader  = fmt.Errorf("%w: the io.Reader is nil", ErrNil)
	errNilWriter  = fmt.Errorf("%w: the io.Writer is nil", ErrNil)
	errNotCreated = fmt.Errorf("%w: made without its constructor", ErrNil)
)

// problems collects the problems of one operation with the field paths of
// this package; its zero value is ready to use.
type problems = contract.Problems

// invalid returns a [*contract.ValidationError] for op unwrapping to
// [ErrInvalid], or nil when ps is empty.
func invalid(op string, ps []contract.Problem) error {
	return contract.NewValidationError(op, ps, ErrInvalid)
}

// prob returns a problem without a message; [contract.NewValidationError]
// adds the English sentence of its rule.
func newProblem(path, rule, param string) contract.Problem {
	return contract.Problem{Path: path, Rule: rule, Param: param}
}
