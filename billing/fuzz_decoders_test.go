package billing

import "testing"

// FuzzDecoders feeds the same input to every decoder of the package -- the
// table the allocation-bound test measures -- and none may panic.
// FuzzNewInvoiceRoundTrip checks that what NewInvoice accepts reads back.
func FuzzDecoders(f *testing.F) {
	for _, s := range []string{`{"rates":[{"from":"2024-01-01","reference":"0.01","surcharge":"0.08"}]}`, `{"entries":[]}`,
		`{"lines":[{}]}`, `business`, `thirty_360`, `reverse_charge`, `{"monthly_rate":"0.02"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, dec := range decoders() {
			_ = dec(b)
		}
	})
}
