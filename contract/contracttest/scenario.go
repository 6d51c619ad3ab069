package contracttest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/pimkit/pimkit/contract"
	"github.com/shopspring/decimal"
)

// ErrScenario marks a scenario that cannot be run: unknown JSON keys, an
// unknown rule, a missing input. Check reports it for the step at fault;
// [Read] wraps it for a file it cannot read.
var ErrScenario = errors.New("contracttest: bad scenario")

// Scenario is a contract test: an agreement, the events that happened
// under it and the steps that say what pimkit must decide at given days.
// It is plain data, read from JSON by [Read], so people who do not write
// Go can write one:
//
//	{"name": "cure period over Easter", "start": "2026-01-01",
//	 "events": [{"kind": "breach_notified", "on": "2026-03-20", "by": "provider"}],
//	 "steps": [{"name": "last day to remedy", "rule": "breach_termination",
//	            "on": "2026-04-07", "from": "2026-03-20", "by": "provider",
//	            "expect": {"allowed": false, "date": "2026-04-07", "rule": "terms 17.3"}}]}
type Scenario struct {
	// Name says what the scenario checks.
	Name string `json:"name"`
	// Clause is the clause it checks, "terms 17.3"; optional.
	Clause string `json:"clause,omitempty"`
	// Terms are the terms in force; the zero Terms means
	// [contract.OpenDIMSTerms].
	Terms contract.Terms `json:"terms,omitzero"`
	// Params override parameters of Terms as an offer document would
	// ("payment_period": "P1M"), by [contract.Terms.SetParam].
	Params map[string]string `json:"params,omitempty"`
	// Start is the day the agreement entered into force (17.1).
	Start contract.Date `json:"start"`
	// Events are what happened under the agreement, for the obligations
	// steps.
	Events []contract.AgreementEvent `json:"events,omitempty"`
	// Steps are checked in order, each on its own.
	Steps []Step `json:"steps"`
}

// Step asks one rule one question and says what the answer must be. Rule
// names the question (the Rule constants, such as [RuleBreachTermination]);
// the input fields it reads are listed with each constant.
type Step struct {
	// Name says what the step checks: "the day after the cure period".
	Name string `json:"name"`
	// Rule is the question asked, one of the Rule constants.
	Rule string `json:"rule"`
	// On is the day the question is asked.
	On contract.Date `json:"on,omitzero"`
	// At is the instant the question is asked, for rules counted in
	// instants (obligations, support); the zero At means the start of On
	// in the terms' zone.
	At time.Time `json:"at,omitzero"`
	// From is the day the rule counts from: the notice, the notification,
	// the start of force majeure, the payment, the termination, the
	// announcement, the request.
	From contract.Date `json:"from,omitzero"`
	// Effective is the day a price change is to apply, or the issue date
	// of an invoice.
	Effective contract.Date `json:"effective,omitzero"`
	// By is the party in breach.
	By contract.Side `json:"by,omitzero"`
	// Count is a number of unpaid demands.
	Count int `json:"count,omitzero"`
	// Flag is the yes-or-no fact the rule takes: remedied, impossible,
	// complied, in the offer, consented, in breach, notified, to the
	// agreed address, paid, from the customer's use, in arrears.
	Flag bool `json:"flag,omitzero"`
	// Cycle is a subscription's billing cycle.
	Cycle contract.Period `json:"cycle,omitzero"`
	// Method is how a self-serve customer cancelled.
	Method contract.CancelMethod `json:"method,omitzero"`
	// Channel is how a notice was sent.
	Channel contract.NoticeChannel `json:"channel,omitzero"`
	// Fault is the provider's fault, for terms 11.4.
	Fault contract.Fault `json:"fault,omitzero"`
	// Hours and Rate price assistance (11.5, 18.2); Fee is the monthly
	// fee for liability (15.1).
	Hours contract.Decimal `json:"hours,omitzero"`
	Rate  contract.Money   `json:"rate,omitzero"`
	Fee   contract.Money   `json:"fee,omitzero"`
	// Claims are the claims settled under 15.1 and 15.2.
	Claims []contract.Claim `json:"claims,omitempty"`
	// Begins is the start of a service window announced at At, for the
	// service_window rule.
	Begins time.Time `json:"begins,omitzero"`
	// Param names a parameter of the terms, for the resolve rule.
	Param string `json:"param,omitempty"`
	// Expect is what the answer must be.
	Expect Expect `json:"expect"`
}

// Expect is what a step's answer must be. Only the fields set are
// compared, so a step may check just the outcome, or just a date.
type Expect struct {
	// Allowed is the decision's outcome, when set.
	Allowed *bool `json:"allowed,omitempty"`
	// Date is the decision's date, when set.
	Date contract.Date `json:"date,omitzero"`
	// Rule is the decision's rule ID, when set: "terms 17.3".
	Rule string `json:"rule,omitempty"`
	// At is the decision's instant, when set: the earliest start a
	// service window's notice allows.
	At time.Time `json:"at,omitzero"`
	// Cites are citations the decision must carry, in any order, among
	// others it may carry.
	Cites []string `json:"cites,omitempty"`
	// Amount is the amount the rule computes (a fee, a payable total), when set.
	Amount contract.Money `json:"amount,omitzero"`
	// Value is the text value of a parameter, for the resolve rule.
	Value string `json:"value,omitempty"`
	// Obligations must be in force at the step's instant, for the
	// obligations rule; others may be in force too.
	Obligations []ExpectedObligation `json:"obligations,omitempty"`
	// Absent must not be in force at the step's instant.
	Absent []ExpectedObligation `json:"absent,omitempty"`
	// Next is the next wake-up, for the obligations rule, when set.
	Next time.Time `json:"next,omitzero"`
}

// ExpectedObligation names an obligation a step expects: who holds it and
// what it is, and optionally its Ref and the instant it ends.
type ExpectedObligation struct {
	Party contract.Side `json:"party"`
	What  string        `json:"what"`
	Ref   string        `json:"ref,omitempty"`
	// Until is the instant it must end, when set.
	Until time.Time `json:"until,omitzero"`
}

// The rules a [Step] may ask, with the clause each decides and the
// fields each reads besides On.
const (
	RuleAdditionalService       = "additional_service"        // 3.1: Flag (in the offer)
	RuleContentRemoval          = "content_removal"           // 4.3: From (request), Flag (complied)
	RuleThirdPartyClaim         = "third_party_claim"         // 4.4: Flag (from the customer's use)
	RuleSupport                 = "support"                   // 5.1: At, in the terms' office hours Mon-Fri 8-16
	RuleDisclosure              = "disclosure"                // 9.1, 9.3: From (termination; zero while running)
	RuleReferenceUse            = "reference_use"             // 9.2: Flag (consented)
	RuleRetainData              = "retain_data"               // 10.2: Flag (in breach)
	RuleSecurityNeeds           = "security_needs"            // 11.3: Flag (notified)
	RuleProcessingIndemnity     = "processing_indemnity"      // 11.4: Fault
	RuleProcessorAssistance     = "processor_assistance"      // 11.5: Hours, Rate
	RulePriceAdjustment         = "price_adjustment"          // 12.2: From (notice), Effective
	RulePriceTermination        = "price_termination"         // 12.2: From (notice), Effective
	RuleSuspension              = "suspension"                // 12.3: Count
	RuleForceMajeure            = "force_majeure"             // 14.1, 14.3: From (began), Flag (impossible)
	RuleSettleLiability         = "settle_liability"          // 15.1, 15.2: Fee, Claims
	RuleDefectRemedy            = "defect_remedy"             // 15.3: From (notified), Flag (remedied)
	RuleNotice                  = "notice"                    // 16.1: Channel, Flag (to the agreed address)
	RuleCustomerTermination     = "customer_termination"      // 17.2: From (notice)
	RuleBreachTermination       = "breach_termination"        // 17.3: By, From (notified), Flag (remedied)
	RuleProviderTermination     = "provider_termination"      // 17.3: Count
	RuleExitAssistance          = "exit_assistance"           // 18.1, 18.2: Hours, Rate, Flag (in arrears)
	RuleDataDeletion            = "data_deletion"             // 18.3: From (termination), Flag (retention agreed)
	RuleRenewal                 = "renewal"                   // 19.1, 19.2: Cycle
	RuleSelfServePriceChange    = "self_serve_price_change"   // 19.3: Cycle, From (announced), Channel
	RulePayableAfterTermination = "payable_after_termination" // 19.4: From (termination), Effective (issued), Flag (paid)
	RuleWithdrawal              = "withdrawal"                // 19.5: From (paid)
	RuleSelfServeCancellation   = "self_serve_cancellation"   // 19.2, 19.4, 19.6: Cycle, Method
	RuleResale                  = "resale"                    // 19.7
	RuleJurisdiction            = "jurisdiction"              // 20.1, 20.2
	RuleResolve                 = "resolve"                   // 1.2, 1.3: Param (the terms after Params); Expect.Value is its text
	RuleClause                  = "clause"                    // any clause: Param is its number; Expect.Value is its kind (rule, parameter, prose)
	RuleObligations             = "obligations"               // 9, 12.2, 14, 15.3, 17, 18: the scenario's Events at At
	RuleServiceWindow           = "service_window"            // 3.2: a planned window notified at At that Begins then; Flag counts the notice in calendar days instead of elapsed hours (package sla)
)

// Read reads scenarios from r: one scenario, or a JSON array of them.
// Unknown keys are an error wrapping [ErrScenario], so a misspelt field
// never passes silently.
func Read(r io.Reader) ([]Scenario, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxScenarioBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrScenario, err)
	}
	if len(b) > maxScenarioBytes {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrScenario, maxScenarioBytes)
	}
	b = bytes.TrimSpace(b)
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var out []Scenario
	if len(b) > 0 && b[0] == '[' {
		err = dec.Decode(&out)
	} else {
		var s Scenario
		err = dec.Decode(&s)
		out = []Scenario{s}
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrScenario, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: data after the scenario", ErrScenario)
	}
	return out, nil
}

// maxScenarioBytes bounds what Read reads: 16 MiB.
const maxScenarioBytes = 16 << 20

// Result is the outcome of one step.
type Result struct {
	// Scenario and Step are the names of the scenario and the step.
	Scenario string `json:"scenario"`
	Step     string `json:"step"`
	// Pass reports that every expectation held.
	Pass bool `json:"pass"`
	// Rule is the rule ID the decision rests on, "terms 17.3".
	Rule string `json:"rule,omitempty"`
	// Citations are the decision's citations, as text.
	Citations []string `json:"citations,omitempty"`
	// Failures say what differed, each with both values:
	// "date: got 2026-04-06, want 2026-04-07".
	Failures []string `json:"failures,omitempty"`
	// Reason is the decision's reason in English.
	Reason string `json:"reason,omitempty"`
}

// Check runs every step of s and returns one [Result] per step, in order.
// A step that cannot run (an unknown rule, bad input) fails with the
// error as its failure; Check itself never fails.
func Check(s Scenario) []Result {
	return CheckWith(s, s.Terms)
}

// CheckWith runs s under terms instead of its own Terms (its Params still
// apply): the way to see which scenarios a change of the terms -- a
// notice period off by one, a holiday moved -- breaks.
func CheckWith(s Scenario, terms contract.Terms) []Result {
	if isZeroTerms(terms) {
		terms = contract.OpenDIMSTerms()
	}
	out := make([]Result, 0, len(s.Steps))
	var setupErr error
	for _, name := range sortedKeys(s.Params) {
		t, err := terms.SetParam(name, s.Params[name])
		if err != nil {
			setupErr = err
			break
		}
		terms = t
	}
	for i, st := range s.Steps {
		r := Result{Scenario: s.Name, Step: st.Name}
		if r.Step == "" {
			r.Step = "step " + strconv.Itoa(i+1)
		}
		if setupErr != nil {
			r.Failures = []string{"params: " + setupErr.Error()}
		} else {
			r = run(r, terms, s, st)
		}
		r.Pass = len(r.Failures) == 0
		out = append(out, r)
	}
	return out
}

func isZeroTerms(t contract.Terms) bool {
	return t.Currency.IsZero() && t.Law == "" && t.Venue == "" && t.PaymentPeriod.IsZero()
}

// decimalOf returns d as a decimal.Decimal.
func decimalOf(d contract.Decimal) decimal.Decimal { return d.Decimal() }
