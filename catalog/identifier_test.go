package catalog

import (
	"errors"
	"testing"
)

func TestCheckGTIN(t *testing.T) {
	tests := []struct {
		name, in, reason string // reason "" = valid
	}{
		{"vector EAN-13 valid", "4006381333931", ""},
		{"vector EAN-13 wrong check digit", "4006381333932", "check digit"},
		{"vector GTIN-8 valid", "96385074", ""},
		{"vector UPC-A valid", "036000291452", ""},
		{"GS1 GTIN-14 valid", "00012345600012", ""},
		{"GS1 GTIN: GTIN-14 padded EAN-13", "04006381333931", ""},
		{"GS1 GTIN: all zeros is a valid checksum", "00000000", ""},
		{"GS1 GTIN: length 11 refused", "03600029145", "length"},
		{"GS1 GTIN: empty refused", "", "length"},
		{"GS1 GTIN: letter refused", "400638133393A", "digit"},
		{"GS1 GTIN: space refused", "4006381 33931", "digit"},
		{"GS1 GTIN: UPC-A wrong check digit", "036000291453", "check digit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckGTIN(tt.in)
			got := ""
			if err != nil {
				var ie *IdentifierError
				if !errors.As(err, &ie) || !errors.Is(err, ErrSyntax) {
					t.Fatalf("CheckGTIN(%q) = %v, want *IdentifierError wrapping ErrSyntax", tt.in, err)
				}
				got = ie.Reason
			}
			if got != tt.reason {
				t.Errorf("CheckGTIN(%q) reason = %q, want %q", tt.in, got, tt.reason)
			}
		})
	}
}

func TestGTIN14(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"GS1 normalise GTIN-8 by zero padding", "96385074", "00000096385074"},
		{"GS1 normalise UPC-A", "036000291452", "00036000291452"},
		{"GS1 normalise EAN-13", "4006381333931", "04006381333931"},
		{"GS1 GTIN-14 unchanged", "00012345600012", "00012345600012"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := GTIN14(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("GTIN14(%q) = %q, %v, want %q", tt.in, got, err, tt.want)
			}
			if err := CheckGTIN(got); err != nil {
				t.Errorf("CheckGTIN(GTIN14(%q)) = %v, want nil", tt.in, err)
			}
		})
	}
	if _, err := GTIN14("4006381333932"); !errors.Is(err, ErrSyntax) {
		t.Errorf("GTIN14(bad check digit) error = %v, want ErrSyntax", err)
	}
}

func TestISBN(t *testing.T) {
	tests := []struct {
		name, in, reason, isbn13, isbn10 string
	}{
		{"ISO 2108 ISBN-13 hyphenated", "978-0-306-40615-7", "", "9780306406157", "0306406152"},
		{"ISO 2108 ISBN-10 hyphenated", "0-306-40615-2", "", "9780306406157", "0306406152"},
		{"ISO 2108 ISBN-10 with X check", "0-8044-2957-X", "", "9780804429573", "080442957X"},
		{"ISO 2108 ISBN-10 lower-case x", "080442957x", "", "9780804429573", "080442957X"},
		{"ISO 2108 979 prefix has no ISBN-10", "979-10-90636-07-1", "", "9791090636071", "!prefix"},
		{"ISO 2108 ISBN-10 wrong check", "0-306-40615-3", "check digit", "", ""},
		{"ISO 2108 ISBN-13 wrong check", "9780306406158", "check digit", "", ""},
		{"ISO 2108 ISBN: GTIN-13 outside 978/979 is not an ISBN", "4006381333931", "prefix", "", ""},
		{"ISO 2108 ISBN: X only as last character", "X306406152", "digit", "", ""},
		{"ISO 2108 ISBN: wrong length", "12345", "length", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckISBN(tt.in)
			got := ""
			var ie *IdentifierError
			if errors.As(err, &ie) {
				got = ie.Reason
			}
			if got != tt.reason {
				t.Fatalf("CheckISBN(%q) = %v, want reason %q", tt.in, err, tt.reason)
			}
			if tt.reason != "" {
				return
			}
			if g, err := ISBN13(tt.in); g != tt.isbn13 || err != nil {
				t.Errorf("ISBN13(%q) = %q, %v, want %q", tt.in, g, err, tt.isbn13)
			}
			g, err := ISBN10(tt.in)
			if tt.isbn10 == "!prefix" {
				if !errors.As(err, &ie) || ie.Reason != "prefix" {
					t.Errorf("ISBN10(%q) = %q, %v, want prefix error", tt.in, g, err)
				}
				return
			}
			if g != tt.isbn10 || err != nil {
				t.Errorf("ISBN10(%q) = %q, %v, want %q", tt.in, g, err, tt.isbn10)
			}
		})
	}
}
