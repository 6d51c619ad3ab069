package sla

import "github.com/pimkit/pimkit/contract"

// Tensions reports the tension between SLA credit tiers and the terms
// (terms 15.2): the terms exclude liability for losses from system
// crashes, outages and defects unless the offer document says otherwise,
// while the credit tiers an offer document agrees pay for exactly those
// outages. The SLA is agreed in the offer document (terms 2.1), which 15.2
// itself and the order of precedence (1.3) put first, so the credits are
// owed, inside the caps of 15.1 ([Settle]); other losses from outages stay
// excluded. No tiers, or terms that make the provider liable for outages
// ([contract.Terms.OutageLiability]), give no tension. Merge the result
// with [contract.Tensions] by [contract.MergeTensions].
func Tensions(t contract.Terms, tiers CreditTiers) []contract.Tension {
	if len(tiers) == 0 || t.OutageLiability {
		return nil
	}
	return []contract.Tension{{
		ID:        "outage_liability_vs_sla_credits",
		First:     contract.Provision{Document: contract.SourceTerms, Citation: contract.Clause("15.2"), Provides: "no liability for outages, crashes and defects unless the offer document says otherwise"},
		Second:    contract.Provision{Document: "offer document (SLA credit tiers)", Citation: contract.Clause("8.1"), Provides: "service credits when availability falls below the target"},
		Outcome:   contract.ByPrecedence,
		Prevails:  contract.CitationList{contract.Clause("8.1")},
		Reason:    reason(keyOutageVsSLA),
		Citations: contract.CitationList{contract.Clause("1.3"), contract.Clause("15.2"), contract.Clause("15.1")},
	}}
}
