package contract_test

import (
	"errors"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

func TestCapacityTerms72(t *testing.T) {
	c := contract.DefaultCapacity(decimal.NewFromInt(250000))
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	s, ev, err := c.Observe(contract.CapacityState{}, at, decimal.NewFromInt(190000))
	if err != nil || len(ev) != 0 || s.Crossed != 0 {
		t.Fatalf("190,000 of 250,000: %v %v %v", s, ev, err)
	}
	s, ev, err = c.Observe(s, at, decimal.NewFromInt(226000))
	if err != nil || len(ev) != 2 || s.Crossed != 2 || !ev[0].Threshold.Equal(contract.MustDec("0.8")) || !ev[1].Raised {
		t.Fatalf("226,000 of 250,000 (terms 7.2) = %v %v %v, want 80 %% and 90 %% raised", s, ev, err)
	}
	if ev[1].Decision.Rule != "terms 7.2" || ev[1].Decision.Reason.String() != "usage 226,000 has reached 90% of the agreed maximum 250,000" {
		t.Errorf("decision = %v", ev[1].Decision)
	}
	// Hovering just under 90 % does not re-arm: hysteresis 5 points.
	if s2, ev, _ := c.Observe(s, at, decimal.NewFromInt(224000)); len(ev) != 0 || s2.Crossed != 2 {
		t.Errorf("224,000: %v %v, want no event", s2, ev)
	}
	if s2, ev, _ := c.Observe(s, at, decimal.NewFromInt(212000)); len(ev) != 1 || ev[0].Raised || s2.Crossed != 1 {
		t.Errorf("212,000 (below 85 %%): %v %v, want 90 %% re-armed", s2, ev)
	}
	bad := contract.Capacity{Max: contract.Decimal{}, Thresholds: []contract.Decimal{contract.MustDec("1"), contract.MustDec("0.5")}}
	_, _, err = bad.Observe(contract.CapacityState{}, at, decimal.NewFromInt(-1))
	var verr *contract.ValidationError
	if !errors.As(err, &verr) || !verr.Has("capacity.max", "dgt") || !verr.Has("capacity.thresholds[1]", "gtfield") || !verr.Has("usage", "dgte") {
		t.Errorf("bad capacity error = %v", err)
	}
}

func TestVATRates(t *testing.T) {
	eu := contract.EUVATRates()
	for _, tt := range []struct {
		name, country string
		on            contract.Date
		want          string
	}{
		{"Denmark 25 % (momsloven § 33)", "DK", contract.MustDate(2026, 1, 1), "0.25"},
		{"Finland before its 2024 increase", "FI", contract.MustDate(2024, 8, 31), "0.24"},
		{"Finland 25.5 % from 2024-09-01", "FI", contract.MustDate(2024, 9, 1), "0.255"},
		{"Greece under its VAT prefix EL", "EL", contract.MustDate(2026, 1, 1), "0.24"},
		{"Romania 21 % from 2025-08-01", "RO", contract.MustDate(2025, 8, 1), "0.21"},
	} {
		got, err := eu.Rate(tt.country, tt.on)
		if err != nil || !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("%s: Rate(%s, %s) = %v, %v, want %s", tt.name, tt.country, tt.on, got, err, tt.want)
		}
	}
	if _, err := eu.Rate("DK", contract.MustDate(2023, 12, 31)); !errors.Is(err, contract.ErrNoVATRate) {
		t.Errorf("a day before the table = %v, want ErrNoVATRate", err)
	}
	if _, err := eu.Rate("US", contract.MustDate(2026, 1, 1)); !errors.Is(err, contract.ErrNoVATRate) {
		t.Errorf("a country outside the table = %v, want ErrNoVATRate", err)
	}
	if len(eu.Rates) != 31 {
		t.Errorf("table holds %d rates, want 27 states + 4 changes", len(eu.Rates))
	}
}

func TestValuesCount(t *testing.T) {
	got := contract.Values(contract.BaseValues, contract.ValuesPart{Records: 5000, Fields: 48}, contract.ValuesPart{Records: 1000, Fields: 30})
	if got != 271200 {
		t.Errorf("values = %d, want 271,200 (records x fields + 1,200 base)", got)
	}
	if got := contract.Values(0, contract.ValuesPart{Records: 1 << 62, Fields: 4}); got != 1<<63-1 {
		t.Errorf("overflow saturates: %d", got)
	}
}

func TestAddPeriodsDoesNotDrift(t *testing.T) {
	start := contract.MustDate(2024, 1, 31)
	if got := start.AddPeriods(contract.Months(1), 1); got != contract.MustDate(2024, 2, 29) {
		t.Errorf("period 1 = %s", got)
	}
	if got := start.AddPeriods(contract.Months(1), 2); got != contract.MustDate(2024, 3, 31) {
		t.Errorf("period 2 = %s, want 2024-03-31 (Reg. 1182/71 Art. 3(2)(c), no drift)", got)
	}
}
