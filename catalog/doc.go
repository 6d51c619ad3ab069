// Package catalog is the product-information (PIM) model of pimkit: data
// types, the form designer's field definitions, typed values, validation,
// completeness, identifiers, categories, variants, orders and the exchange
// formats (CSV, JSON, schema.org JSON-LD, Google Merchant Center feeds).
//
// It models the OpenDIMS PIM as its help pages describe it — standard data
// types Product, Category and Order, custom fields added per data type in
// a form designer, storage counted in "values" — and keeps feature parity with
// Akeneo where integrators expect it: localizable and scopable values,
// completeness per channel and locale, product models with variant axes.
// It does no I/O: hosts store the [Record] values it returns and hand in
// [io.Reader] and [io.Writer] for import and export.
//
// # Schemas and the form designer
//
// A [Schema] is the list of [Field] definitions of one [DataType]. Start
// from [ProductSchema] (title, description, price and images; the part
// number is the record's ID) or an empty schema, and add fields with
// [Schema.Add], which refuses malformed, reserved ([IsReserved]: "sku",
// "categories", "values"...) and repeated codes. Field types are
// [Identifier], [TextField], [Textarea], [NumberField], [Measurement],
// [PriceField], [Boolean], [DateField], [SimpleSelect], [MultiSelect],
// [Image], [File], [Reference] and [GTIN], each with its own rules.
//
// [Schema.Compile] checks the schema against the host's [Channel] list
// (locales as [contract.Locale], currencies as [contract.Currency]) and
// compiles it once into a [Compiled] validator: slot maps and precomputed
// rule values, no reflection per record. The configuration types a host
// fills in ([Schema], [Field], [Channel], [CategoryNode], [Variation],
// [Order]) carry `validate` tags, checked by pimkit's one validator when
// they are compiled or validated; hand-written checks cover only the rules
// that span fields. A Schema marshals to JSON with snake_case keys and
// enums as text, and reads back exactly, so a host stores the form
// designer's output beside its records.
//
// # Values and records
//
// A [Record] holds [FieldValue]s: a field code, a locale when the field is
// localizable, a channel when it is scopable, and a typed [Value] built
// with [Text], [Number], [Measure], [Prices], [Bool], [Date], [Option],
// [Options] or [Assets]. Numbers and amounts are exact decimals; no float
// ever holds one. A [Price] is a [contract.Money]: an amount with its
// currency.
//
// # Storage
//
// Every exported value — [Record], [Value], [ChangeSet], [Schema],
// [Channel], [Tree], [Order] and the results — survives encoding/json and
// compares equal with go-cmp without options, so a host stores what the
// package hands back as plain JSON: snake_case keys, enums as snake_case
// text, amounts as {"amount":"199.00","currency":"DKK"}, a Value as
// {"kind":"text","data":"Skjorte"}. [Compiled.EncodeJSON] is the exchange
// form for other systems; a record in schema order (as every decoder here
// returns one) reads back from it equal too.
//
// # Many records in memory
//
// A [Record] is easy to read and costs memory: the Akeneo-shaped product
// of 350 fields in 3 channels and 2 locales (about 600 values) keeps about
// 73 KB live. [Compiled.Pack] turns it into a [Packed] of 11-12 KB
// (measured live heap; the bound tested is 16 KB): one string holding the
// values by their place in the compiled schema, numbers as varint
// coefficient and exponent, locales and channels as small indexes. A host
// keeping a million products in memory keeps them packed and checks each
// with [Compiled.AssessPacked], [Compiled.ValidatePacked] or
// [Compiled.CompletenessPacked] without keeping an unpacked copy;
// [Compiled.Unpack] gives the record back exactly:
//
//	p, err := c.Pack(r)             // 11-12 KB for 600 values
//	completeness, err := c.AssessPacked(p)
//	r, err = c.Unpack(p)            // equal to r under go-cmp
//
// A Packed belongs to the schema that packed it (another one refuses it
// with [ErrSchema]) and survives encoding/json as base64. Streaming needs
// no packing at all: a [CSVDecoder] with ReuseRecord and [Compiled.Assess]
// per record check a catalog of any size in constant memory: a million
// such products (11 GB of CSV) streamed on 2 goroutines peak at about
// 40 MB of RSS.
//
// # Validation
//
// [Compiled.Validate] reports every problem at once in a
// [*contract.ValidationError], pimkit's one error type for rejected input:
// each [contract.Problem] has a JSON path ("values.title[da-DK]",
// "variants[3].axes.size"), a snake_case rule (the Rule constants, such as
// [RuleMaxLength]), the rule's parameter and an English message, and never
// the offending value. [Compiled.ValidateDraft] skips required values;
// [Compiled.ValidateBatch] adds duplicate SKUs and unique values within a
// batch; [Compiled.ValidateProductGroup] checks product models and variants;
// [Compiled.Assess] validates and computes completeness in one pass.
//
// # Completeness, quality and storage
//
// [Compiled.Completeness] applies Akeneo's rule per channel and locale:
// floor(100 x (required - missing) / required), 100 when nothing is
// required, with the missing fields listed; 3 required and 1 missing give
// 66. [Compiled.Quality] grades all fields plus an image criterion A-E
// ([GradeFor]). [Compiled.ValuesPart] gives a data type's share of OpenDIMS
// "values" (records x fields), counted with [contract.Values] and
// [contract.BaseValues] like billing counts them: 5,000 products x 48
// fields with the 1,200 base are 241,200 values; [Compiled.FilledValues]
// counts what a record really stores. Text of white space only ("   ", a
// tab, a no-break space) is stored but counts as missing, for completeness,
// the required check and quality alike.
//
// # Families, attribute groups and associations
//
// A [Family] is an attribute family as Akeneo users mean it: the fields of
// a kind of product, the fields each channel requires, the field that
// labels a product and the one that shows it; a record names its family
// in [Record.Family]. [Compiled.CheckFamily] checks one against the
// schema. [Compiled.FamilyCompleteness] computes completeness as Akeneo
// does: the required fields are the family's requirements for the
// channel, counted per locale of the channel, so with {"ecommerce":
// ["sku", "name", "price"]} a product with an SKU and a Danish name scores
// 66 in ecommerce/da-DK and 33 in ecommerce/en-GB. [SwitchFamily] tells
// what a record gains and loses moving to another family (fields, values,
// requirements). When a family's requirements change,
// [Compiled.RecomputeCompleteness] recomputes only the results that can
// change -- records of that family, channels whose requirements changed --
// reuses the rest, counts both, and names the records whose result
// changed.
//
// A [FamilyVariant] gives a family's variant levels, each with its axes
// and the fields set at that level ([Compiled.CheckFamilyVariant];
// [FamilyVariant.Variation] is the [Variation] a [ProductGroup] uses).
// [AttributeGroup]s order fields on a form ([SortAttributeGroups]); a
// field belongs to one group ([Compiled.CheckAttributeGroups]).
//
// An [Association] links a product or product model to another product,
// product model or group under an [AssociationType]: Akeneo's X_SELL,
// UPSELL, SUBSTITUTION and PACK ([StandardAssociationTypes]; PACK counts
// quantities) or a host's own, quantified or two-way.
// [CheckAssociations] checks every association of a [Batch] -- types,
// quantities, repeats, and targets that the batch does not hold (rule
// dangling, path "products[3].associations[1].id");
// [TwoWayAssociations] writes the backward link of each two-way one.
//
// # Measurement families and units
//
// [MeasurementFamilies] returns Akeneo's 18 standard families (Area,
// Binary, Decibel, Frequency, Length, Power, Voltage, Intensity,
// Resistance, Speed, ElectricCharge, Duration, Temperature, Volume,
// Weight, Pressure, Energy, CaseBox) with Akeneo's unit codes and
// symbols. A [Unit] converts to its family's standard unit as (v x Factor
// + Offset) / Divisor, so every conversion is one fraction of exact
// decimals: [UnitFamily.Convert] multiplies exactly (1500 GRAM is 1.5000
// KILOGRAM) and divides at most once, rounding half away from zero to 20
// decimals when the quotient does not end. The units that divide are
// Fahrenheit and Rankine (x 5/9), the coulombs (1 C = 1/3600 Ah), the
// per-minute and per-hour speeds (1 km/h = 1000/3600 m/s), pounds-force
// per square inch and torr: 1 FAHRENHEIT is 255.92777777777777777778
// KELVIN, 1 KILOMETER_PER_HOUR 0.27777777777777777778 METER_PER_SECOND.
//
// The factors follow the SI Brochure (9th edition), NIST SP 811 and NIST
// Handbook 44. They differ from Akeneo's in these units:
//
//   - Pressure ATM, PSI, TORR and MMHG: Akeneo has the inverses. pimkit: 1
//     atm = 1.01325 bar, 1 psi = 4.4482216152605 N / 0.00064516 m²
//     (0.0689475729... bar), 1 Torr = 1.01325/760 bar, 1 mmHg =
//     0.00133322387415 bar (conventional).
//   - Duration MONTH: Akeneo's 18,748,800 s is 217 days. pimkit: a
//     twelfth of its 365-day YEAR, 2,628,000 s (30.4166... days).
//   - Area ACRE: 4046.8564224 m² (43,560 ft²), not Akeneo's truncated
//     4046.856422; SQUARE_FURLONG: 40468.564224 m² ((660 ft)²), not
//     Akeneo's 40468.726 (the US survey furlong).
//   - Volume CUBIC_FOOT, CUBIC_INCH, CUBIC_YARD: the exact cubes of 0.3048,
//     0.0254 and 0.9144 m, not Akeneo's rounded 6.54119159/231,
//     0.0037854118/231 and 0.764554861.
//
// Kept as Akeneo has them, though no SI or NIST definition backs them:
// KILOBYTE and up as powers of 1024, ARPENT, and the old French weights
// ONCE, MARC and LIVRE; DENIER is a yarn density, not a mass.
//
// A measurement field's Decimals, Min and Max all apply to the amount in
// the field's unit (its DefaultUnit, else the standard unit), the entered
// amount converted exactly: 0.81 METER on a CENTIMETER field with
// Decimals 1 is 81 and passes.
//
// # Identifiers and numbers
//
// [CheckGTIN] checks GTIN-8, -12, -13 and -14 check digits (GS1 weights 3
// and 1 from the right) and refuses all-zero numbers, [GTIN14] normalises,
// [ClassifyGTIN] tells from the GS1 prefix what a number identifies
// (a trade item, a restricted-circulation number such as "2012345000018"
// for goods weighed in store, a coupon, a refund receipt, an ISSN, ISBN or
// ISMN), [CheckISBN], [ISBN13] and [ISBN10] check and convert ISBNs
// (979-0 is printed music: [CheckISMN]). [NumberFormatFor] gives a locale's
// separators from CLDR and [NumberFormat.Parse] reads numbers strictly:
// with Danish "18,50" is 18.50, "1.234,5" is 1234.5 and "18.50" is an
// error, never 1850.
//
// # Categories, variants, changes and orders
//
// A [Tree] holds categories of any depth; [Tree.Move] refuses cycles with
// [ErrCycle]. A [ProductGroup] is a product model with one or two variant levels
// and up to [MaxAxes] axes ([Variation]); [ProductGroup.Variants] lists the
// variants with inherited values. [Diff] returns the [ChangeSet] between
// two versions, [ChangeSet.ForChannel] what one channel needs.
// [Order.Totals] rounds per line, then sums; [ConvertPrice] moves a price
// between excl. and incl. VAT at a rate read from the VAT table the whole
// library shares ([contract.EUVATRates]: Denmark 25 %).
//
// # Import and export
//
// [Compiled.ImportCSV] and [Compiled.NewCSVDecoder] read CSV against the
// schema with a number format chosen per import ([CSVOptions]); bad rows
// come back as [*RowError]s with row and column while good rows are still
// returned; each record carries its source line in [Record.Row] (the
// header is line 1). [Compiled.ExportCSV] writes the same layout; export then import
// is exact. [Compiled.EncodeJSON] and [Compiled.NewJSONDecoder] use a JSON
// form with a stable key order and amounts as fixed-scale strings.
//
// A catalog of any size streams record by record into one reused
// [Record]: [CSVDecoder.DecodeInto] and [JSONDecoder.DecodeInto] (and
// catalog/akeneo's Decoder.Decode for Akeneo's JSON) overwrite the
// record's values in place, so a host validates each record
// ([Compiled.Assess]) and stores or drops it in the memory of one:
//
//	var r catalog.Record
//	for {
//		err := d.DecodeInto(&r) // d from c.NewCSVDecoder(file, opts)
//		var bad *catalog.RowError
//		switch {
//		case err == io.EOF:
//			return nil
//		case errors.As(err, &bad):
//			continue // a bad row; the next call reads the next one
//		case err != nil:
//			return err
//		}
//		report, _ := c.Assess(r) // validation and completeness
//		store(r.ID, report)      // text may be kept; r.Values is reused
//	}
//
// The CSV decoder splits rows as encoding/csv does (the same records, row
// numbers and error positions; a fuzz target compares the two) into one
// string per row, and parses plain numbers and dates directly; the JSON
// decoder reads the exchange form straight from its bytes, numbers to an
// integer coefficient and strings into one allocation per record, and
// leaves any record it does not read whole to encoding/json, which
// reports its errors as before.
// [Compiled.ProductJSONLD] and [Compiled.ProductGroupJSONLD] write
// schema.org markup; [Feed] writes a Merchant Center feed (see "Merchant
// Center feeds").
//
// Every decimal the package reads from JSON -- a unit's factor and
// offset, a field's bounds, an order line's quantity and VAT rate -- is a
// [contract.Decimal], read by the one bounded parser (at most
// [contract.MaxDecimalText] characters), and every number in a record at
// most 100 characters, so a megabyte of digits is refused at once. The
// decoders allocate at most 16 bytes per input byte plus 64 KiB, which
// the benchmark BenchmarkDecoderHostile measures on hostile input: JSON
// so dense in tiny elements ({},{},...) that decoding it could cost more
// is refused before it is decoded with a problem of rule [RuleTooDense];
// CSV input whose bad rows, or ImportCSV input whose rows, are too small
// and many for the bound ends with an error wrapping [ErrSyntax].
//
// # Product queries
//
// [ParseQuery] reads Akeneo's search parameter -- filters on the
// properties enabled, family, categories, groups, completeness, created,
// updated, parent, uuid and identifier, and on field values by type, with
// locale and scope -- into a [Query], a plain value whose [Filter]s a host
// stores, sends as JSON or walks to build its own SQL:
//
//	q, err := catalog.ParseQuery(c, []byte(`{"enabled":[{"operator":"=","value":true}],
//		"title":[{"operator":"CONTAINS","value":"mug","locale":"en_GB"}]}`), catalog.SearchOptions{})
//	m, err := catalog.NewMatcher(c, q, catalog.QueryContext{At: now})
//	for r := range m.Filter(records) { ... }
//
// An operator Akeneo does not allow on the property or field type is a
// problem of rule [RuleOperator] ("family[0].operator: operator(CONTAINS)"),
// a value of the wrong type one of rule type ("stock[0].value:
// type(number)"), all at once. [NewMatcher] evaluates over an
// iter.Seq of records in memory without allocating per record: three
// filters over 160,000 records take about 21 ms of CPU time
// (BenchmarkQuery160k; 45-70 ms of wall time on a shared, loaded
// two-core machine).
//
// # Merchant Center feeds
//
// [NewFeed] binds a compiled schema to [FeedOptions]: the locale, channel
// and currency, the [FeedMapping] from schema fields to Google's
// attributes ([DefaultFeedMapping] maps each to the field of its name),
// the destination country whose VAT consumer prices include, and the
// products' price histories. [Feed.WriteTSV] writes tab-separated text,
// [Feed.WriteXML] RSS 2.0 with the g: namespace; [Feed.Items] gives the
// items to render otherwise. The attributes every item needs are
// [FeedRequired] (id, title, description, link, image_link, availability,
// price); the others follow Google's conditional rules: a GTIN must be a
// trade item's ([ClassifyGTIN]: restricted-circulation numbers and coupons
// are refused), without a GTIN and both brand and mpn identifier_exists is
// no, variants carry item_group_id and the attributes their group varies
// by, apparel needs color, gender and age_group, every attribute keeps its
// length limit (title 150, description 5000, id 50). A product that breaks
// a rule is left out and reported in the [FeedReport] with the attribute
// and the rule ("description: required"); the feed is still written.
//
// # Prices consumers see
//
// [ConsumerPriceIn] adds the destination country's standard VAT from the
// dated table ([contract.EUVATRates]) on a day: 100.00 EUR net is 119.00
// EUR in Germany. An announced reduction must show the lowest price of the
// 30 days before it (Directive 98/6/EC Art. 6a): [PriceHistory.PriorPrice]
// computes it from the host's history, counting the 30 days exactly (a
// price that ended on day -31 does not count), and the feed refuses a
// sale_price without it, writing that prior price as price.
//
// # Product safety
//
// [SafetyFields] are the fields an online offer to EU consumers must show
// (Regulation (EU) 2023/988 Art. 19): manufacturer's name, postal and
// electronic address and country, the product's type or batch, and
// warnings and safety information, localizable so that every language of
// a channel requires them. Added to a schema and required in the channels
// selling to EU consumers, they count for completeness; [CheckSafety]
// requires the responsible person in the Union where the manufacturer is
// outside it.
//
// # Errors
//
// Errors are prefixed "catalog:" and match [ErrInvalid], [ErrSyntax],
// [ErrCycle], [ErrNotFound], [ErrEnum] or [ErrNil] (a nil reader or
// writer) with [errors.Is]. Rejected input
// is a [*contract.ValidationError] (wrapping ErrInvalid), found with one
// [errors.As] as in every pimkit package; a CSV row's [*RowError] and an
// import's [*ImportError] unwrap to one. The other typed errors
// ([*IdentifierError], [*NumberError], [*JSONError], [*CategoryError]) say
// why text or a tree operation was refused. No input makes the package
// panic; the parsers are fuzzed.
//
// # Consumer sales: the right of withdrawal
//
// A webshop on pimkit that sells to consumers at a distance owes them the
// right of withdrawal of Directive 2011/83/EU, which the OpenDIMS terms
// exclude only for their own business customers (terms 19.5). A
// [DistanceSale] is an [Order] with the facts the right turns on (a
// consumer or a business, goods, a service or digital content, the days of
// conclusion and delivery, whether the consumer was informed, an Art. 16
// exception). [DistanceSale.WithdrawalPeriod] decides it on a day with its
// citations: 14 days from delivery of goods or conclusion of a service
// (Art. 9), counted by the trader's [contract.Counter] and rolled past
// weekends and holidays (goods delivered on Thu 2026-06-25 may be returned
// until the end of Thu 2026-07-09); 12 months more when the consumer was
// not informed, or 14 days from late information (Art. 10); none under the
// exceptions of Art. 16 ([WithdrawalException]). [DistanceSale.Obligations]
// gives the dated duties for the obligations calendar: the withdrawal
// function online shops must offer from 2026-06-19 (Art. 11a, added by
// Directive 2023/2673), and after a withdrawal the refund and the return of
// the goods within 14 days (Art. 13, 14).
//
// # Performance
//
// Measured with the benchmarks in bench_test.go on the 2-core development
// machine (AMD EPYC "Turin" VM, go1.26), which other jobs shared at a load
// average of 5 to 20, so wall times vary run to run; CPU time does not
// depend on that load. Medians of 6 runs:
//
//   - An Akeneo-sized workload, 160,000 products x 350 fields x 3
//     channels x 2 locales (about 610 values per product), each product
//     validated and its 6 completeness figures computed with
//     [Compiled.Assess] on 2 goroutines: 4.6 s wall (1.8 s in the
//     quietest run, 8-30 s while the machine ran at load 15-20), 3.7
//     CPU-seconds, i.e. under 2 s on 2 idle cores; the target is 10 s.
//   - One 350-field product, interleaved in the same loop: validation
//     21 µs against 736 µs for encoding/json decoding the same product
//     into its wire struct, a ratio of 0.03 (the target is at most 3);
//     on an idle Intel Xeon VM, 13 µs against 465 µs (0.028).
//   - [Compiled.DecodeJSON] of that product (41 KB), in the same loop as
//     encoding/json decoding the same bytes into a fully typed struct
//     (one field per schema field, every value a string, json.Number,
//     bool, slice or struct; no maps or RawMessage): 0.53 of its time
//     (medians of 6 on an Intel Xeon VM at load 5-8; the target is at
//     most 1), allocating 1.7 bytes per input byte in 35 allocations
//     (the target is at most 2; encoding/json's typed struct takes 1.8
//     and 1,751).
//   - CSV, 500 such products (about 790 columns, Danish numbers), in the
//     same loop as bare encoding/csv with ReuseRecord reading the same
//     file: a streaming import with [CSVDecoder.ReuseRecord] (or
//     [CSVDecoder.DecodeInto]) reaches 0.75 of the bare throughput in CPU
//     time (medians of 6 at load 5-8, single runs from 0.54 to 0.94; the target
//     is 0.6). [Compiled.ImportCSV], which keeps every record (about 37 MB
//     of values), is slower: the cost is allocating and
//     garbage-collecting the values it returns.
//   - A million distinct such products generated as CSV (11 GB), streamed
//     through a [CSVDecoder] with ReuseRecord and [Compiled.Assess] on 2
//     goroutines, 6 runs: peak RSS 35-119 MB (median 39 MB; the peak
//     grows when other jobs starve the collector) and 42-46 CPU-seconds
//     (median 44), so about 22 s on 2 idle cores; wall 30.4 s in the
//     quietest run (load 4.4), median 59 s at load 4-9. The target is
//     30 s within 1 GB. [Compiled.Pack] keeps
//     the product in 11.4 KB of live heap (12.3 KB as decoded from the
//     CSV, with longer SKUs), and [Compiled.AssessPacked] costs 1.4-1.8
//     times [Compiled.Assess] of the Record.
package catalog
