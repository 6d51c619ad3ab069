package billing

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

var cmpDecimal = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })

func TestJSONRoundTrip(t *testing.T) {
	sub, evs, err := Subscribe("sub-1", planBasic, day("2025-01-31"))
	if err != nil {
		t.Fatal(err)
	}
	scheduled, _, err := sub.ChangePlan(planFree, day("2025-02-10"))
	if err != nil {
		t.Fatal(err)
	}
	col := Collection{Invoice: "2025-0042", Debt: Debt{Amount: dec("1250.5"), Currency: planBasic.Currency, Due: day("2025-03-01"),
		Customer: Business, Payments: []Payment{{day("2025-03-05"), dec("100")}}}, Demands: []Demand{{day("2025-03-10"), dec("100")}}}
	t.Run("subscription with no change scheduled", func(t *testing.T) { roundTrip(t, sub, `"next":null`) })
	t.Run("terms 19.6 subscription with a cancellation scheduled", func(t *testing.T) { roundTrip(t, scheduled, `"price":"24.95","currency":"DKK"`) })
	t.Run("collection amounts at fixed scale", func(t *testing.T) { roundTrip(t, col, `"amount":"1250.50","currency":"DKK"`) })
	t.Run("charged event", func(t *testing.T) { roundTrip(t, evs[1], `"kind":"charged"`) })
	inv, err := NewInvoice(input(Line{Description: "PIM", Quantity: dec("1"), UnitPrice: dec("1234.56"), VATRate: DanishVATRate()}), contract.Counter{})
	if err != nil {
		t.Fatal(err)
	}
	inv.DueDeadline = contract.Deadline{}
	t.Run("momsbekendtgørelsen § 58 invoice document", func(t *testing.T) { roundTrip(t, inv, `"total":"1543.20"`) })
	st, err := InterestRules{DayCount: ActualOver30}.Interest(Debt{Amount: dec("10000"), Currency: planBasic.Currency,
		Due: day("2023-06-15"), Customer: Business}, day("2023-07-15"))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("renteloven § 5 interest statement", func(t *testing.T) { roundTrip(t, st, `"amount":"46.24"`) })
}

func roundTrip[T any](t *testing.T, v T, contains string) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	if !strings.Contains(string(b), contains) {
		t.Errorf("Marshal = %s, want it to contain %s", b, contains)
	}
	var back T
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("Unmarshal(%s): %v", b, err)
	}
	if diff := cmp.Diff(v, back, cmpDecimal,
		cmp.Comparer(func(a, b currency.Unit) bool { return a == b }),
		cmp.Comparer(func(a, b contract.Date) bool { return a == b }),
		cmp.Comparer(func(a, b contract.Reason) bool { return a.Key() == b.Key() }),
		cmp.Comparer(func(a, b contract.Convention) bool { return a.String() == b.String() })); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestJSONErrors(t *testing.T) {
	var p Plan
	if err := json.Unmarshal([]byte(`{"id":"x","kind":"free","currency":"XYZQ"}`), &p); !errors.Is(err, ErrInvalid) {
		t.Errorf("unknown currency: error = %v, want ErrInvalid", err)
	}
	if err := json.Unmarshal([]byte(`{"id":"x","kind":"gold"}`), &p); !errors.Is(err, ErrSyntax) {
		t.Errorf("unknown kind: error = %v, want ErrSyntax", err)
	}
	var d Debt
	if err := json.Unmarshal([]byte(`{"amount":"1e3","currency":"DKK"}`), &d); !errors.Is(err, ErrInvalid) {
		t.Errorf("exponent amount: error = %v, want ErrInvalid", err)
	}
	if err := json.Unmarshal([]byte(`{"amount":"1.005","currency":"DKK"}`), &d); !errors.Is(err, ErrInvalid) {
		t.Errorf("amount below the øre: error = %v, want ErrInvalid", err)
	}
}
