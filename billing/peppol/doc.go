// Package peppol writes and reads Peppol BIS Billing 3.0 e-invoices: UBL
// 2.1 invoices and credit notes as a Danish business sends them through
// the Peppol network (NemHandel) to another business or a public buyer.
//
// # The document
//
// A [Document] is the invoice or credit note as a value, named after the
// business terms of EN 16931 that Peppol uses: parties with their Peppol
// address, legal registration and VAT number; lines with quantity, price,
// item and VAT category; allowances (discounts) and charges on lines and
// on the document; the VAT breakdown per category; payment means and
// terms; and the totals. It round-trips through JSON and compares with
// go-cmp. Amounts are exact [contract.Money], never floats.
//
// A Danish party is identified by its CVR number with scheme 0184 as
// electronic address (EndpointID) and legal registration
// (PartyLegalEntity/CompanyID), and by "DK" + CVR as VAT number
// (PartyTaxScheme). VAT categories are S (standard rate), Z (zero-rated),
// E (exempt, with its reason), AE (reverse charge, VAT Directive
// Art. 196) and O (outside the scope of VAT, such as a service supplied
// outside the EU), and K and G. A credit note names the invoice it
// corrects by number and issue date (BillingReference), as
// momsbekendtgørelsen § 58, stk. 2 requires. An invoice in a foreign
// currency also states its VAT in the tax currency (BT-6 and a second
// TaxTotal; momsbekendtgørelsen § 97, stk. 2).
//
// # Writing
//
// [FromInvoice] turns a [billing.Invoice] into a Document with billing's
// exact amounts; [Settings] add the payment means (code 58 SEPA credit
// transfer to an IBAN, 31, 42, ...) and the buyer's reference; an invoice
// in a foreign currency carries the VAT in kroner that billing computed
// at the host's exchange rate. [FromCreditNote] does the same for a
// [billing.CreditNote], with its reference to the invoice. [Document.WithTotals] computes the
// amounts of a document a host builds itself -- one with a 10 % discount
// on a line and 50.00 DKK off the whole invoice, say -- and
// [Document.Check] reports, with JSON paths, what Peppol makes fatal and
// a value can show, with sums exact to the minor unit. [Write] writes it
// as UBL 2.1 XML:
//
//	doc, err := peppol.FromInvoice(inv, peppol.Settings{PaymentMeans: []peppol.PaymentMeans{
//		{Code: "58", Account: peppol.FinancialAccount{ID: "DK5000400440116243"}}}})
//	if err != nil { ... }
//	err = peppol.Write(w, doc)
//
// The documents the package writes pass the official validation
// artefacts of Peppol BIS Billing 3.0 (release 3.0.19): the UBL 2.1
// schema, the EN 16931 rules and the Peppol rules with the Danish DK-R
// rules. Those rules tolerate a VAT amount one minor unit off the rate
// (BR-CO-17); the package keeps billing's amounts, VAT rounded per line,
// so 3 x 24.95 DKK at 25 % has VAT 18.71 on the invoice and in the XML.
//
// # Reading
//
// [Read] reads an invoice or credit note that any Peppol sender wrote,
// keeping the elements the Document carries and skipping the others. It
// is bounded for untrusted input (at most [MaxDocumentBytes], 16 bytes
// allocated per input byte plus 64 KiB) and reports every value it
// cannot read at its JSON path in a [*contract.ValidationError].
package peppol
