package contract

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/currency"
)

func TestDisclosure(t *testing.T) {
	terms := OpenDIMSTerms()
	tests := []struct {
		name, terminated, on string
		allowed              bool
		date                 string
	}{
		{"terms 9.3 leap-day termination binds until 2033-02-28", "2028-02-29", "2033-02-28", false, "2033-02-28"},
		{"terms 9.3 disclosure allowed after five years", "2028-02-29", "2033-03-01", true, "2033-02-28"},
		{"terms 9.3 binds right after termination", "2026-06-30", "2026-07-01", false, "2031-06-30"},
		{"terms 9.1 binds while the agreement runs", "2026-06-30", "2026-01-01", false, "0001-01-01"},
		{"terms 9.1 binds when not terminated", "0001-01-01", "2040-01-01", false, "0001-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := terms.Disclosure(MustParseDate(tt.terminated), MustParseDate(tt.on))
			if d.Allowed != tt.allowed || d.Date.String() != tt.date || d.Rule != "terms 9.3" {
				t.Errorf("Disclosure(%s, %s) = %v %s %q, want %v %s", tt.terminated, tt.on, d.Allowed, d.Date, d.Rule, tt.allowed, tt.date)
			}
		})
	}
}

func TestDataDeletion(t *testing.T) {
	keep := OpenDIMSTerms()
	keep.DeleteDataAtTermination = false
	tests := []struct {
		name     string
		terms    Terms
		retained bool
		allowed  bool
	}{
		{"terms 18.3 data deleted at termination", OpenDIMSTerms(), false, true},
		{"terms 18.3 unless otherwise agreed", OpenDIMSTerms(), true, false},
		{"terms 18.3 terms that keep data", keep, false, false},
	}
	on := MustParseDate("2026-12-31")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.terms.DataDeletion(on, tt.retained)
			if d.Allowed != tt.allowed || d.Rule != "terms 18.3" || (tt.allowed && d.Date != on) {
				t.Errorf("DataDeletion(%s, %v) = %v %s, want %v", on, tt.retained, d.Allowed, d.Date, tt.allowed)
			}
		})
	}
}

func TestExitAssistance(t *testing.T) {
	terms := OpenDIMSTerms()
	tests := []struct {
		name, hours, rate string
		arrears           bool
		fee               string
		reason            string
	}{
		{"terms 18.1 exit assistance at the hourly rate (terms 18.2)", "7.5", "1150", false, "8625.00",
			"exit assistance of 7.5 hours costs DKK\u00a08,625.00 at the hourly rate"},
		{"terms 18.2 prepayment when in arrears", "0.25", "1150.10", true, "287.53",
			"exit assistance of 0.25 hours costs DKK\u00a0287.53 at the hourly rate; as payments are overdue, the provider may demand prepayment first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := terms.ExitAssistance(dkk(tt.hours), NewMoney(dkk(tt.rate), currency.DKK), tt.arrears)
			if err != nil {
				t.Fatal(err)
			}
			if f.Fee.Text() != tt.fee || f.Prepayment != tt.arrears || f.Reason.String() != tt.reason || f.Rule != "terms 18.2" {
				t.Errorf("ExitAssistance(%s, %s) = %s %v %q, want %s %v %q", tt.hours, tt.rate, f.Fee, f.Prepayment, f.Reason, tt.fee, tt.arrears, tt.reason)
			}
		})
	}
	_, err := terms.ExitAssistance(dkk("-1"), NewMoney(dkk("-1"), currency.Unit{}), false)
	var verr *ValidationError
	if !errors.As(err, &verr) || !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("terms 18.2 bad input error = %v", err)
	}
	want := []fe{{"hours", "gte", "0"}, {"hourly_rate.amount", "gte", "0"}, {"hourly_rate.currency", "required", ""}}
	if diff := cmp.Diff(want, fields(verr)); diff != "" {
		t.Errorf("terms 18.2 bad input (-want +got):\n%s", diff)
	}
}
