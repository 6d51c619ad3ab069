package peppol

import (
	"encoding/json"
	"unsafe"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/jsonbound"
)

// documentCost prices a document's JSON: each array element ({},) may
// cost a Line with the slice's growth.
var documentCost = jsonbound.Cost{Heavy: 3 * int(unsafe.Sizeof(Line{})), Light: 3 * int(unsafe.Sizeof(Line{})), Member: 16}

// UnmarshalJSON reads a document in the form encoding/json writes it.
//
// Memory: at most 16 bytes per input byte plus 64 KiB. Input dense enough
// in list elements to cost more, such as a million empty lines ({},), is
// refused with a [*contract.ValidationError] of rule "too_dense" at the
// path "", wrapping [ErrSyntax], before it is decoded; a document's real
// lines, a few hundred bytes of JSON each, are far below it.
func (d *Document) UnmarshalJSON(b []byte) error {
	if documentCost.Dense(b) {
		var ps contract.Problems
		ps.Add("", "too_dense", "")
		return ps.Err("decode document", ErrSyntax)
	}
	type plain Document
	return json.Unmarshal(b, (*plain)(d))
}
