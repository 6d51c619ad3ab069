package catalog

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/allocbound"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// The Akeneo workload: 160,000 products, 350 fields, 3 channels
// of 2 locales each.
const (
	benchProducts = 160_000
	benchFields   = 350
	benchPool     = 2_000 // distinct products, cycled to reach benchProducts
)

func benchChannels() []Channel {
	locs := []contract.Locale{daDK, enGB}
	return []Channel{
		{Code: "ecommerce", Locales: locs, Currencies: curs(currency.DKK, currency.EUR)},
		{Code: "marketplace", Locales: locs, Currencies: curs(currency.EUR)},
		{Code: "print", Locales: locs, Currencies: curs(currency.DKK)},
	}
}

// benchSchema has 350 fields of every type: 100 localizable texts, 20
// localizable and scopable texts, 30 scopable texts, 60 numbers, 30
// simple selects, 20 multi selects, 30 booleans, 20 dates, 14
// measurements, 6 prices, 10 images, 5 GTINs, 5 identifiers. Every 6th
// field is required in ecommerce, every 9th in print and marketplace.
func benchSchema() Schema {
	opts := make([]SelectOption, 20)
	for i := range opts {
		opts[i] = SelectOption{Code: "o" + strconv.Itoa(i)}
	}
	var fs []Field
	add := func(n int, f Field) {
		for i := 0; i < n; i++ {
			g := f
			g.Code = fmt.Sprintf("f%03d_%s", len(fs), f.Type)
			fs = append(fs, g)
		}
	}
	add(100, Field{Type: TextField, Localizable: true})
	add(20, Field{Type: Textarea, Localizable: true, Scopable: true})
	add(30, Field{Type: TextField, Scopable: true, MaxLength: 80})
	add(60, Field{Type: NumberField, Decimals: 2, Min: nd("0"), Max: nd("1000000")})
	add(30, Field{Type: SimpleSelect, Options: opts})
	add(20, Field{Type: MultiSelect, Options: opts, MaxItems: 5})
	add(30, Field{Type: Boolean})
	add(20, Field{Type: DateField, MinDate: contract.MustDate(2000, 1, 1)})
	add(14, Field{Type: Measurement, Units: weight, Decimals: 3})
	add(6, Field{Type: PriceField})
	add(10, Field{Type: Image, Extensions: []string{"jpg", "png"}, MaxSize: 5 << 20})
	add(5, Field{Type: GTIN})
	add(5, Field{Type: Identifier})
	for i := range fs {
		if i%6 == 0 {
			fs[i].Required = append(fs[i].Required, "ecommerce")
		}
		if i%9 == 0 {
			fs[i].Required = append(fs[i].Required, "marketplace", "print")
		}
	}
	if len(fs) != benchFields {
		panic(len(fs))
	}
	return Schema{Type: TypeProduct, Fields: fs}
}

var gtins = []string{"4006381333931", "96385074", "036000291452", "00012345600012"}

// benchProduct fills every slot of the schema; product i leaves a few
// values out (so completeness varies) and every 50th has one invalid
// value.
func benchProduct(c *Compiled, i int) Record {
	r := Record{ID: "SKU-" + strconv.Itoa(i), Status: StatusActive, Version: 1, Categories: []string{"c" + strconv.Itoa(i%40)}}
	r.Values = make([]FieldValue, 0, 640)
	for fi := range c.fields {
		f := &c.fields[fi]
		if (fi+i)%37 == 0 {
			continue // a missing value
		}
		for _, sk := range c.slotsOf(f) {
			var v Value
			switch f.Type {
			case TextField, Textarea:
				v = Text(fmt.Sprintf("%s %d %s", f.Code, i, sk.loc))
			case NumberField:
				v = Number(decimal.New(int64(i*7+fi)%99999, -2))
			case SimpleSelect:
				v = Option("o" + strconv.Itoa((i+fi)%20))
			case MultiSelect:
				v = Options("o1", "o"+strconv.Itoa(2+(i+fi)%18))
			case Boolean:
				v = Bool((i+fi)%2 == 0)
			case DateField:
				v = Date(time.Date(2020+i%5, time.Month(1+fi%12), 1+i%28, 0, 0, 0, 0, time.UTC))
			case Measurement:
				v = Measure(decimal.New(int64(250+i%1000), 0), "GRAM")
			case PriceField:
				v = Prices(contract.NewMoney(decimal.New(int64(19900+i%500), -2), currency.DKK), contract.NewMoney(decimal.New(int64(2695+i%50), -2), currency.EUR))
			case Image:
				v = Assets(Asset{Ref: fmt.Sprintf("img/%d-%d.jpg", i, fi), Size: 120_000})
			case GTIN:
				v = Text(gtins[(i+fi)%len(gtins)])
			case Identifier:
				v = Text(fmt.Sprintf("ID-%d-%d", i, fi))
			}
			r.Values = append(r.Values, FieldValue{Field: f.Code, Locale: sk.loc, Channel: sk.ch, Value: v})
		}
	}
	if i%50 == 0 {
		r.Values[3].Value = Number(decimal.New(1, 0)) // a number in a text field
	}
	return r
}

// benchPoolOf compiles the benchmark schema and builds n products. Each
// benchmark builds its own data, so that no benchmark pays garbage
// collection for another's live heap.
func benchPoolOf(n int) (*Compiled, []Record) {
	c := mustCompile(benchSchema(), benchChannels()...)
	pool := make([]Record, n)
	for i := range pool {
		pool[i] = benchProduct(c, i)
	}
	return c, pool
}

// BenchmarkAkeneoWorkload validates and computes completeness (6 channel x
// locale pairs, one [Compiled.Assess] pass per product) for 160,000 products of 350 fields, spread over
// GOMAXPROCS goroutines. One op is the whole catalog. The products are
// 2,000 distinct ones cycled (the full set would need about 9 GB); each
// is about 610 values.
func BenchmarkAkeneoWorkload(b *testing.B) {
	c, pool := benchPoolOf(benchPool)
	workers := runtime.GOMAXPROCS(0)
	values := 0
	for _, p := range pool {
		values += len(p.Values)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		var wg sync.WaitGroup
		var invalid [64]int
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				n := 0
				for i := w; i < benchProducts; i += workers {
					p := pool[i%len(pool)]
					if _, err := c.Assess(p); err != nil {
						n++
					}
				}
				invalid[w] = n
			}(w)
		}
		wg.Wait()
		total := 0
		for _, n := range invalid[:workers] {
			total += n
		}
		if total == 0 {
			b.Fatal("no product was invalid; the workload is not checking")
		}
	}
	b.ReportMetric(float64(values)/float64(len(pool)), "values/product")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchProducts, "ns/product")
	// CPU seconds the process used per op, all goroutines together: on a
	// shared machine wall time includes waiting for other processes, CPU
	// time does not. cpu-s/op / 2 is the wall time on 2 idle cores.
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime returns the user and system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkValidateVsJSON measures, in one run, validating one 350-field
// product against decoding the same product's JSON with encoding/json into
// its wire struct. The target is validate <= 3 x decode.
func BenchmarkValidateVsJSON(b *testing.B) {
	c, pool := benchPoolOf(2)
	p := pool[1]
	var buf bytes.Buffer
	if err := c.EncodeJSON(&buf, p); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.Run("validate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := c.Validate(p); err == nil {
				b.Fatal("product 1 misses values; want required problems")
			}
		}
	})
	b.Run("assess", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.Assess(p); err == nil {
				b.Fatal("want problems")
			}
		}
	})
	b.Run("encoding_json_decode", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var jr jsonRecord
			if err := json.Unmarshal(data, &jr); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("catalog_decode_json", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := c.DecodeJSON(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	// interleaved alternates the two in every iteration, so that a load
	// change on a shared machine hits both alike; validate/json is the
	// ratio the target bounds by 3.
	b.Run("interleaved", func(b *testing.B) {
		var tv, tj time.Duration
		for b.Loop() {
			t0 := time.Now()
			var jr jsonRecord
			if err := json.Unmarshal(data, &jr); err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			_ = c.Validate(p)
			t2 := time.Now()
			tj += t1.Sub(t0)
			tv += t2.Sub(t1)
		}
		b.ReportMetric(float64(tv.Nanoseconds())/float64(b.N), "validate-ns")
		b.ReportMetric(float64(tj.Nanoseconds())/float64(b.N), "json-ns")
		b.ReportMetric(float64(tv)/float64(tj), "validate/json")
	})
}

// BenchmarkCSV compares ImportCSV with bare encoding/csv reading the same
// file (500 products, about 790 columns, Danish number format), the bare
// reader in its best configuration (ReuseRecord, as the streaming decoder
// reads): import/csv in the interleaved run is the honest ratio.
func BenchmarkCSV(b *testing.B) {
	c := mustCompile(benchSchema(), benchChannels()...)
	var buf bytes.Buffer
	opts := CSVOptions{Locale: daDK, Comma: ';'}
	enc := c.NewCSVEncoder(&buf, opts)
	for i, n := 1, 0; n < 500; i++ {
		if i%50 != 0 { // every 50th product has a value of the wrong kind
			if err := enc.Encode(benchProduct(c, i)); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	if err := enc.Flush(); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	runtime.GC()
	b.Run("encoding_csv", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			r := csv.NewReader(bytes.NewReader(data))
			r.Comma = ';'
			r.ReuseRecord = true
			n := 0
			for {
				_, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
			if n != 501 {
				b.Fatal(n)
			}
		}
	})
	b.Run("import", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			rs, err := c.ImportCSV(bytes.NewReader(data), opts)
			if err != nil || len(rs) != 500 {
				b.Fatal(err, len(rs))
			}
		}
	})
	// interleaved alternates bare reading and a streaming import (each
	// record decoded with ReuseRecord and handed on, as a host persisting
	// rows does; bare reading likewise reuses and drops each row) in every
	// iteration; import/csv is import throughput over bare throughput
	// (target 0.6 or more).
	b.Run("interleaved", func(b *testing.B) {
		var tc, ti, cc, ci time.Duration
		for b.Loop() {
			c0, t0 := cpuTime(), time.Now()
			r := csv.NewReader(bytes.NewReader(data))
			r.Comma = ';'
			r.ReuseRecord = true // the baseline's best configuration, as the decoder reads
			for {
				if _, err := r.Read(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
			c1, t1 := cpuTime(), time.Now()
			d, err := c.NewCSVDecoder(bytes.NewReader(data), opts)
			if err != nil {
				b.Fatal(err)
			}
			d.ReuseRecord = true
			n := 0
			for {
				if _, err := d.Decode(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
				n++
			}
			if n != 500 {
				b.Fatal(n)
			}
			c2, t2 := cpuTime(), time.Now()
			tc += t1.Sub(t0)
			ti += t2.Sub(t1)
			cc += c1 - c0
			ci += c2 - c1
		}
		mb := float64(len(data)) / 1e6
		b.ReportMetric(mb/(tc.Seconds()/float64(b.N)), "csv-MB/s")
		b.ReportMetric(mb/(ti.Seconds()/float64(b.N)), "import-MB/s")
		b.ReportMetric(float64(tc)/float64(ti), "import/csv")
		// The same ratio in CPU time (all threads, garbage collection
		// included), which waiting for other processes does not inflate.
		b.ReportMetric(float64(cc)/float64(ci), "cpu-import/csv")
	})
}

// typedRecordType returns the Go type a user of encoding/json would
// write for c's records in the JSON exchange form, every value decoded
// into a concrete type: a struct with one field per schema field (built
// with reflect.StructOf, as a code generator would write it), each a
// slice of {Locale, Channel, Data} whose Data is a string (text, option,
// date), a json.Number (number), a bool, a []string (options), a
// {Amount, Unit} struct (measurement), a slice of {Amount, Currency}
// (prices) or of {Ref, Size} (assets). It is encoding/json's best
// configuration for the form: no maps, no RawMessage, no interfaces.
func typedRecordType(c *Compiled) reflect.Type {
	type amount struct {
		Amount   json.Number `json:"amount"`
		Currency string      `json:"currency"`
	}
	type measure struct {
		Amount json.Number `json:"amount"`
		Unit   string      `json:"unit"`
	}
	type asset struct {
		Ref  string `json:"ref"`
		Size int64  `json:"size"`
	}
	var fields []reflect.StructField
	for i := range c.fields {
		f := &c.fields[i]
		var data reflect.Type
		switch f.kind() {
		case kindNumber:
			data = reflect.TypeFor[json.Number]()
		case kindMeasure:
			data = reflect.TypeFor[measure]()
		case kindPrices:
			data = reflect.TypeFor[[]amount]()
		case kindBool:
			data = reflect.TypeFor[bool]()
		case kindOptions:
			data = reflect.TypeFor[[]string]()
		case kindAssets:
			data = reflect.TypeFor[[]asset]()
		default:
			data = reflect.TypeFor[string]()
		}
		elem := reflect.StructOf([]reflect.StructField{
			{Name: "Locale", Type: reflect.TypeFor[string](), Tag: `json:"locale"`},
			{Name: "Channel", Type: reflect.TypeFor[string](), Tag: `json:"channel"`},
			{Name: "Data", Type: data, Tag: `json:"data"`},
		})
		fields = append(fields, reflect.StructField{Name: "F" + strconv.Itoa(i), Type: reflect.SliceOf(elem), Tag: reflect.StructTag(`json:"` + f.Code + `"`)})
	}
	values := reflect.StructOf(fields)
	return reflect.StructOf([]reflect.StructField{
		{Name: "SKU", Type: reflect.TypeFor[string](), Tag: `json:"sku"`},
		{Name: "Parent", Type: reflect.TypeFor[string](), Tag: `json:"parent"`},
		{Name: "Status", Type: reflect.TypeFor[string](), Tag: `json:"status"`},
		{Name: "Version", Type: reflect.TypeFor[uint64](), Tag: `json:"version"`},
		{Name: "Categories", Type: reflect.TypeFor[[]string](), Tag: `json:"categories"`},
		{Name: "Values", Type: values, Tag: `json:"values"`},
	})
}

// BenchmarkDecodeJSON compares DecodeJSON of one 350-field product with
// encoding/json decoding the same bytes into the fully typed struct of
// typedRecordType, in the same loop (interleaved): decode/json is the
// time ratio (target 1.0 or less) and B/inbyte what DecodeJSON allocates
// per input byte (target 2 or less).
func BenchmarkDecodeJSON(b *testing.B) {
	c, pool := benchPoolOf(2)
	var buf bytes.Buffer
	if err := c.EncodeJSON(&buf, pool[1]); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	typ := typedRecordType(c)
	// The typed struct must read every value: check it decodes strictly.
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(reflect.New(typ).Interface()); err != nil {
		b.Fatal(err)
	}
	b.Run("encoding_json_typed", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if err := json.Unmarshal(data, reflect.New(typ).Interface()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("catalog", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := c.DecodeJSON(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("interleaved", func(b *testing.B) {
		var tj, td time.Duration
		var alloc uint64
		for b.Loop() {
			t0 := time.Now()
			if err := json.Unmarshal(data, reflect.New(typ).Interface()); err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			if _, err := c.DecodeJSON(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
			t2 := time.Now()
			tj += t1.Sub(t0)
			td += t2.Sub(t1)
		}
		alloc = allocbound.Allocated(func() {
			if _, err := c.DecodeJSON(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		})
		b.ReportMetric(float64(len(data)), "input-B")
		b.ReportMetric(float64(alloc)/float64(len(data)), "B/inbyte")
		b.ReportMetric(float64(td)/float64(tj), "decode/json")
	})
}
