package privacy

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
)

func TestPlanRetention(t *testing.T) {
	rules := RulesFromPolicy(OpenDIMS2026())
	rules = append(rules, RetentionRule{Purpose: "analytics", Retention: Retention{Kind: FromCollection, Period: contract.Months(13)}, Then: AnonymiseNow})
	recs := []InventoryRecord{
		{ID: "inv-2024-17", Category: "user.payment", Purpose: "essential.service.payment_processing", Basis: LegalObligation, Created: d("2024-03-10"), YearEnd: d("2024-12-31")},
		{ID: "acct-9", Category: "user.contact.email", Purpose: "essential.service", Basis: Contract, Created: d("2024-01-01")},
		{ID: "acct-10", Category: "user.contact.email", Purpose: "essential.service", Basis: Contract, Created: d("2024-01-01"), Ended: d("2025-06-30")},
		{ID: "ga-1", Category: "user.behavior", Purpose: "analytics.reporting", Basis: Consent, Created: d("2025-01-31")},
		{ID: "ga-2", Category: "user.behavior", Purpose: "analytics.reporting", Basis: Consent, Created: d("2024-01-31")},
	}
	tests := []struct {
		name  string
		on    string
		erase bool
		want  []string
	}{
		{"bogføringsloven § 10: 2024 invoice kept until 2029-12-31; Art. 5(1)(e) storage limitation", "2026-02-01", false, []string{
			"keep until 2029-12-31, then erase", "keep while needed", "erase now", "keep until 2026-02-28, then anonymise", "anonymise now"}},
		{"bogføringsloven § 10: last day kept", "2029-12-31", false, []string{
			"keep until 2029-12-31, then erase", "keep while needed", "erase now", "anonymise now", "anonymise now"}},
		{"bogføringsloven § 10: erased from 2030-01-01", "2030-01-01", false, []string{
			"erase now", "keep while needed", "erase now", "anonymise now", "anonymise now"}},
		{"Art. 17(3)(b) erasure request: only the legal hold remains", "2026-07-01", true, []string{
			"keep until 2029-12-31, then erase", "erase now", "erase now", "erase now", "erase now"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plans, err := PlanRetention(recs, rules, d(tt.on), tt.erase)
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range plans {
				if p.Record != recs[i].ID || p.String() != tt.want[i] {
					t.Errorf("plan %d = %s %q, want %s %q", i, p.Record, p, recs[i].ID, tt.want[i])
				}
			}
		})
	}
	plans, _ := PlanRetention(recs, rules, d("2026-07-01"), true)
	dec := ErasureDecision(plans, d("2026-07-01"))
	if dec.Allowed || dec.Date != d("2029-12-31") || dec.String() != "the law requires keeping the data; erase after 2029-12-31 (GDPR Art. 17(3)(b); bogføringsloven § 10)" {
		t.Errorf("ErasureDecision = %v (%v, %v)", dec, dec.Allowed, dec.Date)
	}
	if !plans[0].LegalHold || plans[1].LegalHold {
		t.Errorf("LegalHold = %v %v, want true false", plans[0].LegalHold, plans[1].LegalHold)
	}
	plans, _ = PlanRetention(recs[1:], rules, d("2026-07-01"), true)
	if dec := ErasureDecision(plans, d("2026-07-01")); !dec.Allowed || dec.Date != d("2026-07-01") {
		t.Errorf("ErasureDecision(no hold) = %v, want allowed now (Art. 17(1))", dec)
	}
}

func TestPlanRetentionProblems(t *testing.T) {
	_, err := PlanRetention([]InventoryRecord{
		{ID: "x", Purpose: "sales", Created: d("2025-01-01")},
		{ID: "y", Purpose: "essential.service.payment_processing", Created: d("2025-01-01")},
	}, RulesFromPolicy(OpenDIMS2026()), d("2026-01-01"), false)
	got := problemsOf(t, err)
	if len(got) != 2 || got[0].Rule != "no_retention_rule" || got[1].Path != "records[1].year_end" {
		t.Errorf("problems = %v, want no rule for records[0] and missing year end for records[1]", got)
	}
}

func TestMasking(t *testing.T) {
	tests := []struct {
		name   string
		m      Masking
		want   string
		wantOK bool
	}{
		{"Recital 26 null anonymises", Masking{Kind: MaskNull}, "", false},
		{"Recital 26 sha256 pseudonymises", Masking{Kind: MaskHash}, "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb", true},
		{"Recital 26 hmac with host key", Masking{Kind: MaskHMAC, Key: []byte("key")}, "", true},
		{"Recital 26 hmac without key is misconfigured", Masking{Kind: MaskHMAC}, "", false},
		{"Art. 25 invalid kind masks nothing", Masking{}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.m.Apply("a")
			if ok != tt.wantOK || (tt.want != "" && got != tt.want) {
				t.Errorf("Apply(a) = %q, %v, want %q, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
	a, _ := Masking{Kind: MaskHMAC, Key: []byte("k1")}.Apply("x")
	b, _ := Masking{Kind: MaskHMAC, Key: []byte("k2")}.Apply("x")
	if a == b || len(a) != 64 {
		t.Errorf("HMAC under different keys = %q, %q", a, b)
	}
	if s := (Masking{Kind: MaskHMAC, Key: []byte("secret")}).String(); strings.Contains(s, "secret") {
		t.Errorf("String() leaks the key: %q", s)
	}
	js, _ := json.Marshal(Masking{Kind: MaskHMAC, Key: []byte("secret")})
	if string(js) != `{"kind":"hmac_sha256"}` {
		t.Errorf("json = %s", js)
	}
}

func TestSubjectExport(t *testing.T) {
	items := []ExportItem{
		{Category: "user.contact.email", Purpose: "essential.service", Value: "jane@example.com"},
		{Category: "user.payment", Purpose: "essential.service.payment_processing", Value: map[string]string{"invoice": "2024-17"}},
		{Category: "user.behavior", Purpose: "functional.service.improve", Value: 17},
	}
	at := time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)
	acc, err := NewSubjectExport(OpenDIMS2026(), Access, HashSubject("cust-1", []byte("k")), at, items)
	if err != nil || len(acc.Items) != 3 || acc.Items[1].Basis != LegalObligation {
		t.Fatalf("access export = %+v, %v", acc, err)
	}
	port, err := NewSubjectExport(OpenDIMS2026(), Portability, "h", at, items)
	// Art. 20(1): only the contract item is portable.
	if err != nil || len(port.Items) != 1 || port.Withheld != 2 {
		t.Fatalf("portability export = %d items, %d withheld, %v; want 1, 2", len(port.Items), port.Withheld, err)
	}
	var buf bytes.Buffer
	if err := port.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"format": "pimkit.subject-export/v1"`, `"kind": "portability"`, `"basis": "contract"`, `"withheld": 2`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("export JSON lacks %s:\n%s", want, buf.String())
		}
	}
	_, err = NewSubjectExport(OpenDIMS2026(), Erasure, "h", at, []ExportItem{{Category: "user.name", Purpose: "sales"}})
	if got := problemsOf(t, err); len(got) != 2 {
		t.Errorf("problems = %v, want kind and unknown purpose", got)
	}
}

func TestBreachDeadlines(t *testing.T) {
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Skip("no tzdata")
	}
	aware := time.Date(2025, 3, 28, 16, 0, 0, 0, cph)
	b := Breach{Aware: aware, Categories: []DataCategory{"user.contact.email"}, Subjects: 120, Records: 300, Risk: HighRisk}
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	auth := b.AuthorityNotice()
	if !auth.Allowed || auth.At.Format(time.RFC3339) != "2025-03-31T17:00:00+02:00" {
		t.Errorf("AuthorityNotice() = %v at %v, want 2025-03-31T17:00:00+02:00 (GDPR Art. 33(1), DST)", auth, auth.At)
	}
	proc := b.ProcessorNotice(contract.OpenDIMSTerms())
	if proc.At.Format(time.RFC3339) != "2025-03-30T17:00:00+02:00" || proc.Rule != "terms 6.3" {
		t.Errorf("ProcessorNotice() = %v at %v, want 48 h later 2025-03-30T17:00:00+02:00 (terms 6.3)", proc, proc.At)
	}
	tests := []struct {
		name           string
		risk           Risk
		unintelligible bool
		authority      bool
		subjects       bool
	}{
		{"Art. 33(1) unlikely risk: no notices", Unlikely, false, false, false},
		{"Art. 33(1) risk: authority only", RiskLikely, false, true, false},
		{"Art. 34(1) high risk: authority and subjects", HighRisk, false, true, true},
		{"Art. 34(3)(a) encrypted backups: subjects not told", HighRisk, true, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Breach{Aware: aware, Categories: []DataCategory{"user.content.private"}, Risk: tt.risk, Unintelligible: tt.unintelligible}
			if got := b.AuthorityNotice().Allowed; got != tt.authority {
				t.Errorf("AuthorityNotice().Allowed = %v, want %v", got, tt.authority)
			}
			if got := b.SubjectsNotice().Allowed; got != tt.subjects {
				t.Errorf("SubjectsNotice().Allowed = %v, want %v", got, tt.subjects)
			}
		})
	}
	if got := problemsOf(t, Breach{Subjects: -1}.Validate()); len(got) != 4 {
		t.Errorf("Validate(empty) = %v, want 4 problems", got)
	}
}

func TestSubProcessorChange(t *testing.T) {
	tests := []struct {
		name      string
		notified  string
		effective string
		window    contract.Period
		want      bool
		earliest  string
	}{
		{"Art. 28(2) default 30 days: effective the day after the window", "2026-03-02", "2026-04-02", contract.Period{}, true, "2026-04-02"},
		{"Art. 28(2) one day too soon", "2026-03-02", "2026-04-01", contract.Period{}, false, "2026-04-02"},
		{"Art. 28(2) agreed 14 days", "2026-03-02", "2026-03-17", contract.Days(14), true, "2026-03-17"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SubProcessorChange{Name: "Mailer", Notified: d(tt.notified), Effective: d(tt.effective)}.Check(tt.window)
			if err != nil || got.Allowed != tt.want || got.Date != d(tt.earliest) {
				t.Errorf("Check = %v %v %v, want %v from %s", got.Allowed, got.Date, err, tt.want, tt.earliest)
			}
		})
	}
	if _, err := (SubProcessorChange{}).Check(contract.Period{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("Check(zero) = %v, want ErrInvalid", err)
	}
}
