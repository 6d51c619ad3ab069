package catalog

import (
	"strconv"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
)

// ConvertPrice converts a price between the VAT bases at rate, rounded to
// its currency's minor unit: 100.00 DKK excl. VAT at 25 % is 125.00 incl.;
// 99.99 DKK incl. is 79.99 excl. (the VAT taken as the remainder, 20.00,
// so the two always reconcile). Converting to the same basis only rounds.
// Read the rate from the dated table the whole library shares:
// contract.EUVATRates().Rate("DK", day) is 0.25 (momsloven § 33).
//
// A rate outside [0, 1) is refused with a [*contract.ValidationError]
// (path "rate", rule dgte or dlt) and the zero Price: -1 would divide by
// zero and -0.5 would double the price, and no VAT rate is 100 % or more.
// So is a rate of more than 100 decimals (rule decimals).
func ConvertPrice(price Price, rate decimal.Decimal, from, to PriceBasis) (Price, error) {
	if p, ok := checkRate("rate", rate); !ok {
		return Price{}, invalid("convert price", []contract.Problem{p})
	}
	return convertPrice(price, rate, from, to), nil
}

// convertPrice is ConvertPrice for a rate already checked.
func convertPrice(price Price, rate decimal.Decimal, from, to PriceBasis) Price {
	u := price.Currency()
	switch {
	case from == ExclVAT && to == InclVAT:
		_, gross := money.AddVAT(price.Amount(), rate, u)
		return contract.NewMoney(gross, u)
	case from == InclVAT && to == ExclVAT:
		net, _ := money.SplitVAT(price.Amount(), rate, u)
		return contract.NewMoney(net, u)
	}
	return price.Round()
}

var decOne = decimal.NewFromInt(1)

// checkRate returns the problem of a VAT rate outside [0, 1) at path,
// with the rule and parameter the tag `validate:"dgte=0,dlt=1"` reports.
func checkRate(path string, rate decimal.Decimal) (contract.Problem, bool) {
	switch {
	case rate.Sign() < 0:
		return newProblem(path, "dgte", "0"), false
	case rate.Cmp(decOne) >= 0:
		return newProblem(path, "dlt", "1"), false
	case rate.Exponent() < -contract.MaxDecimalText:
		// 1e-1000000 is in range but would cost a second a price.
		return newProblem(path, RuleDecimals, strconv.Itoa(contract.MaxDecimalText)), false
	}
	return contract.Problem{}, true
}

// OrderLine is one line of an order: SKU, quantity (may be fractional, e.g.
// 1.5 kg; more than 0), unit price on the order's basis in the order's
// currency, and VAT rate (0.25 for 25 %; at least 0 and below 1).
type OrderLine struct {
	SKU       string           `json:"sku" validate:"required,max=255"`
	Quantity  contract.Decimal `json:"quantity" validate:"dgt=0"`
	UnitPrice contract.Money   `json:"unit_price"`
	VATRate   contract.Decimal `json:"vat_rate" validate:"dgte=0,dlt=1"`
}

// Order is an order from a webshop, the third OpenDIMS data type. Basis
// says whether unit prices include VAT; every line's unit price is in
// Currency. Custom order fields are a [Record] of [TypeOrder] whose ID is
// the order number.
type Order struct {
	Number   string            `json:"number" validate:"required,max=255"`
	Currency contract.Currency `json:"currency"`
	Basis    PriceBasis        `json:"basis"`
	Lines    []OrderLine       `json:"lines" validate:"dive"`
}

// LineTotal is one line's amounts, each rounded to the currency's minor
// unit, with Net + VAT = Gross exactly.
type LineTotal struct {
	Net   contract.Money `json:"net_amount"`
	VAT   contract.Money `json:"vat"`
	Gross contract.Money `json:"gross"`
}

// RateTotal sums the lines taxed at one VAT rate, for the invoice's VAT
// specification.
type RateTotal struct {
	Rate  contract.Decimal `json:"rate"`
	Net   contract.Money   `json:"net_amount"`
	VAT   contract.Money   `json:"vat"`
	Gross contract.Money   `json:"gross"`
}

// OrderTotals is an order's amounts: per line, per VAT rate (in order of
// first appearance) and in total. Totals are sums of rounded lines.
type OrderTotals struct {
	Lines []LineTotal    `json:"lines"`
	Rates []RateTotal    `json:"rates"`
	Net   contract.Money `json:"net_amount"`
	VAT   contract.Money `json:"vat"`
	Gross contract.Money `json:"gross"`
}

// Validate reports every problem of o at once in a
// [*contract.ValidationError]: the `validate` tags (paths "number",
// "lines[2].sku" rule required or max, "lines[2].quantity" rule dgt when
// not positive, "lines[2].vat_rate" rule dgte or dlt outside [0, 1)),
// then the rules the tags cannot say: an order number or SKU with
// surrounding spaces, commas, semicolons or control characters (rule
// identifier), no currency ("currency", rule required), an unknown basis
// ("basis", rule type) and a unit price missing or in another currency
// than the order's ("lines[2].unit_price", rule currency, Param the
// order's currency).
func (o Order) Validate() error {
	var ps problems
	ps.Check("", o)
	if p, ok := checkIdentifier(o.Number, defaultMaxText); !ok && o.Number != "" && p != "255" {
		ps.Add("number", RuleIdentifier, p)
	}
	if o.Currency.IsZero() {
		ps.Add("currency", RuleRequired, "")
	}
	if int(o.Basis) >= len(priceBasisNames) {
		ps.Add("basis", RuleType, "price_basis")
	}
	for i, l := range o.Lines {
		p := "lines[" + strconv.Itoa(i) + "]."
		if q, ok := checkIdentifier(l.SKU, defaultMaxText); !ok && l.SKU != "" && q != "255" {
			ps.Add(p+"sku", RuleIdentifier, q)
		}
		if !o.Currency.IsZero() && l.UnitPrice.Currency() != o.Currency.Unit() {
			ps.Add(p+"unit_price", RuleCurrency, o.Currency.String())
		}
	}
	return ps.Err("validate order", ErrInvalid)
}

// Totals computes o's amounts exactly, rounding each line to the
// currency's minor unit half away from zero and then summing (round per
// line, then sum). On the ExclVAT basis a line's net is quantity x unit
// price and its VAT is the net times the rate; on InclVAT its gross is
// quantity x unit price and net and VAT are split from it. Three lines of
// 0.333 DKK net at 25 % each round to 0.33 net and 0.08 VAT, for totals of
// 0.99 net and 0.24 VAT, not 1.00 and 0.25. An invalid order returns
// [Order.Validate]'s error.
func (o Order) Totals() (OrderTotals, error) {
	if err := o.Validate(); err != nil {
		return OrderTotals{}, err
	}
	u := o.Currency.Unit()
	type sums struct{ net, vat, gross decimal.Decimal }
	var all sums
	rates := []decimal.Decimal{}
	var perRate []sums
	t := OrderTotals{Lines: make([]LineTotal, len(o.Lines))}
	for i, l := range o.Lines {
		rate := l.VATRate.Decimal()
		amount := l.Quantity.Decimal().Mul(l.UnitPrice.Amount())
		var net, vat, gross decimal.Decimal
		if o.Basis == InclVAT {
			gross = money.Round(amount, u)
			net, vat = money.SplitVAT(gross, rate, u)
		} else {
			net = money.Round(amount, u)
			vat, gross = money.AddVAT(net, rate, u)
		}
		t.Lines[i] = LineTotal{Net: contract.NewMoney(net, u), VAT: contract.NewMoney(vat, u), Gross: contract.NewMoney(gross, u)}
		all = sums{all.net.Add(net), all.vat.Add(vat), all.gross.Add(gross)}
		j := -1
		for k := range rates {
			if rates[k].Equal(rate) {
				j = k
			}
		}
		if j < 0 {
			rates = append(rates, rate)
			perRate = append(perRate, sums{})
			j = len(rates) - 1
		}
		r := &perRate[j]
		*r = sums{r.net.Add(net), r.vat.Add(vat), r.gross.Add(gross)}
	}
	scale := money.Scale(u)
	m := func(d decimal.Decimal) contract.Money { return contract.NewMoney(d.Round(scale), u) }
	t.Net, t.VAT, t.Gross = m(all.net), m(all.vat), m(all.gross)
	t.Rates = make([]RateTotal, len(rates))
	for k, rate := range rates {
		t.Rates[k] = RateTotal{Rate: contract.Dec(rate), Net: m(perRate[k].net), VAT: m(perRate[k].vat), Gross: m(perRate[k].gross)}
	}
	return t, nil
}
