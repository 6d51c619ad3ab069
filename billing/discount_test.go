package billing

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

func line(q, p, rate string) Line {
	return Line{Description: "PIM subscription", Quantity: contract.Dec(dec(q)), UnitPrice: dkk(p), VATRate: contract.Dec(dec(rate))}
}

// TestAllowances checks that discounts are allowance lines that reconcile
// with VAT: each rounded, its VAT rounded, then summed (EN 16931 BT-92,
// BT-107; momsbekendtgørelsen § 58(1)(8)-(10) VAT by rate).
func TestAllowances(t *testing.T) {
	tests := []struct {
		name            string
		lines           []Line
		allow           []Allowance
		net, vat, total string
		allowVAT        []string
	}{
		{"20 % off a line of 249.00 at 25 % (the doc's example)",
			[]Line{line("1", "249.00", "0.25")},
			[]Allowance{{Description: "launch offer", Line: 1, Percent: contract.Dec(dec("0.20"))}},
			"199.20", "49.80", "249.00", []string{"12.45"}},
		{"a fixed 50.00 off the invoice's 25 % lines",
			[]Line{line("2", "100.00", "0.25"), line("1", "10.00", "0")},
			[]Allowance{{Description: "loyalty", Amount: dkk("50.00"), VATRate: contract.Dec(dec("0.25"))}},
			"160.00", "37.50", "197.50", []string{"12.50"}},
		{"10 % of the invoice's 25 % lines, round per allowance: 3 x 33.33",
			[]Line{line("3", "33.33", "0.25")},
			[]Allowance{{Description: "10 %", Percent: contract.Dec(dec("0.10")), VATRate: contract.Dec(dec("0.25"))}},
			"89.99", "22.50", "112.49", []string{"2.50"}},
		{"allowance VAT never more than the lines' VAT at its rate: 3 x 0.01 at 25 %",
			[]Line{line("1", "0.01", "0.25"), line("1", "0.01", "0.25"), line("1", "0.01", "0.25")},
			[]Allowance{{Description: "all off", Amount: dkk("0.03"), VATRate: contract.Dec(dec("0.25"))}},
			"0.00", "0.00", "0.00", []string{"0.00"}},
		{"two line discounts at two rates",
			[]Line{line("1", "100.00", "0.25"), line("1", "100.00", "0")},
			[]Allowance{{Description: "a", Line: 1, Percent: contract.Dec(dec("0.5"))}, {Description: "b", Line: 2, Amount: dkk("25.00")}},
			"125.00", "12.50", "137.50", []string{"12.50", "0.00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input(tt.lines...)
			in.Allowances = tt.allow
			inv, err := NewInvoice(in, contract.Counter{})
			if err != nil {
				t.Fatal(err)
			}
			if !inv.Net.Equal(dkk(tt.net)) || !inv.VAT.Equal(dkk(tt.vat)) || !inv.Total.Equal(dkk(tt.total)) {
				t.Errorf("NewInvoice() = net %s VAT %s total %s, want %s %s %s", inv.Net, inv.VAT, inv.Total, tt.net, tt.vat, tt.total)
			}
			for i, v := range tt.allowVAT {
				if !inv.Allowances[i].VAT.Equal(dkk(v)) {
					t.Errorf("allowance %d VAT = %s, want %s", i, inv.Allowances[i].VAT, v)
				}
			}
			checkReconciles(t, inv)
		})
	}
}

// checkReconciles: the VAT summary adds up to Net and VAT, and lines less
// allowances give Net.
func checkReconciles(t *testing.T, inv Invoice) {
	t.Helper()
	net, vat, lines, off := dkk("0"), dkk("0"), dkk("0"), dkk("0")
	for _, s := range inv.VATSummary {
		net, _ = net.Add(s.Net)
		vat, _ = vat.Add(s.VAT)
		if s.Net.IsNegative() || s.VAT.IsNegative() {
			t.Errorf("VAT summary at %s below zero: %s, %s", s.Rate, s.Net, s.VAT)
		}
	}
	for _, l := range inv.Lines {
		lines, _ = lines.Add(l.Net)
	}
	for _, a := range inv.Allowances {
		off, _ = off.Add(a.Net)
	}
	want, _ := lines.Sub(off)
	total, _ := inv.Net.Add(inv.VAT)
	if !net.Equal(inv.Net) || !vat.Equal(inv.VAT) || !want.Equal(inv.Net) || !total.Equal(inv.Total) ||
		len(inv.Allowances) > 0 && !off.Equal(inv.AllowanceTotal) {
		t.Errorf("invoice does not reconcile: summary %s + %s, lines %s - allowances %s, invoice %s + %s = %s",
			net, vat, lines, off, inv.Net, inv.VAT, inv.Total)
	}
}

// TestAllowancesReconcile is the property: whatever allowances are
// accepted, the invoice reconciles exactly and never goes below zero.
func TestAllowancesReconcile(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 2011))
	prices := []string{"0.01", "0.03", "24.95", "100.00", "333.33"}
	rates := []string{"0.25", "0", "0.125"}
	for range 2000 {
		var ls []Line
		for range 1 + r.IntN(4) {
			ls = append(ls, line([]string{"1", "2", "3"}[r.IntN(3)], prices[r.IntN(len(prices))], rates[r.IntN(len(rates))]))
		}
		in := input(ls...)
		for range 1 + r.IntN(3) {
			a := Allowance{Description: "x", Line: r.IntN(len(ls) + 1), VATRate: contract.Dec(dec(rates[r.IntN(len(rates))]))}
			if r.IntN(2) == 0 {
				a.Percent = contract.Dec(dec([]string{"0.1", "0.333", "1"}[r.IntN(3)]))
			} else {
				a.Amount = dkk(prices[r.IntN(len(prices))])
			}
			in.Allowances = append(in.Allowances, a)
		}
		inv, err := NewInvoice(in, contract.Counter{})
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatal(err)
			}
			continue
		}
		checkReconciles(t, inv)
	}
}

func TestAllowanceProblems(t *testing.T) {
	tests := []struct {
		name       string
		a          Allowance
		path, rule string
	}{
		{"no negative prices: more off than the line", Allowance{Description: "x", Line: 1, Amount: dkk("300.00")}, "allowances[0]", "exceeds_invoice"},
		{"a line the invoice does not have", Allowance{Description: "x", Line: 2, Amount: dkk("1.00")}, "allowances[0].line", "lte"},
		{"percent or amount, not both", Allowance{Description: "x", Line: 1, Amount: dkk("1.00"), Percent: contract.Dec(dec("0.1"))},
			"allowances[0].percent", "required_without"},
		{"validate tag: description required", Allowance{Line: 1, Amount: dkk("1.00")}, "allowances[0].description", "required"},
		{"validate tag: percent at most 1", Allowance{Description: "x", Line: 1, Percent: contract.Dec(dec("1.5"))}, "allowances[0].percent", "dlte"},
		{"no rate without a line at it", Allowance{Description: "x", Amount: dkk("1.00"), VATRate: contract.Dec(dec("0.12"))}, "allowances[0]", "exceeds_invoice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input(line("1", "249.00", "0.25"))
			in.Allowances = []Allowance{tt.a}
			_, err := NewInvoice(in, contract.Counter{})
			if !errors.Is(err, ErrInvalid) || !hasProblem(err, tt.path, tt.rule) {
				t.Errorf("NewInvoice() = %v, want %s %s", err, tt.path, tt.rule)
			}
		})
	}
}

// TestPlanDiscount follows a discounted plan through its periods:
// charged at the full price with the discount beside it (terms 19.1).
func TestPlanDiscount(t *testing.T) {
	pct := func(d DiscountDuration, n int) Discount {
		return Discount{ID: "launch", Percent: contract.Dec(dec("0.20")), Duration: d, Cycles: n}
	}
	tests := []struct {
		name string
		d    Discount
		want []string // the discount on each of four periods
	}{
		{"once: the first period only", pct(Once, 0), []string{"4.99", "", "", ""}},
		{"repeating for 2 cycles", pct(Repeating, 2), []string{"4.99", "4.99", "", ""}},
		{"forever", pct(Forever, 0), []string{"4.99", "4.99", "4.99", "4.99"}},
		{"a fixed 30.00 off 24.95 takes the price, never more", Discount{ID: "free-month", Amount: dkk("30.00"), Duration: Once},
			[]string{"24.95", "", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := planBasic
			p.Discount = &tt.d
			s, evs, err := Subscribe("s", p, day("2025-01-31"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			var all []Event
			all = append(all, evs...)
			for _, on := range []string{"2025-02-28", "2025-03-31", "2025-04-30"} {
				if s, evs, err = s.Renew(day(on)); err != nil {
					t.Fatal(err)
				}
				all = append(all, evs...)
			}
			for _, e := range all {
				if e.Kind != Charged {
					continue
				}
				if e.Discount.IsZero() {
					got = append(got, "")
				} else {
					got = append(got, e.Discount.Text())
				}
				if !e.Amount.Equal(dkk("24.95")) {
					t.Errorf("charged %s, want the full price 24.95 with the discount beside it", e.Amount)
				}
			}
			if len(got) != 4 || got[0] != tt.want[0] || got[1] != tt.want[1] || got[2] != tt.want[2] || got[3] != tt.want[3] {
				t.Errorf("discounts = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPlanDiscountInvoice: a discounted charge makes an invoice line and
// an allowance that reconcile with VAT.
func TestPlanDiscountInvoice(t *testing.T) {
	p := planBasic
	p.Price = dkk("249.00")
	p.Discount = &Discount{ID: "launch", Percent: contract.Dec(dec("0.20")), Duration: Forever}
	_, evs, err := Subscribe("s", p, day("2026-01-29"))
	if err != nil {
		t.Fatal(err)
	}
	e := evs[1]
	in := input(e.Line("PIM subscription", vatDK))
	a, ok := e.Allowance("launch offer 20 %", 1)
	if !ok {
		t.Fatal("no allowance for a discounted charge")
	}
	in.Allowances = []Allowance{a}
	inv, err := NewInvoice(in, contract.Counter{})
	if err != nil {
		t.Fatal(err)
	}
	if !inv.Total.Equal(dkk("249.00")) || !inv.AllowanceTotal.Equal(dkk("49.80")) {
		t.Errorf("invoice total %s allowance %s, want 249.00 and 49.80", inv.Total, inv.AllowanceTotal)
	}
	checkReconciles(t, inv)
}

// TestDiscountedProration: an upgrade of a discounted plan charges pro
// rata the difference of what the customer pays a period, net of
// discounts; the list difference is the amount, the rest the discount.
func TestDiscountedProration(t *testing.T) {
	d := Discount{ID: "launch", Percent: contract.Dec(dec("0.20")), Duration: Forever}
	basic, pro := planBasic, planPro
	basic.Price, pro.Price = dkk("100.00"), dkk("200.00")
	basic.Discount, pro.Discount = &d, &d
	s, _, err := Subscribe("s", basic, day("2025-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	// 31-day January, upgrade on 2025-01-22: 10 days left, on included.
	// Net a month 80.00 -> 160.00, difference 80.00 x 10/31 = 25.81;
	// list difference 100.00 x 10/31 = 32.26, so 6.45 off.
	s, evs, err := s.ChangePlan(pro, day("2025-01-22"))
	if err != nil {
		t.Fatal(err)
	}
	c := evs[1]
	charged, _ := c.Amount.Sub(c.Discount)
	if !c.Amount.Equal(dkk("32.26")) || !c.Discount.Equal(dkk("6.45")) || !charged.Equal(dkk("25.81")) {
		t.Errorf("upgrade charge %s less %s = %s, want 32.26 less 6.45 = 25.81", c.Amount, c.Discount, charged)
	}
	if s.DiscountedThrough != day("2025-02-01") || !s.currentOff(day("2025-02-01")).Equal(dkk("40.00")) {
		t.Errorf("discounted through %s, off %s; want 2025-02-01 and 40.00 (20 %% of 200.00)", s.DiscountedThrough, s.currentOff(day("2025-02-01")))
	}
	// An undiscounted plan upgraded to a discounted one: 24.95 -> 49.90
	// less 20 % (39.92) is 14.97 a month net, 9 of 31 days: 4.35.
	p2 := planPro
	p2.Discount = &d
	s2, _, _ := Subscribe("s", planBasic, day("2025-01-01"))
	_, evs, err = s2.ChangePlan(p2, day("2025-01-23"))
	if err != nil {
		t.Fatal(err)
	}
	c = evs[1]
	charged, _ = c.Amount.Sub(c.Discount)
	if !c.Amount.Equal(dkk("7.24")) || !charged.Equal(dkk("4.35")) {
		t.Errorf("upgrade charge %s less %s = %s, want 7.24, net 4.35", c.Amount, c.Discount, charged)
	}
}

func TestDiscountTags(t *testing.T) {
	tests := []struct {
		typ, path, rule string
		d               Discount
	}{
		{"Discount", "discount.id", "required", Discount{Percent: contract.Dec(dec("0.1")), Duration: Once}},
		{"Discount", "discount.duration", "required", Discount{ID: "x", Percent: contract.Dec(dec("0.1"))}},
		{"Discount", "discount.percent", "dlte", Discount{ID: "x", Percent: contract.Dec(dec("2")), Duration: Once}},
		{"Discount", "discount.cycles", "gte", Discount{ID: "x", Percent: contract.Dec(dec("0.1")), Duration: Repeating}},
		{"Discount", "discount.amount", "currency_mismatch", Discount{ID: "x", Amount: contract.MustParseMoney("1", currency.EUR), Duration: Once}},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.rule, func(t *testing.T) {
			p := planBasic
			p.Discount = &tt.d
			err := p.Validate()
			var ve *contract.ValidationError
			if !errors.As(err, &ve) || !ve.Has(tt.path, tt.rule) {
				t.Errorf("Plan.Validate() = %v, want %s %s", err, tt.path, tt.rule)
			}
		})
	}
}

// TestDiscountEndsWithUpgrade: leaving a discounted plan for an
// undiscounted one charges pro rata the net difference, which is larger
// than the list difference: 80.00 a month net -> 200.00, 10 of 31 days:
// 120.00 x 10/31 = 38.71.
func TestDiscountEndsWithUpgrade(t *testing.T) {
	basic, pro := planBasic, planPro
	basic.Price, pro.Price = dkk("100.00"), dkk("200.00")
	basic.Discount = &Discount{ID: "launch", Percent: contract.Dec(dec("0.20")), Duration: Forever}
	s, _, err := Subscribe("s", basic, day("2025-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	s, evs, err := s.ChangePlan(pro, day("2025-01-22"))
	if err != nil {
		t.Fatal(err)
	}
	if c := evs[1]; !c.Amount.Equal(dkk("38.71")) || c.Discount.IsPositive() || !s.DiscountedThrough.IsZero() {
		t.Errorf("upgrade charge %s less %s, discounted through %s; want 38.71 in full, none", c.Amount, c.Discount, s.DiscountedThrough)
	}
}

// TestAllowanceUnreadable: a percentage pimkit could not read back (a
// fraction with a million decimals) is refused, not dropped.
func TestAllowanceUnreadable(t *testing.T) {
	in := input(line("1", "249.00", "0.25"))
	in.Allowances = []Allowance{{Description: "x", Line: 1, Percent: contract.Dec(decimal.New(1, -1_000_000))}}
	if _, err := NewInvoice(in, contract.Counter{}); !hasProblem(err, "allowances[0].percent", "range") {
		t.Errorf("NewInvoice() = %v, want allowances[0].percent range", err)
	}
}
