package app_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"golang.org/x/text/currency"

	"github.com/pimkit/pimkit/examples/host/internal/app"
	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/pimkit/pimkit/examples/host/internal/storetest"
)

// payments returns the payments stored against an invoice as "day amount".
func payments(t *testing.T, db *store.DB, number string) []string {
	t.Helper()
	c, err := store.GetCollection(context.Background(), db, number)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range c.Debt.Payments {
		out = append(out, p.Date.String()+" "+store.EncodeDecimal(p.Amount.Amount()))
	}
	return out
}

// A payment is never lost without a word: each step says whether it was
// stored, and a payment that cannot be stored is an error (terms 12.3: the
// debt is what is left after the payments received).
func TestPayRefusesDuplicatesAndNeverLosesAPayment(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, out := newApp(t, db)
		subscribe(t, a, 2)
		if _, err := a.Bill(ctx, "2026-01"); err != nil {
			t.Fatal(err)
		}
		day := contract.MustDate(2026, 2, 3)
		amount := contract.MustParseMoney("100.00", currency.DKK)
		steps := []struct {
			name             string
			invoice, ref     string
			on               contract.Date
			amount           string
			wantErr          error
			wantOut          string
			stored1, stored2 int
		}{
			{"a payment is recorded", "INV-000001", "bank-4711", day, "100.00", nil, "recorded against INV-000001", 1, 0},
			{"the very same payment again stores nothing and says so", "INV-000001", "bank-4711", day, "100.00", nil, "already recorded under that reference: nothing stored", 1, 0},
			{"the same amount written with another scale is the same payment", "INV-000001", "bank-4711", day, "100.0", nil, "already recorded", 1, 0},
			{"the reference with another amount is refused", "INV-000001", "bank-4711", day, "50.00", store.ErrDuplicatePayment, "", 1, 0},
			{"the reference on another day is refused", "INV-000001", "bank-4711", day.AddDays(1), "100.00", store.ErrDuplicatePayment, "", 1, 0},
			{"the reference may pay another invoice: keys are per invoice", "INV-000003", "bank-4711", day, "100.00", nil, "recorded against INV-000003", 1, 1},
			{"without a reference a payment is recorded", "INV-000001", "", day, "20.00", nil, "recorded against INV-000001", 2, 1},
			{"without a reference an equal payment on the same day is refused", "INV-000001", "", day, "20.00", app.ErrSamePaymentAgain, "", 2, 1},
			{"with its reference the second equal payment is recorded", "INV-000001", "bank-4712", day, "20.00", nil, "recorded against INV-000001", 3, 1},
		}
		for _, s := range steps {
			out.Reset()
			err := a.Pay(ctx, s.invoice, s.ref, s.on, contract.MustParseMoney(s.amount, currency.DKK))
			switch {
			case s.wantErr == nil && err != nil:
				t.Errorf("%s: Pay = %v, want nil", s.name, err)
			case s.wantErr != nil && !errors.Is(err, s.wantErr):
				t.Errorf("%s: Pay = %v, want %v", s.name, err, s.wantErr)
			}
			if !strings.Contains(out.String(), s.wantOut) {
				t.Errorf("%s: output %q lacks %q", s.name, out, s.wantOut)
			}
			if s.wantErr != nil && (strings.Contains(err.Error(), "INV-") || strings.Contains(err.Error(), "bank-")) {
				t.Errorf("%s: the error echoes the invoice or the reference: %v", s.name, err)
			}
			if n := len(payments(t, db, "INV-000001")); n != s.stored1 {
				t.Errorf("%s: INV-000001 has %d payments, want %d", s.name, n, s.stored1)
			}
			if n := len(payments(t, db, "INV-000003")); n != s.stored2 {
				t.Errorf("%s: INV-000003 has %d payments, want %d", s.name, n, s.stored2)
			}
		}
		if err := a.Pay(ctx, "INV-999999", "bank-1", day, amount); !errors.Is(err, app.ErrNoInvoice) || strings.Contains(err.Error(), "INV-999999") {
			t.Errorf("Pay of a missing invoice = %v, want ErrNoInvoice without the number", err)
		}
	})
}

// Payments of one invoice recorded at once by several processes all count:
// the invoice is settled on the day the last one covered the total (a
// stale settled_on would have the month-end run charge interest and send
// demands, renteloven §§ 9 a-b, on a paid invoice).
func TestConcurrentPaymentsSettleTheInvoice(t *testing.T) {
	const payers = 5
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, _ := newApp(t, db)
		subscribe(t, a, 1)
		if _, err := a.Bill(ctx, "2026-06"); err != nil {
			t.Fatal(err)
		}
		nums, err := store.InvoiceNumbers(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		for _, num := range nums {
			// 311.25 in five parts of 62.25, each by its own payer.
			var wg sync.WaitGroup
			errs := make([]error, payers)
			start := make(chan struct{})
			for i := range payers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					p, err := app.New(db, func() time.Time { return clock }, io.Discard, io.Discard)
					if err != nil {
						errs[i] = err
						return
					}
					<-start
					errs[i] = p.Pay(ctx, num, fmt.Sprintf("bank-%d", i), contract.MustDate(2026, 2, 1+i), contract.MustParseMoney("62.25", currency.DKK))
				}()
			}
			close(start)
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Errorf("%s payer %d: %v", num, i, err)
				}
			}
			var settled string
			if err := db.QueryRow(ctx, `SELECT settled_on FROM invoices WHERE number = ?`, num).Scan(&settled); err != nil {
				t.Fatal(err)
			}
			if settled != "2026-02-05" {
				t.Errorf("%s paid in full by %d concurrent payments: settled_on = %q, want 2026-02-05 (%v)", num, payers, settled, payments(t, db, num))
			}
		}
	})
}

// Month-end runs of different months at once (an operator catching up
// while the scheduler runs) all succeed, and each period is invoiced once
// with numbers without gaps (momsbekendtgørelsen § 58(1)(2)).
func TestConcurrentBillOfDifferentMonths(t *testing.T) {
	months := []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a, _ := newApp(t, db)
		subscribe(t, a, 6)
		var wg sync.WaitGroup
		errs := make([]error, len(months))
		start := make(chan struct{})
		for i, m := range months {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := app.New(db, func() time.Time { return clock }, io.Discard, io.Discard)
				if err != nil {
					errs[i] = err
					return
				}
				<-start
				_, errs[i] = r.Bill(context.Background(), m)
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("bill %s: %v", months[i], err)
			}
		}
		// Periods from 2025-12-31 to the one holding 2026-06-30: seven a
		// subscription.
		checkInvoices(t, invoices(t, db), 6*7)
	})
}

// Credits go to customers only (terms 7.2: credits are a customer's).
func TestCreditsRefuseAnAccountThatIsNoCustomer(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, _ := newApp(t, db)
		subscribe(t, a, 1)
		at := time.Date(2026, 1, 1, 0, 0, 0, 0, a.Location)
		if err := a.PostCredits(ctx, "C01", "grant-1", at, billing.Grant, 100, ""); err != nil {
			t.Fatalf("credits to a customer: %v", err)
		}
		err := a.PostCredits(ctx, "NOBODY-42", "grant-1", at, billing.Grant, 100, "")
		if !errors.Is(err, store.ErrNotFound) || strings.Contains(err.Error(), "NOBODY-42") {
			t.Errorf("credits to no customer = %v, want ErrNotFound without the account", err)
		}
		var n int
		if err := db.QueryRow(ctx, `SELECT COUNT(*) FROM credit_entries WHERE account = ?`, "NOBODY-42").Scan(&n); err != nil || n != 0 {
			t.Errorf("%d entries stored for no customer (%v)", n, err)
		}
	})
}

// A consent ledger written before the chain was keyed (its entries have no
// MAC, as migration 6 leaves them) is sealed by Init with the key, and
// proves consent afterwards; Init does not seal it again.
func TestInitSealsAnUnkeyedConsentLedger(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, out := newApp(t, db)
		at := time.Date(2026, 1, 5, 10, 0, 0, 0, a.Location)
		prev := store.GenesisHash
		for i, subject := range []string{"cust-1", "cust-2"} {
			ev := privacy.ConsentEvent{Subject: subject, Purpose: "marketing", Action: privacy.Given, Method: privacy.MethodForm,
				Notice: privacy.NoticeHash{1}, Policy: contract.MustDate(2025, 2, 1), At: at.Add(time.Duration(i) * time.Hour)}
			body, _ := json.Marshal(ev)
			e := store.Entry{Ledger: store.ConsentLedger, Seq: int64(i + 1), At: ev.At, Subject: subject, Kind: "consent.given", Body: body, Prev: prev}
			e.Hash = store.ComputeHash(e)
			zat, zone := store.EncodeInstant(e.At)
			if _, err := db.Exec(ctx, `INSERT INTO ledger_entries (ledger, seq, at, zone, subject, kind, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				e.Ledger, e.Seq, zat, zone, e.Subject, e.Kind, string(e.Body), e.Prev, e.Hash); err != nil {
				t.Fatal(err)
			}
			prev = e.Hash
		}
		// newApp's Init started a head for the empty ledger; the upgraded
		// host has none yet.
		if err := os.Remove(a.Heads.Path); err != nil {
			t.Fatal(err)
		}
		if _, err := a.ConsentProof(ctx, "cust-1", clock, store.Head{}); !errors.Is(err, app.ErrNoHead) {
			t.Errorf("proof before sealing = %v, want ErrNoHead", err)
		}
		must(t, a.Init(ctx))
		if !strings.Contains(out.String(), "consent ledger sealed with the ledger key: 2 entries") {
			t.Errorf("Init did not seal:\n%s", out)
		}
		states, err := a.ConsentProof(ctx, "cust-1", clock, store.Head{})
		if err != nil || len(states) != 1 || !states[0].Granted() {
			t.Errorf("proof after sealing = %v, %v, want cust-1's consent (GDPR Art. 7(1))", states, err)
		}
		out.Reset()
		must(t, a.Init(ctx))
		if strings.Contains(out.String(), "sealed") {
			t.Errorf("Init sealed again:\n%s", out)
		}
	})
}
