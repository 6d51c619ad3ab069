package catalog

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

func TestJSONStableOutput(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	r := Record{ID: "SHIRT-1", Status: StatusActive, Version: 2, Categories: []string{"shirts"}, Values: []FieldValue{
		fv("stock", Number(dec("12"))),
		lv("title", enGB, Text("Shirt")),
		fv("price", Prices(contract.NewMoney(dec("199"), currency.DKK), contract.NewMoney(dec("26.9"), currency.EUR))),
		lv("title", daDK, Text("Skjorte \"blå\"")),
		fv("weight", Measure(dec("0.250"), "KILOGRAM")),
		fv("organic", Bool(true)),
	}}
	var buf bytes.Buffer
	if err := c.EncodeJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	want := `{"sku":"SHIRT-1","status":"active","version":2,"categories":["shirts"],"values":{` +
		`"title":[{"locale":"da-DK","channel":null,"data":"Skjorte \"blå\""},{"locale":"en-GB","channel":null,"data":"Shirt"}],` +
		`"price":[{"locale":null,"channel":null,"data":[{"amount":"199.00","currency":"DKK"},{"amount":"26.90","currency":"EUR"}]}],` +
		`"stock":[{"locale":null,"channel":null,"data":"12"}],` +
		`"weight":[{"locale":null,"channel":null,"data":{"amount":"0.250","unit":"KILOGRAM"}}],` +
		`"organic":[{"locale":null,"channel":null,"data":true}]}}` + "\n"
	if got := buf.String(); got != want {
		t.Errorf("EncodeJSON (amounts as fixed-scale strings, stable order) =\n%s\nwant\n%s", got, want)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	var buf bytes.Buffer
	for _, r := range csvProducts() {
		if err := c.EncodeJSON(&buf, r); err != nil {
			t.Fatal(err)
		}
	}
	d := c.NewJSONDecoder(&buf)
	for i, want := range csvProducts() {
		got, err := d.Decode()
		if err != nil {
			t.Fatalf("Decode #%d: %v", i, err)
		}
		// Records in schema order (as every decoder returns them) come back
		// equal under cmp.Equal without options; 1234.5 DKK is written
		// "1234.50" and equals 1234.50 DKK.
		if diff := cmp.Diff(sortedLike(c, want), got); diff != "" {
			t.Errorf("JSON round trip #%d (-want +got):\n%s", i, diff)
		}
	}
	if _, err := d.Decode(); err != io.EOF {
		t.Errorf("Decode at end = %v, want io.EOF", err)
	}
}

// TestJSONPIMProperties checks that the exchange form carries a PIM
// record's family, UUID, groups, associations, instants and source row
// and reads them back equal.
func TestJSONPIMProperties(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	r := csvProducts()[1]
	r.UUID, r.Family, r.FamilyVariant, r.Groups = "2b9d5c36-5a4c-4b8f-9f0e-6c1a1f3f2d10", "clothing", "by_size", []string{"summer"}
	r.Associations = []Association{{Type: CrossSell, Target: TargetProductModel, ID: "tshirt"}, {Type: Pack, Target: TargetProduct, ID: "SOCKS-1", Quantity: 2}}
	r.Created = time.Date(2026, 1, 31, 9, 30, 0, 0, time.UTC)
	r.Updated = time.Date(2026, 2, 1, 10, 0, 0, 500, time.FixedZone("", 3600))
	r.Row = 4
	var buf bytes.Buffer
	if err := c.EncodeJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`"uuid":"2b9d5c36-5a4c-4b8f-9f0e-6c1a1f3f2d10","parent":"tshirt","family":"clothing","family_variant":"by_size","status"`,
		`"groups":["summer"]`, `"associations":[{"type":"X_SELL","target":"product_model","id":"tshirt"},{"type":"PACK","target":"product","id":"SOCKS-1","quantity":2}]`,
		`"created":"2026-01-31T09:30:00Z","updated":"2026-02-01T10:00:00.0000005+01:00","row":4}`} {
		if !strings.Contains(out, want) {
			t.Errorf("EncodeJSON = %s, want it to contain %s", out, want)
		}
	}
	got, err := c.DecodeJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sortedLike(c, r), got); diff != "" {
		t.Errorf("DecodeJSON(EncodeJSON(r)) (-want +got):\n%s", diff)
	}
}

// TestJSONEncodeBadTarget: an association without a target kind is
// refused, not written as "TargetKind(0)".
func TestJSONEncodeBadTarget(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	r := Record{ID: "A", Associations: []Association{{Type: CrossSell, Target: TargetGroup, ID: "g"}, {Type: CrossSell, ID: "B"}}}
	var buf bytes.Buffer
	if diff := cmp.Diff([]prob{{"associations[1].target", RuleTarget, ""}}, problemsOf(t, c.EncodeJSON(&buf, r))); diff != "" || buf.Len() != 0 {
		t.Errorf("EncodeJSON(no target kind) wrote %q (-want +got):\n%s", buf.String(), diff)
	}
}

func TestJSONDecodeErrors(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	tests := []struct {
		name, in string
		syntax   bool
		want     []prob
	}{
		{"JSON: malformed JSON", `{"sku":`, true, nil},
		{"JSON: unknown top-level key", `{"sku":"A","colour":"red"}`, true, nil},
		{"JSON: wrong id key for products", `{"id":"A"}`, false, []prob{{"id", RuleUnknownField, ""}}},
		{"JSON: unknown field and bad data at once", `{"sku":"A","values":{"zz":[],"stock":[{"locale":null,"channel":null,"data":"1,5"}],"price":[{"locale":null,"channel":null,"data":[{"amount":"1","currency":"XYZW"}]}]}}`, false,
			[]prob{{"values.zz", RuleUnknownField, ""}, {"values.price[0]", RuleType, "price"}, {"values.stock[0]", RuleType, "number"}}},
		{"JSON: float exponent refused", `{"sku":"A","values":{"stock":[{"locale":null,"channel":null,"data":1e3}]}}`, false,
			[]prob{{"values.stock[0]", RuleType, "number"}}},
		{"JSON: bad locale", `{"sku":"A","values":{"title":[{"locale":"xx-","channel":null,"data":"a"}]}}`, false,
			[]prob{{"values.title[0]", RuleLocale, "bcp47"}}},
		{"JSON: bad status", `{"sku":"A","status":"live"}`, false, []prob{{"status", RuleStatus, ""}}},
		{"JSON: PIM properties: bad instants, target kind and row at once", `{"sku":"A","created":"2026-01-31","updated":"yesterday","row":-1,"associations":[{"type":"X_SELL","target":"products","id":"B"}]}`, false,
			[]prob{{"row", RuleMin, "0"}, {"created", RuleSyntax, "rfc3339"}, {"updated", RuleSyntax, "rfc3339"}, {"associations[0].target", RuleTarget, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.DecodeJSON(strings.NewReader(tt.in))
			if tt.syntax {
				var je *JSONError
				if !errors.As(err, &je) || !errors.Is(err, ErrSyntax) {
					t.Fatalf("DecodeJSON(%s) = %v, want *JSONError", tt.in, err)
				}
				return
			}
			if diff := cmp.Diff(tt.want, problemsOf(t, err)); diff != "" {
				t.Errorf("DecodeJSON problems (-want +got):\n%s", diff)
			}
		})
	}
	got, err := c.DecodeJSON(strings.NewReader(`{"sku":"A","values":{"stock":[{"locale":null,"channel":null,"data":18.50}]}}`))
	if v, _ := got.Get("stock", langUnd, ""); err != nil || v.String() != "18.50" {
		t.Errorf("DecodeJSON(bare number 18.50) = %q, %v, want exact 18.50", v.String(), err)
	}
}
