package contract

import (
	"slices"
	"strconv"
	"strings"
)

// Source names the document a parameter's value came from.
type Source struct {
	// Index is the document's position in the list resolved, or -1 for
	// the base [Terms] when no general-terms document is listed.
	Index int `json:"index"`
	// Kind is the document's kind; GeneralTerms for the base terms.
	Kind DocumentKind `json:"kind"`
	// Name is the document's name; "terms" for the base terms.
	Name string `json:"name"`
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
	Param string `json:"param"`
	// Value is the value in force, as text: "P1M".
	Value string `json:"value"`
	// From is the document that set it.
	From Source `json:"from"`
	// Overridden lists the documents that set it too but gave way, in
	// document order, sales material included.
	Overridden []Source `json:"overridden,omitempty"`
	// Citations are terms 1.3 and the clause the parameter belongs to.
	Citations []Citation `json:"citations,omitempty"`
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
		return Resolution{}, NewValidationError("resolve", []Problem{{Path: truncate(name), Rule: "param"}}, ErrUnknownParam)
	}
	var fe []Problem
	var kinds []error
	r := resolveParam(&base, docs, p, new(Terms), nil, &fe, &kinds)
	if len(fe) > 0 {
		return Resolution{}, NewValidationError("resolve", fe, kinds...)
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

// resolveParam resolves parameter p. base is only read. scratch is
// working space whose contents do not matter: each setter writes only its
// own field, and a value is read back only after it was set, so one
// scratch serves every parameter. cites, when it has room for two, holds
// the Resolution's citations, so that ResolveTerms allocates them once.
func resolveParam(base *Terms, docs []Document, p param, scratch *Terms, cites []Citation, fe *[]Problem, kinds *[]error) Resolution {
	if cap(cites) < 2 {
		cites = make([]Citation, 2)
	}
	cites = append(cites[:0:2], Clause("1.3"), Clause(p.ref))
	r := Resolution{Param: p.name, Citations: cites}
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
		if err := p.set(scratch, v); err != nil {
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
		_ = p.set(scratch, r.Value)
		r.Value = p.get(scratch) // canonical text: "P1M", "48h0m0s"
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
		if d.mayBreakTags() {
			var ps Problems
			ps.Check("documents["+strconv.Itoa(i)+"]", d)
			if ps.Len() > 0 {
				fe = append(fe, ps.List()...)
				addKind(&kinds, ErrInvalidInput)
			}
		}
		if !d.Kind.valid() {
			fe = append(fe, Problem{Path: "documents[" + strconv.Itoa(i) + "].kind", Rule: "oneof",
				Param: "offer dpa terms sales_material"})
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
	// One allocation holds the working copies: the terms being built, the
	// base they start from and the scratch each value is parsed into.
	w := &struct{ out, base, scratch Terms }{out: base, base: base}
	out := &w.out
	res := make([]Resolution, 0, len(params))
	cites := make([]Citation, 2*len(params))
	for i, p := range params {
		r := resolveParam(&w.base, docs, p, &w.scratch, cites[2*i:2*i+2:2*i+2], &fe, &kinds)
		if r.From.Index >= 0 {
			if _, set := docs[r.From.Index].Params[p.name]; set {
				_ = p.set(out, r.Value)
			}
		}
		res = append(res, r)
	}
	if len(fe) > 0 {
		slices.SortStableFunc(fe, func(a, b Problem) int { return strings.Compare(a.Path, b.Path) })
		return Terms{}, nil, NewValidationError("resolve terms", fe, kinds...)
	}
	if err := out.Validate(); err != nil {
		return Terms{}, nil, err
	}
	return *out, res, nil
}
