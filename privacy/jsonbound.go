package privacy

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/jsonbound"
)

// Every JSON decoder of the package ([Ledger], [AgeTable], [PolicyHistory]
// and [Taxonomy] UnmarshalJSON) allocates at most 16 bytes per input byte
// plus 64 KiB. encoding/json allocates per value, not per byte: an array of
// 300,000 empty objects "{}" in 1 MiB would become 300,000 structs of
// hundreds of bytes each. So each decoder first prices its input without
// allocating ([jsonbound.Cost]) and refuses input whose price is above the
// bound with rule "too_dense" at the path "" before decoding it. Real
// documents are far below it: an object costs a few hundred bytes and
// takes tens of bytes of JSON. Validation then lists at most maxProblems
// problems.

// maxProblems is the number of problems a decoder or constructor lists
// before it stops looking.
const maxProblems = 100

// refuseDense returns a *contract.ValidationError for op when decoding b
// into values priced by c could allocate more than the bound.
func refuseDense(c jsonbound.Cost, op string, b []byte) error {
	if !c.Dense(b) {
		return nil
	}
	var ps contract.Problems
	ps.Add("", "too_dense", "")
	return ps.Err(op, ErrInvalid)
}
