package main

import (
	"os"

	"github.com/pimkit/pimkit/contract"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuiltinScenarios runs the built-in scenarios, which cite every rule
// of the OpenDIMS terms that package contract decides (terms 1.3 to 20.2),
// and checks that they all pass.
func TestBuiltinScenarios(t *testing.T) {
	var out strings.Builder
	if code := run(&out, nil, 2026, false); code != 0 {
		t.Fatalf("exit %d:\n%s", code, out.String())
	}
	if !strings.Contains(out.String(), "0 failed") {
		t.Errorf("summary %q", out.String())
	}
}

// TestFailingFileExits1 checks that a failing step (terms 17.3, a date off
// by one) prints FAIL with both values and exits 1.
func TestFailingFileExits1(t *testing.T) {
	f := filepath.Join(t.TempDir(), "bad.json")
	err := os.WriteFile(f, []byte(`{"name":"cure","start":"2026-01-01","steps":[{"name":"off by one","rule":"breach_termination",
		"by":"provider","from":"2026-01-02","on":"2026-01-16","expect":{"date":"2026-01-16"}}]}`), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if code := run(&out, []string{f}, 0, false); code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, out.String())
	}
	for _, want := range []string{"FAIL  cure: off by one", "terms 17.3", "date: got 2026-01-17, want 2026-01-16"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if code := run(&out, []string{filepath.Join(t.TempDir(), "missing.json")}, 0, false); code != 2 {
		t.Errorf("a missing file: exit %d, want 2", code)
	}
}

// TestBuiltinCoversEveryContractRule checks that the built-in scenarios
// cite every numbered clause of the OpenDIMS terms: the rules by their
// decisions, the parameters by their values and the prose by its kind.
func TestBuiltinCoversEveryContractRule(t *testing.T) {
	var all strings.Builder
	files, _ := filepath.Glob("testdata/*.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	for _, ci := range contract.Clauses() {
		c := ci.Citation.Ref
		if !strings.Contains(all.String(), "terms "+c+":") && !strings.Contains(all.String(), ", "+c+":") && !strings.Contains(all.String(), ", "+c+",") && !strings.Contains(all.String(), "terms "+c+",") {
			t.Errorf("no built-in scenario step names terms %s", c)
		}
	}
}
