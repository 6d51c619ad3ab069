package contract

// SelfServePriceChange decides when a change of the price of a self-serve
// subscription, started on start and renewed every cycle, takes effect
// when the provider announced it on announced by channel (terms 19.3):
// the provider may change the composition, content and prices of its
// subscriptions with notice by e-mail or a post on its website. The terms
// set no notice period for it. Fees are paid in advance for a whole cycle
// and are not refunded (19.1), so pimkit reads the change as taking effect
// at the first renewal after the announcement: the cycle already paid
// keeps its price, and the customer can cancel before the new price is
// collected (19.2, 19.6). Announced on 2026-03-10 for a monthly
// subscription started on 2026-01-15, the new price applies from the
// renewal on 2026-03-15.
//
// This is apart from the index adjustment of 12.2, which needs 4 months'
// notice and gives a right to terminate; [Terms.PriceAdjustment] decides
// that one. An announcement by another channel (a letter, a phone call) is
// refused with the reason. announced before start, or an invalid cycle, is
// an error naming the field.
func (t Terms) SelfServePriceChange(start Date, cycle Period, announced Date, channel NoticeChannel) (Decision, error) {
	p := problems{op: "self-serve price change", kind: ErrInvalidInput}
	p.period("cycle", cycle, true)
	if announced.Before(start) {
		p.add("announced", "gtefield", "start")
	}
	if announced.After(maxPeriodDate) {
		p.add("announced", "lte", maxPeriodDate.String())
	}
	if err := p.err(); err != nil {
		return Decision{}, err
	}
	d := Decision{Rule: Clause("19.3").String(), From: announced,
		Citations: []Citation{Clause("19.3"), Clause("19.1")}}
	if channel != ByEmail && channel != ByWebsite {
		d.Reason = rulesReason("a price change of a subscription must be announced by e-mail or on the website")
		return d, nil
	}
	_, end := firstPeriodEndOnOrAfter(start, cycle, announced)
	d.Allowed, d.Date = true, end.AddDays(1)
	d.Reason = rulesReason("the price change announced on %s applies from the renewal on %s; the cycle already paid keeps its price", announced, d.Date)
	return d, nil
}

// PayableAfterTermination decides whether an invoice issued on issued is
// still owed after the agreement terminated on terminated (terms 19.4):
// the customer must pay invoices issued and unpaid at termination, so
// termination does not cancel them; Allowed reports that the invoice is
// payable and Date is its issue date. An invoice paid, or issued after the
// termination date (which the terms do not cover), is refused with the
// reason; a refund for the unused part of a paid period is not owed either
// ([Terms.SelfServeCancellation]).
func (t Terms) PayableAfterTermination(terminated, issued Date, paid bool) Decision {
	d := Decision{Rule: Clause("19.4").String(), From: terminated, Citations: []Citation{Clause("19.4")}}
	switch {
	case paid:
		d.Reason = rulesReason("the invoice is paid, so nothing is owed on it")
	case issued.IsZero() || issued.After(terminated):
		d.Reason = rulesReason("the invoice was not issued by the termination on %s", terminated)
	default:
		d.Allowed, d.Date = true, issued
		d.Reason = rulesReason("the invoice issued on %s stays payable after the termination on %s", issued, terminated)
	}
	return d
}
