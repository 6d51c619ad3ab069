package billing

import (
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

// sampleTaxRate is a fully populated exchange rate: the Danish central
// bank's DKK/EUR rate of the day before the sample invoice.
func sampleTaxRate() ExchangeRate {
	return ExchangeRate{From: contract.CurrencyOf(currency.DKK), To: contract.CurrencyOf(currency.EUR),
		Rate: contract.Dec(dec("0.13405")), Date: day("2026-01-28"), Source: "Danmarks Nationalbank"}
}

// sampleLocation is a fully populated customer location.
func sampleLocation() CustomerLocation {
	l, err := LocateCustomer(LocationInput{Channel: Online, SmallSupplier: true, Evidence: []LocationEvidence{
		{Kind: BillingAddress, Country: "DE", Source: "checkout form", ThirdParty: true},
		{Kind: BankDetails, Country: "DE", Source: "payment provider", ThirdParty: true}}})
	if err != nil {
		panic(err)
	}
	return l
}

// usageSamples are fully populated samples of the usage, price and
// place-of-supply values for the round-trip test.
func usageSamples(t *testing.T) []any {
	t.Helper()
	at := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	m := Meter{ID: "api_calls", Aggregation: AggregateUniqueCount}
	e := UsageEvent{ID: "e1", Meter: "api_calls", At: at, Value: contract.Dec(dec("2.5")), Key: "u1"}
	late := e
	late.ID, late.At = "e0", at.AddDate(0, -2, 0)
	conflict := e
	conflict.Key = "u2"
	agg, err := m.Aggregate([]UsagePeriod{jan}, []UsageEvent{e, e, conflict, late})
	if err != nil {
		t.Fatal(err)
	}
	agg.Usage[0].Period.Index = 3
	tr := Tier{UpTo: contract.Dec(dec("100")), UnitPrice: usd("0.01"), FlatFee: usd("2")}
	price := Price{Model: Percentage, UnitPrice: usd("1"), PackageSize: 10, FreeUnits: 5, Tiers: []Tier{tr},
		Rate: contract.Dec(dec("0.012")), FixedFee: usd("0.10"), FreeEvents: 3, FreeAmount: contract.Dec(dec("500")),
		MinPerTransaction: usd("0.20"), MaxPerTransaction: usd("5"), FlatFee: usd("100"), Minimum: usd("10")}
	rated, err := Price{Model: PerUnit, UnitPrice: usd("0.05"), Minimum: usd("5")}.Amount(dec("20"), 20)
	if err != nil {
		t.Fatal(err)
	}
	in := SupplyInput{Supplier: "DK", EstablishedElsewhere: true, Customer: "DE", CustomerVATID: "DE123456789",
		Date: day("2026-03-01"), Net: contract.MustParseMoney("500", currency.EUR),
		PrecedingYear: contract.MustParseMoney("4000", currency.EUR), CurrentYear: contract.MustParseMoney("9000", currency.EUR),
		Threshold: DistanceThreshold(), OptedIn: day("2026-01-01")}
	consumer := in
	consumer.CustomerVATID, consumer.EstablishedElsewhere = "", false
	pos, err := PlaceOfSupplyFor(consumer, contract.EUVATRates())
	if err != nil {
		t.Fatal(err)
	}
	loc := sampleLocation()
	return []any{m, e, agg.Usage[0].Period, agg.Usage[0], agg, tr, price, rated, in, pos, sampleTaxRate(),
		loc, loc.Evidence[0], LocationInput{Channel: Online, Evidence: loc.Evidence, SmallSupplier: true},
		AggregateLast, Volume, IPAddress, ThroughMobile}
}
