package contract

import (
	"testing"

	"golang.org/x/text/currency"
)

func TestOpenDIMSTermsPreset(t *testing.T) {
	terms := OpenDIMSTerms()
	tests := []struct {
		name      string
		got, want any
	}{
		{"terms 2.1 provider is OpenDIMS ApS", terms.Provider.Name, "OpenDIMS ApS"},
		{"terms 2.1 provider CVR", terms.Provider.CVR, "43782495"},
		{"terms 3.2 service windows on 3 days' notice", terms.ServiceWindowNotice, Hours(72)},
		{"terms 3.2 emergency service on 1 hour's notice", terms.EmergencyNotice, Hours(1)},
		{"terms 6.3 breach notice 48 hours", terms.BreachNotice, Hours(48)},
		{"terms 8.1 availability 99.9 %", terms.AvailabilityPercent.String(), "99.9%"},
		{"terms 9.3 confidentiality 5 years", terms.Confidentiality, Years(5)},
		{"terms 12.1 prices exclude VAT", terms.PricesExcludeVAT, true},
		{"terms 12.2 price change notice 4 months", terms.PriceChangeNotice, Months(4)},
		{"terms 12.3 payment period 12 months", terms.PaymentPeriod, Months(12)},
		{"terms 12.3 net 30", terms.PaymentTerm, Days(30)},
		{"terms 12.3 2 % a month late interest", terms.LateInterestPerMonth.String(), "0.02"},
		{"terms 12.3 suspension after two demands", terms.SuspendAfterDemands, 2},
		{"terms 12.5 minimum invoicing 1 month", terms.MinimumInvoicing, Months(1)},
		{"terms 14.3 force majeure more than 30 days", terms.ForceMajeureLimit, Days(30)},
		{"terms 15.1 total cap 3 months", terms.LiabilityTotalMonths, 3},
		{"terms 15.1 per-event cap 1 month", terms.LiabilityPerEventMonths, 1},
		{"terms 15.1 penalties inside the cap", terms.PenaltiesInsideCap, true},
		{"terms 15.3 at least 10 days to remedy", terms.DefectRemedyPeriod, Days(10)},
		{"terms 17.2 one month's notice", terms.CustomerNotice, Months(1)},
		{"terms 17.3 14-day cure period", terms.CurePeriod, Days(14)},
		{"terms 17.3 termination after the third demand", terms.TerminateAfterDemands, 3},
		{"terms 18.3 data deleted at termination", terms.DeleteDataAtTermination, true},
		{"terms 19.3 prices in DKK", terms.Currency, CurrencyOf(currency.DKK)},
		{"terms 19.5 no statutory withdrawal", terms.StatutoryWithdrawal, false},
		{"terms 19.7 no resale", terms.ResaleAllowed, false},
		{"terms 20.1 Danish law", terms.Law, "DK"},
		{"terms 20.2 venue Herning", terms.Venue, "Herning"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: OpenDIMSTerms() field = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}
