package contract

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/currency"
)

// FuzzParseMoney checks that ParseMoney never panics, refuses with
// ErrInvalidMoney without quoting its input, and that an amount it
// accepts prints back as text it reads again to the same Money.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1234.50", "-3", "0.5", "10.005", "1e3", "", "-", ".5", "1.", "00012.30",
		strings.Repeat("9", 101), "1000000000000000001", " 1", "+1", "1,5"} {
		f.Add(s, "DKK")
	}
	f.Add("1.234", "BHD")
	f.Add("5", "JPY")
	f.Fuzz(func(t *testing.T, s, code string) {
		c, err := ParseCurrency(code)
		if err != nil {
			c = CurrencyOf(currency.DKK)
		}
		m, err := ParseMoney(s, c.Unit())
		if err != nil {
			if !errors.Is(err, ErrInvalidMoney) {
				t.Fatalf("ParseMoney(%q) error %v does not wrap ErrInvalidMoney", s, err)
			}
			if len(s) > 3 && strings.Contains(err.Error(), s) {
				t.Fatalf("ParseMoney(%q) error %q quotes its input", s, err)
			}
			return
		}
		back, err := ParseMoney(m.Text(), m.Currency())
		if err != nil || !back.Equal(m) {
			t.Fatalf("ParseMoney(%q).Text() = %q reads back as %v, %v", s, m.Text(), back, err)
		}
	})
}

// FuzzMoneyJSON checks that Money.UnmarshalJSON never panics on any bytes
// and that whatever it accepts survives a second round trip exactly.
func FuzzMoneyJSON(f *testing.F) {
	for _, s := range []string{`{"amount":"1234.50","currency":"DKK"}`, `{"amount":"1e3","currency":"DKK"}`,
		`{"amount":"1","currency":"ZZZZ"}`, `{"amount":1,"currency":"DKK"}`, `null`, `{}`, `[]`, `"x"`,
		`{"amount":"-0.125","currency":"BHD"}`, `{"amount":"` + strings.Repeat("1", 120) + `","currency":"EUR"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var m Money
		if err := json.Unmarshal(b, &m); err != nil {
			return
		}
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("Marshal(%v) after Unmarshal(%q) = %v", m, b, err)
		}
		var back Money
		if err := json.Unmarshal(out, &back); err != nil || !back.Equal(m) {
			t.Fatalf("%q -> %v -> %s -> %v, %v", b, m, out, back, err)
		}
	})
}

// FuzzParseDuration checks that ParseDuration never panics and that every
// Duration survives its text: ParseDuration(d.String()) == d, for any d,
// the extremes included.
func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"PT72H", "P3D", "PT1H30M", "PT0.5S", "-PT1H", "PT0S", "P1M", "PT", "P", "PT1.S",
		"P1DT1H1M1.000000001S", "PT2562047H47M16.854775807S", "-PT2562047H47M16.854775808S"} {
		f.Add(s, int64(0))
	}
	f.Add("", int64(-1<<63))
	f.Add("", int64(1<<63-1))
	f.Add("", int64(90*time.Minute))
	f.Fuzz(func(t *testing.T, s string, n int64) {
		if d, err := ParseDuration(s); err == nil {
			if back, err := ParseDuration(d.String()); err != nil || back != d {
				t.Fatalf("ParseDuration(%q) = %v; its text %q reads back as %v, %v", s, d, d.String(), back, err)
			}
		} else if !errors.Is(err, ErrInvalidInput) {
			t.Fatalf("ParseDuration(%q) error %v does not wrap ErrInvalidInput", s, err)
		}
		d := Duration(n)
		back, err := ParseDuration(d.String())
		if err != nil || back != d {
			t.Fatalf("Duration(%d).String() = %q reads back as %d, %v", n, d.String(), back, err)
		}
	})
}

// FuzzReasonJSON checks that Reason.UnmarshalJSON never panics and that a
// reason it accepts marshals again and reads back equal.
func FuzzReasonJSON(f *testing.F) {
	r := rulesReason("%s of %s claimed is payable in full, within the liability caps", MustParseMoney("100", currency.DKK), 3)
	b, _ := json.Marshal(r)
	f.Add(b)
	for _, s := range []string{`{"key":"x %d","args":[{"int":1}]}`, `{"key":"x","args":[{"int":1,"string":"a"}]}`,
		`{"key":"%s","args":[{"money":{"amount":"1e99","currency":"DKK"}}]}`, `{"key":"%s","args":[{"date":"2026-02-30"}]}`,
		`{"key":"%s","args":[{"time":"2026-01-01T00:00:00Z"},{"duration":"PT1H"},{"period":"P1M"},{"percent":"99.9"}]}`,
		`null`, `{}`, `[]`, `{"args":[{}]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var r Reason
		if err := json.Unmarshal(b, &r); err != nil {
			return
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("Marshal after Unmarshal(%q) = %v", b, err)
		}
		var back Reason
		if err := json.Unmarshal(out, &back); err != nil || !back.Equal(r) {
			t.Fatalf("%q -> %s -> %v, %v", b, out, back, err)
		}
	})
}

// FuzzParseCurrencyLocale checks that ParseCurrency and ParseLocale never
// panic, refuse without quoting their input, and that what they accept
// survives its own text.
func FuzzParseCurrencyLocale(f *testing.F) {
	for _, s := range []string{"DKK", "dkk", "XXX", "ZZZ", "EURO", "", "da-DK", "en", "und", "x-private", "da-DK-u-nu-latn",
		strings.Repeat("a", 40), "sr-Latn-RS", "zh-Hant-TW"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c, err := ParseCurrency(s); err == nil {
			if back, err := ParseCurrency(c.String()); err != nil || !back.Equal(c) {
				t.Fatalf("ParseCurrency(%q) = %v reads back as %v, %v", s, c, back, err)
			}
		} else if !errors.Is(err, ErrInvalidInput) || (len(s) > 3 && strings.Contains(err.Error(), s)) {
			t.Fatalf("ParseCurrency(%q) error %v", s, err)
		}
		if l, err := ParseLocale(s); err == nil {
			if back, err := ParseLocale(l.String()); err != nil || !back.Equal(l) {
				t.Fatalf("ParseLocale(%q) = %v reads back as %v, %v", s, l, back, err)
			}
		} else if !errors.Is(err, ErrInvalidInput) || (len(s) > 3 && strings.Contains(err.Error(), s)) {
			t.Fatalf("ParseLocale(%q) error %v", s, err)
		}
	})
}
