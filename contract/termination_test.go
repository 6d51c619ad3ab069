package contract

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
)

func TestCustomerTermination(t *testing.T) {
	yearly := OpenDIMSTerms()
	monthly := OpenDIMSTerms()
	monthly.PaymentPeriod = Months(1)
	tests := []struct {
		name          string
		terms         Terms
		start, notice string
		want          string
		period        int
	}{
		{"terms 17.2 12-month period, notice in June ends the first period", yearly, "2025-02-01", "2025-06-10", "2026-01-31", 1},
		{"terms 17.2 12-month period, last day for the first period", yearly, "2025-02-01", "2025-12-31", "2026-01-31", 1},
		{"terms 17.2 12-month period, a day late runs to the second", yearly, "2025-02-01", "2026-01-01", "2027-01-31", 2},
		{"terms 17.2 never before the end of the first period", yearly, "2025-02-01", "2025-02-01", "2026-01-31", 1},
		{"terms 17.2 monthly period, notice 2026-01-01 ends 2026-02-28", monthly, "2025-11-01", "2026-01-01", "2026-02-28", 4},
		{"terms 17.2 monthly period, a full month of notice to 2026-01-31", monthly, "2025-11-01", "2025-12-31", "2026-01-31", 3},
		{"terms 17.2 monthly from a month end, no drift", monthly, "2025-01-31", "2025-01-31", "2025-03-30", 2},
		{"terms 17.2 ends on Saturday 2026-02-28, no roll (Reg. 1182/71 Art. 4(1))", yearly, "2025-03-01", "2025-06-10", "2026-02-28", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := tt.terms.CustomerTermination(MustParseDate(tt.start), MustParseDate(tt.notice))
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Date.String(); got != tt.want || !d.Allowed || d.From.String() != tt.notice {
				t.Errorf("CustomerTermination(%s, %s) = %s allowed %v, want %s", tt.start, tt.notice, got, d.Allowed, tt.want)
			}
			if d.Rule != "terms 17.2" {
				t.Errorf("Rule = %q, want terms 17.2", d.Rule)
			}
			if len(d.Reason.Args()) != 3 || d.Reason.Args()[2] != int64(tt.period) {
				t.Errorf("CustomerTermination(%s, %s) period = %v, want %d", tt.start, tt.notice, d.Reason.Args(), tt.period)
			}
		})
	}
	d, _ := yearly.CustomerTermination(MustParseDate("2025-02-01"), MustParseDate("2025-06-10"))
	if got, want := d.String(), "notice given on 2025-06-10 ends the agreement at the end of 2026-01-31, the end of payment period 1 (terms 17.2; terms 12.3; Reg. 1182/71 Art. 4(1))"; got != want {
		t.Errorf("terms 17.2 Decision.String() = %q, want %q", got, want)
	}
	if got, want := d.Reason.In(language.Danish), "opsigelse den 2025-06-10 bringer aftalen til ophør ved udgangen af 2026-01-31, slutningen af betalingsperiode 1"; got != want {
		t.Errorf("terms 17.2 Danish reason = %q, want %q", got, want)
	}
}

func TestCustomerTerminationErrors(t *testing.T) {
	bad := OpenDIMSTerms()
	bad.PaymentPeriod = Period{}
	bad.CustomerNotice = Months(-1)
	tests := []struct {
		name          string
		terms         Terms
		start, notice string
		sentinel      error
		want          []fe
	}{
		{"terms 17.2 notice before the agreement starts", OpenDIMSTerms(), "2025-02-01", "2025-01-31", ErrInvalidInput,
			[]fe{{"notice", "gtefield", "start"}}},
		{"terms 17.2 notice beyond the counting range", OpenDIMSTerms(), "2025-02-01", "9999-12-31", ErrInvalidInput,
			[]fe{{"notice", "lte", "9000-12-31"}}},
		{"terms 17.2 empty payment period and negative notice", bad, "2025-02-01", "2025-03-01", ErrInvalidTerms,
			[]fe{{"payment_period", "gt", "P0D"}, {"customer_notice", "gte", "P0D"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.terms.CustomerTermination(MustParseDate(tt.start), MustParseDate(tt.notice))
			var verr *ValidationError
			if !errors.As(err, &verr) || !errors.Is(err, tt.sentinel) {
				t.Fatalf("CustomerTermination(%s, %s) error = %v, want *ValidationError wrapping %v", tt.start, tt.notice, err, tt.sentinel)
			}
			if diff := cmp.Diff(tt.want, fields(verr)); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSelfServeCancellation(t *testing.T) {
	terms := OpenDIMSTerms()
	tests := []struct {
		name         string
		start        string
		cycle        Period
		asked        string
		method       CancelMethod
		allowed      bool
		date         string
		firstCitedAs string
	}{
		{"terms 19.6 switch to free plan ends at the end of the billing cycle (terms 19.4 no refund)", "2026-01-15", Months(1), "2026-03-20", SwitchToFreePlan, true, "2026-04-14", "terms 19.6"},
		{"terms 19.6 switch on the cycle's last day ends that day", "2026-01-15", Months(1), "2026-04-14", SwitchToFreePlan, true, "2026-04-14", "terms 19.6"},
		{"terms 19.6 yearly cycle", "2025-03-01", Years(1), "2025-03-01", SwitchToFreePlan, true, "2026-02-28", "terms 19.6"},
		{"terms 19.6 an email is not a cancellation, renews (19.2)", "2026-01-15", Months(1), "2026-03-20", CancelByEmail, false, "2026-04-15", "terms 19.6"},
		{"terms 19.6 a phone call is not a cancellation, renews (19.2)", "2025-03-01", Years(1), "2025-05-01", CancelByPhone, false, "2026-03-01", "terms 19.6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := terms.SelfServeCancellation(MustParseDate(tt.start), tt.cycle, MustParseDate(tt.asked), tt.method)
			if err != nil {
				t.Fatal(err)
			}
			if d.Allowed != tt.allowed || d.Date.String() != tt.date || d.Citations[0].String() != tt.firstCitedAs {
				t.Errorf("SelfServeCancellation(%s, %s, %s, %s) = %v %s %v, want %v %s", tt.start, tt.cycle, tt.asked, tt.method, d.Allowed, d.Date, d.Citations, tt.allowed, tt.date)
			}
		})
	}
	_, err := terms.SelfServeCancellation(MustParseDate("2026-01-15"), Period{}, MustParseDate("2026-01-01"), 0)
	var verr *ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("terms 19.6 bad input error = %v, want *ValidationError", err)
	}
	want := []fe{{"cycle", "gt", "P0D"}, {"asked", "gtefield", "start"}, {"method", "oneof", "switch_to_free_plan email phone"}}
	if diff := cmp.Diff(want, fields(verr)); diff != "" {
		t.Errorf("terms 19.6 bad input fields (-want +got):\n%s", diff)
	}
}

func TestRenewal(t *testing.T) {
	terms := OpenDIMSTerms()
	tests := []struct {
		name, start string
		cycle       Period
		on, want    string
	}{
		{"terms 19.2 yearly renews on the anniversary", "2025-03-01", Years(1), "2025-06-01", "2026-03-01"},
		{"terms 19.2 renewal day starts the next cycle", "2025-03-01", Years(1), "2026-03-01", "2027-03-01"},
		{"terms 19.1 monthly fee renews the next month (terms 19.2)", "2026-01-31", Months(1), "2026-02-10", "2026-02-28"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := terms.Renewal(MustParseDate(tt.start), tt.cycle, MustParseDate(tt.on))
			if err != nil {
				t.Fatal(err)
			}
			if d.Date.String() != tt.want || d.Rule != "terms 19.2" {
				t.Errorf("Renewal(%s, %s, %s) = %s %q, want %s terms 19.2", tt.start, tt.cycle, tt.on, d.Date, d.Rule, tt.want)
			}
		})
	}
	if _, err := terms.Renewal(MustParseDate("2026-01-31"), Months(1), MustParseDate("2026-01-01")); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("terms 19.2 Renewal before start error = %v, want ErrInvalidInput", err)
	}
}

func TestBreachTermination(t *testing.T) {
	terms := OpenDIMSTerms()
	tests := []struct {
		name        string
		by          Side
		noticed, on string
		remedied    bool
		allowed     bool
		date        string
		reason      string
	}{
		{"terms 17.3 within the 14-day cure period", ProviderSide, "2026-01-02", "2026-01-16", false, false, "2026-01-17",
			"the breach notified on 2026-01-02 may still be remedied until the end of 2026-01-16"},
		{"terms 17.3 customer may terminate after the cure period", ProviderSide, "2026-01-02", "2026-01-17", false, true, "2026-01-17",
			"the breach notified on 2026-01-02 was not remedied by the end of 2026-01-16, so the customer may terminate"},
		{"terms 17.3 provider may terminate a customer's breach", CustomerSide, "2026-01-02", "2026-02-01", false, true, "2026-02-01",
			"the breach notified on 2026-01-02 was not remedied by the end of 2026-01-16, so the provider may terminate"},
		{"terms 17.3 cure period rolls past Easter 2026 (Reg. 1182/71 Art. 3(4))", ProviderSide, "2026-03-21", "2026-04-07", false, false, "2026-04-08", ""},
		{"terms 17.3 remedied breach gives no right", ProviderSide, "2026-01-02", "2026-02-01", true, false, "2026-01-16",
			"the breach was remedied, so it gives no right to terminate"},
		{"terms 17.3 no notice, no termination", ProviderSide, "0001-01-01", "2026-02-01", false, false, "0001-01-01",
			"termination for material breach needs a notice to remedy it first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := terms.BreachTermination(tt.by, MustParseDate(tt.noticed), MustParseDate(tt.on), tt.remedied)
			if err != nil {
				t.Fatal(err)
			}
			if d.Allowed != tt.allowed || d.Date.String() != tt.date || d.Rule != "terms 17.3" {
				t.Errorf("BreachTermination(%s, %s, %s, %v) = %v %s, want %v %s", tt.by, tt.noticed, tt.on, tt.remedied, d.Allowed, d.Date, tt.allowed, tt.date)
			}
			if tt.reason != "" && d.Reason.String() != tt.reason {
				t.Errorf("reason = %q, want %q", d.Reason, tt.reason)
			}
		})
	}
	_, err := terms.BreachTermination(0, MustParseDate("2026-01-02"), MustParseDate("2026-01-01"), false)
	var verr *ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("terms 17.3 bad input error = %v, want *ValidationError", err)
	}
	if diff := cmp.Diff([]fe{{"by", "oneof", "customer provider"}, {"on", "gtefield", "noticed"}}, fields(verr)); diff != "" {
		t.Errorf("terms 17.3 bad input fields (-want +got):\n%s", diff)
	}
}

func TestEnumText(t *testing.T) {
	for _, s := range []Side{CustomerSide, ProviderSide} {
		b, _ := s.MarshalText()
		var got Side
		if err := got.UnmarshalText(b); err != nil || got != s {
			t.Errorf("terms 17.3 Side round trip %v: got %v, %v", s, got, err)
		}
	}
	for _, m := range []CancelMethod{SwitchToFreePlan, CancelByEmail, CancelByPhone} {
		b, _ := m.MarshalText()
		var got CancelMethod
		if err := got.UnmarshalText(b); err != nil || got != m {
			t.Errorf("terms 19.6 CancelMethod round trip %v: got %v, %v", m, got, err)
		}
	}
	var s Side
	if err := s.UnmarshalText([]byte("Customer")); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("Side.UnmarshalText(Customer) = %v, want ErrInvalidInput", err)
	}
	var m CancelMethod
	if err := m.UnmarshalText(nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("CancelMethod.UnmarshalText(\"\") = %v, want ErrInvalidInput", err)
	}
	if _, err := Side(0).MarshalText(); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("Side(0).MarshalText() error = %v, want ErrInvalidInput", err)
	}
	if got := CancelMethod(7).String(); got != "CancelMethod(7)" {
		t.Errorf("CancelMethod(7).String() = %q", got)
	}
}
