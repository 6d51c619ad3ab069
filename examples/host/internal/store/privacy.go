package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
)

// ConsentLedger is the name of the hash-chained ledger of consent events.
const ConsentLedger = "consent"

// AppendConsent appends a consent event to the consent ledger. The entry's
// body is the event's JSON; its instant is stored with its zone in the
// entry's own columns, and both are covered by the entry's hash.
func AppendConsent(ctx context.Context, q Querier, key LedgerKey, e privacy.ConsentEvent) (Entry, error) {
	if e.Subject == "" {
		return Entry{}, errors.New("store: consent event without a subject")
	}
	body, err := json.Marshal(e)
	if err != nil {
		return Entry{}, fmt.Errorf("store: consent event: %w", err)
	}
	return AppendEntry(ctx, q, key, Entry{
		Ledger: ConsentLedger, Subject: e.Subject, Kind: "consent." + EncodeText(e.Action), At: e.At, Body: body,
	})
}

// DecodeConsent returns the consent event an entry of the consent ledger
// holds, with the entry's instant (and zone).
func DecodeConsent(e Entry) (privacy.ConsentEvent, error) {
	var ev privacy.ConsentEvent
	if err := json.Unmarshal(e.Body, &ev); err != nil {
		return ev, fmt.Errorf("%w: consent entry %d: %v", ErrBadValue, e.Seq, err)
	}
	ev.At = e.At
	return ev, nil
}

// CheckConsent checks an entry of the consent ledger's columns against its
// body, for [Ledgers.Verify]: the subject, the kind ("consent." and the
// action) and the instant must be the body's.
func CheckConsent(e Entry) string {
	var ev privacy.ConsentEvent
	if err := json.Unmarshal(e.Body, &ev); err != nil {
		return "the body is not a consent event"
	}
	switch {
	case e.Subject != ev.Subject:
		return "the subject column is not the body's"
	case e.Kind != "consent."+EncodeText(ev.Action):
		return "the kind column is not the body's action"
	case !e.At.Equal(ev.At):
		return "the instant columns are not the body's"
	}
	return ""
}

// SubjectRequest is a data-subject request as stored: the host's ID, the
// subject's pseudonymous reference and the request folded from its events.
type SubjectRequest struct {
	ID      string
	Subject string
	privacy.Request
}

// InsertRequest stores a request just received with its first event.
func InsertRequest(ctx context.Context, q Querier, id, subject string, r privacy.Request, ev privacy.RequestEvent) error {
	res, err := q.Exec(ctx, `INSERT INTO subject_requests (id, subject, kind, received, state, due) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING`, id, subject, EncodeText(r.Kind), EncodeDate(r.Received), EncodeText(r.State), EncodeDate(r.Due.Date))
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return &ConflictError{Kind: "request", ID: id, Want: 0, Have: 1}
	}
	return insertRequestEvent(ctx, q, id, 1, ev)
}

// AddRequestEvent stores the next event of a request and its new state.
func AddRequestEvent(ctx context.Context, q Querier, id string, r privacy.Request, ev privacy.RequestEvent) error {
	var n int64
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM subject_request_events WHERE request_id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%w: request %q", ErrNotFound, id)
	}
	if _, err := q.Exec(ctx, `UPDATE subject_requests SET state = ?, due = ? WHERE id = ?`,
		EncodeText(r.State), EncodeDate(r.Due.Date), id); err != nil {
		return err
	}
	return insertRequestEvent(ctx, q, id, n+1, ev)
}

func insertRequestEvent(ctx context.Context, q Querier, id string, seq int64, ev privacy.RequestEvent) error {
	_, err := q.Exec(ctx, `INSERT INTO subject_request_events (request_id, seq, action, kind, on_date, from_state, to_state, due, reasons)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, seq, EncodeText(ev.Action), EncodeText(ev.Kind), EncodeDate(ev.On),
		EncodeText(ev.From), EncodeText(ev.To), EncodeDate(ev.Due), ev.Reasons)
	if err != nil {
		return fmt.Errorf("store: request %q event %d: %w", id, seq, err)
	}
	return nil
}

// RequestEvents returns a request's events in order.
func RequestEvents(ctx context.Context, q Querier, id string) ([]privacy.RequestEvent, error) {
	rows, err := q.Query(ctx, `SELECT action, kind, on_date, from_state, to_state, due, reasons
		FROM subject_request_events WHERE request_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []privacy.RequestEvent
	for rows.Next() {
		var ev privacy.RequestEvent
		var action, kind, on, from, to, due string
		if err := rows.Scan(&action, &kind, &on, &from, &to, &due, &ev.Reasons); err != nil {
			return nil, err
		}
		if err := decodeAll(
			func() (err error) { ev.Action, err = DecodeText[privacy.RequestAction](action); return },
			func() (err error) { ev.Kind, err = DecodeText[privacy.RequestKind](kind); return },
			func() (err error) { ev.On, err = DecodeDate(on); return },
			func() (err error) { ev.From, err = DecodeText[privacy.RequestState](from); return },
			func() (err error) { ev.To, err = DecodeText[privacy.RequestState](to); return },
			func() (err error) { ev.Due, err = DecodeDate(due); return },
		); err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	return out, rows.Err()
}

// GetRequest returns a request folded from its stored events by the
// controller's counter.
func GetRequest(ctx context.Context, q Querier, c contract.Counter, id string) (SubjectRequest, error) {
	r := SubjectRequest{ID: id}
	err := q.QueryRow(ctx, `SELECT subject FROM subject_requests WHERE id = ?`, id).Scan(&r.Subject)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("%w: request %q", ErrNotFound, id)
	} else if err != nil {
		return r, err
	}
	evs, err := RequestEvents(ctx, q, id)
	if err != nil {
		return r, err
	}
	r.Request, err = privacy.ReplayRequest(c, evs)
	return r, err
}

// RequestIDs returns the IDs of the requests, those still open first when
// open is true (only those), ordered by due date.
func RequestIDs(ctx context.Context, q Querier, openOnly bool) ([]string, error) {
	if !openOnly {
		return strings1(ctx, q, `SELECT id FROM subject_requests ORDER BY due, id`)
	}
	var final []any
	var marks string
	for s := privacy.RequestState(1); s < 32; s++ {
		name := EncodeText(s)
		if name == "" {
			break
		}
		if s.Final() {
			if marks != "" {
				marks += ", "
			}
			marks += "?"
			final = append(final, name)
		}
	}
	if marks == "" {
		return strings1(ctx, q, `SELECT id FROM subject_requests ORDER BY due, id`)
	}
	return strings1(ctx, q, `SELECT id FROM subject_requests WHERE state NOT IN (`+marks+`) ORDER BY due, id`, final...)
}
