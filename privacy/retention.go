package privacy

import (
	"fmt"
	"strconv"

	"github.com/pimkit/pimkit/internal/enum"

	"github.com/pimkit/pimkit/contract"
)

// RetentionAction is what a plan says to do with a record.
type RetentionAction uint8

// The retention actions.
const (
	// EraseNow: erase the record now.
	EraseNow RetentionAction = iota + 1
	// AnonymiseNow: anonymise the record now (mask its personal fields
	// with a [Masking]) and keep the rest.
	AnonymiseNow
	// Keep: keep the record until the plan's date, then do the plan's
	// Then action.
	Keep
)

var retentionActionNames = enum.Names{"", "erase", "anonymise", "keep"}

// String returns "erase", "anonymise" or "keep".
func (a RetentionAction) String() string {
	return enum.String(retentionActionNames, a, "RetentionAction")
}

// MarshalText implements encoding.TextMarshaler.
func (a RetentionAction) MarshalText() ([]byte, error) {
	return enum.Marshal(retentionActionNames, a, "retention action", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (a *RetentionAction) UnmarshalText(b []byte) error {
	return enum.Unmarshal(retentionActionNames, b, a, "retention action", ErrUnknownValue)
}

// InventoryRecord is one record in the host's inventory of personal data,
// as the host describes it for retention planning. It carries no personal
// data itself: ID is the host's record reference.
type InventoryRecord struct {
	// ID is the host's reference for the record; it is copied to the plan
	// and never printed.
	ID string `json:"id" validate:"required"`
	// Category is the record's data category.
	Category DataCategory `json:"category"`
	// Purpose is the purpose the record is kept for.
	Purpose DataUse `json:"purpose" validate:"required"`
	// Basis is the legal basis it is processed on.
	Basis LegalBasis `json:"basis"`
	// Created is the day the record was created.
	Created contract.Date `json:"created"`
	// YearEnd is the last day of the financial year the record belongs
	// to, for bookkeeping material: 2024-12-31 for a calendar-year 2024
	// invoice.
	YearEnd contract.Date `json:"year_end,omitzero"`
	// Ended is the day the relationship or agreement the record serves
	// ended (terms 18.3); zero while it lasts.
	Ended contract.Date `json:"ended,omitzero"`
}

// RetentionRule says how long records of a purpose (and optionally a
// category) are kept and what happens after.
type RetentionRule struct {
	// Purpose selects records whose purpose is under it.
	Purpose DataUse `json:"purpose" validate:"required"`
	// Category, when set, narrows the rule to records under it.
	Category DataCategory `json:"category,omitempty"`
	// Retention is the period.
	Retention Retention `json:"retention"`
	// Then is what to do when the period ends: EraseNow (the default
	// when zero) or AnonymiseNow.
	Then RetentionAction `json:"then,omitempty"`
}

// RulesFromPolicy returns one retention rule per activity of p, erasing
// at the end.
func RulesFromPolicy(p Policy) []RetentionRule {
	out := make([]RetentionRule, 0, len(p.Activities))
	for _, a := range p.Activities {
		out = append(out, RetentionRule{Purpose: a.Purpose, Retention: a.Retention, Then: EraseNow})
	}
	return out
}

// RetentionPlan is the plan for one record.
type RetentionPlan struct {
	// Record is the record's ID.
	Record string `json:"record"`
	// Action is what to do now.
	Action RetentionAction `json:"action"`
	// Until is, for Keep, the last day to keep the record; zero when it is
	// kept while needed with no fixed end.
	Until contract.Date `json:"until,omitzero"`
	// Then is, for Keep, what to do after Until.
	Then RetentionAction `json:"then,omitempty"`
	// LegalHold reports that a law requires keeping the record, which
	// defers erasure on request (GDPR Art. 17(3)(b)).
	LegalHold bool `json:"legal_hold,omitempty"`
	// Decision explains the plan.
	Decision contract.Decision `json:"decision"`
}

// String returns "keep until 2029-12-31, then erase" without the record ID.
func (p RetentionPlan) String() string {
	switch {
	case p.Action != Keep:
		return p.Action.String() + " now"
	case p.Until.IsZero():
		return "keep while needed"
	}
	return fmt.Sprintf("keep until %s, then %s", p.Until, p.Then)
}

func bestRule(r InventoryRecord, rules []RetentionRule) (RetentionRule, bool) {
	best, score := RetentionRule{}, -1
	for _, rule := range rules {
		if !r.Purpose.Under(rule.Purpose) || (rule.Category != "" && !r.Category.Under(rule.Category)) {
			continue
		}
		s := len(rule.Purpose)*2 + len(rule.Category)
		if s >= score {
			best, score = rule, s
		}
	}
	return best, score >= 0
}

// PlanRetention plans each record on day on by the most specific rule
// (longest matching purpose, then category; on a tie the later rule wins,
// so a host appends its overrides to [RulesFromPolicy]):
//
//   - FromYearEnd and FromCollection: keep until the period ends counted
//     from the year end or creation, never rolled (Reg. 1182/71 Art.
//     4(1)), then the rule's Then action: a 2024 invoice kept 5 years from
//     year end 2024-12-31 is kept until 2029-12-31 and erased from
//     2030-01-01 (bogføringsloven § 10);
//   - WhileNeeded and UntilTermination: keep while Ended is zero, then the
//     Then action (terms 18.3: deleted when the agreement ends).
//
// When erasureRequested, the subject has asked for erasure (GDPR Art.
// 17(1)): records are erased now unless their rule names a Law that
// requires keeping them (Art. 17(3)(b)), which are kept until the period
// ends. Records without a rule, or with a FromYearEnd rule and no
// YearEnd, are reported at once in a [*ValidationError].
func PlanRetention(records []InventoryRecord, rules []RetentionRule, on contract.Date, erasureRequested bool) ([]RetentionPlan, error) {
	var ps contract.Problems
	for i, r := range records {
		ps.Check("records["+strconv.Itoa(i)+"]", r)
	}
	for i, r := range rules {
		ps.Check("rules["+strconv.Itoa(i)+"]", r)
	}
	if err := ps.Err("plan retention", ErrInvalid); err != nil {
		return nil, err
	}
	out := make([]RetentionPlan, 0, len(records))
	// Retention ends on a day that takes effect and never rolls (Reg.
	// 1182/71 Art. 4(1)), so no holiday calendar is involved: the zero
	// Counter only checks the period and counts the months.
	var c contract.Counter
	for i, r := range records {
		path := fmt.Sprintf("records[%d]", i)
		rule, ok := bestRule(r, rules)
		if !ok {
			ps.Add(path+".purpose", "no_retention_rule", string(r.Purpose))
			continue
		}
		then := rule.Then
		if then != AnonymiseNow {
			then = EraseNow
		}
		plan := RetentionPlan{Record: r.ID, Then: then}
		var until contract.Date
		switch rule.Retention.Kind {
		case FromYearEnd, FromCollection:
			from := r.Created
			if rule.Retention.Kind == FromYearEnd {
				from = r.YearEnd
			}
			if from.IsZero() {
				ps.Add(path+".year_end", "required_for_rule", rule.Retention.String())
				continue
			}
			dl, err := c.EffectiveDate(from, rule.Retention.Period)
			if err != nil {
				ps.Add(path+".purpose", "invalid_retention_period", rule.Retention.Period.String())
				continue
			}
			until = dl.Date
		default:
			if !r.Ended.IsZero() {
				until = r.Ended
			}
		}
		hold := rule.Retention.Law != ""
		plan.LegalHold = hold
		dec := contract.Decision{Rule: "GDPR Art. 5(1)(e)", From: r.Created,
			Citations: []contract.Citation{gdpr("Art. 5(1)(e)")}}
		switch {
		case erasureRequested && !hold:
			plan.Action = EraseNow
			dec.Rule, dec.Citations = "GDPR Art. 17(1)", []contract.Citation{gdpr("Art. 17(1)")}
		case erasureRequested && hold && !until.IsZero() && !on.After(until):
			plan.Action, plan.Until = Keep, until
			dec.Rule = "GDPR Art. 17(3)(b)"
			dec.Citations = []contract.Citation{gdpr("Art. 17(3)(b)"), contract.Cite(rule.Retention.Law, "")}
		case until.IsZero() && rule.Retention.Kind != FromYearEnd && rule.Retention.Kind != FromCollection:
			plan.Action = Keep // while needed, no end yet
		case !until.IsZero() && !on.After(until):
			plan.Action, plan.Until = Keep, until
		default:
			plan.Action = then
		}
		if plan.Action == Keep && hold {
			dec.Citations = appendUnique(dec.Citations, contract.Cite(rule.Retention.Law, ""))
		}
		dec.Allowed = plan.Action != Keep
		dec.Date = plan.Until
		if plan.Action == Keep && !plan.Until.IsZero() && hold {
			dec.Reason = contract.NewReason(cat, msgEraseDeferred, plan.Until)
		} else if plan.Action != Keep {
			dec.Reason = contract.NewReason(cat, msgEraseNow)
			dec.Date = on
		} else {
			dec.Reason = contract.NewReason(cat, msgRetainNeeded)
		}
		plan.Decision = dec
		out = append(out, plan)
	}
	if err := ps.Err("plan retention", ErrInvalid); err != nil {
		return nil, err
	}
	return out, nil
}

func appendUnique(cs []contract.Citation, c contract.Citation) []contract.Citation {
	for _, x := range cs {
		if x == c {
			return cs
		}
	}
	return append(cs, c)
}

// ErasureDecision sums up the plans made for an erasure request: allowed
// when every record is erased or anonymised now; otherwise refused for
// now, with Date the last day any record must still be kept and the laws
// that require it (GDPR Art. 17(3)(b)).
func ErasureDecision(plans []RetentionPlan, on contract.Date) contract.Decision {
	d := contract.Decision{Rule: "GDPR Art. 17", Allowed: true, Date: on,
		Citations: []contract.Citation{gdpr("Art. 17(1)")},
		Reason:    contract.NewReason(cat, msgEraseNow)}
	for _, p := range plans {
		if p.Action != Keep {
			continue
		}
		if d.Allowed {
			d.Allowed, d.Rule = false, "GDPR Art. 17(3)(b)"
			d.Date = contract.Date{}
			d.Citations = []contract.Citation{gdpr("Art. 17(3)(b)")}
		}
		if p.Until.After(d.Date) {
			d.Date = p.Until
		}
		for _, c := range p.Decision.Citations[1:] {
			d.Citations = appendUnique(d.Citations, c)
		}
	}
	if !d.Allowed {
		d.Reason = contract.NewReason(cat, msgEraseDeferred, d.Date)
	}
	return d
}
