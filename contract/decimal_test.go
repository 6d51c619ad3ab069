package contract_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pimkit/pimkit/contract"
)

func TestDecimalBoundedJSON(t *testing.T) {
	type doc struct {
		Rate contract.Decimal `json:"rate"`
	}
	in := doc{contract.MustDec("0.25")}
	b, err := json.Marshal(in)
	if err != nil || string(b) != `{"rate":"0.25"}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var back doc
	if err := json.Unmarshal(b, &back); err != nil || !cmp.Equal(in, back) {
		t.Errorf("read back %v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"rate":0.250}`), &back); err != nil || !back.Rate.Equal(in.Rate) {
		t.Errorf("a JSON number reads too: %v, %v", back, err)
	}
	if d := back.Rate.Decimal().Mul(contract.MustDec("4").Decimal()); d.String() != "1" {
		t.Errorf("decimal methods work on a Decimal: 0.25 x 4 = %s", d)
	}
	// One bounded parser: a megabyte of digits is refused at once.
	huge := `{"rate":"` + strings.Repeat("9", 1<<20) + `"}`
	if err := json.Unmarshal([]byte(huge), &back); !errors.Is(err, contract.ErrInvalidInput) {
		t.Errorf("1 MiB of digits: %v, want ErrInvalidInput", err)
	}
	for _, bad := range []string{`"1e3"`, `"1,5"`, `" 1"`, `"1000000000000000001"`, `true`} {
		var d contract.Decimal
		if err := d.UnmarshalJSON([]byte(bad)); err == nil {
			t.Errorf("UnmarshalJSON(%s) = %v, want an error", bad, d)
		}
	}
}

func BenchmarkDecimalUnmarshalHostile(b *testing.B) {
	huge := []byte(`"` + strings.Repeat("9", 1<<20) + `"`)
	b.SetBytes(int64(len(huge)))
	b.ReportAllocs()
	for b.Loop() {
		var d contract.Decimal
		_ = d.UnmarshalJSON(huge)
	}
}
