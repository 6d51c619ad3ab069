package privacy

import (
	"encoding/json"
	"github.com/pimkit/pimkit/internal/jsonbound"
	"reflect"
	"slices"
	"strconv"
	"unsafe"

	"github.com/pimkit/pimkit/contract"
)

// PolicyHistory is the sequence of a policy's versions, each in force from
// its effective date until the next one's (half-open intervals). The zero
// PolicyHistory has no version.
type PolicyHistory struct {
	versions []Policy // sorted by Effective, unique
}

// NewPolicyHistory returns the history of versions in date order. Two
// versions with the same effective date, or a version with none, are an
// error wrapping ErrInvalid.
func NewPolicyHistory(versions ...Policy) (PolicyHistory, error) {
	vs := append([]Policy(nil), versions...)
	var ps contract.Problems
	for i, v := range vs {
		if v.Effective.IsZero() && ps.Len() < maxProblems {
			ps.Add("versions["+strconv.Itoa(i)+"].effective", "required", "")
		}
	}
	sortPolicies(vs)
	for i := 1; i < len(vs); i++ {
		if vs[i].Effective == vs[i-1].Effective && !vs[i].Effective.IsZero() && ps.Len() < maxProblems {
			ps.Add("versions", "duplicate_effective_date", vs[i].Effective.String())
		}
	}
	if err := ps.Err("new policy history", ErrInvalid); err != nil {
		return PolicyHistory{}, err
	}
	return PolicyHistory{versions: vs}, nil
}

// InForce returns the version in force on day on: the latest version that
// governs events from on or before it ([Policy.GovernsFrom]: its
// publication date when that is later than the date it states, else the
// stated date). For OpenDIMS, 2026-06-23 gives the 2025 version and
// 2026-06-24 the 2026 one; the 2025 version says 2025-02-01 but was
// published 2025-02-07, so 2025-02-06 is an error wrapping ErrNoPolicy, as
// no version could be read yet, and 2025-02-07 gives the 2025 version.
func (h PolicyHistory) InForce(on contract.Date) (Policy, error) {
	for i := len(h.versions) - 1; i >= 0; i-- {
		if !h.versions[i].GovernsFrom().After(on) {
			return h.versions[i], nil
		}
	}
	return Policy{}, ErrNoPolicy
}

// Versions returns the versions in date order.
func (h PolicyHistory) Versions() []Policy { return append([]Policy(nil), h.versions...) }

func sortPolicies(vs []Policy) {
	slices.SortStableFunc(vs, func(a, b Policy) int { return a.Effective.Compare(b.Effective) })
}

// FreshConsentSince returns the effective date of the latest version whose
// change from the version before it needs fresh consent ([Diff]), for
// [ConsentRules].FreshConsentSince; zero when no change did. For OpenDIMS
// it is zero: 2026-06-24 needs notice only.
func (h PolicyHistory) FreshConsentSince() contract.Date {
	for i := len(h.versions) - 1; i > 0; i-- {
		if Diff(h.versions[i-1], h.versions[i]).NeedsFreshConsent {
			return h.versions[i].Effective
		}
	}
	return contract.Date{}
}

// MarshalJSON writes the history as {"versions":[...]}, the versions in
// date order.
func (h PolicyHistory) MarshalJSON() ([]byte, error) {
	vs := h.versions
	if vs == nil {
		vs = []Policy{}
	}
	return json.Marshal(struct {
		Versions []Policy `json:"versions"`
	}{vs})
}

// UnmarshalJSON reads what MarshalJSON writes and rebuilds the history
// through [NewPolicyHistory]; versions without an effective date, or two
// with the same one, are an error as from it, and h is left unchanged. It
// allocates at most 16 bytes per byte of b plus 64 KiB: input dense
// enough in objects to cost more is refused with rule "too_dense" before
// it is decoded.
func (h *PolicyHistory) UnmarshalJSON(b []byte) error {
	if err := refuseDense(jsonbound.Cost{Heavy: 3 * int(unsafe.Sizeof(Policy{})), Light: 48, Member: 16}, "new policy history", b); err != nil {
		return err
	}
	var v struct {
		Versions []Policy `json:"versions"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	n, err := NewPolicyHistory(v.Versions...)
	if err != nil {
		return err
	}
	if len(n.versions) == 0 {
		n.versions = nil
	}
	*h = n
	return nil
}

// Equal reports whether h and o hold equal versions.
func (h PolicyHistory) Equal(o PolicyHistory) bool { return reflect.DeepEqual(h.versions, o.versions) }
