package privacy

import (
	"crypto/sha256"
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/roundtrip"
)

// TestRoundTrip checks rule 8 of the design for every exported type of the
// package: json.Marshal then json.Unmarshal gives a value equal to the
// original under cmp.Equal without options.
func TestRoundTrip(t *testing.T) {
	at := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	day := contract.MustDate(2026, 1, 5)
	party := contract.Party{Name: "OpenSUN Systems ApS", CVR: "43782495", Country: "DK"}
	hash := NoticeHash(sha256.Sum256([]byte("Monthly newsletter.")))
	dec := contract.Decision{Rule: "GDPR Art. 12(3)", Allowed: true, From: day, Date: day.AddDays(28), At: at,
		Citations: []contract.Citation{gdpr("Art. 12(3)")}, Reason: contract.NewReason(cat, msgDeadline, day.AddDays(28))}
	due, err := RequestDeadline(contract.Counter{}, day)
	if err != nil {
		t.Fatal(err)
	}
	recipient := Recipient{Kind: ProcessorRecipient, Name: "payment providers", DPA: true, ThirdCountry: true, Safeguard: StandardClauses}
	retention := Retention{Kind: FromYearEnd, Period: contract.Years(5), Law: "bogføringsloven § 10"}
	activity := Activity{Name: "Newsletter", Purpose: UseMarketingEmail, Basis: Consent, Art9: ExplicitConsent,
		Categories: []DataCategory{"user.contact.email"}, Subjects: []DataSubject{"customer"}, Sources: []Source{Direct},
		Recipients: []Recipient{recipient}, Retention: retention, OptOut: true, Unintelligible: true,
		Interest: "security of the system", OnByDefault: true}
	sweden := contract.Counter{Convention: contract.SwedishStatutoryTimeAct(), Calendar: contract.SwedishHolidays()}
	location := Location{Heading: "Your rights", Paragraph: 2}
	statement := Statement{Item: RightsStated, Location: location, Incomplete: true}
	finding := Finding{Item: WithdrawalStated, Status: Missing, Citations: []contract.Citation{gdpr("Art. 13(2)(c)")},
		Where: []Location{location}, Activities: []string{"Cookies for analytics"}}
	policy := Policy{Name: "OpenDIMS", Effective: day, Counter: sweden, Controller: party, Role: Processor, OnBehalfOf: []contract.Party{party},
		Activities: []Activity{activity}, Rights: []RequestKind{Access, Erasure}, Contact: "support@opendims.com",
		SpecialCategories: true, SellsData: true, Cookies: FirstPartyOnly, HostingCountry: "SE", MinimumAge: 13,
		Published: day.AddDays(6), DPO: "dpo@opendims.com", DPORequired: true, Representative: party, AutomatedDecisions: true,
		ImpliedConsent: true, SecurityMeasures: []string{"TLS"}, Statements: []Statement{statement}}
	event := ConsentEvent{Subject: "c-1042", Purpose: UseMarketingEmail, Action: Given, At: at, Policy: day,
		Method: MethodForm, Notice: hash, Source: "newsletter-signup", Guardian: true}
	ledger, err := NewLedger(event, ConsentEvent{Subject: "c-1042", Purpose: UseMarketing, Action: Objected,
		At: at.Add(time.Hour), Method: MethodSignal, Source: GPCSource})
	if err != nil {
		t.Fatal(err)
	}
	ages, err := AgeTable{}.With(ConsentAge{Country: "DK", From: day, Age: 15, Law: "databeskyttelsesloven § 6"})
	if err != nil {
		t.Fatal(err)
	}
	tax, err := Taxonomy{}.AddCategory("user", SpecialArt9)
	if err != nil {
		t.Fatal(err)
	}
	tax, _ = tax.AddUse("marketing")
	tax, _ = tax.AddSubject("customer")
	history, err := NewPolicyHistory(OpenDIMS2025(), OpenDIMS2026())
	if err != nil {
		t.Fatal(err)
	}
	cookie := Cookie{Name: "_stats", Domain: "openproducts.com", Category: Statistics, Purpose: UseAnalytics, Lifetime: contract.Hours(9360)}
	exportItem := ExportItem{Category: "user.contact.email", Purpose: UseMarketingEmail, Value: "a value",
		Basis: Consent, Sources: []Source{Direct}, Recipients: []Recipient{recipient}}
	receiptPurpose := ReceiptPurpose{Purpose: "marketing", PurposeCategory: []string{"marketing"}, ConsentType: "EXPLICIT",
		PIICategory: []string{"user.contact.email"}, PrimaryPurpose: true, Termination: "withdraw at any time",
		ThirdPartyDisclosure: true, Status: Granted}
	evidence := ReceiptEvidence{Purpose: UseMarketing, Action: Given, At: at, Method: MethodForm, Policy: day,
		Notice: hash, Source: "form", Guardian: true}
	controller := ReceiptController{PIIController: "OpenDIMS", Contact: "support", Address: "Aarhus", Email: "support@opendims.com", Phone: "+45 00000000"}
	service := ReceiptService{Service: "OpenDIMS", Purposes: []ReceiptPurpose{receiptPurpose}}
	state := ConsentState{Subject: "c-1042", Purpose: UseMarketingEmail, Status: Granted, Since: at, Method: MethodForm,
		Source: "form", GivenAt: at, Policy: day, Guardian: true, ExplicitAfterSignal: true, SignalIgnored: true}
	activityRecord := ActivityRecord{Name: "Newsletter", Purpose: UseMarketingEmail, Basis: Consent,
		Subjects: []DataSubject{"customer"}, Categories: []DataCategory{"user.contact.email"}, Recipients: []Recipient{recipient},
		Transfers: []Transfer{{Recipient: "payment providers", Safeguard: StandardClauses, Citation: "GDPR Art. 46(2)(c)"}},
		Retention: retention}
	mapping := DefaultConsentModeMapping()
	modes := ConsentMode{GrantedValue, GrantedValue, GrantedValue, GrantedValue, GrantedValue, GrantedValue, GrantedValue}

	n := roundtrip.Check(t, os.DirFS("."), roundtrip.Table{
		Samples: []any{
			activity,
			activityRecord,
			ages,
			ArchivingResearch,
			Breach{Aware: at, Categories: []DataCategory{"user.contact"}, Subjects: 10, Records: 12,
				Consequences: "phishing", Measures: "passwords reset", Risk: HighRisk, Unintelligible: true,
				Mitigated: true, DisproportionateEffort: true},
			BreachNotice{At: at, Complete: true, DelayReasons: "forensics"},
			location, statement, finding, ComplaintStated, NotApplicable,
			InformationReport{Policy: "OpenDIMS privacy policy 2025-02-01", Art14: true, Findings: []Finding{finding}},
			Change{Kind: BasisChanged, Purpose: UseAnalytics, Old: "legitimate_interests", New: "consent", FreshConsent: true},
			BasisChanged,
			Child{Country: "DK", Birth: contract.MustDate(2012, 3, 4)},
			Withdrawn,
			ConsentAge{Country: "DK", From: day, Age: 15, Law: "databeskyttelsesloven § 6"},
			event,
			modes,
			mapping,
			GrantedValue,
			ConsentRules{MaxAge: contract.Months(13), FreshConsentSince: day, Ages: ages, Counter: sweden},
			state,
			ObjectedStatus,
			cookie,
			Marketing,
			CookieDecision{Cookie: cookie, Decision: dec},
			CookieInventory{Site: "openproducts.com", Cookies: []Cookie{cookie}},
			FirstPartyOnly,
			DataCategory("user.contact.email"),
			DataSubject("customer"),
			UseMarketingEmail,
			exportItem,
			GPCOptOut,
			InventoryRecord{ID: "inv-7", Category: "user.payment", Purpose: "essential.service.payment_processing",
				Basis: LegalObligation, Created: day, YearEnd: contract.MustDate(2026, 12, 31), Ended: day.AddDays(30)},
			ledger,
			LegitimateInterests,
			MaskHMAC,
			Masking{Kind: MaskHash},
			MethodSignal,
			hash,
			policy,
			PolicyDiff{From: day, To: day.AddDays(100), Changes: []Change{{Kind: ContactChanged}}, NeedsFreshConsent: true},
			history,
			ProcessingRecords{Article: "Art. 30(2)", Role: Processor, Organisation: party, Contact: "support@opendims.com",
				DPO: "dpo@opendims.com", Representative: party, Security: []string{"TLS"},
				OnBehalfOf: []contract.Party{party}, PolicyVersion: day, Activities: []ActivityRecord{activityRecord}},
			Receipt{Version: KantaraVersion, Jurisdiction: "DK", ConsentTimestamp: at.Unix(), CollectionMethod: "form",
				ConsentReceiptID: "b0c5a2a4-7f6e-8e1d-9a0b-1c2d3e4f5a6b", Language: "en", PIIPrincipalID: "ab12",
				PIIControllers: []ReceiptController{controller}, PolicyURL: "https://opendims.com/privacy",
				Services: []ReceiptService{service}, Sensitive: true, SPICat: []string{"user.biometric"},
				Evidence: []ReceiptEvidence{evidence}},
			controller,
			evidence,
			ReceiptInfo{Controller: party, Contact: "support", Email: "support@opendims.com", Jurisdiction: "DK",
				PolicyURL: "https://opendims.com/privacy", Language: "en", Service: "OpenDIMS", Policy: policy, Taxonomy: tax},
			receiptPurpose,
			service,
			recipient,
			Successor,
			RenewChild,
			Request{Kind: Portability, Received: day, State: Extended, Due: due, ExtensionTold: day.AddDays(3), Closed: day.AddDays(60)},
			ActExtend,
			RequestEvent{Action: ActExtend, Kind: Access, On: day, From: InProgress, To: Extended, Due: day.AddDays(90), Reasons: "many records"},
			Objection,
			Refused,
			retention,
			AnonymiseNow,
			FromCollection,
			RetentionPlan{Record: "inv-7", Action: Keep, Until: day.AddDays(300), Then: AnonymiseNow, LegalHold: true, Decision: dec},
			RetentionRule{Purpose: UseMarketing, Category: "user.contact", Retention: retention, Then: AnonymiseNow},
			HighRisk,
			Processor,
			Derogation,
			SignalChoice{Purpose: UseAnalytics, Granted: true},
			Partners,
			CriminalArt10,
			SubProcessorChange{Name: "Hetzner", Notified: day, Effective: day.AddDays(31), Counter: sweden},
			SubjectExport{Format: ExportFormat, Kind: Access, Controller: party, PolicyVersion: day, Generated: at,
				Subject: "ab12", Rights: []RequestKind{Access}, Items: []ExportItem{exportItem}, Withheld: 2},
			tax,
			Transfer{Recipient: "payment providers", Safeguard: StandardClauses, Citation: "GDPR Art. 46(2)(c)"},
			Validity{Decision: dec, Renewal: RenewAge},
		},
		NotValues: map[string]string{
			"Redactor": "holds the host's secret HMAC key; it is configuration for logging, never stored",
		},
		Partial: map[string]string{
			"Masking":     "Key is a secret that is never marshalled",
			"ReceiptInfo": "SubjectKey is a secret that is never marshalled",
		},
	}, func(x, y any) bool { return cmp.Equal(x, y) }, func(x, y any) string { return cmp.Diff(x, y) })
	if n == 0 {
		t.Fatal("no types covered")
	}
}
