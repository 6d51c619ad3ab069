package main

import (
	"fmt"
	"os"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/sla"
)

// sla counts February 2026 for the webshop: an outage, a planned service
// window with due notice and an emergency patch with too little, against the
// 99.9 % of terms 8.1, and writes the month's uptime bar.
func (t *tour) sla() error {
	p := sla.PolicyFor(t.agreement.Terms)
	cph := contract.Copenhagen()
	feb, err := p.Month(2026, time.February)
	if err != nil {
		return err
	}
	at := func(day, hour, min int) time.Time { return time.Date(2026, 2, day, hour, min, 0, 0, cph) }
	in := sla.Input{
		Outages: []sla.Outage{
			{Component: "api", Cause: "database failover", Start: at(10, 14, 2), End: at(10, 14, 21)},
			{Component: "web", Cause: "maintenance", Start: at(15, 2, 0), End: at(15, 3, 10)},
			{Component: "web", Cause: "security patch", Start: at(20, 23, 0), End: at(20, 23, 25)},
		},
		Windows: []sla.Window{
			{ID: "planned-0215", Kind: sla.Planned, Notified: at(10, 9, 0), Start: at(15, 2, 0), End: at(15, 3, 0)},
			{ID: "patch-0220", Kind: sla.Emergency, Notified: at(20, 22, 30), Start: at(20, 23, 0), End: at(20, 23, 30)},
		},
	}
	r, err := sla.NewReport(p, feb, in)
	if err != nil {
		return err
	}
	t.explain("February 2026", r.Decision)
	t.say("downtime %v of %v agreed; %v excluded as notified service; budget left %v of %v",
		r.Availability.Downtime, r.Availability.Agreed, r.Availability.Excluded, r.Budget.Remaining, r.Budget.Allowed)
	for _, w := range r.Windows {
		t.explain("window "+w.Window.ID, w.Decision)
	}

	f, err := os.Create(t.svgPath)
	if err != nil {
		return err
	}
	if err := sla.WriteSVG(f, r, sla.SVGOptions{}); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing the uptime bar: %w", err)
	}
	t.say("uptime bar written to %s", t.svgPath)
	return nil
}
