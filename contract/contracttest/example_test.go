package contracttest_test

import (
	"fmt"
	"strings"

	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/contract/contracttest"
)

func ExampleCheck() {
	ss, _ := contracttest.Read(strings.NewReader(`{"name": "cure period over Easter", "start": "2026-01-01",
	  "steps": [{"name": "the last day", "rule": "breach_termination", "by": "provider",
	             "from": "2026-03-20", "on": "2026-04-07",
	             "expect": {"allowed": false, "date": "2026-04-08", "rule": "terms 17.3"}}]}`))
	for _, r := range contracttest.Check(ss[0]) {
		fmt.Println(r.Pass, r.Step, r.Rule)
		fmt.Println(r.Reason)
	}
	// Output:
	// true the last day terms 17.3
	// the breach notified on 2026-03-20 may still be remedied until the end of 2026-04-07
}

func ExampleBoundaries() {
	ss := contracttest.Boundaries(contract.OpenDIMSTerms(), contracttest.DanishHolidays(), 2026, 2026)
	for _, s := range ss[:2] {
		failed := 0
		for _, r := range contracttest.Check(s) {
			if !r.Pass {
				failed++
			}
		}
		fmt.Printf("%s: %d steps, %d failed\n", s.Name, len(s.Steps), failed)
	}
	// Output:
	// cure period of a breach (terms 17.3): 200 steps, 0 failed
	// remedy period of a defect (terms 15.3): 120 steps, 0 failed
}
