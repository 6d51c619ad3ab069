package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
)

func TestDiff(t *testing.T) {
	old := Record{ID: "A", Version: 3, Status: StatusDraft, Categories: []string{"shirts"}, Values: []FieldValue{
		lv("title", daDK, Text("Skjorte")),
		lv("title", enGB, Text("Shirt")),
		fv("stock", Number(dec("18.5"))),
		fv("brand", Text("Acme")),
		{Field: "seo_title", Locale: daDK, Channel: "print", Value: Text("x")},
	}}
	new := Record{ID: "A", Version: 4, Status: StatusActive, Categories: []string{"shirts"}, Values: []FieldValue{
		lv("title", enGB, Text("Shirt")),
		lv("title", daDK, Text("Blå skjorte")),
		fv("stock", Number(dec("18.50"))),
		fv("ean", Text("96385074")),
		lv("title", deDE, Text("Hemd")),
	}}
	cs := Diff(old, new)
	var got []string
	for _, c := range cs.Changes {
		got = append(got, c.String())
	}
	want := []string{
		"status modified",
		"values.brand removed",
		"values.ean added",
		"values.seo_title[da-DK][print] removed",
		"values.stock modified",
		"values.title[da-DK] modified",
		"values.title[de-DE] added",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Diff (-want +got):\n%s", diff)
	}
	if cs.FromVersion != 3 || cs.ToVersion != 4 {
		t.Errorf("Diff versions = %d->%d, want 3->4", cs.FromVersion, cs.ToVersion)
	}
	web := Channel{Code: "ecommerce", Locales: []contract.Locale{daDK, enGB}}
	got = nil
	for _, c := range cs.ForChannel(web).Changes {
		got = append(got, c.String())
	}
	want = []string{"status modified", "values.brand removed", "values.ean added", "values.stock modified", "values.title[da-DK] modified"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ForChannel(ecommerce) (-want +got):\n%s", diff)
	}
	if !Diff(old, old).IsEmpty() {
		t.Errorf("Diff(r, r) not empty")
	}
}

// TestDiffPIMProperties: a family move, a new group and a changed
// association quantity are changes of record properties, listed before
// value changes.
func TestDiffPIMProperties(t *testing.T) {
	old := Record{ID: "LAMP-1", Family: "lamps", Version: 1,
		Associations: []Association{{Type: Pack, Target: TargetProduct, ID: "BULB-1", Quantity: 2}}}
	new := old
	new.Version = 2
	new.Family, new.FamilyVariant, new.Groups = "lighting", "by_color", []string{"summer"}
	new.Associations = []Association{{Type: Pack, Target: TargetProduct, ID: "BULB-1", Quantity: 4}}
	var got []string
	for _, c := range Diff(old, new).Changes {
		got = append(got, c.Field+" "+c.Kind.String()+" "+c.Old.String()+" -> "+c.New.String())
	}
	want := []string{
		"family modified lamps -> lighting",
		"family_variant added  -> by_color",
		"groups added  -> summer",
		"associations modified PACK:product:BULB-1:2 -> PACK:product:BULB-1:4",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Diff (-want +got):\n%s", diff)
	}
}
