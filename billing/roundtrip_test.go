package billing

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/roundtrip"
	"golang.org/x/text/currency"
)

// TestRoundTrip checks that every exported value of billing survives
// encoding/json and compares equal with go-cmp without options, and that
// no exported type is left out: a stored plan, invoice, statement or
// price adjustment reads back whole, its amounts with their currencies.
func TestRoundTrip(t *testing.T) {
	terms := contract.OpenDIMSTerms()
	plan := Plan{ID: "credits-500", Kind: CreditBased, Cycle: Annual, Price: dkk("1990.00"),
		Values: 250_000, Credits: 500, Overdraft: 20,
		Discount: &Discount{ID: "launch-20", Percent: contract.Dec(dec("0.20")), Amount: dkk("10.00"), Duration: Repeating, Cycles: 3},
		Trial:    &Trial{Length: contract.Days(14), NoticeDays: 3}}
	subPlan := plan
	subDiscount := *plan.Discount
	subDiscount.Amount = contract.Money{} // a discount is a percentage or an amount
	subPlan.Discount = &subDiscount
	subPlan.Trial = nil
	sub, evs, err := Subscribe("sub-1", subPlan, day("2025-01-31"))
	if err != nil {
		t.Fatal(err)
	}
	sub.Period = 2
	sub.Next = planBasic
	sub.TrialEnds = day("2025-02-14")
	charged := evs[1]
	charged.Reason = reason(rsUpgradeNotice, "basic", "pro")
	charged.Kind = UpgradeSuggested

	seller, buyer := seller(), buyerDK()
	buyer.VATID, buyer.Country, buyer.CVR = "DE123456789", "DE", "12345674"
	line := Line{Description: "PIM subscription", Quantity: contract.Dec(dec("2")), UnitPrice: dkk("24.95"), VATRate: contract.Dec(vatDK)}
	in := InvoiceInput{Number: "2026-0001", Issued: day("2026-01-29"), Received: day("2026-01-30"),
		PaymentTerm: contract.Days(14), Due: day("2026-02-27"), SupplyFrom: day("2026-01-01"), SupplyTo: day("2026-01-31"),
		Seller: seller, Buyer: buyer, Treatment: ReverseCharge, Lines: []Line{line},
		Allowances: []Allowance{{Description: "launch offer", Line: 1, Amount: dkk("5.00"), Discount: "launch-20"}}}
	in2 := in
	in2.Due = contract.Date{}
	in.TaxCurrencyRate, in.CustomerLocation = sampleTaxRate(), sampleLocation()
	in2.TaxCurrencyRate, in2.CustomerLocation = in.TaxCurrencyRate, in.CustomerLocation
	inv, err := NewInvoice(in2, terms.Counter)
	if err != nil {
		t.Fatal(err)
	}
	domestic, err := NewInvoice(input(line), terms.Counter)
	if err != nil {
		t.Fatal(err)
	}

	debt := Debt{Amount: dkk("10000.00"), Due: day("2023-06-15"), Sent: day("2023-05-15"), Customer: Consumer,
		Payments: []Payment{{Date: day("2023-07-01"), Amount: dkk("2500.00")}}}
	rules := InterestRules{MonthlyRate: contract.Dec(dec("0.02")), DayCount: ActualOver30, Rates: DanishStatutoryRates()}
	st, err := rules.Interest(debt, day("2023-07-15"))
	if err != nil {
		t.Fatal(err)
	}
	if !st.Capped {
		t.Fatal("sample statement is not capped: pick another")
	}

	demands := DemandRulesFor(terms)
	col := Collection{Invoice: "2025-0042", Debt: Debt{Amount: dkk("1250.00"), Due: day("2025-03-01"), Customer: Business}}
	col, out, err := demands.Send(col, day("2025-03-05"), dkk("100"))
	if err != nil {
		t.Fatal(err)
	}

	adj, err := AdjustPrice(terms, dkk("24.95"), dec("100.0"), dec("105.0"), day("2026-06-24"), day("2026-10-24"))
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 1, 30, 9, 0, 0, 0, time.UTC)
	ledger, entry, err := NewLedger(5).Post("grant-1", at, Grant, 500, "monthly credits")
	if err != nil {
		t.Fatal(err)
	}
	if ledger, _, err = ledger.Post("orders-1", at.Add(time.Hour), Transfer, 8, "4 orders to the ERP"); err != nil {
		t.Fatal(err)
	}

	cnIn := CreditNoteInput{Number: "2026-0002", Issued: day("2026-02-02"), Reason: CreditGoodwill,
		Lines: []CreditLine{{Line: 1, Quantity: contract.Dec(dec("1")), UnitPrice: dkk("10.00"), Description: "price correction"}}}
	cn, err := NewCreditNote(inv, nil, cnIn)
	if err != nil {
		t.Fatal(err)
	}
	cn.Lines[0].Ref = 1 // every field non-zero

	allowance := Allowance{Description: "launch offer", Line: 1, Percent: contract.Dec(dec("0.2")), Amount: dkk("1.00"),
		VATRate: contract.Dec(vatDK), Discount: "launch-20"}
	if sub.Discounted == 0 || sub.DiscountedThrough.IsZero() || charged.Discount.IsZero() || len(inv.Allowances) == 0 {
		t.Fatal("samples lack their discounts")
	}

	acct := StatementInput{Customer: Business, Invoices: []Invoice{domestic}, CreditNotes: []CreditNote{cn},
		Payments:    []AccountPayment{{ID: "P1", Date: day("2026-03-02"), Amount: dkk("100.00"), Invoice: domestic.Number}},
		Refunds:     []Refund{{ID: "R1", Date: day("2026-03-03"), Amount: dkk("1.00")}},
		Collections: []Collection{col}}
	acctSt, err := StatementOfAccount(acct, rules, day("2026-03-03"))
	if err != nil {
		t.Fatal(err)
	}

	tab := roundtrip.Table{
		Samples: []any{
			plan, sub, charged, allowance, inv.Allowances[0], *plan.Discount, Forever, *plan.Trial, line, in, PartyRules(buyer), domestic.Lines[0], domestic.VATSummary[0], inv,
			debt, debt.Payments[0], rules, st.Lines[0], st, DanishStatutoryRates().Rates()[0], DanishStatutoryRates(),
			col.Demands[0], col, out, adj, DefaultTariff(), entry, ledger,
			acct, acct.Payments[0], acct.Refunds[0], acctSt, acctSt.Allocations[0], acctSt.Lines[0], PaymentLineKind,
			cnIn, CreditLine{Line: 2, Quantity: contract.Dec(dec("1")), UnitPrice: dkk("1.00"), Description: "x"}, cn, cn.Lines[0], CreditGoodwill,
			Functionality, Statutory, Consumer, Transfer, ReverseCharge, ActualOver30, Annual, PlanChanged,
		},
		NotValues: map[string]string{
			"InsufficientCreditsError": "an error type: hosts match it with errors.As and do not store it",
			"NoRateError":              "an error type: hosts match it with errors.As and do not store it",
		},
	}
	tab.Samples = append(tab.Samples, usageSamples(t)...)
	// DemandRules holds the contract.Terms its remedies come from, so it
	// round-trips exactly when Terms does; until contract's Terms compares
	// without options it is listed, not sampled.
	if comparable(terms) {
		tab.Samples = append(tab.Samples, demands)
	} else {
		tab.NotValues["DemandRules"] = "holds a contract.Terms, which go-cmp cannot compare yet"
	}
	n := roundtrip.Check(t, os.DirFS("."), tab,
		func(x, y any) bool { return cmp.Equal(x, y) }, func(x, y any) string { return cmp.Diff(x, y) })
	t.Logf("billing: %d exported types covered", n)
}

// TestPriceAdjustmentKeepsCurrency: a price adjustment in euro (terms
// 12.2) reads back from JSON in euro, with its decision and reason whole.
func TestPriceAdjustmentKeepsCurrency(t *testing.T) {
	a, err := AdjustPrice(contract.OpenDIMSTerms(), contract.MustParseMoney("24.95", currency.EUR), dec("100"), dec("105"),
		day("2026-06-24"), day("2026-10-23"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var back PriceAdjustment
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.New.Currency() != currency.EUR || !back.New.Equal(contract.MustParseMoney("26.20", currency.EUR)) ||
		back.Decision.Allowed || back.Decision.Reason.String() != a.Decision.Reason.String() {
		t.Errorf("read back %+v from %s, want 26.20 EUR refused with its reason", back, b)
	}
}

// comparable reports whether go-cmp compares v without options.
func comparable(v any) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return cmp.Equal(v, v)
}
