package catalog

import (
	"encoding"
	"errors"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/language"
)

type textEnum interface {
	encoding.TextMarshaler
	String() string
}

func TestEnumsText(t *testing.T) {
	tests := []struct {
		name  string
		v     textEnum
		text  string
		parse func([]byte) (textEnum, error)
	}{
		{"Status draft is the zero value (status)", StatusDraft, "draft", func(b []byte) (textEnum, error) { var v Status; err := v.UnmarshalText(b); return v, err }},
		{"DESIGN rule 8 enums: Status archived", StatusArchived, "archived", func(b []byte) (textEnum, error) { var v Status; err := v.UnmarshalText(b); return v, err }},
		{"DESIGN rule 8 enums: FieldType multi select", MultiSelect, "multi_select", func(b []byte) (textEnum, error) { var v FieldType; err := v.UnmarshalText(b); return v, err }},
		{"DESIGN rule 8 enums: FieldType gtin", GTIN, "gtin", func(b []byte) (textEnum, error) { var v FieldType; err := v.UnmarshalText(b); return v, err }},
		{"PriceBasis incl. VAT (help pages: user's choice)", InclVAT, "incl_vat", func(b []byte) (textEnum, error) { var v PriceBasis; err := v.UnmarshalText(b); return v, err }},
		{"DESIGN rule 8 enums: Grade C", GradeC, "C", func(b []byte) (textEnum, error) { var v Grade; err := v.UnmarshalText(b); return v, err }},
		{"DESIGN rule 8 enums: ChangeKind modified", Modified, "modified", func(b []byte) (textEnum, error) { var v ChangeKind; err := v.UnmarshalText(b); return v, err }},
		{"DESIGN rule 8 enums: Availability preorder", PreOrder, "preorder", func(b []byte) (textEnum, error) { var v Availability; err := v.UnmarshalText(b); return v, err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.v.MarshalText()
			if err != nil || string(b) != tt.text || tt.v.String() != tt.text {
				t.Fatalf("MarshalText = %q, %v; String = %q; want %q", b, err, tt.v.String(), tt.text)
			}
			back, err := tt.parse(b)
			if err != nil || back != tt.v {
				t.Errorf("UnmarshalText(%q) = %v, %v, want %v", b, back, err, tt.v)
			}
			for _, bad := range []string{"", "Unknown", tt.text + " "} {
				if _, err := tt.parse([]byte(bad)); !errors.Is(err, ErrEnum) {
					t.Errorf("UnmarshalText(%q) error = %v, want ErrEnum", bad, err)
				}
			}
		})
	}
}

func TestEnumZeroInvalid(t *testing.T) {
	for _, v := range []textEnum{FieldType(0), Grade(0), ChangeKind(0), Availability(0), Status(9), PriceBasis(7)} {
		if _, err := v.MarshalText(); !errors.Is(err, ErrEnum) {
			t.Errorf("%T(%d).MarshalText() error = %v, want ErrEnum", v, v, err)
		}
	}
	if got := FieldType(200).String(); got != "FieldType(200)" {
		t.Errorf("FieldType(200).String() = %q, want FieldType(200)", got)
	}
}

func TestLabelsIn(t *testing.T) {
	ls := Labels{{contract.LocaleOf(language.Danish), "Titel"}, {contract.LocaleOf(language.English), "Title"}}
	tests := []struct {
		name string
		tag  contract.Locale
		want string
		ok   bool
	}{
		{"labels per language: exact language", contract.LocaleOf(language.English), "Title", true},
		{"labels per language: da-DK falls back to da", daDK, "Titel", true},
		{"labels per language: no label for German", contract.LocaleOf(language.German), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ls.In(tt.tag)
			if got != tt.want || ok != tt.ok {
				t.Errorf("In(%v) = %q, %v, want %q, %v", tt.tag, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestUnitConvert(t *testing.T) {
	temp := UnitFamily{Code: "temperature", Standard: "KELVIN", Units: []Unit{
		{Code: "KELVIN"},
		{Code: "CELSIUS", Factor: cd("1"), Offset: cd("273.15")},
		{Code: "FAHRENHEIT", Factor: cd("0.5555555555555555555555555556"), Offset: cd("255.3722222222222222222222222")},
	}}
	tests := []struct {
		name     string
		fam      UnitFamily
		v        string
		from, to string
		want     string
	}{
		{"measurement conversion: 1500 g is 1.5 kg", weight, "1500", "GRAM", "KILOGRAM", "1.5"},
		{"measurement conversion: 0.25 kg is 250 g", weight, "0.25", "KILOGRAM", "GRAM", "250"},
		{"measurement conversion: 25 C is 298.15 K (offset)", temp, "25", "CELSIUS", "KELVIN", "298.15"},
		{"measurement conversion: same unit unchanged", weight, "3.000", "GRAM", "GRAM", "3"},
		{"measurement conversion: 25 C is 77 F (rounded to 20 places)", temp, "25", "CELSIUS", "FAHRENHEIT", "77"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.fam.Convert(dec(tt.v), tt.from, tt.to)
			if err != nil || !got.Round(10).Equal(dec(tt.want)) {
				t.Errorf("Convert(%s %s -> %s) = %v, %v, want %s", tt.v, tt.from, tt.to, got, err, tt.want)
			}
		})
	}
	if _, err := weight.Convert(dec("1"), "POUND", "GRAM"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Convert(unknown unit) error = %v, want ErrNotFound", err)
	}
}

func TestValueAccessors(t *testing.T) {
	d := time.Date(2026, 1, 31, 23, 30, 0, 0, time.FixedZone("CET", 3600))
	tests := []struct {
		name, kind, str string
		v               Value
	}{
		{"typed values: empty", "empty", "", Value{}},
		{"typed values: Text(\"\") is empty", "empty", "", Text("")},
		{"typed values: number keeps scale", "number", "18.50", Number(dec("18.50"))},
		{"typed values: big number", "number", "123456789012345678901234567890.5", Number(dec("123456789012345678901234567890.5"))},
		{"typed values: measurement", "measurement", "1.5 KILOGRAM", Measure(dec("1.5"), "KILOGRAM")},
		{"typed values: boolean false is a value", "boolean", "false", Bool(false)},
		{"typed values: date drops the clock in its own zone", "date", "2026-01-31", Date(d)},
		{"typed values: options", "options", "a,b", Options("a", "b")},
		{"typed values: assets", "assets", "a.jpg,b.png", Assets(Asset{Ref: "a.jpg"}, Asset{Ref: "b.png", Size: 3})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.v.Kind() != tt.kind || tt.v.String() != tt.str {
				t.Errorf("Kind, String = %q, %q, want %q, %q", tt.v.Kind(), tt.v.String(), tt.kind, tt.str)
			}
			if !tt.v.Equal(tt.v) {
				t.Errorf("value not Equal to itself")
			}
		})
	}
	if n, ok := Number(dec("18.50")).Number(); !ok || n.String() != "18.5" || n.Exponent() != -2 {
		t.Errorf("Number() = %v (exp %d), %v, want 18.50", n, n.Exponent(), ok)
	}
	if Number(dec("18.5")).Equal(Number(dec("18.50"))) {
		t.Errorf("18.5 Equal 18.50, want different scales to differ")
	}
	if _, ok := Text("x").Number(); ok {
		t.Errorf("Text.Number() ok = true")
	}
	if got, _ := Date(d).Date(); !got.Equal(time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Date() = %v", got)
	}
	r := Record{ID: "A"}.Set("brand", contract.Locale{}, "", Text("Acme"))
	r2 := r.Set("brand", contract.Locale{}, "", Value{})
	if len(r.Values) != 1 || len(r2.Values) != 0 {
		t.Errorf("Set: %d values then %d after removal, want 1 then 0", len(r.Values), len(r2.Values))
	}
}
