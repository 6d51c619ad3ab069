// Package roundtrip is the test harness behind rule 8 of pimkit's design:
// every exported value survives encoding/json and compares equal with
// go-cmp without options. Each package's round-trip test hands it the
// package's sources, one sample per value type (every field set) and the
// short list of exported types that are not values, with the reason; the
// harness fails the test for a type on neither list, so a new type cannot
// slip past.
//
// It is used by tests only; go-cmp stays out of the library because the
// caller passes the comparison in.
package roundtrip

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Table lists what a package's round-trip test covers.
type Table struct {
	// Samples holds one value per exported value type, with every field
	// set to something other than its zero value.
	Samples []any
	// NotValues names the exported types that hold no data to store
	// (interfaces, function types, error types, builders) with the reason.
	NotValues map[string]string
	// Partial names sample types whose zero fields are allowed, with the
	// reason (a field that only one variant of the value sets).
	Partial map[string]string
}

// Types returns the names of the exported types declared in the Go files
// of src that are not tests, sorted.
func Types(src fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(src, ".")
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		b, err := fs.ReadFile(src, n)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, n, b, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE {
				continue
			}
			for _, s := range g.Specs {
				if ts := s.(*ast.TypeSpec); ts.Name.IsExported() {
					names = append(names, ts.Name.Name)
				}
			}
		}
	}
	slices.Sort(names)
	return names, nil
}

// Check runs the round trip for every sample of tab -- json.Marshal, then
// json.Unmarshal into a new value of the same type, then equal -- and
// fails t for a sample that does not come back equal (diff renders the
// difference), for a sample with a zero field, and for an exported type
// of src that is neither sampled nor listed as not a value. It returns
// the number of exported types covered.
func Check(t *testing.T, src fs.FS, tab Table, equal func(x, y any) bool, diff func(x, y any) string) int {
	t.Helper()
	names, err := Types(src)
	if err != nil {
		t.Fatalf("reading the package's sources: %v", err)
	}
	sampled := map[string]bool{}
	for _, s := range tab.Samples {
		typ := reflect.TypeOf(s)
		name := typ.Name()
		if sampled[name] {
			t.Errorf("%s is sampled twice", name)
		}
		sampled[name] = true
		t.Run(name, func(t *testing.T) {
			if _, ok := tab.Partial[name]; !ok {
				if f := zeroField(reflect.ValueOf(s)); f != "" {
					t.Errorf("sample %s leaves field %s zero: set every field", name, f)
				}
			}
			b, err := json.Marshal(s)
			if err != nil {
				t.Fatalf("json.Marshal(%s) = %v", name, err)
			}
			back := reflect.New(typ)
			if err := json.Unmarshal(b, back.Interface()); err != nil {
				t.Fatalf("json.Unmarshal(%s) = %v\n%s", name, err, b)
			}
			got := back.Elem().Interface()
			if !equal(s, got) {
				t.Errorf("%s does not survive JSON (-sent +read back):\n%s\njson: %s", name, diff(s, got), b)
			}
		})
	}
	covered := 0
	for _, n := range names {
		_, notValue := tab.NotValues[n]
		switch {
		case sampled[n] && notValue:
			t.Errorf("%s is both sampled and listed as not a value", n)
		case sampled[n] || notValue:
			covered++
		default:
			t.Errorf("exported type %s is neither in the round-trip table nor listed as not a value (with the reason)", n)
		}
	}
	for n := range tab.NotValues {
		if !slices.Contains(names, n) {
			t.Errorf("%s is listed as not a value but the package declares no such type", n)
		}
	}
	t.Logf("round trip: %d exported types, %d values round-trip, %d listed as not values", len(names), len(tab.Samples), len(tab.NotValues))
	return covered
}

// zeroField returns the path of the first exported field of v that holds
// its zero value, or "".
func zeroField(v reflect.Value) string {
	if v.Kind() != reflect.Struct {
		if v.IsZero() {
			return "(the value itself)"
		}
		return ""
	}
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if v.Field(i).IsZero() {
			return f.Name
		}
	}
	return ""
}
