package peppol_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/billing/peppol"
	"github.com/pimkit/pimkit/internal/money"
)

var examplesDir = flag.String("examples", "", "folder of the official Peppol BIS 3.0 examples; the test fails if it is missing")

// officialExamples returns the official example documents of Peppol BIS
// Billing 3.0 (OpenPEPPOL release 3.0.19, folder rules/examples), from
// -examples or from the shared validation artefacts beside the
// repository.
func officialExamples(t *testing.T) []string {
	t.Helper()
	dirs := []string{*examplesDir}
	if *examplesDir == "" {
		dirs = []string{"../../../shared/peppol/rules/examples", "/work/shared/peppol/rules/examples"}
	}
	for _, d := range dirs {
		files, _ := filepath.Glob(filepath.Join(d, "*.xml"))
		if len(files) > 0 {
			return files
		}
	}
	if *examplesDir != "" {
		t.Fatalf("no official examples in %s", *examplesDir)
	}
	t.Skip("the official Peppol examples are not on this machine; .ci/run passes -examples")
	return nil
}

// TestOfficialExamples reads each official example of Peppol BIS Billing
// 3.0 and writes it back; the written document holds the same elements
// with the same values and attributes as the original (numbers compared
// as numbers: 25.0 is 25), and reads back to the same Document.
func TestOfficialExamples(t *testing.T) {
	for _, f := range officialExamples(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			orig, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d, err := peppol.Read(bytes.NewReader(orig))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			var out bytes.Buffer
			if err := peppol.Write(&out, d); err != nil {
				t.Fatalf("Write: %v", err)
			}
			if *outDir != "" {
				if err := os.WriteFile(filepath.Join(*outDir, "official-"+filepath.Base(f)), out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, got := leaves(t, orig), leaves(t, out.Bytes())
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("written back differs from the original (-original +written):\n%s", diff)
			}
			back, err := peppol.Read(&out)
			if err != nil {
				t.Fatalf("Read(Write): %v", err)
			}
			if !cmp.Equal(d, back) {
				t.Errorf("Read(Write(d)) differs: %s", cmp.Diff(d, back))
			}
		})
	}
}

// leaves lists a UBL document's leaf elements as "path[@attr=value...]
// = text", sorted, with numbers in canonical form.
func leaves(t *testing.T, b []byte) []string {
	t.Helper()
	prefix := map[string]string{
		"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2": "cac:",
		"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2":     "cbc:",
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var path []string
	var attrs [][]string
	var text strings.Builder
	var out []string
	leaf := true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			path = append(path, prefix[x.Name.Space]+x.Name.Local)
			var as []string
			for _, a := range x.Attr {
				if a.Name.Space == "" && a.Name.Local != "xmlns" {
					as = append(as, fmt.Sprintf("@%s=%s", a.Name.Local, a.Value))
				}
			}
			slices.Sort(as)
			attrs = append(attrs, as)
			text.Reset()
			leaf = true
		case xml.CharData:
			text.Write(x)
		case xml.EndElement:
			if leaf {
				v := strings.TrimSpace(text.String())
				if d, err := money.ParseDecimal(v); err == nil {
					v = d.String()
				}
				out = append(out, strings.Join(path, "/")+strings.Join(attrs[len(attrs)-1], "")+" = "+v)
			}
			leaf = false
			path, attrs = path[:len(path)-1], attrs[:len(attrs)-1]
		}
	}
	slices.Sort(out)
	return out
}
