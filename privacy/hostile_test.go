package privacy

import (
	"errors"
	"testing"
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
