package contract

import (
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/internal/validate"
)

// Problem is one broken rule in a value a host handed in, the one problem
// type of every pimkit package. Path is the field's JSON path
// ("lines[2].quantity", "values.title[da-DK]", "provider.cvr"); Rule is the
// rule's snake_case name ("required", "gte", "max_length", "cvr"); Param is
// the rule's parameter as text ("0", "255", "DKK") or ""; Message says the
// same in an English sentence ("must be at least 0").
//
// A Problem never carries the offending value, so it is safe to log and
// to show: the value may be personal data.
type Problem struct {
	Path    string `json:"path"`
	Rule    string `json:"rule"`
	Param   string `json:"param,omitempty"`
	Message string `json:"message,omitempty"`
}

// String returns "path: rule(param)", or "path: rule" without a parameter:
// "lines[2].quantity: gte(0)".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Path)
	b.WriteString(": ")
	b.WriteString(p.Rule)
	if p.Param != "" {
		b.WriteByte('(')
		b.WriteString(p.Param)
		b.WriteByte(')')
	}
	return b.String()
}

// ValidationError carries every problem found in one operation at once, in
// a documented, deterministic order. Every pimkit package returns it for
// input it rejects, so one [errors.As] serves a host whatever package
// failed:
//
//	var verr *contract.ValidationError
//	if errors.As(err, &verr) {
//		for _, p := range verr.Problems { show(p.Path, p.Message) }
//	}
//	errors.Is(err, catalog.ErrInvalid) // the returning package's sentinel
//
// It unwraps to the sentinels of the package that returned it (for
// example [ErrInvalidTerms], or [ErrConflict] and [ErrInvalidInput]
// together), so [errors.Is] still tells the kinds apart.
type ValidationError struct {
	// Op is the operation that found the problems: "validate terms",
	// "new invoice", "decode record".
	Op string
	// Problems are the problems found, at least one.
	Problems []Problem
	kinds    []error
}

// NewValidationError returns a *ValidationError for op with problems,
// unwrapping to kinds (each package passes its own sentinels), or nil when
// there are no problems. Problems without a message get the English
// message of their rule.
func NewValidationError(op string, problems []Problem, kinds ...error) error {
	if len(problems) == 0 {
		return nil
	}
	for i := range problems {
		if problems[i].Message == "" {
			problems[i].Message = RuleMessage(problems[i].Rule, problems[i].Param)
		}
	}
	return &ValidationError{Op: op, Problems: problems, kinds: kinds}
}

// Error returns the first sentinel's text, the operation and up to ten
// problems: "contract: invalid terms: validate terms: 2 problems:
// payment_period: gte(P0D); availability_percent: lte(100)".
func (e *ValidationError) Error() string {
	var b strings.Builder
	if len(e.kinds) > 0 {
		b.WriteString(e.kinds[0].Error())
	} else {
		b.WriteString("contract: invalid")
	}
	if e.Op != "" {
		b.WriteString(": ")
		b.WriteString(e.Op)
	}
	b.WriteString(": ")
	if len(e.Problems) == 1 {
		b.WriteString("1 problem: ")
	} else {
		b.WriteString(strconv.Itoa(len(e.Problems)))
		b.WriteString(" problems: ")
	}
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		if i == 10 {
			b.WriteString("...")
			break
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns the sentinels the error belongs to; [errors.Is] and
// [errors.As] look through them.
func (e *ValidationError) Unwrap() []error { return e.kinds }

// Has reports whether a problem at path broke rule: Has("currency",
// "required").
func (e *ValidationError) Has(path, rule string) bool {
	for _, p := range e.Problems {
		if p.Path == path && p.Rule == rule {
			return true
		}
	}
	return false
}

// Problems collects the problems of one operation; the zero value is ready
// to use. Packages and hosts build their validations with it:
//
//	var ps contract.Problems
//	ps.Check("", plan)                     // the validate tags
//	if plan.Trial > plan.Period { ps.Add("trial", "ltefield", "period") }
//	return ps.Err("new plan", ErrInvalid)  // nil when nothing was added
type Problems struct {
	list []Problem
}

// Add records that the field at path broke rule with param.
func (ps *Problems) Add(path, rule, param string) {
	ps.list = append(ps.list, Problem{Path: path, Rule: rule, Param: param})
}

// AddProblem records p, its path prefixed with prefix and a dot when
// prefix is not empty: AddProblem("lines[2]", {Path: "quantity"}) records
// "lines[2].quantity".
func (ps *Problems) AddProblem(prefix string, p Problem) {
	p.Path = joinPath(prefix, p.Path)
	ps.list = append(ps.list, p)
}

// Merge records every problem of err when it is a *ValidationError, its
// paths prefixed as in [Problems.AddProblem], and reports whether it was;
// other errors are left to the caller.
func (ps *Problems) Merge(prefix string, err error) bool {
	verr, ok := err.(*ValidationError)
	if !ok {
		return false
	}
	for _, p := range verr.Problems {
		ps.AddProblem(prefix, p)
	}
	return true
}

// Check runs the `validate` struct tags of v (a struct or a pointer to
// one) through pimkit's one go-playground/validator instance and records
// each broken tag as a problem at its JSON path under prefix. Besides
// validator's own tags it knows cvr, vatid, currency, langtag and the
// exact decimal ranges dgt, dgte, dlt and dlte (see the package overview).
func (ps *Problems) Check(prefix string, v any) {
	for _, p := range validate.Struct(v) {
		ps.AddProblem(prefix, Problem{Path: p.Field, Rule: p.Rule, Param: p.Param})
	}
}

// Len returns the number of problems recorded.
func (ps *Problems) Len() int { return len(ps.list) }

// List returns the problems recorded, in order.
func (ps *Problems) List() []Problem { return ps.list }

// Err returns a [*ValidationError] for op unwrapping to kinds, or nil when
// no problem was recorded.
func (ps *Problems) Err(op string, kinds ...error) error {
	return NewValidationError(op, ps.list, kinds...)
}

func joinPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case path[0] == '[':
		return prefix + path
	}
	return prefix + "." + path
}

// RuleMessage returns the English sentence for a rule and its parameter:
// RuleMessage("gte", "0") is "must be at least 0", RuleMessage("required",
// "") is "is required". Rules it does not know read "breaks rule NAME".
func RuleMessage(rule, param string) string {
	switch rule {
	case "required":
		if param != "" {
			return "is required for " + param
		}
		return "is required"
	case "gte", "dgte", "min":
		return "must be at least " + param
	case "gt", "dgt":
		return "must be greater than " + param
	case "lte", "dlte", "max":
		return "must be at most " + param
	case "lt", "dlt":
		return "must be less than " + param
	case "len":
		return "must have length " + param
	case "max_length":
		return "must be at most " + param + " characters"
	case "min_length":
		return "must be at least " + param + " characters"
	case "oneof", "enum":
		if param == "" {
			return "is not one of the allowed values"
		}
		return "must be one of " + param
	case "unique":
		return "must be unique"
	case "currency":
		return "must be an ISO 4217 currency code"
	case "langtag":
		return "must be a BCP 47 language tag"
	case "cvr":
		return "must be a Danish CVR number"
	case "vatid":
		return "must be an EU VAT number"
	case "vat_prefix":
		return "must be written with the VAT prefix " + param + " (VIES)"
	case "iso3166_1_alpha2":
		return "must be a two-letter country code"
	case "gtefield", "ltefield", "gtfield", "ltfield", "eqfield", "nefield":
		return "must be " + fieldRelation[rule] + " " + param
	case "eq":
		return "must be " + param
	case "ne":
		return "must not be " + param
	case "uppercase":
		return "must be upper case"
	case "lowercase":
		return "must be lower case"
	case "required_if":
		return "is required when " + param
	case "excluded_if":
		return "must not be set when " + param
	case "months":
		return "must be a whole, positive number of months"
	case "param":
		return "is not a parameter of the terms"
	case "conflict":
		return "conflicts with " + param + ": documents of equal rank set it with no priority between them"
	case "empty":
		return "must not be empty"
	case "reversed":
		return "must open before it closes"
	case "overlap":
		return "overlaps " + param
	case "syntax":
		return "cannot be read"
	case "unknown":
		return "is not known"
	case "excluded", "forbidden":
		return "must not be set"
	}
	if param != "" {
		return "breaks rule " + rule + "(" + param + ")"
	}
	return "breaks rule " + rule
}

var fieldRelation = map[string]string{
	"gtefield": "at least", "ltefield": "at most", "gtfield": "greater than",
	"ltfield": "less than", "eqfield": "equal to", "nefield": "different from",
}
