package tcf

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
	"time"
	"unsafe"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/jsonbound"
)

// GVL is a TCF Global Vendor List, format version 3 (TCF v2.2 and v2.3):
// the purposes, special purposes, features, special features, data
// categories and stacks the framework defines, and the vendors registered
// with what each declares (spec "The Global Vendor List", "Example Global
// Vendor List JSON Object").
//
// Its JSON is the IAB's own format, with the IAB's camelCase keys
// ("vendorListVersion", "legIntPurposes"), so a GVL marshals to a file
// [ParseGVL] reads back. Maps are keyed by ID, as the file's objects are
// ("1": {...}). Optional fields absent from the file stay zero.
//
// A GVL is a plain value, safe to share between goroutines once parsed;
// [GVL.Permission] only reads it.
type GVL struct {
	// GVLSpecificationVersion is the version of the list's format: 3.
	GVLSpecificationVersion int `json:"gvlSpecificationVersion"`
	// VendorListVersion is the list's version, incremented with each
	// published change (a TC string's VendorListVersion names one).
	VendorListVersion int `json:"vendorListVersion"`
	// TCFPolicyVersion is the TCF policy version of the list: 4 for TCF
	// v2.2, 5 from 2024 (TCF v2.2 and v2.3).
	TCFPolicyVersion int `json:"tcfPolicyVersion"`
	// LastUpdated is when the list was last changed.
	LastUpdated time.Time `json:"lastUpdated,omitzero"`
	// Purposes are the purposes 1-24, by ID.
	Purposes map[int]Purpose `json:"purposes"`
	// SpecialPurposes are the special purposes, by ID; a vendor may
	// process for them on legitimate interest with no right to object.
	SpecialPurposes map[int]Purpose `json:"specialPurposes"`
	// Features are the features, by ID.
	Features map[int]Purpose `json:"features"`
	// SpecialFeatures are the special features, by ID; a vendor may use
	// one only with the user's opt-in.
	SpecialFeatures map[int]Purpose `json:"specialFeatures"`
	// DataCategories are the categories of data vendors declare, by ID.
	DataCategories map[int]DataCategory `json:"dataCategories"`
	// Stacks are the stacks of purposes and special features a CMP may
	// show together, by ID.
	Stacks map[int]Stack `json:"stacks"`
	// Vendors are the registered vendors, by ID, including deleted ones
	// (those with a DeletedDate).
	Vendors map[int]Vendor `json:"vendors"`
}

// Purpose is a purpose, special purpose, feature or special feature of the
// list. The file's default for Consentable and RightToObject is true: a
// purpose whose object lacks the key reads as true.
type Purpose struct {
	// ID is the purpose's ID; it equals its key in the list.
	ID int `json:"id"`
	// Name is the purpose's standard name: "Store and/or access
	// information on a device".
	Name string `json:"name"`
	// Description is the standard text shown to users.
	Description string `json:"description"`
	// Illustrations are the standard examples.
	Illustrations []string `json:"illustrations"`
	// Consentable is false when CMPs must never offer an opt-in consent
	// for it (purposes 10-11 and special purposes); the file's default,
	// when the key is absent, is true.
	Consentable bool `json:"consentable"`
	// RightToObject is false when CMPs must never offer a right to object
	// to it; the file's default is true.
	RightToObject bool `json:"rightToObject"`
}

// DataCategory is a category of data of the list, such as 1 "IP
// addresses".
type DataCategory struct {
	// ID is the category's ID; it equals its key in the list.
	ID int `json:"id"`
	// Name is the category's name.
	Name string `json:"name"`
	// Description is the category's description.
	Description string `json:"description"`
}

// Stack is a stack of the list: purposes and special features a CMP may
// present under one description.
type Stack struct {
	// ID is the stack's ID; it equals its key in the list.
	ID int `json:"id"`
	// Purposes are the purposes of the stack.
	Purposes []int `json:"purposes"`
	// SpecialFeatures are the special features of the stack.
	SpecialFeatures []int `json:"specialFeatures"`
	// Name is the stack's name.
	Name string `json:"name"`
	// Description is the stack's description.
	Description string `json:"description"`
}

// Vendor is a vendor of the list and what it declares (spec "Example
// Global Vendor List JSON Object", the vendors).
type Vendor struct {
	// ID is the vendor's ID, 1 to [MaxVendorID]; it equals its key.
	ID int `json:"id"`
	// Name is the vendor's name.
	Name string `json:"name"`
	// Purposes are the purposes the vendor declares on consent by
	// default.
	Purposes []int `json:"purposes"`
	// LegIntPurposes are the purposes it declares on legitimate interest
	// by default; a purpose is never in both lists.
	LegIntPurposes []int `json:"legIntPurposes"`
	// FlexiblePurposes are the purposes, from the two lists above, for
	// which it accepts the other legal basis when a publisher restriction
	// requires it.
	FlexiblePurposes []int `json:"flexiblePurposes"`
	// SpecialPurposes are the special purposes it declares (legitimate
	// interest, no right to object).
	SpecialPurposes []int `json:"specialPurposes"`
	// Features are the features it may use.
	Features []int `json:"features"`
	// SpecialFeatures are the special features it may use with the user's
	// opt-in.
	SpecialFeatures []int `json:"specialFeatures"`
	// DataRetention is how long it keeps data, in days.
	DataRetention DataRetention `json:"dataRetention,omitzero"`
	// DataDeclaration are the data categories it declares.
	DataDeclaration []int `json:"dataDeclaration"`
	// URLs are its privacy policy and legitimate-interest claim pages, one
	// per language.
	URLs []VendorURL `json:"urls"`
	// UsesCookies, CookieMaxAgeSeconds, CookieRefresh and
	// UsesNonCookieAccess disclose its device storage (the fields relating
	// to the Planet49 ruling); CookieMaxAgeSeconds is -1 for a session
	// cookie.
	UsesCookies         bool  `json:"usesCookies"`
	CookieMaxAgeSeconds int64 `json:"cookieMaxAgeSeconds"`
	CookieRefresh       bool  `json:"cookieRefresh"`
	UsesNonCookieAccess bool  `json:"usesNonCookieAccess"`
	// DeviceStorageDisclosureURL is its device storage disclosure file.
	DeviceStorageDisclosureURL string `json:"deviceStorageDisclosureUrl"`
	// DeletedDate, when set, is when the vendor was deleted from the
	// list: from then on it must not be established with users and has
	// no legal basis ([GVL.Permission]).
	DeletedDate time.Time `json:"deletedDate,omitzero"`
}

// DataRetention is a vendor's retention in days: StdRetention for every
// purpose not listed, and per purpose or special purpose where it differs.
type DataRetention struct {
	// StdRetention is the retention for every declared purpose not listed
	// below; 0 when the vendor states none.
	StdRetention int `json:"stdRetention"`
	// Purposes maps purpose IDs to days.
	Purposes map[int]int `json:"purposes"`
	// SpecialPurposes maps special purpose IDs to days.
	SpecialPurposes map[int]int `json:"specialPurposes"`
}

// VendorURL is a vendor's privacy policy page in one language.
type VendorURL struct {
	// LangID is the page's language, such as "en".
	LangID string `json:"langId"`
	// Privacy is the privacy policy's address.
	Privacy string `json:"privacy"`
	// LegIntClaim is the address of its legitimate interest claim.
	LegIntClaim string `json:"legIntClaim"`
}

// MaxGVLBytes is the largest list [ParseGVL] reads: 32 MiB. The IAB's
// list of 2025 with about 1,000 vendors is about 1.5 MB.
const MaxGVLBytes = 32 << 20

// ErrGVL reports a Global Vendor List that is not valid JSON of the
// format, is larger than [MaxGVLBytes], or whose content breaks the
// format's constraints; the *contract.ValidationError listing the problems
// unwraps to it.
var ErrGVL = errors.New("tcf: invalid global vendor list")

// gvlCost prices a list's JSON: each object member may be a map entry of
// a purpose; array elements are IDs, strings (counted before they are
// decoded) or URLs.
var gvlCost = jsonbound.Cost{
	Heavy:  4 * int(unsafe.Sizeof(VendorURL{})),
	Light:  24,
	Member: int(unsafe.Sizeof(Purpose{})) + 32,
}

// vendorCost is what one vendor costs beyond its JSON: the struct and its
// map entry. Vendors are decoded in two steps, first as raw JSON, so that
// their number is known before a struct is allocated for each.
const vendorCost = int(unsafe.Sizeof(Vendor{})) + 64

// gvlProblems limits the problems a parse lists.
const gvlProblems = 100

// ParseGVL reads a Global Vendor List in the IAB's JSON format (version 3)
// from r and checks it: every map key equals its entry's ID; vendor IDs
// are 1 to [MaxVendorID]; a vendor's purposes are 1-24 and published in the
// list, never both on consent and on legitimate interest, and its flexible
// purposes are among them; special features are 1-12. Consentable and
// RightToObject absent from the file are true, its default.
//
// Every problem comes back at once in a [*contract.ValidationError]
// wrapping [ErrGVL], with JSON paths such as "vendors.8.flexiblePurposes[0]"
// and rules such as "flexible_not_declared". Malformed JSON and input
// larger than [MaxGVLBytes] are errors wrapping ErrGVL too.
//
// Memory: at most 16 bytes per input byte plus 64 KiB; a list dense
// enough to cost more, such as a megabyte of empty vendors ("1":{},), is
// refused with rule "too_dense" before it is decoded.
func ParseGVL(r io.Reader) (GVL, error) {
	if r == nil {
		return GVL{}, gvlError("", "required", "")
	}
	b, err := io.ReadAll(io.LimitReader(r, MaxGVLBytes+1))
	if err != nil {
		return GVL{}, errors.Join(ErrGVL, err)
	}
	if len(b) > MaxGVLBytes {
		return GVL{}, gvlError("", "too_large", strconv.Itoa(MaxGVLBytes))
	}
	if gvlCost.Dense(b) {
		return GVL{}, gvlError("", "too_dense", "")
	}
	var raw struct {
		GVL
		Vendors map[int]json.RawMessage `json:"vendors"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return GVL{}, gvlError("", "json", jsonProblem(err))
	}
	if len(raw.Vendors)*vendorCost > jsonbound.Bound(len(b)) {
		return GVL{}, gvlError("vendors", "too_dense", "")
	}
	g := raw.GVL
	if raw.Vendors != nil {
		g.Vendors = make(map[int]Vendor, len(raw.Vendors))
	}
	for _, id := range sortedKeys(raw.Vendors) {
		var v Vendor
		if err := json.Unmarshal(raw.Vendors[id], &v); err != nil {
			return GVL{}, gvlError("vendors."+strconv.Itoa(id), "json", jsonProblem(err))
		}
		g.Vendors[id] = v
	}
	if err := g.Validate(); err != nil {
		return GVL{}, err
	}
	return g, nil
}

// jsonProblem names the kind of a JSON error without echoing input.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return "syntax error at offset " + strconv.FormatInt(se.Offset, 10)
	case errors.As(err, &te):
		return "wrong type at " + te.Field
	}
	return "unexpected end of input"
}

// UnmarshalJSON reads a purpose of the list; Consentable and
// RightToObject absent from its object are true, the format's default.
// Illustrations are counted before they are decoded, so that their slice is
// allocated once.
func (p *Purpose) UnmarshalJSON(b []byte) error {
	type plain Purpose
	v := struct {
		plain
		Illustrations json.RawMessage `json:"illustrations"`
	}{plain: plain{Consentable: true, RightToObject: true}}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*p = Purpose(v.plain)
	return decodeSized(v.Illustrations, &p.Illustrations)
}

// UnmarshalJSON reads a vendor of the list. Its lists of IDs are counted
// before they are decoded, so that each slice is allocated once.
func (v *Vendor) UnmarshalJSON(b []byte) error {
	type plain Vendor
	var w struct {
		plain
		Purposes         json.RawMessage `json:"purposes"`
		LegIntPurposes   json.RawMessage `json:"legIntPurposes"`
		FlexiblePurposes json.RawMessage `json:"flexiblePurposes"`
		SpecialPurposes  json.RawMessage `json:"specialPurposes"`
		Features         json.RawMessage `json:"features"`
		SpecialFeatures  json.RawMessage `json:"specialFeatures"`
		DataDeclaration  json.RawMessage `json:"dataDeclaration"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*v = Vendor(w.plain)
	for _, f := range []struct {
		raw json.RawMessage
		dst *[]int
	}{
		{w.Purposes, &v.Purposes}, {w.LegIntPurposes, &v.LegIntPurposes},
		{w.FlexiblePurposes, &v.FlexiblePurposes}, {w.SpecialPurposes, &v.SpecialPurposes},
		{w.Features, &v.Features}, {w.SpecialFeatures, &v.SpecialFeatures},
		{w.DataDeclaration, &v.DataDeclaration},
	} {
		if err := decodeSized(f.raw, f.dst); err != nil {
			return err
		}
	}
	return nil
}

// decodeSized decodes the JSON array raw into *dst with one allocation;
// null or absent leaves *dst nil.
func decodeSized[T any](raw json.RawMessage, dst *[]T) error {
	*dst = nil
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil
	}
	s := make([]T, 0, countCost.Price(raw)-2*len(raw))
	if err := json.Unmarshal(raw, &s); err != nil {
		return err
	}
	*dst = s
	return nil
}

// countCost counts the elements and members of a JSON text.
var countCost = jsonbound.Cost{Heavy: 1, Light: 1, Member: 1}

func gvlError(path, rule, param string) error {
	var ps contract.Problems
	ps.Add(path, rule, param)
	return ps.Err("parse global vendor list", ErrGVL)
}

// Validate checks g against the format's constraints, as [ParseGVL] does
// after reading, and reports every problem at once (at most 100) in a
// [*contract.ValidationError] wrapping [ErrGVL].
func (g GVL) Validate() error {
	var ps contract.Problems
	add := func(path, rule, param string) {
		if ps.Len() < gvlProblems {
			ps.Add(path, rule, param)
		}
	}
	for _, id := range sortedKeys(g.Purposes) {
		if p := g.Purposes[id]; p.ID != id || id < 1 || id > 24 {
			add("purposes."+strconv.Itoa(id)+".id", "id_mismatch", strconv.Itoa(p.ID))
		}
	}
	for _, id := range sortedKeys(g.SpecialFeatures) {
		if p := g.SpecialFeatures[id]; p.ID != id || id < 1 || id > 12 {
			add("specialFeatures."+strconv.Itoa(id)+".id", "id_mismatch", strconv.Itoa(p.ID))
		}
	}
	for _, id := range sortedKeys(g.Vendors) {
		v := g.Vendors[id]
		path := "vendors." + strconv.Itoa(id)
		if v.ID != id || id < 1 || id > MaxVendorID {
			add(path+".id", "id_mismatch", strconv.Itoa(v.ID))
		}
		g.checkPurposes(add, path+".purposes", v.Purposes)
		g.checkPurposes(add, path+".legIntPurposes", v.LegIntPurposes)
		// Sets rather than nested scans: a hostile list may hold hundreds
		// of thousands of IDs, and IDs outside 1-64 are reported above.
		consent, legInt := NewIDSet(v.Purposes...), NewIDSet(v.LegIntPurposes...)
		for i, p := range v.Purposes {
			if legInt.Has(p) {
				add(path+".purposes["+strconv.Itoa(i)+"]", "both_legal_bases", strconv.Itoa(p))
			}
		}
		for i, p := range v.FlexiblePurposes {
			if !consent.Has(p) && !legInt.Has(p) {
				add(path+".flexiblePurposes["+strconv.Itoa(i)+"]", "flexible_not_declared", strconv.Itoa(p))
			}
		}
		for i, f := range v.SpecialFeatures {
			if f < 1 || f > 12 {
				add(path+".specialFeatures["+strconv.Itoa(i)+"]", "out_of_range", "1-12")
			}
		}
	}
	return ps.Err("parse global vendor list", ErrGVL)
}

func (g GVL) checkPurposes(add func(path, rule, param string), path string, ids []int) {
	for i, p := range ids {
		switch _, published := g.Purposes[p]; {
		case p < 1 || p > 24:
			add(path+"["+strconv.Itoa(i)+"]", "out_of_range", "1-24")
		case len(g.Purposes) > 0 && !published:
			add(path+"["+strconv.Itoa(i)+"]", "unknown_purpose", strconv.Itoa(p))
		}
	}
}

func sortedKeys[V any](m map[int]V) []int {
	ks := make([]int, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// WriteJSON writes g in the IAB's JSON format to w, which [ParseGVL] reads
// back equal; a nil w is an error wrapping [ErrGVL].
func (g GVL) WriteJSON(w io.Writer) error {
	if w == nil {
		return gvlError("", "required", "writer")
	}
	b, err := json.Marshal(g)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, bytes.NewReader(b))
	return err
}
