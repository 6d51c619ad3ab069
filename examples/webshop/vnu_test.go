package main

import (
	"os"
	"os/exec"
	"testing"
)

// TestNuHTMLChecker runs the Nu HTML Checker (vnu.jar, the W3C
// validator's engine) over every page TestEveryPageIsValidHTML visits,
// when PIMKIT_VNU names the jar (ci.sh fetches it from the npm package
// vnu-jar when java and npm are there). It skips otherwise: the
// structural check of checkHTML runs always.
func TestNuHTMLChecker(t *testing.T) {
	jar := os.Getenv("PIMKIT_VNU")
	if jar == "" {
		t.Skip("set PIMKIT_VNU to the path of vnu.jar to run the Nu HTML Checker")
	}
	dir := t.TempDir()
	t.Setenv("PIMKIT_HTML_DIR", dir)
	t.Run("pages", TestEveryPageIsValidHTML)
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) < 20 {
		t.Fatalf("%d pages written to %s: %v", len(entries), dir, err)
	}
	out, err := exec.Command("java", "-jar", jar, "--errors-only", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("the Nu HTML Checker found errors in the shop's pages (%v):\n%s", err, out)
	}
	t.Logf("the Nu HTML Checker found no errors in %d pages", len(entries))
}
