package privacy

import "github.com/pimkit/pimkit/contract"

// RetentionImpact plans the retention of records on day on under two
// versions of the retention rules -- those of two policy versions
// ([RulesFromPolicy] of each), or a host's override -- and lists every
// record whose plan differs: what to do now, until when it is kept, what
// then, for which record and from which day ([contract.CompareFindings]).
// The subject of each finding is the record's ID, which a host keeps out
// of its logs. Records that a version cannot plan are the error
// [PlanRetention] gives.
func RetentionImpact(old, new []RetentionRule, records []InventoryRecord, on contract.Date) ([]contract.Difference, error) {
	find := func(rules []RetentionRule) ([]contract.Finding, error) {
		plans, err := PlanRetention(records, rules, on, false)
		if err != nil {
			return nil, err
		}
		out := make([]contract.Finding, len(plans))
		for i, p := range plans {
			d := p.Decision
			d.Date = p.Until
			d.Allowed = p.Action == Keep
			d.Rule = d.Rule + " " + p.Action.String() + " then " + p.Then.String()
			out[i] = contract.Finding{Subject: p.Record, Key: "retention", On: on, Decision: d}
		}
		return out, nil
	}
	before, err := find(old)
	if err != nil {
		return nil, err
	}
	after, err := find(new)
	if err != nil {
		return nil, err
	}
	return contract.CompareFindings(before, after), nil
}
