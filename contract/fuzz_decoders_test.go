package contract

import "testing"

// FuzzDecoders feeds the same input to every decoder of the package -- the
// table the allocation-bound test measures -- and none may panic, whatever
// the input. The typed round trips of the main decoders have targets of
// their own (FuzzParseMoney, FuzzMoneyJSON, FuzzParseDuration,
// FuzzReasonJSON, FuzzTermsJSON, FuzzCounterJSON).
func FuzzDecoders(f *testing.F) {
	for _, s := range []string{`"0.25"`, `0.25`, `{"amount":"1.00","currency":"DKK"}`, `{"rates":[{"country":"DK","from":"2024-01-01","rate":"0.25"}]}`,
		`{"max":"100","thresholds":["0.8","1"],"hysteresis":"0.05"}`, `{"zone":"Europe/Copenhagen","calendar":{"holidays":"dk"},"week":[]}`,
		`PT72H`, `P1M`, `2026-01-31`, `08:00`, `[{"source":"terms","ref":"12.3"}]`, `{"rule":"terms 17.2","allowed":true}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, d := range decoders {
			d.dec(b)
		}
	})
}
