package main

import (
	"fmt"
	"time"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

var (
	shop = contract.Party{Name: "Nordlys Webshop ApS", CVR: "12345674",
		Address: "Vestergade 1, 8000 Aarhus C", Country: "DK"}
	accepted = contract.MustDate(2026, 1, 30) // a Friday
)

// billing concludes the agreement, subscribes the webshop to an annual plan
// and a credit plan, issues the first invoice, and follows a late invoice
// through interest, demands and suspension.
func (t *tour) billing() error {
	t.terms = contract.OpenDIMSTerms()
	a, err := contract.Conclude(contract.AgreementSpec{
		Kind: contract.SelfServe, Customer: shop, Concluded: accepted, Terms: t.terms,
	})
	if err != nil {
		return err
	}
	t.agreement = a
	t.say("%s accepted the OpenDIMS terms on %s (%s); prices in %s excl. VAT, payment within %d days",
		shop.Name, a.Concluded, a.Kind, a.Terms.Currency, a.Terms.PaymentTerm.Days)

	annual := billing.Plan{ID: "pro-annual", Kind: billing.Functionality, Cycle: billing.Annual,
		Price: contract.MustParseMoney("2995.00", currency.DKK), Values: 500_000}
	sub, events, err := billing.Subscribe("sub-nordlys", annual, accepted)
	if err != nil {
		return err
	}
	start, end := sub.Current()
	t.say("annual plan %s: period %s to %s, charged in advance on the day it starts", annual.ID, start, end.AddDays(-1))

	var charged billing.Event
	for _, e := range events {
		if e.Kind == billing.Charged {
			charged = e
		}
	}
	vat, err := contract.EUVATRates().Rate("DK", accepted) // 25 %, momsloven § 33
	if err != nil {
		return err
	}
	inv, err := billing.NewInvoice(billing.InvoiceInput{
		Number: "2026-0001", Issued: accepted,
		SupplyFrom: charged.PeriodStart, SupplyTo: charged.PeriodEnd.AddDays(-1),
		Seller: t.terms.Provider, Buyer: shop, Treatment: billing.DomesticVAT,
		Lines: []billing.Line{charged.Line("OpenDIMS Pro, 12 months", vat)},
	}, a.Terms.Counter)
	if err != nil {
		return err
	}
	t.say("invoice %s: net %s + VAT 25 %% %s = %s (%s)", inv.Number, inv.Net.Text(),
		inv.VAT.Text(), inv.Total, inv.Total.Format(language.Danish))
	due := inv.DueDeadline
	t.say("due %s %s: %d days after receipt end on %s %s, and a deadline to pay rolls to the next working day",
		due.Date.Weekday(), due.Date, due.Period.Days, due.Raw.Weekday(), due.Raw)
	if err := t.peppolInvoice(inv); err != nil {
		return err
	}

	credits := billing.Plan{ID: "credits-500", Kind: billing.CreditBased, Cycle: billing.Monthly,
		Price: contract.MustParseMoney("199.00", currency.DKK), Credits: 500,
		Discount: &billing.Discount{ID: "first-month-half", Percent: contract.MustDec("0.5"), Duration: billing.Once}}
	csub, cevents, err := billing.Subscribe("sub-nordlys-credits", credits, accepted)
	if err != nil {
		return err
	}
	var creditInv billing.Invoice
	for _, e := range cevents {
		if al, ok := e.Allowance("First month half price", 1); ok && e.Kind == billing.Charged {
			cinv, err := billing.NewInvoice(billing.InvoiceInput{Number: "2026-0002", Issued: accepted,
				Seller: t.terms.Provider, Buyer: shop, Treatment: billing.DomesticVAT,
				Lines: []billing.Line{e.Line("OpenDIMS credits, 500 a month", vat)}, Allowances: []billing.Allowance{al}}, a.Terms.Counter)
			if err != nil {
				return err
			}
			t.say("credit plan invoice %s: %s less the allowance %s (VAT %s), net %s + VAT %s = %s -- a discount is its own line, never a negative price",
				cinv.Number, cinv.Lines[0].Net.Text(), cinv.Allowances[0].Net.Text(), cinv.Allowances[0].VAT.Text(),
				cinv.Net.Text(), cinv.VAT.Text(), cinv.Total)
			creditInv = cinv
		}
	}
	if _, err := billing.NewCreditNote(inv, nil, billing.CreditNoteInput{Number: "2026-0003", Issued: accepted.AddDays(40),
		Reason: billing.CreditUnusedTime}); err != nil {
		t.explain("a credit note for the unused months after a downgrade", billing.RefundOwed(billing.CreditUnusedTime))
	}
	// An error on the invoice is always corrected by a credit note that
	// names the invoice by number and date (momsbekendtgørelsen § 58, stk. 2).
	note, err := billing.NewCreditNote(creditInv, nil, billing.CreditNoteInput{Number: "2026-0004", Issued: accepted.AddDays(3),
		Reason: billing.CreditError, Lines: []billing.CreditLine{{Line: 1, Quantity: contract.MustDec("1"),
			UnitPrice: contract.MustParseMoney("20.00", currency.DKK), Description: "price correction"}}})
	if err != nil {
		return err
	}
	balance, err := creditInv.Balance(note)
	if err != nil {
		return err
	}
	t.say("credit note %s corrects invoice %s of %s: net %s + VAT %s = %s credited; %s left to pay",
		note.Number, note.Invoice, note.InvoiceIssued, note.Net.Text(), note.VAT.Text(), note.Total, balance)
	ledger := billing.NewLedger(csub.Plan.Overdraft)
	at := time.Date(2026, 1, 30, 9, 0, 0, 0, time.UTC)
	for _, e := range cevents {
		if e.Kind == billing.Charged && e.Credits > 0 {
			if ledger, _, err = ledger.Post("grant-2026-01", at, billing.Grant, e.Credits, "monthly credits"); err != nil {
				return err
			}
		}
	}
	cost := billing.DefaultTariff().Orders(120, true)
	if ledger, _, err = ledger.Post("orders-2026-02-02", at.Add(72*time.Hour), billing.Transfer, cost, "120 orders to the ERP"); err != nil {
		return err
	}
	t.say("credit plan: 500 credits granted; 120 orders fetched and sent to the ERP cost %d credits; balance %d",
		cost, ledger.Balance())
	if _, _, err := ledger.Post("orders-bulk", at.Add(96*time.Hour), billing.Transfer, 1000, "bulk sync"); err != nil {
		t.say("a 1,000-credit bulk sync is refused and nothing is recorded: %v", err)
	}

	return t.lateInvoice(inv)
}

// lateInvoice follows the first invoice when it is not paid: the interest
// statement, the demands for payment and the suspension decision.
func (t *tour) lateInvoice(inv billing.Invoice) error {
	debt := inv.Debt(billing.Business)
	rules := billing.InterestRulesFor(t.terms)
	until := contract.MustDate(2026, 4, 15)
	st, err := rules.Interest(debt, until)
	if err != nil {
		return err
	}
	t.say("invoice %s is still unpaid on %s; interest at 2 %% a month from the due date:", inv.Number, until)
	for _, l := range st.Lines {
		t.say("  %s to %s: %s x %s %% a month x %d/%d = %s", l.From, l.To, l.Principal.Text(),
			l.Rate.Decimal().Shift(2).String(), l.Count, l.Per, l.Amount.Text())
	}
	t.say("  interest total %s", st.Total)

	demands := billing.DemandRulesFor(t.terms)
	c := billing.Collection{Invoice: inv.Number, Debt: debt}
	fee := contract.MustParseMoney("100.00", currency.DKK)
	for _, on := range []contract.Date{
		contract.MustDate(2026, 3, 9), contract.MustDate(2026, 3, 12), contract.MustDate(2026, 3, 19),
	} {
		next, out, err := demands.Send(c, on, fee)
		if err != nil {
			return err
		}
		t.explain(fmt.Sprintf("demand on %s", on), out.Demand)
		if out.Compensation.Allowed {
			t.explain("  compensation", out.Compensation)
		}
		c = next
	}
	suspend, _, err := demands.Remedies(c, contract.MustDate(2026, 3, 30))
	if err != nil {
		return err
	}
	t.explain("suspension on 2026-03-30", suspend)
	return nil
}
