// Package akeneo reads and writes the JSON of Akeneo PIM's REST API and
// converts it to pimkit's catalog values and back: products (with and
// without UUID) and product models as [catalog.Record], families as
// [catalog.Family], family variants as [catalog.FamilyVariant], attributes
// as [catalog.Field], attribute options as [catalog.SelectOption],
// attribute groups as [catalog.AttributeGroup], categories as
// [catalog.CategoryNode] (and a [catalog.Tree] by [Tree]), channels as
// [catalog.Channel], association types as [catalog.AssociationType] and
// measurement families as [catalog.UnitFamily]; locales and currencies as
// [contract.Locale] and [contract.Currency].
//
// Each document type has UnmarshalAkeneo and MarshalAkeneo methods.
// Reading never drops a part of a document in silence: what pimkit does
// not keep comes back as a [contract.Problem] of rule [RuleNotCarried] at
// its JSON path ("values.name[0].linked_data", "_links",
// "completenesses"), and what is wrong as a *contract.ValidationError
// wrapping [ErrInvalid]. Writing writes the keys the document had (its
// Given list), so that a partial document, a PATCH body, stays partial.
//
//	var p akeneo.Product
//	dropped, err := p.UnmarshalAkeneo(doc, attrs) // attrs: the attribute types
//	// p.Record is a catalog.Record: validate it, count its completeness...
//	out, err := p.MarshalAkeneo(attrs)
//
// [Decoder] reads a stream of products and product models record by
// record into one reused [Product] in any of Akeneo's forms: JSON Lines
// (the bulk form), a JSON array, or pages of the API
// ({"_embedded":{"items":[...]}}); a bad record is a [RecordError] with
// its line. [Patch] applies Akeneo's PATCH semantics to a product,
// [PatchJSON] to a document of any resource.
//
// # Attribute types
//
// Each pim_catalog_* type maps to the catalog field type that holds its
// values ([FieldType]):
//
//	pim_catalog_identifier           Identifier     text
//	pim_catalog_text                 TextField      text
//	pim_catalog_textarea             Textarea       text
//	pim_catalog_number               NumberField    number (exact decimal)
//	pim_catalog_metric               Measurement    {"amount","unit"}
//	pim_catalog_price_collection     PriceField     [{"amount","currency"}] as contract.Money
//	pim_catalog_boolean              Boolean        true/false
//	pim_catalog_date                 DateField      the calendar date written
//	pim_catalog_simpleselect         SimpleSelect   option code
//	pim_catalog_multiselect          MultiSelect    option codes
//	pim_catalog_image                Image          one asset (the file path)
//	pim_catalog_file                 File           one asset (the file path)
//	pim_catalog_asset_collection     Image          assets (the asset codes)
//	pim_reference_data_simpleselect  Reference      text (RefType: reference_data_name)
//	pim_reference_data_multiselect   MultiSelect    codes (RefType: reference_data_name)
//	akeneo_reference_entity          Reference      record code
//	akeneo_reference_entity_collection MultiSelect  record codes
//	pim_assets_collection            Image          assets (the former asset manager's codes)
//
// An attribute's validation properties become the field's rules:
// max_characters MaxLength; number_min and number_max Min and Max;
// decimals_allowed a Decimals of 4, Akeneo's storage precision (or
// decimal_places when set); negative_allowed NegativeAllowed; date_min
// and date_max MinDate and MaxDate; allowed_extensions Extensions;
// max_file_size (megabytes, as Akeneo's validator counts them: 1 MB =
// 1,000,000 bytes) MaxSize in bytes; metric_family and default_metric_unit
// Units.Code and DefaultUnit; localizable, scopable and unique the flags
// of the same name. What a field has no rule for (validation_rule,
// validation_regexp, wysiwyg_enabled, useable_as_grid_filter, sort_order,
// group, available_locales, minimum_input_length, default_value,
// is_mandatory, decimal_places_strategy) is kept on [Attribute] and
// written back.
//
// Locale codes are Akeneo's ("en_US") in documents and BCP 47 ("en-US")
// in pimkit. Numbers and amounts are exact decimals; Akeneo's strings
// ("15.50") and JSON numbers (15.5) read alike, and a number is written as
// a JSON number when whole and as a string otherwise, as Akeneo writes
// them.
//
// # What pimkit does not carry
//
// Reported with rule [RuleNotCarried], by Param:
//
//   - "read_only": what Akeneo computes and ignores on input: "_links",
//     "linked_data" and "attribute_type" of values, "root_parent",
//     "quality_scores", "completenesses", "metadata", a value's
//     "reference_data_name",
//     "workflow_execution_statuses", an attribute's "group_labels", a
//     family variant's "common_attributes", an enriched category's
//     "values", "channel_requirements" and "validations".
//   - "zone": the UTC offset or time of day of a date value or of
//     date_min/date_max; pimkit keeps the calendar date as written
//     ("2016-06-13T00:00:00+02:00" is 13 June 2016) and writes it at
//     midnight UTC.
//   - "type": values and attributes of types pimkit has no field for
//     (pim_catalog_table, pim_catalog_product_link, and any other), and
//     values of an attribute not in [Attributes] whose JSON shape no
//     field type has.
//   - "unknown": keys Akeneo does not define, at the top of a document
//     and inside values, associations and their members.
//
// Akeneo writes null for a property that does not apply (a text
// attribute's "number_min": null); pimkit reads null as absent and
// writes nothing for it, except in products and product models, where
// null is a value ("parent": null) and is written back.
//
// # Measurement families
//
// A [MeasurementFamily] read from an Akeneo instance converts with that
// instance's factors, kept exactly (a "div" becomes the unit's divisor,
// not a rounded factor). Some of Akeneo's standard factors are wrong (its
// pressure units ATM, PSI, TORR and MMHG are the inverses of their bar
// factors; its MONTH is 217 days): [catalog.MeasurementFamilies] has
// Akeneo's families and unit codes with the SI/NIST factors; pass those
// to [Schema] to convert correctly.
//
// Memory: every reader allocates at most 16 bytes per input byte plus
// 64 KiB; input dense enough in tiny elements to cost more is refused
// with rule too_dense. Reading the 1,000 products and 300 models of the
// test export runs at about 0.6 times the throughput of encoding/json
// decoding the same file into a struct that mirrors its documents.
package akeneo
