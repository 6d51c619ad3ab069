package main

import (
	"fmt"
	"time"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"github.com/pimkit/pimkit/sla"
	"golang.org/x/text/currency"
)

// calendarAt is the instant the tour asks "what is due, and when do I call
// pimkit again?".
var calendarAt = time.Date(2026, 3, 20, 10, 0, 0, 0, contract.Copenhagen())

// obligations gathers the webshop's dated rights and duties from every
// package: the agreement's own (a defect notified, an index price change),
// the late invoice of step 2 (due date, interest, demands, suspension), a
// planned service window and the month's credit (sla), a data-subject
// request, a breach and a retention plan (privacy), and the withdrawal
// right of one of the shop's own consumer sales (catalog).
func (t *tour) obligations() ([][]contract.Obligation, error) {
	d := contract.MustParseDate
	loc := contract.Copenhagen()
	dkk := func(s string) contract.Money { return contract.MustParseMoney(s, currency.DKK) }
	var lists [][]contract.Obligation

	own, err := t.agreement.Obligations([]contract.AgreementEvent{
		{Kind: contract.DefectNotified, On: d("2026-03-16"), Ref: "slow exports"},
	}, calendarAt)
	if err != nil {
		return nil, err
	}
	lists = append(lists, own)

	rules := billing.DemandRulesFor(t.terms)
	late, err := rules.Obligations(billing.Collection{Invoice: "2026-0001",
		Debt:    billing.Debt{Amount: dkk("3743.75"), Due: d("2026-03-02"), Sent: d("2026-01-31"), Customer: billing.Business},
		Demands: []billing.Demand{{Sent: d("2026-03-09")}, {Sent: d("2026-03-19")}}}, loc)
	if err != nil {
		return nil, err
	}
	lists = append(lists, late)

	p := sla.PolicyFor(t.terms)
	span, err := p.Month(2026, time.March)
	if err != nil {
		return nil, err
	}
	at := func(day, hour int) time.Time { return time.Date(2026, 3, day, hour, 0, 0, 0, loc) }
	rep, err := sla.NewReport(p, span, sla.Input{Windows: []sla.Window{
		{ID: "upgrade", Kind: sla.Planned, Notified: at(19, 9), Start: at(25, 2), End: at(25, 4)}}})
	if err != nil {
		return nil, err
	}
	lists = append(lists, rep.Obligations())

	c := t.terms.Counter
	req, _, err := privacy.ReceiveRequest(c, privacy.Access, d("2026-03-02"))
	if err != nil {
		return nil, err
	}
	ro, err := req.Obligation(loc)
	if err != nil {
		return nil, err
	}
	breach := privacy.Breach{Aware: at(19, 15), Categories: []privacy.DataCategory{"user.contact.email"}, Subjects: 40, Records: 40,
		Risk: privacy.HighRisk}
	plan := privacy.RetentionPlan{Record: "invoice 2025-0107", Action: privacy.Keep, Until: d("2030-12-31"), Then: privacy.EraseNow}
	lists = append(lists, append([]contract.Obligation{ro}, breach.Obligations(t.terms, "mailing list")...))
	if o, ok := plan.Obligation(loc); ok {
		lists = append(lists, []contract.Obligation{o})
	}

	sale := catalog.DistanceSale{Order: catalog.Order{Number: "W-1042"}, Consumer: true, Kind: catalog.Goods,
		Concluded: d("2026-03-10"), Delivered: d("2026-03-12")}
	lists = append(lists, sale.Obligations(c, loc, contract.Date{}))
	return lists, nil
}

// calendar prints the obligations calendar at calendarAt -- what is in
// force, what comes next, and the one wake-up to schedule -- and the
// tensions between the agreement's documents.
func (t *tour) calendar() error {
	lists, err := t.obligations()
	if err != nil {
		return err
	}
	s := contract.NewSchedule(calendarAt, lists...)
	t.say("at %s:", calendarAt.Format("Mon 2006-01-02 15:04 MST"))
	for _, o := range s.Obligations {
		kind := "duty"
		if o.Right {
			kind = "right"
		}
		when := "from " + o.From.In(contract.Copenhagen()).Format("2006-01-02 15:04")
		if o.ActiveAt(calendarAt) {
			when = "in force"
		}
		until := "with no end of its own"
		if !o.Until.IsZero() {
			until = "until " + o.Until.In(contract.Copenhagen()).Format("2006-01-02 15:04")
		}
		ref := ""
		if o.Ref != "" {
			ref = " (" + o.Ref + ")"
		}
		t.cite(fmt.Sprintf("%s %s %s%s: %s, %s", o.Party, kind, o.What, ref, when, until), o.Citations)
	}
	t.say("next wake-up: %s", s.Next.In(contract.Copenhagen()).Format("Mon 2006-01-02 15:04 MST"))

	own, err := contract.Tensions(t.terms, nil)
	if err != nil {
		return err
	}
	for _, x := range contract.MergeTensions(own, sla.Tensions(t.terms, sla.CommonCreditTiers()),
		privacy.Tensions(t.terms, privacy.RulesFromPolicy(privacy.OpenDIMS2026()))) {
		t.cite(fmt.Sprintf("tension %s / %s, settled by %s: %s", x.First.Citation, x.Second.Citation, x.Outcome, x.Reason.In(t.lang)),
			x.Citations)
	}
	return nil
}

// cite adds a line with its citations.
func (t *tour) cite(text string, cs []contract.Citation) {
	s := &t.Sections[len(t.Sections)-1]
	l := line{Text: text}
	for _, c := range cs {
		l.Citations = append(l.Citations, c.String())
	}
	s.Lines = append(s.Lines, l)
}
