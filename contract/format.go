package contract

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// numberFormat is how a language writes numbers, amounts and percentages,
// from CLDR: its decimal and grouping symbols (read from x/text's number
// data) and the positions of the currency symbol and the percent sign.
type numberFormat struct {
	decimal, group string
	symbolFirst    bool   // "DKK 1,234.50" (en) rather than "1.234,50 kr." (da)
	symbolSpace    string // between a leading symbol and the number
	percentSpace   string // "99,9 %" (da) or "99.9%" (en)
}

var numberFormats sync.Map // base language string -> numberFormat

// Languages whose CLDR currency pattern puts the symbol first; every other
// language puts it last, after a no-break space ("#,##0.00 ¤").
var (
	symbolFirstTight = map[string]bool{"en": true, "zh": true, "ja": true, "ko": true, "th": true, "hi": true, "ga": true, "he": false}
	symbolFirstSpace = map[string]bool{"nl": true, "pt": true}
	// Languages whose CLDR percent pattern has no space ("#,##0%").
	percentTight = map[string]bool{"en": true, "nl": true, "zh": true, "ja": true, "ko": true, "pt": true, "it": true, "th": true, "hi": true, "ga": true}
)

// formatFor returns the number format of tag's base language, learning the
// decimal and grouping symbols once from x/text's CLDR data by formatting a
// constant (never an amount) and reading the symbols back.
func formatFor(tag language.Tag) numberFormat {
	base, _ := tag.Base()
	key := base.String()
	if f, ok := numberFormats.Load(key); ok {
		return f.(numberFormat)
	}
	probe := message.NewPrinter(language.Make(key)).Sprintf("%.1f", 1234.5)
	f := numberFormat{decimal: ".", group: ","}
	// probe is "1<group>234<decimal>5".
	if i, j := strings.IndexByte(probe, '1'), strings.Index(probe, "234"); i == 0 && j > 1 {
		f.group = probe[1:j]
		if k := strings.LastIndexByte(probe, '5'); k > j+3 {
			f.decimal = probe[j+3 : k]
		}
	}
	if symbolFirstTight[key] {
		f.symbolFirst = true
	} else if symbolFirstSpace[key] {
		f.symbolFirst, f.symbolSpace = true, "\u00a0"
	}
	if !percentTight[key] {
		f.percentSpace = "\u00a0"
	}
	numberFormats.Store(key, f)
	return f
}

// number formats plain decimal text ("-1234.50") with the language's
// symbols: "-1.234,50" in Danish.
func (f numberFormat) number(text string) string {
	neg := strings.HasPrefix(text, "-")
	text = strings.TrimPrefix(text, "-")
	intPart, frac, hasFrac := strings.Cut(text, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(f.group)
		}
		b.WriteByte(intPart[i])
	}
	if hasFrac {
		b.WriteString(f.decimal)
		b.WriteString(frac)
	}
	return b.String()
}

func (f numberFormat) currency(num string, cur currency.Unit, tag language.Tag) string {
	sym := message.NewPrinter(tag).Sprint(currency.Symbol(cur))
	if f.symbolFirst {
		sign := ""
		if strings.HasPrefix(num, "-") {
			sign, num = "-", num[1:]
		}
		space := f.symbolSpace
		// CLDR currency spacing: a symbol that ends in a letter ("DKK",
		// "kr") is kept apart from the digits by a no-break space; "$" and
		// "€" are not.
		if r, _ := utf8.DecodeLastRuneInString(sym); space == "" && !unicode.IsSymbol(r) && !unicode.IsSpace(r) {
			space = "\u00a0"
		}
		return sign + sym + space + num
	}
	return num + "\u00a0" + sym
}

// FormatDecimal renders d exactly in the language of tag, with its CLDR
// decimal and grouping symbols: 1234.5 is "1.234,5" in Danish and
// "1,234.5" in English. It never converts d to a float.
func FormatDecimal(d decimal.Decimal, tag language.Tag) string {
	return formatFor(tag).number(d.String())
}

// Percent is a percentage as an exact decimal: Percent(99.9) is 99.9 %.
// Reasons format it in the reader's language ("99,9 %" in Danish, "99.9%"
// in English); go-cmp compares it with [Percent.Equal].
type Percent decimal.Decimal

// PercentOf returns d as a percentage: PercentOf(decimal.RequireFromString("99.9")).
func PercentOf(d decimal.Decimal) Percent { return Percent(d) }

// Decimal returns the percentage as a number: 99.9 for 99.9 %.
func (p Percent) Decimal() decimal.Decimal { return decimal.Decimal(p) }

// Equal reports whether p and q are numerically equal.
func (p Percent) Equal(q Percent) bool { return p.Decimal().Equal(q.Decimal()) }

// String returns "99.9%".
func (p Percent) String() string { return p.Decimal().String() + "%" }

// Format renders p in the language of tag: "99,9 %" in Danish.
func (p Percent) Format(tag language.Tag) string {
	f := formatFor(tag)
	return f.number(p.Decimal().String()) + f.percentSpace + "%"
}

// MarshalText writes the number: "99.9"; a number that
// [Percent.UnmarshalText] could not read back (beyond ±10^18 or longer
// than [MaxDecimalText]) is an error wrapping [ErrInvalidInput].
func (p Percent) MarshalText() ([]byte, error) {
	if err := Dec(p.Decimal()).CheckLimits(); err != nil {
		return nil, err
	}
	return []byte(p.Decimal().String()), nil
}

// UnmarshalText reads a plain decimal of at most [MaxDecimalText]
// characters; errors wrap [ErrInvalidInput]. It allocates at most 16 bytes
// per input byte plus 64 KiB.
func (p *Percent) UnmarshalText(b []byte) error {
	d, err := parseDecimal(string(b))
	if err != nil {
		return err
	}
	*p = Percent(d)
	return nil
}

// UnmarshalJSON reads the number in quotes ("99.9") or as a JSON number
// (99.9) with the bounded parser; null leaves p unchanged. It allocates at
// most 16 bytes per input byte plus 64 KiB: input over [MaxDecimalText]+2
// bytes is refused before it is read.
func (p *Percent) UnmarshalJSON(b []byte) error {
	var d Decimal
	if err := d.UnmarshalJSON(b); err != nil {
		return err
	}
	if !bytes.Equal(b, []byte("null")) {
		*p = Percent(d.d)
	}
	return nil
}

// Currency is an ISO 4217 currency as a comparable value that survives
// JSON (as its code, "DKK") and go-cmp. It wraps an x/text [currency.Unit];
// the zero Currency is XXX (none) and reports IsZero.
type Currency struct{ unit currency.Unit }

// CurrencyOf returns u as a Currency: CurrencyOf(currency.DKK).
func CurrencyOf(u currency.Unit) Currency { return Currency{unit: u} }

// ParseCurrency reads a three-letter ISO 4217 code, "DKK" or "dkk"; other
// text is an error wrapping [ErrInvalidInput] that does not quote it.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func ParseCurrency(s string) (Currency, error) {
	if len(s) != 3 {
		return Currency{}, errInvalid("currency", "an ISO 4217 code")
	}
	u, err := currency.ParseISO(s)
	if err != nil {
		return Currency{}, errInvalid("currency", "an ISO 4217 code")
	}
	return Currency{unit: u}, nil
}

// Unit returns the x/text unit.
func (c Currency) Unit() currency.Unit { return c.unit }

// String returns the ISO code, "DKK"; "XXX" for the zero Currency.
func (c Currency) String() string { return c.unit.String() }

// IsZero reports whether c is the zero Currency (XXX).
func (c Currency) IsZero() bool { return c.unit == currency.Unit{} }

// Equal reports whether c and d are the same currency.
func (c Currency) Equal(d Currency) bool { return c.unit == d.unit }

// MarshalText writes the ISO code.
func (c Currency) MarshalText() ([]byte, error) { return []byte(c.unit.String()), nil }

// UnmarshalText reads an ISO code, as [ParseCurrency].
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (c *Currency) UnmarshalText(b []byte) error {
	v, err := ParseCurrency(string(b))
	if err == nil {
		*c = v
	}
	return err
}

// Locale is a BCP 47 language tag ("da-DK", "en") as a comparable value
// that survives JSON (as its text) and go-cmp. It wraps an x/text
// [language.Tag]; the zero Locale is "und" and reports IsZero.
type Locale struct{ tag language.Tag }

// LocaleOf returns tag as a Locale: LocaleOf(language.Danish).
func LocaleOf(tag language.Tag) Locale { return Locale{tag: tag} }

// ParseLocale reads a well-formed BCP 47 tag of at most 35 bytes; other
// text is an error wrapping [ErrInvalidInput] that does not quote it.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func ParseLocale(s string) (Locale, error) {
	if s == "" || len(s) > 35 {
		return Locale{}, errInvalid("locale", "a BCP 47 language tag")
	}
	t, err := language.Parse(s)
	if err != nil {
		return Locale{}, errInvalid("locale", "a BCP 47 language tag")
	}
	return Locale{tag: t}, nil
}

// MustLocale is [ParseLocale] for package-level values and tests; it panics
// on a malformed tag.
func MustLocale(s string) Locale {
	l, err := ParseLocale(s)
	if err != nil {
		panic(err)
	}
	return l
}

// Tag returns the x/text tag.
func (l Locale) Tag() language.Tag { return l.tag }

// String returns the tag's text, "da-DK"; "und" for the zero Locale.
func (l Locale) String() string { return l.tag.String() }

// IsZero reports whether l is the zero Locale.
func (l Locale) IsZero() bool { return l.tag == language.Und }

// Equal reports whether l and m are the same tag.
func (l Locale) Equal(m Locale) bool { return l.tag == m.tag }

// MarshalText writes the tag's text.
func (l Locale) MarshalText() ([]byte, error) { return []byte(l.tag.String()), nil }

// UnmarshalText reads a tag, as [ParseLocale].
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (l *Locale) UnmarshalText(b []byte) error {
	v, err := ParseLocale(string(b))
	if err == nil {
		*l = v
	}
	return err
}

// errInvalid reports text that is not what was wanted, without quoting it:
// it may be anything a user typed.
func errInvalid(what, want string) error {
	return fmt.Errorf("%w: %s is not %s", ErrInvalidInput, what, want)
}

// parseDecimal reads a plain decimal with the one bounded parser; errors
// wrap [ErrInvalidInput] and do not quote the text.
func parseDecimal(s string) (decimal.Decimal, error) {
	d, err := money.ParseDecimal(s)
	if err != nil {
		return decimal.Decimal{}, errInvalid("number", "a plain decimal of at most 100 characters")
	}
	return d, nil
}
