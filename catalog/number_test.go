package catalog

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

func TestNumberFormatFor(t *testing.T) {
	tests := []struct {
		name       string
		tag        language.Tag
		dec, group rune
	}{
		{"CLDR da-DK comma decimal, point group", language.MustParse("da-DK"), ',', '.'},
		{"CLDR en-US point decimal, comma group", language.AmericanEnglish, '.', ','},
		{"CLDR sv-SE comma decimal, no-break space group", language.MustParse("sv-SE"), ',', '\u00a0'},
		{"CLDR de-CH point decimal, apostrophe group", language.MustParse("de-CH"), '.', '’'},
		{"CLDR und falls back to root", language.Und, '.', ','},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NumberFormatFor(tt.tag)
			if got.Decimal != tt.dec || got.Group != tt.group {
				t.Errorf("NumberFormatFor(%v) = %q %q, want %q %q", tt.tag, got.Decimal, got.Group, tt.dec, tt.group)
			}
		})
	}
}

func TestNumberFormatParse(t *testing.T) {
	da := NumberFormatFor(language.Danish)
	en := NumberFormatFor(language.English)
	sv := NumberFormatFor(language.Swedish)
	ch := NumberFormatFor(language.MustParse("de-CH"))
	tests := []struct {
		name   string
		f      NumberFormat
		in     string
		want   string // "" = error
		reason string
	}{
		{"18,50 with Danish locale is 18.50", da, "18,50", "18.50", ""},
		{"Danish grouping 1.234,5", da, "1.234,5", "1234.5", ""},
		{"Danish 1.234 is a thousand", da, "1.234", "1234", ""},
		{"Danish 18.50 never 1850", da, "18.50", "", "grouping"},
		{"English 18,50 never 1850", en, "18,50", "", "grouping"},
		{"locale numbers: English grouping 1,234,567.89", en, "1,234,567.89", "1234567.89", ""},
		{"locale numbers: English 18.50", en, "18.50", "18.50", ""},
		{"locale numbers: group in fraction refused", en, "1.234,5", "", "grouping"},
		{"locale numbers: bad first group", en, "1234,567", "", "grouping"},
		{"locale numbers: short group", en, "1,23", "", "grouping"},
		{"locale numbers: Swedish no-break space", sv, "1\u00a0234,50", "1234.50", ""},
		{"locale numbers: Swedish plain space accepted", sv, "1 234,50", "1234.50", ""},
		{"locale numbers: Swiss apostrophe", ch, "1'234.5", "1234.5", ""},
		{"locale numbers: negative", da, "-0,5", "-0.5", ""},
		{"locale numbers: unicode minus", da, "\u22122,5", "-2.5", ""},
		{"locale numbers: plus sign", en, "+3", "3", ""},
		{"locale numbers: surrounding space trimmed", da, " 7,25 ", "7.25", ""},
		{"locale numbers: empty", da, "", "", "empty"},
		{"locale numbers: sign only", da, "-", "", "empty"},
		{"locale numbers: decimal without digits after", da, "5,", "", "decimal"},
		{"locale numbers: decimal without digits before", da, ",5", "", "decimal"},
		{"locale numbers: exponent refused", en, "1e5", "", "character"},
		{"locale numbers: two decimals refused", en, "1.2.3", "", "decimal"},
		{"locale numbers: currency sign refused", da, "kr 5", "", "character"},
		{"locale numbers: long exact", en, "123456789012345678901234567890.123", "123456789012345678901234567890.123", ""},
		{"locale numbers: plain format", NumberFormat{}, "1234.5", "1234.5", ""},
		{"locale numbers: plain format refuses grouping", NumberFormat{}, "1,234.5", "", "grouping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.f.Parse(tt.in)
			if tt.want == "" {
				var ne *NumberError
				if !errors.As(err, &ne) || ne.Reason != tt.reason || !errors.Is(err, ErrSyntax) {
					t.Fatalf("Parse(%q) = %v, %v, want error reason %q", tt.in, got, err, tt.reason)
				}
				return
			}
			want := decimal.RequireFromString(tt.want)
			if err != nil || !got.Equal(want) || got.Exponent() != want.Exponent() {
				t.Errorf("Parse(%q) = %v, %v, want %v (scale kept)", tt.in, got, err, want)
			}
		})
	}
}

func TestNumberFormatRoundTrip(t *testing.T) {
	da := NumberFormatFor(language.Danish)
	for _, s := range []string{"18.50", "-0.5", "1234567.000", "0", "100"} {
		d := decimal.RequireFromString(s)
		txt := da.Format(d)
		back, err := da.Parse(txt)
		if err != nil || !back.Equal(d) || back.Exponent() != d.Exponent() {
			t.Errorf("Parse(Format(%s)) = %v (%q), %v, want %s", s, back, txt, err, s)
		}
	}
	if got := da.Format(decimal.RequireFromString("18.50")); got != "18,50" {
		t.Errorf("Format(18.50) = %q, want %q", got, "18,50")
	}
}
