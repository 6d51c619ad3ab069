package contract

import (
	"testing"

	"github.com/pimkit/pimkit/internal/explain"
	"golang.org/x/text/language"
)

func TestDecisionExplainsItselfInEnglishAndDanish(t *testing.T) {
	cat := explain.Catalog(map[string]string{
		"price change may take effect from %s": "prisændringen kan få virkning fra %s",
	})
	d := Decision{
		Rule:      "terms 12.2",
		Allowed:   true,
		Date:      MustDate(2026, 10, 24),
		Citations: []Citation{Clause("12.2"), Cite(SourceReg1182, "Art. 4(1)")},
		Reason:    NewReason(cat, "price change may take effect from %s", MustDate(2026, 10, 24)),
	}
	if got, want := d.String(), "price change may take effect from 2026-10-24 (terms 12.2; Reg. 1182/71 Art. 4(1))"; got != want {
		t.Errorf("Decision.String() = %q, want %q", got, want)
	}
	if got, want := d.Reason.In(language.Danish), "prisændringen kan få virkning fra 2026-10-24"; got != want {
		t.Errorf("Reason.In(da) = %q, want %q", got, want)
	}
	if got := (Reason{}).String(); got != "" {
		t.Errorf("zero Reason = %q, want empty", got)
	}
}
