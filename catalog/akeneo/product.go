package akeneo

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
)

// Product is an Akeneo product or product model as pimkit holds it: a
// [catalog.Record], and what an Akeneo document says beyond a record.
//
// Record.ID is the product's identifier ("identifier"), or a model's code;
// in the UUID form of the API ("uuid") Record.UUID is the UUID and
// Record.ID the value of the identifier attribute (usually "sku", found by
// its type in the [Attributes] given; the value stays among the values). Record.Status is [catalog.StatusActive] for
// "enabled": true and [catalog.StatusDraft] for false
// ([catalog.StatusArchived] is written as false). A value with "data":
// null is kept as an empty [catalog.Value]: in a PATCH it erases.
// Record.Associations holds both kinds of Akeneo's associations: those of
// "quantified_associations" with their Quantity (at least 1), the others
// with Quantity 0.
//
// Given lists the top-level keys the document had, in the order of
// [Keys]; [Product.MarshalAkeneo] writes exactly those, so a partial
// document (a PATCH body) stays partial, and [Patch] changes only them.
// Lists names the association lists the document had (an empty list
// given in a PATCH clears that list). A Product built in Go with Given nil
// is written with every key, Lists nil with every list of each type it
// has associations of.
type Product struct {
	Record catalog.Record    `json:"record"`
	Model  bool              `json:"model,omitzero"`
	Given  []string          `json:"given,omitzero"`
	Lists  []AssociationList `json:"lists,omitzero"`
}

// AssociationList names one list of a product's associations in Akeneo's
// JSON: the association type, the kind of target ("products",
// "product_models" or "groups") and whether it is a quantified list.
// By is the key the quantified list names its members by: "" for
// "identifier" (Akeneo's usual key, for models too), "uuid" or "code".
type AssociationList struct {
	Type       string             `json:"type"`
	Target     catalog.TargetKind `json:"target"`
	Quantified bool               `json:"quantified,omitzero"`
	By         string             `json:"by,omitzero"`
}

// Keys are the top-level keys of a product or product model document that
// pimkit carries, in the order [Product.MarshalAkeneo] writes them.
var Keys = []string{"uuid", "identifier", "code", "enabled", "family", "family_variant", "parent",
	"categories", "groups", "values", "created", "updated", "associations", "quantified_associations"}

// readOnlyKeys are keys Akeneo computes; pimkit reads and reports them.
var readOnlyKeys = []string{"_links", "root_parent", "quality_scores", "completenesses", "metadata", "workflow_execution_statuses"}

type rawAssoc struct {
	Products      []string `json:"products"`
	ProductModels []string `json:"product_models"`
	Groups        []string `json:"groups"`
}

type rawLink struct {
	Identifier *string `json:"identifier"`
	UUID       *string `json:"uuid"`
	Code       *string `json:"code"`
	Quantity   int64   `json:"quantity"`
}

type rawQuantified struct {
	Products      []rawLink `json:"products"`
	ProductModels []rawLink `json:"product_models"`
}

// rawProduct is a product or product model document as Akeneo writes it.
type rawProduct struct {
	UUID          *string                  `json:"uuid"`
	Identifier    *string                  `json:"identifier"`
	Code          *string                  `json:"code"`
	Enabled       *bool                    `json:"enabled"`
	Family        json.RawMessage          `json:"family"`
	FamilyVariant json.RawMessage          `json:"family_variant"`
	Parent        json.RawMessage          `json:"parent"`
	Categories    json.RawMessage          `json:"categories"`
	Groups        json.RawMessage          `json:"groups"`
	Values        map[string][]rawValue    `json:"values"`
	Created       *string                  `json:"created"`
	Updated       *string                  `json:"updated"`
	Associations  map[string]rawAssoc      `json:"associations"`
	Quantified    map[string]rawQuantified `json:"quantified_associations"`

	Links       json.RawMessage `json:"_links"`
	RootParent  json.RawMessage `json:"root_parent"`
	Quality     json.RawMessage `json:"quality_scores"`
	Complete    json.RawMessage `json:"completenesses"`
	Metadata    json.RawMessage `json:"metadata"`
	Workflow    json.RawMessage `json:"workflow_execution_statuses"`
	seenUnknown []string
}

func (p *rawProduct) reset() {
	values := p.Values
	clear(values)
	assoc, q := p.Associations, p.Quantified
	clear(assoc)
	clear(q)
	*p = rawProduct{Values: values, Associations: assoc, Quantified: q}
}

// feed is the reader behind a reused json.Decoder: it hands out one
// document at a time.
type feed struct{ b []byte }

func (f *feed) Read(p []byte) (int, error) {
	if len(f.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, f.b)
	f.b = f.b[n:]
	return n, nil
}

// strictDecoder decodes one document after another with one json.Decoder
// that refuses unknown keys, so that its buffer is reused.
type strictDecoder struct {
	f   feed
	dec *json.Decoder
}

func (s *strictDecoder) decode(b []byte, v any) error {
	if s.dec == nil {
		s.dec = json.NewDecoder(&s.f)
		s.dec.DisallowUnknownFields()
	}
	s.f.b = b
	err := s.dec.Decode(v)
	if err == nil && (len(bytes.TrimSpace(s.f.b)) > 0 || s.dec.More()) {
		err = ErrSyntax
	}
	if err != nil {
		s.dec = nil // its state is lost with the error
	}
	return err
}

// decode reads b into p, fast when b has only known keys; exact reports
// whether its top-level keys are all Akeneo's, spelt exactly (prescan).
func (p *rawProduct) decode(b []byte, exact bool, s *strictDecoder) error {
	p.reset()
	err := s.decode(b, p)
	if err == nil && exact {
		return nil
	}
	if err != nil && !isUnknownField(err) {
		return ErrSyntax
	}
	// Slow path: a key Akeneo does not define, or one that differs from
	// Akeneo's only in case (encoding/json matches keys regardless of
	// case). Such keys are reported and the rest decoded without them.
	var top map[string]json.RawMessage
	if json.Unmarshal(b, &top) != nil {
		return ErrSyntax
	}
	clean := make(map[string]json.RawMessage, len(top))
	for k, v := range top {
		if !slices.Contains(Keys, k) && !slices.Contains(readOnlyKeys, k) {
			p.seenUnknown = append(p.seenUnknown, key("", k))
			continue
		}
		clean[k] = v
	}
	p.seenUnknown = append(p.seenUnknown, nestedUnknown(clean)...)
	unknown := p.seenUnknown
	sort.Strings(unknown)
	cb, err := json.Marshal(clean)
	if err != nil {
		return ErrSyntax
	}
	p.reset()
	if json.Unmarshal(cb, p) != nil {
		return ErrSyntax
	}
	p.seenUnknown = unknown
	return nil
}

// nestedUnknown returns the paths of the keys Akeneo does not define
// inside values, associations and quantified associations: encoding/json
// would skip them in silence.
func nestedUnknown(top map[string]json.RawMessage) []string {
	var out []string
	check := func(path string, m map[string]json.RawMessage, known ...string) {
		for _, k := range sortedKeys(m) {
			if !slices.Contains(known, k) {
				out = append(out, key(path, k))
			}
		}
	}
	var vals map[string][]map[string]json.RawMessage
	if json.Unmarshal(top["values"], &vals) == nil {
		for _, attr := range sortedKeys(vals) {
			for i, v := range vals[attr] {
				check(index(key("values", attr), i), v, "locale", "scope", "data", "attribute_type", "linked_data", "_links", "reference_data_name")
			}
		}
	}
	var assoc map[string]map[string]json.RawMessage
	if json.Unmarshal(top["associations"], &assoc) == nil {
		for _, t := range sortedKeys(assoc) {
			check(key("associations", t), assoc[t], "products", "product_models", "groups")
		}
	}
	var quant map[string]map[string][]map[string]json.RawMessage
	if json.Unmarshal(top["quantified_associations"], &quant) == nil {
		for _, t := range sortedKeys(quant) {
			path := key("quantified_associations", t)
			lists := map[string]json.RawMessage{}
			for k := range quant[t] {
				lists[k] = nil
			}
			check(path, lists, "products", "product_models")
			for _, k := range sortedKeys(quant[t]) {
				for i, l := range quant[t][k] {
					check(index(path+"."+k, i), l, "identifier", "uuid", "code", "quantity")
				}
			}
		}
	}
	return out
}

func isUnknownField(err error) bool {
	return err != nil && bytes.HasPrefix([]byte(err.Error()), []byte("json: unknown field"))
}

// UnmarshalAkeneo reads a product or product model document of Akeneo's
// REST API, with or without UUID, into p, reusing p's slices. attrs gives
// the attribute types (nil: every value is read by its JSON shape).
//
// dropped lists, at their JSON paths, the parts pimkit does not carry:
// what Akeneo computes ("_links", "completenesses", "quality_scores",
// "linked_data", "attribute_type", "root_parent", "metadata"), keys Akeneo
// does not define, the UTC offsets of dates, values of attribute types
// pimkit has no field for. err is ErrSyntax for what is not a JSON object
// of the product's shape and a *contract.ValidationError wrapping
// ErrInvalid for a value that does not fit its attribute (path
// "values.price[0].data", rule currency).
//
// Memory: at most 16 bytes per input byte plus 64 KiB; a document dense
// enough in tiny elements to cost more (a million empty values) is
// refused with rule too_dense before it is decoded.
func (p *Product) UnmarshalAkeneo(b []byte, attrs Attributes) (dropped []contract.Problem, err error) {
	dense, exact := prescan(b)
	if dense {
		return nil, tooDense()
	}
	var raw rawProduct
	if err := raw.decode(b, exact, new(strictDecoder)); err != nil {
		return nil, err
	}
	var dec productDecoder
	return dec.convert(&raw, attrs, p)
}

// productDecoder converts raw documents, caching locale codes.
type productDecoder struct {
	locales map[string]contract.Locale
	codes   []string
}

func (d *productDecoder) locale(s string) (contract.Locale, bool) {
	if l, ok := d.locales[s]; ok {
		return l, true
	}
	l, ok := localeCode(s)
	if ok && len(d.locales) < 1000 {
		if d.locales == nil {
			d.locales = map[string]contract.Locale{}
		}
		d.locales[s] = l
	}
	return l, ok
}

func nullableString(raw json.RawMessage) (string, bool) {
	if isNull(raw) {
		return "", true
	}
	return jsonText(raw)
}

func stringList(raw json.RawMessage, dst []string) ([]string, bool) {
	if isNull(raw) {
		return dst[:0], true
	}
	var ok bool
	if dst, ok = parseStrings(raw, dst); !ok {
		dst = dst[:0]
		if json.Unmarshal(raw, &dst) != nil {
			return nil, false
		}
	}
	if dst == nil {
		dst = []string{}
	}
	return dst, true
}

func (d *productDecoder) convert(raw *rawProduct, attrs Attributes, p *Product) ([]contract.Problem, error) {
	var r report
	rec := catalog.Record{Values: p.Record.Values[:0], Categories: p.Record.Categories[:0], Groups: p.Record.Groups[:0],
		Associations: p.Record.Associations[:0]}
	out := Product{Given: p.Given[:0], Lists: p.Lists[:0]}
	given := func(k string, present bool) {
		if present {
			out.Given = append(out.Given, k)
		}
	}
	given("uuid", raw.UUID != nil)
	given("identifier", raw.Identifier != nil)
	given("code", raw.Code != nil)
	given("enabled", raw.Enabled != nil)
	given("family", raw.Family != nil)
	given("family_variant", raw.FamilyVariant != nil)
	given("parent", raw.Parent != nil)
	given("categories", raw.Categories != nil)
	given("groups", raw.Groups != nil)
	given("values", raw.Values != nil)
	given("created", raw.Created != nil)
	given("updated", raw.Updated != nil)
	given("associations", raw.Associations != nil)
	given("quantified_associations", raw.Quantified != nil)
	switch {
	case raw.Code != nil:
		out.Model, rec.ID = true, *raw.Code
		if raw.UUID != nil || raw.Identifier != nil {
			r.bad.Add("code", RuleType, "model")
		}
	case raw.UUID != nil:
		rec.UUID = *raw.UUID
		if raw.Identifier != nil {
			rec.ID = *raw.Identifier
		}
	case raw.Identifier != nil:
		rec.ID = *raw.Identifier
	}
	if raw.Enabled != nil && *raw.Enabled {
		rec.Status = catalog.StatusActive
	}
	var ok bool
	if rec.Family, ok = nullableString(raw.Family); !ok {
		r.bad.Add("family", RuleType, "string")
	}
	if rec.FamilyVariant, ok = nullableString(raw.FamilyVariant); !ok {
		r.bad.Add("family_variant", RuleType, "string")
	}
	if rec.Parent, ok = nullableString(raw.Parent); !ok {
		r.bad.Add("parent", RuleType, "string")
	}
	if raw.Categories != nil {
		if rec.Categories, ok = stringList(raw.Categories, rec.Categories); !ok {
			r.bad.Add("categories", RuleType, "array")
		}
	} else {
		rec.Categories = nil
	}
	if raw.Groups != nil {
		if rec.Groups, ok = stringList(raw.Groups, rec.Groups); !ok {
			r.bad.Add("groups", RuleType, "array")
		}
	} else {
		rec.Groups = nil
	}
	if out.Given == nil {
		out.Given = []string{} // a document with no key Akeneo defines is written as {}
	}
	rec.Created = readTime(&r, "created", raw.Created)
	rec.Updated = readTime(&r, "updated", raw.Updated)
	d.values(&r, raw.Values, attrs, &rec)
	if rec.UUID != "" && rec.ID == "" {
		// The UUID form names the identifier only among the values.
		for _, fv := range rec.Values {
			if s, ok := fv.Value.Text(); ok && attrs[fv.Field] == TypeIdentifier {
				rec.ID = s
				break
			}
		}
	}
	rec.Associations, out.Lists = readAssociations(&r, raw.Associations, raw.Quantified, rec.Associations, out.Lists)
	if len(rec.Associations) == 0 {
		rec.Associations = nil
	}
	if len(out.Lists) == 0 {
		out.Lists = nil
	}
	for _, k := range readOnlyKeys {
		var v json.RawMessage
		switch k {
		case "_links":
			v = raw.Links
		case "root_parent":
			v = raw.RootParent
		case "quality_scores":
			v = raw.Quality
		case "completenesses":
			v = raw.Complete
		case "metadata":
			v = raw.Metadata
		case "workflow_execution_statuses":
			v = raw.Workflow
		}
		if v != nil {
			r.drop(k, "read_only")
		}
	}
	for _, path := range raw.seenUnknown {
		r.drop(path, "unknown")
	}
	if err := r.err("read product"); err != nil {
		return nil, err
	}
	out.Record = rec
	*p = out
	return r.dropped, nil
}

func readTime(r *report, path string, s *string) time.Time {
	if s == nil {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, *s)
	if err != nil {
		r.bad.Add(path, RuleDate, "")
	}
	return t
}

func (d *productDecoder) values(r *report, vals map[string][]rawValue, attrs Attributes, rec *catalog.Record) {
	d.codes = d.codes[:0]
	for code := range vals {
		d.codes = append(d.codes, code)
	}
	slices.Sort(d.codes)
	for _, code := range d.codes {
		typ := attrs[code]
		if typ != "" {
			if _, known := fieldTypes[typ]; !known {
				r.drop(key("values", code), "type")
				continue
			}
		}
		for i, rv := range vals[code] {
			path := func() string { return index(key("values", code), i) }
			var fv catalog.FieldValue
			fv.Field = code
			if rv.Locale.set {
				l, ok := d.locale(rv.Locale.s)
				if !ok {
					r.bad.Add(path()+".locale", RuleLocale, "")
					continue
				}
				fv.Locale = l
			}
			if rv.Scope.set {
				fv.Channel = rv.Scope.s
			}
			t := typ
			if t == "" && len(rv.AttributeType) > 0 {
				if s, ok := jsonText(rv.AttributeType); ok {
					t = s
					if _, known := fieldTypes[t]; !known {
						r.drop(path(), "type")
						continue
					}
				}
			}
			v, bad, zone := readData(t, rv.Data)
			switch {
			case bad == RuleNotCarried:
				r.drop(path(), "type")
				continue
			case bad == RuleType && typ == "" && t == "":
				// No type for the attribute and a shape no field type
				// has (a table, a product link): not carried.
				r.drop(path(), "type")
				continue
			case bad != "":
				r.bad.Add(path()+".data", bad, "")
				continue
			case zone:
				r.drop(path()+".data", "zone")
			}
			if rv.AttributeType != nil {
				r.drop(path()+".attribute_type", "read_only")
			}
			if rv.LinkedData != nil {
				r.drop(path()+".linked_data", "read_only")
			}
			if rv.Links != nil {
				r.drop(path()+"._links", "read_only")
			}
			if rv.RefDataName != nil {
				r.drop(path()+".reference_data_name", "read_only")
			}
			fv.Value = v
			rec.Values = append(rec.Values, fv)
		}
	}
	if vals == nil {
		rec.Values = rec.Values[:0]
	}
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// targets are the lists of an association type, in the order Akeneo
// writes them.
var targets = []struct {
	key  string
	kind catalog.TargetKind
}{{"products", catalog.TargetProduct}, {"product_models", catalog.TargetProductModel}, {"groups", catalog.TargetGroup}}

func readAssociations(r *report, m map[string]rawAssoc, q map[string]rawQuantified, dst []catalog.Association, lists []AssociationList) ([]catalog.Association, []AssociationList) {
	for _, t := range sortedKeys(m) {
		a := m[t]
		for _, tg := range targets {
			ids := a.Products
			switch tg.kind {
			case catalog.TargetProductModel:
				ids = a.ProductModels
			case catalog.TargetGroup:
				ids = a.Groups
			}
			if ids == nil {
				continue
			}
			lists = append(lists, AssociationList{Type: t, Target: tg.kind})
			for _, id := range ids {
				dst = append(dst, catalog.Association{Type: t, Target: tg.kind, ID: id})
			}
		}
	}
	for _, t := range sortedKeys(q) {
		a := q[t]
		for _, tg := range targets[:2] {
			ls := a.Products
			if tg.kind == catalog.TargetProductModel {
				ls = a.ProductModels
			}
			if ls == nil {
				continue
			}
			path := key("quantified_associations", t) + "." + tg.key
			list := AssociationList{Type: t, Target: tg.kind, Quantified: true}
			for i, l := range ls {
				var id *string
				by := ""
				switch {
				case l.Identifier != nil && l.UUID == nil && l.Code == nil:
					id = l.Identifier
				case l.UUID != nil && l.Identifier == nil && l.Code == nil:
					id, by = l.UUID, "uuid"
				case l.Code != nil && l.Identifier == nil && l.UUID == nil:
					id, by = l.Code, "code"
				}
				switch {
				case id == nil || (i > 0 && by != list.By):
					r.bad.Add(index(path, i), RuleType, "link")
					continue
				case l.Quantity < 1 || l.Quantity > math.MaxInt32:
					r.bad.Add(index(path, i)+".quantity", "quantity", "")
					continue
				}
				list.By = by
				dst = append(dst, catalog.Association{Type: t, Target: tg.kind, ID: *id, Quantity: int(l.Quantity)})
			}
			lists = append(lists, list)
		}
	}
	return dst, lists
}

// MarshalAkeneo writes p as Akeneo's JSON: a product document (with
// "uuid" when Record.UUID is set, else "identifier") or, for a model, a
// product model document, with the keys in p.Given (all of [Keys] that
// apply when Given is nil) and values grouped by attribute in the order
// of their first appearance. attrs gives the attribute types, needed to
// write a single image or file (a string) rather than a list of assets.
// A value that cannot be written (two assets for a pim_catalog_image) is
// ErrInvalid.
func (p Product) MarshalAkeneo(attrs Attributes) ([]byte, error) {
	return p.AppendAkeneo(nil, attrs)
}

// defaultKeys returns the keys of a document written without Given.
func (p Product) defaultKeys() []string {
	rest := []string{"enabled", "family", "parent", "categories", "groups", "values", "created", "updated", "associations", "quantified_associations"}
	switch {
	case p.Model:
		return []string{"code", "family", "family_variant", "parent", "categories", "values", "created", "updated", "associations", "quantified_associations"}
	case p.Record.UUID != "" && p.Record.ID != "":
		return append([]string{"uuid", "identifier"}, rest...)
	case p.Record.UUID != "":
		return append([]string{"uuid"}, rest...)
	}
	return append([]string{"identifier"}, rest...)
}

// lists returns the association lists to write: p.Lists, then those of
// associations it does not name; without Lists, every list of each type.
func (p Product) lists() []AssociationList {
	out := slices.Clone(p.Lists)
	has := func(l AssociationList) bool {
		return slices.ContainsFunc(out, func(m AssociationList) bool {
			return m.Type == l.Type && m.Target == l.Target && m.Quantified == l.Quantified
		})
	}
	for _, a := range p.Record.Associations {
		q := a.Quantity > 0
		if p.Lists != nil {
			if l := (AssociationList{Type: a.Type, Target: a.Target, Quantified: q}); !has(l) {
				out = append(out, l)
			}
			continue
		}
		for _, tg := range targets {
			if q && tg.kind == catalog.TargetGroup {
				continue
			}
			if l := (AssociationList{Type: a.Type, Target: tg.kind, Quantified: q}); !has(l) {
				out = append(out, l)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b AssociationList) int {
		if c := strings.Compare(a.Type, b.Type); c != 0 {
			return c
		}
		return int(a.Target) - int(b.Target)
	})
	return out
}

// AppendAkeneo appends p's Akeneo JSON to b; see [Product.MarshalAkeneo].
func (p Product) AppendAkeneo(b []byte, attrs Attributes) ([]byte, error) {
	var ps contract.Problems
	rec := &p.Record
	given := p.Given
	if given == nil {
		given = p.defaultKeys()
	}
	has := func(k string) bool { return slices.Contains(given, k) }
	lists := p.lists()
	b = append(b, '{')
	first := true
	field := func(k string) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '"')
		b = append(b, k...)
		b = append(b, `":`...)
	}
	nullable := func(s string) {
		if s == "" {
			b = append(b, "null"...)
			return
		}
		b = appendString(b, s)
	}
	list := func(l []string) {
		if l == nil {
			l = []string{}
		}
		b = appendStrings(b, l)
	}
	for _, k := range Keys {
		if !has(k) {
			continue
		}
		switch k {
		case "uuid":
			field(k)
			b = appendString(b, rec.UUID)
		case "identifier", "code":
			field(k)
			b = appendString(b, rec.ID)
		case "enabled":
			field(k)
			b = strconv.AppendBool(b, rec.Status == catalog.StatusActive)
		case "family":
			field(k)
			nullable(rec.Family)
		case "family_variant":
			field(k)
			nullable(rec.FamilyVariant)
		case "parent":
			field(k)
			nullable(rec.Parent)
		case "categories":
			field(k)
			list(rec.Categories)
		case "groups":
			field(k)
			list(rec.Groups)
		case "values":
			field(k)
			var ok bool
			if b, ok = appendValues(b, rec.Values, attrs); !ok {
				ps.Add("values", RuleType, "")
			}
		case "created", "updated":
			t := rec.Created
			if k == "updated" {
				t = rec.Updated
			}
			field(k)
			if t.IsZero() {
				b = append(b, "null"...)
				continue
			}
			b = append(b, '"')
			b = t.AppendFormat(b, instantLayout)
			b = append(b, '"')
		case "associations", "quantified_associations":
			field(k)
			b = appendAssociations(b, rec.Associations, lists, k == "quantified_associations")
		}
	}
	b = append(b, '}')
	if err := ps.Err("write product", ErrInvalid); err != nil {
		return nil, err
	}
	return b, nil
}

// appendAssociations writes the associations object (quantified or not)
// of the lists given, grouped by type.
func appendAssociations(b []byte, as []catalog.Association, lists []AssociationList, quantified bool) []byte {
	b = append(b, '{')
	typ := ""
	firstType, firstList := true, true
	for _, l := range lists {
		if l.Quantified != quantified {
			continue
		}
		if firstType || l.Type != typ {
			if !firstType {
				b = append(b, "},"...)
			}
			firstType, firstList, typ = false, true, l.Type
			b = appendString(b, l.Type)
			b = append(b, ":{"...)
		}
		if !firstList {
			b = append(b, ',')
		}
		firstList = false
		b = append(b, '"')
		b = append(b, targets[l.Target-1].key...)
		b = append(b, `":[`...)
		n := 0
		for _, a := range as {
			if a.Type != l.Type || a.Target != l.Target || (a.Quantity > 0) != quantified {
				continue
			}
			if n > 0 {
				b = append(b, ',')
			}
			n++
			if !quantified {
				b = appendString(b, a.ID)
				continue
			}
			by := l.By
			if by == "" {
				by = "identifier"
			}
			b = append(b, `{"`...)
			b = append(b, by...)
			b = append(b, `":`...)
			b = appendString(b, a.ID)
			b = append(b, `,"quantity":`...)
			b = strconv.AppendInt(b, int64(a.Quantity), 10)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if !firstType {
		b = append(b, '}')
	}
	return append(b, '}')
}

// appendValues writes the values object, grouping by attribute in order
// of first appearance.
func appendValues(b []byte, vals []catalog.FieldValue, attrs Attributes) ([]byte, bool) {
	b = append(b, '{')
	done := make(map[string]bool, len(vals))
	firstAttr := true
	for i, fv := range vals {
		if done[fv.Field] {
			continue
		}
		done[fv.Field] = true
		if !firstAttr {
			b = append(b, ',')
		}
		firstAttr = false
		b = appendString(b, fv.Field)
		b = append(b, `:[`...)
		firstVal := true
		for _, w := range vals[i:] {
			if w.Field != fv.Field {
				continue
			}
			if !firstVal {
				b = append(b, ',')
			}
			firstVal = false
			b = append(b, `{"locale":`...)
			if w.Locale.IsZero() {
				b = append(b, "null"...)
			} else {
				b = appendString(b, akeneoLocale(w.Locale))
			}
			b = append(b, `,"scope":`...)
			if w.Channel == "" {
				b = append(b, "null"...)
			} else {
				b = appendString(b, w.Channel)
			}
			b = append(b, `,"data":`...)
			var ok bool
			if b, ok = appendData(b, attrs[w.Field], w.Value); !ok {
				return b, false
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}'), true
}
