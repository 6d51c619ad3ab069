// Package app is the reference host's application layer: each command of
// the host program is a method of [App] that reads and writes the database
// through package store and decides with pimkit. It never reads the clock
// or the environment itself; the command line passes them in.
package app

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/examples/host/internal/store"
	"golang.org/x/text/currency"
)

// App is the host: a database, the agreement's terms, the counter of
// legal time, the zone the business runs in, and where to write results
// and progress.
type App struct {
	DB      *store.DB
	Terms   contract.Terms
	Counter contract.Counter
	// Location is the zone of the business: months, days and the dates of
	// instants are taken in it.
	Location *time.Location
	// Out receives the readable results, Progress the progress lines of
	// long runs.
	Out, Progress io.Writer
	// Now is the host's clock.
	Now func() time.Time
	// LedgerKey keys the consent ledger's chain, and Heads keeps its
	// signed head; both live outside the database. Commands that write or
	// prove consents need them; Init seals a ledger written before the
	// chain was keyed and starts the head file.
	LedgerKey store.LedgerKey
	Heads     store.HeadFile

	// beforeCommit, when set, runs inside the transaction of each unit of
	// work of a long run, after the work and before the commit; tests use
	// it to stop a run half-way (an error rolls the unit back, as a kill
	// would).
	beforeCommit func(key string) error
}

// New returns an App over db with the OpenDIMS terms, Danish legal time,
// Europe/Copenhagen and the given clock and writers.
func New(db *store.DB, now func() time.Time, out, progress io.Writer) (*App, error) {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		return nil, fmt.Errorf("app: %w", err)
	}
	return &App{DB: db, Terms: contract.OpenDIMSTerms(), Location: loc, Out: out, Progress: progress, Now: now}, nil
}

// SetBeforeCommit installs the hook that runs before each unit of work of
// a long run commits; for tests that kill a run half-way.
func (a *App) SetBeforeCommit(f func(key string) error) { a.beforeCommit = f }

func (a *App) printf(format string, args ...any) { fmt.Fprintf(a.Out, format, args...) }

// Today is the date of the host's clock in its zone.
func (a *App) Today() contract.Date { return contract.DateOf(a.Now().In(a.Location)) }

// DefaultPlans are the plans Init stores. The prices are examples: the
// OpenDIMS terms fix no prices (they are set in the offer document, terms
// 1.2), only that they exclude VAT and are in DKK (terms 19.3).
func DefaultPlans() []billing.Plan {
	dkk := currency.DKK
	return []billing.Plan{
		{ID: "free", Kind: billing.Free, Cycle: billing.Monthly, Price: contract.MustParseMoney("0.00", dkk), Values: 10_000},
		{ID: "basic-monthly", Kind: billing.Functionality, Cycle: billing.Monthly, Price: contract.MustParseMoney("249.00", dkk), Values: 100_000},
		{ID: "pro-monthly", Kind: billing.Functionality, Cycle: billing.Monthly, Price: contract.MustParseMoney("749.00", dkk), Values: 1_000_000},
		{ID: "pro-annual", Kind: billing.Functionality, Cycle: billing.Annual, Price: contract.MustParseMoney("7490.00", dkk), Values: 1_000_000},
		{ID: "credits-monthly", Kind: billing.CreditBased, Cycle: billing.Monthly, Price: contract.MustParseMoney("99.00", dkk), Credits: 1_000, Overdraft: 50},
	}
}

// Init migrates the database and stores the default plans; running it
// again changes nothing.
func (a *App) Init(ctx context.Context) error {
	applied, err := a.DB.Migrate(ctx, a.Now())
	if err != nil {
		return err
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		for _, p := range DefaultPlans() {
			if _, err := store.GetPlan(ctx, tx, p.ID); err == nil {
				continue // keep a plan the operator has changed
			}
			if err := store.PutPlan(ctx, tx, p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := a.initLedger(ctx); err != nil {
		return err
	}
	a.printf("database %s (%s)\n", a.DB.Where(), a.DB.Dialect())
	for _, m := range applied {
		state := "applied earlier"
		if m.New {
			state = "applied now"
		}
		a.printf("  migration %d  %s: %s %s\n", m.Version, m.Name, state, m.At.In(a.Location).Format(time.RFC3339))
	}
	a.printf("schema at version %d\n", store.LatestVersion())
	return nil
}

// Status prints the schema version and the number of rows of each store.
func (a *App) Status(ctx context.Context) error {
	v, err := a.DB.SchemaVersion(ctx)
	if err != nil {
		return fmt.Errorf("app: database not initialised (run init): %w", err)
	}
	a.printf("database %s (%s), schema version %d of %d\n", a.DB.Where(), a.DB.Dialect(), v, store.LatestVersion())
	for _, t := range []struct{ label, table string }{
		{"catalog records", "records"},
		{"record versions", "record_versions"},
		{"customers", "customers"},
		{"plans", "plans"},
		{"subscriptions", "subscriptions"},
		{"invoices", "invoices"},
		{"payments", "payments"},
		{"demands for payment", "demands"},
		{"credit ledger entries", "credit_entries"},
		{"consent ledger entries", "ledger_entries"},
		{"data-subject requests", "subject_requests"},
		{"outages", "outages"},
		{"service windows", "service_windows"},
	} {
		var n int64
		if err := a.DB.QueryRow(ctx, `SELECT COUNT(*) FROM `+t.table).Scan(&n); err != nil {
			return err
		}
		a.printf("  %-24s %d\n", t.label, n)
	}
	return nil
}
