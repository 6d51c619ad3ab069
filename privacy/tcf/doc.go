// Package tcf decodes and encodes TC strings of the IAB Europe Transparency
// and Consent Framework, versions 2.2 and 2.3: the consent signal that a
// consent banner (CMP) writes and that every advertising and analytics
// vendor reads.
//
// The format is the IAB Tech Lab's "Consent string and vendor list formats
// v2" (the spec); field names follow it and the official JavaScript library
// @iabtechlabtcf/core, whose output [Encode] reproduces byte for byte. The
// package does no I/O and reads no clock. Mapping a TC string onto a site's
// own purposes and recording it as consent proof is package privacy's work;
// this package only reads and writes the signal.
//
// # Decoding a string from a banner
//
// [Decode] turns the string into a [TCString]: the core segment (when and by
// which CMP the choice was made, the Global Vendor List and policy versions,
// purposes, special features, vendors, publisher restrictions) and the
// optional segments (disclosed vendors, allowed vendors, publisher TC with
// custom purposes), each flagged by a Has field.
//
//	tc, err := tcf.Decode(cookieValue)
//	if err != nil { ... }                      // errors.Is(err, tcf.ErrPolicyVersion), ...
//	ok := tc.PurposeConsents.Has(1) && tc.VendorConsents.Has(755)
//
// Purposes and special features are an [IDSet] (a bit mask of IDs 1-64);
// vendors are a [VendorSet], an immutable bitset (or list of ranges, when
// that is smaller) with ascending iteration.
// [TCString.Restriction] looks up a publisher restriction for a vendor and
// purpose.
//
// # Building and encoding a string
//
// Fill a [TCString] and call [Encode]. Encode validates first ([Validate]
// reports every problem at once) and then writes the canonical encoding: the
// segments in the order core, disclosed vendors, allowed vendors, publisher
// TC;
// each padded to a multiple of 24 bits and written as base64url without
// padding; each vendor list as a bit field or as ranges by the official
// library's rule, including its near-break-even quirk (see [Encode]). For
// every valid model, Decode(Encode(m)) equals m, with times rounded to the
// decisecond the format stores. A TCString is also an
// encoding.TextMarshaler, so a struct field of that type is stored as its
// TC string in JSON.
//
// # Errors
//
// Decode, Encode and Validate return pimkit's one error type, a
// [*contract.ValidationError], whose [contract.Problem]s each name the field
// in the format's own spelling ("core.purposeLegitimateInterests[3]") as
// Path, the rule as a snake_case name ("legitimate_interest"), the
// offending code as Param and, in Message, the segment and, for decoded
// strings, the bit offset. It unwraps to the sentinels of the problems
// found, such as [ErrTruncated], [ErrVersion], [ErrVendorListVersion],
// [ErrPolicyVersion], [ErrLegitimateInterest], [ErrMissingRestrictionCount],
// [ErrUnknownSegment] or [ErrBase64], so errors.Is tells them apart. Decode
// stops at the first structural problem (a string cannot be read past it)
// and reports all problems with the values it read at once. No message
// repeats the TC string. Neither Decode nor Encode panics on any input;
// both are fuzzed.
//
// # Storage
//
// Every exported value survives encoding/json and compares equal with
// go-cmp: a TCString is stored as its TC string, an [IDSet] or
// [VendorSet] as its runs ("{1-3 10}"), the enums as snake_case text
// ("require_consent", "vendors_disclosed", "from_v23"), the other structs
// with snake_case keys. A [GVL] and its parts keep the IAB's own JSON
// format and camelCase keys ("legIntPurposes"), so a stored list is a
// vendor-list file again.
//
// # Policy versions and TCF v2.3
//
// [Options] carries the rules a string is checked against. PolicyVersions
// lists the accepted TCF policy versions, by default 4 (TCF v2.2) and 5
// (the current Global Vendor List, kept by TCF v2.3); a string of an older
// policy must be re-consented and is rejected with [ErrPolicyVersion]. From
// policy version 4, legitimate interest may not be signalled for purposes 3
// to 6 (and never for purpose 1).
//
// TCF v2.3 made the disclosed-vendors segment mandatory for strings created
// after 28 February 2026. Policy version 5 covers strings from before and
// after that day, so [DisclosedFromV23], the default [DisclosedRule],
// decides by the Created time: a string created on or after 2026-03-01 UTC
// without the segment is rejected with [ErrMissingVendorsDisclosed], an older
// one is accepted. [DisclosedRequired] and [DisclosedOptional] override
// this.
//
// # Vendor permissions from the Global Vendor List
//
// A TC string alone does not answer the question a tag manager asks: "may
// vendor V process for purpose P?". That needs what V declared in the
// Global Vendor List. [ParseGVL] reads the list in the IAB's JSON format
// (version 3) from an io.Reader: purposes, special purposes, features,
// special features, data categories, stacks and the vendors with their
// purposes on consent and on legitimate interest, flexible purposes,
// special purposes and features, data retention, data declaration, URLs and
// deletion date. It checks the format's constraints (no purpose on both
// bases, flexible purposes declared, IDs in range) and reports every
// problem at once, wrapping [ErrGVL].
//
// [GVL.Permission] then decides, as a [contract.Decision] with its reason
// and citations (the TCF technical specification v2.3, the implementation
// guidelines, the TCF Policies, GDPR Art. 6(1)), in the order the
// guidelines give: a vendor unknown or deleted has no legal basis; a
// publisher restriction of type 0 forbids the purpose; the vendor's
// declared basis applies unless a restriction of type 1 or 2 switches a
// flexible purpose (and forbids a non-flexible one declared on the other
// basis); consent needs the purpose and vendor consent bits; legitimate
// interest is never available for purpose 1 nor, from policy version 4,
// for purposes 3-6, needs the vendor disclosed (TCF v2.3: a string created
// from 2026-03-01 must list it in the disclosed-vendors segment) and both
// legitimate-interest bits. Purpose one treatment allows purpose 1 under
// the publisher's country's law. [GVL.SpecialPurpose] and
// [GVL.SpecialFeature] decide special purposes (declared and disclosed)
// and special features (declared and opted in).
//
//	g, err := tcf.ParseGVL(file)               // the host opens the file
//	d := g.Permission(tc, 755, 2, now)
//	if !d.Allowed { log(d) }                   // "the user did not consent to purpose 2 (...)"
//
// A check costs about 90 ns of CPU and one allocation (the reason's
// argument) on the benchmark's list of 1,000 vendors. ParseGVL allocates
// at most 16 bytes per input byte plus 64 KiB: it counts each list of IDs
// before it decodes it, decodes vendors in two steps to know their number
// first, and refuses denser input with rule "too_dense"; it reads at most
// [MaxGVLBytes].
//
// # Compatibility with the official library
//
// The directory testdata/crosscheck holds a Node.js script with a locked
// @iabtechlabtcf/core and run.sh, which encodes and decodes thousands of
// seeded random models with both implementations and compares them in both
// directions. Like the official library, Decode rejects padding characters,
// accepts any number of trailing padding bits, accepts the segments after the
// core one in any order and rejects CMP IDs 0 and 1. Unlike it, Decode is
// strict where the library silently repairs: it rejects letter codes outside
// A-Z, range entries beyond MaxVendorId or reversed, and duplicate segments,
// and it never drops publisher restrictions or signals against a vendor list
// (that filtering needs the Global Vendor List, which the host has).
//
// # Performance
//
// Decoding the typical string of bench_test.go (320 vendor consents among
// IDs up to 1200, 800 disclosed vendors, two publisher restrictions, a
// publisher TC segment) costs about 1.5 µs of CPU and two allocations (one
// arena for all vendor sets, one slice for the restrictions); encoding it
// about 1.8 µs and one allocation, the result.
//
// Decode allocates at most 16 bytes per byte of its input plus 64 KiB,
// whatever the input: it reads at most the four segments a valid string
// can hold, sizes nothing by the number of dots, and keeps a vendor
// section's range entries as ranges (a word each) when a bitset would be
// larger, so a 33-bit range entry for vendors 1-65535 costs two words, not
// an 8 KiB bitset. The worst case measured is a string of 4,095 publisher
// restrictions without vendors: about 15 bytes per byte, most of it the
// PublisherRestriction values. VendorSet.UnmarshalText and
// IDSet.UnmarshalText keep the same bound.
package tcf
