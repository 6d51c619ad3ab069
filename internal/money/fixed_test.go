package money

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

func TestToMinor(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"10000.00", 1000000, true}, {"1.5", 150, true}, {"1.500", 150, true}, {"1.005", 0, false},
		{"1e3", 100000, true}, {"-2.25", -225, true}, {"100000000000000000000", 0, false},
		{"0", 0, true}, {"10000000000000.01", 0, false}, // beyond MaxMinor øre
	}
	for _, tt := range tests {
		got, ok := ToMinor(decimal.RequireFromString(tt.in), 2)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ToMinor(%s, 2) = %d, %v, want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMulDivMatchesDecimal(t *testing.T) {
	cases := [][4]int64{{1000000, 2000000, 44, 30}, {123456789, 11750000, 181, 365}, {MaxMinor, 100000000, 3, 7},
		{MaxMinor, 100000000, 1, 1}, {5, 50000000, 1, 1}, {-5, 50000000, 1, 1}, {-1000000, 2000000, 44, 30}}
	for _, c := range cases {
		want := decimal.NewFromInt(c[0]).Mul(decimal.NewFromInt(c[1])).Mul(decimal.NewFromInt(c[2])).
			Div(decimal.NewFromInt(c[3] * 1e8)).Round(0).IntPart()
		if got := MulDiv(c[0], c[1], c[2], c[3]*1e8); got != want {
			t.Errorf("MulDiv%v = %d, want %d", c, got, want)
		}
	}
}

func TestMulRound(t *testing.T) {
	tests := []struct {
		a, b string
		want int64
		ok   bool
	}{
		{"1234.56", "0.25", 30864, true},
		{"3", "33.333", 10000, true},
		{"0.5", "0.01", 1, true},                                   // 0.005 rounds away from zero
		{"-0.5", "0.01", -1, true},                                 // and below zero too
		{"1e20", "1", 0, false},                                    // too large: the decimal path takes over
		{"0.000000000000000001", "0.000000000000000001", 0, false}, // exponent out of reach: decimal path
		{"123456789012345678901", "1", 0, false},
	}
	for _, tt := range tests {
		got, ok := MulRound(decimal.RequireFromString(tt.a), decimal.RequireFromString(tt.b), 2)
		if got != tt.want || ok != tt.ok {
			t.Errorf("MulRound(%s, %s, 2) = %d, %v, want %d, %v", tt.a, tt.b, got, ok, tt.want, tt.ok)
		}
	}
}

// TestRoundCumulative checks the documented example: three thirds round to
// 0, 1, 0 and add up to the whole rounded once.
func TestRoundCumulative(t *testing.T) {
	out := make([]int64, 3)
	RoundCumulative([]Term{{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}, 3, out)
	if out[0] != 0 || out[1] != 1 || out[2] != 0 {
		t.Errorf("RoundCumulative(1/3 x 3) = %v, want [0 1 0]", out)
	}
}

// TestRoundCumulativePaths checks that the 128-bit and math/big paths of
// cumulative rounding agree.
func TestRoundCumulativePaths(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const den = 26280 * 1e8
	pers := []int64{1, 30, 360, 365}
	for n := 0; n < 2000; n++ {
		terms := make([]Term, 2+r.IntN(6))
		for i := range terms {
			terms[i] = Term{r.Int64N(MaxMinor), r.Int64N(1e8), r.Int64N(4000) * (26280 / pers[r.IntN(4)])}
		}
		fast := make([]int64, len(terms))
		if !roundCumulative128(terms, den, fast) {
			continue
		}
		slow := make([]int64, len(terms)+1)
		RoundCumulative(append(terms, Term{-1, 1, 0}), den, slow) // a negative term forces the big path
		for i := range fast {
			if fast[i] != slow[i] {
				t.Fatalf("term %d: 128-bit = %d, math/big = %d (%+v)", i, fast[i], slow[i], terms[i])
			}
		}
	}
}
