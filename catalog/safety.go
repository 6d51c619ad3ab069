package catalog

import (
	"slices"
	"strings"

	"github.com/pimkit/pimkit/contract"
)

// Standard field codes for the information an online offer to consumers
// in the EU must show (General Product Safety Regulation (EU) 2023/988
// Art. 19): the manufacturer's name or trade mark, postal address and
// electronic address (Art. 19(a)); where the manufacturer is established
// outside the Union, the name, postal and electronic address of the
// responsible person in the Union (Art. 19(b), Art. 16(1)); what
// identifies the product: its type, batch or serial number besides a
// picture (Art. 19(c)); and its warnings and safety information in the
// consumer's language (Art. 19(d)). [SafetyFields] defines them.
const (
	FieldManufacturerName    = "manufacturer_name"
	FieldManufacturerAddress = "manufacturer_address"
	FieldManufacturerEmail   = "manufacturer_contact"
	FieldManufacturerCountry = "manufacturer_country"
	FieldResponsibleName     = "responsible_name"
	FieldResponsibleAddress  = "responsible_address"
	FieldResponsibleEmail    = "responsible_contact"
	FieldProductType         = "product_type_identifier"
	FieldSafetyInformation   = "safety_information"
)

// euMembers are the ISO 3166-1 codes of the 27 member states (TEU Art.
// 52).
var euMembers = []string{"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
	"IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"}

// IsEUMember reports whether country (ISO 3166-1 alpha-2, upper or lower
// case; Greece also as "EL") is a member state of the EU: "DK" and "el"
// are, "NO" and "GB" are not.
func IsEUMember(country string) bool {
	c := strings.ToUpper(country)
	if c == "EL" {
		c = "GR"
	}
	return slices.Contains(euMembers, c)
}

// SafetyFields returns the fields of the GPSR Art. 19 information, to add
// to a product schema with [Schema.Add]; requiredIn lists the channels
// that sell to consumers in the EU, which then require them for
// completeness. Required there: the manufacturer's name, postal address
// (a textarea), electronic address (an e-mail address or a contact
// page's URL), country (ISO 3166-1 alpha-2, "DE"), the product's type or
// other identifier, and the safety information, localizable so that it
// is required in every locale of the channel: the consumer's language
// (Art. 19(d)). A product without warnings states so there. The
// responsible person's name, postal and electronic address are never
// required by the schema, since only a manufacturer outside the Union
// needs one; [CheckSafety] requires them then.
func SafetyFields(requiredIn ...string) []Field {
	req := slices.Clone(requiredIn)
	text := func(code string, max int, required bool, en, da string) Field {
		f := Field{Code: code, Type: TextField, MaxLength: max, Labels: Labels{{english, en}, {danish, da}}}
		if required {
			f.Required = slices.Clone(req)
		}
		return f
	}
	addr := func(code string, required bool, en, da string) Field {
		f := text(code, 1000, required, en, da)
		f.Type = Textarea
		return f
	}
	safety := addr(FieldSafetyInformation, true, "Warnings and safety information", "Advarsler og sikkerhedsoplysninger")
	safety.Localizable = true
	safety.MaxLength = 0
	return []Field{
		text(FieldManufacturerName, 255, true, "Manufacturer", "Producent"),
		addr(FieldManufacturerAddress, true, "Manufacturer's postal address", "Producentens postadresse"),
		text(FieldManufacturerEmail, 255, true, "Manufacturer's e-mail or web address", "Producentens e-mail eller webadresse"),
		text(FieldManufacturerCountry, 2, true, "Manufacturer's country", "Producentens land"),
		text(FieldResponsibleName, 255, false, "Responsible person in the EU", "Ansvarlig person i EU"),
		addr(FieldResponsibleAddress, false, "Responsible person's postal address", "Den ansvarlige persons postadresse"),
		text(FieldResponsibleEmail, 255, false, "Responsible person's e-mail or web address", "Den ansvarlige persons e-mail eller webadresse"),
		text(FieldProductType, 255, true, "Product type, batch or serial number", "Produkttype, parti- eller serienummer"),
		safety,
	}
}

// CheckSafety reports the GPSR Art. 19 information r lacks beyond what
// the schema's completeness already requires: where the manufacturer's
// country is outside the Union ([IsEUMember]), the responsible person's
// name, postal and electronic address (Art. 19(b)), each a problem with
// path "values.responsible_name" and rule required, Param "gpsr_19_b".
// A manufacturer's country that is not two letters is a problem at
// "values.manufacturer_country" (rule syntax). Whitespace-only text is
// missing. Records of a manufacturer in the Union, or without a country
// (which the schema requires), pass.
func CheckSafety(r Record) error {
	text := func(code string) string {
		v, _ := r.Get(code, contract.Locale{}, "")
		s, _ := v.Text()
		return strings.TrimSpace(s)
	}
	var ps problems
	country := text(FieldManufacturerCountry)
	if country == "" {
		return nil
	}
	if len(country) != 2 || !isLetters(country) {
		ps.Add("values."+FieldManufacturerCountry, RuleSyntax, "iso_3166_1")
		return ps.Err("check safety", ErrInvalid)
	}
	if !IsEUMember(country) {
		for _, code := range []string{FieldResponsibleName, FieldResponsibleAddress, FieldResponsibleEmail} {
			if text(code) == "" {
				ps.Add("values."+code, RuleRequired, "gpsr_19_b")
			}
		}
	}
	return ps.Err("check safety", ErrInvalid)
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
