package privacy

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pimkit/pimkit/contract"
)

// TestNilConsentedIsNoConsent checks that a nil consent callback is no
// consent to any use, not a panic: only essential flags and strictly
// necessary cookies are granted (ePrivacy Directive Art. 5(3)).
func TestNilConsentedIsNoConsent(t *testing.T) {
	m := DefaultConsentModeMapping()
	got := m.Derive(nil)
	want := m.Derive(func(DataUse) bool { return false })
	if got != want {
		t.Errorf("Derive(nil) = %+v, want %+v (no consent)", got, want)
	}
	if got.SecurityStorage != GrantedValue || got.AdStorage != Denied {
		t.Errorf("Derive(nil) = %+v: security granted, ads denied expected", got)
	}
	inv := CookieInventory{Site: "openproducts.com", Cookies: []Cookie{
		{Name: "session", Category: StrictlyNecessary},
		{Name: "_stats", Category: Statistics},
	}}
	ds := inv.Settable(nil)
	if len(ds) != 2 || !ds[0].Decision.Allowed || ds[1].Decision.Allowed {
		t.Errorf("Settable(nil) = %+v, want only the necessary cookie", ds)
	}
}

// TestWriteJSONNilWriter checks that a nil writer is an error matching
// ErrNil, not a panic.
func TestWriteJSONNilWriter(t *testing.T) {
	for name, write := range map[string]func() error{
		"ProcessingRecords": func() error { return ProcessingRecords{}.WriteJSON(nil) },
		"Receipt":           func() error { return Receipt{}.WriteJSON(nil) },
		"SubjectExport":     func() error { return SubjectExport{}.WriteJSON(nil) },
	} {
		if err := write(); !errors.Is(err, ErrNil) {
			t.Errorf("%s.WriteJSON(nil) = %v, want ErrNil", name, err)
		}
	}
}

// TestNewLedgerLimits checks that NewLedger refuses what JSON could not
// store or what no subject reference needs: instants in the years 0 and
// 10000, a 10 MB subject; and that every event it accepts round-trips.
func TestNewLedgerLimits(t *testing.T) {
	base := give("c-1", UseMarketingEmail, "2026-01-05T10:00:00Z")
	at := func(y int) ConsentEvent {
		e := base
		e.At = time.Date(y, 6, 1, 0, 0, 0, 0, time.UTC)
		return e
	}
	long := base
	long.Subject = strings.Repeat("x", 10<<20)
	source := base
	source.Source = strings.Repeat("s", MaxSourceLen+1)
	for name, c := range map[string]struct {
		e          ConsentEvent
		path, rule string
	}{
		"year 0":     {at(0), "events[0].at", "gte"},
		"year -1":    {at(-1), "events[0].at", "gte"},
		"year 10000": {at(10000), "events[0].at", "lt"},
		"10 MB":      {long, "events[0].subject", "max_length"},
		"source":     {source, "events[0].source", "max_length"},
	} {
		_, err := NewLedger(c.e)
		var ve *contract.ValidationError
		if !errors.As(err, &ve) || !ve.Has(c.path, c.rule) || !errors.Is(err, ErrInvalid) {
			t.Errorf("NewLedger(%s) = %v, want %s %s", name, err, c.path, c.rule)
		}
		if err != nil && strings.Contains(err.Error(), "xxxx") {
			t.Errorf("NewLedger(%s): error quotes the subject", name)
		}
	}
	// The edges are accepted and survive JSON.
	edge := base
	edge.Subject = strings.Repeat("x", MaxSubjectLen)
	for _, e := range []ConsentEvent{at(1), at(9999), edge} {
		l, err := NewLedger(e)
		if err != nil {
			t.Fatalf("NewLedger(%v) = %v", e.At, err)
		}
		b, err := json.Marshal(l)
		if err != nil {
			t.Fatalf("Marshal(%v) = %v", e.At, err)
		}
		var back Ledger
		if err := json.Unmarshal(b, &back); err != nil || !cmp.Equal(back, l) {
			t.Errorf("Unmarshal(Marshal(ledger at %v)) = %v", e.At, err)
		}
	}
}
