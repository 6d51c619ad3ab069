// Package gpp decodes and encodes strings of the IAB Global Privacy
// Platform (GPP) version 1: the one consent string a CMP writes for a
// visitor wherever they are, carrying the EU TCF beside the Canadian TCF,
// the legacy US Privacy string and the US national and state privacy
// sections.
//
// The format is the IAB Tech Lab's "Consent String Specification" of the
// GPP and its section specifications; field names follow them and the
// official JavaScript library @iabgpp/cmpapi 3.2.0, whose GppModel output
// [Encode] reproduces byte for byte and whose reading [Decode] matches (a
// cross-check in testdata/crosscheck compares thousands of random models
// both ways with node). The package does no I/O and reads no clock.
//
// # The string
//
// A GPP string is a header and sections joined by "~": "DBABLA~CEAQGAAAAACA.QA"
// is the header (ID 3, version 1, and the section IDs as Fibonacci-coded
// ranges, here [7]) and one usnat section of two "."-separated segments,
// its core and its GPC sub-section. [Decode] returns a [String]:
//
//	s, err := gpp.Decode(r.Header.Get("Sec-GPP")) // or the __gpp API's gppString
//	if err != nil { ... }                         // errors.Is(err, gpp.ErrHeader), ...
//	for _, us := range s.US {
//		if us.SaleOptOut == gpp.Yes { ... }       // the consumer opted out of sale
//	}
//
// The sections are typed: [TCFEUv2] (fields of a TC string, with
// privacy/tcf's [tcf.IDSet] and [tcf.VendorSet]; [TCFEUv2.TCString]
// converts to privacy/tcf for its checks), [TCFCAv1], [USPv1], and [US]
// for usnat and the state sections usca, usva, usco, usut, usct, usfl,
// usmt, usor, ustx, usde, usia, usne, usnh, usnj, ustn, usmn, usmd, usin,
// usky and usri. A [US] value holds any of them: [FieldsOf] lists the
// fields a section has and Encode refuses any other field set. Two-bit
// values are a [Choice], whose 1 and 2 mean "yes"/"opted out" or "no
// consent" depending on the field, as each field's documentation says.
// Sections of IDs this package does not know are kept verbatim.
//
// # Encoding
//
// Build a [String] and call [Encode]; [NewUS] returns a section as the
// official library creates it (MspaCoveredTransaction Yes, the GPC
// sub-section included). Encode checks first and reports every problem at
// once (a value of 3, a field the section lacks, two sections of one ID);
// for every string Decode accepts, Encode(Decode(x)) decodes to the same
// value, and for strings the official library writes it returns x itself.
//
// # Global Privacy Control
//
// A US section's Gpc field carries the browser's GPC signal; which
// opt-outs it stands for is the law's question. [GPCMapping] names them
// and [GPCMapping.Apply] sets them, recording each change with the
// provisions it rests on ([DefaultGPCMapping]: sale and sharing under
// Cal. Civ. Code § 1798.135(e) and Cal. Code Regs. tit. 11 § 7025, sale
// and targeted advertising under C.R.S. § 6-1-1306(1)(a)(IV)).
//
// # Errors and limits
//
// Malformed strings are reported in a [*contract.ValidationError] whose
// problem names the section, the field and the bit offset
// ("usca.SaleOptOut", bit 12) and which matches this package's sentinels
// with errors.Is; messages never repeat the string. Decode reads at most
// [MaxLength] characters and allocates at most 16 bytes per input byte
// plus 64 KiB: vendor lists are built as bits or as runs, whichever is
// smaller, and the header's ranges are never expanded beyond the sections
// the string has. It is stricter than the official library where that
// library would accept values the specification does not define (see
// [Decode]). Decoding a 503-character string with a tcfeuv2 section (about
// 250 consented vendors) and a usnat section takes about 1.8 us and 13
// allocations on one core of a 2-core Xeon (BenchmarkDecode); the official
// library takes about 200 us in node on the same core (testdata/crosscheck/bench.mjs).
package gpp
