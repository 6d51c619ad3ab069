package privacy

import (
	"encoding/json"
	"io"
	"slices"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
)

// InfoItem is an item of information GDPR Art. 13 and 14 require a policy
// to give the data subject, and the separate notice of the right to object
// (Art. 21(4)).
type InfoItem uint8

// The information items, in the order of the articles.
const (
	// ControllerIdentity: the identity of the controller, a legal entity
	// (Art. 13(1)(a), 14(1)(a)).
	ControllerIdentity InfoItem = iota + 1
	// ControllerContact: the controller's contact details (Art. 13(1)(a)).
	ControllerContact
	// RepresentativeContact: the identity and contact of the controller's
	// representative in the Union (Art. 13(1)(a), 27), needed only when the
	// controller is established outside the EEA.
	RepresentativeContact
	// DPOContact: the contact details of the data protection officer
	// (Art. 13(1)(b)), where one is designated or required (Art. 37).
	DPOContact
	// PurposesAndBases: the purposes and the legal basis of each (Art.
	// 13(1)(c)).
	PurposesAndBases
	// LegitimateInterestsPursued: the legitimate interests pursued, where
	// processing rests on them (Art. 13(1)(d), 14(2)(b)).
	LegitimateInterestsPursued
	// RecipientsStated: the recipients or categories of recipients (Art.
	// 13(1)(e)).
	RecipientsStated
	// TransfersStated: transfers to third countries and their safeguard
	// (Art. 13(1)(f)).
	TransfersStated
	// RetentionStated: the retention period, or the criteria that set it
	// (Art. 13(2)(a)).
	RetentionStated
	// RightsStated: the rights of access, rectification, erasure,
	// restriction, objection and portability (Art. 13(2)(b)).
	RightsStated
	// WithdrawalStated: the right to withdraw consent at any time, for
	// every processing on consent (Art. 13(2)(c)).
	WithdrawalStated
	// ComplaintStated: the right to lodge a complaint with a supervisory
	// authority (Art. 13(2)(d)).
	ComplaintStated
	// ObjectionSeparate: the right to object, brought to the subject's
	// attention clearly and separately from any other information (Art.
	// 21(4)).
	ObjectionSeparate
	// RequirementStated: whether providing the data is a statutory or
	// contractual requirement, and the consequences of not providing it
	// (Art. 13(2)(e)).
	RequirementStated
	// AutomatedDecisionsStated: the existence of automated decisions,
	// including profiling, and their logic (Art. 13(2)(f)).
	AutomatedDecisionsStated
	// CategoriesStated: the categories of data obtained from others (Art.
	// 14(1)(d)).
	CategoriesStated
	// SourceStated: the source the data comes from (Art. 14(2)(f)).
	SourceStated
	// TimingStated: when the subject is told of data obtained from others,
	// within a month at the latest (Art. 14(3)).
	TimingStated
)

var infoItemNames = enum.Names{"", "controller_identity", "controller_contact", "representative", "dpo_contact",
	"purposes_and_bases", "legitimate_interests", "recipients", "transfers", "retention", "rights",
	"withdrawal", "complaint", "objection_separate", "requirement", "automated_decisions",
	"categories", "source", "timing"}

// InfoItems returns every information item in the order of the articles.
func InfoItems() []InfoItem {
	items := make([]InfoItem, 0, len(infoItemNames)-1)
	for i := 1; i < len(infoItemNames); i++ {
		items = append(items, InfoItem(i))
	}
	return items
}

// String returns the item's name, such as "controller_identity" or
// "objection_separate".
func (i InfoItem) String() string { return enum.String(infoItemNames, i, "InfoItem") }

// MarshalText implements encoding.TextMarshaler.
func (i InfoItem) MarshalText() ([]byte, error) {
	return enum.Marshal(infoItemNames, i, "information item", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (i *InfoItem) UnmarshalText(b []byte) error {
	return enum.Unmarshal(infoItemNames, b, i, "information item", ErrUnknownValue)
}

// Article returns the article that requires the item: "Art. 13(1)(a)" for
// ControllerIdentity, "Art. 21(4)" for ObjectionSeparate, "Art. 14(3)" for
// TimingStated.
func (i InfoItem) Article() contract.Citation {
	if int(i) >= len(itemArticles) {
		return contract.Citation{}
	}
	return gdpr(itemArticles[i][0])
}

// itemArticles holds each item's article in Art. 13 (or 14, 21) and its
// counterpart in Art. 14 when there is one.
var itemArticles = [...][2]string{
	{},
	{"Art. 13(1)(a)", "Art. 14(1)(a)"},
	{"Art. 13(1)(a)", "Art. 14(1)(a)"},
	{"Art. 13(1)(a)", "Art. 14(1)(a)"},
	{"Art. 13(1)(b)", "Art. 14(1)(b)"},
	{"Art. 13(1)(c)", "Art. 14(1)(c)"},
	{"Art. 13(1)(d)", "Art. 14(2)(b)"},
	{"Art. 13(1)(e)", "Art. 14(1)(e)"},
	{"Art. 13(1)(f)", "Art. 14(1)(f)"},
	{"Art. 13(2)(a)", "Art. 14(2)(a)"},
	{"Art. 13(2)(b)", "Art. 14(2)(c)"},
	{"Art. 13(2)(c)", "Art. 14(2)(d)"},
	{"Art. 13(2)(d)", "Art. 14(2)(e)"},
	{"Art. 21(4)", ""},
	{"Art. 13(2)(e)", ""},
	{"Art. 13(2)(f)", "Art. 14(2)(g)"},
	{"Art. 14(1)(d)", ""},
	{"Art. 14(2)(f)", ""},
	{"Art. 14(3)", ""},
}

// Presence is whether a policy gives an information item.
type Presence uint8

// The presences. The zero value is invalid.
const (
	// Present: the policy gives the item.
	Present Presence = iota + 1
	// Missing: the item applies and the policy does not give it, or gives
	// it incompletely.
	Missing
	// NotApplicable: the item does not apply to the policy's processing,
	// such as a representative for a controller established in the EU.
	NotApplicable
)

var presenceNames = enum.Names{"", "present", "missing", "not_applicable"}

// String returns "present", "missing" or "not_applicable".
func (p Presence) String() string { return enum.String(presenceNames, p, "Presence") }

// MarshalText implements encoding.TextMarshaler.
func (p Presence) MarshalText() ([]byte, error) {
	return enum.Marshal(presenceNames, p, "presence", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (p *Presence) UnmarshalText(b []byte) error {
	return enum.Unmarshal(presenceNames, b, p, "presence", ErrUnknownValue)
}

// Location is a place in a policy's text: the heading of a section and the
// number of a block under it. Heading "" is the text before the first
// heading. Paragraph counts the blocks under the heading from 1, a
// paragraph or a whole list being one block, so "Your rights" paragraph 2
// is the list of rights under that heading.
type Location struct {
	// Heading is the section's heading as the policy spells it.
	Heading string `json:"heading"`
	// Paragraph is the block's number under the heading, from 1.
	Paragraph int `json:"paragraph"`
}

// Statement records where a policy speaks of an information item: the
// reading of the text that [CheckInformation] rests on. A statement that
// speaks of the item without giving what the article asks, such as
// "as long as necessary" for retention, is Incomplete.
type Statement struct {
	// Item is the information item.
	Item InfoItem `json:"item"`
	// Location is where the policy speaks of it.
	Location
	// Incomplete reports that the text there does not give what the
	// article asks.
	Incomplete bool `json:"incomplete,omitempty"`
}

// Finding is the verdict on one information item of a policy.
type Finding struct {
	// Item is the information item.
	Item InfoItem `json:"item"`
	// Status is present, missing or not applicable.
	Status Presence `json:"status"`
	// Citations are the article that requires the item and, when Art. 14
	// applies too, its counterpart there.
	Citations contract.CitationList `json:"citations"`
	// Where are the places the finding rests on: where the policy gives
	// the item, or speaks of it incompletely; empty when the policy is
	// silent.
	Where []Location `json:"where,omitempty"`
	// Activities name the activities a missing item concerns, such as the
	// consent-based activities with no way to withdraw.
	Activities []string `json:"activities,omitempty"`
}

// InformationReport is a policy checked against GDPR Art. 13 and 14: a
// finding for every information item, in the order of the articles.
type InformationReport struct {
	// Policy names the policy: "OpenDIMS privacy policy 2025-02-01".
	Policy string `json:"policy"`
	// Art14 reports that some data comes from others than the subject
	// (the Partners source), so Art. 14 applies beside Art. 13.
	Art14 bool `json:"art14"`
	// Findings are the verdicts, one per [InfoItem].
	Findings []Finding `json:"findings"`
}

// Missing returns the items the policy is missing.
func (r InformationReport) Missing() []InfoItem {
	var out []InfoItem
	for _, f := range r.Findings {
		if f.Status == Missing {
			out = append(out, f.Item)
		}
	}
	return out
}

// Finding returns the finding on item, and false when the report has none.
func (r InformationReport) Finding(item InfoItem) (Finding, bool) {
	for _, f := range r.Findings {
		if f.Item == item {
			return f, true
		}
	}
	return Finding{}, false
}

// WriteJSON writes r as indented JSON to w; a nil w is an error matching
// [ErrNil].
func (r InformationReport) WriteJSON(w io.Writer) error {
	if w == nil {
		return ErrNil
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// eea are the EEA states (ISO 3166-1 alpha-2): a controller established
// in one needs no representative (Art. 27(1)).
var eea = []string{"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
	"IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK"}

// CheckInformation checks policy p against GDPR Art. 13 and 14 and returns
// a finding for every [InfoItem]. Each finding rests on two things: the
// policy's modelled facts (its activities, bases, recipients, retention,
// rights, contact) and its [Statement]s, the places in its text that speak
// of each item. An item is Present when a statement gives it completely
// and the facts agree; Missing when it applies and either fails; and
// NotApplicable when the processing does not call for it:
//
//   - RepresentativeContact applies only to a controller whose Country is
//     outside the EEA (Art. 27(1)); DPOContact only when p.DPO is set or
//     p.DPORequired (Art. 37);
//   - LegitimateInterestsPursued applies when an activity rests on
//     legitimate interests, and is present only when each states its
//     Interest; TransfersStated applies when a recipient is in a third
//     country, and is present only when each has a safeguard;
//   - RetentionStated is present only when some activity's retention names
//     a period or a law (keeping data "while needed" alone is no criterion);
//     RightsStated only when p.Rights holds all six rights of Art. 15-21;
//     WithdrawalStated only when every activity on consent has an OptOut --
//     so a policy that lets the subject withdraw marketing consent but not
//     cookie consent misses it, and the finding names the cookie activity;
//   - ObjectionSeparate applies when an activity rests on legitimate
//     interests or public task, or is direct marketing (Art. 21(1)-(2));
//     AutomatedDecisionsStated applies only when p.AutomatedDecisions;
//     RequirementStated when data comes from the subject;
//   - CategoriesStated, SourceStated and TimingStated apply when data comes
//     from partners (Art. 14).
//
// For OpenDIMS 2025 the report misses the controller's identity (the
// policy names the service, not the company), retention criteria,
// withdrawal of cookie consent, the complaint to an authority, the separate
// notice of the right to object, the requirement to provide data and the
// Art. 14 timing.
func CheckInformation(p Policy) InformationReport {
	r := InformationReport{Policy: p.String()}
	var lis, consents, marketingOrLI, thirdCountry, noSafeguard, noInterest, noWithdrawal []string
	direct, retentionCriterion := false, false
	for _, a := range p.Activities {
		for _, s := range a.Sources {
			switch s {
			case Partners:
				r.Art14 = true
			case Direct, Automatic:
				direct = true
			}
		}
		switch a.Basis {
		case LegitimateInterests:
			lis = append(lis, a.Name)
			if a.Interest == "" {
				noInterest = append(noInterest, a.Name)
			}
		case Consent:
			consents = append(consents, a.Name)
			if !a.OptOut {
				noWithdrawal = append(noWithdrawal, a.Name)
			}
		}
		if a.Basis == LegitimateInterests || a.Basis == PublicTask || a.Purpose.Under(UseMarketing) {
			marketingOrLI = append(marketingOrLI, a.Name)
		}
		for _, rc := range a.Recipients {
			if rc.ThirdCountry {
				thirdCountry = append(thirdCountry, a.Name)
				if rc.Safeguard == NoSafeguard {
					noSafeguard = append(noSafeguard, a.Name)
				}
			}
		}
		if a.Retention.Law != "" || !a.Retention.Period.IsZero() {
			retentionCriterion = true
		}
	}
	allRightsStated := true
	for _, rt := range allRights {
		allRightsStated = allRightsStated && slices.Contains(p.Rights, rt)
	}
	for _, item := range InfoItems() {
		applies, factsOK := true, true
		var concerned []string
		switch item {
		case ControllerIdentity:
			factsOK = p.Controller.Name != ""
		case ControllerContact:
			factsOK = p.Contact != ""
		case RepresentativeContact:
			applies = p.Controller.Country != "" && !slices.Contains(eea, p.Controller.Country)
			factsOK = p.Representative.Name != ""
		case DPOContact:
			applies = p.DPO != "" || p.DPORequired
			factsOK = p.DPO != ""
		case LegitimateInterestsPursued:
			applies, factsOK, concerned = len(lis) > 0, len(noInterest) == 0, noInterest
		case RecipientsStated:
			applies = slices.ContainsFunc(p.Activities, func(a Activity) bool { return len(a.Recipients) > 0 })
		case TransfersStated:
			applies, factsOK, concerned = len(thirdCountry) > 0, len(noSafeguard) == 0, noSafeguard
		case RetentionStated:
			factsOK = retentionCriterion
		case RightsStated:
			factsOK = allRightsStated
		case WithdrawalStated:
			applies, factsOK, concerned = len(consents) > 0, len(noWithdrawal) == 0, noWithdrawal
		case ObjectionSeparate:
			applies = len(marketingOrLI) > 0
		case RequirementStated:
			applies = direct
		case AutomatedDecisionsStated:
			applies = p.AutomatedDecisions
		case CategoriesStated, SourceStated, TimingStated:
			applies = r.Art14
		}
		f := Finding{Item: item, Citations: contract.CitationList{item.Article()}}
		if a14 := itemArticles[item][1]; r.Art14 && a14 != "" {
			f.Citations = append(f.Citations, gdpr(a14))
		}
		complete := false
		for _, s := range p.Statements {
			if s.Item == item {
				f.Where = append(f.Where, s.Location)
				complete = complete || !s.Incomplete
			}
		}
		switch {
		case !applies:
			f.Status = NotApplicable
		case complete && factsOK:
			f.Status = Present
		default:
			f.Status = Missing
			f.Activities = concerned
		}
		r.Findings = append(r.Findings, f)
	}
	return r
}
