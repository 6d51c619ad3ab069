package catalog

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func testTree(t *testing.T) Tree {
	t.Helper()
	tr, err := NewTree(
		CategoryNode{Code: "master"},
		CategoryNode{Code: "shoes", Parent: "master"},
		CategoryNode{Code: "running", Parent: "shoes"},
		CategoryNode{Code: "trail", Parent: "running"},
		CategoryNode{Code: "shirts", Parent: "master"},
		CategoryNode{Code: "print"},
	)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestTreeMove(t *testing.T) {
	tr := testTree(t)
	tests := []struct {
		name, code, parent string
		err                error
	}{
		{"moving under a descendant is a cycle", "shoes", "trail", ErrCycle},
		{"moving under a child is a cycle", "shoes", "running", ErrCycle},
		{"moving under itself is a cycle", "shoes", "shoes", ErrCycle},
		{"category trees: moving to another branch", "running", "shirts", nil},
		{"category trees: moving to root", "running", "", nil},
		{"category trees: unknown node", "hats", "master", ErrNotFound},
		{"category trees: unknown parent", "running", "hats", ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tr.Move(tt.code, tt.parent)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Move(%q, %q) error = %v, want %v", tt.code, tt.parent, err, tt.err)
			}
			if err != nil {
				if n, _ := tr.Node(tt.code); tt.code == "shoes" && n.Parent != "master" {
					t.Errorf("refused Move changed the tree")
				}
				return
			}
			if n, _ := got.Node(tt.code); n.Parent != tt.parent {
				t.Errorf("Move(%q, %q) parent = %q", tt.code, tt.parent, n.Parent)
			}
			if n, _ := tr.Node(tt.code); n.Parent == tt.parent {
				t.Errorf("Move changed its receiver")
			}
		})
	}
	moved, _ := tr.Move("running", "shirts")
	if got, want := moved.Ancestors("trail"), []string{"master", "shirts", "running"}; !slices.Equal(got, want) {
		t.Errorf("Ancestors(trail) after move = %v, want %v (subtree moves along)", got, want)
	}
}

func TestTreeQueries(t *testing.T) {
	tr := testTree(t)
	if got, want := tr.Descendants("master"), []string{"shoes", "running", "trail", "shirts"}; !slices.Equal(got, want) {
		t.Errorf("Descendants(master) = %v, want %v", got, want)
	}
	if got, want := tr.Children(""), []string{"master", "print"}; !slices.Equal(got, want) {
		t.Errorf("Children(\"\") = %v, want %v", got, want)
	}
	if got := tr.Root("trail"); got != "master" {
		t.Errorf("Root(trail) = %q, want master", got)
	}
	err := tr.CheckCategories(Record{Categories: []string{"trail", "hats", "print"}}, Channel{Code: "web", CategoryTree: "master"})
	want := []prob{{"categories[1]", RuleCategory, "unknown"}, {"categories[2]", RuleCategory, "master"}}
	if diff := cmp.Diff(want, problemsOf(t, err)); diff != "" {
		t.Errorf("CheckCategories (-want +got):\n%s", diff)
	}
}

func TestNewTreeRefuses(t *testing.T) {
	_, err := NewTree(
		CategoryNode{Code: "a", Parent: "b"},
		CategoryNode{Code: "b", Parent: "a"},
		CategoryNode{Code: "c", Parent: "zzz"},
		CategoryNode{Code: "c"},
		CategoryNode{Code: "bad code"},
	)
	want := []prob{
		{"nodes[3].code", RuleDuplicate, "c"},
		{"nodes[4].code", RuleCode, "[A-Za-z0-9_]{1,100}"},
		{"nodes[0].parent", RuleCategory, "cycle"},
		{"nodes[1].parent", RuleCategory, "cycle"},
		{"nodes[2].parent", RuleCategory, "unknown"},
	}
	if diff := cmp.Diff(want, problemsOf(t, err)); diff != "" {
		t.Errorf("NewTree (-want +got):\n%s", diff)
	}
}
