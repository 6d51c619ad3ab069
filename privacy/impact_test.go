package privacy

import (
	"testing"

	"github.com/pimkit/pimkit/contract"
)

// TestRetentionImpact replays the retention of stored records under the
// 2025 and the 2026 OpenDIMS policies: the 2026 version keeps payment and
// bookkeeping records five years from the year end (bogføringsloven § 10),
// so an invoice record's plan changes from the 2025 version's.
func TestRetentionImpact(t *testing.T) {
	d := contract.MustParseDate
	records := []InventoryRecord{
		{ID: "inv-7", Purpose: "essential.service.payment_processing", Created: d("2025-06-01"), YearEnd: d("2025-12-31")},
		{ID: "ticket-3", Purpose: "essential.service.operations.support", Created: d("2025-06-01")},
	}
	old, new := RulesFromPolicy(OpenDIMS2025()), RulesFromPolicy(OpenDIMS2026())
	diffs, err := RetentionImpact(old, new, records, d("2026-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, x := range diffs {
		if x.Subject == "inv-7" {
			found = true
			if !x.New.Decision.Date.Equal(d("2030-12-31")) {
				t.Errorf("bogføringsloven § 10 under the 2026 policy: kept until %s, want 2030-12-31 (%+v)", x.New.Decision.Date, x)
			}
		}
	}
	if !found {
		t.Errorf("GDPR Art. 5(1)(e) no difference for the invoice record between the policies: %+v", diffs)
	}
	same, err := RetentionImpact(new, new, records, d("2026-07-01"))
	if err != nil || len(same) != 0 {
		t.Errorf("GDPR Art. 5(1)(e) one version against itself: %v %v", same, err)
	}
}
