package sla_test

import (
	"encoding/json"
	"errors"
	"io"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/sla"
	"github.com/shopspring/decimal"
)

// boundsDay is one UTC day with 5 minutes down against 99.9 %.
func boundsDay(t *testing.T) (sla.Policy, sla.Availability) {
	t.Helper()
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	p.Zone = contract.ZoneUTC
	day, err := p.Days(contract.MustDate(2025, 4, 2), contract.MustDate(2025, 4, 3))
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2025, 4, 2, 8, 0, 0, 0, time.UTC)
	a, err := sla.Compute(p, day, sla.Input{Outages: []sla.Outage{{Start: t0, End: t0.Add(5 * time.Minute)}}})
	if err != nil {
		t.Fatal(err)
	}
	return p, a
}

// within fails the test when f takes longer than d: a call on hostile
// numbers must cost no more than one on ordinary ones.
func within(t *testing.T, name string, d time.Duration, f func()) {
	t.Helper()
	began := time.Now()
	f()
	if took := time.Since(began); took > d {
		t.Errorf("%s took %s, want under %s", name, took, d)
	}
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Places are taken in [0, MaxPlaces]: MinInt32 panicked in decimal's
// QuoRem and MaxInt32 built 10^2147483647 and never returned.
func TestPlacesBounded(t *testing.T) {
	_, a := boundsDay(t) // 1435/1440 of a day up
	r := a.Ratio()
	for _, c := range []struct {
		places int32
		want   string
	}{
		{math.MinInt32, "99"}, {-3, "99"}, {0, "99"}, {3, "99.652"},
		{sla.MaxPlaces, "99.652777777777777777777777777777"},
		{sla.MaxPlaces + 1, "99.652777777777777777777777777777"},
		{math.MaxInt32, "99.652777777777777777777777777777"},
	} {
		within(t, "Percent", 100*time.Millisecond, func() {
			if got := a.Percent(c.places); got.String() != c.want {
				t.Errorf("Availability.Percent(%d) = %s, want %s", c.places, got, c.want)
			}
			if got := r.Percent(c.places); got.String() != c.want {
				t.Errorf("Ratio.Percent(%d) = %s, want %s", c.places, got, c.want)
			}
			want := decimal.RequireFromString(c.want).Shift(-2)
			if got := r.Decimal(c.places + 2); c.places >= 0 && c.places < sla.MaxPlaces-2 && !got.Equal(want) {
				t.Errorf("Ratio.Decimal(%d) = %s, want %s", c.places+2, got, want)
			}
			r.Decimal(c.places)
		})
	}
}

// WriteSVG refuses a nil writer, and targets no report can hold, with an
// error rather than a panic or seconds of arithmetic.
func TestWriteSVGBounded(t *testing.T) {
	p := sla.PolicyFor(contract.OpenDIMSTerms())
	apr, _ := p.Month(2025, time.April)
	rep, err := sla.NewReport(p, apr, sampleInput())
	if err != nil {
		t.Fatal(err)
	}
	if err := sla.WriteSVG(nil, rep, sla.SVGOptions{}); !errors.Is(err, sla.ErrInvalidPolicy) {
		t.Errorf("WriteSVG(nil) = %v, want ErrInvalidPolicy", err)
	}
	huge, tiny := contract.Dec(decimal.New(1, 1_000_000)), contract.Dec(decimal.New(1, -1_000_000))
	for name, c := range map[string]struct {
		target, critical contract.Decimal
	}{
		"huge target": {huge, contract.Decimal{}}, "tiny target": {tiny, contract.Decimal{}},
		"huge critical": {rep.Target, huge}, "tiny critical": {rep.Target, tiny},
	} {
		r := rep
		r.Target = c.target
		within(t, name, 100*time.Millisecond, func() {
			if err := sla.WriteSVG(io.Discard, r, sla.SVGOptions{Critical: c.critical}); !errors.Is(err, sla.ErrInvalidTarget) {
				t.Errorf("%s: WriteSVG = %v, want ErrInvalidTarget", name, err)
			}
		})
	}
	if err := sla.WriteSVG(io.Discard, rep, sla.SVGOptions{}); err != nil {
		t.Errorf("WriteSVG(valid) = %v", err)
	}
}

// Targets of 10^±1000000 are refused or compared by sign at once: the
// functions that take a target cost the same on hostile numbers.
func TestExtremeTargets(t *testing.T) {
	_, a := boundsDay(t)
	huge, tiny := decimal.New(1, 1_000_000), decimal.New(1, -1_000_000)
	for _, target := range []decimal.Decimal{huge, tiny, huge.Neg(), tiny.Neg()} {
		within(t, "AllowedDowntime", 100*time.Millisecond, func() {
			if _, err := sla.AllowedDowntime(target, time.Hour); !errors.Is(err, sla.ErrInvalidTarget) {
				t.Errorf("AllowedDowntime(%v) = %v, want ErrInvalidTarget", target.Exponent(), err)
			}
		})
		within(t, "Budget", 100*time.Millisecond, func() {
			if _, err := a.Budget(target); !errors.Is(err, sla.ErrInvalidTarget) {
				t.Errorf("Budget(1e%d) = %v, want ErrInvalidTarget", target.Exponent(), err)
			}
		})
		within(t, "BurnRate", 100*time.Millisecond, func() {
			if _, err := a.BurnRate(target); !errors.Is(err, sla.ErrInvalidTarget) {
				t.Errorf("BurnRate(1e%d) = %v, want ErrInvalidTarget", target.Exponent(), err)
			}
		})
		within(t, "Meets", 100*time.Millisecond, func() {
			// 99.65 % meets any target at or below 0 and any tiny
			// positive one, and no huge one.
			want := target.Sign() < 0 || target.Exponent() < 0
			if got := a.Meets(target); got != want {
				t.Errorf("Meets(%s1e%d) = %v, want %v", map[bool]string{true: "-"}[target.Sign() < 0], target.Exponent(), got, want)
			}
		})
		within(t, "CmpDecimal", 100*time.Millisecond, func() {
			want := -target.Sign()
			if target.Exponent() < 0 {
				want = 1
			}
			if got := a.Ratio().CmpDecimal(target); got != want {
				t.Errorf("CmpDecimal(1e%d) = %d, want %d", target.Exponent(), got, want)
			}
		})
	}
}

// Every decimal the package reads from JSON goes through the bounded
// parser: a megabyte of digits is refused at once, not read in seconds
// and gigabytes.
func TestDecimalFieldsBounded(t *testing.T) {
	long := strings.Repeat("9", 1<<20)
	for name, doc := range map[string]struct {
		v    any
		json string
	}{
		"policy.target":           {new(sla.Policy), `{"target":` + long + `}`},
		"weights.partial":         {new(sla.Weights), `{"partial":"0.` + long + `"}`},
		"credit_tier.below":       {new(sla.CreditTier), `{"below":` + long + `}`},
		"credit_tier.credit":      {new(sla.CreditTier), `{"credit":"` + long + `"}`},
		"burn_rule.factor":        {new(sla.BurnRule), `{"factor":` + long + `}`},
		"svg_options.critical":    {new(sla.SVGOptions), `{"critical":` + long + `}`},
		"report.target":           {new(sla.Report), `{"target":"` + long + `"}`},
		"policy.target 101 chars": {new(sla.Policy), `{"target":"` + strings.Repeat("1", 101) + `"}`},
		"policy.target 1e19":      {new(sla.Policy), `{"target":"10000000000000000000"}`},
	} {
		in := []byte(doc.json)
		within(t, name, time.Second, func() {
			n := allocated(func() {
				if err := json.Unmarshal(in, doc.v); err == nil {
					t.Errorf("%s: a decimal beyond the bounded parser's limits was read", name)
				}
			})
			if limit := 16*uint64(len(in)) + 64<<10; n > limit {
				t.Errorf("%s: %d bytes allocated for %d bytes of input, want at most %d", name, n, len(in), limit)
			}
		})
	}
}
