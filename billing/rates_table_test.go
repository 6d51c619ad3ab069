package billing

import (
	"errors"
	"strings"
	"testing"

	"github.com/pimkit/pimkit/contract"
)

// TestShippedRates checks the statutory rates of renteloven § 5 (the
// reference rate of 1 January or 1 July plus 8 points) that pimkit ships,
// each row naming the source of its reference rate, and that every
// shipped rate records a source.
func TestShippedRates(t *testing.T) {
	tab := DanishStatutoryRates()
	tests := []struct {
		on, annual, source string
	}{
		{"2023-07-15", "0.1125", "forbrug.dk, Morarenten: 11.25 % from 2023-07-01"},
		{"2024-03-15", "0.1175", "global-rates.com: lending rate 3.75 % from 2023-09-15"},
		{"2024-07-01", "0.115", "global-rates.com: lending rate 3.50 % from 2024-06-06"},
		{"2025-01-01", "0.1075", "tradingeconomics.com news 440812: lending rate 2.75 % after December 2024"},
		{"2025-12-31", "0.0975", "fx.co 2640647: lending rate 1.75 % from 5 June 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			r, ok := tab.At(day(tt.on))
			if !ok || !r.Annual().Equal(dec(tt.annual)) {
				t.Errorf("At(%s) = %s (%v), want %s", tt.on, r.Annual(), ok, tt.annual)
			}
		})
	}
	for _, r := range tab.Rates() {
		if r.Source == "" {
			t.Errorf("renteloven § 5 rate from %s ships without its source", r.From)
		}
	}
}

// TestNoRateError: a day past the table names its half-year and tells the
// host to add the rate with RateTable.With; once added, interest runs.
func TestNoRateError(t *testing.T) {
	d := Debt{Amount: dkk("1000.00"), Due: day("2025-12-01"), Customer: Consumer}
	_, err := InterestRules{}.Interest(d, day("2026-03-15"))
	var nr *NoRateError
	if !errors.Is(err, ErrNoRate) || !errors.As(err, &nr) || nr.HalfYear != day("2026-01-01") {
		t.Fatalf("Interest() error = %v, want a NoRateError for the half-year from 2026-01-01", err)
	}
	for _, want := range []string{"2026-H1", "from 2026-01-01", "RateTable.With"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	// A host that has the rate adds it (the figure here is a test value,
	// not a published rate).
	tab, err := DanishStatutoryRates().With(StatutoryRate{From: day("2026-01-01"), Reference: contract.MustDec("0.0175"),
		Surcharge: contract.MustDec("0.08"), Source: "test value"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (InterestRules{Rates: tab}).Interest(d, day("2026-03-15")); err != nil {
		t.Errorf("Interest() with the 2026-H1 rate added = %v", err)
	}
	if _, err := (InterestRules{Rates: tab}).Interest(d, day("2026-07-02")); !errors.As(err, &nr) || nr.HalfYear != day("2026-07-01") {
		t.Errorf("Interest() into 2026-H2 = %v, want the half-year from 2026-07-01", err)
	}
}
