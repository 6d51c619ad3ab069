package catalog

import "github.com/pimkit/pimkit/internal/enum"

// The text forms of this package's enums, indexed by value; "" marks the
// invalid zero value of an enum that has one.
var (
	statusNames       = enum.Names{"draft", "active", "archived"}
	fieldTypeNames    = enum.Names{"", "identifier", "text", "textarea", "number", "measurement", "price", "boolean", "date", "simple_select", "multi_select", "image", "file", "reference", "gtin"}
	priceBasisNames   = enum.Names{"excl_vat", "incl_vat"}
	changeKindNames   = enum.Names{"", "added", "removed", "modified"}
	availabilityNames = enum.Names{"", "in_stock", "out_of_stock", "preorder", "backorder"}
	gradeNames        = enum.Names{"", "A", "B", "C", "D", "E"}
)

// String returns "draft", "active" or "archived".
func (s Status) String() string { return enum.String(statusNames, s, "Status") }

// MarshalText returns the status text; a Status beyond StatusArchived is
// an error wrapping [ErrEnum].
func (s Status) MarshalText() ([]byte, error) {
	return enum.Marshal(statusNames, s, "status", ErrEnum)
}

// UnmarshalText reads "draft", "active" or "archived"; "Active" or
// "published" are an error wrapping [ErrEnum].
func (s *Status) UnmarshalText(b []byte) error {
	return enum.Unmarshal(statusNames, b, s, "status", ErrEnum)
}

// String returns the type's text, e.g. "simple_select".
func (t FieldType) String() string { return enum.String(fieldTypeNames, t, "FieldType") }

// MarshalText returns the type's text; the zero FieldType is an error
// wrapping [ErrEnum].
func (t FieldType) MarshalText() ([]byte, error) {
	return enum.Marshal(fieldTypeNames, t, "field type", ErrEnum)
}

// UnmarshalText reads a type's text such as "multi_select"; "select" is
// an error wrapping [ErrEnum].
func (t *FieldType) UnmarshalText(b []byte) error {
	return enum.Unmarshal(fieldTypeNames, b, t, "field type", ErrEnum)
}

// String returns "excl_vat" or "incl_vat".
func (p PriceBasis) String() string { return enum.String(priceBasisNames, p, "PriceBasis") }

// MarshalText returns "excl_vat" or "incl_vat".
func (p PriceBasis) MarshalText() ([]byte, error) {
	return enum.Marshal(priceBasisNames, p, "price basis", ErrEnum)
}

// UnmarshalText reads "excl_vat" or "incl_vat"; other text, such as net,
// is an error wrapping [ErrEnum].
func (p *PriceBasis) UnmarshalText(b []byte) error {
	return enum.Unmarshal(priceBasisNames, b, p, "price basis", ErrEnum)
}

// String returns "added", "removed" or "modified".
func (k ChangeKind) String() string { return enum.String(changeKindNames, k, "ChangeKind") }

// MarshalText returns the kind's text; the zero kind is an error wrapping
// [ErrEnum].
func (k ChangeKind) MarshalText() ([]byte, error) {
	return enum.Marshal(changeKindNames, k, "change kind", ErrEnum)
}

// UnmarshalText reads "added", "removed" or "modified"; "changed" is an
// error wrapping [ErrEnum].
func (k *ChangeKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(changeKindNames, b, k, "change kind", ErrEnum)
}

// String returns the Merchant Center value: "in_stock", "out_of_stock",
// "preorder" or "backorder".
func (a Availability) String() string {
	return enum.String(availabilityNames, a, "Availability")
}

// MarshalText returns the Merchant Center value; the zero Availability is
// an error wrapping [ErrEnum].
func (a Availability) MarshalText() ([]byte, error) {
	return enum.Marshal(availabilityNames, a, "availability", ErrEnum)
}

// UnmarshalText reads a Merchant Center value; "InStock" is an error
// wrapping [ErrEnum].
func (a *Availability) UnmarshalText(b []byte) error {
	return enum.Unmarshal(availabilityNames, b, a, "availability", ErrEnum)
}

// String returns "A" to "E".
func (g Grade) String() string { return enum.String(gradeNames, g, "Grade") }

// MarshalText returns "A" to "E", the grades' own spelling; the zero Grade
// is an error wrapping [ErrEnum].
func (g Grade) MarshalText() ([]byte, error) {
	return enum.Marshal(gradeNames, g, "grade", ErrEnum)
}

// UnmarshalText reads "A" to "E"; "a" or "F" is an error wrapping
// [ErrEnum].
func (g *Grade) UnmarshalText(b []byte) error {
	return enum.Unmarshal(gradeNames, b, g, "grade", ErrEnum)
}
