package akeneo

import (
	"bytes"
	"encoding/json"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/jsonbound"
)

// patchCost prices a document for PatchJSON, which decodes it into maps
// and slices of any.
var patchCost = jsonbound.Cost{Heavy: 300, Light: 128, Member: 240}

// PatchJSON applies an Akeneo PATCH body to a document of any resource,
// as Akeneo's API does, and returns the resulting document:
//
//   - an object merges with the old value, key by key, recursively
//     ("labels": {"de_DE": "Stiefel"} adds a German label and keeps the
//     others);
//   - anything else (a string, a number, a boolean, null, an array)
//     replaces the old value ("categories": ["boots"] is the whole new
//     list; "parent": null erases the parent);
//   - a product's "values" merge per attribute, and within an attribute
//     per locale and scope: an entry replaces the one for the same locale
//     and scope, or is added; "data": null is kept, as Akeneo shows it,
//     and means the value is erased;
//   - a key the body does not name is left untouched.
//
// An object or an array replaced by another JSON type (a null "labels")
// is refused, as Akeneo refuses it with 422: a *contract.ValidationError
// with the key's path and rule type, wrapping ErrInvalid. Input that is
// not a JSON object is ErrSyntax. Keys come out sorted.
//
// Memory: at most 16 bytes per input byte plus 64 KiB; denser input is
// refused with rule too_dense.
func PatchJSON(doc, patch []byte) ([]byte, error) {
	if patchCost.Dense(doc) || patchCost.Dense(patch) {
		return nil, tooDense()
	}
	var d, p map[string]any
	if err := decodeObject(doc, &d); err != nil {
		return nil, err
	}
	if err := decodeObject(patch, &p); err != nil {
		return nil, err
	}
	var ps contract.Problems
	mergeObject(&ps, "", d, p, true)
	if err := ps.Err("patch", ErrInvalid); err != nil {
		return nil, err
	}
	return json.Marshal(d)
}

func decodeObject(b []byte, m *map[string]any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(m); err != nil || *m == nil || dec.More() {
		return ErrSyntax
	}
	return nil
}

func mergeObject(ps *contract.Problems, path string, dst, patch map[string]any, top bool) {
	for k, pv := range patch {
		p := key(path, k)
		old, had := dst[k]
		switch {
		case top && k == "values":
			ov, ok1 := old.(map[string]any)
			nv, ok2 := pv.(map[string]any)
			if had && old != nil && !ok1 || !ok2 {
				ps.Add(p, RuleType, "object")
				continue
			}
			if ov == nil {
				ov = map[string]any{}
			}
			mergeValues(ps, p, ov, nv)
			dst[k] = ov
		case had && isContainer(old) && !sameKind(old, pv):
			ps.Add(p, RuleType, kindOf(old))
		default:
			o, ok1 := old.(map[string]any)
			n, ok2 := pv.(map[string]any)
			if ok1 && ok2 {
				mergeObject(ps, p, o, n, false)
				continue
			}
			dst[k] = pv
		}
	}
}

// mergeValues merges a product's values per attribute, locale and scope.
func mergeValues(ps *contract.Problems, path string, dst, patch map[string]any) {
	for attr, pv := range patch {
		p := key(path, attr)
		entries, ok := pv.([]any)
		if !ok {
			ps.Add(p, RuleType, "array")
			continue
		}
		old, _ := dst[attr].([]any)
		for i, e := range entries {
			em, ok := e.(map[string]any)
			if !ok {
				ps.Add(index(p, i), RuleType, "object")
				continue
			}
			if !scalarOrNull(em["locale"]) || !scalarOrNull(em["scope"]) {
				ps.Add(index(p, i), RuleType, "locale_scope")
				continue
			}
			j := -1
			for n, o := range old {
				if om, ok := o.(map[string]any); ok && sameScalar(om["locale"], em["locale"]) && sameScalar(om["scope"], em["scope"]) {
					j = n
					break
				}
			}
			if j >= 0 {
				old[j] = em
			} else {
				old = append(old, em)
			}
		}
		dst[attr] = old
	}
}

func isContainer(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return true
	}
	return false
}

func sameKind(a, b any) bool { return kindOf(a) == kindOf(b) }

func kindOf(v any) string {
	switch v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	}
	return "scalar"
}

// sameScalar compares two decoded JSON scalars; containers are never the
// same (a locale is a string or null).
func sameScalar(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case string:
		y, ok := b.(string)
		return ok && x == y
	}
	return false
}

func scalarOrNull(v any) bool {
	switch v.(type) {
	case nil, string:
		return true
	}
	return false
}
