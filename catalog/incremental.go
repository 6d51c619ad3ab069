package catalog

import (
	"slices"
)

// RequirementChange is how a family's requirements for one channel
// changed: the fields it now requires (Added) and no longer requires
// (Removed), each in the order of the family that lists them.
type RequirementChange struct {
	Channel string   `json:"channel"`
	Added   []string `json:"added,omitzero"`
	Removed []string `json:"removed,omitzero"`
}

// RequirementChanges compares two versions of a family's requirements,
// channel by channel in code order; channels whose requirements are the
// same set are left out, so reordering a list is no change. Adding
// "description" to ecommerce's requirements gives [{ecommerce
// [description] []}].
func RequirementChanges(old, new Family) []RequirementChange {
	chans := make([]string, 0, len(old.Requirements)+len(new.Requirements))
	for ch := range old.Requirements {
		chans = append(chans, ch)
	}
	for ch := range new.Requirements {
		chans = append(chans, ch)
	}
	slices.Sort(chans)
	chans = slices.Compact(chans)
	var out []RequirementChange
	for _, ch := range chans {
		o, n := old.Requirements[ch], new.Requirements[ch]
		rc := RequirementChange{Channel: ch}
		for _, a := range n {
			if !slices.Contains(o, a) && !slices.Contains(rc.Added, a) {
				rc.Added = append(rc.Added, a)
			}
		}
		for _, a := range o {
			if !slices.Contains(n, a) && !slices.Contains(rc.Removed, a) {
				rc.Removed = append(rc.Removed, a)
			}
		}
		if len(rc.Added) > 0 || len(rc.Removed) > 0 {
			out = append(out, rc)
		}
	}
	return out
}

// CompletenessUpdate is a record whose completeness changed: its position
// in the records given, its ID and its new completeness for every channel
// and locale, as [Compiled.FamilyCompleteness] returns it.
type CompletenessUpdate struct {
	Index        int            `json:"index"`
	ID           string         `json:"id"`
	Completeness []Completeness `json:"completeness"`
}

// Recomputation is what [Compiled.RecomputeCompleteness] did: the
// records whose completeness changed, in input order, and the work done
// counted in (record, channel, locale) results: Recomputed were
// computed from the record's values, Reused copied from the previous
// result.
type Recomputation struct {
	Changed    []CompletenessUpdate `json:"changed"`
	Recomputed int                  `json:"recomputed"`
	Reused     int                  `json:"reused"`
}

// RecomputeCompleteness brings completeness up to date after family old
// became new (same code, changed requirements). prev[i] is records[i]'s
// completeness under old, as [Compiled.FamilyCompleteness] returned it.
//
// Only results that can change are recomputed: records of other families
// are not read at all, and for records of the family only the channels
// whose requirements changed ([RequirementChanges]) are; every other
// result is reused from prev. A record whose prev is missing or of the
// wrong length is computed whole. Changed lists each record whose result
// differs from prev: a newly required field changes Required, and so
// Percent, even for a record that has the value.
//
// A family code that differs between old and new, or prev not of the
// records' length, is an error wrapping [ErrInvalid] (paths "new.code",
// "prev").
func (c *Compiled) RecomputeCompleteness(old, new Family, records []Record, prev [][]Completeness) (Recomputation, error) {
	var ps problems
	if old.Code != new.Code {
		ps.Add("new.code", RuleFamily, "code")
	}
	if len(prev) != len(records) {
		ps.Add("prev", RuleMax, "records")
	}
	if err := ps.Err("recompute completeness", ErrInvalid); err != nil {
		return Recomputation{}, err
	}
	changes := RequirementChanges(old, new)
	dirty := make([]bool, len(c.channels))
	anyDirty := false
	for _, ch := range changes {
		if ci := c.channelIndex(ch.Channel); ci >= 0 {
			dirty[ci], anyDirty = true, true
		}
	}
	var out Recomputation
	fr := c.familyReq(&new)
	var st slotState
	for i := range records {
		r := &records[i]
		if r.Family != new.Code {
			continue
		}
		p := prev[i]
		whole := len(p) != len(c.combos)
		if !whole && !anyDirty {
			out.Reused += len(p)
			continue
		}
		c.newState(&st)
		clear(st.seen)
		clear(st.filled)
		c.scan(nil, "", r.Values, &st, false)
		hasID := !blankText(r.ID)
		next := make([]Completeness, len(c.combos))
		changed := whole
		for k := range c.combos {
			cb := &c.combos[k]
			if !whole && !dirty[cb.ch] {
				next[k] = p[k]
				out.Reused++
				continue
			}
			next[k] = c.comboCompleteness(&st, hasID, &fr, cb)
			out.Recomputed++
			if !whole && !sameCompleteness(p[k], next[k]) {
				changed = true
			}
		}
		if changed {
			out.Changed = append(out.Changed, CompletenessUpdate{Index: i, ID: r.ID, Completeness: next})
		}
	}
	return out, nil
}

func sameCompleteness(a, b Completeness) bool {
	return a.Channel == b.Channel && a.Locale == b.Locale && a.Required == b.Required &&
		a.Percent == b.Percent && slices.Equal(a.Missing, b.Missing)
}
