package contract

import "time"

// AdditionalService decides how a service the customer asks for is
// provided (terms 3.1): what the offer document lists (inOffer) is part
// of the subscription; anything more is bought by a supplementary
// agreement, which becomes part of the agreement and is governed by the
// terms, and is paid for separately (19.3). Allowed reports that the
// service is included in what the customer already pays for.
func (t Terms) AdditionalService(inOffer bool) Decision {
	d := Decision{Rule: Clause("3.1").String(), Allowed: inOffer, Citations: []Citation{Clause("3.1")}}
	if inOffer {
		d.Reason = rulesReason("the service is part of the features and capacity agreed in the offer document")
		return d
	}
	d.Citations = append(d.Citations, Clause("19.3"))
	d.Reason = rulesReason("the service is not in the offer document: it needs a supplementary agreement, which the terms govern, and is paid for separately")
	return d
}

// ContentRemoval decides whether the provider may delete files, data or
// software from the service itself (terms 4.3): it may ask the customer at
// any time to delete content that could expose the provider to a claim of
// infringement or a sanction, or software that affects the service
// (malware), and may delete it without the customer when the customer does
// not comply at once. The terms give no period for "at once": Allowed is
// true when a request was made (requested is not zero) and the customer
// has not complied; the decision's Date is the request's date. Without a
// request, or after compliance, the provider may not delete.
func (t Terms) ContentRemoval(requested Date, complied bool) Decision {
	d := Decision{Rule: Clause("4.3").String(), From: requested, Citations: []Citation{Clause("4.3")}}
	switch {
	case requested.IsZero():
		d.Reason = rulesReason("the provider must first ask the customer to delete the content")
	case complied:
		d.Reason = rulesReason("the customer deleted the content as asked on %s", requested)
	default:
		d.Allowed, d.Date = true, requested
		d.Reason = rulesReason("the customer did not delete the content at once when asked on %s, so the provider may delete it without the customer", requested)
	}
	return d
}

// ThirdPartyClaim decides who handles a claim that a third party or an
// authority makes against the provider (terms 4.4). A claim arising from
// the customer's use of the service (fromCustomerUse) is the customer's
// to take over: the customer indemnifies the provider for any loss, and
// the provider may demand a security of its choice; Allowed reports that.
// Any other claim is outside 4.4 and the provider's own; its liability to
// the customer is then capped by 15.1.
func (t Terms) ThirdPartyClaim(fromCustomerUse bool) Decision {
	d := Decision{Rule: Clause("4.4").String(), Allowed: fromCustomerUse, Citations: []Citation{Clause("4.4")}}
	if fromCustomerUse {
		d.Reason = rulesReason("the claim arises from the customer's use of the service: the customer takes over the case, indemnifies the provider and may be asked for a security")
		return d
	}
	d.Citations = append(d.Citations, Clause("15.1"))
	d.Reason = rulesReason("the claim does not arise from the customer's use of the service, so the customer need not take it over")
	return d
}

// Support decides whether support asked for at the instant at is part of
// the subscription (terms 5.1): within the agreed support hours, the
// provider's office hours ([BusinessHours], 2.1), it is; outside them
// the 24-hour security service handles general support against payment at
// the provider's hourly consultancy rate, and Allowed is false with a
// reason that says so. Support hours that are always open
// ([BusinessHours.IsAlwaysOpen]) include every instant; the zero
// BusinessHours is always open. The decision's At is at.
func (t Terms) Support(hours BusinessHours, at time.Time) Decision {
	d := Decision{Rule: Clause("5.1").String(), At: at, Citations: []Citation{Clause("5.1"), Clause("2.1")}}
	if hours.IsOpen(at) {
		d.Allowed = true
		d.Reason = rulesReason("support within the agreed support hours is part of the subscription")
		return d
	}
	d.Reason = rulesReason("support outside the agreed support hours is paid at the provider's hourly rate")
	return d
}

// ReferenceUse decides whether the provider may name the customer as a
// reference (terms 9.2): only with the customer's consent, an exception to
// the confidentiality of 9.1.
func (t Terms) ReferenceUse(consented bool) Decision {
	d := Decision{Rule: Clause("9.2").String(), Allowed: consented, Citations: []Citation{Clause("9.2"), Clause("9.1")}}
	if consented {
		d.Reason = rulesReason("the customer consented, so the provider may use it as a reference")
	} else {
		d.Reason = rulesReason("the provider may use the customer as a reference only with the customer's consent")
	}
	return d
}

// RetainData decides whether the provider may withhold the customer's
// data, files and other material (terms 10.2): the customer keeps every
// right to them and the provider acquires none, but the provider may
// exercise a right of retention while the customer is in breach of its
// obligations (inBreach), for example unpaid invoices -- which also lets it
// wait with exit assistance until paid (18.2).
func (t Terms) RetainData(inBreach bool) Decision {
	d := Decision{Rule: Clause("10.2").String(), Allowed: inBreach, Citations: []Citation{Clause("10.2")}}
	if inBreach {
		d.Citations = append(d.Citations, Clause("18.2"))
		d.Reason = rulesReason("the customer is in breach of the agreement, so the provider may withhold the customer's data until the breach ends")
		return d
	}
	d.Reason = rulesReason("the customer owns its data and is not in breach, so the provider may not withhold it")
	return d
}
