package privacy

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pimkit/pimkit/internal/enum"

	"github.com/pimkit/pimkit/contract"
)

// CookieCategory is the purpose category of a cookie, as consent banners
// group them.
type CookieCategory uint8

// The cookie categories.
const (
	// StrictlyNecessary cookies are needed for a service the user asked
	// for (a session, a basket, load balancing); they need no consent
	// (ePrivacy Directive Art. 5(3)).
	StrictlyNecessary CookieCategory = iota + 1
	// Preferences cookies remember choices such as language.
	Preferences
	// Statistics cookies measure use.
	Statistics
	// Marketing cookies track for advertising.
	Marketing
)

var cookieCategoryNames = enum.Names{"", "strictly_necessary", "preferences", "statistics", "marketing"}

// String returns "strictly_necessary", "preferences", "statistics" or
// "marketing".
func (c CookieCategory) String() string {
	return enum.String(cookieCategoryNames, c, "CookieCategory")
}

// MarshalText implements encoding.TextMarshaler.
func (c CookieCategory) MarshalText() ([]byte, error) {
	return enum.Marshal(cookieCategoryNames, c, "cookie category", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (c *CookieCategory) UnmarshalText(b []byte) error {
	return enum.Unmarshal(cookieCategoryNames, b, c, "cookie category", ErrUnknownValue)
}

// Use returns the data use a category stands for by default:
// essential, functional, analytics, marketing.advertising.
func (c CookieCategory) Use() DataUse {
	switch c {
	case StrictlyNecessary:
		return UseEssential
	case Preferences:
		return UseFunctional
	case Statistics:
		return UseAnalytics
	case Marketing:
		return UseAdvertising
	}
	return ""
}

// Cookie is one entry of a cookie inventory.
type Cookie struct {
	// Name is the cookie's name: "_ga".
	Name string `json:"name" validate:"required"`
	// Domain is the domain that sets it, as in the Set-Cookie Domain
	// attribute ("" or the site's own host for a host-only cookie).
	Domain string `json:"domain"`
	// Category is its purpose category.
	Category CookieCategory `json:"category" validate:"required"`
	// Purpose overrides the category's default data use; optional.
	Purpose DataUse `json:"purpose,omitempty"`
	// Lifetime is how long it lasts; 0 for a session cookie. It is
	// stored as an ISO 8601 duration: "PT9360H" for 390 days.
	Lifetime contract.Duration `json:"lifetime" validate:"gte=0"`
}

// Use returns c.Purpose, or the category's default use.
func (c Cookie) Use() DataUse {
	if c.Purpose != "" {
		return c.Purpose
	}
	return c.Category.Use()
}

// NeedsConsent reports whether setting c needs consent: every cookie that
// is not strictly necessary does, first-party or not (ePrivacy Directive
// Art. 5(3); Open Products' first-party analytics cookies too).
func (c Cookie) NeedsConsent() bool { return c.Category != StrictlyNecessary }

// normDomain lower-cases d and strips a leading dot and a trailing dot.
func normDomain(d string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(d)), "."), ".")
}

// ThirdParty reports whether c is a third-party cookie for a site whose
// registrable domain is site ("openproducts.com", "example.co.uk"). pimkit
// carries no public-suffix list, so the host supplies the registrable
// domain; the rule is then: a cookie is first-party when its domain is
// empty (host-only), equals site, or ends in "." + site, case-insensitive
// and ignoring a leading dot. "shop.openproducts.com" is first-party;
// "openproducts.com.evil.example" and "google-analytics.com" are not.
func (c Cookie) ThirdParty(site string) bool {
	d, s := normDomain(c.Domain), normDomain(site)
	return d != "" && d != s && !strings.HasSuffix(d, "."+s)
}

// CookieInventory is a site's cookies.
type CookieInventory struct {
	// Site is the registrable domain of the site: "openproducts.com".
	Site string `json:"site" validate:"required"`
	// Cookies are the cookies the site may set.
	Cookies []Cookie `json:"cookies" validate:"dive"`
}

// Validate reports every problem at once: a missing site, cookies
// without a name or a valid category, negative lifetimes.
func (inv CookieInventory) Validate() error {
	var ps contract.Problems
	ps.Check("", inv)
	for i, c := range inv.Cookies {
		p := "cookies[" + strconv.Itoa(i) + "]"
		if c.Category > Marketing {
			ps.Add(p+".category", "oneof", strings.Join(cookieCategoryNames[1:], " "))
		}
		if c.Purpose != "" && !c.Purpose.Valid() {
			ps.Add(p+".purpose", "taxonomy_key", "")
		}
	}
	return ps.Err("validate cookie inventory", ErrInvalid)
}

// CheckPolicy checks inv against what policy p promises: under
// FirstPartyOnly (Open Products: "We do not allow cookies from third
// parties") every third-party cookie is a problem
// "cookies[2].domain: third_party_cookie_promised_none (doubleclick.net)".
// Cookie names and domains are not personal data and are reported.
func (inv CookieInventory) CheckPolicy(p Policy) error {
	var ps contract.Problems
	if p.Cookies == FirstPartyOnly {
		for i, c := range inv.Cookies {
			if c.ThirdParty(inv.Site) {
				ps.Add(fmt.Sprintf("cookies[%d].domain", i), "third_party_cookie_promised_none", normDomain(c.Domain))
			}
		}
	}
	return ps.Err("validate cookie inventory", ErrInvalid)
}

// CookieDecision says whether one cookie may be set now.
type CookieDecision struct {
	// Cookie is the cookie.
	Cookie Cookie `json:"cookie"`
	// Decision is the outcome: Allowed when it may be set.
	Decision contract.Decision `json:"decision"`
}

// Settable decides for each cookie of inv whether it may be set for a
// subject whose consent to a use is reported by consented: strictly
// necessary cookies always, every other cookie only with consent to its
// use (ePrivacy Directive Art. 5(3), GDPR Art. 6(1)(a)). The result is in
// inventory order. A nil consented means no consent to any use: only the
// strictly necessary cookies may be set.
func (inv CookieInventory) Settable(consented func(DataUse) bool) []CookieDecision {
	out := make([]CookieDecision, len(inv.Cookies))
	for i, c := range inv.Cookies {
		d := contract.Decision{Rule: "ePrivacy Art. 5(3)",
			Citations: []contract.Citation{contract.Cite("ePrivacy Directive", "Art. 5(3)")}}
		switch {
		case !c.NeedsConsent():
			d.Allowed = true
			d.Reason = contract.NewReason(cat, msgCookieNecessary)
		case consented != nil && consented(c.Use()):
			d.Allowed = true
			d.Citations = append(d.Citations, gdpr("Art. 6(1)(a)"))
			d.Reason = contract.NewReason(cat, msgConsentValid)
		default:
			d.Citations = append(d.Citations, gdpr("Art. 6(1)(a)"))
			d.Reason = contract.NewReason(cat, msgCookieNoConsent, string(c.Use()))
		}
		out[i] = CookieDecision{Cookie: c, Decision: d}
	}
	return out
}

// Cookies decides which cookies of inv may be set now for subject at
// instant at, by the ledger under rules (see [CookieInventory.Settable]).
func (l Ledger) Cookies(inv CookieInventory, subject string, at time.Time, rules ConsentRules, child Child) []CookieDecision {
	return inv.Settable(func(u DataUse) bool { return l.Valid(subject, u, at, rules, child).Allowed })
}
