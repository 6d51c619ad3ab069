package privacy

import "github.com/pimkit/pimkit/contract"

// Every JSON decoder of the package ([Ledger], [AgeTable], [PolicyHistory]
// and [Taxonomy] UnmarshalJSON) allocates at most 16 bytes per input byte
// plus 64 KiB. encoding/json allocates per value, not per byte: an array of
// 300,000 empty objects "{}" in 1 MiB would become 300,000 structs of
// hundreds of bytes each. So each decoder first counts, without
// allocating, the objects and array elements of its input, prices them at
// what decoding one may cost, and refuses input whose price is above the
// bound with rule "max_length" at the path "" before decoding it. Real
// documents are far below it: an object costs a few hundred bytes and
// takes tens of bytes of JSON. Validation then lists at most maxProblems
// problems.
const (
	// maxProblems is the number of problems a decoder or constructor
	// lists before it stops looking.
	maxProblems = 100
	// boundPerByte and boundFixed are the allocation bound of a decoder:
	// boundPerByte bytes per input byte plus boundFixed.
	boundPerByte = 16
	boundFixed   = 64 << 10
)

// jsonCost prices what decoding a JSON text into the package's types may
// allocate, on top of twice the text's bytes (strings are copied): heavy
// for each array element that is an object or null (a struct of the
// array's element type, counting the slice's growth and a copy),
// light for each other array element, and member for each member of an
// object (a map entry, or a field).
type jsonCost struct{ heavy, light, member int }

// price counts, outside strings, the array elements and object members of
// b, and returns their price. Containers nested deeper than 64 levels are
// priced as arrays.
func (c jsonCost) price(b []byte) int {
	var isObj uint64 // bit d set when the container at depth d is an object
	depth := 0
	cost := 2 * len(b)
	in, esc, start := false, false, false // start: a value may begin here
	for _, ch := range b {
		switch {
		case esc:
			esc = false
			continue
		case in:
			switch ch {
			case '\\':
				esc = true
			case '"':
				in = false
			}
			continue
		case ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r':
			continue
		}
		obj := depth > 0 && depth <= 64 && isObj&(1<<(depth-1)) != 0
		if start && depth > 0 && ch != ']' && ch != '}' {
			switch {
			case obj:
				cost += c.member
			case ch == '{' || ch == 'n':
				cost += c.heavy
			default:
				cost += c.light
			}
		}
		start = false
		switch ch {
		case '"':
			in = true
		case '{', '[':
			depth++
			if depth <= 64 {
				if ch == '{' {
					isObj |= 1 << (depth - 1)
				} else {
					isObj &^= 1 << (depth - 1)
				}
			}
			start = true
		case '}', ']':
			depth = max(depth-1, 0)
		case ',':
			start = true
		}
	}
	return cost
}

// check refuses b when decoding it could allocate more than the bound.
func (c jsonCost) check(op string, b []byte) error {
	if c.price(b) <= boundPerByte*len(b)+boundFixed {
		return nil
	}
	var ps contract.Problems
	ps.Add("", "too_dense", "")
	return ps.Err(op, ErrInvalid)
}
