package billing

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

var (
	planFree  = Plan{ID: "free", Kind: Free, Values: 10_000}
	planBasic = Plan{ID: "basic", Kind: Functionality, Cycle: Monthly, Price: dkk("24.95"), Values: 100_000}
	planPro   = Plan{ID: "pro", Kind: Functionality, Cycle: Monthly, Price: dkk("49.90"), Values: 500_000}
	planBig   = Plan{ID: "big", Kind: Functionality, Cycle: Monthly, Price: dkk("99.00"), Values: 2_000_000}
	planYear  = Plan{ID: "pro-year", Kind: Functionality, Cycle: Annual, Price: dkk("499.00"), Values: 500_000}
)

func TestBoundsAnchored(t *testing.T) {
	tests := []struct {
		name   string
		anchor string
		plan   Plan
		starts []string
	}{
		{"terms 19.2 monthly from the 31st, leap year", "2024-01-31", planBasic,
			[]string{"2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"}},
		{"terms 19.2 monthly from the 31st, common year", "2025-01-31", planBasic,
			[]string{"2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"}},
		{"terms 19.2 annual from leap day", "2024-02-29", planYear,
			[]string{"2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Subscription{Plan: tt.plan, Anchor: day(tt.anchor)}
			for n, want := range tt.starts {
				if got, _ := s.Bounds(n); got != day(want) {
					t.Errorf("Bounds(%d) start = %s, want %s", n, got, want)
				}
			}
		})
	}
}

func TestProrate(t *testing.T) {
	tests := []struct {
		name     string
		price    string
		days, of int
		want     string
		ok       bool
	}{
		{"issue example: 24.95, 9 of 31 days", "24.95", 9, 31, "7.24", true},
		{"whole period is the full price", "24.95", 31, 31, "24.95", true},
		{"no days", "24.95", 0, 30, "0.00", true},
		{"half away from zero: 0.05 x 1/2", "0.05", 1, 2, "0.03", true},
		{"more days than the period", "24.95", 32, 31, "0", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Prorate(dkk(tt.price), tt.days, tt.of)
			want := dkk(tt.want)
			if !tt.ok {
				want = contract.Money{}
			}
			if !got.Equal(want) || ok != tt.ok {
				t.Errorf("Prorate(%s, %d, %d) = %s, %v, want %s, %v", tt.price, tt.days, tt.of, got, ok, tt.want, tt.ok)
			}
		})
	}
	// Property: the whole period is the full price, and more days never cost less.
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 1000; i++ {
		price := contract.MoneyFromMinor(r.Int64N(10_000_000), currency.DKK)
		n := 28 + r.IntN(339)
		full, _ := Prorate(price, n, n)
		if !full.Equal(price) {
			t.Fatalf("Prorate(%s, %d, %d) = %s, want the full price", price, n, n, full)
		}
		d := r.IntN(n)
		a, _ := Prorate(price, d, n)
		b, _ := Prorate(price, d+1, n)
		if c, _ := b.Cmp(a); c < 0 {
			t.Fatalf("Prorate(%s, %d) = %s > Prorate(%d) = %s", price, d, a, d+1, b)
		}
	}
}

func kinds(evs []Event) []string {
	var out []string
	for _, e := range evs {
		amount := "0"
		if !e.Amount.IsZero() {
			amount = e.Amount.Text()
		}
		out = append(out, e.Kind.String()+" "+e.Date.String()+" "+e.Plan+" "+amount)
	}
	return out
}

func TestSubscriptionLife(t *testing.T) {
	s, evs, err := Subscribe("sub-1", planBasic, day("2025-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	if got := kinds(evs); len(got) != 2 || got[1] != "charged 2025-01-01 basic 24.95" {
		t.Fatalf("terms 19.1 Subscribe events = %q, want created + charged 24.95 on 2025-01-01", got)
	}
	s, evs, err = s.ChangePlan(planPro, day("2025-01-23"))
	if err != nil {
		t.Fatal(err)
	}
	if got := kinds(evs); len(got) != 2 || got[1] != "charged 2025-01-23 pro 7.24" || s.Plan.ID != "pro" {
		t.Fatalf("upgrade with 9 of 31 days left = %q, plan %s; want charged 7.24 and plan pro", got, s.Plan.ID)
	}
	s, evs, err = s.ChangePlan(planFree, day("2025-01-25"))
	if err != nil {
		t.Fatal(err)
	}
	if got := kinds(evs); len(got) != 1 || got[0] != "change_scheduled 2025-02-01 free 0" || s.Plan.ID != "pro" {
		t.Fatalf("terms 19.6 cancel = %q, plan %s; want a change scheduled for 2025-02-01 and pro until then", got, s.Plan.ID)
	}
	if _, evs, _ := s.Renew(day("2025-01-31")); len(evs) != 0 {
		t.Errorf("Renew inside the period = %q, want no events", kinds(evs))
	}
	s, evs, err = s.Renew(day("2025-03-05"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"plan_changed 2025-02-01 free 0", "renewed 2025-02-01 free 0", "renewed 2025-03-01 free 0"}
	if got := kinds(evs); len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("terms 19.6 Renew after cancel = %q, want %q", got, want)
	}
	if _, _, err := s.Renew(day("2025-01-01")); !errors.Is(err, ErrInvalid) {
		t.Errorf("Renew before the current period error = %v, want ErrInvalid", err)
	}
}

func TestRenewAnnualAndDowngrade(t *testing.T) {
	s, _, err := Subscribe("sub-2", planPro, day("2025-01-31"))
	if err != nil {
		t.Fatal(err)
	}
	s, evs, err := s.ChangePlan(planYear, day("2025-02-10"))
	if err != nil || len(evs) != 1 || evs[0].Kind != ChangeScheduled || evs[0].Date != day("2025-02-28") {
		t.Fatalf("change of cycle = %q, %v; want scheduled for 2025-02-28", kinds(evs), err)
	}
	_, evs, err = s.Renew(day("2026-02-28"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"plan_changed 2025-02-28 pro-year 0", "renewed 2025-02-28 pro-year 0", "charged 2025-02-28 pro-year 499.00",
		"renewed 2026-02-28 pro-year 0", "charged 2026-02-28 pro-year 499.00"}
	got := kinds(evs)
	if len(got) != len(want) {
		t.Fatalf("terms 19.2 annual renewals = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestOverUse(t *testing.T) {
	plans := []Plan{planFree, planBasic, planPro, planBig, planYear}
	s, _, _ := Subscribe("sub-3", planBasic, day("2025-01-01"))
	tests := []struct {
		name   string
		values int64
		over   bool
		plan   string
	}{
		{"terms 19.2 within capacity", 100_000, false, ""},
		{"terms 19.2 over: pro fits 241,200 values", 5000*48 + 1200, true, "pro"},
		{"terms 19.2 over: big fits 1.5M", 1_500_000, true, "big"},
		{"terms 19.2 over: nothing fits", 3_000_000, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, over := s.OverUse(tt.values, plans, day("2025-01-15"))
			if over != tt.over || ev.Plan != tt.plan {
				t.Errorf("OverUse(%d) = %v, %q, want %v, %q (%s)", tt.values, over, ev.Plan, tt.over, tt.plan, ev.Reason)
			}
		})
	}
}

// TestPlanValidate: Plan's validate tags (id required, values gte) and
// the rules between its fields (a paid plan's cycle and price) come back
// with their JSON paths and rules.
func TestPlanValidate(t *testing.T) {
	err := Plan{Kind: Functionality, Price: dkk("-1"), Values: -5}.Validate()
	var ve *contract.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("Validate() = %v, want *contract.ValidationError wrapping ErrInvalid", err)
	}
	for _, p := range []struct{ path, rule string }{{"id", "required"}, {"values", "gte"}, {"cycle", "oneof"}, {"price", "gte"}} {
		if !ve.Has(p.path, p.rule) {
			t.Errorf("Validate() error %v does not name %s %s", err, p.path, p.rule)
		}
	}
	if err := (Plan{ID: "p", Kind: Functionality, Cycle: Monthly}).Validate(); !hasProblem(err, "price", "required") {
		t.Errorf("terms 19.3 paid plan without a price: error = %v, want price required", err)
	}
	if err := (Plan{ID: "free", Kind: Free, Price: dkk("1")}).Validate(); !hasProblem(err, "price", "eq") {
		t.Errorf("terms 19.6 free plan with a price: error = %v, want price eq", err)
	}
	if _, _, err := Subscribe("x", Plan{ID: "p", Kind: 7}, contract.MustDate(2025, 1, 1)); !hasProblem(err, "plan.kind", "oneof") {
		t.Errorf("Subscribe(unknown kind) error = %v, want plan.kind oneof", err)
	}
}

// TestRenewPeriodsAreBounds checks that a renewal over many periods starts
// each one on the day the previous one ended and charges every one with the
// bounds Bounds gives, counted from the anchor so that a subscription
// anchored on the 31st returns to the 31st (terms 19.2).
func TestRenewPeriodsAreBounds(t *testing.T) {
	s, _, err := Subscribe("s", planBasic, day("2024-01-31"))
	if err != nil {
		t.Fatal(err)
	}
	next, evs, err := s.Renew(day("2025-03-31"))
	if err != nil {
		t.Fatal(err)
	}
	if next.Period != 14 {
		t.Fatalf("period %d, want 14", next.Period)
	}
	n := 0
	for _, e := range evs {
		if e.Kind != Renewed {
			continue
		}
		n++
		start, end := s.Bounds(n)
		if e.PeriodStart != start || e.PeriodEnd != end || e.Date != start {
			t.Errorf("period %d: %s .. %s, want %s .. %s", n, e.PeriodStart, e.PeriodEnd, start, end)
		}
	}
	if n != 14 {
		t.Fatalf("%d renewals, want 14", n)
	}
	if got := evs[len(evs)-1].PeriodStart; got != day("2025-03-31") {
		t.Errorf("last period starts %s, want 2025-03-31", got)
	}
}
