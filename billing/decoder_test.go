package billing

import (
	"encoding/json"
	"fmt"
	"github.com/pimkit/pimkit/internal/allocbound"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

// hostileMiB is the size of each hostile input.
const hostileMiB = 1 << 20

// repeatTo repeats unit between head and tail up to about n bytes.
func repeatTo(head, unit, tail string, n int) []byte {
	return []byte(head + strings.Repeat(unit, max((n-len(head)-len(tail))/len(unit), 1)) + tail)
}

// validLedgerJSON is a ledger of n bytes that reads back: grants with
// distinct event IDs and balances that follow.
func validLedgerJSON(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"overdraft":0,"entries":[`)
	at := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; b.Len() < n-200; i++ {
		if i > 1 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"event_id":"e%d","at":%q,"kind":"grant","credits":1,"balance":%d}`, i, at.Format(time.RFC3339), i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// hostileInputs are about 1 MiB each: junk, nesting, huge numbers,
// repeated elements and separators, a huge string.
func hostileInputs(list string) map[string][]byte {
	n := hostileMiB
	return map[string][]byte{
		"junk":             repeatTo("", "x", "", n),
		"nested arrays":    repeatTo("", "[", "", n),
		"nested in list":   repeatTo(`{"`+list+`":`, "[", "", n),
		"nested objects":   repeatTo(`{"`+list+`":[`, `{"a":`, "", n),
		"empty elements":   repeatTo(`{"`+list+`":[`, "{},", "{}]}", n),
		"null elements":    repeatTo(`{"`+list+`":[`, "null,", "null]}", n),
		"separators":       repeatTo(`{"`+list+`":[`, ",", "]}", n),
		"huge number":      repeatTo(`{"`+list+`":[{"from":"2024-01-01","reference":`, "9", `,"credits":1}]}`, n),
		"huge string":      repeatTo(`{"`+list+`":[{"event_id":"`, "e", `"}]}`, n),
		"unknown key":      repeatTo(`{"x":"`, "y", `"}`, n),
		"many keys":        repeatTo(`{`, `"overdraft":1,`, `"overdraft":1}`, n),
		"exponent":         repeatTo(`{"`+list+`":[{"from":"2024-01-01","reference":1e`, "9", `}]}`, n),
		"valid ledger":     validLedgerJSON(n),
		"valid-ish rates":  repeatTo(`{"rates":[`, `{"from":"2024-01-01","reference":"0.01","surcharge":"0.08"},`, `{}]}`, n),
		"deep unknown key": repeatTo(`{"y":`, "[", "", n),
	}
}

// decoders are every decoder of the package: the JSON and text
// unmarshalers of its types.
func decoders() map[string]func([]byte) error {
	return map[string]func([]byte) error{
		// Usage and EU VAT: the enums' text and a usage event as a host
		// receives it.
		"Aggregation.UnmarshalText":   func(b []byte) error { var v Aggregation; return v.UnmarshalText(b) },
		"PriceModel.UnmarshalText":    func(b []byte) error { var v PriceModel; return v.UnmarshalText(b) },
		"EvidenceKind.UnmarshalText":  func(b []byte) error { var v EvidenceKind; return v.UnmarshalText(b) },
		"SupplyChannel.UnmarshalText": func(b []byte) error { var v SupplyChannel; return v.UnmarshalText(b) },
		"json.Unmarshal(UsageEvent)":  func(b []byte) error { var v UsageEvent; return json.Unmarshal(b, &v) },
		// The package's other decoders.
		"RateTable.UnmarshalJSON":    func(b []byte) error { var v RateTable; return v.UnmarshalJSON(b) },
		"Ledger.UnmarshalJSON":       func(b []byte) error { var v Ledger; return v.UnmarshalJSON(b) },
		"CustomerKind.UnmarshalText": func(b []byte) error { var v CustomerKind; return v.UnmarshalText(b) },
		"DayCount.UnmarshalText":     func(b []byte) error { var v DayCount; return v.UnmarshalText(b) },
		"Basis.UnmarshalText":        func(b []byte) error { var v Basis; return v.UnmarshalText(b) },
		"VATTreatment.UnmarshalText": func(b []byte) error { var v VATTreatment; return v.UnmarshalText(b) },
		"PlanKind.UnmarshalText":     func(b []byte) error { var v PlanKind; return v.UnmarshalText(b) },
		"Cycle.UnmarshalText":        func(b []byte) error { var v Cycle; return v.UnmarshalText(b) },
		"EventKind.UnmarshalText":    func(b []byte) error { var v EventKind; return v.UnmarshalText(b) },
		"EntryKind.UnmarshalText":    func(b []byte) error { var v EntryKind; return v.UnmarshalText(b) },
		"CreditReason.UnmarshalText": func(b []byte) error { var v CreditReason; return v.UnmarshalText(b) },
		"DiscountDuration.UnmarshalText": func(b []byte) error {
			var v DiscountDuration
			return v.UnmarshalText(b)
		},
		"StatementLineKind.UnmarshalText": func(b []byte) error {
			var v StatementLineKind
			return v.UnmarshalText(b)
		},
		"json.Unmarshal(InterestRules)": func(b []byte) error {
			var v InterestRules
			return json.Unmarshal(b, &v)
		},
		"json.Unmarshal(PriceAdjustment)": func(b []byte) error { var v PriceAdjustment; return json.Unmarshal(b, &v) },
		"json.Unmarshal(CreditNote)":      func(b []byte) error { var v CreditNote; return json.Unmarshal(b, &v) },
		"json.Unmarshal(CreditNoteInput)": func(b []byte) error { var v CreditNoteInput; return json.Unmarshal(b, &v) },
		"json.Unmarshal(StatementInput)":  func(b []byte) error { var v StatementInput; return json.Unmarshal(b, &v) },
		"json.Unmarshal(AccountStatement)": func(b []byte) error {
			var v AccountStatement
			return json.Unmarshal(b, &v)
		},
	}
}

// Every decoder allocates at most 16 bytes per input byte plus 64 KiB on
// hostile input: a megabyte of junk, nesting, digits or empty elements
// costs at most 16 MiB, not gigabytes (the bound in each decoder's doc).
func TestDecoderAllocationBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	worst, worstAt := 0.0, ""
	for _, name := range slices.Sorted(maps.Keys(decoders())) {
		decode := decoders()[name]
		inputs := hostileInputs("entries")
		for k, v := range hostileInputs("rates") {
			inputs["rates: "+k] = v
		}
		for _, in := range slices.Sorted(maps.Keys(inputs)) {
			b := inputs[in]
			decode(b) // warm up: one-time tables are not the input's cost
			n := allocbound.Allocated(func() { decode(b) })
			if limit := 16*uint64(len(b)) + 64<<10; n > limit {
				t.Errorf("%s on %s: %d bytes allocated for %d input bytes (%.1f per byte), want at most %d",
					name, in, n, len(b), float64(n)/float64(len(b)), limit)
			}
			if per := float64(n) / float64(len(b)); per > worst {
				worst, worstAt = per, name+" on "+in
			}
		}
	}
	t.Logf("worst case: %s, %.2f bytes per input byte", worstAt, worst)
}

// BenchmarkDecodeHostile measures every decoder on 1 MiB of hostile
// input; B/op over 1 MiB is the bytes allocated per input byte.
func BenchmarkDecodeHostile(b *testing.B) {
	for _, name := range slices.Sorted(maps.Keys(decoders())) {
		decode := decoders()[name]
		inputs := hostileInputs("entries")
		for k, v := range hostileInputs("rates") {
			inputs["rates: "+k] = v
		}
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
