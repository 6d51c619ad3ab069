package akeneo

import "github.com/pimkit/pimkit/internal/jsonbound"

// prescan walks a product document once, before it is decoded, and
// returns whether decoding it could cost more than the decoder bound (its
// price as jsonbound.Cost.Price computes it for productCost) and whether
// every top-level key is one Akeneo defines, spelt exactly. encoding/json
// matches keys regardless of case, so a document whose keys are not all
// exact goes the slow way, which reports the others.
func prescan(b []byte) (dense, exact bool) {
	c := productCost
	var isObj uint64
	depth, price := 0, 2*len(b)
	start, exact := false, true
	keyPos := false // the next string at depth 1 is a key
	for i := 0; i < len(b); i++ {
		ch := b[i]
		if ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' {
			continue
		}
		obj := depth > 0 && depth <= 64 && isObj&(1<<(depth-1)) != 0
		if start && depth > 0 && ch != ']' && ch != '}' {
			switch {
			case obj:
				price += c.Member
			case ch == '{' || ch == 'n':
				price += c.Heavy
			default:
				price += c.Light
			}
		}
		start = false
		switch ch {
		case '"':
			j := i + 1
			esc := false
			for ; j < len(b); j++ {
				if b[j] == '\\' {
					esc = true
					j++
					continue
				}
				if b[j] == '"' {
					break
				}
			}
			if depth == 1 && keyPos {
				if esc || j >= len(b) || !knownKey(b[i+1:j]) {
					exact = false
				}
				keyPos = false
			}
			i = j
		case '{', '[':
			depth++
			if depth <= 64 {
				if ch == '{' {
					isObj |= 1 << (depth - 1)
				} else {
					isObj &^= 1 << (depth - 1)
				}
			}
			start = true
			keyPos = depth == 1 && ch == '{'
		case '}', ']':
			depth = max(depth-1, 0)
		case ',':
			start = true
			keyPos = depth == 1
		}
	}
	return price > jsonbound.Bound(len(b)), exact
}

func knownKey(k []byte) bool {
	switch string(k) {
	case "uuid", "identifier", "code", "enabled", "family", "family_variant", "parent",
		"categories", "groups", "values", "created", "updated", "associations", "quantified_associations",
		"_links", "root_parent", "quality_scores", "completenesses", "metadata", "workflow_execution_statuses":
		return true
	}
	return false
}
