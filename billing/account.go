package billing

import (
	"slices"
	"strconv"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/enum"
	"github.com/pimkit/pimkit/internal/money"
	"golang.org/x/text/currency"
)

// AccountPayment is money received from a customer on its account. The
// payer may designate the invoice it pays; otherwise, and for what is
// left once that invoice is settled, [StatementOfAccount] allocates it by
// [AllocationRule].
type AccountPayment struct {
	// ID is the host's ID of the payment: a bank reference.
	ID     string         `json:"id" validate:"required,max=100"`
	Date   contract.Date  `json:"date" validate:"required"`
	Amount contract.Money `json:"amount"`
	// Invoice is the number of the invoice the payer designated; empty
	// for none.
	Invoice string `json:"invoice,omitempty" validate:"max=100"`
}

// Refund is money paid back to the customer out of its credit balance.
type Refund struct {
	ID     string         `json:"id" validate:"required,max=100"`
	Date   contract.Date  `json:"date" validate:"required"`
	Amount contract.Money `json:"amount"`
}

// StatementInput is a customer's account as the host holds it: the
// invoices issued to it, the credit notes correcting them, the payments
// received, the refunds made and the collections of overdue invoices
// (their demand fees and compensation), all in one currency.
type StatementInput struct {
	Customer    CustomerKind     `json:"customer" validate:"required"`
	Invoices    []Invoice        `json:"invoices"`
	CreditNotes []CreditNote     `json:"credit_notes,omitempty"`
	Payments    []AccountPayment `json:"payments,omitempty" validate:"dive"`
	Refunds     []Refund         `json:"refunds,omitempty" validate:"dive"`
	// Collections hold the demand fees and the compensation claimed on
	// overdue invoices, matched to them by [Collection.Invoice].
	Collections []Collection `json:"collections,omitempty" validate:"-"`
}

// AllocationRule is the rule by which [StatementOfAccount] allocates
// payments, stated so a customer can follow it: each payment, in date
// order, first settles the invoice the payer designated, up to what is
// left of it; the rest settles the open invoices oldest first (by due
// date, then issue date, then number); what is left after that is held
// as a credit balance, which settles invoices issued later, on their
// issue date, and from which refunds are paid. A credit note that takes
// an invoice below what was paid on it moves the difference to the
// credit balance. Payments settle invoice amounts (principal); interest,
// fees and compensation are stated beside them, and the total owed is
// principal, interest, fees and compensation less the credit balance.
const AllocationRule = "payments settle the designated invoice, then the oldest open invoice first; any excess is held as a credit balance"

// Allocation is the part of a payment (or of the credit balance, with
// Payment "credit_balance") that settled an invoice.
type Allocation struct {
	Payment string         `json:"payment"`
	Invoice string         `json:"invoice"`
	Date    contract.Date  `json:"date"`
	Amount  contract.Money `json:"amount"`
	// Designated reports that the payer designated the invoice.
	Designated bool `json:"designated,omitempty"`
}

// CreditBalancePayment is the Payment of an [Allocation] made from the
// customer's credit balance.
const CreditBalancePayment = "credit_balance"

// StatementLineKind is the kind of a line of an [AccountStatement]. The
// zero value is invalid.
type StatementLineKind uint8

const (
	// InvoiceLineKind is an invoice's amount owed.
	InvoiceLineKind StatementLineKind = iota + 1
	// CreditNoteLineKind is a credit note's amount, taken off.
	CreditNoteLineKind
	// PaymentLineKind is a payment received, taken off.
	PaymentLineKind
	// RefundLineKind is a refund of the credit balance, owed again.
	RefundLineKind
	// InterestLineKind is the late interest on an invoice up to the
	// statement's date.
	InterestLineKind
	// FeeLineKind is the demand fees on an invoice.
	FeeLineKind
	// CompensationLineKind is the compensation for recovery costs on an
	// invoice.
	CompensationLineKind
)

var statementLineKindNames = enum.Names{InvoiceLineKind: "invoice", CreditNoteLineKind: "credit_note",
	PaymentLineKind: "payment", RefundLineKind: "refund", InterestLineKind: "interest", FeeLineKind: "fee",
	CompensationLineKind: "compensation"}

// String returns "invoice", "credit_note", "payment", "refund",
// "interest", "fee" or "compensation".
func (k StatementLineKind) String() string {
	return enum.String(statementLineKindNames, k, "StatementLineKind")
}

// MarshalText implements encoding.TextMarshaler; the zero kind is an
// error.
func (k StatementLineKind) MarshalText() ([]byte, error) {
	return enum.Marshal(statementLineKindNames, k, "statement line kind", ErrSyntax)
}

// UnmarshalText implements encoding.TextUnmarshaler.
// It compares the text with the names and allocates at most an error of
// fixed size, within the bound of every pimkit decoder: 16 bytes per
// input byte plus 64 KiB.
func (k *StatementLineKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(statementLineKindNames, b, k, "statement line kind", ErrSyntax)
}

// StatementLine is one line of a statement of account: what it is, its
// date, the invoice it concerns and the document it comes from (the
// invoice, credit note, payment or refund), its amount -- positive for
// what is owed, negative for what is taken off -- and what it rests on.
type StatementLine struct {
	Kind StatementLineKind `json:"kind"`
	Date contract.Date     `json:"date"`
	// Invoice is the invoice concerned; empty for a payment allocated to
	// none and for a refund.
	Invoice string `json:"invoice,omitempty"`
	// Ref is the document's own number or ID.
	Ref       string              `json:"ref"`
	Amount    contract.Money      `json:"amount"`
	Citations []contract.Citation `json:"citations"`
}

// AccountStatement is a customer's statement of account at a date: every
// line, the allocation of every payment, and the totals. The totals
// reconcile exactly: Total = Principal + Interest + Fees + Compensation
// - CreditBalance, and the payments received equal the allocations plus
// the credit balance plus the refunds.
type AccountStatement struct {
	At          contract.Date   `json:"at"`
	Lines       []StatementLine `json:"lines"`
	Allocations []Allocation    `json:"allocations"`
	// Principal is what is left of the invoices after credit notes and
	// allocations.
	Principal    contract.Money `json:"principal"`
	Interest     contract.Money `json:"interest"`
	Fees         contract.Money `json:"fees"`
	Compensation contract.Money `json:"compensation"`
	// Paid is the payments received and Refunded the refunds made.
	Paid     contract.Money `json:"paid"`
	Refunded contract.Money `json:"refunded"`
	// CreditBalance is what the customer has to its credit: overpayments
	// and credit notes beyond what was owed, less refunds.
	CreditBalance contract.Money `json:"credit_balance"`
	// Total is what the customer owes at At; negative when its credit
	// balance exceeds what it owes.
	Total contract.Money `json:"total"`
	// Rule is [AllocationRule].
	Rule string `json:"rule"`
}

var (
	citeAllocation = contract.Cite("allocation rule", "oldest first unless designated")
	citePayment    = contract.Clause("12.3")
)

// StatementOfAccount makes up the customer's account at day at: each
// invoice issued, credit note, payment and refund dated on or before at,
// with the late interest of each invoice up to at by rules (on its
// balance after credit notes, as [Invoice.CorrectedDebt] counts them,
// and the payments allocated to it), the fees and compensation of its
// collection, each line cited. Payments are allocated by
// [AllocationRule].
//
// Invoice 2025-0001 of 1,000.00 DKK due 2025-03-01 and 2025-0002 of
// 500.00 DKK due 2025-04-01, and a payment of 1,200.00 on 2025-03-10
// designating neither: 1,000.00 settles 2025-0001 and 200.00 goes to
// 2025-0002, which leaves 300.00 of principal. A payment of 2,000.00
// instead leaves a credit balance of 500.00 and a total of -500.00.
//
// Every problem is reported at once in a [*contract.ValidationError]
// wrapping [ErrInvalid]: amounts in another currency than the first
// invoice's ("payments[0].amount", currency_mismatch), a payment or refund
// not positive ("refunds[0].amount", gt), a refund beyond the credit
// balance on its day ("refunds[0].amount", rule "exceeds_credit"), an
// unknown customer kind ("customer"), a zero at ("at"). Interest errors
// (such as [ErrNoRate]) are returned as [InterestRules.Interest] gives
// them.
func StatementOfAccount(in StatementInput, rules InterestRules, at contract.Date) (AccountStatement, error) {
	var ps contract.Problems
	ps.Check("", in)
	if at.IsZero() {
		ps.Add("at", "required", "")
	}
	var cur currency.Unit
	if len(in.Invoices) > 0 {
		cur = in.Invoices[0].Total.Currency()
	} else if len(in.Payments) > 0 {
		cur = in.Payments[0].Amount.Currency()
	}
	c := contract.CurrencyOf(cur)
	seen := make(map[string]bool, len(in.Invoices))
	for i, inv := range in.Invoices {
		if inv.Total.Currency() != cur {
			ps.Add("invoices["+strconv.Itoa(i)+"].total", ruleMixedCurrency, cur.String())
		}
		if seen[inv.Number] {
			ps.Add("invoices["+strconv.Itoa(i)+"].number", "unique", "")
		}
		seen[inv.Number] = true
	}
	for i, n := range in.CreditNotes {
		if n.Total.Currency() != cur {
			ps.Add("credit_notes["+strconv.Itoa(i)+"].total", ruleMixedCurrency, cur.String())
		}
	}
	for i, p := range in.Payments {
		checkAmount(&ps, "payments["+strconv.Itoa(i)+"].amount", p.Amount, c, positive)
	}
	for i, r := range in.Refunds {
		checkAmount(&ps, "refunds["+strconv.Itoa(i)+"].amount", r.Amount, c, positive)
	}
	if in.Customer > Consumer {
		ps.Add("customer", "oneof", "business consumer")
	}
	if err := invalid(&ps, "statement of account"); err != nil {
		return AccountStatement{}, err
	}
	scale := money.Scale(cur)
	st := AccountStatement{At: at, Rule: AllocationRule}

	// Events in date order; on one day invoices, then credit notes, then
	// payments, then refunds.
	type event struct {
		date  contract.Date
		order int
		i     int
	}
	var evs []event
	for i, inv := range in.Invoices {
		if !inv.Issued.After(at) {
			evs = append(evs, event{inv.Issued, 0, i})
		}
	}
	for i, n := range in.CreditNotes {
		if !n.Issued.After(at) {
			evs = append(evs, event{n.Issued, 1, i})
		}
	}
	for i, p := range in.Payments {
		if !p.Date.After(at) {
			evs = append(evs, event{p.Date, 2, i})
		}
	}
	for i, r := range in.Refunds {
		if !r.Date.After(at) {
			evs = append(evs, event{r.Date, 3, i})
		}
	}
	slices.SortStableFunc(evs, func(a, b event) int {
		if c := a.date.Compare(b.date); c != 0 {
			return c
		}
		return a.order - b.order
	})

	open := map[string]int64{}   // invoice number -> principal left, minor units
	byNumber := map[string]int{} // invoice number -> index
	var order []int              // issued invoices, oldest due first
	var credit, paid, refunded int64
	allocated := map[string][]Payment{}
	m := func(n int64) contract.Money { return fromMinor(n, cur, scale) }
	allocate := func(pay, number string, date contract.Date, amount *int64, designated bool) {
		left := open[number]
		a := min(left, *amount)
		if a <= 0 {
			return
		}
		open[number] -= a
		*amount -= a
		st.Allocations = append(st.Allocations, Allocation{Payment: pay, Invoice: number, Date: date, Amount: m(a), Designated: designated})
		allocated[number] = append(allocated[number], Payment{Date: date, Amount: m(a)})
	}
	oldestFirst := func(pay string, date contract.Date, amount *int64) {
		for _, i := range order {
			if *amount == 0 {
				return
			}
			allocate(pay, in.Invoices[i].Number, date, amount, false)
		}
	}
	for _, e := range evs {
		switch e.order {
		case 0:
			inv := in.Invoices[e.i]
			total, _ := minor(inv.Total)
			open[inv.Number] += total
			byNumber[inv.Number] = e.i
			order = append(order, e.i)
			slices.SortStableFunc(order, func(a, b int) int {
				x, y := in.Invoices[a], in.Invoices[b]
				if c := x.Due.Compare(y.Due); c != 0 {
					return c
				}
				if c := x.Issued.Compare(y.Issued); c != 0 {
					return c
				}
				if x.Number < y.Number {
					return -1
				}
				if x.Number > y.Number {
					return 1
				}
				return 0
			})
			st.Lines = append(st.Lines, StatementLine{Kind: InvoiceLineKind, Date: inv.Issued, Invoice: inv.Number,
				Ref: inv.Number, Amount: inv.Total, Citations: []contract.Citation{citeMomsbek58, citePayment}})
			if credit > 0 {
				allocate(CreditBalancePayment, inv.Number, inv.Issued, &credit, false)
			}
		case 1:
			n := in.CreditNotes[e.i]
			a, _ := minor(n.Total)
			st.Lines = append(st.Lines, StatementLine{Kind: CreditNoteLineKind, Date: n.Issued, Invoice: n.Invoice,
				Ref: n.Number, Amount: m(-a), Citations: []contract.Citation{citeMomsbek58stk2}})
			if _, ok := byNumber[n.Invoice]; !ok {
				credit += a // a note for an invoice not on this account
				continue
			}
			open[n.Invoice] -= a
			if open[n.Invoice] < 0 {
				credit += -open[n.Invoice]
				open[n.Invoice] = 0
			}
		case 2:
			p := in.Payments[e.i]
			a, _ := minor(p.Amount)
			paid += a
			st.Lines = append(st.Lines, StatementLine{Kind: PaymentLineKind, Date: p.Date, Invoice: p.Invoice,
				Ref: p.ID, Amount: m(-a), Citations: []contract.Citation{citePayment, citeAllocation}})
			if _, ok := byNumber[p.Invoice]; ok && p.Invoice != "" {
				allocate(p.ID, p.Invoice, p.Date, &a, true)
			}
			oldestFirst(p.ID, p.Date, &a)
			credit += a
		case 3:
			r := in.Refunds[e.i]
			a, _ := minor(r.Amount)
			if a > credit {
				ps.Add("refunds["+strconv.Itoa(e.i)+"].amount", "exceeds_credit", m(credit).Text())
				continue
			}
			credit -= a
			refunded += a
			st.Lines = append(st.Lines, StatementLine{Kind: RefundLineKind, Date: r.Date, Ref: r.ID, Amount: m(a),
				Citations: []contract.Citation{citeAllocation}})
		}
	}
	if err := invalid(&ps, "statement of account"); err != nil {
		return AccountStatement{}, err
	}

	// Interest, fees and compensation per invoice, oldest due first.
	var notes []CreditNote
	for _, n := range in.CreditNotes {
		if !n.Issued.After(at) {
			notes = append(notes, n)
		}
	}
	var principal, interest, fees, comp int64
	for _, i := range order {
		inv := in.Invoices[i]
		principal += open[inv.Number]
		d, err := inv.CorrectedDebt(in.Customer, notes...)
		if err != nil {
			return AccountStatement{}, err
		}
		if d.Amount.IsPositive() && at.After(inv.Due) {
			d.Payments = append(d.Payments, allocated[inv.Number]...)
			is, err := rules.Interest(d, at)
			if err != nil {
				return AccountStatement{}, err
			}
			if t, _ := minor(is.Total); t > 0 {
				interest += t
				st.Lines = append(st.Lines, StatementLine{Kind: InterestLineKind, Date: at, Invoice: inv.Number,
					Ref: inv.Number, Amount: is.Total, Citations: is.Citations})
			}
		}
		for _, col := range in.Collections {
			if col.Invoice != inv.Number {
				continue
			}
			for _, dm := range col.Demands {
				if f, ok := minor(dm.Fee); ok && f > 0 && dm.Fee.Currency() == cur && !dm.Sent.After(at) {
					fees += f
					st.Lines = append(st.Lines, StatementLine{Kind: FeeLineKind, Date: dm.Sent, Invoice: inv.Number,
						Ref: inv.Number, Amount: dm.Fee, Citations: []contract.Citation{cite9b}})
				}
			}
			if f, ok := minor(col.Compensation); ok && f > 0 && col.Compensation.Currency() == cur && !col.CompensationClaimed.After(at) {
				comp += f
				st.Lines = append(st.Lines, StatementLine{Kind: CompensationLineKind, Date: col.CompensationClaimed,
					Invoice: inv.Number, Ref: inv.Number, Amount: col.Compensation, Citations: []contract.Citation{cite9a3, cite9a4}})
			}
		}
	}
	slices.SortStableFunc(st.Lines, func(a, b StatementLine) int { return a.Date.Compare(b.Date) })
	st.Principal, st.Interest, st.Fees, st.Compensation = m(principal), m(interest), m(fees), m(comp)
	st.Paid, st.Refunded, st.CreditBalance = m(paid), m(refunded), m(credit)
	st.Total = m(principal + interest + fees + comp - credit)
	if st.Allocations == nil {
		st.Allocations = []Allocation{}
	}
	return st, nil
}
