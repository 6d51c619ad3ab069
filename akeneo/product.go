package akeneo

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
)

// Product is an Akeneo product or product model as pimkit holds it: its
// values, categories and parent in a [catalog.Record], and what Akeneo
// has beyond a record alongside.
//
// Record.ID is the product's identifier ("identifier"), its UUID in the
// UUID form of the API ("uuid"; the identifier is then the value of the
// identifier attribute, usually "sku"), or a model's code. Record.Status
// is [catalog.StatusActive] for "enabled": true and [catalog.StatusDraft]
// for false ([catalog.StatusArchived] is written as false). A value with
// "data": null is kept as an empty [catalog.Value]: in a PATCH it erases.
//
// Given lists the top-level keys the document had, in the order of
// [Keys]; [Product.MarshalAkeneo] writes exactly those, so a partial
// document (a PATCH body) stays partial, and [Patch] changes only them.
// A Product built in Go with Given nil is written with every key.
type Product struct {
	Record        catalog.Record `json:"record"`
	Model         bool           `json:"model,omitzero"`
	UUID          string         `json:"uuid,omitzero"`
	Family        string         `json:"family,omitzero"`
	FamilyVariant string         `json:"family_variant,omitzero"`
	Groups        []string       `json:"groups,omitzero"`
	// Associations and Quantified are sorted by type. In the UUID form,
	// products are named by UUID.
	Associations []Association           `json:"associations,omitzero"`
	Quantified   []QuantifiedAssociation `json:"quantified,omitzero"`
	Created      time.Time               `json:"created,omitzero"`
	Updated      time.Time               `json:"updated,omitzero"`
	Given        []string                `json:"given,omitzero"`
}

// Association lists the products, product models and groups a product is
// associated with by one association type, e.g. {Type: "X_SELL",
// Products: ["cap"]}. A nil list was not in the document; an empty one
// was, as [].
type Association struct {
	Type          string   `json:"type"`
	Products      []string `json:"products,omitzero"`
	ProductModels []string `json:"product_models,omitzero"`
	Groups        []string `json:"groups,omitzero"`
}

// QuantifiedAssociation lists the products and product models of a
// quantified association type with their quantities, e.g. a pack of two
// caps: {Type: "PACK", Products: [{ID: "cap", Quantity: 2}]}.
type QuantifiedAssociation struct {
	Type          string `json:"type"`
	Products      []Link `json:"products,omitzero"`
	ProductModels []Link `json:"product_models,omitzero"`
}

// Link is one member of a quantified association: a product's identifier
// or UUID or a model's code, and the quantity. By says which the document
// used: "" for "identifier" (Akeneo's usual key, for models too), "uuid"
// or "code".
type Link struct {
	ID       string `json:"id"`
	Quantity int64  `json:"quantity"`
	By       string `json:"by,omitzero"`
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

// decode reads b into p, fast when b has only known keys.
func (p *rawProduct) decode(b []byte, s *strictDecoder) error {
	p.reset()
	err := s.decode(b, p)
	if err == nil && p.exactKeys(b) {
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
			p.seenUnknown = append(p.seenUnknown, k)
			continue
		}
		clean[k] = v
	}
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

// exactKeys reports whether every key p was decoded from is in b as
// Akeneo spells it.
func (p *rawProduct) exactKeys(b []byte) bool {
	check := func(set bool, k string) bool {
		return !set || bytes.Contains(b, []byte(`"`+k+`"`))
	}
	return check(p.UUID != nil, "uuid") && check(p.Identifier != nil, "identifier") && check(p.Code != nil, "code") &&
		check(p.Enabled != nil, "enabled") && check(p.Family != nil, "family") && check(p.FamilyVariant != nil, "family_variant") &&
		check(p.Parent != nil, "parent") && check(p.Categories != nil, "categories") && check(p.Groups != nil, "groups") &&
		check(p.Values != nil, "values") && check(p.Created != nil, "created") && check(p.Updated != nil, "updated") &&
		check(p.Associations != nil, "associations") && check(p.Quantified != nil, "quantified_associations")
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
	if productCost.Dense(b) {
		return nil, tooDense()
	}
	var raw rawProduct
	if err := raw.decode(b, new(strictDecoder)); err != nil {
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
	rec := catalog.Record{Values: p.Record.Values[:0], Categories: p.Record.Categories[:0]}
	out := Product{Given: p.Given[:0], Groups: p.Groups[:0]}
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
		out.UUID, rec.ID = *raw.UUID, *raw.UUID
		if raw.Identifier != nil {
			r.drop("identifier", "read_only")
		}
	case raw.Identifier != nil:
		rec.ID = *raw.Identifier
	}
	if raw.Enabled != nil && *raw.Enabled {
		rec.Status = catalog.StatusActive
	}
	var ok bool
	if out.Family, ok = nullableString(raw.Family); !ok {
		r.bad.Add("family", RuleType, "string")
	}
	if out.FamilyVariant, ok = nullableString(raw.FamilyVariant); !ok {
		r.bad.Add("family_variant", RuleType, "string")
	}
	if rec.Parent, ok = nullableString(raw.Parent); !ok {
		r.bad.Add("parent", RuleType, "string")
	}
	if raw.Categories != nil {
		if rec.Categories, ok = stringList(raw.Categories, rec.Categories); !ok {
			r.bad.Add("categories", RuleType, "array")
		}
	}
	if raw.Groups != nil {
		if out.Groups, ok = stringList(raw.Groups, out.Groups); !ok {
			r.bad.Add("groups", RuleType, "array")
		}
	} else {
		out.Groups = nil
	}
	if raw.Categories == nil {
		rec.Categories = nil
	}
	if out.Given == nil {
		out.Given = []string{} // a document with no key Akeneo defines is written as {}
	}
	out.Created = readTime(&r, "created", raw.Created)
	out.Updated = readTime(&r, "updated", raw.Updated)
	d.values(&r, raw.Values, attrs, &rec)
	out.Associations = readAssociations(raw.Associations, p.Associations[:0])
	out.Quantified = readQuantified(&r, raw.Quantified)
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
	for _, k := range raw.seenUnknown {
		r.drop(key("", k), "unknown")
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
			path := index(key("values", code), i)
			var fv catalog.FieldValue
			fv.Field = code
			if rv.Locale != nil {
				l, ok := d.locale(*rv.Locale)
				if !ok {
					r.bad.Add(path+".locale", RuleLocale, "")
					continue
				}
				fv.Locale = l
			}
			if rv.Scope != nil {
				fv.Channel = *rv.Scope
			}
			t := typ
			if t == "" && len(rv.AttributeType) > 0 {
				if s, ok := jsonText(rv.AttributeType); ok {
					t = s
					if _, known := fieldTypes[t]; !known {
						r.drop(path, "type")
						continue
					}
				}
			}
			v, bad, zone := readData(t, rv.Data)
			switch {
			case bad == RuleNotCarried:
				r.drop(path, "type")
				continue
			case bad != "":
				r.bad.Add(path+".data", bad, "")
				continue
			case zone:
				r.drop(path+".data", "zone")
			}
			if rv.AttributeType != nil {
				r.drop(path+".attribute_type", "read_only")
			}
			if rv.LinkedData != nil {
				r.drop(path+".linked_data", "read_only")
			}
			if rv.Links != nil {
				r.drop(path+"._links", "read_only")
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

func readAssociations(m map[string]rawAssoc, dst []Association) []Association {
	if m == nil {
		return nil
	}
	dst = dst[:0]
	for _, t := range sortedKeys(m) {
		a := m[t]
		dst = append(dst, Association{Type: t, Products: a.Products, ProductModels: a.ProductModels, Groups: a.Groups})
	}
	if dst == nil {
		dst = []Association{}
	}
	return dst
}

func readQuantified(r *report, m map[string]rawQuantified) []QuantifiedAssociation {
	if m == nil {
		return nil
	}
	out := make([]QuantifiedAssociation, 0, len(m))
	links := func(path string, ls []rawLink) []Link {
		if ls == nil {
			return nil
		}
		out := make([]Link, len(ls))
		for i, l := range ls {
			switch {
			case l.Identifier != nil && l.UUID == nil && l.Code == nil:
				out[i] = Link{ID: *l.Identifier, Quantity: l.Quantity}
			case l.UUID != nil && l.Identifier == nil && l.Code == nil:
				out[i] = Link{ID: *l.UUID, Quantity: l.Quantity, By: "uuid"}
			case l.Code != nil && l.Identifier == nil && l.UUID == nil:
				out[i] = Link{ID: *l.Code, Quantity: l.Quantity, By: "code"}
			default:
				r.bad.Add(index(path, i), RuleType, "link")
			}
		}
		return out
	}
	for _, t := range sortedKeys(m) {
		q := m[t]
		p := key("quantified_associations", t)
		out = append(out, QuantifiedAssociation{Type: t,
			Products:      links(p+".products", q.Products),
			ProductModels: links(p+".product_models", q.ProductModels)})
	}
	return out
}

// MarshalAkeneo writes p as Akeneo's JSON: a product document (with
// "uuid" when p.UUID is set, else "identifier") or, for a model, a
// product model document, with the keys in p.Given (all of [Keys] that
// apply when Given is nil) and values grouped by attribute in the order
// of their first appearance. attrs gives the attribute types, needed to
// write a single image or file (a string) rather than a list of assets.
// A value that cannot be written (two assets for a pim_catalog_image) is
// ErrInvalid.
func (p Product) MarshalAkeneo(attrs Attributes) ([]byte, error) {
	return p.AppendAkeneo(nil, attrs)
}

// AppendAkeneo appends p's Akeneo JSON to b; see [Product.MarshalAkeneo].
func (p Product) AppendAkeneo(b []byte, attrs Attributes) ([]byte, error) {
	var ps contract.Problems
	given := p.Given
	if given == nil {
		given = []string{"enabled", "family", "parent", "categories", "groups", "values", "created", "updated", "associations", "quantified_associations"}
		switch {
		case p.Model:
			given = []string{"code", "family", "family_variant", "parent", "categories", "values", "created", "updated", "associations", "quantified_associations"}
		case p.UUID != "":
			given = append([]string{"uuid"}, given...)
		default:
			given = append([]string{"identifier"}, given...)
		}
	}
	has := func(k string) bool { return slices.Contains(given, k) }
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
			b = appendString(b, p.UUID)
		case "identifier", "code":
			field(k)
			b = appendString(b, p.Record.ID)
		case "enabled":
			field(k)
			b = strconv.AppendBool(b, p.Record.Status == catalog.StatusActive)
		case "family":
			field(k)
			nullable(p.Family)
		case "family_variant":
			field(k)
			nullable(p.FamilyVariant)
		case "parent":
			field(k)
			nullable(p.Record.Parent)
		case "categories":
			field(k)
			list(p.Record.Categories)
		case "groups":
			field(k)
			list(p.Groups)
		case "values":
			field(k)
			var ok bool
			if b, ok = appendValues(b, p.Record.Values, attrs); !ok {
				ps.Add("values", RuleType, "")
			}
		case "created", "updated":
			t := p.Created
			if k == "updated" {
				t = p.Updated
			}
			field(k)
			if t.IsZero() {
				b = append(b, "null"...)
				continue
			}
			b = append(b, '"')
			b = t.AppendFormat(b, instantLayout)
			b = append(b, '"')
		case "associations":
			field(k)
			b = append(b, '{')
			for i, a := range p.Associations {
				if i > 0 {
					b = append(b, ',')
				}
				b = appendString(b, a.Type)
				b = append(b, `:{`...)
				in := false
				for _, part := range []struct {
					k string
					l []string
				}{{"products", a.Products}, {"product_models", a.ProductModels}, {"groups", a.Groups}} {
					if part.l == nil {
						continue
					}
					if in {
						b = append(b, ',')
					}
					in = true
					b = append(b, '"')
					b = append(b, part.k...)
					b = append(b, `":`...)
					b = appendStrings(b, part.l)
				}
				b = append(b, '}')
			}
			b = append(b, '}')
		case "quantified_associations":
			field(k)
			b = append(b, '{')
			for i, q := range p.Quantified {
				if i > 0 {
					b = append(b, ',')
				}
				b = appendString(b, q.Type)
				b = append(b, `:{`...)
				in := false
				for _, part := range []struct {
					k string
					l []Link
				}{{"products", q.Products}, {"product_models", q.ProductModels}} {
					if part.l == nil {
						continue
					}
					if in {
						b = append(b, ',')
					}
					in = true
					b = append(b, '"')
					b = append(b, part.k...)
					b = append(b, `":[`...)
					for j, l := range part.l {
						if j > 0 {
							b = append(b, ',')
						}
						switch l.By {
						case "uuid", "code":
							b = append(b, `{"`...)
							b = append(b, l.By...)
							b = append(b, `":`...)
						default:
							b = append(b, `{"identifier":`...)
						}
						b = appendString(b, l.ID)
						b = append(b, `,"quantity":`...)
						b = strconv.AppendInt(b, l.Quantity, 10)
						b = append(b, '}')
					}
					b = append(b, ']')
				}
				b = append(b, '}')
			}
			b = append(b, '}')
		}
	}
	b = append(b, '}')
	if err := ps.Err("write product", ErrInvalid); err != nil {
		return nil, err
	}
	return b, nil
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
