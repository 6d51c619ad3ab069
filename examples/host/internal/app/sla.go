package app

import (
	"context"
	"io"
	"time"

	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/pimkit/pimkit/sla"
)

// RecordOutage stores an outage (replacing one with the same ID, which is
// how an open outage is closed) and prints it.
func (a *App) RecordOutage(ctx context.Context, o sla.Outage) error {
	if err := store.PutOutage(ctx, a.DB, o); err != nil {
		return err
	}
	end := "open"
	if !o.End.IsZero() {
		end = o.End.In(a.Location).Format(time.RFC3339) + " (" + o.End.Sub(o.Start).String() + ")"
	}
	a.printf("outage %s: %s %s from %s to %s\n", o.ID, o.Component, o.Impact, o.Start.In(a.Location).Format(time.RFC3339), end)
	return nil
}

// RecordWindow stores a service window (replacing one with the same ID)
// and prints it.
func (a *App) RecordWindow(ctx context.Context, w sla.Window) error {
	if err := store.PutWindow(ctx, a.DB, w); err != nil {
		return err
	}
	a.printf("window %s: %s %s .. %s, notified %s\n", w.ID, w.Kind, w.Start.In(a.Location).Format(time.RFC3339),
		w.End.In(a.Location).Format(time.RFC3339), w.Notified.In(a.Location).Format(time.RFC3339))
	return nil
}

// SLAReport reports a month's availability under the terms (8.1: 99.9 %
// within the agreed hours, 24/7 by 2.1; service windows with notice by
// 3.2) from the stored outages and windows, and writes the daily uptime
// bar as SVG to svg when it is not nil.
func (a *App) SLAReport(ctx context.Context, month string, svg io.Writer) (sla.Report, error) {
	first, _, err := MonthBounds(month)
	if err != nil {
		return sla.Report{}, err
	}
	p := sla.PolicyFor(a.Terms)
	span, err := p.Month(first.Year(), first.Month())
	if err != nil {
		return sla.Report{}, err
	}
	outages, err := store.Outages(ctx, a.DB, span.From, span.To)
	if err != nil {
		return sla.Report{}, err
	}
	windows, err := store.Windows(ctx, a.DB, span.From, span.To)
	if err != nil {
		return sla.Report{}, err
	}
	r, err := sla.NewReport(p, span, sla.Input{Outages: outages, Windows: windows})
	if err != nil {
		return sla.Report{}, err
	}
	av := r.Availability
	a.printf("SLA %s (%s .. %s)\n", month, span.From.In(a.Location).Format(time.RFC3339), span.To.In(a.Location).Format(time.RFC3339))
	a.printf("  availability %s %% of %s agreed (target %s %%): %s\n", av.Percent(3).StringFixed(3), av.Agreed, r.Target, r.Decision)
	a.printf("  downtime %s, excluded by service windows %s, unmeasured %s\n", av.Downtime, av.Excluded, av.Unmeasured)
	a.printf("  error budget: allowed %s, used %s, remaining %s\n", r.Budget.Allowed, r.Budget.Used, r.Budget.Remaining)
	for _, b := range r.ByComponent {
		name := b.Name
		if name == "" {
			name = "(no component)"
		}
		a.printf("  component %-16s downtime %s\n", name, b.Availability.Downtime)
	}
	for _, w := range r.Windows {
		a.printf("  window %s: excluded=%t, notice %s of %s required: %s\n", w.Window.ID, w.Excluded, w.Notice, w.Required, w.Decision)
	}
	a.printf("  %d outages, %d windows in the month\n", len(outages), len(windows))
	if svg != nil {
		if err := sla.WriteSVG(svg, r, sla.SVGOptions{}); err != nil {
			return r, err
		}
	}
	return r, nil
}
