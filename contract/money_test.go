package contract_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestParseMoney(t *testing.T) {
	tests := []struct {
		name string
		in   string
		cur  currency.Unit
		want string // Money.String, "" for an error
	}{
		{"minor unit DKK 2 decimals (momsbekendtgørelsen § 58 amounts)", "1234.5", currency.DKK, "1234.50 DKK"},
		{"negative", "-3", currency.DKK, "-3.00 DKK"},
		{"JPY has no minor unit", "5", currency.JPY, "5 JPY"},
		{"BHD has three decimals", "1.234", currency.MustParseISO("BHD"), "1.234 BHD"},
		{"more decimals than DKK's minor unit", "10.005", currency.DKK, ""},
		{"trailing zeros beyond the minor unit are exact", "10.500", currency.DKK, "10.50 DKK"},
		{"exponent refused", "1e3", currency.DKK, ""},
		{"grouping refused", "1,000.00", currency.DKK, ""},
		{"space refused", " 1.00", currency.DKK, ""},
		{"beyond 10^18", "1000000000000000001", currency.DKK, ""},
		{"101 characters", "1" + string(make([]byte, 0)) + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", currency.DKK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := contract.ParseMoney(tt.in, tt.cur)
			if tt.want == "" {
				if !errors.Is(err, contract.ErrInvalidMoney) {
					t.Fatalf("ParseMoney(%q) = %v, %v; want ErrInvalidMoney", tt.in, m, err)
				}
				return
			}
			if err != nil || m.String() != tt.want {
				t.Fatalf("ParseMoney(%q) = %v, %v; want %s", tt.in, m, err, tt.want)
			}
		})
	}
}

func TestMoneyArithmetic(t *testing.T) {
	dkk := func(s string) contract.Money { return contract.MustParseMoney(s, currency.DKK) }
	sum, err := dkk("10.00").Add(dkk("0.50"))
	if err != nil || !sum.Equal(dkk("10.50")) {
		t.Errorf("10.00 + 0.50 DKK = %v, %v", sum, err)
	}
	var total contract.Money // the zero Money is the identity of Add
	total, err = total.Add(dkk("7.25"))
	if err != nil || !total.Equal(dkk("7.25")) || total.Currency() != currency.DKK {
		t.Errorf("zero + 7.25 DKK = %v, %v", total, err)
	}
	if _, err := dkk("1").Add(contract.MustParseMoney("1", currency.EUR)); !errors.Is(err, contract.ErrCurrencyMismatch) {
		t.Errorf("DKK + EUR error = %v, want ErrCurrencyMismatch", err)
	}
	if _, err := dkk("1").Cmp(contract.MustParseMoney("1", currency.EUR)); !errors.Is(err, contract.ErrCurrencyMismatch) {
		t.Errorf("DKK cmp EUR error = %v, want ErrCurrencyMismatch", err)
	}
	// Rounding is explicit: half away from zero, half even, cash (DKK 0.50).
	for _, tt := range []struct {
		name string
		got  contract.Money
		want string
	}{
		{"half away from zero 0.125", contract.NewMoney(dec("0.125"), currency.DKK).Round(), "0.13 DKK"},
		{"half away from zero -0.125", contract.NewMoney(dec("-0.125"), currency.DKK).Round(), "-0.13 DKK"},
		{"half even 0.125", contract.NewMoney(dec("0.125"), currency.DKK).RoundHalfEven(), "0.12 DKK"},
		{"cash DKK 10.26", contract.NewMoney(dec("10.26"), currency.DKK).RoundCash(), "10.50 DKK"},
		{"cash DKK 10.24", contract.NewMoney(dec("10.24"), currency.DKK).RoundCash(), "10.00 DKK"},
		{"cash CHF 0.05", contract.NewMoney(dec("1.03"), currency.CHF).RoundCash(), "1.05 CHF"},
		{"Mul keeps every digit", dkk("10.00").Mul(dec("0.125")), "1.25000 DKK"},
	} {
		if tt.got.String() != tt.want {
			t.Errorf("%s: %v, want %s", tt.name, tt.got, tt.want)
		}
	}
	if minor, ok := dkk("1234.50").Minor(); !ok || minor != 123450 {
		t.Errorf("Minor(1234.50 DKK) = %d, %v", minor, ok)
	}
}

func TestMoneyAllocate(t *testing.T) {
	for _, tt := range []struct {
		name    string
		m       contract.Money
		weights []string
		want    []string
	}{
		{"thirds: the first part takes the extra øre", contract.MustParseMoney("100", currency.DKK), []string{"1", "1", "1"}, []string{"33.34", "33.33", "33.33"}},
		{"negative amounts split the same way", contract.MustParseMoney("-100", currency.DKK), []string{"1", "1", "1"}, []string{"-33.34", "-33.33", "-33.33"}},
		{"by VAT bases", contract.MustParseMoney("10.00", currency.DKK), []string{"3", "7"}, []string{"3.00", "7.00"}},
		{"largest remainder", contract.MustParseMoney("0.05", currency.DKK), []string{"1", "3"}, []string{"0.01", "0.04"}},
		{"zero weight gets nothing", contract.MustParseMoney("1", currency.JPY), []string{"0", "1", "1"}, []string{"0", "1", "0"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var w []decimal.Decimal
			for _, s := range tt.weights {
				w = append(w, dec(s))
			}
			parts, err := tt.m.Allocate(w...)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			var sum contract.Money
			for _, p := range parts {
				got = append(got, p.Text())
				sum, _ = sum.Add(p)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Allocate (-want +got):\n%s", diff)
			}
			if !sum.Equal(tt.m.Round()) {
				t.Errorf("parts sum to %v, want %v", sum, tt.m.Round())
			}
		})
	}
	if _, err := contract.MustParseMoney("1", currency.DKK).Allocate(dec("0")); !errors.Is(err, contract.ErrInvalidInput) {
		t.Errorf("Allocate(0) error = %v", err)
	}
}

func TestMoneyFormat(t *testing.T) {
	m := contract.MustParseMoney("1234.5", currency.DKK)
	for _, tt := range []struct {
		tag  language.Tag
		want string
	}{
		{language.Danish, "1.234,50\u00a0kr."},
		{language.MustParse("da-DK"), "1.234,50\u00a0kr."},
		{language.English, "DKK\u00a01,234.50"},
		{language.Swedish, "1\u00a0234,50\u00a0Dkr"},
		{language.German, "1.234,50\u00a0DKK"},
	} {
		if got := m.Format(tt.tag); got != tt.want {
			t.Errorf("Format(%s) = %q, want %q", tt.tag, got, tt.want)
		}
	}
	if got := contract.MustParseMoney("-1234567.891", currency.MustParseISO("BHD")).Format(language.English); got != "-BHD\u00a01,234,567.891" {
		t.Errorf("negative BHD in English = %q, want -BHD\u00a01,234,567.891 (CLDR: sign before the symbol, a space after a letter symbol)", got)
	}
	p := contract.PercentOf(dec("99.9"))
	if got := p.Format(language.Danish); got != "99,9\u00a0%" {
		t.Errorf("99.9 %% in Danish = %q", got)
	}
	if got := p.Format(language.English); got != "99.9%" {
		t.Errorf("99.9 %% in English = %q", got)
	}
}

func TestMoneyJSON(t *testing.T) {
	for _, m := range []contract.Money{
		contract.MustParseMoney("1234.50", currency.DKK),
		contract.NewMoney(dec("0.125"), currency.EUR), // unrounded: no digit lost
		contract.MustParseMoney("5", currency.JPY),
		contract.ZeroMoney(currency.SEK),
		{},
	} {
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var back contract.Money
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("Unmarshal(%s) = %v", b, err)
		}
		if !cmp.Equal(m, back) {
			t.Errorf("%v read back as %v (%s)", m, back, b)
		}
	}
	b, _ := json.Marshal(contract.MustParseMoney("1234.5", currency.DKK))
	if string(b) != `{"amount":"1234.50","currency":"DKK"}` {
		t.Errorf("JSON = %s", b)
	}
	for _, bad := range []string{`{"amount":"1e3","currency":"DKK"}`, `{"amount":"1","currency":"ZZZZ"}`, `{"amount":1,"currency":"DKK"}`} {
		var m contract.Money
		if err := json.Unmarshal([]byte(bad), &m); !errors.Is(err, contract.ErrInvalidMoney) {
			t.Errorf("Unmarshal(%s) = %v, want ErrInvalidMoney", bad, err)
		}
	}
}

func TestDuration(t *testing.T) {
	for _, tt := range []struct {
		d    contract.Duration
		text string
	}{
		{contract.Hours(72), "PT72H"}, // GDPR Art. 33(1)
		{contract.Hours(48), "PT48H"}, // terms 6.3
		{contract.Duration(90 * 60e9), "PT1H30M"},
		{contract.Duration(1500e6), "PT1.5S"},
		{0, "PT0S"},
		{-contract.Hours(1), "-PT1H"},
	} {
		if got := tt.d.String(); got != tt.text {
			t.Errorf("%d.String() = %s, want %s", tt.d, got, tt.text)
		}
		back, err := contract.ParseDuration(tt.text)
		if err != nil || back != tt.d {
			t.Errorf("ParseDuration(%s) = %v, %v", tt.text, back, err)
		}
	}
	if d, err := contract.ParseDuration("P3D"); err != nil || d != contract.Hours(72) {
		t.Errorf("P3D = %v, %v, want PT72H", d, err)
	}
	for _, bad := range []string{"", "P", "PT", "P1M", "P1Y", "PT1.5H", "72h", "PT99999999999999999H", "PT1H1H", "PT1M1H"} {
		if _, err := contract.ParseDuration(bad); !errors.Is(err, contract.ErrInvalidInput) {
			t.Errorf("ParseDuration(%q) error = %v", bad, err)
		}
	}
}

func TestDecisionJSONKeepsReason(t *testing.T) {
	terms := contract.OpenDIMSTerms()
	d, err := terms.CustomerTermination(contract.MustDate(2025, 11, 1), contract.MustDate(2026, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back contract.Decision
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !cmp.Equal(d, back) {
		t.Errorf("terms 17.2 decision does not survive JSON:\n%s\n%s", cmp.Diff(d, back), b)
	}
	if back.Reason.In(language.Danish) != d.Reason.In(language.Danish) || back.Reason.In(language.Danish) == back.Reason.String() {
		t.Errorf("Danish reason after JSON = %q, want %q", back.Reason.In(language.Danish), d.Reason.In(language.Danish))
	}
	var raw map[string]any
	_ = json.Unmarshal(b, &raw)
	for _, k := range []string{"rule", "allowed", "date", "citations", "reason"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("decision JSON lacks %q: %s", k, b)
		}
	}
	if _, ok := raw["at"]; ok {
		t.Errorf("a zero instant is written: %s", b)
	}
}

func TestReasonFormatsArgumentsPerLanguage(t *testing.T) {
	r := contract.NewReason(nil, "fee of %s at %s", contract.MustParseMoney("100", currency.DKK), contract.PercentOf(dec("99.9")))
	if got := r.String(); got != "fee of DKK\u00a0100.00 at 99.9%" {
		t.Errorf("English = %q", got)
	}
	if got := r.In(language.Danish); got != "fee of 100,00\u00a0kr. at 99,9\u00a0%" {
		t.Errorf("Danish = %q", got)
	}
}

func TestOneProblemType(t *testing.T) {
	var ps contract.Problems
	ps.Add("lines[2].quantity", "gte", "0")
	ps.AddProblem("customer", contract.Problem{Path: "cvr", Rule: "cvr"})
	err := ps.Err("new invoice", contract.ErrInvalidInput)
	var verr *contract.ValidationError
	if !errors.As(err, &verr) || !errors.Is(err, contract.ErrInvalidInput) {
		t.Fatalf("err = %v", err)
	}
	want := []contract.Problem{
		{Path: "lines[2].quantity", Rule: "gte", Param: "0", Message: "must be at least 0"},
		{Path: "customer.cvr", Rule: "cvr", Message: "must be a Danish CVR number"},
	}
	if diff := cmp.Diff(want, verr.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if got := err.Error(); got != "contract: invalid input: new invoice: 2 problems: lines[2].quantity: gte(0); customer.cvr: cvr" {
		t.Errorf("Error() = %q", got)
	}
	var none contract.Problems
	if none.Err("x", contract.ErrInvalidInput) != nil {
		t.Error("no problems must give a nil error")
	}
}

func TestCurrencyAndLocaleValues(t *testing.T) {
	type doc struct {
		C contract.Currency `json:"c"`
		L contract.Locale   `json:"l"`
	}
	in := doc{contract.CurrencyOf(currency.DKK), contract.MustLocale("da-DK")}
	b, _ := json.Marshal(in)
	if string(b) != `{"c":"DKK","l":"da-DK"}` {
		t.Errorf("JSON = %s", b)
	}
	var back doc
	if err := json.Unmarshal(b, &back); err != nil || !cmp.Equal(in, back) {
		t.Errorf("read back %v, %v", back, err)
	}
	if _, err := contract.ParseCurrency("Danish kroner"); !errors.Is(err, contract.ErrInvalidInput) {
		t.Errorf("ParseCurrency error = %v", err)
	}
}
