package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSLAReport checks the figures of the month, each against the clause it
// illustrates, and that -svg writes the uptime bar.
func TestSLAReport(t *testing.T) {
	svg := filepath.Join(t.TempDir(), "uptime.svg")
	var out bytes.Buffer
	if err := run(&out, svg); err != nil {
		t.Fatalf("run() = %v, want nil", err)
	}
	for _, tc := range []struct{ name, want string }{
		{"terms 8.1 availability below 99.9 %", "availability 99.726% is below the target of 99.9%"},
		{"terms 8.1 budget of a 31-day month", "allowed 44m38.4s, used 2h2m0s"},
		{"terms 3.2 three days' notice excludes the window", "CHG-7 excluded=true"},
		{"terms 3.2 36 hours' notice does not", "CHG-8 excluded=false"},
		{"SRE workbook page during the outage", "at Jan 21 22:30: page:"},
		{"SRE workbook quiet at month end", "at Jan 31 23:00: none firing"},
		{"offer document credit tier of 10 %", "= 249.00 DKK"},
		{"Danish reason formats its percentages", "tilgængeligheden på 99,726\u00a0% er under 99,9\u00a0%"},
		{"terms 15.1 one month per event", "payable 2490.00 of 4249.00 DKK claimed"},
	} {
		if !strings.Contains(out.String(), tc.want) {
			t.Errorf("%s: run() output lacks %q; output:\n%s", tc.name, tc.want, out.String())
		}
	}
	b, err := os.ReadFile(svg)
	if err != nil || !bytes.HasPrefix(b, []byte("<svg")) || bytes.Count(b, []byte("<rect")) != 31 {
		t.Errorf("uptime bar = %d bytes, %d bars, err %v; want an <svg> with 31 bars", len(b), bytes.Count(b, []byte("<rect")), err)
	}
}
