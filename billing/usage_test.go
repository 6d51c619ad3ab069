package billing

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

func usd(s string) contract.Money { return contract.NewMoney(dec(s), currency.USD) }

func tiers(t ...Tier) []Tier { return t }

func tier(upTo, unit string) Tier {
	tr := Tier{UnitPrice: usd(unit)}
	if upTo != "" {
		tr.UpTo = contract.Dec(dec(upTo))
	}
	return tr
}

func withFee(t Tier, fee string) Tier { t.FlatFee = usd(fee); return t }

// Stripe's Typographic tiers: 1-5 at 7 USD, 6-10 at 6.50, 11 on at 6.
var stripeTiers = tiers(tier("5", "7"), tier("10", "6.5"), tier("", "6"))

// Lago's volume tiers: 0-10,000 at 0.0010, to 50,000 at 0.0008, to
// 100,000 at 0.0006, then 0.0004, each with a 10 USD fee.
var lagoVolumeTiers = tiers(withFee(tier("10000", "0.0010"), "10"), withFee(tier("50000", "0.0008"), "10"),
	withFee(tier("100000", "0.0006"), "10"), withFee(tier("", "0.0004"), "10"))

// TestPriceModels prices the worked examples of Stripe's and Lago's public
// documentation; every row names the page its figures come from.
func TestPriceModels(t *testing.T) {
	const (
		stripeTiered = "https://docs.stripe.com/subscriptions/pricing-models/tiered-pricing"
		stripePkg    = "https://stripe.com/docs/billing/subscriptions/quantity-transformation"
		stripeHours  = "https://docs.stripe.com/billing/subscriptions/usage-based/transform-quantities"
		lagoCharges  = "https://doc.getlago.com/docs/guide/plans/charges"
		lagoPackage  = "https://getlago.com/docs/guide/plans/charges/charge-models/package"
		lagoVolume   = "https://getlago.com/docs/guide/plans/charges/charge-models/volume"
		lagoGrad     = "https://getlago.com/docs/guide/plans/charges/charge-models/graduated"
		lagoPct      = "https://getlago.com/docs/guide/plans/charges/charge-models/percentage"
	)
	for _, tc := range []struct {
		name, source string
		price        Price
		qty          string
		events       int64
		want         string
	}{
		{"standard 1000 calls at 0.05", lagoCharges, Price{Model: PerUnit, UnitPrice: usd("0.05")}, "1000", 1000, "50.00"},
		{"package 201 units, 5 per 100, 100 free", lagoPackage, Price{Model: Package, UnitPrice: usd("5"), PackageSize: 100, FreeUnits: 100}, "201", 0, "10.00"},
		{"package 1 user of 10 per 5", stripePkg, Price{Model: Package, UnitPrice: usd("10"), PackageSize: 5}, "1", 0, "10.00"},
		{"package 5 users of 10 per 5", stripePkg, Price{Model: Package, UnitPrice: usd("10"), PackageSize: 5}, "5", 0, "10.00"},
		{"package 6 users of 10 per 5", stripePkg, Price{Model: Package, UnitPrice: usd("10"), PackageSize: 5}, "6", 0, "20.00"},
		{"package 7 users of 10 per 5", stripePkg, Price{Model: Package, UnitPrice: usd("10"), PackageSize: 5}, "7", 0, "20.00"},
		{"package 150 minutes at 10 per hour", stripeHours, Price{Model: Package, UnitPrice: usd("10"), PackageSize: 60}, "150", 0, "30.00"},
		{"volume 1 font", stripeTiered, Price{Model: Volume, Tiers: stripeTiers}, "1", 0, "7.00"},
		{"volume 5 fonts", stripeTiered, Price{Model: Volume, Tiers: stripeTiers}, "5", 0, "35.00"},
		{"volume 6 fonts", stripeTiered, Price{Model: Volume, Tiers: stripeTiers}, "6", 0, "39.00"},
		{"volume 20 fonts", stripeTiered, Price{Model: Volume, Tiers: stripeTiers}, "20", 0, "120.00"},
		{"volume 25 fonts", stripeTiered, Price{Model: Volume, Tiers: stripeTiers}, "25", 0, "150.00"},
		{"volume 65000 calls with fee", lagoVolume, Price{Model: Volume, Tiers: lagoVolumeTiers}, "65000", 0, "49.00"},
		// Stripe's graduated section: 5 fonts cost the same as under volume
		// pricing, 35 USD; above 5 each tier's units at its own price (the
		// rows for 6, 20 and 25 apply the page's rule to its tiers).
		{"graduated 5 fonts", stripeTiered, Price{Model: Graduated, Tiers: stripeTiers}, "5", 0, "35.00"},
		{"graduated 6 fonts", stripeTiered, Price{Model: Graduated, Tiers: stripeTiers}, "6", 0, "41.50"},
		{"graduated 20 fonts", stripeTiered, Price{Model: Graduated, Tiers: stripeTiers}, "20", 0, "127.50"},
		{"graduated 25 fonts", stripeTiered, Price{Model: Graduated, Tiers: stripeTiers}, "25", 0, "157.50"},
		// A graduated example with its total stated (Autumn's docs): 1,000
		// at 0.01, to 10,000 at 0.008, beyond at 0.005; 15,000 are 107.
		{"graduated 15000 requests", "https://docs.useautumn.com/documentation/modelling-pricing/graduated-pricing",
			Price{Model: Graduated, Tiers: tiers(tier("1000", "0.01"), tier("10000", "0.008"), tier("", "0.005"))}, "15000", 0, "107.00"},
		// Lago's graduated page: 1 USD for the first 100 units, 0.50 for the
		// next 100, 0.10 after; 250 units by its rule are 100 + 50 + 5.
		{"graduated 250 calls", lagoGrad, Price{Model: Graduated, Tiers: tiers(tier("100", "1"), tier("200", "0.50"), tier("", "0.10"))}, "250", 0, "155.00"},
		// Stripe's flat fee and overages: 100 USD a licence, 0-1,000 units
		// at 0 and beyond at 0.04 USD; 1,500 units by the page's rates.
		{"flat fee and overage, 1500 units", "https://docs.stripe.com/billing/subscriptions/usage-based-v1/use-cases/flat-fee-and-overages",
			Price{Model: Graduated, FlatFee: usd("100"), Tiers: tiers(tier("1000", "0"), tier("", "0.04"))}, "1500", 0, "120.00"},
		{"flat fee and overage, no usage", "https://docs.stripe.com/billing/subscriptions/usage-based-v1/use-cases/flat-fee-and-overages",
			Price{Model: Graduated, FlatFee: usd("100"), Tiers: tiers(tier("1000", "0"), tier("", "0.04"))}, "0", 0, "100.00"},
		// Lago's percentage page: 1.2 % plus 0.10 per transaction; one
		// transaction of 50 USD without free units costs 0.70.
		{"percentage 50 USD, 1 transaction", lagoPct, Price{Model: Percentage, Rate: contract.Dec(dec("0.012")), FixedFee: usd("0.10")}, "50", 1, "0.70"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := tc.price.Amount(dec(tc.qty), tc.events)
			if err != nil {
				t.Fatalf("%s: %v", tc.source, err)
			}
			if want := usd(tc.want); !r.Total.Equal(want) || !r.Amount.Equal(want) || r.TrueUp.Sign() != 0 {
				t.Errorf("%s: Amount(%s) = %v, want %v (source %s)", tc.name, tc.qty, r, want, tc.source)
			}
		})
	}
}

// TestPercentageTransactions: Lago's percentage page, 1.2 % plus 0.10 USD
// per transaction with the first 3 events or 500 USD free: transactions of
// 200, 100, 100 and 50 USD cost 0, 0, 0 and 0.70 USD.
// https://getlago.com/docs/guide/plans/charges/charge-models/percentage
func TestPercentageTransactions(t *testing.T) {
	p := Price{Model: Percentage, Rate: contract.Dec(dec("0.012")), FixedFee: usd("0.10"),
		FreeEvents: 3, FreeAmount: contract.Dec(dec("500"))}
	for _, tc := range []struct {
		name    string
		amounts []string
		want    string
	}{
		{"three free transactions", []string{"200", "100", "100"}, "0.00"},
		{"the fourth pays rate and fee", []string{"200", "100", "100", "50"}, "0.70"},
		// The free amount ends inside a transaction: 400 free of 500, then
		// 300 of which 200 pay 1.2 % and the fixed fee: 2.40 + 0.10.
		{"crossing the free amount", []string{"200", "200", "300"}, "2.50"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var as []decimal.Decimal
			for _, a := range tc.amounts {
				as = append(as, dec(a))
			}
			r, err := p.Transactions(as)
			if err != nil {
				t.Fatal(err)
			}
			if !r.Total.Equal(usd(tc.want)) {
				t.Errorf("Transactions(%v) = %v, want %s", tc.amounts, r.Total, tc.want)
			}
		})
	}
	// Per-transaction bounds (Lago's per_transaction_min_amount and
	// per_transaction_max_amount): 1.2 % + 0.10 of 10 USD is 0.22, raised
	// to the 0.50 minimum; of 10,000 USD 120.10, cut to the 50 maximum.
	b := Price{Model: Percentage, Rate: contract.Dec(dec("0.012")), FixedFee: usd("0.10"),
		MinPerTransaction: usd("0.50"), MaxPerTransaction: usd("50")}
	r, err := b.Transactions([]decimal.Decimal{dec("10"), dec("10000")})
	if err != nil || !r.Total.Equal(usd("50.50")) {
		t.Errorf("bounded Transactions = %v, %v; want 50.50 USD", r.Total, err)
	}
	if _, err := b.Amount(dec("10010"), 2); !errors.Is(err, ErrInvalid) {
		t.Errorf("Amount of a bounded percentage price = %v, want ErrInvalid (needs each transaction)", err)
	}
}

// TestMinimumCommitment: a charge below its minimum is topped up by a
// true-up for the difference (Lago's charge spending minimum): 20 calls at
// 0.05 USD are 1.00, with a 5.00 minimum a 4.00 true-up.
func TestMinimumCommitment(t *testing.T) {
	p := Price{Model: PerUnit, UnitPrice: usd("0.05"), Minimum: usd("5")}
	r, err := p.Amount(dec("20"), 20)
	if err != nil {
		t.Fatal(err)
	}
	want := Rated{Quantity: contract.Dec(dec("20")), Amount: usd("1.00"), TrueUp: usd("4.00"), Total: usd("5.00")}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("Amount (-want +got):\n%s", diff)
	}
	r, _ = p.Amount(dec("200"), 200)
	if !r.Total.Equal(usd("10.00")) || r.TrueUp.Sign() != 0 {
		t.Errorf("above the minimum: %v, want 10.00 without true-up", r)
	}
}

// TestRoundingOnce: fractional unit prices are multiplied exactly and the
// charge is rounded once, half away from zero: 3 units at 0.0015 USD are
// 0.0045, 0.00; 5 are 0.0075, 0.01.
func TestRoundingOnce(t *testing.T) {
	p := Price{Model: PerUnit, UnitPrice: usd("0.0015")}
	for qty, want := range map[string]string{"3": "0.00", "5": "0.01", "1000": "1.50"} {
		r, err := p.Amount(dec(qty), 0)
		if err != nil || !r.Total.Equal(usd(want)) {
			t.Errorf("Amount(%s) = %v, %v; want %s", qty, r.Total, err, want)
		}
	}
}

// TestGraduatedContinuity is the property that graduated tiers are
// continuous at their bounds: the price of n+1 units minus that of n is the
// unit price of the tier holding unit n+1 (plus that tier's flat fee when
// n+1 is its first unit), for random tiers and every n across the bounds.
func TestGraduatedContinuity(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 1))
	for range 200 {
		var ts []Tier
		up := int64(0)
		for i, n := 0, 1+rng.IntN(5); i < n; i++ {
			up += 1 + rng.Int64N(20)
			tr := Tier{UpTo: contract.Dec(decimal.NewFromInt(up)), UnitPrice: contract.NewMoney(decimal.New(rng.Int64N(100000), -4), currency.USD)}
			if rng.IntN(3) == 0 {
				tr.FlatFee = contract.NewMoney(decimal.New(rng.Int64N(1000), -2), currency.USD)
			}
			ts = append(ts, tr)
		}
		ts[len(ts)-1].UpTo = contract.Decimal{}
		p := Price{Model: Graduated, Tiers: ts}
		prev := decimal.Zero
		for n := int64(0); n <= up+5; n++ {
			next := p.graduated(decimal.NewFromInt(n + 1))
			i := p.tierOf(decimal.NewFromInt(n + 1))
			want := ts[i].UnitPrice.Amount()
			first := n == 0 || i > 0 && ts[i-1].UpTo.Decimal().Equal(decimal.NewFromInt(n))
			if first && !ts[i].FlatFee.IsZero() {
				want = want.Add(ts[i].FlatFee.Amount())
			}
			if got := next.Sub(prev); !got.Equal(want) {
				t.Fatalf("tiers %v: price(%d)-price(%d) = %s, want %s", ts, n+1, n, got, want)
			}
			prev = next
		}
	}
}

// TestPriceValidate: each broken field comes back with its JSON path and
// rule.
func TestPriceValidate(t *testing.T) {
	for _, tc := range []struct {
		name       string
		p          Price
		path, rule string
	}{
		{"no model", Price{}, "model", "required"},
		{"package without size", Price{Model: Package, UnitPrice: usd("5")}, "package_size", "gte"},
		{"per unit without price", Price{Model: PerUnit}, "unit_price", "required"},
		{"tiers falling", Price{Model: Graduated, Tiers: tiers(tier("10", "1"), tier("5", "1"), tier("", "1"))}, "tiers[1].up_to", "gtfield"},
		{"unbounded tier not last", Price{Model: Volume, Tiers: tiers(tier("", "1"), tier("", "1"))}, "tiers[0].up_to", "required"},
		{"mixed currencies", Price{Model: Volume, Tiers: tiers(tier("5", "1"), Tier{UnitPrice: dkk("1")})}, "tiers[1].unit_price", "currency_mismatch"},
		{"rate above 1", Price{Model: Percentage, Rate: contract.Dec(dec("1.2"))}, "rate", "dlte"},
		{"max below min", Price{Model: Percentage, MinPerTransaction: usd("2"), MaxPerTransaction: usd("1")}, "max_per_transaction", "gtefield"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertProblem(t, tc.p.Validate(), tc.path, tc.rule)
		})
	}
}

func assertProblem(t *testing.T, err error, path, rule string) {
	t.Helper()
	var ve *contract.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want a *contract.ValidationError wrapping ErrInvalid", err)
	}
	for _, p := range ve.Problems {
		if p.Path == path && p.Rule == rule {
			return
		}
	}
	t.Errorf("problems %v lack %s %s", ve.Problems, path, rule)
}

var jan = UsagePeriod{Index: 0, From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
var feb = UsagePeriod{Index: 1, From: jan.To, To: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}

func ev(id string, at time.Time, v string, key string) UsageEvent {
	return UsageEvent{ID: id, Meter: "m", At: at, Value: contract.Dec(dec(v)), Key: key}
}

// TestAggregate checks the five aggregations, idempotency by event ID and
// the assignment of late events by event time, not arrival.
func TestAggregate(t *testing.T) {
	j := func(d, h int) time.Time { return time.Date(2026, 1, d, h, 0, 0, 0, time.UTC) }
	f := func(d int) time.Time { return time.Date(2026, 2, d, 0, 0, 0, 0, time.UTC) }
	// In arrival order: e4 arrives in February but happened on 31 January.
	events := []UsageEvent{
		ev("e1", j(2, 9), "3", "u1"), ev("e2", j(10, 9), "2.5", "u2"), ev("e3", f(3), "7", "u1"),
		ev("e4", j(31, 23), "1", "u1"), ev("e1", j(2, 9), "3", "u1"), // a resent e1
		ev("e5", f(4), "4", "u3"), ev("e2", j(10, 9), "9", "u2"), // e2 again with other content
		ev("e6", time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), "1", "u9"), // after the periods given
		{ID: "x", Meter: "other", At: j(5, 0)},                           // another meter
	}
	for _, tc := range []struct {
		agg      Aggregation
		jan, feb string
	}{
		{AggregateSum, "6.5", "11"},
		{AggregateMax, "3", "7"},
		{AggregateCount, "3", "2"},
		{AggregateUniqueCount, "2", "2"},
		{AggregateLast, "1", "4"},
	} {
		t.Run(tc.agg.String(), func(t *testing.T) {
			got, err := Meter{ID: "m", Aggregation: tc.agg}.Aggregate([]UsagePeriod{jan, feb}, events)
			if err != nil {
				t.Fatal(err)
			}
			if q := got.Usage[0].Quantity.Decimal(); !q.Equal(dec(tc.jan)) {
				t.Errorf("January = %s, want %s", q, tc.jan)
			}
			if q := got.Usage[1].Quantity.Decimal(); !q.Equal(dec(tc.feb)) {
				t.Errorf("February = %s, want %s", q, tc.feb)
			}
			if got.Duplicates != 1 || !cmp.Equal(got.Conflicts, []string{"e2"}) || !cmp.Equal(got.Unplaced, []string{"e6"}) {
				t.Errorf("duplicates %d conflicts %v unplaced %v, want 1 [e2] [e6]", got.Duplicates, got.Conflicts, got.Unplaced)
			}
			if got.Usage[0].Events != 3 || got.Usage[1].Events != 2 {
				t.Errorf("events %d, %d, want 3, 2", got.Usage[0].Events, got.Usage[1].Events)
			}
		})
	}
}

// TestAggregateExactSums: sums of mixed scales and of values past int64
// are exact.
func TestAggregateExactSums(t *testing.T) {
	d := jan.From.Add(time.Hour)
	events := []UsageEvent{ev("a", d, "0.1", ""), ev("b", d, "0.02", ""), ev("c", d, "5", ""),
		ev("d", d, "900000000000000000", ""), ev("e", d, "900000000000000000", ""), ev("f", d, "0.000000001", "")}
	got, err := Meter{ID: "m", Aggregation: AggregateSum}.Aggregate([]UsagePeriod{jan}, events)
	if err != nil {
		t.Fatal(err)
	}
	if want := dec("1800000000000000005.120000001"); !got.Usage[0].Quantity.Decimal().Equal(want) {
		t.Errorf("sum = %s, want %s", got.Usage[0].Quantity.Decimal(), want)
	}
}

// TestAggregateProblems: every bad event and period at once, by path.
func TestAggregateProblems(t *testing.T) {
	bad := []UsageEvent{{Meter: "m", At: jan.From}, {ID: "b", Meter: "m"}}
	_, err := Meter{ID: "m", Aggregation: AggregateSum}.Aggregate([]UsagePeriod{feb, jan}, bad)
	assertProblem(t, err, "events[0].id", "required")
	assertProblem(t, err, "events[1].at", "required")
	assertProblem(t, err, "periods[1].from", "gtefield")
	_, err = Meter{ID: "m"}.Aggregate(nil, nil)
	assertProblem(t, err, "meter.aggregation", "oneof")
}

// TestCreditsMeter: OpenDIMS's credits per transfer (1 to fetch an order,
// 1 more to the ERP) are a sum meter over the ledger's transfers; grants
// are not usage.
func TestCreditsMeter(t *testing.T) {
	at := jan.From.Add(24 * time.Hour)
	l, _, err := NewLedger(0).Post("grant", at, Grant, 500, "")
	if err != nil {
		t.Fatal(err)
	}
	tar := DefaultTariff()
	e1 := tar.UsageEvent("t1", at.Add(time.Hour), 10, true)
	e2 := tar.UsageEvent("t2", at.Add(2*time.Hour), 3, false)
	for _, e := range []UsageEvent{e1, e2} {
		if l, _, err = l.Post(e.ID, e.At, Transfer, e.Value.Decimal().IntPart(), ""); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff([]UsageEvent{e1, e2}, l.UsageEvents()); diff != "" {
		t.Errorf("UsageEvents (-want +got):\n%s", diff)
	}
	got, err := CreditsMeter().Aggregate([]UsagePeriod{jan}, l.UsageEvents())
	if err != nil {
		t.Fatal(err)
	}
	if q := got.Usage[0].Quantity.Decimal(); !q.Equal(dec("23")) || 500-q.IntPart() != l.Balance() {
		t.Errorf("credits used = %s, want 23 = 500 - balance %d", q, l.Balance())
	}
}

// TestSubscriptionUsagePeriod: a period's days as instants in the host's
// zone; the month-end rule of the subscription's bounds holds.
func TestSubscriptionUsagePeriod(t *testing.T) {
	sub, _, err := Subscribe("s", Plan{ID: "basic", Kind: Functionality, Cycle: Monthly, Price: dkk("24.95")}, day("2026-01-31"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := sub.UsagePeriod(1, contract.Copenhagen())
	if err != nil {
		t.Fatal(err)
	}
	if p.From.Format(time.RFC3339) != "2026-02-28T00:00:00+01:00" || p.To.Format(time.RFC3339) != "2026-03-31T00:00:00+02:00" {
		t.Errorf("period 1 = %v to %v", p.From, p.To)
	}
}

// FuzzPriceAmount prices fuzzed quantities with fuzzed tiers under every
// model: no panic, and whatever is priced is not negative, rounds to the
// cent, and graduated and volume prices agree within the first tier.
func FuzzPriceAmount(f *testing.F) {
	f.Add(int64(6), int64(5), int64(10), int64(700), int64(650), int64(600), int64(0))
	f.Add(int64(0), int64(1), int64(2), int64(0), int64(0), int64(0), int64(-1))
	f.Add(int64(1<<62), int64(1<<40), int64(1<<41), int64(1<<30), int64(1), int64(1), int64(3))
	f.Fuzz(func(t *testing.T, q, up1, up2, p1, p2, p3, size int64) {
		c := func(n int64) contract.Money { return contract.NewMoney(decimal.New(n, -2), currency.USD) }
		ts := []Tier{{UpTo: contract.Dec(decimal.NewFromInt(up1)), UnitPrice: c(p1)},
			{UpTo: contract.Dec(decimal.NewFromInt(up2)), UnitPrice: c(p2)}, {UnitPrice: c(p3)}}
		qty := decimal.New(q, -1)
		if size%2 == 0 {
			qty = decimal.NewFromInt(q)
		}
		for _, p := range []Price{
			{Model: PerUnit, UnitPrice: c(p1)}, {Model: Package, UnitPrice: c(p1), PackageSize: size, FreeUnits: up1},
			{Model: Graduated, Tiers: ts}, {Model: Volume, Tiers: ts},
			{Model: Percentage, Rate: contract.Dec(decimal.New(p1%1000, -3)), FixedFee: c(p2)},
		} {
			r, err := p.Amount(qty, size)
			if err != nil {
				continue
			}
			if r.Total.IsNegative() || !r.Total.Equal(r.Total.Round()) {
				t.Fatalf("%v of %s = %v: negative or not rounded", p.Model, qty, r.Total)
			}
		}
		gp := Price{Model: Graduated, Tiers: ts}
		if fixed, ok := gp.graduatedFixed(qty); ok && gp.Validate() == nil && !fixed.Equal(gp.graduated(qty)) {
			t.Fatalf("graduated of %s: fixed point %s, decimal %s", qty, fixed, gp.graduated(qty))
		}
		g, err1 := Price{Model: Graduated, Tiers: ts}.Amount(qty, 0)
		v, err2 := Price{Model: Volume, Tiers: ts}.Amount(qty, 0)
		if err1 == nil && err2 == nil && qty.LessThanOrEqual(decimal.NewFromInt(up1)) && !g.Total.Equal(v.Total) {
			t.Fatalf("within the first tier graduated %v != volume %v", g.Total, v.Total)
		}
	})
}
