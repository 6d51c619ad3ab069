package privacy

import (
	"slices"
	"strings"
	"time"

	"github.com/pimkit/pimkit/internal/enum"

	"github.com/pimkit/pimkit/contract"
)

// Risk is the likely risk of a personal data breach to people's rights
// and freedoms (GDPR Art. 33(1), 34(1)).
type Risk uint8

// The risk levels. The zero value is invalid: assess the risk.
const (
	// Unlikely: the breach is unlikely to result in a risk; the
	// authority need not be notified (Art. 33(1)), but the breach is
	// documented (Art. 33(5)).
	Unlikely Risk = iota + 1
	// RiskLikely: a risk; notify the authority.
	RiskLikely
	// HighRisk: a high risk; notify the subjects too (Art. 34(1)).
	HighRisk
)

var riskNames = enum.Names{"", "unlikely", "risk", "high"}

// String returns "unlikely", "risk" or "high".
func (r Risk) String() string { return enum.String(riskNames, r, "Risk") }

// MarshalText implements encoding.TextMarshaler.
func (r Risk) MarshalText() ([]byte, error) {
	return enum.Marshal(riskNames, r, "risk", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (r *Risk) UnmarshalText(b []byte) error {
	return enum.Unmarshal(riskNames, b, r, "risk", ErrUnknownValue)
}

// Breach is a personal data breach as the record of Art. 33(3) and (5)
// asks: when the controller (or processor) became aware, what data and
// how many people and records, the likely consequences and the measures
// taken.
type Breach struct {
	// Aware is the instant of awareness; every deadline counts from it.
	Aware time.Time `json:"aware" validate:"required"`
	// Categories are the data categories concerned.
	Categories []DataCategory `json:"categories" validate:"required,min=1"`
	// Subjects and Records are the approximate numbers of people and
	// records concerned.
	Subjects int `json:"subjects" validate:"gte=0"`
	Records  int `json:"records" validate:"gte=0"`
	// Consequences describes the likely consequences.
	Consequences string `json:"consequences"`
	// Measures describes the measures taken or proposed.
	Measures string `json:"measures"`
	// Risk is the assessed risk.
	Risk Risk `json:"risk" validate:"required"`
	// Unintelligible reports that the data was unintelligible to anyone
	// not authorised, such as data encrypted client-side (Open Products'
	// backups): the subjects need not be told (Art. 34(3)(a)).
	Unintelligible bool `json:"unintelligible,omitempty"`
	// Mitigated reports that measures taken after the breach ensure the
	// high risk is no longer likely to materialise, such as revoking
	// leaked credentials before use (Art. 34(3)(b)); Measures describes
	// them. The subjects then need not be told.
	Mitigated bool `json:"mitigated,omitempty"`
	// DisproportionateEffort reports that telling each subject would
	// involve disproportionate effort, such as subjects with no contact
	// details on record (Art. 34(3)(c)): a public communication, equally
	// effective, replaces the individual notices.
	DisproportionateEffort bool `json:"disproportionate_effort,omitempty"`
}

// BreachNotice is one notification of a breach to the supervisory
// authority: the first, or a later phase that adds information not
// available at first (Art. 33(4)).
type BreachNotice struct {
	// At is when the notice was given.
	At time.Time `json:"at"`
	// Complete reports that, with the notices before it, it gives all the
	// information of Art. 33(3)(a)-(d).
	Complete bool `json:"complete,omitempty"`
	// DelayReasons are the reasons for notifying after 72 hours (Art.
	// 33(1)); required on a first notice that is late.
	DelayReasons string `json:"delay_reasons,omitempty"`
}

// Validate reports every missing fact of the record at once (Art. 33(3),
// (5)) in a [*contract.ValidationError]: "aware: required", "risk:
// required", "subjects: gte(0)".
func (b Breach) Validate() error {
	var ps contract.Problems
	ps.Check("", b)
	if b.Risk > HighRisk {
		ps.Add("risk", "oneof", strings.Join(riskNames[1:], " "))
	}
	return ps.Err("validate breach", ErrInvalid)
}

// BreachAuthorityWindow is the time the controller has to notify the
// supervisory authority after awareness (GDPR Art. 33(1)): 72 hours.
const BreachAuthorityWindow = 72 * time.Hour

// AuthorityNotice decides whether and by when the controller notifies the
// supervisory authority: within 72 elapsed hours of awareness (Art.
// 33(1)), counted as real time across daylight-saving changes -- aware
// 2025-03-28T16:00+01:00 gives 2025-03-31T17:00+02:00 in Copenhagen --
// unless the breach is unlikely to result in a risk. Allowed reports that
// notice is required; At is the deadline in Aware's location.
func (b Breach) AuthorityNotice() contract.Decision {
	d := contract.Decision{Rule: "GDPR Art. 33(1)", From: contract.DateOf(b.Aware),
		Citations: []contract.Citation{gdpr("Art. 33(1)")}}
	if b.Risk == Unlikely {
		d.Citations = append(d.Citations, gdpr("Art. 33(5)"))
		d.Reason = contract.NewReason(cat, msgAuthorityNotNeeded)
		return d
	}
	d.Allowed = true
	d.At = contract.Elapsed(b.Aware, BreachAuthorityWindow)
	d.Date = contract.DateOf(d.At)
	d.Reason = contract.NewReason(cat, msgAuthorityNotice)
	return d
}

// CheckNotices decides whether the notices given to the supervisory
// authority meet Art. 33(1) and (4). A breach unlikely to result in a risk
// needs none. Otherwise the first notice is due within 72 hours of
// awareness ([Breach.AuthorityNotice]); a later first notice must carry
// the reasons for the delay (Art. 33(1)). Information may follow in
// phases without undue further delay (Art. 33(4)): while no notice is
// Complete the decision is Allowed and says the rest is due. At is the
// 72-hour deadline. Aware 2026-03-02T09:00Z: a first, incomplete notice on
// 2026-03-04T15:00Z and a complete one on 2026-03-09 are allowed; a first
// notice on 2026-03-06 without reasons is not. Notices are taken in time
// order; a notice with a zero At is ignored.
func (b Breach) CheckNotices(notices []BreachNotice) contract.Decision {
	d := b.AuthorityNotice()
	if !d.Allowed {
		d.Allowed = true
		return d
	}
	d.Citations = []contract.Citation{gdpr("Art. 33(1)")}
	var ns []BreachNotice
	for _, n := range notices {
		if !n.At.IsZero() {
			ns = append(ns, n)
		}
	}
	slices.SortStableFunc(ns, func(x, y BreachNotice) int { return x.At.Compare(y.At) })
	if len(ns) == 0 {
		d.Allowed = false
		d.Reason = contract.NewReason(cat, msgNoNotice)
		return d
	}
	late := ns[0].At.After(d.At)
	if late && ns[0].DelayReasons == "" {
		d.Allowed = false
		d.Reason = contract.NewReason(cat, msgLateNoReasons)
		return d
	}
	complete := slices.ContainsFunc(ns, func(n BreachNotice) bool { return n.Complete })
	if len(ns) > 1 || !complete {
		d.Citations = append(d.Citations, gdpr("Art. 33(4)"))
	}
	switch {
	case !complete:
		d.Reason = contract.NewReason(cat, msgNoticePhased)
	case late:
		d.Reason = contract.NewReason(cat, msgLateWithReasons)
	default:
		d.Reason = contract.NewReason(cat, msgNoticeInTime)
	}
	return d
}

// ProcessorNotice is the processor's deadline to tell its customer, the
// controller: t.BreachNotice after awareness (terms 6.3: 48 hours; GDPR
// Art. 33(2) "without undue delay"). It is always required.
func (b Breach) ProcessorNotice(t contract.Terms) contract.Decision {
	d := contract.Decision{Rule: "terms 6.3", Allowed: true, From: contract.DateOf(b.Aware),
		Citations: []contract.Citation{contract.Clause("6.3"), gdpr("Art. 33(2)")}}
	notice := time.Duration(t.BreachNotice)
	d.At = contract.Elapsed(b.Aware, notice)
	d.Date = contract.DateOf(d.At)
	if notice%time.Hour == 0 {
		d.Reason = contract.NewReason(cat, msgProcessorNoticeH, int(notice/time.Hour))
	} else {
		d.Reason = contract.NewReason(cat, msgProcessorNotice, int(notice/time.Minute))
	}
	return d
}

// SubjectsNotice decides whether the data subjects must be told, without
// undue delay (Art. 34(1)): only when the risk is high, and not when the
// data was unintelligible to others, such as encrypted (Art. 34(3)(a)), nor
// when later measures make the high risk unlikely (Art. 34(3)(b)). When
// telling each subject would take disproportionate effort (Art. 34(3)(c))
// a communication is still required, but a public one: the decision is
// Allowed, cites 34(3)(c) and says so. There is no fixed deadline, so At
// is zero; From is the day of awareness.
func (b Breach) SubjectsNotice() contract.Decision {
	d := contract.Decision{Rule: "GDPR Art. 34(1)", From: contract.DateOf(b.Aware),
		Citations: []contract.Citation{gdpr("Art. 34(1)")}}
	switch {
	case b.Risk != HighRisk:
		d.Reason = contract.NewReason(cat, msgSubjectsNotHigh)
	case b.Unintelligible:
		d.Citations = append(d.Citations, gdpr("Art. 34(3)(a)"))
		d.Reason = contract.NewReason(cat, msgSubjectsUnreadable)
	case b.Mitigated:
		d.Citations = append(d.Citations, gdpr("Art. 34(3)(b)"))
		d.Reason = contract.NewReason(cat, msgSubjectsMitigated)
	case b.DisproportionateEffort:
		d.Allowed = true
		d.Citations = append(d.Citations, gdpr("Art. 34(3)(c)"))
		d.Reason = contract.NewReason(cat, msgSubjectsPublic)
	default:
		d.Allowed = true
		d.Reason = contract.NewReason(cat, msgSubjectsNotice)
	}
	return d
}

// SubProcessorChange is a processor's intended addition or replacement of
// a sub-processor under a general written authorisation (GDPR Art. 28(2);
// terms 13.1: the customer's general consent): the controller must be told
// in advance and have time to object.
type SubProcessorChange struct {
	// Name is the sub-processor's name.
	Name string `json:"name" validate:"required"`
	// Notified is the day the controller was told.
	Notified contract.Date `json:"notified" validate:"required"`
	// Effective is the day the change is to take effect.
	Effective contract.Date `json:"effective" validate:"required"`
	// Counter counts the objection window: the agreement's counter
	// ([contract.Terms.Counter]). The zero Counter is Reg. 1182/71 over
	// Danish public holidays; the window ends on a day that never rolls.
	Counter contract.Counter `json:"counter,omitzero"`
}

// DefaultObjectionDays is the number of days pimkit gives a controller to
// object to a sub-processor change when the agreement sets none: 30.
// Terms 13.1 refers to the data processing agreement for the period, which
// pimkit does not model; 30 days is a common DPA term and an assumption.
const DefaultObjectionDays = 30

// Check decides whether the change may take effect on c.Effective given an
// objection window (zero means [DefaultObjectionDays]): the window runs
// from notice, not counting the day of notice, and the change may take
// effect the day after it ends (Reg. 1182/71 Art. 3, 4(1)); Date is that
// earliest day. Notified 2026-03-02 with 30 days: the window ends
// 2026-04-01, the change may take effect from 2026-04-02.
func (c SubProcessorChange) Check(window contract.Period) (contract.Decision, error) {
	if window.IsZero() {
		window = contract.Days(DefaultObjectionDays)
	}
	var ps contract.Problems
	ps.Check("", c)
	if err := ps.Err("check sub-processor change", ErrInvalid); err != nil {
		return contract.Decision{}, err
	}
	end, err := c.Counter.EffectiveDate(c.Notified, window)
	if err != nil {
		return contract.Decision{}, err
	}
	earliest := end.Date.AddDays(1)
	d := contract.Decision{Rule: "GDPR Art. 28(2)", From: c.Notified, Date: earliest,
		Citations: []contract.Citation{gdpr("Art. 28(2)"), contract.Clause("13.1")}}
	if c.Effective.Before(earliest) {
		d.Reason = contract.NewReason(cat, msgSubProcessorTooSoon, earliest)
		return d, nil
	}
	d.Allowed = true
	d.Reason = contract.NewReason(cat, msgSubProcessorOK, end.Date)
	return d, nil
}
