package billing

import "github.com/pimkit/pimkit/contract"

// InterestImpact computes the late interest on stored debts up to until
// under two versions of the interest rules -- another statutory rate table
// (a reference rate added or corrected with [RateTable.With]), another
// agreed rate or day count -- and lists every debt whose interest differs,
// with both amounts and the day from which it differs
// ([contract.CompareFindings]). subjects name the debts (invoice numbers)
// and run in parallel with debts. A debt one version cannot compute (a
// missing statutory rate) is the error [InterestRules.Interest] gives.
func InterestImpact(old, new InterestRules, subjects []string, debts []Debt, until contract.Date) ([]contract.Difference, error) {
	if len(subjects) != len(debts) {
		var ps contract.Problems
		ps.Add("subjects", "len", "debts")
		return nil, invalid(&ps, "interest impact")
	}
	find := func(r InterestRules) ([]contract.Finding, error) {
		out := make([]contract.Finding, len(debts))
		for i, d := range debts {
			st, err := r.Interest(d, until)
			if err != nil {
				return nil, err
			}
			out[i] = contract.Finding{Subject: subjects[i], Key: "interest", On: st.Due.AddDays(1), Amount: st.Total,
				Decision: contract.Decision{Rule: "terms 12.3", Allowed: st.Total.IsPositive(), From: st.Due, Date: st.Until,
					Citations: st.Citations}}
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
