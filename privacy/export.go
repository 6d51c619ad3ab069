package privacy

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/pimkit/pimkit/contract"
)

// ExportFormat identifies the JSON document [SubjectExport.WriteJSON]
// writes.
const ExportFormat = "pimkit.subject-export/v1"

// ExportItem is one piece of a subject's data for an access or
// portability export, supplied by the host: the category, the purpose it
// is kept for and the value. Basis, sources and recipients are filled in
// from the policy.
type ExportItem struct {
	// Category is the data category: "user.contact.email".
	Category DataCategory `json:"category" validate:"required"`
	// Purpose is the purpose the data is processed for.
	Purpose DataUse `json:"purpose" validate:"required"`
	// Value is the data, any JSON-marshallable value.
	Value any `json:"value"`
	// Basis, Sources and Recipients come from the policy's activity for
	// Purpose (Art. 15(1)(c), (g)).
	Basis      LegalBasis  `json:"basis,omitzero"`
	Sources    []Source    `json:"sources,omitempty"`
	Recipients []Recipient `json:"recipients,omitempty"`
}

// SubjectExport is the answer to an access request (GDPR Art. 15) or a
// portability request (Art. 20) as a structured, machine-readable
// document.
type SubjectExport struct {
	// Format is [ExportFormat].
	Format string `json:"format"`
	// Kind is Access or Portability.
	Kind RequestKind `json:"kind"`
	// Controller is the controller.
	Controller contract.Party `json:"controller"`
	// PolicyVersion is the policy in force when the export was made.
	PolicyVersion contract.Date `json:"policy_version"`
	// Generated is the instant the export was made, in UTC.
	Generated time.Time `json:"generated"`
	// Subject is the subject's hashed identifier ([HashSubject]).
	Subject string `json:"subject"`
	// Rights are the rights the subject has (Art. 15(1)(e)).
	Rights []RequestKind `json:"rights,omitempty"`
	// Items are the data.
	Items []ExportItem `json:"items"`
	// Withheld counts items left out of a portability export because
	// their processing is not based on consent or contract (Art. 20(1)).
	Withheld int `json:"withheld,omitempty"`
}

// NewSubjectExport assembles the export of kind (Access or Portability)
// for the subject with hashed identifier subjectHash at instant at, under
// policy p. Each item gets its basis, sources and recipients from p's
// activity for its purpose; for Portability, items whose basis is neither
// consent nor contract are withheld (Art. 20(1)) and counted. An item
// whose purpose p does not know, or another kind, is an error wrapping
// ErrInvalid with every problem.
func NewSubjectExport(p Policy, kind RequestKind, subjectHash string, at time.Time, items []ExportItem) (SubjectExport, error) {
	var ps contract.Problems
	if kind != Access && kind != Portability {
		ps.Add("kind", "oneof", "access portability")
	}
	x := SubjectExport{Format: ExportFormat, Kind: kind, Controller: p.Controller,
		PolicyVersion: p.Effective, Generated: at.UTC(), Subject: subjectHash,
		Rights: append([]RequestKind(nil), p.Rights...), Items: []ExportItem{}}
	for i, it := range items {
		ps.Check("items["+strconv.Itoa(i)+"]", it)
		a, ok := p.Activity(it.Purpose)
		if !ok {
			ps.Add(fmt.Sprintf("items[%d].purpose", i), "unknown_purpose", string(it.Purpose))
			continue
		}
		it.Basis, it.Sources, it.Recipients = a.Basis, a.Sources, a.Recipients
		if kind == Portability && !PortabilityRight(a.Basis, true).Allowed {
			x.Withheld++
			continue
		}
		x.Items = append(x.Items, it)
	}
	if err := ps.Err("new subject export", ErrInvalid); err != nil {
		return SubjectExport{}, err
	}
	return x, nil
}

// WriteJSON writes x as indented JSON to w; a nil w is an error
// matching [ErrNil].
func (x SubjectExport) WriteJSON(w io.Writer) error {
	if w == nil {
		return ErrNil
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(x)
}
