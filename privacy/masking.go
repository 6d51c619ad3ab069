package privacy

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"

	"github.com/pimkit/pimkit/internal/enum"
)

// MaskKind is a way to mask a personal field when anonymising a record.
type MaskKind uint8

// The masking kinds.
const (
	// MaskNull replaces the value with nothing (SQL NULL). It is the only
	// kind that anonymises on its own.
	MaskNull MaskKind = iota + 1
	// MaskHash replaces the value with its SHA-256 in hex. That is
	// pseudonymisation, not anonymisation (GDPR Recital 26): an e-mail
	// address can be found again by hashing guesses.
	MaskHash
	// MaskHMAC replaces the value with its HMAC-SHA256 under a key the
	// host keeps secret, so equal values still match across records
	// (pseudonymisation; destroy the key to anonymise).
	MaskHMAC
)

var maskKindNames = enum.Names{"", "null", "sha256", "hmac_sha256"}

// String returns "null", "sha256" or "hmac_sha256".
func (k MaskKind) String() string { return enum.String(maskKindNames, k, "MaskKind") }

// MarshalText implements encoding.TextMarshaler.
func (k MaskKind) MarshalText() ([]byte, error) {
	return enum.Marshal(maskKindNames, k, "mask kind", ErrUnknownValue)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown text is an
// error wrapping ErrUnknownValue.
// It allocates at most 16 bytes per byte of its input plus 64 KiB.
func (k *MaskKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(maskKindNames, b, k, "mask kind", ErrUnknownValue)
}

// Masking is a masking strategy as a value: a kind and, for MaskHMAC, the
// host's key. The key is never marshalled or printed.
type Masking struct {
	// Kind is the kind of masking.
	Kind MaskKind `json:"kind"`
	// Key is the HMAC key; required for MaskHMAC, ignored otherwise.
	Key []byte `json:"-"`
}

// String returns the kind: "hmac_sha256". It never shows the key.
func (m Masking) String() string { return m.Kind.String() }

// Apply masks value. It returns ok false for MaskNull (store NULL) and
// for MaskHMAC without a key or an invalid kind (mask nothing, report the
// misconfiguration); otherwise the hex digest:
// Masking{Kind: MaskHash}.Apply("a") is
// "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb".
func (m Masking) Apply(value string) (masked string, ok bool) {
	switch m.Kind {
	case MaskHash:
		sum := sha256.Sum256([]byte(value))
		return hex.EncodeToString(sum[:]), true
	case MaskHMAC:
		if len(m.Key) == 0 {
			return "", false
		}
		mac := hmac.New(sha256.New, m.Key)
		mac.Write([]byte(value))
		return hex.EncodeToString(mac.Sum(nil)), true
	}
	return "", false
}

// HashSubject returns the identifier of a subject for proofs and exports:
// the hex HMAC-SHA256 of subject under key, or its SHA-256 when key is
// empty. Use a key: a bare hash of a customer number can be reversed by
// trying them all.
func HashSubject(subject string, key []byte) string {
	if len(key) == 0 {
		s, _ := Masking{Kind: MaskHash}.Apply(subject)
		return s
	}
	s, _ := Masking{Kind: MaskHMAC, Key: key}.Apply(subject)
	return s
}
