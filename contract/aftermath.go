package contract

import (
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Disclosure decides whether information exchanged under an
// agreement terminated on terminated may be disclosed on on (terms 9): the
// duty of confidentiality is an independent agreement that survives
// termination by Confidentiality (5 years), counted as an expiry that
// never rolls. Terminated on 2028-02-29, the duty binds until the end of
// 2033-02-28; disclosure is refused on that day and allowed on 2033-03-01.
// The decision's Date is the last day the duty binds. A zero terminated
// means the agreement is running, and the duty binds (9.1).
func (t Terms) Disclosure(terminated, on Date) Decision {
	d := Decision{Rule: Clause("9.3").String(), From: terminated,
		Citations: []Citation{Clause("9.3"), Clause("9.1")}}
	if terminated.IsZero() || on.Before(terminated) {
		d.Reason = rulesReason("confidentiality binds both parties while the agreement runs")
		return d
	}
	if terminated.After(maxPeriodDate) || t.Confidentiality.IsNegative() || t.Confidentiality.tooLong() {
		d.Reason = rulesReason("the end of confidentiality cannot be counted from %s", terminated)
		return d
	}
	until, _ := t.Counter.EffectiveDate(terminated, t.Confidentiality)
	d.Date = until.Date
	d.Citations = append(d.Citations, Cite(SourceReg1182, "Art. 4(1)"))
	if on.After(until.Date) {
		d.Allowed = true
		d.Reason = rulesReason("confidentiality ended at the end of %s", until.Date)
		return d
	}
	d.Reason = rulesReason("confidentiality survives the termination on %s and binds until the end of %s", terminated, until.Date)
	return d
}

// DataDeletion decides what happens to the customer's data, files and
// software when the agreement terminates on terminated (terms 18.3): with
// DeleteDataAtTermination they are deleted on that date unless the parties
// agreed otherwise (retentionAgreed). Allowed reports that the data is
// deleted, and Date is the deletion date; the customer should get its data
// out before then with exit assistance ([Terms.ExitAssistance], 18.1).
func (t Terms) DataDeletion(terminated Date, retentionAgreed bool) Decision {
	d := Decision{Rule: Clause("18.3").String(), From: terminated, Citations: []Citation{Clause("18.3")}}
	if !t.DeleteDataAtTermination || retentionAgreed {
		d.Reason = rulesReason("the customer's data is kept after termination, as agreed")
		return d
	}
	d.Allowed, d.Date = true, terminated
	d.Citations = append(d.Citations, Clause("18.1"))
	d.Reason = rulesReason("the customer's data is deleted when the agreement terminates on %s; it should be moved out before then", terminated)
	return d
}

// ExitFee is the price of exit assistance (terms 18.1-18.2). In JSON the
// decision's keys sit beside "hours", "hourly_rate", "fee" and
// "prepayment".
type ExitFee struct {
	Decision
	// Hours is the time spent.
	Hours Decimal `json:"hours"`
	// HourlyRate is the provider's hourly rate for consultancy.
	HourlyRate Money `json:"hourly_rate"`
	// Fee is Hours x HourlyRate, rounded to the rate currency's minor unit.
	Fee Money `json:"fee"`
	// Prepayment reports that the provider may demand payment before it
	// helps, because the customer is in arrears (18.2).
	Prepayment bool `json:"prepayment"`
}

// ExitAssistance prices the help the provider gives the customer to move
// its data home or to another supplier when the agreement ends, whatever
// the reason (terms 18.1): time spent at the provider's hourly rate
// (18.2). 7.5 hours at 1,150.00 DKK is 8,625.00 DKK. When the customer is
// in arrears the provider may demand prepayment and wait with the help
// until paid (18.2), which Prepayment and the reason say.
//
// Negative hours or rate, or a rate without a currency, is a
// [*ValidationError] wrapping ErrInvalidInput naming the field
// ("hourly_rate.amount").
func (t Terms) ExitAssistance(hours decimal.Decimal, hourlyRate Money, inArrears bool) (ExitFee, error) {
	p := problems{op: "exit assistance", kind: ErrInvalidInput}
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
		return ExitFee{}, err
	}
	fee := hourlyRate.Mul(hours).Round()
	f := ExitFee{Hours: Dec(hours), HourlyRate: hourlyRate, Fee: fee, Prepayment: inArrears,
		Decision: Decision{Rule: Clause("18.2").String(), Allowed: true,
			Citations: []Citation{Clause("18.2"), Clause("18.1")}}}
	if inArrears {
		f.Reason = rulesReason("exit assistance of %s hours costs %s at the hourly rate; as payments are overdue, the provider may demand prepayment first", hours, fee)
	} else {
		f.Reason = rulesReason("exit assistance of %s hours costs %s at the hourly rate", hours, fee)
	}
	return f, nil
}
