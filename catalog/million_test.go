package catalog

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/raceflag"
)

// The million-product run: distinct Akeneo-shaped products (the benchmark
// schema, 350 fields x 3 channels x 2 locales) generated as CSV through
// an io.Reader, streamed through the CSV decoder and assessed (validation
// and completeness) one record at a time. go test ./catalog -run
// '^TestMillionProducts$' -million 1000000 runs it; .ci/million runs it
// under /usr/bin/time -v and fails at 1 GB of peak RSS.
var millionFlag = flag.Int("million", 0, "run TestMillionProducts over this many generated products (0 skips it)")

var keepFlag = flag.Bool("keep", false, "TestMillionProducts packs every product and keeps it, and reports the live heap per packed product")

var millionOpts = CSVOptions{Locale: daDK, Comma: ';'}

// millionProduct is the record the generator writes for product i: the
// benchmark product, except that every 50th has its category twice (an
// invalid record the CSV can carry) instead of a value of the wrong kind
// (which no CSV column can).
func millionProduct(c *Compiled, i int) Record {
	r := benchProduct(c, i)
	if i%50 == 0 {
		fv := &r.Values[3]
		fv.Value = Text(fmt.Sprintf("%s %d %s", fv.Field, i, fv.Locale))
		r.Categories = append(r.Categories, r.Categories[0])
	}
	return r
}

// millionCSV is an io.Reader of the CSV of products [next, end) with its
// header, written row by row into a buffer from templates built once: the
// leading text fields (most of a row) as one template per number of
// digits and set of missing fields with the product's number copied in,
// the other fields from the constant parts of their cells with the few
// values derived from the number appended by strconv. Deterministic,
// and every product is distinct (its SKU is SKU-i).
type millionCSV struct {
	next, end int
	fields    []genField
	ntext     int // the leading text fields, written from templates
	templates map[[2]int]*textTemplate
	buf       []byte
	off       int
	digits    []byte
}

// textTemplate is the leading text fields' cells for products of one
// number of digits and one remainder mod 37 (which fields are missing):
// the bytes, with the offsets where the product's number goes.
type textTemplate struct {
	b  []byte
	at []int
}

// textPart returns the template for products of d digits whose missing
// fields are those of remainder m, building it on first use.
func (g *millionCSV) textPart(d, m int) *textTemplate {
	if t, ok := g.templates[[2]int{d, m}]; ok {
		return t
	}
	t := &textTemplate{}
	for k := range g.fields[:g.ntext] {
		gf := &g.fields[k]
		if (gf.fi+m)%37 == 0 {
			for range gf.ncols {
				t.b = append(t.b, ';')
			}
			continue
		}
		for s := range gf.slots {
			t.b = append(t.b, gf.pre...)
			t.at = append(t.at, len(t.b))
			for range d {
				t.b = append(t.b, '0')
			}
			t.b = append(t.b, gf.sufs[s]...)
		}
	}
	g.templates[[2]int{d, m}] = t
	return t
}

type genField struct {
	fi    int
	typ   FieldType
	ncols int      // columns of the field, all slots together
	pre   []byte   // ";code " for texts, ";" otherwise
	sufs  [][]byte // per slot: " da-DK", " und"...
	slots int
}

func newMillionCSV(c *Compiled, from, to int) *millionCSV {
	g := &millionCSV{next: from, end: to, templates: map[[2]int]*textTemplate{}}
	l := c.columns()
	var hdr []byte
	for i, col := range l.cols {
		if i > 0 {
			hdr = append(hdr, ';')
		}
		hdr = append(hdr, col.name...)
	}
	g.buf = append(hdr, '\n')
	for fi := range c.fields {
		f := &c.fields[fi]
		gf := genField{fi: fi, typ: f.Type}
		slots := c.slotsOf(f)
		gf.slots = len(slots)
		switch f.Type {
		case PriceField:
			gf.ncols = len(slots) * len(c.currencies)
		case Measurement:
			gf.ncols = 2 * len(slots)
		default:
			gf.ncols = len(slots)
		}
		switch f.Type {
		case TextField, Textarea:
			gf.pre = []byte(";" + f.Code + " ")
			for _, sk := range slots {
				gf.sufs = append(gf.sufs, []byte(" "+sk.loc.String()))
			}
		case Image:
			gf.pre = []byte(";img/")
		case Identifier:
			gf.pre = []byte(";ID-")
		default:
			gf.pre = []byte(";")
		}
		g.fields = append(g.fields, gf)
		if (f.Type == TextField || f.Type == Textarea) && g.ntext == fi {
			g.ntext++
		}
	}
	return g
}

func (g *millionCSV) Read(p []byte) (int, error) {
	for g.off == len(g.buf) {
		if g.next >= g.end {
			return 0, io.EOF
		}
		g.buf, g.off = g.row(g.buf[:0], g.next), 0
		g.next++
	}
	n := copy(p, g.buf[g.off:])
	g.off += n
	return n, nil
}

// two appends n as at least two digits.
func two(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }

// cents appends n/100 in the Danish format with two decimals: 865,65.
func cents(b []byte, n int) []byte {
	b = strconv.AppendInt(b, int64(n/100), 10)
	b = append(b, ',')
	return two(b, n%100)
}

// row appends product i's row, exactly as the CSV encoder writes
// millionProduct(c, i).
func (g *millionCSV) row(b []byte, i int) []byte {
	g.digits = strconv.AppendInt(g.digits[:0], int64(i), 10)
	b = append(b, "SKU-"...)
	b = append(b, g.digits...)
	b = append(b, ";;active;1;c"...)
	b = strconv.AppendInt(b, int64(i%40), 10)
	if i%50 == 0 {
		b = append(b, ",c"...)
		b = strconv.AppendInt(b, int64(i%40), 10)
	}
	t := g.textPart(len(g.digits), i%37)
	start := len(b)
	b = append(b, t.b...)
	for _, at := range t.at {
		copy(b[start+at:], g.digits)
	}
	for k := g.ntext; k < len(g.fields); k++ {
		gf := &g.fields[k]
		fi := gf.fi
		if (fi+i)%37 == 0 {
			for range gf.ncols {
				b = append(b, ';')
			}
			continue
		}
		for s := range gf.slots {
			b = append(b, gf.pre...)
			switch gf.typ {
			case TextField, Textarea:
				b = append(b, g.digits...)
				b = append(b, gf.sufs[s]...)
			case NumberField:
				b = cents(b, (i*7+fi)%99999)
			case SimpleSelect:
				b = append(b, 'o')
				b = strconv.AppendInt(b, int64((i+fi)%20), 10)
			case MultiSelect:
				b = append(b, "o1,o"...)
				b = strconv.AppendInt(b, int64(2+(i+fi)%18), 10)
			case Boolean:
				b = append(b, "01"[(i+fi+1)%2])
			case DateField:
				b = strconv.AppendInt(b, int64(2020+i%5), 10)
				b = append(b, '-')
				b = two(b, 1+fi%12)
				b = append(b, '-')
				b = two(b, 1+i%28)
			case Measurement:
				b = strconv.AppendInt(b, int64(250+i%1000), 10)
				b = append(b, ";GRAM"...)
			case PriceField:
				b = cents(b, 19900+i%500)
				b = append(b, ';')
				b = cents(b, 2695+i%50)
			case Image:
				b = append(b, g.digits...)
				b = append(b, '-')
				b = strconv.AppendInt(b, int64(fi), 10)
				b = append(b, ".jpg|120000"...)
			case GTIN:
				b = append(b, gtins[(i+fi)%len(gtins)]...)
			case Identifier:
				b = append(b, g.digits...)
				b = append(b, '-')
				b = strconv.AppendInt(b, int64(fi), 10)
			}
		}
	}
	return append(b, '\n')
}

// TestMillionGenerator: the generator writes, byte for byte, what the CSV
// encoder writes for millionProduct, header included, for products with
// missing values, invalid ones and numbers of every length.
func TestMillionGenerator(t *testing.T) {
	c := mustCompile(benchSchema(), benchChannels()...)
	for _, i := range []int{0, 1, 7, 36, 37, 50, 99, 999, 1000, 12345, 99999, 100000, 999999, 1_000_000} {
		var want bytes.Buffer
		enc := c.NewCSVEncoder(&want, millionOpts)
		if err := enc.Encode(millionProduct(c, i)); err != nil {
			t.Fatal(err)
		}
		if err := enc.Flush(); err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(newMillionCSV(c, i, i+1))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			n := 0
			for n < len(got) && n < want.Len() && got[n] == want.Bytes()[n] {
				n++
			}
			lo := max(n-60, 0)
			t.Fatalf("product %d differs at byte %d:\n got %q\nwant %q", i, n, got[lo:min(n+60, len(got))], want.Bytes()[lo:min(n+60, want.Len())])
		}
	}
}

// millionResult tallies a run.
type millionResult struct {
	products, invalid, categoryProblems, incomplete int
	percentSum                                      int64
	csvBytes                                        int64
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// runMillion streams products [0, n) through the CSV decoder and
// assesses each, on workers goroutines: each worker reads its own CSV
// stream of a contiguous range of products, as a host splitting a file at
// row boundaries would, with ReuseRecord, and keeps nothing.
func runMillion(t testing.TB, c *Compiled, n, workers int, keep [][]Packed) millionResult {
	results := make([]millionResult, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := &results[w]
			cr := &countingReader{r: newMillionCSV(c, w*n/workers, (w+1)*n/workers)}
			d, err := c.NewCSVDecoder(cr, millionOpts)
			if err != nil {
				errs[w] = err
				return
			}
			d.ReuseRecord = true
			for {
				r, err := d.Decode()
				if err == io.EOF {
					break
				}
				if err != nil {
					errs[w] = err
					return
				}
				res.products++
				if keep != nil {
					p, err := c.Pack(r)
					if err != nil {
						errs[w] = err
						return
					}
					keep[w] = append(keep[w], p)
				}
				comp, err := c.Assess(r)
				if err != nil {
					res.invalid++
					var ve *contract.ValidationError
					if errors.As(err, &ve) {
						for _, p := range ve.Problems {
							if p.Rule == RuleCategory {
								res.categoryProblems++
							}
						}
					}
				}
				for _, cp := range comp {
					res.percentSum += int64(cp.Percent)
					if cp.Percent < 100 {
						res.incomplete++
					}
				}
			}
			res.csvBytes = cr.n
		}()
	}
	wg.Wait()
	var total millionResult
	for w, r := range results {
		if errs[w] != nil {
			t.Fatalf("worker %d: %v", w, errs[w])
		}
		total.products += r.products
		total.invalid += r.invalid
		total.categoryProblems += r.categoryProblems
		total.incomplete += r.incomplete
		total.percentSum += r.percentSum
		total.csvBytes += r.csvBytes
	}
	if total.products != n {
		t.Fatalf("%d products decoded, want %d", total.products, n)
	}
	if want := (n + 49) / 50; total.categoryProblems != want {
		t.Fatalf("%d repeated categories found, want %d (every 50th product)", total.categoryProblems, want)
	}
	return total
}

// peakHeap samples the heap's live and unswept objects every few
// milliseconds until stop is closed, and returns the highest reading.
func peakHeap(stop <-chan struct{}, out *atomic.Uint64) {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		metrics.Read(s)
		if v := s[0].Value.Uint64(); v > out.Load() {
			out.Store(v)
		}
		select {
		case <-stop:
			return
		case <-tick.C:
		}
	}
}

// TestMillionProductsCI is the million-product run at CI size: 20,000
// products (1,000 under the race detector) stream through in bounded
// memory, the heap never more than 64 MB above where it started (the
// products would be about 1.5 GB as Records), and the first 200 assess
// exactly as the records the generator stands for.
func TestMillionProductsCI(t *testing.T) {
	n := 20_000
	if raceflag.Enabled || testing.Short() {
		n = 1_000
	}
	c := mustCompile(benchSchema(), benchChannels()...)

	// The pipeline gives what assessing the records directly gives.
	d, err := c.NewCSVDecoder(newMillionCSV(c, 0, 200), millionOpts)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		r, err := d.Decode()
		if err != nil {
			t.Fatal(err)
		}
		want := millionProduct(c, i)
		gc, gerr := c.Assess(r)
		wc, werr := c.Assess(want)
		if r.ID != want.ID || !equalCompleteness(gc, wc) || fmt.Sprint(packedProblems(gerr)) != fmt.Sprint(packedProblems(werr)) {
			t.Fatalf("product %d: assessing the decoded row differs from assessing the record:\n%v\n%v", i, packedProblems(gerr), packedProblems(werr))
		}
	}

	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	base := s[0].Value.Uint64()
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { peakHeap(stop, &peak); close(done) }()
	t0 := time.Now()
	res := runMillion(t, c, n, runtime.GOMAXPROCS(0), nil)
	el := time.Since(t0)
	close(stop)
	<-done
	grew := int64(peak.Load()) - int64(base)
	t.Logf("%d products, %.0f MB of CSV, in %v on %d goroutines (%.1f us a product): %d with problems, %d slot-completenesses under 100 %%; heap peak %.1f MB above the start",
		res.products, float64(res.csvBytes)/1e6, el.Round(time.Millisecond), runtime.GOMAXPROCS(0), float64(el.Microseconds())/float64(n), res.invalid, res.incomplete, float64(grew)/1e6)
	if grew > 64<<20 {
		t.Fatalf("the heap grew %.1f MB while streaming %d products, want at most 64 MB: the run keeps records", float64(grew)/1e6, n)
	}
}

func equalCompleteness(a, b []Completeness) bool {
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// TestMillionProducts is the full run, skipped unless -million is set:
// go test ./catalog -run '^TestMillionProducts$' -million 1000000. It
// prints the wall time, the CPU time and the heap's peak; .ci/million
// measures the peak RSS around it. With -keep it also packs every product
// and keeps it, as a host holding its catalog in memory would, and
// prints the live heap per packed product.
func TestMillionProducts(t *testing.T) {
	n := *millionFlag
	if n <= 0 {
		t.Skip("set -million N to run")
	}
	c := mustCompile(benchSchema(), benchChannels()...)
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { peakHeap(stop, &peak); close(done) }()
	var keep [][]Packed
	var m0 runtime.MemStats
	if *keepFlag {
		keep = make([][]Packed, runtime.GOMAXPROCS(0))
		runtime.GC()
		runtime.ReadMemStats(&m0)
	}
	t0, cpu0 := time.Now(), cpuTime()
	res := runMillion(t, c, n, runtime.GOMAXPROCS(0), keep)
	el, cpu := time.Since(t0), cpuTime()-cpu0
	close(stop)
	<-done
	if keep != nil {
		var m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m1)
		kept := 0
		for _, k := range keep {
			kept += len(k)
		}
		fmt.Printf("million: %d products kept packed: %.0f B of live heap each (%.2f GB in all)\n",
			kept, float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc))/float64(kept), float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc))/1e9)
		runtime.KeepAlive(keep)
	}
	fmt.Printf("million: %d products, %.2f GB of CSV, wall %.1f s, cpu %.1f s on GOMAXPROCS=%d; %d with problems (the generator leaves required values out; %d with a repeated category), %d completenesses under 100 %%, mean %.2f %%; heap peak %.1f MB\n",
		res.products, float64(res.csvBytes)/1e9, el.Seconds(), cpu.Seconds(), runtime.GOMAXPROCS(0), res.invalid, res.categoryProblems, res.incomplete,
		float64(res.percentSum)/float64(6*res.products), float64(peak.Load())/1e6)
}
