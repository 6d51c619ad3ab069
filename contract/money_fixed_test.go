package contract

import (
	"encoding/json"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// same reports whether x and y are the same decimal, digit for digit and
// exponent for exponent: what a Money computed inline must give.
func same(x, y decimal.Decimal) bool {
	return x.Exponent() == y.Exponent() && x.Coefficient().Cmp(y.Coefficient()) == 0
}

// randomDecimal draws coefficients from every range Money handles: small
// amounts, amounts near 10^18 (the stored limit), coefficients near the
// ends of int64 and beyond them, with exponents from -20 to 5.
func randomDecimal(r *rand.Rand) decimal.Decimal {
	exp := int32(r.IntN(26) - 20)
	if r.IntN(4) == 0 {
		exp = -int32(r.IntN(4)) // the scales of real currencies
	}
	var c *big.Int
	switch r.IntN(9) {
	case 0:
		c = big.NewInt(r.Int64N(2001) - 1000)
	case 1:
		c = big.NewInt(r.Int64N(2e15) - 1e15)
	case 2: // around ±10^18
		c = big.NewInt(1e18 + r.Int64N(2001) - 1000)
	case 3: // around ±MaxInt64
		c = new(big.Int).Sub(big.NewInt(math.MaxInt64), big.NewInt(r.Int64N(1000)))
		c.Add(c, big.NewInt(r.Int64N(3)))
	case 4: // beyond int64
		c = new(big.Int).Lsh(big.NewInt(r.Int64N(1e9)+1), 64+uint(r.IntN(40)))
	case 5:
		c = big.NewInt(math.MinInt64)
	case 6:
		c = big.NewInt(0)
	case 7: // half-way cases for rounding: ...5 and ...50
		c = big.NewInt((r.Int64N(2e6)-1e6)*10 + 5)
		if r.IntN(2) == 0 {
			c.Mul(c, big.NewInt(10))
		}
	default:
		c = big.NewInt(r.Int64())
	}
	if r.IntN(2) == 0 {
		c.Neg(c)
	}
	return decimal.NewFromBigInt(c, exp)
}

var propCurrencies = []currency.Unit{currency.DKK, currency.JPY, currency.MustParseISO("BHD"), currency.CHF, currency.SEK, {}}

// The old Money: the decimal.Decimal operations Money made before it
// kept amounts inline, written out here as the reference.
func oldMinor(d decimal.Decimal, cur currency.Unit) (int64, bool) {
	r := money.Round(d, cur).Shift(money.Scale(cur))
	if !r.IsInteger() || r.Abs().GreaterThan(decimal.New(1, 18)) {
		return 0, false
	}
	return r.IntPart(), true
}

func oldText(d decimal.Decimal, cur currency.Unit) string {
	places := money.Scale(cur)
	if e := -d.Exponent(); e > places {
		places = e
	}
	return d.StringFixed(places)
}

// TestMoneyMatchesDecimal is a property test: over random amounts --
// small ones kept inline, ones beyond int64 kept as decimals, ones around
// the ±10^18 limit -- every Money operation gives exactly what the same
// decimal.Decimal arithmetic gives, coefficient and exponent alike.
func TestMoneyMatchesDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 2026))
	n := 60000
	if testing.Short() {
		n = 5000
	}
	for i := range n {
		da, db := randomDecimal(r), randomDecimal(r)
		cur := propCurrencies[r.IntN(len(propCurrencies))]
		a, b := NewMoney(da, cur), NewMoney(db, cur)
		check := func(op string, got, want decimal.Decimal) {
			t.Helper()
			if !same(got, want) {
				t.Fatalf("case %d: %s of %v and %v (%s): got %v (exp %d), want %v (exp %d)",
					i, op, da, db, cur, got, got.Exponent(), want, want.Exponent())
			}
		}
		check("Amount", a.Amount(), da)
		if c, e, ok := a.Fixed(); ok {
			check("Fixed", decimal.New(c, e), da)
		} else if da.Coefficient().IsInt64() && da.CoefficientInt64() != math.MinInt64 {
			t.Fatalf("case %d: %v fits an int64 but is not inline", i, da)
		}
		sum, _ := a.Add(b)
		check("Add", sum.Amount(), da.Add(db))
		diff, _ := a.Sub(b)
		check("Sub", diff.Amount(), da.Sub(db))
		if c, _ := a.Cmp(b); c != da.Cmp(db) {
			t.Fatalf("case %d: Cmp(%v, %v) = %d, want %d", i, da, db, c, da.Cmp(db))
		}
		if a.Equal(b) != da.Equal(db) || !a.Equal(NewMoney(da, cur)) {
			t.Fatalf("case %d: Equal(%v, %v) = %v", i, da, db, a.Equal(b))
		}
		if a.Sign() != da.Sign() || a.IsNegative() != da.IsNegative() || a.IsPositive() != da.IsPositive() {
			t.Fatalf("case %d: sign of %v", i, da)
		}
		check("Mul", a.Mul(db).Amount(), da.Mul(db))
		k := r.Int64N(2001) - 1000
		if r.IntN(8) == 0 {
			k = r.Int64()
		}
		check("MulInt", a.MulInt(k).Amount(), da.Mul(decimal.NewFromInt(k)))
		check("maxMoney", maxMoney(a, b).Amount(), decimal.Max(da, db))
		check("minMoney", minMoney(a, b).Amount(), decimal.Min(da, db))
		if a.sane() != saneAmount(da) {
			t.Fatalf("case %d: sane(%v) = %v, saneAmount %v", i, da, a.sane(), saneAmount(da))
		}
		check("Neg", a.Neg().Amount(), da.Neg())
		check("Abs", a.Abs().Amount(), da.Abs())
		check("Round", a.Round().Amount(), money.Round(da, cur))
		check("RoundHalfEven", a.RoundHalfEven().Amount(), money.RoundMode(da, cur, money.HalfEven))
		check("RoundCash", a.RoundCash().Amount(), money.RoundCash(da, cur))
		gm, gok := a.Minor()
		wm, wok := oldMinor(da, cur)
		if gm != wm || gok != wok {
			t.Fatalf("case %d: Minor(%v %s) = %d, %v; want %d, %v", i, da, cur, gm, gok, wm, wok)
		}
		if got, want := a.Text(), oldText(da, cur); got != want {
			t.Fatalf("case %d: Text(%v %s) = %q, want %q", i, da, cur, got, want)
		}
		inLimits := money.InLimits(da, money.Scale(cur))
		if (a.CheckLimits() == nil) != inLimits {
			t.Fatalf("case %d: CheckLimits(%v %s) = %v, want in limits %v", i, da, cur, a.CheckLimits(), inLimits)
		}
		if inLimits && cur != (currency.Unit{}) {
			js, err := json.Marshal(a)
			if err != nil {
				t.Fatalf("case %d: marshal %v: %v", i, da, err)
			}
			var back Money
			if err := json.Unmarshal(js, &back); err != nil || !back.Equal(a) {
				t.Fatalf("case %d: %s read back as %v, %v", i, js, back, err)
			}
		}
	}
}

// TestMoneySmallDoesNotAllocate: amounts whose coefficient fits an int64
// are made, added, subtracted, multiplied by small integers and decimals,
// compared and rounded without a heap allocation.
func TestMoneySmallDoesNotAllocate(t *testing.T) {
	price, qty := decimal.New(2495, -2), decimal.New(3, 0)
	rate := decimal.New(25, -2)
	var sink Money
	var ok bool
	tests := []struct {
		name string
		f    func()
	}{
		{"NewMoney", func() { sink = NewMoney(price, currency.DKK) }},
		{"MoneyFromMinor", func() { sink = MoneyFromMinor(123450, currency.DKK) }},
		{"ZeroMoney", func() { sink = ZeroMoney(currency.DKK) }},
		{"Add", func() { sink, _ = MoneyFromMinor(2495, currency.DKK).Add(MoneyFromMinor(5, currency.DKK)) }},
		{"Sub", func() { sink, _ = MoneyFromMinor(2495, currency.DKK).Sub(NewMoney(price, currency.DKK)) }},
		{"MulInt", func() { sink = MoneyFromMinor(2495, currency.DKK).MulInt(12) }},
		{"Mul", func() { sink = NewMoney(price, currency.DKK).Mul(qty).Mul(rate) }},
		{"Round", func() { sink = NewMoney(price, currency.DKK).Mul(rate).Round() }},
		{"RoundHalfEven", func() { sink = NewMoney(price, currency.DKK).Mul(rate).RoundHalfEven() }},
		{"Neg/Abs", func() { sink = MoneyFromMinor(-2495, currency.DKK).Neg().Abs() }},
		{"Equal/Cmp/Sign", func() {
			a, b := MoneyFromMinor(2495, currency.DKK), NewMoney(price, currency.DKK)
			_, _ = a.Cmp(b)
			ok = a.Equal(b) && a.IsPositive() && !a.IsZero()
		}},
		{"Minor", func() { _, ok = NewMoney(price, currency.DKK).Minor() }},
		{"Amount of a Money made from a decimal", func() { ok = NewMoney(price, currency.DKK).Amount().Exponent() == -2 }},
		{"Amount of a rounded amount already at scale", func() { ok = NewMoney(price, currency.DKK).Round().Amount().Sign() > 0 }},
		{"CheckLimits", func() { ok = MoneyFromMinor(2495, currency.DKK).CheckLimits() == nil }},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(100, tt.f); n != 0 {
			t.Errorf("%s: %v allocations, want 0", tt.name, n)
		}
	}
	_, _ = sink, ok
}
