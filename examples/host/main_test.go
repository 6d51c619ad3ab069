package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/pimkit/pimkit/examples/host/internal/storetest"
)

// openFor opens the database the global flags name, to reach past the
// program (to tamper with it).
func openFor(flags []string) (*store.DB, error) {
	if flags[0] == "-pg" {
		return store.OpenPostgres(flags[1])
	}
	return store.OpenSQLite(flags[1])
}

var clock = time.Date(2026, 2, 1, 6, 0, 0, 0, time.UTC)

// TestMain doubles as the host program for the kill test: with
// HOST_TEST_CHILD set it runs the command in HOST_TEST_ARGS and kills
// itself with SIGKILL inside the transaction of the HOST_TEST_KILL_AT-th
// unit of work.
func TestMain(m *testing.M) {
	if os.Getenv("HOST_TEST_CHILD") == "" {
		os.Exit(m.Run())
	}
	killAt, _ := strconv.Atoi(os.Getenv("HOST_TEST_KILL_AT"))
	units := 0
	beforeCommit = func(string) error {
		units++
		if units == killAt {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			time.Sleep(time.Minute)
		}
		return nil
	}
	now := clock
	if c := os.Getenv("HOST_TEST_CLOCK"); c != "" {
		var err error
		if now, err = time.Parse(time.RFC3339, c); err != nil {
			panic(err)
		}
	}
	args := strings.Split(os.Getenv("HOST_TEST_ARGS"), "\t")
	os.Exit(run(context.Background(), args, os.Stdout, os.Stderr, func() time.Time { return now }, func(string) string { return "" }))
}

// host runs the program in-process with args and returns its output.
func host(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut, func() time.Time { return clock }, func(string) string { return "" })
	return out.String() + errOut.String(), code
}

func mustHost(t *testing.T, args ...string) string {
	t.Helper()
	out, code := host(t, args...)
	if code != 0 {
		t.Fatalf("host %s: exit %d\n%s", strings.Join(args, " "), code, out)
	}
	return out
}

// targets returns the global flags of a fresh database per test: SQLite
// always, PostgreSQL when PIMKIT_TEST_PG_DSN is set.
func targets(t *testing.T) map[string][]string {
	dir := t.TempDir()
	out := map[string][]string{"sqlite": {"-db", filepath.Join(dir, "host.db"), "-ledger-key", filepath.Join(dir, "sqlite.key")}}
	if dsn := os.Getenv(storetest.EnvPostgres); dsn != "" {
		out["postgres"] = []string{"-pg", storetest.PostgresSchema(t, dsn), "-ledger-key", filepath.Join(dir, "postgres.key")}
	} else {
		t.Log(storetest.EnvPostgres + " not set: PostgreSQL skipped")
	}
	return out
}

func TestBillKilledBySIGKILLCompletesOnRestart(t *testing.T) {
	for name, db := range targets(t) {
		t.Run(name, func(t *testing.T) {
			mustHost(t, append(db, "init")...)
			for _, c := range []string{"C1", "C2", "C3", "C4"} {
				mustHost(t, append(db, "subscribe", "-customer", c, "-name", "Shop "+c, "-cvr", "12345674",
					"-address", "Vestergade 1, 7400 Herning", "-plan", "basic-monthly", "-start", "2025-12-31", "sub-"+c)...)
			}
			// The child is killed with SIGKILL inside the third
			// subscription's transaction, after its invoices were
			// inserted and before the commit.
			child := exec.Command(os.Args[0], "-test.run=^$")
			child.Env = append(os.Environ(), "HOST_TEST_CHILD=1", "HOST_TEST_KILL_AT=3",
				"HOST_TEST_ARGS="+strings.Join(append(db, "bill", "-month", "2026-01"), "\t"))
			out, err := child.CombinedOutput()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
				t.Fatalf("child was not killed: %v\n%s", err, out)
			}
			half := mustHost(t, append(db, "invoices")...)
			if n := strings.Count(half, "INV-"); n != 4 {
				t.Errorf("after the kill: %d invoices, want 4 (two subscriptions committed)\n%s", n, half)
			}
			again := mustHost(t, append(db, "bill", "-month", "2026-01")...)
			if !strings.Contains(again, "4 invoices issued, 2 already billed") {
				t.Errorf("restarted run:\n%s", again)
			}
			final := mustHost(t, append(db, "invoices")...)
			for i := 1; i <= 8; i++ {
				num := "INV-00000" + strconv.Itoa(i)
				if strings.Count(final, num) != 1 {
					t.Errorf("invoice %s appears %d times, want once:\n%s", num, strings.Count(final, num), final)
				}
			}
			if strings.Contains(final, "INV-000009") {
				t.Errorf("more than 8 invoices after the restart:\n%s", final)
			}
			third := mustHost(t, append(db, "bill", "-month", "2026-01")...)
			if !strings.Contains(third, "0 invoices issued, 4 already billed") {
				t.Errorf("third run:\n%s", third)
			}
		})
	}
}

func TestCommandsRefuseAnUninitialisedDatabase(t *testing.T) {
	out, code := host(t, "-db", filepath.Join(t.TempDir(), "new.db"), "status")
	if code != 1 || !strings.Contains(out, `run "host init" first`) {
		t.Errorf("status before init = exit %d\n%s", code, out)
	}
}

func TestUsage(t *testing.T) {
	for _, row := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"help lists every command", []string{"help"}, 0, "sla-report"},
		{"no command", nil, 2, "usage: host"},
		{"unknown command", []string{"-db", "x.db", "frobnicate"}, 2, `unknown command "frobnicate"`},
	} {
		t.Run(row.name, func(t *testing.T) {
			out, code := host(t, row.args...)
			if code != row.code || !strings.Contains(out, row.want) {
				t.Errorf("host %v = exit %d, want %d with %q:\n%s", row.args, code, row.code, row.want, out)
			}
		})
	}
}

func TestSLAReportWritesSVG(t *testing.T) {
	for name, db := range targets(t) {
		t.Run(name, func(t *testing.T) {
			mustHost(t, append(db, "init")...)
			mustHost(t, append(db, "outage", "-id", "inc-1", "-component", "api",
				"-from", "2026-01-10T12:00:00+01:00", "-to", "2026-01-10T13:00:00+01:00")...)
			svg := filepath.Join(t.TempDir(), "jan.svg")
			out := mustHost(t, append(db, "sla-report", "-month", "2026-01", "-svg", svg)...)
			if !strings.Contains(out, "downtime PT1H") || !strings.Contains(out, "is below the target of 99.9") {
				t.Errorf("terms 8.1: one hour down in January misses 99.9 %%:\n%s", out)
			}
			b, err := os.ReadFile(svg)
			if err != nil || !bytes.Contains(b, []byte("<svg")) {
				t.Errorf("SVG file: %v %.60q", err, b)
			}
		})
	}
}

func TestConsentProofWithAnchor(t *testing.T) {
	for name, db := range targets(t) {
		t.Run(name, func(t *testing.T) {
			mustHost(t, append(db, "init")...)
			for i, at := range []string{"2026-01-05T10:00:00+01:00", "2026-01-06T10:00:00+01:00"} {
				mustHost(t, append(db, "consent", "-subject", "cust-"+strconv.Itoa(i), "-purpose", "marketing",
					"-method", "form", "-notice", "Newsletter", "-policy", "2025-02-01", "-at", at)...)
			}
			out := mustHost(t, append(db, "consent-proof", "cust-0")...)
			i := strings.Index(out, "head 2 ")
			if i < 0 {
				t.Fatalf("no head in the proof:\n%s", out)
			}
			anchor := "2:" + out[i+len("head 2 "):i+len("head 2 ")+64]
			mustHost(t, append(db, "consent-proof", "-anchor", anchor, "cust-0")...)
			// Cutting the last entry off is caught by the signed head kept
			// beside the key, and by the published anchor (GDPR Art. 7(1):
			// the proof must be whole).
			d, err := openFor(db)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			if _, err := d.Exec(context.Background(), `DELETE FROM ledger_entries WHERE seq = 2`); err != nil {
				t.Fatal(err)
			}
			out, code := host(t, append(db, "consent-proof", "cust-0")...)
			if code != 1 || !strings.Contains(out, "entries cut off the end (ledger ends at 1, the signed head is 2)") {
				t.Errorf("proof after truncation = exit %d:\n%s", code, out)
			}
			// Without the head file, nothing is claimed either.
			if err := os.Remove(db[3] + ".head"); err != nil {
				t.Fatal(err)
			}
			out, code = host(t, append(db, "consent-proof", "-anchor", anchor, "cust-0")...)
			if code != 1 || !strings.Contains(out, "no signed head") {
				t.Errorf("proof without the head file = exit %d:\n%s", code, out)
			}
		})
	}
}

func TestProductHistory(t *testing.T) {
	dir := t.TempDir()
	db := []string{"-db", filepath.Join(dir, "host.db"), "-ledger-key", filepath.Join(dir, "ledger.key")}
	mustHost(t, append(db, "init")...)
	csv := filepath.Join(dir, "p.csv")
	for _, body := range []string{"sku,status,version,title-da_DK\nCHAIR-1,draft,0,Stol\n", "sku,status,version,title-da_DK\nCHAIR-1,draft,1,Stol (eg)\n"} {
		if err := os.WriteFile(csv, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		mustHost(t, append(db, "import-products", csv)...)
	}
	out := mustHost(t, append(db, "product", "CHAIR-1")...)
	for _, want := range []string{"product CHAIR-1, version 2", "Stol (eg)", "  version 1 written", "  version 2 written"} {
		if !strings.Contains(out, want) {
			t.Errorf("product output lacks %q:\n%s", want, out)
		}
	}
	exp := mustHost(t, append(db, "export-products")...)
	if !strings.Contains(exp, "CHAIR-1,,draft,2,") {
		t.Errorf("export does not carry version 2:\n%s", exp)
	}
}

// No error message echoes what was typed: customer IDs, subjects,
// references and other flag values are personal data or may be (GDPR Art.
// 5(1)(f)); messages name the flag instead.
func TestErrorsDoNotEchoWhatWasTyped(t *testing.T) {
	const secret = "Jens-Hansen-4711"
	dir := t.TempDir()
	db := []string{"-db", filepath.Join(dir, "host.db"), "-ledger-key", filepath.Join(dir, "ledger.key")}
	mustHost(t, append(db, "init")...)
	mustHost(t, append(db, "subscribe", "-customer", "C1", "-name", "Shop", "-cvr", "12345674",
		"-address", "Vestergade 1, 7400 Herning", "-plan", "basic-monthly", "-start", "2025-12-31", "sub-1")...)
	for _, row := range []struct {
		name string
		args []string
	}{
		{"a SQLite path with a query string", []string{"-db", secret + "?x.db", "status"}},
		{"payment against an unknown invoice", append(db, "pay", "-invoice", secret, "-amount", "10.00", "-on", "2026-02-03")},
		{"payment with a bad date", append(db, "pay", "-invoice", "INV-000001", "-amount", "10.00", "-on", secret)},
		{"payment with a bad amount", append(db, "pay", "-invoice", "INV-000001", "-amount", secret, "-on", "2026-02-03")},
		{"credits to no customer", append(db, "credits", "-account", secret, "-kind", "grant", "-n", "5", "-event", "e-1", "-at", "2026-01-01T00:00:00Z")},
		{"credits of an unknown kind", append(db, "credits", "-account", "C1", "-kind", secret, "-n", "5", "-event", "e-1")},
		{"subscription of an unknown customer kind", append(db, "subscribe", "-customer", secret, "-name", secret, "-kind", secret, "-start", "2026-01-01", "sub-2")},
		{"subscription that cannot be invoiced", append(db, "subscribe", "-customer", secret, "-name", "Shop", "-start", "2026-01-01", "sub-"+secret)},
		{"subscription to an unknown plan", append(db, "subscribe", "-customer", secret, "-name", "Shop", "-address", "x", "-plan", secret, "-start", "2026-01-01", "sub-3")},
		{"a bad month", append(db, "bill", "-month", secret)},
		{"a bad instant", append(db, "consent", "-subject", secret, "-purpose", "marketing", "-at", secret)},
		{"a bad consent action", append(db, "consent", "-subject", secret, "-purpose", "marketing", "-action", secret)},
		{"a bad anchor", append(db, "consent-proof", "-anchor", secret, secret)},
		{"an unknown request", append(db, "dsr-advance", "-id", secret, "-action", "start", "-on", "2026-01-01")},
		{"an unknown request action", append(db, "dsr-advance", "-id", "dsr-1", "-action", secret, "-on", "2026-01-01")},
		{"a bad locale", append(db, "export-products", "-locale", secret)},
		{"a flag that does not parse", append(db, "credits", "-account", "C1", "-n", secret)},
	} {
		t.Run(row.name, func(t *testing.T) {
			out, code := host(t, row.args...)
			if code == 0 {
				t.Fatalf("host %v succeeded:\n%s", row.args, out)
			}
			if strings.Contains(out, secret) || strings.Contains(out, "Jens") {
				t.Errorf("the error echoes the value typed:\n%s", out)
			}
		})
	}
}

// -db is a file name: a query string is refused, and status names the file
// SQLite opened, which is the one asked for even with URI characters in
// its name.
func TestSQLitePathIsAFileName(t *testing.T) {
	dir := t.TempDir()
	for _, bad := range []string{filepath.Join(dir, "a?x.db"), filepath.Join(dir, "x.db?_pragma=synchronous(OFF)")} {
		if out, code := host(t, "-db", bad, "-ledger-key", filepath.Join(dir, "k"), "init"); code != 1 || !strings.Contains(out, "without a '?' query string") {
			t.Errorf("init -db %s = exit %d:\n%s", bad, code, out)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("a refused path created %v", ents)
	}
	file := filepath.Join(dir, "my db%41#1.db")
	mustHost(t, "-db", file, "-ledger-key", filepath.Join(dir, "k"), "init")
	out := mustHost(t, "-db", file, "status")
	if !strings.Contains(out, "database "+file+" (sqlite)") {
		t.Errorf("status does not name %s:\n%s", file, out)
	}
	if _, err := os.Stat(file); err != nil {
		t.Errorf("the file asked for was not created: %v", err)
	}
}
