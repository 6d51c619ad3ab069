package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/language"
)

func tourUntilTermination(t *testing.T) *tour {
	t.Helper()
	tr := &tour{lang: language.English, svgPath: filepath.Join(t.TempDir(), "uptime.svg")}
	for _, step := range []func(*tour) error{(*tour).catalog, (*tour).billing, (*tour).sla, (*tour).privacy, (*tour).termination} {
		tr.begin("step")
		if err := step(tr); err != nil {
			t.Fatal(err)
		}
	}
	return tr
}

// TestCalendarAcrossPackages checks the tour's obligations calendar: it
// lists dated duties of contract (terms 15.3), billing (terms 12.3,
// renteloven § 9 b), sla (terms 3.2), privacy (GDPR Art. 12(3), 33(1)) and
// catalog (Directive 2011/83/EU Art. 9) with the next wake-up, and the
// tensions of the documents.
func TestCalendarAcrossPackages(t *testing.T) {
	tr := tourUntilTermination(t)
	tr.begin("6")
	if err := tr.calendar(); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := tr.write(&out, false); err != nil {
		t.Fatal(err)
	}
	report := out.String()
	for _, want := range []string{
		"provider duty remedy_defect (slow exports): in force, until 2026-03-27 00:00",              // terms 15.3
		"provider right suspend_access (2026-0001): from 2026-03-29 00:00",                          // terms 12.3
		"provider right service_window (upgrade): from 2026-03-25 02:00",                            // terms 3.2
		"customer duty answer_request (access): in force, until 2026-04-08 00:00",                   // GDPR Art. 12(3)
		"customer duty notify_authority_of_breach (mailing list): in force, until 2026-03-22 15:00", // Art. 33(1)
		"customer right withdraw (W-1042): in force, until 2026-03-27 00:00",                        // Art. 9
		"next wake-up: Sat 2026-03-21 15:00 CET",                                                    // terms 6.3: 48 hours
		"tension terms 18.3 / bogføringsloven § 10, settled by interpretation",
		"tension terms 17.2 / terms 17.3, settled by interpretation",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("calendar lacks %q:\n%s", want, report)
		}
	}
}

// TestCalendarWakeUps is the calendar's property over every package's
// obligations: between two consecutive wake-ups the obligations in force do
// not change, and at each wake-up they do.
func TestCalendarWakeUps(t *testing.T) {
	tr := tourUntilTermination(t)
	lists, err := tr.obligations()
	if err != nil {
		t.Fatal(err)
	}
	at := calendarAt
	for steps := 0; ; steps++ {
		s := contract.NewSchedule(at, lists...)
		if s.Next.IsZero() {
			break
		}
		if steps > 500 {
			t.Fatal("more than 500 wake-ups")
		}
		active := s.Active()
		for _, f := range []float64{0.001, 0.5, 0.999} {
			mid := at.Add(time.Duration(float64(s.Next.Sub(at)) * f))
			if mid.After(at) && mid.Before(s.Next) && !cmp.Equal(contract.NewSchedule(mid, lists...).Active(), active) {
				t.Fatalf("terms 17.3 the obligations changed at %s between wake-ups %s and %s", mid, at, s.Next)
			}
		}
		if cmp.Equal(contract.NewSchedule(s.Next, lists...).Active(), active) {
			t.Fatalf("terms 17.3 nothing changed at the wake-up %s", s.Next)
		}
		at = s.Next
	}
}
