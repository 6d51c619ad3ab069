package catalog

import "strings"

// IdentifierError explains why a GTIN or ISBN was refused. It unwraps to
// [ErrSyntax] and never repeats the input.
type IdentifierError struct {
	Scheme string // "gtin" or "isbn"
	Reason string // "length", "digit", "check digit" or "prefix"
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
// digit". Only ASCII digits are accepted: no spaces, no hyphens.
func CheckGTIN(s string) error {
	switch len(s) {
	case 8, 12, 13, 14:
	default:
		return &IdentifierError{Scheme: "gtin", Reason: "length"}
	}
	if !allDigits(s) {
		return &IdentifierError{Scheme: "gtin", Reason: "digit"}
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
// 0-9 or X) or ISBN-13 (a GTIN-13 with prefix 978 or 979). Hyphens and
// spaces are ignored: "978-0-306-40615-7" and "0-306-40615-2" are valid;
// "0-306-40615-3" fails with reason "check digit"; a valid GTIN-13 such as
// "4006381333931" fails with reason "prefix".
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
		if s[:3] != "978" && s[:3] != "979" {
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
