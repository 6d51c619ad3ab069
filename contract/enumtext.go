package contract

import (
	"fmt"
	"strconv"
)

// enumString returns names[v], or "Type(v)" for a value with no name.
func enumString(names []string, v int, typ string) string {
	if v > 0 && v < len(names) && names[v] != "" {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(v) + ")"
}

// enumMarshal returns names[v] as text; the zero or an unknown value is
// an error wrapping ErrInvalidInput.
func enumMarshal(names []string, v int, typ string) ([]byte, error) {
	if v > 0 && v < len(names) && names[v] != "" {
		return []byte(names[v]), nil
	}
	return nil, fmt.Errorf("%w: %s %d has no name", ErrInvalidInput, typ, v)
}

// enumUnmarshal returns the index of b in names; unknown text, including
// the empty string, is an error wrapping ErrInvalidInput.
func enumUnmarshal(names []string, b []byte, typ string) (int, error) {
	for i, n := range names {
		if n != "" && n == string(b) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%w: unknown %s %q", ErrInvalidInput, typ, truncate(string(b)))
}
