package privacy

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
)

func FuzzParseGPC(f *testing.F) {
	for _, s := range []string{"1", " 1 ", "0", "", "true", "1,1", "\x00"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, v string, present bool) {
		g := ParseGPC(v, present)
		if g == GPCOptOut && (!present || strings.Trim(v, " \t") != "1") {
			t.Errorf("ParseGPC(%q, %v) = opt-out", v, present)
		}
		if g != GPCOptOut && g != GPCUnset {
			t.Errorf("ParseGPC gave %d", g)
		}
	})
}

func FuzzNoticeHash(f *testing.F) {
	f.Add(notice.String())
	f.Add("")
	f.Add("zz")
	f.Add(strings.Repeat("g", 64))
	f.Fuzz(func(t *testing.T, s string) {
		var h NoticeHash
		if err := h.UnmarshalText([]byte(s)); err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		if got, _ := h.MarshalText(); !strings.EqualFold(string(got), s) {
			t.Errorf("round trip %q -> %q", s, got)
		}
	})
}

// FuzzEnumText checks every enum's UnmarshalText: it never panics, fails
// with ErrUnknownValue, and round-trips what it accepts.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"consent", "access", "granted", "banner", "art9", "", "x", "first_party_only", "hmac-sha256"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		type textEnum interface {
			UnmarshalText([]byte) error
			MarshalText() ([]byte, error)
		}
		for _, e := range []textEnum{new(LegalBasis), new(Art9Condition), new(Special), new(RequestKind),
			new(RequestState), new(RequestAction), new(ConsentAction), new(Method), new(ConsentStatus),
			new(Renewal), new(Role), new(Source), new(RecipientKind), new(Safeguard), new(RetentionKind),
			new(CookiePromise), new(ChangeKind), new(RetentionAction), new(MaskKind), new(Risk), new(GPC),
			new(ConsentModeValue), new(CookieCategory)} {
			err := e.UnmarshalText([]byte(s))
			if err != nil {
				if !errors.Is(err, ErrUnknownValue) {
					t.Errorf("%T: error %v does not wrap ErrUnknownValue", e, err)
				}
				// Enum text is quoted, at most 32 bytes of it.
				if msg := err.Error(); !strings.HasPrefix(msg, "privacy: unknown value: unknown ") || (len(s) > 32 && strings.Contains(msg, s)) {
					t.Errorf("%T: error %q quotes more than 32 bytes of the input", e, msg)
				}
				continue
			}
			if b, err := e.MarshalText(); err != nil || string(b) != s {
				t.Errorf("%T: round trip %q -> %q, %v", e, s, b, err)
			}
		}
	})
}

// FuzzConsentEventsJSON decodes events from JSON, builds a ledger (the
// same events in the same order, or the same problems, as the reference
// construction) and folds it: no panic, and withdrawal wins from its
// instant.
func FuzzConsentEventsJSON(f *testing.F) {
	f.Add(`[{"subject":"a","purpose":"marketing","action":"given","at":"2026-01-01T00:00:00Z","policy":"2025-02-01","method":"form","notice":"` + notice.String() + `"},
	{"subject":"a","purpose":"marketing","action":"withdrawn","at":"2026-01-01T00:00:00Z","method":"link"}]`)
	f.Add(`[{"subject":"a","purpose":"x","action":"objected","at":"2026-01-01T00:00:00Z","method":"signal","source":"Sec-GPC"}]`)
	f.Add(`[{}]`)
	f.Fuzz(func(t *testing.T, s string) {
		var evs []ConsentEvent
		if json.Unmarshal([]byte(s), &evs) != nil {
			return
		}
		sameLedger(t, "fuzz", evs) // the fast paths build what the reference builds
		l, err := NewLedger(evs...)
		if err != nil {
			var ve *contract.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("NewLedger error %v is not a ValidationError with problems", err)
			}
			return
		}
		for e := range l.All() {
			st := l.State(e.Subject, e.Purpose, e.At)
			_ = st.String()
			if e.Action == Withdrawn && st.Granted() {
				t.Fatalf("granted at the instant of a withdrawal: %v", st)
			}
		}
		_ = l.States(time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC))
	})
}

// FuzzReplayRequest decodes request events and replays them: never a
// panic; a successful replay has a due date no earlier than receipt.
func FuzzReplayRequest(f *testing.F) {
	f.Add(`[{"action":"receive","kind":"access","on":"2026-01-31","to":"received"},{"action":"extend","kind":"access","on":"2026-02-10","reasons":"complex"}]`)
	f.Add(`[{"action":"start","kind":"erasure","on":"2026-01-31"}]`)
	f.Fuzz(func(t *testing.T, s string) {
		var evs []RequestEvent
		if json.Unmarshal([]byte(s), &evs) != nil {
			return
		}
		r, err := ReplayRequest(contract.Counter{}, evs)
		if err != nil {
			return
		}
		if r.Due.Date.Before(r.Received) {
			t.Errorf("due %v before receipt %v", r.Due.Date, r.Received)
		}
	})
}

// FuzzPolicyJSON decodes a policy and validates it: never a panic, and
// every error is a ValidationError.
func FuzzPolicyJSON(f *testing.F) {
	b, _ := json.Marshal(OpenProducts2018())
	f.Add(string(b))
	b, _ = json.Marshal(OpenDIMS2026())
	f.Add(string(b))
	f.Add(`{"activities":[{"purpose":"Bad","categories":["user.biometric"]}]}`)
	tax := DefaultTaxonomy()
	f.Fuzz(func(t *testing.T, s string) {
		var p Policy
		if json.Unmarshal([]byte(s), &p) != nil {
			return
		}
		if err := p.Validate(tax); err != nil {
			var ve *contract.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate error %v is not a ValidationError", err)
			}
		}
		_ = Diff(OpenDIMS2025(), p)
		_ = RecordsOfProcessing(p)
	})
}
