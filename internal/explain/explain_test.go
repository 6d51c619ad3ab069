package explain

import (
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

func TestCatalogRendersEnglishAndDanish(t *testing.T) {
	cat := Catalog(map[string]string{
		"notice ends the agreement at the end of %s": "opsigelsen afslutter aftalen ved udgangen af %s",
	})
	key := "notice ends the agreement at the end of %s"
	tests := []struct {
		name string
		tag  language.Tag
		want string
	}{
		{"English is the key itself", language.English, "notice ends the agreement at the end of 2026-01-31"},
		{"Danish translation", language.Danish, "opsigelsen afslutter aftalen ved udgangen af 2026-01-31"},
		{"da-DK matches Danish", language.MustParse("da-DK"), "opsigelsen afslutter aftalen ved udgangen af 2026-01-31"},
		{"unknown language falls back to English", language.Japanese, "notice ends the agreement at the end of 2026-01-31"},
	}
	for _, tt := range tests {
		got := message.NewPrinter(tt.tag, message.Catalog(cat)).Sprintf(key, "2026-01-31")
		if got != tt.want {
			t.Errorf("%s: Sprintf in %s = %q, want %q", tt.name, tt.tag, got, tt.want)
		}
	}
}
