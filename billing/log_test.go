package billing_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// TestNoPersonalDataInLogs logs the invoice types, which name the buyer
// (a consumer or a sole trader: personal data, GDPR Art. 4(1)), through
// slog.JSONHandler and fmt and finds no name, number or address.
func TestNoPersonalDataInLogs(t *testing.T) {
	buyer := contract.Party{Name: "Mette Jensen", CVR: "43782495", Address: "Vestergade 1, 8000 Aarhus C", Country: "DK"}
	in := billing.InvoiceInput{
		Number: "2026-0001", Issued: contract.MustDate(2026, 1, 29),
		Seller:    contract.Party{Name: "OpenDIMS ApS", CVR: "43782495", Address: "Rømersvej 4, 7430 Ikast"},
		Buyer:     buyer,
		Treatment: billing.DomesticVAT,
		Lines: []billing.Line{{Description: "PIM subscription", Quantity: contract.MustDec("1"),
			UnitPrice: contract.MustParseMoney("100", currency.DKK), VATRate: contract.MustDec("0.25")}},
	}
	inv, err := billing.NewInvoice(in, contract.Counter{})
	if err != nil {
		t.Fatal(err)
	}
	party := billing.PartyRules(buyer)
	secrets := []string{"Mette", "Jensen", "Vestergade", "Aarhus", "Rømersvej"}
	for _, v := range []any{inv, in, party} {
		var buf bytes.Buffer
		slog.New(slog.NewJSONHandler(&buf, nil)).Info("logged", "value", v)
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
			buf.WriteString(fmt.Sprintf(verb, v))
		}
		for _, s := range secrets {
			if strings.Contains(buf.String(), s) {
				t.Errorf("%T logs %q:\n%s", v, s, buf.String())
			}
		}
		if !strings.Contains(buf.String(), contract.Redacted) {
			t.Errorf("%T: nothing says it was redacted:\n%s", v, buf.String())
		}
	}
	if !strings.Contains(inv.String(), "2026-0001") || !strings.Contains(inv.String(), "125.00 DKK") {
		t.Errorf("Invoice.String = %q, want its number and total", inv.String())
	}
}
