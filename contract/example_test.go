package contract_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

func ExampleParseMoney() {
	m, err := contract.ParseMoney("1234.5", currency.DKK)
	fmt.Println(m, err)
	_, err = contract.ParseMoney("10.005", currency.DKK) // DKK has two decimals
	fmt.Println(err)
	// Output:
	// 1234.50 DKK <nil>
	// contract: invalid amount: more than 2 decimals for DKK
}

func ExampleMoney_Add() {
	a := contract.MustParseMoney("10.00", currency.DKK)
	sum, err := a.Add(contract.MustParseMoney("5.25", currency.DKK))
	fmt.Println(sum, err)
	_, err = a.Add(contract.MustParseMoney("5.00", currency.EUR))
	fmt.Println(errors.Is(err, contract.ErrCurrencyMismatch), err)
	// Output:
	// 15.25 DKK <nil>
	// true contract: currency mismatch: add DKK and EUR
}

func ExampleMoney_Allocate() {
	// Split a fee over three cost centres weighted 1:1:1; the parts sum to
	// the fee exactly, the leftover minor unit going to the first.
	fee := contract.MustParseMoney("100.00", currency.DKK)
	one := decimal.NewFromInt(1)
	parts, _ := fee.Allocate(one, one, one)
	fmt.Println(parts)
	// Output: [33.34 DKK 33.33 DKK 33.33 DKK]
}

func ExampleMoney_Format() {
	m := contract.MustParseMoney("1234.5", currency.DKK)
	fmt.Printf("%q\n", m.Format(language.Danish))
	fmt.Printf("%q\n", m.Format(language.English))
	// Output:
	// "1.234,50\u00a0kr."
	// "DKK\u00a01,234.50"
}

func ExampleMoney_MarshalJSON() {
	b, _ := json.Marshal(contract.MustParseMoney("1234.5", currency.DKK))
	fmt.Println(string(b))
	var m contract.Money
	err := json.Unmarshal([]byte(`{"amount":"99.95","currency":"EUR"}`), &m)
	fmt.Println(m, err)
	// Output:
	// {"amount":"1234.50","currency":"DKK"}
	// 99.95 EUR <nil>
}

func ExampleParseDuration() {
	d, err := contract.ParseDuration("P3D") // days are 24 hours each
	fmt.Println(d, d.Std(), err)
	fmt.Println(contract.Hours(1) + contract.Duration(30*time.Minute))
	_, err = contract.ParseDuration("P1M") // a month is a calendar period
	fmt.Println(err)
	b, _ := json.Marshal(contract.OpenDIMSTerms().ServiceWindowNotice)
	fmt.Println(string(b))
	// Output:
	// PT72H 72h0m0s <nil>
	// PT1H30M
	// contract: invalid input: duration is not ISO 8601 days, hours, minutes and seconds (PT72H)
	// "PT72H"
}

func ExampleValidationError() {
	t := contract.OpenDIMSTerms()
	t.AvailabilityPercent = contract.PercentOf(decimal.RequireFromString("100.1")) // terms 8.1
	t.Venue = ""                                                                   // terms 20.2
	err := t.Validate()

	var verr *contract.ValidationError
	if errors.As(err, &verr) {
		for _, p := range verr.Problems {
			fmt.Printf("%s: %s (%s)\n", p.Path, p.Message, p.Rule)
		}
	}
	fmt.Println(errors.Is(err, contract.ErrInvalidTerms))
	// Output:
	// availability_percent: must be at most 100 (lte)
	// venue: is required (required)
	// true
}

func ExampleProblems() {
	// A host validates its own configuration with the same problem type:
	// the validate tags first, then a cross-field rule by hand.
	type window struct {
		Name  string `json:"name" validate:"required"`
		Hours int    `json:"hours" validate:"gte=1,lte=24"`
		Max   int    `json:"max_hours"`
	}
	w := window{Hours: 30, Max: 12}
	var ps contract.Problems
	ps.Check("windows[0]", w)
	if w.Hours > w.Max {
		ps.Add("windows[0].hours", "ltefield", "max_hours")
	}
	err := ps.Err("check windows", contract.ErrInvalidInput)
	fmt.Println(err)
	// Output: contract: invalid input: check windows: 3 problems: windows[0].name: required; windows[0].hours: lte(24); windows[0].hours: ltefield(max_hours)
}

func ExampleDecision_json() {
	s, _ := contract.OpenDIMSTerms().SettleLiability(contract.MustParseMoney("1000", currency.DKK),
		[]contract.Claim{{Event: "outage 2026-03-02", Kind: contract.DirectLoss, Amount: contract.MustParseMoney("300", currency.DKK)}})
	b, _ := json.Marshal(s.Decision)
	fmt.Println(string(b))

	var back contract.Decision
	_ = json.Unmarshal(b, &back)
	fmt.Println(back.Reason.In(language.Danish))
	// Output:
	// {"rule":"terms 15.1","allowed":true,"citations":[{"source":"terms","ref":"15.1"}],"reason":{"key":"%s claimed is payable in full, within the liability caps","args":[{"money":{"amount":"300.00","currency":"DKK"}}],"text":"DKK 300.00 claimed is payable in full, within the liability caps"}}
	// de krævede 300,00 kr. skal betales fuldt ud, inden for ansvarsbegrænsningen
}

func ExampleCapacity_Observe() {
	// Terms 7.2: warn at 80 %, 90 % and 100 % of the agreed maximum, and
	// clear a warning only when usage falls 5 points below it.
	c := contract.DefaultCapacity(decimal.NewFromInt(10000))
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var s contract.CapacityState
	for _, usage := range []int64{7000, 9100, 8600, 8400} {
		var events []contract.CapacityEvent
		s, events, _ = c.Observe(s, at, decimal.NewFromInt(usage))
		for _, e := range events {
			fmt.Println(usage, e.Raised, e.Decision.Reason)
		}
	}
	// Output:
	// 9100 true usage 9,100 has reached 80% of the agreed maximum 10,000
	// 9100 true usage 9,100 has reached 90% of the agreed maximum 10,000
	// 8400 false usage 8,400 is back below 90% of the agreed maximum 10,000
}

func ExampleVATTable_Rate() {
	rates := contract.EUVATRates()
	for _, on := range []string{"2024-08-31", "2024-09-01"} {
		r, _ := rates.Rate("FI", contract.MustParseDate(on))
		fmt.Println("FI", on, r.Shift(2), "%")
	}
	_, err := rates.Rate("US", contract.MustParseDate("2025-01-01"))
	fmt.Println(errors.Is(err, contract.ErrNoVATRate))
	// Output:
	// FI 2024-08-31 24 %
	// FI 2024-09-01 25.5 %
	// true
}
