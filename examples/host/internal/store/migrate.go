package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// A migration is one versioned step of the schema. Migrations are only
// ever appended: an applied migration whose text changed is refused by
// [DB.Migrate] with [ErrMigrationChanged], since the database no longer
// matches what the code believes it is.
type migration struct {
	version int64
	name    string
	stmts   []string
}

func (m migration) checksum() string {
	h := sha256.New()
	for _, s := range m.stmts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ErrMigrationChanged reports a migration recorded as applied whose
// statements differ from the ones this program carries.
var ErrMigrationChanged = errors.New("store: applied migration has changed")

// ErrSchemaTooNew reports a database migrated by a newer program than this
// one.
var ErrSchemaTooNew = errors.New("store: database schema is newer than this program")

// Applied is one migration as recorded in schema_migrations.
type Applied struct {
	Version int64
	Name    string
	At      time.Time
	// New reports that this call of Migrate applied it.
	New bool
}

const createMigrations = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    BIGINT PRIMARY KEY,
	name       TEXT NOT NULL,
	checksum   TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`

// Migrate brings the schema up to date: each migration not yet recorded
// runs in its own transaction together with the row that records it, so a
// migration is applied entirely or not at all. now stamps the rows.
// It returns every migration the database has, oldest first.
//
// On PostgreSQL the whole run holds a session advisory lock scoped to the
// connection's current schema, so two programs migrating at once (two
// "host init" at deployment) take turns instead of racing to create the
// same tables; on SQLite each migration's transaction takes the write lock
// when it begins, which serialises them the same way.
func (db *DB) Migrate(ctx context.Context, now time.Time) ([]Applied, error) {
	return db.migrateTo(ctx, now, LatestVersion())
}

// migrateLockKey names the advisory lock that serialises migrations of one
// schema on PostgreSQL.
const migrateLockKey = `hashtext('pimkit-migrate:' || current_schema())`

func (db *DB) migrateTo(ctx context.Context, now time.Time, target int64) ([]Applied, error) {
	if db.dialect == Postgres {
		conn, err := db.sql.Conn(ctx)
		if err != nil {
			return nil, fmt.Errorf("store: migrate: %w", err)
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(`+migrateLockKey+`)`); err != nil {
			return nil, fmt.Errorf("store: migrate: take the migration lock: %w", err)
		}
		defer func() {
			// A fresh context: the lock must go even when ctx is done
			// (closing the session would release it too).
			_, _ = conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(`+migrateLockKey+`)`)
		}()
	}
	if _, err := db.Exec(ctx, createMigrations); err != nil {
		return nil, fmt.Errorf("store: create schema_migrations: %w", err)
	}
	have, err := db.appliedChecksums(ctx)
	if err != nil {
		return nil, err
	}
	latest := migrations[len(migrations)-1].version
	for v := range have {
		if v > latest {
			return nil, fmt.Errorf("%w: it has version %d, this program knows up to %d", ErrSchemaTooNew, v, latest)
		}
	}
	fresh := map[int64]bool{}
	for _, m := range migrations {
		if m.version > target {
			break
		}
		if sum, ok := have[m.version]; ok {
			if sum != m.checksum() {
				return nil, fmt.Errorf("%w: version %d (%s)", ErrMigrationChanged, m.version, m.name)
			}
			continue
		}
		applied := false
		err := db.Tx(ctx, func(tx *Tx) error {
			applied = false
			var n int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil // another process applied it meanwhile
			}
			for _, s := range m.stmts {
				if _, err := tx.Exec(ctx, s); err != nil {
					return fmt.Errorf("%s: %w", firstLine(s), err)
				}
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)`,
				m.version, m.name, m.checksum(), InstantUTC(now))
			applied = err == nil
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("store: migration %d (%s): %w", m.version, m.name, err)
		}
		fresh[m.version] = applied
	}
	rows, err := db.Query(ctx, `SELECT version, name, applied_at FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Applied
	for rows.Next() {
		var a Applied
		var at string
		if err := rows.Scan(&a.Version, &a.Name, &at); err != nil {
			return nil, err
		}
		if a.At, err = DecodeInstant(at, "UTC"); err != nil {
			return nil, err
		}
		a.New = fresh[a.Version]
		out = append(out, a)
	}
	return out, rows.Err()
}

func (db *DB) appliedChecksums(ctx context.Context) (map[int64]string, error) {
	rows, err := db.Query(ctx, `SELECT version, checksum FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[int64]string{}
	for rows.Next() {
		var v int64
		var sum string
		if err := rows.Scan(&v, &sum); err != nil {
			return nil, err
		}
		have[v] = sum
	}
	return have, rows.Err()
}

// SchemaVersion returns the highest applied migration, 0 for a database
// never migrated.
func (db *DB) SchemaVersion(ctx context.Context) (int64, error) {
	var v sql.NullInt64
	err := db.QueryRow(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v)
	if err != nil {
		return 0, err
	}
	return v.Int64, nil
}

// LatestVersion is the schema version this program migrates to.
func LatestVersion() int64 { return migrations[len(migrations)-1].version }

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}
