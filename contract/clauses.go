package contract

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// ClauseInfo describes one clause of the terms that pimkit implements:
// its stable ID, the citation, a short heading and the API that carries
// it. The IDs never change between releases; hosts may store them.
type ClauseInfo struct {
	// ID is the clause's stable ID, its citation as text: "terms 12.3".
	ID string `json:"id"`
	// Citation is the clause as a [Citation]: Clause("12.3").
	Citation Citation `json:"citation"`
	// Heading says in a few words what the clause decides.
	Heading string `json:"heading"`
	// API names the pimkit functions, methods or fields that implement
	// the clause: "Terms.Suspension".
	API []string `json:"api,omitempty"`
}

// clauseTable is the registry, in clause order. Keep headings in the
// library's own words, never the terms' sentences.
var clauseTable = []ClauseInfo{
	clause("1.2", "the agreement documents: offer document (optional), data processing agreement, terms", "Document", "DocumentKind"),
	clause("1.3", "precedence of the documents and conclusion of the agreement", "Resolve", "ResolveTerms", "Conclude"),
	clause("2.1", "definitions: agreed hours 24/7, payment period, the provider", "Terms.Provider", "Terms.PaymentPeriod"),
	clause("3.2", "service windows on 3 days' notice, emergency service on 1 hour's", "Terms.ServiceWindowNotice", "Terms.EmergencyNotice"),
	clause("6.3", "security breach notice within 48 hours of awareness", "Terms.BreachNotice"),
	clause("8.1", "guaranteed availability 99.9 %", "Terms.AvailabilityPercent"),
	clause("9.1", "confidentiality during the agreement", "Terms.Disclosure"),
	clause("9.3", "confidentiality for 5 years after termination", "Terms.Disclosure", "Terms.Confidentiality"),
	clause("12.1", "prices exclude VAT and taxes", "Terms.PricesExcludeVAT"),
	clause("12.2", "index price adjustment on 4 months' notice, with a right to terminate", "Terms.PriceAdjustment", "Terms.PriceTermination"),
	clause("12.3", "payment period, net 30, late interest, suspension after two demands", "Terms.Suspension", "Terms.PaymentTerm", "Terms.LateInterestPerMonth"),
	clause("12.5", "subscriptions invoiced for at least 1 month", "Terms.MinimumInvoicing"),
	clause("14.1", "force majeure suspends obligations while it lasts", "Terms.ForceMajeure"),
	clause("14.3", "termination after force majeure of more than 30 days or impossibility", "Terms.ForceMajeure"),
	clause("15.1", "liability: direct loss only, 1 month per event, 3 months in total, penalties inside", "Terms.SettleLiability", "Terms.SettleLiabilityFor", "MonthlyRemuneration"),
	clause("15.3", "defects: notice and at least 10 days to remedy", "Terms.DefectRemedy", "Agreement.DefectRemedy"),
	clause("17.1", "the agreement enters into force and runs until terminated", "Conclude", "Agreement.Start"),
	clause("17.2", "ordinary termination by the customer to the end of a payment period", "Terms.CustomerTermination", "Agreement.CustomerTermination"),
	clause("17.3", "termination for material breach after 14 days' cure, or after a third unpaid demand", "Terms.BreachTermination", "Terms.ProviderTermination", "Agreement.BreachTermination"),
	clause("18.1", "exit assistance whatever the reason for termination", "Terms.ExitAssistance"),
	clause("18.2", "exit assistance at hourly rates, prepayment when in arrears", "Terms.ExitAssistance"),
	clause("18.3", "data deleted at termination unless otherwise agreed", "Terms.DataDeletion"),
	clause("19.1", "monthly or annual fees collected in advance", "Terms.Renewal"),
	clause("19.2", "automatic renewal unless cancelled before the cycle ends", "Terms.Renewal", "Terms.SelfServeCancellation"),
	clause("19.3", "prices in DKK excluding VAT", "Terms.Currency"),
	clause("19.4", "no refund for a partly used period", "Terms.SelfServeCancellation"),
	clause("19.5", "no statutory 14-day right of withdrawal", "Terms.Withdrawal"),
	clause("19.6", "cancellation only by switching to the free plan", "Terms.SelfServeCancellation", "Agreement.Cancel"),
	clause("19.7", "no resale and no reseller accounts", "Terms.Resale"),
	clause("20.1", "Danish law governs", "Terms.Jurisdiction"),
	clause("20.2", "venue Herning", "Terms.Jurisdiction"),
}

func clause(ref, heading string, api ...string) ClauseInfo {
	c := Clause(ref)
	return ClauseInfo{ID: c.String(), Citation: c, Heading: heading, API: api}
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

// Clauses returns every clause of the terms that pimkit implements, in
// clause order (terms 1.2 first, terms 20.2 last; terms 2.1 before terms
// 12.1). The slice is a copy the caller may change.
func Clauses() []ClauseInfo {
	out := make([]ClauseInfo, len(clauseTable))
	for i, c := range clauseTable {
		c.API = slices.Clone(c.API)
		out[i] = c
	}
	return out
}

// ClauseByID returns the clause with the given ID, "terms 12.3"; the bare
// number "12.3" finds it too. An ID pimkit does not implement ("terms
// 4.3") reports false.
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
