package billing

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func day(s string) contract.Date { return contract.MustParseDate(s) }

func dkk(s string) contract.Money { return contract.MustParseMoney(s, currency.DKK) }

// vatDK is the Danish standard VAT rate from the one VAT table, 0.25
// (momsloven § 33).
var vatDK = func() decimal.Decimal {
	r, err := contract.EUVATRates().Rate("DK", contract.MustDate(2026, 1, 1))
	if err != nil {
		panic(err)
	}
	return r
}()

// hasProblem reports whether err is a *contract.ValidationError with a
// problem at path (and rule, when rule is not empty).
func hasProblem(err error, path, rule string) bool {
	var ve *contract.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	for _, p := range ve.Problems {
		if p.Path == path && (rule == "" || p.Rule == rule) {
			return true
		}
	}
	return false
}

func TestInterestVectors(t *testing.T) {
	two := dec("0.02")
	base := Debt{Amount: dkk("10000.00"), Due: day("2025-03-01"), Customer: Business}
	withPayments := base
	withPayments.Payments = []Payment{{day("2025-04-15"), dkk("6000.00")}, {day("2025-03-16"), dkk("4000.00")}}
	consumer := Debt{Amount: dkk("10000.00"), Due: day("2024-02-01"), Customer: Consumer}
	noDue := Debt{Amount: dkk("10000.00"), Sent: day("2025-01-10"), Customer: Consumer}
	halfYears := Debt{Amount: dkk("10000.00"), Due: day("2023-06-15"), Customer: Business}
	tests := []struct {
		name   string
		rules  InterestRules
		debt   Debt
		until  string
		want   string
		lines  int
		capped bool
	}{
		{"terms 12.3 30/360 default: 44 days of 30-day months", InterestRules{MonthlyRate: contract.Dec(two)}, base, "2025-04-15", "293.33", 1, false},
		{"terms 12.3 actual/30: 45 days", InterestRules{MonthlyRate: contract.Dec(two), DayCount: ActualOver30}, base, "2025-04-15", "300.00", 1, false},
		{"terms 12.3 per started month: 2 months", InterestRules{MonthlyRate: contract.Dec(two), DayCount: PerStartedMonth}, base, "2025-04-15", "400.00", 1, false},
		{"terms 12.3 due date itself not counted", InterestRules{MonthlyRate: contract.Dec(two), DayCount: ActualOver30}, base, "2025-03-01", "0.00", 0, false},
		{"terms 12.3 one day late", InterestRules{MonthlyRate: contract.Dec(two), DayCount: ActualOver30}, base, "2025-03-02", "6.67", 1, false},
		{"terms 12.3 started month: first day late starts month 1", InterestRules{MonthlyRate: contract.Dec(two), DayCount: PerStartedMonth}, base, "2025-03-02", "200.00", 1, false},
		{"terms 12.3 started month: 2025-04-01 still month 1", InterestRules{MonthlyRate: contract.Dec(two), DayCount: PerStartedMonth}, base, "2025-04-01", "200.00", 1, false},
		{"terms 12.3 partial payment actual/30: 100 + 120", InterestRules{MonthlyRate: contract.Dec(two), DayCount: ActualOver30}, withPayments, "2025-12-31", "220.00", 2, false},
		{"terms 12.3 partial payment 30/360: 100 + 116", InterestRules{MonthlyRate: contract.Dec(two)}, withPayments, "2025-12-31", "216.00", 2, false},
		{"terms 12.3 partial payment started month: 200 + 120", InterestRules{MonthlyRate: contract.Dec(two), DayCount: PerStartedMonth}, withPayments, "2025-12-31", "320.00", 2, false},
		{"renteloven § 5 half-years actual/365: 40.6849 + 46.2329 rounded once", InterestRules{DayCount: ActualOver30}, halfYears, "2023-07-15", "86.92", 2, false},
		{"renteloven § 5 half-years 30/360: 41.25 + 46.88", InterestRules{}, halfYears, "2023-07-15", "88.13", 2, false},
		{"renteloven § 7 consumer capped at statutory 11.75 %", InterestRules{MonthlyRate: contract.Dec(two)}, consumer, "2024-03-02", "101.18", 1, true},
		{"renteloven § 3(2) no due date: from 30 days after sending", InterestRules{DayCount: ActualOver30}, noDue, "2025-03-11", "88.36", 1, false},
		{"terms 12.3 paid before due: no interest", InterestRules{MonthlyRate: contract.Dec(two)}, func() Debt {
			d := base
			d.Payments = []Payment{{day("2025-02-20"), dkk("10000.00")}}
			return d
		}(), "2025-06-01", "0.00", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := tt.rules.Interest(tt.debt, day(tt.until))
			if err != nil {
				t.Fatalf("Interest() error = %v", err)
			}
			if !st.Total.Equal(dkk(tt.want)) || len(st.Lines) != tt.lines || st.Capped != tt.capped {
				t.Errorf("Interest(%s) = %s in %d lines capped %v, want %s in %d lines capped %v\n%s",
					tt.until, st.Total, len(st.Lines), st.Capped, tt.want, tt.lines, tt.capped, st)
			}
			sum := contract.ZeroMoney(currency.DKK)
			for _, l := range st.Lines {
				sum, _ = sum.Add(l.Amount)
			}
			if !sum.Equal(st.Total) {
				t.Errorf("sum of lines %s != total %s", sum, st.Total)
			}
		})
	}
}

func TestInterestStatementLines(t *testing.T) {
	d := Debt{Amount: dkk("10000.00"), Due: day("2023-06-15"), Customer: Business}
	st, err := InterestRules{DayCount: ActualOver30}.Interest(d, day("2023-07-15"))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		from, to, rate, amount string
		days                   int
		count, per             int64
	}{
		{"2023-06-15", "2023-06-30", "0.099", "40.68", 15, 15, 365},
		{"2023-06-30", "2023-07-15", "0.1125", "46.24", 15, 15, 365}, // cumulative: 86.92 - 40.68
	}
	for i, w := range want {
		l := st.Lines[i]
		if l.From != day(w.from) || l.To != day(w.to) || !l.Rate.Equal(contract.Dec(dec(w.rate))) || !l.Amount.Equal(dkk(w.amount)) ||
			l.Days != w.days || l.Count != w.count || l.Per != w.per || l.Basis != Statutory {
			t.Errorf("renteloven § 5 line %d = %+v, want %+v", i, l, w)
		}
	}
	prepaid := d
	prepaid.Payments = []Payment{{day("2023-06-01"), dkk("2500.00")}}
	if st, err := (InterestRules{}).Interest(prepaid, day("2023-07-15")); err != nil || !st.Principal.Equal(dkk("7500")) {
		t.Errorf("Interest with 2,500 paid before due: Principal = %s, %v; want 7500", st.Principal, err)
	}
	if got := st.Citations[0].String(); got != "renteloven § 5" {
		t.Errorf("citation = %q, want renteloven § 5", got)
	}
}

func TestInterestErrors(t *testing.T) {
	tests := []struct {
		name   string
		rules  InterestRules
		debt   Debt
		until  string
		fields []string
		is     error
	}{
		{"negative amount, no customer, no due date", InterestRules{}, Debt{Amount: dkk("-1")},
			"2025-01-01", []string{"amount", "customer", "due"}, ErrInvalid},
		{"amount below the øre", InterestRules{}, Debt{Amount: contract.NewMoney(dec("1.005"), currency.DKK), Due: day("2025-01-01"), Customer: Business},
			"2025-02-01", []string{"amount"}, ErrInvalid},
		{"payment without date", InterestRules{}, Debt{Amount: dkk("1"), Due: day("2025-01-01"), Customer: Business,
			Payments: []Payment{{Amount: dkk("1")}}}, "2025-02-01", []string{"payments[0].date"}, ErrInvalid},
		{"renteloven § 5 rate unknown after the table", InterestRules{}, Debt{Amount: dkk("1"), Due: day("2025-12-01"), Customer: Business},
			"2026-02-01", nil, ErrNoRate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.rules.Interest(tt.debt, day(tt.until))
			if !errors.Is(err, tt.is) {
				t.Fatalf("Interest() error = %v, want %v", err, tt.is)
			}
			for _, f := range tt.fields {
				if !hasProblem(err, f, "") {
					t.Errorf("error %v does not name %s", err, f)
				}
			}
		})
	}
}

func TestRateTable(t *testing.T) {
	tab := DanishStatutoryRates()
	tests := []struct {
		name, on, want string
		ok             bool
	}{
		{"renteloven § 5 2023 H1", "2023-03-01", "0.099", true},
		{"renteloven § 5 2023 H2 from 1 July", "2023-07-01", "0.1125", true},
		{"renteloven § 5 2024 H1", "2024-06-30", "0.1175", true},
		{"renteloven § 5 2022 negative reference", "2022-01-01", "0.0755", true},
		{"renteloven § 5 before the 8-point surcharge", "2013-02-28", "", false},
		{"renteloven § 5 after the table", "2026-01-01", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := tab.At(day(tt.on))
			if ok != tt.ok || (ok && !r.Annual().Equal(dec(tt.want))) {
				t.Errorf("At(%s) = %s, %v, want %s, %v", tt.on, r.Annual(), ok, tt.want, tt.ok)
			}
		})
	}
	ext, err := tab.With(StatutoryRate{From: day("2026-01-01"), Reference: contract.Dec(dec("0.0175")), Surcharge: contract.Dec(dec("0.08"))})
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := ext.At(day("2026-03-01")); !ok || !r.Annual().Equal(dec("0.0975")) {
		t.Errorf("extended At(2026-03-01) = %v, %v, want 0.0975", r.Annual(), ok)
	}
	if _, err := tab.With(StatutoryRate{Reference: contract.Dec(dec("0.123456789"))}); !errors.Is(err, ErrInvalid) {
		t.Errorf("With(bad) error = %v, want ErrInvalid", err)
	}
}

// TestInterestMonotoneProperty: interest never decreases as the payment
// date moves later, for every day-count policy and both kinds of customer.
func TestInterestMonotoneProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	for n := 0; n < 300; n++ {
		due := day("2023-01-01").AddDays(r.IntN(900))
		amount := contract.MoneyFromMinor(1+r.Int64N(100_000_000), currency.DKK)
		for _, rules := range []InterestRules{{MonthlyRate: contract.Dec(dec("0.02")), DayCount: DayCount(r.IntN(3))}, {DayCount: DayCount(r.IntN(3))}} {
			prev := contract.ZeroMoney(currency.DKK)
			kind := CustomerKind(1 + r.IntN(2))
			for off := -3; off < 120; off += 1 + r.IntN(7) {
				d := Debt{Amount: amount, Due: due, Customer: kind,
					Payments: []Payment{{Date: due.AddDays(off), Amount: amount}}}
				st, err := rules.Interest(d, day("2025-12-31"))
				if err != nil {
					t.Fatal(err)
				}
				if st.Total.Amount().LessThan(prev.Amount()) {
					t.Fatalf("paid %d days after due: %s < %s\n%s", off, st.Total, prev, st)
				}
				prev = st.Total
			}
		}
	}
}

// TestDanishStatutoryRatesShape checks the shipped table: one rate for
// every half-year from 2013-07-01, each reference + 8 points.
func TestDanishStatutoryRatesShape(t *testing.T) {
	rs := DanishStatutoryRates().Rates()
	if len(rs) != 26 || rs[0].From != day("2013-03-01") {
		t.Fatalf("table has %d rates from %s, want 26 from 2013-03-01", len(rs), rs[0].From)
	}
	want := day("2013-07-01")
	for _, r := range rs[1:] {
		if r.From != want || !r.Surcharge.Equal(contract.Dec(dec("0.08"))) {
			t.Errorf("renteloven § 5 rate from %s surcharge %s, want from %s with 0.08", r.From, r.Surcharge, want)
		}
		want = want.Add(contract.Months(6))
	}
}
