package catalog_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
)

// A streaming import that keeps no record: each row is decoded into the
// same Record, validated and handed on. Its text stays valid after the
// next row; its Values slice does not.
func ExampleCSVDecoder_DecodeInto() {
	c := shirts()
	d, err := c.NewCSVDecoder(strings.NewReader("sku,color,brand\nA,red,Acme\nB,blue,\nC,green,Acme\n"), catalog.CSVOptions{})
	if err != nil {
		panic(err)
	}
	var r catalog.Record
	var ids []string
	for {
		err := d.DecodeInto(&r)
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err) // a bad row; the next call reads the next one
			continue
		}
		ids = append(ids, r.ID) // text may be kept
		v, _ := r.Get("color", contract.Locale{}, "")
		fmt.Println(r.Row, r.ID, v, len(r.Values), "values")
	}
	fmt.Println(ids)
	// Output:
	// 2 A red 2 values
	// 3 B blue 1 values
	// 4 C green 2 values
	// [A B C]
}

// JSON Lines read into one reused Record.
func ExampleJSONDecoder_DecodeInto() {
	c := shirts()
	in := `{"sku":"A","status":"active","values":{"color":[{"locale":null,"channel":null,"data":"red"}]}}
{"sku":"B","values":{"color":[{"locale":null,"channel":null,"data":7}]}}
{"sku":"C","values":{"brand":[{"locale":null,"channel":null,"data":"Acme"}]}}
`
	d := c.NewJSONDecoder(strings.NewReader(in))
	var r catalog.Record
	for {
		err := d.DecodeInto(&r)
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err) // a record the schema refuses; the stream goes on
			continue
		}
		fmt.Println(r.ID, r.Status, len(r.Values), "value")
	}
	// Output:
	// A active 1 value
	// catalog: invalid: decode json: 1 problem: values.color[0]: type(simple_select)
	// C draft 1 value
}
