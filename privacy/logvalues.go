package privacy

import (
	"fmt"
	"log/slog"
	"strconv"
)

// The log values, Go-syntax forms and fmt formatting of the package's
// values that carry personal data. Each type's LogValue is the zero
// Redactor's view; [Redactor.Value] gives a keyed one.

func dateAttr(key string, d interface {
	IsZero() bool
	String() string
}) []slog.Attr {
	if d.IsZero() {
		return nil
	}
	return []slog.Attr{slog.String(key, d.String())}
}

type consentEventPlain ConsentEvent

func (e ConsentEvent) logValue(r Redactor) slog.Value {
	attrs := []slog.Attr{
		slog.String("subject", r.Subject(e.Subject)),
		slog.String("purpose", string(e.Purpose)),
		slog.String("action", e.Action.String()),
		slog.Time("at", e.At),
		slog.String("method", e.Method.String()),
	}
	attrs = append(attrs, dateAttr("policy", e.Policy)...)
	if !e.Notice.IsZero() {
		attrs = append(attrs, slog.String("notice", e.Notice.String()))
	}
	if e.Source != "" {
		attrs = append(attrs, slog.String("source", e.Source))
	}
	if e.Guardian {
		attrs = append(attrs, slog.Bool("guardian", true))
	}
	return slog.GroupValue(attrs...)
}

// LogValue implements [slog.LogValuer]: the event's fields with the
// subject shown as [Redacted] ([Redactor.Value] shows its HMAC).
func (e ConsentEvent) LogValue() slog.Value { return e.logValue(Redactor{}) }

// GoString returns the event in Go syntax with the subject redacted.
func (e ConsentEvent) GoString() string {
	p := consentEventPlain(e)
	p.Subject = redactText(p.Subject)
	return goString("ConsentEvent", p)
}

// Format implements [fmt.Formatter]: %#v prints GoString, every other
// verb String, so no verb prints the subject.
func (e ConsentEvent) Format(f fmt.State, verb rune) {
	formatRedacted(f, verb, e.String(), e.GoString())
}

type consentStatePlain ConsentState

func (s ConsentState) logValue(r Redactor) slog.Value {
	attrs := []slog.Attr{
		slog.String("subject", r.Subject(s.Subject)),
		slog.String("purpose", string(s.Purpose)),
		slog.String("status", s.Status.String()),
	}
	if !s.Since.IsZero() {
		attrs = append(attrs, slog.Time("since", s.Since), slog.String("method", s.Method.String()))
	}
	if s.Source != "" {
		attrs = append(attrs, slog.String("source", s.Source))
	}
	if !s.GivenAt.IsZero() {
		attrs = append(attrs, slog.Time("given_at", s.GivenAt))
	}
	attrs = append(attrs, dateAttr("policy", s.Policy)...)
	if s.Guardian {
		attrs = append(attrs, slog.Bool("guardian", true))
	}
	if s.ExplicitAfterSignal {
		attrs = append(attrs, slog.Bool("explicit_after_signal", true))
	}
	if s.SignalIgnored {
		attrs = append(attrs, slog.Bool("signal_ignored", true))
	}
	return slog.GroupValue(attrs...)
}

// LogValue implements [slog.LogValuer]: the state with the subject shown
// as [Redacted].
func (s ConsentState) LogValue() slog.Value { return s.logValue(Redactor{}) }

// GoString returns the state in Go syntax with the subject redacted.
func (s ConsentState) GoString() string {
	p := consentStatePlain(s)
	p.Subject = redactText(p.Subject)
	return goString("ConsentState", p)
}

// Format implements [fmt.Formatter] as [ConsentEvent.Format] does.
func (s ConsentState) Format(f fmt.State, verb rune) {
	formatRedacted(f, verb, s.String(), s.GoString())
}

func (l Ledger) logValue(Redactor) slog.Value {
	return slog.GroupValue(slog.Int("events", len(l.events)))
}

// String returns "consent ledger of 2 events": never the events, which
// name their subjects.
func (l Ledger) String() string {
	if len(l.events) == 1 {
		return "consent ledger of 1 event"
	}
	return "consent ledger of " + strconv.Itoa(len(l.events)) + " events"
}

// GoString returns "privacy.Ledger{/* 2 events */}".
func (l Ledger) GoString() string {
	n := strconv.Itoa(len(l.events)) + " events"
	if len(l.events) == 1 {
		n = "1 event"
	}
	return "privacy.Ledger{/* " + n + " */}"
}

// LogValue implements [slog.LogValuer]: the number of events.
func (l Ledger) LogValue() slog.Value { return l.logValue(Redactor{}) }

// Format implements [fmt.Formatter]: fmt.Sprint(l) is l.String(), so
// printing a ledger never prints its subjects.
func (l Ledger) Format(f fmt.State, verb rune) { formatRedacted(f, verb, l.String(), l.GoString()) }

type requestEventPlain RequestEvent

func (e RequestEvent) logValue(Redactor) slog.Value {
	attrs := []slog.Attr{
		slog.String("action", e.Action.String()),
		slog.String("kind", e.Kind.String()),
	}
	attrs = append(attrs, dateAttr("on", e.On)...)
	if e.From != 0 {
		attrs = append(attrs, slog.String("from", e.From.String()))
	}
	attrs = append(attrs, slog.String("to", e.To.String()))
	attrs = append(attrs, dateAttr("due", e.Due)...)
	if e.Reasons != "" {
		attrs = append(attrs, slog.String("reasons", Redacted))
	}
	return slog.GroupValue(attrs...)
}

// LogValue implements [slog.LogValuer]: the event without its reasons,
// free text that may name people.
func (e RequestEvent) LogValue() slog.Value { return e.logValue(Redactor{}) }

// GoString returns the event in Go syntax with the reasons redacted.
func (e RequestEvent) GoString() string {
	p := requestEventPlain(e)
	p.Reasons = redactText(p.Reasons)
	return goString("RequestEvent", p)
}

// Format implements [fmt.Formatter] as [ConsentEvent.Format] does.
func (e RequestEvent) Format(f fmt.State, verb rune) {
	formatRedacted(f, verb, e.String(), e.GoString())
}

func (r Request) logValue(Redactor) slog.Value {
	attrs := []slog.Attr{slog.String("kind", r.Kind.String())}
	attrs = append(attrs, dateAttr("received", r.Received)...)
	attrs = append(attrs, slog.String("state", r.State.String()))
	attrs = append(attrs, dateAttr("due", r.Due.Date)...)
	attrs = append(attrs, dateAttr("extension_told", r.ExtensionTold)...)
	attrs = append(attrs, dateAttr("closed", r.Closed)...)
	return slog.GroupValue(attrs...)
}

// LogValue implements [slog.LogValuer]: kind, dates and state. A Request
// holds no personal data; its log value is as terse as its String.
func (r Request) LogValue() slog.Value { return r.logValue(Redactor{}) }

type subjectExportPlain SubjectExport

func (x SubjectExport) logValue(r Redactor) slog.Value {
	attrs := []slog.Attr{
		slog.String("format", x.Format),
		slog.String("kind", x.Kind.String()),
	}
	attrs = append(attrs, dateAttr("policy_version", x.PolicyVersion)...)
	attrs = append(attrs,
		slog.Time("generated", x.Generated),
		slog.String("subject", r.Subject(x.Subject)),
		slog.Int("items", len(x.Items)),
		slog.Int("withheld", x.Withheld))
	return slog.GroupValue(attrs...)
}

// String returns "access export of 3 items, 1 withheld (policy
// 2026-06-24)": never the subject or the data.
func (x SubjectExport) String() string {
	return fmt.Sprintf("%s export of %d items, %d withheld (policy %s)", x.Kind, len(x.Items), x.Withheld, x.PolicyVersion)
}

// LogValue implements [slog.LogValuer]: the export's kind, dates and
// counts, with the subject's identifier redacted and no item's value.
func (x SubjectExport) LogValue() slog.Value { return x.logValue(Redactor{}) }

// GoString returns the export in Go syntax with the subject and the
// items' values redacted.
func (x SubjectExport) GoString() string {
	p := subjectExportPlain(x)
	p.Subject = redactText(p.Subject)
	return goString("SubjectExport", p) // the items print as their GoString
}

type exportItemPlain ExportItem

func (it ExportItem) redacted() exportItemPlain {
	p := exportItemPlain(it)
	if p.Value != nil {
		p.Value = Redacted
	}
	return p
}

func (it ExportItem) logValue(Redactor) slog.Value {
	attrs := []slog.Attr{
		slog.String("category", string(it.Category)),
		slog.String("purpose", string(it.Purpose)),
	}
	if it.Basis != 0 {
		attrs = append(attrs, slog.String("basis", it.Basis.String()))
	}
	if it.Value != nil {
		attrs = append(attrs, slog.String("value", Redacted))
	}
	return slog.GroupValue(attrs...)
}

// String returns "user.contact.email for marketing.communications.email":
// never the value.
func (it ExportItem) String() string { return string(it.Category) + " for " + string(it.Purpose) }

// LogValue implements [slog.LogValuer]: category, purpose and basis; the
// value is [Redacted].
func (it ExportItem) LogValue() slog.Value { return it.logValue(Redactor{}) }

// GoString returns the item in Go syntax with the value redacted.
func (it ExportItem) GoString() string { return goString("ExportItem", it.redacted()) }

// Format implements [fmt.Formatter] as [ConsentEvent.Format] does.
func (it ExportItem) Format(f fmt.State, verb rune) {
	formatRedacted(f, verb, it.String(), it.GoString())
}

type receiptPlain Receipt

func (rc Receipt) logValue(r Redactor) slog.Value {
	return slog.GroupValue(
		slog.String("version", rc.Version),
		slog.String("consent_receipt_id", rc.ConsentReceiptID),
		slog.Int64("consent_timestamp", rc.ConsentTimestamp),
		slog.String("collection_method", rc.CollectionMethod),
		slog.String("subject", r.Subject(rc.PIIPrincipalID)),
		slog.Int("services", len(rc.Services)),
		slog.Int("evidence", len(rc.Evidence)))
}

// String returns "consent receipt 6f1c...-... (KI-CR-v1.1.0)": never the
// subject's identifier, even hashed.
func (rc Receipt) String() string {
	return "consent receipt " + rc.ConsentReceiptID + " (" + rc.Version + ")"
}

// LogValue implements [slog.LogValuer]: the receipt's identity and counts,
// with the subject's hashed identifier redacted.
func (rc Receipt) LogValue() slog.Value { return rc.logValue(Redactor{}) }

// GoString returns the receipt in Go syntax with the subject's hashed
// identifier redacted.
func (rc Receipt) GoString() string {
	p := receiptPlain(rc)
	p.PIIPrincipalID = redactText(p.PIIPrincipalID)
	return goString("Receipt", p)
}

// Format implements [fmt.Formatter] as [ConsentEvent.Format] does.
func (rc Receipt) Format(f fmt.State, verb rune) { formatRedacted(f, verb, rc.String(), rc.GoString()) }

func (c Child) logValue(Redactor) slog.Value {
	attrs := []slog.Attr{slog.String("country", c.Country)}
	if !c.Birth.IsZero() {
		attrs = append(attrs, slog.String("birth", Redacted))
	}
	return slog.GroupValue(attrs...)
}

// String returns "child in DK" (or "no child" for the zero Child): never
// the date of birth.
func (c Child) String() string {
	if c.IsZero() {
		return "no child"
	}
	return "child in " + c.Country
}

// LogValue implements [slog.LogValuer]: the country, with the date of
// birth [Redacted].
func (c Child) LogValue() slog.Value { return c.logValue(Redactor{}) }

// GoString returns `privacy.Child{Country:"DK", Birth:[redacted]}`.
func (c Child) GoString() string {
	b := "{}"
	if !c.Birth.IsZero() {
		b = Redacted
	}
	return fmt.Sprintf("privacy.Child{Country:%q, Birth:%s}", c.Country, b)
}

// Format implements [fmt.Formatter] as [ConsentEvent.Format] does.
func (c Child) Format(f fmt.State, verb rune) { formatRedacted(f, verb, c.String(), c.GoString()) }

type receiptInfoPlain ReceiptInfo

func (ri ReceiptInfo) logValue(Redactor) slog.Value {
	return slog.GroupValue(
		slog.String("service", ri.Service),
		slog.String("controller", ri.Controller.Name),
		slog.String("jurisdiction", ri.Jurisdiction),
		slog.Bool("keyed", len(ri.SubjectKey) > 0))
}

// String returns "receipt info for OpenDIMS": never the subject key.
func (ri ReceiptInfo) String() string { return "receipt info for " + ri.Service }

// LogValue implements [slog.LogValuer] without the subject key.
func (ri ReceiptInfo) LogValue() slog.Value { return ri.logValue(Redactor{}) }

// GoString returns the info in Go syntax without the subject key.
func (ri ReceiptInfo) GoString() string {
	p := receiptInfoPlain(ri)
	p.SubjectKey = nil
	return goString("ReceiptInfo", p)
}

// Format implements [fmt.Formatter] as [ConsentEvent.Format] does.
func (ri ReceiptInfo) Format(f fmt.State, verb rune) {
	formatRedacted(f, verb, ri.String(), ri.GoString())
}

func (m Masking) logValue(Redactor) slog.Value {
	return slog.GroupValue(slog.String("kind", m.Kind.String()), slog.Bool("keyed", len(m.Key) > 0))
}

// LogValue implements [slog.LogValuer] without the key.
func (m Masking) LogValue() slog.Value { return m.logValue(Redactor{}) }

// GoString returns `privacy.Masking{Kind:0x3}` without the key.
func (m Masking) GoString() string { return fmt.Sprintf("privacy.Masking{Kind:%#v}", m.Kind) }

// Format implements [fmt.Formatter] as [ConsentEvent.Format] does.
func (m Masking) Format(f fmt.State, verb rune) { formatRedacted(f, verb, m.String(), m.GoString()) }
