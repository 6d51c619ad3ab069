package privacy

import (
	"bytes"
	flagpkg "flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
)

var update = flagpkg.Bool("update", false, "rewrite the golden files in testdata/information")

// fullPolicy is OpenDIMS 2026 completed so that every item applies and is
// present: a controller outside the EEA with a representative, a DPO,
// automated decisions, a transfer under standard clauses, every consent
// revocable, and a complete statement of every item.
func fullPolicy() Policy {
	p := OpenDIMS2026()
	p.Controller.Country = "US"
	p.Representative = contract.Party{Name: "EU Representative ApS", Country: "DK"}
	p.DPO = "dpo@opendims.com"
	p.AutomatedDecisions = true
	for i := range p.Activities {
		p.Activities[i].OptOut = true
	}
	p.Activities[0].Recipients = append(slices.Clone(p.Activities[0].Recipients),
		Recipient{Kind: ProcessorRecipient, Name: "US hosting", DPA: true, ThirdCountry: true, Safeguard: StandardClauses})
	p.Statements = nil
	for i, item := range InfoItems() {
		p.Statements = append(p.Statements, Statement{Item: item, Location: Location{Heading: "Section", Paragraph: i + 1}})
	}
	return p
}

func withoutStatements(p Policy, item InfoItem) Policy {
	p.Statements = slices.DeleteFunc(slices.Clone(p.Statements), func(s Statement) bool { return s.Item == item })
	return p
}

func incompleteStatements(p Policy, item InfoItem) Policy {
	p.Statements = slices.Clone(p.Statements)
	for i := range p.Statements {
		if p.Statements[i].Item == item {
			p.Statements[i].Incomplete = true
		}
	}
	return p
}

func mapActivities(p Policy, f func(*Activity)) Policy {
	p.Activities = slices.Clone(p.Activities)
	for i := range p.Activities {
		f(&p.Activities[i])
	}
	return p
}

// TestCheckInformationItems checks each information item present, missing
// and, where it can be, not applicable; each row names the article.
func TestCheckInformationItems(t *testing.T) {
	full := fullPolicy()
	for _, item := range InfoItems() {
		f, _ := CheckInformation(full).Finding(item)
		if f.Status != Present || len(f.Where) != 1 || f.Citations[0] != item.Article() {
			t.Errorf("%s %s present: %+v", item.Article(), item, f)
		}
		if f, _ := CheckInformation(withoutStatements(full, item)).Finding(item); f.Status != Missing || len(f.Where) != 0 {
			t.Errorf("%s %s with no statement: %+v, want missing", item.Article(), item, f)
		}
		if f, _ := CheckInformation(incompleteStatements(full, item)).Finding(item); f.Status != Missing || len(f.Where) != 1 {
			t.Errorf("%s %s stated incompletely: %+v, want missing at its place", item.Article(), item, f)
		}
	}
	lis := mapActivities(full, func(a *Activity) {
		if a.Basis == LegitimateInterests {
			a.Basis = Contract
		}
	})
	noMarketing := mapActivities(lis, func(a *Activity) {
		if a.Purpose.Under(UseMarketing) {
			a.Purpose = "essential.service.notifications.marketing_free"
		}
	})
	tests := []struct {
		name   string
		p      Policy
		item   InfoItem
		want   Presence
		concer []string
	}{
		{"Art. 13(1)(a) controller named, no name", func() Policy { p := full; p.Controller.Name = ""; return p }(), ControllerIdentity, Missing, nil},
		{"Art. 13(1)(a) contact stated, none modelled", func() Policy { p := full; p.Contact = ""; return p }(), ControllerContact, Missing, nil},
		{"Art. 13(1)(a), 27 representative of a US controller not named", func() Policy { p := full; p.Representative = contract.Party{}; return p }(), RepresentativeContact, Missing, nil},
		{"Art. 27(1) a Danish controller needs no representative", func() Policy { p := full; p.Controller.Country = "DK"; return p }(), RepresentativeContact, NotApplicable, nil},
		{"Art. 13(1)(b), 37 a required DPO not named", func() Policy { p := full; p.DPO, p.DPORequired = "", true; return p }(), DPOContact, Missing, nil},
		{"Art. 13(1)(b) no DPO designated nor required", func() Policy { p := full; p.DPO = ""; return p }(), DPOContact, NotApplicable, nil},
		{"Art. 13(1)(d) an activity on legitimate interests states no interest",
			mapActivities(full, func(a *Activity) {
				if a.Name == "Support" {
					a.Interest = ""
				}
			}), LegitimateInterestsPursued, Missing, []string{"Support"}},
		{"Art. 13(1)(d) no activity on legitimate interests", lis, LegitimateInterestsPursued, NotApplicable, nil},
		{"Art. 13(1)(e) no recipients", mapActivities(full, func(a *Activity) { a.Recipients = nil }), RecipientsStated, NotApplicable, nil},
		{"Art. 13(1)(f), 46 a transfer with no safeguard",
			mapActivities(full, func(a *Activity) {
				a.Recipients = slices.Clone(a.Recipients)
				for i := range a.Recipients {
					if a.Recipients[i].ThirdCountry {
						a.Recipients[i].Safeguard = NoSafeguard
					}
				}
			}), TransfersStated, Missing, []string{"Provision of the service"}},
		{"Art. 13(1)(f) no third-country recipient", OpenDIMS2026(), TransfersStated, NotApplicable, nil},
		{"Art. 13(2)(a) every activity kept only while needed",
			mapActivities(full, func(a *Activity) { a.Retention = Retention{Kind: WhileNeeded} }), RetentionStated, Missing, nil},
		{"Art. 13(2)(b) portability not among the rights", func() Policy {
			p := full
			p.Rights = []RequestKind{Access, Rectification, Erasure, Restriction, Objection}
			return p
		}(), RightsStated, Missing, nil},
		{"Art. 13(2)(c) cookie consent with no way to withdraw",
			mapActivities(full, func(a *Activity) { a.OptOut = a.Purpose != "analytics" }), WithdrawalStated, Missing, []string{"Cookies for analytics"}},
		{"Art. 13(2)(c) no processing on consent",
			mapActivities(full, func(a *Activity) {
				if a.Basis == Consent {
					a.Basis = Contract
				}
			}), WithdrawalStated, NotApplicable, nil},
		{"Art. 21(4) no legitimate interests, public task or direct marketing", noMarketing, ObjectionSeparate, NotApplicable, nil},
		{"Art. 13(2)(e) data only from partners",
			mapActivities(full, func(a *Activity) { a.Sources = []Source{Partners} }), RequirementStated, NotApplicable, nil},
		{"Art. 13(2)(f), 22 no automated decisions", func() Policy { p := full; p.AutomatedDecisions = false; return p }(), AutomatedDecisionsStated, NotApplicable, nil},
		{"Art. 14(1)(d) no data from partners", mapActivities(full, func(a *Activity) { a.Sources = []Source{Direct} }), CategoriesStated, NotApplicable, nil},
		{"Art. 14(2)(f) no data from partners", mapActivities(full, func(a *Activity) { a.Sources = []Source{Direct} }), SourceStated, NotApplicable, nil},
		{"Art. 14(3) no data from partners", mapActivities(full, func(a *Activity) { a.Sources = []Source{Direct} }), TimingStated, NotApplicable, nil},
	}
	for _, tt := range tests {
		f, ok := CheckInformation(tt.p).Finding(tt.item)
		if !ok || f.Status != tt.want || !slices.Equal(f.Activities, tt.concer) {
			t.Errorf("%s: %s = %s %v, want %s %v", tt.name, tt.item, f.Status, f.Activities, tt.want, tt.concer)
		}
	}
}

// TestCheckInformationArt14Citations checks that an item with a
// counterpart in Art. 14 cites both when data comes from partners.
func TestCheckInformationArt14Citations(t *testing.T) {
	r := CheckInformation(OpenDIMS2025())
	if !r.Art14 {
		t.Fatal("OpenDIMS collects from partners: Art. 14 applies")
	}
	f, _ := r.Finding(ComplaintStated)
	want := contract.CitationList{gdpr("Art. 13(2)(d)"), gdpr("Art. 14(2)(e)")}
	if diff := cmp.Diff(want, f.Citations); diff != "" {
		t.Errorf("complaint citations (-want +got):\n%s", diff)
	}
	if r := CheckInformation(OpenProducts2018()); r.Art14 {
		t.Error("Open Products collects nothing from partners: Art. 14 does not apply")
	}
}

// TestPresetInformationGolden writes the presets' reports, as they are,
// to golden files and checks the known findings: neither OpenDIMS version
// states the complaint to an authority nor the withdrawal of cookie
// consent; the 2025 version gives no retention criteria and names no
// controller entity.
func TestPresetInformationGolden(t *testing.T) {
	for name, p := range map[string]Policy{
		"opendims-2025":     OpenDIMS2025(),
		"opendims-2026":     OpenDIMS2026(),
		"openproducts-2018": OpenProducts2018(),
	} {
		var buf bytes.Buffer
		if err := CheckInformation(p).WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "information", name+".json")
		if *update {
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), buf.String()); diff != "" {
			t.Errorf("%s (-golden +got; go test -update to accept):\n%s", name, diff)
		}
	}
	missing := func(p Policy) []InfoItem { return CheckInformation(p).Missing() }
	for _, tt := range []struct {
		name string
		p    Policy
		want []InfoItem
	}{
		{"000/001 OpenDIMS 2025", OpenDIMS2025(), []InfoItem{ControllerIdentity, RetentionStated, WithdrawalStated,
			ComplaintStated, ObjectionSeparate, RequirementStated, TimingStated}},
		{"002 OpenDIMS 2026", OpenDIMS2026(), []InfoItem{WithdrawalStated, ComplaintStated, ObjectionSeparate,
			RequirementStated, TimingStated}},
		{"004 Open Products", OpenProducts2018(), []InfoItem{PurposesAndBases, LegitimateInterestsPursued, TransfersStated,
			RetentionStated, RightsStated, WithdrawalStated, ComplaintStated, ObjectionSeparate, RequirementStated}},
	} {
		if diff := cmp.Diff(tt.want, missing(tt.p)); diff != "" {
			t.Errorf("%s missing (-want +got):\n%s", tt.name, diff)
		}
	}
	f, _ := CheckInformation(OpenDIMS2025()).Finding(WithdrawalStated)
	if !slices.Equal(f.Activities, []string{"Cookies for analytics"}) ||
		!slices.Equal(f.Where, []Location{{Heading: "Right to opt-out of marketing communications", Paragraph: 1}}) {
		t.Errorf("OpenDIMS 2025 withdrawal finding = %+v, want the cookie activity, resting on the marketing opt-out section", f)
	}
}

// TestConsentValidity checks that using the site is no consent (Art.
// 4(11), 7; recital 32; C-673/17 Planet49; EDPB Guidelines 05/2020 para.
// 86).
func TestConsentValidity(t *testing.T) {
	d := OpenProducts2018().ConsentValidity()
	if d.Allowed || d.Reason.String() != "using the site is not consent: consent needs a clear affirmative act" {
		t.Errorf("Open Products ConsentValidity = %v", d)
	}
	for _, c := range []contract.Citation{gdpr("Art. 4(11)"), gdpr("Art. 7(1)"), gdpr("recital 32"),
		contract.Cite("CJEU", "C-673/17 Planet49"), contract.Cite("EDPB Guidelines 05/2020 on consent", "para. 86")} {
		if !slices.Contains(d.Citations, c) {
			t.Errorf("ConsentValidity cites %v, want %v among them", d.Citations, c)
		}
	}
	if d := OpenDIMS2026().ConsentValidity(); !d.Allowed {
		t.Errorf("OpenDIMS 2026 ConsentValidity = %v, want allowed", d)
	}
}
