package store

// The schema, as an append-only list of migrations. One text serves SQLite
// and PostgreSQL: only TEXT and BIGINT columns, no auto-increment (keys are
// chosen by the program), no dialect-specific defaults. The codecs in
// codec.go fix each value's text:
//
//   - decimals as text that keeps their scale ("12.50", never "12.5");
//   - instants as two columns, *_at with the UTC instant in a fixed-width
//     form that sorts as text, and *_zone with the location's name;
//   - civil dates as ISO 8601 text, "2026-01-31";
//   - currencies as ISO 4217 codes, periods as ISO 8601 periods ("P1M");
//   - documents as JSON text, kept byte for byte.
//
// Never edit a migration once it has been released: append a new one.
var migrations = []migration{
	{1, "versioned records and hash-chained ledgers", []string{
		// Records are documents of a kind (a catalog product, a category)
		// with the schema they were validated against and a version that
		// every update raises by one: an update names the version it read
		// and is refused when another writer got there first.
		`CREATE TABLE records (
			kind         TEXT NOT NULL,
			id           TEXT NOT NULL,
			schema_ref   TEXT NOT NULL,
			version      BIGINT NOT NULL,
			body         TEXT NOT NULL,
			updated_at   TEXT NOT NULL,
			updated_zone TEXT NOT NULL,
			PRIMARY KEY (kind, id)
		)`,
		// Every version a record ever had, for audit and for undo.
		`CREATE TABLE record_versions (
			kind       TEXT NOT NULL,
			id         TEXT NOT NULL,
			version    BIGINT NOT NULL,
			schema_ref TEXT NOT NULL,
			body       TEXT NOT NULL,
			at         TEXT NOT NULL,
			zone       TEXT NOT NULL,
			PRIMARY KEY (kind, id, version)
		)`,
		// Append-only ledgers: each entry's hash covers its fields and
		// the previous entry's hash, so editing, removing or reordering
		// an entry breaks the chain from there on.
		`CREATE TABLE ledger_entries (
			ledger    TEXT NOT NULL,
			seq       BIGINT NOT NULL,
			at        TEXT NOT NULL,
			zone      TEXT NOT NULL,
			subject   TEXT NOT NULL,
			kind      TEXT NOT NULL,
			body      TEXT NOT NULL,
			prev_hash TEXT NOT NULL,
			hash      TEXT NOT NULL,
			PRIMARY KEY (ledger, seq)
		)`,
		`CREATE INDEX ledger_entries_subject ON ledger_entries (ledger, subject, seq)`,
		// Idempotency keys of work done: a job (the month-end run) records
		// each unit of work under its key in the same transaction as the
		// work itself, so a restarted run skips what a killed run finished.
		`CREATE TABLE idempotency_keys (
			key     TEXT PRIMARY KEY,
			job     TEXT NOT NULL,
			result  TEXT NOT NULL,
			done_at TEXT NOT NULL
		)`,
	}},
}
