// Package contracttest is for the teams that test contract rules: contract
// tests as data, and the boundary cases of any terms generated for them.
//
// A [Scenario] is an agreement (its terms, or the OpenDIMS preset, with an
// offer document's parameters), the events that happened under it, and
// steps that ask one rule one question on a given day and say what the
// answer must be: allowed or not, the date, the rule and the clauses it
// cites, an amount, the obligations in force and the next wake-up. It is
// plain JSON, so people who do not write Go can write one; [Read] reads a
// file of them and refuses unknown keys, so a misspelt field never passes
// silently.
//
//	[{"name": "cure period over Easter", "start": "2026-01-01",
//	  "steps": [{"name": "the last day", "rule": "breach_termination",
//	             "by": "provider", "from": "2026-03-20", "on": "2026-04-07",
//	             "expect": {"allowed": false, "date": "2026-04-08", "rule": "terms 17.3"}}]}]
//
// [Run] runs a scenario's steps as subtests (t.Run per step); a failing step
// names the clause and both values ("date: got 2026-04-06, want
// 2026-04-07"). [Check] returns the same as [Result] values for a program
// that prints them, as examples/contract-check does.
//
// # Boundary cases
//
// [Boundaries] generates, for any [contract.Terms], scenarios that ask each
// rule counting a period -- the cure period of a breach, the remedy period
// of a defect, force majeure, the notice of an index price change, ordinary
// notice to the end of a payment period, confidentiality after
// termination, automatic renewal, the right of withdrawal -- on the day
// before, the day of and the day after each deadline, for deadlines that
// fall on month ends, leap days, holidays and the days around them, and
// the days the clocks change; and the notice of a service window (terms
// 3.2) counted in elapsed hours against calendar days, a minute before and
// at the earliest start, for notices in the days around each clock change
// (notified Friday 10:00 before the spring change, 72 hours later is
// Monday 11:00). The expected dates come from a deliberately
// naive day counter in this package (a loop over days against a literal
// list of holidays, [DanishHolidays]; months added by clamping to the last
// day; Copenhagen's clock change from the EU rule), which shares no code
// with pimkit's own counter. For the OpenDIMS terms over 2025-2031 that is
// 11 scenarios with 7,147 steps, all passing; a cure period of 13 or 15
// days, a notice off by a month or an hour, or a holiday moved make steps
// of the clause it changes fail ([CheckWith] runs scenarios under other
// terms to show it). The service window steps ask package sla; the clock
// change is computed for Europe/Copenhagen only, so terms in another zone
// get no service window scenarios.
package contracttest
