package hostile

import (
	"maps"
	"slices"
	"strings"
)

// knownFailure is a defect the harness finds today.
type knownFailure struct {
	kind string // "panic", "hang" or "alloc"
	why  string
}

// known lists the calls that fail today, each with its defect. A key is a
// call as the test prints it, the function and its arguments' labels,
// where * stands for any argument. The list can only shrink: an entry
// that no call fails any more, or a call that fails differently, fails
// the test until the entry is removed. An entry of kind hang is still
// failing while a call it names takes a quarter of the limit or more.
var known = map[string]knownFailure{
	// catalog: zero values of types that only a constructor makes usable.
	"(*catalog.CSVDecoder).Decode(*)":                          {"panic", "a CSVDecoder not made by NewCSVDecoder (its zero value) dereferences its nil csv reader; return an error"},
	"(*catalog.CSVEncoder).Encode(&catalog.CSVEncoder{}, *)":   {"panic", "the zero CSVEncoder dereferences its nil layout; return an error"},
	"(*catalog.CSVEncoder).Flush(&catalog.CSVEncoder{})":       {"panic", "the zero CSVEncoder dereferences its nil layout; return an error"},
	"(*catalog.JSONDecoder).Decode(*)":                         {"panic", "the zero JSONDecoder, and one made by NewJSONDecoder over a nil reader, dereference a nil json.Decoder"},
	"(*catalog.CategoryError).Error(&catalog.CategoryError{})": {"panic", "Error calls the nil Err's Error"},
	"(*catalog.ImportError).Error(*)":                          {"panic", "Error calls Error on a nil *RowError in Rows"},

	// catalog: nil readers and writers.
	"(*catalog.Compiled).DecodeJSON(*, nil)":               {"panic", "nil io.Reader dereferenced; return an error"},
	"(*catalog.Compiled).NewCSVDecoder(*, nil, *)":         {"panic", "nil io.Reader dereferenced; return an error"},
	"(*catalog.Compiled).ImportCSV(*, nil, *)":             {"panic", "nil io.Reader dereferenced; return an error"},
	"(*catalog.Compiled).EncodeJSON(*, nil, *)":            {"panic", "nil io.Writer dereferenced; return an error"},
	"(*catalog.Compiled).ExportCSV(*, nil, *, *)":          {"panic", "nil io.Writer dereferenced; return an error"},
	"(*catalog.Compiled).ProductGroupJSONLD(*, nil, *, *)": {"panic", "nil io.Writer dereferenced; return an error"},
	"(*catalog.Compiled).WriteFeed(*, nil, *, *, *)":       {"panic", "nil io.Writer dereferenced; return an error"},

	// privacy: nil callbacks and writers.
	"privacy.ConsentModeMapping.Derive(*, nil)":   {"panic", "a nil consented func is called; treat it as no consent or return an error"},
	"privacy.CookieInventory.Settable(*, nil)":    {"panic", "a nil consented func is called; treat it as no consent or return an error"},
	"privacy.ProcessingRecords.WriteJSON(*, nil)": {"panic", "nil io.Writer dereferenced; return an error"},
	"privacy.Receipt.WriteJSON(*, nil)":           {"panic", "nil io.Writer dereferenced; return an error"},
	"privacy.SubjectExport.WriteJSON(*, nil)":     {"panic", "nil io.Writer dereferenced; return an error"},

	// sla: decimal places out of range, and a nil writer.
	"sla.Availability.Percent(*, MaxInt32)": {"hang", "MaxInt32 places: the truncation builds 10^2147483647; bound places"},
	"sla.Availability.Percent(*, MinInt32)": {"panic", "MinInt32 places: overflow in decimal QuoRem; bound places"},
	"sla.Ratio.Decimal(*, MaxInt32)":        {"hang", "MaxInt32 places: the truncation builds 10^2147483647; bound places"},
	"sla.Ratio.Decimal(*, MinInt32)":        {"panic", "MinInt32 places: overflow in decimal QuoRem; bound places"},
	"sla.Ratio.Percent(*, MaxInt32)":        {"hang", "MaxInt32 places: the truncation builds 10^2147483647; bound places"},
	"sla.Ratio.Percent(*, MinInt32)":        {"panic", "MinInt32 places: overflow in decimal QuoRem; bound places"},
	"sla.WriteSVG(nil, *, *)":               {"panic", "nil io.Writer dereferenced; return an error"},
}

// knownFor returns the first entry of the known list, in key order, that
// names k.
func knownFor(k call) (string, knownFailure, bool) {
	for _, p := range knownKeys {
		if matches(p, k) {
			return p, known[p], true
		}
	}
	return "", knownFailure{}, false
}

var knownKeys = slices.Sorted(maps.Keys(known))

// matches reports whether the pattern p names the call k.
func matches(p string, k call) bool {
	args, ok := strings.CutPrefix(p, k.c.name+"(")
	if !ok || !strings.HasSuffix(args, ")") {
		return false
	}
	var ps []string
	if args = strings.TrimSuffix(args, ")"); args != "" {
		ps = strings.Split(args, ", ")
	}
	if len(ps) != len(k.labels) {
		return false
	}
	for i, a := range ps {
		if a != "*" && a != k.labels[i] {
			return false
		}
	}
	return true
}

// mustPanic lists the functions that panic on bad input by design, with
// the reason; their panics are counted but are not failures.
var mustPanic = map[string]string{
	"contract.MustClockTime":  "Must form of NewClockTime, for package-level initialisation",
	"contract.MustParseMoney": "Must form of ParseMoney, for package-level initialisation",
	"contract.MustLocale":     "Must form of ParseLocale, for package-level initialisation",
	"contract.MustDate":       "Must form of NewDate, for package-level initialisation",
	"contract.MustDec":        "Must form of ParseDec, for package-level initialisation",
	"contract.MustParseDate":  "Must form of ParseDate, for package-level initialisation",
}
