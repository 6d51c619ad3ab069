package contract

import (
	"time"

	"github.com/pimkit/pimkit/internal/enum"
)

// ProviderTermination decides whether the provider may terminate the
// agreement on date on for non-payment, when the remuneration is still
// unpaid after unpaidDemands demands for payment (terms 17.3: after the
// third demand). With the OpenDIMS terms two demands are refused (they
// allow only suspension, 12.3) and three are allowed.
//
// A negative count, or terms that give no such right
// (TerminateAfterDemands 0), is refused with the reason.
func (t Terms) ProviderTermination(unpaidDemands int, on Date) Decision {
	d := Decision{Rule: Clause("17.3").String(), Citations: []Citation{Clause("17.3"), Clause("12.3")}}
	switch {
	case unpaidDemands < 0:
		d.Reason = rulesReason("the number of unpaid demands cannot be negative")
	case t.TerminateAfterDemands <= 0:
		d.Reason = rulesReason("the terms give no right to terminate for late payment")
	case unpaidDemands < t.TerminateAfterDemands:
		d.Reason = rulesReason("the provider may terminate for non-payment only after %d unpaid demands for payment; %d have been made",
			t.TerminateAfterDemands, unpaidDemands)
	default:
		d.Allowed, d.Date = true, on
		d.Reason = rulesReason("the provider may terminate on %s: the remuneration is unpaid after %d demands for payment, a material breach",
			on, unpaidDemands)
	}
	return d
}

// Side is a party to the agreement. The zero Side is invalid.
type Side uint8

const (
	// CustomerSide is the customer.
	CustomerSide Side = iota + 1
	// ProviderSide is the provider of the service, OpenDIMS ApS in the
	// preset.
	ProviderSide
)

var sideNames = enum.Names{CustomerSide: "customer", ProviderSide: "provider"}

// String returns "customer" or "provider"; an invalid side prints as
// "Side(3)".
func (s Side) String() string { return enum.String(sideNames, s, "Side") }

// MarshalText implements encoding.TextMarshaler; the zero Side is an error.
func (s Side) MarshalText() ([]byte, error) {
	return enum.Marshal(sideNames, s, "side", ErrInvalidInput)
}

// UnmarshalText implements encoding.TextUnmarshaler; text other than
// "customer" and "provider" is an error wrapping ErrInvalidInput.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (s *Side) UnmarshalText(b []byte) error {
	return enum.Unmarshal(sideNames, b, s, "side", ErrInvalidInput)
}

// multiply returns p with every component times k.
func (p Period) multiply(k int) Period {
	return Period{p.Years * k, p.Months * k, p.Weeks * k, p.Days * k}
}

// maxDays bounds the length of p in days from above.
func (p Period) maxDays() int { return p.Years*366 + p.Months*31 + p.Weeks*7 + p.Days }

// periodEnd returns the last day of the k-th period (k >= 1) of length p
// that runs from start: start + k x p - 1 day, counted from start each
// time so that month ends do not drift (2025-01-31 monthly: 2025-02-27,
// 2025-03-30).
func periodEnd(start Date, p Period, k int) Date {
	return start.AddPeriods(p, k).AddDays(-1)
}

// firstPeriodEndOnOrAfter returns the smallest k >= 1 and the last day of
// the k-th period of length p from start that is on or after d. p must be
// positive.
func firstPeriodEndOnOrAfter(start Date, p Period, d Date) (int, Date) {
	k := 1
	if max := p.maxDays(); max > 0 {
		if est := start.DaysUntil(d)/max - 1; est > k {
			k = est
		}
	}
	end := periodEnd(start, p, k)
	for end.Before(d) {
		k++
		end = periodEnd(start, p, k)
	}
	return k, end
}

// maxPeriodDate bounds the dates the termination rules count with, so
// that a period added to them stays within year 9999.
var maxPeriodDate = MustDate(9000, time.December, 31)

// CustomerTermination decides when ordinary notice given by the customer
// on notice ends an agreement whose first payment period starts on start
// (terms 17.2): with CustomerNotice (one month) to the end of a payment
// period (PaymentPeriod, 12.3), never before the end of the first. The
// decision's Date is the last day of the agreement; it takes effect at the
// end of that day and never rolls to a working day (Reg. 1182/71 Art.
// 4(1)):
//
//	12-month periods from 2025-02-01, notice 2025-06-10 -> end of 2026-01-31
//	monthly periods from 2025-11-01, notice 2026-01-01 -> end of 2026-02-28
//	monthly periods, notice 2025-12-31 -> end of 2026-01-31 (a full month)
//
// A notice before start, a payment period that is not positive or a
// negative notice period is an error naming the field (notice,
// payment_period, customer_notice); it never panics.
func (t Terms) CustomerTermination(start, notice Date) (Decision, error) {
	tp := problems{op: "customer termination", kind: ErrInvalidTerms}
	tp.period("payment_period", t.PaymentPeriod, true)
	tp.period("customer_notice", t.CustomerNotice, false)
	if err := tp.err(); err != nil {
		return Decision{}, err
	}
	ip := problems{op: "customer termination", kind: ErrInvalidInput}
	if notice.Before(start) {
		ip.add("notice", "gtefield", "start")
	}
	if notice.After(maxPeriodDate) {
		ip.add("notice", "lte", maxPeriodDate.String())
	}
	if err := ip.err(); err != nil {
		return Decision{}, err
	}
	earliest, err := t.Counter.EffectiveDate(notice, t.CustomerNotice)
	if err != nil {
		return Decision{}, err
	}
	k, end := firstPeriodEndOnOrAfter(start, t.PaymentPeriod, earliest.Date)
	return Decision{
		Rule: Clause("17.2").String(), Allowed: true, From: notice, Date: end,
		Citations: []Citation{Clause("17.2"), Clause("12.3"), Cite(SourceReg1182, "Art. 4(1)")},
		Reason: rulesReason("notice given on %s ends the agreement at the end of %s, the end of payment period %d",
			notice, end, k),
	}, nil
}

// CancelMethod is how a self-serve customer asks to cancel (terms 19.6).
// The zero CancelMethod is invalid.
type CancelMethod uint8

const (
	// SwitchToFreePlan switches the subscription to the free version: the
	// only way to cancel (19.6).
	SwitchToFreePlan CancelMethod = iota + 1
	// CancelByEmail is an email asking to cancel: not a cancellation.
	CancelByEmail
	// CancelByPhone is a phone call asking to cancel: not a cancellation.
	CancelByPhone
)

var cancelMethodNames = enum.Names{SwitchToFreePlan: "switch_to_free_plan", CancelByEmail: "email", CancelByPhone: "phone"}

// String returns "switch_to_free_plan", "email" or "phone".
func (m CancelMethod) String() string { return enum.String(cancelMethodNames, m, "CancelMethod") }

// MarshalText implements encoding.TextMarshaler; the zero CancelMethod is
// an error.
func (m CancelMethod) MarshalText() ([]byte, error) {
	return enum.Marshal(cancelMethodNames, m, "cancel method", ErrInvalidInput)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidInput.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (m *CancelMethod) UnmarshalText(b []byte) error {
	return enum.Unmarshal(cancelMethodNames, b, m, "cancel method", ErrInvalidInput)
}

// SelfServeCancellation decides what a self-serve customer's request to
// cancel, made on asked by method, does to a subscription that started on
// start and renews every cycle (a month or a year, 19.1):
//
//   - switching to the free plan cancels at the end of the current billing
//     cycle, the decision's Date, with no refund for the partly used
//     period (19.4, 19.6);
//   - an email or a phone call is not a cancellation (19.6): the decision
//     refuses and its Date is the day the subscription renews
//     automatically (19.2).
//
// A monthly subscription from 2026-01-15 switched to free on 2026-03-20
// ends at the end of 2026-04-14. A request before start, a cycle that is
// not positive or an invalid method is an error naming the field.
func (t Terms) SelfServeCancellation(start Date, cycle Period, asked Date, method CancelMethod) (Decision, error) {
	p := problems{op: "self-serve cancellation", kind: ErrInvalidInput}
	p.period("cycle", cycle, true)
	if asked.Before(start) {
		p.add("asked", "gtefield", "start")
	}
	if asked.After(maxPeriodDate) {
		p.add("asked", "lte", maxPeriodDate.String())
	}
	if method < SwitchToFreePlan || method > CancelByPhone {
		p.add("method", "oneof", "switch_to_free_plan email phone")
	}
	if err := p.err(); err != nil {
		return Decision{}, err
	}
	_, end := firstPeriodEndOnOrAfter(start, cycle, asked)
	d := Decision{Rule: Clause("19.6").String(), From: asked}
	if method != SwitchToFreePlan {
		d.Date = end.AddDays(1)
		d.Citations = []Citation{Clause("19.6"), Clause("19.2")}
		d.Reason = rulesReason("an email or phone call does not cancel the subscription; unless it is switched to the free plan it renews on %s",
			d.Date)
		return d, nil
	}
	d.Allowed, d.Date = true, end
	d.Citations = []Citation{Clause("19.6"), Clause("19.2"), Clause("19.4")}
	d.Reason = rulesReason("switching to the free plan on %s ends the subscription at the end of the billing cycle on %s, with no refund for the rest of the cycle",
		asked, end)
	return d, nil
}

// Renewal returns the decision that a subscription that started on start
// with billing cycle cycle renews automatically the day after the cycle
// running on on ends, unless cancelled before (terms 19.2): a yearly
// subscription from 2025-03-01 renews on 2026-03-01 and again on
// 2027-03-01. A date before start or a cycle that is not positive is an
// error naming the field.
func (t Terms) Renewal(start Date, cycle Period, on Date) (Decision, error) {
	p := problems{op: "renewal", kind: ErrInvalidInput}
	p.period("cycle", cycle, true)
	if on.Before(start) {
		p.add("on", "gtefield", "start")
	}
	if on.After(maxPeriodDate) {
		p.add("on", "lte", maxPeriodDate.String())
	}
	if err := p.err(); err != nil {
		return Decision{}, err
	}
	_, end := firstPeriodEndOnOrAfter(start, cycle, on)
	renews := end.AddDays(1)
	return Decision{Rule: Clause("19.2").String(), Allowed: true, From: on, Date: renews,
		Citations: []Citation{Clause("19.2"), Clause("19.1")},
		Reason:    rulesReason("unless cancelled by the end of %s, the subscription renews automatically on %s and the fee is collected in advance", end, renews),
	}, nil
}

// BreachTermination decides whether the party other than by may
// terminate on on for a material breach by by, notified on noticed (terms
// 17.3): only if the breach is not remedied within CurePeriod (14 days) of
// the notice. The cure period is a deadline to act, counted by the terms'
// [Counter] and rolled past weekends and the holidays of its calendar
// (Danish for the OpenDIMS terms). A breach
// notified on Fri 2026-01-02 may be remedied until Fri 2026-01-16, so
// termination is refused on 2026-01-16 and allowed from 2026-01-17.
//
// The provider's right after the third unpaid demand is
// [Terms.ProviderTermination]. This rule applies the cure period to
// either side: the terms state it for the customer, and this rule gives a
// breach by the provider the same period, so both parties are treated
// alike.
//
// No notice (a zero noticed), or a breach remedied, is refused with the
// reason. on before noticed or an invalid side is an error naming the
// field.
func (t Terms) BreachTermination(by Side, noticed, on Date, remedied bool) (Decision, error) {
	return t.breachTermination(t.Counter, by, noticed, on, remedied)
}

func (t Terms) breachTermination(c Counter, by Side, noticed, on Date, remedied bool) (Decision, error) {
	tp := problems{op: "breach termination", kind: ErrInvalidTerms}
	tp.period("cure_period", t.CurePeriod, false)
	if err := tp.err(); err != nil {
		return Decision{}, err
	}
	p := problems{op: "breach termination", kind: ErrInvalidInput}
	if by != CustomerSide && by != ProviderSide {
		p.add("by", "oneof", "customer provider")
	}
	if !noticed.IsZero() && on.Before(noticed) {
		p.add("on", "gtefield", "noticed")
	}
	if noticed.After(maxPeriodDate) {
		p.add("noticed", "lte", maxPeriodDate.String())
	}
	if err := p.err(); err != nil {
		return Decision{}, err
	}
	d := Decision{Rule: Clause("17.3").String(), From: noticed, Citations: []Citation{Clause("17.3")}}
	if noticed.IsZero() {
		d.Reason = rulesReason("termination for material breach needs a notice to remedy it first")
		return d, nil
	}
	cure, err := c.DeadlineToAct(noticed, t.CurePeriod)
	if err != nil {
		return Decision{}, err
	}
	d.Citations = append(d.Citations, cure.Citations()...)
	switch {
	case remedied:
		d.Date = cure.Date
		d.Reason = rulesReason("the breach was remedied, so it gives no right to terminate")
	case !on.After(cure.Date):
		d.Date = cure.Date.AddDays(1)
		d.Reason = rulesReason("the breach notified on %s may still be remedied until the end of %s", noticed, cure.Date)
	default:
		d.Allowed, d.Date = true, on
		key := "the breach notified on %s was not remedied by the end of %s, so the customer may terminate"
		if by == CustomerSide {
			key = "the breach notified on %s was not remedied by the end of %s, so the provider may terminate"
		}
		d.Reason = rulesReason(key, noticed, cure.Date)
	}
	return d, nil
}
