package billing_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

func d(s string) contract.Date { return contract.MustParseDate(s) }

func amt(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func dkk(s string) contract.Money { return contract.MustParseMoney(s, currency.DKK) }

// The first year of a monthly subscription: created and charged on the
// day the terms are accepted, then renewed and charged in advance on the
// anchor day of each month -- the 31st, or the month's last day.
func ExampleSubscribe() {
	basic := billing.Plan{ID: "basic", Kind: billing.Functionality, Cycle: billing.Monthly,
		Price: dkk("24.95"), Values: 100_000}
	sub, events, err := billing.Subscribe("sub-1", basic, d("2025-01-31"))
	if err != nil {
		fmt.Println(err)
		return
	}
	more, err := func() ([]billing.Event, error) {
		s, evs, err := sub.Renew(d("2025-12-31"))
		sub = s
		return evs, err
	}()
	if err != nil {
		fmt.Println(err)
		return
	}
	var total contract.Money
	var days []string
	for _, e := range append(events, more...) {
		if e.Kind == billing.Charged {
			days = append(days, e.Date.String())
			total, _ = total.Add(e.Amount)
		}
	}
	fmt.Println(strings.Join(days, " "))
	fmt.Println("charged", total, "excl. VAT in", sub.Period+1, "periods;", total.Format(language.Danish))
	// Output:
	// 2025-01-31 2025-02-28 2025-03-31 2025-04-30 2025-05-31 2025-06-30 2025-07-31 2025-08-31 2025-09-30 2025-10-31 2025-11-30 2025-12-31
	// charged 299.40 DKK excl. VAT in 12 periods; 299,40 kr.
}

// An upgrade takes effect at once and charges the difference for the days
// left of the period; a cancellation (a switch to the free plan) waits for
// the period's end.
func ExampleSubscription_ChangePlan() {
	basic := billing.Plan{ID: "basic", Kind: billing.Functionality, Cycle: billing.Monthly, Price: dkk("24.95")}
	pro := billing.Plan{ID: "pro", Kind: billing.Functionality, Cycle: billing.Monthly, Price: dkk("49.90")}
	free := billing.Plan{ID: "free", Kind: billing.Free}
	sub, _, _ := billing.Subscribe("sub-1", basic, d("2025-01-01"))

	sub, evs, _ := sub.ChangePlan(pro, d("2025-01-23"))
	for _, e := range evs {
		fmt.Println(e.Kind, e.Date, e.Plan, e.Amount)
	}
	_, evs, _ = sub.ChangePlan(free, d("2025-01-25"))
	fmt.Println(evs[0].Kind, evs[0].Date, evs[0].Plan, evs[0].Citations)
	fmt.Println(evs[0].Reason.In(language.Danish))
	// Output:
	// upgraded 2025-01-23 pro 0.00 XXX
	// charged 2025-01-23 pro 7.24 DKK
	// change_scheduled 2025-02-01 free [terms 19.6 terms 19.4]
	// skiftet til abonnementet free får virkning ved udgangen af faktureringsperioden, den 2025-02-01
}

// A late invoice: its interest statement, demands with fees, the business
// compensation and, after unpaid demands, suspension and termination.
func ExampleInterestRules_Interest() {
	terms := contract.OpenDIMSTerms()
	debt := billing.Debt{Amount: dkk("10000.00"), Due: d("2025-03-01"),
		Customer: billing.Business, Payments: []billing.Payment{{Date: d("2025-03-16"), Amount: dkk("4000.00")}}}
	st, err := billing.InterestRulesFor(terms).Interest(debt, d("2025-04-15"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st)

	rules := billing.DemandRulesFor(terms)
	c := billing.Collection{Invoice: "2025-0042", Debt: debt}
	for _, on := range []string{"2025-03-10", "2025-03-15", "2025-03-20", "2025-03-30", "2025-04-09"} {
		next, out, err := rules.Send(c, d(on), dkk("100"))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(on, out.Demand.Allowed, out.Demand.Reason)
		if out.Demand.Allowed && !out.Fee.Allowed {
			fmt.Println("  fee:", out.Fee.Reason)
		}
		if out.Compensation.Allowed {
			fmt.Println("  kompensation:", out.Compensation.Reason.In(language.Danish))
		}
		c = next
	}
	fees, _ := c.Fees()
	fmt.Println("fees", fees, "compensation", c.Compensation)
	suspend, terminate, _ := rules.Remedies(c, d("2025-04-20"))
	fmt.Println(suspend.Allowed, suspend.Citations, terminate.Allowed, terminate.Citations)
	// Output:
	// interest 2025-03-01 .. 2025-04-15 (thirty_360), DKK
	// 2025-03-01 .. 2025-03-16   15 days     10000.00 x 2.00 %/month x 15/30 = 100.00
	// 2025-03-16 .. 2025-04-15   30 days      6000.00 x 2.00 %/month x 29/30 = 116.00
	// total 216.00 (terms 12.3)
	// 2025-03-10 true demand for payment may be sent on 2025-03-10
	//   kompensation: en erhvervskunde skylder en engangskompensation på 310,00 kr. for forsinket betaling
	// 2025-03-15 false a demand must come at least 10 days after the previous one, so not before 2025-03-20
	// 2025-03-20 true demand for payment may be sent on 2025-03-20
	// 2025-03-30 true demand for payment may be sent on 2025-03-30
	// 2025-04-09 true demand for payment may be sent on 2025-04-09
	//   fee: fees may be charged for at most 3 demands
	// fees 300.00 DKK compensation 310.00 DKK
	// true [terms 12.3] true [terms 17.3 terms 12.3]
}

// Statutory interest for a consumer: the agreed 2 % a month is capped at
// the statutory rate of each half-year (renteloven §§ 5, 7).
func ExampleInterestRules_Interest_consumer() {
	debt := billing.Debt{Amount: dkk("10000.00"), Due: d("2023-06-15"), Customer: billing.Consumer}
	rules := billing.InterestRulesFor(contract.OpenDIMSTerms())
	rules.DayCount = billing.ActualOver30
	st, _ := rules.Interest(debt, d("2023-07-15"))
	fmt.Println(st)
	// Output:
	// interest 2023-06-15 .. 2023-07-15 (actual_over_30), DKK
	// 2023-06-15 .. 2023-06-30   15 days     10000.00 x 9.90 %/year x 15/365 = 40.68
	// 2023-06-30 .. 2023-07-15   15 days     10000.00 x 11.25 %/year x 15/365 = 46.24
	// total 86.92 (capped at the statutory rate) (renteloven § 7; renteloven § 5; terms 12.3)
}

// The statutory rate table ends with the last half-year pimkit knows; a
// host adds newer rates.
func ExampleRateTable_With() {
	t := billing.DanishStatutoryRates()
	_, ok := t.At(d("2026-03-01"))
	fmt.Println(ok)
	t, err := t.With(billing.StatutoryRate{From: d("2026-01-01"), Reference: contract.Dec(amt("0.0175")), Surcharge: contract.Dec(amt("0.08"))})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, ok := t.At(d("2026-03-01"))
	fmt.Println(ok, r.Annual())
	// Output:
	// false
	// true 0.0975
}

// An invoice rounds each line, then sums; the due date is 30 days after
// receipt, rolled past the weekend. Bad input comes back as one
// *contract.ValidationError with every problem by JSON path and rule.
func ExampleNewInvoice() {
	vat, _ := contract.EUVATRates().Rate("DK", d("2026-01-29")) // 0.25, momsloven § 33
	inv, err := billing.NewInvoice(billing.InvoiceInput{
		Number: "2026-0001", Issued: d("2026-01-29"),
		Seller:    contract.Party{Name: "OpenDIMS ApS", CVR: "43782495", Address: "Rømersvej 4, 7430 Ikast"},
		Buyer:     contract.Party{Name: "Webshop A/S", Address: "Vestergade 1, 8000 Aarhus C"},
		Treatment: billing.DomesticVAT,
		Lines: []billing.Line{{Description: "PIM subscription, 12 months", Quantity: contract.Dec(amt("1")),
			UnitPrice: dkk("1234.56"), VATRate: contract.Dec(vat)}},
	}, contract.Counter{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(inv.Net, inv.VAT, inv.Total, inv.Due, inv.DueDeadline.Rolled())
	fmt.Println(inv.Total.Format(language.Danish))

	_, err = billing.NewInvoice(billing.InvoiceInput{Number: "2026-0002", Issued: d("2026-01-29"), Due: d("2026-01-01"),
		Treatment: billing.DomesticVAT}, contract.Counter{})
	var ve *contract.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("%s: %s\n", p, p.Message)
		}
	}
	// Output:
	// 1234.56 DKK 308.64 DKK 1543.20 DKK 2026-03-02 true
	// 1.543,20 kr.
	// lines: min(1): must be at least 1
	// seller.name: required: is required
	// seller.address: required: is required
	// buyer.name: required: is required
	// buyer.address: required: is required
	// due: gtefield(issued): must be at least issued
	// seller.cvr: required_without(vat_id): breaks rule required_without(vat_id)
}

// A credit-based plan's ledger: the plan's monthly credits granted with
// each charge, order transfers at 2 credits each (fetch + ERP), a refused
// overdraft and a replayed event that changes nothing.
func ExampleLedger_Post() {
	plan := billing.Plan{ID: "credits-10", Kind: billing.CreditBased, Cycle: billing.Monthly,
		Price: dkk("49.00"), Credits: 10}
	_, events, _ := billing.Subscribe("sub-9", plan, d("2025-03-01"))
	t0 := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	tariff := billing.DefaultTariff()
	l := billing.NewLedger(plan.Overdraft)
	for _, e := range events {
		if e.Credits > 0 {
			l, _, _ = l.Post("grant-"+e.Date.String(), t0, billing.Grant, e.Credits, "monthly credits")
		}
	}
	l, _, _ = l.Post("orders-1", t0.Add(time.Hour), billing.Transfer, tariff.Orders(4, true), "4 orders to ERP")
	_, _, err := l.Post("orders-2", t0.Add(2*time.Hour), billing.Transfer, tariff.Orders(2, true), "2 orders to ERP")
	fmt.Println(err, errors.Is(err, billing.ErrInsufficientCredits))
	l, _, _ = l.Post("orders-1", t0.Add(time.Hour), billing.Transfer, tariff.Orders(4, true), "4 orders to ERP")
	for _, e := range l.Entries() {
		fmt.Println(e.At.Format(time.Kitchen), e.Kind, e.Credits, e.Balance, e.Memo)
	}
	fmt.Println(l.BalanceAt(t0.Add(30 * time.Minute)))
	// Output:
	// billing: insufficient credits: debit 4 with balance 2 and overdraft 0 true
	// 9:00AM grant 10 10 monthly credits
	// 10:00AM transfer -8 2 4 orders to ERP
	// 10
}

// Values usage is counted with contract.Values and warned about with the
// one capacity rule of terms 7.2, contract.Capacity; when usage outgrows
// the plan, OverUse names the plan that fits (terms 19.2).
func ExampleSubscription_OverUse() {
	used := contract.Values(contract.BaseValues, contract.ValuesPart{Records: 5000, Fields: 48},
		contract.ValuesPart{Records: 1000, Fields: 30})
	plans := []billing.Plan{
		{ID: "basic", Kind: billing.Functionality, Cycle: billing.Monthly, Price: dkk("24.95"), Values: 250_000},
		{ID: "pro", Kind: billing.Functionality, Cycle: billing.Monthly, Price: dkk("49.90"), Values: 500_000},
	}
	capacity := contract.DefaultCapacity(decimal.NewFromInt(300_000))
	_, warnings, _ := capacity.Observe(contract.CapacityState{}, time.Date(2025, 1, 20, 8, 0, 0, 0, time.UTC), decimal.NewFromInt(used))
	for _, w := range warnings {
		fmt.Println(w.Decision)
	}
	sub, _, _ := billing.Subscribe("sub-1", plans[0], d("2025-01-01"))
	if ev, over := sub.OverUse(used, plans, d("2025-01-20")); over {
		fmt.Println(ev.Kind, ev.Plan, ev.Amount, ev.Reason)
	}
	// Output:
	// usage 271,200 has reached 80% of the agreed maximum 300,000 (terms 7.2)
	// usage 271,200 has reached 90% of the agreed maximum 300,000 (terms 7.2)
	// upgrade_suggested pro 49.90 DKK usage exceeds plan basic; plan pro fits
}

// A price adjusted by the net price index needs 4 months' notice and
// gives the customer a right to terminate (terms 12.2).
func ExampleAdjustPrice() {
	a, err := billing.AdjustPrice(contract.OpenDIMSTerms(), dkk("24.95"), amt("100.0"), amt("105.0"),
		d("2026-06-24"), d("2026-10-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.New, a.Decision.Allowed, a.Decision.Date, a.CustomerMayTerminate)
	// Output:
	// 26.20 DKK false 2026-10-24 false
}

// Proration by whole days over the actual length of the period.
func ExampleProrate() {
	p, _ := billing.Prorate(dkk("24.95"), 9, 31)
	fmt.Println(p)
	// Output:
	// 7.24 DKK
}

// A demand sent too early is refused with the first day it may be sent;
// a fee above 100 DKK is refused while the demand goes out.
func ExampleDemandRules_Send() {
	rules := billing.DemandRulesFor(contract.OpenDIMSTerms())
	c := billing.Collection{Invoice: "2025-0042", Debt: billing.Debt{Amount: dkk("1250.00"),
		Due: d("2025-03-01"), Customer: billing.Consumer}}
	c, out, _ := rules.Send(c, d("2025-03-05"), dkk("150"))
	fmt.Println(out.Demand.Allowed, out.Fee.Allowed, out.Compensation.Allowed)
	fmt.Println(out.Fee.Reason.In(language.Danish))
	_, out, _ = rules.Send(c, d("2025-03-10"), dkk("100"))
	fmt.Println(out.Demand.Allowed, out.Demand.Date, out.Demand.Reason.In(language.Danish))
	// Output:
	// true false false
	// et rykkergebyr må højst være 100,00 kr.
	// false 2025-03-15 der skal gå mindst 10 dage mellem rykkere, så tidligst den 2025-03-15
}

// Two unpaid demands allow suspension (terms 12.3), three termination
// (terms 17.3); a demand counts as unpaid 10 days after it was sent.
func ExampleDemandRules_Remedies() {
	rules := billing.DemandRulesFor(contract.OpenDIMSTerms())
	c := billing.Collection{Debt: billing.Debt{Amount: dkk("1250.00"),
		Due: d("2025-03-01"), Customer: billing.Business}}
	c, _, _ = rules.Send(c, d("2025-03-10"), dkk("100"))
	c, _, _ = rules.Send(c, d("2025-03-20"), dkk("100"))
	for _, on := range []string{"2025-03-29", "2025-03-30"} {
		suspend, terminate, _ := rules.Remedies(c, d(on))
		fmt.Println(on, suspend.Allowed, terminate.Allowed)
	}
	// Output:
	// 2025-03-29 false false
	// 2025-03-30 true false
}

// Renewal catches up on every period started, charging each in advance.
func ExampleSubscription_Renew() {
	annual := billing.Plan{ID: "pro-year", Kind: billing.Functionality, Cycle: billing.Annual, Price: dkk("499.00")}
	sub, _, _ := billing.Subscribe("sub-2", annual, d("2024-02-29"))
	sub, evs, _ := sub.Renew(d("2026-03-01"))
	for _, e := range evs {
		fmt.Println(e.Kind, e.PeriodStart, e.PeriodEnd, e.Amount.IsZero(), e.Amount.Round().Text())
	}
	fmt.Println(sub.Period)
	// Output:
	// renewed 2025-02-28 2026-02-28 true 0.00
	// charged 2025-02-28 2026-02-28 false 499.00
	// renewed 2026-02-28 2027-02-28 true 0.00
	// charged 2026-02-28 2027-02-28 false 499.00
	// 2
}

// The cheapest plan that holds the values used.
func ExampleFitPlan() {
	plans := []billing.Plan{
		{ID: "s", Kind: billing.Functionality, Cycle: billing.Monthly, Price: dkk("24.95"), Values: 100_000},
		{ID: "m", Kind: billing.Functionality, Cycle: billing.Monthly, Price: dkk("49.90"), Values: 300_000},
		{ID: "l", Kind: billing.Functionality, Cycle: billing.Monthly, Price: dkk("99.00")},
	}
	for _, v := range []int64{50_000, 271_200, 5_000_000} {
		p, _ := billing.FitPlan(plans, billing.Functionality, billing.Monthly, v)
		fmt.Println(v, p.ID)
	}
	// Output:
	// 50000 s
	// 271200 m
	// 5000000 l
}

// A stored ledger is rebuilt and checked entry by entry.
func ExampleRestore() {
	t0 := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	entries := []billing.Entry{
		{EventID: "buy-1", At: t0, Kind: billing.Purchase, Credits: 10, Balance: 10},
		{EventID: "orders-1", At: t0.Add(time.Hour), Kind: billing.Transfer, Credits: -2, Balance: 7},
	}
	_, err := billing.Restore(0, entries)
	fmt.Println(err)
	entries[1].Balance = 8
	l, err := billing.Restore(0, entries)
	fmt.Println(l.Balance(), err)
	// Output:
	// billing: invalid input: restore ledger: 1 problem: entries[1].balance: balance
	// 8 <nil>
}
