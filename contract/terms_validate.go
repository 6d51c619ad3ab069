package contract

import (
	"cmp"
	"errors"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/pimkit/pimkit/internal/validate"
	"github.com/shopspring/decimal"
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
//   - provider.name, currency and venue are required (12.1, 19.3, 20.2),
//     and the provider's CVR number passes the mod-11 check;
//   - payment_period, customer_notice and the other calendar periods are
//     not negative, and payment_period and minimum_invoicing are not empty
//     (12.3, 12.5, 17.2);
//   - availability_percent is within 0..100 (8.1: 99.9 passes, 100.1 and
//     -1 fail) and late_interest_per_month is not negative (12.3);
//   - demand counts, liability months and hour notices are not negative,
//     and terminating needs no fewer demands than suspending (12.3, 17.3);
//   - the per-event liability cap does not exceed the total cap (15.1);
//   - law is an ISO 3166-1 country code (20.1).
//
// The fields' validate tags carry the single-field rules; the calendar
// periods, the decimals (bounded before they are compared) and the
// cross-field rules are checked by hand. Problems come in the order of
// the fields of [Terms]. The zero Terms is invalid; [OpenDIMSTerms] is
// valid.
func (t Terms) Validate() error {
	p := problems{op: "validate terms", kind: ErrInvalidTerms}
	if !t.tagsSurelyHold() {
		p.Check("", t)
	}
	if blank(t.Provider.Name) {
		p.add("provider.name", "required", "")
	}
	if _, err := t.Zone.Location(); err != nil {
		p.add("zone", "oneof", "Europe/Copenhagen Europe/Stockholm UTC")
	}
	p.period("payment_period", t.PaymentPeriod, true)
	p.period("payment_term", t.PaymentTerm, false)
	p.decimalRange("late_interest_per_month", t.LateInterestPerMonth.Decimal(), "0", "")
	if t.SuspendAfterDemands > 0 && t.TerminateAfterDemands > 0 &&
		t.TerminateAfterDemands < t.SuspendAfterDemands {
		p.add("terminate_after_demands", "gtefield", "suspend_after_demands")
	}
	p.period("price_change_notice", t.PriceChangeNotice, false)
	p.period("minimum_invoicing", t.MinimumInvoicing, true)
	p.decimalRange("availability_percent", t.AvailabilityPercent.Decimal(), "0", "100")
	p.period("confidentiality", t.Confidentiality, false)
	p.period("force_majeure_limit", t.ForceMajeureLimit, false)
	if t.LiabilityPerEventMonths >= 0 && t.LiabilityTotalMonths >= 0 &&
		t.LiabilityPerEventMonths > t.LiabilityTotalMonths {
		p.add("liability_per_event_months", "ltefield", "liability_total_months")
	}
	p.period("defect_remedy_period", t.DefectRemedyPeriod, false)
	p.period("customer_notice", t.CustomerNotice, false)
	p.period("cure_period", t.CurePeriod, false)
	if blank(t.Venue) {
		p.add("venue", "required", "")
	}
	slices.SortStableFunc(p.list, func(a, b Problem) int {
		return cmp.Compare(termsFieldIndex(a.Path), termsFieldIndex(b.Path))
	})
	return p.err()
}

// tagsSurelyHold reports, without reflection, that no validate tag of t
// can fail, so that [Terms.Validate] -- which [ResolveTerms] and
// [Conclude] call on every agreement -- runs the validator only when one
// may. It is conservative: false means "ask the validator", which then
// finds the problems and reports them. A test breaks every tagged field
// and checks that this says false.
func (t *Terms) tagsSurelyHold() bool {
	pr := &t.Provider
	return pr.Name != "" && len(pr.Name) <= 200 && (pr.CVR == "" || validate.ValidCVR(pr.CVR)) &&
		pr.VATID == "" && len(pr.Address) <= 500 && (pr.Country == "" || knownCountry(pr.Country)) &&
		!t.Currency.IsZero() && t.SuspendAfterDemands >= 0 && t.TerminateAfterDemands >= 0 &&
		t.ServiceWindowNotice >= 0 && t.EmergencyNotice >= 0 && t.BreachNotice >= 0 &&
		t.LiabilityTotalMonths >= 0 && t.LiabilityPerEventMonths >= 0 &&
		knownCountry(t.Law) && t.Venue != "" && len(t.Venue) <= 200
}

// knownCountry reports whether s is one of a few ISO 3166-1 codes the
// terms commonly name; any other code is left to the validator.
func knownCountry(s string) bool {
	switch s {
	case "DK", "SE", "NO", "FI", "IS", "DE", "NL", "GB", "IE", "FR", "ES", "IT", "PL", "AT", "BE", "CH", "US":
		return true
	}
	return false
}

// blank reports whether s is not empty but only white space, which the
// required tag lets through.
func blank(s string) bool { return s != "" && strings.TrimSpace(s) == "" }

// termsFields lists the JSON names of the fields of Terms, in order.
var termsFields = sync.OnceValue(func() map[string]int {
	typ := reflect.TypeFor[Terms]()
	m := make(map[string]int, typ.NumField())
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		m[name] = i
	}
	return m
})

// termsFieldIndex returns the position in Terms of the field a problem's
// path starts with.
func termsFieldIndex(path string) int {
	name := path
	if i := strings.IndexAny(path, ".["); i >= 0 {
		name = path[:i]
	}
	if i, ok := termsFields()[name]; ok {
		return i
	}
	return len(termsFields())
}

// tooLong reports whether p is longer than any agreement could need, so
// that counting with it could leave the range of [Date]: more than 9999
// years in any one component.
func (p Period) tooLong() bool {
	const maxDays = 9999 * 366
	return p.Years > 9999 || p.Months > 9999*12 || p.Weeks > maxDays/7 || p.Days > maxDays ||
		p.maxDays() > maxDays
}
