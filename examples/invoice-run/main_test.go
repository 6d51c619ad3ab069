package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestInvoiceRun checks the figures the run turns on, each against the
// clause or section it illustrates.
func TestInvoiceRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatalf("run() = %v, want nil", err)
	}
	for _, tc := range []struct{ name, want string }{
		{"terms 19.1 anchored on the 31st bills on the month's last day", "2025-11-30 2025-12-31 2026-01-31 2026-02-28"},
		{"momsbekendtgørelsen § 58 25 % VAT per line", "net 249.00  VAT 62.25  total 311.25 DKK"},
		{"momsloven § 46 reverse charge notice", "notice: Reverse charge / omvendt betalingspligt"},
		{"Reg. 1182/71 Art. 3(4) due date rolled past Sunday", "due 2025-12-15 (to_act, 2025-11-14 + P30D, rolled from 2025-12-14)"},
		{"terms 12.3 2 % a month by 30/360, on the balance the credit note corrected", "5937.50 x 2.00 %/month x 45/30 = 178.13"},
		{"momsbekendtgørelsen § 58, stk. 2 credit note names the invoice's number and date", "credit note 2025-0391 for invoice 2025-0388 of 2025-11-14 (error)"},
		{"momsbekendtgørelsen § 58 a discount as an allowance line, VAT per line", "net 199.20  VAT 49.80  total 249.00 DKK"},
		{"statement of account: the payment settles the oldest invoice first", "allocated 2000.00 of bank-7731 to 2025-0388"},
		{"statement of account: principal, interest, fees and compensation", "= owed 4923.54 DKK"},
		{"renteloven § 9 b 10 days between demands", "so not before 2025-12-28"},
		{"renteloven § 9 a compensation once", "the compensation was already claimed on 2025-12-18"},
		{"terms 12.3 suspension after two unpaid demands", "suspend: true, 2nd demand unpaid since 2026-01-15"},
		{"terms 17.3 termination needs three", "terminate: false"},
		{"Peppol BIS 3.0: the seller's CVR number as address, scheme 0184", `<cbc:EndpointID schemeID="0184">43782495</cbc:EndpointID>`},
		{"Peppol BIS 3.0: the amount due, billing's to the øre", `<cbc:PayableAmount currencyID="DKK">311.25</cbc:PayableAmount>`},
	} {
		if !strings.Contains(out.String(), tc.want) {
			t.Errorf("%s: run() output lacks %q; output:\n%s", tc.name, tc.want, out.String())
		}
	}
}
