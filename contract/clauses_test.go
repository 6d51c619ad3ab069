package contract

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestEveryClauseIsTested walks the clause registry and fails for a
// clause ID that no test of the package cites, found by reading the
// package's _test.go files.
func TestEveryClauseIsTested(t *testing.T) {
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	var src strings.Builder
	for _, f := range files {
		if f == "clauses_test.go" {
			continue // the registry test names no clause by itself
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src.Write(b)
	}
	text := src.String()
	for _, c := range Clauses() {
		re := regexp.MustCompile(regexp.QuoteMeta(c.ID) + `([^0-9.]|\.[^0-9]|$)`)
		if !re.MatchString(text) {
			t.Errorf("clause %s (%s) is cited by no test", c.ID, c.Heading)
		}
	}
}

func TestClauseRegistry(t *testing.T) {
	cs := Clauses()
	if len(cs) < 30 {
		t.Fatalf("Clauses() has %d entries, want at least 30", len(cs))
	}
	if !slices.IsSortedFunc(cs, func(a, b ClauseInfo) int { return compareRefs(a.Citation.Ref, b.Citation.Ref) }) {
		t.Error("Clauses() is not in clause order")
	}
	if cs[0].ID != "terms 1.2" || cs[len(cs)-1].ID != "terms 20.2" {
		t.Errorf("Clauses() runs %s..%s, want terms 1.2..terms 20.2", cs[0].ID, cs[len(cs)-1].ID)
	}
	seen := map[string]bool{}
	for _, c := range cs {
		if seen[c.ID] || c.Heading == "" || len(c.API) == 0 || c.ID != c.Citation.String() {
			t.Errorf("bad registry entry %+v", c)
		}
		seen[c.ID] = true
	}
	tests := []struct {
		name, id, want string
		ok             bool
	}{
		{"by full ID", "terms 12.3", "terms 12.3", true},
		{"by number", "12.3", "terms 12.3", true},
		{"not implemented", "terms 4.3", "", false},
		{"other source", "GDPR Art. 12(3)", "", false},
	}
	for _, tt := range tests {
		c, ok := ClauseByID(tt.id)
		if ok != tt.ok || c.ID != tt.want {
			t.Errorf("%s: ClauseByID(%q) = %q, %v; want %q, %v", tt.name, tt.id, c.ID, ok, tt.want, tt.ok)
		}
	}
	cs[0].API[0] = "changed"
	if Clauses()[0].API[0] == "changed" {
		t.Error("Clauses() shares its API slices with the registry")
	}
	if got := compareRefs("2.1", "12.1"); got != -1 {
		t.Errorf("compareRefs(2.1, 12.1) = %d, want -1", got)
	}
}
