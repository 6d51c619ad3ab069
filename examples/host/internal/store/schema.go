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
	{2, "billing: customers, subscriptions, invoices, collections, credit ledgers", []string{
		`CREATE TABLE customers (
			id      TEXT PRIMARY KEY,
			name    TEXT NOT NULL,
			cvr     TEXT NOT NULL,
			vat_id  TEXT NOT NULL,
			address TEXT NOT NULL,
			country TEXT NOT NULL,
			kind    TEXT NOT NULL
		)`,
		`CREATE TABLE plans (
			id         TEXT PRIMARY KEY,
			kind       TEXT NOT NULL,
			cycle      TEXT NOT NULL,
			price      TEXT NOT NULL,
			currency   TEXT NOT NULL,
			values_cap BIGINT NOT NULL,
			credits    BIGINT NOT NULL,
			overdraft  BIGINT NOT NULL
		)`,
		// A subscription's state is billing.Subscription; version guards
		// it like a record's.
		`CREATE TABLE subscriptions (
			id          TEXT PRIMARY KEY,
			customer_id TEXT NOT NULL REFERENCES customers (id),
			plan_id     TEXT NOT NULL REFERENCES plans (id),
			anchor      TEXT NOT NULL,
			period      BIGINT NOT NULL,
			next_plan   TEXT NOT NULL,
			version     BIGINT NOT NULL
		)`,
		// The events billing returns, in order; event_key makes storing
		// the same event twice a no-op.
		`CREATE TABLE subscription_events (
			event_key       TEXT PRIMARY KEY,
			subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
			seq             BIGINT NOT NULL,
			kind            TEXT NOT NULL,
			on_date         TEXT NOT NULL,
			plan_id         TEXT NOT NULL,
			period_start    TEXT NOT NULL,
			period_end      TEXT NOT NULL,
			amount          TEXT NOT NULL,
			currency        TEXT NOT NULL,
			citations       TEXT NOT NULL
		)`,
		// Invoice numbers come from a counter updated in the transaction
		// that issues the invoice, so the sequence has no gaps
		// (momsbekendtgørelsen § 58(1)(2)).
		`CREATE TABLE counters (
			name TEXT PRIMARY KEY,
			next BIGINT NOT NULL
		)`,
		// charge_key (subscription and period) is unique: a period is
		// invoiced once however often the run is repeated.
		`CREATE TABLE invoices (
			number          TEXT PRIMARY KEY,
			charge_key      TEXT NOT NULL UNIQUE,
			customer_id     TEXT NOT NULL REFERENCES customers (id),
			subscription_id TEXT NOT NULL,
			issued          TEXT NOT NULL,
			received        TEXT NOT NULL,
			due             TEXT NOT NULL,
			due_kind        TEXT NOT NULL,
			due_from        TEXT NOT NULL,
			due_period      TEXT NOT NULL,
			due_raw         TEXT NOT NULL,
			due_convention  TEXT NOT NULL,
			supply_from     TEXT NOT NULL,
			supply_to       TEXT NOT NULL,
			seller_name     TEXT NOT NULL,
			seller_cvr      TEXT NOT NULL,
			seller_vat_id   TEXT NOT NULL,
			seller_address  TEXT NOT NULL,
			seller_country  TEXT NOT NULL,
			buyer_name      TEXT NOT NULL,
			buyer_cvr       TEXT NOT NULL,
			buyer_vat_id    TEXT NOT NULL,
			buyer_address   TEXT NOT NULL,
			buyer_country   TEXT NOT NULL,
			currency        TEXT NOT NULL,
			treatment       TEXT NOT NULL,
			net             TEXT NOT NULL,
			vat             TEXT NOT NULL,
			total           TEXT NOT NULL,
			notice          TEXT NOT NULL,
			citations       TEXT NOT NULL,
			-- The day the payments received first covered the total; ''
			-- while anything is owed. Kept by AddPayment so the month-end
			-- run reads only open invoices.
			settled_on      TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX invoices_open ON invoices (settled_on, due)`,
		`CREATE TABLE invoice_lines (
			number      TEXT NOT NULL REFERENCES invoices (number),
			line_no     BIGINT NOT NULL,
			description TEXT NOT NULL,
			currency    TEXT NOT NULL,
			quantity    TEXT NOT NULL,
			unit_price  TEXT NOT NULL,
			vat_rate    TEXT NOT NULL,
			net         TEXT NOT NULL,
			vat         TEXT NOT NULL,
			PRIMARY KEY (number, line_no)
		)`,
		// The VAT summary per rate, as issued (momsbekendtgørelsen §
		// 58(1)(8)-(10)).
		`CREATE TABLE invoice_vat (
			number  TEXT NOT NULL REFERENCES invoices (number),
			line_no BIGINT NOT NULL,
			rate    TEXT NOT NULL,
			net     TEXT NOT NULL,
			vat     TEXT NOT NULL,
			PRIMARY KEY (number, line_no)
		)`,
		`CREATE TABLE payments (
			payment_key TEXT PRIMARY KEY,
			number      TEXT NOT NULL REFERENCES invoices (number),
			paid_on     TEXT NOT NULL,
			amount      TEXT NOT NULL
		)`,
		`CREATE TABLE demands (
			number  TEXT NOT NULL REFERENCES invoices (number),
			seq     BIGINT NOT NULL,
			sent    TEXT NOT NULL,
			fee     TEXT NOT NULL,
			PRIMARY KEY (number, seq)
		)`,
		`CREATE TABLE compensations (
			number  TEXT PRIMARY KEY REFERENCES invoices (number),
			claimed TEXT NOT NULL,
			amount  TEXT NOT NULL
		)`,
		// Interest statements made up at a month end, one per invoice and
		// month.
		`CREATE TABLE interest_statements (
			number    TEXT NOT NULL REFERENCES invoices (number),
			until_day TEXT NOT NULL,
			principal TEXT NOT NULL,
			total     TEXT NOT NULL,
			currency  TEXT NOT NULL,
			statement TEXT NOT NULL,
			PRIMARY KEY (number, until_day)
		)`,
		// Credit ledgers (billing.Ledger): one account per customer; the
		// event ID is unique per account, so posting twice is a no-op.
		`CREATE TABLE credit_entries (
			account  TEXT NOT NULL,
			seq      BIGINT NOT NULL,
			event_id TEXT NOT NULL,
			at       TEXT NOT NULL,
			zone     TEXT NOT NULL,
			kind     TEXT NOT NULL,
			credits  BIGINT NOT NULL,
			balance  BIGINT NOT NULL,
			memo     TEXT NOT NULL,
			PRIMARY KEY (account, seq),
			UNIQUE (account, event_id)
		)`,
	}},
	{3, "sla: outages and service windows", []string{
		// An open outage has empty end columns.
		`CREATE TABLE outages (
			id         TEXT PRIMARY KEY,
			component  TEXT NOT NULL,
			cause      TEXT NOT NULL,
			impact     TEXT NOT NULL,
			start_at   TEXT NOT NULL,
			start_zone TEXT NOT NULL,
			end_at     TEXT NOT NULL,
			end_zone   TEXT NOT NULL
		)`,
		`CREATE INDEX outages_start ON outages (start_at)`,
		`CREATE TABLE service_windows (
			id            TEXT PRIMARY KEY,
			kind          TEXT NOT NULL,
			notified_at   TEXT NOT NULL,
			notified_zone TEXT NOT NULL,
			start_at      TEXT NOT NULL,
			start_zone    TEXT NOT NULL,
			end_at        TEXT NOT NULL,
			end_zone      TEXT NOT NULL
		)`,
	}},
	{4, "privacy: data-subject requests", []string{
		// A request is the fold of its events (privacy.ReplayRequest);
		// the row keeps the subject and the state for listing.
		`CREATE TABLE subject_requests (
			id       TEXT PRIMARY KEY,
			subject  TEXT NOT NULL,
			kind     TEXT NOT NULL,
			received TEXT NOT NULL,
			state    TEXT NOT NULL,
			due      TEXT NOT NULL
		)`,
		`CREATE TABLE subject_request_events (
			request_id TEXT NOT NULL REFERENCES subject_requests (id),
			seq        BIGINT NOT NULL,
			action     TEXT NOT NULL,
			kind       TEXT NOT NULL,
			on_date    TEXT NOT NULL,
			from_state TEXT NOT NULL,
			to_state   TEXT NOT NULL,
			due        TEXT NOT NULL,
			reasons    TEXT NOT NULL,
			PRIMARY KEY (request_id, seq)
		)`,
	}},
	{5, "billing: payment keys are unique per invoice", []string{
		// A bank reference identifies a payment of one invoice: the same
		// reference may pay several invoices (one transfer split over
		// them), and a reference already recorded against an invoice is
		// refused by AddPayment unless it is the very same payment.
		// Rebuilt rather than altered: SQLite cannot change a primary key.
		`CREATE TABLE payments_v5 (
			number      TEXT NOT NULL REFERENCES invoices (number),
			payment_key TEXT NOT NULL,
			paid_on     TEXT NOT NULL,
			amount      TEXT NOT NULL,
			PRIMARY KEY (number, payment_key)
		)`,
		`INSERT INTO payments_v5 (number, payment_key, paid_on, amount)
			SELECT number, payment_key, paid_on, amount FROM payments`,
		`DROP TABLE payments`,
		`ALTER TABLE payments_v5 RENAME TO payments`,
	}},
	{6, "ledgers: entries carry an HMAC under the host's ledger key", []string{
		// The MAC of each entry's hash under a key the database never
		// sees; '' for entries written before, until the program seals
		// them (Ledgers.Seal, run by "host init" with the key).
		`ALTER TABLE ledger_entries ADD COLUMN mac TEXT NOT NULL DEFAULT ''`,
	}},
	{7, "values in pimkit's new text forms: snake_case enums, no fee as no amount", []string{
		// pimkit now writes every enum in snake_case. The kebab-case
		// names the previous version stored are renamed here; the reader
		// refuses them (ErrBadValue) rather than guess. An event's key
		// holds its kind after the subscription ID, so the key is rebuilt
		// too: storing the same event again stays a no-op.
		`UPDATE subscription_events SET
			event_key = subscription_id || '/' || REPLACE(kind, '-', '_') || SUBSTR(event_key, LENGTH(subscription_id) + LENGTH(kind) + 2),
			kind = REPLACE(kind, '-', '_')
			WHERE kind IN ('change-scheduled', 'plan-changed', 'upgrade-suggested')
			AND SUBSTR(event_key, 1, LENGTH(subscription_id) + LENGTH(kind) + 2) = subscription_id || '/' || kind || '/'`,
		// An event without an amount (created, change_scheduled, ...) was
		// written as the decimal zero, "0", beside the plan's currency;
		// pimkit now gives such an event no amount, the zero Money, whose
		// currency is XXX. Charges always carry the plan's scale ("0.00"
		// on the free plan) and keep their currency.
		`UPDATE subscription_events SET currency = 'XXX' WHERE amount = '0' AND currency <> 'XXX'`,
		`UPDATE invoices SET treatment = 'reverse_charge' WHERE treatment = 'reverse-charge'`,
		`UPDATE invoices SET due_kind = REPLACE(due_kind, '-', '_') WHERE due_kind IN ('to-act', 'takes-effect')`,
		`UPDATE service_windows SET kind = 'force_majeure' WHERE kind = 'force-majeure'`,
		// An interest statement is kept as it was rendered; its first
		// line names the day count, now in snake_case as pimkit renders
		// it ("interest 2026-01-30 .. 2026-02-28 (thirty_360), DKK").
		`UPDATE interest_statements SET statement = REPLACE(statement, ' (30/360), ', ' (thirty_360), ')
			WHERE statement LIKE 'interest % (30/360), %'`,
		`UPDATE interest_statements SET statement = REPLACE(statement, ' (actual/30), ', ' (actual_over_30), ')
			WHERE statement LIKE 'interest % (actual/30), %'`,
		`UPDATE interest_statements SET statement = REPLACE(statement, ' (started-month), ', ' (per_started_month), ')
			WHERE statement LIKE 'interest % (started-month), %'`,
		// A demand without a fee held the decimal zero, "0"; pimkit now
		// records no fee as no amount (the zero Money), which the demands
		// table, whose amounts are in the invoice's currency, stores as ''.
		`UPDATE demands SET fee = '' WHERE fee = '0'`,
	}},
}
