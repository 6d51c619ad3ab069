package gpp_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pimkit/pimkit/privacy/gpp"
	"github.com/pimkit/pimkit/privacy/tcf"
)

// benchString is a GPP string with a tcfeuv2 section (a TC string of a
// site with about 250 vendors up to ID 1,200 under consent, a publisher
// restriction, and the disclosed vendors) and a usnat section with GPC,
// the case a US-and-EU webshop meets. testdata/crosscheck/bench.mjs times
// the official library's decoding of the same string.
var benchString = func() string {
	at := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	var consents, disclosed []int
	for id := 1; id <= 1200; id++ {
		if id%5 == 0 || id < 40 {
			consents = append(consents, id)
		}
		if id%3 != 1 {
			disclosed = append(disclosed, id)
		}
	}
	eu := gpp.TCFEUv2{Created: at, LastUpdated: at, CMPID: 300, CMPVersion: 2, ConsentScreen: 1,
		ConsentLanguage: "EN", VendorListVersion: 150, PolicyVersion: 5, IsServiceSpecific: true,
		SpecialFeatureOptIns: tcf.NewIDSet(1), PurposeConsents: tcf.NewIDSet(1, 2, 3, 4, 7, 9, 10),
		PurposeLegitimateInterests: tcf.NewIDSet(2, 7, 9, 10), PublisherCountryCode: "US",
		VendorConsents: tcf.NewVendorSet(consents...), VendorLegitimateInterests: tcf.NewVendorSet(consents[:30]...),
		PublisherRestrictions: []tcf.PublisherRestriction{{PurposeID: 7, Type: tcf.NotAllowed, Vendors: tcf.NewVendorSet(12, 13, 14)}},
		VendorsDisclosed:      tcf.NewVendorSet(disclosed...)}
	us, _ := gpp.NewUS(gpp.SectionUSNat)
	us.SaleOptOutNotice, us.SharingOptOutNotice, us.TargetedAdvertisingOptOutNotice = gpp.Yes, gpp.Yes, gpp.Yes
	us.SaleOptOut, us.SharingOptOut, us.TargetedAdvertisingOptOut = gpp.Yes, gpp.Yes, gpp.No
	us.GPC = true
	s, err := gpp.Encode(gpp.String{TCFEUv2: &eu, US: []gpp.US{us}})
	if err != nil {
		panic(err)
	}
	return s
}()

// BenchmarkDecode decodes a string with a tcfeuv2 and a usnat section
// (target: under 2 us). The official library's time for the same string
// comes from testdata/crosscheck/bench.mjs, which node runs: no Go
// baseline exists. Besides ns/op (wall time) it reports cpu-ns/op, the
// process's CPU time per decode, which a loaded machine inflates less.
func BenchmarkDecode(b *testing.B) {
	b.SetBytes(int64(len(benchString)))
	b.ReportAllocs()
	start := cpuTime()
	n := 0
	for b.Loop() {
		if _, err := gpp.Decode(benchString); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
}

// BenchmarkEncode encodes the same model.
func BenchmarkEncode(b *testing.B) {
	m, err := gpp.Decode(benchString)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := gpp.Encode(m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeUSOnly decodes a usnat section alone, the common US case.
func BenchmarkDecodeUSOnly(b *testing.B) {
	const s = "DBABLA~CEAQGAAAAACA.QA"
	b.ReportAllocs()
	for b.Loop() {
		if _, err := gpp.Decode(s); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBenchString keeps testdata/crosscheck/bench.txt, the string
// bench.mjs times in node, equal to benchString.
func TestBenchString(t *testing.T) {
	b, err := os.ReadFile("testdata/crosscheck/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(b)); got != benchString {
		t.Errorf("testdata/crosscheck/bench.txt = %q, want %q", got, benchString)
	}
}
