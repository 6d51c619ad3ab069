package catalog

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/pimkit/pimkit/contract"
)

// ChangeKind says how a value changed between two versions.
type ChangeKind uint8

// Change kinds. The zero ChangeKind is invalid.
const (
	changeInvalid ChangeKind = iota
	Added                    // the new version sets a value the old did not
	Removed                  // the old version had a value the new does not
	Modified                 // both have a value and they differ
)

// Change is one changed value. Field is a field code, or for record
// properties one of "id", "parent", "status", "family", "family_variant"
// ([Text] values), "categories", "groups" or "associations" ([Options]
// values; an association reads "PACK:product:SOCKS-1:2", type, target
// kind, ID and quantity when set) with the zero Locale and Channel.
type Change struct {
	Field   string          `json:"field"`
	Locale  contract.Locale `json:"locale,omitzero"`
	Channel string          `json:"channel,omitzero"`
	Kind    ChangeKind      `json:"kind"`
	Old     Value           `json:"old"`
	New     Value           `json:"new"`
}

// ChangeSet is what changed from one version of a record to another, so a
// host can send a channel only what changed. It survives encoding/json
// exactly, so a host can queue it for a channel:
// {"id":"SHIRT-1","from_version":3,"to_version":4,"changes":[{"field":"title","locale":"da-DK","kind":"modified","old":{...},"new":{...}}]}.
type ChangeSet struct {
	ID          string   `json:"id"`
	FromVersion uint64   `json:"from_version"`
	ToVersion   uint64   `json:"to_version"`
	Changes     []Change `json:"changes"`
}

// Diff compares two versions of a record. Record properties come first
// (id, parent, status, family, family_variant, categories, groups,
// associations), then value changes sorted by field
// code, locale and channel. Values compare with [Value.Equal], so a price
// rewritten from 18.5 to 18.50 is a change; storing an empty value is the
// same as storing none. Categories compare as a list: reordering is a
// change.
func Diff(old, new Record) ChangeSet {
	cs := ChangeSet{ID: new.ID, FromVersion: old.Version, ToVersion: new.Version}
	prop := func(field string, o, n Value) {
		if k := kindOf(o, n); k != changeInvalid {
			cs.Changes = append(cs.Changes, Change{Field: field, Kind: k, Old: o, New: n})
		}
	}
	prop("id", Text(old.ID), Text(new.ID))
	prop("parent", Text(old.Parent), Text(new.Parent))
	if old.Status != new.Status {
		cs.Changes = append(cs.Changes, Change{Field: "status", Kind: Modified, Old: Text(old.Status.String()), New: Text(new.Status.String())})
	}
	prop("family", Text(old.Family), Text(new.Family))
	prop("family_variant", Text(old.FamilyVariant), Text(new.FamilyVariant))
	prop("categories", Options(old.Categories...), Options(new.Categories...))
	prop("groups", Options(old.Groups...), Options(new.Groups...))
	prop("associations", Options(associationTexts(old.Associations)...), Options(associationTexts(new.Associations)...))

	type key struct {
		field, loc, ch string
	}
	type pair struct {
		loc      contract.Locale
		old, new Value
	}
	m := map[key]*pair{}
	var keys []key
	add := func(fv FieldValue, isNew bool) {
		k := key{fv.Field, fv.Locale.String(), fv.Channel}
		p, ok := m[k]
		if !ok {
			p = &pair{loc: fv.Locale}
			m[k] = p
			keys = append(keys, k)
		}
		if isNew {
			p.new = fv.Value
		} else {
			p.old = fv.Value
		}
	}
	for _, fv := range old.Values {
		add(fv, false)
	}
	for _, fv := range new.Values {
		add(fv, true)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.field, b.field), cmp.Compare(a.loc, b.loc), cmp.Compare(a.ch, b.ch))
	})
	for _, k := range keys {
		p := m[k]
		if kd := kindOf(p.old, p.new); kd != changeInvalid {
			cs.Changes = append(cs.Changes, Change{Field: k.field, Locale: p.loc, Channel: k.ch, Kind: kd, Old: p.old, New: p.new})
		}
	}
	return cs
}

func kindOf(o, n Value) ChangeKind {
	switch {
	case o.IsEmpty() && n.IsEmpty():
		return changeInvalid
	case o.IsEmpty():
		return Added
	case n.IsEmpty():
		return Removed
	case !o.Equal(n):
		return Modified
	}
	return changeInvalid
}

// IsEmpty reports whether nothing changed.
func (cs ChangeSet) IsEmpty() bool { return len(cs.Changes) == 0 }

// ForChannel keeps the changes that channel ch publishes: record
// properties, values that are not scopable or are scoped to ch, and values
// that are not localized or are in one of ch's locales. A change to
// title[de-DE] is dropped for a channel with locales da-DK and en-GB.
func (cs ChangeSet) ForChannel(ch Channel) ChangeSet {
	out := cs
	out.Changes = nil
	for _, c := range cs.Changes {
		if c.Channel != "" && c.Channel != ch.Code {
			continue
		}
		if !c.Locale.IsZero() && !slices.Contains(ch.Locales, c.Locale) {
			continue
		}
		out.Changes = append(out.Changes, c)
	}
	return out
}

// Path renders the change's location as a validation path does:
// "values.title[da-DK]", or the property name ("status").
func (c Change) Path() string {
	switch c.Field {
	case "id", "parent", "status", "categories":
		if c.Locale.IsZero() && c.Channel == "" {
			return c.Field
		}
	}
	return valuePath("", c.Field, c.Locale, c.Channel)
}

// String renders "values.title[da-DK] modified".
func (c Change) String() string { return c.Path() + " " + c.Kind.String() }

// associationTexts renders associations for a [Change]:
// "PACK:product:SOCKS-1:2", or "X_SELL:product_model:shirt" without a
// quantity.
func associationTexts(as []Association) []string {
	if len(as) == 0 {
		return nil
	}
	out := make([]string, len(as))
	for i, a := range as {
		t := a.Type + ":" + a.Target.String() + ":" + a.ID
		if a.Quantity != 0 {
			t += ":" + strconv.Itoa(a.Quantity)
		}
		out[i] = t
	}
	return out
}
