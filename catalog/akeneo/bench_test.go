package akeneo

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"
)

// typedValue, typedAmount and typedProduct mirror the documents of the
// sample export field by field: the fastest encoding/json can read them,
// with no map of attributes and no raw data (the best configuration of
// the baseline).
type typedValue[T any] struct {
	Locale *string `json:"locale"`
	Scope  *string `json:"scope"`
	Data   T       `json:"data"`
}

type typedAmount struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

type typedMetric struct {
	Amount string `json:"amount"`
	Unit   string `json:"unit"`
}

type typedAssoc struct {
	Products      []string `json:"products"`
	ProductModels []string `json:"product_models"`
	Groups        []string `json:"groups"`
}

type typedLink struct {
	Identifier string `json:"identifier"`
	Quantity   int    `json:"quantity"`
}

type typedProduct struct {
	UUID          string   `json:"uuid"`
	Identifier    string   `json:"identifier"`
	Code          string   `json:"code"`
	Enabled       bool     `json:"enabled"`
	Family        *string  `json:"family"`
	FamilyVariant string   `json:"family_variant"`
	Parent        *string  `json:"parent"`
	Categories    []string `json:"categories"`
	Groups        []string `json:"groups"`
	Values        struct {
		SKU         []typedValue[string]        `json:"sku"`
		Name        []typedValue[string]        `json:"name"`
		Description []typedValue[string]        `json:"description"`
		Price       []typedValue[[]typedAmount] `json:"price"`
		Weight      []typedValue[typedMetric]   `json:"weight"`
		Color       []typedValue[string]        `json:"color"`
		Size        []typedValue[string]        `json:"size"`
		Material    []typedValue[[]string]      `json:"material"`
		ReleaseDate []typedValue[string]        `json:"release_date"`
		Eco         []typedValue[bool]          `json:"eco"`
		Stock       []typedValue[int]           `json:"stock"`
		Picture     []typedValue[string]        `json:"picture"`
	} `json:"values"`
	Created      string                `json:"created"`
	Updated      string                `json:"updated"`
	Associations map[string]typedAssoc `json:"associations"`
	Quantified   map[string]struct {
		Products      []typedLink `json:"products"`
		ProductModels []typedLink `json:"product_models"`
	} `json:"quantified_associations"`
}

func benchExport(b *testing.B) ([]byte, Attributes) {
	structure, models, items := sampleExport(1000)
	var typed []Attribute
	for _, d := range structure {
		if d.kind == "attribute" {
			var a Attribute
			if _, err := a.UnmarshalAkeneo([]byte(d.doc)); err != nil {
				b.Fatal(err)
			}
			typed = append(typed, a)
		}
	}
	return []byte(strings.Join(append(models, items...), "\n") + "\n"), AttributesOf(typed)
}

// readTypedLines decodes every line of data into a reused typedProduct
// with json.Unmarshal.
func readTypedLines(b *testing.B, data []byte) int {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	n := 0
	var p typedProduct
	for sc.Scan() {
		p = typedProduct{}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			b.Fatal(err)
		}
		n++
	}
	return n
}

// readTypedStream decodes data with one json.Decoder into a reused
// typedProduct.
func readTypedStream(b *testing.B, data []byte) int {
	d := json.NewDecoder(bytes.NewReader(data))
	n := 0
	var p typedProduct
	for {
		p = typedProduct{}
		err := d.Decode(&p)
		if err == io.EOF {
			return n
		}
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
}

func readAkeneo(b *testing.B, data []byte, attrs Attributes) int {
	d := NewDecoder(bytes.NewReader(data), attrs)
	var p Product
	n := 0
	for {
		_, err := d.Decode(&p)
		if err == io.EOF {
			return n
		}
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
}

// BenchmarkRead measures reading the 1,300 documents of the sample export
// (300 product models, 1,000 products, JSON Lines) into pimkit's values
// against encoding/json decoding the same file into a struct that mirrors
// the documents, in the same loop. The target is akeneo/json >= 0.5 in
// throughput, that is json-ns/akeneo-ns >= 0.5.
func BenchmarkRead(b *testing.B) {
	data, attrs := benchExport(b)
	b.Run("encoding_json_lines", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			readTypedLines(b, data)
		}
	})
	b.Run("encoding_json_stream", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			readTypedStream(b, data)
		}
	})
	b.Run("akeneo", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			readAkeneo(b, data, attrs)
		}
	})
	// interleaved runs the three in every iteration, so that a change of
	// load on a shared machine hits them alike, and reports the
	// throughput of akeneo relative to the faster encoding/json form.
	b.Run("interleaved", func(b *testing.B) {
		var tl, ts, ta time.Duration
		for b.Loop() {
			t0 := time.Now()
			readTypedLines(b, data)
			t1 := time.Now()
			readTypedStream(b, data)
			t2 := time.Now()
			readAkeneo(b, data, attrs)
			t3 := time.Now()
			tl, ts, ta = tl+t1.Sub(t0), ts+t2.Sub(t1), ta+t3.Sub(t2)
		}
		best := min(tl, ts)
		mb := float64(len(data)) / 1e6
		b.ReportMetric(mb/(best.Seconds()/float64(b.N)), "json-MB/s")
		b.ReportMetric(mb/(ta.Seconds()/float64(b.N)), "akeneo-MB/s")
		b.ReportMetric(float64(best)/float64(ta), "akeneo/json")
	})
}
