package sla

import "github.com/pimkit/pimkit/contract"

// What codes of the obligations package sla gives, for
// [contract.NewSchedule].
const (
	// WhatServiceWindow is the provider's right to close the service for a
	// notified service window or emergency service, which then is not
	// downtime (terms 3.2).
	WhatServiceWindow = "service_window"
	// WhatPayCredit is the provider's duty to pay a service credit earned
	// under the SLA of the offer document, inside the liability caps
	// (terms 8.1, 15.1).
	WhatPayCredit = "pay_service_credit"
)

// Obligations gives the dated rights of the report's service windows: for
// each planned window or emergency service whose notice sufficed, the
// provider's right to keep the service closed from its start to its end
// without it counting as downtime (terms 3.2); Ref is the window's ID.
// Windows whose notice fell short give none -- their outages are downtime
// -- and neither does force majeure, whose suspension package contract
// gives ([contract.AgreementEvent] ForceMajeureBegan).
func (r Report) Obligations() []contract.Obligation {
	var out []contract.Obligation
	for _, w := range r.Windows {
		if !w.Excluded || w.Window.Kind == ForceMajeure || !w.Window.End.After(w.Window.Start) {
			continue
		}
		out = append(out, contract.Obligation{Party: contract.ProviderSide, What: WhatServiceWindow, Right: true,
			From: w.Window.Start, Until: w.Window.End, Ref: w.Window.ID, Rule: RuleServiceWindow,
			Citations: []contract.Citation{contract.Clause("3.2")}})
	}
	return out
}

// Obligation gives the provider's duty to pay the credit p earned, from the
// end of the period it was earned in (terms 8.1, inside the caps of 15.1).
// The terms set no date for it, so it has no Until: the host ends it when
// the credit is paid or set off on the next invoice. ok is false when no
// credit was earned.
func (p Penalty) Obligation() (o contract.Obligation, ok bool) {
	if !p.Earned || !p.Amount.IsPositive() {
		return contract.Obligation{}, false
	}
	return contract.Obligation{Party: contract.ProviderSide, What: WhatPayCredit, From: p.Span.To, Ref: p.Event,
		Rule: RuleCredit, Citations: []contract.Citation{contract.Clause("8.1"), contract.Clause("15.1")}}, true
}
