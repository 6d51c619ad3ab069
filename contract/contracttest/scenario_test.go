package contracttest_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/contract/contracttest"
	"github.com/pimkit/pimkit/internal/roundtrip"
	"golang.org/x/text/currency"
)

const cure = `[{"name": "cure period", "clause": "terms 17.3", "start": "2026-01-01",
  "steps": [
    {"name": "last day", "rule": "breach_termination", "by": "provider", "from": "2026-01-02", "on": "2026-01-16",
     "expect": {"allowed": false, "date": "2026-01-17", "rule": "terms 17.3"}},
    {"name": "wrong on purpose", "rule": "breach_termination", "by": "provider", "from": "2026-01-02", "on": "2026-01-17",
     "expect": {"allowed": false, "date": "2026-01-16", "cites": ["terms 99.9"]}}]}]`

// TestCheckReportsBothValues checks that a failing step of a terms 17.3
// scenario names the clause and gives both values of each expectation.
func TestCheckReportsBothValues(t *testing.T) {
	ss, err := contracttest.Read(strings.NewReader(cure))
	if err != nil {
		t.Fatal(err)
	}
	rs := contracttest.Check(ss[0])
	if len(rs) != 2 || !rs[0].Pass || rs[1].Pass {
		t.Fatalf("terms 17.3 results %+v, want the first to pass and the second to fail", rs)
	}
	want := []string{
		"allowed: got true, want false",
		"date: got 2026-01-17, want 2026-01-16",
		"cites: terms 99.9 missing from terms 17.3, Reg. 1182/71 Art. 3(2)",
	}
	if diff := cmp.Diff(want, rs[1].Failures); diff != "" {
		t.Errorf("terms 17.3 failures (-want +got):\n%s", diff)
	}
	if rs[1].Rule != "terms 17.3" || rs[1].Scenario != "cure period" || rs[1].Step != "wrong on purpose" {
		t.Errorf("terms 17.3 result names %q %q %q", rs[1].Rule, rs[1].Scenario, rs[1].Step)
	}
}

// TestReadRefusesUnknownKeys checks that a misspelt key is an error, not a
// step that checks nothing (terms 17.3 scenario).
func TestReadRefusesUnknownKeys(t *testing.T) {
	_, err := contracttest.Read(strings.NewReader(`{"name": "x", "start": "2026-01-01", "steps": [{"rule": "suspension", "expct": {}}]}`))
	if !errors.Is(err, contracttest.ErrScenario) || !strings.Contains(err.Error(), "expct") {
		t.Errorf("terms 17.3 misspelt key: %v, want ErrScenario naming it", err)
	}
	_, err = contracttest.Read(strings.NewReader(`{"name": "x"} {"name": "y"}`))
	if !errors.Is(err, contracttest.ErrScenario) {
		t.Errorf("two objects: %v, want ErrScenario", err)
	}
	ss, err := contracttest.Read(strings.NewReader(`{"name": "one", "start": "2026-01-01", "steps": []}`))
	if err != nil || len(ss) != 1 || ss[0].Name != "one" {
		t.Errorf("a single scenario: %v %v", ss, err)
	}
}

// TestUnknownRuleFails checks that a step with an unknown rule fails and
// says so, rather than passing (terms 12.3 scenario with a typo).
func TestUnknownRuleFails(t *testing.T) {
	rs := contracttest.Check(contracttest.Scenario{Name: "typo", Start: contract.MustParseDate("2026-01-01"),
		Steps: []contracttest.Step{{Name: "suspend", Rule: "suspenson", Count: 2}}})
	if len(rs) != 1 || rs[0].Pass || !strings.Contains(rs[0].Failures[0], "unknown rule") {
		t.Errorf("terms 12.3 unknown rule: %+v", rs)
	}
	bad := contracttest.Check(contracttest.Scenario{Name: "bad param", Params: map[string]string{"payment_period": "soon"},
		Steps: []contracttest.Step{{Rule: contracttest.RuleResale}}})
	if bad[0].Pass || bad[0].Step != "step 1" {
		t.Errorf("terms 1.3 a bad parameter: %+v", bad)
	}
}

// TestRoundTrip checks that every exported value of the package survives
// encoding/json and compares equal with go-cmp without options.
func TestRoundTrip(t *testing.T) {
	d := contract.MustParseDate
	at := time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)
	dkk := func(s string) contract.Money { return contract.MustParseMoney(s, currency.DKK) }
	yes := true
	ob := contracttest.ExpectedObligation{Party: contract.ProviderSide, What: contract.WhatRemedyBreach, Ref: "B-1", Until: at}
	expect := contracttest.Expect{Allowed: &yes, Date: d("2026-01-17"), Rule: "terms 17.3", At: at, Cites: []string{"terms 17.3"},
		Amount: dkk("100.00"), Value: "P1M", Obligations: []contracttest.ExpectedObligation{ob}, Absent: []contracttest.ExpectedObligation{ob}, Next: at}
	step := contracttest.Step{Name: "s", Rule: contracttest.RuleSettleLiability, On: d("2026-03-01"), At: at, From: d("2026-01-02"),
		Effective: d("2026-05-01"), By: contract.ProviderSide, Count: 2, Flag: true, Cycle: contract.Months(1),
		Method: contract.SwitchToFreePlan, Channel: contract.ByEmail, Fault: contract.Intent, Hours: contract.MustDec("2.5"),
		Rate: dkk("1150.00"), Fee: dkk("1000.00"), Claims: []contract.Claim{{Event: "e", Kind: contract.DirectLoss, Amount: dkk("1.00")}},
		Begins: at.Add(time.Hour), Param: "payment_period", Expect: expect}
	scenario := contracttest.Scenario{Name: "all", Clause: "terms 17.3", Terms: contract.OpenDIMSTerms(),
		Params: map[string]string{"payment_period": "P1M"}, Start: d("2026-01-01"),
		Events: []contract.AgreementEvent{{Kind: contract.NoticeGiven, On: d("2026-02-01")}}, Steps: []contracttest.Step{step}}
	result := contracttest.Result{Scenario: "all", Step: "s", Pass: true, Rule: "terms 17.3", Citations: []string{"terms 17.3"},
		Failures: []string{"date: got a, want b"}, Reason: "because"}
	roundtrip.Check(t, os.DirFS("."), roundtrip.Table{
		Samples: []any{scenario, step, expect, ob, result},
	}, func(x, y any) bool { return cmp.Equal(x, y) }, func(x, y any) string { return cmp.Diff(x, y) })
}
