package contract

import (
	"errors"
	"reflect"
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
			_, _, err := Capacity{Max: Decimal{}}.Observe(CapacityState{}, time.Time{}, decimal.Zero)
			return err
		}, "capacity.max", "dgt"},
		{"VATRate and VATTable: a country code is upper case", func() error {
			var ps Problems
			ps.Check("", VATTable{Rates: []VATRate{{Country: "dk", From: MustParseDate("2024-01-01"), Rate: MustDec("0.25")}}})
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

// TestMayBreakTags checks that the fast paths that skip the validator for
// claims and documents never skip one that breaks a tag: whenever the
// validator finds a problem, mayBreakTags is true.
func TestMayBreakTags(t *testing.T) {
	long, wide := strings.Repeat("x", 201), strings.Repeat("æ", 101) // 202 bytes, 101 characters
	for _, ev := range []string{"", "outage", long, wide, strings.Repeat("æ", 201)} {
		c := Claim{Event: ev, Kind: DirectLoss, Amount: MustParseMoney("1", currency.DKK)}
		var ps Problems
		ps.Check("", c)
		if ps.Len() > 0 && !c.mayBreakTags() {
			t.Errorf("claim with a %d-byte event breaks %v but mayBreakTags is false", len(ev), ps.List())
		}
		d := Document{Kind: OfferDocument, Name: ev, Params: map[string]string{"venue": ev}}
		ps = Problems{}
		ps.Check("", d)
		if ps.Len() > 0 && !d.mayBreakTags() {
			t.Errorf("document with %d-byte texts breaks %v but mayBreakTags is false", len(ev), ps.List())
		}
	}
}

// TestTermsTagsSurelyHold checks the fast path of Terms.Validate: for
// every field of Terms (and its provider) that carries a validate tag, a
// value that breaks the tag makes tagsSurelyHold false, so the validator
// runs and reports it; and the preset takes the fast path.
func TestTermsTagsSurelyHold(t *testing.T) {
	preset := OpenDIMSTerms()
	if !preset.tagsSurelyHold() {
		t.Error("OpenDIMSTerms().tagsSurelyHold() = false, want the preset on the fast path")
	}
	broken := map[string]func(*Terms){
		"provider.name":              func(t *Terms) { t.Provider.Name = "" },
		"provider.cvr":               func(t *Terms) { t.Provider.CVR = "12345678" },
		"provider.vat_id":            func(t *Terms) { t.Provider.VATID = "123" },
		"provider.address":           func(t *Terms) { t.Provider.Address = strings.Repeat("x", 501) },
		"provider.country":           func(t *Terms) { t.Provider.Country = "XX" },
		"currency":                   func(t *Terms) { t.Currency = Currency{} },
		"suspend_after_demands":      func(t *Terms) { t.SuspendAfterDemands = -1 },
		"terminate_after_demands":    func(t *Terms) { t.TerminateAfterDemands = -1 },
		"service_window_notice":      func(t *Terms) { t.ServiceWindowNotice = -1 },
		"emergency_notice":           func(t *Terms) { t.EmergencyNotice = -1 },
		"breach_notice":              func(t *Terms) { t.BreachNotice = -1 },
		"liability_total_months":     func(t *Terms) { t.LiabilityTotalMonths = -1 },
		"liability_per_event_months": func(t *Terms) { t.LiabilityPerEventMonths = -1 },
		"law":                        func(t *Terms) { t.Law = "XX" },
		"venue":                      func(t *Terms) { t.Venue = strings.Repeat("x", 201) },
	}
	// Every tagged field is in the table, so a new tag cannot slip past
	// the fast path.
	for _, path := range taggedPaths(reflect.TypeFor[Terms](), "") {
		if _, ok := broken[path]; !ok {
			t.Errorf("tagged field %s has no broken value in this test", path)
		}
	}
	for path, breakIt := range broken {
		terms := OpenDIMSTerms()
		breakIt(&terms)
		var ps Problems
		ps.Check("", terms)
		if ps.Len() == 0 {
			t.Errorf("%s: the broken value breaks no tag", path)
		}
		if terms.tagsSurelyHold() {
			t.Errorf("%s: tagsSurelyHold() = true for terms that break %v", path, ps.List())
		}
		if err := terms.Validate(); err == nil {
			t.Errorf("%s: Validate() = nil", path)
		}
	}
}

// taggedPaths lists the JSON paths of the fields of typ, and of its
// struct fields, that carry a validate tag other than "-".
func taggedPaths(typ reflect.Type, prefix string) []string {
	var out []string
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		tag := f.Tag.Get("validate")
		switch {
		case tag == "-" || !f.IsExported():
		case tag != "":
			out = append(out, prefix+name)
		case f.Type.Kind() == reflect.Struct && f.Type.PkgPath() == typ.PkgPath():
			out = append(out, taggedPaths(f.Type, prefix+name+".")...)
		}
	}
	return out
}
