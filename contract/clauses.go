package contract

import (
	"cmp"

	"github.com/pimkit/pimkit/internal/enum"
	"slices"
	"strconv"
	"strings"
)

// ClauseKind says what a numbered clause of the terms is to pimkit.
type ClauseKind uint8

const (
	// ClauseRule decides something: API names the functions and methods
	// that decide it, and a test names the clause.
	ClauseRule ClauseKind = iota + 1
	// ClauseParameter sets a value that rules read: API names the field.
	ClauseParameter
	// ClauseProse decides nothing pimkit can compute -- a description, a
	// promise of effort, a duty with no date or amount; Note says why.
	ClauseProse
)

var clauseKindNames = enum.Names{ClauseRule: "rule", ClauseParameter: "parameter", ClauseProse: "prose"}

// String returns "rule", "parameter" or "prose"; an invalid kind prints as
// "ClauseKind(9)".
func (k ClauseKind) String() string { return enum.String(clauseKindNames, k, "ClauseKind") }

// MarshalText implements encoding.TextMarshaler; the zero or an unknown
// kind is an error wrapping ErrInvalidInput.
func (k ClauseKind) MarshalText() ([]byte, error) {
	return enum.Marshal(clauseKindNames, k, "clause kind", ErrInvalidInput)
}

// UnmarshalText implements encoding.TextUnmarshaler: "rule" is ClauseRule;
// unknown text is an error wrapping ErrInvalidInput.
func (k *ClauseKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(clauseKindNames, b, k, "clause kind", ErrInvalidInput)
}

// ClauseInfo describes one numbered clause of the OpenDIMS terms: its
// stable ID, the citation, a short heading, what it is to pimkit and the
// API that carries it. The IDs never change between releases; hosts may
// store them.
type ClauseInfo struct {
	// ID is the clause's stable ID, its citation as text: "terms 12.3".
	ID string `json:"id"`
	// Citation is the clause as a [Citation]: Clause("12.3").
	Citation Citation `json:"citation"`
	// Heading says in a few words what the clause decides.
	Heading string `json:"heading"`
	// Kind says whether the clause is a rule, a parameter or prose.
	Kind ClauseKind `json:"kind"`
	// API names the pimkit functions, methods or fields that implement
	// the clause: "Terms.Suspension"; names in other packages carry the
	// package: "sla.Compute". Empty for prose.
	API []string `json:"api,omitempty"`
	// Note says why a prose clause decides nothing, or how a rule reads
	// the clause where its words leave room.
	Note string `json:"note,omitempty"`
}

// clauseTable is the registry of every numbered clause of the terms, in
// clause order. Keep headings and notes in the library's own words, never
// the terms' sentences.
var clauseTable = []ClauseInfo{
	prose("1.1", "the terms govern the provider's operational services", "it sets the scope of the terms; which services are operational is a fact the host knows"),
	rule("1.2", "the agreement documents: offer document (optional), data processing agreement, terms", "Document", "DocumentKind", "Conclude"),
	rule("1.3", "precedence of the documents and conclusion of the agreement", "Resolve", "ResolveTerms", "Conclude"),
	parameter("2.1", "definitions: agreed hours 24/7, support hours, payment period, the provider", "Terms.Provider", "Terms.PaymentPeriod", "BusinessHours"),
	rule("3.1", "features and capacity as the offer document says; more by supplementary agreement", "Terms.AdditionalService", "Capacity"),
	rule("3.2", "service windows on 3 days' notice, emergency service on 1 hour's", "Terms.ServiceWindowNotice", "Terms.EmergencyNotice", "sla.Compute"),
	prose("4.1", "the customer uses the service and runs its own data in it", "it allocates responsibility without a date, amount or condition to decide"),
	prose("4.2", "the customer keeps its use lawful and free of malware", "a duty of care with no measure pimkit can compute; its breach is judged by the parties and then decided under 17.3 (Terms.BreachTermination)"),
	rule("4.3", "the provider may have content deleted, and delete it if the customer does not at once", "Terms.ContentRemoval"),
	rule("4.4", "claims from the customer's use: the customer takes over and indemnifies", "Terms.ThirdPartyClaim"),
	rule("5.1", "support within agreed support hours; outside them paid by the hour", "Terms.Support", "BusinessHours"),
	prose("6.1", "documented risk management and up-to-date protection", "a promise of effort with no date or measure; GDPR Art. 32 security measures are recorded in package privacy"),
	prose("6.2", "a yearly ISAE 3402 assurance statement", "a yearly duty with no fixed date in the terms; the host records the statement"),
	rule("6.3", "security breach notice within 48 hours of awareness", "Terms.BreachNotice", "privacy.Breach.ProcessorNotice"),
	prose("7.1", "the provider monitors and logs operation and security risks", "an activity with no outcome to decide; the SLA figures it yields are computed by package sla"),
	rule("7.2", "a warning as use approaches the agreed maximum capacity", "Capacity", "Capacity.Observe"),
	rule("8.1", "guaranteed availability 99.9 %", "Terms.AvailabilityPercent", "sla.Compute"),
	rule("9.1", "confidentiality during the agreement", "Terms.Disclosure"),
	rule("9.2", "the customer as a reference only with its consent", "Terms.ReferenceUse"),
	rule("9.3", "confidentiality for 5 years after termination", "Terms.Disclosure", "Terms.Confidentiality"),
	prose("10.1", "the provider keeps its rights; the customer has a right of use for the agreement's term", "a licence grant: nothing to decide but the agreement's own term (17.1)"),
	rule("10.2", "the customer owns its data; retention only while the customer is in breach", "Terms.RetainData"),
	parameter("11.1", "the customer is controller, the provider processor under the data processing agreement", "DataProcessingAgreement", "privacy.OpenDIMSAsProcessor"),
	prose("11.2", "each party's duty to process lawfully; the provider's security measures", "duties under the GDPR with no period or amount in the terms; package privacy models Art. 28 and 32"),
	rule("11.3", "the customer reports a need for more security; the price may follow", "Terms.SecurityNeeds"),
	rule("11.4", "the customer indemnifies for its processing unless the provider was grossly at fault", "Terms.ProcessingIndemnity"),
	rule("11.5", "help with authorities and data-subject requests, paid by the hour", "Terms.ProcessorAssistance", "Terms.AssistanceCharged"),
	parameter("12.1", "prices exclude VAT and taxes", "Terms.PricesExcludeVAT"),
	rule("12.2", "index price adjustment on 4 months' notice, with a right to terminate", "Terms.PriceAdjustment", "Terms.PriceTermination"),
	rule("12.3", "payment period, net 30, late interest, suspension after two demands", "Terms.Suspension", "Terms.PaymentTerm", "Terms.LateInterestPerMonth"),
	prose("12.4", "other services invoiced as agreed or as soon as possible", "it sets no date or amount; the host invoices such services with package billing"),
	rule("12.5", "subscriptions invoiced for at least 1 month", "Terms.MinimumInvoicing"),
	parameter("13.1", "sub-processors under the customer's general consent", "privacy.SubProcessorChange"),
	rule("14.1", "force majeure suspends obligations while it lasts", "Terms.ForceMajeure"),
	prose("14.2", "what counts as force majeure", "whether an event is force majeure is a judgement of fact; the host states it when it calls Terms.ForceMajeure"),
	prose("14.2.1", "force majeure: lightning, flood, fire, network overload or faults", "an example of 14.2"),
	prose("14.2.2", "force majeure: strikes and labour disputes", "an example of 14.2"),
	rule("14.3", "termination after force majeure of more than 30 days or impossibility", "Terms.ForceMajeure"),
	rule("15.1", "liability: direct loss only, 1 month per event, 3 months in total, penalties inside", "Terms.SettleLiability", "Terms.SettleLiabilityFor", "MonthlyRemuneration"),
	rule("15.2", "no liability for outages, crashes and defects unless the offer document says so", "Terms.OutageLiability", "OutageLoss", "Terms.SettleLiability"),
	rule("15.3", "defects: notice and at least 10 days to remedy", "Terms.DefectRemedy", "Agreement.DefectRemedy"),
	rule("16.1", "binding notice by letter or e-mail to the address in the offer document", "Terms.Notice"),
	rule("17.1", "the agreement enters into force and runs until terminated", "Conclude", "Agreement.Start"),
	rule("17.2", "ordinary termination by the customer to the end of a payment period", "Terms.CustomerTermination", "Agreement.CustomerTermination"),
	rule("17.3", "termination for material breach after 14 days' cure, or after a third unpaid demand", "Terms.BreachTermination", "Terms.ProviderTermination", "Agreement.BreachTermination"),
	rule("18.1", "exit assistance whatever the reason for termination", "Terms.ExitAssistance"),
	rule("18.2", "exit assistance at hourly rates, prepayment when in arrears", "Terms.ExitAssistance"),
	rule("18.3", "data deleted at termination unless otherwise agreed", "Terms.DataDeletion"),
	rule("19.1", "monthly or annual fees collected in advance", "Terms.Renewal"),
	rule("19.2", "automatic renewal unless cancelled before the cycle ends", "Terms.Renewal", "Terms.SelfServeCancellation"),
	rule("19.3", "prices in DKK excluding VAT; price changes announced by e-mail or on the website", "Terms.Currency", "Terms.SelfServePriceChange"),
	rule("19.4", "no refund for a partly used period; unpaid invoices stay payable after termination", "Terms.SelfServeCancellation", "Terms.PayableAfterTermination"),
	rule("19.5", "no statutory 14-day right of withdrawal", "Terms.Withdrawal"),
	rule("19.6", "cancellation only by switching to the free plan", "Terms.SelfServeCancellation", "Agreement.Cancel"),
	rule("19.7", "no resale and no reseller accounts", "Terms.Resale"),
	rule("20.1", "Danish law governs", "Terms.Jurisdiction"),
	rule("20.2", "venue Herning", "Terms.Jurisdiction"),
}

func rule(ref, heading string, api ...string) ClauseInfo {
	return clause(ClauseRule, ref, heading, "", api)
}

func parameter(ref, heading string, api ...string) ClauseInfo {
	return clause(ClauseParameter, ref, heading, "", api)
}

func prose(ref, heading, note string) ClauseInfo {
	return clause(ClauseProse, ref, heading, note, nil)
}

func clause(k ClauseKind, ref, heading, note string, api []string) ClauseInfo {
	c := Clause(ref)
	return ClauseInfo{ID: c.String(), Citation: c, Heading: heading, Kind: k, API: api, Note: note}
}

func init() {
	slices.SortFunc(clauseTable, func(a, b ClauseInfo) int { return compareRefs(a.Citation.Ref, b.Citation.Ref) })
}

// compareRefs orders clause numbers numerically: 1.3 < 2.1 < 12.1.
func compareRefs(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, _ := strconv.Atoi(as[i])
		y, _ := strconv.Atoi(bs[i])
		if c := cmp.Compare(x, y); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(as), len(bs))
}

// Clauses returns every numbered clause of the OpenDIMS terms, 57 in all,
// in clause order (terms 1.1 first, terms 20.2 last; terms 2.1 before
// terms 12.1, terms 14.2.2 before terms 14.3), each with its [ClauseKind].
// The slice is a copy the caller may change.
func Clauses() []ClauseInfo {
	out := make([]ClauseInfo, len(clauseTable))
	for i, c := range clauseTable {
		c.API = slices.Clone(c.API)
		out[i] = c
	}
	return out
}

// ClauseByID returns the clause with the given ID, "terms 12.3"; the bare
// number "12.3" finds it too. An ID the terms do not have ("terms 21.1",
// "GDPR Art. 12(3)") reports false.
func ClauseByID(id string) (ClauseInfo, bool) {
	ref := strings.TrimPrefix(strings.TrimSpace(id), SourceTerms+" ")
	for _, c := range clauseTable {
		if c.Citation.Ref == ref {
			c.API = slices.Clone(c.API)
			return c, true
		}
	}
	return ClauseInfo{}, false
}
