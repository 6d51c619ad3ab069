package catalog

import (
	"fmt"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
)

// ConsumerPrice is a price as a consumer in one country sees it: the net
// price, the VAT of the destination country's standard rate on the day,
// and the gross price the consumer pays (Directive 98/6/EC Art. 2(a): the
// selling price is the final price including VAT; Directive 2006/112/EC
// Art. 33 taxes a distance sale to a consumer where the goods arrive).
type ConsumerPrice struct {
	Country string           `json:"country"`
	On      contract.Date    `json:"on"`
	Rate    contract.Decimal `json:"rate"`
	Net     Price            `json:"net_amount"`
	VAT     Price            `json:"vat"`
	Gross   Price            `json:"gross"`
}

// ConsumerPriceIn returns the price a consumer in country (ISO 3166-1
// alpha-2, "DE"; Greece's VAT prefix "EL" is read as "GR") sees on day on
// for a net price: the VAT at the country's standard rate from table
// ([contract.EUVATRates], extended by the host with [contract.VATTable.With]),
// rounded to the currency's minor unit half away from zero, and the gross
// price. 100.00 EUR net for Germany on 2026-01-01 (19 %) is 119.00 EUR;
// for Finland on 2024-08-31 (24 %) 124.00 EUR and on 2024-09-01 (25.5 %)
// 125.50 EUR. A country or day the table has no rate for is an error
// wrapping [contract.ErrNoVATRate]; a net price stated in more decimals
// than its currency has is rounded first.
func ConsumerPriceIn(net Price, country string, on contract.Date, table contract.VATTable) (ConsumerPrice, error) {
	rate, err := table.Rate(country, on)
	if err != nil {
		return ConsumerPrice{}, fmt.Errorf("catalog: consumer price: %w", err)
	}
	u := net.Currency()
	n := money.Round(net.Amount(), u)
	vat, gross := money.AddVAT(n, rate, u)
	if country == "EL" {
		country = "GR"
	}
	return ConsumerPrice{Country: country, On: on, Rate: contract.Dec(rate),
		Net: contract.NewMoney(n, u), VAT: contract.NewMoney(vat, u), Gross: contract.NewMoney(gross, u)}, nil
}
