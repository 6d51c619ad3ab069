package billing

import (
	"fmt"
	"github.com/pimkit/pimkit/internal/redact"
	"log/slog"
	"strings"

	"github.com/pimkit/pimkit/contract"
)

// LogValue logs the invoice without the parties' personal data (a buyer
// may be a consumer or a sole trader): its number, dates, totals and
// treatment, and the parties as [contract.Party.LogValue] gives them.
func (inv Invoice) LogValue() slog.Value {
	return slog.GroupValue(slog.String("number", inv.Number), slog.String("issued", inv.Issued.String()),
		slog.String("due", inv.Due.String()), slog.String("total", inv.Total.String()),
		slog.String("vat_treatment", inv.Treatment.String()),
		slog.Any("seller", inv.Seller.LogValue()), slog.Any("buyer", inv.Buyer.LogValue()))
}

// String describes the invoice without the parties' personal data:
// "invoice 2026-0001 of 2026-01-31, 1250.00 DKK due 2026-03-02".
func (inv Invoice) String() string {
	return "invoice " + inv.Number + " of " + inv.Issued.String() + ", " + inv.Total.String() + " due " + inv.Due.String()
}

// GoString returns what String returns: the invoice names its parties.
func (inv Invoice) GoString() string { return "billing.Invoice{" + inv.String() + "}" }

// Format prints [Invoice.String] for every verb, so no verb prints the
// parties' names or addresses.
func (inv Invoice) Format(f fmt.State, verb rune) {
	redact.Format(f, verb, inv.String(), inv.GoString())
}

// LogValue logs the input without the parties' personal data.
func (in InvoiceInput) LogValue() slog.Value {
	return slog.GroupValue(slog.String("number", in.Number), slog.String("issued", in.Issued.String()),
		slog.Int("lines", len(in.Lines)), slog.String("vat_treatment", in.Treatment.String()),
		slog.Any("seller", in.Seller.LogValue()), slog.Any("buyer", in.Buyer.LogValue()))
}

// String describes the input without the parties' personal data.
func (in InvoiceInput) String() string {
	return fmt.Sprintf("invoice input %s of %s, %d lines", in.Number, in.Issued, len(in.Lines))
}

// GoString returns what String returns.
func (in InvoiceInput) GoString() string { return "billing.InvoiceInput{" + in.String() + "}" }

// Format prints [InvoiceInput.String] for every verb.
func (in InvoiceInput) Format(f fmt.State, verb rune) {
	redact.Format(f, verb, in.String(), in.GoString())
}

// party returns p as a contract.Party, to log it the way contract does.
func (p InvoiceParty) party() contract.Party {
	return contract.Party{Name: p.Name, CVR: p.CVR, VATID: p.VATID, Address: p.Address, Country: p.Country}
}

// LogValue logs the party with its name, numbers and address redacted.
func (p InvoiceParty) LogValue() slog.Value { return p.party().LogValue() }

// String returns the party without its personal data: "party [redacted] (DK)".
func (p InvoiceParty) String() string { return p.party().String() }

// GoString returns Go syntax with the personal data redacted.
func (p InvoiceParty) GoString() string {
	return strings.Replace(p.party().GoString(), "contract.Party", "billing.InvoiceParty", 1)
}

// Format prints [InvoiceParty.String] for every verb and GoString for %#v.
func (p InvoiceParty) Format(f fmt.State, verb rune) {
	redact.Format(f, verb, p.String(), p.GoString())
}
