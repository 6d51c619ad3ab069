package privacy

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
)

// TestOptOutEvent checks that switching off a device service that is on by
// default is recorded in the ledger as an objection (Art. 21(1)), and that
// an activity that is not on by default gets no opt-out record.
func TestOptOutEvent(t *testing.T) {
	p := OpenProducts2018()
	device, ok := p.Activity("essential.service.upgrades")
	if !ok || !device.OnByDefault || !device.OptOut {
		t.Fatalf("004 device connectivity = %+v, want on by default with an opt-out", device)
	}
	at := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)
	e, err := OptOutEvent(device, "dev-17", at, p.Effective, MethodForm)
	if err != nil {
		t.Fatal(err)
	}
	l, err := NewLedger(e)
	if err != nil {
		t.Fatal(err)
	}
	if st := l.State("dev-17", "essential.service.upgrades", at); st.Status != ObjectedStatus || st.Granted() {
		t.Errorf("State after opt-out = %v, want objected", st)
	}
	if st := l.State("dev-17", "essential.service.upgrades", at.Add(-time.Second)); st.Status != NoConsent {
		t.Errorf("State before opt-out = %v, want none", st)
	}
	backups, _ := p.Activity("essential.service.operations")
	_, err = OptOutEvent(backups, "dev-17", at, p.Effective, MethodForm)
	var ve *contract.ValidationError
	if !errors.Is(err, ErrInvalid) || !errors.As(err, &ve) || ve.Problems[0].Rule != "not_on_by_default" {
		t.Errorf("OptOutEvent(backups) = %v, want not_on_by_default", err)
	}
	if _, err := OptOutEvent(device, "", at, p.Effective, MethodForm); !errors.Is(err, ErrInvalid) {
		t.Errorf("OptOutEvent with no subject = %v, want ErrInvalid", err)
	}
	// Art. 21(1): a service on by default must be possible to switch off.
	p.Activities[5].OptOut = false
	if err := p.Validate(DefaultTaxonomy()); err == nil || !strings.Contains(err.Error(), "activities[5].opt_out: on_by_default_without_opt_out") {
		t.Errorf("Validate = %v, want on_by_default_without_opt_out", err)
	}
}

// TestRecordsSecurityAndDPO checks Art. 30(1)(a), (g) and 30(2)(a), (d).
func TestRecordsSecurityAndDPO(t *testing.T) {
	r := RecordsOfProcessing(OpenProducts2018())
	if len(r.Security) != 3 || !strings.Contains(r.Security[1], "TLS") {
		t.Errorf("Art. 30(1)(g) security = %q, want the policy's three measures", r.Security)
	}
	p := OpenDIMSAsProcessor(contract.OpenDIMSTerms(), contract.MustDate(2025, 2, 1), contract.Party{Name: "Shop ApS", Country: "DK"})
	p.DPO = "dpo@opendims.com"
	p.Representative = contract.Party{Name: "Rep", Country: "DK"}
	p.SecurityMeasures = []string{"encryption at rest"}
	r = RecordsOfProcessing(p)
	if r.Article != "Art. 30(2)" || r.DPO != "dpo@opendims.com" || r.Representative.Name != "Rep" || !slices.Equal(r.Security, []string{"encryption at rest"}) {
		t.Errorf("Art. 30(2)(a), (d) records = %+v", r)
	}
	if r := RecordsOfProcessing(OpenDIMS2025()); r.Security != nil || r.DPO != "" {
		t.Errorf("OpenDIMS 2025 states no measures and no DPO: %+v", r)
	}
}

// TestBreachExemptions checks Art. 34(3)(b) and (c).
func TestBreachExemptions(t *testing.T) {
	aware := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	b := Breach{Aware: aware, Categories: []DataCategory{"user.authorization.credentials"}, Subjects: 40, Records: 40, Risk: HighRisk}
	for _, tt := range []struct {
		name    string
		b       Breach
		allowed bool
		cite    string
		reason  string
	}{
		{"Art. 34(1) high risk: tell the subjects", b, true, "Art. 34(1)", "notify the data subjects without undue delay"},
		{"Art. 34(3)(b) leaked passwords reset before use", func() Breach { b := b; b.Mitigated = true; return b }(), false, "Art. 34(3)(b)",
			"data subjects need not be notified: later measures make the high risk unlikely"},
		{"Art. 34(3)(c) no contact details: a public communication", func() Breach { b := b; b.DisproportionateEffort = true; return b }(), true, "Art. 34(3)(c)",
			"inform the data subjects by a public communication instead of individual notices"},
		{"Art. 34(3)(a) wins over (c)", func() Breach { b := b; b.Unintelligible, b.DisproportionateEffort = true, true; return b }(), false, "Art. 34(3)(a)",
			"data subjects need not be notified: the data is unintelligible to others"},
	} {
		d := tt.b.SubjectsNotice()
		if d.Allowed != tt.allowed || !slices.Contains(d.Citations, gdpr(tt.cite)) || d.Reason.String() != tt.reason {
			t.Errorf("%s: %v %q, want %v %q citing %s", tt.name, d.Allowed, d, tt.allowed, tt.reason, tt.cite)
		}
	}
}

// TestCheckNotices checks notification in time, late with and without
// reasons (Art. 33(1)) and in phases (Art. 33(4)).
func TestCheckNotices(t *testing.T) {
	aware := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	b := Breach{Aware: aware, Categories: []DataCategory{"user.contact"}, Risk: RiskLikely}
	h := func(n int) time.Time { return aware.Add(time.Duration(n) * time.Hour) }
	for _, tt := range []struct {
		name    string
		b       Breach
		notices []BreachNotice
		allowed bool
		reason  string
		phased  bool
	}{
		{"Art. 33(1) within 72 hours, complete", b, []BreachNotice{{At: h(30), Complete: true}}, true,
			"the supervisory authority was notified within 72 hours", false},
		{"Art. 33(1) exactly at 72 hours", b, []BreachNotice{{At: h(72), Complete: true}}, true,
			"the supervisory authority was notified within 72 hours", false},
		{"Art. 33(4) first phase in time, the rest later", b, []BreachNotice{{At: h(160), Complete: true}, {At: h(54)}}, true,
			"the supervisory authority was notified within 72 hours", true},
		{"Art. 33(4) first phase given, rest still due", b, []BreachNotice{{At: h(54)}}, true,
			"the first notification was given; the remaining information is due without undue further delay", true},
		{"Art. 33(1) late without reasons", b, []BreachNotice{{At: h(96), Complete: true}}, false,
			"the notification came after 72 hours without reasons for the delay", false},
		{"Art. 33(1) late with reasons", b, []BreachNotice{{At: h(96), Complete: true, DelayReasons: "forensic analysis"}}, true,
			"the notification came after 72 hours with reasons for the delay", false},
		{"Art. 33(1) not notified", b, nil, false, "the supervisory authority has not been notified", false},
		{"Art. 33(1) unlikely risk needs no notice", func() Breach { b := b; b.Risk = Unlikely; return b }(), nil, true,
			"the supervisory authority need not be notified: the breach is unlikely to result in a risk", false},
	} {
		d := tt.b.CheckNotices(tt.notices)
		if d.Allowed != tt.allowed || d.Reason.String() != tt.reason || slices.Contains(d.Citations, gdpr("Art. 33(4)")) != tt.phased {
			t.Errorf("%s: %v %q", tt.name, d.Allowed, d)
		}
		if tt.b.Risk != Unlikely && !d.At.Equal(h(72)) {
			t.Errorf("%s: At = %v, want the 72-hour deadline", tt.name, d.At)
		}
	}
}

// TestValidateStatements checks that a statement's place is checked: an
// unknown item and a paragraph below 1 come back with their JSON paths.
func TestValidateStatements(t *testing.T) {
	p := OpenDIMS2026()
	p.Statements = append(p.Statements, Statement{Item: InfoItem(99), Location: Location{Heading: "Your rights"}})
	err := p.Validate(DefaultTaxonomy())
	var ve *contract.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate = %v, want a *contract.ValidationError", err)
	}
	var got []string
	for _, pr := range ve.Problems {
		got = append(got, pr.Path+" "+pr.Rule)
	}
	n := len(p.Statements) - 1
	want := []string{"statements[" + itoa(n) + "].item oneof", "statements[" + itoa(n) + "].paragraph gte"}
	if !slices.Equal(got, want) {
		t.Errorf("problems = %q, want %q", got, want)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestValidateRepresentative checks that a named representative is checked
// like any party (Art. 27), and that none is no problem.
func TestValidateRepresentative(t *testing.T) {
	p := OpenDIMS2026()
	p.Representative = contract.Party{Country: "Denmark"}
	err := p.Validate(DefaultTaxonomy())
	var ve *contract.ValidationError
	if !errors.As(err, &ve) || !ve.Has("representative.name", "required") || !ve.Has("representative.country", "iso3166_1_alpha2") {
		t.Errorf("Validate = %v, want representative.name required and representative.country iso3166_1_alpha2", err)
	}
}
