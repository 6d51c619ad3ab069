package store

import (
	"encoding"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// ErrBadValue reports a stored value that does not decode: a column
// written by something other than these codecs, or damaged.
var ErrBadValue = errors.New("store: bad stored value")

// EncodeDecimal returns d as text that keeps its scale: 12.50 is "12.50"
// (decimal's String would write "12.5") and 1.000 is "1.000". A positive
// exponent is kept too: 5e2 with coefficient 5 is "5e2", not "500", which
// would decode with exponent 0.
func EncodeDecimal(d decimal.Decimal) string {
	exp := d.Exponent()
	if exp > 0 {
		return d.Coefficient().String() + "e" + strconv.Itoa(int(exp))
	}
	return d.StringFixed(-exp)
}

// DecodeDecimal parses the text EncodeDecimal writes, keeping its scale:
// "12.50" has exponent -2.
func DecodeDecimal(s string) (decimal.Decimal, error) {
	if s == "" || strings.ContainsAny(s, " _+") {
		return decimal.Decimal{}, fmt.Errorf("%w: decimal %q", ErrBadValue, s)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%w: decimal %q", ErrBadValue, s)
	}
	return d, nil
}

// instantLayout is RFC 3339 in UTC with exactly nine fractional digits, so
// that instants compare as text in the order they happened (for years 1 to
// 9999).
const instantLayout = "2006-01-02T15:04:05.000000000Z"

// InstantUTC returns t's instant in UTC in a fixed-width form that sorts as
// text: 2026-01-31T22:59:59.500000000Z.
func InstantUTC(t time.Time) string { return t.UTC().Format(instantLayout) }

// EncodeInstant returns t as its UTC instant (see [InstantUTC]) and the
// name of its location, so that [DecodeInstant] gives back the same instant
// shown in the same zone. A location loadable by name (Europe/Copenhagen,
// UTC, Local) is stored by name; any other -- a fixed offset from parsing
// "2026-01-31T12:00:00+02:00", or a location built from tz data -- is
// stored as "fixed OFFSET NAME" with the offset and abbreviation t has.
func EncodeInstant(t time.Time) (at, zone string) {
	at = InstantUTC(t)
	loc := t.Location()
	name := loc.String()
	if name != "" && !strings.HasPrefix(name, "fixed ") {
		if l, err := time.LoadLocation(name); err == nil && sameZone(t, l) {
			return at, name
		}
	}
	abbr, off := t.Zone()
	return at, "fixed " + strconv.Itoa(off) + " " + abbr
}

// sameZone reports whether t shown in l has the zone t has.
func sameZone(t time.Time, l *time.Location) bool {
	a, aoff := t.Zone()
	b, boff := t.In(l).Zone()
	return a == b && aoff == boff
}

// DecodeInstant is the inverse of [EncodeInstant]: it parses at (UTC, the
// form [InstantUTC] writes) and shows it in zone.
func DecodeInstant(at, zone string) (time.Time, error) {
	if len(at) != len(instantLayout) {
		return time.Time{}, fmt.Errorf("%w: instant %q", ErrBadValue, at)
	}
	t, err := time.Parse(instantLayout, at)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: instant %q", ErrBadValue, at)
	}
	if rest, ok := strings.CutPrefix(zone, "fixed "); ok {
		offText, abbr, _ := strings.Cut(rest, " ")
		off, err := strconv.Atoi(offText)
		if err != nil || off < -24*3600 || off > 24*3600 {
			return time.Time{}, fmt.Errorf("%w: zone %q", ErrBadValue, zone)
		}
		return t.In(time.FixedZone(abbr, off)), nil
	}
	if zone == "" {
		return time.Time{}, fmt.Errorf("%w: empty zone", ErrBadValue)
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: zone %q", ErrBadValue, zone)
	}
	return t.In(loc), nil
}

// EncodeDate returns d in ISO 8601 form, "2026-01-31"; dates compare as
// text in calendar order.
func EncodeDate(d contract.Date) string { return d.String() }

// DecodeDate parses the text EncodeDate writes.
func DecodeDate(s string) (contract.Date, error) {
	d, err := contract.ParseDate(s)
	if err != nil {
		return contract.Date{}, fmt.Errorf("%w: %w", ErrBadValue, err)
	}
	return d, nil
}

// EncodePeriod returns p in ISO 8601 form, "P1M10D".
func EncodePeriod(p contract.Period) string { return p.String() }

// DecodePeriod parses the text EncodePeriod writes.
func DecodePeriod(s string) (contract.Period, error) {
	p, err := contract.ParsePeriod(s)
	if err != nil {
		return contract.Period{}, fmt.Errorf("%w: %w", ErrBadValue, err)
	}
	return p, nil
}

// EncodeCurrency returns u's ISO 4217 code, "DKK".
func EncodeCurrency(u currency.Unit) string { return u.String() }

// DecodeCurrency parses an ISO 4217 code. The unknown currency XXX, which
// is also the zero Unit's text, decodes to the zero Unit.
func DecodeCurrency(s string) (currency.Unit, error) {
	if s == "XXX" {
		return currency.Unit{}, nil
	}
	u, err := currency.ParseISO(s)
	if err != nil {
		return currency.Unit{}, fmt.Errorf("%w: currency %q", ErrBadValue, s)
	}
	return u, nil
}

// EncodeText returns an enum's text (billing.Monthly is "monthly"); a zero
// enum whose MarshalText refuses it is "".
func EncodeText(v encoding.TextMarshaler) string {
	b, err := v.MarshalText()
	if err != nil {
		return ""
	}
	return string(b)
}

// DecodeText parses an enum's text into *p with its UnmarshalText; ""
// leaves the zero value.
func DecodeText[T any, P interface {
	*T
	encoding.TextUnmarshaler
}](s string) (T, error) {
	var v T
	if s == "" {
		return v, nil
	}
	if err := P(&v).UnmarshalText([]byte(s)); err != nil {
		return v, fmt.Errorf("%w: %T %q", ErrBadValue, v, s)
	}
	return v, nil
}

// EncodeCitations writes citations one a line, each source and reference
// separated by a tab ("terms\t12.3\nGDPR\tArt. 12(3)"), so the text decodes
// exactly whatever spaces a reference holds; nil and empty lists are both
// "".
func EncodeCitations(cs []contract.Citation) string {
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(c.Source)
		b.WriteByte('\t')
		b.WriteString(c.Ref)
	}
	return b.String()
}

// DecodeCitations is the inverse of EncodeCitations; "" is nil.
func DecodeCitations(s string) ([]contract.Citation, error) {
	if s == "" {
		return nil, nil
	}
	var out []contract.Citation
	for line := range strings.SplitSeq(s, "\n") {
		src, ref, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("%w: citation %q", ErrBadValue, line)
		}
		out = append(out, contract.Cite(src, ref))
	}
	return out, nil
}

// EncodeConvention names a deadline convention; the zero Convention is
// written as the default it stands for.
func EncodeConvention(c contract.Convention) string { return c.String() }

// DecodeConvention returns the convention EncodeConvention named.
func DecodeConvention(s string) (contract.Convention, error) {
	for _, c := range []contract.Convention{contract.EU1182(), contract.DanishLimitationAct(), contract.SwedishStatutoryTimeAct()} {
		if c.String() == s {
			return c, nil
		}
	}
	return contract.Convention{}, fmt.Errorf("%w: convention %q", ErrBadValue, s)
}

// EncodeMoney returns m as its amount (see [EncodeDecimal]) and its
// currency's ISO 4217 code, for a table with a currency column of its
// own: 311.25 DKK is "311.25", "DKK"; the zero Money is "0", "XXX".
func EncodeMoney(m contract.Money) (amount, cur string) {
	return EncodeDecimal(m.Amount()), EncodeCurrency(m.Currency())
}

// DecodeMoney is the inverse of [EncodeMoney].
func DecodeMoney(amount, cur string) (contract.Money, error) {
	d, err := DecodeDecimal(amount)
	if err != nil {
		return contract.Money{}, err
	}
	u, err := DecodeCurrency(cur)
	if err != nil {
		return contract.Money{}, err
	}
	return contract.NewMoney(d, u), nil
}

// ErrCurrency reports an amount stored in a column that holds amounts of
// one currency (an invoice's) but given in another.
var ErrCurrency = errors.New("store: amount in another currency than its row's")

// encodeAmountIn returns m's amount for a column whose currency is the
// row's (an invoice's payments, demands, VAT summary): m must be in cur,
// and the zero Money (no amount, as a demand without a fee) is "".
func encodeAmountIn(m contract.Money, cur currency.Unit) (string, error) {
	if m.IsZero() {
		return "", nil
	}
	if m.Currency() != cur {
		return "", fmt.Errorf("%w: %s, the row's is %s", ErrCurrency, m.Currency(), cur)
	}
	return EncodeDecimal(m.Amount()), nil
}

// decodeAmountIn is the inverse of encodeAmountIn.
func decodeAmountIn(s string, cur currency.Unit) (contract.Money, error) {
	if s == "" {
		return contract.Money{}, nil
	}
	d, err := DecodeDecimal(s)
	if err != nil {
		return contract.Money{}, err
	}
	return contract.NewMoney(d, cur), nil
}
