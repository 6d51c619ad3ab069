package contract

import (
	"fmt"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Citation names a clause of an agreement or an article of a law that a
// decision rests on: "terms 12.3", "GDPR Art. 12(3)", "Reg. 1182/71 Art.
// 3(4)", "renteloven § 9 b". Every package of pimkit cites with it.
type Citation struct {
	// Source is the document or act: "terms", "GDPR", "renteloven".
	Source string
	// Ref is the clause, article or section within it: "12.3",
	// "Art. 12(3)", "§ 9 b".
	Ref string
}

// Cite returns the citation of ref in source: Cite("GDPR", "Art. 12(3)").
func Cite(source, ref string) Citation { return Citation{Source: source, Ref: ref} }

// Clause returns the citation of a clause of the agreement's terms:
// Clause("12.3") prints "terms 12.3".
func Clause(ref string) Citation { return Citation{Source: SourceTerms, Ref: ref} }

// Sources of citations used across pimkit.
const (
	SourceTerms   = "terms"
	SourceGDPR    = "GDPR"
	SourceReg1182 = "Reg. 1182/71"
)

// String returns "source ref", or just the source when ref is empty.
func (c Citation) String() string {
	if c.Ref == "" {
		return c.Source
	}
	return c.Source + " " + c.Ref
}

// IsZero reports whether c is the zero Citation.
func (c Citation) IsZero() bool { return c == Citation{} }

// Decision is the explained outcome of a rule: whether it allows what was
// asked, the date or instant it is counted from and to, the citations it
// rests on and a one-sentence reason a host can show the customer in
// English or Danish.
//
// A decision that refuses is not an error: "notice given too late for
// this period" is a normal answer with a reason. Errors are for input the
// rule cannot judge.
type Decision struct {
	// Rule is the stable ID of the rule decided, such as "terms 17.2".
	Rule string
	// Allowed reports whether the rule allows what was asked.
	Allowed bool
	// From is the date the rule counted from; zero when it counts none.
	From Date
	// Date is the date the outcome takes effect or is due; zero when none.
	Date Date
	// At is the instant the outcome takes effect or is due, for rules
	// counted in hours; zero otherwise.
	At time.Time
	// Citations are the clauses and articles the decision rests on, the
	// most specific first.
	Citations []Citation
	// Reason explains the outcome in one sentence.
	Reason Reason
}

// String returns the decision's reason in English followed by its
// citations: "notice ends the agreement at the end of 2026-01-31 (terms
// 17.2)".
func (d Decision) String() string {
	s := d.Reason.String()
	for i, c := range d.Citations {
		if i == 0 {
			s += " ("
		} else {
			s += "; "
		}
		s += c.String()
		if i == len(d.Citations)-1 {
			s += ")"
		}
	}
	return s
}

// Reason is a sentence that explains a decision, kept as a message key and
// its arguments so it can be rendered in any language its catalog knows.
// The zero Reason renders as "".
type Reason struct {
	key  string
	args []any
	cat  catalog.Catalog
}

// NewReason returns the reason with message key and arguments, rendered
// through cat. pimkit's packages pass their own catalogs of English and
// Danish texts; a host may pass one with more languages. The key is the
// English text with fmt verbs (golang.org/x/text/message rules), so a nil
// cat renders English.
func NewReason(cat catalog.Catalog, key string, args ...any) Reason {
	return Reason{key: key, args: args, cat: cat}
}

// Key returns the message key, the English text before its arguments are
// filled in. It is stable across releases and safe to store.
func (r Reason) Key() string { return r.key }

// Args returns a copy of the reason's arguments.
func (r Reason) Args() []any { return append([]any(nil), r.args...) }

// IsZero reports whether r is the zero Reason.
func (r Reason) IsZero() bool { return r.key == "" }

// String renders the reason in English.
func (r Reason) String() string { return r.In(language.English) }

// In renders the reason in the language that best matches tag, falling
// back to English: In(language.Danish) for Danish, and "da-DK" matches it.
func (r Reason) In(tag language.Tag) string {
	if r.key == "" {
		return ""
	}
	if r.cat == nil {
		return fmt.Sprintf(r.key, r.args...)
	}
	return message.NewPrinter(tag, message.Catalog(r.cat)).Sprintf(r.key, r.args...)
}
