package catalog_test

import (
	"fmt"

	"github.com/pimkit/pimkit/catalog"
)

// A host keeping many products in memory packs each: Pack keeps the
// values by their place in the compiled schema, AssessPacked checks a
// packed product without unpacking it, and Unpack gives the record back.
func ExampleCompiled_Pack() {
	c := shirts()
	p, err := c.Pack(catalog.Record{ID: "SHIRT-1", Status: catalog.StatusActive, Values: []catalog.FieldValue{
		loc("title", da, catalog.Text("Skjorte")),
		und("price", dkk("199.00")),
		und("color", catalog.Option("red")),
	}})
	if err != nil {
		panic(err)
	}
	fmt.Println(p.ID(), p.Size(), "bytes")

	completeness, err := c.AssessPacked(p)
	fmt.Println(err)
	for _, cp := range completeness {
		fmt.Println(cp.Channel, cp.Locale, cp.Percent, cp.Missing)
	}

	r, err := c.Unpack(p)
	if err != nil {
		panic(err)
	}
	title, _ := r.Get("title", da, "")
	fmt.Println(title)
	// Output:
	// SHIRT-1 46 bytes
	// catalog: invalid: validate record: 2 problems: values.title[en-GB]: required(webshop); values.images: required(webshop)
	// webshop da-DK 66 [images]
	// webshop en-GB 33 [title images]
	// Skjorte
}
