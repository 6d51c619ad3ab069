package billing

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
)

// PlanKind is the kind of a subscription plan. The zero value is invalid.
type PlanKind uint8

const (
	// Free costs nothing; switching to it is how a subscription is
	// cancelled (terms 19.6).
	Free PlanKind = iota + 1
	// Functionality is a recurring fee a month or a year for a set of
	// functions and a capacity in values (terms 19.1).
	Functionality
	// CreditBased is paid in credits consumed per transfer; its fee buys
	// the credits granted each cycle.
	CreditBased
)

// Cycle is a plan's billing cycle. The zero value is invalid for paid
// plans; a free plan may leave it zero (it then renews monthly).
type Cycle uint8

const (
	// Monthly bills every calendar month from the anchor day.
	Monthly Cycle = iota + 1
	// Annual bills every 12 months from the anchor day.
	Annual
)

// Period returns the calendar period of one cycle: P1M or P12M. A zero
// cycle counts as monthly.
func (c Cycle) Period() contract.Period {
	if c == Annual {
		return contract.Months(12)
	}
	return contract.Months(1)
}

// Plan is a subscription plan: what it costs per cycle excluding VAT
// (terms 19.3) and what it includes.
type Plan struct {
	// ID is the host's stable name for the plan: "free", "pro-monthly".
	ID    string   `json:"id" validate:"required,max=100"`
	Kind  PlanKind `json:"kind" validate:"required"`
	Cycle Cycle    `json:"cycle,omitempty"`
	// Price is the fee per cycle excluding VAT, at most the currency's
	// minor-unit decimals: 249.00 DKK. A free plan has the zero Money (or
	// 0.00 in some currency); a paid plan must have a currency.
	Price contract.Money `json:"price,omitzero"`
	// Values is the capacity in values (records x fields + base, see
	// [contract.Values]); 0 means no limit.
	Values int64 `json:"values,omitempty" validate:"gte=0"`
	// Credits are the credits a credit-based plan grants each cycle.
	Credits int64 `json:"credits,omitempty" validate:"gte=0"`
	// Overdraft is how far below zero a credit balance may go on this
	// plan; 0 refuses any debit the balance cannot cover.
	Overdraft int64 `json:"overdraft,omitempty" validate:"gte=0"`
	// Discount is taken off Price for the periods it lasts; nil for none.
	// A subscription charges Price and the discount beside it, so the
	// invoice shows both ([Event.Allowance]). It is a pointer to keep a
	// Plan -- copied with every renewal -- small; a Discount is never
	// changed after it is set, so plans may share one.
	Discount *Discount `json:"discount,omitempty" validate:"-"`
	// Trial is the free trial a subscription starts with before its
	// first period is charged; nil for none. A free plan has none. Like
	// Discount it is a pointer to keep a Plan small, never changed once
	// set.
	Trial *Trial `json:"trial,omitempty" validate:"-"`
}

// Trial is a free trial of a plan.
type Trial struct {
	// Length is the trial's length, such as P14D or P1M, more than zero.
	// A trial of P1M from 2025-01-31 ends on 2025-02-28, counted by
	// [contract.Date.Add].
	Length contract.Period `json:"length" validate:"-"`
	// NoticeDays is how many days before the trial ends the notice of its
	// conversion is dated ([TrialEnding]); 0 dates it on the last day of
	// the trial.
	NoticeDays int `json:"notice_days,omitempty" validate:"gte=0,lte=366"`
}

// Validate reports every problem of p in a [*contract.ValidationError]
// wrapping [ErrInvalid]: a missing ID ("id", required), an unknown kind
// ("kind"), a paid plan without a cycle ("cycle", oneof) or a price
// ("price", required), a free plan with a price ("price", eq), a
// negative price or capacity ("values", gte), a free plan with a discount
// or a trial ("discount", "trial", excluded_with), a discount with both a
// percentage and an amount ("discount.percent", required_without) or a
// repeating one without cycles ("discount.cycles", gte), a trial not
// longer than zero ("trial.length", gt).
func (p Plan) Validate() error {
	var ps contract.Problems
	p.problems(&ps, "")
	return invalid(&ps, "validate plan")
}

// problems records every problem of p under prefix: its validate tags,
// then the rules between fields that the tags cannot express.
func (p Plan) problems(ps *contract.Problems, prefix string) {
	ps.Check(prefix, p)
	switch p.Kind {
	case Free:
		if p.Price.Sign() != 0 {
			ps.Add(join(prefix, "price"), "eq", "0")
		}
		if p.Cycle > Annual {
			ps.Add(join(prefix, "cycle"), "oneof", "monthly annual")
		}
		if p.Discount != nil {
			ps.Add(join(prefix, "discount"), "excluded_with", "free")
		}
		if p.Trial != nil {
			ps.Add(join(prefix, "trial"), "excluded_with", "free")
		}
	case Functionality, CreditBased:
		if p.Cycle != Monthly && p.Cycle != Annual {
			ps.Add(join(prefix, "cycle"), "oneof", "monthly annual")
		}
		checkAmount(ps, join(prefix, "price"), p.Price, contract.Currency{}, nonNegative)
		if p.Discount != nil {
			p.Discount.problems(ps, join(prefix, "discount"), contract.CurrencyOf(p.Price.Currency()))
		}
		if t := p.Trial; t != nil {
			ps.Check(join(prefix, "trial"), *t)
			if t.Length.IsNegative() || t.Length.IsZero() {
				ps.Add(join(prefix, "trial.length"), "gt", "P0D")
			}
		}
	case 0:
	default:
		ps.Add(join(prefix, "kind"), "oneof", "free functionality credits")
	}
}

// Fits reports whether values fit p's capacity: a plan with Values 0 has
// no limit; 240,000 fits a 250,000-value plan and 250,001 does not.
func (p Plan) Fits(values int64) bool { return p.Values == 0 || values <= p.Values }

// FitPlan returns the cheapest plan of plans, among those of kind k with
// the given cycle, whose capacity holds values, and false when none does.
// Ties in price go to the larger capacity, then to the earlier plan, so
// the answer does not depend on anything but the list. Prices in another
// currency than the first fitting plan's are not compared and lose.
func FitPlan(plans []Plan, k PlanKind, c Cycle, values int64) (Plan, bool) {
	best, found := Plan{}, false
	for _, p := range plans {
		if p.Kind != k || p.Cycle != c || !p.Fits(values) {
			continue
		}
		if !found {
			best, found = p, true
			continue
		}
		cmp, err := p.Price.Cmp(best.Price)
		if err != nil {
			continue
		}
		switch cmp {
		case -1:
			best = p
		case 0:
			if best.Values != 0 && (p.Values == 0 || p.Values > best.Values) {
				best = p
			}
		}
	}
	return best, found
}

// Prorate returns price x days / periodDays rounded half away from zero to
// the price's minor unit: 24.95 DKK a month for 9 days of a 31-day period
// is 7.24 DKK (7.2435...), and all 31 days give 24.95 DKK exactly. days
// outside 0..periodDays or periodDays < 1, or a price beyond what pimkit
// reads back (10^18, 100 characters), give the zero Money and false.
func Prorate(price contract.Money, days, periodDays int) (contract.Money, bool) {
	if periodDays < 1 || days < 0 || days > periodDays || !readableMoney(price) {
		return contract.Money{}, false
	}
	if days == periodDays {
		return price.Round(), true
	}
	cur := price.Currency()
	return contract.NewMoney(price.Amount().Mul(decimal.NewFromInt(int64(days))).
		DivRound(decimal.NewFromInt(int64(periodDays)), money.Scale(cur)), cur), true
}
