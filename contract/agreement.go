package contract

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/pimkit/pimkit/internal/validate"
)

// DocumentKind is the kind of an agreement document (terms 1.2), which
// decides its precedence (1.3). The zero DocumentKind is invalid.
type DocumentKind uint8

const (
	// OfferDocument is the offer: the package, features, agreed uptime,
	// prices and any SLA. Optional. Special terms specifically agreed in
	// it prevail over the general terms (1.3).
	OfferDocument DocumentKind = iota + 1
	// DataProcessingAgreement is the data processing agreement. It prevails
	// on the processing of data on the customer's behalf (1.3, 11.1).
	DataProcessingAgreement
	// GeneralTerms are the provider's general terms, such as
	// [OpenDIMSTerms]. They prevail over every document except special
	// terms in the offer, and the DPA on data processing (1.3).
	GeneralTerms
	// SalesMaterial is a brochure, web page or pitch. What it says binds
	// nobody unless an agreement document repeats it (1.3).
	SalesMaterial
)

var documentKindNames = [...]string{OfferDocument: "offer", DataProcessingAgreement: "dpa",
	GeneralTerms: "terms", SalesMaterial: "sales-material"}

// String returns "offer", "dpa", "terms" or "sales-material".
func (k DocumentKind) String() string {
	return enumString(documentKindNames[:], int(k), "DocumentKind")
}

// MarshalText implements encoding.TextMarshaler; the zero kind is an
// error.
func (k DocumentKind) MarshalText() ([]byte, error) {
	return enumMarshal(documentKindNames[:], int(k), "document kind")
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidInput.
func (k *DocumentKind) UnmarshalText(b []byte) error {
	i, err := enumUnmarshal(documentKindNames[:], b, "document kind")
	if err == nil {
		*k = DocumentKind(i)
	}
	return err
}

func (k DocumentKind) valid() bool { return k >= OfferDocument && k <= SalesMaterial }

// rank returns how strongly a document of kind k sets a parameter (higher
// prevails), or -1 when it does not bind (terms 1.3).
func (k DocumentKind) rank(dataProcessing bool) int {
	switch k {
	case OfferDocument:
		if dataProcessing {
			return 2
		}
		return 3
	case DataProcessingAgreement:
		if dataProcessing {
			return 3
		}
		return 1
	case GeneralTerms:
		return 2 - b2i(dataProcessing)
	}
	return -1
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Document is one agreement document and the parameters of [Terms] it
// sets, by name (see [Params]) with values as text: an offer with
// {"payment_period": "P1M"} agrees monthly payment periods instead of
// 12.3's twelve months.
//
// Priority orders documents of the same kind that set the same
// parameter: the higher wins. Two such documents with equal priority (both
// 0, none declared) are a conflict, never a silent choice.
type Document struct {
	// Kind decides the document's precedence.
	Kind DocumentKind `json:"kind"`
	// Name identifies the document to people: "Offer 2026-117".
	Name string `json:"name"`
	// Priority is a declared priority among documents of the same kind;
	// the higher wins. 0 declares none.
	Priority int `json:"priority,omitempty"`
	// Params are the parameters the document sets, by [Params] name, with
	// values as text. A nil map sets none.
	Params map[string]string `json:"params,omitempty"`
}

// Source names the document a parameter's value came from.
type Source struct {
	// Index is the document's position in the list resolved, or -1 for
	// the base [Terms] when no general-terms document is listed.
	Index int
	// Kind is the document's kind; GeneralTerms for the base terms.
	Kind DocumentKind
	// Name is the document's name; "terms" for the base terms.
	Name string
}

// String returns `offer "Offer 2026-117" (documents[0])` or "terms".
func (s Source) String() string {
	if s.Index < 0 {
		return s.Name
	}
	return s.Kind.String() + " " + strconv.Quote(s.Name) + " (documents[" + strconv.Itoa(s.Index) + "])"
}

// Resolution is the value of one parameter after precedence, and where it
// came from.
type Resolution struct {
	// Param is the parameter's name: "payment_period".
	Param string
	// Value is the value in force, as text: "P1M".
	Value string
	// From is the document that set it.
	From Source
	// Overridden lists the documents that set it too but gave way, in
	// document order, sales material included.
	Overridden []Source
	// Citations are terms 1.3 and the clause the parameter belongs to.
	Citations []Citation
}

// Resolve returns the value in force of parameter name (see [Params])
// under the precedence of terms 1.3, given the provider's general terms
// base and the agreement documents docs:
//
//   - special terms in an [OfferDocument] prevail over the general terms;
//   - the [DataProcessingAgreement] prevails on data processing
//     (breach_notice, delete_data_at_termination), and gives way to the
//     offer and the terms elsewhere;
//   - [SalesMaterial] never binds;
//   - base stands for the general terms, which speak on every parameter:
//     when no document that outranks them sets it, base's value applies.
//
// Two documents of the winning rank that set the parameter with equal
// Priority are a [*ValidationError] wrapping ErrConflict, even when they
// agree; an unknown name wraps ErrUnknownParam; a value that does not
// parse wraps ErrInvalidInput. Errors name the document and parameter:
// "documents[2].params.payment_period".
func Resolve(base Terms, docs []Document, name string) (Resolution, error) {
	p, ok := findParam(name)
	if !ok {
		return Resolution{}, &ValidationError{Op: "resolve", Problems: []Problem{{Path: truncate(name), Rule: "param"}},
			kinds: []error{ErrUnknownParam}}
	}
	var fe []Problem
	var kinds []error
	r := resolveParam(base, docs, p, &fe, &kinds)
	if len(fe) > 0 {
		return Resolution{}, &ValidationError{Op: "resolve", Problems: fe, kinds: kinds}
	}
	return r, nil
}

func docField(i int, name string) string {
	return "documents[" + strconv.Itoa(i) + "].params." + name
}

func addKind(kinds *[]error, k error) {
	if !slices.Contains(*kinds, k) {
		*kinds = append(*kinds, k)
	}
}

func resolveParam(base Terms, docs []Document, p param, fe *[]Problem, kinds *[]error) Resolution {
	r := Resolution{Param: p.name, Citations: []Citation{Clause("1.3"), Clause(p.ref)}}
	best := -1 // index into docs of the winner
	bestRank, tied := -1, -1
	termsDoc := -1
	for i, d := range docs {
		if d.Kind == GeneralTerms {
			if termsDoc == -1 {
				termsDoc = i
			}
		}
		v, set := d.Params[p.name]
		if !set {
			continue
		}
		var scratch Terms
		if err := p.set(&scratch, v); err != nil {
			*fe = append(*fe, Problem{Path: docField(i, p.name), Rule: "syntax"})
			addKind(kinds, ErrInvalidInput)
			continue
		}
		rank := d.Kind.rank(p.dataProcessing)
		switch {
		case rank < 0:
			// sales material, or an invalid kind reported elsewhere
		case best < 0 || rank > bestRank || rank == bestRank && d.Priority > docs[best].Priority:
			best, bestRank, tied = i, rank, -1
		case rank == bestRank && d.Priority == docs[best].Priority:
			tied = i
		}
	}
	if best >= 0 && bestRank < GeneralTerms.rank(p.dataProcessing) {
		// The general terms speak on every parameter: a document that
		// ranks below them gives way to base (the DPA outside data
		// processing), and a tie between such documents decides nothing.
		best, tied = -1, -1
	}
	if tied >= 0 {
		*fe = append(*fe, Problem{Path: docField(tied, p.name), Rule: "conflict",
			Param: "documents[" + strconv.Itoa(best) + "]"})
		addKind(kinds, ErrConflict)
	}
	switch {
	case best >= 0:
		d := docs[best]
		r.Value = d.Params[p.name]
		var t Terms
		_ = p.set(&t, r.Value)
		r.Value = p.get(t) // canonical text: "P1M", "48h0m0s"
		r.From = Source{Index: best, Kind: d.Kind, Name: d.Name}
	case termsDoc >= 0:
		r.Value = p.get(base)
		r.From = Source{Index: termsDoc, Kind: GeneralTerms, Name: docs[termsDoc].Name}
	default:
		r.Value = p.get(base)
		r.From = Source{Index: -1, Kind: GeneralTerms, Name: SourceTerms}
	}
	for i, d := range docs {
		if _, set := d.Params[p.name]; set && i != best {
			r.Overridden = append(r.Overridden, Source{Index: i, Kind: d.Kind, Name: d.Name})
		}
	}
	return r
}

// ResolveTerms applies the documents to base by the precedence of terms
// 1.3 ([Resolve]) for every parameter, and returns the terms in force and
// one [Resolution] per parameter, sorted by name. Every problem is
// reported at once in one [*ValidationError]: conflicts (ErrConflict),
// values that do not parse and invalid document kinds (ErrInvalidInput),
// names no [Terms] field carries (ErrUnknownParam). Terms that resolve but
// fail [Terms.Validate] are an error wrapping ErrInvalidTerms.
func ResolveTerms(base Terms, docs []Document) (Terms, []Resolution, error) {
	var fe []Problem
	var kinds []error
	for i, d := range docs {
		if !d.Kind.valid() {
			fe = append(fe, Problem{Path: "documents[" + strconv.Itoa(i) + "].kind", Rule: "oneof",
				Param: "offer dpa terms sales-material"})
			addKind(&kinds, ErrInvalidInput)
		}
		names := make([]string, 0, len(d.Params))
		for name := range d.Params {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			if _, ok := findParam(name); !ok {
				fe = append(fe, Problem{Path: "documents[" + strconv.Itoa(i) + "].params." + truncate(name), Rule: "param"})
				addKind(&kinds, ErrUnknownParam)
			}
		}
	}
	out := base
	res := make([]Resolution, 0, len(params))
	for _, p := range params {
		r := resolveParam(base, docs, p, &fe, &kinds)
		if r.From.Index >= 0 {
			if _, set := docs[r.From.Index].Params[p.name]; set {
				_ = p.set(&out, r.Value)
			}
		}
		res = append(res, r)
	}
	if len(fe) > 0 {
		slices.SortStableFunc(fe, func(a, b Problem) int { return strings.Compare(a.Path, b.Path) })
		return Terms{}, nil, &ValidationError{Op: "resolve terms", Problems: fe, kinds: kinds}
	}
	if err := out.Validate(); err != nil {
		return Terms{}, nil, err
	}
	return out, res, nil
}

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

var agreementKindNames = [...]string{SelfServe: "self-serve", OfferAgreement: "offer"}

// String returns "self-serve" or "offer".
func (k AgreementKind) String() string {
	return enumString(agreementKindNames[:], int(k), "AgreementKind")
}

// MarshalText implements encoding.TextMarshaler; the zero kind is an
// error.
func (k AgreementKind) MarshalText() ([]byte, error) {
	return enumMarshal(agreementKindNames[:], int(k), "agreement kind")
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrInvalidInput.
func (k *AgreementKind) UnmarshalText(b []byte) error {
	i, err := enumUnmarshal(agreementKindNames[:], b, "agreement kind")
	if err == nil {
		*k = AgreementKind(i)
	}
	return err
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
	Concluded Date `json:"concluded"`
	// Start is the day the agreement enters into force and the first
	// payment period begins (17.1, 12.5); zero means Concluded. It may not
	// be before Concluded.
	Start Date `json:"start"`
	// Terms are the provider's general terms, such as [OpenDIMSTerms].
	Terms Terms `json:"terms"`
	// Documents are the other agreement documents (1.2).
	Documents []Document `json:"documents,omitempty"`
}

// Agreement is a concluded agreement with its terms resolved. It is a
// value: safe to copy and share.
type Agreement struct {
	// Kind is how the agreement was made.
	Kind AgreementKind
	// Customer is the customer, its CVR number without the "DK" prefix.
	Customer Party
	// Concluded is the day the agreement was concluded (1.3).
	Concluded Date
	// Start is the day it entered into force (17.1).
	Start Date
	// Terms are the terms in force after precedence (1.3).
	Terms Terms
	// Resolutions say where each parameter of Terms came from, sorted by
	// parameter name.
	Resolutions []Resolution
	// Documents are the agreement documents as given.
	Documents []Document
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
		p.add("kind", "oneof", "self-serve offer")
	}
	if strings.TrimSpace(spec.Customer.Name) == "" {
		p.add("customer.name", "required", "")
	}
	switch {
	case spec.Customer.CVR != "":
		if !validate.ValidCVR(spec.Customer.CVR) {
			p.add("customer.cvr", "cvr", "")
		}
	case spec.Customer.Country == "DK":
		p.add("customer.cvr", "required_if", "country DK")
	}
	if spec.Concluded.IsZero() {
		p.add("concluded", "required", "")
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
			p.add("documents["+strconv.Itoa(i)+"].kind", "excluded_if", "kind self-serve")
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
			return Decision{}, &ValidationError{Op: "customer termination", kinds: []error{ErrInvalidInput},
				Problems: []Problem{{Path: "notice", Rule: "gtefield", Param: "start"}}}
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
			return Decision{}, &ValidationError{Op: "self-serve cancellation", kinds: []error{ErrInvalidInput},
				Problems: []Problem{{Path: "asked", Rule: "gtefield", Param: "start"}}}
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
		return Decision{}, &ValidationError{Op: "breach termination", kinds: []error{ErrInvalidInput},
			Problems: []Problem{{Path: "noticed", Rule: "gtefield", Param: "start"}}}
	}
	return a.Terms.breachTermination(a.Terms.Counter, by, noticed, on, remedied)
}

// DefectRemedy is [Terms.DefectRemedy] counted with the agreement's
// counter, a.Terms.Counter; a notice before a.Start is an error naming
// "notified".
func (a Agreement) DefectRemedy(notified, on Date, remedied bool) (Decision, error) {
	if !notified.IsZero() && notified.Before(a.Start) {
		return Decision{}, &ValidationError{Op: "defect remedy", kinds: []error{ErrInvalidInput},
			Problems: []Problem{{Path: "notified", Rule: "gtefield", Param: "start"}}}
	}
	return a.Terms.defectRemedy(a.Terms.Counter, notified, on, remedied)
}
