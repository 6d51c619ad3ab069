package privacy

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"strconv"
	"strings"
)

// Redacted is what logs and fmt show in place of personal data.
const Redacted = "[redacted]"

// Redactor decides how personal data in this package's values appears in
// logs: a subject's identifier, a child's date of birth, the free text of
// a request's reasons, the data of an export. The zero Redactor redacts
// it all; a Redactor made with [NewRedactor] and a key the host keeps
// secret shows each subject identifier as a keyed HMAC instead, so log
// lines about one subject can be matched without naming them:
//
//	red := privacy.NewRedactor(key)
//	logger.Info("consent", "event", red.Value(event))
//	// {"event":{"subject":"hmac:5f0c...","purpose":"marketing", ...}}
//
// Without a Redactor, the values redact fully on their own: each type
// that carries personal data implements [slog.LogValuer] (the zero
// Redactor's view) and [fmt.Formatter], so %v, %+v, %s and %#v print it
// without the personal data: a ConsentEvent logs "subject":"[redacted]".
//
// A Redactor is never stored and never shows its key: String, %#v and
// its log value print "privacy.Redactor{keyed}" or "privacy.Redactor{}".
type Redactor struct {
	key []byte
}

// NewRedactor returns a Redactor that shows subject identifiers as the
// HMAC-SHA256 of the identifier under key, as "hmac:" and 24 hex digits.
// key is copied; an empty key gives the zero Redactor, which redacts
// fully.
func NewRedactor(key []byte) Redactor {
	if len(key) == 0 {
		return Redactor{}
	}
	return Redactor{key: append([]byte(nil), key...)}
}

// Subject returns how subject appears in logs: "" for "", [Redacted]
// without a key, and "hmac:" followed by the first 24 hex digits of the
// HMAC-SHA256 of subject under the key with one:
// NewRedactor([]byte("k")).Subject("c-1042") is always the same text, and
// another subject's is another.
func (r Redactor) Subject(subject string) string {
	if subject == "" {
		return ""
	}
	if len(r.key) == 0 {
		return Redacted
	}
	m := hmac.New(sha256.New, r.key)
	m.Write([]byte(subject))
	return "hmac:" + hex.EncodeToString(m.Sum(nil)[:12])
}

// redactable is implemented by the package's values that carry personal
// data.
type redactable interface {
	logValue(r Redactor) slog.Value
}

// Value returns the log value of v with its personal data shown as r
// says, for a value of this package that carries personal data
// ([ConsentEvent], [ConsentState], [Ledger], [RequestEvent], [Request],
// [SubjectExport], [ExportItem], [Receipt], [Child], [ReceiptInfo],
// [Masking]); any other value is returned as [slog.AnyValue] gives it.
// Log it with slog.Any(key, r.Value(v)).
//
// A slice or array of such values, such as the []ConsentState of
// [Ledger.States], becomes a group keyed by index ({"0":{...},"1":{...}}):
// slog writes a plain slice with encoding/json, which shows what the
// values store, subjects included, so log slices through Value.
func (r Redactor) Value(v any) slog.Value {
	if x, ok := v.(redactable); ok {
		return x.logValue(r)
	}
	rv := reflect.ValueOf(v)
	if (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) &&
		rv.Type().Elem().Implements(reflect.TypeFor[redactable]()) {
		attrs := make([]slog.Attr, rv.Len())
		for i := range attrs {
			attrs[i] = slog.Attr{Key: strconv.Itoa(i), Value: rv.Index(i).Interface().(redactable).logValue(r)}
		}
		return slog.GroupValue(attrs...)
	}
	return slog.AnyValue(v)
}

// String returns "privacy.Redactor{keyed}", or "privacy.Redactor{}" for
// the zero Redactor; never the key.
func (r Redactor) String() string {
	if len(r.key) == 0 {
		return "privacy.Redactor{}"
	}
	return "privacy.Redactor{keyed}"
}

// GoString returns what String returns.
func (r Redactor) GoString() string { return r.String() }

// Format prints String for every verb, so no verb shows the key.
func (r Redactor) Format(f fmt.State, verb rune) { formatRedacted(f, verb, r.String(), r.GoString()) }

// LogValue logs String.
func (r Redactor) LogValue() slog.Value { return slog.StringValue(r.String()) }

// formatRedacted implements fmt.Formatter for a value whose String and
// GoString hold no personal data: %#v prints gs, every other verb prints
// s with the verb's flags, width and precision as a string.
func formatRedacted(f fmt.State, verb rune, s, gs string) {
	switch {
	case f == nil: // fmt never passes nil; a direct call gets nothing
		return
	case verb == 'v' && f.Flag('#'):
		io.WriteString(f, gs)
	case verb == 'q' || verb == 'x' || verb == 'X':
		fmt.Fprintf(f, fmt.FormatString(f, verb), s)
	default:
		fmt.Fprintf(f, strings.ReplaceAll(fmt.FormatString(f, 's'), "#", ""), s)
	}
}

// goString renders plain, a copy of a value as a type without methods
// and with its personal data replaced, in Go syntax under the value's
// own type name: privacy.ConsentEvent{Subject:"[redacted]", ...}.
func goString(name string, plain any) string {
	s := fmt.Sprintf("%#v", plain)
	if i := strings.IndexByte(s, '{'); i >= 0 {
		return "privacy." + name + s[i:]
	}
	return "privacy." + name + "{}"
}

// redactText returns "" for "" and [Redacted] otherwise: free text given
// by or about a subject is never shown.
func redactText(s string) string {
	if s == "" {
		return ""
	}
	return Redacted
}
