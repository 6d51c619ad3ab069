// Package store persists pimkit's values in SQLite or PostgreSQL through
// database/sql, with one schema and the same queries for both.
//
// # Databases
//
// [OpenSQLite] opens (and creates) a database file through the pure-Go
// modernc.org/sqlite driver; [OpenPostgres] opens a PostgreSQL database
// through pgx's database/sql driver. Queries are written once with ?
// placeholders and rebound to $1, $2, ... for PostgreSQL. The schema uses
// only types both understand -- TEXT and BIGINT -- and the codecs in
// codec.go decide how each Go value is written, so a round trip is exact on
// either database.
//
// # Transactions
//
// [DB.Tx] runs a function in a transaction and retries it when the database
// reports a transient conflict (SQLite busy, PostgreSQL serialization
// failure or deadlock). Every write that must not happen twice carries an
// idempotency key with a unique constraint, so a retried or restarted run
// finds the work already done instead of doing it again.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"modernc.org/sqlite"
)

// Dialect names the SQL database behind a [DB].
type Dialect int

// The dialects a DB speaks.
const (
	SQLite Dialect = iota + 1
	Postgres
)

// String returns "sqlite" or "postgres".
func (d Dialect) String() string {
	switch d {
	case SQLite:
		return "sqlite"
	case Postgres:
		return "postgres"
	}
	return "dialect(" + strconv.Itoa(int(d)) + ")"
}

// DB is an open database with its dialect. It is safe for concurrent use.
type DB struct {
	sql     *sql.DB
	dialect Dialect
	where   string // the file path or the host/database, never a password
}

// ErrSQLitePath reports a SQLite path that this host refuses: empty, or
// with a '?', which reads as the start of a query string (a
// "?_pragma=synchronous(OFF)" that turns off durability). The message does
// not repeat the path.
var ErrSQLitePath = errors.New("store: sqlite path must be a plain file name, without a '?' query string")

// OpenSQLite opens the SQLite database in the file at path, creating it
// when it does not exist, with foreign keys on, write-ahead logging,
// synchronous=FULL, a five-second busy timeout and transactions that take
// the write lock when they begin (so two writers queue instead of failing
// half-way).
//
// The path is a file name, never a DSN: it is made absolute and
// percent-escaped into a file: URI ("my db%#.db" opens the file of that
// name), and a path with a '?' is refused with [ErrSQLitePath], so
// nothing in it can change the connection's settings. [DB.Where] is the
// file SQLite actually opened.
func OpenSQLite(path string) (*DB, error) {
	if path == "" || strings.Contains(path, "?") {
		return nil, ErrSQLitePath
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite path: %w", err)
	}
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Set("_txlock", "immediate")
	dsn := SQLiteDSN(abs) + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	var file string
	if err := db.QueryRow(`SELECT file FROM pragma_database_list WHERE name = 'main'`).Scan(&file); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	return &DB{sql: db, dialect: SQLite, where: file}, nil
}

// SQLiteDSN returns the file: URI of the database file at the absolute
// path abs, every byte outside the unreserved set and '/' percent-escaped
// (SQLite decodes %HH in a URI's path), without a query.
func SQLiteDSN(abs string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.WriteString("file:")
	for i := 0; i < len(abs); i++ {
		c := abs[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '/', c == '-', c == '.', c == '_', c == '~':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// OpenPostgres opens the PostgreSQL database named by dsn, a URL
// (postgres://user@host:5432/db?sslmode=disable) or key=value string.
func OpenPostgres(dsn string) (*DB, error) {
	if dsn == "" {
		return nil, errors.New("store: empty postgres dsn")
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	where := "postgres"
	if cfg, err := pgconn.ParseConfig(dsn); err == nil {
		where = fmt.Sprintf("postgres %s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
	}
	return &DB{sql: db, dialect: Postgres, where: where}, nil
}

// Dialect returns the database's dialect.
func (db *DB) Dialect() Dialect { return db.dialect }

// Where describes the database for a log line: the SQLite file's path or
// PostgreSQL's host, port and database name, never a password.
func (db *DB) Where() string { return db.where }

// Close closes the database.
func (db *DB) Close() error { return db.sql.Close() }

// SQL returns the underlying *sql.DB, for tests that need to reach past the
// stores (to tamper with a ledger, say).
func (db *DB) SQL() *sql.DB { return db.sql }

// Querier runs rebound queries on a database or in a transaction.
type Querier interface {
	Exec(ctx context.Context, query string, args ...any) (sql.Result, error)
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) *sql.Row
}

// Exec runs query with ? placeholders.
func (db *DB) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return db.sql.ExecContext(ctx, db.rebind(query), args...)
}

// Query runs query with ? placeholders.
func (db *DB) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return db.sql.QueryContext(ctx, db.rebind(query), args...)
}

// QueryRow runs query with ? placeholders.
func (db *DB) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return db.sql.QueryRowContext(ctx, db.rebind(query), args...)
}

// Tx is a transaction that rebinds placeholders like its DB.
type Tx struct {
	tx *sql.Tx
	db *DB
}

// Exec runs query with ? placeholders in the transaction.
func (tx *Tx) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return tx.tx.ExecContext(ctx, tx.db.rebind(query), args...)
}

// Query runs query with ? placeholders in the transaction.
func (tx *Tx) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return tx.tx.QueryContext(ctx, tx.db.rebind(query), args...)
}

// QueryRow runs query with ? placeholders in the transaction.
func (tx *Tx) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return tx.tx.QueryRowContext(ctx, tx.db.rebind(query), args...)
}

// maxAttempts bounds the retries of a transaction that meets a transient
// conflict.
const maxAttempts = 8

// errRetry asks Tx to run the function again: an insert lost a race on a
// unique key that the function can recompute (a ledger's next sequence
// number, say).
var errRetry = errors.New("store: retry transaction")

// Tx runs fn in a transaction and commits it when fn returns nil; any
// error rolls it back. A transient conflict -- SQLite busy, PostgreSQL
// serialization failure or deadlock -- runs fn again from the start, up to
// eight times, so fn must do all its reads inside tx.
func (db *DB) Tx(ctx context.Context, fn func(tx *Tx) error) error {
	var err error
	for attempt := 0; attempt < maxAttempts; attempt++ {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Duration(attempt*attempt) * 5 * time.Millisecond):
			}
		}
		err = db.tx1(ctx, fn)
		if err == nil || !transient(err) {
			if errors.Is(err, errRetry) {
				err = fmt.Errorf("store: gave up after %d attempts: %w", attempt+1, err)
			}
			return err
		}
	}
	return fmt.Errorf("store: gave up after %d attempts: %w", maxAttempts, err)
}

func (db *DB) tx1(ctx context.Context, fn func(tx *Tx) error) (err error) {
	stx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = stx.Rollback()
		}
	}()
	if err := fn(&Tx{tx: stx, db: db}); err != nil {
		return err
	}
	return stx.Commit()
}

// transient reports whether err is a conflict that running the
// transaction again may resolve.
func transient(err error) bool {
	if errors.Is(err, errRetry) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case 5, 6: // SQLITE_BUSY, SQLITE_LOCKED
			return true
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "40001", "40P01": // serialization_failure, deadlock_detected
			return true
		}
	}
	return false
}

// rebind turns ? placeholders into PostgreSQL's $1, $2, ... Queries in this
// package never put a ? inside a string literal.
func (db *DB) rebind(q string) string {
	if db.dialect != Postgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 8)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}
