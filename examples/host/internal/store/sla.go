package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/pimkit/pimkit/sla"
)

// encodeOptionalInstant writes a zero instant (an open outage's end, a
// force-majeure window without notice) as empty columns.
func encodeOptionalInstant(t time.Time) (string, string) {
	if t.IsZero() {
		return "", ""
	}
	return EncodeInstant(t)
}

func decodeOptionalInstant(at, zone string) (time.Time, error) {
	if at == "" && zone == "" {
		return time.Time{}, nil
	}
	return DecodeInstant(at, zone)
}

// PutOutage stores o under its ID, replacing an outage with the same ID
// (so an open outage is closed by storing it again with its End).
func PutOutage(ctx context.Context, q Querier, o sla.Outage) error {
	if o.ID == "" {
		return errors.New("store: outage without an id")
	}
	sa, sz := EncodeInstant(o.Start)
	ea, ez := encodeOptionalInstant(o.End)
	_, err := q.Exec(ctx, `INSERT INTO outages (id, component, cause, impact, start_at, start_zone, end_at, end_zone)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET component = excluded.component, cause = excluded.cause,
		impact = excluded.impact, start_at = excluded.start_at, start_zone = excluded.start_zone,
		end_at = excluded.end_at, end_zone = excluded.end_zone`,
		o.ID, o.Component, o.Cause, EncodeText(o.Impact), sa, sz, ea, ez)
	return err
}

// Outages returns the outages that overlap [from, to): those that start
// before to and end after from or are still open, ordered by start.
func Outages(ctx context.Context, q Querier, from, to time.Time) ([]sla.Outage, error) {
	rows, err := q.Query(ctx, `SELECT id, component, cause, impact, start_at, start_zone, end_at, end_zone FROM outages
		WHERE start_at < ? AND (end_at = '' OR end_at > ?) ORDER BY start_at, id`, InstantUTC(to), InstantUTC(from))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []sla.Outage
	for rows.Next() {
		var o sla.Outage
		var impact, sa, sz, ea, ez string
		if err := rows.Scan(&o.ID, &o.Component, &o.Cause, &impact, &sa, &sz, &ea, &ez); err != nil {
			return nil, err
		}
		if err := decodeAll(
			func() (err error) { o.Impact, err = DecodeText[sla.Impact](impact); return },
			func() (err error) { o.Start, err = DecodeInstant(sa, sz); return },
			func() (err error) { o.End, err = decodeOptionalInstant(ea, ez); return },
		); err != nil {
			return nil, fmt.Errorf("outage %q: %w", o.ID, err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// PutWindow stores a service window (or force-majeure period) under its
// ID, replacing one with the same ID.
func PutWindow(ctx context.Context, q Querier, w sla.Window) error {
	if w.ID == "" {
		return errors.New("store: service window without an id")
	}
	na, nz := encodeOptionalInstant(w.Notified)
	sa, sz := EncodeInstant(w.Start)
	ea, ez := EncodeInstant(w.End)
	_, err := q.Exec(ctx, `INSERT INTO service_windows (id, kind, notified_at, notified_zone, start_at, start_zone, end_at, end_zone)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind,
		notified_at = excluded.notified_at, notified_zone = excluded.notified_zone, start_at = excluded.start_at,
		start_zone = excluded.start_zone, end_at = excluded.end_at, end_zone = excluded.end_zone`,
		w.ID, EncodeText(w.Kind), na, nz, sa, sz, ea, ez)
	return err
}

// Windows returns the windows that overlap [from, to), ordered by start.
func Windows(ctx context.Context, q Querier, from, to time.Time) ([]sla.Window, error) {
	rows, err := q.Query(ctx, `SELECT id, kind, notified_at, notified_zone, start_at, start_zone, end_at, end_zone FROM service_windows
		WHERE start_at < ? AND end_at > ? ORDER BY start_at, id`, InstantUTC(to), InstantUTC(from))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []sla.Window
	for rows.Next() {
		var w sla.Window
		var kind, na, nz, sa, sz, ea, ez string
		if err := rows.Scan(&w.ID, &kind, &na, &nz, &sa, &sz, &ea, &ez); err != nil {
			return nil, err
		}
		if err := decodeAll(
			func() (err error) { w.Kind, err = DecodeText[sla.WindowKind](kind); return },
			func() (err error) { w.Notified, err = decodeOptionalInstant(na, nz); return },
			func() (err error) { w.Start, err = DecodeInstant(sa, sz); return },
			func() (err error) { w.End, err = DecodeInstant(ea, ez); return },
		); err != nil {
			return nil, fmt.Errorf("window %q: %w", w.ID, err)
		}
		out = append(out, w)
	}
	return out, rows.Err()
}
