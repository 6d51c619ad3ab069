package catalog_test

import (
	"fmt"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// clothingSchema has a localizable name, a price and a size, for the
// webshop of channels (Danish and English, DKK).
func clothingSchema() *catalog.Compiled {
	s := catalog.Schema{Type: catalog.TypeProduct, Fields: []catalog.Field{
		{Code: "name", Type: catalog.TextField, Localizable: true},
		{Code: "price", Type: catalog.PriceField},
		{Code: "size", Type: catalog.SimpleSelect, Options: []catalog.SelectOption{{Code: "m"}, {Code: "l"}}},
	}}
	c, err := s.Compile(channels()...)
	if err != nil {
		panic(err)
	}
	return c
}

// A family's requirements decide completeness per channel and locale:
// the SKU and the Danish name are there, the price is not.
func ExampleCompiled_FamilyCompleteness() {
	c := clothingSchema()
	clothing := catalog.Family{Code: "clothing", Attributes: []string{"sku", "name", "price", "size"},
		Requirements: map[string][]string{"webshop": {"sku", "name", "price"}}}
	shirt := catalog.Record{ID: "SHIRT-1", Family: "clothing", Values: []catalog.FieldValue{
		{Field: "name", Locale: da, Value: catalog.Text("Skjorte")},
		{Field: "name", Locale: en, Value: catalog.Text("   ")}, // white space only: missing
	}}
	for _, cp := range c.FamilyCompleteness(shirt, clothing) {
		fmt.Println(cp.Channel, cp.Locale, cp.Percent, cp.Missing)
	}
	// Output:
	// webshop da-DK 66 [price]
	// webshop en-GB 33 [name price]
}

// When a family's requirements change, only the records of that family
// and the channels whose requirements changed are recomputed.
func ExampleCompiled_RecomputeCompleteness() {
	c := clothingSchema()
	old := catalog.Family{Code: "clothing", Attributes: []string{"sku", "name", "size"},
		Requirements: map[string][]string{"webshop": {"sku"}}}
	records := []catalog.Record{
		{ID: "SHIRT-1", Family: "clothing", Values: []catalog.FieldValue{{Field: "size", Value: catalog.Option("m")}}},
		{ID: "SHIRT-2", Family: "clothing"},
		{ID: "CHAIR-1", Family: "furniture"},
	}
	prev := make([][]catalog.Completeness, len(records))
	for i, r := range records {
		prev[i] = c.FamilyCompleteness(r, old)
	}
	next := old
	next.Requirements = map[string][]string{"webshop": {"sku", "size"}}
	res, _ := c.RecomputeCompleteness(old, next, records, prev)
	fmt.Println("recomputed:", res.Recomputed)
	for _, u := range res.Changed {
		fmt.Println(u.ID, u.Completeness[0].Percent)
	}
	// Output:
	// recomputed: 4
	// SHIRT-1 100
	// SHIRT-2 50
}

// Moving a record to another family reports the fields it gains and
// loses, and the values it would drop.
func ExampleSwitchFamily() {
	clothing := catalog.Family{Code: "clothing", Attributes: []string{"sku", "name", "size"}}
	bags := catalog.Family{Code: "bags", Attributes: []string{"sku", "name", "volume"}}
	r := catalog.Record{ID: "TOTE-1", Values: []catalog.FieldValue{{Field: "size", Value: catalog.Option("m")}}}
	s := catalog.SwitchFamily(r, clothing, bags)
	fmt.Println("gained", s.Gained, "lost", s.Lost, "dropped", s.Dropped[0].Field)
	// Output:
	// gained [volume] lost [size] dropped size
}

// Associations must point inside the batch; quantified types need a
// quantity.
func ExampleCheckAssociations() {
	b := catalog.Batch{Products: []catalog.Record{
		{ID: "LAMP-1", Associations: []catalog.Association{
			{Type: catalog.Pack, Target: catalog.TargetProduct, ID: "BULB-1", Quantity: 2},
			{Type: catalog.CrossSell, Target: catalog.TargetProduct, ID: "SHADE-9"},
		}},
		{ID: "BULB-1"},
	}}
	fmt.Println(catalog.CheckAssociations(b, catalog.StandardAssociationTypes()))
	// Output:
	// catalog: invalid: check associations: 1 problem: products[0].associations[1].id: dangling(product)
}

// A two-way association holds backwards too.
func ExampleTwoWayAssociations() {
	types := []catalog.AssociationType{{Code: "COMPATIBLE", TwoWay: true}}
	b := catalog.Batch{Products: []catalog.Record{
		{ID: "LAMP-1", Associations: []catalog.Association{{Type: "COMPATIBLE", Target: catalog.TargetProduct, ID: "BULB-1"}}},
		{ID: "BULB-1"},
	}}
	fmt.Println(catalog.TwoWayAssociations(b, types).Products[1].Associations)
	// Output:
	// [{COMPATIBLE product LAMP-1 0}]
}

// The standard families convert exactly where multiplication suffices and
// round a division that does not end to 20 decimals.
func ExampleMeasurementFamily() {
	p, _ := catalog.MeasurementFamily("Pressure")
	atm, _ := p.Convert(decimal.NewFromInt(1), "ATM", "PASCAL")
	t, _ := catalog.MeasurementFamily("Temperature")
	body, _ := t.Convert(decimal.RequireFromString("98.6"), "FAHRENHEIT", "CELSIUS")
	one, _ := t.Convert(decimal.NewFromInt(1), "FAHRENHEIT", "KELVIN")
	fmt.Println(atm, body, one)
	// Output:
	// 101325 37 255.92777777777777777778
}

// Decimals and bounds of a measurement field apply in the field's unit:
// 0.81 m on a field in centimetres with one decimal is 81 cm.
func ExampleField_measurement() {
	length, _ := catalog.MeasurementFamily("Length")
	s := catalog.Schema{Type: catalog.TypeProduct, Fields: []catalog.Field{
		{Code: "width", Type: catalog.Measurement, Units: length, DefaultUnit: "CENTIMETER", Decimals: 1, Max: new(contract.MustDec("100"))},
	}}
	c, _ := s.Compile(channels()...)
	for _, m := range []string{"0.81", "0.8105", "1.2"} {
		r := catalog.Record{ID: "BOX-1", Values: []catalog.FieldValue{{Field: "width", Value: catalog.Measure(decimal.RequireFromString(m), "METER")}}}
		fmt.Println(m, "m:", c.ValidateDraft(r))
	}
	// Output:
	// 0.81 m: <nil>
	// 0.8105 m: catalog: invalid: validate draft: 1 problem: values.width: decimals(1)
	// 1.2 m: catalog: invalid: validate draft: 1 problem: values.width: max(100)
}
