package privacy

import (
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
)

// TestPrivacyObligations checks the duties privacy gives the calendar: a
// request answered within a month (GDPR Art. 12(3)), a breach's notices
// (terms 6.3: 48 hours; Art. 33(1): 72 hours; Art. 34(1)), and erasure
// when retention ends (Art. 5(1)(e)).
func TestPrivacyObligations(t *testing.T) {
	loc := contract.Copenhagen()
	c := contract.Counter{Convention: contract.EU1182(), Calendar: contract.DanishHolidays()}
	r, _, err := ReceiveRequest(c, Access, contract.MustParseDate("2026-03-02"))
	if err != nil {
		t.Fatal(err)
	}
	o, err := r.Obligation(loc)
	if err != nil {
		t.Fatal(err)
	}
	wantUntil, _ := r.Due.Date.AddDays(1).In(loc)
	if o.What != WhatAnswerRequest || !o.Until.Equal(wantUntil) || o.Rule != "GDPR Art. 12(3)" {
		t.Errorf("Art. 12(3) request obligation %+v, due %s", o, r.Due.Date)
	}
	done, _, err := r.Complete(contract.MustParseDate("2026-03-10"))
	if err != nil {
		t.Fatal(err)
	}
	o, _ = done.Obligation(loc)
	if want, _ := contract.MustParseDate("2026-03-11").In(loc); !o.Until.Equal(want) {
		t.Errorf("Art. 12(3) a completed request ends the duty: until %s", o.Until)
	}

	aware := time.Date(2026, 3, 27, 9, 0, 0, 0, loc)
	b := Breach{Aware: aware, Categories: []DataCategory{"user.contact.email"}, Subjects: 10, Records: 10, Risk: HighRisk}
	obs := b.Obligations(contract.OpenDIMSTerms(), "BR-1")
	if len(obs) != 3 {
		t.Fatalf("Art. 33, 34 obligations %+v", obs)
	}
	// 72 hours from Friday 09:00 across the clock change on Sunday 29 March
	// end on Monday 10:00 local time.
	if obs[0].What != WhatNotifyController || !obs[0].Until.Equal(aware.Add(48*time.Hour)) ||
		obs[1].What != WhatNotifyAuthority || !obs[1].Until.Equal(aware.Add(72*time.Hour)) || obs[1].Until.In(loc).Hour() != 10 ||
		obs[2].What != WhatNotifySubjects || !obs[2].Until.IsZero() {
		t.Errorf("terms 6.3, Art. 33(1), 34(1) breach obligations %+v", obs)
	}
	low := b
	low.Risk = Unlikely
	if got := low.Obligations(contract.OpenDIMSTerms(), "BR-2"); len(got) != 1 {
		t.Errorf("Art. 33(5) an unlikely risk needs only the processor's notice: %+v", got)
	}

	plan := RetentionPlan{Record: "inv-7", Action: Keep, Until: contract.MustParseDate("2031-12-31"), Then: EraseNow}
	ob, ok := plan.Obligation(loc)
	if want, _ := contract.MustParseDate("2032-01-01").In(loc); !ok || ob.What != WhatErase || !ob.From.Equal(want) {
		t.Errorf("Art. 5(1)(e) erasure after retention: %+v %v", ob, ok)
	}
	if _, ok := (RetentionPlan{Action: EraseNow}).Obligation(loc); ok {
		t.Error("Art. 17 a plan acting now gives no dated duty")
	}
}
