// Package validate holds pimkit's one go-playground/validator instance, set
// up once with field names from JSON tags and the project's own tags, and
// turns its errors into a plain list of problems that each package wraps in
// its own error type. No validator type leaves this package.
//
// Project tags:
//
//	cvr       a Danish CVR number: 8 digits, optional "DK" prefix, weights
//	          2,7,6,5,4,3,2,1, sum divisible by 11 (DK43782495 is valid)
//	vatid     an EU VAT number's shape: two-letter country prefix and 2-13
//	          letters or digits (DK43782495, DE123456789)
//	dgt=N, dgte=N, dlt=N, dlte=N
//	          decimal.Decimal ranges, compared exactly: dgte=0, dlte=100; also
//	          any type with a Decimal() decimal.Decimal method (contract.Decimal)
//	currency  an ISO 4217 code (string) or a non-zero currency.Unit
//	langtag   a well-formed BCP 47 language tag (string) or a non-root
//	          language.Tag
//
// Tags that touch the file system or network (file, dir, uds_exists, ...)
// are never used in pimkit.
package validate

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// Violation is one broken rule: the field's JSON path ("lines[2].quantity"),
// the rule's tag ("required", "cvr", "dgte") and its parameter ("0").
type Violation struct {
	Field string
	Rule  string
	Param string
}

// String returns "lines[2].quantity: dgte 0".
func (p Violation) String() string {
	s := p.Field + ": " + p.Rule
	if p.Param != "" {
		s += " " + p.Param
	}
	return s
}

var (
	once sync.Once
	v    *validator.Validate
)

func instance() *validator.Validate {
	once.Do(func() {
		v = validator.New(validator.WithRequiredStructEnabled())
		v.RegisterTagNameFunc(func(f reflect.StructField) string {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			switch name {
			case "-":
				return ""
			case "":
				return f.Name
			}
			return name
		})
		must(v.RegisterValidation("cvr", func(fl validator.FieldLevel) bool {
			return ValidCVR(fl.Field().String())
		}))
		must(v.RegisterValidation("vatid", func(fl validator.FieldLevel) bool {
			return validVATID(fl.Field().String())
		}))
		for tag, ok := range map[string]func(c int) bool{
			"dgt":  func(c int) bool { return c > 0 },
			"dgte": func(c int) bool { return c >= 0 },
			"dlt":  func(c int) bool { return c < 0 },
			"dlte": func(c int) bool { return c <= 0 },
		} {
			must(v.RegisterValidation(tag, decimalRange(ok)))
		}
		must(v.RegisterValidation("currency", func(fl validator.FieldLevel) bool {
			switch x := fl.Field().Interface().(type) {
			case string:
				_, err := currency.ParseISO(x)
				return err == nil && len(x) == 3
			case currency.Unit:
				return x != currency.Unit{}
			}
			return false
		}))
		must(v.RegisterValidation("langtag", func(fl validator.FieldLevel) bool {
			switch x := fl.Field().Interface().(type) {
			case string:
				_, err := language.Parse(x)
				return err == nil && x != ""
			case language.Tag:
				return x != language.Und
			}
			return false
		}))
	})
	return v
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func decimalRange(ok func(cmp int) bool) validator.Func {
	return func(fl validator.FieldLevel) bool {
		var d decimal.Decimal
		switch x := fl.Field().Interface().(type) {
		case decimal.Decimal:
			d = x
		case interface{ Decimal() decimal.Decimal }: // contract.Decimal, contract.Percent
			d = x.Decimal()
		default:
			return false
		}
		bound, err := decimal.NewFromString(fl.Param())
		if err != nil {
			return false
		}
		return ok(d.Cmp(bound))
	}
}

// Struct validates s by its `validate` tags and returns every problem, in
// field order, or nil when s is valid. A value that is not a struct or
// pointer to one is reported as a single problem with Rule "struct".
func Struct(s any) []Violation {
	err := instance().Struct(s)
	if err == nil {
		return nil
	}
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return []Violation{{Field: "", Rule: "struct"}}
	}
	out := make([]Violation, 0, len(verrs))
	for _, fe := range verrs {
		out = append(out, Violation{Field: path(fe.Namespace()), Rule: fe.Tag(), Param: fe.Param()})
	}
	return out
}

// path drops the top-level struct name from a validator namespace:
// "Invoice.lines[2].quantity" -> "lines[2].quantity".
func path(ns string) string {
	if i := strings.IndexByte(ns, '.'); i >= 0 {
		return ns[i+1:]
	}
	return ns
}

// ValidCVR reports whether s is a valid Danish CVR number: eight digits, the
// first not zero, optionally prefixed "DK", whose digits weighted
// 2,7,6,5,4,3,2,1 sum to a multiple of 11. ValidCVR("DK43782495") is true.
func ValidCVR(s string) bool {
	s = strings.TrimPrefix(s, "DK")
	if len(s) != 8 || s[0] == '0' {
		return false
	}
	weights := [8]int{2, 7, 6, 5, 4, 3, 2, 1}
	sum := 0
	for i := 0; i < 8; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		sum += int(c-'0') * weights[i]
	}
	return sum%11 == 0
}

func validVATID(s string) bool {
	if len(s) < 4 || len(s) > 15 {
		return false
	}
	for i := 0; i < 2; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	if s[:2] == "DK" {
		return ValidCVR(s)
	}
	for i := 2; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// Join renders an error message: head, then ": " and the items separated by
// "; " when there are any. Every package's ValidationError renders its
// problems with it: Join("billing: invalid invoice", problems) is
// "billing: invalid invoice: due: after; lines: min".
func Join[T fmt.Stringer](head string, items []T) string {
	var b strings.Builder
	b.WriteString(head)
	for i, it := range items {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(it.String())
	}
	return b.String()
}
