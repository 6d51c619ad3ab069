package billing

import (
	"encoding/json"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// invoiceHostile are 1 MiB invoices of tiny list elements; before
// Invoice.UnmarshalJSON, a million empty lines cost 213 bytes per input
// byte.
func invoiceHostile() map[string][]byte {
	n := 1 << 20
	list := func(key, unit string) []byte {
		return []byte(`{"` + key + `":[` + strings.Repeat(unit, n/len(unit)) + `{}]}`)
	}
	return map[string][]byte{
		"empty lines":      list("lines", "{},"),
		"null lines":       list("lines", "null,"),
		"string lines":     list("lines", `"",`),
		"empty summaries":  list("vat_summary", "{},"),
		"empty citations":  list("citations", "{},"),
		"line citations":   list("lines", `{"citations":[]},`),
		"padded lines":     list("lines", `{"description":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},`),
		"padded citations": list("citations", `{"source":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},`),
		"nested":           []byte(`{"lines":` + strings.Repeat("[", n)),
	}
}

func allocatedBytes(f func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestInvoiceDecoderBound(t *testing.T) {
	for name, in := range invoiceHostile() {
		var inv Invoice
		got := allocatedBytes(func() { _ = json.Unmarshal(in, &inv) })
		if limit := uint64(16*len(in) + 64<<10); got > limit {
			t.Errorf("Invoice JSON on %s: allocated %d bytes, %.1f per input byte; the bound is 16 per byte plus 64 KiB", name, got, float64(got)/float64(len(in)))
		}
	}
}

func BenchmarkInvoiceDecoderHostile(b *testing.B) {
	for name, in := range invoiceHostile() {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				var inv Invoice
				_ = json.Unmarshal(in, &inv)
			}
		})
	}
}
