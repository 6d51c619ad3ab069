package sla

import (
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// CreditTier is one step of a service-credit schedule: availability below
// Below percent earns Credit, a fraction of the monthly fee. The bound is
// half-open and compared exactly: with Below 99.9, 99.9 % earns nothing
// and 99.8999 % earns the credit.
type CreditTier struct {
	Below  decimal.Decimal `json:"below"`
	Credit decimal.Decimal `json:"credit"`
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
		{Below: decimal.New(999, -1), Credit: decimal.New(10, -2)},
		{Below: decimal.New(990, -1), Credit: decimal.New(25, -2)},
		{Below: decimal.New(950, -1), Credit: decimal.NewFromInt(1)},
	}
}

// Validate reports every problem of ts at once: a Below outside (0, 100],
// a Credit outside [0, 1], bounds not strictly descending or credits
// decreasing, as an error wrapping ErrInvalidCredit.
func (ts CreditTiers) Validate() error {
	var ps problems
	ts.check(&ps)
	return ps.err()
}

func (ts CreditTiers) check(ps *problems) {
	for i, t := range ts {
		if t.Below.Sign() <= 0 || t.Below.Cmp(hundred) > 0 {
			ps.add(field("tiers", i, "below"), "must be within (0, 100]", ErrInvalidCredit)
		}
		if t.Credit.Sign() < 0 || t.Credit.Cmp(decimal.NewFromInt(1)) > 0 {
			ps.add(field("tiers", i, "credit"), "must be within [0, 1]", ErrInvalidCredit)
		}
		if i > 0 && t.Below.Cmp(ts[i-1].Below) >= 0 {
			ps.add(field("tiers", i, "below"), "must be below the previous tier's", ErrInvalidCredit)
		}
		if i > 0 && t.Credit.Cmp(ts[i-1].Credit) < 0 {
			ps.add(field("tiers", i, "credit"), "must not be less than the previous tier's", ErrInvalidCredit)
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
		if r.CmpDecimal(t.Below.Div(hundred)) < 0 {
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
	Event        string
	Span         Span
	Availability Availability
	// Tier is the tier earned; Earned is false when none was.
	Tier   CreditTier
	Earned bool
	// Amount is Tier.Credit x the monthly fee, rounded to the currency's
	// minor unit; zero when no tier was earned.
	Amount   decimal.Decimal
	Currency currency.Unit
	Decision contract.Decision
}

// Penalty returns the credit that a earns against monthlyFee in cur:
// 98.5 % with CommonCreditTiers and a fee of 1,000.00 DKK is 250.00 DKK.
// Bad tiers, a negative fee or the zero currency are an error wrapping
// ErrInvalidCredit.
func (ts CreditTiers) Penalty(a Availability, monthlyFee decimal.Decimal, cur currency.Unit) (Penalty, error) {
	var ps problems
	ts.check(&ps)
	if monthlyFee.Sign() < 0 {
		ps.add("monthly_fee", "must not be negative", ErrInvalidCredit)
	}
	if cur == (currency.Unit{}) {
		ps.add("currency", "required", ErrInvalidCredit)
	}
	if err := ps.err(); err != nil {
		return Penalty{}, err
	}
	loc := a.Span.From.Location()
	from, to := contract.DateOf(a.Span.From.In(loc)), contract.DateOf(a.Span.To.In(loc))
	p := Penalty{
		Event:        "availability " + from.String() + "/" + to.String(),
		Span:         a.Span,
		Availability: a,
		Amount:       money.Round(decimal.Zero, cur),
		Currency:     cur,
	}
	p.Tier, p.Earned = ts.For(a)
	pct := a.Percent(3).StringFixed(3)
	dec := contract.Decision{Rule: RuleCredit, Allowed: p.Earned, From: from, Date: to,
		Citations: []contract.Citation{contract.Clause("8.1"), contract.Clause("15.1")}}
	if p.Earned {
		p.Amount = money.Round(monthlyFee.Mul(p.Tier.Credit), cur)
		dec.Reason = reason(keyCredit, pct, p.Tier.Below.String(), p.Tier.Credit.Shift(2).String())
	} else {
		dec.Reason = reason(keyNoCredit, pct)
	}
	p.Decision = dec
	return p, nil
}

// Claim returns p as a penalty claim for [contract.Terms.SettleLiability].
func (p Penalty) Claim() contract.Claim {
	return contract.Claim{Event: p.Event, Kind: contract.Penalty, Amount: contract.NewMoney(p.Amount, p.Currency)}
}

// Settle settles the penalties earned, together with any other claims,
// against the liability caps of terms 15.1 with
// [contract.Terms.SettleLiability]: penalties count inside the caps, at
// most one month's remuneration per event and three in total. Penalties
// that earned nothing are left out. The settlement says what is payable
// and, per line, what each cap cut. Errors are those of SettleLiability.
func Settle(t contract.Terms, monthlyFee decimal.Decimal, cur currency.Unit, penalties []Penalty, claims ...contract.Claim) (contract.Settlement, error) {
	all := make([]contract.Claim, 0, len(penalties)+len(claims))
	for _, p := range penalties {
		if p.Earned {
			all = append(all, p.Claim())
		}
	}
	all = append(all, claims...)
	return t.SettleLiability(contract.NewMoney(monthlyFee, cur), all)
}
