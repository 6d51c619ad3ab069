// Package storetest opens fresh, migrated databases for tests: always a
// SQLite file in a temporary directory, and a PostgreSQL schema of its own
// when PIMKIT_TEST_PG_DSN names a server.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/pimkit/pimkit/examples/host/internal/store"
)

// EnvPostgres names the environment variable with the DSN of a PostgreSQL
// server the tests may create schemas in.
const EnvPostgres = "PIMKIT_TEST_PG_DSN"

// Epoch is the instant the tests' migrations are stamped with.
var Epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

var seq atomic.Int64

// Each runs f once per database: "sqlite" always, "postgres" when
// PIMKIT_TEST_PG_DSN is set (and is reported as skipped otherwise). Each
// database is new and migrated, and closed (the PostgreSQL schema dropped)
// when the test ends.
func Each(t *testing.T, f func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { f(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) {
		dsn := os.Getenv(EnvPostgres)
		if dsn == "" {
			t.Skip(EnvPostgres + " not set")
		}
		f(t, Postgres(t, dsn))
	})
}

// EachUnmigrated is [Each] with databases that are new and not migrated:
// f gets the way to open another handle on the same database too (as a
// second process would), and closes nothing it opens itself.
func EachUnmigrated(t *testing.T, f func(t *testing.T, open func() *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "test.db")
		f(t, func() *store.DB {
			db, err := store.OpenSQLite(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		})
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := os.Getenv(EnvPostgres)
		if dsn == "" {
			t.Skip(EnvPostgres + " not set")
		}
		dsn = PostgresSchema(t, dsn)
		f(t, func() *store.DB {
			db, err := store.OpenPostgres(dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		})
	})
}

// SQLite returns a new migrated SQLite database in t's temporary directory.
func SQLite(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.OpenSQLite(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	migrate(t, db)
	return db
}

// Postgres returns a new migrated database in a schema of its own on the
// server dsn names; the schema is dropped when the test ends.
func Postgres(t testing.TB, dsn string) *store.DB {
	t.Helper()
	db, err := store.OpenPostgres(PostgresSchema(t, dsn))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	migrate(t, db)
	return db
}

// PostgresSchema creates a schema of its own on the server dsn names and
// returns the DSN that uses it; the schema is dropped when the test ends.
func PostgresSchema(t testing.TB, dsn string) string {
	t.Helper()
	schema := fmt.Sprintf("pimkit_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, seq.Add(1))
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("drop schema: %v", err)
		}
	})
	return WithSearchPath(dsn, schema)
}

// WithSearchPath returns dsn with PostgreSQL's search_path set to schema,
// in URL or key=value form as dsn is.
func WithSearchPath(dsn, schema string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err == nil {
			q := u.Query()
			q.Set("search_path", schema)
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return dsn + " search_path=" + schema
}

func migrate(t testing.TB, db *store.DB) {
	t.Helper()
	if _, err := db.Migrate(context.Background(), Epoch); err != nil {
		t.Fatal(err)
	}
}
