package main

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestDeadlines checks each tricky date in English and Danish against
// GDPR Art. 12(3) counted by Reg. 1182/71 over the Danish holidays.
func TestDeadlines(t *testing.T) {
	for _, tc := range []struct {
		name string
		tag  language.Tag
		l    labels
		want []string
	}{
		{"GDPR Art. 12(3) in English", language.English, english, []string{
			"reply by:        Monday 2026-03-02 (moved past 2026-02-28 Saturday, 2026-03-01 Sunday)", // Art. 3(4)
			"if extended:     Thursday 2026-04-30",                                                   // three months from receipt, not chained
			"reply by:        Wednesday 2025-12-24\n",                                                // 24 December is a working day
			"reply by:        Monday 2025-12-29 (moved past 2025-12-25 Juledag",                      // Christmas
			"reply by:        Tuesday 2026-04-07 (moved past 2026-04-02 Skærtorsdag",                 // Easter
			"if extended:     Tuesday 2026-05-26 (moved past 2026-05-25 2. pinsedag)",                // Whit Monday
			"reply by:        Friday 2026-05-15 (moved past 2026-05-14 Kristi himmelfartsdag)",
			"Extension told Friday 2026-02-20: the deadline is extended to 2026-04-30",
			"Extension refused Monday 2026-01-05: privacy: too late",
		}},
		{"GDPR Art. 12(3) in Danish", language.Danish, danish, []string{
			"sletning, modtaget mandag 2026-03-02",
			"svar senest:     mandag 2026-03-02 (flyttet forbi 2026-02-28 lørdag, 2026-03-01 søndag)",
			"svar senest 2026-03-02, en måned efter modtagelsen",
			"fristen er forlænget til 2026-04-30",
		}},
	} {
		var out bytes.Buffer
		if err := run(&out, tc.tag, tc.l); err != nil {
			t.Fatalf("%s: run() = %v, want nil", tc.name, err)
		}
		for _, want := range tc.want {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%s: run() output lacks %q; output:\n%s", tc.name, want, out.String())
			}
		}
	}
}
