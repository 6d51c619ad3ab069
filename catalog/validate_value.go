package catalog

import (
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
)

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
		c.checkMeasure(f, v, prob)
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

// validDate reports whether a date value's yyyymmdd is a calendar date in
// years 1-9999, by the calendar rule of [contract.NewDate].
func validDate(n int64) bool {
	_, err := contract.NewDate(int(n/10000), time.Month(n/100%100), int(n%100))
	return err == nil
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

func sortedKeys(m map[string]struct{}) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slicesSort(out)
	return out
}

// checkMeasure checks a measurement's unit, sign, decimals and bounds;
// decimals and bounds apply to the amount in the field's unit.
func (c *Compiled) checkMeasure(f *cfield, v *Value, prob func(rule, param string)) {
	ui := -1
	for j := range f.Units.Units {
		if f.Units.Units[j].Code == v.s {
			ui = j
			break
		}
	}
	if ui < 0 {
		prob(RuleUnit, f.Units.Code)
		return
	}
	if !f.NegativeAllowed && numSign(v) < 0 {
		prob(RuleNegative, "")
	}
	if v.s == f.unit.Code {
		// Entered in the field's unit: no conversion.
		if places(v) > f.decimals {
			prob(RuleDecimals, strconv.Itoa(f.decimals))
		}
		if f.min.set && cmpBound(v, f.min) < 0 {
			prob(RuleMin, f.min.d.String())
		}
		if f.max.set && cmpBound(v, f.max) > 0 {
			prob(RuleMax, f.max.d.String())
		}
		return
	}
	// Decimals and bounds apply to the amount in the field's unit,
	// converted exactly: 0.81 METER in a CENTIMETER field is 81.
	if cv := f.conv[ui]; cv.ok && !(v.x != nil && v.b) {
		if n, e, ok := cv.apply(v.n, v.e); ok {
			w := Value{kind: kindNumber, n: n, e: e}
			if places(&w) > f.decimals {
				prob(RuleDecimals, strconv.Itoa(f.decimals))
			}
			if f.min.set && cmpBound(&w, f.min) < 0 {
				prob(RuleMin, f.min.d.String())
			}
			if f.max.set && cmpBound(&w, f.max) > 0 {
				prob(RuleMax, f.max.d.String())
			}
			return
		}
	}
	u, _ := f.Units.unit(v.s)
	r := convertRatio(v.decimal(), u, f.unit)
	if q, exact := r.exact(); !exact || decimalPlaces(q) > f.decimals {
		prob(RuleDecimals, strconv.Itoa(f.decimals))
	}
	// r.den > 0, so num/den < min exactly when num < min x den.
	if f.min.set && r.num.LessThan(f.min.d.Mul(r.den)) {
		prob(RuleMin, f.min.d.String())
	}
	if f.max.set && r.num.GreaterThan(f.max.d.Mul(r.den)) {
		prob(RuleMax, f.max.d.String())
	}
}
