package privacy

import (
	"encoding/json"
	"github.com/pimkit/pimkit/internal/jsonbound"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/pimkit/pimkit/contract"
)

// ConsentAge is the age from which a child may consent on their own to an
// information society service offered directly to them (GDPR Art. 8(1)),
// in one country from a date.
type ConsentAge struct {
	// Country is the ISO 3166-1 alpha-2 code: "DK".
	Country string `json:"country" validate:"iso3166_1_alpha2"`
	// From is the first day the age applies.
	From contract.Date `json:"from" validate:"required"`
	// Age is the age in whole years, 13 to 16 under Art. 8(1).
	Age int `json:"age" validate:"gte=13,lte=16"`
	// Law names the national provision, for citations.
	Law string `json:"law,omitempty"`
}

// AgeTable is a table of national digital-consent ages with effective
// dates. The zero AgeTable knows no country and applies Art. 8(1)'s
// default of 16 everywhere; [DefaultConsentAges] holds the EU and EEA
// states; hosts add rows with [AgeTable.With].
type AgeTable struct {
	rows []ConsentAge // sorted by country, then From
}

// GDPRDefaultConsentAge is the age of Art. 8(1) where national law sets
// none: 16.
const GDPRDefaultConsentAge = 16

// DefaultConsentAges returns the digital-consent ages of the EU and EEA
// member states from 2018-05-25, when the GDPR applied, with Denmark 13
// until 2023-12-31 and 15 from 2024-01-01 (databeskyttelsesloven § 6 as
// amended), Sweden 13 (lag (2018:218) 2 kap. 4 §), Germany 16 (no
// derogation), France 15 (loi Informatique et Libertés art. 45).
//
// Assumption: the other states' ages are those commonly reported by the
// national authorities as of 2024 (AT 14, BE 13, BG 14, CY 14, CZ 15, EE 13,
// EL 15, ES 14, FI 13, HR 16, HU 16, IE 16, IS 13, IT 14, LI 16, LT 14, LU
// 16, LV 13, MT 13, NL 16, NO 13, PL 16, PT 13, RO 16, SI 15, SK 16), and
// each has applied unchanged since 2018-05-25; a host that knows better
// adds rows with later dates. Greece is "GR" (ISO 3166-1), not "EL".
func DefaultConsentAges() AgeTable {
	start := contract.MustDate(2018, 5, 25)
	t := AgeTable{}
	for _, r := range []struct {
		c   string
		age int
	}{
		{"AT", 14}, {"BE", 13}, {"BG", 14}, {"CY", 14}, {"CZ", 15}, {"DE", 16}, {"EE", 13},
		{"ES", 14}, {"FI", 13}, {"FR", 15}, {"GR", 15}, {"HR", 16}, {"HU", 16}, {"IE", 16},
		{"IS", 13}, {"IT", 14}, {"LI", 16}, {"LT", 14}, {"LU", 16}, {"LV", 13}, {"MT", 13},
		{"NL", 16}, {"NO", 13}, {"PL", 16}, {"PT", 13}, {"RO", 16}, {"SE", 13}, {"SI", 15},
		{"SK", 16},
	} {
		t.rows = append(t.rows, ConsentAge{Country: r.c, From: start, Age: r.age})
	}
	t.rows = append(t.rows,
		ConsentAge{Country: "DK", From: start, Age: 13, Law: "databeskyttelsesloven § 6, stk. 2"},
		ConsentAge{Country: "DK", From: contract.MustDate(2024, 1, 1), Age: 15, Law: "databeskyttelsesloven § 6, stk. 2, as amended"},
	)
	for i := range t.rows {
		switch t.rows[i].Country {
		case "SE":
			t.rows[i].Law = "lag (2018:218) 2 kap. 4 §"
		case "FR":
			t.rows[i].Law = "loi n° 78-17 art. 45"
		}
	}
	sortAges(t.rows)
	return t
}

func sortAges(rows []ConsentAge) {
	slices.SortStableFunc(rows, func(a, b ConsentAge) int {
		if c := strings.Compare(a.Country, b.Country); c != 0 {
			return c
		}
		return a.From.Compare(b.From)
	})
}

// With returns t with rows added; a row for a country and date already in
// the table replaces it. A country that is not two upper-case letters, a
// zero date or an age outside 13..16 (Art. 8(1)) is an error wrapping
// ErrInvalid and nothing is added.
func (t AgeTable) With(rows ...ConsentAge) (AgeTable, error) {
	var ps contract.Problems
	for i, r := range rows {
		if ps.Len() >= maxProblems {
			break
		}
		ps.Check("rows["+strconv.Itoa(i)+"]", r)
	}
	if err := ps.Err("consent ages", ErrInvalid); err != nil {
		return t, err
	}
	out := make([]ConsentAge, 0, len(t.rows)+len(rows))
	out = append(append(out, t.rows...), rows...)
	if len(rows) == 0 {
		return AgeTable{rows: out}, nil
	}
	// Sorted stably, the rows of one country and date stand together in
	// the order given; the last of them wins.
	sortAges(out)
	k := 0
	for i := range out {
		if i+1 < len(out) && out[i+1].Country == out[i].Country && out[i+1].From == out[i].From {
			continue
		}
		out[k] = out[i]
		k++
	}
	return AgeTable{rows: slices.Clip(out[:k])}, nil
}

// Age returns the row in force for country on day on: for "DK" on
// 2023-12-31 the age is 13, on 2024-01-01 it is 15. ok is false for a
// country the table does not know or a day before its first row; the
// GDPR's default of 16 then applies ([AgeTable.AgeOn] applies it).
func (t AgeTable) Age(country string, on contract.Date) (ConsentAge, bool) {
	var found ConsentAge
	ok := false
	for _, r := range t.rows {
		if r.Country == country && !r.From.After(on) {
			found, ok = r, true
		}
	}
	return found, ok
}

// AgeOn returns the age in force for country on day on, or
// GDPRDefaultConsentAge when the table has none.
func (t AgeTable) AgeOn(country string, on contract.Date) int {
	if r, ok := t.Age(country, on); ok {
		return r.Age
	}
	return GDPRDefaultConsentAge
}

// Rows returns the table's rows sorted by country and date.
func (t AgeTable) Rows() []ConsentAge { return slices.Clone(t.rows) }

// Child describes a data subject who may be a child, for the age gate of
// GDPR Art. 8. The zero Child is an adult or a subject whose age is not
// known to be below any threshold: no age gate applies.
type Child struct {
	// Country is where the service is offered to the child, ISO 3166-1
	// alpha-2.
	Country string `json:"country,omitempty"`
	// Birth is the date of birth; it is personal data, and String, logs
	// and %#v never show it.
	Birth contract.Date `json:"birth,omitzero"`
}

// IsZero reports whether c is the zero Child.
func (c Child) IsZero() bool { return c == Child{} }

// ageAt reports whether the child has turned n on day on. A child born on
// 29 February turns n on 28 February in common years (the period is
// counted by the calendar, [contract.Date.Add]).
func (c Child) atLeast(n int, on contract.Date) bool {
	return !c.Birth.Add(contract.Years(n)).After(on)
}

// OwnConsentValid decides whether a child's own consent given on day given
// is valid on day on (GDPR Art. 8(1)): the child must have had the age in
// force in c.Country on both days. A Danish child born 2009-06-15 who
// consented in 2023 at 14 (the age was 13) is no longer valid from
// 2024-01-01 (15), until the 15th birthday 2024-06-15. A consent given
// below the age never becomes valid by the child growing up: the holder of
// parental responsibility must give it, or the child anew.
func (t AgeTable) OwnConsentValid(c Child, given, on contract.Date) contract.Decision {
	d := contract.Decision{Rule: "GDPR Art. 8(1)", From: given, Date: on,
		Citations: []contract.Citation{gdpr("Art. 8(1)")}}
	need := t.AgeOn(c.Country, given)
	if r, ok := t.Age(c.Country, given); ok && r.Law != "" {
		d.Citations = append(d.Citations, contract.Cite(r.Law, ""))
	}
	if !c.atLeast(need, given) {
		d.Reason = contract.NewReason(cat, msgConsentAge, need)
		return d
	}
	need = t.AgeOn(c.Country, on)
	if r, ok := t.Age(c.Country, on); ok && r.Law != "" && r.Law != d.Citations[len(d.Citations)-1].Source {
		d.Citations = append(d.Citations, contract.Cite(r.Law, ""))
	}
	if !c.atLeast(need, on) {
		d.Reason = contract.NewReason(cat, msgConsentAge, need)
		return d
	}
	d.Allowed = true
	d.Reason = contract.NewReason(cat, msgConsentValid)
	return d
}

// MarshalJSON writes the table as its rows, sorted by country and date:
// [{"country":"DK","from":"2018-05-25","age":13,...}, ...].
func (t AgeTable) MarshalJSON() ([]byte, error) {
	rows := t.rows
	if rows == nil {
		rows = []ConsentAge{}
	}
	return json.Marshal(rows)
}

// UnmarshalJSON reads what MarshalJSON writes and rebuilds the table
// through [AgeTable.With], so the rows are checked again; invalid rows are
// an error as from With, and t is left unchanged. It allocates at most 16
// bytes per byte of b plus 64 KiB: input dense enough in objects to cost
// more is refused with rule "too_dense" before it is decoded.
func (t *AgeTable) UnmarshalJSON(b []byte) error {
	if err := refuseDense(jsonbound.Cost{Heavy: 4 * int(unsafe.Sizeof(ConsentAge{})), Light: 48, Member: 8}, "consent ages", b); err != nil {
		return err
	}
	var rows []ConsentAge
	if err := json.Unmarshal(b, &rows); err != nil {
		return err
	}
	n, err := AgeTable{}.With(rows...)
	if err != nil {
		return err
	}
	*t = n
	return nil
}

// Equal reports whether t and o hold the same rows.
func (t AgeTable) Equal(o AgeTable) bool { return slices.Equal(t.rows, o.rows) }

// IsZero reports whether t has no rows, as the zero AgeTable.
func (t AgeTable) IsZero() bool { return len(t.rows) == 0 }
