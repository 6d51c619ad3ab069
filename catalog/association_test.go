package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckAssociations(t *testing.T) {
	types := append(StandardAssociationTypes(), AssociationType{Code: "COMPATIBLE", TwoWay: true})
	good := Batch{
		Products: []Record{
			{ID: "LAMP-1", Associations: []Association{
				{Type: CrossSell, Target: TargetProduct, ID: "BULB-1"},
				{Type: Upsell, Target: TargetProductModel, ID: "lamp_deluxe"},
				{Type: Substitution, Target: TargetGroup, ID: "lamps"},
				{Type: Pack, Target: TargetProduct, ID: "BULB-1", Quantity: 2},
				{Type: "COMPATIBLE", Target: TargetProduct, ID: "BULB-1"},
			}},
			{ID: "BULB-1"},
		},
		Models: []Record{{ID: "lamp_deluxe", Associations: []Association{{Type: CrossSell, Target: TargetProduct, ID: "BULB-1"}}}},
		Groups: []string{"lamps"},
	}
	if err := CheckAssociations(good, types); err != nil {
		t.Fatalf("CheckAssociations(good) = %v, want nil", err)
	}
	bad := Batch{
		Products: []Record{{ID: "LAMP-1", Associations: []Association{
			{Type: "ACCESSORY", Target: TargetProduct, ID: "BULB-1"},         // unknown type
			{Type: CrossSell, ID: "BULB-1"},                                  // no target kind
			{Type: CrossSell, Target: TargetProduct, ID: "BULB-9"},           // dangling product
			{Type: CrossSell, Target: TargetProductModel, ID: "lamp"},        // dangling model
			{Type: CrossSell, Target: TargetGroup, ID: "chairs"},             // dangling group
			{Type: Pack, Target: TargetProduct, ID: "BULB-1"},                // quantified without quantity
			{Type: Upsell, Target: TargetProduct, ID: "BULB-1", Quantity: 3}, // quantity on a plain type
			{Type: Pack, Target: TargetGroup, ID: "lamps", Quantity: 1},      // quantified group
			{Type: "COMPATIBLE", Target: TargetGroup, ID: "lamps"},           // two-way group
			{Type: CrossSell, Target: TargetProduct, ID: "LAMP-1"},           // itself
			{Type: Substitution, Target: TargetProduct, ID: "BULB-1"},        // first
			{Type: Substitution, Target: TargetProduct, ID: "BULB-1"},        // repeated
		}}, {ID: "BULB-1"}},
		Groups: []string{"lamps"},
	}
	want := []prob{
		{"products[0].associations[0].type", RuleAssociation, "type"},
		{"products[0].associations[1].target", RuleTarget, ""},
		{"products[0].associations[2].id", RuleDangling, "product"},
		{"products[0].associations[3].id", RuleDangling, "product_model"},
		{"products[0].associations[4].id", RuleDangling, "group"},
		{"products[0].associations[5].quantity", RuleQuantity, "1"},
		{"products[0].associations[6].quantity", RuleQuantity, "0"},
		{"products[0].associations[7].target", RuleTarget, "quantified"},
		{"products[0].associations[8].target", RuleTarget, "two_way"},
		{"products[0].associations[9]", RuleAssociation, "self"},
		{"products[0].associations[11]", RuleAssociation, "repeated"},
	}
	if diff := cmp.Diff(want, problemsOf(t, CheckAssociations(bad, types))); diff != "" {
		t.Errorf("CheckAssociations(bad) (-want +got):\n%s", diff)
	}
	both := []AssociationType{{Code: "X", Quantified: true, TwoWay: true}}
	if diff := cmp.Diff([]prob{{"types[0]", RuleAssociation, "two_way"}}, problemsOf(t, CheckAssociations(Batch{}, both))); diff != "" {
		t.Errorf("CheckAssociations(quantified two-way type) (-want +got):\n%s", diff)
	}
}

func TestTwoWayAssociations(t *testing.T) {
	types := []AssociationType{{Code: "COMPATIBLE", TwoWay: true}, {Code: CrossSell}}
	in := Batch{
		Products: []Record{
			{ID: "LAMP-1", Associations: []Association{
				{Type: "COMPATIBLE", Target: TargetProduct, ID: "BULB-1"},
				{Type: "COMPATIBLE", Target: TargetProductModel, ID: "shade"},
				{Type: CrossSell, Target: TargetProduct, ID: "BULB-1"},  // one-way: no inverse
				{Type: "COMPATIBLE", Target: TargetProduct, ID: "GONE"}, // outside the batch: left alone
			}},
			{ID: "BULB-1"},
			{ID: "BULB-2", Associations: []Association{{Type: "COMPATIBLE", Target: TargetProduct, ID: "LAMP-1"}}},
		},
		Models: []Record{{ID: "shade", Associations: []Association{{Type: "COMPATIBLE", Target: TargetProduct, ID: "LAMP-1"}}}},
	}
	got := TwoWayAssociations(in, types)
	want := in
	want.Products = []Record{
		{ID: "LAMP-1", Associations: append(in.Products[0].Associations[:4:4],
			Association{Type: "COMPATIBLE", Target: TargetProduct, ID: "BULB-2"})},
		{ID: "BULB-1", Associations: []Association{{Type: "COMPATIBLE", Target: TargetProduct, ID: "LAMP-1"}}},
		in.Products[2],
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("TwoWayAssociations (-want +got):\n%s", diff)
	}
	if len(in.Products[1].Associations) != 0 {
		t.Errorf("TwoWayAssociations changed its input: %+v", in.Products[1])
	}
	if err := CheckAssociations(TwoWayAssociations(got, types), append(types, AssociationType{Code: "unused"})); err == nil || len(problemsOf(t, err)) != 1 {
		t.Errorf("CheckAssociations after TwoWayAssociations = %v, want only the link outside the batch", err)
	}
}
