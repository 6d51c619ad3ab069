package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	_ "modernc.org/sqlite"             // registers the "sqlite" database/sql driver
)

// store keeps the shop's state in SQLite or PostgreSQL through
// database/sql: the consent ledger's events, orders with their invoices,
// withdrawals and data-subject requests. Each row is one pimkit value as
// JSON (pimkit's values round-trip through encoding/json), keyed by what
// the shop looks it up by. Queries are written once with ? placeholders
// and rebound to $1, $2, ... for PostgreSQL, as the reference host does.
type store struct {
	db       *sql.DB
	postgres bool
}

// errNotFound is returned when a row does not exist.
var errNotFound = errors.New("webshop: not found")

// openSQLite opens (and creates) the SQLite database in the file at path.
// The path is a file name, never a DSN: a '?' is refused.
func openSQLite(path string) (*store, error) {
	if path == "" || strings.Contains(path, "?") {
		return nil, errors.New("webshop: the SQLite path must be a plain file name")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Set("_txlock", "immediate")
	u := url.URL{Scheme: "file", Path: abs, RawQuery: q.Encode()}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // one writer; SQLite serialises writes anyway
	s := &store{db: db}
	return s, s.migrate()
}

// openPostgres opens the PostgreSQL database at dsn (a pgx DSN).
func openPostgres(dsn string) (*store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	s := &store{db: db, postgres: true}
	return s, s.migrate()
}

func (s *store) Close() error { return s.db.Close() }

// bind rewrites ? placeholders to $n for PostgreSQL.
func (s *store) bind(q string) string {
	if !s.postgres {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (s *store) migrate() error {
	serial := "INTEGER PRIMARY KEY AUTOINCREMENT"
	if s.postgres {
		serial = "BIGSERIAL PRIMARY KEY"
	}
	for _, ddl := range []string{
		`CREATE TABLE IF NOT EXISTS consent_events (seq ` + serial + `, subject TEXT NOT NULL, body TEXT NOT NULL)`,
		`CREATE INDEX IF NOT EXISTS consent_events_subject ON consent_events (subject, seq)`,
		`CREATE TABLE IF NOT EXISTS orders (number TEXT PRIMARY KEY, subject TEXT NOT NULL, body TEXT NOT NULL)`,
		`CREATE TABLE IF NOT EXISTS withdrawals (number TEXT PRIMARY KEY, body TEXT NOT NULL)`,
		`CREATE TABLE IF NOT EXISTS requests (id ` + serial + `, subject TEXT NOT NULL, body TEXT NOT NULL)`,
		`CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)`,
	} {
		if _, err := s.db.Exec(ddl); err != nil {
			return fmt.Errorf("webshop: migrate: %w", err)
		}
	}
	return nil
}

// addConsent appends consent events (as JSON bodies) for subject.
func (s *store) addConsent(ctx context.Context, subject string, bodies [][]byte) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, b := range bodies {
		if _, err := tx.ExecContext(ctx, s.bind(`INSERT INTO consent_events (subject, body) VALUES (?, ?)`), subject, string(b)); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// consent returns subject's consent events in the order they were stored.
func (s *store) consent(ctx context.Context, subject string) ([][]byte, error) {
	return s.list(ctx, `SELECT body FROM consent_events WHERE subject = ? ORDER BY seq`, subject)
}

// countConsent counts every stored consent event (for tests and the admin page).
func (s *store) countConsent(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM consent_events`).Scan(&n)
	return n, err
}

func (s *store) list(ctx context.Context, q string, args ...any) ([][]byte, error) {
	rows, err := s.db.QueryContext(ctx, s.bind(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]byte
	for rows.Next() {
		var b string
		if err := rows.Scan(&b); err != nil {
			return nil, err
		}
		out = append(out, []byte(b))
	}
	return out, rows.Err()
}

// nextOrderNumber returns the next number of the shop's invoice sequence
// (momsbekendtgørelsen § 58(1)(2): one unbroken sequence) inside the
// transaction that stores the order.
func (s *store) addOrder(ctx context.Context, subject string, body func(n int64) ([]byte, string, error)) (string, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, s.bind(`INSERT INTO counters (name, value) VALUES ('order', 0) ON CONFLICT (name) DO NOTHING`)); err != nil {
		return "", err
	}
	var n int64
	if err := tx.QueryRowContext(ctx, s.bind(`UPDATE counters SET value = value + 1 WHERE name = 'order' RETURNING value`)).Scan(&n); err != nil {
		return "", err
	}
	b, number, err := body(n)
	if err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, s.bind(`INSERT INTO orders (number, subject, body) VALUES (?, ?, ?)`), number, subject, string(b)); err != nil {
		return "", err
	}
	return number, tx.Commit()
}

// order returns the stored order number with its owner.
func (s *store) order(ctx context.Context, number string) (subject string, body []byte, err error) {
	var b string
	err = s.db.QueryRowContext(ctx, s.bind(`SELECT subject, body FROM orders WHERE number = ?`), number).Scan(&subject, &b)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil, errNotFound
	}
	return subject, []byte(b), err
}

// orders returns subject's orders.
func (s *store) orders(ctx context.Context, subject string) ([][]byte, error) {
	return s.list(ctx, `SELECT body FROM orders WHERE subject = ? ORDER BY number`, subject)
}

// addWithdrawalNumbered records a withdrawal once, with a document that
// takes the next number of the invoice sequence (its credit note): ok is
// false, and no number is taken, when the order was already withdrawn.
func (s *store) addWithdrawalNumbered(ctx context.Context, number string, body func(n int64) ([]byte, error)) (ok bool, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var exists int
	if err := tx.QueryRowContext(ctx, s.bind(`SELECT COUNT(*) FROM withdrawals WHERE number = ?`), number).Scan(&exists); err != nil {
		return false, err
	}
	if exists > 0 {
		return false, nil
	}
	var n int64
	if err := tx.QueryRowContext(ctx, s.bind(`UPDATE counters SET value = value + 1 WHERE name = 'order' RETURNING value`)).Scan(&n); err != nil {
		return false, err
	}
	b, err := body(n)
	if err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, s.bind(`INSERT INTO withdrawals (number, body) VALUES (?, ?)`), number, string(b)); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// withdrawal returns the withdrawal of order number.
func (s *store) withdrawal(ctx context.Context, number string) ([]byte, error) {
	var b string
	err := s.db.QueryRowContext(ctx, s.bind(`SELECT body FROM withdrawals WHERE number = ?`), number).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNotFound
	}
	return []byte(b), err
}

// withdrawals returns every withdrawal (for the obligations calendar).
func (s *store) withdrawals(ctx context.Context) ([][]byte, error) {
	return s.list(ctx, `SELECT body FROM withdrawals ORDER BY number`)
}

// addRequest stores a data-subject request.
func (s *store) addRequest(ctx context.Context, subject string, body []byte) error {
	_, err := s.db.ExecContext(ctx, s.bind(`INSERT INTO requests (subject, body) VALUES (?, ?)`), subject, string(body))
	return err
}

// requests returns subject's data-subject requests, or everyone's when
// subject is "".
func (s *store) requests(ctx context.Context, subject string) ([][]byte, error) {
	if subject == "" {
		return s.list(ctx, `SELECT body FROM requests ORDER BY id`)
	}
	return s.list(ctx, `SELECT body FROM requests WHERE subject = ? ORDER BY id`, subject)
}
