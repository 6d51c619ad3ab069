package catalog

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
	"golang.org/x/text/currency"
)

func publishOpts() PublishOptions {
	return PublishOptions{
		Locale: daDK, Channel: "ecommerce", Currency: contract.CurrencyOf(currency.DKK),
		Brand: "brand", GTIN: "ean", MPN: "mpn",
		ShowBasis: InclVAT, VATRate: cd("0.25"), // contract.EUVATRates: DK
		Link:         func(r Record) string { return "https://shop.example/p/" + r.ID },
		ImageURL:     func(a Asset) string { return "https://cdn.example/" + a.Ref },
		Availability: func(Record) Availability { return InStock },
	}
}

func TestProductJSONLD(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	var buf bytes.Buffer
	if err := c.ProductJSONLD(&buf, completeProduct(), publishOpts()); err != nil {
		t.Fatal(err)
	}
	want := `{"@context":"https://schema.org","@type":"Product","name":"Skjorte","image":["https://cdn.example/img/shirt.jpg"],` +
		`"sku":"SHIRT-1","gtin":"4006381333931","brand":{"@type":"Brand","name":"Acme"},` +
		`"offers":{"@type":"Offer","url":"https://shop.example/p/SHIRT-1","price":"248.75","priceCurrency":"DKK","availability":"https://schema.org/InStock"}}` + "\n"
	if got := buf.String(); got != want {
		t.Errorf("ProductJSONLD (schema.org Product; 199.00 excl. shown incl. 25 %% VAT) =\n%s\nwant\n%s", got, want)
	}
	if !json.Valid(buf.Bytes()) {
		t.Errorf("ProductJSONLD output is not valid JSON")
	}
	opts := publishOpts()
	opts.VATRate = cd("0")
	err := c.ProductJSONLD(&buf, completeProduct(), opts)
	if diff := cmp.Diff([]prob{{"price", RuleVATRate, "incl_vat"}}, problemsOf(t, err)); diff != "" {
		t.Errorf("ProductJSONLD without VAT rate (-want +got):\n%s", diff)
	}
}

func TestProductGroupJSONLD(t *testing.T) {
	c := mustCompile(testSchema(), testChannels()...)
	opts := publishOpts()
	opts.ShowBasis = ExclVAT
	var buf bytes.Buffer
	if err := c.ProductGroupJSONLD(&buf, tshirtGroup(), opts); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Type       string   `json:"@type"`
		Name       string   `json:"name"`
		GroupID    string   `json:"productGroupID"`
		VariesBy   []string `json:"variesBy"`
		HasVariant []struct {
			Type   string `json:"@type"`
			SKU    string `json:"sku"`
			Offers struct {
				Price string `json:"price"`
			} `json:"offers"`
		} `json:"hasVariant"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("ProductGroupJSONLD output: %v\n%s", err, buf.String())
	}
	if got.Type != "ProductGroup" || got.Name != "T-shirt" || got.GroupID != "tshirt" {
		t.Errorf("ProductGroup head = %+v", got)
	}
	if diff := cmp.Diff([]string{"https://schema.org/color", "https://schema.org/size"}, got.VariesBy); diff != "" {
		t.Errorf("variesBy (-want +got):\n%s", diff)
	}
	if len(got.HasVariant) != 3 || got.HasVariant[1].SKU != "TS-RED-M" || got.HasVariant[1].Offers.Price != "99.00" || got.HasVariant[1].Type != "Product" {
		t.Errorf("hasVariant = %+v, want 3 Products with inherited price 99.00", got.HasVariant)
	}
}
