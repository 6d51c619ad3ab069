package privacy

import (
	"time"

	"github.com/pimkit/pimkit/contract"
)

// What codes of the obligations package privacy gives, for
// [contract.NewSchedule]. The controller is the customer side of the
// agreement and the processor the provider side (terms 11.1).
const (
	// WhatAnswerRequest is the controller's duty to answer a data
	// subject's request by its deadline (GDPR Art. 12(3)).
	WhatAnswerRequest = "answer_request"
	// WhatNotifyController is the processor's duty to tell the controller
	// of a breach (terms 6.3: 48 hours; GDPR Art. 33(2)).
	WhatNotifyController = "notify_controller_of_breach"
	// WhatNotifyAuthority is the controller's duty to notify the
	// supervisory authority of a breach within 72 hours (Art. 33(1)).
	WhatNotifyAuthority = "notify_authority_of_breach"
	// WhatNotifySubjects is the controller's duty to tell the data subjects
	// of a high-risk breach without undue delay (Art. 34(1)).
	WhatNotifySubjects = "notify_subjects_of_breach"
	// WhatErase and WhatAnonymise are the controller's duties when a
	// record's retention ends (Art. 5(1)(e), 17).
	WhatErase     = "erase_record"
	WhatAnonymise = "anonymise_record"
)

// Obligation gives the controller's duty to answer r, in zone loc: from
// the day of receipt to the end of its current deadline (one month, or
// three when extended; Art. 12(3)), ended early by its completion or
// refusal. Ref is the request's kind.
func (r Request) Obligation(loc *time.Location) (contract.Obligation, error) {
	if loc == nil {
		return contract.Obligation{}, contract.ErrNilLocation
	}
	at := func(d contract.Date) time.Time { t, _ := d.In(loc); return t }
	o := contract.Obligation{Party: contract.CustomerSide, What: WhatAnswerRequest, From: at(r.Received),
		Until: at(r.Due.Date.AddDays(1)), Deadline: r.Due.Kind, Ref: r.Kind.String(), Rule: "GDPR Art. 12(3)",
		Citations: []contract.Citation{gdpr("Art. 12(3)"), r.Kind.Citation()}}
	if !r.Closed.IsZero() && at(r.Closed.AddDays(1)).Before(o.Until) {
		o.Until, o.Deadline = at(r.Closed.AddDays(1)), 0
	}
	return o, nil
}

// Obligations gives the duties a breach starts, from the instant of
// awareness: the processor's notice to the controller within t.BreachNotice
// (terms 6.3), the controller's notification of the authority within 72
// hours unless the breach is unlikely to be a risk (Art. 33(1), 33(5)), and
// its notice to the subjects of a high-risk breach without undue delay,
// which has no fixed end (Art. 34(1)), unless an exemption of Art. 34(3)
// applies. Ref is ref, the host's name for the breach.
func (b Breach) Obligations(t contract.Terms, ref string) []contract.Obligation {
	var out []contract.Obligation
	p := b.ProcessorNotice(t)
	out = append(out, contract.Obligation{Party: contract.ProviderSide, What: WhatNotifyController, From: b.Aware, Until: p.At,
		Ref: ref, Rule: p.Rule, Citations: p.Citations})
	if a := b.AuthorityNotice(); a.Allowed {
		out = append(out, contract.Obligation{Party: contract.CustomerSide, What: WhatNotifyAuthority, From: b.Aware, Until: a.At,
			Ref: ref, Rule: a.Rule, Citations: a.Citations})
	}
	if s := b.SubjectsNotice(); s.Allowed {
		out = append(out, contract.Obligation{Party: contract.CustomerSide, What: WhatNotifySubjects, From: b.Aware,
			Ref: ref, Rule: s.Rule, Citations: s.Citations})
	}
	return out
}

// Obligation gives the controller's duty when a kept record's retention
// ends, in zone loc: to erase or anonymise it from the day after Until
// (Art. 5(1)(e), 17(1)(a)). The duty has no end of its own. ok is false for
// a plan that keeps the record with no fixed end or acts now.
func (p RetentionPlan) Obligation(loc *time.Location) (o contract.Obligation, ok bool) {
	if loc == nil || p.Action != Keep || p.Until.IsZero() {
		return contract.Obligation{}, false
	}
	from, err := p.Until.AddDays(1).In(loc)
	if err != nil {
		return contract.Obligation{}, false
	}
	what := WhatErase
	if p.Then == AnonymiseNow {
		what = WhatAnonymise
	}
	return contract.Obligation{Party: contract.CustomerSide, What: what, From: from, Ref: p.Record, Rule: "GDPR Art. 5(1)(e)",
		Citations: append([]contract.Citation{gdpr("Art. 5(1)(e)"), gdpr("Art. 17(1)(a)")}, p.Decision.Citations...)}, true
}
