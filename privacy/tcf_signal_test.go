package privacy

import (
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy/tcf"
)

func TestTCFEventsRecordTheStringsChoices(t *testing.T) {
	updated := time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)
	tc := tcf.TCString{Created: updated.Add(-time.Hour), LastUpdated: updated, CMPID: 300,
		VendorListVersion: 180, PolicyVersion: 5, PurposeConsents: tcf.NewIDSet(1, 3, 4, 9)}
	policy := contract.MustDate(2026, 6, 24)
	l, err := NewLedger(TCFEvents("visitor-7", tc, policy)...)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		purpose int
		granted bool
	}{
		{"TCF purpose 1 store/access consented", 1, true},
		{"TCF purpose 3 profiling consented", 3, true},
		{"TCF purpose 4 targeted ads consented", 4, true},
		{"TCF purpose 7 refused is a withdrawal", 7, false},
		{"TCF purpose 9 market research consented", 9, true},
		{"TCF purpose 10 refused", 10, false},
	}
	for _, tt := range tests {
		use, _ := TCFPurposeUse(tt.purpose)
		st := l.State("visitor-7", use, updated)
		if (st.Status == Granted) != tt.granted {
			t.Errorf("%s: State(%s) = %v, want granted %v", tt.name, use, st, tt.granted)
		}
	}
	evs := TCFEvents("visitor-7", tc, policy)
	if len(evs) != 11 {
		t.Fatalf("TCFEvents: %d events, want one per purpose 1-11", len(evs))
	}
	for _, e := range evs {
		if e.Method != MethodSignal || e.Source != "tcf:cmp=300:v=180" || !e.At.Equal(updated) || e.Policy != policy {
			t.Fatalf("event %v: want method signal, source tcf:cmp=300:v=180, at LastUpdated, policy %s", e, policy)
		}
	}

	// Purpose one treatment: purpose 1 was not asked about, so nothing is
	// recorded for it (TCF policy, purpose 1 not disclosed).
	tc.PurposeOneTreatment = true
	use1, _ := TCFPurposeUse(1)
	for _, e := range TCFEvents("visitor-7", tc, policy) {
		if e.Purpose == use1 {
			t.Errorf("PurposeOneTreatment: an event for purpose 1 (%s) was recorded", use1)
		}
	}
}

// TestTCFConsentNeverLiftsAnObjection checks GDPR Art. 21(3): after an
// explicit marketing objection, a later TC string consenting to targeted
// advertising does not make it granted.
func TestTCFConsentNeverLiftsAnObjection(t *testing.T) {
	objected := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	updated := objected.Add(24 * time.Hour)
	tc := tcf.TCString{LastUpdated: updated, CMPID: 300, VendorListVersion: 180, PolicyVersion: 5,
		PurposeConsents: tcf.NewIDSet(4)}
	evs := append([]ConsentEvent{OptOut("visitor-7", objected, MethodLink, "newsletter-2026-03")},
		TCFEvents("visitor-7", tc, contract.MustDate(2026, 6, 24))...)
	l, err := NewLedger(evs...)
	if err != nil {
		t.Fatal(err)
	}
	use4, _ := TCFPurposeUse(4)
	if st := l.State("visitor-7", use4, updated); st.Status == Granted {
		t.Errorf("State(%s) after an objection and a TC string = %v, want not granted", use4, st)
	}
}
