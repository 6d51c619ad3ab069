package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// decodeList reads the JSON array raw into a slice one element at a time,
// refusing it with an error wrapping [ErrInvalidInput] once it holds more
// than max elements: a hostile list of a million "{}" costs what max
// elements cost, not a million structs. null and an absent list give nil.
func decodeList[T any](raw json.RawMessage, max int, what string) ([]T, error) {
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return nil, fmt.Errorf("%w: %s is not a list", ErrInvalidInput, what)
	}
	var out []T
	for dec.More() {
		if len(out) == max {
			return nil, fmt.Errorf("%w: %s has more than %d entries", ErrInvalidInput, what, max)
		}
		var v T
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// MaxVATRates is the most rates a [VATTable] holds: its validate tag
// refuses more, and JSON with more is an error.
const MaxVATRates = 1000

// UnmarshalJSON reads {"rates":[...]}, the rates one at a time: more than
// [MaxVATRates] is an error wrapping [ErrInvalidInput]. It allocates at
// most 16 bytes per input byte plus 64 KiB.
func (t *VATTable) UnmarshalJSON(b []byte) error {
	var v struct {
		Rates json.RawMessage `json:"rates"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	rates, err := decodeList[VATRate](v.Rates, MaxVATRates, "rates")
	if err != nil {
		return err
	}
	t.Rates = rates
	return nil
}

// MaxThresholds is the most thresholds a [Capacity] holds: its validate
// tag refuses more, and JSON with more is an error.
const MaxThresholds = 100

// UnmarshalJSON reads a capacity rule as its struct tags say, the
// thresholds one at a time: more than [MaxThresholds] is an error wrapping
// [ErrInvalidInput]. It allocates at most 16 bytes per input byte plus
// 64 KiB.
func (c *Capacity) UnmarshalJSON(b []byte) error {
	type plain Capacity
	var v struct {
		*plain
		Thresholds json.RawMessage `json:"thresholds"`
	}
	var out Capacity
	v.plain = (*plain)(&out)
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	ts, err := decodeList[Decimal](v.Thresholds, MaxThresholds, "thresholds")
	if err != nil {
		return err
	}
	out.Thresholds = ts
	*c = out
	return nil
}
