package contract

import (
	"github.com/pimkit/pimkit/internal/enum"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Fault is the degree of a party's fault for a loss, as Danish contract
// law grades it. The zero Fault is invalid.
type Fault uint8

const (
	// NoFault: the party did nothing wrong.
	NoFault Fault = iota + 1
	// Negligence: ordinary (simple) negligence.
	Negligence
	// GrossNegligence: gross negligence (grov uagtsomhed).
	GrossNegligence
	// Intent: the loss was caused on purpose (forsæt).
	Intent
)

var faultNames = enum.Names{NoFault: "none", Negligence: "negligence", GrossNegligence: "gross_negligence", Intent: "intent"}

// String returns "none", "negligence", "gross_negligence" or "intent"; an
// invalid fault prints as "Fault(9)".
func (f Fault) String() string { return enum.String(faultNames, f, "Fault") }

// MarshalText implements encoding.TextMarshaler; the zero or an unknown
// fault is an error wrapping ErrInvalidInput.
func (f Fault) MarshalText() ([]byte, error) {
	return enum.Marshal(faultNames, f, "fault", ErrInvalidInput)
}

// UnmarshalText implements encoding.TextUnmarshaler: "gross_negligence" is
// GrossNegligence; unknown text is an error wrapping ErrInvalidInput.
func (f *Fault) UnmarshalText(b []byte) error {
	return enum.Unmarshal(faultNames, b, f, "fault", ErrInvalidInput)
}

// SecurityNeeds decides what follows when the customer's need for security
// in the service changes (terms 11.3): the customer, as controller, judges
// whether the security it bought fits its processing and must tell the
// provider at once of any need for more (notified); the provider may then
// adjust the agreed remuneration to the changed need, which Allowed
// reports. Until the customer tells it, the provider may not, and the
// customer carries the risk of its own assessment.
func (t Terms) SecurityNeeds(notified bool) Decision {
	d := Decision{Rule: Clause("11.3").String(), Allowed: notified, Citations: []Citation{Clause("11.3")}}
	if notified {
		d.Reason = rulesReason("the customer notified a need for more security, so the provider may adjust the remuneration to it")
		return d
	}
	d.Reason = rulesReason("the customer has not notified a need for more security; the security bought stays, on the customer's own risk assessment")
	return d
}

// ProcessingIndemnity decides whether the customer must indemnify the
// provider for a loss or compensation the provider has to pay because of
// the customer's processing of personal data in the service (terms 11.4):
// it must, unless the customer proves that the provider or its staff
// caused the damage intentionally or by gross negligence (providerFault
// GrossNegligence or Intent). Allowed reports that the provider is
// indemnified. An invalid fault is refused with the reason.
func (t Terms) ProcessingIndemnity(providerFault Fault) Decision {
	d := Decision{Rule: Clause("11.4").String(), Citations: []Citation{Clause("11.4")}}
	switch providerFault {
	case NoFault, Negligence:
		d.Allowed = true
		d.Reason = rulesReason("the customer indemnifies the provider for the loss from the customer's processing of personal data")
	case GrossNegligence, Intent:
		d.Reason = rulesReason("the provider caused the damage intentionally or by gross negligence, so the customer need not indemnify it")
	default:
		d.Reason = rulesReason("the provider's fault is not stated, so the indemnity cannot be decided")
	}
	return d
}

// AssistanceFee is the price of the provider's help with the customer's
// duties as controller (terms 11.5). In JSON the decision's keys sit beside
// "hours", "hourly_rate" and "fee".
type AssistanceFee struct {
	Decision
	// Hours is the time spent.
	Hours Decimal `json:"hours"`
	// HourlyRate is the provider's hourly rate for consulting services.
	HourlyRate Money `json:"hourly_rate"`
	// Fee is Hours x HourlyRate, rounded to the rate currency's minor
	// unit; zero in the rate's currency when the assistance is free.
	Fee Money `json:"fee"`
}

// ProcessorAssistance prices the help the provider, as processor, gives the
// customer in answering supervisory authorities and data subjects who
// exercise their rights under the GDPR (terms 11.5, GDPR Art. 28(3)(e)):
// the customer bears the cost at the provider's hourly consulting rate
// unless the offer document says otherwise ([Terms.AssistanceCharged]
// false). 2.5 hours at 1,150.00 DKK is 2,875.00 DKK. Allowed reports that
// the customer pays.
//
// Negative hours or rate, or a rate without a currency, is a
// [*ValidationError] wrapping ErrInvalidInput naming the field
// ("hourly_rate.amount").
func (t Terms) ProcessorAssistance(hours decimal.Decimal, hourlyRate Money) (AssistanceFee, error) {
	p := problems{op: "processor assistance", kind: ErrInvalidInput}
	if hours.IsNegative() {
		p.add("hours", "gte", "0")
	} else if !saneAmount(hours) {
		p.add("hours", "lte", maxAmountText)
	}
	if hourlyRate.Amount().IsNegative() {
		p.add("hourly_rate.amount", "gte", "0")
	} else if !saneAmount(hourlyRate.Amount()) {
		p.add("hourly_rate.amount", "lte", maxAmountText)
	}
	if hourlyRate.cur == (currency.Unit{}) {
		p.add("hourly_rate.currency", "required", "")
	}
	if err := p.err(); err != nil {
		return AssistanceFee{}, err
	}
	f := AssistanceFee{Hours: Dec(hours), HourlyRate: hourlyRate,
		Decision: Decision{Rule: Clause("11.5").String(),
			Citations: []Citation{Clause("11.5"), Cite(SourceGDPR, "Art. 28(3)(e)")}}}
	if !t.AssistanceCharged {
		f.Fee = ZeroMoney(hourlyRate.cur)
		f.Reason = rulesReason("the offer document makes the assistance free of charge")
		return f, nil
	}
	f.Allowed = true
	f.Fee = hourlyRate.Mul(hours).Round()
	f.Reason = rulesReason("assistance of %s hours with the customer's duties as controller costs %s at the hourly rate", hours, f.Fee)
	return f, nil
}
