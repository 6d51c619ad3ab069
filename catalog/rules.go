package catalog

// Rule names, the [contract.Problem] Rule values this package's own checks
// report (snake_case, as every pimkit rule). Configuration types also
// report the rules of their `validate` tags: required, max, min, gte,
// dgt, dgte, dlt ("lines[0].quantity: dgt(0)").
const (
	RuleRequired       = "required"        // a value is required for a channel and locale
	RuleType           = "type"            // the value's kind does not match the field type
	RuleUnknownField   = "unknown_field"   // no field with this code in the schema
	RuleLocale         = "locale"          // localizable value without, or with an unknown, locale; or locale on a non-localizable field
	RuleChannel        = "channel"         // scopable value without, or with an unknown, channel; or channel on a non-scopable field
	RuleDuplicateValue = "duplicate_value" // two values for the same field, locale and channel
	RuleMaxLength      = "max_length"      // text longer than the limit, in characters
	RuleMin            = "min"             // number, measurement, price or date below the minimum
	RuleMax            = "max"             // number, measurement, price or date above the maximum
	RuleDecimals       = "decimals"        // more decimal places than allowed
	RuleNegative       = "negative"        // negative number where not allowed
	RuleOption         = "option"          // option code not among the field's options
	RuleUnit           = "unit"            // measurement unit not in the field's unit family
	RuleCurrency       = "currency"        // price currency not used by the record's channels, or repeated
	RuleExtension      = "extension"       // asset file extension not allowed
	RuleMaxSize        = "max_size"        // asset larger than allowed, in bytes
	RuleMaxItems       = "max_items"       // more items than allowed (options, assets)
	RuleGTIN           = "gtin"            // GTIN with a bad length, a non-digit, a wrong check digit or zeros only; in a feed, a GTIN that is not a trade item
	RuleIdentifier     = "identifier"      // SKU or identifier too long or with forbidden characters
	RuleDuplicate      = "duplicate"       // a unique value (SKU, GTIN, code) used twice
	RuleAxisMissing    = "axis_missing"    // a variant lacks a value for one of its axes
	RuleAxisCollision  = "axis_collision"  // two siblings share the same axis combination
	RuleVariantUnique  = "variant_unique"  // a unique field (SKU, GTIN) set on a model instead of a variant
	RuleParent         = "parent"          // a variant's parent is missing or at the wrong level
	RuleReference      = "reference"       // malformed reference to another record
	RuleCode           = "code"            // code with characters other than ASCII letters, digits and '_'
	RuleReserved       = "reserved"        // code is a reserved word such as "sku"
	RuleFieldRule      = "field_rule"      // a field definition sets a rule its type does not have
	RuleAxis           = "axis"            // axis field not select, boolean or measurement, localizable or scopable, or too many axes
	RuleCategory       = "category"        // category code unknown in the tree
	RuleStatus         = "status"          // unknown status
	RuleVATRate        = "vat_rate"        // a price must change VAT basis but no VAT rate is given
	RuleLength         = "length"          // feed attribute longer than the feed allows
	RuleSyntax         = "syntax"          // text cannot be read as the column's type
	RuleTooDense       = "too_dense"       // JSON so dense in tiny elements that decoding it could allocate more than 16 bytes per input byte plus 64 KiB
	RuleTarget         = "target"          // association target kind unknown, or not allowed for its type
	RuleDangling       = "dangling"        // association to a record, model or group the batch does not hold
	RuleQuantity       = "quantity"        // quantity missing or below 1 on a quantified association, or set on one that is not
	RuleAssociation    = "association"     // association type unknown, or an association repeated
	RuleFamily         = "family"          // record of an unknown family, or a family whose code changed
)
