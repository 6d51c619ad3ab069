package contract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/pimkit/pimkit/internal/enum"
)

// Outcome is how a tension between two provisions is settled. The zero
// Outcome is invalid.
type Outcome uint8

const (
	// ByPrecedence: the documents' order of precedence decides (terms 1.3:
	// the offer document's special terms before the terms, the data
	// processing agreement on processing).
	ByPrecedence Outcome = iota + 1
	// ByLaw: a mandatory rule of law overrides the contract.
	ByLaw
	// ByInterpretation: both provisions stand, read together -- the
	// specific before the general, each for its own case -- with the
	// reasoning given.
	ByInterpretation
	// Unresolved: nothing in the documents or the law decides it; the
	// host must.
	Unresolved
)

var outcomeNames = enum.Names{ByPrecedence: "precedence", ByLaw: "law", ByInterpretation: "interpretation", Unresolved: "unresolved"}

// String returns "precedence", "law", "interpretation" or "unresolved"; an
// invalid outcome prints as "Outcome(9)".
func (o Outcome) String() string { return enum.String(outcomeNames, o, "Outcome") }

// MarshalText implements encoding.TextMarshaler; the zero or an unknown
// outcome is an error wrapping ErrInvalidInput.
func (o Outcome) MarshalText() ([]byte, error) {
	return enum.Marshal(outcomeNames, o, "outcome", ErrInvalidInput)
}

// UnmarshalText implements encoding.TextUnmarshaler: "precedence" is
// ByPrecedence; unknown text is an error wrapping ErrInvalidInput.
func (o *Outcome) UnmarshalText(b []byte) error {
	return enum.Unmarshal(outcomeNames, b, o, "outcome", ErrInvalidInput)
}

// Provision is one side of a tension: the document, the clause or article
// within it, and what it provides, in the library's words.
type Provision struct {
	// Document names the document: "terms", "offer document Offer
	// 2026-117", "data processing agreement", "privacy policy of
	// 2026-06-24", "SLA credit tiers".
	Document string `json:"document"`
	// Citation is the clause or article: terms 18.3.
	Citation Citation `json:"citation"`
	// Provides says what it provides: "data deleted at termination".
	Provides string `json:"provides"`
}

// Tension is a conflict between two provisions -- of two documents of an
// agreement, or within one -- with its outcome: which side prevails and
// why, or that the host must decide.
type Tension struct {
	// ID is a stable snake_case name for the tension, such as
	// "deletion_vs_bookkeeping"; hosts may store it.
	ID string `json:"id"`
	// First and Second are the two sides.
	First  Provision `json:"first"`
	Second Provision `json:"second"`
	// Outcome is how it is settled.
	Outcome Outcome `json:"outcome"`
	// Prevails is the citation of the side that prevails, or of both when
	// each governs its own case; empty when unresolved.
	Prevails CitationList `json:"prevails,omitempty"`
	// Reason gives the reasoning in one or two sentences, in English or
	// Danish.
	Reason Reason `json:"reason"`
	// Citations are the rules that settle it: terms 1.3, an article of
	// law.
	Citations CitationList `json:"citations,omitempty"`
}

// Tensions returns the tensions of terms t and the agreement documents
// docs that package contract can see: parameters that documents set
// differently, settled by precedence (terms 1.3: the offer document's
// special terms before the terms, the data processing agreement on data
// processing, sales material never), and the tensions inside the terms
// that 1.3 cannot decide, settled by reading them together:
//
//   - terms 12.2 (an index adjustment of agreed prices on 4 months' notice,
//     with a right to terminate) against 19.3 (prices of subscriptions
//     changed by notice by e-mail or on the website): 12.2 governs an
//     agreement's index adjustment, 19.3 self-serve subscriptions from their
//     next renewal; reported while PriceChangeNotice is set;
//   - terms 17.2 (ordinary notice at any time to the end of a payment
//     period) against 17.3 (the customer may "only" terminate for a
//     material breach): 17.1 names both ways of ending the agreement, so
//     17.3's "only" limits termination before the end of a period;
//     reported while CustomerNotice and CurePeriod are set;
//   - terms 16.1 (an e-mail to the agreed address binds) against 19.6 (an
//     e-mail does not cancel a subscription): 19.6 governs self-serve
//     accounts, 16.1 and 17.2 agreements with an offer document.
//
// Packages sla and privacy report the tensions they see (SLA penalties
// against terms 15.2; deletion at termination against the customer's duty
// to keep its books); [MergeTensions] puts the lists together. Terms
// without these parameters and documents that agree give none.
func Tensions(t Terms, docs []Document) ([]Tension, error) {
	var out []Tension
	if len(docs) > 0 {
		_, res, err := ResolveTerms(t, docs)
		if err != nil {
			return nil, err
		}
		for _, r := range res {
			for _, o := range r.Overridden {
				if o.Kind == SalesMaterial {
					continue
				}
				v := docs[o.Index].Params[r.Param]
				if v == r.Value {
					continue
				}
				cite := Clause(paramClause(r.Param))
				out = append(out, Tension{
					ID:       "param_" + r.Param,
					First:    Provision{Document: sourceName(r.From), Citation: cite, Provides: r.Param + " " + r.Value},
					Second:   Provision{Document: sourceName(o), Citation: cite, Provides: r.Param + " " + v},
					Outcome:  ByPrecedence,
					Prevails: CitationList{cite},
					Reason: rulesReason("%s sets %s to %s and prevails over %s, which sets %s",
						sourceName(r.From), r.Param, r.Value, sourceName(o), v),
					Citations: CitationList{Clause("1.3")},
				})
			}
		}
	}
	if !t.PriceChangeNotice.IsZero() {
		out = append(out, Tension{
			ID:        "index_adjustment_vs_subscription_prices",
			First:     Provision{Document: SourceTerms, Citation: Clause("12.2"), Provides: "index adjustment of agreed prices on 4 months' notice, with a right to terminate"},
			Second:    Provision{Document: SourceTerms, Citation: Clause("19.3"), Provides: "subscription prices changed by notice by e-mail or on the website"},
			Outcome:   ByInterpretation,
			Prevails:  CitationList{Clause("12.2"), Clause("19.3")},
			Reason:    rulesReason("12.2 is the specific rule for adjusting an agreement's prices by index and governs it; 19.3 governs self-serve subscriptions, whose new price applies from the next renewal; read against the author of the terms, the longer notice of 12.2 applies wherever both could"),
			Citations: CitationList{Clause("1.3"), Clause("12.2"), Clause("19.3")},
		})
	}
	if !t.CustomerNotice.IsZero() && !t.CurePeriod.IsZero() {
		out = append(out, Tension{
			ID:        "ordinary_notice_vs_breach_only",
			First:     Provision{Document: SourceTerms, Citation: Clause("17.2"), Provides: "the customer may give notice at any time to the end of a payment period"},
			Second:    Provision{Document: SourceTerms, Citation: Clause("17.3"), Provides: "the customer may only terminate for the provider's material breach"},
			Outcome:   ByInterpretation,
			Prevails:  CitationList{Clause("17.2"), Clause("17.3")},
			Reason:    rulesReason("17.1 names both ways of ending the agreement, so 17.3's only limits termination before the end of a payment period to a material breach; ordinary notice to the end of a period stays open under 17.2"),
			Citations: CitationList{Clause("17.1"), Clause("17.2"), Clause("17.3")},
		})
		out = append(out, Tension{
			ID:        "email_notice_vs_self_serve_cancellation",
			First:     Provision{Document: SourceTerms, Citation: Clause("16.1"), Provides: "an e-mail to the agreed address is a binding notice"},
			Second:    Provision{Document: SourceTerms, Citation: Clause("19.6"), Provides: "an e-mail does not cancel a subscription; only switching to the free plan does"},
			Outcome:   ByInterpretation,
			Prevails:  CitationList{Clause("16.1"), Clause("19.6")},
			Reason:    rulesReason("19.6 is the specific rule for self-serve accounts, which have no offer document and so no agreed address; 16.1 and 17.2 govern agreements with an offer document, where an e-mail to its address is notice"),
			Citations: CitationList{Clause("16.1"), Clause("17.2"), Clause("19.6")},
		})
	}
	return MergeTensions(out), nil
}

// MergeTensions joins lists of tensions from any package into one report,
// sorted by the first side's citation, then the second's, then ID, without
// duplicates (the same ID twice).
func MergeTensions(lists ...[]Tension) []Tension {
	var out []Tension
	seen := map[string]bool{}
	for _, l := range lists {
		for _, t := range l {
			if seen[t.ID] {
				continue
			}
			seen[t.ID] = true
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b Tension) int {
		if c := compareCitations(a.First.Citation, b.First.Citation); c != 0 {
			return c
		}
		if c := compareCitations(a.Second.Citation, b.Second.Citation); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

func compareCitations(a, b Citation) int {
	if c := strings.Compare(a.Source, b.Source); c != 0 {
		return c
	}
	if a.Source == SourceTerms {
		return compareRefs(a.Ref, b.Ref)
	}
	return cmp.Compare(a.Ref, b.Ref)
}

func sourceName(s Source) string {
	switch s.Kind {
	case OfferDocument:
		return "offer document " + s.Name
	case DataProcessingAgreement:
		return "data processing agreement " + s.Name
	case GeneralTerms:
		return SourceTerms
	}
	return s.Name
}

func paramClause(name string) string {
	for _, p := range params {
		if p.name == name {
			return p.ref
		}
	}
	return "1.3"
}
