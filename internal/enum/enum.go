// Package enum gives every pimkit enum one text form: snake_case names,
// the same String, MarshalText and UnmarshalText behaviour in every
// package, and errors that wrap the package's own sentinel.
//
// A package declares its names once, indexed by value, with "" for values
// that have no name (usually the zero value):
//
//	var statusNames = enum.Names{Draft: "draft", Active: "active"}
//	func (s Status) String() string               { return enum.String(statusNames, s, "Status") }
//	func (s Status) MarshalText() ([]byte, error) { return enum.Marshal(statusNames, s, "status", ErrSyntax) }
//	func (s *Status) UnmarshalText(b []byte) error { return enum.Unmarshal(statusNames, b, s, "status", ErrSyntax) }
package enum

import (
	"fmt"
	"strconv"
	"strings"
)

// Names maps each value to its snake_case text; "" marks a value without
// a name.
type Names []string

// Integer is the underlying type of pimkit's enums.
type Integer interface {
	~uint8 | ~uint16 | ~int8 | ~int16 | ~int
}

func (n Names) name(v int) (string, bool) {
	if v >= 0 && v < len(n) && n[v] != "" {
		return n[v], true
	}
	return "", false
}

// String returns the name of v, or "Type(v)" for a value without one.
func String[T Integer](n Names, v T, typ string) string {
	if s, ok := n.name(int(v)); ok {
		return s
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")"
}

// Marshal returns the name of v as text; a value without a name is an
// error wrapping kind ("billing: syntax error: customer kind 0 has no
// name").
func Marshal[T Integer](n Names, v T, what string, kind error) ([]byte, error) {
	if s, ok := n.name(int(v)); ok {
		return []byte(s), nil
	}
	return nil, fmt.Errorf("%w: %s %d has no name", kind, what, int(v))
}

// Parse returns the value named by text; unknown text, including "", is an
// error wrapping kind that names what was expected ("billing: syntax
// error: unknown customer kind, want one of business, private_consumer") and
// never quotes the text, which may be anything a user typed. It does not
// allocate for known text; the error lists at most 16 names.
func Parse[T Integer](n Names, text []byte, what string, kind error) (T, error) {
	for i, s := range n {
		if s != "" && s == string(text) {
			return T(i), nil
		}
	}
	return 0, fmt.Errorf("%w: unknown %s, want one of %s", kind, what, n.list())
}

// list returns the names, comma-separated, at most 16 of them.
func (n Names) list() string {
	var b strings.Builder
	count := 0
	for _, s := range n {
		if s == "" {
			continue
		}
		if count == 16 {
			b.WriteString(", ...")
			break
		}
		if count > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s)
		count++
	}
	return b.String()
}

// Unmarshal parses text into *v, leaving *v unchanged on error.
func Unmarshal[T Integer](n Names, text []byte, v *T, what string, kind error) error {
	x, err := Parse[T](n, text, what, kind)
	if err == nil {
		*v = x
	}
	return err
}
