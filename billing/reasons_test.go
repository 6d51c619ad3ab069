package billing

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestReasonsTranslated checks that every reason key renders in Danish and
// that no Danish text falls back to the English key.
func TestReasonsTranslated(t *testing.T) {
	keys := []string{rsDemandOK, rsDemandNotDue, rsDemandTooEarly, rsDemandPaid, rsFeeOK, rsFeeNone, rsFeeTooHigh,
		rsFeeTooMany, rsFeeCurrency, rsCompOK, rsCompConsumer, rsCompClaimed, rsUpgradeNotice, rsUpgradeNone, rsChangeAtCycleEnd,
		rsCreditError, rsCreditUnusedTime, rsCreditGoodwill, rsCompRate, rsCompOnTime, rsCompNone,
		rsTrialStarted, rsTrialToPaid, rsTrialToFree}
	for _, k := range keys {
		var args []any
		for i := 0; i+1 < len(k); i++ {
			if k[i] != '%' {
				continue
			}
			switch k[i+1] {
			case 'd':
				args = append(args, 1)
			case 's':
				args = append(args, "x")
			}
			i++
		}
		r := reason(k, args...)
		en, da := r.String(), r.In(language.Danish)
		if en == "" || da == "" || en == da || strings.Contains(da, "%!") {
			t.Errorf("reason %q: en %q, da %q; want a distinct Danish text", k, en, da)
		}
	}
}
