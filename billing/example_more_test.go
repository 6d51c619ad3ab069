package billing_test

import (
	"errors"
	"fmt"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

var (
	opendims = contract.Party{Name: "OpenDIMS ApS", CVR: "43782495", Address: "Rømersvej 4, 7430 Ikast", Country: "DK"}
	webshop  = contract.Party{Name: "Webshop A/S", Address: "Vestergade 1, 8000 Aarhus C", Country: "DK"}
)

// An invoice of five licences, two of them credited for an error: the
// credit note names the invoice by number and date (momsbekendtgørelsen
// § 58, stk. 2) and carries its own VAT summary.
func ExampleNewCreditNote() {
	inv, err := billing.NewInvoice(billing.InvoiceInput{Number: "2026-0001", Issued: d("2026-01-29"),
		Seller: opendims, Buyer: webshop, Treatment: billing.DomesticVAT,
		Lines: []billing.Line{{Description: "PIM licence", Quantity: contract.MustDec("5"), UnitPrice: dkk("100.00"),
			VATRate: contract.MustDec("0.25")}}}, contract.Counter{})
	if err != nil {
		fmt.Println(err)
		return
	}
	note, err := billing.NewCreditNote(inv, nil, billing.CreditNoteInput{Number: "2026-0002", Issued: d("2026-02-02"),
		Reason: billing.CreditError, Lines: []billing.CreditLine{{Line: 1, Quantity: contract.MustDec("2")}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	balance, _ := inv.Balance(note)
	fmt.Printf("credit note %s for invoice %s of %s: net %s VAT %s total %s\n", note.Number, note.Invoice,
		note.InvoiceIssued, note.Net.Text(), note.VAT.Text(), note.Total)
	fmt.Printf("VAT summary %s%%: %s + %s; invoice balance %s\n", note.VATSummary[0].Rate.Decimal().Shift(2),
		note.VATSummary[0].Net.Text(), note.VATSummary[0].VAT.Text(), balance)

	// Credit for the unused months of a paid period is refused (terms 19.4).
	_, err = billing.NewCreditNote(inv, []billing.CreditNote{note}, billing.CreditNoteInput{Number: "2026-0003",
		Issued: d("2026-02-10"), Reason: billing.CreditUnusedTime})
	fmt.Println(errors.Is(err, billing.ErrInvalid), billing.RefundOwed(billing.CreditUnusedTime).Reason)
	// Output:
	// credit note 2026-0002 for invoice 2026-0001 of 2026-01-29: net 200.00 VAT 50.00 total 250.00 DKK
	// VAT summary 25%: 200.00 + 50.00; invoice balance 375.00 DKK
	// true no refund or credit is given for the unused part of a paid period
}

// A discount is an allowance line, never a negative price: 20 % off a
// line of 249.00 DKK at 25 % is 49.80 with VAT 12.45, each rounded, then
// summed.
func ExampleAllowance() {
	inv, err := billing.NewInvoice(billing.InvoiceInput{Number: "2026-0004", Issued: d("2026-01-29"),
		Seller: opendims, Buyer: webshop, Treatment: billing.DomesticVAT,
		Lines: []billing.Line{{Description: "PIM subscription", Quantity: contract.MustDec("1"), UnitPrice: dkk("249.00"),
			VATRate: contract.MustDec("0.25")}},
		Allowances: []billing.Allowance{{Description: "Launch offer 20 %", Line: 1, Percent: contract.MustDec("0.20")}}},
		contract.Counter{})
	if err != nil {
		fmt.Println(err)
		return
	}
	a := inv.Allowances[0]
	fmt.Printf("allowance %s VAT %s; net %s VAT %s total %s\n", a.Net.Text(), a.VAT.Text(), inv.Net.Text(), inv.VAT.Text(), inv.Total)
	// Output:
	// allowance 49.80 VAT 12.45; net 199.20 VAT 49.80 total 249.00 DKK
}

// A 14-day trial: nothing charged until it ends, a notice three days
// before, then conversion to the paid plan.
func ExamplePlan_trial() {
	p := billing.Plan{ID: "basic", Kind: billing.Functionality, Cycle: billing.Monthly, Price: dkk("249.00"),
		Trial: &billing.Trial{Length: contract.Days(14), NoticeDays: 3}}
	sub, events, err := billing.Subscribe("sub-1", p, d("2025-03-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range events {
		fmt.Println(e.Kind, e.Date)
	}
	_, events, _ = sub.Renew(d("2025-03-15"))
	for _, e := range events {
		fmt.Println(e.Kind, e.Date, e.PeriodStart, e.PeriodEnd)
	}
	// Output:
	// created 2025-03-01
	// trial_started 2025-03-01
	// trial_ending 2025-03-12
	// trial_converted 2025-03-15 2025-03-15 2025-04-15
	// charged 2025-03-15 2025-03-15 2025-04-15
}

// A plan with 20 % off its first two months: the full price is charged
// with the discount beside it, to be invoiced as an allowance.
func ExampleDiscount() {
	p := billing.Plan{ID: "basic", Kind: billing.Functionality, Cycle: billing.Monthly, Price: dkk("249.00"),
		Discount: &billing.Discount{ID: "launch-20", Percent: contract.MustDec("0.20"), Duration: billing.Repeating, Cycles: 2}}
	sub, events, _ := billing.Subscribe("sub-1", p, d("2025-01-01"))
	for _, on := range []string{"2025-02-01", "2025-03-01"} {
		var more []billing.Event
		sub, more, _ = sub.Renew(d(on))
		events = append(events, more...)
	}
	for _, e := range events {
		if e.Kind == billing.Charged && e.Discount.IsPositive() {
			fmt.Println(e.Date, e.Amount.Text(), "less", e.Discount.Text())
		} else if e.Kind == billing.Charged {
			fmt.Println(e.Date, e.Amount.Text(), "in full")
		}
	}
	// Output:
	// 2025-01-01 249.00 less 49.80
	// 2025-02-01 249.00 less 49.80
	// 2025-03-01 249.00 in full
}

// The compensation of renteloven § 9 a, stk. 3 on a late EUR debt, with no
// demand sent: 310.00 DKK at the host's rate of 0.1340 EUR per DKK.
func ExampleDemandRules_Compensate() {
	rules := billing.DemandRulesFor(contract.OpenDIMSTerms())
	c := billing.Collection{Invoice: "2025-0043", Debt: billing.Debt{Amount: contract.MustParseMoney("1250.00", currency.EUR),
		Due: d("2025-03-01"), Customer: billing.Business}}
	c, dec, err := rules.Compensate(c, d("2025-03-02"), contract.MustDec("0.1340"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(dec.Allowed, c.Compensation, dec.Citations)
	// Output:
	// true 41.54 EUR [renteloven § 9 a, stk. 3 renteloven § 9 a, stk. 4 Directive 2011/7/EU Art. 6]
}

// Two invoices and a payment nine days after the first was due that
// designates neither: the oldest is settled first and the rest goes to
// the next; the first carries interest for the nine days (terms 12.3: 2 %
// a month, 1,000.00 x 9/30 x 2 % = 6.00).
func ExampleStatementOfAccount() {
	mk := func(number, issued, due, total string) billing.Invoice {
		inv, _ := billing.NewInvoice(billing.InvoiceInput{Number: number, Issued: d(issued), Due: d(due),
			Seller: opendims, Buyer: webshop, Treatment: billing.DomesticVAT,
			Lines: []billing.Line{{Description: "PIM subscription", Quantity: contract.MustDec("1"), UnitPrice: dkk(total),
				VATRate: contract.MustDec("0")}}}, contract.Counter{})
		return inv
	}
	st, err := billing.StatementOfAccount(billing.StatementInput{Customer: billing.Business,
		Invoices: []billing.Invoice{mk("2025-0001", "2025-02-01", "2025-03-01", "1000.00"), mk("2025-0002", "2025-03-02", "2025-04-01", "500.00")},
		Payments: []billing.AccountPayment{{ID: "bank-1", Date: d("2025-03-10"), Amount: dkk("1200.00")}}},
		billing.InterestRulesFor(contract.OpenDIMSTerms()), d("2025-03-10"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range st.Allocations {
		fmt.Println(a.Payment, a.Invoice, a.Amount.Text())
	}
	fmt.Println("principal", st.Principal.Text(), "interest", st.Interest.Text(), "owed", st.Total)
	// Output:
	// bank-1 2025-0001 1000.00
	// bank-1 2025-0002 200.00
	// principal 300.00 interest 6.00 owed 306.00 DKK
}
