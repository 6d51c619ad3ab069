package peppol_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/billing/peppol"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/internal/allocbound"
)

const head = `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" ` +
	`xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" ` +
	`xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">`

// FuzzRead feeds Read anything: it never panics, every error is a
// *contract.ValidationError of ErrSyntax or ErrInvalid, and a document it
// reads and Check accepts writes and reads back equal.
func FuzzRead(f *testing.F) {
	var b bytes.Buffer
	if err := peppol.Write(&b, full()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte(head + `<cbc:ID>1</cbc:ID><cbc:IssueDate>2026-13-01</cbc:IssueDate></Invoice>`))
	f.Add([]byte(head + `<cac:InvoiceLine><cbc:LineExtensionAmount currencyID="XXX">1,5</cbc:LineExtensionAmount></cac:InvoiceLine></Invoice>`))
	f.Add([]byte(`<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/>`))
	f.Add([]byte(`<x/>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		d, err := peppol.Read(bytes.NewReader(in))
		if err != nil {
			var verr *contract.ValidationError
			if !errors.As(err, &verr) || !(errors.Is(err, peppol.ErrSyntax) || errors.Is(err, peppol.ErrInvalid)) {
				t.Fatalf("Read error %v is not a validation error of the package", err)
			}
			return
		}
		if d.Check() != nil {
			return
		}
		var out bytes.Buffer
		if err := peppol.Write(&out, d); err != nil {
			t.Fatalf("Write of a checked document: %v", err)
		}
		back, err := peppol.Read(&out)
		if err != nil {
			t.Fatalf("Read(Write(d)): %v", err)
		}
		if !cmp.Equal(d, back) {
			t.Fatalf("Read(Write(d)) differs: %s", cmp.Diff(d, back))
		}
	})
}

// TestReadProblems: each value that does not read is reported at its
// JSON path, all at once, without quoting the input.
func TestReadProblems(t *testing.T) {
	in := head + `<cbc:ID>1</cbc:ID><cbc:IssueDate>2026-13-01</cbc:IssueDate>` +
		`<cbc:DocumentCurrencyCode>DKK</cbc:DocumentCurrencyCode>` +
		`<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">1.00</cbc:TaxAmount></cac:TaxTotal>` +
		`<cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:InvoicedQuantity unitCode="C62">lots</cbc:InvoicedQuantity>` +
		`<cbc:LineExtensionAmount currencyID="DKK">1,5</cbc:LineExtensionAmount>` +
		`<cac:Item><cbc:Name>PIM</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID></cac:ClassifiedTaxCategory></cac:Item>` +
		`<cac:Price><cbc:PriceAmount currencyID="DKK">1</cbc:PriceAmount></cac:Price></cac:InvoiceLine>` +
		`<cac:InvoiceLine><cbc:ID>2</cbc:ID></cac:InvoiceLine></Invoice>`
	_, err := peppol.Read(strings.NewReader(in))
	var verr *contract.ValidationError
	if !errors.As(err, &verr) || !errors.Is(err, peppol.ErrInvalid) {
		t.Fatalf("Read = %v, want a validation error of ErrInvalid", err)
	}
	for _, want := range []struct{ path, rule string }{
		{"issue_date", "date"}, {"tax_amount", "currency_mismatch"}, {"lines[0].quantity", "decimal"}, {"lines[0].net_amount", "decimal"},
		{"lines[1].net_amount", "required"}, {"lines[1].price.amount", "required"}, // BT-131, BT-146
	} {
		if !verr.Has(want.path, want.rule) {
			t.Errorf("no problem %s %s in %v", want.path, want.rule, verr.Problems)
		}
	}
	if strings.Contains(err.Error(), "lots") || strings.Contains(err.Error(), "1,5") {
		t.Errorf("error quotes the input: %v", err)
	}
}

// TestReadSyntax: input that is not a UBL invoice or credit note is one
// problem at the root, of ErrSyntax.
func TestReadSyntax(t *testing.T) {
	for _, c := range []struct{ name, in, rule string }{
		{"not xml", `<Invoice`, "xml"},
		{"empty", ``, "xml"},
		{"other root", `<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>`, "root"},
		{"invoice without namespace", `<Invoice/>`, "root"},
		{"too large", head + strings.Repeat(" ", peppol.MaxDocumentBytes) + `</Invoice>`, "max"},
		{"tiny tags", head + strings.Repeat("<a/>", 100000) + `</Invoice>`, "too_dense"},
		{"too deep", head + strings.Repeat("<cac:Item>", 70) + strings.Repeat("</cac:Item>", 70) + `</Invoice>`, "too_deep"},
		{"mismatched end tag", head + `<cbc:ID>1</cbc:Note></Invoice>`, "xml"},
		{"two roots", head + `</Invoice>` + head + `</Invoice>`, "xml"},
	} {
		_, err := peppol.Read(strings.NewReader(c.in))
		var verr *contract.ValidationError
		if !errors.As(err, &verr) || !errors.Is(err, peppol.ErrSyntax) || !verr.Has("", c.rule) {
			t.Errorf("%s: Read = %v, want problem \"\" %s of ErrSyntax", c.name, err, c.rule)
		}
	}
}

// TestReadDecoderBound holds Read to 16 bytes per input byte plus 64 KiB on 1
// MiB of hostile input: many tiny known elements, unknown elements, deep
// nesting, long text.
func TestReadDecoderBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	n := 1 << 20
	rep := func(unit string) []byte {
		return []byte(head + strings.Repeat(unit, n/len(unit)) + `</Invoice>`)
	}
	for name, in := range map[string][]byte{
		"notes":           rep(`<cbc:Note/>`),
		"short notes":     rep(`<cbc:Note>a</cbc:Note>`),
		"lines":           rep(`<cac:InvoiceLine/>`),
		"unknown":         rep(`<a/>`),
		"attributes":      rep(`<cbc:ID schemeID="a" currencyID="b" unitCode="c" listID="d" name="e"/>`),
		"deep":            []byte(head + strings.Repeat(`<cac:Item>`, n/10) + strings.Repeat(`</cac:Item>`, n/11)),
		"deep unknown":    []byte(head + strings.Repeat(`<a>`, n/3)),
		"long text":       []byte(head + `<cbc:Note>` + strings.Repeat("a", n) + `</cbc:Note></Invoice>`),
		"billing refs":    rep(`<cac:BillingReference><cac:InvoiceDocumentReference/></cac:BillingReference>`),
		"party ids":       []byte(head + `<cac:AccountingSupplierParty><cac:Party>` + strings.Repeat(`<cac:PartyIdentification/>`, n/26) + `</cac:Party></cac:AccountingSupplierParty></Invoice>`),
		"tax subtotals":   rep(`<cac:TaxTotal><cac:TaxSubtotal/></cac:TaxTotal>`),
		"id lines":        rep(`<cac:InvoiceLine><cbc:ID>1</cbc:ID></cac:InvoiceLine>`),
		"credit lines":    []byte(strings.Replace(strings.Replace(string(rep(`<cac:CreditNoteLine><cbc:ID>1</cbc:ID></cac:CreditNoteLine>`)), "Invoice", "CreditNote", 2), "Invoice-2", "CreditNote-2", 1)),
		"id billing refs": rep(`<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>1</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>`),
		"payment means":   rep(`<cac:PaymentMeans><cbc:PaymentMeansCode>1</cbc:PaymentMeansCode></cac:PaymentMeans>`),
		"allowances":      rep(`<cac:AllowanceCharge><cbc:ChargeIndicator>x</cbc:ChargeIndicator></cac:AllowanceCharge>`),
		"amounts":         rep(`<cac:TaxTotal><cac:TaxSubtotal><cbc:TaxableAmount currencyID="DKK">1</cbc:TaxableAmount></cac:TaxSubtotal></cac:TaxTotal>`),
		"bad dates":       rep(`<cbc:IssueDate>x</cbc:IssueDate>`),
		"documents":       rep(`<cac:AdditionalDocumentReference><cbc:ID>1</cbc:ID></cac:AdditionalDocumentReference>`),
		"line ids":        []byte(head + `<cac:InvoiceLine>` + strings.Repeat(`<cac:AllowanceCharge><cbc:ChargeIndicator>x</cbc:ChargeIndicator></cac:AllowanceCharge>`, n/86) + `</cac:InvoiceLine></Invoice>`),
		"identifiers":     []byte(head + `<cac:AccountingSupplierParty><cac:Party>` + strings.Repeat(`<cac:PartyIdentification><cbc:ID>1</cbc:ID></cac:PartyIdentification>`, n/70) + `</cac:Party></cac:AccountingSupplierParty></Invoice>`),
		"classification":  []byte(head + `<cac:InvoiceLine><cac:Item>` + strings.Repeat(`<cac:CommodityClassification/>`, n/31) + `</cac:Item></cac:InvoiceLine></Invoice>`),
	} {
		got := allocbound.Allocated(func() { _, _ = peppol.Read(bytes.NewReader(in)) })
		if got > allocbound.Bound(len(in)) {
			t.Errorf("%s: Read allocated %d bytes, %.1f per input byte; the bound is 16 per byte plus 64 KiB", name, got, float64(got)/float64(len(in)))
		}
	}
}

// TestDocumentJSONDecoderBound holds Document's JSON decoding to 16 bytes
// per input byte plus 64 KiB, and still reads a document of 2,000 real
// lines.
func TestDocumentJSONDecoderBound(t *testing.T) {
	allocbound.SkipUnlessMeasurable(t)
	n := 1 << 20
	list := func(key, unit string) []byte {
		return []byte(`{"` + key + `":[` + strings.Repeat(unit, n/len(unit)) + `{}]}`)
	}
	for name, in := range map[string][]byte{
		"empty lines":        list("lines", "{},"),
		"null lines":         list("lines", "null,"),
		"notes":              list("notes", `"",`),
		"subtotals":          list("tax_subtotals", "{},"),
		"line allowances":    []byte(`{"lines":[{"allowance_charges":[` + strings.Repeat("{},", n/3) + `{}]}]}`),
		"item properties":    []byte(`{"lines":[{"item":{"properties":[` + strings.Repeat("{},", n/3) + `{}]}}]}`),
		"padded lines":       list("lines", `{"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},`),
		"party identifiers":  []byte(`{"seller":{"identifiers":[` + strings.Repeat("{},", n/3) + `{}]}}`),
		"billing references": list("billing_references", "{},"),
	} {
		got := allocbound.Allocated(func() { var d peppol.Document; _ = json.Unmarshal(in, &d) })
		if got > allocbound.Bound(len(in)) {
			t.Errorf("%s: allocated %d bytes, %.1f per input byte", name, got, float64(got)/float64(len(in)))
		}
	}
	d := full()
	l := d.Lines[0]
	d.Lines = nil
	for range 2000 {
		d.Lines = append(d.Lines, l)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back peppol.Document
	if err := json.Unmarshal(b, &back); err != nil || len(back.Lines) != 2000 {
		t.Errorf("a document of 2,000 lines (%d bytes of JSON) does not read back: %v", len(b), err)
	}
}
