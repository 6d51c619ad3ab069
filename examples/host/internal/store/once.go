package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Once runs fn in a transaction unless the unit of work named key is
// already done, and records key (with fn's result) in that same
// transaction: either the work and its key are both stored or neither is.
// A second call with the same key, even from a restarted process, runs
// nothing and returns the first call's result with done true. Two callers
// racing for one key both wait for the first to commit; the loser then
// sees it done.
func (db *DB) Once(ctx context.Context, job, key string, at time.Time, fn func(tx *Tx) (result string, err error)) (result string, done bool, err error) {
	if key == "" {
		return "", false, errors.New("store: empty idempotency key")
	}
	err = db.Tx(ctx, func(tx *Tx) error {
		result, done = "", false
		res, err := tx.Exec(ctx, `INSERT INTO idempotency_keys (key, job, result, done_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (key) DO NOTHING`, key, job, "", InstantUTC(at))
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n == 0 {
			done = true
			return tx.QueryRow(ctx, `SELECT result FROM idempotency_keys WHERE key = ?`, key).Scan(&result)
		}
		if result, err = fn(tx); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE idempotency_keys SET result = ? WHERE key = ?`, result, key)
		return err
	})
	if err != nil {
		return "", false, fmt.Errorf("store: %s %s: %w", job, key, err)
	}
	return result, done, nil
}
