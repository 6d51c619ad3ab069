package catalog

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Compiled is a schema compiled once against the host's channels into a
// validator and completeness calculator. It holds only precomputed slices
// and maps, so checking a record costs one map lookup per value and no
// reflection. A Compiled is immutable and safe for concurrent use.
type Compiled struct {
	schema     Schema
	fields     []cfield
	index      map[string]int32
	channels   []Channel
	locales    []contract.Locale // union of the channels' locales, first-seen order
	chLocales  [][]int32         // per channel: indices into locales
	currencies []currency.Unit   // union of the channels' currencies
	chCurs     [][]currency.Unit // per channel: its currencies
	combos     []combo           // channel x locale, channel order then locale order
	nslots     int32             // bits in a record's slot map
	unique     []int32           // fields with Unique
	idRule     string            // "sku" for products, "id" otherwise
	chLocSet   [][]bool          // chLocSet[ch][loc]: locale active in channel
	curSet     map[currency.Unit]bool
	required   []requiredSlot // every required slot once, schema order
	packHash   uint32         // fingerprint of the layout a Packed depends on
}

// requiredSlot is one slot the required rule checks: reported with path
// values.field[loc][ch] and Param the first channel requiring it.
type requiredSlot struct {
	slot  int32
	field int32
	param int32
	loc   contract.Locale
	ch    string
	path  string // values.field[loc][ch]
	msg   string // the English message of the problem
}

type cfield struct {
	Field
	minDate, maxDate int64 // yyyymmdd, 0 = unbounded
	idx              int32
	off              int32 // first slot
	nc               int32 // slots per locale: channels when scopable or a price, else 1
	maxLen           int
	min, max         bound
	options          map[string]struct{}
	exts             map[string]struct{}
	reqIn            []bool // per channel
	numeric          bool
	decimals         int
	unit             Unit       // a measurement's unit: DefaultUnit, else the standard unit
	conv             []unitConv // per unit of Units.Units: the exact int64 path to unit, if any
}

type bound struct {
	set   bool
	small bool
	n     int64
	e     int32
	d     decimal.Decimal
}

func newBound(nd *contract.Decimal) bound {
	if nd == nil {
		return bound{}
	}
	d := nd.Decimal()
	b := bound{set: true, d: d}
	if d.NumDigits() <= 18 {
		b.small, b.n, b.e = true, d.CoefficientInt64(), d.Exponent()
	}
	return b
}

type combo struct {
	ch, loc  int32
	req      []int32 // required slots
	reqField []int32 // their fields
	all      []int32 // every slot that applies to this channel and locale
	allField []int32
	images   []int32 // slots of image fields
}

const (
	defaultMaxText     = 255
	defaultMaxTextarea = 65535
)

// Compile checks the schema and the channels and compiles them; the
// result keeps its own copy of both. Every problem is reported at once in
// a [*contract.ValidationError] unwrapping to [ErrInvalid]. First come the
// `validate` tags of [Schema], [Field], [SelectOption], [Unit] and
// [Channel]: an empty code ("fields[3].code", rule required), one over
// 100 characters (rule max), a field without a type ("fields[3].type",
// rule required), a negative MaxLength, Decimals, MaxItems or MaxSize
// (rule gte), a channel without locales ("channels[0].locales", rule
// min). Then the rules that span fields and channels: codes with other
// characters than ASCII letters, digits and '_' (rule code), reserved
// (rule reserved, "sku") or repeated (rule duplicate); a rule its type
// does not have (rule field_rule, e.g. Decimals on a TextField); Min
// above Max; unknown channels in Required; a measurement whose standard
// unit is not among its units; identifier or unique fields that are
// localizable or scopable; a zero or repeated locale or currency in a
// channel ("channels[0].locales[1]", rule locale).
func (s Schema) Compile(channels ...Channel) (*Compiled, error) {
	s.Fields = slices.Clone(s.Fields)
	for i := range s.Fields {
		f := &s.Fields[i]
		f.Labels, f.Required, f.Options = slices.Clone(f.Labels), slices.Clone(f.Required), slices.Clone(f.Options)
		f.Extensions, f.Units.Units = slices.Clone(f.Extensions), slices.Clone(f.Units.Units)
		f.Min, f.Max = cloneDec(f.Min), cloneDec(f.Max)
	}
	c := &Compiled{schema: s, index: make(map[string]int32, len(s.Fields)), idRule: "id", curSet: map[currency.Unit]bool{}}
	if s.Type == TypeProduct {
		c.idRule = "sku"
	}
	var ps problems
	ps.Check("", s)
	for i := range channels {
		ps.Check("channels["+strconv.Itoa(i)+"]", channels[i])
	}
	if s.Type != "" {
		checkCode(&ps, "type", string(s.Type), true, false)
	}
	chIdx := map[string]int{}
	for i, ch := range channels {
		path := "channels[" + strconv.Itoa(i) + "]"
		if checkCode(&ps, path+".code", ch.Code, true, false) {
			if _, dup := chIdx[ch.Code]; dup {
				ps.Add(path+".code", RuleDuplicate, ch.Code)
			}
		}
		chIdx[ch.Code] = i
		var locs []int32
		seen := map[contract.Locale]bool{}
		for j, l := range ch.Locales {
			if l.IsZero() || seen[l] {
				ps.Add(path+".locales["+strconv.Itoa(j)+"]", RuleLocale, l.String())
				continue
			}
			seen[l] = true
			li := c.localeIndex(l)
			if li < 0 {
				c.locales = append(c.locales, l)
				li = len(c.locales) - 1
			}
			locs = append(locs, int32(li))
		}
		c.chLocales = append(c.chLocales, locs)
		seenCur := map[currency.Unit]bool{}
		var units []currency.Unit
		for j, cur := range ch.Currencies {
			u := cur.Unit()
			if cur.IsZero() || seenCur[u] {
				ps.Add(path+".currencies["+strconv.Itoa(j)+"]", RuleCurrency, u.String())
				continue
			}
			seenCur[u] = true
			units = append(units, u)
			if !c.curSet[u] {
				c.curSet[u] = true
				c.currencies = append(c.currencies, u)
			}
		}
		c.chCurs = append(c.chCurs, units)
		ch.Locales = slices.Clone(ch.Locales)
		ch.Currencies = slices.Clone(ch.Currencies)
		c.channels = append(c.channels, ch)
	}
	c.chLocSet = make([][]bool, len(c.channels))
	for i, locs := range c.chLocales {
		c.chLocSet[i] = make([]bool, len(c.locales))
		for _, l := range locs {
			c.chLocSet[i][l] = true
		}
	}
	nl, nch := int32(max(len(c.locales), 1)), int32(max(len(c.channels), 1))
	var off int32
	for i, f := range s.Fields {
		path := "fields[" + strconv.Itoa(i) + "]"
		if checkCode(&ps, path+".code", f.Code, true, true) {
			if _, dup := c.index[f.Code]; dup {
				ps.Add(path+".code", RuleDuplicate, f.Code)
			}
		}
		cf := cfield{Field: f, idx: int32(i), off: off, nc: 1}
		if f.Scopable || f.Type == PriceField {
			cf.nc = nch
		}
		loc := int32(1)
		if f.Localizable {
			loc = nl
		}
		off += loc * cf.nc
		compileField(&ps, path, &cf, chIdx, len(c.channels))
		if f.Unique {
			c.unique = append(c.unique, int32(i))
		}
		c.index[f.Code] = int32(i)
		c.fields = append(c.fields, cf)
	}
	c.nslots = off
	if err := ps.Err("compile schema", ErrInvalid); err != nil {
		return nil, err
	}
	c.buildCombos()
	c.buildRequired()
	c.packHash = c.packKey()
	return c, nil
}

func compileField(ps *problems, path string, cf *cfield, chIdx map[string]int, nch int) {
	f := cf.Field
	bad := func(rule string) {
		ps.Add(path+"."+rule, RuleFieldRule, f.Type.String())
	}
	t := f.Type
	if t == fieldInvalid {
		return // the required tag reports it
	}
	if int(t) >= len(fieldTypeNames) {
		ps.Add(path+".type", RuleType, "")
		return
	}
	is := func(ts ...FieldType) bool {
		for _, x := range ts {
			if t == x {
				return true
			}
		}
		return false
	}
	if f.MaxLength > 0 && !is(Identifier, TextField, Textarea, Reference) {
		bad("max_length")
	}
	cf.maxLen = f.MaxLength
	if cf.maxLen == 0 {
		cf.maxLen = defaultMaxText
		if t == Textarea {
			cf.maxLen = defaultMaxTextarea
		}
	}
	cf.numeric = is(NumberField, Measurement, PriceField)
	if (f.Min != nil || f.Max != nil) && !cf.numeric {
		bad("min")
	}
	if f.Min != nil && f.Max != nil && f.Min.Decimal().GreaterThan(f.Max.Decimal()) {
		ps.Add(path+".min", RuleMax, f.Max.String())
	}
	cf.min, cf.max = newBound(f.Min), newBound(f.Max)
	if !f.MinDate.IsZero() {
		cf.minDate = dateNum(f.MinDate)
	}
	if !f.MaxDate.IsZero() {
		cf.maxDate = dateNum(f.MaxDate)
	}
	if f.Decimals > 0 && !cf.numeric {
		bad("decimals")
	}
	cf.decimals = f.Decimals
	if f.NegativeAllowed && !cf.numeric {
		bad("negative_allowed")
	}
	if (!f.MinDate.IsZero() || !f.MaxDate.IsZero()) && t != DateField {
		bad("min_date")
	}
	if !f.MinDate.IsZero() && !f.MaxDate.IsZero() && dateNum(f.MinDate) > dateNum(f.MaxDate) {
		ps.Add(path+".min_date", RuleMax, formatDate(dateNum(f.MaxDate)))
	}
	if len(f.Options) > 0 && !is(SimpleSelect, MultiSelect) {
		bad("options")
	}
	cf.options = make(map[string]struct{}, len(f.Options))
	for j, o := range f.Options {
		op := path + ".options[" + strconv.Itoa(j) + "].code"
		if !checkCode(ps, op, o.Code, true, false) {
		} else if _, dup := cf.options[o.Code]; dup {
			ps.Add(op, RuleDuplicate, o.Code)
		}
		cf.options[o.Code] = struct{}{}
	}
	if f.MaxItems > 0 && !is(MultiSelect, Image, File) {
		bad("max_items")
	}
	if (len(f.Extensions) > 0 || f.MaxSize > 0) && !is(Image, File) {
		bad("extensions")
	}
	cf.exts = map[string]struct{}{}
	for _, e := range f.Extensions {
		cf.exts[strings.ToLower(strings.TrimPrefix(e, "."))] = struct{}{}
	}
	if t == Measurement {
		if _, ok := f.Units.unit(f.Units.Standard); !ok {
			ps.Add(path+".units.standard", RuleUnit, f.Units.Standard)
		}
		seen := map[string]bool{}
		for j, u := range f.Units.Units {
			if u.Code != "" && utf8.RuneCountInString(u.Code) <= maxCodeLen && (!validCode(u.Code) || seen[u.Code]) {
				ps.Add(path+".units.units["+strconv.Itoa(j)+"].code", RuleUnit, safeSegment(u.Code))
			}
			seen[u.Code] = true
		}
		if f.DefaultUnit != "" && !seen[f.DefaultUnit] {
			ps.Add(path+".default_unit", RuleUnit, f.DefaultUnit)
		}
		code := f.DefaultUnit
		if code == "" {
			code = f.Units.Standard
		}
		cf.unit, _ = f.Units.unit(code)
		cf.conv = make([]unitConv, len(f.Units.Units))
		for j, u := range f.Units.Units {
			if u2, ok := f.Units.unit(u.Code); ok && u.Code != "" {
				cf.conv[j] = newUnitConv(u2, cf.unit)
			}
		}
	} else if f.Units.Code != "" || len(f.Units.Units) > 0 || f.DefaultUnit != "" {
		bad("units")
	}
	if f.RefType != "" && t != Reference {
		bad("ref_type")
	}
	if f.PriceBasis != ExclVAT && t != PriceField {
		bad("price_basis")
	}
	if f.Unique && !is(Identifier, TextField, GTIN) {
		bad("unique")
	}
	if (f.Unique || t == Identifier) && (f.Localizable || f.Scopable) {
		bad("localizable")
	}
	cf.reqIn = make([]bool, nch)
	for j, code := range f.Required {
		i, ok := chIdx[code]
		if !ok {
			ps.Add(path+".required["+strconv.Itoa(j)+"]", RuleChannel, code)
			continue
		}
		cf.reqIn[i] = true
	}
}

// cloneDec returns a copy of *d, or nil, so that a compiled schema shares
// no bound with the host's.
func cloneDec(d *contract.Decimal) *contract.Decimal {
	if d == nil {
		return nil
	}
	c := *d
	return &c
}

func dateNum(t contract.Date) int64 {
	y, m, d := t.Date()
	return int64(y)*10000 + int64(m)*100 + int64(d)
}

func (c *Compiled) localeIndex(t contract.Locale) int {
	for i, l := range c.locales {
		if l == t {
			return i
		}
	}
	return -1
}

func (c *Compiled) channelIndex(code string) int {
	for i := range c.channels {
		if c.channels[i].Code == code {
			return i
		}
	}
	return -1
}

// slot returns the slot of field f in locale li and channel ci (either may
// be 0 when the field does not vary by it).
func (f *cfield) slot(li, ci int32) int32 {
	if !f.Localizable {
		li = 0
	}
	if f.nc == 1 {
		ci = 0
	}
	return f.off + li*f.nc + ci
}

func (c *Compiled) buildCombos() {
	for ci, locs := range c.chLocales {
		for _, li := range locs {
			cb := combo{ch: int32(ci), loc: li}
			for i := range c.fields {
				f := &c.fields[i]
				s := f.slot(li, int32(ci))
				cb.all = append(cb.all, s)
				cb.allField = append(cb.allField, int32(i))
				if f.reqIn[ci] {
					cb.req = append(cb.req, s)
					cb.reqField = append(cb.reqField, int32(i))
				}
				if f.Type == Image {
					cb.images = append(cb.images, s)
				}
			}
			c.combos = append(c.combos, cb)
		}
	}
}

// buildRequired lists each required slot once: a slot shared by several
// channels (a field that is not scopable) is reported for the first channel
// requiring it. A price always has a slot per channel, since each channel
// needs its own currencies.
func (c *Compiled) buildRequired() {
	seen := map[int32]bool{}
	for i := range c.fields {
		f := &c.fields[i]
		for ci, req := range f.reqIn {
			if !req {
				continue
			}
			ch := ""
			if f.Scopable {
				ch = c.channels[ci].Code
			}
			locs := []int32{0}
			if f.Localizable {
				locs = c.chLocales[ci]
			}
			for _, li := range locs {
				s := f.slot(li, int32(ci))
				if seen[s] {
					continue
				}
				seen[s] = true
				loc := contract.Locale{}
				if f.Localizable {
					loc = c.locales[li]
				}
				c.required = append(c.required, requiredSlot{slot: s, field: int32(i), param: int32(ci), loc: loc, ch: ch,
					path: valuePath("", f.Code, loc, ch), msg: contract.RuleMessage(RuleRequired, c.channels[ci].Code)})
			}
		}
	}
}

// Schema returns a copy of the schema c was compiled from; changing it
// does not change c.
func (c *Compiled) Schema() Schema {
	s := c.schema
	s.Fields = slices.Clone(s.Fields)
	for i := range s.Fields {
		f := &s.Fields[i]
		f.Min, f.Max = cloneDec(f.Min), cloneDec(f.Max)
	}
	return s
}

// Channels returns the channels c was compiled against, in order.
func (c *Compiled) Channels() []Channel { return append([]Channel(nil), c.channels...) }

func slicesSort(s []string) { slices.Sort(s) }
