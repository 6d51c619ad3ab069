package privacy

import "github.com/pimkit/pimkit/contract"

// OpenDIMSAsProcessor returns OpenDIMS's processing as a processor for its
// customers (terms 11.1: the customer is the controller of the personal
// data in the service, OpenDIMS the processor acting on instructions), for
// the records of Art. 30(2): the provider of t as organisation, the
// customers as controllers, hosting of the customer's product, customer
// and order data with hosting sub-processors under the general
// authorisation of terms 13.1, and deletion when the agreement terminates
// (terms 18.3, when t.DeleteDataAtTermination). Its Effective date is
// from, the day the terms apply, and it counts with the terms' counter.
func OpenDIMSAsProcessor(t contract.Terms, from contract.Date, customers ...contract.Party) Policy {
	ret := Retention{Kind: UntilTermination}
	if !t.DeleteDataAtTermination {
		ret = Retention{Kind: WhileNeeded}
	}
	contact := t.Provider.Address
	if contact == "" {
		contact = t.Provider.Name
	}
	return Policy{
		Name:       t.Provider.Name,
		Effective:  from,
		Controller: t.Provider,
		Role:       Processor,
		OnBehalfOf: append([]contract.Party(nil), customers...),
		Activities: []Activity{{
			Name: "Hosting and processing of the customer's PIM data on instructions", Purpose: "essential.service",
			Basis:      Contract,
			Categories: []DataCategory{"user.name", "user.contact", "user.content", "user.behavior.purchase_history"},
			Subjects:   []DataSubject{"customer"}, Sources: []Source{Partners},
			Recipients: []Recipient{{Kind: ProcessorRecipient, Name: "hosting sub-processors (terms 13.1)", DPA: true}},
			Retention:  ret,
		}},
		Rights:  []RequestKind{Access, Rectification, Erasure, Restriction, Portability, Objection},
		Contact: contact,
		Counter: t.Counter,
	}
}

// TerminationDeletion decides what happens to the customer's data in the
// hosting environment when the agreement terminates on day terminated
// (terms 18.3): deleted that day unless otherwise agreed (Allowed, Date =
// terminated), or kept when t says so. Assistance with repatriation comes
// first, as far as possible before that day (terms 18.1).
func TerminationDeletion(t contract.Terms, terminated contract.Date) contract.Decision {
	d := contract.Decision{Rule: "terms 18.3", Allowed: t.DeleteDataAtTermination, Date: terminated,
		Citations: []contract.Citation{contract.Clause("18.3"), contract.Clause("18.1"), gdpr("Art. 28(3)(g)")}}
	if d.Allowed {
		d.Reason = contract.NewReason(cat, msgTerminationDelete, terminated.String())
	} else {
		d.Reason = contract.NewReason(cat, msgTerminationKeep)
	}
	return d
}
