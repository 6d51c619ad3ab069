package catalog

import (
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/language"
)

// TestWithdrawalPeriod checks the consumer's right of withdrawal from a
// distance sale, Directive 2011/83/EU Art. 9, 10 and 16, counted over
// Danish holidays by Reg. 1182/71 (a last day on a weekend or holiday
// rolls forward).
func TestWithdrawalPeriod(t *testing.T) {
	d := contract.MustParseDate
	c := contract.Counter{Convention: contract.EU1182(), Calendar: contract.DanishHolidays()}
	order := Order{Number: "1001"}
	goods := DistanceSale{Order: order, Consumer: true, Kind: Goods, Concluded: d("2026-06-22"), Delivered: d("2026-06-25")}
	tests := []struct {
		name    string
		sale    DistanceSale
		on      string
		allowed bool
		date    string
		rule    string
	}{
		{"Art. 9(2)(b) goods delivered Thu 25 June: until Thu 9 July", goods, "2026-07-09", true, "2026-07-09", "Art. 9"},
		{"Art. 9(2)(b) the day after is too late", goods, "2026-07-10", false, "2026-07-09", "Art. 9"},
		{"Art. 9(2)(a) a service concluded Fri 20 March: 14 days end Fri 3 April, Good Friday 2026, rolled to Tue 7 April",
			DistanceSale{Order: order, Consumer: true, Kind: Service, Concluded: d("2026-03-20")}, "2026-04-07", true, "2026-04-07", "Art. 9"},
		{"Art. 9(2)(c) digital content from conclusion", DistanceSale{Order: order, Consumer: true, Kind: DigitalContent, Concluded: d("2026-06-22")},
			"2026-07-06", true, "2026-07-06", "Art. 9"},
		{"Art. 9(3) goods not yet delivered: withdrawal already possible", DistanceSale{Order: order, Consumer: true, Kind: Goods, Concluded: d("2026-06-22")},
			"2026-06-23", true, "", "Art. 9"},
		{"Art. 10(1) not informed: 12 months more, to Fri 9 July 2027", func() DistanceSale { s := goods; s.NotInformed = true; return s }(),
			"2027-07-09", true, "2027-07-09", "Art. 9"},
		{"Art. 10(2) informed late on 1 Sept 2026: 14 days from then", func() DistanceSale {
			s := goods
			s.NotInformed, s.InformedLate = true, d("2026-09-01")
			return s
		}(), "2026-09-16", false, "2026-09-15", "Art. 9"},
		{"Art. 16(c) made to order: no right", func() DistanceSale { s := goods; s.Exception = MadeToOrder; return s }(), "2026-06-26", false, "", "Art. 16"},
		{"terms 19.5 and Art. 2(1): a business buyer has none", func() DistanceSale { s := goods; s.Consumer = false; return s }(), "2026-06-26", false, "", "Art. 9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.sale.WithdrawalPeriod(c, d(tt.on))
			var want contract.Date
			if tt.date != "" {
				want = d(tt.date)
			}
			if got.Allowed != tt.allowed || !got.Date.Equal(want) || got.Rule != SourceConsumerRights+" "+tt.rule {
				t.Errorf("got %v %s %s (%s), want %v %s %s", got.Allowed, got.Date, got.Rule, got.Reason, tt.allowed, want, tt.rule)
			}
			if got.Reason.In(language.Danish) == got.Reason.String() {
				t.Errorf("no Danish reason for %q", got.Reason)
			}
		})
	}
}

// TestWithdrawalObligations checks the dated duties of Art. 11a, 13 and
// 14: the withdrawal function from 2026-06-19, the refund and the return
// within 14 days of the withdrawal.
func TestWithdrawalObligations(t *testing.T) {
	d := contract.MustParseDate
	c := contract.Counter{Convention: contract.EU1182(), Calendar: contract.DanishHolidays()}
	loc := contract.Copenhagen()
	at := func(s string) time.Time { v, _ := d(s).In(loc); return v }
	s := DistanceSale{Order: Order{Number: "1001"}, Consumer: true, Kind: Goods, Concluded: d("2026-06-10"), Delivered: d("2026-06-25")}
	obs := s.Obligations(c, loc, d("2026-07-01"))
	want := map[string][2]time.Time{
		WhatWithdraw:           {at("2026-06-10"), at("2026-07-02")},
		WhatWithdrawalFunction: {at("2026-06-19"), at("2026-07-02")},
		WhatRefund:             {at("2026-07-01"), at("2026-07-16")},
		WhatReturnGoods:        {at("2026-07-01"), at("2026-07-16")},
	}
	if len(obs) != len(want) {
		t.Fatalf("Art. 13, 14 obligations: %d, want %d: %+v", len(obs), len(want), obs)
	}
	for _, o := range obs {
		w, ok := want[o.What]
		if !ok || !o.From.Equal(w[0]) || !o.Until.Equal(w[1]) {
			t.Errorf("Art. 11a/13/14 %s from %s until %s, want %v", o.What, o.From, o.Until, w)
		}
	}
	before := DistanceSale{Order: Order{Number: "9"}, Consumer: true, Kind: DigitalContent, Concluded: d("2026-05-01")}
	for _, o := range before.Obligations(c, loc, contract.Date{}) {
		if o.What == WhatWithdrawalFunction {
			t.Errorf("Art. 11a a right that ended before 2026-06-19 needs no withdrawal function: %+v", o)
		}
	}
	if got := (DistanceSale{Order: Order{Number: "2"}, Consumer: false, Kind: Goods}).Obligations(c, loc, contract.Date{}); got != nil {
		t.Errorf("terms 19.5 a business sale gives obligations %+v", got)
	}
}
