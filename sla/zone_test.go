package sla_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/sla"
)

// TestPolicyForTermsZone checks that a policy takes its zone and counter
// from the terms (terms 20.1: Danish law, so Copenhagen for OpenDIMS), and
// that a month is cut in that zone: January 2026 in Stockholm starts at
// 2025-12-31T23:00Z like Copenhagen, in UTC at midnight UTC.
func TestPolicyForTermsZone(t *testing.T) {
	tests := []struct {
		zone contract.Zone
		loc  *time.Location
		from string
	}{
		{contract.ZoneCopenhagen, contract.Copenhagen(), "2025-12-31T23:00:00Z"},
		{contract.ZoneStockholm, contract.Stockholm(), "2025-12-31T23:00:00Z"},
		{contract.ZoneUTC, time.UTC, "2026-01-01T00:00:00Z"},
	}
	for _, tt := range tests {
		terms := contract.OpenDIMSTerms()
		terms.Zone = tt.zone
		terms.Counter = contract.Counter{Convention: contract.SwedishStatutoryTimeAct(), Calendar: contract.SwedishHolidays()}
		p := sla.PolicyFor(terms)
		if p.Location != tt.loc {
			t.Errorf("terms 20.1: PolicyFor(zone %s).Location = %v", tt.zone, p.Location)
		}
		if !cmp.Equal(p.Counter, terms.Counter) {
			t.Errorf("PolicyFor().Counter = %+v, want the terms' counter", p.Counter)
		}
		m, err := p.Month(2026, time.January)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.From.UTC().Format(time.RFC3339); got != tt.from {
			t.Errorf("terms 8.1: January 2026 in %s starts %s, want %s", tt.zone, got, tt.from)
		}
	}
	if sla.Copenhagen() != contract.Copenhagen() {
		t.Errorf("sla.Copenhagen() is not contract.Copenhagen()")
	}
}
