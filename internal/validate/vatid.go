package validate

// ValidVATID reports whether s has the shape of an EU VAT number, the rule
// of the vatid tag: a two-letter country prefix and 2 to 13 letters or
// digits, a DK prefix followed by a valid CVR number. ValidVATID("DE123456789")
// is true. Packages call it directly only where reflection would cost too
// much on a hot path.
func ValidVATID(s string) bool { return validVATID(s) }
