package billing

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"business", "consumer", "thirty_360", "actual_over_30", "per_started_month", "domestic",
		"reverse_charge", "reverse-charge", "export", "free", "credits", "monthly", "annual", "charged", "transfer", "agreed", "", "Business"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check := func(name string, u interface {
			UnmarshalText([]byte) error
			MarshalText() ([]byte, error)
		}) {
			if err := u.UnmarshalText([]byte(s)); err != nil {
				if !errors.Is(err, ErrSyntax) {
					t.Fatalf("%s.UnmarshalText(%q) error %v does not wrap ErrSyntax", name, s, err)
				}
				return
			}
			b, err := u.MarshalText()
			if err != nil || string(b) != s {
				t.Fatalf("%s round trip of %q = %q, %v", name, s, b, err)
			}
		}
		var ck CustomerKind
		var dc DayCount
		var vt VATTreatment
		var pk PlanKind
		var cy Cycle
		var ek EventKind
		var en EntryKind
		var bs Basis
		check("CustomerKind", &ck)
		check("DayCount", &dc)
		check("VATTreatment", &vt)
		check("PlanKind", &pk)
		check("Cycle", &cy)
		check("EventKind", &ek)
		check("EntryKind", &en)
		check("Basis", &bs)
	})
}

// FuzzInterest checks the interest invariants on arbitrary debts: no
// panic, total = sum of lines, and interest never decreases as the
// statement date or the payment date moves later.
func FuzzInterest(f *testing.F) {
	f.Add(int64(1000000), 0, 45, 20, int64(400000), uint8(0), uint8(1))
	f.Add(int64(1), 400, 3000, 1, int64(1), uint8(2), uint8(2))
	f.Add(int64(999999999), 3600, 90, 0, int64(0), uint8(1), uint8(1))
	f.Fuzz(func(t *testing.T, minor int64, dueOff, untilOff, payOff int, paid int64, dc, kind uint8) {
		if minor <= 0 || minor > money.MaxMinor || paid < 0 || paid > money.MaxMinor {
			return
		}
		due := contract.MustDate(2013, 3, 1).AddDays(((dueOff % 4500) + 4500) % 4500)
		until := due.AddDays(untilOff % 400)
		d := Debt{Amount: contract.MoneyFromMinor(minor, currency.DKK), Due: due, Customer: CustomerKind(1 + kind%2)}
		if paid > 0 {
			d.Payments = []Payment{{Date: due.AddDays(payOff % 400), Amount: contract.MoneyFromMinor(paid, currency.DKK)}}
		}
		for _, rules := range []InterestRules{{MonthlyRate: contract.Dec(decimal.New(2, -2)), DayCount: DayCount(dc % 3)}, {DayCount: DayCount(dc % 3)}} {
			var err error
			a, errA := rules.Interest(d, until)
			b, errB := rules.Interest(d, until.AddDays(1))
			if errA != nil || errB != nil {
				if errors.Is(errA, ErrNoRate) || errors.Is(errB, ErrNoRate) {
					continue
				}
				t.Fatalf("Interest(%+v) errors %v, %v", d, errA, errB)
			}
			sum := contract.ZeroMoney(currency.DKK)
			for _, l := range a.Lines {
				if sum, err = sum.Add(l.Amount); err != nil {
					t.Fatal(err)
				}
			}
			if !sum.Equal(a.Total) {
				t.Fatalf("sum of lines %s != total %s", sum, a.Total)
			}
			if b.Total.Amount().LessThan(a.Total.Amount()) {
				t.Fatalf("interest to %s = %s > to %s = %s\n%s\n%s", until, a.Total, until.AddDays(1), b.Total, a, b)
			}
			if len(d.Payments) == 1 {
				later := d
				later.Payments = []Payment{{Date: d.Payments[0].Date.AddDays(1), Amount: d.Payments[0].Amount}}
				c, err := rules.Interest(later, until)
				if err != nil && !errors.Is(err, ErrNoRate) {
					t.Fatal(err)
				}
				if err == nil && c.Total.Amount().LessThan(a.Total.Amount()) {
					t.Fatalf("paying a day later lowered interest from %s to %s\n%s\n%s", a.Total, c.Total, a, c)
				}
			}
		}
	})
}

// FuzzJSON feeds arbitrary text to the JSON decoders of the stored values:
// no panic, and what decodes re-encodes to JSON that decodes the same.
func FuzzJSON(f *testing.F) {
	f.Add([]byte(`{"amount":{"amount":"1250.50","currency":"DKK"},"due":"2025-03-01","customer":"business","payments":[{"date":"2025-03-05","amount":{"amount":"100.00","currency":"DKK"}}]}`))
	f.Add([]byte(`{"id":"pro","kind":"functionality","cycle":"monthly","price":{"amount":"49.90","currency":"DKK"}}`))
	f.Add([]byte(`{"kind":"charged","date":"2025-01-31","amount":{"amount":"24.95","currency":"EUR"}}`))
	f.Add([]byte(`{"overdraft":0,"entries":[{"event_id":"a","at":"2026-01-30T09:00:00Z","kind":"grant","credits":5,"balance":5}]}`))
	f.Add([]byte(`{"rates":[{"from":"2024-01-01","reference":"0.0375","surcharge":"0.08"}]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var d Debt
		if json.Unmarshal(b, &d) == nil && d.Customer != 0 {
			out, err := json.Marshal(d)
			if err != nil {
				t.Fatalf("Marshal(%+v): %v", d, err)
			}
			var back Debt
			if err := json.Unmarshal(out, &back); err != nil {
				t.Fatalf("Unmarshal(%s): %v", out, err)
			}
			if again, _ := json.Marshal(back); string(again) != string(out) {
				t.Fatalf("re-encoding %s gave %s", out, again)
			}
		}
		var p Plan
		_ = json.Unmarshal(b, &p)
		var e Event
		_ = json.Unmarshal(b, &e)
		var inv Invoice
		_ = json.Unmarshal(b, &inv)
		var st InterestStatement
		_ = json.Unmarshal(b, &st)
		var l Ledger
		_ = json.Unmarshal(b, &l)
		var rt RateTable
		_ = json.Unmarshal(b, &rt)
	})
}

// FuzzNewInvoiceRoundTrip checks that what NewInvoice accepts can be read
// back: every invoice it returns survives JSON and compares equal, so a
// stored invoice is never unreadable. Quantities, prices and rates are
// coefficient x 10^exponent, so they reach 62-digit amounts ("1" and 61
// zeros), 1e-200 and 1e±1000000, which NewInvoice accepted and JSON then
// refused before its limits were checked where values enter.
func FuzzNewInvoiceRoundTrip(f *testing.F) {
	f.Add(int64(1), int32(0), int64(2495), int32(-2), int64(25), int32(-2), uint8(0), uint8(0))
	f.Add(int64(1), int32(61), int64(0), int32(-2), int64(25), int32(-2), uint8(0), uint8(0))   // 10^61 units at 0.00
	f.Add(int64(0), int32(0), int64(1), int32(61), int64(25), int32(-2), uint8(0), uint8(1))    // 10^61 DKK a unit, none sold
	f.Add(int64(1), int32(-200), int64(1), int32(0), int64(1), int32(-200), uint8(0), uint8(0)) // 200 decimals
	f.Add(int64(1), int32(0), int64(1), int32(-120), int64(0), int32(0), uint8(1), uint8(2))
	f.Add(int64(1), int32(-1_000_000), int64(1), int32(1_000_000), int64(1), int32(-1_000_000), uint8(0), uint8(0))
	f.Add(int64(999999999999999999), int32(0), int64(999999999999999999), int32(0), int64(0), int32(0), uint8(0), uint8(2))
	f.Add(int64(1), int32(18), int64(0), int32(0), int64(0), int32(0), uint8(2), uint8(0))
	f.Add(int64(1), int32(0), int64(1), int32(-97), int64(0), int32(0), uint8(1), uint8(0))
	curs := []currency.Unit{currency.DKK, currency.JPY, currency.MustParseISO("BHD")}
	f.Fuzz(func(t *testing.T, qc int64, qe int32, pc int64, pe int32, rc int64, re int32, treat, cur uint8) {
		l := Line{Description: "x", Quantity: contract.Dec(decimal.New(qc, qe)),
			UnitPrice: contract.NewMoney(decimal.New(pc, pe), curs[int(cur)%len(curs)]),
			VATRate:   contract.Dec(decimal.New(rc, re))}
		in := input(l)
		in.Treatment = VATTreatment(treat%3 + 1)
		if in.Treatment != DomesticVAT {
			in.Buyer.Country, in.Buyer.VATID = "US", ""
			if in.Treatment == ReverseCharge {
				in.Buyer.Country, in.Buyer.VATID = "DE", "DE123456789"
			}
		}
		inv, err := NewInvoice(in, contract.Counter{})
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("NewInvoice error %v does not wrap ErrInvalid", err)
			}
			return
		}
		b, err := json.Marshal(inv)
		if err != nil {
			t.Fatalf("an accepted invoice does not marshal: %v", err)
		}
		var back Invoice
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("an accepted invoice does not read back: %v\n%s", err, b)
		}
		if !cmp.Equal(inv, back) {
			t.Fatalf("an accepted invoice reads back different: %s", cmp.Diff(inv, back))
		}
	})
}
