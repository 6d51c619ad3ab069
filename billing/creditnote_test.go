package billing

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/pimkit/pimkit/contract"
)

// invoiceFor returns an issued domestic invoice of the given lines
// (quantity, unit price in DKK, VAT rate).
func invoiceFor(t testing.TB, lines ...[3]string) Invoice {
	t.Helper()
	var ls []Line
	for _, l := range lines {
		ls = append(ls, Line{Description: "PIM subscription", Quantity: contract.Dec(dec(l[0])), UnitPrice: dkk(l[1]), VATRate: contract.Dec(dec(l[2]))})
	}
	inv, err := NewInvoice(input(ls...), contract.Counter{})
	if err != nil {
		t.Fatal(err)
	}
	return inv
}

func TestNewCreditNote(t *testing.T) {
	inv := invoiceFor(t, [3]string{"5", "100.00", "0.25"}, [3]string{"1", "249.00", "0.25"}, [3]string{"1", "50.00", "0"})
	tests := []struct {
		name            string
		in              CreditNoteInput
		net, vat, total string
		lines           int
	}{
		{"momsbekendtgørelsen § 58, stk. 2: full credit note of the whole invoice",
			CreditNoteInput{Number: "2026-0002", Issued: day("2026-02-02"), Reason: CreditError}, "799.00", "187.25", "986.25", 3},
		{"partial: 2 of 5 licences credited for an error",
			CreditNoteInput{Number: "2026-0002", Issued: day("2026-02-02"), Reason: CreditError,
				Lines: []CreditLine{{Line: 1, Quantity: contract.Dec(dec("2"))}}}, "200.00", "50.00", "250.00", 1},
		{"price correction: 10.00 too much on 3 units, goodwill",
			CreditNoteInput{Number: "2026-0002", Issued: day("2026-02-02"), Reason: CreditGoodwill,
				Lines: []CreditLine{{Line: 1, Quantity: contract.Dec(dec("3")), UnitPrice: dkk("10.00"), Description: "price correction"}}},
			"30.00", "7.50", "37.50", 1},
		{"VAT summary per rate: a 25 % and a 0 % line",
			CreditNoteInput{Number: "2026-0002", Issued: day("2026-02-02"), Reason: CreditError,
				Lines: []CreditLine{{Line: 2, Quantity: contract.Dec(dec("1"))}, {Line: 3, Quantity: contract.Dec(dec("1"))}}},
			"299.00", "62.25", "361.25", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := NewCreditNote(inv, nil, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if !n.Net.Equal(dkk(tt.net)) || !n.VAT.Equal(dkk(tt.vat)) || !n.Total.Equal(dkk(tt.total)) || len(n.Lines) != tt.lines {
				t.Errorf("NewCreditNote() = net %s vat %s total %s, %d lines; want %s %s %s, %d",
					n.Net, n.VAT, n.Total, len(n.Lines), tt.net, tt.vat, tt.total, tt.lines)
			}
			if n.Invoice != inv.Number || n.InvoiceIssued != inv.Issued || !n.Corrects(inv) {
				t.Errorf("reference = %s of %s, want %s of %s (§ 58, stk. 2: number and date)", n.Invoice, n.InvoiceIssued, inv.Number, inv.Issued)
			}
			var net, vat contract.Money = dkk("0"), dkk("0")
			for _, s := range n.VATSummary {
				net, _ = net.Add(s.Net)
				vat, _ = vat.Add(s.VAT)
			}
			if !net.Equal(n.Net) || !vat.Equal(n.VAT) {
				t.Errorf("VAT summary sums to %s + %s, want %s + %s", net, vat, n.Net, n.VAT)
			}
		})
	}
}

// TestCreditNoteCumulativeVAT is the doc comment's example: 1.00 DKK at
// 25 % credited 0.02 at a time never has more VAT credited than 0.25.
func TestCreditNoteCumulativeVAT(t *testing.T) {
	inv := invoiceFor(t, [3]string{"1", "1.00", "0.25"})
	var notes []CreditNote
	var vats []string
	for range 3 {
		n, err := NewCreditNote(inv, notes, CreditNoteInput{Number: "C", Issued: inv.Issued, Reason: CreditError,
			Lines: []CreditLine{{Line: 1, Quantity: contract.Dec(dec("1")), UnitPrice: dkk("0.02")}}})
		if err != nil {
			t.Fatal(err)
		}
		notes = append(notes, n)
		vats = append(vats, n.VAT.Text())
	}
	if got := vats[0] + " " + vats[1] + " " + vats[2]; got != "0.01 0.00 0.01" {
		t.Errorf("VAT of three 0.02 credits = %s, want 0.01 0.00 0.01", got)
	}
	last, err := NewCreditNote(inv, notes, CreditNoteInput{Number: "C", Issued: inv.Issued, Reason: CreditError})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := inv.Balance(append(notes, last)...)
	if !last.Net.Equal(dkk("0.94")) || !last.VAT.Equal(dkk("0.23")) || !b.Equal(dkk("0.00")) {
		t.Errorf("rest = %s + %s, balance %s; want 0.94 + 0.23, 0.00", last.Net, last.VAT, b)
	}
}

func TestNewCreditNoteProblems(t *testing.T) {
	inv := invoiceFor(t, [3]string{"5", "100.00", "0.25"})
	full, err := NewCreditNote(inv, nil, CreditNoteInput{Number: "C1", Issued: day("2026-02-01"), Reason: CreditError})
	if err != nil {
		t.Fatal(err)
	}
	other := full
	other.Invoice = "2026-9999"
	tests := []struct {
		name       string
		prior      []CreditNote
		in         CreditNoteInput
		path, rule string
	}{
		{"terms 19.4: no credit for unused time", nil,
			CreditNoteInput{Number: "C", Issued: day("2026-02-01"), Reason: CreditUnusedTime}, "reason", "no_refund"},
		{"momsbekendtgørelsen § 58(1)(2): a number", nil,
			CreditNoteInput{Issued: day("2026-02-01"), Reason: CreditError}, "number", "required"},
		{"a note is not issued before its invoice", nil,
			CreditNoteInput{Number: "C", Issued: day("2026-01-01"), Reason: CreditError}, "issued", "gtefield"},
		{"never below zero: 6 of 5 units", nil,
			CreditNoteInput{Number: "C", Issued: day("2026-02-01"), Reason: CreditError,
				Lines: []CreditLine{{Line: 1, Quantity: contract.Dec(dec("6"))}}}, "lines[0].quantity", "exceeds_invoice"},
		{"never below zero: after a full note nothing is left", []CreditNote{full},
			CreditNoteInput{Number: "C", Issued: day("2026-02-01"), Reason: CreditError}, "lines", "nothing_left"},
		{"a line the invoice does not have", nil,
			CreditNoteInput{Number: "C", Issued: day("2026-02-01"), Reason: CreditError,
				Lines: []CreditLine{{Line: 4, Quantity: contract.Dec(dec("1"))}}}, "lines[0].line", "lte"},
		{"a prior note of another invoice", []CreditNote{other},
			CreditNoteInput{Number: "C", Issued: day("2026-02-01"), Reason: CreditError}, "prior[0].invoice", "eqfield"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewCreditNote(inv, tt.prior, tt.in)
			if !errors.Is(err, ErrInvalid) || !hasProblem(err, tt.path, tt.rule) {
				t.Errorf("NewCreditNote() = %v, want %s %s", err, tt.path, tt.rule)
			}
		})
	}
}

// TestCreditNotesNeverBelowZero is the property: whatever partial and full
// notes are issued against an invoice, its balance, each line's net and
// VAT left stay at or above zero, and a refused note leaves them as they
// were.
func TestCreditNotesNeverBelowZero(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 58))
	prices := []string{"0.01", "0.99", "24.95", "100.00", "333.33"}
	rates := []string{"0.25", "0", "0.125"}
	for range 300 {
		var ls [][3]string
		for range 1 + r.IntN(4) {
			ls = append(ls, [3]string{[]string{"1", "2", "3", "7"}[r.IntN(4)], prices[r.IntN(len(prices))], rates[r.IntN(len(rates))]})
		}
		inv := invoiceFor(t, ls...)
		var notes []CreditNote
		for range 1 + r.IntN(8) {
			in := CreditNoteInput{Number: "C", Issued: inv.Issued, Reason: CreditError}
			if r.IntN(5) > 0 {
				for range 1 + r.IntN(2) {
					cl := CreditLine{Line: 1 + r.IntN(len(ls)), Quantity: contract.Dec(dec([]string{"1", "2", "0.5"}[r.IntN(3)]))}
					if r.IntN(2) == 0 {
						cl.UnitPrice = dkk(prices[r.IntN(len(prices))])
					}
					in.Lines = append(in.Lines, cl)
				}
			}
			n, err := NewCreditNote(inv, notes, in)
			if err != nil {
				if !errors.Is(err, ErrInvalid) {
					t.Fatal(err)
				}
				continue
			}
			notes = append(notes, n)
			b, err := inv.Balance(notes...)
			if err != nil || b.IsNegative() {
				t.Fatalf("balance %s (%v) below zero after %d notes on %v", b, err, len(notes), ls)
			}
			for i, l := range inv.Lines {
				nl, vl := l.Net, l.VAT
				for _, n := range notes {
					for _, cl := range n.Lines {
						if cl.Ref == i+1 {
							nl, _ = nl.Sub(cl.Net)
							vl, _ = vl.Sub(cl.VAT)
						}
					}
				}
				if nl.IsNegative() || vl.IsNegative() || nl.Sign() == 0 && vl.Sign() != 0 {
					t.Fatalf("line %d left net %s VAT %s after notes on %v", i, nl, vl, ls)
				}
			}
		}
	}
}

// TestCorrectedDebtInterest: an error note lowers the principal from the
// due date; a goodwill note is a payment on its issue date (terms 12.3:
// 2 % a month on the invoice amount).
func TestCorrectedDebtInterest(t *testing.T) {
	inv := invoiceFor(t, [3]string{"1", "8000.00", "0.25"}) // total 10,000.00
	inv.Due = day("2025-03-01")
	inv.Issued = day("2025-01-30")
	errNote, err := NewCreditNote(inv, nil, CreditNoteInput{Number: "C1", Issued: day("2025-03-10"), Reason: CreditError,
		Lines: []CreditLine{{Line: 1, Quantity: contract.Dec(dec("1")), UnitPrice: dkk("1600.00")}}})
	if err != nil {
		t.Fatal(err)
	}
	gw := errNote
	gw.Reason, gw.Issued = CreditGoodwill, day("2025-03-31")
	rules := InterestRules{MonthlyRate: contract.Dec(dec("0.02")), DayCount: ActualOver30}
	tests := []struct {
		name  string
		note  CreditNote
		total string
	}{
		// 8,000.00 x 2 % x 45/30 = 240.00
		{"error note: interest on 8,000.00 from the due date", errNote, "240.00"},
		// 10,000 x 2 % x 30/30 = 200.00, then 8,000 x 2 % x 15/30 = 80.00
		{"goodwill note: a payment of 2,000.00 on 2025-03-31", gw, "280.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := inv.CorrectedDebt(Business, tt.note)
			if err != nil {
				t.Fatal(err)
			}
			st, err := rules.Interest(d, day("2025-04-15"))
			if err != nil {
				t.Fatal(err)
			}
			if !st.Total.Equal(dkk(tt.total)) {
				t.Errorf("interest = %s, want %s\n%s", st.Total, tt.total, st)
			}
		})
	}
}

func TestRefundOwed(t *testing.T) {
	for _, tt := range []struct {
		r    CreditReason
		want bool
	}{{CreditError, true}, {CreditUnusedTime, false}, {CreditGoodwill, true}} {
		if d := RefundOwed(tt.r); d.Allowed != tt.want || len(d.Citations) == 0 {
			t.Errorf("terms 19.4: RefundOwed(%s) = %v, want %v", tt.r, d.Allowed, tt.want)
		}
	}
}
