package catalog

import (
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// NumberFormat is how a locale writes numbers: its decimal separator and
// its grouping (thousands) separator, taken from CLDR through
// golang.org/x/text. Danish writes 1.234,5; English 1,234.5; Swedish and
// French 1 234,5 with a no-break space; Swiss German 1’234.5.
//
// The zero NumberFormat is the plain format: point as decimal separator and
// no grouping, the form JSON and [Format] use.
type NumberFormat struct {
	Decimal rune `json:"decimal,omitzero"` // 0 means '.'
	Group   rune `json:"group,omitzero"`   // 0 means no grouping is accepted
}

// NumberFormatFor returns the CLDR number format of tag: da-DK gives
// Decimal ',' and Group '.'; en-US '.' and ','. Locales with non-Latin
// digits (fa) keep their separators; digits are always read as ASCII.
// language.Und gives the English format.
func NumberFormatFor(tag language.Tag) NumberFormat {
	// Format an integer with one forced decimal: "1.234.567,0" for da.
	s := message.NewPrinter(tag).Sprint(number.Decimal(1234567, number.Scale(1)))
	var seps []rune
	for _, r := range s {
		if r < '0' || r > '9' {
			if !isDigitRune(r) {
				seps = append(seps, r)
			}
		}
	}
	f := NumberFormat{Decimal: '.', Group: ','}
	if len(seps) >= 1 {
		f.Decimal = seps[len(seps)-1]
	}
	if len(seps) >= 2 {
		f.Group = seps[0]
	} else {
		f.Group = 0
	}
	if f.Group == f.Decimal {
		f.Group = 0
	}
	return f
}

// isDigitRune reports whether r is a decimal digit in some script (Arabic,
// Persian, Devanagari...), so that separators are told from digits.
func isDigitRune(r rune) bool {
	switch {
	case r >= 0x0660 && r <= 0x0669, r >= 0x06F0 && r <= 0x06F9,
		r >= 0x0966 && r <= 0x096F, r >= 0x09E6 && r <= 0x09EF,
		r >= 0xFF10 && r <= 0xFF19:
		return true
	}
	return false
}

func (f NumberFormat) dec() rune {
	if f.Decimal == 0 {
		return '.'
	}
	return f.Decimal
}

func isSpaceGroup(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

// groupMatch reports whether r is f's group separator, treating all space
// characters alike (CLDR uses U+00A0 or U+202F; spreadsheets write a plain
// space) and the apostrophe alike with U+2019.
func (f NumberFormat) groupMatch(r rune) bool {
	g := f.Group
	if g == 0 {
		return false
	}
	if r == g {
		return true
	}
	if isSpaceGroup(g) {
		return isSpaceGroup(r)
	}
	if g == '’' || g == '\'' {
		return r == '’' || r == '\''
	}
	return false
}

// NumberError explains why text is not a number in a [NumberFormat]. It
// unwraps to [ErrSyntax] and never repeats the input.
type NumberError struct {
	Reason string // "empty", "character", "grouping", "decimal" or "too long"
}

// Error implements error: "catalog: invalid number: grouping".
func (e *NumberError) Error() string { return "catalog: invalid number: " + e.Reason }

// Unwrap returns [ErrSyntax].
func (e *NumberError) Unwrap() error { return ErrSyntax }

const maxNumberLen = 100

// Parse reads s as a number written in f, exactly. Surrounding spaces are
// trimmed; a leading '-' or '+' is allowed; grouping separators are
// optional but, when present, must split the integer part into groups of
// three after a first group of one to three digits; the fraction is never
// grouped. So with the Danish format "18,50" is 18.50, "1.234,5" is 1234.5,
// "1.234" is 1234 and "18.50" is an error (reason "grouping"), never 1850;
// with the English format "18,50" is an error, never 1850. No exponents,
// currency signs or percent signs.
func (f NumberFormat) Parse(s string) (decimal.Decimal, error) {
	v, err := f.parseValue(s)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return v.decimal(), nil
}

// parseValue parses like Parse into a number Value, without allocating
// when the digits fit an int64.
func (f NumberFormat) parseValue(s string) (Value, error) {
	var buf [maxNumberLen + 2]byte
	out, frac, err := f.scan(s, &buf)
	if err != nil {
		return Value{}, err
	}
	return numberFromASCII(out, frac)
}

// scan checks s as Parse does and writes it into buf in plain ASCII
// ("-1234.50"), returning that and the number of digits after the point;
// it allocates only for an error.
func (f NumberFormat) scan(s string, buf *[maxNumberLen + 2]byte) (out []byte, frac int, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, 0, &NumberError{Reason: "empty"}
	}
	if len(s) > maxNumberLen {
		return nil, 0, &NumberError{Reason: "too long"}
	}
	out = buf[:0]
	i := 0
	switch {
	case s[0] == '-':
		out = append(out, '-')
		i++
	case s[0] == '+':
		i++
	case strings.HasPrefix(s, "\u2212"):
		out = append(out, '-')
		i += len("\u2212")
	}
	dec := f.dec()
	groupLen := -1 // digits since the last group separator; -1 before any
	intDigits, fracDigits := 0, 0
	inFrac := false
	sawGroup := false
	for i < len(s) {
		c := s[i]
		if c >= '0' && c <= '9' {
			out = append(out, c)
			if inFrac {
				fracDigits++
			} else {
				intDigits++
				if groupLen >= 0 {
					groupLen++
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == dec && !inFrac:
			if intDigits == 0 || (sawGroup && groupLen != 3) {
				return nil, 0, &NumberError{Reason: "decimal"}
			}
			inFrac = true
			out = append(out, '.')
		case !inFrac && f.groupMatch(r):
			if intDigits == 0 || (!sawGroup && intDigits > 3) || (sawGroup && groupLen != 3) {
				return nil, 0, &NumberError{Reason: "grouping"}
			}
			sawGroup = true
			groupLen = 0
		case r == '.' || r == ',' || r == '\'' || r == '’' || isSpaceGroup(r):
			// A separator of another locale: refuse rather than guess.
			if inFrac && r == dec {
				return nil, 0, &NumberError{Reason: "decimal"}
			}
			return nil, 0, &NumberError{Reason: "grouping"}
		default:
			return nil, 0, &NumberError{Reason: "character"}
		}
		i += size
	}
	if intDigits == 0 {
		return nil, 0, &NumberError{Reason: "empty"}
	}
	if sawGroup && groupLen != 3 && !inFrac {
		return nil, 0, &NumberError{Reason: "grouping"}
	}
	if inFrac && fracDigits == 0 {
		return nil, 0, &NumberError{Reason: "decimal"}
	}
	return out, fracDigits, nil
}

// numberFromASCII turns "-1234.50" (sign, digits, at most one point) with
// frac digits after the point into a number Value, without big.Int parsing
// when the digits fit an int64.
func numberFromASCII(b []byte, frac int) (Value, error) {
	if n, ok := smallDigits(b); ok {
		return Value{kind: kindNumber, n: n, e: int32(-frac)}, nil
	}
	d, err := decimal.NewFromString(string(b))
	if err != nil {
		return Value{}, &NumberError{Reason: "character"}
	}
	// More than 18 significant digits, and no positive exponent: what
	// Number(d) keeps, without counting the digits again.
	return Value{kind: kindNumber, b: true, x: &extra{big: d}}, nil
}

// smallDigits returns the coefficient of b ("-1234.50": sign, digits, at
// most one point) when its significant digits, leading zeros left out,
// are 18 or fewer.
func smallDigits(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	digits := 0
	var n int64
	for _, c := range b {
		if c >= '0' && c <= '9' {
			if n != 0 || c != '0' {
				digits++
			}
			n = n*10 + int64(c-'0')
			if digits > 18 {
				return 0, false
			}
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

// Format writes d in f without grouping, keeping every decimal d carries:
// 18.50 in the Danish format is "18,50", -0.5 is "-0,5". Parse(Format(d))
// equals d, scale included.
func (f NumberFormat) Format(d decimal.Decimal) string {
	s := d.String()
	if e := d.Exponent(); e < 0 {
		s = d.StringFixed(-e)
	}
	if dec := f.dec(); dec != '.' {
		s = strings.Replace(s, ".", string(dec), 1)
	}
	return s
}
