package billing_test

import (
	"fmt"
	"time"

	"github.com/pimkit/pimkit/billing"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// A month of API calls: events are counted in the period they happened
// in, a resent event once, and a late one in the month it belongs to.
func ExampleMeter_Aggregate() {
	jan := billing.UsagePeriod{Index: 0, From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
	feb := billing.UsagePeriod{Index: 1, From: jan.To, To: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	ev := func(id string, at time.Time, v int64) billing.UsageEvent {
		return billing.UsageEvent{ID: id, Meter: "gb", At: at, Value: contract.Dec(decimal.NewFromInt(v))}
	}
	events := []billing.UsageEvent{
		ev("a", time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC), 3),
		ev("b", time.Date(2026, 2, 2, 9, 0, 0, 0, time.UTC), 5),
		ev("a", time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC), 3),   // sent twice
		ev("c", time.Date(2026, 1, 31, 23, 30, 0, 0, time.UTC), 2), // arrived in February
	}
	agg, err := billing.Meter{ID: "gb", Aggregation: billing.AggregateSum}.Aggregate([]billing.UsagePeriod{jan, feb}, events)
	if err != nil {
		panic(err)
	}
	for _, u := range agg.Usage {
		fmt.Printf("period %d: %s GB in %d events\n", u.Period.Index, u.Quantity.Decimal(), u.Events)
	}
	fmt.Println("duplicates:", agg.Duplicates)
	// Output:
	// period 0: 5 GB in 2 events
	// period 1: 5 GB in 1 events
	// duplicates: 1
}

// Stripe's graduated and volume pricing of the same tiers (1-5 at 7 USD,
// 6-10 at 6.50, 11 on at 6) for 6 units.
func ExamplePrice_Amount() {
	usd := func(s string) contract.Money { return contract.MustParseMoney(s, currency.USD) }
	tiers := []billing.Tier{
		{UpTo: contract.Dec(decimal.NewFromInt(5)), UnitPrice: usd("7")},
		{UpTo: contract.Dec(decimal.NewFromInt(10)), UnitPrice: usd("6.50")},
		{UnitPrice: usd("6")},
	}
	six := decimal.NewFromInt(6)
	g, _ := billing.Price{Model: billing.Graduated, Tiers: tiers}.Amount(six, 0)
	v, _ := billing.Price{Model: billing.Volume, Tiers: tiers}.Amount(six, 0)
	p, _ := billing.Price{Model: billing.Package, UnitPrice: usd("5"), PackageSize: 100, FreeUnits: 100}.Amount(decimal.NewFromInt(201), 0)
	m, _ := billing.Price{Model: billing.PerUnit, UnitPrice: usd("0.05"), Minimum: usd("5")}.Amount(decimal.NewFromInt(20), 20)
	fmt.Println("graduated:", g.Total)
	fmt.Println("volume:", v.Total)
	fmt.Println("package:", p.Total)
	fmt.Println("with minimum:", m.Amount, "+ true-up", m.TrueUp, "=", m.Total)
	// Output:
	// graduated: 41.50 USD
	// volume: 39.00 USD
	// package: 10.00 USD
	// with minimum: 1.00 USD + true-up 4.00 USD = 5.00 USD
}

// Lago's percentage example: 1.2 % plus 0.10 USD per transaction, the
// first 3 transactions or 500 USD free.
func ExamplePrice_Transactions() {
	p := billing.Price{Model: billing.Percentage, Rate: contract.Dec(decimal.RequireFromString("0.012")),
		FixedFee: contract.MustParseMoney("0.10", currency.USD), FreeEvents: 3, FreeAmount: contract.Dec(decimal.NewFromInt(500))}
	r, _ := p.Transactions([]decimal.Decimal{decimal.NewFromInt(200), decimal.NewFromInt(100), decimal.NewFromInt(100), decimal.NewFromInt(50)})
	fmt.Println(r.Total)
	// Output: 0.70 USD
}

// OpenDIMS's credits per transfer as a meter: the ledger's transfers
// become usage events of the credits meter.
func ExampleCreditsMeter() {
	at := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	l, _, _ := billing.NewLedger(0).Post("grant", at, billing.Grant, 500, "")
	e := billing.DefaultTariff().UsageEvent("orders-1", at.Add(time.Hour), 10, true)
	l, _, _ = l.Post(e.ID, e.At, billing.Transfer, e.Value.Decimal().IntPart(), "10 orders to the ERP")
	month := billing.UsagePeriod{From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
	agg, _ := billing.CreditsMeter().Aggregate([]billing.UsagePeriod{month}, l.UsageEvents())
	fmt.Println("credits used:", agg.Usage[0].Quantity.Decimal(), "balance:", l.Balance())
	// Output: credits used: 20 balance: 480
}

// A Danish supplier's e-book sales to German consumers: under the EUR
// 10,000 threshold Danish VAT, from the sale that crosses it German VAT.
func ExamplePlaceOfSupplyFor() {
	eur := func(s string) contract.Money { return contract.MustParseMoney(s, currency.EUR) }
	in := billing.SupplyInput{Supplier: "DK", Customer: "DE", Date: contract.MustParseDate("2026-03-01"),
		Net: eur("500"), PrecedingYear: eur("4000"), CurrentYear: eur("9000")}
	for _, net := range []string{"500", "1500"} {
		in.Net = eur(net)
		p, err := billing.PlaceOfSupplyFor(in, contract.EUVATRates())
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s EUR: %s VAT %s (%s)\n", net, p.Country, p.Rate.Decimal().Shift(2), p.Citations[len(p.Citations)-1])
	}
	// Output:
	// 500 EUR: DK VAT 25 (VAT Directive Art. 59c(1))
	// 1500 EUR: DE VAT 19 (VAT Directive Art. 59c(2))
}

// Two items of evidence that agree place the customer (Implementing
// Regulation 282/2011 Art. 24b(d)); the result is stored with the invoice.
func ExampleLocateCustomer() {
	loc, err := billing.LocateCustomer(billing.LocationInput{Channel: billing.Online, Evidence: []billing.LocationEvidence{
		{Kind: billing.BillingAddress, Country: "DE", Source: "checkout form"},
		{Kind: billing.IPAddress, Country: "DE", Source: "GeoIP database"},
		{Kind: billing.BankDetails, Country: "AT", Source: "payment provider", ThirdParty: true},
	}})
	if err != nil {
		panic(err)
	}
	fmt.Println(loc.Country, loc.Citations[0])
	// Output: DE Implementing Regulation 282/2011 Art. 24b(d)
}

// An invoice in euro states its VAT in Danish kroner too, at the rate the
// host supplies (momsbekendtgørelsen § 97, stk. 2 and 4).
func ExampleExchangeRate() {
	eur := func(s string) contract.Money { return contract.MustParseMoney(s, currency.EUR) }
	inv, err := billing.NewInvoice(billing.InvoiceInput{
		Number: "2026-0042", Issued: contract.MustParseDate("2026-01-29"),
		Seller:    contract.Party{Name: "OpenDIMS ApS", CVR: "43782495", Address: "Rømersvej 4, 7430 Ikast", Country: "DK"},
		Buyer:     contract.Party{Name: "Webshop A/S", Address: "Vestergade 1, 8000 Aarhus C", Country: "DK"},
		Treatment: billing.DomesticVAT,
		Lines:     []billing.Line{{Description: "PIM subscription", Quantity: contract.Dec(decimal.NewFromInt(1)), UnitPrice: eur("99.99"), VATRate: contract.Dec(decimal.RequireFromString("0.25"))}},
		TaxCurrencyRate: billing.ExchangeRate{From: contract.CurrencyOf(currency.EUR), To: contract.CurrencyOf(currency.DKK),
			Rate: contract.Dec(decimal.RequireFromString("7.4604")), Date: contract.MustParseDate("2026-01-28"), Source: "Danmarks Nationalbank"},
	}, contract.Counter{})
	if err != nil {
		panic(err)
	}
	fmt.Println("VAT:", inv.VAT, "=", inv.TaxCurrencyVAT)
	// Output: VAT: 25.00 EUR = 186.51 DKK
}

// A subscription's billing period as the instants usage events are
// compared with, in the host's time zone: a monthly subscription from 31
// January has its second period from 28 February to 30 March inclusive.
func ExampleSubscription_UsagePeriod() {
	plan := billing.Plan{ID: "basic", Kind: billing.Functionality, Cycle: billing.Monthly, Price: contract.MustParseMoney("24.95", currency.DKK)}
	sub, _, err := billing.Subscribe("sub-1", plan, contract.MustParseDate("2026-01-31"))
	if err != nil {
		panic(err)
	}
	p, err := sub.UsagePeriod(1, contract.Copenhagen())
	if err != nil {
		panic(err)
	}
	fmt.Println(p.From.Format(time.RFC3339), "to", p.To.Format(time.RFC3339))
	// Output: 2026-02-28T00:00:00+01:00 to 2026-03-31T00:00:00+02:00
}
