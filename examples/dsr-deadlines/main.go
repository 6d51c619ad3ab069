// Command dsr-deadlines shows when data-subject requests received on tricky
// dates must be answered (GDPR Art. 12(3), counted by Reg. 1182/71 over the
// Danish public holidays): one month from receipt, rolled past weekends and
// holidays, or three months when the controller extends in time.
//
//	go run ./examples/dsr-deadlines [-lang da]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"golang.org/x/text/language"
)

// labels is the example's own wording; the reasons come from pimkit.
type labels struct {
	title, received, due, extended, skipped, extend, tooLate string
	weekdays                                                 [7]string
	kinds                                                    map[privacy.RequestKind]string
}

var english = labels{
	title: "Data-subject requests and their deadlines", received: "received", due: "reply by",
	extended: "if extended", skipped: "moved past", extend: "Extension told", tooLate: "Extension refused",
	weekdays: [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
}

var danish = labels{
	title: "Anmodninger fra registrerede og deres frister", received: "modtaget", due: "svar senest",
	extended: "ved forlængelse", skipped: "flyttet forbi", extend: "Forlængelse meddelt", tooLate: "Forlængelse afvist",
	weekdays: [7]string{"søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"},
	kinds: map[privacy.RequestKind]string{privacy.Access: "indsigt", privacy.Rectification: "berigtigelse",
		privacy.Erasure: "sletning", privacy.Restriction: "begrænsning", privacy.Portability: "dataportabilitet",
		privacy.Objection: "indsigelse"},
}

func main() {
	lang := flag.String("lang", "en", "language of the explanations: en or da")
	flag.Parse()
	tag, err := language.Parse(*lang)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dsr-deadlines: -lang:", err)
		os.Exit(2)
	}
	l := english
	if base, _ := tag.Base(); base.String() == "da" {
		l = danish
	}
	if err := run(os.Stdout, tag, l); err != nil {
		fmt.Fprintln(os.Stderr, "dsr-deadlines:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, tag language.Tag, l labels) error {
	c := privacy.OpenDIMS2026().Counter // the controller's counter: Reg. 1182/71 over Danish public holidays
	requests := []struct {
		kind     privacy.RequestKind
		received contract.Date
	}{
		{privacy.Access, contract.MustDate(2026, 1, 31)},         // a Saturday; February is short
		{privacy.Objection, contract.MustDate(2025, 11, 24)},     // 24 December is not a public holiday
		{privacy.Rectification, contract.MustDate(2025, 11, 25)}, // Christmas Day and Boxing Day
		{privacy.Access, contract.MustDate(2025, 12, 24)},        // due on a Saturday
		{privacy.Erasure, contract.MustDate(2026, 3, 2)},         // Easter
		{privacy.Portability, contract.MustDate(2026, 2, 25)},    // extended onto Whit Monday
		{privacy.Restriction, contract.MustDate(2026, 4, 14)},    // Ascension Day
	}
	fmt.Fprintln(w, l.title)
	var opened []privacy.Request
	for _, q := range requests {
		r, _, err := privacy.ReceiveRequest(c, q.kind, q.received)
		if err != nil {
			return err
		}
		opened = append(opened, r)
		ext, err := privacy.ExtendedDeadline(c, q.received)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\n%s, %s %s\n", l.kind(q.kind), l.received, l.date(q.received))
		fmt.Fprintf(w, "  %-16s %s%s\n", l.due+":", l.date(r.Due.Date), l.moved(c, r.Due))
		fmt.Fprintf(w, "  %-16s %s%s\n", l.extended+":", l.date(ext.Date), l.moved(c, ext))
		fmt.Fprintf(w, "  %s (%s)\n", r.DueDecision().Reason.In(tag), cites(r.DueDecision().Citations))
	}

	// The first request: the controller tells the subject in time, with reasons.
	r, ev, err := opened[0].Extend(c, contract.MustDate(2026, 2, 20), "several systems and a backup must be searched")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s %s: %s (%s)\n", l.extend, l.date(ev.On), r.DueDecision().Reason.In(tag), cites(r.DueDecision().Citations))

	// The Christmas request: telling the subject after the first month is too late.
	_, _, err = opened[2].Extend(c, contract.MustDate(2026, 1, 5), "many records")
	if !errors.Is(err, privacy.ErrTooLate) {
		return fmt.Errorf("late extension: got %v, want an error wrapping ErrTooLate", err)
	}
	fmt.Fprintf(w, "%s %s: %v\n", l.tooLate, l.date(contract.MustDate(2026, 1, 5)), err)
	return nil
}

func (l labels) kind(k privacy.RequestKind) string {
	if s, ok := l.kinds[k]; ok {
		return s
	}
	return k.String()
}

func (l labels) date(d contract.Date) string {
	return fmt.Sprintf("%s %s", l.weekdays[d.Weekday()], d)
}

// moved lists the non-working days a rolled deadline moved past.
func (l labels) moved(c contract.Counter, d contract.Deadline) string {
	if !d.Rolled() {
		return ""
	}
	var why []string
	for day := d.Raw; day.Before(d.Date); day = day.AddDays(1) {
		w, _ := c.NonWorking(day)
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			w = l.weekdays[wd] // NonWorking names weekends in English
		}
		why = append(why, fmt.Sprintf("%s %s", day, w))
	}
	return fmt.Sprintf(" (%s %s)", l.skipped, strings.Join(why, ", "))
}

func cites(cs []contract.Citation) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.String()
	}
	return strings.Join(s, "; ")
}
