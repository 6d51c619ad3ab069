package billing

import (
	"errors"

	"github.com/pimkit/pimkit/internal/validate"
)

// Sentinel errors of package billing. Every error the package returns
// wraps one of them, so a host can branch with [errors.Is].
var (
	// ErrInvalid reports input that breaks a rule of its own shape: a
	// negative quantity, a due date before the issue date, an unknown VAT
	// treatment. It is wrapped by [*ValidationError].
	ErrInvalid = errors.New("billing: invalid input")
	// ErrCurrencyMismatch reports amounts in different currencies that a
	// calculation would have to add together.
	ErrCurrencyMismatch = errors.New("billing: currency mismatch")
	// ErrNoRate reports a date for which the statutory rate table has no
	// rate: the table ends before it, or starts after it.
	ErrNoRate = errors.New("billing: no statutory rate for date")
	// ErrInsufficientCredits reports a debit that the credit balance
	// cannot cover on a plan that allows no overdraft.
	ErrInsufficientCredits = errors.New("billing: insufficient credits")
	// ErrDuplicateEvent reports a ledger entry whose host event ID is
	// already recorded with different content.
	ErrDuplicateEvent = errors.New("billing: duplicate event id with different content")
	// ErrSyntax reports text that is not an amount, rate or enum value.
	ErrSyntax = errors.New("billing: invalid syntax")
)

// Problem is one broken rule of an input value: the JSON path of the field
// ("lines[2].quantity"), the rule ("gte", "required", "after") and a short
// detail without personal data ("must not be negative").
type Problem struct {
	Field  string `json:"field"`
	Rule   string `json:"rule"`
	Detail string `json:"detail,omitempty"`
}

// String returns "lines[2].quantity: gte (must not be negative)".
func (p Problem) String() string {
	s := p.Field + ": " + p.Rule
	if p.Detail != "" {
		s += " (" + p.Detail + ")"
	}
	return s
}

// ValidationError lists every problem found in one input, in field order.
// It wraps [ErrInvalid], and also [ErrCurrencyMismatch] when one of its
// problems is a mixed currency:
//
//	billing: invalid invoice: lines[0].quantity: gte (must not be negative); due: after (due date before issue date)
type ValidationError struct {
	// What names the input: "invoice", "debt", "plan".
	What     string
	Problems []Problem
}

// Error returns all problems on one line.
func (e *ValidationError) Error() string {
	return validate.Join("billing: invalid "+e.What, e.Problems)
}

// Unwrap returns ErrInvalid, and ErrCurrencyMismatch when a problem has
// rule "currency-mismatch".
func (e *ValidationError) Unwrap() []error {
	errs := []error{ErrInvalid}
	for _, p := range e.Problems {
		if p.Rule == ruleMixedCurrency {
			errs = append(errs, ErrCurrencyMismatch)
			break
		}
	}
	return errs
}

// Field reports whether a problem names the field path f.
func (e *ValidationError) Field(f string) bool {
	for _, p := range e.Problems {
		if p.Field == f {
			return true
		}
	}
	return false
}

const ruleMixedCurrency = "currency-mismatch"

// problems collects Problems and returns a *ValidationError, or nil when
// there are none.
type problems struct {
	what string
	list []Problem
}

func (ps *problems) add(field, rule, detail string) {
	ps.list = append(ps.list, Problem{Field: field, Rule: rule, Detail: detail})
}

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &ValidationError{What: ps.what, Problems: ps.list}
}
