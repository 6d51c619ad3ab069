package privacy

import (
	"encoding/json"
	"io"

	"github.com/pimkit/pimkit/contract"
)

// ProcessingRecords are the records of processing activities of GDPR Art.
// 30, generated from a policy: Art. 30(1) for a controller, 30(2) for a
// processor. The value marshals to JSON with [ProcessingRecords.WriteJSON].
type ProcessingRecords struct {
	// Article is "Art. 30(1)" or "Art. 30(2)".
	Article string `json:"article"`
	// Role is the role of the organisation keeping the records.
	Role Role `json:"role"`
	// Organisation is the controller (30(1)(a)) or processor (30(2)(a)).
	Organisation contract.Party `json:"organisation"`
	// Contact is the contact for data protection matters.
	Contact string `json:"contact"`
	// DPO is the contact of the data protection officer (30(1)(a),
	// 30(2)(a)); "" when none is designated.
	DPO string `json:"dpo,omitempty"`
	// Representative is the representative in the Union (30(1)(a),
	// 30(2)(a)); the zero Party when there is none.
	Representative contract.Party `json:"representative,omitzero"`
	// Security is a general description of the technical and
	// organisational security measures of Art. 32(1) (30(1)(g) for a
	// controller, 30(2)(d) for a processor), from the policy's
	// SecurityMeasures; empty when the policy states none.
	Security []string `json:"security,omitempty"`
	// OnBehalfOf are the controllers a processor acts for (30(2)(a)).
	OnBehalfOf []contract.Party `json:"on_behalf_of,omitempty"`
	// PolicyVersion is the effective date of the policy the records come
	// from.
	PolicyVersion contract.Date `json:"policy_version"`
	// Activities are the records, one per activity.
	Activities []ActivityRecord `json:"activities"`
}

// ActivityRecord is the record of one activity (Art. 30(1)(b)-(g) or
// 30(2)(b)-(d)).
type ActivityRecord struct {
	// Name is the activity's name.
	Name string `json:"name"`
	// Purpose is the purpose (30(1)(b)); for a processor, the category of
	// processing carried out (30(2)(b)).
	Purpose DataUse `json:"purpose"`
	// Basis is the legal basis (not required by Art. 30, kept for
	// accountability, Art. 5(2)).
	Basis LegalBasis `json:"basis,omitzero"`
	// Subjects and Categories are the categories of data subjects and of
	// personal data (30(1)(c)).
	Subjects   []DataSubject  `json:"subjects,omitempty"`
	Categories []DataCategory `json:"categories"`
	// Recipients are the categories of recipients (30(1)(d)).
	Recipients []Recipient `json:"recipients,omitempty"`
	// Transfers are the transfers to third countries with their safeguard
	// (30(1)(e), 30(2)(c)).
	Transfers []Transfer `json:"transfers,omitempty"`
	// Retention is the time limit for erasure (30(1)(f)).
	Retention Retention `json:"retention,omitzero"`
}

// Transfer is a transfer to a third country and its safeguard.
type Transfer struct {
	// Recipient names the recipient.
	Recipient string `json:"recipient"`
	// Safeguard is the ground; NoSafeguard when the policy states none.
	Safeguard Safeguard `json:"safeguard"`
	// Citation is the article of the safeguard.
	Citation string `json:"citation"`
}

// RecordsOfProcessing returns p's records of processing: Art. 30(1) when
// p.Role is Controller, 30(2) when it is Processor (a processor's records
// list the controllers and the categories of processing, and leave out
// bases, subjects' categories and retention, which are the controllers'
// to record). Both carry the DPO and representative (30(1)(a), 30(2)(a))
// and the security measures the policy states (30(1)(g), 30(2)(d)): the
// Open Products records list its TLS and client-side encrypted back-ups.
func RecordsOfProcessing(p Policy) ProcessingRecords {
	r := ProcessingRecords{Article: "Art. 30(1)", Role: p.Role, Organisation: p.Controller,
		Contact: p.Contact, PolicyVersion: p.Effective, DPO: p.DPO, Representative: p.Representative,
		Security: append([]string(nil), p.SecurityMeasures...)}
	if p.Role == Processor {
		r.Article = "Art. 30(2)"
		r.OnBehalfOf = append([]contract.Party(nil), p.OnBehalfOf...)
	}
	for _, a := range p.Activities {
		ar := ActivityRecord{Name: a.Name, Purpose: a.Purpose,
			Categories: append([]DataCategory(nil), a.Categories...)}
		if p.Role != Processor {
			ar.Basis = a.Basis
			ar.Subjects = append([]DataSubject(nil), a.Subjects...)
			ar.Recipients = append([]Recipient(nil), a.Recipients...)
			ar.Retention = a.Retention
		}
		for _, rc := range a.Recipients {
			if rc.ThirdCountry {
				ar.Transfers = append(ar.Transfers, Transfer{Recipient: rc.Name, Safeguard: rc.Safeguard,
					Citation: rc.Safeguard.Citation().String()})
			}
		}
		r.Activities = append(r.Activities, ar)
	}
	return r
}

// WriteJSON writes r as indented JSON to w; a nil w is an error
// matching [ErrNil].
func (r ProcessingRecords) WriteJSON(w io.Writer) error {
	if w == nil {
		return ErrNil
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
