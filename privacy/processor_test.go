package privacy

import (
	"testing"

	"github.com/pimkit/pimkit/contract"
)

func TestOpenDIMSAsProcessor(t *testing.T) {
	terms := contract.OpenDIMSTerms()
	p := OpenDIMSAsProcessor(terms, d("2025-02-01"), contract.Party{Name: "Example Webshop ApS", Country: "DK"})
	if err := p.Validate(DefaultTaxonomy()); err != nil {
		t.Fatalf("terms 11.1 processor policy invalid: %v", err)
	}
	r := RecordsOfProcessing(p)
	if r.Article != "Art. 30(2)" || r.Organisation.Name != "OpenDIMS ApS" || len(r.OnBehalfOf) != 1 {
		t.Errorf("RecordsOfProcessing = %+v, want Art. 30(2) for OpenDIMS ApS on behalf of one customer", r)
	}
	if got := p.Activities[0].Retention.Kind; got != UntilTermination {
		t.Errorf("terms 18.3 retention = %v, want until_termination", got)
	}
}

func TestTerminationDeletion(t *testing.T) {
	terms := contract.OpenDIMSTerms()
	tests := []struct {
		name   string
		delete bool
		want   bool
	}{
		{"terms 18.3 deleted at termination", true, true},
		{"terms 18.3 otherwise agreed", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			terms.DeleteDataAtTermination = tt.delete
			got := TerminationDeletion(terms, d("2026-12-31"))
			if got.Allowed != tt.want || got.Date != d("2026-12-31") || got.Citations[0].String() != "terms 18.3" {
				t.Errorf("TerminationDeletion = %v %v, want %v", got.Allowed, got, tt.want)
			}
		})
	}
}
