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

	"github.com/pimkit/pimkit/examples/host/internal/storetest"
)

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
	args := strings.Split(os.Getenv("HOST_TEST_ARGS"), "\t")
	os.Exit(run(context.Background(), args, os.Stdout, os.Stderr, func() time.Time { return clock }, func(string) string { return "" }))
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
	out := map[string][]string{"sqlite": {"-db", filepath.Join(t.TempDir(), "host.db")}}
	if dsn := os.Getenv(storetest.EnvPostgres); dsn != "" {
		out["postgres"] = []string{"-pg", storetest.PostgresSchema(t, dsn)}
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
			if !strings.Contains(out, "downtime 1h0m0s") || !strings.Contains(out, "is below the target of 99.9 %") {
				t.Errorf("terms 8.1: one hour down in January misses 99.9 %%:\n%s", out)
			}
			b, err := os.ReadFile(svg)
			if err != nil || !bytes.Contains(b, []byte("<svg")) {
				t.Errorf("SVG file: %v %.60q", err, b)
			}
		})
	}
}
