package contract

import (
	"errors"
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

func TestForceMajeure(t *testing.T) {
	terms := OpenDIMSTerms()
	tests := []struct {
		name, began, on string
		impossible      bool
		allowed         bool
		date            string
	}{
		{"terms 14.1 suspended while it lasts, 30 days is not more than 30", "2026-01-05", "2026-02-04", false, false, "2026-02-05"},
		{"terms 14.3 more than 30 days gives a right to terminate", "2026-01-05", "2026-02-05", false, true, "2026-02-05"},
		{"terms 14.3 long after the threshold", "2026-01-05", "2026-06-01", false, true, "2026-02-05"},
		{"terms 14.3 impossible performance, at once", "2026-01-05", "2026-01-06", true, true, "2026-01-06"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := terms.ForceMajeure(MustParseDate(tt.began), MustParseDate(tt.on), tt.impossible)
			if err != nil {
				t.Fatal(err)
			}
			if d.Allowed != tt.allowed || d.Date.String() != tt.date || d.Rule != "terms 14.3" {
				t.Errorf("ForceMajeure(%s, %s, %v) = %v %s, want %v %s", tt.began, tt.on, tt.impossible, d.Allowed, d.Date, tt.allowed, tt.date)
			}
		})
	}
	if _, err := terms.ForceMajeure(MustParseDate("2026-01-05"), MustParseDate("2026-01-04"), false); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("terms 14.3 on before began: error = %v, want ErrInvalidInput", err)
	}
}

func TestDefectRemedy(t *testing.T) {
	terms := OpenDIMSTerms()
	tests := []struct {
		name, notified, on string
		remedied           bool
		allowed            bool
		date               string
	}{
		{"terms 15.3 provider has 10 days to remedy", "2026-03-02", "2026-03-12", false, false, "2026-03-13"},
		{"terms 15.3 claim allowed after 10 days unremedied", "2026-03-02", "2026-03-13", false, true, "2026-03-13"},
		{"terms 15.3 remedy period rolls past a weekend", "2026-03-04", "2026-03-16", false, false, "2026-03-17"},
		{"terms 15.3 remedied defect gives no claim", "2026-03-02", "2026-04-01", true, false, "2026-03-12"},
		{"terms 15.3 no notice, no claim", "0001-01-01", "2026-04-01", false, false, "0001-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := terms.DefectRemedy(MustParseDate(tt.notified), MustParseDate(tt.on), tt.remedied)
			if err != nil {
				t.Fatal(err)
			}
			if d.Allowed != tt.allowed || d.Date.String() != tt.date || d.Rule != "terms 15.3" {
				t.Errorf("DefectRemedy(%s, %s, %v) = %v %s, want %v %s", tt.notified, tt.on, tt.remedied, d.Allowed, d.Date, tt.allowed, tt.date)
			}
		})
	}
	if _, err := terms.DefectRemedy(MustParseDate("2026-03-02"), MustParseDate("2026-03-01"), false); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("terms 15.3 on before notified: error = %v, want ErrInvalidInput", err)
	}
}

func TestWithdrawalResaleJurisdiction(t *testing.T) {
	terms := OpenDIMSTerms()
	consumer := OpenDIMSTerms()
	consumer.StatutoryWithdrawal = true
	consumer.ResaleAllowed = true
	paid := MustParseDate("2026-03-02")
	tests := []struct {
		name    string
		d       Decision
		rule    string
		allowed bool
		date    string
	}{
		{"terms 19.5 no statutory withdrawal", terms.Withdrawal(paid, paid.AddDays(1)), "terms 19.5", false, "0001-01-01"},
		{"terms 19.5 terms with withdrawal allow 14 days", consumer.Withdrawal(paid, paid.AddDays(14)), "terms 19.5", true, "2026-03-16"},
		{"terms 19.5 terms with withdrawal, too late", consumer.Withdrawal(paid, paid.AddDays(15)), "terms 19.5", false, "2026-03-16"},
		{"terms 19.5 terms with withdrawal, before payment", consumer.Withdrawal(paid, paid.AddDays(-1)), "terms 19.5", false, "0001-01-01"},
		{"terms 19.7 resale prohibited", terms.Resale(), "terms 19.7", false, "0001-01-01"},
		{"terms 19.7 resale allowed when the terms say so", consumer.Resale(), "terms 19.7", true, "0001-01-01"},
		{"terms 20.1 Danish law, venue Herning (20.2)", terms.Jurisdiction(), "terms 20.1", true, "0001-01-01"},
		{"terms 20.1 no law named", Terms{}.Jurisdiction(), "terms 20.1", false, "0001-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.d.Rule != tt.rule || tt.d.Allowed != tt.allowed || tt.d.Date.String() != tt.date {
				t.Errorf("%s: got %q %v %s, want %q %v %s (%s)", tt.name, tt.d.Rule, tt.d.Allowed, tt.d.Date, tt.rule, tt.allowed, tt.date, tt.d)
			}
		})
	}
	if got, want := terms.Jurisdiction().Reason.In(language.Danish), "aftalen er underlagt lovgivningen i DK; tvister afgøres i Herning"; got != want {
		t.Errorf("terms 20.2 Danish reason = %q, want %q", got, want)
	}
}

func TestPriceTermination(t *testing.T) {
	terms := OpenDIMSTerms()
	tests := []struct {
		name                    string
		notified, effective, on string
		allowed                 bool
		date                    string
	}{
		{"terms 12.2 terminate before the new price, regardless of binding period", "2026-06-24", "2026-10-24", "2026-07-01", true, "2026-10-23"},
		{"terms 12.2 terminate after the new price took effect", "2026-06-24", "2026-10-24", "2026-11-02", true, "2026-11-02"},
		{"terms 12.2 invalid adjustment gives no right", "2026-06-24", "2026-09-01", "2026-07-01", false, "2026-10-24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := terms.PriceTermination(MustParseDate(tt.notified), MustParseDate(tt.effective), MustParseDate(tt.on))
			if err != nil {
				t.Fatal(err)
			}
			if d.Allowed != tt.allowed || d.Date.String() != tt.date {
				t.Errorf("PriceTermination(%s, %s, %s) = %v %s, want %v %s", tt.notified, tt.effective, tt.on, d.Allowed, d.Date, tt.allowed, tt.date)
			}
		})
	}
	if _, err := terms.PriceTermination(MustParseDate("2026-06-24"), MustParseDate("2026-10-24"), MustParseDate("2026-06-01")); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("terms 12.2 termination before the notice: error = %v, want ErrInvalidInput", err)
	}
}

func TestReasonsRenderConcurrently(t *testing.T) {
	terms := OpenDIMSTerms()
	done := make(chan string, 8)
	for i := 0; i < 8; i++ {
		go func() {
			d := terms.PriceAdjustment(MustParseDate("2026-06-24"), MustParseDate("2026-10-23"))
			done <- d.Reason.In(language.Danish)
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; got != "varsel den 2026-06-24 tillader en ny pris tidligst fra 2026-10-24, ikke 2026-10-23" {
			t.Errorf("terms 12.2 concurrent Danish reason = %q", got)
		}
	}
}
