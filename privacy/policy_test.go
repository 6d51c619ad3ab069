package privacy

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
)

// prob is a contract.Problem without its message, for comparing.
type prob struct{ Path, Rule, Param string }

func problemsOf(t *testing.T, err error) []prob {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *contract.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("error %v is not a *contract.ValidationError wrapping ErrInvalid", err)
	}
	out := make([]prob, len(ve.Problems))
	for i, p := range ve.Problems {
		out[i] = prob{p.Path, p.Rule, p.Param}
	}
	return out
}

func TestPresetsValidate(t *testing.T) {
	tax := DefaultTaxonomy()
	tests := []struct {
		name   string
		policy Policy
		want   []prob
	}{
		{"000/001 OpenDIMS 2025-02-01 is consistent", OpenDIMS2025(), nil},
		{"002 OpenDIMS 2026-06-24 is consistent", OpenDIMS2026(), nil},
		{"004 Open Products: payment transfers outside the EU name no safeguard; restriction and portability not stated",
			OpenProducts2018(), []prob{
				{"activities[0].recipients[1].safeguard", "transfer_without_safeguard", "GDPR Art. 44"},
				{"rights", "rights_not_stated", "restriction portability"},
				{"implied_consent", "consent_by_use", "GDPR Art. 4(11)"}, // Art. 4(11), recital 32: using the site is no consent
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemsOf(t, tt.policy.Validate(tax))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Validate() problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPolicyValidateProblems(t *testing.T) {
	p := OpenDIMS2025()
	// 000: "does not intend to process sensitive personal data".
	p.Activities[1].Categories = append(p.Activities[1].Categories, "user.health_and_medical.genetic")
	p.Activities[6].OptOut = false
	p.Activities[2].Recipients[1].DPA = false
	p.Activities[3].Basis = 0
	p.Activities = append(p.Activities, Activity{Name: "Fraud", Purpose: "essential.fraud_detection",
		Basis: LegitimateInterests, Categories: []DataCategory{"user.criminal_history", "user.shoe_size"},
		Retention: Retention{Kind: FromCollection}})
	p.Contact = ""
	got := problemsOf(t, p.Validate(DefaultTaxonomy()))
	want := []prob{
		{"activities[3].basis", "required", ""},
		{"contact", "required", ""},
		{"activities[1].categories[3]", "special_category_undeclared", "user.health_and_medical.genetic"},
		{"activities[1].art9", "art9_condition_required", "GDPR Art. 9(2)"},
		{"activities[2].recipients[1].dpa", "processor_without_dpa", "GDPR Art. 28(3)"},
		{"activities[6].opt_out", "marketing_without_opt_out", "GDPR Art. 21(3)"},
		{"activities[7].categories[1]", "unknown_data_category", "user.shoe_size"},
		{"activities[7].basis", "criminal_data_needs_law", "GDPR Art. 10"},
		{"activities[7].retention.period", "required_for_kind", "from_collection"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate() problems (-want +got):\n%s", diff)
	}
}

func TestPolicyInForce(t *testing.T) {
	h := OpenDIMSHistory()
	tests := []struct {
		name string
		on   string
		want string
		err  error
	}{
		{"000 before the first version: none in force", "2025-01-31", "", ErrNoPolicy},
		{"000/001 dated 2025-02-01 but published 2025-02-07: not yet readable on its stated date (Art. 13(1))", "2025-02-01", "", ErrNoPolicy},
		{"001 the day before publication: none in force", "2025-02-06", "", ErrNoPolicy},
		{"001 governs from its publication date, 2025-02-07", "2025-02-07", "2025-02-01", nil},
		{"000/002 half-open: the day before 2026 still the 2025 version", "2026-06-23", "2025-02-01", nil},
		{"002 2026 version from its effective date", "2026-06-24", "2026-06-24", nil},
		{"002 later", "2030-01-01", "2026-06-24", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := h.InForce(d(tt.on))
			if !errors.Is(err, tt.err) {
				t.Fatalf("InForce(%s) err = %v, want %v", tt.on, err, tt.err)
			}
			if err == nil && p.Effective.String() != tt.want {
				t.Errorf("InForce(%s) = %s, want %s", tt.on, p.Effective, tt.want)
			}
		})
	}
	if _, err := NewPolicyHistory(OpenDIMS2025(), OpenDIMS2025()); !errors.Is(err, ErrInvalid) {
		t.Errorf("NewPolicyHistory(duplicate) = %v, want ErrInvalid", err)
	}
}

func TestDiffOpenDIMS(t *testing.T) {
	diff := Diff(OpenDIMS2025(), OpenDIMS2026())
	var got []string
	for _, c := range diff.Changes {
		got = append(got, c.String())
	}
	want := []string{
		"controller_changed: OpenDIMS -> OpenSUN Systems ApS",
		"contact_changed",
		"purpose_added essential.service.payment_processing: Payment, invoicing and bookkeeping",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Diff(2025, 2026) changes (-want +got):\n%s", d)
	}
	// 002's changes serve the contract and the Bookkeeping Act, not
	// consent: notice suffices (GDPR Art. 13(3)).
	if diff.NeedsFreshConsent || !diff.Decision().Allowed {
		t.Errorf("Diff(2025, 2026).NeedsFreshConsent = true, want notice only")
	}
}

func TestDiffNewRecipientOfConsentData(t *testing.T) {
	new := OpenDIMS2025()
	new.Effective = d("2026-01-01")
	new.Activities[6].Recipients = append(new.Activities[6].Recipients, Recipient{Kind: ProcessorRecipient, Name: "mailing service", DPA: true, ThirdCountry: true, Safeguard: StandardClauses})
	diff := Diff(OpenDIMS2025(), new)
	var got []string
	for _, c := range diff.Changes {
		got = append(got, c.String())
	}
	want := []string{"recipient_added marketing.communications.email: mailing service", "transfer_added marketing.communications.email: mailing service"}
	if d := cmp.Diff(want, got); d != "" || !diff.NeedsFreshConsent {
		t.Errorf("Diff(new recipient of consent data) (-want +got):\n%s fresh=%v", d, diff.NeedsFreshConsent)
	}
}

func TestDiffNoticeOnly(t *testing.T) {
	old := OpenDIMS2025()
	new := OpenDIMS2025()
	new.Effective = d("2025-09-01")
	new.Contact = "privacy@opendims.com"
	new.Activities[0].Recipients = append(new.Activities[0].Recipients, Recipient{Kind: ProcessorRecipient, Name: "backup provider", DPA: true})
	diff := Diff(old, new)
	if diff.NeedsFreshConsent || len(diff.Changes) != 2 || !diff.Decision().Allowed {
		t.Errorf("Diff = %+v, want 2 changes needing notice only (GDPR Art. 13(3))", diff)
	}
	if got := Diff(old, old).Decision(); !got.Allowed || got.Reason.String() != msgPolicyNoChange {
		t.Errorf("Diff(same) = %v, want no change", got)
	}
	added := OpenDIMS2025()
	added.Activities = append(added.Activities, Activity{Name: "Targeted ads", Purpose: UseTargetedAds, Basis: Consent, OptOut: true,
		Categories: []DataCategory{"user.device.cookie_id"}, Retention: Retention{Kind: WhileNeeded}})
	if got := Diff(old, added); !got.NeedsFreshConsent || got.Changes[0].Kind != PurposeAdded {
		t.Errorf("Diff(new consent purpose) = %+v, want fresh consent", got)
	}
}

func TestRecordsOfProcessing(t *testing.T) {
	r := RecordsOfProcessing(OpenProducts2018())
	if r.Article != "Art. 30(1)" || len(r.Activities) != 7 || r.Organisation.Name != "Open Products 237 AB" {
		t.Fatalf("RecordsOfProcessing = %+v", r)
	}
	tr := r.Activities[0].Transfers
	if len(tr) != 1 || tr[0].Safeguard != NoSafeguard || tr[0].Citation != "GDPR Art. 44" {
		t.Errorf("transfers = %+v, want the payment providers without safeguard", tr)
	}
	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var back ProcessingRecords
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatalf("JSON does not read back: %v", err)
	}
	if diff := cmp.Diff(r, back, cmp.Comparer(func(a, b contract.Date) bool { return a == b })); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}

	proc := OpenDIMS2026()
	proc.Role = Processor
	proc.OnBehalfOf = []contract.Party{{Name: "Example Webshop ApS", Country: "DK"}}
	pr := RecordsOfProcessing(proc)
	buf.Reset()
	if err := pr.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if pr.Article != "Art. 30(2)" || !strings.Contains(buf.String(), `"on_behalf_of"`) || strings.Contains(buf.String(), `"basis"`) {
		t.Errorf("processor records = %s, want Art. 30(2) with controllers and no bases", buf.String())
	}
}

func TestTaxonomy(t *testing.T) {
	tax := DefaultTaxonomy()
	tests := []struct {
		name string
		c    DataCategory
		want Special
	}{
		{"Art. 9(1) health", "user.health_and_medical", SpecialArt9},
		{"Art. 9(1) genetic inherits", "user.health_and_medical.genetic", SpecialArt9},
		{"Art. 9(1) political opinion", "user.demographic.political_opinion", SpecialArt9},
		{"Art. 10 criminal", "user.criminal_history", CriminalArt10},
		{"Art. 4(1) ordinary e-mail", "user.contact.email", NotSpecial},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tax.Special(tt.c); got != tt.want {
				t.Errorf("Special(%s) = %v, want %v", tt.c, got, tt.want)
			}
		})
	}
	ext, err := tax.AddCategory("user.biometric.face_scan", NotSpecial)
	if err != nil || ext.Special("user.biometric.face_scan") != SpecialArt9 || tax.HasCategory("user.biometric.face_scan") {
		t.Errorf("AddCategory inherits Art. 9 and leaves the original alone: %v", err)
	}
	if _, err := tax.AddCategory("user.nope.child", NotSpecial); !errors.Is(err, ErrInvalid) {
		t.Errorf("AddCategory(unknown parent) = %v, want ErrInvalid", err)
	}
	if !DataUse("marketing.communications.email").Under("marketing") || DataCategory("user.contactless").Under("user.contact") {
		t.Errorf("Under is not dot-bounded")
	}
	for _, k := range []string{"", "a..b", ".a", "a.", "User", "a-b"} {
		if validKey(k) {
			t.Errorf("validKey(%q) = true", k)
		}
	}
	if got := LegitimateInterests.Citation().String(); got != "GDPR Art. 6(1)(f)" {
		t.Errorf("LegitimateInterests.Citation() = %q", got)
	}
	if got := ExplicitConsent.Citation().String(); got != "GDPR Art. 9(2)(a)" {
		t.Errorf("ExplicitConsent.Citation() = %q", got)
	}
	if got := ArchivingResearch.Citation().String(); got != "GDPR Art. 9(2)(j)" {
		t.Errorf("ArchivingResearch.Citation() = %q", got)
	}
}

func TestCollectsFrom(t *testing.T) {
	op := OpenProducts2018()
	tests := []struct {
		name  string
		p     Policy
		child Child
		on    string
		want  bool
	}{
		{"004 Children: under 13 refused", op, Child{"SE", d("2013-06-01")}, "2026-05-31", false},
		{"004 Children: 13th birthday allowed", op, Child{"SE", d("2013-06-01")}, "2026-06-01", true},
		{"004 Children: adult (zero Child)", op, Child{}, "2026-06-01", true},
		{"000 no minimum age stated", OpenDIMS2025(), Child{"DK", d("2020-01-01")}, "2026-06-01", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.CollectsFrom(tt.child, d(tt.on)); got.Allowed != tt.want {
				t.Errorf("CollectsFrom(%s) = %v, want %v", tt.on, got, tt.want)
			}
		})
	}
}

func TestPolicyJSONRoundTrip(t *testing.T) {
	for _, p := range []Policy{OpenDIMS2025(), OpenDIMS2026(), OpenProducts2018()} {
		t.Run(p.String(), func(t *testing.T) {
			b, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			var back Policy
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(p, back, cmp.Comparer(func(a, b contract.Date) bool { return a == b })); diff != "" {
				t.Errorf("JSON round trip (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGovernsFrom checks the rule that a version governs events from the
// later of its stated date and its publication date (Art. 12(1), 13(1)).
func TestGovernsFrom(t *testing.T) {
	for _, tt := range []struct {
		name string
		p    Policy
		want contract.Date
	}{
		{"001 OpenDIMS 2025: published 2025-02-07, says 2025-02-01", OpenDIMS2025(), contract.MustDate(2025, 2, 7)},
		{"002 OpenDIMS 2026: no publication date known, its stated date", OpenDIMS2026(), contract.MustDate(2026, 6, 24)},
		{"published before the stated date: the stated date", Policy{Effective: contract.MustDate(2026, 1, 10), Published: contract.MustDate(2026, 1, 1)}, contract.MustDate(2026, 1, 10)},
	} {
		if got := tt.p.GovernsFrom(); got != tt.want {
			t.Errorf("%s: GovernsFrom() = %s, want %s", tt.name, got, tt.want)
		}
		if tt.p.Version() != tt.p.Effective {
			t.Errorf("%s: Version() = %s, want the stated date %s", tt.name, tt.p.Version(), tt.p.Effective)
		}
	}
}
