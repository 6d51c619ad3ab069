package main

import (
	"bytes"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/billing/peppol"
)

// peppolInvoice writes the invoice as a Peppol BIS Billing 3.0 UBL
// document, the electronic invoice a Danish public or business buyer's
// access point takes, and reads it back.
func (t *tour) peppolInvoice(inv billing.Invoice) error {
	doc, err := peppol.FromInvoice(inv, peppol.Settings{UnitCode: "ANN", PaymentMeans: []peppol.PaymentMeans{{Code: "58",
		Account: peppol.FinancialAccount{ID: "DK5000400440116243", Name: inv.Seller.Name}}}})
	if err != nil {
		return err
	}
	var xml bytes.Buffer
	if err := peppol.Write(&xml, doc); err != nil {
		return err
	}
	back, err := peppol.Read(&xml)
	if err != nil {
		return err
	}
	t.say("Peppol BIS 3.0 invoice %s: seller %s:%s, VAT category %s, payable %s, read back equal: %v",
		back.ID, back.Seller.Endpoint.Scheme, back.Seller.Endpoint.ID, back.TaxSubtotals[0].Category.Code, back.Totals.Payable,
		back.Totals.Payable.Equal(inv.Total))
	return nil
}
