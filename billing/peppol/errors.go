package peppol

import "errors"

// ErrInvalid is the kind of a [*contract.ValidationError] for a document
// that breaks a rule of Peppol BIS Billing 3.0 which [Document.Check],
// [Write] or [Read] checks, or an invoice a converter cannot express.
var ErrInvalid = errors.New("peppol: invalid document")

// ErrSyntax is the kind of an error for input that is not a UBL 2.1
// invoice or credit note: not well-formed XML, another root element, or
// beyond the reader's limits.
var ErrSyntax = errors.New("peppol: syntax error")
