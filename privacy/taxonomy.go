package privacy

import (
	"encoding/json"
	"github.com/pimkit/pimkit/internal/jsonbound"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/internal/enum"

	"github.com/pimkit/pimkit/contract"
)

// DataCategory is a hierarchical key for a kind of personal data, in the
// dotted form of Fides' fideslang taxonomy: "user.contact.email",
// "user.device.ip_address". A key is under each of its prefixes at a dot:
// "user.contact.email" is under "user.contact" and "user", but not under
// "user.con".
type DataCategory string

// DataUse is a hierarchical key for a purpose of processing, fideslang
// style: "essential.service.security", "marketing.communications.email".
// Consent and objections recorded for a use apply to every use under it: a
// withdrawal for "marketing" covers "marketing.communications.email".
type DataUse string

// DataSubject is a key for a kind of person whose data is processed,
// fideslang style: "customer", "employee", "visitor".
type DataSubject string

// validKey reports whether k is a dotted key of lower-case ASCII letters,
// digits and underscores with no empty segment.
func validKey(k string) bool {
	if k == "" || len(k) > 200 {
		return false
	}
	seg := 0
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c == '.':
			if seg == 0 {
				return false
			}
			seg = 0
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_':
			seg++
		default:
			return false
		}
	}
	return seg > 0
}

// under reports whether k equals parent or lies below it at a dot.
func under(k, parent string) bool {
	return k == parent || (len(k) > len(parent) && k[len(parent)] == '.' && k[:len(parent)] == parent)
}

func parentKey(k string) string {
	if i := strings.LastIndexByte(k, '.'); i >= 0 {
		return k[:i]
	}
	return ""
}

// Valid reports whether c is a well-formed key: lower-case letters, digits
// and underscores in dot-separated segments. "user..email" and "User" are
// not.
func (c DataCategory) Valid() bool { return validKey(string(c)) }

// Under reports whether c is parent or below it: "user.contact.email" is
// under "user.contact"; "user.contactless" is not.
func (c DataCategory) Under(parent DataCategory) bool { return under(string(c), string(parent)) }

// Parent returns c's parent key, or "" for a top-level key: the parent of
// "user.contact.email" is "user.contact".
func (c DataCategory) Parent() DataCategory { return DataCategory(parentKey(string(c))) }

// Valid reports whether u is a well-formed key.
func (u DataUse) Valid() bool { return validKey(string(u)) }

// Under reports whether u is parent or below it: "marketing.communications.email"
// is under "marketing".
func (u DataUse) Under(parent DataUse) bool { return under(string(u), string(parent)) }

// Parent returns u's parent key, or "" for a top-level key.
func (u DataUse) Parent() DataUse { return DataUse(parentKey(string(u))) }

// Valid reports whether s is a well-formed key.
func (s DataSubject) Valid() bool { return validKey(string(s)) }

// Fideslang keys pimkit uses by name.
const (
	// UseEssential covers processing needed to provide the service; it
	// needs no consent.
	UseEssential DataUse = "essential"
	// UseSecurity is keeping the service secure.
	UseSecurity DataUse = "essential.service.security"
	// UseMarketing covers every kind of marketing.
	UseMarketing DataUse = "marketing"
	// UseMarketingEmail is marketing by e-mail (newsletters).
	UseMarketingEmail DataUse = "marketing.communications.email"
	// UseAdvertising covers advertising.
	UseAdvertising DataUse = "marketing.advertising"
	// UseTargetedAds is targeted advertising by third parties, one of the
	// uses Global Privacy Control objects to.
	UseTargetedAds DataUse = "marketing.advertising.third_party.targeted"
	// UseThirdPartySharing is selling or sharing data with third parties,
	// the other use Global Privacy Control objects to.
	UseThirdPartySharing DataUse = "third_party_sharing"
	// UseAnalytics covers statistics and analytics.
	UseAnalytics DataUse = "analytics"
	// UseFunctional covers functionality beyond the essential, such as
	// remembered preferences.
	UseFunctional DataUse = "functional"
	// UsePersonalize covers personalisation of content.
	UsePersonalize DataUse = "personalize"
)

// Special says whether a data category is a special category of GDPR Art.
// 9(1) or data on criminal convictions and offences (Art. 10).
type Special uint8

// Kinds of special data.
const (
	// NotSpecial is ordinary personal data.
	NotSpecial Special = iota
	// SpecialArt9 is a special category of Art. 9(1): racial or ethnic
	// origin, political opinions, religious beliefs, trade-union
	// membership, genetic, biometric, health, sex life or orientation.
	SpecialArt9
	// CriminalArt10 is data on criminal convictions and offences (Art. 10).
	CriminalArt10
)

var specialNames = enum.Names{"none", "art9", "art10"}

// String returns "none", "art9" or "art10".
func (s Special) String() string { return enum.String(specialNames, s, "Special") }

// MarshalText implements encoding.TextMarshaler.
func (s Special) MarshalText() ([]byte, error) {
	return enum.Marshal(specialNames, s, "special", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (s *Special) UnmarshalText(b []byte) error {
	return enum.Unmarshal(specialNames, b, s, "special", ErrUnknownValue)
}

// Citation returns GDPR Art. 9(1) or Art. 10; zero for NotSpecial.
func (s Special) Citation() contract.Citation {
	switch s {
	case SpecialArt9:
		return contract.Cite(contract.SourceGDPR, "Art. 9(1)")
	case CriminalArt10:
		return contract.Cite(contract.SourceGDPR, "Art. 10")
	}
	return contract.Citation{}
}

// Taxonomy is the set of known data categories, uses and subjects. The
// zero Taxonomy knows nothing; [DefaultTaxonomy] returns fideslang's keys
// that pimkit uses, which a host extends with AddCategory, AddUse and
// AddSubject. A Taxonomy is immutable: the Add methods return a new one.
type Taxonomy struct {
	categories map[DataCategory]Special
	uses       map[DataUse]bool
	subjects   map[DataSubject]bool
}

// DefaultTaxonomy returns a subset of fideslang v2's default taxonomy: the
// data categories under "system" and "user" (contact, device, account,
// behaviour, financial, content, demographic and the special ones), the
// data uses (essential, functional, analytics, marketing, personalize,
// third_party_sharing and their children) and the data subjects. Special
// categories are flagged: "user.health_and_medical", "user.biometric",
// "user.demographic.race_ethnicity", "user.demographic.religious_belief",
// "user.demographic.political_opinion",
// "user.demographic.sexual_orientation" and pimkit's addition
// "user.demographic.trade_union_membership" (fideslang has no key for it)
// are [SpecialArt9]; "user.criminal_history" is [CriminalArt10]. Keys below
// a special key are special too: "user.health_and_medical.genetic".
func DefaultTaxonomy() Taxonomy {
	t := Taxonomy{
		categories: map[DataCategory]Special{},
		uses:       map[DataUse]bool{},
		subjects:   map[DataSubject]bool{},
	}
	for _, k := range defaultCategories {
		t.categories[DataCategory(k)] = NotSpecial
	}
	for _, k := range art9Categories {
		t.categories[DataCategory(k)] = SpecialArt9
	}
	t.categories["user.criminal_history"] = CriminalArt10
	for _, k := range defaultUses {
		t.uses[DataUse(k)] = true
	}
	for _, k := range defaultSubjects {
		t.subjects[DataSubject(k)] = true
	}
	return t
}

var defaultCategories = []string{
	"system", "system.authentication", "system.operations",
	"user", "user.account", "user.account.settings", "user.account.username",
	"user.authorization", "user.authorization.credentials", "user.authorization.password",
	"user.behavior", "user.behavior.browsing_history", "user.behavior.purchase_history",
	"user.behavior.search_history", "user.contact", "user.contact.address",
	"user.contact.email", "user.contact.phone_number", "user.contact.organization",
	"user.content", "user.content.private", "user.content.public",
	"user.demographic", "user.demographic.age_range", "user.demographic.date_of_birth",
	"user.demographic.gender", "user.demographic.language", "user.demographic.profile",
	"user.device", "user.device.cookie_id", "user.device.device_id", "user.device.ip_address",
	"user.financial", "user.financial.bank_account", "user.financial.credit_card",
	"user.government_id", "user.location", "user.name", "user.payment", "user.unique_id",
	"user.workplace",
}

var art9Categories = []string{
	"user.biometric", "user.health_and_medical", "user.health_and_medical.genetic",
	"user.demographic.race_ethnicity", "user.demographic.religious_belief",
	"user.demographic.political_opinion", "user.demographic.sexual_orientation",
	"user.demographic.trade_union_membership",
}

var defaultUses = []string{
	"analytics", "analytics.reporting", "analytics.reporting.ad_performance",
	"analytics.reporting.content_performance", "analytics.reporting.system",
	"essential", "essential.fraud_detection", "essential.legal_obligation", "essential.service",
	"essential.service.authentication", "essential.service.notifications",
	"essential.service.operations", "essential.service.operations.support",
	"essential.service.payment_processing", "essential.service.security",
	"essential.service.upgrades",
	"functional", "functional.service", "functional.service.improve", "functional.storage",
	"marketing", "marketing.advertising", "marketing.advertising.first_party",
	"marketing.advertising.first_party.contextual", "marketing.advertising.first_party.targeted",
	"marketing.advertising.profiling", "marketing.advertising.third_party",
	"marketing.advertising.third_party.targeted", "marketing.communications",
	"marketing.communications.email", "marketing.communications.sms",
	"personalize", "personalize.content", "personalize.system",
	"sales", "third_party_sharing",
}

var defaultSubjects = []string{
	"anonymous_user", "citizen_voter", "commuter", "consultant", "customer", "employee",
	"job_applicant", "next_of_kin", "passenger", "patient", "prospect", "shareholder",
	"supplier_vendor", "trainee", "visitor",
}

// AddCategory returns t with category c, whose parent must already be
// known unless c is top-level. A key under a special category inherits
// its flag whatever special says: adding "user.biometric.face" with
// NotSpecial still yields SpecialArt9. A malformed key or unknown parent is
// an error wrapping ErrInvalid.
func (t Taxonomy) AddCategory(c DataCategory, special Special) (Taxonomy, error) {
	if !c.Valid() || special > CriminalArt10 {
		return t, invalid("add data category", "category", "taxonomy_key", truncKey(string(c)))
	}
	if p := c.Parent(); p != "" {
		if _, ok := t.categories[p]; !ok {
			return t, invalid("add data category", "category", "unknown_parent", truncKey(string(c.Parent())))
		}
	}
	t.categories = maps.Clone(t.categories)
	if t.categories == nil {
		t.categories = map[DataCategory]Special{}
	}
	t.categories[c] = special
	return t, nil
}

// AddUse returns t with use u, whose parent must already be known unless u
// is top-level.
func (t Taxonomy) AddUse(u DataUse) (Taxonomy, error) {
	if !u.Valid() {
		return t, invalid("add data use", "use", "taxonomy_key", truncKey(string(u)))
	}
	if p := u.Parent(); p != "" && !t.uses[p] {
		return t, invalid("add data use", "use", "unknown_parent", truncKey(string(u.Parent())))
	}
	t.uses = maps.Clone(t.uses)
	if t.uses == nil {
		t.uses = map[DataUse]bool{}
	}
	t.uses[u] = true
	return t, nil
}

// AddSubject returns t with data subject s.
func (t Taxonomy) AddSubject(s DataSubject) (Taxonomy, error) {
	if !s.Valid() {
		return t, invalid("add data subject", "subject", "taxonomy_key", truncKey(string(s)))
	}
	t.subjects = maps.Clone(t.subjects)
	if t.subjects == nil {
		t.subjects = map[DataSubject]bool{}
	}
	t.subjects[s] = true
	return t, nil
}

func truncKey(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// HasCategory reports whether c is known.
func (t Taxonomy) HasCategory(c DataCategory) bool { _, ok := t.categories[c]; return ok }

// HasUse reports whether u is known.
func (t Taxonomy) HasUse(u DataUse) bool { return t.uses[u] }

// HasSubject reports whether s is known.
func (t Taxonomy) HasSubject(s DataSubject) bool { return t.subjects[s] }

// Special returns how c is flagged, taking the most serious flag of c and
// its ancestors: "user.health_and_medical.genetic" is SpecialArt9 because
// "user.health_and_medical" is. An unknown key is NotSpecial unless an
// ancestor is flagged.
func (t Taxonomy) Special(c DataCategory) Special {
	s := NotSpecial
	for k := c; k != ""; k = k.Parent() {
		if f := t.categories[k]; f > s {
			s = f
		}
	}
	return s
}

// Categories returns the known data categories in lexical order.
func (t Taxonomy) Categories() []DataCategory {
	return slices.Sorted(maps.Keys(t.categories))
}

// Uses returns the known data uses in lexical order.
func (t Taxonomy) Uses() []DataUse { return slices.Sorted(maps.Keys(t.uses)) }

// Subjects returns the known data subjects in lexical order.
func (t Taxonomy) Subjects() []DataSubject { return slices.Sorted(maps.Keys(t.subjects)) }

// taxonomyJSON is the stored form of a Taxonomy.
type taxonomyJSON struct {
	Categories map[DataCategory]Special `json:"categories"`
	Uses       []DataUse                `json:"uses"`
	Subjects   []DataSubject            `json:"subjects"`
}

// MarshalJSON writes t as {"categories":{"user.contact":"none",
// "user.biometric":"art9", ...},"uses":[...],"subjects":[...]}, the keys
// sorted.
func (t Taxonomy) MarshalJSON() ([]byte, error) {
	cats := t.categories
	if cats == nil {
		cats = map[DataCategory]Special{}
	}
	return json.Marshal(taxonomyJSON{Categories: cats, Uses: t.Uses(), Subjects: t.Subjects()})
}

// UnmarshalJSON reads what MarshalJSON writes. A malformed key or a
// special flag that is not "none", "art9" or "art10" is an error wrapping
// ErrInvalid or ErrUnknownValue, and t is left unchanged. Parents are not
// required: a stored taxonomy is read as it was written. It allocates at
// most 16 bytes per byte of b plus 64 KiB: input dense enough in keys to
// cost more, such as a million empty keys, is refused with rule
// "too_dense" before it is decoded, and at most 100 problems are listed.
func (t *Taxonomy) UnmarshalJSON(b []byte) error {
	if err := refuseDense(jsonbound.Cost{Heavy: 224, Light: 224, Member: 224}, "taxonomy", b); err != nil {
		return err
	}
	var v taxonomyJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	var ps contract.Problems
	n := Taxonomy{}
	for c, s := range v.Categories {
		if !c.Valid() {
			if ps.Len() < maxProblems {
				ps.Add("categories", "taxonomy_key", truncKey(string(c)))
			}
			continue
		}
		if n.categories == nil {
			n.categories = map[DataCategory]Special{}
		}
		n.categories[c] = s
	}
	for i, u := range v.Uses {
		if !u.Valid() {
			if ps.Len() < maxProblems {
				ps.Add("uses["+strconv.Itoa(i)+"]", "taxonomy_key", truncKey(string(u)))
			}
			continue
		}
		if n.uses == nil {
			n.uses = map[DataUse]bool{}
		}
		n.uses[u] = true
	}
	for i, s := range v.Subjects {
		if !s.Valid() {
			if ps.Len() < maxProblems {
				ps.Add("subjects["+strconv.Itoa(i)+"]", "taxonomy_key", truncKey(string(s)))
			}
			continue
		}
		if n.subjects == nil {
			n.subjects = map[DataSubject]bool{}
		}
		n.subjects[s] = true
	}
	if err := ps.Err("read taxonomy", ErrInvalid); err != nil {
		return err
	}
	*t = n
	return nil
}

// Equal reports whether t and o know the same keys with the same flags.
func (t Taxonomy) Equal(o Taxonomy) bool {
	return maps.Equal(t.categories, o.categories) && maps.Equal(t.uses, o.uses) &&
		maps.Equal(t.subjects, o.subjects)
}

// IsZero reports whether t knows no key, as the zero Taxonomy.
func (t Taxonomy) IsZero() bool {
	return len(t.categories) == 0 && len(t.uses) == 0 && len(t.subjects) == 0
}
