package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/shopspring/decimal"
)

// EnvStress names the environment variable that runs TestStress and says
// for how long each database is stressed ("20s").
const EnvStress = "PIMKIT_STRESS"

// stressClock is the children's "now": after every month they bill.
const stressClock = "2026-12-01T06:00:00Z"

// stressMonths are the months the billing processes pick from.
var stressMonths = []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"}

// child is one run of the host as a process of its own (this test binary
// re-executed, see TestMain).
type child struct {
	args []string
	// killAt kills the child with SIGKILL from inside the transaction
	// of its killAt-th unit of work (0: not); killAfter kills it from
	// outside after that long (0: not).
	killAt    int
	killAfter time.Duration
}

type outcome struct {
	out    string
	code   int
	killed bool
}

func (c child) run() outcome {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "HOST_TEST_CHILD=1", "HOST_TEST_CLOCK="+stressClock,
		"HOST_TEST_KILL_AT="+strconv.Itoa(c.killAt), "HOST_TEST_ARGS="+strings.Join(c.args, "\t"))
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Start(); err != nil {
		return outcome{out: err.Error(), code: -1}
	}
	if c.killAfter > 0 {
		timer := time.AfterFunc(c.killAfter, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
		defer timer.Stop()
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return outcome{out: buf.String()}
	case errors.As(err, &ee):
		ws := ee.Sys().(syscall.WaitStatus)
		if ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			return outcome{out: buf.String(), code: -1, killed: true}
		}
		return outcome{out: buf.String(), code: ws.ExitStatus()}
	}
	return outcome{out: buf.String() + err.Error(), code: -1}
}

// TestStress runs several host processes at once against one database --
// month-end runs of random months, payments, product imports and consents
// -- and kills some of them with SIGKILL at random (from outside, and from
// inside a unit of work's transaction). Afterwards every month is billed
// once more and the invariants are checked: every charged period is
// invoiced exactly once, invoice numbers run from 1 without gaps
// (momsbekendtgørelsen § 58(1)(2)), every payment a process acknowledged
// is stored and every invoice's settled day agrees with its payments
// (terms 12.3), every acknowledged import and consent is stored, and the
// consent ledger verifies against its signed head (GDPR Art. 7(1)).
//
// It runs only when PIMKIT_STRESS gives its duration per database; ci.sh
// runs it on SQLite and on PostgreSQL. Everything stays on this machine
// (PostgreSQL on loopback).
func TestStress(t *testing.T) {
	d := os.Getenv(EnvStress)
	if d == "" {
		t.Skip(EnvStress + " not set")
	}
	dur, err := time.ParseDuration(d)
	if err != nil || dur <= 0 || dur > 2*time.Minute {
		t.Fatalf("%s=%q: want a duration up to 2m", EnvStress, d)
	}
	for name, db := range targets(t) {
		t.Run(name, func(t *testing.T) { stress(t, db, dur) })
	}
}

// ack records what a process acknowledged (exit 0) and must be stored.
type ack struct {
	mu       sync.Mutex
	payments []payment
	skus     []string
	subjects []string
}

type payment struct{ invoice, ref, on, amount string }

func stress(t *testing.T, db []string, dur time.Duration) {
	const subscriptions = 12
	mustHost(t, append(db, "init")...)
	for i := range subscriptions {
		c := fmt.Sprintf("C%02d", i+1)
		plan := "basic-monthly"
		if i%4 == 3 {
			plan = "pro-annual"
		}
		mustHost(t, append(db, "subscribe", "-customer", c, "-name", "Shop "+c, "-cvr", "12345674",
			"-address", "Vestergade 1, 7400 Herning", "-plan", plan, "-start", "2025-12-31", "sub-"+c)...)
	}
	d, err := openFor(db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ctx := context.Background()
	dir := t.TempDir()

	var acks ack
	var runs, kills, failures atomic.Int64
	counts := map[string]*atomic.Int64{"bill": {}, "pay": {}, "pay-again": {}, "import-products": {}, "consent": {}}
	deadline := time.Now().Add(dur)
	// maybeKill kills about a third of the children from outside, at a
	// random moment of their short lives.
	maybeKill := func(r *rand.Rand, c child) child {
		if r.IntN(3) == 0 {
			c.killAfter = time.Duration(1+r.IntN(250)) * time.Millisecond
		}
		return c
	}
	do := func(kind string, c child) outcome {
		o := c.run()
		runs.Add(1)
		counts[kind].Add(1)
		switch {
		case o.killed:
			kills.Add(1)
		case o.code != 0:
			failures.Add(1)
			t.Errorf("%s %v: exit %d\n%s", kind, c.args[len(db):], o.code, o.out)
		}
		return o
	}
	workers := []func(w int, r *rand.Rand){
		// Month-end runs of random months; some are killed inside the
		// transaction of a random unit of work.
		func(w int, r *rand.Rand) {
			c := child{args: append(db, "bill", "-month", stressMonths[r.IntN(len(stressMonths))])}
			if r.IntN(3) == 0 {
				c.killAt = 1 + r.IntN(subscriptions+4)
			} else {
				c = maybeKill(r, c)
			}
			do("bill", c)
		},
		// Payments of random invoices, each with its own reference; now
		// and then one acknowledged before is sent again.
		func(w int, r *rand.Rand) {
			acks.mu.Lock()
			n := len(acks.payments)
			var again payment
			if n > 0 {
				again = acks.payments[r.IntN(n)]
			}
			acks.mu.Unlock()
			if n > 0 && r.IntN(5) == 0 {
				o := do("pay-again", maybeKill(r, child{args: append(db, "pay", "-invoice", again.invoice, "-ref", again.ref, "-on", again.on, "-amount", again.amount)}))
				if o.code == 0 && !o.killed && !strings.Contains(o.out, "already recorded") {
					t.Errorf("a payment sent again was not found recorded:\n%s", o.out)
				}
				return
			}
			nums, err := store.InvoiceNumbers(ctx, d)
			if err != nil || len(nums) == 0 {
				time.Sleep(20 * time.Millisecond)
				return
			}
			p := payment{invoice: nums[r.IntN(len(nums))], ref: fmt.Sprintf("stress-%d-%d", w, r.Int64()),
				on: fmt.Sprintf("2026-%02d-%02d", 2+r.IntN(9), 1+r.IntN(28)), amount: fmt.Sprintf("%d.%02d", 10+r.IntN(90), r.IntN(100))}
			o := do("pay", maybeKill(r, child{args: append(db, "pay", "-invoice", p.invoice, "-ref", p.ref, "-on", p.on, "-amount", p.amount)}))
			if o.code == 0 && !o.killed {
				if !strings.Contains(o.out, "recorded against") {
					t.Errorf("pay exited 0 without saying it recorded the payment:\n%s", o.out)
				}
				acks.mu.Lock()
				acks.payments = append(acks.payments, p)
				acks.mu.Unlock()
			}
		},
		// Product imports of new SKUs.
		func(w int, r *rand.Rand) {
			var b strings.Builder
			b.WriteString("sku,status,version,title-da_DK\n")
			var skus []string
			for i := range 5 {
				sku := fmt.Sprintf("S%d-%d-%d", w, r.Int64()%1e12, i)
				skus = append(skus, sku)
				fmt.Fprintf(&b, "%s,draft,0,Stol %d\n", sku, i)
			}
			f := filepath.Join(dir, fmt.Sprintf("import-%d-%d.csv", w, r.Int64()))
			if err := os.WriteFile(f, []byte(b.String()), 0o600); err != nil {
				t.Error(err)
				return
			}
			o := do("import-products", maybeKill(r, child{args: append(db, "import-products", f)}))
			if o.code == 0 && !o.killed {
				acks.mu.Lock()
				acks.skus = append(acks.skus, skus...)
				acks.mu.Unlock()
			}
		},
		// Consents of new subjects.
		func(w int, r *rand.Rand) {
			subject := fmt.Sprintf("subj-%d-%d", w, r.Int64()%1e12)
			o := do("consent", maybeKill(r, child{args: append(db, "consent", "-subject", subject, "-purpose", "marketing.communications.email",
				"-method", "form", "-notice", "Newsletter", "-policy", "2025-02-01", "-at", "2026-01-05T10:00:00+01:00")}))
			if o.code == 0 && !o.killed {
				acks.mu.Lock()
				acks.subjects = append(acks.subjects, subject)
				acks.mu.Unlock()
			}
		},
	}
	// Two processes of each kind at a time.
	start := time.Now()
	var wg sync.WaitGroup
	for i := range 2 * len(workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), uint64(i)))
			for time.Now().Before(deadline) {
				workers[i%len(workers)](i, r)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	summary := fmt.Sprintf("%d processes in %s (%d killed, %d failed):", runs.Load(), elapsed.Round(time.Millisecond), kills.Load(), failures.Load())
	for _, k := range []string{"bill", "pay", "pay-again", "import-products", "consent"} {
		summary += fmt.Sprintf(" %s %d", k, counts[k].Load())
	}
	t.Log(summary)
	t.Logf("acknowledged: %d payments, %d products, %d consents", len(acks.payments), len(acks.skus), len(acks.subjects))

	// Every month once more, one after the other: the units the killed
	// runs left undone are done now, nothing twice.
	for _, m := range stressMonths {
		if o := (child{args: append(db, "bill", "-month", m)}).run(); o.code != 0 {
			t.Fatalf("bill %s after the stress: exit %d\n%s", m, o.code, o.out)
		}
	}
	checkStressInvariants(t, d, db, &acks)
}

func checkStressInvariants(t *testing.T, d *store.DB, db []string, acks *ack) {
	ctx := context.Background()
	last := "2026-09-30"
	// Every charged period up to the last month billed has exactly one
	// invoice, and there are no others.
	var charges, invoiced, invoices int64
	if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM subscription_events WHERE kind = 'charged' AND on_date <= ?`, last).Scan(&charges); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM subscription_events e JOIN invoices i ON i.charge_key = e.event_key
		WHERE e.kind = 'charged' AND e.on_date <= ?`, last).Scan(&invoiced); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM invoices`).Scan(&invoices); err != nil {
		t.Fatal(err)
	}
	if charges == 0 || invoiced != charges || invoices != charges {
		t.Errorf("%d periods charged up to %s, %d of them invoiced, %d invoices: want each invoiced once and nothing else", charges, last, invoiced, invoices)
	}
	// Invoice numbers 1..n without gaps, and the counter right after.
	nums, err := store.InvoiceNumbers(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, n := range nums {
		seen[n] = true
	}
	for i := 1; i <= len(nums); i++ {
		if !seen[store.InvoiceNumber(int64(i))] {
			t.Errorf("invoice number %s missing: the sequence has a gap", store.InvoiceNumber(int64(i)))
		}
	}
	var next int64
	if err := d.QueryRow(ctx, `SELECT next FROM counters WHERE name = 'invoice'`).Scan(&next); err != nil || next != int64(len(nums))+1 {
		t.Errorf("invoice counter at %d (%v), want %d", next, err, len(nums)+1)
	}
	// Every acknowledged payment is stored as acknowledged.
	for _, p := range acks.payments {
		var on, amount string
		err := d.QueryRow(ctx, `SELECT paid_on, amount FROM payments WHERE number = ? AND payment_key = ?`, p.invoice, p.ref).Scan(&on, &amount)
		if err != nil || on != p.on || amount != p.amount {
			t.Errorf("acknowledged payment %+v: stored %q %q (%v)", p, on, amount, err)
		}
	}
	// Each invoice's settled day agrees with its payments (no lost
	// update of settled_on).
	for _, n := range nums {
		var settled string
		if err := d.QueryRow(ctx, `SELECT settled_on FROM invoices WHERE number = ?`, n).Scan(&settled); err != nil {
			t.Fatal(err)
		}
		c, err := store.GetCollection(ctx, d, n)
		if err != nil {
			t.Fatal(err)
		}
		want := ""
		sum := decimal.Zero
		for _, p := range c.Debt.Payments {
			if sum = sum.Add(p.Amount.Amount()); want == "" && sum.GreaterThanOrEqual(c.Debt.Amount.Amount()) {
				want = p.Date.String()
			}
		}
		if settled != want {
			t.Errorf("invoice %s: settled_on %q, its payments settle it on %q", n, settled, want)
		}
	}
	for _, sku := range acks.skus {
		if _, err := d.Records().Get(ctx, "product", sku); err != nil {
			t.Errorf("acknowledged product %s: %v", sku, err)
		}
	}
	for _, s := range acks.subjects {
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM ledger_entries WHERE ledger = 'consent' AND subject = ?`, s).Scan(&n); err != nil || n != 1 {
			t.Errorf("acknowledged consent of %s: %d entries (%v), want 1", s, n, err)
		}
	}
	// The consent ledger verifies against its signed head.
	out, code := host(t, append(db, "consent-proof", "-at", "2026-02-01T00:00:00Z", "subj-none")...)
	if code != 0 || !strings.Contains(out, "consent ledger verified") {
		t.Errorf("consent-proof after the stress = exit %d:\n%s", code, out)
	}
}
