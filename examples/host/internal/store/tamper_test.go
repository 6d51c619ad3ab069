package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"

	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/pimkit/pimkit/examples/host/internal/storetest"
)

// consentLedger writes five consent events -- cust-1's consent, cust-2's,
// cust-1's withdrawal (entry 3), and two more -- and returns the entries
// with the signed head the host keeps outside the database.
func consentLedger(t *testing.T, db *store.DB) ([]store.Entry, store.SignedHead) {
	t.Helper()
	ctx := context.Background()
	at := time.Date(2026, 1, 5, 10, 0, 0, 0, cph)
	var out []store.Entry
	for i, ev := range []privacy.ConsentEvent{
		{Subject: "cust-1", Purpose: "marketing.communications.email", Action: privacy.Given, Method: privacy.MethodForm, Notice: privacy.NoticeHash{1}, Policy: contract.MustDate(2025, 2, 1)},
		{Subject: "cust-2", Purpose: "marketing.communications.email", Action: privacy.Given, Method: privacy.MethodForm, Notice: privacy.NoticeHash{1}, Policy: contract.MustDate(2025, 2, 1)},
		{Subject: "cust-1", Purpose: "marketing.communications.email", Action: privacy.Withdrawn, Method: privacy.MethodLink},
		{Subject: "cust-3", Purpose: "marketing.communications.email", Action: privacy.Given, Method: privacy.MethodForm, Notice: privacy.NoticeHash{1}, Policy: contract.MustDate(2025, 2, 1)},
		{Subject: "cust-2", Purpose: "marketing.communications.email", Action: privacy.Withdrawn, Method: privacy.MethodLink},
	} {
		ev.At = at.Add(time.Duration(i) * 24 * time.Hour)
		e, err := store.AppendConsent(ctx, db, testKey, ev)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	last := out[len(out)-1]
	return out, testKey.SignHead(store.ConsentLedger, store.Head{Seq: last.Seq, Hash: last.Hash})
}

func exec(t *testing.T, db *store.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(context.Background(), q, args...); err != nil {
		t.Fatal(err)
	}
}

// rechain rewrites entries from index i on with their SHA-256 chain
// recomputed, as a forger with write access to the database but without
// the ledger key would.
func rechain(t *testing.T, db *store.DB, entries []store.Entry, i int) {
	t.Helper()
	prev := store.GenesisHash
	if i > 0 {
		prev = entries[i-1].Hash
	}
	for _, e := range entries[i:] {
		e.Prev = prev
		e.Hash = store.ComputeHash(e)
		at, zone := store.EncodeInstant(e.At)
		exec(t, db, `UPDATE ledger_entries SET at = ?, zone = ?, subject = ?, kind = ?, body = ?, prev_hash = ?, hash = ? WHERE ledger = ? AND seq = ?`,
			at, zone, e.Subject, e.Kind, string(e.Body), e.Prev, e.Hash, e.Ledger, e.Seq)
		prev = e.Hash
	}
}

// withdrawalToConsent turns entry 3, cust-1's withdrawal, into a consent in
// its body and its kind column.
func withdrawalToConsent(e store.Entry) store.Entry {
	e.Body = json.RawMessage(strings.Replace(string(e.Body), `"action":"withdrawn"`, `"action":"given"`, 1))
	e.Kind = "consent.given"
	return e
}

// Each way of tampering with the consent ledger that GDPR Art. 7(1) proof
// must survive is detected, on both databases: the chain is keyed with a
// key the database never sees, the head is signed and kept outside it,
// and every column is checked against the signed body.
func TestConsentLedgerTamperingDetected(t *testing.T) {
	rows := []struct {
		name    string
		tamper  func(t *testing.T, db *store.DB, entries []store.Entry, head *store.SignedHead)
		seq     int64
		problem string // a part of the TamperError's problem
	}{
		{"edit: a body changed", func(t *testing.T, db *store.DB, _ []store.Entry, _ *store.SignedHead) {
			exec(t, db, `UPDATE ledger_entries SET body = REPLACE(body, 'withdrawn', 'given') WHERE seq = 3`)
		}, 3, "contents do not match the hash"},
		{"edit: the kind column changed (withdrawal read as consent)", func(t *testing.T, db *store.DB, _ []store.Entry, _ *store.SignedHead) {
			exec(t, db, `UPDATE ledger_entries SET kind = 'consent.given' WHERE seq = 3`)
		}, 3, "contents do not match the hash"},
		{"edit: the instant column moved", func(t *testing.T, db *store.DB, _ []store.Entry, _ *store.SignedHead) {
			exec(t, db, `UPDATE ledger_entries SET at = '2026-01-01T00:00:00.000000000Z' WHERE seq = 2`)
		}, 2, "contents do not match the hash"},
		{"delete: an entry in the middle removed", func(t *testing.T, db *store.DB, _ []store.Entry, _ *store.SignedHead) {
			exec(t, db, `DELETE FROM ledger_entries WHERE seq = 3`)
		}, 3, "entry missing (next stored entry is 4)"},
		{"reorder: two entries swapped", func(t *testing.T, db *store.DB, _ []store.Entry, _ *store.SignedHead) {
			exec(t, db, `UPDATE ledger_entries SET seq = 99 WHERE seq = 2`)
			exec(t, db, `UPDATE ledger_entries SET seq = 2 WHERE seq = 3`)
			exec(t, db, `UPDATE ledger_entries SET seq = 3 WHERE seq = 99`)
		}, 2, "does not link to the previous entry"},
		{"truncate: the last two entries cut off", func(t *testing.T, db *store.DB, _ []store.Entry, _ *store.SignedHead) {
			exec(t, db, `DELETE FROM ledger_entries WHERE seq >= 4`)
		}, 5, "entries cut off the end (ledger ends at 3, the signed head is 5)"},
		{"truncate: every entry removed", func(t *testing.T, db *store.DB, _ []store.Entry, _ *store.SignedHead) {
			exec(t, db, `DELETE FROM ledger_entries`)
		}, 5, "entries cut off the end (ledger ends at 0, the signed head is 5)"},
		{"re-chain: a withdrawal turned into a consent and every hash after it recomputed", func(t *testing.T, db *store.DB, entries []store.Entry, _ *store.SignedHead) {
			forged := append([]store.Entry(nil), entries...)
			forged[2] = withdrawalToConsent(forged[2])
			rechain(t, db, forged, 2)
		}, 3, "not written with the ledger key"},
		{"re-chain: the whole ledger rewritten with the MACs blanked", func(t *testing.T, db *store.DB, entries []store.Entry, _ *store.SignedHead) {
			forged := append([]store.Entry(nil), entries...)
			forged[2] = withdrawalToConsent(forged[2])
			rechain(t, db, forged, 0)
			exec(t, db, `UPDATE ledger_entries SET mac = ''`)
		}, 1, "not written with the ledger key"},
		{"append: a forged entry chained to the end, its MAC copied", func(t *testing.T, db *store.DB, entries []store.Entry, _ *store.SignedHead) {
			last := entries[len(entries)-1]
			e := withdrawalToConsent(entries[2])
			e.Seq, e.Prev, e.At = 6, last.Hash, last.At.Add(time.Hour)
			e.Body = json.RawMessage(strings.Replace(string(e.Body), `"at":"2026-01-07T09:00:00Z"`, `"at":"2026-01-09T10:00:00Z"`, 1))
			e.Hash = store.ComputeHash(e)
			at, zone := store.EncodeInstant(e.At)
			exec(t, db, `INSERT INTO ledger_entries (ledger, seq, at, zone, subject, kind, body, prev_hash, hash, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				e.Ledger, e.Seq, at, zone, e.Subject, e.Kind, string(e.Body), e.Prev, e.Hash, last.MAC)
		}, 6, "not written with the ledger key"},
		{"append after truncation, with a head signed without the key", func(t *testing.T, db *store.DB, _ []store.Entry, head *store.SignedHead) {
			exec(t, db, `DELETE FROM ledger_entries WHERE seq >= 4`)
			*head = store.LedgerKey([]byte("the forger's own thirty-two byte")).SignHead(store.ConsentLedger, store.Head{Seq: 3, Hash: head.Hash})
		}, 3, "the signed head is not signed with the ledger key"},
		{"column mismatch: the kind column disagrees with the signed body", func(t *testing.T, db *store.DB, entries []store.Entry, _ *store.SignedHead) {
			// Written through the store with the key (a writer's bug, or
			// a row keyed before it was edited): the MAC verifies, the
			// body says withdrawn, the column says given.
			e := entries[2]
			_, err := store.AppendEntry(context.Background(), db, testKey, store.Entry{Ledger: e.Ledger, At: e.At, Subject: e.Subject, Kind: "consent.given", Body: e.Body})
			if err != nil {
				t.Fatal(err)
			}
		}, 6, "the kind column is not the body's action"},
		{"column mismatch: the subject column disagrees with the signed body", func(t *testing.T, db *store.DB, entries []store.Entry, _ *store.SignedHead) {
			e := entries[2]
			if _, err := store.AppendEntry(context.Background(), db, testKey, store.Entry{Ledger: e.Ledger, At: e.At, Subject: "cust-9", Kind: e.Kind, Body: e.Body}); err != nil {
				t.Fatal(err)
			}
		}, 6, "the subject column is not the body's"},
		{"column mismatch: the instant columns disagree with the signed body", func(t *testing.T, db *store.DB, entries []store.Entry, _ *store.SignedHead) {
			e := entries[2]
			if _, err := store.AppendEntry(context.Background(), db, testKey, store.Entry{Ledger: e.Ledger, At: e.At.Add(-48 * time.Hour), Subject: e.Subject, Kind: e.Kind, Body: e.Body}); err != nil {
				t.Fatal(err)
			}
		}, 6, "the instant columns are not the body's"},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				ctx := context.Background()
				entries, head := consentLedger(t, db)
				if _, err := db.Ledgers(testKey).Verify(ctx, store.ConsentLedger, head, store.Head{}, store.CheckConsent); err != nil {
					t.Fatalf("the untouched ledger does not verify: %v", err)
				}
				row.tamper(t, db, entries, &head)
				_, err := db.Ledgers(testKey).Verify(ctx, store.ConsentLedger, head, store.Head{}, store.CheckConsent)
				var te *store.TamperError
				if !errors.As(err, &te) || !errors.Is(err, store.ErrTampered) {
					t.Fatalf("Verify after tampering = %v, want a TamperError", err)
				}
				if te.Seq != row.seq || !strings.Contains(te.Problem, row.problem) {
					t.Errorf("Verify after tampering = entry %d %q, want entry %d %q", te.Seq, te.Problem, row.seq, row.problem)
				}
			})
		})
	}
}
