package akeneo

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/pimkit/pimkit/internal/allocbound"
)

// quarter is the size of the hostile inputs: enough to measure the cost
// per byte against the 64 KiB of the bound.
const quarter = 1 << 18

func fill(prefix, unit, suffix string) []byte {
	n := max((quarter-len(prefix)-len(suffix))/len(unit), 1)
	return []byte(prefix + strings.Repeat(unit, n) + suffix)
}

func junk() []byte {
	b := make([]byte, quarter)
	for i := range b {
		b[i] = byte(i*7 + i/256)
	}
	return b
}

// hostile are the inputs the decoders are measured on: junk, nesting,
// huge strings and numbers, and long runs of the smallest elements of
// every part of a document, each the costliest per byte for a decoder.
func hostile() []struct {
	name string
	data []byte
} {
	return []struct {
		name string
		data []byte
	}{
		{"junk", junk()},
		{"nested arrays", fill("", "[", "")},
		{"nested objects", fill("", `{"a":`, "")},
		{"huge string", fill(`{"identifier":"`, "a", `"}`)},
		{"escapes", fill(`{"identifier":"`, `\u00e6`, `"}`)},
		{"huge number", fill(`{"identifier":"a","values":{"n":[{"locale":null,"scope":null,"data":`, "9", `}]}}`)},
		{"empty values", fill(`{"identifier":"a","values":{"n":[`, `{},`, `{}]}}`)},
		{"null values", fill(`{"identifier":"a","values":{"n":[`, `null,`, `null]}}`)},
		{"value slots", fill(`{"identifier":"a","values":{"n":[`, `{"locale":null,"scope":null,"data":1},`, `{}]}}`)},
		{"locales", fill(`{"identifier":"a","values":{"n":[`, `{"locale":"en_US","data":"x"},`, `{}]}}`)},
		{"attributes", fill(`{"identifier":"a","values":{`, `"a":[],`, `"b":[]}}`)},
		{"options", fill(`{"identifier":"a","values":{"n":[{"data":[`, `"",`, `""]}]}}`)},
		{"prices", fill(`{"identifier":"a","values":{"p":[{"data":[`, `{"amount":"1","currency":"EUR"},`, `{}]}]}}`)},
		{"categories", fill(`{"identifier":"a","categories":[`, `"",`, `""]}`)},
		{"associations", fill(`{"identifier":"a","associations":{`, `"a":{},`, `"b":{}}}`)},
		{"association products", fill(`{"identifier":"a","associations":{"X":{"products":[`, `"",`, `""]}}}`)},
		{"quantified", fill(`{"identifier":"a","quantified_associations":{"P":{"products":[`, `{"identifier":"a","quantity":1},`, `{}]}}}`)},
		{"unknown keys", fill(`{"identifier":"a",`, `"x":1,`, `"y":1}`)},
		{"json lines", fill("", `{}`+"\n", "")},
		{"json lines of products", fill("", `{"identifier":"a"}`+"\n", "")},
		{"array of products", fill("[", `{},`, `{}]`)},
		{"page", fill(`{"_embedded":{"items":[`, `{},`, `{}]}}`)},
		{"attribute labels", fill(`{"code":"a","labels":{`, `"en_US":"",`, `"fr_FR":""}}`)},
		{"attribute extensions", fill(`{"code":"a","allowed_extensions":[`, `"",`, `""]}`)},
		{"family requirements", fill(`{"code":"a","attribute_requirements":{`, `"e":[],`, `"f":[]}}`)},
		{"variant sets", fill(`{"code":"a","variant_attribute_sets":[`, `{},`, `{}]}`)},
		{"measurement units", fill(`{"code":"a","units":{`, `"a":{"convert_from_standard":[]},`, `"b":{}}}`)},
		{"unit operations", fill(`{"code":"a","units":{"a":{"code":"a","convert_from_standard":[`, `{"operator":"mul","value":"1"},`, `{}]}}}`)},
		{"channel currencies", fill(`{"code":"a","currencies":[`, `"EUR",`, `"EUR"]}`)},
	}
}

type decoderUnderTest struct {
	name string
	dec  func([]byte) error
}

// decoders are the package's decoders, each reading one input.
func decoders() []decoderUnderTest {
	structure := func(name string, f func([]byte) error) decoderUnderTest { return decoderUnderTest{name, f} }
	return []decoderUnderTest{
		{"Decoder.Decode", func(b []byte) error {
			d := NewDecoder(bytes.NewReader(b), nil)
			var p Product
			for {
				if _, err := d.Decode(&p); err == io.EOF {
					return nil
				} else if err != nil && !errors.As(err, new(*RecordError)) {
					return err
				}
			}
		}},
		{"PatchJSON document", func(b []byte) error {
			_, err := PatchJSON(b, []byte(`{"values":{"a":[{"locale":null,"scope":null,"data":1}]}}`))
			return err
		}},
		{"PatchJSON body", func(b []byte) error { _, err := PatchJSON([]byte(`{"code":"a","values":{}}`), b); return err }},
		{"Product.UnmarshalAkeneo", func(b []byte) error { var p Product; _, err := p.UnmarshalAkeneo(b, nil); return err }},
		structure("Attribute", func(b []byte) error { var v Attribute; _, err := v.UnmarshalAkeneo(b); return err }),
		structure("AttributeOption", func(b []byte) error { var v AttributeOption; _, err := v.UnmarshalAkeneo(b); return err }),
		structure("AttributeGroup", func(b []byte) error { var v AttributeGroup; _, err := v.UnmarshalAkeneo(b); return err }),
		structure("Family", func(b []byte) error { var v Family; _, err := v.UnmarshalAkeneo(b); return err }),
		structure("FamilyVariant", func(b []byte) error { var v FamilyVariant; _, err := v.UnmarshalAkeneo(b); return err }),
		structure("Category", func(b []byte) error { var v Category; _, err := v.UnmarshalAkeneo(b); return err }),
		structure("Channel", func(b []byte) error { var v Channel; _, err := v.UnmarshalAkeneo(b); return err }),
		structure("Locale", func(b []byte) error { var v Locale; _, err := v.UnmarshalAkeneo(b); return err }),
		structure("Currency", func(b []byte) error { var v Currency; _, err := v.UnmarshalAkeneo(b); return err }),
		structure("AssociationType", func(b []byte) error { var v AssociationType; _, err := v.UnmarshalAkeneo(b); return err }),
		structure("MeasurementFamily", func(b []byte) error { var v MeasurementFamily; _, err := v.UnmarshalAkeneo(b); return err }),
	}
}

// TestDecoderBound: every decoder of the package allocates at most 16
// bytes per input byte plus 64 KiB on every hostile input.
func TestDecoderBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	worst, worstName := 0.0, ""
	for _, d := range decoders() {
		for _, in := range hostile() {
			n := allocbound.Allocated(func() { _ = d.dec(in.data) })
			per := float64(n) / float64(len(in.data))
			if per > worst {
				worst, worstName = per, d.name+" on "+in.name
			}
			if n > allocbound.Bound(len(in.data)) {
				t.Errorf("%s on %s (%d bytes): allocated %d bytes, %.1f per input byte", d.name, in.name, len(in.data), n, per)
			}
		}
	}
	t.Logf("worst case: %s, %.2f bytes per input byte", worstName, worst)
}

// TestRealisticNotRefused: the sample export, of realistic density, is
// read, not refused as too dense, and stays within the bound.
func TestRealisticNotRefused(t *testing.T) {
	_, models, items := sampleExport(1000)
	in := []byte(strings.Join(append(models, items...), "\n"))
	d := NewDecoder(bytes.NewReader(in), nil)
	var p Product
	n := 0
	for {
		_, err := d.Decode(&p)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document %d: %v", n, err)
		}
		n++
	}
	if n != 1300 {
		t.Errorf("read %d documents", n)
	}
	if testing.Short() {
		return
	}
	allocbound.SkipUnlessMeasurable(t)
	got := allocbound.Allocated(func() {
		d := NewDecoder(bytes.NewReader(in), nil)
		for {
			if _, err := d.Decode(&p); err != nil {
				return
			}
		}
	})
	t.Logf("%d bytes read with %d bytes allocated (%.2f per byte)", len(in), got, float64(got)/float64(len(in)))
	if got > allocbound.Bound(len(in)) {
		t.Errorf("%s", fmt.Sprint(got))
	}
}
