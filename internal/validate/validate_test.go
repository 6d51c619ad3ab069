package validate

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

func TestCVR(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"terms 2.1 OpenDIMS ApS CVR with DK prefix", "DK43782495", true},
		{"terms 2.1 OpenDIMS ApS CVR", "43782495", true},
		{"check digit off by one", "43782496", false},
		{"seven digits", "4378249", false},
		{"leading zero", "03782495", false},
		{"letters", "4378249A", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		if got := ValidCVR(tt.in); got != tt.want {
			t.Errorf("%s: ValidCVR(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

type line struct {
	Quantity decimal.Decimal `json:"quantity" validate:"dgt=0"`
	Rate     decimal.Decimal `json:"vat_rate" validate:"dgte=0,dlte=1"`
}

type doc struct {
	Seller   string        `json:"seller_cvr" validate:"cvr"`
	Buyer    string        `json:"buyer_vat" validate:"omitempty,vatid"`
	Currency currency.Unit `json:"currency" validate:"currency"`
	Lang     string        `json:"lang" validate:"langtag"`
	Lines    []line        `json:"lines" validate:"dive"`
}

func TestStructReportsEveryProblemWithPaths(t *testing.T) {
	d := doc{
		Seller: "43782496",
		Buyer:  "de123",
		Lang:   "not a tag!",
		Lines: []line{
			{Quantity: decimal.NewFromInt(1), Rate: decimal.RequireFromString("0.25")},
			{Quantity: decimal.Zero, Rate: decimal.RequireFromString("1.25")},
		},
	}
	want := []Violation{
		{"seller_cvr", "cvr", ""},
		{"buyer_vat", "vatid", ""},
		{"currency", "currency", ""},
		{"lang", "langtag", ""},
		{"lines[1].quantity", "dgt", "0"},
		{"lines[1].vat_rate", "dlte", "1"},
	}
	if diff := cmp.Diff(want, Struct(d)); diff != "" {
		t.Errorf("Struct() problems (-want +got):\n%s", diff)
	}
	ok := doc{Seller: "DK43782495", Buyer: "DE123456789", Currency: currency.DKK, Lang: "da-DK"}
	if got := Struct(ok); got != nil {
		t.Errorf("Struct(valid) = %v, want nil", got)
	}
	if got := Struct(42); len(got) != 1 || got[0].Rule != "struct" {
		t.Errorf("Struct(42) = %v, want one struct problem", got)
	}
}

func TestJoin(t *testing.T) {
	ps := []Violation{{"due", "after", ""}, {"lines", "min", "1"}}
	if got, want := Join("billing: invalid invoice", ps), "billing: invalid invoice: due: after; lines: min 1"; got != want {
		t.Errorf("Join(...) = %q, want %q", got, want)
	}
	if got := Join("sla", []Violation(nil)); got != "sla" {
		t.Errorf("Join(sla, nil) = %q, want sla", got)
	}
}
