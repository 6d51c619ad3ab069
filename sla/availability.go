package sla

import (
	"encoding/json"
	"fmt"
	"math/big"
	"math/bits"
	"strings"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// Availability is the outcome of counting one span: the agreed time, the
// downtime within it and what was not measured. Counted is the
// denominator: the agreed time, less unmeasured time under
// [ExcludeMissing]. Durations are elapsed time; weighted downtime is exact
// inside and rounded up to the nanosecond in Downtime.
//
// With no counted time (agreed hours that never open in the span, or no
// monitoring data at all under ExcludeMissing) the availability is 1 --
// nothing that was promised and measured failed -- and [Availability.Coverage]
// tells the host how much was measured. It is never NaN.
//
// An Availability is stored as JSON with its exact downtime and reads back
// equal, so a stored month that missed its target still misses it:
// "downtime" is rounded up to the nanosecond, "downtime_exact" is the
// weighted downtime exactly, in ISO 8601 with up to 15 decimals of a
// second ("PT1H12M0.3S"). go-cmp compares availabilities with
// [Availability.Equal].
type Availability struct {
	Span Span `json:"span"`
	// Agreed is the agreed time of operation within the span.
	Agreed contract.Duration `json:"agreed"`
	// Unmeasured is the agreed time without monitoring data.
	Unmeasured contract.Duration `json:"unmeasured"`
	// Counted is the agreed time the availability is a fraction of.
	Counted contract.Duration `json:"counted"`
	// Downtime is the weighted downtime within counted time, rounded up
	// to the nanosecond.
	Downtime contract.Duration `json:"downtime"`
	// Excluded is the weighted outage time within agreed hours that
	// service windows and force majeure kept out of Downtime.
	Excluded contract.Duration `json:"excluded"`

	// down is the weighted downtime exactly, in femtoseconds
	// (nanoseconds times a weight in millionths).
	down u128
}

// Equal reports whether a and b count the same span with the same
// figures, the exact downtime included; instants compare as instants, as
// [time.Time.Equal] does.
func (a Availability) Equal(b Availability) bool {
	return a.Span.From.Equal(b.Span.From) && a.Span.To.Equal(b.Span.To) &&
		a.Agreed == b.Agreed && a.Unmeasured == b.Unmeasured && a.Counted == b.Counted &&
		a.Downtime == b.Downtime && a.Excluded == b.Excluded && a.down == b.down
}

// availabilityFields is Availability without its methods, for its JSON.
type availabilityFields Availability

type availabilityJSON struct {
	availabilityFields
	DowntimeExact string `json:"downtime_exact"`
}

// MarshalJSON writes the figures with snake_case keys and ISO 8601
// durations, and the exact downtime as "downtime_exact".
func (a Availability) MarshalJSON() ([]byte, error) {
	return json.Marshal(availabilityJSON{availabilityFields(a), a.down.iso()})
}

// UnmarshalJSON reads what MarshalJSON writes. Without "downtime_exact"
// the downtime is taken as exactly "downtime". Negative durations, more
// counted than agreed time, or an exact downtime that does not round up to
// "downtime" are an error wrapping ErrInvalidOutage: the value was not
// written by pimkit. Every field has a fixed size ("downtime_exact" at
// most 64 characters), so a decode allocates at most 16 bytes per input
// byte plus 64 KiB.
func (a *Availability) UnmarshalJSON(b []byte) error {
	var v availabilityJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	x := Availability(v.availabilityFields)
	bad := func(what string) error {
		return fmt.Errorf("%w: availability: %s", ErrInvalidOutage, what)
	}
	if x.Agreed < 0 || x.Unmeasured < 0 || x.Counted < 0 || x.Downtime < 0 || x.Excluded < 0 {
		return bad("negative duration")
	}
	if x.Counted > x.Agreed || x.Unmeasured > x.Agreed {
		return bad("more counted or unmeasured than agreed time")
	}
	if v.DowntimeExact == "" {
		hi, lo := bits.Mul64(uint64(x.Downtime), million)
		x.down = u128{hi, lo}
	} else {
		d, ok := parseExact(v.DowntimeExact)
		if !ok {
			return bad("downtime_exact is not an ISO 8601 duration of hours, minutes and seconds")
		}
		x.down = d
		if x.down.duration() != int64(x.Downtime) {
			return bad("downtime_exact does not round up to downtime")
		}
	}
	*a = x
	return nil
}

// femtoseconds per unit of ISO 8601 time.
var (
	fsHour   = new(big.Int).Mul(big.NewInt(3600), big.NewInt(1e15))
	fsMinute = new(big.Int).Mul(big.NewInt(60), big.NewInt(1e15))
	fsSecond = big.NewInt(1e15)
)

// iso writes a, in femtoseconds, as ISO 8601: "PT1H12M0.000000000000003S";
// zero is "PT0S".
func (a u128) iso() string {
	n := a.big()
	if n.Sign() == 0 {
		return "PT0S"
	}
	var b strings.Builder
	b.WriteString("PT")
	var q big.Int
	for _, u := range []struct {
		per  *big.Int
		unit byte
	}{{fsHour, 'H'}, {fsMinute, 'M'}} {
		q.QuoRem(n, u.per, n)
		if q.Sign() != 0 {
			b.WriteString(q.String())
			b.WriteByte(u.unit)
		}
	}
	if n.Sign() != 0 {
		q.QuoRem(n, fsSecond, n)
		b.WriteString(q.String())
		if n.Sign() != 0 {
			frac := new(big.Int).Add(n, fsSecond).String()[1:] // 15 digits
			b.WriteByte('.')
			b.WriteString(strings.TrimRight(frac, "0"))
		}
		b.WriteByte('S')
	}
	return b.String()
}

func (a u128) big() *big.Int {
	n := new(big.Int).SetUint64(a.hi)
	n.Lsh(n, 64)
	return n.Or(n, new(big.Int).SetUint64(a.lo))
}

// parseExact reads what iso writes: "PT" and hours, minutes and seconds in
// that order, each optional but one present, seconds with up to 15
// decimals, at most 64 bytes, and at most 200 years.
func parseExact(s string) (u128, bool) {
	if len(s) > 64 || !strings.HasPrefix(s, "PT") || len(s) < 4 {
		return u128{}, false
	}
	s = s[2:]
	total := new(big.Int)
	order := "HMS"
	for s != "" {
		i := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			i++
		}
		if i == 0 || i == len(s) {
			return u128{}, false
		}
		num, unit := s[:i], s[i]
		s = s[i+1:]
		k := strings.IndexByte(order, unit)
		if k < 0 {
			return u128{}, false
		}
		order = order[k+1:]
		whole, frac, hasFrac := strings.Cut(num, ".")
		if !digits(whole) || hasFrac && (unit != 'S' || !digits(frac) || len(frac) > 15) {
			return u128{}, false
		}
		w, _ := new(big.Int).SetString(whole, 10)
		switch unit {
		case 'H':
			total.Add(total, w.Mul(w, fsHour))
		case 'M':
			total.Add(total, w.Mul(w, fsMinute))
		case 'S':
			total.Add(total, w.Mul(w, fsSecond))
			if hasFrac {
				f, _ := new(big.Int).SetString((frac + "000000000000000")[:15], 10)
				total.Add(total, f)
			}
		}
	}
	// 200 years of nanoseconds at full weight fit in 128 bits many times
	// over; anything longer was not written by pimkit.
	if total.Cmp(maxExact) > 0 {
		return u128{}, false
	}
	lo := new(big.Int).And(total, new(big.Int).SetUint64(^uint64(0))).Uint64()
	return u128{hi: new(big.Int).Rsh(total, 64).Uint64(), lo: lo}, true
}

// maxExact is 200 years in femtoseconds.
var maxExact = new(big.Int).Mul(big.NewInt(200*366*24*3600), fsSecond)

// Ratio returns (Counted - Downtime) / Counted exactly; 1 with no counted
// time.
func (a Availability) Ratio() Ratio {
	if a.Counted <= 0 {
		return newRatio(decimal.NewFromInt(1), decimal.NewFromInt(1))
	}
	den := decimal.NewFromInt(int64(a.Counted)).Shift(6)
	return newRatio(den.Sub(a.down.decimal()), den)
}

// Percent returns the availability in percent truncated to places
// decimals: 43 minutes down in 30 days with 4 places is 99.9004. Places
// outside [0, [MaxPlaces]] are taken as the nearer end.
func (a Availability) Percent(places int32) decimal.Decimal { return a.Ratio().Percent(places) }

// Meets reports whether the availability is at least target percent,
// compared exactly: 43 minutes of downtime in a 30-day month meet 99.9 %
// (allowed: 43 min 12 s), 44 minutes do not.
func (a Availability) Meets(target decimal.Decimal) bool {
	if ok, done := a.meetsFast(target); done {
		return ok
	}
	if tiny, huge := extreme(target); tiny || huge {
		return a.Ratio().CmpDecimal(target) >= 0 // target/100 is as extreme
	}
	return a.Ratio().CmpDecimal(target.Div(hundred)) >= 0
}

// meetsFast decides Meets in 128-bit integers for targets of at most six
// decimals, the common case, reporting done = false when it cannot:
//
//	down*100*10^k <= (100*10^k - T) * counted * 10^6, target = T * 10^-k
func (a Availability) meetsFast(target decimal.Decimal) (ok, done bool) {
	exp := target.Exponent()
	if a.Counted <= 0 || exp > 0 || exp < -6 || target.NumDigits() > 12 || target.Sign() <= 0 {
		return false, false
	}
	scale := uint64(100)
	for range -exp {
		scale *= 10
	}
	t := uint64(target.CoefficientInt64())
	if t > scale {
		return false, true
	}
	lhs, over1 := a.down.mul(scale)
	hi, lo := bits.Mul64(uint64(a.Counted), million)
	rhs, over2 := u128{hi, lo}.mul(scale - t)
	if over1 || over2 {
		return false, false
	}
	return lhs.cmp(rhs) <= 0, true
}

// Coverage returns the share of agreed time that has monitoring data; 1
// with no agreed time.
func (a Availability) Coverage() Ratio {
	if a.Agreed <= 0 {
		return newRatio(decimal.NewFromInt(1), decimal.NewFromInt(1))
	}
	return newRatio(decimal.NewFromInt(int64(a.Agreed-a.Unmeasured)), decimal.NewFromInt(int64(a.Agreed)))
}
