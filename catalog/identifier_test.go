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
		{"GS1 GenSpecs 1.4.2: all zeros identifies nothing", "00000000", "zero"},
		{"GS1 GenSpecs 1.4.2: all-zero GTIN-14 refused", "00000000000000", "zero"},
		{"GS1 GenSpecs 2.1.11: restricted circulation still a GTIN", "2012345000018", ""},
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

func TestClassifyGTIN(t *testing.T) {
	tests := []struct {
		name, in string
		want     GTINClass
	}{
		{"GS1 GenSpecs 1.4.2: 400-440 GS1 Germany is a trade item", "4006381333931", TradeItem},
		{"GS1 GenSpecs 1.4.2: UPC-A read with a leading zero, 003 GS1 US", "036000291452", TradeItem},
		{"GS1 GenSpecs 1.4.2: 020-029 restricted circulation (GTIN-13)", "0200000000004", RestrictedCirculation},
		{"GS1 GenSpecs 1.4.2: 040-049 restricted circulation", "0400000000008", RestrictedCirculation},
		{"GS1 GenSpecs 1.4.2: 200-299 restricted circulation (weighed goods)", "2012345000018", RestrictedCirculation},
		{"GS1 GenSpecs 1.4.2: 0000000 restricted circulation within a company", "0000000001236", RestrictedCirculation},
		{"GS1 GenSpecs 1.4.2: 050-059 former US coupons are GS1 US trade items", "0500000000005", TradeItem},
		{"GS1 GenSpecs 1.4.2: 977 ISSN", "9771234567003", ISSN},
		{"GS1 GenSpecs 1.4.2 / ISO 2108: 978 ISBN", "9780306406157", ISBN},
		{"GS1 GenSpecs 1.4.2 / ISO 2108: 979-1 ISBN", "9791090636071", ISBN},
		{"GS1 GenSpecs 1.4.2 / ISO 10957: 979-0 ISMN", "9790260000438", ISMN},
		{"GS1 GenSpecs 1.4.2: 980 refund receipt", "9800000000007", RefundReceipt},
		{"GS1 GenSpecs 1.4.2: 981-984 coupon (common currency areas)", "9810000000006", Coupon},
		{"GS1 GenSpecs 1.4.2: 99x coupon", "9999999999994", Coupon},
		{"GS1 GenSpecs 2.1.11: GTIN-8 starting 2 restricted circulation", "21234569", RestrictedCirculation},
		{"GS1 GenSpecs 2.1.11: GTIN-8 starting 0 restricted circulation", "01234565", RestrictedCirculation},
		{"GS1 GenSpecs 2.1.11: GTIN-8 GS1-8 prefix 501 trade item", "50123452", TradeItem},
		{"GS1 GenSpecs 1.4.2: GTIN-8 in GTIN-13 form read as GTIN-8", "0000021234569", RestrictedCirculation},
		{"GS1 GenSpecs 1.4.2: GTIN-14 read without its indicator digit", "19771234567000", ISSN},
		{"GS1 GenSpecs 1.4.2: all zeros invalid", "0000000000000", gtinClassInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ClassifyGTIN(tt.in)
			if tt.want == gtinClassInvalid {
				if err == nil {
					t.Fatalf("ClassifyGTIN(%q) = %v, nil; want an error", tt.in, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ClassifyGTIN(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestGTINClassTradeItem(t *testing.T) {
	for c, want := range map[GTINClass]bool{TradeItem: true, ISBN: true, ISSN: true, ISMN: true,
		RestrictedCirculation: false, RefundReceipt: false, Coupon: false, gtinClassInvalid: false} {
		if c.IsTradeItem() != want {
			t.Errorf("%v.IsTradeItem() = %v, want %v (GS1 GenSpecs 1.4.2)", c, !want, want)
		}
	}
}

func TestCheckISBNRefusesISMN(t *testing.T) {
	// ISO 10957: 979-0 is the ISMN range of printed music, not an ISBN.
	err := CheckISBN("9790000000001")
	var ie *IdentifierError
	if !errors.As(err, &ie) || ie.Reason != "prefix" {
		t.Fatalf(`CheckISBN("9790000000001") = %v, want reason "prefix"`, err)
	}
	if err := CheckISBN("979-10-90636-07-1"); err != nil {
		t.Errorf("CheckISBN(979-1...) = %v, want nil (ISO 2108: 979-1 is an ISBN)", err)
	}
}

func TestCheckISMN(t *testing.T) {
	tests := []struct{ name, in, reason string }{
		{"ISO 10957: 13-digit ISMN", "979-0-2600-0043-8", ""},
		{"ISO 10957: 979-0 with zeros", "9790000000001", ""},
		{"ISO 10957: former M form, same check digit", "M-2600-0043-8", ""},
		{"ISO 10957: lower-case m", "m260000438", ""},
		{"ISO 10957: wrong check digit", "979-0-2600-0043-9", "check digit"},
		{"ISO 10957: an ISBN is not an ISMN", "978-0-306-40615-7", "prefix"},
		{"ISO 10957: letter inside", "979026000043X", "digit"},
		{"ISO 10957: too short", "979026", "length"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckISMN(tt.in)
			got := ""
			if err != nil {
				var ie *IdentifierError
				if !errors.As(err, &ie) || !errors.Is(err, ErrSyntax) || ie.Scheme != "ismn" {
					t.Fatalf("CheckISMN(%q) = %v, want *IdentifierError ismn", tt.in, err)
				}
				got = ie.Reason
			}
			if got != tt.reason {
				t.Errorf("CheckISMN(%q) reason = %q, want %q", tt.in, got, tt.reason)
			}
		})
	}
}
