package privacy

import (
	"slices"
	"strconv"

	"github.com/pimkit/pimkit/contract"
)

// Data categories of the OpenDIMS policies (000/002, "What personal data do
// we process?"), as fideslang keys.
var (
	odGeneral     = []DataCategory{"user.name", "user.contact"}
	odCredentials = []DataCategory{"user.account.username", "user.unique_id", "user.device.ip_address", "user.behavior"}
	odContent     = []DataCategory{"user.content"}
	odSupport     = []DataCategory{"user.content.private"}
)

func cats(groups ...[]DataCategory) []DataCategory {
	var out []DataCategory
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// odRecipients2025 are the recipients of 000 "How do we share": staff,
// cloud and hosting processors under DPAs, authorities when the law or a
// court requires.
func odRecipients2025() []Recipient {
	return []Recipient{
		{Kind: Internal, Name: "employees (support and development)"},
		{Kind: ProcessorRecipient, Name: "cloud and IT hosting providers", DPA: true},
		{Kind: Authority, Name: "public authorities when required by law or court order"},
	}
}

func odRecipients2026() []Recipient {
	return append(odRecipients2025(),
		Recipient{Kind: ProcessorRecipient, Name: "payment and invoicing systems", DPA: true})
}

func openDIMS(effective contract.Date, controller contract.Party, contact string, recipients func() []Recipient) Policy {
	all := []Source{Direct, Automatic, Partners}
	subjects := []DataSubject{"customer", "visitor"}
	return Policy{
		Name:       "OpenDIMS",
		Effective:  effective,
		Controller: controller,
		Role:       Controller,
		Activities: []Activity{
			{Name: "Provision of the service", Purpose: "essential.service", Basis: Contract,
				Categories: cats(odGeneral, odCredentials, odContent), Subjects: subjects, Sources: all,
				Recipients: recipients(), Retention: Retention{Kind: WhileNeeded}},
			{Name: "Support", Purpose: "essential.service.operations.support", Basis: LegitimateInterests,
				Categories: cats(odGeneral, odSupport), Subjects: subjects, Sources: []Source{Direct},
				Recipients: recipients(), Retention: Retention{Kind: WhileNeeded}},
			{Name: "Improvements and analytics", Purpose: "functional.service.improve", Basis: LegitimateInterests,
				Categories: []DataCategory{"user.behavior", "user.device.ip_address"}, Subjects: subjects,
				Sources: []Source{Automatic}, Recipients: recipients(), Retention: Retention{Kind: WhileNeeded}},
			{Name: "Cookies for analytics", Purpose: "analytics", Basis: Consent,
				Categories: []DataCategory{"user.behavior", "user.device.cookie_id"}, Subjects: subjects,
				Sources: []Source{Automatic}, Recipients: recipients(), Retention: Retention{Kind: WhileNeeded}},
			{Name: "Security and maintenance", Purpose: UseSecurity, Basis: LegitimateInterests,
				Categories: cats(odCredentials), Subjects: subjects, Sources: []Source{Automatic},
				Recipients: recipients(), Retention: Retention{Kind: WhileNeeded}},
			{Name: "Service updates", Purpose: "essential.service.notifications", Basis: Contract,
				Categories: []DataCategory{"user.name", "user.contact.email"}, Subjects: []DataSubject{"customer"},
				Sources: []Source{Direct}, Recipients: recipients(), Retention: Retention{Kind: WhileNeeded}},
			{Name: "Marketing communications", Purpose: UseMarketingEmail, Basis: Consent, OptOut: true,
				Categories: []DataCategory{"user.name", "user.contact.email"}, Subjects: subjects,
				Sources: []Source{Direct}, Recipients: recipients(), Retention: Retention{Kind: WhileNeeded}},
		},
		Rights:  []RequestKind{Access, Rectification, Erasure, Restriction, Portability, Objection},
		Contact: contact,
		Counter: contract.Counter{Convention: contract.EU1182(), Calendar: contract.DanishHolidays()},
	}
}

// OpenDIMS2025 returns the OpenDIMS privacy policy last updated 2025-02-01
// (seeds 000 and 001) as data. It names no legal entity as controller
// (Controller.Name is the service, "OpenDIMS"); processes general data,
// user credentials, content and support communications, collected
// directly, automatically (cookies) and from partners; on contract
// (account and use), legitimate interests (improvement, support, security)
// and consent (analytics cookies, marketing with opt-out by unsubscribe
// link or contact); discloses to staff, cloud and hosting processors under
// DPAs and authorities when required; keeps data while needed; states all
// six rights; contact info@opendims.com; declares no special categories.
func OpenDIMS2025() Policy {
	return openDIMS(contract.MustDate(2025, 2, 1), contract.Party{Name: "OpenDIMS", Country: "DK"},
		"info@opendims.com", odRecipients2025)
}

// OpenDIMS2026 returns the OpenDIMS privacy policy last updated 2026-06-24
// (seed 002): as [OpenDIMS2025], and it names the controller (OpenSUN
// Systems ApS, trading as OpenDIMS ApS), adds payment and invoicing
// systems as processors of a new payment activity (pimkit's reading: 002
// discloses to them only "to the extent strictly necessary" for the order
// and subscription payment, so they are not recipients of the other
// activities), keeps bookkeeping material under the Danish
// Bookkeeping Act (5 years from the end of the financial year,
// bogføringsloven § 10), says data is not sold, and moves the contact to
// support@opendims.com.
func OpenDIMS2026() Policy {
	p := openDIMS(contract.MustDate(2026, 6, 24),
		contract.Party{Name: "OpenSUN Systems ApS", Country: "DK"},
		"support@opendims.com", odRecipients2025)
	p.Activities = append(p.Activities, Activity{
		Name: "Payment, invoicing and bookkeeping", Purpose: "essential.service.payment_processing",
		Basis:      LegalObligation,
		Categories: []DataCategory{"user.name", "user.contact", "user.payment"}, Subjects: []DataSubject{"customer"},
		Sources: []Source{Direct}, Recipients: odRecipients2026(),
		Retention: Retention{Kind: FromYearEnd, Period: contract.Years(5), Law: "bogføringsloven § 10"},
	})
	return p
}

// OpenProducts2018 returns the Open Products privacy policy effective
// 2018-05-24 (seed 004) as data: controller Open Products 237 AB (SE);
// orders, customer service, registrations and product updates on
// contract; e-mail newsletters on consent with opt-out from the customer
// account; website analytics by first-party cookies on consent; device
// connectivity and update checks by IP address on legitimate interests
// (on by default, can be switched off); encrypted backups the company
// cannot read (zero knowledge); hosting in Sweden; payment providers that
// may transfer data outside the EU with no safeguard stated; business
// transfers to a successor; first-party cookies only; no data from
// children known to be under 13; data not sold. It states access and
// erasure (by e-mail), rectification and opt-out (in the account), but not
// restriction or portability, which [Policy.Validate] reports, as it
// reports the missing transfer safeguard. As a Swedish controller it counts
// deadlines by Reg. 1182/71 over the Swedish public holidays
// ([contract.SwedishHolidays]): a request received on 2025-05-06 is due on
// Monday 2025-06-09, since one month ends on Friday 2025-06-06, Sweden's
// National Day, and the 7th and 8th are a weekend.
func OpenProducts2018() Policy {
	successor := Recipient{Kind: Successor, Name: "acquirer in a business transition"}
	payments := Recipient{Kind: ProcessorRecipient, Name: "payment providers (card payments)", DPA: true, ThirdCountry: true}
	staff := Recipient{Kind: Internal, Name: "customer service"}
	contact := []DataCategory{"user.name", "user.contact"}
	return Policy{
		Name:       "Open Products",
		Effective:  contract.MustDate(2018, 5, 24),
		Controller: contract.Party{Name: "Open Products 237 AB", Country: "SE"},
		Role:       Controller,
		Activities: []Activity{
			{Name: "Sales orders and payment", Purpose: "essential.service.payment_processing", Basis: Contract,
				Categories: cats(contact, []DataCategory{"user.payment", "user.behavior.purchase_history"}),
				Subjects:   []DataSubject{"customer"}, Sources: []Source{Direct},
				Recipients: []Recipient{staff, payments, successor}, Retention: Retention{Kind: WhileNeeded}},
			{Name: "Customer service and enquiries", Purpose: "essential.service.operations.support", Basis: Contract,
				Categories: contact, Subjects: []DataSubject{"customer", "prospect"}, Sources: []Source{Direct},
				Recipients: []Recipient{staff, successor}, Retention: Retention{Kind: WhileNeeded}},
			{Name: "Registrations and product updates", Purpose: "essential.service", Basis: Contract,
				Categories: cats(contact, []DataCategory{"user.account.username", "user.authorization.credentials"}),
				Subjects:   []DataSubject{"customer"}, Sources: []Source{Direct},
				Recipients: []Recipient{staff, successor}, Retention: Retention{Kind: WhileNeeded}},
			{Name: "E-mail newsletters", Purpose: UseMarketingEmail, Basis: Consent, OptOut: true,
				Categories: contact, Subjects: []DataSubject{"customer", "prospect"}, Sources: []Source{Direct},
				Recipients: []Recipient{successor}, Retention: Retention{Kind: WhileNeeded}},
			{Name: "Website analytics", Purpose: "analytics.reporting", Basis: Consent,
				Categories: []DataCategory{"user.behavior.browsing_history", "user.device.cookie_id", "user.location"},
				Subjects:   []DataSubject{"visitor"}, Sources: []Source{Automatic},
				Recipients: []Recipient{successor}, Retention: Retention{Kind: WhileNeeded}},
			{Name: "Device connectivity and software updates", Purpose: "essential.service.upgrades", Basis: LegitimateInterests,
				Categories: []DataCategory{"user.device.ip_address", "user.device.device_id"},
				Subjects:   []DataSubject{"customer"}, Sources: []Source{Automatic},
				Recipients: []Recipient{successor}, Retention: Retention{Kind: WhileNeeded}},
			{Name: "Encrypted device backups", Purpose: "essential.service.operations", Basis: Contract,
				Categories: []DataCategory{"user.content.private"}, Subjects: []DataSubject{"customer"},
				Sources: []Source{Automatic}, Unintelligible: true, Retention: Retention{Kind: UntilTermination}},
		},
		Rights:         []RequestKind{Access, Rectification, Erasure, Objection},
		Contact:        "support@openproducts.com",
		Cookies:        FirstPartyOnly,
		HostingCountry: "SE",
		MinimumAge:     13,
		Counter:        contract.Counter{Convention: contract.EU1182(), Calendar: contract.SwedishHolidays()},
	}
}

// PolicyHistory is the sequence of a policy's versions, each in force from
// its effective date until the next one's (half-open intervals). The zero
// PolicyHistory has no version.
type PolicyHistory struct {
	versions []Policy // sorted by Effective, unique
}

// NewPolicyHistory returns the history of versions in date order. Two
// versions with the same effective date, or a version with none, are an
// error wrapping ErrInvalid.
func NewPolicyHistory(versions ...Policy) (PolicyHistory, error) {
	vs := append([]Policy(nil), versions...)
	var ps []Problem
	for i, v := range vs {
		if v.Effective.IsZero() {
			ps = append(ps, Problem{Field: "versions[" + strconv.Itoa(i) + "].effective", Rule: "required"})
		}
	}
	sortPolicies(vs)
	for i := 1; i < len(vs); i++ {
		if vs[i].Effective == vs[i-1].Effective && !vs[i].Effective.IsZero() {
			ps = append(ps, Problem{Field: "versions", Rule: "duplicate_effective_date", Param: vs[i].Effective.String()})
		}
	}
	if err := problemsError("policy history", ps); err != nil {
		return PolicyHistory{}, err
	}
	return PolicyHistory{versions: vs}, nil
}

// OpenDIMSHistory returns the OpenDIMS policy history: [OpenDIMS2025] from
// 2025-02-01 and [OpenDIMS2026] from 2026-06-24.
func OpenDIMSHistory() PolicyHistory {
	h, _ := NewPolicyHistory(OpenDIMS2025(), OpenDIMS2026())
	return h
}

// InForce returns the version in force on day on: the latest version
// effective on or before it. For OpenDIMS, 2026-06-23 gives the 2025
// version and 2026-06-24 the 2026 one; 2025-01-31 is an error wrapping
// ErrNoPolicy, as no version was in force yet.
func (h PolicyHistory) InForce(on contract.Date) (Policy, error) {
	for i := len(h.versions) - 1; i >= 0; i-- {
		if !h.versions[i].Effective.After(on) {
			return h.versions[i], nil
		}
	}
	return Policy{}, ErrNoPolicy
}

// Versions returns the versions in date order.
func (h PolicyHistory) Versions() []Policy { return append([]Policy(nil), h.versions...) }

func sortPolicies(vs []Policy) {
	slices.SortStableFunc(vs, func(a, b Policy) int { return a.Effective.Compare(b.Effective) })
}

// FreshConsentSince returns the effective date of the latest version whose
// change from the version before it needs fresh consent ([Diff]), for
// [ConsentRules].FreshConsentSince; zero when no change did. For OpenDIMS
// it is zero: 2026-06-24 needs notice only.
func (h PolicyHistory) FreshConsentSince() contract.Date {
	for i := len(h.versions) - 1; i > 0; i-- {
		if Diff(h.versions[i-1], h.versions[i]).NeedsFreshConsent {
			return h.versions[i].Effective
		}
	}
	return contract.Date{}
}
