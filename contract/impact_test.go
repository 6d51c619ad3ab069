package contract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/currency"
)

// TestTermsImpact replays stored events under two versions of the terms
// and lists what differs: a cure period of 10 instead of 14 days (terms
// 17.3), and a holiday calendar with 24 December closed (terms 15.3 over
// Reg. 1182/71 Art. 3(4)).
func TestTermsImpact(t *testing.T) {
	d := MustParseDate
	old := OpenDIMSTerms()
	a := Agreement{Kind: OfferAgreement, Start: d("2025-02-01"), Terms: old}
	events := [][]AgreementEvent{
		{{Kind: BreachNotified, On: d("2026-01-02"), By: ProviderSide, Ref: "B-1"}, {Kind: NoticeGiven, On: d("2026-11-10")}},
		{{Kind: DefectNotified, On: d("2026-12-14"), Ref: "D-1"}},
	}
	shorter := old
	shorter.CurePeriod = Days(10)
	diffs, err := TermsImpact(old, shorter, []Agreement{a, a}, []string{"shop-1", "shop-2"}, events)
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) != 1 || diffs[0].Subject != "shop-1" || diffs[0].Key != "breach_notified 2026-01-02 B-1" ||
		!cmp.Equal(diffs[0].Changed, []string{"date"}) || !diffs[0].From.Equal(d("2026-01-13")) ||
		!diffs[0].Old.Decision.Date.Equal(d("2026-01-17")) || !diffs[0].New.Decision.Date.Equal(d("2026-01-13")) {
		t.Errorf("terms 17.3 a 10-day cure period: %+v", diffs)
	}

	closed := old
	closed.Counter.Calendar = DanishHolidays().WithClosedDays(ClosedDay{Month: 12, Day: 24, Name: "Juleaftensdag"})
	diffs, err = TermsImpact(old, closed, []Agreement{a, a}, []string{"shop-1", "shop-2"}, events)
	if err != nil {
		t.Fatal(err)
	}
	// Notified Mon 14 Dec 2026, 10 days end Thu 24 Dec: closed now, so the
	// remedy period runs past Christmas to Mon 28 Dec.
	if len(diffs) != 1 || diffs[0].Subject != "shop-2" || !diffs[0].Old.Decision.Date.Equal(d("2026-12-25")) ||
		!diffs[0].New.Decision.Date.Equal(d("2026-12-29")) {
		t.Errorf("terms 15.3 with 24 December closed: %+v", diffs)
	}

	if _, err := TermsImpact(old, old, []Agreement{a}, nil, events); err == nil {
		t.Error("terms 17.3 mismatched lists: no error")
	}
}

// TestCompareFindings checks the matching: added, removed, amounts.
func TestCompareFindings(t *testing.T) {
	d := MustParseDate
	dkk := func(s string) Money { return MustParseMoney(s, currency.DKK) }
	old := []Finding{{Subject: "c", Key: "interest INV-1", On: d("2026-01-01"), Amount: dkk("10.00")},
		{Subject: "c", Key: "gone", On: d("2026-02-01")}}
	new := []Finding{{Subject: "c", Key: "interest INV-1", On: d("2026-01-01"), Amount: dkk("12.50")},
		{Subject: "c", Key: "fresh", On: d("2026-03-01")}}
	got := CompareFindings(old, new)
	var changed [][]string
	for _, x := range got {
		changed = append(changed, x.Changed)
	}
	if !cmp.Equal(changed, [][]string{{"amount"}, {"removed"}, {"added"}}) {
		t.Errorf("renteloven § 5 findings compared: %v", changed)
	}
	if len(CompareFindings(old, old)) != 0 {
		t.Error("equal findings differ")
	}
}
