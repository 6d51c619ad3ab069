package store

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Entry is one entry of an append-only ledger (the consent ledger). Its
// Hash is SHA-256 over its own fields and the previous entry's hash, so
// changing, removing or reordering any entry breaks every hash after it;
// its MAC is an HMAC of that hash under the host's [LedgerKey], which the
// database never sees, so nobody without the key can re-chain edited
// entries or append forged ones.
type Entry struct {
	// Ledger names the ledger, "consent".
	Ledger string
	// Seq numbers the entries of a ledger from 1 without gaps.
	Seq int64
	// At is when the recorded event happened.
	At time.Time
	// Subject is whom the entry is about: a pseudonymous data-subject
	// ID, a customer number. Never a name or an e-mail address in clear.
	Subject string
	// Kind says what happened, "consent.given".
	Kind string
	// Body is the event as JSON, hashed byte for byte.
	Body json.RawMessage
	// Prev is the previous entry's Hash (GenesisHash for the first).
	Prev string
	// Hash is the entry's own hash, lower-case hex.
	Hash string
	// MAC is HMAC-SHA256 under the ledger key of the entry's ledger, seq
	// and Hash, lower-case hex ("" for an entry written before the chain
	// was keyed and not yet sealed, see [Ledgers.Seal]).
	MAC string
}

// GenesisHash is the Prev of a ledger's first entry: 64 zeros.
const GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000"

// ComputeHash returns the hash e should carry: SHA-256 over a domain tag
// and each field (ledger, seq, instant, zone, subject, kind, body, prev),
// each preceded by its length so that no two different entries hash the
// same input.
func ComputeHash(e Entry) string {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	put := func(s string) {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		h.Write([]byte(s))
	}
	at, zone := EncodeInstant(e.At)
	put("pimkit-ledger-v1")
	put(e.Ledger)
	put(strconv.FormatInt(e.Seq, 10))
	put(at)
	put(zone)
	put(e.Subject)
	put(e.Kind)
	put(string(e.Body))
	put(e.Prev)
	return hex.EncodeToString(h.Sum(nil))
}

// ErrTampered reports a ledger whose hash chain does not verify: an entry
// was changed, removed, inserted or reordered after it was written.
var ErrTampered = errors.New("store: ledger tampered with")

// TamperError tells where a ledger's chain breaks: the first entry that
// does not verify and why.
type TamperError struct {
	Ledger  string
	Seq     int64
	Problem string
}

func (e *TamperError) Error() string {
	return fmt.Sprintf("store: ledger %q tampered with at entry %d: %s", e.Ledger, e.Seq, e.Problem)
}

// Unwrap returns ErrTampered.
func (e *TamperError) Unwrap() error { return ErrTampered }

// Ledgers stores append-only, hash-chained ledgers keyed with a
// [LedgerKey].
type Ledgers struct {
	db  *DB
	key LedgerKey
}

// Ledgers returns the database's ledger store, whose entries are keyed
// with key.
func (db *DB) Ledgers(key LedgerKey) Ledgers { return Ledgers{db, key} }

// Append adds an entry to the end of e.Ledger, filling in Seq, Prev and
// Hash, and returns it. Concurrent appenders each get their own sequence
// number: one that loses the race for a number retries with the next.
func (s Ledgers) Append(ctx context.Context, e Entry) (Entry, error) {
	var out Entry
	err := s.db.Tx(ctx, func(tx *Tx) error {
		var err error
		out, err = AppendEntry(ctx, tx, s.key, e)
		return err
	})
	return out, err
}

// AppendEntry is [Ledgers.Append] inside the caller's transaction, so an
// entry can be written together with the change it records. When another
// writer took the next sequence number first it returns an error that
// makes [DB.Tx] run the transaction again.
func AppendEntry(ctx context.Context, q Querier, key LedgerKey, e Entry) (Entry, error) {
	switch {
	case key.invalid():
		return Entry{}, ErrNoLedgerKey
	case e.Ledger == "":
		return Entry{}, errors.New("store: ledger entry without a ledger")
	case e.Kind == "":
		return Entry{}, fmt.Errorf("store: ledger %q: entry without a kind", e.Ledger)
	case !json.Valid(e.Body):
		return Entry{}, fmt.Errorf("store: ledger %q: body is not valid JSON", e.Ledger)
	}
	e.Seq, e.Prev = 1, GenesisHash
	var seq int64
	var hash string
	err := q.QueryRow(ctx, `SELECT seq, hash FROM ledger_entries WHERE ledger = ? ORDER BY seq DESC LIMIT 1`, e.Ledger).Scan(&seq, &hash)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return Entry{}, err
	default:
		e.Seq, e.Prev = seq+1, hash
	}
	e.Hash = ComputeHash(e)
	e.MAC = key.EntryMAC(e)
	at, zone := EncodeInstant(e.At)
	res, err := q.Exec(ctx, `INSERT INTO ledger_entries (ledger, seq, at, zone, subject, kind, body, prev_hash, hash, mac)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ledger, seq) DO NOTHING`,
		e.Ledger, e.Seq, at, zone, e.Subject, e.Kind, string(e.Body), e.Prev, e.Hash, e.MAC)
	if err != nil {
		return Entry{}, fmt.Errorf("store: append to ledger %q: %w", e.Ledger, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return Entry{}, err
	} else if n == 0 {
		return Entry{}, errRetry
	}
	return e, nil
}

// Head is the last entry of a ledger as a host would anchor it outside the
// database (print it on the month's report, send it to an auditor): with
// the head known, even cutting entries off the end is detected.
type Head struct {
	Seq  int64
	Hash string
}

// Verified is the result of checking a ledger's chain.
type Verified struct {
	Ledger  string
	Entries int64
	Head    Head
}

// CheckFunc checks an entry's columns against its body; it returns a
// description of the first mismatch, or "" when they agree.
type CheckFunc func(Entry) string

// Verify recomputes the whole chain of a ledger under the ledger key and
// returns its head, or a [*TamperError] at the first entry that does not
// verify: a gap in the sequence, a Prev that is not the previous entry's
// hash, a hash that does not match its fields, a MAC that is not the key's
// (an entry re-chained or appended by someone without the key), or
// columns that check (when not nil) finds disagreeing with the body.
//
// head is the ledger's signed head, kept outside the database ([HeadFile]):
// its MAC must be the key's and the chain must contain it, so entries cut
// off the end are detected; entries after it are fine (they carry the
// key's MACs: a process stopped between committing an entry and advancing
// the head leaves the head behind). anchor, when not the zero Head, is a
// head published earlier that the chain must also contain.
func (s Ledgers) Verify(ctx context.Context, ledger string, head SignedHead, anchor Head, check CheckFunc) (Verified, error) {
	v := Verified{Ledger: ledger}
	if s.key.invalid() {
		return v, ErrNoLedgerKey
	}
	if head.Ledger != ledger || !s.key.CheckHead(head) {
		return v, &TamperError{Ledger: ledger, Seq: head.Seq, Problem: "the signed head is not signed with the ledger key"}
	}
	rows, err := s.db.Query(ctx, `SELECT ledger, seq, at, zone, subject, kind, body, prev_hash, hash, mac
		FROM ledger_entries WHERE ledger = ? ORDER BY seq`, ledger)
	if err != nil {
		return v, err
	}
	defer rows.Close()
	prev := GenesisHash
	var want int64 = 1
	anchored := anchor == Head{}
	for rows.Next() {
		e, err := scanEntry(rows)
		if errors.Is(err, ErrBadValue) {
			return v, &TamperError{Ledger: ledger, Seq: want, Problem: "entry does not decode"}
		} else if err != nil {
			return v, err
		}
		switch {
		case e.Seq != want:
			return v, &TamperError{Ledger: ledger, Seq: want, Problem: fmt.Sprintf("entry missing (next stored entry is %d)", e.Seq)}
		case e.Prev != prev:
			return v, &TamperError{Ledger: ledger, Seq: e.Seq, Problem: "does not link to the previous entry"}
		case ComputeHash(e) != e.Hash:
			return v, &TamperError{Ledger: ledger, Seq: e.Seq, Problem: "contents do not match the hash"}
		case !hmac.Equal([]byte(e.MAC), []byte(s.key.EntryMAC(e))):
			return v, &TamperError{Ledger: ledger, Seq: e.Seq, Problem: "not written with the ledger key"}
		}
		if check != nil {
			if p := check(e); p != "" {
				return v, &TamperError{Ledger: ledger, Seq: e.Seq, Problem: p}
			}
		}
		if e.Seq == head.Seq && e.Hash != head.Hash {
			return v, &TamperError{Ledger: ledger, Seq: e.Seq, Problem: "does not match the signed head"}
		}
		if e.Seq == anchor.Seq {
			if e.Hash != anchor.Hash {
				return v, &TamperError{Ledger: ledger, Seq: e.Seq, Problem: "does not match the anchored head"}
			}
			anchored = true
		}
		prev, want = e.Hash, want+1
		v.Entries++
		v.Head = Head{Seq: e.Seq, Hash: e.Hash}
	}
	if err := rows.Err(); err != nil {
		return v, err
	}
	if v.Head.Seq < head.Seq {
		return v, &TamperError{Ledger: ledger, Seq: head.Seq, Problem: fmt.Sprintf("entries cut off the end (ledger ends at %d, the signed head is %d)", v.Head.Seq, head.Seq)}
	}
	if !anchored {
		return v, &TamperError{Ledger: ledger, Seq: anchor.Seq, Problem: fmt.Sprintf("anchored entry missing (ledger ends at %d)", v.Head.Seq)}
	}
	return v, nil
}

// Seal keys a ledger written before its chain was keyed (schema version
// 5 and earlier): it verifies the unkeyed chain, then stores each entry's
// MAC under the ledger key, in one transaction, and returns the signed
// head to keep. It seals only a ledger none of whose entries has a MAC and
// only when the caller has no signed head for it yet (sealed reports
// false and nothing changes otherwise): blanking MACs later cannot get
// forged entries sealed. A broken unkeyed chain is a [*TamperError] and
// nothing is sealed.
func (s Ledgers) Seal(ctx context.Context, ledger string) (head SignedHead, sealed bool, err error) {
	if s.key.invalid() {
		return SignedHead{}, false, ErrNoLedgerKey
	}
	err = s.db.Tx(ctx, func(tx *Tx) error {
		sealed = false
		var keyed, all int64
		if err := tx.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN mac <> '' THEN 1 ELSE 0 END), 0) FROM ledger_entries WHERE ledger = ?`, ledger).Scan(&all, &keyed); err != nil {
			return err
		}
		if keyed > 0 || all == 0 {
			return nil
		}
		rows, err := tx.Query(ctx, `SELECT ledger, seq, at, zone, subject, kind, body, prev_hash, hash, mac
			FROM ledger_entries WHERE ledger = ? ORDER BY seq`, ledger)
		if err != nil {
			return err
		}
		var entries []Entry
		prev := GenesisHash
		for rows.Next() {
			e, err := scanEntry(rows)
			if err != nil {
				rows.Close()
				return err
			}
			want := int64(len(entries) + 1)
			if e.Seq != want || e.Prev != prev || ComputeHash(e) != e.Hash {
				rows.Close()
				return &TamperError{Ledger: ledger, Seq: want, Problem: "the unkeyed chain does not verify; not sealed"}
			}
			prev = e.Hash
			entries = append(entries, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, e := range entries {
			if _, err := tx.Exec(ctx, `UPDATE ledger_entries SET mac = ? WHERE ledger = ? AND seq = ?`, s.key.EntryMAC(e), ledger, e.Seq); err != nil {
				return err
			}
		}
		last := entries[len(entries)-1]
		head = s.key.SignHead(ledger, Head{Seq: last.Seq, Hash: last.Hash})
		sealed = true
		return nil
	})
	return head, sealed, err
}

// Subject returns the entries of a ledger about one subject, oldest first.
// It does not verify the chain; pair it with [Ledgers.Verify].
func (s Ledgers) Subject(ctx context.Context, ledger, subject string) ([]Entry, error) {
	rows, err := s.db.Query(ctx, `SELECT ledger, seq, at, zone, subject, kind, body, prev_hash, hash, mac
		FROM ledger_entries WHERE ledger = ? AND subject = ? ORDER BY seq`, ledger, subject)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func scanEntry(row scanner) (Entry, error) {
	var e Entry
	var at, zone, body string
	if err := row.Scan(&e.Ledger, &e.Seq, &at, &zone, &e.Subject, &e.Kind, &body, &e.Prev, &e.Hash, &e.MAC); err != nil {
		return Entry{}, err
	}
	e.Body = json.RawMessage(body)
	var err error
	e.At, err = DecodeInstant(at, zone)
	return e, err
}
