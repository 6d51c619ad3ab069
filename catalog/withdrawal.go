package catalog

import (
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
	"github.com/pimkit/pimkit/internal/explain"
)

// SaleKind is what a distance contract sells, which decides the day the
// right of withdrawal runs from (Directive 2011/83/EU Art. 9(2)).
type SaleKind uint8

const (
	// Goods: a sales contract; the period runs from the day the consumer
	// takes physical possession of the goods, of the last item when an
	// order arrives in parts (Art. 9(2)(b)).
	Goods SaleKind = iota + 1
	// Service: a service contract; the period runs from its conclusion
	// (Art. 9(2)(a)).
	Service
	// DigitalContent: digital content not on a tangible medium; the period
	// runs from conclusion (Art. 9(2)(c)).
	DigitalContent
)

var saleKindNames = enum.Names{Goods: "goods", Service: "service", DigitalContent: "digital_content"}

// String returns "goods", "service" or "digital_content".
func (k SaleKind) String() string { return enum.String(saleKindNames, k, "SaleKind") }

// MarshalText implements encoding.TextMarshaler; the zero kind is an
// error wrapping ErrSyntax.
func (k SaleKind) MarshalText() ([]byte, error) {
	return enum.Marshal(saleKindNames, k, "sale kind", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *SaleKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(saleKindNames, b, k, "sale kind", ErrSyntax)
}

// WithdrawalException is one of the exceptions of Directive 2011/83/EU
// Art. 16 to the right of withdrawal. The zero value is none.
type WithdrawalException uint8

const (
	// NoException: the right of withdrawal applies.
	NoException WithdrawalException = iota
	// ServicePerformed: a service fully performed with the consumer's prior
	// express consent and acknowledgement that the right is lost (16(a)).
	ServicePerformed
	// PriceFluctuates: the price depends on financial-market fluctuations
	// the trader cannot control (16(b)).
	PriceFluctuates
	// MadeToOrder: goods made to the consumer's specifications or clearly
	// personalised (16(c)).
	MadeToOrder
	// Perishable: goods liable to deteriorate or expire rapidly (16(d)).
	Perishable
	// SealedHygiene: sealed goods unsealed after delivery and unsuitable
	// for return for health or hygiene reasons (16(e)).
	SealedHygiene
	// Mixed: goods inseparably mixed with other items after delivery
	// (16(f)).
	Mixed
	// SealedMedia: sealed audio or video recordings or software unsealed
	// after delivery (16(i)).
	SealedMedia
	// Periodical: a newspaper, periodical or magazine, other than a
	// subscription (16(j)).
	Periodical
	// DatedLeisure: accommodation, transport, catering or leisure services
	// for a specific date or period (16(l)).
	DatedLeisure
	// DigitalStarted: digital content whose supply began with the
	// consumer's prior express consent and acknowledgement that the right
	// is lost, and the trader's confirmation (16(m)).
	DigitalStarted
)

var exceptionNames = enum.Names{NoException: "none", ServicePerformed: "service_performed", PriceFluctuates: "price_fluctuates",
	MadeToOrder: "made_to_order", Perishable: "perishable", SealedHygiene: "sealed_hygiene", Mixed: "mixed",
	SealedMedia: "sealed_media", Periodical: "periodical", DatedLeisure: "dated_leisure", DigitalStarted: "digital_started"}

var exceptionRefs = [...]string{ServicePerformed: "Art. 16(a)", PriceFluctuates: "Art. 16(b)", MadeToOrder: "Art. 16(c)",
	Perishable: "Art. 16(d)", SealedHygiene: "Art. 16(e)", Mixed: "Art. 16(f)", SealedMedia: "Art. 16(i)",
	Periodical: "Art. 16(j)", DatedLeisure: "Art. 16(l)", DigitalStarted: "Art. 16(m)"}

// String returns the exception's snake_case name, "made_to_order".
func (e WithdrawalException) String() string {
	return enum.String(exceptionNames, e, "WithdrawalException")
}

// MarshalText implements encoding.TextMarshaler.
func (e WithdrawalException) MarshalText() ([]byte, error) {
	return enum.Marshal(exceptionNames, e, "withdrawal exception", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (e *WithdrawalException) UnmarshalText(b []byte) error {
	return enum.Unmarshal(exceptionNames, b, e, "withdrawal exception", ErrSyntax)
}

// SourceConsumerRights is the citation source of the Consumer Rights
// Directive.
const SourceConsumerRights = "Directive 2011/83/EU"

// WithdrawalFunctionFrom is the day online traders must offer a withdrawal
// function on their interface (Directive 2023/2673, Art. 11a of Directive
// 2011/83/EU): 2026-06-19.
var WithdrawalFunctionFrom = contract.MustParseDate("2026-06-19")

// DistanceSale is an [Order] sold at a distance, with the facts the right
// of withdrawal turns on. In JSON:
// {"order":{...},"consumer":true,"kind":"goods","concluded":"2026-06-22","delivered":"2026-06-25"}.
type DistanceSale struct {
	// Order is what was sold.
	Order Order `json:"order"`
	// Consumer reports that the buyer is a consumer; a business has no
	// statutory right of withdrawal (the OpenDIMS terms 19.5 exclude it
	// for their business customers, too).
	Consumer bool `json:"consumer"`
	// Kind is what the contract sells.
	Kind SaleKind `json:"kind"`
	// Concluded is the day the contract was concluded.
	Concluded contract.Date `json:"concluded"`
	// Delivered is the day the consumer took physical possession of the
	// goods, of the last item when they came in parts; zero until then.
	Delivered contract.Date `json:"delivered,omitzero"`
	// NotInformed reports that the trader did not inform the consumer of
	// the right of withdrawal as Art. 6(1)(h) requires.
	NotInformed bool `json:"not_informed,omitzero"`
	// InformedLate is the day the trader gave that information late, if it
	// did (Art. 10(2)); zero otherwise.
	InformedLate contract.Date `json:"informed_late,omitzero"`
	// Exception is the Art. 16 exception that applies, if any.
	Exception WithdrawalException `json:"exception,omitzero"`
}

// WithdrawalPeriod decides whether the consumer may withdraw from s on day
// on, counted by c (Reg. 1182/71 with the trader's holidays; the period is
// a deadline to act, so a last day on a weekend or holiday rolls to the
// next working day). The decision's Date is the last day to withdraw.
//
// The period is 14 days from conclusion for a service or digital content,
// from delivery for goods (Art. 9(2)): goods delivered on Thu 2026-06-25
// may be returned until the end of Thu 2026-07-09. When the consumer was
// not informed of the right, the period ends 12 months after the end of the
// 14 days (Art. 10(1)); information given late within those 12 months
// starts 14 days from the day it was received (Art. 10(2)). A business
// buyer, goods not yet delivered (the period has not started; the consumer
// may still withdraw, Art. 9(3)), and the exceptions of Art. 16 are
// decided with their citations. on before Concluded is refused.
func (s DistanceSale) WithdrawalPeriod(c contract.Counter, on contract.Date) contract.Decision {
	cite := func(ref string) contract.Citation { return contract.Cite(SourceConsumerRights, ref) }
	d := contract.Decision{Rule: SourceConsumerRights + " Art. 9", Citations: []contract.Citation{cite("Art. 9")}}
	switch {
	case !s.Consumer:
		d.Reason = reasonOf(rsWithdrawBusiness)
		return d
	case s.Exception != NoException && int(s.Exception) < len(exceptionRefs):
		d.Rule = SourceConsumerRights + " Art. 16"
		d.Citations = []contract.Citation{cite(exceptionRefs[s.Exception])}
		d.Reason = reasonOf(rsWithdrawException, s.Exception.String())
		return d
	case s.Concluded.IsZero() || on.Before(s.Concluded):
		d.Reason = reasonOf(rsWithdrawBefore)
		return d
	}
	from := s.Concluded
	if s.Kind == Goods {
		if s.Delivered.IsZero() {
			d.Allowed, d.From = true, s.Concluded
			d.Citations = append(d.Citations, cite("Art. 9(3)"))
			d.Reason = reasonOf(rsWithdrawUndelivered)
			return d
		}
		from = s.Delivered
	}
	d.From = from
	last, err := c.DeadlineToAct(from, contract.Days(14))
	if err != nil {
		d.Reason = reasonOf(rsWithdrawUncountable)
		return d
	}
	end := last.Date
	if s.NotInformed {
		d.Citations = append(d.Citations, cite("Art. 10"))
		ext, err := c.DeadlineToAct(end, contract.Months(12))
		if err == nil {
			end = ext.Date
		}
		if !s.InformedLate.IsZero() && !s.InformedLate.After(end) {
			if late, err := c.DeadlineToAct(s.InformedLate, contract.Days(14)); err == nil {
				end = late.Date
			}
		}
	}
	d.Date = end
	if on.After(end) {
		d.Reason = reasonOf(rsWithdrawEnded, end)
		return d
	}
	d.Allowed = true
	d.Reason = reasonOf(rsWithdrawUntil, end)
	return d
}

// What codes of the obligations of a distance sale.
const (
	// WhatWithdraw is the consumer's right to withdraw (Art. 9).
	WhatWithdraw = "withdraw"
	// WhatWithdrawalFunction is the trader's duty to offer the withdrawal
	// function online while the right lasts (Art. 11a, from 2026-06-19).
	WhatWithdrawalFunction = "offer_withdrawal_function"
	// WhatRefund is the trader's duty to reimburse every payment within
	// 14 days of the withdrawal (Art. 13(1)).
	WhatRefund = "refund"
	// WhatReturnGoods is the consumer's duty to send the goods back within
	// 14 days of the withdrawal (Art. 14(1)).
	WhatReturnGoods = "return_goods"
)

// Obligations gives the dated rights and duties of a distance sale in zone
// loc: the consumer's right to withdraw until the end of the period, the
// trader's duty to offer the withdrawal function while it lasts (from
// 2026-06-19, Art. 11a), and, once the consumer withdrew on withdrawn (not
// zero), the trader's duty to refund within 14 days and the consumer's duty
// to send goods back within 14 days (Art. 13(1), 14(1)); the trader may
// withhold the refund until it has the goods or proof they were sent (Art.
// 13(3)). The trader is the provider side and the consumer the customer
// side. A sale without the right gives none.
func (s DistanceSale) Obligations(c contract.Counter, loc *time.Location, withdrawn contract.Date) []contract.Obligation {
	if loc == nil {
		return nil
	}
	at := func(d contract.Date) time.Time { t, _ := d.In(loc); return t }
	d := s.WithdrawalPeriod(c, s.Concluded)
	if !d.Allowed {
		return nil
	}
	cites := d.Citations
	var out []contract.Obligation
	right := contract.Obligation{Party: contract.CustomerSide, What: WhatWithdraw, Right: true, From: at(s.Concluded),
		Ref: s.Order.Number, Rule: d.Rule, Citations: cites}
	if !d.Date.IsZero() {
		right.Until, right.Deadline = at(d.Date.AddDays(1)), contract.ToAct
	}
	if !withdrawn.IsZero() && (right.Until.IsZero() || at(withdrawn).Before(right.Until)) {
		right.Until, right.Deadline = at(withdrawn.AddDays(1)), 0
	}
	out = append(out, right)
	fnFrom := s.Concluded
	if fnFrom.Before(WithdrawalFunctionFrom) {
		fnFrom = WithdrawalFunctionFrom
	}
	if right.Until.IsZero() || at(fnFrom).Before(right.Until) {
		out = append(out, contract.Obligation{Party: contract.ProviderSide, What: WhatWithdrawalFunction, From: at(fnFrom),
			Until: right.Until, Deadline: right.Deadline, Ref: s.Order.Number, Rule: SourceConsumerRights + " Art. 11a",
			Citations: []contract.Citation{contract.Cite(SourceConsumerRights, "Art. 11a"), contract.Cite("Directive 2023/2673", "Art. 1")}})
	}
	if withdrawn.IsZero() {
		return out
	}
	if due, err := c.DeadlineToAct(withdrawn, contract.Days(14)); err == nil {
		out = append(out, contract.Obligation{Party: contract.ProviderSide, What: WhatRefund, From: at(withdrawn),
			Until: at(due.Date.AddDays(1)), Deadline: contract.ToAct, Ref: s.Order.Number, Rule: SourceConsumerRights + " Art. 13",
			Citations: []contract.Citation{contract.Cite(SourceConsumerRights, "Art. 13(1)"), contract.Cite(SourceConsumerRights, "Art. 13(3)")}})
		if s.Kind == Goods && !s.Delivered.IsZero() {
			out = append(out, contract.Obligation{Party: contract.CustomerSide, What: WhatReturnGoods, From: at(withdrawn),
				Until: at(due.Date.AddDays(1)), Deadline: contract.ToAct, Ref: s.Order.Number, Rule: SourceConsumerRights + " Art. 14",
				Citations: []contract.Citation{contract.Cite(SourceConsumerRights, "Art. 14(1)")}})
		}
	}
	return out
}

// Reasons of the withdrawal decisions; the English text is the key.
const (
	rsWithdrawBusiness    = "a business buyer has no statutory right of withdrawal"
	rsWithdrawException   = "the right of withdrawal does not apply: exception %s"
	rsWithdrawBefore      = "there is nothing to withdraw from before the contract is concluded"
	rsWithdrawUndelivered = "the goods are not delivered yet, so the period has not started; the consumer may withdraw already"
	rsWithdrawUncountable = "the withdrawal period cannot be counted from that day"
	rsWithdrawEnded       = "the right of withdrawal ended at the end of %s"
	rsWithdrawUntil       = "the consumer may withdraw until the end of %s"
)

var withdrawalCat = explain.Catalog(map[string]string{
	rsWithdrawBusiness:    "en erhvervskøber har ingen lovbestemt fortrydelsesret",
	rsWithdrawException:   "fortrydelsesretten gælder ikke: undtagelse %s",
	rsWithdrawBefore:      "der er intet at fortryde, før aftalen er indgået",
	rsWithdrawUndelivered: "varerne er ikke leveret endnu, så fristen er ikke begyndt; forbrugeren kan allerede fortryde",
	rsWithdrawUncountable: "fortrydelsesfristen kan ikke beregnes fra den dag",
	rsWithdrawEnded:       "fortrydelsesretten udløb ved udgangen af %s",
	rsWithdrawUntil:       "forbrugeren kan fortryde indtil udgangen af %s",
})

func reasonOf(key string, args ...any) contract.Reason {
	return contract.NewReason(withdrawalCat, key, args...)
}
