package privacy

import (
	"strings"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/explain"
)

const msgDeletionVsBookkeeping = "the provider deletes the data when the agreement ends, as processor on the customer's instructions; keeping the books as %s requires is the customer's own duty as controller, so the customer must export them before the end, with the provider's exit assistance"

var tensionCat = explain.Catalog(map[string]string{
	msgDeletionVsBookkeeping: "leverandøren sletter data, når aftalen ophører, som databehandler efter kundens instruks; at opbevare regnskabet efter %s er kundens egen pligt som dataansvarlig, så kunden skal eksportere det inden ophøret med leverandørens exitbistand",
})

// Tensions reports the tension between deletion of the customer's data
// when the agreement ends (terms 18.3; GDPR Art. 28(3)(g), the processor
// deletes or returns the data at the end of the services) and a retention
// rule that obliges the customer by law to keep some of that data longer
// -- its bookkeeping material for five years from the end of the financial
// year (bogføringsloven § 10). Both stand: the provider deletes as
// processor, and keeping the books is the customer's own duty as
// controller, so the customer must export them before the end (terms
// 18.1). One tension per law among rules; none when the terms keep the
// data ([contract.Terms.DeleteDataAtTermination] false) or no rule names a
// law. Merge the result with [contract.Tensions] by
// [contract.MergeTensions].
func Tensions(t contract.Terms, rules []RetentionRule) []contract.Tension {
	if !t.DeleteDataAtTermination {
		return nil
	}
	var out []contract.Tension
	seen := map[string]bool{}
	for _, r := range rules {
		law := r.Retention.Law
		if law == "" || seen[law] {
			continue
		}
		seen[law] = true
		source, ref, _ := strings.Cut(law, " ")
		cite := contract.Cite(source, ref)
		id := "deletion_vs_bookkeeping"
		if len(seen) > 1 {
			id += "_" + law
		}
		out = append(out, contract.Tension{
			ID:        id,
			First:     contract.Provision{Document: "terms and data processing agreement", Citation: contract.Clause("18.3"), Provides: "the customer's data deleted when the agreement ends"},
			Second:    contract.Provision{Document: "retention rules", Citation: cite, Provides: "records kept for " + r.Retention.Period.String()},
			Outcome:   contract.ByInterpretation,
			Prevails:  contract.CitationList{contract.Clause("18.3"), cite},
			Reason:    contract.NewReason(tensionCat, msgDeletionVsBookkeeping, law),
			Citations: contract.CitationList{gdpr("Art. 28(3)(g)"), contract.Clause("18.1"), gdpr("Art. 24")},
		})
	}
	return out
}
