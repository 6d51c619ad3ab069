package contract

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

func TestValidate(t *testing.T) {
	if err := OpenDIMSTerms().Validate(); err != nil {
		t.Fatalf("OpenDIMSTerms().Validate() = %v, want nil", err)
	}
	tests := []struct {
		name   string
		change func(*Terms)
		want   []fe
	}{
		{"terms 8.1 availability above 100 %", func(t *Terms) { t.AvailabilityPercent = PercentOf(decimal.RequireFromString("100.1")) },
			[]fe{{"availability_percent", "lte", "100"}}},
		{"terms 8.1 availability of exactly 100 % is valid", func(t *Terms) { t.AvailabilityPercent = PercentOf(decimal.NewFromInt(100)) }, nil},
		{"terms 8.1 availability below 0", func(t *Terms) { t.AvailabilityPercent = PercentOf(decimal.NewFromInt(-1)) },
			[]fe{{"availability_percent", "gte", "0"}}},
		{"terms 15.1 negative caps and per-event above total", func(t *Terms) {
			t.LiabilityTotalMonths = -3
			t.LiabilityPerEventMonths = -1
		}, []fe{{"liability_total_months", "gte", "0"}, {"liability_per_event_months", "gte", "0"}}},
		{"terms 15.1 per-event cap above the total", func(t *Terms) { t.LiabilityPerEventMonths = 4 },
			[]fe{{"liability_per_event_months", "ltefield", "liability_total_months"}}},
		{"terms 12.3 negative periods and interest, missing currency", func(t *Terms) {
			t.PaymentPeriod = Months(-12)
			t.PaymentTerm = Days(-30)
			t.LateInterestPerMonth = MustDec("-0.02")
			t.Currency = Terms{}.Currency
		}, []fe{{"currency", "required", ""}, {"payment_period", "gte", "P0D"},
			{"payment_term", "gte", "P0D"}, {"late_interest_per_month", "gte", "0"}}},
		{"terms 17.3 termination needs no fewer demands than suspension (12.3)", func(t *Terms) { t.TerminateAfterDemands = 1 },
			[]fe{{"terminate_after_demands", "gtefield", "suspend_after_demands"}}},
		{"terms 3.2 negative hour notices", func(t *Terms) {
			t.ServiceWindowNotice = -1
			t.EmergencyNotice = -1
			t.BreachNotice = -1
		}, []fe{{"service_window_notice", "gte", "0"}, {"emergency_notice", "gte", "0"}, {"breach_notice", "gte", "0"}}},
		{"terms 9.3 absurdly long confidentiality", func(t *Terms) { t.Confidentiality = Years(20000) },
			[]fe{{"confidentiality", "lte", "P9999Y"}}},
		{"terms 20.1 law and venue", func(t *Terms) { t.Law = "Denmark"; t.Venue = " " },
			[]fe{{"law", "iso3166_1_alpha2", ""}, {"venue", "required", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			terms := OpenDIMSTerms()
			tt.change(&terms)
			err := terms.Validate()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var verr *ValidationError
			if !errors.As(err, &verr) || !errors.Is(err, ErrInvalidTerms) {
				t.Fatalf("Validate() = %v, want *ValidationError wrapping ErrInvalidTerms", err)
			}
			if diff := cmp.Diff(tt.want, fields(verr)); diff != "" {
				t.Errorf("Validate() fields (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateZeroTermsListsEverything(t *testing.T) {
	err := Terms{}.Validate()
	want := "contract: invalid terms: validate terms: 6 problems: provider.name: required; currency: required; " +
		"payment_period: gt(P0D); minimum_invoicing: gt(P0D); law: iso3166_1_alpha2; venue: required"
	if err == nil || err.Error() != want {
		t.Errorf("Terms{}.Validate() = %v, want %s", err, want)
	}
}

// TestReasonsHaveDanish checks that every reason the rules can give has a
// Danish text with the same verbs, by reading the package's source.
func TestReasonsHaveDanish(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	use := regexp.MustCompile(`(?:rulesReason\(|key :?= )"((?:[^"\\]|\\.)*)"`)
	verbs := regexp.MustCompile(`%[a-z]`)
	used := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range use.FindAllStringSubmatch(string(src), -1) {
			key := m[1]
			used[key] = true
			da, ok := rulesDanish[key]
			if !ok {
				t.Errorf("%s: reason %q has no Danish text", f, key)
				continue
			}
			if !cmp.Equal(verbs.FindAllString(key, -1), verbs.FindAllString(da, -1)) {
				t.Errorf("%s: Danish %q does not have the verbs of %q", f, da, key)
			}
			r := rulesReason(key)
			if r.In(language.Danish) == r.String() {
				t.Errorf("reason %q renders the same in Danish", key)
			}
		}
	}
	for key := range rulesDanish {
		if !used[key] {
			t.Errorf("Danish text for %q is never used", key)
		}
	}
}
