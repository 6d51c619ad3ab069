// Package jsonbound prices what decoding a JSON text may allocate, so that
// a decoder can refuse, before decoding, input dense enough in tiny
// elements to cost more than the library's decoder bound: 16 bytes per
// input byte plus 64 KiB. encoding/json allocates per value, not per byte:
// an array of 300,000 empty objects "{}" in 1 MiB becomes 300,000 structs
// of tens or hundreds of bytes each.
package jsonbound

const (
	// PerByte and Fixed are the allocation bound of a decoder: PerByte
	// bytes per input byte plus Fixed.
	PerByte = 16
	Fixed   = 64 << 10
)

// Bound is the most a decoder may allocate for n input bytes.
func Bound(n int) int { return PerByte*n + Fixed }

// Cost prices a JSON text, on top of twice its bytes (strings are copied):
// Heavy for each array element that is an object or null (a struct of the
// array's element type, counting the slice's growth and a copy), Light for
// each other array element, and Member for each member of an object (a map
// entry, or a field).
type Cost struct{ Heavy, Light, Member int }

// Price counts, outside strings, the array elements and object members of
// b, and returns their price. Containers nested deeper than 64 levels are
// priced as arrays.
func (c Cost) Price(b []byte) int {
	m := Meter{Cost: c}
	m.Feed(b)
	return m.total + m.price + 2*len(b)
}

// Dense reports whether decoding b could allocate more than the bound.
func (c Cost) Dense(b []byte) bool { return c.Price(b) > Bound(len(b)) }

// Meter prices a stream of JSON values as it is read, a piece at a time,
// each top-level value on its own: Feed reports whether one that ended
// was dense. The zero Meter prices nothing; set Cost.
type Meter struct {
	Cost
	isObj           uint64 // bit d set when the container at depth d is an object
	depth           int
	in, esc, start  bool // start: a value may begin here
	total, price, n int  // price and bytes of the current top-level value
}

// Feed prices b, the next bytes of the stream, and reports whether a
// top-level value that ended in b could cost more than the bound to
// decode.
func (m *Meter) Feed(b []byte) (dense bool) {
	c := m.Cost
	isObj, depth, in, esc, start := m.isObj, m.depth, m.in, m.esc, m.start
	price, n0 := m.price, m.n
	last := 0 // start in b of the current top-level value's bytes
	for i, ch := range b {
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
				price += c.Member
			case ch == '{' || ch == 'n':
				price += c.Heavy
			default:
				price += c.Light
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
			if depth == 0 {
				n := n0 + i + 1 - last
				if 2*n+price > Bound(n) {
					dense = true
				}
				m.total += price
				price, n0, last = 0, 0, i+1
			}
		case ',':
			start = true
		}
	}
	m.isObj, m.depth, m.in, m.esc, m.start = isObj, depth, in, esc, start
	m.price, m.n = price, n0+len(b)-last
	return dense
}
