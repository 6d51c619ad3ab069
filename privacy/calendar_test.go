package privacy

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
)

// TestOpenProductsRequestDeadline checks that the Open Products preset, a
// Swedish controller, counts the month to answer a data-subject request
// (GDPR Art. 12(3)) over the Swedish public holidays: received on
// 2025-05-06, one month ends on Friday 2025-06-06, Sweden's National Day
// (lag (1989:253)), and the 7th and 8th are a weekend, so the request is
// due on Monday 2025-06-09 (Reg. 1182/71 Art. 3(4)). The OpenDIMS policy,
// a Danish controller, is due on 2025-06-06.
func TestOpenProductsRequestDeadline(t *testing.T) {
	received := d("2025-05-06")
	tests := []struct {
		name   string
		policy Policy
		want   string
		rolled bool
	}{
		{"GDPR Art. 12(3), Reg. 1182/71 Art. 3(4): Open Products over Swedish holidays", OpenProducts2018(), "2025-06-09", true},
		{"GDPR Art. 12(3): OpenDIMS over Danish holidays", OpenDIMS2026(), "2025-06-06", false},
		{"GDPR Art. 12(3): OpenDIMS as processor counts with the terms", OpenDIMSAsProcessor(contract.OpenDIMSTerms(), received), "2025-06-06", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ev, err := ReceiveRequest(tt.policy.Counter, Access, received)
			if err != nil {
				t.Fatal(err)
			}
			if r.Due.Date.String() != tt.want || ev.Due.String() != tt.want || r.Due.Rolled() != tt.rolled {
				t.Errorf("due %s (rolled %v), event %s; want %s", r.Due.Date, r.Due.Rolled(), ev.Due, tt.want)
			}
			art34 := contract.Cite(contract.SourceReg1182, "Art. 3(4)")
			if got := slices.Contains(r.Due.Citations(), art34); got != tt.rolled {
				t.Errorf("Citations() = %v, cites Art. 3(4): %v, want %v", r.Due.Citations(), got, tt.rolled)
			}
		})
	}
}

// TestPolicyCounterJSON checks that a policy keeps its counter through
// JSON, so the Swedish controller still counts Swedish holidays when read
// back.
func TestPolicyCounterJSON(t *testing.T) {
	in := OpenProducts2018()
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out Policy
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if !cmp.Equal(in.Counter, out.Counter) {
		t.Errorf("counter round trip (-want +got):\n%s", cmp.Diff(in.Counter, out.Counter))
	}
	r, _, _ := ReceiveRequest(out.Counter, Erasure, d("2025-05-06"))
	if r.Due.Date != d("2025-06-09") {
		t.Errorf("GDPR Art. 12(3) after JSON: due %s, want 2025-06-09", r.Due.Date)
	}
}
