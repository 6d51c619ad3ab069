package catalog

import (
	"strings"

	"github.com/pimkit/pimkit/internal/enum"
)

// IdentifierError explains why a GTIN or ISBN was refused. It unwraps to
// [ErrSyntax] and never repeats the input.
type IdentifierError struct {
	Scheme string // "gtin", "isbn" or "ismn"
	Reason string // "length", "digit", "check digit", "prefix" or "zero"
}

// Error implements error: "catalog: invalid gtin: check digit".
func (e *IdentifierError) Error() string {
	return "catalog: invalid " + e.Scheme + ": " + e.Reason
}

// Unwrap returns [ErrSyntax].
func (e *IdentifierError) Unwrap() error { return ErrSyntax }

// gs1Check returns the GS1 check digit (0-9) for the digits of body, which
// are weighted 3, 1, 3, ... from the right (GS1 General Specifications
// 7.9.1). body must be ASCII digits.
func gs1Check(body string) byte {
	sum := 0
	w := 3
	for i := len(body) - 1; i >= 0; i-- {
		sum += int(body[i]-'0') * w
		w = 4 - w
	}
	return byte((10 - sum%10) % 10)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// CheckGTIN reports whether s is a GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN) or
// GTIN-14 with a correct GS1 check digit: "4006381333931", "96385074" and
// "036000291452" are valid; "4006381333932" fails with reason "check
// digit". Only ASCII digits are accepted: no spaces, no hyphens. A number of
// zeros only ("00000000") has a correct check digit but identifies nothing
// and fails with reason "zero".
//
// CheckGTIN accepts every class of [ClassifyGTIN], restricted-circulation
// numbers included: a PIM stores them for goods weighed in store. Channels
// that want trade items only (the Merchant Center feed) check the class.
func CheckGTIN(s string) error {
	switch len(s) {
	case 8, 12, 13, 14:
	default:
		return &IdentifierError{Scheme: "gtin", Reason: "length"}
	}
	if !allDigits(s) {
		return &IdentifierError{Scheme: "gtin", Reason: "digit"}
	}
	if strings.Trim(s, "0") == "" {
		return &IdentifierError{Scheme: "gtin", Reason: "zero"}
	}
	if gs1Check(s[:len(s)-1]) != s[len(s)-1]-'0' {
		return &IdentifierError{Scheme: "gtin", Reason: "check digit"}
	}
	return nil
}

// GTIN14 normalises a valid GTIN to 14 digits by left zero padding, the
// form GS1 prescribes for databases: "96385074" -> "00000096385074",
// "036000291452" -> "00036000291452". Padding keeps the check digit valid
// because zeros weigh nothing.
func GTIN14(s string) (string, error) {
	if err := CheckGTIN(s); err != nil {
		return "", err
	}
	return strings.Repeat("0", 14-len(s)) + s, nil
}

// cleanISBN drops hyphens and spaces, the usual ISBN punctuation.
func cleanISBN(s string) string {
	if !strings.ContainsAny(s, "- ") {
		return s
	}
	return strings.NewReplacer("-", "", " ", "").Replace(s)
}

func isbn10Check(body string) byte {
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(body[i]-'0') * (10 - i)
	}
	c := (11 - sum%11) % 11
	if c == 10 {
		return 'X'
	}
	return byte('0' + c)
}

// CheckISBN reports whether s is a valid ISBN-10 (mod 11, last character
// 0-9 or X) or ISBN-13 (a GTIN-13 with prefix 978 or 979, ISO 2108). Hyphens
// and spaces are ignored: "978-0-306-40615-7" and "0-306-40615-2" are valid;
// "0-306-40615-3" fails with reason "check digit"; a valid GTIN-13 such as
// "4006381333931" fails with reason "prefix", and so does 979-0, the range
// of printed music ([CheckISMN]): "9790000000001" is an ISMN, not an ISBN.
func CheckISBN(s string) error {
	s = cleanISBN(s)
	switch len(s) {
	case 10:
		if !allDigits(s[:9]) {
			return &IdentifierError{Scheme: "isbn", Reason: "digit"}
		}
		last := s[9]
		if last == 'x' {
			last = 'X'
		}
		if last != 'X' && (last < '0' || last > '9') {
			return &IdentifierError{Scheme: "isbn", Reason: "digit"}
		}
		if isbn10Check(s) != last {
			return &IdentifierError{Scheme: "isbn", Reason: "check digit"}
		}
		return nil
	case 13:
		if !allDigits(s) {
			return &IdentifierError{Scheme: "isbn", Reason: "digit"}
		}
		if (s[:3] != "978" && s[:3] != "979") || s[:4] == "9790" {
			return &IdentifierError{Scheme: "isbn", Reason: "prefix"}
		}
		if gs1Check(s[:12]) != s[12]-'0' {
			return &IdentifierError{Scheme: "isbn", Reason: "check digit"}
		}
		return nil
	}
	return &IdentifierError{Scheme: "isbn", Reason: "length"}
}

// ISBN13 returns the 13-digit form of a valid ISBN without punctuation:
// "0-306-40615-2" -> "9780306406157"; a valid ISBN-13 is returned cleaned.
func ISBN13(s string) (string, error) {
	if err := CheckISBN(s); err != nil {
		return "", err
	}
	s = cleanISBN(s)
	if len(s) == 13 {
		return s, nil
	}
	body := "978" + s[:9]
	return body + string('0'+gs1Check(body)), nil
}

// ISBN10 returns the 10-character form of a valid ISBN without
// punctuation: "978-0-306-40615-7" -> "0306406152". ISBNs with prefix 979
// have no ISBN-10 form and fail with reason "prefix".
func ISBN10(s string) (string, error) {
	if err := CheckISBN(s); err != nil {
		return "", err
	}
	s = cleanISBN(s)
	if len(s) == 10 {
		return strings.ToUpper(s), nil
	}
	if s[:3] != "978" {
		return "", &IdentifierError{Scheme: "isbn", Reason: "prefix"}
	}
	body := s[3:12]
	return body + string(isbn10Check(body)), nil
}

// CheckISMN reports whether s is a valid International Standard Music
// Number (ISO 10957): 13 digits starting 979-0 with a GS1 check digit, or
// the former 10-character form "M" plus 9 digits, whose check digit is the
// same as that of its 13-digit form (M counts as 979-0). Hyphens and
// spaces are ignored: "979-0-2600-0043-8" and "M-2600-0043-8" are valid;
// an ISBN such as "978-0-306-40615-7" fails with reason "prefix".
func CheckISMN(s string) error {
	s = cleanISBN(s)
	if len(s) == 10 && (s[0] == 'M' || s[0] == 'm') {
		s = "9790" + s[1:]
	}
	if len(s) != 13 {
		return &IdentifierError{Scheme: "ismn", Reason: "length"}
	}
	if !allDigits(s) {
		return &IdentifierError{Scheme: "ismn", Reason: "digit"}
	}
	if s[:4] != "9790" {
		return &IdentifierError{Scheme: "ismn", Reason: "prefix"}
	}
	if gs1Check(s[:12]) != s[12]-'0' {
		return &IdentifierError{Scheme: "ismn", Reason: "check digit"}
	}
	return nil
}

// GTINClass is what a GTIN identifies, read from its GS1 prefix (GS1
// General Specifications 1.4.2, the GS1 prefix table). Its text is
// snake_case ("restricted_circulation"). The zero GTINClass is invalid.
type GTINClass uint8

// GTIN classes.
const (
	gtinClassInvalid GTINClass = iota
	// TradeItem is a trade item number under a GS1 company prefix, the
	// only class a marketplace accepts as a product's GTIN besides the
	// book, serial and music numbers. 050-059, once US coupons, are GS1
	// US company prefixes and count as trade items.
	TradeItem
	// RestrictedCirculation is a number for use within a company or a
	// geographic region, such as a variable-measure number printed on
	// goods weighed in store: 020-029, 040-049, 200-299 on the GTIN-13
	// form, prefix 0000000, and a GTIN-8 starting with 0 or 2.
	RestrictedCirculation
	// RefundReceipt is a refund receipt (prefix 980).
	RefundReceipt
	// Coupon is a coupon: 981-984 (common currency areas) and 990-999.
	Coupon
	// ISSN is a serial publication (prefix 977, ISO 3297).
	ISSN
	// ISBN is a book (978, and 979 except 979-0, ISO 2108).
	ISBN
	// ISMN is printed music (979-0, ISO 10957).
	ISMN
)

var gtinClassNames = enum.Names{"", "trade_item", "restricted_circulation", "refund_receipt", "coupon", "issn", "isbn", "ismn"}

// String returns the class's snake_case name, "trade_item".
func (c GTINClass) String() string { return enum.String(gtinClassNames, c, "GTINClass") }

// MarshalText returns the snake_case name; the zero class is an error.
func (c GTINClass) MarshalText() ([]byte, error) {
	return enum.Marshal(gtinClassNames, c, "gtin class", ErrEnum)
}

// UnmarshalText reads a snake_case name such as "coupon".
func (c *GTINClass) UnmarshalText(b []byte) error {
	return enum.Unmarshal(gtinClassNames, b, c, "gtin class", ErrEnum)
}

// IsTradeItem reports whether c identifies a trade item a shop can list
// under its GTIN: a trade item, a book, a serial or printed music. A
// restricted-circulation number, a refund receipt or a coupon is not.
func (c GTINClass) IsTradeItem() bool {
	switch c {
	case TradeItem, ISBN, ISSN, ISMN:
		return true
	}
	return false
}

// ClassifyGTIN checks s with [CheckGTIN] and returns what it identifies,
// read from the GS1 prefix on the GTIN-13 form (GS1 General
// Specifications 1.4.2): a GTIN-12 is read with a leading zero, a GTIN-14
// without its indicator digit, a GTIN-8 by its own first digit (0 and 2
// are restricted circulation, GS1 General Specifications 2.1.11).
// "4006381333931" is a [TradeItem], "2012345000018" (a number priced by
// weight in store) is [RestrictedCirculation], "9780306406157" an [ISBN],
// "9790260000438" an [ISMN], "9771234567003" an [ISSN], "9800000000007" a
// [RefundReceipt] and "9810000000006" a [Coupon]. A GTIN-13 that carries a
// GTIN-8 ("00000" then eight digits) is read as that GTIN-8.
func ClassifyGTIN(s string) (GTINClass, error) {
	if err := CheckGTIN(s); err != nil {
		return gtinClassInvalid, err
	}
	var g13 string
	switch len(s) {
	case 8:
		return gtin8Class(s), nil
	case 12:
		return classify13("0" + s), nil
	case 13:
		g13 = s
	default:
		g13 = s[1:]
	}
	return classify13(g13), nil
}

func gtin8Class(s string) GTINClass {
	if s[0] == '0' || s[0] == '2' {
		return RestrictedCirculation
	}
	return TradeItem
}

// classify13 reads the GS1 prefix of a GTIN-13 form.
func classify13(s string) GTINClass {
	if s[:7] == "0000000" {
		return RestrictedCirculation // RCN within a company
	}
	if s[:5] == "00000" {
		return gtin8Class(s[5:])
	}
	p := int(s[0]-'0')*100 + int(s[1]-'0')*10 + int(s[2]-'0')
	switch {
	case p >= 20 && p <= 29, p >= 40 && p <= 49, p >= 200 && p <= 299:
		return RestrictedCirculation
	case p == 977:
		return ISSN
	case p == 978:
		return ISBN
	case p == 979:
		if s[3] == '0' {
			return ISMN
		}
		return ISBN
	case p == 980:
		return RefundReceipt
	case p >= 981 && p <= 984, p >= 990:
		return Coupon
	}
	return TradeItem
}
