// Command consent-proof follows one webshop visitor's consents for two
// months: given in the cookie banner and a newsletter form, a Global Privacy
// Control signal honoured, the newsletter withdrawn by its unsubscribe link,
// an explicit opt-in that outranks later signals -- and derives Google
// Consent Mode flags and a Kantara consent receipt as proof (GDPR Art. 7(1)).
// The ledger is stored as JSON and read back; events are logged without the
// subject.
//
//	go run ./examples/consent-proof
package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
)

const subject = "cust-4711" // the host's pseudonymous reference, never an e-mail address

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "consent-proof:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	cph := time.FixedZone("CET", 3600) // January and February: winter time in Copenhagen
	at := func(month time.Month, day, hour, minute int) time.Time {
		return time.Date(2026, month, day, hour, minute, 0, 0, cph)
	}
	policy := privacy.OpenDIMS2025()
	// Proof of what was shown: the SHA-256 of each notice's exact text.
	banner := privacy.NoticeHash(sha256.Sum256([]byte("We use statistics and advertising cookies. Accept / Reject / Settings")))
	signup := privacy.NoticeHash(sha256.Sum256([]byte("Send me the monthly newsletter. Unsubscribe at any time.")))
	given := func(use privacy.DataUse, t time.Time, m privacy.Method, n privacy.NoticeHash) privacy.ConsentEvent {
		return privacy.ConsentEvent{Subject: subject, Purpose: use, Action: privacy.Given, At: t,
			Policy: policy.Effective, Method: m, Notice: n}
	}

	timeline := []struct {
		what   string
		events []privacy.ConsentEvent
	}{
		{"accepts statistics and advertising with partners in the banner", []privacy.ConsentEvent{
			given(privacy.UseAnalytics, at(1, 5, 10, 0), privacy.MethodBanner, banner),
			given(privacy.UseAdvertising, at(1, 5, 10, 0), privacy.MethodBanner, banner),
			given(privacy.UseThirdPartySharing, at(1, 5, 10, 0), privacy.MethodBanner, banner)}},
		{"signs up for the newsletter", []privacy.ConsentEvent{
			given(privacy.UseMarketingEmail, at(1, 5, 10, 2), privacy.MethodForm, signup)}},
		{"browser sends Sec-GPC: 1", privacy.GPCEvents(subject, at(2, 10, 9, 30), privacy.ParseGPC("1", true))},
		{"clicks unsubscribe in the February newsletter", []privacy.ConsentEvent{{Subject: subject,
			Purpose: privacy.UseMarketingEmail, Action: privacy.Withdrawn, At: at(2, 14, 8, 15),
			Method: privacy.MethodLink, Source: "newsletter-2026-02"}}},
		{"explicitly opts in to personalised ads again in the banner", []privacy.ConsentEvent{
			given(privacy.UseTargetedAds, at(2, 20, 19, 0), privacy.MethodBanner, banner),
			given(privacy.UseThirdPartySharing, at(2, 20, 19, 0), privacy.MethodBanner, banner)}},
		{"browser sends Sec-GPC: 1 again", privacy.GPCEvents(subject, at(2, 21, 12, 0), privacy.ParseGPC("1", true))},
	}
	uses := []privacy.DataUse{privacy.UseAnalytics, privacy.UseMarketingEmail, privacy.UseTargetedAds, privacy.UseThirdPartySharing}
	mapping := privacy.DefaultConsentModeMapping()

	var ledger privacy.Ledger
	mode := ledger.ConsentMode(mapping, subject, at(1, 5, 9, 59), privacy.ConsentRules{}, privacy.Child{})
	fmt.Fprintf(w, "before any choice: consent mode %v\n", mode)
	for _, step := range timeline {
		var err error
		if ledger, err = ledger.Append(step.events...); err != nil {
			return err
		}
		now := step.events[0].At
		fmt.Fprintf(w, "%s  %s\n", now.Format("2006-01-02 15:04"), step.what)
		for _, u := range uses {
			st := ledger.State(subject, u, now)
			fmt.Fprintf(w, "    %-45s %s\n", u, st.Reason())
			if st.Source == privacy.GPCSource || st.SignalIgnored {
				fmt.Fprintf(w, "    %-45s GPC: %v\n", "", privacy.GPCDecision(st))
			}
		}
		if m := ledger.ConsentMode(mapping, subject, now, privacy.ConsentRules{}, privacy.Child{}); m != mode {
			fmt.Fprintf(w, "    consent mode now %v\n", m)
			mode = m
		}
	}

	// A year on, a 13-month limit asks for the consent again.
	rules := privacy.ConsentRules{MaxAge: contract.Months(13)}
	for _, on := range []time.Time{at(12, 1, 12, 0), time.Date(2027, 2, 6, 12, 0, 0, 0, cph)} {
		v := ledger.Valid(subject, privacy.UseAnalytics, on, rules, privacy.Child{})
		fmt.Fprintf(w, "analytics on %s: relied on %v, renewal %s: %v\n", on.Format(time.DateOnly), v.Allowed, v.Renewal, v.Decision)
	}

	// The host stores the ledger as JSON and reads it back whole; it logs
	// events without the subject, or with the subject as an HMAC under a
	// key of its own so that one subject's lines can be matched.
	stored, err := json.Marshal(ledger)
	if err != nil {
		return err
	}
	var back privacy.Ledger
	if err := json.Unmarshal(stored, &back); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nstored %s as %d bytes of JSON; read back equal: %v\n", ledger, len(stored), back.Equal(ledger))
	var last privacy.ConsentEvent
	for e := range ledger.All() {
		last = e
	}
	log := slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if len(groups) == 0 && a.Key == slog.TimeKey {
			return slog.Attr{} // a fixed output for the example
		}
		return a
	}}))
	log.Info("consent recorded", "event", last)
	log.Info("consent recorded", "event", privacy.NewRedactor([]byte("log-key")).Value(last))

	fmt.Fprintln(w, "\nConsent receipt (Kantara v1.1) with the ledger as evidence:")
	receipt, err := ledger.Receipt(subject, at(3, 1, 9, 0), privacy.ReceiptInfo{
		Controller: policy.Controller, Contact: policy.Contact, Jurisdiction: "DK",
		PolicyURL: "https://opendims.com/privacy", Language: "en", Service: "OpenDIMS webshop",
		SubjectKey: []byte("host-secret-key"), Policy: policy,
	})
	if err != nil {
		return err
	}
	return receipt.WriteJSON(w)
}
