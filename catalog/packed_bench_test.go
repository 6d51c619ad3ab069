package catalog

import (
	"testing"
	"time"
)

// BenchmarkPacked measures packing, unpacking and assessing one
// Akeneo-shaped product (about 600 values) packed, against assessing the
// Record, in the same loop: assess-packed/assess is what checking a
// packed product costs over checking the Record (interleaved, so load
// changes hit both alike).
func BenchmarkPacked(b *testing.B) {
	c, pool := benchPoolOf(64)
	packed := make([]Packed, len(pool))
	size := 0
	for i, r := range pool {
		p, err := c.Pack(r)
		if err != nil {
			b.Fatal(err)
		}
		packed[i] = p
		size += p.Size()
	}
	b.Run("pack", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := c.Pack(pool[i%len(pool)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
		b.ReportMetric(float64(size)/float64(len(pool)), "B/packed")
	})
	b.Run("unpack", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := c.Unpack(packed[i%len(packed)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("interleaved", func(b *testing.B) {
		b.ReportAllocs()
		var tr, tp time.Duration
		i := 0
		for b.Loop() {
			k := i % len(pool)
			t0 := time.Now()
			c.Assess(pool[k])
			t1 := time.Now()
			c.AssessPacked(packed[k])
			t2 := time.Now()
			tr += t1.Sub(t0)
			tp += t2.Sub(t1)
			i++
		}
		b.ReportMetric(float64(tr.Nanoseconds())/float64(b.N), "assess-ns")
		b.ReportMetric(float64(tp.Nanoseconds())/float64(b.N), "assess-packed-ns")
		b.ReportMetric(float64(tp)/float64(tr), "assess-packed/assess")
	})
}
