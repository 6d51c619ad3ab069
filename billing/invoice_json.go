package billing

import (
	"encoding/json"
	"unsafe"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/jsonbound"
)

// invoiceCost prices an invoice's JSON: each line, VAT summary or
// citation ({},) may cost an InvoiceLine with the slice's growth.
var invoiceCost = jsonbound.Cost{Heavy: 8 * int(unsafe.Sizeof(InvoiceLine{})), Light: 8 * int(unsafe.Sizeof(InvoiceLine{})), Member: 16}

// UnmarshalJSON reads an invoice in the form encoding/json writes it.
//
// Memory: at most 16 bytes per input byte plus 64 KiB. Input dense enough
// in lines, VAT summaries or citations to cost more, such as a million
// empty lines ({},), is refused with a [*contract.ValidationError] of rule
// "too_dense" at the path "" before it is decoded; real invoices, whose
// lines are a hundred bytes of JSON or more, are far below it.
//
// A struct that embeds Invoice gets this method: give it an UnmarshalJSON
// of its own to read its other fields from JSON.
func (inv *Invoice) UnmarshalJSON(b []byte) error {
	if invoiceCost.Dense(b) {
		return problem("decode invoice", "", "too_dense", "")
	}
	type plain Invoice
	return json.Unmarshal(b, (*plain)(inv))
}

// listCost prices a JSON text whose arrays hold elements of size bytes:
// each may cost eight times that with the slice's growth and a copy.
func listCost(size uintptr) jsonbound.Cost {
	h := max(8*int(size), 8*int(unsafe.Sizeof(contract.Citation{})))
	return jsonbound.Cost{Heavy: h, Light: h, Member: 16}
}

var (
	debtCost       = listCost(unsafe.Sizeof(Payment{}))
	collectionCost = listCost(unsafe.Sizeof(Demand{}))
	statementCost  = listCost(unsafe.Sizeof(InterestLine{}))
	inputCost      = listCost(unsafe.Sizeof(Line{}))
)

// UnmarshalJSON reads a debt in the form encoding/json writes it.
//
// Memory: at most 16 bytes per input byte plus 64 KiB. Input dense enough
// in payments to cost more, such as a million empty payments ({},), is
// refused with a [*contract.ValidationError] of rule "too_dense" before
// it is decoded.
func (d *Debt) UnmarshalJSON(b []byte) error {
	if debtCost.Dense(b) {
		return problem("decode debt", "", "too_dense", "")
	}
	type plain Debt
	return json.Unmarshal(b, (*plain)(d))
}

// UnmarshalJSON reads a collection in the form encoding/json writes it.
//
// Memory: at most 16 bytes per input byte plus 64 KiB. Input dense enough
// in demands to cost more, such as a million empty demands ({},), is
// refused with a [*contract.ValidationError] of rule "too_dense" before
// it is decoded.
func (c *Collection) UnmarshalJSON(b []byte) error {
	if collectionCost.Dense(b) {
		return problem("decode collection", "", "too_dense", "")
	}
	type plain Collection
	return json.Unmarshal(b, (*plain)(c))
}

// UnmarshalJSON reads an interest statement in the form encoding/json
// writes it.
//
// Memory: at most 16 bytes per input byte plus 64 KiB. Input dense enough
// in lines or citations to cost more, such as a million empty lines
// ({},), is refused with a [*contract.ValidationError] of rule
// "too_dense" before it is decoded.
func (s *InterestStatement) UnmarshalJSON(b []byte) error {
	if statementCost.Dense(b) {
		return problem("decode interest statement", "", "too_dense", "")
	}
	type plain InterestStatement
	return json.Unmarshal(b, (*plain)(s))
}

// UnmarshalJSON reads an invoice input in the form encoding/json writes
// it.
//
// Memory: at most 16 bytes per input byte plus 64 KiB. Input dense enough
// in lines to cost more, such as a million empty lines ({},), is refused
// with a [*contract.ValidationError] of rule "too_dense" before it is
// decoded.
func (in *InvoiceInput) UnmarshalJSON(b []byte) error {
	if inputCost.Dense(b) {
		return problem("decode invoice input", "", "too_dense", "")
	}
	type plain InvoiceInput
	return json.Unmarshal(b, (*plain)(in))
}
