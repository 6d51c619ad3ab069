package contract

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// TestValidateTags checks, for each configuration type a host fills in,
// that a field breaking its validate tag comes back from the operation
// that checks it as a Problem with the field's JSON path, the tag's rule
// and an English message.
func TestValidateTags(t *testing.T) {
	spec := func() AgreementSpec {
		return AgreementSpec{Kind: SelfServe, Customer: Party{Name: "Shop ApS", CVR: "43782495", Country: "DK"},
			Concluded: MustParseDate("2026-01-15"), Terms: OpenDIMSTerms()}
	}
	tests := []struct {
		name       string
		err        func() error
		path, rule string
	}{
		{"Terms: terms 19.3 prices need a currency", func() error {
			t := OpenDIMSTerms()
			t.Currency = Currency{}
			return t.Validate()
		}, "currency", "required"},
		{"Terms: terms 20.1 law is a country code", func() error {
			t := OpenDIMSTerms()
			t.Law = "Denmark"
			return t.Validate()
		}, "law", "iso3166_1_alpha2"},
		{"Terms: terms 6.3 breach notice is not negative", func() error {
			t := OpenDIMSTerms()
			t.BreachNotice = -Hours(1)
			return t.Validate()
		}, "breach_notice", "gte"},
		{"Party: terms 1.3 a Danish customer's CVR number passes mod 11", func() error {
			s := spec()
			s.Customer.CVR = "43782496"
			_, err := Conclude(s)
			return err
		}, "customer.cvr", "cvr"},
		{"Party: the provider's name is required (terms 2.1)", func() error {
			t := OpenDIMSTerms()
			t.Provider.Name = ""
			return t.Validate()
		}, "provider.name", "required"},
		{"Party: a VAT number has a country prefix", func() error {
			s := spec()
			s.Customer.VATID = "123456789"
			_, err := Conclude(s)
			return err
		}, "customer.vat_id", "vatid"},
		{"AgreementSpec: terms 1.3 the day of conclusion is required", func() error {
			s := spec()
			s.Concluded = Date{}
			_, err := Conclude(s)
			return err
		}, "concluded", "required"},
		{"Document: terms 1.2 a document's name is at most 200 characters", func() error {
			s := spec()
			s.Documents = []Document{{Kind: GeneralTerms, Name: strings.Repeat("x", 201)}}
			_, err := Conclude(s)
			return err
		}, "documents[0].name", "max"},
		{"Document: terms 1.3 resolving documents checks them too", func() error {
			_, _, err := ResolveTerms(OpenDIMSTerms(), []Document{{Kind: OfferDocument, Name: "o",
				Params: map[string]string{"venue": strings.Repeat("x", 201)}}})
			return err
		}, "documents[0].params[venue]", "max"},
		{"Claim: terms 15.1 a claim names its event", func() error {
			_, err := OpenDIMSTerms().SettleLiability(MustParseMoney("1000", currency.DKK),
				[]Claim{{Kind: DirectLoss, Amount: MustParseMoney("5", currency.DKK)}})
			return err
		}, "claims[0].event", "required"},
		{"OpenHours: terms 5 a weekday is Sunday to Saturday", func() error {
			_, err := NewBusinessHours(Copenhagen(), nil, OpenHours{Day: 7, From: MustClockTime(8, 0), To: MustClockTime(16, 0)})
			return err
		}, "week[0].day", "lte"},
		{"Capacity: terms 7.2 the agreed maximum is positive", func() error {
			_, _, err := Capacity{Max: decimal.Zero}.Observe(CapacityState{}, time.Time{}, decimal.Zero)
			return err
		}, "capacity.max", "dgt"},
		{"VATRate and VATTable: a country code is upper case", func() error {
			var ps Problems
			ps.Check("", VATTable{Rates: []VATRate{{Country: "dk", From: MustParseDate("2024-01-01"), Rate: decimal.New(25, -2)}}})
			return ps.Err("check vat table", ErrInvalidInput)
		}, "rates[0].country", "uppercase"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			var verr *ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("error = %v, want a *ValidationError", err)
			}
			if !verr.Has(tt.path, tt.rule) {
				t.Fatalf("problems = %v, want %s: %s", verr.Problems, tt.path, tt.rule)
			}
			for _, p := range verr.Problems {
				if p.Message == "" || strings.HasPrefix(p.Message, "breaks rule") {
					t.Errorf("problem %s has no English message: %q", p, p.Message)
				}
			}
		})
	}
}
