package akeneo

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
)

// TestExportAgainstItsSchema builds a catalog schema from the sample
// export's attributes, options and measurement families, compiles it with
// its channels, and checks its products: every simple product and every
// variant (with the values its models give it) validates, and
// completeness by family follows the family's requirements per channel.
func TestExportAgainstItsSchema(t *testing.T) {
	structure, models, items := sampleExport(1000)
	var attrs []Attribute
	var opts []AttributeOption
	var chans []catalog.Channel
	fams := map[string]catalog.Family{}
	for _, d := range structure {
		var err error
		switch d.kind {
		case "attribute":
			var a Attribute
			_, err = a.UnmarshalAkeneo([]byte(d.doc))
			attrs = append(attrs, a)
		case "attribute_option":
			var o AttributeOption
			_, err = o.UnmarshalAkeneo([]byte(d.doc))
			opts = append(opts, o)
		case "channel":
			var c Channel
			_, err = c.UnmarshalAkeneo([]byte(d.doc))
			chans = append(chans, c.Channel)
		case "family":
			var f Family
			_, err = f.UnmarshalAkeneo([]byte(d.doc))
			fams[f.Family.Code] = f.Family
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	schema := Schema(attrs, opts, catalog.MeasurementFamilies())
	c, err := schema.Compile(chans...)
	if err != nil {
		t.Fatalf("schema of the export's attributes: %v", err)
	}
	for code, f := range fams {
		if err := c.CheckFamily(f); err != nil {
			t.Errorf("family %s: %v", code, err)
		}
	}
	byID := map[string]catalog.Record{}
	d := NewDecoder(strings.NewReader(strings.Join(append(models, items...), "\n")), AttributesOf(attrs))
	var p Product
	var products []catalog.Record
	for {
		_, err := d.Decode(&p)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		r := p.Record
		r.Values = append([]catalog.FieldValue(nil), r.Values...)
		// In the UUID form the identifier is the sku value; the schema
		// leaves the identifier attribute out.
		r.Values = MergeValues(r.Values, []catalog.FieldValue{{Field: "sku"}})
		if p.Model {
			byID[r.ID] = r
			continue
		}
		products = append(products, r)
	}
	full, partial := 0, 0
	for _, r := range products {
		// A variant inherits the values of its sub-model and model.
		for parent := r.Parent; parent != ""; parent = byID[parent].Parent {
			m := byID[parent]
			for _, v := range m.Values {
				if _, ok := r.Get(v.Field, v.Locale, v.Channel); !ok {
					r.Values = append(r.Values, v)
				}
			}
		}
		err := c.Validate(r)
		var ve *contract.ValidationError
		if errors.As(err, &ve) {
			t.Fatalf("%s: %v", r.ID, ve.Problems)
		} else if err != nil {
			t.Fatal(err)
		}
		for _, comp := range c.FamilyCompleteness(r, fams[r.Family]) {
			if comp.Percent == 100 {
				full++
			} else {
				partial++
			}
		}
	}
	if len(products) != 1000 || full == 0 || partial == 0 {
		t.Errorf("%d products; %d complete and %d incomplete channel/locale results", len(products), full, partial)
	}
	t.Logf("%d products valid; completeness by family: %d channel/locale results complete, %d not", len(products), full, partial)
}
