package enum_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/pimkit/pimkit/internal/enum"
)

type kind uint8

const (
	_ kind = iota
	business
	consumer
)

var names = enum.Names{business: "business", consumer: "private_consumer"}

var errSyntax = errors.New("pkg: syntax error")

func TestEnumText(t *testing.T) {
	if got := enum.String(names, consumer, "Kind"); got != "private_consumer" {
		t.Errorf("String = %q", got)
	}
	if got := enum.String(names, kind(0), "Kind"); got != "Kind(0)" {
		t.Errorf("String(0) = %q, want Kind(0)", got)
	}
	if got := enum.String(names, kind(9), "Kind"); got != "Kind(9)" {
		t.Errorf("String(9) = %q, want Kind(9)", got)
	}
	b, err := enum.Marshal(names, business, "kind", errSyntax)
	if err != nil || string(b) != "business" {
		t.Errorf("Marshal = %q, %v", b, err)
	}
	if _, err := enum.Marshal(names, kind(0), "kind", errSyntax); !errors.Is(err, errSyntax) {
		t.Errorf("Marshal(0) error = %v, want the package's sentinel", err)
	}
	var k kind = consumer
	if err := enum.Unmarshal(names, []byte("business"), &k, "kind", errSyntax); err != nil || k != business {
		t.Errorf("Unmarshal = %v, %v", k, err)
	}
	long := make([]byte, 100)
	for i := range long {
		long[i] = 'x'
	}
	err = enum.Unmarshal(names, long, &k, "kind", errSyntax)
	if !errors.Is(err, errSyntax) || k != business || len(err.Error()) > 80 {
		t.Errorf("Unmarshal(100 x) = %v (k %v), want a short error and k unchanged", err, k)
	}
	secret := []byte("jane.doe@example.com")
	err = enum.Unmarshal(names, secret, &k, "kind", errSyntax)
	if !errors.Is(err, errSyntax) || strings.Contains(err.Error(), "jane") {
		t.Errorf("Unmarshal(personal text) = %v, want an error that does not quote it", err)
	}
	if err != nil && !strings.Contains(err.Error(), "business, private_consumer") {
		t.Errorf("Unmarshal(unknown) = %v, want the expected names", err)
	}
	err = enum.Unmarshal(names, long, &k, "kind", errSyntax)
	if err != nil && strings.Contains(err.Error(), "xxx") {
		t.Errorf("Unmarshal(100 x) = %v quotes its input", err)
	}
	if err := enum.Unmarshal(names, []byte(""), &k, "kind", errSyntax); !errors.Is(err, errSyntax) {
		t.Errorf("empty text must be an error, got %v", err)
	}
}
