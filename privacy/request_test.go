package privacy

import (
	"errors"
	"testing"

	"github.com/pimkit/pimkit/contract"
)

var d = contract.MustParseDate

func TestRequestDeadline(t *testing.T) {
	tests := []struct {
		name      string
		received  string
		cal       contract.HolidayCalendar
		want, ext string
	}{
		{"Art. 12(3) 31 Jan 2025 -> 28 Feb, a Friday", "2025-01-31", nil, "2025-02-28", "2025-04-30"},
		{"Art. 12(3) Sat 31 Jan 2026 -> Sat 28 Feb rolls to Mon 2 Mar (Reg. 1182/71 Art. 3(4))", "2026-01-31", nil, "2026-03-02", "2026-04-30"},
		{"Art. 12(3) leap year 31 Jan 2024 -> 29 Feb", "2024-01-31", nil, "2024-02-29", "2024-04-30"},
		{"Art. 12(3) 2 Apr 2026 -> 2 May Sat -> Mon 4 May", "2026-04-02", nil, "2026-05-04", "2026-07-02"},
		{"Art. 12(3) Danish holiday: 7 Mar 2024 -> 7 Apr, 2. påskedag 1 Apr irrelevant, Sun 7 Apr -> Mon 8 Apr", "2024-03-07", nil, "2024-04-08", "2024-06-07"},
		{"Art. 12(3) Ascension Day 2026-05-14 rolls to Fri 15 May", "2026-04-14", nil, "2026-05-15", "2026-07-14"},
		{"Art. 12(3) no holidays: 2026-04-14 -> Thu 2026-05-14 stays", "2026-04-14", contract.NoHolidays(), "2026-05-14", "2026-07-14"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := contract.Counter{Calendar: tt.cal}
			got, err := RequestDeadline(c, d(tt.received))
			if err != nil || got.Date != d(tt.want) {
				t.Errorf("RequestDeadline(%s) = %v, %v, want %s", tt.received, got.Date, err, tt.want)
			}
			ext, err := ExtendedDeadline(c, d(tt.received))
			if err != nil || ext.Date != d(tt.ext) {
				t.Errorf("ExtendedDeadline(%s) = %v, %v, want %s", tt.received, ext.Date, err, tt.ext)
			}
		})
	}
}

func TestRequestLifecycle(t *testing.T) {
	c := contract.Counter{}
	r, ev, err := ReceiveRequest(c, Access, d("2026-01-31"))
	if err != nil {
		t.Fatal(err)
	}
	if r.State != Received || ev.Due != d("2026-03-02") || ev.Action != ActReceive {
		t.Fatalf("ReceiveRequest = %v, %v, want received due 2026-03-02", r, ev)
	}
	var events = []RequestEvent{ev}
	r, ev, err = r.AskIdentity(d("2026-02-02"))
	if err != nil || r.State != IdentityPending {
		t.Fatalf("AskIdentity = %v, %v", r.State, err)
	}
	events = append(events, ev)
	r, ev, err = r.Start(d("2026-02-05"))
	if err != nil || r.State != InProgress {
		t.Fatalf("Start = %v, %v", r.State, err)
	}
	events = append(events, ev)
	// Art. 12(3): told on the last day of the first month (rolled) is in time.
	r, ev, err = r.Extend(c, d("2026-03-02"), "complex request: many systems")
	if err != nil || r.State != Extended || r.Due.Date != d("2026-04-30") || ev.Due != d("2026-04-30") {
		t.Fatalf("Extend = %v, %v, %v, want extended due 2026-04-30", r, ev, err)
	}
	events = append(events, ev)
	if r.Overdue(d("2026-04-30")) || !r.Overdue(d("2026-05-01")) {
		t.Errorf("Overdue around 2026-04-30 wrong")
	}
	r, ev, err = r.Complete(d("2026-04-20"))
	if err != nil || r.State != Completed || r.Closed != d("2026-04-20") {
		t.Fatalf("Complete = %v, %v", r, err)
	}
	events = append(events, ev)
	if r.Overdue(d("2027-01-01")) {
		t.Errorf("a completed request is never overdue")
	}
	got, err := ReplayRequest(c, events)
	if err != nil || got.String() != r.String() || got.Closed != r.Closed || got.ExtensionTold != r.ExtensionTold || got.Due.Raw != r.Due.Raw {
		t.Errorf("ReplayRequest = %v, %v, want %v", got, err, r)
	}
	if s := r.String(); s != "access request received 2026-01-31, completed, due 2026-04-30" {
		t.Errorf("String = %q", s)
	}
}

func TestRequestErrors(t *testing.T) {
	c := contract.Counter{}
	r, _, _ := ReceiveRequest(c, Erasure, d("2026-01-31"))
	tests := []struct {
		name string
		do   func() error
		want error
	}{
		{"Art. 12(3) extension told after the first month", func() error {
			_, _, err := r.Extend(c, d("2026-03-03"), "complex")
			return err
		}, ErrTooLate},
		{"Art. 12(3) extension without reasons", func() error {
			_, _, err := r.Extend(c, d("2026-02-10"), "  ")
			return err
		}, ErrInvalid},
		{"Art. 12(3) extended twice", func() error {
			x, _, _ := r.Extend(c, d("2026-02-10"), "complex")
			_, _, err := x.Extend(c, d("2026-02-11"), "complex")
			return err
		}, ErrTransition},
		{"Art. 12(4) refusal without reasons", func() error {
			_, _, err := r.Refuse(d("2026-02-10"), "")
			return err
		}, ErrInvalid},
		{"Art. 12(4) completing a refused request", func() error {
			x, _, _ := r.Refuse(d("2026-02-10"), "manifestly unfounded (Art. 12(5))")
			_, _, err := x.Complete(d("2026-02-11"))
			return err
		}, ErrTransition},
		{"Art. 12(3) event before receipt", func() error {
			_, _, err := r.Start(d("2026-01-30"))
			return err
		}, ErrInvalid},
		{"Art. 12(3) zero request was never received", func() error {
			_, _, err := Request{}.Start(d("2026-01-30"))
			return err
		}, ErrTransition},
		{"Art. 15-21 invalid kind", func() error {
			_, _, err := ReceiveRequest(c, 0, d("2026-01-30"))
			return err
		}, ErrInvalid},
		{"Art. 12(3) replay without receipt", func() error {
			_, err := ReplayRequest(c, []RequestEvent{{Action: ActStart}})
			return err
		}, ErrTransition},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.do(); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestRequestEnumsText(t *testing.T) {
	for k := Access; k <= Objection; k++ {
		b, err := k.MarshalText()
		var back RequestKind
		if err != nil || back.UnmarshalText(b) != nil || back != k {
			t.Errorf("RequestKind %d round trip = %v, %v", k, back, err)
		}
	}
	var k RequestKind
	if err := k.UnmarshalText([]byte("delete")); !errors.Is(err, ErrUnknownValue) {
		t.Errorf("UnmarshalText(delete) = %v, want ErrUnknownValue", err)
	}
	if _, err := RequestKind(9).MarshalText(); err == nil {
		t.Errorf("MarshalText(9) = nil error")
	}
	if got := Portability.Citation().String(); got != "GDPR Art. 20" {
		t.Errorf("Portability.Citation() = %q, want GDPR Art. 20", got)
	}
}

func TestPortabilityRight(t *testing.T) {
	tests := []struct {
		name      string
		basis     LegalBasis
		automated bool
		want      bool
		cite      string
	}{
		{"Art. 20(1)(a) consent, automated", Consent, true, true, "GDPR Art. 20(1)(a)"},
		{"Art. 20(1)(a) contract, automated", Contract, true, true, "GDPR Art. 20(1)(a)"},
		{"Art. 20(1)(b) contract, manual", Contract, false, false, "GDPR Art. 20(1)(b)"},
		{"Art. 20(1) legal obligation (bookkeeping)", LegalObligation, true, false, "GDPR Art. 20(1)"},
		{"Art. 20(1) legitimate interests", LegitimateInterests, true, false, "GDPR Art. 20(1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PortabilityRight(tt.basis, tt.automated)
			if got.Allowed != tt.want || got.Citations[0].String() != tt.cite || got.Reason.IsZero() {
				t.Errorf("PortabilityRight(%v, %v) = %v %v, want %v %s", tt.basis, tt.automated, got.Allowed, got, tt.want, tt.cite)
			}
		})
	}
}

func TestObjectionRight(t *testing.T) {
	tests := []struct {
		name       string
		use        DataUse
		basis      LegalBasis
		compelling bool
		want       bool
		rule       string
	}{
		{"Art. 21(3) direct marketing always upheld, even with grounds", UseMarketingEmail, LegitimateInterests, true, true, "GDPR Art. 21(3)"},
		{"Art. 21(3) marketing on consent upheld", UseMarketing, Consent, false, true, "GDPR Art. 21(3)"},
		{"Art. 21(1) legitimate interests without compelling grounds", "functional.service.improve", LegitimateInterests, false, true, "GDPR Art. 21(1)"},
		{"Art. 21(1) legitimate interests with compelling grounds", UseSecurity, LegitimateInterests, true, false, "GDPR Art. 21(1)"},
		{"Art. 21(1) public task without grounds", "analytics", PublicTask, false, true, "GDPR Art. 21(1)"},
		{"Art. 21(1) no right against a contract", "essential.service", Contract, false, false, "GDPR Art. 21(1)"},
		{"Art. 21(1) consent is withdrawn, not objected to", "analytics", Consent, false, false, "GDPR Art. 21(1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ObjectionRight(tt.use, tt.basis, tt.compelling)
			if got.Allowed != tt.want || got.Rule != tt.rule {
				t.Errorf("ObjectionRight(%s, %v, %v) = %v %q, want %v %q", tt.use, tt.basis, tt.compelling, got.Allowed, got.Rule, tt.want, tt.rule)
			}
		})
	}
}

func TestRequestDeadlineAllocFree(t *testing.T) {
	c := contract.Counter{}
	day := d("2026-01-31")
	allocs := testing.AllocsPerRun(100, func() {
		_, _ = RequestDeadline(c, day)
		_, _ = ExtendedDeadline(c, day)
	})
	if allocs != 0 {
		t.Errorf("RequestDeadline allocates %v times, want 0", allocs)
	}
}
