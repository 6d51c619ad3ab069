package privacy

import (
	"fmt"
	"github.com/pimkit/pimkit/internal/allocbound"
	"strings"
	"testing"
)

const mib = 1 << 20

// repeatTo repeats unit between prefix and suffix to about n bytes,
// separated by sep.
func repeatTo(prefix, unit, sep, suffix string, n int) []byte {
	k := max(1, n/(len(unit)+len(sep)))
	return []byte(prefix + strings.Repeat(unit+sep, k-1) + unit + suffix)
}

// hostileJSON are inputs of about 1 MiB for the JSON decoders: junk, deep
// nesting, huge numbers, long strings, many empty or minimal elements.
func hostileJSON() map[string][]byte {
	event := `{"subject":"s","purpose":"essential","action":"given","at":"2026-01-05T10:00:00Z","policy":"2025-02-01","method":"form","notice":"` +
		strings.Repeat("ab", 32) + `"}`
	row := `{"country":"DK","from":"2018-05-25","age":13}`
	distinct := func(prefix, format, suffix string) []byte {
		var b strings.Builder
		b.WriteString(prefix)
		for i := 0; b.Len() < mib; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, format, i)
		}
		b.WriteString(suffix)
		return []byte(b.String())
	}
	return map[string][]byte{
		"distinct uses":         distinct(`{"uses":[`, `"u%x"`, "]}"),
		"distinct subjects":     distinct(`{"subjects":[`, `"s%x"`, "]}"),
		"distinct categories":   distinct(`{"categories":{`, `"c%x":"art9"`, "}}"),
		"padded null events":    repeatTo(`{"events":[`, "null", `,"`+strings.Repeat("p", 4)+`",`, "]}", mib),
		"padded empty rows":     repeatTo("[", "{}", ",         ", "]", mib),
		"junk":                  []byte(strings.Repeat("\x00\xff", mib/2)),
		"nested arrays":         []byte(strings.Repeat("[", mib)),
		"nested objects":        repeatTo("", `{"events":`, "", "", mib),
		"huge number":           []byte("[" + strings.Repeat("9", mib) + "]"),
		"long string":           []byte(`{"events":[{"subject":"` + strings.Repeat("x", mib) + `"}]}`),
		"empty events":          repeatTo(`{"events":[`, "{}", ",", "]}", mib),
		"null events":           repeatTo(`{"events":[`, "null", ",", "]}", mib),
		"valid events":          repeatTo(`{"events":[`, event, ",", "]}", mib),
		"empty rows":            repeatTo("[", "{}", ",", "]", mib),
		"valid rows":            repeatTo("[", row, ",", "]", mib),
		"empty versions":        repeatTo(`{"versions":[`, "{}", ",", "]}", mib),
		"minimal versions":      repeatTo(`{"versions":[`, `{"effective":"2025-02-01"}`, ",", "]}", mib),
		"many uses":             repeatTo(`{"uses":[`, `"a"`, ",", "]}", mib),
		"many bad uses":         repeatTo(`{"uses":[`, `"."`, ",", "]}", mib),
		"many categories":       repeatTo(`{"categories":{`, `"a":"none"`, ",", "}}", mib),
		"one repeated category": repeatTo(`{"categories":{`, `"a.b":"art9"`, ",", "}}", mib),
		"many subjects":         repeatTo(`{"subjects":[`, `""`, ",", "]}", mib),
	}
}

// jsonDecoders are the UnmarshalJSON methods of the package.
func jsonDecoders() map[string]func([]byte) error {
	return map[string]func([]byte) error{
		"Ledger":        func(b []byte) error { var v Ledger; return v.UnmarshalJSON(b) },
		"AgeTable":      func(b []byte) error { var v AgeTable; return v.UnmarshalJSON(b) },
		"PolicyHistory": func(b []byte) error { var v PolicyHistory; return v.UnmarshalJSON(b) },
		"Taxonomy":      func(b []byte) error { var v Taxonomy; return v.UnmarshalJSON(b) },
	}
}

// textDecoders are the UnmarshalText methods and parsers of the package.
func textDecoders() map[string]func([]byte) error {
	return map[string]func([]byte) error{
		"Source":           func(b []byte) error { var v Source; return v.UnmarshalText(b) },
		"LegalBasis":       func(b []byte) error { var v LegalBasis; return v.UnmarshalText(b) },
		"Art9Condition":    func(b []byte) error { var v Art9Condition; return v.UnmarshalText(b) },
		"Risk":             func(b []byte) error { var v Risk; return v.UnmarshalText(b) },
		"ConsentAction":    func(b []byte) error { var v ConsentAction; return v.UnmarshalText(b) },
		"Method":           func(b []byte) error { var v Method; return v.UnmarshalText(b) },
		"NoticeHash":       func(b []byte) error { var v NoticeHash; return v.UnmarshalText(b) },
		"ConsentStatus":    func(b []byte) error { var v ConsentStatus; return v.UnmarshalText(b) },
		"CookieCategory":   func(b []byte) error { var v CookieCategory; return v.UnmarshalText(b) },
		"ChangeKind":       func(b []byte) error { var v ChangeKind; return v.UnmarshalText(b) },
		"MaskKind":         func(b []byte) error { var v MaskKind; return v.UnmarshalText(b) },
		"Role":             func(b []byte) error { var v Role; return v.UnmarshalText(b) },
		"CookiePromise":    func(b []byte) error { var v CookiePromise; return v.UnmarshalText(b) },
		"RecipientKind":    func(b []byte) error { var v RecipientKind; return v.UnmarshalText(b) },
		"Safeguard":        func(b []byte) error { var v Safeguard; return v.UnmarshalText(b) },
		"RequestKind":      func(b []byte) error { var v RequestKind; return v.UnmarshalText(b) },
		"RequestState":     func(b []byte) error { var v RequestState; return v.UnmarshalText(b) },
		"RequestAction":    func(b []byte) error { var v RequestAction; return v.UnmarshalText(b) },
		"RetentionAction":  func(b []byte) error { var v RetentionAction; return v.UnmarshalText(b) },
		"RetentionKind":    func(b []byte) error { var v RetentionKind; return v.UnmarshalText(b) },
		"Renewal":          func(b []byte) error { var v Renewal; return v.UnmarshalText(b) },
		"GPC":              func(b []byte) error { var v GPC; return v.UnmarshalText(b) },
		"ParseGPC":         func(b []byte) error { _ = ParseGPC(string(b), true); return nil },
		"ConsentModeValue": func(b []byte) error { var v ConsentModeValue; return v.UnmarshalText(b) },
		"Special":          func(b []byte) error { var v Special; return v.UnmarshalText(b) },
	}
}

// hostileText are inputs of 1 MiB for the text decoders.
func hostileText() map[string][]byte {
	return map[string][]byte{
		"letters": []byte(strings.Repeat("x", mib)),
		"hex":     []byte(strings.Repeat("ab", mib/2)),
		"spaces":  []byte(strings.Repeat(" \t", mib/2) + "1"),
		"junk":    []byte(strings.Repeat("\x00\xff", mib/2)),
	}
}

// TestDecodersAllocationBound checks the documented bound of every decoder
// of the package on hostile input, and reports the worst case.
func TestDecodersAllocationBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	worst, worstName := 0.0, ""
	check := func(decoders map[string]func([]byte) error, inputs map[string][]byte) {
		for dname, dec := range decoders {
			for name, in := range inputs {
				got := allocbound.Allocated(func() { _ = dec(in) })
				per := float64(got) / float64(len(in))
				if got > allocbound.Bound(len(in)) {
					t.Errorf("%s(%s): %d bytes allocated for %d bytes, above 16 B/byte + 64 KiB", dname, name, got, len(in))
				}
				if per > worst {
					worst, worstName = per, dname+" on "+name
				}
				if testing.Verbose() && per > 1 {
					t.Logf("%-16s %-22s %6.2f B/byte", dname, name, per)
				}
			}
		}
	}
	check(jsonDecoders(), hostileJSON())
	check(textDecoders(), hostileText())
	t.Logf("worst: %s, %.2f B/byte", worstName, worst)
}

func BenchmarkDecodersHostile(b *testing.B) {
	run := func(decoders map[string]func([]byte) error, inputs map[string][]byte) {
		for dname, dec := range decoders {
			for name, in := range inputs {
				b.Run(dname+"/"+strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
					b.SetBytes(int64(len(in)))
					b.ReportAllocs()
					for b.Loop() {
						_ = dec(in)
					}
				})
			}
		}
	}
	run(jsonDecoders(), hostileJSON())
	run(textDecoders(), hostileText())
}
