package tcf

import (
	"bytes"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/internal/allocbound"
)

// FuzzParseGVL checks that ParseGVL never panics, that whatever it accepts
// validates and survives WriteJSON and ParseGVL again unchanged, and that a
// permission check on it never panics.
func FuzzParseGVL(f *testing.F) {
	small, err := os.ReadFile("testdata/gvl-small.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"vendors":{"1":{"id":1,"purposes":[1],"legIntPurposes":[2],"flexiblePurposes":[2]}}}`))
	f.Add([]byte(`{"purposes":{"1":{"id":1,"consentable":false}},"vendors":{"70000":{"id":70000}}}`))
	f.Add([]byte(`{"vendors":{"1":{"id":1,"deletedDate":"2019-02-28T00:00:00Z"}}}`))
	at := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, b []byte) {
		g, err := ParseGVL(bytes.NewReader(b))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := g.WriteJSON(&buf); err != nil {
			t.Fatalf("WriteJSON: %v", err)
		}
		back, err := ParseGVL(&buf)
		if err != nil {
			t.Fatalf("ParseGVL(WriteJSON(g)) = %v", err)
		}
		if !cmp.Equal(g, back) {
			t.Fatalf("round trip (-want +got):\n%s", cmp.Diff(g, back))
		}
		for id := range g.Vendors {
			for p := 0; p <= 25; p++ {
				_ = g.Permission(base(), id, p, at)
			}
		}
	})
}

// TestParseGVLAllocationBound checks the documented bound of ParseGVL,
// 16 bytes per input byte plus 64 KiB, on hostile lists of about 1 MiB.
func TestParseGVLAllocationBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	small, err := os.ReadFile("testdata/gvl-small.json")
	if err != nil {
		t.Fatal(err)
	}
	vendor := `"%d":{"id":1,"name":"v","purposes":[1,2,3],"legIntPurposes":[7],"flexiblePurposes":[2],"specialPurposes":[1],"features":[1],"specialFeatures":[1],"dataDeclaration":[1],"urls":[{"langId":"en","privacy":"https://v.example/p"}],"usesCookies":true,"cookieMaxAgeSeconds":1,"cookieRefresh":false,"usesNonCookieAccess":false}`
	many := func(unit string) []byte {
		var b strings.Builder
		b.WriteString(`{"vendors":{`)
		for i := 1; b.Len() < 1<<20; i++ {
			if i > 1 {
				b.WriteByte(',')
			}
			b.WriteString(strings.Replace(unit, "%d", itoa(i), 1))
		}
		b.WriteString("}}")
		return []byte(b.String())
	}
	inputs := map[string][]byte{
		"small list":         small,
		"many vendors":       many(vendor),
		"empty vendors":      many(`"%d":{}`),
		"null vendors":       many(`"%d":null`),
		"many purpose IDs":   []byte(`{"vendors":{"1":{"id":1,"purposes":[` + strings.Repeat("1,", 1<<19) + `1]}}}`),
		"many empty URLs":    []byte(`{"vendors":{"1":{"id":1,"urls":[` + strings.Repeat("{},", 1<<18) + `{}]}}}`),
		"many illustrations": []byte(`{"purposes":{"1":{"id":1,"illustrations":[` + strings.Repeat(`"",`, 1<<18) + `""]}}}`),
		"nested arrays":      []byte(strings.Repeat("[", 1<<20)),
		"long string":        []byte(`{"vendors":{"1":{"id":1,"name":"` + strings.Repeat("x", 1<<20) + `"}}}`),
	}
	for name, in := range inputs {
		got := allocbound.Allocated(func() { _, _ = ParseGVL(bytes.NewReader(in)) })
		t.Logf("%-20s %8d bytes in, %10d allocated, %6.2f B/byte", name, len(in), got, float64(got)/float64(len(in)))
		if got > allocbound.Bound(len(in)) {
			t.Errorf("ParseGVL(%s): %d bytes allocated for %d bytes, above 16 B/byte + 64 KiB", name, got, len(in))
		}
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// BenchmarkPermission is one vendor permission check against a list of
// 1,000 vendors and a string with a few hundred consents and two
// restrictions: the hot path of a tag manager. The target is below
// 200 ns.
func BenchmarkPermission(b *testing.B) {
	g := smallGVL(b)
	for id := 100; id < 1100; id++ {
		g.Vendors[id] = Vendor{ID: id, Name: "v", Purposes: []int{1, 3, 4}, LegIntPurposes: []int{2, 7, 8, 9, 10}, FlexiblePurposes: []int{2}}
	}
	tc := consent(legInt(base(), 7, 755), 3, 755)
	var cs []int
	for id := 1; id < 1200; id += 3 {
		cs = append(cs, id)
	}
	tc.VendorConsents = tc.VendorConsents.With(cs...)
	tc.VendorsDisclosed = VendorRange(1, 1200)
	tc = restrict(restrict(tc, 2, RequireConsent, 755), 7, NotAllowed, 101)
	at := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	b.Run("consent", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b, cpuTime())
		for b.Loop() {
			if !g.Permission(tc, 755, 3, at).Allowed {
				b.Fatal("want allowed")
			}
		}
	})
	b.Run("legitimate_interest", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b, cpuTime())
		for b.Loop() {
			if !g.Permission(tc, 755, 7, at).Allowed {
				b.Fatal("want allowed")
			}
		}
	})
	b.Run("restricted", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b, cpuTime())
		for b.Loop() {
			if g.Permission(tc, 101, 7, at).Allowed {
				b.Fatal("want refused")
			}
		}
	})
}

// reportCPU reports the process CPU time per operation since cpu0: on a
// loaded machine wall time counts the time other processes ran, CPU time
// does not.
func reportCPU(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestParseGVLLongLists checks that a vendor with hundreds of thousands of
// purpose IDs on both bases is refused in linear time, not by a nested scan.
func TestParseGVLLongLists(t *testing.T) {
	doc := func(n int) string {
		ids := strings.Repeat("2,", n) + "2"
		return `{"vendors":{"1":{"id":1,"purposes":[` + ids + `],"legIntPurposes":[` + ids + `],"flexiblePurposes":[` + ids + `]}}}`
	}
	// The cost must grow linearly with the lists: eight times the input may
	// take at most 24 times as long (a quadratic check would take 64). The
	// best of three runs of each size, measured back to back, so a loaded
	// machine or the race detector slows both alike.
	best := func(in string) time.Duration {
		var b time.Duration
		for range 3 {
			start := time.Now()
			if _, err := ParseGVL(strings.NewReader(in)); err == nil {
				t.Fatal("ParseGVL accepted purpose 2 on both bases")
			}
			if d := time.Since(start); b == 0 || d < b {
				b = d
			}
		}
		return b
	}
	small, large := best(doc(25000)), best(doc(200000))
	if large > 24*small+50*time.Millisecond {
		t.Errorf("ParseGVL took %v on 200,000 IDs a list and %v on 25,000: more than linear", large, small)
	}
}
