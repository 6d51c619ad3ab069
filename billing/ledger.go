package billing

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
)

// EntryKind is the kind of a credit ledger entry. The zero value is
// invalid.
type EntryKind uint8

const (
	// Purchase adds credits the customer bought.
	Purchase EntryKind = iota + 1
	// Grant adds credits given: a credit plan's monthly allowance, a
	// goodwill grant.
	Grant
	// Transfer removes credits for data moved: fetching an order from a
	// webshop costs 1, sending it on to an ERP 1 more (see [Tariff]).
	Transfer
	// Expiry removes credits that lapsed.
	Expiry
)

func (k EntryKind) credit() bool { return k == Purchase || k == Grant }

// Tariff is the price in credits of each kind of transfer.
type Tariff struct {
	// OrderFetch is the cost of fetching one order from a webshop.
	OrderFetch int64 `json:"order_fetch"`
	// ERPSend is the cost of sending one order on to an ERP or finance
	// system.
	ERPSend int64 `json:"erp_send"`
}

// DefaultTariff returns OpenDIMS's tariff: 1 credit to fetch an order and
// 1 more to send it to an ERP, 2 in all.
func DefaultTariff() Tariff { return Tariff{OrderFetch: 1, ERPSend: 1} }

// Orders returns the credits to fetch n orders and, when toERP, send them
// on: Orders(10, true) is 20 with the default tariff.
func (t Tariff) Orders(n int64, toERP bool) int64 {
	c := n * t.OrderFetch
	if toERP {
		c += n * t.ERPSend
	}
	return c
}

// Entry is one posting of a credit ledger. Credits is positive for
// purchases and grants and negative for transfers and expiries; Balance is
// the balance after it, so the entries explain the balance line by line.
type Entry struct {
	// EventID is the host's ID of the event posted; posting it again is a
	// no-op (idempotency).
	EventID string    `json:"event_id"`
	At      time.Time `json:"at"`
	Kind    EntryKind `json:"kind"`
	Credits int64     `json:"credits"`
	Balance int64     `json:"balance"`
	// Memo is the host's note, such as "order fetch x 3"; keep personal
	// data out of it.
	Memo string `json:"memo,omitempty"`
}

// InsufficientCreditsError reports a debit the balance cannot cover. It
// wraps [ErrInsufficientCredits].
type InsufficientCreditsError struct {
	EventID   string
	Balance   int64
	Debit     int64
	Overdraft int64
}

// Error returns "billing: insufficient credits: debit 3 with balance 2 and overdraft 0".
func (e *InsufficientCreditsError) Error() string {
	return fmt.Sprintf("%v: debit %d with balance %d and overdraft %d", ErrInsufficientCredits, e.Debit, e.Balance, e.Overdraft)
}

// Unwrap returns ErrInsufficientCredits.
func (e *InsufficientCreditsError) Unwrap() error { return ErrInsufficientCredits }

// Ledger is the credit account of one customer: entries in time order, the
// balance after each. It is a value; [Ledger.Post] returns a new Ledger
// and never changes the one it was called on. The zero Ledger is an empty
// account that allows no overdraft.
//
// A Ledger survives JSON as {"overdraft":0,"entries":[...]}: reading it
// back replays the entries through [Restore], so a stored ledger whose
// balances do not follow from its entries is refused, never misread.
type Ledger struct {
	// Overdraft is how far below zero the balance may go (from the plan,
	// [Plan.Overdraft]); 0 refuses any debit the balance cannot cover.
	Overdraft int64
	entries   []Entry
}

type ledgerJSON struct {
	Overdraft int64   `json:"overdraft"`
	Entries   []Entry `json:"entries"`
}

// MarshalJSON writes the overdraft and the entries, oldest first.
func (l Ledger) MarshalJSON() ([]byte, error) {
	return json.Marshal(ledgerJSON{Overdraft: l.Overdraft, Entries: l.entries})
}

// UnmarshalJSON reads what MarshalJSON writes and rebuilds the ledger with
// [Restore]; entries whose balances do not follow are an error wrapping
// [ErrInvalid], and l is left unchanged. An entry without an event ID, an
// instant or a kind is refused as soon as it is read, so reading allocates
// at most 16 bytes per input byte plus 64 KiB whatever the input: a
// megabyte of empty entries, digits or nesting costs at most that.
func (l *Ledger) UnmarshalJSON(b []byte) error {
	var v ledgerJSON
	err := decodeObject(b, func(key string, dec *json.Decoder) (bool, error) {
		switch key {
		case "overdraft":
			return true, dec.Decode(&v.Overdraft)
		case "entries":
			v.Entries = v.Entries[:0]
			return true, decodeArray(dec, func(dec *json.Decoder) error {
				var e Entry
				if err := dec.Decode(&e); err != nil {
					return err
				}
				if e.EventID == "" || e.At.IsZero() || e.Kind == 0 {
					return fmt.Errorf("%w: entry %d has no event_id, at or kind", errShape, len(v.Entries))
				}
				v.Entries = append(v.Entries, e)
				return nil
			})
		}
		return false, nil
	})
	if err != nil && !bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return fmt.Errorf("%w: ledger: %v", ErrSyntax, err)
	}
	r, err := Restore(v.Overdraft, v.Entries)
	if err != nil {
		return err
	}
	*l = r
	return nil
}

// Equal reports whether l and m have the same overdraft and the same
// entries, instants compared with [time.Time.Equal]; go-cmp compares
// ledgers with it.
func (l Ledger) Equal(m Ledger) bool {
	return l.Overdraft == m.Overdraft && slices.EqualFunc(l.entries, m.entries, func(a, b Entry) bool {
		return a.EventID == b.EventID && a.At.Equal(b.At) && a.Kind == b.Kind && a.Credits == b.Credits &&
			a.Balance == b.Balance && a.Memo == b.Memo
	})
}

// NewLedger returns an empty ledger allowing overdraft credits below zero.
func NewLedger(overdraft int64) Ledger { return Ledger{Overdraft: overdraft} }

// Post records an entry of kind k for credits (a positive count; the kind
// gives the sign) at instant at, keyed by the host's event ID. A debit
// that would take the balance below -Overdraft is refused with an
// *InsufficientCreditsError and nothing is recorded: with 1 credit left,
// a 2-credit order transfer fails and the balance stays 1. Posting an
// event ID already recorded with the same content returns the ledger
// unchanged and the recorded entry; with other content it is an error
// wrapping [ErrDuplicateEvent]. Entries must come in time order: at
// before the last entry is a [*contract.ValidationError] naming "at".
func (l Ledger) Post(eventID string, at time.Time, k EntryKind, credits int64, memo string) (Ledger, Entry, error) {
	return l.post(eventID, at, k, credits, memo, nil)
}

// post is Post. With seen not nil -- [Restore]'s index of the event IDs in
// l, whose entries slice Restore owns -- it looks duplicates up there and
// appends in place, so restoring n entries costs O(n), not O(n^2).
func (l Ledger) post(eventID string, at time.Time, k EntryKind, credits int64, memo string, seen map[string]struct{}) (Ledger, Entry, error) {
	var ps contract.Problems
	if eventID == "" {
		ps.Add("event_id", "required", "")
	}
	if at.IsZero() {
		ps.Add("at", "required", "")
	}
	if k < Purchase || k > Expiry {
		ps.Add("kind", "oneof", "purchase grant transfer expiry")
	}
	if credits <= 0 {
		ps.Add("credits", "gt", "0")
	} else if credits > money.MaxMinor {
		ps.Add("credits", "lte", strconv.Itoa(money.MaxMinor))
	}
	if err := invalid(&ps, "post"); err != nil {
		return l, Entry{}, err
	}
	signed := credits
	if !k.credit() {
		signed = -credits
	}
	if seen != nil {
		if _, dup := seen[eventID]; dup {
			return l, Entry{}, ErrDuplicateEvent
		}
	}
	for i := len(l.entries) - 1; seen == nil && i >= 0; i-- {
		if e := l.entries[i]; e.EventID == eventID {
			if e.At.Equal(at) && e.Kind == k && e.Credits == signed && e.Memo == memo {
				return l, e, nil
			}
			return l, Entry{}, ErrDuplicateEvent
		}
	}
	if n := len(l.entries); n > 0 && at.Before(l.entries[n-1].At) {
		return l, Entry{}, problem("post", "at", "gte", l.entries[n-1].At.Format(time.RFC3339Nano))
	}
	bal := l.Balance()
	if signed < 0 && bal+signed < -l.Overdraft {
		return l, Entry{}, &InsufficientCreditsError{EventID: eventID, Balance: bal, Debit: credits, Overdraft: l.Overdraft}
	}
	e := Entry{EventID: eventID, At: at, Kind: k, Credits: signed, Balance: bal + signed, Memo: memo}
	if seen != nil {
		l.entries = append(l.entries, e)
		seen[eventID] = struct{}{}
		return l, e, nil
	}
	l.entries = append(slices.Clip(l.entries), e)
	return l, e, nil
}

// Balance returns the balance after the last entry; 0 for an empty ledger.
func (l Ledger) Balance() int64 {
	if len(l.entries) == 0 {
		return 0
	}
	return l.entries[len(l.entries)-1].Balance
}

// BalanceAt returns the balance at instant t: after every entry at or
// before t.
func (l Ledger) BalanceAt(t time.Time) int64 {
	i, _ := slices.BinarySearchFunc(l.entries, t, func(e Entry, t time.Time) int {
		if e.At.After(t) {
			return 1
		}
		return -1
	})
	if i == 0 {
		return 0
	}
	return l.entries[i-1].Balance
}

// Entries returns a copy of the entries, oldest first: the history that
// explains the balance.
func (l Ledger) Entries() []Entry { return slices.Clone(l.entries) }

// Restore rebuilds a ledger from entries the host stored, checking that
// each balance follows from the one before; it is a
// [*contract.ValidationError] wrapping [ErrInvalid] naming the first entry
// that does not ("entries[3].balance", rule balance) or that is not a
// valid posting ("entries[3].at").
func Restore(overdraft int64, entries []Entry) (Ledger, error) {
	l := Ledger{Overdraft: overdraft}
	if len(entries) > 0 {
		l.entries = make([]Entry, 0, len(entries))
	}
	seen := make(map[string]struct{}, len(entries))
	for i, e := range entries {
		var err error
		k, c := e.Kind, e.Credits
		if c < 0 {
			c = -c
		}
		if l, _, err = l.post(e.EventID, e.At, k, c, e.Memo, seen); err != nil || l.Balance() != e.Balance {
			var ps contract.Problems
			if !ps.Merge("entries["+strconv.Itoa(i)+"]", err) {
				ps.Add("entries["+strconv.Itoa(i)+"].balance", "balance", "")
			}
			return Ledger{}, invalid(&ps, "restore ledger")
		}
	}
	return l, nil
}
