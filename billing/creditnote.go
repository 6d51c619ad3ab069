package billing

import (
	"strconv"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
)

// CreditReason is why a credit note is issued. It decides whether the
// credit is owed (terms 19.4 refuses refunds for partly used periods; an
// error is always corrected) and how the credit changes the late interest
// on the invoice it corrects ([Invoice.CorrectedDebt]). The zero value is
// invalid.
type CreditReason uint8

const (
	// CreditError corrects an error in the invoice -- a wrong price,
	// quantity, VAT rate or buyer. It is always possible: the invoice was
	// never owed as issued, so the credited amount is removed from the
	// debt from its due date and what was paid over the corrected amount
	// is owed back (momsbekendtgørelsen § 58, stk. 2 requires the
	// reference to the invoice corrected).
	CreditError CreditReason = iota + 1
	// CreditUnusedTime asks for credit for the unused part of a paid
	// period, such as the rest of a month after a cancellation. Terms 19.4
	// gives no refund or credit for partly used periods, so
	// [NewCreditNote] refuses it; a provider that wants to give it anyway
	// issues a CreditGoodwill note.
	CreditUnusedTime
	// CreditGoodwill is a credit the provider grants by choice, not owed:
	// a concession or a discount given after the invoice. It counts like a
	// payment received on the day the note is issued, so interest runs on
	// the full amount until then.
	CreditGoodwill
)

var creditReasonNames = enum.Names{CreditError: "error", CreditUnusedTime: "unused_time", CreditGoodwill: "goodwill"}

// String returns "error", "unused_time" or "goodwill".
func (r CreditReason) String() string { return enum.String(creditReasonNames, r, "CreditReason") }

// MarshalText implements encoding.TextMarshaler; the zero reason is an
// error.
func (r CreditReason) MarshalText() ([]byte, error) {
	return enum.Marshal(creditReasonNames, r, "credit reason", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (r *CreditReason) UnmarshalText(b []byte) error {
	return enum.Unmarshal(creditReasonNames, b, r, "credit reason", ErrSyntax)
}

var (
	citeMomsbek58stk2 = contract.Cite("momsbekendtgørelsen", "§ 58, stk. 2")
	citeNoRefund      = contract.Clause("19.4")
)

// RefundOwed decides whether credit for reason r is owed to the customer:
// an error is always corrected (momsbekendtgørelsen § 58, stk. 2), credit
// for the unused part of a paid period is not (terms 19.4: no refunds or
// credit for partly used months), and goodwill is the provider's to give.
// A refused decision is an answer, not an error; [NewCreditNote] refuses
// to issue a note for a reason RefundOwed refuses.
func RefundOwed(r CreditReason) contract.Decision {
	d := contract.Decision{Rule: "terms 19.4"}
	switch r {
	case CreditError:
		d.Allowed = true
		d.Citations = contract.CitationList{citeMomsbek58stk2}
		d.Reason = reason(rsCreditError)
	case CreditGoodwill:
		d.Allowed = true
		d.Citations = contract.CitationList{citeNoRefund}
		d.Reason = reason(rsCreditGoodwill)
	default:
		d.Citations = contract.CitationList{citeNoRefund, cite191}
		d.Reason = reason(rsCreditUnusedTime)
	}
	return d
}

// CreditLine is one line of a partial credit note as the host gives it:
// Quantity units of invoice line Line credited at UnitPrice each (the
// invoice line's unit price when zero). Crediting 2 of 5 licences, or a
// price 10.00 too high on 3 units (Quantity 3, UnitPrice 10.00), are
// both one CreditLine.
type CreditLine struct {
	// Line is the number of the invoice line credited, counted from 1 as
	// the invoice prints its lines (and as [Allowance.Line] counts them).
	Line int `json:"line" validate:"required,gte=1"`
	// Quantity is the quantity credited, more than 0.
	Quantity contract.Decimal `json:"quantity" validate:"dgt=0"`
	// UnitPrice is the amount credited per unit excluding VAT, in the
	// invoice's currency; zero means the invoice line's unit price.
	UnitPrice contract.Money `json:"unit_price,omitzero"`
	// Description replaces the invoice line's description on the note
	// when given ("price correction").
	Description string `json:"description,omitempty" validate:"max=500"`
}

// CreditNoteInput is what the host knows when it issues a credit note.
type CreditNoteInput struct {
	// Number is the note's number, taken from the same counter as the
	// host's invoice numbers: a credit note is an invoice in
	// momsbekendtgørelsen § 58's sense and shares its unbroken sequence.
	Number string        `json:"number" validate:"required,max=100"`
	Issued contract.Date `json:"issued" validate:"required"`
	Reason CreditReason  `json:"reason" validate:"required"`
	// Lines are the lines credited; none means the whole invoice, or all
	// of it that earlier notes left.
	Lines []CreditLine `json:"lines,omitempty" validate:"dive"`
}

// CreditNoteLine is one line of a credit note: what it credits, with
// amounts rounded as on the invoice and positive, and the index of the
// invoice line it corrects.
type CreditNoteLine struct {
	InvoiceLine
	// Ref is the number of the invoice line credited, from 1.
	Ref int `json:"ref"`
}

// CreditNote is a credit note (kreditnota): a document that reduces an
// issued invoice, with the specific and unambiguous reference to it that
// momsbekendtgørelsen § 58, stk. 2 requires -- its number and its date.
// Its amounts are positive and say what is credited; it carries its own
// VAT summary, by rate, which reconciles to the øre with its lines. The
// parties, the treatment and the notice are the invoice's.
type CreditNote struct {
	Number string        `json:"number"`
	Issued contract.Date `json:"issued"`
	// Invoice and InvoiceIssued are the number and date of the invoice
	// corrected.
	Invoice       string         `json:"invoice"`
	InvoiceIssued contract.Date  `json:"invoice_issued"`
	Reason        CreditReason   `json:"reason"`
	Seller        contract.Party `json:"seller"`
	Buyer         contract.Party `json:"buyer"`
	Treatment     VATTreatment   `json:"vat_treatment"`
	// Lines are the lines credited.
	Lines      []CreditNoteLine `json:"lines"`
	VATSummary []VATSummary     `json:"vat_summary"`
	// Net, VAT and Total are the amounts credited: sums of the lines'
	// rounded amounts, Total = Net + VAT.
	Net   contract.Money `json:"net_amount"`
	VAT   contract.Money `json:"vat"`
	Total contract.Money `json:"total"`
	// Notice is the invoice's VAT notice, repeated.
	Notice string `json:"notice,omitempty"`
	// Refund is [RefundOwed] for the note's reason.
	Refund    contract.Decision   `json:"refund"`
	Citations []contract.Citation `json:"citations"`
}

// Corrects reports whether n refers to inv, by number and date.
func (n CreditNote) Corrects(inv Invoice) bool {
	return n.Invoice == inv.Number && n.InvoiceIssued == inv.Issued
}

// NewCreditNote issues a credit note against inv, which earlier credit
// notes prior have already corrected. An invoice and its credit notes
// never go below zero: no line is credited more net or VAT than it has
// left. A note without lines credits all that is left (a full credit
// note); a partial note credits its lines.
//
// The VAT of each line is rounded cumulatively: the VAT credited on an
// invoice line up to and including this note is the line's rate times all
// the net credited on it, rounded half away from zero, so a line credited
// in several notes never has more VAT credited than it carried. On a line
// of 1.00 DKK net at 25 % (VAT 0.25), crediting 0.02 three times gives VAT
// 0.01, 0.00 and 0.01 -- 0.02 for 0.06, as on one note -- not 0.03.
//
// Every problem is reported at once in a [*contract.ValidationError]
// wrapping [ErrInvalid]: a missing number ("number"), an issue date before
// the invoice's ("issued", gtefield), the reason [CreditUnusedTime]
// ("reason", rule "no_refund", param "terms 19.4"), a line index outside
// the invoice ("lines[0].line", lte), a unit price in another currency
// ("lines[0].unit_price", currency_mismatch), more than a line has left
// ("lines[0].quantity", rule "exceeds_invoice"), a prior note for another
// invoice ("prior[0].invoice", eqfield), nothing left to credit ("lines",
// rule "nothing_left").
func NewCreditNote(inv Invoice, prior []CreditNote, in CreditNoteInput) (CreditNote, error) {
	var ps contract.Problems
	ps.Check("", in)
	if !in.Issued.IsZero() && in.Issued.Before(inv.Issued) {
		ps.Add("issued", "gtefield", "invoice.issued")
	}
	if in.Reason == CreditUnusedTime {
		ps.Add("reason", "no_refund", "terms 19.4")
	} else if in.Reason > CreditGoodwill {
		ps.Add("reason", "oneof", "error unused_time goodwill")
	}
	if inv.Number == "" || len(inv.Lines) == 0 {
		ps.Add("invoice", "required", "")
	}
	cur := inv.Total.Currency()
	scale := money.Scale(cur)
	// What each invoice line has left, in minor units: net and VAT.
	type left struct{ net, vat, creditedNet int64 }
	rest := make([]left, len(inv.Lines))
	for i, l := range inv.Lines {
		rest[i].net, _ = minor(l.Net)
		rest[i].vat, _ = minor(l.VAT)
	}
	for k, n := range prior {
		if !n.Corrects(inv) {
			ps.Add("prior["+strconv.Itoa(k)+"].invoice", "eqfield", "invoice.number")
			continue
		}
		for _, l := range n.Lines {
			i := l.Ref - 1
			if i < 0 || i >= len(rest) || l.Net.Currency() != cur {
				ps.Add("prior["+strconv.Itoa(k)+"].lines", "invalid", "")
				continue
			}
			a, _ := minor(l.Net)
			v, _ := minor(l.VAT)
			rest[i].net -= a
			rest[i].vat -= v
			rest[i].creditedNet += a
		}
	}
	for i := range rest {
		if rest[i].net < 0 || rest[i].vat < 0 {
			ps.Add("prior", "exceeds_invoice", strconv.Itoa(i))
		}
	}
	if err := invalid(&ps, "new credit note"); err != nil {
		return CreditNote{}, err
	}

	n := CreditNote{Number: in.Number, Issued: in.Issued, Invoice: inv.Number, InvoiceIssued: inv.Issued,
		Reason: in.Reason, Seller: inv.Seller, Buyer: inv.Buyer, Treatment: inv.Treatment, Notice: inv.Notice,
		Refund: RefundOwed(in.Reason)}
	var net, vat int64
	add := func(ref int, l Line, a int64) {
		r := &rest[ref]
		src := inv.Lines[ref]
		// Cumulative VAT: the rate on all net credited so far, rounded,
		// less what earlier notes credited; never more than is left.
		v := r.vat
		if a != r.net {
			lineVAT, _ := minor(src.VAT)
			cum := money.Round(decimal.New(r.creditedNet+a, -scale).Mul(src.VATRate.Decimal()), cur)
			c, _ := money.ToMinor(cum, scale)
			v = min(max(c-(lineVAT-r.vat), 0), r.vat)
		}
		r.net -= a
		r.vat -= v
		r.creditedNet += a
		net, vat = net+a, vat+v
		l.VATRate = src.VATRate
		n.Lines = append(n.Lines, CreditNoteLine{Ref: ref + 1,
			InvoiceLine: InvoiceLine{Line: l, Net: fromMinor(a, cur, scale), VAT: fromMinor(v, cur, scale)}})
	}
	if len(in.Lines) == 0 {
		for i, r := range rest {
			if r.net <= 0 {
				continue
			}
			src := inv.Lines[i]
			l := src.Line
			if r.creditedNet != 0 {
				// What is left of a line credited in part is one unit of
				// its remaining net.
				l.Quantity = contract.Dec(decimal.New(1, 0))
				l.UnitPrice = fromMinor(r.net, cur, scale)
			}
			add(i, l, r.net)
		}
		if len(n.Lines) == 0 {
			ps.Add("lines", "nothing_left", "")
		}
	}
	for i, cl := range in.Lines {
		path := "lines[" + strconv.Itoa(i) + "]"
		ix := cl.Line - 1
		if ix < 0 || ix >= len(inv.Lines) {
			if cl.Line > 0 {
				ps.Add(path+".line", "lte", strconv.Itoa(len(inv.Lines)))
			}
			continue
		}
		src := inv.Lines[ix]
		price := cl.UnitPrice
		if price.IsZero() {
			price = src.UnitPrice
		} else if rule, param := amountProblem(price, contract.CurrencyOf(cur), positive); rule != "" {
			ps.Add(path+".unit_price", rule, param)
			continue
		}
		q := cl.Quantity.Decimal()
		if q.Sign() <= 0 {
			continue // the tags reported it
		}
		if !readable(q, 0) {
			ps.Add(path+".quantity", "range", "")
			continue
		}
		a, ok := money.ToMinor(money.Round(q.Mul(price.Amount()), cur), scale)
		if ok && a == 0 {
			ps.Add(path+".quantity", "zero_amount", "")
			continue
		}
		if !ok || a > rest[ix].net {
			ps.Add(path+".quantity", "exceeds_invoice", fromMinor(rest[ix].net, cur, scale).Text())
			continue
		}
		l := src.Line
		l.Quantity, l.UnitPrice = cl.Quantity, price
		if cl.Description != "" {
			l.Description = cl.Description
		}
		add(ix, l, a)
	}
	if err := invalid(&ps, "new credit note"); err != nil {
		return CreditNote{}, err
	}
	n.Net, n.VAT, n.Total = fromMinor(net, cur, scale), fromMinor(vat, cur, scale), fromMinor(net+vat, cur, scale)
	invLines := make([]InvoiceLine, len(n.Lines))
	for i, l := range n.Lines {
		invLines[i] = l.InvoiceLine
	}
	n.VATSummary = summarize(nil, invLines, cur, scale)
	n.Citations = []contract.Citation{citeMomsbek58, citeMomsbek58stk2}
	if in.Reason != CreditError {
		n.Citations = append(n.Citations, citeNoRefund)
	}
	return n, nil
}

// Balance returns what is left of inv after the credit notes that correct
// it (by number and date; others are ignored): Total less their totals,
// never below zero for notes issued by [NewCreditNote]. An invoice of
// 1,250.00 DKK with a note of 250.00 DKK has a balance of 1,000.00 DKK.
// A note in another currency is an error wrapping [ErrCurrencyMismatch].
func (inv Invoice) Balance(notes ...CreditNote) (contract.Money, error) {
	b := inv.Total
	for _, n := range notes {
		if !n.Corrects(inv) {
			continue
		}
		var err error
		if b, err = b.Sub(n.Total); err != nil {
			return contract.Money{}, err
		}
	}
	return b, nil
}

// CorrectedDebt returns inv as a debt for the late-payment rules after the
// credit notes that correct it, owed by a customer of kind k. A note for
// an error ([CreditError]) lowers the amount itself: the invoice was never
// owed as issued, so no interest runs on what it credits, from the due
// date on. Any other note counts as a payment on the day it is issued:
// interest runs on the full amount until then. 10,000.00 DKK due
// 2025-03-01 with a 2,000.00 DKK error note is a debt of 8,000.00 DKK;
// with a goodwill note of 2,000.00 DKK on 2025-03-31 it is 10,000.00 DKK
// paid 2,000.00 on 2025-03-31.
//
// An invoice credited in full for errors owes nothing: the debt's amount
// is zero, which [InterestRules.Interest] refuses -- check
// [Invoice.Balance] first. Notes in another currency are an error
// wrapping [ErrCurrencyMismatch].
func (inv Invoice) CorrectedDebt(k CustomerKind, notes ...CreditNote) (Debt, error) {
	d := inv.Debt(k)
	for _, n := range notes {
		if !n.Corrects(inv) {
			continue
		}
		if n.Reason == CreditError {
			var err error
			if d.Amount, err = d.Amount.Sub(n.Total); err != nil {
				return Debt{}, err
			}
			continue
		}
		if n.Total.Currency() != d.Amount.Currency() {
			return Debt{}, problem("corrected debt", "notes", ruleMixedCurrency, d.Amount.Currency().String())
		}
		if n.Total.IsPositive() {
			d.Payments = append(d.Payments, Payment{Date: n.Issued, Amount: n.Total})
		}
	}
	return d, nil
}
