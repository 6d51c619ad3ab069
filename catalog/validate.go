package catalog

import (
	"math"
	"path"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
)

// slotState is a record's slot map: which (field, locale, channel) slots
// hold a value (seen) and which hold a non-empty value of the right kind
// (filled). Small maps live on the stack.
type slotState struct {
	seen, filled []uint64
	buf          [2 * 64]uint64
}

func (c *Compiled) newState(st *slotState) {
	words := int(c.nslots+63) / 64
	if 2*words <= len(st.buf) {
		st.seen, st.filled = st.buf[:words:words], st.buf[words:2*words:2*words]
		return
	}
	b := make([]uint64, 2*words)
	st.seen, st.filled = b[:words:words], b[words:]
}

func bit(m []uint64, i int32) bool { return m[i>>6]&(1<<(uint(i)&63)) != 0 }
func setBit(m []uint64, i int32)   { m[i>>6] |= 1 << (uint(i) & 63) }

// valuePath renders "values.title[da-DK][ecommerce]"; the brackets appear
// only for a locale or channel the value has.
func valuePath(prefix, field string, loc contract.Locale, ch string) string {
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteString("values.")
	b.WriteString(field)
	if !loc.IsZero() {
		b.WriteByte('[')
		b.WriteString(loc.String())
		b.WriteByte(']')
	}
	if ch != "" {
		b.WriteByte('[')
		b.WriteString(ch)
		b.WriteByte(']')
	}
	return b.String()
}

// Validate checks r against the schema and reports every problem at once in
// a [*ValidationError] (nil when r is valid), in schema order:
//
//   - the ID (path "sku" for products, "id" otherwise): present, at most
//     255 characters, no surrounding spaces, commas, semicolons or line
//     breaks (rule identifier);
//   - status and categories (path "categories[1]": empty or repeated
//     codes, rule category);
//   - each value: a known field (rule unknown_field), a locale exactly when
//     localizable and active in the value's channel (rule locale), a
//     channel exactly when scopable (rule channel), at most one value per
//     slot (rule duplicate_value), the field type's kind (rule type) and the
//     type's rules (max_length, min, max, decimals, negative, option, unit,
//     currency, extension, max_size, max_items, gtin, reference);
//   - required values per channel and locale (rule required, Param the
//     channel): "values.title[da-DK]: required(ecommerce)". A non-scopable
//     price is required to carry every currency of each requiring channel.
//
// Use [Compiled.ValidateDraft] to skip the required rule for drafts.
func (c *Compiled) Validate(r Record) error {
	return invalid("validate record", c.appendProblems(nil, "", &r, true))
}

// Assess validates r exactly as [Compiled.Validate] does and computes its
// [Compiled.Completeness] from the same pass over the values, which halves
// the work when a host needs both (a bulk import, a nightly recount).
func (c *Compiled) Assess(r Record) ([]Completeness, error) {
	var st slotState
	ps := c.appendProblemsState(nil, "", &r, true, &st)
	return c.completenessOf(&st), invalid("validate record", ps)
}

// ValidateDraft is [Compiled.Validate] without the required rule, for
// saving work in progress; completeness still reports what is missing.
func (c *Compiled) ValidateDraft(r Record) error {
	return invalid("validate draft", c.appendProblems(nil, "", &r, false))
}

// ValidateBatch validates every record with [Compiled.Validate], prefixing
// paths with "records[i].", and adds rule duplicate for an ID or a Unique
// field value used by an earlier record of the batch; Param names the
// first record: "records[3].sku: duplicate(records[0])". GTINs are
// compared in their GTIN-14 form, so "96385074" and "00000096385074"
// collide.
func (c *Compiled) ValidateBatch(rs []Record) error {
	var ps []contract.Problem
	ids := make(map[string]int, len(rs))
	uniq := make(map[string]int)
	for i := range rs {
		prefix := "records[" + strconv.Itoa(i) + "]."
		ps = c.appendProblems(ps, prefix, &rs[i], true)
		if id := rs[i].ID; id != "" {
			if first, dup := ids[id]; dup {
				ps = append(ps, contract.Problem{Path: prefix + c.idRule, Rule: RuleDuplicate, Param: "records[" + strconv.Itoa(first) + "]"})
			} else {
				ids[id] = i
			}
		}
		ps = c.appendUnique(ps, prefix, "records", i, &rs[i], uniq)
	}
	return invalid("validate batch", ps)
}

func (c *Compiled) appendUnique(ps []contract.Problem, prefix, list string, i int, r *Record, uniq map[string]int) []contract.Problem {
	for _, fi := range c.unique {
		f := &c.fields[fi]
		for _, fv := range r.Values {
			if fv.Field != f.Code {
				continue
			}
			s, ok := fv.Value.Text()
			if !ok || s == "" {
				continue
			}
			if f.Type == GTIN {
				if g, err := GTIN14(s); err == nil {
					s = g
				}
			}
			key := f.Code + "\x00" + s
			if first, dup := uniq[key]; dup && first != i {
				ps = append(ps, contract.Problem{Path: valuePath(prefix, f.Code, fv.Locale, fv.Channel), Rule: RuleDuplicate, Param: list + "[" + strconv.Itoa(first) + "]"})
			} else if !dup {
				uniq[key] = i
			}
		}
	}
	return ps
}

func (c *Compiled) appendProblems(ps []contract.Problem, prefix string, r *Record, required bool) []contract.Problem {
	var st slotState
	return c.appendProblemsState(ps, prefix, r, required, &st)
}

func (c *Compiled) appendProblemsState(ps []contract.Problem, prefix string, r *Record, required bool, st *slotState) []contract.Problem {
	if p, ok := checkIdentifier(r.ID, defaultMaxText); !ok {
		ps = append(ps, contract.Problem{Path: prefix + c.idRule, Rule: RuleIdentifier, Param: p})
	}
	if int(r.Status) >= len(statusNames) {
		ps = append(ps, contract.Problem{Path: prefix + "status", Rule: RuleStatus, Param: strconv.Itoa(int(r.Status))})
	}
	for i, cat := range r.Categories {
		bad := cat == "" || len(cat) > maxCodeLen
		for j := 0; j < i && !bad; j++ {
			bad = r.Categories[j] == cat
		}
		if bad {
			ps = append(ps, contract.Problem{Path: prefix + "categories[" + strconv.Itoa(i) + "]", Rule: RuleCategory, Param: ""})
		}
	}
	c.newState(st)
	ps = c.scan(ps, prefix, r.Values, st, true)
	if required {
		ps = c.appendRequired(ps, prefix, st)
	}
	return ps
}

// appendRequired reports each required slot that is not filled, once, in
// schema order (see [Compiled.buildRequired]).
func (c *Compiled) appendRequired(ps []contract.Problem, prefix string, st *slotState) []contract.Problem {
	for i := range c.required {
		rq := &c.required[i]
		if !bit(st.filled, rq.slot) {
			// Path and message are built once, at compile time.
			path := rq.path
			if prefix != "" {
				path = prefix + path
			}
			ps = append(ps, contract.Problem{Path: path, Rule: RuleRequired, Param: c.channels[rq.param].Code, Message: rq.msg})
		}
	}
	return ps
}

// scan walks the values once, marking slots and, when check is set,
// appending problems.
func (c *Compiled) scan(ps []contract.Problem, prefix string, vals []FieldValue, st *slotState, check bool) []contract.Problem {
	// Values usually come grouped by field in schema order (every decoder
	// here produces them so), so the field of the previous value, or the
	// next one, is tried before the map; comparing a code with itself is a
	// pointer comparison.
	cur := int32(0)
	for vi := range vals {
		fv := &vals[vi]
		var fi int32
		ok := true
		switch {
		case cur < int32(len(c.fields)) && fv.Field == c.fields[cur].Code:
			fi = cur
		case cur+1 < int32(len(c.fields)) && fv.Field == c.fields[cur+1].Code:
			fi = cur + 1
		default:
			fi, ok = c.index[fv.Field]
		}
		if !ok {
			if check {
				ps = append(ps, contract.Problem{Path: prefix + "values." + safeSegment(fv.Field), Rule: RuleUnknownField})
			}
			continue
		}
		cur = fi
		f := &c.fields[fi]
		li, ci := int32(0), int32(0)
		bad := false
		if f.Localizable {
			l := c.localeIndex(fv.Locale)
			if l < 0 {
				bad = true
			}
			li = int32(l)
		} else if !fv.Locale.IsZero() {
			bad = true
		}
		if bad {
			if check {
				ps = append(ps, contract.Problem{Path: valuePath(prefix, f.Code, fv.Locale, safeSegment(fv.Channel)), Rule: RuleLocale, Param: localeParam(f)})
			}
			continue
		}
		if f.Scopable {
			ch := c.channelIndex(fv.Channel)
			if ch < 0 || (f.Localizable && !c.chLocSet[ch][li]) {
				if check {
					ps = append(ps, contract.Problem{Path: valuePath(prefix, f.Code, fv.Locale, safeSegment(fv.Channel)), Rule: RuleChannel, Param: "scopable"})
				}
				continue
			}
			ci = int32(ch)
		} else if fv.Channel != "" {
			if check {
				ps = append(ps, contract.Problem{Path: valuePath(prefix, f.Code, fv.Locale, safeSegment(fv.Channel)), Rule: RuleChannel, Param: "not scopable"})
			}
			continue
		}
		s := f.slot(li, ci)
		if bit(st.seen, s) {
			if check {
				ps = append(ps, contract.Problem{Path: valuePath(prefix, f.Code, fv.Locale, fv.Channel), Rule: RuleDuplicateValue})
			}
			continue
		}
		setBit(st.seen, s)
		if check {
			before := len(ps)
			ps = c.checkValue(ps, prefix, f, fv, ci)
			if len(ps) > before && ps[before].Rule == RuleType {
				continue
			}
		} else if fv.Value.kind != f.kind() {
			continue
		}
		if fv.Value.kind == kindEmpty {
			continue
		}
		if f.Type == PriceField {
			c.markPrice(st, f, li, ci, fv.Value)
			continue
		}
		setBit(st.filled, s)
	}
	return ps
}

func localeParam(f *cfield) string {
	if f.Localizable {
		return "localizable"
	}
	return "not localizable"
}

// safeSegment keeps a caller-supplied code out of a path when it is not a
// well-formed code, so paths never carry arbitrary text.
func safeSegment(s string) string {
	if s == "" || validCode(s) {
		return s
	}
	return "?"
}

// markPrice marks a price filled for each channel whose currencies it
// covers: for channel ci only when scopable, else for every channel.
func (c *Compiled) markPrice(st *slotState, f *cfield, li, ci int32, v Value) {
	for ch := range c.channels {
		if f.Scopable && int32(ch) != ci {
			continue
		}
		ok := true
		for _, u := range c.chCurs[ch] {
			if !v.hasPrice(u) {
				ok = false
				break
			}
		}
		if ok {
			setBit(st.filled, f.slot(li, int32(ch)))
		}
	}
	if len(c.channels) == 0 {
		setBit(st.filled, f.slot(li, 0))
	}
}

func (f *cfield) kind() valueKind {
	switch f.Type {
	case Identifier, TextField, Textarea, Reference, GTIN:
		return kindText
	case NumberField:
		return kindNumber
	case Measurement:
		return kindMeasure
	case PriceField:
		return kindPrices
	case Boolean:
		return kindBool
	case DateField:
		return kindDate
	case SimpleSelect:
		return kindOption
	case MultiSelect:
		return kindOptions
	case Image, File:
		return kindAssets
	}
	return kindEmpty
}

// checkIdentifier reports whether s is a usable identifier: non-empty, at
// most max characters, no surrounding spaces, no comma, semicolon or
// control character. The first result is the rule's parameter.
func checkIdentifier(s string, max int) (string, bool) {
	if s == "" {
		return "empty", false
	}
	if len(s) > max {
		return strconv.Itoa(max), false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return "space", false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == ',' || c == ';' {
			return "character", false
		}
	}
	return "", true
}

func (c *Compiled) checkValue(ps []contract.Problem, prefix string, f *cfield, fv *FieldValue, ci int32) []contract.Problem {
	v := &fv.Value
	prob := func(rule, param string) {
		ps = append(ps, contract.Problem{Path: valuePath(prefix, f.Code, fv.Locale, fv.Channel), Rule: rule, Param: param})
	}
	if v.kind == kindEmpty {
		return ps
	}
	if v.kind != f.kind() {
		prob(RuleType, f.Type.String())
		return ps
	}
	switch f.Type {
	case Identifier:
		if p, ok := checkIdentifier(v.s, f.maxLen); !ok {
			prob(RuleIdentifier, p)
		}
	case TextField, Textarea:
		if len(v.s) > f.maxLen && runeCount(v.s) > f.maxLen {
			prob(RuleMaxLength, strconv.Itoa(f.maxLen))
		}
	case Reference:
		if p, ok := checkIdentifier(v.s, f.maxLen); !ok {
			prob(RuleReference, p)
		}
	case GTIN:
		if err := CheckGTIN(v.s); err != nil {
			prob(RuleGTIN, err.(*IdentifierError).Reason)
		}
	case NumberField:
		c.checkNumber(f, v, prob)
	case Measurement:
		u, ok := f.Units.unit(v.s)
		if !ok {
			prob(RuleUnit, f.Units.Code)
			return ps
		}
		if places(v) > f.decimals {
			prob(RuleDecimals, strconv.Itoa(f.decimals))
		}
		if !f.NegativeAllowed && numSign(v) < 0 {
			prob(RuleNegative, "")
		}
		if f.min.set || f.max.set {
			std := v.decimal().Mul(u.Factor).Add(u.Offset)
			if f.min.set && std.LessThan(f.min.d) {
				prob(RuleMin, f.min.d.String())
			}
			if f.max.set && std.GreaterThan(f.max.d) {
				prob(RuleMax, f.max.d.String())
			}
		}
	case PriceField:
		c.checkPrices(f, v, ci, fv.Channel != "", prob)
	case DateField:
		if !validDate(v.n) {
			prob(RuleType, "date")
		}
		if f.minDate != 0 && v.n < f.minDate {
			prob(RuleMin, formatDate(f.minDate))
		}
		if f.maxDate != 0 && v.n > f.maxDate {
			prob(RuleMax, formatDate(f.maxDate))
		}
	case SimpleSelect:
		if _, ok := f.options[v.s]; !ok {
			prob(RuleOption, f.Code)
		}
	case MultiSelect:
		list := v.x.list
		if f.MaxItems > 0 && len(list) > f.MaxItems {
			prob(RuleMaxItems, strconv.Itoa(f.MaxItems))
		}
		for i, o := range list {
			_, ok := f.options[o]
			for j := 0; j < i && ok; j++ {
				ok = list[j] != o
			}
			if !ok {
				prob(RuleOption, f.Code)
				break
			}
		}
	case Image, File:
		as := v.x.assets
		if f.MaxItems > 0 && len(as) > f.MaxItems {
			prob(RuleMaxItems, strconv.Itoa(f.MaxItems))
		}
		for _, a := range as {
			if p, ok := checkAssetRef(a.Ref); !ok {
				prob(RuleReference, p)
				continue
			}
			if len(f.exts) > 0 {
				ext := strings.ToLower(strings.TrimPrefix(path.Ext(a.Ref), "."))
				if _, ok := f.exts[ext]; !ok {
					prob(RuleExtension, strings.Join(sortedKeys(f.exts), ","))
				}
			}
			if a.Size < 0 || (f.MaxSize > 0 && a.Size > f.MaxSize) {
				prob(RuleMaxSize, strconv.FormatInt(f.MaxSize, 10))
			}
		}
	}
	return ps
}

// checkAssetRef accepts a non-empty reference of at most 2,000 bytes
// without surrounding spaces, control characters, commas or '|', which the
// CSV format uses as separators.
func checkAssetRef(s string) (string, bool) {
	if s == "" {
		return "empty", false
	}
	if len(s) > 2000 {
		return "2000", false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return "space", false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == ',' || c == '|' {
			return "character", false
		}
	}
	return "", true
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

func validDate(n int64) bool {
	y, m, d := n/10000, n/100%100, n%100
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int64{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		days = 29
	}
	return d <= days
}

func (c *Compiled) checkNumber(f *cfield, v *Value, prob func(rule, param string)) {
	if places(v) > f.decimals {
		prob(RuleDecimals, strconv.Itoa(f.decimals))
	}
	if !f.NegativeAllowed && numSign(v) < 0 {
		prob(RuleNegative, "")
	}
	if f.min.set && cmpBound(v, f.min) < 0 {
		prob(RuleMin, f.min.d.String())
	}
	if f.max.set && cmpBound(v, f.max) > 0 {
		prob(RuleMax, f.max.d.String())
	}
}

func (c *Compiled) checkPrices(f *cfield, v *Value, ci int32, scoped bool, prob func(rule, param string)) {
	ps := v.x.prices
	for i, p := range ps {
		u, amt := p.Currency(), p.Amount()
		bad := u.String() == "XXX"
		for j := 0; j < i && !bad; j++ {
			bad = ps[j].Currency() == u
		}
		if !bad && len(c.currencies) > 0 {
			if scoped {
				bad = true
				for _, cu := range c.chCurs[ci] {
					if cu == u {
						bad = false
						break
					}
				}
			} else {
				bad = !c.curSet[u]
			}
		}
		if bad {
			prob(RuleCurrency, u.String())
			continue
		}
		dec := f.decimals
		if dec == 0 {
			dec = int(money.Scale(u))
		}
		if decimalPlaces(amt) > dec {
			prob(RuleDecimals, strconv.Itoa(dec))
		}
		if !f.NegativeAllowed && amt.Sign() < 0 {
			prob(RuleNegative, u.String())
		}
		if f.min.set && amt.LessThan(f.min.d) {
			prob(RuleMin, f.min.d.String())
		}
		if f.max.set && amt.GreaterThan(f.max.d) {
			prob(RuleMax, f.max.d.String())
		}
	}
}

// places returns the number of significant decimals of a number value:
// 18.50 has 1, 18 has 0, 1e3 has 0.
func places(v *Value) int {
	if v.x != nil && v.b {
		return decimalPlaces(v.x.big)
	}
	n, e := v.n, v.e
	if e >= 0 || n == 0 {
		return 0
	}
	for e < 0 && n%10 == 0 {
		n /= 10
		e++
	}
	return int(-e)
}

func decimalPlaces(d decimal.Decimal) int {
	e := d.Exponent()
	if e >= 0 || d.IsZero() {
		return 0
	}
	if d.NumDigits() <= 18 {
		return places(&Value{n: d.CoefficientInt64(), e: e})
	}
	p := int(-e)
	for p > 0 && d.Equal(d.Truncate(int32(p-1))) {
		p--
	}
	return p
}

func numSign(v *Value) int {
	if v.x != nil && v.b {
		return v.x.big.Sign()
	}
	switch {
	case v.n < 0:
		return -1
	case v.n > 0:
		return 1
	}
	return 0
}

// cmpBound compares a number value with a bound without allocating when
// both fit an int64 at a common exponent.
func cmpBound(v *Value, b bound) int {
	if b.small && !(v.x != nil && v.b) {
		if r, ok := cmpSmall(v.n, v.e, b.n, b.e); ok {
			return r
		}
	}
	return v.decimal().Cmp(b.d)
}

func cmpSmall(n1 int64, e1 int32, n2 int64, e2 int32) (int, bool) {
	for e1 > e2 {
		if n1 > math.MaxInt64/10 || n1 < math.MinInt64/10 {
			return 0, false
		}
		n1 *= 10
		e1--
	}
	for e2 > e1 {
		if n2 > math.MaxInt64/10 || n2 < math.MinInt64/10 {
			return 0, false
		}
		n2 *= 10
		e2--
	}
	switch {
	case n1 < n2:
		return -1, true
	case n1 > n2:
		return 1, true
	}
	return 0, true
}

func sortedKeys(m map[string]struct{}) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slicesSort(out)
	return out
}
