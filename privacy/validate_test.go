package privacy

import (
	"errors"
	"testing"
	"time"

	"github.com/pimkit/pimkit/contract"
)

// TestValidateTags checks, for each configuration type with validate tags,
// that a broken field comes back through the public API as a
// contract.Problem with its JSON path and rule, in a
// *contract.ValidationError that unwraps to ErrInvalid.
func TestValidateTags(t *testing.T) {
	c := contract.Counter{}
	day := contract.MustDate(2026, 1, 5)
	at := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	tax := DefaultTaxonomy()
	policy := func(edit func(p *Policy)) error {
		p := OpenDIMS2026()
		edit(&p)
		return p.Validate(tax)
	}
	breach := Breach{Aware: at, Categories: []DataCategory{"user.contact"}, Subjects: 3, Records: 3, Risk: RiskLikely}
	inventory := func(edit func(inv *CookieInventory)) error {
		inv := CookieInventory{Site: "openproducts.com", Cookies: []Cookie{{Name: "session", Category: StrictlyNecessary}}}
		edit(&inv)
		return inv.Validate()
	}
	record := InventoryRecord{ID: "inv-1", Category: "user.name", Purpose: "essential.service", Created: day}
	rule := RetentionRule{Purpose: "essential", Retention: Retention{Kind: WhileNeeded}}
	tests := []struct {
		typ        string
		err        error
		path, rule string
	}{
		{"Policy", policy(func(p *Policy) { p.Effective = contract.Date{} }), "effective", "required"},
		{"Policy (GDPR Art. 13(1)(a): contact)", policy(func(p *Policy) { p.Contact = "" }), "contact", "required"},
		{"Policy (ISO 3166-1 hosting country)", policy(func(p *Policy) { p.HostingCountry = "Sweden" }), "hosting_country", "iso3166_1_alpha2"},
		{"Activity", policy(func(p *Policy) { p.Activities[2].Name = "" }), "activities[2].name", "required"},
		{"Activity (GDPR Art. 6(1): basis)", policy(func(p *Policy) { p.Activities[0].Basis = 0 }), "activities[0].basis", "required"},
		{"Recipient", policy(func(p *Policy) { p.Activities[1].Recipients[0].Kind = 0 }), "activities[1].recipients[0].kind", "required"},
		{"Retention", policy(func(p *Policy) { p.Activities[0].Retention.Kind = 0 }), "activities[0].retention.kind", "required"},
		{"Breach (GDPR Art. 33(3)(a): categories)", func() error { b := breach; b.Categories = nil; return b.Validate() }(), "categories", "required"},
		{"Breach (approximate number of records)", func() error { b := breach; b.Records = -1; return b.Validate() }(), "records", "gte"},
		{"SubProcessorChange (GDPR Art. 28(2): notice)", func() error {
			_, err := SubProcessorChange{Name: "Hetzner", Effective: day}.Check(contract.Period{})
			return err
		}(), "notified", "required"},
		{"CookieInventory", inventory(func(inv *CookieInventory) { inv.Site = "" }), "site", "required"},
		{"Cookie (ePrivacy Art. 5(3): category)", inventory(func(inv *CookieInventory) { inv.Cookies[0].Category = 0 }), "cookies[0].category", "required"},
		{"Cookie (lifetime)", inventory(func(inv *CookieInventory) { inv.Cookies[0].Lifetime = -1 }), "cookies[0].lifetime", "gte"},
		{"ConsentAge (GDPR Art. 8(1): 13 to 16)", func() error {
			_, err := AgeTable{}.With(ConsentAge{Country: "DK", From: day, Age: 12})
			return err
		}(), "rows[0].age", "gte"},
		{"ConsentAge (ISO 3166-1 country)", func() error {
			_, err := AgeTable{}.With(ConsentAge{Country: "dk", From: day, Age: 15})
			return err
		}(), "rows[0].country", "iso3166_1_alpha2"},
		{"RequestEvent (GDPR Art. 12(3): day)", func() error {
			_, e, err := ReceiveRequest(c, Access, day)
			if err != nil {
				return err
			}
			_, err = ReplayRequest(c, []RequestEvent{e, {Action: ActStart, Kind: Access}})
			return err
		}(), "events[1].on", "required"},
		{"InventoryRecord", func() error {
			r := record
			r.ID = ""
			_, err := PlanRetention([]InventoryRecord{r}, []RetentionRule{rule}, day, false)
			return err
		}(), "records[0].id", "required"},
		{"RetentionRule", func() error {
			r := rule
			r.Retention.Kind = 0
			_, err := PlanRetention([]InventoryRecord{record}, []RetentionRule{r}, day, false)
			return err
		}(), "rules[0].retention.kind", "required"},
		{"ExportItem (GDPR Art. 15(1)(b): category)", func() error {
			_, err := NewSubjectExport(OpenDIMS2026(), Access, "h", at, []ExportItem{{Purpose: "essential.service"}})
			return err
		}(), "items[0].category", "required"},
	}
	for _, tt := range tests {
		t.Run(tt.typ, func(t *testing.T) {
			var verr *contract.ValidationError
			if !errors.As(tt.err, &verr) || !errors.Is(tt.err, ErrInvalid) {
				t.Fatalf("error = %v, want a *contract.ValidationError wrapping ErrInvalid", tt.err)
			}
			if !verr.Has(tt.path, tt.rule) {
				t.Errorf("problems = %v, want %s: %s", verr.Problems, tt.path, tt.rule)
			}
		})
	}
}
