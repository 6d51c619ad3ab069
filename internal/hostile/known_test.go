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
var known = map[string]knownFailure{}

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
