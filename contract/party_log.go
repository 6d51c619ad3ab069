package contract

import (
	"fmt"
	"github.com/pimkit/pimkit/internal/redact"
	"log/slog"
	"strconv"
)

// Redacted is what logs and fmt show in place of personal data.
const Redacted = "[redacted]"

// redact returns Redacted for a non-empty s and "" for "".
func redactText(s string) string {
	if s == "" {
		return ""
	}
	return Redacted
}

// redacted returns p with its name, numbers and address redacted: a party
// may be a sole trader, whose name, address and CVR number identify a
// person. The country stays.
func (p Party) redacted() Party {
	return Party{Name: redactText(p.Name), CVR: redactText(p.CVR), VATID: redactText(p.VATID),
		Address: redactText(p.Address), Country: p.Country}
}

// String returns the party without its personal data: "party [redacted]
// (DK)". Use the fields themselves to show a party to the customer.
func (p Party) String() string {
	s := "party " + redactText(p.Name)
	if p.Country != "" {
		s += " (" + p.Country + ")"
	}
	return s
}

// GoString returns Go syntax with the name, numbers and address redacted:
// contract.Party{Name:"[redacted]", ..., Country:"DK"}.
func (p Party) GoString() string {
	r := p.redacted()
	return "contract.Party{Name:" + strconv.Quote(r.Name) + ", CVR:" + strconv.Quote(r.CVR) +
		", VATID:" + strconv.Quote(r.VATID) + ", Address:" + strconv.Quote(r.Address) +
		", Country:" + strconv.Quote(r.Country) + "}"
}

// Format prints [Party.String] for every verb and [Party.GoString] for
// %#v, so no verb prints personal data.
func (p Party) Format(f fmt.State, verb rune) { redact.Format(f, verb, p.String(), p.GoString()) }

// LogValue logs the party with its name, numbers and address redacted:
// {"name":"[redacted]","country":"DK"}.
func (p Party) LogValue() slog.Value {
	r := p.redacted()
	return slog.GroupValue(slog.String("name", r.Name), slog.String("cvr", r.CVR),
		slog.String("vat_id", r.VATID), slog.String("address", r.Address), slog.String("country", r.Country))
}

// LogValue logs the agreement without the customer's personal data: its
// kind, dates and the customer as [Party.LogValue] gives it.
func (a Agreement) LogValue() slog.Value {
	return slog.GroupValue(slog.String("kind", a.Kind.String()), slog.Any("customer", a.Customer.LogValue()),
		slog.String("concluded", a.Concluded.String()), slog.String("start", a.Start.String()),
		slog.Int("documents", len(a.Documents)))
}

// String describes the agreement without the customer's personal data.
func (a Agreement) String() string {
	return "agreement (" + a.Kind.String() + ") with " + a.Customer.String() + " from " + a.Start.String()
}

// GoString returns what String returns: the agreement holds personal data.
func (a Agreement) GoString() string { return "contract.Agreement{" + a.String() + "}" }

// Format prints [Agreement.String] for every verb, so no verb prints the
// customer's personal data.
func (a Agreement) Format(f fmt.State, verb rune) { redact.Format(f, verb, a.String(), a.GoString()) }

// LogValue logs the specification without the customer's personal data.
func (s AgreementSpec) LogValue() slog.Value {
	return slog.GroupValue(slog.String("kind", s.Kind.String()), slog.Any("customer", s.Customer.LogValue()),
		slog.String("concluded", s.Concluded.String()), slog.Int("documents", len(s.Documents)))
}

// String describes the specification without the customer's personal data.
func (s AgreementSpec) String() string {
	return "agreement spec (" + s.Kind.String() + ") with " + s.Customer.String()
}

// GoString returns what String returns.
func (s AgreementSpec) GoString() string { return "contract.AgreementSpec{" + s.String() + "}" }

// Format prints [AgreementSpec.String] for every verb.
func (s AgreementSpec) Format(f fmt.State, verb rune) {
	redact.Format(f, verb, s.String(), s.GoString())
}
