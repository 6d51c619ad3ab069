package main

import (
	"github.com/pimkit/pimkit/contract"
)

// termination ends the agreement: the webshop cancels its self-serve
// subscription by switching to the free plan, and the confidentiality duty
// of terms 9.3 outlives the agreement by five years.
func (t *tour) termination() error {
	asked := contract.MustDate(2026, 11, 23)
	d, err := t.agreement.Cancel(asked, contract.SwitchToFreePlan)
	if err != nil {
		return err
	}
	t.explain("switch to the free plan on "+asked.String(), d)
	byEmail, err := t.agreement.Cancel(asked, contract.CancelByEmail)
	if err != nil {
		return err
	}
	t.explain("cancelling by e-mail instead", byEmail)

	ended := d.Date
	t.explain("confidentiality", t.agreement.Terms.Disclosure(ended, ended.AddDays(1)))
	t.explain("data after termination", t.agreement.Terms.DataDeletion(ended, false))
	return nil
}
