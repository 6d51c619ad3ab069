package store

import (
	"context"
	"time"
)

// MigrateTo migrates db up to version only, for tests that write a
// database as an older program would and then migrate it.
func MigrateTo(ctx context.Context, db *DB, now time.Time, version int64) ([]Applied, error) {
	return db.migrateTo(ctx, now, version)
}
