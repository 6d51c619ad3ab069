// Command sla-report is the monthly availability report of a customer on the
// OpenDIMS terms: January 2026 in Copenhagen with outages, a notified service
// window and one notified too late, availability against 99.9 %, the error
// budget, a burn-rate alert check, the service credit of an offer document and
// its settlement against the liability cap of terms 15.1.
//
//	go run ./examples/sla-report [-svg uptime.svg]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/sla"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

func main() {
	svg := flag.String("svg", "", "write the month's uptime bar as SVG to this `path`")
	flag.Parse()
	if err := run(os.Stdout, *svg); err != nil {
		fmt.Fprintln(os.Stderr, "sla-report:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, svgPath string) error {
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		cph = contract.Copenhagen() // no zoneinfo on this machine: pimkit's built-in zone
	}
	at := func(day, hour, minute int) time.Time {
		return time.Date(2026, time.January, day, hour, minute, 0, 0, cph)
	}

	terms := contract.OpenDIMSTerms()
	p := sla.PolicyFor(terms) // cut in the terms' zone, Europe/Copenhagen
	month, err := p.Month(2026, time.January)
	if err != nil {
		return err
	}
	in := sla.Input{
		Outages: []sla.Outage{
			{ID: "INC-101", Component: "api", Cause: "deploy", Start: at(8, 14, 5), End: at(8, 14, 47)},
			// Maintenance in a window notified a week ahead, overrunning by 10 minutes.
			{ID: "CHG-7", Component: "database", Cause: "maintenance", Start: at(14, 2, 0), End: at(14, 3, 40)},
			// A database upgrade announced the day before: too little notice.
			{ID: "CHG-8", Component: "database", Cause: "maintenance", Start: at(21, 22, 0), End: at(21, 23, 10)},
			// Slow search: a partial outage, not Downtime under terms 2.1.
			{ID: "INC-102", Component: "search", Cause: "capacity", Impact: sla.Partial, Start: at(27, 9, 12), End: at(27, 9, 31)},
		},
		Windows: []sla.Window{
			{ID: "CHG-7", Kind: sla.Planned, Notified: at(7, 10, 0), Start: at(14, 2, 0), End: at(14, 3, 30)},
			{ID: "CHG-8", Kind: sla.Planned, Notified: at(20, 10, 0), Start: at(21, 22, 0), End: at(21, 23, 30)},
		},
	}
	r, err := sla.NewReport(p, month, in)
	if err != nil {
		return err
	}
	a := r.Availability
	fmt.Fprintf(w, "Availability %s .. %s (%s, %v agreed)\n", month.From.Format(time.DateOnly),
		month.To.Add(-time.Nanosecond).Format(time.DateOnly), p.Zone, a.Agreed.Std())
	fmt.Fprintf(w, "  %v\n", r.Decision)
	fmt.Fprintf(w, "  downtime %v, excluded by service windows %v, coverage %s %%\n", a.Downtime.Std(), a.Excluded.Std(), a.Coverage().Percent(1).StringFixed(1))
	fmt.Fprintf(w, "  error budget: allowed %v, used %v, left %v (%s %% of it consumed)\n",
		r.Budget.Allowed.Std(), r.Budget.Used.Std(), r.Budget.Remaining.Std(), r.Budget.Consumed.Percent(1))
	for _, b := range r.ByComponent {
		fmt.Fprintf(w, "  %-9s %v down, %s %%\n", b.Name, b.Availability.Downtime.Std(), b.Availability.Percent(3).StringFixed(3))
	}
	fmt.Fprintln(w, "Service windows:")
	for _, wd := range r.Windows {
		fmt.Fprintf(w, "  %s excluded=%v: %v\n", wd.Window.ID, wd.Excluded, wd.Decision)
	}

	fmt.Fprintln(w, "Burn-rate alerts (SRE workbook rules):")
	rules := sla.WorkbookRules(month.Duration())
	for _, now := range []time.Time{at(21, 22, 30), at(31, 23, 0)} {
		alerts, err := sla.EvaluateBurn(p, in, now, rules)
		if err != nil {
			return err
		}
		firing := "none firing"
		for _, al := range alerts {
			if al.Firing {
				firing = fmt.Sprintf("%s: burn %s over %v and %s over %v exceed %s", al.Rule.Severity,
					al.LongBurn.Decimal(1), al.Rule.Long.Std(), al.ShortBurn.Decimal(1), al.Rule.Short.Std(), al.Rule.Factor)
				break
			}
		}
		fmt.Fprintf(w, "  at %s: %s\n", now.Format("Jan 2 15:04"), firing)
	}

	// The offer document agrees service credits; the standard terms set none.
	fee := contract.MustParseMoney("2490.00", currency.DKK)
	pen, err := sla.CommonCreditTiers().Penalty(a, fee)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Service credit on a monthly fee of %v: %v = %v\n", fee, pen.Decision, pen.Amount)
	fmt.Fprintf(w, "  in Danish: %s = %s\n", pen.Decision.Reason.In(language.Danish), pen.Amount.Format(language.Danish))
	// The customer also claims a direct loss for the same breach: one event, one cap.
	loss := contract.Claim{Event: pen.Event, Kind: contract.DirectLoss, Amount: contract.MustParseMoney("4000.00", currency.DKK)}
	s, err := sla.Settle(terms, fee, []sla.Penalty{pen}, loss)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Settlement: %v\n", s.Decision)
	for _, l := range s.Lines {
		fmt.Fprintf(w, "  %-11s %9s claimed, %9s cut by the event cap, %9s payable\n", l.Claim.Kind,
			l.Claimed.Text(), l.CutByEventCap.Text(), l.Payable.Text())
	}
	fmt.Fprintf(w, "  payable %s of %s DKK claimed (cap per event %s, total %s)\n", s.Payable.Text(),
		s.Claimed.Text(), s.CapPerEvent.Text(), s.CapTotal.Text())

	if svgPath == "" {
		return nil
	}
	f, err := os.Create(svgPath)
	if err != nil {
		return err
	}
	if err := sla.WriteSVG(f, r, sla.SVGOptions{}); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintln(w, "uptime bar written to", svgPath)
	return nil
}
