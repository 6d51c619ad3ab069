// Command contract-check runs contract test scenarios -- timelines of
// events and the decisions and obligations expected at given days,
// written as JSON -- and prints pass or fail per step with the clauses the
// decision cites.
//
//	go run ./examples/contract-check                 # the built-in scenarios, every rule of the OpenDIMS terms
//	go run ./examples/contract-check my-terms.json   # your own
//	go run ./examples/contract-check -generate 2026  # also the generated boundary cases of 2026
//
// It exits 1 when a step fails and 2 when a file cannot be read.
package main

import (
	"embed"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/contract/contracttest"
)

//go:embed testdata/*.json
var builtin embed.FS

func main() {
	generate := flag.Int("generate", 0, "also run the generated boundary scenarios of the OpenDIMS terms for this year")
	verbose := flag.Bool("v", false, "print every step, not only the failing ones and the summary")
	flag.Parse()
	os.Exit(run(os.Stdout, flag.Args(), *generate, *verbose))
}

func run(w io.Writer, files []string, year int, verbose bool) int {
	var scenarios []contracttest.Scenario
	read := func(name string, open func() (io.ReadCloser, error)) bool {
		f, err := open()
		if err != nil {
			fmt.Fprintf(w, "%s: %v\n", name, err)
			return false
		}
		defer f.Close()
		ss, err := contracttest.Read(f)
		if err != nil {
			fmt.Fprintf(w, "%s: %v\n", name, err)
			return false
		}
		scenarios = append(scenarios, ss...)
		return true
	}
	if len(files) == 0 {
		names, _ := fs.Glob(builtin, "testdata/*.json")
		for _, n := range names {
			if !read(n, func() (io.ReadCloser, error) { return builtin.Open(n) }) {
				return 2
			}
		}
	}
	for _, n := range files {
		if !read(n, func() (io.ReadCloser, error) { return os.Open(n) }) {
			return 2
		}
	}
	if year != 0 {
		scenarios = append(scenarios, contracttest.Boundaries(contract.OpenDIMSTerms(), contracttest.DanishHolidays(), year, year)...)
	}
	steps, failed := 0, 0
	for _, s := range scenarios {
		for _, r := range contracttest.Check(s) {
			steps++
			if !r.Pass {
				failed++
			}
			if r.Pass && !verbose {
				continue
			}
			status := "PASS"
			if !r.Pass {
				status = "FAIL"
			}
			fmt.Fprintf(w, "%s  %-52s %s [%s]\n", status, s.Name+": "+r.Step, r.Rule, strings.Join(r.Citations, ", "))
			for _, f := range r.Failures {
				fmt.Fprintf(w, "      %s\n", f)
			}
		}
	}
	fmt.Fprintf(w, "%d scenarios, %d steps: %d passed, %d failed\n", len(scenarios), steps, steps-failed, failed)
	if failed > 0 {
		return 1
	}
	return 0
}
