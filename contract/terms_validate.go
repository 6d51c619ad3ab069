package contract

import (
	"errors"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// Errors of the agreement rules. Every error they return wraps one of
// these, so callers match with [errors.Is]; a [*ValidationError] carries the
// list of fields at fault.
var (
	// ErrInvalidTerms reports a [Terms] value that breaks a rule a clause
	// needs: a negative period, availability above 100 %, a negative cap.
	ErrInvalidTerms = errors.New("contract: invalid terms")
	// ErrInvalidInput reports an argument a rule cannot judge: a notice
	// dated before the agreement starts, a claim in another currency, a
	// negative amount.
	ErrInvalidInput = errors.New("contract: invalid input")
	// ErrConflict reports two agreement documents of equal rank that set
	// the same parameter with no declared priority between them (terms
	// 1.3): the resolver refuses to choose silently.
	ErrConflict = errors.New("contract: conflicting documents")
	// ErrUnknownParam reports a parameter name no [Terms] field carries.
	ErrUnknownParam = errors.New("contract: unknown parameter")
)

// problems collects field errors for one operation.
type problems struct {
	op   string
	kind error
	Problems
}

func (p *problems) add(field, rule, param string) { p.Add(field, rule, param) }

// err returns nil when no problem was added.
func (p *problems) err() error { return p.Err(p.op, p.kind) }

func (p *problems) period(field string, v Period, positive bool) {
	switch {
	case v.tooLong():
		p.add(field, "lte", "P9999Y")
	case v.IsNegative():
		p.add(field, "gte", "P0D")
	case positive && v.IsZero():
		p.add(field, "gt", "P0D")
	}
}

func (p *problems) decimalRange(field string, v decimal.Decimal, lo, hi string) {
	if !saneAmount(v) {
		p.add(field, "lte", maxAmountText)
		return
	}
	if lo != "" && v.LessThan(decimal.RequireFromString(lo)) {
		p.add(field, "gte", lo)
	}
	if hi != "" && v.GreaterThan(decimal.RequireFromString(hi)) {
		p.add(field, "lte", hi)
	}
}

// Validate checks that t can drive the rules and reports every problem at
// once as a [*ValidationError] wrapping [ErrInvalidTerms], with the JSON
// field names of [Terms]:
//
//   - provider.name and currency are required (12.1, 19.3);
//   - payment_period, customer_notice and the other calendar periods are
//     not negative, and payment_period and minimum_invoicing are not empty
//     (12.3, 12.5, 17.2);
//   - availability_percent is within 0..100 (8.1: 99.9 passes, 100.1 and
//     -1 fail) and late_interest_per_month is not negative (12.3);
//   - demand counts, liability months and hour notices are not negative,
//     and terminating needs no fewer demands than suspending (12.3, 17.3);
//   - the per-event liability cap does not exceed the total cap (15.1);
//   - law is a two-letter country code and venue is named (20).
//
// The zero Terms is invalid; [OpenDIMSTerms] is valid.
func (t Terms) Validate() error {
	p := problems{op: "validate terms", kind: ErrInvalidTerms}
	if strings.TrimSpace(t.Provider.Name) == "" {
		p.add("provider.name", "required", "")
	}
	if _, err := t.Zone.Location(); err != nil {
		p.add("zone", "oneof", "Europe/Copenhagen Europe/Stockholm UTC")
	}
	if t.Currency == (currency.Unit{}) {
		p.add("currency", "required", "")
	}
	p.period("payment_period", t.PaymentPeriod, true)
	p.period("payment_term", t.PaymentTerm, false)
	p.decimalRange("late_interest_per_month", t.LateInterestPerMonth, "0", "")
	if t.SuspendAfterDemands < 0 {
		p.add("suspend_after_demands", "gte", "0")
	}
	if t.TerminateAfterDemands < 0 {
		p.add("terminate_after_demands", "gte", "0")
	} else if t.SuspendAfterDemands > 0 && t.TerminateAfterDemands > 0 &&
		t.TerminateAfterDemands < t.SuspendAfterDemands {
		p.add("terminate_after_demands", "gtefield", "suspend_after_demands")
	}
	p.period("price_change_notice", t.PriceChangeNotice, false)
	p.period("minimum_invoicing", t.MinimumInvoicing, true)
	if t.ServiceWindowNotice < 0 {
		p.add("service_window_notice", "gte", "0")
	}
	if t.EmergencyNotice < 0 {
		p.add("emergency_notice", "gte", "0")
	}
	p.decimalRange("availability_percent", t.AvailabilityPercent, "0", "100")
	if t.BreachNotice < 0 {
		p.add("breach_notice", "gte", "0")
	}
	p.period("confidentiality", t.Confidentiality, false)
	p.period("force_majeure_limit", t.ForceMajeureLimit, false)
	if t.LiabilityTotalMonths < 0 {
		p.add("liability_total_months", "gte", "0")
	}
	if t.LiabilityPerEventMonths < 0 {
		p.add("liability_per_event_months", "gte", "0")
	} else if t.LiabilityTotalMonths >= 0 && t.LiabilityPerEventMonths > t.LiabilityTotalMonths {
		p.add("liability_per_event_months", "ltefield", "liability_total_months")
	}
	p.period("defect_remedy_period", t.DefectRemedyPeriod, false)
	p.period("customer_notice", t.CustomerNotice, false)
	p.period("cure_period", t.CurePeriod, false)
	if !validCountry(t.Law) {
		p.add("law", "iso3166_1_alpha2", "")
	}
	if strings.TrimSpace(t.Venue) == "" {
		p.add("venue", "required", "")
	}
	return p.err()
}

func validCountry(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// tooLong reports whether p is longer than any agreement could need, so
// that counting with it could leave the range of [Date]: more than 9999
// years in any one component.
func (p Period) tooLong() bool {
	const maxDays = 9999 * 366
	return p.Years > 9999 || p.Months > 9999*12 || p.Weeks > maxDays/7 || p.Days > maxDays ||
		p.maxDays() > maxDays
}
