package store

import (
	"context"
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

// Entry is one entry of an append-only ledger (the consent ledger, a
// credit ledger). Its Hash is SHA-256 over its own fields and the previous
// entry's hash, so changing, removing or reordering any entry breaks every
// hash after it.
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

// Ledgers stores append-only, hash-chained ledgers.
type Ledgers struct{ db *DB }

// Ledgers returns the database's ledger store.
func (db *DB) Ledgers() Ledgers { return Ledgers{db} }

// Append adds an entry to the end of e.Ledger, filling in Seq, Prev and
// Hash, and returns it. Concurrent appenders each get their own sequence
// number: one that loses the race for a number retries with the next.
func (s Ledgers) Append(ctx context.Context, e Entry) (Entry, error) {
	var out Entry
	err := s.db.Tx(ctx, func(tx *Tx) error {
		var err error
		out, err = AppendEntry(ctx, tx, e)
		return err
	})
	return out, err
}

// AppendEntry is [Ledgers.Append] inside the caller's transaction, so an
// entry can be written together with the change it records. When another
// writer took the next sequence number first it returns an error that
// makes [DB.Tx] run the transaction again.
func AppendEntry(ctx context.Context, q Querier, e Entry) (Entry, error) {
	switch {
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
	at, zone := EncodeInstant(e.At)
	res, err := q.Exec(ctx, `INSERT INTO ledger_entries (ledger, seq, at, zone, subject, kind, body, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ledger, seq) DO NOTHING`,
		e.Ledger, e.Seq, at, zone, e.Subject, e.Kind, string(e.Body), e.Prev, e.Hash)
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

// Verify recomputes the whole chain of a ledger and returns its head, or a
// [*TamperError] at the first entry that does not verify: a hash that does
// not match its fields, a Prev that is not the previous entry's hash, or a
// gap in the sequence. When anchor is not the zero Head, the chain must
// also contain it, which catches entries cut off the end.
func (s Ledgers) Verify(ctx context.Context, ledger string, anchor Head) (Verified, error) {
	v := Verified{Ledger: ledger}
	rows, err := s.db.Query(ctx, `SELECT ledger, seq, at, zone, subject, kind, body, prev_hash, hash
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
	if !anchored {
		return v, &TamperError{Ledger: ledger, Seq: anchor.Seq, Problem: fmt.Sprintf("anchored entry missing (ledger ends at %d)", v.Head.Seq)}
	}
	return v, nil
}

// Subject returns the entries of a ledger about one subject, oldest first.
// It does not verify the chain; pair it with [Ledgers.Verify].
func (s Ledgers) Subject(ctx context.Context, ledger, subject string) ([]Entry, error) {
	rows, err := s.db.Query(ctx, `SELECT ledger, seq, at, zone, subject, kind, body, prev_hash, hash
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
	if err := row.Scan(&e.Ledger, &e.Seq, &at, &zone, &e.Subject, &e.Kind, &body, &e.Prev, &e.Hash); err != nil {
		return Entry{}, err
	}
	e.Body = json.RawMessage(body)
	var err error
	e.At, err = DecodeInstant(at, zone)
	return e, err
}
