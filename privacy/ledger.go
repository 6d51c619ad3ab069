package privacy

import (
	"cmp"
	"encoding/json"
	"github.com/pimkit/pimkit/internal/jsonbound"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/pimkit/pimkit/contract"
)

// Ledger is an append-only consent ledger: events in a deterministic total
// order (by instant, then withdrawal after grant at the same instant, then
// content). The zero Ledger is empty and ready to use. A Ledger is a value:
// Append returns a new Ledger and never changes the one it is called on,
// so copies are safe to share between goroutines.
//
// The state of a subject's consent to a purpose at an instant is a fold
// over the ledger: [Ledger.State]. Hosts store the events and rebuild the
// ledger with [NewLedger], per subject or in bulk.
type Ledger struct {
	events []ConsentEvent
}

// NewLedger returns a ledger of events in the ledger's order, whatever
// order they come in. Every invalid event is reported at once in a
// [*ValidationError] with paths "events[3].notice" (the first 100
// problems: it stops looking after them). An instant outside the
// years 1 to 9999 UTC (which JSON could not store) and a Subject or Source
// longer than [MaxSubjectLen] or [MaxSourceLen] bytes are invalid.
// Events already in the ledger's order, such as those a ledger marshals,
// are checked in one pass and copied without sorting; events is never
// changed.
func NewLedger(events ...ConsentEvent) (Ledger, error) {
	// One pass checks the events, building a path only for a problem,
	// and finds whether they are in order already; from the first event
	// out of order on, it also makes the keys to sort.
	var ps contract.Problems
	sorted := true
	var keys []ledgerKey
	var base int64 // the seconds keys count from
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	for i := range events {
		e := &events[i]
		if f := e.faults(); f != 0 {
			if ps.Len() >= maxProblems {
				break
			}
			e.report(&ps, "events["+strconv.Itoa(i)+"]", f)
			continue
		}
		sec := e.At.Unix()
		if keys != nil {
			keys[i] = newKey(e, i, sec, base)
		} else if sorted && i > 0 && ps.Len() == 0 && after(&events[i-1], e, hi, sec) {
			sorted = false
			if uint64(len(events)) <= math.MaxUint32 {
				keys, base = make([]ledgerKey, len(events)), hi
				for j := range i + 1 {
					keys[j] = newKey(&events[j], j, events[j].At.Unix(), base)
				}
			}
		}
		lo, hi = min(lo, sec), max(hi, sec)
	}
	if err := ps.Err("consent events", ErrInvalid); err != nil {
		return Ledger{}, err
	}
	evs := make([]ConsentEvent, len(events))
	if keys == nil {
		for i := range events {
			evs[i] = events[i]
			evs[i].At = evs[i].At.UTC()
		}
		if !sorted { // more events than ledgerKey can index
			slices.SortStableFunc(evs, compareEvents)
		}
		return Ledger{events: evs}, nil
	}
	// Sort small keys rather than the events: the instant and action
	// decide almost every comparison, and ties keep the input order, so
	// the order is the stable one.
	keys = sortKeys(events, keys, lo-base >= -1<<31 && hi-base < 1<<31)
	for i, k := range keys {
		evs[i] = events[k.idx]
		evs[i].At = evs[i].At.UTC()
	}
	return Ledger{events: evs}, nil
}

// newKey returns the key of valid event e at index i with Unix seconds
// sec: the seconds from base (offset by 2^31, so that a key orders as the
// instant for 68 years either side of base), then the nanoseconds, then
// the action (0 to 3 after subtracting Given).
func newKey(e *ConsentEvent, i int, sec, base int64) ledgerKey {
	return ledgerKey{
		k:   uint64(uint32(sec-base+1<<31))<<32 | uint64(e.At.Nanosecond())<<2 | uint64(e.Action-Given),
		idx: uint32(i),
	}
}

// after reports whether valid event a comes after b in the ledger's
// order, comparing their instants as the ledger stores them (in UTC,
// without a monotonic clock reading); as and bs are their Unix seconds.
// While the events are in order, the latest seconds so far are a's.
func after(a, b *ConsentEvent, as, bs int64) bool {
	if as != bs {
		return as > bs
	}
	if an, bn := a.At.Nanosecond(), b.At.Nanosecond(); an != bn {
		return an > bn
	}
	if a.Action != b.Action {
		return a.Action > b.Action
	}
	return compareRest(a, b) > 0
}

// ledgerKey is what NewLedger sorts: an event's instant and action in one
// word that orders as they do, and its index.
type ledgerKey struct {
	k   uint64
	idx uint32
}

// sortKeys sorts the keys of valid events (at most MaxUint32 of them)
// into the ledger's order. When packed (every instant within 68 years of
// the keys' base), a stable radix sort on the whole key does; otherwise
// a comparison sort on the Unix seconds, then the nanoseconds and action
// (the key's low word), then the index. Runs of equal keys are then
// ordered by the other fields, stably. It may return a different slice.
func sortKeys(events []ConsentEvent, keys []ledgerKey, packed bool) []ledgerKey {
	if packed {
		keys = radixSort(keys)
	} else {
		for i := range keys {
			keys[i].k &= math.MaxUint32
		}
		slices.SortFunc(keys, func(a, b ledgerKey) int {
			return cmp.Or(cmp.Compare(events[a.idx].At.Unix(), events[b.idx].At.Unix()),
				cmp.Compare(a.k, b.k), cmp.Compare(a.idx, b.idx))
		})
	}
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j].k == keys[i].k && (packed || events[keys[j].idx].At.Unix() == events[keys[i].idx].At.Unix()) {
			j++
		}
		if j-i > 1 {
			slices.SortStableFunc(keys[i:j], func(a, b ledgerKey) int {
				return compareRest(&events[a.idx], &events[b.idx])
			})
		}
		i = j
	}
	return keys
}

// radixSort sorts keys by k, stably, a byte at a time from the lowest,
// skipping the bytes all keys share. It may return a different slice.
func radixSort(keys []ledgerKey) []ledgerKey {
	if len(keys) < 2 {
		return keys
	}
	var counts [8][256]int
	for _, k := range keys {
		for d := range 8 {
			counts[d][byte(k.k>>(8*d))]++
		}
	}
	tmp := make([]ledgerKey, len(keys))
	for d := range 8 {
		c := &counts[d]
		if c[byte(keys[0].k>>(8*d))] == len(keys) {
			continue // every key has this byte
		}
		sum := 0
		for b := range c {
			c[b], sum = sum, sum+c[b]
		}
		for _, k := range keys {
			b := byte(k.k >> (8 * d))
			tmp[c[b]] = k
			c[b]++
		}
		keys, tmp = tmp, keys
	}
	return keys
}

// ledgerJSON is the stored form of a Ledger: its events in order.
type ledgerJSON struct {
	Events []ConsentEvent `json:"events"`
}

// MarshalJSON writes the ledger as {"events":[...]}, the events in the
// ledger's order; the zero Ledger is {"events":[]}.
func (l Ledger) MarshalJSON() ([]byte, error) {
	evs := l.events
	if evs == nil {
		evs = []ConsentEvent{}
	}
	return json.Marshal(ledgerJSON{Events: evs})
}

// UnmarshalJSON reads what MarshalJSON writes and rebuilds the ledger
// through [NewLedger], so stored events are checked again and put in the
// ledger's order whatever order they were stored in. Invalid events are
// an error as from NewLedger, and l is left unchanged. It allocates at
// most 16 bytes per byte of b plus 64 KiB: input dense enough in objects
// to cost more, such as a million empty events "{}", is refused with rule
// "too_dense" before it is decoded.
func (l *Ledger) UnmarshalJSON(b []byte) error {
	if err := refuseDense(jsonbound.Cost{Heavy: 3 * int(unsafe.Sizeof(ConsentEvent{})), Light: 48, Member: 8}, "consent events", b); err != nil {
		return err
	}
	var v ledgerJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	n, err := NewLedger(v.Events...)
	if err != nil {
		return err
	}
	if len(n.events) == 0 {
		n.events = nil
	}
	*l = n
	return nil
}

// Equal reports whether l and o hold equal events in the same order.
func (l Ledger) Equal(o Ledger) bool {
	return slices.EqualFunc(l.events, o.events, ConsentEvent.Equal)
}

// Append returns a new ledger with events added in their place in the
// order; l is unchanged. Invalid events are reported as by NewLedger and
// nothing is added. Appending copies the ledger; to load many events use
// NewLedger.
func (l Ledger) Append(events ...ConsentEvent) (Ledger, error) {
	add, err := NewLedger(events...)
	if err != nil {
		return l, err
	}
	out := make([]ConsentEvent, 0, len(l.events)+len(add.events))
	out = append(out, l.events...)
	if n := len(l.events); n == 0 || len(add.events) == 0 || compareEvents(l.events[n-1], add.events[0]) <= 0 {
		out = append(out, add.events...)
	} else {
		out = append(out, add.events...)
		slices.SortStableFunc(out, compareEvents)
	}
	return Ledger{events: out}, nil
}

// Len returns the number of events.
func (l Ledger) Len() int { return len(l.events) }

// All returns the events in the ledger's order.
func (l Ledger) All() iter.Seq[ConsentEvent] { return slices.Values(l.events) }

// Subject returns the ledger of subject's events only.
func (l Ledger) Subject(subject string) Ledger {
	var out []ConsentEvent
	for _, e := range l.events {
		if e.Subject == subject {
			out = append(out, e)
		}
	}
	return Ledger{events: out}
}

// upto returns the number of events at or before at.
func (l Ledger) upto(at time.Time) int {
	n, _ := slices.BinarySearchFunc(l.events, at, func(e ConsentEvent, t time.Time) int {
		if e.At.After(t) {
			return 1
		}
		return -1
	})
	return n
}

// State folds the ledger for subject and purpose up to and including
// instant at: events for purpose and for any ancestor of it apply, so a
// withdrawal for "marketing" ends a consent to
// "marketing.communications.email". A withdrawal always wins from its
// instant, also over a grant at the same instant.
func (l Ledger) State(subject string, purpose DataUse, at time.Time) ConsentState {
	st := ConsentState{Subject: subject, Purpose: purpose}
	for _, e := range l.events[:l.upto(at)] {
		if e.Subject == subject && purpose.Under(e.Purpose) {
			st.apply(e)
		}
	}
	return st
}

// States folds the whole ledger at instant at: the state of every
// subject for every purpose named in its events, sorted by subject and
// purpose. Each state is what [Ledger.State] returns for that pair. It
// runs on the calling goroutine; a host that wants parallelism folds
// [Ledger.Subject] ledgers or [Ledger.State] calls on its own goroutines.
func (l Ledger) States(at time.Time) []ConsentState {
	evs := l.events[:l.upto(at)]
	// Give each subject a dense id in order of first appearance, then
	// bucket the event indexes by subject with a counting sort, keeping
	// the ledger's order within each bucket.
	ids := make(map[string]int32)
	sid := make([]int32, len(evs))
	var names []string
	last, lastID := "", int32(-1)
	for i := range evs {
		s := evs[i].Subject
		if lastID >= 0 && s == last {
			sid[i] = lastID
			continue
		}
		id, ok := ids[s]
		if !ok {
			id = int32(len(names))
			ids[s] = id
			names = append(names, s)
		}
		sid[i], last, lastID = id, s, id
	}
	start := make([]int32, len(names)+1)
	for _, id := range sid {
		start[id+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	idx := make([]int32, len(evs))
	fill := slices.Clone(start[:len(names)])
	for i, id := range sid {
		idx[fill[id]] = int32(i)
		fill[id]++
	}
	order := make([]int32, len(names))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(names[a], names[b]) })
	// Each subject's distinct purposes, sorted, in its bucket's range of
	// one flat buffer (a subject has no more distinct purposes than
	// events); then one pass over the subject's events applies each event
	// to every purpose under the event's purpose.
	flat := make([]DataUse, len(evs))
	purposesOf := make([][]DataUse, len(order))
	// qidx[n] is the index, among its subject's sorted purposes, of the
	// purpose of the event at idx[n] (subjects with up to maxPurposes).
	const maxPurposes = 64
	qidx := make([]uint8, len(evs))
	var rank [maxPurposes]uint8
	total := 0
	for k, id := range order {
		lo, hi := start[id], start[id+1]
		ps := flat[lo:lo:hi]
		for n, i := range idx[lo:hi] {
			j := slices.Index(ps, evs[i].Purpose)
			if j < 0 {
				j = len(ps)
				ps = append(ps, evs[i].Purpose)
			}
			qidx[int(lo)+n] = uint8(min(j, maxPurposes))
		}
		if len(ps) <= maxPurposes {
			// Sort the purposes and renumber the events' indexes.
			for j := range ps {
				r := 0
				for x := range ps {
					if ps[x] < ps[j] {
						r++
					}
				}
				rank[j] = uint8(r)
			}
			for n := lo; n < hi; n++ {
				qidx[n] = rank[qidx[n]]
			}
		}
		slices.Sort(ps)
		purposesOf[k] = ps
		total += len(ps)
	}
	out := make([]ConsentState, total)
	var under [maxPurposes][maxPurposes]bool
	next := 0
	for k, id := range order {
		lo, hi := start[id], start[id+1]
		bucket := idx[lo:hi]
		ps := purposesOf[k]
		states := out[next : next+len(ps)]
		next += len(ps)
		for j, p := range ps {
			states[j] = ConsentState{Subject: names[id], Purpose: p}
		}
		if len(ps) > maxPurposes {
			// Rare: fold purpose by purpose.
			for j, p := range ps {
				for _, i := range bucket {
					if p.Under(evs[i].Purpose) {
						states[j].apply(evs[i])
					}
				}
			}
			continue
		}
		// under[q][j]: purpose j is under purpose q, so an event for q
		// applies to state j.
		for q := range ps {
			for j := range ps {
				under[q][j] = ps[j].Under(ps[q])
			}
		}
		for n, i := range bucket {
			u := &under[qidx[int(lo)+n]]
			for j := range states {
				if u[j] {
					states[j].apply(evs[i])
				}
			}
		}
	}
	return out
}
