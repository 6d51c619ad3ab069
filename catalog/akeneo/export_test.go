package akeneo

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// sampleExport writes, by hand and without this package's writer, an
// Akeneo export in JSON Lines: the structure (channels, locales,
// currencies, attribute groups, attributes, options, families, family
// variants, association types, measurement families, categories), then
// product models and products. Of the products, 600 are variants of 100
// two-level models (colour, then size) and the rest simple products; one
// in ten is in the UUID form; they carry associations to products, models
// and groups and quantified associations with quantities.
func sampleExport(products int) (structure []sampleDoc, models, items []string) {
	add := func(kind, doc string) { structure = append(structure, sampleDoc{kind, doc}) }
	add("channel", `{"code":"ecommerce","currencies":["EUR","DKK"],"locales":["en_US","da_DK"],"category_tree":"master","conversion_units":{"weight":"KILOGRAM"},"labels":{"en_US":"E-commerce"}}`)
	add("channel", `{"code":"print","currencies":["EUR"],"locales":["en_US"],"category_tree":"master","labels":{"en_US":"Print"}}`)
	add("locale", `{"code":"en_US","enable":true}`)
	add("locale", `{"code":"da_DK","enable":true}`)
	add("currency", `{"code":"EUR","enabled":true,"label":"Euro"}`)
	add("currency", `{"code":"DKK","enabled":true,"label":"Danish krone"}`)
	add("attribute_group", `{"code":"marketing","sort_order":1,"attributes":["name","description","picture"],"labels":{"en_US":"Marketing"}}`)
	add("attribute_group", `{"code":"technical","sort_order":2,"attributes":["sku","weight","color","size","material","release_date","eco","stock","price"],"labels":{"en_US":"Technical"}}`)
	attrs := []string{
		`{"code":"sku","type":"pim_catalog_identifier","group":"technical","unique":true,"useable_as_grid_filter":true,"max_characters":100,"localizable":false,"scopable":false,"sort_order":0,"labels":{"en_US":"SKU"}}`,
		`{"code":"name","type":"pim_catalog_text","group":"marketing","unique":false,"useable_as_grid_filter":true,"max_characters":255,"localizable":true,"scopable":false,"sort_order":1,"labels":{"en_US":"Name","da_DK":"Navn"}}`,
		`{"code":"description","type":"pim_catalog_textarea","group":"marketing","unique":false,"useable_as_grid_filter":false,"wysiwyg_enabled":true,"localizable":true,"scopable":true,"sort_order":2,"labels":{"en_US":"Description"}}`,
		`{"code":"price","type":"pim_catalog_price_collection","group":"technical","unique":false,"useable_as_grid_filter":true,"number_min":"0","number_max":"100000","decimals_allowed":true,"localizable":false,"scopable":false,"sort_order":3,"labels":{"en_US":"Price"}}`,
		`{"code":"weight","type":"pim_catalog_metric","group":"technical","unique":false,"useable_as_grid_filter":false,"metric_family":"Weight","default_metric_unit":"KILOGRAM","number_min":"0","decimals_allowed":true,"negative_allowed":false,"localizable":false,"scopable":false,"sort_order":4,"labels":{"en_US":"Weight"}}`,
		`{"code":"color","type":"pim_catalog_simpleselect","group":"technical","unique":false,"useable_as_grid_filter":true,"localizable":false,"scopable":false,"sort_order":5,"labels":{"en_US":"Colour"}}`,
		`{"code":"size","type":"pim_catalog_simpleselect","group":"technical","unique":false,"useable_as_grid_filter":true,"localizable":false,"scopable":false,"sort_order":6,"labels":{"en_US":"Size"}}`,
		`{"code":"material","type":"pim_catalog_multiselect","group":"technical","unique":false,"useable_as_grid_filter":true,"localizable":false,"scopable":false,"sort_order":7,"labels":{"en_US":"Material"}}`,
		`{"code":"release_date","type":"pim_catalog_date","group":"technical","unique":false,"useable_as_grid_filter":true,"date_min":"2020-01-01T00:00:00+00:00","date_max":"2030-12-31T00:00:00+00:00","localizable":false,"scopable":false,"sort_order":8,"labels":{"en_US":"Release date"}}`,
		`{"code":"eco","type":"pim_catalog_boolean","group":"technical","unique":false,"useable_as_grid_filter":true,"localizable":false,"scopable":false,"sort_order":9,"labels":{"en_US":"Eco-friendly"}}`,
		`{"code":"stock","type":"pim_catalog_number","group":"technical","unique":false,"useable_as_grid_filter":true,"number_min":"0","decimals_allowed":false,"negative_allowed":false,"localizable":false,"scopable":false,"sort_order":10,"labels":{"en_US":"Stock"}}`,
		`{"code":"picture","type":"pim_catalog_image","group":"marketing","unique":false,"useable_as_grid_filter":false,"allowed_extensions":["jpg","png"],"max_file_size":"10.00","localizable":false,"scopable":false,"sort_order":11,"labels":{"en_US":"Picture"}}`,
	}
	for _, a := range attrs {
		add("attribute", a)
	}
	colors := []string{"red", "blue", "green", "black"}
	sizes := []string{"s", "m", "l", "xl"}
	for i, c := range colors {
		add("attribute_option", fmt.Sprintf(`{"code":%q,"attribute":"color","sort_order":%d,"labels":{"en_US":%q}}`, c, i, strings.ToUpper(c[:1])+c[1:]))
	}
	for i, s := range sizes {
		add("attribute_option", fmt.Sprintf(`{"code":%q,"attribute":"size","sort_order":%d,"labels":{"en_US":%q}}`, s, i, strings.ToUpper(s)))
	}
	add("attribute_option", `{"code":"cotton","attribute":"material","sort_order":0,"labels":{"en_US":"Cotton","da_DK":"Bomuld"}}`)
	add("attribute_option", `{"code":"wool","attribute":"material","sort_order":1,"labels":{"en_US":"Wool","da_DK":"Uld"}}`)
	add("family", `{"code":"clothing","attributes":["sku","name","description","price","weight","color","size","material","release_date","eco","picture"],"attribute_as_label":"name","attribute_as_image":"picture","attribute_requirements":{"ecommerce":["sku","name","price","picture"],"print":["sku","name"]},"labels":{"en_US":"Clothing"}}`)
	add("family", `{"code":"accessories","attributes":["sku","name","price","stock","eco"],"attribute_as_label":"name","attribute_requirements":{"ecommerce":["sku","name","price"],"print":["sku"]},"labels":{"en_US":"Accessories"}}`)
	add("family_variant", `{"code":"clothing_color_size","labels":{"en_US":"By colour and size"},"variant_attribute_sets":[{"level":1,"axes":["color"],"attributes":["color","picture"]},{"level":2,"axes":["size"],"attributes":["sku","size","weight"]}]}`)
	add("association_type", `{"code":"X_SELL","labels":{"en_US":"Cross sell"},"is_quantified":false,"is_two_way":false}`)
	add("association_type", `{"code":"SUBSTITUTION","labels":{"en_US":"Substitution"},"is_quantified":false,"is_two_way":true}`)
	add("association_type", `{"code":"PACK","labels":{"en_US":"Pack"},"is_quantified":true,"is_two_way":false}`)
	add("measurement_family", `{"code":"Weight","labels":{"en_US":"Weight"},"standard_unit_code":"KILOGRAM","units":{"GRAM":{"code":"GRAM","labels":{"en_US":"Gram"},"convert_from_standard":[{"operator":"mul","value":"0.001"}],"symbol":"g"},"KILOGRAM":{"code":"KILOGRAM","labels":{"en_US":"Kilogram"},"convert_from_standard":[{"operator":"mul","value":"1"}],"symbol":"kg"}}}`)
	add("category", `{"code":"master","parent":null,"labels":{"en_US":"Master"}}`)
	add("category", `{"code":"clothes","parent":"master","labels":{"en_US":"Clothes"},"position":1}`)
	add("category", `{"code":"accessories","parent":"master","labels":{"en_US":"Accessories"},"position":2}`)
	add("category", `{"code":"sale","parent":"master","labels":{"en_US":"Sale","da_DK":"Udsalg"},"position":3}`)

	const roots, perColor, perSize = 100, 2, 3
	uuid := func(i int) string { return fmt.Sprintf("%08x-0000-4000-8000-%012x", i, i) }
	for r := range roots {
		models = append(models, fmt.Sprintf(`{"code":"model_%d","family":"clothing","family_variant":"clothing_color_size","parent":null,"categories":["clothes"],"values":{"name":[{"locale":"en_US","scope":null,"data":"Shirt %d"},{"locale":"da_DK","scope":null,"data":"Skjorte %d"}],"material":[{"locale":null,"scope":null,"data":["cotton","wool"]}],"description":[{"locale":"en_US","scope":"ecommerce","data":"A shirt \"%d\" <b>bold</b>"}]},"created":"2026-01-%02dT10:00:00+01:00","updated":"2026-02-01T10:00:00+00:00","associations":{"X_SELL":{"products":["simple_%d"],"product_models":[],"groups":[]}},"quantified_associations":{}}`,
			r, r, r, r, r%28+1, r))
		for c := range perColor {
			color := colors[(r+c)%len(colors)]
			models = append(models, fmt.Sprintf(`{"code":"model_%d_%s","family":"clothing","family_variant":"clothing_color_size","parent":"model_%d","categories":["clothes"],"values":{"color":[{"locale":null,"scope":null,"data":%q}],"picture":[{"locale":null,"scope":null,"data":"a/b/c/shirt_%d_%s.jpg"}]},"created":"2026-01-01T10:00:00+00:00","updated":"2026-01-01T10:00:00+00:00","associations":{},"quantified_associations":{}}`,
				r, color, r, color, r, color))
		}
	}
	n := 0
	next := func() int { n++; return n }
	for r := range roots {
		for c := range perColor {
			color := colors[(r+c)%len(colors)]
			for s := range perSize {
				i := next()
				id := fmt.Sprintf("shirt_%d_%s_%s", r, color, sizes[s])
				head := fmt.Sprintf(`"identifier":%q`, id)
				if i%10 == 0 {
					head = fmt.Sprintf(`"uuid":%q`, uuid(i))
				}
				items = append(items, fmt.Sprintf(`{%s,"enabled":%t,"family":"clothing","parent":"model_%d_%s","categories":["clothes","sale"],"groups":[],"values":{"sku":[{"locale":null,"scope":null,"data":%q}],"size":[{"locale":null,"scope":null,"data":%q}],"weight":[{"locale":null,"scope":null,"data":{"amount":"0.%03d","unit":"KILOGRAM"}}],"price":[{"locale":null,"scope":null,"data":[{"amount":"19.99","currency":"EUR"},{"amount":"149.00","currency":"DKK"}]}]},"created":"2026-01-01T10:00:00+00:00","updated":"2026-01-02T10:00:00+00:00","associations":{"SUBSTITUTION":{"products":["shirt_%d_%s_%s"],"product_models":["model_%d"],"groups":[]}},"quantified_associations":{}}`,
					head, i%7 != 0, r, color, id, sizes[s], 150+s*10, (r+1)%roots, color, sizes[s], (r+1)%roots))
			}
		}
	}
	for len(items) < products {
		i := next()
		id := fmt.Sprintf("simple_%d", len(items)-roots*perColor*perSize)
		head := fmt.Sprintf(`"identifier":%q`, id)
		if i%10 == 0 {
			head = fmt.Sprintf(`"uuid":%q`, uuid(i))
		}
		items = append(items, fmt.Sprintf(`{%s,"enabled":true,"family":"accessories","parent":null,"categories":["accessories"],"groups":["promo_%d"],"values":{"sku":[{"locale":null,"scope":null,"data":%q}],"name":[{"locale":"en_US","scope":null,"data":"Cap %d"}],"stock":[{"locale":null,"scope":null,"data":%d}],"eco":[{"locale":null,"scope":null,"data":%t}],"price":[{"locale":null,"scope":null,"data":[{"amount":"%d.50","currency":"EUR"}]}],"release_date":[{"locale":null,"scope":null,"data":"2026-%02d-15T00:00:00+00:00"}]},"created":"2026-01-01T10:00:00+00:00","updated":"2026-01-01T10:00:00+00:00","associations":{"X_SELL":{"products":["simple_%d"],"product_models":["model_%d"],"groups":["promo_%d"]}},"quantified_associations":{"PACK":{"products":[{"identifier":"simple_%d","quantity":%d}],"product_models":[{"identifier":"model_%d","quantity":1}]}}}`,
			head, i%3, id, i, i*7%500, i%2 == 0, 5+i%40, 1+i%12, (i+1)%400, i%roots, i%3, (i+2)%400, 1+i%4, i%roots))
	}
	return structure, models, items
}

type sampleDoc struct{ kind, doc string }

// TestSampleExport: an export of 1,000 products with their models,
// families and associations, written in Akeneo's format by a generator
// that does not use this package's writer, goes through the stream
// reader and the writer and compares equal with the input, with nothing
// reported as not carried.
func TestSampleExport(t *testing.T) {
	structure, models, items := sampleExport(1000)
	if len(items) != 1000 {
		t.Fatalf("%d products", len(items))
	}
	var typed []Attribute
	for _, d := range structure {
		back, dropped, err := convert(d.kind, []byte(d.doc), nil)
		if err != nil || len(dropped) > 0 {
			t.Fatalf("%s %s: %v %v", d.kind, d.doc, dropped, err)
		}
		var diffs []string
		semanticDiff("", "", decodeAny(t, []byte(d.doc)), decodeAny(t, back), &diffs)
		if len(diffs) > 0 {
			t.Errorf("%s: %v differ\n in:  %s\n out: %s", d.kind, diffs, d.doc, back)
		}
		if d.kind == "attribute" {
			var a Attribute
			_, _ = a.UnmarshalAkeneo([]byte(d.doc))
			typed = append(typed, a)
		}
	}
	attrs := AttributesOf(typed)
	in := strings.Join(append(models, items...), "\n") + "\n"
	dec := NewDecoder(strings.NewReader(in), attrs)
	var out bytes.Buffer
	var p Product
	n, nModels, nAssoc, nQuant := 0, 0, 0, 0
	for {
		dropped, err := dec.Decode(&p)
		if err == io.EOF {
			break
		}
		if err != nil || len(dropped) > 0 {
			t.Fatalf("record %d: %v %v", n, dropped, err)
		}
		n++
		if p.Model {
			nModels++
		}
		for _, a := range p.Record.Associations {
			if a.Quantity > 0 {
				nQuant++
			} else {
				nAssoc++
			}
		}
		b, err := p.MarshalAkeneo(attrs)
		if err != nil {
			t.Fatal(err)
		}
		out.Write(b)
		out.WriteByte('\n')
	}
	if n != len(models)+len(items) || nModels != len(models) || nAssoc == 0 || nQuant == 0 {
		t.Fatalf("read %d documents (%d models, %d associations, %d quantified), want %d (%d models)", n, nModels, nAssoc, nQuant, len(models)+len(items), len(models))
	}
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	line := 0
	for _, want := range strings.Split(strings.TrimSpace(in), "\n") {
		if !sc.Scan() {
			t.Fatalf("output ends at line %d", line)
		}
		line++
		var diffs []string
		semanticDiff("", "", decodeAny(t, []byte(want)), decodeAny(t, sc.Bytes()), &diffs)
		if len(diffs) > 0 {
			t.Fatalf("line %d: %v differ\n in:  %s\n out: %s", line, diffs, want, sc.Bytes())
		}
	}
	if sc.Scan() {
		t.Errorf("output has more than %d lines", line)
	}
	t.Logf("%d product models and %d products (%d associations, %d quantified) read and written back equal", nModels, n-nModels, nAssoc, nQuant)
}

// TestDecoderForms: the stream reader reads JSON Lines, an array and a
// page, reports a bad record with its line (JSON Lines) or position and
// goes on.
func TestDecoderForms(t *testing.T) {
	a := `{"identifier":"a","values":{"name":[{"locale":"en_US","scope":null,"data":"A"}]}}`
	b := `{"identifier":"b","enabled":true}`
	bad := `{"identifier":"c","values":{"price":[{"locale":null,"scope":null,"data":[{"amount":"1","currency":"XXQ"}]}]}}`
	page := `{"_links":{"self":{"href":"x"}},"current_page":1,"_embedded":{"items":[` + a + `,` + bad + `,` + b + `]}}`
	for _, tc := range []struct {
		name, in string
		line     int // of the bad record; 0 when not JSON Lines
		item     int
	}{
		{"json lines", a + "\n\n" + bad + "\n" + b + "\n", 3, 1},
		{"array", "[" + a + ",\n" + bad + ",\n" + b + "]", 0, 1},
		{"page on one line", page + "\n", 1, 1},
		{"page over lines", strings.ReplaceAll(page, ",", ",\n"), 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := NewDecoder(strings.NewReader(tc.in), nil)
			var ids []string
			var p Product
			for {
				_, err := d.Decode(&p)
				if err == io.EOF {
					break
				}
				var re *RecordError
				if errors.As(err, &re) {
					if re.Line != tc.line || re.Item != tc.item || !errors.Is(err, ErrInvalid) {
						t.Errorf("error %v: line %d item %d, want line %d item %d", err, re.Line, re.Item, tc.line, tc.item)
					}
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, p.Record.ID)
			}
			if strings.Join(ids, ",") != "a,b" {
				t.Errorf("read %v, want a,b", ids)
			}
		})
	}
}
