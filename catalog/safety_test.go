package catalog

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
)

func safetyCompiled(t *testing.T) *Compiled {
	t.Helper()
	s, err := ProductSchema(ExclVAT, "ecommerce").Add(SafetyFields("ecommerce")...)
	if err != nil {
		t.Fatal(err)
	}
	return mustCompile(s, testChannels()...)
}

func TestSafetyFieldsCompleteness(t *testing.T) {
	c := safetyCompiled(t)
	r := completeProduct()
	var got []string
	for _, cp := range c.Completeness(r) {
		if cp.Channel == "ecommerce" && cp.Locale == daDK {
			got = cp.Missing
		}
	}
	// GPSR Art. 19(a), (c), (d): required on a channel selling to EU consumers.
	want := []string{FieldManufacturerName, FieldManufacturerAddress, FieldManufacturerEmail, FieldManufacturerCountry,
		FieldProductType, FieldSafetyInformation}
	if !slices.Equal(got, want) {
		t.Errorf("missing on ecommerce/da-DK = %v, want %v", got, want)
	}
	r = withSafety(r, "DE")
	for _, cp := range c.Completeness(r) {
		if cp.Channel == "ecommerce" && cp.Percent != 100 {
			t.Errorf("complete product: %s/%s missing %v", cp.Channel, cp.Locale, cp.Missing)
		}
	}
	// GPSR Art. 19(d): the consumer's language -- one locale's warning is not enough.
	r = r.Set(FieldSafetyInformation, enGB, "", Value{})
	for _, cp := range c.Completeness(r) {
		if cp.Channel == "ecommerce" && cp.Locale == enGB && !slices.Equal(cp.Missing, []string{FieldSafetyInformation}) {
			t.Errorf("en-GB missing %v, want the safety information", cp.Missing)
		}
	}
	// The print channel does not sell online: nothing required there.
	for _, cp := range c.Completeness(completeProduct()) {
		if cp.Channel == "print" && len(cp.Missing) != 0 {
			t.Errorf("print requires %v", cp.Missing)
		}
	}
}

func withSafety(r Record, country string) Record {
	r = r.Set(FieldManufacturerName, contract.Locale{}, "", Text("Acme GmbH"))
	r = r.Set(FieldManufacturerAddress, contract.Locale{}, "", Text("Hauptstr. 1, 10115 Berlin"))
	r = r.Set(FieldManufacturerEmail, contract.Locale{}, "", Text("safety@acme.example"))
	r = r.Set(FieldManufacturerCountry, contract.Locale{}, "", Text(country))
	r = r.Set(FieldProductType, contract.Locale{}, "", Text("Type 4711, batch 12"))
	r = r.Set(FieldSafetyInformation, daDK, "", Text("Ingen advarsler."))
	r = r.Set(FieldSafetyInformation, enGB, "", Text("No warnings."))
	return r
}

func TestCheckSafety(t *testing.T) {
	outside := withSafety(completeProduct(), "CN")
	err := CheckSafety(outside)
	var ve *contract.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("CheckSafety(manufacturer in CN) = %v, want problems (GPSR Art. 19(b))", err)
	}
	var got []prob
	for _, p := range ve.Problems {
		got = append(got, prob{p.Path, p.Rule, p.Param})
	}
	want := []prob{{"values.responsible_name", RuleRequired, "gpsr_19_b"}, {"values.responsible_address", RuleRequired, "gpsr_19_b"},
		{"values.responsible_contact", RuleRequired, "gpsr_19_b"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	outside = outside.Set(FieldResponsibleName, contract.Locale{}, "", Text("Acme EU B.V."))
	outside = outside.Set(FieldResponsibleAddress, contract.Locale{}, "", Text("Kade 1, Amsterdam"))
	outside = outside.Set(FieldResponsibleEmail, contract.Locale{}, "", Text("   "))
	if err := CheckSafety(outside); err == nil {
		t.Error("CheckSafety accepted a whitespace-only electronic address of the responsible person")
	}
	outside = outside.Set(FieldResponsibleEmail, contract.Locale{}, "", Text("eu@acme.example"))
	if err := CheckSafety(outside); err != nil {
		t.Errorf("CheckSafety(with responsible person) = %v, want nil (GPSR Art. 19(b))", err)
	}
	if err := CheckSafety(withSafety(completeProduct(), "el")); err != nil {
		t.Errorf("CheckSafety(manufacturer in Greece as EL) = %v, want nil (GPSR Art. 19(b): inside the Union)", err)
	}
	if err := CheckSafety(withSafety(completeProduct(), "D1")); err == nil {
		t.Error(`CheckSafety(country "D1") = nil, want a syntax problem`)
	}
	for c, want := range map[string]bool{"DK": true, "el": true, "NO": false, "GB": false, "": false} {
		if IsEUMember(c) != want {
			t.Errorf("IsEUMember(%q) = %v, want %v (TEU Art. 52)", c, !want, want)
		}
	}
}
