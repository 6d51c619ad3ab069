package billing

import (
	"strconv"

	"github.com/pimkit/pimkit/contract"
)

// SourceRenteloven is the citation source of the Danish Interest Act
// (lov om renter ved forsinket betaling m.v.): Cite(SourceRenteloven, "§ 5").
const SourceRenteloven = "renteloven"

// CustomerKind says whether the customer is a business or a consumer, which
// decides the late-payment rules that apply (renteloven §§ 7, 9 a). The
// zero CustomerKind is invalid: a [Debt] must say which it is.
type CustomerKind uint8

const (
	// Business is a customer acting in trade: the agreed rate and due date
	// stand, and a one-off compensation is owed when payment is late
	// (renteloven § 9 a).
	Business CustomerKind = iota + 1
	// Consumer is a private customer: interest may not exceed the
	// statutory rate (renteloven § 7) and without an agreed due date runs
	// from 30 days after the demand (§ 3(2)).
	Consumer
)

// Payment is money received against a debt. It reduces the principal from
// the day it is received: that day is the last day interest runs on the
// old principal, as the due date is not counted (2025-04-15 payment of
// the full amount: interest up to and including 2025-04-15).
type Payment struct {
	Date contract.Date `json:"date" validate:"required"`
	// Amount is positive, in the debt's currency.
	Amount contract.Money `json:"amount" validate:"required"`
}

// Debt is an invoice amount owed, as the late-payment rules see it.
type Debt struct {
	// Amount is the invoice amount including VAT, "the invoice amount" of
	// terms 12.3: positive, at most the currency's minor-unit decimals.
	Amount contract.Money `json:"amount" validate:"required"`
	// Due is the agreed last day to pay; interest runs from the day after.
	// Zero means no due date was agreed: interest then runs from 30 days
	// after Sent (renteloven § 3(2)).
	Due contract.Date `json:"due,omitzero"`
	// Sent is the day the invoice or demand for payment was sent; needed
	// only when Due is zero.
	Sent     contract.Date `json:"sent,omitzero"`
	Customer CustomerKind  `json:"customer" validate:"required"`
	// Payments received, in any order, each in the debt's currency.
	Payments []Payment `json:"payments,omitempty" validate:"dive"`
}

// Validate reports every problem of d in a [*contract.ValidationError]
// wrapping [ErrInvalid]: a missing or non-positive amount ("amount"), a
// payment in another currency ("payments[1].amount", also matching
// [ErrCurrencyMismatch]), neither a due date nor a sent date ("due"), an
// unknown customer kind ("customer").
func (d Debt) Validate() error {
	var ps contract.Problems
	d.problems(&ps, "")
	return invalid(&ps, "validate debt")
}

// problems records every problem of d: its validate tags, then the rules
// the tags cannot express.
func (d Debt) problems(ps *contract.Problems, prefix string) {
	ps.Check(prefix, d)
	d.crossChecks(ps, prefix)
}

// crossChecks records the problems of d that its tags do not express; it
// is cheap enough for every interest calculation.
func (d Debt) crossChecks(ps *contract.Problems, prefix string) {
	cur := contract.CurrencyOf(d.Amount.Currency())
	if !d.Amount.IsZero() {
		checkAmount(ps, join(prefix, "amount"), d.Amount, contract.Currency{}, positive)
	}
	if d.Customer > Consumer {
		ps.Add(join(prefix, "customer"), "oneof", "business consumer")
	}
	if d.Due.IsZero() && d.Sent.IsZero() {
		ps.Add(join(prefix, "due"), "required_without", "sent")
	}
	for i, pm := range d.Payments {
		if rule, param := amountProblem(pm.Amount, cur, positive); rule != "" && rule != "required" {
			ps.Add(join(prefix, "payments["+strconv.Itoa(i)+"].amount"), rule, param)
		}
	}
}

func join(prefix, path string) string {
	if prefix == "" {
		return path
	}
	return prefix + "." + path
}
