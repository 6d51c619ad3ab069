package contract

import (
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/internal/roundtrip"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// TestRoundTrip checks rule 8 of the design for every exported type of
// the package: a sample with every field set survives json.Marshal and
// json.Unmarshal and compares equal with cmp.Equal without options.
func TestRoundTrip(t *testing.T) {
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	dkk := func(s string) Money { return MustParseMoney(s, currency.DKK) }
	d := MustParseDate

	terms := OpenDIMSTerms()
	terms.Counter = Counter{Convention: DanishLimitationAct(), Calendar: DanishHolidays().WithClosedDays(ClosedDay{time.December, 24, "Juleaftensdag"})}
	terms.Zone = ZoneCopenhagen
	terms.StatutoryWithdrawal = true
	terms.ResaleAllowed = true
	terms.OutageLiability = true

	party := Party{Name: "Shop ApS", CVR: "43782495", VATID: "DE123456789", Address: "Vej 1, 7430 Ikast", Country: "DK"}
	docs := []Document{
		{Kind: OfferDocument, Name: "Offer 2026-117", Priority: 2, Params: map[string]string{"payment_period": "P1M"}},
		{Kind: SalesMaterial, Name: "Brochure", Priority: 1, Params: map[string]string{"payment_period": "P3M"}},
	}
	spec := AgreementSpec{Kind: OfferAgreement, Customer: party, Concluded: d("2026-01-15"), Start: d("2026-02-01"),
		Terms: terms, Documents: docs}
	agreement, err := Conclude(spec)
	must(err)
	res, err := Resolve(terms, docs, "payment_period")
	must(err)

	cal := SwedishHolidays().WithClosedDays(ClosedDay{time.June, 19, "Midsommarafton"}).
		WithClosedDates("Company day", d("2025-05-02"))
	hours, err := NewBusinessHours(Stockholm(), cal, OpenOn(MustClockTime(8, 0), MustClockTime(16, 30),
		time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)...)
	must(err)

	counter := Counter{Convention: SwedishStatutoryTimeAct(), Calendar: SwedishHolidays()}
	deadline, err := counter.DeadlineToAct(d("2025-05-06"), Months(1))
	must(err)

	at := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	reason := rulesReason("%s of %s claimed is payable: the total is capped at %s, %d months' remuneration",
		dkk("3000"), dkk("4500.5"), dkk("3000"), 3)
	decision := Decision{Rule: "terms 15.1", Allowed: true, From: d("2026-03-01"), Date: d("2026-03-31"), At: at,
		Citations: []Citation{Clause("15.1"), Cite(SourceGDPR, "Art. 33(2)")}, Reason: reason}

	claims := []Claim{
		{Event: "outage 2026-03-02", Kind: DirectLoss, Amount: dkk("1500")},
		{Event: "outage 2026-03-02", Kind: IndirectLoss, Amount: dkk("25000")},
		{Event: "outage 2026-03-09", Kind: Penalty, Amount: dkk("200")},
	}
	settlement, err := terms.SettleLiability(dkk("1000"), claims)
	must(err)
	exit, err := terms.ExitAssistance(decimal.RequireFromString("7.5"), dkk("1150"), true)
	must(err)
	assist, err := terms.ProcessorAssistance(decimal.RequireFromString("2.5"), dkk("1150"))
	must(err)

	capacity := DefaultCapacity(decimal.NewFromInt(1000))
	state, events, err := capacity.Observe(CapacityState{}, at, decimal.NewFromInt(850))
	must(err)
	clause, ok := ClauseByID("terms 15.1")
	if !ok {
		t.Fatal("ClauseByID(terms 15.1) not found")
	}
	clause.Note = "how the rule reads the clause"
	agreementEvents := []AgreementEvent{
		{Kind: BreachNotified, On: d("2026-03-02"), By: ProviderSide, Effective: d("2026-07-01"), Ref: "B-1"},
		{Kind: PriceChangeNotified, On: d("2026-03-03"), Effective: d("2026-07-04")},
	}
	obligations, err := agreement.Obligations(agreementEvents, at.AddDate(1, 0, 0))
	must(err)
	var remedy Obligation
	for _, o := range obligations {
		if o.What == WhatRemedyBreach {
			remedy = o
		}
	}
	remedy.Right = true // every field set
	schedule := NewSchedule(at, obligations)
	findings, err := agreement.Replay("shop-1", agreementEvents)
	must(err)
	finding := findings[0]
	finding.Amount = dkk("12.50")
	changed := finding
	changed.Decision.Date = d("2026-12-31")
	difference := CompareFindings([]Finding{finding}, []Finding{changed})[0]
	tensions, err := Tensions(terms, []Document{{Kind: OfferDocument, Name: "Offer", Params: map[string]string{"breach_notice": "PT24H"}},
		{Kind: DataProcessingAgreement, Name: "DPA", Params: map[string]string{"breach_notice": "PT36H"}}})
	must(err)

	tab := roundtrip.Table{
		Samples: []any{
			agreement,
			OfferAgreement,
			spec,
			hours,
			cal,
			CancelByEmail,
			capacity,
			events[0],
			state,
			Clause("12.3"),
			claims[0],
			IndirectLoss,
			clause,
			ClauseProse,
			agreementEvents[0],
			NoticeGiven,
			remedy,
			schedule,
			tensions[0],
			finding,
			difference,
			tensions[0].First,
			ByInterpretation,
			MustClockTime(16, 30),
			ClosedDate{Date: d("2025-05-02"), Name: "Company day"},
			ClosedDay{Month: time.December, Day: 24, Name: "Juleaftensdag"},
			SwedishStatutoryTimeAct(),
			counter,
			CurrencyOf(currency.EUR),
			d("2028-02-29"),
			deadline,
			TakesEffect,
			decision,
			decision.Citations,
			docs[0],
			DataProcessingAgreement,
			MustDec("-12.3450"),
			Hours(72) + Duration(90*time.Second+500*time.Millisecond),
			exit,
			assist,
			GrossNegligence,
			ByEmail,
			SwedishPublicHolidays,
			MustLocale("da-DK"),
			MustParseMoney("-1234.56", currency.EUR),
			OpenHours{Day: time.Saturday, From: MustClockTime(10, 0), To: MustClockTime(24, 0)},
			party,
			PercentOf(decimal.RequireFromString("99.838")),
			Period{Years: 1, Months: 2, Weeks: 3, Days: 4},
			Problem{Path: "claims[1].amount.currency", Rule: "eq", Param: "DKK", Message: "must be equal to DKK"},
			NewReason(nil, "%s %d %t %s %s %s %s %s %s %s %s", "text", 7, true, d("2026-01-31"), dkk("100"),
				decimal.RequireFromString("99.838"), PercentOf(decimal.RequireFromString("99.9")), at, Hours(48), Months(4), Clause("8.1")),
			res,
			settlement,
			settlement.Lines[0],
			ProviderSide,
			res.Overridden[0],
			terms,
			VATRate{Country: "SE", From: d("2024-01-01"), Rate: MustDec("0.25")},
			EUVATRates(),
			ValuesPart{Records: 1000, Fields: 12},
			ZoneStockholm,
		},
		NotValues: map[string]string{
			"HolidayCalendar": "an interface; its pimkit implementation Calendar is sampled",
			"Problems":        "a builder that collects problems; the problems themselves are Problem values",
			"ValidationError": "an error type; its problems are Problem values, which are sampled",
		},
	}
	roundtrip.Check(t, os.DirFS("."), tab,
		func(x, y any) (eq bool) {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("cmp.Equal(%T) panics without options: %v", x, r)
				}
			}()
			return cmp.Equal(x, y)
		},
		func(x, y any) (diff string) {
			defer func() { _ = recover() }()
			return cmp.Diff(x, y)
		})
}
