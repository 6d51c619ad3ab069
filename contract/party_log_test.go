package contract_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/pimkit/pimkit/contract"
)

// TestNoPersonalDataInLogs logs every contract type that carries a
// customer's name, numbers or address (a sole trader's identify a person,
// GDPR Art. 4(1)) through slog.JSONHandler and fmt, and finds none of it.
func TestNoPersonalDataInLogs(t *testing.T) {
	customer := contract.Party{Name: "Jens Hansen Webshop", CVR: "43782495", VATID: "DK43782495",
		Address: "Vestergade 1, 7400 Herning", Country: "DK"}
	spec := contract.AgreementSpec{Kind: contract.SelfServe, Customer: customer,
		Concluded: contract.MustDate(2026, 1, 5), Terms: contract.OpenDIMSTerms()}
	agreement, err := contract.Conclude(spec)
	if err != nil {
		t.Fatal(err)
	}
	secrets := []string{"Jens", "Hansen", "43782495", "Vestergade", "Herning"}
	for _, v := range []any{customer, spec, agreement} {
		var buf bytes.Buffer
		slog.New(slog.NewJSONHandler(&buf, nil)).Info("logged", "value", v)
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%20v"} {
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
	// The values themselves keep the data: JSON is for storage, not logs.
	if !strings.Contains(fmt.Sprint(customer.Name), "Jens") {
		t.Error("the party's own fields must stay readable")
	}
}
