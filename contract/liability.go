package contract

import (
	"strconv"

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
)

var claimKindNames = [...]string{DirectLoss: "direct-loss", Penalty: "penalty", IndirectLoss: "indirect-loss"}

// String returns "direct-loss", "penalty" or "indirect-loss"; an invalid
// kind prints as "ClaimKind(9)".
func (k ClaimKind) String() string { return enumString(claimKindNames[:], int(k), "ClaimKind") }

func (k ClaimKind) valid() bool { return k >= DirectLoss && int(k) < len(claimKindNames) }

// MarshalText implements encoding.TextMarshaler; the zero or an unknown
// kind is an error wrapping ErrInvalidInput.
func (k ClaimKind) MarshalText() ([]byte, error) {
	return enumMarshal(claimKindNames[:], int(k), "claim kind")
}

// UnmarshalText implements encoding.TextUnmarshaler: "penalty" is Penalty;
// unknown text such as "Penalty" is an error wrapping ErrInvalidInput.
func (k *ClaimKind) UnmarshalText(b []byte) error {
	i, err := enumUnmarshal(claimKindNames[:], b, "claim kind")
	if err == nil {
		*k = ClaimKind(i)
	}
	return err
}

// Claim is one amount claimed from the provider. Claims with the same
// Event belong to the same event relevant to compensation and share its
// per-event cap: an outage's direct loss and its SLA penalty are one event
// (terms 15.1).
type Claim struct {
	// Event names the event the claim arises from, such as
	// "outage 2026-03-02". Required.
	Event string `json:"event"`
	// Kind is what the claim is for.
	Kind ClaimKind `json:"kind"`
	// Amount is the amount claimed, not negative.
	Amount decimal.Decimal `json:"amount"`
	// Currency is the amount's currency; it must be the remuneration's.
	Currency currency.Unit `json:"-"`
}

// SettlementLine is what became of one claim.
type SettlementLine struct {
	// Claim is the claim as given.
	Claim Claim
	// Claimed is the claim's amount rounded to the currency's minor unit.
	Claimed decimal.Decimal
	// Excluded is the part excluded as indirect loss (terms 15.1): the
	// whole amount for an IndirectLoss claim, else zero.
	Excluded decimal.Decimal
	// CutByEventCap is the part cut by the cap per event.
	CutByEventCap decimal.Decimal
	// CutByTotalCap is the part cut by the total cap.
	CutByTotalCap decimal.Decimal
	// Payable is what is paid for the claim: Claimed - Excluded -
	// CutByEventCap - CutByTotalCap, never negative.
	Payable decimal.Decimal
}

// Settlement is the provider's liability for a list of claims under terms
// 15.1. Its embedded [Decision] explains the outcome: Allowed reports that
// something is payable.
type Settlement struct {
	Decision
	// Currency is the currency of every amount.
	Currency currency.Unit
	// MonthlyFee is one month's remuneration for the operational services,
	// rounded to the currency's minor unit.
	MonthlyFee decimal.Decimal
	// CapPerEvent is the cap per event: LiabilityPerEventMonths months'
	// remuneration (15.1: one month).
	CapPerEvent decimal.Decimal
	// CapTotal is the cap on the total: LiabilityTotalMonths months'
	// remuneration (15.1: three months).
	CapTotal decimal.Decimal
	// Claimed is the sum of the claims' rounded amounts.
	Claimed decimal.Decimal
	// Payable is the sum of the lines' Payable: never negative, never more
	// than CapTotal plus any penalties paid outside the caps.
	Payable decimal.Decimal
	// Lines are the claims in the order given.
	Lines []SettlementLine
}

// SettleLiability computes what the provider pays for claims under terms
// 15.1, given one month's remuneration monthlyFee in currency cur. Amounts
// are rounded to cur's minor unit first (half away from zero, per line).
// Then, taking the claims in the order given:
//
//   - an IndirectLoss claim is excluded in full;
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
// A negative or zero-currency fee, a claim with no event, an invalid kind,
// a negative amount or another currency is an error wrapping
// ErrInvalidInput that names every field at fault ("claims[1].currency");
// negative liability months in t are an error wrapping ErrInvalidTerms.
func (t Terms) SettleLiability(monthlyFee decimal.Decimal, cur currency.Unit, claims []Claim) (Settlement, error) {
	return t.settle(monthlyFee, Months(1), cur, claims, "monthly_fee")
}

// SettleLiabilityFor is [Terms.SettleLiability] for a fee paid per period
// per (Months(1), Months(3), Years(1) or Months(12)): the remuneration for n
// months is fee x n / months-in-per, computed exactly and then rounded, so
// an annual fee of 10,000.00 DKK caps an event at 833.33 DKK and the total
// at 2,500.00 DKK (not 3 x 833.33). A per that is not a whole, positive
// number of months (P30D) is an error wrapping ErrInvalidInput.
func (t Terms) SettleLiabilityFor(fee decimal.Decimal, per Period, cur currency.Unit, claims []Claim) (Settlement, error) {
	return t.settle(fee, per, cur, claims, "fee")
}

// MonthlyRemuneration returns one month's share of a fee paid per period
// per, rounded to cur's minor unit: 12,000.00 DKK a year is 1,000.00 DKK a
// month, 10,000.00 DKK a year is 833.33 (terms 15.1 with 12.3's 12-month
// payment period). A per that is not a whole, positive number of months is
// an error wrapping ErrInvalidInput.
func MonthlyRemuneration(fee decimal.Decimal, per Period, cur currency.Unit) (decimal.Decimal, error) {
	n, ok := wholeMonths(per)
	if !ok {
		return decimal.Decimal{}, &ValidationError{Op: "monthly remuneration",
			Problems: []Problem{{Path: "per", Rule: "months", Param: per.String()}}, kinds: []error{ErrInvalidInput}}
	}
	return money.Round(fee.Div(decimal.NewFromInt(int64(n))), cur), nil
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

func (t Terms) settle(fee decimal.Decimal, per Period, cur currency.Unit, claims []Claim, feeField string) (Settlement, error) {
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
	p := problems{op: "settle liability", kind: ErrInvalidInput}
	if fee.IsNegative() {
		p.add(feeField, "gte", "0")
	} else if !saneAmount(fee) {
		p.add(feeField, "lte", maxAmountText)
	}
	perMonths, ok := wholeMonths(per)
	if !ok {
		p.add("per", "months", per.String())
	}
	if cur == (currency.Unit{}) {
		p.add("currency", "required", "")
	}
	for i, c := range claims {
		f := "claims[" + strconv.Itoa(i) + "]."
		if c.Event == "" {
			p.add(f+"event", "required", "")
		}
		if !c.Kind.valid() {
			p.add(f+"kind", "oneof", "direct-loss penalty indirect-loss")
		}
		if c.Amount.IsNegative() {
			p.add(f+"amount", "gte", "0")
		} else if !saneAmount(c.Amount) {
			p.add(f+"amount", "lte", maxAmountText)
		}
		if c.Currency != cur {
			p.add(f+"currency", "eq", cur.String())
		}
	}
	if err := p.err(); err != nil {
		return Settlement{}, err
	}

	months := func(n int) decimal.Decimal {
		return money.Round(fee.Mul(decimal.NewFromInt(int64(n))).Div(decimal.NewFromInt(int64(perMonths))), cur)
	}
	s := Settlement{
		Currency:    cur,
		MonthlyFee:  months(1),
		CapPerEvent: months(t.LiabilityPerEventMonths),
		CapTotal:    months(t.LiabilityTotalMonths),
		Lines:       make([]SettlementLine, len(claims)),
	}
	zero := decimal.Zero
	totalInCap := zero
	perEvent := make(map[string]decimal.Decimal) // order never leaks: read by key only
	excluded, cutEvent, cutTotal := zero, zero, zero
	for i, c := range claims {
		amt := money.Round(c.Amount, cur)
		l := SettlementLine{Claim: c, Claimed: amt, Excluded: zero, CutByEventCap: zero, CutByTotalCap: zero, Payable: zero}
		s.Claimed = s.Claimed.Add(amt)
		switch {
		case c.Kind == IndirectLoss:
			l.Excluded = amt
		case c.Kind == Penalty && !t.PenaltiesInsideCap:
			l.Payable = amt
		default:
			room := decimal.Max(zero, s.CapPerEvent.Sub(perEvent[c.Event]))
			pay := decimal.Min(amt, room)
			l.CutByEventCap = amt.Sub(pay)
			perEvent[c.Event] = perEvent[c.Event].Add(pay)
			room = decimal.Max(zero, s.CapTotal.Sub(totalInCap))
			paid := decimal.Min(pay, room)
			l.CutByTotalCap = pay.Sub(paid)
			totalInCap = totalInCap.Add(paid)
			l.Payable = paid
		}
		excluded = excluded.Add(l.Excluded)
		cutEvent = cutEvent.Add(l.CutByEventCap)
		cutTotal = cutTotal.Add(l.CutByTotalCap)
		s.Payable = s.Payable.Add(l.Payable)
		s.Lines[i] = l
	}
	s.Payable = s.Payable.Round(money.Scale(cur))
	s.Claimed = s.Claimed.Round(money.Scale(cur))

	s.Decision = Decision{
		Rule:      Clause("15.1").String(),
		Allowed:   s.Payable.IsPositive(),
		Citations: []Citation{Clause("15.1")},
	}
	if len(claims) > 0 && hasPenalty(claims) {
		s.Citations = append(s.Citations, Clause("8.1"))
	}
	f := func(d decimal.Decimal) string { return money.Format(d, cur) + " " + cur.String() }
	switch {
	case len(claims) == 0:
		s.Reason = rulesReason("no claims were made, so nothing is payable")
	case cutTotal.IsPositive():
		s.Reason = rulesReason("%s of %s claimed is payable: the total is capped at %s, %d months' remuneration",
			f(s.Payable), f(s.Claimed), f(s.CapTotal), t.LiabilityTotalMonths)
	case cutEvent.IsPositive():
		s.Reason = rulesReason("%s of %s claimed is payable: each event is capped at %s, %d month's remuneration",
			f(s.Payable), f(s.Claimed), f(s.CapPerEvent), t.LiabilityPerEventMonths)
	case excluded.IsPositive():
		s.Reason = rulesReason("%s of %s claimed is payable: indirect losses such as lost earnings and lost data are excluded",
			f(s.Payable), f(s.Claimed))
	default:
		s.Reason = rulesReason("%s claimed is payable in full, within the liability caps", f(s.Payable))
	}
	return s, nil
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
	return d.Abs().LessThanOrEqual(decimal.New(1, 18))
}
