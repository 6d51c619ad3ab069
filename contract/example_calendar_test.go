package contract_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/pimkit/pimkit/contract"
)

// A Swedish controller counts over the Swedish public holidays: one month
// from 2025-05-06 ends on Friday 2025-06-06, Sweden's National Day, and
// the weekend follows, so the deadline is Monday 2025-06-09 (Reg. 1182/71
// Art. 3(4)). Over Danish holidays 6 June is a working day.
func ExampleSwedishHolidays() {
	se := contract.Counter{Convention: contract.EU1182(), Calendar: contract.SwedishHolidays()}
	dk := contract.Counter{Convention: contract.EU1182(), Calendar: contract.DanishHolidays()}
	a, _ := se.DeadlineToAct(contract.MustDate(2025, 5, 6), contract.Months(1))
	b, _ := dk.DeadlineToAct(contract.MustDate(2025, 5, 6), contract.Months(1))
	fmt.Println(a)
	fmt.Println(b)
	fmt.Println(contract.SwedishHolidays().Holiday(contract.MustDate(2025, 6, 6)))
	fmt.Println(contract.SwedishHolidays().Holiday(contract.MustDate(2025, 6, 9))) // Whit Monday, no holiday since 2005
	// Output:
	// 2025-06-09 (to_act, 2025-05-06 + P1M, rolled from 2025-06-06)
	// 2025-06-06 (to_act, 2025-05-06 + P1M)
	// Sveriges nationaldag true
	//  false
}

// Lag (1930:173) § 2 also moves a last day off julafton: one month from
// Monday 2025-11-24 ends on Wednesday 2025-12-24 and moves past Christmas
// and the weekend to Monday 2025-12-29. Reg. 1182/71 keeps 24 December.
func ExampleSwedishStatutoryTimeAct() {
	lag := contract.Counter{Convention: contract.SwedishStatutoryTimeAct(), Calendar: contract.SwedishHolidays()}
	eu := contract.Counter{Convention: contract.EU1182(), Calendar: contract.SwedishHolidays()}
	a, _ := lag.DeadlineToAct(contract.MustDate(2025, 11, 24), contract.Months(1))
	b, _ := eu.DeadlineToAct(contract.MustDate(2025, 11, 24), contract.Months(1))
	fmt.Println(a.Date, a.Citations())
	fmt.Println(b.Date)
	// Output:
	// 2025-12-29 [lag (1930:173) § 2]
	// 2025-12-24
}

// An office calendar is a value: the Danish holidays plus the days the
// office closes, stored as JSON with the terms.
func ExampleCalendar_WithClosedDays() {
	office := contract.DanishHolidays().
		WithClosedDays(contract.ClosedDay{Month: time.December, Day: 24, Name: "Juleaftensdag"}).
		WithClosedDates("Company day", contract.MustDate(2025, 5, 2))
	fmt.Println(office.Holiday(contract.MustDate(2025, 12, 24)))
	b, _ := json.Marshal(office)
	fmt.Println(string(b))
	var back contract.Calendar
	_ = json.Unmarshal(b, &back)
	fmt.Println(back.Equal(office))
	// Output:
	// Juleaftensdag true
	// {"holidays":"dk","closed_days":[{"month":12,"day":24,"name":"Juleaftensdag"}],"closed_dates":[{"date":"2025-05-02","name":"Company day"}]}
	// true
}

// The terms carry their counter and zone; a Swedish agreement sets its
// own, and every rule counts with them.
func ExampleTerms_counter() {
	terms := contract.OpenDIMSTerms()
	terms.Counter = contract.Counter{Convention: contract.SwedishStatutoryTimeAct(), Calendar: contract.SwedishHolidays()}
	terms.Zone = contract.ZoneStockholm
	terms.StatutoryWithdrawal = true
	// 14 days from 2025-05-23 end on National Day, Friday 2025-06-06.
	fmt.Println(terms.Withdrawal(contract.MustDate(2025, 5, 23), contract.MustDate(2025, 6, 9)).Date)
	b, _ := json.Marshal(struct {
		Counter contract.Counter `json:"counter"`
		Zone    contract.Zone    `json:"zone"`
	}{terms.Counter, terms.Zone})
	fmt.Println(string(b))
	// Output:
	// 2025-06-09
	// {"counter":{"convention":"lag (1930:173)","calendar":{"holidays":"se"}},"zone":"Europe/Stockholm"}
}

// Copenhagen needs no zoneinfo files and knows summer time.
func ExampleCopenhagen() {
	cph := contract.Copenhagen()
	fmt.Println(time.Date(2025, 1, 15, 12, 0, 0, 0, cph).Format(time.RFC3339))
	fmt.Println(time.Date(2025, 7, 15, 12, 0, 0, 0, cph).Format(time.RFC3339))
	// Output:
	// 2025-01-15T12:00:00+01:00
	// 2025-07-15T12:00:00+02:00
}

// A zone is a name that survives JSON; Location builds it in memory. The
// last day of a deadline ends at midnight in the agreement's zone.
func ExampleZone_Location() {
	loc, _ := contract.ZoneStockholm.Location()
	d, _ := contract.Counter{Calendar: contract.SwedishHolidays()}.DeadlineToAct(contract.MustDate(2025, 5, 6), contract.Months(1))
	end, _ := d.Expires(loc)
	fmt.Println(end.Format(time.RFC3339))
	_, err := contract.Zone("Europe/Atlantis").Location()
	fmt.Println(err)
	// Output:
	// 2025-06-10T00:00:00+02:00
	// contract: invalid input: unknown zone, want Europe/Copenhagen, Europe/Stockholm or UTC
}
