package billing

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// TestTaggedTypes checks, for each configuration type a host fills in,
// that a field breaking its validate tag comes back as a problem at the
// field's JSON path with the tag's rule, inside a *contract.ValidationError
// wrapping ErrInvalid.
func TestTaggedTypes(t *testing.T) {
	okDebt := Debt{Amount: dkk("100.00"), Due: day("2025-03-01"), Customer: Business}
	okLine := Line{Description: "PIM subscription", Quantity: contract.Dec(dec("1")), UnitPrice: dkk("24.95"), VATRate: contract.Dec(vatDK)}
	tests := []struct {
		typ, path, rule string
		err             func() error
	}{
		{"Plan", "id", "required", func() error { return Plan{Kind: Free}.Validate() }},
		{"Plan", "overdraft", "gte", func() error { return Plan{ID: "p", Kind: Free, Overdraft: -1}.Validate() }},
		{"Debt", "amount", "required", func() error { d := okDebt; d.Amount = contract.Money{}; return d.Validate() }},
		{"Debt", "customer", "required", func() error { d := okDebt; d.Customer = 0; return d.Validate() }},
		{"Payment", "payments[0].date", "required", func() error {
			d := okDebt
			d.Payments = []Payment{{Amount: dkk("1.00")}}
			return d.Validate()
		}},
		{"Payment", "payments[0].amount", "required", func() error {
			d := okDebt
			d.Payments = []Payment{{Date: day("2025-03-05")}}
			return d.Validate()
		}},
		{"InterestRules", "monthly_rate", "dlte", func() error { return InterestRules{MonthlyRate: contract.Dec(dec("1.5"))}.Validate() }},
		{"InterestRules via Interest", "rules.monthly_rate", "dgte", func() error {
			_, err := InterestRules{MonthlyRate: contract.Dec(dec("-0.02"))}.Interest(okDebt, day("2025-04-01"))
			return err
		}},
		{"StatutoryRate", "rates[0].from", "required", func() error {
			_, err := RateTable{}.With(StatutoryRate{Reference: contract.Dec(dec("0.01")), Surcharge: contract.Dec(dec("0.08"))})
			return err
		}},
		{"StatutoryRate", "rates[1].surcharge", "dlte", func() error {
			_, err := RateTable{}.With(StatutoryRate{From: day("2026-01-01"), Reference: contract.Dec(dec("0.01")), Surcharge: contract.Dec(dec("0.08"))},
				StatutoryRate{From: day("2026-07-01"), Reference: contract.Dec(dec("0.01")), Surcharge: contract.Dec(dec("8"))})
			return err
		}},
		{"InvoiceInput", "number", "required", func() error {
			in := input(okLine)
			in.Number = ""
			_, err := NewInvoice(in, contract.Counter{})
			return err
		}},
		{"InvoiceInput", "vat_treatment", "required", func() error {
			in := input(okLine)
			in.Treatment = 0
			_, err := NewInvoice(in, contract.Counter{})
			return err
		}},
		{"InvoiceInput", "lines", "min", func() error { _, err := NewInvoice(input(), contract.Counter{}); return err }},
		{"Line", "lines[0].description", "required", func() error {
			l := okLine
			l.Description = ""
			_, err := NewInvoice(input(l), contract.Counter{})
			return err
		}},
		{"Line", "lines[0].vat_rate", "dlte", func() error {
			l := okLine
			l.VATRate = contract.Dec(dec("25"))
			_, err := NewInvoice(input(l), contract.Counter{})
			return err
		}},
		{"InvoiceParty", "buyer.address", "required", func() error {
			in := input(okLine)
			in.Buyer.Address = ""
			_, err := NewInvoice(in, contract.Counter{})
			return err
		}},
		{"InvoiceParty", "seller.cvr", "cvr", func() error {
			in := input(okLine)
			in.Seller.CVR = "43782494"
			_, err := NewInvoice(in, contract.Counter{})
			return err
		}},
		{"InvoiceParty", "buyer.country", "uppercase", func() error {
			in := input(okLine)
			in.Buyer.Country = "dk"
			_, err := NewInvoice(in, contract.Counter{})
			return err
		}},
		{"DemandRules", "rules.max_fees", "gte", func() error {
			r := DemandRulesFor(contract.OpenDIMSTerms())
			r.MaxFees = -1
			_, _, err := r.Send(Collection{Debt: okDebt}, day("2025-03-05"), contract.Money{})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.typ+" "+tt.path, func(t *testing.T) {
			err := tt.err()
			var ve *contract.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("error = %v, want a *contract.ValidationError wrapping ErrInvalid", err)
			}
			if !ve.Has(tt.path, tt.rule) {
				t.Errorf("error %v has no problem %s %s", err, tt.path, tt.rule)
			}
		})
	}
}

// TestCheapChecksAgreeWithTags: the checks that let valid input skip the
// validator (interest on a debt, a new invoice) reject exactly what the
// validate tags and the rules between fields reject, over many inputs with
// one or two fields broken at random.
func TestCheapChecksAgreeWithTags(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 13))
	breakDebt := []func(*Debt, *InterestRules){
		func(d *Debt, _ *InterestRules) { d.Amount = contract.Money{} },
		func(d *Debt, _ *InterestRules) { d.Amount = dkk("-1") },
		func(d *Debt, _ *InterestRules) { d.Amount = contract.NewMoney(dec("1.005"), currency.DKK) },
		func(d *Debt, _ *InterestRules) { d.Amount = contract.NewMoney(dec("5"), currency.Unit{}) },
		func(d *Debt, _ *InterestRules) { d.Customer = 0 },
		func(d *Debt, _ *InterestRules) { d.Customer = 9 },
		func(d *Debt, _ *InterestRules) { d.Due, d.Sent = contract.Date{}, contract.Date{} },
		func(d *Debt, _ *InterestRules) { d.Payments = []Payment{{Amount: dkk("1")}} },
		func(d *Debt, _ *InterestRules) { d.Payments = []Payment{{Date: day("2025-03-05")}} },
		func(d *Debt, _ *InterestRules) {
			d.Payments = []Payment{{Date: day("2025-03-05"), Amount: contract.MustParseMoney("1", currency.EUR)}}
		},
		func(d *Debt, _ *InterestRules) { d.Payments = []Payment{{Date: day("2025-03-05"), Amount: dkk("-1")}} },
		func(_ *Debt, ir *InterestRules) { ir.MonthlyRate = contract.Dec(dec("-0.01")) },
		func(_ *Debt, ir *InterestRules) { ir.MonthlyRate = contract.Dec(dec("1.01")) },
		func(_ *Debt, ir *InterestRules) { ir.MonthlyRate = contract.Dec(dec("0.000000001")) },
		func(_ *Debt, ir *InterestRules) { ir.DayCount = 7 },
	}
	for n := 0; n < 500; n++ {
		d := Debt{Amount: dkk("100.00"), Due: day("2025-03-01"), Customer: Business,
			Payments: []Payment{{Date: day("2025-03-10"), Amount: dkk("10.00")}}}
		ir := InterestRules{MonthlyRate: contract.Dec(dec("0.02"))}
		for k := r.IntN(3); k > 0; k-- {
			breakDebt[r.IntN(len(breakDebt))](&d, &ir)
		}
		_, err := ir.Interest(d, day("2025-04-01"))
		full := errors.Join(d.Validate(), ir.Validate())
		if (err != nil) != (full != nil) {
			t.Fatalf("Interest(%+v, %+v) error = %v, but Validate = %v", d, ir, err, full)
		}
	}
	breakInvoice := []func(*InvoiceInput){
		func(in *InvoiceInput) { in.Number = "" },
		func(in *InvoiceInput) { in.Issued = contract.Date{} },
		func(in *InvoiceInput) { in.Treatment = 0 },
		func(in *InvoiceInput) { in.Lines = nil },
		func(in *InvoiceInput) {
			if len(in.Lines) > 0 {
				in.Lines[0].Description = ""
			}
		},
		func(in *InvoiceInput) {
			if len(in.Lines) > 0 {
				in.Lines[0].Quantity = contract.Dec(dec("-1"))
			}
		},
		func(in *InvoiceInput) {
			if len(in.Lines) > 0 {
				in.Lines[0].UnitPrice = contract.Money{}
			}
		},
		func(in *InvoiceInput) {
			if len(in.Lines) > 0 {
				in.Lines[0].VATRate = contract.Dec(dec("1.0000000001"))
			}
		},
		func(in *InvoiceInput) {
			if len(in.Lines) > 0 {
				in.Lines[0].VATRate = contract.Dec(dec("-0.25"))
			}
		},
		func(in *InvoiceInput) { in.Seller.Name = "" },
		func(in *InvoiceInput) { in.Buyer.Address = "" },
		func(in *InvoiceInput) { in.Seller.CVR = "12345678" },
		func(in *InvoiceInput) { in.Buyer.VATID = "de123" },
		func(in *InvoiceInput) { in.Buyer.Country = "dk" },
	}
	for n := 0; n < 500; n++ {
		in := input(Line{Description: "x", Quantity: contract.Dec(dec("1")), UnitPrice: dkk("10.00"), VATRate: contract.Dec(vatDK)})
		in.Lines = append([]Line(nil), in.Lines...)
		for k := r.IntN(3); k > 0; k-- {
			breakInvoice[r.IntN(len(breakInvoice))](&in)
		}
		var ps contract.Problems
		ps.Check("", in)
		ps.Check("seller", PartyRules(in.Seller))
		ps.Check("buyer", PartyRules(in.Buyer))
		if got, want := tagsBroken(&in), ps.Len() > 0; got != want {
			t.Fatalf("tagsBroken(%+v) = %v, validator found %v", in, got, ps.List())
		}
	}
}
