package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/examples/host/internal/store"
	"github.com/pimkit/pimkit/privacy"
)

// ErrNoHead reports a consent ledger whose signed head is missing: the
// head file was removed or never started ("host init" starts it).
var ErrNoHead = errors.New("app: the consent ledger has no signed head (run \"host init\" with the ledger key, or restore the head file)")

// initLedger seals a consent ledger written before its chain was keyed
// and starts the head file of an empty one; without a key it does
// nothing.
func (a *App) initLedger(ctx context.Context) error {
	if a.LedgerKey == nil || a.Heads.Path == "" {
		return nil
	}
	l := a.DB.Ledgers(a.LedgerKey)
	_, have, err := a.Heads.Load()
	if err != nil {
		return err
	}
	if !have {
		head, sealed, err := l.Seal(ctx, store.ConsentLedger)
		if err != nil {
			return err
		}
		if sealed {
			a.printf("consent ledger sealed with the ledger key: %d entries, signed head %d\n", head.Seq, head.Seq)
			return a.Heads.Advance(head)
		}
		var n int64
		if err := a.DB.QueryRow(ctx, `SELECT COUNT(*) FROM ledger_entries WHERE ledger = ?`, store.ConsentLedger).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			// A keyed ledger without its head: starting a new head here
			// would accept a ledger cut short.
			return ErrNoHead
		}
		return a.Heads.Advance(a.LedgerKey.SignHead(store.ConsentLedger, store.Head{}))
	}
	return nil
}

// RecordConsent appends a consent event to the keyed consent ledger and
// advances the signed head. privacy validates the event first (a consent
// given by a banner or form needs the hash of the notice shown, Art. 7(1)).
func (a *App) RecordConsent(ctx context.Context, ev privacy.ConsentEvent) error {
	if _, err := (privacy.Ledger{}).Append(ev); err != nil {
		return err
	}
	if a.Heads.Path == "" {
		return ErrNoHead
	}
	var e store.Entry
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		var err error
		e, err = store.AppendConsent(ctx, tx, a.LedgerKey, ev)
		return err
	})
	if err != nil {
		return err
	}
	if err := a.Heads.Advance(a.LedgerKey.SignHead(store.ConsentLedger, store.Head{Seq: e.Seq, Hash: e.Hash})); err != nil {
		return fmt.Errorf("app: consent stored as entry %d, but the signed head was not advanced (the next proof advances it): %w", e.Seq, err)
	}
	a.printf("consent ledger entry %d: %s %s at %s, hash %s\n", e.Seq, ev.Action, ev.Purpose,
		ev.At.In(a.Location).Format(time.RFC3339), e.Hash)
	return nil
}

// ConsentProof proves a subject's consents: it verifies the whole consent
// ledger under the ledger key against its signed head (so no entry was
// changed, removed, reordered, forged or cut off since it was written,
// and every entry's columns are its body's), lists the subject's entries
// with their hashes, and folds them into the state of each purpose at
// instant at. A broken chain is an error wrapping store.ErrTampered, and
// nothing is claimed. The signed head then moves to the verified end.
//
// anchor, when not the zero Head, is a head published earlier (printed by a
// previous proof): the chain must still contain it.
func (a *App) ConsentProof(ctx context.Context, subject string, at time.Time, anchor store.Head) ([]privacy.ConsentState, error) {
	head, ok, err := a.Heads.Load()
	if err != nil {
		return nil, err
	}
	if !ok || a.Heads.Path == "" {
		return nil, ErrNoHead
	}
	ledgers := a.DB.Ledgers(a.LedgerKey)
	v, err := ledgers.Verify(ctx, store.ConsentLedger, head, anchor, store.CheckConsent)
	if err != nil {
		return nil, err
	}
	if err := a.Heads.Advance(a.LedgerKey.SignHead(store.ConsentLedger, v.Head)); err != nil {
		return nil, err
	}
	entries, err := ledgers.Subject(ctx, store.ConsentLedger, subject)
	if err != nil {
		return nil, err
	}
	a.printf("consent ledger verified: %d entries, head %d %s\n", v.Entries, v.Head.Seq, v.Head.Hash)
	if len(entries) == 0 {
		a.printf("no consent events for this subject\n")
		return nil, nil
	}
	var events []privacy.ConsentEvent
	for _, e := range entries {
		ev, err := store.DecodeConsent(e)
		if err != nil {
			return nil, err
		}
		events = append(events, ev)
		notice := "-"
		if !ev.Notice.IsZero() {
			notice = ev.Notice.String()
		}
		a.printf("  #%d %s %-9s %-32s method %-6s policy %s notice %s\n      entry hash %s (prev %s)\n",
			e.Seq, ev.At.In(a.Location).Format(time.RFC3339), ev.Action, ev.Purpose, ev.Method, ev.Policy, notice, e.Hash, e.Prev)
	}
	l, err := privacy.NewLedger(events...)
	if err != nil {
		return nil, err
	}
	states := l.Subject(subject).States(at)
	a.printf("state at %s:\n", at.In(a.Location).Format(time.RFC3339))
	for _, s := range states {
		a.printf("  %s\n", s)
	}
	return states, nil
}

// ReceiveRequest stores a data-subject request received on a day, with the
// deadline of GDPR Art. 12(3) counted by the host's counter.
func (a *App) ReceiveRequest(ctx context.Context, id, subject string, kind privacy.RequestKind, received contract.Date) error {
	r, ev, err := privacy.ReceiveRequest(a.Counter, kind, received)
	if err != nil {
		return err
	}
	if err := a.DB.Tx(ctx, func(tx *store.Tx) error { return store.InsertRequest(ctx, tx, id, subject, r, ev) }); err != nil {
		return err
	}
	a.printf("request %s: %s received %s, due %s (%s)\n", id, r.Kind, r.Received, r.Due.Date, r.DueDecision())
	return nil
}

// AdvanceRequest moves a request on: "start", "complete", "refuse" or
// "extend" (with reasons), on a day, and stores the event.
func (a *App) AdvanceRequest(ctx context.Context, id, action string, on contract.Date, reasons string) error {
	var r store.SubjectRequest
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		var err error
		r, err = store.GetRequest(ctx, tx, a.Counter, id)
		if err != nil {
			return err
		}
		var next privacy.Request
		var ev privacy.RequestEvent
		switch action {
		case "start":
			next, ev, err = r.Start(on)
		case "complete":
			next, ev, err = r.Complete(on)
		case "refuse":
			next, ev, err = r.Refuse(on, reasons)
		case "extend":
			next, ev, err = r.Extend(a.Counter, on, reasons)
		default:
			return fmt.Errorf("app: unknown request action %q (start, complete, refuse, extend)", action)
		}
		if err != nil {
			return err
		}
		r.Request = next
		return store.AddRequestEvent(ctx, tx, id, next, ev)
	})
	if err != nil {
		return err
	}
	a.printf("request %s: %s, due %s\n", id, r.State, r.Due.Date)
	return nil
}

// DSRDue lists the open data-subject requests by due date with the days
// left on day on, flagging those overdue (GDPR Art. 12(3)).
func (a *App) DSRDue(ctx context.Context, on contract.Date) ([]store.SubjectRequest, error) {
	ids, err := store.RequestIDs(ctx, a.DB, true)
	if err != nil {
		return nil, err
	}
	var out []store.SubjectRequest
	a.printf("open data-subject requests on %s: %d\n", on, len(ids))
	for _, id := range ids {
		r, err := store.GetRequest(ctx, a.DB, a.Counter, id)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
		status := fmt.Sprintf("%d days left", on.DaysUntil(r.Due.Date))
		if r.Overdue(on) {
			status = fmt.Sprintf("OVERDUE by %d days", r.Due.Date.DaysUntil(on))
		}
		a.printf("  %-10s %-13s %-12s received %s  due %s  %s\n", r.ID, r.Kind, r.State, r.Received, r.Due.Date, status)
		a.printf("             %s\n", r.DueDecision())
	}
	return out, nil
}
