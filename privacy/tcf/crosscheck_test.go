package tcf_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pimkit/pimkit/privacy/tcf"
)

var (
	crosscheck  = flag.Bool("crosscheck", false, "cross-check against @iabtechlabtcf/core with node (see testdata/crosscheck/run.sh)")
	crossN      = flag.Int("crosscheck.n", 3000, "number of random models for -crosscheck")
	crossSeed   = flag.Uint64("crosscheck.seed", 20260301, "seed of the random models for -crosscheck")
	crossReport = flag.Int("crosscheck.report", 5, "failures to describe in full")
)

type crossCase struct {
	Model    jsonModel `json:"model"`
	GoString string    `json:"goString"`
}

type crossResult struct {
	JSString string     `json:"jsString"`
	JSModel  *jsonModel `json:"jsModel"`
	Error    string     `json:"error"`
}

// TestCrossCheck encodes random models with pimkit and with the official
// library and compares both ways: the two strings byte for byte, pimkit's
// decoding of the library's string and the library's decoding of pimkit's
// string field by field with the model. It needs node and the packages
// that testdata/crosscheck/run.sh installs, so it runs only with -crosscheck.
func TestCrossCheck(t *testing.T) {
	if !*crosscheck {
		t.Skip("needs node: run testdata/crosscheck/run.sh or go test -run TestCrossCheck -args -crosscheck")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "crosscheck"))
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(*crossSeed, 0x7cf))
	models := make([]tcf.TCString, *crossN)
	cases := make([]crossCase, *crossN)
	for i := range models {
		models[i] = randomModel(r)
		s, err := tcf.Encode(models[i])
		if err != nil {
			t.Fatalf("model %d: Encode = %v, want a string", i, err)
		}
		cases[i] = crossCase{Model: toJSON(models[i]), GoString: s}
	}
	tmp := t.TempDir()
	in, out := filepath.Join(tmp, "in.json"), filepath.Join(tmp, "out.json")
	data, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", filepath.Join(dir, "crosscheck.mjs"), in, out)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("node crosscheck.mjs: %v\n%s", err, msg)
	}
	data, err = os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var results []crossResult
	if err := json.Unmarshal(data, &results); err != nil {
		t.Fatal(err)
	}
	if len(results) != len(cases) {
		t.Fatalf("node returned %d results, want %d", len(results), len(cases))
	}
	passed, failed := 0, 0
	for i, res := range results {
		problems := compareCase(models[i], cases[i], res)
		if len(problems) == 0 {
			passed++
			continue
		}
		failed++
		if failed <= *crossReport {
			t.Errorf("model %d (seed %d):\n%s", i, *crossSeed, problems)
		}
	}
	fmt.Printf("tcf crosscheck: %d passed, %d failed\n", passed, failed)
	if failed > 0 {
		t.Errorf("tcf crosscheck: %d of %d models differ from @iabtechlabtcf/core", failed, len(cases))
	}
}

// compareCase lists every difference for one model.
func compareCase(m tcf.TCString, c crossCase, res crossResult) string {
	var out string
	if res.Error != "" {
		out += "official library: " + res.Error + "\n"
	}
	if res.JSString != c.GoString {
		out += fmt.Sprintf("Encode = %q,\nofficial library encodes %q\n", c.GoString, res.JSString)
	}
	if res.JSString != "" {
		got, err := tcf.Decode(res.JSString)
		if err != nil {
			out += fmt.Sprintf("Decode(official %q) = %v\n", res.JSString, err)
		} else if d := cmp.Diff(m, got); d != "" {
			out += fmt.Sprintf("Decode(official %q) (-model +decoded):\n%s", res.JSString, d)
		}
	}
	if res.JSModel != nil {
		if d := cmp.Diff(m, fromJSON(*res.JSModel)); d != "" {
			out += fmt.Sprintf("official library decodes %q as (-model +decoded):\n%s", c.GoString, d)
		}
	}
	return out
}
