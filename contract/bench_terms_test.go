package contract

import (
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

func BenchmarkSettleLiability100Claims(b *testing.B) {
	terms := OpenDIMSTerms()
	claims := make([]Claim, 100)
	for i := range claims {
		claims[i] = Claim{Event: "outage " + strconv.Itoa(i%30), Kind: ClaimKind(i%3 + 1),
			Amount: NewMoney(decimal.New(int64(10000+i*137), -2), currency.DKK)}
	}
	fee := NewMoney(decimal.NewFromInt(1000), currency.DKK)
	loop(b, func() {
		if _, err := terms.SettleLiability(fee, claims); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkResolveTerms(b *testing.B) {
	base := OpenDIMSTerms()
	docs := []Document{
		{Kind: GeneralTerms, Name: "terms"},
		{Kind: OfferDocument, Name: "offer", Params: map[string]string{"payment_period": "P1M", "availability_percent": "99.5"}},
		{Kind: DataProcessingAgreement, Name: "dpa", Params: map[string]string{"breach_notice": "24h"}},
		{Kind: SalesMaterial, Name: "web", Params: map[string]string{"availability_percent": "100"}},
	}
	loop(b, func() {
		if _, _, err := ResolveTerms(base, docs); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkCustomerTerminationMonthly50Years(b *testing.B) {
	terms := OpenDIMSTerms()
	terms.PaymentPeriod = Months(1)
	start, notice := MustParseDate("2000-01-31"), MustParseDate("2050-06-10")
	loop(b, func() {
		if _, err := terms.CustomerTermination(start, notice); err != nil {
			b.Fatal(err)
		}
	})
}
