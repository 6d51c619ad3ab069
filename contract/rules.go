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
	earliest, err := t.Counter.EffectiveDate(notified, t.PriceChangeNotice)
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

// ForceMajeure decides whether the other party may terminate on on
// because of force majeure that began on began (terms 14). While it lasts
// the affected party's obligations are suspended (14.1). Once it has
// lasted more than ForceMajeureLimit (30 days), or at once when
// impossible reports that performance must be considered impossible, the
// other party may terminate in whole or in part, and neither party may
// claim damages for it (14.3). The decision's Date is the first day the
// right exists, a threshold that never rolls: force majeure from
// 2026-01-05 gives the right on 2026-02-05, and on 2026-02-04 it is
// refused.
//
// on before began, or a negative limit, is an error naming the field.
func (t Terms) ForceMajeure(began, on Date, impossible bool) (Decision, error) {
	tp := problems{op: "force majeure", kind: ErrInvalidTerms}
	tp.period("force_majeure_limit", t.ForceMajeureLimit, false)
	if err := tp.err(); err != nil {
		return Decision{}, err
	}
	p := problems{op: "force majeure", kind: ErrInvalidInput}
	if on.Before(began) {
		p.add("on", "gtefield", "began")
	}
	if began.After(maxPeriodDate) {
		p.add("began", "lte", maxPeriodDate.String())
	}
	if err := p.err(); err != nil {
		return Decision{}, err
	}
	th, err := t.Counter.Threshold(began, t.ForceMajeureLimit)
	if err != nil {
		return Decision{}, err
	}
	d := Decision{Rule: Clause("14.3").String(), From: began,
		Citations: []Citation{Clause("14.3"), Clause("14.1")}}
	switch {
	case impossible:
		d.Allowed, d.Date = true, on
		d.Reason = rulesReason("performance is impossible because of the force majeure that began on %s, so the other party may terminate; neither party may claim damages for it", began)
	case !on.Before(th.Date):
		d.Allowed, d.Date = true, th.Date
		d.Reason = rulesReason("the force majeure that began on %s has lasted too long: the other party may terminate from %s; neither party may claim damages for it", began, th.Date)
	default:
		d.Date = th.Date
		d.Reason = rulesReason("obligations are suspended while the force majeure that began on %s lasts; if it still lasts on %s, the other party may terminate", began, th.Date)
	}
	return d, nil
}

// DefectRemedy decides whether the customer may claim damages or a
// proportionate price reduction on on for a defect whose notice the
// provider received on notified (terms 15.3): only if the customer gave
// notice and the provider has not remedied the defect within
// DefectRemedyPeriod (at least 10 days). The remedy period is a deadline to
// act, counted by the terms' [Counter] and rolled past weekends and the
// holidays of its calendar: notice received on Mon 2026-03-02 leaves until
// Thu 2026-03-12, so a claim on 2026-03-13 is allowed; over Swedish
// holidays, notice on 2025-05-27 runs past National Day (Friday
// 2025-06-06) to Monday 2025-06-09. Any claim is then subject to the
// caps of [Terms.SettleLiability] (15.1).
//
// No notice (a zero notified) or a remedied defect is refused with the
// reason; on before notified is an error naming the field.
func (t Terms) DefectRemedy(notified, on Date, remedied bool) (Decision, error) {
	return t.defectRemedy(t.Counter, notified, on, remedied)
}

func (t Terms) defectRemedy(c Counter, notified, on Date, remedied bool) (Decision, error) {
	tp := problems{op: "defect remedy", kind: ErrInvalidTerms}
	tp.period("defect_remedy_period", t.DefectRemedyPeriod, false)
	if err := tp.err(); err != nil {
		return Decision{}, err
	}
	p := problems{op: "defect remedy", kind: ErrInvalidInput}
	if !notified.IsZero() && on.Before(notified) {
		p.add("on", "gtefield", "notified")
	}
	if notified.After(maxPeriodDate) {
		p.add("notified", "lte", maxPeriodDate.String())
	}
	if err := p.err(); err != nil {
		return Decision{}, err
	}
	d := Decision{Rule: Clause("15.3").String(), From: notified, Citations: []Citation{Clause("15.3")}}
	if notified.IsZero() {
		d.Reason = rulesReason("the provider is not liable for a defect it was not notified of")
		return d, nil
	}
	dl, err := c.DeadlineToAct(notified, t.DefectRemedyPeriod)
	if err != nil {
		return Decision{}, err
	}
	d.Citations = append(d.Citations, dl.Citations()...)
	switch {
	case remedied:
		d.Date = dl.Date
		d.Reason = rulesReason("the defect was remedied, so it gives no claim for damages or a price reduction")
	case !on.After(dl.Date):
		d.Date = dl.Date.AddDays(1)
		d.Reason = rulesReason("the provider may remedy the defect notified on %s until the end of %s", notified, dl.Date)
	default:
		d.Allowed, d.Date = true, on
		d.Citations = append(d.Citations, Clause("15.1"))
		d.Reason = rulesReason("the defect notified on %s was not remedied by the end of %s: the customer may claim damages or a price reduction, within the liability caps", notified, dl.Date)
	}
	return d, nil
}

// Withdrawal decides whether a customer who paid on paid may withdraw
// from the purchase on on under the statutory 14-day right of withdrawal
// for distance sales. Under the OpenDIMS terms it never applies: the
// service is digital and delivered at payment (terms 19.5). Terms with
// StatutoryWithdrawal set allow it until the end of the 14th day after
// paid, rolled past weekends and the holidays of the terms' [Counter]
// (Directive 2011/83/EU Art. 9): paid on 2025-05-23, until 2025-06-06 over
// Danish holidays and 2025-06-09 over Swedish ones.
// on before paid is refused with the reason.
func (t Terms) Withdrawal(paid, on Date) Decision {
	d := Decision{Rule: Clause("19.5").String(), From: paid, Citations: []Citation{Clause("19.5")}}
	if !t.StatutoryWithdrawal {
		d.Reason = rulesReason("the statutory 14-day right of withdrawal does not apply: the service is digital and delivered at payment")
		return d
	}
	d.Citations = append(d.Citations, Cite("Directive 2011/83/EU", "Art. 9"))
	dl, err := t.Counter.DeadlineToAct(paid, Days(14))
	switch {
	case err != nil || paid.After(maxPeriodDate):
		d.Reason = rulesReason("the withdrawal period cannot be counted from %s", paid)
	case on.Before(paid):
		d.Reason = rulesReason("there is nothing to withdraw from before the payment on %s", paid)
	case on.After(dl.Date):
		d.Date = dl.Date
		d.Reason = rulesReason("the right of withdrawal ended at the end of %s", dl.Date)
	default:
		d.Allowed, d.Date = true, dl.Date
		d.Reason = rulesReason("the customer may withdraw until the end of %s", dl.Date)
	}
	return d
}

// Resale decides whether a customer may resell the service or combine
// several customers into one reseller account (terms 19.7: never; every
// customer needs its own account). Terms with ResaleAllowed allow it.
func (t Terms) Resale() Decision {
	d := Decision{Rule: Clause("19.7").String(), Allowed: t.ResaleAllowed, Citations: []Citation{Clause("19.7")}}
	if t.ResaleAllowed {
		d.Reason = rulesReason("the terms allow resale of the service")
	} else {
		d.Reason = rulesReason("reselling the service or combining several customers into one account is not permitted; every customer needs its own account")
	}
	return d
}

// Jurisdiction states the governing law and venue of disputes (terms
// 20.1, 20.2: Danish law, the court in Herning). Allowed is true when both
// are set; empty Law or Venue gives a refusal saying the terms name none.
func (t Terms) Jurisdiction() Decision {
	d := Decision{Rule: Clause("20.1").String(), Citations: []Citation{Clause("20.1"), Clause("20.2")}}
	if t.Law == "" || t.Venue == "" {
		d.Reason = rulesReason("the terms name no governing law or venue")
		return d
	}
	d.Allowed = true
	d.Reason = rulesReason("the agreement is governed by the law of %s; disputes are heard in %s", t.Law, t.Venue)
	return d
}

// PriceTermination decides the customer's right to terminate because of a
// price adjustment notified on notified to take effect on effective,
// exercised on on (terms 12.2): the right exists regardless of any binding
// period, so it does not wait for the end of a payment period (17.2). The
// terms fix no notice for it; pimkit reads it as ending the agreement at
// the end of the day before the new price takes effect, so the customer
// never pays it, or at the end of on when the customer acts later. Notice
// on 2026-06-24 of a price from 2026-10-24, terminated on 2026-07-01, ends
// the agreement at the end of 2026-10-23.
//
// An adjustment that [Terms.PriceAdjustment] refuses gives no right, and
// the decision gives the earliest date the adjustment could take effect.
// on before notified is an error naming "on".
func (t Terms) PriceTermination(notified, effective, on Date) (Decision, error) {
	if !notified.IsZero() && on.Before(notified) {
		return Decision{}, NewValidationError("price termination", []Problem{{Path: "on", Rule: "gtefield", Param: "notified"}}, ErrInvalidInput)
	}
	adj := t.PriceAdjustment(notified, effective)
	d := Decision{Rule: Clause("12.2").String(), From: on, Citations: []Citation{Clause("12.2"), Clause("17.2")}}
	if !adj.Allowed {
		d.Date = adj.Date
		d.Reason = rulesReason("the price adjustment does not take effect on %s as notified, so it gives no right to terminate", effective)
		return d, nil
	}
	d.Allowed, d.Date = true, effective.AddDays(-1)
	if d.Date.Before(on) {
		d.Date = on
	}
	d.Reason = rulesReason("because of the price adjustment notified on %s, the customer may end the agreement at the end of %s, regardless of any binding period",
		notified, d.Date)
	return d, nil
}
