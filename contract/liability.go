package contract

import (
	"math/big"
	"strconv"

	"github.com/pimkit/pimkit/internal/enum"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// ClaimKind is what a claim for damages is for, which decides whether the
// liability caps of terms 15.1 let it through. The zero ClaimKind is
// invalid.
type ClaimKind uint8

const (
	// DirectLoss is a direct loss: covered up to the caps (terms 15.1).
	DirectLoss ClaimKind = iota + 1
	// Penalty is an SLA penalty or service credit (terms 8): counted inside
	// the caps when [Terms.PenaltiesInsideCap] is set, as it is in the
	// OpenDIMS terms (15.1); paid in full outside them otherwise.
	Penalty
	// IndirectLoss is lost earnings, loss of production, loss or
	// restoration of data, increased use of resources, loss of reputation
	// or goodwill or other indirect loss: excluded (terms 15.1).
	IndirectLoss
	// OutageLoss is a loss caused by a system crash, a power outage,
	// unauthorised access, a disruption, a change for technical or
	// operational reasons (errors and defects in the service among them),
	// hardware, or circumstances imposed by authorities: excluded unless
	// [Terms.OutageLiability] is set, as the offer document may agree
	// (terms 15.2). An SLA [Penalty] for the same outage is still owed: the
	// SLA is itself agreed in the offer document.
	OutageLoss
)

var claimKindNames = enum.Names{DirectLoss: "direct_loss", Penalty: "penalty", IndirectLoss: "indirect_loss", OutageLoss: "outage_loss"}

// String returns "direct_loss", "penalty", "indirect_loss" or
// "outage_loss"; an invalid
// kind prints as "ClaimKind(9)".
func (k ClaimKind) String() string { return enum.String(claimKindNames, k, "ClaimKind") }

func (k ClaimKind) valid() bool { return k >= DirectLoss && int(k) < len(claimKindNames) }

// MarshalText implements encoding.TextMarshaler; the zero or an unknown
// kind is an error wrapping ErrInvalidInput.
func (k ClaimKind) MarshalText() ([]byte, error) {
	return enum.Marshal(claimKindNames, k, "claim kind", ErrInvalidInput)
}

// UnmarshalText implements encoding.TextUnmarshaler: "penalty" is Penalty;
// unknown text such as "Penalty" is an error wrapping ErrInvalidInput.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (k *ClaimKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(claimKindNames, b, k, "claim kind", ErrInvalidInput)
}

// Claim is one amount claimed from the provider. Claims with the same
// Event belong to the same event relevant to compensation and share its
// per-event cap: an outage's direct loss and its SLA penalty are one event
// (terms 15.1).
//
// In JSON it reads {"event":"outage 2026-03-02","kind":"direct_loss",
// "amount":{"amount":"1500.00","currency":"DKK"}}.
type Claim struct {
	// Event names the event the claim arises from, such as
	// "outage 2026-03-02". Required.
	Event string `json:"event" validate:"required,max=200"`
	// Kind is what the claim is for.
	Kind ClaimKind `json:"kind"`
	// Amount is the amount claimed, not negative, in the remuneration's
	// currency.
	Amount Money `json:"amount"`
}

// mayBreakTags reports whether c might break its validate tags, so that
// settling a list of valid claims does not pay for reflection on each:
// an event longer than 200 bytes may be longer than 200 characters.
func (c Claim) mayBreakTags() bool { return c.Event == "" || len(c.Event) > 200 }

// SettlementLine is what became of one claim. Every amount is in the
// claim's currency, rounded to its minor unit.
type SettlementLine struct {
	// Claim is the claim as given.
	Claim Claim `json:"claim"`
	// Claimed is the claim's amount rounded to the currency's minor unit.
	Claimed Money `json:"claimed"`
	// Excluded is the part excluded: the whole amount of an IndirectLoss
	// claim (terms 15.1), and of an OutageLoss claim unless the terms set
	// OutageLiability (15.2); else zero.
	Excluded Money `json:"excluded"`
	// CutByEventCap is the part cut by the cap per event.
	CutByEventCap Money `json:"cut_by_event_cap"`
	// CutByTotalCap is the part cut by the total cap.
	CutByTotalCap Money `json:"cut_by_total_cap"`
	// Payable is what is paid for the claim: Claimed - Excluded -
	// CutByEventCap - CutByTotalCap, never negative.
	Payable Money `json:"payable"`
}

// Settlement is the provider's liability for a list of claims under terms
// 15.1. Its embedded [Decision] explains the outcome: Allowed reports that
// something is payable. Every amount is in the fee's currency, rounded to
// its minor unit; in JSON the decision's keys ("rule", "allowed",
// "citations", "reason") sit beside the amounts'.
type Settlement struct {
	Decision
	// MonthlyFee is one month's remuneration for the operational services.
	MonthlyFee Money `json:"monthly_fee"`
	// CapPerEvent is the cap per event: LiabilityPerEventMonths months'
	// remuneration (15.1: one month).
	CapPerEvent Money `json:"cap_per_event"`
	// CapTotal is the cap on the total: LiabilityTotalMonths months'
	// remuneration (15.1: three months).
	CapTotal Money `json:"cap_total"`
	// Claimed is the sum of the claims' rounded amounts.
	Claimed Money `json:"claimed"`
	// Payable is the sum of the lines' Payable: never negative, never more
	// than CapTotal plus any penalties paid outside the caps.
	Payable Money `json:"payable"`
	// Lines are the claims in the order given.
	Lines []SettlementLine `json:"lines,omitempty"`
}

// SettleLiability computes what the provider pays for claims under terms
// 15.1, given one month's remuneration monthlyFee. Amounts are rounded to
// the fee currency's minor unit first (half away from zero, per line).
// Then, taking the claims in the order given:
//
//   - an IndirectLoss claim is excluded in full, and so is an OutageLoss
//     claim unless t.OutageLiability (terms 15.2); with it, an outage loss
//     counts like a direct loss;
//   - the claims of one Event together get at most CapPerEvent (one
//     month's remuneration);
//   - all claims together get at most CapTotal (three months');
//   - Penalty claims count inside both caps when t.PenaltiesInsideCap, as
//     in the OpenDIMS terms; otherwise they are paid in full outside them.
//
// With a monthly fee of 1,000.00 DKK, an outage claimed at 1,500.00 DKK
// plus a 200.00 DKK penalty for it is paid 1,000.00; four such outages are
// paid 3,000.00 in total. The payable total does not depend on the order
// of the claims; which line the total cap cuts does (the later ones).
//
// For an annual fee use [Terms.SettleLiabilityFor]: the monthly
// remuneration is a twelfth of it.
//
// A negative fee or one without a currency, a claim with no event, an
// invalid kind, a negative amount or another currency than the fee's is a
// [*ValidationError] wrapping ErrInvalidInput that names every field at
// fault ("claims[1].amount"); negative liability months in t wrap
// ErrInvalidTerms.
func (t Terms) SettleLiability(monthlyFee Money, claims []Claim) (Settlement, error) {
	return t.settle(monthlyFee, Months(1), claims, "monthly_fee")
}

// SettleLiabilityFor is [Terms.SettleLiability] for a fee paid per period
// per (Months(1), Months(3), Years(1) or Months(12)): the remuneration for n
// months is fee x n / months-in-per, computed exactly and then rounded, so
// an annual fee of 10,000.00 DKK caps an event at 833.33 DKK and the total
// at 2,500.00 DKK (not 3 x 833.33). A per that is not a whole, positive
// number of months (P30D) is an error wrapping ErrInvalidInput.
func (t Terms) SettleLiabilityFor(fee Money, per Period, claims []Claim) (Settlement, error) {
	return t.settle(fee, per, claims, "fee")
}

// MonthlyRemuneration returns one month's share of a fee paid per period
// per, rounded to the fee currency's minor unit: 12,000.00 DKK a year is
// 1,000.00 DKK a month, 10,000.00 DKK a year is 833.33 DKK (terms 15.1
// with 12.3's 12-month payment period). A per that is not a whole,
// positive number of months is a [*ValidationError] wrapping
// ErrInvalidInput.
func MonthlyRemuneration(fee Money, per Period) (Money, error) {
	n, ok := wholeMonths(per)
	if !ok {
		var ps Problems
		ps.Add("per", "months", per.String())
		return Money{}, ps.Err("monthly remuneration", ErrInvalidInput)
	}
	return NewMoney(money.Round(fee.Amount().Div(decimal.NewFromInt(int64(n))), fee.cur), fee.cur), nil
}

// wholeMonths returns the number of months in p when p is a positive
// whole number of months or years.
func wholeMonths(p Period) (int, bool) {
	if p.Weeks != 0 || p.Days != 0 || p.IsNegative() {
		return 0, false
	}
	n := p.Years*12 + p.Months
	return n, n > 0 && n <= 1200
}

func (t Terms) settle(feeM Money, per Period, claims []Claim, feeField string) (Settlement, error) {
	tp := problems{op: "settle liability", kind: ErrInvalidTerms}
	if t.LiabilityTotalMonths < 0 {
		tp.add("liability_total_months", "gte", "0")
	}
	if t.LiabilityPerEventMonths < 0 {
		tp.add("liability_per_event_months", "gte", "0")
	}
	if err := tp.err(); err != nil {
		return Settlement{}, err
	}
	fee, cur := feeM.Amount(), feeM.cur
	p := problems{op: "settle liability", kind: ErrInvalidInput}
	if fee.IsNegative() {
		p.add(feeField+".amount", "gte", "0")
	} else if !saneAmount(fee) {
		p.add(feeField+".amount", "lte", maxAmountText)
	}
	if cur == (currency.Unit{}) {
		p.add(feeField+".currency", "required", "")
	}
	perMonths, ok := wholeMonths(per)
	if !ok {
		p.add("per", "months", per.String())
	}
	for i, c := range claims {
		// The path is built only for a claim at fault: settling is on the
		// hot path of every SLA report.
		f := func() string { return "claims[" + strconv.Itoa(i) + "]" }
		if c.mayBreakTags() {
			p.Check(f(), c)
		}
		if !c.Kind.valid() {
			p.add(f()+".kind", "oneof", "direct_loss penalty indirect_loss outage_loss")
		}
		if c.Amount.IsNegative() {
			p.add(f()+".amount.amount", "gte", "0")
		} else if !c.Amount.sane() {
			p.add(f()+".amount.amount", "lte", maxAmountText)
		}
		if c.Amount.cur != cur && cur != (currency.Unit{}) {
			p.add(f()+".amount.currency", "eq", cur.String())
		}
	}
	if err := p.err(); err != nil {
		return Settlement{}, err
	}

	m := func(d decimal.Decimal) Money { return NewMoney(d, cur) }
	months := func(n int) decimal.Decimal {
		return money.Round(fee.Mul(decimal.NewFromInt(int64(n))).Div(decimal.NewFromInt(int64(perMonths))), cur)
	}
	monthly, capEvent, capTotal := months(1), months(t.LiabilityPerEventMonths), months(t.LiabilityTotalMonths)
	s := Settlement{
		MonthlyFee:  m(monthly),
		CapPerEvent: m(capEvent),
		CapTotal:    m(capTotal),
	}
	if len(claims) > 0 {
		s.Lines = make([]SettlementLine, len(claims))
	}
	// The claims are summed on Money, whose amounts stay inline: the same
	// exact sums and exponents as decimal arithmetic, without allocating.
	zero := Money{cur: cur} // decimal.Zero in cur
	capEventM, capTotalM := s.CapPerEvent, s.CapTotal
	plus := func(a, b Money) Money { r := addAmounts(a, b, false); r.cur = cur; return r }
	minus := func(a, b Money) Money { r := addAmounts(a, b, true); r.cur = cur; return r }
	totalInCap, claimed, payable := zero, zero, zero
	perEvent := make(map[string]Money) // order never leaks: read by key only
	excluded, cutEvent, cutTotal := zero, zero, zero
	outageExcluded := false
	for i, c := range claims {
		amt := c.Amount.Round() // in cur: checked above
		lExcluded, lCutEvent, lCutTotal, lPayable := zero, zero, zero, zero
		claimed = plus(claimed, amt)
		switch {
		case c.Kind == IndirectLoss:
			lExcluded = amt
		case c.Kind == OutageLoss && !t.OutageLiability:
			lExcluded = amt
			outageExcluded = true
		case c.Kind == Penalty && !t.PenaltiesInsideCap:
			lPayable = amt
		default:
			room := maxMoney(zero, minus(capEventM, perEvent[c.Event]))
			pay := minMoney(amt, room)
			lCutEvent = minus(amt, pay)
			perEvent[c.Event] = plus(perEvent[c.Event], pay)
			room = maxMoney(zero, minus(capTotalM, totalInCap))
			paid := minMoney(pay, room)
			lCutTotal = minus(pay, paid)
			totalInCap = plus(totalInCap, paid)
			lPayable = paid
		}
		excluded = plus(excluded, lExcluded)
		cutEvent = plus(cutEvent, lCutEvent)
		cutTotal = plus(cutTotal, lCutTotal)
		payable = plus(payable, lPayable)
		s.Lines[i] = SettlementLine{Claim: c, Claimed: amt, Excluded: lExcluded,
			CutByEventCap: lCutEvent, CutByTotalCap: lCutTotal, Payable: lPayable}
	}
	s.Payable = m(payable.Amount().Round(money.Scale(cur)))
	s.Claimed = m(claimed.Amount().Round(money.Scale(cur)))

	s.Decision = Decision{
		Rule:      Clause("15.1").String(),
		Allowed:   payable.IsPositive(),
		Citations: []Citation{Clause("15.1")},
	}
	if len(claims) > 0 && hasKind(claims, OutageLoss) {
		s.Citations = append(s.Citations, Clause("15.2"))
	}
	if len(claims) > 0 && hasPenalty(claims) {
		s.Citations = append(s.Citations, Clause("8.1"))
	}
	switch {
	case len(claims) == 0:
		s.Reason = rulesReason("no claims were made, so nothing is payable")
	case cutTotal.IsPositive():
		s.Reason = rulesReason("%s of %s claimed is payable: the total is capped at %s, %d months' remuneration",
			s.Payable, s.Claimed, s.CapTotal, t.LiabilityTotalMonths)
	case cutEvent.IsPositive():
		s.Reason = rulesReason("%s of %s claimed is payable: each event is capped at %s, %d month's remuneration",
			s.Payable, s.Claimed, s.CapPerEvent, t.LiabilityPerEventMonths)
	case excluded.IsPositive() && outageExcluded:
		s.Reason = rulesReason("%s of %s claimed is payable: losses from outages, crashes and defects are excluded unless the offer document says otherwise, and so are indirect losses",
			s.Payable, s.Claimed)
	case excluded.IsPositive():
		s.Reason = rulesReason("%s of %s claimed is payable: indirect losses such as lost earnings and lost data are excluded",
			s.Payable, s.Claimed)
	default:
		s.Reason = rulesReason("%s claimed is payable in full, within the liability caps", s.Payable)
	}
	return s, nil
}

func hasKind(claims []Claim, k ClaimKind) bool {
	for _, c := range claims {
		if c.Kind == k {
			return true
		}
	}
	return false
}

func hasPenalty(claims []Claim) bool {
	for _, c := range claims {
		if c.Kind == Penalty {
			return true
		}
	}
	return false
}

// maxAmountText is the largest amount the rules accept, 10^18: far above
// any remuneration, and small enough that rounding stays cheap.
const maxAmountText = "1e18"

// saneAmount reports whether d is within ±10^18 with at most 18 decimals.
// It checks the exponent before comparing, because comparing a decimal
// like 1e2147483647 rescales it to a number of two billion digits.
func saneAmount(d decimal.Decimal) bool {
	e := d.Exponent()
	if e < -18 || e > 18 {
		return false
	}
	// Compared with the bound written at d's own exponent, Cmp neither
	// rescales nor allocates: saneAmount runs for every claim settled.
	i := e + 18
	return d.Cmp(saneBounds[i].lo) >= 0 && d.Cmp(saneBounds[i].hi) <= 0
}

// saneBounds[e+18] holds -10^18 and 10^18 with exponent e, for e in
// [-18, 18].
var saneBounds = func() (b [37]struct{ lo, hi decimal.Decimal }) {
	for i := range b {
		e := int32(i - 18)
		c := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(18-e)), nil)
		b[i].hi = decimal.NewFromBigInt(c, e)
		b[i].lo = decimal.NewFromBigInt(new(big.Int).Neg(c), e)
	}
	return b
}()
