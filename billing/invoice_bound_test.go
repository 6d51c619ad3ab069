package billing

import (
	"encoding/json"
	"github.com/pimkit/pimkit/internal/allocbound"
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

// listHostile are 1 MiB documents whose list key holds tiny elements;
// before their decoders, a Debt, Collection, InterestStatement and
// InvoiceInput cost 53 to 229 bytes per input byte on them.
func listHostile(key string) map[string][]byte {
	n := 1 << 20
	list := func(unit string) []byte {
		return []byte(`{"` + key + `":[` + strings.Repeat(unit, n/len(unit)) + `{}]}`)
	}
	return map[string][]byte{
		"empty":  list("{},"),
		"null":   list("null,"),
		"string": list(`"",`),
		"padded": list(`{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":1},`),
	}
}

func TestInvoiceDecoderBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	check := func(name string, in []byte, f func([]byte)) {
		got := allocbound.Allocated(func() { f(in) })
		if limit := uint64(16*len(in) + 64<<10); got > limit {
			t.Errorf("%s: allocated %d bytes, %.1f per input byte; the bound is 16 per byte plus 64 KiB", name, got, float64(got)/float64(len(in)))
		}
	}
	for name, in := range invoiceHostile() {
		check("Invoice JSON on "+name, in, func(b []byte) { var v Invoice; _ = json.Unmarshal(b, &v) })
	}
	for _, d := range []struct {
		name, key string
		f         func([]byte)
	}{
		{"Debt", "payments", func(b []byte) { var v Debt; _ = json.Unmarshal(b, &v) }},
		{"Collection", "demands", func(b []byte) { var v Collection; _ = json.Unmarshal(b, &v) }},
		{"InterestStatement", "lines", func(b []byte) { var v InterestStatement; _ = json.Unmarshal(b, &v) }},
		{"InterestStatement", "citations", func(b []byte) { var v InterestStatement; _ = json.Unmarshal(b, &v) }},
		{"InvoiceInput", "lines", func(b []byte) { var v InvoiceInput; _ = json.Unmarshal(b, &v) }},
	} {
		for name, in := range listHostile(d.key) {
			check(d.name+" JSON on "+d.key+" "+name, in, d.f)
		}
	}
}

// BenchmarkInvoiceDecoderHostile runs the bounded billing decoders on
// hostile input, reporting B/op over the input's size (SetBytes).
func BenchmarkInvoiceDecoderHostile(b *testing.B) {
	run := func(name string, in []byte, f func([]byte)) {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				f(in)
			}
		})
	}
	for name, in := range invoiceHostile() {
		run("Invoice/"+name, in, func(b []byte) { var v Invoice; _ = json.Unmarshal(b, &v) })
	}
	for name, in := range listHostile("payments") {
		run("Debt/"+name, in, func(b []byte) { var v Debt; _ = json.Unmarshal(b, &v) })
	}
	for name, in := range listHostile("demands") {
		run("Collection/"+name, in, func(b []byte) { var v Collection; _ = json.Unmarshal(b, &v) })
	}
	for name, in := range listHostile("lines") {
		run("InterestStatement/"+name, in, func(b []byte) { var v InterestStatement; _ = json.Unmarshal(b, &v) })
		run("InvoiceInput/"+name, in, func(b []byte) { var v InvoiceInput; _ = json.Unmarshal(b, &v) })
	}
}
