package privacy

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
)

// TestNoPersonalDataInLogs logs every value that carries a subject's
// identifier, a child's birth date, free text about a subject, export data
// or a secret key through slog.JSONHandler and fmt (%v, %+v, %s, %d, %#v),
// with and without a Redactor key, and finds none of it (GDPR Art. 5(1)(f),
// 32: logs are a copy of the data that must not hold it).
func TestNoPersonalDataInLogs(t *testing.T) {
	const (
		subject = "jane.doe@example.com"
		reasons = "Jane Doe's lawyer asked for more time"
		hashed  = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"
		key     = "s3cret-redaction-key"
		recKey  = "receipt-hmac-key"
	)
	secrets := []string{subject, "jane", "Jane", "example.com", "2012-03-04", "2012, 3, 4", hashed, key, recKey,
		"s3cret", "lawyer"}
	at := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	day := contract.MustDate(2026, 1, 5)
	event := ConsentEvent{Subject: subject, Purpose: UseMarketingEmail, Action: Given, At: at, Policy: day,
		Method: MethodForm, Notice: notice, Source: "signup", Guardian: true}
	ledger, err := NewLedger(event)
	if err != nil {
		t.Fatal(err)
	}
	state := ledger.State(subject, UseMarketingEmail, at)
	req, _, err := ReceiveRequest(contract.Counter{}, Access, day)
	if err != nil {
		t.Fatal(err)
	}
	req, reqEvent, err := req.Extend(contract.Counter{}, day.AddDays(3), reasons)
	if err != nil {
		t.Fatal(err)
	}
	item := ExportItem{Category: "user.contact.email", Purpose: "essential.service", Value: subject}
	export, err := NewSubjectExport(OpenDIMS2026(), Access, hashed, at, []ExportItem{item})
	if err != nil {
		t.Fatal(err)
	}
	info := ReceiptInfo{Controller: contract.Party{Name: "OpenDIMS"}, Service: "OpenDIMS", SubjectKey: []byte(recKey)}
	receipt, err := ledger.Receipt(subject, at, info)
	if err != nil {
		t.Fatal(err)
	}
	receipt.PIIPrincipalID = hashed
	values := []any{
		event, ledger, state, []ConsentState{state}, reqEvent, req, export, export.Items[0], receipt,
		Child{Country: "DK", Birth: contract.MustDate(2012, 3, 4)}, info, Masking{Kind: MaskHMAC, Key: []byte(key)},
		NewRedactor([]byte(key)),
	}
	red := NewRedactor([]byte(key))
	for _, v := range values {
		name := fmt.Sprintf("%T", v)
		var outs []string
		verbs := []string{"%v", "%+v", "%s", "%#v"}
		if _, ok := v.(fmt.Formatter); ok {
			// Types with a Format method (all but SubjectExport, whose
			// Format field is its document format) cover every verb.
			verbs = append(verbs, "%d", "%x", "%q")
		}
		for _, verb := range verbs {
			outs = append(outs, verb+" "+fmt.Sprintf(verb, v))
		}
		outs = append(outs, "Sprint "+fmt.Sprint(v))
		for _, r := range []*Redactor{nil, &red} {
			var buf bytes.Buffer
			log := slog.New(slog.NewJSONHandler(&buf, nil))
			switch _, slice := v.([]ConsentState); {
			case r == nil && slice:
				// slog marshals a slice with encoding/json; a slice is
				// logged through a Redactor.
				log.Info("value", "v", Redactor{}.Value(v))
			case r == nil:
				log.Info("value", "v", v)
			default:
				log.Info("value", "v", r.Value(v))
			}
			outs = append(outs, "slog "+buf.String())
		}
		for _, out := range outs {
			for _, s := range secrets {
				if strings.Contains(out, s) {
					t.Errorf("%s: output leaks %q: %s", name, s, out)
				}
			}
		}
	}
	// The keyed redactor shows a stable HMAC of the subject, so log lines
	// about one subject can be matched.
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("consent", "event", red.Value(event))
	if want := red.Subject(subject); !strings.HasPrefix(want, "hmac:") || len(want) != 29 ||
		!strings.Contains(buf.String(), `"subject":"`+want+`"`) {
		t.Errorf("keyed log = %s, want subject %s", buf.String(), want)
	}
	if NewRedactor([]byte("other")).Subject(subject) == red.Subject(subject) || red.Subject("c-1") == red.Subject(subject) {
		t.Error("HMACs under different keys or of different subjects are equal")
	}
	buf.Reset()
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("consent", "event", event)
	if !strings.Contains(buf.String(), `"subject":"[redacted]"`) {
		t.Errorf("unkeyed log = %s, want the subject redacted", buf.String())
	}
	if got := fmt.Sprint(ledger); got != "consent ledger of 1 event" {
		t.Errorf("fmt.Sprint(ledger) = %q", got)
	}
}
