package privacy

import (
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/language"
)

// TestProcessorNoticeReasonIsTranslatedWhole checks that the 48 hours of
// terms 6.3 read as Danish in a Danish reason, not as "48 hours".
func TestProcessorNoticeReasonIsTranslatedWhole(t *testing.T) {
	b := Breach{Aware: time.Date(2025, 3, 28, 15, 0, 0, 0, time.UTC)}
	terms := contract.OpenDIMSTerms()
	tests := []struct {
		name   string
		notice time.Duration
		tag    language.Tag
		want   string
	}{
		{"terms 6.3 in English", 48 * time.Hour, language.English, "the processor must notify the customer within 48 hours of awareness"},
		{"terms 6.3 in Danish", 48 * time.Hour, language.Danish, "databehandleren skal underrette kunden senest 48 timer efter kendskab"},
		{"terms 6.3 with a part hour", 90 * time.Minute, language.English, "the processor must notify the customer within 90 minutes of awareness"},
		{"terms 6.3 with a part hour in Danish", 90 * time.Minute, language.Danish, "databehandleren skal underrette kunden senest 90 minutter efter kendskab"},
	}
	for _, tt := range tests {
		terms.BreachNotice = contract.Duration(tt.notice)
		if got := b.ProcessorNotice(terms).Reason.In(tt.tag); got != tt.want {
			t.Errorf("%s: ProcessorNotice reason = %q, want %q", tt.name, got, tt.want)
		}
	}
}
