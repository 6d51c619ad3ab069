package privacy_test

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
)

func ExampleReceiveRequest() {
	var c contract.Counter // Reg. 1182/71 with Danish holidays
	r, ev, _ := privacy.ReceiveRequest(c, privacy.Access, contract.MustDate(2026, 1, 31))
	fmt.Println(ev)
	r, ev, _ = r.Extend(c, contract.MustDate(2026, 2, 20), "many systems to search")
	fmt.Println(ev)
	fmt.Println(r.DueDecision())
	// Output:
	// 2026-01-31 receive: received, due 2026-03-02
	// 2026-02-20 extend: received -> extended, due 2026-04-30
	// the deadline is extended to 2026-04-30, three months after receipt (GDPR Art. 12(3); Reg. 1182/71 Art. 3(2))
}

func ExampleRequestDeadline() {
	d, _ := privacy.RequestDeadline(contract.Counter{}, contract.MustDate(2026, 1, 31))
	fmt.Println(d)
	// Output: 2026-03-02 (to_act, 2026-01-31 + P1M, rolled from 2026-02-28)
}

func ExampleObjectionRight() {
	fmt.Println(privacy.ObjectionRight(privacy.UseMarketingEmail, privacy.LegitimateInterests, true))
	fmt.Println(privacy.ObjectionRight(privacy.UseSecurity, privacy.LegitimateInterests, true).Allowed)
	// Output:
	// an objection to direct marketing must always be upheld (GDPR Art. 21(3); GDPR Art. 21(2))
	// false
}

func ExamplePortabilityRight() {
	fmt.Println(privacy.PortabilityRight(privacy.LegalObligation, true))
	// Output: portability does not apply to processing based on legal_obligation (GDPR Art. 20(1); GDPR Art. 6(1)(c))
}

func ExampleLedger_State() {
	notice := privacy.NoticeHash(sha256.Sum256([]byte("Monthly newsletter about OpenDIMS.")))
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	l, _ := privacy.NewLedger(
		privacy.ConsentEvent{Subject: "cust-1", Purpose: privacy.UseMarketingEmail, Action: privacy.Given,
			At: at("2026-01-05T10:00:00Z"), Policy: contract.MustDate(2025, 2, 1),
			Method: privacy.MethodForm, Notice: notice},
		privacy.OptOut("cust-1", at("2026-02-01T08:00:00Z"), privacy.MethodLink, "newsletter-2026-02"),
	)
	fmt.Println(l.State("cust-1", privacy.UseMarketingEmail, at("2026-01-20T00:00:00Z")))
	fmt.Println(l.State("cust-1", privacy.UseMarketingEmail, at("2026-02-01T08:00:00Z")))
	// Output:
	// marketing.communications.email: granted since 2026-01-05T10:00:00Z
	// marketing.communications.email: objected since 2026-02-01T08:00:00Z
}

func ExampleConsentRules_Check() {
	notice := privacy.NoticeHash(sha256.Sum256([]byte("Analytics cookies.")))
	given := time.Date(2023, 9, 1, 12, 0, 0, 0, time.UTC)
	l, _ := privacy.NewLedger(privacy.ConsentEvent{Subject: "kid", Purpose: privacy.UseAnalytics,
		Action: privacy.Given, At: given, Policy: contract.MustDate(2023, 1, 1),
		Method: privacy.MethodBanner, Notice: notice})
	child := privacy.Child{Country: "DK", Birth: contract.MustDate(2009, 6, 15)}
	for _, on := range []time.Time{
		time.Date(2023, 12, 31, 12, 0, 0, 0, time.UTC),
		time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC),
		time.Date(2024, 6, 15, 12, 0, 0, 0, time.UTC),
	} {
		v := l.Valid("kid", privacy.UseAnalytics, on, privacy.ConsentRules{}, child)
		fmt.Println(on.Format("2006-01-02"), v.Allowed, v.Renewal, v.Reason)
	}
	// Output:
	// 2023-12-31 true none the consent is valid
	// 2024-01-01 false child the child is under 15; consent must come from the holder of parental responsibility
	// 2024-06-15 true none the consent is valid
}

func ExampleLedger_Receipt() {
	notice := privacy.NoticeHash(sha256.Sum256([]byte("Monthly newsletter.")))
	l, _ := privacy.NewLedger(privacy.ConsentEvent{Subject: "cust-1", Purpose: privacy.UseMarketingEmail,
		Action: privacy.Given, At: time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC),
		Policy: contract.MustDate(2025, 2, 1), Method: privacy.MethodForm, Notice: notice})
	r, _ := l.Receipt("cust-1", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), privacy.ReceiptInfo{
		Controller: contract.Party{Name: "OpenSUN Systems ApS"}, Contact: "support@opendims.com",
		Jurisdiction: "DK", Service: "OpenDIMS", SubjectKey: []byte("host secret")})
	fmt.Println(r.Version, r.CollectionMethod, r.Services[0].Purposes[0].Purpose, r.Services[0].Purposes[0].Status)
	fmt.Println(r.Evidence[0].Notice == notice)
	// Output:
	// KI-CR-v1.1.0 form marketing.communications.email granted
	// true
}

func ExamplePolicyHistory_InForce() {
	h := privacy.OpenDIMSHistory()
	p, _ := h.InForce(contract.MustDate(2026, 6, 23))
	fmt.Println(p)
	p, _ = h.InForce(contract.MustDate(2026, 6, 24))
	fmt.Println(p, p.Controller.Name, p.Contact)
	_, err := h.InForce(contract.MustDate(2025, 1, 31))
	fmt.Println(err)
	// Output:
	// OpenDIMS privacy policy 2025-02-01
	// OpenDIMS privacy policy 2026-06-24 OpenSUN Systems ApS support@opendims.com
	// privacy: no policy in force
}

func ExamplePolicy_Validate() {
	err := privacy.OpenProducts2018().Validate(privacy.DefaultTaxonomy())
	fmt.Println(err)
	// Output: privacy: invalid: validate policy: 3 problems: activities[0].recipients[1].safeguard: transfer_without_safeguard(GDPR Art. 44); rights: rights_not_stated(restriction portability); implied_consent: consent_by_use(GDPR Art. 4(11))
}

func ExampleDiff() {
	d := privacy.Diff(privacy.OpenDIMS2025(), privacy.OpenDIMS2026())
	for _, c := range d.Changes {
		fmt.Println(c)
	}
	fmt.Println(d.Decision())
	// Output:
	// controller_changed: OpenDIMS -> OpenSUN Systems ApS
	// contact_changed
	// purpose_added essential.service.payment_processing: Payment, invoicing and bookkeeping
	// the change needs notice only (GDPR Art. 13(3); GDPR Art. 7(1))
}

func ExampleRecordsOfProcessing() {
	r := privacy.RecordsOfProcessing(privacy.OpenDIMS2026())
	fmt.Println(r.Article, r.Organisation.Name, len(r.Activities))
	a := r.Activities[len(r.Activities)-1]
	fmt.Println(a.Name, a.Retention)
	// Output:
	// Art. 30(1) OpenSUN Systems ApS 8
	// Payment, invoicing and bookkeeping from_year_end P5Y (bogføringsloven § 10)
}

func ExamplePlanRetention() {
	rules := privacy.RulesFromPolicy(privacy.OpenDIMS2026())
	recs := []privacy.InventoryRecord{
		{ID: "invoice-2024-17", Category: "user.payment", Purpose: "essential.service.payment_processing",
			Basis: privacy.LegalObligation, Created: contract.MustDate(2024, 3, 10), YearEnd: contract.MustDate(2024, 12, 31)},
		{ID: "account-9", Category: "user.contact.email", Purpose: "essential.service",
			Basis: privacy.Contract, Created: contract.MustDate(2024, 1, 1)},
	}
	on := contract.MustDate(2026, 7, 1)
	plans, _ := privacy.PlanRetention(recs, rules, on, true) // the subject asked for erasure
	for _, p := range plans {
		fmt.Println(p.Record, p)
	}
	fmt.Println(privacy.ErasureDecision(plans, on))
	// Output:
	// invoice-2024-17 keep until 2029-12-31, then erase
	// account-9 erase now
	// the law requires keeping the data; erase after 2029-12-31 (GDPR Art. 17(3)(b); bogføringsloven § 10)
}

func ExampleMasking_Apply() {
	m := privacy.Masking{Kind: privacy.MaskHMAC, Key: []byte("host key")}
	v, ok := m.Apply("jane@example.com")
	fmt.Println(m, len(v), ok)
	// Output: hmac_sha256 64 true
}

func ExampleNewSubjectExport() {
	x, _ := privacy.NewSubjectExport(privacy.OpenDIMS2026(), privacy.Portability,
		privacy.HashSubject("cust-1", []byte("host key")), time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC),
		[]privacy.ExportItem{
			{Category: "user.contact.email", Purpose: "essential.service", Value: "jane@example.com"},
			{Category: "user.behavior", Purpose: "functional.service.improve", Value: 17},
		})
	fmt.Println(len(x.Items), x.Items[0].Basis, x.Withheld)
	// Output: 1 contract 1
}

func ExampleBreach_AuthorityNotice() {
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		fmt.Println("no tzdata")
		return
	}
	b := privacy.Breach{Aware: time.Date(2025, 3, 28, 16, 0, 0, 0, cph),
		Categories: []privacy.DataCategory{"user.contact.email"}, Subjects: 120, Records: 300,
		Risk: privacy.HighRisk}
	fmt.Println(b.AuthorityNotice().At.Format(time.RFC3339))
	fmt.Println(b.ProcessorNotice(contract.OpenDIMSTerms()).At.Format(time.RFC3339))
	fmt.Println(b.SubjectsNotice())
	// Output:
	// 2025-03-31T17:00:00+02:00
	// 2025-03-30T17:00:00+02:00
	// notify the data subjects without undue delay (GDPR Art. 34(1))
}

func ExampleSubProcessorChange_Check() {
	d, _ := privacy.SubProcessorChange{Name: "Mailer", Notified: contract.MustDate(2026, 3, 2),
		Effective: contract.MustDate(2026, 3, 20)}.Check(contract.Period{})
	fmt.Println(d.Allowed, d)
	// Output: false the change may take effect on 2026-04-02 at the earliest, after the objection window (GDPR Art. 28(2); terms 13.1)
}

func ExampleParseGPC() {
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	g := privacy.ParseGPC("1", true) // the host read "Sec-GPC: 1"
	l, _ := privacy.NewLedger(privacy.GPCEvents("visitor-7", at, g)...)
	st := l.State("visitor-7", privacy.UseTargetedAds, at)
	fmt.Println(g, st, privacy.GPCDecision(st).Allowed)
	fmt.Println(privacy.ParseGPC("0", true), privacy.ParseGPC("", false))
	// Output:
	// opt_out marketing.advertising.third_party.targeted: objected since 2026-03-01T10:00:00Z false
	// unset unset
}

func ExampleLedger_ConsentMode() {
	notice := privacy.NoticeHash(sha256.Sum256([]byte("Statistics cookies.")))
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	l, _ := privacy.NewLedger(privacy.ConsentEvent{Subject: "v", Purpose: privacy.UseAnalytics,
		Action: privacy.Given, At: at, Policy: contract.MustDate(2025, 2, 1),
		Method: privacy.MethodBanner, Notice: notice})
	fmt.Println(l.ConsentMode(privacy.DefaultConsentModeMapping(), "v", at, privacy.ConsentRules{}, privacy.Child{}))
	// Output: {"ad_storage":"denied","ad_user_data":"denied","ad_personalization":"denied","analytics_storage":"granted","functionality_storage":"denied","personalization_storage":"denied","security_storage":"granted"}
}

func ExampleLedger_Cookies() {
	inv := privacy.CookieInventory{Site: "openproducts.com", Cookies: []privacy.Cookie{
		{Name: "session", Category: privacy.StrictlyNecessary},
		{Name: "_stats", Domain: ".openproducts.com", Category: privacy.Statistics, Lifetime: contract.Hours(390 * 24)},
		{Name: "IDE", Domain: ".doubleclick.net", Category: privacy.Marketing},
	}}
	fmt.Println(inv.CheckPolicy(privacy.OpenProducts2018()))
	var l privacy.Ledger // no consent recorded yet
	for _, d := range l.Cookies(inv, "visitor-7", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), privacy.ConsentRules{}, privacy.Child{}) {
		fmt.Println(d.Cookie.Name, d.Decision.Allowed)
	}
	// Output:
	// privacy: invalid: validate cookie inventory: 1 problem: cookies[2].domain: third_party_cookie_promised_none(doubleclick.net)
	// session true
	// _stats false
	// IDE false
}

func ExampleProcessingRecords_WriteJSON() {
	p := privacy.OpenProducts2018()
	p.Activities = p.Activities[6:] // the encrypted backups only
	_ = privacy.RecordsOfProcessing(p).WriteJSON(os.Stdout)
	// Output:
	// {
	//   "article": "Art. 30(1)",
	//   "role": "controller",
	//   "organisation": {
	//     "name": "Open Products 237 AB",
	//     "country": "SE"
	//   },
	//   "contact": "support@openproducts.com",
	//   "security": [
	//     "collection, storage and processing practices against unauthorised access, alteration, disclosure or destruction",
	//     "TLS for data exchanged with the website, with digital signatures",
	//     "back-ups encrypted on the device with the user's password before upload (zero knowledge)"
	//   ],
	//   "policy_version": "2018-05-24",
	//   "activities": [
	//     {
	//       "name": "Encrypted device backups",
	//       "purpose": "essential.service.operations",
	//       "basis": "contract",
	//       "subjects": [
	//         "customer"
	//       ],
	//       "categories": [
	//         "user.content.private"
	//       ],
	//       "retention": {
	//         "kind": "until_termination"
	//       }
	//     }
	//   ]
	// }
}

func ExampleTaxonomy_Special() {
	t := privacy.DefaultTaxonomy()
	fmt.Println(t.Special("user.health_and_medical.genetic"), t.Special("user.criminal_history"), t.Special("user.contact.email"))
	// Output: art9 art10 none
}

func ExampleAgeTable_AgeOn() {
	ages := privacy.DefaultConsentAges()
	fmt.Println(ages.AgeOn("DK", contract.MustDate(2023, 12, 31)), ages.AgeOn("DK", contract.MustDate(2024, 1, 1)),
		ages.AgeOn("SE", contract.MustDate(2025, 1, 1)), ages.AgeOn("DE", contract.MustDate(2025, 1, 1)))
	// Output: 13 15 13 16
}

func ExampleTerminationDeletion() {
	fmt.Println(privacy.TerminationDeletion(contract.OpenDIMSTerms(), contract.MustDate(2026, 12, 31)))
	// Output: the customer's data is deleted when the agreement terminates on 2026-12-31 (terms 18.3; terms 18.1; GDPR Art. 28(3)(g))
}

func ExampleOpenDIMSAsProcessor() {
	p := privacy.OpenDIMSAsProcessor(contract.OpenDIMSTerms(), contract.MustDate(2025, 2, 1),
		contract.Party{Name: "Example Webshop ApS", Country: "DK"})
	r := privacy.RecordsOfProcessing(p)
	fmt.Println(r.Article, r.Organisation.Name, "for", r.OnBehalfOf[0].Name)
	// Output: Art. 30(2) OpenDIMS ApS for Example Webshop ApS
}

func ExampleSignalEvents() {
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	// Purpose consents decoded from a TC string: purposes 1 and 9 only.
	consents := make([]bool, 11)
	consents[0], consents[8] = true, true
	evs := privacy.SignalEvents("visitor-7", at, "tcf:cmp=31", contract.MustDate(2026, 6, 24), privacy.TCFChoices(consents)...)
	// The same request carried Sec-GPC: 1.
	evs = append(evs, privacy.GPCEvents("visitor-7", at, privacy.ParseGPC("1", true))...)
	l, _ := privacy.NewLedger(evs...)
	for _, u := range []privacy.DataUse{"functional.storage", "analytics.reporting", privacy.UseTargetedAds} {
		fmt.Println(l.State("visitor-7", u, at))
	}
	// Output:
	// functional.storage: granted since 2026-03-01T10:00:00Z
	// analytics.reporting: granted since 2026-03-01T10:00:00Z
	// marketing.advertising.third_party.targeted: objected since 2026-03-01T10:00:00Z
}

// A consent event logs without its subject; a Redactor with the host's
// secret key shows the subject as an HMAC, the same on every line.
func ExampleRedactor() {
	e := privacy.ConsentEvent{Subject: "jane.doe@example.com", Purpose: privacy.UseMarketing,
		Action: privacy.Objected, At: time.Date(2026, 2, 14, 8, 15, 0, 0, time.UTC),
		Method: privacy.MethodLink, Source: "newsletter-2026-02"}
	noTime := func(groups []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey && len(groups) == 0 {
			return slog.Attr{}
		}
		return a
	}
	log := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime}))
	log.Info("opt-out", "event", e)
	red := privacy.NewRedactor([]byte("host secret"))
	log.Info("opt-out", "event", red.Value(e))
	fmt.Printf("%+v\n", e)
	// Output:
	// {"level":"INFO","msg":"opt-out","event":{"subject":"[redacted]","purpose":"marketing","action":"objected","at":"2026-02-14T08:15:00Z","method":"link","source":"newsletter-2026-02"}}
	// {"level":"INFO","msg":"opt-out","event":{"subject":"hmac:951d8c8fd194a43c4ab8f6e4","purpose":"marketing","action":"objected","at":"2026-02-14T08:15:00Z","method":"link","source":"newsletter-2026-02"}}
	// 2026-02-14T08:15:00Z objected marketing via link
}

// A ledger is stored as its events and read back whole.
func ExampleLedger_MarshalJSON() {
	l, _ := privacy.NewLedger(privacy.OptOut("cust-4711", time.Date(2026, 2, 14, 8, 15, 0, 0, time.UTC),
		privacy.MethodLink, "newsletter-2026-02"))
	b, _ := json.Marshal(l)
	fmt.Println(string(b))
	var back privacy.Ledger
	err := json.Unmarshal(b, &back)
	fmt.Println(back.Equal(l), err, back)
	// Output:
	// {"events":[{"subject":"cust-4711","purpose":"marketing","action":"objected","at":"2026-02-14T08:15:00Z","method":"link","source":"newsletter-2026-02"}]}
	// true <nil> consent ledger of 1 event
}
