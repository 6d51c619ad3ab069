package catalog

import (
	"encoding/json"
	"unsafe"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/jsonbound"
)

// Every decoder of the package allocates at most 16 bytes per input byte
// plus 64 KiB. encoding/json allocates per value, not per byte: a list of
// a million empty objects ({},) would become a million structs of tens or
// hundreds of bytes each. So each JSON decoder first counts, without
// allocating, the objects, array elements and object members of its
// input, prices them at what decoding one may cost (measured on runs of
// empty elements, the worst case), and refuses input whose price is above
// the bound with a problem of rule [RuleTooDense] at the path "" before
// decoding it. Real documents are far below it.

// The prices of one element, by decoder.
var (
	treeCost   = jsonbound.Cost{Heavy: 6 * int(unsafe.Sizeof(CategoryNode{})), Light: 6 * int(unsafe.Sizeof(CategoryNode{})), Member: 16}
	schemaCost = jsonbound.Cost{Heavy: 2 * int(unsafe.Sizeof(Field{})), Light: 2 * int(unsafe.Sizeof(Field{})), Member: 16}
	orderCost  = jsonbound.Cost{Heavy: 6 * int(unsafe.Sizeof(OrderLine{})), Light: 6 * int(unsafe.Sizeof(OrderLine{})), Member: 16}
	valueCost  = jsonbound.Cost{Heavy: 400, Light: 160, Member: 64}
	// exchangeCost prices a record in the JSON exchange form: a value
	// ({"locale":..,"data":..}) may cost some 1000 bytes to decode (a
	// number's data is parsed), a category a string.
	exchangeCost = jsonbound.Cost{Heavy: 600, Light: 128, Member: 100}
	// recordCost prices a stored Record: a value
	// ({"field":..,"value":{"kind":..,"data":..}}) may cost some 1000
	// bytes to decode.
	recordCost = jsonbound.Cost{Heavy: 640, Light: 128, Member: 100}
)

// tooDense refuses b, read by op, when decoding it at cost c could
// allocate more than the bound.
func tooDense(op string, c jsonbound.Cost, b []byte) error {
	if !c.Dense(b) {
		return nil
	}
	return invalid(op, []contract.Problem{{Rule: RuleTooDense}})
}

// UnmarshalJSON reads a schema in the form encoding/json writes it.
//
// Memory: at most 16 bytes per input byte plus 64 KiB. Input dense enough
// in fields or options to cost more, such as a million empty fields
// ({},), is refused with rule [RuleTooDense] before it is decoded.
func (s *Schema) UnmarshalJSON(b []byte) error {
	if err := tooDense("decode schema", schemaCost, b); err != nil {
		return err
	}
	// The fields are counted first (a slice of empty structs costs
	// nothing) and decoded into a slice of that size, so that a field
	// costs its size, not three times it as appends would.
	var count struct {
		Fields []struct{} `json:"fields"`
	}
	if json.Unmarshal(b, &count) == nil && len(count.Fields) > cap(s.Fields) {
		s.Fields = make([]Field, 0, len(count.Fields))
	}
	type plain Schema
	return json.Unmarshal(b, (*plain)(s))
}

// UnmarshalJSON reads an order in the form encoding/json writes it.
//
// Memory: at most 16 bytes per input byte plus 64 KiB. Input dense enough
// in lines to cost more, such as a million empty lines ({},), is refused
// with rule [RuleTooDense] before it is decoded.
func (o *Order) UnmarshalJSON(b []byte) error {
	if err := tooDense("decode order", orderCost, b); err != nil {
		return err
	}
	type plain Order
	return json.Unmarshal(b, (*plain)(o))
}

// UnmarshalJSON reads a record in the form encoding/json writes it (not
// the exchange form of [Compiled.DecodeJSON]).
//
// Memory: at most 16 bytes per input byte plus 64 KiB. Input dense enough
// in values or categories to cost more, such as a million empty values
// ({},), is refused with rule [RuleTooDense] before it is decoded.
func (r *Record) UnmarshalJSON(b []byte) error {
	if err := tooDense("decode record", recordCost, b); err != nil {
		return err
	}
	type plain Record
	return json.Unmarshal(b, (*plain)(r))
}
