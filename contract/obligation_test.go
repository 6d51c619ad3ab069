package contract

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func obligationAgreement(t *testing.T) Agreement {
	t.Helper()
	a, err := Conclude(AgreementSpec{Kind: OfferAgreement, Customer: Party{Name: "Shop ApS", CVR: "43782495", Country: "DK"},
		Concluded: MustParseDate("2025-02-01"), Start: MustParseDate("2025-02-01"), Terms: OpenDIMSTerms(),
		Documents: []Document{{Kind: OfferDocument, Name: "Offer", Params: map[string]string{"payment_period": "P12M"}}}})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func cph(t *testing.T, s string) time.Time {
	t.Helper()
	d := MustParseDate(s)
	v, err := d.In(Copenhagen())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func find(os []Obligation, party Side, what, ref string) (Obligation, bool) {
	for _, o := range os {
		if o.Party == party && o.What == what && o.Ref == ref {
			return o, true
		}
	}
	return Obligation{}, false
}

// TestObligationsFromEvents checks the dated rights and duties the
// agreement's events give, clause by clause.
func TestObligationsFromEvents(t *testing.T) {
	a := obligationAgreement(t)
	d := MustParseDate
	events := []AgreementEvent{
		{Kind: BreachNotified, On: d("2026-01-02"), By: ProviderSide, Ref: "B-1"},
		{Kind: DefectNotified, On: d("2026-03-02"), Ref: "D-1"},
		{Kind: DefectRemedied, On: d("2026-03-05"), Ref: "D-1"},
		{Kind: PriceChangeNotified, On: d("2026-06-24"), Effective: d("2026-10-24")},
		{Kind: ForceMajeureBegan, On: d("2026-01-05"), By: ProviderSide, Ref: "FM"},
		{Kind: NoticeGiven, On: d("2026-11-10")},
	}
	obs, err := a.Obligations(events, cph(t, "2027-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		party        Side
		what, ref    string
		from, until  string // dates whose first instant in Copenhagen is From and Until; "" for none
		deadlineKind DeadlineKind
	}{
		{"terms 17.3 the provider remedies a breach notified on Fri 2 Jan within 14 days, to the end of Fri 16 Jan", ProviderSide, WhatRemedyBreach, "B-1", "2026-01-02", "2026-01-17", ToAct},
		{"terms 17.3 the customer may terminate from 17 Jan until the agreement ends", CustomerSide, WhatTerminateForBreach, "B-1", "2026-01-17", "2027-02-01", 0},
		{"terms 15.3 the defect notified Mon 2 Mar may be remedied to the end of Thu 12 Mar, and was on 5 Mar", ProviderSide, WhatRemedyDefect, "D-1", "2026-03-02", "2026-03-06", 0},
		{"terms 12.2 the new price applies from 24 Oct", ProviderSide, WhatNewPrice, "", "2026-10-24", "2027-02-01", 0},
		{"terms 12.2 the customer may leave before the new price", CustomerSide, WhatTerminateForPrice, "", "2026-06-24", "2026-10-24", TakesEffect},
		{"terms 14.1 the provider's obligations are suspended by force majeure", ProviderSide, WhatSuspendedByForceMajeure, "FM", "2026-01-05", "2027-02-01", 0},
		{"terms 14.3 the customer may terminate once force majeure lasted more than 30 days", CustomerSide, WhatTerminateForForceMajeure, "FM", "2026-02-05", "2027-02-01", 0},
		{"terms 17.2 notice on 10 Nov 2026 ends the 12-month period at the end of 31 Jan 2027", CustomerSide, WhatGiveNotice, "", "2025-02-01", "2026-11-10", 0},
		{"terms 18.1 exit assistance from the notice to the end", ProviderSide, WhatExitAssistance, "", "2026-11-10", "2027-02-01", TakesEffect},
		{"terms 18.3 the customer exports its data before the end", CustomerSide, WhatExportData, "", "2026-11-10", "2027-02-01", TakesEffect},
		{"terms 18.3 the provider deletes the data when the agreement ends", ProviderSide, WhatDeleteData, "", "2027-02-01", "", 0},
		{"terms 9.3 confidentiality binds for 5 years after the end of 31 Jan 2027", CustomerSide, WhatKeepConfidential, "", "2025-02-01", "2032-02-01", TakesEffect},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, ok := find(obs, tt.party, tt.what, tt.ref)
			if !ok {
				t.Fatalf("no %s %s %s among %d obligations", tt.party, tt.what, tt.ref, len(obs))
			}
			var until time.Time
			if tt.until != "" {
				until = cph(t, tt.until)
			}
			if !o.From.Equal(cph(t, tt.from)) || !o.Until.Equal(until) || o.Deadline != tt.deadlineKind {
				t.Errorf("got from %s until %s (%v), want %s %s (%v)", o.From, o.Until, o.Deadline, tt.from, tt.until, tt.deadlineKind)
			}
			if len(o.Citations) == 0 || o.Citations[0].String() != o.Rule {
				t.Errorf("rule %s with citations %v", o.Rule, o.Citations)
			}
		})
	}
	// terms 15.3: the claim for the defect never comes, it was remedied in time.
	s := NewSchedule(cph(t, "2026-03-01"), obs)
	for _, o := range s.Obligations {
		if o.What == WhatClaimForDefect {
			t.Errorf("terms 15.3 a defect remedied in time leaves a claim %+v", o)
		}
	}
}

// TestObligationsIgnoreTheFuture checks that the answer at an instant
// depends only on the events of that day and before.
func TestObligationsIgnoreTheFuture(t *testing.T) {
	a := obligationAgreement(t)
	events := []AgreementEvent{{Kind: BreachNotified, On: MustParseDate("2026-01-02"), By: CustomerSide}}
	obs, err := a.Obligations(events, cph(t, "2026-01-01").Add(23*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := find(obs, CustomerSide, WhatRemedyBreach, ""); ok {
		t.Error("terms 17.3 a breach notified tomorrow is already in today's obligations")
	}
	obs, _ = a.Obligations(events, cph(t, "2026-01-02"))
	if _, ok := find(obs, CustomerSide, WhatRemedyBreach, ""); !ok {
		t.Error("terms 17.3 a breach notified today is missing")
	}
}

// TestObligationsBadEvents checks that every bad event is reported at once
// with its path.
func TestObligationsBadEvents(t *testing.T) {
	a := obligationAgreement(t)
	_, err := a.Obligations([]AgreementEvent{
		{Kind: 0, On: MustParseDate("2026-01-02")},
		{Kind: BreachNotified, On: MustParseDate("2026-01-02")},
		{Kind: BreachRemedied, On: MustParseDate("2026-01-03"), Ref: "nope"},
		{Kind: PriceChangeNotified, On: MustParseDate("2026-01-02")},
		{Kind: NoticeGiven, On: MustParseDate("2024-01-02")},
	}, cph(t, "2026-06-01"))
	var ve *ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("terms 17.3 bad events: %v, want a validation error", err)
	}
	var paths []string
	for _, p := range ve.Problems {
		paths = append(paths, p.Path)
	}
	want := []string{"events[0].kind", "events[1].by", "events[2].ref", "events[3].effective", "events[4].on"}
	if !cmp.Equal(paths, want) {
		t.Errorf("terms 17.3 problem paths %v, want %v", paths, want)
	}
}

// TestScheduleWakeUps is the calendar's property: between two consecutive
// wake-ups nothing changes (the obligations in force are the same at every
// instant), and at each wake-up something does. Random timelines of the
// agreement's events over terms 9.3, 12.2, 14, 15.3, 17.2, 17.3 and 18.
func TestScheduleWakeUps(t *testing.T) {
	a := obligationAgreement(t)
	rng := rand.New(rand.NewPCG(7, 11))
	for run := 0; run < 60; run++ {
		var events []AgreementEvent
		day := a.Start
		refs := 0
		for i := 0; i < 8; i++ {
			day = day.AddDays(rng.IntN(40))
			ref := string(rune('A' + refs))
			switch rng.IntN(6) {
			case 0:
				refs++
				events = append(events, AgreementEvent{Kind: BreachNotified, On: day, By: Side(1 + rng.IntN(2)), Ref: ref})
				if rng.IntN(2) == 0 {
					events = append(events, AgreementEvent{Kind: BreachRemedied, On: day.AddDays(rng.IntN(30)), Ref: ref})
				}
			case 1:
				refs++
				events = append(events, AgreementEvent{Kind: DefectNotified, On: day, Ref: ref})
				if rng.IntN(2) == 0 {
					events = append(events, AgreementEvent{Kind: DefectRemedied, On: day.AddDays(rng.IntN(20)), Ref: ref})
				}
			case 2:
				events = append(events, AgreementEvent{Kind: PriceChangeNotified, On: day, Effective: day.AddDays(100 + rng.IntN(60))})
			case 3:
				refs++
				events = append(events, AgreementEvent{Kind: ForceMajeureBegan, On: day, By: Side(1 + rng.IntN(2)), Ref: ref})
				if rng.IntN(2) == 0 {
					events = append(events, AgreementEvent{Kind: ForceMajeureEnded, On: day.AddDays(rng.IntN(60)), Ref: ref})
				}
			case 4:
				if rng.IntN(4) == 0 {
					events = append(events, AgreementEvent{Kind: NoticeGiven, On: day})
				}
			}
		}
		end := cph(t, "2040-01-01")
		obs, err := a.Obligations(events, end)
		if err != nil {
			t.Fatal(err)
		}
		at := cph(t, "2025-02-01")
		for steps := 0; ; steps++ {
			s := NewSchedule(at, obs)
			active := s.Active()
			if s.Next.IsZero() {
				break
			}
			if !s.Next.After(at) || steps > 1000 {
				t.Fatalf("run %d: next %s not after %s", run, s.Next, at)
			}
			// Nothing changes strictly between the wake-ups.
			span := s.Next.Sub(at)
			for _, f := range []float64{0.001, 0.5, 0.999} {
				mid := at.Add(time.Duration(float64(span) * f))
				if mid.After(at) && mid.Before(s.Next) && !cmp.Equal(NewSchedule(mid, obs).Active(), active) {
					t.Fatalf("run %d: the obligations in force changed at %s, between wake-ups %s and %s", run, mid, at, s.Next)
				}
			}
			// Something changes at the wake-up.
			if cmp.Equal(NewSchedule(s.Next, obs).Active(), active) {
				t.Fatalf("run %d: nothing changed at the wake-up %s", run, s.Next)
			}
			at = s.Next
		}
	}
}
