package contract

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

func dkk(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func claim(event string, kind ClaimKind, amount string) Claim {
	return Claim{Event: event, Kind: kind, Amount: NewMoney(dkk(amount), currency.DKK)}
}

func TestSettleLiability(t *testing.T) {
	terms := OpenDIMSTerms()
	outside := OpenDIMSTerms()
	outside.PenaltiesInsideCap = false
	tests := []struct {
		name    string
		terms   Terms
		fee     string
		claims  []Claim
		payable string
		lines   []string // payable per line
		allowed bool
	}{
		{"terms 15.1 no claims", terms, "1000", nil, "0", []string{}, false},
		{"terms 15.1 direct loss under the event cap is paid in full", terms, "1000",
			[]Claim{claim("outage 1", DirectLoss, "400")}, "400.00", []string{"400.00"}, true},
		{"terms 15.1 one event is capped at one month", terms, "1000",
			[]Claim{claim("outage 1", DirectLoss, "1500")}, "1000.00", []string{"1000.00"}, true},
		{"terms 15.1 penalty counts inside the event cap", terms, "1000",
			[]Claim{claim("outage 1", DirectLoss, "900"), claim("outage 1", Penalty, "200")},
			"1000.00", []string{"900.00", "100.00"}, true},
		{"terms 15.1 penalty outside the cap when the terms say so", outside, "1000",
			[]Claim{claim("outage 1", DirectLoss, "900"), claim("outage 1", Penalty, "200")},
			"1100.00", []string{"900.00", "200.00"}, true},
		{"terms 15.1 total is capped at three months", terms, "1000",
			[]Claim{claim("a", DirectLoss, "1000"), claim("b", DirectLoss, "1000"),
				claim("c", DirectLoss, "1000"), claim("d", DirectLoss, "1000")},
			"3000.00", []string{"1000.00", "1000.00", "1000.00", "0.00"}, true},
		{"terms 15.1 total cap cuts the later line part way", terms, "1000",
			[]Claim{claim("a", DirectLoss, "1000"), claim("b", DirectLoss, "1000"),
				claim("c", DirectLoss, "600"), claim("d", DirectLoss, "700")},
			"3000.00", []string{"1000.00", "1000.00", "600.00", "400.00"}, true},
		{"terms 15.1 indirect loss is excluded", terms, "1000",
			[]Claim{claim("outage 1", IndirectLoss, "50000"), claim("outage 1", DirectLoss, "10")},
			"10.00", []string{"0.00", "10.00"}, true},
		{"terms 15.1 only indirect loss pays nothing", terms, "1000",
			[]Claim{claim("data loss", IndirectLoss, "50000")}, "0.00", []string{"0.00"}, false},
		{"terms 15.1 amounts are rounded half away from zero per line", terms, "1000",
			[]Claim{claim("a", DirectLoss, "0.125"), claim("b", DirectLoss, "0.125")},
			"0.26", []string{"0.13", "0.13"}, true},
		{"terms 15.1 zero fee caps everything at zero", terms, "0",
			[]Claim{claim("a", DirectLoss, "10")}, "0.00", []string{"0.00"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := tt.terms.SettleLiability(NewMoney(dkk(tt.fee), currency.DKK), tt.claims)
			if err != nil {
				t.Fatalf("SettleLiability(%s, %v) error %v", tt.fee, tt.claims, err)
			}
			if got := s.Payable.Text(); got != dkk(tt.payable).StringFixed(2) {
				t.Errorf("SettleLiability(%s, %v).Payable = %s, want %s (%s)", tt.fee, tt.claims, got, tt.payable, s)
			}
			got := []string{}
			for _, l := range s.Lines {
				got = append(got, l.Payable.Text())
				sum := l.Payable.Amount().Add(l.Excluded.Amount()).Add(l.CutByEventCap.Amount()).Add(l.CutByTotalCap.Amount())
				if !sum.Equal(l.Claimed.Amount()) || l.Payable.Currency() != currency.DKK {
					t.Errorf("line %v: payable+excluded+cuts = %s, want claimed %s", l.Claim, sum, l.Claimed)
				}
			}
			if diff := cmp.Diff(tt.lines, got); diff != "" {
				t.Errorf("line payables (-want +got):\n%s", diff)
			}
			if s.Allowed != tt.allowed || s.Rule != "terms 15.1" {
				t.Errorf("Allowed, Rule = %v, %q; want %v, terms 15.1", s.Allowed, s.Rule, tt.allowed)
			}
			if s.Reason.IsZero() || s.Reason.In(language.Danish) == s.Reason.String() {
				t.Errorf("reason %q has no Danish rendering", s.Reason)
			}
		})
	}
}

func TestSettleLiabilityCaps(t *testing.T) {
	terms := OpenDIMSTerms()
	tests := []struct {
		name             string
		fee              string
		per              Period
		month, event, to string
	}{
		{"terms 15.1 monthly fee", "1000", Months(1), "1000.00", "1000.00", "3000.00"},
		{"terms 15.1 annual fee is a twelfth a month (12.3)", "12000", Years(1), "1000.00", "1000.00", "3000.00"},
		{"terms 15.1 annual fee, cap total computed exactly not 3 x rounded", "10000", Months(12), "833.33", "833.33", "2500.00"},
		{"terms 15.1 quarterly fee", "3000", Months(3), "1000.00", "1000.00", "3000.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := terms.SettleLiabilityFor(NewMoney(dkk(tt.fee), currency.DKK), tt.per, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{s.MonthlyFee.Text(), s.CapPerEvent.Text(), s.CapTotal.Text()}
			if diff := cmp.Diff([]string{tt.month, tt.event, tt.to}, got); diff != "" {
				t.Errorf("SettleLiabilityFor(%s, %s) month, event cap, total cap (-want +got):\n%s", tt.fee, tt.per, diff)
			}
			m, err := MonthlyRemuneration(NewMoney(dkk(tt.fee), currency.DKK), tt.per)
			if err != nil || m.Text() != tt.month {
				t.Errorf("MonthlyRemuneration(%s, %s) = %s, %v; want %s", tt.fee, tt.per, m, err, tt.month)
			}
		})
	}
}

func TestSettleLiabilityBadInput(t *testing.T) {
	terms := OpenDIMSTerms()
	tests := []struct {
		name   string
		fee    string
		per    Period
		cur    currency.Unit
		claims []Claim
		want   []fe
	}{
		{"terms 15.1 negative fee", "-1", Months(1), currency.DKK, nil,
			[]fe{{"fee.amount", "gte", "0"}}},
		{"terms 15.1 claim in another currency, negative amount, no event, no kind", "1000", Months(1), currency.DKK,
			[]Claim{claim("a", DirectLoss, "1"),
				{Event: "b", Kind: DirectLoss, Amount: NewMoney(dkk("5"), currency.EUR)},
				{Event: "", Kind: 0, Amount: NewMoney(dkk("-5"), currency.DKK)}},
			[]fe{{"claims[1].amount.currency", "eq", "DKK"}, {"claims[2].event", "required", ""},
				{"claims[2].kind", "oneof", "direct_loss penalty indirect_loss outage_loss"}, {"claims[2].amount.amount", "gte", "0"}}},
		{"terms 15.1 fee per 30 days is not months", "1000", Days(30), currency.DKK, nil,
			[]fe{{"per", "months", "P30D"}}},
		{"terms 15.1 no currency", "1000", Months(1), currency.Unit{}, nil,
			[]fe{{"fee.currency", "required", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := terms.SettleLiabilityFor(NewMoney(dkk(tt.fee), tt.cur), tt.per, tt.claims)
			var verr *ValidationError
			if !errors.As(err, &verr) || !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("SettleLiabilityFor error = %v, want *ValidationError wrapping ErrInvalidInput", err)
			}
			if diff := cmp.Diff(tt.want, fields(verr)); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
	neg := OpenDIMSTerms()
	neg.LiabilityTotalMonths = -1
	if _, err := neg.SettleLiability(NewMoney(dkk("1"), currency.DKK), nil); !errors.Is(err, ErrInvalidTerms) {
		t.Errorf("terms 15.1 negative total cap: SettleLiability error = %v, want ErrInvalidTerms", err)
	}
}

func TestClaimKindText(t *testing.T) {
	for _, k := range []ClaimKind{DirectLoss, Penalty, IndirectLoss} {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var got ClaimKind
		if err := got.UnmarshalText(b); err != nil || got != k {
			t.Errorf("terms 15.1 UnmarshalText(%q) = %v, %v; want %v", b, got, err, k)
		}
	}
	var k ClaimKind
	if err := k.UnmarshalText([]byte("Penalty")); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("UnmarshalText(Penalty) error = %v, want ErrInvalidInput", err)
	}
	if _, err := ClaimKind(0).MarshalText(); err == nil {
		t.Error("ClaimKind(0).MarshalText() succeeded, want error")
	}
	if got := ClaimKind(9).String(); got != "ClaimKind(9)" {
		t.Errorf("ClaimKind(9).String() = %q, want ClaimKind(9)", got)
	}
}

func TestSettleLiabilityHugeAmounts(t *testing.T) {
	terms := OpenDIMSTerms()
	huge := decimal.New(1, 2000000000) // comparing this naively would rescale to 2e9 digits
	_, err := terms.SettleLiability(NewMoney(huge, currency.DKK), []Claim{{Event: "a", Kind: DirectLoss, Amount: NewMoney(huge, currency.DKK)}})
	var verr *ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("terms 15.1 huge amounts: error = %v, want *ValidationError", err)
	}
	want := []fe{{"monthly_fee.amount", "lte", "1e18"}, {"claims[0].amount.amount", "lte", "1e18"}}
	if diff := cmp.Diff(want, fields(verr)); diff != "" {
		t.Errorf("terms 15.1 huge amounts (-want +got):\n%s", diff)
	}
	if _, err := terms.ExitAssistance(huge, NewMoney(dkk("1"), currency.DKK), false); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("terms 18.2 huge hours: error = %v, want ErrInvalidInput", err)
	}
}
