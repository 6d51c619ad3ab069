// Command tour tells the story of a Danish webshop on the OpenDIMS terms,
// end to end, with pimkit's public API and in-memory values only: its
// catalog, its agreement and invoices, a month of uptime, its customers'
// privacy, and the end of the agreement.
//
//	go run ./examples/tour            # the report in English
//	go run ./examples/tour -lang da   # explanations in Danish
//	go run ./examples/tour -json      # the same report as JSON
//	go run ./examples/tour -svg bar.svg
//
// It exits non-zero if any step fails.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/language"
)

func main() {
	lang := flag.String("lang", "en", "language of the explanations: en or da")
	asJSON := flag.Bool("json", false, "print the report as JSON")
	svg := flag.String("svg", "", "where to write the SVG uptime bar (default: a file in a temporary directory)")
	flag.Parse()

	tag, err := language.Parse(*lang)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tour: -lang:", err)
		os.Exit(2)
	}
	svgPath := *svg
	if svgPath == "" {
		dir, err := os.MkdirTemp("", "pimkit-tour-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "tour:", err)
			os.Exit(1)
		}
		svgPath = filepath.Join(dir, "uptime.svg")
	}

	t := &tour{lang: tag, svgPath: svgPath}
	for _, step := range []struct {
		title string
		run   func(*tour) error
	}{
		{"1. Catalog", (*tour).catalog},
		{"2. Contract and billing", (*tour).billing},
		{"3. SLA", (*tour).sla},
		{"4. Privacy", (*tour).privacy},
		{"5. Termination", (*tour).termination},
		{"6. Obligations calendar and tensions", (*tour).calendar},
	} {
		t.begin(step.title)
		if err := step.run(t); err != nil {
			fmt.Fprintf(os.Stderr, "tour: %s: %v\n", step.title, err)
			os.Exit(1)
		}
	}
	if err := t.write(os.Stdout, *asJSON); err != nil {
		fmt.Fprintln(os.Stderr, "tour:", err)
		os.Exit(1)
	}
}

// tour collects the report: sections of lines, each line optionally with
// the citations it rests on.
type tour struct {
	lang     language.Tag
	svgPath  string
	Sections []section `json:"sections"`

	// State carried from step to step.
	terms     contract.Terms
	agreement contract.Agreement
}

type section struct {
	Title string `json:"title"`
	Lines []line `json:"lines"`
}

type line struct {
	Text      string   `json:"text"`
	Citations []string `json:"citations,omitempty"`
}

func (t *tour) begin(title string) { t.Sections = append(t.Sections, section{Title: title}) }

// say adds a line of plain text to the current section.
func (t *tour) say(format string, args ...any) {
	s := &t.Sections[len(t.Sections)-1]
	s.Lines = append(s.Lines, line{Text: fmt.Sprintf(format, args...)})
}

// explain adds a decision's reason, in the chosen language, with its
// citations, after a short label.
func (t *tour) explain(label string, d contract.Decision) {
	s := &t.Sections[len(t.Sections)-1]
	l := line{Text: label + ": " + d.Reason.In(t.lang)}
	for _, c := range d.Citations {
		l.Citations = append(l.Citations, c.String())
	}
	s.Lines = append(s.Lines, l)
}

func (t *tour) write(w io.Writer, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(t)
	}
	for i, s := range t.Sections {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, s.Title)
		fmt.Fprintln(w, strings.Repeat("-", len(s.Title)))
		for _, l := range s.Lines {
			text := l.Text
			if len(l.Citations) > 0 {
				text += " [" + strings.Join(l.Citations, "; ") + "]"
			}
			if _, err := fmt.Fprintln(w, "  "+text); err != nil {
				return err
			}
		}
	}
	return nil
}
