package billing

import (
	"encoding/json"
	"unsafe"
)

var (
	creditNoteCost       = listCost(unsafe.Sizeof(CreditNoteLine{}))
	creditInputCost      = listCost(unsafe.Sizeof(CreditLine{}))
	statementInputCost   = listCost(unsafe.Sizeof(Invoice{}))
	accountStatementCost = listCost(unsafe.Sizeof(StatementLine{}))
)

// UnmarshalJSON reads a credit note in the form encoding/json writes it.
//
// Memory: at most 16 bytes per input byte plus 64 KiB. Input dense enough
// in lines, VAT summaries or citations to cost more, such as a million
// empty lines ({},), is refused with a [*contract.ValidationError] of rule
// "too_dense" before it is decoded.
func (n *CreditNote) UnmarshalJSON(b []byte) error {
	if creditNoteCost.Dense(b) {
		return problem("decode credit note", "", "too_dense", "")
	}
	type plain CreditNote
	return json.Unmarshal(b, (*plain)(n))
}

// UnmarshalJSON reads a credit note input in the form encoding/json
// writes it, within the same bound as [CreditNote.UnmarshalJSON].
func (in *CreditNoteInput) UnmarshalJSON(b []byte) error {
	if creditInputCost.Dense(b) {
		return problem("decode credit note input", "", "too_dense", "")
	}
	type plain CreditNoteInput
	return json.Unmarshal(b, (*plain)(in))
}

// UnmarshalJSON reads a statement input in the form encoding/json writes
// it.
//
// Memory: at most 16 bytes per input byte plus 64 KiB. Input dense enough
// in invoices, payments or other list elements to cost more, such as a
// million empty invoices ({},), is refused with a
// [*contract.ValidationError] of rule "too_dense" before it is decoded.
func (in *StatementInput) UnmarshalJSON(b []byte) error {
	if statementInputCost.Dense(b) {
		return problem("decode statement input", "", "too_dense", "")
	}
	type plain StatementInput
	return json.Unmarshal(b, (*plain)(in))
}

// UnmarshalJSON reads a statement of account in the form encoding/json
// writes it, within the same bound as [StatementInput.UnmarshalJSON].
func (s *AccountStatement) UnmarshalJSON(b []byte) error {
	if accountStatementCost.Dense(b) {
		return problem("decode account statement", "", "too_dense", "")
	}
	type plain AccountStatement
	return json.Unmarshal(b, (*plain)(s))
}
