package app_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"github.com/pimkit/pimkit/sla"

	"github.com/pimkit/pimkit/examples/host/internal/app"
	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/pimkit/pimkit/examples/host/internal/storetest"
)

// clock is the hosts' "now" in these tests: after every month they bill.
var clock = time.Date(2026, 12, 1, 6, 0, 0, 0, time.UTC)

func newApp(t *testing.T, db *store.DB) (*app.App, *bytes.Buffer) {
	t.Helper()
	var out bytes.Buffer
	a, err := app.New(db, func() time.Time { return clock }, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(t.TempDir(), "ledger.key")
	if a.LedgerKey, err = store.LoadLedgerKey(keyFile, true); err != nil {
		t.Fatal(err)
	}
	a.Heads = store.HeadFile{Path: keyFile + ".head"}
	if err := a.Init(context.Background()); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	return a, &out
}

func customer(id string) store.Customer {
	return store.Customer{ID: id, Kind: billing.Business, Party: contract.Party{
		Name: "Shop " + id, CVR: "12345674", Address: "Vestergade 1, 7400 Herning", Country: "DK"}}
}

// subscribe stores n monthly subscriptions accepted on 2025-12-31.
func subscribe(t *testing.T, a *app.App, n int) {
	t.Helper()
	for i := range n {
		id := fmt.Sprintf("C%02d", i+1)
		if err := a.Subscribe(context.Background(), customer(id), "sub-"+id, "basic-monthly", contract.MustDate(2025, 12, 31)); err != nil {
			t.Fatal(err)
		}
	}
}

// invoices returns every invoice's number and charge key.
func invoices(t *testing.T, db *store.DB) map[string]string {
	t.Helper()
	nums, err := store.InvoiceNumbers(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, n := range nums {
		inv, err := store.GetInvoice(context.Background(), db, n)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = inv.ChargeKey
	}
	return out
}

// checkInvoices checks that each charge is invoiced once and the invoice
// numbers run 1..n without gaps (momsbekendtgørelsen § 58(1)(2)).
func checkInvoices(t *testing.T, got map[string]string, n int) {
	t.Helper()
	if len(got) != n {
		t.Errorf("%d invoices, want %d: %v", len(got), n, got)
	}
	charges := map[string]string{}
	for num, key := range got {
		if other, dup := charges[key]; dup {
			t.Errorf("charge %s invoiced twice: %s and %s", key, other, num)
		}
		charges[key] = num
	}
	for i := 1; i <= n; i++ {
		if _, ok := got[store.InvoiceNumber(int64(i))]; !ok {
			t.Errorf("invoice number %s missing: the sequence has a gap", store.InvoiceNumber(int64(i)))
		}
	}
}

func TestBillTwiceBillsNothingTwice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, out := newApp(t, db)
		subscribe(t, a, 3)
		first, err := a.Bill(ctx, "2026-01")
		if err != nil {
			t.Fatal(err)
		}
		// Each subscription: the first period (2025-12-31) and the
		// renewal on 2026-01-31 (terms 19.2), invoiced in advance.
		if first.Invoices != 6 || first.Renewed != 3 {
			t.Errorf("first run: %+v, want 6 invoices and 3 renewals", first)
		}
		before := invoices(t, db)
		out.Reset()
		second, err := a.Bill(ctx, "2026-01")
		if err != nil {
			t.Fatal(err)
		}
		if second.Invoices != 0 || second.AlreadyDone != 3 || second.Demands != 0 {
			t.Errorf("second run: %+v, want nothing new and 3 already billed", second)
		}
		if diff := cmp.Diff(before, invoices(t, db)); diff != "" {
			t.Errorf("the second run changed the invoices (-before +after):\n%s", diff)
		}
		checkInvoices(t, invoices(t, db), 6)
		if !strings.Contains(out.String(), "already billed for 2026-01") {
			t.Errorf("second run output does not say the month was billed:\n%s", out)
		}
	})
}

func TestBillKilledHalfWayCompletesWithoutDuplicates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a, _ := newApp(t, db)
		subscribe(t, a, 5)
		// The run is killed while the third subscription's unit is in
		// its transaction: the work is done but not committed.
		ctx, kill := context.WithCancel(context.Background())
		units := 0
		a.SetBeforeCommit(func(key string) error {
			units++
			if units == 3 {
				kill()
				return errors.New("killed")
			}
			return nil
		})
		if _, err := a.Bill(ctx, "2026-01"); err == nil {
			t.Fatal("the killed run reported success")
		}
		half := invoices(t, db)
		checkInvoices(t, half, 4) // two subscriptions x two periods committed
		a.SetBeforeCommit(nil)
		res, err := a.Bill(context.Background(), "2026-01")
		if err != nil {
			t.Fatal(err)
		}
		if res.AlreadyDone != 2 || res.Invoices != 6 {
			t.Errorf("restarted run: %+v, want 2 already billed and 6 new invoices", res)
		}
		checkInvoices(t, invoices(t, db), 10)
	})
}

func TestBillInterestAndDemands(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, out := newApp(t, db)
		subscribe(t, a, 1)
		for _, m := range []string{"2026-01", "2026-02", "2026-03"} {
			if _, err := a.Bill(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		// INV-000001 (311.25, due 2026-01-30) is never paid: demands at
		// the ends of January, February and March (renteloven § 9 b:
		// at least 10 days apart), then suspension (terms 12.3, two
		// unpaid demands) is allowed.
		c, err := store.GetCollection(ctx, db, "INV-000001")
		if err != nil {
			t.Fatal(err)
		}
		var sent []string
		for _, d := range c.Demands {
			sent = append(sent, d.Sent.String()+" "+store.EncodeDecimal(d.Fee.Amount()))
		}
		want := []string{"2026-01-31 100.00", "2026-02-28 100.00", "2026-03-31 100.00"}
		if diff := cmp.Diff(want, sent); diff != "" {
			t.Errorf("demands (-want +got):\n%s", diff)
		}
		total, ok, err := store.InterestTotal(ctx, db, "INV-000001", contract.MustDate(2026, 3, 31))
		if err != nil || !ok {
			t.Fatalf("no interest statement to 2026-03-31: %v", err)
		}
		// terms 12.3: 2 % a month of 311.25 from 2026-01-30 to 2026-03-31
		// is two months (30/360): 12.45.
		if got := store.EncodeDecimal(total.Amount()); got != "12.45" {
			t.Errorf("interest to 2026-03-31 = %s, want 12.45", got)
		}
		if !strings.Contains(out.String(), "access may be suspended") {
			t.Errorf("no suspension decision (terms 12.3) in the March run:\n%s", out)
		}

		// Paid invoices get no more demands.
		if err := a.Pay(ctx, "INV-000002", "bank-7", contract.MustDate(2026, 4, 2), c.Debt.Amount); err != nil {
			t.Fatal(err)
		}
		if _, err := a.Bill(ctx, "2026-04"); err != nil {
			t.Fatal(err)
		}
		c2, _ := store.GetCollection(ctx, db, "INV-000002")
		c2demands := len(c2.Demands)
		if _, err := a.Bill(ctx, "2026-05"); err != nil {
			t.Fatal(err)
		}
		c3, _ := store.GetCollection(ctx, db, "INV-000002")
		if len(c3.Demands) != c2demands {
			t.Errorf("a paid invoice got another demand: %d, then %d", c2demands, len(c3.Demands))
		}
	})
}

const productsCSV = `sku,status,version,title-da_DK,title-en_GB,price-DKK,price-EUR
CHAIR-1,draft,0,Stol,Chair,499.00,66.95
TABLE-1,draft,0,Bord,Table,1999.50,268.00
`

func TestImportProductsOptimisticConcurrency(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, out := newApp(t, db)
		res, err := a.ImportProducts(ctx, strings.NewReader(productsCSV), catalog.CSVOptions{})
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if want := (app.ImportResult{Rows: 2, Created: 2}); res != want {
			t.Fatalf("first import = %+v, want %+v\n%s", res, want, out)
		}
		// The same file again changes nothing.
		res, err = a.ImportProducts(ctx, strings.NewReader(productsCSV), catalog.CSVOptions{})
		if err != nil || res != (app.ImportResult{Rows: 2, Unchanged: 2}) {
			t.Errorf("re-import = %+v, %v, want 2 unchanged", res, err)
		}
		// An edit from an export at version 1 updates; the same edit
		// made from the same (now stale) export is refused.
		edit := "sku,status,version,title-da_DK\nCHAIR-1,draft,1,Stol (eg)\n"
		res, err = a.ImportProducts(ctx, strings.NewReader(edit), catalog.CSVOptions{})
		if err != nil || res.Updated != 1 {
			t.Fatalf("edit at version 1 = %+v, %v, want 1 updated\n%s", res, err, out)
		}
		out.Reset()
		stale := "sku,status,version,title-da_DK\nCHAIR-1,draft,1,Stol (bøg)\n"
		res, err = a.ImportProducts(ctx, strings.NewReader(stale), catalog.CSVOptions{})
		if err != nil || res.Conflicts != 1 {
			t.Fatalf("stale edit = %+v, %v, want 1 conflict", res, err)
		}
		if want := `store: conflict: product "CHAIR-1" changed: wrote against version 1, current is 2`; !strings.Contains(out.String(), want) {
			t.Errorf("stale edit output = %q, want it to contain %q", out, want)
		}
		p, err := a.Product(ctx, "CHAIR-1")
		if err != nil {
			t.Fatal(err)
		}
		title, _ := p.Get("title", mustTag("da-DK"), "")
		if p.Version != 2 || title.String() != "Stol (eg)" {
			t.Errorf("CHAIR-1 = version %d title %q, want version 2 %q (the stale edit lost)", p.Version, title.String(), "Stol (eg)")
		}
		// A row without a version for an existing SKU is refused too:
		// never a blind overwrite.
		blind := "sku,status,version,title-da_DK\nTABLE-1,draft,,Skrivebord\n"
		res, err = a.ImportProducts(ctx, strings.NewReader(blind), catalog.CSVOptions{})
		if err != nil || res.Conflicts != 1 {
			t.Errorf("blind overwrite = %+v, %v, want 1 conflict", res, err)
		}
		// An invalid row is reported by row and column, the good row
		// still stored.
		out.Reset()
		bad := "sku,status,version,price-DKK\nLAMP-1,draft,0,12.345\nLAMP-2,draft,0,12.50\n"
		res, err = a.ImportProducts(ctx, strings.NewReader(bad), catalog.CSVOptions{})
		if err != nil || res.Invalid != 1 || res.Created != 1 {
			t.Errorf("import with a bad row = %+v, %v, want 1 invalid and 1 created\n%s", res, err, out)
		}
		if !strings.Contains(out.String(), "row 2") {
			t.Errorf("bad row not reported by number: %q", out)
		}
	})
}

func TestConcurrentProductWritersOneWins(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, _ := newApp(t, db)
		if _, err := a.ImportProducts(ctx, strings.NewReader(productsCSV), catalog.CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		const writers = 6
		var wg sync.WaitGroup
		results := make([]app.ImportResult, writers)
		errs := make([]error, writers)
		for i := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				w, err := app.New(db, func() time.Time { return clock }, io.Discard, io.Discard)
				if err != nil {
					errs[i] = err
					return
				}
				edit := fmt.Sprintf("sku,status,version,title-da_DK\nCHAIR-1,draft,1,Stol %d\n", i)
				results[i], errs[i] = w.ImportProducts(ctx, strings.NewReader(edit), catalog.CSVOptions{})
			}()
		}
		wg.Wait()
		updated, conflicts := 0, 0
		for i := range writers {
			if errs[i] != nil {
				t.Errorf("writer %d: %v", i, errs[i])
			}
			updated += results[i].Updated
			conflicts += results[i].Conflicts
		}
		if updated != 1 || conflicts != writers-1 {
			t.Errorf("%d writers of version 1: %d updated, %d conflicts; want 1 and %d", writers, updated, conflicts, writers-1)
		}
	})
}

func TestSLAReport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, out := newApp(t, db)
		cph := a.Location
		// 43 minutes down in January (terms 8.1: 99.9 % of 744 h allows
		// 44 min 38.4 s), plus a planned window with 4 days' notice that
		// excludes its 60 minutes (terms 3.2).
		must(t, a.RecordOutage(ctx, sla.Outage{ID: "inc-1", Component: "api", Start: time.Date(2026, 1, 10, 12, 0, 0, 0, cph), End: time.Date(2026, 1, 10, 12, 43, 0, 0, cph)}))
		must(t, a.RecordOutage(ctx, sla.Outage{ID: "mw-out", Component: "api", Start: time.Date(2026, 1, 20, 22, 0, 0, 0, cph), End: time.Date(2026, 1, 20, 23, 0, 0, 0, cph)}))
		must(t, a.RecordWindow(ctx, sla.Window{ID: "mw-1", Kind: sla.Planned, Notified: time.Date(2026, 1, 16, 22, 0, 0, 0, cph),
			Start: time.Date(2026, 1, 20, 22, 0, 0, 0, cph), End: time.Date(2026, 1, 20, 23, 0, 0, 0, cph)}))
		var svg bytes.Buffer
		r, err := a.SLAReport(ctx, "2026-01", &svg)
		if err != nil {
			t.Fatal(err)
		}
		if r.Availability.Downtime.Std() != 43*time.Minute || r.Availability.Excluded.Std() != time.Hour || !r.Met {
			t.Errorf("January: downtime %s, excluded %s, met %t; want 43m0s, 1h0m0s, true", r.Availability.Downtime, r.Availability.Excluded, r.Met)
		}
		if !strings.HasPrefix(strings.TrimSpace(svg.String()), "<svg") || !strings.Contains(svg.String(), "</svg>") {
			t.Errorf("SVG output is not an SVG document: %.80q", svg.String())
		}
		if !strings.Contains(out.String(), "availability 99.903 %") {
			t.Errorf("report does not show 99.903 %% (rounded down):\n%s", out)
		}
	})
}

func TestConsentProofDetectsTampering(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, out := newApp(t, db)
		notice := privacy.NoticeHash{1, 2, 3}
		for _, ev := range []privacy.ConsentEvent{
			{Subject: "cust-1", Purpose: "marketing.communications.email", Action: privacy.Given, Method: privacy.MethodForm,
				Notice: notice, Policy: contract.MustDate(2025, 2, 1), At: time.Date(2026, 1, 5, 10, 0, 0, 0, a.Location)},
			{Subject: "cust-2", Purpose: "marketing.communications.email", Action: privacy.Given, Method: privacy.MethodForm,
				Notice: notice, Policy: contract.MustDate(2025, 2, 1), At: time.Date(2026, 1, 6, 10, 0, 0, 0, a.Location)},
			{Subject: "cust-1", Purpose: "marketing.communications.email", Action: privacy.Withdrawn, Method: privacy.MethodLink,
				At: time.Date(2026, 1, 20, 10, 0, 0, 0, a.Location)},
		} {
			must(t, a.RecordConsent(ctx, ev))
		}
		states, err := a.ConsentProof(ctx, "cust-1", time.Date(2026, 1, 10, 0, 0, 0, 0, a.Location), store.Head{})
		if err != nil {
			t.Fatal(err)
		}
		if len(states) != 1 || !states[0].Granted() {
			t.Errorf("GDPR Art. 7(1) state on 2026-01-10 = %v, want granted", states)
		}
		states, err = a.ConsentProof(ctx, "cust-1", clock, store.Head{})
		if err != nil {
			t.Fatal(err)
		}
		if len(states) != 1 || states[0].Granted() {
			t.Errorf("GDPR Art. 7(3) state after withdrawal = %v, want not granted", states)
		}
		if strings.Contains(out.String(), "cust-2") {
			t.Errorf("the proof for cust-1 shows another subject:\n%s", out)
		}
		// Someone turns cust-1's withdrawal into a grant in the database.
		if _, err := db.Exec(ctx, `UPDATE ledger_entries SET kind = ? WHERE seq = 3`, "consent.given"); err != nil {
			t.Fatal(err)
		}
		_, err = a.ConsentProof(ctx, "cust-1", clock, store.Head{})
		var te *store.TamperError
		if !errors.As(err, &te) || te.Seq != 3 {
			t.Errorf("proof over a tampered ledger = %v, want a TamperError at entry 3", err)
		}
	})
}

func TestDSRDue(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, out := newApp(t, db)
		// GDPR Art. 12(3): one month from receipt; received Saturday
		// 2026-01-31, due Monday 2026-03-02 (Reg. 1182/71 Art. 3(4)).
		must(t, a.ReceiveRequest(ctx, "dsr-1", "cust-1", privacy.Access, contract.MustDate(2026, 1, 31)))
		must(t, a.ReceiveRequest(ctx, "dsr-2", "cust-2", privacy.Erasure, contract.MustDate(2026, 1, 2)))
		must(t, a.ReceiveRequest(ctx, "dsr-3", "cust-3", privacy.Portability, contract.MustDate(2026, 1, 5)))
		must(t, a.AdvanceRequest(ctx, "dsr-3", "complete", contract.MustDate(2026, 1, 20), ""))
		out.Reset()
		open, err := a.DSRDue(ctx, contract.MustDate(2026, 2, 10))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range open {
			got = append(got, fmt.Sprintf("%s %s overdue=%t", r.ID, r.Due.Date, r.Overdue(contract.MustDate(2026, 2, 10))))
		}
		want := []string{"dsr-2 2026-02-02 overdue=true", "dsr-1 2026-03-02 overdue=false"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("open requests on 2026-02-10 (-want +got):\n%s", diff)
		}
		if !strings.Contains(out.String(), "OVERDUE by 8 days") {
			t.Errorf("dsr-due output does not flag dsr-2 overdue by 8 days:\n%s", out)
		}
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestConcurrentBillRunsBillOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a, _ := newApp(t, db)
		subscribe(t, a, 4)
		// Two operators start the same month at once (two processes
		// on one database): each unit is done by exactly one of them.
		const runs = 2
		var wg sync.WaitGroup
		results := make([]app.BillResult, runs)
		errs := make([]error, runs)
		for i := range runs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := app.New(db, func() time.Time { return clock }, io.Discard, io.Discard)
				if err != nil {
					errs[i] = err
					return
				}
				results[i], errs[i] = r.Bill(context.Background(), "2026-01")
			}()
		}
		wg.Wait()
		issued, done := 0, 0
		for i := range runs {
			if errs[i] != nil {
				t.Errorf("run %d: %v", i, errs[i])
			}
			issued += results[i].Invoices
			done += results[i].AlreadyDone
		}
		if issued != 8 || done != 4 {
			t.Errorf("two concurrent runs issued %d invoices and found %d units done; want 8 and 4", issued, done)
		}
		checkInvoices(t, invoices(t, db), 8)
	})
}

func TestBillMonthsOutOfOrder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, _ := newApp(t, db)
		subscribe(t, a, 1)
		// February is billed before January: February's run renews
		// through both; January's run then finds nothing left to do.
		feb, err := a.Bill(ctx, "2026-02")
		if err != nil {
			t.Fatal(err)
		}
		jan, err := a.Bill(ctx, "2026-01")
		if err != nil {
			t.Fatal(err)
		}
		if feb.Invoices != 3 || jan.Invoices != 0 {
			t.Errorf("February then January: %d and %d invoices, want 3 and 0 (periods from 2025-12-31, 2026-01-31, 2026-02-28)", feb.Invoices, jan.Invoices)
		}
		checkInvoices(t, invoices(t, db), 3)
	})
}

func TestBillRefusesAMonthNotEnded(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a, _ := newApp(t, db)
		_, err := a.Bill(context.Background(), "2026-12") // clock: 2026-12-01
		if err == nil || !strings.Contains(err.Error(), "month 2026-12 has not ended: its last day is 2026-12-31, today is 2026-12-01") {
			t.Errorf("Bill(2026-12) on 2026-12-01 = %v, want a refusal", err)
		}
	})
}
