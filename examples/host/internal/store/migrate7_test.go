package store_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"github.com/pimkit/pimkit/sla"
	"golang.org/x/text/currency"

	"github.com/pimkit/pimkit/examples/host/internal/app"
	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/pimkit/pimkit/examples/host/internal/storetest"
)

// loadV6 writes the rows of testdata/v6.sql -- a database as the previous
// host program wrote it at schema version 6 -- into db, which must be
// migrated to version 6 and empty.
func loadV6(t *testing.T, db *store.DB) {
	t.Helper()
	b, err := os.ReadFile("testdata/v6.sql")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for stmt := range strings.SplitSeq(string(b), "\n;\n") {
		var lines []string
		for line := range strings.SplitSeq(stmt, "\n") {
			if !strings.HasPrefix(line, "--") {
				lines = append(lines, line)
			}
		}
		if s := strings.TrimSpace(strings.Join(lines, "\n")); s != "" {
			exec(t, db, s)
			n++
		}
	}
	if n < 100 {
		t.Fatalf("testdata/v6.sql: %d statements, want the whole database", n)
	}
}

// v6Head is the consent ledger's signed head the previous program kept
// beside its key (testKey) when it wrote testdata/v6.sql.
func v6Head(t *testing.T) store.SignedHead {
	t.Helper()
	b, err := os.ReadFile("testdata/v6.head")
	if err != nil {
		t.Fatal(err)
	}
	var h store.SignedHead
	if err := json.Unmarshal(b, &h); err != nil {
		t.Fatal(err)
	}
	return h
}

var (
	jan = func(d int) contract.Date { return contract.MustDate(2026, 1, d) }
	eur = func(s string) contract.Money { return contract.MustParseMoney(s, currency.EUR) }
)

// The reader refuses a value in the previous version's text form instead
// of guessing what it means: a database at version 6 read by this program
// without migration 7 is an error wrapping ErrBadValue, never a wrong
// value.
func TestUnmigratedOldFormsAreRefused(t *testing.T) {
	storetest.EachUnmigrated(t, func(t *testing.T, open func() *store.DB) {
		ctx := context.Background()
		db := open()
		migrateTo(t, db, 6)
		loadV6(t, db)
		if _, err := store.SubscriptionEvents(ctx, db, "sub-3"); !errors.Is(err, store.ErrBadValue) || !strings.Contains(err.Error(), `"change-scheduled"`) {
			t.Errorf("events with kind change-scheduled read = %v, want ErrBadValue naming it", err)
		}
		// INV-900001's due_kind is made new so that its treatment is the
		// one old value left in the row.
		exec(t, db, `UPDATE invoices SET due_kind = 'to_act' WHERE number = 'INV-900001'`)
		if _, err := store.GetInvoice(ctx, db, "INV-900001"); !errors.Is(err, store.ErrBadValue) || !strings.Contains(err.Error(), `"reverse-charge"`) {
			t.Errorf("an invoice with treatment reverse-charge read = %v, want ErrBadValue naming it", err)
		}
		if _, err := store.GetInvoice(ctx, db, "INV-000001"); !errors.Is(err, store.ErrBadValue) || !strings.Contains(err.Error(), `"to-act"`) {
			t.Errorf("an invoice due by a to-act deadline read = %v, want ErrBadValue naming it", err)
		}
		from := time.Date(2026, 1, 1, 0, 0, 0, 0, cph)
		if _, err := store.Windows(ctx, db, from, from.AddDate(0, 1, 0)); !errors.Is(err, store.ErrBadValue) || !strings.Contains(err.Error(), `"force-majeure"`) {
			t.Errorf("a force-majeure window read = %v, want ErrBadValue naming it", err)
		}
		// And the program itself refuses the database until it is
		// migrated: every command but init checks the version.
		if v, err := db.SchemaVersion(ctx); err != nil || v == store.LatestVersion() {
			t.Errorf("schema version %d, %v: the unmigrated database passes for the latest", v, err)
		}
	})
}

// Migration 7 upgrades a database the previous program wrote (schema 6,
// testdata/v6.sql) to the new forms; every value reads back as what the
// previous version meant, and as what this version computes for the same
// facts (terms 12.3 invoices and interest, terms 19.2-19.4 plan changes,
// terms 3.2 windows, GDPR Art. 7(1) consent proof, Art. 12(3) requests).
func TestMigration7UpgradesAVersion6Database(t *testing.T) {
	storetest.EachUnmigrated(t, func(t *testing.T, open func() *store.DB) {
		ctx := context.Background()
		db := open()
		migrateTo(t, db, 6)
		loadV6(t, db)
		migrateTo(t, db, 7)
		terms := contract.OpenDIMSTerms()

		// Plans: the prices as Money, the same as this program's.
		plans, err := store.Plans(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		wantPlans := app.DefaultPlans()
		byID := map[string]billing.Plan{}
		for _, p := range plans {
			byID[p.ID] = p
		}
		for _, p := range wantPlans {
			if diff := cmp.Diff(p, byID[p.ID]); diff != "" {
				t.Errorf("plan %s (-want +got):\n%s", p.ID, diff)
			}
		}

		// sub-3's story (terms 19.1-19.4): created on pro, a downgrade
		// scheduled, an upgrade suggested, renewed onto basic. The
		// events read back as this version's billing tells the story.
		pro, basic := byID["pro-monthly"], byID["basic-monthly"]
		s, want, err := billing.Subscribe("sub-3", pro, jan(15))
		if err != nil {
			t.Fatal(err)
		}
		s, evs, err := s.ChangePlan(basic, jan(20))
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, evs...)
		if ev, ok := s.OverUse(2_000_000, []billing.Plan{basic, pro}, jan(21)); ok {
			want = append(want, ev)
		}
		_, evs, err = s.Renew(contract.MustDate(2026, 2, 15))
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, evs...)
		got, err := store.SubscriptionEvents(ctx, db, "sub-3")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(billing.Event{}, "Reason", "Credits")); diff != "" {
			t.Errorf("terms 19.1-19.4 events of sub-3 (-want +got):\n%s", diff)
		}
		var kinds []billing.EventKind
		for _, e := range got {
			kinds = append(kinds, e.Kind)
		}
		wantKinds := []billing.EventKind{billing.Created, billing.Charged, billing.ChangeScheduled, billing.UpgradeSuggested, billing.PlanChanged, billing.Renewed, billing.Charged}
		if !cmp.Equal(wantKinds, kinds) {
			t.Errorf("event kinds %v, want %v", kinds, wantKinds)
		}
		// Each event's key is the one this version computes, so storing
		// the event again is still a no-op.
		keys, err := storeStrings(ctx, db, `SELECT event_key FROM subscription_events WHERE subscription_id = 'sub-3' ORDER BY seq`)
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range got {
			if i < len(keys) && keys[i] != store.EventKey(e) {
				t.Errorf("event %d key %q, want %q", i+1, keys[i], store.EventKey(e))
			}
		}
		sub, err := store.GetSubscription(ctx, db, "sub-3")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := store.UpdateSubscription(ctx, db, sub, got); err != nil {
			t.Fatal(err)
		}
		if again, err := store.SubscriptionEvents(ctx, db, "sub-3"); err != nil || len(again) != len(got) {
			t.Errorf("storing sub-3's events again: %d events, %v, want the %d stored once", len(again), err, len(got))
		}

		// The reverse-charge invoice in EUR reads back as billing issues
		// it (momsloven § 46(1)(3): no Danish VAT, the buyer accounts).
		buyer, err := store.GetCustomer(ctx, db, "C3")
		if err != nil {
			t.Fatal(err)
		}
		wantInv, err := billing.NewInvoice(billing.InvoiceInput{
			Number: "INV-900001", Issued: jan(31), Seller: terms.Provider, Buyer: buyer.Party,
			Treatment: billing.ReverseCharge, SupplyFrom: jan(15), SupplyTo: contract.MustDate(2026, 2, 14),
			Lines: []billing.Line{{Description: "Consulting, 2.5 hours", Quantity: contract.MustDec("2.5"), UnitPrice: eur("120.00"), VATRate: contract.Decimal{}}},
		}, contract.Counter{})
		if err != nil {
			t.Fatal(err)
		}
		inv, err := store.GetInvoice(ctx, db, "INV-900001")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(wantInv, inv.Invoice); diff != "" {
			t.Errorf("reverse-charge invoice (-want +got):\n%s", diff)
		}
		if !inv.Total.Equal(eur("300.00")) || inv.Treatment != billing.ReverseCharge {
			t.Errorf("INV-900001 total %v, treatment %v, want 300.00 EUR reverse_charge", inv.Total, inv.Treatment)
		}
		c, err := store.GetCollection(ctx, db, "INV-900001")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]billing.Payment{{Date: contract.MustDate(2026, 2, 10), Amount: eur("150.00")}}, c.Debt.Payments); diff != "" {
			t.Errorf("EUR payment (-want +got):\n%s", diff)
		}

		// INV-000001 (terms 12.3: 249.00 + 25 % VAT, due 30 days after
		// 2025-12-31), part paid, three demands with the fee of renteloven
		// § 9 b and a fourth without one.
		inv, err = store.GetInvoice(ctx, db, "INV-000001")
		if err != nil {
			t.Fatal(err)
		}
		if !inv.Total.Equal(dkk("311.25")) || !inv.Net.Equal(dkk("249.00")) || !inv.VAT.Equal(dkk("62.25")) ||
			inv.Due != jan(30) || inv.DueDeadline.Kind != contract.ToAct || inv.Treatment != billing.DomesticVAT {
			t.Errorf("INV-000001 = net %v vat %v total %v due %v (%v) %v, want 249.00 + 62.25 = 311.25 DKK due 2026-01-30 to_act domestic",
				inv.Net, inv.VAT, inv.Total, inv.Due, inv.DueDeadline.Kind, inv.Treatment)
		}
		if len(inv.Lines) != 1 || !inv.Lines[0].UnitPrice.Equal(dkk("249.00")) || !inv.Lines[0].Net.Equal(dkk("249.00")) ||
			len(inv.VATSummary) != 1 || !inv.VATSummary[0].VAT.Equal(dkk("62.25")) {
			t.Errorf("INV-000001 lines %+v, VAT summary %+v", inv.Lines, inv.VATSummary)
		}
		c, err = store.GetCollection(ctx, db, "INV-000001")
		if err != nil {
			t.Fatal(err)
		}
		wantC := billing.Collection{Invoice: "INV-000001", Debt: inv.Debt(billing.Business),
			Demands: []billing.Demand{{Sent: jan(31), Fee: dkk("100.00")}, {Sent: contract.MustDate(2026, 2, 28), Fee: dkk("100.00")},
				{Sent: contract.MustDate(2026, 3, 31), Fee: dkk("100.00")}, {Sent: contract.MustDate(2026, 4, 30)}},
			Compensation: dkk("310.00"), CompensationClaimed: jan(31)}
		wantC.Debt.Payments = []billing.Payment{{Date: contract.MustDate(2026, 2, 3), Amount: dkk("100.50")}}
		if diff := cmp.Diff(wantC, c); diff != "" {
			t.Errorf("renteloven §§ 9 a-b collection of INV-000001 (-want +got):\n%s", diff)
		}
		// The interest statements read as this version renders them.
		for _, until := range []contract.Date{contract.MustDate(2026, 2, 28), contract.MustDate(2026, 3, 31), contract.MustDate(2026, 4, 30)} {
			st, err := billing.InterestRulesFor(terms).Interest(c.Debt, until)
			if err != nil {
				t.Fatal(err)
			}
			var text string
			if err := db.QueryRow(ctx, `SELECT statement FROM interest_statements WHERE number = 'INV-000001' AND until_day = ?`, until.String()).Scan(&text); err != nil {
				t.Fatal(err)
			}
			if text != st.String() {
				t.Errorf("terms 12.3 interest statement to %s:\n%s\nwant as rendered now:\n%s", until, text, st)
			}
			total, ok, err := store.InterestTotal(ctx, db, "INV-000001", until)
			if err != nil || !ok || !total.Equal(st.Total) {
				t.Errorf("interest total to %s = %v, %v, %v, want %v", until, total, ok, err, st.Total)
			}
		}
		// Every invoice, payment and collection of the database reads.
		numbers, err := store.InvoiceNumbers(ctx, db)
		if err != nil || len(numbers) != 11 {
			t.Fatalf("%d invoices, %v, want 11", len(numbers), err)
		}
		for _, n := range numbers {
			if _, err := store.GetCollection(ctx, db, n); err != nil {
				t.Errorf("invoice %s: %v", n, err)
			}
		}

		// Credits (terms 7.2) as posted.
		l, err := store.CreditLedger(ctx, db, "C2", 0)
		if err != nil {
			t.Fatal(err)
		}
		if es := l.Entries(); len(es) != 2 || es[1].Kind != billing.Purchase || es[1].Balance != 1250 || !es[0].At.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, cph)) {
			t.Errorf("credit ledger of C2 = %+v, want a grant of 1000 and a purchase of 250", es)
		}

		// Terms 3.2 windows and the outages, kinds in the new names.
		from := time.Date(2026, 1, 1, 0, 0, 0, 0, cph)
		ws, err := store.Windows(ctx, db, from, from.AddDate(0, 1, 0))
		if err != nil {
			t.Fatal(err)
		}
		wantW := []sla.Window{
			{ID: "mw-1", Kind: sla.Planned, Notified: time.Date(2026, 1, 16, 22, 0, 0, 0, cph), Start: time.Date(2026, 1, 20, 22, 0, 0, 0, cph), End: time.Date(2026, 1, 20, 23, 0, 0, 0, cph)},
			{ID: "fm-1", Kind: sla.ForceMajeure, Start: time.Date(2026, 1, 22, 10, 0, 0, 0, cph), End: time.Date(2026, 1, 22, 11, 30, 0, 0, cph)},
			{ID: "em-1", Kind: sla.Emergency, Notified: time.Date(2026, 1, 25, 9, 0, 0, 0, cph), Start: time.Date(2026, 1, 25, 9, 30, 0, 0, cph), End: time.Date(2026, 1, 25, 10, 0, 0, 0, cph)},
		}
		if diff := cmp.Diff(wantW, ws, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
			t.Errorf("terms 3.2 windows (-want +got):\n%s", diff)
		}
		os, err := store.Outages(ctx, db, from, from.AddDate(0, 1, 0))
		if err != nil {
			t.Fatal(err)
		}
		var impacts []sla.Impact
		for _, o := range os {
			impacts = append(impacts, o.Impact)
		}
		if want := []sla.Impact{sla.Unavailable, sla.Partial, sla.Degraded}; !cmp.Equal(want, impacts) {
			t.Errorf("outage impacts %v, want %v", impacts, want)
		}

		// Catalog records: the JSON form is unchanged, so the bodies stay
		// byte for byte, decode with this version's schema and encode to
		// the same bytes.
		cat, err := app.ProductCatalog()
		if err != nil {
			t.Fatal(err)
		}
		recs, err := db.Records().List(ctx, "product")
		if err != nil || len(recs) != 2 {
			t.Fatalf("%d products, %v, want 2", len(recs), err)
		}
		for _, r := range recs {
			rec, err := cat.DecodeJSON(bytes.NewReader(r.Body))
			if err != nil {
				t.Errorf("product %s: %v", r.ID, err)
				continue
			}
			var b bytes.Buffer
			if err := cat.EncodeJSON(&b, rec); err != nil || !bytes.Equal(bytes.TrimSpace(b.Bytes()), r.Body) {
				t.Errorf("product %s encodes as %s, %v; stored %s", r.ID, b.Bytes(), err, r.Body)
			}
			if r.ID == "CHAIR-1" {
				price, _ := rec.Get("price", contract.Locale{}, "")
				title, _ := rec.Get("title", contract.MustLocale("da-DK"), "")
				if r.Version != 2 || title.String() != "Stol (eg)" || !strings.Contains(price.String(), "549.00 DKK") {
					t.Errorf("CHAIR-1 = version %d, title %q, price %q, want version 2 Stol (eg) 549.00 DKK", r.Version, title, price)
				}
			}
		}

		// The consent ledger (GDPR Art. 7(1)): its bodies are in the
		// unchanged JSON form, so the chain, MACs and signed head the
		// previous program wrote verify as they are, and the events
		// decode.
		v, err := db.Ledgers(testKey).Verify(ctx, store.ConsentLedger, v6Head(t), store.Head{}, store.CheckConsent)
		if err != nil || v.Entries != 3 {
			t.Fatalf("consent ledger after migration 7: %+v, %v, want 3 entries that verify", v, err)
		}
		entries, err := db.Ledgers(testKey).Subject(ctx, store.ConsentLedger, "cust-1")
		if err != nil || len(entries) != 2 {
			t.Fatalf("cust-1's entries: %d, %v", len(entries), err)
		}
		var actions []privacy.ConsentAction
		for _, e := range entries {
			ev, err := store.DecodeConsent(e)
			if err != nil {
				t.Fatal(err)
			}
			actions = append(actions, ev.Action)
			if ev.Purpose != "marketing.communications.email" || ev.Method != privacy.MethodForm {
				t.Errorf("consent event %+v", ev)
			}
		}
		if want := []privacy.ConsentAction{privacy.Given, privacy.Withdrawn}; !cmp.Equal(want, actions) {
			t.Errorf("cust-1's consent actions %v, want %v", actions, want)
		}

		// The data-subject request (GDPR Art. 12(3)), extended.
		r, err := store.GetRequest(ctx, db, contract.Counter{}, "dsr-1")
		if err != nil {
			t.Fatal(err)
		}
		if r.State != privacy.Extended || r.Kind != privacy.Access || r.Due.Date != contract.MustDate(2026, 4, 30) {
			t.Errorf("dsr-1 = %v %v due %v, want an extended access request due 2026-04-30", r.Kind, r.State, r.Due.Date)
		}

		// Migration 7 is applied once: a second run changes nothing.
		before := dumpTables(t, db)
		if _, err := db.Migrate(ctx, storetest.Epoch); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(before, dumpTables(t, db)); diff != "" {
			t.Errorf("migrating again changed rows (-before +after):\n%s", diff)
		}
	})
}

func storeStrings(ctx context.Context, db *store.DB, q string) ([]string, error) {
	rows, err := db.Query(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// dumpTables returns the text columns migration 7 rewrites, for comparing
// a database before and after.
func dumpTables(t *testing.T, db *store.DB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for name, q := range map[string]string{
		"events":     `SELECT event_key || ' ' || kind FROM subscription_events ORDER BY event_key`,
		"invoices":   `SELECT number || ' ' || treatment || ' ' || due_kind FROM invoices ORDER BY number`,
		"windows":    `SELECT id || ' ' || kind FROM service_windows ORDER BY id`,
		"statements": `SELECT number || ' ' || until_day || ' ' || statement FROM interest_statements ORDER BY number, until_day`,
		"demands":    `SELECT number || ' ' || fee FROM demands ORDER BY number, seq`,
	} {
		s, err := storeStrings(context.Background(), db, q)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = s
	}
	return out
}

// After migration 7 this program carries on where the previous one
// stopped: the months it billed are found billed (terms 12.3: nothing
// invoiced twice), the next months bill on with the next invoice numbers,
// the old consent ledger's proof verifies with its signed head and new
// consents chain onto it, and the SLA report of January reads the old
// windows (terms 3.2, 8.1).
func TestMigration7HostCarriesOn(t *testing.T) {
	storetest.EachUnmigrated(t, func(t *testing.T, open func() *store.DB) {
		ctx := context.Background()
		db := open()
		migrateTo(t, db, 6)
		loadV6(t, db)
		var out bytes.Buffer
		a, err := app.New(db, func() time.Time { return time.Date(2026, 6, 2, 9, 0, 0, 0, cph) }, &out, nil)
		if err != nil {
			t.Fatal(err)
		}
		a.LedgerKey = testKey
		head, err := os.ReadFile("testdata/v6.head")
		if err != nil {
			t.Fatal(err)
		}
		a.Heads = store.HeadFile{Path: t.TempDir() + "/ledger.key.head"}
		if err := os.WriteFile(a.Heads.Path, head, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := a.Init(ctx); err != nil { // migrates to the latest version
			t.Fatal(err)
		}
		// sub-1 and sub-2 were billed to April by the previous program;
		// sub-3 was never billed, so April invoices its four periods,
		// numbered on from the last old invoice without a gap
		// (momsbekendtgørelsen § 58(1)(2)).
		res, err := a.Bill(ctx, "2026-04")
		if err != nil || res.AlreadyDone != 2 || res.Invoices != 4 || len(res.Failed) != 0 {
			t.Errorf("April again = %+v, %v, want sub-1 and sub-2 found billed and sub-3's 4 periods invoiced\n%s", res, err, out.String())
		}
		if !strings.Contains(out.String(), "sub-3          invoice INV-000011 issued 2026-01-15") {
			t.Errorf("sub-3's first invoice is not INV-000011:\n%s", out.String())
		}
		out.Reset()
		res, err = a.Bill(ctx, "2026-05")
		if err != nil || res.Invoices != 3 || len(res.Failed) != 0 {
			t.Fatalf("May = %+v, %v, want 3 invoices\n%s", res, err, out.String())
		}
		if !strings.Contains(out.String(), "invoice INV-000015 issued 2026-05-") {
			t.Errorf("May's first invoice is not INV-000015:\n%s", out.String())
		}
		if err := a.RecordConsent(ctx, privacy.ConsentEvent{Subject: "cust-2", Purpose: "marketing.communications.email", Action: privacy.Withdrawn,
			Method: privacy.MethodForm, At: time.Date(2026, 6, 1, 12, 0, 0, 0, cph)}); err != nil {
			t.Fatal(err)
		}
		states, err := a.ConsentProof(ctx, "cust-2", time.Date(2026, 6, 2, 0, 0, 0, 0, cph), store.Head{})
		if err != nil || len(states) != 1 || states[0].Granted() {
			t.Errorf("cust-2's consent after the withdrawal = %+v, %v, want withdrawn", states, err)
		}
		out.Reset()
		r, err := a.SLAReport(ctx, "2026-01", nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Windows) != 3 {
			t.Errorf("January's SLA report has %d windows, want the 3 stored:\n%s", len(r.Windows), out.String())
		}
	})
}

// An amount stored in a column whose currency is the invoice's must be in
// that currency: a payment in EUR of an invoice in DKK is refused
// (ErrCurrency), never stored as kroner.
func TestAmountsInTheInvoicesCurrencyOnly(t *testing.T) {
	storetest.EachUnmigrated(t, func(t *testing.T, open func() *store.DB) {
		ctx := context.Background()
		db := open()
		migrateTo(t, db, 6)
		loadV6(t, db)
		migrateTo(t, db, store.LatestVersion())
		_, err := store.AddPayment(ctx, db, "bank-eur", "INV-000002", billing.Payment{Date: contract.MustDate(2026, 3, 1), Amount: eur("311.25")})
		if !errors.Is(err, store.ErrCurrency) {
			t.Errorf("a EUR payment of a DKK invoice = %v, want ErrCurrency", err)
		}
		c, err := store.GetCollection(ctx, db, "INV-000002")
		if err != nil || len(c.Debt.Payments) != 0 {
			t.Errorf("INV-000002's payments = %v, %v, want none", c.Debt.Payments, err)
		}
	})
}
