package contract

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/internal/enum"
)

// AgreementKind is how an agreement was made. The zero AgreementKind is
// invalid.
type AgreementKind uint8

const (
	// SelfServe is a subscription taken on the web terms (terms 19):
	// monthly or annual fees in advance, automatic renewal, cancellation by
	// switching to the free plan.
	SelfServe AgreementKind = iota + 1
	// OfferAgreement is an agreement made on an offer document under
	// sections 1-18 of the terms: payment periods, notice to the end of a
	// period, termination for breach.
	OfferAgreement
)

var agreementKindNames = enum.Names{SelfServe: "self_serve", OfferAgreement: "offer"}

// String returns "self_serve" or "offer"; an invalid kind prints as
// "AgreementKind(9)".
func (k AgreementKind) String() string { return enum.String(agreementKindNames, k, "AgreementKind") }

// MarshalText implements encoding.TextMarshaler; the zero kind is an
// error wrapping ErrInvalidInput.
func (k AgreementKind) MarshalText() ([]byte, error) {
	return enum.Marshal(agreementKindNames, k, "agreement kind", ErrInvalidInput)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidInput.
// It allocates at most 16 bytes per input byte plus 64 KiB.
func (k *AgreementKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(agreementKindNames, b, k, "agreement kind", ErrInvalidInput)
}

// Governs reports whether clause id ("terms 17.2" or "17.2") governs
// agreements of kind k: sections 1-18 an [OfferAgreement], section 19 a
// [SelfServe] subscription, and section 20 (law and venue) both.
// Governs("terms 19.6") is true only for SelfServe.
func (k AgreementKind) Governs(id string) bool {
	ref := strings.TrimPrefix(strings.TrimSpace(id), SourceTerms+" ")
	sec, _, _ := strings.Cut(ref, ".")
	n, err := strconv.Atoi(sec)
	if err != nil {
		return false
	}
	switch {
	case n == 20:
		return k == SelfServe || k == OfferAgreement
	case n == 19:
		return k == SelfServe
	case n >= 1 && n <= 18:
		return k == OfferAgreement
	}
	return false
}

// AgreementSpec is what a host knows when an agreement is made: its kind,
// the customer, the day it was concluded, the general terms and the other
// documents. [Conclude] checks it and resolves the terms.
type AgreementSpec struct {
	// Kind is how the agreement is made. Required.
	Kind AgreementKind `json:"kind"`
	// Customer is the customer: Name required; a Danish customer
	// (Country "DK") needs a valid CVR number (mod 11; "DK43782495" and
	// "43782495" are valid).
	Customer Party `json:"customer"`
	// Concluded is the day the customer created the account or accepted
	// the offer or terms, which concludes the agreement (1.3). Required.
	Concluded Date `json:"concluded,omitzero" validate:"required"`
	// Start is the day the agreement enters into force and the first
	// payment period begins (17.1, 12.5); zero means Concluded. It may not
	// be before Concluded.
	Start Date `json:"start,omitzero"`
	// Terms are the provider's general terms, such as [OpenDIMSTerms].
	// [Conclude] checks them after the documents have been applied.
	Terms Terms `json:"terms" validate:"-"`
	// Documents are the other agreement documents (1.2).
	Documents []Document `json:"documents,omitempty" validate:"dive"`
}

// Agreement is a concluded agreement with its terms resolved. It is a
// value: safe to copy and share.
type Agreement struct {
	// Kind is how the agreement was made.
	Kind AgreementKind `json:"kind"`
	// Customer is the customer, its CVR number without the "DK" prefix.
	Customer Party `json:"customer"`
	// Concluded is the day the agreement was concluded (1.3).
	Concluded Date `json:"concluded,omitzero"`
	// Start is the day it entered into force (17.1).
	Start Date `json:"start,omitzero"`
	// Terms are the terms in force after precedence (1.3).
	Terms Terms `json:"terms"`
	// Resolutions say where each parameter of Terms came from, sorted by
	// parameter name.
	Resolutions []Resolution `json:"resolutions,omitempty"`
	// Documents are the agreement documents as given.
	Documents []Document `json:"documents,omitempty"`
}

// Conclude checks spec and returns the agreement it makes (terms 1.3,
// 17.1): the terms in force resolved from the documents by [ResolveTerms],
// the start date, the customer. A [SelfServe] subscription has no offer
// document; an [OfferAgreement] needs one. Every problem is reported at
// once in a [*ValidationError] naming the fields ("customer.cvr",
// "documents[1].kind", "start"); a customer's name or CVR number never
// appears in the message.
func Conclude(spec AgreementSpec) (Agreement, error) {
	p := problems{op: "conclude agreement", kind: ErrInvalidInput}
	if spec.Kind != SelfServe && spec.Kind != OfferAgreement {
		p.add("kind", "oneof", "self_serve offer")
	}
	p.Check("", spec)
	if blank(spec.Customer.Name) {
		p.add("customer.name", "required", "")
	}
	if spec.Customer.CVR == "" && spec.Customer.Country == "DK" {
		p.add("customer.cvr", "required_if", "country DK")
	}
	start := spec.Start
	if start.IsZero() {
		start = spec.Concluded
	} else if start.Before(spec.Concluded) {
		p.add("start", "gtefield", "concluded")
	}
	offers := 0
	for i, d := range spec.Documents {
		if d.Kind != OfferDocument {
			continue
		}
		offers++
		if spec.Kind == SelfServe {
			p.add("documents["+strconv.Itoa(i)+"].kind", "excluded_if", "kind self_serve")
		}
	}
	if spec.Kind == OfferAgreement && offers == 0 {
		p.add("documents", "required_if", "kind offer")
	}
	if err := p.err(); err != nil {
		return Agreement{}, err
	}
	terms, res, err := ResolveTerms(spec.Terms, spec.Documents)
	if err != nil {
		return Agreement{}, err
	}
	cust := spec.Customer
	cust.CVR = strings.TrimPrefix(cust.CVR, "DK")
	return Agreement{Kind: spec.Kind, Customer: cust, Concluded: spec.Concluded, Start: start,
		Terms: terms, Resolutions: res, Documents: cloneDocuments(spec.Documents)}, nil
}

// cloneDocuments copies docs and their parameter maps, so that an
// Agreement shares nothing the caller may change later.
func cloneDocuments(docs []Document) []Document {
	out := slices.Clone(docs)
	for i := range out {
		out[i].Params = maps.Clone(out[i].Params)
	}
	return out
}

// Resolution returns where parameter name of a's terms came from; an
// unknown name reports false.
func (a Agreement) Resolution(name string) (Resolution, bool) {
	for _, r := range a.Resolutions {
		if r.Param == name {
			return r, true
		}
	}
	return Resolution{}, false
}

// CustomerTermination is [Terms.CustomerTermination] for a: notice to
// the end of a payment period counted from a.Start (17.2). A [SelfServe]
// subscription is not terminated by notice: the decision refuses and
// points to [Agreement.Cancel] (19.6).
func (a Agreement) CustomerTermination(notice Date) (Decision, error) {
	if a.Kind == SelfServe {
		if notice.Before(a.Start) {
			return Decision{}, NewValidationError("customer termination", []Problem{{Path: "notice", Rule: "gtefield", Param: "start"}}, ErrInvalidInput)
		}
		return Decision{Rule: Clause("19.6").String(), From: notice,
			Citations: []Citation{Clause("19.6"), Clause("17.2")},
			Reason:    rulesReason("a self-serve subscription ends by switching to the free plan, not by notice")}, nil
	}
	return a.Terms.CustomerTermination(a.Start, notice)
}

// Cancel is [Terms.SelfServeCancellation] for a self-serve subscription:
// billing cycles of the payment period in force (P1M or P1Y, 19.1) from
// a.Start. An [OfferAgreement] is not cancelled this way: the decision
// refuses and points to notice under 17.2.
func (a Agreement) Cancel(asked Date, method CancelMethod) (Decision, error) {
	if a.Kind == OfferAgreement {
		if asked.Before(a.Start) {
			return Decision{}, NewValidationError("self-serve cancellation", []Problem{{Path: "asked", Rule: "gtefield", Param: "start"}}, ErrInvalidInput)
		}
		return Decision{Rule: Clause("17.2").String(), From: asked,
			Citations: []Citation{Clause("17.2"), Clause("19.6")},
			Reason:    rulesReason("an agreement on an offer document ends by notice to the end of a payment period, not by switching plans")}, nil
	}
	return a.Terms.SelfServeCancellation(a.Start, a.Terms.PaymentPeriod, asked, method)
}

// BreachTermination is [Terms.BreachTermination] counted with the
// agreement's counter, a.Terms.Counter;
// a notice before a.Start is an error naming "noticed".
func (a Agreement) BreachTermination(by Side, noticed, on Date, remedied bool) (Decision, error) {
	if !noticed.IsZero() && noticed.Before(a.Start) {
		return Decision{}, NewValidationError("breach termination", []Problem{{Path: "noticed", Rule: "gtefield", Param: "start"}}, ErrInvalidInput)
	}
	return a.Terms.breachTermination(a.Terms.Counter, by, noticed, on, remedied)
}

// DefectRemedy is [Terms.DefectRemedy] counted with the agreement's
// counter, a.Terms.Counter; a notice before a.Start is an error naming
// "notified".
func (a Agreement) DefectRemedy(notified, on Date, remedied bool) (Decision, error) {
	if !notified.IsZero() && notified.Before(a.Start) {
		return Decision{}, NewValidationError("defect remedy", []Problem{{Path: "notified", Rule: "gtefield", Param: "start"}}, ErrInvalidInput)
	}
	return a.Terms.defectRemedy(a.Terms.Counter, notified, on, remedied)
}
