package contract

// Suspension decides whether the provider may temporarily close the
// customer's access on date on, when an invoice is still unpaid after
// unpaidDemands demands for payment (terms 12.3: after two demands). With
// the OpenDIMS terms one demand is refused and two are allowed; the
// decision's Date is on when allowed.
//
// A negative count, or terms that give no such right (SuspendAfterDemands
// 0), is refused with the reason; the decision is never an error.
func (t Terms) Suspension(unpaidDemands int, on Date) Decision {
	d := Decision{Rule: Clause("12.3").String(), Citations: []Citation{Clause("12.3")}}
	switch {
	case unpaidDemands < 0:
		d.Reason = rulesReason("the number of unpaid demands cannot be negative")
	case t.SuspendAfterDemands <= 0:
		d.Reason = rulesReason("the terms give no right to suspend access for late payment")
	case unpaidDemands < t.SuspendAfterDemands:
		d.Reason = rulesReason("access may be suspended only after %d unpaid demands for payment; %d have been made",
			t.SuspendAfterDemands, unpaidDemands)
	default:
		d.Allowed, d.Date = true, on
		d.Reason = rulesReason("access may be suspended from %s: the invoice is unpaid after %d demands for payment",
			on, unpaidDemands)
	}
	return d
}

// PriceAdjustment decides whether a price adjustment notified on notified
// may take effect on effective (terms 12.2): it needs at least
// PriceChangeNotice (4 months), counted as an effective date that never
// rolls. A notice on 2026-06-24 allows a new price from 2026-10-24, a
// Saturday; 2026-10-23 is refused, and the decision's Date is then the
// earliest date allowed. An allowed adjustment gives the customer a right
// to terminate regardless of any binding period, which the reason says.
//
// An effective date before the notice, or a zero notified date, is
// refused with the reason.
func (t Terms) PriceAdjustment(notified, effective Date) Decision {
	d := Decision{Rule: Clause("12.2").String(), From: notified,
		Citations: []Citation{Clause("12.2"), Cite(SourceReg1182, "Art. 4(1)")}}
	earliest, err := Counter{}.EffectiveDate(notified, t.PriceChangeNotice)
	switch {
	case err != nil:
		d.Reason = rulesReason("the terms' price change notice is negative, so no adjustment can be judged")
	case notified.IsZero():
		d.Reason = rulesReason("a price adjustment must be notified in advance; no notice was given")
	case effective.Before(notified):
		d.Date = earliest.Date
		d.Reason = rulesReason("the new price cannot take effect on %s, before the notice of %s", effective, notified)
	case effective.Before(earliest.Date):
		d.Date = earliest.Date
		d.Reason = rulesReason("notice on %s allows a new price from %s at the earliest, not %s",
			notified, earliest.Date, effective)
	default:
		d.Allowed, d.Date = true, effective
		d.Reason = rulesReason("the new price may take effect on %s; the customer may terminate because of it regardless of any binding period",
			effective)
	}
	return d
}
