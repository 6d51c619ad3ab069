package contract

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEveryRuleIsTested walks the clause registry and fails for a clause
// of kind rule that no test in the module cites, found by reading every
// _test.go file of the module (the registry's own tests excepted).
func TestEveryRuleIsTested(t *testing.T) {
	var src strings.Builder
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "examples" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") || filepath.Base(path) == "clauses_test.go" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		src.Write(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	text := src.String()
	rules := 0
	for _, c := range Clauses() {
		if c.Kind != ClauseRule {
			continue
		}
		rules++
		re := regexp.MustCompile(regexp.QuoteMeta(c.ID) + `([^0-9.]|\.[^0-9]|$)`)
		if !re.MatchString(text) {
			t.Errorf("clause %s (%s) is a rule that no test cites", c.ID, c.Heading)
		}
	}
	if rules < 41 {
		t.Errorf("only %d rules in the registry, want the 41 the registry gives", rules)
	}
}

// TestClauseAPIExists checks that every name a clause points to exists:
// "Terms.Notice" in this package, "sla.Compute" in package sla, "Breach.ProcessorNotice" as a method.
func TestClauseAPIExists(t *testing.T) {
	decls := map[string]map[string]bool{}
	load := func(pkg string) map[string]bool {
		if m, ok := decls[pkg]; ok {
			return m
		}
		dir := "."
		if pkg != "contract" {
			dir = filepath.Join("..", pkg)
		}
		m := map[string]bool{}
		fset := token.NewFileSet()
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range af.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Recv == nil {
						m[d.Name.Name] = true
						continue
					}
					rt := d.Recv.List[0].Type
					if st, ok := rt.(*ast.StarExpr); ok {
						rt = st.X
					}
					if id, ok := rt.(*ast.Ident); ok {
						m[id.Name+"."+d.Name.Name] = true
					}
				case *ast.GenDecl:
					for _, sp := range d.Specs {
						switch sp := sp.(type) {
						case *ast.TypeSpec:
							m[sp.Name.Name] = true
							if st, ok := sp.Type.(*ast.StructType); ok {
								for _, fl := range st.Fields.List {
									for _, n := range fl.Names {
										m[sp.Name.Name+"."+n.Name] = true
									}
								}
							}
						case *ast.ValueSpec:
							for _, n := range sp.Names {
								m[n.Name] = true
							}
						}
					}
				}
			}
		}
		decls[pkg] = m
		return m
	}
	for _, c := range Clauses() {
		if (c.Kind == ClauseProse) != (len(c.API) == 0) {
			t.Errorf("%s: kind %s with API %v; prose has no API and the others have one", c.ID, c.Kind, c.API)
		}
		if c.Kind == ClauseProse && c.Note == "" {
			t.Errorf("%s: prose without a note saying why it decides nothing", c.ID)
		}
		for _, name := range c.API {
			pkg, ident := "contract", name
			if p, rest, ok := strings.Cut(name, "."); ok && strings.ToLower(p[:1]) == p[:1] {
				pkg, ident = p, rest
			}
			if !load(pkg)[ident] {
				t.Errorf("%s names %s, which package %s does not declare", c.ID, name, pkg)
			}
		}
	}
}

// termsClauses lists every numbered clause of the OpenDIMS terms: 1.1 to
// 20.2, with the two examples under 14.2.
var termsClauses = strings.Fields(`1.1 1.2 1.3 2.1 3.1 3.2 4.1 4.2 4.3 4.4 5.1 6.1 6.2 6.3 7.1 7.2 8.1
	9.1 9.2 9.3 10.1 10.2 11.1 11.2 11.3 11.4 11.5 12.1 12.2 12.3 12.4 12.5 13.1 14.1 14.2 14.2.1
	14.2.2 14.3 15.1 15.2 15.3 16.1 17.1 17.2 17.3 18.1 18.2 18.3 19.1 19.2 19.3 19.4 19.5 19.6
	19.7 20.1 20.2`)

func TestClauseRegistry(t *testing.T) {
	cs := Clauses()
	if len(cs) != len(termsClauses) || len(cs) != 57 {
		t.Fatalf("Clauses() has %d entries, want the terms' 57", len(cs))
	}
	for i, c := range cs {
		if c.Citation.Ref != termsClauses[i] {
			t.Errorf("Clauses()[%d] = %s, want terms %s (clause order)", i, c.ID, termsClauses[i])
		}
		if c.Heading == "" || c.ID != c.Citation.String() || c.Kind.String() == "" {
			t.Errorf("bad registry entry %+v", c)
		}
		if _, ok := ClauseByID(termsClauses[i]); !ok {
			t.Errorf("ClauseByID(%q) = false", termsClauses[i])
		}
	}
	for _, id := range []string{"5.1", "7.2", "11.1", "13.1", "15.2", "16.1", "19.3"} {
		if _, ok := ClauseByID("terms " + id); !ok {
			t.Errorf("ClauseByID(terms %s) = false, want the clause", id)
		}
	}
	tests := []struct {
		name, id, want string
		ok             bool
	}{
		{"by full ID", "terms 12.3", "terms 12.3", true},
		{"by number", "12.3", "terms 12.3", true},
		{"a sub-sub-clause", "terms 14.2.1", "terms 14.2.1", true},
		{"not in the terms", "terms 21.1", "", false},
		{"other source", "GDPR Art. 12(3)", "", false},
	}
	for _, tt := range tests {
		c, ok := ClauseByID(tt.id)
		if ok != tt.ok || c.ID != tt.want {
			t.Errorf("%s: ClauseByID(%q) = %q, %v; want %q, %v", tt.name, tt.id, c.ID, ok, tt.want, tt.ok)
		}
	}
	cs[1].API[0] = "changed"
	if Clauses()[1].API[0] == "changed" {
		t.Error("Clauses() shares its API slices with the registry")
	}
	if got := compareRefs("2.1", "12.1"); got != -1 {
		t.Errorf("compareRefs(2.1, 12.1) = %d, want -1", got)
	}
}
