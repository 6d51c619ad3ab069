package billing

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
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

var planKindNames = []string{Free: "free", Functionality: "functionality", CreditBased: "credits"}

// String returns "free", "functionality" or "credits".
func (k PlanKind) String() string { return enumString(planKindNames, k, "PlanKind") }

// MarshalText implements encoding.TextMarshaler.
func (k PlanKind) MarshalText() ([]byte, error) { return enumMarshal(planKindNames, k, "plan kind") }

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrSyntax.
func (k *PlanKind) UnmarshalText(b []byte) error {
	v, err := enumParse[PlanKind](planKindNames, b, "plan kind")
	if err == nil {
		*k = v
	}
	return err
}

// Cycle is a plan's billing cycle. The zero value is invalid for paid
// plans; a free plan may leave it zero (it then renews monthly).
type Cycle uint8

const (
	// Monthly bills every calendar month from the anchor day.
	Monthly Cycle = iota + 1
	// Annual bills every 12 months from the anchor day.
	Annual
)

var cycleNames = []string{Monthly: "monthly", Annual: "annual"}

// String returns "monthly" or "annual".
func (c Cycle) String() string { return enumString(cycleNames, c, "Cycle") }

// MarshalText implements encoding.TextMarshaler.
func (c Cycle) MarshalText() ([]byte, error) { return enumMarshal(cycleNames, c, "cycle") }

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrSyntax.
func (c *Cycle) UnmarshalText(b []byte) error {
	v, err := enumParse[Cycle](cycleNames, b, "cycle")
	if err == nil {
		*c = v
	}
	return err
}

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
	ID    string   `json:"id"`
	Kind  PlanKind `json:"kind"`
	Cycle Cycle    `json:"cycle,omitempty"`
	// Price is the fee per cycle excluding VAT; zero for a free plan.
	Price    decimal.Decimal `json:"price"`
	Currency currency.Unit   `json:"-"`
	// Values is the capacity in values (records x fields + base); 0 means
	// no limit.
	Values int64 `json:"values"`
	// Credits are the credits a credit-based plan grants each cycle.
	Credits int64 `json:"credits"`
	// Overdraft is how far below zero a credit balance may go on this
	// plan; 0 refuses any debit the balance cannot cover.
	Overdraft int64 `json:"overdraft"`
}

// Validate reports every problem of p in a [*ValidationError]: a missing
// ID, an unknown kind, a paid plan without a cycle or currency, a free
// plan with a price, a negative price or capacity.
func (p Plan) Validate() error {
	ps := problems{what: "plan"}
	p.check(&ps, "")
	return ps.err()
}

func (p Plan) check(ps *problems, prefix string) {
	if p.ID == "" {
		ps.add(prefix+"id", "required", "")
	}
	switch p.Kind {
	case Free:
		if !p.Price.IsZero() {
			ps.add(prefix+"price", "eq", "a free plan has no price")
		}
		if p.Cycle > Annual {
			ps.add(prefix+"cycle", "oneof", "monthly or annual")
		}
	case Functionality, CreditBased:
		if p.Cycle != Monthly && p.Cycle != Annual {
			ps.add(prefix+"cycle", "oneof", "monthly or annual")
		}
		if p.Currency == (currency.Unit{}) {
			ps.add(prefix+"currency", "required", "")
		}
	default:
		ps.add(prefix+"kind", "oneof", "free, functionality or credits")
	}
	if p.Price.IsNegative() {
		ps.add(prefix+"price", "gte", "must not be negative")
	} else if _, ok := toMinor(p.Price, money.Scale(p.Currency)); !ok {
		ps.add(prefix+"price", "scale", "more decimals than the currency's minor unit, or too large")
	}
	if p.Values < 0 {
		ps.add(prefix+"values", "gte", "must not be negative")
	}
	if p.Credits < 0 {
		ps.add(prefix+"credits", "gte", "must not be negative")
	}
	if p.Overdraft < 0 {
		ps.add(prefix+"overdraft", "gte", "must not be negative")
	}
}

// Fits reports whether values fit p's capacity: a plan with Values 0 has
// no limit; 240,000 fits a 250,000-value plan and 250,001 does not.
func (p Plan) Fits(values int64) bool { return p.Values == 0 || values <= p.Values }

// FitPlan returns the cheapest plan of plans, among those of kind k with
// the given cycle, whose capacity holds values, and false when none does.
// Ties in price go to the larger capacity, then to the earlier plan, so
// the answer does not depend on anything but the list.
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
		switch p.Price.Cmp(best.Price) {
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
// cur's minor unit: 24.95 a month for 9 days of a 31-day period is 7.24
// (7.2435...), and all 31 days give 24.95 exactly. days outside
// 0..periodDays or periodDays < 1 give zero and false.
func Prorate(price decimal.Decimal, cur currency.Unit, days, periodDays int) (decimal.Decimal, bool) {
	if periodDays < 1 || days < 0 || days > periodDays {
		return decimal.Zero, false
	}
	if days == periodDays {
		return money.Round(price, cur), true
	}
	return price.Mul(decimal.NewFromInt(int64(days))).
		DivRound(decimal.NewFromInt(int64(periodDays)), money.Scale(cur)), true
}
