package sla

import (
	"encoding/json"
	"unsafe"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/jsonbound"
)

// inputCost prices an Input's JSON: each outage, window or gap ({},) may
// cost eight times the largest of them, with the slice's growth and a
// copy.
var inputCost = func() jsonbound.Cost {
	h := 8 * int(max(unsafe.Sizeof(Outage{}), unsafe.Sizeof(Window{}), unsafe.Sizeof(Gap{})))
	return jsonbound.Cost{Heavy: h, Light: h, Member: 16}
}()

// UnmarshalJSON reads an Input in the form encoding/json writes it.
//
// Memory: at most 16 bytes per input byte plus 64 KiB. Input dense enough
// in outages, windows or gaps to cost more, such as a million empty
// outages ({},), is refused with a [*contract.ValidationError] of rule
// "too_dense" wrapping [ErrInvalidOutage] before it is decoded; real
// elements, with their instants, are far below it.
func (in *Input) UnmarshalJSON(b []byte) error {
	if inputCost.Dense(b) {
		return contract.NewValidationError("decode sla input", []contract.Problem{{Rule: "too_dense"}}, ErrInvalidOutage)
	}
	type plain Input
	return json.Unmarshal(b, (*plain)(in))
}
