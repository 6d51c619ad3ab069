package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ErrNotFound reports a record, subscription or other keyed row that does
// not exist.
var ErrNotFound = errors.New("store: not found")

// ErrConflict reports a write refused because the row changed since the
// writer read it (optimistic concurrency), or because a row with the same
// key already exists. Match it with errors.Is; [ConflictError] tells which
// version is current.
var ErrConflict = errors.New("store: conflict")

// ConflictError is the error of a stale write: the writer read version
// Want, but the record is at version Have (0 when it does not exist, as
// when it was deleted). The writer should read the record again, reapply
// its change and retry -- never overwrite.
type ConflictError struct {
	Kind, ID   string
	Want, Have int64
}

func (e *ConflictError) Error() string {
	if e.Want == 0 {
		return fmt.Sprintf("store: conflict: %s %q already exists at version %d", e.Kind, e.ID, e.Have)
	}
	if e.Have == 0 {
		return fmt.Sprintf("store: conflict: %s %q changed: wrote against version %d, it no longer exists", e.Kind, e.ID, e.Want)
	}
	return fmt.Sprintf("store: conflict: %s %q changed: wrote against version %d, current is %d", e.Kind, e.ID, e.Want, e.Have)
}

// Unwrap returns ErrConflict.
func (e *ConflictError) Unwrap() error { return ErrConflict }

// Record is a versioned document: a catalog product or category, stored as
// JSON with the schema it was validated against.
type Record struct {
	// Kind is the record's type, "product", "category".
	Kind string
	// ID identifies the record within its kind (a product's SKU).
	ID string
	// Schema names the schema (form definition) and its version that the
	// body was validated against, "product@3".
	Schema string
	// Version counts the record's writes: 1 after Create, raised by one
	// by every Update.
	Version int64
	// Body is the record as JSON, stored byte for byte.
	Body json.RawMessage
	// UpdatedAt is when the current version was written.
	UpdatedAt time.Time
}

// Records stores versioned documents with optimistic concurrency.
type Records struct{ db *DB }

// Records returns the database's record store.
func (db *DB) Records() Records { return Records{db} }

// Create stores r as version 1 of a new record. A record of the same kind
// and ID that already exists is a [*ConflictError] with Want 0.
func (s Records) Create(ctx context.Context, r Record) (Record, error) {
	var out Record
	err := s.db.Tx(ctx, func(tx *Tx) error {
		var err error
		out, err = CreateRecord(ctx, tx, r)
		return err
	})
	return out, err
}

// CreateRecord is [Records.Create] inside the caller's transaction.
func CreateRecord(ctx context.Context, q Querier, r Record) (Record, error) {
	if err := checkRecord(r); err != nil {
		return Record{}, err
	}
	r.Version = 1
	at, zone := EncodeInstant(r.UpdatedAt)
	res, err := q.Exec(ctx, `INSERT INTO records (kind, id, schema_ref, version, body, updated_at, updated_zone)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, id) DO NOTHING`,
		r.Kind, r.ID, r.Schema, r.Version, string(r.Body), at, zone)
	if err != nil {
		return Record{}, fmt.Errorf("store: create %s: %w", r.Kind, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return Record{}, err
	} else if n == 0 {
		have, _ := currentVersion(ctx, q, r.Kind, r.ID)
		return Record{}, &ConflictError{Kind: r.Kind, ID: r.ID, Want: 0, Have: have}
	}
	return r, recordVersion(ctx, q, r)
}

// Update stores r as the next version of an existing record. r.Version
// must be the version the writer read; when another writer has updated the
// record since, nothing is written and the error is a [*ConflictError]
// naming the current version. On success the returned record has the new
// version.
func (s Records) Update(ctx context.Context, r Record) (Record, error) {
	var out Record
	err := s.db.Tx(ctx, func(tx *Tx) error {
		var err error
		out, err = UpdateRecord(ctx, tx, r)
		return err
	})
	return out, err
}

// UpdateRecord is [Records.Update] inside the caller's transaction.
func UpdateRecord(ctx context.Context, q Querier, r Record) (Record, error) {
	if err := checkRecord(r); err != nil {
		return Record{}, err
	}
	if r.Version < 1 {
		return Record{}, fmt.Errorf("store: update %s %q: version %d was never stored; Create it", r.Kind, r.ID, r.Version)
	}
	at, zone := EncodeInstant(r.UpdatedAt)
	// The version check and the write are one statement, so two writers
	// that read the same version cannot both succeed.
	res, err := q.Exec(ctx, `UPDATE records SET schema_ref = ?, version = version + 1, body = ?, updated_at = ?, updated_zone = ?
		WHERE kind = ? AND id = ? AND version = ?`,
		r.Schema, string(r.Body), at, zone, r.Kind, r.ID, r.Version)
	if err != nil {
		return Record{}, fmt.Errorf("store: update %s: %w", r.Kind, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return Record{}, err
	} else if n == 0 {
		have, err := currentVersion(ctx, q, r.Kind, r.ID)
		if err != nil {
			return Record{}, err
		}
		return Record{}, &ConflictError{Kind: r.Kind, ID: r.ID, Want: r.Version, Have: have}
	}
	r.Version++
	return r, recordVersion(ctx, q, r)
}

// Get returns the current version of the record, or an error wrapping
// [ErrNotFound].
func (s Records) Get(ctx context.Context, kind, id string) (Record, error) {
	return GetRecord(ctx, s.db, kind, id)
}

// GetRecord is [Records.Get] inside the caller's transaction.
func GetRecord(ctx context.Context, q Querier, kind, id string) (Record, error) {
	row := q.QueryRow(ctx, `SELECT kind, id, schema_ref, version, body, updated_at, updated_zone
		FROM records WHERE kind = ? AND id = ?`, kind, id)
	r, err := scanRecord(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Record{}, fmt.Errorf("%w: %s %q", ErrNotFound, kind, id)
	}
	return r, err
}

// List returns the records of a kind in ID order.
func (s Records) List(ctx context.Context, kind string) ([]Record, error) {
	rows, err := s.db.Query(ctx, `SELECT kind, id, schema_ref, version, body, updated_at, updated_zone
		FROM records WHERE kind = ? ORDER BY id`, kind)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Record
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// History returns every version the record has had, oldest first.
func (s Records) History(ctx context.Context, kind, id string) ([]Record, error) {
	rows, err := s.db.Query(ctx, `SELECT kind, id, schema_ref, version, body, at, zone
		FROM record_versions WHERE kind = ? AND id = ? ORDER BY version`, kind, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Record
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

type scanner interface{ Scan(dest ...any) error }

func scanRecord(row scanner) (Record, error) {
	var r Record
	var body, at, zone string
	if err := row.Scan(&r.Kind, &r.ID, &r.Schema, &r.Version, &body, &at, &zone); err != nil {
		return Record{}, err
	}
	r.Body = json.RawMessage(body)
	var err error
	r.UpdatedAt, err = DecodeInstant(at, zone)
	return r, err
}

func checkRecord(r Record) error {
	switch {
	case r.Kind == "":
		return errors.New("store: record without a kind")
	case r.ID == "":
		return fmt.Errorf("store: %s without an id", r.Kind)
	case !json.Valid(r.Body):
		return fmt.Errorf("store: %s %q: body is not valid JSON", r.Kind, r.ID)
	}
	return nil
}

func currentVersion(ctx context.Context, q Querier, kind, id string) (int64, error) {
	var v int64
	err := q.QueryRow(ctx, `SELECT version FROM records WHERE kind = ? AND id = ?`, kind, id).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

func recordVersion(ctx context.Context, q Querier, r Record) error {
	at, zone := EncodeInstant(r.UpdatedAt)
	_, err := q.Exec(ctx, `INSERT INTO record_versions (kind, id, version, schema_ref, body, at, zone)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, r.Kind, r.ID, r.Version, r.Schema, string(r.Body), at, zone)
	if err != nil {
		return fmt.Errorf("store: record history of %s %q: %w", r.Kind, r.ID, err)
	}
	return nil
}
