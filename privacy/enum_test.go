package privacy

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/language"
)

type textEnum interface {
	String() string
	MarshalText() ([]byte, error)
}

// TestEnumsText checks every enum value's text form round-trips, that
// String agrees with MarshalText, and that a value outside the table
// neither marshals nor panics.
func TestEnumsText(t *testing.T) {
	type enum struct {
		name   string
		values func(n uint8) textEnum
		parse  func([]byte) (textEnum, error)
		first  uint8
		count  int
	}
	mk := func(name string, names []string, first uint8, conv func(uint8) textEnum, parse func([]byte) (textEnum, error)) enum {
		return enum{name, conv, parse, first, len(names)}
	}
	enums := []enum{
		mk("LegalBasis", basisNames, 1, func(n uint8) textEnum { return LegalBasis(n) }, func(b []byte) (textEnum, error) { var v LegalBasis; err := v.UnmarshalText(b); return v, err }),
		mk("Art9Condition", art9Names, 0, func(n uint8) textEnum { return Art9Condition(n) }, func(b []byte) (textEnum, error) { var v Art9Condition; err := v.UnmarshalText(b); return v, err }),
		mk("Special", specialNames, 0, func(n uint8) textEnum { return Special(n) }, func(b []byte) (textEnum, error) { var v Special; err := v.UnmarshalText(b); return v, err }),
		mk("RequestKind", requestKindNames, 1, func(n uint8) textEnum { return RequestKind(n) }, func(b []byte) (textEnum, error) { var v RequestKind; err := v.UnmarshalText(b); return v, err }),
		mk("RequestState", requestStateNames, 1, func(n uint8) textEnum { return RequestState(n) }, func(b []byte) (textEnum, error) { var v RequestState; err := v.UnmarshalText(b); return v, err }),
		mk("RequestAction", requestActionNames, 1, func(n uint8) textEnum { return RequestAction(n) }, func(b []byte) (textEnum, error) { var v RequestAction; err := v.UnmarshalText(b); return v, err }),
		mk("ConsentAction", consentActionNames, 1, func(n uint8) textEnum { return ConsentAction(n) }, func(b []byte) (textEnum, error) { var v ConsentAction; err := v.UnmarshalText(b); return v, err }),
		mk("Method", methodNames, 1, func(n uint8) textEnum { return Method(n) }, func(b []byte) (textEnum, error) { var v Method; err := v.UnmarshalText(b); return v, err }),
		mk("ConsentStatus", consentStatusNames, 0, func(n uint8) textEnum { return ConsentStatus(n) }, func(b []byte) (textEnum, error) { var v ConsentStatus; err := v.UnmarshalText(b); return v, err }),
		mk("Renewal", renewalNames, 0, func(n uint8) textEnum { return Renewal(n) }, func(b []byte) (textEnum, error) { var v Renewal; err := v.UnmarshalText(b); return v, err }),
		mk("Role", roleNames, 1, func(n uint8) textEnum { return Role(n) }, func(b []byte) (textEnum, error) { var v Role; err := v.UnmarshalText(b); return v, err }),
		mk("Source", sourceNames, 1, func(n uint8) textEnum { return Source(n) }, func(b []byte) (textEnum, error) { var v Source; err := v.UnmarshalText(b); return v, err }),
		mk("RecipientKind", recipientKindNames, 1, func(n uint8) textEnum { return RecipientKind(n) }, func(b []byte) (textEnum, error) { var v RecipientKind; err := v.UnmarshalText(b); return v, err }),
		mk("Safeguard", safeguardNames, 0, func(n uint8) textEnum { return Safeguard(n) }, func(b []byte) (textEnum, error) { var v Safeguard; err := v.UnmarshalText(b); return v, err }),
		mk("RetentionKind", retentionKindNames, 1, func(n uint8) textEnum { return RetentionKind(n) }, func(b []byte) (textEnum, error) { var v RetentionKind; err := v.UnmarshalText(b); return v, err }),
		mk("CookiePromise", cookiePromiseNames, 0, func(n uint8) textEnum { return CookiePromise(n) }, func(b []byte) (textEnum, error) { var v CookiePromise; err := v.UnmarshalText(b); return v, err }),
		mk("ChangeKind", changeKindNames, 1, func(n uint8) textEnum { return ChangeKind(n) }, func(b []byte) (textEnum, error) { var v ChangeKind; err := v.UnmarshalText(b); return v, err }),
		mk("RetentionAction", retentionActionNames, 1, func(n uint8) textEnum { return RetentionAction(n) }, func(b []byte) (textEnum, error) { var v RetentionAction; err := v.UnmarshalText(b); return v, err }),
		mk("MaskKind", maskKindNames, 1, func(n uint8) textEnum { return MaskKind(n) }, func(b []byte) (textEnum, error) { var v MaskKind; err := v.UnmarshalText(b); return v, err }),
		mk("Risk", riskNames, 1, func(n uint8) textEnum { return Risk(n) }, func(b []byte) (textEnum, error) { var v Risk; err := v.UnmarshalText(b); return v, err }),
		mk("GPC", gpcNames, 0, func(n uint8) textEnum { return GPC(n) }, func(b []byte) (textEnum, error) { var v GPC; err := v.UnmarshalText(b); return v, err }),
		mk("ConsentModeValue", consentModeNames, 0, func(n uint8) textEnum { return ConsentModeValue(n) }, func(b []byte) (textEnum, error) { var v ConsentModeValue; err := v.UnmarshalText(b); return v, err }),
		mk("CookieCategory", cookieCategoryNames, 1, func(n uint8) textEnum { return CookieCategory(n) }, func(b []byte) (textEnum, error) { var v CookieCategory; err := v.UnmarshalText(b); return v, err }),
	}
	for _, e := range enums {
		t.Run(e.name, func(t *testing.T) {
			for n := e.first; int(n) < e.count; n++ {
				v := e.values(n)
				b, err := v.MarshalText()
				if err != nil || string(b) != v.String() {
					t.Errorf("%s(%d).MarshalText() = %q, %v; String() = %q", e.name, n, b, err, v)
					continue
				}
				back, err := e.parse(b)
				if err != nil || back != v {
					t.Errorf("UnmarshalText(%q) = %v, %v, want %v", b, back, err, v)
				}
			}
			out := e.values(200)
			if _, err := out.MarshalText(); err == nil {
				t.Errorf("%s(200).MarshalText() = nil error", e.name)
			}
			if got, want := out.String(), e.name+"(200)"; got != want {
				t.Errorf("String() = %q, want %q", got, want)
			}
			if _, err := e.parse([]byte("no-such-value")); !errors.Is(err, ErrUnknownValue) {
				t.Errorf("UnmarshalText(no-such-value) = %v, want ErrUnknownValue", err)
			}
		})
	}
}

// TestReasonsHaveDanish checks that every message key declared in
// messages.go has a Danish text in the catalog: rendered in Danish it
// differs from the English key.
func TestReasonsHaveDanish(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "messages.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		lit, ok := node.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		key, _ := strconv.Unquote(lit.Value)
		var args []any
		for range strings.Count(key, "%") {
			args = append(args, 15)
		}
		r := contract.NewReason(cat, key, args...)
		if da := r.In(language.Danish); da == r.String() {
			t.Errorf("no Danish text for %q", key)
		}
		n++
		return true
	})
	if n < 40 {
		t.Errorf("found %d message keys, want at least 40", n)
	}
}

func TestTaxonomyExtend(t *testing.T) {
	tax, err := DefaultTaxonomy().AddUse("marketing.communications.push")
	if err != nil || !tax.HasUse("marketing.communications.push") {
		t.Fatalf("AddUse = %v", err)
	}
	if _, err := tax.AddUse("nope.child"); !errors.Is(err, ErrInvalid) {
		t.Errorf("AddUse(unknown parent) = %v, want ErrInvalid", err)
	}
	tax, err = tax.AddSubject("reseller")
	if err != nil || !tax.HasSubject("reseller") {
		t.Fatalf("AddSubject = %v", err)
	}
	if _, err := tax.AddSubject("Bad Key"); !errors.Is(err, ErrInvalid) {
		t.Errorf("AddSubject(bad) = %v, want ErrInvalid", err)
	}
	var zero Taxonomy
	if z, err := zero.AddCategory("user", NotSpecial); err != nil || len(z.Categories()) != 1 {
		t.Errorf("zero Taxonomy AddCategory = %v, %v", z.Categories(), err)
	}
	uses := DefaultTaxonomy().Uses()
	if len(uses) < 30 || uses[0] != "analytics" || len(DefaultTaxonomy().Subjects()) != 15 {
		t.Errorf("Uses() = %v..., Subjects() = %d", uses[:1], len(DefaultTaxonomy().Subjects()))
	}
}
