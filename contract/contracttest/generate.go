package contracttest

import (
	"fmt"
	"slices"
	"time"

	"github.com/pimkit/pimkit/contract"
)

// This file holds the generator of boundary scenarios and the deliberately
// naive day counter it computes its expected dates with. The counter uses
// none of pimkit's calendar code: it walks days with package time, checks
// weekends and a literal list of holidays, adds months by clamping to the
// month's last day, and computes Copenhagen's clock change from the EU rule
// (last Sunday of March and of October, 01:00 UTC). When it and pimkit
// disagree, one of them is wrong, and the failing step says where.

// DanishHolidays lists the Danish public holidays (helligdage) of 2024 to
// 2032 as literal dates, for the naive counter: New Year's Day, Maundy
// Thursday, Good Friday, Easter Sunday and Monday, Ascension Day, Whit
// Sunday and Monday, Christmas Day and Boxing Day. Great Prayer Day is
// gone from 2024. The dates of Easter are written out, not computed.
func DanishHolidays() []contract.Date {
	easter := []string{"2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16",
		"2029-04-01", "2030-04-21", "2031-04-13", "2032-03-28"}
	var out []contract.Date
	for i, e := range easter {
		y := 2024 + i
		es, _ := time.Parse(time.DateOnly, e)
		out = append(out, date(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)))
		for _, off := range []int{-3, -2, 0, 1, 39, 49, 50} {
			out = append(out, date(es.AddDate(0, 0, off)))
		}
		out = append(out, date(time.Date(y, 12, 25, 0, 0, 0, 0, time.UTC)), date(time.Date(y, 12, 26, 0, 0, 0, 0, time.UTC)))
	}
	slices.SortFunc(out, func(a, b contract.Date) int { return a.Compare(b) })
	return out
}

// naive is the independent day counter: plain calendar arithmetic over
// time.Time at midnight UTC.
type naive struct {
	holidays map[time.Time]bool
}

func newNaive(holidays []contract.Date) naive {
	n := naive{holidays: map[time.Time]bool{}}
	for _, h := range holidays {
		n.holidays[tm(h)] = true
	}
	return n
}

func tm(d contract.Date) time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

func date(t time.Time) contract.Date {
	return contract.MustParseDate(t.Format(time.DateOnly))
}

func (n naive) working(t time.Time) bool {
	wd := t.Weekday()
	return wd != time.Saturday && wd != time.Sunday && !n.holidays[t]
}

// plusDays is day d plus k calendar days.
func plusDays(d contract.Date, k int) contract.Date { return date(tm(d).AddDate(0, 0, k)) }

// toAct is the last day of a period of k days from the event on d, rolled
// to the next working day (Reg. 1182/71 Art. 3(1), 3(2)(b), 3(4)).
func (n naive) toAct(d contract.Date, k int) contract.Date {
	t := tm(d).AddDate(0, 0, k)
	for !n.working(t) {
		t = t.AddDate(0, 0, 1)
	}
	return date(t)
}

// plusMonths is d plus k months, on the same day of the month or the
// month's last day when it has no such day (Art. 3(2)(c)): 31 January plus
// one month is 28 February.
func plusMonths(d contract.Date, k int) contract.Date {
	y, m, dd := d.Date()
	first := time.Date(y, m+time.Month(k), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return date(time.Date(first.Year(), first.Month(), min(dd, last), 0, 0, 0, 0, time.UTC))
}

// periodEnd is the last day of the k-th period of p from start: start
// plus k periods, less a day.
func periodEnd(start contract.Date, months, k int) contract.Date {
	return plusDays(plusMonths(start, months*k), -1)
}

// midnight is the first instant of day d in Europe/Copenhagen, from the
// EU rule: UTC+2 from the last Sunday of March 01:00 UTC to the last
// Sunday of October 01:00 UTC, UTC+1 otherwise. Midnight is never inside
// the change, so the offset of the day decides.
func midnight(d contract.Date) time.Time {
	t := tm(d)
	lastSunday := func(m time.Month) time.Time {
		x := time.Date(t.Year(), m+1, 0, 0, 0, 0, 0, time.UTC)
		for x.Weekday() != time.Sunday {
			x = x.AddDate(0, 0, -1)
		}
		return x
	}
	off := time.Hour
	if !t.Before(lastSunday(time.March).AddDate(0, 0, 1)) && t.Before(lastSunday(time.October).AddDate(0, 0, 1)) {
		off = 2 * time.Hour
	}
	return t.Add(-off)
}

// anchors are the days the generated deadlines fall on, before and after:
// month ends and leap days, the holidays and the days around them, and the
// days Copenhagen's clocks change, from from to to.
func anchors(n naive, from, to int) []contract.Date {
	seen := map[contract.Date]bool{}
	var out []contract.Date
	add := func(t time.Time) {
		d := date(t)
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	for y := from; y <= to; y++ {
		for m := time.January; m <= time.December; m++ {
			add(time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)) // month end
		}
		if time.Date(y, 2, 29, 0, 0, 0, 0, time.UTC).Month() == time.February {
			add(time.Date(y, 2, 29, 0, 0, 0, 0, time.UTC))
		}
		for _, m := range []time.Month{time.March, time.October} {
			x := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
			for x.Weekday() != time.Sunday {
				x = x.AddDate(0, 0, -1)
			}
			add(x)
		}
	}
	for h := range n.holidays {
		if h.Year() >= from && h.Year() <= to {
			for k := -1; k <= 2; k++ {
				add(h.AddDate(0, 0, k))
			}
		}
	}
	slices.SortFunc(out, func(a, b contract.Date) int { return a.Compare(b) })
	return out
}

func yesPtr(b bool) *bool { return &b }

// Boundaries generates the boundary scenarios of terms over the years
// from to to: for each rule of the terms that counts a period -- the cure
// period of a breach (17.3), the remedy period of a defect (15.3), force
// majeure (14.3), the notice of an index price change (12.2), ordinary
// notice to the end of a payment period (17.2), confidentiality after
// termination (9.3), automatic renewal (19.2) and the statutory right of
// withdrawal (19.5) -- scenarios whose steps ask the day before, the day
// of and the day after each deadline, for deadlines that fall on month
// ends, leap days, holidays and the days around them, and the days the
// clocks change. The obligations steps check the instants at which a duty
// ends across those clock changes. The expected dates come from a naive
// counter over holidays (a loop over days against the list, see
// [DanishHolidays]) that shares no code with pimkit's, so a holiday moved
// or a notice period off by one in the terms makes steps fail.
//
// Periods the naive counter cannot count (a cure period in months, a
// notice in weeks and days together) get no scenarios; the result says
// nothing about them. Periods are read from terms, which should use the
// calendar holidays lists: a Swedish calendar with Danish holidays fails.
func Boundaries(terms contract.Terms, holidays []contract.Date, from, to int) []Scenario {
	n := newNaive(holidays)
	as := anchors(n, from, to)
	start := contract.MustParseDate(fmt.Sprintf("%04d-01-01", from-1))
	var out []Scenario
	scen := func(name, clause string) *Scenario {
		out = append(out, Scenario{Name: name, Clause: clause, Terms: terms, Start: start})
		return &out[len(out)-1]
	}
	days := func(p contract.Period) (int, bool) {
		return p.Days, p.Years == 0 && p.Months == 0 && p.Weeks == 0 && p.Days > 0
	}
	months := func(p contract.Period) (int, bool) {
		return p.Years*12 + p.Months, p.Weeks == 0 && p.Days == 0 && (p.Years > 0 || p.Months > 0)
	}
	on := func(d contract.Date) contract.Date { return d }

	// 17.3: the cure period, a deadline to act.
	if k, ok := days(terms.CurePeriod); ok {
		s := scen("cure period of a breach (terms 17.3)", "terms 17.3")
		for _, a := range as {
			noticed := plusDays(a, -k)
			if noticed.Before(start) {
				continue
			}
			last := n.toAct(noticed, k)
			ref := noticed.String()
			s.Events = append(s.Events, contract.AgreementEvent{Kind: contract.BreachNotified, On: noticed, By: contract.ProviderSide, Ref: ref})
			for _, st := range []struct {
				on      contract.Date
				allowed bool
			}{{plusDays(last, -1), false}, {last, false}, {plusDays(last, 1), true}} {
				want := plusDays(last, 1)
				if st.allowed {
					want = st.on
				}
				s.Steps = append(s.Steps, Step{Name: fmt.Sprintf("notified %s, asked %s", noticed, st.on), Rule: RuleBreachTermination,
					On: on(st.on), From: noticed, By: contract.ProviderSide,
					Expect: Expect{Allowed: yesPtr(st.allowed), Date: want, Rule: "terms 17.3"}})
			}
			s.Steps = append(s.Steps,
				Step{Name: fmt.Sprintf("notified %s, the duty on its last day %s", noticed, last), Rule: RuleObligations, On: last,
					Expect: Expect{Obligations: []ExpectedObligation{{Party: contract.ProviderSide, What: contract.WhatRemedyBreach, Ref: ref, Until: midnight(plusDays(last, 1))}}}},
				Step{Name: fmt.Sprintf("notified %s, the right from %s", noticed, plusDays(last, 1)), Rule: RuleObligations, On: plusDays(last, 1),
					Expect: Expect{Obligations: []ExpectedObligation{{Party: contract.CustomerSide, What: contract.WhatTerminateForBreach, Ref: ref}},
						Absent: []ExpectedObligation{{Party: contract.ProviderSide, What: contract.WhatRemedyBreach, Ref: ref}}}})
		}
	}
	// 15.3: the remedy period of a defect, a deadline to act.
	if k, ok := days(terms.DefectRemedyPeriod); ok {
		s := scen("remedy period of a defect (terms 15.3)", "terms 15.3")
		for _, a := range as {
			notified := plusDays(a, -k)
			if notified.Before(start) {
				continue
			}
			last := n.toAct(notified, k)
			for _, st := range []struct {
				on      contract.Date
				allowed bool
			}{{plusDays(last, -1), false}, {last, false}, {plusDays(last, 1), true}} {
				want := plusDays(last, 1)
				if st.allowed {
					want = st.on
				}
				s.Steps = append(s.Steps, Step{Name: fmt.Sprintf("notified %s, asked %s", notified, st.on), Rule: RuleDefectRemedy,
					On: st.on, From: notified, Expect: Expect{Allowed: yesPtr(st.allowed), Date: want, Rule: "terms 15.3"}})
			}
		}
	}
	// 14.3: force majeure lasting more than the limit, a threshold.
	if k, ok := days(terms.ForceMajeureLimit); ok {
		s := scen("force majeure of more than the limit (terms 14.3)", "terms 14.3")
		for _, a := range as {
			began := plusDays(a, -k-1)
			if began.Before(start) {
				continue
			}
			first := plusDays(began, k+1) // the first day it has lasted more than k days
			for _, st := range []struct {
				on      contract.Date
				allowed bool
			}{{plusDays(first, -1), false}, {first, true}, {plusDays(first, 1), true}} {
				s.Steps = append(s.Steps, Step{Name: fmt.Sprintf("began %s, asked %s", began, st.on), Rule: RuleForceMajeure,
					On: st.on, From: began, Expect: Expect{Allowed: yesPtr(st.allowed), Date: first, Rule: "terms 14.3"}})
			}
		}
	}
	// 12.2: the notice of an index price change, a date that takes effect.
	if k, ok := months(terms.PriceChangeNotice); ok {
		s := scen("notice of an index price change (terms 12.2)", "terms 12.2")
		for _, a := range as {
			for _, notified := range []contract.Date{plusDays(a, -1), a, plusDays(a, 1)} {
				if notified.Before(start) {
					continue
				}
				earliest := plusMonths(notified, k)
				s.Steps = append(s.Steps,
					Step{Name: fmt.Sprintf("notified %s, effective %s", notified, plusDays(earliest, -1)), Rule: RulePriceAdjustment,
						On: notified, From: notified, Effective: plusDays(earliest, -1), Expect: Expect{Allowed: yesPtr(false), Date: earliest, Rule: "terms 12.2"}},
					Step{Name: fmt.Sprintf("notified %s, effective %s", notified, earliest), Rule: RulePriceAdjustment,
						On: notified, From: notified, Effective: earliest, Expect: Expect{Allowed: yesPtr(true), Date: earliest, Rule: "terms 12.2"}})
			}
		}
	}
	// 17.2: ordinary notice to the end of a payment period.
	pm, pok := months(terms.PaymentPeriod)
	nm, nok := months(terms.CustomerNotice)
	if pok && nok {
		s := scen("ordinary notice to the end of a payment period (terms 17.2)", "terms 17.2")
		s.Start = contract.MustParseDate(fmt.Sprintf("%04d-01-31", from-1))
		for _, a := range as {
			for _, notice := range []contract.Date{plusDays(a, -1), a, plusDays(a, 1)} {
				earliest := plusMonths(notice, nm)
				var end contract.Date
				for k := 1; ; k++ {
					if e := periodEnd(s.Start, pm, k); !e.Before(earliest) {
						end = e
						break
					}
				}
				s.Steps = append(s.Steps, Step{Name: fmt.Sprintf("notice %s", notice), Rule: RuleCustomerTermination,
					On: notice, From: notice, Expect: Expect{Allowed: yesPtr(true), Date: end, Rule: "terms 17.2"}})
			}
		}
	}
	// 9.3: confidentiality after termination, an expiry.
	if k, ok := months(terms.Confidentiality); ok {
		s := scen("confidentiality after termination (terms 9.3)", "terms 9.3")
		for _, a := range as {
			until := plusMonths(a, k)
			for _, st := range []struct {
				on      contract.Date
				allowed bool
			}{{plusDays(until, -1), false}, {until, false}, {plusDays(until, 1), true}} {
				s.Steps = append(s.Steps, Step{Name: fmt.Sprintf("terminated %s, asked %s", a, st.on), Rule: RuleDisclosure,
					On: st.on, From: a, Expect: Expect{Allowed: yesPtr(st.allowed), Date: until, Rule: "terms 9.3"}})
			}
		}
	}
	// 19.2: automatic renewal at the end of each cycle.
	for _, cycle := range []int{1, 12} {
		s := scen(fmt.Sprintf("automatic renewal every %d months (terms 19.2)", cycle), "terms 19.2")
		s.Start = contract.MustParseDate(fmt.Sprintf("%04d-01-31", from))
		for k := 1; k <= (to-from+1)*12/cycle; k++ {
			end := periodEnd(s.Start, cycle, k)
			for _, asked := range []contract.Date{plusDays(end, -1), end, plusDays(end, 1)} {
				renews := plusDays(end, 1)
				if asked.After(end) {
					renews = plusDays(periodEnd(s.Start, cycle, k+1), 1)
				}
				s.Steps = append(s.Steps, Step{Name: fmt.Sprintf("asked %s", asked), Rule: RuleRenewal, On: asked,
					Cycle: contract.Months(cycle), Expect: Expect{Allowed: yesPtr(true), Date: renews, Rule: "terms 19.2"}})
			}
		}
	}
	// 3.2: the notice of a planned service window, counted as elapsed
	// hours (72 hours, whatever the clocks do) and as calendar days (the
	// window may start at the midnight after the third whole day), for
	// notices in the days before and after the clocks change.
	if h := time.Duration(terms.ServiceWindowNotice); h > 0 && h%(24*time.Hour) == 0 && terms.Zone == contract.ZoneCopenhagen {
		elapsed := scen("service window notice in elapsed hours (terms 3.2)", "terms 3.2")
		calendar := scen("service window notice in calendar days (terms 3.2)", "terms 3.2")
		days := int(h / (24 * time.Hour))
		for y := from; y <= to; y++ {
			for _, m := range []time.Month{time.March, time.October} {
				change := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
				for change.Weekday() != time.Sunday {
					change = change.AddDate(0, 0, -1)
				}
				for _, k := range []int{-3, -2, -1, 1} {
					day := date(change.AddDate(0, 0, k))
					notified := midnight(day).Add(10 * time.Hour) // 10:00 local: the clocks do not change that day
					earliest := notified.Add(h)
					for _, st := range []struct {
						begins  time.Time
						allowed bool
					}{{earliest.Add(-time.Minute), false}, {earliest, true}} {
						elapsed.Steps = append(elapsed.Steps, Step{Name: fmt.Sprintf("notified %s, begins %s", notified.UTC().Format(time.RFC3339), st.begins.UTC().Format(time.RFC3339)),
							Rule: RuleServiceWindow, At: notified, Begins: st.begins, Expect: Expect{Allowed: yesPtr(st.allowed), At: earliest, Rule: "terms 3.2"}})
					}
					cal := midnight(plusDays(day, days+1))
					for _, st := range []struct {
						begins  time.Time
						allowed bool
					}{{cal.Add(-time.Minute), false}, {cal, true}} {
						calendar.Steps = append(calendar.Steps, Step{Name: fmt.Sprintf("notified %s, begins %s", notified.UTC().Format(time.RFC3339), st.begins.UTC().Format(time.RFC3339)),
							Rule: RuleServiceWindow, At: notified, Begins: st.begins, Flag: true, Expect: Expect{Allowed: yesPtr(st.allowed), At: cal, Rule: "terms 3.2"}})
					}
				}
			}
		}
	}
	// 19.5: the statutory right of withdrawal, 14 days to act, when the
	// terms give it; never under terms that exclude it.
	s := scen("statutory right of withdrawal (terms 19.5)", "terms 19.5")
	for _, a := range as {
		paid := plusDays(a, -14)
		if paid.Before(start) {
			continue
		}
		last := n.toAct(paid, 14)
		for _, st := range []struct {
			on      contract.Date
			allowed bool
		}{{last, true}, {plusDays(last, 1), false}} {
			e := Expect{Allowed: yesPtr(st.allowed && terms.StatutoryWithdrawal), Rule: "terms 19.5"}
			if terms.StatutoryWithdrawal {
				e.Date = last
			}
			s.Steps = append(s.Steps, Step{Name: fmt.Sprintf("paid %s, asked %s", paid, st.on), Rule: RuleWithdrawal,
				On: st.on, From: paid, Expect: e})
		}
	}
	return out
}
