package catalog

import (
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// queryCorpus returns n products spread over families, categories,
// statuses and titles.
func queryCorpus(n int) []Record {
	out := make([]Record, n)
	fams := []string{"shirts", "mugs", "shoes", "bags"}
	cats := []string{"kitchen", "clothes", "sale", "new"}
	for i := range out {
		title := "Mug " + strconv.Itoa(i)
		if i%3 == 0 {
			title = "Organic shirt " + strconv.Itoa(i)
		}
		st := StatusActive
		if i%5 == 0 {
			st = StatusDraft
		}
		out[i] = Record{ID: "SKU-" + strconv.Itoa(i), Status: st, Family: fams[i%4], Categories: []string{cats[i%4], cats[(i+1)%4]},
			Values: []FieldValue{
				lv("title", enGB, Text(title)), lv("title", daDK, Text(title)),
				fv("price", Prices(contract.NewMoney(dec(strconv.Itoa(10+i%90)+".00"), currency.DKK))),
				fv("brand", Text("Acme")), fv("stock", Number(dec(strconv.Itoa(i%50)))),
				fv("color", Option([]string{"red", "blue"}[i%2])),
			}}
	}
	return out
}

// BenchmarkQuery160k runs a query with three filters (enabled, family,
// a text CONTAINS) over 160,000 records in memory; the target is under
// 100 ms an operation.
func BenchmarkQuery160k(b *testing.B) {
	c := mustCompile(testSchema(), testChannels()...)
	records := queryCorpus(160_000)
	q, err := ParseQuery(c, []byte(`{"enabled":[{"operator":"=","value":true}],"family":[{"operator":"IN","value":["shirts","shoes"]}],"title":[{"operator":"CONTAINS","value":"organic","locale":"en_GB"}]}`), SearchOptions{})
	if err != nil {
		b.Fatal(err)
	}
	m, err := NewMatcher(c, q, QueryContext{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	cpu0 := processCPU()
	for b.Loop() {
		n = 0
		for range m.Filter(slices.Values(records)) {
			n++
		}
	}
	if n == 0 {
		b.Fatal("no record matched")
	}
	b.ReportMetric(float64(n), "matches")
	// On a loaded machine wall time counts the time other processes ran;
	// the process's CPU time does not.
	b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
}

// processCPU returns the CPU time the test process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
