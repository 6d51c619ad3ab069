package contract

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pimkit/pimkit/internal/money"
	"github.com/shopspring/decimal"
)

// param is one parameter of [Terms] that an agreement document may set,
// named by the field's JSON name.
type param struct {
	name string
	ref  string // clause of the terms
	// dataProcessing marks parameters about processing data on the
	// customer's behalf, where the data processing agreement prevails
	// (terms 1.3).
	dataProcessing bool
	// get reads the field from *t; a pointer, so that reading one
	// parameter does not copy the whole of Terms.
	get func(*Terms) string
	set func(*Terms, string) error
}

var errParamSyntax = errors.New("bad value")

func periodParam(name, ref string, f func(*Terms) *Period) param {
	return param{name: name, ref: ref,
		get: func(t *Terms) string { return f(t).String() },
		set: func(t *Terms, s string) error {
			p, err := ParsePeriod(s)
			if err != nil {
				return err
			}
			*f(t) = p
			return nil
		}}
}

// durationParam reads ISO 8601 ("PT48H") and, as documents written for
// earlier versions do, Go duration text ("48h"); it writes ISO 8601.
func durationParam(name, ref string, f func(*Terms) *Duration) param {
	return param{name: name, ref: ref,
		get: func(t *Terms) string { return f(t).String() },
		set: func(t *Terms, s string) error {
			d, err := ParseDuration(s)
			if err != nil {
				if len(s) > 64 {
					return errParamSyntax
				}
				g, gerr := time.ParseDuration(s)
				if gerr != nil {
					return errParamSyntax
				}
				d = Duration(g)
			}
			*f(t) = d
			return nil
		}}
}

func decimalParam(name, ref string, get func(*Terms) decimal.Decimal, set func(*Terms, decimal.Decimal)) param {
	return param{name: name, ref: ref,
		get: func(t *Terms) string { return get(t).String() },
		set: func(t *Terms, s string) error {
			d, err := money.ParseDecimal(s)
			if err != nil {
				return errParamSyntax
			}
			set(t, d)
			return nil
		}}
}

func intParam(name, ref string, f func(*Terms) *int) param {
	return param{name: name, ref: ref,
		get: func(t *Terms) string { return strconv.Itoa(*f(t)) },
		set: func(t *Terms, s string) error {
			if len(s) > 9 {
				return errParamSyntax
			}
			n, err := strconv.Atoi(s)
			if err != nil {
				return errParamSyntax
			}
			*f(t) = n
			return nil
		}}
}

func boolParam(name, ref string, f func(*Terms) *bool) param {
	return param{name: name, ref: ref,
		get: func(t *Terms) string { return strconv.FormatBool(*f(t)) },
		set: func(t *Terms, s string) error {
			switch s {
			case "true":
				*f(t) = true
			case "false":
				*f(t) = false
			default:
				return errParamSyntax
			}
			return nil
		}}
}

func stringParam(name, ref string, f func(*Terms) *string) param {
	return param{name: name, ref: ref,
		get: func(t *Terms) string { return *f(t) },
		set: func(t *Terms, s string) error {
			if s == "" || len(s) > 200 {
				return errParamSyntax
			}
			*f(t) = s
			return nil
		}}
}

// params lists every parameter, sorted by name.
var params = []param{
	intParam("liability_per_event_months", "15.1", func(t *Terms) *int { return &t.LiabilityPerEventMonths }),
	intParam("liability_total_months", "15.1", func(t *Terms) *int { return &t.LiabilityTotalMonths }),
	boolParam("assistance_charged", "11.5", func(t *Terms) *bool { return &t.AssistanceCharged }),
	periodParam("confidentiality", "9.3", func(t *Terms) *Period { return &t.Confidentiality }),
	periodParam("cure_period", "17.3", func(t *Terms) *Period { return &t.CurePeriod }),
	{name: "currency", ref: "19.3",
		get: func(t *Terms) string { return t.Currency.String() },
		set: func(t *Terms, s string) error {
			c, err := ParseCurrency(s)
			if err != nil {
				return errParamSyntax
			}
			t.Currency = c
			return nil
		}},
	periodParam("customer_notice", "17.2", func(t *Terms) *Period { return &t.CustomerNotice }),
	periodParam("defect_remedy_period", "15.3", func(t *Terms) *Period { return &t.DefectRemedyPeriod }),
	boolParam("delete_data_at_termination", "18.3", func(t *Terms) *bool { return &t.DeleteDataAtTermination }),
	durationParam("emergency_notice", "3.2", func(t *Terms) *Duration { return &t.EmergencyNotice }),
	periodParam("force_majeure_limit", "14.3", func(t *Terms) *Period { return &t.ForceMajeureLimit }),
	decimalParam("late_interest_per_month", "12.3",
		func(t *Terms) decimal.Decimal { return t.LateInterestPerMonth.Decimal() },
		func(t *Terms, d decimal.Decimal) { t.LateInterestPerMonth = Dec(d) }),
	stringParam("law", "20.1", func(t *Terms) *string { return &t.Law }),
	periodParam("minimum_invoicing", "12.5", func(t *Terms) *Period { return &t.MinimumInvoicing }),
	periodParam("payment_period", "12.3", func(t *Terms) *Period { return &t.PaymentPeriod }),
	periodParam("payment_term", "12.3", func(t *Terms) *Period { return &t.PaymentTerm }),
	boolParam("outage_liability", "15.2", func(t *Terms) *bool { return &t.OutageLiability }),
	boolParam("penalties_inside_cap", "15.1", func(t *Terms) *bool { return &t.PenaltiesInsideCap }),
	periodParam("price_change_notice", "12.2", func(t *Terms) *Period { return &t.PriceChangeNotice }),
	boolParam("prices_exclude_vat", "12.1", func(t *Terms) *bool { return &t.PricesExcludeVAT }),
	boolParam("resale_allowed", "19.7", func(t *Terms) *bool { return &t.ResaleAllowed }),
	durationParam("service_window_notice", "3.2", func(t *Terms) *Duration { return &t.ServiceWindowNotice }),
	boolParam("statutory_withdrawal", "19.5", func(t *Terms) *bool { return &t.StatutoryWithdrawal }),
	intParam("suspend_after_demands", "12.3", func(t *Terms) *int { return &t.SuspendAfterDemands }),
	intParam("terminate_after_demands", "17.3", func(t *Terms) *int { return &t.TerminateAfterDemands }),
	decimalParam("availability_percent", "8.1",
		func(t *Terms) decimal.Decimal { return t.AvailabilityPercent.Decimal() },
		func(t *Terms, d decimal.Decimal) { t.AvailabilityPercent = PercentOf(d) }),
	durationParam("breach_notice", "6.3", func(t *Terms) *Duration { return &t.BreachNotice }),
	stringParam("venue", "20.2", func(t *Terms) *string { return &t.Venue }),
}

func init() {
	for i := range params {
		switch params[i].name {
		case "assistance_charged", "breach_notice", "delete_data_at_termination":
			params[i].dataProcessing = true
		}
	}
	sortParams(params)
}

func findParam(name string) (param, bool) {
	for _, p := range params {
		if p.name == name {
			return p, true
		}
	}
	return param{}, false
}

// Params returns the names of the [Terms] parameters an agreement document
// may set, sorted: "availability_percent", "breach_notice", ...,
// "venue". Values are text: periods in ISO 8601 ("P12M"), hour notices as
// ISO 8601 durations ("PT48H"; Go's "48h" is read too), decimals plain ("99.9", "0.02"), counts as
// integers, flags as "true" or "false", the currency as an ISO 4217 code.
func Params() []string {
	out := make([]string, len(params))
	for i, p := range params {
		out[i] = p.name
	}
	return out
}

// Param returns the value of parameter name in t as text, the form an
// agreement document uses: Param("payment_period") of [OpenDIMSTerms] is
// "P12M". An unknown name reports false.
func (t Terms) Param(name string) (string, bool) {
	p, ok := findParam(name)
	if !ok {
		return "", false
	}
	return p.get(&t), true
}

// SetParam returns t with parameter name set from text: SetParam
// ("payment_period", "P1M"). An unknown name is an error wrapping
// ErrUnknownParam; a value that does not parse is a [*ValidationError]
// wrapping ErrInvalidInput naming the parameter. The result is not
// validated; call [Terms.Validate].
func (t Terms) SetParam(name, value string) (Terms, error) {
	p, ok := findParam(name)
	if !ok {
		return t, NewValidationError("set parameter", []Problem{{Path: truncate(name), Rule: "param"}}, ErrUnknownParam)
	}
	if err := p.set(&t, value); err != nil {
		return t, NewValidationError("set parameter", []Problem{{Path: name, Rule: "syntax"}}, ErrInvalidInput)
	}
	return t, nil
}

func sortParams(ps []param) {
	slices.SortFunc(ps, func(a, b param) int { return strings.Compare(a.name, b.name) })
}
