package billing

import (
	"encoding/json"
	"testing"

	"github.com/pimkit/pimkit/internal/allocbound"
)

// TestAccountDecoderBound: the decoders of credit notes and statements of
// account stay within 16 bytes per input byte plus 64 KiB on 1 MiB of
// tiny list elements.
func TestAccountDecoderBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	for _, d := range []struct {
		name, key string
		f         func([]byte)
	}{
		{"CreditNote", "lines", func(b []byte) { var v CreditNote; _ = json.Unmarshal(b, &v) }},
		{"CreditNote", "citations", func(b []byte) { var v CreditNote; _ = json.Unmarshal(b, &v) }},
		{"CreditNoteInput", "lines", func(b []byte) { var v CreditNoteInput; _ = json.Unmarshal(b, &v) }},
		{"StatementInput", "invoices", func(b []byte) { var v StatementInput; _ = json.Unmarshal(b, &v) }},
		{"StatementInput", "payments", func(b []byte) { var v StatementInput; _ = json.Unmarshal(b, &v) }},
		{"AccountStatement", "lines", func(b []byte) { var v AccountStatement; _ = json.Unmarshal(b, &v) }},
		{"AccountStatement", "allocations", func(b []byte) { var v AccountStatement; _ = json.Unmarshal(b, &v) }},
		{"InvoiceInput", "allowances", func(b []byte) { var v InvoiceInput; _ = json.Unmarshal(b, &v) }},
		{"Invoice", "allowances", func(b []byte) { var v Invoice; _ = json.Unmarshal(b, &v) }},
	} {
		for name, in := range listHostile(d.key) {
			got := allocbound.Allocated(func() { d.f(in) })
			if limit := uint64(16*len(in) + 64<<10); got > limit {
				t.Errorf("%s JSON on %s %s: allocated %d bytes, %.1f per input byte; the bound is 16 per byte plus 64 KiB",
					d.name, d.key, name, got, float64(got)/float64(len(in)))
			}
		}
	}
}
