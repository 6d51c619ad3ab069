package billing

import (
	"errors"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
)

func TestLedger(t *testing.T) {
	t0 := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	tariff := DefaultTariff()
	l := NewLedger(0)
	type post struct {
		id      string
		min     int
		kind    EntryKind
		credits int64
		bal     int64
		err     error
	}
	steps := []struct {
		name string
		post
	}{
		{"purchase 100", post{"ev-1", 0, Purchase, 100, 100, nil}},
		{"fetch and send 49 orders: 98 credits", post{"ev-2", 10, Transfer, tariff.Orders(49, true), 2, nil}},
		{"replayed event is a no-op", post{"ev-2", 10, Transfer, 98, 2, nil}},
		{"same event id, other content", post{"ev-2", 10, Transfer, 4, 2, ErrDuplicateEvent}},
		{"overdraft refused, nothing recorded", post{"ev-3", 20, Transfer, tariff.Orders(2, true), 2, ErrInsufficientCredits}},
		{"one order fetch fits", post{"ev-4", 30, Transfer, tariff.Orders(1, false), 1, nil}},
		{"monthly grant", post{"ev-5", 40, Grant, 50, 51, nil}},
		{"entry before the last is invalid", post{"ev-6", 5, Grant, 1, 51, ErrInvalid}},
	}
	for _, s := range steps {
		next, _, err := l.Post(s.id, t0.Add(time.Duration(s.min)*time.Minute), s.kind, s.credits, "")
		if !errors.Is(err, s.err) || next.Balance() != s.bal {
			t.Fatalf("%s: Post(%s, %d) = balance %d, err %v; want %d, %v", s.name, s.id, s.credits, next.Balance(), err, s.bal, s.err)
		}
		l = next
	}
	if got := len(l.Entries()); got != 4 {
		t.Errorf("Entries() has %d entries, want 4", got)
	}
	for _, tc := range []struct {
		min  int
		want int64
	}{{-1, 0}, {0, 100}, {15, 2}, {30, 1}, {99, 51}} {
		if got := l.BalanceAt(t0.Add(time.Duration(tc.min) * time.Minute)); got != tc.want {
			t.Errorf("BalanceAt(+%dm) = %d, want %d", tc.min, got, tc.want)
		}
	}
	var ie *InsufficientCreditsError
	if _, _, err := l.Post("ev-7", t0.Add(time.Hour), Transfer, 60, ""); !errors.As(err, &ie) || ie.Balance != 51 || ie.Debit != 60 {
		t.Errorf("overdraft error = %v, want *InsufficientCreditsError with balance 51 and debit 60", err)
	}
	if l2, _, err := NewLedger(10).Post("x", t0, Transfer, 10, ""); err != nil || l2.Balance() != -10 {
		t.Errorf("plan overdraft 10: Post(10) = %d, %v, want -10, nil", l2.Balance(), err)
	}
	r, err := Restore(0, l.Entries())
	if err != nil || r.Balance() != l.Balance() {
		t.Errorf("Restore(entries) = %d, %v, want %d", r.Balance(), err, l.Balance())
	}
	bad := l.Entries()
	bad[1].Balance = 3
	if _, err := Restore(0, bad); !errors.Is(err, ErrInvalid) {
		t.Errorf("Restore(tampered) error = %v, want ErrInvalid", err)
	}
}

func TestAdjustPrice(t *testing.T) {
	terms := contract.OpenDIMSTerms()
	tests := []struct {
		name      string
		effective string
		allowed   bool
		date      string
	}{
		{"terms 12.2 four months' notice: allowed", "2026-10-24", true, "2026-10-24"},
		{"terms 12.2 a day short: refused", "2026-10-23", false, "2026-10-24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := AdjustPrice(terms, dkk("24.95"), dec("100.0"), dec("105.0"), day("2026-06-24"), day(tt.effective))
			if err != nil {
				t.Fatal(err)
			}
			if !a.New.Equal(dkk("26.20")) || a.Decision.Allowed != tt.allowed || a.Decision.Date != day(tt.date) || a.CustomerMayTerminate != tt.allowed {
				t.Errorf("AdjustPrice(%s) = %s, allowed %v from %s, want 26.20, %v from %s", tt.effective, a.New, a.Decision.Allowed, a.Decision.Date, tt.allowed, tt.date)
			}
		})
	}
	if _, err := AdjustPrice(terms, dkk("1"), dec("0"), dec("1"), day("2026-01-01"), day("2026-06-01")); !errors.Is(err, ErrInvalid) ||
		!hasProblem(err, "old_index", "gt") {
		t.Errorf("zero index error = %v, want ErrInvalid naming old_index", err)
	}
	if _, err := AdjustPrice(terms, contract.Money{}, dec("100"), dec("105"), day("2026-01-01"), day("2026-06-01")); !hasProblem(err, "old", "required") {
		t.Errorf("no price: error = %v, want old required", err)
	}
}
