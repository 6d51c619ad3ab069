package billing

import (
	"errors"
	"testing"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

func overdue(kind CustomerKind) Collection {
	return Collection{Invoice: "2025-0042", Debt: Debt{Amount: dkk("1250.00"),
		Due: day("2025-03-01"), Customer: kind}}
}

func TestSendDemand(t *testing.T) {
	rules := DemandRulesFor(contract.OpenDIMSTerms())
	type step struct {
		on, fee             string
		demand, feeOK, comp bool
		date                string // Demand.Date
		fees                string // Collection.Fees after the step
	}
	tests := []struct {
		name  string
		kind  CustomerKind
		steps []step
	}{
		{"renteloven § 9 b three fees of 100, fourth refused; § 9 a compensation once", Business, []step{
			{"2025-03-02", "100", true, true, true, "2025-03-02", "100"},
			{"2025-03-12", "100", true, true, false, "2025-03-12", "200"},
			{"2025-03-22", "100", true, true, false, "2025-03-22", "300"},
			{"2025-04-01", "100", true, false, false, "2025-04-01", "300"},
		}},
		{"renteloven § 9 b demand 9 days after the previous is refused", Consumer, []step{
			{"2025-03-05", "65", true, true, false, "2025-03-05", "65"},
			{"2025-03-14", "65", false, false, false, "2025-03-15", "65"},
			{"2025-03-15", "65", true, true, false, "2025-03-15", "130"},
		}},
		{"renteloven § 9 b demand on the due date is refused", Business, []step{
			{"2025-03-01", "0", false, false, false, "2025-03-02", "0"},
		}},
		{"renteloven § 9 b fee above 100 DKK refused, demand kept", Consumer, []step{
			{"2025-03-10", "150", true, false, false, "2025-03-10", "0"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := overdue(tt.kind)
			for i, s := range tt.steps {
				next, out, err := rules.Send(c, day(s.on), dkk(s.fee))
				if err != nil {
					t.Fatalf("step %d: Send() error = %v", i, err)
				}
				fees, err := next.Fees()
				if err != nil {
					t.Fatalf("step %d: Fees() error = %v", i, err)
				}
				if out.Demand.Allowed != s.demand || out.Demand.Date != day(s.date) ||
					(s.demand && (out.Fee.Allowed != s.feeOK || out.Compensation.Allowed != s.comp)) ||
					!fees.Equal(dkk(s.fees)) {
					t.Errorf("step %d: Send(%s, %s) = demand %v (%s) fee %v comp %v fees %s, want %v (%s) %v %v %s\n%s\n%s",
						i, s.on, s.fee, out.Demand.Allowed, out.Demand.Date, out.Fee.Allowed, out.Compensation.Allowed,
						fees, s.demand, s.date, s.feeOK, s.comp, s.fees, out.Demand, out.Fee)
				}
				c = next
			}
		})
	}
}

func TestDemandReasons(t *testing.T) {
	rules := DemandRulesFor(contract.OpenDIMSTerms())
	c, _, _ := rules.Send(overdue(Consumer), day("2025-03-05"), contract.Money{})
	_, out, err := rules.Send(c, day("2025-03-14"), contract.Money{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out.Demand.String(), "a demand must come at least 10 days after the previous one, so not before 2025-03-15 (renteloven § 9 b)"; got != want {
		t.Errorf("Demand.String() = %q, want %q", got, want)
	}
	if got, want := out.Demand.Reason.In(language.Danish), "der skal gå mindst 10 dage mellem rykkere, så tidligst den 2025-03-15"; got != want {
		t.Errorf("Reason.In(da) = %q, want %q", got, want)
	}
	// renteloven § 9 b(1): the fee limit reads as an amount in the
	// reader's language, never "100.00 DKK".
	_, out, err = rules.Send(c, day("2025-03-20"), dkk("150"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out.Fee.Reason.In(language.Danish), "et rykkergebyr må højst være 100,00\u00a0kr."; got != want {
		t.Errorf("fee Reason.In(da) = %q, want %q", got, want)
	}
	if got, want := out.Fee.Reason.String(), "a demand fee may be at most "+dkk("100").Format(language.English); got != want {
		t.Errorf("fee Reason.String() = %q, want %q", got, want)
	}
	_, out, err = rules.Send(overdue(Business), day("2025-03-05"), dkk("100"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out.Compensation.Reason.In(language.Danish), "en erhvervskunde skylder en engangskompensation på 310,00\u00a0kr. for forsinket betaling"; got != want {
		t.Errorf("compensation Reason.In(da) = %q, want %q", got, want)
	}
}

// TestDemandErrors checks that bad input comes back as one
// *contract.ValidationError naming each field by its JSON path: a fee in
// another currency than the debt, a debt without an amount.
func TestDemandErrors(t *testing.T) {
	rules := DemandRulesFor(contract.OpenDIMSTerms())
	c := overdue(Business)
	c.Debt.Amount = contract.Money{}
	_, _, err := rules.Send(c, day("2025-03-05"), contract.MustParseMoney("10", currency.EUR))
	if !errors.Is(err, ErrInvalid) || !hasProblem(err, "debt.amount", "required") {
		t.Errorf("Send(no amount) error = %v, want debt.amount required", err)
	}
	_, _, err = rules.Send(overdue(Business), day("2025-03-05"), contract.MustParseMoney("10", currency.EUR))
	if !errors.Is(err, ErrCurrencyMismatch) || !hasProblem(err, "fee", ruleMixedCurrency) {
		t.Errorf("Send(EUR fee on a DKK debt) error = %v, want fee currency_mismatch", err)
	}
}

// TestDemandRulesValidate: DemandRules' tag max_fees and its amount rules.
func TestDemandRulesValidate(t *testing.T) {
	r := DemandRulesFor(contract.OpenDIMSTerms())
	if err := r.Validate(); err != nil {
		t.Fatalf("DemandRulesFor().Validate() = %v", err)
	}
	r.MaxFees = -1
	r.Compensation = contract.MustParseMoney("310", currency.EUR)
	err := r.Validate()
	if !hasProblem(err, "max_fees", "gte") || !hasProblem(err, "compensation", ruleMixedCurrency) {
		t.Errorf("Validate() = %v, want max_fees gte and compensation currency_mismatch", err)
	}
}

func TestRemedies(t *testing.T) {
	rules := DemandRulesFor(contract.OpenDIMSTerms())
	c := overdue(Business)
	for _, on := range []string{"2025-03-10", "2025-03-20", "2025-03-30"} {
		var err error
		if c, _, err = rules.Send(c, day(on), contract.Money{}); err != nil {
			t.Fatal(err)
		}
	}
	paid := c
	paid.Debt.Payments = []Payment{{day("2025-04-02"), dkk("1250.00")}}
	tests := []struct {
		name               string
		c                  Collection
		on                 string
		suspend, terminate bool
		date               string // suspension date when allowed
	}{
		{"terms 12.3 one unpaid demand: no suspension", c, "2025-03-29", false, false, ""},
		{"terms 12.3 second demand unpaid after 10 days: suspend", c, "2025-03-30", true, false, "2025-03-30"},
		{"terms 17.3 third demand unpaid: terminate", c, "2025-04-09", true, true, "2025-03-30"},
		{"terms 17.3 third demand not yet unpaid", c, "2025-04-08", true, false, "2025-03-30"},
		{"terms 12.3 paid: neither", paid, "2025-04-30", false, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, term, err := rules.Remedies(tt.c, day(tt.on))
			if err != nil {
				t.Fatal(err)
			}
			if s.Allowed != tt.suspend || term.Allowed != tt.terminate || (tt.suspend && (s.From != day(tt.date) || s.Date != day(tt.on))) {
				t.Errorf("Remedies(%s) = suspend %v (%s) terminate %v, want %v (%s) %v\n%s\n%s",
					tt.on, s.Allowed, s.Date, term.Allowed, tt.suspend, tt.date, tt.terminate, s, term)
			}
		})
	}
}
