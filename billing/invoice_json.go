package billing

import (
	"encoding/json"
	"unsafe"

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
