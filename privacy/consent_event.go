package privacy

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
)

// ConsentAction is what a [ConsentEvent] records.
type ConsentAction uint8

// The consent actions. At the same instant they apply in this order, so a
// withdrawal recorded at the same instant as a grant wins.
const (
	// Given records consent given (GDPR Art. 4(11), 7).
	Given ConsentAction = iota + 1
	// Expired records that a consent lapsed, such as a fixed-term consent
	// the host ends.
	Expired
	// Objected records an objection (Art. 21): an opt-out of marketing
	// from any channel, or a Global Privacy Control signal. Unlike a
	// withdrawal it also stops processing that needs no consent, such as
	// marketing on legitimate interests.
	Objected
	// Withdrawn records the withdrawal of consent (Art. 7(3)).
	Withdrawn
)

var consentActionNames = enum.Names{"", "given", "expired", "objected", "withdrawn"}

// String returns "given", "expired", "objected" or "withdrawn".
func (a ConsentAction) String() string {
	return enum.String(consentActionNames, a, "ConsentAction")
}

// MarshalText implements encoding.TextMarshaler.
func (a ConsentAction) MarshalText() ([]byte, error) {
	return enum.Marshal(consentActionNames, a, "consent action", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (a *ConsentAction) UnmarshalText(b []byte) error {
	return enum.Unmarshal(consentActionNames, b, a, "consent action", ErrUnknownValue)
}

// Method is how a consent event was collected.
type Method uint8

// The collection methods.
const (
	// MethodBanner is a consent banner or cookie dialog.
	MethodBanner Method = iota + 1
	// MethodForm is a form, such as a newsletter sign-up or account page.
	MethodForm
	// MethodAPI is a call from the host's own systems on the subject's
	// instruction.
	MethodAPI
	// MethodSignal is an automated signal: a Global Privacy Control
	// header or an IAB TCF string. Its Source names it.
	MethodSignal
	// MethodLink is an unsubscribe link in a message.
	MethodLink
	// MethodContact is a message or call to the controller (the policy's
	// "by contacting us").
	MethodContact
)

var methodNames = enum.Names{"", "banner", "form", "api", "signal", "link", "contact"}

// String returns "banner", "form", "api", "signal", "link" or "contact".
func (m Method) String() string { return enum.String(methodNames, m, "Method") }

// MarshalText implements encoding.TextMarshaler.
func (m Method) MarshalText() ([]byte, error) {
	return enum.Marshal(methodNames, m, "method", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (m *Method) UnmarshalText(b []byte) error {
	return enum.Unmarshal(methodNames, b, m, "method", ErrUnknownValue)
}

// NoticeHash is the SHA-256 of the notice text the subject was shown when
// consenting, proof of what they agreed to (Art. 7(1)). Compute it with
// crypto/sha256.Sum256 over the exact text. It marshals as 64 lower-case
// hex digits; the zero NoticeHash marshals as "".
type NoticeHash [32]byte

// IsZero reports whether h is the zero hash.
func (h NoticeHash) IsZero() bool { return h == NoticeHash{} }

// String returns the hash in hex.
func (h NoticeHash) String() string {
	if h.IsZero() {
		return ""
	}
	return hex.EncodeToString(h[:])
}

// MarshalText implements encoding.TextMarshaler.
func (h NoticeHash) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler: 64 hex digits, or ""
// for the zero hash. Other text, and 64 zeros (which would not read back
// the same), is an error wrapping ErrInvalid.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (h *NoticeHash) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*h = NoticeHash{}
		return nil
	}
	var v NoticeHash
	if len(b) != 64 {
		return fmt.Errorf("%w: notice hash needs 64 hex digits, got %d bytes", ErrInvalid, len(b))
	}
	if _, err := hex.Decode(v[:], b); err != nil {
		return fmt.Errorf("%w: notice hash is not hex", ErrInvalid)
	}
	if v.IsZero() {
		return fmt.Errorf("%w: notice hash of all zeros; use \"\" for none", ErrInvalid)
	}
	*h = v
	return nil
}

// Limits on a [ConsentEvent], checked by [NewLedger] and [Ledger.Append]:
// a subject reference is a customer number or a hash, not a document, and
// an instant must be one JSON (RFC 3339) can write and read back, in the
// years 1 to 9999 UTC.
const (
	// MaxSubjectLen is the longest Subject, in bytes: a 10 MB subject is
	// refused with rule "max_length".
	MaxSubjectLen = 256
	// MaxSourceLen is the longest Source, in bytes.
	MaxSourceLen = 256
)

// ConsentEvent is one entry of the consent ledger. Events are never changed
// or removed: a withdrawal is a new event. Subject is the host's
// pseudonymous reference for the person (a customer number, not an e-mail
// address); it never appears in String output or errors, and proofs carry
// it only hashed.
type ConsentEvent struct {
	// Subject is the host's reference for the data subject.
	Subject string `json:"subject"`
	// Purpose is the data use consented to; it covers every use under it.
	Purpose DataUse `json:"purpose"`
	// Action is what happened.
	Action ConsentAction `json:"action"`
	// At is the instant; the ledger stores it in UTC.
	At time.Time `json:"at"`
	// Policy is the effective date of the policy version in force, which
	// identifies the version: 2025-02-01 for OpenDIMS's first.
	Policy contract.Date `json:"policy,omitzero"`
	// Method is how the event was collected.
	Method Method `json:"method"`
	// Notice is the SHA-256 of the notice text shown; required for a
	// consent given by any method but a signal.
	Notice NoticeHash `json:"notice,omitzero"`
	// Source names a signal or channel: "Sec-GPC", a TCF string's CMP, an
	// unsubscribe campaign. It must not hold personal data.
	Source string `json:"source,omitempty"`
	// Guardian reports consent given or authorised by the holder of
	// parental responsibility (Art. 8(1)).
	Guardian bool `json:"guardian,omitempty"`
}

// String returns "2026-01-05T10:00:00Z given marketing.communications.email
// via form (policy 2025-02-01)" without the subject.
func (e ConsentEvent) String() string {
	s := fmt.Sprintf("%s %s %s via %s", e.At.UTC().Format(time.RFC3339), e.Action, e.Purpose, e.Method)
	if !e.Policy.IsZero() {
		s += " (policy " + e.Policy.String() + ")"
	}
	return s
}

// check records the problems of e at path: "events[3].notice".
func (e ConsentEvent) check(ps *contract.Problems, path string) {
	if f := e.faults(); f != 0 {
		e.report(ps, path, f)
	}
}

// The faults of a consent event, one bit for each problem [ConsentEvent.check]
// can record, in the order it records them.
const (
	faultSubjectRequired uint16 = 1 << iota
	faultSubjectLong
	faultSourceLong
	faultPurpose
	faultAction
	faultAtRequired
	faultAtBefore
	faultAtAfter
	faultMethod
	faultNotice
	faultPolicy
	faultSignalSource
)

// endOfYear9999 is the first instant JSON cannot write: 10000-01-01 UTC.
// The zero time.Time is the first one it can.
var endOfYear9999 = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)

// faults returns the faults of e, 0 for a valid event. It builds no
// string, so checking a valid event costs a few comparisons.
func (e *ConsentEvent) faults() uint16 {
	var f uint16
	if e.Subject == "" {
		f |= faultSubjectRequired
	} else if len(e.Subject) > MaxSubjectLen {
		f |= faultSubjectLong
	}
	if len(e.Source) > MaxSourceLen {
		f |= faultSourceLong
	}
	if !e.Purpose.Valid() {
		f |= faultPurpose
	}
	if e.Action < Given || e.Action > Withdrawn {
		f |= faultAction
	}
	if e.At.IsZero() {
		f |= faultAtRequired
	} else if e.At.Before(time.Time{}) || !e.At.Before(endOfYear9999) {
		// Outside the years 1 to 9999 UTC, or so it seems: the UTC
		// year decides, as it always has, also for the extreme instants
		// whose year wraps around.
		if y := e.At.UTC().Year(); y < 1 {
			f |= faultAtBefore
		} else if y > 9999 {
			f |= faultAtAfter
		}
	}
	if e.Method < MethodBanner || e.Method > MethodContact {
		f |= faultMethod
	}
	if e.Action == Given && e.Method != MethodSignal {
		if e.Notice.IsZero() {
			f |= faultNotice
		}
		if e.Policy.IsZero() {
			f |= faultPolicy
		}
	}
	if e.Method == MethodSignal && e.Source == "" {
		f |= faultSignalSource
	}
	return f
}

// report records the problems of faults f of e at path.
func (e *ConsentEvent) report(ps *contract.Problems, path string, f uint16) {
	if f&faultSubjectRequired != 0 {
		ps.Add(path+".subject", "required", "")
	}
	if f&faultSubjectLong != 0 {
		ps.Add(path+".subject", "max_length", strconv.Itoa(MaxSubjectLen))
	}
	if f&faultSourceLong != 0 {
		ps.Add(path+".source", "max_length", strconv.Itoa(MaxSourceLen))
	}
	if f&faultPurpose != 0 {
		ps.Add(path+".purpose", "taxonomy_key", truncKey(string(e.Purpose)))
	}
	if f&faultAction != 0 {
		ps.Add(path+".action", "oneof", strings.Join(consentActionNames[1:], " "))
	}
	if f&faultAtRequired != 0 {
		ps.Add(path+".at", "required", "")
	}
	if f&faultAtBefore != 0 {
		ps.Add(path+".at", "gte", "0001-01-01T00:00:00Z")
	}
	if f&faultAtAfter != 0 {
		ps.Add(path+".at", "lt", "10000-01-01T00:00:00Z")
	}
	if f&faultMethod != 0 {
		ps.Add(path+".method", "oneof", strings.Join(methodNames[1:], " "))
	}
	if f&faultNotice != 0 {
		ps.Add(path+".notice", "required_for_consent", "GDPR Art. 7(1)")
	}
	if f&faultPolicy != 0 {
		ps.Add(path+".policy", "required_for_consent", "GDPR Art. 7(1)")
	}
	if f&faultSignalSource != 0 {
		ps.Add(path+".source", "required_for_signal", "")
	}
}

// Equal reports whether e and o record the same event: the same instant
// (in any location) and equal fields.
func (e ConsentEvent) Equal(o ConsentEvent) bool {
	return e.At.Equal(o.At) && e.Subject == o.Subject && e.Purpose == o.Purpose &&
		e.Action == o.Action && e.Policy == o.Policy && e.Method == o.Method &&
		e.Notice == o.Notice && e.Source == o.Source && e.Guardian == o.Guardian
}

// compareEvents is the ledger's total order: by instant, then action
// (Given < Expired < Objected < Withdrawn), then every other field, so the
// order of events with the same instant never depends on the order they
// were appended in. It stops at the first key that differs.
func compareEvents(a, b ConsentEvent) int {
	if c := a.At.Compare(b.At); c != 0 {
		return c
	}
	if a.Action != b.Action {
		if a.Action < b.Action {
			return -1
		}
		return 1
	}
	return compareRest(&a, &b)
}

// compareRest is compareEvents on the keys after instant and action.
func compareRest(a, b *ConsentEvent) int {
	if c := strings.Compare(a.Subject, b.Subject); c != 0 {
		return c
	}
	if c := strings.Compare(string(a.Purpose), string(b.Purpose)); c != 0 {
		return c
	}
	if a.Method != b.Method {
		if a.Method < b.Method {
			return -1
		}
		return 1
	}
	if c := a.Policy.Compare(b.Policy); c != 0 {
		return c
	}
	if c := strings.Compare(a.Source, b.Source); c != 0 {
		return c
	}
	if c := bytes.Compare(a.Notice[:], b.Notice[:]); c != 0 {
		return c
	}
	return boolCompare(a.Guardian, b.Guardian)
}

func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
