package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"

	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/pimkit/pimkit/examples/host/internal/storetest"
)

// migrateTo brings db to version and fails the test otherwise.
func migrateTo(t *testing.T, db *store.DB, version int64) {
	t.Helper()
	if _, err := store.MigrateTo(context.Background(), db, storetest.Epoch, version); err != nil {
		t.Fatalf("migrate to %d: %v", version, err)
	}
	if v, err := db.SchemaVersion(context.Background()); err != nil || v != version {
		t.Fatalf("schema version %d, %v, want %d", v, err, version)
	}
}

// Migration 5 keys payments per invoice: a database written at version 4
// keeps every payment, and afterwards one bank reference may pay two
// invoices (a transfer split over them).
func TestMigration5KeepsPaymentsAndScopesKeysToTheInvoice(t *testing.T) {
	storetest.EachUnmigrated(t, func(t *testing.T, open func() *store.DB) {
		ctx := context.Background()
		db := open()
		migrateTo(t, db, 4)
		// Written as version 4 did: customers, two invoices, payments
		// keyed globally.
		cust := store.Customer{ID: "C1", Kind: billing.Business, Party: contract.Party{Name: "Webshop ApS", CVR: "12345674", Address: "Vestergade 1, 7400 Herning", Country: "DK"}}
		if err := store.PutCustomer(ctx, db, cust); err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{"INV-000001", "INV-000002"} {
			inv, err := billing.NewInvoice(billing.InvoiceInput{
				Number: n, Issued: contract.MustDate(2026, 1, 1), Seller: contract.OpenDIMSTerms().Provider, Buyer: cust.Party,
				Treatment: billing.DomesticVAT, SupplyFrom: contract.MustDate(2026, 1, 1), SupplyTo: contract.MustDate(2026, 1, 31),
				Lines: []billing.Line{{Description: "basic", Quantity: contract.Dec(dec("1")), UnitPrice: dkk("100.00"), VATRate: contract.Dec(danishVAT)}},
			}, contract.Counter{})
			if err != nil {
				t.Fatal(err)
			}
			if err := store.InsertInvoice(ctx, db, store.StoredInvoice{Invoice: inv, ChargeKey: "charge/" + n, Customer: "C1", Subscription: "sub-1"}); err != nil {
				t.Fatal(err)
			}
		}
		exec(t, db, `INSERT INTO payments (payment_key, number, paid_on, amount) VALUES ('bank-1', 'INV-000001', '2026-01-10', '100.00')`)
		exec(t, db, `INSERT INTO payments (payment_key, number, paid_on, amount) VALUES ('INV-000001/2026-01-11/25.00', 'INV-000001', '2026-01-11', '25.00')`)

		migrateTo(t, db, 5)
		c, err := store.GetCollection(ctx, db, "INV-000001")
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Debt.Payments) != 2 {
			t.Errorf("after migration 5: %d payments of INV-000001, want the 2 written at version 4", len(c.Debt.Payments))
		}
		// The same reference on the other invoice is stored; on the same
		// invoice with another amount it is refused.
		if ok, err := store.AddPayment(ctx, db, "bank-1", "INV-000002", billing.Payment{Date: contract.MustDate(2026, 1, 10), Amount: dkk("25.00")}); err != nil || !ok {
			t.Errorf("bank-1 against INV-000002 after migration 5 = %v, %v, want stored", ok, err)
		}
		if _, err := store.AddPayment(ctx, db, "bank-1", "INV-000001", billing.Payment{Date: contract.MustDate(2026, 1, 10), Amount: dkk("1.00")}); !errors.Is(err, store.ErrDuplicatePayment) {
			t.Errorf("bank-1 against INV-000001 with another amount = %v, want ErrDuplicatePayment", err)
		}
		if ok, err := store.AddPayment(ctx, db, "bank-1", "INV-000001", billing.Payment{Date: contract.MustDate(2026, 1, 10), Amount: dkk("100.00")}); err != nil || ok {
			t.Errorf("the payment written at version 4 recorded again = %v, %v, want nothing stored, no error", ok, err)
		}
	})
}

// Migration 6 adds the entries' MAC column: a consent ledger written at
// version 5 (an unkeyed chain) is sealed with the key once, after its
// unkeyed chain verifies; a tampered one is not sealed, and a ledger with
// keyed entries is never sealed again.
func TestMigration6SealsAnUnkeyedLedgerOnce(t *testing.T) {
	for _, tampered := range []bool{false, true} {
		storetest.EachUnmigrated(t, func(t *testing.T, open func() *store.DB) {
			ctx := context.Background()
			db := open()
			migrateTo(t, db, 5)
			// Written as version 5 did: SHA-256 chained, no MAC column.
			prev := store.GenesisHash
			at := time.Date(2026, 1, 5, 10, 0, 0, 0, cph)
			for i, subject := range []string{"cust-1", "cust-2", "cust-1"} {
				ev := privacy.ConsentEvent{Subject: subject, Purpose: "marketing", Action: privacy.Given, Method: privacy.MethodAPI, At: at.Add(time.Duration(i) * time.Hour)}
				body, _ := json.Marshal(ev)
				e := store.Entry{Ledger: store.ConsentLedger, Seq: int64(i + 1), At: ev.At, Subject: subject, Kind: "consent.given", Body: body, Prev: prev}
				e.Hash = store.ComputeHash(e)
				zat, zone := store.EncodeInstant(e.At)
				exec(t, db, `INSERT INTO ledger_entries (ledger, seq, at, zone, subject, kind, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					e.Ledger, e.Seq, zat, zone, e.Subject, e.Kind, string(e.Body), e.Prev, e.Hash)
				prev = e.Hash
			}
			if tampered {
				exec(t, db, `UPDATE ledger_entries SET subject = 'cust-9' WHERE seq = 2`)
			}
			migrateTo(t, db, 6)
			l := db.Ledgers(testKey)
			head, sealed, err := l.Seal(ctx, store.ConsentLedger)
			if tampered {
				if !errors.Is(err, store.ErrTampered) || sealed {
					t.Fatalf("Seal of a tampered unkeyed ledger = %v, %v, want ErrTampered", sealed, err)
				}
				return
			}
			if err != nil || !sealed || head.Seq != 3 || head.Hash != prev {
				t.Fatalf("Seal = %+v, %v, %v, want the head at 3", head, sealed, err)
			}
			if _, err := l.Verify(ctx, store.ConsentLedger, head, store.Head{}, store.CheckConsent); err != nil {
				t.Errorf("the sealed ledger does not verify: %v", err)
			}
			// Blanking a MAC does not get an entry sealed again.
			exec(t, db, `UPDATE ledger_entries SET mac = '' WHERE seq = 3`)
			if _, sealed, err := l.Seal(ctx, store.ConsentLedger); sealed || err != nil {
				t.Errorf("Seal of a keyed ledger = %v, %v, want nothing sealed", sealed, err)
			}
			if _, err := l.Verify(ctx, store.ConsentLedger, head, store.Head{}, store.CheckConsent); !errors.Is(err, store.ErrTampered) {
				t.Errorf("Verify with a MAC blanked = %v, want ErrTampered", err)
			}
		})
	}
}
