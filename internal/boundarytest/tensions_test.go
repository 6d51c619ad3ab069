package boundarytest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"github.com/pimkit/pimkit/sla"
	"golang.org/x/text/language"
)

// TestOpenDIMSTensions runs the report of tensions over the OpenDIMS
// document set -- the terms, an offer document with SLA credit tiers, the
// data processing agreement and the 2026 privacy policy's retention rules
// -- and checks that it finds the four tensions the documents hold, each
// with both sides cited and its outcome: deletion at termination (terms
// 18.3, GDPR Art. 28(3)(g)) against the customer's bookkeeping duty
// (bogføringsloven § 10), settled by interpretation; terms 15.2 against
// the SLA credits, by precedence; 12.2 against 19.3 and 17.2 against 17.3
// inside the terms, by interpretation. It also finds 16.1 against 19.6.
func TestOpenDIMSTensions(t *testing.T) {
	terms := contract.OpenDIMSTerms()
	docs := []contract.Document{{Kind: contract.OfferDocument, Name: "Offer 2026-117", Params: map[string]string{"payment_period": "P12M"}},
		{Kind: contract.DataProcessingAgreement, Name: "DPA 2026"}}
	own, err := contract.Tensions(terms, docs)
	if err != nil {
		t.Fatal(err)
	}
	report := contract.MergeTensions(own, sla.Tensions(terms, sla.CommonCreditTiers()),
		privacy.Tensions(terms, privacy.RulesFromPolicy(privacy.OpenDIMS2026())))
	type row struct {
		ID, First, Second string
		Outcome           contract.Outcome
	}
	var got []row
	for _, x := range report {
		got = append(got, row{x.ID, x.First.Citation.String(), x.Second.Citation.String(), x.Outcome})
		if x.Reason.String() == "" || x.Reason.In(language.Danish) == x.Reason.String() || len(x.Citations) == 0 {
			t.Errorf("%s: reason %q / %q, citations %v", x.ID, x.Reason, x.Reason.In(language.Danish), x.Citations)
		}
	}
	want := []row{
		{"index_adjustment_vs_subscription_prices", "terms 12.2", "terms 19.3", contract.ByInterpretation},
		{"outage_liability_vs_sla_credits", "terms 15.2", "terms 8.1", contract.ByPrecedence},
		{"email_notice_vs_self_serve_cancellation", "terms 16.1", "terms 19.6", contract.ByInterpretation},
		{"ordinary_notice_vs_breach_only", "terms 17.2", "terms 17.3", contract.ByInterpretation},
		{"deletion_vs_bookkeeping", "terms 18.3", "bogføringsloven § 10", contract.ByInterpretation},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the OpenDIMS tensions (-want +got):\n%s", diff)
	}
}

// TestTensionsByPrecedenceAndNone checks terms 1.3 between documents that
// set a parameter differently, and that terms and documents without
// tensions give an empty report.
func TestTensionsByPrecedenceAndNone(t *testing.T) {
	terms := contract.OpenDIMSTerms()
	docs := []contract.Document{{Kind: contract.OfferDocument, Name: "Offer", Params: map[string]string{"breach_notice": "PT24H"}},
		{Kind: contract.DataProcessingAgreement, Name: "DPA", Params: map[string]string{"breach_notice": "PT36H"}}}
	got, err := contract.Tensions(terms, docs)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, x := range got {
		if x.ID == "param_breach_notice" {
			found = true
			if x.Outcome != contract.ByPrecedence || x.First.Document != "data processing agreement DPA" || x.Prevails[0].String() != "terms 6.3" {
				t.Errorf("terms 1.3 the DPA prevails on data processing: %+v", x)
			}
		}
	}
	if !found {
		t.Errorf("terms 1.3 no tension for breach_notice set twice: %+v", got)
	}

	quiet := terms
	quiet.PriceChangeNotice, quiet.CustomerNotice, quiet.DeleteDataAtTermination, quiet.OutageLiability = contract.Period{}, contract.Period{}, false, true
	own, err := contract.Tensions(quiet, nil)
	if err != nil {
		t.Fatal(err)
	}
	report := contract.MergeTensions(own, sla.Tensions(quiet, sla.CommonCreditTiers()),
		privacy.Tensions(quiet, privacy.RulesFromPolicy(privacy.OpenDIMS2026())))
	if len(report) != 0 {
		t.Errorf("terms 1.3 a document set without tensions gives %d: %+v", len(report), report)
	}
}
