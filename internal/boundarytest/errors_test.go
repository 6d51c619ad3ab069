// Package boundarytest checks promises that span every package of pimkit:
// one problem type that a single errors.As finds whichever package
// rejected the input (DESIGN rule 7).
package boundarytest

import (
	"errors"
	"testing"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/privacy"
	"github.com/pimkit/pimkit/privacy/tcf"
	"github.com/pimkit/pimkit/sla"
	"github.com/shopspring/decimal"
)

func TestOneErrorsAsForEveryPackage(t *testing.T) {
	_, catalogErr := catalog.Schema{}.Compile()
	_, billingErr := billing.NewInvoice(billing.InvoiceInput{}, contract.Counter{})
	_, tcfErr := tcf.Decode("CP")
	for _, tt := range []struct {
		pkg      string
		err      error
		sentinel error
	}{
		{"contract: zero terms (terms 12.1, 19.3)", contract.Terms{}.Validate(), contract.ErrInvalidTerms},
		{"catalog: zero schema", catalogErr, catalog.ErrInvalid},
		{"billing: empty invoice (momsbekendtgørelsen § 58)", billingErr, billing.ErrInvalid},
		{"sla: a target above 100 % (terms 8.1)", sla.Policy{Target: contract.Dec(decimal.NewFromInt(101))}.Validate(), sla.ErrInvalidTarget},
		{"privacy: empty policy (GDPR Art. 13)", privacy.Policy{}.Validate(privacy.DefaultTaxonomy()), privacy.ErrInvalid},
		{"privacy/tcf: truncated TC string", tcfErr, tcf.ErrTruncated},
	} {
		t.Run(tt.pkg, func(t *testing.T) {
			var verr *contract.ValidationError
			if !errors.As(tt.err, &verr) {
				t.Fatalf("errors.As(%v, *contract.ValidationError) = false", tt.err)
			}
			if len(verr.Problems) == 0 || verr.Problems[0].Path == "" && verr.Problems[0].Rule == "" {
				t.Errorf("no located problem in %v", verr)
			}
			for _, p := range verr.Problems {
				if p.Message == "" {
					t.Errorf("problem %s has no message", p)
				}
			}
			if !errors.Is(tt.err, tt.sentinel) {
				t.Errorf("errors.Is(%v, %v) = false", tt.err, tt.sentinel)
			}
		})
	}
}
