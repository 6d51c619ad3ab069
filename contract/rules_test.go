package contract

import (
	"testing"

	"golang.org/x/text/language"
)

func TestSuspensionAndProviderTermination(t *testing.T) {
	terms := OpenDIMSTerms()
	on := MustParseDate("2026-03-02")
	tests := []struct {
		name    string
		rule    func(int, Date) Decision
		demands int
		allowed bool
		cite    string
	}{
		{"terms 12.3 one demand does not allow suspension", terms.Suspension, 1, false, "terms 12.3"},
		{"terms 12.3 two demands allow suspension", terms.Suspension, 2, true, "terms 12.3"},
		{"terms 12.3 negative demands are refused", terms.Suspension, -1, false, "terms 12.3"},
		{"terms 12.3 no right when the terms set none", Terms{}.Suspension, 5, false, "terms 12.3"},
		{"terms 17.3 two demands do not allow termination", terms.ProviderTermination, 2, false, "terms 17.3"},
		{"terms 17.3 third demand allows termination", terms.ProviderTermination, 3, true, "terms 17.3"},
		{"terms 17.3 negative demands are refused", terms.ProviderTermination, -3, false, "terms 17.3"},
		{"terms 17.3 no right when the terms set none", Terms{}.ProviderTermination, 5, false, "terms 17.3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.rule(tt.demands, on)
			if d.Allowed != tt.allowed || d.Rule != tt.cite || d.Citations[0].String() != tt.cite {
				t.Errorf("rule(%d, %s) = %v %q %v, want allowed %v citing %s", tt.demands, on, d.Allowed, d.Rule, d.Citations, tt.allowed, tt.cite)
			}
			if tt.allowed && d.Date != on {
				t.Errorf("rule(%d, %s).Date = %s, want %s", tt.demands, on, d.Date, on)
			}
			if d.Reason.In(language.Danish) == d.Reason.String() {
				t.Errorf("reason %q has no Danish rendering", d.Reason)
			}
		})
	}
}

func TestPriceAdjustment(t *testing.T) {
	terms := OpenDIMSTerms()
	tests := []struct {
		name                string
		notified, effective string
		allowed             bool
		date                string
		reason              string
	}{
		{"terms 12.2 four months' notice, effective on a Saturday, no roll", "2026-06-24", "2026-10-24", true, "2026-10-24",
			"the new price may take effect on 2026-10-24; the customer may terminate because of it regardless of any binding period"},
		{"terms 12.2 later than the earliest is allowed", "2026-06-24", "2027-01-01", true, "2027-01-01", ""},
		{"terms 12.2 one day short is refused", "2026-06-24", "2026-10-23", false, "2026-10-24",
			"notice on 2026-06-24 allows a new price from 2026-10-24 at the earliest, not 2026-10-23"},
		{"terms 12.2 month end clamps", "2026-10-31", "2027-02-28", true, "2027-02-28", ""},
		{"terms 12.2 effective before the notice", "2026-06-24", "2026-06-01", false, "2026-10-24",
			"the new price cannot take effect on 2026-06-01, before the notice of 2026-06-24"},
		{"terms 12.2 no notice", "0001-01-01", "2026-06-01", false, "",
			"a price adjustment must be notified in advance; no notice was given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := terms.PriceAdjustment(MustParseDate(tt.notified), MustParseDate(tt.effective))
			date := ""
			if !d.Date.IsZero() {
				date = d.Date.String()
			}
			if d.Allowed != tt.allowed || date != tt.date || d.Rule != "terms 12.2" {
				t.Errorf("PriceAdjustment(%s, %s) = %v %s %q, want %v %s terms 12.2", tt.notified, tt.effective, d.Allowed, date, d.Rule, tt.allowed, tt.date)
			}
			if tt.reason != "" && d.Reason.String() != tt.reason {
				t.Errorf("PriceAdjustment(%s, %s).Reason = %q, want %q", tt.notified, tt.effective, d.Reason, tt.reason)
			}
		})
	}
	da := terms.PriceAdjustment(MustParseDate("2026-06-24"), MustParseDate("2026-10-23")).Reason.In(language.MustParse("da-DK"))
	if want := "varsel den 2026-06-24 tillader en ny pris tidligst fra 2026-10-24, ikke 2026-10-23"; da != want {
		t.Errorf("terms 12.2 Danish reason = %q, want %q", da, want)
	}
}
