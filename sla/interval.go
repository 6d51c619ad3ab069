package sla

import (
	"cmp"
	"math"
	"slices"
)

// ival is a half-open interval [s, e) of Unix nanoseconds.
type ival struct{ s, e int64 }

// wseg is a downtime segment [s, e) at level l (see resolved.w).
type wseg struct {
	s, e int64
	l    uint8
}

// item is an outage reduced to what the merge needs: its interval, its
// level and its index in the input (-1 for a gap counted as down).
type item struct {
	s, e int64
	l    uint8
	idx  int32
}

// normalize sorts iv in place, drops empty intervals and merges
// overlapping or touching ones.
func normalize(iv []ival) []ival {
	slices.SortFunc(iv, func(a, b ival) int { return cmp.Compare(a.s, b.s) })
	out := iv[:0]
	for _, x := range iv {
		if x.e <= x.s {
			continue
		}
		if n := len(out); n > 0 && x.s <= out[n-1].e {
			out[n-1].e = max(out[n-1].e, x.e)
			continue
		}
		out = append(out, x)
	}
	return out
}

func totalLen(iv []ival) int64 {
	var n int64
	for _, x := range iv {
		n += x.e - x.s
	}
	return n
}

// intersectIvals returns a ∩ b for sorted, disjoint a and b.
func intersectIvals(a, b []ival) []ival {
	var out []ival
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		s, e := max(a[i].s, b[j].s), min(a[i].e, b[j].e)
		if s < e {
			out = append(out, ival{s, e})
		}
		if a[i].e < b[j].e {
			i++
		} else {
			j++
		}
	}
	return out
}

// sortItems sorts outages by start.
func sortItems(items []item) {
	slices.SortFunc(items, func(a, b item) int { return cmp.Compare(a.s, b.s) })
}

// sweep merges items sorted by start into disjoint segments in order,
// each at the highest weight (lowest level) active at that instant, and
// coalesces neighbours of equal weight. It is one pass with a running end
// per level: O(n * levels).
func sweep(items []item, w *[numLevels]uint32, out []wseg) []wseg {
	var end [numLevels]int64
	for l := range end {
		end[l] = math.MinInt64
	}
	cur := int64(math.MinInt64)
	advance := func(limit int64) {
		for cur < limit {
			l := -1
			for k := range end {
				if end[k] > cur {
					l = k
					break
				}
			}
			if l < 0 {
				cur = limit
				return
			}
			e := min(end[l], limit)
			if n := len(out); n > 0 && out[n-1].e == cur && w[out[n-1].l] == w[l] {
				out[n-1].e = e
			} else {
				out = append(out, wseg{s: cur, e: e, l: uint8(l)})
			}
			cur = e
		}
	}
	for _, it := range items {
		if it.e <= it.s {
			continue
		}
		advance(it.s)
		end[it.l] = max(end[it.l], it.e)
	}
	advance(math.MaxInt64)
	return out
}

// intersectSegs returns the parts of sorted disjoint segs inside sorted
// disjoint iv.
func intersectSegs(segs []wseg, iv []ival) []wseg {
	out := make([]wseg, 0, len(segs))
	j := 0
	for _, x := range segs {
		for j < len(iv) && iv[j].e <= x.s {
			j++
		}
		for k := j; k < len(iv) && iv[k].s < x.e; k++ {
			s, e := max(x.s, iv[k].s), min(x.e, iv[k].e)
			if s < e {
				out = append(out, wseg{s, e, x.l})
			}
		}
	}
	return out
}

// subtractSegs returns the parts of segs outside iv and, in order, the
// parts inside it.
func subtractSegs(segs []wseg, iv []ival) (kept, removed []wseg) {
	if len(iv) == 0 {
		return segs, nil
	}
	kept = make([]wseg, 0, len(segs))
	j := 0
	for _, x := range segs {
		for j < len(iv) && iv[j].e <= x.s {
			j++
		}
		cur := x.s
		for k := j; k < len(iv) && iv[k].s < x.e; k++ {
			if iv[k].s > cur {
				kept = append(kept, wseg{cur, iv[k].s, x.l})
			}
			if s, e := max(cur, iv[k].s), min(iv[k].e, x.e); s < e {
				removed = append(removed, wseg{s, e, x.l})
			}
			cur = max(cur, iv[k].e)
		}
		if cur < x.e {
			kept = append(kept, wseg{cur, x.e, x.l})
		}
	}
	return kept, removed
}

// within returns the parts of sorted disjoint segs inside [lo, hi),
// finding the first by binary search.
func within(segs []wseg, lo, hi int64) []wseg {
	i, _ := slices.BinarySearchFunc(segs, lo, func(x wseg, t int64) int {
		if x.e <= t {
			return -1
		}
		return 1
	})
	var out []wseg
	for ; i < len(segs) && segs[i].s < hi; i++ {
		if s, e := max(segs[i].s, lo), min(segs[i].e, hi); s < e {
			out = append(out, wseg{s, e, segs[i].l})
		}
	}
	return out
}

const minuteNS = int64(60e9)

func floorTo(t, unit int64) int64 {
	q := t / unit
	if t%unit != 0 && t < 0 {
		q--
	}
	return q * unit
}

// wholeMinutes widens every segment to the UTC minute grid, clips to [lo,
// hi) and merges again by weight.
func wholeMinutes(segs []wseg, lo, hi int64, w *[numLevels]uint32) []wseg {
	items := make([]item, len(segs))
	for i, x := range segs {
		s := max(floorTo(x.s, minuteNS), lo)
		e := min(-floorTo(-x.e, minuteNS), hi)
		items[i] = item{s, e, x.l, -1}
	}
	// floorTo is monotonic, so items stay sorted by start.
	return sweep(items, w, make([]wseg, 0, len(items)))
}

// minimumRuns keeps only runs of touching segments at least min long.
func minimumRuns(segs []wseg, min int64) []wseg {
	out := segs[:0:0]
	for i := 0; i < len(segs); {
		j := i + 1
		for j < len(segs) && segs[j].s == segs[j-1].e {
			j++
		}
		if segs[j-1].e-segs[i].s >= min {
			out = append(out, segs[i:j]...)
		}
		i = j
	}
	return out
}

// lenWithin returns the length of sorted disjoint iv inside [lo, hi).
func lenWithin(iv []ival, lo, hi int64) int64 {
	i, _ := slices.BinarySearchFunc(iv, lo, func(x ival, t int64) int {
		if x.e <= t {
			return -1
		}
		return 1
	})
	var n int64
	for ; i < len(iv) && iv[i].s < hi; i++ {
		n += max(min(iv[i].e, hi)-max(iv[i].s, lo), 0)
	}
	return n
}

// sumWithin returns the weighted length of sorted disjoint segs inside
// [lo, hi).
func sumWithin(segs []wseg, lo, hi int64, w *[numLevels]uint32) u128 {
	i, _ := slices.BinarySearchFunc(segs, lo, func(x wseg, t int64) int {
		if x.e <= t {
			return -1
		}
		return 1
	})
	var a u128
	for ; i < len(segs) && segs[i].s < hi; i++ {
		a.add(min(segs[i].e, hi)-max(segs[i].s, lo), w[segs[i].l])
	}
	return a
}

func sumSegs(segs []wseg, w *[numLevels]uint32) u128 {
	var a u128
	for _, x := range segs {
		a.add(x.e-x.s, w[x.l])
	}
	return a
}
