package billing

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"golang.org/x/text/currency"
)

// ExchangeRate is the rate at which an invoice in a foreign currency
// states its VAT in Danish kroner or euro (momsbekendtgørelsen § 97,
// stk. 2): 1 From is Rate To. The host supplies it with its date and
// source -- the latest selling rate published at the tax point, or the
// European Central Bank's (§ 97, stk. 4); pimkit reads no rates itself.
type ExchangeRate struct {
	From contract.Currency `json:"from"`
	To   contract.Currency `json:"to"`
	Rate contract.Decimal  `json:"rate" validate:"dgt=0"`
	// Date is the day the rate was published; not after the invoice's
	// issue date.
	Date contract.Date `json:"date"`
	// Source names the publisher: "Danmarks Nationalbank", "ECB".
	Source string `json:"source" validate:"required,max=200"`
}

// IsZero reports whether r is the zero rate: none given.
func (r ExchangeRate) IsZero() bool {
	return r.From.IsZero() && r.To.IsZero() && r.Rate.Decimal().IsZero() && r.Date.IsZero() && r.Source == ""
}

// needsTaxCurrency reports whether an invoice in cur under t that charges
// VAT must also state it in DKK or EUR (§ 97, stk. 2): a DomesticVAT
// invoice in any currency but DKK.
func needsTaxCurrency(t VATTreatment, cur currency.Unit) bool {
	return t == DomesticVAT && cur != currency.DKK
}

// checkTaxCurrency records the problems of in's exchange rate for an
// invoice in cur: required where § 97, stk. 2 asks for it (unless every
// VAT rate is 0), from the invoice's currency to DKK or EUR, positive,
// dated on or before the issue date and with its source.
func checkTaxCurrency(ps *contract.Problems, in *InvoiceInput, cur currency.Unit) {
	r := in.TaxCurrencyRate
	if r.IsZero() {
		if needsTaxCurrency(in.Treatment, cur) && chargesVAT(in.Lines) {
			ps.Add("tax_currency_rate", "required", "")
		}
		return
	}
	if r.From.Unit() != cur {
		ps.Add("tax_currency_rate.from", "eqfield", cur.String())
	}
	if to := r.To.Unit(); to != currency.DKK && to != currency.EUR || to == cur {
		ps.Add("tax_currency_rate.to", "oneof", "DKK EUR")
	}
	if r.Rate.Decimal().Sign() <= 0 || !readable(r.Rate.Decimal(), 0) {
		ps.Add("tax_currency_rate.rate", "dgt", "0")
	}
	if r.Date.IsZero() {
		ps.Add("tax_currency_rate.date", "required", "")
	} else if r.Date.After(in.Issued) {
		ps.Add("tax_currency_rate.date", "ltefield", "issued")
	}
	if r.Source == "" || len(r.Source) > 200 {
		ps.Add("tax_currency_rate.source", "required", "")
	}
}

func chargesVAT(lines []Line) bool {
	for i := range lines {
		if lines[i].VATRate.Decimal().Sign() > 0 {
			return true
		}
	}
	return false
}

// taxCurrencyVAT is the invoice's VAT stated in r.To: vat x Rate, rounded
// half away from zero to the minor unit of r.To, once, on the total (the
// lines' VAT is summed first, then converted).
func taxCurrencyVAT(r ExchangeRate, vat contract.Money) contract.Money {
	if r.IsZero() {
		return contract.Money{}
	}
	to := r.To.Unit()
	return contract.NewMoney(money.Round(vat.Amount().Mul(r.Rate.Decimal()), to), to)
}
