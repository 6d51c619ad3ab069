package contract

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func offer(params map[string]string) Document {
	return Document{Kind: OfferDocument, Name: "Offer 2026-117", Params: params}
}

func TestResolve(t *testing.T) {
	base := OpenDIMSTerms()
	tests := []struct {
		name       string
		docs       []Document
		param      string
		value      string
		from       string
		overridden int
	}{
		{"terms 1.3 nothing set: the general terms apply", nil, "payment_period", "P12M", "terms", 0},
		{"terms 1.3 listed general terms document is the source", []Document{{Kind: GeneralTerms, Name: "OpenDIMS terms 2025"}},
			"payment_period", "P12M", `terms "OpenDIMS terms 2025" (documents[0])`, 0},
		{"terms 1.3 special terms in the offer prevail over the terms (12.3)", []Document{
			{Kind: GeneralTerms, Name: "terms", Params: map[string]string{"payment_period": "P12M"}},
			offer(map[string]string{"payment_period": "P1M"})},
			"payment_period", "P1M", `offer "Offer 2026-117" (documents[1])`, 1},
		{"terms 1.3 the DPA prevails on data processing (6.3)", []Document{
			offer(map[string]string{"breach_notice": "72h"}),
			{Kind: DataProcessingAgreement, Name: "DPA", Params: map[string]string{"breach_notice": "24h"}}},
			"breach_notice", "PT24H", `dpa "DPA" (documents[1])`, 1},
		{"terms 1.3 the DPA gives way to the terms elsewhere (12.3)", []Document{
			{Kind: DataProcessingAgreement, Name: "DPA", Params: map[string]string{"payment_term": "P60D"}}},
			"payment_term", "P30D", "terms", 1},
		{"terms 1.3 the DPA keeps data unless otherwise agreed (18.3)", []Document{
			{Kind: DataProcessingAgreement, Name: "DPA", Params: map[string]string{"delete_data_at_termination": "false"}}},
			"delete_data_at_termination", "false", `dpa "DPA" (documents[0])`, 0},
		{"terms 1.3 sales material does not bind (8.1)", []Document{
			{Kind: SalesMaterial, Name: "brochure", Params: map[string]string{"availability_percent": "100"}}},
			"availability_percent", "99.9", "terms", 1},
		{"terms 1.3 declared priority breaks a tie between offers", []Document{
			offer(map[string]string{"payment_period": "P3M"}),
			{Kind: OfferDocument, Name: "Addendum", Priority: 1, Params: map[string]string{"payment_period": "P6M"}}},
			"payment_period", "P6M", `offer "Addendum" (documents[1])`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Resolve(base, tt.docs, tt.param)
			if err != nil {
				t.Fatal(err)
			}
			if r.Value != tt.value || r.From.String() != tt.from || len(r.Overridden) != tt.overridden {
				t.Errorf("Resolve(%s) = %s from %s (%d overridden), want %s from %s (%d)", tt.param, r.Value, r.From, len(r.Overridden), tt.value, tt.from, tt.overridden)
			}
			if r.Citations[0] != Clause("1.3") {
				t.Errorf("Resolve(%s) cites %v, want terms 1.3 first", tt.param, r.Citations)
			}
		})
	}
}

func TestResolveErrors(t *testing.T) {
	base := OpenDIMSTerms()
	tests := []struct {
		name     string
		docs     []Document
		param    string
		sentinel error
		want     []fe
	}{
		{"terms 1.3 two offers with no declared priority conflict", []Document{
			offer(map[string]string{"payment_period": "P3M"}), offer(map[string]string{"payment_period": "P6M"})},
			"payment_period", ErrConflict, []fe{{"documents[1].params.payment_period", "conflict", "documents[0]"}}},
		{"terms 1.3 agreeing offers still conflict", []Document{
			offer(map[string]string{"payment_period": "P3M"}), offer(map[string]string{"payment_period": "P3M"})},
			"payment_period", ErrConflict, []fe{{"documents[1].params.payment_period", "conflict", "documents[0]"}}},
		{"terms 1.3 value that does not parse", []Document{offer(map[string]string{"payment_period": "12 months"})},
			"payment_period", ErrInvalidInput, []fe{{"documents[0].params.payment_period", "syntax", ""}}},
		{"terms 1.3 unknown parameter", nil, "agreed_hours", ErrUnknownParam, []fe{{"agreed_hours", "param", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Resolve(base, tt.docs, tt.param)
			var verr *ValidationError
			if !errors.As(err, &verr) || !errors.Is(err, tt.sentinel) {
				t.Fatalf("Resolve(%s) error = %v, want *ValidationError wrapping %v", tt.param, err, tt.sentinel)
			}
			if diff := cmp.Diff(tt.want, fields(verr)); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResolveTerms(t *testing.T) {
	base := OpenDIMSTerms()
	terms, res, err := ResolveTerms(base, []Document{
		offer(map[string]string{"payment_period": "P1M", "availability_percent": "99.5"}),
		{Kind: DataProcessingAgreement, Name: "DPA", Params: map[string]string{"breach_notice": "24h"}},
		{Kind: SalesMaterial, Name: "web", Params: map[string]string{"liability_total_months": "12"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := OpenDIMSTerms()
	want.PaymentPeriod = Months(1)
	want.AvailabilityPercent = PercentOf(dkk("99.5"))
	want.BreachNotice = 24 * 60 * 60 * 1e9
	if diff := cmp.Diff(want, terms, cmp.Comparer(func(a, b Terms) bool {
		return cmp.Equal(a.paramTexts(), b.paramTexts())
	})); diff != "" {
		t.Errorf("terms 1.3 ResolveTerms (-want +got):\n%s", diff)
	}
	if len(res) != len(Params()) || res[0].Param != "assistance_charged" {
		t.Errorf("terms 1.3 ResolveTerms resolutions = %d starting %q, want %d sorted", len(res), res[0].Param, len(Params()))
	}

	_, _, err = ResolveTerms(base, []Document{
		offer(map[string]string{"payment_period": "P1M", "uptime": "100"}),
		offer(map[string]string{"payment_period": "P2M", "availability_percent": "x"}),
		{Kind: 0, Name: "?"},
	})
	var verr *ValidationError
	if !errors.As(err, &verr) || !errors.Is(err, ErrConflict) || !errors.Is(err, ErrInvalidInput) || !errors.Is(err, ErrUnknownParam) {
		t.Fatalf("terms 1.3 ResolveTerms bad documents error = %v, want all three sentinels", err)
	}
	wantFields := []fe{
		{"documents[0].params.uptime", "param", ""},
		{"documents[1].params.availability_percent", "syntax", ""},
		{"documents[1].params.payment_period", "conflict", "documents[0]"},
		{"documents[2].kind", "oneof", "offer dpa terms sales_material"},
	}
	if diff := cmp.Diff(wantFields, fields(verr)); diff != "" {
		t.Errorf("terms 1.3 ResolveTerms fields (-want +got):\n%s", diff)
	}

	_, _, err = ResolveTerms(base, []Document{offer(map[string]string{"availability_percent": "120"})})
	if !errors.Is(err, ErrInvalidTerms) {
		t.Errorf("terms 8.1 offer with 120 %% availability: error = %v, want ErrInvalidTerms", err)
	}
}

// paramTexts returns every parameter as text, for comparing Terms values
// whose decimals differ only in representation.
func (t Terms) paramTexts() map[string]string {
	m := map[string]string{}
	for _, p := range params {
		m[p.name] = p.get(&t)
	}
	return m
}

func TestParamRoundTrip(t *testing.T) {
	terms := OpenDIMSTerms()
	for _, name := range Params() {
		v, ok := terms.Param(name)
		if !ok {
			t.Fatalf("Param(%q) unknown", name)
		}
		got, err := Terms{}.SetParam(name, v)
		if err != nil {
			t.Fatalf("terms 1.3 SetParam(%q, %q) = %v", name, v, err)
		}
		if back, _ := got.Param(name); back != v {
			t.Errorf("terms 1.3 SetParam(%q, %q) then Param = %q", name, v, back)
		}
	}
	if _, err := terms.SetParam("nope", "1"); !errors.Is(err, ErrUnknownParam) {
		t.Errorf("SetParam(nope) error = %v, want ErrUnknownParam", err)
	}
	if _, err := terms.SetParam("resale_allowed", "yes"); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("terms 19.7 SetParam(resale_allowed, yes) error = %v, want ErrInvalidInput", err)
	}
	if _, ok := terms.Param("nope"); ok {
		t.Error("Param(nope) reported ok")
	}
}

func TestConclude(t *testing.T) {
	cust := Party{Name: "Webshop ApS", CVR: "DK43782495", Country: "DK"}
	a, err := Conclude(AgreementSpec{Kind: OfferAgreement, Customer: cust,
		Concluded: MustParseDate("2025-01-20"), Start: MustParseDate("2025-02-01"), Terms: OpenDIMSTerms(),
		Documents: []Document{offer(map[string]string{"payment_period": "P12M"})}})
	if err != nil {
		t.Fatal(err)
	}
	if a.Customer.CVR != "43782495" || a.Start.String() != "2025-02-01" {
		t.Errorf("terms 1.3, terms 17.1 Conclude = CVR %q start %s, want 43782495 2025-02-01", a.Customer.CVR, a.Start)
	}
	if r, ok := a.Resolution("payment_period"); !ok || r.From.Kind != OfferDocument {
		t.Errorf("terms 1.3 Resolution(payment_period) = %v %v, want from the offer", r, ok)
	}
	d, err := a.CustomerTermination(MustParseDate("2025-06-10"))
	if err != nil || d.Date.String() != "2026-01-31" {
		t.Errorf("terms 17.2 Agreement.CustomerTermination(2025-06-10) = %v, %v; want 2026-01-31", d, err)
	}
	d, err = a.Cancel(MustParseDate("2025-06-10"), SwitchToFreePlan)
	if err != nil || d.Allowed || d.Rule != "terms 17.2" {
		t.Errorf("terms 19.6 offer agreement Cancel = %v, %v; want refused citing 17.2", d, err)
	}

	self, err := Conclude(AgreementSpec{Kind: SelfServe, Customer: Party{Name: "Shop", Country: "SE"},
		Concluded: MustParseDate("2026-01-15"), Terms: OpenDIMSTerms(),
		Documents: []Document{{Kind: GeneralTerms, Name: "web terms", Params: map[string]string{"payment_period": "P1M"}}}})
	if err != nil {
		t.Fatal(err)
	}
	d, err = self.Cancel(MustParseDate("2026-03-20"), SwitchToFreePlan)
	if err != nil || !d.Allowed || d.Date.String() != "2026-04-14" {
		t.Errorf("terms 19.6 self-serve Cancel = %v, %v; want allowed 2026-04-14", d, err)
	}
	d, err = self.CustomerTermination(MustParseDate("2026-03-20"))
	if err != nil || d.Allowed || d.Rule != "terms 19.6" {
		t.Errorf("terms 19.6 self-serve CustomerTermination = %v, %v; want refused citing 19.6", d, err)
	}
	if _, err := self.CustomerTermination(MustParseDate("2026-01-01")); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("terms 17.2 notice before start: error = %v, want ErrInvalidInput", err)
	}
	if _, err := a.BreachTermination(ProviderSide, MustParseDate("2025-01-01"), MustParseDate("2025-03-01"), false); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("terms 17.3 breach notice before start: error = %v, want ErrInvalidInput", err)
	}
	if d, err := a.DefectRemedy(MustParseDate("2026-03-02"), MustParseDate("2026-03-13"), false); err != nil || !d.Allowed {
		t.Errorf("terms 15.3 Agreement.DefectRemedy = %v, %v; want allowed", d, err)
	}
}

func TestConcludeErrors(t *testing.T) {
	tests := []struct {
		name string
		spec AgreementSpec
		want []fe
	}{
		{"terms 1.3 everything missing", AgreementSpec{}, []fe{
			{"kind", "oneof", "self_serve offer"}, {"customer.name", "required", ""}, {"concluded", "required", ""}}},
		{"terms 1.3 Danish customer needs a valid CVR, start not before conclusion", AgreementSpec{Kind: OfferAgreement,
			Customer: Party{Name: "X", CVR: "43782496"}, Concluded: MustParseDate("2025-02-01"), Start: MustParseDate("2025-01-01"),
			Documents: []Document{offer(nil)}},
			[]fe{{"customer.cvr", "cvr", ""}, {"start", "gtefield", "concluded"}}},
		{"terms 1.3 Danish customer without CVR", AgreementSpec{Kind: OfferAgreement,
			Customer: Party{Name: "X", Country: "DK"}, Concluded: MustParseDate("2025-02-01"), Documents: []Document{offer(nil)}},
			[]fe{{"customer.cvr", "required_if", "country DK"}}},
		{"terms 1.2 offer agreement needs an offer document", AgreementSpec{Kind: OfferAgreement,
			Customer: Party{Name: "X"}, Concluded: MustParseDate("2025-02-01")},
			[]fe{{"documents", "required_if", "kind offer"}}},
		{"terms 19.6 self-serve has no offer document", AgreementSpec{Kind: SelfServe,
			Customer: Party{Name: "X"}, Concluded: MustParseDate("2025-02-01"), Documents: []Document{{Kind: DataProcessingAgreement}, offer(nil)}},
			[]fe{{"documents[1].kind", "excluded_if", "kind self_serve"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.spec.Terms = OpenDIMSTerms()
			_, err := Conclude(tt.spec)
			var verr *ValidationError
			if !errors.As(err, &verr) || !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("Conclude error = %v, want *ValidationError wrapping ErrInvalidInput", err)
			}
			if diff := cmp.Diff(tt.want, fields(verr)); diff != "" {
				t.Errorf("Conclude fields (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAgreementKindGoverns(t *testing.T) {
	tests := []struct {
		name       string
		kind       AgreementKind
		id         string
		wantGovern bool
	}{
		{"terms 17.2 governs offer agreements", OfferAgreement, "terms 17.2", true},
		{"terms 17.2 does not govern self-serve", SelfServe, "terms 17.2", false},
		{"terms 19.6 governs self-serve", SelfServe, "19.6", true},
		{"terms 19.6 does not govern offer agreements", OfferAgreement, "terms 19.6", false},
		{"terms 20.1 governs both", SelfServe, "terms 20.1", true},
		{"terms 20.2 governs both", OfferAgreement, "terms 20.2", true},
		{"no section 21", OfferAgreement, "terms 21.1", false},
		{"garbage", OfferAgreement, "GDPR Art. 12", false},
	}
	for _, tt := range tests {
		if got := tt.kind.Governs(tt.id); got != tt.wantGovern {
			t.Errorf("%s: %v.Governs(%q) = %v, want %v", tt.name, tt.kind, tt.id, got, tt.wantGovern)
		}
	}
	for _, k := range []DocumentKind{OfferDocument, DataProcessingAgreement, GeneralTerms, SalesMaterial} {
		b, _ := k.MarshalText()
		var got DocumentKind
		if err := got.UnmarshalText(b); err != nil || got != k {
			t.Errorf("terms 1.2 DocumentKind round trip %v: %v %v", k, got, err)
		}
	}
	for _, k := range []AgreementKind{SelfServe, OfferAgreement} {
		b, _ := k.MarshalText()
		var got AgreementKind
		if err := got.UnmarshalText(b); err != nil || got != k {
			t.Errorf("terms 1.3 AgreementKind round trip %v: %v %v", k, got, err)
		}
	}
	var k AgreementKind
	if err := k.UnmarshalText([]byte("web")); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("AgreementKind.UnmarshalText(web) = %v, want ErrInvalidInput", err)
	}
}

func TestConcludeCopiesDocuments(t *testing.T) {
	docs := []Document{offer(map[string]string{"payment_period": "P1M"})}
	a, err := Conclude(AgreementSpec{Kind: OfferAgreement, Customer: Party{Name: "X"},
		Concluded: MustParseDate("2026-01-01"), Terms: OpenDIMSTerms(), Documents: docs})
	if err != nil {
		t.Fatal(err)
	}
	docs[0].Params["payment_period"] = "P2M"
	if got := a.Documents[0].Params["payment_period"]; got != "P1M" {
		t.Errorf("terms 1.2 Agreement.Documents changed with the caller's map: %q, want P1M", got)
	}
}
