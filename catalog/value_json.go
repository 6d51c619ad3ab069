package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// MarshalJSON writes v as {"kind":"price","data":...}: the kind
// ([Value.Kind]) and the data in the form of the record exchange format
// ([Compiled.EncodeJSON]): text, option and date as strings
// ("2026-01-31"), a number as a string keeping its scale ("18.50"), a
// measurement as {"amount":"0.25","unit":"KILOGRAM"}, prices as an array
// of {"amount":"199.00","currency":"DKK"}, a boolean as true or false,
// options as an array of codes and assets as an array of
// {"ref":"img/a.jpg","size":1234}. The empty Value is null.
func (v Value) MarshalJSON() ([]byte, error) {
	if v.kind == kindEmpty {
		return []byte("null"), nil
	}
	b := make([]byte, 0, 64)
	b = append(b, `{"kind":"`...)
	b = append(b, kindNames[v.kind]...)
	b = append(b, `","data":`...)
	b = appendData(b, v)
	return append(b, '}'), nil
}

type valueJSON struct {
	Kind string          `json:"kind"`
	Data json.RawMessage `json:"data"`
}

// UnmarshalJSON reads the form [Value.MarshalJSON] writes; null leaves v
// unchanged. Numbers and amounts are read exactly, at most 100 characters
// each; an unknown kind or data that does not fit it is an error wrapping
// [ErrSyntax] that does not quote the input.
//
// Memory: at most 16 bytes per input byte plus 64 KiB. Data dense enough
// in tiny elements to cost more, such as a million empty options ("",) or
// assets ({},), is refused with rule [RuleTooDense] before it is decoded.
func (v *Value) UnmarshalJSON(b []byte) error {
	if err := tooDense("decode value", valueCost, b); err != nil {
		return err
	}
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return nil
	}
	var j valueJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: value is not a {\"kind\",\"data\"} object", ErrSyntax)
	}
	k := kindEmpty
	for i, n := range kindNames {
		if i > 0 && n == j.Kind {
			k = valueKind(i)
		}
	}
	if k == kindEmpty {
		return fmt.Errorf("%w: unknown value kind", ErrSyntax)
	}
	x, ok := decodeKind(k, j.Data)
	if !ok {
		return fmt.Errorf("%w: value data is not of kind %s", ErrSyntax, kindNames[k])
	}
	*v = x
	return nil
}
