package privacy

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
)

func TestParseGPC(t *testing.T) {
	tests := []struct {
		name    string
		value   string
		present bool
		want    GPC
	}{
		{"GPC spec: Sec-GPC: 1", "1", true, GPCOptOut},
		{"GPC spec: surrounding whitespace", " 1\t", true, GPCOptOut},
		{"GPC spec: absent header is no preference", "", false, GPCUnset},
		{"GPC spec: absent even if a value is passed", "1", false, GPCUnset},
		{"GPC spec: 0 is not an opt-in, just no preference", "0", true, GPCUnset},
		{"GPC spec: other values", "true", true, GPCUnset},
		{"GPC spec: empty", "", true, GPCUnset},
		{"GPC spec: 11", "11", true, GPCUnset},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseGPC(tt.value, tt.present); got != tt.want {
				t.Errorf("ParseGPC(%q, %v) = %v, want %v", tt.value, tt.present, got, tt.want)
			}
		})
	}
}

func TestGPCInLedger(t *testing.T) {
	at1 := ts("2026-03-01T10:00:00Z")
	// Explicit consent to advertising given earlier; then GPC arrives.
	l, _ := NewLedger(give("s", UseAdvertising, "2026-02-01T10:00:00Z"))
	l, _ = l.Append(GPCEvents("s", at1, ParseGPC("1", true))...)
	if evs := GPCEvents("s", at1, GPCUnset); evs != nil {
		t.Errorf("GPCEvents(unset) = %v, want none", evs)
	}
	st := l.State("s", UseTargetedAds, at1)
	if st.Status != ObjectedStatus || GPCDecision(st).Allowed {
		t.Errorf("Art. 21(5): GPC after an older opt-in: %v, want objected", st)
	}
	mode := l.ConsentMode(DefaultConsentModeMapping(), "s", at1, ConsentRules{}, Child{})
	want := ConsentMode{AdStorage: GrantedValue, SecurityStorage: GrantedValue}
	if mode != want {
		t.Errorf("ConsentMode = %v, want %v", mode, want)
	}
	// The subject explicitly opts in to targeted ads and sharing after GPC.
	at2 := ts("2026-03-02T10:00:00Z")
	l, _ = l.Append(give("s", UseTargetedAds, "2026-03-02T10:00:00Z"), give("s", UseThirdPartySharing, "2026-03-02T10:00:00Z"))
	l, _ = l.Append(GPCEvents("s", at2.Add(time.Hour), GPCOptOut)...)
	st = l.State("s", UseTargetedAds, at2.Add(2*time.Hour))
	dec := GPCDecision(st)
	if !dec.Allowed || !st.SignalIgnored || !strings.Contains(dec.String(), "explicitly opted in") {
		t.Errorf("Art. 21(5): explicit opt-in after GPC = %v (%v), want allowed and recorded", st, dec)
	}
	mode = l.ConsentMode(DefaultConsentModeMapping(), "s", at2.Add(2*time.Hour), ConsentRules{}, Child{})
	if mode.AdPersonalization != GrantedValue || mode.AdUserData != GrantedValue || mode.AnalyticsStorage != Denied {
		t.Errorf("ConsentMode after opt-in = %v", mode)
	}
	js, _ := json.Marshal(mode)
	if string(js) != `{"ad_storage":"granted","ad_user_data":"granted","ad_personalization":"granted","analytics_storage":"denied","functionality_storage":"denied","personalization_storage":"denied","security_storage":"granted"}` {
		t.Errorf("ConsentMode JSON = %s", js)
	}
}

func TestConsentModeMappingOverride(t *testing.T) {
	m := DefaultConsentModeMapping()
	m.FunctionalityStorage = []DataUse{"essential.service"}
	m.SecurityStorage = nil
	got := m.Derive(func(DataUse) bool { return false })
	if got.FunctionalityStorage != GrantedValue || got.SecurityStorage != Denied || got.AdStorage != Denied {
		t.Errorf("Derive(override) = %v", got)
	}
}

func TestCookies(t *testing.T) {
	inv := CookieInventory{Site: "openproducts.com", Cookies: []Cookie{
		{Name: "session", Domain: "", Category: StrictlyNecessary},
		{Name: "lang", Domain: ".openproducts.com", Category: Preferences, Lifetime: contract.Hours(365 * 24)},
		{Name: "_stats", Domain: "shop.OpenProducts.com", Category: Statistics, Lifetime: contract.Hours(390 * 24)},
		{Name: "IDE", Domain: ".doubleclick.net", Category: Marketing, Lifetime: contract.Hours(390 * 24)},
		{Name: "fake", Domain: "openproducts.com.evil.example", Category: Marketing},
	}}
	if err := inv.Validate(); err != nil {
		t.Fatal(err)
	}
	third := []bool{false, false, false, true, true}
	for i, c := range inv.Cookies {
		if got := c.ThirdParty(inv.Site); got != third[i] {
			t.Errorf("%s.ThirdParty() = %v, want %v", c.Name, got, third[i])
		}
	}
	// 004: "We do not allow cookies from third parties".
	got := problemsOf(t, inv.CheckPolicy(OpenProducts2018()))
	if len(got) != 2 || got[0].Path != "cookies[3].domain" || got[0].Param != "doubleclick.net" {
		t.Errorf("CheckPolicy(Open Products) = %v, want the two third-party cookies", got)
	}
	if err := inv.CheckPolicy(OpenDIMS2025()); err != nil {
		t.Errorf("CheckPolicy(OpenDIMS, no promise) = %v", err)
	}
	// ePrivacy Art. 5(3): first-party statistics cookies still need consent.
	l, _ := NewLedger(give("s", UseFunctional, "2026-01-01T00:00:00Z"))
	ds := l.Cookies(inv, "s", ts("2026-02-01T00:00:00Z"), ConsentRules{}, Child{})
	wantSet := []bool{true, true, false, false, false}
	for i, d := range ds {
		if d.Decision.Allowed != wantSet[i] {
			t.Errorf("cookie %s settable = %v (%v), want %v", d.Cookie.Name, d.Decision.Allowed, d.Decision, wantSet[i])
		}
	}
	bad := CookieInventory{Cookies: []Cookie{{Lifetime: -1}}}
	if got := problemsOf(t, bad.Validate()); len(got) != 4 {
		t.Errorf("Validate(bad) = %v, want 4 problems", got)
	}
}

func TestReceipt(t *testing.T) {
	l, _ := NewLedger(
		give("cust-1", UseMarketingEmail, "2026-01-05T10:00:00Z"),
		act("cust-1", UseMarketing, Withdrawn, "2026-02-05T10:00:00Z", MethodLink),
		give("cust-1", UseAnalytics, "2026-01-05T10:00:00Z"),
		give("cust-2", UseAnalytics, "2026-01-05T10:00:00Z"),
	)
	info := ReceiptInfo{Controller: OpenDIMS2026().Controller, Contact: "support@opendims.com", Jurisdiction: "DK",
		PolicyURL: "https://opendims.com/en/terms-of-service-and-safety/privacy-policy/", Language: "en",
		Service: "OpenDIMS", SubjectKey: []byte("host-secret")}
	r, err := l.Receipt("cust-1", ts("2026-03-01T00:00:00Z"), info)
	if err != nil {
		t.Fatal(err)
	}
	if r.Version != "KI-CR-v1.1.0" || len(r.Evidence) != 3 || r.CollectionMethod != "link" ||
		r.PIIPrincipalID != HashSubject("cust-1", []byte("host-secret")) || r.ConsentTimestamp != ts("2026-02-05T10:00:00Z").Unix() {
		t.Errorf("Receipt = %+v", r)
	}
	var statuses []string
	for _, p := range r.Services[0].Purposes {
		statuses = append(statuses, p.Purpose+"="+p.Status.String())
	}
	if strings.Join(statuses, ",") != "analytics=granted,marketing=withdrawn,marketing.communications.email=withdrawn" {
		t.Errorf("purposes = %v", statuses)
	}
	r2, _ := l.Receipt("cust-1", ts("2026-03-01T00:00:00Z"), info)
	if r.ConsentReceiptID != r2.ConsentReceiptID || len(r.ConsentReceiptID) != 36 || r.ConsentReceiptID[14] != '8' {
		t.Errorf("receipt ID %q not deterministic UUIDv8", r.ConsentReceiptID)
	}
	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "cust-1") || !strings.Contains(buf.String(), `"noticeSha256": "`+notice.String()) {
		t.Errorf("receipt JSON leaks the subject or lacks the notice hash:\n%s", buf.String())
	}
	if _, err := l.Receipt("nobody", ts("2026-03-01T00:00:00Z"), info); err == nil {
		t.Errorf("Receipt(no events) = nil error")
	}
}

func TestSignalEvents(t *testing.T) {
	at := ts("2026-03-01T10:00:00Z")
	evs := SignalEvents("s", at, "tcf:cmp=31", policy26,
		SignalChoice{Purpose: UseAnalytics, Granted: true}, SignalChoice{Purpose: UseAdvertising})
	l, err := NewLedger(append([]ConsentEvent{OptOut("s", at.Add(-time.Hour), MethodLink, "c1")}, evs...)...)
	if err != nil {
		t.Fatal(err)
	}
	if st := l.State("s", UseAnalytics, at); st.Status != Granted || st.Method != MethodSignal || st.Source != "tcf:cmp=31" {
		t.Errorf("analytics by signal = %+v, want granted by signal", st)
	}
	if st := l.State("s", UseAdvertising, at); st.Status != ObjectedStatus {
		t.Errorf("Art. 21(3): advertising after opt-out = %v, want objection kept", st)
	}
}

func TestTCFChoices(t *testing.T) {
	tests := []struct {
		name string
		n    int
		want DataUse
		ok   bool
	}{
		{"TCF purpose 1 storage", 1, "functional.storage", true},
		{"TCF purpose 4 personalised ads", 4, UseTargetedAds, true},
		{"TCF purpose 9 audience statistics", 9, "analytics.reporting", true},
		{"TCF purpose 11", 11, "personalize.system", true},
		{"TCF purpose 0 does not exist", 0, "", false},
		{"TCF purpose 12 does not exist", 12, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := TCFPurposeUse(tt.n)
			if got != tt.want || ok != tt.ok {
				t.Errorf("TCFPurposeUse(%d) = %q, %v, want %q, %v", tt.n, got, ok, tt.want, tt.ok)
			}
		})
	}
	for n := 1; n <= 11; n++ {
		if u, _ := TCFPurposeUse(n); !DefaultTaxonomy().HasUse(u) {
			t.Errorf("TCFPurposeUse(%d) = %q is not in the default taxonomy", n, u)
		}
	}
	consents := make([]bool, 24)
	consents[0], consents[4], consents[5] = true, true, false
	choices := TCFChoices(consents)
	if len(choices) != 11 || !choices[0].Granted || choices[1].Granted {
		t.Fatalf("TCFChoices = %v", choices)
	}
	at := ts("2026-03-01T10:00:00Z")
	l, err := NewLedger(SignalEvents("v", at, "tcf:cmp=31", policy26, choices...)...)
	if err != nil {
		t.Fatal(err)
	}
	// Purposes 5 (granted) and 6 (not) share personalize.content: withdrawal wins.
	if st := l.State("v", "personalize.content", at); st.Status != WithdrawnStatus {
		t.Errorf("personalize.content = %v, want withdrawn", st)
	}
	if st := l.State("v", "functional.storage", at); !st.Granted() {
		t.Errorf("functional.storage = %v, want granted", st)
	}
}

func TestFreshConsentSince(t *testing.T) {
	if got := OpenDIMSHistory().FreshConsentSince(); !got.IsZero() {
		t.Errorf("OpenDIMS FreshConsentSince = %v, want zero (notice only)", got)
	}
	v3 := OpenDIMS2026()
	v3.Effective = d("2027-01-01")
	v3.Activities = append(v3.Activities, Activity{Name: "Ads", Purpose: UseTargetedAds, Basis: Consent, OptOut: true,
		Categories: []DataCategory{"user.device.cookie_id"}, Retention: Retention{Kind: WhileNeeded}})
	h, _ := NewPolicyHistory(OpenDIMS2025(), OpenDIMS2026(), v3)
	if got := h.FreshConsentSince(); got != d("2027-01-01") {
		t.Errorf("FreshConsentSince = %v, want 2027-01-01", got)
	}
}

func TestReceiptFromPolicy(t *testing.T) {
	l, _ := NewLedger(give("c", UseMarketingEmail, "2026-01-05T10:00:00Z"), give("c", "analytics.reporting", "2026-01-05T10:00:00Z"))
	r, err := l.Receipt("c", ts("2026-02-01T00:00:00Z"), ReceiptInfo{Controller: OpenProducts2018().Controller,
		Service: "Open Products", Policy: OpenProducts2018()})
	if err != nil {
		t.Fatal(err)
	}
	ps := r.Services[0].Purposes
	// 004: business transitions pass data to a successor (a third party).
	if len(ps) != 2 || ps[0].Purpose != "analytics.reporting" || len(ps[0].PIICategory) != 3 || !ps[1].ThirdPartyDisclosure || r.Sensitive {
		t.Errorf("receipt purposes = %+v, sensitive %v", ps, r.Sensitive)
	}
	p := OpenProducts2018()
	p.Activities[4].Categories = append(p.Activities[4].Categories, "user.health_and_medical")
	r, _ = l.Receipt("c", ts("2026-02-01T00:00:00Z"), ReceiptInfo{Service: "x", Policy: p})
	if !r.Sensitive || len(r.SPICat) != 1 || r.SPICat[0] != "user.health_and_medical" {
		t.Errorf("Art. 9 receipt sensitive = %v %v, want true [user.health_and_medical]", r.Sensitive, r.SPICat)
	}
}
