package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestConsentProof checks the consent states, the Consent Mode flags and
// that the receipt is valid JSON carrying the ledger as evidence.
func TestConsentProof(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatalf("run() = %v, want nil", err)
	}
	text, receipt, ok := strings.Cut(out.String(), "evidence:\n")
	if !ok {
		t.Fatalf("run() output has no receipt:\n%s", out.String())
	}
	for _, tc := range []struct{ name, want string }{
		{"GDPR Art. 21(5) GPC objection honoured", "GPC: the subject objected (GDPR Art. 21(5))"},
		{"GDPR Art. 7(3) withdrawal by unsubscribe link", "marketing.communications.email                the consent was withdrawn"},
		{"GDPR Art. 21(5) explicit opt-in outranks later signals", "the opt-in wins"},
		{"GPC denies ad_user_data in Consent Mode", `"ad_user_data":"denied"`},
		{"GDPR Art. 7(1) renewal after 13 months", "renewal age: the consent is older than P13M"},
		{"the stored ledger reads back whole", "read back equal: true"},
		{"GDPR Art. 32: logs leave the subject out", `"subject":"[redacted]"`},
		{"a keyed log shows the subject as an HMAC", `"subject":"hmac:`},
	} {
		if !strings.Contains(text, tc.want) {
			t.Errorf("%s: run() output lacks %q; output:\n%s", tc.name, tc.want, text)
		}
	}
	if strings.Contains(text, subject) {
		t.Errorf("run() output names the subject %q outside the receipt:\n%s", subject, text)
	}
	var r struct {
		Version  string `json:"version"`
		Evidence []struct {
			Action string `json:"action"`
		} `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(receipt), &r); err != nil {
		t.Fatalf("receipt is not JSON: %v", err)
	}
	if r.Version != "KI-CR-v1.1.0" || len(r.Evidence) != 11 {
		t.Errorf("receipt version %q with %d evidence entries, want KI-CR-v1.1.0 with 11 (every ledger event)", r.Version, len(r.Evidence))
	}
}
