package catalog

import (
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

type valueKind uint8

const (
	kindEmpty valueKind = iota
	kindText
	kindNumber
	kindMeasure
	kindPrices
	kindBool
	kindDate
	kindOption
	kindOptions
	kindAssets
)

var kindNames = [...]string{"empty", "text", "number", "measurement", "price", "boolean", "date", "option", "options", "assets"}

// Value is one field's data, a small immutable value of one of the kinds
// the field types need: text, number, measurement, prices, boolean, date,
// option, options or assets. Build it with [Text], [Number], [Measure],
// [Prices], [Bool], [Date], [Option], [Options] or [Assets]; read it with
// the accessor of the same kind. The zero Value is empty: it counts as
// missing for completeness and [Value.IsEmpty] reports true.
//
// Numbers are exact: they are kept as an int64 coefficient and a decimal
// exponent when they fit (18.50 is 1850e-2) and as a [decimal.Decimal]
// otherwise, so validating them allocates nothing.
type Value struct {
	kind valueKind
	b    bool
	e    int32 // exponent of n for numbers; unused otherwise
	n    int64 // coefficient for numbers; yyyymmdd for dates
	s    string
	x    *extra
}

type extra struct {
	big    decimal.Decimal // numbers whose coefficient does not fit n
	list   []string
	prices []Price
	assets []Asset
}

// Price is an amount in one currency, e.g. 199.00 DKK: a
// [contract.Money], the one money value of pimkit, so a price carries its
// currency wherever it goes and stores as
// {"amount":"199.00","currency":"DKK"}. Build one with
// [contract.ParseMoney] or [contract.NewMoney].
type Price = contract.Money

// Asset references a stored file (an image or a document) by the host's
// key or path, e.g. "img/shirt-blue.jpg", with its size in bytes when known
// (0 = unknown, which passes any size limit).
type Asset struct {
	Ref  string `json:"ref"`
	Size int64  `json:"size,omitzero"`
}

// Text returns a text value, used by identifier, text, textarea, reference
// and GTIN fields. Text("") is empty.
func Text(s string) Value {
	if s == "" {
		return Value{}
	}
	return Value{kind: kindText, s: s}
}

func setNumber(v *Value, d decimal.Decimal) {
	if e := d.Exponent(); e > 0 {
		// 1e3 is the whole number 1000: one representation per value and
		// scale, so that Equal and a JSON round trip agree.
		c := d.Coefficient()
		d = decimal.NewFromBigInt(c.Mul(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil)), 0)
	}
	if d.NumDigits() <= 18 {
		v.n, v.e = d.CoefficientInt64(), d.Exponent()
		return
	}
	v.x = &extra{big: d}
	v.b = true // marks a big number
}

// Number returns a number value, keeping d's scale: Number(18.50) keeps
// two decimals and prints "18.50".
func Number(d decimal.Decimal) Value {
	v := Value{kind: kindNumber}
	setNumber(&v, d)
	return v
}

// Measure returns a measurement: an amount and a unit code of the field's
// unit family, e.g. Measure(1.5, "KILOGRAM").
func Measure(d decimal.Decimal, unit string) Value {
	v := Value{kind: kindMeasure, s: unit}
	setNumber(&v, d)
	return v
}

// Prices returns a price value with one amount per currency, kept in the
// order given. Prices() with no amount is empty.
func Prices(ps ...Price) Value {
	if len(ps) == 0 {
		return Value{}
	}
	return Value{kind: kindPrices, x: &extra{prices: slices.Clone(ps)}}
}

// Bool returns a boolean value. Bool(false) is a value, not empty: a
// "no" answer counts as filled.
func Bool(b bool) Value { return Value{kind: kindBool, b: b} }

// Date returns a date value from t's year, month and day in t's own
// location; the clock time is dropped: 2026-01-31T23:30 in UTC+1 is
// 2026-01-31.
func Date(t time.Time) Value {
	y, m, d := t.Date()
	return Value{kind: kindDate, n: int64(y)*10000 + int64(m)*100 + int64(d)}
}

// Option returns a simple-select value holding one option code.
// Option("") is empty.
func Option(code string) Value {
	if code == "" {
		return Value{}
	}
	return Value{kind: kindOption, s: code}
}

// Options returns a multi-select value holding option codes in the order
// given. Options() with no code is empty.
func Options(codes ...string) Value {
	if len(codes) == 0 {
		return Value{}
	}
	return Value{kind: kindOptions, x: &extra{list: slices.Clone(codes)}}
}

// Assets returns an image or file value holding one or more assets.
// Assets() with no asset is empty.
func Assets(as ...Asset) Value {
	if len(as) == 0 {
		return Value{}
	}
	return Value{kind: kindAssets, x: &extra{assets: slices.Clone(as)}}
}

// IsEmpty reports whether v holds nothing: the zero Value, Text(""),
// Prices(), Options() and Assets() are empty; Bool(false) and Number(0)
// are not.
func (v Value) IsEmpty() bool { return v.kind == kindEmpty }

// Kind returns the value's kind as text: "empty", "text", "number",
// "measurement", "price", "boolean", "date", "option", "options" or
// "assets".
func (v Value) Kind() string { return kindNames[v.kind] }

// Text returns the text of a text value; ok is false for other kinds.
func (v Value) Text() (s string, ok bool) { return v.s, v.kind == kindText }

func (v Value) decimal() decimal.Decimal {
	if v.x != nil && v.b {
		return v.x.big
	}
	return decimal.New(v.n, v.e)
}

// Number returns the amount of a number value; ok is false for other kinds.
func (v Value) Number() (d decimal.Decimal, ok bool) {
	if v.kind != kindNumber {
		return decimal.Decimal{}, false
	}
	return v.decimal(), true
}

// Measure returns the amount and unit of a measurement; ok is false for
// other kinds.
func (v Value) Measure() (d decimal.Decimal, unit string, ok bool) {
	if v.kind != kindMeasure {
		return decimal.Decimal{}, "", false
	}
	return v.decimal(), v.s, true
}

// Prices returns a copy of a price value's amounts, nil for other kinds.
func (v Value) Prices() []Price {
	if v.kind != kindPrices {
		return nil
	}
	return slices.Clone(v.x.prices)
}

// Price returns the price in currency u; ok is false when the value has
// none.
func (v Value) Price(u currency.Unit) (p Price, ok bool) {
	if v.kind != kindPrices {
		return Price{}, false
	}
	for _, p := range v.x.prices {
		if p.Currency() == u {
			return p, true
		}
	}
	return Price{}, false
}

// hasPrice reports whether a price value has an amount in u.
func (v *Value) hasPrice(u currency.Unit) bool {
	for i := range v.x.prices {
		if v.x.prices[i].Currency() == u {
			return true
		}
	}
	return false
}

// Bool returns a boolean value; ok is false for other kinds.
func (v Value) Bool() (b, ok bool) { return v.b && v.kind == kindBool, v.kind == kindBool }

// Date returns a date value as midnight UTC; ok is false for other kinds.
func (v Value) Date() (t time.Time, ok bool) {
	if v.kind != kindDate {
		return time.Time{}, false
	}
	return time.Date(int(v.n/10000), time.Month(v.n/100%100), int(v.n%100), 0, 0, 0, 0, time.UTC), true
}

// Option returns a simple-select value's code; ok is false for other kinds.
func (v Value) Option() (code string, ok bool) { return v.s, v.kind == kindOption }

// Options returns a copy of a multi-select value's codes, nil for other
// kinds.
func (v Value) Options() []string {
	if v.kind != kindOptions {
		return nil
	}
	return slices.Clone(v.x.list)
}

// Assets returns a copy of an asset value's assets, nil for other kinds.
func (v Value) Assets() []Asset {
	if v.kind != kindAssets {
		return nil
	}
	return slices.Clone(v.x.assets)
}

// Equal reports whether v and w hold the same data; go-cmp compares
// values with it. Numbers compare by value and scale: 18.5 and 18.50
// differ, because a host syncing to a channel should send the new scale.
// Prices compare in order, by currency, amount and the scale they are
// written at, which is never less than the currency's minor unit: 199 DKK
// equals 199.00 DKK (both are "199.00"), 0.125 DKK differs from 0.1250
// DKK.
func (v Value) Equal(w Value) bool {
	if v.kind != w.kind || v.s != w.s {
		return false
	}
	switch v.kind {
	case kindNumber, kindMeasure:
		if (v.x != nil && v.b) || (w.x != nil && w.b) {
			a, b := v.decimal(), w.decimal()
			return a.Equal(b) && a.Exponent() == b.Exponent()
		}
		return v.n == w.n && v.e == w.e
	case kindBool:
		return v.b == w.b
	case kindDate:
		return v.n == w.n
	case kindOptions:
		return slices.Equal(v.x.list, w.x.list)
	case kindAssets:
		return slices.Equal(v.x.assets, w.x.assets)
	case kindPrices:
		return slices.EqualFunc(v.x.prices, w.x.prices, priceEqual)
	}
	return true
}

// String renders v canonically: text as is, numbers with their scale
// ("18.50"), measurements "1.5 KILOGRAM", prices "199.00 DKK, 25.00 EUR",
// booleans "true"/"false", dates "2026-01-31", options joined by ",",
// assets by their refs joined by ",". The empty value is "".
func (v Value) String() string {
	switch v.kind {
	case kindText, kindOption:
		return v.s
	case kindNumber:
		return NumberFormat{}.Format(v.decimal())
	case kindMeasure:
		return NumberFormat{}.Format(v.decimal()) + " " + v.s
	case kindPrices:
		parts := make([]string, len(v.x.prices))
		for i, p := range v.x.prices {
			parts[i] = p.String()
		}
		return strings.Join(parts, ", ")
	case kindBool:
		return strconv.FormatBool(v.b)
	case kindDate:
		return formatDate(v.n)
	case kindOptions:
		return strings.Join(v.x.list, ",")
	case kindAssets:
		parts := make([]string, len(v.x.assets))
		for i, a := range v.x.assets {
			parts[i] = a.Ref
		}
		return strings.Join(parts, ",")
	}
	return ""
}

// priceEqual reports whether a and b have the same currency, amount and
// written scale (at least the currency's minor unit).
func priceEqual(a, b Price) bool {
	if a.Currency() != b.Currency() || !a.Amount().Equal(b.Amount()) {
		return false
	}
	scale := money.Scale(a.Currency())
	return max(scale, -a.Amount().Exponent()) == max(scale, -b.Amount().Exponent())
}

func formatDate(n int64) string {
	y, m, d := n/10000, n/100%100, n%100
	b := make([]byte, 0, 10)
	if y < 1000 {
		b = append(b, strings.Repeat("0", 4-len(strconv.FormatInt(y, 10)))...)
	}
	b = strconv.AppendInt(b, y, 10)
	b = append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
	return string(b)
}

// FieldValue is a value stored for one field, in one locale when the field
// is localizable (else the zero Locale) and for one channel when it is
// scopable (else ""). Its JSON is
// {"field":"title","locale":"da-DK","value":{"kind":"text","data":"Skjorte"}},
// locale and channel left out when not set.
type FieldValue struct {
	Field   string          `json:"field"`
	Locale  contract.Locale `json:"locale,omitzero"`
	Channel string          `json:"channel,omitzero"`
	Value   Value           `json:"value"`
}

// Status is a record's publication state. The zero Status is StatusDraft.
type Status uint8

// Statuses.
const (
	StatusDraft    Status = iota // being edited; not published to channels
	StatusActive                 // published
	StatusArchived               // withdrawn, kept for history
)

// Record is one stored record of a data type: a product, a product model,
// a category's custom data, an order's custom data or a host-defined type.
//
// ID is the record's identifier: the part number (SKU) of a product or
// variant, the code of a product model. Parent is the code of the model
// or sub-model a variant belongs to ("" for a simple product or a root
// model). UUID is the record's UUID where the host's PIM keys products by
// one (Akeneo 7 and later), "" otherwise; this package copies it. Family
// is the code of the record's attribute family ([Family]), "" for none:
// it decides which fields the record has and which a channel requires;
// FamilyVariant is the code of the family variant a product model
// follows ([FamilyVariant]). Groups are the codes of the product groups
// (not variant groups) the record belongs to. Version is the host's optimistic-concurrency counter; this
// package only copies and compares it. Values holds custom and standard
// field values; their order carries no meaning. Associations link the
// record to other products, product models and groups ([Association]).
// Created and Updated are the instants the host created and last changed
// the record (zero when unknown); this package copies them and never
// reads a clock. Row is where an imported record came from: the 1-based
// line of its CSV row (the header is line 1), as [RowError.Row] counts,
// 0 for a record that was not imported.
//
// A Record survives encoding/json exactly and compares with go-cmp without
// options: it is the form a host stores. [Compiled.EncodeJSON] is the
// exchange form for other systems. Reading its JSON ([Record.UnmarshalJSON])
// allocates at most 16 bytes per input byte plus 64 KiB.
type Record struct {
	ID            string        `json:"id"`
	UUID          string        `json:"uuid,omitzero"`
	Parent        string        `json:"parent,omitzero"`
	Family        string        `json:"family,omitzero"`
	FamilyVariant string        `json:"family_variant,omitzero"`
	Status        Status        `json:"status"`
	Version       uint64        `json:"version,omitzero"`
	Categories    []string      `json:"categories"`
	Groups        []string      `json:"groups,omitzero"`
	Values        []FieldValue  `json:"values"`
	Associations  []Association `json:"associations,omitzero"`
	Created       time.Time     `json:"created,omitzero"`
	Updated       time.Time     `json:"updated,omitzero"`
	Row           int           `json:"row,omitzero"`
}

// Get returns the value of field for locale and channel (use the zero
// Locale and "" for a field that is not localizable or scopable); ok is
// false when the record has none.
func (r Record) Get(field string, locale contract.Locale, channel string) (v Value, ok bool) {
	for _, fv := range r.Values {
		if fv.Field == field && fv.Locale == locale && fv.Channel == channel {
			return fv.Value, true
		}
	}
	return Value{}, false
}

// Set returns a copy of r with field's value for locale and channel
// replaced, or added when absent; r itself is unchanged. Setting an empty
// Value removes the value.
func (r Record) Set(field string, locale contract.Locale, channel string, v Value) Record {
	out := make([]FieldValue, 0, len(r.Values)+1)
	found := false
	for _, fv := range r.Values {
		if fv.Field == field && fv.Locale == locale && fv.Channel == channel {
			found = true
			if !v.IsEmpty() {
				out = append(out, FieldValue{field, locale, channel, v})
			}
			continue
		}
		out = append(out, fv)
	}
	if !found && !v.IsEmpty() {
		out = append(out, FieldValue{field, locale, channel, v})
	}
	r.Values = out
	r.Categories = slices.Clone(r.Categories)
	r.Groups = slices.Clone(r.Groups)
	r.Associations = slices.Clone(r.Associations)
	return r
}

var langUnd = contract.Locale{}
