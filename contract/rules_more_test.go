package contract

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// TestClauseDecisions checks the rules of the clauses that decide one
// thing from a fact or two: each row names its clause, the outcome and a
// word of the reason, and the Danish reason must exist too.
func TestClauseDecisions(t *testing.T) {
	terms := OpenDIMSTerms()
	d := MustParseDate
	cph, err := terms.Zone.Location()
	if err != nil {
		t.Fatal(err)
	}
	support, err2 := NewBusinessHours(cph, DanishHolidays(), OpenOn(MustClockTime(8, 0), MustClockTime(16, 0),
		time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)...)
	if err2 != nil {
		t.Fatal(err2)
	}
	tests := []struct {
		name    string
		got     Decision
		rule    string
		allowed bool
		date    Date
		reason  string
	}{
		{"terms 3.1 a feature in the offer document is included", terms.AdditionalService(true), "terms 3.1", true, Date{}, "part of the features"},
		{"terms 3.1 anything more needs a supplementary agreement, paid separately", terms.AdditionalService(false), "terms 3.1", false, Date{}, "supplementary agreement"},
		{"terms 4.3 no request, no deletion", terms.ContentRemoval(Date{}, false), "terms 4.3", false, Date{}, "first ask"},
		{"terms 4.3 the customer complied", terms.ContentRemoval(d("2026-05-04"), true), "terms 4.3", false, Date{}, "deleted the content"},
		{"terms 4.3 the customer did not comply", terms.ContentRemoval(d("2026-05-04"), false), "terms 4.3", true, d("2026-05-04"), "without the customer"},
		{"terms 4.4 a claim from the customer's use is the customer's", terms.ThirdPartyClaim(true), "terms 4.4", true, Date{}, "indemnifies"},
		{"terms 4.4 another claim is not", terms.ThirdPartyClaim(false), "terms 4.4", false, Date{}, "need not take it over"},
		{"terms 5.1 Tuesday 10:00 is within support hours", terms.Support(support, time.Date(2026, 3, 3, 10, 0, 0, 0, cph)), "terms 5.1", true, Date{}, "part of the subscription"},
		{"terms 5.1 Tuesday 16:00 is outside them, paid by the hour", terms.Support(support, time.Date(2026, 3, 3, 16, 0, 0, 0, cph)), "terms 5.1", false, Date{}, "hourly rate"},
		{"terms 5.1 Easter Monday is closed", terms.Support(support, time.Date(2026, 4, 6, 10, 0, 0, 0, cph)), "terms 5.1", false, Date{}, "hourly rate"},
		{"terms 5.1 support hours always open include every instant", terms.Support(BusinessHours{}, time.Date(2026, 4, 6, 3, 0, 0, 0, cph)), "terms 5.1", true, Date{}, "part of the subscription"},
		{"terms 9.2 reference with consent", terms.ReferenceUse(true), "terms 9.2", true, Date{}, "consented"},
		{"terms 9.2 no reference without consent", terms.ReferenceUse(false), "terms 9.2", false, Date{}, "only with"},
		{"terms 10.2 retention while in breach", terms.RetainData(true), "terms 10.2", true, Date{}, "withhold"},
		{"terms 10.2 no retention otherwise", terms.RetainData(false), "terms 10.2", false, Date{}, "owns its data"},
		{"terms 11.3 notified need lets the price follow", terms.SecurityNeeds(true), "terms 11.3", true, Date{}, "adjust the remuneration"},
		{"terms 11.3 no notice, no adjustment", terms.SecurityNeeds(false), "terms 11.3", false, Date{}, "own risk assessment"},
		{"terms 11.4 no fault: the customer indemnifies", terms.ProcessingIndemnity(NoFault), "terms 11.4", true, Date{}, "indemnifies"},
		{"terms 11.4 simple negligence: the customer still indemnifies", terms.ProcessingIndemnity(Negligence), "terms 11.4", true, Date{}, "indemnifies"},
		{"terms 11.4 gross negligence: no indemnity", terms.ProcessingIndemnity(GrossNegligence), "terms 11.4", false, Date{}, "gross negligence"},
		{"terms 11.4 intent: no indemnity", terms.ProcessingIndemnity(Intent), "terms 11.4", false, Date{}, "intentionally"},
		{"terms 11.4 an unstated fault is refused", terms.ProcessingIndemnity(0), "terms 11.4", false, Date{}, "not stated"},
		{"terms 16.1 e-mail to the agreed address binds", terms.Notice(ByEmail, true), "terms 16.1", true, Date{}, "binds"},
		{"terms 16.1 a letter to the agreed address binds", terms.Notice(ByLetter, true), "terms 16.1", true, Date{}, "binds"},
		{"terms 16.1 e-mail to another address does not", terms.Notice(ByEmail, false), "terms 16.1", false, Date{}, "only when"},
		{"terms 16.1 a phone call is no notice", terms.Notice(ByPhone, true), "terms 16.1", false, Date{}, "no notice"},
		{"terms 16.1 a website post is no notice to the customer", terms.Notice(ByWebsite, true), "terms 16.1", false, Date{}, "no notice"},
		{"terms 16.1 an unstated channel is refused", terms.Notice(0, true), "terms 16.1", false, Date{}, "not stated"},
		{"terms 19.4 an unpaid invoice stays payable after termination", terms.PayableAfterTermination(d("2026-06-30"), d("2026-06-01"), false), "terms 19.4", true, d("2026-06-01"), "stays payable"},
		{"terms 19.4 an invoice issued on the termination day too", terms.PayableAfterTermination(d("2026-06-30"), d("2026-06-30"), false), "terms 19.4", true, d("2026-06-30"), "stays payable"},
		{"terms 19.4 a paid invoice is not owed", terms.PayableAfterTermination(d("2026-06-30"), d("2026-06-01"), true), "terms 19.4", false, Date{}, "is paid"},
		{"terms 19.4 an invoice after termination is not covered", terms.PayableAfterTermination(d("2026-06-30"), d("2026-07-01"), false), "terms 19.4", false, Date{}, "not issued"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got.Rule != tt.rule || tt.got.Allowed != tt.allowed || !tt.got.Date.Equal(tt.date) {
				t.Errorf("got rule %s allowed %v date %s; want %s %v %s", tt.got.Rule, tt.got.Allowed, tt.got.Date, tt.rule, tt.allowed, tt.date)
			}
			if len(tt.got.Citations) == 0 || tt.got.Citations[0].String() != tt.rule {
				t.Errorf("citations %v, want %s first", tt.got.Citations, tt.rule)
			}
			if en := tt.got.Reason.String(); !strings.Contains(en, tt.reason) {
				t.Errorf("reason %q, want it to say %q", en, tt.reason)
			}
			if da := tt.got.Reason.In(language.Danish); da == tt.got.Reason.String() {
				t.Errorf("reason has no Danish text: %q", da)
			}
		})
	}
}

// TestSelfServePriceChange checks terms 19.3: a price change announced by
// e-mail or on the website applies from the first renewal after it, and
// not before the cycle already paid (19.1) ends.
func TestSelfServePriceChange(t *testing.T) {
	terms := OpenDIMSTerms()
	d := MustParseDate
	tests := []struct {
		name      string
		start     string
		cycle     Period
		announced string
		channel   NoticeChannel
		allowed   bool
		date      string
	}{
		{"terms 19.3 monthly: from the next renewal", "2026-01-15", Months(1), "2026-03-10", ByEmail, true, "2026-03-15"},
		{"terms 19.3 announced on the last day of a cycle: the next day", "2026-01-15", Months(1), "2026-04-14", ByWebsite, true, "2026-04-15"},
		{"terms 19.3 announced on a renewal day: the cycle it starts keeps its price", "2026-01-15", Months(1), "2026-04-15", ByEmail, true, "2026-05-15"},
		{"terms 19.3 annual: the paid year keeps its price", "2026-01-31", Years(1), "2026-02-01", ByEmail, true, "2027-01-31"},
		{"terms 19.3 month end: 31 January renews on 28 February", "2026-01-31", Months(1), "2026-02-10", ByEmail, true, "2026-02-28"},
		{"terms 19.3 a letter is not how the terms announce it", "2026-01-15", Months(1), "2026-03-10", ByLetter, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := terms.SelfServePriceChange(d(tt.start), tt.cycle, d(tt.announced), tt.channel)
			if err != nil {
				t.Fatal(err)
			}
			var want Date
			if tt.date != "" {
				want = d(tt.date)
			}
			if got.Allowed != tt.allowed || !got.Date.Equal(want) || got.Rule != "terms 19.3" {
				t.Errorf("got %v %s (%s), want %v %s", got.Allowed, got.Date, got.Reason, tt.allowed, want)
			}
		})
	}
	_, err := terms.SelfServePriceChange(d("2026-03-01"), Months(0), d("2026-02-01"), ByEmail)
	var ve *ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("terms 19.3 bad input: err = %v, want a validation error", err)
	}
	var paths []string
	for _, p := range ve.Problems {
		paths = append(paths, p.Path)
	}
	if !cmp.Equal(paths, []string{"cycle", "announced"}) {
		t.Errorf("terms 19.3 bad input paths %v, want [cycle announced]", paths)
	}
}

// TestProcessorAssistance checks terms 11.5: the customer pays the
// provider's hours, unless the offer document makes them free.
func TestProcessorAssistance(t *testing.T) {
	terms := OpenDIMSTerms()
	rate := MustParseMoney("1150", currency.DKK)
	f, err := terms.ProcessorAssistance(decimal.RequireFromString("2.5"), rate)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Allowed || !f.Fee.Equal(MustParseMoney("2875.00", currency.DKK)) || f.Rule != "terms 11.5" {
		t.Errorf("terms 11.5 2.5 h at 1150 DKK: %v %s, want allowed 2875.00 DKK", f.Allowed, f.Fee)
	}
	if got := citeText(f.Citations); !strings.Contains(got, "GDPR Art. 28(3)(e)") {
		t.Errorf("terms 11.5 citations %s, want GDPR Art. 28(3)(e)", got)
	}
	free := terms
	free.AssistanceCharged = false
	f, err = free.ProcessorAssistance(decimal.RequireFromString("2.5"), rate)
	if err != nil {
		t.Fatal(err)
	}
	if f.Allowed || !f.Fee.Equal(ZeroMoney(currency.DKK)) {
		t.Errorf("terms 11.5 free by the offer: %v %s, want not charged, 0 DKK", f.Allowed, f.Fee)
	}
	_, err = terms.ProcessorAssistance(decimal.NewFromInt(-1), Money{})
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 2 || ve.Problems[0].Path != "hours" || ve.Problems[1].Path != "hourly_rate.currency" {
		t.Errorf("terms 11.5 bad input: %v, want problems at hours and hourly_rate.currency", err)
	}
}

// TestOutageLiability checks terms 15.2 against 15.1 and the SLA: a loss
// from an outage is excluded unless the offer document makes the provider
// liable, while the SLA penalty agreed for the same outage is still owed
// inside the caps.
func TestOutageLiability(t *testing.T) {
	dkk := func(s string) Money { return MustParseMoney(s, currency.DKK) }
	claims := []Claim{
		{Event: "outage 2026-03-02", Kind: OutageLoss, Amount: dkk("800")},
		{Event: "outage 2026-03-02", Kind: Penalty, Amount: dkk("100")},
	}
	terms := OpenDIMSTerms()
	s, err := terms.SettleLiability(dkk("1000"), claims)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Payable.Equal(dkk("100.00")) || !s.Lines[0].Excluded.Equal(dkk("800.00")) {
		t.Errorf("terms 15.2 outage loss excluded: payable %s, excluded %s; want 100.00 and 800.00", s.Payable, s.Lines[0].Excluded)
	}
	if got := citeText(s.Citations); !strings.Contains(got, "terms 15.2") || !strings.Contains(got, "terms 8.1") {
		t.Errorf("terms 15.2 citations %s, want 15.2 and 8.1", got)
	}
	if !strings.Contains(s.Reason.String(), "outages") {
		t.Errorf("terms 15.2 reason %q, want it to name outages", s.Reason)
	}
	liable := terms
	liable.OutageLiability = true
	s, err = liable.SettleLiability(dkk("1000"), claims)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Payable.Equal(dkk("900.00")) {
		t.Errorf("terms 15.2 with the offer's outage liability: payable %s, want 900.00 inside the 1,000.00 event cap", s.Payable)
	}
	// The offer document may set the parameter (terms 1.3 over 15.2).
	got, _, err := ResolveTerms(terms, []Document{{Kind: OfferDocument, Name: "Offer", Params: map[string]string{"outage_liability": "true"}}})
	if err != nil {
		t.Fatal(err)
	}
	if !got.OutageLiability {
		t.Error("terms 15.2 an offer document setting outage_liability does not reach the terms")
	}
}

// TestFaultAndNoticeChannelText checks the text forms of the enums the
// clause rules take.
func TestFaultAndNoticeChannelText(t *testing.T) {
	for _, f := range []Fault{NoFault, Negligence, GrossNegligence, Intent} {
		b, err := f.MarshalText()
		var g Fault
		if err != nil || g.UnmarshalText(b) != nil || g != f {
			t.Errorf("terms 11.4 fault %v does not survive text", f)
		}
	}
	for _, c := range []NoticeChannel{ByLetter, ByEmail, ByPhone, ByWebsite, InService} {
		b, err := c.MarshalText()
		var g NoticeChannel
		if err != nil || g.UnmarshalText(b) != nil || g != c {
			t.Errorf("terms 16.1 channel %v does not survive text", c)
		}
	}
	var c NoticeChannel
	if err := c.UnmarshalText([]byte("Email")); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("terms 16.1 UnmarshalText(Email) = %v, want ErrInvalidInput", err)
	}
}

func citeText(cs CitationList) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.String())
		b.WriteString("; ")
	}
	return b.String()
}
