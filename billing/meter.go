package billing

import (
	"hash/maphash"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
	"github.com/shopspring/decimal"
)

// Aggregation is how a [Meter] turns a period's events into one quantity.
// The zero value is invalid.
type Aggregation uint8

const (
	// AggregateSum adds the events' values: GB transferred, amounts paid.
	AggregateSum Aggregation = iota + 1
	// AggregateMax takes the largest value: peak seats, peak storage.
	AggregateMax
	// AggregateCount counts the events: API calls, orders fetched.
	AggregateCount
	// AggregateUniqueCount counts the distinct keys: active users.
	AggregateUniqueCount
	// AggregateLast takes the value of the latest event in the period
	// (by event time; on a tie, the greater event ID): seats at period end.
	AggregateLast
)

var aggregationNames = enum.Names{AggregateSum: "sum", AggregateMax: "max", AggregateCount: "count",
	AggregateUniqueCount: "unique_count", AggregateLast: "last"}

// String returns "sum", "max", "count", "unique_count" or "last".
func (a Aggregation) String() string { return enum.String(aggregationNames, a, "Aggregation") }

// MarshalText implements encoding.TextMarshaler; the zero value is an error.
func (a Aggregation) MarshalText() ([]byte, error) {
	return enum.Marshal(aggregationNames, a, "aggregation", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (a *Aggregation) UnmarshalText(b []byte) error {
	return enum.Unmarshal(aggregationNames, b, a, "aggregation", ErrSyntax)
}

// Meter is a billable metric: what a subscription's usage events measure
// and how a period's events are aggregated. It is configuration a host
// fills in.
type Meter struct {
	// ID names the meter; events carry it in [UsageEvent.Meter].
	ID          string      `json:"id" validate:"required,max=100"`
	Aggregation Aggregation `json:"aggregation" validate:"required"`
}

// UsageEvent is one metered event as the host records it. Its ID makes
// it idempotent: the same event sent twice is counted once.
type UsageEvent struct {
	// ID is the host's unique ID of the event (Lago's transaction_id,
	// Stripe's identifier).
	ID string `json:"id"`
	// Meter is the ID of the meter the event is for.
	Meter string `json:"meter"`
	// At is when the usage happened, not when the event arrived: it picks
	// the period the event belongs to.
	At time.Time `json:"at"`
	// Value is the measured value for sum, max and last meters; count and
	// unique-count meters ignore it.
	Value contract.Decimal `json:"value,omitzero"`
	// Key is what a unique-count meter counts distinct values of, such
	// as a user ID the host has pseudonymised; keep personal data out.
	Key string `json:"key,omitempty"`
}

// UsagePeriod is one billing period of a subscription as instants: From
// inclusive, To exclusive. [Subscription.UsagePeriod] gives it from the
// period's days in the host's time zone.
type UsagePeriod struct {
	// Index is the subscription's period number ([Subscription.Period]).
	Index int       `json:"index"`
	From  time.Time `json:"from"`
	To    time.Time `json:"to"`
}

// Contains reports whether t is in the period: From <= t < To.
func (p UsagePeriod) Contains(t time.Time) bool { return !t.Before(p.From) && t.Before(p.To) }

// Equal reports whether p and q are the same period, instants compared
// with [time.Time.Equal]; go-cmp compares periods with it.
func (p UsagePeriod) Equal(q UsagePeriod) bool {
	return p.Index == q.Index && p.From.Equal(q.From) && p.To.Equal(q.To)
}

// UsagePeriod returns period n of s ([Subscription.Bounds]) as the
// instants its first day and the day after its last begin in loc (nil is
// UTC): a monthly subscription from 2026-01-31 in Copenhagen has period 1
// from 2026-02-28 00:00 CET to 2026-03-31 00:00 CEST.
func (s Subscription) UsagePeriod(n int, loc *time.Location) (UsagePeriod, error) {
	if loc == nil {
		loc = time.UTC
	}
	start, end := s.Bounds(n)
	from, err := start.In(loc)
	if err != nil {
		return UsagePeriod{}, problem("usage period", "anchor", "range", "")
	}
	to, err := end.In(loc)
	if err != nil {
		return UsagePeriod{}, problem("usage period", "anchor", "range", "")
	}
	return UsagePeriod{Index: n, From: from, To: to}, nil
}

// Usage is a meter's aggregated quantity in one period.
type Usage struct {
	Meter  string      `json:"meter"`
	Period UsagePeriod `json:"period"`
	// Quantity is the aggregate; 0 for a period without events.
	Quantity contract.Decimal `json:"quantity"`
	// Events is the number of distinct events counted.
	Events int64 `json:"events"`
}

// Aggregated is what [Meter.Aggregate] returns: the usage of each period
// given, in their order, and the events it did not count.
type Aggregated struct {
	Usage []Usage `json:"usage"`
	// Duplicates is the number of events whose ID was already counted
	// with the same content; they are ignored (idempotency).
	Duplicates int `json:"duplicates,omitempty"`
	// Conflicts are the IDs of events sent again with other content: the
	// first one counted stays, the host should look into these.
	Conflicts []string `json:"conflicts,omitempty"`
	// Unplaced are the IDs of events in none of the periods given, such
	// as a late event for a period already invoiced: rate it with that
	// period and invoice the difference.
	Unplaced []string `json:"unplaced,omitempty"`
}

// Aggregate aggregates events into the periods they happened in, by
// [UsageEvent.At] and not by arrival: an event at 2026-01-31 23:59 that
// arrives on 2 February counts for January when January is among
// periods, and is listed in Unplaced otherwise. Events for other meters
// are ignored; an event ID seen before counts once (Duplicates), or, with
// other content, is listed in Conflicts.
//
// Periods must be in time order and must not overlap; an event without
// an ID or an instant, or a value a sum, max or last meter cannot read
// back, is a problem. Every problem is reported at once in a
// [*contract.ValidationError] wrapping [ErrInvalid] ("events[3].id"
// required, "periods[1].from" gtefield).
//
// Sums are exact: integer values and decimals of up to 18 digits add in
// fixed point, larger ones as decimals. Aggregate is safe to call from
// many goroutines: a host rating many subscriptions runs one call per
// subscription on each core.
func (m Meter) Aggregate(periods []UsagePeriod, events []UsageEvent) (Aggregated, error) {
	var ps contract.Problems
	if m.ID == "" || len(m.ID) > 100 {
		ps.Add("meter.id", "required", "")
	}
	if m.Aggregation < AggregateSum || m.Aggregation > AggregateLast {
		ps.Add("meter.aggregation", "oneof", "sum max count unique_count last")
	}
	for i, p := range periods {
		if !p.To.After(p.From) {
			ps.Add("periods["+strconv.Itoa(i)+"].to", "gtfield", "from")
		}
		if i > 0 && p.From.Before(periods[i-1].To) {
			ps.Add("periods["+strconv.Itoa(i)+"].from", "gtefield", "periods["+strconv.Itoa(i-1)+"].to")
		}
	}
	valued := m.Aggregation == AggregateSum || m.Aggregation == AggregateMax || m.Aggregation == AggregateLast
	for i := range events {
		e := &events[i]
		if e.Meter != m.ID {
			continue
		}
		if e.ID == "" {
			ps.Add("events["+strconv.Itoa(i)+"].id", "required", "")
		}
		if e.At.IsZero() {
			ps.Add("events["+strconv.Itoa(i)+"].at", "required", "")
		}
		if valued && !smallValue(e.Value.Decimal()) && !readable(e.Value.Decimal(), 0) {
			ps.Add("events["+strconv.Itoa(i)+"].value", "range", "")
		}
		if ps.Len() > 1000 {
			break
		}
	}
	if ps.Len() > 0 {
		return Aggregated{}, invalid(&ps, "aggregate usage")
	}
	out := Aggregated{Usage: make([]Usage, len(periods))}
	var abuf [4]accumulator
	var accs []accumulator
	if len(periods) <= len(abuf) {
		accs = abuf[:len(periods)]
	} else {
		accs = make([]accumulator, len(periods))
	}
	for i, p := range periods {
		out.Usage[i] = Usage{Meter: m.ID, Period: p}
	}
	var buf [512]int32
	seen := newIDSet(buf[:0], len(events))
	for i := range events {
		e := &events[i]
		if e.Meter != m.ID {
			continue
		}
		if j := seen.insert(events, int32(i)); j >= 0 {
			if sameEvent(&events[j], e) {
				out.Duplicates++
			} else {
				out.Conflicts = append(out.Conflicts, e.ID)
			}
			continue
		}
		k := periodOf(periods, e.At)
		if k < 0 {
			out.Unplaced = append(out.Unplaced, e.ID)
			continue
		}
		accs[k].add(m.Aggregation, e, int32(i), events)
	}
	for i := range accs {
		out.Usage[i].Quantity = contract.Dec(accs[i].result(m.Aggregation, events))
		out.Usage[i].Events = accs[i].n
	}
	return out, nil
}

// idSet is an open-addressing set of event indices keyed by event ID: a
// call with up to 256 events keeps it on the stack, so deduplicating a
// subscription's events allocates nothing.
type idSet struct {
	slots []int32 // event index + 1; 0 is empty
	mask  uint64
}

var idSeed = maphash.MakeSeed()

func newIDSet(buf []int32, n int) idSet {
	size := 8
	for size < 2*n {
		size *= 2
	}
	if cap(buf) >= size {
		buf = buf[:size]
		clear(buf)
	} else {
		buf = make([]int32, size)
	}
	return idSet{slots: buf, mask: uint64(size - 1)}
}

// insert adds event i and returns -1, or returns the index of the event
// already there with the same ID.
func (s idSet) insert(events []UsageEvent, i int32) int32 {
	id := events[i].ID
	for h := maphash.String(idSeed, id) & s.mask; ; h = (h + 1) & s.mask {
		j := s.slots[h]
		if j == 0 {
			s.slots[h] = i + 1
			return -1
		}
		if events[j-1].ID == id {
			return j - 1
		}
	}
}

// periodOf returns the index of the period holding t, or -1.
func periodOf(periods []UsagePeriod, t time.Time) int {
	if len(periods) <= 4 {
		for i := range periods {
			if periods[i].Contains(t) {
				return i
			}
		}
		return -1
	}
	i, _ := slices.BinarySearchFunc(periods, t, func(p UsagePeriod, t time.Time) int {
		if !p.To.After(t) {
			return -1
		}
		if p.From.After(t) {
			return 1
		}
		return 0
	})
	if i < len(periods) && periods[i].Contains(t) {
		return i
	}
	return -1
}

func sameEvent(a, b *UsageEvent) bool {
	return a.Meter == b.Meter && a.At.Equal(b.At) && a.Value.Decimal().Equal(b.Value.Decimal()) && a.Key == b.Key
}

// smallValue reports whether d has at most 18 digits and at most 18
// decimals: such values are always readable and add in fixed point.
func smallValue(d decimal.Decimal) bool {
	return d.Exponent() <= 0 && d.Exponent() >= -18 && d.NumDigits() <= 18
}

// accumulator aggregates one period's events. Sums add exactly in fixed
// point (fix x 10^-scale) until they would overflow, then in big.
type accumulator struct {
	n      int64
	fix    int64
	scale  int32
	useBig bool
	big    decimal.Decimal
	pick   int32 // index of the chosen event for max and last, -1 none
	has    bool
	keys   map[string]struct{}
}

var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return
}()

func (a *accumulator) add(agg Aggregation, e *UsageEvent, i int32, events []UsageEvent) {
	a.n++
	switch agg {
	case AggregateSum:
		a.addSum(e.Value.Decimal())
	case AggregateMax:
		if !a.has || e.Value.Decimal().GreaterThan(events[a.pick].Value.Decimal()) {
			a.pick, a.has = i, true
		}
	case AggregateLast:
		if !a.has {
			a.pick, a.has = i, true
			break
		}
		p := &events[a.pick]
		if e.At.After(p.At) || e.At.Equal(p.At) && e.ID > p.ID {
			a.pick = i
		}
	case AggregateUniqueCount:
		if a.keys == nil {
			a.keys = make(map[string]struct{})
		}
		a.keys[e.Key] = struct{}{}
	}
}

func (a *accumulator) addSum(d decimal.Decimal) {
	if !a.useBig && smallValue(d) {
		c, s := d.CoefficientInt64(), -d.Exponent()
		if s > a.scale {
			if f, ok := mulOK(a.fix, pow10[s-a.scale]); ok {
				a.fix, a.scale = f, s
			} else {
				a.toBig()
			}
		} else if s < a.scale {
			var ok bool
			if c, ok = mulOK(c, pow10[a.scale-s]); !ok {
				a.toBig()
			}
		}
		if !a.useBig {
			if r, ok := addOK(a.fix, c); ok {
				a.fix = r
				return
			}
			a.toBig()
		}
	}
	if !a.useBig {
		a.toBig()
	}
	a.big = a.big.Add(d)
}

func (a *accumulator) toBig() {
	if !a.useBig {
		a.big, a.useBig = decimal.New(a.fix, -a.scale), true
	}
}

func (a *accumulator) result(agg Aggregation, events []UsageEvent) decimal.Decimal {
	switch agg {
	case AggregateSum:
		if a.useBig {
			return a.big
		}
		return decimal.New(a.fix, -a.scale)
	case AggregateMax, AggregateLast:
		if a.has {
			return events[a.pick].Value.Decimal()
		}
	case AggregateCount:
		return decimal.NewFromInt(a.n)
	case AggregateUniqueCount:
		return decimal.NewFromInt(int64(len(a.keys)))
	}
	return decimal.Zero
}

func mulOK(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	r := a * b
	if r/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	return r, true
}

func addOK(a, b int64) (int64, bool) {
	r := a + b
	if (a > 0 && b > 0 && r < 0) || (a < 0 && b < 0 && r >= 0) {
		return 0, false
	}
	return r, true
}
