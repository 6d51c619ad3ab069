package billing

import (
	"errors"
	"strings"
	"testing"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

func eur(s string) contract.Money { return contract.MustParseMoney(s, currency.EUR) }

// TestPlaceOfSupply decides the place of supply of electronically
// supplied services; every row names the article of the VAT Directive
// (2006/112/EC) it checks.
func TestPlaceOfSupply(t *testing.T) {
	base := SupplyInput{Supplier: "DK", Customer: "DE", Date: day("2026-03-01"), Net: eur("500"),
		PrecedingYear: eur("4000"), CurrentYear: eur("9000")}
	for _, tc := range []struct {
		name, article string
		edit          func(*SupplyInput)
		country       string
		treatment     VATTreatment
		rate          string
		bindsUntil    string
	}{
		{"consumer under the threshold: supplier's country", "Art. 59c(1)", func(*SupplyInput) {}, "DK", DomesticVAT, "0.25", ""},
		{"exactly at the threshold stays under it", "Art. 59c(1)", func(in *SupplyInput) { in.Net = eur("1000") }, "DK", DomesticVAT, "0.25", ""},
		{"the supply that crosses the threshold", "Art. 59c(2)", func(in *SupplyInput) { in.Net = eur("1000.01") }, "DE", DomesticVAT, "0.19", ""},
		{"after the threshold was crossed this year", "Art. 59c(2)", func(in *SupplyInput) { in.CurrentYear, in.Net = eur("10300"), eur("1") }, "DE", DomesticVAT, "0.19", ""},
		{"over the threshold in the preceding year", "Art. 59c(1)(c)", func(in *SupplyInput) { in.PrecedingYear, in.CurrentYear = eur("10000.01"), eur("0") }, "DE", DomesticVAT, "0.19", ""},
		{"option for Art. 58 binds two calendar years", "Art. 59c(3)", func(in *SupplyInput) { in.OptedIn = day("2026-02-01") }, "DE", DomesticVAT, "0.19", "2027-12-31"},
		{"option not yet in force", "Art. 59c(1)", func(in *SupplyInput) { in.OptedIn = day("2026-04-01") }, "DK", DomesticVAT, "0.25", ""},
		{"established in two member states", "Art. 59c(1)(a)", func(in *SupplyInput) { in.EstablishedElsewhere = true }, "DE", DomesticVAT, "0.19", ""},
		{"consumer in the supplier's country", "Art. 58", func(in *SupplyInput) { in.Customer = "DK" }, "DK", DomesticVAT, "0.25", ""},
		{"Finnish rate from 2024-09-01", "Art. 58", func(in *SupplyInput) { in.Customer, in.PrecedingYear = "FI", eur("20000") }, "FI", DomesticVAT, "0.255", ""},
		{"consumer outside the EU", "Art. 59(k)", func(in *SupplyInput) { in.Customer = "NO" }, "NO", Export, "0", ""},
		{"business in another member state", "Art. 44, Art. 196", func(in *SupplyInput) { in.CustomerVATID = "DE123456789" }, "DE", ReverseCharge, "0", ""},
		{"Greek business, EL prefix", "Art. 44, Art. 196", func(in *SupplyInput) { in.Customer, in.CustomerVATID = "GR", "EL123456789" }, "GR", ReverseCharge, "0", ""},
		{"business in the supplier's country", "Art. 44", func(in *SupplyInput) { in.Customer, in.CustomerVATID = "DK", "DK43782495" }, "DK", DomesticVAT, "0.25", ""},
		{"business outside the EU", "Art. 44", func(in *SupplyInput) { in.Customer, in.CustomerVATID = "US", "DE123456789" }, "US", Export, "0", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := base
			tc.edit(&in)
			got, err := PlaceOfSupplyFor(in, contract.EUVATRates())
			if err != nil {
				t.Fatalf("%s: %v", tc.article, err)
			}
			if got.Country != tc.country || got.Treatment != tc.treatment || !got.Rate.Decimal().Equal(dec(tc.rate)) {
				t.Errorf("%s: got %s %v %s, want %s %v %s", tc.article, got.Country, got.Treatment, got.Rate.Decimal(), tc.country, tc.treatment, tc.rate)
			}
			if tc.bindsUntil != "" && got.OptionBindsUntil != day(tc.bindsUntil) || tc.bindsUntil == "" && !got.OptionBindsUntil.IsZero() {
				t.Errorf("%s: option binds until %v, want %q", tc.article, got.OptionBindsUntil, tc.bindsUntil)
			}
			if !citesRef(got.Citations, tc.article) {
				t.Errorf("citations %v do not cite %s", got.Citations, tc.article)
			}
		})
	}
}

// citesRef reports whether cs cite every "Art. ..." of refs (", "-separated).
func citesRef(cs []contract.Citation, refs string) bool {
	for _, want := range splitRefs(refs) {
		found := false
		for _, c := range cs {
			if c.Source == "VAT Directive" && c.Ref == want {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func splitRefs(s string) []string {
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && !(s[i] == ',' && i+1 < len(s) && s[i+1] == ' ') {
			i++
		}
		out = append(out, s[:i])
		if i >= len(s) {
			break
		}
		s = s[i+2:]
	}
	return out
}

// TestPlaceOfSupplyProblems: bad input, every problem at once.
func TestPlaceOfSupplyProblems(t *testing.T) {
	in := SupplyInput{Supplier: "dk", Customer: "GR", CustomerVATID: "GR123456789", Net: dkk("1"),
		PrecedingYear: eur("0"), CurrentYear: eur("0")}
	_, err := PlaceOfSupplyFor(in, contract.EUVATRates())
	assertProblem(t, err, "supplier", "uppercase")
	assertProblem(t, err, "customer_vat_id", "vat_prefix")
	assertProblem(t, err, "net_amount", "currency_mismatch")
	assertProblem(t, err, "date", "required")
	in = SupplyInput{Supplier: "US", Customer: "DE", Date: day("2026-01-01"), Net: eur("1"), PrecedingYear: eur("0"), CurrentYear: eur("0")}
	_, err = PlaceOfSupplyFor(in, contract.EUVATRates())
	assertProblem(t, err, "supplier", "oneof")
	in.Supplier = "DK"
	in.Date = day("2023-06-01") // before the table's first rates
	_, err = PlaceOfSupplyFor(in, contract.EUVATRates())
	assertProblem(t, err, "date", "vat_rate")
}

// TestLocateCustomer applies the presumptions of Implementing Regulation
// 282/2011 Art. 24b with the evidence of Art. 24f.
func TestLocateCustomer(t *testing.T) {
	ev := func(k EvidenceKind, c string) LocationEvidence { return LocationEvidence{Kind: k, Country: c} }
	third := func(e LocationEvidence) LocationEvidence { e.ThirdParty = true; return e }
	for _, tc := range []struct {
		name, article string
		in            LocationInput
		country, rule string
	}{
		{"billing address and IP agree", "Art. 24b(d)", LocationInput{Channel: Online, Evidence: []LocationEvidence{ev(BillingAddress, "DE"), ev(IPAddress, "DE")}}, "DE", ""},
		{"two agree, one elsewhere", "Art. 24b(d)", LocationInput{Channel: Online, Evidence: []LocationEvidence{ev(BillingAddress, "DE"), ev(IPAddress, "AT"), ev(BankDetails, "DE")}}, "DE", ""},
		{"two items contradict", "Art. 24b(d)", LocationInput{Channel: Online, Evidence: []LocationEvidence{ev(BillingAddress, "DE"), ev(IPAddress, "AT")}}, "", "min"},
		{"two of the same kind are one kind", "Art. 24f", LocationInput{Channel: Online, Evidence: []LocationEvidence{ev(IPAddress, "DE"), ev(IPAddress, "DE")}}, "", "min"},
		{"two countries with two items each", "Art. 24b(d)", LocationInput{Channel: Online, Evidence: []LocationEvidence{ev(BillingAddress, "DE"), ev(IPAddress, "DE"), ev(BankDetails, "AT"), ev(SIMCountry, "AT")}}, "", "contradictory"},
		{"small supplier, one third-party item", "Art. 24b, third paragraph", LocationInput{Channel: Online, SmallSupplier: true, Evidence: []LocationEvidence{third(ev(BankDetails, "SE"))}}, "SE", ""},
		{"small supplier, own item only", "Art. 24b, third paragraph", LocationInput{Channel: Online, SmallSupplier: true, Evidence: []LocationEvidence{ev(BillingAddress, "SE")}}, "", "min"},
		{"through a fixed line", "Art. 24b(a)", LocationInput{Channel: ThroughFixedLine, Evidence: []LocationEvidence{ev(IPAddress, "DE"), ev(FixedLine, "FR")}}, "FR", ""},
		{"through a mobile network", "Art. 24b(b)", LocationInput{Channel: ThroughMobile, Evidence: []LocationEvidence{ev(SIMCountry, "IT")}}, "IT", ""},
		{"mobile without the SIM country", "Art. 24b(b)", LocationInput{Channel: ThroughMobile, Evidence: []LocationEvidence{ev(IPAddress, "IT")}}, "", "required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := LocateCustomer(tc.in)
			if tc.rule != "" {
				assertProblem(t, err, "evidence", tc.rule)
				return
			}
			if err != nil {
				t.Fatalf("%s: %v", tc.article, err)
			}
			if got.Country != tc.country || len(got.Evidence) != len(tc.in.Evidence) {
				t.Errorf("%s: country %s with %d items, want %s", tc.article, got.Country, len(got.Evidence), tc.country)
			}
			cited := false
			for _, c := range got.Citations {
				cited = cited || c.Source == reg282 && c.Ref == tc.article
			}
			if !cited && tc.article != "Art. 24f" {
				t.Errorf("citations %v do not cite %s", got.Citations, tc.article)
			}
		})
	}
}

// TestLocationStoredWithInvoice: the location travels on the invoice, and
// broken evidence there is refused by path.
func TestLocationStoredWithInvoice(t *testing.T) {
	in := input(Line{Description: "e-book", Quantity: contract.Dec(dec("1")), UnitPrice: dkk("100"), VATRate: contract.Dec(vatDK)})
	in.CustomerLocation = sampleLocation()
	inv, err := NewInvoice(in, contract.Counter{})
	if err != nil {
		t.Fatal(err)
	}
	if inv.CustomerLocation.Country != "DE" || len(inv.CustomerLocation.Evidence) != 2 {
		t.Errorf("invoice location = %+v", inv.CustomerLocation)
	}
	in.CustomerLocation.Evidence[1].Country = "de"
	_, err = NewInvoice(in, contract.Counter{})
	assertProblem(t, err, "customer_location.evidence[1].country", "uppercase")
}

// TestTaxCurrency: an invoice in a foreign currency states its VAT in DKK
// too (momsbekendtgørelsen § 97, stk. 2) at the rate the host supplies
// (stk. 4), converted once on the total and rounded half away from zero.
func TestTaxCurrency(t *testing.T) {
	line := func(p string) Line {
		return Line{Description: "PIM subscription", Quantity: contract.Dec(dec("1")), UnitPrice: eur(p), VATRate: contract.Dec(vatDK)}
	}
	rate := ExchangeRate{From: contract.CurrencyOf(currency.EUR), To: contract.CurrencyOf(currency.DKK),
		Rate: contract.Dec(dec("7.4604")), Date: day("2026-01-28"), Source: "Danmarks Nationalbank"}
	in := input(line("99.99"), line("0.03"))
	in.TaxCurrencyRate = rate
	inv, err := NewInvoice(in, contract.Counter{})
	if err != nil {
		t.Fatal(err)
	}
	// VAT 25.00 + 0.01 = 25.01 EUR; x 7.4604 = 186.584604, 186.58 DKK.
	if !inv.VAT.Equal(eur("25.01")) || !inv.TaxCurrencyVAT.Equal(dkk("186.58")) || inv.TaxCurrencyRate != rate {
		t.Errorf("VAT %v, in DKK %v at %+v; want 25.01 EUR, 186.58 DKK", inv.VAT, inv.TaxCurrencyVAT, inv.TaxCurrencyRate)
	}
	for _, tc := range []struct {
		name, path, rule string
		edit             func(*InvoiceInput)
	}{
		{"missing on a EUR invoice with VAT (§ 97, stk. 2)", "tax_currency_rate", "required", func(in *InvoiceInput) { in.TaxCurrencyRate = ExchangeRate{} }},
		{"not from the invoice's currency", "tax_currency_rate.from", "eqfield", func(in *InvoiceInput) { in.TaxCurrencyRate.From = contract.CurrencyOf(currency.USD) }},
		{"to neither DKK nor EUR (§ 97, stk. 2)", "tax_currency_rate.to", "oneof", func(in *InvoiceInput) { in.TaxCurrencyRate.To = contract.CurrencyOf(currency.SEK) }},
		{"published after the tax point (§ 97, stk. 4)", "tax_currency_rate.date", "ltefield", func(in *InvoiceInput) { in.TaxCurrencyRate.Date = day("2026-01-30") }},
		{"no source", "tax_currency_rate.source", "required", func(in *InvoiceInput) { in.TaxCurrencyRate.Source = "" }},
		{"zero rate", "tax_currency_rate.rate", "dgt", func(in *InvoiceInput) { in.TaxCurrencyRate.Rate = contract.Dec(dec("0")) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := in
			tc.edit(&bad)
			_, err := NewInvoice(bad, contract.Counter{})
			assertProblem(t, err, tc.path, tc.rule)
		})
	}
	// No VAT, nothing to state: a reverse-charge invoice in EUR needs no rate.
	rc := input(line("100"))
	rc.Treatment, rc.Buyer.VATID = ReverseCharge, "DE123456789"
	if _, err := NewInvoice(rc, contract.Counter{}); err != nil {
		t.Errorf("reverse charge in EUR without a rate: %v", err)
	}
}

// TestVATNumberAndExportBugs: a Greek VAT number is written EL (VIES;
// VAT Directive Art. 215 leaves the prefix to ISO 3166 but for Greece,
// EL); an export (no Danish VAT, momsloven § 34) needs a buyer country,
// and one outside the EU whatever its case.
func TestVATNumberAndExportBugs(t *testing.T) {
	l := Line{Description: "PIM", Quantity: contract.Dec(dec("1")), UnitPrice: dkk("10"), VATRate: contract.Dec(vatDK)}
	rc := input(l)
	rc.Treatment, rc.Buyer.VATID = ReverseCharge, "GR123456789"
	_, err := NewInvoice(rc, contract.Counter{})
	assertProblem(t, err, "buyer.vat_id", "vat_prefix")
	rc.Buyer.VATID = "EL123456789"
	if _, err := NewInvoice(rc, contract.Counter{}); err != nil {
		t.Errorf("EL123456789: %v", err)
	}
	ex := input(l)
	ex.Treatment, ex.Buyer.Country = Export, ""
	_, err = NewInvoice(ex, contract.Counter{})
	assertProblem(t, err, "buyer.country", "required_with")
	ex.Buyer.Country = "de"
	_, err = NewInvoice(ex, contract.Counter{})
	assertProblem(t, err, "buyer.country", "excluded_with")
	ex.Buyer.Country = "NO"
	if _, err := NewInvoice(ex, contract.Counter{}); err != nil {
		t.Errorf("export to NO: %v", err)
	}
}

// TestUsageTaggedTypes: for each configuration type of usage pricing and
// EU VAT a host fills in, a field breaking its validate tag comes back at
// its JSON path with the tag's rule.
func TestUsageTaggedTypes(t *testing.T) {
	check := func(v any) error {
		var ps contract.Problems
		ps.Check("", v)
		return ps.Err("check", ErrInvalid)
	}
	okEv := LocationEvidence{Kind: IPAddress, Country: "DE"}
	for _, tc := range []struct {
		typ, path, rule string
		err             func() error
	}{
		{"Meter", "id", "required", func() error { return check(Meter{Aggregation: AggregateSum}) }},
		{"Meter", "aggregation", "required", func() error { return check(Meter{ID: "m"}) }},
		{"Price", "model", "required", func() error { return Price{}.Validate() }},
		{"Price", "free_units", "gte", func() error { return Price{Model: PerUnit, UnitPrice: usd("1"), FreeUnits: -1}.Validate() }},
		{"Tier", "tiers[0].up_to", "dgte", func() error {
			return Price{Model: Graduated, Tiers: []Tier{{UpTo: contract.Dec(dec("-1")), UnitPrice: usd("1")}, {UnitPrice: usd("1")}}}.Validate()
		}},
		{"LocationEvidence", "evidence[0].country", "len", func() error {
			_, err := LocateCustomer(LocationInput{Channel: Online, Evidence: []LocationEvidence{{Kind: IPAddress, Country: "DEU"}}})
			return err
		}},
		{"LocationEvidence", "evidence[0].kind", "required", func() error {
			_, err := LocateCustomer(LocationInput{Channel: Online, Evidence: []LocationEvidence{{Country: "DE"}}})
			return err
		}},
		{"LocationInput", "channel", "required", func() error {
			_, err := LocateCustomer(LocationInput{Evidence: []LocationEvidence{okEv}})
			return err
		}},
		{"LocationInput", "evidence", "min", func() error { _, err := LocateCustomer(LocationInput{Channel: Online}); return err }},
		{"SupplyInput", "customer", "len", func() error {
			_, err := PlaceOfSupplyFor(SupplyInput{Supplier: "DK", Customer: "D", Date: day("2026-01-01"), Net: eur("1"),
				PrecedingYear: eur("0"), CurrentYear: eur("0")}, contract.EUVATRates())
			return err
		}},
		{"SupplyInput", "customer_vat_id", "vatid", func() error {
			_, err := PlaceOfSupplyFor(SupplyInput{Supplier: "DK", Customer: "DE", CustomerVATID: "123", Date: day("2026-01-01"),
				Net: eur("1"), PrecedingYear: eur("0"), CurrentYear: eur("0")}, contract.EUVATRates())
			return err
		}},
		{"ExchangeRate", "rate", "dgt", func() error { r := sampleTaxRate(); r.Rate = contract.Dec(dec("0")); return check(r) }},
		{"ExchangeRate", "source", "required", func() error { r := sampleTaxRate(); r.Source = ""; return check(r) }},
	} {
		t.Run(tc.typ+" "+tc.path, func(t *testing.T) { assertProblem(t, tc.err(), tc.path, tc.rule) })
	}
}

// TestPriceTagsBroken: the reflection-free check that lets rating skip
// the validator agrees with the validate tags.
func TestPriceTagsBroken(t *testing.T) {
	for i, p := range []Price{
		{Model: PerUnit, UnitPrice: usd("1")},
		{},
		{Model: Package, PackageSize: -1},
		{Model: Package, FreeUnits: -1},
		{Model: Percentage, Rate: contract.Dec(dec("1.5"))},
		{Model: Percentage, Rate: contract.Dec(dec("-0.1"))},
		{Model: Percentage, FreeEvents: -1},
		{Model: Percentage, FreeAmount: contract.Dec(dec("-1"))},
		{Model: Graduated, Tiers: make([]Tier, 101)},
		{Model: Graduated, Tiers: []Tier{{UpTo: contract.Dec(dec("-5"))}}},
		{Model: Graduated, Tiers: stripeTiers},
	} {
		var ps contract.Problems
		ps.Check("", p)
		if got, want := p.tagsBroken(), ps.Len() > 0; got != want {
			t.Errorf("price %d: tagsBroken = %v, tags report %v", i, got, ps.List())
		}
	}
}

// TestGreekPrefixMessage: the refusal of GR says to write EL.
func TestGreekPrefixMessage(t *testing.T) {
	rc := input(Line{Description: "PIM", Quantity: contract.Dec(dec("1")), UnitPrice: dkk("10"), VATRate: contract.Dec(vatDK)})
	rc.Treatment, rc.Buyer.VATID = ReverseCharge, "GR123456789"
	_, err := NewInvoice(rc, contract.Counter{})
	var ve *contract.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || !strings.Contains(ve.Problems[0].Message, "VAT prefix EL") ||
		!strings.Contains(err.Error(), "vat_prefix(EL)") {
		t.Errorf("NewInvoice with GR123456789: %v, want vat_prefix(EL) with a message naming the prefix EL", err)
	}
}
