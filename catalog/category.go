package catalog

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/pimkit/pimkit/contract"
)

// CategoryNode is one category of a tree: its code, its parent's code
// ("" for a root) and its labels.
type CategoryNode struct {
	Code   string `json:"code" validate:"required,max=100"`
	Parent string `json:"parent,omitzero"`
	Labels Labels `json:"labels,omitzero"`
}

// Tree is a forest of categories of unlimited depth, each root the tree of
// one or more channels. A product may sit in several categories. Tree is an
// immutable value: Move and Add return a new Tree. The zero Tree is empty
// and usable.
type Tree struct {
	nodes []CategoryNode
	index map[string]int
}

// CategoryError reports a category operation that was refused. It unwraps
// to [ErrCycle] or [ErrNotFound].
type CategoryError struct {
	Code string // the category being added or moved
	Err  error
}

// Error implements error: "catalog: category cycle: shoes". A
// CategoryError without Err reads "catalog: category: shoes".
func (e *CategoryError) Error() string {
	if e.Err == nil {
		return "catalog: category: " + safeSegment(e.Code)
	}
	return e.Err.Error() + ": " + safeSegment(e.Code)
}

// Unwrap returns ErrCycle or ErrNotFound.
func (e *CategoryError) Unwrap() error { return e.Err }

// NewTree builds a tree from nodes in any order. Every problem is reported
// at once in a [*contract.ValidationError]: malformed codes (path
// "nodes[2].code", rule required, max or code), repeated codes (rule
// duplicate), unknown parents and cycles (path "nodes[2].parent", rule
// category, Param "unknown", or "cycle" for a cycle such as a -> b -> a).
func NewTree(nodes ...CategoryNode) (Tree, error) {
	t := Tree{nodes: slices.Clone(nodes), index: make(map[string]int, len(nodes))}
	var vp problems
	for i, n := range nodes {
		if vp.Len() >= maxJSONProblems {
			break
		}
		vp.Check("nodes["+strconv.Itoa(i)+"]", n)
	}
	for i, n := range nodes {
		path := "nodes[" + strconv.Itoa(i) + "].code"
		if vp.Len() >= maxJSONProblems {
			if _, dup := t.index[n.Code]; !dup && n.Code != "" {
				t.index[n.Code] = i
			}
			continue
		}
		if !checkCode(&vp, path, n.Code, true, false) {
			continue
		}
		if _, dup := t.index[n.Code]; dup {
			vp.Add(path, RuleDuplicate, n.Code)
			continue
		}
		t.index[n.Code] = i
	}
	ps := vp.List()
	for i, n := range nodes {
		if n.Parent == "" {
			continue
		}
		if len(ps) >= maxJSONProblems {
			break
		}
		path := "nodes[" + strconv.Itoa(i) + "].parent"
		if _, ok := t.index[n.Parent]; !ok {
			ps = append(ps, contract.Problem{Path: path, Rule: RuleCategory, Param: "unknown"})
			continue
		}
		if t.index[n.Code] == i && t.reaches(n.Parent, n.Code) {
			ps = append(ps, contract.Problem{Path: path, Rule: RuleCategory, Param: "cycle"})
		}
	}
	if len(ps) > 0 {
		return Tree{}, invalid("new tree", ps)
	}
	return t, nil
}

type treeJSON struct {
	Nodes []CategoryNode `json:"nodes"`
}

// MarshalJSON writes the tree as {"nodes":[{"code":"master"},{"code":"shoes","parent":"master"}]},
// the nodes in insertion order.
func (t Tree) MarshalJSON() ([]byte, error) { return json.Marshal(treeJSON{Nodes: t.nodes}) }

// UnmarshalJSON reads the form [Tree.MarshalJSON] writes and rebuilds the
// tree with [NewTree], so stored JSON with a cycle or a repeated code is
// refused with NewTree's error rather than read into a broken tree.
//
// Memory: at most 16 bytes per input byte plus 64 KiB. Input dense
// enough in nodes to cost more, such as a million empty nodes ({},), is
// refused with rule [RuleTooDense] before it is decoded; a tree whose
// nodes average some 30 bytes of JSON is far below it.
func (t *Tree) UnmarshalJSON(b []byte) error {
	if err := tooDense("category tree", treeCost, b); err != nil {
		return err
	}
	// The nodes are counted first (a slice of empty structs costs nothing)
	// and decoded into a slice of that size, not grown by appends.
	var count struct {
		Nodes []struct{} `json:"nodes"`
	}
	var j treeJSON
	if json.Unmarshal(b, &count) == nil {
		j.Nodes = make([]CategoryNode, 0, len(count.Nodes))
	}
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: category tree is not a {\"nodes\":[...]} object", ErrSyntax)
	}
	nt, err := NewTree(j.Nodes...)
	if err != nil {
		return err
	}
	*t = nt
	return nil
}

// Equal reports whether t and u hold the same nodes in the same order;
// go-cmp compares trees with it.
func (t Tree) Equal(u Tree) bool {
	return slices.EqualFunc(t.nodes, u.nodes, func(a, b CategoryNode) bool {
		return a.Code == b.Code && a.Parent == b.Parent && slices.Equal(a.Labels, b.Labels)
	})
}

// reaches reports whether walking up from code reaches target, bounded by
// the number of nodes so that a cycle cannot loop forever.
func (t Tree) reaches(code, target string) bool {
	for steps := 0; code != "" && steps <= len(t.nodes); steps++ {
		if code == target {
			return true
		}
		i, ok := t.index[code]
		if !ok {
			return false
		}
		code = t.nodes[i].Parent
	}
	return code != ""
}

// Len returns the number of categories.
func (t Tree) Len() int { return len(t.nodes) }

// Contains reports whether the tree has a category code.
func (t Tree) Contains(code string) bool {
	_, ok := t.index[code]
	return ok
}

// Node returns the category code; ok is false when unknown.
func (t Tree) Node(code string) (n CategoryNode, ok bool) {
	i, ok := t.index[code]
	if !ok {
		return CategoryNode{}, false
	}
	return t.nodes[i], true
}

// Add returns a tree with n added under n.Parent (or as a root). A repeated
// or malformed code is a [*contract.ValidationError]; an unknown parent is
// [ErrNotFound].
func (t Tree) Add(n CategoryNode) (Tree, error) {
	if n.Parent != "" && !t.Contains(n.Parent) {
		return t, &CategoryError{Code: n.Code, Err: ErrNotFound}
	}
	return NewTree(append(slices.Clone(t.nodes), n)...)
}

// Move returns a tree with code moved under newParent ("" makes it a
// root), its subtree moving with it. Moving a node under itself or one of
// its descendants would create a cycle and is refused with [ErrCycle]:
// with shoes > running, Move("shoes", "running") fails and t is unchanged.
// Unknown codes are [ErrNotFound].
func (t Tree) Move(code, newParent string) (Tree, error) {
	i, ok := t.index[code]
	if !ok || (newParent != "" && !t.Contains(newParent)) {
		return t, &CategoryError{Code: code, Err: ErrNotFound}
	}
	if newParent != "" && t.reaches(newParent, code) {
		return t, &CategoryError{Code: code, Err: ErrCycle}
	}
	out := Tree{nodes: slices.Clone(t.nodes), index: t.index}
	out.nodes[i].Parent = newParent
	return out, nil
}

// Children returns the codes of code's direct children in insertion order;
// Children("") returns the roots.
func (t Tree) Children(code string) []string {
	var out []string
	for _, n := range t.nodes {
		if n.Parent == code {
			out = append(out, n.Code)
		}
	}
	return out
}

// Ancestors returns the path from the root down to code's parent:
// Ancestors("running") with master > shoes > running is [master shoes]. A
// root or an unknown code has none.
func (t Tree) Ancestors(code string) []string {
	var out []string
	i, ok := t.index[code]
	for ok && t.nodes[i].Parent != "" {
		out = append(out, t.nodes[i].Parent)
		i, ok = t.index[t.nodes[i].Parent]
	}
	slices.Reverse(out)
	return out
}

// Root returns the root of code's tree ("" for an unknown code).
func (t Tree) Root(code string) string {
	if !t.Contains(code) {
		return ""
	}
	if a := t.Ancestors(code); len(a) > 0 {
		return a[0]
	}
	return code
}

// Descendants returns every category under code, depth first in insertion
// order, without code itself.
func (t Tree) Descendants(code string) []string {
	var out []string
	var walk func(string)
	walk = func(c string) {
		for _, k := range t.Children(c) {
			out = append(out, k)
			walk(k)
		}
	}
	if t.Contains(code) {
		walk(code)
	}
	return out
}

// CheckCategories reports, with paths "categories[i]", each of r's
// categories that the tree does not hold (rule category, Param
// "unknown"), and, when channel has a CategoryTree, each that lies outside
// that tree (Param the tree's root). It returns nil when all are fine.
func (t Tree) CheckCategories(r Record, channel Channel) error {
	var ps []contract.Problem
	for i, code := range r.Categories {
		path := "categories[" + strconv.Itoa(i) + "]"
		switch {
		case !t.Contains(code):
			ps = append(ps, contract.Problem{Path: path, Rule: RuleCategory, Param: "unknown"})
		case channel.CategoryTree != "" && t.Root(code) != channel.CategoryTree:
			ps = append(ps, contract.Problem{Path: path, Rule: RuleCategory, Param: channel.CategoryTree})
		}
	}
	return invalid("check categories", ps)
}
