package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"time"
	"unsafe"

	"github.com/pimkit/pimkit/internal/explain"
	"github.com/pimkit/pimkit/internal/jsonbound"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Citation names a clause of an agreement or an article of a law that a
// decision rests on: "terms 12.3", "GDPR Art. 12(3)", "Reg. 1182/71 Art.
// 3(4)", "renteloven § 9 b". Every package of pimkit cites with it.
type Citation struct {
	// Source is the document or act: "terms", "GDPR", "renteloven".
	Source string `json:"source"`
	// Ref is the clause, article or section within it: "12.3",
	// "Art. 12(3)", "§ 9 b".
	Ref string `json:"ref,omitempty"`
}

// CitationList is a list of citations, most specific first. Its JSON is an
// array of citations ([{"source":"terms","ref":"17.2"}]); a []Citation
// converts to it and back.
type CitationList []Citation

// citationCost prices a citation list's JSON: a Citation (32 bytes) with
// the slice's growth per element.
var citationCost = jsonbound.Cost{Heavy: 8 * int(unsafe.Sizeof(Citation{})), Light: 8 * int(unsafe.Sizeof(Citation{})), Member: 16}

// UnmarshalJSON reads a JSON array of citations.
//
// Memory: at most 16 bytes per input byte plus 64 KiB. A list dense
// enough to cost more, such as a million empty citations ({},), is
// refused with a [*ValidationError] of rule "too_dense" wrapping
// [ErrInvalidInput] before it is decoded.
func (l *CitationList) UnmarshalJSON(b []byte) error {
	if citationCost.Dense(b) {
		return NewValidationError("decode citations", []Problem{{Rule: "too_dense"}}, ErrInvalidInput)
	}
	var v []Citation
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*l = v
	return nil
}

// Cite returns the citation of ref in source: Cite("GDPR", "Art. 12(3)").
func Cite(source, ref string) Citation { return Citation{Source: source, Ref: ref} }

// Clause returns the citation of a clause of the agreement's terms:
// Clause("12.3") prints "terms 12.3".
func Clause(ref string) Citation { return Citation{Source: SourceTerms, Ref: ref} }

// Sources of citations used across pimkit.
const (
	SourceTerms   = "terms"
	SourceGDPR    = "GDPR"
	SourceReg1182 = "Reg. 1182/71"
)

// String returns "source ref", or just the source when ref is empty.
func (c Citation) String() string {
	if c.Ref == "" {
		return c.Source
	}
	return c.Source + " " + c.Ref
}

// IsZero reports whether c is the zero Citation.
func (c Citation) IsZero() bool { return c == Citation{} }

// Decision is the explained outcome of a rule: whether it allows what was
// asked, the date or instant it is counted from and to, the citations it
// rests on and a one-sentence reason a host can show the customer in
// English or Danish.
//
// A decision that refuses is not an error: "notice given too late for
// this period" is a normal answer with a reason. Errors are for input the
// rule cannot judge.
type Decision struct {
	// Rule is the stable ID of the rule decided, such as "terms 17.2".
	Rule string `json:"rule"`
	// Allowed reports whether the rule allows what was asked.
	Allowed bool `json:"allowed"`
	// From is the date the rule counted from; zero when it counts none.
	From Date `json:"from,omitzero"`
	// Date is the date the outcome takes effect or is due; zero when none.
	Date Date `json:"date,omitzero"`
	// At is the instant the outcome takes effect or is due, for rules
	// counted in hours; zero otherwise.
	At time.Time `json:"at,omitzero"`
	// Citations are the clauses and articles the decision rests on, the
	// most specific first.
	Citations CitationList `json:"citations,omitempty"`
	// Reason explains the outcome in one sentence.
	Reason Reason `json:"reason,omitzero"`
}

// String returns the decision's reason in English followed by its
// citations: "notice ends the agreement at the end of 2026-01-31 (terms
// 17.2)".
func (d Decision) String() string {
	s := d.Reason.String()
	for i, c := range d.Citations {
		if i == 0 {
			s += " ("
		} else {
			s += "; "
		}
		s += c.String()
		if i == len(d.Citations)-1 {
			s += ")"
		}
	}
	return s
}

// Reason is a sentence that explains a decision, kept as a message key and
// its arguments so it can be rendered in any language its catalog knows,
// and stored: its JSON holds the key, the typed arguments and the English
// sentence, and reads back whole ({"key":..., "args":[{"date":
// "2026-01-31"}, {"money": {"amount": "100.00", "currency": "DKK"}}],
// "text": ...}). The zero Reason renders as "".
//
// Arguments keep their type so each language formats them its own way:
// a [Money] is "1.234,50 kr." in Danish and "DKK 1,234.50" in English, a
// [Percent] "99,9 %" and "99.9%", a [decimal.Decimal] "99,838" and
// "99.838". Strings, integers, booleans, [Date], [time.Time], [Duration],
// [Period] and [Citation] are kept as they are; any other argument is
// stored as its fmt.Sprint text.
type Reason struct {
	key  string
	args []any
	cat  catalog.Catalog
}

// NewReason returns the reason with message key and arguments, rendered
// through cat. pimkit's packages pass their own catalogs of English and
// Danish texts; a host may pass one with more languages. The key is the
// English text with fmt verbs (golang.org/x/text/message rules), so a nil
// cat renders English. A reason read back from JSON finds pimkit's
// catalogs by its key; a host's own catalog is not stored, so such a
// reason renders in English after a round trip.
func NewReason(cat catalog.Catalog, key string, args ...any) Reason {
	norm := make([]any, len(args))
	for i, a := range args {
		norm[i] = normArg(a)
	}
	if len(norm) == 0 {
		norm = nil
	}
	return Reason{key: key, args: norm, cat: cat}
}

// normArg brings an argument to one of the kinds a Reason stores.
func normArg(a any) any {
	switch v := a.(type) {
	case string, bool, int64, Date, Money, decimal.Decimal, Percent, time.Time, Duration, Period, Citation:
		return v
	case int:
		return int64(v)
	case int8:
		return int64(v)
	case int16:
		return int64(v)
	case int32:
		return int64(v)
	case uint8:
		return int64(v)
	case uint16:
		return int64(v)
	case uint32:
		return int64(v)
	case uint:
		if v <= math.MaxInt64 {
			return int64(v)
		}
	case uint64:
		if v <= math.MaxInt64 {
			return int64(v)
		}
	case time.Duration:
		return Duration(v)
	}
	return fmt.Sprint(a)
}

// Key returns the message key, the English text before its arguments are
// filled in. It is stable across releases and safe to store.
func (r Reason) Key() string { return r.key }

// Args returns a copy of the reason's arguments.
func (r Reason) Args() []any { return append([]any(nil), r.args...) }

// IsZero reports whether r is the zero Reason.
func (r Reason) IsZero() bool { return r.key == "" && len(r.args) == 0 }

// Equal reports whether r and o have the same key and equal arguments;
// go-cmp compares reasons with it.
func (r Reason) Equal(o Reason) bool {
	if r.key != o.key || len(r.args) != len(o.args) {
		return false
	}
	for i := range r.args {
		if !argEqual(r.args[i], o.args[i]) {
			return false
		}
	}
	return true
}

func argEqual(a, b any) bool {
	switch x := a.(type) {
	case Money:
		y, ok := b.(Money)
		return ok && x.Equal(y)
	case decimal.Decimal:
		y, ok := b.(decimal.Decimal)
		return ok && x.Equal(y)
	case Percent:
		y, ok := b.(Percent)
		return ok && x.Equal(y)
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y)
	}
	return a == b
}

// String renders the reason in English.
func (r Reason) String() string { return r.In(language.English) }

// In renders the reason in the language that best matches tag, falling
// back to English: In(language.Danish) for Danish, and "da-DK" matches it.
// Amounts, percentages and decimals are formatted in that language.
func (r Reason) In(tag language.Tag) string {
	if r.key == "" {
		return ""
	}
	args := make([]any, len(r.args))
	for i, a := range r.args {
		args[i] = renderArg(a, tag)
	}
	cat := r.cat
	if cat == nil {
		cat = explain.Lookup(r.key)
	}
	if cat == nil {
		return fmt.Sprintf(r.key, args...)
	}
	return message.NewPrinter(tag, message.Catalog(cat)).Sprintf(r.key, args...)
}

func renderArg(a any, tag language.Tag) any {
	switch v := a.(type) {
	case Money:
		return v.Format(tag)
	case Percent:
		return v.Format(tag)
	case decimal.Decimal:
		return FormatDecimal(v, tag)
	case Date, Duration, Period, Citation:
		return v.(fmt.Stringer).String()
	case time.Time:
		return v.Format("2006-01-02 15:04 MST")
	}
	return a
}

// reasonArg is the JSON form of one argument: an object with exactly one
// key naming its kind.
type reasonArg struct {
	String   *string    `json:"string,omitempty"`
	Int      *int64     `json:"int,omitempty"`
	Bool     *bool      `json:"bool,omitempty"`
	Date     *Date      `json:"date,omitempty"`
	Money    *Money     `json:"money,omitempty"`
	Decimal  *Decimal   `json:"decimal,omitempty"`
	Percent  *Percent   `json:"percent,omitempty"`
	Time     *time.Time `json:"time,omitempty"`
	Duration *Duration  `json:"duration,omitempty"`
	Period   *Period    `json:"period,omitempty"`
	Citation *Citation  `json:"citation,omitempty"`
}

type reasonJSON struct {
	Key  string      `json:"key"`
	Args []reasonArg `json:"args,omitempty"`
	Text string      `json:"text,omitempty"`
}

// MarshalJSON writes the key, the typed arguments and the English text.
func (r Reason) MarshalJSON() ([]byte, error) {
	v := reasonJSON{Key: r.key, Text: r.String()}
	for _, a := range r.args {
		var j reasonArg
		switch x := a.(type) {
		case string:
			j.String = &x
		case int64:
			j.Int = &x
		case bool:
			j.Bool = &x
		case Date:
			j.Date = &x
		case Money:
			j.Money = &x
		case decimal.Decimal:
			d := Dec(x)
			j.Decimal = &d
		case Percent:
			j.Percent = &x
		case time.Time:
			j.Time = &x
		case Duration:
			j.Duration = &x
		case Period:
			j.Period = &x
		case Citation:
			j.Citation = &x
		default:
			s := fmt.Sprint(x)
			j.String = &s
		}
		v.Args = append(v.Args, j)
	}
	return json.Marshal(v)
}

// maxReasonArgs is the most arguments a Reason read from JSON may have.
const maxReasonArgs = 32

// UnmarshalJSON reads what MarshalJSON writes; the text is not read back
// but rendered again from the key and arguments. Each argument must name
// exactly one kind, and there are at most 32; otherwise the error wraps
// [ErrInvalidInput]. It allocates at most 16 bytes per input byte plus
// 64 KiB.
func (r *Reason) UnmarshalJSON(b []byte) error {
	var raw struct {
		Key  string          `json:"key"`
		Args json.RawMessage `json:"args,omitempty"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	v := reasonJSON{Key: raw.Key}
	if len(raw.Args) > 0 && !bytes.Equal(raw.Args, []byte("null")) {
		// Read the arguments one at a time, so that a long list is refused
		// after maxReasonArgs rather than decoded whole.
		dec := json.NewDecoder(bytes.NewReader(raw.Args))
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return fmt.Errorf("%w: reason args is not a list", ErrInvalidInput)
		}
		for dec.More() {
			if len(v.Args) == maxReasonArgs {
				return fmt.Errorf("%w: reason has more than %d args", ErrInvalidInput, maxReasonArgs)
			}
			var a reasonArg
			if err := dec.Decode(&a); err != nil {
				return fmt.Errorf("%w: reason args: %w", ErrInvalidInput, err)
			}
			v.Args = append(v.Args, a)
		}
	}
	args := make([]any, 0, len(v.Args))
	for i, j := range v.Args {
		var got []any
		for _, p := range []struct {
			set bool
			val func() any
		}{
			{j.String != nil, func() any { return *j.String }},
			{j.Int != nil, func() any { return *j.Int }},
			{j.Bool != nil, func() any { return *j.Bool }},
			{j.Date != nil, func() any { return *j.Date }},
			{j.Money != nil, func() any { return *j.Money }},
			{j.Decimal != nil, func() any { return j.Decimal.Decimal() }},
			{j.Percent != nil, func() any { return *j.Percent }},
			{j.Time != nil, func() any { return *j.Time }},
			{j.Duration != nil, func() any { return *j.Duration }},
			{j.Period != nil, func() any { return *j.Period }},
			{j.Citation != nil, func() any { return *j.Citation }},
		} {
			if p.set {
				got = append(got, p.val())
			}
		}
		if len(got) != 1 {
			return fmt.Errorf("%w: reason args[%d] names %d kinds, want 1", ErrInvalidInput, i, len(got))
		}
		args = append(args, got[0])
	}
	if len(args) == 0 {
		args = nil
	}
	*r = Reason{key: v.Key, args: args, cat: explain.Lookup(v.Key)}
	return nil
}
