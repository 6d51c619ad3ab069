package sla

import (
	"encoding/json"
	"github.com/pimkit/pimkit/internal/allocbound"
	"maps"
	"slices"
	"strings"
	"testing"
)

// repeatTo repeats unit between head and tail up to about n bytes.
func repeatTo(head, unit, tail string, n int) []byte {
	return []byte(head + strings.Repeat(unit, max((n-len(head)-len(tail))/len(unit), 1)) + tail)
}

// hostileInputs are about 1 MiB each: junk, nesting, huge numbers,
// repeated elements, keys and separators, huge strings, long ratios.
func hostileInputs() map[string][]byte {
	n := 1 << 20
	return map[string][]byte{
		"junk":                repeatTo("", "x", "", n),
		"nested arrays":       repeatTo("", "[", "", n),
		"nested objects":      repeatTo("", `{"a":`, "", n),
		"nested hours":        repeatTo(`{"hours":`, `{"a":`, "", n),
		"hours week":          repeatTo(`{"target":"99.9","hours":{"zone":"UTC","week":[`, `{},`, `{}]}}`, n),
		"hours week valid":    repeatTo(`{"target":"99.9","hours":{"zone":"UTC","week":[`, `{"day":1,"from":"08:00","to":"16:00"},`, `{"day":1,"from":"08:00","to":"16:00"}]}}`, n),
		"report days":         repeatTo(`{"days":[`, `{},`, `{}]}`, n),
		"report days padded":  repeatTo(`{"days":[`, `{"met":true,"x":"`+strings.Repeat("a", 142)+`"},`, `{}]}`, n),
		"report windows":      repeatTo(`{"windows":[`, `{"decision":{},"x":"`+strings.Repeat("a", 139)+`"},`, `{}]}`, n),
		"hours week numbers":  repeatTo(`{"target":"99.9","hours":{"zone":"UTC","week":[`, `1,`, `1]}}`, n),
		"closed dates":        repeatTo(`{"hours":{"zone":"UTC","calendar":{"holidays":"dk","closed_dates":[`, `{"name":"x","date":"2025-01-01"},`, `{}]}}}`, n),
		"hours holidays":      repeatTo(`{"target":"99.9","hours":{"holidays":[`, `"2025-01-01",`, `"2025-01-01"]}}`, n),
		"huge number":         repeatTo(`{"target":`, "9", `}`, n),
		"huge string":         repeatTo(`{"downtime_exact":"PT`, "1", `S"}`, n),
		"huge duration":       repeatTo(`{"agreed":"PT`, "1", `S"}`, n),
		"many keys":           repeatTo(`{`, `"target":"99.9",`, `"target":"99.9"}`, n),
		"separators":          repeatTo(`{"weights":[`, ",", "]}", n),
		"unknown key":         repeatTo(`{"x":"`, "y", `"}`, n),
		"long ratio":          repeatTo("", "1", "/1", n),
		"ratio separators":    repeatTo("1", "/", "1", n),
		"valid availability":  []byte(`{"span":{"from":"2025-04-01T00:00:00Z","to":"2025-05-01T00:00:00Z"},"agreed":"PT720H","unmeasured":"PT0S","counted":"PT720H","downtime":"PT43M","excluded":"PT0S","downtime_exact":"PT43M"}`),
		"exponent in target":  repeatTo(`{"target":1e`, "9", `}`, n),
		"negative exponent":   repeatTo(`{"target":1e-`, "9", `}`, n),
		"deep unknown key":    repeatTo(`{"y":`, "[", "", n),
		"empty span elements": repeatTo(`{"span":[`, "{},", "{}]}", n),
	}
}

// decoders are every decoder of the package: the JSON and text
// unmarshalers of its types.
func decoders() map[string]func([]byte) error {
	return map[string]func([]byte) error{
		"Availability.UnmarshalJSON": func(b []byte) error { var v Availability; return v.UnmarshalJSON(b) },
		"Policy.UnmarshalJSON":       func(b []byte) error { var v Policy; return v.UnmarshalJSON(b) },
		"Ratio.UnmarshalText":        func(b []byte) error { var v Ratio; return v.UnmarshalText(b) },
		"Severity.UnmarshalText":     func(b []byte) error { var v Severity; return v.UnmarshalText(b) },
		"Impact.UnmarshalText":       func(b []byte) error { var v Impact; return v.UnmarshalText(b) },
		"WindowKind.UnmarshalText":   func(b []byte) error { var v WindowKind; return v.UnmarshalText(b) },
		"MissingData.UnmarshalText":  func(b []byte) error { var v MissingData; return v.UnmarshalText(b) },
		"Granularity.UnmarshalText":  func(b []byte) error { var v Granularity; return v.UnmarshalText(b) },
		"NoticeRule.UnmarshalText":   func(b []byte) error { var v NoticeRule; return v.UnmarshalText(b) },
		"json.Unmarshal(Report)":     func(b []byte) error { var v Report; return json.Unmarshal(b, &v) },
		"json.Unmarshal(CreditTier)": func(b []byte) error { var v CreditTier; return json.Unmarshal(b, &v) },
		"json.Unmarshal(BurnRule)":   func(b []byte) error { var v BurnRule; return json.Unmarshal(b, &v) },
		"json.Unmarshal(SVGOptions)": func(b []byte) error { var v SVGOptions; return json.Unmarshal(b, &v) },
	}
}

// Every decoder allocates at most 16 bytes per input byte plus 64 KiB on
// hostile input (the bound in each decoder's doc).
func TestDecoderAllocationBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	worst, worstAt := 0.0, ""
	inputs := hostileInputs()
	for _, name := range slices.Sorted(maps.Keys(decoders())) {
		decode := decoders()[name]
		for _, in := range slices.Sorted(maps.Keys(inputs)) {
			b := inputs[in]
			decode(b) // warm up: one-time tables are not the input's cost
			n := allocbound.Allocated(func() { decode(b) })
			if limit := 16*uint64(len(b)) + 64<<10; n > limit {
				t.Errorf("%s on %s: %d bytes allocated for %d input bytes (%.1f per byte), want at most %d",
					name, in, n, len(b), float64(n)/float64(len(b)), limit)
			}
			if per := float64(n) / float64(len(b)); per > worst && len(b) > 1<<16 {
				worst, worstAt = per, name+" on "+in
			}
		}
	}
	t.Logf("worst case: %s, %.2f bytes per input byte", worstAt, worst)
}

// BenchmarkDecodeHostile measures every decoder on 1 MiB of hostile
// input; B/op over 1 MiB is the bytes allocated per input byte.
func BenchmarkDecodeHostile(b *testing.B) {
	inputs := hostileInputs()
	for _, name := range slices.Sorted(maps.Keys(decoders())) {
		decode := decoders()[name]
		for _, in := range slices.Sorted(maps.Keys(inputs)) {
			data := inputs[in]
			b.Run(name+"/"+in, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					decode(data)
				}
			})
		}
	}
}
