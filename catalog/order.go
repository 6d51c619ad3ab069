package catalog

import (
	"strconv"

	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// DanishVAT returns the Danish standard VAT rate, 25 % (momsloven § 33),
// as 0.25.
func DanishVAT() decimal.Decimal { return decimal.New(25, -2) }

// ConvertPrice converts a price between the VAT bases at rate, rounded to
// u's minor unit: 100.00 DKK excl. VAT at 25 % is 125.00 incl.; 99.99 DKK
// incl. is 79.99 excl. (the VAT taken as the remainder, 20.00, so the two
// always reconcile). Converting to the same basis only rounds.
func ConvertPrice(amount, rate decimal.Decimal, from, to PriceBasis, u currency.Unit) decimal.Decimal {
	switch {
	case from == ExclVAT && to == InclVAT:
		_, gross := money.AddVAT(amount, rate, u)
		return gross
	case from == InclVAT && to == ExclVAT:
		net, _ := money.SplitVAT(amount, rate, u)
		return net
	}
	return money.Round(amount, u)
}

// OrderLine is one line of an order: SKU, quantity (may be fractional, e.g.
// 1.5 kg), unit price on the order's basis, and VAT rate (0.25 for 25 %).
type OrderLine struct {
	SKU       string
	Quantity  decimal.Decimal
	UnitPrice decimal.Decimal
	VATRate   decimal.Decimal
}

// Order is an order from a webshop, the third OpenDIMS data type
// (seeds/README.md, help pages). Basis says whether unit prices include
// VAT. Custom order fields are a [Record] of [TypeOrder] whose ID is the
// order number.
type Order struct {
	Number   string
	Currency currency.Unit
	Basis    PriceBasis
	Lines    []OrderLine
}

// LineTotal is one line's amounts, each rounded to the currency's minor
// unit, with Net + VAT = Gross exactly.
type LineTotal struct {
	Net, VAT, Gross decimal.Decimal
}

// RateTotal sums the lines taxed at one VAT rate, for the invoice's VAT
// specification.
type RateTotal struct {
	Rate            decimal.Decimal
	Net, VAT, Gross decimal.Decimal
}

// OrderTotals is an order's amounts: per line, per VAT rate (in order of
// first appearance) and in total. Totals are sums of rounded lines.
type OrderTotals struct {
	Lines           []LineTotal
	Rates           []RateTotal
	Net, VAT, Gross decimal.Decimal
}

// Validate reports every problem of o at once: order number (path
// "number", rule identifier), currency (rule currency for the zero unit),
// and per line (paths "lines[2].sku", "lines[2].quantity" rule quantity
// when not positive, "lines[2].vat_rate" rule vat_rate when negative or
// 100 % or more).
func (o Order) Validate() error {
	var ps []Problem
	if p, ok := checkIdentifier(o.Number, defaultMaxText); !ok {
		ps = append(ps, Problem{Path: "number", Rule: RuleIdentifier, Param: p})
	}
	if o.Currency == (currency.Unit{}) {
		ps = append(ps, Problem{Path: "currency", Rule: RuleCurrency, Param: "XXX"})
	}
	if int(o.Basis) >= len(priceBasisNames) {
		ps = append(ps, Problem{Path: "basis", Rule: RuleType, Param: "price_basis"})
	}
	one := decimal.NewFromInt(1)
	for i, l := range o.Lines {
		p := "lines[" + strconv.Itoa(i) + "]."
		if q, ok := checkIdentifier(l.SKU, defaultMaxText); !ok {
			ps = append(ps, Problem{Path: p + "sku", Rule: RuleIdentifier, Param: q})
		}
		if l.Quantity.Sign() <= 0 {
			ps = append(ps, Problem{Path: p + "quantity", Rule: RuleQuantity, Param: "0"})
		}
		if l.VATRate.Sign() < 0 || l.VATRate.GreaterThanOrEqual(one) {
			ps = append(ps, Problem{Path: p + "vat_rate", Rule: RuleVATRate, Param: "[0,1)"})
		}
	}
	return problemsError(ps)
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
	var t OrderTotals
	t.Lines = make([]LineTotal, len(o.Lines))
	for i, l := range o.Lines {
		amount := l.Quantity.Mul(l.UnitPrice)
		var lt LineTotal
		if o.Basis == InclVAT {
			lt.Gross = money.Round(amount, o.Currency)
			lt.Net, lt.VAT = money.SplitVAT(lt.Gross, l.VATRate, o.Currency)
		} else {
			lt.Net = money.Round(amount, o.Currency)
			lt.VAT, lt.Gross = money.AddVAT(lt.Net, l.VATRate, o.Currency)
		}
		t.Lines[i] = lt
		t.Net, t.VAT, t.Gross = t.Net.Add(lt.Net), t.VAT.Add(lt.VAT), t.Gross.Add(lt.Gross)
		j := -1
		for k := range t.Rates {
			if t.Rates[k].Rate.Equal(l.VATRate) {
				j = k
			}
		}
		if j < 0 {
			t.Rates = append(t.Rates, RateTotal{Rate: l.VATRate})
			j = len(t.Rates) - 1
		}
		r := &t.Rates[j]
		r.Net, r.VAT, r.Gross = r.Net.Add(lt.Net), r.VAT.Add(lt.VAT), r.Gross.Add(lt.Gross)
	}
	scale := money.Scale(o.Currency)
	fix := func(d *decimal.Decimal) { *d = d.Round(scale) }
	fix(&t.Net)
	fix(&t.VAT)
	fix(&t.Gross)
	for k := range t.Rates {
		fix(&t.Rates[k].Net)
		fix(&t.Rates[k].VAT)
		fix(&t.Rates[k].Gross)
	}
	return t, nil
}
