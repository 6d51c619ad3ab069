package akeneo

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var fuzzAttrs = Attributes{"d": TypeDate, "o": TypeSimpleSelect, "i": TypeImage, "m": TypeMultiSelect,
	"p": TypePriceCollection, "w": TypeMetric, "n": TypeNumber, "b": TypeBoolean, "a": TypeAssetCollection, "t": TypeTable}

func fuzzSeeds(f *testing.F) {
	_, models, items := sampleExport(620)
	f.Add([]byte(models[0]))
	f.Add([]byte(models[1]))
	f.Add([]byte(items[0]))
	f.Add([]byte(items[len(items)-1]))
	f.Add([]byte(`{"uuid":"x","values":{"d":[{"locale":null,"scope":null,"data":"2016-06-13T00:00:00+02:00"}],"o":[{"locale":"en_US","scope":"e","data":"red"}],"i":[{"locale":null,"scope":null,"data":"a/b.jpg"}],"p":[{"locale":null,"scope":null,"data":[{"amount":"1.50","currency":"EUR"}]}],"w":[{"locale":null,"scope":null,"data":{"amount":2,"unit":"GRAM"}}],"t":[{"locale":null,"scope":null,"data":[{"x":1}]}]}}`))
	f.Add([]byte(`{"_embedded":{"items":[{"identifier":"a"},{"code":"m"}]}}`))
	f.Add([]byte("{\"identifier\":\"a\"}\n{\"identifier\":\"b\"}\n"))
	f.Add([]byte(`[{"identifier":"a","quantified_associations":{"P":{"products":[{"uuid":"u","quantity":2}]}}}]`))
}

// FuzzProduct: reading any input never panics; a product that reads and
// writes reads back equal.
func FuzzProduct(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		var p Product
		if _, err := p.UnmarshalAkeneo(in, fuzzAttrs); err != nil {
			return
		}
		out, err := p.MarshalAkeneo(fuzzAttrs)
		if err != nil {
			return
		}
		var q Product
		if _, err := q.UnmarshalAkeneo(out, fuzzAttrs); err != nil {
			t.Fatalf("written document does not read: %v\n in:  %s\n out: %s", err, in, out)
		}
		if !cmp.Equal(p, q) {
			t.Fatalf("read back differs: %s\n in:  %s\n out: %s", cmp.Diff(p, q), in, out)
		}
	})
}

// FuzzDecoder: the stream reader never panics and always ends.
func FuzzDecoder(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		d := NewDecoder(bytes.NewReader(in), fuzzAttrs)
		var p Product
		for i := 0; ; i++ {
			if _, err := d.Decode(&p); err == io.EOF {
				return
			}
			if i > len(in)+1 {
				t.Fatalf("%d documents from %d bytes", i, len(in))
			}
		}
	})
}

// FuzzStructure: every structure document reads without panic, and what
// reads and writes reads back, written the same, with nothing dropped that
// the first reading did not drop.
func FuzzStructure(f *testing.F) {
	for _, ex := range readStoredF(f) {
		if ex.Kind != "product" && ex.Kind != "product_model" {
			f.Add(ex.Kind, []byte(ex.Doc))
		}
	}
	f.Fuzz(func(t *testing.T, kind string, in []byte) {
		if kind == "product" || kind == "product_model" {
			return
		}
		out, first, err := convert(kind, in, nil)
		if err != nil || out == nil {
			return
		}
		again, dropped, err := convert(kind, out, nil)
		for _, p := range dropped {
			if !covered(p.Path, first) {
				err = errors.New("new problem " + p.String())
			}
		}
		if err != nil {
			t.Fatalf("written %s does not read back: %v %v\n in:  %s\n out: %s", kind, dropped, err, in, out)
		}
		if !bytes.Equal(out, again) {
			t.Fatalf("%s written twice differs:\n %s\n %s", kind, out, again)
		}
	})
}

// FuzzPatchJSON: patching never panics; a patch that applies, applied
// again, changes nothing more (PATCH is idempotent).
func FuzzPatchJSON(f *testing.F) {
	f.Add([]byte(`{"code":"boots","labels":{"en_US":"Boots"}}`), []byte(`{"labels":{"de_DE":"Stiefel"},"parent":null}`))
	f.Add([]byte(`{"identifier":"a","values":{"n":[{"locale":"en_US","scope":null,"data":"x"}]}}`), []byte(`{"values":{"n":[{"locale":{"a":1},"scope":null,"data":null}]}}`))
	f.Fuzz(func(t *testing.T, doc, patch []byte) {
		once, err := PatchJSON(doc, patch)
		if err != nil {
			return
		}
		twice, err := PatchJSON(once, patch)
		if err != nil || !bytes.Equal(once, twice) {
			t.Fatalf("patch applied twice differs: %v\n once:  %s\n twice: %s", err, once, twice)
		}
	})
}
