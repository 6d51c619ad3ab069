package contract

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
