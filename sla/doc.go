// Package sla computes what an agreement promises about uptime -- agreed
// hours, downtime, service windows, availability against a target, error
// budgets and service credits -- exactly, so that a host can report it
// every month, alert before the budget is gone and settle penalties
// against the liability cap.
//
// The rules come from the OpenDIMS terms: Downtime is time
// within the Agreed Hours of Operation (24/7 unless otherwise agreed) when
// the service is unavailable, except notified service windows (terms 2.1);
// planned maintenance with at least 3 days' written notice and emergency
// service with 1 hour's notice are not downtime (terms 3.2); the standard
// guaranteed availability is 99.9 % (terms 8.1); the customer is warned as
// consumption approaches an agreed maximum (terms 7.2, decided by
// [contract.Capacity]); and penalties count inside the liability caps of
// one month's remuneration per event and three in total (terms 15.1).
//
// # Counting a month
//
// Build a [Policy] from the agreement's terms with [PolicyFor], cut a span
// with [Policy.Month], [Policy.Quarter], [Policy.Days] or [Rolling], and
// pass what was observed as an [Input]: [Outage]s, [Window]s and [Gap]s in
// the monitoring data.
//
//	p := sla.PolicyFor(contract.OpenDIMSTerms())
//	april, _ := p.Month(2025, time.April)
//	r, err := sla.NewReport(p, april, sla.Input{Outages: outages, Windows: windows})
//	fmt.Println(r.Decision) // availability 99.918% meets the target of 99.9% (terms 8.1; ...)
//	r.Decision.Reason.In(language.Danish) // tilgængeligheden på 99,918 % opfylder målet på 99,9 %
//
// [Compute] returns only the [Availability]; [NewReport] adds downtime by
// component and by cause, a [WindowDecision] per window with the notice
// given and required, and a daily timeline of [Day]s.
//
// # Exactness
//
// Instants become integer nanoseconds; impact weights are exact millionths
// ([Weights]: [DefaultWeights] counts only unavailability, as terms 2.1
// does; [StatuspageWeights] counts a partial outage 30 %); weighted
// downtime is summed in 128 bits. An availability is a [Ratio], compared
// with a target without rounding: 43 minutes of downtime in a 30-day month
// meet 99.9 % (43 min 12 s allowed), 44 do not. No float touches a
// boundary that decides money.
//
// Overlapping outages are merged, at the highest weight at each instant:
// two 30-minute outages overlapping by 15 minutes are 45 minutes. The
// outages are sorted once by start and merged in one pass.
//
// # Time zones and agreed hours
//
// Spans are cut in the policy's zone, a [contract.Zone] that [PolicyFor]
// takes from the terms ([contract.Terms.Zone]): Europe/Copenhagen by
// default, which package contract builds from the EU daylight-saving rule
// without zoneinfo files ([contract.Copenhagen]). Notice in calendar days
// is counted with the policy's Counter, the terms' counter.
// Durations are elapsed time: 30 March 2025 has 23 hours, 26 October 2025
// has 25, March 2025 has 743. An outage from 23:50 on 31 January to 00:20
// on 1 February counts 10 minutes in January and 20 in February. Agreed
// hours other than 24/7 are any [AgreedHours], such as
// [contract.BusinessHours] for office hours minus Danish holidays.
//
// # Service windows and missing data
//
// A [Window] is an exclusion mask over the outages: with enough notice
// ([Planned]: 72 elapsed hours by default, or whole calendar days counted
// with the policy's [contract.Counter] under [CalendarDays]; [Emergency]:
// 1 hour; [ForceMajeure]: none, terms 14.1)
// the outage time inside it is not downtime, and the time an outage runs
// past the notified end is. Monitoring gaps are a policy ([MissingData]):
// excluded from both sides with the coverage reported (the default),
// counted as up, or counted as down -- never NaN.
//
// # Granularity
//
// [Exact] counts nanoseconds; [WholeMinutes] counts every minute touched
// by downtime; [MinimumPeriod] ignores runs shorter than
// [Policy.MinimumRun], as Google Cloud's "Downtime Period" does.
//
// # Error budgets and alerts
//
// [AllowedDowntime] and [Availability.Budget] give the allowance and what
// is left; [Availability.BurnRate] the speed at which it is spent.
// [EvaluateBurn] evaluates the multi-window, multi-burn-rate alerts of the
// Google SRE workbook ([WorkbookRules]: 1 h/5 m at 14.4, 6 h/30 m at 6,
// 1 d/2 h at 3, 3 d/6 h at 1, scaled to the SLO period).
//
// # Credits and the liability cap
//
// The standard terms set no service credits; an offer document may, as
// [CreditTiers] data ([CommonCreditTiers]: below 99.9 % 10 %, below 99 %
// 25 %, below 95 % 100 % of the monthly fee, half-open bounds).
// [CreditTiers.Penalty] prices one span and [Settle] settles the penalties
// with any other claims through [contract.Terms.SettleLiability]. Fees and
// credits are [contract.Money]: 250.00 DKK, "250,00 kr." in Danish.
//
// # Obligations and tensions
//
// For the obligations calendar of package contract, [Report.Obligations]
// gives the provider's right to keep the service closed during each
// service window whose notice sufficed (terms 3.2), and
// [Penalty.Obligation] the duty to pay an earned credit from the end of
// its month (terms 8.1); merge them with the agreement's by
// [contract.NewSchedule]. [Tensions] reports the tension between credit
// tiers and terms 15.2, settled by the offer document's precedence.
//
// # Storing results
//
// Every value the package hands back or takes in -- [Policy], [Input],
// [Availability], [Report], [Penalty], [BurnAlert] -- is stored as JSON
// with snake_case keys and reads back equal under go-cmp without options:
// durations are ISO 8601 ("planned_notice": "PT72H"), enums snake_case
// text ("force_majeure"), instants RFC 3339, a [Ratio] an exact fraction
// ("14386/14400"). An [Availability] keeps its exact weighted downtime
// ("downtime_exact": "PT1H12M13.0000000003S"), so a month that missed its
// target by a fraction of a nanosecond still misses it when read back. A
// [Policy] stores its agreed hours when they are a [contract.BusinessHours];
// other [AgreedHours] refuse to marshal rather than be lost. Targets,
// tiers, weights and factors are [contract.Decimal]s, read with pimkit's
// one bounded parser, and every decoder allocates at most 16 bytes per
// input byte plus 64 KiB. Figures are given to at most [MaxPlaces]
// decimals; targets of 10^±1000000 are refused or compared by sign at
// once, never digit by digit.
//
// Decisions carry their reasons with typed arguments, so each language
// formats numbers its own way: "99.838%" in English, "99,838 %" in
// Danish; notice reads "PT72H".
//
// # Pictures
//
// [WriteSVG] draws a report's timeline as an uptime bar, one bar per day
// coloured against the target, with hover titles, to an [io.Writer].
//
// # Errors
//
// Every problem of the input is reported at once in a
// [*contract.ValidationError], the one problem type of every pimkit
// package, with JSON paths and rule names ("outages[1].end:
// gtefield(start)", "policy.target: dlte(100)"). The configuration types a
// host fills in ([Policy], [Weights], [Outage], [Window], [Gap],
// [CreditTier], [BurnRule]) carry validate tags; rules across fields are
// checked by hand and reported the same way. The error unwraps to the
// package's sentinels for the kinds of problem found, such as
// [ErrInvalidOutage] and [ErrInvalidTarget], for [errors.Is]. Nothing is
// silently dropped; the package never panics on input.
package sla
