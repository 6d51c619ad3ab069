package main

import (
	"crypto/sha256"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"github.com/pimkit/pimkit/privacy/tcf"
)

// privacy follows one of the webshop's own customers: a newsletter consent
// given and withdrawn with its proof, an erasure request with its deadline
// and a retention plan that keeps the bookkeeping data, and a breach with
// its 48- and 72-hour deadlines.
func (t *tour) privacy() error {
	policy := privacy.OpenDIMSHistory()
	given := time.Date(2026, 3, 2, 10, 15, 0, 0, time.UTC)
	inForce, err := policy.InForce(contract.DateOf(given))
	if err != nil {
		return err
	}
	notice := privacy.NoticeHash(sha256.Sum256([]byte("Monthly newsletter with product news.")))
	ledger, err := privacy.NewLedger(
		privacy.ConsentEvent{Subject: "cust-1042", Purpose: privacy.UseMarketingEmail, Action: privacy.Given,
			At: given, Policy: inForce.Effective, Method: privacy.MethodForm, Notice: notice},
		privacy.OptOut("cust-1042", given.Add(30*24*time.Hour), privacy.MethodLink, "newsletter-2026-04"),
	)
	if err != nil {
		return err
	}
	t.say("newsletter consent under the policy of %s: %s", inForce.Effective,
		ledger.State("cust-1042", privacy.UseMarketingEmail, given.Add(time.Hour)))
	t.say("after the unsubscribe link: %s",
		ledger.State("cust-1042", privacy.UseMarketingEmail, given.Add(31*24*time.Hour)))
	receipt, err := ledger.Receipt("cust-1042", given.Add(31*24*time.Hour), privacy.ReceiptInfo{
		Controller: contract.Party{Name: shop.Name, CVR: shop.CVR}, Contact: "privacy@nordlys.example",
		Jurisdiction: "DK", Service: "Nordlys Webshop", SubjectKey: []byte("host secret"),
	})
	if err != nil {
		return err
	}
	t.say("proof: a %s consent receipt with %d events and the subject hashed", receipt.Version, len(receipt.Evidence))

	c := inForce.Counter                       // the controller's counter: Danish holidays
	received := contract.MustDate(2026, 1, 31) // a Saturday
	req, _, err := privacy.ReceiveRequest(c, privacy.Erasure, received)
	if err != nil {
		return err
	}
	t.explain("erasure request received "+received.String(), req.DueDecision())

	rules := privacy.RulesFromPolicy(privacy.OpenDIMS2026())
	plans, err := privacy.PlanRetention([]privacy.InventoryRecord{
		{ID: "invoice-2025-311", Category: "user.payment", Purpose: "essential.service.payment_processing",
			Basis: privacy.LegalObligation, Created: contract.MustDate(2025, 11, 3), YearEnd: contract.MustDate(2025, 12, 31)},
		{ID: "account-1042", Category: "user.contact.email", Purpose: "essential.service",
			Basis: privacy.Contract, Created: contract.MustDate(2025, 6, 1)},
	}, rules, received, true)
	if err != nil {
		return err
	}
	for _, p := range plans {
		t.explain(p.Record, p.Decision)
	}

	aware := time.Date(2025, 3, 28, 16, 0, 0, 0, contract.Copenhagen())
	b := privacy.Breach{Aware: aware, Categories: []privacy.DataCategory{"user.contact.email"},
		Subjects: 120, Records: 300, Risk: privacy.HighRisk}
	t.say("a breach discovered %s:", aware.Format("Mon 2006-01-02 15:04 MST"))
	for _, n := range []struct {
		label string
		d     contract.Decision
	}{
		{"provider to customer by ", b.ProcessorNotice(t.agreement.Terms)},
		{"to the authority by ", b.AuthorityNotice()},
	} {
		t.explain("  "+n.label+n.d.At.In(aware.Location()).Format("Mon 2006-01-02 15:04 MST"), n.d)
	}
	t.explain("  to the people concerned", b.SubjectsNotice())
	if err := t.vendorsAndInformation(inForce); err != nil {
		return err
	}
	return t.gppString()
}

// vendorsAndInformation asks whether an analytics vendor of the Global
// Vendor List may measure under the visitor's TC string, and checks the
// policy in force against GDPR Art. 13 and 14.
func (t *tour) vendorsAndInformation(policy privacy.Policy) error {
	gvl := tcf.GVL{Vendors: map[int]tcf.Vendor{755: {ID: 755, Name: "Analytics vendor",
		Purposes: []int{1}, LegIntPurposes: []int{7}}}}
	at := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	tc := tcf.TCString{Created: at, LastUpdated: at, CMPID: 300, VendorListVersion: 180, PolicyVersion: 5,
		PurposeConsents: tcf.NewIDSet(1), VendorConsents: tcf.NewVendorSet(755),
		PurposeLegitimateInterests: tcf.NewIDSet(7), VendorLegitimateInterests: tcf.NewVendorSet(755),
		HasVendorsDisclosed: true, VendorsDisclosed: tcf.NewVendorSet(12)}
	t.explain("vendor 755, purpose 1 (store on the device)", gvl.Permission(tc, 755, 1, at))
	t.explain("vendor 755, purpose 7 (measure ads)", gvl.Permission(tc, 755, 7, at))
	r := privacy.CheckInformation(policy)
	t.say("%s against GDPR Art. 13 and 14:", r.Policy)
	for _, f := range r.Findings {
		if f.Status == privacy.Missing {
			t.say("  missing %s (%s)", f.Item, f.Citations[0])
		}
	}
	return nil
}
