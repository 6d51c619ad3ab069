package sla

import (
	"strconv"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// CreditTier is one step of a service-credit schedule: availability below
// Below percent earns Credit, a fraction of the monthly fee. The bound is
// half-open and compared exactly: with Below 99.9, 99.9 % earns nothing
// and 99.8999 % earns the credit.
type CreditTier struct {
	// Below is the availability in percent, in (0, 100].
	Below contract.Decimal `json:"below" validate:"dgt=0,dlte=100"`
	// Credit is the fraction of the monthly fee, in [0, 1].
	Credit contract.Decimal `json:"credit" validate:"dgte=0,dlte=1"`
}

// CreditTiers are the service credits an offer document agrees, as data;
// the OpenDIMS standard terms set none (terms 8.1), so the zero
// CreditTiers earns nothing. Tiers are listed with Below strictly
// descending and Credit not decreasing; the lowest tier that applies
// wins.
type CreditTiers []CreditTier

// CommonCreditTiers returns a schedule typical of cloud SLAs, for an
// offer document to adopt: below 99.9 % 10 %, below 99.0 % 25 %, below
// 95.0 % 100 % of the monthly fee.
func CommonCreditTiers() CreditTiers {
	return CreditTiers{
		{Below: contract.Dec(decimal.New(999, -1)), Credit: contract.Dec(decimal.New(10, -2))},
		{Below: contract.Dec(decimal.New(990, -1)), Credit: contract.Dec(decimal.New(25, -2))},
		{Below: contract.Dec(decimal.New(950, -1)), Credit: contract.Dec(decimal.NewFromInt(1))},
	}
}

// Validate reports every problem of ts at once, as a
// [*contract.ValidationError] wrapping ErrInvalidCredit with paths such as
// "tiers[1].below": a Below outside (0, 100] (dgt(0), dlte(100)), a Credit
// outside [0, 1] (dgte(0), dlte(1)), a Below not below the previous
// tier's (ltfield(tiers[0].below)) or a Credit less than the previous
// tier's (gtefield(tiers[0].credit)).
func (ts CreditTiers) Validate() error {
	var c checks
	ts.check(&c)
	return c.err("validate credit tiers")
}

func (ts CreditTiers) check(c *checks) {
	for i, t := range ts {
		at := "tiers[" + strconv.Itoa(i) + "]"
		c.tags(at, t, ErrInvalidCredit)
		if i == 0 {
			continue
		}
		prev := "tiers[" + strconv.Itoa(i-1) + "]"
		if t.Below.Decimal().Cmp(ts[i-1].Below.Decimal()) >= 0 {
			c.add(at+".below", "ltfield", prev+".below", ErrInvalidCredit)
		}
		if t.Credit.Decimal().Cmp(ts[i-1].Credit.Decimal()) < 0 {
			c.add(at+".credit", "gtefield", prev+".credit", ErrInvalidCredit)
		}
	}
}

// For returns the tier a earns and true, or false when a earns none. With
// CommonCreditTiers, 98.5 % earns the 25 % tier.
func (ts CreditTiers) For(a Availability) (CreditTier, bool) {
	r := a.Ratio()
	var got CreditTier
	ok := false
	for _, t := range ts {
		if r.CmpDecimal(t.Below.Decimal().Div(hundred)) < 0 {
			got, ok = t, true
		}
	}
	return got, ok
}

// Penalty is the service credit one span earns.
type Penalty struct {
	// Event names the event for the liability caps: "availability
	// 2025-01-01/2025-02-01" for January in Copenhagen. A host that also
	// claims a direct loss for the same breach uses the same Event, so both
	// share the per-event cap (terms 15.1).
	Event        string       `json:"event"`
	Span         Span         `json:"span"`
	Availability Availability `json:"availability"`
	// Tier is the tier earned; Earned is false when none was.
	Tier   CreditTier `json:"tier,omitzero"`
	Earned bool       `json:"earned"`
	// Amount is Tier.Credit x the monthly fee, rounded to the currency's
	// minor unit; zero (in the fee's currency) when no tier was earned.
	Amount   contract.Money    `json:"amount"`
	Decision contract.Decision `json:"decision"`
}

// Penalty returns the credit that a earns against monthlyFee: 98.5 % with
// CommonCreditTiers and a fee of 1,000.00 DKK is 250.00 DKK. Bad tiers, a
// negative fee or a fee without a currency are a
// [*contract.ValidationError] wrapping ErrInvalidCredit.
func (ts CreditTiers) Penalty(a Availability, monthlyFee contract.Money) (Penalty, error) {
	var c checks
	ts.check(&c)
	if monthlyFee.IsNegative() {
		c.add("monthly_fee", "dgte", "0", ErrInvalidCredit)
	}
	if contract.CurrencyOf(monthlyFee.Currency()).IsZero() {
		c.add("monthly_fee.currency", "required", "", ErrInvalidCredit)
	}
	if err := c.err("penalty"); err != nil {
		return Penalty{}, err
	}
	loc := a.Span.From.Location()
	from, to := contract.DateOf(a.Span.From.In(loc)), contract.DateOf(a.Span.To.In(loc))
	p := Penalty{
		Event:        "availability " + from.String() + "/" + to.String(),
		Span:         a.Span,
		Availability: a,
		Amount:       contract.ZeroMoney(monthlyFee.Currency()).Round(),
	}
	p.Tier, p.Earned = ts.For(a)
	pct := contract.PercentOf(a.Percent(3))
	dec := contract.Decision{Rule: RuleCredit, Allowed: p.Earned, From: from, Date: to,
		Citations: []contract.Citation{contract.Clause("8.1"), contract.Clause("15.1")}}
	if p.Earned {
		p.Amount = monthlyFee.Mul(p.Tier.Credit.Decimal()).Round()
		dec.Reason = reason(keyCredit, pct, contract.PercentOf(p.Tier.Below.Decimal()), contract.PercentOf(p.Tier.Credit.Decimal().Shift(2)))
	} else {
		dec.Reason = reason(keyNoCredit, pct)
	}
	p.Decision = dec
	return p, nil
}

// Claim returns p as a penalty claim for [contract.Terms.SettleLiability].
func (p Penalty) Claim() contract.Claim {
	return contract.Claim{Event: p.Event, Kind: contract.Penalty, Amount: p.Amount}
}

// Settle settles the penalties earned, together with any other claims,
// against the liability caps of terms 15.1 with
// [contract.Terms.SettleLiability]: penalties count inside the caps, at
// most one month's remuneration per event and three in total. Penalties
// that earned nothing are left out. The settlement says what is payable
// and, per line, what each cap cut. Errors are those of SettleLiability.
func Settle(t contract.Terms, monthlyFee contract.Money, penalties []Penalty, claims ...contract.Claim) (contract.Settlement, error) {
	all := make([]contract.Claim, 0, len(penalties)+len(claims))
	for _, p := range penalties {
		if p.Earned {
			all = append(all, p.Claim())
		}
	}
	all = append(all, claims...)
	return t.SettleLiability(monthlyFee, all)
}
