package billing

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// DistanceThreshold is the EUR 10,000 of VAT Directive Art. 59c(1)(c):
// the cross-border supplies to consumers in other member states, excluding
// VAT, in the current and the preceding calendar year, at or below which
// a supplier established in one member state charges its own VAT.
func DistanceThreshold() contract.Money { return contract.MustParseMoney("10000", currency.EUR) }

// SupplyInput is what decides the place of supply of an electronically
// supplied service (VAT Directive Art. 44, 58, 59, 59c). It is
// configuration a host fills in; [PlaceOfSupplyFor] checks it.
type SupplyInput struct {
	// Supplier is the member state where the supplier is established
	// ("DK").
	Supplier string `json:"supplier" validate:"len=2,alpha,uppercase"`
	// EstablishedElsewhere reports a fixed establishment in another
	// member state too, which rules out Art. 59c (59c(1)(a)).
	EstablishedElsewhere bool `json:"established_elsewhere,omitempty"`
	// Customer is the country where the customer is located
	// ([CustomerLocation.Country]); Greece is GR.
	Customer string `json:"customer" validate:"len=2,alpha,uppercase"`
	// CustomerVATID is a business customer's VAT number; empty for a
	// consumer (a non-taxable person). Greece's prefix is EL.
	CustomerVATID string `json:"customer_vat_id,omitempty" validate:"omitempty,vatid"`
	// Date is the day of the supply: it picks the VAT rate.
	Date contract.Date `json:"date"`
	// Net is this supply's taxable amount, in the currency of Threshold.
	Net contract.Money `json:"net_amount"`
	// PrecedingYear and CurrentYear are the supplier's cross-border
	// supplies of these services to consumers in other member states,
	// excluding VAT: all of the preceding calendar year, and the current
	// one before this supply.
	PrecedingYear contract.Money `json:"preceding_year"`
	CurrentYear   contract.Money `json:"current_year"`
	// Threshold is the Art. 59c threshold; the zero Money is
	// [DistanceThreshold], EUR 10,000. A host that keeps the totals in
	// its national currency sets the equivalent there.
	Threshold contract.Money `json:"threshold,omitzero"`
	// OptedIn is the first day of the supplier's option to charge the
	// customer's VAT although under the threshold (Art. 59c(3)); zero is
	// none.
	OptedIn contract.Date `json:"opted_in,omitzero"`
}

// PlaceOfSupply is where an electronic service is taxed and how: the
// decision with the articles it rests on.
type PlaceOfSupply struct {
	// Country is the member state whose VAT applies; for a customer
	// outside the EU, the customer's country, where no EU VAT is due.
	Country string `json:"country"`
	// Treatment is the invoice's: DomesticVAT means charge VAT at Rate,
	// Country's rate -- another member state's when Country is not the
	// supplier's, declared through the one-stop shop (Art. 369b).
	Treatment VATTreatment `json:"vat_treatment"`
	// Rate is the standard rate of Country on Date from the VAT table;
	// 0 under ReverseCharge and Export.
	Rate contract.Decimal `json:"rate"`
	// OptionBindsUntil is the last day of the two calendar years an
	// option under Art. 59c(3) binds the supplier; zero without one.
	OptionBindsUntil contract.Date       `json:"option_binds_until,omitzero"`
	Citations        []contract.Citation `json:"citations"`
}

const vatDirective = "VAT Directive"

// PlaceOfSupplyFor decides where an electronically supplied service is
// taxed, reading the rates from t ([contract.EUVATRates]):
//
//   - to a business (a VAT number): where the customer is established
//     (Art. 44); in another member state the buyer accounts for the VAT
//     (ReverseCharge, Art. 196), outside the EU no EU VAT (Export), in the
//     supplier's own state its VAT. A Greek VAT number is written EL: a
//     GR prefix is refused, rule "vat_prefix", param "EL".
//   - to a consumer outside the EU: no EU VAT (Export, Art. 59(k)).
//   - to a consumer in the EU: the customer's member state (Art. 58) --
//     except under Art. 59c, for a supplier established in one member
//     state only whose cross-border supplies to consumers stay at or
//     under EUR 10,000 in the current and the preceding calendar year:
//     then the supplier's own state. The supply that takes the current
//     year over the threshold is taxed under Art. 58, and so is every
//     later one that year (59c(2)). A supplier may opt into Art. 58
//     (59c(3)); the option binds for two calendar years, OptionBindsUntil.
//
// A Danish supplier with 9,000 EUR of such supplies this year and 4,000
// the year before sells a 500 EUR service to a German consumer: Danish
// VAT, 25 % (Art. 59c). The next 800 EUR sale takes the year to 10,300:
// German VAT, 19 % (Art. 58, 59c(2)).
//
// Bad input -- a country that is not two capital letters, amounts in
// another currency than the threshold (rule currency_mismatch), a day
// the VAT table has no rate for -- is a [*contract.ValidationError]
// wrapping [ErrInvalid] with every problem.
func PlaceOfSupplyFor(in SupplyInput, t contract.VATTable) (PlaceOfSupply, error) {
	var ps contract.Problems
	ps.Check("", in)
	if in.Date.IsZero() {
		ps.Add("date", "required", "")
	}
	thr := in.Threshold
	if thr.IsZero() {
		thr = DistanceThreshold()
	}
	cur := contract.CurrencyOf(thr.Currency())
	checkAmount(&ps, "net_amount", in.Net, cur, nonNegative)
	checkAmount(&ps, "preceding_year", in.PrecedingYear, cur, nonNegative)
	checkAmount(&ps, "current_year", in.CurrentYear, cur, nonNegative)
	if len(in.CustomerVATID) >= 2 && in.CustomerVATID[:2] == "GR" {
		ps.Add("customer_vat_id", "vat_prefix", "EL")
	}
	if in.Supplier != "" && !euMember(in.Supplier) {
		ps.Add("supplier", "oneof", "eu_member")
	}
	if err := invalid(&ps, "place of supply"); err != nil {
		return PlaceOfSupply{}, err
	}
	cite := func(refs ...string) []contract.Citation {
		out := make([]contract.Citation, len(refs))
		for i, r := range refs {
			out[i] = contract.Cite(vatDirective, r)
		}
		return out
	}
	taxed := func(country string, refs ...string) (PlaceOfSupply, error) {
		rate, err := t.Rate(country, in.Date)
		if err != nil {
			return PlaceOfSupply{}, problem("place of supply", "date", "vat_rate", country)
		}
		return PlaceOfSupply{Country: country, Treatment: DomesticVAT, Rate: contract.Dec(rate), Citations: cite(refs...)}, nil
	}
	zero := contract.Dec(decimal.Zero)
	if in.CustomerVATID != "" {
		switch {
		case in.Customer == in.Supplier:
			return taxed(in.Customer, "Art. 44")
		case euMember(in.Customer):
			return PlaceOfSupply{Country: in.Customer, Treatment: ReverseCharge, Rate: zero, Citations: cite("Art. 44", "Art. 196")}, nil
		default:
			return PlaceOfSupply{Country: in.Customer, Treatment: Export, Rate: zero, Citations: cite("Art. 44")}, nil
		}
	}
	switch {
	case !euMember(in.Customer):
		return PlaceOfSupply{Country: in.Customer, Treatment: Export, Rate: zero, Citations: cite("Art. 59(k)")}, nil
	case in.Customer == in.Supplier:
		return taxed(in.Customer, "Art. 58")
	case in.EstablishedElsewhere:
		return taxed(in.Customer, "Art. 58", "Art. 59c(1)(a)")
	case !in.OptedIn.IsZero() && !in.Date.Before(in.OptedIn):
		p, err := taxed(in.Customer, "Art. 58", "Art. 59c(3)")
		p.OptionBindsUntil = contract.MustDate(in.OptedIn.Year()+1, 12, 31)
		return p, err
	}
	over := func(m contract.Money) bool { return m.Amount().GreaterThan(thr.Amount()) }
	switch after := in.CurrentYear.Amount().Add(in.Net.Amount()); {
	case over(in.PrecedingYear):
		return taxed(in.Customer, "Art. 58", "Art. 59c(1)(c)")
	case after.GreaterThan(thr.Amount()):
		return taxed(in.Customer, "Art. 58", "Art. 59c(2)")
	}
	return taxed(in.Supplier, "Art. 59c(1)")
}
