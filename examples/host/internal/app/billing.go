package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Subscribe stores the customer (replacing one with the same ID) and a new
// subscription to plan from the day the terms were accepted, with its
// first charge (terms 19.1, 12.5); the month-end run invoices it.
func (a *App) Subscribe(ctx context.Context, cust store.Customer, subID, planID string, accepted contract.Date) error {
	var sub store.Subscription
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := store.PutCustomer(ctx, tx, cust); err != nil {
			return err
		}
		plan, err := store.GetPlan(ctx, tx, planID)
		if err != nil {
			return err
		}
		s, events, err := billing.Subscribe(subID, plan, accepted)
		if err != nil {
			return err
		}
		// Refuse now a customer the month-end run could not invoice.
		if _, err := billing.NewInvoice(billing.InvoiceInput{Number: "check", Issued: accepted, Seller: a.Terms.Provider,
			Buyer: cust.Party, Treatment: treatment(cust.Party),
			Lines: []billing.Line{{Description: "check", Quantity: contract.Dec(decimal.NewFromInt(1)), UnitPrice: plan.Price}}}, a.Counter); err != nil {
			return fmt.Errorf("app: the customer cannot be invoiced: %w", err)
		}
		sub, err = store.CreateSubscription(ctx, tx, store.Subscription{Subscription: s, Customer: cust.ID}, events)
		return err
	})
	if err != nil {
		return err
	}
	start, end := sub.Current()
	a.printf("subscription %s: customer %s on plan %s from %s; first period %s .. %s charged in advance\n",
		sub.ID, cust.ID, sub.Plan.ID, sub.Anchor, start, end.AddDays(-1))
	return nil
}

// ErrSamePaymentAgain reports a payment given without a bank reference
// when an equal payment (same invoice, day and amount) is already recorded:
// the host cannot tell a second payment from the first one entered again,
// so it refuses rather than guess; a second payment needs its reference.
var ErrSamePaymentAgain = errors.New("app: an equal payment on the same day is already recorded against this invoice; " +
	"if this is another payment, record it with its bank reference (-ref)")

// ErrNoInvoice reports a payment against an invoice number that was never
// issued.
var ErrNoInvoice = errors.New("app: no invoice has that number")

// Pay records a payment of amount received on day on against an invoice
// under key, the bank transaction's reference, unique per invoice:
//
//   - the very same payment recorded again (same reference, day and
//     amount) stores nothing and says so;
//   - the reference recorded with another day or amount is refused
//     (store.ErrDuplicatePayment);
//   - without a reference the key is the invoice, day and amount, and an
//     equal payment already recorded is refused with ErrSamePaymentAgain.
//
// Errors name neither the invoice nor the reference.
func (a *App) Pay(ctx context.Context, number, key string, on contract.Date, amount contract.Money) error {
	derived := key == ""
	if derived {
		key = number + "/" + on.String() + "/" + store.EncodeDecimal(amount.Amount())
	}
	if !amount.IsPositive() {
		return errors.New("app: a payment's amount must be positive")
	}
	var stored bool
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		var err error
		cur, err := store.InvoiceCurrency(ctx, tx, number)
		if err != nil {
			return err
		}
		if cur != amount.Currency() {
			return fmt.Errorf("app: the invoice is in %s, the payment in %s", cur, amount.Currency())
		}
		stored, err = store.AddPayment(ctx, tx, key, number, billing.Payment{Date: on, Amount: amount})
		return err
	})
	switch {
	case errors.Is(err, store.ErrNotFound):
		return ErrNoInvoice
	case err != nil:
		return err
	case !stored && derived:
		return ErrSamePaymentAgain
	case !stored:
		a.printf("payment of %s on %s against %s was already recorded under that reference: nothing stored\n", store.EncodeDecimal(amount.Amount()), on, number)
		return nil
	}
	a.printf("payment of %s on %s recorded against %s\n", store.EncodeDecimal(amount.Amount()), on, number)
	return nil
}

// BillResult counts what a month-end run did.
type BillResult struct {
	Subscriptions, Renewed, Invoices, AlreadyDone int
	Interest, Demands                             int
	Suspend, Terminate                            []string
	// Failed lists the subscriptions and invoices whose unit of work
	// failed and stored nothing; the run returns an error when any did.
	Failed []string
}

// MonthBounds returns the first and last day of month "2026-01".
func MonthBounds(month string) (first, last contract.Date, err error) {
	first, err = contract.ParseDate(month + "-01")
	if err != nil || len(month) != 7 {
		return first, last, errors.New("app: the month is not YYYY-MM")
	}
	return first, first.Add(contract.Months(1)).AddDays(-1), nil
}

// demandFee is the fee asked for each demand for payment: the most
// renteloven § 9 b(1) allows, which billing refuses beyond the third. The
// Act states it in kroner, so a demand for an invoice in another currency
// asks no fee (see feeFor).
var demandFee = contract.MustParseMoney("100.00", currency.DKK)

// feeFor returns the fee to ask with a demand for a debt in cur:
// demandFee for a debt in kroner, none (the zero Money) otherwise.
func feeFor(cur currency.Unit) contract.Money {
	if cur != demandFee.Currency() {
		return contract.Money{}
	}
	return demandFee
}

// Bill runs month-end billing for month ("2026-01") as of its last day:
//
//  1. each subscription is renewed into the period containing the last
//     day (terms 19.2), and every charge up to then that has no invoice is
//     invoiced (terms 12.3: in advance, net 30);
//  2. each invoice overdue at the last day has its late interest made up to
//     that day (terms 12.3: 2 % a month) and, when billing allows, a demand
//     for payment sent with its fee (renteloven § 9 b); then suspension
//     (terms 12.3) and termination (terms 17.3) are decided.
//
// Every subscription and every overdue invoice is a unit of work in its own
// transaction under an idempotency key naming the month, so running the
// month twice bills nothing twice, and a run killed half-way and started
// again does the units the first run did not commit. Invoices are also
// unique per subscription period, and numbered from a counter in the same
// transaction, so the sequence has no gaps.
func (a *App) Bill(ctx context.Context, month string) (BillResult, error) {
	var res BillResult
	_, last, err := MonthBounds(month)
	if err != nil {
		return res, err
	}
	if today := a.Today(); today.Before(last) {
		// Billing a month that has not ended would issue invoices dated
		// in the future and send demands before they are due.
		return res, fmt.Errorf("app: month %s has not ended: its last day is %s, today is %s", month, last, today)
	}
	ids, err := store.SubscriptionIDs(ctx, a.DB)
	if err != nil {
		return res, err
	}
	res.Subscriptions = len(ids)
	for i, id := range ids {
		key := "bill/" + month + "/subscription/" + id
		var renewed bool
		var invoiced []string
		var result string
		var done bool
		// The unit locks its subscription, so another run (of another
		// month) renewing it at the same time makes it wait, not fail; a
		// conflict that still slips through runs the unit again.
		for attempt := 0; ; attempt++ {
			result, done, err = a.DB.Once(ctx, "bill", key, a.Now(), func(tx *store.Tx) (string, error) {
				var err error
				renewed, invoiced, err = a.billSubscription(ctx, tx, id, last)
				if err != nil {
					return "", err
				}
				if err := a.hook(key); err != nil {
					return "", err
				}
				return fmt.Sprintf("renewed=%t invoices=%s", renewed, strings.Join(invoiced, ",")), nil
			})
			if !errors.Is(err, store.ErrConflict) || attempt == 4 {
				break
			}
		}
		if err != nil {
			if ctx.Err() != nil {
				return res, err
			}
			// One bad subscription must not stop the month: report it,
			// bill the rest, and fail the run at the end so it is run
			// again once the data is fixed.
			res.Failed = append(res.Failed, id)
			a.printf("  %-14s FAILED, nothing stored: %v\n", id, err)
			continue
		}
		if done {
			res.AlreadyDone++
			a.printf("  %-14s already billed for %s (%s)\n", id, month, result)
		} else {
			if renewed {
				res.Renewed++
			}
			res.Invoices += len(invoiced)
			for _, n := range invoiced {
				inv, err := store.GetInvoice(ctx, a.DB, n)
				if err != nil {
					return res, err
				}
				a.printf("  %-14s invoice %s issued %s, supply %s .. %s, total %s %s incl. VAT, due %s\n",
					id, n, inv.Issued, inv.SupplyFrom, inv.SupplyTo, store.EncodeDecimal(inv.Total.Amount()), inv.Total.Currency(), inv.Due)
			}
			if len(invoiced) == 0 {
				a.printf("  %-14s nothing to invoice\n", id)
			}
		}
		a.progress("bill %s: subscriptions %d/%d", month, i+1, len(ids))
	}

	numbers, err := store.OpenInvoiceNumbers(ctx, a.DB, last)
	if err != nil {
		return res, err
	}
	for i, n := range numbers {
		if err := a.collect(ctx, month, n, last, &res); err != nil {
			if ctx.Err() != nil {
				return res, err
			}
			res.Failed = append(res.Failed, n)
			a.printf("  invoice %s FAILED, nothing stored: %v\n", n, err)
		}
		a.progress("bill %s: overdue invoices %d/%d", month, i+1, len(numbers))
	}
	a.printf("month %s billed as of %s: %d subscriptions, %d renewed, %d invoices issued, %d already billed, %d interest statements, %d demands\n",
		month, last, res.Subscriptions, res.Renewed, res.Invoices, res.AlreadyDone, res.Interest, res.Demands)
	if len(res.Failed) > 0 {
		return res, fmt.Errorf("app: %d units failed (%s); fix them and run the month again: what was done is not done twice",
			len(res.Failed), strings.Join(res.Failed, ", "))
	}
	return res, nil
}

func (a *App) hook(key string) error {
	if a.beforeCommit == nil {
		return nil
	}
	return a.beforeCommit(key)
}

// progress writes a progress line for every 100th unit and the last.
func (a *App) progress(format string, label string, done, total int) {
	if a.Progress == nil || (done%100 != 0 && done != total) {
		return
	}
	fmt.Fprintf(a.Progress, format+"\n", label, done, total)
}

// billSubscription renews one subscription to the period containing last
// and invoices its charges up to last that have no invoice yet.
func (a *App) billSubscription(ctx context.Context, tx *store.Tx, id string, last contract.Date) (renewed bool, invoiced []string, err error) {
	if err := store.LockSubscription(ctx, tx, id); err != nil {
		return false, nil, err
	}
	sub, err := store.GetSubscription(ctx, tx, id)
	if err != nil {
		return false, nil, err
	}
	if sub.Anchor.After(last) {
		return false, nil, nil // starts after this month
	}
	var next billing.Subscription
	var events []billing.Event
	// A later month billed first has renewed past this one already;
	// then only its uninvoiced charges remain to invoice.
	if start, _ := sub.Current(); !last.Before(start) {
		next, events, err = sub.Renew(last)
		if err != nil {
			return false, nil, fmt.Errorf("renew %s: %w", id, err)
		}
	}
	if len(events) > 0 {
		sub.Subscription = next
		if sub, err = store.UpdateSubscription(ctx, tx, sub, events); err != nil {
			return false, nil, err
		}
		renewed = true
	}
	cust, err := store.GetCustomer(ctx, tx, sub.Customer)
	if err != nil {
		return false, nil, err
	}
	all, err := store.SubscriptionEvents(ctx, tx, id)
	if err != nil {
		return false, nil, err
	}
	for _, e := range all {
		if e.Kind != billing.Charged || e.Date.After(last) {
			continue
		}
		key := store.EventKey(e)
		if n, err := store.InvoiceByCharge(ctx, tx, key); err != nil {
			return false, nil, err
		} else if n != "" {
			continue
		}
		seq, err := store.NextNumber(ctx, tx, "invoice")
		if err != nil {
			return false, nil, err
		}
		vat, err := contract.EUVATRates().Rate("DK", e.Date)
		if err != nil {
			return false, nil, err
		}
		inv, err := billing.NewInvoice(billing.InvoiceInput{
			Number:      store.InvoiceNumber(seq),
			Issued:      e.Date,
			PaymentTerm: a.Terms.PaymentTerm,
			SupplyFrom:  e.PeriodStart,
			SupplyTo:    e.PeriodEnd.AddDays(-1),
			Seller:      a.Terms.Provider,
			Buyer:       cust.Party,
			Treatment:   treatment(cust.Party),
			Lines:       []billing.Line{e.Line(fmt.Sprintf("Subscription %s, plan %s, %s .. %s", id, e.Plan, e.PeriodStart, e.PeriodEnd.AddDays(-1)), vat)},
		}, a.Counter)
		if err != nil {
			return false, nil, fmt.Errorf("invoice %s: %w", id, err)
		}
		if err := store.InsertInvoice(ctx, tx, store.StoredInvoice{Invoice: inv, ChargeKey: key, Customer: cust.ID, Subscription: id}); err != nil {
			return false, nil, err
		}
		invoiced = append(invoiced, inv.Number)
	}
	return renewed, invoiced, nil
}

// treatment picks the VAT treatment from the buyer: Danish (or unknown)
// buyers pay Danish VAT; a buyer in another EU country with a VAT number
// is reverse-charged; a buyer outside the EU is an export.
func treatment(p contract.Party) billing.VATTreatment {
	switch {
	case p.Country == "" || p.Country == "DK":
		return billing.DomesticVAT
	case euCountries[p.Country] && p.VATID != "":
		return billing.ReverseCharge
	case euCountries[p.Country]:
		return billing.DomesticVAT
	}
	return billing.Export
}

var euCountries = map[string]bool{
	"AT": true, "BE": true, "BG": true, "CY": true, "CZ": true, "DE": true, "DK": true, "EE": true, "ES": true,
	"FI": true, "FR": true, "GR": true, "HR": true, "HU": true, "IE": true, "IT": true, "LT": true, "LU": true,
	"LV": true, "MT": true, "NL": true, "PL": true, "PT": true, "RO": true, "SE": true, "SI": true, "SK": true,
}

// collect makes up one invoice's interest and demands as of last.
func (a *App) collect(ctx context.Context, month, number string, last contract.Date, res *BillResult) error {
	c, err := store.GetCollection(ctx, a.DB, number)
	if err != nil {
		return err
	}
	if !c.Debt.Due.Before(last) || paid(c.Debt) {
		return nil // not overdue at the month's end, or paid
	}
	key := "bill/" + month + "/collect/" + number
	var line string
	var interest, demand bool
	var suspend, terminate contract.Decision
	_, done, err := a.DB.Once(ctx, "bill", key, a.Now(), func(tx *store.Tx) (string, error) {
		interest, demand = false, false
		if err := store.LockInvoice(ctx, tx, number); err != nil {
			return "", err
		}
		c, err := store.GetCollection(ctx, tx, number) // read again inside the transaction, locked
		if err != nil {
			return "", err
		}
		st, err := billing.InterestRulesFor(a.Terms).Interest(c.Debt, last)
		if err != nil {
			return "", fmt.Errorf("interest on %s: %w", number, err)
		}
		if st.Total.IsPositive() {
			if err := store.SaveInterest(ctx, tx, number, st); err != nil {
				return "", err
			}
			interest = true
		}
		rules := billing.DemandRulesFor(a.Terms)
		after, outcome, err := rules.Send(c, last, feeFor(c.Debt.Amount.Currency()))
		if err != nil {
			return "", fmt.Errorf("demand for %s: %w", number, err)
		}
		if outcome.Demand.Allowed {
			if err := store.SaveCollection(ctx, tx, c, after); err != nil {
				return "", err
			}
			demand = true
		}
		suspend, terminate, err = rules.Remedies(after, last)
		if err != nil {
			return "", err
		}
		line = fmt.Sprintf("  invoice %s overdue since %s: interest %s %s to %s", number, c.Debt.Due,
			store.EncodeDecimal(st.Total.Amount()), st.Total.Currency(), last)
		if demand {
			line += fmt.Sprintf("; demand no. %d sent, fee %s", len(after.Demands), store.EncodeDecimal(after.Demands[len(after.Demands)-1].Fee.Amount()))
		} else {
			line += "; no demand: " + outcome.Demand.String()
		}
		if err := a.hook(key); err != nil {
			return "", err
		}
		return line, nil
	})
	if err != nil {
		return err
	}
	if done {
		a.printf("  invoice %s already collected for %s\n", number, month)
		return nil
	}
	a.printf("%s\n", line)
	if interest {
		res.Interest++
	}
	if demand {
		res.Demands++
	}
	if suspend.Allowed {
		res.Suspend = append(res.Suspend, number)
		a.printf("    access may be suspended: %s\n", suspend)
	}
	if terminate.Allowed {
		res.Terminate = append(res.Terminate, number)
		a.printf("    agreement may be terminated: %s\n", terminate)
	}
	return nil
}

func paid(d billing.Debt) bool {
	sum := decimal.Zero
	for _, p := range d.Payments {
		sum = sum.Add(p.Amount.Amount())
	}
	return sum.GreaterThanOrEqual(d.Amount.Amount())
}

// Invoices prints every invoice with what is paid and owed.
func (a *App) Invoices(ctx context.Context) error {
	numbers, err := store.InvoiceNumbers(ctx, a.DB)
	if err != nil {
		return err
	}
	if len(numbers) == 0 {
		a.printf("no invoices\n")
	}
	for _, n := range numbers {
		c, err := store.GetCollection(ctx, a.DB, n)
		if err != nil {
			return err
		}
		inv, err := store.GetInvoice(ctx, a.DB, n)
		if err != nil {
			return err
		}
		sum := decimal.Zero
		for _, p := range c.Debt.Payments {
			sum = sum.Add(p.Amount.Amount())
		}
		a.printf("%s  %s  %-12s total %s %s  paid %s  due %s  demands %d\n", n, inv.Issued, inv.Customer,
			store.EncodeDecimal(inv.Total.Amount()), inv.Total.Currency(), store.EncodeDecimal(sum), inv.Due, len(c.Demands))
	}
	return nil
}

// PostCredits posts credits to a customer's credit ledger (billing.Ledger)
// and prints the entry; eventID makes posting twice a no-op.
func (a *App) PostCredits(ctx context.Context, account, eventID string, at time.Time, kind billing.EntryKind, n int64, memo string) error {
	e, err := a.DB.PostCredits(ctx, account, 0, eventID, at, kind, n, memo)
	var ie *billing.InsufficientCreditsError
	if errors.As(err, &ie) {
		return fmt.Errorf("app: %w", err)
	} else if err != nil {
		return err
	}
	a.printf("%s %s %+d credits at %s, balance %d (%s)\n", account, e.Kind, e.Credits, e.At.In(a.Location).Format(time.RFC3339), e.Balance, e.EventID)
	return nil
}
