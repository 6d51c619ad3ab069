package privacy

import (
	"slices"

	"github.com/pimkit/pimkit/contract"
)

// Data categories of the OpenDIMS policies (2025 and 2026, "What personal data do
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

// odRecipients2025 are the recipients of the 2025 policy's "How do we share": staff,
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
			{Name: "Support", Purpose: "essential.service.operations.support", Basis: LegitimateInterests, Interest: "support of the system",
				Categories: cats(odGeneral, odSupport), Subjects: subjects, Sources: []Source{Direct},
				Recipients: recipients(), Retention: Retention{Kind: WhileNeeded}},
			{Name: "Improvements and analytics", Purpose: "functional.service.improve", Basis: LegitimateInterests, Interest: "improvement of the system",
				Categories: []DataCategory{"user.behavior", "user.device.ip_address"}, Subjects: subjects,
				Sources: []Source{Automatic}, Recipients: recipients(), Retention: Retention{Kind: WhileNeeded}},
			{Name: "Cookies for analytics", Purpose: "analytics", Basis: Consent,
				Categories: []DataCategory{"user.behavior", "user.device.cookie_id"}, Subjects: subjects,
				Sources: []Source{Automatic}, Recipients: recipients(), Retention: Retention{Kind: WhileNeeded}},
			{Name: "Security and maintenance", Purpose: UseSecurity, Basis: LegitimateInterests, Interest: "security of the system",
				Categories: cats(odCredentials), Subjects: subjects, Sources: []Source{Automatic},
				Recipients: recipients(), Retention: Retention{Kind: WhileNeeded}},
			{Name: "Service updates", Purpose: "essential.service.notifications", Basis: Contract,
				Categories: []DataCategory{"user.name", "user.contact.email"}, Subjects: []DataSubject{"customer"},
				Sources: []Source{Direct}, Recipients: recipients(), Retention: Retention{Kind: WhileNeeded}},
			{Name: "Marketing communications", Purpose: UseMarketingEmail, Basis: Consent, OptOut: true,
				Categories: []DataCategory{"user.name", "user.contact.email"}, Subjects: subjects,
				Sources: []Source{Direct}, Recipients: recipients(), Retention: Retention{Kind: WhileNeeded}},
		},
		Rights:     []RequestKind{Access, Rectification, Erasure, Restriction, Portability, Objection},
		Contact:    contact,
		Counter:    contract.Counter{Convention: contract.EU1182(), Calendar: contract.DanishHolidays()},
		Statements: odStatements(),
	}
}

// Headings of the OpenDIMS policies (2025 and 2026).
const (
	odData      = "What personal data do we process?"
	odCollect   = "How do we collect your personal data?"
	odWhy       = "Why do we process personal data?"
	odBasis     = "Legal basis for processing"
	odShare     = "How do we share your personal data?"
	odRetention = "Data Retention and Deletion"
	odRights    = "Your rights"
	odOptOut    = "Right to opt-out of marketing communications"
	odContactUs = "Contact us"
)

func at(item InfoItem, heading string, paragraph int) Statement {
	return Statement{Item: item, Location: Location{Heading: heading, Paragraph: paragraph}}
}

func incomplete(item InfoItem, heading string, paragraph int) Statement {
	s := at(item, heading, paragraph)
	s.Incomplete = true
	return s
}

// odStatements is where both OpenDIMS versions speak of the information
// items, as far as the two read alike; the 2026 version changes the
// controller, recipients and retention statements. pimkit's reading: the
// introduction names only the service; the rights list mentions objection
// as one bullet among the rights, not separately (Art. 21(4)); the opt-out
// section covers marketing consent only; retention "as long as necessary"
// names no criterion; nothing states the complaint to an authority,
// whether providing data is required, or when partners' data is told.
func odStatements() []Statement {
	return []Statement{
		incomplete(ControllerIdentity, "", 1),
		at(ControllerContact, odRights, 3),
		at(ControllerContact, odContactUs, 1),
		at(PurposesAndBases, odWhy, 2),
		at(PurposesAndBases, odBasis, 2),
		at(LegitimateInterestsPursued, odBasis, 2),
		at(RecipientsStated, odShare, 2),
		incomplete(RetentionStated, odRetention, 1),
		at(RightsStated, odRights, 2),
		at(WithdrawalStated, odOptOut, 1),
		incomplete(ObjectionSeparate, odRights, 2),
		at(CategoriesStated, odData, 2),
		at(SourceStated, odCollect, 1),
	}
}

// OpenDIMS2025 returns the OpenDIMS privacy policy last updated 2025-02-01
// as data. It names no legal entity as controller
// (Controller.Name is the service, "OpenDIMS"); processes general data,
// user credentials, content and support communications, collected
// directly, automatically (cookies) and from partners; on contract
// (account and use), legitimate interests (improvement, support, security)
// and consent (analytics cookies, marketing with opt-out by unsubscribe
// link or contact); discloses to staff, cloud and hosting processors under
// DPAs and authorities when required; keeps data while needed; states all
// six rights; contact info@opendims.com; declares no special categories.
func OpenDIMS2025() Policy {
	p := openDIMS(contract.MustDate(2025, 2, 1), contract.Party{Name: "OpenDIMS", Country: "DK"},
		"info@opendims.com", odRecipients2025)
	p.Published = contract.MustDate(2025, 2, 7)
	return p
}

// OpenDIMS2026 returns the OpenDIMS privacy policy last updated 2026-06-24
// as data: as [OpenDIMS2025], and it names the controller (OpenSUN
// Systems ApS, trading as OpenDIMS ApS), adds payment and invoicing
// systems as processors of a new payment activity (pimkit's reading: the 2026 policy
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
	for i, st := range p.Statements {
		switch st.Item {
		case ControllerIdentity, RetentionStated:
			p.Statements[i].Incomplete = false // names OpenSUN Systems ApS; names the Bookkeeping Act
		case RecipientsStated:
			p.Statements[i].Paragraph = 3 // a new first paragraph moves the list down
		}
	}
	i := slices.IndexFunc(p.Statements, func(s Statement) bool { return s.Item == RecipientsStated })
	p.Statements = slices.Insert(p.Statements, i, at(RecipientsStated, odShare, 1))
	return p
}

// OpenProducts2018 returns the Open Products privacy policy effective
// 2018-05-24 as data: controller Open Products 237 AB (SE);
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
				OnByDefault: true, OptOut: true,
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
		ImpliedConsent: true,
		SecurityMeasures: []string{
			"collection, storage and processing practices against unauthorised access, alteration, disclosure or destruction",
			"TLS for data exchanged with the website, with digital signatures",
			"back-ups encrypted on the device with the user's password before upload (zero knowledge)",
		},
		Statements: opStatements(),
	}
}

// Headings of the Open Products policy.
const (
	opPersonal   = "Personal identification information"
	opNonPersonl = "Non-personal identification information"
	opProtect    = "How we protect your information"
	opDevice     = "How we protect information on your device (OPI / KEEP)"
	opSharing    = "Sharing your personal information"
	opBusiness   = "Business transitions"
	opContacting = "Contacting us"
)

// opStatements is where the Open Products policy speaks of the information
// items. pimkit's reading: it names purposes but no legal basis; it names
// payment providers that may transfer data outside the EU with no
// safeguard; it tells how to opt out of e-mail, see and delete data, and
// switch off device services, which is neither the full list of rights nor
// a separate notice of the right to object; it gives the consequence of
// refusing cookies only, not whether order data is required; it states no
// retention, no complaint and no legitimate interest.
func opStatements() []Statement {
	return []Statement{
		at(ControllerIdentity, "", 2),
		at(ControllerContact, opPersonal, 2),
		at(ControllerContact, opContacting, 1),
		incomplete(PurposesAndBases, opPersonal, 1),
		incomplete(PurposesAndBases, opNonPersonl, 1),
		incomplete(LegitimateInterestsPursued, opDevice, 1),
		at(RecipientsStated, opProtect, 3),
		at(RecipientsStated, opSharing, 1),
		at(RecipientsStated, opBusiness, 1),
		incomplete(TransfersStated, opProtect, 3),
		incomplete(RightsStated, opPersonal, 2),
		at(WithdrawalStated, opPersonal, 2),
		incomplete(ObjectionSeparate, opDevice, 1),
		incomplete(RequirementStated, opNonPersonl, 2),
	}
}

// OpenDIMSHistory returns the OpenDIMS policy history: [OpenDIMS2025] from
// 2025-02-01 and [OpenDIMS2026] from 2026-06-24.
func OpenDIMSHistory() PolicyHistory {
	h, _ := NewPolicyHistory(OpenDIMS2025(), OpenDIMS2026())
	return h
}
