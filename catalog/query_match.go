package catalog

import (
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// checkFilter adds the problems of f against c's schema and channels:
// the operator on the property or field type, the locale and scope, the
// option codes and the unit. With arity set it also checks that the
// operands the operator takes are there (a hand-built or stored query;
// ParseQuery has checked them while reading).
func checkFilter(c *Compiled, f Filter, fd Field, isField bool, prefix string, ps *problems, arity bool) {
	kind, ok := opsFor(f.Field, fd, isField)[f.Operator]
	if !ok {
		ps.Add(prefix+"operator", RuleOperator, f.Operator.Akeneo())
		return
	}
	if arity {
		n := 0
		switch kind {
		case oneText:
			n = len(f.Texts) - 1
		case textList:
			if len(f.Texts) == 0 {
				n = -1
			}
		case instant:
			n = len(f.Times) - 1
		case instantPair:
			n = len(f.Times) - 2
		case date:
			n = len(f.Dates) - 1
		case datePair:
			n = len(f.Dates) - 2
		case days:
			if f.Number.Decimal().IsNegative() || !f.Number.Decimal().IsInteger() {
				n = 1
			}
		}
		if n != 0 {
			ps.Add(prefix+"value", RuleRequired, operandNames[kind])
		}
	}
	if isField {
		switch {
		case fd.Localizable && f.Locale.IsZero():
			ps.Add(prefix+"locale", RuleLocale, "required")
		case !fd.Localizable && !f.Locale.IsZero():
			ps.Add(prefix+"locale", RuleLocale, "not_localizable")
		case !f.Locale.IsZero() && c.localeIndex(f.Locale) < 0:
			ps.Add(prefix+"locale", RuleLocale, "unknown")
		}
		switch {
		case fd.Scopable && f.Scope == "":
			ps.Add(prefix+"scope", RuleChannel, "required")
		case !fd.Scopable && f.Scope != "":
			ps.Add(prefix+"scope", RuleChannel, "not_scopable")
		case f.Scope != "" && c.channelIndex(f.Scope) < 0:
			ps.Add(prefix+"scope", RuleChannel, "unknown")
		}
		if fd.Type == SimpleSelect || fd.Type == MultiSelect {
			for j, code := range f.Texts {
				if !slices.ContainsFunc(fd.Options, func(o SelectOption) bool { return o.Code == code }) {
					ps.Add(prefix+"value["+strconv.Itoa(j)+"]", RuleOption, clip(code, 100))
				}
			}
		}
		if f.Unit != "" {
			if fd.Type != Measurement {
				ps.Add(prefix+"value.unit", RuleType, "number")
			} else if _, ok := fd.Units.unit(f.Unit); !ok {
				ps.Add(prefix+"value.unit", RuleUnit, fd.Units.Code)
			}
		}
		if !f.Currency.IsZero() && fd.Type != PriceField {
			ps.Add(prefix+"value.currency", RuleType, "number")
		}
		return
	}
	if f.Field == PropertyCompleteness {
		if f.Scope == "" {
			ps.Add(prefix+"scope", RuleChannel, "required")
		} else if c.channelIndex(f.Scope) < 0 {
			ps.Add(prefix+"scope", RuleChannel, "unknown")
		}
		if f.Operator >= OpGreaterOnAllLocales && len(f.Locales) == 0 {
			ps.Add(prefix+"locales", RuleRequired, "")
		}
	}
}

// Matcher evaluates a [Query] over records in memory. Build it with
// [NewMatcher]; it is safe for concurrent use.
type Matcher struct {
	preds []cfilter
}

// selector is the part of a record a compiled filter reads.
type selector uint8

const (
	selValue selector = iota
	selID
	selUUID
	selFamily
	selGroups
	selCategories
	selCreated
	selUpdated
	selParent
	selEnabled
	selCompleteness
)

// cfilter is one compiled filter: the part of the record it reads and the
// test on that part. Its closures take the part, never the record, so
// that matching a record allocates nothing.
type cfilter struct {
	sel     selector
	field   string
	loc     contract.Locale
	ch      string
	text    func(string) bool
	codes   func([]string) bool
	value   func(Value) bool
	instant func(time.Time) bool
	enabled bool
	percent func([]Completeness) bool
	c       *Compiled
	fams    map[string]Family
}

// lookup returns the value of field for loc and ch, without copying r.
func lookup(r *Record, field string, loc contract.Locale, ch string) Value {
	for i := range r.Values {
		fv := &r.Values[i]
		if fv.Field == field && fv.Locale == loc && fv.Channel == ch {
			return fv.Value
		}
	}
	return Value{}
}

// cost orders filters from the cheapest to test to the dearest.
func (f *cfilter) cost() int {
	switch f.sel {
	case selValue:
		return 1
	case selCompleteness:
		return 2
	}
	return 0
}

func (f *cfilter) match(r *Record) bool {
	switch f.sel {
	case selValue:
		return f.value(lookup(r, f.field, f.loc, f.ch))
	case selID:
		return f.text(r.ID)
	case selUUID:
		return f.text(r.UUID)
	case selFamily:
		return f.text(r.Family)
	case selParent:
		return f.text(r.Parent)
	case selGroups:
		return f.codes(r.Groups)
	case selCategories:
		return f.codes(r.Categories)
	case selCreated:
		return f.instant(r.Created)
	case selUpdated:
		return f.instant(r.Updated)
	case selEnabled:
		return (r.Status == StatusActive) == f.enabled
	case selCompleteness:
		if fam, ok := f.fams[r.Family]; ok && r.Family != "" {
			return f.percent(f.c.FamilyCompleteness(*r, fam))
		}
		return f.percent(f.c.Completeness(*r))
	}
	return false
}

// NewMatcher checks q against c's schema and channels, with the rules
// [ParseQuery] applies and paths "filters[i].operator", and returns its
// evaluator. qc gives the instant SINCE LAST N DAYS counts back from, the
// category tree of IN CHILDREN (a code it lacks: rule category) and the
// model hierarchy of parent =.
//
// Semantics follow Akeneo's filters: texts compare without regard to case;
// the negative operators on a field (!=, NOT IN, DOES NOT CONTAIN, NOT
// BETWEEN) match only records that have a value, as in Akeneo, while NOT
// IN on family, groups or categories also matches records without any;
// created and updated = and != compare the day in the search zone;
// BETWEEN includes both ends; completeness operators without "ON ALL
// LOCALES" match when one locale of the channel (of Locales, if given)
// satisfies them; a measurement compares in its family's standard unit;
// a price compares in Currency, or in any currency when it is zero.
func NewMatcher(c *Compiled, q Query, qc QueryContext) (*Matcher, error) {
	if c == nil {
		return nil, errNotCreated
	}
	if len(q.Filters) > MaxFilters {
		return nil, invalid("new matcher", []contract.Problem{newProblem("filters", RuleMaxItems, strconv.Itoa(MaxFilters))})
	}
	var ps problems
	m := &Matcher{preds: make([]cfilter, 0, len(q.Filters))}
	for i, f := range q.Filters {
		prefix := "filters[" + strconv.Itoa(i) + "]."
		fd, isField := c.schema.Field(f.Field)
		if !isField && !isProperty(f.Field) {
			ps.Add(prefix+"field", RuleUnknownField, "")
			continue
		}
		before := len(ps.List())
		checkFilter(c, f, fd, isField, prefix, &ps, true)
		if f.Field == PropertyCategories && (f.Operator == OpInChildren || f.Operator == OpNotInChildren) {
			for j, code := range f.Texts {
				if !qc.Tree.Contains(code) {
					ps.Add(prefix+"texts["+strconv.Itoa(j)+"]", RuleCategory, clip(code, 100))
				}
			}
		}
		if len(ps.List()) > before {
			continue
		}
		if isField {
			m.preds = append(m.preds, fieldPred(f, fd))
		} else {
			m.preds = append(m.preds, propertyPred(c, f, qc))
		}
	}
	if err := ps.Err("new matcher", ErrInvalid); err != nil {
		return nil, err
	}
	// Every filter must pass, so the order is free: the record's own
	// properties first, then field values, then completeness.
	slices.SortStableFunc(m.preds, func(a, b cfilter) int { return compareInt(a.cost(), b.cost()) })
	return m, nil
}

// Match reports whether r passes every filter.
func (m *Matcher) Match(r Record) bool {
	if m == nil {
		return false
	}
	return m.match(&r)
}

func (m *Matcher) match(r *Record) bool {
	for i := range m.preds {
		if !m.preds[i].match(r) {
			return false
		}
	}
	return true
}

// Filter returns the records of records that pass every filter, lazily
// and in order.
func (m *Matcher) Filter(records iter.Seq[Record]) iter.Seq[Record] {
	return func(yield func(Record) bool) {
		if m == nil || records == nil {
			return
		}
		for r := range records {
			if m.match(&r) && !yield(r) {
				return
			}
		}
	}
}

// lower returns s in lower case; ASCII text without capitals is returned
// as is, without allocating.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || (c >= 'A' && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// containsFold reports whether s contains the lower-case needle n,
// ignoring case; for ASCII text it compares in place without allocating.
func containsFold(s, n string) bool {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < 0x80
	}
	for i := 0; i < len(n) && ascii; i++ {
		ascii = n[i] < 0x80
	}
	if !ascii {
		return strings.Contains(strings.ToLower(s), n)
	}
	for i := 0; i+len(n) <= len(s); i++ {
		j := 0
		for ; j < len(n); j++ {
			c := s[i+j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != n[j] {
				break
			}
		}
		if j == len(n) {
			return true
		}
	}
	return false
}

func lowerAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToLower(s)
	}
	return out
}

// textPred compares one text by a text operator; the needles are lower
// case.
func textPred(op Operator, needles []string) func(s string) bool {
	n := ""
	if len(needles) > 0 {
		n = needles[0]
	}
	switch op {
	case OpStartsWith:
		return func(s string) bool { return strings.HasPrefix(lower(s), n) }
	case OpContains:
		return func(s string) bool { return containsFold(s, n) }
	case OpDoesNotContain:
		return func(s string) bool { return !containsFold(s, n) }
	case OpEqual:
		return func(s string) bool { return strings.EqualFold(s, n) }
	case OpNotEqual:
		return func(s string) bool { return !strings.EqualFold(s, n) }
	case OpIn:
		return func(s string) bool {
			return slices.ContainsFunc(needles, func(x string) bool { return strings.EqualFold(s, x) })
		}
	case OpNotIn:
		return func(s string) bool {
			return !slices.ContainsFunc(needles, func(x string) bool { return strings.EqualFold(s, x) })
		}
	}
	return func(string) bool { return false }
}

// codesPred compares a list of codes (family, groups, categories) by IN,
// NOT IN, EMPTY and NOT EMPTY; NOT IN matches a record without codes.
func codesPred(op Operator, set map[string]bool) func([]string) bool {
	any := func(codes []string) bool {
		for _, c := range codes {
			if set[c] {
				return true
			}
		}
		return false
	}
	switch op {
	case OpIn, OpInChildren:
		return any
	case OpNotIn, OpNotInChildren:
		return func(codes []string) bool { return !any(codes) }
	case OpInOrUnclassified:
		return func(codes []string) bool { return len(codes) == 0 || any(codes) }
	case OpEmpty, OpUnclassified:
		return func(codes []string) bool { return len(codes) == 0 }
	case OpNotEmpty:
		return func(codes []string) bool { return len(codes) > 0 }
	}
	return func([]string) bool { return false }
}

func setOf(ss []string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[s] = true
	}
	return m
}

// cmpPred turns a comparison result (-1, 0, 1) into the operator's verdict.
func cmpPred(op Operator, c int) bool {
	switch op {
	case OpEqual:
		return c == 0
	case OpNotEqual:
		return c != 0
	case OpLess, OpLowerOnAllLocales:
		return c < 0
	case OpLessOrEqual, OpLowerOrEqualOnAll:
		return c <= 0
	case OpGreater, OpGreaterOnAllLocales:
		return c > 0
	case OpGreaterOrEqual, OpGreaterOrEqualOnAll:
		return c >= 0
	}
	return false
}

func propertyPred(c *Compiled, f Filter, qc QueryContext) cfilter {
	switch f.Field {
	case PropertyUUID:
		p := textPred(f.Operator, lowerAll(f.Texts))
		return cfilter{sel: selUUID, text: func(s string) bool { return s != "" && p(s) }}
	case PropertyIdentifier:
		return cfilter{sel: selID, text: codePred(f.Operator, f.Texts, textPred(f.Operator, lowerAll(f.Texts)))}
	case PropertyEnabled:
		return cfilter{sel: selEnabled, enabled: f.Bool == (f.Operator == OpEqual)}
	case PropertyFamily:
		set := setOf(f.Texts)
		return cfilter{sel: selFamily, text: codePred(f.Operator, f.Texts, func(s string) bool { return set[s] != (f.Operator == OpNotIn) })}
	case PropertyGroups:
		return cfilter{sel: selGroups, codes: codesPred(f.Operator, setOf(f.Texts))}
	case PropertyCategories:
		codes := f.Texts
		if f.Operator == OpInChildren || f.Operator == OpNotInChildren {
			codes = nil
			for _, code := range f.Texts {
				codes = append(codes, code)
				codes = append(codes, qc.Tree.Descendants(code)...)
			}
		}
		return cfilter{sel: selCategories, codes: codesPred(f.Operator, setOf(codes))}
	case PropertyCreated, PropertyUpdated:
		sel := selCreated
		if f.Field == PropertyUpdated {
			sel = selUpdated
		}
		p := instantPred(f, qc)
		return cfilter{sel: sel, instant: func(t time.Time) bool { return !t.IsZero() && p(t) }}
	case PropertyParent:
		if f.Operator != OpEqual {
			set := setOf(f.Texts)
			return cfilter{sel: selParent, text: codePred(f.Operator, f.Texts, func(s string) bool { return set[s] })}
		}
		want := f.Texts[0]
		models := qc.Models
		return cfilter{sel: selParent, text: func(p string) bool {
			for range len(models) + 1 {
				if p == "" {
					return false
				}
				if p == want {
					return true
				}
				p = models[p]
			}
			return false
		}}
	case PropertyCompleteness:
		pct := int(f.Number.Decimal().IntPart())
		all := f.Operator >= OpGreaterOnAllLocales
		return cfilter{sel: selCompleteness, c: c, fams: qc.Families, percent: func(cs []Completeness) bool {
			matched, seen := false, 0
			for _, cp := range cs {
				if cp.Channel != f.Scope || (len(f.Locales) > 0 && !slices.Contains(f.Locales, cp.Locale)) {
					continue
				}
				seen++
				ok := cmpPred(f.Operator, compareInt(cp.Percent, pct))
				if all && !ok {
					return false
				}
				matched = matched || ok
			}
			if all {
				return seen > 0 && seen >= len(f.Locales)
			}
			return matched
		}}
	}
	return cfilter{sel: selID, text: func(string) bool { return false }}
}

// codePred tests one code (an identifier, a family, a parent): EMPTY and
// NOT EMPTY on its presence, NOT IN and the other negatives match an
// absent family, the rest need a code and pass it to p.
func codePred(op Operator, _ []string, p func(string) bool) func(string) bool {
	switch op {
	case OpEmpty:
		return func(s string) bool { return s == "" }
	case OpNotEmpty:
		return func(s string) bool { return s != "" }
	case OpNotIn:
		return func(s string) bool { return s == "" || p(s) }
	}
	return func(s string) bool { return s != "" && p(s) }
}

func compareInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// instantPred compares created or updated.
func instantPred(f Filter, qc QueryContext) func(time.Time) bool {
	switch f.Operator {
	case OpSinceLastNDays:
		from := qc.At.AddDate(0, 0, -int(f.Number.Decimal().IntPart()))
		return func(t time.Time) bool { return !t.Before(from) && !t.After(qc.At) }
	case OpBetween, OpNotBetween:
		lo, hi := f.Times[0], f.Times[1]
		in := f.Operator == OpBetween
		return func(t time.Time) bool { return (!t.Before(lo) && !t.After(hi)) == in }
	case OpLess:
		v := f.Times[0]
		return func(t time.Time) bool { return t.Before(v) }
	case OpGreater:
		v := f.Times[0]
		return func(t time.Time) bool { return t.After(v) }
	}
	// = and !=: the day of the given instant, in the instant's zone.
	v := f.Times[0]
	y, m, d := v.Date()
	start := time.Date(y, m, d, 0, 0, 0, 0, v.Location())
	end := time.Date(y, m, d+1, 0, 0, 0, 0, v.Location())
	eq := f.Operator == OpEqual
	return func(t time.Time) bool { return (!t.Before(start) && t.Before(end)) == eq }
}

// negative reports whether op on a field matches only records with a
// value (Akeneo adds an exists clause to them).
func negative(op Operator) bool {
	switch op {
	case OpNotEqual, OpNotIn, OpDoesNotContain, OpNotBetween:
		return true
	}
	return false
}

func fieldPred(f Filter, fd Field) cfilter {
	cf := cfilter{sel: selValue, field: f.Field, loc: f.Locale, ch: f.Scope}
	switch f.Operator {
	case OpEmpty:
		cf.value = Value.IsEmpty
		return cf
	case OpNotEmpty:
		cf.value = func(v Value) bool { return !v.IsEmpty() }
		return cf
	}
	var valuePred func(Value) bool
	switch fd.Type {
	case Identifier, TextField, Textarea, Reference, GTIN:
		p := textPred(f.Operator, lowerAll(f.Texts))
		valuePred = func(v Value) bool { s, ok := v.Text(); return ok && p(s) }
	case Image, File:
		p := textPred(f.Operator, lowerAll(f.Texts))
		all := negative(f.Operator)
		valuePred = func(v Value) bool {
			as := v.Assets()
			if len(as) == 0 {
				return false
			}
			for _, a := range as {
				if p(a.Ref) != all {
					return !all
				}
			}
			return all
		}
	case SimpleSelect, MultiSelect:
		set := setOf(f.Texts)
		in := f.Operator == OpIn
		valuePred = func(v Value) bool {
			codes := v.Options()
			if code, ok := v.Option(); ok {
				codes = []string{code}
			}
			if len(codes) == 0 {
				return false
			}
			hit := slices.ContainsFunc(codes, func(s string) bool { return set[s] })
			return hit == in
		}
	case Boolean:
		want := f.Bool == (f.Operator == OpEqual)
		valuePred = func(v Value) bool { b, ok := v.Bool(); return ok && b == want }
	case DateField:
		valuePred = datePred(f)
	case NumberField:
		want := f.Number.Decimal()
		valuePred = func(v Value) bool {
			d, ok := v.Number()
			return ok && cmpPred(f.Operator, d.Cmp(want))
		}
	case Measurement:
		want := f.Number.Decimal()
		if f.Unit != "" {
			u, _ := fd.Units.unit(f.Unit)
			want = toStandard(want, u)
		}
		valuePred = func(v Value) bool {
			d, unit, ok := v.Measure()
			if !ok {
				return false
			}
			u, ok := fd.Units.unit(unit)
			return ok && cmpPred(f.Operator, toStandard(d, u).Cmp(want))
		}
	case PriceField:
		want := f.Number.Decimal()
		cur := f.Currency
		valuePred = func(v Value) bool {
			if !cur.IsZero() {
				p, ok := v.Price(cur.Unit())
				return ok && cmpPred(f.Operator, p.Amount().Cmp(want))
			}
			for _, p := range v.Prices() {
				if cmpPred(f.Operator, p.Amount().Cmp(want)) {
					return true
				}
			}
			return false
		}
	default:
		valuePred = func(Value) bool { return false }
	}
	cf.value = func(v Value) bool { return !v.IsEmpty() && valuePred(v) }
	return cf
}

// toStandard converts d in unit u to its family's standard unit.
func toStandard(d decimal.Decimal, u Unit) decimal.Decimal {
	f := u.Factor.Decimal()
	if f.IsZero() {
		f = decOne
	}
	return d.Mul(f).Add(u.Offset.Decimal())
}

func datePred(f Filter) func(Value) bool {
	days := make([]contract.Date, len(f.Dates))
	copy(days, f.Dates)
	return func(v Value) bool {
		t, ok := v.Date()
		if !ok {
			return false
		}
		d := contract.DateOf(t)
		switch f.Operator {
		case OpBetween:
			return !d.Before(days[0]) && !d.After(days[1])
		case OpNotBetween:
			return d.Before(days[0]) || d.After(days[1])
		}
		return cmpPred(f.Operator, d.Compare(days[0]))
	}
}
