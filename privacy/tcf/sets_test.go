package tcf_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pimkit/pimkit/privacy/tcf"
)

func TestIDSet(t *testing.T) {
	for _, tt := range []struct {
		name string
		got  any
		want any
	}{
		{"NewIDSet ignores IDs outside 1..64", tcf.NewIDSet(0, 2, 99), tcf.NewIDSet(2)},
		{"NewIDSet(0, 3, 65) holds only 3", tcf.NewIDSet(0, 3, 65).IDs(), []int{3}},
		{"With ignores 65", tcf.NewIDSet(1).With(65).IDs(), []int{1}},
		{"Without ignores absent IDs", tcf.NewIDSet(1, 2).Without(2, 7).IDs(), []int{1}},
		{"Has(0) is false", tcf.NewIDSet(1).Has(0), false},
		{"Has(64) at the top bit", tcf.NewIDSet(64).Has(64), true},
		{"Len counts duplicates once", tcf.NewIDSet(1, 1, 3).Len(), 2},
		{"Max of {2 11}", tcf.NewIDSet(2, 11).Max(), 11},
		{"Max of the empty set", tcf.IDSet(0).Max(), 0},
		{"IDs ascending", tcf.NewIDSet(7, 2).IDs(), []int{2, 7}},
		{"IDs of the empty set", tcf.IDSet(0).IDs(), []int(nil)},
		{"All ascending", slices.Collect(tcf.NewIDSet(3, 1).All()), []int{1, 3}},
		{"String collapses runs", tcf.NewIDSet(1, 2, 3, 7).String(), "{1-3 7}"},
		{"String of the empty set", tcf.IDSet(0).String(), "{}"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, tt.got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestVendorSet(t *testing.T) {
	big := tcf.VendorRange(60, 70).With(tcf.MaxVendorID)
	for _, tt := range []struct {
		name string
		got  any
		want any
	}{
		{"NewVendorSet ignores 0 and 70000", tcf.NewVendorSet(0, 5, 70000).IDs(), []int{5}},
		{"NewVendorSet(0, 8) equals NewVendorSet(8)", tcf.NewVendorSet(0, 8).Equal(tcf.NewVendorSet(8)), true},
		{"VendorRange(3, 5)", tcf.VendorRange(3, 5).IDs(), []int{3, 4, 5}},
		{"VendorRange(5, 3) is empty", tcf.VendorRange(5, 3).IsEmpty(), true},
		{"VendorRange clamps to 1", tcf.VendorRange(-2, 2).IDs(), []int{1, 2}},
		{"VendorRange across words", tcf.VendorRange(60, 70).Len(), 11},
		{"With(0) changes nothing", tcf.NewVendorSet(1).With(0).Equal(tcf.NewVendorSet(1)), true},
		{"Without ignores absent IDs", tcf.NewVendorSet(1, 2).Without(2, 9).IDs(), []int{1}},
		{"Without the top ID trims the set", big.Without(tcf.MaxVendorID).Max(), 70},
		{"Union", tcf.NewVendorSet(1).Union(tcf.NewVendorSet(4)).IDs(), []int{1, 4}},
		{"Has(-1) is false", tcf.NewVendorSet(1).Has(-1), false},
		{"Has beyond the set", tcf.NewVendorSet(1).Has(1000), false},
		{"Len counts duplicates once", tcf.NewVendorSet(1, 1, 700).Len(), 2},
		{"Max is MaxVendorId", tcf.NewVendorSet(3, 912).Max(), 912},
		{"Max of MaxVendorID", big.Max(), tcf.MaxVendorID},
		{"Max of the empty set", tcf.VendorSet{}.Max(), 0},
		{"IDs ascending", tcf.NewVendorSet(9, 2).IDs(), []int{2, 9}},
		{"IDs of the empty set", tcf.VendorSet{}.IDs(), []int(nil)},
		{"All ascending", slices.Collect(tcf.NewVendorSet(9, 2).All()), []int{2, 9}},
		{"String collapses runs", tcf.NewVendorSet(1, 2, 3, 10).String(), "{1-3 10}"},
		{"String of the empty set", tcf.VendorSet{}.String(), "{}"},
		{"Equal ignores how a set was built", tcf.NewVendorSet(1, 200).Without(200).Equal(tcf.NewVendorSet(1)), true},
		{"Equal tells sets apart", tcf.NewVendorSet(1).Equal(tcf.NewVendorSet(2)), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, tt.got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestVendorSetIsImmutable(t *testing.T) {
	a := tcf.NewVendorSet(1, 2, 3)
	_ = a.With(4)
	_ = a.Without(2)
	_ = a.Union(tcf.NewVendorSet(9))
	if got := a.IDs(); !cmp.Equal(got, []int{1, 2, 3}) {
		t.Errorf("a after With, Without, Union = %v, want [1 2 3]", got)
	}
}
