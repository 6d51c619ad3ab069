package billing

import (
	"errors"
	"testing"

	"github.com/pimkit/pimkit/contract"
)

// TestTaggedTypesMore: for each configuration type added with credit
// notes and statements of account, a field breaking its validate tag
// comes back at its JSON path with the tag's rule.
func TestTaggedTypesMore(t *testing.T) {
	inv := invoiceFor(t, [3]string{"1", "100.00", "0.25"})
	okNote := CreditNoteInput{Number: "C", Issued: inv.Issued, Reason: CreditError}
	okAcct := StatementInput{Customer: Business, Invoices: []Invoice{inv}}
	tests := []struct {
		typ, path, rule string
		err             func() error
	}{
		{"CreditNoteInput", "reason", "required", func() error {
			in := okNote
			in.Reason = 0
			_, err := NewCreditNote(inv, nil, in)
			return err
		}},
		{"CreditLine", "lines[0].line", "required", func() error {
			in := okNote
			in.Lines = []CreditLine{{Quantity: contract.MustDec("1")}}
			_, err := NewCreditNote(inv, nil, in)
			return err
		}},
		{"CreditLine", "lines[0].quantity", "dgt", func() error {
			in := okNote
			in.Lines = []CreditLine{{Line: 1, Quantity: contract.MustDec("0")}}
			_, err := NewCreditNote(inv, nil, in)
			return err
		}},
		{"StatementInput", "customer", "required", func() error {
			in := okAcct
			in.Customer = 0
			_, err := StatementOfAccount(in, noInterest, day("2026-03-01"))
			return err
		}},
		{"AccountPayment", "payments[0].id", "required", func() error {
			in := okAcct
			in.Payments = []AccountPayment{{Date: day("2026-02-01"), Amount: dkk("1.00")}}
			_, err := StatementOfAccount(in, noInterest, day("2026-03-01"))
			return err
		}},
		{"Refund", "refunds[0].date", "required", func() error {
			in := okAcct
			in.Refunds = []Refund{{ID: "R", Amount: dkk("1.00")}}
			_, err := StatementOfAccount(in, noInterest, day("2026-03-01"))
			return err
		}},
		{"Allowance", "allowances[0].line", "gte", func() error {
			in := input(line("1", "249.00", "0.25"))
			in.Allowances = []Allowance{{Description: "x", Line: -1, Amount: dkk("1.00")}}
			_, err := NewInvoice(in, contract.Counter{})
			return err
		}},
		{"StatutoryRate", "rates[0].source", "max", func() error {
			long := make([]byte, 501)
			for i := range long {
				long[i] = 'x'
			}
			_, err := RateTable{}.With(StatutoryRate{From: day("2026-01-01"), Reference: contract.MustDec("0.01"),
				Surcharge: contract.MustDec("0.08"), Source: string(long)})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.typ+" "+tt.path, func(t *testing.T) {
			err := tt.err()
			var ve *contract.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) || !ve.Has(tt.path, tt.rule) {
				t.Errorf("error = %v, want %s %s in a *contract.ValidationError wrapping ErrInvalid", err, tt.path, tt.rule)
			}
		})
	}
}
