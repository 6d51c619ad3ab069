package catalog

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/allocbound"
	"github.com/pimkit/pimkit/internal/raceflag"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// randomRecord builds a record with every header field sometimes set and
// values of every kind in random slots: fields, locales and channels the
// schema has and some it has not, values of the wrong kind, numbers that
// fit an int64 and some that do not, prices in currencies of the schema
// and others, nil and empty slices.
func randomRecord(rng *rand.Rand, c *Compiled) Record {
	pick := func(n int) bool { return rng.IntN(n) == 0 }
	text := func() string {
		const alphabet = "abcxyzæøå 0123,;|\"\n-€"
		rs := []rune(alphabet)
		b := make([]rune, rng.IntN(12))
		for i := range b {
			b[i] = rs[rng.IntN(len(rs))]
		}
		return string(b)
	}
	strs := func() []string {
		switch rng.IntN(3) {
		case 0:
			return nil
		case 1:
			return []string{}
		}
		out := make([]string, 1+rng.IntN(3))
		for i := range out {
			out[i] = "c" + strconv.Itoa(rng.IntN(100))
		}
		return out
	}
	num := func() decimal.Decimal {
		switch rng.IntN(4) {
		case 0: // beyond an int64: 30 to 60 digits
			d := strings.Repeat(strconv.Itoa(1+rng.IntN(9)), 30+rng.IntN(30))
			if pick(2) {
				d = "-" + d
			}
			return decimal.RequireFromString(d).Shift(-int32(rng.IntN(20)))
		case 1:
			return decimal.New(rng.Int64()-rng.Int64()/2, -int32(rng.IntN(6)))
		}
		return decimal.New(int64(rng.IntN(200000))-1000, -int32(rng.IntN(4)))
	}
	units := []currency.Unit{currency.DKK, currency.EUR, currency.USD, currency.JPY, currency.MustParseISO("BHD")}
	value := func() Value {
		switch valueKind(rng.IntN(10)) {
		case kindText:
			return Text(text())
		case kindNumber:
			return Number(num())
		case kindMeasure:
			return Measure(num(), []string{"GRAM", "KILOGRAM", "PARSEC"}[rng.IntN(3)])
		case kindPrices:
			ps := make([]Price, 1+rng.IntN(3))
			for i := range ps {
				if pick(10) {
					continue // the zero Money
				}
				ps[i] = contract.NewMoney(num(), units[rng.IntN(len(units))])
			}
			return Prices(ps...)
		case kindBool:
			return Bool(pick(2))
		case kindDate:
			return Date(time.Date(1+rng.IntN(9999), time.Month(1+rng.IntN(12)), 1+rng.IntN(31), 0, 0, 0, 0, time.UTC))
		case kindOption:
			return Option([]string{"s", "m", "red", "unknown"}[rng.IntN(4)])
		case kindOptions:
			return Options(strs()[:0:0]...)
		case kindAssets:
			as := make([]Asset, 1+rng.IntN(3))
			for i := range as {
				as[i] = Asset{Ref: "img/" + text() + ".jpg", Size: rng.Int64N(1<<40) - 1<<20}
			}
			return Assets(as...)
		}
		return Value{}
	}
	r := Record{ID: text(), Status: Status(rng.IntN(4)), Categories: strs(), Groups: strs()}
	if pick(2) {
		r.UUID, r.Parent, r.Family, r.FamilyVariant = text(), text(), text(), text()
		r.Version = rng.Uint64()
		r.Row = rng.IntN(1<<20) - 5
		r.Created = time.Unix(rng.Int64N(1<<35)-1<<34, rng.Int64N(1e9)).In(time.FixedZone("x", 3600))
		r.Updated = time.Date(2026, 12, 1, 20, 0, 0, 1, time.UTC)
	}
	switch rng.IntN(3) {
	case 0:
		r.Associations = []Association{}
	case 1:
		r.Associations = []Association{{Type: Pack, Target: TargetProduct, ID: text(), Quantity: rng.IntN(9) - 1}, {Type: "X", Target: TargetKind(rng.IntN(5))}}
	}
	if pick(8) {
		return r // Values nil
	}
	r.Values = []FieldValue{}
	locs := []contract.Locale{{}, daDK, enGB, deDE}
	chs := []string{"", "ecommerce", "print", "nowhere"}
	for range rng.IntN(40) {
		fv := FieldValue{Locale: locs[rng.IntN(len(locs))], Channel: chs[rng.IntN(len(chs))], Value: value()}
		if pick(10) {
			fv.Field = "no_such_field"
		} else {
			fv.Field = c.fields[rng.IntN(len(c.fields))].Code
		}
		if fv.Value.kind == kindOptions {
			fv.Value = Options("new", strconv.Itoa(rng.IntN(9)))
		}
		r.Values = append(r.Values, fv)
	}
	return r
}

// TestPackRoundTrip: Unpack(Pack(r)) equals r for random records of every
// kind, and the packed form survives encoding/json.
func TestPackRoundTrip(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	rng := rand.New(rand.NewPCG(18, 1))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := range n {
		r := randomRecord(rng, c)
		p, err := c.Pack(r)
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		got, err := c.Unpack(p)
		if err != nil {
			t.Fatalf("record %d: unpack: %v", i, err)
		}
		if d := cmp.Diff(r, got); d != "" {
			t.Fatalf("record %d: round trip (-want +got):\n%s", i, d)
		}
		if p.ID() != r.ID {
			t.Fatalf("record %d: ID %q, want %q", i, p.ID(), r.ID)
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var q Packed
		if err := json.Unmarshal(b, &q); err != nil || !q.Equal(p) || !cmp.Equal(p, q) {
			t.Fatalf("record %d: json round trip: %v", i, err)
		}
		// Packing the unpacked record gives the same bytes.
		if p2, err := c.Pack(got); err != nil || !p2.Equal(p) {
			t.Fatalf("record %d: repack differs: %v", i, err)
		}
	}
}

// TestPackAssessSame: checking a packed product gives exactly what
// checking the record gives, problems and completeness, for the
// Akeneo-shaped products (some invalid, some incomplete).
func TestPackAssessSame(t *testing.T) {
	c, pool := benchPoolOf(120)
	tc := mustCompile(testSchema(), testChannels()...)
	rng := rand.New(rand.NewPCG(18, 2))
	type pair struct {
		c *Compiled
		r Record
	}
	var cases []pair
	for _, r := range pool {
		cases = append(cases, pair{c, r})
	}
	for range 300 {
		cases = append(cases, pair{tc, randomRecord(rng, tc)})
	}
	cases = append(cases, pair{tc, completeProduct()})
	invalidSeen := 0
	for i, x := range cases {
		p, err := x.c.Pack(x.r)
		if err != nil {
			t.Fatal(err)
		}
		want, werr := x.c.Assess(x.r)
		got, gerr := x.c.AssessPacked(p)
		if !cmp.Equal(want, got) {
			t.Fatalf("case %d: completeness differs:\n%s", i, cmp.Diff(want, got))
		}
		if !cmp.Equal(packedProblems(werr), packedProblems(gerr)) {
			t.Fatalf("case %d: problems differ:\n%s", i, cmp.Diff(packedProblems(werr), packedProblems(gerr)))
		}
		if werr != nil {
			invalidSeen++
		}
		if !cmp.Equal(packedProblems(x.c.Validate(x.r)), packedProblems(x.c.ValidatePacked(p))) {
			t.Fatalf("case %d: ValidatePacked differs", i)
		}
		if !cmp.Equal(x.c.Completeness(x.r), x.c.CompletenessPacked(p)) {
			t.Fatalf("case %d: CompletenessPacked differs", i)
		}
	}
	if invalidSeen == 0 || invalidSeen == len(cases) {
		t.Fatalf("%d of %d invalid: the cases do not exercise both outcomes", invalidSeen, len(cases))
	}
}

func packedProblems(err error) []prob {
	if err == nil {
		return nil
	}
	var ve *contract.ValidationError
	if !errors.As(err, &ve) {
		return []prob{{Rule: "error: " + err.Error()}}
	}
	out := make([]prob, len(ve.Problems))
	for i, p := range ve.Problems {
		out[i] = prob{p.Path, p.Rule, p.Param}
	}
	return out
}

// TestPackOtherSchema: a Packed belongs to the schema that made it; the
// zero Packed and damaged bytes are refused, never misread.
func TestPackOtherSchema(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	other := mustCompile(testSchema(), Channel{Code: "ecommerce", Locales: []contract.Locale{daDK, enGB}, Currencies: curs(currency.DKK, currency.EUR)},
		Channel{Code: "print", Locales: []contract.Locale{daDK, deDE}, Currencies: curs(currency.DKK)}) // a locale more: another layout
	r := Record{ID: "SKU-1", Values: []FieldValue{fv("brand", Text("Acme")), lv("title", daDK, Text("Skjorte"))}}
	p, err := c.Pack(r)
	if err != nil {
		t.Fatal(err)
	}
	// The same fields and locales with the currencies in another order:
	// a price's currency would be misread.
	swapped := mustCompile(testSchema(), Channel{Code: "ecommerce", Locales: []contract.Locale{daDK, enGB}, Currencies: curs(currency.EUR, currency.DKK)},
		Channel{Code: "print", Locales: []contract.Locale{daDK}, Currencies: curs(currency.DKK)})
	for name, f := range map[string]func() error{
		"other currencies": func() error { _, err := swapped.Unpack(p); return err },
		"other schema":     func() error { _, err := other.Unpack(p); return err },
		"zero packed":      func() error { _, err := c.Unpack(Packed{}); return err },
		"truncated":        func() error { _, err := c.Unpack(Packed{b: p.b[:len(p.b)-1]}); return err },
		"trailing byte":    func() error { _, err := c.Unpack(Packed{b: p.b + "x"}); return err },
		"assess other":     func() error { _, err := other.AssessPacked(p); return err },
		"validate other":   func() error { return other.ValidatePacked(p) },
	} {
		if err := f(); !errors.Is(err, ErrSchema) {
			t.Errorf("%s: %v, want ErrSchema", name, err)
		}
	}
	if other.CompletenessPacked(p) != nil {
		t.Error("CompletenessPacked of another schema's record: want nil")
	}
	if (Packed{}).ID() != "" || !(Packed{}).IsZero() || p.IsZero() || p.Size() != len(p.b) {
		t.Error("zero Packed accessors")
	}
}

// TestPackedMemory: the Akeneo-shaped product (350 fields x 3 channels x
// 2 locales, about 600 values) takes at most 16 KB of live heap packed,
// measured as the heap that N packed products keep alive divided by N.
func TestPackedMemory(t *testing.T) {
	if raceflag.Enabled {
		t.Skip("the race detector changes allocation sizes; .ci/run runs this without it")
	}
	c := mustCompile(benchSchema(), benchChannels()...)
	n := 2000
	if testing.Short() {
		n = 300
	}
	perProduct, values, recordBytes := packedHeap(t, c, n)
	t.Logf("%d products of %.0f values: %.0f B live heap each packed (the Record: %.0f B)", n, values, perProduct, recordBytes)
	if perProduct > 16<<10 {
		t.Fatalf("a packed product takes %.0f B of live heap, want at most 16 KB", perProduct)
	}
}

// packedHeap packs n benchmark products and returns the live heap per
// packed product, the mean number of values, and the live heap of one
// product as a Record, for comparison.
func packedHeap(t testing.TB, c *Compiled, n int) (perPacked, values, perRecord float64) {
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	packed := make([]Packed, n)
	nv := 0
	for i := range packed {
		r := benchProduct(c, i)
		nv += len(r.Values)
		p, err := c.Pack(r)
		if err != nil {
			t.Fatal(err)
		}
		packed[i] = p
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	perPacked = float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc)) / float64(n)
	runtime.KeepAlive(packed)

	// The same for a few Records, to show what packing saves.
	const k = 100
	runtime.GC()
	runtime.ReadMemStats(&m0)
	recs := make([]Record, k)
	for i := range recs {
		recs[i] = benchProduct(c, i)
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	perRecord = float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc)) / k
	runtime.KeepAlive(recs)
	return perPacked, float64(nv) / float64(n), perRecord
}

// TestPackError: a locale that does not read back as itself and a number
// of more digits than a packed record keeps are refused, not corrupted.
func TestPackError(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	huge := decimal.RequireFromString(strings.Repeat("9", maxPackedDigits+1))
	_, err := c.Pack(Record{ID: "A", Values: []FieldValue{fv("stock", Number(huge))}})
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("a %d-digit number: %v, want ErrInvalid", maxPackedDigits+1, err)
	}
	ok := decimal.RequireFromString(strings.Repeat("9", maxPackedDigits))
	r := Record{ID: "A", Values: []FieldValue{fv("stock", Number(ok.Neg()))}}
	p, err := c.Pack(r)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := c.Unpack(p); err != nil || !cmp.Equal(got, r) {
		t.Fatalf("a %d-digit number: %v", maxPackedDigits, err)
	}
}

// FuzzUnpack: any bytes, as a Packed or as its JSON, unpack to a record
// or to ErrSchema, never a panic; what unpacks packs back to the same
// record.
func FuzzUnpack(f *testing.F) {
	c := mustCompile(testSchema(), testChannels()...)
	rng := rand.New(rand.NewPCG(18, 3))
	for range 20 {
		p, err := c.Pack(randomRecord(rng, c))
		if err != nil {
			f.Fatal(err)
		}
		f.Add([]byte(p.b))
	}
	f.Add([]byte{})
	f.Add([]byte{packMagic})
	f.Fuzz(func(t *testing.T, data []byte) {
		p := Packed{b: string(data)}
		r, err := c.Unpack(p)
		_, aerr := c.AssessPacked(p)
		if err != nil {
			if !errors.Is(err, ErrSchema) || !errors.Is(aerr, ErrSchema) {
				t.Fatalf("unpack %v, assess %v: want ErrSchema", err, aerr)
			}
		} else {
			q, err := c.Pack(r)
			if err != nil {
				t.Fatal(err)
			}
			r2, err := c.Unpack(q)
			if err != nil || !cmp.Equal(r, r2) {
				t.Fatalf("repacked record differs: %v", err)
			}
		}
		var j Packed
		b, _ := json.Marshal(string(data))
		_ = j.UnmarshalJSON(b)
		_, _ = c.Unpack(j)
		_ = p.ID()
	})
}

// TestPackedAllocation: reading a Packed's JSON allocates at most 16
// bytes per input byte plus 64 KiB, as every decoder here; unpacking
// allocates at most 64 bytes per packed byte plus 64 KiB, on the densest
// packed records there are (two bytes a value).
func TestPackedAllocation(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	c := mustCompile(testSchema(), testChannels()...)
	const n = 20_000
	dense := map[string]Value{
		"empty":   {},
		"boolean": Bool(true),
		"option":  Option("s"),
		"options": Options("a"),
		"assets":  Assets(Asset{Ref: "a"}),
		"prices":  Prices(contract.NewMoney(decimal.New(1, 0), currency.DKK)),
		"number":  Number(decimal.New(1, 0)),
	}
	for name, v := range dense {
		r := Record{ID: "A", Values: make([]FieldValue, n), Categories: []string{"a", "b"}}
		for i := range r.Values {
			r.Values[i] = fv("organic", v)
		}
		p, err := c.Pack(r)
		if err != nil {
			t.Fatal(err)
		}
		got := allocbound.Allocated(func() {
			if _, err := c.Unpack(p); err != nil {
				t.Fatal(err)
			}
		})
		if bound := 64*uint64(p.Size()) + 64<<10; got > bound {
			t.Errorf("%s: unpacking %d bytes allocates %d, want at most %d (64 B a byte plus 64 KiB)", name, p.Size(), got, bound)
		}
		js, _ := json.Marshal(p)
		got = allocbound.Allocated(func() {
			var q Packed
			if err := json.Unmarshal(js, &q); err != nil {
				t.Fatal(err)
			}
		})
		if bound := allocbound.Bound(len(js)); got > bound {
			t.Errorf("%s: reading %d bytes of JSON allocates %d, want at most %d", name, len(js), got, bound)
		}
		t.Logf("%s: %d packed bytes, unpacking allocates %.1f B a byte", name, p.Size(), float64(allocbound.Allocated(func() { c.Unpack(p) }))/float64(p.Size()))
	}
}

// TestPackedAllocationHostile: a header claiming more values, option
// codes, prices and assets than its bytes can hold is refused before
// anything is allocated for them.
func TestPackedAllocationHostile(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	c := mustCompile(testSchema(), testChannels()...)
	const size = 1 << 18
	for _, counts := range [][5]uint64{
		{size / 2, size, size, size / 3, size / 2},
		{size / 2, size / 2, 0, 0, 0},
		{size / 4, size / 4, size / 4, 0, 0},
		{0, 0, size, size, size},
	} {
		w := packWriter{}
		k := c.packHash
		w.b = append(w.b, packMagic, byte(k), byte(k>>8), byte(k>>16), byte(k>>24))
		w.uv(pkValues)
		w.str("A")
		w.b = append(w.b, 0)
		for _, n := range counts {
			w.uv(n)
		}
		for len(w.b) < size {
			w.b = append(w.b, byte(kindOptions), 2, 1, 0)
		}
		p := Packed{b: string(w.b)}
		got := allocbound.Allocated(func() { _, _ = c.Unpack(p) })
		if bound := 64*uint64(p.Size()) + 64<<10; got > bound {
			t.Errorf("counts %v: unpacking %d bytes allocates %d, want at most %d", counts, p.Size(), got, bound)
		}
	}
}
