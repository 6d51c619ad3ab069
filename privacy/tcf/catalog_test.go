package tcf

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/explain"
	"golang.org/x/text/language"
)

// TestEveryReasonHasDanish checks that every message key of the package
// (a msg constant) has a Danish text in the catalog that holds it, so no reason falls
// back to English in Danish.
func TestEveryReasonHasDanish(t *testing.T) {
	keys := messageKeys(t, ".")
	if len(keys) < 15 {
		t.Fatalf("found %d message keys, want the package's", len(keys))
	}
	for name, key := range keys {
		r := contract.NewReason(explain.Lookup(key), key)
		if r.In(language.Danish) == r.In(language.English) {
			t.Errorf("%s (%q) has no Danish text", name, key)
		}
	}
}

// messageKeys returns the string constants named msg... in the non-test
// files of dir.
func messageKeys(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			for i, name := range vs.Names {
				if !strings.HasPrefix(name.Name, "msg") || i >= len(vs.Values) {
					continue
				}
				if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil {
						keys[name.Name] = s
					}
				}
			}
			return true
		})
	}
	return keys
}
