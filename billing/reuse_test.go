package billing

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// TestAppendRenewMatchesRenew: AppendRenew appends exactly Renew's
// events after what dst holds, leaves dst's elements alone and returns
// the same subscription and error (terms 19.2 renewals, 19.6 scheduled
// changes, a trial's conversion, a day before the period).
func TestAppendRenewMatchesRenew(t *testing.T) {
	basic, _, _ := Subscribe("s", planBasic, day("2025-01-31"))
	year, _, _ := Subscribe("s", planYear, day("2025-01-01"))
	free, _, _ := Subscribe("s", planFree, day("2025-01-10"))
	cheaper, _, err := Subscribe("s", planPro, day("2025-01-15"))
	if err != nil {
		t.Fatal(err)
	}
	if cheaper, _, err = cheaper.ChangePlan(planBasic, day("2025-01-20")); err != nil || cheaper.Next.ID == "" {
		t.Fatalf("ChangePlan to a cheaper plan: %v, next %q; want a change scheduled (terms 19.4)", err, cheaper.Next.ID)
	}
	trial, _, _ := Subscribe("s", withTrial(planBasic, contract.Days(14), 3), day("2025-03-01"))
	discounted := planPro
	discounted.Discount = &Discount{ID: "launch-20", Percent: contract.Dec(dec("0.20")), Duration: Repeating, Cycles: 2}
	disc, _, _ := Subscribe("s", discounted, day("2025-01-05"))
	tests := []struct {
		name string
		s    Subscription
		on   string
	}{
		{"terms 19.2: one monthly period renewed and charged", basic, "2025-02-28"},
		{"terms 19.2: five periods at once", basic, "2025-07-01"},
		{"inside the current period: nothing", basic, "2025-02-10"},
		{"a day before the period: an error", basic, "2025-01-30"},
		{"annual plan", year, "2026-01-01"},
		{"free plan: renewed, not charged", free, "2025-02-10"},
		{"terms 19.6: the scheduled change takes effect", cheaper, "2025-02-15"},
		{"trial not over: nothing", trial, "2025-03-10"},
		{"trial over: converted and charged", trial, "2025-04-20"},
		{"repeating discount over four periods", disc, "2025-05-05"},
	}
	sentinel := Event{Kind: Created, Subscription: "other", Citations: cites191125}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			on := day(tt.on)
			wantS, wantEvs, wantErr := tt.s.Renew(on)
			gotS, gotEvs, gotErr := tt.s.AppendRenew(nil, on)
			if !cmp.Equal(gotS, wantS) || !cmp.Equal(gotEvs, wantEvs) || !sameError(gotErr, wantErr) {
				t.Fatalf("AppendRenew(nil) = %v, %v, %v; want Renew's %v, %v, %v", gotS, gotEvs, gotErr, wantS, wantEvs, wantErr)
			}
			for _, room := range []int{1, 2, 8} { // dst too small, and large enough
				dst := make([]Event, 1, room)
				dst[0] = sentinel
				gotS, gotEvs, gotErr = tt.s.AppendRenew(dst, on)
				if !cmp.Equal(gotS, wantS) || !sameError(gotErr, wantErr) {
					t.Fatalf("AppendRenew(cap %d) = %v, %v; want %v, %v", room, gotS, gotErr, wantS, wantErr)
				}
				if len(gotEvs) < 1 || !cmp.Equal(gotEvs[0], sentinel) || !cmp.Equal(gotEvs[1:], wantEvs, cmpEmpty) {
					t.Fatalf("AppendRenew(cap %d) events = %v, want the sentinel then %v", room, gotEvs, wantEvs)
				}
			}
		})
	}
}

// cmpEmpty treats a nil and an empty slice alike: AppendRenew returns
// dst[1:] empty where Renew returns nil.
var cmpEmpty = cmp.Comparer(func(a, b []Event) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return cmp.Equal(a, b)
})

func sameError(a, b error) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Error() == b.Error()
}

// TestNewInvoiceIntoMatchesNewInvoice issues random invoices -- one to
// four lines at three VAT rates, allowances by line, by rate and in
// percent, the three VAT treatments, broken inputs -- through one reused
// Invoice and checks each against NewInvoice (cmp.Equal, nil slices
// included), so nothing of an earlier invoice survives in a later one.
func TestNewInvoiceIntoMatchesNewInvoice(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 1))
	prices := []string{"0.01", "0.03", "24.95", "100.00", "333.33", "12345678.90"}
	rates := []string{"0.25", "0", "0.125"}
	var inv Invoice
	for i := range 3000 {
		var ls []Line
		for range 1 + r.IntN(4) {
			ls = append(ls, line([]string{"1", "2", "3", "0.5"}[r.IntN(4)], prices[r.IntN(len(prices))], rates[r.IntN(len(rates))]))
		}
		in := input(ls...)
		for range r.IntN(3) {
			a := Allowance{Description: "x", Line: r.IntN(len(ls) + 1), VATRate: contract.Dec(dec(rates[r.IntN(len(rates))]))}
			if r.IntN(2) == 0 {
				a.Percent = contract.Dec(dec([]string{"0.1", "0.333", "1"}[r.IntN(3)]))
			} else {
				a.Amount = dkk(prices[r.IntN(len(prices))])
			}
			in.Allowances = append(in.Allowances, a)
		}
		switch r.IntN(6) {
		case 0:
			in.Treatment, in.Buyer.VATID, in.Buyer.Country = ReverseCharge, "DE123456789", "DE"
		case 1:
			in.Treatment, in.Buyer.Country = Export, "US"
		case 2:
			in.Due = day("2026-03-01")
		case 3:
			in.Lines[0].Quantity = contract.Dec(dec("-1")) // broken: lines[0].quantity dgte
		}
		want, wantErr := NewInvoice(in, contract.Counter{})
		gotErr := NewInvoiceInto(&inv, in, contract.Counter{})
		if !sameError(gotErr, wantErr) || (wantErr != nil) != errors.Is(gotErr, ErrInvalid) {
			t.Fatalf("case %d: NewInvoiceInto error %v, NewInvoice %v", i, gotErr, wantErr)
		}
		if d := cmp.Diff(want, inv); d != "" {
			t.Fatalf("case %d: NewInvoiceInto differs from NewInvoice (-want +got):\n%s", i, d)
		}
	}
}

// TestMonthEndHotPathsDoNotAllocate: renewing into a grown event buffer
// and issuing a subscription's invoice into a reused Invoice allocate
// nothing, plain and with a discount's allowance.
func TestMonthEndHotPathsDoNotAllocate(t *testing.T) {
	discounted := planPro
	discounted.Discount = &Discount{ID: "launch-20", Percent: contract.Dec(dec("0.20")), Duration: Forever}
	for _, p := range []Plan{planBasic, discounted} {
		s, _, err := Subscribe("s", p, day("2025-01-31"))
		if err != nil {
			t.Fatal(err)
		}
		on := day("2025-02-28")
		evs := make([]Event, 0, 4)
		var inv Invoice
		lines, allow := make([]Line, 1), make([]Allowance, 1)
		run := func() {
			_, evs, err = s.AppendRenew(evs[:0], on)
			for _, e := range evs {
				if e.Kind != Charged {
					continue
				}
				lines[0] = e.Line("PIM subscription", vatDK)
				in := InvoiceInput{Number: "M-1", Issued: on, Seller: seller(), Buyer: buyerDK(), Treatment: DomesticVAT, Lines: lines}
				if a, ok := e.Allowance("launch offer", 1); ok {
					allow[0] = a
					in.Allowances = allow
				}
				err = NewInvoiceInto(&inv, in, contract.Counter{})
			}
		}
		if n := testing.AllocsPerRun(200, run); n != 0 || err != nil {
			t.Errorf("%s: month-end of one subscription: %v allocations (err %v), want 0", p.ID, n, err)
		}
		if !inv.Total.IsPositive() || len(inv.Citations) == 0 {
			t.Errorf("%s: invoice %v, want a total and citations", p.ID, inv)
		}
	}
}

// TestSharedCitationsStayIntact: events and invoices share their citation
// slices, capped at their length, so a host appending to one event's
// citations never changes another's.
func TestSharedCitationsStayIntact(t *testing.T) {
	s, _, _ := Subscribe("s", planBasic, day("2025-01-31"))
	_, evs, _ := s.Renew(day("2025-02-28"))
	for i := range evs {
		_ = append(evs[i].Citations, contract.Clause("99.9"))
	}
	inv, err := NewInvoice(input(line("1", "24.95", "0.25")), contract.Counter{})
	if err != nil {
		t.Fatal(err)
	}
	_ = append(inv.Citations, contract.Clause("99.9"))
	_, again, _ := s.Renew(day("2025-02-28"))
	inv2, _ := NewInvoice(input(line("1", "24.95", "0.25")), contract.Counter{})
	if !cmp.Equal(again, evs) || !cmp.Equal(inv2.Citations, inv.Citations) {
		t.Fatalf("citations changed by an append: %v / %v", again, inv2.Citations)
	}
	for _, e := range again {
		if len(e.Citations) == 0 || e.Citations[len(e.Citations)-1] == contract.Clause("99.9") {
			t.Fatalf("event %v carries a citation appended to another", e)
		}
	}
}

// TestReadableFixedMatchesReadable: the integer form of the limits check
// answers as the decimal one over amounts up to and beyond 10^18, with
// 0 to 110 decimals.
func TestReadableFixedMatchesReadable(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 3))
	for i := range 20000 {
		var c int64
		switch r.IntN(3) {
		case 0:
			c = r.Int64N(1e6)
		case 1:
			c = r.Int64N(1e18)
		default:
			c = 1e17 + r.Int64N(9e17)
		}
		if r.IntN(2) == 0 {
			c = -c
		}
		e := int32(r.IntN(131) - 110)
		places := int32(r.IntN(4))
		m := contract.NewMoney(decimal.New(c, e), currency.DKK)
		if got, want := readableMoney(m), readable(decimal.New(c, e), 2); got != want {
			t.Fatalf("case %d: readableMoney(%v) = %v, readable %v", i, m.Amount(), got, want)
		}
		if got, want := readableFixed(c, e, places), readable(decimal.New(c, e), places); got != want {
			t.Fatalf("case %d: readableFixed(%d, %d, %d) = %v, readable %v", i, c, e, places, got, want)
		}
	}
}

// TestDueDeadlineRemembered: the due date remembered from the last
// invoice is the one counting it again gives (Reg. 1182/71 Art. 3(4)
// rolls, Danish holidays), whatever the order of dates, terms and
// conventions, and a host's own calendar is always counted afresh.
func TestDueDeadlineRemembered(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 4))
	convs := []contract.Convention{contract.EU1182(), contract.DanishLimitationAct(), contract.SwedishStatutoryTimeAct()}
	terms := []contract.Period{contract.Days(30), contract.Days(14), contract.Months(1), contract.Days(8)}
	closed := contract.WithClosedDates(contract.DanishHolidays(), "company day", day("2026-01-05"), day("2026-01-12"))
	for i := range 5000 {
		c := contract.Counter{Convention: convs[r.IntN(len(convs))]}
		if r.IntN(5) == 0 {
			c.Calendar = closed
		}
		from := day("2025-12-01").AddDays(r.IntN(3) * r.IntN(60))
		term := terms[r.IntN(len(terms))]
		got, gotErr := dueDeadline(c, from, term)
		want, wantErr := c.DeadlineToAct(from, term)
		if got != want || !sameError(gotErr, wantErr) {
			t.Fatalf("case %d: dueDeadline(%v, %s, %s) = %v, %v; want %v, %v", i, c.Convention, from, term, got, gotErr, want, wantErr)
		}
	}
}
