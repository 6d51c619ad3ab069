package privacy_test

import (
	"fmt"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
)

// The OpenDIMS policy of 2025 checked against GDPR Art. 13 and 14: what it
// is missing, and where the policy speaks of it.
func ExampleCheckInformation() {
	r := privacy.CheckInformation(privacy.OpenDIMS2025())
	for _, f := range r.Findings {
		if f.Status != privacy.Missing {
			continue
		}
		fmt.Printf("%s %s", f.Citations[0].Ref, f.Item)
		for _, w := range f.Where {
			fmt.Printf(" [%q para. %d]", w.Heading, w.Paragraph)
		}
		if len(f.Activities) > 0 {
			fmt.Print(" ", f.Activities)
		}
		fmt.Println()
	}
	// Output:
	// Art. 13(1)(a) controller_identity ["" para. 1]
	// Art. 13(2)(a) retention ["Data Retention and Deletion" para. 1]
	// Art. 13(2)(c) withdrawal ["Right to opt-out of marketing communications" para. 1] [Cookies for analytics]
	// Art. 13(2)(d) complaint
	// Art. 21(4) objection_separate ["Your rights" para. 2]
	// Art. 13(2)(e) requirement
	// Art. 14(3) timing
}

func ExamplePolicy_ConsentValidity() {
	fmt.Println(privacy.OpenProducts2018().ConsentValidity())
	// Output: using the site is not consent: consent needs a clear affirmative act (GDPR Art. 4(11); GDPR Art. 7(1); GDPR recital 32; CJEU C-673/17 Planet49; EDPB Guidelines 05/2020 on consent para. 86)
}

func ExamplePolicy_GovernsFrom() {
	p := privacy.OpenDIMS2025()
	fmt.Println(p.Version(), p.GovernsFrom())
	_, err := privacy.OpenDIMSHistory().InForce(contract.MustDate(2025, 2, 3))
	fmt.Println(err)
	// Output:
	// 2025-02-01 2025-02-07
	// privacy: no policy in force
}

// Open Products' device connectivity runs by default; a user switching it
// off in the device's interface is recorded as an objection.
func ExampleOptOutEvent() {
	p := privacy.OpenProducts2018()
	device, _ := p.Activity("essential.service.upgrades")
	at := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)
	e, _ := privacy.OptOutEvent(device, "dev-17", at, p.Version(), privacy.MethodForm)
	l, _ := privacy.NewLedger(e)
	fmt.Println(e)
	fmt.Println(l.State("dev-17", "essential.service.upgrades", at).Status)
	// Output:
	// 2026-05-04T10:00:00Z objected essential.service.upgrades via form (policy 2018-05-24)
	// objected
}

func ExampleBreach_CheckNotices() {
	aware := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	b := privacy.Breach{Aware: aware, Categories: []privacy.DataCategory{"user.contact"}, Risk: privacy.RiskLikely}
	first := privacy.BreachNotice{At: aware.Add(50 * time.Hour)}
	fmt.Println(b.CheckNotices([]privacy.BreachNotice{first}))
	late := privacy.BreachNotice{At: aware.Add(96 * time.Hour), Complete: true}
	fmt.Println(b.CheckNotices([]privacy.BreachNotice{late}).Allowed)
	// Output:
	// the first notification was given; the remaining information is due without undue further delay (GDPR Art. 33(1); GDPR Art. 33(4))
	// false
}
