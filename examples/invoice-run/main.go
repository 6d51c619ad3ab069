// Command invoice-run is a month-end billing run on the OpenDIMS terms: it
// renews the subscriptions, invoices what was charged (25 % Danish VAT, reverse
// charge for an EU business, a launch discount as an allowance line), writes the
// Danish invoice and the credit note as Peppol e-invoices, corrects an overdue
// invoice with a credit note, and follows it up with interest on the corrected
// balance, demands for payment, the suspension decision and the customer's
// statement of account, each with its citations.
//
//	go run ./examples/invoice-run
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/billing/peppol"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

var (
	seller  = contract.Party{Name: "OpenDIMS ApS", CVR: "43782495", Address: "Rømersvej 4, 7430 Ikast", Country: "DK"}
	webshop = contract.Party{Name: "Webshop A/S", CVR: "12345674", Address: "Vestergade 1, 8000 Aarhus C", Country: "DK"}
	retail  = contract.Party{Name: "Nordic Retail GmbH", VATID: "DE123456789", Address: "Hafenstraße 7, 20457 Hamburg", Country: "DE"}
	startup = contract.Party{Name: "Start-up ApS", Address: "Nørregade 2, 7430 Ikast", Country: "DK"}
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "invoice-run:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	terms := contract.OpenDIMSTerms()
	counter, runDay := terms.Counter, contract.MustDate(2026, 1, 31) // the terms' counter: Reg. 1182/71, Danish holidays

	vat, err := contract.EUVATRates().Rate("DK", runDay) // 25 %, momsloven § 33
	if err != nil {
		return err
	}
	basic := billing.Plan{ID: "basic-monthly", Kind: billing.Functionality, Cycle: billing.Monthly,
		Price: contract.MustParseMoney("249.00", currency.DKK), Values: 250_000}
	pro := billing.Plan{ID: "pro-annual", Kind: billing.Functionality, Cycle: billing.Annual,
		Price: contract.MustParseMoney("4990.00", currency.DKK), Values: 1_000_000}
	launch := basic // 20 % off the first three months, shown as an allowance line
	launch.ID = "basic-launch"
	launch.Discount = &billing.Discount{ID: "launch-20", Percent: contract.MustDec("0.20"), Duration: billing.Repeating, Cycles: 3}
	number, prevRun := 41, contract.MustDate(2025, 12, 31) // as the last run left them
	var einvoice billing.Invoice                           // the first Danish invoice, sent by Peppol
	customers := []struct {
		party    contract.Party
		plan     billing.Plan
		accepted contract.Date
		vat      billing.VATTreatment
	}{
		{webshop, basic, contract.MustDate(2025, 10, 31), billing.DomesticVAT},  // billed on the 31st or the month's last day
		{retail, pro, contract.MustDate(2025, 1, 31), billing.ReverseCharge},    // EU business: the buyer accounts for VAT
		{startup, launch, contract.MustDate(2025, 12, 15), billing.DomesticVAT}, // in its launch discount
	}
	var webshopInvoices []billing.Invoice
	fmt.Fprintf(w, "Month-end run %s (%s)\n\n", runDay, runDay.Weekday())
	for i, c := range customers {
		sub, _, err := billing.Subscribe(fmt.Sprintf("sub-%d", i+1), c.plan, c.accepted)
		if err != nil {
			return err
		}
		if sub, _, err = sub.Renew(prevRun); err != nil {
			return err
		}
		sub, events, err := sub.Renew(runDay)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s  %s, anchored %s, billed on", sub.ID, c.plan.ID, sub.Anchor)
		for n := range sub.Period + 3 {
			start, _ := sub.Bounds(n)
			fmt.Fprint(w, " ", start)
		}
		fmt.Fprintln(w, " ...")
		for _, e := range events {
			fmt.Fprintf(w, "  %-8s %s %s %s (%s)\n", e.Kind, e.Date, e.Plan, amount(e.Amount), cites(e.Citations))
			if e.Kind != billing.Charged {
				continue
			}
			number++
			in := billing.InvoiceInput{
				Number: fmt.Sprintf("2026-%04d", number), Issued: runDay,
				SupplyFrom: e.PeriodStart, SupplyTo: e.PeriodEnd.AddDays(-1),
				Seller: seller, Buyer: c.party, Treatment: c.vat,
				Lines: []billing.Line{e.Line("PIM subscription "+e.Plan, vat)},
			}
			if a, ok := e.Allowance("Launch offer 20 %", 1); ok { // a discount is an allowance, not a negative price
				in.Allowances = []billing.Allowance{a}
			}
			inv, err := billing.NewInvoice(in, counter)
			if err != nil {
				return err
			}
			printInvoice(w, "invoice", inv)
			if c.vat == billing.DomesticVAT && einvoice.Number == "" {
				einvoice = inv
			}
			if c.party == webshop {
				webshopInvoices = append(webshopInvoices, inv)
			}
		}
	}
	if err := writePeppol(w, einvoice); err != nil {
		return err
	}
	late, err := billing.NewInvoice(billing.InvoiceInput{Number: "2025-0388", Issued: contract.MustDate(2025, 11, 14), // unpaid
		Seller: seller, Buyer: webshop, Treatment: billing.DomesticVAT,
		Lines: []billing.Line{{Description: "Integration set-up (hours)", Quantity: contract.Dec(decimal.NewFromInt(6)),
			UnitPrice: contract.MustParseMoney("950.00", currency.DKK), VATRate: contract.Dec(vat)}}}, counter)
	if err != nil {
		return err
	}
	printInvoice(w, "OVERDUE invoice", late)
	// Six hours were invoiced and five worked: a credit note for the error,
	// referring to the invoice by number and date (momsbekendtgørelsen
	// § 58, stk. 2). It lowers the debt from the due date.
	note, err := billing.NewCreditNote(late, nil, billing.CreditNoteInput{Number: "2025-0391", Issued: contract.MustDate(2025, 11, 20),
		Reason: billing.CreditError, Lines: []billing.CreditLine{{Line: 1, Quantity: contract.MustDec("1")}}})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  credit note %s for invoice %s of %s (%s), refund owed: %v\n", note.Number, note.Invoice, note.InvoiceIssued,
		note.Reason, note.Refund.Allowed)
	for _, l := range note.Lines {
		fmt.Fprintf(w, "    line %d %-27s %5s x %9s = %9s  VAT %8s\n", l.Ref, l.Description, l.Quantity, l.UnitPrice.Text(),
			l.Net.Text(), l.VAT.Text())
	}
	fmt.Fprintf(w, "    credited net %s  VAT %s  total %s (%s)\n", note.Net.Text(), note.VAT.Text(), note.Total, cites(note.Citations))
	balance, err := late.Balance(note)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "    invoice balance %s\n\n", balance)
	debt, err := late.CorrectedDebt(billing.Business, note)
	if err != nil {
		return err
	}
	st, err := billing.InterestRulesFor(terms).Interest(debt, runDay)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "  "+strings.ReplaceAll(strings.TrimSpace(st.String()), "\n", "\n  "))

	rules := billing.DemandRulesFor(terms)
	col := billing.Collection{Invoice: late.Number, Debt: debt}
	for _, on := range []contract.Date{contract.MustDate(2025, 12, 18), contract.MustDate(2025, 12, 24), contract.MustDate(2026, 1, 5)} {
		next, out, err := rules.Send(col, on, contract.MustParseMoney("100.00", currency.DKK))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  demand %s: %v\n", on, out.Demand)
		if out.Demand.Allowed {
			fmt.Fprintf(w, "    fee: %v\n      (da: %s)\n    compensation: %v\n", out.Fee, out.Fee.Reason.In(language.Danish), out.Compensation)
		}
		col = next
	}
	fees, err := col.Fees()
	if err != nil {
		return err
	}
	owed := debt.Amount
	for _, m := range []contract.Money{st.Total, fees, col.Compensation} {
		if owed, err = owed.Add(m); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "  owed on %s: %s + interest %s + fees %s + compensation %s = %s (%s)\n", runDay, debt.Amount.Text(),
		st.Total.Text(), fees.Text(), col.Compensation.Text(), owed, owed.Format(language.Danish))
	suspend, terminate, err := rules.Remedies(col, runDay)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  suspend: %v, 2nd demand unpaid since %s: %v\n  terminate: %v: %v\n",
		suspend.Allowed, suspend.From, suspend, terminate.Allowed, terminate)

	// The customer's statement of account: a part payment on 2026-01-20
	// settles the oldest invoice first.
	acct, err := billing.StatementOfAccount(billing.StatementInput{Customer: billing.Business,
		Invoices: append([]billing.Invoice{late}, webshopInvoices...), CreditNotes: []billing.CreditNote{note},
		Payments: []billing.AccountPayment{{ID: "bank-7731", Date: contract.MustDate(2026, 1, 20),
			Amount: contract.MustParseMoney("2000.00", currency.DKK)}},
		Collections: []billing.Collection{col}}, billing.InterestRulesFor(terms), runDay)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nStatement of account, %s, at %s\n  (%s)\n", webshop.Name, acct.At, acct.Rule)
	for _, l := range acct.Lines {
		fmt.Fprintf(w, "  %s %-12s %-10s %-10s %10s  (%s)\n", l.Date, l.Kind, l.Invoice, l.Ref, l.Amount.Text(), cites(l.Citations))
	}
	for _, a := range acct.Allocations {
		fmt.Fprintf(w, "  allocated %s of %s to %s\n", a.Amount.Text(), a.Payment, a.Invoice)
	}
	fmt.Fprintf(w, "  principal %s + interest %s + fees %s + compensation %s - credit %s = owed %s\n", acct.Principal.Text(),
		acct.Interest.Text(), acct.Fees.Text(), acct.Compensation.Text(), acct.CreditBalance.Text(), acct.Total)
	return nil
}

// writePeppol writes inv as a Peppol BIS Billing 3.0 e-invoice (UBL 2.1),
// payable by SEPA credit transfer, as an access point would send it.
func writePeppol(w io.Writer, inv billing.Invoice) error {
	doc, err := peppol.FromInvoice(inv, peppol.Settings{UnitCode: "MON", PaymentMeans: []peppol.PaymentMeans{{Code: "58",
		Account: peppol.FinancialAccount{ID: "DK5000400440116243", Name: seller.Name}}}})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Peppol e-invoice %s (BIS Billing 3.0, UBL 2.1):\n", doc.ID)
	if err := peppol.Write(w, doc); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return nil
}

func printInvoice(w io.Writer, label string, inv billing.Invoice) {
	fmt.Fprintf(w, "  %s %s to %s (%s), issued %s, due %s\n", label, inv.Number, inv.Buyer.Name, inv.Treatment, inv.Issued, inv.DueDeadline)
	for _, l := range inv.Lines {
		fmt.Fprintf(w, "    %-34s %5s x %9s = %9s  VAT %8s\n", l.Description, l.Quantity, l.UnitPrice.Text(),
			l.Net.Text(), l.VAT.Text())
	}
	for _, a := range inv.Allowances {
		fmt.Fprintf(w, "    %-34s on line %d           = %9s  VAT %8s\n", "- "+a.Description, a.Line, "-"+a.Net.Text(), "-"+a.VAT.Text())
	}
	fmt.Fprintf(w, "    net %s  VAT %s  total %s\n", inv.Net.Text(), inv.VAT.Text(), inv.Total)
	if inv.Notice != "" {
		fmt.Fprintf(w, "    notice: %s\n", inv.Notice)
	}
	fmt.Fprintf(w, "    (%s)\n\n", cites(inv.Citations))
}

// amount renders an event's amount, "-" for events that carry none.
func amount(m contract.Money) string {
	if m.IsZero() {
		return "-"
	}
	return m.String()
}

func cites(cs []contract.Citation) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.String()
	}
	return strings.Join(s, "; ")
}
