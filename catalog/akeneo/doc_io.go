package akeneo

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/jsonbound"
)

// structureCost prices a structure document (attribute, family, ...) for
// the decoder bound: it is decoded twice, into a map of its keys and into
// its fields.
var structureCost = jsonbound.Cost{Heavy: 400, Light: 128, Member: 160}

// jsonKeys returns the JSON keys of a mirror struct's fields.
var jsonKeysCache sync.Map

func jsonKeys(v any) []string {
	t := reflect.TypeOf(v).Elem()
	if ks, ok := jsonKeysCache.Load(t); ok {
		return ks.([]string)
	}
	var ks []string
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("json")
		if n, _, _ := strings.Cut(tag, ","); n != "" && n != "-" {
			ks = append(ks, n)
		}
	}
	jsonKeysCache.Store(t, ks)
	return ks
}

// readDoc decodes b into the mirror m (a pointer to a struct) and returns
// the top-level keys of b that are not null, in the order of m's fields,
// reporting keys m does not have and the read-only keys listed. Akeneo
// writes null for a property that does not apply to a document; pimkit
// reads it as absent.
func readDoc(op string, b []byte, m any, readOnly ...string) (given []string, r report, err error) {
	if structureCost.Dense(b) {
		return nil, r, contract.NewValidationError(op, []contract.Problem{{Rule: "too_dense"}}, ErrInvalid)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil || top == nil {
		return nil, r, ErrSyntax
	}
	known := jsonKeys(m)
	// encoding/json matches keys regardless of case; Akeneo's keys are
	// exact, so a document with another key is decoded without it.
	exact := true
	for k := range top {
		exact = exact && slices.Contains(known, k)
	}
	if !exact {
		clean := make(map[string]json.RawMessage, len(top))
		for k, v := range top {
			if slices.Contains(known, k) {
				clean[k] = v
			}
		}
		var err error
		if b, err = json.Marshal(clean); err != nil {
			return nil, r, ErrSyntax
		}
	}
	if err := json.Unmarshal(b, m); err != nil {
		return nil, r, ErrSyntax
	}
	given = []string{}
	for _, k := range known {
		if v, ok := top[k]; ok && !isNull(v) && !slices.Contains(readOnly, k) {
			given = append(given, k)
		}
	}
	var extra []string
	for k := range top {
		if !slices.Contains(known, k) || slices.Contains(readOnly, k) {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	for _, k := range extra {
		if slices.Contains(readOnly, k) {
			r.drop(key("", k), "read_only")
		} else {
			r.drop(key("", k), "unknown")
		}
	}
	return given, r, nil
}

// writeDoc marshals the mirror m keeping only the keys in given (every
// key when given is nil).
func writeDoc(m any, given []string) ([]byte, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	if given == nil {
		return b, nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return nil, err
	}
	for k := range top {
		if !slices.Contains(given, k) {
			delete(top, k)
		}
	}
	return json.Marshal(top)
}

// readLabels reads Akeneo's labels {"en_US": "Colour"} in locale order.
func readLabels(r *report, path string, m map[string]string) catalog.Labels {
	if len(m) == 0 {
		return nil
	}
	out := make(catalog.Labels, 0, len(m))
	for _, code := range sortedKeys(m) {
		l, ok := localeCode(code)
		if !ok {
			r.bad.Add(key(path, code), RuleLocale, "")
			continue
		}
		out = append(out, catalog.Label{Lang: l, Text: m[code]})
	}
	return out
}

func writeLabels(ls catalog.Labels) map[string]string {
	m := make(map[string]string, len(ls))
	for _, l := range ls {
		m[akeneoLocale(l.Lang)] = l.Text
	}
	return m
}

func readLocales(r *report, path string, codes []string) []contract.Locale {
	if codes == nil {
		return nil
	}
	out := make([]contract.Locale, 0, len(codes))
	for i, c := range codes {
		l, ok := localeCode(c)
		if !ok {
			r.bad.Add(index(path, i), RuleLocale, "")
			continue
		}
		out = append(out, l)
	}
	return out
}

func writeLocales(ls []contract.Locale) []string {
	if ls == nil {
		return nil
	}
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = akeneoLocale(l)
	}
	return out
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func ptr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func boolean(p *bool) bool { return p != nil && *p }
