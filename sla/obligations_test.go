package sla_test

import (
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/sla"
	"golang.org/x/text/currency"
)

// TestReportObligations checks terms 3.2: a planned window notified 72
// hours ahead gives the provider the right to close the service, one
// notified 48 hours ahead gives none; and terms 8.1: an earned credit is a
// duty to pay from the end of the month.
func TestReportObligations(t *testing.T) {
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	cph := contract.Copenhagen()
	span, err := p.Month(2026, time.January)
	if err != nil {
		t.Fatal(err)
	}
	at := func(d, h int) time.Time { return time.Date(2026, 1, d, h, 0, 0, 0, cph) }
	in := sla.Input{Windows: []sla.Window{
		{ID: "W-ok", Kind: sla.Planned, Notified: at(5, 2), Start: at(8, 2), End: at(8, 4)},
		{ID: "W-short", Kind: sla.Planned, Notified: at(13, 2), Start: at(15, 2), End: at(15, 4)},
	}, Outages: []sla.Outage{{Start: at(20, 10), End: at(20, 12)}}}
	r, err := sla.NewReport(p, span, in)
	if err != nil {
		t.Fatal(err)
	}
	obs := r.Obligations()
	if len(obs) != 1 || obs[0].Ref != "W-ok" || obs[0].What != sla.WhatServiceWindow || !obs[0].From.Equal(at(8, 2)) ||
		!obs[0].Until.Equal(at(8, 4)) || obs[0].Rule != "terms 3.2" {
		t.Errorf("terms 3.2 window obligations %+v, want the notified window only", obs)
	}
	pen, err := sla.CommonCreditTiers().Penalty(r.Availability, contract.MustParseMoney("1000", currency.DKK))
	if err != nil {
		t.Fatal(err)
	}
	o, ok := pen.Obligation()
	if !ok || o.What != sla.WhatPayCredit || !o.From.Equal(span.To) || !o.Until.IsZero() {
		t.Errorf("terms 8.1 credit obligation %+v %v (availability %s)", o, ok, r.Availability.Percent(3))
	}
	if _, ok := (sla.Penalty{Amount: contract.MustParseMoney("0", currency.DKK)}).Obligation(); ok {
		t.Error("terms 8.1 no credit earned, but an obligation")
	}
}
