package billing

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// errShape reports JSON that is well formed but not the object a decoder
// expects.
var errShape = errors.New("not the expected object")

// maxKeys is the most keys decodeObject reads in one object: pimkit writes
// a handful, and a megabyte of repeated keys is refused early.
const maxKeys = 64

// decodeObject reads the JSON object b key by key, calling field with the
// decoder positioned at each key's value; field returns false for a key it
// does not know, whose value is skipped. More than maxKeys keys is an
// error. Unlike json.Unmarshal into a
// slice it lets the caller check each element as it is read, so a
// megabyte of empty or broken elements is refused at the first one
// instead of being held in memory: the decoders built on it allocate at
// most a small multiple of their input.
func decodeObject(b []byte, field func(key string, dec *json.Decoder) (bool, error)) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	for keys := 0; dec.More(); keys++ {
		if keys == maxKeys {
			return fmt.Errorf("%w: more than %d keys", errShape, maxKeys)
		}
		t, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := t.(string)
		known, err := field(key, dec)
		if err != nil {
			return err
		}
		if !known {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return err
			}
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("%w: data after the object", errShape)
	}
	return nil
}

// decodeArray reads the JSON array at dec's position, calling elem for
// each element with the decoder positioned at it. null is an empty array.
func decodeArray(dec *json.Decoder, elem func(dec *json.Decoder) error) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if t == nil {
		return nil
	}
	if d, ok := t.(json.Delim); !ok || d != '[' {
		return fmt.Errorf("%w: want an array", errShape)
	}
	for dec.More() {
		if err := elem(dec); err != nil {
			return err
		}
	}
	return expectDelim(dec, ']')
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); !ok || d != want {
		return fmt.Errorf("%w: want %v", errShape, want)
	}
	return nil
}
