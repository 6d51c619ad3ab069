package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestTourTellsTheStory runs every step and checks the figures the story
// turns on, each against the clause it illustrates.
func TestTourTellsTheStory(t *testing.T) {
	tr := &tour{lang: language.English, svgPath: filepath.Join(t.TempDir(), "uptime.svg")}
	for _, step := range []func(*tour) error{(*tour).catalog, (*tour).billing, (*tour).sla, (*tour).privacy, (*tour).termination} {
		tr.begin("step")
		if err := step(tr); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := tr.write(&out, false); err != nil {
		t.Fatal(err)
	}
	report := out.String()
	for _, want := range []string{
		"MUG-02 1249.50 DKK",                               // catalog: Danish "1.249,50"
		"csv row 5: price-DKK: syntax",                     // catalog: "149.00" is no Danish number
		"= 3743.75 DKK",                                    // momsbekendtgørelsen § 58: 2995.00 + 25 % VAT
		"due Monday 2026-03-02",                            // terms 12.3 + Reg. 1182/71 Art. 3(4)
		"net 99.50 + VAT 24.87 = 124.37 DKK",               // momsbekendtgørelsen § 58: allowance rounded per line
		"no refund or credit is given for the unused part", // terms 19.4
		"x 43/30 = 107.32",                                 // terms 12.3: 2 % a month, 30/360
		"not before 2026-03-19",                            // renteloven § 9 b: 10 days between demands
		"access may be suspended",                          // terms 12.3: after two demands
		"99.866% is below the target",                      // terms 8.1
		"so it counts as downtime",                         // terms 3.2: emergency notice under 1 hour
		"reply by 2026-03-02",                              // GDPR Art. 12(3)
		"erase after 2030-12-31",                           // bogføringsloven § 10
		"by Mon 2025-03-31 17:00 CEST",                     // GDPR Art. 33(1): 72 h across DST
		"the vendor has consent for purpose 1",             // TCF Policies III 16(1)
		"the vendor was not disclosed",                     // TCF v2.3 disclosed vendors: no legitimate interest
		"missing complaint (GDPR Art. 13(2)(d))",           // GDPR Art. 13(2)(d)
		"binds until the end of 2032-01-29",                // terms 9.3
		"does not cancel the subscription",                 // terms 19.6
		"GPC sets usca.SharingOptOut to yes",               // Cal. Code Regs. tit. 11 § 7025(c)
		// catalog: Akeneo search filters; Merchant Center requires image_link
		"material IN [stoneware]: MUG-01, BOWL-01",
		// momsbekendtgørelsen § 58, stk. 2: a credit note names the invoice
		"credit note 2026-0004 corrects invoice 2026-0002 of 2026-01-30: net 20.00 + VAT 5.00 = 25.00 DKK credited; 99.37 DKK left to pay",
		// billing: Peppol BIS 3.0 with the CVR under scheme 0184
		"Peppol BIS 3.0 invoice 2026-0001: seller 0184:43782495, VAT category S, payable 3743.75 DKK, read back equal: true",
		// catalog: Akeneo's completeness by family; a family switch
		"BOWL-01 in family tableware, complete webshop/da-DK 100%, webshop/en-GB 66%",
		"gains [glaze] and loses [price]",
		"feed leaves out MUG-01: [image_link: required]",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("tour report lacks %q; report:\n%s", want, report)
		}
	}
}
