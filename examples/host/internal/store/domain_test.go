package store_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"github.com/pimkit/pimkit/sla"
	"github.com/shopspring/decimal"

	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/pimkit/pimkit/examples/host/internal/storetest"
)

var domainExact = cmp.Options{exact,
	cmp.Comparer(func(a, b contract.Convention) bool { return a.String() == b.String() }),
	cmpopts.IgnoreFields(billing.Event{}, "Reason"), // rendered from citations, not stored
	cmpopts.EquateEmpty(),
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// TestBillingRoundTrip stores a subscription, its events, an invoice and
// the collection of it, and reads back exactly what billing returned.
func TestBillingRoundTrip(t *testing.T) {
	plan := billing.Plan{ID: "basic", Kind: billing.Functionality, Cycle: billing.Monthly,
		Price: dkk("249.00"), Values: 100_000}
	cust := store.Customer{ID: "C1", Kind: billing.Business, Party: contract.Party{
		Name: "Webshop ApS", CVR: "12345674", Address: "Vestergade 1, 7400 Herning", Country: "DK"}}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sub, events, err := billing.Subscribe("sub-1", plan, contract.MustDate(2026, 1, 31))
		if err != nil {
			t.Fatal(err)
		}
		terms := contract.OpenDIMSTerms()
		inv, err := billing.NewInvoice(billing.InvoiceInput{
			Number: "INV-000001", Issued: contract.MustDate(2026, 1, 31), Seller: terms.Provider, Buyer: cust.Party,
			Treatment: billing.DomesticVAT, SupplyFrom: contract.MustDate(2026, 1, 31), SupplyTo: contract.MustDate(2026, 2, 27),
			Lines: []billing.Line{events[len(events)-1].Line("basic, February", danishVAT)},
		}, contract.Counter{})
		if err != nil {
			t.Fatal(err)
		}
		stored := store.StoredInvoice{Invoice: inv, ChargeKey: "sub-1/2026-01-31", Customer: "C1", Subscription: "sub-1"}
		err = db.Tx(ctx, func(tx *store.Tx) error {
			if err := store.PutPlan(ctx, tx, plan); err != nil {
				return err
			}
			if err := store.PutCustomer(ctx, tx, cust); err != nil {
				return err
			}
			if _, err := store.CreateSubscription(ctx, tx, store.Subscription{Subscription: sub, Customer: "C1"}, events); err != nil {
				return err
			}
			return store.InsertInvoice(ctx, tx, stored)
		})
		if err != nil {
			t.Fatal(err)
		}
		gotPlan, err := store.GetPlan(ctx, db, "basic")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(plan, gotPlan, domainExact); diff != "" {
			t.Errorf("plan round trip (-want +got):\n%s", diff)
		}
		gotCust, err := store.GetCustomer(ctx, db, "C1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(cust, gotCust, domainExact); diff != "" {
			t.Errorf("customer round trip (-want +got):\n%s", diff)
		}
		gotSub, err := store.GetSubscription(ctx, db, "sub-1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(store.Subscription{Subscription: sub, Customer: "C1", Version: 1}, gotSub, domainExact); diff != "" {
			t.Errorf("subscription round trip (-want +got):\n%s", diff)
		}
		gotEvents, err := store.SubscriptionEvents(ctx, db, "sub-1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(events, gotEvents, domainExact); diff != "" {
			t.Errorf("events round trip (-want +got):\n%s", diff)
		}
		gotInv, err := store.GetInvoice(ctx, db, "INV-000001")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(stored, gotInv, domainExact); diff != "" {
			t.Errorf("terms 12.3 invoice round trip (-want +got):\n%s", diff)
		}
		if got := store.EncodeDecimal(gotInv.Total.Amount()); got != "311.25" {
			t.Errorf("invoice total text = %q, want 311.25 (249.00 + 25 %% VAT)", got)
		}

		// A second invoice for the same charge is refused: nothing is
		// invoiced twice.
		dup := stored
		dup.Number = "INV-000002"
		err = db.Tx(ctx, func(tx *store.Tx) error { return store.InsertInvoice(ctx, tx, dup) })
		if err == nil {
			t.Error("a second invoice for the same charge key was stored")
		}

		// Collection: a payment, a demand and the compensation of
		// renteloven § 9 a round-trip.
		if ok, err := store.AddPayment(ctx, db, "bank-1", "INV-000001", billing.Payment{Date: contract.MustDate(2026, 3, 10), Amount: dkk("100.00")}); err != nil || !ok {
			t.Fatalf("AddPayment = %v, %v, want stored", ok, err)
		}
		if ok, err := store.AddPayment(ctx, db, "bank-1", "INV-000001", billing.Payment{Date: contract.MustDate(2026, 3, 10), Amount: dkk("100.00")}); err != nil || ok {
			t.Fatalf("AddPayment of the same payment again = %v, %v, want not stored, no error", ok, err)
		}
		before, err := store.GetCollection(ctx, db, "INV-000001")
		if err != nil {
			t.Fatal(err)
		}
		if len(before.Debt.Payments) != 1 {
			t.Errorf("payment recorded twice under one bank reference: %v", before.Debt.Payments)
		}
		after, outcome, err := billing.DemandRulesFor(terms).Send(before, contract.MustDate(2026, 3, 11), dkk("100.00"))
		if err != nil || !outcome.Demand.Allowed {
			t.Fatalf("Send = %v, %v", outcome.Demand, err)
		}
		if err := store.SaveCollection(ctx, db, before, after); err != nil {
			t.Fatal(err)
		}
		got, err := store.GetCollection(ctx, db, "INV-000001")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(after, got, domainExact); diff != "" {
			t.Errorf("renteloven § 9 b collection round trip (-want +got):\n%s", diff)
		}

		// Partly paid, the invoice stays open; paid in full, the
		// month-end run no longer reads it.
		day := contract.MustDate(2026, 4, 1)
		if open, err := store.OpenInvoiceNumbers(ctx, db, day); err != nil || len(open) != 1 {
			t.Errorf("open invoices after a part payment = %v, %v, want INV-000001", open, err)
		}
		if _, err := store.AddPayment(ctx, db, "bank-2", "INV-000001", billing.Payment{Date: contract.MustDate(2026, 3, 20), Amount: dkk("211.25")}); err != nil {
			t.Fatal(err)
		}
		if open, err := store.OpenInvoiceNumbers(ctx, db, day); err != nil || len(open) != 0 {
			t.Errorf("open invoices after payment in full = %v, %v, want none", open, err)
		}
	})
}

func TestCreditLedgerRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		at := time.Date(2026, 1, 5, 9, 0, 0, 0, cph)
		if err := store.PutCustomer(ctx, db, store.Customer{ID: "C1", Kind: billing.Business, Party: contract.Party{Name: "Shop", Country: "DK"}}); err != nil {
			t.Fatal(err)
		}
		var want []billing.Entry
		for i, p := range []struct {
			id      string
			kind    billing.EntryKind
			credits int64
		}{{"grant-jan", billing.Grant, 3}, {"order-1-fetch", billing.Transfer, 1}, {"order-1-erp", billing.Transfer, 1}} {
			e, err := db.PostCredits(ctx, "C1", 0, p.id, at.Add(time.Duration(i)*time.Minute), p.kind, p.credits, "seeds/README.md transfer")
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, e)
		}
		// Posting the same event again is a no-op.
		if _, err := db.PostCredits(ctx, "C1", 0, "order-1-erp", at.Add(2*time.Minute), billing.Transfer, 1, "seeds/README.md transfer"); err != nil {
			t.Fatal(err)
		}
		// A debit the balance cannot cover is refused and not stored.
		_, err := db.PostCredits(ctx, "C1", 0, "order-2-fetch", at.Add(time.Hour), billing.Transfer, 2, "")
		var ie *billing.InsufficientCreditsError
		if !errors.As(err, &ie) {
			t.Errorf("overdraft = %v, want InsufficientCreditsError", err)
		}
		l, err := store.CreditLedger(ctx, db, "C1", 0)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, l.Entries(), domainExact); diff != "" {
			t.Errorf("credit ledger round trip (-want +got):\n%s", diff)
		}
		if l.Balance() != 1 {
			t.Errorf("balance = %d, want 1 (3 granted, 2 transferred)", l.Balance())
		}
	})
}

func TestSLARoundTrip(t *testing.T) {
	outages := []sla.Outage{
		{ID: "inc-1", Component: "api", Cause: "deploy", Impact: sla.Unavailable,
			Start: time.Date(2026, 1, 31, 23, 50, 0, 0, cph), End: time.Date(2026, 2, 1, 0, 20, 0, 0, cph)},
		{ID: "inc-2", Component: "database", Impact: sla.Partial, Start: time.Date(2026, 2, 3, 8, 0, 0, 0, time.FixedZone("", 3600))},
	}
	windows := []sla.Window{
		{ID: "mw-1", Kind: sla.Planned, Notified: time.Date(2026, 2, 1, 12, 0, 0, 0, cph),
			Start: time.Date(2026, 2, 5, 22, 0, 0, 0, cph), End: time.Date(2026, 2, 6, 0, 0, 0, 0, cph)},
		{ID: "fm-1", Kind: sla.ForceMajeure, Start: time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 2, 11, 0, 0, 0, 0, time.UTC)},
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		for _, o := range outages {
			if err := store.PutOutage(ctx, db, o); err != nil {
				t.Fatal(err)
			}
		}
		for _, w := range windows {
			if err := store.PutWindow(ctx, db, w); err != nil {
				t.Fatal(err)
			}
		}
		feb := time.Date(2026, 2, 1, 0, 0, 0, 0, cph)
		gotO, err := store.Outages(ctx, db, feb, time.Date(2026, 3, 1, 0, 0, 0, 0, cph))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(outages, gotO, domainExact); diff != "" {
			t.Errorf("terms 2.1 outages overlapping February, open one included (-want +got):\n%s", diff)
		}
		gotW, err := store.Windows(ctx, db, feb, time.Date(2026, 3, 1, 0, 0, 0, 0, cph))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(windows, gotW, domainExact); diff != "" {
			t.Errorf("terms 3.2 windows (-want +got):\n%s", diff)
		}
		jan, err := store.Outages(ctx, db, time.Date(2026, 1, 1, 0, 0, 0, 0, cph), feb)
		if err != nil {
			t.Fatal(err)
		}
		if len(jan) != 1 || jan[0].ID != "inc-1" {
			t.Errorf("January outages = %v, want inc-1 (it crosses midnight into February)", jan)
		}
	})
}

func TestPrivacyRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var c contract.Counter
		r, ev, err := privacy.ReceiveRequest(c, privacy.Access, contract.MustDate(2026, 1, 31))
		if err != nil {
			t.Fatal(err)
		}
		if err := store.InsertRequest(ctx, db, "dsr-1", "cust-1", r, ev); err != nil {
			t.Fatal(err)
		}
		r2, ev2, err := r.Extend(c, contract.MustDate(2026, 2, 10), "complex request")
		if err != nil {
			t.Fatal(err)
		}
		if err := store.AddRequestEvent(ctx, db, "dsr-1", r2, ev2); err != nil {
			t.Fatal(err)
		}
		got, err := store.GetRequest(ctx, db, c, "dsr-1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(store.SubjectRequest{ID: "dsr-1", Subject: "cust-1", Request: r2}, got, domainExact); diff != "" {
			t.Errorf("GDPR Art. 12(3) request round trip (-want +got):\n%s", diff)
		}
		evs, err := store.RequestEvents(ctx, db, "dsr-1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]privacy.RequestEvent{ev, ev2}, evs, domainExact); diff != "" {
			t.Errorf("request events (-want +got):\n%s", diff)
		}

		consent := privacy.ConsentEvent{Subject: "cust-1", Purpose: "marketing.communications.email", Action: privacy.Given,
			At: time.Date(2026, 1, 5, 10, 0, 0, 123, cph), Policy: contract.MustDate(2025, 2, 1), Method: privacy.MethodForm,
			Notice: privacy.NoticeHash(sha256.Sum256([]byte("Newsletter")))}
		entry, err := store.AppendConsent(ctx, db, testKey, consent)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := db.Ledgers(testKey).Subject(ctx, store.ConsentLedger, "cust-1")
		if err != nil || len(entries) != 1 || entries[0].Hash != entry.Hash {
			t.Fatalf("Subject = %v, %v", entries, err)
		}
		back, err := store.DecodeConsent(entries[0])
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(consent, back, domainExact); diff != "" {
			t.Errorf("GDPR Art. 7(1) consent event round trip (-want +got):\n%s", diff)
		}
	})
}

func TestSubscriptionStaleUpdateRefused(t *testing.T) {
	plan := billing.Plan{ID: "basic", Kind: billing.Functionality, Cycle: billing.Monthly, Price: dkk("249.00")}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sub, events, err := billing.Subscribe("sub-1", plan, contract.MustDate(2026, 1, 31))
		if err != nil {
			t.Fatal(err)
		}
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(store.PutPlan(ctx, db, plan))
		must(store.PutCustomer(ctx, db, store.Customer{ID: "C1", Kind: billing.Business}))
		v1, err := store.CreateSubscription(ctx, db, store.Subscription{Subscription: sub, Customer: "C1"}, events)
		must(err)
		// Two writers read version 1; the renewal (terms 19.2) lands
		// first, the other writer's change is refused.
		renewed, evs, err := v1.Renew(contract.MustDate(2026, 2, 28))
		must(err)
		if _, err := store.UpdateSubscription(ctx, db, store.Subscription{Subscription: renewed, Customer: "C1", Version: 1}, evs); err != nil {
			t.Fatal(err)
		}
		_, err = store.UpdateSubscription(ctx, db, v1, nil)
		var ce *store.ConflictError
		if !errors.As(err, &ce) || ce.Want != 1 || ce.Have != 2 {
			t.Errorf("stale subscription update = %v, want a conflict at version 2", err)
		}
		got, err := store.GetSubscription(ctx, db, "sub-1")
		must(err)
		if got.Period != renewed.Period || got.Version != 2 {
			t.Errorf("subscription after the race: period %d version %d, want %d and 2", got.Period, got.Version, renewed.Period)
		}
	})
}
