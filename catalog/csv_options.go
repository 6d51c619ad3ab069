package catalog

import (
	"github.com/pimkit/pimkit/contract"
)

// CSVOptions chooses the text conventions of one CSV import or export.
//
// Locale picks the number format ([NumberFormatFor]): with da-DK, "18,50"
// is 18.50 and "1.234,5" is 1234.5; the zero Locale uses
// plain numbers with a point. Comma is the field separator, ',' when 0;
// Danish spreadsheets often write ';'. Dates are always ISO 8601
// (2026-01-31) and booleans "1" or "0" (import also accepts "true" and
// "false").
//
// The layout, Akeneo's: the columns sku (id for other data types),
// parent, status, version and categories, then one column per value slot
// named code[-locale][-channel], the locale with underscores
// (title-da_DK, seo_title-en_GB-ecommerce); a price has one column per
// currency (price-DKK), a measurement an amount and a unit column (weight,
// weight-unit). Options, assets and categories are joined by ","; an asset
// of known size is ref|size. An import's header may name any subset of
// the columns in any order but must include the ID column. As with
// encoding/csv, a "\r\n" line break inside a quoted text comes back as
// "\n".
type CSVOptions struct {
	Locale contract.Locale `json:"locale,omitzero"`
	Comma  rune            `json:"comma,omitzero"`
}

func (o CSVOptions) format() NumberFormat {
	if o.Locale.IsZero() {
		return NumberFormat{}
	}
	return NumberFormatFor(o.Locale.Tag())
}

func (o CSVOptions) comma() rune {
	if o.Comma == 0 {
		return ','
	}
	return o.Comma
}
